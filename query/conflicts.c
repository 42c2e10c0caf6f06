/*
 * conflicts.c - figures of a listing that cannot all be true.
 *
 * Conflicts. Two figures conflict when they share park, metric, unit class
 * and base unit, come from different passages, their years agree (equal, or
 * one unstated), and their values cannot both be true once hedges are
 * respected (超1353.4亿 needs at least 1353.4亿; 近80 at most 80; 2000余 at
 * least 2000; 约 within 15%). Rates (percent, points) are compared only when
 * both state the same year: an unstated-year 增速 of one industry and of
 * another are not the same quantity. Metrics such as 投资 or 产值 often name
 * different things in different passages, so unless both figures state the
 * same year with the same printed metric, only a ratio near a power of ten
 * (the typical misprint: 135.34 vs 1353.4) is flagged, and named as such;
 * with the same year and words, values less than twice apart (a revision or
 * a transposed digit) are flagged too. Values further apart under a shared
 * generic name are, in news, nearly always different subjects.
 */
#define _GNU_SOURCE /* qsort_r: a comparator with the listing as context */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "figure_int.h"
#include "query_int.h"
#include "search_int.h"
#include "figures_int.h"
#include "extract_int.h"
#include "util_int.h"

/* Can a (hedged) and b (hedged) both be true? */
static int consistent(const zs_figure *a, const zs_figure *b)
{
    double x = a->value, y = b->value;
    double tol = 0.005 * fmax(fabs(x), fabs(y));
    if (fabs(x - y) <= tol)
        return 1;
    /* let a be the hedged one when only one is */
    if (!a->hedge && b->hedge) {
        const zs_figure *t = a;
        a = b;
        b = t;
        x = a->value;
        y = b->value;
    }
    if (a->hedge && b->hedge) /* two bounds: only a wild ratio is a conflict */
        return fmax(x, y) / fmax(fmin(x, y), 1e-300) < 5.0;
    int h = a->hedge;
    if (h & ZSI_HEDGE_OVER)
        return y >= x - tol;
    if (h & ZSI_HEDGE_UNDER)
        return y <= x + tol;
    if (h & ZSI_HEDGE_PLUS) /* 2000余: 2000 up to the next unit of the last digit */
        return y >= x - tol && y < x * 1.5;
    if (h & ZSI_HEDGE_NEAR)
        return y <= x + tol && y >= x * 0.8;
    if (h & ZSI_HEDGE_ABOUT)
        return fabs(y - x) <= 0.15 * fabs(x);
    return 0;
}

/*
 * Do rows i and j conflict? If so, why (in why[0..n)). Symmetric in i, j.
 * Both are of one park and metric.
 */
static int conflict_of(const zs_figures *it, size_t i, size_t j, char *why, size_t n)
{
    const zs_figure *a = &it->rows[i].r.fig, *b = &it->rows[j].r.fig;
    if (strcmp(a->cls, b->cls) || strcmp(a->unit, b->unit) || it->rows[i].dead ||
        it->rows[j].dead || it->rows[i].passage_id == it->rows[j].passage_id)
        return 0;
    if (a->year && b->year && a->year != b->year)
        return 0;
    if (consistent(a, b))
        return 0;
    double hi = fmax(a->value, b->value), lo = fmin(a->value, b->value);
    double ratio = lo > 0 ? hi / lo : HUGE_VAL, p10 = pow(10, round(log10(ratio)));
    int misprint = ratio > 5 && fabs(ratio / p10 - 1) < 0.02;
    /* Same year stated on both sides and the same words: any disagreement.
     * Otherwise a generic metric (投资, 产值) may name different things,
     * and only a misprint-like ratio is worth a reporter's look. */
    int same = a->year && a->year == b->year &&
               !strcmp(it->rows[i].r.metric_raw, it->rows[j].r.metric_raw) && ratio < 2;
    if (!same && !misprint)
        return 0;
    if (is_rate(a->cls) && !same)
        return 0;
    if (misprint)
        snprintf(why, n, "%.0f times apart: likely a misprint", p10);
    else
        snprintf(why, n, "%.1f%% apart", (hi - lo) / hi * 100);
    return 1;
}

/* Most candidates looked at in one value window: bounds the work of a
 * block of many equal values (the answer is then the first conflict among
 * them, not among all). */
#define WINDOW_MAX 256

typedef struct group {
    size_t s, e;       /* ix[s..e): rows of one class, unit and year */
    double vmin, vmax; /* their smallest and largest value */
} group;

typedef struct block {
    const zs_figures *it;
    size_t *ix; /* the block's rows by class, unit, year, then row order */
    group *g;
    size_t n, ng;
} block;

/* Order of groups: class, unit, year. */
static int cmp_group(const zs_figures *it, size_t x, size_t y)
{
    const zs_figure *a = &it->rows[x].r.fig, *b = &it->rows[y].r.fig;
    int c;
    if ((c = strcmp(a->cls, b->cls)) || (c = strcmp(a->unit, b->unit)))
        return c;
    return ZSU_CMP(a->year, b->year);
}

static int cmp_ix(const void *x, const void *y, void *it)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int c = cmp_group(it, a, b);
    return c ? c : (a > b) - (a < b);
}

/*
 * The first row (in row order) of group G with a value in [lo, hi] that
 * conflicts with row r, or (size_t)-1. Inside a group (one park, metric,
 * class, unit, year) row order is value order, so a binary search finds the
 * window and the first conflict in it is the lowest row.
 */
static size_t first_in(const block *B, const group *G, size_t r, double lo, double hi, char *why,
                       size_t n)
{
    const row *rows = B->it->rows;
    size_t l = G->s, h = G->e;
    if (hi < G->vmin || lo > G->vmax)
        return (size_t)-1;
    while (l < h) {
        size_t m = l + (h - l) / 2;
        if (rows[B->ix[m]].r.fig.value < lo)
            l = m + 1;
        else
            h = m;
    }
    for (size_t k = l, seen = 0; k < G->e && seen < WINDOW_MAX; k++, seen++) {
        size_t j = B->ix[k];
        if (rows[j].r.fig.value > hi)
            break;
        if (j != r && conflict_of(B->it, r, j, why, n))
            return j;
    }
    return (size_t)-1;
}

/* Keep j as the answer when it is lower than the best so far. */
static void lower(size_t j, const char *why, size_t *best, char *best_why, size_t n)
{
    if (j < *best) {
        *best = j;
        snprintf(best_why, n, "%s", why);
    }
}

/* The lowest row of group G conflicting with row r, into best. */
static void group_conflicts(const block *B, const group *G, size_t r, size_t *best, char *best_why,
                            size_t n)
{
    const zs_figure *f = &B->it->rows[r].r.fig;
    double v = f->value;
    char why[160];
    if (v <= 0 || G->vmin <= 0) {
        /* values not above zero: ratios mean little, look at all */
        lower(first_in(B, G, r, -HUGE_VAL, HUGE_VAL, why, sizeof why), why, best, best_why, n);
        return;
    }
    if (f->year && B->it->rows[B->ix[G->s]].r.fig.year == f->year)
        lower(first_in(B, G, r, v / 2.0001, v * 2.0001, why, sizeof why), why, best, best_why, n);
    if (is_rate(f->cls))
        return;
    /* ratios near 10^k, up and down, only as far as the group's values reach */
    int up = (int)ceil(log10(G->vmax / v)) + 1, down = (int)ceil(log10(v / G->vmin)) + 1;
    for (int k = 1; k <= up && k <= 40; k++) {
        double p = pow(10, k);
        lower(first_in(B, G, r, v * p * 0.979, v * p * 1.021, why, sizeof why), why, best, best_why,
              n);
    }
    for (int k = 1; k <= down && k <= 40; k++) {
        double p = pow(10, k);
        lower(first_in(B, G, r, v / p / 1.021, v / p / 0.979, why, sizeof why), why, best, best_why,
              n);
    }
}

/*
 * Conflicts of one park and metric, rows [s, e). Each row is marked with
 * its first conflicting row (lowest in row order): what comparing every
 * pair in order gives, found through value windows instead, since a
 * conflict is a ratio near a power of ten or, with the same year and words,
 * under 2 (values not above zero are looked at whole).
 */
static void block_conflicts(block *B, size_t s, size_t e)
{
    zs_figures *it = (zs_figures *)B->it;
    B->n = e - s;
    for (size_t k = 0; k < B->n; k++)
        B->ix[k] = s + k;
    qsort_r(B->ix, B->n, sizeof *B->ix, cmp_ix, it);
    B->ng = 0;
    for (size_t k = 0; k < B->n; k++) {
        double v = it->rows[B->ix[k]].r.fig.value;
        if (k == 0 || cmp_group(it, B->ix[k - 1], B->ix[k]))
            B->g[B->ng++] = (group){k, k, v, v};
        group *G = &B->g[B->ng - 1];
        G->e = k + 1;
        G->vmin = fmin(G->vmin, v);
        G->vmax = fmax(G->vmax, v);
    }
    for (size_t r = s; r < e; r++) {
        const zs_figure *f = &it->rows[r].r.fig;
        size_t best = (size_t)-1;
        char best_why[160] = "";
        /* the groups of r's class and unit: binary search for the first */
        size_t l = 0, h = B->ng;
        while (l < h) {
            size_t m = l + (h - l) / 2;
            const zs_figure *g = &it->rows[B->ix[B->g[m].s]].r.fig;
            int c = strcmp(g->cls, f->cls);
            if (!c)
                c = strcmp(g->unit, f->unit);
            if (c < 0)
                l = m + 1;
            else
                h = m;
        }
        for (size_t gi = l; gi < B->ng; gi++) {
            const zs_figure *g = &it->rows[B->ix[B->g[gi].s]].r.fig;
            if (strcmp(g->cls, f->cls) || strcmp(g->unit, f->unit))
                break;
            if (f->year && g->year && f->year != g->year)
                continue;
            group_conflicts(B, &B->g[gi], r, &best, best_why, sizeof best_why);
        }
        if (best == (size_t)-1)
            continue;
        row *me = &it->rows[r];
        const row *other = &it->rows[best];
        const zs_place *mp = &me->r.place, *op = &other->r.place;
        /* both dates: which was printed first is half the story */
        snprintf(me->conflict, sizeof me->conflict, "%s%s%s%s vs %s in %s:%lld%s%s%s%s%s (%s)",
                 me->r.fig.text, mp->date[0] ? " (" : "", mp->date, mp->date[0] ? ")" : "",
                 other->r.fig.text, zs_place_path(op), other->r.fig.line,
                 op->date[0] || op->source[0] ? " (" : "", op->date,
                 op->date[0] && op->source[0] ? ", " : "", op->source,
                 op->date[0] || op->source[0] ? ")" : "", best_why);
    }
}

int zsq_mark_conflicts(zs_figures *it)
{
    block B = {it, malloc((it->n ? it->n : 1) * sizeof(size_t)),
               malloc((it->n ? it->n : 1) * sizeof(group)), 0, 0};
    if (!B.ix || !B.g) {
        free(B.ix);
        free(B.g);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < it->n;) {
        const zs_figure *a = &it->rows[i].r.fig;
        size_t e = i + 1;
        while (e < it->n && !strcmp(it->rows[e].r.fig.park, a->park) &&
               !strcmp(it->rows[e].r.fig.metric, a->metric))
            e++;
        if (a->park[0] && a->metric[0] && e - i > 1)
            block_conflicts(&B, i, e);
        i = e;
    }
    free(B.ix);
    free(B.g);
    return 0;
}
