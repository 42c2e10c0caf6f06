/*
 * search.c - zs_query: parse, filter, rank and assemble hits.
 *
 * The query tree (parse.c) renders a MATCH string in which every term is a
 * quoted string; filters become bound values in SQL over the side tables.
 * FTS5 ranks with bm25 (body weighted over the park/year/figure columns and
 * with the word-bonus alternatives rewarding whole-word matches); we then
 * rerank the best candidates in C by passage kind (headlines, captions and
 * bylines lower) and by the proximity of the query's words. When no passage
 * holds every word, the words are OR-ed and hits are marked partial.
 */
#include <math.h>
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

#define KIND_WEIGHT_MINOR 0.6
/* Bytes of candidate texts the rerank keeps for the hits it will show. */
#define RERANK_KEEP_BYTES (4u << 20)

size_t zs_query_error_offset(const zs_db *db)
{
    return db ? db->err_off : 0;
}

int zs_query_is_partial(const zs_query *q)
{
    return q ? q->partial : 0;
}

void zs_query_free(zs_query *q)
{
    if (!q)
        return;
    zsq_parsed_free(q->pq);
    zsh_terms_free(q->terms);
    zsq_reader_free(q->reader);
    ZSU_FREE(q->where, q->where_fts, q->match_all, q->match_any);
    if (q->c)
        zsq_cands_drop(q->c, 0, q->nc);
    free(q->c);
    zsq_hit_clear(&q->hs);
    for (size_t i = 0; i < q->nextra; i++)
        free(q->extra_parks[i]);
    free(q);
}

/* best first */
static int cmp_cand(const void *a, const void *b);

/* Matches few enough to read forwards (see fetch_match()). */
#define FEW_MATCHES 256

/* The rows of one candidate statement, read into rows[] with their term
 * frequencies in *tfs (stride doubles a row, set by the first row). */
typedef struct cand_rows {
    zsq_rank_row *rows;
    double *tfs;
    size_t n, stride, nphrase;
} cand_rows;

/* Read at most max rows of st (SELECT rowid, zs_tf(fts)) into r, which has
 * room for max rows. */
static int read_cands(zs_query *q, sqlite3_stmt *st, cand_rows *r, size_t max)
{
    int src = SQLITE_DONE;
    r->n = r->nphrase = 0;
    while (r->n < max && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const double *blob = sqlite3_column_blob(st, 1);
        size_t nd = (size_t)sqlite3_column_bytes(st, 1) / sizeof(double);
        if (!blob || nd < 1)
            continue;
        /* Every row of one statement has as many phrases (zs_tf() gives
         * xPhraseCount()), so the first row sets the stride. Room for the
         * most phrases (1 + ZSQ_RANK_MAX_PHRASES doubles a row, 1 MB for
         * cap rows) made a whole process fault in 254 fresh pages for a
         * one-word query: a third of its page faults (perf record -e
         * page-faults). Not zeroed: a row reads only the nd - 1 phrases
         * copied for it. */
        if (!r->tfs) {
            r->stride = nd < 1 + ZSQ_RANK_MAX_PHRASES ? nd : 1 + ZSQ_RANK_MAX_PHRASES;
            if (!(r->tfs = malloc(max * r->stride * sizeof *r->tfs)))
                return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
        }
        if (nd > r->stride)
            nd = r->stride;
        memcpy(r->tfs + r->n * r->stride, blob, nd * sizeof(double));
        r->rows[r->n] = (zsq_rank_row){sqlite3_column_int64(st, 0), ZSD_KIND_BODY, 0,
                                       r->tfs + r->n * r->stride + 1, nd - 1, 0};
        if (nd - 1 > r->nphrase)
            r->nphrase = nd - 1;
        r->n++;
    }
    if (r->n < max && src != SQLITE_DONE)
        return zsd_sqlite_fail(q->db, "running the query");
    return 0;
}

/* Run the candidate statement of match, at most max rows into r: forwards
 * (after < 0), or backwards over the rows whose rowid is above after (0:
 * all). */
static int run_cands(zs_query *q, const char *match, sqlite3_int64 after, cand_rows *r, size_t max)
{
    sqlite3_stmt *st = NULL;
    int rc = zsq_prepare_filtered(q, &st, 1, match,
                                  "SELECT fts.rowid, zs_tf(fts) FROM fts"
                                  " WHERE fts MATCH ?1 AND %s%s ORDER BY fts.rowid %s LIMIT %zu",
                                  q->where_fts, after > 0 ? " AND fts.rowid > :after" : "",
                                  after < 0 ? "ASC" : "DESC", max);
    if (rc == 0 && after > 0)
        sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":after"), after);
    if (rc == 0)
        rc = read_cands(q, st, r, max);
    zsd_release(q->db, st);
    return rc;
}

static void reverse_rows(zsq_rank_row *v, size_t n)
{
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        zsq_rank_row t = v[i];
        v[i] = v[j - 1];
        v[j - 1] = t;
    }
}

/*
 * Candidates of a MATCH: the newest cap matching passages (FTS5 walks the
 * doclist in rowid order and stops there), each described by zs_tf(), then
 * ranked in C (rank.c) and cut to the best want.
 *
 * FTS5 walks a doclist backwards (ORDER BY rowid DESC) at two to three
 * times the cost of forwards when a phrase has several terms: a zone name
 * with its other names (襄阳高新区, an OR of three phrases of common
 * characters) cost 13.2 ms of CPU backwards and 5.7 ms forwards
 * (bench-query on realnews-dev). So the match first runs forwards for the
 * oldest FEW_MATCHES + 1 rows: when they are all, reversed they are exactly
 * what the backward walk gives. Otherwise the backward walk stops above the
 * last of them, and they follow its rows when it found fewer than cap, so
 * no row is read twice; a common word pays for FEW_MATCHES rows read in
 * vain (a forward walk of cap + 1 rows made 企业 1.4 -> 2.2 ms).
 */
static int fetch_match(zs_query *q, const char *match, size_t want, size_t cap)
{
    cand_rows r = {0}, old = {0};
    size_t n;
    int rc;

    if ((rc = zsq_rank_register(q->db)) != 0)
        return rc;
    if (!(r.rows = malloc((cap > FEW_MATCHES ? cap : FEW_MATCHES + 1) * sizeof *r.rows)) ||
        !(old.rows = malloc((FEW_MATCHES + 1) * sizeof *old.rows))) {
        rc = zsd_fail(q->db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    /* The passage kind is read with the length for the kept rows only
     * (zsq_rank_lengths): a lookup per candidate was one more B-tree descent
     * for each of up to ZSQ_MAX_CANDIDATES rows. A figure filter is tested
     * row by row (where.c): forwards, one that few rows pass makes the walk
     * to FEW_MATCHES + 1 rows long (figure:>100亿元 投资 5.1 -> 7.3 ms), so
     * such a query walks backwards only. */
    zsq_fig_test ft;
    int forwards = !zsq_figure_test(&q->pq->figure, &ft);
    if (forwards && (rc = run_cands(q, match, -1, &old, FEW_MATCHES + 1)) != 0)
        goto out;
    if (forwards && old.n <= FEW_MATCHES) {
        reverse_rows(old.rows, old.n);
        memcpy(r.rows, old.rows, old.n * sizeof *r.rows);
        r.n = old.n;
        r.nphrase = old.nphrase;
    } else {
        if ((rc = run_cands(q, match, forwards ? old.rows[old.n - 1].id : 0, &r, cap)) != 0)
            goto out;
        size_t more = forwards && r.n < cap ? cap - r.n : 0;
        if (more > old.n)
            more = old.n;
        reverse_rows(old.rows, old.n);
        memcpy(r.rows + r.n, old.rows, more * sizeof *r.rows);
        r.n += more;
        if (more && old.nphrase > r.nphrase)
            r.nphrase = old.nphrase;
    }
    size_t keep = want > ZSQ_RESCORE ? want : ZSQ_RESCORE;
    if ((rc = zsq_rank(q->db, r.rows, r.n, r.nphrase, keep, &n)) != 0)
        goto out;
    free(q->c);
    if (!(q->c = malloc((n ? n : 1) * sizeof *q->c))) {
        rc = zsd_fail(q->db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        double score = r.rows[i].score;
        if (r.rows[i].kind != ZSD_KIND_BODY)
            score *= KIND_WEIGHT_MINOR;
        q->c[i] = (cand){r.rows[i].id, score, NULL, 0, NULL, 0, 0, 0};
    }
    if (n > 1)
        qsort(q->c, n, sizeof *q->c, cmp_cand);
    q->nc = n < want ? n : want;
out:
    free(r.tfs);
    free(r.rows);
    free(old.tfs);
    free(old.rows);
    return rc;
}

/* Run the candidate query with match (or filters only) and fill q->c. */
static int fetch(zs_query *q, const char *match, size_t want)
{
    sqlite3_stmt *st = NULL;
    int rc = 0;
    /* FTS5 computes bm25 for every matching row before it can return the
     * best ten, so a common word would cost time in proportion to the
     * corpus. Ranking is therefore done over the newest ZSQ_MAX_CANDIDATES
     * matching passages; below that many hits, as for most queries, every
     * match is ranked. --count stays exact. */
    size_t cap = want > ZSQ_MAX_CANDIDATES ? want : ZSQ_MAX_CANDIDATES;
    if (match)
        return fetch_match(q, match, want, cap);
    if ((rc = zsq_prepare_filtered(q, &st, 0, NULL,
                                   "SELECT p.id, 0.0, p.kind FROM passages p WHERE %s"
                                   " ORDER BY p.doc_id, p.seq LIMIT %zu",
                                   q->where, want)) != 0)
        return rc;
    q->nc = 0;
    free(q->c);
    q->c = malloc((want ? want : 1) * sizeof *q->c);
    if (!q->c) {
        rc = zsd_fail(q->db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW && q->nc < want)
        q->c[q->nc++] = (cand){sqlite3_column_int64(st, 0), 0.0, NULL, 0, NULL, 0, 0, 0};
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        rc = zsd_sqlite_fail(q->db, "running the query");
out:
    sqlite3_finalize(st);
    return rc;
}

static int count_rows(zs_query *q, const char *match, long long *out)
{
    sqlite3_stmt *st = NULL;
    int rc = match ? zsq_prepare_filtered(q, &st, 0, match,
                                          "SELECT count(*) FROM fts WHERE fts MATCH ?1 AND %s",
                                          q->where_fts)
                   : zsq_prepare_filtered(q, &st, 0, NULL,
                                          "SELECT count(*) FROM passages p WHERE %s", q->where);
    if (rc == 0) {
        if (sqlite3_step(st) == SQLITE_ROW)
            *out = sqlite3_column_int64(st, 0);
        else
            rc = zsd_sqlite_fail(q->db, "counting hits");
    }
    sqlite3_finalize(st);
    return rc;
}

int zsq_hit_order(int partial_a, int held_a, double score_a, long long id_a, int partial_b,
                  int held_b, double score_b, long long id_b)
{
    if (partial_a != partial_b)
        return partial_a - partial_b;
    if (held_a != held_b) /* partial ones: more of the words first */
        return held_a > held_b ? -1 : 1;
    if (score_a != score_b)
        return score_a > score_b ? -1 : 1;
    return id_a < id_b ? -1 : id_a > id_b;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    return zsq_hit_order(x->partial, x->held, x->score, x->id, y->partial, y->held, y->score,
                         y->id);
}

/* A candidate with the date of its first printing ("" unknown). */
typedef struct dated {
    cand c;
    char date[11];
} dated;

static int cmp_dated(const dated *x, const dated *y, int desc)
{
    if (x->c.partial != y->c.partial) /* whole matches first, in any order */
        return x->c.partial - y->c.partial;
    if (!x->date[0] != !y->date[0])
        return x->date[0] ? -1 : 1; /* undated last, either way */
    int c = strcmp(x->date, y->date);
    if (c)
        return desc ? -c : c;
    if (x->c.score != y->c.score)
        return x->c.score > y->c.score ? -1 : 1;
    return (x->c.id > y->c.id) - (x->c.id < y->c.id);
}

static int by_date(const void *a, const void *b)
{
    return cmp_dated(a, b, 0);
}

static int by_date_desc(const void *a, const void *b)
{
    return cmp_dated(a, b, 1);
}

/* --sort date / -date: the candidates by the date their passage was first
 * printed (its own document or any repeat's), best first within a day. */
static int sort_by_date(zs_query *q)
{
    sqlite3_stmt *st = NULL;
    dated *v = malloc((q->nc ? q->nc : 1) * sizeof *v);
    int rc;
    if (!v)
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    if ((rc = zsd_prepare(q->db, &st,
                          "SELECT min(d.date) FROM (SELECT doc_id FROM passages WHERE id = ?1"
                          " UNION ALL SELECT doc_id FROM passage_dups WHERE passage_id = ?1) x"
                          " JOIN docs d ON d.id = x.doc_id")) != 0) {
        free(v);
        return rc;
    }
    for (size_t i = 0; i < q->nc; i++) {
        v[i].c = q->c[i];
        v[i].date[0] = '\0';
        sqlite3_bind_int64(st, 1, q->c[i].id);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(v[i].date, sizeof v[i].date, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    if (q->nc > 1)
        qsort(v, q->nc, sizeof *v, q->sort == ZS_SORT_DATE_DESC ? by_date_desc : by_date);
    for (size_t i = 0; i < q->nc; i++)
        q->c[i] = v[i].c;
    free(v);
    return 0;
}

/*
 * Fewer passages hold every word than the page shows: after them, the best
 * passages holding some of the words (match_any), each marked partial, up
 * to want candidates in all. A query for a company and a metric then also
 * shows the passage that names the metric and calls the company 该集团.
 */
static int add_partial(zs_query *q, size_t want)
{
    cand *full = q->c;
    size_t nfull = q->nc;
    q->c = NULL;
    q->nc = 0;
    int rc = fetch(q, q->match_any, want + nfull);
    if (rc) {
        free(full);
        return rc;
    }
    cand *all = realloc(full, (want > nfull ? want : nfull) * sizeof *all + sizeof *all);
    if (!all) {
        free(full);
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    }
    size_t n = nfull;
    for (size_t i = 0; i < q->nc && n < want; i++) {
        size_t k = 0;
        while (k < nfull && all[k].id != q->c[i].id)
            k++;
        if (k < nfull)
            continue; /* holds every word: listed already */
        all[n] = q->c[i];
        all[n++].partial = 1;
    }
    free(q->c);
    q->c = all;
    q->nc = n;
    return 0;
}

/* Proximity: reward candidates whose terms stand close together. */
static int rerank(zs_query *q, zs_seg *seg)
{
    sqlite3_stmt *st = NULL;
    size_t nterms = zsh_terms_count(q->terms);
    int rc;
    if (nterms < 2 || !q->pq->has_text) {
        qsort(q->c, q->nc, sizeof *q->c, cmp_cand);
        return 0;
    }
    if ((rc = zsd_cached(q->db, &st, "SELECT zs_text(body) FROM passages WHERE id = ?")) != 0)
        return rc;
    size_t kept = 0;
    for (size_t i = 0; i < q->nc && !rc; i++) {
        sqlite3_bind_int64(st, 1, q->c[i].id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            zsh_match *m = NULL;
            size_t nm = 0, ntok = 0;
            const char *t = col_text(st, 0);
            size_t len = strlen(t);
            rc = zsh_find(seg, q->terms, t, len, &m, &nm, &ntok);
            size_t gap = zsh_gap(m, nm, nterms);
            if (gap != SIZE_MAX)
                q->c[i].score *= 1.0 + 1.0 / (1.0 + (double)gap / 4.0);
            if (q->c[i].partial)
                q->c[i].held = zsh_terms_held(q->terms, m, nm);
            /* Kept for the hit if it is shown; within a budget, since the
             * candidates are many when the limit is large. */
            if (!rc && len == (size_t)sqlite3_column_bytes(st, 0) &&
                kept + len <= RERANK_KEEP_BYTES && (q->c[i].text = malloc(len + 1))) {
                memcpy(q->c[i].text, t, len);
                q->c[i].text[len] = '\0';
                q->c[i].len = len;
                q->c[i].m = m;
                q->c[i].nm = nm;
                kept += len;
                m = NULL;
            }
            free(m);
        }
        sqlite3_reset(st);
    }
    zsd_release(q->db, st);
    qsort(q->c, q->nc, sizeof *q->c, cmp_cand);
    /* Only the hits zs_query_next will show keep what was read. */
    size_t from = q->offset < q->nc ? q->offset : q->nc;
    size_t to = q->offset + q->limit < q->nc ? q->offset + q->limit : q->nc;
    zsq_cands_drop(q->c, 0, from);
    zsq_cands_drop(q->c, to, q->nc);
    return rc;
}

void zsq_cands_drop(cand *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        free(c[i].text);
        free(c[i].m);
        c[i].text = NULL;
        c[i].m = NULL;
    }
}

void zsq_paging(const zs_query_opts *o, size_t *limit, size_t *offset, size_t *snippet_chars)
{
    *limit = o->limit ? o->limit : 10;
    if (*limit > ZS_MAX_LIMIT)
        *limit = ZS_MAX_LIMIT;
    *offset = o->offset > ZS_MAX_LIMIT ? ZS_MAX_LIMIT : o->offset;
    *snippet_chars = o->snippet_chars ? o->snippet_chars : 120;
}

int zs_query_open(zs_query **out, zs_db *db, const char *text, size_t n, const zs_query_opts *o)
{
    return zsq_query_open(out, db, text, n, o, 0);
}

static const struct zsi_gazetteer *gazetteer_of(void *db)
{
    return zsq_gazetteer(db);
}

static int query_open(zs_query **out, zs_db *db, const char *text, size_t n,
                      const zs_query_opts *o, int ids_only)
{
    zs_query_opts oc;
    zs_seg *seg = NULL;
    char err[256] = "";
    size_t off = 0;
    int rc;

    if (!out || !db || (!text && n))
        return ZS_EINVAL;
    *out = NULL;
    if (zsq_query_opts(o, &oc) != 0)
        return zsd_fail(db, ZS_EINVAL, "zs_query_opts: unknown version %u", o->version);
    o = &oc;
    if (o->sort < ZS_SORT_SCORE || o->sort > ZS_SORT_DATE_DESC)
        return zsd_fail(db, ZS_EINVAL, "zs_query_opts: unknown sort %d", o->sort);
    db->err[0] = '\0';
    db->err_off = 0;
    /* Cut another way than the index was, the query would miss passages
     * without a word (store/tokver.c). */
    if ((rc = zsd_tokver_refuse(db)) != 0)
        return rc;
    if ((rc = zsq_seg(db, &seg)) != 0)
        return rc;
    zs_query *q = calloc(1, sizeof *q);
    if (!q)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    q->db = db;
    zsq_paging(o, &q->limit, &q->offset, &q->snippet_chars);
    q->strict = o->strict;
    if ((rc = zsq_parse_query_lazy(seg, gazetteer_of, db, text ? text : "", n,
                              o->park || o->year || o->figure || o->date || o->source, &q->pq, err,
                              sizeof err, &off)) != 0) {
        db->err_off = off;
        zsd_fail(db, rc, "%s", err[0] ? err : zs_strerror(rc));
        goto fail;
    }
    if ((rc = zsq_merge_options(q, seg, o)) != 0)
        goto fail;
    if (!q->pq->has_text && !q->pq->nparks && !q->nextra && !q->pq->has_year &&
        q->pq->figure.op == ZSQ_FIG_NONE && !q->pq->has_date && !q->pq->nsources) {
        rc = zsd_fail(db, ZS_ESYNTAX, "query has no searchable text");
        goto fail;
    }
    if (q->pq->has_text) {
        if ((rc = zsh_terms_build(seg, q->pq, &q->terms)) != 0) {
            zsd_fail(db, rc, "%s", zs_seg_errmsg(seg));
            goto fail;
        }
    }
    zsq_park_values(q);
    if ((rc = zsq_build_where(q, "p.id", &q->where)) != 0 ||
        (rc = zsq_build_where(q, "+fts.rowid", &q->where_fts)) != 0)
        goto fail;
    size_t want = q->offset + q->limit + RERANK_EXTRA;
    q->sort = o->sort;
    if (q->sort != ZS_SORT_SCORE) /* every match (up to the ranking cap) is sorted */
        want = ZSQ_MAX_CANDIDATES > want ? ZSQ_MAX_CANDIDATES : want;
    if (q->pq->has_text) {
        if ((rc = zsq_column_filters(q, q->pq->match_all, &q->match_all)) != 0 ||
            (rc = zsq_column_filters(q, q->pq->match_any, &q->match_any)) != 0)
            goto fail;
        q->match = q->match_all;
        if ((rc = fetch(q, q->match, want)) != 0)
            goto fail;
        q->nfull = q->nc;
        /* A listing of figures (ids_only) takes partial matches only when
         * nothing holds every word, as it always did. */
        if (!q->strict && q->nc < q->offset + q->limit && (!ids_only || q->nc == 0) &&
            q->pq->nterms > 1 && q->pq->match_any[0] && (rc = add_partial(q, want)) != 0)
            goto fail;
        q->partial = q->nfull == 0 && q->nc > 0;
        /* Proximity only reorders: a caller that wants the set of ids
         * (zs_figures_open) is spared decompressing and segmenting each. */
        if (!ids_only && q->sort == ZS_SORT_SCORE && (rc = rerank(q, seg)) != 0)
            goto fail;
    } else {
        q->match = NULL;
        if ((rc = fetch(q, NULL, q->sort == ZS_SORT_SCORE ? q->offset + q->limit : want)) != 0)
            goto fail;
    }
    if (q->sort != ZS_SORT_SCORE && (rc = sort_by_date(q)) != 0)
        goto fail;
    q->next = q->offset;
    *out = q;
    return 0;
fail:
    zs_query_free(q);
    return rc;
}

int zsq_query_open(zs_query **out, zs_db *db, const char *text, size_t n, const zs_query_opts *o,
                   int ids_only)
{
    if (!out || !db || (!text && n))
        return ZS_EINVAL;
    int began = zsq_read_begin(db);
    int rc = query_open(out, db, text, n, o, ids_only);
    zsq_read_end(db, began);
    return rc;
}

int zs_query_count(zs_query *q, long long *count)
{
    if (!q || !count)
        return ZS_EINVAL;
    if (!q->counted) {
        int rc = count_rows(q, q->match, &q->count); /* match_all: whole matches only */
        if (rc)
            return rc;
        q->counted = 1;
    }
    *count = q->count;
    return 0;
}

int zsq_query_ids(const zs_query *q, sqlite3_int64 **ids, size_t *n)
{
    *ids = malloc((q->nc ? q->nc : 1) * sizeof **ids);
    *n = 0;
    if (!*ids)
        return ZS_ENOMEM;
    for (size_t i = 0; i < q->nc; i++)
        (*ids)[i] = q->c[i].id;
    *n = q->nc;
    return 0;
}
