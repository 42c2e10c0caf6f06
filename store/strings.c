/*
 * strings.c - the writer's interned strings (the strings table).
 *
 * A news index holds about one figure per 150 bytes of text, each with a
 * unit, a class, a metric as normalized and as printed, and a park: a few
 * hundred distinct strings repeated a million times. The figure rows store
 * their ids; this cache turns a string into its id without a query, using
 * the C library's binary tree (tsearch) of the strings this run has used.
 * The table is not loaded at open: a run that re-indexes a few files uses a
 * few hundred of its strings, and loading all (realnews-dev: 37,481) was a
 * quarter of such a run's instructions. A string not in the tree is looked
 * up in the table, unless the table was empty at open (a first build: the
 * tree then holds every string there is). Ids are never reused or
 * collected: the table only grows, by a few thousand rows at most.
 *
 * A new string takes the id SQLite would give it (the largest plus one,
 * counted here from the table's largest at open) and its row waits in a
 * batch (rowbatch.c) until zsd_strings_flush(): 6,225 new strings of 2,000
 * news articles took 46 M instructions one statement each.
 */
#define _GNU_SOURCE /* tdestroy */
#include <search.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

typedef struct str_entry {
    sqlite3_int64 id;
    char s[]; /* NUL-terminated */
} str_entry;

/* In front of the tree, a direct-mapped cache by FNV-1a hash: five lookups
 * per figure walked the tree with strcmp (news-100: 0.93 s of the writer
 * went to figures); a cached string costs one strcmp. Entries live until
 * zsd_strings_free(), so the cached pointers stay valid. */
#define CACHE_SLOTS 512

struct zsd_strings {
    zs_db *db;
    void *root;
    zsd_rowbatch ins;   /* new strings' rows, waiting */
    sqlite3_int64 last; /* the largest id given */
    sqlite3_stmt *find; /* NULL when the tree holds the whole table */
    const str_entry *cache[CACHE_SLOTS];
};

static size_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h % CACHE_SLOTS;
}

static int by_s(const void *a, const void *b)
{
    return strcmp(((const str_entry *)a)->s, ((const str_entry *)b)->s);
}

static int add(zsd_strings *t, const char *s, sqlite3_int64 id, const char **kept)
{
    size_t n = strlen(s);
    str_entry *e = malloc(sizeof *e + n + 1);
    if (!e)
        return ZS_ENOMEM;
    e->id = id;
    memcpy(e->s, s, n + 1);
    str_entry **slot = tsearch(e, &t->root, by_s);
    if (!slot) {
        free(e);
        return ZS_ENOMEM;
    }
    if (*slot != e) /* already there (cannot happen: s is UNIQUE) */
        free(e);
    *kept = (*slot)->s;
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
    if (!empty && (rc = zsd_prepare(db, &t->find, "SELECT id FROM strings WHERE s=?")) != 0)
        goto fail;
    /* OR IGNORE: see rowbatch.c; the id and the string are both new. */
    if ((rc = zsd_rowbatch_open(&t->ins, db, "INSERT OR IGNORE INTO strings(id, s) VALUES", 2)) !=
        0)
        goto fail;
    *out = t;
    return 0;
fail:
    zsd_strings_free(t);
    return rc;
}

int zsd_strings_id(zsd_strings *t, const char *s, sqlite3_int64 *id)
{
    size_t n = strlen(s), slot = fnv1a(s, n);
    const str_entry *c = t->cache[slot];
    if (c && !strcmp(c->s, s)) {
        *id = c->id;
        return 0;
    }
    char key[sizeof(str_entry) + 64];
    str_entry *k = (str_entry *)key;
    str_entry *big = NULL;
    if (n < 64) {
        memcpy(k->s, s, n + 1);
    } else if ((big = malloc(sizeof *big + n + 1)) != NULL) {
        memcpy(big->s, s, n + 1);
        k = big;
    } else {
        return zsd_fail(t->db, ZS_ENOMEM, "out of memory");
    }
    str_entry **hit = tfind(k, &t->root, by_s);
    free(big);
    if (hit) {
        t->cache[slot] = *hit;
        *id = (*hit)->id;
        return 0;
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
    if (add(t, s, *id, &kept))
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
    tdestroy(t->root, free);
    zsd_rowbatch_close(&t->ins);
    sqlite3_finalize(t->find);
    free(t);
}
