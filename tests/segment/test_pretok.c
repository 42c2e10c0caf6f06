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
    zs_seg_free(seg);
    sqlite3_close(db);
    return tap_done();
}
