/*
 * render.c - the parsed tree rendered as FTS5 MATCH strings: every term a
 * double-quoted string, the only syntax AND, OR, NOT, parentheses and a
 * prefix `*` written here.
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
 * Rendering
 * ---------------------------------------------------------------------- */

/* An FTS5 string: "..." with every embedded " doubled. */
static void quote(buf *b, const char *mark, const char *p, size_t n)
{
    zsu_buf_add(b, "\"", 1);
    zsu_buf_str(b, mark);
    size_t i = 0;
    while (i < n) {
        const char *dq = memchr(p + i, '"', n - i);
        size_t k = dq ? (size_t)(dq - p) + 1 : n;
        zsu_buf_add(b, p + i, k - i);
        if (dq)
            zsu_buf_add(b, "\"", 1);
        i = k;
    }
    zsu_buf_add(b, "\"", 1);
}

static void render_term(const parser *P, buf *b, const node *t)
{
    const char *p = P->q + t->toff;
    quote(b, "", p, t->tlen);
    if (t->prefix)
        zsu_buf_add(b, "*", 1);
}

static void render(const parser *P, buf *b, const node *x);

static void render_child(const parser *P, buf *b, const node *x)
{
    if (x->kind == N_AND || x->kind == N_OR) {
        zsu_buf_add(b, "(", 1);
        render(P, b, x);
        zsu_buf_add(b, ")", 1);
    } else {
        render(P, b, x);
    }
}

/* One side of NOT: always parenthesized, as "(P) NOT (N)". */
static void render_side(const parser *P, buf *b, node *const *xs, size_t n, const char *sep)
{
    const node *y = n == 1 && xs[0]->kind == N_NEG ? xs[0]->kids[0] : xs[0];
    if (n == 1 && (y->kind == N_AND || y->kind == N_OR)) {
        render_child(P, b, y);
        return;
    }
    zsu_buf_add(b, "(", 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            zsu_buf_str(b, sep);
        render_child(P, b, xs[i]);
    }
    zsu_buf_add(b, ")", 1);
}

static void render(const parser *P, buf *b, const node *x)
{
    switch (x->kind) {
    case N_TERM: render_term(P, b, x); return;
    case N_NEG: render_child(P, b, x->kids[0]); return;
    case N_OR:
        for (size_t i = 0; i < x->nkids; i++) {
            if (i)
                zsu_buf_str(b, " OR ");
            render_child(P, b, x->kids[i]);
        }
        return;
    case N_AND:
        if (x->nnegs == 0) {
            for (size_t i = 0; i < x->nkids; i++) {
                if (i)
                    zsu_buf_str(b, " AND ");
                render_child(P, b, x->kids[i]);
            }
            return;
        }
        render_side(P, b, x->kids, x->nkids, " AND ");
        zsu_buf_str(b, " NOT ");
        render_side(P, b, x->negs, x->nnegs, " OR ");
        return;
    default: return;
    }
}

/* The positive terms of x (not under an exclusion), deduplicated. */
static int leaves(parser *P, const node *x, const node ***out, size_t *n, size_t *cap)
{
    if (x->kind == N_TERM) {
        for (size_t i = 0; i < *n; i++) {
            const node *y = (*out)[i];
            if (y->tlen == x->tlen && y->prefix == x->prefix &&
                memcmp(P->q + y->toff, P->q + x->toff, x->tlen) == 0)
                return 0;
        }
        if (zsu_grow(out, cap, *n + 1, sizeof(node *), 8))
            return zsq_oom(P);
        (*out)[(*n)++] = x;
        return 0;
    }
    if (x->kind == N_AND || x->kind == N_OR)
        for (size_t i = 0; i < x->nkids; i++)
            if (leaves(P, x->kids[i], out, n, cap))
                return P->rc;
    return 0;
}

static char *dup_or_empty(const buf *b)
{
    if (b->p)
        return b->p;
    return calloc(1, 1);
}

/* Fill match_all, match_any and terms of P->pq from the root AND. */
int zsq_finish(parser *P, node *root)
{
    zsq_parsed *pq = P->pq;
    buf all = {0}, any = {0};
    const node **lv = NULL;
    size_t nlv = 0, caplv = 0;
    int rc = 0;

    if (root->nkids == 1 && root->nnegs == 0)
        render(P, &all, root->kids[0]);
    else
        render(P, &all, root);

    /* The leaves item by item of the root AND, each item's group noted. */
    int *grp = NULL;
    size_t capgrp = 0;
    for (size_t g = 0; g < (root->kind == N_AND ? root->nkids : 1); g++) {
        size_t before = nlv;
        if (leaves(P, root->kind == N_AND ? root->kids[g] : root, &lv, &nlv, &caplv) ||
            zsu_grow(&grp, &capgrp, nlv + 1, sizeof *grp, 8)) {
            free(grp);
            rc = P->rc ? P->rc : zsq_oom(P);
            goto out;
        }
        for (size_t i = before; i < nlv; i++)
            grp[i] = (int)g;
    }
    buf pos = {0};
    for (size_t i = 0; i < nlv; i++) {
        if (i)
            zsu_buf_str(&pos, " OR ");
        render_term(P, &pos, lv[i]);
    }
    if (root->nnegs == 0) {
        any = pos;
    } else {
        zsu_buf_add(&any, "(", 1);
        if (pos.p)
            zsu_buf_add(&any, pos.p, pos.n);
        zsu_buf_add(&any, ")", 1);
        any.oom |= pos.oom;
        free(pos.p);
        zsu_buf_str(&any, " NOT ");
        render_side(P, &any, root->negs, root->nnegs, " OR ");
    }
    if (all.oom || any.oom) {
        rc = zsq_oom(P);
        goto out;
    }
    pq->match_all = dup_or_empty(&all);
    all.p = NULL;
    pq->match_any = dup_or_empty(&any);
    any.p = NULL;
    if (!pq->match_all || !pq->match_any) {
        rc = zsq_oom(P);
        goto out;
    }
    pq->terms = calloc(nlv ? nlv : 1, sizeof(zsq_term));
    if (!pq->terms) {
        free(grp);
        rc = zsq_oom(P);
        goto out;
    }
    for (size_t i = 0; i < nlv; i++) {
        char *t = malloc(lv[i]->tlen + 1);
        if (!t) {
            free(grp);
            rc = zsq_oom(P);
            goto out;
        }
        memcpy(t, P->q + lv[i]->toff, lv[i]->tlen);
        t[lv[i]->tlen] = '\0';
        pq->terms[i] = (zsq_term){t, lv[i]->tlen, lv[i]->prefix, lv[i]->phrase, grp[i]};
        pq->nterms++;
    }
    free(grp);
out:
    ZSU_FREE(all.p, any.p, lv);
    return rc;
}
