/*
 * test_plan.c - the look-ups of a document by its path use docs_path_key.
 *
 * A look-up that scans docs still answers right, so no other test sees it
 * fail: it only makes every index run quadratic in the number of documents
 * (the bench's re-index of 1% of realnews-dev went from 2.0 x to 11.8 x a
 * fresh build when SQLite's constant propagation stopped matching the
 * index's expression), and an UPDATE or DELETE that SQLite thinks may change
 * several rows makes FTS5 flush its pending terms (7.6 x). So this test asks
 * SQLite for the plan of each shape of statement the store runs with
 * ZSD_DOC_BY_PATH or ZSD_DOC_ROW_BY_PATH, and runs each write beside
 * pending FTS5 terms, on a new index and on one moved on from schema 12.
 * The same for the look-ups of a string by its text (ZSD_STRING_BY_TEXT,
 * strings_key), on a new index and on one moved on from schema 14.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../tap.h"
#include "store_int.h"

/* The statements of writer.c, index.c, reextract.c and query/locate.c
 * that find a document by its path, by their shape. */
static const char *const reads[] = {
    "SELECT id FROM docs WHERE " ZSD_DOC_BY_PATH(1),
    "SELECT given, date, source, page, date_from FROM docs WHERE " ZSD_DOC_BY_PATH(1),
};
/* strings.c's, query/where.c's and query/figures.c's look-ups of a string. */
static const char *const string_reads[] = {
    "SELECT id FROM strings WHERE " ZSD_STRING_BY_TEXT("?1"),
    "SELECT count(*) FROM figure_rows WHERE class = (SELECT id FROM strings WHERE "
    ZSD_STRING_BY_TEXT(":fc") ")",
};
/* The writes: writer.c's sets the file's stat columns, which its writer
 * adds, so another column stands in for them here. */
static const char *const writes[] = {
    "DELETE FROM docs WHERE " ZSD_DOC_ROW_BY_PATH(1) " RETURNING id",
    "DELETE FROM docs WHERE " ZSD_DOC_ROW_BY_PATH(1),
    "UPDATE docs SET indexed_at=?1 WHERE " ZSD_DOC_ROW_BY_PATH(5) " AND size=?6",
};

/* How many rows FTS5 wrote to fts_data while sql ran in a transaction that
 * holds pending terms: more than 0 when the statement ran in a statement
 * transaction, at whose start FTS5 flushes them to a new segment. -1 on an
 * error. */
static int flushed_by(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int before = -1, after = -1;
    const char *count = "SELECT count(*) FROM fts_data";
    if (sqlite3_exec(h,
                     "BEGIN; INSERT INTO fts(rowid, body, park, year, figure)"
                     " VALUES(4242, '园区签约项目', '', '', '')",
                     NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_prepare_v2(h, count, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        before = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++)
            sqlite3_bind_text(st, i, "/no/such/file.txt", -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW)
            ;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(h, count, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        after = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    return before < 0 || after < 0 ? -1 : after - before;
}

/* 1 when every step of the plan of sql that reads table searches it by
 * the index key. */
static int uses_index(sqlite3 *h, const char *sql, const char *key, const char *table, char *plan,
                      size_t cap)
{
    char keyed_by[64], scan[64];
    snprintf(keyed_by, sizeof keyed_by, "USING INDEX %s", key);
    snprintf(scan, sizeof scan, "SCAN %s", table);
    char q[512];
    sqlite3_stmt *st = NULL;
    int keyed = 0, scans = 0;
    snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
    plan[0] = '\0';
    if (sqlite3_prepare_v2(h, q, -1, &st, NULL) != SQLITE_OK) {
        snprintf(plan, cap, "cannot prepare: %s", sqlite3_errmsg(h));
        return 0;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(st, 3);
        size_t n = strlen(plan);
        snprintf(plan + n, cap - n, "%s%s", n ? "; " : "", d ? d : "");
        if (d && strstr(d, keyed_by))
            keyed = 1;
        if (d && strncmp(d, scan, strlen(scan)) == 0)
            scans = 1;
    }
    sqlite3_finalize(st);
    return keyed && !scans;
}

/* 1 when every step of the plan of sql searches docs by docs_path_key. */
static int uses_key(sqlite3 *h, const char *sql, char *plan, size_t cap)
{
    return uses_index(h, sql, "docs_path_key", "docs", plan, cap);
}

static void check_string_plans(zs_db *db, const char *which)
{
    char plan[1024];
    for (size_t i = 0; i < sizeof string_reads / sizeof *string_reads; i++)
        if (!tap_ok(uses_index(db->h, string_reads[i], "strings_key", "strings", plan, sizeof plan),
                    "%s: %.40s... uses strings_key", which, string_reads[i]))
            printf("#   plan: %s\n", plan);
    /* A string added beside strings_key, as strings.c adds it then: one row
     * a statement (two would open a statement transaction: db.c). */
    int n = flushed_by(db->h, "INSERT OR IGNORE INTO strings(id, s) VALUES(424242, ?1)");
    if (!tap_ok(n == 0, "%s: a string added leaves FTS5's pending terms pending", which))
        printf("#   rows written to fts_data: %d\n", n);
}

static void check_plans(zs_db *db, const char *which)
{
    char plan[1024];
    for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
        if (!tap_ok(uses_key(db->h, reads[i], plan, sizeof plan), "%s: %.40s... uses docs_path_key",
                    which, reads[i]))
            printf("#   plan: %s\n", plan);
    for (size_t i = 0; i < sizeof writes / sizeof *writes; i++) {
        if (!tap_ok(uses_key(db->h, writes[i], plan, sizeof plan),
                    "%s: %.40s... uses docs_path_key", which, writes[i]))
            printf("#   plan: %s\n", plan);
        /* A DELETE ... RETURNING runs in a statement transaction whatever
         * its WHERE, with schema 12's UNIQUE path too; prune() and
         * zs_index_remove() run one at the end of a run or alone. */
        if (strstr(writes[i], "RETURNING"))
            continue;
        int n = flushed_by(db->h, writes[i]);
        if (!tap_ok(n == 0, "%s: %.40s... leaves FTS5's pending terms pending", which, writes[i]))
            printf("#   rows written to fts_data: %d\n", n);
    }
}

int main(void)
{
    char dir[] = "/tmp/zs-plan-XXXXXX", path[64];
    zs_open_opts rw = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_db *db = NULL;
    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof path, "%s/plan.db", dir);

    if (!tap_ok(zs_db_open(&db, path, &rw) == 0, "a new index opens")) {
        printf("#   %s\n", zs_errmsg(db));
        return tap_done();
    }
    check_plans(db, "new index");
    check_string_plans(db, "new index");

    /* Schema 12 had no docs_path_key: a writer that opens such an index
     * adds it. */
    tap_ok(sqlite3_exec(db->h,
                        "DROP INDEX docs_path_key;"
                        " UPDATE meta SET value = '12' WHERE key = 'schema_version'",
                        NULL, NULL, NULL) == SQLITE_OK,
           "made into schema 12");
    zs_db_close(db);
    db = NULL;
    if (tap_ok(zs_db_open(&db, path, &rw) == 0, "a schema 12 index opens for writing"))
        check_plans(db, "moved from schema 12");
    else
        printf("#   %s\n", zs_errmsg(db));

    /* Schema 14 had no strings_key but a UNIQUE index of strings.s, which
     * the + of ZSD_STRING_BY_TEXT keeps SQLite from using: a writer that
     * opens such an index adds strings_key. */
    tap_ok(sqlite3_exec(db->h,
                        "DROP INDEX strings_key; CREATE UNIQUE INDEX strings_s ON strings(s);"
                        " UPDATE meta SET value = '14' WHERE key = 'schema_version'",
                        NULL, NULL, NULL) == SQLITE_OK,
           "made into schema 14");
    zs_db_close(db);
    db = NULL;
    if (tap_ok(zs_db_open(&db, path, &rw) == 0, "a schema 14 index opens for writing"))
        check_string_plans(db, "moved from schema 14");
    else
        printf("#   %s\n", zs_errmsg(db));
    zs_db_close(db);

    tap_remove_index(path);
    rmdir(dir);
    return tap_done();
}
