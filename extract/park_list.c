/*
 * park_list.c - lists that share a zone's kind: places listed before a
 * zone (浙江、湖北、四川自贸试验区), kinds listed after one (苏州高新区、
 * 经开区和综保区), places counted before a kind (苏州、无锡两个高新区); each
 * place's zone of that kind is pushed.
 *
 * Invariant: names pushed are malloc'd; the caller frees them with the
 * mentions.
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

/* Is s[0..n) a province's or a city's name? */
static int province_or_city(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t row;
    if (!(zsi_words_find(g->words, s, n, &row) & ZSW_PLACE))
        return 0;
    int level = zsi_words_place(g->words, row, NULL, NULL);
    return level == ZSW_PROVINCE || level == ZSW_CITY;
}

/* Length of a list separator (、和与及) that ends at byte e of p, or 0. */
static size_t list_sep(const char *p, size_t floor, size_t e)
{
    static const char *const SEP[] = {"\xE3\x80\x81", "\xE5\x92\x8C", "\xE4\xB8\x8E",
                                      "\xE5\x8F\x8A"}; /* 、和与及 */
    for (size_t k = 0; k < sizeof SEP / sizeof *SEP; k++)
        if (e >= floor + 3 && memcmp(p + e - 3, SEP[k], 3) == 0)
            return 3;
    return 0;
}

/* Push the zone that the place p[ps, pe) and the shared tail t[0, tn) (a
 * suffix, or a hub's word and a suffix) name, by its canonical name when
 * the gazetteer has it. @return 0 or ZS_ENOMEM. */
static int push_place_zone(const zsi_gazetteer *g, const char *p, mentions *m, size_t ps, size_t pe,
                           const char *t, size_t tn)
{
    char raw[MAX_NAME_BYTES * 2], buf[MAX_NAME_BYTES * 2];
    size_t rn = pe - ps + tn, fn, c;
    char *name;
    if (rn >= sizeof raw)
        return 0;
    memcpy(raw, p + ps, pe - ps);
    memcpy(raw + pe - ps, t, tn);
    if ((c = zsi_pk_resolve(g, raw, rn)) != (size_t)-1)
        name = dupn(g->names.v[c].s, g->names.v[c].n);
    else {
        if (!(fn = zsi_pk_fold(g, raw, rn, buf, sizeof buf))) {
            memcpy(buf, raw, rn);
            buf[fn = rn] = '\0';
        }
        fn = zsi_pk_tidy(g, buf, fn);
        c = zsi_pk_resolve(g, buf, fn);
        name = c != (size_t)-1 ? dupn(g->names.v[c].s, g->names.v[c].n) : dupn(buf, fn);
    }
    return zsi_pk_push(m, ps, pe, name);
}

/* Is s[0..n) the word of a transport hub a city's zone is named by (临空,
 * 空港, 临港, 高铁, 航空: 深圳临空经济区, 郑州航空港经济区)? Each city has
 * its own airport, port or station, so a zone of that word is the city's. */
int zsi_pk_hub_word(const char *s, size_t n)
{
    static const char *const HUB[] = {"临空", "空港", "临港", "高铁", "航空"};
    for (size_t k = 0; k < sizeof HUB / sizeof *HUB; k++)
        if (n == strlen(HUB[k]) && memcmp(s, HUB[k], n) == 0)
            return 1;
    return 0;
}

/*
 * The zone [start, end) of p is a province's or a city's name and a strong
 * suffix (四川自贸试验区, 西安高新区), or a city's name, a hub's word and any
 * suffix (深圳临空经济区); the places listed right before it, separated by
 * 、和与及 (浙江、湖北、; 广州、), each name a zone of the same kind: push
 * them (广州、深圳临空经济区 names 广州's too). The list must begin after no
 * Han character or after a stop word (支持浙江、湖北、四川自贸试验区: a
 * verb, a preposition), so a place that ends a longer phrase is not taken.
 * A weak suffix right after the place is not shared: 南京和苏州工业园区
 * names 苏州's park only. @return 0 or ZS_ENOMEM.
 */
int zsi_pk_push_peers(const zsi_gazetteer *g, const char *p, mentions *m, size_t start, size_t end)
{
    enum { MAX_PEERS = 8 };
    size_t ps[MAX_PEERS], pe[MAX_PEERS], np = 0, e = start, sep;
    long si = zsi_pk_ending_suffix(g, p + start, end - start);
    if (si < 0)
        return 0;
    size_t tail = g->suf[si].n; /* what the places share: the suffix, or a hub and it */
    if (g->suf[si].weak || !province_or_city(g, p + start, end - start - tail)) {
        if (end - start < tail + 6 + 6 || !zsi_pk_hub_word(p + end - tail - 6, 6) ||
            !province_or_city(g, p + start, end - start - tail - 6))
            return 0;
        tail += 6;
    }
    while (np < MAX_PEERS && (sep = list_sep(p, 0, e)) != 0) {
        size_t b = (size_t)-1;
        for (size_t L = 4 * 3; L >= 2 * 3; L -= 3)
            if (e - sep >= L && province_or_city(g, p + e - sep - L, L)) {
                b = e - sep - L;
                break;
            }
        if (b == (size_t)-1)
            return 0;
        ps[np] = b;
        pe[np++] = e - sep;
        e = b;
    }
    if (!np)
        return 0;
    /* where the list starts: after no Han character or a [trim] word */
    if (e > 0 && !list_sep(p, 0, e)) {
        int32_t k = (int32_t)e;
        UChar32 c;
        U8_PREV(p, 0, k, c);
        int ok = !is_han(c);
        for (size_t L = 3; !ok && L <= 4 * 3 && L <= e; L += 3)
            ok = (zsi_words_find(g->words, p + e - L, L, NULL) & (ZSW_STOP | ZSW_TRIM)) != 0;
        if (!ok)
            return 0;
    }
    for (size_t k = 0; k < np; k++) {
        int rc = push_place_zone(g, p, m, ps[k], pe[k], p + end - tail, tail);
        if (rc)
            return rc;
    }
    return 0;
}

/* Most kinds listed after one zone's name (高新区、经开区、综保区). */
#define MAX_KIN 4

/*
 * The zone [start, end) of p is a place's name and a strong suffix (苏州高新区,
 * 江苏昆山经开区); the strong suffixes of other kinds listed right after it,
 * each after 、和与及 (苏州高新区、经开区和综保区), name that place's zones of
 * those kinds: push them. The place is the last place word of the name (昆山
 * of 江苏昆山), and only a name that is places alone shares it: 武汉东湖高新区、
 * 经开区 may be the city's 经开区 or another, so it is left alone. A kind
 * that a place has several of (新区, 开发区, 园区) is weak and never shared.
 * @return 0 or ZS_ENOMEM.
 */
int zsi_pk_push_kin(const zsi_gazetteer *g, const char *p, size_t n, mentions *m, size_t start,
                    size_t end)
{
    long si = zsi_pk_ending_suffix(g, p + start, end - start);
    if (si < 0 || g->suf[si].weak)
        return 0;
    size_t pe = end - g->suf[si].n, ps = (size_t)-1;
    /* the last place word, and only places before it */
    for (size_t b = start; b < pe && ps == (size_t)-1;) {
        size_t L = 0;
        for (size_t l = (pe - b < 6 * 3 ? pe - b : 6 * 3); l >= 2 * 3 && !L; l -= 3)
            if (zsi_words_find(g->words, p + b, l, NULL) & ZSW_PLACE)
                L = l;
        if (!L)
            return 0;
        if (b + L == pe)
            ps = b;
        b += L;
    }
    if (ps == (size_t)-1)
        return 0;
    /* the places before it hold it (江苏昆山: 昆山 is in 江苏), else the name
     * is more than a place (武汉东湖: 东湖 is Nanchang's district) */
    if (ps > start) {
        size_t row;
        const char *city = "", *prov = "";
        if (!(zsi_words_find(g->words, p + ps, pe - ps, &row) & ZSW_PLACE))
            return 0;
        zsi_words_place(g->words, row, &city, &prov);
        size_t ln = ps - start;
        if (!((strlen(city) >= ln && memcmp(city, p + start, ln) == 0) ||
              (strlen(prov) >= ln && memcmp(prov, p + start, ln) == 0)))
            return 0;
    }
    size_t e = end;
    for (int k = 0; k < MAX_KIN && e + 3 <= n && list_sep(p, 0, e + 3); k++) {
        long s2 = zsi_pk_suffix_at(g, p, n, e + 3);
        if (s2 < 0 || g->suf[s2].weak || !zsi_pk_suffix_ends(g, p, n, e + 3 + g->suf[s2].n) ||
            (g->suf[s2].ncanon == g->suf[si].ncanon &&
             memcmp(g->suf[s2].canon, g->suf[si].canon, g->suf[si].ncanon) == 0))
            break;
        size_t s = e + 3, t = s + g->suf[s2].n;
        for (size_t j = 0; j < m->n; j++)
            if (m->v[j].start < t && s < m->v[j].end)
                return 0; /* read as part of another name */
        int rc = push_place_zone(g, p, m, ps, pe, p + s, t - s);
        if (rc)
            return rc;
        /* the zone's place is the name's, its span the kind's */
        m->v[m->n - 1].start = s;
        m->v[m->n - 1].end = t;
        e = t;
    }
    return 0;
}

/* Does a list of places that starts at byte e of p start a phrase there:
 * after no Han character or after a [trim] or stop word? */
int zsi_pk_list_starts(const zsi_gazetteer *g, const char *p, size_t floor, size_t e)
{
    if (e <= floor)
        return 1;
    int32_t k = (int32_t)e;
    UChar32 c;
    U8_PREV(p, (int32_t)floor, k, c);
    if (!is_han(c))
        return 1;
    for (size_t L = 3; L <= 4 * 3 && L <= e - floor; L += 3)
        if (zsi_words_find(g->words, p + e - L, L, NULL) & (ZSW_STOP | ZSW_TRIM))
            return 1;
    return 0;
}

/* A province's or city's name of two to four characters that ends at byte e
 * of p (not before floor): its start, or (size_t)-1. */
static size_t place_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t e)
{
    for (size_t L = 4 * 3; L >= 2 * 3; L -= 3)
        if (e >= floor + L && province_or_city(g, p + e - L, L))
            return e - L;
    return (size_t)-1;
}

/*
 * A strong suffix at byte i of p after a count (两个, 三大, 3个, and 国家级 or 省级)
 * that follows as many places, listed with 、和与及: 苏州、无锡两个高新区
 * names each place's zone of that kind. The count must equal the places
 * listed, and the list start as zsi_pk_push_peers() asks; else it is a generic
 * mention (全省两个高新区, 这两个开发区). After 等 the count is at least the
 * places listed (新设河北等5个自贸试验区: 河北's is one of five), and the
 * places' noun and a batch word may stand before the kind (山东、江苏等6个
 * 省区新一批自贸试验区). @return 0 or ZS_ENOMEM.
 */
int zsi_pk_push_counted(const zsi_gazetteer *g, const char *p, mentions *m, size_t floor, size_t i,
                        long si)
{
    enum { MAX_COUNTED = 6 };
    static const char *const LEVEL[] = {"\xE5\x9B\xBD\xE5\xAE\xB6\xE7\xBA\xA7", /* 国家级 */
                                        "\xE7\x9C\x81\xE7\xBA\xA7"};            /* 省级 */
    static const char *const NUM[] = {"\xE4\xB8\xA4", "\xE4\xB8\x89", "\xE5\x9B\x9B",
                                      "\xE4\xBA\x94", "\xE5\x85\xAD"}; /* 两三四五六 */
    /* 新一批, then 省区 (the places' noun), right before the kind */
    static const char *const BETWEEN[] = {"\xE6\x96\xB0\xE4\xB8\x80\xE6\x89\xB9", /* 新一批 */
                                          "\xE7\x9C\x81\xE5\x8C\xBA",                 /* 省区 */
                                          "\xE7\x9C\x81\xE4\xBB\xBD",                 /* 省份 */
                                          "\xE7\x9C\x81\xE5\xB8\x82"};                /* 省市 */
    size_t ps[MAX_COUNTED], pe[MAX_COUNTED], np = 0, e = i, want = 0, b, sep;
    int etc = 0; /* 等 before the count */
    if (g->suf[si].weak)
        return 0;
    for (size_t k = 0; k < sizeof BETWEEN / sizeof *BETWEEN; k++) {
        size_t L = strlen(BETWEEN[k]);
        if (e >= floor + L && memcmp(p + e - L, BETWEEN[k], L) == 0)
            e -= L;
    }
    for (size_t k = 0; k < sizeof LEVEL / sizeof *LEVEL; k++) {
        size_t L = strlen(LEVEL[k]);
        if (e >= floor + L && memcmp(p + e - L, LEVEL[k], L) == 0) {
            e -= L;
            break;
        }
    }
    /* 个 or 大 after the numeral */
    if (e < floor + 6 ||
        (memcmp(p + e - 3, "\xE4\xB8\xAA", 3) != 0 && memcmp(p + e - 3, "\xE5\xA4\xA7", 3) != 0))
        return 0;
    e -= 3;
    size_t nb = 3; /* the numeral's bytes */
    for (size_t k = 0; k < sizeof NUM / sizeof *NUM && !want; k++)
        if (memcmp(p + e - 3, NUM[k], 3) == 0)
            want = k + 2;
    /* or a digit alone, as statistics print counts (重庆、四川、陕西3个自贸
     * 试验区), ASCII or full width */
    if (!want && p[e - 1] >= '2' && p[e - 1] < '2' + MAX_COUNTED - 1 &&
        !(e >= floor + 2 && p[e - 2] >= '0' && p[e - 2] <= '9')) {
        want = (size_t)(p[e - 1] - '0');
        nb = 1;
    }
    if (!want && memcmp(p + e - 3, "\xEF\xBC", 2) == 0 && (unsigned char)p[e - 1] >= 0x92 &&
        (unsigned char)p[e - 1] < 0x92 + MAX_COUNTED - 1 &&
        !(e >= floor + 6 && memcmp(p + e - 6, "\xEF\xBC", 2) == 0 &&
          (unsigned char)p[e - 4] >= 0x90 && (unsigned char)p[e - 4] <= 0x99)) { /* ２ to ６ */
        want = (size_t)((unsigned char)p[e - 1] - 0x90);
        nb = 3;
    }
    if (!want)
        return 0;
    e -= nb;
    if (e >= floor + 3 && memcmp(p + e - 3, "\xE7\xAD\x89", 3) == 0) { /* 等 */
        etc = 1;
        e -= 3;
    }
    if ((b = place_before(g, p, floor, e)) == (size_t)-1)
        return 0;
    ps[np] = b;
    pe[np++] = e;
    e = b;
    while (np < want && (sep = list_sep(p, floor, e)) != 0) {
        if ((b = place_before(g, p, floor, e - sep)) == (size_t)-1)
            return 0;
        ps[np] = b;
        pe[np++] = e - sep;
        e = b;
    }
    if ((etc ? np > want : np != want) || (e > floor && list_sep(p, floor, e)) ||
        !zsi_pk_list_starts(g, p, floor, e))
        return 0;
    for (size_t k = 0; k < np; k++) {
        int rc = push_place_zone(g, p, m, ps[k], pe[k], g->suf[si].s, g->suf[si].n);
        if (rc)
            return rc;
    }
    return 0;
}
