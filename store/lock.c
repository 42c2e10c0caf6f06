/*
 * lock.c - one writer per index: the writer lock.
 *
 * Two writers on one index do not corrupt it (SQLite serializes their
 * transactions) but they waste each other's work: interned strings clash
 * (UNIQUE constraint failed), the same files are prepared twice and the
 * summaries are false. So a handle opened for writing first takes an
 * exclusive lock on FILE-lock beside the index and holds it until
 * zs_db_close(). The file holds the holder's pid, for messages.
 *
 * Invariants:
 *  - The lock is an open-file-description lock (F_OFD_SETLK): the kernel
 *    drops it when the holder exits or is killed (kill -9 included), it
 *    conflicts between handles of one process too, and closing some other
 *    descriptor of the file never drops it (a POSIX record lock would be).
 *    Without OFD locks (not Linux), flock() gives the same guarantees.
 *  - A reader only tests the lock (F_OFD_GETLK), never takes it, so a
 *    reader can never make a writer believe another writer is there.
 *  - FILE-lock is left in place after the writer ends: removing it would
 *    let a waiting writer lock a file that the next one no longer sees.
 *    Its presence means nothing; only a held lock does.
 */
#define _GNU_SOURCE /* F_OFD_SETLK */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"

/* How often a writer that waits tries the lock again (ms). */
#define RETRY_MS 100

static void lock_name(const char *path, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s-lock", path);
}

/* Try the exclusive lock on fd once: 0 taken, 1 held by another, -1 error. */
static int try_lock(int fd)
{
#ifdef F_OFD_SETLK
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
        return 0;
#else
    if (flock(fd, LOCK_EX | LOCK_NB) == 0)
        return 0;
#endif
    return (errno == EAGAIN || errno == EACCES || errno == EWOULDBLOCK) ? 1 : -1;
}

/* The pid written in the lock file open as fd, or 0. */
static long read_pid(int fd)
{
    char buf[32];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return strtol(buf, NULL, 10);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int zsd_lock_take(zs_db *db, unsigned wait_ms)
{
    char name[4200];
    lock_name(db->path, name, sizeof name);
    int fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    db->lock_created = fd >= 0;
    if (fd < 0 && errno == EEXIST)
        fd = open(name, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return zsd_fail(db, ZS_EIO, "cannot open the writer lock %s: %s", name, strerror(errno));
    double until = now_ms() + wait_ms;
    int r;
    while ((r = try_lock(fd)) == 1 && now_ms() < until) {
        struct timespec pause = {0, RETRY_MS * 1000000L};
        nanosleep(&pause, NULL);
    }
    if (r != 0) {
        int e = errno;
        long pid = read_pid(fd);
        close(fd);
        if (r < 0)
            return zsd_fail(db, ZS_EIO, "cannot lock %s: %s", name, strerror(e));
        if (wait_ms)
            return zsd_fail(db, ZS_EBUSY,
                            "another zhaoshu index is still writing %s (pid %ld) after %u s",
                            db->path, pid, (wait_ms + 999) / 1000);
        return zsd_fail(db, ZS_EBUSY, "another zhaoshu index is writing %s (pid %ld)", db->path,
                        pid);
    }
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
        int e = errno;
        close(fd);
        return zsd_fail(db, ZS_EIO, "cannot write the writer lock %s: %s", name, strerror(e));
    }
    db->lock_fd = fd;
    return 0;
}

void zsd_lock_drop(zs_db *db, int unlink_new)
{
    if (db->lock_fd >= 0 && unlink_new && db->lock_created) {
        char name[4200];
        lock_name(db->path, name, sizeof name);
        unlink(name);
    }
    if (db->lock_fd >= 0)
        close(db->lock_fd); /* the kernel releases the lock with it */
    db->lock_fd = -1;
}

long zsd_lock_holder(const char *path)
{
    char name[4200];
    lock_name(path, name, sizeof name);
    int fd = open(name, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    int held;
#ifdef F_OFD_GETLK
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    held = fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
#else
    held = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
#endif
    long pid = held ? read_pid(fd) : 0;
    close(fd);
    return held && pid <= 0 ? -1 : pid;
}
