/*
 * quantity.c - one quantity as printed: a hedge word, a number (number.c), a
 * multiplier, a unit (unit.c) and a range ("超过100亿元", "3至5%", "三成",
 * "每平方米1.2万元"), read into a value in the base unit; also what is a
 * year rather than a figure (2024年, 2021—2024年). See figure.c for what
 * counts as a figure in running text; the rules that reject numbers used as
 * words (第一, PM2.5, 千家万户) are here, in zsi_fparse_at().
 *
 * Invariants: nothing is allocated; unit/cls pointers point into the unit
 * table (unit.c), which lives as long as the process.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quantity_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Only Han characters in p[s..e)? */
static int all_han(const char *p, size_t n, size_t s, size_t e)
{
    size_t l;
    while (s < e) {
        if (!is_han(cp_at(p, n, s, &l)) || l == 0)
            return 0;
        s += l;
    }
    return 1;
}

/* ---- hedges ---- */

typedef struct hedge_word {
    const char *s;
    size_t len;
    int flag;
    int weak;                  /* 上百家: only with a unit and a Chinese multiplier */
    const unsigned *not_after; /* not a hedge after these (签约, 最近) */
} hedge_word;

static const unsigned not_after_yue[] = {0x7B7E, 0x8282, 0x5408, 0x5236, 0x5951, 0x9884,
                                         0x516C, 0x6761, 0x5C65, 0x8FDD, 0x9080, 0x7279,
                                         0x76F8, 0x9690, 0x5A49, 0x7B80, 0x96C6, 0};
/* 签节合制契预公条履违邀特相隐婉简集 (签约, 节约, 集约 ...) */
static const unsigned not_after_jin[] = {0x6700, 0x9644, 0x90BB, 0x9760, 0}; /* 最附邻靠 */
static const unsigned not_after_chao[] = {0x8D76, 0x9AD8, 0};                /* 赶高 */
static const unsigned not_after_shang[] = {0x8FC8, 0x8DC3, 0x767B, 0x8D70,
                                           0x8E0F, 0x7AD9, 0x4EE5, 0}; /* 迈跃登走踏站以 */

static const hedge_word pre_hedges[] = {
    {"\xE5\xB0\x86\xE8\xBF\x91", 6, ZSI_HEDGE_NEAR, 0, NULL},  /* 将近 */
    {"\xE6\x8E\xA5\xE8\xBF\x91", 6, ZSI_HEDGE_NEAR, 0, NULL},  /* 接近 */
    {"\xE8\xBF\x91", 3, ZSI_HEDGE_NEAR, 0, not_after_jin},     /* 近 */
    {"\xE8\xB6\x85\xE8\xBF\x87", 6, ZSI_HEDGE_OVER, 0, NULL},  /* 超过 */
    {"\xE8\xB6\x85\xE5\x87\xBA", 6, ZSI_HEDGE_OVER, 0, NULL},  /* 超出 */
    {"\xE8\xB6\x85", 3, ZSI_HEDGE_OVER, 0, not_after_chao},    /* 超 */
    {"\xE9\x80\xBE", 3, ZSI_HEDGE_OVER, 0, NULL},              /* 逾 */
    {"\xE7\xAA\x81\xE7\xA0\xB4", 6, ZSI_HEDGE_OVER, 0, NULL},  /* 突破 */
    {"\xE5\xA4\xA7\xE7\xBA\xA6", 6, ZSI_HEDGE_ABOUT, 0, NULL}, /* 大约 */
    {"\xE7\xBA\xA6", 3, ZSI_HEDGE_ABOUT, 0, not_after_yue},    /* 约 */
    {"\xE4\xB8\x8D\xE5\x88\xB0", 6, ZSI_HEDGE_UNDER, 0, NULL}, /* 不到 */
    {"\xE4\xB8\x8D\xE8\xB6\xB3", 6, ZSI_HEDGE_UNDER, 0, NULL}, /* 不足 */
    {"\xE4\xB8\x8A", 3, ZSI_HEDGE_OVER, 1, not_after_shang},   /* 上 */
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
#define CP_DAI 0x4EE3         /* 代 */

/* Is the unit u one of 个多 and a unit of time (个多月, 个多小时 of
 * units.tsv)? The figure is then "more than" its number, as 3多万 is. Not
 * any unit holding 多 (埃斯库多, 多布拉: currencies). */
static int unit_holds_duo(const zsi_unitdef *u)
{
    static const char ge_duo[] = "\xE4\xB8\xAA" U8_DUO; /* 个多 */
    return u && u->plen > sizeof ge_duo - 1 && memcmp(u->printed, ge_duo, sizeof ge_duo - 1) == 0;
}

/* After a unit, 多 is a hedge (一年多来, 4%多) unless it starts a word (多家). */
static const unsigned duo_ok_before[] = {0x6765, 0x7684, 0x4E86, 0x964D, 0x5347, 0x589E,
                                         0x51CF, 0x6DA8, 0x8DCC, 0}; /* 来的了降升增减涨跌 */

static const hedge_word *pre_hedge_at(const char *p, size_t n, size_t i)
{
    size_t k;
    if (!zsi_hedge_lead(cp_at(p, n, i, NULL)))
        return NULL;
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
    case 0x5230:
    case 0x81F3:
    case '-':
    case '~':
    case 0xFF5E:
    case 0x2014:
    case 0xFF0D:
    case 0x2013:
    case 0x301C: return l;
    default: return 0;
    }
}

/* ---- one number with its unit ---- */

/* Most spaces between a number and its unit. */
#define MAX_UNIT_SPACES 2

typedef struct part {
    zsi_num num;
    size_t start;         /* number's first byte */
    int plus;             /* 余/多 between number and unit */
    double mult;          /* multiplier chain after the number, 1 if none */
    const zsi_unitdef *u; /* NULL: no unit */
    size_t end;           /* after the unit */
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

/* A word may go on after 成 but not after a hedge (多, 左右, 以上, 的), a
 * range (到, 至) or a clause mark. */
static const unsigned cheng_share_before[] = {0x591A, 0x5DE6, 0x4EE5, 0x7684, 0x5230, 0x81F3, 0};

/* A Chinese digit at p[i] that is no start of a longer number: 一成五. */
static int lone_cn_digit(const char *p, size_t n, size_t i, size_t *len)
{
    double v = zsi_cn_numeral(cp_at(p, n, i, len));
    unsigned nx;
    if (*len == 0 || v < 1 || v >= 10)
        return 0;
    nx = cp_at(p, n, i + *len, NULL);
    return zsi_cn_numeral(nx) < 0 && (!is_han(nx) || in_set(nx, cheng_share_before));
}

/*
 * 一成 is 10% (提价一成, 占一成, 一成多, 一成五) where no word goes on: not
 * 一成不变, and not the 一 of a word before it (这一成果, 唯一成员: those
 * go on into a Han character after 成, or 成 starts a word of the list
 * above). So: after 成 comes no Han character, or a hedge, a range or a
 * tenth; or a hedge stands before 一 (近一成落后产能).
 */
static int yi_cheng_is_share(const char *p, size_t n, size_t num_at, size_t after)
{
    size_t l;
    unsigned nx = cp_at(p, n, after, &l);
    if (!is_han(nx) || in_set(nx, cheng_share_before) || lone_cn_digit(p, n, after, &l))
        return 1;
    return num_at >= 3 && zsi_hedge_at(p, n, num_at - zsi_utf8_prev(p, num_at));
}

/* 二成五 is 25%: a lone digit after X成 counts in percent; the bytes it
 * took. */
static size_t cheng_tenth(const char *p, size_t n, size_t at, part *pt)
{
    size_t l;
    if (!lone_cn_digit(p, n, at, &l))
        return 0;
    pt->num.mant = pt->num.mant * 10 + zsi_cn_numeral(cp_at(p, n, at, NULL)) * pow10i(pt->num.scale);
    pt->num.value = pt->num.mant / pow10i(pt->num.scale);
    pt->mult = 1; /* the tenth is in the mantissa: mant is in percent now */
    return l;
}

static int read_part(const char *p, size_t n, size_t j, part *pt)
{
    size_t pos, mlen = 0, sp, k;
    const zsi_unitdef *u1;
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
    u1 = zsi_unit_at(p, n, pos + sp);
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
        pt->u = zsi_unit_at(p, n, at);
        if (pt->u) {
            pt->mult = m;
            pos = at + pt->u->plen;
        } else if (zsi_cn_numeral(cp_before(p, pos + sp + mlen)) >= 1e4) {
            pt->mult = m; /* 突破10万: a bare 万/亿 is a magnitude */
            pos += sp + mlen + k2;
        }
        /* else 220千伏: a 千/百 before an unknown unit belongs to that unit */
    } else if (pt->num.kind == ZSI_NUM_CHINESE && zsi_unit_percent() && n - pos >= 3 &&
               memcmp(p + pos, "\xE6\x88\x90", 3) == 0 && /* 成 */
               !in_set(cp_at(p, n, pos + 3, NULL), cheng_not_before) &&
               (pt->num.first != 1 || yi_cheng_is_share(p, n, j, pos + 3))) {
        pt->u = zsi_unit_percent();
        pt->mult = 10;
        pos += 3;
        pos += cheng_tenth(p, n, pos, pt);
    }
    if (pt->u) {
        /* 832元/吨, 5万元/亩: a rate, kept with its unit (see zsi_rate_unit) */
        size_t sl = 0;
        unsigned c = cp_at(p, n, pos, &sl);
        if ((c == '/' || c == 0xFF0F) && !zsi_unit_rateless(pt->u)) {
            size_t dl = 0;
            const zsi_unitdef *r = zsi_rate_unit(pt->u, p, n, pos + sl, &dl);
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
static double part_value(const part *pt, double m, const zsi_unitdef *u)
{
    return pt->num.mant * m * (u ? u->mult : 1) / pow10i(pt->num.scale);
}

/* The unit u with its leading magnitude taken off (万元 -> 元, 万吨标准煤 ->
 * 吨标准煤), or u itself when it has none or the rest is not a unit. In
 * "300万—400万元" the first half carries its own 万, so it takes the second
 * half's unit without the 万 that unit carries. */
static const zsi_unitdef *unit_sans_magnitude(const zsi_unitdef *u)
{
    double m;
    size_t len = strlen(u->printed), ml = zsi_multiplier_scan(u->printed, len, &m);
    const zsi_unitdef *base = ml > 0 && ml < len ? zsi_unit_at(u->printed, len, ml) : NULL;
    return base && base->plen == len - ml && strcmp(base->cls, u->cls) == 0 ? base : u;
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

static int unit_is_year(const zsi_unitdef *u)
{
    return u && strcmp(u->printed, "\xE5\xB9\xB4") == 0; /* 年 */
}

static int cls_is(const zsi_unitdef *u, const char *cls)
{
    return u && strcmp(u->cls, cls) == 0;
}

/* Does the count a with unit u number a congress or a class rather than
 * count terms (连任3届, 已举办了十一届，)? 届 after a year is a class of
 * graduates (2020届毕业生); after a Chinese numeral of ten or more with a
 * Han character after it other than 的 or 了, the ordinal of a congress or a
 * committee written without 第 (十三届全国人大, 十九届四中全会, 政协十二届
 * 二次会议): neither is a figure, as 第十三届 is not. A 的, a 了 or no Han
 * character after it leaves a count of terms or meetings held (连任十三届的
 * 代表, 已举办了十一届了, 已举办十一届，). Any other Han character drops
 * it, a count of editions too (举办了十一届比赛): the names after an
 * ordinal are too many to list. Not a verb's 了 before it: 通过了十三届全国
 * 人大…决议 is an ordinal as often as 召开了十一届大会 is a count. */
static int term_ordinal(const char *p, size_t n, const part *a, const zsi_unitdef *u, size_t end)
{
    unsigned after = cp_at(p, n, end, NULL);
    if (!u || strcmp(u->printed, "\xE5\xB1\x8A") != 0) /* 届 */
        return 0;
    if (year_like(a))
        return 1;
    return a->num.kind == ZSI_NUM_CHINESE && a->num.value >= 10 && !a->plus && is_han(after) &&
           after != 0x7684 /* 的 */ && after != 0x4E86; /* 了 */
}

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
 * 六七千元, 二三十万人, 一两百元, 三五百元: two neighbouring digits before a
 * multiplier are a rough range, six to seven thousand. The number scanner
 * reads 六七 as a digit string (a year's spelling) stopped by 千; here the
 * second digit and what follows are read as the range's top (b), and the
 * bottom (a) is the same number with the first digit.
 */
static int approx_pair(const char *p, size_t n, size_t j, part *a, part *b)
{
    size_t l1, l2;
    double d1 = zsi_cn_numeral(cp_at(p, n, j, &l1)), d2 = zsi_cn_numeral(cp_at(p, n, j + l1, &l2));
    if (a->num.kind != ZSI_NUM_CHINESE || !(a->num.flags & ZSI_NUMF_DIGSTR) || a->num.nchars != 2 ||
        d1 < 1 || d2 >= 10 || !(d2 == d1 + 1 || (d1 == 3 && d2 == 5)))
        return 0;
    if (read_part(p, n, j + l1, b) != ZS_OK || b->num.kind != ZSI_NUM_CHINESE ||
        (b->num.flags & (ZSI_NUMF_NEXTNUM | ZSI_NUMF_DIGSTR | ZSI_NUMF_FRAC | ZSI_NUMF_DEC)) ||
        !(b->num.flags & ZSI_NUMF_MULTCH) || b->num.first != (int)d2 || b->plus)
        return 0;
    *a = *b;
    a->start = j;
    a->end = j + l1;
    a->u = NULL;
    a->mult = 1;
    a->num.mant = b->num.mant / d2 * d1;
    a->num.value = b->num.value / d2 * d1;
    a->num.first = (int)d1;
    return 1;
}

/* A word of two Latin letters or more ends at p[i] (CPI, IC, Sugar), not
 * one letter (1.4x40%): a percent printed right after it is the word's
 * (CPI1.7%的涨幅), where a code (PM2.5, A3) has no percent sign. */
static int latin_word_before(const char *p, size_t i)
{
    size_t k = 0;
    while (k < i && is_alpha((unsigned char)p[i - k - 1]))
        k++;
    return k >= 2 && (k == i || !arabic_digit_cp((unsigned char)p[i - k - 1]));
}

/* Does a number and a one-character unit (32秒, 8米) end right at p[i]:
 * the number at i is a part of that unit (32秒353, 8米15)? Not a word
 * that ends in a unit's character (提升0.6: 升). */
static int unit_ends_at(const char *p, size_t n, size_t i)
{
    size_t l = zsi_utf8_prev(p, i);
    const zsi_unitdef *u = i > l ? zsi_unit_at(p, n, i - l) : NULL;
    return u && u->plen == l && arabic_digit_cp(cp_before(p, i - l));
}

/* Length of a list separator at p[i] (、 和 及 与), else 0. */
static size_t list_sep_at(const char *p, size_t n, size_t i)
{
    unsigned cp = cp_at(p, n, i, NULL);
    return n - i >= 3 && zsi_is_list_mark(cp) ? 3 : 0;
}

/* Most numbers of a list that share the last one's unit. */
#define MAX_SHARED_UNIT_ITEMS 8

/*
 * 分别下降1.8、1.45和0.4个百分点, 占比分别为21.9和15.7%, 3、5和8万元: bare
 * Arabic numbers in a list whose last number carries the unit all have that
 * unit (and its multiplier); read from after the first number (at). Not a
 * year (2018和2019年 are years, read as such). @return the unit, *mult its
 * multiplier, or NULL.
 */
static const zsi_unitdef *list_unit(const char *p, size_t n, const part *a, double *mult)
{
    size_t k, sl, at = a->end;
    const zsi_num *first = &a->num;
    part q;
    for (k = 0; k < MAX_SHARED_UNIT_ITEMS && (sl = list_sep_at(p, n, at)) > 0; k++) {
        if (!arabic_digit_cp(cp_at(p, n, at + sl, NULL)) || read_part(p, n, at + sl, &q) != ZS_OK ||
            q.num.kind != ZSI_NUM_ARABIC || (q.num.flags & (ZSI_NUMF_NEXTNUM | ZSI_NUMF_FRAC)) ||
            q.plus)
            return NULL;
        if (k == 0 && first->scale == 0 && q.num.scale == 0 && q.num.value == first->value + 1)
            return NULL; /* 5、6个人: five or six, one rough figure (rough_pair);
                          * 101、102、103架: serial numbers */
        if (q.num.flags & ZSI_NUMF_PERCENT) {
            *mult = 1;
            return zsi_unit_percent();
        }
        if (q.u) {
            *mult = q.mult;
            return unit_is_year(q.u) ? NULL : q.u;
        }
        if (q.mult != 1 || connector_at(p, n, q.end))
            return NULL; /* 3、5万: no unit to share; 3、5-8元: a range */
        at = q.end;
    }
    return NULL;
}

/*
 * 5、6个人, 涨5、6次, 4、5亿元: two neighbouring whole numbers joined by 、
 * before a unit, and no more of a list after them, are one rough figure,
 * five to six, as 五六个 is (approx_pair). b receives the second. @return
 * 1 when so.
 */
static int rough_pair(const char *p, size_t n, const part *a, part *b)
{
    if (cp_at(p, n, a->end, NULL) != 0x3001 || a->num.scale != 0 ||
        (a->start > 0 && list_sep_at(p, n, a->start - zsi_utf8_prev(p, a->start))) ||
        !arabic_digit_cp(cp_at(p, n, a->end + 3, NULL)) || read_part(p, n, a->end + 3, b) != ZS_OK)
        return 0;
    return b->num.kind == ZSI_NUM_ARABIC && b->num.scale == 0 && b->num.value == a->num.value + 1 &&
           !(b->num.flags & (ZSI_NUMF_NEXTNUM | ZSI_NUMF_FRAC)) && !b->plus && b->u &&
           !unit_is_year(b->u) && !list_sep_at(p, n, b->end);
}

void zsi_fparse_at(const char *p, size_t n, size_t i, int lenient, zsi_fparse *r)
{
    const hedge_word *h = pre_hedge_at(p, n, i);
    size_t j = i, l0, end, clen, cl;
    part a, b;
    int hedge = 0, weak = 0, range = 0, approx = 0, has_unit, k;
    unsigned before;
    const zsi_unitdef *u;
    double va, vb;

    memset(r, 0, sizeof *r);
    cp_at(p, n, i, &l0);
    r->kind = ZSI_FP_NONE;
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
    if ((a.num.flags & ZSI_NUMF_NEXTNUM) && !(approx = approx_pair(p, n, j, &a, &b))) {
        r->next = skip_run(p, n, j);
        return;
    }
    if (weak && !(a.num.kind == ZSI_NUM_CHINESE && a.num.first >= 100))
        return; /* 上 only before 百/千/万/亿: 上百家 */

    /* A range: A connector B, unless "从A到B" (a change: two figures). */
    end = a.end;
    if (approx)
        range = 1;
    else if (!(a.num.flags & ZSI_NUMF_FRAC) && (clen = connector_at(p, n, a.end)) > 0 &&
        before != CP_CONG && before != CP_YOU && read_part(p, n, a.end + clen, &b) == ZS_OK &&
        !(b.num.flags & (ZSI_NUMF_NEXTNUM | ZSI_NUMF_FRAC))) {
        if (a.u ? (b.u && strcmp(a.u->cls, b.u->cls) == 0) : 1)
            range = 1;
        if (range && !hedge && year_like(&a) && year_like(&b) && unit_is_year(b.u) &&
            (!a.u || unit_is_year(a.u))) {
            r->kind = ZSI_FP_YEAR; /* 2021—2024年, 2021年至2024年 */
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
    if (!hedge && !range && year_like(&a) && unit_is_year(a.u) &&
        cp_at(p, n, a.end, &cl) != CP_DAI) { /* 1990年代 is a decade (below) */
        r->kind = ZSI_FP_YEAR;
        r->year = (int)a.num.value;
        r->next = a.end;
        r->f.start = i;
        r->f.end = a.end;
        return;
    }

    /* A decade (50年代, 八十年代, 1990年代, 60—70年代) is a time, like a year,
     * and no length of time: no figure, and no year either. */
    if (unit_is_year(range ? b.u : a.u) && cp_at(p, n, range ? b.end : a.end, &cl) == CP_DAI) {
        r->next = range ? b.end : a.end;
        return;
    }

    /* Values. */
    if (a.num.flags & (ZSI_NUMF_PERCENT | ZSI_NUMF_PERMILLE)) {
        u = (a.num.flags & ZSI_NUMF_PERCENT) ? zsi_unit_percent() : zsi_unit_permille();
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
        else if (range && a.mult != 1)
            va = part_value(&a, a.mult, b.u ? unit_sans_magnitude(b.u) : NULL);
        else if (range)
            va = part_value(&a, b.mult, b.u); /* 3-5万元: 5's magnitude is 3's too */
        else
            va = part_value(&a, a.mult, NULL);
        r->f.unit = u ? u->base : "";
        r->f.cls = u ? u->cls : "number";
    }
    if (!range && !a.u && a.mult == 1 && !a.plus && a.num.kind == ZSI_NUM_ARABIC &&
        !(a.num.flags & (ZSI_NUMF_PERCENT | ZSI_NUMF_PERMILLE | ZSI_NUMF_FRAC))) {
        double lm = 1;
        /* not after a dash (歼—20、5架 is a model's name) nor after a unit
         * (32秒353和32秒265: a part of a second) */
        int guarded =
            i > 0 && (connector_at(p, n, i - zsi_utf8_prev(p, i)) || unit_ends_at(p, n, i));
        const zsi_unitdef *lu = guarded ? NULL : list_unit(p, n, &a, &lm);
        if (lu && cls_is(lu, "percent") && a.num.scale == 0 && a.num.value >= 100)
            lu = NULL; /* 的波音777和48%: a model's number, no share */
        if (lu) {
            u = lu;
            va = part_value(&a, lm, lu);
            r->f.unit = lu->base;
            r->f.cls = lu->cls;
        } else if (!guarded && rough_pair(p, n, &a, &b)) {
            range = 1; /* 5、6个人: five or six */
            u = b.u;
            va = part_value(&a, b.mult, b.u);
            r->f.unit = u->base;
            r->f.cls = u->cls;
        }
    }
    vb = va;
    if (range) {
        vb = part_value(&b, b.mult, b.u);
        if (vb < va && !a.u && a.mult == 1 &&
            !(a.num.flags & (ZSI_NUMF_PERCENT | ZSI_NUMF_PERMILLE))) {
            /* 8000—1.2万元: the magnitude read as shared was the second half's only */
            const zsi_unitdef *bu = b.u && b.mult == 1 ? unit_sans_magnitude(b.u) : b.u;
            va = part_value(&a, 1, bu);
        }
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
    if (a.plus || (range && b.plus) || unit_holds_duo(u))
        hedge |= ZSI_HEDGE_PLUS;

    if (a.num.kind == ZSI_NUM_CHINESE && a.num.nchars == 1 && a.num.first >= 10000 && !hedge)
        goto reject; /* a bare 亿元 or 万元 is a number broken by layout */
    if (!lenient) {
        const zsi_num *x = &a.num;
        unsigned after = cp_at(p, n, end, NULL);
        unsigned numprev = j > i ? 0 : before;
        if (before == CP_DI || (j > i && cp_before(p, j) == CP_DI))
            goto reject; /* 第一, 第27位 */
        if (!hedge && !range && term_ordinal(p, n, &a, u, end))
            goto reject; /* 十三届全国人大, 2020届毕业生 */
        if (x->kind == ZSI_NUM_ARABIC &&
            (numprev == '.' || numprev == '/' ||
             (numprev < 0x80 && is_alpha((unsigned char)numprev) &&
              !(cls_is(u, "percent") && latin_word_before(p, i))) ||
             arabic_digit_cp(numprev)))
            goto reject; /* PM2.5, A3; but CPI1.7%, IC29.8% */
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
        if (x->kind == ZSI_NUM_CHINESE && !(x->flags & ZSI_NUMF_FRAC) && x->nchars == 1 && !hedge &&
            !range) {
            if (x->first < 10) {
                if ((x->first == 1 && !cls_is(u, "percent")) || cls_is(u, "count") ||
                    cls_is(u, "money"))
                    goto reject; /* 一年, 三笔, 二元 */
            } else if (cls_is(u, "count")) {
                goto reject; /* 千家万户 */
            }
        }
    }

    /* 每平方米1.2万元: the rate 1.2万元/平方米, printed the other way round */
    if (!lenient && u && !strcmp(u->cls, "money") && i >= 6) {
        size_t q = i, back;
        for (back = 0; back < 7 && q > 0; back++) {
            q -= zsi_utf8_prev(p, q);
            if (i - q >= 6 && memcmp(p + q, "\xE6\xAF\x8F", 3) == 0) { /* 每 */
                /* 每台售价3999元, 每吨玉米2400元, 每公斤能卖18元: words
                 * between the unit and the amount say what is priced; not
                 * after a time (每年|跑冒滴漏|数千万元: a sum of each year,
                 * no price) */
                const zsi_unitdef *du = zsi_unit_at(p, n, q + 3);
                size_t dl = 0;
                const zsi_unitdef *ru =
                    du && (q + 3 + du->plen == i ||
                           (q + 3 + du->plen < i && strcmp(du->cls, "duration") != 0 &&
                            all_han(p, n, q + 3 + du->plen, i)))
                        ? zsi_rate_unit(u, p, n, q + 3, &dl)
                        : NULL;
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
    if (has_unit && !(hedge & ZSI_HEDGE_PLUS) && n - end >= 3 && memcmp(p + end, U8_DUO, 3) == 0) {
        unsigned nx = cp_at(p, n, end + 3, NULL);
        if (!is_han(nx) || in_set(nx, duo_ok_before)) {
            hedge |= ZSI_HEDGE_PLUS; /* 一年多来, 4%多 */
            end += 3;
        }
    }

    /* 15元一斤, 4500元一台的, 2万元每吨: the price of one unit printed after
     * the amount, the rate 元/斤 as 每斤15元 is; not where the unit word
     * goes on into a longer word (500元一次性补贴, 2000元一个月), nor a time
     * (3000元一年: a sum of each year) */
    if (!lenient && u && !strcmp(u->cls, "money") && !strcmp(r->f.cls, "money") &&
        n - end >= 6 &&
        (memcmp(p + end, "\xE4\xB8\x80", 3) == 0 || memcmp(p + end, "\xE6\xAF\x8F", 3) == 0)) {
        const zsi_unitdef *du = zsi_unit_at(p, n, end + 3);
        size_t dl = 0;
        const zsi_unitdef *ru =
            du && du->plen <= n - end - 3 && strcmp(du->cls, "duration") != 0
                ? zsi_rate_unit(u, p, n, end + 3, &dl)
                : NULL;
        unsigned nx = ru && dl == du->plen ? cp_at(p, n, end + 3 + dl, NULL) : 0;
        if (ru && dl == du->plen && (!is_han(nx) || nx == 0x7684)) { /* 的 */
            double den_mult = u->mult / ru->mult;
            va /= den_mult;
            vb /= den_mult;
            r->f.unit = ru->base;
            r->f.cls = ru->cls;
        }
    }

    if (!isfinite(va) || !isfinite(vb))
        goto reject;
    r->kind = ZSI_FP_FIGURE;
    r->next = end;
    r->f.start = i;
    r->f.end = end;
    r->f.value = va;
    r->f.value_hi = vb;
    r->f.hedge = hedge;
    return;
reject:
    r->kind = ZSI_FP_NONE;
    r->next = (range ? b.end : a.end) > r->next ? (range ? b.end : a.end) : r->next;
}

int zsi_quantity_parse(const char *p, size_t n, double *value, const char **unit, const char **cls)
{
    zsi_fparse r;
    size_t s = 0, e = n;
    int rc;

    if (!p || !value || !unit || !cls)
        return ZS_EINVAL;
    rc = zsi_units_ready();
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
    zsi_fparse_at(p + s, e - s, 0, 1, &r);
    if (r.kind == ZSI_FP_YEAR && r.f.end == e - s) {
        *value = r.year;
        *unit = "\xE5\xB9\xB4"; /* 年 */
        *cls = "year";
        return ZS_OK;
    }
    if (r.kind != ZSI_FP_FIGURE || r.f.end != e - s)
        return ZS_EINVAL;
    *value = r.f.value;
    *unit = r.f.unit;
    *cls = r.f.cls;
    return ZS_OK;
}

int zsi_hedge_at(const char *p, size_t n, size_t i)
{
    return pre_hedge_at(p, n, i) != NULL;
}
