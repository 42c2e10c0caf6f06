/*
 * figure.c - figures in Chinese news text: a number with its unit, hedge
 * words and range, normalised to a base unit, plus the year and the metric
 * phrase stated with it.
 *
 * What is a figure:
 *  - A number (number.c) followed by a unit of data/units.tsv (longest match;
 *    "1.06万户" = 10600 户), or a fraction (七分之一, 百分之三十 = 30%), or an
 *    Arabic number with a 万/亿 multiplier or thousands separator and no unit
 *    ("突破10万" = 1e5, class "number"), or a hedged bare number (超过100).
 *  - Hedges are flags: 近/将近/接近 NEAR, 超/超过/逾/突破/以上 OVER,
 *    约/大约/左右/上下 ABOUT, 余/多 PLUS, 不到/不足/以下/以内 UNDER.
 *  - Ranges: 5到10年, 3至5亿元, 3-5%, 30%—40% (value .. value_hi). "从X到Y"
 *    is a change, not a range: two figures.
 * What is not:
 *  - Years: a four-digit number 1900-2100 (or 二〇二四) before 年, and year
 *    ranges (2021—2024年). They set the year of later figures instead.
 *  - Dates and times: 10月, 5日, 3号, 10时 (those units are absent from the
 *    data on purpose), and ordinals: 第一, 第27位.
 *  - Numbers glued to Latin letters or digits (PM2.5, 5G, A3), digit strings
 *    in Chinese numerals (十四五, 一二三), and Chinese numerals used as words:
 *    a one-character numeral without a hedge is a figure only when it
 *    measures something (五年, 三公里, 千元); 一 alone, a digit before a
 *    classifier or 元 (一个, 三笔, 二元), and 十/百/千/万/亿 before a
 *    classifier (千家万户) are words. A Chinese numeral without a unit needs
 *    a hedge (突破十万).
 * Year of a figure: the last year stated in its clause before it; else the
 * year that leads its sentence ("2024年，经营主体总量突破1.06万户" -> 2024).
 * Metric: metric.c, on the words between the clause start (or the previous
 * figure of the clause) and the figure; a figure only linked to the previous
 * one ("从995亿元增长至2024年的1903亿元") inherits its metric.
 *
 * Invariants: the unit table is loaded once per process (pthread_once) and
 * never freed, so unit/cls pointers stay valid; extraction allocates only the
 * output array, grown geometrically.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "figure_int.h"
#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_units[];
extern const size_t zs_data_units_len;

typedef struct unitdef {
    const char *printed;
    size_t plen;
    const char *base;
    const char *cls;
    double mult;
    int latin_end; /* last byte is an ASCII letter: must not run into more */
} unitdef;

static struct {
    pthread_once_t once;
    int rc;
    char *buf;
    unitdef *u;
    size_t n;
    size_t start[257]; /* entries by folded first byte, longest first */
    const unitdef *percent, *permille;
} g = {PTHREAD_ONCE_INIT, 0, NULL, NULL, 0, {0}, NULL, NULL};

static unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}

static int is_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int cmp_unit(const void *a, const void *b)
{
    const unitdef *x = a, *y = b;
    unsigned char fx = fold((unsigned char)x->printed[0]), fy = fold((unsigned char)y->printed[0]);
    if (fx != fy)
        return fx < fy ? -1 : 1;
    if (x->plen != y->plen)
        return x->plen > y->plen ? -1 : 1;
    return 0;
}

/* A multiplier column: digits, optional decimals, optional e[+-]digits.
 * Locale-independent (strtod would read "0.001" as 0 under a comma locale). */
static int parse_mult(const char *s, double *out)
{
    double m = 0, scale = 1;
    int e = 0, esign = 1, nd = 0;

    for (; *s >= '0' && *s <= '9'; s++, nd++)
        m = m * 10 + (*s - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++, nd++) {
            m = m * 10 + (*s - '0');
            scale *= 10;
        }
    if (nd == 0)
        return -1;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            esign = *s++ == '-' ? -1 : 1;
        if (!(*s >= '0' && *s <= '9'))
            return -1;
        for (; *s >= '0' && *s <= '9' && e < 400; s++)
            e = e * 10 + (*s - '0');
    }
    if (*s)
        return -1;
    m /= scale;
    while (e-- > 0)
        m = esign > 0 ? m * 10 : m / 10;
    if (!(m > 0) || !isfinite(m))
        return -1;
    *out = m;
    return 0;
}

static void load_units(void)
{
    char *buf = NULL;
    size_t n = 0, pos = 0, len, cap = 0, i;
    const char *line;
    int rc = zss_data_load("units.tsv", zs_data_units, zs_data_units_len, &buf, &n);

    if (rc) {
        g.rc = rc;
        return;
    }
    while (zsi_data_next_line(buf, n, &pos, &line, &len))
        cap++;
    g.u = calloc(cap ? cap : 1, sizeof(unitdef));
    if (!g.u) {
        free(buf);
        g.rc = ZS_ENOMEM;
        return;
    }
    pos = 0;
    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        char *f[4], *l = (char *)line;
        size_t k = 0, j;
        unitdef *u = &g.u[g.n];

        l[len] = '\0'; /* next_line has moved past this byte already */
        f[k++] = l;
        for (j = 0; j < len && k < 4; j++)
            if (l[j] == '\t') {
                l[j] = '\0';
                while (j + 1 < len && l[j + 1] == '\t')
                    l[++j] = '\0';
                f[k++] = l + j + 1;
            }
        if (k != 4 || !*f[0] || !*f[1] || !*f[3] || parse_mult(f[2], &u->mult) != 0)
            continue; /* malformed: skipped */
        u->printed = f[0];
        u->plen = strlen(f[0]);
        u->base = f[1];
        u->cls = f[3];
        u->latin_end = is_alpha((unsigned char)f[0][u->plen - 1]);
        g.n++;
    }
    qsort(g.u, g.n, sizeof *g.u, cmp_unit);
    {
        size_t b, k = 0;
        for (b = 0; b <= 256; b++) {
            while (k < g.n && fold((unsigned char)g.u[k].printed[0]) < b)
                k++;
            g.start[b] = k;
        }
    }
    for (i = 0; i < g.n; i++) {
        if (!g.percent && strcmp(g.u[i].printed, "%") == 0)
            g.percent = &g.u[i];
        if (!g.permille && strcmp(g.u[i].printed, "\xE2\x80\xB0") == 0) /* ‰ */
            g.permille = &g.u[i];
    }
    g.buf = buf;
}

static int units_ready(void)
{
    if (pthread_once(&g.once, load_units) != 0)
        return ZS_ENOMEM;
    return g.rc;
}

/* The longest unit printed at p[i..n), or NULL. */
static const unitdef *unit_at(const char *p, size_t n, size_t i)
{
    unsigned char c;
    size_t k;

    if (i >= n)
        return NULL;
    c = fold((unsigned char)p[i]);
    for (k = g.start[c]; k < g.start[c + 1]; k++) {
        const unitdef *u = &g.u[k];
        size_t j;
        if (u->plen > n - i)
            continue;
        for (j = 0; j < u->plen; j++)
            if (fold((unsigned char)p[i + j]) != fold((unsigned char)u->printed[j]))
                break;
        if (j < u->plen)
            continue;
        if (u->latin_end && i + u->plen < n && is_alpha((unsigned char)p[i + u->plen]))
            continue;
        return u;
    }
    return NULL;
}

/* ---- characters ---- */

static unsigned cp_at(const char *p, size_t n, size_t i, size_t *len)
{
    unsigned cp = 0;
    size_t l = 0;
    if (i < n)
        l = zsi_utf8_decode(p + i, n - i, &cp);
    if (len)
        *len = l;
    return cp;
}

/* The code point ending at p[i] (0 at the start of the text). */
static unsigned cp_before(const char *p, size_t i)
{
    size_t l;
    unsigned cp;
    if (i == 0)
        return 0;
    l = zsi_utf8_prev(p, i);
    zsi_utf8_decode(p + i - l, l, &cp);
    return cp;
}

static int is_han(unsigned cp)
{
    UErrorCode err = U_ZERO_ERROR;
    if (cp < 0x2E80)
        return 0;
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return 1; /* the common block, without asking ICU */
    return uscript_getScript((UChar32)cp, &err) == USCRIPT_HAN && U_SUCCESS(err);
}

static int arabic_digit_cp(unsigned cp)
{
    if (cp >= '0' && cp <= '9')
        return 1;
    if (cp >= 0x3000 && cp < 0xA000)
        return 0; /* CJK: no decimal digit there, and no need to ask ICU (a hot path) */
    return cp >= 0x80 && u_charType((UChar32)cp) == U_DECIMAL_DIGIT_NUMBER;
}

static int in_set(unsigned cp, const unsigned *set)
{
    for (; *set; set++)
        if (*set == cp)
            return 1;
    return 0;
}

/* ---- hedges ---- */

typedef struct hedge_word {
    const char *s;
    size_t len;
    int flag;
    int weak;              /* 上百家: only with a unit and a Chinese multiplier */
    const unsigned *not_after; /* not a hedge after these (签约, 最近) */
} hedge_word;

static const unsigned not_after_yue[] = {0x7B7E, 0x8282, 0x5408, 0x5236, 0x5951, 0x9884, 0x516C,
                                         0x6761, 0x5C65, 0x8FDD, 0x9080, 0x7279, 0x76F8, 0x9690,
                                         0x5A49, 0x7B80, 0x96C6, 0};
/* 签节合制契预公条履违邀特相隐婉简集 (签约, 节约, 集约 ...) */
static const unsigned not_after_jin[] = {0x6700, 0x9644, 0x90BB, 0x9760, 0}; /* 最附邻靠 */
static const unsigned not_after_chao[] = {0x8D76, 0x9AD8, 0};                /* 赶高 */
static const unsigned not_after_shang[] = {0x8FC8, 0x8DC3, 0x767B, 0x8D70, 0x8E0F, 0x7AD9,
                                           0x4EE5, 0}; /* 迈跃登走踏站以 */

static const hedge_word pre_hedges[] = {
    {"\xE5\xB0\x86\xE8\xBF\x91", 6, ZSI_HEDGE_NEAR, 0, NULL},           /* 将近 */
    {"\xE6\x8E\xA5\xE8\xBF\x91", 6, ZSI_HEDGE_NEAR, 0, NULL},           /* 接近 */
    {"\xE8\xBF\x91", 3, ZSI_HEDGE_NEAR, 0, not_after_jin},              /* 近 */
    {"\xE8\xB6\x85\xE8\xBF\x87", 6, ZSI_HEDGE_OVER, 0, NULL},           /* 超过 */
    {"\xE8\xB6\x85\xE5\x87\xBA", 6, ZSI_HEDGE_OVER, 0, NULL},           /* 超出 */
    {"\xE8\xB6\x85", 3, ZSI_HEDGE_OVER, 0, not_after_chao},             /* 超 */
    {"\xE9\x80\xBE", 3, ZSI_HEDGE_OVER, 0, NULL},                       /* 逾 */
    {"\xE7\xAA\x81\xE7\xA0\xB4", 6, ZSI_HEDGE_OVER, 0, NULL},           /* 突破 */
    {"\xE5\xA4\xA7\xE7\xBA\xA6", 6, ZSI_HEDGE_ABOUT, 0, NULL},          /* 大约 */
    {"\xE7\xBA\xA6", 3, ZSI_HEDGE_ABOUT, 0, not_after_yue},             /* 约 */
    {"\xE4\xB8\x8D\xE5\x88\xB0", 6, ZSI_HEDGE_UNDER, 0, NULL},          /* 不到 */
    {"\xE4\xB8\x8D\xE8\xB6\xB3", 6, ZSI_HEDGE_UNDER, 0, NULL},          /* 不足 */
    {"\xE4\xB8\x8A", 3, ZSI_HEDGE_OVER, 1, not_after_shang},            /* 上 */
};

static const hedge_word post_hedges[] = {
    {"\xE4\xBB\xA5\xE4\xB8\x8A", 6, ZSI_HEDGE_OVER, 0, NULL},  /* 以上 */
    {"\xE5\xB7\xA6\xE5\x8F\xB3", 6, ZSI_HEDGE_ABOUT, 0, NULL}, /* 左右 */
    {"\xE4\xB8\x8A\xE4\xB8\x8B", 6, ZSI_HEDGE_ABOUT, 1, NULL}, /* 上下 (not 上下班) */
    {"\xE4\xBB\xA5\xE4\xB8\x8B", 6, ZSI_HEDGE_UNDER, 0, NULL}, /* 以下 */
    {"\xE4\xBB\xA5\xE5\x86\x85", 6, ZSI_HEDGE_UNDER, 0, NULL}, /* 以内 */
    {"\xE5\xBC\x80\xE5\xA4\x96", 6, ZSI_HEDGE_OVER, 0, NULL},  /* 开外 */
};

#define U8_YU "\xE4\xBD\x99"  /* 余 */
#define U8_DUO "\xE5\xA4\x9A" /* 多 */
#define CP_DI 0x7B2C          /* 第 */
#define CP_CONG 0x4ECE        /* 从 */
#define CP_YOU 0x7531         /* 由 */

/* After a unit, 多 is a hedge (一年多来, 4%多) unless it starts a word (多家). */
static const unsigned duo_ok_before[] = {0x6765, 0x7684, 0x4E86, 0x964D, 0x5347, 0x589E,
                                         0x51CF, 0x6DA8, 0x8DCC, 0}; /* 来的了降升增减涨跌 */

static const hedge_word *pre_hedge_at(const char *p, size_t n, size_t i)
{
    size_t k;
    for (k = 0; k < sizeof pre_hedges / sizeof pre_hedges[0]; k++) {
        const hedge_word *h = &pre_hedges[k];
        /* first byte inline: this runs at every Han character */
        if (h->len <= n - i && p[i] == h->s[0] && memcmp(p + i, h->s, h->len) == 0) {
            if (h->not_after && in_set(cp_before(p, i), h->not_after))
                return NULL;
            return h;
        }
    }
    return NULL;
}

/* Length of a range connector at p[i] (到 至 - ~ ～ — － – 〜), else 0. */
static size_t connector_at(const char *p, size_t n, size_t i)
{
    size_t l;
    unsigned cp = cp_at(p, n, i, &l);
    switch (cp) {
    case 0x5230: case 0x81F3: case '-': case '~': case 0xFF5E: case 0x2014:
    case 0xFF0D: case 0x2013: case 0x301C:
        return l;
    default:
        return 0;
    }
}

/* ---- one number with its unit ---- */

/* Most spaces between a number and its unit. */
#define MAX_UNIT_SPACES 2

typedef struct part {
    zsi_num num;
    size_t start;    /* number's first byte */
    int plus;        /* 余/多 between number and unit */
    double mult;     /* multiplier chain after the number, 1 if none */
    const unitdef *u;   /* NULL: no unit */
    size_t end;      /* after the unit */
} part;

static double pow10i(int k)
{
    double r = 1;
    while (k-- > 0)
        r *= 10;
    return r;
}

static int num_starts_at(const char *p, size_t n, size_t i)
{
    unsigned cp;
    if (i >= n)
        return 0;
    cp = cp_at(p, n, i, NULL);
    return arabic_digit_cp(cp) || zsi_cn_numeral(cp) >= 0;
}

/* 余 or 多 at p[pos]: 3 bytes, else 0. */
static size_t plus_at(const char *p, size_t n, size_t pos)
{
    if (n - pos >= 3 && (memcmp(p + pos, U8_YU, 3) == 0 || memcmp(p + pos, U8_DUO, 3) == 0))
        return 3;
    return 0;
}

/* Spaces a print layout puts between a number and its unit ("149.38 亿元"). */
static size_t spaces_at(const char *p, size_t n, size_t pos)
{
    size_t k = 0;
    while (k < MAX_UNIT_SPACES && pos + k < n && (p[pos + k] == ' ' || p[pos + k] == '\t'))
        k++;
    return k;
}

/* 成 after a Chinese numeral is tenths (三成 = 30%) unless it starts a word
 * (成为, 成立, 成本 ...). */
static const unsigned cheng_not_before[] = {0x4E3A, 0x7ACB, 0x529F, 0x672C, 0x5458, 0x679C,
                                            0x957F, 0x6548, 0x4EA4, 0x719F, 0x7EE9, 0x54C1,
                                            0x578B, 0x5C31, 0x90FD, 0x5206, 0x7FA4, 0};

/* ---- rates: a unit per another (元/吨) ---- */

/* Most distinct rate units one process keeps (each lives to its end). */
#define MAX_RATE_UNITS 1024
/* Longest denominator that is no listed unit (元/桶), in bytes. */
#define MAX_DENOM_BYTES 9

typedef struct rate_def {
    unitdef u;
    const unitdef *num, *den; /* den NULL: den_text is the denominator */
    char den_text[MAX_DENOM_BYTES + 1];
    char base[48], cls[48];
} rate_def;

static pthread_mutex_t rate_mu = PTHREAD_MUTEX_INITIALIZER;
static rate_def rates[MAX_RATE_UNITS];
static size_t nrates;

/* Percent and points per something are no rates we keep (3%/年 is rare). */
static int cls_is_rateless(const unitdef *u)
{
    return !strcmp(u->cls, "percent") || !strcmp(u->cls, "points");
}

/*
 * The rate unit num/den where the text at p[i] names den: a listed unit
 * (吨, 平方米, 千瓦时) or, failing that, one or two Han characters that name
 * no unit (桶, 股). The rate's base is "<num base>/<den base>" (元/吨), its
 * class "<num class>/<den class>" (money/weight; money/桶 for an unlisted
 * one), its multiplier num's over den's (万元/亩 = 1e4 元/亩, 元/千克 = 1000
 * 元/吨), so that every rate compares within its class as a query's
 * figure:>800元/吨 does. Interned for the process (a mutex guards the table).
 * @return the rate unit and *len (bytes of den), or NULL (not a rate, or the
 *         table is full).
 */
static const unitdef *rate_unit(const unitdef *num, const char *p, size_t n, size_t i, size_t *len)
{
    const unitdef *den = unit_at(p, n, i);
    char dt[MAX_DENOM_BYTES + 1] = "";
    size_t dl = 0, k;
    rate_def *r = NULL;

    if (den && (den->plen > n - i || cls_is_rateless(den) || den == num))
        den = NULL;
    if (den) {
        dl = den->plen;
    } else {
        size_t l;
        while (dl < MAX_DENOM_BYTES - 2 && i + dl < n && is_han(cp_at(p, n, i + dl, &l)) &&
               zsi_cn_numeral(cp_at(p, n, i + dl, NULL)) < 0)
            dl += l;
        if (dl == 0 || dl > 6)
            return NULL; /* 元/次 is listed; 元/ followed by a long phrase is no rate */
        memcpy(dt, p + i, dl);
        dt[dl] = '\0';
    }
    if (pthread_mutex_lock(&rate_mu) != 0)
        return NULL;
    for (k = 0; k < nrates; k++)
        if (rates[k].num == num && rates[k].den == den && (den || !strcmp(rates[k].den_text, dt))) {
            r = &rates[k];
            break;
        }
    if (!r && nrates < MAX_RATE_UNITS) {
        r = &rates[nrates];
        r->num = num;
        r->den = den;
        memcpy(r->den_text, dt, sizeof dt);
        snprintf(r->base, sizeof r->base, "%s/%s", num->base, den ? den->base : dt);
        snprintf(r->cls, sizeof r->cls, "%s/%s", num->cls, den ? den->cls : dt);
        r->u.printed = "";
        r->u.plen = 0;
        r->u.base = r->base;
        r->u.cls = r->cls;
        r->u.mult = num->mult / (den ? den->mult : 1);
        nrates++; /* published under the mutex; entries never move or change */
    }
    pthread_mutex_unlock(&rate_mu);
    if (r)
        *len = dl;
    return r ? &r->u : NULL;
}

static int read_part(const char *p, size_t n, size_t j, part *pt)
{
    size_t pos, mlen = 0, sp, k;
    const unitdef *u1;
    double m = 1;

    memset(pt, 0, sizeof *pt);
    pt->mult = 1;
    pt->start = j;
    if (j >= n || zsi_number_scan(p + j, n - j, &pt->num) != ZS_OK)
        return ZS_EINVAL;
    pos = j + pt->num.used;
    pt->end = pos;
    if (pt->num.flags & (ZSI_NUMF_FRAC | ZSI_NUMF_NEXTNUM))
        return ZS_OK;
    if ((k = plus_at(p, n, pos)) > 0) {
        pt->plus = 1;
        pos += k;
    }
    sp = pt->num.kind == ZSI_NUM_ARABIC ? spaces_at(p, n, pos) : 0;
    /* The Chinese scanner already took 万/亿; after Arabic digits or 余/多 a
     * multiplier is read here, unless a listed unit starts with it (千米). */
    u1 = unit_at(p, n, pos + sp);
    if (pt->num.kind == ZSI_NUM_ARABIC || pt->plus)
        mlen = zsi_multiplier_scan(p + pos + sp, n - pos - sp, &m);
    if (u1 && u1->plen >= mlen) {
        pt->u = u1;
        pos += sp + u1->plen;
    } else if (mlen) {
        size_t at = pos + sp + mlen, k2 = 0;
        if (!pt->plus && (k2 = plus_at(p, n, at)) > 0)
            pt->plus = 1; /* 1.1万余人 */
        at += k2;
        at += spaces_at(p, n, at);
        pt->u = unit_at(p, n, at);
        if (pt->u) {
            pt->mult = m;
            pos = at + pt->u->plen;
        } else if (zsi_cn_numeral(cp_before(p, pos + sp + mlen)) >= 1e4) {
            pt->mult = m; /* 突破10万: a bare 万/亿 is a magnitude */
            pos += sp + mlen + k2;
        }
        /* else 220千伏: a 千/百 before an unknown unit belongs to that unit */
    } else if (pt->num.kind == ZSI_NUM_CHINESE && pt->num.first != 1 && g.percent &&
               n - pos >= 3 && memcmp(p + pos, "\xE6\x88\x90", 3) == 0 && /* 成 */
               !in_set(cp_at(p, n, pos + 3, NULL), cheng_not_before)) {
        pt->u = g.percent;
        pt->mult = 10;
        pos += 3;
    }
    if (pt->u) {
        /* 832元/吨, 5万元/亩: a rate, kept with its unit (see rate_unit) */
        size_t sl = 0;
        unsigned c = cp_at(p, n, pos, &sl);
        if ((c == '/' || c == 0xFF0F) && !cls_is_rateless(pt->u)) {
            size_t dl = 0;
            const unitdef *r = rate_unit(pt->u, p, n, pos + sl, &dl);
            if (r) {
                pt->u = r;
                pos += sl + dl;
            }
        }
    }
    pt->end = pos;
    return ZS_OK;
}

/* Value of a part in base units; unit u (may be NULL), extra multiplier m. */
static double part_value(const part *pt, double m, const unitdef *u)
{
    return pt->num.mant * m * (u ? u->mult : 1) / pow10i(pt->num.scale);
}

static int year_like(const part *pt)
{
    const zsi_num *x = &pt->num;
    if (pt->plus || pt->mult != 1)
        return 0;
    if (x->kind == ZSI_NUM_ARABIC && (x->flags & (ZSI_NUMF_SEP | ZSI_NUMF_DEC)))
        return 0;
    if (x->kind == ZSI_NUM_CHINESE && !(x->flags & ZSI_NUMF_DIGSTR))
        return 0;
    return x->nchars == 4 && x->value >= ZSI_YEAR_MIN && x->value <= ZSI_YEAR_MAX;
}

static int unit_is_year(const unitdef *u)
{
    return u && strcmp(u->printed, "\xE5\xB9\xB4") == 0; /* 年 */
}

static int cls_is(const unitdef *u, const char *cls)
{
    return u && strcmp(u->cls, cls) == 0;
}

enum { FP_NONE, FP_FIGURE, FP_YEAR };

typedef struct fparse {
    int kind;
    size_t next; /* where scanning resumes */
    int year;
    zsi_figure f;
} fparse;

/* Skip a run of numeral characters (Arabic digits and separators, or
 * Chinese numerals) starting at i. */
static size_t skip_run(const char *p, size_t n, size_t i)
{
    size_t l;
    while (i < n) {
        unsigned cp = cp_at(p, n, i, &l);
        if (!(arabic_digit_cp(cp) || zsi_cn_numeral(cp) >= 0 || cp == '.' || cp == ',' ||
              cp == 0xFF0E))
            break;
        i += l;
    }
    return i;
}

/*
 * Parse a figure (or a year) starting at p[i], a hedge word or a number.
 * lenient: the query parser's reading (zsi_quantity_parse): bare numbers and
 * one-character numerals are figures, years come back as class "year".
 */
static void parse_at(const char *p, size_t n, size_t i, int lenient, fparse *r)
{
    const hedge_word *h = pre_hedge_at(p, n, i);
    size_t j = i, l0, end, clen;
    part a, b;
    int hedge = 0, weak = 0, range = 0, has_unit, k;
    unsigned before;
    const unitdef *u;
    double va, vb;

    memset(r, 0, sizeof *r);
    cp_at(p, n, i, &l0);
    r->kind = FP_NONE;
    r->next = i + (l0 ? l0 : 1);
    if (h && num_starts_at(p, n, i + h->len)) {
        j = i + h->len;
        hedge = h->flag;
        weak = h->weak;
    } else if (!num_starts_at(p, n, i)) {
        return;
    }
    before = cp_before(p, i);
    if (read_part(p, n, j, &a) != ZS_OK)
        return;
    r->next = a.end > j ? a.end : r->next;
    if (a.num.flags & ZSI_NUMF_NEXTNUM) {
        r->next = skip_run(p, n, j);
        return;
    }
    if (weak && !(a.num.kind == ZSI_NUM_CHINESE && a.num.first >= 100))
        return; /* 上 only before 百/千/万/亿: 上百家 */

    /* A range: A connector B, unless "从A到B" (a change: two figures). */
    end = a.end;
    if (!(a.num.flags & ZSI_NUMF_FRAC) && (clen = connector_at(p, n, a.end)) > 0 &&
        before != CP_CONG && before != CP_YOU &&
        read_part(p, n, a.end + clen, &b) == ZS_OK &&
        !(b.num.flags & (ZSI_NUMF_NEXTNUM | ZSI_NUMF_FRAC))) {
        if (a.u ? (b.u && strcmp(a.u->cls, b.u->cls) == 0) : 1)
            range = 1;
        if (range && !hedge && year_like(&a) && year_like(&b) && unit_is_year(b.u) &&
            (!a.u || unit_is_year(a.u))) {
            r->kind = FP_YEAR; /* 2021—2024年, 2021年至2024年 */
            r->year = (int)b.num.value;
            r->next = b.end;
            if (lenient) {
                r->f.start = i;
                r->f.end = b.end;
            }
            return;
        }
        if (range && year_like(&b) && unit_is_year(b.u))
            range = 0; /* 5至2024年 */
    }
    if (!hedge && !range && year_like(&a) && unit_is_year(a.u)) {
        r->kind = FP_YEAR;
        r->year = (int)a.num.value;
        r->next = a.end;
        r->f.start = i;
        r->f.end = a.end;
        return;
    }

    /* Values. */
    if (a.num.flags & (ZSI_NUMF_PERCENT | ZSI_NUMF_PERMILLE)) {
        u = (a.num.flags & ZSI_NUMF_PERCENT) ? g.percent : g.permille;
        va = part_value(&a, 1, u);
        r->f.unit = u ? u->base : "%";
        r->f.cls = u ? u->cls : "percent";
    } else if (a.num.flags & ZSI_NUMF_FRAC) {
        u = NULL;
        va = a.num.value;
        r->f.unit = "";
        r->f.cls = "ratio";
    } else {
        u = range ? b.u : a.u;
        if (a.u)
            va = part_value(&a, a.mult, a.u);
        else if (range)
            va = part_value(&a, a.mult != 1 ? a.mult : b.mult, b.u);
        else
            va = part_value(&a, a.mult, NULL);
        r->f.unit = u ? u->base : "";
        r->f.cls = u ? u->cls : "number";
    }
    vb = va;
    if (range) {
        vb = part_value(&b, b.mult, b.u);
        if (vb < va) {
            range = 0; /* not a range after all */
            vb = va;
            u = a.u;
            if (!u) {
                r->f.unit = "";
                r->f.cls = "number";
            }
        } else {
            end = b.end;
        }
    }
    if (!range)
        end = a.end;
    has_unit = u != NULL || (a.num.flags & ZSI_NUMF_FRAC);
    if (a.plus || (range && b.plus))
        hedge |= ZSI_HEDGE_PLUS;

    if (a.num.kind == ZSI_NUM_CHINESE && a.num.nchars == 1 && a.num.first >= 10000 && !hedge)
        goto reject; /* a bare 亿元 or 万元 is a number broken by layout */
    if (!lenient) {
        const zsi_num *x = &a.num;
        unsigned after = cp_at(p, n, end, NULL);
        unsigned numprev = j > i ? 0 : before;
        if (before == CP_DI || (j > i && cp_before(p, j) == CP_DI))
            goto reject; /* 第一, 第27位 */
        if (x->kind == ZSI_NUM_ARABIC &&
            (numprev == '.' || numprev == '/' || (numprev < 0x80 && is_alpha((unsigned char)numprev)) ||
             arabic_digit_cp(numprev)))
            goto reject; /* PM2.5, A3 */
        if (!u && after < 0x80 && is_alpha((unsigned char)after))
            goto reject; /* 5G */
        if (x->flags & ZSI_NUMF_DIGSTR)
            goto reject; /* 一二三, 二〇二四 without 年 */
        if (!has_unit) {
            int mult = a.mult != 1 || (range && b.mult != 1);
            if (x->kind == ZSI_NUM_ARABIC) {
                if (!mult && !(x->flags & ZSI_NUMF_SEP) && !(hedge && !weak))
                    goto reject; /* dates (10月), codes, bare counts */
            } else if (!(hedge && !weak && (x->flags & ZSI_NUMF_MULTCH) && x->value >= 100)) {
                goto reject; /* 千亿级, 千万不要; but 突破十万 */
            }
        }
        if (x->kind == ZSI_NUM_CHINESE && !(x->flags & ZSI_NUMF_FRAC) && x->nchars == 1 &&
            !hedge && !range) {
            if (x->first < 10) {
                if (x->first == 1 || cls_is(u, "count") || cls_is(u, "money"))
                    goto reject; /* 一年, 三笔, 二元 */
            } else if (cls_is(u, "count")) {
                goto reject; /* 千家万户 */
            }
        }
    }

    /* 每平方米1.2万元: the rate 1.2万元/平方米, printed the other way round */
    if (!lenient && u && !strcmp(u->cls, "money") && i >= 6) {
        size_t q = i, back;
        for (back = 0; back < 5 && q > 0; back++) {
            q -= zsi_utf8_prev(p, q);
            if (i - q >= 6 && memcmp(p + q, "\xE6\xAF\x8F", 3) == 0) { /* 每 */
                const unitdef *du = unit_at(p, n, q + 3);
                size_t dl = 0;
                const unitdef *ru = du && q + 3 + du->plen == i ? rate_unit(u, p, n, q + 3, &dl) : NULL;
                if (ru && dl == du->plen) {
                    double den_mult = u->mult / ru->mult;
                    va /= den_mult;
                    vb /= den_mult;
                    r->f.unit = ru->base;
                    r->f.cls = ru->cls;
                }
                break;
            }
        }
    }

    /* Hedges after the figure. */
    for (k = 0; k < (int)(sizeof post_hedges / sizeof post_hedges[0]); k++) {
        const hedge_word *ph = &post_hedges[k];
        if (ph->len <= n - end && memcmp(p + end, ph->s, ph->len) == 0) {
            if (ph->weak && is_han(cp_at(p, n, end + ph->len, NULL)))
                continue;
            hedge |= ph->flag;
            end += ph->len;
            break;
        }
    }
    if (has_unit && !(hedge & ZSI_HEDGE_PLUS) && n - end >= 3 &&
        memcmp(p + end, U8_DUO, 3) == 0) {
        unsigned nx = cp_at(p, n, end + 3, NULL);
        if (!is_han(nx) || in_set(nx, duo_ok_before)) {
            hedge |= ZSI_HEDGE_PLUS; /* 一年多来, 4%多 */
            end += 3;
        }
    }

    if (!isfinite(va) || !isfinite(vb))
        goto reject;
    r->kind = FP_FIGURE;
    r->next = end;
    r->f.start = i;
    r->f.end = end;
    r->f.value = va;
    r->f.value_hi = vb;
    r->f.hedge = hedge;
    return;
reject:
    r->kind = FP_NONE;
    r->next = (range ? b.end : a.end) > r->next ? (range ? b.end : a.end) : r->next;
}

int zsi_quantity_parse(const char *p, size_t n, double *value, const char **unit,
                       const char **cls)
{
    fparse r;
    size_t s = 0, e = n;
    int rc;

    if (!p || !value || !unit || !cls)
        return ZS_EINVAL;
    rc = units_ready();
    if (rc)
        return rc;
    /* Spaces around the quantity (ASCII or the ideographic space) are fine. */
    while (s < e && (p[s] == ' ' || p[s] == '\t'))
        s++;
    while (s + 3 <= e && memcmp(p + s, "\xE3\x80\x80", 3) == 0)
        s += 3;
    while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t'))
        e--;
    while (e >= s + 3 && memcmp(p + e - 3, "\xE3\x80\x80", 3) == 0)
        e -= 3;
    if (s == e)
        return ZS_EINVAL;
    parse_at(p + s, e - s, 0, 1, &r);
    if (r.kind == FP_YEAR && r.f.end == e - s) {
        *value = r.year;
        *unit = "\xE5\xB9\xB4"; /* 年 */
        *cls = "year";
        return ZS_OK;
    }
    if (r.kind != FP_FIGURE || r.f.end != e - s)
        return ZS_EINVAL;
    *value = r.f.value;
    *unit = r.f.unit;
    *cls = r.f.cls;
    return ZS_OK;
}

/* ---- passages ---- */

static int is_clause_end(unsigned cp)
{
    switch (cp) {
    case 0xFF0C: case ',': case 0xFF1B: case ';': case 0xFF1A: case ':':
    case 0x3002: case 0xFF01: case '!': case 0xFF1F: case '?':
    case 0x2026: /* …… ends a list: what follows is a new clause */
        return 1;
    default:
        return 0;
    }
}

static int is_sentence_end(unsigned cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == '!' || cp == 0xFF1F || cp == '?' ||
           cp == 0xFF1B || cp == ';';
}

/* Han characters in p[s..e). */
static size_t count_han(const char *p, size_t s, size_t e)
{
    size_t c = 0, l;
    while (s < e) {
        unsigned cp = cp_at(p, e, s, &l);
        c += is_han(cp);
        s += l;
    }
    return c;
}

/* Bytes looked at after a figure for its clause's end (a metric printed after it). */
#define AFTER_BYTES 64

/*
 * Name figure f, whose clause (or the part after the previous figure of the
 * clause) starts at ws and whose sentence starts at sent: the noun before it,
 * joined with a change word (营业收入同比增长12% -> 营业收入同比增速); a
 * clause with a change word or a link only (增长12%, 仅为2%) takes the noun
 * of an earlier clause of its sentence. A noun printed right after the figure
 * (8000元的产业扶持资金, 预留30%采购份额) is taken when there is none before
 * it, or when other words than filler stand between that one and the figure.
 */
static int name_figure(const char *p, size_t n, size_t sent, size_t ws, zsi_figure *f)
{
    zsi_metric m;
    int rate = !strcmp(f->cls, "percent") || !strcmp(f->cls, "points");
    size_t we = f->start;
    int rc;

    /* 数十亿元: the 数 belongs to the number, not to a metric (投入数) */
    if (we >= ws + 3 && memcmp(p + we - 3, "\xE6\x95\xB0", 3) == 0 &&
        zsi_cn_numeral(cp_at(p, n, we, NULL)) >= 10)
        we -= 3;
    rc = zsi_metric_before(p, ws, we, &m);

    if (rc < 0)
        return rc;
    if (!m.norm[0] && m.refer && sent < ws && (rc = zsi_metric_noun(p, sent, ws, m.norm, m.raw)) < 0)
        return rc;
    if (m.change[0] && !rate) {
        /* an amount of change: 利润比上年增加2000万元 */
        if (m.norm[0]) {
            snprintf(m.change, sizeof m.change, "%s", m.decline ? "\xE5\x87\x8F\xE5\xB0\x91" /* 减少 */
                                                                 : "\xE5\xA2\x9E\xE5\x8A\xA0" /* 增加 */);
        } else {
            m.change[0] = m.change_raw[0] = '\0';
        }
    }
    if ((m.norm[0] && !m.adjacent) || (!m.norm[0] && !m.change[0])) {
        /* 工会预留30%采购份额: a noun right after the figure names it better
         * than one with other words between it and the figure */
        size_t ce = f->end, l;
        while (ce < n && ce - f->end < AFTER_BYTES) {
            unsigned cp = cp_at(p, n, ce, &l);
            if (is_clause_end(cp))
                break;
            ce += l;
        }
        rc = zsi_metric_after(p, f->end, ce, 0, f->metric, f->metric_raw);
        if (rc != 0)
            return rc < 0 ? rc : 0;
    }
    if (m.norm[0] || m.change[0]) {
        size_t k = strlen(m.norm), c = strlen(m.change);
        memcpy(f->metric, m.norm, k + 1);
        if (k + c < sizeof f->metric)
            memcpy(f->metric + k, m.change, c + 1);
        k = strlen(m.raw);
        c = strlen(m.change_raw);
        memcpy(f->metric_raw, m.raw, k + 1);
        if (k + c < sizeof f->metric_raw)
            memcpy(f->metric_raw + k, m.change_raw, c + 1);
        return 0;
    }
    return 0;
}

/* A year that leads its clause has at most this many Han before it (截至, 在). */
#define YEAR_LEAD_HAN 2

int zsi_figures_extract(const char *p, size_t n, zsi_figure **out, size_t *nout)
{
    zsi_figure *v = NULL;
    size_t nv = 0, cap = 0, i = 0, clause = 0, gap_from = 0, sent = 0;
    long prev = -1; /* index of the previous figure in this clause */
    int clause_year = 0, sentence_year = 0, year_led = 0, rc;

    if (!out || !nout)
        return ZS_EINVAL;
    *out = NULL;
    *nout = 0;
    if (!p && n)
        return ZS_EINVAL;
    rc = units_ready();
    if (rc)
        return rc;
    while (i < n) {
        size_t l;
        unsigned cp = cp_at(p, n, i, &l);
        fparse r;

        if (is_clause_end(cp)) {
            i += l;
            clause = gap_from = i;
            clause_year = 0;
            year_led = 0;
            prev = -1;
            if (is_sentence_end(cp)) {
                sentence_year = 0;
                sent = i;
            }
            continue;
        }
        /* Only at the start of a numeral run or at a hedge word. */
        if (arabic_digit_cp(cp)) {
            unsigned b = cp_before(p, i);
            if (arabic_digit_cp(b) || b == '.' || b == ',' || b == 0xFF0E) {
                i += l;
                continue;
            }
        } else if (zsi_cn_numeral(cp) >= 0) {
            if (zsi_cn_numeral(cp_before(p, i)) >= 0) {
                i += l;
                continue;
            }
        } else if (!is_han(cp) || !pre_hedge_at(p, n, i)) {
            i += l;
            continue;
        }
        parse_at(p, n, i, 0, &r);
        if (r.kind == FP_YEAR) {
            size_t han = count_han(p, gap_from, i);
            if (han <= YEAR_LEAD_HAN && (gap_from == clause || year_led)) {
                year_led = 1;
                sentence_year = r.year;
            } else {
                year_led = 0;
            }
            clause_year = r.year;
            gap_from = r.next;
        } else if (r.kind == FP_FIGURE) {
            zsi_figure *f;
            size_t ws = prev >= 0 ? v[prev].end : clause;
            if (nv == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                zsi_figure *nvv;
                if (ncap > ZSI_MAX_FIGURES) {
                    free(v);
                    return ZS_ELIMIT;
                }
                nvv = realloc(v, ncap * sizeof *v);
                if (!nvv) {
                    free(v);
                    return ZS_ENOMEM;
                }
                v = nvv;
                cap = ncap;
            }
            f = &v[nv];
            *f = r.f;
            f->year = clause_year ? clause_year : sentence_year;
            f->metric[0] = f->metric_raw[0] = '\0';
            if (prev >= 0 && zsi_metric_is_link(p, ws, f->start)) {
                memcpy(f->metric, v[prev].metric, sizeof f->metric);
                memcpy(f->metric_raw, v[prev].metric_raw, sizeof f->metric_raw);
            } else {
                rc = name_figure(p, n, sent, ws, f);
                if (rc < 0) {
                    free(v);
                    return rc;
                }
            }
            prev = (long)nv;
            nv++;
            year_led = 0;
            gap_from = r.next;
        }
        i = r.next > i ? r.next : i + l;
    }
    *out = v;
    *nout = nv;
    return ZS_OK;
}
