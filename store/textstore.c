/*
 * textstore.c - zs_text(body): a passage's text, stored plain or compressed.
 *
 * Passage text is most of an index (0.7 x the corpus on news). The indexer
 * compresses it with zstd and a dictionary trained on the corpus's own
 * passages (textpack.c): short passages share their wording with others, not
 * with themselves, so only a shared dictionary makes them small. A body is
 * TEXT (stored as written: small indexes, or passages written before the
 * dictionary existed) or a BLOB holding one zstd frame, written without
 * zstd's magic number and dictionary ID (textpack.c); zs_text() returns
 * the text either way. Since schema 18 a file's consecutive passages share
 * one frame in groups of up to ZSD_GROUP_BYTES (a frame's header and
 * entropy tables were most of the cost of a short passage): the group's
 * first stored row holds the frame and where its own text is in it, the
 * others where theirs is and that row's id (ZSD_BODY_GROUP, store_int.h). The dictionary is the one row of the table
 * text_dict (the meta row 'text_dict' in an index of schema 10), read on
 * the first compressed body a connection meets and kept with the function.
 *
 * This file is compiled into the library and into the loadable extension
 * (through extension_api.h), so the view passages_text, which FTS5 reads as
 * its content, works in any SQLite client that loaded zhaoshu.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sqlite3.h>
#define ZSTD_STATIC_LINKING_ONLY /* magicless frames: ZSTD_d_format, ZSTD_getFrameHeader_advanced */
#include <xxhash.h>
#include <zstd.h>

#include "store_int.h"
#include "util_int.h"

struct zsd_text {
    ZSTD_DCtx *dctx;
    ZSTD_DDict *ddict;
    char *buf;
    size_t cap;
    /* The last group's frame decompressed (group_text()): the frame's bytes,
     * the id of the row that held it and what the connection had seen of
     * changes then (a member's lookup is skipped while they hold). */
    char *gtext;
    size_t ngtext, gcap;
    unsigned char *gz;
    size_t ngz, gzcap;
    sqlite3_int64 ghead;
    int gchanges;
    unsigned gversion;
    void *dict_map; /* the mapping that holds the dictionary (see dict()) */
    size_t dict_map_bytes;
    /* A member's lookup of its group's row, kept prepared on zhaoshu's own
     * connections (keep; zsd_text_drop() finalizes it before the close),
     * prepared per lookup in the extension, whose host closes at will. */
    int keep;
    sqlite3_stmt *member;
};
typedef zsd_text text_fn;

#define HUGE_PAGE_BYTES ((size_t)2 << 20)

/* SQLite's destructor of the function's data: called once, with the
 * pointer registered (never NULL), when the function goes or fails to be
 * made. */
static void text_fn_free(void *p)
{
    text_fn *t = p;
    ZSTD_freeDCtx(t->dctx);
    ZSTD_freeDDict(t->ddict); /* before the bytes it refers to */
    if (t->dict_map)
        munmap(t->dict_map, t->dict_map_bytes);
    ZSU_FREE(t->buf, t->gtext, t->gz, t);
}

/*
 * Room for the dictionary's n bytes in a mapping of its own, aligned to and
 * sized in 2 MiB so that the kernel can back it with one huge page; the
 * DDict refers to it rather than copying it. A query process is short: the
 * 512 KiB copy ZSTD_createDDict() made was 128 fresh pages, each a page
 * fault, which on a virtual machine cost 20-40 us apiece (128 small pages:
 * 1.7-23 ms; the same bytes in a huge page: 0.2-0.4 ms). Where huge pages
 * are off it costs the small pages it did. NULL when out of memory.
 */
static void *dict_room(text_fn *t, size_t n)
{
    size_t bytes = (n + HUGE_PAGE_BYTES - 1) / HUGE_PAGE_BYTES * HUGE_PAGE_BYTES;
    char *m = mmap(NULL, bytes + HUGE_PAGE_BYTES, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    char *a = (char *)(((uintptr_t)m + HUGE_PAGE_BYTES - 1) & ~(uintptr_t)(HUGE_PAGE_BYTES - 1));
    if (a > m) /* the unaligned head and tail go back */
        munmap(m, (size_t)(a - m));
    if (a + bytes < m + bytes + HUGE_PAGE_BYTES)
        munmap(a + bytes, (size_t)(m + bytes + HUGE_PAGE_BYTES - (a + bytes)));
#ifdef MADV_HUGEPAGE
    madvise(a, bytes, MADV_HUGEPAGE); /* a hint: fine if refused */
#endif
    t->dict_map = a;
    t->dict_map_bytes = bytes;
    return a;
}

/* Nonzero when the index has the table text_dict (schema 11 on). */
static int has_dict_table(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int has = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = 'text_dict'", -1,
                                 &st, NULL) == SQLITE_OK &&
              sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return has;
}

/* The DDict over the n bytes at d (in t->dict_map); NULL if it fails. */
static ZSTD_DDict *make_ddict(const void *d, size_t n)
{
    return ZSTD_createDDict_advanced(d, n, ZSTD_dlm_byRef, ZSTD_dct_auto, ZSTD_defaultCMem);
}

/*
 * The dictionary read straight from its table into dict_room(): a
 * sqlite3_blob reads the row's overflow pages into the caller's buffer,
 * where a SELECT first copies the value into a buffer of SQLite's own (128
 * more fresh pages in a query process: perf record -e page-faults showed
 * that copy as a quarter of a query's faults). -1 when the index has no
 * text_dict table (schema 10: the dictionary is in meta), else 0.
 */
static int dict_from_table(text_fn *t, sqlite3 *db)
{
    sqlite3_blob *b = NULL;
    if (sqlite3_blob_open(db, "main", "text_dict", "dict", ZSD_TEXT_DICT_ROWID, 0, &b) !=
        SQLITE_OK) {
        sqlite3_blob_close(b);
        /* no row yet (the indexer's run has not trained it) or no table */
        return has_dict_table(db) ? 0 : -1;
    }
    int n = sqlite3_blob_bytes(b);
    void *d = n > 0 ? dict_room(t, (size_t)n) : NULL;
    if (d && sqlite3_blob_read(b, d, n, 0) == SQLITE_OK)
        t->ddict = make_ddict(d, (size_t)n);
    sqlite3_blob_close(b);
    return 0;
}

/* The dictionary from meta's row 'text_dict', where an index of schema 10
 * keeps it. `+key` scans meta rather than walking its key: the walk would
 * copy the 512 KiB row once more only to compare its key (db.c,
 * zsd_meta_text). */
static void dict_from_meta(text_fn *t, sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE +key = 'text_dict'", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        void *d = n ? dict_room(t, n) : NULL;
        if (d) {
            memcpy(d, sqlite3_column_blob(st, 0), n);
            t->ddict = make_ddict(d, n);
        }
    }
    sqlite3_finalize(st);
}

/* The dictionary, kept once found (the indexer's own connection may meet
 * it in the very run that trains it); NULL if there is none. Once its bytes
 * are read it is not read again, even if the DDict could not be made. */
static const ZSTD_DDict *dict(text_fn *t, sqlite3 *db)
{
    if (t->ddict || t->dict_map)
        return t->ddict;
    if (dict_from_table(t, db) < 0)
        dict_from_meta(t, db);
    return t->ddict;
}

/* The content of frame z[0..nz) into *buf (room for a NUL after it, *cap
 * bytes), its size into *n: 1, or 0 with the error set on ctx. */
static int unframe(sqlite3_context *ctx, text_fn *t, const void *z, size_t nz, char **buf,
                   size_t *cap, size_t *n)
{
    ZSTD_frameHeader fh;
    const ZSTD_DDict *dd = dict(t, sqlite3_context_db_handle(ctx));
    if (ZSTD_getFrameHeader_advanced(&fh, z, nz, ZSTD_f_zstd1_magicless) != 0 ||
        fh.frameType != ZSTD_frame || fh.frameContentSize == ZSTD_CONTENTSIZE_UNKNOWN ||
        fh.frameContentSize > ZSD_MAX_TEXT_BYTES || !dd) {
        sqlite3_result_error(ctx, "zs_text: not a passage compressed by this index", -1);
        return 0;
    }
    unsigned long long size = fh.frameContentSize;
    if (!t->dctx && (t->dctx = ZSTD_createDCtx()) &&
        ZSTD_isError(ZSTD_DCtx_setParameter(t->dctx, ZSTD_d_format, ZSTD_f_zstd1_magicless))) {
        ZSTD_freeDCtx(t->dctx);
        t->dctx = NULL;
    }
    if (!t->dctx) {
        sqlite3_result_error_nomem(ctx);
        return 0;
    }
    if (size + 1 > *cap) {
        char *b = realloc(*buf, (size_t)size + 1);
        if (!b) {
            sqlite3_result_error_nomem(ctx);
            return 0;
        }
        *buf = b;
        *cap = (size_t)size + 1;
    }
    size_t got = ZSTD_decompress_usingDDict(t->dctx, *buf, *cap, z, nz, dd);
    if (ZSTD_isError(got) || got != size) {
        sqlite3_result_error(ctx, "zs_text: damaged compressed passage", -1);
        return 0;
    }
    *n = got;
    return 1;
}

/* A varint (store_int.h) of z[*at..nz) into *v, *at moved past it: 1, or 0
 * when it runs past nz or is longer than 10 bytes. */
static int varint_get(const unsigned char *z, size_t nz, size_t *at, uint64_t *v)
{
    *v = 0;
    for (unsigned sh = 0; *at < nz && sh < 70; sh += 7) {
        unsigned char b = z[(*at)++];
        *v |= (uint64_t)(b & 0x7F) << sh;
        if (!(b & 0x80))
            return 1;
    }
    return 0;
}

size_t zsd_varint_put(unsigned char *d, uint64_t v)
{
    size_t k = 0;
    for (; v >= 0x80; v >>= 7)
        d[k++] = (unsigned char)(v | 0x80);
    d[k++] = (unsigned char)v;
    return k;
}

/* The id of the row whose frame a member body z[0..nz) reads, or 0 when z
 * is no member. */
static sqlite3_int64 member_head(const unsigned char *z, size_t nz)
{
    size_t at = 1;
    uint64_t head;
    if (nz < 2 || z[0] != ZSD_BODY_MEMBER || !varint_get(z, nz, &at, &head) || !head ||
        head > (uint64_t)INT64_MAX)
        return 0;
    return (sqlite3_int64)head;
}

/* The connection's count of its own changes and the main database's data
 * version (which another connection's commit moves): a cached group is
 * the row's while neither moved. */
static void changes_now(sqlite3 *db, int *changes, unsigned *version)
{
    *changes = sqlite3_total_changes(db);
    *version = 0;
    sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, version);
}

/* Group frame f[0..nf), held by row head, into t->gtext (kept when it is the
 * last one's): 1, or 0 with the error set on ctx. */
static int group_frame(sqlite3_context *ctx, text_fn *t, sqlite3_int64 head, const void *f,
                       size_t nf)
{
    if (t->ngz == nf && t->gz && memcmp(t->gz, f, nf) == 0) {
        t->ghead = head;
        changes_now(sqlite3_context_db_handle(ctx), &t->gchanges, &t->gversion);
        return 1;
    }
    t->ngz = 0;
    t->ghead = 0;
    if (!unframe(ctx, t, f, nf, &t->gtext, &t->gcap, &t->ngtext))
        return 0;
    if (nf > t->gzcap) {
        unsigned char *b = realloc(t->gz, nf);
        if (!b) {
            sqlite3_result_error_nomem(ctx);
            return 0;
        }
        t->gz = b;
        t->gzcap = nf;
    }
    memcpy(t->gz, f, nf);
    t->ngz = nf;
    t->ghead = head;
    changes_now(sqlite3_context_db_handle(ctx), &t->gchanges, &t->gversion);
    return 1;
}

/* The frame of a group body h[0..nh) (after its tag and two varints) into
 * t->gtext: 1, or 0 with the error set on ctx. */
static int group_body(sqlite3_context *ctx, text_fn *t, sqlite3_int64 head,
                      const unsigned char *h, size_t nh)
{
    size_t at = 1;
    uint64_t off, len;
    if (nh < 1 || h[0] != ZSD_BODY_GROUP || !varint_get(h, nh, &at, &off) ||
        !varint_get(h, nh, &at, &len)) {
        sqlite3_result_error(ctx, "zs_text: damaged group of passages", -1);
        return 0;
    }
    return group_frame(ctx, t, head, h + at, nh - at);
}

/*
 * The text of a group or member body z[0..nz) into *out, *n (a slice of
 * t->gtext): 1, or 0 with the error set on ctx. A member reads its group's
 * row (by its id); the last group stays decompressed, so a file's passages
 * read in order (a search's hits, `figures`, the full-text deletes of a
 * file that goes) decompress each group once.
 */
static int group_text(sqlite3_context *ctx, text_fn *t, const unsigned char *z, size_t nz,
                      const char **out, size_t *n)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    size_t at = 1;
    uint64_t head = 0, off, len;
    int ok;
    if ((z[0] == ZSD_BODY_MEMBER && !varint_get(z, nz, &at, &head)) ||
        !varint_get(z, nz, &at, &off) || !varint_get(z, nz, &at, &len)) {
        sqlite3_result_error(ctx, "zs_text: damaged group of passages", -1);
        return 0;
    }
    if (z[0] == ZSD_BODY_GROUP) {
        ok = group_body(ctx, t, 0, z, nz);
    } else {
        int changes;
        unsigned version;
        changes_now(db, &changes, &version);
        ok = head && t->ghead == (sqlite3_int64)head && t->ngz && changes == t->gchanges &&
             version == t->gversion;
        if (!ok) {
            sqlite3_stmt *st = t->member;
            int src = st ? SQLITE_OK
                         : sqlite3_prepare_v3(db, "SELECT body FROM passages WHERE id = ?", -1,
                                              t->keep ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL);
            if (src == SQLITE_OK) {
                sqlite3_bind_int64(st, 1, (sqlite3_int64)head);
                src = sqlite3_step(st);
            }
            if (src == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_BLOB)
                ok = group_body(ctx, t, (sqlite3_int64)head, sqlite3_column_blob(st, 0),
                                (size_t)sqlite3_column_bytes(st, 0));
            else if (src == SQLITE_ROW || src == SQLITE_DONE)
                sqlite3_result_error(ctx, "zs_text: a passage's group is missing", -1);
            else
                sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
            if (t->keep && st) {
                /* reset at once: no read transaction stays open with it */
                sqlite3_reset(st);
                t->member = st;
            } else {
                sqlite3_finalize(st);
            }
        }
    }
    if (!ok)
        return 0;
    if (off > t->ngtext || len > t->ngtext - off) {
        sqlite3_result_error(ctx, "zs_text: damaged group of passages", -1);
        return 0;
    }
    *out = t->gtext + off;
    *n = (size_t)len;
    return 1;
}

/* The text of body v into *out, *n (plain text as it is, a frame
 * decompressed into t->buf, a group's member a slice of t->gtext): 1, or 0
 * with the error set on ctx. NULL is no text: *out NULL. */
static int text_of(sqlite3_context *ctx, text_fn *t, sqlite3_value *v, const char **out, size_t *n)
{
    if (sqlite3_value_type(v) != SQLITE_BLOB) {
        *out = (const char *)sqlite3_value_text(v);
        *n = (size_t)sqlite3_value_bytes(v);
        if (!*out && sqlite3_value_type(v) != SQLITE_NULL) {
            sqlite3_result_error_nomem(ctx);
            return 0;
        }
        return 1;
    }
    const unsigned char *z = sqlite3_value_blob(v);
    size_t nz = (size_t)sqlite3_value_bytes(v);
    if (nz && (z[0] == ZSD_BODY_GROUP || z[0] == ZSD_BODY_MEMBER))
        return group_text(ctx, t, z, nz, out, n);
    if (!unframe(ctx, t, z, nz, &t->buf, &t->cap, n))
        return 0;
    *out = t->buf;
    return 1;
}

static void zs_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    text_fn *t = sqlite3_user_data(ctx);
    const char *p;
    size_t n;
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    if (text_of(ctx, t, argv[0], &p, &n))
        sqlite3_result_text(ctx, p, (int)n, SQLITE_TRANSIENT);
}

/* zs_body_key(body): the key passages_hash holds (schema 17), the high 32
 * bits of the XXH3-64 of the body's text, as a signed integer, whether the
 * body is stored plain or compressed; NULL for NULL. The writer's
 * stored_hash() of a passage it is about to store is the same number. It
 * must never change, or stored passages are no longer found by their text. */
static void zs_body_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    text_fn *t = sqlite3_user_data(ctx);
    const char *p;
    size_t n;
    (void)argc;
    if (!text_of(ctx, t, argv[0], &p, &n) || !p)
        return;
    uint64_t h = XXH3_64bits(p, n);
    sqlite3_result_int(ctx, (int)(int32_t)(uint32_t)(h >> 32));
}

/* The XXH3-64 of v's text bytes into *h: 1, or 0 with no result set for
 * NULL (the key of NULL is NULL) and an out-of-memory error set when SQLite
 * cannot give the text. The one hashing both keys below share. */
static int value_hash(sqlite3_context *ctx, sqlite3_value *v, uint64_t *h)
{
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return 0;
    const void *p = sqlite3_value_text(v);
    int n = sqlite3_value_bytes(v);
    if (!p) {
        sqlite3_result_error_nomem(ctx);
        return 0;
    }
    *h = XXH3_64bits(p, (size_t)n);
    return 1;
}

/* zs_path_key(path): the XXH3-64 of the path's bytes, as a signed
 * integer; NULL for NULL. The key of the index docs_path_key: it must never
 * change, or an index's documents are no longer found by their paths. */
static void zs_path_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    uint64_t h;
    (void)argc;
    if (value_hash(ctx, argv[0], &h))
        sqlite3_result_int64(ctx, (sqlite3_int64)h);
}

/* zs_str_key(s): the high 32 bits of the XXH3-64 of s's bytes, as a signed
 * integer; NULL for NULL. The key of the index strings_key (schema 15),
 * 4 bytes where the UNIQUE index of strings.s held every string a second
 * time; it must never change either. */
static void zs_str_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    uint64_t h;
    (void)argc;
    if (value_hash(ctx, argv[0], &h))
        sqlite3_result_int(ctx, (int)(int32_t)(uint32_t)(h >> 32));
}

/* zs_body_head(body): the id of the row that holds a member body's group
 * (the writer rewrites a member whose group goes, writer.c), else NULL. */
static void zs_body_head(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB)
        return;
    sqlite3_int64 head =
        member_head(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]));
    if (head)
        sqlite3_result_int64(ctx, head);
}

void zsd_text_drop(zsd_text *t)
{
    if (!t)
        return;
    sqlite3_finalize(t->member);
    t->member = NULL;
    t->keep = 0;
}

int zsd_text_register(sqlite3 *db, zsd_text **kept)
{
    /* Deterministic, as an index's expression must be. */
    int rc = sqlite3_create_function_v2(db, "zs_path_key", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        zs_path_key, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "zs_str_key", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        zs_str_key, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "zs_body_head", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        zs_body_head, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    text_fn *t = calloc(1, sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    /* Not SQLITE_DETERMINISTIC: the result depends on the meta table. */
    rc = sqlite3_create_function_v2(db, "zs_text", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, t, zs_text,
                                    NULL, NULL, text_fn_free);
    /* Deterministic, as an index's expression must be: the text of a body
     * never changes, whichever dictionary it was compressed with. It shares
     * zs_text()'s state, which zs_text's destructor frees at the close. */
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "zs_body_key", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, t,
                                        zs_body_key, NULL, NULL, NULL);
    if (rc == SQLITE_OK && kept) {
        t->keep = 1;
        *kept = t;
    }
    return rc;
}
