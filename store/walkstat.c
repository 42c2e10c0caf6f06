/*
 * walkstat.c - the lstat() of every entry of a folder, shared by a few
 * threads (input.c's walk).
 *
 * Why: a run that finds changed files by their signature (size, times,
 * inode) stats every file it is given, and on a virtual machine each
 * system call costs microseconds before it does anything (2.6 us for
 * getppid() on the project's machine, 5-6 us for an lstat()). Re-indexing
 * 1% of realnews-dev's 15,509 files spent 100 of its 380 ms of CPU in the
 * walk, almost all of it in lstat(), one after the other, while the second
 * core idled: nothing else can start before the walk has found what
 * changed. The entries are named relative to the open folder, which also
 * spares the kernel the lookup of every folder above them on each call.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "store_int.h"

/* Below this many entries the folder is statted by the calling thread
 * alone: starting a thread costs about as much as a few dozen lstat()s. */
#define STAT_THREADED_MIN 256
/* Entries a thread takes at a time: few enough for an even share, many
 * enough that threads seldom touch the same cache lines of out[]. */
#define STAT_CHUNK 64
/* Threads at most (the calling one included): th[]'s size. */
#define STAT_THREADS_MAX 16

typedef struct stat_share {
    int fd;
    char *const *names;
    size_t n;
    zsd_entry_stat *out;
    size_t next; /* the first entry nobody has taken (atomic) */
} stat_share;

static void stat_some(stat_share *s)
{
    for (;;) {
        size_t i = __atomic_fetch_add(&s->next, STAT_CHUNK, __ATOMIC_RELAXED);
        if (i >= s->n)
            return;
        size_t end = s->n - i > STAT_CHUNK ? i + STAT_CHUNK : s->n;
        for (; i < end; i++)
            s->out[i].err =
                fstatat(s->fd, s->names[i], &s->out[i].sb, AT_SYMLINK_NOFOLLOW) ? errno : 0;
    }
}

static void *stat_main(void *arg)
{
    stat_some(arg);
    return NULL;
}

void zsd_stat_entries(int fd, char *const *names, size_t n, int nth, zsd_entry_stat *out)
{
    stat_share s = {fd, names, n, out, 0};
    pthread_t th[STAT_THREADS_MAX];
    int started = 0;
    if (nth > STAT_THREADS_MAX)
        nth = STAT_THREADS_MAX;
    if (n >= STAT_THREADED_MIN)
        for (; started < nth - 1; started++)
            if (pthread_create(&th[started], NULL, stat_main, &s) != 0)
                break; /* fewer threads: the work is the same */
    stat_some(&s);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
}

int zsd_threads(const zs_index_opts *o, int max)
{
    int n = o && o->threads > 0 ? o->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > max ? max : n;
}
