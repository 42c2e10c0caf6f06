/*
 * park_suffix.c - the zone suffixes in the text: which one starts at a
 * byte, whether it ends a name there ([across], [after]), which kind it is
 * (a park's, one that holds parks, one institutions build), whether a text
 * speaks of zones at all, the State Council's style before a kind, and
 * whether a name the patterns built is a county-level division.
 *
 * Invariant: reads the gazetteer and the text only; allocates nothing.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract_int.h"
#include "park_int.h"
#include "segment_int.h"

/* The index of the zone suffix that starts at byte i of p, or -1. */
long zsi_pk_suffix_at(const zsi_gazetteer *g, const char *p, size_t n, size_t i)
{
    int32_t k = (int32_t)i;
    UChar32 c;
    if (i >= n)
        return -1;
    U8_NEXT(p, k, (int32_t)n, c);
    if (c < 0 || !(c >= 0x10000 || (g->suf_head[c / 64] >> (c % 64) & 1)))
        return -1;
    size_t b = (size_t)c % NBUCKETS;
    for (size_t j = 0; j < g->nsbucket[b]; j++) {
        const suffix *sf = &g->suf[g->sbucket[b][j]];
        if (sf->n <= n - i && memcmp(p + i, sf->s, sf->n) == 0)
            return (long)g->sbucket[b][j];
    }
    return -1;
}

/* Byte length of an opening (open) or closing quotation mark that ends
 * (open) or starts (!open) at byte i of p, or 0. */
size_t zsi_pk_quote_at(const char *p, size_t n, size_t i, int open)
{
    static const char *const OPEN[] = {"\xE2\x80\x9C", "\xE3\x80\x8C", "\xE2\x80\x98", "\""};
    static const char *const CLOSE[] = {"\xE2\x80\x9D", "\xE3\x80\x8D", "\xE2\x80\x99", "\""};
    const char *const *q = open ? OPEN : CLOSE;
    for (size_t k = 0; k < 4; k++) {
        size_t qn = strlen(q[k]);
        if (open ? (i >= qn && memcmp(p + i - qn, q[k], qn) == 0)
                 : (qn <= n - i && memcmp(p + i, q[k], qn) == 0))
            return qn;
    }
    return 0;
}

/* Does p speak of zones at all (a [bare] word or a zone suffix)? */
int zsi_pk_speaks_of_zones(const zsi_gazetteer *g, const char *p, size_t n)
{
    for (size_t b = 0; b < g->bare.n; b++)
        if (memmem(p, n, g->bare.v[b].s, g->bare.v[b].n))
            return 1;
    for (size_t t = 0; t < g->nsuf; t++)
        if (memmem(p, n, g->suf[t].s, g->suf[t].n))
            return 1;
    return 0;
}

/* Does a suffix that ends at byte e of p end a name there? Not when its last
 * character begins a word ([across]: 新城市, 生态城镇, 新城区) nor when what
 * follows makes the name another thing's ([after]: a shop 新区店, a housing
 * estate 生态城社区). */
int zsi_pk_suffix_ends(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    int32_t k = (int32_t)e;
    UChar32 c;
    if (e >= n)
        return 1;
    U8_PREV(p, 0, k, c);
    for (size_t w = 0; w < g->across.n; w++)
        if (g->across.v[w].n <= n - (size_t)k &&
            memcmp(p + k, g->across.v[w].s, g->across.v[w].n) == 0)
            return 0;
    for (size_t w = 0; w < g->after.n; w++)
        if (g->after.v[w].n <= n - e && memcmp(p + e, g->after.v[w].s, g->after.v[w].n) == 0)
            return 0;
    return 1;
}

/* Is the suffix a park's (产业园, 工业园区, 科技园: it ends in 园 or 园区)? */
int zsi_pk_park_suffix(const suffix *x)
{
    return has_suffix(x->s, x->n, "\xE5\x9B\xAD", 3) ||           /* 园 */
           has_suffix(x->s, x->n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6); /* 园区 */
}

/* Is the suffix a development zone's that holds parks (高新区, 经开区, 新区)? */
int zsi_pk_holds_parks(const suffix *x)
{
    const char *c = x->canon;
    size_t n = x->ncanon;
    return has_suffix(c, n, "\xE9\xAB\x98\xE6\x96\xB0\xE5\x8C\xBA", 9) || /* 高新区 */
           has_suffix(c, n, "\xE7\xBB\x8F\xE5\xBC\x80\xE5\x8C\xBA", 9) || /* 经开区 */
           has_suffix(c, n, "\xE6\x96\xB0\xE5\x8C\xBA", 6);               /* 新区 */
}

/* Is the suffix one of the parks institutions build (科技园, 产业园, and
 * with 区)? */
int zsi_pk_institution_park(const suffix *x)
{
    return has_suffix(x->s, x->n, "\xE7\xA7\x91\xE6\x8A\x80\xE5\x9B\xAD", 9) || /* 科技园 */
           has_suffix(x->s, x->n, "\xE4\xBA\xA7\xE4\xB8\x9A\xE5\x9B\xAD", 9) || /* 产业园 */
           has_suffix(x->s, x->n, "\xE7\xA7\x91\xE6\x8A\x80\xE5\x9B\xAD\xE5\x8C\xBA", 12) ||
           has_suffix(x->s, x->n, "\xE4\xBA\xA7\xE4\xB8\x9A\xE5\x9B\xAD\xE5\x8C\xBA", 12);
}

/*
 * The State Council's style, 中国 and a place in brackets right before a
 * kind (中国（浙江）自贸试验区), names that place's zone of the kind; the
 * words before a suffix otherwise lose a bracketed aside (和平（荷江）经开区),
 * and with it the place. Only a zone the lists know: [*ps, *pe) is 中国 and
 * the brackets. @return 1 or 0.
 */
int zsi_pk_state_style(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, long si,
                       size_t *ps, size_t *pe)
{
    static const char ZG[] = "\xE4\xB8\xAD\xE5\x9B\xBD"; /* 中国 */
    char raw[MAX_NAME_BYTES];
    size_t e = zsi_pk_drop_aside(p + floor, i - floor) + floor, rn;
    if (e == i || e < floor + 6 || memcmp(p + e - 6, ZG, 6) != 0)
        return 0;
    rn = i - (e - 6);
    if (rn + g->suf[si].n >= sizeof raw)
        return 0;
    memcpy(raw, p + e - 6, rn);
    memcpy(raw + rn, g->suf[si].s, g->suf[si].n);
    if (zsi_pk_resolve(g, raw, rn + g->suf[si].n) == (size_t)-1)
        return 0;
    *ps = e - 6;
    *pe = i;
    return 1;
}

/* Every zone mention in p, sorted by position (duplicates kept). */
/* Is the name s[0..n) a pattern built a county-level division of the
 * GB/T 2260 data, alone or after its own city or province (沈北新区,
 * 沈阳沈北新区, 清新区: districts, not zones)? A district that is also a zone
 * (浦东新区, 滨海新区) is in the gazetteer, read first; after another city
 * the name is that city's zone (南通滨海新区). */
int zsi_pk_district(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t off = 0; off + 9 <= n; off += (size_t)U8_LENGTH(first_cp(s + off, n - off))) {
        size_t row;
        const char *city = "", *prov = "";
        if (!(zsi_words_find(g->words, s + off, n - off, &row) & ZSW_PLACE) ||
            zsi_words_place(g->words, row, &city, &prov) != ZSW_COUNTY)
            continue;
        return zsi_pk_own_places(s, off, prov, city);
    }
    return 0;
}
