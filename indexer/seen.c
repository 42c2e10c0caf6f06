/*
 * seen.c - during a first build, the passages stored so far, by hash.
 *
 * Every passage is looked up before it is stored, to keep repeats once.
 * Through SQLite that means keeping the index passages_hash up to date,
 * one random B-tree insert per passage: 1.2 s of the single writer's 9.9 s
 * on 100 MB of real text (the lookup itself warms the pages the insert
 * needs, so skipping only the lookup saved nothing). A build into an empty
 * index instead keeps hash -> passage id here, and passages_hash is made
 * at the end by one sort, like the other late indexes (db.c).
 *
 * Memory is fixed whatever the corpus: 2^22 slots of 8 bytes (32 MiB,
 * touched only as it fills). A slot holds the hash's high 32 bits and the
 * passage id; the slot's place is given by the low bits, so a match is a
 * candidate on about 54 bits, which the writer confirms on the text. When
 * the table is 70% full (2.9 million passages, some 400 MB of news), the
 * writer makes passages_hash and goes on with SQL lookups. Tests set a
 * lower limit with $ZHAOSHU_SEEN_MAX to take that path on a small corpus.
 *
 * The workers' hints (zsd_hints) come before: a news corpus repeats 28% of
 * its bytes (bylines, boilerplate, reprinted articles), and segmenting,
 * extracting and compressing a passage the writer will only record as a
 * repeat is wasted work on the cores the workers share. A worker asks, for
 * each passage of job J, whether an earlier job or an earlier passage of J
 * had the same hash. The table is lossy and shared without locks: a word
 * per slot holds 40 more bits of the hash and J + 1, read and written
 * atomically. A wrong "yes" costs only time (the writer, finding no such
 * passage, prepares it itself); a wrong "no" costs the work it would have
 * saved. $ZHAOSHU_REPEAT_ALL makes every answer "yes", so tests can check
 * that the writer's own preparation stores the same index.
 */
#include <stdlib.h>

#include "db_int.h"

#define SEEN_SLOTS_LOG2 22
#define SEEN_SLOTS (UINT64_C(1) << SEEN_SLOTS_LOG2)
#define SEEN_MAX (SEEN_SLOTS / 10 * 7)

struct zsd_seen {
    uint64_t *slot; /* first: see table_new(). (hash >> 32) << 32 | id; 0 is empty */
    size_t n, max;
};

/* Both tables here are a struct whose first member is its slot array. */
static void *table_new(size_t struct_bytes, size_t nslots)
{
    uint64_t **t = calloc(1, struct_bytes);
    if (t && !(*t = calloc(nslots, sizeof **t))) {
        free(t);
        t = NULL;
    }
    return t;
}

static void table_free(void *t)
{
    if (t)
        free(*(uint64_t **)t);
    free(t);
}

int zsd_seen_open(zsd_seen **out)
{
    zsd_seen *s = table_new(sizeof *s, SEEN_SLOTS);
    *out = NULL;
    if (!s)
        return ZS_ENOMEM;
    const char *e = getenv("ZHAOSHU_SEEN_MAX");
    s->max = e && *e ? (size_t)strtoull(e, NULL, 10) : SEEN_MAX;
    if (s->max > SEEN_MAX)
        s->max = SEEN_MAX;
    *out = s;
    return 0;
}

void zsd_seen_free(zsd_seen *s)
{
    table_free(s);
}

int zsd_seen_add(zsd_seen *s, uint64_t hash, sqlite3_int64 id)
{
    if (s->n >= s->max || id <= 0 || id > UINT32_MAX)
        return 0;
    uint64_t i = hash & (SEEN_SLOTS - 1);
    while (s->slot[i])
        i = (i + 1) & (SEEN_SLOTS - 1);
    s->slot[i] = (hash >> 32) << 32 | (uint64_t)id;
    s->n++;
    return 1;
}

sqlite3_int64 zsd_seen_next(const zsd_seen *s, uint64_t hash, size_t *cursor)
{
    uint64_t i = (hash + *cursor) & (SEEN_SLOTS - 1);
    for (; s->slot[i]; i = (i + 1) & (SEEN_SLOTS - 1)) {
        ++*cursor;
        if (s->slot[i] >> 32 == hash >> 32)
            return (sqlite3_int64)(s->slot[i] & UINT32_MAX);
    }
    return 0;
}

#define HINT_SLOTS_LOG2 19 /* 4 MiB */
#define HINT_SLOTS (UINT64_C(1) << HINT_SLOTS_LOG2)
#define HINT_JOB_BITS 24
#define HINT_JOB_MASK ((UINT64_C(1) << HINT_JOB_BITS) - 1)
#define HINT_TAG_MASK ((UINT64_C(1) << (64 - HINT_JOB_BITS)) - 1)

struct zsd_hints {
    uint64_t *slot; /* first. tag << HINT_JOB_BITS | (job + 1); 0 is empty */
    int all;
};

int zsd_hints_open(zsd_hints **out)
{
    zsd_hints *h = table_new(sizeof *h, HINT_SLOTS);
    *out = NULL;
    if (!h)
        return ZS_ENOMEM;
    h->all = getenv("ZHAOSHU_REPEAT_ALL") != NULL;
    *out = h;
    return 0;
}

void zsd_hints_free(zsd_hints *h)
{
    table_free(h);
}

int zsd_hints_repeat(zsd_hints *h, uint64_t hash, size_t job)
{
    if (h->all)
        return 1;
    if (job + 1 > HINT_JOB_MASK)
        return 0;
    uint64_t *p = &h->slot[hash & (HINT_SLOTS - 1)];
    uint64_t tag = (hash >> HINT_SLOTS_LOG2) & HINT_TAG_MASK;
    uint64_t cur = __atomic_load_n(p, __ATOMIC_RELAXED);
    if (cur && cur >> HINT_JOB_BITS == tag) {
        if ((cur & HINT_JOB_MASK) <= job + 1)
            return 1;
    }
    __atomic_store_n(p, tag << HINT_JOB_BITS | (job + 1), __ATOMIC_RELAXED);
    return 0;
}
