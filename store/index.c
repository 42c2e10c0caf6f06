/*
 * index.c - `zhaoshu index`: files in, passages, fields and FTS5 rows out.
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
 * Safety. Files are written in transactions committed every COMMIT_BYTES or
 * COMMIT_SECONDS, always between two files: a crash or kill leaves the last
 * committed state (WAL), and the next run skips what is already there (same
 * content hash) and completes the rest. A failure rolls back the open batch.
 *
 * Duplicates. A passage whose text is already stored (same hash and text,
 * in this or another document) is not indexed again; its place is kept in
 * passage_dups. When the owning document goes away, a remembered place is
 * promoted to owner, so no text is lost.
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "store_int.h"
#include "figure_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Jobs a worker may run ahead of the writer. Memory is bounded by bytes
 * (below); the count only caps bookkeeping. A window of 8 files starved
 * both sides on news of 2 KB files: every commit or slow file of the
 * writer idled the workers, and the process used 1.37 of 2 cores. */
#define WINDOW_JOBS 4096
/* Bytes of files read but not yet written past which workers wait: a job
 * holds about ten times its file in passages and tokens, so a few large
 * files would otherwise take gigabytes (5 MB files: 16 MiB here gave a peak
 * of 405 MB). 2 MiB lets the workers ride out the writer's commits: news-200
 * 15.24 s with 1 MiB, 14.86 s with 2 MiB (peak 225 -> 245 MB). */
#define MAX_UNWRITTEN_BYTES (2u * 1024u * 1024u)
/* How much nicer than the writer the workers run (see worker()). */
#define WORKER_NICE 5
/* Jobs larger than this are freed by the writer at once, not later by a
 * worker (which saves the writer only the free() of small jobs). */
#define WRITER_FREES_BYTES (256u * 1024u)
/* A file this large is a huge job: its body is not pre-tokenized
 * (tokens take 16 bytes per character, six times the text) but segmented
 * by the writer, at about 100 MB/s; and one huge job at a time is taken,
 * so a corpus of big files stays within a few times the largest file. */
#define HUGE_JOB_BYTES (2u << 20) /* 3.9 MB files: 272 MB peak at 4 MiB, 193 MB */
/* Files whose reading is started (posix_fadvise) ahead of the workers. A
 * corpus being indexed for the first time is mostly not in the page cache,
 * and two workers reading 2 KB files one after the other wait on the disk
 * for each (news-200 after drop_caches: see the commit message). */
#define PREFETCH_AHEAD 64
#define COMMIT_BYTES (16u << 20)
#define COMMIT_SECONDS 2.0
#define MAX_YEARS 64
#define MAX_WORKERS 16

/* One passage ready for the writer. */
typedef struct prep_passage {
    zsi_passage p;     /* text, kind, byte range */
    uint64_t hash;
    char *parks;       /* canonical names joined by ' ' */
    char **park_list;
    size_t nparks;
    int park_inherited;
    int *years;        /* nyears, then yeartext, in one allocation (NULL if none);
                        * a year the passage only spans (十四五) is negated */
    size_t nyears;
    const char *yeartext; /* the years joined by ' ' (the year column; a spanned
                           * year as ~2023), or "" */
    zsi_figure *figs;
    size_t nfigs;
    char *figtext;     /* figures as printed joined by ' ' (the figure column) */
    /* Tokens of the FTS columns (body, park, year, figure), or NULL: not for
     * huge jobs, and not in the struct, which a file of short lines has
     * once per line (256 of its 420 bytes). */
    zss_pretok *pt;
    char *packed;      /* the text compressed (textpack.c), or NULL */
    size_t npacked;
    int pack_tried;    /* a worker tried: NULL packed means plain text is smaller */
    int repeat;        /* probably a repeat (zsd_hints): not prepared by the worker */
} prep_passage;

/* What a worker thread owns. */
typedef struct worker_ctx {
    zs_seg *seg;
    zsd_cctx *cctx;
    const zsd_dict *dict; /* the index's dictionary when the job was taken */
} worker_ctx;

typedef struct msg {
    zs_msg_kind kind;
    long long off;
    char *text;
} msg;

typedef struct job {
    char *path;        /* as stored: absolute path, or the name given */
    int from_stdin;    /* bytes are in mem (standard input or a buffer) */
    char *mem;
    size_t nmem;
    int state;         /* 0 queued, 1 taken, 2 done */
    int huge;          /* HUGE_JOB_BYTES or more, as found when added */
    unsigned long long stat_size; /* as found when added: 0 for pipes and devices */
    int skip;          /* not indexed (messages say why) */
    int unchanged;
    uint64_t hash;
    unsigned long long size;
    int year;
    char *date, *source;
    char *article_park;
    prep_passage *ps;
    size_t nps;
    msg *msgs;
    size_t nmsgs;
} job;

/* Known documents: path -> hash, read before the run (immutable during it). */
typedef struct known {
    char *path;
    uint64_t hash;
    int seen;
} known;

typedef struct manifest_row {
    char *path;        /* absolute */
    char *date, *source;
} manifest_row;

typedef struct run {
    zs_db *db;
    const zs_index_opts *o;
    zs_index_stats *st;
    job *jobs;
    size_t njobs, capjobs;
    known *known;
    size_t nknown;
    manifest_row *man;
    size_t nman, capman;
    zsi_gazetteer *gaz;
    zsd_hints *hints;  /* shared by the workers */
    pthread_mutex_t mu;
    /* Two conditions, each signalled only when its waiter can go on: one
     * broadcast per job woke every thread for each of 45,791 news files
     * (futex calls; 0.37 s of the writer's 7.8 s went to handing over). */
    pthread_cond_t cv_work; /* workers: room to take a job, or stop */
    pthread_cond_t cv_done; /* the writer: job writer_wants is done */
    size_t nidle;       /* workers waiting on cv_work */
    size_t writer_wants; /* the job the writer waits for, or SIZE_MAX */
    size_t next_take, next_write, next_free, next_prefetch, window;
    int huge_busy;     /* a huge job is taken and not yet written */
    int stop;
    const zsd_dict *dict; /* published by the writer once it has one (under mu) */
    unsigned long long unwritten; /* bytes of jobs done by workers, not yet written */
    struct timespec t0;
    double last_progress;
    char **dirs;       /* folders given (absolute), for prune */
    size_t ndirs;
} run;

static double now_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static int cmp_known(const void *a, const void *b)
{
    return strcmp(((const known *)a)->path, ((const known *)b)->path);
}

static known *find_known(run *r, const char *path)
{
    known key = {(char *)path, 0, 0};
    return r->nknown ? bsearch(&key, r->known, r->nknown, sizeof *r->known, cmp_known) : NULL;
}

static void job_msg(job *j, zs_msg_kind kind, long long off, const char *text)
{
    msg *m = realloc(j->msgs, (j->nmsgs + 1) * sizeof *m);
    if (!m)
        return;
    j->msgs = m;
    m[j->nmsgs].kind = kind;
    m[j->nmsgs].off = off;
    m[j->nmsgs].text = strdup(text);
    j->nmsgs++;
}

static void job_clear(job *j)
{
    for (size_t i = 0; i < j->nps; i++) {
        prep_passage *pp = &j->ps[i];
        free(pp->p.text);
        free(pp->parks);
        zsi_names_free(pp->park_list, pp->nparks);
        free(pp->figs);
        free(pp->figtext);
        free(pp->packed);
        free(pp->years);
        for (int c = 0; pp->pt && c < 4; c++)
            zss_pretok_clear(&pp->pt[c]);
        free(pp->pt);
        pp->pt = NULL;
    }
    free(j->ps);
    j->ps = NULL;
    j->nps = 0;
    for (size_t i = 0; i < j->nmsgs; i++)
        free(j->msgs[i].text);
    free(j->msgs);
    j->msgs = NULL;
    j->nmsgs = 0;
    free(j->article_park);
    j->article_park = NULL;
}

/* ------------------------------------------------------------------ input */

/* size: the file's, as stat() found it (0 for standard input). */
static int add_job(run *r, const char *path, int from_stdin, unsigned long long size)
{
    if (r->njobs == r->capjobs) {
        size_t cap = r->capjobs ? r->capjobs * 2 : 64;
        job *nj = realloc(r->jobs, cap * sizeof *nj);
        if (!nj)
            return ZS_ENOMEM;
        r->jobs = nj;
        r->capjobs = cap;
    }
    job *j = &r->jobs[r->njobs];
    memset(j, 0, sizeof *j);
    if (!(j->path = strdup(path)))
        return ZS_ENOMEM;
    j->from_stdin = from_stdin;
    j->huge = size >= HUGE_JOB_BYTES;
    j->stat_size = size;
    r->njobs++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void report(run *r, zs_msg_kind kind, const char *path, long long off, const char *text)
{
    if (r->o && r->o->on_msg)
        r->o->on_msg(r->o->ctx, kind, path, off, text);
}

/* Read manifest.tsv in dir: file<TAB>date<TAB>source. */
static void load_manifest(run *r, const char *dir, const char *file)
{
    char path[PATH_MAX];
    if (file)
        snprintf(path, sizeof path, "%s", file);
    else
        snprintf(path, sizeof path, "%s/manifest.tsv", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *tab1 = strchr(line, '\t');
        if (!tab1)
            continue;
        *tab1 = '\0';
        char *date = tab1 + 1, *tab2 = strchr(date, '\t'), *source = "";
        if (tab2) {
            *tab2 = '\0';
            source = tab2 + 1;
        }
        char full[PATH_MAX], real[PATH_MAX];
        int k = snprintf(full, sizeof full, "%s/%s", dir, line);
        if (k < 0 || (size_t)k >= sizeof full || !realpath(full, real))
            continue;
        if (r->nman == r->capman) {
            size_t cap = r->capman ? r->capman * 2 : 32;
            manifest_row *nm = realloc(r->man, cap * sizeof *nm);
            if (!nm)
                break;
            r->man = nm;
            r->capman = cap;
        }
        r->man[r->nman++] = (manifest_row){strdup(real), strdup(date), strdup(source)};
    }
    fclose(f);
}

/* Collect regular files under dir, sorted, recursively. Hidden entries skipped. */
static int walk(run *r, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        char m[512];
        snprintf(m, sizeof m, "cannot open folder: %s", strerror(errno));
        report(r, ZS_MSG_SKIPPED, dir, -1, m);
        r->st->files_skipped++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n++] = strdup(de->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        char full[PATH_MAX];
        struct stat sb;
        int k = snprintf(full, sizeof full, "%s/%s", dir, names[i]);
        if (k < 0 || (size_t)k >= sizeof full || stat(full, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode) && depth < 64)
            rc = walk(r, full, depth + 1);
        else if (S_ISREG(sb.st_mode) && strcmp(names[i], "manifest.tsv") != 0) {
            r->st->files_seen++;
            r->st->bytes_total += (unsigned long long)sb.st_size;
            rc = add_job(r, full, 0, (unsigned long long)sb.st_size);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* ---------------------------------------------------------------- workers */

static void decode_warn(void *ctx, size_t off, const char *m)
{
    job *j = ctx;
    job_msg(j, ZS_MSG_WARNING, (long long)off, m);
}

static int read_file(job *j, char **out, size_t *n)
{
    char m[512];
    *out = NULL;
    *n = 0;
    int fd = open(j->path, O_RDONLY);
    if (fd < 0) {
        snprintf(m, sizeof m, "cannot read: %s", strerror(errno));
        job_msg(j, ZS_MSG_SKIPPED, -1, m);
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) || (unsigned long long)sb.st_size > ZS_MAX_FILE_BYTES) {
        snprintf(m, sizeof m, "file larger than the %u MiB limit", ZS_MAX_FILE_BYTES >> 20);
        job_msg(j, ZS_MSG_SKIPPED, -1, m);
        close(fd);
        return -1;
    }
    char *buf = malloc((size_t)sb.st_size + 1);
    size_t got = 0;
    while (buf && got < (size_t)sb.st_size) {
        ssize_t k = read(fd, buf + got, (size_t)sb.st_size - got);
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    if (!buf || got != (size_t)sb.st_size) {
        snprintf(m, sizeof m, "cannot read: %s", buf ? strerror(errno) : "out of memory");
        job_msg(j, ZS_MSG_SKIPPED, -1, m);
        free(buf);
        return -1;
    }
    *out = buf;
    *n = got;
    return 0;
}

/* The park column: U+E001 (see segment/seg.c: each name also a whole token)
 * and the names joined by spaces; "" when there are none. */
static int join_names(char **out, char **names, size_t n)
{
    size_t len = 4;
    for (size_t i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *s = malloc(len), *w = s;
    if (!s)
        return ZS_ENOMEM;
    if (n) {
        memcpy(w, "\xEE\x80\x81", 3);
        w += 3;
    }
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (i)
            *w++ = ' ';
        memcpy(w, names[i], l);
        w += l;
    }
    *w = '\0';
    *out = s;
    return 0;
}

/* The zones a passage names, counted into the article's tally. */
static int passage_parks(run *r, prep_passage *pp, zsi_park_tally *tally)
{
    size_t counts[ZSI_MAX_PARKS_PER_TEXT];
    int rc = zsi_parks_extract(r->gaz, pp->p.text, pp->p.len, &pp->park_list, &pp->nparks,
                               counts);
    return rc ? rc : zsi_park_tally_add(tally, pp->park_list, counts, pp->nparks);
}

/* Everything but the zones it names (passage_parks() ran first). */
static int prepare_passage(run *r, worker_ctx *wk, job *j, prep_passage *pp)
{
    zs_seg *seg = wk->seg;
    const char *t = pp->p.text;
    size_t n = pp->p.len;
    int rc;

    if (!pp->nparks && j->article_park && zsi_has_bare_park_ref(r->gaz, t, n)) {
        pp->park_list = malloc(sizeof *pp->park_list);
        if (!pp->park_list || !(pp->park_list[0] = strdup(j->article_park)))
            return ZS_ENOMEM;
        pp->nparks = 1;
        pp->park_inherited = 1;
    }
    if ((rc = join_names(&pp->parks, pp->park_list, pp->nparks)) != 0)
        return rc;
    /* Sized to what was found: a file of short lines holds a passage per
     * line, and fixed arrays made the passages ten times their text. */
    int years[MAX_YEARS];
    unsigned char span[MAX_YEARS];
    char yt[MAX_YEARS * 13 + 1] = "";
    size_t w = 0;
    zsi_years_extract(t, n, j->year, years, span, MAX_YEARS, &pp->nyears);
    for (size_t i = 0; i < pp->nyears; i++) {
        w += (size_t)snprintf(yt + w, sizeof yt - w, "%s%s%d", i ? " " : "", span[i] ? "~" : "",
                              years[i]);
        if (span[i])
            years[i] = -years[i];
    }
    pp->yeartext = "";
    if (pp->nyears) {
        if (!(pp->years = malloc(pp->nyears * sizeof *years + w + 1)))
            return ZS_ENOMEM;
        memcpy(pp->years, years, pp->nyears * sizeof *years);
        pp->yeartext = memcpy(pp->years + pp->nyears, yt, w + 1);
    }
    if ((rc = zsi_figures_extract(t, n, &pp->figs, &pp->nfigs)) != 0)
        return rc;
    size_t flen = 1;
    for (size_t i = 0; i < pp->nfigs; i++)
        flen += pp->figs[i].end - pp->figs[i].start + 1;
    if (!(pp->figtext = malloc(flen)))
        return ZS_ENOMEM;
    w = 0;
    for (size_t i = 0; i < pp->nfigs; i++) {
        if (w)
            pp->figtext[w++] = ' ';
        memcpy(pp->figtext + w, t + pp->figs[i].start, pp->figs[i].end - pp->figs[i].start);
        w += pp->figs[i].end - pp->figs[i].start;
    }
    pp->figtext[w] = '\0';
    /* Every FTS column is segmented here, so the writer only replays tokens. */
    if (j->huge)
        goto pack; /* the writer segments it (HUGE_JOB_BYTES) */
    if (!(pp->pt = calloc(4, sizeof *pp->pt)))
        return ZS_ENOMEM;
    if ((rc = zss_pretok_build(seg, &pp->pt[0], t, n)) != 0 ||
        (rc = zss_pretok_build(seg, &pp->pt[1], pp->parks, strlen(pp->parks))) != 0 ||
        (rc = zss_pretok_build(seg, &pp->pt[2], pp->yeartext, strlen(pp->yeartext))) != 0)
        return rc;
    if ((rc = zss_pretok_build(seg, &pp->pt[3], pp->figtext, w)) != 0)
        return rc;
pack:
    /* Compressing here keeps it off the single writer thread. */
    if (!wk->dict)
        return 0;
    pp->pack_tried = 1;
    return zsd_compress(&wk->cctx, wk->dict, t, n, &pp->packed, &pp->npacked);
}

static const manifest_row *find_manifest(run *r, const char *path)
{
    for (size_t i = 0; i < r->nman; i++)
        if (!strcmp(r->man[i].path, path))
            return &r->man[i];
    return NULL;
}

/* Everything for one file that needs no database. */
static void process(run *r, worker_ctx *wk, job *j)
{
    char *raw = NULL, *text = NULL;
    size_t nraw = 0, ntext = 0;
    zsi_passage *ps = NULL;
    size_t nps = 0;
    zsi_park_tally tally = {0};
    int rc;

    if (j->from_stdin) {
        raw = j->mem;
        nraw = j->nmem;
        j->mem = NULL;
    } else if (read_file(j, &raw, &nraw)) {
        j->skip = 1;
        return;
    }
    j->size = nraw;
    j->hash = XXH3_64bits(raw, nraw);
    known *k = find_known(r, j->path);
    if (k && k->hash == j->hash) {
        j->unchanged = 1;
        goto out;
    }
    rc = zsi_decode(raw, nraw, &text, &ntext, decode_warn, j);
    if (rc) {
        if (rc == ZS_EINVAL && !j->nmsgs)
            job_msg(j, ZS_MSG_SKIPPED, -1, "not a text file");
        for (size_t i = 0; i < j->nmsgs; i++)
            j->msgs[i].kind = ZS_MSG_SKIPPED;
        if (rc != ZS_EINVAL)
            job_msg(j, ZS_MSG_SKIPPED, -1, zs_strerror(rc));
        j->skip = 1;
        goto out;
    }
    free(raw); /* hashed and decoded: a huge file is not held three times */
    raw = NULL;
    const manifest_row *mr = find_manifest(r, j->path);
    if (mr) {
        j->date = strdup(mr->date);
        j->source = strdup(mr->source);
        j->year = atoi(mr->date);
    }
    if (j->year < ZSI_YEAR_MIN || j->year > ZSI_YEAR_MAX)
        j->year = zsi_article_year(text, ntext);
    if ((rc = zsi_passages_split(text, ntext, &ps, &nps)) != 0)
        goto fail;
    free(text); /* the passages have their own text now */
    text = NULL;
    j->ps = calloc(nps ? nps : 1, sizeof *j->ps);
    if (!j->ps) {
        rc = ZS_ENOMEM;
        goto fail;
    }
    /* The article's zone is the one its passages name most; a passage that
     * only says 高新区 inherits it, so all passages are read for zones first. */
    for (size_t i = 0; i < nps; i++) {
        j->ps[i].p = ps[i];
        ps[i].text = NULL;
        j->nps = i + 1;
        if ((rc = passage_parks(r, &j->ps[i], &tally)) != 0)
            goto fail;
        j->ps[i].hash = XXH3_64bits(j->ps[i].p.text, j->ps[i].p.len);
        j->ps[i].repeat = zsd_hints_repeat(r->hints, j->ps[i].hash, (size_t)(j - r->jobs));
    }
    const char *main_zone = zsi_park_tally_best(&tally);
    if (main_zone && !(j->article_park = strdup(main_zone))) {
        rc = ZS_ENOMEM;
        goto fail;
    }
    for (size_t i = 0; i < nps; i++)
        if (!j->ps[i].repeat && (rc = prepare_passage(r, wk, j, &j->ps[i])) != 0)
            goto fail;
    goto out;
fail:
    job_msg(j, ZS_MSG_SKIPPED, -1, zs_strerror(rc));
    j->skip = 1;
out:
    zsi_park_tally_clear(&tally);
    zsi_passages_free(ps, nps);
    free(text);
    free(raw);
}

/* Start reading a file into the page cache; errors are found by read_file().
 * Only files with a size: opening a pipe here would take its data. */
static void prefetch(const job *j)
{
    if (j->from_stdin || !j->stat_size)
        return;
    int fd = open(j->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return;
    posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
    close(fd);
}

static void *worker(void *arg)
{
    run *r = arg;
#ifdef __GLIBC__
    pthread_setname_np(pthread_self(), "zs-segment"); /* shows in top -H and perf */
#endif
#ifdef __linux__
    /* The writer is the serial half and must never wait for a core. With
     * two workers and the writer on two cores the scheduler shared them
     * evenly, so the writer ran only part of the time the workers did; a
     * worker niced by WORKER_NICE yields to it (news-200: 13.55 -> 12.71 s,
     * mean of three alternated runs; nice 3 and 10 were no better, 19 and
     * SCHED_IDLE worse, starving the workers). Linux nices threads, not
     * processes; raising our own needs no privilege. */
    errno = 0;
    int nice_now = getpriority(PRIO_PROCESS, (id_t)gettid());
    if (errno == 0)
        setpriority(PRIO_PROCESS, (id_t)gettid(), nice_now + WORKER_NICE);
#endif
    worker_ctx wk = {NULL, NULL, NULL};
    int rc = zs_seg_open(&wk.seg);
    pthread_mutex_lock(&r->mu);
    for (;;) {
        /* Jobs the writer is done with are freed here, also while waiting:
         * it keeps free() off the writer, the serial part (perf: 3.5% of an
         * indexing run), and written jobs do not pile up. */
        if (r->next_free < r->next_write) {
            size_t from = r->next_free, to = r->next_write;
            r->next_free = to;
            pthread_mutex_unlock(&r->mu);
            for (size_t k = from; k < to; k++)
                job_clear(&r->jobs[k]);
            pthread_mutex_lock(&r->mu);
            continue;
        }
        if (r->stop || r->next_take >= r->njobs)
            break;
        if (r->next_take >= r->next_write + r->window ||
            (r->unwritten >= MAX_UNWRITTEN_BYTES && r->next_take > r->next_write) ||
            (r->jobs[r->next_take].huge && r->huge_busy)) {
            r->nidle++;
            pthread_cond_wait(&r->cv_work, &r->mu);
            r->nidle--;
            continue;
        }
        size_t t = r->next_take++;
        job *j = &r->jobs[t];
        j->state = 1;
        r->huge_busy += j->huge;
        wk.dict = r->dict;
        size_t pf_from = r->next_prefetch > t + 1 ? r->next_prefetch : t + 1;
        size_t pf_to = t + 1 + PREFETCH_AHEAD < r->njobs ? t + 1 + PREFETCH_AHEAD : r->njobs;
        if (pf_to > pf_from)
            r->next_prefetch = pf_to;
        pthread_mutex_unlock(&r->mu);
        for (size_t k = pf_from; k < pf_to; k++)
            prefetch(&r->jobs[k]);
        if (rc) {
            job_msg(j, ZS_MSG_SKIPPED, -1, "cannot open the segmenter (ICU)");
            j->skip = 1;
        } else {
            process(r, &wk, j);
        }
        pthread_mutex_lock(&r->mu);
        j->state = 2;
        r->unwritten += j->size;
        if (r->writer_wants == t)
            pthread_cond_signal(&r->cv_done);
    }
    pthread_mutex_unlock(&r->mu);
    zs_seg_free(wk.seg);
    zsd_cctx_free(wk.cctx);
    return NULL;
}

/* ----------------------------------------------------------------- writer */

typedef struct writer {
    zs_db *db;
    sqlite3_stmt *doc_find, *doc_ins, *doc_upd, *p_ins, *p_find, *p_same, *dup_ins, *fts_ins,
        *fig_ins, *park_ins, *year_ins, *alias_ins;
    zsd_strings *str;
    zsd_packer *pack;
    zsd_seen *seen;
    zsd_repeats *rep;
    worker_ctx wk;     /* for passages the workers took for repeats */
} writer;

static void writer_close(writer *w)
{
    sqlite3_stmt **all[] = {&w->doc_find, &w->doc_ins, &w->doc_upd, &w->p_ins, &w->p_find,
                            &w->p_same, &w->dup_ins, &w->fts_ins, &w->fig_ins, &w->park_ins, &w->year_ins,
                            &w->alias_ins};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        sqlite3_finalize(*all[i]);
        *all[i] = NULL;
    }
    zsd_strings_free(w->str);
    w->str = NULL;
    zsd_packer_free(w->pack);
    w->pack = NULL;
    zsd_seen_free(w->seen);
    w->seen = NULL;
    zsd_repeats_free(w->rep);
    w->rep = NULL;
    zs_seg_free(w->wk.seg);
    w->wk.seg = NULL;
}

static int writer_open(writer *w, zs_db *db)
{
    int rc;
    w->db = db;
    if ((rc = zsd_prepare(db, &w->doc_find, "SELECT id FROM docs WHERE path=?")) ||
        (rc = zsd_prepare(db, &w->doc_ins,
                          "INSERT INTO docs(path, hash, size, year, park, date, source,"
                          " indexed_at) VALUES(?,?,?,?,?,?,?,strftime('%s','now'))")) ||
        (rc = zsd_prepare(db, &w->doc_upd,
                          "UPDATE docs SET hash=?2, size=?3, year=?4, park=?5, date=?6,"
                          " source=?7, indexed_at=strftime('%s','now') WHERE id=?1")) ||
        (rc = zsd_prepare(db, &w->p_ins,
                          "INSERT INTO passages(doc_id, seq, kind, start, end, hash, body, park,"
                          " year, figure) VALUES(?,?,?,?,?,?,?,?,?,?)")) ||
        (rc = zsd_prepare(db, &w->p_find, "SELECT id FROM passages WHERE hash=? AND zs_text(body)=?")) ||
        (rc = zsd_prepare(db, &w->dup_ins, "INSERT INTO passage_dups VALUES(?,?,?,?,?)")) ||
        (rc = zsd_prepare(db, &w->fts_ins,
                          "INSERT INTO fts(rowid, body, park, year, figure) VALUES(?,?,?,?,?)")) ||
        (rc = zsd_prepare(db, &w->fig_ins,
                          "INSERT OR IGNORE INTO figure_rows(passage_id, start, len, value,"
                          " value_hi, unit, class, hedge, metric, metric_raw, park, year)"
                          " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")) ||
        (rc = zsd_prepare(db, &w->park_ins, "INSERT OR IGNORE INTO passage_parks VALUES(?,?,?)")) ||
        (rc = zsd_prepare(db, &w->year_ins, "INSERT OR IGNORE INTO passage_years VALUES(?,?,?)")) ||
        (rc = zsd_prepare(db, &w->alias_ins, "INSERT OR IGNORE INTO park_aliases VALUES(?,?)")) ||
        (rc = zsd_prepare(db, &w->p_same,
                          "SELECT 1 FROM passages WHERE id=? AND hash=? AND zs_text(body)=?")) ||
        (rc = zsd_strings_open(&w->str, db)) || (rc = zsd_packer_open(&w->pack, db)))
        return rc;
    if (zsd_repeats_open(&w->rep))
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    return 0;
}

static int step_done(zs_db *db, sqlite3_stmt *st, const char *what)
{
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src != SQLITE_DONE && src != SQLITE_ROW)
        return zsd_sqlite_fail(db, what);
    return 0;
}

/*
 * Remove a document's passages (promoting remembered duplicates elsewhere),
 * its duplicate places, figures, parks and years. Used for changed, removed
 * and pruned documents.
 */
static int remove_doc_rows(zs_db *db, sqlite3_int64 doc_id)
{
    char sql[2048];
    int rc;
    /* Promote: a passage of this doc that another doc also printed moves there. */
    snprintf(sql, sizeof sql,
             "CREATE TEMP TABLE IF NOT EXISTS promote(passage_id INTEGER PRIMARY KEY,"
             " doc_id, seq, start, end);"
             "DELETE FROM temp.promote;"
             "INSERT OR IGNORE INTO temp.promote SELECT d.passage_id, d.doc_id, d.seq, d.start,"
             " d.end FROM passage_dups d JOIN passages p ON p.id=d.passage_id"
             " WHERE p.doc_id=%lld AND d.doc_id<>%lld ORDER BY d.rowid;"
             "UPDATE passages SET (doc_id, seq, start, end) = (SELECT doc_id, seq, start, end"
             " FROM temp.promote t WHERE t.passage_id=passages.id)"
             " WHERE id IN (SELECT passage_id FROM temp.promote);"
             "DELETE FROM passage_dups WHERE rowid IN (SELECT d.rowid FROM passage_dups d"
             " JOIN temp.promote t ON t.passage_id=d.passage_id AND t.doc_id=d.doc_id"
             " AND t.seq=d.seq);"
             "DELETE FROM passage_dups WHERE doc_id=%lld;"
             "INSERT INTO fts(fts, rowid, body, park, year, figure) SELECT 'delete', id, body,"
             " park, year, figure FROM passages_text WHERE doc_id=%lld;"
             "DELETE FROM figure_rows WHERE passage_id IN (SELECT id FROM passages WHERE"
             " doc_id=%lld);"
             "DELETE FROM passage_parks WHERE passage_id IN (SELECT id FROM passages WHERE"
             " doc_id=%lld);"
             "DELETE FROM passage_years WHERE passage_id IN (SELECT id FROM passages WHERE"
             " doc_id=%lld);"
             "DELETE FROM passages WHERE doc_id=%lld;",
             (long long)doc_id, (long long)doc_id, (long long)doc_id, (long long)doc_id,
             (long long)doc_id, (long long)doc_id, (long long)doc_id, (long long)doc_id);
    if ((rc = zsd_exec(db, sql)) != 0)
        return rc;
    return 0;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int write_passage(writer *w, run *r, job *j, sqlite3_int64 doc_id, size_t seq,
                         prep_passage *pp)
{
    zs_index_stats *st = r->st;
    const char *article_park = j->article_park;
    zs_db *db = w->db;
    int rc;
    sqlite3_int64 pid = zsd_repeats_find(w->rep, pp->hash, pp->p.text, pp->p.len);
    int kept = pid != 0, found = kept; /* kept: a text confirmed before (repeats.c) */
    if (!found && w->seen) { /* a first build: candidates from memory, confirmed on the text */
        size_t cur = 0;
        sqlite3_int64 cand;
        while (!found && (cand = zsd_seen_next(w->seen, pp->hash, &cur)) != 0) {
            sqlite3_bind_int64(w->p_same, 1, cand);
            sqlite3_bind_int64(w->p_same, 2, (sqlite3_int64)pp->hash);
            sqlite3_bind_text(w->p_same, 3, pp->p.text, (int)pp->p.len, SQLITE_STATIC);
            if ((found = sqlite3_step(w->p_same) == SQLITE_ROW))
                pid = cand;
            sqlite3_reset(w->p_same);
        }
    } else if (!found) {
        sqlite3_bind_int64(w->p_find, 1, (sqlite3_int64)pp->hash);
        sqlite3_bind_text(w->p_find, 2, pp->p.text, (int)pp->p.len, SQLITE_STATIC);
        found = sqlite3_step(w->p_find) == SQLITE_ROW;
        pid = found ? sqlite3_column_int64(w->p_find, 0) : 0;
        sqlite3_reset(w->p_find);
    }
    if (found) {
        if (!kept)
            zsd_repeats_keep(w->rep, pp->hash, pid, pp->p.text, pp->p.len);
        sqlite3_bind_int64(w->dup_ins, 1, pid);
        sqlite3_bind_int64(w->dup_ins, 2, doc_id);
        sqlite3_bind_int64(w->dup_ins, 3, (sqlite3_int64)seq);
        sqlite3_bind_int64(w->dup_ins, 4, (sqlite3_int64)pp->p.start);
        sqlite3_bind_int64(w->dup_ins, 5, (sqlite3_int64)pp->p.end);
        st->duplicates++;
        return step_done(db, w->dup_ins, "recording a repeated passage");
    }
    if (pp->repeat) { /* the workers' guess was wrong (seen.c): prepare it here */
        if (!w->wk.seg && (rc = zs_seg_open(&w->wk.seg)) != 0)
            return zsd_fail(db, rc, "cannot open the segmenter (ICU)");
        w->wk.dict = NULL; /* the packer below compresses */
        if ((rc = prepare_passage(r, &w->wk, j, pp)) != 0)
            return zsd_fail(db, rc, "%s", zs_strerror(rc));
        pp->repeat = 0;
    }
    sqlite3_stmt *s = w->p_ins;
    sqlite3_bind_int64(s, 1, doc_id);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)seq);
    sqlite3_bind_int(s, 3, pp->p.kind);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)pp->p.start);
    sqlite3_bind_int64(s, 5, (sqlite3_int64)pp->p.end);
    sqlite3_bind_int64(s, 6, (sqlite3_int64)pp->hash);
    const void *body;
    size_t nbody;
    int blob = pp->packed != NULL;
    if (pp->pack_tried) {
        body = blob ? (const void *)pp->packed : pp->p.text;
        nbody = blob ? pp->npacked : pp->p.len;
    } else if ((rc = zsd_packer_pack(w->pack, pp->p.text, pp->p.len, &body, &nbody, &blob))) {
        return rc;
    }
    if (blob)
        sqlite3_bind_blob(s, 7, body, (int)nbody, SQLITE_STATIC);
    else
        sqlite3_bind_text(s, 7, body, (int)nbody, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, pp->parks, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, pp->yeartext, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 10, pp->figtext, -1, SQLITE_STATIC);
    if ((rc = step_done(db, s, "storing a passage")) != 0)
        return rc;
    pid = sqlite3_last_insert_rowid(db->h);
    if (w->seen && !zsd_seen_add(w->seen, pp->hash, pid)) {
        /* The table is full: from now on SQLite finds repeats. */
        zsd_seen_free(w->seen);
        w->seen = NULL;
        if ((rc = zsd_exec(db, "CREATE INDEX IF NOT EXISTS passages_hash ON passages(hash)")))
            return rc;
    }
    s = w->fts_ins;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, pp->p.text, (int)pp->p.len, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, pp->parks, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, pp->yeartext, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, pp->figtext, -1, SQLITE_STATIC);
    zss_pretok_set(pp->pt, pp->pt ? 4 : 0);
    rc = step_done(db, s, "indexing a passage");
    zss_pretok_set(NULL, 0);
    if (rc)
        return rc;
    st->passages++;
    for (size_t i = 0; i < pp->nparks; i++) {
        sqlite3_bind_int64(w->park_ins, 1, pid);
        sqlite3_bind_text(w->park_ins, 2, pp->park_list[i], -1, SQLITE_STATIC);
        sqlite3_bind_int(w->park_ins, 3, pp->park_inherited);
        if ((rc = step_done(db, w->park_ins, "storing a park")) != 0)
            return rc;
    }
    for (size_t i = 0; i < pp->nyears; i++) {
        sqlite3_bind_int64(w->year_ins, 1, pid);
        int y = pp->years[i];
        sqlite3_bind_int(w->year_ins, 2, y < 0 ? -y : y);
        sqlite3_bind_int(w->year_ins, 3, y < 0);
        if ((rc = step_done(db, w->year_ins, "storing a year")) != 0)
            return rc;
    }
    const char *fig_park = pp->nparks ? pp->park_list[0] : (article_park ? article_park : "");
    /* the passage's one year, when it speaks of one and states it */
    int only_year = pp->nyears == 1 && pp->years[0] > 0 ? pp->years[0] : 0;
    for (size_t i = 0; i < pp->nfigs; i++) {
        const zsi_figure *f = &pp->figs[i];
        int year = f->year ? f->year : only_year;
        const char *strs[5] = {f->unit ? f->unit : "", f->cls ? f->cls : "", f->metric,
                               f->metric_raw, fig_park};
        sqlite3_int64 ids[5];
        for (int k = 0; k < 5; k++)
            if ((rc = zsd_strings_id(w->str, strs[k], &ids[k])) != 0)
                return rc;
        s = w->fig_ins;
        sqlite3_bind_int64(s, 1, pid);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)f->start);
        sqlite3_bind_int64(s, 3, (sqlite3_int64)(f->end - f->start));
        sqlite3_bind_double(s, 4, f->value);
        if (f->value_hi != f->value)
            sqlite3_bind_double(s, 5, f->value_hi);
        else
            sqlite3_bind_null(s, 5);
        sqlite3_bind_int64(s, 6, ids[0]);
        sqlite3_bind_int64(s, 7, ids[1]);
        sqlite3_bind_int(s, 8, f->hedge);
        sqlite3_bind_int64(s, 9, ids[2]);
        sqlite3_bind_int64(s, 10, ids[3]);
        sqlite3_bind_int64(s, 11, ids[4]);
        sqlite3_bind_int(s, 12, year);
        if ((rc = step_done(db, s, "storing a figure")) != 0)
            return rc;
        st->figures++;
    }
    return 0;
}

static int hex64(char *buf, size_t cap, uint64_t h)
{
    return snprintf(buf, cap, "%016llx", (unsigned long long)h);
}

static int write_job(writer *w, run *r, job *j)
{
    zs_db *db = w->db;
    char hash[32];
    int rc;
    sqlite3_int64 doc_id = 0;

    hex64(hash, sizeof hash, j->hash);
    sqlite3_bind_text(w->doc_find, 1, j->path, -1, SQLITE_STATIC);
    if (sqlite3_step(w->doc_find) == SQLITE_ROW)
        doc_id = sqlite3_column_int64(w->doc_find, 0);
    sqlite3_reset(w->doc_find);
    /* No SAVEPOINT per document: FTS5 flushes its pending terms to a new
     * segment at every savepoint (callgrind: 27% of all instructions went
     * there). A failure fails the run and rolls back the whole batch, which
     * the next run redoes, so the index is never left half-written. */
    if (doc_id) {
        zsd_repeats_clear(w->rep); /* its ids may be reused */
        if ((rc = remove_doc_rows(db, doc_id)) != 0)
            return rc;
    }
    sqlite3_stmt *s = doc_id ? w->doc_upd : w->doc_ins;
    if (doc_id)
        sqlite3_bind_int64(s, 1, doc_id);
    else
        sqlite3_bind_text(s, 1, j->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)j->size);
    if (j->year)
        sqlite3_bind_int(s, 4, j->year);
    else
        sqlite3_bind_null(s, 4);
    bind_text_or_null(s, 5, j->article_park);
    bind_text_or_null(s, 6, j->date);
    bind_text_or_null(s, 7, j->source);
    if ((rc = step_done(db, s, "storing a document")) != 0)
        return rc;
    if (!doc_id)
        doc_id = sqlite3_last_insert_rowid(db->h);
    for (size_t i = 0; i < j->nps; i++)
        if ((rc = write_passage(w, r, j, doc_id, i + 1, &j->ps[i])) != 0)
            return rc;
    r->st->files_indexed++;
    return 0;
}

static int load_known(run *r)
{
    sqlite3_stmt *st = NULL;
    int rc = zsd_prepare(r->db, &st, "SELECT path, hash FROM docs ORDER BY path");
    if (rc)
        return rc;
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (r->nknown == cap) {
            cap = cap ? cap * 2 : 256;
            known *nk = realloc(r->known, cap * sizeof *nk);
            if (!nk) {
                rc = ZS_ENOMEM;
                break;
            }
            r->known = nk;
        }
        known *k = &r->known[r->nknown++];
        k->path = strdup((const char *)sqlite3_column_text(st, 0));
        k->hash = strtoull((const char *)sqlite3_column_text(st, 1), NULL, 16);
        k->seen = 0;
    }
    sqlite3_finalize(st);
    /* SQLite's ORDER BY uses memcmp order, like strcmp: bsearch works. */
    return rc;
}

/* With prune: remove documents under the given folders that were not seen. */
static int prune(run *r)
{
    int rc = 0;
    sqlite3_stmt *del = NULL;
    for (size_t i = 0; i < r->njobs; i++) {
        known *k = find_known(r, r->jobs[i].path);
        if (k)
            k->seen = 1;
    }
    if ((rc = zsd_prepare(r->db, &del, "DELETE FROM docs WHERE path=? RETURNING id")) != 0)
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
        struct stat sb;
        if (!under && stat(k->path, &sb) == 0)
            continue; /* outside the given folders and still there: keep */
        if (!under && k->path[0] != '/')
            continue; /* "-" and other names given by programs */
        sqlite3_bind_text(del, 1, k->path, -1, SQLITE_STATIC);
        if (sqlite3_step(del) == SQLITE_ROW) {
            sqlite3_int64 id = sqlite3_column_int64(del, 0);
            sqlite3_reset(del);
            rc = remove_doc_rows(r->db, id);
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
        return zsd_fail(db, rc, "cannot load the park gazetteer: %s", err[0] ? err : zs_strerror(rc));
    return 0;
}

/* Record the gazetteer's aliases in the index so queries need no data files. */
static int store_aliases(writer *w, zsi_gazetteer *g)
{
    int rc = 0;
    for (size_t i = 0; i < zsi_gazetteer_count(g) && !rc; i++) {
        const char *name = zsi_gazetteer_name(g, i);
        const char *const *al = NULL;
        size_t nal = 0;
        sqlite3_bind_text(w->alias_ins, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(w->alias_ins, 2, name, -1, SQLITE_STATIC);
        rc = step_done(w->db, w->alias_ins, "storing a park alias");
        if (rc || zsi_park_aliases(g, name, strlen(name), &al, &nal))
            continue;
        for (size_t k = 0; k < nal && !rc; k++) {
            sqlite3_bind_text(w->alias_ins, 1, al[k], -1, SQLITE_STATIC);
            sqlite3_bind_text(w->alias_ins, 2, name, -1, SQLITE_STATIC);
            rc = step_done(w->db, w->alias_ins, "storing a park alias");
        }
    }
    return rc;
}

static int run_pipeline(run *r)
{
    zs_db *db = r->db;
    writer w = {0};
    zsd_ckpt *ck = NULL;
    pthread_t th[MAX_WORKERS];
    int nth = r->o && r->o->threads > 0 ? r->o->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
    int started = 0, rc, in_txn = 0;
    unsigned long long bytes_since = 0;
    double t_commit = 0;

    if (nth < 1)
        nth = 1;
    if (nth > MAX_WORKERS)
        nth = MAX_WORKERS;
    r->window = WINDOW_JOBS;
    if ((rc = writer_open(&w, db)) != 0)
        goto out;
    if ((rc = zsd_hints_open(&r->hints, r->st->bytes_total)) != 0) {
        rc = zsd_fail(db, rc, "out of memory");
        goto out;
    }
    r->dict = zsd_packer_dict(w.pack); /* an index that has one already */
    if (zsd_ckpt_start(&ck, db) != 0)
        ck = NULL; /* SQLite checkpoints in this thread, as it would anyway */
    if ((rc = zsd_exec(db, "BEGIN IMMEDIATE")) != 0)
        goto out;
    in_txn = 1;
    /* Into an empty index, the secondary indexes only the next runs need
     * (removal, promotion, figure-only filters) are made at the end: one sort
     * each instead of an insert per row, the writer being the serial part.
     * Otherwise (or after a run that was killed) make sure they exist. */
    if (zsd_query_int(db, "SELECT NOT EXISTS (SELECT 1 FROM passages)", 0)) {
        if ((rc = zsd_exec(db, zsd_late_indexes_drop)) != 0)
            goto out;
        if ((rc = zsd_seen_open(&w.seen, r->st->bytes_total)) != 0) {
            rc = zsd_fail(db, rc, "out of memory");
            goto out;
        }
    } else if ((rc = zsd_exec(db, zsd_late_indexes)) != 0) {
        goto out;
    }
    if ((rc = store_aliases(&w, r->gaz)) != 0)
        goto out;
    for (; started < nth; started++)
        if (pthread_create(&th[started], NULL, worker, r) != 0)
            break;
    if (!started) {
        rc = zsd_fail(db, ZS_ENOMEM, "cannot start a worker thread");
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
            report(r, j->msgs[m].kind, j->path, j->msgs[m].off, j->msgs[m].text);
        if (j->skip) {
            r->st->files_skipped++;
        } else if (j->unchanged) {
            r->st->files_unchanged++;
        } else {
            if (j->nmsgs)
                r->st->files_warned++;
            if ((rc = write_job(&w, r, j)) != 0)
                goto out;
            bytes_since += j->size;
        }
        r->st->bytes_done += j->size;
        if (j->size > WRITER_FREES_BYTES)
            job_clear(j);
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
        double t = now_since(&r->t0);
        if (bytes_since >= COMMIT_BYTES || t - t_commit >= COMMIT_SECONDS) {
            if ((rc = zsd_exec(db, "COMMIT")) != 0 || (rc = zsd_exec(db, "BEGIN IMMEDIATE")))
                goto out;
            bytes_since = 0;
            t_commit = t;
        }
        progress(r, 0);
    }
    /* The late indexes sort in runs the size of the page cache: 2 MiB runs
     * that stay in the CPU's caches, merged, beat one 64 MiB run (news-200:
     * the seven indexes 1.52 -> 1.30 s, sqlite3 shell on a copy). */
    if ((rc = zsd_exec(db, "PRAGMA cache_size=-2000")) != 0 ||
        (rc = zsd_exec(db, zsd_late_indexes)) != 0 ||
        (rc = zsd_exec(db, "PRAGMA cache_size=" ZSD_WRITER_CACHE)) != 0)
        goto out;
    if (r->o && r->o->prune && (rc = prune(r)) != 0)
        goto out;
    rc = zsd_exec(db, "COMMIT");
    in_txn = 0;
out:
    pthread_mutex_lock(&r->mu);
    r->stop = 1;
    pthread_cond_broadcast(&r->cv_work);
    pthread_mutex_unlock(&r->mu);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    if (in_txn)
        sqlite3_exec(db->h, "ROLLBACK", 0, 0, 0);
    zsd_ckpt_stop(ck);
    writer_close(&w);
    zsd_hints_free(r->hints);
    r->hints = NULL;
    progress(r, 1);
    return rc;
}

static void run_free(run *r)
{
    for (size_t i = 0; i < r->njobs; i++) {
        free(r->jobs[i].mem);
        job_clear(&r->jobs[i]);
        free(r->jobs[i].path);
        free(r->jobs[i].date);
        free(r->jobs[i].source);
    }
    free(r->jobs);
    for (size_t i = 0; i < r->nknown; i++)
        free(r->known[i].path);
    free(r->known);
    for (size_t i = 0; i < r->nman; i++) {
        free(r->man[i].path);
        free(r->man[i].date);
        free(r->man[i].source);
    }
    free(r->man);
    for (size_t i = 0; i < r->ndirs; i++)
        free(r->dirs[i]);
    free(r->dirs);
    zsi_gazetteer_free(r->gaz);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->cv_work);
    pthread_cond_destroy(&r->cv_done);
}

/* A job whose bytes are in memory. Ownership: takes buf (freed on failure too). */
static int add_mem_job(run *r, const char *name, char *buf, size_t len, int year)
{
    int rc = add_job(r, name, 1, 0);
    if (rc) {
        free(buf);
        return rc;
    }
    job *j = &r->jobs[r->njobs - 1];
    j->mem = buf;
    j->nmem = len;
    j->year = year;
    r->st->files_seen++;
    r->st->bytes_total += len;
    return 0;
}

/* Read standard input into a job. */
static int add_stdin_job(run *r, const char *name)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (len == cap) {
            if (cap >= ZS_MAX_FILE_BYTES)
                break;
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, stdin);
        len += got;
        if (!got)
            break;
    }
    if (!buf)
        return ZS_ENOMEM;
    return add_mem_job(r, name, buf, len, 0);
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
    if ((!paths && npaths) || (o && o->version != ZS_INDEX_OPTS_VERSION))
        return zsd_fail(db, ZS_EINVAL, "invalid arguments to zs_index_paths");
    run_init(&r, db, o, st);
    if ((rc = open_gazetteer(db, &r.gaz)) != 0)
        goto out;
    if (o && o->manifest)
        load_manifest(&r, ".", o->manifest);
    for (size_t i = 0; i < npaths && !rc; i++) {
        struct stat sb;
        char real[PATH_MAX];
        if (!strcmp(paths[i], "-")) {
            rc = add_stdin_job(&r, "-");
            continue;
        }
        if (stat(paths[i], &sb) != 0 || !realpath(paths[i], real)) {
            char m[256];
            snprintf(m, sizeof m, "%s", strerror(errno));
            report(&r, ZS_MSG_SKIPPED, paths[i], -1, m);
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
            r.dirs[r.ndirs++] = strdup(real);
            if (!(o && o->manifest))
                load_manifest(&r, real, NULL);
            rc = walk(&r, real, 0);
        } else {
            st->files_seen++;
            st->bytes_total += (unsigned long long)sb.st_size;
            rc = add_job(&r, real, 0, (unsigned long long)sb.st_size);
        }
    }
    if (rc) {
        zsd_fail(db, rc, "%s while listing the input", zs_strerror(rc));
        goto out;
    }
    if ((rc = load_known(&r)) != 0)
        goto out;
    if (r.nknown > 1)
        qsort(r.known, r.nknown, sizeof *r.known, cmp_known);
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

    if (!db || !name || !*name || (!text && n) ||
        (meta && meta->version != ZS_DOC_META_VERSION))
        return ZS_EINVAL;
    int year = meta && meta->date ? atoi(meta->date) : 0;
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
    if ((rc = open_gazetteer(db, &r.gaz)) != 0 || (rc = add_mem_job(&r, name, copy, n, year)) ||
        (rc = load_known(&r)) != 0)
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
    if ((rc = zsd_exec(db, "BEGIN IMMEDIATE")) != 0)
        return rc;
    if ((rc = zsd_exec(db, zsd_late_indexes)) != 0) /* after a killed first build */
        goto out;
    if ((rc = zsd_prepare(db, &st, "DELETE FROM docs WHERE path=? RETURNING id")) != 0)
        goto out;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = zsd_fail(db, ZS_ENOTFOUND, "no document named %s in the index", name);
        goto out;
    }
    sqlite3_int64 id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    rc = remove_doc_rows(db, id);
out:
    sqlite3_finalize(st);
    if (rc)
        sqlite3_exec(db->h, "ROLLBACK", 0, 0, 0);
    else
        rc = zsd_exec(db, "COMMIT");
    return rc;
}
