/*
 * test_textpack.c - the text dictionary the indexer compresses with.
 *
 * Its search tables are set (textpack.c, new_cdict(), ZSD_HASH_LOG), not
 * left to zstd, which sizes them down to a small dictionary: with those
 * every passage's frame decodes the same and comes out a little larger,
 * which only the bench's size on real news would show.
 * This test trains a dictionary through the packer, as an index run does,
 * and checks that its tables are not the ones zstd makes by default at
 * ZSD_LEVEL, and that a frame made with it decodes to its text; then that a
 * packer building the stored dictionary's tables on a thread of its own
 * (zsd_packer_warm()) compresses to the same frame.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ZSTD_STATIC_LINKING_ONLY /* magicless frames */
#include <sqlite3.h>
#include <zstd.h>

#include "../tap.h"
#include "store_int.h"

/* Made-up sentences, one of a few hundred shapes a seed picks: enough
 * repetition for a dictionary, enough variety for fastCover to train. */
static size_t sentence(char *out, size_t cap, unsigned *seed)
{
    static const char *const who[] = {"the harbour board", "a seed co-op", "our ferry line",
                                      "the glassworks", "a tea garden", "the night market"};
    static const char *const did[] = {"reported", "planned", "doubled", "trimmed", "audited"};
    static const char *const what[] = {"its kiln output", "river freight", "loom hours",
                                       "orchard acreage", "stall rents", "rail tickets"};
    *seed = *seed * 1103515245u + 12345u;
    unsigned r = *seed >> 8;
    return (size_t)snprintf(out, cap, "In month %u %s %s %s by %u.%u units, note %u.\n",
                            r % 12 + 1, who[r % 6], did[(r >> 3) % 5], what[(r >> 6) % 6],
                            (r >> 9) % 90 + 10, (r >> 16) % 10, (r >> 4) % 97);
}

int main(void)
{
    char dir[] = "/tmp/zs-textpack-XXXXXX", path[64], buf[256];
    zs_open_opts rw = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_db *db = NULL;
    zsd_packer *p = NULL;
    unsigned seed = 7;
    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof path, "%s/pack.db", dir);
    if (!tap_ok(zs_db_open(&db, path, &rw) == 0 && zsd_packer_open(&p, db) == 0,
                "a new index and its packer open")) {
        printf("#   %s\n", zs_errmsg(db));
        return tap_done();
    }
    size_t fed = 0;
    int rc = 0;
    while (!rc && zsd_packer_wants_samples(p) && fed < 2 * ZSD_TRAIN_BYTES) {
        size_t n = sentence(buf, sizeof buf, &seed);
        rc = zsd_packer_sample(p, buf, n);
        fed += n;
    }
    const ZSTD_CDict *cd = (const ZSTD_CDict *)(const void *)zsd_packer_dict(p);
    if (!tap_ok(!rc && cd != NULL, "%zu bytes of samples train a dictionary", fed))
        goto out;

    /* The dictionary's bytes, as stored, made into tables the default way. */
    sqlite3_stmt *st = NULL;
    ZSTD_CDict *plain = NULL;
    ZSTD_DDict *dd = NULL;
    if (sqlite3_prepare_v2(db->h, "SELECT dict FROM text_dict", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const void *d = sqlite3_column_blob(st, 0);
        size_t nd = (size_t)sqlite3_column_bytes(st, 0);
        ZSTD_CCtx_params *prm = ZSTD_createCCtxParams();
        ZSTD_CCtxParams_init(prm, ZSD_LEVEL);
        ZSTD_CCtxParams_setParameter(prm, ZSTD_c_useRowMatchFinder, ZSTD_ps_disable);
        plain = ZSTD_createCDict_advanced2(d, nd, ZSTD_dlm_byCopy, ZSTD_dct_auto, prm,
                                           ZSTD_defaultCMem);
        ZSTD_freeCCtxParams(prm);
        dd = ZSTD_createDDict(d, nd);
    }
    sqlite3_finalize(st);
    if (tap_ok(plain && dd, "the stored dictionary loads")) {
        size_t a = ZSTD_sizeof_CDict(cd), b = ZSTD_sizeof_CDict(plain);
        tap_ok(a > b, "the packer's tables are larger than zstd's default (%zu bytes, default %zu)", a,
               b);
    }

    /* A frame made with it decodes, magicless, to its text. */
    zsd_cctx *cc = NULL;
    char text[4096], *frame = NULL, back[4096];
    size_t n = 0, nframe = 0;
    while (n + 256 < sizeof text)
        n += sentence(text + n, sizeof text - n, &seed);
    rc = zsd_compress(&cc, (const zsd_dict *)(const void *)cd, text, n, &frame, &nframe);
    if (tap_ok(!rc && frame && nframe < n / 2, "%zu bytes of text compress to %zu", n, nframe) &&
        dd) {
        ZSTD_DCtx *dc = ZSTD_createDCtx();
        ZSTD_DCtx_setParameter(dc, ZSTD_d_format, ZSTD_f_zstd1_magicless);
        size_t k = ZSTD_decompress_usingDDict(dc, back, sizeof back, frame, nframe, dd);
        tap_ok(!ZSTD_isError(k) && k == n && !memcmp(back, text, n), "the frame decodes to it");
        ZSTD_freeDCtx(dc);
    }
    /* A second packer of the index finds the stored dictionary and makes its
     * tables on a thread (zsd_packer_warm()): the same frame comes out. */
    zsd_packer *p2 = NULL, *p3 = NULL;
    if (tap_ok(zsd_packer_open(&p2, db) == 0 && zsd_packer_open(&p3, db) == 0,
               "the index opens two more packers")) {
        zsd_packer_warm(p2);
        zsd_packer_warm(p2); /* a second call while it is made: nothing */
        zsd_packer_warm(p3); /* freed while made, never asked for */
        const zsd_dict *d2 = zsd_packer_dict(p2);
        zsd_cctx *cc2 = NULL;
        char *frame2 = NULL;
        size_t nframe2 = 0;
        tap_ok(d2 && !zsd_compress(&cc2, d2, text, n, &frame2, &nframe2) && frame2 &&
                   nframe2 == nframe && frame && !memcmp(frame2, frame, nframe),
               "the warmed dictionary compresses the text to the same %zu bytes", nframe);
        tap_ok(zsd_packer_dict(p2) == d2, "asked again, the same dictionary");
        free(frame2);
        zsd_cctx_free(cc2);
    }
    zsd_packer_free(p2);
    zsd_packer_free(p3);
    free(frame);
    zsd_cctx_free(cc);
    ZSTD_freeCDict(plain);
    ZSTD_freeDDict(dd);
out:
    zsd_packer_free(p);
    zs_db_close(db);
    static const char *const sfx[] = {"", "-wal", "-shm", "-lock"};
    for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
        snprintf(buf, sizeof buf, "%s%s", path, sfx[i]);
        unlink(buf);
    }
    rmdir(dir);
    return tap_done();
}
