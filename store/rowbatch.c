/*
 * rowbatch.c - rows of one table inserted several to a statement.
 *
 * The writer inserted one row per statement: each zone, year and figure of
 * a passage, and each new string. A statement's run costs about as much
 * again as a small row it inserts (callgrind, 1,938 news articles: 3,400
 * instructions per row of the former passage_rank, 7,500 per new string,
 * of which sqlite3VdbeHalt alone was 640). Rows wait here, values copied (text borrowed), and go in as
 * INSERT ... VALUES(...),(...),... of 64, 32, ..., 1 rows: at most
 * ZSD_ROWBATCH_SIZES statements per table, each prepared once. The rows go
 * in the order they were added, so a table ends as with one row per
 * statement (INSERT OR IGNORE keeps the first of two equal keys either way).
 *
 * Only INSERT OR IGNORE: a statement of several rows that may abort midway
 * (a constraint with ABORT) opens a statement savepoint, and FTS5 flushes
 * its pending terms to a new segment at every savepoint: with plain INSERT
 * the writer took 4.6 G instructions, not 1.6 G, for those 2,000 articles.
 *
 * Invariant: the writer flushes every batch before anything reads its
 * table (at the end of each file, zsd_write_job()) and before a commit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

int zsd_rowbatch_open(zsd_rowbatch *b, zs_db *db, const char *head, int ncols)
{
    memset(b, 0, sizeof *b);
    b->db = db;
    b->head = head;
    b->ncols = ncols;
    b->cap = ZSD_ROWBATCH_MAX;
    b->v = calloc((size_t)ncols * b->cap, sizeof *b->v);
    return b->v ? 0 : zsd_fail(db, ZS_ENOMEM, "out of memory");
}

void zsd_rowbatch_close(zsd_rowbatch *b)
{
    for (int k = 0; k < ZSD_ROWBATCH_SIZES; k++)
        sqlite3_finalize(b->st[k]);
    free(b->v);
    memset(b, 0, sizeof *b);
}

/* The statement for 2^k rows, prepared on first use. */
static int statement(zsd_rowbatch *b, int k, sqlite3_stmt **out)
{
    if (b->st[k]) {
        *out = b->st[k];
        return 0;
    }
    size_t rows = (size_t)1 << k, per = (size_t)b->ncols * 2 + 2;
    size_t cap = strlen(b->head) + rows * (per + 1) + 1;
    char *sql = malloc(cap), *p = sql;
    if (!sql)
        return zsd_fail(b->db, ZS_ENOMEM, "out of memory");
    p += snprintf(p, cap, "%s", b->head);
    for (size_t r = 0; r < rows; r++) {
        *p++ = r ? ',' : ' ';
        *p++ = '(';
        for (int c = 0; c < b->ncols; c++) {
            if (c)
                *p++ = ',';
            *p++ = '?';
        }
        *p++ = ')';
    }
    *p = '\0';
    int rc = zsd_prepare(b->db, &b->st[k], sql);
    free(sql);
    *out = b->st[k];
    return rc;
}

static void bind(sqlite3_stmt *st, int i, const zsd_val *v)
{
    switch (v->type) {
    case SQLITE_INTEGER: sqlite3_bind_int64(st, i, v->i); break;
    case SQLITE_FLOAT: sqlite3_bind_double(st, i, v->d); break;
    case SQLITE_TEXT: sqlite3_bind_text(st, i, v->t, v->n, SQLITE_STATIC); break;
    default: sqlite3_bind_null(st, i); break;
    }
}

int zsd_rowbatch_flush(zsd_rowbatch *b, const char *what)
{
    size_t done = 0;
    int rc = 0;
    while (done < b->n && !rc) {
        int k = b->single ? 0 : ZSD_ROWBATCH_SIZES - 1;
        while (((size_t)1 << k) > b->n - done)
            k--;
        sqlite3_stmt *st = NULL;
        if ((rc = statement(b, k, &st)) != 0)
            break;
        size_t rows = (size_t)1 << k;
        const zsd_val *v = &b->v[done * (size_t)b->ncols];
        for (size_t i = 0; i < rows * (size_t)b->ncols; i++)
            bind(st, (int)i + 1, &v[i]);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = zsd_sqlite_fail(b->db, what);
        done += rows;
    }
    b->n = 0;
    return rc;
}

zsd_val *zsd_rowbatch_add(zsd_rowbatch *b, const char *what, int *rc)
{
    *rc = 0;
    if (b->n == b->cap && (*rc = zsd_rowbatch_flush(b, what)) != 0)
        return NULL;
    return &b->v[b->n++ * (size_t)b->ncols];
}
