/*
 * bench/query.c - query latency in process, through the public API only.
 *
 * Usage: bench-query [--reps N] [--readers N --stop-file PATH] DB QUERIES
 *
 * QUERIES is bench/queries.txt (CLASS<TAB>QUERY lines, # comments). The
 * index is opened once (read-only, as `zhaoshu query` opens it); each query
 * runs as the CLI runs it: zs_query_open with limit 10, zs_query_next until
 * the end, zs_query_free. What is timed is therefore the library's work for
 * one query, without process start, dynamic loading and opening the index,
 * which the whole-process figure of bench/run includes.
 *
 * Serial mode (default): one untimed warm-up run of each query, then N timed
 * runs (default 7). Prints one line per query and a summary line, TSV:
 *   q <TAB> class <TAB> query <TAB> median ms <TAB> hits <TAB> median CPU ms
 *   all <TAB> p50 ms <TAB> p95 ms <TAB> samples <TAB> errors <TAB> CPU p50 ms <TAB> CPU p95 ms
 * The CPU time (CLOCK_PROCESS_CPUTIME_ID) is what the query cost the machine;
 * on a busy machine the wall time also holds the waits for a core.
 *
 * Concurrent mode (--readers N --stop-file PATH): N threads, each with its
 * own zs_db (a handle is one per thread), cycle through the query set until
 * PATH exists (bench/run creates it when the index run that writes beside
 * them exits). Every query is timed. Prints the summary line only, plus
 *   err <TAB> message
 * for the first failed query, if any (a reader must never fail because a
 * writer is committing: that is what WAL and the busy timeout are for).
 *
 * SQLite's own error log (SQLITE_CONFIG_LOG) goes to stderr, less its notices
 * and warnings: a reader that fails with "database disk image is malformed"
 * then also says at which line of sqlite3.c SQLite found the damage, which
 * the message alone does not (it pointed at the cause of the 4-reader
 * check's failures: readers whose process had dropped its locks on the
 * index; store/db.c, is_sqlite_file).
 *
 * Exit status: 0 ok; 1 some query failed; 2 usage or setup error.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "zhaoshu.h"

/* Longest line of the query file; queries are at most ZS_MAX_QUERY_BYTES. */
#define LINE_MAX_BYTES 4096
#define MAX_READERS 64

typedef struct query {
    char *cls;
    char *text;
} query;

typedef struct samples {
    double *v; /* milliseconds */
    size_t n, cap;
} samples;

typedef struct reader {
    pthread_t tid;
    const char *dbpath;
    const char *stop;
    const query *qs;
    size_t nq;
    size_t start; /* first query: readers start at different places */
    samples s;
    size_t errors;
    char err[512];
} reader;

static double clock_ms(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double now_ms(void)
{
    return clock_ms(CLOCK_MONOTONIC);
}

static double cpu_ms(void)
{
    return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static int push(samples *s, double ms)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 256;
        double *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = ms;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median and nearest-rank 95th percentile, as bench/run computes them. */
static void stats(samples *s, double *p50, double *p95)
{
    *p50 = *p95 = 0;
    if (!s->n)
        return;
    qsort(s->v, s->n, sizeof *s->v, cmp_double);
    *p50 = s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2;
    size_t k = (size_t)((95 * s->n + 99) / 100);
    *p95 = s->v[k ? k - 1 : 0];
}

/* One query as the CLI runs it. Returns hits (>= 0), or -1 with msg set. */
static long run_one(zs_db *db, const char *text, char *msg, size_t nmsg)
{
    zs_query_opts qo;
    zs_query *q = NULL;
    const zs_hit *h;
    long hits = 0;
    int rc;

    memset(&qo, 0, sizeof qo);
    qo.version = ZS_QUERY_OPTS_VERSION;
    qo.limit = 10;
    if ((rc = zs_query_open(&q, db, text, strlen(text), &qo)) != 0)
        goto fail;
    while ((rc = zs_query_next(q, &h)) == 0)
        hits++;
    if (rc != ZS_ITEROVER)
        goto fail;
    zs_query_free(q);
    return hits;
fail:
    snprintf(msg, nmsg, "%s: %s (%d)", text, zs_errmsg(db), rc);
    zs_query_free(q);
    return -1;
}

static int open_db(zs_db **db, const char *path)
{
    zs_open_opts oo;
    memset(&oo, 0, sizeof oo);
    oo.version = ZS_OPEN_OPTS_VERSION;
    oo.flags = ZS_OPEN_READONLY;
    int rc = zs_db_open(db, path, &oo);
    if (rc != 0)
        fprintf(stderr, "bench-query: %s: %s\n", path, *db ? zs_errmsg(*db) : "cannot open");
    return rc;
}

/* Read CLASS<TAB>QUERY lines. Ownership: caller frees each cls (text shares it). */
static int load_queries(const char *path, query **out, size_t *nout)
{
    FILE *f = fopen(path, "r");
    char line[LINE_MAX_BYTES];
    query *qs = NULL;
    size_t n = 0, cap = 0;

    if (!f) {
        fprintf(stderr, "bench-query: %s: %s\n", path, strerror(errno));
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\r\n");
        line[len] = '\0';
        const char *p = line + strspn(line, " \t");
        char *tab = strchr(line, '\t');
        if (!*p || *p == '#' || !tab || !tab[1])
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            query *q2 = realloc(qs, cap * sizeof *q2);
            if (!q2)
                goto oom;
            qs = q2;
        }
        char *copy = malloc(len + 1);
        if (!copy)
            goto oom;
        memcpy(copy, line, len + 1);
        copy[tab - line] = '\0';
        qs[n].cls = copy;
        qs[n].text = copy + (tab - line) + 1;
        n++;
    }
    fclose(f);
    if (!n) {
        fprintf(stderr, "bench-query: no queries in %s\n", path);
        free(qs);
        return -1;
    }
    *out = qs;
    *nout = n;
    return 0;
oom:
    fclose(f);
    for (size_t i = 0; i < n; i++)
        free(qs[i].cls);
    free(qs);
    fprintf(stderr, "bench-query: out of memory\n");
    return -1;
}

static void *reader_main(void *arg)
{
    reader *r = arg;
    zs_db *db = NULL;
    char msg[512];

    if (open_db(&db, r->dbpath) != 0) {
        snprintf(r->err, sizeof r->err, "cannot open %s", r->dbpath);
        r->errors++;
        zs_db_close(db);
        return NULL;
    }
    for (size_t i = r->start;; i++) {
        if (access(r->stop, F_OK) == 0)
            break;
        double t0 = now_ms();
        long hits = run_one(db, r->qs[i % r->nq].text, msg, sizeof msg);
        double dt = now_ms() - t0;
        if (hits < 0) {
            if (!r->errors++)
                snprintf(r->err, sizeof r->err, "%s", msg);
            continue;
        }
        if (push(&r->s, dt)) {
            snprintf(r->err, sizeof r->err, "out of memory");
            r->errors++;
            break;
        }
    }
    zs_db_close(db);
    return NULL;
}

static int concurrent(const char *dbpath, const char *stop, const query *qs, size_t nq,
                      int nreaders)
{
    reader rs[MAX_READERS];
    samples all = {NULL, 0, 0};
    size_t errors = 0;
    const char *first_err = NULL;
    int started = 0, code = 0;

    memset(rs, 0, sizeof rs);
    for (int i = 0; i < nreaders; i++) {
        rs[i].dbpath = dbpath;
        rs[i].stop = stop;
        rs[i].qs = qs;
        rs[i].nq = nq;
        rs[i].start = (size_t)i * nq / (size_t)nreaders;
        if (pthread_create(&rs[i].tid, NULL, reader_main, &rs[i]) != 0) {
            fprintf(stderr, "bench-query: cannot start reader %d\n", i);
            code = 2;
            break;
        }
        started++;
    }
    for (int i = 0; i < started; i++) {
        pthread_join(rs[i].tid, NULL);
        for (size_t k = 0; k < rs[i].s.n; k++)
            if (push(&all, rs[i].s.v[k])) {
                fprintf(stderr, "bench-query: out of memory\n");
                code = 2;
            }
        errors += rs[i].errors;
        if (rs[i].errors && !first_err)
            first_err = rs[i].err;
    }
    double p50, p95;
    stats(&all, &p50, &p95);
    printf("all\t%.3f\t%.3f\t%zu\t%zu\n", p50, p95, all.n, errors);
    if (first_err)
        printf("err\t%s\n", first_err);
    for (int i = 0; i < started; i++)
        free(rs[i].s.v);
    free(all.v);
    return code ? code : errors ? 1 : 0;
}

static int serial(const char *dbpath, const query *qs, size_t nq, int reps)
{
    zs_db *db = NULL;
    samples all = {NULL, 0, 0}, one = {NULL, 0, 0}, all_cpu = {NULL, 0, 0}, one_cpu = {NULL, 0, 0};
    size_t errors = 0;
    char msg[512];
    int code = 0;

    if (open_db(&db, dbpath) != 0) {
        zs_db_close(db);
        return 2;
    }
    for (size_t i = 0; i < nq && !code; i++) {
        long hits = 0;
        one.n = one_cpu.n = 0;
        for (int r = 0; r <= reps; r++) {
            double t0 = now_ms(), c0 = cpu_ms();
            hits = run_one(db, qs[i].text, msg, sizeof msg);
            double dt = now_ms() - t0, dc = cpu_ms() - c0;
            if (hits < 0) {
                printf("err\t%s\n", msg);
                errors++;
                break;
            }
            if (r > 0 && (push(&one, dt) || push(&all, dt) || push(&one_cpu, dc) ||
                          push(&all_cpu, dc))) { /* run 0 is the warm-up */
                fprintf(stderr, "bench-query: out of memory\n");
                code = 2;
                break;
            }
        }
        if (hits < 0 || code)
            continue;
        double p50, p95, c50, c95;
        stats(&one, &p50, &p95);
        stats(&one_cpu, &c50, &c95);
        printf("q\t%s\t%s\t%.3f\t%ld\t%.3f\n", qs[i].cls, qs[i].text, p50, hits, c50);
    }
    double p50, p95, c50, c95;
    stats(&all, &p50, &p95);
    stats(&all_cpu, &c50, &c95);
    printf("all\t%.3f\t%.3f\t%zu\t%zu\t%.3f\t%.3f\n", p50, p95, all.n, errors, c50, c95);
    free(one.v);
    free(all.v);
    free(one_cpu.v);
    free(all_cpu.v);
    zs_db_close(db);
    return code ? code : errors ? 1 : 0;
}

static int usage(void)
{
    fputs("usage: bench-query [--reps N] [--readers N --stop-file PATH] DB QUERIES\n", stderr);
    return 2;
}

static void sqlite_log(void *unused, int code, const char *msg)
{
    (void)unused;
    int primary = code & 0xff;
    if (primary != SQLITE_NOTICE && primary != SQLITE_WARNING)
        fprintf(stderr, "bench-query: sqlite log (%d): %s\n", code, msg);
}

int main(int argc, char **argv)
{
    int reps = 7, readers = 0, i;
    const char *stop = NULL;
    query *qs = NULL;
    size_t nq = 0;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (i + 1 >= argc)
            return usage();
        if (!strcmp(argv[i], "--reps"))
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--readers"))
            readers = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--stop-file"))
            stop = argv[++i];
        else
            return usage();
    }
    if (argc - i != 2 || reps < 1 || readers < 0 || readers > MAX_READERS ||
        (readers > 0) != !!stop)
        return usage();
    if (load_queries(argv[i + 1], &qs, &nq))
        return 2;
    /* before SQLite initializes (the first zs_db_open), or it is refused */
    sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, NULL);
    int code = readers ? concurrent(argv[i], stop, qs, nq, readers) : serial(argv[i], qs, nq, reps);
    for (size_t k = 0; k < nq; k++)
        free(qs[k].cls);
    free(qs);
    return code;
}
