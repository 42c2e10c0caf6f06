/*
 * locate.c - zs_doc_locate: from PATH:LINE, as hits print it, back to the
 * document and the passage there (what `zhaoshu show` and editors' jumps
 * start from).
 *
 * The path comes the way a person copies it: relative to the current folder
 * (zs_place_path()), as given to the indexer, absolute, or a name given at
 * indexing. The line is a passage's first line or any line inside it (a
 * figure's line); passages store only their first line, so a passage holds
 * the lines up to the next passage's first. The last passage's end is not
 * stored: it holds the lines known to be in it (its first, its figures').
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"
#include "query_int.h"
#include "search_int.h"

/* Longest path accepted (bytes). */
#define MAX_PATH_BYTES 4096

/* Lexically absolute form of path against the current folder ("a/./b/../c"
 * -> "/cwd/a/c"); the file itself need not exist any more. NULL on failure. */
static char *absolute(const char *path)
{
    char cwd[MAX_PATH_BYTES];
    size_t n = strlen(path);
    if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
        return NULL;
    size_t cn = path[0] == '/' ? 0 : strlen(cwd);
    char *out = malloc(cn + n + 2);
    if (!out)
        return NULL;
    size_t k = 0;
    if (cn) {
        memcpy(out, cwd, cn);
        k = cn;
    }
    for (const char *p = path; *p;) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* nothing */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (k > 0 && out[k - 1] != '/')
                k--;
            if (k > 0)
                k--; /* the slash before the dropped name */
        } else {
            out[k++] = '/';
            memcpy(out + k, p, len);
            k += len;
        }
        p += len;
        if (*p == '/')
            p++;
    }
    if (k == 0)
        out[k++] = '/';
    out[k] = '\0';
    return out;
}

int zsq_doc_find(zs_db *db, const char *path, int any_form, sqlite3_int64 *id, char **doc,
                 long long *count)
{
    char *abs = any_form ? absolute(path) : NULL;
    char real[PATH_MAX];
    const char *forms[] = {path, abs, any_form && realpath(path, real) ? real : NULL};
    sqlite3_stmt *st = NULL;
    int rc = zsd_prepare(db, &st,
                         "WITH d(id, path, k) AS (SELECT id, path, 0 FROM docs WHERE " ZSD_DOC_BY_PATH(1)
                         " UNION ALL SELECT id, path, 1 FROM docs WHERE ?2 AND given = ?1"
                         " ORDER BY 3, 2 LIMIT 1)"
                         " SELECT id, path, (SELECT count(*) FROM passages WHERE doc_id = d.id) +"
                         " (SELECT count(*) FROM passage_dups WHERE doc_id = d.id) FROM d");
    if (rc)
        goto out;
    sqlite3_bind_int(st, 2, any_form);
    rc = ZS_ENOTFOUND;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0] && rc == ZS_ENOTFOUND; i++) {
        if (!forms[i])
            continue;
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, forms[i], -1, SQLITE_STATIC);
        int s = sqlite3_step(st);
        if (s == SQLITE_ROW) {
            *id = sqlite3_column_int64(st, 0);
            if (count)
                *count = sqlite3_column_int64(st, 2);
            if (!(*doc = strdup((const char *)sqlite3_column_text(st, 1))))
                rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
            else
                rc = 0;
        } else if (s != SQLITE_DONE) {
            rc = zsd_sqlite_fail(db, "looking up the document");
        }
    }
    if (rc == ZS_ENOTFOUND)
        rc = zsd_fail(db, ZS_ENOTFOUND, "no document '%.300s' in the index", path);
out:
    sqlite3_finalize(st);
    free(abs);
    return rc;
}

/* The passage holding line of document id: 0 in *passage when none. */
static int at_line(zs_db *db, sqlite3_int64 id, long long line, long long *passage)
{
    sqlite3_stmt *st = NULL;
    /* The last passage starting at or before line (the first of a line's
     * passages), the next passage's first line, and the last line known to
     * be in the found passage (its figures'). */
    int rc = zsd_prepare(
        db, &st,
        "WITH p(pid, seq, line) AS (SELECT id, seq, line FROM passages WHERE doc_id = ?1"
        " UNION ALL SELECT passage_id, seq, line FROM passage_dups WHERE doc_id = ?1),"
        " here AS (SELECT pid, seq, line FROM p WHERE line <= ?2 ORDER BY line DESC, seq"
        " LIMIT 1)"
        " SELECT here.seq, (SELECT min(line) FROM p WHERE p.line > here.line),"
        " here.line + coalesce((SELECT max(line) FROM figure_rows WHERE passage_id = here.pid),"
        " 0) FROM here");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, line);
    *passage = 0;
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        int last = sqlite3_column_type(st, 1) == SQLITE_NULL;
        if (!last || line <= sqlite3_column_int64(st, 2))
            *passage = sqlite3_column_int64(st, 0);
        rc = 0;
    } else if (s == SQLITE_DONE) {
        rc = 0;
    } else {
        rc = zsd_sqlite_fail(db, "finding the passage at a line");
    }
    sqlite3_finalize(st);
    return rc;
}

int zs_doc_locate(zs_db *db, const char *path, long long line, char **doc, long long *passage)
{
    sqlite3_int64 id = 0;
    int rc;
    if (!db || !path || !doc || !passage)
        return ZS_EINVAL;
    *doc = NULL;
    *passage = 0;
    db->err[0] = '\0';
    if (strlen(path) >= MAX_PATH_BYTES)
        return zsd_fail(db, ZS_ELIMIT, "path longer than %d bytes", MAX_PATH_BYTES - 1);
    if (line < 1)
        return zsd_fail(db, ZS_EINVAL, "line %lld: lines count from 1", line);
    if ((rc = zsq_doc_find(db, path, 1, &id, doc, NULL)) != 0)
        return rc;
    if ((rc = at_line(db, id, line, passage)) != 0) {
        free(*doc);
        *doc = NULL;
    }
    return rc;
}
