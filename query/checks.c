/*
 * checks.c - arithmetic checks of a listing's rates and shares.
 *
 * Arithmetic. A stated average annual rate (a percent figure whose metric
 * holds 年均) in a passage that also states a start and an end value of one
 * metric with their years is recomputed from the endpoints
 * ((end/start)^(1/years) - 1) and compared within the rounding of the
 * stated digits; the span the stated rate would fit is shown beside it.
 * Likewise a share (占…%) is recomputed from the part and the whole when its
 * sentence prints both.
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

/* Decimal places printed in a figure's text ("17.6%" -> 1). */
static int decimals_of(const char *text)
{
    const char *dot = strchr(text, '.');
    int d = 0;
    if (dot)
        while (dot[1 + d] >= '0' && dot[1 + d] <= '9')
            d++;
    return d;
}

/* Rows by passage, then row order: the scope of the arithmetic checks. */
static int cmp_passage(const void *x, const void *y, void *arg)
{
    const zs_figures *sort_it = arg;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    sqlite3_int64 pa = sort_it->rows[a].passage_id, pb = sort_it->rows[b].passage_id;
    if (pa != pb)
        return (pa > pb) - (pa < pb);
    return (a > b) - (a < b);
}

/* Endpoint candidates by class, unit, metric, then latest year first, then
 * row order: the first of each run is its latest, earliest-listed row. */
static int cmp_endpoint(const void *x, const void *y, void *arg)
{
    const zs_figures *sort_it = arg;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    const zs_figure *f = &sort_it->rows[a].r.fig, *g = &sort_it->rows[b].r.fig;
    int c = strcmp(f->cls, g->cls);
    if (!c)
        c = strcmp(f->unit, g->unit);
    if (!c)
        c = strcmp(f->metric, g->metric);
    if (!c)
        c = (f->year < g->year) - (f->year > g->year);
    return c ? c : (a > b) - (a < b);
}

static int endpoint(const zs_figure *f)
{
    return !is_rate(f->cls) && f->year && f->value > 0;
}

/*
 * Check stated average growth rates against their endpoints in one passage,
 * rows pix[0..m) in row order; tmp has room for m. The endpoints are the
 * widest span of years one class, unit and metric of the passage states
 * (the first such pair in row order): for each start, the latest year of
 * its metric, found by one sort, not by trying every pair.
 */
static void check_rates(zs_figures *it, const size_t *pix, size_t m, size_t *tmp, size_t *late)
{
    size_t nr = 0, ne = 0;
    for (size_t k = 0; k < m; k++) {
        const zs_figure *r = &it->rows[pix[k]].r.fig;
        nr += !strcmp(r->unit, "%") && strstr(r->metric, "年均");
        if (endpoint(r))
            tmp[ne++] = pix[k];
    }
    if (!nr || ne < 2)
        return;
    qsort_r(tmp, ne, sizeof *tmp, cmp_endpoint, it);
    /* late[k]: the latest row of tmp[k]'s metric, by position in tmp */
    for (size_t k = 0, first = 0; k < ne; k++) {
        const zs_figure *f = &it->rows[tmp[k]].r.fig, *g = &it->rows[tmp[first]].r.fig;
        if (k &&
            (strcmp(f->cls, g->cls) || strcmp(f->unit, g->unit) || strcmp(f->metric, g->metric)))
            first = k;
        late[k] = tmp[first];
    }
    const zs_figure *a = NULL, *b = NULL;
    size_t abest = (size_t)-1;
    for (size_t k = 0; k < ne; k++) {
        const zs_figure *f = &it->rows[tmp[k]].r.fig, *g = &it->rows[late[k]].r.fig;
        if (g->year <= f->year)
            continue;
        /* widest span; the earliest start row on a tie */
        if (!a || g->year - f->year > b->year - a->year ||
            (g->year - f->year == b->year - a->year && tmp[k] < abest)) {
            a = f;
            b = g;
            abest = tmp[k];
        }
    }
    if (!a)
        return;
    for (size_t k = 0; k < m; k++) {
        row *p = &it->rows[pix[k]];
        const zs_figure *r = &p->r.fig;
        if (strcmp(r->unit, "%") || !strstr(r->metric, "年均"))
            continue;
        int years = b->year - a->year;
        double got = (pow(b->value / a->value, 1.0 / years) - 1) * 100;
        /* rounding of the stated digits: 17.6 -> 0.05 */
        double tol = 0.5 * pow(10, -decimals_of(r->text)) + 0.05;
        double fits = log(b->value / a->value) / log(1 + r->value / 100);
        p->r.check_failed = fabs(got - r->value) > tol;
        snprintf(p->check, sizeof p->check,
                 "%s: %s (%d) -> %s (%d) gives %.1f%% a year over %d years; %s%.1f years",
                 p->r.check_failed ? "MISMATCH" : "consistent", a->text, a->year, b->text, b->year,
                 got, years, p->r.check_failed ? "the stated rate fits " : "fits ", fits);
    }
}

/* Rows by sentence (context bounds), then row order. */
static int cmp_sentence(const void *x, const void *y, void *arg)
{
    const zs_figures *sort_it = arg;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    const row *p = &sort_it->rows[a], *q = &sort_it->rows[b];
    if (p->cs != q->cs)
        return (p->cs > q->cs) - (p->cs < q->cs);
    if (p->ce != q->ce)
        return (p->ce > q->ce) - (p->ce < q->ce);
    return (a > b) - (a < b);
}

/*
 * Check a stated share against the two counts its sentence states: in
 * "全市高新技术企业80户，其中高新区20户，占25%", 20/80 = 25%. Only when the
 * sentence before the share holds exactly two figures of one class (the
 * part and the whole); a share of a whole that is not printed is left alone.
 * Rows pix[0..m) of one passage; tmp has room for m. Figures are compared
 * only within their sentence.
 */
static void check_shares(zs_figures *it, const size_t *pix, size_t m, size_t *tmp)
{
    memcpy(tmp, pix, m * sizeof *tmp);
    qsort_r(tmp, m, sizeof *tmp, cmp_sentence, it);
    for (size_t s = 0; s < m;) {
        size_t e = s + 1;
        while (e < m && it->rows[tmp[e]].cs == it->rows[tmp[s]].cs &&
               it->rows[tmp[e]].ce == it->rows[tmp[s]].ce)
            e++;
        for (size_t i = s; i < e; i++) {
            row *p = &it->rows[tmp[i]];
            const zs_figure *f = &p->r.fig;
            int pct = !strcmp(f->unit, "%"), ratio = !strcmp(f->cls, "ratio");
            if ((!pct && !ratio) || p->check[0])
                continue;
            /* a share: 占 shortly before the figure, or a metric of 占比/比重 */
            const char *c = p->r.context;
            size_t from = f->start > 24 ? f->start - 24 : 0;
            int share = strstr(f->metric, "占") || strstr(f->metric, "比重");
            for (size_t k = from; !share && k + 3 <= f->start; k++)
                share = !memcmp(c + k, "占", 3);
            if (!share)
                continue;
            const zs_figure *a = NULL, *b = NULL;
            size_t count = 0;
            for (size_t j = s; j < e && count < 3; j++) {
                const zs_figure *g = &it->rows[tmp[j]].r.fig;
                if (g->start >= f->start || is_rate(g->cls) || !strcmp(g->cls, "ratio") ||
                    g->value <= 0)
                    continue;
                if (count == 0)
                    a = g;
                else if (count == 1)
                    b = g;
                count++;
            }
            if (count != 2 || strcmp(a->cls, b->cls) || strcmp(a->unit, b->unit))
                continue;
            double part = fmin(a->value, b->value), whole = fmax(a->value, b->value);
            double got = part / whole * 100, stated = ratio ? f->value * 100 : f->value;
            double tol = ratio ? 1.0 : 0.5 * pow(10, -decimals_of(f->text)) + 0.05;
            int ok = fabs(got - stated) <= tol;
            if (!ok && (f->hedge & (ZSI_HEDGE_NEAR | ZSI_HEDGE_ABOUT)))
                ok = fabs(got - stated) <= 0.1 * stated;
            p->r.check_failed = !ok;
            snprintf(p->check, sizeof p->check, "%s: %s of %s is %.1f%%, stated %s",
                     ok ? "consistent" : "MISMATCH", a->value < b->value ? a->text : b->text,
                     a->value < b->value ? b->text : a->text, got, f->text);
        }
        s = e;
    }
}

/* The arithmetic checks, passage by passage: n log n in all. */
int zsq_check_passages(zs_figures *it)
{
    size_t n = it->n ? it->n : 1;
    size_t *pix = malloc(n * sizeof *pix), *tmp = malloc(n * sizeof *tmp),
           *late = malloc(n * sizeof *late);
    if (!pix || !tmp || !late) {
        free(pix), free(tmp), free(late);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < it->n; i++)
        pix[i] = i;
    qsort_r(pix, it->n, sizeof *pix, cmp_passage, it);
    /* every rate first, then shares: a share keeps a rate's check */
    for (int pass = 0; pass < 2; pass++)
        for (size_t s = 0; s < it->n;) {
            size_t e = s + 1;
            while (e < it->n && it->rows[pix[e]].passage_id == it->rows[pix[s]].passage_id)
                e++;
            if (pass == 0)
                check_rates(it, pix + s, e - s, tmp, late);
            else
                check_shares(it, pix + s, e - s, tmp);
            s = e;
        }
    free(pix), free(tmp), free(late);
    return 0;
}
