/*
 * test_strings.c - the writer's interned strings (strings.c): one id per
 * string, the same id every time it is asked for, stored as the row of
 * that id, and found again by the next run's cache, which starts empty and
 * asks the table. Thousands of strings, so that the cache's table grows
 * several times and strings share its slots.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../tap.h"
#include "store_int.h"

#define NSTR 5000

static void name(char *buf, size_t cap, int i)
{
    /* units and metrics as figures carry them; some long, most short */
    if (i % 7 == 0)
        snprintf(buf, cap, "全市规模以上工业企业实现的利润总额第%d项", i);
    else
        snprintf(buf, cap, "%d万元", i);
}

int main(void)
{
    char dir[] = "/tmp/zs-strings-XXXXXX", db_path[128], s[128];
    zs_open_opts rw = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_db *db = NULL;
    zsd_strings *t = NULL;
    static sqlite3_int64 ids[NSTR];
    if (!mkdtemp(dir))
        return 1;
    snprintf(db_path, sizeof db_path, "%s/strings.db", dir);
    if (!tap_ok(zs_db_open(&db, db_path, &rw) == 0 && zsd_strings_open(&t, db) == 0,
                "an empty index and its strings"))
        return tap_done();

    int rc = 0, distinct = 1, same = 1;
    for (int i = 0; i < NSTR && !rc; i++) {
        name(s, sizeof s, i);
        rc = zsd_strings_id(t, s, &ids[i]);
        distinct &= ids[i] == i + 1; /* new strings count up from 1 */
    }
    TAP_INTEQ(rc, 0, "%d strings get ids", NSTR);
    tap_ok(distinct, "each a new id, in the order first asked for");
    for (int i = NSTR - 1; i >= 0 && !rc; i--) {
        sqlite3_int64 id = 0;
        name(s, sizeof s, i);
        rc = zsd_strings_id(t, s, &id);
        same &= id == ids[i];
    }
    tap_ok(rc == 0 && same, "asked again, each string has its id");
    TAP_INTEQ(zsd_exec(db, "BEGIN") == 0 && zsd_strings_flush(t) == 0 && zsd_exec(db, "COMMIT") == 0,
              1, "the new strings are stored");
    zsd_strings_free(t);
    t = NULL;

    sqlite3_stmt *st = NULL;
    int rows = 0, right = 1;
    if (sqlite3_prepare_v2(db->h, "SELECT id, s FROM strings ORDER BY id", -1, &st, NULL) ==
        SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            sqlite3_int64 id = sqlite3_column_int64(st, 0);
            if (id >= 1 && id <= NSTR) {
                name(s, sizeof s, (int)id - 1);
                right &= strcmp(s, (const char *)sqlite3_column_text(st, 1)) == 0;
            } else {
                right = 0;
            }
            rows++;
        }
    sqlite3_finalize(st);
    TAP_INTEQ(rows, NSTR, "one row a string");
    tap_ok(right, "each row holds the string of its id");

    /* the next run: the table is not empty, the cache is */
    same = 1;
    rc = zsd_strings_open(&t, db);
    for (int i = 0; i < NSTR && !rc; i += 3) {
        sqlite3_int64 id = 0;
        name(s, sizeof s, i);
        rc = zsd_strings_id(t, s, &id);
        same &= id == ids[i];
    }
    sqlite3_int64 fresh = 0;
    if (!rc)
        rc = zsd_strings_id(t, "亿美元每桶", &fresh);
    tap_ok(rc == 0 && same, "a later run finds the stored ids");
    TAP_INTEQ(fresh, NSTR + 1, "and gives a new string the next id");
    zsd_strings_free(t);
    zs_db_close(db);

    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
