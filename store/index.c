/*
 * index.c - `zhaoshu index`: files in, passages, fields and FTS5 rows out.
 * This file runs the pipeline; input.c, prepare.c and writer.c are its parts
 * (pipeline_int.h).
 *
 * Pipeline. Segmentation (ICU) is the costly step and SQLite allows one
 * writer, so worker threads do everything that needs no database: read,
 * hash, decode, rebuild passages, extract parks, years and figures, and
 * segment each passage into a pre-tokenized list. The calling thread is the
 * single writer: it takes finished files in input order (so a run is
 * deterministic) and inserts them; the FTS5 tokenizer replays the worker's
 * tokens (zss_pretok) instead of running ICU again. At most WINDOW files are
 * in flight, which bounds memory whatever the corpus size.
 *
 * Safety. Files are written in transactions committed every COMMIT_BYTES of
 * input written, always between two files: a crash or kill leaves the last
 * committed state (WAL), and the next run skips what is already there (same
 * content hash) and completes the rest. A failure rolls back the open batch.
 */
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pipeline_int.h"

/* Jobs a worker may run ahead of the writer. Memory is bounded by bytes
 * (below); the count only caps bookkeeping. A window of 8 files starved
 * both sides on news of 2 KB files: every commit or slow file of the
 * writer idled the workers, and the process used 1.37 of 2 cores. */
#define WINDOW_JOBS 4096
/* Jobs larger than this are freed by the writer at once, not later by a
 * worker (which saves the writer only the free() of small jobs). */
#define WRITER_FREES_BYTES (256u * 1024u)
/* Every commit flushes FTS5's pending terms as a new level-0 segment, and
 * FTS5 merges a level only once it holds 16 (automerge). Commits every 2 s
 * left a first build of the real news (54 MB) in 15 segments on a busy
 * machine (41 in the bench's slowest run), so the next run's one segment
 * set off a merge of the whole index: 68% of re-indexing 1% of the files.
 * By bytes, a build leaves one segment per 16 MiB of input, whatever the
 * load. There is no time bound: one (a commit every 30 s) made a loaded
 * machine commit 33 times where an idle one commits twice, so the work, and
 * the index's segments, depended on the machine's speed. A kill loses at
 * most the last 16 MiB of input, which the next run redoes. */
#define COMMIT_BYTES (16u << 20)

/* BEGIN IMMEDIATE, forgetting the passage hashes noted in a transaction
 * that was rolled back (hashes.c). */
static int begin_txn(zs_db *db)
{
    zsd_hashes_forget(db);
    return zsd_exec(db, "BEGIN IMMEDIATE");
}
#define MAX_WORKERS 16

static double now_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* With prune: remove documents under the given folders that were not seen;
 * never others, whose files may be on a drive not mounted now. */
static int prune(run *r, zsd_fts_pending *gone)
{
    int rc = 0;
    sqlite3_stmt *del = NULL;
    for (size_t i = 0; i < r->njobs; i++) {
        known *k = zsd_find_known(r, r->jobs[i].path);
        if (k)
            k->seen = 1;
    }
    if ((rc = zsd_prepare(r->db, &del, "DELETE FROM docs WHERE " ZSD_DOC_ROW_BY_PATH(1) " RETURNING id")) != 0)
        return rc;
    for (size_t i = 0; i < r->nknown && !rc; i++) {
        known *k = &r->known[i];
        if (k->seen)
            continue;
        int under = 0;
        for (size_t d = 0; d < r->ndirs && !under; d++) {
            size_t l = strlen(r->dirs[d]);
            under = !strncmp(k->path, r->dirs[d], l) && k->path[l] == '/';
        }
        if (!under)
            continue; /* outside the given folders: missing may mean unmounted */
        sqlite3_bind_text(del, 1, k->path, -1, SQLITE_STATIC);
        if (sqlite3_step(del) == SQLITE_ROW) {
            sqlite3_int64 id = sqlite3_column_int64(del, 0);
            sqlite3_reset(del);
            rc = zsd_remove_doc_rows(r->db, id, gone);
            r->st->files_removed++;
        } else {
            sqlite3_reset(del);
        }
    }
    sqlite3_finalize(del);
    return rc;
}

static void progress(run *r, int force)
{
    double t = now_since(&r->t0);
    r->st->seconds = t;
    if (!r->o || !r->o->on_progress)
        return;
    if (!force && t - r->last_progress < 0.1)
        return;
    r->last_progress = t;
    r->o->on_progress(r->o->ctx, r->st);
}

static int open_gazetteer(zs_db *db, zsi_gazetteer **g)
{
    char err[256] = "";
    int rc = zsi_gazetteer_open(g, err, sizeof err);
    if (rc)
        return zsd_fail(db, rc, "cannot load the park gazetteer: %s",
                        err[0] ? err : zs_strerror(rc));
    return 0;
}

/*
 * After a failure of the write loop: say in db's message, after the cause,
 * which files the index holds and which it does not. Jobs [0, committed)
 * are committed; the rest, from the first that was new or changed, are not
 * (the open batch was rolled back, later files were never written). A
 * full disk is the usual cause, and the work is resumable: the next run
 * skips the committed files by their hash.
 */
static void say_what_is_in(run *r, size_t committed, int rc)
{
    zs_db *db = r->db;
    size_t in = 0, out = 0;
    const char *last_in = NULL, *first_out = NULL, *last_out = NULL;
    /* Jobs before next_write were taken by the writer: skipped or
     * unchanged ones are neither in nor out. Later ones count as out: they
     * were not looked at (the re-run finds any unchanged among them). */
    for (size_t i = 0; i < r->njobs; i++) {
        const job *j = &r->jobs[i];
        if (i < r->next_write && (j->skip || j->unchanged))
            continue;
        if (i < committed) {
            in++;
            last_in = j->path;
        } else {
            out++;
            if (!first_out)
                first_out = j->path;
            last_out = j->path;
        }
    }
    char cause[sizeof db->err], held[1200], missing[1200];
    snprintf(cause, sizeof cause, "%s", db->err);
    int full = strstr(cause, "disk is full") != NULL;
    if (in)
        snprintf(held, sizeof held, "%zu new or changed files are in the index (the last: %s)", in,
                 last_in);
    else
        snprintf(held, sizeof held, "no new or changed file is in the index");
    if (out > 1)
        snprintf(missing, sizeof missing, "%zu files were not indexed (from %s to %s)", out,
                 first_out, last_out);
    else if (out == 1)
        snprintf(missing, sizeof missing, "%s was not indexed", first_out);
    else
        snprintf(missing, sizeof missing, "every file was indexed");
    zsd_fail(db, rc,
             "%s; %s; %s; %srun the same command "
             "again: it indexes only what is missing",
             cause, held, missing, full ? "free some space and " : "");
    r->st->files_indexed = in;
}

/* The dictionary's training (trainset.c), off the writer's thread. */
typedef struct trainer {
    run *r;
    zsd_packer *p;
    int rc;
} trainer;

static void *train_main(void *arg)
{
    trainer *t = arg;
    t->rc = zsd_train_spread(t->r, t->p);
    return NULL;
}

/* Wait for the training thread (th; NULL: it ran in this one), store what
 * it trained and publish it to the workers. */
static int train_join(run *r, writer *w, trainer *t, pthread_t *th)
{
    if (th)
        pthread_join(*th, NULL);
    int rc = t->rc ? zsd_fail(r->db, t->rc, "out of memory") : zsd_packer_store_dict(w->pack);
    pthread_mutex_lock(&r->mu);
    r->dict = zsd_packer_dict(w->pack);
    pthread_mutex_unlock(&r->mu);
    return rc;
}

/* Will the run read a file? Not when every one is unchanged by its recorded
 * signature (and nothing is re-extracted): then neither the stored
 * passages' hashes (seen.c) nor the text dictionary are needed, 10.8 M and
 * 17.8 M instructions of a run that found 1,000 files unchanged. */
static int reads_any(const run *r)
{
    if (r->reextract)
        return 1;
    for (size_t i = 0; i < r->njobs; i++)
        if (!r->jobs[i].by_sig)
            return 1;
    return 0;
}

static int run_pipeline(run *r)
{
    zs_db *db = r->db;
    writer w = {0};
    pthread_t th[MAX_WORKERS];
    int nth = zsd_threads(r->o, MAX_WORKERS);
    int started = 0, rc, in_txn = 0, training = 0;
    trainer tr = {r, NULL, 0};
    pthread_t train_th;
    size_t committed = 0; /* jobs [0, committed) are committed */
    unsigned long long bytes_since = 0;

    r->window = WINDOW_JOBS;
    if ((rc = zsd_writer_open(&w, db)) != 0)
        goto out;
    if ((rc = zsd_hints_open(
             &r->hints, r->st->bytes_total,
             (r->o && r->o->version >= 2 && (r->o->flags & ZS_INDEX_GUESS_REPEATS)))) != 0) {
        rc = zsd_fail(db, rc, "out of memory");
        goto out;
    }
    /* The dictionary trains (about 7% of the instructions of a run of 2,000
     * news articles) while the workers extract: the passages they finish
     * before it exists the writer compresses, with the same dictionary. */
    if (reads_any(r)) {
        if ((rc = zsd_packer_prime(w.pack)) != 0)
            goto out;
        zsd_packer_warm(w.pack); /* an index that has one: made beside what follows */
    }
    if (reads_any(r) && zsd_packer_wants_samples(w.pack)) {
        tr.p = w.pack;
        zsd_packer_defer(w.pack);
        if (pthread_create(&train_th, NULL, train_main, &tr) == 0) {
            training = 1;
        } else { /* no thread: train here, as before */
            train_main(&tr);
            if ((rc = train_join(r, &w, &tr, NULL)) != 0)
                goto out;
        }
    }
    /* WAL checkpoints run here, in the writer's thread, as SQLite's
     * autocheckpoint does them. They once ran from a second connection on
     * a thread of their own (about 6% of a build: the wait for the copied
     * pages to reach the disk), but a checkpoint on one connection while
     * another begins writing is the race of SQLite's WAL-reset bug
     * (www.sqlite.org/wal.html#walresetbug: 3.7.0 to 3.51.2, and Debian 12
     * ships 3.40.1), which can corrupt the file. (The readers that failed
     * beside a writer with "database disk image is malformed" had another
     * cause: their process had dropped its locks on the index; db.c,
     * is_sqlite_file.) */
    if ((rc = begin_txn(db)) != 0)
        goto out;
    in_txn = 1;
    if (r->reextract && (rc = r->rebuild ? zsd_rebuild_wipe(db) : zsd_replace_begin(db)) != 0)
        goto out;
    /* Before the first row is removed: FTS5 removes a row by cutting its
     * text again (tokver.c). A re-extraction writes every row again. */
    if ((rc = zsd_tokver_sync(db, r->reextract)) != 0)
        goto out;
    w.wiped = r->rebuild;
    w.redo = w.gone.discard = r->reextract && !r->rebuild;
    /* Into an empty index, the secondary indexes only the next runs need
     * (removal, promotion, figure-only filters) are made at the end: one sort
     * each instead of an insert per row, the writer being the serial part.
     * Otherwise (or after a run that was killed) make sure they exist. */
    int seen_new = 0; /* an empty seen table, opened once the workers run */
    if (zsd_query_int(db, "SELECT NOT EXISTS (SELECT 1 FROM passages)", 0)) {
        if ((rc = zsd_exec(db, zsd_late_indexes_drop)) != 0)
            goto out;
        seen_new = 1;
    } else if ((rc = zsd_exec(db, zsd_late_indexes)) != 0) {
        goto out;
    } else if (r->reextract) {
        w.fresh_only = 1;
        seen_new = 1;
    } else if (reads_any(r) &&
               (rc = zsd_seen_load(&w.seen, db, r->st->bytes_total,
                                   r->o && r->o->version >= 2 ? r->o->seen_max : 0)) != 0) {
        goto out; /* the stored passages by hash, as a first build's (seen.c) */
    } else {
        r->stored = w.seen; /* for the workers (prepare.c) */
    }
    if (r->extver == EXTVER_FIRST && (rc = zsd_extver_record(db)) != 0)
        goto out;
    /* Another extractor's aliases go with its zones (the gazetteer's names
     * are this one's from here on). */
    if (r->reextract && (rc = zsd_exec(db, "DELETE FROM park_aliases")) != 0)
        goto out;
    /* The same identity: the run that recorded it stored these very aliases
     * (the identity hashes the gazetteer's code and data files, the user's
     * too), so storing them again only costs (10-15 M instructions a run). */
    if (!r->same_ext && (rc = zsd_store_aliases(&w, r->gaz)) != 0)
        goto out;
    /* The workers compress with it (training: train_join() publishes it). */
    if (reads_any(r) && !training)
        r->dict = zsd_packer_dict(w.pack);
    for (; started < nth; started++)
        if (pthread_create(&th[started], NULL, zsd_worker, r) != 0)
            break;
    if (!started) {
        rc = zsd_fail(db, ZS_ENOMEM, "cannot start a worker thread");
        goto out;
    }
    /* Only the writer reads an empty table (r->stored is a loaded one), and
     * not before its first job: it is made while the workers prepare that.
     * For a large input its 32 MiB are faulted in at once (seen.c): in three
     * of ten builds of realnews-dev on a busy machine that took 1.2-2.6 s
     * of wall time (0.3-0.4 s CPU), the kernel compacting memory for huge
     * pages, and no worker had started. */
    if (seen_new && (rc = zsd_seen_open(&w.seen, r->st->bytes_total,
                                        r->o && r->o->version >= 2 ? r->o->seen_max : 0)) != 0) {
        rc = zsd_fail(db, rc, "out of memory");
        goto out;
    }
    if (training) {
        training = 0;
        if ((rc = train_join(r, &w, &tr, &train_th)) != 0)
            goto out;
    }
    for (size_t i = 0; i < r->njobs; i++) {
        job *j = &r->jobs[i];
        pthread_mutex_lock(&r->mu);
        r->writer_wants = i;
        while (j->state != 2)
            pthread_cond_wait(&r->cv_done, &r->mu);
        r->writer_wants = SIZE_MAX;
        pthread_mutex_unlock(&r->mu);
        for (size_t m = 0; m < j->nmsgs; m++)
            zsd_report(r, j->msgs[m].kind, j->path, j->msgs[m].off, j->msgs[m].text);
        if (j->skip) {
            r->st->files_skipped++;
            if (r->rebuild && (rc = zsd_rebuild_drop(r, j)) != 0)
                goto out;
        } else if (j->unchanged) {
            r->st->files_unchanged++;
            if (j->sig_stale && j->sig.valid && (rc = zsd_write_sig(&w, j)) != 0)
                goto out;
        } else {
            if (j->nmsgs)
                r->st->files_warned++;
            if ((rc = zsd_write_job(&w, r, j)) != 0)
                goto out;
            bytes_since += j->size;
        }
        r->st->bytes_done += j->size;
        if (j->size > WRITER_FREES_BYTES)
            zsd_job_clear(j);
#ifdef __GLIBC__
        /* A huge job's million small blocks, freed, stay in the worker's
         * arena, fragmented, unless trimmed: six 21 MB files reached 430 MB
         * of anonymous memory, the same files one at a time 219 MB. */
        if (j->huge)
            malloc_trim(0);
#endif
        pthread_mutex_lock(&r->mu); /* the workers free small job i (worker()) */
        r->unwritten -= j->size;
        r->huge_busy -= j->huge;
        if (!r->dict)
            r->dict = zsd_packer_dict(w.pack);
        r->next_write = i + 1;
        /* Wake waiting workers once there is room with a margin, so that a
         * worker runs for a while rather than for one job. Once the writer
         * catches up (unwritten 0, next_write = next_take), this holds. */
        if (r->nidle &&
            (r->next_take >= r->njobs || r->next_take < r->next_write + r->window / 2) &&
            (r->unwritten <= MAX_UNWRITTEN_BYTES / 2 || r->next_take <= r->next_write) &&
            !(r->next_take < r->njobs && r->jobs[r->next_take].huge && r->huge_busy))
            pthread_cond_broadcast(&r->cv_work);
        pthread_mutex_unlock(&r->mu);
        /* A re-extraction commits once, at the end (reextract.c). */
        if (!r->reextract && bytes_since >= COMMIT_BYTES) {
            if ((rc = zsd_writer_flush(&w)) != 0 || (rc = zsd_fts_pending_flush(db, &w.gone)) != 0 ||
                (rc = zsd_hashes_sync(db)) != 0 || (rc = zsd_exec(db, "COMMIT")) != 0)
                goto out;
            committed = i + 1;
            if ((rc = begin_txn(db)) != 0) {
                in_txn = 0;
                goto out;
            }
            bytes_since = 0;
        }
        progress(r, 0);
    }
    if ((rc = zsd_writer_flush(&w)) != 0)
        goto out;
    /* The tables a first build leaves part empty (figure_rows 12% of its
     * pages) stay so: repacking them here was serial work while the other
     * core idles (compact.c says what it cost and bought). The late indexes
     * sort in runs the size of the page cache: 2 MiB runs that stay in the
     * CPU's caches, merged, beat one 64 MiB run (news-200: the seven indexes
     * 1.52 -> 1.30 s, sqlite3 shell on a copy). */
    if ((rc = zsd_exec(db, "PRAGMA cache_size=" ZSD_SMALL_CACHE)) != 0 ||
        (rc = zsd_exec(db, zsd_late_indexes)) != 0 ||
        (rc = zsd_exec(db, "PRAGMA cache_size=" ZSD_WRITER_CACHE)) != 0)
        goto out;
    if (r->o && r->o->prune && (rc = prune(r, &w.gone)) != 0)
        goto out;
    if ((rc = zsd_fts_pending_flush(db, &w.gone)) != 0)
        goto out;
    if (w.redo && (rc = zsd_replace_end(db)) != 0)
        goto out;
    if (r->extver == EXTVER_LAST && (rc = zsd_extver_record(db)) != 0)
        goto out;
    if ((rc = zsd_hashes_sync(db)) != 0)
        goto out;
    rc = zsd_exec(db, "COMMIT");
    if (rc == 0)
        committed = r->njobs;
    in_txn = rc != 0;
out:
    if (training)
        pthread_join(train_th, NULL);
    pthread_mutex_lock(&r->mu);
    r->stop = 1;
    pthread_cond_broadcast(&r->cv_work);
    pthread_mutex_unlock(&r->mu);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    if (in_txn)
        sqlite3_exec(db->h, "ROLLBACK", 0, 0, 0);
    if (rc)
        say_what_is_in(r, committed, rc);
    zsd_writer_close(&w);
    zsd_hints_free(r->hints);
    r->hints = NULL;
    progress(r, 1);
    return rc;
}

/*
 * Compare the index's extractor identity with this one's (extver.c). The
 * same: nothing to do. An index with no document: record this one in the
 * first transaction. Another, or none, on an index with documents: with
 * whole (zs_index_paths), re-extract them all and record this one at the
 * end; a single buffer (zs_index_buffer) leaves that to the next index run.
 */
static int plan_extver(run *r, int whole)
{
    char had[ZSD_EXTVER_MAX];
    int has = zsd_extver_stored(r->db, had, sizeof had);
    if (has < 0)
        return has;
    if (has && !strcmp(had, zs_extractor())) {
        r->same_ext = 1;
        return 0;
    }
    if (!r->nknown) {
        r->extver = EXTVER_FIRST;
        return 0;
    }
    if (!whole)
        return 0;
    r->extver = EXTVER_LAST;
    return zsd_plan_reextract(r, had);
}

static void run_free(run *r)
{
    if (r->known_busy) /* a failure before the walk ended: its error stands */
        pthread_join(r->known_th, NULL);
    for (size_t i = 0; i < r->njobs; i++) {
        if (r->jobs[i].pf_fd > 0) /* prefetched, never read (a stop, an error) */
            close(r->jobs[i].pf_fd - 1);
        free(r->jobs[i].mem);
        zsd_job_clear(&r->jobs[i]);
        ZSU_FREE(r->jobs[i].path, r->jobs[i].given, r->jobs[i].date, r->jobs[i].source);
    }
    free(r->jobs);
    for (size_t i = 0; i < r->nknown; i++)
        free(r->known[i].path);
    free(r->known);
    zsd_manifest_free(r->man);
    zsi_name_patterns_free(r->names);
    zsu_strv_free(r->dirs, r->ndirs);
    free(r->walked);
    zsi_gazetteer_free(r->gaz);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->cv_work);
    pthread_cond_destroy(&r->cv_done);
}

static void run_init(run *r, zs_db *db, const zs_index_opts *o, zs_index_stats *st)
{
    memset(r, 0, sizeof *r);
    memset(st, 0, sizeof *st);
    r->db = db;
    r->o = o;
    r->st = st;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv_work, NULL);
    pthread_cond_init(&r->cv_done, NULL);
    r->writer_wants = SIZE_MAX;
    clock_gettime(CLOCK_MONOTONIC, &r->t0);
    db->err[0] = '\0';
}

int zs_index_paths(zs_db *db, const char *const *paths, size_t npaths, const zs_index_opts *o,
                   zs_index_stats *st)
{
    zs_index_stats local;
    run r;
    int rc = 0;

    if (!db)
        return ZS_EINVAL;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    if (db->readonly)
        return zsd_fail(db, ZS_EINVAL, "the index was opened read-only");
    if ((!paths && npaths) || (o && (o->version < 1 || o->version > ZS_INDEX_OPTS_VERSION)))
        return zsd_fail(db, ZS_EINVAL, "invalid arguments to zs_index_paths");
    run_init(&r, db, o, st);
    zsd_note_own_files(&r);
    zsd_load_known_begin(&r); /* beside the walk; the handle is its own until the end */
    if ((rc = open_gazetteer(db, &r.gaz)) != 0 ||
        (rc = zsd_open_names(&r, o && o->version >= 3 ? o->name_patterns : NULL,
                             o && o->version >= 3 ? o->nname_patterns : 0)) != 0)
        goto out;
    if (o && o->manifest && (rc = zsd_load_manifest(&r, o->manifest, 1)) != 0)
        goto out;
    for (size_t i = 0; i < npaths && !rc; i++) {
        struct stat sb;
        char real[PATH_MAX];
        if (!strcmp(paths[i], "-")) {
            rc = zsd_add_stdin_job(&r, o && o->version >= 4 ? o->stdin_name : NULL);
            continue;
        }
        if (stat(paths[i], &sb) != 0 || !realpath(paths[i], real)) {
            char m[256];
            snprintf(m, sizeof m, "%s", strerror(errno));
            zsd_report(&r, ZS_MSG_SKIPPED, paths[i], -1, m);
            st->files_skipped++;
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            char **nd = realloc(r.dirs, (r.ndirs + 1) * sizeof *nd);
            if (!nd) {
                rc = ZS_ENOMEM;
                break;
            }
            r.dirs = nd;
            if (!(r.dirs[r.ndirs] = strdup(real))) {
                rc = ZS_ENOMEM;
                break;
            }
            r.ndirs++;
            char man[PATH_MAX + 16];
            snprintf(man, sizeof man, "%s/manifest.tsv", real);
            if (!(o && o->manifest) && (rc = zsd_load_manifest(&r, man, 0)) != 0)
                goto out;
            rc = zsd_walk(&r, real, paths[i], &sb);
        } else if (S_ISREG(sb.st_mode) && zsd_is_own_file(&r, &sb)) {
            zsd_report(&r, ZS_MSG_SKIPPED, paths[i], -1,
                       "the index itself (or its -wal, -shm or -lock file): not read");
            st->files_skipped++;
        } else if (!S_ISREG(sb.st_mode)) {
            /* A FIFO would block open() until a writer came: never opened. */
            char m[256];
            snprintf(m, sizeof m, "%s, not a file: not read", zsd_file_kind(sb.st_mode));
            zsd_report(&r, ZS_MSG_SKIPPED, paths[i], -1, m);
            st->files_skipped++;
        } else {
            st->files_seen++;
            st->bytes_total += (unsigned long long)sb.st_size;
            rc = zsd_add_job(&r, real, paths[i], 0, &sb);
        }
    }
    if (rc) {
        zsd_fail(db, rc, "%s while listing the input", zs_strerror(rc));
        goto out;
    }
    zsd_manifest_seal(r.man);
    if ((rc = zsd_load_known_end(&r)) != 0)
        goto out;
    zsd_match_known(&r);
    if ((rc = plan_extver(&r, 1)) != 0)
        goto out;
    rc = run_pipeline(&r);
out:
    run_free(&r);
    return rc;
}

int zs_index_buffer(zs_db *db, const char *name, const char *text, size_t n,
                    const zs_doc_meta *meta)
{
    zs_index_stats st;
    run r;
    int rc;

    if (!db || !name || !*name || (!text && n) || (meta && meta->version != ZS_DOC_META_VERSION))
        return ZS_EINVAL;
    int year = meta && meta->date ? atoi(meta->date) : 0;
    char date[11];
    if (meta && meta->date && !zsi_date_normalize(meta->date, strlen(meta->date), date))
        return zsd_fail(db, ZS_EINVAL, "%s: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", name,
                        meta->date);
    if (db->readonly)
        return zsd_fail(db, ZS_EINVAL, "the index was opened read-only");
    if (n > ZS_MAX_FILE_BYTES)
        return zsd_fail(db, ZS_ELIMIT, "%s: larger than the %u MiB limit", name,
                        ZS_MAX_FILE_BYTES >> 20);
    run_init(&r, db, NULL, &st);
    char *copy = malloc(n + 1);
    if (!copy) {
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    memcpy(copy, text, n);
    if ((rc = open_gazetteer(db, &r.gaz)) != 0 || (rc = zsd_open_names(&r, NULL, 0)) != 0 ||
        (rc = zsd_add_mem_job(&r, name, copy, n, year)) || (rc = zsd_load_known(&r)) != 0 ||
        (rc = plan_extver(&r, 0)) != 0)
        goto out;
    r.jobs[0].year = year;
    if (meta && ((meta->date && !(r.jobs[0].date = strdup(meta->date))) ||
                 (meta->source && !(r.jobs[0].source = strdup(meta->source))))) {
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    rc = run_pipeline(&r);
    if (!rc && st.files_skipped)
        rc = zsd_fail(db, ZS_EINVAL, "%s: not indexed (binary or unreadable data)", name);
out:
    run_free(&r);
    return rc;
}

int zs_index_remove(zs_db *db, const char *name)
{
    sqlite3_stmt *st = NULL;
    int rc;
    if (!db || !name)
        return ZS_EINVAL;
    if ((rc = begin_txn(db)) != 0)
        return rc;
    if ((rc = zsd_exec(db, zsd_late_indexes)) != 0) /* after a killed first build */
        goto out;
    if ((rc = zsd_tokver_sync(db, 0)) != 0) /* before FTS5 cuts the old rows */
        goto out;
    if ((rc = zsd_prepare(db, &st, "DELETE FROM docs WHERE " ZSD_DOC_ROW_BY_PATH(1) " RETURNING id")) != 0)
        goto out;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = zsd_fail(db, ZS_ENOTFOUND, "no document named %s in the index", name);
        goto out;
    }
    sqlite3_int64 id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    rc = zsd_remove_doc_rows(db, id, NULL);
out:
    sqlite3_finalize(st);
    if (!rc)
        rc = zsd_hashes_sync(db);
    if (rc)
        sqlite3_exec(db->h, "ROLLBACK", 0, 0, 0);
    else
        rc = zsd_exec(db, "COMMIT");
    return rc;
}
