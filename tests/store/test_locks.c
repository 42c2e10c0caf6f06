/*
 * test_locks.c - opening a second handle keeps the first one's locks.
 *
 * POSIX record locks belong to a process and a file: closing any
 * descriptor of the index drops every lock the process holds on it. When
 * zs_db_open() read the file's header through a descriptor of its own, a
 * program with two handles (serve's reader threads, a reader beside its
 * writer) lost SQLite's SHARED lock on the index; another process's close
 * then took EXCLUSIVE as if it were the last user, checkpointed past the
 * readers' snapshots and deleted the WAL under them, and readers failed with
 * "database disk image is malformed". This test opens a writer and two
 * readers in one process, lets a second process open and close the index,
 * and checks that the WAL is still there and the readers still read.
 * An index inside the folder it indexes is the same hazard from the
 * walker's side: tests/cli/test_cli.sh checks that the walker skips it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../tap.h"
#include "store_int.h"

/* Rows of docs as h sees them, or -1 on an error. */
static int count_docs(sqlite3 *h)
{
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM docs", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Another process (this program run again, not a bare fork: SQLite's
 * bookkeeping of the locks this process holds would come along): open the
 * index with plain SQLite, read, close. The close checkpoints and deletes
 * the WAL when it can lock the file EXCLUSIVE, that is when it believes no
 * one else has it open. Its exit status, or -1. */
static int other_process_opens_and_closes(const char *self, const char *path)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execl(self, self, "--open-and-close", path, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int open_and_close(const char *path)
{
    sqlite3 *h = NULL;
    int ok = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
             sqlite3_exec(h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK;
    ok = sqlite3_close(h) == SQLITE_OK && ok;
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--open-and-close"))
        return open_and_close(argv[2]);
    char dir[] = "/tmp/zs-locks-XXXXXX", path[64], wal[80];
    zs_open_opts rw = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_open_opts ro = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY};
    zs_db *w = NULL, *a = NULL, *b = NULL;
    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof path, "%s/locks.db", dir);
    snprintf(wal, sizeof wal, "%s-wal", path);

    if (!tap_ok(zs_db_open(&w, path, &rw) == 0, "a new index opens for writing")) {
        printf("#   %s\n", zs_errmsg(w));
        return tap_done();
    }
    tap_ok(sqlite3_exec(w->h, "INSERT INTO docs(path, hash, size) VALUES('/a.txt', 'h1', 1)", NULL, NULL,
                        NULL) == SQLITE_OK,
           "the writer commits a row");
    tap_ok(zs_db_open(&a, path, &ro) == 0 && count_docs(a->h) == 1, "reader A opens and reads");
    tap_ok(zs_db_open(&b, path, &ro) == 0 && count_docs(b->h) == 1, "reader B opens and reads");
    tap_ok(access(wal, F_OK) == 0, "the index has its WAL");

    tap_ok(other_process_opens_and_closes(argv[0], path) == 0,
           "another process opens, reads and closes");
    tap_ok(access(wal, F_OK) == 0,
           "the other process's close left the WAL (this process still holds its locks)");
    tap_ok(sqlite3_exec(w->h, "INSERT INTO docs(path, hash, size) VALUES('/b.txt', 'h2', 1)", NULL, NULL,
                        NULL) == SQLITE_OK,
           "the writer commits again");
    tap_ok(count_docs(a->h) == 2 && count_docs(b->h) == 2, "both readers see the new row");

    zs_db_close(b);
    zs_db_close(a);
    zs_db_close(w);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-lock", path);
    unlink(wal);
    unlink(path);
    rmdir(dir);
    return tap_done();
}
