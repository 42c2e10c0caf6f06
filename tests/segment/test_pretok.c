/*
 * test_pretok.c - the writer replays worker tokens (zss_pretok) instead of
 * segmenting again, matched by content even though SQLite copies the text.
 *
 * The proof: tokens built for a text are altered before the insert; only a
 * replay can put the altered token into the index.
 */
#include <string.h>
#include <sqlite3.h>

#include "../tap.h"
#include "segment_int.h"

static int count(sqlite3 *db, const char *match)
{
    sqlite3_stmt *st;
    int n = -1;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &st, NULL);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The tokens of zs_seg_run() in DOCUMENT mode, as pretok_add() stores them. */
typedef struct seen {
    char strings[4096];
    zss_pretok_tok toks[1024];
    size_t ntoks, nstrings;
} seen;

static int collect(void *ctx, const zs_token *t)
{
    seen *sn = ctx;
    if (sn->ntoks == sizeof sn->toks / sizeof sn->toks[0] ||
        sn->nstrings + t->len > sizeof sn->strings)
        return ZS_ELIMIT;
    memcpy(sn->strings + sn->nstrings, t->text, t->len);
    sn->toks[sn->ntoks++] =
        (zss_pretok_tok){(uint32_t)sn->nstrings, (uint16_t)t->len, (uint16_t)(t->colocated != 0),
                         (uint32_t)t->start, (uint32_t)t->end};
    sn->nstrings += t->len;
    return 0;
}

/* Does pt hold the tokens zs_seg_run() gives for its text? */
static int same_as_run(zs_seg *seg, const zss_pretok *pt)
{
    static seen sn;
    size_t npos = 0;
    sn.ntoks = sn.nstrings = 0;
    if (zs_seg_run(seg, pt->text, pt->n, ZS_SEG_DOCUMENT, collect, &sn) != 0 ||
        sn.ntoks != pt->ntoks)
        return 0;
    /* fts5StorageInsertCallback(): szCol++ unless COLOCATED and szCol > 0 */
    for (size_t i = 0; i < sn.ntoks; i++)
        npos += !sn.toks[i].colocated || npos == 0;
    if (zss_pretok_positions(pt) != npos)
        return 0;
    for (size_t i = 0; i < sn.ntoks; i++) {
        const zss_pretok_tok *a = &sn.toks[i], *b = &pt->toks[i];
        if (a->text_len != b->text_len || a->colocated != b->colocated || a->start != b->start ||
            a->end != b->end ||
            memcmp(sn.strings + a->text_off, pt->strings + b->text_off, a->text_len) != 0)
            return 0;
    }
    return 1;
}

int main(void)
{
    sqlite3 *db;
    sqlite3_stmt *ins;
    zs_seg *seg = NULL;
    zss_pretok pt = {0};
    const char *err = NULL;
    char text[] = "贵阳高新区签约金额";

    sqlite3_open(":memory:", &db);
    zss_fts5_register(db, &err);
    sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zhaoshu')", 0, 0, 0);
    tap_ok(zs_seg_open(&seg) == 0, "segmenter");
    TAP_INTEQ(zss_pretok_build(seg, &pt, text, strlen(text)), 0, "pre-tokenize");
    tap_ok(pt.ntoks == 9 && pt.toks[0].text_len == 3, "tokens: one per character");
    memcpy(pt.strings + pt.toks[0].text_off, "\xe9\xbe\x99", 3); /* 贵 -> 龙 */

    char copy[sizeof text];
    memcpy(copy, text, sizeof text); /* another buffer with the same bytes */
    sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES(?)", -1, &ins, NULL);
    sqlite3_bind_text(ins, 1, copy, -1, SQLITE_STATIC);
    zss_pretok_set(&pt, 1);
    TAP_INTEQ(sqlite3_step(ins), SQLITE_DONE, "insert with replay set");
    zss_pretok_set(NULL, 0);
    sqlite3_finalize(ins);
    TAP_INTEQ(count(db, "龙"), 1, "the altered token was replayed");
    TAP_INTEQ(count(db, "\"阳高新区\""), 1, "the other tokens too");

    sqlite3_exec(db, "INSERT INTO t(body) VALUES('贵阳')", 0, 0, 0);
    TAP_INTEQ(count(db, "贵"), 1, "without replay set, text is segmented");
    zss_pretok_clear(&pt);

    /* The HAN tokens zss_seg_pretok() stores itself, and those it hands to
     * pretok_add() when the arrays are full or for other text, come out as
     * zs_seg_run() makes them, in its order; the same pt is built again
     * (with room left from before) and afresh (it grows midway). */
    static const char *const texts[] = {
        "贵阳高新区签约金额135.34亿元，同比增长12%。",
        "國家高新區：GDP 5G ２０２４年 abc def，“龍”與（虎）……",
        "a b c d e f g h 一 i j k 二 l m n 三 o p q 四 r s t",
        "\xE4\xB8\xAD\xE5\x9B\xBD\xE4\xB8 \x80\xE5\x9B\xBD",
        "、。，：；！？（）《》“”‘’—…高、新。区",
        "\xEE\x80\x81甲乙 丙丁",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        TAP_INTEQ(zss_pretok_build(seg, &pt, texts[k], strlen(texts[k])), 0, "build");
        tap_ok(same_as_run(seg, &pt), "the same tokens as zs_seg_run(), into a used pt");
        zss_pretok_clear(&pt);
        TAP_INTEQ(zss_pretok_build(seg, &pt, texts[k], strlen(texts[k])), 0, "build afresh");
        tap_ok(same_as_run(seg, &pt), "the same tokens as zs_seg_run(), into a new pt");
    }
    zss_pretok_clear(&pt);
    zs_seg_free(seg);
    sqlite3_close(db);
    return tap_done();
}
