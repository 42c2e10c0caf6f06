/*
 * parks.c - zs_parks_list: zones with their aliases and passage counts.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "search_int.h"
#include "store_int.h"

/* The other names of zone park into aliases[0..*n) (each strdup'd; the
 * array grows as zsu_grow does). @return 0, ZS_ENOMEM or ZS_ESQLITE. */
static int read_aliases(zs_db *db, const char *park, const char ***aliases, size_t *cap, size_t *n)
{
    sqlite3_stmt *al = NULL;
    int rc = zsd_cached(db, &al,
                        "SELECT alias FROM park_aliases WHERE park = ?1 AND alias <> ?1"
                        " ORDER BY length(alias), alias");
    if (rc)
        return rc;
    sqlite3_bind_text(al, 1, park, -1, SQLITE_STATIC);
    while (sqlite3_step(al) == SQLITE_ROW) {
        if (*n == *cap && zsu_grow(aliases, cap, *n + 1, sizeof **aliases, 8) != 0) {
            rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
            break;
        }
        /* valid until the next step of al: copied */
        const char *a = (const char *)sqlite3_column_text(al, 0);
        if (!a || !((*aliases)[*n] = strdup(a))) {
            rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
            break;
        }
        (*n)++;
    }
    zsd_release(db, al);
    return rc;
}

int zs_parks_list(zs_db *db, zs_park_fn fn, void *ctx)
{
    sqlite3_stmt *st = NULL;
    const char **aliases = NULL;
    size_t cap = 0;
    int rc;

    if (!db || !fn)
        return ZS_EINVAL;
    /* The full gazetteer: a zone found by pattern gets its province and
     * city from the place its name starts with (the word lexicon). NULL:
     * nothing known beyond the index. */
    zsi_gazetteer *gaz = NULL;
    char gerr[128];
    if (zsi_gazetteer_open(&gaz, gerr, sizeof gerr) != 0)
        gaz = NULL;
    if ((rc = zsd_prepare(db, &st,
                          "SELECT park, count(*) FROM passage_parks GROUP BY park"
                          " ORDER BY count(*) DESC, park")) != 0)
        goto out;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        zs_park p = {(const char *)sqlite3_column_text(st, 0),
                     NULL,
                     0,
                     sqlite3_column_int64(st, 1),
                     "",
                     "",
                     "",
                     "",
                     0};
        zsi_park_info info;
        zsi_park_info_get(gaz, p.name, p.name ? strlen(p.name) : 0, &info);
        p.level = info.level;
        p.kind = info.kind;
        p.province = info.province;
        p.city = info.city;
        p.listed = info.listed;
        rc = read_aliases(db, p.name, &aliases, &cap, &p.naliases);
        p.aliases = aliases;
        if (!rc)
            rc = fn(ctx, &p);
        for (size_t i = 0; i < p.naliases; i++)
            free((void *)aliases[i]);
        if (rc)
            goto out;
    }
    if (src != SQLITE_DONE)
        rc = zsd_sqlite_fail(db, "listing parks");
out:
    zsi_gazetteer_free(gaz);
    free(aliases);
    sqlite3_finalize(st);
    return rc;
}
