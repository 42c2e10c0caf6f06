/*
 * places.c - every place a passage was printed.
 *
 * A passage repeated verbatim (a page-1 lead printed again inside, a wire
 * story in two papers) is stored once, in its first document; the other
 * places are rows of passage_dups. A reporter needs them all ("pages 1 and
 * 4 of 人民日报 on 2020-01-08, and 经济日报 the next day"), so every hit and
 * figure carries them, with each document's date, outlet and page.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"
#include "search_int.h"
#include "util_int.h"

static const char own_sql[] =
    "SELECT p.seq, p.line, p.col, p.start, p.end, d.path, coalesce(d.given, d.path),"
    " coalesce(d.date, ''), coalesce(d.source, ''), coalesce(d.page, 0)"
    " FROM passages p JOIN docs d ON d.id = p.doc_id WHERE p.id = ?";
static const char also_sql[] =
    "SELECT x.seq, x.line, x.col, x.start, x.end, d.path, coalesce(d.given, d.path),"
    " coalesce(d.date, ''), coalesce(d.source, ''), coalesce(d.page, 0)"
    " FROM passage_dups x JOIN docs d ON d.id = x.doc_id WHERE x.passage_id = ?";

void zsq_places_clear(zsq_places *p)
{
    zsu_strv_free(p->strs, p->nstrs);
    free(p->also);
    memset(p, 0, sizeof *p);
}

/* A copy of column i kept in p; NULL when out of memory. */
static const char *keep(zsq_places *p, sqlite3_stmt *st, int i)
{
    if (p->nstrs == p->capstrs &&
        zsu_grow(&p->strs, &p->capstrs, p->nstrs + 1, sizeof *p->strs, 16) != 0)
        return NULL;
    const unsigned char *t = sqlite3_column_text(st, i);
    char *c = strdup(t ? (const char *)t : "");
    if (c)
        p->strs[p->nstrs++] = c;
    return c;
}

static int row(zsq_places *p, sqlite3_stmt *st, zs_place *out)
{
    out->passage = sqlite3_column_int64(st, 0);
    out->line = sqlite3_column_int64(st, 1);
    out->column = sqlite3_column_int64(st, 2);
    out->start = sqlite3_column_int64(st, 3);
    out->end = sqlite3_column_int64(st, 4);
    out->page = sqlite3_column_int(st, 9);
    return (out->doc = keep(p, st, 5)) && (out->path = keep(p, st, 6)) &&
                   (out->date = keep(p, st, 7)) && (out->source = keep(p, st, 8))
               ? 0
               : ZS_ENOMEM;
}

int zsq_place_cmp(const zs_place *a, const zs_place *b)
{
    int c;
    if (!a->date[0] != !b->date[0])
        return a->date[0] ? -1 : 1;
    if ((c = strcmp(a->date, b->date)) || (c = strcmp(a->path, b->path)))
        return c;
    return ZSU_CMP(a->line, b->line);
}

static int by_place(const void *a, const void *b)
{
    return zsq_place_cmp(a, b);
}

int zsq_places_load(zs_db *db, sqlite3_int64 pid, zsq_places *p)
{
    sqlite3_stmt *st = NULL;
    size_t cap = 0;
    int rc, src;
    memset(p, 0, sizeof *p);
    if ((rc = zsd_cached(db, &st, own_sql)) != 0)
        return rc;
    sqlite3_bind_int64(st, 1, pid);
    src = sqlite3_step(st);
    if (src != SQLITE_ROW) {
        /* Only "no row" means the passage is gone; any other code is
         * SQLite's own error (a damaged file), said as SQLite says it. */
        rc = src == SQLITE_DONE
                 ? zsd_fail(db, ZS_ENOTFOUND, "passage %lld vanished (index changed meanwhile?)",
                            (long long)pid)
                 : zsd_sqlite_fail(db, "reading a passage");
        zsd_release(db, st);
        return rc;
    }
    rc = row(p, st, &p->own);
    zsd_release(db, st);
    st = NULL;
    if (rc || (rc = zsd_cached(db, &st, also_sql)) != 0)
        goto out;
    sqlite3_bind_int64(st, 1, pid);
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (p->nalso == cap && zsu_grow(&p->also, &cap, p->nalso + 1, sizeof *p->also, 4) != 0) {
            rc = ZS_ENOMEM;
            goto out;
        }
        if ((rc = row(p, st, &p->also[p->nalso])) != 0)
            goto out;
        p->nalso++;
    }
    if (src != SQLITE_DONE)
        rc = zsd_sqlite_fail(db, "listing the places of a passage");
    if (p->nalso > 1)
        qsort(p->also, p->nalso, sizeof *p->also, by_place);
out:
    zsd_release(db, st);
    if (rc == ZS_ENOMEM)
        zsd_fail(db, rc, "out of memory");
    return rc;
}

void zsq_places_prefer(zsq_places *pl, const char *doc, long long seq)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < pl->nalso; i++) {
        if (doc ? !strcmp(pl->also[i].doc, doc) && (!seq || pl->also[i].passage == seq)
                : zsq_place_cmp(&pl->also[i], best == SIZE_MAX ? &pl->own : &pl->also[best]) < 0)
            best = i;
        if (doc && best != SIZE_MAX)
            break;
    }
    if (best == SIZE_MAX || (doc && !strcmp(pl->own.doc, doc) && (!seq || pl->own.passage == seq)))
        return;
    zs_place t = pl->own;
    pl->own = pl->also[best];
    pl->also[best] = t;
    size_t k = best; /* keep also sorted */
    while (k > 0 && zsq_place_cmp(&pl->also[k], &pl->also[k - 1]) < 0) {
        zs_place x = pl->also[k];
        pl->also[k] = pl->also[k - 1];
        pl->also[--k] = x;
    }
    while (k + 1 < pl->nalso && zsq_place_cmp(&pl->also[k], &pl->also[k + 1]) > 0) {
        zs_place x = pl->also[k];
        pl->also[k] = pl->also[k + 1];
        pl->also[++k] = x;
    }
}

void zsq_places_prefer_match(zsq_places *pl, const zsq_parsed *pq)
{
    zsq_places_prefer(pl, NULL, 0);
    if ((!pq->has_date && !pq->nsources) || zsq_doc_match(pq, pl->own.date, pl->own.source))
        return;
    for (size_t i = 0; i < pl->nalso; i++) /* sorted by date: the first printing that matches */
        if (zsq_doc_match(pq, pl->also[i].date, pl->also[i].source)) {
            zs_place m = pl->also[i];
            zsq_places_prefer(pl, m.doc, m.passage);
            return;
        }
}

/* The path shown for a place: below the current folder, relative to it
 * (what a reader can open from here); else as given to zs_index_paths(). */
const char *zs_place_path(const zs_place *p)
{
    char cwd[4096];
    size_t n;
    if (p->doc[0] == '/' && getcwd(cwd, sizeof cwd) && (n = strlen(cwd)) > 1 &&
        !strncmp(p->doc, cwd, n) && p->doc[n] == '/')
        return p->doc + n + 1;
    return p->path && p->path[0] ? p->path : p->doc;
}
