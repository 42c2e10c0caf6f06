/*
 * park_thing.c - what follows a nickname when it names no zone: a brand
 * (雄安奥特莱斯), a thing named after the zone (中关村论坛, 光谷大道: a head
 * of [thing]), a firm's registered name (泰达某某材料有限公司), a space
 * inside it (前海深港青年梦工场: [space]), or the
 * town or district it took its name from (张江镇).
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

/* Characters after a nickname looked at for a brand's name. */
#define BRAND_CHARS 3

/*
 * Do the BRAND_CHARS Han characters at byte e of p start no word of the
 * lexicon, none of them (雄安奥特莱斯: 奥特, 特莱, 莱斯 are no words), or
 * a Latin letter and a Han character (中关村E谷)? Then
 * the nickname before them leads a brand's name, a shop's or a firm's, and
 * names no zone. Words follow a nickname that is the zone's (中关村管委会,
 * 光谷企业, 雄安中小学), and so does a park's name (中关村环保园).
 */
int zsi_pk_brand_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    /* at[k]: where character k starts; one character more than looked at,
     * for a word that starts at the last one, and where the run ends */
    size_t at[BRAND_CHARS + 2], k = 0, i = e;
    /* 的 after it makes the nickname a noun that owns what follows (前海的
     * 港资企业), never a name's first part */
    if (n - e >= 3 && memcmp(p + e, "\xE7\x9A\x84", 3) == 0)
        return 0;
    /* one Latin letter right after it and a Han character after that
     * start a brand's name that mixes scripts (中关村E谷, 光谷i创): a zone's
     * words are Han, and an acronym after it (前海GDP) is the zone's own */
    if (n - e >= 4 && ((p[e] >= 'A' && p[e] <= 'Z') || (p[e] >= 'a' && p[e] <= 'z'))) {
        int32_t j = (int32_t)e + 1;
        UChar32 c;
        U8_NEXT(p, j, (int32_t)n, c);
        if (is_han(c))
            return 1;
    }
    while (k <= BRAND_CHARS && i < n) {
        int32_t j = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, j, (int32_t)n, c);
        if (!is_han(c))
            break;
        at[k++] = i;
        i = (size_t)j;
    }
    if (k < BRAND_CHARS)
        return 0;
    at[k] = i;
    for (size_t a = 0; a < BRAND_CHARS; a++) {
        if (zsi_pk_suffix_at(g, p, n, at[a]) >= 0)
            return 0;
        for (size_t b = a + 2; b <= k && b <= a + 4; b++)
            if (zsi_words_find(g->words, p + at[a], at[b] - at[a], NULL))
                return 0;
    }
    return 1;
}

/* The byte after the Han character at byte i < n of p, or 0 when none
 * stands there or it is 的: the runs that a nickname starts go on over Han
 * characters, and 的 ends a modifier, never a name's part. */
static size_t han_after(const char *p, size_t n, size_t i)
{
    int32_t o = (int32_t)i;
    UChar32 c;
    U8_NEXT(p, o, (int32_t)n, c);
    return is_han(c) && c != 0x7684 ? (size_t)o : 0; /* 的 */
}

/* Most characters between a nickname and the head of the name it starts. */
#define THING_CHARS 10

/* Does an unbroken run of Han characters (no 的) at byte e of p reach a
 * [space] word of data/zone_suffixes.txt within THING_CHARS characters: the
 * head of a name that a nickname starts with any words between, stop words
 * too (an incubator's: 前海深港青年梦工场; a title a plan gives an island:
 * 横琴国际休闲旅游岛)? The word classes would stop a run at 年 of 青年 or
 * at 休闲; these heads never end a zone's own name, so the run between
 * needs no reading. */
static int space_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    size_t i = e;
    for (int chars = 0; chars <= THING_CHARS && i < n; chars++) {
        for (size_t h = 0; h < g->space.n; h++) {
            const str *w = &g->space.v[h];
            if (w->n <= n - i && memcmp(p + i, w->s, w->n) == 0)
                return 1;
        }
        size_t o = han_after(p, n, i);
        if (!o)
            return 0;
        i = o;
    }
    return 0;
}

/* Longest word of 2-4 Han characters of the lexicon at byte i of p: its
 * bytes (0: none) and classes. */
static size_t word_at(const zsi_gazetteer *g, const char *p, size_t n, size_t i, unsigned *fl)
{
    size_t end[5], k = 0, j = i;
    while (k < 4 && j < n) {
        int32_t o = (int32_t)j;
        UChar32 c;
        U8_NEXT(p, o, (int32_t)n, c);
        if (!is_han(c))
            break;
        j = (size_t)o;
        end[++k] = j;
    }
    for (; k >= 2; k--)
        if ((*fl = zsi_words_find(g->words, p + i, end[k] - i, NULL)) != 0)
            return end[k] - i;
    *fl = 0;
    return 0;
}

/* Most characters between a nickname and the 有限公司 of a firm's name. */
#define FIRM_CHARS 12

/*
 * Does the nickname that ends at byte e of p start a firm's registered name:
 * an unbroken run of Han characters (no 的) that ends in 有限公司 within
 * FIRM_CHARS characters (泰达某某材料有限公司, 中关村某某融资担保有限公司)?
 * The words of a firm's name are its trade, verbs too (融资, 担保), which
 * would end the run of nouns zsi_pk_thing_after() reads; a firm registered
 * under the zone's name is the firm, no mention of the zone. The first
 * word must not be a stop word nor a one-character verb: 在前海注册有限公司,
 * 在前海开有限公司 set a firm up in the zone.
 */
static int firm_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    static const char FIRM[] = "\xE6\x9C\x89\xE9\x99\x90\xE5\x85\xAC\xE5\x8F\xB8"; /* 有限公司 */
    size_t i = e;
    unsigned fl;
    size_t wl = word_at(g, p, n, e, &fl);
    if (wl && (fl & ZSW_STOP) && !(fl & ZSW_VNOUN))
        return 0;
    if (!wl && e < n) {
        int32_t o = (int32_t)e;
        UChar32 c;
        U8_NEXT(p, o, (int32_t)n, c);
        if (zsi_words_find(g->words, p + e, (size_t)o - e, NULL) & ZSW_STOP ||
            zsi_words_has(g->words, p + e, (size_t)o - e, ZSW_VERB1))
            return 0;
    }
    for (int chars = 0; chars <= FIRM_CHARS && i < n; chars++) {
        if (sizeof FIRM - 1 <= n - i && memcmp(p + i, FIRM, sizeof FIRM - 1) == 0)
            return 1;
        size_t o = han_after(p, n, i);
        if (!o)
            return 0;
        i = o;
    }
    return 0;
}

/*
 * Does the nickname that ends at byte e of p start the name of a thing: a
 * run of nouns (and of characters no word holds) up to a [thing] word of
 * data/zone_suffixes.txt (论坛, 集团, 大道: the head of a thing's name), read
 * word by word, with no verb, preposition or particle on the way? 中关村
 * 管委会在论坛上 is the zone's committee at a forum (在 ends the run), and
 * 来中关村创新创业 a place's (创新 is a verb).
 */
int zsi_pk_thing_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    size_t i = e;
    if (space_after(g, p, n, e) || firm_after(g, p, n, e))
        return 1;
    for (int chars = 0; chars <= THING_CHARS && i < n; chars++) {
        size_t o = han_after(p, n, i);
        if (!o)
            return 0;
        unsigned fl;
        size_t wl = word_at(g, p, n, i, &fl);
        for (size_t h = 0; h < g->thing.n; h++) {
            const str *w = &g->thing.v[h];
            if (w->n >= wl && w->n <= n - i && memcmp(p + i, w->s, w->n) == 0)
                return 1;
        }
        /* a word that ends in 街 is a street's name (南大街, 步行街) */
        if (wl && has_suffix(p + i, wl, "\xE8\xA1\x97", 3)) /* 街 */
            return 1;
        if (wl) {
            /* a verb-noun modifies (发展集团, 会展中心); a verb ends the run */
            if ((fl & ZSW_STOP) && !(fl & ZSW_VNOUN))
                return 0;
            chars += (int)nchars(p + i, wl) - 1;
            i += wl;
            continue;
        }
        if (zsi_words_find(g->words, p + i, (size_t)o - i, NULL) & ZSW_STOP ||
            zsi_words_has(g->words, p + i, (size_t)o - i, ZSW_VERB1))
            return 0;
        i = (size_t)o;
    }
    return 0;
}

/*
 * Does the nickname that ends at byte e of p name a town, a subdistrict or
 * a district (张江镇, 中关村街道, 广州南沙区)? The zone took its name from the
 * place, and the place's own government (张江镇与村民座谈) is no zone's, as
 * an administrative unit is none (tests/quality/README.md); but 区域 is the
 * zone's area (前海区域内).
 */
int zsi_pk_unit_after(const char *p, size_t n, size_t e)
{
    static const char *const UNIT[] = {"镇", "乡", "街道", "区"};
    for (size_t k = 0; k < sizeof UNIT / sizeof *UNIT; k++) {
        size_t un = strlen(UNIT[k]);
        if (un <= n - e && memcmp(p + e, UNIT[k], un) == 0)
            return !(n - e - un >= 3 && memcmp(p + e + un, "\xE5\x9F\x9F", 3) == 0); /* 域 */
    }
    return 0;
}

/*
 * Does the nickname that ends at byte e of p start the name of its zone's
 * administration (中关村管委会, 光谷管委会, 泰达管委, 中关村管理委员会,
 * 雄安新区党工委)? Only a zone has one of these: the nickname names its zone
 * in any text, one that speaks of no zone otherwise too (中关村管委联合发布),
 * as a name inside an organisation's counts (tests/quality/README.md).
 */
int zsi_pk_admin_after(const char *p, size_t n, size_t e)
{
    static const char *const ADMIN[] = {"管委会", "管委", "管理委员会", "党工委"};
    for (size_t k = 0; k < sizeof ADMIN / sizeof *ADMIN; k++) {
        size_t an = strlen(ADMIN[k]);
        if (an <= n - e && memcmp(p + e, ADMIN[k], an) == 0)
            return 1;
    }
    return 0;
}
