/*
 * extension.c - zhaoshu as an SQLite loadable extension (zhaoshu.so).
 *
 * Loaded into any SQLite client (`.load zhaoshu` in the sqlite3 shell,
 * Connection.load_extension() in Python), it registers on that connection:
 *  - the FTS5 tokenizer "zhaoshu" (segment/fts5_tok.c, the same source the
 *    library uses), so an index built by the CLI can be opened and queried
 *    with MATCH;
 *  - zs_highlight(fts, col, open, close [, fig_open, fig_close]): the column
 *    text with matched phrases wrapped in open/close and figures (numbers with
 *    their units) in fig_open/fig_close;
 *  - zs_text(body): a passage's text, decompressing a body the indexer
 *    stored compressed (store/textstore.c; FTS5 reads passages_text);
 *  - zs_snippet(fts, col, open, close, ellipsis, nchars): about nchars
 *    characters around the first match, cut at 。！？；(then ，、：) instead of
 *    FTS5 snippet()'s '.' and ':', never inside a figure.
 *
 * Invariants:
 *  - Every SQLite call goes through the routine table the host passes to
 *    sqlite3_zhaoshu_init() (sqlite3ext.h; extension_api.h does the same for
 *    fts5_tok.c). The module links no libsqlite3, so it works with hosts that
 *    carry a private SQLite, and `-z defs` at link time proves it.
 *  - Match positions are FTS5 token positions (colocated word tokens share
 *    the position of their first character, as in FTS5's own highlight()),
 *    mapped to bytes by re-tokenizing the column text with xTokenize.
 *  - Figures of column 0 come from the index's `figures` table (byte offsets
 *    into passages.body, which is what column 0 of `fts` reads) when every row
 *    agrees with the text; otherwise (another table, another column, or an
 *    index without figures) they are extracted again from the text by the
 *    indexer's own figure code, so the marks never depend on guessing.
 *  - Marks nest properly: a figure is the outer mark, a match crossing a
 *    figure boundary is closed and reopened there ({135.34[亿元]}).
 *
 * Only sqlite3_zhaoshu_init is exported; everything else is static or hidden.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "store_int.h"
#include "figure_int.h"
#include "search_int.h"
#include "segment_int.h"
#include "util_int.h"

/* Longest snippet zs_snippet() builds, in characters (user-controlled). */
#define MAX_SNIPPET_CHARS 4096

/* A byte range [start, end) of a column's text. */
typedef struct span {
    size_t start, end;
} span;

/* A growable array of spans. */
typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

/* The marks one zs_highlight()/zs_snippet() call writes. Never NULL. */
typedef struct marks {
    const char *open, *close, *fig_open, *fig_close;
} marks;

/* Append [start, end) to s. Errors: SQLITE_NOMEM. */
static int spans_add(spans *s, size_t start, size_t end)
{
    if (s->n == s->cap && zsu_grow(&s->v, &s->cap, s->n + 1, sizeof *s->v, 32) != 0)
        return SQLITE_NOMEM;
    s->v[s->n++] = (span){start, end};
    return SQLITE_OK;
}

static void spans_free(spans *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/*
 * Sort and merge spans that overlap or touch, so "贵阳" "高新区" side by side
 * read as one mark, as the CLI prints them.
 */
static void spans_merge(spans *s)
{
    size_t k = 0;
    if (!s->n)
        return;
    qsort(s->v, s->n, sizeof *s->v, cmp_span);
    for (size_t i = 1; i < s->n; i++) {
        if (s->v[i].start <= s->v[k].end) {
            if (s->v[i].end > s->v[k].end)
                s->v[k].end = s->v[i].end;
        } else {
            s->v[++k] = s->v[i];
        }
    }
    s->n = k + 1;
}

/* xTokenize callback: the byte range of each token position. */
static int position_cb(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
    (void)tok;
    (void)ntok;
    if (tflags & FTS5_TOKEN_COLOCATED)
        return SQLITE_OK; /* same position as the token before it */
    if (start < 0 || end < start)
        return SQLITE_ERROR;
    return spans_add(ctx, (size_t)start, (size_t)end);
}

/*
 * The bytes of z that matched the query in column col, merged and sorted.
 * Ownership: the caller frees *out with spans_free() (also on error).
 * Errors: SQLite codes from the FTS5 API, SQLITE_NOMEM.
 */
static int match_spans(const Fts5ExtensionApi *api, Fts5Context *fts, int col, const char *z, int n,
                       spans *out)
{
    spans pos = {0};
    int ninst = 0, rc = api->xInstCount(fts, &ninst);
    if (rc != SQLITE_OK || ninst == 0)
        return rc;
    rc = api->xTokenize(fts, z, n, &pos, position_cb);
    for (int i = 0; i < ninst && rc == SQLITE_OK; i++) {
        int phrase, icol, off;
        rc = api->xInst(fts, i, &phrase, &icol, &off);
        if (rc != SQLITE_OK || icol != col)
            continue;
        int size = api->xPhraseSize(fts, phrase);
        if (off < 0 || size <= 0 || (size_t)off + (size_t)size > pos.n)
            continue; /* text changed under an external-content table */
        rc = spans_add(out, pos.v[off].start, pos.v[off + size - 1].end);
    }
    spans_free(&pos);
    if (rc == SQLITE_OK)
        spans_merge(out);
    return rc;
}

/* Per-query state of the figure lookup (FTS5 auxdata). */
typedef struct fig_aux {
    sqlite3_stmt *st; /* figures of one passage, or NULL: no usable table */
} fig_aux;

static void fig_aux_free(void *p)
{
    fig_aux *a = p;
    if (a)
        sqlite3_finalize(a->st);
    sqlite3_free(a);
}

/* 1 when off is a UTF-8 character boundary of z[0..n]. */
static int is_boundary(const char *z, size_t n, size_t off)
{
    return off == n || (off < n && ((unsigned char)z[off] & 0xC0) != 0x80);
}

/*
 * Figures of this row read from the `figures` table. Returns 1 when the table
 * answered and every figure matches the text (out holds them, possibly none),
 * 0 when the table cannot be used for this row (out left empty), or
 * -SQLITE_NOMEM. The statement is prepared once per query (FTS5 auxdata).
 */
static int figures_from_table(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                              const char *z, size_t n, spans *out)
{
    fig_aux *a = api->xGetAuxdata(fts, 0);
    if (!a) {
        if (!(a = sqlite3_malloc64(sizeof *a)))
            return -SQLITE_NOMEM;
        a->st = NULL;
        /* Fails on a database that is not a zhaoshu index: then we extract. */
        if (sqlite3_prepare_v2(sqlite3_context_db_handle(ctx),
                               "SELECT start, end, text FROM figures WHERE passage_id = ?1"
                               " ORDER BY start",
                               -1, &a->st, NULL) != SQLITE_OK)
            a->st = NULL;
        if (api->xSetAuxdata(fts, a, fig_aux_free) != SQLITE_OK)
            return -SQLITE_NOMEM; /* FTS5 has freed a */
    }
    if (!a->st)
        return 0;
    int ok = 1, rc;
    sqlite3_bind_int64(a->st, 1, api->xRowid(fts));
    while ((rc = sqlite3_step(a->st)) == SQLITE_ROW && ok) {
        sqlite3_int64 s = sqlite3_column_int64(a->st, 0), e = sqlite3_column_int64(a->st, 1);
        const char *t = (const char *)sqlite3_column_text(a->st, 2);
        size_t tn = (size_t)sqlite3_column_bytes(a->st, 2);
        /* Offsets must point at the same text: else the table is not for this column. */
        if (s < 0 || e <= s || (size_t)e > n || !t || tn != (size_t)(e - s) ||
            memcmp(z + s, t, tn) || !is_boundary(z, n, (size_t)s) ||
            !is_boundary(z, n, (size_t)e)) {
            ok = 0;
            break;
        }
        if (spans_add(out, (size_t)s, (size_t)e) != SQLITE_OK) {
            sqlite3_reset(a->st);
            return -SQLITE_NOMEM;
        }
    }
    sqlite3_reset(a->st);
    if (!ok || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
        out->n = 0;
        return 0;
    }
    return 1;
}

/*
 * The figures of column col's text z, sorted and merged. Ownership: the
 * caller frees *out with spans_free(). Errors: SQLITE_NOMEM, SQLITE_ERROR
 * (the unit or metric data could not be read: message in *err, static).
 */
static int figure_spans(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                        int col, const char *z, size_t n, spans *out, const char **err)
{
    if (col == 0) {
        int got = figures_from_table(api, fts, ctx, z, n, out);
        if (got < 0)
            return -got;
        if (got)
            return SQLITE_OK;
    }
    zsi_figure *f = NULL;
    size_t nf = 0;
    int rc = zsi_figures_extract(z, n, &f, &nf);
    if (rc) {
        *err = zs_strerror(rc);
        return rc == ZS_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    }
    rc = SQLITE_OK;
    for (size_t i = 0; i < nf && rc == SQLITE_OK; i++)
        if (f[i].start < f[i].end && f[i].end <= n)
            rc = spans_add(out, f[i].start, f[i].end);
    free(f);
    if (rc == SQLITE_OK)
        spans_merge(out);
    return rc;
}

/*
 * Write z[from, to) to s with matches m and figures f marked. A figure is
 * the outer mark: a match that crosses its edge is closed and reopened.
 */
static void emit_marked(sqlite3_str *s, const char *z, size_t from, size_t to, const spans *m,
                        const spans *f, const marks *mk)
{
    size_t im = 0, jf = 0, i = from;
    int pm = 0, pf = 0;
    for (;;) {
        while (im < m->n && m->v[im].end <= i)
            im++;
        while (jf < f->n && f->v[jf].end <= i)
            jf++;
        int cm = i < to && im < m->n && m->v[im].start <= i;
        int cf = i < to && jf < f->n && f->v[jf].start <= i;
        if (pm && (!cm || pf != cf))
            sqlite3_str_appendall(s, mk->close);
        if (pf && !cf)
            sqlite3_str_appendall(s, mk->fig_close);
        if (cf && !pf)
            sqlite3_str_appendall(s, mk->fig_open);
        if (cm && (!pm || pf != cf))
            sqlite3_str_appendall(s, mk->open);
        if (i >= to)
            break;
        size_t next = to;
        if (im < m->n && (cm ? m->v[im].end : m->v[im].start) < next)
            next = cm ? m->v[im].end : m->v[im].start;
        if (jf < f->n && (cf ? f->v[jf].end : f->v[jf].start) < next)
            next = cf ? f->v[jf].end : f->v[jf].start;
        sqlite3_str_append(s, z + i, (int)(next - i));
        i = next;
        pm = cm;
        pf = cf;
    }
}

/* A text argument, "" for NULL. */
static const char *arg_text(sqlite3_value *v)
{
    const char *t = (const char *)sqlite3_value_text(v);
    return t ? t : "";
}

/* Hand the built string to SQLite as the result (or the error it hit). */
static void result_str(sqlite3_context *ctx, sqlite3_str *s)
{
    int rc = sqlite3_str_errcode(s);
    char *r = sqlite3_str_finish(s);
    if (rc != SQLITE_OK) {
        sqlite3_free(r);
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    sqlite3_result_text(ctx, r ? r : "", -1, r ? sqlite3_free : SQLITE_STATIC);
}

/* Report an FTS5 API or allocation failure of function fn. */
static void result_fail(sqlite3_context *ctx, const char *fn, int rc, const char *why)
{
    if (rc == SQLITE_NOMEM) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    char *msg = sqlite3_mprintf("%s: %s", fn, why ? why : sqlite3_errstr(rc));
    sqlite3_result_error(ctx, msg ? msg : fn, -1);
    sqlite3_free(msg);
}

/* Column argument: 0 <= col < column count, else an error result. */
static int arg_column(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                      sqlite3_value *v, const char *fn, int *col)
{
    *col = sqlite3_value_int(v);
    if (sqlite3_value_type(v) != SQLITE_INTEGER || *col < 0 || *col >= api->xColumnCount(fts)) {
        result_fail(ctx, fn, SQLITE_ERROR, "no such column (give its 0-based number)");
        return 0;
    }
    return 1;
}

/*
 * zs_highlight(fts, col, open, close [, fig_open, fig_close]): the text of
 * column col with matches and (in the 5-argument form) figures marked.
 * NULL when the column is NULL.
 */
static void zs_highlight_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                            int nval, sqlite3_value **val)
{
    static const char fn[] = "zs_highlight";
    spans m = {0}, f = {0};
    const char *z = NULL, *err = NULL;
    int n = 0, col, rc;

    if (nval != 3 && nval != 5) {
        result_fail(ctx, fn, SQLITE_ERROR,
                    "wrong number of arguments (fts, col, open, close [, fig_open, fig_close])");
        return;
    }
    if (!arg_column(api, fts, ctx, val[0], fn, &col))
        return;
    marks mk = {arg_text(val[1]), arg_text(val[2]), nval == 5 ? arg_text(val[3]) : "",
                nval == 5 ? arg_text(val[4]) : ""};
    rc = api->xColumnText(fts, col, &z, &n);
    if (rc != SQLITE_OK || !z)
        goto out; /* NULL column: NULL result, as FTS5's highlight() */
    rc = match_spans(api, fts, col, z, n, &m);
    if (rc == SQLITE_OK && nval == 5)
        rc = figure_spans(api, fts, ctx, col, z, (size_t)n, &f, &err);
    if (rc == SQLITE_OK) {
        sqlite3_str *s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
        emit_marked(s, z, 0, (size_t)n, &m, &f, &mk);
        result_str(ctx, s);
    }
out:
    if (rc != SQLITE_OK)
        result_fail(ctx, fn, rc, err);
    spans_free(&m);
    spans_free(&f);
}

/*
 * zs_snippet(fts, col, open, close, ellipsis, nchars): at most nchars
 * characters of column col around its first match, matches marked, with
 * ellipsis where text was cut. col -1 picks the first column that matched.
 */
static void zs_snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                          int nval, sqlite3_value **val)
{
    static const char fn[] = "zs_snippet";
    spans m = {0}, f = {0};
    zsh_match *zm = NULL;
    zs_span *avoid = NULL;
    const char *z = NULL, *err = NULL;
    int n = 0, col = -1, rc = SQLITE_OK;

    if (nval != 5) {
        result_fail(ctx, fn, SQLITE_ERROR,
                    "wrong number of arguments (fts, col, open, close, ellipsis, nchars)");
        return;
    }
    sqlite3_int64 nchars = sqlite3_value_int64(val[4]);
    if (nchars < 1 || nchars > MAX_SNIPPET_CHARS) {
        char why[64];
        sqlite3_snprintf(sizeof why, why, "nchars must be 1 to %d", MAX_SNIPPET_CHARS);
        result_fail(ctx, fn, SQLITE_ERROR, why);
        return;
    }
    if (sqlite3_value_type(val[0]) == SQLITE_INTEGER && sqlite3_value_int(val[0]) == -1) {
        int ninst = 0, phrase, off;
        col = 0;
        if (api->xInstCount(fts, &ninst) == SQLITE_OK && ninst > 0)
            api->xInst(fts, 0, &phrase, &col, &off);
    } else if (!arg_column(api, fts, ctx, val[0], fn, &col)) {
        return;
    }
    marks mk = {arg_text(val[1]), arg_text(val[2]), "", ""};
    const char *ellipsis = arg_text(val[3]);
    rc = api->xColumnText(fts, col, &z, &n);
    if (rc != SQLITE_OK || !z)
        goto out;
    rc = match_spans(api, fts, col, z, n, &m);
    if (rc == SQLITE_OK)
        rc = figure_spans(api, fts, ctx, col, z, (size_t)n, &f, &err);
    if (rc != SQLITE_OK)
        goto out;
    zm = sqlite3_malloc64((m.n ? m.n : 1) * sizeof *zm);
    avoid = sqlite3_malloc64((f.n ? f.n : 1) * sizeof *avoid);
    if (!zm || !avoid) {
        rc = SQLITE_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < m.n; i++)
        zm[i] = (zsh_match){m.v[i].start, m.v[i].end, 0, 1, 0};
    for (size_t i = 0; i < f.n; i++)
        avoid[i] = (zs_span){f.v[i].start, f.v[i].end, ZS_SPAN_FIGURE};
    size_t start, end;
    zsh_snippet(z, (size_t)n, zm, m.n, avoid, f.n, (size_t)nchars, &start, &end);
    sqlite3_str *s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    if (start > 0)
        sqlite3_str_appendall(s, ellipsis);
    f.n = 0; /* figures only steer the cut; the snippet marks matches */
    emit_marked(s, z, start, end, &m, &f, &mk);
    if (end < (size_t)n)
        sqlite3_str_appendall(s, ellipsis);
    result_str(ctx, s);
out:
    if (rc != SQLITE_OK)
        result_fail(ctx, fn, rc, err);
    sqlite3_free(zm);
    sqlite3_free(avoid);
    spans_free(&m);
    spans_free(&f);
}

/*
 * The entry point SQLite derives from the file name zhaoshu.so. Declared here
 * rather than in a header: only SQLite's loader (dlsym) calls it.
 */
__attribute__((visibility("default"))) int sqlite3_zhaoshu_init(sqlite3 *db, char **pzErrMsg,
                                                                const sqlite3_api_routines *pApi);

__attribute__((visibility("default"))) int sqlite3_zhaoshu_init(sqlite3 *db, char **pzErrMsg,
                                                                const sqlite3_api_routines *pApi)
{
    const char *err = NULL;
    SQLITE_EXTENSION_INIT2(pApi);

    fts5_api *api = zss_fts5_api(db);
    if (!api || api->iVersion < 2)
        err = "this SQLite has no FTS5 (fts5_api version 2 or later needed)";
    else if (zss_fts5_register(db, &err) != 0)
        ; /* err set */
    else if (zsd_text_register(db, NULL) != SQLITE_OK)
        err = "could not register zs_text()";
    else if (api->xCreateFunction(api, "zs_highlight", NULL, zs_highlight_fn, NULL) != SQLITE_OK ||
             api->xCreateFunction(api, "zs_snippet", NULL, zs_snippet_fn, NULL) != SQLITE_OK)
        err = "could not register zs_highlight() and zs_snippet()";
    if (err) {
        if (pzErrMsg)
            *pzErrMsg = sqlite3_mprintf("zhaoshu: %s", err);
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}
