/*
 * metric_edge.c - the edge checks: where the words of the lexicon are around
 * a metric's edge when ICU and jieba cut differently (服务|业, 最高额|度,
 * 版|张|定价), and which words before an edge close a run (a town's name, a
 * count: 三家|企业) or are crossed whole (规模以上). A metric never starts or
 * ends inside a word: these say where the words are; metric_run.c and
 * metric_noun.c decide what to do there.
 *
 * Invariants: allocates nothing; every offset returned is on a character
 * boundary between the bounds given.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* ICU and jieba cut differently (服务|业 / 服务业): a common noun of
 * wordclass.txt that ends at b and starts on a boundary at or before pb is
 * one word. @return its start, or pb. */
size_t zsi_word_span(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                     unsigned flags)
{
    const zsi_words *w = zsi_mplaces();
    size_t s = pb, best = pb, row;
    int k;
    if (!w)
        return pb;
    for (k = 0; k < 3 && s > cut && s > wb->s; k++) {
        s = zsi_wb_le(wb, s - 1);
        if (s < cut || zsi_nchars(p, s, b) > 4)
            break;
        if (zsi_words_find(w, p + s, b - s, &row) & flags)
            best = s;
    }
    return best;
}

size_t zsi_noun_span(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b)
{
    return zsi_word_span(wb, p, cut, pb, b, ZSW_NOUN_);
}

/* Does the full name of a town of the place lexicon (X镇, X乡) end at b,
 * starting at or after cut (闽宁镇|农民人均可支配收入, 瓜沥镇|总投资)? Like a
 * county's name, a town's says whose figure it is, so a run stops there;
 * ICU cuts a town it does not know into single characters (闽|宁|镇), which
 * the run would otherwise cross. Only the full name counts: a short form
 * (闽宁) may be a common word; and only from one of ICU's boundaries. */
int zsi_town_ends_at(const zsi_wbounds *wb, const char *p, size_t cut, size_t b)
{
    const zsi_words *w = zsi_mplaces();
    size_t s, row;
    int k;
    if (!w || b < cut + 6 ||
        (memcmp(p + b - 3, "\xE9\x95\x87", 3) != 0 && memcmp(p + b - 3, "\xE4\xB9\xA1", 3) != 0))
        return 0; /* 镇, 乡 */
    for (s = b - 3, k = 1; k <= 4 && s > cut; k++) {
        s -= zsi_utf8_prev(p, s);
        if (s < cut || s < wb->s || !zsi_m_is_han(zsi_cp_at(p, s, b)))
            break;
        /* on one of ICU's boundaries: not 于城镇 in 高于|城镇|就业人员 */
        if (zsi_wb_is(wb, s) && (zsi_words_find(w, p + s, b - s, &row) & ZSW_PLACE_) &&
            zsi_words_place(w, row, NULL, NULL) == ZSW_TOWN_)
            return 1;
    }
    return 0;
}

/* What a qualifier crossed whole costs of a run's MAX_RUN_CHARS: a
 * [modifiers] entry (规模以上, 国家级) counts as one two-character word, so
 * that 规模以上高技术制造业增加值 is not cut to 高技术制造业增加值. */
size_t zsi_mod_chars(const char *p, size_t s, size_t e, int is_mod)
{
    size_t c = zsi_nchars(p, s, e);
    return is_mod && c > 2 ? 2 : c;
}

/* Is cp a pointing word that takes a classifier (这批, 那次, 该款, 此轮,
 * 某笔)? Not 每 (每台|售价: a per-unit quantity), nor 本, 各 and 其, which
 * also end names and words (日本|人均消费, 各村|办件量). */
static int points_at(unsigned cp)
{
    static const char set[] = "这那该此某";
    return zsi_in_set(set, sizeof set - 1, cp);
}

/*
 * Does a numeral and a classifier, a count unit of data/units.tsv, end at
 * word boundary b (一辆|价值, 两辆|车, 三家|企业, 十几个|项目, 10多家)? Such a
 * pair is a determiner before a noun phrase, never part of a metric's name:
 * the metric starts after it. Not after 每 (每台售价, 每万人: a per-unit
 * prefix), nor where a word of the most likely cut by word frequencies
 * starts before the classifier and goes on past b (一次性: no determiner).
 */
int zsi_counted_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e)
{
    size_t u = b, k, q, ls, le;
    for (k = 0; k < 3 && u > cut && u > wb->s; k++) {
        u -= zsi_utf8_prev(p, u);
        if (zsi_unit_is_class(p + u, b - u, "count") != 1 ||
            (zsi_lex_inside(p, wb->s, b, e, &ls, &le) && ls < u))
            continue;
        /* 这批|参赛作品, 该款|药品: a pointer takes the classifier as a
         * numeral does */
        if (u > cut && u > wb->s && points_at(zsi_cp_at(p, u - zsi_utf8_prev(p, u), u)))
            return 1;
        /* the numeral before it: digits or Chinese numerals, with 几, 多 or
         * 余 among them (十几个, 10多家, 百余家) */
        for (q = u; q > cut && q > wb->s;) {
            unsigned cp = zsi_cp_at(p, q - zsi_utf8_prev(p, q), q);
            if (!zsi_is_digit_cp(cp) && zsi_cn_numeral(cp) < 0 && cp != 0x51E0 && cp != 0x591A &&
                cp != 0x4F59) /* 几 多 余 */
                break;
            q -= zsi_utf8_prev(p, q);
        }
        if (q == u || !zsi_has_numeral(p, q, u))
            continue;
        return !(q > cut && q > wb->s && q >= 3 && !memcmp(p + q - 3, "\xE6\xAF\x8F", 3)); /* 每 */
    }
    return 0;
}

/* The flags of a word of the lexicon (wordclass.txt, places) of at most four
 * Han characters that holds byte `at` strictly inside it, starting at or
 * after lo and ending by hi (the shortest such word); 0 when none. ICU
 * leaves boundaries inside words its dictionary lacks (一次|性生活补助,
 * 最高额|度, 纳税|人): a metric edge there starts or ends inside a word.
 * *end receives the word's end. */
unsigned zsi_word_across(const char *p, size_t lo, size_t at, size_t hi, size_t *start, size_t *end)
{
    const zsi_words *w = zsi_mplaces();
    size_t a = at, c, row;
    int k, j;
    if (!w)
        return 0;
    for (k = 1; k <= 3 && a > lo; k++) {
        a -= zsi_utf8_prev(p, a);
        if (a < lo || !zsi_m_is_han(zsi_cp_at(p, a, hi)))
            break;
        for (c = at, j = 1; j + k <= 4 && c < hi; j++) {
            unsigned cp, fl;
            size_t l = zsi_utf8_decode(p + c, hi - c, &cp);
            if (!zsi_m_is_han(cp))
                break;
            c += l;
            if ((fl = zsi_words_find(w, p + a, c - a, &row)) != 0) {
                *start = a;
                *end = c;
                return fl;
            }
        }
    }
    return 0;
}

int zsi_ends_in_noun(const zsi_wbounds *wb, const char *p, size_t lo, size_t e, size_t hi)
{
    size_t start, end;
    /* the noun starts where one of ICU's words does (额|度, 纳税|人), not
     * inside one (价格|调低: 格调 is no word of the text) */
    return (zsi_word_across(p, lo, e, hi, &start, &end) & (ZSW_NOUN_ | ZSW_VNOUN_)) != 0 &&
           zsi_wb_is(wb, start);
}

/* Is there a word of the lexicon that starts at s and ends after e (地块 in
 * 该|地|块, 购销 in 签订|购|销)? Then s starts a word of its own. */
int zsi_word_beyond(const char *p, size_t s, size_t e, size_t hi)
{
    const zsi_words *w = zsi_mplaces();
    size_t c = s, row;
    int j;
    for (j = 1; j <= 4 && c < hi; j++) {
        unsigned cp;
        c += zsi_utf8_decode(p + c, hi - c, &cp);
        if (!zsi_m_is_han(cp))
            return 0;
        if (c > e && w && zsi_words_find(w, p + s, c - s, &row))
            return 1;
    }
    return 0;
}

/* Does the character at p[b] follow a Latin letter, a digit or a closing
 * quote (U”|型, A|股)? Then a lone piece there ends that token. */
int zsi_ends_token(const char *p, size_t b)
{
    unsigned before;
    zsi_utf8_before(p, b, &before);
    return (zsi_is_run_char(before) && !zsi_m_is_han(before)) || before == 0x201D ||
           before == 0x2019;
}

/*
 * 版|张|定价, 果|场|收益, 单|台|售价, 一|审|案件: ICU cuts a word its
 * dictionary lacks into one-character pieces, so a run that starts on a lone
 * piece right after another lone piece starts inside that word, and the word
 * is both pieces. Neither piece may be a word of the alone set (游客量|年|
 * 增长率); the piece before must be able to begin a word: no verb or adverb
 * of the lexicon, no numeral (三|台|售价), none after a number (10万|亩|
 * 产值) - unless the most likely cut by word frequencies makes the two pieces
 * one word (一审). b is the run's start, s the candidate's (or the phrase's
 * end), we the end of the text cut; returns the new start.
 */
size_t zsi_join_split_word(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t s,
                           size_t we)
{
    size_t nb, pb, ls, le;
    unsigned cp;
    if (b <= cut || b <= wb->s || b >= s || !zsi_wb_is(wb, b))
        return b;
    nb = zsi_wb_gt(wb, b);
    if (nb > s || zsi_nchars(p, b, nb) != 1)
        return b;
    zsi_utf8_decode(p + b, nb - b, &cp);
    if (zsi_is_alone(cp))
        return b; /* 退耕还林|每亩, 游客量|年增长率: a word of its own */
    pb = zsi_wb_le(wb, b - 1);
    if (pb < cut || zsi_nchars(p, pb, b) != 1)
        return b;
    zsi_utf8_decode(p + pb, b - pb, &cp);
    if (!zsi_m_is_han(cp) || zsi_is_alone(cp))
        return b;
    if (pb > wb->s) {
        unsigned before;
        zsi_utf8_before(p, pb, &before);
        if (zsi_is_digit_cp(before) || zsi_cn_numeral(before) >= 0)
            return b; /* 10万|亩|产值: the pieces belong to a number */
        if (points_at(before))
            return b; /* 这|批|参|赛作品: the classifier is the pointer's */
    }
    if (pb > wb->s && zsi_ends_token(p, pb))
        return b; /* U”|型|节能灯: the piece ends the token before it */
    if (zsi_lex_inside(p, wb->s, b, we, &ls, &le) && ls == pb && le == nb)
        return pb;
    if (zsi_cn_numeral(cp) >= 0 || zsi_is_class_stop(p, pb, b) || zsi_is_stop_word(p, pb, b))
        return b;
    /* 农民|工|追缴工资, 压|力|分值: the piece before may itself be the tail
     * of a word the most likely cut knows; then it is that word's, not the
     * start of a new one */
    if (zsi_lex_inside(p, wb->s, pb, we, &ls, &le))
        return b;
    return pb;
}
