/*
 * checkpoint.c - WAL checkpoints off the writer thread.
 *
 * In WAL mode SQLite copies committed pages back into the database file
 * (a checkpoint) in the committing thread, and with synchronous=NORMAL it
 * waits there for them to reach the disk. For the single writer that wait
 * was 6% of a build (news-100: 7.57 s against 7.12 s with synchronous=OFF,
 * alternating runs; checkpointing a tenth as often changed nothing, so it
 * is the bytes, not the number of syncs). Here a thread with its own
 * connection checkpoints (PASSIVE) after each commit while the writer goes
 * on, and durability stays what synchronous=NORMAL promises.
 *
 * The WAL can only start over when every frame is copied at the moment a
 * write transaction begins, which a checkpointer running behind the writer
 * never sees. So past ZSD_WAL_MAX_FRAMES the writer waits for one complete
 * checkpoint after its commit: the WAL stays within about that size.
 */
#include <pthread.h>
#include <stdlib.h>

#include "store_int.h"

/* 32768 frames of 4 KiB pages: the WAL stays under about 128 MiB. */
#define ZSD_WAL_MAX_FRAMES 32768
/* As SQLite's own autocheckpoint: not after every small commit. */
#define ZSD_WAL_MIN_FRAMES 1000

struct zsd_ckpt {
    sqlite3 *writer;
    sqlite3 *h;
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned long long asked, done; /* checkpoints requested, completed */
    int stop;
};

static void *run(void *arg)
{
    zsd_ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->stop && c->done == c->asked)
            pthread_cond_wait(&c->cv, &c->mu);
        if (c->done == c->asked) /* stopping, nothing asked */
            break;
        unsigned long long upto = c->asked;
        pthread_mutex_unlock(&c->mu);
        /* PASSIVE never waits for the writer; SQLITE_BUSY (a reader's own
         * checkpoint) only means the next one copies more. */
        sqlite3_wal_checkpoint_v2(c->h, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->mu);
        c->done = upto;
        pthread_cond_broadcast(&c->cv);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

/* The writer's connection calls this after each commit (sqlite3_wal_hook). */
static int on_commit(void *arg, sqlite3 *db, const char *name, int frames)
{
    zsd_ckpt *c = arg;
    (void)db;
    (void)name;
    if (frames < ZSD_WAL_MIN_FRAMES)
        return SQLITE_OK;
    pthread_mutex_lock(&c->mu);
    if (frames >= ZSD_WAL_MAX_FRAMES) {
        /* One checkpoint that starts after this commit, finished. */
        unsigned long long want = ++c->asked;
        pthread_cond_broadcast(&c->cv);
        while (c->done < want)
            pthread_cond_wait(&c->cv, &c->mu);
    } else if (c->done == c->asked) {
        c->asked++;
        pthread_cond_broadcast(&c->cv);
    }
    pthread_mutex_unlock(&c->mu);
    return SQLITE_OK;
}

int zsd_ckpt_start(zsd_ckpt **out, zs_db *db)
{
    zsd_ckpt *c = calloc(1, sizeof *c);
    const char *path = sqlite3_db_filename(db->h, "main");
    *out = NULL;
    if (!c)
        return ZS_ENOMEM;
    /* A connection opens the WAL at its first read; until then it takes
     * the file for a rollback-journal one and checkpoints nothing. */
    if (!path || !*path || sqlite3_open_v2(path, &c->h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
        sqlite3_exec(c->h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(c->h);
        free(c);
        return ZS_ESQLITE;
    }
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    if (pthread_create(&c->th, NULL, run, c) != 0) {
        pthread_mutex_destroy(&c->mu);
        pthread_cond_destroy(&c->cv);
        sqlite3_close(c->h);
        free(c);
        return ZS_ENOMEM;
    }
    c->writer = db->h;
    sqlite3_wal_hook(db->h, on_commit, c); /* replaces the autocheckpoint */
    *out = c;
    return 0;
}

void zsd_ckpt_stop(zsd_ckpt *c)
{
    if (!c)
        return;
    sqlite3_wal_autocheckpoint(c->writer, 1000); /* SQLite's default again */
    pthread_mutex_lock(&c->mu);
    c->stop = 1;
    pthread_cond_broadcast(&c->cv);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->th, NULL);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->cv);
    sqlite3_close(c->h);
    free(c);
}
