/*
 * metric_class.c - the classes of characters and words the metric finders
 * ask about: filler and linking characters, closed-class and stop words,
 * common nouns and verb-nouns of the lexicon, numerals, determiners, nouns
 * that are counted or pointed at. Each function answers for one class at one
 * place of the text; which way a run or a front goes is decided by the files
 * that ask (metric_run.c, metric_front.c, metric_np.c, metric_verb.c ...).
 *
 * Invariants: allocates nothing; the character sets are UTF-8 literals.
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
int zsi_in_set(const char *set, size_t n, unsigned cp)
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
int zsi_lex_tag_is(const char *p, size_t s, size_t e, char tag)
{
    size_t st[2];
    char tg[2];
    return zsi_lex_cut(p, s, e, st, tg, 1) == 1 && tg[0] == tag;
}

/* Characters that may follow a metric inside what ICU takes for one word:
 * 收益率由, 总额达, 利润为 ... (words that link a metric to its figure). */
int zsi_links_on(unsigned cp)
{
    static const char set[] =
        "由为达是从至到在超比较同环已均约近逾仅增降提下上突共累占实完及和与或等的了将都也再则";
    return zsi_in_set(set, sizeof set - 1, cp);
}

/* Characters a window may hold between a change word (or the clause start)
 * and the figure without naming anything: 为, 达到, 分别, 了, 约, 仅 ...; the
 * modal 需 too (销量只需20亿元: 只需 is no part of the noun). */
int zsi_is_filler(unsigned cp)
{
    static const char set[] = "了为达到分别约近超高仅至的逾是有共计已经则再又也都只才就均亦仍还将可"
                              "同比环较去上年期月周季度今初末底需";
    return zsi_in_set(set, sizeof set - 1, cp);
}

int zsi_is_direction(unsigned cp)
{
    static const char set[] = "内外中间后前里";
    return zsi_in_set(set, sizeof set - 1, cp);
}

unsigned zsi_cp_at(const char *p, size_t i, size_t e)
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

/* Only run characters (Han, letters, digits) in p[s..e)? A decimal point
 * between two digits counts as one when the span opens with a Latin letter:
 * the name of a pollutant or a standard (PM2.5, PM2.5浓度), not a number. */
int zsi_all_run(const char *p, size_t s, size_t e)
{
    unsigned prev = 0, first = 0;
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (!first)
            first = cp < 0x80 ? cp | 0x20 : cp;
        if (!zsi_is_run_char(cp) &&
            !((cp == '.' || cp == 0xFF0E) && first >= 'a' && first <= 'z' &&
              zsi_is_digit_cp(prev) && s < e && zsi_is_digit_cp(zsi_cp_at(p, s, e))))
            return 0;
        prev = cp;
    }
    return 1;
}

int zsi_is_digit_cp(unsigned cp)
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
        if (zsi_is_digit_cp(cp)) {
            /* digits (and a range dash) up to 年, 月 or 日 */
            while (s < e) {
                size_t l = zsi_utf8_decode(p + s, e - s, &cp);
                if (!zsi_is_digit_cp(cp) && cp != '-' && cp != 0x2014 && cp != 0x2013 &&
                    cp != 0xFF0D && cp != '.')
                    break;
                s += l;
            }
            if (s >= e || (cp != 0x5E74 && cp != 0x6708 && cp != 0x65E5)) /* 年月日 */
                return 0;
            continue;
        }
        if (!zsi_is_filler(cp))
            return 0;
    }
    return 1;
}

int zsi_has_de(const char *p, size_t s, size_t e)
{
    for (; s + 3 <= e; s++)
        if (memcmp(p + s, "\xE7\x9A\x84", 3) == 0) /* 的 */
            return 1;
    return 0;
}

/* A metric may end at e when a word ends there, at the window's end, or
 * when what follows links it to the figure (see zsi_links_on). */
int zsi_end_ok(const zsi_wbounds *wb, const char *p, size_t e, size_t we)
{
    return e >= we || zsi_wb_is(wb, e) || zsi_links_on(zsi_cp_at(p, e, we));
}

/* The clause start in p[ws..we): after the last conjunction word (但是, 同时,
 * 而 ...) that stands as a word of its own. */
size_t zsi_conj_cut(const zsi_wbounds *wb, const char *p, size_t ws, size_t we)
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

/* Is p[s..e) a market named by what it trades (股市, 楼市, 车市, 债市,
 * 汇市): two characters ending in 市 that jieba's lexicon makes one common
 * noun (n), neither a [stop] entry (全市, 本市) nor a pair of divisions (省市,
 * 县市, 州市), nor a time of trading, its first character a direction, time
 * or verb of jieba's (后市, 夜市, 收市)? Such a word is a noun a change is said
 * of (股市下跌2%), not a city's name that ends the run before it (深圳市|
 * 财政收入). */
static int market_word(const char *p, size_t s, size_t e)
{
    static const char divisions[] = "省市县区州";
    const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_STOP), p, s, e);
    unsigned cp0;
    size_t m = s + zsi_utf8_decode(p + s, e - s, &cp0);
    return zsi_nchars(p, s, e) == 2 && !(k && k->len == e - s) &&
           !zsi_in_set(divisions, sizeof divisions - 1, zsi_cp_at(p, s, e)) &&
           zsi_lex_tag_is(p, s, e, 'n') && !zsi_lex_tag_is(p, s, m, 'f') &&
           !zsi_lex_tag_is(p, s, m, 't') && !zsi_lex_tag_is(p, s, m, 'v');
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
    zsi_utf8_before(p, e, &last);
    if (last == 0x5E02 && market_word(p, s, e))
        return 0;
    return last == 0x5E02 || last == 0x7701 || last == 0x53BF || last == 0x533A || /* 市省县区 */
           last == 0x5E74 || last == 0x6708 || last == 0x65E5 ||                   /* 年月日 */
           last == 0x7684; /* 的, which ends a modifier even when ICU glues it on (中的) */
}

/* Does p[s..e) end in a noun of an activity ([activity] of data/metrics.tsv:
 * 工作, 调查), after which 中 says when (在救治工作中, 在调查中), not of which
 * set? */
int zsi_activity_noun(const char *p, size_t s, size_t e)
{
    return zsi_metric_data() == 0 && zsi_match_ending(zsi_mset(MSEC_ACTIVITY), p, s, e) != NULL;
}

/* Only spaces and words a share takes before it ([sharelead] of
 * data/metrics.tsv: 有 and adverbs, 约, 近, 仅) in p[s..e)? */
int zsi_share_lead(const char *p, size_t s, size_t e)
{
    if (zsi_metric_data() != 0)
        return 0;
    while (s < e) {
        const zsi_phrase *w;
        if (p[s] == ' ') {
            s++;
            continue;
        }
        if (!(w = zsi_match_at(zsi_mset(MSEC_SHARELEAD), p, s, e)))
            return 0;
        s += w->len;
    }
    return 1;
}

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

int zsi_is_vnoun(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row;
    return w && (zsi_words_find(w, p + s, e - s, &row) & ZSW_VNOUN_);
}

/*
 * Where ICU's word that ends at b starts, when it is one character at or
 * after cut; its code point in *cp. (size_t)-1 when there is none.
 */
size_t zsi_one_char_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, unsigned *cp)
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
int zsi_conj_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b)
{
    unsigned cp;
    if (zsi_one_char_before(wb, p, cut, b, &cp) == (size_t)-1)
        return 0;
    return cp == 0x53CA || cp == 0x548C || cp == 0x4E0E || cp == 0x6216; /* 及和与或 */
}

/* Does p[s..e) hold a digit (ASCII or full width: １９９６年为) or a Chinese
 * numeral (一个, 两辆)? */
int zsi_has_numeral(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (zsi_is_digit_cp(cp) || zsi_cn_numeral(cp) >= 0)
            return 1;
    }
    return 0;
}

/* One-character words that always stand alone: particles, conjunctions,
 * coverbs; pronouns and determiners (其|新产品); time units and the tails of
 * division names (年|新材料, 水城|区|铝). */
static const char alone[] = "的了和与及或在是为对从由将把被给向于而并且也都又占"
                            "其该此这那每各年月日区市省县";

/* Is cp a determiner, a character that points at or picks out a thing
 * (这, 那, 此, 该, 每, 各, 某, 哪, 其, 本)? What follows it is named, not counted or
 * sorted by it. */
int zsi_is_determiner(unsigned cp)
{
    static const char set[] = "这那此该每各某哪其本";
    return zsi_in_set(set, sizeof set - 1, cp);
}

/* Is p[s..e) the one character 率 or 量? A rate or an amount is named by
 * what is done or counted, verbs included (发射成功率, 出货量); a sum of
 * money (赔偿金, 善款) is the object of the verb before it (支付|赔偿金). */
int zsi_rate_or_amount(const char *p, size_t s, size_t e)
{
    unsigned cp = zsi_cp_at(p, s, e);
    return zsi_nchars(p, s, e) == 1 && (cp == 0x7387 || cp == 0x91CF); /* 率 量 */
}

/* Is the noun starting at p[b] counted or pointed at: after a numeral and a
 * classifier (5家|单位, 三个|部门, 10多家|企业), a reduplicated classifier
 * (种种|困难) or a demonstrative (这些|单位, 该|公司, 各|企业)? Such a noun
 * refers to things, so it is no first part of a compound (金融|支持) and a
 * verb after it is its predicate. */
int zsi_quantified(const char *p, size_t b)
{
    unsigned c0 = 0, c1 = 0, c00 = 0;
    size_t l1, l0;
    if (b < 3)
        return 0;
    l1 = zsi_utf8_before(p, b, &c1);
    if (c1 == 0x8BE5 || c1 == 0x5404 || c1 == 0x6BCF || c1 == 0x8FD9 || c1 == 0x90A3)
        return 1; /* 该 各 每 这 那 */
    if (b - l1 < 1 || !zsi_m_is_han(c1) || zsi_is_digit_cp(c1) || zsi_cn_numeral(c1) >= 0)
        return 0;
    l0 = zsi_utf8_prev(p, b - l1);
    zsi_utf8_decode(p + b - l1 - l0, l0, &c0);
    if (c1 == 0x4E9B) /* 些: 这些, 那些 */
        return c0 == 0x8FD9 || c0 == 0x90A3;
    if (c0 == c1)
        return 1;                                             /* 种种, 个个 */
    if ((c0 == 0x591A || c0 == 0x4F59) && b - l1 - l0 >= 1) { /* 多 余: 10多家 */
        size_t l00 = zsi_utf8_prev(p, b - l1 - l0);
        zsi_utf8_decode(p + b - l1 - l0 - l00, l00, &c00);
        c0 = c00;
    }
    return zsi_is_digit_cp(c0) || zsi_cn_numeral(c0) >= 0;
}

/* One Han character of jieba's dictionary whose likeliest cut is one word
 * tagged tag (v: 挣, 卖, 花; a: 纯, 少, 净) at p[s..e)? */
int zsi_one_char_tagged(const char *p, size_t s, size_t e, char tag)
{
    unsigned cp;
    return zsi_nchars(p, s, e) == 1 && zsi_utf8_decode(p + s, e - s, &cp) && zsi_m_is_han(cp) &&
           zsi_lex_tag_is(p, s, e, tag);
}

int zsi_is_alone(unsigned cp)
{
    return zsi_in_set(alone, sizeof alone - 1, cp);
}
