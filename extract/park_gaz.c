/*
 * park_gaz.c - loading the zone gazetteer: data/parks.tsv (hand-kept),
 * data/zones.tsv (generated from official lists, see data/README) and the
 * patterns of data/zone_suffixes.txt, into the immutable zsi_gazetteer that
 * park.c matches texts against. See park.c for what the files mean.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract_int.h"
#include "park_int.h"
#include "segment_int.h"

extern const char zs_data_parks[];
extern const size_t zs_data_parks_len;
extern const char zs_data_zones[];
extern const size_t zs_data_zones_len;
extern const char zs_data_zone_suffixes[];
extern const size_t zs_data_zone_suffixes_len;

/*
 * Every string of the gazetteer is carved from a few large blocks, freed
 * together: thousands of names and aliases were thousands of mallocs, and
 * the allocation-failure sweep (tests/extract/test_oom.c) reruns the whole
 * load once per allocation.
 */
/* Initial slots of the alias hash (a power of two). */
#define ALIAS_SLOTS 8192u

static char *adup(zsi_gazetteer *g, const char *s, size_t n)
{
    arena *a = &g->ar;
    if (n + 1 > ARENA_BLOCK)
        return NULL;
    if (!a->nblk || a->used + n + 1 > ARENA_BLOCK) {
        char **nb = realloc(a->blk, (a->nblk + 1) * sizeof *nb);
        if (!nb)
            return NULL;
        a->blk = nb;
        if (!(nb[a->nblk] = malloc(ARENA_BLOCK)))
            return NULL;
        a->nblk++;
        a->used = 0;
    }
    char *d = a->blk[a->nblk - 1] + a->used;
    memcpy(d, s, n);
    d[n] = '\0';
    a->used += n + 1;
    return d;
}

/* Append a copy of s[0..n) in the arena to l. */
static int list_add(zsi_gazetteer *g, strlist *l, const char *s, size_t n)
{
    const char *d = adup(g, s, n);
    return d ? zsu_strlist_add(l, d, n) : ZS_ENOMEM;
}

static void list_free(strlist *l)
{
    free(l->v); /* the strings are the arena's */
}

static int suf_len_desc(const void *a, const void *b)
{
    const suffix *x = a, *y = b;
    return (x->n < y->n) - (x->n > y->n);
}

/* FNV-1a: short strings, no need for more. */
static size_t shash_slot(const shash *h, const char *s, size_t n)
{
    uint64_t x = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < n; i++)
        x = (x ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
    size_t i = (size_t)x & (h->cap - 1);
    while (h->e[i].s && !(h->e[i].n == n && memcmp(h->e[i].s, s, n) == 0))
        i = (i + 1) & (h->cap - 1);
    return i;
}

/* The value stored for s[0..n), or (size_t)-1. */
static size_t shash_get(const shash *h, const char *s, size_t n)
{
    if (!h->cap)
        return (size_t)-1;
    size_t i = shash_slot(h, s, n);
    return h->e[i].s ? h->e[i].v : (size_t)-1;
}

/* Store v for s (borrowed: it must outlive h) unless s is there already. */
static int shash_put(shash *h, const char *s, size_t n, size_t v)
{
    if ((h->n + 1) * 2 > h->cap) {
        shash bigger = {NULL, h->cap ? h->cap * 2 : 1024, 0};
        if (!(bigger.e = calloc(bigger.cap, sizeof *bigger.e)))
            return ZS_ENOMEM;
        for (size_t i = 0; i < h->cap; i++)
            if (h->e[i].s)
                bigger.e[shash_slot(&bigger, h->e[i].s, h->e[i].n)] = h->e[i];
        bigger.n = h->n;
        free(h->e);
        *h = bigger;
    }
    size_t i = shash_slot(h, s, n);
    if (!h->e[i].s) {
        h->e[i] = (shash_ent){s, n, v};
        h->n++;
    }
    return 0;
}

/* Canonical index of name, or (size_t)-1. Every canonical name is also
 * its own zone's alias (parse_parks()). */
size_t zsi_pk_find_name(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t a = shash_get(&g->alias_ix, s, n);
    if (a == (size_t)-1)
        return (size_t)-1;
    size_t c = g->al[a].canon;
    return g->names.v[c].n == n && memcmp(g->names.v[c].s, s, n) == 0 ? c : (size_t)-1;
}

/* Index of the alias equal to s[0..n), or (size_t)-1. */
size_t zsi_pk_find_alias(const zsi_gazetteer *g, const char *s, size_t n)
{
    return n ? shash_get(&g->alias_ix, s, n) : (size_t)-1;
}

static int add_alias(zsi_gazetteer *g, const char *s, size_t n, size_t canon)
{
    /* The first zone to claim an alias keeps it. */
    if (shash_get(&g->alias_ix, s, n) != (size_t)-1)
        return 0;
    if (g->nal == g->capal && zsu_grow(&g->al, &g->capal, g->nal + 1, sizeof *g->al, 256) != 0)
        return ZS_ENOMEM;
    if (!(g->al[g->nal].s = adup(g, s, n)))
        return ZS_ENOMEM;
    g->al[g->nal].n = n;
    g->al[g->nal].canon = canon;
    g->al[g->nal].weak = 0; /* set by build_index() when full, but for parse_parks()'s
                             * ZSI_NICK_PLACE; defined either way */
    g->nal++;
    return shash_put(&g->alias_ix, g->al[g->nal - 1].s, n, g->nal - 1);
}

/* A copy of field f[0..n) of a list row, "" when absent or "-". */
static char *meta_field(zsi_gazetteer *g, const char *f, size_t n)
{
    if (n == 1 && f[0] == '-')
        n = 0;
    return adup(g, f, n);
}

/* Record what a list says of canonical c, where it said nothing yet. */
static int set_meta(zsi_gazetteer *g, size_t c, const char *const *f, const size_t *fl, size_t nf)
{
    if (c >= g->capmeta) {
        size_t old = g->capmeta;
        if (zsu_grow(&g->meta, &g->capmeta, c + 1, sizeof *g->meta, 512) != 0)
            return ZS_ENOMEM;
        memset(g->meta + old, 0, (g->capmeta - old) * sizeof *g->meta);
    }
    zone_meta *m = &g->meta[c];
    char **dst[4] = {&m->level, &m->kind, &m->province, &m->city};
    m->listed = 1;
    for (size_t k = 0; k < 4; k++) {
        if (*dst[k] && (*dst[k])[0])
            continue;
        char *v = meta_field(g, k < nf ? f[k] : "", k < nf ? fl[k] : 0);
        if (!v)
            return ZS_ENOMEM;
        *dst[k] = v;
    }
    return 0;
}

/*
 * Parse a gazetteer file into g: "canonical<TAB>alias,alias" and, in
 * zones.tsv, then level, kind, province, city and source. A canonical name
 * that is already a name or an alias joins that zone: parks.tsv is read
 * first, so its names win, and the lists only add aliases and facts.
 */
static int parse_parks(zsi_gazetteer *g, const char *file, const char *buf, size_t n, char *err,
                       size_t errcap)
{
    size_t pos = 0, len, lineno = 0;
    const char *line;
    int rc;

    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        const char *tab = memchr(line, '\t', len);
        size_t cn = tab ? (size_t)(tab - line) : len, canon;
        lineno++;
        while (cn > 0 && line[cn - 1] == ' ')
            cn--;
        if (cn == 0 || cn > MAX_NAME_BYTES) {
            snprintf(err, errcap, "%s: entry %zu: bad canonical name", file, lineno);
            return ZS_EINVAL;
        }
        /* A name or an alias already: that zone (names are aliases too). */
        size_t known = shash_get(&g->alias_ix, line, cn);
        canon = known == (size_t)-1 ? (size_t)-1 : g->al[known].canon;
        if (canon == (size_t)-1) {
            if ((rc = list_add(g, &g->names, line, cn)) != 0)
                return rc;
            canon = g->names.n - 1;
        }
        if ((rc = add_alias(g, line, cn, canon)) != 0)
            return rc;
        /* Columns after the aliases: level, kind, province, city (source unused). */
        const char *f[4] = {0};
        size_t fl[4] = {0}, nf = 0;
        const char *e = line + len, *ae = e;
        if (tab) {
            const char *q = memchr(tab + 1, '\t', (size_t)(e - tab - 1));
            ae = q ? q : e;
            while (q && nf < 4) {
                const char *r = memchr(q + 1, '\t', (size_t)(e - q - 1));
                f[nf] = q + 1;
                fl[nf] = (size_t)((r ? r : e) - (q + 1));
                nf++;
                q = r;
            }
        }
        if ((rc = set_meta(g, canon, f, fl, nf)) != 0)
            return rc;
        if (!tab)
            continue;
        /* Aliases: separated by ASCII ',' or '、' (E3 80 81) or '，' (EF BC 8C). */
        const char *p = tab + 1;
        e = ae;
        while (p < e) {
            const char *q = p;
            size_t sep = 0;
            while (q < e) {
                if (*q == ',') {
                    sep = 1;
                    break;
                }
                if ((*q == '\xE3' || *q == '\xEF') && e - q >= 3 &&
                    (memcmp(q, "\xE3\x80\x81", 3) == 0 || memcmp(q, "\xEF\xBC\x8C", 3) == 0)) {
                    sep = 3;
                    break;
                }
                q++;
            }
            const char *a = p, *b = q;
            while (a < b && (*a == ' ' || *a == '\t'))
                a++;
            while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
                b--;
            /* @前海: a place's name alone, the zone's name in news */
            int place = b > a && *a == '@';
            a += place;
            if (b > a && (size_t)(b - a) <= MAX_NAME_BYTES) {
                size_t had = g->nal;
                if ((rc = add_alias(g, a, (size_t)(b - a), canon)) != 0)
                    return rc;
                if (place && g->nal > had)
                    g->al[had].weak = ZSI_NICK_PLACE;
            }
            p = q + sep;
            if (!sep)
                break;
        }
    }
    return 0;
}

/* Parse zone_suffixes.txt text into g. */
static int parse_suffixes(zsi_gazetteer *g, const char *buf, size_t n, char *err, size_t errcap)
{
    size_t pos = 0, len;
    const char *line;
    strlist *sec = NULL;
    int in_suffix = 0, rc;

    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        if (line[0] == '[') {
            in_suffix = 0;
            sec = NULL;
#define SECTION(lit, field)                                                                        \
    if (len == sizeof lit - 1 && memcmp(line, lit, len) == 0)                                      \
        sec = &g->field;
            SECTION("[trim]", trim)
            SECTION("[cut]", cut)
            SECTION("[generic]", generic)
            SECTION("[infix]", infix)
            SECTION("[province]", province)
            SECTION("[bare]", bare)
            SECTION("[scope]", scope)
            SECTION("[voice]", voice)
            SECTION("[across]", across)
            SECTION("[after]", after)
            SECTION("[policy]", policy)
            SECTION("[party]", party)
            SECTION("[trade]", trade)
            SECTION("[space]", space)
            SECTION("[thing]", thing)
#undef SECTION
            if (len == 8 && memcmp(line, "[suffix]", 8) == 0)
                in_suffix = 1;
            else if (!sec) {
                snprintf(err, errcap, "zone_suffixes.txt: unknown section %.*s", (int)len, line);
                return ZS_EINVAL;
            }
            continue;
        }
        if (len > MAX_NAME_BYTES) {
            snprintf(err, errcap, "zone_suffixes.txt: line too long");
            return ZS_EINVAL;
        }
        if (sec) {
            if ((rc = list_add(g, sec, line, len)) != 0)
                return rc;
            continue;
        }
        if (!in_suffix) {
            snprintf(err, errcap, "zone_suffixes.txt: line outside any section");
            return ZS_EINVAL;
        }
        /* suffix <TAB> canonical <TAB> strong|weak|city */
        const char *t1 = memchr(line, '\t', len);
        size_t sn = t1 ? (size_t)(t1 - line) : len;
        const char *cs = t1 ? t1 + 1 : line;
        const char *t2 = t1 ? memchr(cs, '\t', len - sn - 1) : NULL;
        size_t cn = t1 ? (t2 ? (size_t)(t2 - cs) : len - sn - 1) : len;
        size_t sl = t2 ? (size_t)(line + len - (t2 + 1)) : 0;
        int weak = sl == 4 && memcmp(t2 + 1, "weak", 4) == 0 ? 1
                   : sl == 4 && memcmp(t2 + 1, "city", 4) == 0   ? ZSI_SUF_CITY
                   : sl == 6 && memcmp(t2 + 1, "abroad", 6) == 0 ? ZSI_SUF_ABROAD
                                                                 : 0;
        if (g->nsuf == g->capsuf &&
            zsu_grow(&g->suf, &g->capsuf, g->nsuf + 1, sizeof *g->suf, 32) != 0)
            return ZS_ENOMEM;
        suffix *s = &g->suf[g->nsuf];
        s->s = adup(g, line, sn);
        s->canon = adup(g, cs, cn);
        if (!s->s || !s->canon)
            return ZS_ENOMEM;
        s->n = sn;
        s->ncanon = cn;
        s->weak = weak;
        g->nsuf++;
    }
    return 0;
}

/*
 * Build the per-canonical alias lists; with full (a gazetteer that finds
 * names in text), also the first-code-point index, the head and pair bits
 * and each alias's weak flag, which only zsi_pk_find_mentions() (park.c) reads: a
 * query process resolves typed names through alias_ix and the suffixes,
 * and the weak flags alone were a third of its load (an ending_suffix()
 * scan of every suffix for each of 2,400 aliases).
 */
static int build_index(zsi_gazetteer *g, int full)
{
    size_t *cnt = calloc(g->names.n + 1, sizeof *cnt);
    if (!cnt)
        return ZS_ENOMEM;
    g->aoff = calloc(g->names.n + 1, sizeof *g->aoff);
    g->alist = malloc((g->nal + 1) * sizeof *g->alist);
    if (!g->aoff || !g->alist) {
        free(cnt);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < g->nal; i++)
        cnt[g->al[i].canon]++;
    for (size_t i = 0; i < g->names.n; i++)
        g->aoff[i + 1] = g->aoff[i] + cnt[i];
    memset(cnt, 0, (g->names.n + 1) * sizeof *cnt);
    for (size_t i = 0; i < g->nal; i++) {
        size_t c = g->al[i].canon;
        g->alist[g->aoff[c] + cnt[c]++] = g->al[i].s;
    }
    free(cnt);
    qsort(g->suf, g->nsuf, sizeof *g->suf, suf_len_desc);
    zsu_strlist_longest_first(&g->trim);
    zsu_strlist_longest_first(&g->generic);
    zsu_strlist_longest_first(&g->infix);
    zsu_strlist_longest_first(&g->province);
    zsu_strlist_longest_first(&g->bare);
    for (size_t b = 0; b < g->bare.n; b++) {
        size_t bit = g->bare.v[b].n ? (unsigned char)g->bare.v[b].s[g->bare.v[b].n - 1] : 256;
        g->bare_last[bit / 64] |= UINT64_C(1) << (bit % 64);
    }
    zsu_strlist_longest_first(&g->scope);
    zsu_strlist_longest_first(&g->voice);
    zsu_strlist_longest_first(&g->across);
    zsu_strlist_longest_first(&g->after);
    if (!full)
        return 0;

    /* The buckets share one array: counted first, then filled. */
    size_t fill[NBUCKETS] = {0}, off = 0;
    if (!(g->bucket_all = malloc((g->nal + 1) * sizeof *g->bucket_all)))
        return ZS_ENOMEM;
    for (size_t i = 0; i < g->nal; i++) {
        UChar32 c = first_cp(g->al[i].s, g->al[i].n);
        fill[(size_t)(c < 0 ? 0 : c) % NBUCKETS]++;
    }
    for (size_t b = 0; b < NBUCKETS; b++) {
        g->bucket[b] = g->bucket_all + off;
        off += fill[b];
    }
    for (size_t i = 0; i < g->nal; i++) {
        UChar32 c = first_cp(g->al[i].s, g->al[i].n);
        size_t b = (size_t)(c < 0 ? 0 : c) % NBUCKETS;
        size_t *nb = g->bucket[b];
        /* Insert keeping longest first. */
        size_t k = g->nbucket[b]++;
        while (k > 0 && g->al[nb[k - 1]].n < g->al[i].n) {
            nb[k] = nb[k - 1];
            k--;
        }
        nb[k] = i;
    }
    /* Suffixes likewise; appended in suf's order, which stays longest first. */
    if (!(g->sbucket_all = malloc((g->nsuf + 1) * sizeof *g->sbucket_all)))
        return ZS_ENOMEM;
    memset(fill, 0, sizeof fill);
    for (size_t i = 0; i < g->nsuf; i++) {
        UChar32 c = first_cp(g->suf[i].s, g->suf[i].n);
        fill[(size_t)(c < 0 ? 0 : c) % NBUCKETS]++;
    }
    off = 0;
    for (size_t b = 0; b < NBUCKETS; b++) {
        g->sbucket[b] = g->sbucket_all + off;
        off += fill[b];
    }
    for (size_t i = 0; i < g->nsuf; i++) {
        UChar32 c = first_cp(g->suf[i].s, g->suf[i].n);
        size_t b = (size_t)(c < 0 ? 0 : c) % NBUCKETS;
        g->sbucket[b][g->nsbucket[b]++] = i;
    }
    for (size_t i = 0; i < g->nal; i++) {
        const char *a = g->al[i].s;
        int32_t k = 0, n = (int32_t)g->al[i].n;
        UChar32 c1 = -1, c2 = -1;
        if (k < n)
            U8_NEXT(a, k, n, c1);
        if (k < n)
            U8_NEXT(a, k, n, c2);
        if (c1 >= 0 && c1 < 0x10000)
            g->alias_head[c1 / 64] |= UINT64_C(1) << (c1 % 64);
        if (c2 < 0)
            g->onecp[(size_t)(c1 < 0 ? 0 : c1) % NBUCKETS] = 1;
        else
            g->pairs[pair_bit(c1, c2) / 64] |= UINT64_C(1) << (pair_bit(c1, c2) % 64);
    }
    for (size_t i = 0; i < g->nsuf; i++) {
        int32_t k = 0;
        UChar32 c;
        U8_NEXT(g->suf[i].s, k, (int32_t)g->suf[i].n, c);
        if (c >= 0 && c < 0x10000)
            g->suf_head[c / 64] |= UINT64_C(1) << (c % 64);
    }
    /* A nickname is short (光谷, 泰达, 中关村); a longer alias with no
     * suffix (厦门自贸片区) is a zone's name all the same. */
    for (size_t i = 0; i < g->nal; i++) {
        alias *a = &g->al[i];
        if (a->weak != ZSI_NICK_PLACE)
            a->weak = nchars(a->s, a->n) <= 4 && zsi_pk_ending_suffix(g, a->s, a->n) < 0;
    }
    return 0;
}

/* The word lexicon, with the [trim] words as words no name starts with;
 * a town's short form that is a word (卫星 of 卫星镇) starts no zone's name. */
static int open_words(zsi_gazetteer *g)
{
    int rc = zsi_words_open(&g->words);
    zsi_words_no_town_words(g->words);
    for (size_t i = 0; rc == 0 && i < g->trim.n; i++)
        rc = zsi_words_add(g->words, g->trim.v[i].s, g->trim.v[i].n, ZSW_STOP | ZSW_TRIM);
    return rc;
}

static int gazetteer_open(zsi_gazetteer **out, int with_words, char *err, size_t errcap)
{
    zsi_gazetteer *g;
    char *buf = NULL, dummy[8];
    size_t n;
    int rc;

    if (!err || !errcap) {
        err = dummy;
        errcap = sizeof dummy;
    }
    err[0] = '\0';
    if (!out)
        return ZS_EINVAL;
    *out = NULL;
    /* A query's gazetteer as the build froze it (gaz_freeze.c), unless the
     * user has added to the files it is made of. */
    if (!with_words && zsi_gaz_frozen.frozen && !zss_data_user_has("parks.tsv") &&
        !zss_data_user_has("zones.tsv") && !zss_data_user_has("zone_suffixes.txt")) {
        if (!(g = malloc(sizeof *g)))
            return ZS_ENOMEM;
        *g = zsi_gaz_frozen;
        *out = g;
        return 0;
    }
    g = calloc(1, sizeof *g);
    if (!g)
        return ZS_ENOMEM;
    /* Room for the built-in aliases (2,436) at most half full: growing
     * from 1,024 slots rehashed every alias three times. */
    g->alias_ix.cap = ALIAS_SLOTS;
    if (!(g->alias_ix.e = calloc(g->alias_ix.cap, sizeof *g->alias_ix.e))) {
        free(g);
        return ZS_ENOMEM;
    }
    rc = zss_data_load("parks.tsv", zs_data_parks, zs_data_parks_len, &buf, &n);
    if (rc == 0)
        rc = parse_parks(g, "parks.tsv", buf, n, err, errcap);
    free(buf);
    buf = NULL;
    if (rc == 0)
        rc = zss_data_load("zones.tsv", zs_data_zones, zs_data_zones_len, &buf, &n);
    if (rc == 0)
        rc = parse_parks(g, "zones.tsv", buf, n, err, errcap);
    free(buf);
    buf = NULL;
    if (rc == 0)
        rc = zss_data_load("zone_suffixes.txt", zs_data_zone_suffixes, zs_data_zone_suffixes_len,
                           &buf, &n);
    if (rc == 0)
        rc = parse_suffixes(g, buf, n, err, errcap);
    free(buf);
    if (rc == 0)
        rc = build_index(g, with_words);
    if (rc == 0 && with_words)
        rc = open_words(g);
    if (rc != 0) {
        if (!err[0])
            snprintf(err, errcap, "cannot load the zone gazetteer (error %d)", rc);
        zsi_gazetteer_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

int zsi_gazetteer_open(zsi_gazetteer **out, char *err, size_t errcap)
{
    return gazetteer_open(out, 1, err, errcap);
}

int zsi_gazetteer_open_names(zsi_gazetteer **out, char *err, size_t errcap)
{
    return gazetteer_open(out, 0, err, errcap);
}

void zsi_gazetteer_free(zsi_gazetteer *g)
{
    if (!g)
        return;
    if (g->frozen) { /* its arrays are the program's */
        free(g);
        return;
    }
    list_free(&g->names);
    ZSU_FREE(g->alias_ix.e, g->al, g->alist, g->aoff, g->bucket_all, g->sbucket_all, g->suf);
    list_free(&g->trim);
    list_free(&g->cut);
    list_free(&g->generic);
    list_free(&g->infix);
    list_free(&g->province);
    list_free(&g->bare);
    list_free(&g->scope);
    list_free(&g->voice);
    list_free(&g->across);
    list_free(&g->after);
    list_free(&g->policy);
    list_free(&g->party);
    list_free(&g->trade);
    list_free(&g->space);
    list_free(&g->thing);
    free(g->meta);
    for (size_t i = 0; i < g->ar.nblk; i++)
        free(g->ar.blk[i]);
    free(g->ar.blk);
    zsi_words_free(g->words);
    free(g);
}

size_t zsi_gazetteer_count(const zsi_gazetteer *g)
{
    return g ? g->names.n : 0;
}

const char *zsi_gazetteer_name(const zsi_gazetteer *g, size_t i)
{
    return g && i < g->names.n ? g->names.v[i].s : NULL;
}

int zsi_park_aliases(const zsi_gazetteer *g, const char *canonical, size_t n,
                     const char *const **aliases, size_t *naliases)
{
    size_t c;
    if (!g || !canonical || !aliases || !naliases)
        return ZS_EINVAL;
    c = zsi_pk_find_name(g, canonical, n);
    if (c == (size_t)-1)
        return ZS_ENOTFOUND;
    /* The canonical itself is the first alias of its group: skip it. */
    *aliases = g->alist + g->aoff[c] + 1;
    *naliases = g->aoff[c + 1] - g->aoff[c] - 1;
    return 0;
}

/* Index of the longest suffix that name ends with, or -1. */
long zsi_pk_ending_suffix(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t i = 0; i < g->nsuf; i++)
        if (has_suffix(s, n, g->suf[i].s, g->suf[i].n) && g->suf[i].n < n)
            return (long)i;
    return -1;
}

/* Remove a trailing bracketed aside: "和平(荷江)" -> "和平". */
size_t zsi_pk_drop_aside(const char *s, size_t n)
{
    size_t close = 0;
    if (n >= 1 && s[n - 1] == ')')
        close = 1;
    else if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x89", 3) == 0) /* ） */
        close = 3;
    if (!close)
        return n;
    for (size_t i = n - close; i > 0; i--) {
        if (s[i - 1] == '(')
            return i - 1;
        if (i >= 3 && memcmp(s + i - 3, "\xEF\xBC\x88", 3) == 0) /* （ */
            return i - 3;
    }
    return n;
}
