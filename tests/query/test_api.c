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

/* 1 when this process maps the file at path (a line of /proc/self/maps
 * ends with it), 0 when not, -1 when the system does not say. */
static int mapped(const char *path)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[4096];
    size_t n = strlen(path);
    int found = 0;
    if (!f)
        return -1;
    while (!found && fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\n");
        found = len >= n && !memcmp(line + len - n, path, n) && line[len - n - 1] == ' ';
    }
    fclose(f);
    return found;
}

/* A query on a read-only handle; 1 when the file was mapped meanwhile. */
static int query_maps(const char *path, unsigned flags)
{
    zs_open_opts ro = {.version = ZS_OPEN_OPTS_VERSION, .flags = flags};
    zs_db *db = NULL;
    zs_query *q = NULL;
    const zs_hit *h = NULL;
    int m = -1;
    if (zs_db_open(&db, path, &ro) == 0 &&
        zs_query_open(&q, db, "签约", strlen("签约"), NULL) == 0 && zs_query_next(q, &h) == 0)
        m = mapped(path);
    zs_query_free(q);
    zs_db_close(db);
    return m;
}

/* Counts of the expected facet values, and of all else. */
struct fc {
    int park, year, outlet, month, other;
};

static int facet_count(void *ctx, const zs_facet *f)
{
    struct fc *c = ctx;
    int n = (int)f->count;
    if (!strcmp(f->field, "park") && !strcmp(f->value, "安顺高新区"))
        c->park += n;
    else if (!strcmp(f->field, "year") && !strcmp(f->value, "2023"))
        c->year += n;
    else if (!strcmp(f->field, "outlet") && !strcmp(f->value, "测试日报"))
        c->outlet += n;
    else if (!strcmp(f->field, "month") && !strcmp(f->value, "2023-06"))
        c->month += n;
    else
        c->other += n;
    return 0;
}

int main(void)
{
    char path[] = "/tmp/zs-api-XXXXXX";
    int fd = mkstemp(path);
    zs_db *db = NULL;
    zs_query *q = NULL;
    const zs_hit *h = NULL;
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
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
    TAP_INTEQ(zs_index_buffer(db, "bin",
                              "\x7f"
                              "ELF\0\0\0\0",
                              8, NULL),
              ZS_EINVAL, "binary data is refused");

    zs_query_opts qo = {
        ZS_QUERY_OPTS_VERSION, "安顺高新区", "2023", "<200亿元", 10, 0, 0, 0, NULL, NULL, 0};
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

    TAP_INTEQ(zs_query_open(&q, db, "签约 \"金额", strlen("签约 \"金额"), NULL), ZS_ESYNTAX,
              "syntax error");
    TAP_INTEQ(zs_query_error_offset(db), 7, "offset of the unclosed quote");
    zs_query_free(q);
    q = NULL;

    zs_figures *f = NULL;
    zs_figures_opts fo = {
        ZS_FIGURES_OPTS_VERSION, "安顺国家高新区", NULL, "签约金额", 1, NULL, NULL, NULL};
    const zs_figure_row *r;
    int conflicts = 0;
    TAP_INTEQ(zs_figures_open(&f, db, "", 0, &fo), 0, "figures of a park and metric");
    while (f && zs_figures_next(f, &r) == 0)
        conflicts += strstr(r->conflict, "10 times apart") != NULL;
    TAP_INTEQ(conflicts, 2, "both sides of the misprint marked");
    zs_figures_free(f);

    /* classes: only the ones asked for; a misspelt class is an error, not
     * an empty list */
    zs_figures_opts fc_opts = {ZS_FIGURES_OPTS_VERSION, NULL, NULL, NULL, 0, NULL, NULL,
                               "money,percent"};
    int kept = 0, others = 0;
    TAP_INTEQ(zs_figures_open(&f, db, "", 0, &fc_opts), 0, "figures of two classes");
    while (f && zs_figures_next(f, &r) == 0) {
        if (strcmp(r->fig.cls, "money") == 0 || strcmp(r->fig.cls, "percent") == 0)
            kept++;
        else
            others++;
    }
    zs_figures_free(f);
    f = NULL;
    tap_ok(kept > 0 && others == 0, "only money and percent figures (%d kept, %d others)", kept,
           others);
    fc_opts.classes = "money,monye";
    TAP_INTEQ(zs_figures_open(&f, db, "", 0, &fc_opts), ZS_EINVAL, "an unknown class is refused");
    tap_ok(strstr(zs_errmsg(db), "monye") != NULL, "and named: %s", zs_errmsg(db));
    zs_figures_free(f);
    f = NULL;

    /* facets: every match counted by zone, year, outlet and month */
    struct fc fc = {0, 0, 0, 0, 0};
    TAP_INTEQ(zs_query_open(&q, db, "签约金额", strlen("签约金额"), NULL), 0, "query for facets");
    TAP_INTEQ(zs_query_facets(q, facet_count, &fc), 0, "facets counted");
    TAP_INTEQ(fc.park, 2, "安顺高新区: both passages (either alias)");
    TAP_INTEQ(fc.year, 2, "2023 (今年 in a 2023 article): both");
    TAP_INTEQ(fc.outlet, 2, "outlet 测试日报 from the metadata: both");
    TAP_INTEQ(fc.month, 2, "month 2023-06: both");
    TAP_INTEQ(fc.other, 0, "nothing else");
    zs_query_free(q);
    q = NULL;

    /* the reader: a document's passages in order, highlighted */
    long long npass = 0;
    TAP_INTEQ(zs_doc_open(&q, db, "nope", 1, 0, "", 0), ZS_ENOTFOUND,
              "reading a document not indexed");
    tap_ok(strstr(zs_errmsg(db), "no document 'nope'") != NULL, "  the message names it");
    TAP_INTEQ(zs_doc_open(&q, db, "a", 1, 0, "签约金额", strlen("签约金额")), 0, "read document a");
    TAP_INTEQ(zs_query_count(q, &npass), 0, "its passage count");
    tap_ok(npass >= 1, "  at least one passage");
    size_t seen = 0, marked = 0;
    while (q && zs_query_next(q, &h) == 0) {
        seen++;
        tap_ok(h->passage == (long long)seen && !strcmp(h->doc, "a") && h->snippet_start == 0 &&
                   h->snippet_end == h->len,
               "  passage %zu in order, whole, under its document", seen);
        for (size_t i = 0; i < h->nspans; i++)
            marked += h->spans[i].kind == ZS_SPAN_MATCH;
    }
    TAP_INTEQ((long long)seen, npass, "every passage read");
    tap_ok(marked >= 1, "the query's words marked");
    fc.park = 0;
    TAP_INTEQ(zs_query_facets(q, facet_count, &fc), ZS_EINVAL, "no facets of a document read");
    zs_query_free(q);
    q = NULL;
    TAP_INTEQ(zs_doc_open(&q, db, "a", 1, 0, "\"unclosed", 9), ZS_ESYNTAX,
              "a bad query for the reader");
    TAP_INTEQ(zs_db_set_deadline(db, 60000), 0, "a deadline a minute away");
    TAP_INTEQ(zs_query_open(&q, db, "签约", strlen("签约"), NULL), 0, "  queries run");
    zs_query_free(q);
    q = NULL;
    TAP_INTEQ(zs_db_set_deadline(db, 0), 0, "deadline removed");
    TAP_INTEQ(zs_db_set_deadline(NULL, 5), ZS_EINVAL, "no deadline on no handle");

    TAP_INTEQ(zs_index_remove(db, "b"), 0, "remove a document");
    TAP_INTEQ(zs_index_remove(db, "b"), ZS_ENOTFOUND, "removing twice: ENOTFOUND");
    TAP_INTEQ(zs_query_open(&q, db, "1353.4", 6, NULL), 0, "query its figure");
    TAP_INTEQ(zs_query_next(q, &h), ZS_ITEROVER, "gone");
    zs_query_free(q);
    TAP_INTEQ(zs_db_check(db), 0, "index sound");
    zs_db_close(db);
    zs_db_close(NULL);
    /* A reader maps the file (once the writer's close has moved its pages
     * out of the WAL); one for a short command reads it instead (a page
     * fault costs more than a read() of a page read once). */
    if (mapped(path) == -1) {
        tap_ok(1, "# SKIP no /proc/self/maps to see mappings in");
    } else {
        TAP_INTEQ(query_maps(path, ZS_OPEN_READONLY), 1, "a reader maps the index");
        TAP_INTEQ(query_maps(path, ZS_OPEN_READONLY | ZS_OPEN_SHORT), 0,
                  "a short command's reader does not");
    }
    tap_remove_index(path);
    return tap_done();
}
