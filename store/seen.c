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
 * A first build's memory is fixed whatever the corpus: 2^22 slots of 8
 * bytes (32 MiB); a later run's is sized to the index (load_slots()).
 * A slot holds the hash's high 32 bits (what passage_hashes keeps) and the
 * passage id; the slot's place is given by those bits too, so a later run
 * fills the table from the stored hashes alone (zsd_seen_load()) and a match is
 * a candidate on 32 bits, which the writer confirms on the text. When
 * the table is 70% full (2.9 million passages, some 400 MB of news), the
 * writer makes passages_hash and goes on with SQL lookups. Tests set a
 * lower limit (zs_index_opts.seen_max) to take that path on a small corpus.
 *
 * A later run into an index that has no passages_hash fills the table from
 * the table passage_hashes (hashes.c: 4 bytes a passage, apart from the
 * bodies), rather than keep that index for every index (2.2 of
 * realnews-dev's 91 MB, 9.4 of 198 on the bench's real 90 MB of short
 * passages).
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
 * saved. ZS_INDEX_GUESS_REPEATS makes every answer "yes", so tests can check
 * that the writer's own preparation stores the same index.
 */
#include <stdlib.h>
#include <sys/mman.h>

#include "store_int.h"

#define SEEN_SLOTS_LOG2 22
#define SEEN_SLOTS (UINT64_C(1) << SEEN_SLOTS_LOG2)

struct zsd_seen {
    uint64_t *slot; /* first: see table_new(). (hash >> 32) << 32 | id; 0 is empty */
    size_t n, max;
    uint64_t mask;   /* slots - 1: SEEN_SLOTS for a first build, fewer after */
    size_t user_max; /* zs_index_opts.seen_max, 0 if none */
    unsigned long long input_bytes;
};

/* Input size from which the tables are faulted in at once (see below). */
#define POPULATE_FROM_BYTES (16ull << 20)

/*
 * Both tables here are a struct whose first member is its slot array.
 *
 * The array is its own mapping; for a large input it is faulted in whole
 * at once, in huge pages where the kernel has them. Left to fill lazily, a
 * lookup first mapped each page to the shared zero page and the insert
 * after it took a copy-on-write fault with a TLB flush on every core (perf:
 * 3.6% of the writer's time on news-100 in zsd_seen_add's faults; news-200
 * 13.3 -> 12.9 s). Random probes of 32 MiB also miss the TLB less in 2 MiB
 * pages. A small input keeps lazy small pages (five files: 13 MB of RSS,
 * not 48).
 */
static void *table_new(size_t struct_bytes, size_t nslots, unsigned long long input_bytes)
{
    uint64_t **t = calloc(1, struct_bytes);
    size_t bytes = nslots * sizeof **t;
    if (!t)
        return NULL;
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        free(t);
        return NULL;
    }
    if (input_bytes >= POPULATE_FROM_BYTES) {
#ifdef MADV_HUGEPAGE
        madvise(m, bytes, MADV_HUGEPAGE); /* a hint: fine if refused */
#endif
#ifdef MADV_POPULATE_WRITE
        madvise(m, bytes, MADV_POPULATE_WRITE); /* Linux >= 5.14; else lazily */
#endif
    }
    *t = m;
    return t;
}

static void table_free(void *t, size_t nslots)
{
    if (t)
        munmap(*(uint64_t **)t, nslots * sizeof(uint64_t));
    free(t);
}

static int seen_new(zsd_seen **out, uint64_t nslots, unsigned long long input_bytes, size_t max)
{
    zsd_seen *s = table_new(sizeof *s, nslots, input_bytes);
    size_t full = nslots / 10 * 7;
    *out = NULL;
    if (!s)
        return ZS_ENOMEM;
    s->mask = nslots - 1;
    s->max = max && max < full ? max : full;
    s->user_max = max;
    s->input_bytes = input_bytes;
    *out = s;
    return 0;
}

zsd_seen *zsd_seen_grown(const zsd_seen *s)
{
    zsd_seen *g = NULL;
    uint64_t nslots = (s->mask + 1) * 4;
    if (s->n < s->max || (s->user_max && s->n >= s->user_max) || nslots > SEEN_SLOTS ||
        seen_new(&g, nslots, s->input_bytes, s->user_max) != 0)
        return NULL;
    for (uint64_t i = 0; i <= s->mask; i++)
        if (s->slot[i]) {
            uint64_t j = (s->slot[i] >> 32) & g->mask;
            while (g->slot[j])
                j = (j + 1) & g->mask;
            g->slot[j] = s->slot[i];
        }
    g->n = s->n;
    return g;
}

int zsd_seen_open(zsd_seen **out, unsigned long long input_bytes, size_t max)
{
    return seen_new(out, SEEN_SLOTS, input_bytes, max);
}

void zsd_seen_free(zsd_seen *s)
{
    if (s)
        table_free(s, s->mask + 1);
}

int zsd_seen_add(zsd_seen *s, uint64_t hash, sqlite3_int64 id)
{
    if (s->n >= s->max || id <= 0 || id > UINT32_MAX)
        return 0;
    uint64_t i = (hash >> 32) & s->mask;
    while (s->slot[i])
        i = (i + 1) & s->mask;
    /* atomic: workers read the table meanwhile (zsd_seen_has()) */
    __atomic_store_n(&s->slot[i], (hash >> 32) << 32 | (uint64_t)id, __ATOMIC_RELAXED);
    s->n++;
    return 1;
}

int zsd_seen_has(const zsd_seen *s, uint64_t hash)
{
    uint64_t i = (hash >> 32) & s->mask, v;
    while ((v = __atomic_load_n(&s->slot[i], __ATOMIC_RELAXED)) != 0) {
        if (v >> 32 == hash >> 32)
            return 1;
        i = (i + 1) & s->mask;
    }
    return 0;
}

sqlite3_int64 zsd_seen_next(const zsd_seen *s, uint64_t hash, size_t *cursor)
{
    uint64_t i = ((hash >> 32) + *cursor) & s->mask;
    for (; s->slot[i]; i = (i + 1) & s->mask) {
        ++*cursor;
        if (s->slot[i] >> 32 == hash >> 32)
            return (sqlite3_int64)(s->slot[i] & UINT32_MAX);
    }
    return 0;
}

/* Most stored passages read per passage a run may bring (input bytes / 256). */
#define LOAD_MAX_RATIO 256.0
#define LOAD_MIN_SLOTS_LOG2 16

/*
 * A later run's table holds the stored passages and a quarter more, not a
 * first build's fixed 32 MiB: re-indexing 1% of realnews-dev (172,000
 * stored passages) faulted in 32 MiB for 1.4 MiB of entries. How many
 * passages the run brings is unknown here (its files are hashed later, and
 * most are unchanged), so a run that brings more makes the writer grow
 * the table (zsd_seen_grown()) up to the first build's size.
 */
static uint64_t load_slots(double stored)
{
    double need = stored * 1.25 + 4096.0;
    uint64_t n = UINT64_C(1) << LOAD_MIN_SLOTS_LOG2;
    while (n < SEEN_SLOTS && (double)(n / 10 * 7) < need)
        n <<= 1;
    return n;
}

static int load_one(void *arg, sqlite3_int64 id, uint32_t hash)
{
    return zsd_seen_add(arg, (uint64_t)hash << 32, id) ? 0 : 1;
}

int zsd_seen_load(zsd_seen **out, zs_db *db, unsigned long long input_bytes, size_t max)
{
    int rc;
    *out = NULL;
    if (zsd_query_int(db, "SELECT 1 FROM sqlite_master WHERE name = 'passages_hash'", 0))
        return 0;
    /* A run far smaller than the index (zs_index_buffer() per article) would
     * read every stored hash for a few passages: SQLite finds them, through
     * passages_hash made once and kept for the next such runs. */
    double stored = zsd_query_int(db, "SELECT coalesce(max(id), 0) FROM passages", 0);
    if (stored > LOAD_MAX_RATIO * ((double)input_bytes / 256.0 + 16.0))
        return zsd_exec(db, ZSD_PASSAGES_HASH_INDEX);
    if ((rc = seen_new(out, load_slots(stored), input_bytes, max)) != 0)
        return zsd_fail(db, rc, "out of memory");
    /* From passage_hashes (hashes.c), not passages: that read the bodies. */
    rc = zsd_hashes_load(db, load_one, *out);
    if (rc == 1) {
        /* Too many for memory: SQLite finds them, as past the limit of a
         * first build. */
        zsd_seen_free(*out);
        *out = NULL;
        return zsd_exec(db, ZSD_PASSAGES_HASH_INDEX);
    }
    if (rc) {
        zsd_seen_free(*out);
        *out = NULL;
    }
    return rc;
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

int zsd_hints_open(zsd_hints **out, unsigned long long input_bytes, int all)
{
    zsd_hints *h = table_new(sizeof *h, HINT_SLOTS, input_bytes);
    *out = NULL;
    if (!h)
        return ZS_ENOMEM;
    h->all = all;
    *out = h;
    return 0;
}

void zsd_hints_free(zsd_hints *h)
{
    table_free(h, HINT_SLOTS);
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
