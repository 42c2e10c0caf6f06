/*
 * rank.c - ranking without a corpus-wide scan.
 *
 * FTS5's bm25() needs, for every phrase, the number of rows that contain it,
 * and gets it by walking the phrase's whole doclist: a common word such as
 * 高新区 costs time in proportion to the corpus before the first row is
 * ranked (50 ms on 200 MB of news). The auxiliary function zs_tf(fts) only
 * reads what FTS5 already has for the current row: the column-weighted hit
 * count of each phrase and the body length. search.c ranks the candidates
 * (the newest ZSQ_MAX_CANDIDATES matches, or all of them) with BM25 whose
 * document frequencies are counted over those candidates.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "db_int.h"
#include "search_int.h"
#include "segment_int.h"

/* Column weights: body, park, year, figure (headline passages are weighted
 * by kind in search.c). */
static const double col_weight[] = {1.0, 0.2, 0.1, 0.1};

static void zs_tf(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                  sqlite3_value **val)
{
    double out[1 + ZSQ_RANK_MAX_PHRASES];
    int nphrase = api->xPhraseCount(fts), ninst = 0, len = 0;
    (void)nval;
    (void)val;
    if (nphrase > ZSQ_RANK_MAX_PHRASES)
        nphrase = ZSQ_RANK_MAX_PHRASES;
    memset(out, 0, sizeof out);
    if (api->xInstCount(fts, &ninst) != SQLITE_OK || api->xColumnSize(fts, 0, &len) != SQLITE_OK) {
        sqlite3_result_error(ctx, "zs_tf: cannot read the row's hits", -1);
        return;
    }
    out[0] = len;
    for (int i = 0; i < ninst; i++) {
        int phrase, col, off;
        if (api->xInst(fts, i, &phrase, &col, &off) != SQLITE_OK)
            break;
        if (phrase < nphrase && col >= 0 && col < 4)
            out[1 + phrase] += col_weight[col];
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

void zsq_rank_bm25(zsq_rank_row *rows, size_t n, size_t nphrase)
{
    const double k1 = 1.2, b = 0.75;
    double avg = 0, df[ZSQ_RANK_MAX_PHRASES] = {0};
    if (!n)
        return;
    if (nphrase > ZSQ_RANK_MAX_PHRASES)
        nphrase = ZSQ_RANK_MAX_PHRASES;
    for (size_t i = 0; i < n; i++) {
        avg += rows[i].len;
        for (size_t p = 0; p < nphrase && p < rows[i].nphrase; p++)
            df[p] += rows[i].tf[p] > 0;
    }
    avg = avg / (double)n;
    if (avg <= 0)
        avg = 1;
    for (size_t i = 0; i < n; i++) {
        double s = 0, norm = k1 * (1 - b + b * rows[i].len / avg);
        for (size_t p = 0; p < nphrase && p < rows[i].nphrase; p++) {
            double tf = rows[i].tf[p];
            if (tf <= 0)
                continue;
            double idf = log(((double)n - df[p] + 0.5) / (df[p] + 0.5) + 1.0);
            s += idf * tf * (k1 + 1) / (tf + norm);
        }
        rows[i].score = s;
    }
}
