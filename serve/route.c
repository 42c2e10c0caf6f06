/*
 * route.c - one request to one response: checks, assets, the API, errors.
 *
 * No HTTP library here: http.c hands in the method, the Host header and the
 * raw URI and sends back what this file decides, so tests and the fuzz
 * target drive exactly the code a browser does.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "serve.h"

/*
 * The page loads only its own script, style and API: no inline script, no
 * eval, no plugins, no framing. Text from the index is inserted with
 * textContent, and this policy is the second wall should that ever slip.
 */
const char *const serve_headers[] = {
    "Content-Security-Policy",
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options",
    "nosniff",
    "Referrer-Policy",
    "no-referrer",
    "X-Frame-Options",
    "DENY",
    "Cross-Origin-Resource-Policy",
    "same-origin",
    NULL,
};

void serve_error(serve_resp *resp, int status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sb_free(&resp->body);
    resp->status = status;
    resp->type = "application/json; charset=utf-8";
    resp->api = 1;
    resp->asset = NULL;
    sb_puts(&resp->body, "{\"error\":");
    sb_json_str(&resp->body, msg, strlen(msg));
    sb_printf(&resp->body, ",\"status\":%d}\n", status);
}

void serve_resp_free(serve_resp *resp)
{
    sb_free(&resp->body);
}

/* Host names a loopback server answers to; anything else is a page on
 * another site reaching it through DNS rebinding. */
static int host_ok(const serve_cfg *c, const char *host)
{
    static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
    if (!c->loopback_only || !host)
        return 1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t k = strlen(names[i]);
        if (strncasecmp(host, names[i], k))
            continue;
        if (host[k] == '\0')
            return c->port == 80;
        unsigned port = 0;
        const char *p = host + k + 1;
        if (host[k] != ':' || !*p)
            continue;
        for (; *p >= '0' && *p <= '9' && port < 65536; p++)
            port = port * 10 + (unsigned)(*p - '0');
        if (!*p && port == c->port)
            return 1;
    }
    return 0;
}

void serve_route(serve_thread *t, const char *method, const char *host, const char *uri, size_t n,
                 serve_resp *resp)
{
    serve_req *r = &t->req;
    char err[256];
    int st;

    memset(resp, 0, sizeof *resp);
    resp->status = 200;
    if (!host_ok(t->cfg, host)) {
        serve_error(resp, 403, "this server answers only to 127.0.0.1, localhost and [::1]");
        return;
    }
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        serve_error(resp, 405, "only GET and HEAD are served (the index is read-only)");
        resp->allow = "GET, HEAD";
        return;
    }
    if ((st = serve_req_parse(r, uri, n, err, sizeof err)) != 0) {
        serve_error(resp, st, "%s", err);
        return;
    }
    if (!strncmp(r->path, "/api/", 5)) {
        resp->api = 1;
        resp->type = "application/json; charset=utf-8";
        serve_api(t, r->path + 5, r, resp);
        if (resp->body.oom)
            serve_error(resp, 500, "out of memory");
        return;
    }
    if (serve_asset_find(r->path, &resp->type, &resp->asset, &resp->nasset))
        serve_error(resp, 404, "no such page: %.200s", r->path);
}
