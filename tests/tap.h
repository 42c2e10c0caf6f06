/*
 * tap.h - a tiny Test Anything Protocol helper for zhaoshu's C tests.
 *
 * Every check prints "ok N - what" or "not ok N - what" with the failing
 * values, and tap_done() prints the plan and returns the exit status, so
 * meson (protocol: 'tap') reports each assertion on its own.
 */
#ifndef ZS_TAP_H
#define ZS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static inline int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int tap_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    if (!cond)
        tap_failed++;
    fflush(stdout);
    return cond;
}

/* Compare two strings; on failure show both. */
#define TAP_STREQ(got, want, ...)                                                                  \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        int eq_ = g_ && w_ && strcmp(g_, w_) == 0;                                                 \
        if (!tap_ok(eq_, __VA_ARGS__))                                                             \
            printf("#   got:  %s\n#   want: %s\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)");        \
    } while (0)

#define TAP_INTEQ(got, want, ...)                                                                  \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (!tap_ok(g_ == w_, __VA_ARGS__))                                                        \
            printf("#   got:  %lld\n#   want: %lld\n", g_, w_);                                    \
    } while (0)

static inline void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void tap_diag(const char *fmt, ...)
{
    va_list ap;
    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/*
 * The whole file at path, NUL-terminated, its length in *n; NULL when it
 * cannot be read. Ownership: caller frees with free().
 */
static inline char *tap_slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long len = -1;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
        buf = malloc((size_t)len + 1);
    if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[len] = '\0';
    *n = (size_t)len;
    return buf;
}

/* tap_slurp() of a file of the corpus: $ZS_CORPUS/name (corpus/ when unset). */
static inline char *tap_corpus_file(const char *name, size_t *n)
{
    const char *dir = getenv("ZS_CORPUS");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "corpus", name);
    return tap_slurp(path, n);
}

/* Remove an index a test made and the files SQLite and zhaoshu keep
 * beside it (its WAL, shared memory, journal and writer's lock), so that
 * a test run leaves nothing in /tmp. */
static inline void tap_remove_index(const char *path)
{
    static const char *const side[] = {"", "-wal", "-shm", "-journal", "-lock"};
    char p[4096];
    for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
        snprintf(p, sizeof p, "%s%s", path, side[i]);
        remove(p);
    }
}

static inline int tap_done(void)
{
    printf("1..%d\n", tap_n);
    return tap_failed ? 1 : 0;
}

#endif
