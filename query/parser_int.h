/*
 * parser_int.h - private interface between the files of the query parser
 * (query/): parse.c (errors, the grammar, the entry points), split.c (words
 * typed without spaces, cut where the segmenter finds words), filter.c
 * (park:, year:, figure:) and render.c (FTS5 MATCH strings). parse.c's
 * opening comment states the grammar and the safety invariant.
 */
#ifndef ZS_QUERY_PARSER_INT_H
#define ZS_QUERY_PARSER_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "query_int.h"
#include "util_int.h"

typedef enum nkind { N_EMPTY, N_FILTER, N_TERM, N_AND, N_OR, N_NEG } nkind;

typedef struct node node;
struct node {
    nkind kind;
    size_t off;        /* cleaned offset where the item starts */
    size_t toff, tlen; /* N_TERM: the text, cleaned[toff .. toff+tlen) */
    int prefix, phrase;
    size_t filter_at; /* AND: 1 + offset of a filter inside the group, or 0 */
    node **kids;      /* AND: positives; OR: operands; NEG: kids[0] */
    size_t nkids, capkids;
    node **negs; /* AND: excluded items */
    size_t nnegs, capnegs;
};

typedef struct tokrec {
    zs_token_kind kind;
    size_t start, end; /* relative to the segmented text */
} tokrec;

typedef struct parser {
    zs_seg *seg;
    const struct zsi_gazetteer *gaz; /* zone names kept whole, or NULL */
    /* When set, opens gaz the first time a word could hold a zone's name
     * (zsq_parse_query_lazy()); called once. */
    const struct zsi_gazetteer *(*gaz_open)(void *ctx);
    void *gaz_ctx;
    size_t qcap;                     /* bytes allocated at q (alias texts follow it) */
    char *q;                         /* cleaned query, NUL-terminated */
    size_t n;
    size_t *map; /* cleaned offset -> caller's offset; map[n] = caller's n */
    size_t pos;
    node **all; /* every node, for freeing */
    size_t nall, capall;
    size_t nterms;
    size_t nfilters;
    tokrec *toks;
    size_t ntoks, captoks;
    zsq_parsed *pq;
    int rc;
    size_t err_off;
    char *err;
    size_t errcap;
} parser;

typedef zsu_buf buf; /* util_int.h */

/* ------------------------------------------------------------------------
 * Characters
 * ---------------------------------------------------------------------- */

/* The code point at cleaned offset i (the text is valid UTF-8); *next after it. */
static inline UChar32 cp_at(const parser *P, size_t i, size_t *next)
{
    if (i >= P->n) {
        *next = i;
        return -1;
    }
    int32_t k = (int32_t)i;
    UChar32 c;
    U8_NEXT(P->q, k, (int32_t)P->n, c);
    *next = (size_t)k;
    return c;
}

static inline int is_space(UChar32 c)
{
    if (c < 0x80)
        return c <= 0x20 || c == 0x7f;
    return u_isUWhiteSpace(c);
}

static inline int is_open(UChar32 c)
{
    return c == '(' || c == 0xFF08;
}
static inline int is_close(UChar32 c)
{
    return c == ')' || c == 0xFF09;
}
/* ASCII, full-width and curly double quotes (see quote_close()). */
static inline int is_quote(UChar32 c)
{
    return c == '"' || c == 0xFF02 || c == 0x201C || c == 0x201D;
}
/*
 * The cleaned offset of the quote closing the one at cleaned offset i, or
 * P->n when none does. Chinese quotes delimit a phrase only when paired (“
 * by ”): a text pasted from an article often holds a lone “ or ”, and there
 * they are punctuation. A straight quote (ASCII or full-width) is closed by
 * a straight one, so a pasted headline with “…” inside stays one phrase;
 * one left open is the user's typing, and an error.
 */
static inline size_t quote_close(const parser *P, size_t i)
{
    size_t nx, kn;
    UChar32 o = cp_at(P, i, &nx);
    if (o == 0x201D)
        return P->n;
    for (size_t k = nx; k < P->n; k = kn) {
        UChar32 d = cp_at(P, k, &kn);
        if (o == 0x201C ? d == 0x201D : (d == '"' || d == 0xFF02))
            return k;
    }
    return P->n;
}
/* A quote that, left unpaired, is punctuation rather than an error. */
static inline int is_cn_quote(UChar32 c)
{
    return c == 0x201C || c == 0x201D;
}
static inline int is_minus(UChar32 c)
{
    return c == '-' || c == 0xFF0D;
}
static inline int is_star(UChar32 c)
{
    return c == '*' || c == 0xFF0A;
}
static inline int is_delim(UChar32 c)
{
    return c < 0 || is_space(c) || is_open(c) || is_close(c) || is_quote(c);
}

static inline void skip_ws(parser *P)
{
    size_t nx;
    while (P->pos < P->n && is_space(cp_at(P, P->pos, &nx)))
        P->pos = nx;
}

/* Nonzero if the keyword kw (uppercase ASCII) stands alone at P->pos. */
static inline int at_kw(const parser *P, const char *kw)
{
    size_t k = strlen(kw), nx;
    if (P->n - P->pos < k || memcmp(P->q + P->pos, kw, k) != 0)
        return 0;
    return is_delim(cp_at(P, P->pos + k, &nx));
}

/* ---- interface to parse.c ---- */

/*
 * Record the first error (later ones never overwrite it: the first is the
 * cause). off is a cleaned offset. Returns rc so callers can `return fail()`.
 */
int zsq_fail(parser *P, int rc, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* zsq_fail(P, ZS_ENOMEM, ...). */
int zsq_oom(parser *P);
/* Caller's offset of cleaned offset off, for messages. */
size_t zsq_orig(const parser *P, size_t off);
/* A new node owned by the parser (freed with it). NULL (and error) on OOM. */
node *zsq_new_node(parser *P, nkind kind, size_t off);
int zsq_push_kid(parser *P, node *x, node *kid);
/* Segment cleaned[off .. off+len) into P->toks. */
int zsq_segment(parser *P, size_t off, size_t len, unsigned flags);
/* A term node for cleaned[off .. off+len); counts against ZSQ_MAX_TERMS. */
node *zsq_new_term(parser *P, size_t off, size_t len, int prefix, int phrase);

/* ---- interface to split.c ---- */

/* A word typed without spaces, cut where the segmenter finds words (see
 * query_int.h); an AND of its pieces, or one term. NULL on error. */
node *zsq_split_word(parser *P, size_t off, size_t len);
/* Like zsq_split_word(), but a zone's name in the word (P->gaz) is one phrase
 * or-ed with the zone's other names. NULL on error. */
node *zsq_zone_word(parser *P, size_t off, size_t len);

/* ---- interface to filter.c ---- */

/* A filter item (park:, year:, figure:) at P->pos into *out. */
int zsq_parse_filter(parser *P, node **out);

/* The value P->q[vs..ve) of a filter of that kind into P->pq (spaces around
 * it trimmed; empty is an error). */
int zsq_filter_value(parser *P, zsq_filter_kind kind, size_t vs, size_t ve);

/* A copy of the value P->q[vs..ve) of a filter called name, NUL-terminated,
 * when the query holds have < limit of them; NULL with the error set (too
 * many, or out of memory). Ownership: caller frees. */
char *zsq_filter_copy(parser *P, size_t vs, size_t ve, size_t have, size_t limit, const char *name);

/* ---- interface to docfilter.c ---- */

/* date: and source: values at P->q[vs..ve) into P->pq. */
int zsq_date_filter(parser *P, size_t vs, size_t ve);
int zsq_source_filter(parser *P, size_t vs, size_t ve);

/* ---- interface to render.c ---- */

/* Fill match_all, match_any and terms of P->pq from the root AND. */
int zsq_finish(parser *P, node *root);

#endif
