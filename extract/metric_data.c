/*
 * metric_data.c - the language data of metric naming (data/metrics.tsv, built
 * in plus the user's additions), in sections: [phrases] known metrics and
 * their normal forms, [suffixes] that make an unknown run of Han a metric,
 * [stop] words a run never crosses, [strip] words dropped from its front,
 * [nonmetric] words a suffix inside does not count in, [change] words,
 * [perunit] prefixes and [conj] conjunctions, and the classes the header of
 * data/metrics.tsv describes after them ([modifiers] on); plus
 * the place-name lexicon (park_words.c), so that a run stops at a place name.
 *
 * Invariants: loaded once per process (pthread_once), never freed; entries
 * point into one buffer and are looked up through a hash of their first
 * bytes, longest first within a bucket.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_metrics[];
extern const size_t zs_data_metrics_len;
extern const char zs_data_lexicon[];
extern const size_t zs_data_lexicon_len;

static struct {
    pthread_once_t once;
    int rc;
    char *buf;
    zsi_phrase_set set[MSEC_COUNT];
    zsi_words *places; /* NULL when it could not be loaded: no place stops */
    char *dbuf;
    zsi_phrase_set domain; /* data/lexicon.txt, the segmenter's domain words */
} g = {PTHREAD_ONCE_INIT,        0, NULL, {{NULL, 0, {0}, NULL, {0}}}, NULL, NULL,
       {NULL, 0, {0}, NULL, {0}}};

static unsigned bucket_of(const char *s, size_t n)
{
    unsigned h = (unsigned char)s[0];
    if (n > 1)
        h = h * 31u + (unsigned char)s[1];
    if (n > 2)
        h = h * 31u + (unsigned char)s[2];
    return h % NBUCKET;
}

static int cmp_phrase(const void *a, const void *b)
{
    const zsi_phrase *x = a, *y = b;
    unsigned bx = bucket_of(x->s, x->len), by = bucket_of(y->s, y->len);
    if (bx != by)
        return bx < by ? -1 : 1;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1; /* longest first within a bucket */
    return 0;
}

static void index_set(zsi_phrase_set *ps)
{
    size_t i = 0;
    unsigned b;

    if (ps->n)
        qsort(ps->v, ps->n, sizeof *ps->v, cmp_phrase);
    for (b = 0; b <= NBUCKET; b++) {
        while (i < ps->n && bucket_of(ps->v[i].s, ps->v[i].len) < b)
            i++;
        ps->start[b] = i;
    }
    /* by last byte, stable (a counting sort): zsi_match_ending() returns the
     * first phrase in v's order that ends where asked, and only those with
     * the text's last byte can */
    ps->last = ps->n && ps->n <= UINT32_MAX ? malloc(ps->n * sizeof *ps->last) : NULL;
    if (ps->last) {
        size_t at[257] = {0};
        for (i = 0; i < ps->n; i++)
            at[(unsigned char)ps->v[i].s[ps->v[i].len - 1] + 1]++;
        for (b = 1; b <= 256; b++)
            at[b] += at[b - 1];
        memcpy(ps->last_start, at, sizeof at);
        for (i = 0; i < ps->n; i++)
            ps->last[at[(unsigned char)ps->v[i].s[ps->v[i].len - 1]]++] = (uint32_t)i;
    }
}

/* data/lexicon.txt (the built-in copy and the user's) into g.domain: the
 * words a reader of `zhaoshu segment` sees whole beside ICU's (保税区, 签约),
 * which no metric may cut. As segment/lexicon.c reads it, a '#' starts a
 * comment and spaces are no part of a word; unlike it, a user's word is
 * matched as written, not normalized (write it in Simplified script). */
static int load_domain(void)
{
    size_t n = 0, pos = 0, len, cap = 0;
    const char *line;
    int rc = zss_data_load("lexicon.txt", zs_data_lexicon, zs_data_lexicon_len, &g.dbuf, &n);
    if (rc)
        return rc;
    while (zsi_data_next_line(g.dbuf, n, &pos, &line, &len))
        cap++;
    g.domain.v = calloc(cap ? cap : 1, sizeof(zsi_phrase));
    if (!g.domain.v)
        return ZS_ENOMEM;
    for (pos = 0; zsi_data_next_line(g.dbuf, n, &pos, &line, &len);) {
        const char *hash = memchr(line, '#', len);
        zsi_phrase *ph = &g.domain.v[g.domain.n];
        if (hash)
            len = (size_t)(hash - line);
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
            len--;
        if (!len)
            continue;
        ph->s = ph->norm = line;
        ph->len = ph->nlen = len;
        g.domain.n++;
    }
    index_set(&g.domain);
    return 0;
}

static void load(void)
{
    char *buf = NULL;
    size_t n = 0, pos = 0, len, cap = 0;
    const char *line;
    int sec = MSEC_PHRASES, rc, s, user = 0;

    rc = zss_data_load("metrics.tsv", zs_data_metrics, zs_data_metrics_len, &buf, &n);
    if (rc) {
        g.rc = rc;
        return;
    }
    while (zsi_data_next_line(buf, n, &pos, &line, &len))
        cap++;
    for (s = 0; s < MSEC_COUNT; s++) {
        g.set[s].v = calloc(cap ? cap : 1, sizeof(zsi_phrase));
        if (!g.set[s].v) {
            g.rc = ZS_ENOMEM;
            return;
        }
    }
    pos = 0;
    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        char *l = (char *)line, *tab;
        zsi_phrase *ph;
        /* The user's file (after the built-in text) starts in [phrases]. */
        if (!user && line >= buf + zs_data_metrics_len) {
            user = 1;
            sec = MSEC_PHRASES;
        }
        if (len >= 2 && l[0] == '[' && l[len - 1] == ']') {
            /* the section headers, in MSEC_* order; an unknown one changes nothing */
            static const char *const SECTIONS[MSEC_COUNT] = {
                "[phrases]",   "[suffixes]",   "[stop]",      "[strip]",     "[nonmetric]",
                "[change]",    "[perunit]",    "[conj]",      "[modifiers]", "[share]",
                "[adverbial]", "[changeform]", "[quote]",     "[recipient]", "[saying]",
                "[building]",  "[level]",      "[category]",  "[activity]",  "[sharelead]",
                "[fate]",      "[dependent]",  "[link]",      "[heads]",     "[spend]",
                "[never]",     "[verbform]",   "[predicate]", "[compare]",   "[setanew]",
                "[mark]",      "[nounv]",      "[pivot]",     "[guess]",     "[deal]",
                "[unitword]",  "[vpverb]",     "[particle]",  "[timeunit]",  "[tailadverb]",
                "[timeearn]",  "[timeadverb]", "[measure]",   "[unitadverb]", "[countact]"};
            for (s = 0; s < MSEC_COUNT; s++)
                if (len == strlen(SECTIONS[s]) && memcmp(l, SECTIONS[s], len) == 0)
                    sec = s;
            continue;
        }
        l[len] = '\0'; /* next_line has moved past this byte already */
        ph = &g.set[sec].v[g.set[sec].n];
        tab = memchr(l, '\t', len);
        if (tab) {
            *tab = '\0';
            ph->len = (size_t)(tab - l);
            ph->norm = tab + 1;
            while (*ph->norm == '\t')
                ph->norm++;
        } else {
            ph->len = len;
            ph->norm = l;
        }
        ph->s = l;
        ph->nlen = strlen(ph->norm);
        if (ph->len == 0 || ph->nlen == 0)
            continue; /* malformed: skipped */
        g.set[sec].n++;
    }
    for (s = 0; s < MSEC_COUNT; s++)
        index_set(&g.set[s]);
    g.buf = buf;
    if (zsi_words_open(&g.places) != 0)
        g.places = NULL;
    /* without the domain words only ICU's are checked at a metric's edges,
     * as without places no place stops a run: a lesser reading, no error */
    if (load_domain() != 0)
        g.domain.n = 0;
}

int zsi_metric_data(void)
{
    if (pthread_once(&g.once, load) != 0)
        return ZS_ENOMEM;
    return g.rc;
}

/* Is p[s..e) whole one phrase of section sec? The longest phrase that
 * starts at s and fits is that one exactly. */
int zsi_whole_in(int sec, const char *p, size_t s, size_t e)
{
    const zsi_phrase *k = zsi_match_at(zsi_mset(sec), p, s, e);
    return k && k->len == e - s;
}

/* The longest phrase of ps that starts at p[s] and ends by p[end]; NULL if none. */
const zsi_phrase *zsi_match_at(const zsi_phrase_set *ps, const char *p, size_t s, size_t end)
{
    unsigned b;
    size_t k;

    if (s >= end)
        return NULL;
    b = bucket_of(p + s, end - s);
    for (k = ps->start[b]; k < ps->start[b + 1]; k++) {
        const zsi_phrase *ph = &ps->v[k];
        if (ph->len <= end - s && memcmp(p + s, ph->s, ph->len) == 0)
            return ph;
    }
    return NULL;
}

/* A phrase of ps that ends exactly at p[e] and starts at or after p[start]. */
const zsi_phrase *zsi_match_ending(const zsi_phrase_set *ps, const char *p, size_t start, size_t e)
{
    size_t k;
    if (e <= start)
        return NULL;
    if (ps->last) {
        unsigned char b = (unsigned char)p[e - 1];
        for (k = ps->last_start[b]; k < ps->last_start[b + 1]; k++) {
            const zsi_phrase *ph = &ps->v[ps->last[k]];
            if (ph->len <= e - start && memcmp(p + e - ph->len, ph->s, ph->len) == 0)
                return ph;
        }
        return NULL;
    }
    for (k = 0; k < ps->n; k++) {
        const zsi_phrase *ph = &ps->v[k];
        /* the last byte first: most entries differ there (a hot path) */
        if (ph->len <= e - start && ph->s[ph->len - 1] == p[e - 1] &&
            memcmp(p + e - ph->len, ph->s, ph->len) == 0)
            return ph;
    }
    return NULL;
}

int zsi_m_is_han(unsigned cp)
{
    UErrorCode err = U_ZERO_ERROR;
    if (cp < 0x2E80)
        return 0;
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return 1; /* the common block, without asking ICU (a hot path) */
    if (cp >= 0xFF00 && cp <= 0xFFEF)
        return 0;
    return uscript_getScript((UChar32)cp, &err) == USCRIPT_HAN && U_SUCCESS(err);
}

/* Han, Latin letters and digits, ASCII or full width (ＧＤＰ as printed in 1998). */
int zsi_is_run_char(unsigned cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF5A)
        cp -= 0xFEE0;
    return (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) || (cp >= '0' && cp <= '9') ||
           zsi_m_is_han(cp);
}

/* Put the characters of p[s..e), line breaks left out, at dst[o..]: as
 * many as fit in ZSI_METRIC_BYTES with the NUL (cut on a character). */
static void put_chars(char *dst, size_t o, const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, e - s, &cp);
        if (cp != '\n' && cp != '\r') {
            if (o + l > ZSI_METRIC_BYTES - 1)
                break;
            memcpy(dst + o, p + s, l);
            o += l;
        }
        s += l;
    }
    dst[o] = '\0';
}

void zsi_copy_phrase(char *dst, const char *p, size_t s, size_t e)
{
    put_chars(dst, 0, p, s, e);
}

void zsi_copy_raw(char *dst, zsi_span *at, const char *p, size_t s, size_t e)
{
    put_chars(dst, 0, p, s, e);
    if (at) {
        at->s = s;
        at->e = e;
    }
}

void zsi_copy_str(char *dst, const char *s, size_t n)
{
    put_chars(dst, 0, s, 0, n);
}

/* Append s to dst (ZSI_METRIC_BYTES), cut on a UTF-8 boundary. */
void zsi_append_str(char *dst, const char *s)
{
    put_chars(dst, strlen(dst), s, 0, strlen(s));
}

/* Look up a whole printed phrase (full-width letters and digits folded). */
const zsi_phrase *zsi_lookup_exact(const char *s, size_t n)
{
    const zsi_phrase_set *ps = zsi_mset(MSEC_PHRASES);
    char fold[ZSI_METRIC_BYTES];
    size_t o = 0, i = 0;
    unsigned b;
    size_t k;

    while (i < n && o + 4 < sizeof fold) {
        unsigned cp;
        size_t l = zsi_utf8_decode(s + i, n - i, &cp);
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            fold[o++] = (char)(cp - 0xFEE0);
        } else {
            memcpy(fold + o, s + i, l);
            o += l;
        }
        i += l;
    }
    if (o == 0 || i < n)
        return NULL;
    b = bucket_of(fold, o);
    for (k = ps->start[b]; k < ps->start[b + 1]; k++)
        if (ps->v[k].len == o && memcmp(ps->v[k].s, fold, o) == 0)
            return &ps->v[k];
    return NULL;
}

const zsi_phrase_set *zsi_mset(int sec)
{
    return &g.set[sec];
}

const zsi_words *zsi_mplaces(void)
{
    return g.places;
}

const zsi_phrase_set *zsi_mdomain(void)
{
    return &g.domain;
}
