/*
 * api.c - the JSON API: query arguments to library calls, results to JSON.
 *
 * Hits, figure rows and zones are written by the library's zs_*_json, the
 * writers `zhaoshu query --json` uses, so the API and the command line
 * cannot drift apart. Errors carry the library's one-line message and an
 * HTTP status: 400 for a bad argument or query (with the byte offset of a
 * syntax error), 404 for what is not in the index, 503 while there is no
 * index (or one of another schema version) to read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"

#define JSON_TYPE "application/json; charset=utf-8"

static size_t hit_fn(const void *o, char *buf, size_t cap)
{
    return zs_hit_json(o, buf, cap);
}

static size_t row_fn(const void *o, char *buf, size_t cap)
{
    return zs_figure_row_json(o, buf, cap);
}

static size_t park_fn(const void *o, char *buf, size_t cap)
{
    return zs_park_json(o, buf, cap);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int status_of(int rc)
{
    switch (rc) {
    case ZS_ESYNTAX:
    case ZS_ELIMIT:
    case ZS_EINVAL: return 400;
    case ZS_ENOTFOUND: return 404;
    case ZS_ESCHEMA:
    case ZS_ETOKENIZER:
    case ZS_EBUSY: return 503;
    default: return 500;
    }
}

/* The library's message for rc as an error response; a syntax error also
 * says where (bytes into q). */
static void lib_error(serve_thread *t, serve_resp *resp, int rc, const char *q)
{
    serve_error(resp, status_of(rc), "%s", zs_errmsg(t->db));
    if ((rc == ZS_ESYNTAX || rc == ZS_ELIMIT) && q) {
        size_t off = zs_query_error_offset(t->db);
        if (off <= strlen(q) && resp->body.len > 2) {
            resp->body.len -= 2; /* reopen the object: drop "}\n" */
            sb_printf(&resp->body, ",\"offset\":%zu}\n", off);
        }
    }
}

/* This thread's read handle; 503 while the index does not exist yet. */
static int open_db(serve_thread *t, serve_resp *resp)
{
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY};
    int rc = t->db ? 0 : zs_db_open(&t->db, t->cfg->dbpath, &oo);
    if (rc == 0) /* this request's time starts now */
        return zs_db_set_deadline(t->db, t->cfg->query_ms) ? -1 : 0;
    serve_error(resp, rc == ZS_ENOTFOUND || rc == ZS_ESCHEMA || rc == ZS_EBUSY ? 503 : 500, "%s",
                t->db ? zs_errmsg(t->db) : zs_strerror(rc));
    zs_db_close(t->db);
    t->db = NULL;
    return -1;
}

void serve_thread_close(serve_thread *t)
{
    zs_db_close(t->db);
    t->db = NULL;
}

/* Argument key as a number in [lo, hi], dflt when absent. */
static int arg_num(const serve_req *r, const char *key, long long lo, long long hi, long long dflt,
                   long long *out, serve_resp *resp)
{
    const char *v = serve_req_arg(r, key);
    *out = dflt;
    if (!v || !*v)
        return 0;
    char *end;
    long long x = strtoll(v, &end, 10);
    if (*end || end == v || x < lo || x > hi || (v[0] < '0' || v[0] > '9')) {
        serve_error(resp, 400, "%s takes a number from %lld to %lld, not '%.40s'", key, lo, hi, v);
        return -1;
    }
    *out = x;
    return 0;
}

/* A flag: absent, "", "0", "false" = 0; "1", "true" = 1. */
static int arg_flag(const serve_req *r, const char *key, int *out, serve_resp *resp)
{
    const char *v = serve_req_arg(r, key);
    *out = 0;
    if (!v || !*v || !strcmp(v, "0") || !strcmp(v, "false"))
        return 0;
    if (!strcmp(v, "1") || !strcmp(v, "true")) {
        *out = 1;
        return 0;
    }
    serve_error(resp, 400, "%s takes 1 or 0, not '%.40s'", key, v);
    return -1;
}

/* An optional text argument: NULL when absent or empty. */
static const char *arg_text(const serve_req *r, const char *key)
{
    const char *v = serve_req_arg(r, key);
    return v && *v ? v : NULL;
}

/* Reject arguments the endpoint does not know: a typo must not silently
 * widen a search. */
static int known_args(const serve_req *r, const char *const *keys, serve_resp *resp)
{
    for (size_t i = 0; i < r->nargs; i++) {
        size_t k = 0;
        while (keys[k] && strcmp(keys[k], r->args[i].key))
            k++;
        if (!keys[k]) {
            serve_error(resp, 400, "unknown argument '%.40s'", r->args[i].key);
            return -1;
        }
    }
    return 0;
}

/* The query of /api/search and /api/facets: q and the filter arguments.
 * @return 0 with *out open, or -1 with resp set. */
static int open_query(serve_thread *t, const serve_req *r, zs_query_opts *qo, zs_query **out,
                      long long *total, serve_resp *resp)
{
    const char *q = serve_req_arg(r, "q");
    *out = NULL;
    qo->park = arg_text(r, "park");
    qo->year = arg_text(r, "year");
    qo->figure = arg_text(r, "figure");
    qo->date = arg_text(r, "date");
    qo->source = arg_text(r, "source");
    if (!q)
        q = "";
    if (!*q && !qo->park && !qo->year && !qo->figure && !qo->date && !qo->source) {
        serve_error(resp, 400, "no query: give q, park, year, figure, date or source");
        return -1;
    }
    if (open_db(t, resp))
        return -1;
    int rc = zs_query_open(out, t->db, q, strlen(q), qo);
    if (rc == 0)
        rc = zs_query_count(*out, total);
    if (rc) {
        lib_error(t, resp, rc, q);
        zs_query_free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

/* The hits of it as the elements of the open "hits" array, which it closes
 * with the object around it; frees it. */
static void hits_end(serve_thread *t, serve_resp *resp, zs_query *it)
{
    sbuf *b = &resp->body;
    const zs_hit *h;
    size_t k = 0;
    int rc;
    while ((rc = zs_query_next(it, &h)) == 0) {
        if (k++)
            sb_put(b, ",", 1);
        sb_json(b, hit_fn, h);
    }
    if (rc != ZS_ITEROVER)
        lib_error(t, resp, rc, NULL);
    else
        sb_puts(b, "]}\n");
    zs_query_free(it);
}

static void search(serve_thread *t, const serve_req *r, serve_resp *resp)
{
    static const char *const keys[] = {"q", "park",   "year", "figure",  "date", "source",
                                       "n", "offset", "sort", "snippet", NULL};
    zs_query_opts qo = {ZS_QUERY_OPTS_VERSION, NULL, NULL, NULL, 0, 0, 0,
                        ZS_SORT_SCORE,         NULL, NULL, 0};
    long long n, off, snip, total = 0;
    const char *q = serve_req_arg(r, "q"), *sort = arg_text(r, "sort");
    zs_query *it = NULL;
    if (known_args(r, keys, resp) || arg_num(r, "n", 1, SERVE_MAX_N, 20, &n, resp) ||
        arg_num(r, "offset", 0, SERVE_MAX_WINDOW, 0, &off, resp) ||
        arg_num(r, "snippet", 10, 100000, 0, &snip, resp))
        return;
    if (off + n > SERVE_MAX_WINDOW) {
        serve_error(resp, 400, "offset + n may be at most %d: narrow the query instead",
                    SERVE_MAX_WINDOW);
        return;
    }
#ifdef ZS_SORT_DATE /* the library orders by date (issue 19) */
    if (sort && !strcmp(sort, "date"))
        qo.sort = ZS_SORT_DATE;
    else if (sort && !strcmp(sort, "-date"))
        qo.sort = ZS_SORT_DATE_DESC;
    else if (sort && strcmp(sort, "score")) {
        serve_error(resp, 400, "sort takes score, date or -date, not '%.40s'", sort);
        return;
    }
#else
    if (sort && strcmp(sort, "score")) {
        serve_error(resp, 400, "sort takes score, not '%.40s'", sort);
        return;
    }
#endif
    qo.limit = (size_t)n;
    qo.offset = (size_t)off;
    qo.snippet_chars = (size_t)snip;
    if (open_query(t, r, &qo, &it, &total, resp))
        return;
    if (!q)
        q = "";
    sbuf *b = &resp->body;
    sb_puts(b, "{\"query\":");
    sb_json_str(b, q, strlen(q));
    sb_printf(b, ",\"total\":%lld,\"partial\":%s,\"offset\":%lld,\"n\":%lld,\"hits\":[", total,
              zs_query_is_partial(it) ? "true" : "false", off, n);
    hits_end(t, resp, it);
}

typedef struct facet_ctx {
    sbuf *b;
    const char *field; /* the field of the array open, or NULL */
} facet_ctx;

static int facet_row(void *ctx, const zs_facet *f)
{
    facet_ctx *c = ctx;
    if (!c->field || strcmp(c->field, f->field)) {
        sb_puts(c->b, c->field ? "]," : "");
        sb_json_str(c->b, f->field, strlen(f->field));
        sb_puts(c->b, ":[");
        c->field = f->field;
    } else {
        sb_put(c->b, ",", 1);
    }
    sb_puts(c->b, "{\"value\":");
    sb_json_str(c->b, f->value, strlen(f->value));
    sb_printf(c->b, ",\"count\":%lld}", f->count);
    return c->b->oom ? ZS_ENOMEM : 0;
}

static void facets(serve_thread *t, const serve_req *r, serve_resp *resp)
{
    static const char *const keys[] = {"q", "park", "year", "figure", "date", "source", NULL};
    zs_query_opts qo = {ZS_QUERY_OPTS_VERSION, NULL, NULL, NULL, 1, 0, 0,
                        ZS_SORT_SCORE,         NULL, NULL, 0};
    long long total = 0;
    zs_query *it = NULL;
    if (known_args(r, keys, resp) || open_query(t, r, &qo, &it, &total, resp))
        return;
    sbuf *b = &resp->body;
    /* every field is present, empty when nothing counts in it */
    sb_printf(b, "{\"total\":%lld,\"facets\":{", total);
    facet_ctx c = {b, NULL};
    int rc = zs_query_facets(it, facet_row, &c);
    if (rc)
        lib_error(t, resp, rc, NULL);
    else
        sb_puts(b, c.field ? "]}}\n" : "}}\n");
    zs_query_free(it);
}

static void doc(serve_thread *t, const serve_req *r, serve_resp *resp)
{
    static const char *const keys[] = {"doc", "passage", "context", "q", NULL};
    long long at, context, count = 0;
    const char *path = arg_text(r, "doc"), *q = serve_req_arg(r, "q");
    zs_query *it = NULL;
    if (known_args(r, keys, resp) || arg_num(r, "passage", 1, 100000000, 1, &at, resp) ||
        arg_num(r, "context", 0, SERVE_MAX_CONTEXT, SERVE_MAX_CONTEXT, &context, resp))
        return;
    if (!path) {
        serve_error(resp, 400, "doc is required: a document's path as hits give it");
        return;
    }
    if (!q)
        q = "";
    if (open_db(t, resp))
        return;
    long long first = at > context ? at - context : 1;
    int rc = zs_doc_open(&it, t->db, path, first, at + context, q, strlen(q));
    if (rc == 0)
        rc = zs_query_count(it, &count);
    if (rc) {
        lib_error(t, resp, rc, q);
        zs_query_free(it);
        return;
    }
    if (at > count) {
        serve_error(resp, 404, "document '%.200s' has %lld passages, not %lld", path, count, at);
        zs_query_free(it);
        return;
    }
    sbuf *b = &resp->body;
    sb_puts(b, "{\"doc\":");
    sb_json_str(b, path, strlen(path));
    sb_printf(b, ",\"passages\":%lld,\"passage\":%lld,\"hits\":[", count, at);
    hits_end(t, resp, it);
}

static void figures(serve_thread *t, const serve_req *r, serve_resp *resp)
{
    static const char *const keys[] = {"q",      "park",  "metric", "year",   "conflicts", "date",
                                       "source", "class", "n",      "offset", NULL};
    zs_figures_opts fo = {ZS_FIGURES_OPTS_VERSION, NULL, NULL, NULL, 0, NULL, NULL, NULL};
    long long n, off;
    const char *q = serve_req_arg(r, "q");
    zs_figures *it = NULL;
    if (known_args(r, keys, resp) || arg_num(r, "n", 1, SERVE_MAX_FIGURES, 1000, &n, resp) ||
        arg_num(r, "offset", 0, 1000000000, 0, &off, resp) ||
        arg_flag(r, "conflicts", &fo.conflicts, resp))
        return;
    fo.park = arg_text(r, "park");
    fo.metric = arg_text(r, "metric");
    fo.year = arg_text(r, "year");
    fo.date = arg_text(r, "date");
    fo.source = arg_text(r, "source");
    fo.classes = arg_text(r, "class");
    if (!q)
        q = "";
    if (open_db(t, resp))
        return;
    int rc = zs_figures_open(&it, t->db, q, strlen(q), &fo);
    if (rc) {
        lib_error(t, resp, rc, q);
        goto out;
    }
    sbuf *b = &resp->body;
    sb_puts(b, "{\"rows\":[");
    const zs_figure_row *row;
    long long total = 0, shown = 0;
    while (zs_figures_next(it, &row) == 0) {
        if (total++ < off || shown >= n)
            continue;
        if (shown++)
            sb_put(b, ",", 1);
        sb_json(b, row_fn, row);
    }
    sb_printf(b, "],\"total\":%lld,\"offset\":%lld,\"truncated\":%s}\n", total, off,
              off + shown < total ? "true" : "false");
out:
    zs_figures_free(it);
}

typedef struct parks_ctx {
    sbuf *b;
    size_t n;
} parks_ctx;

static int park_row(void *ctx, const zs_park *p)
{
    parks_ctx *c = ctx;
    if (c->n++)
        sb_put(c->b, ",", 1);
    sb_json(c->b, park_fn, p);
    return c->b->oom ? ZS_ENOMEM : 0;
}

static void parks(serve_thread *t, const serve_req *r, serve_resp *resp)
{
    static const char *const keys[] = {NULL};
    if (known_args(r, keys, resp) || open_db(t, resp))
        return;
    parks_ctx c = {&resp->body, 0};
    sb_puts(c.b, "{\"parks\":[");
    int rc = zs_parks_list(t->db, park_row, &c);
    if (rc) {
        lib_error(t, resp, rc, NULL);
        return;
    }
    sb_puts(c.b, "]}\n");
}

void serve_api(serve_thread *t, const char *name, const serve_req *r, serve_resp *resp)
{
    static const struct {
        const char *name;
        void (*fn)(serve_thread *, const serve_req *, serve_resp *);
    } api[] = {
        {"search", search}, {"figures", figures}, {"parks", parks},
        {"facets", facets}, {"doc", doc},
    };
    resp->type = JSON_TYPE;
    for (size_t i = 0; i < sizeof api / sizeof api[0]; i++)
        if (!strcmp(name, api[i].name)) {
            double t0 = now_ms();
            api[i].fn(t, r, resp);
            /* Past the deadline the library stops SQLite, and a loop over
             * rows may just end early: never serve what may be cut short. */
            if (t->cfg->query_ms && now_ms() - t0 > t->cfg->query_ms)
                serve_error(resp, 503,
                            "the query took longer than the time limit of %u ms: narrow it "
                            "(or start the server with a larger --timeout)",
                            t->cfg->query_ms);
            return;
        }
    serve_error(resp, 404, "no such API: /api/%.100s (see /api/ in the README)", name);
}
