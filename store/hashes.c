/*
 * hashes.c - the stored passages' hashes, apart from their bodies.
 *
 * A run into an index that has passages finds repeats through seen.c's
 * table, filled with every stored passage's hash. Reading them from
 * passages.hash read the whole table, bodies and all: 24% of re-indexing
 * 1% of realnews-dev (callgrind: zsd_seen_load 132 of 585 M instructions).
 * An index on passages(hash) costs 2.4% of the index's size; this table
 * costs about 0.9%:
 *
 *   passage_hashes(chunk INTEGER PRIMARY KEY, hashes BLOB NOT NULL)
 *
 * Row c covers the passage ids [c * ZSD_HASH_CHUNK, (c + 1) * ZSD_HASH_CHUNK):
 * a bitmap of the ids present (ZSD_HASH_CHUNK / 8 bytes, bit i of byte
 * i / 8 for id c * ZSD_HASH_CHUNK + i), then the hash (the high 32 bits of
 * the text's XXH3-64) of each present id, in id order, 4 bytes
 * little-endian. Since schema 17 this table alone holds them: passages.hash
 * is written as 0.
 *
 * Invariants. Every passage's id and hash is in the table once its
 * transaction commits. SQLite's update hook on a writer's connection notes
 * each row inserted into or deleted from passages (zsd_hashes_hook(): the
 * writer's code is the extractor's identity, extver.c, and is left as it
 * was), and zsd_hashes_sync() applies the notes before every COMMIT of a
 * run, with the hash the writer gave the note (zsd_hashes_set()), else
 * hashing the inserted rows' texts read back by id range; a BEGIN
 * forgets what a rolled-back transaction noted. A DELETE of every row
 * (a rebuild) bypasses the hook, so it empties the table itself
 * (zsd_hashes_wipe()). A passage missing from the table would be stored
 * again rather than found as a repeat, so the loader also reads passages
 * past the table's last id (stored by a zhaoshu without the table) and
 * notes them. An entry left for a removed passage costs only a slot: the
 * writer confirms a candidate on id, hash and text (writer.c).

 * An index made before this table has none: the first run that loads the
 * hashes (seen.c) makes it from passages.hash, in its own transaction.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "store_int.h"

#define BITMAP_BYTES (ZSD_HASH_CHUNK / 8)

typedef struct note {
    sqlite3_int64 id;
    int add;       /* 1 inserted, 0 deleted */
    int has_hash;  /* hash is the passage's (zsd_hashes_set()) */
    uint32_t hash;
    size_t when; /* order of noting: a delete, then a reuse of its id */
} note;

struct zsd_hash_notes {
    note *v;
    size_t n, cap;
    int oom; /* a note was lost: the sync fails rather than leave one out */
};

int zsd_hashes_note(zs_db *db, sqlite3_int64 id, int add)
{
    zsd_hash_notes *h = db->hnotes;
    if (!h && !(h = db->hnotes = calloc(1, sizeof *h)))
        return ZS_ENOMEM;
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 1024;
        note *v = realloc(h->v, cap * sizeof *v);
        if (!v) {
            h->oom = 1;
            return ZS_ENOMEM;
        }
        h->v = v;
        h->cap = cap;
    }
    h->v[h->n] = (note){id, add, 0, 0, h->n};
    h->n++;
    return 0;
}

void zsd_hashes_set(zs_db *db, sqlite3_int64 id, uint32_t hash)
{
    zsd_hash_notes *h = db->hnotes;
    if (h && h->n && h->v[h->n - 1].id == id && h->v[h->n - 1].add) {
        h->v[h->n - 1].has_hash = 1;
        h->v[h->n - 1].hash = hash;
    }
}

/* The stored hash of a passage's text: as the writer's stored_hash(). */
static uint32_t text_hash(const void *p, size_t n)
{
    return (uint32_t)(XXH3_64bits(p, n) >> 32);
}

/* sqlite3_update_hook()'s callback: rows of passages inserted or deleted.
 * An UPDATE keeps a passage's id and hash (promotion moves doc_id). */
static void hook(void *arg, int op, const char *dbname, const char *table, sqlite3_int64 id)
{
    zs_db *db = arg;
    (void)dbname;
    if ((op == SQLITE_INSERT || op == SQLITE_DELETE) && !strcmp(table, "passages") &&
        zsd_hashes_note(db, id, op == SQLITE_INSERT) != 0)
        db->hnotes_lost = 1; /* the sync fails: a hook cannot */
}

void zsd_hashes_hook(zs_db *db)
{
    sqlite3_update_hook(db->h, hook, db);
}

void zsd_hashes_forget(zs_db *db)
{
    if (db->hnotes) {
        db->hnotes->n = 0;
        db->hnotes->oom = 0;
    }
    db->hnotes_lost = 0;
}

void zsd_hashes_free(zs_db *db)
{
    if (db->hnotes)
        free(db->hnotes->v);
    free(db->hnotes);
    db->hnotes = NULL;
}

int zsd_hashes_exist(zs_db *db)
{
    return zsd_query_int(db, "SELECT 1 FROM sqlite_master WHERE name = 'passage_hashes'", 0) == 1;
}

static int by_id_then_when(const void *a, const void *b)
{
    const note *x = a, *y = b;
    if (x->id != y->id)
        return (x->id > y->id) - (x->id < y->id);
    return (x->when > y->when) - (x->when < y->when);
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

/* One chunk as arrays, from a blob (absent or damaged: empty). */
typedef struct chunk {
    unsigned char has[ZSD_HASH_CHUNK];
    uint32_t hash[ZSD_HASH_CHUNK];
} chunk;

static void chunk_decode(chunk *c, const unsigned char *b, size_t n)
{
    memset(c->has, 0, sizeof c->has);
    if (!b || n < BITMAP_BYTES)
        return;
    const unsigned char *h = b + BITMAP_BYTES, *end = b + n;
    for (int i = 0; i < ZSD_HASH_CHUNK && h + 4 <= end; i++)
        if (b[i / 8] >> (i % 8) & 1) {
            c->has[i] = 1;
            c->hash[i] = get32(h);
            h += 4;
        }
}

/* Encode c into out (room for BITMAP_BYTES + 4 * ZSD_HASH_CHUNK); the
 * blob's size, BITMAP_BYTES when no id is present. */
static size_t chunk_encode(const chunk *c, unsigned char *out)
{
    size_t n = BITMAP_BYTES;
    memset(out, 0, BITMAP_BYTES);
    for (int i = 0; i < ZSD_HASH_CHUNK; i++)
        if (c->has[i]) {
            out[i / 8] |= (unsigned char)(1u << (i % 8));
            put32(out + n, c->hash[i]);
            n += 4;
        }
    return n;
}

/* Set the hashes of the ids of c (chunk k) that need one, from their
 * texts, reading the rows from lo to hi once (ids noted with no hash:
 * rows a writer wrote again, textpack.c). */
static int chunk_fill(zs_db *db, sqlite3_stmt *range, chunk *c, const unsigned char *need,
                      sqlite3_int64 k, int lo, int hi)
{
    int src;
    sqlite3_bind_int64(range, 1, k * ZSD_HASH_CHUNK + lo);
    sqlite3_bind_int64(range, 2, k * ZSD_HASH_CHUNK + hi);
    while ((src = sqlite3_step(range)) == SQLITE_ROW) {
        int at = (int)(sqlite3_column_int64(range, 0) % ZSD_HASH_CHUNK);
        if (need[at]) {
            c->has[at] = 1;
            c->hash[at] = text_hash(sqlite3_column_blob(range, 1),
                                    (size_t)sqlite3_column_bytes(range, 1));
        }
    }
    sqlite3_reset(range);
    return src == SQLITE_DONE ? 0 : zsd_sqlite_fail(db, "reading stored passage hashes");
}

int zsd_hashes_sync(zs_db *db)
{
    zsd_hash_notes *h = db->hnotes;
    sqlite3_stmt *get = NULL, *put = NULL, *del = NULL, *range = NULL;
    unsigned char blob[BITMAP_BYTES + 4 * ZSD_HASH_CHUNK], need[ZSD_HASH_CHUNK];
    chunk c;
    int rc = 0;
    if (db->hnotes_lost || (h && h->oom)) {
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    if (!h || !h->n)
        return 0;
    if (!zsd_hashes_exist(db)) /* an index made before the table: seen.c makes it */
        goto out;
    qsort(h->v, h->n, sizeof *h->v, by_id_then_when);
    if ((rc = zsd_cached(db, &get, "SELECT hashes FROM passage_hashes WHERE chunk = ?")) != 0 ||
        (rc = zsd_cached(db, &put, "INSERT OR REPLACE INTO passage_hashes VALUES(?, ?)")) != 0 ||
        (rc = zsd_cached(db, &del, "DELETE FROM passage_hashes WHERE chunk = ?")) != 0 ||
        (rc = zsd_cached(db, &range,
                         "SELECT id, zs_text(body) FROM passages WHERE id BETWEEN ? AND ?")) != 0)
        goto out;
    for (size_t i = 0; i < h->n && !rc;) {
        sqlite3_int64 k = h->v[i].id / ZSD_HASH_CHUNK;
        int lo = ZSD_HASH_CHUNK, hi = -1;
        sqlite3_bind_int64(get, 1, k);
        if (sqlite3_step(get) == SQLITE_ROW)
            chunk_decode(&c, sqlite3_column_blob(get, 0), (size_t)sqlite3_column_bytes(get, 0));
        else
            chunk_decode(&c, NULL, 0);
        sqlite3_reset(get);
        memset(need, 0, sizeof need);
        /* The last note of an id decides (they are in the order noted). */
        for (; i < h->n && h->v[i].id / ZSD_HASH_CHUNK == k; i++) {
            int at = (int)(h->v[i].id % ZSD_HASH_CHUNK);
            c.has[at] = h->v[i].add && h->v[i].has_hash;
            c.hash[at] = h->v[i].hash;
            need[at] = (unsigned char)(h->v[i].add && !h->v[i].has_hash);
        }
        for (int at = 0; at < ZSD_HASH_CHUNK; at++)
            if (need[at]) {
                lo = at < lo ? at : lo;
                hi = at;
            }
        if (hi >= 0 && (rc = chunk_fill(db, range, &c, need, k, lo, hi)) != 0)
            break;
        size_t n = chunk_encode(&c, blob);
        sqlite3_stmt *s = n > BITMAP_BYTES ? put : del;
        sqlite3_bind_int64(s, 1, k);
        if (s == put)
            sqlite3_bind_blob(put, 2, blob, (int)n, SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE ? 0 : zsd_sqlite_fail(db, "storing passage hashes");
        sqlite3_reset(s);
    }
out:
    zsd_release(db, get);
    zsd_release(db, put);
    zsd_release(db, del);
    zsd_release(db, range);
    zsd_hashes_forget(db);
    return rc;
}

int zsd_hashes_wipe(zs_db *db)
{
    zsd_hashes_forget(db);
    return zsd_hashes_exist(db) ? zsd_exec(db, "DELETE FROM passage_hashes") : 0;
}

int zsd_hashes_load(zs_db *db, int (*add)(void *arg, sqlite3_int64 id, uint32_t hash), void *arg)
{
    sqlite3_stmt *st = NULL;
    sqlite3_int64 last = 0;
    int rc = 0, src;
    if (!zsd_hashes_exist(db)) {
        /* Made here from passages.hash, the one full read this costs. */
        if ((rc = zsd_exec(db, ZSD_HASHES_SCHEMA)) != 0)
            return rc;
    } else {
        chunk c;
        if ((rc = zsd_prepare(db, &st, "SELECT chunk, hashes FROM passage_hashes")) != 0)
            return rc;
        while ((src = sqlite3_step(st)) == SQLITE_ROW) {
            sqlite3_int64 k = sqlite3_column_int64(st, 0);
            chunk_decode(&c, sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1));
            for (int i = 0; i < ZSD_HASH_CHUNK; i++)
                if (c.has[i]) {
                    last = k * ZSD_HASH_CHUNK + i;
                    if ((rc = add(arg, last, c.hash[i])) != 0)
                        goto out;
                }
        }
        if (src != SQLITE_DONE) {
            rc = zsd_sqlite_fail(db, "reading the stored passages' hashes");
            goto out;
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    /* Passages past the table's last: all of them when it was just made;
     * else those a zhaoshu without this table stored (one range read). They
     * were written before schema 17, with their hash; a 0 may be a hash or
     * a newer row's, and is made again from the text. */
    if ((rc = zsd_prepare(db, &st,
                          "SELECT id, hash, CASE WHEN hash = 0 THEN zs_text(body) END FROM passages"
                          " WHERE id > ?")) != 0)
        goto out;
    sqlite3_bind_int64(st, 1, last);
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        uint32_t hash = (uint32_t)sqlite3_column_int64(st, 1);
        if (!hash)
            hash = text_hash(sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2));
        if ((rc = zsd_hashes_note(db, id, 1)) != 0) {
            rc = zsd_fail(db, rc, "out of memory");
            goto out;
        }
        zsd_hashes_set(db, id, hash);
        if ((rc = add(arg, id, hash)) != 0)
            goto out;
    }
    if (src != SQLITE_DONE)
        rc = zsd_sqlite_fail(db, "reading the stored passages' hashes");
out:
    sqlite3_finalize(st);
    return rc;
}
