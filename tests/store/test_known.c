/*
 * test_known.c - the documents already indexed, read on a thread beside
 * the walk (input.c, zsd_load_known_begin() and zsd_load_known_end()).
 *
 * The thread has the index's handle to itself until the end, and keeps its
 * error to itself too: the handle's message is the caller's while the walk
 * runs (a walk that fails says why there), and a failed reading is said on
 * the handle only when the caller asks for it. This test indexes a few
 * files, reads them back both ways, then renames docs away and checks
 * where the failure is said.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../tap.h"
#include "pipeline_int.h"

static const char *const texts[] = {
    "The ferry timetable for the winter months adds a late sailing on Fridays.\n",
    "A reading room opened beside the bus depot, with long tables and lamps.\n",
    "Volunteers counted the herons along the canal bank for the third year.\n",
};

static void free_known(run *r)
{
    for (size_t i = 0; i < r->nknown; i++)
        free(r->known[i].path);
    free(r->known);
    r->known = NULL;
    r->nknown = 0;
}

int main(void)
{
    char dir[] = "/tmp/zs-known-XXXXXX", path[128], db_path[128];
    zs_open_opts rw = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_db *db = NULL;
    if (!mkdtemp(dir))
        return 1;
    size_t nfiles = sizeof texts / sizeof *texts;
    for (size_t i = 0; i < nfiles; i++) {
        snprintf(path, sizeof path, "%s/note-%zu.txt", dir, nfiles - i); /* made out of order */
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(texts[i], f);
            fclose(f);
        }
    }
    snprintf(db_path, sizeof db_path, "%s/known.db", dir);
    const char *in[] = {dir};
    if (!tap_ok(zs_db_open(&db, db_path, &rw) == 0 && zs_index_paths(db, in, 1, NULL, NULL) == 0,
                "a few files are indexed")) {
        printf("#   %s\n", zs_errmsg(db));
        return tap_done();
    }

    run r;
    memset(&r, 0, sizeof r);
    r.db = db;
    zsd_load_known_begin(&r);
    TAP_INTEQ(zsd_load_known_end(&r), 0, "read beside the walk: no error");
    TAP_INTEQ(r.nknown, nfiles, "every indexed document is known");
    int sorted = 1, hashed = 1;
    for (size_t i = 0; i < r.nknown; i++) {
        sorted &= i == 0 || strcmp(r.known[i - 1].path, r.known[i].path) < 0;
        hashed &= r.known[i].hash != 0 && strstr(r.known[i].path, "/note-") != NULL;
    }
    tap_ok(sorted, "sorted by path, for bsearch");
    tap_ok(hashed, "each with its path and its hash");
    size_t n_begin = r.nknown;
    free_known(&r);
    TAP_INTEQ(zsd_load_known(&r), 0, "read here: no error");
    TAP_INTEQ(r.nknown, n_begin, "the same documents");
    free_known(&r);
    TAP_INTEQ(zsd_load_known_end(&r), 0, "ended without a beginning: nothing");

    /* A reading that fails: said at the end, never before. */
    tap_ok(sqlite3_exec(db->h, "ALTER TABLE docs RENAME TO docs_elsewhere", NULL, NULL, NULL) ==
               SQLITE_OK,
           "docs renamed away");
    snprintf(db->err, sizeof db->err, "the walk's own message");
    zsd_load_known_begin(&r);
    /* The thread may have failed already: the message is still the caller's. */
    usleep(20000);
    TAP_STREQ(zs_errmsg(db), "the walk's own message", "the handle's message is the caller's");
    int rc = zsd_load_known_end(&r);
    TAP_INTEQ(rc, ZS_ESQLITE, "the failure is an SQLite error");
    tap_ok(strstr(zs_errmsg(db), "docs") != NULL, "said on the handle at the end: %s",
           zs_errmsg(db));
    free_known(&r);
    sqlite3_exec(db->h, "ALTER TABLE docs_elsewhere RENAME TO docs", NULL, NULL, NULL);

    zs_db_close(db);
    static const char *const sfx[] = {"", "-wal", "-shm", "-lock"};
    for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
        snprintf(path, sizeof path, "%s%s", db_path, sfx[i]);
        unlink(path);
    }
    for (size_t i = 0; i < nfiles; i++) {
        snprintf(path, sizeof path, "%s/note-%zu.txt", dir, i + 1);
        unlink(path);
    }
    rmdir(dir);
    return tap_done();
}
