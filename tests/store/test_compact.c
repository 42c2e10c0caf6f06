/*
 * test_compact.c - the end of a first build (store/compact.c): the index is
 * written in place (the file is never renamed over, a reader open meanwhile
 * reads on) and no copy is made; a stale copy of an older version's build
 * goes at a writer's open and only then.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tap.h"
#include "store_int.h"

static long long query_ll(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static const char *query_text(sqlite3 *h, const char *sql, char *buf, size_t cap)
{
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(buf, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static unsigned long long inode(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (unsigned long long)sb.st_ino : 0;
}

static void remove_index(const char *path)
{
    static const char *const suffix[] = {"", "-wal", "-shm", "-lock", ZSD_COMPACT_SUFFIX};
    char name[256];
    for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
        snprintf(name, sizeof name, "%s%s", path, suffix[i]);
        unlink(name);
    }
}

/* An article of n invented lines, each a passage with a year and three
 * figures, the years in no order, as a first build of news writes them. */
static char *article(int n, size_t *len)
{
    size_t cap = (size_t)n * 160 + 1;
    char *t = malloc(cap);
    size_t at = 0;
    for (int i = 0; t && i < n; i++)
        at += (size_t)snprintf(t + at, cap - at,
                               "第%d号仓库%d年存放钢材%d吨，运出木料%d立方米，"
                               "用电%d千瓦时。\n",
                               i, 1950 + (i * 37) % 70, 100 + i, 200 + 3 * i, 5000 + 7 * i);
    *len = at;
    return t;
}

int main(void)
{
    char dir[] = "/tmp/zs-compact-XXXXXX", path[128], copy[160], buf[64];
    zs_open_opts rw = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_open_opts ro = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY};
    zs_db *w = NULL, *r = NULL;
    size_t n1 = 0, n2 = 0, na = 0;
    char *t1 = tap_corpus_file("000_24cf386f7f29c2e5.txt", &n1);
    char *t2 = tap_corpus_file("001_714bcf8596df40c9.txt", &n2);
    char *ta = article(3000, &na);
    if (!mkdtemp(dir) || !t1 || !t2 || !ta)
        return 1;
    snprintf(path, sizeof path, "%s/c.db", dir);
    snprintf(copy, sizeof copy, "%s" ZSD_COMPACT_SUFFIX, path);

    /* A first build: the index stays where it is, its tables full. */
    if (!tap_ok(zs_db_open(&w, path, &rw) == 0, "a new index opens for writing"))
        return tap_done();
    tap_ok(zs_db_open(&r, path, &ro) == 0 && query_ll(r->h, "SELECT count(*) FROM docs") == 0,
           "a reader opens it while it is empty");
    unsigned long long before = inode(path);
    tap_ok(zs_index_buffer(w, "store.txt", ta, na, NULL) == 0, "a first build of one long article");
    tap_ok(inode(path) == before, "  the index was not renamed over");
    tap_ok(access(copy, F_OK) != 0, "  and no copy was made beside it");
    TAP_INTEQ(query_ll(r->h, "SELECT count(*) FROM docs"), 1, "  the reader sees the document");
    tap_ok(!zsd_has_moved(r), "  in the file at the index's name");
    long long figs = query_ll(w->h, "SELECT count(*) FROM figure_rows");
    long long years = query_ll(w->h, "SELECT count(*) FROM passage_years");
    tap_ok(figs >= 9000 && years >= 3000, "  %lld figure rows, %lld year rows", figs, years);
    TAP_INTEQ(query_ll(w->h, "PRAGMA freelist_count"), 0, "  no free page");
    TAP_STREQ(query_text(w->h, "PRAGMA integrity_check", buf, sizeof buf), "ok", "  sound");
    tap_ok(zs_index_buffer(w, "one.txt", t1, n1, NULL) == 0, "the same handle indexes again");
    TAP_INTEQ(query_ll(w->h, "SELECT count(*) FROM docs"), 2, "  two documents");
    TAP_INTEQ(query_ll(r->h, "SELECT count(*) FROM docs"), 2, "  the reader sees both");
    zs_db_close(r);
    r = NULL;
    zs_db_close(w);
    w = NULL;

    /* A copy left by an older version's killed build: a reader leaves it (a
     * writer could be making it), a writer removes it, nobody reads it. */
    FILE *f = fopen(copy, "w");
    tap_ok(f && fputs("not an index", f) >= 0 && fclose(f) == 0, "a stale copy is made");
    tap_ok(zs_db_open(&r, path, &ro) == 0 && query_ll(r->h, "SELECT count(*) FROM docs") == 2,
           "a reader reads the index");
    tap_ok(access(copy, F_OK) == 0, "  and leaves the copy");
    zs_db_close(r);
    r = NULL;
    tap_ok(zs_db_open(&w, path, &rw) == 0 && query_ll(w->h, "SELECT count(*) FROM docs") == 2,
           "a writer opens the index");
    tap_ok(access(copy, F_OK) != 0, "  and removes the copy");
    tap_ok(zs_index_buffer(w, "two.txt", t2, n2, NULL) == 0, "  and indexes on");
    zs_db_close(w);

    remove_index(path);
    rmdir(dir);
    free(t1);
    free(t2);
    free(ta);
    return tap_done();
}
