/*
 * manifest.c - manifest.tsv: what the user says about each file (date,
 * outlet, page), which beats anything zhaoshu infers from names and text.
 *
 * Format: one file per line, file<TAB>date<TAB>source[<TAB>page]; blank
 * lines and '#' comments skipped. Paths are relative to the manifest's own
 * folder (so a manifest travels with its corpus), or absolute. Dates are
 * checked (zsi_date_normalize: 2019-10-22, 2019/10/22, 20191022, 2019-10,
 * 2019); a row with a date that does not exist, a file that is not there or
 * a page that is not a number is reported, and only its good fields kept.
 * Lookups are by the file's real path, in a sorted table.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docmeta_int.h"
#include "store_int.h"
#include "util_int.h"

/* Longest manifest line read (bytes); longer lines are reported. */
#define MANIFEST_LINE_BYTES 8192

struct zsd_manifest {
    zsd_manifest_row *v;
    size_t n, cap;
    int sorted;
};

void zsd_manifest_free(zsd_manifest *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        free(m->v[i].path);
    free(m->v);
    free(m);
}

static void warn(zsd_manifest_warn fn, void *ctx, const char *file, long line, const char *fmt,
                 const char *a, const char *b)
{
    char msg[PATH_MAX + 256];
    int k = snprintf(msg, sizeof msg, "line %ld: ", line);
    snprintf(msg + k, sizeof msg - (size_t)k, fmt, a, b);
    if (fn)
        fn(ctx, file, msg);
}

int zsd_manifest_read(zsd_manifest **mp, const char *file, int must_exist, zsd_manifest_warn fn,
                      void *ctx, char *err, size_t errcap)
{
    char dir[PATH_MAX], line[MANIFEST_LINE_BYTES];
    FILE *f = fopen(file, "r");
    long lineno = 0;
    if (!f) {
        if (!must_exist && (errno == ENOENT || errno == ENOTDIR))
            return 0;
        snprintf(err, errcap, "cannot read the manifest %s: %s", file, strerror(errno));
        return errno == ENOENT ? ZS_ENOTFOUND : ZS_EIO;
    }
    if (!*mp && !(*mp = calloc(1, sizeof **mp))) {
        fclose(f);
        return ZS_ENOMEM;
    }
    zsd_manifest *m = *mp;
    const char *slash = strrchr(file, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - file) : 1, slash ? file : ".");
    if (slash == file)
        snprintf(dir, sizeof dir, "/");
    int rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            warn(fn, ctx, file, lineno, "longer than %s bytes: skipped%s", "8191", "");
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n')
                ;
            continue;
        }
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *field[4] = {line, NULL, NULL, NULL};
        for (int k = 1; k < 4; k++) {
            char *t = field[k - 1] ? strchr(field[k - 1], '\t') : NULL;
            if (t) {
                *t = '\0';
                field[k] = t + 1;
            }
        }
        if (!field[1]) {
            warn(fn, ctx, file, lineno,
                 "no tab after the file name '%.200s' (file<TAB>date<TAB>source)%s", line, "");
            continue;
        }
        char full[PATH_MAX * 2], real[PATH_MAX];
        int k = line[0] == '/' ? snprintf(full, sizeof full, "%s", line)
                               : snprintf(full, sizeof full, "%s/%s", dir, line);
        if (k < 0 || (size_t)k >= sizeof full) {
            warn(fn, ctx, file, lineno, "file name too long%s%s", "", "");
            continue;
        }
        if (!realpath(full, real)) {
            warn(fn, ctx, file, lineno, "no file %.1024s: %s", full, strerror(errno));
            continue;
        }
        zsd_manifest_row row;
        memset(&row, 0, sizeof row);
        if (field[1][0] && !zsi_date_normalize(field[1], strlen(field[1]), row.date))
            warn(fn, ctx, file, lineno, "'%.200s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)%s",
                 field[1], "");
        snprintf(row.source, sizeof row.source, "%s", field[2] ? field[2] : "");
        if (field[3] && field[3][0]) {
            char *e;
            long p = strtol(field[3], &e, 10);
            if (*e || p < 1 || p > 100000)
                warn(fn, ctx, file, lineno, "page '%.200s' is not a number%s", field[3], "");
            else
                row.page = (int)p;
        }
        if (m->n == m->cap && zsu_grow(&m->v, &m->cap, m->n + 1, sizeof *m->v, 64) != 0) {
            rc = ZS_ENOMEM;
            break;
        }
        row.order = m->n;
        if (!(row.path = strdup(real))) {
            rc = ZS_ENOMEM;
            break;
        }
        m->v[m->n++] = row;
        m->sorted = 0;
    }
    if (!rc && ferror(f)) {
        snprintf(err, errcap, "cannot read the manifest %s: %s", file, strerror(errno));
        rc = ZS_EIO;
    }
    fclose(f);
    return rc;
}

static int by_path(const void *a, const void *b)
{
    const zsd_manifest_row *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

void zsd_manifest_seal(zsd_manifest *m)
{
    if (!m || m->sorted)
        return;
    /* ties in file order: with a file named twice, the later row wins below */
    if (m->n > 1)
        qsort(m->v, m->n, sizeof *m->v, by_path);
    m->sorted = 1;
}

const zsd_manifest_row *zsd_manifest_find(const zsd_manifest *m, const char *path)
{
    if (!m || !m->n)
        return NULL;
    size_t lo = 0, hi = m->n;
    while (lo < hi) { /* the last row with this path */
        size_t mid = (lo + hi) / 2;
        if (strcmp(m->v[mid].path, path) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo && !strcmp(m->v[lo - 1].path, path) ? &m->v[lo - 1] : NULL;
}
