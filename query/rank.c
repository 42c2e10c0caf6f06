/*
 * rank.c - ranking without a corpus-wide scan.
 *
 * FTS5's bm25() needs, for every phrase, the number of rows that contain it,
 * and gets it by walking the phrase's whole doclist: a common word such as
 * 高新区 costs time in proportion to the corpus before the first row is
 * ranked (50 ms on 200 MB of news). The auxiliary function zs_tf(fts) only
 * reads what FTS5 already has for the current row: the column-weighted hit
 * count of each phrase. search.c ranks the candidates (the newest
 * ZSQ_MAX_CANDIDATES matches, or all of them) with BM25 whose document
 * frequencies are counted over those candidates.
 *
 * Body lengths come from passages.len (zsq_rank_lengths, with the kinds),
 * and only for the best rows of a first pass without them: xColumnSize()
 * ran a statement per row, 2.4 of the 7 ms a query for 企业 took on 200 MB
 * of real text (and the index keeps no docsize now: columnsize=0).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "store_int.h"
#include "search_int.h"
#include "segment_int.h"

/* Column weights: body, park, year, figure (headline passages are weighted
 * by kind in search.c). */
static const double col_weight[] = {1.0, 0.2, 0.1, 0.1};

static void zs_tf(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                  sqlite3_value **val)
{
    double out[1 + ZSQ_RANK_MAX_PHRASES];
    int nphrase = api->xPhraseCount(fts);
    (void)nval;
    (void)val;
    if (nphrase > ZSQ_RANK_MAX_PHRASES)
        nphrase = ZSQ_RANK_MAX_PHRASES;
    memset(out, 0, sizeof out);
    out[0] = 0; /* the length: see zsq_rank_lengths() */
    /* Phrase by phrase, rather than through xInstCount()/xInst(): those
     * first merge every phrase's hits into one array sorted by position,
     * which a count does not need (half of this function's time). Each
     * phrase's hits come in the same order either way, so the sums are the
     * same to the last bit. */
    for (int p = 0; p < nphrase; p++) {
        Fts5PhraseIter it;
        int col, off;
        if (api->xPhraseFirst(fts, p, &it, &col, &off) != SQLITE_OK) {
            sqlite3_result_error(ctx, "zs_tf: cannot read the row's hits", -1);
            return;
        }
        for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off))
            if (col < 4)
                out[1 + p] += col_weight[col];
    }
    sqlite3_result_blob(ctx, out, (int)((1 + (size_t)nphrase) * sizeof(double)), SQLITE_TRANSIENT);
}

int zsq_rank_register(zs_db *db)
{
    if (db->rank_registered)
        return 0;
    fts5_api *api = zss_fts5_api(db->h);
    if (!api || api->xCreateFunction(api, "zs_tf", NULL, zs_tf, NULL) != SQLITE_OK)
        return zsd_fail(db, ZS_ESQLITE, "cannot register the zs_tf ranking function");
    db->rank_registered = 1;
    return 0;
}

static int by_score(const void *a, const void *b)
{
    const zsq_rank_row *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->id < y->id) - (x->id > y->id);
}

static void swap_rows(zsq_rank_row *a, zsq_rank_row *b)
{
    zsq_rank_row t = *a;
    *a = *b;
    *b = t;
}

/* Put the best k of rows[0..n) (by_score, a total order) first, in no
 * particular order: quickselect, median of three. The second pass ranks
 * only those, and the caller sorts what it keeps, so sorting all n (2,000
 * for a common word) was work thrown away. */
static void select_best(zsq_rank_row *rows, size_t n, size_t k)
{
    size_t lo = 0, hi = n; /* the k-th best lies in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2, last = hi - 1;
        if (by_score(&rows[mid], &rows[lo]) < 0)
            swap_rows(&rows[mid], &rows[lo]);
        if (by_score(&rows[last], &rows[lo]) < 0)
            swap_rows(&rows[last], &rows[lo]);
        if (by_score(&rows[last], &rows[mid]) < 0)
            swap_rows(&rows[last], &rows[mid]);
        swap_rows(&rows[mid], &rows[last]); /* the median is the pivot */
        size_t store = lo;
        for (size_t i = lo; i < last; i++)
            if (by_score(&rows[i], &rows[last]) < 0)
                swap_rows(&rows[i], &rows[store++]);
        swap_rows(&rows[store], &rows[last]);
        if (store == k || store + 1 == k)
            return;
        if (store > k)
            hi = store;
        else
            lo = store + 1;
    }
}

/* BM25 of rows[0..n) with idf from df over ndocs; len 0 means "no length
 * normalization" (every row at the average). */
static void bm25(zsq_rank_row *rows, size_t n, size_t nphrase, const double *df, size_t ndocs,
                 int use_len)
{
    const double k1 = 1.2, b = 0.75;
    double avg = 0;
    for (size_t i = 0; i < n; i++)
        avg += rows[i].len;
    avg = n ? avg / (double)n : 1;
    if (avg <= 0)
        avg = 1;
    for (size_t i = 0; i < n; i++) {
        double s = 0, norm = use_len ? k1 * (1 - b + b * rows[i].len / avg) : k1;
        for (size_t p = 0; p < nphrase && p < rows[i].nphrase; p++) {
            double tf = rows[i].tf[p];
            if (tf <= 0)
                continue;
            double idf = log(((double)ndocs - df[p] + 0.5) / (df[p] + 0.5) + 1.0);
            s += idf * tf * (k1 + 1) / (tf + norm);
        }
        rows[i].score = s;
    }
}

int zsq_rank(struct zs_db *db, zsq_rank_row *rows, size_t n, size_t nphrase, size_t keep,
             size_t *nkept)
{
    double df[ZSQ_RANK_MAX_PHRASES] = {0};
    int rc;
    *nkept = 0;
    if (!n)
        return 0;
    if (nphrase > ZSQ_RANK_MAX_PHRASES)
        nphrase = ZSQ_RANK_MAX_PHRASES;
    for (size_t i = 0; i < n; i++)
        for (size_t p = 0; p < nphrase && p < rows[i].nphrase; p++)
            df[p] += rows[i].tf[p] > 0;
    /* Stage 1 without lengths, then lengths for the best keep only: reading
     * a length costs a lookup per row (see the top of this file). */
    size_t m = n;
    if (n > keep) {
        bm25(rows, n, nphrase, df, n, 0);
        select_best(rows, n, keep);
        m = keep;
    }
    if ((rc = zsq_rank_lengths(db, rows, m)) != 0)
        return rc;
    bm25(rows, m, nphrase, df, n, 1);
    *nkept = m;
    return 0;
}

int zsq_rank_lengths(zs_db *db, zsq_rank_row *rows, size_t n)
{
    sqlite3_stmt *st = NULL;
    int rc;
    int desc = 1;
    if (!n)
        return 0;
    for (size_t k = 1; k < n && desc; k++)
        desc = rows[k].id < rows[k - 1].id;
    sqlite3_int64 hi = rows[0].id, lo = rows[n - 1].id;
    /* Candidates of a common word are dense in rowid: read the range once.
     * Sparse ones (a rare word across the whole corpus): one lookup each. */
    int range = desc && (double)(hi - lo) < 2.0 * (double)n;
    rc = zsd_cached(db, &st,
                     range ? "SELECT id, len, kind FROM passages WHERE id BETWEEN ?1 AND ?2"
                             " ORDER BY id DESC"
                           : "SELECT id, len, kind FROM passages WHERE id = ?1");
    if (rc)
        return rc;
    size_t i = 0;
    if (range) {
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
        while (i < n && sqlite3_step(st) == SQLITE_ROW) {
            sqlite3_int64 id = sqlite3_column_int64(st, 0);
            while (i < n && rows[i].id > id)
                i++;
            if (i < n && rows[i].id == id) {
                rows[i].len = sqlite3_column_double(st, 1);
                rows[i++].kind = sqlite3_column_int(st, 2);
            }
        }
    } else {
        for (; i < n; i++) {
            sqlite3_bind_int64(st, 1, rows[i].id);
            if (sqlite3_step(st) == SQLITE_ROW) {
                rows[i].len = sqlite3_column_double(st, 1);
                rows[i].kind = sqlite3_column_int(st, 2);
            }
            sqlite3_reset(st);
        }
    }
    zsd_release(db, st);
    return 0;
}
