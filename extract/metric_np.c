/*
 * metric_np.c - the bare noun phrase right before a figure that no [phrases]
 * entry or suffix names (港口效率提升, 对外依存度达到): whole words back from
 * the figure over its filler, up to a stop word, a verb, a count or the
 * clause start; a phrase that ends in a verb or an adverb names nothing.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* A word that may be part of a bare noun phrase: run characters, no [stop]
 * word or place, no closed-class word or verb, no person name. */
static int np_word(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row;
    unsigned fl;
    if (!zsi_all_run(p, s, e) || zsi_is_stop_word(p, s, e) || zsi_has_numeral(p, s, e))
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
static int lex_compound_end(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t e)
{
    size_t pp;
    unsigned cp;
    if ((pp = zsi_one_char_before(wb, p, cut, pb, &cp)) == (size_t)-1)
        return 0;
    if (!zsi_m_is_han(cp) || !zsi_lex_tag_is(p, pb, e, 'n'))
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
    if (b >= we || !zsi_lex_inside(p, wb->s, b, we, &ls, &le) || zsi_has_numeral(p, ls, le))
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

/* Is p[b..we) one word: one of ICU's, or a common noun of the lexicon
 * whole that ICU cut in pieces (嫌疑|人)? verb_object() takes a verbal
 * noun before such a noun too (犯罪|嫌疑人, 发电|装机). */
static int one_noun(const zsi_wbounds *wb, const char *p, size_t b, size_t we)
{
    return zsi_wb_gt(wb, b) == we || zsi_is_noun_word(p, b, we);
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

/*
 * Is p[pb..b) one word of jieba's plain verbs (v) that can be part of a
 * noun phrase, as subject_verb() and verb_between() ask: not a verb that
 * takes a clause, says a level or links ([saying], [level], [link]), a
 * [strip], [change] or [stop] word, a hedge, a negated verb (不, 没), nor
 * one of the most frequent verbs (VERB_GENERAL: modal, listing or linking
 * predicates, never a phrase's part).
 */
static int plain_verb(const char *p, size_t pb, size_t b)
{
    size_t st[2];
    char tg[2];
    unsigned c0 = zsi_cp_at(p, pb, b);
    return zsi_lex_cut(p, pb, b, st, tg, 1) == 1 && tg[0] == 'v' && !zsi_is_stop_word(p, pb, b) &&
           !zsi_whole_in(MSEC_STRIP, p, pb, b) && !zsi_whole_in(MSEC_SAYING, p, pb, b) &&
           !zsi_whole_in(MSEC_LINK, p, pb, b) && !zsi_whole_in(MSEC_LEVEL, p, pb, b) &&
           !zsi_match_ending(zsi_mset(MSEC_CHANGE), p, pb, b) && !zsi_hedge_at(p, b, pb) &&
           c0 != 0x4E0D && c0 != 0x6CA1 && /* 不 没 */
           zsi_lex_count(p, pb, b) < VERB_GENERAL;
}

/*
 * ，受益|企业|达2600多家, ，死亡|病例|52例: a verb of jieba's (v) that opens
 * its clause, right before a one-word noun that ends the phrase, is part of
 * the noun phrase the figure measures: the cases that died, the firms that
 * benefit, the tourists received (，接待|游客|4万人次): a reporter names
 * such a count by the verb and its noun, as the verb tells it from the
 * sibling counts of the sentence (死亡病例 and 治愈病例, 下放事项 and
 * 取消事项). With a predicate between the phrase and the figure (达, 为,
 * 超: the filler full's stretch holds one) the verb and the noun are the
 * clause's subject. Without one, a verb of being, reaching, having or
 * relation ([predicate]: 抵达|海拔|6600米, 拥有|会员|8万人, 面对|世界|
 * 百年) is the clause's predicate, its subject left out, and the noun after
 * it is its object, which it adds nothing to. Not a verb that takes a
 * clause (确保, 力争: [saying]), says a level or links ([level], [link]), a
 * [strip], [change] or [stop] word, a hedge, a negated verb, nor one of the
 * most frequent (VERB_GENERAL). After a 的 the verb is the head's too, with
 * or without a predicate after it (12月的|召回|产品有75%, 展会收到的|采购|
 * 订单50余份): 的 closes a modifier, and what follows it is a noun phrase,
 * never a predicate. p[pb..b) is the verb, b..we the noun, we..full the
 * filler; with ZSI_NP_PRED in flags a change word after the phrase is that
 * predicate (，受益|群众|增长20%).
 */
static int subject_verb(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                        size_t we, size_t full, int flags)
{
    static const char pred[] = "为达是有超逾";
    size_t q;
    int has_pred = (flags & ZSI_NP_PRED) != 0, de = 0;
    if (pb > cut && pb > wb->s) {
        q = zsi_wb_le(wb, pb - 1);
        de = pb - q == 3 && memcmp(p + q, "\xE7\x9A\x84", 3) == 0; /* 的 */
    }
    for (q = we; q < full;) {
        unsigned cp;
        q += zsi_utf8_decode(p + q, full - q, &cp);
        if (zsi_in_set(pred, sizeof pred - 1, cp))
            has_pred = 1;
    }
    if (zsi_wb_gt(wb, b) != we || !zsi_is_noun_word(p, b, we) || zsi_is_class_stop(p, b, we))
        return 0;
    if (zsi_nchars(p, pb, b) != 2 || !plain_verb(p, pb, b))
        return 0;
    if (de)
        return 1;
    /* the verb opens the clause (nothing of the run before it) */
    if (!(pb <= cut || (pb > wb->s && !zsi_all_run(p, zsi_wb_le(wb, pb - 1), pb))))
        return 0;
    /* without a predicate after the noun, the verb may be the clause's own
     * predicate: one of being, reaching, having or relation ([predicate])
     * is, and its object names no count of the act */
    return has_pred || !zsi_whole_in(MSEC_PREDICATE, p, pb, b);
}

/* Does the phrase p[..e) end in a noun: a common noun of the lexicon or a
 * [suffixes] ending, not a word of no class (价|就得)? b bounds the search. */
static int noun_end(const zsi_wbounds *wb, const char *p, size_t b, size_t e)
{
    size_t ls = zsi_wb_le(wb, e - 1);
    if (ls < b)
        ls = b;
    return zsi_is_noun_word(p, ls, e) || zsi_lex_tag_is(p, ls, e, 'n') ||
           zsi_match_ending(zsi_mset(MSEC_SUFFIXES), p, ls, e) != NULL;
}

/*
 * 公益|诉讼|案件, 药品|生产|企业, 工程|研究|中心: is p[pb..b) one verbal
 * noun of jieba's (vn) that is no [strip], [change], [saying], [link] or
 * [level] word? Between two nouns it is part of one compound, as a plain
 * verb is (verb_between): the kind of the thing the last noun names.
 */
static int verbal_noun(const char *p, size_t pb, size_t b)
{
    size_t st[2];
    char tg[2];
    return zsi_lex_cut(p, pb, b, st, tg, 1) == 1 && tg[0] == 'V' &&
           !zsi_whole_in(MSEC_STRIP, p, pb, b) && !zsi_whole_in(MSEC_SAYING, p, pb, b) &&
           !zsi_whole_in(MSEC_LINK, p, pb, b) && !zsi_whole_in(MSEC_LEVEL, p, pb, b) &&
           !zsi_match_ending(zsi_mset(MSEC_CHANGE), p, pb, b);
}

/*
 * Does the verbal noun p[pb..b) make one compound with the last word of the
 * phrase, which ends at we, and the noun before it (公益|诉讼|案件, 木竹|加工|
 * 企业)? Only right before that word: further from it the verbal noun is
 * as often a predicate whose object is the words after it (机关|检查|出入境|
 * 人员, 法院|审理|劳动|争议|案件); and not after a noun that a [recipient]
 * word up to three words before it (向, 为, 对) makes the one the act is
 * done for (向|城区|居民|供应|蔬菜, 为|旅客|测量|体温): the verbal noun is
 * then the clause's predicate.
 */
static int vn_compound(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                       size_t we)
{
    size_t ppb, q;
    int k;
    if (zsi_wb_gt(wb, b) != we || pb <= cut || pb <= wb->s)
        return 0;
    ppb = zsi_noun_span(wb, p, cut, zsi_wb_le(wb, pb - 1), pb);
    /* the [recipient] word may stand a few words before the noun (向|城区|
     * 居民, 向|宁波|钢铁) */
    for (k = 0; k < 3 && ppb > cut && ppb > wb->s; k++, ppb = q) {
        q = zsi_wb_le(wb, ppb - 1);
        if (zsi_whole_in(MSEC_RECIPIENT, p, q, ppb))
            return 0;
        if (!zsi_all_run(p, q, ppb))
            break;
    }
    return 1;
}

/*
 * 民航|发送|旅客, 碳|排放|强度, 政府|采购|市场规模数据: a verb of jieba's (v)
 * of two characters or more between two nouns of the phrase is no predicate
 * but part of one compound, the thing the noun after it names as done by
 * or to the noun before it (the passengers airlines carry, the emission
 * intensity of carbon), as 政府|采购|额 is before a suffix. Not a verb
 * that takes a clause or says a level ([saying], [level]: 数据|显示,
 * 疫情|造成, 贸易额|达到), a hedge or a negated verb (超过, 不到), a
 * [strip], [change], [link] or [stop] word (企业|累计|发放, 价格|上涨,
 * 投资|需要, 企业|获得), nor one of the most frequent verbs (VERB_GENERAL
 * times or more in jieba's corpus: 可能, 包括, 表现), which are modal,
 * listing or linking predicates, never a compound's part; nor after a
 * noun that names a quantity of its own ([suffixes], [phrases]: 国内成本|
 * 高出, 氧气含量|不到): the verb is that quantity's predicate, nor in a
 * phrase that ends in no noun (实际|采购|价|就得). p[pb..b) is the verb,
 * b..e the nouns after it. With vn set the word is a verbal noun
 * (verbal_noun) instead, which the walk crosses before any figure.
 */
static int verb_between(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                        size_t e, int vn)
{
    size_t ppb, nb = zsi_wb_gt(wb, b);
    if (zsi_nchars(p, pb, b) < 2 || !(vn ? verbal_noun(p, pb, b) : plain_verb(p, pb, b)))
        return 0;
    if (nb > e || !(zsi_is_noun_word(p, b, nb) || zsi_lex_tag_is(p, b, nb, 'n')))
        return 0;
    if (pb <= cut || pb <= wb->s || !noun_end(wb, p, b, e))
        return 0;
    ppb = zsi_noun_span(wb, p, cut, zsi_wb_le(wb, pb - 1), pb);
    return ppb >= cut && np_word(p, ppb, pb) && zsi_lex_tag_is(p, ppb, pb, 'n') &&
           !zsi_match_ending(zsi_mset(MSEC_SUFFIXES), p, ppb, pb) &&
           !zsi_match_ending(zsi_mset(MSEC_PHRASES), p, ppb, pb);
}

/* Is the [perunit] entry one of 均 (人均, 日均) or 每 (每股, 每人)? 单位 is
 * one too, but it also ends a noun of its own (企事业单位, 参建单位). */
static int per_word(const zsi_phrase *pu)
{
    return (pu->len >= 6 && memcmp(pu->s + pu->len - 3, "\xE5\x9D\x87", 3) == 0) || /* 均 */
           memcmp(pu->s, "\xE6\xAF\x8F", 3) == 0;                                   /* 每 */
}

/* Is p[s..e) only verbs of [fate] by the most likely cut (出院, 治愈|出院)?
 * Then no noun follows them in the phrase: they name the count themselves
 * (metric_fate.c), and a noun before them is their subject, no modifier. */
static int all_fate(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX), i;
    for (i = 0; i < w; i++)
        if (!zsi_whole_in(MSEC_FATE, p, st[i], st[i + 1]))
            return 0;
    return w > 0;
}

/*
 * 累计死亡|病例1868例, 累计治愈|出院|病例, 感染|人数: a verb of [fate] (what
 * befalls the people or cases a count counts: 死亡, 治愈, 出院, 感染, 就业)
 * right before the nouns that end the phrase says what befell them; those
 * verbs take no object that is counted, so the noun after one is no object
 * but the head it modifies (the dead cases, the cured ones), and they open
 * the phrase. p[pb..b) is the verb, b..e the words after it, ending in a
 * noun.
 */
static int fate_before_noun(const zsi_wbounds *wb, const char *p, size_t pb, size_t b, size_t e)
{
    return b < e && zsi_whole_in(MSEC_FATE, p, pb, b) && noun_end(wb, p, b, e);
}

/* Does a time character (年 月 期 周 季 初 末 底) stand in p[s..e)? A noun
 * ending in one names a time (高峰期, 财年), which no figure measures. */
static int time_tail(const char *p, size_t s, size_t e)
{
    static const char set[] = "年月期周季初末底";
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (zsi_in_set(set, sizeof set - 1, cp))
            return 1;
    }
    return 0;
}

/* Is p[s..e) a numeral or an ordinal (百, 首: jieba's m)? Before 度 it
 * counts times (首度, 两度: an adverb), or it starts a name (百度). */
static int ordinal_head(const char *p, size_t s, size_t e)
{
    return zsi_has_numeral(p, s, e) || zsi_lex_tag_is(p, s, e, 'm');
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
    if (!zsi_lex_tag_is(p, ls, le, 'n') || time_tail(p, b, le) || zsi_lex_tag_is(p, b, le, 'd') ||
        ordinal_head(p, ls, b) || zsi_is_class_stop(p, ls, le) ||
        zsi_match_at(zsi_mset(MSEC_STRIP), p, ls, le) ||
        zsi_match_ending(zsi_mset(MSEC_STOP), p, ls, le) || zsi_has_de(p, le, full) ||
        zsi_match_ending(zsi_mset(MSEC_CHANGE), p, ws, ls) ||
        zsi_match_at(zsi_mset(MSEC_CHANGE), p, ls, le))
        return b; /* nor when it is a change word itself (增长速度, one word of jieba's) */
    *ns = ls;
    return le;
}

/* Does the word before we end in 几 or 数 (几百公斤, 数千吨)? It is part of
 * the number, and no phrase is read before it: a step of np_before() of its
 * own, as it ends the reading before anything is cut. */
static int number_word_before(const char *p, size_t ws, size_t we)
{
    if (we > ws) {
        unsigned cp;
        zsi_utf8_before(p, we, &cp);
        if (cp == 0x51E0 || cp == 0x6570) /* 几, 数: part of the number (几百公斤) */
            return 1;
    }
    return 0;
}

/* Where the filler between the phrase and the figure at full starts (收支缺口
 * 达, 港口效率提升), with the 多 of the hedges 多达 and 多于 (项目多达200个):
 * np_before()'s phrase ends there. A step of its own because the filler is
 * read by characters, before ICU's words are asked for. */
static size_t filler_start(const char *p, size_t ws, size_t full)
{
    size_t b = full;
    while (b > ws) {
        unsigned cp;
        size_t l = zsi_utf8_before(p, b, &cp);
        if (cp == 0x591A && b + 3 <= full &&
            (memcmp(p + b, "\xE8\xBE\xBE", 3) == 0 || memcmp(p + b, "\xE4\xBA\x8E", 3) == 0)) {
            b -= l; /* 多 before 达 or 于 */
            continue;
        }
        if (!zsi_is_filler(cp) && cp != ' ')
            break;
        b -= l;
    }
    return b;
}

/* No piece ends the phrase (last_piece). */
#define NO_PIECE ((size_t)-1)

/*
 * The last piece p[pb..b) of the phrase, right before the figure: 给村里投
 * 1400多万元 has no noun end the phrase, nor does one when the piece ends a
 * verb of jieba's that ICU cut (加|价); with tails set, a noun whose first
 * piece is a word a run stops at (要|价) is taken whole. A step of its own
 * because only the last piece must be a noun; the pieces before it may be
 * modifiers. @return where the piece starts (pb, or the noun's start), or
 * NO_PIECE.
 */
static size_t last_piece(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                         int tails)
{
    size_t js = zsi_word_span(wb, p, cut, pb, b, ZSW_STOP_ | ZSW_NOUN_ | ZSW_NAME_);
    size_t ns = js == pb && tails ? lex_noun_tail(p, cut, pb, b) : b;
    if (ns < b && zsi_wb_is(wb, ns))
        return ns; /* the noun whole, though its first piece is a
                    * word a run stops at (要|价) */
    if (js == pb ? bare_char_end(p, pb, b) && !(tails && lex_compound_end(wb, p, cut, pb, b))
                 : zsi_is_class_stop(p, js, b))
        return NO_PIECE;
    return pb;
}

/*
 * The walk of np_before() from the phrase's end we back over ICU's words
 * of p[cut..we): modifiers ([modifier] words), a noun whole (noun_s: 集中度),
 * nouns and their pieces, a verb between nouns (with ZSI_NP_VERBS) or a
 * verb and its object right before we, up to a word no phrase crosses, a
 * town, a count, or MAX_RUN_CHARS characters. A step of its own because it
 * only finds how far back the words go; the front is settled after it.
 * *bp receives the start, *charsp the characters taken.
 * @return 1 walked, 0 no phrase (none ends at we, or longer than a name).
 */
static int walk_back(const zsi_wbounds *wb, const char *p, size_t cut, size_t we, size_t full,
                     size_t noun_s, int flags, size_t *bp, size_t *charsp)
{
    int tails = flags & ZSI_NP_TAILS;
    size_t b = we, chars = 0, vb = 0, vchars = 0;
    while (b > cut && b > wb->s && !zsi_town_ends_at(wb, p, cut, b) &&
           !zsi_counted_before(wb, p, cut, b, full)) {
        size_t pb = zsi_wb_le(wb, b - 1);
        const zsi_phrase *mod = zsi_match_ending(zsi_mset(MSEC_MODIFIER), p, cut, b);
        if (mod && zsi_wb_is(wb, b - mod->len) &&
            chars + zsi_mod_chars(p, b - mod->len, b, 1) <= MAX_RUN_CHARS) {
            chars += zsi_mod_chars(p, b - mod->len, b, 1);
            b -= mod->len;
            continue;
        }
        if (b == we && noun_s < we && noun_s >= cut) {
            /* 集中度 after its filler tail: one noun whatever ICU's pieces */
            chars += zsi_nchars(p, noun_s, b);
            b = noun_s;
            continue;
        }
        {
            /* 国家|一|级|建筑企业, 世界|500|强|企业: a grade or a rank is a
             * modifier of the noun after it, though it holds a numeral */
            size_t g = zsi_grade_start(p, cut, b);
            if (g < b && b < we && (g <= wb->s || zsi_wb_is(wb, g)) &&
                chars + zsi_nchars(p, g, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, g, b);
                b = g;
                continue;
            }
        }
        {
            /* 人均|耕地, 户均|住房: a per-unit word makes the phrase a rate
             * of its unit and opens it, as before a suffix's head (人均|收入;
             * metric_run.c), wherever ICU cut it (该县人|均) */
            const zsi_phrase *pu = zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, cut, b);
            if (pu && b < we && per_word(pu) && noun_end(wb, p, b, we) &&
                chars + zsi_nchars(p, b - pu->len, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, b - pu->len, b);
                b -= pu->len;
                break;
            }
        }
        pb = zsi_noun_span(wb, p, cut, pb, b);
        if (pb < cut)
            break;
        if (b < we && zsi_whole_in(MSEC_STRIP, p, pb, b))
            break; /* 机关|现有|确诊病例: a [strip] predicate opens the phrase */
        if (!np_word(p, pb, b)) {
            int vn;
            if (fate_before_noun(wb, p, pb, b, we) &&
                chars + zsi_nchars(p, pb, b) <= MAX_RUN_CHARS) {
                int verbs_only = all_fate(p, b, we);
                size_t ppb;
                chars += zsi_nchars(p, pb, b);
                b = pb;
                ppb = b > cut && b > wb->s ? zsi_wb_le(wb, b - 1) : b;
                if (!verbs_only || (ppb < b && ppb >= cut && zsi_whole_in(MSEC_FATE, p, ppb, b)))
                    continue;
                break; /* 患者|治愈|出院: the verbs alone, their subject before them */
            }
            vn = b < we && vn_compound(wb, p, cut, pb, b, we) &&
                 verb_between(wb, p, cut, pb, b, we, 1);
            if ((vn ||
                 ((flags & ZSI_NP_VERBS) && b < we && verb_between(wb, p, cut, pb, b, we, 0))) &&
                chars + zsi_nchars(p, pb, b) <= MAX_RUN_CHARS) {
                if (!vn) { /* a verbal noun is a noun: no predicate to undo */
                    vb = b;
                    vchars = chars;
                }
                chars += zsi_nchars(p, pb, b);
                b = pb;
                continue;
            }
            if (vb && (zsi_is_class_stop(p, pb, b) || zsi_lex_tag_is(p, pb, b, 'v'))) {
                /* 帮助|消费者|挽回|经济损失: the noun before the verb crossed
                 * is another verb's object, so that verb is a predicate too */
                b = vb;
                chars = vchars;
                break;
            }
            if (b < we &&
                ((one_noun(wb, p, b, we) && verb_object(p, pb, b, we)) ||
                 (zsi_wb_gt(wb, b) == we && subject_verb(wb, p, cut, pb, b, we, full, flags))) &&
                chars + zsi_nchars(p, pb, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, pb, b);
                b = pb;
            }
            break;
        }
        if (b == we && (pb = last_piece(wb, p, cut, pb, b, tails)) == NO_PIECE)
            return 0;
        if (chars + zsi_nchars(p, pb, b) > MAX_RUN_CHARS)
            return 0; /* longer than a name: no clear phrase */
        chars += zsi_nchars(p, pb, b);
        b = pb;
    }
    *bp = b;
    *charsp = chars;
    return 1;
}

/*
 * The front of a phrase walked back to *bp, settled by the lexicon: a word
 * of jieba's across it (lex_start), a word ICU split before it
 * (民事一|审案件), a quoted term (“四风”|问题). A step of its own because
 * the walk reads ICU's words and the front is read by jieba's.
 * @return the phrase's characters after the front moved.
 */
static size_t settle_front(const zsi_wbounds *wb, const char *p, size_t cut, size_t *bp, size_t we,
                           size_t full, size_t chars)
{
    size_t b = *bp;
    if (chars >= 2)
        chars = lex_start(wb, p, cut, &b, we, chars);
    if (chars >= 2 && b > cut) { /* a phrase of its own first: 民事一|审案件 */
        size_t jb = zsi_join_split_word(wb, p, cut, b, we, full);
        chars += zsi_nchars(p, jb, b);
        b = jb;
    }
    if (chars >= 2)
        b = zsi_term_front(p, cut, b); /* “四风”|问题 */
    *bp = b;
    return chars;
}

/* Write the phrase p[b..we): raw as printed, norm its normal form (the
 * data's for a known phrase), without quotes. The last step of np_before().
 * @return 1. */
static int write_phrase(const char *p, size_t b, size_t we, char *norm, char *raw, zsi_span *at)
{
    const zsi_phrase *k;
    zsi_copy_raw(raw, at, p, b, we);
    k = zsi_lookup_exact(raw, strlen(raw));
    if (k)
        zsi_copy_str(norm, k->norm, k->nlen);
    else
        memcpy(norm, raw, strlen(raw) + 1);
    zsi_drop_quotes(norm);
    return 1;
}

/*
 * The bare noun phrase before a figure at we, in steps: none after 几 or 数;
 * the filler before the figure stripped (a noun it ends whole kept); ICU's
 * words of a window, the clause cut at a conjunction; the walk back over
 * words; the front settled by the lexicon; two characters at least, not
 * filler alone. flags: ZSI_NP_TAILS, ZSI_NP_VERBS.
 * @return 1 found (norm, raw, at written), 0 none.
 */
static int np_before(const char *p, size_t ws, size_t we, int flags, char *norm, char *raw,
                     zsi_span *at)
{
    zsi_wbounds wb;
    size_t lo, cut, b, chars = 0, full = we, noun_s, fs;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    if (number_word_before(p, ws, we))
        return 0;
    fs = filler_start(p, ws, full);
    b = filler_noun_end(p, ws, fs, full, &noun_s);
    we = b;
    if (we <= ws)
        return 0;
    lo = we - ws > (MAX_RUN_CHARS + 4) * 3 ? we - (MAX_RUN_CHARS + 4) * 3 : ws;
    while (lo > ws && (p[lo] & 0xC0) == 0x80)
        lo--;
    zsi_wb_compute(&wb, p, lo, full);
    if (we > fs && fs > wb.s && !zsi_wb_is(&wb, we) && zsi_wb_is(&wb, fs)) {
        /* 过滤效率高|达: a rare noun of jieba's (效率高) that ends inside
         * one of ICU's words of the filler (高达, the clause's predicate)
         * holds a word of the filler, not the noun's tail: the phrase ends
         * where the filler starts */
        we = noun_s = fs;
    }
    cut = zsi_conj_cut(&wb, p, ws, we);
    if (!zsi_wb_is(&wb, we) || wb.s >= we)
        return 0; /* the filler trimmed was part of a word (人才, 合同) */
    if (!walk_back(&wb, p, cut, we, full, noun_s, flags, &b, &chars))
        return 0;
    if (b > cut && b <= wb.s)
        return 0; /* it may go on beyond the broken window */
    chars = settle_front(&wb, p, cut, &b, we, full, chars);
    if (chars < 2 || zsi_all_filler(p, b, we))
        return 0;
    return write_phrase(p, b, we, norm, raw, at);
}

int zsi_np_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    return np_before(p, ws, we, 0, norm, raw, at);
}

int zsi_np_before_money(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    return np_before(p, ws, we, ZSI_NP_TAILS, norm, raw, at);
}

int zsi_np_before_as(const char *p, size_t ws, size_t we, int flags, char *norm, char *raw,
                     zsi_span *at)
{
    return np_before(p, ws, we, flags, norm, raw, at);
}
