/*
 * dbstate.c - what the query layer keeps on a zs_db from one query to the
 * next: the segmenter that parses queries and the gazetteer's zone names,
 * each opened on first use. The store holds them as an opaque pointer
 * (zs_db.query) with the function that frees it, so that store/ knows
 * nothing of the layers above it.
 */
#include <stdlib.h>

#include "store_int.h"
#include "extract_int.h"
#include "query_int.h"
#include "search_int.h"

typedef struct state {
    zs_seg *seg;
    zsi_gazetteer *gaz;
} state;

static void state_free(void *p)
{
    state *s = p;
    if (!s)
        return;
    zs_seg_free(s->seg);
    zsi_gazetteer_free(s->gaz);
    free(s);
}

/* db's state, made on first use; NULL when out of memory. */
static state *state_of(zs_db *db)
{
    if (!db->query) {
        if (!(db->query = calloc(1, sizeof(state))))
            return NULL;
        db->query_free = state_free;
    }
    return db->query;
}

int zsq_seg(zs_db *db, zs_seg **out)
{
    state *s = state_of(db);
    if (!s)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    if (!s->seg) {
        int rc = zs_seg_open(&s->seg);
        if (rc)
            return zsd_fail(db, rc, "cannot open the segmenter (ICU): %s", zs_strerror(rc));
    }
    *out = s->seg;
    return 0;
}

const struct zsi_gazetteer *zsq_gazetteer(zs_db *db)
{
    state *s = state_of(db);
    if (s && !s->gaz) {
        char err[128];
        /* Names and aliases only: a query never looks for names in text. */
        if (zsi_gazetteer_open_names(&s->gaz, err, sizeof err) != 0)
            s->gaz = NULL;
    }
    return s ? s->gaz : NULL;
}

int zsq_read_begin(zs_db *db)
{
    sqlite3_stmt *st = NULL;
    if (!sqlite3_get_autocommit(db->h) || zsd_cached(db, &st, "BEGIN") != 0)
        return 0;
    int rc = sqlite3_step(st);
    zsd_release(db, st);
    return rc == SQLITE_DONE;
}

void zsq_read_end(zs_db *db, int began)
{
    sqlite3_stmt *st = NULL;
    if (!began || sqlite3_get_autocommit(db->h))
        return;
    if (zsd_cached(db, &st, "COMMIT") == 0) {
        sqlite3_step(st);
        zsd_release(db, st);
    }
    if (!sqlite3_get_autocommit(db->h)) /* COMMIT failed: a read has nothing to lose */
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}
