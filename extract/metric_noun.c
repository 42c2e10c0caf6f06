/*
 * metric_noun.c - the metric noun nearest the end of a window: candidates are
 * known phrases and runs ending in a suffix (metric_data.c); the nearest one
 * whose edges are word boundaries (metric_wb.c) wins, grown left over whole
 * words up to a stop word, a place name or a conjunction, and normalised
 * ([strip] words and what precedes them dropped, a known phrase's normal
 * form, a per-unit prefix kept: 亩均营收 -> 亩均营业收入).
 *
 * One concept kept whole (about 820 lines, over the 700 the layout asks
 * for): finding the candidate, growing it left and normalising it share one
 * window and one set of word boundaries, and each step's stop rules are the
 * next step's start; the data it reads (metric_data.c) and the word breaks
 * (metric_wb.c) are already files of their own.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <string.h>

#include <unicode/utf8.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Is cp one of the characters of the UTF-8 string set[0..n)? The sets are
 * literals, well-formed: a lead byte starts a character wherever it stands,
 * so cp's bytes found anywhere are that character. Searching bytes (memchr
 * for the last one) beats decoding the set at every call: zsi_all_filler()
 * decoded its 46 characters per character it read, 1.5% of `zhaoshu index`
 * (callgrind, every 8th realnews-dev file). */
static int in_set(const char *set, size_t n, unsigned cp)
{
    uint8_t u[U8_MAX_LENGTH];
    int32_t len = 0;
    const char *h, *end = set + n;

    if (cp < 0x80)
        return memchr(set, (int)cp, n) != NULL;
    if (cp > 0x10FFFF || U_IS_SURROGATE(cp))
        return 0;
    U8_APPEND_UNSAFE(u, len, (UChar32)cp); /* ICU's encoder: 2 to 4 bytes */
    for (h = set + len - 1; h < end && (h = memchr(h, u[len - 1], (size_t)(end - h))) != NULL; h++)
        if (memcmp(h - (len - 1), u, len - 1) == 0)
            return 1;
    return 0;
}

/* Is p[s..e) one word of the cut, of part of speech tag? */
static int lex_tag_is(const char *p, size_t s, size_t e, char tag)
{
    size_t st[2];
    char tg[2];
    return zsi_lex_cut(p, s, e, st, tg, 1) == 1 && tg[0] == tag;
}

/* Characters that may follow a metric inside what ICU takes for one word:
 * 收益率由, 总额达, 利润为 ... (words that link a metric to its figure). */
static int links_on(unsigned cp)
{
    static const char set[] =
        "由为达是从至到在超比较同环已均约近逾仅增降提下上突共累占实完及和与或等的了将都也再则";
    return in_set(set, sizeof set - 1, cp);
}

/* Characters a window may hold between a change word (or the clause start)
 * and the figure without naming anything: 为, 达到, 分别, 了, 约, 仅 ...; the
 * modal 需 too (销量只需20亿元: 只需 is no part of the noun). */
static int is_filler(unsigned cp)
{
    static const char set[] = "了为达到分别约近超高仅至的逾是有共计已经则再又也都只才就均亦仍还将可"
                              "同比环较去上年期月周季度今初末底需";
    return in_set(set, sizeof set - 1, cp);
}

int zsi_is_direction(unsigned cp)
{
    static const char set[] = "内外中间后前里";
    return in_set(set, sizeof set - 1, cp);
}

static unsigned cp_at(const char *p, size_t i, size_t e)
{
    unsigned cp = 0;
    if (i < e)
        zsi_utf8_decode(p + i, e - i, &cp);
    return cp;
}

size_t zsi_nchars(const char *p, size_t s, size_t e)
{
    size_t c = 0;
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        c++;
    }
    return c;
}

/* Only run characters (Han, letters, digits) in p[s..e)? */
static int all_run(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (!zsi_is_run_char(cp))
            return 0;
    }
    return 1;
}

static int is_digit_cp(unsigned cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Only filler characters, spaces and line breaks in p[s..e)? A date printed
 * in digits (较2012年, 比2017年末, 1—2月) is filler too, and so is a list
 * comma (高新技术企业1200家、增长45%: the 增长 of the figure before). */
int zsi_all_filler(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (cp == ' ' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0x3001)
            continue;
        if (is_digit_cp(cp)) {
            /* digits (and a range dash) up to 年, 月 or 日 */
            while (s < e) {
                size_t l = zsi_utf8_decode(p + s, e - s, &cp);
                if (!is_digit_cp(cp) && cp != '-' && cp != 0x2014 && cp != 0x2013 &&
                    cp != 0xFF0D && cp != '.')
                    break;
                s += l;
            }
            if (s >= e || (cp != 0x5E74 && cp != 0x6708 && cp != 0x65E5)) /* 年月日 */
                return 0;
            continue;
        }
        if (!is_filler(cp))
            return 0;
    }
    return 1;
}

/* A metric may end at e when a word ends there, at the window's end, or
 * when what follows links it to the figure (see links_on). */
int zsi_end_ok(const zsi_wbounds *wb, const char *p, size_t e, size_t we)
{
    return e >= we || zsi_wb_is(wb, e) || links_on(cp_at(p, e, we));
}

/* The clause start in p[ws..we): after the last conjunction word (但是, 同时,
 * 而 ...) that stands as a word of its own. */
static size_t conj_cut(const zsi_wbounds *wb, const char *p, size_t ws, size_t we)
{
    size_t cut = ws, s;
    for (s = wb->s > ws ? wb->s : ws; s < we;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, we - s, &cp);
        const zsi_phrase *c = cp >= 0x80 ? zsi_match_at(zsi_mset(MSEC_CONJ), p, s, we) : NULL;
        if (c && zsi_wb_is(wb, s) && zsi_wb_is(wb, s + c->len) && s + c->len < we)
            cut = s + c->len;
        s += l;
    }
    return cut;
}

/* Is p[s..e) a word of two or three characters unknown to wordclass.txt
 * whose every character is a closed-class word of its own (都要, 也将: an
 * adverb and a verb ICU took for one word)? It is no part of a noun. */
static int closed_chars(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row, q, n = zsi_nchars(p, s, e);
    if (!w || n < 2 || n > 3 || zsi_words_find(w, p + s, e - s, &row))
        return 0;
    for (q = s; q < e;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, e - q, &cp);
        if (!zsi_m_is_han(cp) || !zsi_is_class_stop(p, q, q + l))
            return 0;
        q += l;
    }
    return 1;
}

/* Is p[s..e), one word, a word a metric run never extends back over: a
 * [stop] word, a word ending in a longer [stop] entry (有限公司) or in a place
 * or time character (2024年 printed in Han), or a place name (北京, 中国) or
 * a country abroad (美国)? A
 * word merely ending in a one-character stop (拥有, 已经) is not one. */
int zsi_is_stop_word(const char *p, size_t s, size_t e)
{
    const zsi_phrase *st = zsi_match_ending(zsi_mset(MSEC_STOP), p, s, e);
    unsigned last;
    size_t row;
    const zsi_words *places = zsi_mplaces();
    if (places && (zsi_words_find(places, p + s, e - s, &row) & ZSW_PLACE_)) {
        const char *city, *province;
        int level = zsi_words_place(places, row, &city, &province);
        if (level >= 0 && level <= ZSW_COUNTY_)
            return 1;
    }
    /* a country names whose figure it is, like a province (美国|企业支付的
     * 关税, 日本|国内生产总值); 中国 is a [stop] word, like 全国 and 我国 */
    if (places && zsi_nchars(p, s, e) >= 2 && zsi_words_has(places, p + s, e - s, ZSW_FOREIGN_))
        return 1;
    if (closed_chars(p, s, e))
        return 1;
    if (!st)
        return 0;
    if (st->len == e - s || st->len >= 6)
        return 1;
    zsi_utf8_decode(p + e - zsi_utf8_prev(p, e), zsi_utf8_prev(p, e), &last);
    return last == 0x5E02 || last == 0x7701 || last == 0x53BF || last == 0x533A || /* 市省县区 */
           last == 0x5E74 || last == 0x6708 || last == 0x65E5 || /* 年月日 */
           last == 0x7684; /* 的, which ends a modifier even when ICU glues it on (中的) */
}

/* Does a [modifiers] entry longer than n start at p[s] (规模|以上)? Then a
 * suffix there is the qualifier's first word, not a metric's head. */
static int starts_modifier(const char *p, size_t s, size_t n, size_t we)
{
    const zsi_phrase *m = zsi_match_at(zsi_mset(MSEC_MODIFIER), p, s, we);
    return m && m->len > n;
}

typedef struct cand {
    size_t s, e;
    const zsi_phrase *ph;
    int known; /* 1: a [phrases] entry; 0: a [suffixes] ending */
} cand;

/* A word of wordclass.txt's "stop" class (jieba's verbs, adverbs, pronouns,
 * numerals, measure and time words): 吸引, 预计, 获得, 直接, 一个. */
int zsi_is_noun_word(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row;
    return w && (zsi_words_find(w, p + s, e - s, &row) & ZSW_NOUN_);
}

int zsi_is_class_stop(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row;
    unsigned fl = w ? zsi_words_find(w, p + s, e - s, &row) : 0;
    /* a verb-noun (jieba's vn: 建设, 发展) is a noun inside a metric phrase
     * (基础设施建设投资), not the clause's verb that ends one */
    return (fl & ZSW_STOP_) && !(fl & ZSW_VNOUN_);
}

static int is_vnoun(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row;
    return w && (zsi_words_find(w, p + s, e - s, &row) & ZSW_VNOUN_);
}

/*
 * Where ICU's word that ends at b starts, when it is one character at or
 * after cut; its code point in *cp. (size_t)-1 when there is none.
 */
static size_t one_char_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b,
                              unsigned *cp)
{
    size_t pb;
    if (b <= cut || b <= wb->s)
        return (size_t)-1;
    pb = zsi_wb_le(wb, b - 1);
    if (pb < cut || zsi_nchars(p, pb, b) != 1)
        return (size_t)-1;
    zsi_utf8_decode(p + pb, b - pb, cp);
    return pb;
}

/* Is the one-character word ending at b a conjunction (及, 和, 与, 或)? */
static int conj_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b)
{
    unsigned cp;
    if (one_char_before(wb, p, cut, b, &cp) == (size_t)-1)
        return 0;
    return cp == 0x53CA || cp == 0x548C || cp == 0x4E0E || cp == 0x6216; /* 及和与或 */
}

/* Does p[s..e) hold a digit (ASCII or full width: １９９６年为) or a Chinese
 * numeral (一个, 两辆)? */
static int has_numeral(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (is_digit_cp(cp) || zsi_cn_numeral(cp) >= 0)
            return 1;
    }
    return 0;
}

/* 年产值, 年销售收入: a lone 年 right before a run makes it annual, unless a
 * number or a time word owns it (2019年, 本年; 今年 is one word anyway). */
static int annual_at(const zsi_wbounds *wb, const char *p, size_t cut, size_t b)
{
    size_t pb;
    unsigned before;
    if (b < cut + 3 || memcmp(p + b - 3, "\xE5\xB9\xB4", 3) != 0) /* 年 */
        return 0;
    pb = b - 3;
    if (!zsi_wb_is(wb, pb))
        return 0;
    if (pb == cut)
        return 1;
    zsi_utf8_decode(p + pb - zsi_utf8_prev(p, pb), zsi_utf8_prev(p, pb), &before);
    if (!zsi_is_run_char(before))
        return 1;
    /* after a whole word (企业|年|产值), not after a number or one character
     * that makes a time word with it (本|年, 每|年) */
    return !has_numeral(p, pb - zsi_utf8_prev(p, pb), pb) && pb > wb->s &&
           zsi_nchars(p, zsi_wb_le(wb, pb - 1), pb) >= 2;
}

/* ICU and jieba cut differently (服务|业 / 服务业): a common noun of
 * wordclass.txt that ends at b and starts on a boundary at or before pb is
 * one word. @return its start, or pb. */
static size_t word_span(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
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

static int one_char_tagged(const char *p, size_t s, size_t e, char tag);
static int quantified(const char *p, size_t b);

static size_t noun_span(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b)
{
    return word_span(wb, p, cut, pb, b, ZSW_NOUN_);
}

/* Is p[s..e) a word of two to four Han characters that the lexicon does not
 * know at all (床位, 医保)? wordclass.txt lists verbs seen 20 times in
 * jieba's corpus but common nouns only from 100: such a word is most likely
 * a rarer noun. */
static int unknown_word(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row, n = zsi_nchars(p, s, e), q;
    if (!w || n < 2 || n > 4 || zsi_words_find(w, p + s, e - s, &row))
        return 0;
    for (q = s; q < e;) {
        unsigned cp;
        q += zsi_utf8_decode(p + q, e - q, &cp);
        if (!zsi_m_is_han(cp))
            return 0;
    }
    return !zsi_match_ending(zsi_mset(MSEC_STOP), p, s, e) && !has_numeral(p, s, e);
}

/* Does the full name of a town of the place lexicon (X镇, X乡) end at b,
 * starting at or after cut (闽宁镇|农民人均可支配收入, 瓜沥镇|总投资)? Like a
 * county's name, a town's says whose figure it is, so a run stops there;
 * ICU cuts a town it does not know into single characters (闽|宁|镇), which
 * the run would otherwise cross. Only the full name counts: a short form
 * (闽宁) may be a common word; and only from one of ICU's boundaries. */
static int town_ends_at(const zsi_wbounds *wb, const char *p, size_t cut, size_t b)
{
    const zsi_words *w = zsi_mplaces();
    size_t s, row;
    int k;
    if (!w || b < cut + 6 ||
        (memcmp(p + b - 3, "\xE9\x95\x87", 3) != 0 && memcmp(p + b - 3, "\xE4\xB9\xA1", 3) != 0))
        return 0; /* 镇, 乡 */
    for (s = b - 3, k = 1; k <= 4 && s > cut; k++) {
        s -= zsi_utf8_prev(p, s);
        if (s < cut || s < wb->s || !zsi_m_is_han(cp_at(p, s, b)))
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
static size_t mod_chars(const char *p, size_t s, size_t e, int is_mod)
{
    size_t c = zsi_nchars(p, s, e);
    return is_mod && c > 2 ? 2 : c;
}

/* One-character words that always stand alone: particles, conjunctions,
 * coverbs; pronouns and determiners (其|新产品); time units and the tails of
 * division names (年|新材料, 水城|区|铝). */
static const char alone[] = "的了和与及或在是为对从由将把被给向于而并且也都又占"
                            "其该此这那每各年月日区市省县";

/* Is the one-character word p[pb..b) a closed-class word (以, 等, 直) that
 * begins a run of one-character pieces, as ICU leaves a word its dictionary
 * does not know (以|工|代|赈|资金, 直|靠|率)? Then it is that word's first
 * character, not a word that ends the run; the run ends with it. Structural
 * particles, conjunctions and the words below always stand alone. */
static int lone_piece(const zsi_wbounds *wb, const char *p, size_t pb, size_t b, size_t from,
                      size_t e)
{
    size_t nb, ls, le;
    unsigned cp;
    if (zsi_nchars(p, pb, b) != 1 || b >= from)
        return 0;
    nb = zsi_wb_gt(wb, b);
    if (nb > from || zsi_nchars(p, b, nb) != 1)
        return 0;
    /* 以|总价, 曾|净亏损: where the most likely cut by word frequencies
     * has a word from the next piece to a word end at the head or beyond,
     * it is a word of its own (not in 自|付费|用, 以工代赈) */
    if (zsi_lex_inside(p, wb->s, nb, e, &ls, &le) && ls == b && le >= from && zsi_wb_is(wb, le))
        return 0;
    if (!zsi_is_class_stop(p, pb, b) && !zsi_is_stop_word(p, pb, b))
        return 0;
    zsi_utf8_decode(p + pb, b - pb, &cp);
    if (!zsi_m_is_han(cp) || in_set(alone, sizeof alone - 1, cp))
        return 0;
    if (pb > wb->s) {
        /* 这|片|总面积, 一|项|新技术: a classifier after a determiner or a
         * numeral is a word of its own */
        unsigned before;
        zsi_utf8_decode(p + pb - zsi_utf8_prev(p, pb), zsi_utf8_prev(p, pb), &before);
        if (in_set(alone, sizeof alone - 1, before) || zsi_cn_numeral(before) >= 0 ||
            is_digit_cp(before))
            return 0;
    }
    return 1;
}

/* Is cp a determiner, a character that points at or picks out a thing
 * (这, 那, 此, 该, 每, 各, 某, 哪, 其, 本)? What follows it is named, not counted or
 * sorted by it. */
static int is_determiner(unsigned cp)
{
    static const char set[] = "这那此该每各某哪其本";
    return in_set(set, sizeof set - 1, cp);
}

/* Is p[pb..b) the numeral 一 right after a determiner (这一|比例, 那一|年份,
 * 该一|数值)? 这一 points at a thing named before, as 这 alone does; it counts
 * nothing and is no part of the noun after it, so the run stops there. */
static int points_one(const char *p, size_t cut, size_t pb, size_t b)
{
    unsigned before;
    if (b - pb != 3 || memcmp(p + pb, "\xE4\xB8\x80", 3) != 0 || pb <= cut)
        return 0; /* 一 */
    zsi_utf8_decode(p + pb - zsi_utf8_prev(p, pb), zsi_utf8_prev(p, pb), &before);
    return is_determiner(before);
}

/* Is p[s..e) the one character 率 or 量? A rate or an amount is named by
 * what is done or counted, verbs included (发射成功率, 出货量); a sum of
 * money (赔偿金, 善款) is the object of the verb before it (支付|赔偿金). */
static int rate_or_amount(const char *p, size_t s, size_t e)
{
    unsigned cp = cp_at(p, s, e);
    return zsi_nchars(p, s, e) == 1 && (cp == 0x7387 || cp == 0x91CF); /* 率 量 */
}

/*
 * Does a numeral and a classifier, a count unit of data/units.tsv, end at
 * word boundary b (一辆|价值, 两辆|车, 三家|企业, 十几个|项目, 10多家)? Such a
 * pair is a determiner before a noun phrase, never part of a metric's name:
 * the metric starts after it. Not after 每 (每台售价, 每万人: a per-unit
 * prefix), nor where a word of the most likely cut by word frequencies
 * starts before the classifier and goes on past b (一次性: no determiner).
 */
static int counted_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e)
{
    size_t u = b, k, q, ls, le;
    for (k = 0; k < 3 && u > cut && u > wb->s; k++) {
        u -= zsi_utf8_prev(p, u);
        if (zsi_unit_is_class(p + u, b - u, "count") != 1 ||
            (zsi_lex_inside(p, wb->s, b, e, &ls, &le) && ls < u))
            continue;
        /* the numeral before it: digits or Chinese numerals, with 几, 多 or
         * 余 among them (十几个, 10多家, 百余家) */
        for (q = u; q > cut && q > wb->s;) {
            unsigned cp = cp_at(p, q - zsi_utf8_prev(p, q), q);
            if (!is_digit_cp(cp) && zsi_cn_numeral(cp) < 0 && cp != 0x51E0 && cp != 0x591A &&
                cp != 0x4F59) /* 几 多 余 */
                break;
            q -= zsi_utf8_prev(p, q);
        }
        if (q == u || !has_numeral(p, q, u))
            continue;
        return !(q > cut && q > wb->s && q >= 3 && !memcmp(p + q - 3, "\xE6\xAF\x8F", 3)); /* 每 */
    }
    return 0;
}

/*
 * 四级|豆油报价, 二三|级|医院占比: a numeral and 级 (grade) make a
 * distinguishing word, one grade of the thing named (一级, 四级, 二三级), as
 * 国家级 of [modifiers] does: it says which quantity and is part of the
 * metric, where a numeral alone counts things and ends the run. @return
 * where the grade word that ends at b starts (b when none), never before cut.
 */
static size_t grade_start(const char *p, size_t cut, size_t b)
{
    size_t q;
    if (b < cut + 6 || memcmp(p + b - 3, "\xE7\xBA\xA7", 3) != 0) /* 级 */
        return b;
    for (q = b - 3; q > cut;) {
        size_t l = zsi_utf8_prev(p, q);
        unsigned cp = cp_at(p, q - l, b);
        if (zsi_cn_numeral(cp) < 0 || cp == 0x4E07 || cp == 0x4EBF) /* not 万 亿 */
            break;
        q -= l;
    }
    return q < b - 3 ? q : b;
}

/*
 * 9月10日|起|出厂价, “十二五”|时期|铁路投资, 2019年|以来|新增贷款, 7月|初|价格:
 * a word right after a date or a numbered period (a digit, a Chinese
 * numeral, 日, 月, 年, 号, or a closing quote after a numeral) that closes
 * the time phrase: a word of two characters or more that jieba calls a
 * direction or time word (f, t: 以来, 期间, 月初) or a time noun by its form
 * (…期: 时期), or 起 (from that day). Not a time word of one character (年
 * 供气量, 日缺水量: per year, per day, part of the metric), nor a time word
 * after a lone 年 or 月 (年|税后|利润), nor a word that starts with the
 * date's 日 (20|日期|价), nor a word whose end falls inside a word of
 * jieba's most likely cut (年中|转: 中转).
 * The metric starts after it.
 */
static int closes_time(const char *p, size_t cut, size_t pb, size_t b, size_t e)
{
    size_t st[2], js, je, hi = b;
    char tg[1];
    unsigned c;
    int k;
    if (pb <= cut || b - pb < 3 || b - pb > 6 || zsi_lex_cut(p, pb, b, st, tg, 1) != 1)
        return 0; /* a word of one or two bytes (a letter, a stray byte) is no time word */
    c = cp_at(p, pb - zsi_utf8_prev(p, pb), pb);
    if (c == 0x201D && pb - 3 > cut) /* ” after a numeral: “十二五” */
        c = cp_at(p, pb - 3 - zsi_utf8_prev(p, pb - 3), pb - 3);
    if (!is_digit_cp(c) && zsi_cn_numeral(c) < 0 && c != 0x65E5 && c != 0x6708 &&
        c != 0x5E74 && c != 0x53F7) /* 日 月 年 号 */
        return 0;
    if (b - pb == 3) /* 起 */
        return memcmp(p + pb, "\xE8\xB5\xB7", 3) == 0;
    if (tg[0] == 't' && (c == 0x5E74 || c == 0x6708))
        return 0; /* 年|税后|利润, 每年|税前|利润: after 年 or 月 a time word
                   * may say which amount (pre-tax), not when */
    if (cp_at(p, pb, b) == 0x65E5)
        return 0; /* 20|日期|价: ICU took the date's 日 into a word */
    if (tg[0] != 'f' && tg[0] != 't' && memcmp(p + b - 3, "\xE6\x9C\x9F", 3) != 0)
        return 0; /* 期: 时期 */
    for (k = 0; k < 2 && hi < e; k++)
        hi += zsi_utf8_decode(p + hi, e - hi, &c);
    return !zsi_lex_inside(p, pb, b, hi, &js, &je);
}

/*
 * 服务|类|项目, 货物|类|采购额: a classifier of one character (jieba's q)
 * right after a common noun of two characters or more makes a kind (服务类,
 * the service kind) and is part of the metric, where alone, as a [stop]
 * word, it ends the run; not the last kind of a list (A及B类), whose head
 * the kinds share. @return where the kind word ending at b starts, b
 * when none, never before cut.
 */
static size_t kind_start(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b)
{
    size_t st[2], ppb;
    char tg[2];
    if (zsi_nchars(p, pb, b) != 1 || pb <= cut || pb <= wb->s ||
        zsi_lex_cut(p, pb, b, st, tg, 1) != 1 || tg[0] != 'q')
        return b;
    ppb = zsi_wb_le(wb, pb - 1);
    if (ppb < cut || zsi_nchars(p, ppb, pb) < 2 || has_numeral(p, ppb, pb) ||
        !(zsi_is_noun_word(p, ppb, pb) || is_vnoun(p, ppb, pb)) || zsi_is_stop_word(p, ppb, pb))
        return b;
    if (conj_before(wb, p, cut, ppb) ||
        (ppb >= 3 && !memcmp(p + ppb - 3, "\xE3\x80\x81", 3))) /* 、 */
        return b; /* 机电产品及设备|类: the last of a list of kinds, which share the head */
    return ppb;
}

/*
 * Is the word p[ppb..b), right before a verb that heads a compound with a
 * one-word head (授权|量, 复苏|指数), a noun of that compound: a common noun
 * or a word the lexicon lacks (发明专利, 床位), or a verb-noun (消费|复苏|指数,
 * 义务教育|达标|率, 农网|供电|可靠率: what the verb is done to or by)? Not a
 * verb-noun right after a one-character verb of jieba's (加|运费|成交价,
 * 缴|学费): it is that verb's object, and the compound ends at it.
 */
static int noun_before_verb(const zsi_wbounds *wb, const char *p, size_t cut, size_t ppb,
                            size_t b)
{
    size_t q;
    if (zsi_is_noun_word(p, ppb, b) || unknown_word(p, ppb, b))
        return 1;
    if (!is_vnoun(p, ppb, b))
        return 0;
    if (ppb <= cut || ppb <= wb->s)
        return 1;
    q = zsi_wb_le(wb, ppb - 1);
    return q < cut || !one_char_tagged(p, q, ppb, 'v');
}

/*
 * Is the noun phrase starting at p[ppb] (the words before a verb) counted:
 * a numeral and a classifier of counts before it, read back over up to
 * four words of Han that are no stop word (向|120万名|失业人员|发放,
 * 向|300余家|新型|农业|经营主体|发放, 6000个|受害|家庭|发放)? A counted
 * noun refers to things, the ones the verb acts for or by, so the verb is
 * the clause's predicate, as after a noun right after a numeral (quantified).
 * A date is no count (2030年|体育|竞赛|表演).
 */
static int counted_np(const zsi_wbounds *wb, const char *p, size_t cut, size_t ppb, size_t e)
{
    size_t q = ppb, qb, l, l0;
    unsigned c0;
    int k;
    for (k = 0; k < 4 && q > cut && q > wb->s; k++) {
        if (counted_before(wb, p, cut, q, e))
            return 1;
        qb = zsi_wb_le(wb, q - 1);
        if (qb < cut || !all_run(p, qb, q) || has_numeral(p, qb, q) || zsi_is_stop_word(p, qb, q))
            return 0;
        q = qb;
    }
    /* the window of a figure starts after the figure before it, which may
     * be the count of the noun (120万名|失业人员|发放 of 向120万名…) */
    if (q > cut || q < 6)
        return 0;
    l = zsi_utf8_prev(p, q);
    if (zsi_unit_is_class(p + q - l, l, "count") != 1)
        return 0;
    l0 = zsi_utf8_prev(p, q - l);
    c0 = cp_at(p, q - l - l0, q - l);
    return is_digit_cp(c0) || zsi_cn_numeral(c0) >= 0 || c0 == 0x591A || c0 == 0x4F59; /* 多 余 */
}

/*
 * 半导体|制造|设备|销售总额, 条码|支付|交易|笔数: a verb of jieba's (v)
 * between a common noun and a noun that modifies the head is no predicate
 * but part of one compound (sales of chip-making equipment), as
 * 政府|采购|额 is before a one-word head. Not a [strip] predicate (企业|完成|
 * 投资), not before the head's own word (银行|发放|国家助学贷款: the object
 * of the clause's verb), not after a place or another stop word (我国|吸引),
 * nor after a noun that is counted or follows a preposition (为|企业|发放,
 * 6000个|家庭|发放, counted_np: the one the verb acts for or by). @return 1
 * when the verb p[pb..b) is inside the compound.
 */
/* 显示, 认为, 担心, 导致: a verb of showing, thinking, fearing or causing
 * takes a clause for its object, so the noun before it is who says or what
 * causes (数据|显示, 受访者|担心, 疫情|导致), never a part of the metric. */
static int takes_clause(const char *p, size_t s, size_t e)
{
    const zsi_phrase *w = zsi_match_at(zsi_mset(MSEC_SAYING), p, s, e);
    return w && w->len == e - s;
}

static int verb_in_compound(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                            size_t from, size_t e)
{
    size_t st[2], ppb, nb, q;
    char tg[2];
    const zsi_phrase *sp;
    if (zsi_nchars(p, pb, b) < 2 || has_numeral(p, pb, b) || takes_clause(p, pb, b) ||
        zsi_lex_cut(p, pb, b, st, tg, 1) != 1 || tg[0] != 'v')
        return 0;
    sp = zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, b);
    if (sp && sp->len == b - pb)
        return 0;
    nb = zsi_wb_gt(wb, b);
    if (nb >= from || nb > e || !(zsi_is_noun_word(p, b, nb) || is_vnoun(p, b, nb)))
        return 0;
    if (pb <= cut || pb <= wb->s)
        return 0;
    ppb = noun_span(wb, p, cut, zsi_wb_le(wb, pb - 1), pb);
    if (ppb < cut || !all_run(p, ppb, pb) || zsi_nchars(p, ppb, pb) < 2 ||
        has_numeral(p, ppb, pb) || zsi_is_stop_word(p, ppb, pb) || quantified(p, ppb))
        return 0;
    if (!(zsi_is_noun_word(p, ppb, pb) || is_vnoun(p, ppb, pb)))
        return 0;
    if (ppb > cut && ppb > wb->s) {
        q = zsi_wb_le(wb, ppb - 1);
        if (q >= cut && one_char_tagged(p, q, ppb, 'p'))
            return 0;
    }
    return !counted_np(wb, p, cut, ppb, e);
}

/*
 * 出货|占比, 批发|均价, 点火|时长: a head of two or three characters that
 * names a share, a rate, a price or a time (a known phrase or a suffix
 * ending in 比 率 价 例 重 时 长: 占比, 均价, 时长) is one word though ICU
 * cuts it (占|比为): the verb right before it (jieba's v or vn, of two
 * characters or more) says which share or price, as before a head ICU keeps
 * whole (持股|比例, 发射|成功率). Not before a sum (创造|营收, 增加|净利润):
 * there the verb is the predicate that yields it.
 */
static int kind_head(const char *p, size_t s, size_t e)
{
    static const char set[] = "比率价例重时长";
    size_t n = zsi_nchars(p, s, e);
    const zsi_phrase *x = zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, s, e);
    if (n < 2 || n > 3 || !in_set(set, sizeof set - 1, cp_at(p, e - zsi_utf8_prev(p, e), e)))
        return 0;
    return zsi_lookup_exact(p + s, e - s) || (x && x->len == e - s);
}

/* Is p[s..e) one verb or verb-noun of jieba's (v, vn) of two characters or
 * more that the data calls no change or [strip] predicate (增加, 实现)? */
static int kind_verb(const char *p, size_t s, size_t e)
{
    size_t st[2];
    char tg[2];
    if (zsi_nchars(p, s, e) < 2 || zsi_lex_cut(p, s, e, st, tg, 1) != 1 ||
        (tg[0] != 'v' && tg[0] != 'V'))
        return 0;
    return !zsi_match_ending(zsi_mset(MSEC_CHANGE), p, s, e) &&
           !zsi_match_at(zsi_mset(MSEC_STRIP), p, s, e);
}

/*
 * 种植|户|人均收入, 超大|班|额|比例, 精炼|铜|产量, 交换|膜|燃料电池成本: a run
 * that would start with a lone one-character piece (户, 班, 铜, 膜) right
 * after a short verb or adjective it stops at starts with that word: such a
 * piece ends the word before it (growers, oversized classes, refined
 * copper), which says which quantity, and a metric starting at the piece
 * starts inside that word. The word is a verb or an adjective of jieba's of
 * two characters (种植, 超大), no [stop], [strip] or [change] word (实现|年|
 * 销售收入: the normal form drops it); the piece is no word's first
 * character (节省|电|费).
 * pb..b is the word stopped at, b the run's start, from its head, e its end.
 */
static int piece_binds(const zsi_wbounds *wb, const char *p, size_t pb, size_t b, size_t from,
                       size_t e)
{
    size_t nb = zsi_wb_gt(wb, b), hi = b, st[5];
    char tg[5];
    unsigned cp;
    int k, w;
    if (b >= from || nb > from || zsi_nchars(p, b, nb) != 1 || !zsi_m_is_han(cp_at(p, b, nb)))
        return 0;
    if (zsi_nchars(p, pb, b) != 2 || zsi_lex_cut(p, pb, b, st, tg, 1) != 1 ||
        (tg[0] != 'v' && tg[0] != 'a') || zsi_is_stop_word(p, pb, b) ||
        zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, b) ||
        zsi_match_ending(zsi_mset(MSEC_CHANGE), p, pb, b))
        return 0;
    /* the piece is a noun or a classifier of jieba's (户, 膜, 厂: not 全 or
     * 软, which begin a phrase: 全连, 软小麦) and a word of its own in the
     * cut of it and what follows (户|人均; not 电 of 电费, 军 of 军队) */
    if (zsi_lex_cut(p, b, nb, st, tg, 1) != 1 || !tg[0] || !strchr("nqzgS", tg[0]))
        return 0;
    for (k = 0; k < 6 && hi < e; k++)
        hi += zsi_utf8_decode(p + hi, e - hi, &cp);
    w = zsi_lex_cut(p, b, hi, st, tg, 4);
    return w >= 1 && (w == 1 ? hi == nb : st[1] == nb);
}

/*
 * Where a run of whole words ending at word start `from` begins: back over
 * Han, letters and digits, at most MAX_RUN_CHARS characters up to e, never
 * over a [stop] word or a place name, never past cut. A qualifier of
 * [modifiers] (规模以上, 国家级) or a known phrase (固定资产投资比重) is
 * crossed whole. A word of the closed
 * classes or a verb (is_class_stop) ends the run: right before a one-word
 * head it is the metric's first word (完成|投资, 新增|贷款, 出口|额), else it
 * is the clause's verb or adverb and stays out (吸引|外商直接投资).
 */
static size_t run_start(const zsi_wbounds *wb, const char *p, size_t cut, size_t from, size_t e)
{
    size_t b, chars, vn_b = 0;
    int one_word = zsi_wb_gt(wb, from) >= e, crossed = 0, is_mod;
    int kind = !one_word && kind_head(p, from, e);
    if (one_word && from > cut && from > wb->s && rate_or_amount(p, from, e)) {
        /* 成功|率, 开工|率, 业务|量: ICU cuts a rate or an amount noun of
         * the lexicon (成功率, 业务量) before its suffix. The word is the
         * head: a verb before it names what the rate counts (救治|成功率,
         * 发射|成功率) and a noun before it is crossed as before any head
         * (快递|业务量) */
        size_t x = zsi_wb_le(wb, from - 1);
        if (x >= cut && zsi_lex_is_word(p, x, e) && all_run(p, x, from) &&
            !zsi_is_stop_word(p, x, from))
            from = x;
    }
    b = from;
    chars = zsi_nchars(p, b, e);
    while (b > cut && b > wb->s) {
        size_t pb = zsi_wb_le(wb, b - 1), wc;
        const zsi_phrase *mod;
        if (pb < cut || town_ends_at(wb, p, cut, b) || counted_before(wb, p, cut, b, e))
            break;
        /* 2016-2020|年均增长率: a number right before the run's 年 is a
         * date that owns the 年, no part of the metric */
        if (e - b > 3 && memcmp(p + b, "\xE5\xB9\xB4", 3) == 0 &&
            has_numeral(p, b - zsi_utf8_prev(p, b), b))
            break;
        if (p[pb] == '\n' || p[pb] == '\r') {
            b = pb; /* a layout line break inside the phrase */
            continue;
        }
        {
            size_t g = grade_start(p, cut, b);
            if (g < b && (g <= wb->s || zsi_wb_is(wb, g) || zsi_lex_is_word(p, g, b)) &&
                chars + zsi_nchars(p, g, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, g, b);
                b = g;
                continue;
            }
        }
        if (b - pb == 3 && memcmp(p + pb, "\xE5\xB9\xB4", 3) == 0) {
            /* 人均|年|收入, 户均|年|增收: a per-unit word before the 年 of a
             * yearly amount owns it; the 年 stops the run elsewhere */
            const zsi_phrase *pu = zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, cut, pb);
            if (pu && zsi_wb_is(wb, pb - pu->len) &&
                chars + 1 + zsi_nchars(p, pb - pu->len, pb) <= MAX_RUN_CHARS) {
                chars += 1 + zsi_nchars(p, pb - pu->len, pb);
                b = pb - pu->len;
                continue;
            }
        }
        mod = zsi_match_ending(zsi_mset(MSEC_MODIFIER), p, cut, b);
        is_mod = mod != NULL;
        if (!mod)
            mod = zsi_match_ending(zsi_mset(MSEC_PHRASES), p, cut, b); /* 固定资产投资|比重 */
        if (!mod)
            mod = zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, cut, b); /* 人均|公园绿地面积 */
        if (mod && zsi_wb_is(wb, b - mod->len) &&
            chars + mod_chars(p, b - mod->len, b, is_mod) <= MAX_RUN_CHARS) {
            chars += mod_chars(p, b - mod->len, b, is_mod);
            b -= mod->len;
            continue;
        }
        {
            size_t nb = noun_span(wb, p, cut, pb, b); /* 服务|业|实际使用外资: 服务业 whole */
            /* 达|标|率, 自|给|率: right before a one-word head, a verb of
             * jieba's that ICU cuts in two is one word, so that it makes a
             * compound with the head below rather than leaving half of it
             * on the metric (标率); further left the pieces are crossed as
             * before (存|续|规模占比) */
            if (nb < pb || b != from || !one_word)
                pb = nb;
            else
                pb = word_span(wb, p, cut, pb, b, ZSW_STOP_);
        }
        /* 在新项目|里|占比, 园区|内|企业数: a direction word standing alone
         * after a noun is a postposition that closes a place phrase (in
         * the projects); the metric starts after it */
        if (zsi_nchars(p, pb, b) == 1 && zsi_is_direction(cp_at(p, pb, b)) &&
            (b >= from || zsi_nchars(p, b, zsi_wb_gt(wb, b)) > 1))
            break; /* not 内|销|比重: a lone piece after it is its word's end */
        if (closes_time(p, cut, pb, b, e))
            break;
        if (points_one(p, cut, pb, b))
            break;
        {
            size_t k = kind_start(wb, p, cut, pb, b);
            if (k < b && chars + zsi_nchars(p, k, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, k, b);
                b = k;
                continue;
            }
        }
        if (all_run(p, pb, b) && lone_piece(wb, p, pb, b, from, e) &&
            chars + 1 <= MAX_RUN_CHARS) {
            b = pb; /* 以|工|代|赈|资金: the first piece of a word ICU does not know */
            break;
        }
        if (!all_run(p, pb, b) || zsi_is_stop_word(p, pb, b)) {
            if (piece_binds(wb, p, pb, b, from, e) && chars + zsi_nchars(p, pb, b) <= MAX_RUN_CHARS)
                b = pb;
            break;
        }
        wc = zsi_nchars(p, pb, b);
        if (chars + wc > MAX_RUN_CHARS) {
            /* whole words only: the run never starts inside one; and not at
             * a one-character word that ends the word before it (科技|型|企业) */
            while (zsi_nchars(p, b, zsi_wb_gt(wb, b)) == 1 && zsi_wb_gt(wb, b) < from)
                b = zsi_wb_gt(wb, b);
            break;
        }
        if (zsi_is_class_stop(p, pb, b)) {
            size_t ppb;
            const zsi_phrase *st;
            if (has_numeral(p, pb, b) || crossed)
                break;
            if (b != from || !(one_word || (kind && kind_verb(p, pb, b)))) {
                if (verb_in_compound(wb, p, cut, pb, b, from, e)) {
                    b = pb; /* crossed as a noun of the compound */
                    chars += wc;
                    crossed = 1;
                    continue;
                }
                /* 新增|社会|融资, 累计|利用|外资: a [strip] predicate before a
                 * head of more words is printed with it, as before a
                 * one-word head (完成|投资); the normal form drops it */
                st = zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, b);
                if ((st && st->len == b - pb) ||
                    (piece_binds(wb, p, pb, b, from, e) && chars + wc <= MAX_RUN_CHARS))
                    b = pb;
                break;
            }
            b = pb;
            chars += wc;
            /* 发明专利|授权|量, 政府|采购|额: a common noun right before the
             * verb makes one compound of the three, unless the verb is a
             * clause's predicate of [strip] (项目|完成|投资: 完成投资). The
             * noun is the lexicon's word even where ICU cut all of it into
             * single characters (专|项|维修|资金: 专项; not 农民|工, where ICU
             * knew the word before the piece) */
            st = zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, from);
            if (st && st->len == from - pb)
                break;
            ppb = b > cut && b > wb->s ? zsi_wb_le(wb, b - 1) : b;
            if (ppb < b && ppb > cut && ppb > wb->s && zsi_nchars(p, ppb, b) == 1 &&
                zsi_nchars(p, zsi_wb_le(wb, ppb - 1), ppb) == 1)
                ppb = noun_span(wb, p, cut, ppb, b);
            if (ppb >= b || ppb < cut || !noun_before_verb(wb, p, cut, ppb, b))
                break;
            crossed = 1;
            continue;
        }
        if (!vn_b && is_vnoun(p, pb, b))
            vn_b = b;
        chars += wc;
        b = pb;
    }
    /* 铝及铝加工|产业链产值: a run that crossed a verb-noun and then stops at
     * a conjunction is the tail of a coordination, whose head alone (产业链
     * 产值) is the metric; the verb-noun ends it as a verb did */
    if (vn_b && conj_before(wb, p, cut, b))
        return vn_b;
    if (annual_at(wb, p, cut, b) && chars < MAX_RUN_CHARS)
        b -= 3;
    while (b < from && (p[b] == '\n' || p[b] == '\r'))
        b++;
    return b;
}

/* The length of a count of places at p[q..limit): a numeral and a place
 * noun (两地, 三地, 两国, 多地, 两城), ending on a word boundary; 0 when none.
 * It says how many places share the figure (两地旅游收入, 三地原油价格), not
 * what the figure is, as 两省 and 全省 do not. */
static size_t counted_places(const zsi_wbounds *wb, const char *p, size_t q, size_t limit)
{
    unsigned cp, pl;
    size_t l;
    if (limit - q < 6)
        return 0;
    l = zsi_utf8_decode(p + q, limit - q, &cp);
    if (l != 3 || !(zsi_cn_numeral(cp) >= 2 || cp == 0x591A)) /* 多 */
        return 0;
    zsi_utf8_decode(p + q + 3, limit - q - 3, &pl);
    if (!(pl == 0x5730 || pl == 0x56FD || pl == 0x57CE || pl == 0x5CB8)) /* 地国城岸 */
        return 0;
    return zsi_wb_is(wb, q + 6) ? 6 : 0;
}

/* A [strip] word and whatever precedes it go from the normal form
 * (累计引进项目 -> 引进项目, 该局累计售电量 -> 售电量); so do line breaks
 * and a count of places that leads it (两地旅游收入 -> 旅游收入). */
static size_t strip_start(const zsi_wbounds *wb, const char *p, size_t b, size_t limit)
{
    size_t q, k;
    for (q = b; q < limit;) {
        const zsi_phrase *st = zsi_match_at(zsi_mset(MSEC_STRIP), p, q, limit);
        if (st && zsi_wb_is(wb, q) && zsi_wb_is(wb, q + st->len)) {
            b = q + st->len;
            q = b;
            continue;
        }
        if (q == b && (k = counted_places(wb, p, q, limit)) != 0 && q + k < limit) {
            b = q + k;
            q = b;
            continue;
        }
        q = zsi_wb_gt(wb, q);
    }
    while (b < limit && (p[b] == '\n' || p[b] == '\r'))
        b++;
    return b;
}

/* The flags of a word of the lexicon (wordclass.txt, places) of at most four
 * Han characters that holds byte `at` strictly inside it, starting at or
 * after lo and ending by hi (the shortest such word); 0 when none. ICU
 * leaves boundaries inside words its dictionary lacks (一次|性生活补助,
 * 最高额|度, 纳税|人): a metric edge there starts or ends inside a word.
 * *end receives the word's end. */
static unsigned word_across(const char *p, size_t lo, size_t at, size_t hi, size_t *start,
                            size_t *end)
{
    const zsi_words *w = zsi_mplaces();
    size_t a = at, c, row;
    int k, j;
    if (!w)
        return 0;
    for (k = 1; k <= 3 && a > lo; k++) {
        a -= zsi_utf8_prev(p, a);
        if (a < lo || !zsi_m_is_han(cp_at(p, a, hi)))
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
    return (word_across(p, lo, e, hi, &start, &end) & (ZSW_NOUN_ | ZSW_VNOUN_)) != 0 &&
           zsi_wb_is(wb, start);
}

/* Is there a word of the lexicon that starts at s and ends after e (地块 in
 * 该|地|块, 购销 in 签订|购|销)? Then s starts a word of its own. */
static int word_beyond(const char *p, size_t s, size_t e, size_t hi)
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
static int ends_token(const char *p, size_t b)
{
    unsigned before;
    zsi_utf8_decode(p + b - zsi_utf8_prev(p, b), zsi_utf8_prev(p, b), &before);
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
static size_t join_split_word(const zsi_wbounds *wb, const char *p, size_t cut, size_t b,
                              size_t s, size_t we)
{
    size_t nb, pb, ls, le;
    unsigned cp;
    if (b <= cut || b <= wb->s || b >= s || !zsi_wb_is(wb, b))
        return b;
    nb = zsi_wb_gt(wb, b);
    if (nb > s || zsi_nchars(p, b, nb) != 1)
        return b;
    zsi_utf8_decode(p + b, nb - b, &cp);
    if (in_set(alone, sizeof alone - 1, cp))
        return b; /* 退耕还林|每亩, 游客量|年增长率: a word of its own */
    pb = zsi_wb_le(wb, b - 1);
    if (pb < cut || zsi_nchars(p, pb, b) != 1)
        return b;
    zsi_utf8_decode(p + pb, b - pb, &cp);
    if (!zsi_m_is_han(cp) || in_set(alone, sizeof alone - 1, cp))
        return b;
    if (pb > wb->s) {
        unsigned before;
        zsi_utf8_decode(p + pb - zsi_utf8_prev(p, pb), zsi_utf8_prev(p, pb), &before);
        if (is_digit_cp(before) || zsi_cn_numeral(before) >= 0)
            return b; /* 10万|亩|产值: the pieces belong to a number */
    }
    if (pb > wb->s && ends_token(p, pb))
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

/*
 * The parts of speech (data/words.tsv's byte) that decide a phrase's front
 * by the most likely cut of its words. Each class was measured alone on every
 * labelled set (bench/quality --set all) and only those that paid are kept:
 * SEG_WHOLE, a word the phrase may start inside and takes whole: a place word
 * (s: 省外). Nouns (n, V, Z, l) and distinguishing words (b) changed nothing,
 * time words (t) lost 2 dev figures. SEG_DROP, a first word the phrase drops: a pronoun (r:
 * 某|企业). Verbs (v) lost 13 non-dev and 24 dev figures, adjectives (a) 18
 * and 11, adverbs (d) 3 non-dev; numerals (m), distinguishing words (b) and
 * person, place and organisation names (R, S, T) lost too: in news those begin the
 * metric's label as often as not (救治|成功率, 国有|企业利润).
 */
#define SEG_WHOLE "s"
#define SEG_DROP "r"

/*
 * A phrase that starts inside a word of the most likely cut of the text
 * before it (省|外汽运补贴 cut 省外|汽运) starts where that word does when
 * the word is of a class of SEG_WHOLE; never before cut.
 */
static size_t seg_back(const char *p, size_t cut, size_t b, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], lo = zsi_han_back(p, cut, b, 6);
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    if (lo == b)
        return b;
    w = zsi_lex_cut(p, lo, e, st, tg, ZSI_LEX_CUT_MAX);
    for (i = 0; i < w; i++)
        if (st[i] < b && st[i + 1] > b)
            return tg[i] && strchr(SEG_WHOLE, tg[i]) ? st[i] : b;
    return b;
}

/*
 * The noun phrase by the most likely cut of its words (jieba's, with their
 * parts of speech): a phrase p[b..e) whose first word is of a class of
 * SEG_DROP starts after it (某|企业营业收入). The head, the words from hs on,
 * always stays; so do a per-unit word (每吨, 人均, 每人) and two characters
 * at the least.
 */
static size_t seg_front(const char *p, size_t b, size_t hs, size_t e)
{
    size_t st[MAX_RUN_CHARS + 2];
    char tg[MAX_RUN_CHARS + 2];
    int w = zsi_lex_cut(p, b, e, st, tg, MAX_RUN_CHARS + 1), i;
    for (i = 0; i + 1 < w && st[i + 1] <= hs; i++) {
        const zsi_phrase *pu = zsi_match_at(zsi_mset(MSEC_PERUNIT), p, st[i], e);
        if (!tg[i] || !strchr(SEG_DROP, tg[i]) || (pu && st[i] + pu->len >= st[i + 1]) ||
            zsi_nchars(p, st[i + 1], e) < 2)
            break;
        if (cp_at(p, st[i], e) == 0x6BCF) /* 每 */
            break;
    }
    return i > 0 ? st[i] : b;
}

/*
 * 钢铁行业|主营业务收入, 重点钢铁企业|资产负债率: a front of two words or more
 * that ends in a trade's or a firm's noun (企业, 行业, 银行) names whose
 * figure it is, as a company's name does, not which quantity: the metric
 * starts after it. A bare 企业 (企业总收入) is kept: it names no owner; so is
 * the noun of a count (数, 数量), which counts the firms. The rest keeps
 * three characters at the least. @return the new start.
 */
static size_t owner_front(const zsi_wbounds *wb, const char *p, size_t b, size_t hs, size_t e)
{
    static const char *const org[] = {"\xE4\xBC\x81\xE4\xB8\x9A", /* 企业 */
                                      "\xE8\xA1\x8C\xE4\xB8\x9A", /* 行业 */
                                      "\xE9\x93\xB6\xE8\xA1\x8C"}; /* 银行 */
    size_t st[MAX_RUN_CHARS + 2], best = b, i, k;
    char tg[MAX_RUN_CHARS + 2];
    int w;
    /* 科技型企业|入库数量, 规上企业|数: a count of the firms themselves, whom
     * the noun names, not whose */
    if (e - b >= 3 && (memcmp(p + e - 3, "\xE6\x95\xB0", 3) == 0 || /* 数 */
                       (e - b >= 6 && memcmp(p + e - 6, "\xE6\x95\xB0\xE9\x87\x8F", 6) == 0)))
        return b; /* 数量 */
    w = zsi_lex_cut(p, b, e, st, tg, MAX_RUN_CHARS + 1);
    /* where the most likely cut and ICU's agree: not in 钢铁|行|业主|营业|收入 */
    for (i = 0; (int)i < w && st[i + 1] <= hs; i++)
        for (k = 0; k < sizeof org / sizeof *org; k++)
            if (st[i + 1] - st[i] >= 6 && memcmp(p + st[i + 1] - 6, org[k], 6) == 0 &&
                zsi_wb_is(wb, st[i + 1]) && zsi_nchars(p, b, st[i + 1]) >= 3 &&
                zsi_nchars(p, st[i + 1], e) >= 3)
                best = st[i + 1];
    return best;
}

/*
 * 发明|专利授权量, 公务|用车价格, 无|症状感染者: ICU's dictionary lacks a
 * compound noun of jieba's (发明专利, 公务用车, 无症状), and a run that
 * starts on ICU's boundary inside it reads as a word cut in two. A common
 * noun or set phrase of the most likely cut across the start (tags n, l; not
 * 中国家电, a name), of run characters and no numeral, after cut (where
 * ICU's break need not agree: 中|国家|电 cut 中国|家电市场), is taken whole
 * with the words before it that the run takes: moving right
 * past it drops the modifier the metric needs. Not a noun that ends in 率 or
 * 量 (游客量|年增长率): that is a metric of its own.
 */
static int front_noun(const zsi_wbounds *wb, const char *p, size_t cut, size_t ls, size_t b,
                      size_t le, size_t e)
{
    size_t st[2];
    char tg[2];
    if (cp_at(p, le, e) == 0x6BCF || zsi_match_at(zsi_mset(MSEC_PERUNIT), p, le, e))
        return 0; /* 退耕还林|每亩补助: a per-unit word opens the metric */
    return ls >= cut && ls >= wb->s && ls < b && all_run(p, ls, b) &&
           !has_numeral(p, ls, le) && !rate_or_amount(p, le - zsi_utf8_prev(p, le), le) &&
           zsi_lex_cut(p, ls, le, st, tg, 1) == 1 && (tg[0] == 'n' || tg[0] == 'l');
}

/*
 * 食品和居住|类|价格, 集成电路|等|新产品产量: a one-character classifier
 * (jieba's q) or 等 that the run would start with ends the phrase before it
 * (the kind of a list, its "and so on"), so the metric starts after it, not
 * inside that phrase. @return the new start.
 */
static size_t lead_piece_end(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e)
{
    size_t nb, hi, st[3];
    char tg[3];
    unsigned cp;
    int k;
    if (b <= cut || b <= wb->s || b >= e)
        return b;
    nb = zsi_wb_gt(wb, b);
    if (nb >= e || zsi_nchars(p, b, nb) != 1 || zsi_nchars(p, nb, e) < 2)
        return b;
    zsi_utf8_decode(p + b - zsi_utf8_prev(p, b), zsi_utf8_prev(p, b), &cp);
    if (!zsi_m_is_han(cp) || is_filler(cp))
        return b;
    if (cp_at(p, b, nb) == 0x7B49) /* 等 */
        return nb;
    if (zsi_lex_cut(p, b, nb, st, tg, 1) != 1 || tg[0] != 'q')
        return b;
    /* not the first character of a word of jieba's cut of what follows
     * (家|电, 户|均, 套|期保值: ICU cut a word there) */
    for (k = 0, hi = nb; k < 3 && hi < e; k++)
        hi += zsi_utf8_decode(p + hi, e - hi, &cp);
    return zsi_lex_cut(p, b, hi, st, tg, 2) >= 1 && (st[1] == nb || hi == nb) ? nb : b;
}

/*
 * Check one candidate against the word boundaries and work out its extent.
 * The metric is the run of whole words that ends in the candidate (see
 * run_start): raw is all of it as printed (新增社会融资, 完成投资), norm drops
 * [strip] words and what precedes them and normalises a known phrase (项目总投资
 * -> 项目投资, 累计签约总金额 -> 签约金额). A per-unit prefix stays in both
 * (亩均营收 -> 亩均营业收入).
 * @return 1 with norm/raw written, 0 when the candidate fails.
 */
static int settle(const zsi_wbounds *wb, const char *p, size_t cut, size_t we, const cand *c,
                  char *norm, char *raw, zsi_span *at)
{
    size_t b, bs, q, from, ls, le, ns;
    const zsi_phrase *k = c->known ? c->ph : NULL, *pu;
    int n;

    if (!zsi_end_ok(wb, p, c->e, we) || zsi_ends_in_noun(wb, p, cut, c->e, we))
        return 0;               /* 亲自率|队: the 率 of 率队; 最高额|度 */
    from = zsi_wb_le(wb, c->s); /* the word the candidate starts in */
    if (from < cut || !all_run(p, from, c->s))
        return 0;
    if (!c->known && from == c->s) {
        /* 加|价近20%: the suffix is the tail of a verb of jieba's that ICU
         * cut in two, no noun's head */
        size_t vs = word_span(wb, p, cut, from, c->e, ZSW_STOP_);
        if (vs < from && zsi_is_class_stop(p, vs, c->e))
            return 0;
    }
    if (k && c->s >= cut + 3 + 1 && c->e - c->s > 3 && memcmp(p + c->s, "\xE5\xB9\xB4", 3) == 0 &&
        has_numeral(p, c->s - zsi_utf8_prev(p, c->s), c->s) &&
        zsi_lookup_exact(p + c->s + 3, c->e - c->s - 3)) {
        /* 2020|年复合增长率, 五|年产量: the 年 after a number is the date's
         * (2020年), and the rest is a metric of its own (复合增长率, 产量),
         * the candidate that names the figure; the run never takes the
         * number in */
        return 0;
    }
    if (k && from != c->s) {
        if (zsi_is_stop_word(p, from, zsi_wb_gt(wb, from)))
            return 0; /* 年出口额 in 上半年|出口额: 出口额 is the metric */
        k = NULL;     /* 市场主体 inside a longer word: the word, as printed */
    }
    if (k) {
        /* a per-unit prefix right before it: 亩均营收, 人均收入 */
        pu = c->s > cut ? zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, cut, c->s) : NULL;
        q = pu ? c->s - pu->len : c->s;
        if (pu && zsi_wb_is(wb, q)) {
            zsi_copy_raw(raw, at, p, q, c->e);
            zsi_copy_str(norm, pu->s, pu->len);
            zsi_append_str(norm, k->norm);
            return 1;
        }
    }
    b = run_start(wb, p, cut, from, c->e);
    /* 区内|个人所得税, 3年内|相关税收, 预算内|投资 cut by ICU: a direction
     * word that ends a word before it never starts a metric */
    while (b < from && zsi_nchars(p, b, zsi_wb_gt(wb, b)) == 1 &&
           zsi_is_direction(cp_at(p, b, c->e)) &&
           (zsi_nchars(p, zsi_wb_gt(wb, b), zsi_wb_gt(wb, zsi_wb_gt(wb, b))) > 1 ||
            zsi_is_direction(cp_at(p, zsi_wb_gt(wb, b), c->e))))
        b = zsi_wb_gt(wb, b); /* not 内|销|比重: a lone piece after it is its word's end */
    {
        /* 各|项|贷款余额: a run whose first piece is the tail of a verb,
         * adverb or other closed-class word of the lexicon starts after it
         * (not when ICU's word there goes on past it: 该|地块, 新|增|光伏) */
        size_t start, end;
        unsigned fl = b > cut ? word_across(p, cut, b, from, &start, &end) : 0;
        if ((fl & ZSW_STOP_) && !(fl & (ZSW_VNOUN_ | ZSW_NOUN_ | ZSW_PLACE_)) && end < from &&
            end >= zsi_wb_gt(wb, b) && !word_beyond(p, b, end, c->e))
            b = end;
    }
    /* 中|国家|电, 打火|机, 退耕|还林: a start on ICU's boundary that the most
     * likely cut by word frequencies puts inside a word (中国|家电) moves
     * right to where both cuts agree; when that word runs on into the
     * candidate (年增长率 cut 年增长|率 by ICU's run) the metric starts where
     * it does. Either way it never starts inside a word. */
    /* 日|产量, 月|工资, 年|收入: a candidate whose word in the cut starts one
     * character before it names a quantity of its own (daily output, a
     * month's pay); not after a number, whose date owns the character
     * (2020年|产量) */
    if (b == c->s && b > cut && zsi_lex_inside(p, wb->s, b, we, &ls, &le) && le == c->e &&
        ls >= cut && ls >= wb->s && zsi_nchars(p, ls, b) == 1 && lex_tag_is(p, ls, le, 'n') &&
        !(ls > wb->s && has_numeral(p, ls - zsi_utf8_prev(p, ls), ls)) && !quantified(p, ls))
        b = ls;
    for (n = 0; n < 3 && b < c->s && zsi_lex_inside(p, wb->s, b, we, &ls, &le) &&
                !has_numeral(p, ls, b);
         n++) { /* not 第二|产业 cut 二产 */
        pu = zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, ls, le);
        if (front_noun(wb, p, cut, ls, b, le, c->e)) {
            size_t ws = ls;
            b = run_start(wb, p, cut, ls, c->e); /* and the words before it */
            if (b < ws && b > wb->s && zsi_nchars(p, b, ws) == 1 && ends_token(p, b))
                b = ws; /* not U”|型|节能灯 */
            continue;
        }
        if (le > c->s || (pu && pu->len == le - ls)) {
            /* the word runs into the candidate, or is a per-unit word
             * (日|均产量: 日均产量) */
            if (ls >= cut && ls >= wb->s && zsi_wb_is(wb, ls))
                b = ls;
            break;
        }
        q = zsi_wb_is(wb, le) ? le : zsi_wb_gt(wb, le);
        if (q < c->s && zsi_nchars(p, q, zsi_wb_gt(wb, q)) == 1 &&
            !zsi_lex_inside(p, wb->s, q, we, &ls, &le) &&
            !zsi_lex_inside(p, wb->s, zsi_wb_gt(wb, q), we, &ls, &le))
            break; /* 路灯|具 by both cuts: a lone piece is no word's start either */
        b = q;
    }
    b = join_split_word(wb, p, cut, b, c->s, we);
    b = seg_back(p, cut, b, c->e);
    b = seg_front(p, b, from, c->e);
    b = owner_front(wb, p, b, c->s, c->e);
    b = zsi_recipient_front(wb, p, cut, b, c->s, c->e, &ns);
    b = lead_piece_end(wb, p, cut, b, c->e);
    q = zsi_term_front(p, cut, b);
    if (ns == b)
        ns = q; /* no recipient's verb: the quoted term stays in the norm */
    b = q;
    bs = strip_start(wb, p, b, from);
    if (bs < ns)
        bs = ns; /* 为|企业|发放|贷款: 贷款 */
    if (!k && zsi_nchars(p, bs, c->e) < 2)
        return 0; /* a bare 率 or 额 names nothing */
    zsi_copy_raw(raw, at, p, b, c->e);
    if (k) {
        zsi_copy_phrase(norm, p, bs, c->s);
        zsi_append_str(norm, k->norm);
    } else {
        const zsi_phrase *kk;
        zsi_copy_phrase(norm, p, bs, c->e);
        kk = zsi_lookup_exact(norm, strlen(norm));
        if (kk)
            zsi_copy_str(norm, kk->norm, kk->nlen);
    }
    zsi_drop_quotes(norm);
    return 1;
}

/* Does a candidate a beat b? Nearer the figure (ends later) first; at equal
 * ends a known phrase, then the longer. */
static int better(const cand *a, const cand *b)
{
    if (a->e != b->e)
        return a->e > b->e;
    if (a->known != b->known)
        return a->known;
    return a->e - a->s > b->e - b->s;
}

/* Does a 类 at p[s] end a category's name, a word of two characters or
 * more of the lexicon before it (日用品类, 居住类: a category of goods or
 * spending in a price or sales report, what rises or falls)? Not after a
 * determiner or a numeral (这类, 各类, 11大类 point at or count kinds: 这类
 * 产品), nor one word with a character (人类, 同类, 藻类), nor before a
 * noun it sorts (社会秩序类案件, 求助类、纠纷类警情): only at the window's
 * end or before a change, 同比 or 分别. A metric phrase may end in it, as
 * in a [suffixes] entry. */
static int category_at(const char *p, size_t ws, size_t s, size_t we)
{
    const zsi_words *w = zsi_mplaces();
    size_t a = s, row;
    unsigned cp;
    int k;
    static const char next[] = "同环分均增升涨降减跌下上";
    if (we - s < 3 || memcmp(p + s, "\xE7\xB1\xBB", 3) != 0 || s == ws) /* 类 */
        return 0;
    if (s + 3 < we && !in_set(next, sizeof next - 1, cp_at(p, s + 3, we)))
        return 0; /* 社会秩序类案件: a kind of what follows */
    cp = cp_at(p, s - zsi_utf8_prev(p, s), s);
    if (is_determiner(cp) || cp == 0x5927 /* 大: 11大类 */ || zsi_cn_numeral(cp) >= 0 ||
        is_digit_cp(cp))
        return 0;
    for (k = 1; k <= 4 && a > ws; k++) {
        a -= zsi_utf8_prev(p, a);
        if (!zsi_m_is_han(cp_at(p, a, s)))
            break;
        if (k >= 2 && ((w && zsi_words_find(w, p + a, s - a, &row)) || zsi_lex_is_word(p, a, s)))
            return 1;
    }
    return 0;
}

/* 类 as a suffix of a metric phrase (category_at) */
static const zsi_phrase category = {"\xE7\xB1\xBB", 3, "\xE7\xB1\xBB", 3};

/*
 * The metric noun nearest the end of p[ws..we): the rightmost candidate that
 * settles. *cutp (may be NULL) receives the clause start after conjunctions.
 * @return 1 found, 0 none.
 */
int zsi_find_noun(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at,
                  size_t *cutp, size_t *endp)
{
    cand c[MAX_CANDS];
    int nc = 0, i, j, found = 0;
    size_t s, blk_s = 0, blk_e = 0, cut;
    zsi_wbounds wb;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (cutp)
        *cutp = ws;
    for (s = ws; s < we;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, we - s, &cp);
        if (cp >= 0x80 || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
            const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_PHRASES), p, s, we);
            const zsi_phrase *x = zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, s, we);
            const zsi_phrase *nm = zsi_match_at(zsi_mset(MSEC_NONMETRIC), p, s, we);
            if (nm && s + nm->len > blk_e) {
                blk_s = s;
                blk_e = s + nm->len;
            }
            if (x && s >= blk_s && s + x->len <= blk_e)
                x = NULL; /* the 量 of 质量, the 数 of 大数据 */
            if (x && starts_modifier(p, s, x->len, we))
                x = NULL; /* the 规模 of 规模以上企业 qualifies what follows */
            if (!x && category_at(p, ws, s, we))
                x = &category; /* 日用品类同比增长 */
            for (j = 0; j < 2; j++) {
                const zsi_phrase *ph = j ? x : k;
                if (!ph)
                    continue;
                if (nc == MAX_CANDS) {
                    memmove(c, c + 1, (MAX_CANDS - 1) * sizeof *c);
                    nc--;
                }
                c[nc].s = s;
                c[nc].e = s + ph->len;
                c[nc].ph = ph;
                c[nc].known = !j;
                nc++;
            }
        }
        s += l;
    }
    if (nc == 0)
        return 0;
    /* ICU's dictionary break is most of the cost: break only the end of the
     * window that the nearest candidate, its run and a conjunction need (and
     * further left only when a candidate there is tried) */
    {
        size_t lo = we, q;
        int bi = 0;
        for (i = 1; i < nc; i++)
            if (better(&c[i], &c[bi]))
                bi = i;
        lo = c[bi].s > ws + WB_MARGIN ? c[bi].s - WB_MARGIN : ws;
        for (q = ws; q < lo;) {
            unsigned cp;
            size_t l = zsi_utf8_decode(p + q, lo - q, &cp);
            if (cp >= 0x80 && zsi_match_at(zsi_mset(MSEC_CONJ), p, q, we)) {
                lo = q; /* a conjunction before it: break from there */
                break;
            }
            q += l;
        }
        while (lo > ws && (p[lo] & 0xC0) == 0x80)
            lo--;
        zsi_wb_compute(&wb, p, lo, we);
    }
    cut = conj_cut(&wb, p, ws, we);
    if (cutp)
        *cutp = cut;
    /* best first: a selection sort, nc is small */
    for (i = 0; i < nc && !found; i++) {
        int bi = i;
        for (j = i + 1; j < nc; j++)
            if (better(&c[j], &c[bi]))
                bi = j;
        if (bi != i) {
            cand t = c[i];
            c[i] = c[bi];
            c[bi] = t;
        }
        if (c[i].s < cut)
            continue;
        if (wb.s > ws && c[i].s < wb.s + WB_MARGIN) {
            size_t lo = c[i].s > ws + WB_MARGIN ? c[i].s - WB_MARGIN : ws;
            while (lo > ws && (p[lo] & 0xC0) == 0x80)
                lo--;
            zsi_wb_compute(&wb, p, lo, we); /* a candidate further left */
        }
        if (c[i].s < wb.s)
            continue; /* beyond MAX_WB_CHARS */
        found = settle(&wb, p, cut, we, &c[i], norm, raw, at);
        if (found && endp)
            *endp = c[i].e;
    }
    if (!found) {
        norm[0] = raw[0] = '\0';
        zsi_span_clear(at);
    }
    return found;
}

/* ---- noun phrases that no phrase or suffix names ---- */

/* A word that may be part of a bare noun phrase: run characters, no [stop]
 * word or place, no closed-class word or verb, no person name. */
static int np_word(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row;
    unsigned fl;
    if (!all_run(p, s, e) || zsi_is_stop_word(p, s, e) || has_numeral(p, s, e))
        return 0;
    if (!w)
        return 1;
    fl = zsi_words_find(w, p + s, e - s, &row);
    return !(fl & (ZSW_STOP_ | ZSW_NAME_));
}

/* A one-character word that no class calls a noun (投 of 给村里投, 多 of
 * 项目多达): a phrase ending in it ends in a verb or an adverb, not a noun. */
static int bare_char_end(const char *p, size_t s, size_t e)
{
    unsigned cp;
    if (zsi_nchars(p, s, e) != 1 || zsi_is_noun_word(p, s, e))
        return 0;
    zsi_utf8_decode(p + s, e - s, &cp);
    return zsi_m_is_han(cp);
}

/*
 * 菜籽|油, 零售|业, 要|价: ICU may break a noun of jieba's before its last
 * character. Is the one-character piece p[pb..e) the tail of a longer common
 * noun (n) of the most likely cut by jieba's words of the last few characters
 * (from lo on)? Then the phrase ends in that noun, not in a one-character
 * verb (投 of 给村里投). @return the noun's start, or e when there is none.
 */
static size_t lex_noun_tail(const char *p, size_t lo, size_t pb, size_t e)
{
    size_t st[5], s = e;
    char tg[4];
    int k, w;
    for (k = 0; k < 4 && s > lo; k++)
        s -= zsi_utf8_prev(p, s);
    w = zsi_lex_cut(p, s, e, st, tg, 4);
    return w > 0 && tg[w - 1] == 'n' && st[w - 1] < pb ? st[w - 1] : e;
}

/* Does a word of jieba's most likely cut of the few characters before e
 * (from lo on) start at pp (开盘|时: 盘 is inside 开盘; 金价|报: 价 is
 * inside 金价)? */
static int lex_starts_word(const char *p, size_t lo, size_t pp, size_t e)
{
    size_t st[7], s = pp;
    char tg[6];
    int k, w, i;
    for (k = 0; k < 3 && s > lo; k++)
        s -= zsi_utf8_prev(p, s);
    w = zsi_lex_cut(p, s, e, st, tg, 6);
    for (i = 0; i < w; i++)
        if (st[i] == pp)
            return 1;
    return 0;
}

/*
 * 期|铜, 白|蒜, 售|汇: two one-character pieces where ICU knew no word of
 * two, the second a common noun (n) of jieba's (wordclass.txt lists no
 * one-character noun), the first not inside a longer word of jieba's cut:
 * a compound noun ends at e. Not a one-character noun after a longer word
 * (指数|报, 收盘|报, 金价|报: there it is as often a verb).
 */
static int lex_compound_end(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb,
                            size_t e)
{
    size_t pp;
    unsigned cp;
    if ((pp = one_char_before(wb, p, cut, pb, &cp)) == (size_t)-1)
        return 0;
    if (!zsi_m_is_han(cp) || !lex_tag_is(p, pb, e, 'n'))
        return 0;
    return lex_starts_word(p, cut, pp, e);
}

/*
 * 保障|性|住房: a bare phrase that starts on one of ICU's boundaries which
 * the most likely cut by word frequencies puts inside a word (保障性) starts
 * inside that word. It takes the word whole when the word may begin a noun
 * phrase (no verb, adverb or place of the lexicon: 保障性, though 保障 is a
 * verb) and ending where one of ICU's does (not 增长|率由: the phrase
 * then ends inside a word), else it starts after it. *bp is the phrase's
 * start, we its end; returns its length in characters.
 */
static size_t lex_start(const zsi_wbounds *wb, const char *p, size_t cut, size_t *bp, size_t we,
                        size_t chars)
{
    size_t b = *bp, ls, le;
    if (b >= we || !zsi_lex_inside(p, wb->s, b, we, &ls, &le) || has_numeral(p, ls, le))
        return chars;
    if (ls >= cut && ls >= wb->s && zsi_wb_is(wb, ls) && le <= we && zsi_wb_is(wb, le) &&
        !zsi_is_class_stop(p, ls, le) && !zsi_is_stop_word(p, ls, le) &&
        chars + zsi_nchars(p, ls, b) <= MAX_RUN_CHARS) {
        *bp = ls;
        return chars + zsi_nchars(p, ls, b);
    }
    if (le < we && zsi_wb_is(wb, le)) {
        *bp = le;
        return chars - zsi_nchars(p, b, le);
    }
    return chars;
}

/*
 * 销售|蔬菜, 培训|学员, 进口|大豆: a verbal noun (jieba's vn) right before a
 * one-word noun that ends the phrase makes a compound with it, as a verb
 * before a one-word head of [suffixes] does (出口|额): it says which quantity
 * (the vegetables sold, the soybeans imported). Not a [strip] word (完成,
 * 新增), which the normal form would drop. Other verbs (v) stay out: they
 * are as often the clause's predicate (拥有|企业, 吸引|游客) as a modifier
 * (注册|资本), and on the labelled sets they lost a blind percent figure for
 * a dev money one. By the most likely cut: p[s..e) is one verbal noun.
 */
static int verb_object(const char *p, size_t s, size_t e, size_t we)
{
    size_t st[4];
    char tg[4];
    const zsi_phrase *sp = zsi_match_at(zsi_mset(MSEC_STRIP), p, s, we);
    if (zsi_nchars(p, s, e) < 2 || (sp && sp->len == e - s) || !zsi_is_noun_word(p, e, we) ||
        zsi_is_class_stop(p, e, we))
        return 0;
    if (zsi_lex_cut(p, s, e, st, tg, 3) != 1)
        return 0;
    return tg[0] == 'V';
}

/* Is there a 的 in p[s..e)? */
static int has_de(const char *p, size_t s, size_t e)
{
    for (; s + 3 <= e; s++)
        if (memcmp(p + s, "\xE7\x9A\x84", 3) == 0)
            return 1;
    return 0;
}

/* Does a time character (年 月 期 周 季 初 末 底) stand in p[s..e)? A noun
 * ending in one names a time (高峰期, 财年), which no figure measures. */
static int time_tail(const char *p, size_t s, size_t e)
{
    static const char set[] = "年月期周季初末底";
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (in_set(set, sizeof set - 1, cp))
            return 1;
    }
    return 0;
}

/* Is p[s..e) a numeral or an ordinal (百, 首: jieba's m)? Before 度 it
 * counts times (首度, 两度: an adverb), or it starts a name (百度). */
static int ordinal_head(const char *p, size_t s, size_t e)
{
    return has_numeral(p, s, e) || lex_tag_is(p, s, e, 'm');
}

/*
 * 对外依存度达到60%, 研发强度为6%, 作业程度已达95%: the filler stripped
 * before a figure (度, 期, 年, 才 ...: 同比, 季度, 去年) may be the tail of
 * a common noun. When b, where the strip stopped, lies inside a word of
 * jieba's most likely cut that ends by full (the figure) and is one common
 * noun (n) that no class or data calls a verb or no metric (总计: [strip]),
 * the phrase ends with that noun, not inside it. Not a time (高峰期: its tail
 * is a time character), nor one whose tail is an adverb by itself (才 of
 * 人才, 约 of 合约: read as the clause's 才 or 约 before the figure, as the
 * filler strip reads them), nor after a numeral (首度), nor right after a
 * change word (增长速度: the rate of a change of the subject named before),
 * nor before a 的 (正常时期的23%, 剩余部分的25%): the figure is a share of
 * the noun's, not the noun.
 * *ns receives the noun's start (b when none): it is one piece of the
 * phrase, though ICU may break it (集中|度).
 * @return the noun's end, or b when b is inside no such noun.
 */
static size_t filler_noun_end(const char *p, size_t ws, size_t b, size_t full, size_t *ns)
{
    size_t ls, le;
    *ns = b;
    if (b <= ws || b >= full || !zsi_lex_inside(p, ws, b, full, &ls, &le) || ls < ws || le > full)
        return b;
    if (!lex_tag_is(p, ls, le, 'n') || time_tail(p, b, le) || lex_tag_is(p, b, le, 'd') ||
        ordinal_head(p, ls, b) || zsi_is_class_stop(p, ls, le) ||
        zsi_match_at(zsi_mset(MSEC_STRIP), p, ls, le) ||
        zsi_match_ending(zsi_mset(MSEC_STOP), p, ls, le) || has_de(p, le, full) ||
        zsi_match_ending(zsi_mset(MSEC_CHANGE), p, ws, ls) ||
        zsi_match_at(zsi_mset(MSEC_CHANGE), p, ls, le))
        return b; /* nor when it is a change word itself (增长速度, one word of jieba's) */
    *ns = ls;
    return le;
}

static int np_before(const char *p, size_t ws, size_t we, int tails, char *norm, char *raw,
                     zsi_span *at)
{
    zsi_wbounds wb;
    size_t lo, cut, b = we, chars = 0;
    const zsi_phrase *k;

    size_t full = we, noun_s;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    if (we > ws) {
        unsigned cp;
        size_t l = zsi_utf8_prev(p, we);
        zsi_utf8_decode(p + we - l, l, &cp);
        if (cp == 0x51E0 || cp == 0x6570) /* 几, 数: part of the number (几百公斤) */
            return 0;
    }
    /* filler between the phrase and the figure: 收支缺口达, 港口效率提升;
     * the 多 of the hedges 多达 and 多于 (项目多达200个) with it */
    while (b > ws) {
        unsigned cp;
        size_t l = zsi_utf8_prev(p, b);
        zsi_utf8_decode(p + b - l, l, &cp);
        if (cp == 0x591A && b + 3 <= full &&
            (memcmp(p + b, "\xE8\xBE\xBE", 3) == 0 || memcmp(p + b, "\xE4\xBA\x8E", 3) == 0)) {
            b -= l; /* 多 before 达 or 于 */
            continue;
        }
        if (!is_filler(cp) && cp != ' ')
            break;
        b -= l;
    }
    b = filler_noun_end(p, ws, b, full, &noun_s);
    we = b;
    if (we <= ws)
        return 0;
    lo = we - ws > (MAX_RUN_CHARS + 4) * 3 ? we - (MAX_RUN_CHARS + 4) * 3 : ws;
    while (lo > ws && (p[lo] & 0xC0) == 0x80)
        lo--;
    zsi_wb_compute(&wb, p, lo, full);
    cut = conj_cut(&wb, p, ws, we);
    if (!zsi_wb_is(&wb, we) || wb.s >= we)
        return 0; /* the filler trimmed was part of a word (人才, 合同) */
    while (b > cut && b > wb.s && !town_ends_at(&wb, p, cut, b) &&
           !counted_before(&wb, p, cut, b, full)) {
        size_t pb = zsi_wb_le(&wb, b - 1);
        const zsi_phrase *mod = zsi_match_ending(zsi_mset(MSEC_MODIFIER), p, cut, b);
        if (mod && zsi_wb_is(&wb, b - mod->len) &&
            chars + mod_chars(p, b - mod->len, b, 1) <= MAX_RUN_CHARS) {
            chars += mod_chars(p, b - mod->len, b, 1);
            b -= mod->len;
            continue;
        }
        if (b == we && noun_s < we && noun_s >= cut) {
            /* 集中度 after its filler tail: one noun whatever ICU's pieces */
            chars += zsi_nchars(p, noun_s, b);
            b = noun_s;
            continue;
        }
        pb = noun_span(&wb, p, cut, pb, b);
        if (pb < cut)
            break;
        if (!np_word(p, pb, b)) {
            if (b < we && zsi_wb_gt(&wb, b) == we && verb_object(p, pb, b, we) &&
                chars + zsi_nchars(p, pb, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, pb, b);
                b = pb;
            }
            break;
        }
        if (b == we) {
            /* 给村里投1400多万元: no noun ends the phrase; nor does one when
             * the last piece ends a verb of jieba's that ICU cut (加|价) */
            size_t js = word_span(&wb, p, cut, pb, b, ZSW_STOP_ | ZSW_NOUN_ | ZSW_NAME_);
            size_t ns = js == pb && tails ? lex_noun_tail(p, cut, pb, b) : b;
            if (ns < b && zsi_wb_is(&wb, ns))
                pb = ns; /* the noun whole, though its first piece is a
                          * word a run stops at (要|价) */
            else if (js == pb ? bare_char_end(p, pb, b) &&
                                    !(tails && lex_compound_end(&wb, p, cut, pb, b))
                              : zsi_is_class_stop(p, js, b))
                return 0;
        }
        if (chars + zsi_nchars(p, pb, b) > MAX_RUN_CHARS)
            return 0; /* longer than a name: no clear phrase */
        chars += zsi_nchars(p, pb, b);
        b = pb;
    }
    if (b > cut && b <= wb.s)
        return 0; /* it may go on beyond the broken window */
    if (chars >= 2)
        chars = lex_start(&wb, p, cut, &b, we, chars);
    if (chars >= 2 && b > cut) { /* a phrase of its own first: 民事一|审案件 */
        size_t jb = join_split_word(&wb, p, cut, b, we, full);
        chars += zsi_nchars(p, jb, b);
        b = jb;
    }
    if (chars >= 2)
        b = zsi_term_front(p, cut, b); /* “四风”|问题 */
    if (chars < 2 || zsi_all_filler(p, b, we))
        return 0;
    zsi_copy_raw(raw, at, p, b, we);
    k = zsi_lookup_exact(raw, strlen(raw));
    if (k)
        zsi_copy_str(norm, k->norm, k->nlen);
    else
        memcpy(norm, raw, strlen(raw) + 1);
    zsi_drop_quotes(norm);
    return 1;
}

int zsi_np_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    return np_before(p, ws, we, 0, norm, raw, at);
}

int zsi_np_before_money(const char *p, size_t ws, size_t we, char *norm, char *raw,
                        zsi_span *at)
{
    return np_before(p, ws, we, 1, norm, raw, at);
}

/*
 * Is the word p[b..nb) of a share's noun (62%的|装修公司|希望) a common noun
 * of [stop] (公司, 集团), or a word ending in one, that ends the phrase: the
 * run ends with it or a verb follows? Before a figure such a word names the
 * subject and stops a metric (粤安化工|投资); after "X%的" it is what the
 * share counts. Not a place, and not before another noun (12%的全国|人口
 * stays a stop: 人口 is counted).
 */
static int org_head(const zsi_wbounds *wb, const char *p, size_t b, size_t nb, size_t e)
{
    const zsi_phrase *st = zsi_match_ending(zsi_mset(MSEC_STOP), p, b, nb);
    const zsi_words *w = zsi_mplaces();
    size_t row, nn;
    if (!st || zsi_nchars(p, nb - st->len, nb) < 2 || !zsi_is_noun_word(p, nb - st->len, nb) ||
        (w && (zsi_words_find(w, p + b, nb - b, &row) & ZSW_PLACE_)))
        return 0;
    if (nb >= e)
        return 1;
    nn = zsi_wb_gt(wb, nb);
    return zsi_is_class_stop(p, nb, nn) || zsi_verb_after(p, nb, e);
}

/*
 * 企业签|约入驻, 电视|台报道: ICU breaks the few words after a figure
 * without what follows them, and may end a phrase inside a word of the most
 * likely cut by word frequencies (签约, 电视台). The phrase p[s..b) then ends with
 * that word when the word is no verb, adverb or place of the lexicon and
 * ends within p[..ce) where ICU's does too (电视台; not 规模化|成组), else
 * before it (企业; 企业|多达: what follows
 * links the phrase to something else). Returns the new end.
 */
static size_t lex_end(const zsi_wbounds *wb, const char *p, size_t s, size_t b, size_t ce)
{
    size_t ls, le;
    if (!zsi_lex_inside(p, s, b, ce, &ls, &le) || has_numeral(p, ls, le))
        return b;
    if (ls >= s && le <= ce && (le >= wb->e || zsi_wb_is(wb, le)) && !links_on(cp_at(p, b, ce)) &&
        !zsi_is_class_stop(p, ls, le) &&
        !zsi_is_stop_word(p, ls, le) && zsi_nchars(p, s, le) <= MAX_RUN_CHARS)
        return le;
    return ls > s && zsi_wb_is(wb, ls) ? ls : s;
}

/* Is the [stop] word p[s..e) a common noun by jieba's tags (n; and 县, which
 * jieba files under z with adverbs such as 较)? After a count it is the head
 * of what is counted (10个贫困县, 5家公司), not the scope word it is before a
 * sum (全县|GDP, 该公司|营收); a scope word itself (全国, 我省, 本市: 十三届|全国
 * 人大) counts nothing. */
static int count_head(const char *p, size_t s, size_t e)
{
    static const char scope[] = "全我本该各这那此其上";
    char first[4];
    unsigned cp;
    size_t l = zsi_utf8_decode(p + s, e - s, &cp);
    if (l == 3 && e - s > 3) {
        memcpy(first, p + s, 3);
        first[3] = '\0';
        if (strstr(scope, first))
            return 0;
    }
    if (e - s == 3 && cp == 0x53BF) /* 县 */
        return 1;
    return lex_tag_is(p, s, e, 'n');
}

/*
 * A count's phrase that starts with a verb p[s..nb) by ICU's words (12台收割|机,
 * 300多家知名|企业): the verb may be the first part of a word of the most likely
 * cut by word frequencies that is no verb (收割机), or, right after the
 * classifier, the modifier of a noun that ends the phrase at the clause's end
 * (知名|企业，: a predicate there would have its own subject). @return where
 * the phrase goes on from, or nb when the verb starts no noun.
 */
static size_t count_verb_start(const zsi_wbounds *wb, const char *p, size_t s, size_t nb, size_t e,
                               size_t ce)
{
    size_t ls, le, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w;
    if (zsi_lex_inside(p, s, nb, e, &ls, &le) && ls == s && le <= e && zsi_wb_is(wb, le) &&
        !zsi_is_class_stop(p, ls, le) && !zsi_is_stop_word(p, ls, le))
        return le;
    if (e < ce || (s >= 3 && (memcmp(p + s - 3, "\xE4\xBA\xBA", 3) == 0 ||  /* 人 */
                              memcmp(p + s - 3, "\xE6\xAC\xA1", 3) == 0))) /* 次 */
        return nb; /* 近500人|出席|招待会: people counted, then what they did */
    w = zsi_lex_cut(p, s, e, st, tg, 3);
    if (w == 2 && st[1] == nb && tg[0] == 'v' && tg[1] && strchr("nVj", tg[1]) &&
        zsi_nchars(p, nb, e) >= 1 && !zsi_is_class_stop(p, nb, e))
        return e;
    return nb;
}

/*
 * 百亿美元|级|外资大项目, 150座|级|飞机, 十亿美元|级别|富豪: 级 right after a
 * figure makes the figure a size class (the ten-billion-dollar class), which
 * the noun after it belongs to: the figure is no quantity of that noun, and
 * a metric starting at 级 starts inside the grade word. Is p[s..e), the run
 * after a figure, one that starts with 级?
 */
int zsi_grade_after(const char *p, size_t s, size_t e)
{
    return e - s >= 3 && memcmp(p + s, "\xE7\xBA\xA7", 3) == 0; /* 级 */
}

/*
 * Is the word after p[nb] (ICU's, within e) a pronoun of jieba's (r: 其,
 * 自己, 他们)? A verb-noun before one is a verb that takes it as its object
 * (受访者|预测|其), where a noun phrase would go on with a noun.
 */
static int pronoun_next(const zsi_wbounds *wb, const char *p, size_t nb, size_t e)
{
    size_t nn = zsi_wb_gt(wb, nb);
    return nn <= e && lex_tag_is(p, nb, nn, 'r');
}

int zsi_np_after(const char *p, size_t fe, size_t ce, int mode, char *norm, char *raw,
                 zsi_span *at)
{
    zsi_wbounds wb;
    size_t s = fe, e, b;
    int need_de = mode & ZSI_NP_DE, stopped = 0;
    size_t last = fe; /* the end of the last word no verb-noun */

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    e = zsi_run_after(p, fe, ce, need_de, MAX_RUN_CHARS + 1, zsi_is_run_char, &s);
    if (e == s)
        return 0;
    zsi_wb_compute(&wb, p, s, e);
    if (wb.s != s)
        return 0;
    if (zsi_nchars(p, s, zsi_wb_gt(&wb, s)) == 1 && zsi_is_direction(cp_at(p, s, e)))
        return 0; /* 三年内|相关税收: the 内 is the figure's (within three years) */
    if (zsi_grade_after(p, s, e))
        return 0;
    /* whole words up to a [stop] word or a verb (86家企业|彼此|关联) */
    for (b = s; b < e;) {
        size_t nb = zsi_wb_gt(&wb, b);
        const zsi_words *w = zsi_mplaces();
        size_t row;
        unsigned f = w ? zsi_words_find(w, p + b, nb - b, &row) : 0;
        if (nb > e || has_numeral(p, b, nb) || (f & ZSW_NAME_)) {
            if ((mode & ZSI_NP_MARK) && nb <= e && has_numeral(p, b, nb))
                return 0; /* 63%降至|42%: a change, no noun, before the next figure */
            break;
        }
        if (zsi_is_stop_word(p, b, nb)) {
            const zsi_phrase *st = zsi_match_at(zsi_mset(MSEC_STOP), p, b, nb);
            if ((mode & ZSI_NP_MARK) && org_head(&wb, p, b, nb, e)) {
                b = last = nb; /* 62%的装修公司|希望: the companies counted */
                stopped = 1;
                break;
            }
            if ((mode & ZSI_NP_COUNT) && count_head(p, b, nb)) {
                b = last = nb; /* 10个贫困|县, 30多个|地区, 13个工业|园区: what it counts */
                stopped = 1;
                break;
            }
            if (!st || st->len != nb - b)
                return 0; /* 13亿元工业|园区: a name goes on, not a [stop] word */
            stopped = 1;
            break;
        }
        if ((f & ZSW_STOP_) && b == s && (mode & ZSI_NP_COUNT)) {
            size_t vn = count_verb_start(&wb, p, s, nb, e, ce);
            if (vn > nb) {
                b = last = vn;
                continue;
            }
        }
        if ((mode & ZSI_NP_MARK) && (f & ZSW_VNOUN_) && b > s && nb < e &&
            pronoun_next(&wb, p, nb, e)) {
            stopped = 1; /* 70%的受访者|预测|其…: the predicate and its object */
            break;
        }
        if ((f & ZSW_STOP_) && !((mode & ZSI_NP_MARK) && (f & ZSW_VNOUN_))) {
            size_t nn = nb < e ? zsi_wb_gt(&wb, nb) : nb;
            if ((mode & ZSI_NP_MARK) && nn > nb && zsi_is_stop_word(p, nb, nn) &&
                org_head(&wb, p, nb, nn, e)) {
                b = last = nn; /* 装修|公司|希望: a verb that says what kind */
                stopped = 1;
                break;
            }
            if ((mode & ZSI_NP_MARK) && nn > nb && nn <= e && zsi_nchars(p, nb, nn) == 1 &&
                !zsi_is_stop_word(p, nb, nn))
                return 0; /* 投标|保证|金: a verb and a lone piece, a word ICU lacks */
            break;
        }
        if (zsi_nchars(p, s, nb) > MAX_RUN_CHARS)
            return 0;
        if (!(f & ZSW_STOP_))
            last = nb;
        b = nb;
    }
    if ((mode & ZSI_NP_MARK) && zsi_match_at(zsi_mset(MSEC_CHANGE), p, s, e))
        return 0; /* 从63%降至42%: a change word is no noun */
    if ((mode & ZSI_NP_MARK) && last == s)
        return 0; /* 投标|保证|金: verb-nouns only, no noun's end */
    if ((mode & ZSI_NP_MARK) && last < b && b + 3 <= ce && memcmp(p + b, "\xE7\x9A\x84", 3) == 0)
        b = last; /* 淡水资源|生产|的粮食: a verb-noun before 的 is a verb */
    if ((mode & ZSI_NP_MARK) && b < ce && zsi_match_at(zsi_mset(MSEC_CHANGE), p, b, ce))
        return 0; /* 以8%的速度|增长, 15%以上稳定|增长: how it changes, no share */
    if (b > s && b < ce)
        b = lex_end(&wb, p, s, b, ce);
    if (b == s || zsi_nchars(p, s, b) < 2 ||
        (b == e && e < ce && zsi_is_run_char(cp_at(p, e, ce))))
        return 0; /* nothing, one character, or cut short by the limit */
    if ((mode & ZSI_NP_WHOLE) && !stopped && b < ce)
        return 0; /* 技术|创新|成果: a verb may be a noun's part; unsure */
    zsi_copy_raw(raw, at, p, s, b);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

int zsi_verb_after(const char *p, size_t fe, size_t ce)
{
    size_t e = fe;
    int k;
    if (zsi_metric_data() != 0)
        return 0;
    /* the lexicon's word of two or three characters there, as jieba cuts
     * (ICU may cut 构|建屏障) */
    for (k = 1; k <= 3 && e < ce; k++) {
        unsigned cp;
        e += zsi_utf8_decode(p + e, ce - e, &cp);
        if (!zsi_m_is_han(cp))
            return 0;
        if (k >= 2 && zsi_is_class_stop(p, fe, e))
            return 1;
    }
    return 0;
}

/* A verb of wordclass.txt (投入, 获益), or a verb-noun (出资, 共同|出资):
 * zsi_verb_before takes neither after a common noun, where it may be a noun
 * phrase's tail (设计|服务, 产品|销售), not its verb. */
static int is_verb_word(const char *p, size_t s, size_t e)
{
    return zsi_is_class_stop(p, s, e) || is_vnoun(p, s, e);
}

/* Is the noun starting at p[b] counted or pointed at: after a numeral and a
 * classifier (5家|单位, 三个|部门, 10多家|企业), a reduplicated classifier
 * (种种|困难) or a demonstrative (这些|单位, 该|公司, 各|企业)? Such a noun
 * refers to things, so it is no first part of a compound (金融|支持) and a
 * verb after it is its predicate. */
static int quantified(const char *p, size_t b)
{
    unsigned c0 = 0, c1 = 0, c00 = 0;
    size_t l1, l0;
    if (b < 3)
        return 0;
    l1 = zsi_utf8_prev(p, b);
    zsi_utf8_decode(p + b - l1, l1, &c1);
    if (c1 == 0x8BE5 || c1 == 0x5404 || c1 == 0x6BCF || c1 == 0x8FD9 || c1 == 0x90A3)
        return 1; /* 该 各 每 这 那 */
    if (b - l1 < 1 || !zsi_m_is_han(c1) || is_digit_cp(c1) || zsi_cn_numeral(c1) >= 0)
        return 0;
    l0 = zsi_utf8_prev(p, b - l1);
    zsi_utf8_decode(p + b - l1 - l0, l0, &c0);
    if (c1 == 0x4E9B) /* 些: 这些, 那些 */
        return c0 == 0x8FD9 || c0 == 0x90A3;
    if (c0 == c1)
        return 1; /* 种种, 个个 */
    if ((c0 == 0x591A || c0 == 0x4F59) && b - l1 - l0 >= 1) { /* 多 余: 10多家 */
        size_t l00 = zsi_utf8_prev(p, b - l1 - l0);
        zsi_utf8_decode(p + b - l1 - l0 - l00, l00, &c00);
        c0 = c00;
    }
    return is_digit_cp(c0) || zsi_cn_numeral(c0) >= 0;
}

/* Is p[s..e) one plain verb of jieba's dictionary (its likeliest cut is that
 * one word, tagged v: 投入, 出资, 贴息; not an adverb, 至少, nor a verbal
 * noun, 需求), and no hedge (超过, 突破, 接近 say how large the figure is,
 * not what it is)? */
static int plain_verb(const char *p, size_t s, size_t e)
{
    size_t st[3];
    char tg[3];
    return zsi_lex_cut(p, s, e, st, tg, 2) == 1 && tg[0] == 'v' && !zsi_hedge_at(p, e, s);
}

/* One Han character of jieba's dictionary whose likeliest cut is one word
 * tagged tag (v: 挣, 卖, 花; a: 纯, 少, 净) at p[s..e)? */
static int one_char_tagged(const char *p, size_t s, size_t e, char tag)
{
    unsigned cp;
    return zsi_nchars(p, s, e) == 1 && zsi_utf8_decode(p + s, e - s, &cp) && zsi_m_is_han(cp) &&
           lex_tag_is(p, s, e, tag);
}

/* Does the data call p[s..e) no metric ([stop], [strip], [change], [conj],
 * filler)? */
static int verb_names_nothing(const char *p, size_t s, size_t e)
{
    return zsi_match_ending(zsi_mset(MSEC_STOP), p, s, e) ||
           zsi_match_ending(zsi_mset(MSEC_STRIP), p, s, e) ||
           zsi_match_ending(zsi_mset(MSEC_CHANGE), p, s, e) ||
           zsi_match_ending(zsi_mset(MSEC_CONJ), p, s, e) || zsi_all_filler(p, s, e);
}

/* Is b inside one of ICU's words of a one-character verb and 了 (花|了,
 * 卖|了: ICU keeps some whole), the verb ending at b? */
static int verb_le(const zsi_wbounds *wb, const char *p, size_t ws, size_t b)
{
    return b >= ws + 3 && b - 3 >= wb->s && b + 3 <= wb->e && !zsi_wb_is(wb, b) &&
           zsi_wb_is(wb, b - 3) && zsi_wb_is(wb, b + 3) &&
           memcmp(p + b, "\xE4\xBA\x86", 3) == 0; /* 了 */
}

/* Copy p[s..b) into norm and raw when s < b: @return 1 then, else 0. */
static int copy_verb(const char *p, size_t s, size_t b, char *norm, char *raw, zsi_span *at)
{
    if (s >= b)
        return 0;
    zsi_copy_raw(raw, at, p, s, b);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

/* Is cp a directional verb (来, 出, 进, 回, 去, 上, 下, 起, 开: 捐|来, 贷|出,
 * 存|进), which after a verb is its complement, not a verb of its own? */
static int directional(unsigned cp)
{
    static const char set[] = "来出进回去上下起开";
    return in_set(set, sizeof set - 1, cp);
}

/* Only 了, 到 and the hedges a sum takes (约, 近, 逾, 超过, 将近, 多) in
 * p[s..e), between a verb and its sum (卖了, 赚到了, 花了近)? Not a verb
 * of linking (会|达到, 增|至): the verb before it is no predicate of the sum. */
static int verb_sum_filler(const char *p, size_t s, size_t e)
{
    static const char set[] = "了到约近将逾超过多余";
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (cp != ' ' && !in_set(set, sizeof set - 1, cp))
            return 0;
    }
    return 1;
}

/*
 * 一天能挣180元, 挣了将近两万元, 纯挣4000多元, 少花2.93亿: a verb of one
 * character (a word of ICU's and jieba's v) ending at b, right before an
 * amount of money in p[..we) after 了 or a hedge, is what the sum was
 * earned, paid or spent by. A one-character adjective before it (纯, 少, 净:
 * jieba's a) says which part of the sum and stays; a modal verb (能, 可) or
 * an adverb does not. Not a character of a longer word of jieba's most
 * likely cut (逼|近, 减|负, 托|底), a directional complement (捐|来), a
 * change by its form (降, 增: [changeform]), a hedge (破) or anything the
 * data calls no metric (达, 为).
 * @return the start of the metric, or b when p[..b) ends in no such verb.
 */
static size_t one_char_verb(const zsi_wbounds *wb, const char *p, size_t ws, size_t b, size_t we)
{
    size_t vs, pv, lo, hi, js, je;
    unsigned cp;
    int k;
    if (b <= wb->s || b <= ws || !verb_sum_filler(p, b, we))
        return b;
    vs = verb_le(wb, p, ws, b) ? b - 3 : zsi_wb_le(wb, b - 1);
    if (vs < ws || !one_char_tagged(p, vs, b, 'v') || zsi_hedge_at(p, we, vs) ||
        verb_names_nothing(p, vs, b) || zsi_match_ending(zsi_mset(MSEC_CHANGEFORM), p, vs, b))
        return b;
    zsi_utf8_decode(p + vs, b - vs, &cp);
    if (directional(cp))
        return b;
    for (lo = vs, k = 0; k < 3 && lo > ws; k++)
        lo -= zsi_utf8_prev(p, lo);
    for (hi = b, k = 0; k < 3 && hi < we; k++)
        hi += zsi_utf8_decode(p + hi, we - hi, &cp);
    if (hi == we && k < 3) /* the figure's first character: 逼|近300亿元 */
        hi += zsi_utf8_decode(p + hi, 4, &cp);
    if (zsi_lex_inside(p, lo, vs, hi, &js, &je) || zsi_lex_inside(p, lo, b, hi, &js, &je))
        return b;
    if (vs > wb->s && vs > ws) {
        pv = zsi_wb_le(wb, vs - 1);
        if (pv >= ws && one_char_tagged(p, pv, vs, 'a'))
            return pv;
        /* 网|购, 百|胜: after a one-character noun or numeral the verb
         * ends a compound or a name */
        if (pv >= ws && zsi_nchars(p, pv, vs) == 1 &&
            (one_char_tagged(p, pv, vs, 'n') || one_char_tagged(p, pv, vs, 'm')))
            return b;
    }
    return vs;
}

/*
 * 所花的40多万元, 所需的资金: 所 and a verb (of one or two characters,
 * jieba's v) before 的 at d make a noun of what the verb acts on: the sum is
 * what was spent. @return the start of 所, or d when p[..d) is no such
 * phrase.
 */
static size_t suo_verb(const zsi_wbounds *wb, const char *p, size_t ws, size_t d)
{
    size_t vs, st[3];
    char tg[2];
    if (d <= wb->s || d <= ws)
        return d;
    vs = zsi_wb_le(wb, d - 1);
    if (vs < ws + 3 || vs - 3 < wb->s || zsi_nchars(p, vs, d) > 2 ||
        memcmp(p + vs - 3, "\xE6\x89\x80", 3) != 0 || /* 所 */
        !zsi_wb_is(wb, vs - 3) || zsi_lex_cut(p, vs, d, st, tg, 2) != 1 || tg[0] != 'v' ||
        verb_names_nothing(p, vs, d))
        return d;
    return vs - 3;
}

/* suo_verb for the 的 at d before an amount of money: norm and raw as for
 * zsi_verb_before. @return 1 found, 0 none. */
static int suo_verb_before(const char *p, size_t ws, size_t d, char *norm, char *raw,
                           zsi_span *at)
{
    zsi_wbounds wb;
    size_t lo = d - ws > 6 * 3 ? d - 6 * 3 : ws;
    while (lo > ws && (p[lo] & 0xC0) == 0x80)
        lo--;
    zsi_wb_compute(&wb, p, lo, d);
    return copy_verb(p, suo_verb(&wb, p, ws, d), d, norm, raw, at);
}

/*
 * 产业|投入, 信贷|投入, 医保|支付, 个人|支付: a common noun of two characters
 * (jieba's n) alone before the verb that names a sum says which sum (the
 * industry's, the insurer's, the patient's share), and a reporter prints it
 * with the verb. Not a word a metric run stops at ([stop]: 公司, 集团; the
 * data's places and names), nor an institution by its last character (银行,
 * 法院, 学会: 行 司 局 厂 府 院 会 社 所 部 委 团 校 店): those are the subject
 * that pays (银行|斥资); nor after another noun (the run then names a
 * subject: 该村|集体|投入).
 * pv..vs is the noun, ws the window's start.
 */
static int kind_noun(const zsi_wbounds *wb, const char *p, size_t ws, size_t pv, size_t vs)
{
    static const char inst[] = "行司局厂府院会社所部委团校店";
    size_t st[2], pq;
    char tg[2];
    const zsi_words *w = zsi_mplaces();
    size_t row;
    if (zsi_nchars(p, pv, vs) != 2 || zsi_lex_cut(p, pv, vs, st, tg, 1) != 1 || tg[0] != 'n' ||
        zsi_is_stop_word(p, pv, vs) || zsi_is_class_stop(p, pv, vs))
        return 0;
    if ((w && (zsi_words_find(w, p + pv, vs - pv, &row) & (ZSW_PLACE_ | ZSW_NAME_))) ||
        in_set(inst, sizeof inst - 1, cp_at(p, vs - zsi_utf8_prev(p, vs), vs)))
        return 0;
    if (pv <= ws || pv <= wb->s)
        return 1;
    /* 克服种种|困难|出资, 通过|财政|贴息: after a numeral, a classifier, a
     * determiner or a preposition (jieba's m, q, b, p) the noun refers to
     * things, the object of the word before it */
    pq = zsi_wb_le(wb, pv - 1);
    return !(pq >= ws && zsi_lex_cut(p, pq, pv, st, tg, 1) == 1 && tg[0] &&
             strchr("mqbp", tg[0]));
}

static int verb_before(const char *p, size_t ws, size_t we, int money, char *norm, char *raw,
                       zsi_span *at)
{
    zsi_wbounds wb;
    size_t b = we, vs, lo;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    while (b > ws) { /* 投入约, 获益近: hedges and filler */
        unsigned cp;
        size_t l = zsi_utf8_prev(p, b);
        zsi_utf8_decode(p + b - l, l, &cp);
        if (!is_filler(cp) && cp != ' ')
            break;
        if (cp == 0x7684) /* 的: 原来的7万元, 积攒的1000万元 modify the amount */
            return money ? suo_verb_before(p, ws, b - l, norm, raw, at) : 0;
        b -= l;
    }
    if (b <= ws)
        return 0;
    for (vs = b; vs < we;) {
        unsigned cp;
        vs += zsi_utf8_decode(p + vs, we - vs, &cp);
        if (cp == 0x4E3A || cp == 0x662F || cp == 0x6709)
            return 0; /* 西部分别为3亿元: what stands before 为, 是, 有 is a subject */
    }
    lo = b - ws > 8 * 3 ? b - 8 * 3 : ws;
    while (lo > ws && (p[lo] & 0xC0) == 0x80)
        lo--;
    zsi_wb_compute(&wb, p, lo, we);
    if (money && !zsi_wb_is(&wb, b) && verb_le(&wb, p, ws, b))
        return copy_verb(p, one_char_verb(&wb, p, ws, b, we), b, norm, raw, at);
    if (!zsi_wb_is(&wb, b) || wb.s >= b)
        return 0;
    vs = zsi_wb_le(&wb, b - 1);
    vs = word_span(&wb, p, ws, vs, b, ZSW_STOP_); /* 捐|资 */
    if (money && vs >= ws && zsi_nchars(p, vs, b) == 1)
        return copy_verb(p, one_char_verb(&wb, p, ws, b, we), b, norm, raw, at);
    if (vs < ws || zsi_nchars(p, vs, b) < 2 || !all_run(p, vs, b) || !is_verb_word(p, vs, b) ||
        has_numeral(p, vs, b) || !memcmp(p + vs, "\xE6\xAF\x8F", 3) || /* 每桶, 每天: a unit */
        zsi_hedge_at(p, b, vs)) /* 约合, 超过: a hedge says how large, not what */
        return 0;
    /* 提供金融|支持65亿元: after a common noun the verb may be a compound's
     * tail; only a verb after its subject or an adverb names the figure */
    if (vs > ws && vs > wb.s) {
        size_t pv = zsi_wb_le(&wb, vs - 1);
        pv = noun_span(&wb, p, ws, pv, vs);
        if (pv >= ws && zsi_is_noun_word(p, pv, vs)) {
            size_t q = pv; /* the start of the run of nouns (产权|单位) */
            while (q > wb.s && q > ws) {
                size_t pq = noun_span(&wb, p, ws, zsi_wb_le(&wb, q - 1), q);
                if (pq < ws || pq >= q || !zsi_is_noun_word(p, pq, q))
                    break;
                q = pq;
            }
            /* 公司投入2500万元, 轻纺集团实际投入3亿元: before an amount of
             * money a plain verb is the predicate of the noun before it,
             * which is its subject or its modifier (实际), not a compound
             * the verb ends: a sum is paid, invested or raised, and the verb
             * says which (a rate after a verb is a change: 萎缩5.3%) */
            if (!quantified(p, q) && !(money && plain_verb(p, vs, b)))
                return 0;
            if (money && q == pv && kind_noun(&wb, p, ws, pv, vs))
                vs = pv; /* 产业|投入, 医保|支付 */
        }
    }
    /* not a word the data calls no metric: 获得, 提供 ([stop]), 实现, 累计
     * ([strip]), 增长 ([change]), 但是 ([conj]) */
    if (zsi_match_ending(zsi_mset(MSEC_STOP), p, vs, b) ||
        zsi_match_ending(zsi_mset(MSEC_STRIP), p, vs, b) ||
        zsi_match_ending(zsi_mset(MSEC_CHANGE), p, vs, b) ||
        zsi_match_ending(zsi_mset(MSEC_CONJ), p, vs, b) || zsi_all_filler(p, vs, b))
        return 0;
    zsi_copy_raw(raw, at, p, vs, b);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

int zsi_verb_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    return verb_before(p, ws, we, 0, norm, raw, at);
}

int zsi_verb_before_money(const char *p, size_t ws, size_t we, char *norm, char *raw,
                          zsi_span *at)
{
    return verb_before(p, ws, we, 1, norm, raw, at);
}
