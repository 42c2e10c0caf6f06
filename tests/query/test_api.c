/*
 * test_api.c - the public API end to end, as an embedder uses it: index
 * buffers with metadata, query with filters, read hits, spans and figures,
 * list figures, remove a document, and the error paths.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "zhaoshu.h"

int main(void)
{
    char path[] = "/tmp/zs-api-XXXXXX";
    int fd = mkstemp(path);
    zs_db *db = NULL;
    zs_query *q = NULL;
    const zs_hit *h = NULL;
    zs_open_opts oo = {ZS_OPEN_OPTS_VERSION, ZS_OPEN_CREATE};
    zs_doc_meta meta = {ZS_DOC_META_VERSION, "2023-06-01", "测试日报"};
    const char *a = "本报讯 今年，安顺高新区签约金额达135.34亿元，同比增长12%。\n";
    const char *b = "安顺国家高新区今年签约金额为1353.4亿元。\n";

    close(fd);
    unlink(path); /* zs_db_open creates it */
    TAP_INTEQ(zs_db_open(&db, path, NULL), ZS_ENOTFOUND, "no index and no CREATE: ENOTFOUND");
    tap_ok(strstr(zs_errmsg(db), "zhaoshu index") != NULL, "message says how to build one");
    zs_db_close(db);
    TAP_INTEQ(zs_db_open(&db, path, &oo), 0, "create an index");
    TAP_INTEQ(zs_index_buffer(db, "a", a, strlen(a), &meta), 0, "index a buffer with a date");
    TAP_INTEQ(zs_index_buffer(db, "b", b, strlen(b), &meta), 0, "index another");
    TAP_INTEQ(zs_index_buffer(db, "bin", "\x7f" "ELF\0\0\0\0", 8, NULL), ZS_EINVAL,
              "binary data is refused");

    zs_query_opts qo = {ZS_QUERY_OPTS_VERSION, "安顺高新区", "2023", "<200亿元", 10, 0, 0};
    TAP_INTEQ(zs_query_open(&q, db, "签约金额", strlen("签约金额"), &qo), 0, "query with filters");
    TAP_INTEQ(zs_query_next(q, &h), 0, "one hit");
    if (h) {
        TAP_STREQ(h->doc, "a", "the passage with a figure under 200亿元");
        tap_ok(h->nparks == 1 && !strcmp(h->parks[0], "安顺高新区"), "park folded");
        size_t nfig = 0, nmatch = 0;
        for (size_t i = 0; i < h->nspans; i++) {
            const zs_span *s = &h->spans[i];
            if (s->kind == ZS_SPAN_FIGURE)
                nfig++;
            else if (s->end - s->start == strlen("签约金额") &&
                     !memcmp(h->text + s->start, "签约金额", s->end - s->start))
                nmatch++;
        }
        TAP_INTEQ(nmatch, 1, "match span on the exact bytes");
        TAP_INTEQ(nfig, h->nfigures, "one figure span per figure");
        tap_ok(h->nfigures >= 1 && h->figures[0].value == 13534000000.0 &&
                   !strcmp(h->figures[0].cls, "money"),
               "figure value and class");
    }
    TAP_INTEQ(zs_query_next(q, &h), ZS_ITEROVER, "then the end");
    zs_query_free(q);
    q = NULL;

    TAP_INTEQ(zs_query_open(&q, db, "签约 \"金额", strlen("签约 \"金额"), NULL), ZS_ESYNTAX, "syntax error");
    TAP_INTEQ(zs_query_error_offset(db), 7, "offset of the unclosed quote");
    zs_query_free(q);
    q = NULL;

    zs_figures *f = NULL;
    zs_figures_opts fo = {ZS_FIGURES_OPTS_VERSION, "安顺国家高新区", NULL, "签约金额", 1};
    const zs_figure_row *r;
    int conflicts = 0;
    TAP_INTEQ(zs_figures_open(&f, db, "", 0, &fo), 0, "figures of a park and metric");
    while (f && zs_figures_next(f, &r) == 0)
        conflicts += strstr(r->conflict, "10 times apart") != NULL;
    TAP_INTEQ(conflicts, 2, "both sides of the misprint marked");
    zs_figures_free(f);

    TAP_INTEQ(zs_index_remove(db, "b"), 0, "remove a document");
    TAP_INTEQ(zs_index_remove(db, "b"), ZS_ENOTFOUND, "removing twice: ENOTFOUND");
    TAP_INTEQ(zs_query_open(&q, db, "1353.4", 6, NULL), 0, "query its figure");
    TAP_INTEQ(zs_query_next(q, &h), ZS_ITEROVER, "gone");
    zs_query_free(q);
    TAP_INTEQ(zs_db_check(db), 0, "index sound");
    zs_db_close(db);
    zs_db_close(NULL);
    unlink(path);
    return tap_done();
}
