/*
 * reextract.c - an index run on an index another extractor built: every
 * document whose file is still there is extracted again (extver.c says
 * why and what the identity is).
 *
 * The plan, made after the run's files are matched with the documents
 * (zsd_match_known), before the workers start:
 *  - a file of this run that is a known document is read and written as a
 *    changed one, whatever its signature or content hash;
 *  - a known document outside this run's paths whose file is still a
 *    regular file becomes a job of the run too (after the given ones), so
 *    the identity recorded at the end is true of the whole index. What a
 *    manifest or a --name-pattern said of its date, outlet and page is kept:
 *    this run may not have read them;
 *  - a document whose file is gone, or standard input's, keeps its fields.
 * The whole re-extraction is one transaction, which records the new identity
 * last (index.c): a kill leaves the old index whole and the next run starts
 * over; readers see the old index until the commit; the WAL grows to about
 * the index's size meanwhile. Two ways, by cost:
 *  - every document's file is there (the usual case): a rebuild. Every
 *    passage and its rows are removed, the full-text index emptied
 *    ('delete-all'), and the run is a first build (late indexes, seen.c)
 *    writing over the document rows;
 *  - some files are gone: their documents keep their rows, the others are
 *    replaced one by one as changed files are, except that the full-text
 *    index is emptied first and, at the end, the passages of the documents
 *    not written again get their rows back: removing a passage's old row
 *    one by one costs FTS5 a tokenization of the old text.
 * Callgrind, 1,000 realnews-dev articles, --threads 1: a fresh build 3.22 G
 * instructions; a rebuild 3.48 G (0.24 G of it compressing every passage
 * with the index's dictionary, which a fresh build trains first); with one
 * file gone 3.75 G; replacing each document with its full-text deletes,
 * as a changed file is, took 6.48 G.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pipeline_int.h"

/* What a manifest or a file-name pattern said of a document outside this
 * run, given to its job as zs_index_buffer's date and source are. */
static int keep_meta(run *r, sqlite3_stmt *st, job *j)
{
    int from = sqlite3_column_type(st, 4) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 4);
    const char *date = (const char *)sqlite3_column_text(st, 1);
    const char *source = (const char *)sqlite3_column_text(st, 2);
    if (from != ZSI_META_MANIFEST && from != ZSI_META_NAME)
        return 0; /* from the text (a dateline): the new extractor decides */
    if ((date && !(j->date = strdup(date))) || (source && !(j->source = strdup(source))))
        return zsd_fail(r->db, ZS_ENOMEM, "out of memory");
    j->page = sqlite3_column_int(st, 3);
    j->kept_from = from;
    return 0;
}

int zsd_plan_reextract(run *r, const char *had)
{
    sqlite3_stmt *st = NULL;
    size_t again = 0, gone = 0;
    int rc = 0;

    r->reextract = 1;
    for (size_t i = 0; i < r->njobs; i++) {
        job *j = &r->jobs[i];
        known *k = j->from_stdin ? NULL : zsd_find_known(r, j->path);
        if (!k)
            continue;
        k->seen = 1;
        j->unchanged = j->by_sig = j->sig_stale = 0;
        again++;
    }
    if ((rc = zsd_prepare(r->db, &st,
                          "SELECT given, date, source, page, date_from FROM docs WHERE "
                          ZSD_DOC_BY_PATH(1))) !=
        0)
        return rc;
    for (size_t i = 0; i < r->nknown && !rc; i++) {
        known *k = &r->known[i];
        struct stat sb;
        if (k->seen)
            continue;
        /* Standard input's and zs_index_buffer's documents have names, not
         * paths; a path whose file is gone or is no longer a file keeps
         * the document as it is. */
        if (k->path[0] != '/' || stat(k->path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
            gone++;
            continue;
        }
        sqlite3_bind_text(st, 1, k->path, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW) {
            rc = zsd_sqlite_fail(r->db, "reading a document to extract again");
            break;
        }
        if ((rc = zsd_add_job(r, k->path, (const char *)sqlite3_column_text(st, 0), 0, &sb)) != 0) {
            rc = zsd_fail(r->db, rc, "out of memory");
            break;
        }
        rc = keep_meta(r, st, &r->jobs[r->njobs - 1]);
        sqlite3_reset(st);
        r->st->files_seen++;
        r->st->bytes_total += (unsigned long long)sb.st_size;
        again++;
    }
    sqlite3_finalize(st);
    /* prune() sets seen again from the jobs, the ones added included. */
    for (size_t i = 0; i < r->nknown; i++)
        r->known[i].seen = 0;
    if (rc)
        return rc;
    r->rebuild = !gone;
    char m[512], rest[96] = "";
    if (gone)
        snprintf(rest, sizeof rest, "; %zu whose files are gone keep their fields", gone);
    snprintf(m, sizeof m,
             "index built by an older extractor (%s; this one is %s): re-extracting %zu "
             "documents%s",
             had[0] ? had : "none recorded", zs_extractor(), again, rest);
    zsd_report(r, ZS_MSG_NOTE, r->db->path, -1, m);
    return 0;
}

int zsd_rebuild_wipe(zs_db *db)
{
    /* FTS5 first: its external content must still be there to empty it. */
    int rc = zsd_exec(db, "INSERT INTO fts(fts) VALUES('delete-all');"
                          "DELETE FROM figure_rows; DELETE FROM passage_parks;"
                          "DELETE FROM passage_years; DELETE FROM passage_dups;"
                          "DELETE FROM passages;");
    return rc ? rc : zsd_hashes_wipe(db);
}

int zsd_rebuild_drop(run *r, const job *j)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_cached(r->db, &st, "DELETE FROM docs WHERE " ZSD_DOC_ROW_BY_PATH(1));
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, j->path, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    int gone = sqlite3_changes(r->db->h) > 0;
    zsd_release(r->db, st);
    if (src != SQLITE_DONE)
        return zsd_sqlite_fail(r->db, "removing a document");
    if (gone) {
        r->st->files_removed++;
        zsd_report(r, ZS_MSG_WARNING, j->path, -1,
                   "removed from the index: it could not be extracted again (index it once "
                   "it can be read)");
    }
    return 0;
}

int zsd_replace_begin(zs_db *db)
{
    return zsd_exec(db, "INSERT INTO fts(fts) VALUES('delete-all');"
                        "CREATE TEMP TABLE IF NOT EXISTS redo(doc_id INTEGER PRIMARY KEY);"
                        "DELETE FROM temp.redo;");
}

int zsd_replace_note(zs_db *db, sqlite3_int64 doc_id)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_cached(db, &st, "INSERT OR IGNORE INTO temp.redo VALUES(?)");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, doc_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = zsd_sqlite_fail(db, "noting a document written again");
    zsd_release(db, st);
    return rc;
}

int zsd_replace_end(zs_db *db)
{
    /* Only passages of documents not written again are old ones: a removed
     * document's passage moves (promotion) only to a document that prints
     * it still, and one written again prints only passages of this run. */
    return zsd_exec(db, "INSERT INTO fts(rowid, body, park, year, figure)"
                        " SELECT id, body, park, year, figure FROM passages_text"
                        " WHERE doc_id NOT IN (SELECT doc_id FROM temp.redo) ORDER BY id;"
                        "DELETE FROM temp.redo;");
}
