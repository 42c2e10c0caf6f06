/*
 * figures.c - zs_figures: the figures printed for a zone and metric, as a
 * timeline, with conflicts and arithmetic checks marked.
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
 *
 * Arithmetic. A stated average annual rate (a percent figure whose metric
 * holds 年均) in a passage that also states a start and an end value of one
 * metric with their years is recomputed from the endpoints
 * ((end/start)^(1/years) - 1) and compared within the rounding of the
 * stated digits; the span the stated rate would fit is shown beside it.
 * Likewise a share (占…%) is recomputed from the part and the whole when its
 * sentence prints both.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "figure_int.h"
#include "query_int.h"
#include "search_int.h"
#include "extract_int.h"

/* Most figures one listing holds. */
#define MAX_ROWS 200000

typedef struct row {
    zs_figure_row r;
    sqlite3_int64 passage_id;
    char *strs[8]; /* owned strings: text unit cls metric park metric_raw doc context */
    size_t cs, ce; /* the context: bytes [cs, ce) of the passage */
    char conflict[256];
    char check[256];
} row;

struct zs_figures {
    row *rows;
    size_t n, cap, next;
    size_t *order; /* conflicts mode: emission order */
    size_t norder;
};

void zs_figures_free(zs_figures *it)
{
    if (!it)
        return;
    for (size_t i = 0; i < it->n; i++)
        for (size_t k = 0; k < 8; k++)
            free(it->rows[i].strs[k]);
    free(it->rows);
    free(it->order);
    free(it);
}

/*
 * The sentence around each figure of one passage: cut at 。！？；, and at
 * most CONTEXT_MAX bytes on either side of the figure (a passage may be one
 * 50 MB line with no sentence end). Figures come in order of their start, so
 * the scan for the last end before a figure only moves forward, and the end
 * after a figure is found again only when the figure passes it: linear in
 * the passage for all its figures.
 */
#define CONTEXT_MAX 1024

typedef struct sentences {
    const char *b;
    size_t n;
    size_t scan, last; /* ends before scan seen; last: just after the latest */
    size_t from, end;  /* the first end at or after `from` finishes at `end` */
} sentences;

static int is_end(const char *b, size_t n, size_t i)
{
    static const char *const ends[] = {"。", "！", "？", "；"};
    if (i + 3 > n)
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (!memcmp(b + i, ends[k], 3))
            return 1;
    return 0;
}

static void sentence(sentences *S, size_t fs, size_t fe, size_t *s, size_t *e)
{
    const char *b = S->b;
    size_t n = S->n;
    if (fs < S->scan) /* out of order (not expected): start over */
        S->scan = S->last = 0;
    for (; S->scan + 3 <= fs; S->scan++)
        if (is_end(b, n, S->scan))
            S->last = S->scan + 3;
    if (!(S->from <= fe && (fe + 3 <= S->end || S->end == n))) {
        size_t i = fe;
        while (i + 3 <= n && !is_end(b, n, i))
            i++;
        S->from = fe;
        S->end = i + 3 <= n ? i + 3 : n;
    }
    size_t a = S->last, z = S->end;
    if (fs - a > CONTEXT_MAX) {
        a = fs - CONTEXT_MAX;
        while (a < fs && ((unsigned char)b[a] & 0xC0) == 0x80)
            a++;
    }
    if (z - fe > CONTEXT_MAX) {
        z = fe + CONTEXT_MAX;
        while (z > fe && ((unsigned char)b[z] & 0xC0) == 0x80)
            z--;
    }
    *s = a;
    *e = z;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

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

static int is_rate(const char *cls)
{
    return !strcmp(cls, "percent") || !strcmp(cls, "points");
}

/*
 * Do rows i and j conflict? If so, why (in why[0..n)). Symmetric in i, j.
 * Both are of one park and metric.
 */
static int conflict_of(const zs_figures *it, size_t i, size_t j, char *why, size_t n)
{
    const zs_figure *a = &it->rows[i].r.fig, *b = &it->rows[j].r.fig;
    if (strcmp(a->cls, b->cls) || strcmp(a->unit, b->unit) ||
        it->rows[i].passage_id == it->rows[j].passage_id)
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
    int c = strcmp(a->cls, b->cls);
    if (!c)
        c = strcmp(a->unit, b->unit);
    if (!c)
        c = (a->year > b->year) - (a->year < b->year);
    return c;
}

/* qsort has no context argument; one listing per thread at a time */
static _Thread_local const zs_figures *sort_it;
static int cmp_ix(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int c = cmp_group(sort_it, a, b);
    return c ? c : (a > b) - (a < b);
}

/*
 * The first row (in row order) of group G with a value in [lo, hi] that
 * conflicts with row r, or (size_t)-1. Inside a group (one park, metric,
 * class, unit, year) row order is value order, so a binary search finds the
 * window and the first conflict in it is the lowest row.
 */
static size_t first_in(const block *B, const group *G, size_t r, double lo, double hi,
                       char *why, size_t n)
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
static void group_conflicts(const block *B, const group *G, size_t r, size_t *best,
                            char *best_why, size_t n)
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
        lower(first_in(B, G, r, v / 2.0001, v * 2.0001, why, sizeof why), why, best, best_why,
              n);
    if (is_rate(f->cls))
        return;
    /* ratios near 10^k, up and down, only as far as the group's values reach */
    int up = (int)ceil(log10(G->vmax / v)) + 1, down = (int)ceil(log10(v / G->vmin)) + 1;
    for (int k = 1; k <= up && k <= 40; k++) {
        double p = pow(10, k);
        lower(first_in(B, G, r, v * p * 0.979, v * p * 1.021, why, sizeof why), why, best,
              best_why, n);
    }
    for (int k = 1; k <= down && k <= 40; k++) {
        double p = pow(10, k);
        lower(first_in(B, G, r, v / p / 1.021, v / p / 0.979, why, sizeof why), why, best,
              best_why, n);
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
    sort_it = it;
    qsort(B->ix, B->n, sizeof *B->ix, cmp_ix);
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
        snprintf(me->conflict, sizeof me->conflict, "%s vs %s in %s:%lld (%s)", me->r.fig.text,
                 other->r.fig.text, other->r.doc, other->r.passage, best_why);
    }
}

static int mark_conflicts(zs_figures *it)
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
static int cmp_passage(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    sqlite3_int64 pa = sort_it->rows[a].passage_id, pb = sort_it->rows[b].passage_id;
    if (pa != pb)
        return (pa > pb) - (pa < pb);
    return (a > b) - (a < b);
}

/* Endpoint candidates by class, unit, metric, then latest year first, then
 * row order: the first of each run is its latest, earliest-listed row. */
static int cmp_endpoint(const void *x, const void *y)
{
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
    qsort(tmp, ne, sizeof *tmp, cmp_endpoint);
    /* late[k]: the latest row of tmp[k]'s metric, by position in tmp */
    for (size_t k = 0, first = 0; k < ne; k++) {
        const zs_figure *f = &it->rows[tmp[k]].r.fig, *g = &it->rows[tmp[first]].r.fig;
        if (k && (strcmp(f->cls, g->cls) || strcmp(f->unit, g->unit) ||
                  strcmp(f->metric, g->metric)))
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
                 p->r.check_failed ? "MISMATCH" : "consistent", a->text, a->year, b->text,
                 b->year, got, years, p->r.check_failed ? "the stated rate fits " : "fits ",
                 fits);
    }
}

/* Rows by sentence (context bounds), then row order. */
static int cmp_sentence(const void *x, const void *y)
{
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
    qsort(tmp, m, sizeof *tmp, cmp_sentence);
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
static int check_passages(zs_figures *it)
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
    sort_it = it;
    qsort(pix, it->n, sizeof *pix, cmp_passage);
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

static int cmp_row(const void *x, const void *y)
{
    const row *a = x, *b = y;
    int c = strcmp(a->r.fig.park, b->r.fig.park);
    if (!c)
        c = strcmp(a->r.fig.metric, b->r.fig.metric);
    if (!c)
        c = (a->r.fig.year > b->r.fig.year) - (a->r.fig.year < b->r.fig.year);
    if (!c)
        c = (a->r.fig.value > b->r.fig.value) - (a->r.fig.value < b->r.fig.value);
    if (!c)
        c = (a->passage_id > b->passage_id) - (a->passage_id < b->passage_id);
    if (!c) /* the order in the passage: the same listing on every run */
        c = (a->r.fig.start > b->r.fig.start) - (a->r.fig.start < b->r.fig.start);
    return c;
}

/* Passage ids of the query into temp.zs_ids. */
static int query_ids(zs_db *db, const char *q, size_t n)
{
    /* park and year filter the figures themselves (below), not the passages:
     * a figure's park may come from its article when the passage names none */
    zs_query_opts qo = {ZS_QUERY_OPTS_VERSION, NULL, NULL, NULL, ZS_MAX_LIMIT, 0, 0};
    zs_query *zq = NULL;
    sqlite3_stmt *ins = NULL;
    int rc;
    if ((rc = zsd_exec(db, "CREATE TEMP TABLE IF NOT EXISTS zs_ids(id INTEGER PRIMARY KEY);"
                           "DELETE FROM temp.zs_ids;")) != 0)
        return rc;
    if ((rc = zsq_query_open(&zq, db, q, n, &qo, 1)) != 0)
        return rc;
    sqlite3_int64 *ids = NULL;
    size_t nids = 0;
    if ((rc = zsq_query_ids(zq, &ids, &nids)) != 0)
        rc = zsd_fail(db, rc, "out of memory");
    else if ((rc = zsd_prepare(db, &ins, "INSERT OR IGNORE INTO temp.zs_ids VALUES(?)")) == 0) {
        for (size_t i = 0; i < nids && !rc; i++) {
            sqlite3_bind_int64(ins, 1, ids[i]);
            if (sqlite3_step(ins) != SQLITE_DONE)
                rc = zsd_sqlite_fail(db, "collecting passages");
            sqlite3_reset(ins);
        }
    }
    sqlite3_finalize(ins);
    free(ids);
    zs_query_free(zq);
    return rc;
}

int zs_figures_open(zs_figures **out, zs_db *db, const char *q, size_t n, const zs_figures_opts *o)
{
    zs_figures_opts defaults = {ZS_FIGURES_OPTS_VERSION, NULL, NULL, NULL, 0};
    zs_figures *it = NULL;
    sqlite3_stmt *st = NULL, *text_st = NULL;
    sentences S = {NULL, 0, 0, 0, 0, 0};
    sqlite3_int64 text_id = -1;
    char sql[3072], metric[ZSI_METRIC_BYTES] = "", raw[ZSI_METRIC_BYTES];
    int rc, use_ids = 0, year_from = 0, year_to = 0;
    const char *park = NULL;

    if (!out || !db || (!q && n))
        return ZS_EINVAL;
    *out = NULL;
    if (!o)
        o = &defaults;
    if (o->version != ZS_FIGURES_OPTS_VERSION)
        return zsd_fail(db, ZS_EINVAL, "zs_figures_opts: unknown version %u", o->version);
    /* Query text (or filters) select passages through the search machinery. */
    if (n) {
        if ((rc = query_ids(db, q, n)) != 0)
            return rc;
        use_ids = 1;
    }
    if (o->park) {
        zsi_gazetteer *g = db->gaz;
        char err[128];
        if (!g && zsi_gazetteer_open(&g, err, sizeof err) == 0)
            db->gaz = g;
        park = g ? zsi_park_canonical(g, o->park, strlen(o->park)) : NULL;
        if (!park)
            park = o->park;
    }
    /* --year ~2023: passages that only span the year (十四五) count too */
    int year_span = o->year && (o->year[0] == '~' || !strncmp(o->year, "\xEF\xBD\x9E", 3));
    if (o->year &&
        sscanf(o->year + (year_span ? (o->year[0] == '~' ? 1 : 3) : 0), "%d-%d", &year_from,
               &year_to) < 2)
        year_to = year_from;
    if (o->metric && zsi_metric_find(o->metric, 0, strlen(o->metric), metric, raw) != 1)
        snprintf(metric, sizeof metric, "%s", o->metric);
    snprintf(sql, sizeof sql,
             "SELECT f.start, f.start + f.len, f.value, coalesce(f.value_hi, f.value),"
             " (SELECT s FROM strings WHERE id = f.unit), (SELECT s FROM strings WHERE id = f.class),"
             " (SELECT s FROM strings WHERE id = f.metric), (SELECT s FROM strings WHERE id = f.park),"
             " f.year, f.hedge, (SELECT s FROM strings WHERE id = f.metric_raw), NULL, p.seq,"
             " d.path, p.id FROM figure_rows f JOIN passages p ON p.id = f.passage_id"
             " JOIN docs d ON d.id = p.doc_id WHERE 1 %s%s%s%s%s",
             use_ids ? " AND f.passage_id IN (SELECT id FROM temp.zs_ids)" : "",
             park ? " AND f.park = (SELECT id FROM strings WHERE s = ?1)" : "",
             o->metric ? " AND (f.metric = (SELECT id FROM strings WHERE s = ?2)"
                         " OR f.metric_raw = (SELECT id FROM strings WHERE s = ?3))" : "",
             year_from ? " AND (f.year BETWEEN ?4 AND ?5 OR (f.year = 0 AND f.passage_id IN"
                         " (SELECT passage_id FROM passage_years WHERE year BETWEEN ?4 AND ?5"
                       : "",
             year_from ? (year_span ? ")))" : " AND span = 0)))") : "");
    /* In passage order, each passage's text is read once (not once per
     * figure) and its sentences found in one pass (sentence()). */
    size_t sl = strlen(sql);
    snprintf(sql + sl, sizeof sql - sl, " ORDER BY f.passage_id, f.start");
    if ((rc = zsd_prepare(db, &st, sql)) != 0 ||
        (rc = zsd_prepare(db, &text_st, "SELECT zs_text(body) FROM passages WHERE id = ?")) != 0)
        goto out;
    if (park)
        sqlite3_bind_text(st, 1, park, -1, SQLITE_STATIC);
    if (o->metric) {
        sqlite3_bind_text(st, 2, metric, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, o->metric, -1, SQLITE_STATIC);
    }
    if (year_from) {
        sqlite3_bind_int(st, 4, year_from);
        sqlite3_bind_int(st, 5, year_to);
    }
    if (!(it = calloc(1, sizeof *it))) {
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (it->n == MAX_ROWS) {
            rc = zsd_fail(db, ZS_ELIMIT, "more than %d figures: narrow the query", MAX_ROWS);
            goto out;
        }
        if (it->n == it->cap) {
            size_t cap = it->cap ? it->cap * 2 : 256;
            row *nr = realloc(it->rows, cap * sizeof *nr);
            if (!nr) {
                rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
                goto out;
            }
            it->rows = nr;
            it->cap = cap;
        }
        row *w = &it->rows[it->n];
        memset(w, 0, sizeof *w);
        sqlite3_int64 pid = sqlite3_column_int64(st, 14);
        if (pid != text_id) {
            sqlite3_reset(text_st);
            sqlite3_bind_int64(text_st, 1, pid);
            int trc = sqlite3_step(text_st);
            if (trc != SQLITE_ROW && trc != SQLITE_DONE) {
                rc = zsd_sqlite_fail(db, "reading a passage");
                goto out;
            }
            S = (sentences){trc == SQLITE_ROW ? col(text_st, 0) : "",
                            trc == SQLITE_ROW ? (size_t)sqlite3_column_bytes(text_st, 0) : 0,
                            0, 0, 0, 0};
            text_id = pid;
        }
        const char *body = S.b;
        size_t blen = S.n;
        size_t fs = (size_t)sqlite3_column_int64(st, 0), fe = (size_t)sqlite3_column_int64(st, 1);
        if (fe > blen || fs > fe)
            continue;
        size_t cs, ce;
        sentence(&S, fs, fe, &cs, &ce);
        w->cs = cs;
        w->ce = ce;
        w->strs[0] = strndup(body + fs, fe - fs);
        w->strs[1] = strdup(col(st, 4));
        w->strs[2] = strdup(col(st, 5));
        w->strs[3] = strdup(col(st, 6));
        w->strs[4] = strdup(col(st, 7));
        w->strs[5] = strdup(col(st, 10));
        w->strs[6] = strdup(col(st, 13));
        w->strs[7] = strndup(body + cs, ce - cs);
        it->n++;
        for (int k = 0; k < 8; k++)
            if (!w->strs[k]) {
                rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
                goto out;
            }
        w->passage_id = sqlite3_column_int64(st, 14);
        w->r.fig = (zs_figure){w->strs[0], sqlite3_column_double(st, 2),
                               sqlite3_column_double(st, 3), w->strs[1], w->strs[2], w->strs[3],
                               w->strs[4], sqlite3_column_int(st, 8), sqlite3_column_int(st, 9),
                               fs - cs, fe - cs};
        w->r.metric_raw = w->strs[5];
        w->r.doc = w->strs[6];
        w->r.passage = sqlite3_column_int64(st, 12);
        w->r.context = w->strs[7];
        w->r.context_len = ce - cs;
    }
    if (src != SQLITE_DONE) {
        rc = zsd_sqlite_fail(db, "listing figures");
        goto out;
    }
    if (it->n > 1)
        qsort(it->rows, it->n, sizeof *it->rows, cmp_row);
    for (size_t i = 0; i < it->n; i++) { /* pointers into rows moved by qsort: none */
        it->rows[i].r.conflict = it->rows[i].conflict;
        it->rows[i].r.check = it->rows[i].check;
    }
    if (mark_conflicts(it) || check_passages(it)) {
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    if (o->conflicts) {
        it->order = malloc((it->n ? it->n : 1) * sizeof *it->order);
        if (!it->order) {
            rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
            goto out;
        }
        for (size_t i = 0; i < it->n; i++)
            if (it->rows[i].conflict[0])
                it->order[it->norder++] = i;
    }
    *out = it;
    it = NULL;
out:
    sqlite3_finalize(st);
    sqlite3_finalize(text_st);
    zs_figures_free(it);
    return rc;
}

int zs_figures_next(zs_figures *it, const zs_figure_row **row_out)
{
    if (!it || !row_out)
        return ZS_EINVAL;
    *row_out = NULL;
    size_t limit = it->order ? it->norder : it->n;
    if (it->next >= limit)
        return ZS_ITEROVER;
    size_t i = it->order ? it->order[it->next] : it->next;
    it->next++;
    *row_out = &it->rows[i].r;
    return 0;
}
