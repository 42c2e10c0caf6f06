/*
 * where.c - a query's filters (park:, year:, figure:, date:, source:, and
 * the options that add to them) as SQL over the side tables, with every value bound, and as
 * FTS5 column filters added to the MATCH string.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "figure_int.h"
#include "query_int.h"
#include "search_int.h"
#include "extract_int.h"

/* Hand the built string to *out (caller frees), or fail on lost memory. */
static int sb_finish(zs_query *q, zsu_buf *b, char **out)
{
    if (b->oom) {
        free(b->p);
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    }
    *out = b->p;
    return 0;
}

int zsq_query_opts(const zs_query_opts *o, zs_query_opts *out)
{
    static const zs_query_opts defaults = {ZS_QUERY_OPTS_VERSION, NULL, NULL, NULL, 10, 0, 120,
                                           ZS_SORT_SCORE,         NULL, NULL, 0};
    if (!o)
        o = &defaults;
    if (o->version < 1 || o->version > ZS_QUERY_OPTS_VERSION)
        return -1;
    /* version 1 ends before sort, 2 before date, 3 before strict */
    memset(out, 0, sizeof *out);
    memcpy(out, o,
           o->version == 1   ? offsetof(zs_query_opts, sort)
           : o->version == 2 ? offsetof(zs_query_opts, date)
           : o->version == 3 ? offsetof(zs_query_opts, strict)
                             : sizeof *out);
    out->version = ZS_QUERY_OPTS_VERSION;
    return 0;
}

/* Read an option's value as the value of that filter: typed, never parsed
 * as query text, so a quote or a colon in it is the value's own. */
static int read_option(zs_query *q, zs_seg *seg, zsq_filter_kind kind, const char *val,
                       zsq_parsed **out)
{
    static const char *const NAMES[] = {"park", "year", "figure", "date", "source"};
    char err[256] = "";
    int rc = zsq_read_filter(seg, kind, val, strlen(val), out, err, sizeof err);
    if (rc)
        return zsd_fail(q->db, rc, "the %s option: %s", NAMES[kind], err);
    return 0;
}

/* The merges of one option's filter op into the query: each narrows what
 * the query's own filter of that kind allows (or fails on a conflict). */
static int merge_park(zs_query *q, const zsq_parsed *op)
{
    for (size_t i = 0; i < op->nparks && q->nextra < ZSQ_MAX_PARKS + 1; i++)
        if (!(q->extra_parks[q->nextra++] = strdup(op->parks[i].p)))
            return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    return 0;
}

static int merge_year(zs_query *q, const zsq_parsed *op)
{
    zsq_parsed *pq = q->pq;
    if (pq->has_year) {
        pq->year_from = op->year_from > pq->year_from ? op->year_from : pq->year_from;
        pq->year_to = op->year_to < pq->year_to ? op->year_to : pq->year_to;
        pq->year_span = pq->year_span && op->year_span;
    } else {
        pq->has_year = 1;
        pq->year_from = op->year_from;
        pq->year_to = op->year_to;
        pq->year_span = op->year_span;
    }
    return 0;
}

static int merge_figure(zs_query *q, const zsq_parsed *op)
{
    if (q->pq->figure.op != ZSQ_FIG_NONE)
        return zsd_fail(q->db, ZS_ESYNTAX,
                        "the figure option: the query already has a figure: filter (one "
                        "allowed)");
    q->pq->figure = op->figure;
    return 0;
}

static int merge_date(zs_query *q, const zsq_parsed *op)
{
    zsq_parsed *pq = q->pq;
    if (!pq->has_date) {
        memcpy(pq->date_lo, op->date_lo, ZSQ_DATE_BYTES);
        memcpy(pq->date_hi, op->date_hi, ZSQ_DATE_BYTES);
    } else {
        if (strcmp(op->date_lo, pq->date_lo) > 0)
            memcpy(pq->date_lo, op->date_lo, ZSQ_DATE_BYTES);
        if (strcmp(op->date_hi, pq->date_hi) < 0)
            memcpy(pq->date_hi, op->date_hi, ZSQ_DATE_BYTES);
        if (strcmp(pq->date_lo, pq->date_hi) > 0)
            return zsd_fail(q->db, ZS_ESYNTAX,
                            "the date option: no day in common with "
                            "the query's date: filter");
    }
    pq->has_date = 1;
    return 0;
}

static int merge_source(zs_query *q, const zsq_parsed *op)
{
    return zsq_merge_sources(q->db, q->pq, op);
}

/* Merge option filters into the parsed query: each option given is read as
 * its filter's value, then merged, in this order. */
int zsq_merge_options(zs_query *q, zs_seg *seg, const zs_query_opts *o)
{
    const struct {
        zsq_filter_kind kind;
        const char *val;
        int (*merge)(zs_query *, const zsq_parsed *);
    } opts[] = {
        {ZSQ_FILTER_PARK, o->park, merge_park},       {ZSQ_FILTER_YEAR, o->year, merge_year},
        {ZSQ_FILTER_FIGURE, o->figure, merge_figure}, {ZSQ_FILTER_DATE, o->date, merge_date},
        {ZSQ_FILTER_SOURCE, o->source, merge_source},
    };
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        zsq_parsed *op = NULL;
        int rc;
        if (!opts[i].val)
            continue;
        if ((rc = read_option(q, seg, opts[i].kind, opts[i].val, &op)) != 0)
            return rc;
        rc = opts[i].merge(q, op);
        zsq_parsed_free(op);
        if (rc)
            return rc;
    }
    return 0;
}

int zsq_merge_sources(zs_db *db, zsq_parsed *to, const zsq_parsed *from)
{
    for (size_t i = 0; i < from->nsources; i++) {
        if (to->nsources >= ZSQ_MAX_SOURCES)
            return zsd_fail(db, ZS_ELIMIT, "too many source: filters (limit %d)", ZSQ_MAX_SOURCES);
        if (!(to->sources[to->nsources] = strdup(from->sources[i])))
            return zsd_fail(db, ZS_ENOMEM, "out of memory");
        to->nsources++;
    }
    return 0;
}

void zsq_doc_where(zsu_buf *b, const char *idcol, const zsq_parsed *pq)
{
    char cond[512] = "1";
    size_t k = 1;
    if (!pq->has_date && !pq->nsources)
        return;
    /* an article's own range of days inside the filter's (docfilter.c) */
    if (pq->has_date)
        k = (size_t)snprintf(cond, sizeof cond,
                             "CASE length(zd.date) WHEN 4 THEN zd.date || '-01-01' WHEN 7 THEN"
                             " zd.date || '-01' ELSE zd.date END >= :dlo AND"
                             " CASE length(zd.date) WHEN 4 THEN zd.date || '-12-31' WHEN 7 THEN"
                             " zd.date || '-31' ELSE zd.date END <= :dhi");
    if (pq->nsources) {
        k += (size_t)snprintf(cond + k, sizeof cond - k, " AND zd.source IN (");
        for (size_t i = 0; i < pq->nsources && k < sizeof cond; i++)
            k +=
                (size_t)snprintf(cond + k, sizeof cond - k, "%s:src%u", i ? ", " : "", (unsigned)i);
        if (k < sizeof cond)
            snprintf(cond + k, sizeof cond - k, ")");
    }
    /* any place it was printed: its first article or a repeat's */
    zsu_buf_str(b, " AND ");
    zsu_buf_str(b, idcol);
    zsu_buf_str(b, " IN (SELECT zp.id FROM docs zd JOIN passages zp ON zp.doc_id = zd.id WHERE ");
    zsu_buf_str(b, cond);
    zsu_buf_str(b, " UNION ALL SELECT zx.passage_id FROM docs zd JOIN passage_dups zx ON"
                   " zx.doc_id = zd.id WHERE ");
    zsu_buf_str(b, cond);
    zsu_buf_str(b, ")");
}

void zsq_doc_bind(sqlite3_stmt *st, const zsq_parsed *pq)
{
    int i;
    if (pq->has_date) {
        if ((i = sqlite3_bind_parameter_index(st, ":dlo")) > 0)
            sqlite3_bind_text(st, i, pq->date_lo, -1, SQLITE_STATIC);
        if ((i = sqlite3_bind_parameter_index(st, ":dhi")) > 0)
            sqlite3_bind_text(st, i, pq->date_hi, -1, SQLITE_STATIC);
    }
    for (size_t k = 0; k < pq->nsources; k++) {
        char name[32];
        snprintf(name, sizeof name, ":src%u", (unsigned)k);
        if ((i = sqlite3_bind_parameter_index(st, name)) > 0)
            sqlite3_bind_text(st, i, pq->sources[k], -1, SQLITE_STATIC);
    }
}

/* Canonical zone name for a filter value: the gazetteer's folding, else as typed. */
static const char *canonical_park(zs_db *db, const char *name)
{
    const zsi_gazetteer *g = zsq_gazetteer(db);
    if (!g)
        return name;
    const char *c = zsi_park_canonical(g, name, strlen(name));
    return c ? c : name;
}

/* Filters as SQL over the passage id idcol: p.id, or +fts.rowid so that a
 * ranked query never reads the passages table's large rows (the + keeps
 * SQLite from handing FTS5 the IN list as rowids to look up one by one:
 * 280 ms instead of 15 for park:贵阳高新区 企业 on 200 MB of news). */
int zsq_build_where(zs_query *q, const char *idcol, char **out)
{
    zsu_buf b = {0};
    zsq_parsed *pq = q->pq;
    size_t nparks = pq->nparks + q->nextra;
    char num[160];

    zsu_buf_str(&b, "1");
    if (nparks) {
        zsu_buf_str(&b, " AND ");
        zsu_buf_str(&b, idcol);
        zsu_buf_str(&b, " IN (SELECT passage_id FROM passage_parks WHERE park IN (");
        for (size_t i = 0; i < q->npark_vals; i += 2)
            zsu_buf_str(&b, i ? ", ?, (SELECT park FROM park_aliases WHERE alias = ?)"
                              : "?, (SELECT park FROM park_aliases WHERE alias = ?)");
        zsu_buf_str(&b, "))");
    }
    if (pq->has_year) {
        snprintf(num, sizeof num,
                 " AND %s IN (SELECT passage_id FROM passage_years WHERE year BETWEEN %d AND %d%s)",
                 idcol, pq->year_from, pq->year_to, pq->year_span ? "" : " AND span = 0");
        zsu_buf_str(&b, num);
    }
    zsq_fig_test t;
    if (zsq_figure_test(&pq->figure, &t)) {
        /* With words, checked per candidate through the passage key: an IN
         * list would first gather every passage with, say, a money figure
         * above 1e10 (100 000 on 200 MB of news); the + on class and value
         * keeps the planner from walking figure_rows_class for every row.
         * Without words, figure_rows_class drives the query instead. */
        const char *plus = pq->has_text ? "+" : "";
        if (pq->has_text) {
            zsu_buf_str(&b, " AND EXISTS (SELECT 1 FROM figure_rows WHERE passage_id = ");
            zsu_buf_str(&b, idcol);
            zsu_buf_str(&b, " AND ");
        } else {
            zsu_buf_str(&b, " AND ");
            zsu_buf_str(&b, idcol);
            zsu_buf_str(&b, " IN (SELECT passage_id FROM figure_rows WHERE ");
        }
        if (t.cls) {
            zsu_buf_str(&b, plus);
            zsu_buf_str(
                &b, "class = (SELECT id FROM strings WHERE " ZSD_STRING_BY_TEXT(":fc") ") AND ");
        }
        if (t.cmp == ZSQ_CMP_BETWEEN)
            snprintf(num, sizeof num, "%svalue BETWEEN %.17g AND %.17g", plus, t.lo, t.hi);
        else
            snprintf(num, sizeof num, "%svalue %s %.17g", plus, zsq_cmp_sql[t.cmp],
                     t.cmp <= ZSQ_CMP_LE ? t.hi : t.lo);
        zsu_buf_str(&b, num);
        zsu_buf_str(&b, ")");
    }
    zsq_doc_where(&b, idcol, pq);
    return sb_finish(q, &b, out);
}

/* Each park filter as two bound values: its canonical name, and as typed
 * (matched against park_aliases). */
void zsq_park_values(zs_query *q)
{
    zsq_parsed *pq = q->pq;
    size_t nparks = pq->nparks + q->nextra;
    for (size_t i = 0; i < nparks && q->npark_vals + 2 <= 2 * (ZSQ_MAX_PARKS + 1); i++) {
        const char *name = i < pq->nparks ? pq->parks[i].p : q->extra_parks[i - pq->nparks];
        q->park_vals[q->npark_vals++] = canonical_park(q->db, name);
        q->park_vals[q->npark_vals++] = name;
    }
}

/* Append s as an FTS5 string: quoted, quotes doubled. */
static void sb_quoted(zsu_buf *b, const char *s)
{
    zsu_buf_str(b, "\"");
    for (const char *p = s; *p; p++) {
        char c[2] = {*p, 0};
        zsu_buf_str(b, *p == '"' ? "\"\"" : c);
    }
    zsu_buf_str(b, "\"");
}

/*
 * The MATCH with park and year filters also written as FTS5 column filters
 * (park : (...), year : (...)). The SQL filters stay and remain exact; the
 * column filters let FTS5 intersect doclists instead of walking every
 * passage holding a common word to find the few of one zone or year.
 */
int zsq_column_filters(zs_query *q, const char *match, char **out)
{
    zsu_buf b = {0};
    zsq_parsed *pq = q->pq;
    size_t nparks = pq->nparks + q->nextra;
    zsu_buf_str(&b, "(");
    zsu_buf_str(&b, match);
    zsu_buf_str(&b, ")");
    if (nparks) {
        zsu_buf_str(&b, " AND park : (");
        for (size_t i = 0; i < nparks; i++) {
            const char *name = i < pq->nparks ? pq->parks[i].p : q->extra_parks[i - pq->nparks];
            if (i)
                zsu_buf_str(&b, " OR ");
            /* U+E000: the whole name as one token (the park column has them) */
            char buf[512];
            snprintf(buf, sizeof buf, "\xEE\x80\x80%s", canonical_park(q->db, name));
            sb_quoted(&b, buf);
        }
        zsu_buf_str(&b, ")");
    }
    if (pq->has_year && pq->year_to - pq->year_from < 64) {
        zsu_buf_str(&b, " AND year : (");
        for (int y = pq->year_from; y <= pq->year_to; y++) {
            char num[32];
            snprintf(num, sizeof num, "%s\"%d\"", y > pq->year_from ? " OR " : "", y);
            zsu_buf_str(&b, num);
        }
        zsu_buf_str(&b, ")");
    }
    return sb_finish(q, &b, out);
}

int zsq_prepare_filtered(zs_query *q, sqlite3_stmt **st, int cached, const char *match,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *sql = len < 0 ? NULL : malloc((size_t)len + 1);
    if (!sql)
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    va_start(ap, fmt);
    vsnprintf(sql, (size_t)len + 1, fmt, ap);
    va_end(ap);
    int rc = cached ? zsd_cached(q->db, st, sql) : zsd_prepare(q->db, st, sql);
    free(sql);
    if (rc)
        return rc;
    if (match)
        sqlite3_bind_text(*st, 1, match, -1, SQLITE_STATIC);
    zsq_bind_filters(q, *st, match ? 2 : 1);
    return 0;
}

void zsq_bind_filters(zs_query *q, sqlite3_stmt *st, int first)
{
    int i = first;
    for (size_t k = 0; k < q->npark_vals; k++)
        sqlite3_bind_text(st, i++, q->park_vals[k], -1, SQLITE_STATIC);
    int fc = sqlite3_bind_parameter_index(st, ":fc");
    if (fc > 0)
        sqlite3_bind_text(st, fc, q->pq->figure.cls, -1, SQLITE_STATIC);
    zsq_doc_bind(st, q->pq);
}
