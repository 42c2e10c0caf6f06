/*
 * textpack.c - the writer's half of the text store (see textstore.c):
 * train a zstd dictionary on the first passages an index gets, then
 * compress every passage with it.
 *
 * Why train on the first passages and never again: every stored frame names
 * the dictionary it needs, so the dictionary can never change; a corpus's
 * first few MiB show its vocabulary, its boilerplate (本报讯, 记者…摄) and
 * its way with figures well enough. An index too small to train on keeps its
 * text plain (it is small anyway) and trains when a later run brings more:
 * the plain text already stored counts as samples.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#define ZDICT_STATIC_LINKING_ONLY /* ZDICT_trainFromBuffer_fastCover, exported by libzstd */
#define ZSTD_STATIC_LINKING_ONLY  /* ZSTD_c_format (a parameter of the stable API) */
#include <zdict.h>
#include <zstd.h>

#include "store_int.h"
#include "util_int.h"

/* Text that trains the dictionary, and the dictionary's size. zstd's
 * guidance is 100 x the dictionary in samples, but on short passages a
 * larger dictionary wins: the 4 MiB trained into 256 KiB instead of 64 KiB
 * left realnews-dev's 48.3 MB of passages in 27.5 MB instead of 29.1 MB
 * (fastCover as below, level 3), trained in 0.18 s instead of 0.26 s and
 * compressed no slower. 16 MiB of samples would gain 1.3 MB more, but an
 * index keeps its text plain until it has that much. (ZSD_TRAIN_BYTES is in
 * store_int.h: trainset.c gathers that much from across a run.) At level 5
 * (below), 512 KiB instead of 256: realnews-dev's index 85.31 -> 85.13 MB,
 * the dictionary's 0.26 MB more included. */
#define ZSD_DICT_BYTES (512u * 1024u)
/*
 * ZSD_LEVEL 4 (zstd's double fast: two hash tables, one probe each), with
 * tables of 2^18 entries (ZSD_HASH_LOG, zstd's own at this level, set here
 * so that no zstd release changes them). At level 5 (greedy over a hash
 * chain, in zstd's dedicated dictionary search) compressing the passages
 * was the largest cost of `zhaoshu index`. Every passage of an index of
 * every 4th realnews-dev file (63,628 passages, 17.96 MB), one thread, best
 * of 4: 0.351 s instead of 0.638 s, into 8.41 MB instead of 8.14 with 2^19
 * tables (2^18 8.52 MB; level 3 8.87; 2^20 tables 8.36 MB in 0.41 s).
 * 2^19 tables were the trade of speed for size issue 16 asked for while
 * the index was over 1.6 x its text. Since schema 17 it is 0.9 MB under
 * where it was, and the tables went back to 2^18: compressing was still
 * 15% of the CPU of indexing realnews-dev (perf, the workers' threads),
 * and every second passage of realnews-dev (86,000, 24.2 MB) compressed in
 * 0.39 s instead of 0.57 s (CPU, one thread, the index's own dictionary),
 * into 1.35% more bytes (11.79 MB instead of 11.64): the dictionary's
 * tables (3 MiB at 2^19) are read at random for every position, and half
 * of them fits a core's cache better. Without the row-based match finder,
 * which zstd uses from level 5 (it cleared a large table before every
 * frame). A run of less than ZSD_TRAIN_BYTES stores its text plain and pays
 * nothing. (tests/store/test_textpack.c checks the dictionary's tables.)
 */

/*
 * A compression context that writes the index's frames: without zstd's
 * magic number and the dictionary's ID (textstore.c reads them so). Every
 * body is a frame of the one dictionary of its index, so both were the same
 * 8 bytes on every passage: 1.2 of realnews-dev's 27.6 MB of stored text,
 * and short passages (a line of verse) that the 8 bytes kept plain now
 * compress. NULL when out of memory.
 */
static ZSTD_CCtx *new_cctx(void)
{
    ZSTD_CCtx *c = ZSTD_createCCtx();
    if (c && (ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_format, ZSTD_f_zstd1_magicless)) ||
              ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, 0)) ||
              ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_useRowMatchFinder, ZSTD_ps_disable)))) {
        ZSTD_freeCCtx(c);
        c = NULL;
    }
    return c;
}

/* The dictionary d[0..n) ready to compress with (see ZSD_LEVEL); NULL when
 * out of memory. */
static ZSTD_CDict *new_cdict(const void *d, size_t n)
{
    ZSTD_CDict *cd = NULL;
    ZSTD_CCtx_params *prm = ZSTD_createCCtxParams();
    if (prm && !ZSTD_isError(ZSTD_CCtxParams_init(prm, ZSD_LEVEL)) &&
        !ZSTD_isError(ZSTD_CCtxParams_setParameter(prm, ZSTD_c_hashLog, ZSD_HASH_LOG)) &&
        !ZSTD_isError(ZSTD_CCtxParams_setParameter(prm, ZSTD_c_chainLog, ZSD_HASH_LOG)) &&
        !ZSTD_isError(ZSTD_CCtxParams_setParameter(prm, ZSTD_c_useRowMatchFinder, ZSTD_ps_disable)))
        cd = ZSTD_createCDict_advanced2(d, n, ZSTD_dlm_byCopy, ZSTD_dct_auto, prm, ZSTD_defaultCMem);
    ZSTD_freeCCtxParams(prm);
    return cd;
}

/* text[0..n) as one frame into dst; a zstd error code as ZSTD_compress2(). */
static size_t compress_frame(ZSTD_CCtx *c, void *dst, size_t cap, const char *text, size_t n,
                    const ZSTD_CDict *d)
{
    size_t rc = ZSTD_CCtx_refCDict(c, d); /* the level is the dictionary's */
    return ZSTD_isError(rc) ? rc : ZSTD_compress2(c, dst, cap, text, n);
}

struct zsd_packer {
    zs_db *db;
    ZSTD_CCtx *cctx;
    ZSTD_CDict *cdict;
    /* The index's dictionary, read at open and made into cdict only when
     * first needed (need_cdict()): a run that compresses nothing (every
     * file unchanged) spent 17.8 M instructions on ZSTD_createCDict. */
    void *stored;
    size_t nstored;
    int primed;    /* the stored text has been sampled (zsd_packer_prime()) */
    int gave_up;   /* training failed in this run: store plain text */
    /* Trained off the writer's thread (zsd_packer_defer()): no SQL, no
     * message on the handle; dict waits for zsd_packer_store_dict(). */
    int deferred;
    /* stored being made into made on a thread (zsd_packer_warm()), which
     * need_cdict() joins. */
    pthread_t warm_th;
    int warming;
    ZSTD_CDict *made;
    void *dict;
    size_t ndict;
    char *samples; /* training text, passage after passage */
    size_t nsamples_bytes;
    size_t *sizes;
    unsigned nsizes, capsizes;
    char *out;
    size_t capout;
};

/* Out of memory: the message goes on the handle, except in the training
 * thread, which must not touch it (the writer says it after the join). */
static int oom(zsd_packer *p)
{
    return p->deferred ? ZS_ENOMEM : zsd_fail(p->db, ZS_ENOMEM, "out of memory");
}

/* Has p a dictionary, made or still to make? */
static int has_dict(const zsd_packer *p)
{
    return p->cdict || p->stored;
}

/* Make the stored dictionary into p->cdict if not yet. Writer's thread only.
 * @return 0, or ZS_ENOMEM (message on the handle). */
static int need_cdict(zsd_packer *p)
{
    if (p->warming) {
        pthread_join(p->warm_th, NULL);
        p->warming = 0;
        p->cdict = p->made;
        p->made = NULL;
        if (!p->cdict)
            return zsd_fail(p->db, ZS_ENOMEM, "cannot load the text dictionary");
        free(p->stored);
        p->stored = NULL;
        return 0;
    }
    if (p->cdict || !p->stored)
        return 0;
    if (!(p->cdict = new_cdict(p->stored, p->nstored)))
        return zsd_fail(p->db, ZS_ENOMEM, "cannot load the text dictionary");
    free(p->stored);
    p->stored = NULL;
    return 0;
}

/* The thread of zsd_packer_warm(): only reads p->stored, only writes
 * p->made. */
static void *warm_main(void *arg)
{
    zsd_packer *p = arg;
    p->made = new_cdict(p->stored, p->nstored);
    return NULL;
}

/*
 * Making the CDict fills zstd's two tables of 2^19 entries over the 512 KiB
 * dictionary: 27 ms of a re-index of 1% of realnews-dev, on the writer's
 * thread before any worker started, while the next steps (reading the
 * stored passages' hashes, 16 ms) need nothing of it.
 */
void zsd_packer_warm(zsd_packer *p)
{
    if (p->cdict || !p->stored || p->warming || p->deferred)
        return;
    if (pthread_create(&p->warm_th, NULL, warm_main, p) == 0)
        p->warming = 1; /* else made when first needed, as before */
}

static int load(zsd_packer *p)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_prepare(p->db, &st, "SELECT dict FROM text_dict");
    if (rc)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        const void *b = sqlite3_column_blob(st, 0);
        if (!n) { /* made now, as before: need_cdict() takes no empty one */
            if (!(p->cdict = new_cdict(b, 0)))
                rc = zsd_fail(p->db, ZS_ENOMEM, "cannot load the text dictionary");
        } else if (!(p->stored = malloc(n)))
            rc = zsd_fail(p->db, ZS_ENOMEM, "cannot load the text dictionary");
        else {
            memcpy(p->stored, b, n);
            p->nstored = n;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

static int sample(zsd_packer *p, const char *text, size_t n);

/*
 * No dictionary yet: the plain passages earlier runs stored are samples too,
 * so an index built a little at a time (one zs_index_buffer() per article)
 * still trains once it holds ZSD_TRAIN_BYTES. They are fewer than that.
 */
static int sample_stored(zsd_packer *p)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_prepare(p->db, &st, "SELECT body FROM passages WHERE typeof(body) = 'text'");
    while (!rc && !has_dict(p) && !p->gave_up && sqlite3_step(st) == SQLITE_ROW)
        rc = sample(p, (const char *)sqlite3_column_text(st, 0),
                    (size_t)sqlite3_column_bytes(st, 0));
    sqlite3_finalize(st);
    return rc;
}

int zsd_packer_open(zsd_packer **out, zs_db *db)
{
    zsd_packer *p = calloc(1, sizeof *p);
    int rc;
    *out = NULL;
    if (!p || !(p->cctx = new_cctx())) {
        free(p);
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    }
    p->db = db;
    if ((rc = load(p)) != 0) {
        zsd_packer_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

void zsd_packer_free(zsd_packer *p)
{
    if (!p)
        return;
    if (p->warming) {
        pthread_join(p->warm_th, NULL);
        ZSTD_freeCDict(p->made);
    }
    ZSTD_freeCCtx(p->cctx);
    ZSTD_freeCDict(p->cdict);
    ZSU_FREE(p->samples, p->sizes, p->out, p->dict, p->stored, p);
}

/* passages' columns, body the 8th (pack_stored()). */
#define PASSAGE_COLS 14
#define BODY_COL 7

/* One passage to rewrite: its columns, body compressed. */
typedef struct stored_row {
    sqlite3_value *col[PASSAGE_COLS]; /* body's is NULL */
    void *frame;
    size_t nframe;
} stored_row;

static void rows_free(stored_row *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (int c = 0; c < PASSAGE_COLS; c++)
            sqlite3_value_free(v[i].col[c]);
        free(v[i].frame);
    }
    free(v);
}

/*
 * Compress the passages stored as plain text before the dictionary existed
 * (the samples it was trained on), now that it does: left plain, they were
 * 5.0 of realnews-dev's 29.6 MB of passage text. Rewritten in place, the
 * shrunken rows would leave their pages half empty (the file did not
 * shrink), so they are deleted and inserted again with the same ids: their
 * pages are freed and filled anew. One row per statement, never a statement
 * over many rows, which would open a savepoint (FTS5 flushes its pending
 * terms at each; the FTS5 index is untouched: the text is the same).
 * Incompressible ones stay as they are.
 */
static int pack_stored(zsd_packer *p)
{
    sqlite3_stmt *sel = NULL, *del = NULL, *ins = NULL;
    stored_row *v = NULL;
    size_t n = 0, cap = 0;
    int rc, src;
    /* Trained at open (zsd_packer_open()), outside the run's transaction:
     * one transaction here, not one per row. */
    int own = sqlite3_get_autocommit(p->db->h);
    if (own && (rc = zsd_exec(p->db, "BEGIN IMMEDIATE")) != 0)
        return rc;
    if ((rc = zsd_prepare(p->db, &sel,
                          "SELECT id, doc_id, seq, kind, start, end, hash, body, park, year,"
                          " figure, line, col, len FROM passages WHERE typeof(body) = 'text'")))
        goto out;
    while ((src = sqlite3_step(sel)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(sel, BODY_COL);
        size_t len = (size_t)sqlite3_column_bytes(sel, BODY_COL);
        void *frame = malloc(ZSTD_compressBound(len));
        if (!frame)
            goto oom;
        size_t k = compress_frame(p->cctx, frame, ZSTD_compressBound(len), t, len, p->cdict);
        if (ZSTD_isError(k) || k >= len) {
            free(frame);
            continue;
        }
        if (n == cap) {
            size_t c = cap ? cap * 2 : 1024;
            stored_row *w = realloc(v, c * sizeof *w);
            if (!w) {
                free(frame);
                goto oom;
            }
            v = w;
            cap = c;
        }
        stored_row *row = &v[n++];
        memset(row, 0, sizeof *row);
        row->frame = frame;
        row->nframe = k;
        for (int c = 0; c < PASSAGE_COLS; c++)
            if (c != BODY_COL && !(row->col[c] = sqlite3_value_dup(sqlite3_column_value(sel, c))))
                goto oom;
    }
    if (src != SQLITE_DONE) {
        rc = zsd_sqlite_fail(p->db, "reading the passages stored plain");
        goto out;
    }
    if ((rc = zsd_prepare(p->db, &del, "DELETE FROM passages WHERE id = ?")) ||
        (rc = zsd_prepare(p->db, &ins,
                          "INSERT INTO passages(id, doc_id, seq, kind, start, end, hash, body,"
                          " park, year, figure, line, col, len)"
                          " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")))
        goto out;
    for (size_t i = 0; i < n && !rc; i++) {
        sqlite3_bind_value(del, 1, v[i].col[0]);
        if (sqlite3_step(del) != SQLITE_DONE)
            rc = zsd_sqlite_fail(p->db, "compressing a passage stored plain");
        sqlite3_reset(del);
    }
    for (size_t i = 0; i < n && !rc; i++) {
        for (int c = 0; c < PASSAGE_COLS; c++)
            if (c == BODY_COL)
                sqlite3_bind_blob(ins, c + 1, v[i].frame, (int)v[i].nframe, SQLITE_STATIC);
            else
                sqlite3_bind_value(ins, c + 1, v[i].col[c]);
        if (sqlite3_step(ins) != SQLITE_DONE)
            rc = zsd_sqlite_fail(p->db, "compressing a passage stored plain");
        sqlite3_reset(ins);
    }
    goto out;
oom:
    rc = zsd_fail(p->db, ZS_ENOMEM, "out of memory");
out:
    sqlite3_finalize(sel);
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    rows_free(v, n);
    if (own && !rc)
        rc = zsd_exec(p->db, "COMMIT");
    if (own && rc)
        sqlite3_exec(p->db->h, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* Train on the samples into p->dict and p->cdict; on failure, give up.
 * No SQL: it may run in the training thread (zsd_packer_defer()). */
static int train_dict(zsd_packer *p)
{
    void *dict = malloc(ZSD_DICT_BYTES);
    if (!dict)
        return oom(p);
    /* One fastCover pass with fixed parameters, not ZDICT_trainFromBuffer()'s
     * search over k on a 75% split: on 4 MiB of news 0.064 s instead of
     * 0.264 s in the single writer thread, for a ratio of 0.2242 instead of
     * 0.2227 on other news (0.9576 instead of 0.9699 on real text). */
    ZDICT_fastCover_params_t prm;
    memset(&prm, 0, sizeof prm);
    prm.k = 200;
    prm.d = 8;
    /* f = 18, accel = 4, not 20 and 1: training, in the single writer
     * thread, took 0.19 s of realnews-dev's run and now 0.06 s (1.24 G
     * instructions of a 16 MB run under callgrind), for 0.08% more text
     * (27.47 MB instead of 27.45 MB of its 48.3 MB of passages). 8 MiB of
     * samples instead of 4 compressed no better. */
    prm.f = 18;
    prm.accel = 4;
    prm.splitPoint = 1.0;
    /* Level 3 for the entropy tables trained on the samples: at 5 zstd's
     * row match finder cleared a large table for each of them, 4.3 G
     * instructions of a 3,000-article run under callgrind. */
    prm.zParams.compressionLevel = 3;
    size_t n =
        ZDICT_trainFromBuffer_fastCover(dict, ZSD_DICT_BYTES, p->samples, p->sizes, p->nsizes, prm);
    free(p->samples);
    free(p->sizes);
    p->samples = NULL;
    p->sizes = NULL;
    if (ZDICT_isError(n)) { /* too few or too alike samples: keep text plain */
        p->gave_up = 1;
        free(dict);
        return 0;
    }
    if (!(p->cdict = new_cdict(dict, n))) {
        free(dict);
        return oom(p);
    }
    p->dict = dict;
    p->ndict = n;
    return 0;
}

/* The dictionary trained, into text_dict, and the passages stored plain before
 * it, compressed; nothing when none waits. */
static int store_dict(zsd_packer *p)
{
    sqlite3_stmt *st = NULL;
    int rc;
    if (!p->dict)
        return 0;
    if ((rc = zsd_prepare(p->db, &st, "INSERT OR REPLACE INTO text_dict VALUES(?1, ?2)")) == 0) {
        sqlite3_bind_int(st, 1, ZSD_TEXT_DICT_ROWID);
        sqlite3_bind_blob(st, 2, p->dict, (int)p->ndict, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = zsd_sqlite_fail(p->db, "storing the text dictionary");
        sqlite3_finalize(st);
    }
    free(p->dict);
    p->dict = NULL;
    return rc ? rc : pack_stored(p);
}

/* Train; store the dictionary unless training is deferred. */
static int train(zsd_packer *p)
{
    int rc = train_dict(p);
    return rc || p->deferred ? rc : store_dict(p);
}

/* Keep text as a training sample; train once there is enough. */
static int sample(zsd_packer *p, const char *text, size_t n)
{
    if (p->nsizes == p->capsizes) {
        unsigned cap = p->capsizes ? p->capsizes * 2 : 4096;
        size_t *s = realloc(p->sizes, cap * sizeof *s);
        if (!s)
            return oom(p);
        p->sizes = s;
        p->capsizes = cap;
    }
    if (!p->samples && !(p->samples = malloc(ZSD_TRAIN_BYTES)))
        return oom(p);
    size_t k = n < ZSD_TRAIN_BYTES - p->nsamples_bytes ? n : ZSD_TRAIN_BYTES - p->nsamples_bytes;
    memcpy(p->samples + p->nsamples_bytes, text, k);
    p->nsamples_bytes += k;
    p->sizes[p->nsizes++] = k;
    return p->nsamples_bytes == ZSD_TRAIN_BYTES ? train(p) : 0;
}

int zsd_packer_prime(zsd_packer *p)
{
    if (p->primed)
        return 0;
    p->primed = 1;
    return has_dict(p) ? 0 : sample_stored(p);
}

int zsd_packer_pack(zsd_packer *p, const char *text, size_t n, const void **out, size_t *nout,
                    int *blob)
{
    int rc;
    *out = text;
    *nout = n;
    *blob = 0;
    if ((rc = zsd_packer_prime(p)) != 0)
        return rc;
    if (!has_dict(p)) {
        if (p->gave_up)
            return 0;
        if ((rc = sample(p, text, n)) != 0)
            return rc;
        if (!has_dict(p))
            return 0;
    }
    if ((rc = need_cdict(p)) != 0)
        return rc;
    size_t bound = ZSTD_compressBound(n);
    if (bound > p->capout) {
        char *b = realloc(p->out, bound);
        if (!b)
            return zsd_fail(p->db, ZS_ENOMEM, "out of memory");
        p->out = b;
        p->capout = bound;
    }
    size_t k = compress_frame(p->cctx, p->out, p->capout, text, n, p->cdict);
    if (ZSTD_isError(k) || k >= n) /* incompressible: plain text is smaller */
        return 0;
    *out = p->out;
    *nout = k;
    *blob = 1;
    return 0;
}

int zsd_packer_wants_samples(const zsd_packer *p)
{
    return !has_dict(p) && !p->gave_up;
}

int zsd_packer_sample(zsd_packer *p, const char *text, size_t n)
{
    return zsd_packer_wants_samples(p) ? sample(p, text, n) : 0;
}

int zsd_packer_train_now(zsd_packer *p, size_t min)
{
    if (!zsd_packer_wants_samples(p) || p->nsamples_bytes < min)
        return 0;
    return train(p);
}

void zsd_packer_defer(zsd_packer *p)
{
    p->deferred = 1;
}

int zsd_packer_store_dict(zsd_packer *p)
{
    p->deferred = 0;
    return store_dict(p);
}

const zsd_dict *zsd_packer_dict(zsd_packer *p)
{
    /* out of memory: NULL, no dictionary for the workers; the writer's
     * next zsd_packer_pack() reports it */
    need_cdict(p);
    return (const zsd_dict *)(const void *)p->cdict;
}

int zsd_compress(zsd_cctx **cctx, const zsd_dict *dict, const char *text, size_t n, char **out,
                 size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (!*cctx && !(*cctx = (zsd_cctx *)(void *)new_cctx()))
        return ZS_ENOMEM;
    size_t bound = ZSTD_compressBound(n);
    char *b = malloc(bound);
    if (!b)
        return ZS_ENOMEM;
    size_t k = compress_frame((ZSTD_CCtx *)(void *)*cctx, b, bound, text, n,
                              (const ZSTD_CDict *)(const void *)dict);
    if (ZSTD_isError(k) || k >= n) { /* plain text is smaller */
        free(b);
        return 0;
    }
    *out = b;
    *nout = k;
    return 0;
}

void zsd_cctx_free(zsd_cctx *c)
{
    ZSTD_freeCCtx((ZSTD_CCtx *)(void *)c);
}
