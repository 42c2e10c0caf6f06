/*
 * engine.c - zhaoshu queries on a Sphinx 2.2 / Manticore cluster over the
 * MySQL protocol (libmariadb), answered as the same zs_hit as local ones.
 *
 * A query goes through zhaoshu's own parser (query/), then:
 *  - words: the FTS5 MATCH the parser renders, rewritten for Sphinx by
 *    render.c (each term a phrase of zhaoshu's tokens, which the export
 *    wrote into the full-text fields);
 *  - park: one MVA filter, zones IN (id of the canonical name, key of the
 *    name as typed), which is what the local filter's two lookups mean;
 *  - year: years (or all_years for year:~Y) BETWEEN, any value matching;
 *  - figure: first the figures index, for the passages holding a figure of
 *    that class in that range (at most ZSC_MAX_FIGURE_PASSAGES), then
 *    id IN (...) on the passages;
 *  - as locally, when no passage holds every word the words are OR-ed and
 *    the hits marked partial, and the best candidates are reranked by the
 *    proximity of the words and by passage kind.
 * Hits are assembled by query/hit.c's zsq_hit_names()/zsq_hit_finish() from
 * the text and figures the cluster returns, so highlights and snippets are
 * exactly a local query's for the same passage.
 *
 * Missing shards: Sphinx answers from the agents that replied and adds a
 * warning per agent that did not ("agent HOST:PORT: connect() failed...");
 * connect.c, which runs every statement, makes those zs_equery_missing()
 * lines.
 *
 * SQL safety: Sphinx 2.2 has no prepared statements. Every value written
 * into a statement is a number formatted here, or the rendered MATCH (whose
 * user bytes render.c escaped) inside a literal escaped by
 * zsc_buf_sql_literal().
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_int.h"

/* Most passages a figure: filter may select on a cluster: their ids travel
 * in the passages query (id IN (...), about 10 bytes each). */
#define ZSC_MAX_FIGURE_PASSAGES 20000
/* Weight of headlines, captions and bylines, as search.c's. */
#define KIND_WEIGHT_MINOR 0.6

/* ------------------------------------------------------------------------
 * Filters
 * ---------------------------------------------------------------------- */

/* " AND zones IN (...)" for the park: filters; nothing without them. */
static void park_filter(zs_equery *q, zsc_buf *b)
{
    size_t nparks = q->pq->nparks + q->nextra;
    for (size_t i = 0; i < nparks; i++) {
        const char *name =
            i < q->pq->nparks ? q->pq->parks[i].p : q->extra_parks[i - q->pq->nparks];
        const char *canon = zsi_park_canonical(q->e->gaz, name, strlen(name));
        if (!canon)
            canon = name;
        zsc_buf_printf(b, "%s%llu, %llu", i ? ", " : " AND zones IN (",
                       (unsigned long long)zsc_zone_id(canon, strlen(canon)),
                       (unsigned long long)zsc_alias_key(name, strlen(name)));
    }
    if (nparks)
        zsc_buf_str(b, ")");
}

static void year_filter(zs_equery *q, zsc_buf *b)
{
    if (q->pq->has_year)
        zsc_buf_printf(b, " AND %s BETWEEN %d AND %d", q->pq->year_span ? "all_years" : "years",
                       q->pq->year_from, q->pq->year_to);
}

/*
 * The figure: filter as " AND id IN (...)", through the figures index.
 * *none is set when no passage has such a figure (the query has no hits).
 */
static int figure_filter(zs_equery *q, zsc_buf *b, int *none)
{
    zsq_fig_test t;
    zsc_buf sql = {0};
    MYSQL_RES *res = NULL;
    int rc = 0;
    *none = 0;
    if (!zsq_figure_test(&q->pq->figure, &t))
        return 0;
    zsc_buf_printf(&sql, "SELECT passage_id FROM %s_figures WHERE ", q->e->index);
    if (t.cls)
        zsc_buf_printf(&sql, "cls = %u AND ", zsc_name_id(t.cls, strlen(t.cls)));
    if (t.cmp == ZSQ_CMP_BETWEEN)
        zsc_buf_printf(&sql, "value BETWEEN %lld AND %lld", zsc_fig_scaled(t.lo),
                       zsc_fig_scaled(t.hi));
    else
        zsc_buf_printf(&sql, "value %s %lld", zsq_cmp_sql[t.cmp],
                       zsc_fig_scaled(t.cmp <= ZSQ_CMP_LE ? t.hi : t.lo));
    zsc_buf_printf(&sql, " GROUP BY passage_id LIMIT 0, %d OPTION max_matches = %d",
                   ZSC_MAX_FIGURE_PASSAGES + 1, ZSC_MAX_FIGURE_PASSAGES + 1);
    if ((rc = zsc_exec_buf(q, &sql, &res)) != 0)
        return rc;
    if (mysql_num_rows(res) > ZSC_MAX_FIGURE_PASSAGES) {
        mysql_free_result(res);
        return efail(q->e, ZS_ELIMIT,
                     "figure: holds for more than %d passages of the cluster: add words or"
                     " narrow the range",
                     ZSC_MAX_FIGURE_PASSAGES);
    }
    MYSQL_ROW row;
    size_t n = 0;
    while ((row = mysql_fetch_row(res)))
        if (row[0]) {
            zsc_buf_str(b, n++ ? ", " : " AND id IN (");
            zsc_buf_str(b, row[0]);
        }
    mysql_free_result(res);
    if (n)
        zsc_buf_str(b, ")");
    *none = n == 0;
    return 0;
}

/* ------------------------------------------------------------------------
 * The passages query
 * ---------------------------------------------------------------------- */

static void row_free(erow *r)
{
    ZSU_FREE(r->text, r->doc, r->parks, r->years, r->figs);
}

static void rows_free(zs_equery *q)
{
    for (size_t i = 0; i < q->nrows; i++)
        row_free(&q->rows[i]);
    free(q->rows);
    q->rows = NULL;
    q->nrows = 0;
}

static char *dup_col(const char *s, unsigned long n)
{
    char *p = malloc(n + 1);
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/*
 * Candidates of match (a Sphinx query, or NULL for filters alone) with the
 * filters in where, best first (by id without words, as the local query
 * goes in index order), at most want.
 */
static int fetch(zs_equery *q, const char *match, const char *where, size_t want)
{
    zsc_buf sql = {0};
    MYSQL_RES *res = NULL;
    int rc;
    rows_free(q);
    zsc_buf_str(&sql, "SELECT id, WEIGHT() AS w, text, doc, passage, kind, doc_start, doc_end,"
                      " parks, year_text, figs FROM ");
    zsc_buf_str(&sql, q->e->index);
    if (match) {
        zsc_buf_str(&sql, " WHERE MATCH('");
        zsc_buf_sql_literal(&sql, match, strlen(match));
        zsc_buf_str(&sql, "')");
        zsc_buf_str(&sql, where);
        zsc_buf_str(&sql, " ORDER BY w DESC, id ASC");
    } else {
        /* filters alone: " AND x" becomes " WHERE x" */
        zsc_buf_str(&sql, " WHERE");
        zsc_buf_str(&sql, where + 4);
        zsc_buf_str(&sql, " ORDER BY id ASC");
    }
    /* bm25 over the fields, weighted as the local ranking weighs the
     * columns (body 1.0, park 0.2, year and figure 0.1) */
    zsc_buf_printf(&sql,
                   " LIMIT 0, %zu OPTION max_matches = %zu, ranker = bm25,"
                   " field_weights = (body = 10, park = 2, year = 1, figure = 1)",
                   want, want < 1000 ? 1000 : want);
    if ((rc = zsc_exec_buf(q, &sql, &res)) != 0)
        return rc;
    size_t n = (size_t)mysql_num_rows(res);
    q->rows = calloc(n ? n : 1, sizeof *q->rows);
    if (!q->rows) {
        mysql_free_result(res);
        return efail(q->e, ZS_ENOMEM, "out of memory");
    }
    MYSQL_ROW row;
    while ((row = mysql_fetch_row(res))) {
        unsigned long *len = mysql_fetch_lengths(res);
        erow *r = &q->rows[q->nrows++];
        r->id = row[0] ? atoll(row[0]) : 0;
        r->score = row[1] ? atof(row[1]) / 1000.0 : 0;
        r->len = len[2];
        r->text = dup_col(row[2] ? row[2] : "", row[2] ? len[2] : 0);
        r->doc = dup_col(row[3] ? row[3] : "", row[3] ? len[3] : 0);
        r->passage = row[4] ? atoll(row[4]) : 0;
        r->kind = row[5] ? atoi(row[5]) : 0;
        r->doc_start = row[6] ? atoll(row[6]) : 0;
        r->doc_end = row[7] ? atoll(row[7]) : 0;
        r->parks = dup_col(row[8] ? row[8] : "", row[8] ? len[8] : 0);
        r->years = dup_col(row[9] ? row[9] : "", row[9] ? len[9] : 0);
        r->figs = dup_col(row[10] ? row[10] : "", row[10] ? len[10] : 0);
        if (!r->text || !r->doc || !r->parks || !r->years || !r->figs) {
            mysql_free_result(res);
            return efail(q->e, ZS_ENOMEM, "out of memory");
        }
    }
    mysql_free_result(res);
    q->total = zsc_total_found(q);
    if (q->total < 0)
        q->total = (long long)q->nrows;
    return 0;
}

/*
 * Put the whole matches full[0..nfull) before the partial rows of q (those
 * not among them), up to want rows; q takes full's rows.
 */
static int add_partial(zs_equery *q, erow *full, size_t nfull, size_t want)
{
    erow *all = realloc(full, ((want > nfull ? want : nfull) + 1) * sizeof *all);
    if (!all) {
        for (size_t i = 0; i < nfull; i++)
            row_free(&full[i]);
        free(full);
        return efail(q->e, ZS_ENOMEM, "out of memory");
    }
    size_t n = nfull;
    for (size_t i = 0; i < q->nrows; i++) {
        size_t k = 0;
        while (k < nfull && all[k].id != q->rows[i].id)
            k++;
        if (k < nfull || n >= want) { /* listed already, or past the page */
            row_free(&q->rows[i]);
            continue;
        }
        all[n] = q->rows[i];
        all[n++].partial = 1;
    }
    free(q->rows);
    q->rows = all;
    q->nrows = n;
    return 0;
}

/* The local order of hits (zsq_hit_order()). */
static int cmp_row(const void *a, const void *b)
{
    const erow *x = a, *y = b;
    return zsq_hit_order(x->partial, x->held, x->score, x->id, y->partial, y->held, y->score,
                         y->id);
}

/* The local query's reranking: passage kind, and the words' proximity. */
static int rerank(zs_equery *q)
{
    size_t nterms = q->terms ? zsh_terms_count(q->terms) : 0;
    if (!q->pq->has_text)
        return 0;
    for (size_t i = 0; i < q->nrows; i++) {
        erow *r = &q->rows[i];
        if (r->kind != 0)
            r->score *= KIND_WEIGHT_MINOR;
        if (nterms < 2)
            continue;
        zsh_match *m = NULL;
        size_t nm = 0, ntok = 0;
        int rc = zsh_find(q->e->seg, q->terms, r->text, r->len, &m, &nm, &ntok);
        if (rc) {
            free(m);
            return efail(q->e, rc, "%s", zs_seg_errmsg(q->e->seg));
        }
        size_t gap = zsh_gap(m, nm, nterms);
        if (gap != SIZE_MAX)
            r->score *= 1.0 + 1.0 / (1.0 + (double)gap / 4.0);
        if (r->partial)
            r->held = zsh_terms_held(q->terms, m, nm);
        free(m);
    }
    if (q->nrows > 1)
        qsort(q->rows, q->nrows, sizeof *q->rows, cmp_row);
    return 0;
}

/* ------------------------------------------------------------------------
 * Entry points
 * ---------------------------------------------------------------------- */

/*
 * The option filters (--park, --year, --figure) merged into the parsed
 * query by the local query's own code (query/where.c), run on a shell of a
 * zs_query whose handle only collects the message.
 */
static int merge_options(zs_equery *q, const zs_query_opts *o)
{
    zs_db shell_db;
    zs_query shell;
    memset(&shell_db, 0, sizeof shell_db);
    memset(&shell, 0, sizeof shell);
    shell.db = &shell_db;
    shell.pq = q->pq;
    int rc = zsq_merge_options(&shell, q->e->seg, o);
    for (size_t i = 0; i < shell.nextra; i++)
        q->extra_parks[q->nextra++] = shell.extra_parks[i];
    if (rc)
        efail(q->e, rc, "%s", shell_db.err);
    return rc;
}

int zs_equery_open(zs_equery **out, zs_engine *e, const char *text, size_t n,
                   const zs_query_opts *o)
{
    zs_query_opts oc;
    zsc_buf where = {0};
    char err[256] = "", *match = NULL;
    size_t off = 0;
    int rc, none = 0;

    if (!out || !e || (!text && n))
        return ZS_EINVAL;
    *out = NULL;
    if (!e->my)
        return efail(e, ZS_EINVAL, "the engine is not connected");
    if (zsq_query_opts(o, &oc) != 0)
        return efail(e, ZS_EINVAL, "zs_query_opts: unknown version %u", o->version);
    o = &oc;
    /* The export sends no article dates or outlets to the shards (xmlpipe2
     * documents are passages): refuse rather than ignore such filters. */
    if (o->date || o->source)
        return efail(e, ZS_EINVAL,
                     "a cluster cannot filter by date or source (the export "
                     "carries no article dates); use a local index");
    int strict = o->strict;
    /* The shards order by their own BM25; a date order would need every
     * shard's dates merged, which searchd's distributed index does not do. */
    if (o->sort != ZS_SORT_SCORE)
        return efail(e, ZS_EINVAL,
                     "a cluster orders hits by score only (sort by date "
                     "needs a local index)");
    e->err[0] = '\0';
    e->err_off = 0;
    zs_equery *q = calloc(1, sizeof *q);
    if (!q)
        return efail(e, ZS_ENOMEM, "out of memory");
    q->e = e;
    zsq_paging(o, &q->limit, &q->offset, &q->snippet_chars);
    if ((rc = zsq_parse_query(e->seg, e->gaz, text ? text : "", n, o->park || o->year || o->figure,
                              &q->pq, err, sizeof err, &off)) != 0) {
        e->err_off = off;
        efail(e, rc, "%s", err[0] ? err : zs_strerror(rc));
        goto fail;
    }
    if ((rc = merge_options(q, o)) != 0)
        goto fail;
    if (q->pq->has_date || q->pq->nsources) {
        rc = efail(e, ZS_EINVAL,
                   "a cluster cannot filter by date: or source: (the export "
                   "carries no article dates); use a local index");
        goto fail;
    }
    if (!q->pq->has_text && !q->pq->nparks && !q->nextra && !q->pq->has_year &&
        q->pq->figure.op == ZSQ_FIG_NONE) {
        rc = efail(e, ZS_ESYNTAX, "query has no searchable text");
        goto fail;
    }
    if (q->pq->has_text) {
        if ((rc = zsh_terms_build(e->seg, q->pq, &q->terms)) != 0) {
            efail(e, rc, "%s", zs_seg_errmsg(e->seg));
            goto fail;
        }
    }
    park_filter(q, &where);
    year_filter(q, &where);
    if ((rc = figure_filter(q, &where, &none)) != 0)
        goto fail;
    if (where.oom) {
        rc = efail(e, ZS_ENOMEM, "out of memory");
        goto fail;
    }
    if (!none) {
        size_t want = q->offset + q->limit + RERANK_EXTRA;
        if (q->pq->has_text) {
            if ((rc = zsc_render_match(e->seg, q->pq->match_all, &match)) != 0 ||
                (rc = fetch(q, match, where.p ? where.p : "", want)) != 0)
                goto render_fail;
            /* As the local query (query/search.c): whole matches first,
             * then partial ones up to the page, counted apart. */
            if (!strict && q->nrows < q->offset + q->limit && q->pq->nterms > 1 &&
                q->pq->match_any[0]) {
                erow *full = q->rows;
                size_t nfull = q->nrows;
                long long total = q->total;
                q->rows = NULL;
                q->nrows = 0;
                free(match);
                match = NULL;
                if ((rc = zsc_render_match(e->seg, q->pq->match_any, &match)) != 0 ||
                    (rc = fetch(q, match, where.p ? where.p : "", want + nfull)) != 0) {
                    rows_free(q);
                    q->rows = full;
                    q->nrows = nfull;
                    goto render_fail;
                }
                rc = add_partial(q, full, nfull, want);
                q->total = total;
                if (rc)
                    goto fail;
            }
            q->partial = q->nrows > 0 && q->rows[0].partial;
            if ((rc = rerank(q)) != 0)
                goto fail;
        } else if ((rc = fetch(q, NULL, where.p, q->offset + q->limit)) != 0) {
            goto fail;
        }
    }
    free(where.p);
    free(match);
    q->next = q->offset;
    *out = q;
    return 0;
render_fail:
    if (rc == ZS_ESYNTAX)
        efail(e, rc, "cannot render the query for the cluster");
    else if (rc == ZS_ENOMEM)
        efail(e, rc, "out of memory");
    else if (rc != ZS_EIO)
        efail(e, rc, "%s", zs_seg_errmsg(e->seg));
fail:
    free(where.p);
    free(match);
    zs_equery_free(q);
    return rc;
}

/* The figures of a hit from the figs attribute (export.c's lines). */
static int load_figures(hit_store *s, const char *figs)
{
    for (const char *p = figs; *p;) {
        const char *nl = strchr(p, '\n');
        size_t ln = nl ? (size_t)(nl - p) : strlen(p);
        char line[1024];
        if (ln >= sizeof line)
            goto next;
        memcpy(line, p, ln);
        line[ln] = '\0';
        char *cell[14];
        size_t nc = 0;
        for (char *c = line; nc < 14;) {
            cell[nc++] = c;
            char *t = strchr(c, '\t');
            if (!t)
                break;
            *t = '\0';
            c = t + 1;
        }
        if (nc != 10 && nc != 14) /* 14: with where the metric is printed */
            goto next;
        zs_figure f = {NULL,
                       strtod(cell[2], NULL),
                       strtod(cell[3], NULL),
                       cell[6],
                       cell[7],
                       cell[8],
                       cell[9],
                       atoi(cell[5]),
                       atoi(cell[4]),
                       (size_t)strtoull(cell[0], NULL, 10),
                       (size_t)strtoull(cell[1], NULL, 10),
                       0,
                       {{0, 0}, {0, 0}}};
        for (size_t m = 0; nc == 14 && m < 2; m++) {
            f.metric_at[m].start = (size_t)strtoull(cell[10 + 2 * m], NULL, 10);
            f.metric_at[m].end = (size_t)strtoull(cell[11 + 2 * m], NULL, 10);
        }
        if (zsq_hit_add_figure(s, &f))
            return ZS_ENOMEM;
next:
        p += ln + (nl ? 1 : 0);
    }
    return 0;
}

int zs_equery_next(zs_equery *q, const zs_hit **hit)
{
    if (!q || !hit)
        return ZS_EINVAL;
    *hit = NULL;
    if (q->next >= q->nrows || q->next >= q->offset + q->limit)
        return ZS_ITEROVER;
    const erow *r = &q->rows[q->next];
    hit_store *s = &q->hs;
    int rc;
    zsq_hit_clear(s);
    s->text = dup_col(r->text, r->len);
    s->doc = strdup(r->doc);
    s->kind = strdup(zsd_kind_name(r->kind));
    if (!s->text || !s->doc || !s->kind || zsq_hit_names(s, r->parks, r->years))
        return efail(q->e, ZS_ENOMEM, "out of memory");
    s->h.len = r->len;
    s->h.passage = r->passage;
    s->h.doc_start = r->doc_start;
    s->h.doc_end = r->doc_end;
    if (load_figures(s, r->figs))
        return efail(q->e, ZS_ENOMEM, "out of memory");
    s->h.partial = r->partial;
    if ((rc = zsq_hit_finish(s, q->e->seg, q->terms, NULL, 0, &q->pq->figure, q->snippet_chars)) !=
        0)
        return rc == ZS_ENOMEM ? efail(q->e, rc, "out of memory")
                               : efail(q->e, rc, "%s", zs_seg_errmsg(q->e->seg));
    /* The shards keep no lines, dates or outlets of passages: line 0 is
     * "unknown" (zs_place), and a hit names its document and passage. */
    s->h.place = (zs_place){s->doc, s->doc, r->passage, 0, 0, r->doc_start, r->doc_end, "", "", 0};
    s->h.rank = q->next + 1;
    s->h.score = r->score;
    q->next++;
    *hit = &s->h;
    return 0;
}

int zs_equery_count(zs_equery *q, long long *count)
{
    if (!q || !count)
        return ZS_EINVAL;
    *count = q->total;
    return 0;
}

const char *zs_equery_missing(const zs_equery *q, size_t i)
{
    return q && i < q->nmissing ? q->missing[i] : NULL;
}

void zs_equery_free(zs_equery *q)
{
    if (!q)
        return;
    rows_free(q);
    zsq_parsed_free(q->pq);
    zsh_terms_free(q->terms);
    for (size_t i = 0; i < q->nextra; i++)
        free(q->extra_parks[i]);
    zsu_strv_free(q->missing, q->nmissing);
    zsu_strv_free(q->agents, q->nagents);
    zsq_hit_clear(&q->hs);
    free(q);
}
