/*
 * metric.c - the metric phrase that names a figure ("签约金额135.34亿元" ->
 * 签约金额), found in the words before the figure in its clause, or right
 * after it ("8000元的产业扶持资金").
 *
 * Everything language-specific is data (data/metrics.tsv): known phrases and
 * their normal forms, the suffixes that make an unknown run of Han a metric,
 * the words a run never crosses, the words stripped from its front, the
 * change words (增长, 同比下降) whose figure names the change of a subject,
 * the per-unit prefixes (亩均, 人均) that make a metric of their own, and the
 * conjunctions that start a new clause. The code decides which candidate is
 * nearest the figure and where its edges are.
 *
 * Edges are words: a metric starts and ends on a boundary of ICU's dictionary
 * word break (so 科技型企业入库数量 never gives 型企业入库数量, and the 率 of
 * 率队 is no metric), except that it may end right before a word that links
 * it to its figure (收益率由1.97%..., where ICU takes 率由 for a word).
 *
 * Invariants:
 *  - The data is loaded once per process (pthread_once) and never freed; all
 *    entries point into one buffer, looked up through a hash of the first
 *    character. Word breaking uses one ICU iterator per thread (a pthread
 *    key frees it when the thread ends); a lookup allocates nothing else.
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

/* From park_words.c (park_int.h, whose inline helpers would clash with ours):
 * the place-name lexicon, so that a metric run stops at a place name
 * (北京生猪收购价 -> 生猪收购价). */
typedef struct zsi_words zsi_words;
int zsi_words_open(zsi_words **out);
unsigned zsi_words_find(const zsi_words *w, const char *s, size_t n, size_t *row);
int zsi_words_place(const zsi_words *w, size_t row, const char **city, const char **province);
#define ZSW_PLACE_ 1u  /* ZSW_PLACE of park_int.h */
#define ZSW_COUNTY_ 2  /* ZSW_COUNTY: provinces, cities and counties stop a run, not
                        * towns or jieba's ns words (农村 is one) */

/* Longest metric run found through a suffix, in characters (suffix included). */
#define MAX_RUN_CHARS 8
/* Most characters of a window handed to ICU (the end nearest the figure). */
#define MAX_WB_CHARS 40
/* Bytes broken left of the nearest candidate (its run of at most
 * MAX_RUN_CHARS characters, and a word more). */
#define WB_MARGIN 30
/* Most candidates weighed for one figure. */
#define MAX_CANDS 24
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

enum {
    SEC_PHRASES,
    SEC_SUFFIXES,
    SEC_STOP,
    SEC_STRIP,
    SEC_NONMETRIC,
    SEC_CHANGE,
    SEC_PERUNIT,
    SEC_CONJ,
    NSEC
};

static struct {
    pthread_once_t once;
    int rc;
    char *buf;
    phrase_set set[NSEC];
    zsi_words *places; /* NULL when it could not be loaded: no place stops */
} g = {PTHREAD_ONCE_INIT, 0, NULL, {{NULL, 0, {0}}}, NULL};

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
            else if (len == 8 && memcmp(l, "[change]", 8) == 0)
                sec = SEC_CHANGE;
            else if (len == 9 && memcmp(l, "[perunit]", 9) == 0)
                sec = SEC_PERUNIT;
            else if (len == 6 && memcmp(l, "[conj]", 6) == 0)
                sec = SEC_CONJ;
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
    if (zsi_words_open(&g.places) != 0)
        g.places = NULL;
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
    unsigned b;
    size_t k;

    if (s >= end)
        return NULL;
    b = bucket_of(p + s, end - s);
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
    if (e <= start)
        return NULL;
    for (k = 0; k < ps->n; k++) {
        const phrase *ph = &ps->v[k];
        /* the last byte first: most entries differ there (a hot path) */
        if (ph->len <= e - start && ph->s[ph->len - 1] == p[e - 1] &&
            memcmp(p + e - ph->len, ph->s, ph->len) == 0)
            return ph;
    }
    return NULL;
}

static int is_han(unsigned cp)
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
static int is_run_char(unsigned cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF5A)
        cp -= 0xFEE0;
    return (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
           (cp >= '0' && cp <= '9') || is_han(cp);
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

/* Append s to dst (ZSI_METRIC_BYTES), cut on a UTF-8 boundary. */
static void append_str(char *dst, const char *s)
{
    size_t o = strlen(dst);
    char tmp[ZSI_METRIC_BYTES];
    copy_str(tmp, s, strlen(s));
    size_t k = 0, n = strlen(tmp);
    while (k < n) {
        unsigned cp;
        size_t l = zsi_utf8_decode(tmp + k, n - k, &cp);
        if (o + l > ZSI_METRIC_BYTES - 1)
            break;
        memcpy(dst + o, tmp + k, l);
        o += l;
        k += l;
    }
    dst[o] = '\0';
}

/* Look up a whole printed phrase (full-width letters and digits folded). */
static const phrase *lookup_exact(const char *s, size_t n)
{
    const phrase_set *ps = &g.set[SEC_PHRASES];
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

/* ---- word boundaries (ICU's dictionary break, one iterator per thread) ---- */

static pthread_once_t brk_once = PTHREAD_ONCE_INIT;
static UBreakIterator *brk_proto;
static pthread_key_t brk_key;
static int brk_key_ok;

static void brk_free(void *bi)
{
    ubrk_close(bi);
}

static void brk_init(void)
{
    UErrorCode err = U_ZERO_ERROR;
    brk_proto = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    if (U_FAILURE(err))
        brk_proto = NULL;
    brk_key_ok = pthread_key_create(&brk_key, brk_free) == 0;
}

static UBreakIterator *thread_brk(void)
{
    UBreakIterator *bi;
    UErrorCode err = U_ZERO_ERROR;

    if (pthread_once(&brk_once, brk_init) != 0 || !brk_proto || !brk_key_ok)
        return NULL;
    bi = pthread_getspecific(brk_key);
    if (bi)
        return bi;
    bi = ubrk_clone(brk_proto, &err);
    if (U_FAILURE(err) || !bi)
        return NULL;
    if (pthread_setspecific(brk_key, bi) != 0) {
        ubrk_close(bi);
        return NULL;
    }
    return bi;
}

/* The word boundaries of p[s..e): byte offsets, ascending, s and e included.
 * Without ICU every character boundary counts (edges are then unchecked). */
typedef struct wbounds {
    size_t s, e;
    size_t off[MAX_WB_CHARS * 2 + 2];
    int n;
} wbounds;

static void wb_compute(wbounds *wb, const char *p, size_t s, size_t e)
{
    UChar u16[MAX_WB_CHARS * 2];
    size_t off8[MAX_WB_CHARS * 2 + 1], q;
    int32_t nu = 0, k;
    size_t chars = 0;
    UBreakIterator *bi;
    UErrorCode err = U_ZERO_ERROR;

    /* keep the last MAX_WB_CHARS characters: the end nearest the figure */
    for (q = e; q > s && chars < MAX_WB_CHARS; chars++)
        q -= zsi_utf8_prev(p, q) <= q - s ? zsi_utf8_prev(p, q) : q - s;
    wb->s = q;
    wb->e = e;
    wb->n = 0;
    for (; q < e;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, e - q, &cp);
        off8[nu] = q;
        if (cp >= 0x10000) {
            u16[nu++] = (UChar)(0xD7C0 + (cp >> 10));
            off8[nu] = q;
            u16[nu++] = (UChar)(0xDC00 | (cp & 0x3FF));
        } else {
            u16[nu++] = (UChar)cp;
        }
        q += l;
    }
    off8[nu] = e;
    bi = nu ? thread_brk() : NULL;
    if (bi) {
        ubrk_setText(bi, u16, nu, &err);
        if (U_SUCCESS(err)) {
            for (k = ubrk_first(bi); k != UBRK_DONE && wb->n < (int)(sizeof wb->off / sizeof wb->off[0]);
                 k = ubrk_next(bi))
                if (wb->n == 0 || wb->off[wb->n - 1] != off8[k])
                    wb->off[wb->n++] = off8[k];
            ubrk_setText(bi, NULL, 0, &err); /* drop the pointer to our stack */
            return;
        }
    }
    /* no ICU: every character boundary */
    for (k = 0; k <= nu && wb->n < (int)(sizeof wb->off / sizeof wb->off[0]); k++)
        if (wb->n == 0 || wb->off[wb->n - 1] != off8[k])
            wb->off[wb->n++] = off8[k];
}

/* Is off a word boundary? Outside the broken range nothing is known: yes. */
static int wb_is(const wbounds *wb, size_t off)
{
    int lo = 0, hi = wb->n - 1;
    if (off <= wb->s || off >= wb->e)
        return 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (wb->off[mid] == off)
            return 1;
        if (wb->off[mid] < off)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

/* The last boundary at or before off (wb->s at the least). */
static size_t wb_le(const wbounds *wb, size_t off)
{
    size_t best = wb->s;
    for (int k = 0; k < wb->n && wb->off[k] <= off; k++)
        best = wb->off[k];
    return best;
}

/* The next boundary after off (wb->e at the most). */
static size_t wb_gt(const wbounds *wb, size_t off)
{
    for (int k = 0; k < wb->n; k++)
        if (wb->off[k] > off)
            return wb->off[k];
    return wb->e;
}

/* Characters that may follow a metric inside what ICU takes for one word:
 * 收益率由, 总额达, 利润为 ... (words that link a metric to its figure). */
static int links_on(unsigned cp)
{
    static const char set[] = "由为达是从至到在超比较同环已均约近逾仅增降提下上突共累占实完及和与或等的了将都也再则";
    size_t i = 0, n = sizeof set - 1;
    while (i < n) {
        unsigned c;
        i += zsi_utf8_decode(set + i, n - i, &c);
        if (c == cp)
            return 1;
    }
    return 0;
}

/* Characters a window may hold between a change word (or the clause start)
 * and the figure without naming anything: 为, 达到, 分别, 了, 约, 仅 ... */
static int is_filler(unsigned cp)
{
    static const char set[] = "了为达到分别约近超高仅至的逾是有共计已经则再又也都只才就均亦仍还将可"
                              "同比环较去上年期月周季度今初末底";
    size_t i = 0, n = sizeof set - 1;
    while (i < n) {
        unsigned c;
        i += zsi_utf8_decode(set + i, n - i, &c);
        if (c == cp)
            return 1;
    }
    return 0;
}

static unsigned cp_at(const char *p, size_t i, size_t e)
{
    unsigned cp = 0;
    if (i < e)
        zsi_utf8_decode(p + i, e - i, &cp);
    return cp;
}

static size_t nchars(const char *p, size_t s, size_t e)
{
    size_t c = 0;
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        c++;
    }
    return c;
}

/* Only run characters (Han, letters, digits) in p[s..e)? */
static int all_run(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (!is_run_char(cp))
            return 0;
    }
    return 1;
}

/* Only filler characters, spaces and line breaks in p[s..e)? */
static int all_filler(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (cp == ' ' || cp == '\n' || cp == '\r' || cp == 0x3000)
            continue;
        if (!is_filler(cp))
            return 0;
    }
    return 1;
}

/* A metric may end at e when a word ends there, at the window's end, or
 * when what follows links it to the figure (see links_on). */
static int end_ok(const wbounds *wb, const char *p, size_t e, size_t we)
{
    return e >= we || wb_is(wb, e) || links_on(cp_at(p, e, we));
}

/* The clause start in p[ws..we): after the last conjunction word (但是, 同时,
 * 而 ...) that stands as a word of its own. */
static size_t conj_cut(const wbounds *wb, const char *p, size_t ws, size_t we)
{
    size_t cut = ws, s;
    for (s = wb->s > ws ? wb->s : ws; s < we;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, we - s, &cp);
        const phrase *c = cp >= 0x80 ? match_at(&g.set[SEC_CONJ], p, s, we) : NULL;
        if (c && wb_is(wb, s) && wb_is(wb, s + c->len) && s + c->len < we)
            cut = s + c->len;
        s += l;
    }
    return cut;
}

/* Is p[s..e), one word, a word a metric run never extends back over: a
 * [stop] word, a word ending in a longer [stop] entry (有限公司) or in a place
 * or time character (2024年 printed in Han), or a place name (北京, 中国)? A
 * word merely ending in a one-character stop (拥有, 已经) is not one. */
static int is_stop_word(const char *p, size_t s, size_t e)
{
    const phrase *st = match_ending(&g.set[SEC_STOP], p, s, e);
    unsigned last;
    size_t row;
    if (g.places && (zsi_words_find(g.places, p + s, e - s, &row) & ZSW_PLACE_)) {
        const char *city, *province;
        int level = zsi_words_place(g.places, row, &city, &province);
        if (level >= 0 && level <= ZSW_COUNTY_)
            return 1;
    }
    if (!st)
        return 0;
    if (st->len == e - s || st->len >= 6)
        return 1;
    zsi_utf8_decode(p + e - zsi_utf8_prev(p, e), zsi_utf8_prev(p, e), &last);
    return last == 0x5E02 || last == 0x7701 || last == 0x53BF || last == 0x533A || /* 市省县区 */
           last == 0x5E74 || last == 0x6708 || last == 0x65E5;                      /* 年月日 */
}

typedef struct cand {
    size_t s, e;
    const phrase *ph;
    int known; /* 1: a [phrases] entry; 0: a [suffixes] ending */
} cand;

/*
 * Where a run of whole words ending at word start `from` begins: back over
 * Han, letters and digits, at most MAX_RUN_CHARS characters up to e, never
 * over a [stop] word or a place name, never past cut.
 */
static size_t run_start(const wbounds *wb, const char *p, size_t cut, size_t from, size_t e)
{
    size_t b = from, chars = nchars(p, b, e);
    while (b > cut && b > wb->s) {
        size_t pb = wb_le(wb, b - 1), wc;
        if (pb < cut)
            break;
        if (p[pb] == '\n' || p[pb] == '\r') {
            b = pb; /* a layout line break inside the phrase */
            continue;
        }
        if (!all_run(p, pb, b) || is_stop_word(p, pb, b))
            break;
        wc = nchars(p, pb, b);
        if (chars + wc > MAX_RUN_CHARS) {
            /* whole words only: the run never starts inside one; and not at
             * a one-character word that ends the word before it (科技|型|企业) */
            while (nchars(p, b, wb_gt(wb, b)) == 1 && wb_gt(wb, b) < from)
                b = wb_gt(wb, b);
            break;
        }
        chars += wc;
        b = pb;
    }
    while (b < from && (p[b] == '\n' || p[b] == '\r'))
        b++;
    return b;
}

/* A [strip] word and whatever precedes it go from the normal form
 * (累计引进项目 -> 引进项目, 该局累计售电量 -> 售电量); so do line breaks. */
static size_t strip_start(const wbounds *wb, const char *p, size_t b, size_t limit)
{
    size_t q;
    for (q = b; q < limit;) {
        const phrase *st = match_at(&g.set[SEC_STRIP], p, q, limit);
        if (st && wb_is(wb, q) && wb_is(wb, q + st->len)) {
            b = q + st->len;
            q = b;
            continue;
        }
        q = wb_gt(wb, q);
    }
    while (b < limit && (p[b] == '\n' || p[b] == '\r'))
        b++;
    return b;
}

/*
 * Check one candidate against the word boundaries and work out its extent.
 * The metric is the run of whole words that ends in the candidate (see
 * run_start): raw is all of it as printed (新增社会融资, 完成投资), norm drops
 * [strip] words and what precedes them and normalises a known phrase (项目总投资
 * -> 项目投资, 累计签约总金额 -> 签约金额). A per-unit prefix stays in both
 * (亩均营收 -> 亩均营业收入).
 * @return 1 with norm/raw written, 0 when the candidate fails.
 */
static int settle(const wbounds *wb, const char *p, size_t cut, size_t we, const cand *c,
                  char *norm, char *raw)
{
    size_t b, bs, q, from;
    const phrase *k = c->known ? c->ph : NULL, *pu;

    if (!end_ok(wb, p, c->e, we))
        return 0; /* 亲自率|队: the 率 of 率队 */
    from = wb_le(wb, c->s); /* the word the candidate starts in */
    if (from < cut || !all_run(p, from, c->s))
        return 0;
    if (k && from != c->s)
        k = NULL; /* 市场主体 inside a longer word: the word, as printed */
    if (k) {
        /* a per-unit prefix right before it: 亩均营收, 人均收入 */
        pu = c->s > cut ? match_ending(&g.set[SEC_PERUNIT], p, cut, c->s) : NULL;
        q = pu ? c->s - pu->len : c->s;
        if (pu && wb_is(wb, q)) {
            copy_phrase(raw, p, q, c->e);
            copy_str(norm, pu->s, pu->len);
            append_str(norm, k->norm);
            return 1;
        }
    }
    b = run_start(wb, p, cut, from, c->e);
    bs = strip_start(wb, p, b, from);
    if (!k && nchars(p, bs, c->e) < 2)
        return 0; /* a bare 率 or 额 names nothing */
    copy_phrase(raw, p, b, c->e);
    if (k) {
        copy_phrase(norm, p, bs, c->s);
        append_str(norm, k->norm);
    } else {
        const phrase *kk;
        copy_phrase(norm, p, bs, c->e);
        kk = lookup_exact(norm, strlen(norm));
        if (kk)
            copy_str(norm, kk->norm, kk->nlen);
    }
    return 1;
}

/* Does a candidate a beat b? Nearer the figure (ends later) first; at equal
 * ends a known phrase, then the longer. */
static int better(const cand *a, const cand *b)
{
    if (a->e != b->e)
        return a->e > b->e;
    if (a->known != b->known)
        return a->known;
    return a->e - a->s > b->e - b->s;
}

/*
 * The metric noun nearest the end of p[ws..we): the rightmost candidate that
 * settles. *cutp (may be NULL) receives the clause start after conjunctions.
 * @return 1 found, 0 none.
 */
static int find_noun(const char *p, size_t ws, size_t we, char *norm, char *raw, size_t *cutp,
                     size_t *endp)
{
    cand c[MAX_CANDS];
    int nc = 0, i, j, found = 0;
    size_t s, blk_s = 0, blk_e = 0, cut;
    wbounds wb;

    norm[0] = raw[0] = '\0';
    if (cutp)
        *cutp = ws;
    for (s = ws; s < we;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, we - s, &cp);
        if (cp >= 0x80 || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
            const phrase *k = match_at(&g.set[SEC_PHRASES], p, s, we);
            const phrase *x = match_at(&g.set[SEC_SUFFIXES], p, s, we);
            const phrase *nm = match_at(&g.set[SEC_NONMETRIC], p, s, we);
            if (nm && s + nm->len > blk_e) {
                blk_s = s;
                blk_e = s + nm->len;
            }
            if (x && s >= blk_s && s + x->len <= blk_e)
                x = NULL; /* the 量 of 质量, the 数 of 大数据 */
            for (j = 0; j < 2; j++) {
                const phrase *ph = j ? x : k;
                if (!ph)
                    continue;
                if (nc == MAX_CANDS) {
                    memmove(c, c + 1, (MAX_CANDS - 1) * sizeof *c);
                    nc--;
                }
                c[nc].s = s;
                c[nc].e = s + ph->len;
                c[nc].ph = ph;
                c[nc].known = !j;
                nc++;
            }
        }
        s += l;
    }
    if (nc == 0)
        return 0;
    /* ICU's dictionary break is most of the cost: break only the end of the
     * window that the nearest candidate, its run and a conjunction need (and
     * further left only when a candidate there is tried) */
    {
        size_t lo = we, q;
        int bi = 0;
        for (i = 1; i < nc; i++)
            if (better(&c[i], &c[bi]))
                bi = i;
        lo = c[bi].s > ws + WB_MARGIN ? c[bi].s - WB_MARGIN : ws;
        for (q = ws; q < lo;) {
            unsigned cp;
            size_t l = zsi_utf8_decode(p + q, lo - q, &cp);
            if (cp >= 0x80 && match_at(&g.set[SEC_CONJ], p, q, we)) {
                lo = q; /* a conjunction before it: break from there */
                break;
            }
            q += l;
        }
        while (lo > ws && (p[lo] & 0xC0) == 0x80)
            lo--;
        wb_compute(&wb, p, lo, we);
    }
    cut = conj_cut(&wb, p, ws, we);
    if (cutp)
        *cutp = cut;
    /* best first: a selection sort, nc is small */
    for (i = 0; i < nc && !found; i++) {
        int bi = i;
        for (j = i + 1; j < nc; j++)
            if (better(&c[j], &c[bi]))
                bi = j;
        if (bi != i) {
            cand t = c[i];
            c[i] = c[bi];
            c[bi] = t;
        }
        if (c[i].s < cut)
            continue;
        if (wb.s > ws && c[i].s < wb.s + WB_MARGIN) {
            size_t lo = c[i].s > ws + WB_MARGIN ? c[i].s - WB_MARGIN : ws;
            while (lo > ws && (p[lo] & 0xC0) == 0x80)
                lo--;
            wb_compute(&wb, p, lo, we); /* a candidate further left */
        }
        if (c[i].s < wb.s)
            continue; /* beyond MAX_WB_CHARS */
        found = settle(&wb, p, cut, we, &c[i], norm, raw);
        if (found && endp)
            *endp = c[i].e;
    }
    if (!found)
        norm[0] = raw[0] = '\0';
    return found;
}

/* Does p[s..e) hold 至 or 到 (a change to a new level: 提高至68.57%)? */
static int has_to(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (cp == 0x81F3 || cp == 0x5230)
            return 1;
    }
    return 0;
}

int zsi_metric_before(const char *p, size_t ws, size_t we, zsi_metric *m)
{
    size_t s, cut, gs = 0, ge = 0, kill_e = 0;
    const phrase *best = NULL;
    int rc = ensure_loaded();
    wbounds wb;

    memset(m, 0, sizeof *m);
    if (rc)
        return rc;
    /* The change word nearest the figure, with only filler after it. */
    for (s = ws; s < we;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, we - s, &cp);
        if (cp >= 0x80) {
            const phrase *k = match_at(&g.set[SEC_PHRASES], p, s, we);
            const phrase *ch = match_at(&g.set[SEC_CHANGE], p, s, we);
            if (k && s + k->len > kill_e)
                kill_e = s + k->len; /* the 增加 of 增加值 changes nothing */
            if (ch && s + ch->len > kill_e && s + ch->len > ge && all_filler(p, s + ch->len, we)) {
                best = ch;
                gs = s;
                ge = s + ch->len;
            }
        }
        s += l;
    }
    if (best) {
        size_t lo = gs > ws + 9 ? gs - 9 : ws;
        while (lo > ws && (p[lo] & 0xC0) == 0x80)
            lo--;
        wb_compute(&wb, p, lo, we);
        if (!wb_is(&wb, gs) || !end_ok(&wb, p, ge, we))
            best = NULL; /* inside a word */
    }
    if (best && has_to(p, ge, we)) {
        /* 提高至68.57%, 增长到5亿元: the new level, named by the noun before */
        size_t ne = we;
        m->adjacent = 1;
        return find_noun(p, ws, gs, m->norm, m->raw, &cut, &ne);
    }
    if (best) {
        copy_str(m->change, best->norm, best->nlen);
        copy_phrase(m->change_raw, p, gs, ge);
        m->decline = strstr(m->change, "\xE9\x99\x8D") || strstr(m->change, "\xE8\xB7\x8C"); /* 降 跌 */
        m->adjacent = 1;
        if (!find_noun(p, ws, gs, m->norm, m->raw, &cut, NULL)) {
            /* 增长5%: the subject is before this clause, unless the clause
             * only starts here after a conjunction */
            m->refer = !all_filler(p, cut, gs) ? 0 : 1;
            if (!m->refer && find_noun(p, cut, gs, m->norm, m->raw, NULL, NULL))
                return 1;
        }
        return 1;
    }
    {
        size_t ne = we;
        if (find_noun(p, ws, we, m->norm, m->raw, &cut, &ne)) {
            m->adjacent = all_filler(p, ne, we);
            return 1;
        }
    }
    /* 仅为2%, 达到50.1%: nothing named in the clause; the subject is earlier */
    {
        size_t han = 0;
        for (s = ws; s < we;) {
            unsigned cp;
            s += zsi_utf8_decode(p + s, we - s, &cp);
            han += is_han(cp);
        }
        m->refer = han > 0 && all_filler(p, ws, we);
    }
    return 0;
}

int zsi_place_word(const char *p, size_t n)
{
    size_t row;
    const char *city, *province;
    int level;
    if (ensure_loaded() != 0 || !g.places || !(zsi_words_find(g.places, p, n, &row) & ZSW_PLACE_))
        return 0;
    level = zsi_words_place(g.places, row, &city, &province);
    return level >= 0 && level <= ZSW_COUNTY_;
}

int zsi_metric_noun(const char *p, size_t ws, size_t we, char *norm, char *raw)
{
    int rc = ensure_loaded();
    norm[0] = raw[0] = '\0';
    if (rc)
        return rc;
    return find_noun(p, ws, we, norm, raw, NULL, NULL);
}

int zsi_metric_after(const char *p, size_t fe, size_t ce, int need_de, char *norm, char *raw)
{
    size_t s = fe, e, q, best = 0;
    int rc = ensure_loaded();
    wbounds wb;

    norm[0] = raw[0] = '\0';
    if (rc)
        return rc;
    if (ce - s >= 3 && memcmp(p + s, "\xE7\x9A\x84", 3) == 0) /* 的 */
        s += 3;
    else if (need_de)
        return 0;
    /* at most MAX_RUN_CHARS characters of run after it */
    for (e = s, q = 0; e < ce && q < MAX_RUN_CHARS; q++) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + e, ce - e, &cp);
        if (!is_han(cp))
            break;
        e += l;
    }
    if (e == s)
        return 0;
    /* no suffix or phrase ends in the run: nothing to break */
    for (q = s; q < e;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, e - q, &cp);
        if (match_at(&g.set[SEC_SUFFIXES], p, q, e) || match_at(&g.set[SEC_PHRASES], p, q, e))
            break;
        q += l;
    }
    if (q >= e)
        return 0;
    /* the word break sees one character more, so the run's last word is whole */
    {
        size_t e2 = e;
        if (e2 < ce) {
            unsigned cp;
            e2 += zsi_utf8_decode(p + e2, ce - e2, &cp);
        }
        wb_compute(&wb, p, s, e2);
    }
    if (wb.s != s)
        return 0;
    for (q = s; q < e;) {
        size_t nq = wb_gt(&wb, q);
        const phrase *st = match_at(&g.set[SEC_STOP], p, q, nq);
        if (nq > e || (st && st->len == nq - q))
            break; /* the run ends at a word such as 的, 和, 在 */
        if ((match_ending(&g.set[SEC_SUFFIXES], p, s, nq) &&
             !match_ending(&g.set[SEC_NONMETRIC], p, s, nq)) ||
            match_ending(&g.set[SEC_PHRASES], p, s, nq))
            best = nq; /* not the 价 of 评价 */
        q = nq;
    }
    /* The noun must end there: not in 市政府固定资产|投资专项补助, where the
     * next word goes on naming something else. */
    if (best && best < wb.e) {
        size_t nq = wb_gt(&wb, best);
        if (match_at(&g.set[SEC_SUFFIXES], p, best, nq) || match_at(&g.set[SEC_PHRASES], p, best, nq))
            return 0;
    }
    if (!best || nchars(p, s, best) < 2)
        return 0;
    copy_phrase(raw, p, s, best);
    {
        const phrase *k = lookup_exact(raw, strlen(raw));
        if (k)
            copy_str(norm, k->norm, k->nlen);
        else
            memcpy(norm, raw, strlen(raw) + 1);
    }
    return 1;
}

int zsi_metric_find(const char *p, size_t start, size_t end, char *norm, char *raw)
{
    zsi_metric m;
    int rc = zsi_metric_before(p, start, end, &m);

    norm[0] = raw[0] = '\0';
    if (rc < 0)
        return rc;
    if (!m.norm[0] && !m.change[0])
        return 0;
    memcpy(norm, m.norm, sizeof m.norm);
    memcpy(raw, m.raw, sizeof m.raw);
    append_str(norm, m.change);
    append_str(raw, m.change_raw);
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
