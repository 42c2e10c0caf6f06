/*
 * park_words.c - the word lexicon zone names are cut by: place names
 * (data/places.tsv: GB/T 2260 divisions and jieba's ns words) and the words
 * a name never starts with (data/wordclass.txt: verbs, prepositions,
 * pronouns, numerals, time words ... from jieba's part-of-speech tags).
 *
 * One open-addressing hash table maps a word's bytes to its classes (a word
 * may be both: 将乐 is a county, 将 a preposition) and, for a place, to its
 * row of places.tsv (level, city, province). Keys are byte offsets into the
 * table's text (the loaded files, one after the other), which it owns;
 * text[0] is a NUL, so offset 0 is the empty string.
 *
 * The base table (the two files) is built once per process and shared by
 * every handle: the gazetteer and the metric namer each opened their own
 * copy, and the two loads were half the fixed start cost of a small index
 * run. A handle is the base plus its own small overlay of added words
 * (the gazetteer's [trim] words); a word's classes are the union of both,
 * its place row the base's (an added word has no row), exactly what one
 * table with the words added to it gave.
 *
 * The base of the built-in files alone is frozen at build time
 * (words_freeze.c writes it as C data with this very code) and used as it
 * is, unless the user has added to one of the three files: building it took
 * 45 M instructions of every index run's 111 M when nothing had changed
 * (callgrind, 1,000 unchanged realnews files). Offsets, not pointers, so
 * the frozen table needs no relocations when the program loads.
 *
 * Threads: the base is built under a mutex and only published (base_tab set)
 * when complete; after that nothing writes to it, and every reader takes the
 * same mutex once in zsi_words_open() before its first read, so the build
 * happens-before every read (no data race for TSan, no free for ASan: the
 * base lives until exit, reachable from base_tab, so LeakSanitizer is quiet).
 * A failed build (out of memory) frees what it made and is retried by the
 * next open. Each overlay belongs to one handle, written only by its owner
 * before the handle is shared.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "park_int.h"
#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_places[];
extern const size_t zs_data_places_len;
extern const char zs_data_wordclass[];
extern const size_t zs_data_wordclass_len;
extern const char zs_data_foreign[];
extern const size_t zs_data_foreign_len;

/* Longest word the table holds (bytes); longer lines are skipped. */
#define MAX_WORD_BYTES 64

typedef zsi_wslot slot;
typedef zsi_wplace place;
typedef zsi_wtable table;

struct zsi_words {
    const table *base; /* shared, read-only */
    table own;         /* words added to this handle */
    int no_town_words; /* ZSW_TOWNWORD words are no places (zsi_words_no_town_words) */
};

/* Initial slots of the base and of an overlay (powers of two). */
#define BASE_SLOTS (1u << 16)
#define OWN_SLOTS 64u

static pthread_mutex_t base_mu = PTHREAD_MUTEX_INITIALIZER;
static const table *base_tab; /* guarded by base_mu until set, immutable after */

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

static slot *lookup_h(const table *w, const char *s, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (w->cap - 1);
    for (;;) {
        slot *t = &w->tab[i];
        if (!t->n || (t->n == n && memcmp(w->text + t->off, s, n) == 0))
            return t;
        i = (i + 1) & (w->cap - 1);
    }
}

static slot *lookup(const table *w, const char *s, size_t n)
{
    return lookup_h(w, s, n, hash(s, n));
}

/* The filter's bit for a hash: its high half, which the slots' index
 * (the low bits) leaves independent. */
static size_t hash_bit(const table *w, uint64_t h)
{
    return (size_t)(h >> 32) & w->fmask;
}

/* The slot of s[0..n) in a finished table: a word's, or an empty one. */
static const slot *find(const table *w, const char *s, size_t n)
{
    static const slot none;
    uint64_t h = hash(s, n);
    if (w->filter) {
        size_t b = hash_bit(w, h);
        if (!(w->filter[b / 64] >> (b % 64) & 1))
            return &none;
    }
    return lookup_h(w, s, n, h);
}

/* Set the base's filter: 16 bits a word, a false hit in about 6% of the
 * lookups of text that is no word. */
static int build_filter(table *w)
{
    size_t bits = 64;
    while (bits < w->n * 16)
        bits *= 2;
    if (!(w->filter = calloc(bits / 64, sizeof *w->filter)))
        return ZS_ENOMEM;
    w->fmask = bits - 1;
    for (size_t i = 0; i < w->cap; i++)
        if (w->tab[i].n) {
            size_t b = hash_bit(w, hash(w->text + w->tab[i].off, w->tab[i].n));
            w->filter[b / 64] |= UINT64_C(1) << (b % 64);
        }
    return 0;
}

static int grow(table *w, size_t first)
{
    size_t nc = w->cap ? w->cap * 2 : first;
    slot *old = w->tab, *nt = calloc(nc, sizeof *nt);
    size_t oc = w->cap;
    if (!nt)
        return ZS_ENOMEM;
    w->tab = nt;
    w->cap = nc;
    for (size_t i = 0; i < oc; i++)
        if (old[i].n)
            *lookup(w, w->text + old[i].off, old[i].n) = old[i];
    free(old);
    return 0;
}

/* Add flags to the word at text[off..off+n); the first place row for a
 * word is kept. */
static int add(table *w, size_t first, size_t off, size_t n, uint32_t flags, uint32_t row)
{
    slot *t;
    if (!n || n > MAX_WORD_BYTES)
        return 0;
    if ((w->n + 1) * 2 > w->cap) {
        int rc = grow(w, first);
        if (rc)
            return rc;
    }
    t = lookup(w, w->text + off, n);
    if (!t->n) {
        t->off = (uint32_t)off;
        t->n = (uint32_t)n;
        w->n++;
        if (n > w->maxlen)
            w->maxlen = n;
    }
    if ((flags & ZSW_PLACE) && !(t->flags & ZSW_PLACE))
        t->place = row;
    t->flags |= flags;
    return 0;
}

static int level_of(const char *s, size_t n)
{
    static const char *const names[] = {"province", "city", "county", "town", "ns"};
    for (int i = 0; i < 5; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return i;
    return ZSW_OTHER;
}

/* Split a line at tabs, NUL-terminating the fields in place (the buffer is ours). */
static size_t fields(char *line, size_t len, char **f, size_t *fl, size_t max)
{
    size_t k = 0;
    char *p = line, *e = line + len;
    while (k < max) {
        char *t = memchr(p, '\t', (size_t)(e - p));
        f[k] = p;
        fl[k] = t ? (size_t)(t - p) : (size_t)(e - p);
        k++;
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return k;
}

/* places.tsv at text[at..at+n), a NUL after it. */
static int load_places(table *w, size_t at, size_t n)
{
    size_t pos = 0, len, cap = 0;
    const char *line;
    char *d = w->text + at;
    while (zsi_data_next_line(d, n, &pos, &line, &len)) {
        /* zeroed: gcc -O3 (the release build) cannot see that fields()
         * sets the first k and stops -Werror with maybe-uninitialized */
        char *f[5] = {0};
        size_t fl[5] = {0}, k;
        int rc;
        /* The line ends at a '\n' (or at the NUL after the file): make it a string end. */
        ((char *)line)[len] = '\0';
        k = fields((char *)line, len, f, fl, 5);
        if (w->npl == cap) {
            size_t nc = cap ? cap * 2 : 4096;
            place *np = realloc(w->pl, nc * sizeof *np);
            if (!np)
                return ZS_ENOMEM;
            w->pl = np;
            cap = nc;
        }
        place *p = &w->pl[w->npl];
        p->level = k > 2 ? level_of(f[2], fl[2]) : ZSW_OTHER;
        p->city = k > 3 ? (uint32_t)(f[3] - w->text) : 0;
        p->province = k > 4 ? (uint32_t)(f[4] - w->text) : 0;
        if ((rc = add(w, BASE_SLOTS, (size_t)(f[0] - w->text), fl[0], ZSW_PLACE,
                      (uint32_t)w->npl)) != 0 ||
            (k > 1 && (rc = add(w, BASE_SLOTS, (size_t)(f[1] - w->text), fl[1], ZSW_PLACE,
                                (uint32_t)w->npl)) != 0))
            return rc;
        w->npl++;
    }
    return 0;
}

/* wordclass.txt at text[at..at+n). */
static int load_classes(table *w, size_t at, size_t n)
{
    size_t pos = 0, len;
    const char *line;
    int rc = 0;
    while (rc == 0 && zsi_data_next_line(w->text + at, n, &pos, &line, &len)) {
        /* word<TAB>stop|noun|name|vnoun|verb1|townword; a word alone is a stop word. */
        const char *t = memchr(line, '\t', len);
        size_t wn = t ? (size_t)(t - line) : len, cn = t ? len - wn - 1 : 0;
        unsigned fl = ZSW_STOP;
        if (cn == 4 && memcmp(t + 1, "noun", 4) == 0)
            fl = ZSW_NOUN;
        else if (cn == 4 && memcmp(t + 1, "name", 4) == 0)
            fl = ZSW_WORD;
        else if (cn == 5 && memcmp(t + 1, "vnoun", 5) == 0)
            fl = ZSW_STOP | ZSW_VNOUN;
        else if (cn == 5 && memcmp(t + 1, "verb1", 5) == 0)
            fl = ZSW_VERB1; /* hidden from zsi_words_find(): metrics cut as before */
        else if (cn == 8 && memcmp(t + 1, "townword", 8) == 0)
            fl = ZSW_TOWNWORD; /* hidden too: a place to the metric namer */
        rc = add(w, BASE_SLOTS, (size_t)(line - w->text), wn, fl, 0);
    }
    return rc;
}

/* data/foreign.txt at text[at..at+n): places abroad, one a line (a tab and
 * "party" after a country's or a group's), kept apart from the word classes
 * (ZSW_FOREIGN and ZSW_PARTY are seen only through zsi_words_has()), so the
 * way names and metrics are cut into words does not change. */
static int load_foreign(table *w, size_t at, size_t n)
{
    size_t pos = 0, len;
    const char *line;
    int rc = 0;
    while (rc == 0 && zsi_data_next_line(w->text + at, n, &pos, &line, &len)) {
        const char *tab = memchr(line, '\t', len);
        size_t wn = tab ? (size_t)(tab - line) : len;
        unsigned fl = ZSW_FOREIGN;
        if (tab && len - wn - 1 == 5 && memcmp(tab + 1, "party", 5) == 0)
            fl |= ZSW_PARTY;
        rc = add(w, BASE_SLOTS, (size_t)(line - w->text), wn, fl, 0);
    }
    return rc;
}

/* The base's text: a NUL, then places.tsv, wordclass.txt and foreign.txt
 * (built in plus the user's), each followed by a NUL; the files' offsets
 * and lengths in at[] and len[]. @return 0, ZS_ENOMEM, ZS_EIO, ZS_ELIMIT. */
static int load_text(table *w, size_t at[3], size_t len[3])
{
    static const char *const name[3] = {"places.tsv", "wordclass.txt", "foreign.txt"};
    const char *data[3] = {zs_data_places, zs_data_wordclass, zs_data_foreign};
    size_t dlen[3] = {zs_data_places_len, zs_data_wordclass_len, zs_data_foreign_len};
    char *buf[3] = {NULL, NULL, NULL};
    size_t total = 1;
    int rc = 0;
    for (int i = 0; i < 3 && !rc; i++)
        if ((rc = zss_data_load(name[i], data[i], dlen[i], &buf[i], &len[i])) == 0)
            total += len[i] + 1;
    /* offsets are 32 bits: three files of ZSS_MAX_DATA_FILE bytes fit */
    if (!rc && total > UINT32_MAX)
        rc = ZS_ELIMIT;
    if (!rc && !(w->text = malloc(total)))
        rc = ZS_ENOMEM;
    if (!rc) {
        size_t o = 0;
        w->text[o++] = '\0';
        for (int i = 0; i < 3; i++) {
            at[i] = o;
            memcpy(w->text + o, buf[i], len[i]);
            o += len[i];
            w->text[o++] = '\0';
        }
        w->ntext = w->captext = total;
    }
    for (int i = 0; i < 3; i++)
        free(buf[i]);
    return rc;
}

static void table_free(table *t)
{
    ZSU_FREE(t->tab, t->pl, t->text, t->filter);
}

/* Lines of the built-in text d[0..n): at least its words. */
static size_t lines_of(const char *d, size_t n)
{
    size_t k = 1;
    for (const char *p = d, *e = d + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
        k++;
    return k;
}

/* Slots for the built-in words at most half full from the start: grown
 * from BASE_SLOTS, the table rehashed every word twice, 9.7 M instructions
 * of every index run's 96 M fixed cost (callgrind, a run that found its
 * 1,000 files unchanged). A place line gives two words at most (its name
 * and short form); a user's additions still grow the table. */
static size_t base_slots(void)
{
    size_t words = 2 * lines_of(zs_data_places, zs_data_places_len) +
                   lines_of(zs_data_wordclass, zs_data_wordclass_len) +
                   lines_of(zs_data_foreign, zs_data_foreign_len),
           cap = BASE_SLOTS;
    while ((words + 1) * 2 > cap)
        cap *= 2;
    return cap;
}

int zsi_words_base(const table **out)
{
    int rc = 0;
    if (pthread_mutex_lock(&base_mu) != 0)
        return ZS_ENOMEM;
    if (!base_tab && zsi_words_frozen.frozen && !zss_data_user_has("places.tsv") &&
        !zss_data_user_has("wordclass.txt") && !zss_data_user_has("foreign.txt"))
        base_tab = &zsi_words_frozen;
    if (!base_tab) {
        table *t = calloc(1, sizeof *t);
        size_t at[3], len[3];
        if (!t)
            rc = ZS_ENOMEM;
        else if ((rc = load_text(t, at, len)) != 0 || (rc = grow(t, base_slots())) != 0 ||
                 (rc = load_places(t, at[0], len[0])) != 0 ||
                 (rc = load_classes(t, at[1], len[1])) != 0 ||
                 (rc = load_foreign(t, at[2], len[2])) != 0 || (rc = build_filter(t)) != 0) {
            table_free(t);
            free(t);
        } else
            base_tab = t;
    }
    *out = base_tab;
    pthread_mutex_unlock(&base_mu);
    return rc;
}

int zsi_words_open(zsi_words **out)
{
    zsi_words *w;
    const table *base;
    int rc = zsi_words_base(&base);
    *out = NULL;
    if (rc)
        return rc;
    if (!(w = calloc(1, sizeof *w)))
        return ZS_ENOMEM;
    w->base = base;
    *out = w;
    return 0;
}

int zsi_words_add(zsi_words *w, const char *s, size_t n, unsigned flags)
{
    table *o = &w->own;
    size_t off;
    if (!n || n > MAX_WORD_BYTES)
        return 0;
    /* the word's bytes are copied into the overlay's text, after its NUL */
    if (o->ntext + n > o->captext) {
        size_t nc = o->captext ? o->captext * 2 : 256;
        char *nt;
        while (nc < o->ntext + n + 1)
            nc *= 2;
        if (!(nt = realloc(o->text, nc)))
            return ZS_ENOMEM;
        if (!o->captext)
            nt[o->ntext++] = '\0';
        o->text = nt;
        o->captext = nc;
    }
    off = o->ntext;
    memcpy(o->text + off, s, n);
    o->ntext += n;
    /* only the classes are kept: an added word's row is the base's */
    return add(o, OWN_SLOTS, off, n, flags, 0);
}

void zsi_words_no_town_words(zsi_words *w)
{
    if (w)
        w->no_town_words = 1;
}

void zsi_words_free(zsi_words *w)
{
    if (!w)
        return;
    table_free(&w->own);
    free(w);
}

unsigned zsi_words_find(const zsi_words *w, const char *s, size_t n, size_t *row)
{
    unsigned hidden;
    return zsi_words_find_all(w, s, n, row, &hidden);
}

unsigned zsi_words_find_all(const zsi_words *w, const char *s, size_t n, size_t *row,
                            unsigned *hidden)
{
    const slot *t;
    unsigned flags = 0;
    *hidden = 0;
    if (!w || !n || n > zsi_words_maxlen(w))
        return 0;
    if (n <= w->base->maxlen && (t = find(w->base, s, n))->n) {
        *hidden = t->flags;
        flags = t->flags & ~(unsigned)(ZSW_FOREIGN | ZSW_PARTY | ZSW_VERB1 | ZSW_TOWNWORD);
        if (w->no_town_words && (t->flags & ZSW_TOWNWORD))
            flags &= ~(unsigned)ZSW_PLACE;
        if (row)
            *row = t->place;
    }
    if (w->own.n && n <= w->own.maxlen && (t = find(&w->own, s, n))->n) {
        if (!flags && row)
            *row = 0; /* a word only added has no places.tsv row */
        flags |= t->flags;
    }
    return flags;
}

int zsi_words_has(const zsi_words *w, const char *s, size_t n, unsigned flag)
{
    const slot *t;
    if (!w || !n || n > w->base->maxlen)
        return 0;
    t = find(w->base, s, n);
    return t->n && (t->flags & flag);
}

size_t zsi_words_maxlen(const zsi_words *w)
{
    if (!w)
        return 0;
    return w->own.maxlen > w->base->maxlen ? w->own.maxlen : w->base->maxlen;
}

int zsi_words_place(const zsi_words *w, size_t row, const char **city, const char **province)
{
    const table *b = w ? w->base : NULL;
    if (!b || row >= b->npl)
        return ZSW_OTHER;
    if (city)
        *city = b->text + b->pl[row].city;
    if (province)
        *province = b->text + b->pl[row].province;
    return b->pl[row].level;
}
