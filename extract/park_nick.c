/*
 * park_nick.c - nicknames (中关村, 光谷, 泰达) and places alone (前海, 横琴)
 * that name a zone without a suffix: what stands before one (its own
 * province or city: 武汉光谷; an organisation: 民生银行深圳前海分行; another
 * city: 海安市滨海新区) and where it starts a word or a longer zone name.
 *
 * Invariant: reads the gazetteer and the text only; allocates only the
 * names it pushes.
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

/* Does text s[0, n) appear in canonical zone c's name or one of its aliases? */
int zsi_pk_zone_names_hold(const zsi_gazetteer *g, size_t c, const char *s, size_t n)
{
    for (size_t k = g->aoff[c]; k < g->aoff[c + 1]; k++)
        if (memmem(g->alist[k], strlen(g->alist[k]), s, n))
            return 1;
    return memmem(g->names.v[c].s, g->names.v[c].n, s, n) != NULL;
}

/* Is place s[0, n) (a province's or city's name, full or short) the start of
 * name w (天津 of 天津市)? */
static int place_is(const char *w, const char *s, size_t n)
{
    return w && *w && n >= 6 && strncmp(w, s, n) == 0;
}

/* Heads of an organisation's name that a unit of it named after a place
 * follows (民生银行深圳前海分行, 复旦大学张江研究院). */
static const char *const ORG_HEAD[] = {"银行", "大学", "学院",   "集团",
                                       "公司", "医院", "科学院", "研究院"};

/*
 * Does an organisation's name end right before byte i of p, or before a
 * province's, city's or county's name that ends at i (民生银行深圳 before
 * 前海)? A place's name alone (前海, 张江) after it names that
 * organisation's branch or institute, no zone.
 */
int zsi_pk_org_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t i)
{
    size_t b = i;
    for (size_t L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3) {
        size_t row;
        if (i < floor + L || !(zsi_words_find(g->words, p + i - L, L, &row) & ZSW_PLACE))
            continue;
        int level = zsi_words_place(g->words, row, NULL, NULL);
        if (level == ZSW_PROVINCE || level == ZSW_CITY || level == ZSW_COUNTY) {
            b = i - L;
            break;
        }
    }
    for (size_t k = 0; k < sizeof ORG_HEAD / sizeof *ORG_HEAD; k++) {
        size_t hn = strlen(ORG_HEAD[k]);
        if (b >= floor + hn && memcmp(p + b - hn, ORG_HEAD[k], hn) == 0)
            return 1;
    }
    return 0;
}

/*
 * Does a place of another city stand right before a listed zone's alias at
 * byte i (海安市 before 滨海新区, Tianjin's)? Then the text names a zone of
 * that place that merely shares the alias, and the suffix patterns name it
 * (海安滨海新区). A province's, city's or county's name, full or short,
 * ending at i blocks the alias unless the zone's own names hold it, it is
 * the zone's city or province, or the place's city or province is the
 * zone's (黄埔区 before 广州开发区). A zone with no city keeps its alias.
 */
int zsi_pk_other_city_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                             size_t c)
{
    const zone_meta *z = &g->meta[c];
    if (!z->city || !*z->city || strcmp(z->city, "-") == 0)
        return 0;
    for (size_t L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3) {
        if (i < floor + L)
            continue;
        const char *s = p + i - L;
        size_t row;
        if (!(zsi_words_find(g->words, s, L, &row) & ZSW_PLACE))
            continue;
        const char *pc = NULL, *pp = NULL;
        int level = zsi_words_place(g->words, row, &pc, &pp);
        if (level != ZSW_PROVINCE && level != ZSW_CITY && level != ZSW_COUNTY)
            return 0;
        size_t stem = L;
        if (stem > 6 && (has_suffix(s, stem, "\xE5\xB8\x82", 3) || /* 市 */
                         has_suffix(s, stem, "\xE5\x8E\xBF", 3) || /* 县 */
                         has_suffix(s, stem, "\xE5\x8C\xBA", 3)))  /* 区 */
            stem -= 3;
        if (zsi_pk_zone_names_hold(g, c, s, stem) || place_is(z->city, s, stem) ||
            place_is(z->province, s, stem))
            return 0;
        if (pc && *pc)
            return strcmp(pc, z->city) != 0;
        /* A county whose city nothing says (its short form is another
         * place's too) blocks only when printed in full (海安市). */
        if (level == ZSW_COUNTY && !has_suffix(s, L, "\xE5\xB8\x82", 3) &&
            !has_suffix(s, L, "\xE5\x8E\xBF", 3))
            return 0;
        return 1;
    }
    return 0;
}

/* Is the place s[0, n) (a province's or a city's name, full or short) zone
 * c's own: its names hold it, or it is the zone's city or province? */
static int own_place(const zsi_gazetteer *g, size_t c, const char *s, size_t n)
{
    size_t row;
    unsigned fl = zsi_words_find(g->words, s, n, &row);
    if (!(fl & ZSW_PLACE) || (fl & ZSW_TRIM))
        return 0;
    int level = zsi_words_place(g->words, row, NULL, NULL);
    if (level != ZSW_PROVINCE && level != ZSW_CITY)
        return 0;
    const zone_meta *z = c < g->capmeta ? &g->meta[c] : NULL;
    size_t stem = n;
    if (stem > 6 && (has_suffix(s, stem, "\xE5\xB8\x82", 3) || /* 市 */
                     has_suffix(s, stem, "\xE7\x9C\x81", 3)))  /* 省 */
        stem -= 3;
    return zsi_pk_zone_names_hold(g, c, s, stem) ||
           (z && (place_is(z->city, s, stem) || place_is(z->province, s, stem)));
}

/*
 * Is the nickname alias a at byte i of p led by its zone's own province or
 * city (武汉光谷, 上海张江, 深圳前海; or printed so: 天津泰达, 广州南沙)? A
 * nickname after the place it lies in names that place's zone in any text,
 * one that speaks of no zone too: the place tells it is no street's or
 * poem's 光谷.
 */
int zsi_pk_own_place_leads(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                           const alias *a)
{
    for (size_t L = 3 * 3; L >= 2 * 3; L -= 3)
        if (a->n > L && own_place(g, a->canon, a->s, L))
            return 1;
    for (size_t L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3)
        if (i >= floor + L && own_place(g, a->canon, p + i - L, L))
            return 1;
    return 0;
}

/* Longest nickname context looked at: characters of a word before it. */
#define MAX_WORD_BEFORE_CHARS 4

/*
 * Does a nickname (泰达, 光谷, 中关村: no zone suffix) at byte i of p start a
 * word: after no Han character, or right after a word of the lexicon (天津
 * 泰达, 在中关村, 走进光谷)? Glued to characters that no word holds, it is
 * inside a longer name the lists lack: 中埃泰达苏伊士经贸合作区 is the zone
 * in Egypt that TEDA runs (埃, Egypt), none of Tianjin's.
 */
int zsi_pk_nick_starts_word(const zsi_gazetteer *g, const char *p, size_t i)
{
    int32_t k = (int32_t)i;
    UChar32 c;
    if (i == 0)
        return 1;
    U8_PREV(p, 0, k, c);
    /* A middle dot joins it to the name's first part (中埃·泰达苏伊士经贸
     * 合作区) unless a place stands before the dot (天津·泰达). */
    if ((c == 0x00B7 || c == 0x2022 || c == 0x30FB || c == 0x2027) && k > 0) {
        int32_t d = k;
        U8_PREV(p, 0, d, c);
        if (!is_han(c))
            return 1;
        for (int chars = 2; chars <= MAX_WORD_BEFORE_CHARS && d > 0; chars++) {
            U8_PREV(p, 0, d, c);
            if (!is_han(c))
                break;
            if (zsi_words_find(g->words, p + d, (size_t)k - (size_t)d, NULL) & ZSW_PLACE)
                return 1;
        }
        return 0;
    }
    if (!is_han(c))
        return 1;
    if (zsi_words_has(g->words, p + k, i - (size_t)k, ZSW_VERB1))
        return 1;
    /* a year before it (2011年中关村新技术新产品): 年 after a digit ends a
     * time word, which no name runs on from */
    if (c == 0x5E74 && k > 0) { /* 年 */
        int32_t d = k;
        UChar32 y;
        U8_PREV(p, 0, d, y);
        if ((y >= '0' && y <= '9') || (y >= 0xFF10 && y <= 0xFF19))
            return 1;
    }
    for (int chars = 1; chars <= MAX_WORD_BEFORE_CHARS && k >= 0; chars++) {
        if (zsi_words_find(g->words, p + k, i - (size_t)k, NULL) ||
            zsi_words_has(g->words, p + k, i - (size_t)k, ZSW_FOREIGN))
            return 1;
        if (k == 0)
            break;
        U8_PREV(p, 0, k, c);
        if (!is_han(c))
            break;
    }
    return 0;
}

/* Characters between a place's name alone and a zone suffix that still
 * make one name (前海蛇口片区, 前海湾保税港区, 张江高科技片区). */
#define PLACE_TAIL_CHARS 3

/*
 * Does a place's name alone (前海, ZSI_NICK_PLACE) that ends at byte e of p
 * begin a longer zone name: a suffix right after it (前海自贸区) or after a
 * few Han characters of the name (前海蛇口片区)? That zone is another than
 * the one the place alone names, and the patterns read it.
 */
int zsi_pk_place_begins_zone(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    size_t i = e;
    for (int chars = 0; chars <= PLACE_TAIL_CHARS && i < n; chars++) {
        int32_t j = (int32_t)i;
        UChar32 c;
        if (zsi_pk_suffix_at(g, p, n, i) >= 0)
            return 1;
        U8_NEXT(p, j, (int32_t)n, c);
        if (!is_han(c))
            return 0;
        i = (size_t)j;
    }
    return 0;
}

/*
 * Join each mention made by a place's name alone (横琴) to another zone's
 * name that follows right after it (横琴粤澳合作中医药科技产业园, read by
 * the patterns from where the place ends): the place leads that longer
 * name, as zsi_pk_place_begins_zone() finds for the short ones, and names no zone
 * of its own. A name the patterns built gets the place back in front; a
 * listed zone keeps its canonical name.
 */
int zsi_pk_join_leading_places(const zsi_gazetteer *g, const char *p, mentions *m)
{
    size_t w = 0;
    for (size_t k = 0; k < m->n; k++) {
        mention *x = &m->v[k];
        mention *y = NULL;
        for (size_t o = 0; x->nick == ZSI_NICK_PLACE && o < m->n && !y; o++)
            if (o != k && m->v[o].start == x->end && m->v[o].nick != ZSI_NICK_PLACE)
                y = &m->v[o];
        if (!y)
            continue;
        size_t pn = x->end - x->start, yn = strlen(y->name);
        /* a name the patterns read back over a city before the place
         * (广州南沙…示范区) holds the place already */
        if (zsi_pk_find_name(g, y->name, yn) == (size_t)-1 &&
            !(yn >= pn && memcmp(y->name, p + x->start, pn) == 0)) {
            char *name = malloc(pn + yn + 1);
            if (!name)
                return ZS_ENOMEM;
            memcpy(name, p + x->start, pn);
            memcpy(name + pn, y->name, yn + 1);
            free(y->name);
            y->name = name;
        }
        y->start = x->start;
        free(x->name);
        x->name = NULL;
    }
    for (size_t k = 0; k < m->n; k++)
        if (m->v[k].name)
            m->v[w++] = m->v[k];
    m->n = w;
    return 0;
}

/* Does s[0..n) start with division name d, whole or less its last
 * character (辽宁省 or 辽宁, 沈阳市 or 沈阳)? Its length in bytes, or 0. */
static size_t division_at(const char *s, size_t n, const char *d)
{
    size_t dn = strlen(d);
    if (dn >= 9 && dn <= n && memcmp(s, d, dn) == 0)
        return dn;
    if (dn >= 9 && dn - 3 <= n && memcmp(s, d, dn - 3) == 0)
        return dn - 3;
    return 0;
}

/* Is s[0..n) nothing but a division's own province and city, in that order,
 * each whole or short (辽宁沈阳, 辽宁省, 沈阳市; empty too)? */
int zsi_pk_own_places(const char *s, size_t n, const char *prov, const char *city)
{
    size_t k = division_at(s, n, prov);
    if (k < n)
        k += division_at(s + k, n - k, city);
    return k == n;
}

/* Is s[0..n) a place's name alone (parks.tsv's @: 前海)? */
static int place_alias(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t a = zsi_pk_find_alias(g, s, n);
    return a != (size_t)-1 && g->al[a].weak == ZSI_NICK_PLACE;
}

int zsi_pk_nick_names(const zsi_gazetteer *g, const char *p, size_t n, const char *canon)
{
    size_t c = zsi_pk_find_name(g, canon, strlen(canon));
    if (c == (size_t)-1)
        return 0;
    for (size_t j = g->aoff[c]; j < g->aoff[c + 1]; j++) {
        const char *s = g->alist[j];
        size_t sn = strlen(s);
        for (const char *h = memmem(p, n, s, sn); h;
             h = memmem(h + 1, n - (size_t)(h + 1 - p), s, sn)) {
            size_t i = (size_t)(h - p), e = i + sn;
            if (nchars(s, sn) > 4 || zsi_pk_ending_suffix(g, s, sn) >= 0)
                break; /* a full name: zsi_pk_find_mentions() reads it in any passage */
            /* a name's start (中关村软件园, “中关村”科技园) is the patterns' */
            if (!zsi_pk_nick_starts_word(g, p, i) || !zsi_pk_suffix_ends(g, p, n, e) ||
                zsi_pk_brand_after(g, p, n, e) || zsi_pk_thing_after(g, p, n, e) ||
                zsi_pk_unit_after(p, n, e) ||
                (place_alias(g, s, sn) && zsi_pk_org_before(g, p, 0, i)) ||
                zsi_pk_suffix_at(g, p, n, e) >= 0 ||
                zsi_pk_suffix_at(g, p, n, e + zsi_pk_quote_at(p, n, e, 0)) >= 0)
                continue;
            return 1;
        }
    }
    return 0;
}
