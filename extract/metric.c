/*
 * metric.c - the metric phrase that names a figure ("签约金额135.34亿元" ->
 * 签约金额), found in the words before the figure in its clause.
 *
 * Everything language-specific is data (data/metrics.tsv): known phrases and
 * their normal forms, the suffixes that make an unknown run of Han a metric,
 * the words a run never crosses and the words stripped from its front. The
 * code only decides which candidate is nearest the figure.
 *
 * Invariants:
 *  - The data is loaded once per process (pthread_once) and never freed; all
 *    entries point into one buffer, looked up through a hash of the first
 *    character, so finding a metric allocates nothing.
 *  - norm and raw are always NUL-terminated and cut on a UTF-8 boundary.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "figure_int.h"
#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_metrics[];
extern const size_t zs_data_metrics_len;

/* Longest metric run found through a suffix, in characters (suffix included). */
#define MAX_RUN_CHARS 8
/* Most Han characters between two figures that may still link them. */
#define MAX_LINK_HAN 12
#define NBUCKET 256

typedef struct phrase {
    const char *s;
    size_t len;
    const char *norm; /* NUL-terminated; == s for its own normal form */
    size_t nlen;
} phrase;

/* A set of phrases bucketed by a hash of their first character. */
typedef struct phrase_set {
    phrase *v;
    size_t n;
    size_t start[NBUCKET + 1];
} phrase_set;

enum { SEC_PHRASES, SEC_SUFFIXES, SEC_STOP, SEC_STRIP, SEC_NONMETRIC, NSEC };

static struct {
    pthread_once_t once;
    int rc;
    char *buf;
    phrase_set set[NSEC];
} g = {PTHREAD_ONCE_INIT, 0, NULL, {{NULL, 0, {0}}}};

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
    const phrase *x = a, *y = b;
    unsigned bx = bucket_of(x->s, x->len), by = bucket_of(y->s, y->len);
    if (bx != by)
        return bx < by ? -1 : 1;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1; /* longest first within a bucket */
    return 0;
}

static void index_set(phrase_set *ps)
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
}

static void load(void)
{
    char *buf = NULL;
    size_t n = 0, pos = 0, len, cap = 0;
    const char *line;
    int sec = SEC_PHRASES, rc, s, user = 0;

    rc = zss_data_load("metrics.tsv", zs_data_metrics, zs_data_metrics_len, &buf, &n);
    if (rc) {
        g.rc = rc;
        return;
    }
    while (zsi_data_next_line(buf, n, &pos, &line, &len))
        cap++;
    for (s = 0; s < NSEC; s++) {
        g.set[s].v = calloc(cap ? cap : 1, sizeof(phrase));
        if (!g.set[s].v) {
            g.rc = ZS_ENOMEM;
            return;
        }
    }
    pos = 0;
    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        char *l = (char *)line, *tab;
        phrase *ph;
        /* The user's file (after the built-in text) starts in [phrases]. */
        if (!user && line >= buf + zs_data_metrics_len) {
            user = 1;
            sec = SEC_PHRASES;
        }
        if (len >= 2 && l[0] == '[' && l[len - 1] == ']') {
            if (len == 9 && memcmp(l, "[phrases]", 9) == 0)
                sec = SEC_PHRASES;
            else if (len == 10 && memcmp(l, "[suffixes]", 10) == 0)
                sec = SEC_SUFFIXES;
            else if (len == 6 && memcmp(l, "[stop]", 6) == 0)
                sec = SEC_STOP;
            else if (len == 7 && memcmp(l, "[strip]", 7) == 0)
                sec = SEC_STRIP;
            else if (len == 11 && memcmp(l, "[nonmetric]", 11) == 0)
                sec = SEC_NONMETRIC;
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
    for (s = 0; s < NSEC; s++)
        index_set(&g.set[s]);
    g.buf = buf;
}

static int ensure_loaded(void)
{
    if (pthread_once(&g.once, load) != 0)
        return ZS_ENOMEM;
    return g.rc;
}

/* The longest phrase of ps that starts at p[s] and ends by p[end]; NULL if none. */
static const phrase *match_at(const phrase_set *ps, const char *p, size_t s, size_t end)
{
    unsigned b = bucket_of(p + s, end - s);
    size_t k;

    for (k = ps->start[b]; k < ps->start[b + 1]; k++) {
        const phrase *ph = &ps->v[k];
        if (ph->len <= end - s && memcmp(p + s, ph->s, ph->len) == 0)
            return ph;
    }
    return NULL;
}

/* A phrase of ps that ends exactly at p[e] and starts at or after p[start]. */
static const phrase *match_ending(const phrase_set *ps, const char *p, size_t start, size_t e)
{
    size_t k;
    for (k = 0; k < ps->n; k++) {
        const phrase *ph = &ps->v[k];
        if (ph->len <= e - start && memcmp(p + e - ph->len, ph->s, ph->len) == 0)
            return ph;
    }
    return NULL;
}

static int is_han(unsigned cp)
{
    UErrorCode err = U_ZERO_ERROR;
    return uscript_getScript((UChar32)cp, &err) == USCRIPT_HAN && U_SUCCESS(err);
}

static int is_run_char(unsigned cp)
{
    return is_han(cp) || (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
           (cp >= '0' && cp <= '9');
}

/* Copy p[s..e) into dst (ZSI_METRIC_BYTES), dropping line breaks, cutting on a
 * UTF-8 boundary. */
static void copy_phrase(char *dst, const char *p, size_t s, size_t e)
{
    size_t o = 0;
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

static void copy_str(char *dst, const char *s, size_t n)
{
    copy_phrase(dst, s, 0, n);
}

/* Look up a whole printed phrase; its normal form or NULL. */
static const phrase *lookup_exact(const char *s, size_t n)
{
    const phrase_set *ps = &g.set[SEC_PHRASES];
    unsigned b;
    size_t k;
    if (n == 0)
        return NULL;
    b = bucket_of(s, n);
    for (k = ps->start[b]; k < ps->start[b + 1]; k++)
        if (ps->v[k].len == n && memcmp(ps->v[k].s, s, n) == 0)
            return &ps->v[k];
    return NULL;
}

static pthread_once_t brk_once = PTHREAD_ONCE_INIT;
static UBreakIterator *brk_proto;

static void brk_init(void)
{
    UErrorCode err = U_ZERO_ERROR;
    brk_proto = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    if (U_FAILURE(err))
        brk_proto = NULL;
}

/* Characters of context ICU sees on each side when aligning a cut run. */
#define ALIGN_TEXT_UNITS 64

/*
 * A run cut at b by the length cap may start inside a word (济增长贡献率);
 * move b forward to the first word boundary ICU's dictionary break finds at
 * or after it, but not past limit (the suffix). The character before b is
 * given to ICU too, so that a word starting exactly at b is recognised.
 */
static size_t align_word_start(const char *p, size_t start, size_t b, size_t limit)
{
    UChar u16[ALIGN_TEXT_UNITS];
    size_t off8[ALIGN_TEXT_UNITS + 1];
    int32_t nu = 0, ub = -1, k;
    size_t s = b - zsi_utf8_prev(p, b), res = b;
    UBreakIterator *bi;
    UErrorCode err = U_ZERO_ERROR;

    if (s < start || pthread_once(&brk_once, brk_init) != 0 || !brk_proto)
        return b;
    while (s < limit && nu + 2 <= ALIGN_TEXT_UNITS) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, limit - s, &cp);
        if (s == b)
            ub = nu;
        off8[nu] = s;
        if (cp >= 0x10000) {
            u16[nu++] = (UChar)(0xD7C0 + (cp >> 10));
            off8[nu] = s;
            u16[nu++] = (UChar)(0xDC00 | (cp & 0x3FF));
        } else {
            u16[nu++] = (UChar)cp;
        }
        s += l;
    }
    off8[nu] = s;
    if (ub <= 0)
        return b;
    bi = ubrk_clone(brk_proto, &err);
    if (U_FAILURE(err) || !bi)
        return b;
    ubrk_setText(bi, u16, nu, &err);
    if (U_SUCCESS(err)) {
        k = ubrk_following(bi, ub - 1);
        if (k != UBRK_DONE && k > ub && k < nu)
            res = off8[k];
    }
    ubrk_close(bi);
    return res;
}

int zsi_metric_find(const char *p, size_t start, size_t end, char *norm, char *raw)
{
    size_t s, ke = 0, klen = 0, se = 0, slen = 0, blk_s = 0, blk_e = 0;
    const phrase *kbest = NULL, *sbest = NULL;
    int rc = ensure_loaded();

    norm[0] = raw[0] = '\0';
    if (rc)
        return rc;
    for (s = start; s < end;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, end - s, &cp);
        if (cp >= 0x80 || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
            const phrase *k = match_at(&g.set[SEC_PHRASES], p, s, end);
            const phrase *x = match_at(&g.set[SEC_SUFFIXES], p, s, end);
            const phrase *nm = match_at(&g.set[SEC_NONMETRIC], p, s, end);
            if (nm && s + nm->len > blk_e) {
                blk_s = s;
                blk_e = s + nm->len;
            }
            if (x && s >= blk_s && s + x->len <= blk_e)
                x = NULL; /* the 量 of 质量, the 数 of 大数据 */
            if (k && (s + k->len > ke || (s + k->len == ke && k->len > klen))) {
                kbest = k;
                ke = s + k->len;
                klen = k->len;
            }
            if (x && (s + x->len > se || (s + x->len == se && x->len > slen))) {
                sbest = x;
                se = s + x->len;
                slen = x->len;
            }
        }
        s += l;
    }
    if (!kbest && !sbest)
        return 0;
    if (kbest && ke >= se) {
        copy_phrase(raw, p, ke - klen, ke);
        copy_str(norm, kbest->norm, kbest->nlen);
        return 1;
    }

    /* An unknown run ending in a suffix: extend it back over Han. */
    size_t b = se - slen, chars = 0, run_end = se;
    for (s = b; s < se;) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, se - s, &cp);
        chars++;
    }
    int capped = 0;
    while (b > start) {
        size_t l = zsi_utf8_prev(p, b);
        unsigned cp;
        if (l > b - start)
            break;
        zsi_utf8_decode(p + b - l, l, &cp);
        if (cp == '\n' || cp == '\r') {
            b -= l; /* a layout line break inside the phrase */
            continue;
        }
        if (!is_run_char(cp) || match_ending(&g.set[SEC_STOP], p, start, b))
            break;
        if (chars >= MAX_RUN_CHARS) {
            capped = 1; /* the run goes on: b may be inside a word */
            break;
        }
        b -= l;
        chars++;
    }
    if (capped)
        b = align_word_start(p, start, b, se - slen);
    /* A [strip] word and whatever precedes it go (累计引进项目 -> 引进项目,
     * 该局累计售电量 -> 售电量); so do leading line breaks. */
    {
        size_t q = b, sstart = se - slen;
        while (q < sstart) {
            unsigned cp;
            size_t l = zsi_utf8_decode(p + q, sstart - q, &cp);
            const phrase *st = match_at(&g.set[SEC_STRIP], p, q, sstart);
            if (st) {
                b = q + st->len;
                q = b;
                continue;
            }
            q += l;
        }
        while (b < run_end && (p[b] == '\n' || p[b] == '\r'))
            b++;
    }
    copy_phrase(raw, p, b, run_end);
    {
        const phrase *k = lookup_exact(raw, strlen(raw));
        if (k)
            copy_str(norm, k->norm, k->nlen);
        else
            memcpy(norm, raw, strlen(raw) + 1);
    }
    return 1;
}

int zsi_metric_is_link(const char *p, size_t start, size_t end)
{
    size_t s = start, han = 0, other = 0, after_link = 0;
    int has_link = 0;
    char n1[ZSI_METRIC_BYTES], r1[ZSI_METRIC_BYTES];

    while (s < end) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, end - s, &cp);
        s += l;
        if (!is_han(cp))
            continue;
        han++;
        if (cp == 0x81F3 || cp == 0x5230) { /* 至 到 */
            has_link = 1;
            after_link = s;
        } else if (cp != 0x548C && cp != 0x53CA && cp != 0x4E0E && cp != 0x6216) {
            other++; /* not 和 及 与 或 */
        }
    }
    if (other == 0 && !has_link)
        return 1; /* "5%、8%", "3家和5家" */
    if (has_link && han <= MAX_LINK_HAN)
        return zsi_metric_find(p, after_link, end, n1, r1) == 0;
    return 0;
}
