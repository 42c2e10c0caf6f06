/*
 * store_int.h - private interface of store/, the layer that keeps what
 * extract/ found: the SQLite schema (db.c), the indexing pipeline of worker
 * threads and one writer (index.c), interned strings, compressed passage
 * text (textstore.c, textpack.c) and dedup of repeated passages (seen.c,
 * repeats.c). query/ reads the same database through this header.
 *
 * What this layer must not do: parse or render queries (query/ above it),
 * print, or name command-line flags in its messages. It uses util/,
 * segment/ and extract/ below it.
 *
 * One SQLite file in WAL mode holds everything: documents, passages, the
 * FTS5 index over passages (external content: the text is stored once, in
 * passages), figures, parks and years. The schema version is in meta.
 */
#ifndef ZS_STORE_INT_H
#define ZS_STORE_INT_H

#include <stdarg.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include "zhaoshu.h"

/* Bump when the schema or the token scheme changes. */
/* 6: passages.hash is 32 bits; 7: text frames without magic and dictionary
 * ID; 8: passage_rank holds body lengths and kinds, FTS5 keeps no docsize;
 * 9: the body length is passages.len, no passage_rank;
 * 10: figure_rows.metric_at, metric_at2: where the metric is printed;
 * 11: the text dictionary in a table of its own, text_dict;
 * 12: passages.figure is '' where figure_rows give it (the view
 * passages_text does); 13: docs found by zs_path_key(path), no UNIQUE
 * index of the path; 14: no index passage_years_passage; 15: strings
 * found by zs_str_key(s), no UNIQUE index of the string; 16: docs.hash
 * written as 8 bytes, not 16 hex digits; 17: passages.hash written as 0,
 * passage_hashes alone holds the hashes, passages_hash is an index of
 * zs_body_key(body); 18: a file's passages may share frames in groups
 * (ZSD_BODY_GROUP below). An index of schema 10 to 17 is read as it is and
 * moved to 18 by a writer (db.c).
 * Indexes on expressions of zhaoshu's SQL functions (docs_path_key,
 * strings_key, passages_hash) make a connection without them unable to write
 * those tables or run PRAGMA integrity_check: the sqlite3 shell needs the
 * extension loaded (.load zhaoshu) for either; quick_check and reads do not. */
#define ZSD_SCHEMA_VERSION 18

/* The condition that finds the row of strings whose text is bound to the
 * parameter p (?1, :fc), through strings_key (schema 15; a writer adds it
 * to an older index). The + as in ZSD_DOC_BY_PATH below: without it the
 * term no longer matches the index's expression. An index of schema 14 or
 * older opened read-only scans strings here, once a statement. */
#define ZSD_STRING_BY_TEXT(p) "+s = " p " AND zs_str_key(s) = zs_str_key(" p ")"

/* The condition that finds the document whose path is bound to ?N, through
 * docs_path_key (schema 13; a writer adds it to an older index). The unary
 * + is needed: without it SQLite's constant propagation rewrites
 * zs_path_key(path) into zs_path_key(?N) because path = ?N, the term no
 * longer matches the index's expression, and every look-up scans docs
 * (EXPLAIN QUERY PLAN: SCAN docs; the bench's re-index of 1% of realnews-dev
 * took 11.8 x a fresh build of the same files). An index of schema 12 or
 * older opened read-only (no docs_path_key) scans docs here: query/locate.c
 * only. tests/store/test_plan.c checks the plan. */
#define ZSD_DOC_BY_PATH(n) "+path = ?" #n " AND zs_path_key(path) = zs_path_key(?" #n ")"

/* The same document for an UPDATE or a DELETE: by its rowid, so that SQLite
 * knows the statement changes one row. One that may change several (as
 * through docs_path_key, which is not UNIQUE) runs in a statement
 * transaction, and at each FTS5 flushes its pending terms to a new segment
 * (see zsd_write_job): a re-index whose changed files alternated with racy
 * ones (writer.c, zsd_write_sig) made a segment per document and then merged
 * the whole index, and the bench's re-index of 1% of realnews-dev went from
 * 1.97 x to 7.6 x a fresh build of the same files. tests/store/test_plan.c
 * checks that these statements flush nothing. */
#define ZSD_DOC_ROW_BY_PATH(n) "id = (SELECT id FROM docs WHERE " ZSD_DOC_BY_PATH(n) ")"

/* Where a figure's metric is printed, as stored (figure_rows.metric_at and
 * metric_at2): (figure start - metric start) * 256 + metric length in bytes.
 * The metric is near its figure, before it (positive) or after it
 * (negative), so the number takes one to three bytes; NULL: none. */
#define ZSD_METRIC_AT_MAXLEN 255
static inline long long zsd_metric_at_pack(size_t fig_start, size_t s, size_t e)
{
    return ((long long)fig_start - (long long)s) * 256 + (long long)(e - s);
}
/* Unpack v for a figure at fig_start into [*s, *e) (0 when out of range). */
static inline int zsd_metric_at_unpack(long long v, size_t fig_start, size_t *s, size_t *e)
{
    long long len = ((v % 256) + 256) % 256, rel = (v - len) / 256;
    long long st = (long long)fig_start - rel;
    if (st < 0 || len == 0)
        return 0;
    *s = (size_t)st;
    *e = (size_t)(st + len);
    return 1;
}

/* Passage kinds as stored (passages.kind); see passage.c. */
#define ZSD_KIND_BODY 0
#define ZSD_KIND_HEADLINE 1
#define ZSD_KIND_CAPTION 2
#define ZSD_KIND_BYLINE 3

struct zs_db {
    sqlite3 *h;
    int readonly;
    char *path;
    void *query;                     /* the query layer's state (query/dbstate.c), or NULL */
    void (*query_free)(void *query); /* frees it at zs_db_close() */
    char err[512];
    size_t err_off;      /* byte offset of the last query syntax error */
    int rank_registered; /* zs_tf() registered on h (query/rank.c) */
    unsigned limit_ms;   /* zs_db_set_deadline()'s limit, 0 = none (deadline.c) */
    double deadline_ms;  /* when work stops, on CLOCK_MONOTONIC in ms */
    int lock_fd;         /* the writer lock's file, held open; -1 none (lock.c) */
    int lock_created;    /* this handle created the lock file */
    struct zsd_stmt_cache *stmts; /* statements kept for reuse, or NULL (stmtcache.c) */
    struct zsd_text *text;        /* zs_text()'s state on h, or NULL (textstore.c) */
    struct zsd_hash_notes *hnotes; /* passages written, for passage_hashes, or NULL (hashes.c) */
    int hnotes_lost;               /* a note could not even be allocated (hashes.c) */
};

/* ---- interface to extver.c ---- */

/* Longest extractor identity (zs_extractor()), with its NUL. */
#define ZSD_EXTVER_MAX 128

/* The identity recorded in db's meta into out[0..cap): 1 when there is one,
 * 0 when not (an empty index, or one built before identities were
 * recorded), or ZS_ESQLITE (message on db). */
int zsd_extver_stored(zs_db *db, char *out, size_t cap);
/* Record zs_extractor() as the index's identity, in the caller's
 * transaction. @return 0, ZS_ESQLITE. */
int zsd_extver_record(zs_db *db);

/* ---- interface to tokver.c ---- */

/* The tokenizer identity recorded in db's meta into out[0..cap): 1 when
 * there is one, 0 when not, or ZS_ESQLITE (message on db). */
int zsd_tokver_stored(zs_db *db, char *out, size_t cap);
/* 1 when db holds passages cut by another tokenizer than zs_tokenizer()
 * (or by one not recorded), else 0, or an error. */
int zsd_tokver_stale(zs_db *db);
/* For a reader about to use the full-text table: 0 when its tokens are
 * this tokenizer's; ZS_ETOKENIZER with a message naming the command that
 * rebuilds it; ZS_ESQLITE. */
int zsd_tokver_refuse(zs_db *db);
/* In the caller's write transaction, before any change to the full-text
 * table: when another tokenizer cut the index, rebuild the table from the
 * stored text (unless fts_emptied: the caller has emptied it and writes
 * every row again) and record zs_tokenizer(). @return 0, ZS_ESQLITE. */
int zsd_tokver_sync(zs_db *db, int fts_emptied);

/* ---- interface to deadline.c ---- */

/* SQLite steps between two looks at the clock (about 50 µs of work). */
#define ZSD_DEADLINE_STEPS 4000
/* The progress handler of a handle with a deadline (p: its zs_db):
 * nonzero once the deadline has passed. */
int zsd_past_deadline(void *p);

/* ---- interface to compact.c ---- */

/* The name of the copy an older version's first build wrote beside the
 * index (VACUUM INTO FILE-vacuum) and renamed over it. */
#define ZSD_COMPACT_SUFFIX "-vacuum"
/* Remove a copy that an older version's killed build left (the caller
 * holds the writer lock). */
void zsd_compact_forget(zs_db *db);

/* ---- interface to lock.c ---- */

/*
 * Take the writer lock of db->path (FILE-lock), waiting up to wait_ms for
 * another writer to finish. Held until zsd_lock_drop().
 * @return 0; ZS_EBUSY ("another zhaoshu index is writing FILE (pid N)");
 *         ZS_EIO.
 */
int zsd_lock_take(zs_db *db, unsigned wait_ms);
/* Release db's writer lock, if it holds one; with unlink_new, also remove
 * the lock file when this handle created it (a file refused as an index
 * gets no lock file beside it). */
void zsd_lock_drop(zs_db *db, int unlink_new);
/* The pid of the writer holding the lock of the index at path; -1 when one
 * holds it but its pid is not written yet; 0 when none does. */
long zsd_lock_holder(const char *path);

/* ---- interface to db.c ---- */

/* How long a connection waits for another's lock (an indexer's commit)
 * before SQLITE_BUSY. */
#define ZSD_BUSY_TIMEOUT_MS 10000
/* Nonzero when the file db->h has open is no longer the one at db->path
 * (renamed over). */
int zsd_has_moved(zs_db *db);

/*
 * Set db's message (printf-style, replacing the one before) and return rc.
 * Errors are never overwritten on the way up because only the place that
 * finds an error calls it: a caller that gets a negative code from a function
 * that already set the message returns that code as it is. Messages say
 * what went wrong in the library's terms, never which command-line flag to
 * use (the CLI adds that).
 */
int zsd_fail(zs_db *db, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* ZS_ESQLITE with "what: sqlite's message". */
int zsd_sqlite_fail(zs_db *db, const char *what);
/* Run SQL with no result rows. */
int zsd_exec(zs_db *db, const char *sql);
/* The first column of the first row of sql as an int, or dflt when the
 * query fails or returns no row (for counts and flags; sets no message). */
int zsd_query_int(zs_db *db, const char *sql, int dflt);
/* The text value of meta's row key into out[0..cap): 1 when there is one,
 * 0 when not, or ZS_ESQLITE (message on db). Never reads the dictionary's
 * row unless asked for it (db.c says why). */
int zsd_meta_text(zs_db *db, const char *key, char *out, size_t cap);
/* Prepare a statement or fail with a message. */
int zsd_prepare(zs_db *db, sqlite3_stmt **st, const char *sql);

/* ---- interface to stmtcache.c ---- */

/* Distinct SQL texts a connection keeps prepared. */
#define ZSD_CACHED_STMTS 24
/*
 * The statement kept on db for sql (prepared on first use), ready to bind
 * and step; for statements run again and again (per hit, per query).
 * Ownership: give it back with zsd_release(), never sqlite3_finalize().
 * Errors: ZS_ENOMEM, ZS_ESQLITE (message on db).
 */
int zsd_cached(zs_db *db, sqlite3_stmt **st, const char *sql);
/* Give back a statement of zsd_cached() (reset, kept); accepts NULL. */
void zsd_release(zs_db *db, sqlite3_stmt *st);
/* Finalize every kept statement (zs_db_close(), before the connection). */
void zsd_cache_free(zs_db *db);
/* SQL that creates (IF NOT EXISTS) and drops the indexes a build into an
 * empty index makes at its end. */
extern const char zsd_late_indexes[];
extern const char zsd_late_indexes_drop[];
/* Kind names: "body", "headline", "caption", "byline". */
const char *zsd_kind_name(int kind);

/* ---- interface to textstore.c and textpack.c ---- */

/* Text that trains an index's dictionary (textpack.c says why this much). */
#define ZSD_TRAIN_BYTES (4u * 1024u * 1024u)
/* The zstd level of the passages' frames and the log2 of its search
 * tables' entries (textpack.c says why these). */
#define ZSD_LEVEL 4
#define ZSD_HASH_LOG 18
/* Longest passage text zs_text() will decompress (a sanity bound). */
#define ZSD_MAX_TEXT_BYTES (16u * 1024u * 1024u)
/*
 * A body of schema 18 may be one of a group of a file's passages that share
 * one frame (textstore.c says why): the group's first stored row holds
 * ZSD_BODY_GROUP, varint offset, varint length (of its own text in the
 * frame's content), then the frame; each other row holds ZSD_BODY_MEMBER,
 * varint id of that row, varint offset, varint length. A zstd frame's first
 * byte never has bit 3 set (reserved), so a tag never reads as a frame.
 * Varints: 7 bits a byte, low first, the high bit set on all but the last.
 */
#define ZSD_BODY_GROUP 0x08
#define ZSD_BODY_MEMBER 0x09
/* Text bytes of one group at most: on the bench's real 90 MB (720,895
 * passages of ~120 bytes), 2 KiB groups stored the text in 48.4 MB instead
 * of 59.2 and compressed it in 5.95 G instructions instead of 10.42; 4 KiB
 * groups left the file larger (rows of 4 KiB fill 8 KiB pages badly). */
#define ZSD_GROUP_BYTES 2048u
/* A varint into d (at most 10 bytes); the bytes written. */
size_t zsd_varint_put(unsigned char *d, uint64_t v);

/* zs_text()'s state on one connection (textstore.c). */
typedef struct zsd_text zsd_text;
/*
 * Register zs_text(body) on db: passages.body as text, decompressing a BLOB
 * with the index's dictionary (see textstore.c); zs_path_key(path), the
 * key of docs_path_key; and zs_str_key(s), the key of strings_key.
 * With kept (zhaoshu's own connections), zs_text() keeps the statements it
 * reads with prepared and *kept receives its state, which the caller gives
 * to zsd_text_drop() before closing db (a kept statement would keep the
 * connection open); NULL (the extension) prepares them per use.
 * @return an SQLite code.
 */
int zsd_text_register(sqlite3 *db, zsd_text **kept);
/* Finalize what zs_text() keeps on its connection (before the close);
 * accepts NULL. It prepares per use from then on. */
void zsd_text_drop(zsd_text *t);

/* The writer's side: train the dictionary, compress passages. */
typedef struct zsd_packer zsd_packer;

/*
 * Ownership: caller frees *out with zsd_packer_free() before closing db.
 * @return 0, ZS_ENOMEM, ZS_ESQLITE.
 */
int zsd_packer_open(zsd_packer **out, zs_db *db);

/*
 * What to store as passages.body for text[0..n): a zstd frame (*blob = 1) or
 * the text itself (*blob = 0, *out = text), until a dictionary exists. The
 * first ZSD_TRAIN_BYTES of text an index gets train it, inside the caller's
 * transaction. *out is valid until the next call. @return 0, ZS_ENOMEM,
 * ZS_ESQLITE.
 */
int zsd_packer_pack(zsd_packer *p, const char *text, size_t n, const void **out, size_t *nout,
                    int *blob);
/* Accepts NULL. */
void zsd_packer_free(zsd_packer *p);
/* 1 while p has no dictionary and may still train one. */
int zsd_packer_wants_samples(const zsd_packer *p);
/*
 * Text that is not a passage being written (trainset.c) as a training
 * sample; p trains, inside the caller's transaction if any, once it holds
 * ZSD_TRAIN_BYTES. @return 0, ZS_ENOMEM, ZS_ESQLITE.
 */
int zsd_packer_sample(zsd_packer *p, const char *text, size_t n);
/* Train on the samples p holds if they are min bytes or more (else keep
 * them for the passages to come). @return as zsd_packer_sample(). */
int zsd_packer_train_now(zsd_packer *p, size_t min);

/*
 * Until zsd_packer_store_dict(), p trains (zsd_packer_sample(),
 * zsd_packer_train_now()) without SQL and without a message on the handle:
 * in a thread of its own while the writer's thread works with the handle.
 * An error is ZS_ENOMEM; the caller says it.
 */
void zsd_packer_defer(zsd_packer *p);
/* Back in the writer's thread: the dictionary trained since
 * zsd_packer_defer() into meta, inside the caller's transaction if any.
 * @return 0, ZS_ENOMEM, ZS_ESQLITE. */
int zsd_packer_store_dict(zsd_packer *p);

/*
 * Before text is packed or sampled: an index without a dictionary yet has
 * its stored text sampled for training, once. Not at zsd_packer_open(): a
 * run that reads no file (every one unchanged) read the index's whole text
 * for it, 17.8 M instructions on 1,000 articles. @return 0, ZS_ENOMEM,
 * ZS_ESQLITE.
 */
int zsd_packer_prime(zsd_packer *p);

/*
 * Start making the index's stored dictionary ready to compress with on a
 * thread of its own, so that the writer's next steps run beside it; the
 * first zsd_packer_dict() or zsd_packer_pack() waits for it. Nothing when
 * there is no stored dictionary, or it is made already. A dictionary the
 * writer trains (zsd_packer_defer()) is never warmed.
 */
void zsd_packer_warm(zsd_packer *p);

/* The index's dictionary, and a compression context of one thread. */
typedef struct zsd_dict zsd_dict;
typedef struct zsd_cctx zsd_cctx;

/*
 * The dictionary, once trained or loaded (NULL before), for zsd_compress()
 * on worker threads. Borrowed from p; read-only, so threads may share it.
 */
const zsd_dict *zsd_packer_dict(zsd_packer *p);

/*
 * Compress text with dict as zsd_packer_pack() would, in this thread's
 * context *cctx (made on first use; free with zsd_cctx_free()). *out is
 * NULL when compression does not pay, else the caller frees it with free().
 * @return 0, ZS_ENOMEM.
 */
int zsd_compress(zsd_cctx **cctx, const zsd_dict *dict, const char *text, size_t n, char **out,
                 size_t *nout);
/* Accepts NULL. */
void zsd_cctx_free(zsd_cctx *c);

/* ---- interface to rowbatch.c ---- */

/* One value of a row: type is SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT
 * (t borrowed: valid until the batch is flushed; n bytes, or -1 for up to
 * a NUL) or SQLITE_NULL. */
typedef struct zsd_val {
    int type, n;
    sqlite3_int64 i;
    double d;
    const char *t;
} zsd_val;

/* Statements of 1, 2, 4, ... ZSD_ROWBATCH_MAX rows. */
#define ZSD_ROWBATCH_SIZES 7
#define ZSD_ROWBATCH_MAX 64

/* Rows of one table waiting to be inserted several per statement. */
typedef struct zsd_rowbatch {
    zs_db *db;
    const char *head; /* "INSERT ... INTO t(cols) VALUES", static */
    int ncols;
    sqlite3_stmt *st[ZSD_ROWBATCH_SIZES];
    zsd_val *v; /* n rows of ncols values */
    size_t n, cap;
    int single; /* 1: one row a statement (strings.c says why) */
} zsd_rowbatch;

/* head: the statement up to VALUES (a string that outlives b). Free with
 * zsd_rowbatch_close(). @return 0, ZS_ENOMEM. */
int zsd_rowbatch_open(zsd_rowbatch *b, zs_db *db, const char *head, int ncols);
/* Accepts a batch never opened (zeroed). */
void zsd_rowbatch_close(zsd_rowbatch *b);
/* A new row's ncols values to fill in; a full batch is flushed first.
 * NULL with *rc set when that flush failed (what names it). */
zsd_val *zsd_rowbatch_add(zsd_rowbatch *b, const char *what, int *rc);
/* Insert the waiting rows, in order; the batch is empty after, also on
 * failure. @return 0, ZS_ENOMEM, ZS_ESQLITE (message on the db). */
int zsd_rowbatch_flush(zsd_rowbatch *b, const char *what);

/* ---- interface to strings.c ---- */

/* The strings table's ids, cached for the writer (see strings.c). */
typedef struct zsd_strings zsd_strings;

/*
 * Load the table's strings. Ownership: caller frees *out with
 * zsd_strings_free(), before closing db. @return 0, ZS_ENOMEM, ZS_ESQLITE.
 */
int zsd_strings_open(zsd_strings **out, zs_db *db);
/* The id of s; a new one's row waits for zsd_strings_flush(), which must
 * come before a commit. @return 0, ZS_ENOMEM, ZS_ESQLITE. */
int zsd_strings_id(zsd_strings *t, const char *s, sqlite3_int64 *id);
/* Insert the waiting rows of new strings. @return 0, ZS_ENOMEM, ZS_ESQLITE. */
int zsd_strings_flush(zsd_strings *t);
/* Accepts NULL. */
void zsd_strings_free(zsd_strings *t);

/* The writer's page cache (PRAGMA cache_size; see zs_db_open()). */
#define ZSD_WRITER_CACHE "-65536"
/* SQLite's default page cache, for work that passes over the whole file once
 * (sorting the late indexes, VACUUM): a big cache there only fills. */
#define ZSD_SMALL_CACHE "-2000"

/* The text dictionary (textpack.c trains it, textstore.c reads it): the
 * one row of its own rowid table, so that a reader can read it with
 * sqlite3_blob_read() into memory of its choosing. Schema 10 kept it in
 * meta's row 'text_dict'; a writer moves it (db.c). */
#define ZSD_TEXT_DICT_ROWID 1
#define ZSD_TEXT_DICT_SCHEMA "CREATE TABLE text_dict(id INTEGER PRIMARY KEY, dict BLOB NOT NULL)"

/* ---- interface to hashes.c ---- */

/* The index through which SQLite finds a stored passage by the hash of its
 * text, for runs whose passages the seen.c table cannot hold (seen.c): its
 * key is the text's (textstore.c zs_body_key()), since passages.hash is 0
 * from schema 17 on. */
#define ZSD_PASSAGES_HASH_INDEX \
    "CREATE INDEX IF NOT EXISTS passages_hash ON passages(zs_body_key(body))"

/* Passage ids a row of passage_hashes covers. */
#define ZSD_HASH_CHUNK 256
#define ZSD_HASHES_SCHEMA \
    "CREATE TABLE IF NOT EXISTS passage_hashes(chunk INTEGER PRIMARY KEY, hashes BLOB NOT NULL)"

typedef struct zsd_hash_notes zsd_hash_notes;

/* Note that passage id was inserted (add 1) or deleted (add 0), for
 * zsd_hashes_sync(); the update hook does it on a writer's connection.
 * @return 0, ZS_ENOMEM (then the sync fails too). */
int zsd_hashes_note(zs_db *db, sqlite3_int64 id, int add);
/* The hash (stored_hash(), writer.c) of the passage id just inserted, so
 * that zsd_hashes_sync() need not read its text back; nothing when id was
 * not the last noted. */
void zsd_hashes_set(zs_db *db, sqlite3_int64 id, uint32_t hash);
/* Note passages' rows as they are written on db's connection (a writer's). */
void zsd_hashes_hook(zs_db *db);
/* Write the notes into passage_hashes (if the index has it) and forget
 * them: before each COMMIT of a transaction that stored or removed
 * passages. @return 0, ZS_ENOMEM, ZS_ESQLITE. */
int zsd_hashes_sync(zs_db *db);
/* Forget the notes (at BEGIN: a rolled-back transaction's). */
void zsd_hashes_forget(zs_db *db);
/* Empty passage_hashes (every passage removed). @return 0, ZS_ESQLITE. */
int zsd_hashes_wipe(zs_db *db);
/* 1 when the index has passage_hashes, else 0. */
int zsd_hashes_exist(zs_db *db);
/* Call add(arg, id, hash) for every stored passage (and maybe a removed
 * one: see hashes.c), making passage_hashes first in an index made before
 * it. Stops at add's first nonzero answer and returns it; else 0, ZS_ENOMEM,
 * ZS_ESQLITE. In the caller's write transaction. */
int zsd_hashes_load(zs_db *db, int (*add)(void *arg, sqlite3_int64 id, uint32_t hash), void *arg);
/* At zs_db_close(). */
void zsd_hashes_free(zs_db *db);

/* ---- interface to seen.c ---- */

/* During a first build: stored passages by hash (see seen.c). */
typedef struct zsd_seen zsd_seen;

/* input_bytes: the run's input size, if known (else 0), for how memory is
 * mapped; max: most passages held (0: the table's limit). Ownership: caller
 * frees *out with zsd_seen_free(). @return 0, ZS_ENOMEM. */
int zsd_seen_open(zsd_seen **out, unsigned long long input_bytes, size_t max);
/* Accepts NULL. */
void zsd_seen_free(zsd_seen *s);
/* Remember that passage id has this hash. @return 1, or 0 when the table
 * is full (or id does not fit): then it knows only what it was told so far. */
int zsd_seen_add(zsd_seen *s, uint64_t hash, sqlite3_int64 id);
/* A table four times s's size holding s's entries, for a writer whose
 * table is full; NULL when s is at a first build's size or its caller's
 * limit (zs_index_opts.seen_max), or not full (an id out of range), or
 * out of memory. s stays as it was
 * (workers may be reading it). Ownership: caller frees with
 * zsd_seen_free(). */
zsd_seen *zsd_seen_grown(const zsd_seen *s);
/* The candidates for hash, one per call, starting with *cursor = 0:
 * a passage id whose text may equal the one hashed, or 0 when done. */
sqlite3_int64 zsd_seen_next(const zsd_seen *s, uint64_t hash, size_t *cursor);
/* 1 when a passage with this hash is probably stored (the high 32 bits
 * match), else 0; for worker threads while the writer adds (a late answer
 * costs time only). */
int zsd_seen_has(const zsd_seen *s, uint64_t hash);
/* A later run's table (see seen.c): every stored passage by its hash,
 * or *out NULL when passages_hash exists, or is made here because the
 * passages are more than max (as zsd_seen_open()). Ownership: caller frees
 * *out with zsd_seen_free(). @return 0, ZS_ENOMEM, ZS_ESQLITE. */
int zsd_seen_load(zsd_seen **out, zs_db *db, unsigned long long input_bytes, size_t max);

/* Texts of passages found repeated, kept for the next repeat (repeats.c). */
typedef struct zsd_repeats zsd_repeats;

/* Ownership: caller frees *out with zsd_repeats_free(). @return 0, ZS_ENOMEM. */
int zsd_repeats_open(zsd_repeats **out);
/* Accepts NULL. */
void zsd_repeats_free(zsd_repeats *r);
/* Forget every text: call it whenever passages are deleted. Accepts NULL. */
void zsd_repeats_clear(zsd_repeats *r);
/* The id of the stored passage text[0..n) with this hash, if kept; else 0. */
sqlite3_int64 zsd_repeats_find(const zsd_repeats *r, uint64_t hash, const char *text, size_t n);
/* Keep that passage id holds text[0..n) (short texts only; copied). */
void zsd_repeats_keep(zsd_repeats *r, uint64_t hash, sqlite3_int64 id, const char *text, size_t n);

/* The workers' guesses at repeated passages (see seen.c). */
typedef struct zsd_hints zsd_hints;

/* input_bytes as for zsd_seen_open(); all: every answer is "yes"
 * (ZS_INDEX_GUESS_REPEATS). Ownership: caller frees *out with
 * zsd_hints_free(). @return 0, ZS_ENOMEM. */
int zsd_hints_open(zsd_hints **out, unsigned long long input_bytes, int all);
/* Accepts NULL. */
void zsd_hints_free(zsd_hints *h);
/* 1 when an earlier job, or job itself earlier, probably had a passage with
 * this hash; else 0, and it is remembered. Safe from several threads. */
int zsd_hints_repeat(zsd_hints *h, uint64_t hash, size_t job);

/* ---- interface to manifest.c ---- */

/* One row of a manifest: what the user says about one file. */
typedef struct zsd_manifest_row {
    char *path;      /* real path of the file */
    char date[11];   /* normalized (zsi_date_normalize), or "" */
    char source[64]; /* outlet, or "" */
    int page;        /* 0: not given */
    size_t order;    /* row number over all manifests read */
} zsd_manifest_row;

typedef struct zsd_manifest zsd_manifest;
/* A problem with one row (file is the manifest; msg names the line). */
typedef void (*zsd_manifest_warn)(void *ctx, const char *file, const char *msg);

/*
 * Add the rows of manifest file to *m (made on first use). must_exist: an
 * absent file is an error (the user named it), else nothing. Bad rows go
 * to warn and are skipped or kept in part (see manifest.c).
 * Ownership: caller frees *m with zsd_manifest_free().
 * @return 0, ZS_ENOTFOUND or ZS_EIO (err says which file and why), ZS_ENOMEM.
 */
int zsd_manifest_read(zsd_manifest **m, const char *file, int must_exist, zsd_manifest_warn warn,
                      void *ctx, char *err, size_t errcap);
/* Sort for lookups; call after the last read, before the first find. */
void zsd_manifest_seal(zsd_manifest *m);
/* The row for a real path (the last one when named twice), or NULL. Accepts NULL m. */
const zsd_manifest_row *zsd_manifest_find(const zsd_manifest *m, const char *path);
/* Accepts NULL. */
void zsd_manifest_free(zsd_manifest *m);

/* ---- interface to walkstat.c ---- */

/* An entry's lstat(): sb when err is 0, else err is its errno. */
typedef struct zsd_entry_stat {
    struct stat sb;
    int err;
} zsd_entry_stat;

/* lstat() names[0..n), entries of the open folder fd, into out[0..n), with
 * up to nth threads (the calling one included; one for a small folder). */
void zsd_stat_entries(int fd, char *const *names, size_t n, int nth, zsd_entry_stat *out);
/* The threads an index run may keep busy: o's threads (--threads), else one
 * per processor; at most max. o may be NULL. */
int zsd_threads(const zs_index_opts *o, int max);

#endif
