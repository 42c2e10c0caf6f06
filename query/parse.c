/*
 * parse.c - the query parser: user text in, a tree, FTS5 MATCH strings out.
 * This file holds the grammar; split.c, filter.c and render.c its parts
 * (parser_int.h).
 *
 * Safety invariant: no byte of user text ever reaches FTS5 as syntax. Every
 * term is rendered as a double-quoted FTS5 string (an embedded `"` doubled),
 * and the only syntax in the output is what this file writes itself: AND, OR,
 * NOT, parentheses and a `*` after a quoted prefix term. Private-use
 * characters (U+E000..U+F8FF) are stripped from the query before parsing, so
 * a user can never forge the segmenter's field markers (seg.c).
 *
 * The grammar (see query_int.h for the user's view):
 *   query   := and EOF
 *   and     := ( or | AND )*             implicit AND between items
 *   or      := unary ( OR unary )*       OR binds tighter than AND
 *   unary   := ( '-' | NOT ) primary | primary
 *   primary := '(' and ')' | phrase ['*'] | filter | word ['*']
 * ANDs nested in ANDs are flattened, so `a (b -c)` excludes c from the whole
 * query; FTS5's NOT is binary, so an AND with exclusions renders as
 * `(<positives>) NOT (<excluded> OR ...)`.
 *
 * Offsets: the parser works on a cleaned copy of the query (private-use
 * characters removed); map[] turns a cleaned offset back into an offset in
 * the caller's text, which is what errors report.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "parser_int.h"

/* ------------------------------------------------------------------------
 * Errors and memory
 * ---------------------------------------------------------------------- */

int zsq_fail(parser *P, int rc, size_t off, const char *fmt, ...)
{
    if (P->rc)
        return P->rc;
    P->rc = rc;
    P->err_off = P->map ? P->map[off > P->n ? P->n : off] : off;
    if (P->err && P->errcap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(P->err, P->errcap, fmt, ap);
        va_end(ap);
    }
    return rc;
}

int zsq_oom(parser *P)
{
    return zsq_fail(P, ZS_ENOMEM, 0, "out of memory");
}

char *zsq_filter_copy(parser *P, size_t vs, size_t ve, size_t have, size_t limit, const char *name)
{
    if (have >= limit) {
        zsq_fail(P, ZS_ELIMIT, vs, "too many %s: filters (limit %zu)", name, limit);
        return NULL;
    }
    char *s = malloc(ve - vs + 1);
    if (!s) {
        zsq_oom(P);
        return NULL;
    }
    memcpy(s, P->q + vs, ve - vs);
    s[ve - vs] = '\0';
    return s;
}

/* Caller's offset of cleaned offset off, for messages. */
size_t zsq_orig(const parser *P, size_t off)
{
    return P->map[off > P->n ? P->n : off];
}

/* A new node owned by the parser (freed with it). NULL (and error) on OOM. */
node *zsq_new_node(parser *P, nkind kind, size_t off)
{
    if (zsu_grow(&P->all, &P->capall, P->nall + 1, sizeof(node *), 8)) {
        zsq_oom(P);
        return NULL;
    }
    node *x = calloc(1, sizeof(*x));
    if (!x) {
        zsq_oom(P);
        return NULL;
    }
    x->kind = kind;
    x->off = off;
    P->all[P->nall++] = x;
    return x;
}

int zsq_push_kid(parser *P, node *x, node *kid)
{
    if (zsu_grow(&x->kids, &x->capkids, x->nkids + 1, sizeof(node *), 8))
        return zsq_oom(P);
    x->kids[x->nkids++] = kid;
    return 0;
}

static int push_neg(parser *P, node *x, node *neg)
{
    if (zsu_grow(&x->negs, &x->capnegs, x->nnegs + 1, sizeof(node *), 8))
        return zsq_oom(P);
    x->negs[x->nnegs++] = neg;
    return 0;
}

static void parser_free(parser *P)
{
    for (size_t i = 0; i < P->nall; i++) {
        ZSU_FREE(P->all[i]->kids, P->all[i]->negs, P->all[i]);
    }
    ZSU_FREE(P->all, P->toks, P->q, P->map);
}

/* ------------------------------------------------------------------------
 * Segmenter access
 * ---------------------------------------------------------------------- */

static int collect_tok(void *ctx, const zs_token *t)
{
    parser *P = ctx;
    if (zsu_grow(&P->toks, &P->captoks, P->ntoks + 1, sizeof(tokrec), 8))
        return ZS_ENOMEM;
    P->toks[P->ntoks].kind = t->kind;
    P->toks[P->ntoks].start = t->start;
    P->toks[P->ntoks].end = t->end;
    P->ntoks++;
    return 0;
}

/* Segment cleaned[off .. off+len) into P->toks. */
int zsq_segment(parser *P, size_t off, size_t len, unsigned flags)
{
    P->ntoks = 0;
    int rc = zs_seg_run(P->seg, P->q + off, len, flags, collect_tok, P);
    if (rc == ZS_ENOMEM)
        return zsq_oom(P);
    if (rc)
        return zsq_fail(P, rc, off, "segmenter failed: %s", zs_seg_errmsg(P->seg));
    return 0;
}

/* A term node for cleaned[off .. off+len); counts against ZSQ_MAX_TERMS. */
node *zsq_new_term(parser *P, size_t off, size_t len, int prefix, int phrase)
{
    if (++P->nterms > ZSQ_MAX_TERMS) {
        zsq_fail(P, ZS_ELIMIT, off, "too many terms: more than %d", ZSQ_MAX_TERMS);
        return NULL;
    }
    node *t = zsq_new_node(P, N_TERM, off);
    if (!t)
        return NULL;
    t->toff = off;
    t->tlen = len;
    t->prefix = prefix;
    t->phrase = phrase;
    return t;
}

/*
 * A term kept whole (phrase, prefix, excluded word): EMPTY when its text
 * yields no tokens, so punctuation never becomes an empty FTS5 string.
 */
static node *whole_term(parser *P, size_t item_off, size_t off, size_t len, int prefix, int phrase)
{
    if (zsq_segment(P, off, len, ZS_SEG_QUERY | (prefix ? ZS_SEG_PREFIX : 0)))
        return NULL;
    if (P->ntoks == 0)
        return zsq_new_node(P, N_EMPTY, item_off);
    node *t = zsq_new_term(P, off, len, prefix, phrase);
    if (t)
        t->off = item_off;
    return t;
}

/* ------------------------------------------------------------------------
 * The recursive descent
 * ---------------------------------------------------------------------- */

static node *parse_and(parser *P, int depth, size_t open_off);

/* Add item to the AND a, flattening nested ANDs and dropping empty items. */
static int and_add(parser *P, node *a, node *it)
{
    if (it->kind == N_FILTER && !a->filter_at)
        a->filter_at = it->off + 1;
    if (it->kind == N_AND && it->filter_at && !a->filter_at)
        a->filter_at = it->filter_at;
    switch (it->kind) {
    case N_EMPTY:
    case N_FILTER: return 0;
    case N_NEG: return it->kids[0]->kind == N_EMPTY ? 0 : push_neg(P, a, it);
    case N_AND:
        for (size_t i = 0; i < it->nkids; i++)
            if (zsq_push_kid(P, a, it->kids[i]))
                return P->rc;
        for (size_t i = 0; i < it->nnegs; i++)
            if (push_neg(P, a, it->negs[i]))
                return P->rc;
        return 0;
    default: return zsq_push_kid(P, a, it);
    }
}

/* Only positive terms may be sides of OR: FTS5 cannot say "a OR NOT b". */
static int or_side_ok(parser *P, const node *x)
{
    if (x->kind == N_NEG)
        return zsq_fail(P, ZS_ESYNTAX, x->off, "an excluded term cannot be a side of OR");
    if (x->kind == N_FILTER)
        return zsq_fail(P, ZS_ESYNTAX, x->off, "a filter cannot be a side of OR");
    if (x->kind == N_AND && x->filter_at)
        return zsq_fail(P, ZS_ESYNTAX, x->filter_at - 1,
                        "a filter cannot be inside a side of OR (filters apply to the whole "
                        "query)");
    if (x->kind == N_AND && x->nkids == 0 && x->nnegs > 0)
        return zsq_fail(P, ZS_ESYNTAX, x->negs[0]->off, "an excluded term cannot be a side of OR");
    return 0;
}

static node *parse_primary(parser *P, int depth, int neg)
{
    size_t s = P->pos, nx;
    UChar32 c = cp_at(P, s, &nx);

    if (is_open(c)) {
        if (depth + 1 > ZSQ_MAX_DEPTH) {
            zsq_fail(P, ZS_ELIMIT, s, "parentheses nested too deeply: more than %d levels",
                     ZSQ_MAX_DEPTH);
            return NULL;
        }
        P->pos = nx;
        node *g = parse_and(P, depth + 1, s);
        if (!g)
            return NULL;
        cp_at(P, P->pos, &P->pos); /* the closing parenthesis */
        g->off = s;
        if (g->nkids == 0 && g->nnegs == 0 && !g->filter_at)
            g->kind = N_EMPTY;
        else if (g->nkids == 1 && g->nnegs == 0 && !g->filter_at)
            return g->kids[0];
        return g;
    }
    if (is_quote(c)) {
        size_t k = quote_close(P, s);
        if (k >= P->n && is_cn_quote(c)) {
            P->pos = nx; /* a lone “ or ”: punctuation */
            return zsq_new_node(P, N_EMPTY, s);
        }
        if (k >= P->n) {
            zsq_fail(P, ZS_ESYNTAX, s,
                     "unbalanced quote: the phrase opened at byte %zu is never closed",
                     zsq_orig(P, s));
            return NULL;
        }
        size_t ts = nx, te = k;
        cp_at(P, k, &P->pos);
        int prefix = 0;
        if (is_star(cp_at(P, P->pos, &nx))) {
            prefix = 1;
            P->pos = nx;
        }
        return whole_term(P, s, ts, te - ts, prefix, 1);
    }
    node *f = NULL;
    int r = zsq_parse_filter(P, &f);
    if (r < 0)
        return NULL;
    if (r > 0) {
        if (neg) {
            zsq_fail(P, ZS_ESYNTAX, s, "a filter cannot be excluded");
            return NULL;
        }
        return f;
    }

    /* A bare word: up to the next space, parenthesis or quote. */
    size_t e = s, last = s;
    while (e < P->n && !is_delim(cp_at(P, e, &nx))) {
        last = e;
        e = nx;
    }
    P->pos = e;
    int prefix = 0;
    size_t te = e;
    if (e > s && is_star(cp_at(P, last, &nx))) {
        prefix = 1;
        te = last;
    }
    if (te == s)
        return zsq_new_node(P, N_EMPTY, s); /* a lone '*' */
    if (prefix || neg)
        return whole_term(P, s, s, te - s, prefix, 0);
    return zsq_zone_word(P, s, te - s);
}

static node *parse_unary(parser *P, int depth)
{
    size_t s = P->pos, nx, nn;
    UChar32 c = cp_at(P, s, &nx);
    int neg = 0;

    if (is_minus(c)) {
        UChar32 d = cp_at(P, nx, &nn);
        /* '-' before a space or at the end is punctuation, dropped as a term. */
        if (d >= 0 && !is_space(d) && !is_close(d)) {
            neg = 1;
            P->pos = nx;
        }
    } else if (at_kw(P, "NOT")) {
        P->pos += 3;
        skip_ws(P);
        UChar32 d = cp_at(P, P->pos, &nn);
        if (d < 0 || is_close(d) || at_kw(P, "OR") || at_kw(P, "AND") || at_kw(P, "NOT")) {
            zsq_fail(P, ZS_ESYNTAX, s, "NOT needs a term after it");
            return NULL;
        }
        neg = 1;
    }
    node *x = parse_primary(P, depth, neg);
    if (!x || !neg)
        return x;
    if (x->kind == N_EMPTY)
        return x;
    if (x->kind == N_AND && x->filter_at) {
        zsq_fail(P, ZS_ESYNTAX, x->filter_at - 1, "a filter cannot be excluded");
        return NULL;
    }
    if (x->kind == N_AND && x->nkids == 0 && x->nnegs == 0)
        return x;
    if (x->kind == N_AND && x->nkids == 0) {
        zsq_fail(P, ZS_ESYNTAX, x->negs[0]->off,
                 "only excluded terms inside the parentheses: add a term to search for");
        return NULL;
    }
    node *ng = zsq_new_node(P, N_NEG, s);
    if (!ng || zsq_push_kid(P, ng, x))
        return NULL;
    return ng;
}

/* Add x to the OR o: x's operands when x is an OR itself, nothing when it
 * is empty. Returns 0, or nonzero on error (set on P). */
static int or_add(parser *P, node *o, node *x)
{
    if (x->kind == N_OR) {
        for (size_t i = 0; i < x->nkids; i++)
            if (zsq_push_kid(P, o, x->kids[i]))
                return -1;
        return 0;
    }
    return x->kind != N_EMPTY && zsq_push_kid(P, o, x) ? -1 : 0;
}

static node *parse_or(parser *P, int depth)
{
    size_t s = P->pos;
    node *first = parse_unary(P, depth);
    if (!first)
        return NULL;
    skip_ws(P);
    if (!at_kw(P, "OR"))
        return first;

    node *o = zsq_new_node(P, N_OR, s);
    if (!o || or_side_ok(P, first))
        return NULL;
    if (or_add(P, o, first))
        return NULL;
    while (at_kw(P, "OR")) {
        size_t or_off = P->pos, nx;
        P->pos += 2;
        skip_ws(P);
        UChar32 c = cp_at(P, P->pos, &nx);
        if (c < 0 || is_close(c) || at_kw(P, "OR") || at_kw(P, "AND")) {
            zsq_fail(P, ZS_ESYNTAX, or_off, "OR needs a term on each side");
            return NULL;
        }
        node *x = parse_unary(P, depth);
        if (!x || or_side_ok(P, x))
            return NULL;
        if (or_add(P, o, x))
            return NULL;
        skip_ws(P);
    }
    if (o->nkids == 0)
        o->kind = N_EMPTY;
    else if (o->nkids == 1)
        return o->kids[0];
    return o;
}

/*
 * Items up to the end (depth 0) or the closing parenthesis (depth > 0),
 * which is left for the caller. Always returns an N_AND (or NULL on error).
 */
static node *parse_and(parser *P, int depth, size_t open_off)
{
    node *a = zsq_new_node(P, N_AND, P->pos);
    int items = 0;
    if (!a)
        return NULL;
    for (;;) {
        size_t nx;
        skip_ws(P);
        UChar32 c = cp_at(P, P->pos, &nx);
        if (c < 0) {
            if (depth > 0) {
                zsq_fail(P, ZS_ESYNTAX, open_off,
                         "unbalanced parenthesis: '(' at byte %zu is never closed",
                         zsq_orig(P, open_off));
                return NULL;
            }
            return a;
        }
        if (is_close(c)) {
            if (depth == 0) {
                zsq_fail(P, ZS_ESYNTAX, P->pos,
                         "unbalanced parenthesis: ')' at byte %zu has no matching '('",
                         zsq_orig(P, P->pos));
                return NULL;
            }
            return a;
        }
        if (at_kw(P, "OR")) {
            zsq_fail(P, ZS_ESYNTAX, P->pos, "OR needs a term on each side");
            return NULL;
        }
        if (at_kw(P, "AND")) {
            size_t and_off = P->pos;
            P->pos += 3;
            skip_ws(P);
            c = cp_at(P, P->pos, &nx);
            if (!items || c < 0 || is_close(c) || at_kw(P, "OR") || at_kw(P, "AND")) {
                zsq_fail(P, ZS_ESYNTAX, and_off, "AND needs a term on each side");
                return NULL;
            }
            continue;
        }
        node *it = parse_or(P, depth);
        if (!it || and_add(P, a, it))
            return NULL;
        items++;
    }
}

/* ------------------------------------------------------------------------
 * Entry points
 * ---------------------------------------------------------------------- */

/*
 * Copy q into P->q without private-use characters and with ASCII control
 * characters turned into spaces, building map[]. Invalid
 * UTF-8 is a syntax error: it would reach FTS5 as bytes we cannot reason about.
 */
static int clean(parser *P, const char *q, size_t n)
{
    P->q = calloc(1, n + 1);
    P->qcap = n + 1;
    P->map = malloc((n + 1) * sizeof(size_t));
    if (!P->q || !P->map)
        return zsq_oom(P);
    size_t k = 0;
    int32_t i = 0;
    while (i < (int32_t)n) {
        int32_t s = i;
        UChar32 c;
        U8_NEXT(q, i, (int32_t)n, c);
        if (c < 0) {
            P->n = k;
            P->rc = ZS_ESYNTAX;
            P->err_off = (size_t)s;
            if (P->err && P->errcap)
                snprintf(P->err, P->errcap, "query is not valid UTF-8 at byte %zu", (size_t)s);
            return P->rc;
        }
        if (c >= 0xE000 && c <= 0xF8FF)
            continue;
        for (int32_t j = s; j < i; j++) {
            /* Control bytes (NUL above all) become spaces: rendered strings are C strings. */
            P->q[k] = c < 0x20 || c == 0x7f ? ' ' : q[j];
            P->map[k] = (size_t)s;
            k++;
        }
    }
    P->q[k] = '\0';
    P->map[k] = n;
    P->n = k;
    return 0;
}

int zsq_parse(zs_seg *seg, const char *q, size_t n, zsq_parsed **out, char *err, size_t errcap,
              size_t *err_off)
{
    return zsq_parse_zones(seg, NULL, q, n, out, err, errcap, err_off);
}

static int parse_zones(zs_seg *seg, const struct zsi_gazetteer *gaz,
                       const struct zsi_gazetteer *(*gaz_open)(void *ctx), void *gaz_ctx,
                       const char *q, size_t n, zsq_parsed **out, char *err, size_t errcap,
                       size_t *err_off);

static int parse_query(zs_seg *seg, const struct zsi_gazetteer *gaz,
                       const struct zsi_gazetteer *(*gaz_open)(void *ctx), void *gaz_ctx,
                       const char *q, size_t n, int by_options, zsq_parsed **out, char *err,
                       size_t errcap, size_t *err_off)
{
    size_t blank = 0;
    while (blank < n && (q[blank] == ' ' || q[blank] == '\t'))
        blank++;
    if (blank < n || !by_options || !out)
        return parse_zones(seg, gaz, gaz_open, gaz_ctx, q, n, out, err, errcap, err_off);
    if (err && errcap)
        err[0] = '\0';
    if (err_off)
        *err_off = 0;
    zsq_parsed *pq = calloc(1, sizeof *pq);
    if (!pq || !(pq->match_all = strdup("")) || !(pq->match_any = strdup(""))) {
        zsq_parsed_free(pq);
        *out = NULL;
        return ZS_ENOMEM;
    }
    *out = pq;
    return 0;
}

int zsq_parse_query(zs_seg *seg, const struct zsi_gazetteer *gaz, const char *q, size_t n,
                    int by_options, zsq_parsed **out, char *err, size_t errcap, size_t *err_off)
{
    return parse_query(seg, gaz, NULL, NULL, q, n, by_options, out, err, errcap, err_off);
}

int zsq_parse_query_lazy(zs_seg *seg, const struct zsi_gazetteer *(*gaz_open)(void *ctx),
                         void *gaz_ctx, const char *q, size_t n, int by_options, zsq_parsed **out,
                         char *err, size_t errcap, size_t *err_off)
{
    return parse_query(seg, NULL, gaz_open, gaz_ctx, q, n, by_options, out, err, errcap, err_off);
}

/*
 * Set P up to read q[0..n) (what, "query" or "value", names it in the
 * message of a long one). Returns 0 with P->pq allocated, an error P holds
 * (P->rc, finish with parser_end()), or one P does not (ZS_EINVAL,
 * ZS_ELIMIT: err is set, *out NULL, nothing to free).
 */
static int parser_start(parser *P, zs_seg *seg, const struct zsi_gazetteer *gaz, const char *q,
                        size_t n, const char *what, zsq_parsed **out, char *err, size_t errcap,
                        size_t *err_off)
{
    memset(P, 0, sizeof *P);
    P->seg = seg;
    P->gaz = gaz;
    P->err = err;
    P->errcap = errcap;
    if (err && errcap)
        err[0] = '\0';
    if (err_off)
        *err_off = 0;
    if (!out || !seg || (!q && n)) {
        if (out)
            *out = NULL;
        if (err && errcap)
            snprintf(err, errcap, "zsq_parse: NULL argument");
        return ZS_EINVAL;
    }
    *out = NULL;
    if (n > ZSQ_MAX_QUERY_BYTES) {
        if (err && errcap)
            snprintf(err, errcap, "%s too long: %zu bytes (limit %d)", what, n,
                     ZSQ_MAX_QUERY_BYTES);
        if (err_off)
            *err_off = ZSQ_MAX_QUERY_BYTES;
        return ZS_ELIMIT;
    }
    P->pq = calloc(1, sizeof(zsq_parsed));
    if (!P->pq || clean(P, q ? q : "", n))
        return 0;
    P->pq->parks = calloc(ZSQ_MAX_PARKS, sizeof(zsq_str));
    if (!P->pq->parks)
        zsq_oom(P);
    return 0;
}

/* Hand P's result to *out, or its error; free P. Returns P's error code. */
static int parser_end(parser *P, zsq_parsed **out, size_t *err_off)
{
    if (!P->pq && !P->rc)
        P->rc = ZS_ENOMEM;
    if (P->rc) {
        if (err_off)
            *err_off = P->err_off;
        zsq_parsed_free(P->pq);
    } else {
        *out = P->pq;
    }
    parser_free(P);
    return P->rc;
}

int zsq_read_filter(zs_seg *seg, zsq_filter_kind kind, const char *v, size_t n, zsq_parsed **out,
                    char *err, size_t errcap)
{
    parser P;
    int rc = parser_start(&P, seg, NULL, v, n, "value", out, err, errcap, NULL);
    if (rc)
        return rc;
    if (!P.rc && P.pq)
        zsq_filter_value(&P, kind, 0, P.n);
    return parser_end(&P, out, NULL);
}

int zsq_parse_zones(zs_seg *seg, const struct zsi_gazetteer *gaz, const char *q, size_t n,
                    zsq_parsed **out, char *err, size_t errcap, size_t *err_off)
{
    return parse_zones(seg, gaz, NULL, NULL, q, n, out, err, errcap, err_off);
}

static int parse_zones(zs_seg *seg, const struct zsi_gazetteer *gaz,
                       const struct zsi_gazetteer *(*gaz_open)(void *ctx), void *gaz_ctx,
                       const char *q, size_t n, zsq_parsed **out, char *err, size_t errcap,
                       size_t *err_off)
{
    parser P;
    int rc = parser_start(&P, seg, gaz, q, n, "query", out, err, errcap, err_off);
    if (rc)
        return rc;
    P.gaz_open = gaz_open;
    P.gaz_ctx = gaz_ctx;
    if (P.rc || !P.pq)
        goto out;
    node *root = parse_and(&P, 0, 0);
    if (!root)
        goto out;
    if (root->nkids == 0) {
        if (root->nnegs > 0) {
            zsq_fail(&P, ZS_ESYNTAX, root->negs[0]->off,
                     "query has only excluded terms: add a term to search for");
            goto out;
        }
        if (P.nfilters == 0) {
            zsq_fail(&P, ZS_ESYNTAX, 0, "query has no searchable text");
            P.err_off = 0;
            goto out;
        }
        P.pq->match_all = calloc(1, 1);
        P.pq->match_any = calloc(1, 1);
        P.pq->terms = calloc(1, sizeof(zsq_term));
        if (!P.pq->match_all || !P.pq->match_any || !P.pq->terms)
            zsq_oom(&P);
        goto out;
    }
    P.pq->has_text = 1;
    zsq_finish(&P, root);
out:
    return parser_end(&P, out, err_off);
}

void zsq_parsed_free(zsq_parsed *pq)
{
    if (!pq)
        return;
    free(pq->match_all);
    free(pq->match_any);
    for (size_t i = 0; i < pq->nterms; i++)
        free(pq->terms[i].text);
    free(pq->terms);
    for (size_t i = 0; i < pq->nparks; i++)
        free(pq->parks[i].p);
    free(pq->parks);
    for (size_t i = 0; i < pq->nsources; i++)
        free(pq->sources[i]);
    free(pq);
}
