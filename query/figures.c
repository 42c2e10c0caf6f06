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

/* The sentence of body holding [fs, fe): cut at 。！？；. */
static void sentence(const char *b, size_t n, size_t fs, size_t fe, size_t *s, size_t *e)
{
    static const char *const ends[] = {"。", "！", "？", "；"};
    size_t a = 0, z = n;
    for (size_t i = 0; i + 3 <= fs; i++)
        for (size_t k = 0; k < 4; k++)
            if (!memcmp(b + i, ends[k], 3))
                a = i + 3;
    for (size_t i = fe; i + 3 <= n && z == n; i++)
        for (size_t k = 0; k < 4; k++)
            if (!memcmp(b + i, ends[k], 3)) {
                z = i + 3;
                break;
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

static void mark_conflicts(zs_figures *it)
{
    for (size_t i = 0; i < it->n; i++) {
        const zs_figure *a = &it->rows[i].r.fig;
        if (!a->park[0] || !a->metric[0])
            continue;
        for (size_t j = i + 1; j < it->n; j++) {
            const zs_figure *b = &it->rows[j].r.fig;
            if (strcmp(a->park, b->park) || strcmp(a->metric, b->metric))
                break; /* rows are sorted by park, metric */
            if (strcmp(a->cls, b->cls) || strcmp(a->unit, b->unit) ||
                it->rows[i].passage_id == it->rows[j].passage_id)
                continue;
            if (a->year && b->year && a->year != b->year)
                continue;
            if (consistent(a, b))
                continue;
            double hi = fmax(a->value, b->value), lo = fmin(a->value, b->value);
            double ratio = lo > 0 ? hi / lo : HUGE_VAL, p10 = pow(10, round(log10(ratio)));
            int misprint = ratio > 5 && fabs(ratio / p10 - 1) < 0.02;
            /* Same year stated on both sides and the same words: any disagreement.
             * Otherwise a generic metric (投资, 产值) may name different things,
             * and only a misprint-like ratio is worth a reporter's look. */
            int same = a->year && a->year == b->year &&
                       !strcmp(it->rows[i].r.metric_raw, it->rows[j].r.metric_raw) && ratio < 2;
            if (!same && !misprint)
                continue;
            if (is_rate(a->cls) && !same)
                continue;
            char why[160];
            if (ratio > 5 && fabs(ratio / p10 - 1) < 0.02)
                snprintf(why, sizeof why, "%.0f times apart: likely a misprint", p10);
            else
                snprintf(why, sizeof why, "%.1f%% apart", (hi - lo) / hi * 100);
            for (int k = 0; k < 2; k++) {
                row *me = &it->rows[k ? j : i], *other = &it->rows[k ? i : j];
                if (me->conflict[0])
                    continue; /* keep the first reason */
                snprintf(me->conflict, sizeof me->conflict, "%s vs %s in %s:%lld (%s)",
                         me->r.fig.text, other->r.fig.text, other->r.doc, other->r.passage, why);
            }
        }
    }
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

/* Check stated average growth rates against their endpoints in one passage. */
static void check_rates(zs_figures *it)
{
    for (size_t i = 0; i < it->n; i++) {
        row *p = &it->rows[i];
        const zs_figure *r = &p->r.fig;
        if (strcmp(r->unit, "%") || !strstr(r->metric, "年均"))
            continue;
        /* endpoints: same passage, same class and metric, stated years */
        const zs_figure *a = NULL, *b = NULL;
        for (size_t j = 0; j < it->n; j++) {
            const zs_figure *f = &it->rows[j].r.fig;
            if (it->rows[j].passage_id != p->passage_id || is_rate(f->cls) || !f->year ||
                f->value <= 0)
                continue;
            for (size_t k = 0; k < it->n; k++) {
                const zs_figure *g = &it->rows[k].r.fig;
                if (it->rows[k].passage_id != p->passage_id || strcmp(f->cls, g->cls) ||
                    strcmp(f->unit, g->unit) || strcmp(f->metric, g->metric) || !g->year ||
                    g->year <= f->year || g->value <= 0)
                    continue;
                if (!a || g->year - f->year > b->year - a->year) {
                    a = f;
                    b = g;
                }
            }
        }
        if (!a)
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

/*
 * Check a stated share against the two counts its sentence states: in
 * "全市高新技术企业80户，其中高新区20户，占25%", 20/80 = 25%. Only when the
 * sentence before the share holds exactly two figures of one class (the
 * part and the whole); a share of a whole that is not printed is left alone.
 */
static void check_shares(zs_figures *it)
{
    for (size_t i = 0; i < it->n; i++) {
        row *p = &it->rows[i];
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
        for (size_t j = 0; j < it->n; j++) {
            const row *q = &it->rows[j];
            const zs_figure *g = &q->r.fig;
            if (q->passage_id != p->passage_id || g->start >= f->start ||
                q->r.context_len != p->r.context_len ||
                memcmp(q->r.context, c, p->r.context_len) || is_rate(g->cls) ||
                !strcmp(g->cls, "ratio") || g->value <= 0)
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
    if ((rc = zs_query_open(&zq, db, q, n, &qo)) != 0)
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
    sqlite3_stmt *st = NULL;
    char sql[2048], metric[ZSI_METRIC_BYTES] = "", raw[ZSI_METRIC_BYTES];
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
             " f.year, f.hedge, (SELECT s FROM strings WHERE id = f.metric_raw), zs_text(p.body), p.seq,"
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
    if ((rc = zsd_prepare(db, &st, sql)) != 0)
        return rc;
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
        const char *body = col(st, 11);
        size_t blen = (size_t)sqlite3_column_bytes(st, 11);
        size_t fs = (size_t)sqlite3_column_int64(st, 0), fe = (size_t)sqlite3_column_int64(st, 1);
        if (fe > blen || fs > fe)
            continue;
        size_t cs, ce;
        sentence(body, blen, fs, fe, &cs, &ce);
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
    mark_conflicts(it);
    check_rates(it);
    check_shares(it);
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
