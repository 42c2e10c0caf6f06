/*
 * stmtcache.c - statements a connection prepares once and keeps.
 *
 * A query shows ten hits and read each with four statements (the passage,
 * its figures, its own place and its repeats), each prepared and finalized
 * per hit: preparing was a fifth of the instructions of a query for 高新区
 * (callgrind: 7.4 M of 37 M). zsd_cached() hands out the statement kept for
 * the same SQL text, reset and with its bindings cleared; zsd_release()
 * resets it (so that no read transaction stays open between uses) and keeps
 * it. The SQL may be built at run time (a query's filters): the cache holds
 * the last ZSD_CACHED_STMTS distinct texts and evicts the one used longest
 * ago.
 *
 * A statement is handed out to one user at a time: a caller that asks for
 * SQL whose statement is in use (a nested use) gets a freshly prepared one,
 * which zsd_release() finalizes. Invariant: every cached statement is reset
 * whenever it is not in use.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

struct zsd_stmt_cache {
    struct {
        char *sql;
        sqlite3_stmt *st;
        unsigned long used; /* tick of the last zsd_cached(); 0 = empty slot */
        int busy;
    } e[ZSD_CACHED_STMTS];
    unsigned long tick;
};

int zsd_cached(zs_db *db, sqlite3_stmt **st, const char *sql)
{
    struct zsd_stmt_cache *c = db->stmts;
    *st = NULL;
    if (!c && (c = db->stmts = calloc(1, sizeof *c)) == NULL)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    size_t victim = 0;
    for (size_t i = 0; i < ZSD_CACHED_STMTS; i++) {
        if (c->e[i].used && strcmp(c->e[i].sql, sql) == 0) {
            if (c->e[i].busy) /* nested use: a statement of its own */
                return zsd_prepare(db, st, sql);
            c->e[i].busy = 1;
            c->e[i].used = ++c->tick;
            *st = c->e[i].st;
            return 0;
        }
        if (!c->e[i].busy && (c->e[victim].busy || c->e[i].used < c->e[victim].used))
            victim = i;
    }
    if (c->e[victim].busy) /* every slot in use */
        return zsd_prepare(db, st, sql);
    sqlite3_stmt *s = NULL;
    char *copy = strdup(sql);
    if (!copy)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
        free(copy);
        sqlite3_finalize(s);
        return zsd_sqlite_fail(db, "preparing a statement");
    }
    sqlite3_finalize(c->e[victim].st);
    free(c->e[victim].sql);
    c->e[victim].sql = copy;
    c->e[victim].st = s;
    c->e[victim].used = ++c->tick;
    c->e[victim].busy = 1;
    *st = s;
    return 0;
}

void zsd_release(zs_db *db, sqlite3_stmt *st)
{
    struct zsd_stmt_cache *c = db->stmts;
    if (!st)
        return;
    for (size_t i = 0; c && i < ZSD_CACHED_STMTS; i++) {
        if (c->e[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            c->e[i].busy = 0;
            return;
        }
    }
    sqlite3_finalize(st);
}

void zsd_cache_free(zs_db *db)
{
    struct zsd_stmt_cache *c = db->stmts;
    if (!c)
        return;
    for (size_t i = 0; i < ZSD_CACHED_STMTS; i++) {
        sqlite3_finalize(c->e[i].st);
        free(c->e[i].sql);
    }
    free(c);
    db->stmts = NULL;
}
