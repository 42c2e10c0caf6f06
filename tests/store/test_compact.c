/*
 * test_compact.c - the end of a first build (store/compact.c): the index is
 * written again into a copy renamed over it when no other connection has it
 * open, in place when one has; the copy keeps what the header holds; a
 * stale copy goes at a writer's open and only then.
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

/* Bytes 18 and 19 of the file's header: 2 and 2 in WAL mode, 1 and 1 not. */
static int header_wal(const char *path)
{
    unsigned char h[20] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = fread(h, 1, sizeof h, f);
    fclose(f);
    return n == sizeof h && h[18] == 2 && h[19] == 2;
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

int main(void)
{
    char dir[] = "/tmp/zs-compact-XXXXXX", path[128], copy[160], buf[64];
    zs_open_opts rw = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_open_opts ro = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY};
    zs_db *w = NULL, *r = NULL;
    size_t n1 = 0, n2 = 0;
    char *t1 = tap_corpus_file("000_24cf386f7f29c2e5.txt", &n1);
    char *t2 = tap_corpus_file("001_714bcf8596df40c9.txt", &n2);
    if (!mkdtemp(dir) || !t1 || !t2)
        return 1;
    snprintf(path, sizeof path, "%s/c.db", dir);
    snprintf(copy, sizeof copy, "%s" ZSD_COMPACT_SUFFIX, path);

    /* Alone: the copy is renamed in, and the handle goes on writing. */
    if (!tap_ok(zs_db_open(&w, path, &rw) == 0, "a new index opens for writing"))
        return tap_done();
    sqlite3_exec(w->h, "PRAGMA user_version=7; PRAGMA application_id=1515870810", NULL, NULL, NULL);
    unsigned long long before = inode(path);
    tap_ok(zs_index_buffer(w, "one.txt", t1, n1, NULL) == 0, "a first build of one document");
    tap_ok(inode(path) != before, "alone, the compacted copy was renamed over the index");
    tap_ok(access(copy, F_OK) != 0, "  and no copy is left beside it");
    TAP_STREQ(query_text(w->h, "PRAGMA journal_mode", buf, sizeof buf), "wal",
              "  the writer's new connection is in WAL mode");
    tap_ok(header_wal(path) == 1, "  and so is the file's header");
    TAP_INTEQ(query_ll(w->h, "PRAGMA page_size"), 8192, "  the page size kept");
    TAP_INTEQ(query_ll(w->h, "PRAGMA user_version"), 7, "  user_version kept");
    TAP_INTEQ(query_ll(w->h, "PRAGMA application_id"), 1515870810, "  application_id kept");
    TAP_INTEQ(query_ll(w->h, "PRAGMA freelist_count"), 0, "  no free page");
    TAP_STREQ(query_text(w->h, "PRAGMA integrity_check", buf, sizeof buf), "ok", "  sound");
    tap_ok(zs_index_buffer(w, "two.txt", t2, n2, NULL) == 0, "the same handle indexes again");
    TAP_INTEQ(query_ll(w->h, "SELECT count(*) FROM docs"), 2, "  two documents");
    tap_ok(zs_db_open(&r, path, &ro) == 0 && query_ll(r->h, "SELECT count(*) FROM docs") == 2,
           "a reader opened after sees both");
    tap_ok(!zsd_has_moved(r), "  in the file at the index's name");
    zs_db_close(r);
    r = NULL;
    zs_db_close(w);
    w = NULL;
    remove_index(path);

    /* A reader open during the build: compacted in place, its file kept. */
    if (!tap_ok(zs_db_open(&w, path, &rw) == 0, "another new index opens for writing"))
        return tap_done();
    tap_ok(zs_db_open(&r, path, &ro) == 0 && query_ll(r->h, "SELECT count(*) FROM docs") == 0,
           "a reader opens it while it is empty");
    before = inode(path);
    tap_ok(zs_index_buffer(w, "one.txt", t1, n1, NULL) == 0, "a first build beside the reader");
    tap_ok(inode(path) == before, "  the index was not renamed over");
    tap_ok(access(copy, F_OK) != 0, "  no copy is left");
    TAP_INTEQ(query_ll(w->h, "PRAGMA freelist_count"), 0, "  no free page");
    TAP_INTEQ(query_ll(r->h, "SELECT count(*) FROM docs"), 1, "  the reader sees the document");
    tap_ok(!zsd_has_moved(r), "  in the file at the index's name");
    zs_db_close(r);
    r = NULL;
    zs_db_close(w);
    w = NULL;

    /* A copy left by a killed build: a reader leaves it (a writer could be
     * making it), a writer removes it, nobody reads it. */
    FILE *f = fopen(copy, "w");
    tap_ok(f && fputs("not an index", f) >= 0 && fclose(f) == 0, "a stale copy is made");
    tap_ok(zs_db_open(&r, path, &ro) == 0 && query_ll(r->h, "SELECT count(*) FROM docs") == 1,
           "a reader reads the index");
    tap_ok(access(copy, F_OK) == 0, "  and leaves the copy");
    zs_db_close(r);
    r = NULL;
    tap_ok(zs_db_open(&w, path, &rw) == 0 && query_ll(w->h, "SELECT count(*) FROM docs") == 1,
           "a writer opens the index");
    tap_ok(access(copy, F_OK) != 0, "  and removes the copy");
    zs_db_close(w);

    remove_index(path);
    rmdir(dir);
    free(t1);
    free(t2);
    return tap_done();
}
