/*
 * compact.c - the end of a first build: the tables whose pages it left part
 * empty, written again full, in the build's last transaction.
 *
 * SQLite splits a full page of a WITHOUT ROWID table evenly, even when rows
 * come in key order (figure_rows), and rows that come in no order
 * (passage_years by year, passage_parks by zone) leave pages fuller or
 * emptier at random. A first build of realnews-dev left figure_rows 12.4%
 * empty (591 pages of 8 KiB, 521 full) and passage_years 14.9% (72, 63).
 * INSERT INTO t SELECT * FROM u, with t empty and of u's shape, copies the
 * records as they are through a cursor that fills each page before the next
 * (SQLite's transfer optimization, what VACUUM does). So each table is
 * copied into a TEMP table of its shape and back: the DELETE frees its pages
 * into the free list, the copy back takes them again full, and the pages it
 * no longer needs go to the late indexes made next (index.c), which take
 * more than that (realnews-dev: 577 pages).
 *
 * It was a VACUUM INTO a copy renamed over the index (sessions 17-23):
 * every page read and written again, 0.7-0.9 s of a 5 s build with its
 * syncs, serial, for 84 pages (0.69 MB of 84) of which these tables held
 * 80. The copy's stale file of an older version's killed build still goes
 * at a writer's open (zsd_compact_forget()).
 *
 * Kill safety is the transaction's: killed before its COMMIT, the index is
 * the last commit's, and the next run goes on from there.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"

/* The tables a first build leaves part empty; WITHOUT ROWID, with no
 * index of their own at this point (theirs are late indexes), so that the
 * transfer optimization applies. A table that has one is copied all the
 * same, row by row: the same rows, not packed. */
static const char *const repacked[] = {"figure_rows", "passage_years", "passage_parks",
                                       "park_aliases"};

/* The TEMP copy's name. */
#define COPY "zs_repack"

void zsd_compact_forget(zs_db *db)
{
    char copy[PATH_MAX];
    if ((size_t)snprintf(copy, sizeof copy, "%s" ZSD_COMPACT_SUFFIX, db->path) >= sizeof copy)
        return;
    unlink(copy);
    /* SQLite 3.40 wrote the copy with a rollback journal of its own */
    size_t n = strlen(copy);
    if (n + sizeof "-journal" <= sizeof copy) {
        memcpy(copy + n, "-journal", sizeof "-journal");
        unlink(copy);
    }
}

/* CREATE TEMP TABLE COPY with table's columns and key, from its own CREATE
 * statement (an older index's table is copied as it is). 0, 1 when the
 * table is not there, or an error. */
static int create_copy(zs_db *db, const char *table)
{
    sqlite3_stmt *st = NULL;
    int rc =
        zsd_prepare(db, &st, "SELECT sql FROM main.sqlite_master WHERE type='table' AND name=?");
    if (rc)
        return rc;
    int step = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    if (step == SQLITE_OK)
        step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *sql = (const char *)sqlite3_column_text(st, 0);
        const char *cols = sql ? strchr(sql, '(') : NULL;
        char *make = cols ? sqlite3_mprintf("CREATE TEMP TABLE " COPY "%s", cols) : NULL;
        rc = !cols ? 1 : !make ? zsd_fail(db, ZS_ENOMEM, "out of memory") : zsd_exec(db, make);
        sqlite3_free(make);
    } else {
        /* no row: the table is not there; anything else is the schema
         * unreadable, which the repack must not pass over as "not there" */
        rc = step == SQLITE_DONE ? 1 : zsd_sqlite_fail(db, "reading a table's schema to repack it");
    }
    sqlite3_finalize(st);
    return rc;
}

/* table copied out to COPY and back: its pages full. 0 or an error. */
static int repack(zs_db *db, const char *table)
{
    int rc = create_copy(db, table);
    if (rc)
        return rc == 1 ? 0 : rc;
    char *sql = sqlite3_mprintf("INSERT INTO temp." COPY " SELECT * FROM main.\"%w\";"
                                " DELETE FROM main.\"%w\";"
                                " INSERT INTO main.\"%w\" SELECT * FROM temp." COPY ";",
                                table, table, table);
    rc = sql ? zsd_exec(db, sql) : zsd_fail(db, ZS_ENOMEM, "out of memory");
    sqlite3_free(sql);
    int drop = zsd_exec(db, "DROP TABLE temp." COPY);
    return rc ? rc : drop;
}

int zsd_compact(zs_db *db)
{
    int rc = 0;
    /* The copy stays in memory: the TEMP database's default 2 MB cache
     * would spill figure_rows' 4.3 MB to a file. */
    if ((rc = zsd_exec(db, "DROP TABLE IF EXISTS temp." COPY ";"
                           " PRAGMA temp.cache_size=" ZSD_WRITER_CACHE)) != 0)
        return rc;
    for (size_t i = 0; i < sizeof repacked / sizeof *repacked && !rc; i++)
        rc = repack(db, repacked[i]);
    int small = zsd_exec(db, "PRAGMA temp.cache_size=" ZSD_SMALL_CACHE);
    return rc ? rc : small;
}
