/*
 * strings.c - the writer's interned strings (the strings table).
 *
 * A news index holds about one figure per 150 bytes of text, each with a
 * unit, a class, a metric as normalized and as printed, and a park: a few
 * hundred distinct strings repeated a million times. The figure rows store
 * their ids; this cache turns a string into its id without a query, using
 * a hash table of the strings this run has used (open addressing, at most
 * half full). The table is not loaded at open: a run that re-indexes a few files uses a
 * few hundred of its strings, and loading all (realnews-dev: 37,481) was a
 * quarter of such a run's instructions. A string not in the hash table is
 * looked up in the strings table, unless that was empty at open (a first
 * build: the hash table then holds every string there is). Ids are never reused or
 * collected: the table only grows, by a few thousand rows at most.
 *
 * A new string takes the id SQLite would give it (the largest plus one,
 * counted here from the table's largest at open) and its row waits in a
 * batch (rowbatch.c) until zsd_strings_flush(): 6,225 new strings of 2,000
 * news articles took 46 M instructions one statement each.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

typedef struct str_entry {
    sqlite3_int64 id;
    uint64_t h; /* hash(s) */
    char s[];   /* NUL-terminated */
} str_entry;

/* Slots of a new table; it doubles when half full. A binary tree of the
 * strings (tsearch) with a 512-slot cache in front had the writer walk
 * some 15 levels of strcmp on a cache miss: realnews-dev has 37,481
 * strings, and tfind and strcmp were 4.3% of the writer thread's time
 * (perf record, a full build of realnews-dev). */
#define FIRST_SLOTS 1024u

struct zsd_strings {
    zs_db *db;
    str_entry **slot; /* nslot entries, NULL or a string */
    size_t nslot, nused;
    zsd_rowbatch ins;   /* new strings' rows, waiting */
    sqlite3_int64 last; /* the largest id given */
    sqlite3_stmt *find; /* NULL when the table here holds the whole table */
};

/* FNV-1a, 64 bits */
static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The slot that holds s (hash h), or the empty slot where it would go. */
static str_entry **slot_of(const zsd_strings *t, const char *s, uint64_t h)
{
    size_t mask = t->nslot - 1, i = (size_t)h & mask;
    while (t->slot[i] && (t->slot[i]->h != h || strcmp(t->slot[i]->s, s) != 0))
        i = (i + 1) & mask;
    return &t->slot[i];
}

/* Double the table. @return 0 or ZS_ENOMEM (the table as it was). */
static int grow(zsd_strings *t)
{
    size_t n = t->nslot ? t->nslot * 2 : FIRST_SLOTS;
    str_entry **old = t->slot, **v = calloc(n, sizeof *v);
    size_t nold = t->nslot;
    if (!v)
        return ZS_ENOMEM;
    t->slot = v;
    t->nslot = n;
    for (size_t i = 0; i < nold; i++)
        if (old[i])
            *slot_of(t, old[i]->s, old[i]->h) = old[i];
    free(old);
    return 0;
}

static int add(zsd_strings *t, const char *s, size_t n, uint64_t h, sqlite3_int64 id,
               const char **kept)
{
    if ((t->nused + 1) * 2 > t->nslot && grow(t) != 0)
        return ZS_ENOMEM;
    str_entry **at = slot_of(t, s, h);
    if (!*at) { /* (always: s was not there) */
        str_entry *e = malloc(sizeof *e + n + 1);
        if (!e)
            return ZS_ENOMEM;
        e->id = id;
        e->h = h;
        memcpy(e->s, s, n + 1);
        *at = e;
        t->nused++;
    }
    *kept = (*at)->s;
    return 0;
}

int zsd_strings_open(zsd_strings **out, zs_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc, src;
    zsd_strings *t = calloc(1, sizeof *t);

    *out = NULL;
    if (!t)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    t->db = db;
    if ((rc = zsd_prepare(db, &st, "SELECT max(id) FROM strings")) != 0)
        goto fail;
    src = sqlite3_step(st);
    int empty = src == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_NULL;
    t->last = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (src != SQLITE_ROW) {
        rc = zsd_sqlite_fail(db, "reading the strings table");
        goto fail;
    }
    if (!empty && (rc = zsd_prepare(db, &t->find,
                                    "SELECT id FROM strings WHERE " ZSD_STRING_BY_TEXT("?1"))) != 0)
        goto fail;
    /* OR IGNORE: see rowbatch.c; the id and the string are both new. */
    if ((rc = zsd_rowbatch_open(&t->ins, db, "INSERT OR IGNORE INTO strings(id, s) VALUES", 2)) !=
        0)
        goto fail;
    /* Into a table that has strings_key (any but a first build's: db.c,
     * zsd_late_indexes), several rows a statement would make FTS5 flush its
     * pending terms at each (a statement transaction); a run adds a few
     * strings to such a table, one a statement. */
    t->ins.single = !empty;
    *out = t;
    return 0;
fail:
    zsd_strings_free(t);
    return rc;
}

int zsd_strings_id(zsd_strings *t, const char *s, sqlite3_int64 *id)
{
    size_t n = strlen(s);
    uint64_t h = hash(s, n);
    if (t->nslot) {
        const str_entry *hit = *slot_of(t, s, h);
        if (hit) {
            *id = hit->id;
            return 0;
        }
    }
    int src = SQLITE_DONE;
    if (t->find) { /* stored by an earlier run? */
        sqlite3_bind_text(t->find, 1, s, (int)n, SQLITE_STATIC);
        src = sqlite3_step(t->find);
        if (src == SQLITE_ROW)
            *id = sqlite3_column_int64(t->find, 0);
        sqlite3_reset(t->find);
        if (src != SQLITE_ROW && src != SQLITE_DONE)
            return zsd_sqlite_fail(t->db, "reading the strings table");
    }
    if (src == SQLITE_DONE)
        *id = ++t->last;
    const char *kept = NULL;
    if (add(t, s, n, h, *id, &kept))
        return zsd_fail(t->db, ZS_ENOMEM, "out of memory");
    if (src == SQLITE_DONE) {
        int rc;
        zsd_val *v = zsd_rowbatch_add(&t->ins, "storing a string", &rc);
        if (!v)
            return rc;
        v[0] = (zsd_val){.type = SQLITE_INTEGER, .i = *id};
        v[1] = (zsd_val){.type = SQLITE_TEXT, .t = kept, .n = (int)n};
    }
    return 0;
}

int zsd_strings_flush(zsd_strings *t)
{
    return zsd_rowbatch_flush(&t->ins, "storing a string");
}

void zsd_strings_free(zsd_strings *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nslot; i++)
        free(t->slot[i]);
    free(t->slot);
    zsd_rowbatch_close(&t->ins);
    sqlite3_finalize(t->find);
    free(t);
}
