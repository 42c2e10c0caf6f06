/*
 * test_recall.c - the recall property, through FTS5 end to end.
 *
 * Every run of 1 to 6 consecutive Chinese characters in every paragraph
 * (non-blank line) of the corpus, used as a phrase query, must find that
 * paragraph, whatever ICU's dictionary did around it. Also: Traditional and
 * full-width variants of a run find it too.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "../tap.h"
#include "segment_int.h"

static int is_han(UChar32 c)
{
    UErrorCode st = U_ZERO_ERROR;
    return uscript_getScript(c, &st) == USCRIPT_HAN;
}

static int found(sqlite3_stmt *q, const char *run, size_t n, sqlite3_int64 rowid)
{
    char m[128];
    snprintf(m, sizeof m, "\"%.*s\"", (int)n, run);
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, m, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 2, rowid);
    return sqlite3_step(q) == SQLITE_ROW;
}

int main(void)
{
    const char *dir = getenv("ZS_CORPUS");
    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL, *q = NULL;
    const char *err = NULL;
    long runs = 0, misses = 0;

    if (!tap_ok(dir != NULL, "ZS_CORPUS is set"))
        return tap_done();
    sqlite3_open(":memory:", &db);
    tap_ok(zss_fts5_register(db, &err) == 0, "tokenizer registers");
    tap_ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zhaoshu')", 0, 0,
                        0) == SQLITE_OK,
           "FTS5 table with tokenize='zhaoshu'");
    sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES(?,?)", -1, &ins, NULL);
    sqlite3_prepare_v2(db, "SELECT 1 FROM t WHERE t MATCH ?1 AND rowid = ?2", -1, &q, NULL);

    DIR *d = opendir(dir);
    struct dirent *de;
    char **paras = NULL;
    size_t npara = 0, cap = 0;
    sqlite3_exec(db, "BEGIN", 0, 0, 0);
    while (d && (de = readdir(d))) {
        if (!strstr(de->d_name, ".txt"))
            continue;
        char path[4096];
        size_t n;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        char *text = tap_slurp(path, &n);
        for (char *line = text; line && *line;) {
            char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            if (len > 0) {
                if (npara == cap) {
                    cap = cap ? cap * 2 : 256;
                    paras = realloc(paras, cap * sizeof *paras);
                }
                paras[npara] = strndup(line, len);
                sqlite3_reset(ins);
                sqlite3_bind_int64(ins, 1, (sqlite3_int64)npara + 1);
                sqlite3_bind_text(ins, 2, paras[npara], (int)len, SQLITE_STATIC);
                if (sqlite3_step(ins) != SQLITE_DONE)
                    tap_ok(0, "insert: %s", sqlite3_errmsg(db));
                npara++;
            }
            line = nl ? nl + 1 : line + len;
        }
        free(text);
    }
    if (d)
        closedir(d);
    sqlite3_exec(db, "COMMIT", 0, 0, 0);
    tap_ok(npara > 300, "corpus has %zu paragraphs", npara);

    for (size_t p = 0; p < npara; p++) {
        const uint8_t *s = (const uint8_t *)paras[p];
        int32_t len = (int32_t)strlen(paras[p]);
        for (int32_t i = 0; i < len;) {
            int32_t j = i, k;
            UChar32 c;
            U8_NEXT(s, j, len, c);
            if (!is_han(c)) {
                i = j;
                continue;
            }
            /* runs starting at i: 1..6 Han characters */
            k = i;
            for (int chars = 1; chars <= 6 && k < len; chars++) {
                U8_NEXT(s, k, len, c);
                if (!is_han(c))
                    break;
                runs++;
                if (!found(q, (const char *)s + i, (size_t)(k - i), (sqlite3_int64)p + 1)) {
                    if (misses++ < 10)
                        tap_diag("miss: '%.*s' in paragraph %zu", k - i, s + i, p + 1);
                }
            }
            i = j;
        }
    }
    tap_ok(runs > 50000, "checked %ld runs of 1-6 characters", runs);
    TAP_INTEQ(misses, 0, "every run finds its paragraph");

    /* Variant forms of the query find the Simplified, half-width text. */
    sqlite3_exec(db, "INSERT INTO t(rowid, body) VALUES(1000000, '签约金额135.34亿元，贵阳高新区')",
                 0, 0, 0);
    tap_ok(found(q, "貴陽高新區", strlen("貴陽高新區"), 1000000), "Traditional query finds it");
    tap_ok(found(q, "１３５．３４億元", strlen("１３５．３４億元"), 1000000),
           "full-width number query finds it");
    tap_ok(!found(q, "贵阳新区", strlen("贵阳新区"), 1000000), "a run not in the text does not");

    for (size_t p = 0; p < npara; p++)
        free(paras[p]);
    free(paras);
    sqlite3_finalize(ins);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return tap_done();
}
