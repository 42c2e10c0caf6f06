/*
 * park_abroad.c - places abroad in a zone's name: a zone China builds abroad
 * (埃及苏伊士经贸合作区, 中埃·泰达苏伊士), named by a place of foreign.txt or a
 * transliterated name; a place abroad before or inside a name (the words
 * park_edge.c weighs: 俄罗斯, 马瑙斯自由贸易区); and a free trade area named
 * only by the parties to an agreement (中国—东盟自贸区), a bloc, no zone.
 * Apart from park_edge.c because these read the run by the foreign lexicon,
 * where the name's edge reads it by China's divisions.
 *
 * Invariant: spans are byte ranges of the input at character boundaries.
 */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "park_int.h"

/* Does a place word start or end with 中 (China, a party: 中日韩, 海中)? */
int zsi_pk_party_china(const char *s, size_t n)
{
    static const char ZH[] = "\xE4\xB8\xAD"; /* 中 */
    return n > 3 && (memcmp(s, ZH, 3) == 0 || memcmp(s + n - 3, ZH, 3) == 0);
}

/* Start of the longest place abroad (foreign.txt) of two to MAX_WORD_CHARS
 * Han characters that ends at byte s of p, no earlier than floor; s when
 * none does. */
size_t zsi_pk_abroad_start(const zsi_gazetteer *g, const char *p, size_t floor, size_t s)
{
    size_t b = s, best = s;
    for (int chars = 1; chars <= MAX_WORD_CHARS && b > floor; chars++) {
        int32_t k = (int32_t)b;
        UChar32 c;
        U8_PREV(p, (int32_t)floor, k, c);
        if (!is_han(c))
            break;
        b = (size_t)k;
        if (chars >= 2 && zsi_words_has(g->words, p + b, s - b, ZSW_FOREIGN))
            best = b;
    }
    return best;
}

/* Is there a place abroad (foreign.txt) of two to MAX_WORD_CHARS characters
 * that ends at byte s of p and starts no earlier than floor, or (when lead)
 * that starts at s and ends by te? */
int zsi_pk_abroad(const zsi_gazetteer *g, const char *p, size_t floor, size_t s, size_t te,
                  int lead)
{
    size_t e = s;
    if (zsi_pk_abroad_start(g, p, floor, s) < s)
        return 1;
    for (int chars = 1; lead && chars <= MAX_WORD_CHARS && e < te; chars++) {
        int32_t k = (int32_t)e;
        U8_FWD_1(p, k, (int32_t)te);
        e = (size_t)k;
        if (chars >= 2 && zsi_words_has(g->words, p + s, e - s, ZSW_FOREIGN))
            return 1;
    }
    return 0;
}

/* Length in bytes of a joiner of parties at s[0..n) (—, -, 、, 与, 和), or 0. */
static size_t party_joiner(const char *s, size_t n)
{
    static const char *const J[] = {"\xE2\x80\x94", /* — */
                                    "\xE2\x80\x93", /* – */
                                    "\xEF\xBC\x8D", /* － */
                                    "-",
                                    "\xE3\x80\x81", /* 、 */
                                    "\xE4\xB8\x8E", /* 与 */
                                    "\xE5\x92\x8C"}; /* 和 */
    for (size_t k = 0; k < sizeof J / sizeof *J; k++) {
        size_t L = strlen(J[k]);
        if (L <= n && memcmp(s, J[k], L) == 0)
            return L;
    }
    return 0;
}

/* Is s[0..n) made of parties to a trade agreement only: countries and
 * groups of countries abroad (foreign.txt's "party": 东盟, 欧盟—乌克兰,
 * 非洲大陆) and China, joined by dashes, 、, 与 or 和? A free trade area
 * so named is an agreement or a bloc, where one named by a city or a port
 * abroad (马瑙斯, 科隆) is a zone there. */
int zsi_pk_parties_only(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t i = 0, parties = 0;
    while (i < n) {
        size_t L = party_joiner(s + i, n - i);
        if (L && parties) {
            i += L;
            continue;
        }
        L = 0;
        for (size_t e = n; e >= i + 6 && !L; e--) /* the longest, of two characters or more */
            if ((e == n || !U8_IS_TRAIL((uint8_t)s[e])) &&
                (zsi_words_has(g->words, s + i, e - i, ZSW_PARTY) ||
                 zsi_pk_is_lit(s + i, e - i, "\xE4\xB8\xAD\xE5\x9B\xBD"))) /* 中国 */
                L = e - i;
        if (!L)
            return 0;
        i += L;
        parties++;
    }
    return parties > 0;
}

/* The words of the Han run before byte i of p (no earlier than floor) back
 * to a stop word: their start; *chars their characters, *whole whether
 * they take the run whole, *before the character before the run. */
static size_t words_back(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                         size_t *chars, int *whole, UChar32 *before)
{
    size_t pos[MAX_RUN_CHARS + 1], j = 0;
    size_t nc = zsi_pk_han_run(p, floor, i, MAX_RUN_CHARS, pos, before);
    while (j < nc) {
        size_t row;
        unsigned fl;
        size_t best = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        if ((fl & (ZSW_STOP | ZSW_TRIM)) && !(fl & ZSW_PLACE))
            break;
        j += best;
    }
    *chars = j;
    *whole = j == nc;
    return pos[j];
}

/* Longest cut of a name looked at for a name abroad, in words. */
#define ABROAD_CUT_WORDS 8

/*
 * Is p[s..e) the name of a place abroad, as a zone China builds abroad is
 * named: led by no division of China (深圳经济特区, 广东省汕头经济特区: a
 * city, administrative units in tests/quality/README.md), and holding a place
 * of foreign.txt (埃及), a transliterated name of jieba's (西哈努克港), or
 * two characters in a row that jieba cuts apart, a name it lacks (皎漂, 拉沙
 * 卡伊)? Common words alone are a clause before the kind (清理经济特区,
 * 艺术目光投向经济特区).
 */
static int named_abroad(const zsi_gazetteer *g, const char *p, size_t s, size_t e)
{
    size_t start[ABROAD_CUT_WORDS + 1];
    char tag[ABROAD_CUT_WORDS];
    for (size_t L = s + 6; L <= e && L <= s + MAX_WORD_CHARS * 3; L += 3) {
        size_t row;
        if (zsi_words_find(g->words, p + s, L - s, &row) & ZSW_PLACE) {
            int level = zsi_words_place(g->words, row, NULL, NULL);
            if (level == ZSW_PROVINCE || level == ZSW_CITY || level == ZSW_COUNTY)
                return 0;
        }
    }
    for (size_t a = s; a < e;) {
        size_t b = a;
        for (int chars = 1; chars <= MAX_WORD_CHARS && b < e; chars++) {
            int32_t k = (int32_t)b;
            U8_FWD_1(p, k, (int32_t)e);
            b = (size_t)k;
            if (chars >= 2 && zsi_words_has(g->words, p + a, b - a, ZSW_FOREIGN))
                return 1;
        }
        int32_t k = (int32_t)a;
        U8_FWD_1(p, k, (int32_t)e);
        a = (size_t)k;
    }
    int w = zsi_lex_cut(p, s, e, start, tag, ABROAD_CUT_WORDS);
    for (int k = 0; k < w; k++) {
        if (tag[k] == 'R')
            return 1;
        if (k + 1 < w && nchars(p + start[k], start[k + 1] - start[k]) == 1 &&
            nchars(p + start[k + 1], start[k + 2] - start[k + 1]) == 1)
            return 1;
    }
    return 0;
}

int zsi_pk_abroad_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                       size_t *pe)
{
    static const char DOT[] = "\xC2\xB7"; /* · */
    UChar32 before;
    size_t nc, nc2;
    int whole;
    size_t s = words_back(g, p, floor, i, &nc, &whole, &before);
    /* after a digit the run is a count (80个经贸合作区) */
    if (before != RUN_NO_CHAR && u_isdigit(before))
        return 0;
    /* a middle dot joins the partners' names (中埃·泰达苏伊士) */
    if (whole && nc && before == 0xB7 && s >= floor + 2 && memcmp(p + s - 2, DOT, 2) == 0) {
        size_t s2 = words_back(g, p, floor, s - 2, &nc2, &whole, &before);
        if (nc2 && s2 < s - 2) {
            s = s2;
            nc += nc2;
        }
    }
    if (nc < 2 || nc > MAX_PLACE_NAME_CHARS || zsi_pk_describes(g, p + s, i - s, 0))
        return 0;
    if (!named_abroad(g, p, s, i))
        return 0;
    *ps = s;
    *pe = i;
    return 1;
}
