/*
 * figures.c - zs_figures: the figures printed for a zone and metric, as a
 * timeline, with conflicts (conflicts.c) and arithmetic checks (checks.c)
 * marked.
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

/* Most figures one listing holds. */
#define MAX_ROWS 200000

void zs_figures_free(zs_figures *it)
{
    if (!it)
        return;
    for (size_t i = 0; i < it->n; i++) {
        for (size_t k = 0; k < ROW_STRS; k++)
            free(it->rows[i].strs[k]);
        free(it->rows[i].also);
    }
    for (size_t i = 0; i < it->npls; i++)
        zsq_places_clear(&it->pls[i]);
    free(it->pls);
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

/* Append n places to r's also_in. @return 0, ZS_ENOMEM. */
static int add_also(row *r, const zs_place *p, size_t n)
{
    if (!n)
        return 0;
    zs_place *na = realloc(r->also, (r->nalso + n) * sizeof *na);
    if (!na)
        return ZS_ENOMEM;
    memcpy(na + r->nalso, p, n * sizeof *p);
    r->also = na;
    r->nalso += n;
    return 0;
}

/* The other places of each row whose passage was printed more than once
 * (loaded once per passage; rows come in passage order). */
static int load_also(zs_db *db, zs_figures *it, const zsq_parsed *pref)
{
    sqlite3_int64 last = 0;
    int rc = 0;
    for (size_t i = 0; i < it->n && !rc; i++) {
        row *r = &it->rows[i];
        if (!r->ndups)
            continue;
        if (r->passage_id != last) {
            zsq_places *np = realloc(it->pls, (it->npls + 1) * sizeof *np);
            if (!np)
                return zsd_fail(db, ZS_ENOMEM, "out of memory");
            it->pls = np;
            if ((rc = zsq_places_load(db, r->passage_id, &it->pls[it->npls])) != 0) {
                zsq_places_clear(&it->pls[it->npls]);
                return rc;
            }
            zsq_places_prefer_match(&it->pls[it->npls], pref);
            it->npls++;
            last = r->passage_id;
        }
        zsq_places *pl = &it->pls[it->npls - 1];
        /* shown at its first printing; the figure keeps its offset in lines */
        r->r.fig.line += pl->own.line - r->r.place.line;
        r->r.place = pl->own;
        r->r.doc = pl->own.doc;
        r->r.passage = pl->own.passage;
        if (add_also(r, pl->also, pl->nalso))
            return zsd_fail(db, ZS_ENOMEM, "out of memory");
    }
    return rc;
}

/* The same statement: zone, metric, year, value, unit, hedge and words. */
static int cmp_statement(const row *a, const row *b)
{
    const zs_figure *x = &a->r.fig, *y = &b->r.fig;
    int c = strcmp(x->park, y->park);
    if (!c)
        c = strcmp(x->metric, y->metric);
    if (!c)
        c = (x->year > y->year) - (x->year < y->year);
    if (!c)
        c = strcmp(x->unit, y->unit);
    if (!c)
        c = (x->value > y->value) - (x->value < y->value);
    if (!c)
        c = (x->hedge > y->hedge) - (x->hedge < y->hedge);
    if (!c)
        c = strcmp(a->r.metric_raw, b->r.metric_raw);
    return c;
}

/* Row pointers by statement, then first printed, then position. */
static int by_statement(const void *x, const void *y)
{
    const row *a = *(row *const *)x, *b = *(row *const *)y;
    int c = cmp_statement(a, b);
    if (!c)
        c = zsq_place_cmp(&a->r.place, &b->r.place);
    return c ? c : (a > b) - (a < b);
}

static int by_place(const void *a, const void *b)
{
    return zsq_place_cmp(a, b);
}

/*
 * One statement printed in several passages (a lead and its page-4 text
 * worded apart, two papers quoting one release) is one row with several
 * sources, never a conflict with itself: the first printed keeps the row,
 * the others become its also_in.
 */
static int merge_same(zs_figures *it)
{
    row **ix = malloc((it->n ? it->n : 1) * sizeof *ix);
    size_t m = 0;
    if (!ix)
        return ZS_ENOMEM;
    for (size_t i = 0; i < it->n; i++)
        if (it->rows[i].r.fig.park[0] && it->rows[i].r.fig.metric[0])
            ix[m++] = &it->rows[i];
    if (m > 1)
        qsort(ix, m, sizeof *ix, by_statement);
    int rc = 0;
    for (size_t a = 0; a < m && !rc;) {
        size_t b = a + 1;
        while (b < m && !cmp_statement(ix[a], ix[b]))
            b++;
        row *keep = ix[a];
        for (size_t k = a + 1; k < b && !rc; k++) {
            row *x = ix[k];
            if (x->passage_id == keep->passage_id)
                continue; /* the same passage states it twice: two rows */
            x->dead = 1;
            if (!(rc = add_also(keep, &x->r.place, 1)))
                rc = add_also(keep, x->also, x->nalso);
        }
        if (keep->nalso > 1)
            qsort(keep->also, keep->nalso, sizeof *keep->also, by_place);
        a = b;
    }
    free(ix);
    return rc;
}

/* The order both listings start with: park, metric, the year the figure
 * is about. */
static int by_park_metric_year(const zs_figure *a, const zs_figure *b)
{
    int c;
    if ((c = strcmp(a->park, b->park)) || (c = strcmp(a->metric, b->metric)))
        return c;
    return ZSU_CMP(a->year, b->year);
}

/* Emission order: park, metric, the year the figure is about, then when it
 * was printed (undated last), then value: a metric reads as a timeline. */
static int by_timeline(const void *x, const void *y, void *arg)
{
    const zs_figures *timeline_it = arg;
    const row *a = &timeline_it->rows[*(const size_t *)x];
    const row *b = &timeline_it->rows[*(const size_t *)y];
    int c = by_park_metric_year(&a->r.fig, &b->r.fig);
    if (!c)
        c = zsq_place_cmp(&a->r.place, &b->r.place);
    if (!c)
        c = (a->r.fig.value > b->r.fig.value) - (a->r.fig.value < b->r.fig.value);
    return c ? c : (a > b) - (a < b);
}

static int cmp_row(const void *x, const void *y)
{
    const row *a = x, *b = y;
    int c = by_park_metric_year(&a->r.fig, &b->r.fig);
    if (!c)
        c = (a->r.fig.value > b->r.fig.value) - (a->r.fig.value < b->r.fig.value);
    if (!c)
        c = (a->passage_id > b->passage_id) - (a->passage_id < b->passage_id);
    if (!c) /* the order in the passage: the same listing on every run */
        c = (a->r.fig.start > b->r.fig.start) - (a->r.fig.start < b->r.fig.start);
    return c;
}

/* Passage ids of the query into temp.zs_ids; the query in *zq_out (its
 * filters say which printing of a repeat to show). Ownership: caller frees
 * *zq_out with zs_query_free(), also on failure. */
static int query_ids(zs_db *db, const char *q, size_t n, zs_query **zq_out)
{
    /* park and year filter the figures themselves (below), not the passages:
     * a figure's park may come from its article when the passage names none */
    zs_query_opts qo = {
        ZS_QUERY_OPTS_VERSION, NULL, NULL, NULL, ZS_MAX_LIMIT, 0, 0, 0, NULL, NULL, 0};
    zs_query *zq = NULL;
    sqlite3_stmt *ins = NULL;
    int rc;
    if ((rc = zsd_exec(db, "CREATE TEMP TABLE IF NOT EXISTS zs_ids(id INTEGER PRIMARY KEY);"
                           "DELETE FROM temp.zs_ids;")) != 0)
        return rc;
    if ((rc = zsq_query_open(&zq, db, q, n, &qo, 1)) != 0)
        return rc;
    *zq_out = zq;
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
    return rc;
}

/* p[0..n) and a NUL: context_len bytes stay readable even when the text
 * holds a NUL (strndup would stop there; found by fuzz_figures). */
static char *copy(const char *p, size_t n)
{
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, p, n);
        s[n] = '\0';
    }
    return s;
}

/*
 * Add one figure of the passage S holds (x->body) to the listing, with the
 * sentence around it as its context. Figures of a passage come in order of
 * their start (sentence()). A figure outside its passage is dropped.
 * Returns 0, ZS_ENOMEM, or ZS_ELIMIT past MAX_ROWS.
 */
static int add_row(zs_figures *it, sentences *S, const zsq_figure_in *x)
{
    if (it->n == MAX_ROWS)
        return ZS_ELIMIT;
    if (zsu_grow(&it->rows, &it->cap, it->n + 1, sizeof *it->rows, 256))
        return ZS_ENOMEM;
    row *w = &it->rows[it->n];
    memset(w, 0, sizeof *w);
    const char *body = S->b;
    size_t fs = x->fig.start, fe = x->fig.end;
    if (fe > S->n || fs > fe)
        return 0;
    size_t cs, ce;
    zs_range mat[2] = {{0, 0}, {0, 0}};
    sentence(S, fs, fe, &cs, &ce);
    /* the context shows the metric too (an earlier clause's subject may
     * stand before the sentence break that sentence() knows) */
    for (int k = 0; k < 2; k++) {
        const zs_range *a = &x->fig.metric_at[k];
        if (a->start >= a->end || a->end > S->n)
            continue;
        mat[k] = *a;
        if (a->start < cs)
            cs = a->start;
        if (a->end > ce)
            ce = a->end;
    }
    for (int k = 0; k < 2; k++)
        if (mat[k].end > mat[k].start) {
            mat[k].start -= cs;
            mat[k].end -= cs;
        }
    w->cs = cs;
    w->ce = ce;
    w->strs[0] = copy(body + fs, fe - fs);
    w->strs[1] = strdup(x->fig.unit);
    w->strs[2] = strdup(x->fig.cls);
    w->strs[3] = strdup(x->fig.metric);
    w->strs[4] = strdup(x->fig.park);
    w->strs[5] = strdup(x->metric_raw);
    w->strs[6] = strdup(x->place.doc);
    w->strs[7] = copy(body + cs, ce - cs);
    w->strs[8] = strdup(x->place.path);
    w->strs[9] = strdup(x->place.date);
    w->strs[10] = strdup(x->place.source);
    it->n++;
    for (int k = 0; k < ROW_STRS; k++)
        if (!w->strs[k])
            return ZS_ENOMEM;
    w->passage_id = x->passage_id;
    w->r.fig =
        (zs_figure){w->strs[0], x->fig.value, x->fig.value_hi, w->strs[1], w->strs[2], w->strs[3],
                    w->strs[4], x->fig.year,  x->fig.hedge,    fs - cs,    fe - cs,    x->fig.line,
                    {mat[0], mat[1]}};
    w->r.place = x->place;
    w->r.place.doc = w->strs[6];
    w->r.place.path = w->strs[8];
    w->r.place.date = w->strs[9];
    w->r.place.source = w->strs[10];
    w->ndups = x->ndups;
    w->r.metric_raw = w->strs[5];
    w->r.doc = w->strs[6];
    w->r.passage = x->place.passage;
    w->r.context = w->strs[7];
    w->r.context_len = ce - cs;
    return 0;
}

/* Sort the rows, merge one statement printed in several places, mark
 * conflicts, check the arithmetic, and order the rows to list as a
 * timeline (with conflicts_only, only the rows in a conflict). 0 or ZS_ENOMEM. */
static int finish(zs_figures *it, int conflicts_only)
{
    if (it->n > 1)
        qsort(it->rows, it->n, sizeof *it->rows, cmp_row);
    for (size_t i = 0; i < it->n; i++) { /* pointers into rows moved by qsort: none */
        it->rows[i].r.conflict = it->rows[i].conflict;
        it->rows[i].r.check = it->rows[i].check;
    }
    if (merge_same(it) || zsq_mark_conflicts(it) || zsq_check_passages(it) ||
        !(it->order = malloc((it->n ? it->n : 1) * sizeof *it->order)))
        return ZS_ENOMEM;
    for (size_t i = 0; i < it->n; i++) {
        it->rows[i].r.also_in = it->rows[i].also;
        it->rows[i].r.nalso_in = it->rows[i].nalso;
        if (!it->rows[i].dead && (!conflicts_only || it->rows[i].conflict[0]))
            it->order[it->norder++] = i;
    }
    if (it->norder > 1)
        qsort_r(it->order, it->norder, sizeof *it->order, by_timeline, it);
    return 0;
}

int zsq_figures_of(zs_figures **out, const zsq_figure_in *in, size_t n, int conflicts_only)
{
    if (!out || (!in && n))
        return ZS_EINVAL;
    *out = NULL;
    zs_figures *it = calloc(1, sizeof *it);
    sentences S = {NULL, 0, 0, 0, 0, 0};
    int rc = 0;
    if (!it)
        return ZS_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        if (i == 0 || in[i].body != in[i - 1].body || in[i].passage_id != in[i - 1].passage_id)
            S = (sentences){in[i].body, in[i].body_len, 0, 0, 0, 0};
        rc = add_row(it, &S, &in[i]);
    }
    if (!rc)
        rc = finish(it, conflicts_only);
    if (rc) {
        zs_figures_free(it);
        return rc;
    }
    *out = it;
    return 0;
}

/* Most figure classes one filter names (--class money,percent,...): their
 * conditions must fit in the statement's buffer. */
#define ZSQ_MAX_CLASSES 8

int zs_figures_open(zs_figures **out, zs_db *db, const char *q, size_t n, const zs_figures_opts *o)
{
    zs_figures_opts defaults = {ZS_FIGURES_OPTS_VERSION, NULL, NULL, NULL, 0, NULL, NULL, NULL};
    zs_figures *it = NULL;
    zs_query *zq = NULL; /* the query of q, when there is one */
    sqlite3_stmt *st = NULL, *text_st = NULL;
    sentences S = {NULL, 0, 0, 0, 0, 0};
    sqlite3_int64 text_id = -1;
    char sql[4096], metric[ZSI_METRIC_BYTES] = "", raw[ZSI_METRIC_BYTES];
    int rc, use_ids = 0, year_from = 0, year_to = 0;
    const char *park = NULL;

    if (!out || !db || (!q && n))
        return ZS_EINVAL;
    *out = NULL;
    if (!o)
        o = &defaults;
    if (o->version < 1 || o->version > ZS_FIGURES_OPTS_VERSION)
        return zsd_fail(db, ZS_EINVAL, "zs_figures_opts: unknown version %u", o->version);
    /* date and source (version 2) filter the articles the figure's passage
     * was printed in, as date: and source: do in a query (where.c) */
    zsq_parsed docf;
    zsu_buf tail = {0};
    memset(&docf, 0, sizeof docf);
    if (o->version >= 2 && o->date) {
        char err[256];
        size_t bad;
        if (zsq_date_range(o->date, strlen(o->date), docf.date_lo, docf.date_hi, &bad, err,
                           sizeof err))
            return zsd_fail(db, ZS_ESYNTAX, "%s", err);
        docf.has_date = 1;
    }
    if (o->version >= 2 && o->source) {
        docf.sources[0] = (char *)o->source; /* borrowed: docf is never freed */
        docf.nsources = 1;
    }
    /* Classes: each is checked, so a misspelt one is an error, never an
     * empty answer; money/ and a star is a GLOB for every rate of money. */
    const char *cls[ZSQ_MAX_CLASSES];
    size_t clen[ZSQ_MAX_CLASSES], ncls = 0;
    if (o->version >= 3 && o->classes) {
        const char *c = o->classes;
        for (;;) {
            size_t k = strcspn(c, ",");
            if (k) {
                int known = zsi_figure_class_known(c, k);
                if (known < 0)
                    return zsd_fail(db, known, "figure classes: cannot load data/units.tsv");
                if (!known)
                    return zsd_fail(db, ZS_EINVAL,
                                    "unknown figure class '%.*s' (classes: money, percent, "
                                    "count, area, duration, age, weight, number, ratio ...; "
                                    "a rate as money/weight or money/*)",
                                    (int)k, c);
                if (ncls == ZSQ_MAX_CLASSES)
                    return zsd_fail(db, ZS_EINVAL, "more than %d figure classes",
                                    ZSQ_MAX_CLASSES);
                cls[ncls] = c;
                clen[ncls++] = k;
            }
            if (!c[k])
                break;
            c += k + 1;
        }
        if (!ncls)
            return zsd_fail(db, ZS_EINVAL, "figure classes: none given");
    }
    /* Query text (or filters) select passages through the search machinery. */
    if (n) {
        if ((rc = query_ids(db, q, n, &zq)) != 0)
            goto out;
        use_ids = 1;
    }
    if (o->park) {
        const zsi_gazetteer *g = zsq_gazetteer(db);
        park = g ? zsi_park_canonical(g, o->park, strlen(o->park)) : NULL;
        if (!park)
            park = o->park;
    }
    /* --year ~2023: passages that only span the year (十四五) count too. Read
     * as year: reads it; a value it cannot read is an error, never no filter. */
    int year_span = 0;
    if (o->year &&
        (rc = zsq_year_range(o->year, strlen(o->year), &year_from, &year_to, &year_span)) != 0) {
        rc = zsd_fail(db, ZS_ESYNTAX,
                      rc > 0 ? "year filter: range %s is reversed"
                             : "year filter: cannot read '%s' (expected e.g. 2024, "
                               "2021-2025, 2021..2025, ~2023)",
                      o->year);
        goto out;
    }
    if (o->metric && zsi_metric_find(o->metric, 0, strlen(o->metric), metric, raw) != 1)
        snprintf(metric, sizeof metric, "%s", o->metric);
    zsq_doc_where(&tail, "f.passage_id", &docf);
    for (size_t i = 0; i < ncls; i++) {
        char part[96];
        snprintf(part, sizeof part, "%s(SELECT s FROM strings WHERE id = f.class) GLOB :cls%zu%s",
                 i ? " OR " : " AND (", i, i + 1 == ncls ? ")" : "");
        zsu_buf_str(&tail, part);
    }
    if (tail.oom || (tail.p && strlen(tail.p) > 1024)) {
        free(tail.p);
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    snprintf(
        sql, sizeof sql,
        "SELECT f.start, f.start + f.len, f.value, coalesce(f.value_hi, f.value),"
        " (SELECT s FROM strings WHERE id = f.unit), (SELECT s FROM strings WHERE id = f.class),"
        " (SELECT s FROM strings WHERE id = f.metric), (SELECT s FROM strings WHERE id = f.park),"
        " f.year, f.hedge, (SELECT s FROM strings WHERE id = f.metric_raw), NULL, p.seq,"
        " d.path, p.id, p.line, p.col, p.start, p.end, coalesce(d.given, d.path),"
        " coalesce(d.date, ''), coalesce(d.source, ''), coalesce(d.page, 0), f.line,"
        " EXISTS (SELECT 1 FROM passage_dups x WHERE x.passage_id = p.id), f.metric_at,"
        " f.metric_at2"
        " FROM figure_rows f JOIN passages p ON p.id = f.passage_id"
        " JOIN docs d ON d.id = p.doc_id WHERE 1 %s%s%s%s%s%s",
        use_ids ? " AND f.passage_id IN (SELECT id FROM temp.zs_ids)" : "",
        park ? " AND f.park = (SELECT id FROM strings WHERE " ZSD_STRING_BY_TEXT("?1") ")" : "",
        o->metric
            ? " AND (f.metric = (SELECT id FROM strings WHERE " ZSD_STRING_BY_TEXT("?2") ")"
              " OR f.metric_raw = (SELECT id FROM strings WHERE " ZSD_STRING_BY_TEXT("?3") "))"
            : "",
        year_from ? " AND (f.year BETWEEN ?4 AND ?5 OR (f.year = 0 AND f.passage_id IN"
                    " (SELECT passage_id FROM passage_years WHERE year BETWEEN ?4 AND ?5"
                  : "",
        year_from ? (year_span ? ")))" : " AND span = 0)))") : "", tail.p ? tail.p : "");
    free(tail.p);
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
    zsq_doc_bind(st, &docf);
    for (size_t i = 0; i < ncls; i++) {
        char name[32]; /* ":cls" and a size_t in decimal, which GCC -O0 checks at its widest */
        snprintf(name, sizeof name, ":cls%zu", i);
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, name), cls[i], (int)clen[i],
                          SQLITE_STATIC);
    }
    if (!(it = calloc(1, sizeof *it))) {
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
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
                            0,
                            0,
                            0,
                            0};
            text_id = pid;
        }
        zsq_figure_in x = {
            {NULL, sqlite3_column_double(st, 2), sqlite3_column_double(st, 3), col(st, 4),
             col(st, 5), col(st, 6), col(st, 7), sqlite3_column_int(st, 8),
             sqlite3_column_int(st, 9), (size_t)sqlite3_column_int64(st, 0),
             (size_t)sqlite3_column_int64(st, 1),
             sqlite3_column_int64(st, 15) + sqlite3_column_int64(st, 23),
             {{0, 0}, {0, 0}}},
            col(st, 10),
            {col(st, 13), col(st, 19), sqlite3_column_int64(st, 12), sqlite3_column_int64(st, 15),
             sqlite3_column_int64(st, 16), sqlite3_column_int64(st, 17),
             sqlite3_column_int64(st, 18), col(st, 20), col(st, 21), sqlite3_column_int(st, 22)},
            sqlite3_column_int(st, 24),
            pid,
            S.b,
            S.n};
        for (int k = 0; k < 2; k++)
            if (sqlite3_column_type(st, 25 + k) == SQLITE_INTEGER)
                zsd_metric_at_unpack(sqlite3_column_int64(st, 25 + k), x.fig.start,
                                     &x.fig.metric_at[k].start, &x.fig.metric_at[k].end);
        if ((rc = add_row(it, &S, &x)) != 0) {
            rc = rc == ZS_ELIMIT
                     ? zsd_fail(db, rc, "more than %d figures: narrow the query", MAX_ROWS)
                     : zsd_fail(db, rc, "out of memory");
            goto out;
        }
    }
    if (src != SQLITE_DONE) {
        rc = zsd_sqlite_fail(db, "listing figures");
        goto out;
    }
    /* a repeat is shown at its first printing that the date and source
     * filters take, of the options and of the query */
    zsq_parsed pref = docf;
    if (zq && zq->pq->has_date) {
        if (!pref.has_date || strcmp(zq->pq->date_lo, pref.date_lo) > 0)
            memcpy(pref.date_lo, zq->pq->date_lo, ZSQ_DATE_BYTES);
        if (!pref.has_date || strcmp(zq->pq->date_hi, pref.date_hi) < 0)
            memcpy(pref.date_hi, zq->pq->date_hi, ZSQ_DATE_BYTES);
        pref.has_date = 1;
    }
    if (zq && !pref.nsources) /* either's sources (borrowed; pref is never freed) */
        for (size_t i = 0; i < zq->pq->nsources; i++)
            pref.sources[pref.nsources++] = zq->pq->sources[i];
    if ((rc = load_also(db, it, &pref)) != 0)
        goto out;
    if ((rc = finish(it, o->conflicts)) != 0) {
        rc = zsd_fail(db, rc, "out of memory");
        goto out;
    }
    *out = it;
    it = NULL;
out:
    sqlite3_finalize(st);
    sqlite3_finalize(text_st);
    zs_figures_free(it);
    zs_query_free(zq);
    return rc;
}

int zs_figures_next(zs_figures *it, const zs_figure_row **row_out)
{
    if (!it || !row_out)
        return ZS_EINVAL;
    *row_out = NULL;
    if (it->next >= it->norder)
        return ZS_ITEROVER;
    size_t i = it->order[it->next];
    it->next++;
    *row_out = &it->rows[i].r;
    return 0;
}
