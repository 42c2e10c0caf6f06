/*
 * quantity_int.h - private interface between the three files that find
 * figures in text. The design, bottom up:
 *
 *   unit.c      the unit table of data/units.tsv (printed form -> base unit,
 *               multiplier, class) and rate units interned from it (元/吨);
 *   quantity.c  one quantity at a position: hedge, number (number.c),
 *               multiplier, unit, range; decides what is a year and which
 *               numbers are words (第一, PM2.5, 千家万户), not figures;
 *   figure.c    running text: clauses and sentences, the year a figure is
 *               stated with, and its metric (metric.c) -> zsi_figure.
 *
 * Each layer sees only the one below through this header; code outside these
 * files uses figure_int.h. Symbols are hidden (zsi_ prefix); nothing prints.
 */
#ifndef ZS_EXTRACT_QUANTITY_INT_H
#define ZS_EXTRACT_QUANTITY_INT_H

#include <stddef.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "figure_int.h"

/* ---- characters (inline: each runs at every character of a passage) ---- */

static inline unsigned cp_at(const char *p, size_t n, size_t i, size_t *len)
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
static inline unsigned cp_before(const char *p, size_t i)
{
    unsigned cp;
    if (i == 0)
        return 0;
    zsi_utf8_before(p, i, &cp);
    return cp;
}

static inline int is_han(unsigned cp)
{
    UErrorCode err = U_ZERO_ERROR;
    if (cp < 0x2E80)
        return 0;
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return 1; /* the common block, without asking ICU */
    return uscript_getScript((UChar32)cp, &err) == USCRIPT_HAN && U_SUCCESS(err);
}

static inline int arabic_digit_cp(unsigned cp)
{
    if (cp >= '0' && cp <= '9')
        return 1;
    if (cp >= 0x3000 && cp < 0xA000)
        return 0; /* CJK: no decimal digit there, and no need to ask ICU (a hot path) */
    return cp >= 0x80 && u_charType((UChar32)cp) == U_DECIMAL_DIGIT_NUMBER;
}

static inline int in_set(unsigned cp, const unsigned *set)
{
    for (; *set; set++)
        if (*set == cp)
            return 1;
    return 0;
}

static inline unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}

static inline int is_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* ---- interface to unit.c ---- */

typedef struct zsi_unitdef {
    const char *printed;
    size_t plen;
    const char *base;
    const char *cls;
    double mult;
    int latin_end; /* last byte is an ASCII letter: must not run into more */
} zsi_unitdef;

/* Load the unit table once per process. @return 0, ZS_ENOMEM or ZS_EIO. */
int zsi_units_ready(void);

/* The longest unit printed at p[i..n) (Latin case folded), or NULL. Needs
 * zsi_units_ready(). Borrowed: lives as long as the process. */
const zsi_unitdef *zsi_unit_at(const char *p, size_t n, size_t i);

/* The units % and ‰ (NULL when the data lacks them). */
const zsi_unitdef *zsi_unit_percent(void);
const zsi_unitdef *zsi_unit_permille(void);

/* Percent and points per something are no rates we keep (3%/年 is rare). */
int zsi_unit_rateless(const zsi_unitdef *u);

/*
 * The rate unit num/den where the text at p[i] names den: a listed unit
 * (吨, 平方米, 千瓦时) or one Han character that names no unit (桶).
 * Base "<num base>/<den base>", class "<num class>/<den class>", multiplier
 * num's over den's. Interned for the process.
 * @return the rate unit and *len (bytes of den), or NULL (not a rate, or the
 *         table is full).
 */
const zsi_unitdef *zsi_rate_unit(const zsi_unitdef *num, const char *p, size_t n, size_t i,
                                 size_t *len);

/* ---- interface to quantity.c ---- */

enum { ZSI_FP_NONE, ZSI_FP_FIGURE, ZSI_FP_YEAR };

typedef struct zsi_fparse {
    int kind;     /* ZSI_FP_* */
    size_t next;  /* where scanning resumes */
    int year;     /* ZSI_FP_YEAR: the year (the last of a year range) */
    zsi_figure f; /* ZSI_FP_FIGURE: start, end, value, value_hi, unit, cls, hedge */
} zsi_fparse;

/*
 * Parse a figure (or a year) starting at p[i], a hedge word or a number.
 * lenient: the query parser's reading (zsi_quantity_parse): bare numbers and
 * one-character numerals are figures, years come back as class "year".
 * Needs zsi_units_ready().
 */
void zsi_fparse_at(const char *p, size_t n, size_t i, int lenient, zsi_fparse *r);

/* 1 when a hedge word that may lead a figure (超过, 近, 约 ...) starts at p[i]. */
int zsi_hedge_at(const char *p, size_t n, size_t i);

/* Whether cp starts a word of quantity.c's pre_hedges[] (keep the two in
 * step; test_figure reads every hedge): zsi_hedge_at() is 0 where this is.
 * figure.c asks at every Han character of every passage, and one switch
 * inline, on the character it has decoded, turns nearly all of them away
 * before a call decodes it again (1.3 M calls on 1,500 realnews-dev
 * articles, 72 instructions each). */
static inline int zsi_hedge_lead(unsigned cp)
{
    switch (cp) {
    case 0x5C06: /* 将 */
    case 0x63A5: /* 接 */
    case 0x8FD1: /* 近 */
    case 0x8D85: /* 超 */
    case 0x903E: /* 逾 */
    case 0x7A81: /* 突 */
    case 0x5927: /* 大 */
    case 0x7EA6: /* 约 */
    case 0x4E0D: /* 不 */
    case 0x4E0A: /* 上 */ return 1;
    default: return 0;
    }
}

#endif
