/*
 * highlight.c - where the query's terms are in a passage, how close they
 * stand, and which part of a long passage to show.
 *
 * FTS5's highlight()/snippet() cannot serve: snippet() only ends sentences
 * at '.' and ':' (never 。！？), and neither knows our figures. Matching is
 * done on the same QUERY-mode tokens that FTS5 matched on, so a highlight
 * covers exactly what made the passage match, including Traditional or
 * full-width query text (offsets are into the stored passage).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "search_int.h"
#include "util_int.h"

typedef struct tok {
    uint32_t off, len; /* normalized text in a string pool */
    size_t start, end; /* bytes in the source */
} tok;

typedef struct toklist {
    tok *t;
    size_t n, cap;
    char *pool;
    size_t npool, cappool;
} toklist;

struct zsh_terms {
    toklist *terms;
    int *prefix;
    const zsq_term *src; /* the parsed terms, as typed (borrowed from the zsq_parsed) */
    size_t n;
};

static int tl_add(void *ctx, const zs_token *t)
{
    toklist *l = ctx;
    if (l->n == l->cap && zsu_grow(&l->t, &l->cap, l->n + 1, sizeof *l->t, 64))
        return ZS_ENOMEM;
    if (zsu_grow(&l->pool, &l->cappool, l->npool + t->len, 1, 256))
        return ZS_ENOMEM;
    memcpy(l->pool + l->npool, t->text, t->len);
    l->t[l->n++] = (tok){(uint32_t)l->npool, (uint32_t)t->len, t->start, t->end};
    l->npool += t->len;
    return 0;
}

static void tl_free(toklist *l)
{
    free(l->t);
    free(l->pool);
}

void zsh_terms_free(zsh_terms *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->terms && i < t->n; i++)
        tl_free(&t->terms[i]);
    ZSU_FREE(t->terms, t->prefix, t);
}

int zsh_terms_build(zs_seg *seg, const zsq_parsed *pq, zsh_terms **out)
{
    zsh_terms *t = calloc(1, sizeof *t);
    size_t n = pq->nterms < ZSQ_MAX_TERMS ? pq->nterms : ZSQ_MAX_TERMS;
    int rc = 0;
    *out = NULL;
    if (!t || !(t->terms = calloc(n ? n : 1, sizeof *t->terms)) ||
        !(t->prefix = calloc(n ? n : 1, sizeof *t->prefix))) {
        zsh_terms_free(t);
        return ZS_ENOMEM;
    }
    t->n = n;
    t->src = pq->terms;
    for (size_t i = 0; i < n && !rc; i++) {
        const zsq_term *term = &pq->terms[i];
        t->prefix[i] = term->prefix;
        rc = zs_seg_run(seg, term->text, term->len,
                        ZS_SEG_QUERY | (term->prefix ? ZS_SEG_PREFIX : 0), tl_add, &t->terms[i]);
    }
    if (rc) {
        zsh_terms_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

size_t zsh_terms_count(const zsh_terms *t)
{
    return t ? t->n : 0;
}

const char *zsh_term_text(const zsh_terms *t, size_t k, size_t *len)
{
    *len = t->src[k].len;
    return t->src[k].text;
}

static int tok_eq(const toklist *a, size_t i, const toklist *b, size_t j, int prefix)
{
    const tok *x = &a->t[i], *y = &b->t[j];
    if (prefix)
        return x->len >= y->len && !memcmp(a->pool + x->off, b->pool + y->off, y->len);
    return x->len == y->len && !memcmp(a->pool + x->off, b->pool + y->off, x->len);
}

static int cmp_match(const void *a, const void *b)
{
    const zsh_match *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

int zsh_find(zs_seg *seg, const zsh_terms *t, const char *text, size_t n, zsh_match **out,
             size_t *nout, size_t *ntokens)
{
    toklist doc = {0};
    zsh_match *m = NULL;
    size_t nm = 0, cap = 0;
    int rc = zs_seg_run(seg, text, n, ZS_SEG_QUERY, tl_add, &doc);
    *out = NULL;
    *nout = 0;
    *ntokens = doc.n;
    if (rc)
        goto out;
    for (size_t k = 0; k < t->n; k++) {
        const toklist *q = &t->terms[k];
        if (!q->n)
            continue;
        for (size_t i = 0; i + q->n <= doc.n; i++) {
            size_t j = 0;
            while (j < q->n && tok_eq(&doc, i + j, q, j, t->prefix[k] && j == q->n - 1))
                j++;
            if (j < q->n)
                continue;
            if (nm == cap && zsu_grow(&m, &cap, nm + 1, sizeof *m, 16) != 0) {
                rc = ZS_ENOMEM;
                goto out;
            }
            m[nm++] = (zsh_match){doc.t[i].start, doc.t[i + q->n - 1].end, i, q->n, (int)k};
        }
    }
    if (nm > 1)
        qsort(m, nm, sizeof *m, cmp_match);
    *out = m;
    *nout = nm;
    m = NULL;
out:
    free(m);
    tl_free(&doc);
    return rc;
}

int zsh_term_group(const zsh_terms *t, size_t k)
{
    return t->src[k].group;
}

int zsh_terms_held(const zsh_terms *t, const zsh_match *m, size_t nm)
{
    int held = 0;
    for (size_t i = 0; i < nm; i++) {
        size_t j = 0;
        int g = t->src[m[i].term].group;
        while (j < i && t->src[m[j].term].group != g)
            j++;
        held += j == i;
    }
    return held;
}

size_t zsh_gap(const zsh_match *m, size_t nm, size_t nterms)
{
    /* Sliding window over matches in position order covering every term. */
    if (nterms == 0)
        return 0;
    if (nterms > 64)
        nterms = 64;
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < nm; i++) {
        uint64_t seen = 0, all = nterms == 64 ? ~0ull : ((1ull << nterms) - 1);
        size_t lo = m[i].pos, hi = m[i].pos + m[i].ntok, own = 0;
        for (size_t j = i; j < nm && (seen & all) != all; j++) {
            if (m[j].term >= 64 || (seen >> m[j].term) & 1)
                continue;
            seen |= 1ull << m[j].term;
            own += m[j].ntok;
            if (m[j].pos < lo)
                lo = m[j].pos;
            if (m[j].pos + m[j].ntok > hi)
                hi = m[j].pos + m[j].ntok;
        }
        if ((seen & all) == all) {
            size_t gap = hi - lo > own ? hi - lo - own : 0;
            if (gap < best)
                best = gap;
        }
    }
    return best;
}

static int is_sentence_end(const char *p)
{
    return !strncmp(p, "。", 3) || !strncmp(p, "！", 3) || !strncmp(p, "？", 3) ||
           !strncmp(p, "；", 3);
}

static int is_clause_end(const char *p)
{
    return !strncmp(p, "，", 3) || !strncmp(p, "、", 3) || !strncmp(p, "：", 3);
}

static size_t chars(const char *p, size_t a, size_t b)
{
    size_t c = 0;
    for (size_t i = a; i < b; i++)
        c += ((unsigned char)p[i] & 0xC0) != 0x80;
    return c;
}

/* Boundaries after which a snippet may end (or before which it may start). */
static size_t boundaries(const char *p, size_t n, int clause, size_t *out, size_t cap)
{
    size_t k = 0;
    out[k++] = 0;
    for (size_t i = 0; i < n && k + 1 < cap;) {
        int32_t j = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, j, (int32_t)n, c);
        (void)c;
        if (p[i] == '\n' ||
            (j - (int32_t)i == 3 && (is_sentence_end(p + i) || (clause && is_clause_end(p + i))))) {
            /* keep closing quotes with their sentence */
            size_t e = (size_t)j;
            while (e + 3 <= n && (!strncmp(p + e, "”", 3) || !strncmp(p + e, "」", 3) ||
                                  !strncmp(p + e, "）", 3)))
                e += 3;
            out[k++] = e;
            i = e;
            continue;
        }
        i = (size_t)j;
    }
    if (out[k - 1] != n)
        out[k++] = n;
    return k;
}

static int inside(const zs_span *sp, size_t n, size_t off)
{
    for (size_t i = 0; i < n; i++)
        if (off > sp[i].start && off < sp[i].end)
            return 1;
    return 0;
}

void zsh_snippet(const char *text, size_t n, const zsh_match *m, size_t nm, const zs_span *avoid,
                 size_t navoid, size_t max_chars, size_t *start, size_t *end)
{
    size_t b[1024];
    size_t anchor = nm ? m[0].start : 0, anchor_end = nm ? m[0].end : 0;

    *start = 0;
    *end = n;
    if (chars(text, 0, n) <= max_chars)
        return;
    for (int clause = 0; clause < 2; clause++) {
        size_t nb = boundaries(text, n, clause, b, sizeof b / sizeof b[0]);
        size_t i = 0;
        while (i + 1 < nb && b[i + 1] <= anchor)
            i++;
        size_t j = i + 1;
        while (j < nb && b[j] < anchor_end)
            j++;
        if (j >= nb)
            j = nb - 1;
        if (chars(text, b[i], b[j]) > max_chars)
            continue;
        /* grow forward, then backward, while it fits */
        while (j + 1 < nb && chars(text, b[i], b[j + 1]) <= max_chars)
            j++;
        while (i > 0 && chars(text, b[i - 1], b[j]) <= max_chars)
            i--;
        *start = b[i];
        *end = b[j];
        return;
    }
    /* One clause longer than the limit: cut on characters, never in a figure. */
    size_t s = anchor, c = 0;
    while (s > 0 && c < max_chars / 4) {
        s--;
        while (s > 0 && ((unsigned char)text[s] & 0xC0) == 0x80)
            s--;
        c++;
    }
    while (s > 0 && inside(avoid, navoid, s))
        s--;
    while (s > 0 && ((unsigned char)text[s] & 0xC0) == 0x80)
        s--;
    /* never start between a number and what follows it (2020|年) */
    while (s > 0 && ((text[s - 1] >= '0' && text[s - 1] <= '9') || text[s - 1] == '.'))
        s--;
    size_t e = s;
    c = 0;
    while (e < n && c < max_chars) {
        e++;
        while (e < n && ((unsigned char)text[e] & 0xC0) == 0x80)
            e++;
        c++;
    }
    while (e < n && inside(avoid, navoid, e))
        e++;
    while (e < n && ((unsigned char)text[e] & 0xC0) == 0x80)
        e++;
    /* Do not cut inside a Latin word or number either. */
    while (e < n &&
           ((text[e] >= '0' && text[e] <= '9') || ((text[e] | 32) >= 'a' && (text[e] | 32) <= 'z')))
        e++;
    *start = s;
    *end = e;
}
