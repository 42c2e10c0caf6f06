/*
 * repeats.c - the writer's memory of passages that were printed again.
 *
 * Before storing a passage the writer asks whether its text is stored
 * already (seen.c gives candidates, SQLite confirms on the text). On news
 * half the passages are repeats, and most of those are a few texts printed
 * thousands of times: bylines, boilerplate, a notice run every day
 * (news-200: 511,187 repeats of 41,109 passages). Confirming each one read
 * the stored row and decompressed it, 1.7 s of the writer's 14 s. Here the
 * texts confirmed once are kept, so the next repeat of the same text is a
 * memcmp.
 *
 * Direct-mapped by hash, replaced on collision; only texts of at most
 * REPEAT_TEXT_MAX bytes, so the memory is bounded (slots x max, 4 MiB).
 * A kept id is trusted without asking SQLite, so whoever deletes passages
 * must call zsd_repeats_clear() (ids of deleted rows can be reused).
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define REPEAT_SLOTS 4096
#define REPEAT_TEXT_MAX 1024

typedef struct repeat {
    uint64_t hash;
    sqlite3_int64 id; /* 0: empty */
    size_t n;
    char *text;
} repeat;

struct zsd_repeats {
    repeat slot[REPEAT_SLOTS];
};

int zsd_repeats_open(zsd_repeats **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? 0 : ZS_ENOMEM;
}

void zsd_repeats_clear(zsd_repeats *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < REPEAT_SLOTS; i++) {
        free(r->slot[i].text);
        r->slot[i] = (repeat){0};
    }
}

void zsd_repeats_free(zsd_repeats *r)
{
    zsd_repeats_clear(r);
    free(r);
}

sqlite3_int64 zsd_repeats_find(const zsd_repeats *r, uint64_t hash, const char *text, size_t n)
{
    const repeat *e = &r->slot[hash % REPEAT_SLOTS];
    if (e->id && e->hash == hash && e->n == n && !memcmp(e->text, text, n))
        return e->id;
    return 0;
}

void zsd_repeats_keep(zsd_repeats *r, uint64_t hash, sqlite3_int64 id, const char *text, size_t n)
{
    if (n > REPEAT_TEXT_MAX || id <= 0)
        return;
    repeat *e = &r->slot[hash % REPEAT_SLOTS];
    char *copy = n <= e->n && e->text ? e->text : realloc(e->text, n ? n : 1);
    if (!copy)
        return; /* only a cache: the next repeat asks SQLite */
    memcpy(copy, text, n);
    *e = (repeat){hash, id, n, copy};
}
