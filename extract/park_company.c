/*
 * park_company.c - a park named by who builds it: a company's brand before
 * its trade (贵阳比亚迪智能制造产业园, 海尔（天津）市场创新产业园区) or an
 * institution (中科院计算所龙芯产业园). Apart from park_edge.c because the
 * builder's name is read by what the lexicon lacks (a brand) or by an
 * institution's ending, not by place names.
 *
 * Invariant: spans are byte ranges of the input at character boundaries.
 */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "park_int.h"

/* Is s[0..n) a place, or a county's or a city's name short of its 县 or
 * 市 when that short form is a common word (富裕, of 富裕县)? */
static int bracket_place(const zsi_gazetteer *g, const char *s, size_t n)
{
    char b[32];
    if (zsi_words_find(g->words, s, n, NULL) & ZSW_PLACE)
        return 1;
    if (n + 3 > sizeof b)
        return 0;
    memcpy(b, s, n);
    memcpy(b + n, "\xE5\x8E\xBF", 3); /* 县 */
    if (zsi_words_find(g->words, b, n + 3, NULL) & ZSW_PLACE)
        return 1;
    memcpy(b + n, "\xE5\xB8\x82", 3); /* 市 */
    return (zsi_words_find(g->words, b, n + 3, NULL) & ZSW_PLACE) != 0;
}

/* A brand and a bracketed place right before byte k of p (海尔（天津）):
 * where the brand starts, or (size_t)-1. The brand is two to four
 * characters, none in the lexicon, after a verb or the text's edge. */
static size_t bracket_brand(const zsi_gazetteer *g, const char *p, size_t floor, size_t k)
{
    size_t close, open = (size_t)-1, ob = 0;
    if (k >= floor + 3 && memcmp(p + k - 3, "\xEF\xBC\x89", 3) == 0) /* ） */
        close = k - 3;
    else if (k >= floor + 1 && p[k - 1] == ')')
        close = k - 1;
    else
        return (size_t)-1;
    for (size_t b = close; b >= floor + 3 && close - b <= 12; b -= 3) {
        if (memcmp(p + b - 3, "\xEF\xBC\x88", 3) == 0) { /* （ */
            open = b - 3, ob = 3;
            break;
        }
        if (p[b - 1] == '(') {
            open = b - 1, ob = 1;
            break;
        }
    }
    if (open == (size_t)-1 || !bracket_place(g, p + open + ob, close - open - ob))
        return (size_t)-1;
    /* the brand: characters back from the bracket */
    size_t e = open, s = open, run = 0;
    while (s >= floor + 3 && run < 4) {
        int32_t o = (int32_t)s;
        UChar32 c;
        /* a word of two or more characters ends here: the brand starts */
        int word = 0;
        for (size_t L = 6; L <= 12 && s >= floor + L && !word; L += 3)
            word = zsi_words_find(g->words, p + s - L, L, NULL) != 0;
        if (word)
            break;
        U8_PREV(p, (int32_t)floor, o, c);
        if (!is_han(c) || zsi_pk_numeral(c) || zsi_words_find(g->words, p + o, s - (size_t)o, NULL))
            break;
        /* a word across two of its characters or into the one before */
        if (s < e && zsi_words_find(g->words, p + o, s + 3 - (size_t)o, NULL))
            return (size_t)-1;
        s = (size_t)o;
        run++;
    }
    /* ... or, when a word stopped that, the whole run of two to four Han
     * characters between a non-Han one (or the text's edge) and the bracket,
     * none a numeral nor a one-character stop word: a brand words of the
     * lexicon spell (益海嘉里（富裕）: 嘉里) */
    if (run < 2) {
        size_t pos[5];
        UChar32 bc;
        size_t nc = zsi_pk_han_run(p, floor, open, 5, pos, &bc);
        if (nc < 2 || nc > 4)
            return (size_t)-1;
        for (size_t q = 1; q <= nc; q++) {
            unsigned f = zsi_words_find(g->words, p + pos[q], pos[q - 1] - pos[q], NULL);
            if (zsi_pk_numeral(first_cp(p + pos[q], pos[q - 1] - pos[q])) ||
                (f & (ZSW_STOP | ZSW_TRIM)))
                return (size_t)-1;
        }
        return pos[nc];
    }
    if (s > floor) {
        int32_t o = (int32_t)s;
        UChar32 c;
        U8_PREV(p, (int32_t)floor, o, c);
        /* after a verb of two characters or more, or no Han character */
        if (is_han(c)) {
            int ok = 0;
            for (size_t L = 6; L <= 12 && s >= floor + L && !ok; L += 3)
                ok = (zsi_words_find(g->words, p + s - L, L, NULL) & (ZSW_STOP | ZSW_TRIM)) != 0;
            if (!ok)
                return (size_t)-1;
        }
    }
    return s;
}

/* A brand in capitals before byte k (park_int.h). */
size_t zsi_pk_latin_brand(const char *p, size_t floor, size_t k)
{
    size_t s = k;
    while (s > floor && p[s - 1] >= 'A' && p[s - 1] <= 'Z')
        s--;
    if (k - s < 2 || k - s > 6)
        return (size_t)-1;
    if (s > floor && ((p[s - 1] >= 'a' && p[s - 1] <= 'z') || (p[s - 1] >= '0' && p[s - 1] <= '9')))
        return (size_t)-1;
    return s;
}

/*
 * A park a company with a brand in capitals builds (GE生物科技园, TCL液晶产业园,
 * OPPO工业园): the brand, then up to three words of two characters or more
 * (the trade; no verb nor [trim] word) or none. A brand before a city
 * (OPPO东莞工业园) is name_edge()'s; before a province (TCL新疆产业园项目)
 * it names a project in the province, as 新疆产业园 names no zone. A
 * technology's initials name a trade, no company: before 产业 (VR产业园)
 * they make a kind of park, as any trade does
 * (zsi_pk_trade_park(): 光伏产业园), so with no words between, the suffix
 * must be one a quarter or a company names (工业园, 科技园).
 */
static int latin_company(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                         const size_t *pos, size_t nc, size_t *ps, size_t *pe)
{
    size_t j = 0, words = 0;
    while (j < nc) {
        size_t row, L;
        unsigned fl;
        L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        if (L < 2 || (fl & (ZSW_TRIM | ZSW_PLACE)) || ((fl & ZSW_STOP) && !(fl & ZSW_NOUN)) ||
            ++words > 3)
            return 0;
        j += L;
    }
    if (nc == 0 && zsi_pk_trade_park(p + i))
        return 0;
    size_t s = zsi_pk_latin_brand(p, floor, pos[nc]);
    if (s == (size_t)-1)
        return 0;
    *ps = s;
    *pe = i;
    return 1;
}

/*
 * A park a company builds, named by the company: 森阳集成电路半导体示范产业园,
 * 贵阳比亚迪智能制造产业园, 比亚迪产业园. The words before the suffix are
 * words of the trade (集成电路, 智能制造: any words of two characters or
 * more, verbs included) after a run of two to four single characters of
 * which two or more are in no lexicon: a brand (比亚迪, 森阳). The run
 * follows a word that ends a name's left (a verb, a place, which then leads
 * the name) or the text's edge. Common words are in the lexicon and brands
 * are not, so a description (装备制造产业园) never has such a run.
 */
int zsi_pk_company_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                        size_t *pe)
{
    size_t pos[MAX_COMPANY_CHARS + 1], j = 0;
    size_t nc = zsi_pk_han_run(p, floor, i, MAX_COMPANY_CHARS, pos, NULL);
    /* the run of Han characters starts at floor or after a non-Han one */
    int edge = nc < MAX_COMPANY_CHARS;
    if (edge && latin_company(g, p, floor, i, pos, nc, ps, pe))
        return 1;
    /* the trade's words: two characters or more each, the first a noun
     * (集成电路; not 对接, 送到: a verb there has its object after it) */
    unsigned first = 0;
    while (j < nc) {
        size_t row, L;
        unsigned fl;
        L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        if (L < 2 || (fl & ZSW_PLACE))
            break;
        if (fl & ZSW_TRIM)
            return 0;
        first = fl;
        j += L;
    }
    /* the brand before a bracketed place: 海尔（天津）市场创新产业园区; the
     * bracket ends the trade's words, whatever word is first (现代农业) */
    if (j == nc && edge && nc > 0) {
        size_t b = bracket_brand(g, p, floor, pos[nc]);
        if (b == (size_t)-1)
            return 0;
        *ps = b;
        *pe = i;
        return 1;
    }
    if (!(first & (ZSW_NOUN | ZSW_WORD)) || (first & ZSW_STOP))
        return 0;
    /* the brand: two to four characters, each in no lexicon word, after
     * the trade's words (比亚迪智能制造; a brand alone is too like a word
     * the lexicon lacks: 对接产业园) */
    size_t t = j, run = 0;
    if (t == 0)
        return 0;
    while (j < nc && run < 4) {
        size_t row, L;
        unsigned fl;
        L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        UChar32 c = first_cp(p + pos[j + 1], pos[j] - pos[j + 1]);
        if (L != 1 || fl || zsi_pk_numeral(c) ||
            zsi_pk_cut_char(g, p + pos[j + 1], pos[j] - pos[j + 1]))
            break;
        /* nor in a word across two of them (输送到: 输送) */
        if (j + 2 <= nc && zsi_words_find(g->words, p + pos[j + 2], pos[j] - pos[j + 2], NULL))
            return 0;
        run++;
        j++;
    }
    /* a [generic] word among them describes the park (大型粮食物流园区:
     * 型), no brand names it */
    if (run < 2 || zsi_pk_describes(g, p + pos[j], pos[t] - pos[j], 0))
        return 0;
    size_t s = pos[j];
    if (j < nc) {
        size_t row, L;
        unsigned fl;
        L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        if (L < 2 || !(fl & (ZSW_PLACE | ZSW_STOP | ZSW_TRIM)))
            return 0;
        if (fl & ZSW_PLACE)
            s = pos[j + L]; /* 贵阳比亚迪 */
    } else if (!edge)
        return 0;
    *ps = s;
    *pe = i;
    return 1;
}

/* Does an institution's name end at byte e of p, after characters back to
 * pos[nc] (科学院, 研究院, 研究所, 大学, 科院 as in 中科院, or a 所 of an
 * academy's institute, 中科院计算所: a 院 one to three characters before)?
 * Returns how many characters the ending holds (from the 院 for a 所), 0
 * when none. */
static size_t institution_end(const char *p, const size_t *pos, size_t j, size_t nc)
{
    static const char *const END[] = {"科学院", "研究院", "研究所", "大学", "科院"};
    for (size_t k = 0; k < sizeof END / sizeof *END; k++) {
        size_t n = strlen(END[k]), c = n / 3;
        if (j + c <= nc && pos[j] - pos[j + c] == n && memcmp(p + pos[j + c], END[k], n) == 0)
            return c;
    }
    if (j + 1 <= nc && pos[j] - pos[j + 1] == 3 && memcmp(p + pos[j + 1], "\xE6\x89\x80", 3) == 0)
        for (size_t c = 2; c <= 4 && j + c <= nc; c++) /* 所 */
            if (pos[j + c - 1] - pos[j + c] == 3 &&
                memcmp(p + pos[j + c], "\xE9\x99\xA2", 3) == 0) /* 院 */
                return c;
    return 0;
}

/*
 * A park an institution builds, named by it: 中国中医科学院中药科技园,
 * 中科院计算所龙芯产业园. The words before the suffix are the trade (two
 * characters or more: nouns, or characters in no lexicon, a brand such as
 * 龙芯; no place, verb or [trim] word), after an institution's ending
 * (institution_end); the institution's name goes left from it over nouns,
 * places and characters in no lexicon to a word that ends a name's left (a
 * verb, a preposition) or the run's edge. Only before 科技园 and 产业园,
 * the parks institutions build.
 */
int zsi_pk_institution_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                            size_t *ps, size_t *pe)
{
    size_t pos[MAX_COMPANY_CHARS + 1], j = 0;
    size_t nc = zsi_pk_han_run(p, floor, i, MAX_COMPANY_CHARS, pos, NULL);
    int edge = nc < MAX_COMPANY_CHARS;
    size_t c = 0;
    while (j < nc && !(j >= 2 && (c = institution_end(p, pos, j, nc)) > 0)) {
        size_t row, L;
        unsigned fl;
        L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        if ((fl & (ZSW_PLACE | ZSW_TRIM)) || ((fl & ZSW_STOP) && !(fl & ZSW_NOUN)) ||
            zsi_pk_cut_char(g, p + pos[j + 1], pos[j] - pos[j + 1]) ||
            zsi_pk_numeral(first_cp(p + pos[j + 1], pos[j] - pos[j + 1])) || j + L > 6)
            return 0;
        j += L;
    }
    if (!c)
        return 0;
    /* the institution's own name before its ending: one character or more */
    size_t k = j + c, start = k;
    while (k < nc) {
        size_t row, L;
        unsigned fl;
        L = zsi_pk_word_at(g, p, pos, k, nc, &fl, &row);
        if ((fl & ZSW_TRIM) || ((fl & ZSW_STOP) && !(fl & (ZSW_PLACE | ZSW_NOUN))) ||
            zsi_pk_cut_char(g, p + pos[k + 1], pos[k] - pos[k + 1]))
            break;
        k += L;
    }
    if (k == start || (k == nc && !edge) || k > nc)
        return 0;
    *ps = pos[k];
    *pe = i;
    return 1;
}
