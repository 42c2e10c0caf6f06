/*
 * db.c - opening, creating and checking the index file.
 *
 * The file is SQLite in WAL mode so that readers can query while one writer
 * indexes, and a crash at any moment leaves the last committed state.
 * The "zhaoshu" tokenizer is registered on every connection before FTS5
 * touches the table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_int.h"
#include "segment_int.h"
#include "extract_int.h"

/*
 * The text of a passage's FTS5 columns, what FTS5 reads (external content)
 * and every reader of the figure column. Since schema 12 the writer stores
 * passages.figure as '' when the passage's figure_rows give it (writer.c
 * figures_derivable()): their texts, the body's bytes [start, start+len), in
 * order of start, joined by ' '. It was the same text twice: 1.0 of
 * realnews-dev's 85.6 MB. A row of an older index keeps its text, which the
 * CASE reads first. (The year column, 0.2 MB, stays: readers of every hit
 * read it, and deriving it from passage_years cost a whole-process query
 * 1-2% more instructions.)
 */
#define PASSAGES_TEXT_VIEW                                                                         \
    "CREATE VIEW passages_text(id, doc_id, seq, kind, start, end, body, park, year, figure) AS"    \
    " SELECT id, doc_id, seq, kind, start, end, zs_text(body), park, year,"                        \
    " CASE WHEN figure <> '' THEN figure ELSE coalesce((SELECT group_concat(t, ' ') FROM"          \
    " (SELECT CAST(substr(CAST(zs_text(passages.body) AS BLOB), f.start + 1, f.len) AS TEXT)"      \
    " AS t FROM figure_rows f WHERE f.passage_id = passages.id ORDER BY f.start)), '') END"        \
    " FROM passages"

static const char schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;\n"
    "CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT NOT NULL, hash TEXT NOT NULL,"
    " size INTEGER NOT NULL, year INTEGER, park TEXT, date TEXT, source TEXT,"
    " encoding TEXT, indexed_at INTEGER, page INTEGER, given TEXT, date_from INTEGER);\n"
    /* A document is found by its path through a 64-bit key of it
     * (ZSD_DOC_BY_PATH), not a UNIQUE index of the path itself: that held
     * every path a second time, 1.0 MB of realnews-dev's 85 MB at the
     * bench's 70 bytes a path. Paths stay unique because the writer looks a
     * path up before it inserts one (writer.c). */
    "CREATE INDEX docs_path_key ON docs(zs_path_key(path));\n"
    /* date: YYYY-MM-DD (or YYYY-MM, YYYY); date_from: 1 manifest, 2 file
     * name, 3 text (extract/docname.c, dateline.c); given: the path as the user wrote it, when
     * not the absolute path. */
    /* body/park/year/figure are the FTS5 columns (external content). */
    /* body: the text, or a zstd frame of it (textstore.c); passages_text
     * shows the text, and is what FTS5 reads. */
    "CREATE TABLE passages(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " kind INTEGER NOT NULL, len INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " hash INTEGER NOT NULL, body NOT NULL, park TEXT NOT NULL, year TEXT NOT NULL,"
    " figure TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL);\n"
    /* hash: 0 (no byte) since schema 17; passage_hashes holds the high 32
     * bits of the text's XXH3-64 (writer.c stored_hash()), which an older
     * row keeps here too; start/end: bytes in the file (UTF-8 input) or in its UTF-8 conversion;
     * line/col: where the passage starts (1-based, col in bytes).
     * len and kind are what ranking reads of its best candidates (rank.c):
     * the body's size in tokens (FTS5 counts it but does not keep it:
     * columnsize=0) and the passage kind (headlines are weighted apart),
     * before the body so that reading them never reads the text. They were
     * a table of their own, passage_rank: 1.9 of realnews-dev's 89 MB and
     * 8.0 of 198 MB on the bench's real 90 MB of short passages, against
     * 0.3 and 1.2 MB in the row. */
    PASSAGES_TEXT_VIEW ";\n"
    /* the passages' hashes, apart from the bodies, for a later run (hashes.c) */
    ZSD_HASHES_SCHEMA ";\n"
    /* the text dictionary (textpack.c), once trained */
    ZSD_TEXT_DICT_SCHEMA ";\n"

    "CREATE TABLE passage_dups(passage_id INTEGER NOT NULL, doc_id INTEGER NOT NULL,"
    " seq INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " line INTEGER NOT NULL, col INTEGER NOT NULL);\n"
    /* Figures are the bulk of a news index's side tables (one per 150 bytes
     * of news): units, classes, metrics and parks are interned in strings,
     * the text is the passage's bytes [start, start+len), value_hi is NULL
     * when it equals value, and (passage_id, start) is the key. The view
     * figures shows them whole, for people and programs. */
    "CREATE TABLE strings(id INTEGER PRIMARY KEY, s TEXT NOT NULL);\n"
    /* A string is found by a 32-bit key of it (ZSD_STRING_BY_TEXT), not a
     * UNIQUE index of the string itself: that held every string a second
     * time, 0.96 MB of realnews-dev's index (38,433 strings). Strings stay
     * unique because the writer looks one up before it adds it
     * (strings.c). strings_key is one of zsd_late_indexes. */
    "CREATE TABLE figure_rows(passage_id INTEGER NOT NULL, start INTEGER NOT NULL,"
    " len INTEGER NOT NULL, value REAL NOT NULL, value_hi REAL, unit INTEGER NOT NULL,"
    " class INTEGER NOT NULL, hedge INTEGER NOT NULL, metric INTEGER NOT NULL,"
    " metric_raw INTEGER NOT NULL, park INTEGER NOT NULL, year INTEGER NOT NULL,"
    " line INTEGER NOT NULL, metric_at INTEGER, metric_at2 INTEGER,"
    " PRIMARY KEY(passage_id, start)) WITHOUT ROWID;\n"
    /* figure_rows.line: the figure's line less its passage's (0 unless the
     * passage was joined across the file's lines). metric_at, metric_at2:
     * where metric_raw is printed, packed (zsd_metric_at_pack(), NULL: not
     * printed); two when its noun and change word stand apart (利润|比上年|
     * 增加). The view gives them as bytes of the passage, like start, end. */
    "CREATE VIEW figures(passage_id, start, end, text, value, value_hi, unit, class, hedge,"
    " metric, metric_raw, park, year, line, metric_start, metric_end, metric_start2,"
    " metric_end2) AS SELECT f.passage_id, f.start, f.start + f.len,"
    " (SELECT CAST(substr(CAST(zs_text(body) AS BLOB), f.start + 1, f.len) AS TEXT) FROM passages"
    " WHERE id = f.passage_id), f.value, coalesce(f.value_hi, f.value),"
    " (SELECT s FROM strings WHERE id = f.unit), (SELECT s FROM strings WHERE id = f.class),"
    " f.hedge, (SELECT s FROM strings WHERE id = f.metric),"
    " (SELECT s FROM strings WHERE id = f.metric_raw), (SELECT s FROM strings WHERE id = f.park),"
    " f.year, f.line, f.start - (f.metric_at - (f.metric_at % 256 + 256) % 256) / 256,"
    " f.start - (f.metric_at - (f.metric_at % 256 + 256) % 256) / 256"
    " + (f.metric_at % 256 + 256) % 256,"
    " f.start - (f.metric_at2 - (f.metric_at2 % 256 + 256) % 256) / 256,"
    " f.start - (f.metric_at2 - (f.metric_at2 % 256 + 256) % 256) / 256"
    " + (f.metric_at2 % 256 + 256) % 256 FROM figure_rows f;\n"
    "CREATE TABLE passage_parks(passage_id INTEGER NOT NULL, park TEXT NOT NULL,"
    " inherited INTEGER NOT NULL, PRIMARY KEY(park, passage_id)) WITHOUT ROWID;\n"
    "CREATE TABLE park_aliases(alias TEXT NOT NULL, park TEXT NOT NULL,"
    " PRIMARY KEY(alias, park)) WITHOUT ROWID;\n"
    /* span: the passage only spans the year (十四五, the inside of
     * 2021—2025年); year:Y asks for stated years, year:~Y for both. */
    "CREATE TABLE passage_years(passage_id INTEGER NOT NULL, year INTEGER NOT NULL,"
    " span INTEGER NOT NULL,"
    " PRIMARY KEY(year, passage_id)) WITHOUT ROWID;\n"
    "CREATE VIRTUAL TABLE fts USING fts5(body, park, year, figure, content='passages_text',"
    " content_rowid='id', columnsize=0, tokenize='zhaoshu');\n";

/* Page size of a new index. Rows of passages (~220 bytes) and FTS5's
 * 1000-byte leaves waste less of an 8 KiB page than of SQLite's 4 KiB
 * (realnews-dev 94.10 -> 93.48 MB); queries read no more (bench-query under
 * callgrind 1.477 -> 1.472 G instructions). An index keeps the size it was
 * made with. */
#define ZSD_PAGE_SIZE "8192"
/* Bytes of the file a read-only connection maps (1 GiB). */
#define READER_MMAP_BYTES "1073741824"

/* Secondary indexes that a build into an empty index makes at its end, by
 * sorting once, rather than row by row (see index.c). The writer's
 * duplicate lookup is not one: every run finds repeats in memory (seen.c),
 * and passages_hash is made only for more passages than memory holds (the
 * drop below removes it before a first build). */
const char zsd_late_indexes[] =
    "CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);\n"
    "CREATE INDEX IF NOT EXISTS passage_dups_passage ON passage_dups(passage_id);\n"
    "CREATE INDEX IF NOT EXISTS passage_dups_doc ON passage_dups(doc_id);\n"
    "CREATE INDEX IF NOT EXISTS figure_rows_class ON figure_rows(class, value);\n"
    "CREATE INDEX IF NOT EXISTS passage_parks_passage ON passage_parks(passage_id);\n"
    /* Late for another reason too: a statement that inserts several rows
     * into a table with an index of a function's value (which may fail
     * midway) opens a statement transaction, at whose start FTS5 flushes its
     * pending terms to a new segment; so a run with strings_key inserts one
     * string a statement (strings.c), and a first build batches them. */
    "CREATE INDEX IF NOT EXISTS strings_key ON strings(zs_str_key(s));\n";
/* Not passage_years(passage_id) (schema 13 and before): a passage's years
 * are its year column's, so a writer removes them by the key (year,
 * passage_id) (writer.c) and an export reads them there: 0.47 of
 * realnews-dev's 85.2 MB. */
const char zsd_late_indexes_drop[] =
    "DROP INDEX IF EXISTS passages_hash; DROP INDEX IF EXISTS passages_doc; DROP INDEX IF EXISTS "
    "passage_dups_passage;"
    " DROP INDEX IF EXISTS passage_dups_doc; DROP INDEX IF EXISTS figure_rows_class;"
    " DROP INDEX IF EXISTS passage_parks_passage; DROP INDEX IF EXISTS passage_years_passage;"
    " DROP INDEX IF EXISTS strings_key;";

int zsd_fail(zs_db *db, int rc, const char *fmt, ...)
{
    va_list ap;
    if (!db)
        return rc;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
    return rc;
}

int zsd_sqlite_fail(zs_db *db, const char *what)
{
    if (db->limit_ms && sqlite3_errcode(db->h) == SQLITE_INTERRUPT)
        return zsd_fail(db, ZS_ELIMIT, "%s: stopped at the time limit of %u ms", what,
                        db->limit_ms);
    return zsd_fail(db, ZS_ESQLITE, "%s: %s", what, sqlite3_errmsg(db->h));
}

int zsd_exec(zs_db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        zsd_fail(db, ZS_ESQLITE, "SQLite: %s", msg ? msg : "error");
        sqlite3_free(msg);
        return ZS_ESQLITE;
    }
    return 0;
}

int zsd_query_int(zs_db *db, const char *sql, int dflt)
{
    sqlite3_stmt *st = NULL;
    int v = dflt;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/*
 * meta is one page and the text dictionary's overflow chain (512 KiB, in
 * the row 'text_dict'). A lookup by key walks the primary key, and SQLite
 * reads a whole record into a buffer of its own to compare keys with it
 * when the record overflows its page: every lookup of 'tokenizer' (which
 * sorts after 'text_dict') read the dictionary, 64 pages and a 512 KiB
 * copy. `+key` makes it a scan, which reads each row's key from its page
 * and the value of the matching row only.
 */
int zsd_meta_text(zs_db *db, const char *key, char *out, size_t cap)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    out[0] = '\0';
    /* Kept: a query reads the tokenizer's identity each time. */
    int rc = zsd_cached(db, &st, "SELECT value FROM meta WHERE +key = ?");
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
        found = 1;
    } else if (src != SQLITE_DONE && src != SQLITE_ROW) {
        found = zsd_sqlite_fail(db, "reading the index's meta table");
    }
    zsd_release(db, st);
    return found;
}

int zsd_prepare(zs_db *db, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(db->h, sql, -1, st, NULL) != SQLITE_OK)
        return zsd_sqlite_fail(db, "preparing a statement");
    return 0;
}

const char *zsd_kind_name(int kind)
{
    switch (kind) {
    case ZSD_KIND_HEADLINE: return "headline";
    case ZSD_KIND_CAPTION: return "caption";
    case ZSD_KIND_BYLINE: return "byline";
    }
    return "body";
}

int zs_db_default_path(char **out)
{
    const char *env = getenv("ZHAOSHU_DB");
    char buf[4096];
    *out = NULL;
    if (env && *env) {
        snprintf(buf, sizeof buf, "%s", env);
    } else if ((env = getenv("XDG_DATA_HOME")) && *env) {
        snprintf(buf, sizeof buf, "%s/zhaoshu/index.db", env);
    } else if ((env = getenv("HOME")) && *env) {
        snprintf(buf, sizeof buf, "%s/.local/share/zhaoshu/index.db", env);
    } else {
        return ZS_ENOTFOUND;
    }
    *out = strdup(buf);
    return *out ? 0 : ZS_ENOMEM;
}

/* mkdir -p for the folder holding path. */
static int make_parent(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    char *slash = strrchr(buf, '/');
    if (!slash || slash == buf)
        return 0;
    *slash = '\0';
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return (mkdir(buf, 0755) && errno != EEXIST) ? -1 : 0;
}

/* Bytes of SQLite's file header and the magic string that opens it. */
#define SQLITE_HEADER_BYTES 100
static const char sqlite_magic[16] = "SQLite format 3";

/*
 * Nonzero when h's file starts with a whole SQLite header. The header is
 * read through SQLite's own descriptor of the file, never a second one:
 * POSIX record locks belong to a process and a file, so closing any
 * descriptor of the index drops every lock this process holds on it. A
 * program with a handle open (the reader threads of `serve`, a reader
 * beside its writer) that opened another thus lost the first handle's
 * SHARED lock; the writer's close then took EXCLUSIVE, ran its final
 * checkpoint as if alone, past the readers' snapshots, and deleted the WAL
 * under them: "database disk image is malformed" in a reader (bench/run's
 * 4 readers beside a writer, 1 failed query in ~5 rounds under load).
 */
static int is_sqlite_file(sqlite3 *h)
{
    char head[sizeof sqlite_magic];
    sqlite3_file *f = NULL;
    if (sqlite3_file_control(h, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
        !f->pMethods)
        return 1; /* no file to look at: let SQLite say what is wrong */
    /* a short file reads as SQLITE_IOERR_SHORT_READ */
    return f->pMethods->xRead(f, head, sizeof head, 0) == SQLITE_OK &&
           memcmp(head, sqlite_magic, sizeof head) == 0;
}

/* Nonzero, with db's message set, when a writer holds the lock of an index
 * that a reader found missing or empty: it is being built. */
static int being_built(zs_db *db)
{
    long pid = zsd_lock_holder(db->path);
    if (!pid)
        return 0;
    char who[48] = "";
    if (pid > 0)
        snprintf(who, sizeof who, " (pid %ld)", pid);
    zsd_fail(db, ZS_EBUSY,
             "%s is being built by zhaoshu index%s and holds nothing yet; try again in a moment",
             db->path, who);
    return 1;
}

/* The last schema whose indexes this zhaoshu reads and moves on: it kept the
 * text dictionary in meta's row 'text_dict'. */
#define SCHEMA_DICT_IN_META 10
/* The schema that stored the figure column whole (see PASSAGES_TEXT_VIEW). */
#define SCHEMA_COLUMNS_WHOLE 11
/* The last schema with a UNIQUE index of docs.path (see the schema). */
#define SCHEMA_PATHS_TWICE 12
/* The last schema with the index passage_years_passage. */
#define SCHEMA_YEARS_BY_PASSAGE 13
/* The last schema with a UNIQUE index of strings.s (see the schema). */
#define SCHEMA_STRINGS_TWICE 14
/* The last schema whose writer wrote docs.hash as 16 hex digits. */
#define SCHEMA_HEX_HASHES 15
/* The last schema whose passages.hash held each passage's hash. */
#define SCHEMA_PASSAGE_HASHES_TWICE 16
/* The last schema whose every compressed body was a frame of its own. */
#define SCHEMA_BODIES_ALONE 17

/*
 * One step of an older index to a newer schema, in one transaction: the
 * statements of change, then the version. A step that fails leaves the
 * index as it was, at its older schema, which readers still read.
 */
static int move_schema(zs_db *db, const char *change, int to)
{
    char *sql = sqlite3_mprintf("BEGIN IMMEDIATE; %s;"
                                " UPDATE meta SET value = '%d' WHERE key = 'schema_version';"
                                " COMMIT;",
                                change, to);
    if (!sql)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    int rc = zsd_exec(db, sql);
    sqlite3_free(sql);
    if (rc)
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/*
 * Schema 10 to 11: the text dictionary from meta's row into the table
 * text_dict, where a reader can read it without a copy of SQLite's own
 * (textstore.c). Nothing else differs, so an index written by an older
 * zhaoshu keeps every passage and needs no rebuild.
 */
static int move_dict(zs_db *db)
{
    char change[512];
    snprintf(change, sizeof change,
             ZSD_TEXT_DICT_SCHEMA ";"
             "INSERT INTO text_dict SELECT %d, value FROM meta WHERE +key = 'text_dict';"
             "DELETE FROM meta WHERE key = 'text_dict'",
             ZSD_TEXT_DICT_ROWID);
    return move_schema(db, change, SCHEMA_COLUMNS_WHOLE);
}

/*
 * Schema 11 to 12: passages_text derives the figure column a row stores as
 * '' (PASSAGES_TEXT_VIEW). The rows of the older index keep their text,
 * which the view reads as it is, so nothing else is written: a later run's
 * rows are stored the new way.
 */
static int derive_columns(zs_db *db)
{
    return move_schema(db, "DROP VIEW passages_text;" PASSAGES_TEXT_VIEW, SCHEMA_PATHS_TWICE);
}

/*
 * Schema 12 to 13: docs_path_key, which the lookups by path
 * (ZSD_DOC_BY_PATH) need: their "+path" keeps SQLite from using any index
 * of the path itself. An older index keeps its UNIQUE index of docs.path
 * too; dropping it would mean copying the table. A new index is the
 * smaller one.
 */
static int key_paths(zs_db *db)
{
    return move_schema(db, "CREATE INDEX IF NOT EXISTS docs_path_key ON docs(zs_path_key(path))",
                       SCHEMA_YEARS_BY_PASSAGE);
}

/*
 * Schema 13 to 14: passage_years_passage dropped; nothing reads it now
 * (zsd_late_indexes says why). Its pages go to the free list, which the
 * next rows fill.
 */
static int drop_years_index(zs_db *db)
{
    return move_schema(db, "DROP INDEX IF EXISTS passage_years_passage", SCHEMA_STRINGS_TWICE);
}

/*
 * Schema 14 to 15: strings_key, which the look-ups by text
 * (ZSD_STRING_BY_TEXT) need. An older index keeps its UNIQUE index of
 * strings.s too (dropping it means copying the table, which views name).
 */
static int key_strings(zs_db *db)
{
    return move_schema(db, "CREATE INDEX IF NOT EXISTS strings_key ON strings(zs_str_key(s))",
                       SCHEMA_HEX_HASHES);
}

/*
 * Schema 15 to 16: a writer writes docs.hash as 8 bytes (writer.c). The
 * rows of the older index keep their hex digits, which the writer's reader
 * of them (input.c) reads too, until their files change; nothing else
 * reads the column, so nothing is written here.
 */
static int blob_hashes(zs_db *db)
{
    return move_schema(db, "SELECT 1", SCHEMA_PASSAGE_HASHES_TWICE);
}

/*
 * Schema 16 to 17: a writer writes passages.hash as 0, and passages_hash,
 * made only for runs the seen.c table cannot hold, is an index of
 * zs_body_key(body) (ZSD_PASSAGES_HASH_INDEX): an index of the column would
 * miss every newer row. The older one goes; the next run that needs it
 * makes it anew. The older rows keep their hashes.
 */
static int hash_bodies(zs_db *db)
{
    return move_schema(db, "DROP INDEX IF EXISTS passages_hash", SCHEMA_BODIES_ALONE);
}

/*
 * Schema 17 to 18: a writer may store a file's passages in groups that
 * share one frame (ZSD_BODY_GROUP, store_int.h); the older bodies are read
 * as they are. Nothing changes but the version, which keeps an older
 * zhaoshu, which cannot read a group, from the index.
 */
static int group_bodies(zs_db *db)
{
    return move_schema(db, "SELECT 1", ZSD_SCHEMA_VERSION);
}

static int check_schema(zs_db *db)
{
    sqlite3_stmt *st = NULL;
    int version = -1, rc = 0;
    if (sqlite3_prepare_v2(db->h, "SELECT value FROM meta WHERE key='schema_version'", -1, &st,
                           NULL) != SQLITE_OK) {
        rc = zsd_fail(db, ZS_ESCHEMA,
                      "%s is not a zhaoshu index (no meta table); remove it or open another file",
                      db->path);
        goto out;
    }
    if (sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    if (version >= SCHEMA_DICT_IN_META && version <= SCHEMA_BODIES_ALONE) {
        sqlite3_finalize(st);
        st = NULL;
        /* A reader reads it as it is (textstore.c, the view it has); a
         * writer moves it on, one schema at a time. */
        if (!db->readonly && version == SCHEMA_DICT_IN_META)
            rc = move_dict(db);
        if (!db->readonly && !rc && version <= SCHEMA_COLUMNS_WHOLE)
            rc = derive_columns(db);
        if (!db->readonly && !rc && version <= SCHEMA_PATHS_TWICE)
            rc = key_paths(db);
        if (!db->readonly && !rc && version <= SCHEMA_YEARS_BY_PASSAGE)
            rc = drop_years_index(db);
        if (!db->readonly && !rc && version <= SCHEMA_STRINGS_TWICE)
            rc = key_strings(db);
        if (!db->readonly && !rc && version <= SCHEMA_HEX_HASHES)
            rc = blob_hashes(db);
        if (!db->readonly && !rc && version <= SCHEMA_PASSAGE_HASHES_TWICE)
            rc = hash_bodies(db);
        if (!db->readonly && !rc)
            rc = group_bodies(db);
        goto out;
    }
    if (version != ZSD_SCHEMA_VERSION)
        rc = zsd_fail(db, ZS_ESCHEMA,
                      "%s was written with index schema %d; this zhaoshu %s uses schema %d: "
                      "rebuild it (delete the file and index again)",
                      db->path, version, ZS_VERSION_STRING, ZSD_SCHEMA_VERSION);
out:
    sqlite3_finalize(st);
    return rc;
}

static int create_schema(zs_db *db)
{
    char meta[512];
    int rc = zsd_exec(db, "BEGIN IMMEDIATE");
    if (rc)
        return rc;
    /* Someone may have created it between our check and our lock. */
    sqlite3_stmt *st = NULL;
    int exists = 0;
    if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM sqlite_master WHERE name='meta'", -1, &st, NULL) ==
        SQLITE_OK)
        exists = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!exists) {
        snprintf(meta, sizeof meta,
                 "INSERT INTO meta VALUES('schema_version','%d'),('created_by','zhaoshu %s');"
                 "INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(10.0, 2.0, 1.0, 1.0)');"
                 /* fewer, larger level-0 segments while indexing (16 MiB of RAM).
                  * A smaller hash is cheaper for the writer (each token's
                  * lookup walks entries spread over the whole hash: 1 MiB cut
                  * the writer thread's CPU on realnews-dev 4.99 -> 4.32 s),
                  * but leaves more segments for every query to read: 19, not
                  * 4, and the query set took 778 M instructions, not 625 M
                  * (2 MiB 798 M, 4 MiB 977 M, 8 MiB 771 M; bench-query under
                  * callgrind). Finishing FTS5's merge at the end of a build
                  * gave 607 M but 12 MB more file (pages freed, not reused). */
                 "INSERT INTO fts(fts, rank) VALUES('hashsize', 16777216);"
                 /* Merge 16 segments at a time, not 4: each posting is rewritten
                  * log16 rather than log4 times (news-200: 15.5 -> 13.8 s; the
                  * index keeps 12 segments, not 7, and queries got ~5% slower). */
                 "INSERT INTO fts(fts, rank) VALUES('automerge', 16);"
                 "INSERT INTO fts(fts, rank) VALUES('crisismerge', 64);",
                 ZSD_SCHEMA_VERSION, ZS_VERSION_STRING);
        if ((rc = zsd_exec(db, schema)) != 0 || (rc = zsd_exec(db, zsd_late_indexes)) != 0 ||
            (rc = zsd_exec(db, meta)) != 0 || (rc = zsd_tokver_sync(db, 1)) != 0) {
            sqlite3_exec(db->h, "ROLLBACK", 0, 0, 0);
            return rc;
        }
    }
    return zsd_exec(db, "COMMIT");
}

/* How many times a reader opens the index again when it was renamed over
 * while it opened it: each is a build ending, one writer at a time. */
#define MOVED_TRIES 3

/* Nonzero when the file db->h holds is no longer the one at db->path. */
int zsd_has_moved(zs_db *db)
{
    int moved = 0;
    return sqlite3_file_control(db->h, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
           moved;
}

/* Open db->path on db->h (readonly or read-write and create, as db is)
 * with what every connection of zhaoshu has: the busy timeout, the
 * tokenizer, zs_text(), and a writer's hook or a reader's map. */
static int connect(zs_db *db, unsigned flags)
{
    const char *err = NULL;
    int sflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(db->path, &db->h, sflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return zsd_fail(db, ZS_ESQLITE, "cannot open %s: %s", db->path,
                        db->h ? sqlite3_errmsg(db->h) : "out of memory");
    sqlite3_busy_timeout(db->h, ZSD_BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(db->h, 1);
    if (zss_fts5_register(db->h, &err))
        return zsd_fail(db, ZS_ESQLITE, "%s", err);
    if (zsd_text_register(db->h, &db->text) != SQLITE_OK)
        return zsd_fail(db, ZS_ESQLITE, "cannot register zs_text(): %s", sqlite3_errmsg(db->h));
    /* Map the file: a handle that queries again and again then reads pages
     * it touched before without a read() and a copy each (perf: most of a
     * filtered query's time was the kernel copying pages). Not for a short
     * command (ZS_OPEN_SHORT): it touches most pages once, and mapping one
     * costs a page fault, ~30 us on a virtual machine against ~3 us for a
     * read() of it (a `zhaoshu query` took ~150 such faults of its ~330). */
    if (db->readonly && !(flags & ZS_OPEN_SHORT)) /* a writer would count mapped pages as RSS */
        sqlite3_exec(db->h, "PRAGMA mmap_size=" READER_MMAP_BYTES, NULL, NULL, NULL);
    if (!db->readonly)
        zsd_hashes_hook(db); /* passage_hashes follows passages (hashes.c) */
    return 0;
}

/* The pragmas of a writer's connection. */
static int writer_pragmas(zs_db *db)
{
    /* 64 MiB of page cache for the writer: with SQLite's 2 MiB it read
     * index pages back and spilled dirty ones mid-batch (news-100:
     * 11.8 -> 10.7 s; peak RSS 50 -> 143 MB, bounded whatever the size). */
    return zsd_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                        " PRAGMA cache_size=" ZSD_WRITER_CACHE ";");
}

int zs_db_open(zs_db **out, const char *path, const zs_open_opts *o)
{
    unsigned flags = o ? o->flags : 0;
    int rc = 0;
    struct stat sb;

    if (!out)
        return ZS_EINVAL;
    *out = NULL;
    if (!path || !*path)
        return ZS_EINVAL;
    if (o && (o->version < 1 || o->version > ZS_OPEN_OPTS_VERSION))
        return ZS_EINVAL;
    unsigned wait_ms = o && o->version >= 2 ? o->wait_ms : 0;
    zs_db *db = calloc(1, sizeof *db);
    if (!db)
        return ZS_ENOMEM;
    *out = db;
    db->lock_fd = -1;
    db->readonly = (flags & ZS_OPEN_READONLY) != 0;
    if (!(db->path = strdup(path)))
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    int exists = stat(path, &sb) == 0;
    if (!exists && (!(flags & ZS_OPEN_CREATE) || db->readonly))
        return being_built(db) ? ZS_EBUSY
                               : zsd_fail(db, ZS_ENOTFOUND,
                                          "no index at %s; build one with zhaoshu index", path);
    if (!exists && make_parent(path))
        return zsd_fail(db, ZS_EIO, "cannot create the folder of %s: %s", path, strerror(errno));
    /* The writer lock comes before the file is created or written, so that
     * a reader arriving in a build's first moments can tell it is one. */
    if (!db->readonly && (rc = zsd_lock_take(db, wait_ms)) != 0)
        return rc;
    /* A stale copy of an older version's killed first build's end
     * (compact.c) goes now that no other writer can be making one; nothing
     * ever reads it. */
    if (!db->readonly)
        zsd_compact_forget(db);
    int has_meta = 0;
    for (int tries = 0;; tries++) {
        if ((rc = connect(db, flags)) != 0)
            return rc;
        /* A file that is there must be an index or empty: SQLite takes a
         * file shorter than its header for an empty database and writes
         * over it, so a stray 1-byte file would be lost without this look,
         * made before any statement (SQLite's open reads nothing). */
        if (exists && S_ISREG(sb.st_mode) && sb.st_size > 0 && !is_sqlite_file(db->h)) {
            zsd_lock_drop(db, 1);
            return zsd_fail(
                db, ZS_ESCHEMA, "%s is not a zhaoshu index (%s); open another file or remove it",
                path,
                sb.st_size < SQLITE_HEADER_BYTES ? "a file of a few bytes" : "not an SQLite file");
        }
        /* Empty file (new, or created by someone else just now): make the schema. */
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM sqlite_master WHERE name='meta'", -1, &st,
                               NULL) != SQLITE_OK) {
            sqlite3_finalize(st);
            return zsd_fail(db, ZS_ESCHEMA, "%s is not an SQLite file or is damaged: %s", path,
                            sqlite3_errmsg(db->h));
        }
        has_meta = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
        /* A reader that opened the file while an older version's first
         * build swapped in its compacted copy (compact.c) waited on the
         * build's lock, and holds the file that was renamed over: it opens
         * the index again. */
        if (!db->readonly || tries == MOVED_TRIES || !zsd_has_moved(db))
            break;
        zsd_cache_free(db);
        zsd_text_drop(db->text);
        db->text = NULL;
        sqlite3_close(db->h);
        db->h = NULL;
    }
    int nobjects = has_meta ? 1 : zsd_query_int(db, "SELECT count(*) FROM sqlite_master", 0);
    /* Another program's database: refused before anything is written (the
     * journal mode below would already change its file). */
    if (!has_meta && nobjects > 0) {
        zsd_lock_drop(db, 1);
        return zsd_fail(db, ZS_ESCHEMA,
                        "%s is not a zhaoshu index (an SQLite file of another program); "
                        "open another file or remove it",
                        path);
    }
    if (!db->readonly) {
        /* before anything is written, or it is too late */
        if (!has_meta && (rc = zsd_exec(db, "PRAGMA page_size=" ZSD_PAGE_SIZE)) != 0)
            return rc;
        if ((rc = writer_pragmas(db)) != 0)
            return rc;
    }
    if (!has_meta) {
        /* An empty file: most often a build that has not committed its
         * schema yet; "not an index, remove it" would be harmful advice. */
        if (db->readonly && being_built(db))
            return ZS_EBUSY;
        if (db->readonly || !(flags & ZS_OPEN_CREATE))
            return zsd_fail(db, ZS_ESCHEMA,
                            "%s is empty, not yet a zhaoshu index (a first build was stopped "
                            "before its first commit?): index into it, or remove it",
                            path);
        if ((rc = create_schema(db)) != 0)
            return rc;
    }
    return check_schema(db);
}

int zs_db_check(zs_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc;
    if (!db)
        return ZS_EINVAL;
    if ((rc = zsd_prepare(db, &st, "PRAGMA integrity_check")) != 0)
        return rc;
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = zsd_sqlite_fail(db, "integrity_check");
    } else if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
        rc = zsd_fail(db, ZS_ESQLITE, "SQLite integrity_check: %s", sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    if (rc)
        return rc;
    /* Before FTS5's check, which cuts the text with this tokenizer and
     * would call the index damaged when another one cut it. */
    if ((rc = zsd_tokver_refuse(db)) != 0)
        return rc;
    /* Read-only handles can run it too: the command only reads. */
    if (sqlite3_exec(db->h, "INSERT INTO fts(fts, rank) VALUES('integrity-check', 1)", 0, 0, 0) !=
        SQLITE_OK)
        return zsd_sqlite_fail(db, "FTS5 integrity-check");
    return 0;
}

void zs_db_close(zs_db *db)
{
    if (!db)
        return;
    if (db->query_free)
        db->query_free(db->query);
    zsd_cache_free(db);
    zsd_text_drop(db->text);
    zsd_hashes_free(db);
    sqlite3_close_v2(db->h);
    zsd_lock_drop(db, 0); /* after SQLite's last write */
    free(db->path);
    free(db);
}

int zs_db_stat(zs_db *db, zs_db_status *st)
{
    if (!db || !st || st->version < 1 || st->version > ZS_DB_STATUS_VERSION)
        return ZS_EINVAL;
    st->writer_pid = db->lock_fd >= 0 ? (long)getpid() : zsd_lock_holder(db->path);
    sqlite3_stmt *q = NULL;
    int rc = zsd_prepare(db, &q, "SELECT count(*) FROM docs");
    if (rc)
        return rc;
    if (sqlite3_step(q) != SQLITE_ROW)
        rc = zsd_sqlite_fail(db, "counting documents");
    else
        st->documents = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (rc || st->version < 2)
        return rc;
    int has = zsd_extver_stored(db, st->extractor, sizeof st->extractor);
    if (has < 0)
        return has;
    /* An index with no document has nothing another extractor made. */
    st->extractor_stale = st->documents > 0 && strcmp(st->extractor, zs_extractor()) != 0;
    if (st->version < 3)
        return 0;
    if ((has = zsd_tokver_stored(db, st->tokenizer, sizeof st->tokenizer)) < 0)
        return has;
    if ((st->tokenizer_stale = zsd_tokver_stale(db)) < 0)
        return st->tokenizer_stale;
    return 0;
}

const char *zs_errmsg(const zs_db *db)
{
    if (!db)
        return "out of memory";
    return db->err[0] ? db->err : "no error";
}
