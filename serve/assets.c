/*
 * assets.c - the page's files, embedded in the binary at build time
 * (tools/embed.c turns serve/page/ into C arrays; see serve/meson.build).
 *
 * A request path is only ever compared with this table: no request can name
 * a file on the server's disk.
 */
#include <string.h>

#include "serve.h"

extern const char zs_page_index_html[], zs_page_app_js[], zs_page_style_css[];
extern const size_t zs_page_index_html_len, zs_page_app_js_len, zs_page_style_css_len;

static const struct {
    const char *path, *type, *data;
    const size_t *len;
} table[] = {
    {"/", "text/html; charset=utf-8", zs_page_index_html, &zs_page_index_html_len},
    {"/index.html", "text/html; charset=utf-8", zs_page_index_html, &zs_page_index_html_len},
    {"/app.js", "text/javascript; charset=utf-8", zs_page_app_js, &zs_page_app_js_len},
    {"/style.css", "text/css; charset=utf-8", zs_page_style_css, &zs_page_style_css_len},
};

int serve_asset_find(const char *path, const char **type, const char **data, size_t *len)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (!strcmp(path, table[i].path)) {
            *type = table[i].type;
            *data = table[i].data;
            *len = *table[i].len;
            return 0;
        }
    return -1;
}
