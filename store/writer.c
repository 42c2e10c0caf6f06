/*
 * writer.c - the single writer: one prepared file at a time, in input order,
 * into the document, passage, FTS5, figure, zone and year tables. The FTS5
 * tokenizer replays the worker's tokens (zss_pretok) instead of running ICU
 * again.
 *
 * Duplicates. A passage whose text is already stored (same hash and text,
 * in this or another document) is not indexed again; its place is kept in
 * passage_dups. When the owning document goes away, a remembered place is
 * promoted to owner (zsd_remove_doc_rows), so no text is lost.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "pipeline_int.h"

/* A figure row's interned strings: unit, class, metric, metric as printed,
 * zone (strings.c). */
#define FIGURE_STRINGS 5

void zsd_writer_close(writer *w)
{
    sqlite3_stmt **all[] = {&w->doc_find, &w->doc_ins, &w->doc_upd, &w->p_ins,    &w->p_find,
                            &w->p_same,   &w->dup_ins, &w->fts_ins, &w->alias_ins};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        sqlite3_finalize(*all[i]);
        *all[i] = NULL;
    }
    zsd_rowbatch *batches[] = {&w->fig_b, &w->park_b, &w->year_b};
    for (size_t i = 0; i < sizeof batches / sizeof batches[0]; i++)
        zsd_rowbatch_close(batches[i]);
    zsd_strings_free(w->str);
    w->str = NULL;
    zsd_packer_free(w->pack);
    w->pack = NULL;
    zsd_seen_free(w->seen);
    w->seen = NULL;
    zsd_seen_free(w->seen_late);
    w->seen_late = NULL;
    zsd_repeats_free(w->rep);
    w->rep = NULL;
    zsd_fts_pending_free(&w->gone);
    zs_seg_free(w->wk.seg);
    w->wk.seg = NULL;
}

int zsd_writer_open(writer *w, zs_db *db)
{
    int rc;
    w->db = db;
    if ((rc = zsd_prepare(db, &w->doc_find, "SELECT id FROM docs WHERE " ZSD_DOC_BY_PATH(1))) ||
        (rc = zsd_prepare(db, &w->doc_ins,
                          "INSERT INTO docs(path, hash, size, year, park, date, source,"
                          " indexed_at, page, given, date_from, mtime_ns, ctime_ns, ino, dev)"
                          " VALUES(?,?,?,?,?,?,?,strftime('%s','now'),?8,?9,?10,?11,?12,?13,"
                          "?14)")) ||
        (rc = zsd_prepare(db, &w->doc_upd,
                          "UPDATE docs SET hash=?2, size=?3, year=?4, park=?5, date=?6,"
                          " source=?7, indexed_at=strftime('%s','now'), page=?8, given=?9,"
                          " date_from=?10, mtime_ns=?11, ctime_ns=?12, ino=?13, dev=?14"
                          " WHERE id=?1")) ||
        (rc = zsd_prepare(db, &w->p_ins,
                          "INSERT INTO passages(doc_id, seq, kind, start, end, hash, body, park,"
                          " year, figure, line, col, len) VALUES(?,?,?,?,?,0,?,?,?,?,?,?,?)")) ||
        (rc = zsd_prepare(db, &w->p_find,
                          "SELECT id FROM passages WHERE zs_body_key(body)=? AND zs_text(body)=?")) ||
        (rc = zsd_prepare(db, &w->dup_ins,
                          "INSERT INTO passage_dups(passage_id, doc_id, seq, start, end,"
                          " line, col) VALUES(?,?,?,?,?,?,?)")) ||
        (rc = zsd_prepare(db, &w->fts_ins,
                          "INSERT INTO fts(rowid, body, park, year, figure) VALUES(?,?,?,?,?)")) ||
        (rc = zsd_rowbatch_open(&w->fig_b, db,
                                "INSERT OR IGNORE INTO figure_rows(passage_id, start, len, value,"
                                " value_hi, unit, class, hedge, metric, metric_raw, park, year,"
                                " line, metric_at, metric_at2) VALUES",
                                15)) ||
        (rc = zsd_rowbatch_open(&w->park_b, db, "INSERT OR IGNORE INTO passage_parks VALUES", 3)) ||
        (rc = zsd_rowbatch_open(&w->year_b, db, "INSERT OR IGNORE INTO passage_years VALUES", 3)) ||
        (rc = zsd_prepare(db, &w->alias_ins, "INSERT OR IGNORE INTO park_aliases VALUES(?,?)")) ||
        (rc = zsd_prepare(db, &w->p_same,
                          "SELECT 1 FROM passages WHERE id=? AND zs_text(body)=?")) ||
        (rc = zsd_strings_open(&w->str, db)) || (rc = zsd_packer_open(&w->pack, db)))
        return rc;
    if (zsd_repeats_open(&w->rep))
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    return 0;
}

/*
 * A passage's stored hash: the high 32 bits of the text's 64-bit hash, in
 * passage_hashes (hashes.c) and the key of passages_hash (zs_body_key()).
 * It only finds candidates, which the text confirms, so 32 bits are enough
 * (a false candidate per 26,000 passages at a million). passages.hash held
 * it too until schema 17, 4 bytes a row (realnews-dev: 0.8 MB); the column
 * is written as 0 now (0 takes no byte), and an older row's is read only by
 * zsd_hashes_load().
 */
static sqlite3_int64 stored_hash(uint64_t h)
{
    return (int32_t)(uint32_t)(h >> 32);
}

static void val_int(zsd_val *v, sqlite3_int64 i)
{
    v->type = SQLITE_INTEGER;
    v->i = i;
}

static void val_real(zsd_val *v, double d)
{
    v->type = SQLITE_FLOAT;
    v->d = d;
}

static void val_text(zsd_val *v, const char *t)
{
    v->type = SQLITE_TEXT;
    v->t = t;
    v->n = -1;
}

static int step_done(zs_db *db, sqlite3_stmt *st, const char *what)
{
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src != SQLITE_DONE && src != SQLITE_ROW)
        return zsd_sqlite_fail(db, what);
    return 0;
}

/* Copy the current row of (id, body, park, year, figure) into gone. */
static int keep_gone(zs_db *db, zsd_fts_pending *gone, sqlite3_stmt *sel)
{
    if (gone->n == gone->cap) {
        size_t cap = gone->cap ? gone->cap * 2 : 64;
        zsd_fts_gone *v = realloc(gone->v, cap * sizeof *v);
        if (!v)
            return zsd_fail(db, ZS_ENOMEM, "out of memory");
        gone->v = v;
        gone->cap = cap;
    }
    zsd_fts_gone *g = &gone->v[gone->n];
    memset(g, 0, sizeof *g);
    g->id = sqlite3_column_int64(sel, 0);
    for (int c = 0; c < 4; c++) {
        const unsigned char *t = sqlite3_column_text(sel, c + 1);
        int n = sqlite3_column_bytes(sel, c + 1);
        if (!(g->col[c] = malloc((size_t)n + 1))) {
            for (int k = 0; k < c; k++)
                free(g->col[k]);
            return zsd_fail(db, ZS_ENOMEM, "out of memory");
        }
        if (n)
            memcpy(g->col[c], t, (size_t)n);
        g->col[c][n] = '\0';
        g->len[c] = n;
        gone->bytes += (size_t)n;
    }
    gone->n++;
    if (g->id > gone->max_id)
        gone->max_id = g->id;
    return 0;
}

void zsd_fts_pending_free(zsd_fts_pending *gone)
{
    int discard = gone->discard;
    for (size_t i = 0; i < gone->n; i++)
        for (int c = 0; c < 4; c++)
            free(gone->v[i].col[c]);
    free(gone->v);
    memset(gone, 0, sizeof *gone);
    gone->discard = discard;
}

static int by_gone_id(const void *a, const void *b)
{
    const zsd_fts_gone *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

int zsd_fts_pending_flush(zs_db *db, zsd_fts_pending *gone)
{
    sqlite3_stmt *del = NULL;
    int rc = 0;
    if (!gone->n)
        return 0;
    qsort(gone->v, gone->n, sizeof *gone->v, by_gone_id);
    /* One VALUES statement per row, never INSERT ... SELECT: a statement
     * that writes many rows and may abort opens a savepoint, and FTS5 answers
     * every savepoint by flushing its pending terms to a new segment. */
    if ((rc = zsd_prepare(db, &del,
                          "INSERT INTO fts(fts, rowid, body, park, year, figure)"
                          " VALUES('delete', ?, ?, ?, ?, ?)")) == 0) {
        for (size_t i = 0; i < gone->n && !rc; i++) {
            sqlite3_bind_int64(del, 1, gone->v[i].id);
            for (int c = 0; c < 4; c++)
                sqlite3_bind_text(del, c + 2, gone->v[i].col[c], gone->v[i].len[c], SQLITE_STATIC);
            rc = step_done(db, del, "removing a passage from the full-text index");
        }
    }
    sqlite3_finalize(del);
    zsd_fts_pending_free(gone);
    return rc;
}

/*
 * Remove a document's passages (promoting remembered duplicates elsewhere),
 * its duplicate places, figures, parks and years. Used for changed, removed
 * and pruned documents.
 *
 * FTS5 flushes its pending terms to a new segment at every savepoint and
 * at every write below its last rowid. Re-indexing 156 changed files of
 * the real news made 308 one-page segments that way, whose merging cost
 * more than the files' indexing (callgrind: 71% of the run). So no
 * statement here writes many rows of a table with NOT NULL columns (that
 * opens a savepoint), and the full-text deletes wait in gone (see
 * zsd_fts_pending in pipeline_int.h).
 */
/* Run a cached statement whose one parameter ?1, if any, is a document's id. */
static int run_for_doc(zs_db *db, const char *sql, sqlite3_int64 doc_id, const char *what)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_cached(db, &st, sql);
    if (rc)
        return rc;
    if (sqlite3_bind_parameter_count(st) > 0)
        sqlite3_bind_int64(st, 1, doc_id);
    rc = step_done(db, st, what);
    zsd_release(db, st);
    return rc;
}

/*
 * Remove the passage_years rows of the document's passages that go. A
 * passage's years are its year column's ("2011 ~2012 2013", a ~ on a year
 * it only spans; prepare.c writes both from one list), each removed by the
 * key (year, passage_id), so no index by passage_id is kept (db.c). One row
 * a statement: a recursive CTE that read the column and deleted them all in
 * one made FTS5 flush its pending terms at every document (a statement
 * transaction: the bench's re-index of 1% of realnews-dev left 20 segments,
 * not 6, and took 5.6 x a fresh build's CPU, not 1.6).
 */
static int remove_years(zs_db *db, sqlite3_int64 doc_id)
{
    sqlite3_stmt *sel = NULL, *del = NULL;
    int rc, src = SQLITE_DONE;
    if ((rc = zsd_cached(db, &sel,
                         "SELECT id, year FROM passages WHERE doc_id=?1 AND year<>''"
                         " AND id NOT IN (SELECT id FROM temp.keep)")) != 0 ||
        (rc = zsd_cached(db, &del, "DELETE FROM passage_years WHERE year=?1 AND passage_id=?2")) !=
            0)
        goto out;
    sqlite3_bind_int64(sel, 1, doc_id);
    while (!rc && (src = sqlite3_step(sel)) == SQLITE_ROW) {
        const char *y = (const char *)sqlite3_column_text(sel, 1);
        while (!rc && y && *y) {
            char *end;
            long v = strtol(y + (*y == '~'), &end, 10);
            if (end == y + (*y == '~'))
                break; /* not a year list: nothing more to read */
            sqlite3_bind_int64(del, 1, v);
            sqlite3_bind_int64(del, 2, sqlite3_column_int64(sel, 0));
            rc = step_done(db, del, "removing a passage's years");
            y = end + strspn(end, " ");
        }
    }
    if (!rc && src != SQLITE_DONE)
        rc = zsd_sqlite_fail(db, "reading the passages' years");
out:
    zsd_release(db, sel);
    zsd_release(db, del);
    return rc;
}

/*
 * A group's rows (prepare.c pack_groups(): a file's passages in one frame)
 * live and go together. Groups are formed in one file, so removing a
 * document removes whole groups, but for the rows it keeps (a changed file's
 * passages that stay) and those it promotes to another document: a promoted
 * row that is in a group, and a kept row whose group loses a row or has one
 * promoted, is rewritten as its own plain text (rare: a repeat in another
 * file, an edit inside a group). So no member outlives its group's row, and
 * no frame keeps the text of a passage that went. Members first (higher ids
 * than their group's row), which still read it. One row a statement, as the
 * promotion. GROUP_OF's x'08' is ZSD_BODY_GROUP.
 */
/* The id of the row that holds the group of a row of passages (its own for
 * the group's first), or NULL. */
#define GROUP_OF                                                                                   \
    "coalesce(zs_body_head(body), CASE WHEN typeof(body) = 'blob' AND"                             \
    " substr(body, 1, 1) = x'08' THEN id END)"

/* The ids of sel's rows (its first column) into a new array *ids (the caller
 * frees it), *n of them; what names the work in an error. sel is reset. */
static int read_ids(zs_db *db, sqlite3_stmt *sel, sqlite3_int64 **ids, size_t *n, const char *what)
{
    size_t cap = 0;
    int rc = 0, src;
    *ids = NULL;
    *n = 0;
    while ((src = sqlite3_step(sel)) == SQLITE_ROW) {
        if (*n == cap && zsu_grow(ids, &cap, *n + 1, sizeof **ids, 16) != 0) {
            rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
            break;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(sel, 0);
    }
    if (!rc && src != SQLITE_DONE)
        rc = zsd_sqlite_fail(db, what);
    sqlite3_reset(sel);
    return rc;
}

static int detach_find(zs_db *db, sqlite3_int64 doc_id, sqlite3_int64 **ids, size_t *n)
{
    sqlite3_stmt *sel = NULL;
    int rc;
    *ids = NULL;
    *n = 0;
    if ((rc = zsd_cached(db, &sel,
                         "WITH broken(g) AS (SELECT " GROUP_OF " FROM passages WHERE doc_id=?1"
                         " AND id NOT IN (SELECT id FROM temp.keep) UNION SELECT " GROUP_OF
                         " FROM passages WHERE id IN (SELECT passage_id FROM temp.promote))"
                         " SELECT id FROM passages WHERE id IN (SELECT passage_id FROM temp.promote)"
                         " AND " GROUP_OF " IS NOT NULL UNION"
                         " SELECT id FROM passages WHERE id IN (SELECT id FROM temp.keep)"
                         " AND " GROUP_OF " IN (SELECT g FROM broken) ORDER BY id DESC")) != 0)
        return rc;
    sqlite3_bind_int64(sel, 1, doc_id);
    rc = read_ids(db, sel, ids, n, "finding the passages to detach from their groups");
    zsd_release(db, sel);
    return rc;
}

/* The rows detach_find() found, each rewritten as its text, in its order. */
static int detach_apply(zs_db *db, const sqlite3_int64 *ids, size_t n)
{
    sqlite3_stmt *upd = NULL;
    int rc = n ? zsd_cached(db, &upd, "UPDATE passages SET body = zs_text(body) WHERE id = ?1") : 0;
    for (size_t i = 0; i < n && !rc; i++) {
        sqlite3_bind_int64(upd, 1, ids[i]);
        rc = step_done(db, upd, "detaching a passage from its group");
    }
    zsd_release(db, upd);
    return rc;
}

/*
 * The document's group members that go, before their groups' rows: with
 * passages_hash, deleting a member reads its text (zs_body_key) through its
 * group's row. One row a statement: a DELETE whose WHERE calls a function
 * opens a statement transaction, at which FTS5 writes its pending terms as
 * a segment (5 changed files re-indexed: 4 segments instead of 3).
 */
static int delete_members(zs_db *db, sqlite3_int64 doc_id)
{
    sqlite3_stmt *sel = NULL, *del = NULL;
    sqlite3_int64 *ids = NULL;
    size_t n = 0;
    int rc;
    if ((rc = zsd_cached(db, &sel,
                         "SELECT id FROM passages WHERE doc_id=?1 AND id NOT IN"
                         " (SELECT id FROM temp.keep) AND zs_body_head(body) IS NOT NULL")) != 0)
        return rc;
    sqlite3_bind_int64(sel, 1, doc_id);
    rc = read_ids(db, sel, &ids, &n, "finding a document's passages in groups");
    zsd_release(db, sel);
    if (!rc && n)
        rc = zsd_cached(db, &del, "DELETE FROM passages WHERE id=?1");
    for (size_t i = 0; i < n && !rc; i++) {
        sqlite3_bind_int64(del, 1, ids[i]);
        rc = step_done(db, del, "removing a document's passages");
    }
    zsd_release(db, del);
    free(ids);
    return rc;
}

/* Each statement is prepared once a connection (stmtcache.c), not parsed
 * again for every document: re-indexing 155 files spent a tenth of its
 * instructions parsing these. */
int zsd_remove_doc_rows(zs_db *db, sqlite3_int64 doc_id, zsd_fts_pending *gone)
{
    static const char *const drop[] = {
        /* CROSS JOIN: from the few promoted rows, not a scan of every
         * repeat checking each against them (8M instructions a file on the
         * real news' 18,014 repeats). */
        "DELETE FROM passage_dups WHERE rowid IN (SELECT d.rowid FROM temp.promote t"
        " CROSS JOIN passage_dups d ON t.passage_id=d.passage_id AND t.doc_id=d.doc_id"
        " AND t.seq=d.seq)",
        "DELETE FROM passage_dups WHERE doc_id=?1",
    };
    static const char *const rows[] = {
        "DELETE FROM figure_rows WHERE passage_id IN (SELECT id FROM passages WHERE doc_id=?1"
        " AND id NOT IN (SELECT id FROM temp.keep))",
        "DELETE FROM passage_parks WHERE passage_id IN (SELECT id FROM passages WHERE doc_id=?1"
        " AND id NOT IN (SELECT id FROM temp.keep))",
        /* ROWS_GROUPS: once the members are gone and the rows to detach
         * detached (delete_members(), detach_apply()) */
        "DELETE FROM passages WHERE doc_id=?1 AND id NOT IN (SELECT id FROM temp.keep)",
    };
    enum { ROWS_GROUPS = 2 };
    sqlite3_stmt *sel = NULL, *del = NULL;
    sqlite3_int64 *ids = NULL;
    size_t nids = 0;
    zsd_fts_pending now = {0};
    int rc, src;
    /* Promote: a passage of this doc that another doc also printed moves there. */
    if ((rc = zsd_exec(db, "CREATE TEMP TABLE IF NOT EXISTS promote(passage_id INTEGER PRIMARY KEY,"
                           " doc_id, seq, start, end, line, col);"
                           "CREATE TEMP TABLE IF NOT EXISTS keep(id INTEGER PRIMARY KEY)")) != 0 ||
        (rc = run_for_doc(db, "DELETE FROM temp.promote", doc_id, "removing a document")) != 0 ||
        (rc = run_for_doc(db,
                          "INSERT OR IGNORE INTO temp.promote SELECT d.passage_id, d.doc_id, d.seq,"
                          " d.start, d.end, d.line, d.col FROM passage_dups d JOIN passages p"
                          " ON p.id=d.passage_id WHERE p.doc_id=?1 AND d.doc_id<>?1"
                          " AND p.id NOT IN (SELECT id FROM temp.keep) ORDER BY d.rowid",
                          doc_id, "finding the passages to promote")) != 0)
        return rc;
    /* One row at a time for the same reason: an UPDATE of many rows of
     * passages (NOT NULL columns) would open a savepoint. */
    if ((rc = zsd_cached(db, &sel,
                         "SELECT passage_id, doc_id, seq, start, end, line, col"
                         " FROM temp.promote")) != 0 ||
        (rc = zsd_cached(db, &del,
                         "UPDATE passages SET doc_id=?2, seq=?3, start=?4, end=?5,"
                         " line=?6, col=?7 WHERE id=?1")) != 0)
        goto out;
    while ((src = sqlite3_step(sel)) == SQLITE_ROW) {
        for (int c = 0; c < 7; c++)
            sqlite3_bind_value(del, c + 1, sqlite3_column_value(sel, c));
        if ((rc = step_done(db, del, "promoting a repeated passage")) != 0)
            goto out;
    }
    if (src != SQLITE_DONE) {
        rc = zsd_sqlite_fail(db, "reading the passages to promote");
        goto out;
    }
    zsd_release(db, sel);
    zsd_release(db, del);
    sel = del = NULL;
    /* found before any row goes (a kept row's group may lose its members
     * below), rewritten after the members go and before their groups' rows:
     * the full-text deletes read the members' text through them */
    if ((rc = detach_find(db, doc_id, &ids, &nids)) != 0)
        goto out;
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        if ((rc = run_for_doc(db, drop[i], doc_id, "removing a document's repeats")) != 0)
            goto out;
    if (gone && gone->discard)
        goto rows; /* the full-text index was emptied: nothing to delete there */
    if ((rc = zsd_cached(db, &sel,
                         "SELECT id, body, park, year, figure FROM passages_text"
                         " WHERE doc_id=?1 AND id NOT IN (SELECT id FROM temp.keep)")) != 0)
        goto out;
    sqlite3_bind_int64(sel, 1, doc_id);
    while ((src = sqlite3_step(sel)) == SQLITE_ROW)
        if ((rc = keep_gone(db, gone ? gone : &now, sel)) != 0)
            goto out;
    if (src != SQLITE_DONE) {
        rc = zsd_sqlite_fail(db, "reading the passages to remove");
        goto out;
    }
    zsd_release(db, sel);
    sel = NULL;
    if (!gone && (rc = zsd_fts_pending_flush(db, &now)) != 0)
        goto out;
rows:
    if ((rc = remove_years(db, doc_id)) != 0)
        goto out;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if ((i == ROWS_GROUPS && ((rc = delete_members(db, doc_id)) != 0 ||
                                  (rc = detach_apply(db, ids, nids)) != 0)) ||
            (rc = run_for_doc(db, rows[i], doc_id, "removing a document's passages")) != 0)
            goto out;
out:
    free(ids);
    zsd_release(db, sel);
    zsd_release(db, del);
    zsd_fts_pending_free(&now);
    return rc;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/*
 * The one answer to "is this passage's text stored already?": the id of the
 * stored passage with the same text, or 0. Three sources are asked in order
 * of cost, and only the text itself confirms a match:
 *   1. repeats.c: texts confirmed before (most repeats are a few bylines
 *      and notices printed thousands of times): a memcmp;
 *   2. a first build (w->seen): candidates by hash from memory (seen.c),
 *      each confirmed by SQLite on the text;
 *   3. otherwise the index passages_hash, through SQLite (never in a
 *      re-extraction: see writer.fresh_only).
 * The workers' hints (zsd_hints) are not an answer: they only decide
 * whether a worker skips the preparation (see write_passage()).
 * *kept is set when the answer came from repeats.c.
 */
static sqlite3_int64 stored_passage(writer *w, const prep_passage *pp, int *kept)
{
    sqlite3_int64 pid = zsd_repeats_find(w->rep, pp->hash, pp->p.text, pp->p.len);
    if ((*kept = pid != 0))
        return pid;
    if (w->seen) {
        size_t cur = 0;
        sqlite3_int64 cand;
        while (!pid && (cand = zsd_seen_next(w->seen, pp->hash, &cur)) != 0) {
            sqlite3_bind_int64(w->p_same, 1, cand);
            sqlite3_bind_text(w->p_same, 2, pp->p.text, (int)pp->p.len, SQLITE_STATIC);
            if (sqlite3_step(w->p_same) == SQLITE_ROW)
                pid = cand;
            sqlite3_reset(w->p_same);
        }
        return pid;
    }
    if (w->fresh_only)
        return 0;
    sqlite3_bind_int64(w->p_find, 1, stored_hash(pp->hash));
    sqlite3_bind_text(w->p_find, 2, pp->p.text, (int)pp->p.len, SQLITE_STATIC);
    if (sqlite3_step(w->p_find) == SQLITE_ROW)
        pid = sqlite3_column_int64(w->p_find, 0);
    sqlite3_reset(w->p_find);
    return pid;
}

/*
 * Whether passages_text (db.c PASSAGES_TEXT_VIEW) gives the figure column
 * from the figure_rows written below: each figure gets its row (starts
 * rising, so INSERT OR IGNORE drops none; a value SQLite would store as
 * NULL, a NaN, would be dropped too), and the column is their texts in that
 * order. Then passages.figure is stored as '' and the text is not kept twice.
 */
static int figures_derivable(const prep_passage *pp)
{
    for (size_t i = 0; i < pp->nfigs; i++)
        if ((i && pp->figs[i].start <= pp->figs[i - 1].start) || isnan(pp->figs[i].value))
            return 0;
    return 1;
}

/* A passage naming no zone: its figures are the zone its bare 高新区
 * means (its story's, zsi_story_zones()), else the zone the article
 * names most when the article is about it (prepare.c article_is_about());
 * figures of a city or a company in it are withheld (pp->fig_withheld). */
static const char *figure_park(const job *j, const prep_passage *pp)
{
    return pp->nparks                                 ? pp->park_list[0]
           : pp->story.n                              ? pp->story.zone[0]
           : j->article_park && !j->article_park_in_passing ? j->article_park
                                                      : "";
}

/* The zone figure i of a passage is credited with: none when it is a city's
 * or a company's, the one a passage of several zones names nearest before
 * it, else the passage's (figure_park()). */
static const char *credited_park(const prep_passage *pp, size_t i, const char *fig_park)
{
    unsigned c = pp->fig_withheld ? pp->fig_withheld[i] : 0;
    if (c == 1)
        return "";
    if (c >= ZSI_CREDIT_ZONE && c - ZSI_CREDIT_ZONE < pp->nparks)
        return pp->park_list[c - ZSI_CREDIT_ZONE];
    return fig_park;
}

/* A figure's year: its own, else the passage's one year, when it speaks of
 * one and states it. */
static int figure_year(const prep_passage *pp, const zsi_figure *f)
{
    int only_year = pp->nyears == 1 && pp->years[0] > 0 ? pp->years[0] : 0;
    return f->year ? f->year : only_year;
}

static int write_passage(writer *w, run *r, job *j, sqlite3_int64 doc_id, size_t seq,
                         prep_passage *pp)
{
    zs_index_stats *st = r->st;
    zs_db *db = w->db;
    int rc, kept;
    sqlite3_int64 pid = stored_passage(w, pp, &kept);
    int found = pid != 0;
    if (found) {
        if (!kept)
            zsd_repeats_keep(w->rep, pp->hash, pid, pp->p.text, pp->p.len);
        sqlite3_bind_int64(w->dup_ins, 1, pid);
        sqlite3_bind_int64(w->dup_ins, 2, doc_id);
        sqlite3_bind_int64(w->dup_ins, 3, (sqlite3_int64)seq);
        sqlite3_bind_int64(w->dup_ins, 4, (sqlite3_int64)pp->p.start);
        sqlite3_bind_int64(w->dup_ins, 5, (sqlite3_int64)pp->p.end);
        sqlite3_bind_int(w->dup_ins, 6, pp->line);
        sqlite3_bind_int(w->dup_ins, 7, pp->col);
        st->duplicates++;
        return step_done(db, w->dup_ins, "recording a repeated passage");
    }
    if (pp->repeat) { /* the workers' guess was wrong (seen.c): prepare it here */
        if (!w->wk.seg && (rc = zs_seg_open(&w->wk.seg)) != 0)
            return zsd_fail(db, rc, "cannot open the segmenter (ICU)");
        w->wk.dict = NULL; /* the packer below compresses */
        if ((rc = zsd_prepare_passage(r, &w->wk, j, pp)) != 0)
            return zsd_fail(db, rc, "%s", zs_strerror(rc));
        pp->repeat = 0;
    } else if (pp->unfinished) { /* not stored after all: tokens and compression here */
        if (!w->wk.seg && (rc = zs_seg_open(&w->wk.seg)) != 0)
            return zsd_fail(db, rc, "cannot open the segmenter (ICU)");
        w->wk.dict = NULL; /* the packer below compresses */
        if ((rc = zsd_finish_passage(&w->wk, j, pp, 1)) != 0)
            return zsd_fail(db, rc, "%s", zs_strerror(rc));
        pp->unfinished = 0;
    }
    /* The body's length for ranking (passages.len) is counted on its
     * tokens: the worker's, or for a huge job's passage ones made here and
     * replayed to FTS5 as a worker's would be (segmented once either way). */
    zss_pretok own = {0};
    const zss_pretok *pt = pp->pt;
    if (!pt) {
        if (!w->wk.seg && (rc = zs_seg_open(&w->wk.seg)) != 0)
            return zsd_fail(db, rc, "cannot open the segmenter (ICU)");
        if ((rc = zss_pretok_build(w->wk.seg, &own, pp->p.text, pp->p.len)) != 0) {
            zss_pretok_clear(&own);
            return zsd_fail(db, rc, "%s", zs_strerror(rc));
        }
        pt = &own;
    }
    sqlite3_stmt *s = w->p_ins;
    sqlite3_bind_int64(s, 1, doc_id);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)seq);
    sqlite3_bind_int(s, 3, pp->p.kind);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)pp->p.start);
    sqlite3_bind_int64(s, 5, (sqlite3_int64)pp->p.end);
    const void *body;
    size_t nbody;
    int blob = pp->packed != NULL;
    prep_passage *g = pp->gfirst ? &j->ps[pp->gfirst - 1] : NULL;
    unsigned char *gbody = NULL;
    if (g) { /* one of a group (prepare.c pack_groups()) */
        unsigned char ref[32];
        size_t k = 1;
        if (g->ghead)
            k += zsd_varint_put(ref + k, (uint64_t)g->ghead);
        k += zsd_varint_put(ref + k, pp->goff);
        k += zsd_varint_put(ref + k, pp->p.len);
        ref[0] = g->ghead ? ZSD_BODY_MEMBER : ZSD_BODY_GROUP;
        if (!(gbody = malloc(k + (g->ghead ? 0 : g->npacked)))) {
            rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
            goto fts_out;
        }
        memcpy(gbody, ref, k);
        if (!g->ghead) /* the first stored holds the frame */
            memcpy(gbody + k, g->packed, g->npacked);
        body = gbody;
        nbody = k + (g->ghead ? 0 : g->npacked);
        blob = 1;
    } else if (pp->pack_tried) {
        body = blob ? (const void *)pp->packed : pp->p.text;
        nbody = blob ? pp->npacked : pp->p.len;
    } else if ((rc = zsd_packer_pack(w->pack, pp->p.text, pp->p.len, &body, &nbody, &blob))) {
        goto fts_out;
    }
    if (blob)
        sqlite3_bind_blob(s, 6, body, (int)nbody, gbody ? SQLITE_TRANSIENT : SQLITE_STATIC);
    else
        sqlite3_bind_text(s, 6, body, (int)nbody, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, pp->parks, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, pp->yeartext, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, figures_derivable(pp) ? "" : pp->figtext, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 10, pp->line);
    sqlite3_bind_int(s, 11, pp->col);
    sqlite3_bind_int64(s, 12, (sqlite3_int64)(pp->pt ? pp->body_len : zss_pretok_positions(&pt[0])));
    rc = step_done(db, s, "storing a passage");
    free(gbody);
    gbody = NULL;
    if (rc)
        goto fts_out;
    pid = sqlite3_last_insert_rowid(db->h);
    if (g && !g->ghead)
        g->ghead = pid;
    zsd_hashes_set(db, pid, (uint32_t)stored_hash(pp->hash)); /* noted by the hook: its hash */
    if (w->seen && !zsd_seen_add(w->seen, pp->hash, pid)) {
        /* The table is full: a larger one (a later run's table is sized to
         * the index, seen.c), else from now on SQLite finds repeats. */
        zsd_seen *bigger = zsd_seen_grown(w->seen);
        if (w->seen == r->stored)
            w->seen_late = w->seen; /* the workers may still read it */
        else
            zsd_seen_free(w->seen);
        w->seen = bigger;
        if (!bigger || !zsd_seen_add(bigger, pp->hash, pid)) {
            zsd_seen_free(bigger);
            w->seen = NULL;
            if ((rc = zsd_exec(db, ZSD_PASSAGES_HASH_INDEX)))
                goto fts_out;
        }
    }
    /* A removed passage's id, reused (it was the last): its delete first. */
    if (w->gone.n && pid <= w->gone.max_id && (rc = zsd_fts_pending_flush(db, &w->gone)) != 0)
        goto fts_out;
    s = w->fts_ins;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, pp->p.text, (int)pp->p.len, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, pp->parks, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, pp->yeartext, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, pp->figtext, -1, SQLITE_STATIC);
    zss_pretok_set(pt, pp->pt ? FTS_COLUMNS : 1);
    rc = step_done(db, s, "indexing a passage");
    zss_pretok_set(NULL, 0);
fts_out:
    zss_pretok_clear(&own);
    if (rc)
        return rc;
    st->passages++;
    for (size_t i = 0; i < pp->nparks; i++) {
        zsd_val *v = zsd_rowbatch_add(&w->park_b, "storing a park", &rc);
        if (!v)
            return rc;
        val_int(&v[0], pid);
        val_text(&v[1], pp->park_list[i]);
        val_int(&v[2], pp->park_inherited);
    }
    for (size_t i = 0; i < pp->nyears; i++) {
        zsd_val *v = zsd_rowbatch_add(&w->year_b, "storing a year", &rc);
        if (!v)
            return rc;
        int y = pp->years[i];
        val_int(&v[0], pid);
        val_int(&v[1], y < 0 ? -y : y);
        val_int(&v[2], y < 0);
    }
    const char *fig_park = figure_park(j, pp);
    for (size_t i = 0; i < pp->nfigs; i++) {
        const zsi_figure *f = &pp->figs[i];
        int year = figure_year(pp, f);
        const char *strs[FIGURE_STRINGS] = {
            f->unit ? f->unit : "", f->cls ? f->cls : "", f->metric, f->metric_raw,
            credited_park(pp, i, fig_park)};
        sqlite3_int64 ids[FIGURE_STRINGS];
        for (int k = 0; k < FIGURE_STRINGS; k++)
            if ((rc = zsd_strings_id(w->str, strs[k], &ids[k])) != 0)
                return rc;
        zsd_val *v = zsd_rowbatch_add(&w->fig_b, "storing a figure", &rc);
        if (!v)
            return rc;
        val_int(&v[0], pid);
        val_int(&v[1], (sqlite3_int64)f->start);
        val_int(&v[2], (sqlite3_int64)(f->end - f->start));
        val_real(&v[3], f->value);
        if (f->value_hi != f->value)
            val_real(&v[4], f->value_hi);
        else
            v[4].type = SQLITE_NULL;
        val_int(&v[5], ids[0]);
        val_int(&v[6], ids[1]);
        val_int(&v[7], f->hedge);
        val_int(&v[8], ids[2]);
        val_int(&v[9], ids[3]);
        val_int(&v[10], ids[4]);
        val_int(&v[11], year);
        /* lines below the passage's first: 0 (one byte) for most figures */
        val_int(&v[12], (sqlite3_int64)zsi_breaks_before(pp->breaks, pp->nbreaks, f->start));
        zsi_span at[2];
        int nat = zsi_figure_metric_spans(f, at);
        for (int k = 0; k < 2; k++)
            if (k < nat && at[k].e - at[k].s <= ZSD_METRIC_AT_MAXLEN)
                val_int(&v[13 + k], zsd_metric_at_pack(f->start, at[k].s, at[k].e));
            else
                v[13 + k].type = SQLITE_NULL;
        st->figures++;
    }
    return 0;
}

/* docs.hash: the file's XXH3-64 as 8 bytes, most significant first
 * (schema 16). It was 16 hex digits of text: 8 bytes more a file, 124 KB
 * of realnews-dev's index. A blob, as the column's TEXT affinity would turn
 * an integer into its digits. input.c reads either. */
static void hash_bytes(unsigned char out[8], uint64_t h)
{
    for (int i = 7; i >= 0; i--, h >>= 8)
        out[i] = (unsigned char)h;
}

/* The signature of a file at parameters first..first+3 (mtime_ns, ctime_ns,
 * ino, dev), all NULL when it has none (standard input, racy). */
static void bind_sig(sqlite3_stmt *s, int first, const zsd_filesig *sig)
{
    const long long v[4] = {sig->mtime_ns, sig->ctime_ns, sig->ino, sig->dev};
    for (int k = 0; k < 4; k++) {
        if (sig->valid)
            sqlite3_bind_int64(s, first + k, v[k]);
        else
            sqlite3_bind_null(s, first + k);
    }
}

int zsd_write_sig(writer *w, const job *j)
{
    sqlite3_stmt *s = NULL;
    int rc = zsd_cached(w->db, &s,
                        "UPDATE docs SET mtime_ns=?1, ctime_ns=?2, ino=?3, dev=?4"
                        " WHERE " ZSD_DOC_ROW_BY_PATH(5) " AND size=?6");
    if (rc)
        return rc;
    bind_sig(s, 1, &j->sig);
    sqlite3_bind_text(s, 5, j->path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 6, j->sig.size);
    rc = step_done(w->db, s, "recording a file's signature");
    zsd_release(w->db, s);
    return rc;
}

/* A figure row as written: its start, the zone credited, its year, its line. */
typedef struct fig_key {
    size_t start, i;
} fig_key;

static int by_fig_start(const void *a, const void *b)
{
    const fig_key *x = a, *y = b;
    if (x->start != y->start)
        return (x->start > y->start) - (x->start < y->start);
    return (x->i > y->i) - (x->i < y->i);
}

/* 1 when the stored figure rows of passage id are those write_passage()
 * would write for pp (the figures come from the same text; the zone, year
 * and line they are given depend on the article), 0 when not, or an error. */
static int same_figures(writer *w, const job *j, const prep_passage *pp, sqlite3_int64 id)
{
    sqlite3_stmt *st = NULL;
    fig_key *k = NULL;
    size_t nk = 0, at = 0;
    int rc, src, same = 1;
    if ((rc = zsd_cached(w->db, &st,
                         "SELECT f.start, s.s, f.year, f.line FROM figure_rows f JOIN strings s"
                         " ON s.id=f.park WHERE f.passage_id=?1 ORDER BY f.start")) != 0)
        return rc;
    if (pp->nfigs && !(k = malloc(pp->nfigs * sizeof *k))) {
        zsd_release(w->db, st);
        return zsd_fail(w->db, ZS_ENOMEM, "out of memory");
    }
    /* INSERT OR IGNORE on (passage_id, start): the first figure at a start is the row */
    for (size_t i = 0; i < pp->nfigs; i++)
        k[i] = (fig_key){pp->figs[i].start, i};
    if (pp->nfigs > 1)
        qsort(k, pp->nfigs, sizeof *k, by_fig_start);
    for (size_t i = 0; i < pp->nfigs; i++)
        if (!nk || k[nk - 1].start != k[i].start)
            k[nk++] = k[i];
    const char *fig_park = figure_park(j, pp);
    sqlite3_bind_int64(st, 1, id);
    while (same && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (at == nk) {
            same = 0;
            break;
        }
        size_t i = k[at++].i;
        const zsi_figure *f = &pp->figs[i];
        const char *park = credited_park(pp, i, fig_park);
        const char *had = (const char *)sqlite3_column_text(st, 1);
        same = (size_t)sqlite3_column_int64(st, 0) == f->start && had && !strcmp(had, park) &&
               sqlite3_column_int(st, 2) == figure_year(pp, f) &&
               sqlite3_column_int64(st, 3) == zsi_breaks_before(pp->breaks, pp->nbreaks, f->start);
    }
    if (same && src != SQLITE_DONE)
        rc = zsd_sqlite_fail(w->db, "reading a passage's figures");
    zsd_release(w->db, st);
    free(k);
    return rc ? rc : same && at == nk;
}

/* A new passage by its stored hash, for matching the stored ones. */
typedef struct new_key {
    sqlite3_int64 h;
    size_t i;
} new_key;

static int by_new_hash(const void *a, const void *b)
{
    const new_key *x = a, *y = b;
    if (x->h != y->h)
        return (x->h > y->h) - (x->h < y->h);
    return (x->i > y->i) - (x->i < y->i);
}

/*
 * A changed file's passages that are stored as they are now: kept[i] gets
 * the id of the stored passage of doc_id that j->ps[i] is, or 0; *nkept
 * counts them. A passage is kept when its text (hash, then bytes), kind,
 * zones, years and figure rows are the ones stored: all but the text may
 * depend on the rest of the article (the zone a bare 高新区 inherits from
 * its story or headline, the year 今年 means, the zone its figures are
 * credited to), so they are compared, never assumed. A kept passage keeps
 * its row, side rows and full-text row; only its place in the file is
 * written again. Editing one passage of a file rewrote all of them, and
 * removing a full-text row cuts its text again. Passages the workers took
 * for repeats (not prepared) are not kept.
 */
static int keep_same(writer *w, const job *j, sqlite3_int64 doc_id, sqlite3_int64 *kept,
                     size_t *nkept)
{
    sqlite3_stmt *sel = NULL;
    new_key *nw = malloc((j->nps ? j->nps : 1) * sizeof *nw);
    size_t nn = 0;
    int rc = 0, src;
    *nkept = 0;
    if (!nw)
        return zsd_fail(w->db, ZS_ENOMEM, "out of memory");
    for (size_t i = 0; i < j->nps; i++)
        if (!j->ps[i].repeat && j->ps[i].parks)
            nw[nn++] = (new_key){stored_hash(j->ps[i].hash), i};
    if (!nn)
        goto out;
    qsort(nw, nn, sizeof *nw, by_new_hash);
    if ((rc = zsd_cached(w->db, &sel,
                         "SELECT id, kind, park, year, zs_text(body) FROM passages"
                         " WHERE doc_id=?1")) != 0)
        goto out;
    sqlite3_bind_int64(sel, 1, doc_id);
    while ((src = sqlite3_step(sel)) == SQLITE_ROW) {
        const void *text = sqlite3_column_blob(sel, 4);
        size_t ntext = (size_t)sqlite3_column_bytes(sel, 4);
        /* from the text, read anyway to compare (passages.hash is 0) */
        sqlite3_int64 h = stored_hash(XXH3_64bits(text, ntext));
        size_t lo = 0, hi = nn;
        while (lo < hi) { /* the first new passage with hash h */
            size_t mid = lo + (hi - lo) / 2;
            if (nw[mid].h < h)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < nn && nw[lo].h == h; lo++) {
            size_t i = nw[lo].i;
            const prep_passage *pp = &j->ps[i];
            const char *park = (const char *)sqlite3_column_text(sel, 2);
            const char *year = (const char *)sqlite3_column_text(sel, 3);
            if (kept[i] || sqlite3_column_int(sel, 1) != pp->p.kind || ntext != pp->p.len ||
                (ntext && memcmp(text, pp->p.text, ntext)) || !park || strcmp(park, pp->parks) ||
                !year || strcmp(year, pp->yeartext))
                continue;
            int same = same_figures(w, j, pp, sqlite3_column_int64(sel, 0));
            if (same < 0) {
                rc = same;
                goto out;
            }
            if (same) {
                kept[i] = sqlite3_column_int64(sel, 0);
                ++*nkept;
                break;
            }
        }
    }
    if (src != SQLITE_DONE)
        rc = zsd_sqlite_fail(w->db, "reading a document's passages");
out:
    zsd_release(w->db, sel);
    free(nw);
    return rc;
}

/* Run a cached statement binding ?1 (and ?2...) to the values given. */
static int run_ints(zs_db *db, const char *sql, const sqlite3_int64 *v, int n, const char *what)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_cached(db, &st, sql);
    if (rc)
        return rc;
    for (int i = 0; i < n; i++)
        sqlite3_bind_int64(st, i + 1, v[i]);
    rc = step_done(db, st, what);
    zsd_release(db, st);
    return rc;
}

/* Remove doc_id's rows but those of the kept passages (temp.keep). */
static int remove_but_kept(writer *w, const job *j, sqlite3_int64 doc_id,
                           const sqlite3_int64 *kept, size_t nkept)
{
    int rc;
    if (!nkept)
        return zsd_remove_doc_rows(w->db, doc_id, &w->gone);
    if ((rc = zsd_exec(w->db, "CREATE TEMP TABLE IF NOT EXISTS keep(id INTEGER PRIMARY KEY)")) != 0)
        return rc;
    for (size_t i = 0; i < j->nps; i++)
        if (kept[i] && (rc = run_ints(w->db, "INSERT OR IGNORE INTO temp.keep VALUES(?1)", &kept[i],
                                      1, "keeping a passage")) != 0)
            return rc;
    rc = zsd_remove_doc_rows(w->db, doc_id, &w->gone);
    int rc2 = run_ints(w->db, "DELETE FROM temp.keep", NULL, 0, "keeping a passage");
    return rc ? rc : rc2;
}

/* A kept passage's place in the file (seq, bytes, line, column), which an
 * edit before it moves. */
static int place_kept(writer *w, run *r, const prep_passage *pp, sqlite3_int64 id, size_t seq)
{
    const sqlite3_int64 v[6] = {id,
                                (sqlite3_int64)seq,
                                (sqlite3_int64)pp->p.start,
                                (sqlite3_int64)pp->p.end,
                                pp->line,
                                pp->col};
    r->st->passages++;
    r->st->figures += pp->nfigs;
    return run_ints(w->db,
                    "UPDATE passages SET seq=?2, start=?3, end=?4, line=?5, col=?6 WHERE id=?1"
                    " AND (seq, start, end, line, col) <> (?2, ?3, ?4, ?5, ?6)",
                    v, 6, "moving a kept passage");
}

/*
 * The figure, year and new string rows of the files written so far wait in
 * their batches across files, so that most statements insert
 * ZSD_ROWBATCH_MAX rows: a news article has a few figures, and flushing at
 * the end of every file ran two or three statements of a few rows each.
 * (callgrind, 1,500 realnews-dev articles: zsd_rowbatch_flush 119 M -> 105
 * M instructions; the rows' own b-tree inserts are most of what is left.)
 * The rows go in in the same order either way. Nothing reads or removes
 * rows of those tables while they wait: the writer flushes before a file
 * already in the index (its rows are compared and removed), before every
 * commit and before the run's end.
 */
int zsd_writer_flush(writer *w)
{
    int rc;
    if ((rc = zsd_rowbatch_flush(&w->park_b, "storing a park")) != 0 ||
        (rc = zsd_rowbatch_flush(&w->year_b, "storing a year")) != 0 ||
        (rc = zsd_rowbatch_flush(&w->fig_b, "storing a figure")) != 0)
        return rc;
    return zsd_strings_flush(w->str);
}

int zsd_write_job(writer *w, run *r, job *j)
{
    zs_db *db = w->db;
    unsigned char hash[8];
    int rc = 0;
    sqlite3_int64 doc_id = 0, *kept = NULL;

    hash_bytes(hash, j->hash);
    sqlite3_bind_text(w->doc_find, 1, j->path, -1, SQLITE_STATIC);
    if (sqlite3_step(w->doc_find) == SQLITE_ROW)
        doc_id = sqlite3_column_int64(w->doc_find, 0);
    sqlite3_reset(w->doc_find);
    /* No SAVEPOINT per document: FTS5 flushes its pending terms to a new
     * segment at every savepoint (callgrind: 27% of all instructions went
     * there). A failure fails the run and rolls back the whole batch, which
     * the next run redoes, so the index is never left half-written. */
    if (doc_id && !w->wiped) {
        size_t nkept = 0;
        if ((rc = zsd_writer_flush(w)) != 0) /* its rows are read and removed below */
            return rc;
        zsd_repeats_clear(w->rep); /* its ids may be reused */
        /* A re-extraction keeps nothing: the stored fields are another extractor's. */
        if (!r->reextract && j->nps) {
            if (!(kept = calloc(j->nps, sizeof *kept)))
                return zsd_fail(db, ZS_ENOMEM, "out of memory");
            rc = keep_same(w, j, doc_id, kept, &nkept);
        }
        if (rc == 0)
            rc = remove_but_kept(w, j, doc_id, kept, nkept);
        if (rc)
            goto out;
    }
    sqlite3_stmt *s = doc_id ? w->doc_upd : w->doc_ins;
    if (doc_id)
        sqlite3_bind_int64(s, 1, doc_id);
    else
        sqlite3_bind_text(s, 1, j->path, -1, SQLITE_STATIC);
    sqlite3_bind_blob(s, 2, hash, (int)sizeof hash, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)j->size);
    if (j->year)
        sqlite3_bind_int(s, 4, j->year);
    else
        sqlite3_bind_null(s, 4);
    bind_text_or_null(s, 5, j->article_park);
    bind_text_or_null(s, 6, j->meta.date[0] ? j->meta.date : NULL);
    bind_text_or_null(s, 7, j->meta.source[0] ? j->meta.source : NULL);
    if (j->meta.page)
        sqlite3_bind_int(s, 8, j->meta.page);
    else
        sqlite3_bind_null(s, 8);
    bind_text_or_null(s, 9, strcmp(j->given, j->path) ? j->given : NULL);
    if (j->meta.date_from)
        sqlite3_bind_int(s, 10, j->meta.date_from);
    else
        sqlite3_bind_null(s, 10);
    bind_sig(s, 11, &j->sig);
    if ((rc = step_done(db, s, "storing a document")) != 0)
        goto out;
    if (!doc_id)
        doc_id = sqlite3_last_insert_rowid(db->h);
    if (w->redo && (rc = zsd_replace_note(db, doc_id)) != 0)
        goto out;
    for (size_t i = 0; i < j->nps; i++)
        if ((rc = kept && kept[i] ? place_kept(w, r, &j->ps[i], kept[i], i + 1)
                                  : write_passage(w, r, j, doc_id, i + 1, &j->ps[i])) != 0)
            goto out;
    /* A zone's row borrows its name from the job, which is freed once
     * written; the other batches hold numbers and the strings' own copies,
     * and wait for zsd_writer_flush(). */
    if ((rc = zsd_rowbatch_flush(&w->park_b, "storing a park")) != 0)
        goto out;
    r->st->files_indexed++;
out:
    free(kept);
    return rc;
}

/* Record the gazetteer's aliases in the index so queries need no data files. */
int zsd_store_aliases(writer *w, zsi_gazetteer *g)
{
    int rc = 0;
    for (size_t i = 0; i < zsi_gazetteer_count(g) && !rc; i++) {
        const char *name = zsi_gazetteer_name(g, i);
        const char *const *al = NULL;
        size_t nal = 0;
        sqlite3_bind_text(w->alias_ins, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(w->alias_ins, 2, name, -1, SQLITE_STATIC);
        rc = step_done(w->db, w->alias_ins, "storing a park alias");
        if (rc || zsi_park_aliases(g, name, strlen(name), &al, &nal))
            continue;
        for (size_t k = 0; k < nal && !rc; k++) {
            sqlite3_bind_text(w->alias_ins, 1, al[k], -1, SQLITE_STATIC);
            sqlite3_bind_text(w->alias_ins, 2, name, -1, SQLITE_STATIC);
            rc = step_done(w->db, w->alias_ins, "storing a park alias");
        }
    }
    return rc;
}
