/*
 * lexicon.c - the domain lexicon: a hash set of normalized words.
 *
 * Words found here become WORD tokens colocated with their first character,
 * which only changes ranking (recall rests on single characters). Entries are
 * normalized exactly as text is (zss_normalize), so 高新區 in a user file
 * still matches 高新区 in text. Open addressing, power-of-two table, FNV-1a.
 */
#include <stdlib.h>
#include <string.h>

#include "segment_int.h"
#include "util_int.h"

extern const char zs_data_lexicon[];
extern const size_t zs_data_lexicon_len;

typedef struct slot {
    uint32_t hash;
    uint32_t off; /* into pool; 0 = empty (pool[0] is unused) */
    int32_t len;
} slot;

struct zss_lexicon {
    slot *slots;
    uint32_t mask;
    uint32_t count;
    UChar *pool;
    size_t npool, cappool;
    int32_t maxlen;
    /* first units of words, by u % 4096: most characters start no word */
    unsigned char first[4096];
};

static uint32_t hash_u16(const UChar *u, int32_t n)
{
    uint32_t h = 2166136261u;
    for (int32_t i = 0; i < n; i++) {
        h ^= u[i];
        h *= 16777619u;
    }
    return h;
}

static int grow(zss_lexicon *lx)
{
    uint32_t ncap = lx->slots ? (lx->mask + 1) * 2 : 256;
    slot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return ZS_ENOMEM;
    for (uint32_t i = 0; lx->slots && i <= lx->mask; i++) {
        if (!lx->slots[i].off)
            continue;
        uint32_t j = lx->slots[i].hash & (ncap - 1);
        while (ns[j].off)
            j = (j + 1) & (ncap - 1);
        ns[j] = lx->slots[i];
    }
    free(lx->slots);
    lx->slots = ns;
    lx->mask = ncap - 1;
    return 0;
}

int zss_lexicon_has(const zss_lexicon *lx, const UChar *u, int32_t n)
{
    if (n <= 0 || !lx->first[u[0] % 4096])
        return 0;
    uint32_t h = hash_u16(u, n);
    for (uint32_t j = h & lx->mask;; j = (j + 1) & lx->mask) {
        const slot *s = &lx->slots[j];
        if (!s->off)
            return 0;
        if (s->hash == h && s->len == n && !memcmp(lx->pool + s->off, u, (size_t)n * 2))
            return 1;
    }
}

static int add(zss_lexicon *lx, const UChar *u, int32_t n)
{
    if (n < 2 || zss_lexicon_has(lx, u, n))
        return 0;
    if ((lx->count + 1) * 2 > lx->mask + 1 && grow(lx))
        return ZS_ENOMEM;
    if (lx->npool + (size_t)n > lx->cappool) {
        size_t ncap = (lx->cappool + (size_t)n) * 2;
        UChar *np = realloc(lx->pool, ncap * sizeof *np);
        if (!np)
            return ZS_ENOMEM;
        lx->pool = np;
        lx->cappool = ncap;
    }
    memcpy(lx->pool + lx->npool, u, (size_t)n * 2);
    uint32_t h = hash_u16(u, n), j = h & lx->mask;
    while (lx->slots[j].off)
        j = (j + 1) & lx->mask;
    lx->slots[j] = (slot){h, (uint32_t)lx->npool, n};
    lx->npool += (size_t)n;
    lx->count++;
    lx->first[u[0] % 4096] = 1;
    if (n > lx->maxlen)
        lx->maxlen = n;
    return 0;
}

int zss_lexicon_open(zss_lexicon **out, const UNormalizer2 *nfkc_cf)
{
    zss_lexicon *lx = calloc(1, sizeof *lx);
    zss_norm nm = {0};
    char *text = NULL;
    size_t ntext = 0;
    int rc;

    *out = NULL;
    if (!lx)
        return ZS_ENOMEM;
    lx->npool = 1; /* offset 0 marks an empty slot */
    if ((rc = grow(lx)) != 0)
        goto out;
    rc = zss_data_load("lexicon.txt", zs_data_lexicon, zs_data_lexicon_len, &text, &ntext);
    if (rc)
        goto out;
    for (char *line = text, *end; line < text + ntext; line = end + 1) {
        end = memchr(line, '\n', (size_t)(text + ntext - line));
        if (!end)
            end = text + ntext;
        char *hash = memchr(line, '#', (size_t)(end - line));
        size_t n = (size_t)((hash ? hash : end) - line);
        if ((rc = zss_normalize(&nm, nfkc_cf, line, n)) != 0)
            goto out;
        /* Keep only the word's letters: drop spaces, tabs and CR. */
        int32_t k = 0;
        for (int32_t i = 0; i < nm.len; i++)
            if (nm.u[i] > ' ')
                nm.u[k++] = nm.u[i];
        if (k <= ZSS_MAX_WORD_CHARS && (rc = add(lx, nm.u, k)) != 0)
            goto out;
    }
    *out = lx;
    lx = NULL;
out:
    free(text);
    zss_norm_clear(&nm);
    zss_lexicon_free(lx);
    return rc;
}

int32_t zss_lexicon_maxlen(const zss_lexicon *lx)
{
    return lx->maxlen;
}

void zss_lexicon_free(zss_lexicon *lx)
{
    if (!lx)
        return;
    ZSU_FREE(lx->slots, lx->pool, lx);
}
