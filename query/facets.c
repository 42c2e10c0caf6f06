/*
 * facets.c - zs_query_facets: how a query's matches spread over zones,
 * years, outlets and months, for filters that show what they would leave.
 *
 * Counts run over every matching passage (the set zs_query_count counts,
 * not only the ranked window), in one statement: the matches are
 * materialized once and grouped four ways. A passage printed in several
 * documents counts once, under the document that printed it first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "query_int.h"
#include "search_int.h"

int zs_query_facets(zs_query *q, zs_facet_fn fn, void *ctx)
{
    if (!q || !fn)
        return ZS_EINVAL;
    if (q->reader)
        return zsd_fail(q->db, ZS_EINVAL, "facets of a document being read are not counted");
    /* zones and outlets most passages first, years and months in order */
    static const char tail[] =
        ") SELECT f, v, n FROM ("
        " SELECT 1 AS f, park AS v, count(*) AS n FROM passage_parks"
        "  WHERE passage_id IN h GROUP BY park"
        " UNION ALL SELECT 2, year, count(*) FROM passage_years"
        "  WHERE passage_id IN h AND span = 0 GROUP BY year"
        " UNION ALL SELECT 3, d.source, count(*) FROM h JOIN passages p ON p.id = h.id"
        "  JOIN docs d ON d.id = p.doc_id WHERE d.source <> '' GROUP BY d.source"
        " UNION ALL SELECT 4, substr(d.date, 1, 7), count(*) FROM h JOIN passages p ON p.id = h.id"
        "  JOIN docs d ON d.id = p.doc_id WHERE d.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
        "  GROUP BY 2)"
        " ORDER BY f, CASE WHEN f IN (1, 3) THEN -n END, v";
    const char *match = q->match;
    sqlite3_stmt *st = NULL;
    int rc =
        match ? zsq_prepare_filtered(
                    q, &st, 0, match,
                    "WITH h(id) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?1 AND %s%s",
                    q->where_fts, tail)
              : zsq_prepare_filtered(
                    q, &st, 0, NULL,
                    "WITH h(id) AS MATERIALIZED (SELECT p.id FROM passages p WHERE %s%s", q->where,
                    tail);
    if (rc)
        return rc;
    static const char *const fields[] = {"", "park", "year", "outlet", "month"};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int f = sqlite3_column_int(st, 0);
        zs_facet x = {fields[f >= 1 && f <= 4 ? f : 0], col_text(st, 1),
                      sqlite3_column_int64(st, 2)};
        if ((rc = fn(ctx, &x)) != 0) {
            sqlite3_finalize(st);
            return rc;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : zsd_sqlite_fail(q->db, "counting facets");
}
