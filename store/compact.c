/*
 * compact.c - the end of a first build: the index written again full.
 *
 * SQLite splits a full page of an index B-tree (and of a WITHOUT ROWID
 * table) evenly, even when rows come in key order, and a first build left
 * those pages 12% empty (figure_rows, docs' and strings' unique indexes,
 * passage_years); written again in one pass they are full. realnews-dev's
 * index 85.72 -> 84.86 MB (1.614 -> 1.598 x its text, the bench's ratio).
 * Later runs split as before.
 *
 * A VACUUM in place in WAL mode writes every page three times: the copy into
 * a temporary file, the copy back into the WAL, the WAL into the index at
 * the checkpoint (realnews-dev: 1.7-2.3 s of wall time). VACUUM INTO writes
 * the copy once, beside the index, and a rename puts it in its place
 * (0.7-0.9 s; the same bytes). Each step leaves a whole index under its
 * name, whenever the process is killed:
 *  1. The writer takes the index's EXCLUSIVE lock without waiting
 *     (locking_mode=EXCLUSIVE). Every connection of a WAL database holds a
 *     SHARED lock on it while open, so this succeeds only when no other
 *     connection, in this process or another, has the index open. Otherwise
 *     it VACUUMs in place, as before: a reader open during the build keeps
 *     its file, which is never renamed over, and sees the compacted index at
 *     its next transaction. New readers wait for the lock (their busy
 *     timeout) until step 5.
 *  2. wal_checkpoint(TRUNCATE): every committed page into the index and the
 *     WAL emptied. FILE-wal is found by name, so frames of the old file
 *     left in it would be read as the new file's after the rename.
 *  3. VACUUM INTO FILE-vacuum, then its header marked WAL and an fsync.
 *     Killed here: FILE is whole, and the copy (and FILE-vacuum-journal,
 *     SQLite's while it writes the copy), never read, goes at the next
 *     writer's open (zsd_compact_forget(), under the writer lock).
 *  4. rename over FILE, fsync of the folder. From here FILE is the copy:
 *     whole, with the page size, user_version and application_id of the
 *     old file, and its header marked WAL (VACUUM INTO writes a
 *     rollback-journal one).
 *  5. The old connection is closed (SQLite sees its file moved and neither
 *     checkpoints nor removes FILE-wal, which is empty) and a new one opens
 *     FILE. A reader that opened the old file while it waited on the lock
 *     finds it moved after its first statement and opens FILE again (db.c).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"

static int copy_name(const zs_db *db, char *buf, size_t cap)
{
    return (size_t)snprintf(buf, cap, "%s" ZSD_COMPACT_SUFFIX, db->path) < cap;
}

void zsd_compact_forget(zs_db *db)
{
    char copy[PATH_MAX];
    if (!copy_name(db, copy, sizeof copy))
        return;
    unlink(copy);
    /* SQLite 3.40 writes the copy with a rollback journal of its own */
    size_t n = strlen(copy);
    if (n + sizeof "-journal" <= sizeof copy) {
        memcpy(copy + n, "-journal", sizeof "-journal");
        unlink(copy);
    }
}

/* fsync of a folder: 0 or -1. */
static int sync_folder(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/*
 * The copy's header marked WAL (bytes 18 and 19 of SQLite's header, the
 * file format versions: 1 rollback journal, 2 WAL, as PRAGMA journal_mode
 * writes them), then the copy on disk. Marking it here, before anyone opens
 * it, spares the new connection a rollback-journal transaction to do so
 * (four fdatasync() calls). 0 or -1.
 */
static int mark_wal_and_sync(const char *copy)
{
    static const unsigned char wal[2] = {2, 2};
    int fd = open(copy, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = pwrite(fd, wal, sizeof wal, 18) == (ssize_t)sizeof wal && fsync(fd) == 0 ? 0 : -1;
    close(fd);
    return rc;
}

/* The folder of path into buf ("." when it has none). */
static void folder_of(const char *path, char *buf, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, cap, ".");
    else if (slash == path)
        snprintf(buf, cap, "/");
    else
        snprintf(buf, cap, "%.*s", (int)(slash - path), path);
}

/* Step 1: the EXCLUSIVE lock, taken only when free. 1 taken, 0 not. */
static int lock_alone(zs_db *db)
{
    sqlite3_busy_timeout(db->h, 0);
    int alone = sqlite3_exec(db->h, "PRAGMA locking_mode=EXCLUSIVE; BEGIN IMMEDIATE; COMMIT",
                             NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_busy_timeout(db->h, ZSD_BUSY_TIMEOUT_MS);
    if (!alone) {
        if (!sqlite3_get_autocommit(db->h))
            sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_exec(db->h, "PRAGMA locking_mode=NORMAL", NULL, NULL, NULL);
    }
    return alone;
}

/* Step 2: 1 when the WAL is empty and every page is in the index. */
static int wal_emptied(zs_db *db)
{
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL) ==
                 SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0 &&
             sqlite3_column_int(st, 1) == 0;
    sqlite3_finalize(st);
    return ok;
}

/* Step 3: 1 when copy holds the whole index, on disk. */
static int copied(zs_db *db, const char *copy)
{
    sqlite3_stmt *st = NULL;
    unlink(copy); /* VACUUM INTO refuses a file that is there */
    /* VACUUM INTO syncs the copy and its journal as the index's own
     * synchronous says (five fdatasync() calls); one fsync after it is what
     * the rename needs: a copy cut short by a crash is never read. */
    sqlite3_exec(db->h, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
    int ok = sqlite3_prepare_v2(db->h, "VACUUM INTO ?", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_bind_text(st, 1, copy, -1, SQLITE_STATIC) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    sqlite3_exec(db->h, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    if (ok && mark_wal_and_sync(copy) != 0)
        ok = 0;
    if (!ok)
        unlink(copy);
    return ok;
}

/*
 * Steps 2-5 under the lock: 1 swapped, 0 not (the index as it was, the
 * lock still held), or an error when the new file could not be opened.
 */
static int swap(zs_db *db, int *rc)
{
    char copy[PATH_MAX], dir[PATH_MAX];
    *rc = 0;
    if (!copy_name(db, copy, sizeof copy) || !wal_emptied(db) || !copied(db, copy))
        return 0;
    if (rename(copy, db->path) != 0) {
        unlink(copy);
        return 0;
    }
    folder_of(db->path, dir, sizeof dir);
    sync_folder(dir); /* the rename survives a power loss; a kill needs nothing */
    *rc = zsd_reconnect(db);
    return 1;
}

int zsd_compact(zs_db *db)
{
    int rc = 0;
    /* VACUUM reads and writes every page once: SQLite's default 2 MB page
     * cache, not the writer's 64 MiB, which only fills (realnews-dev: 0.8 s
     * user and 1.0 s system, 159 MB resident, against 0.2 s, 0.4 s and
     * 10 MB for a VACUUM in place; sqlite3 shell on a copy of its index). */
    sqlite3_exec(db->h, "PRAGMA cache_size=" ZSD_SMALL_CACHE, NULL, NULL, NULL);
    if (lock_alone(db)) {
        if (swap(db, &rc))
            return rc; /* the new connection has the writer's cache */
        sqlite3_exec(db->h, "PRAGMA locking_mode=NORMAL", NULL, NULL, NULL);
    }
    /* Not alone, or the copy failed (no room for it): in place, as before.
     * A VACUUM that fails leaves the index as it was. */
    sqlite3_exec(db->h, "VACUUM", NULL, NULL, NULL);
    sqlite3_exec(db->h, "PRAGMA cache_size=" ZSD_WRITER_CACHE, NULL, NULL, NULL);
    return 0;
}
