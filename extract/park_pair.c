/*
 * park_pair.c - a park two places build, named by their one-character short
 * forms (粤澳合作产业园, 港深创新及科技园, 中白工业园): the pair starts the
 * name, where the words after a place would read as a description to
 * park_edge.c.
 *
 * Invariant: spans are byte ranges of the input at character boundaries.
 */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "park_int.h"

/* Is c, a Han character, one of the characters of the string set? */
static int initial_in(UChar32 c, const char *set)
{
    char b[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(b, n, c);
    b[n] = '\0';
    return n == 3 && strstr(set, b) != NULL;
}

/* Is c the one-character short form (简称) of a province-level division,
 * Hong Kong, Macao or Taiwan (粤, 港, 澳, 京, 沪 ...; the State Council's
 * list, where 蜀/川, 秦/陕, 陇/甘, 滇/云 and 黔/贵 are both in use)? */
static int province_initial(UChar32 c)
{
    return initial_in(c, "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵"
                         "滇云藏陕秦甘陇青宁新港澳台");
}

/* Is c the one-character short form news gives a country when it pairs it
 * with China (中白 Belarus, 中马 Malaysia, 中德, 中以 ...: a park the two build,
 * 中白工业园, 中德工业园)? Not 新 (中新 parks are listed by name, and 新 is
 * "new") nor a character that pairs with 中 into a common word (中国, 中心). */
static int country_initial(UChar32 c)
{
    return initial_in(c, "美英法德俄日韩意白马埃巴泰柬老越缅印哈乌以阿沙欧非荷比瑞奥匈捷波蒙"
                         "菲葡希土伊");
}

/* Do the two characters at s (6 bytes) pair two places by their short
 * forms (粤澳, 港深, 京津)? 中 and a country's short form pair China with
 * it (中白工业园), where the two are no word of the lexicon (中美 is one of
 * jieba's, and no less a pair; 中西部 is a region).
 * For provinces: Both are province initials, or the pair, in
 * either order, is a place-name word of jieba's (深港: so 港深 is too,
 * as news writes a pair either way); a pair that is some other word or a
 * division's name (宁波, 台湾) is no pair. */
static int place_pair(const zsi_gazetteer *g, const char *s)
{
    UChar32 a = first_cp(s, 3), b = first_cp(s + 3, 3);
    size_t row;
    if (a == 0x4E2D && country_initial(b)) /* 中 */
        return 1;
    if (a == b || !(province_initial(a) || province_initial(b)))
        return 0;
    unsigned f = zsi_words_find(g->words, s, 6, &row);
    if (f)
        return (f & ZSW_PLACE) && zsi_words_place(g->words, row, NULL, NULL) == ZSW_NS;
    if (province_initial(a) && province_initial(b))
        return 1;
    char rev[6];
    memcpy(rev, s + 3, 3);
    memcpy(rev + 3, s, 3);
    f = zsi_words_find(g->words, rev, 6, &row);
    return (f & ZSW_PLACE) && zsi_words_place(g->words, row, NULL, NULL) == ZSW_NS;
}

int zsi_pk_pair_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                     size_t *pe)
{
    size_t pos[MAX_COMPANY_CHARS + 1];
    size_t nc = zsi_pk_han_run(p, floor, i, MAX_COMPANY_CHARS, pos, NULL);
    /* pos[j] is where the j-th character back from the suffix starts; the
     * pair is pos[j+1]..pos[j-1], the leftmost that starts a phrase */
    for (size_t j = nc; j >= 2; j--) {
        size_t s = pos[j];
        if (pos[j - 2] - s != 6 || !place_pair(g, p + s))
            continue;
        /* more initials before it: 粤港澳, 京津冀 */
        size_t t = j;
        while (t < nc && pos[t] - pos[t + 1] == 3 &&
               province_initial(first_cp(p + pos[t + 1], 3)))
            t++;
        s = pos[t];
        /* no word across its first character (天津京滨: 天津, no pair 津京) */
        int across = 0;
        for (size_t L = 2; L <= 4 && t + L - 1 <= nc && !across; L++)
            across = zsi_words_find(g->words, p + pos[t + L - 1], pos[t - 1] - pos[t + L - 1],
                                    NULL) != 0;
        /* nor a locative word of jieba's that the place lexicon lacks
         * (城郊京东: 城郊, no pair 郊京; 推进港深 still pairs) */
        if (!across && t + 1 <= nc && zsi_lex_is_word(p, pos[t + 1], pos[t - 1]))
            across = zsi_pk_where_words(p, pos[t + 1], pos[t - 1]);
        if (across)
            continue;
        /* the pair starts a phrase: at the run's start, or after a word (a
         * place there leads the name: 横琴粤澳合作...), or after two to four
         * characters of a place no lexicon holds that start the run */
        int ok = t == nc;
        for (size_t L = MAX_WORD_CHARS; !ok && L >= 1; L--) {
            if (t + L > nc)
                continue;
            size_t row;
            unsigned f = zsi_words_find(g->words, p + pos[t + L], s - pos[t + L], &row);
            if (!f)
                continue;
            if ((f & ZSW_PLACE) && !(f & ZSW_TRIM) && L >= 2 &&
                zsi_words_place(g->words, row, NULL, NULL) != ZSW_PROVINCE)
                s = pos[t + L];
            ok = 1;
            break;
        }
        /* after a locative of jieba's the place lexicon lacks (在城郊粤澳
         * 合作产业园: 城郊, where the park is) */
        for (size_t L = 2; !ok && L <= 4 && t + L <= nc; L++)
            ok = zsi_lex_is_word(p, pos[t + L], s) && zsi_pk_where_words(p, pos[t + L], s);
        for (size_t M = 2; !ok && M <= 4 && t + M <= nc; M++) {
            size_t b = pos[t + M];
            int word_in = 0, word_before = t + M == nc;
            for (size_t a = t + M; a > t + 1 && !word_in; a--)
                for (size_t e = a - 2; e + 1 > t && !word_in; e--) {
                    word_in = zsi_words_find(g->words, p + pos[a], pos[e] - pos[a], NULL) != 0;
                    if (e == t)
                        break;
                }
            for (size_t L = 1; L <= MAX_WORD_CHARS && t + M + L <= nc && !word_before; L++)
                word_before = zsi_words_find(g->words, p + pos[t + M + L], b - pos[t + M + L],
                                             NULL) != 0;
            if (!word_in && word_before)
                ok = 1, s = b;
        }
        if (!ok)
            continue;
        /* between the pair and the suffix: no character a name never
         * holds (的, 是: a clause) */
        for (size_t q = j - 2; q > 0; q--)
            if (zsi_pk_cut_char(g, p + pos[q], pos[q - 1] - pos[q]))
                return 0;
        *ps = s;
        *pe = i;
        return 1;
    }
    return 0;
}
