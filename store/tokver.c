/*
 * tokver.c - the tokenizer identity of an index (segment/tokid.c says what
 * it is): recorded in meta ('tokenizer'), checked before a query or a write
 * touches the full-text table, and brought up to date by rebuilding that
 * table from the stored text.
 *
 * Why refuse and not warn: a query cut by another tokenizer than the
 * passages were (a character folded to Simplified on one side only, a
 * number split another way) finds fewer passages and looks like a right
 * answer. Why a writer rebuilds before anything else: FTS5 removes a row's
 * postings by cutting its old text again, with today's tokenizer; cut
 * another way, the wrong postings would go and the index would be damaged.
 *
 * An index with no passage holds no tokens and is never stale; one built
 * before identities were recorded has none and is stale when it holds
 * passages (nobody can say which tokenizer cut them).
 */
#include <stdio.h>
#include <string.h>

#include "segment_int.h"
#include "store_int.h"

int zsd_tokver_stored(zs_db *db, char *out, size_t cap)
{
    return zsd_meta_text(db, "tokenizer", out, cap);
}

/* 1: the recorded identity is not this one's; 0: it is; or an error. */
static int differs(zs_db *db)
{
    char had[ZSS_TOKENIZER_ID_MAX];
    int has = zsd_tokver_stored(db, had, sizeof had);
    if (has < 0)
        return has;
    return !has || strcmp(had, zs_tokenizer()) != 0;
}

int zsd_tokver_stale(zs_db *db)
{
    int d = differs(db);
    if (d <= 0)
        return d;
    /* Unsure (a failed read) counts as stale: refuse rather than miss. */
    return zsd_query_int(db, "SELECT EXISTS (SELECT 1 FROM passages)", 1);
}

int zsd_tokver_refuse(zs_db *db)
{
    int stale = zsd_tokver_stale(db);
    if (stale <= 0)
        return stale;
    return zsd_fail(db, ZS_ETOKENIZER,
                    "%s was indexed by a zhaoshu that cuts text into other tokens, so a query "
                    "could miss passages; rebuild its full-text index with: zhaoshu index "
                    "--retokenize --db %s",
                    db->path, db->path);
}

static int record(zs_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_prepare(db, &st, "INSERT OR REPLACE INTO meta VALUES('tokenizer', ?)");
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, zs_tokenizer(), -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = zsd_sqlite_fail(db, "recording the tokenizer identity");
    sqlite3_finalize(st);
    return rc;
}

int zsd_tokver_sync(zs_db *db, int fts_emptied)
{
    int d = differs(db);
    if (d <= 0)
        return d;
    /* FTS5's 'rebuild' empties the table and cuts every row of
     * passages_text again with the tokenizer registered on db: ours. */
    if (!fts_emptied && zsd_query_int(db, "SELECT EXISTS (SELECT 1 FROM passages)", 1)) {
        int rc = zsd_exec(db, "INSERT INTO fts(fts) VALUES('rebuild')");
        if (rc)
            return rc;
    }
    return record(db);
}

int zs_index_retokenize(zs_db *db)
{
    if (!db)
        return ZS_EINVAL;
    if (db->readonly)
        return zsd_fail(db, ZS_EINVAL, "the index was opened read-only");
    int rc = zsd_exec(db, "BEGIN IMMEDIATE");
    if (rc)
        return rc;
    if ((rc = zsd_tokver_sync(db, 0)) != 0) {
        sqlite3_exec(db->h, "ROLLBACK", 0, 0, 0);
        return rc;
    }
    return zsd_exec(db, "COMMIT");
}
