/*
 * metric_apart.c - a subject set apart from its predicate: past time words
 * and adverbs (玉米期货昨日上涨20元), past [link] verbs (债权总计约3亿元),
 * before a time compared with (设备市场比2009年增长287%), or an activity named
 * by its verb (专利申请|同比增长). Apart from metric_subject.c because these
 * walk back over the words between subject and predicate by their class
 * (jieba's most likely cut), where that file reads the noun that ends
 * right before the predicate.
 *
 * Invariants: allocates nothing; each walk reads at most TAIL_CHARS or
 * ZSI_LEX_CUT_MAX characters back from the predicate.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Most characters at the end of a clause that zsi_strip_adverbs() and
 * zsi_strip_predicate() walk back over. */
#define TAIL_CHARS 12

/*
 * ICU's words of the last TAIL_CHARS characters of p[ws..we) into *wb: the
 * window the strip_* functions walk back over (its first word may be cut
 * when the window starts after ws). @return the window's start.
 */
size_t zsi_tail_words(zsi_wbounds *wb, const char *p, size_t ws, size_t we)
{
    size_t lo = we;
    int k;
    for (k = 0; k < TAIL_CHARS && lo > ws; k++)
        lo -= zsi_utf8_prev(p, lo);
    zsi_wb_compute(wb, p, lo, we);
    return lo;
}

/* Is the ICU word p[b..e) a [link] verb (总计, 需要), with only filler
 * before it in the word (都要, 只需)? */
static int link_word(const char *p, size_t b, size_t e)
{
    const zsi_phrase *k = zsi_match_ending(zsi_mset(MSEC_LINK), p, b, e);
    return k && zsi_all_filler(p, b, e - k->len);
}

/*
 * Where the time words and adverbs at the end of p[ws..we) start (周三, 昨日
 * 大幅, 再度: ICU words that jieba's most likely cut makes one word tagged t
 * or d), filler, and words of [guess] (预计, 有望: jieba tags 预计 vn, but
 * it stands where an adverb does); not other verbs, which jieba also gives
 * nouns of news (开支, 需求). With links set: adverbs, filler and [link] verbs (总计,
 * 需要), which name nothing, but no time words (a time before a sum or a
 * rate may be part of its name: 过去每吨, 未来5年). we when none.
 */
static size_t strip_tail(const char *p, size_t ws, size_t we, int links)
{
    zsi_wbounds wb;
    size_t lo = zsi_tail_words(&wb, p, ws, we), e = we;
    while (e > wb.s) {
        size_t b = zsi_wb_le(&wb, e - 1), st[3];
        char tg[2];
        if (b < wb.s || (b == wb.s && lo > ws))
            break; /* the window's first word may be cut */
        if (!zsi_all_filler(p, b, e) && !(links && link_word(p, b, e)) &&
            !zsi_whole_in(MSEC_GUESS, p, b, e) &&
            !(zsi_lex_cut(p, b, e, st, tg, 2) == 1 && (tg[0] == 'd' || (!links && tg[0] == 't'))))
            break;
        e = b;
    }
    return e;
}

size_t zsi_strip_adverbs(const char *p, size_t ws, size_t we)
{
    return strip_tail(p, ws, we, 0);
}

/*
 * The bare noun phrase of p[ws..e) that ends at e, with words up to the change
 * verb at gs after it (time words, adverbs, a compared time): what changes,
 * unless it is a place alone or the base of a comparison itself.
 * @return 1 found (m's noun set), 0 none (m's noun left empty).
 */
static int subject_ending_at(const char *p, size_t ws, size_t e, size_t gs, int flags, zsi_metric *m)
{
    if (e >= gs || e <= ws || !zsi_np_before_mb(p, ws, e, flags, m->norm, m->raw, &m->at))
        return 0;
    if (!zsi_only_place(m->raw) && !zsi_compared_base(p, ws, m->at.s))
        return 1;
    m->norm[0] = m->raw[0] = '\0';
    zsi_span_clear(&m->at);
    return 0;
}

/*
 * 玉米期货昨日上涨20元, 原油周三下跌2美元: time words and adverbs between
 * a subject and its change verb in p[ws..gs) stand apart from both; the bare
 * noun phrase before them is what changes (not a place alone, nor the base
 * of a comparison: 比上周). Not before a rate noun (板块年内跌幅为17%: the
 * time word is part of its name).
 * @return 1 found (m's noun set), 0 none (m's noun left empty).
 */
int zsi_subject_past_adverbs(const char *p, size_t ws, size_t gs, int flags, zsi_metric *m)
{
    return subject_ending_at(p, ws, zsi_strip_adverbs(p, ws, gs), gs, flags, m);
}

/* Does the data call the word p[s..e) no metric (a word of [stop] whole:
 * 获得, 提供; one that ends in a word of [strip], [change], [conj]), or is it
 * a hedge (超过, 接近)? A [stop] verb that ends a noun (专利|申请) names it. */
static int names_no_verb(const char *p, size_t s, size_t e)
{
    const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_STOP), p, s, e);
    return (k && s + k->len == e) || zsi_match_ending(zsi_mset(MSEC_STRIP), p, s, e) ||
           zsi_match_ending(zsi_mset(MSEC_CHANGE), p, s, e) ||
           zsi_match_ending(zsi_mset(MSEC_CONJ), p, s, e) || zsi_hedge_at(p, e, s);
}

/* 发明专利|申请, 商标|申请: is the last of the w words of jieba's cut
 * (starts st, tags tg) a verb of [stop] whole, a plain verb (v: not the
 * verb-noun 预计 of a guess, 全球经济|预计|萎缩), right after a noun? Alone it
 * names nothing (an application is no metric); ending a noun run before a
 * change reckoned against a base (同比, 比上年: the caller's verb_ok) it is
 * the activity the noun names (专利申请同比增长), as 生产 is. */
static int stop_verb_of_noun(const char *p, const size_t *st, const char *tg, int w)
{
    const zsi_phrase *k;
    if (w < 2 || tg[w - 1] != 'v' || !tg[w - 2] || !strchr(SHARE_HEAD "l", tg[w - 2]))
        return 0;
    k = zsi_match_at(zsi_mset(MSEC_STOP), p, st[w - 1], st[w]);
    return k && st[w - 1] + k->len == st[w];
}

/*
 * 某省发明专利申请同比增长7.3%, 全球家具生产增长4%, 汽车产销同比增长5%:
 * the words of the clause p[ws..gs) before its change verb at gs, past its
 * time words and adverbs (当月, 本周), are its subject when jieba's most
 * likely cut makes them a run of nouns (n, vn, nz, j, l, R) and modifiers
 * (places, distinguishing words, adjectives) from the clause's start or
 * after time words, adverbs, conjunctions or numerals (1至4月, 今年), ending
 * in a verb of two characters or more after a noun: an activity named as a
 * noun, which np_before takes for a predicate: a verb-noun (vn: 生产, 销售),
 * or a verb (v: 申请, 产销, 产出) when the change opens with what it is
 * reckoned against (同比, 环比, 比上年), as a statistic's is (宣布|提价,
 * 可能|提价, 加速|回落 are verbs before a verb); or in a common noun that
 * ICU cuts before a verb (专利|申请: jieba's one noun). Not a verb first
 * (普遍提价, 大约减产: the clause's predicate, its subject earlier), a verb
 * of change itself (猛增), a verb the data names no metric by (实现, 累计,
 * 超过), nor the object of a preposition (为|企业). Not before a rate noun
 * with words between (板块年内跌幅: the time word is part of its name).
 * verb_ok says whether a plain verb (v) may end the run (1: the change is
 * reckoned against a base, zsi_compared_now), and (2) whether the run may
 * follow a verb whose object it is (受理|消费者|投诉 before a figure).
 * @return 1 found (m's noun set), 0 none.
 */
int zsi_verbal_subject_m(const char *p, size_t ws, size_t gs, int rate, int verb_ok, zsi_metric *m)
{
    size_t cs = zsi_skip_conj(p, ws, gs), e = zsi_strip_adverbs(p, cs, gs), lo, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    const zsi_phrase *k2;
    int w, i, k;
    if (e <= cs || (rate && e != gs))
        return 0;
    lo = zsi_han_back(p, cs, e, ZSI_LEX_CUT_MAX);
    w = zsi_lex_cut(p, lo, e, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || zsi_nchars(p, st[w - 1], e) < 2 ||
        (names_no_verb(p, st[w - 1], e) && !(verb_ok && stop_verb_of_noun(p, st, tg, w))))
        return 0;
    if (zsi_match_ending(zsi_mset(MSEC_CHANGEFORM), p, st[w - 1], e))
        return 0; /* 猛增, 大增: a change verb of its own */
    if (tg[w - 1] == 'V' || (tg[w - 1] == 'v' && verb_ok)) {
        if (w < 2 || !tg[w - 2] || !strchr(SHARE_HEAD "l", tg[w - 2]))
            return 0;
        i = w - 2;
    } else if (tg[w - 1] == 'n' && zsi_nchars(p, st[w - 1], e) >= 3 &&
               !((k2 = zsi_match_ending(zsi_mset(MSEC_STOP), p, st[w - 1], e)) &&
                 (k2->len == 3 || !zsi_lex_tag_is(p, e - k2->len, e, 'v')))) {
        i = w - 1; /* 专利申请, one noun of jieba's that ICU cuts before a verb
                    * (not 西部地区, 子公司: ending in a noun of [stop]) */
    } else {
        return 0;
    }
    for (; i > 0; i--) {
        char t = tg[i - 1];
        if (!t || !(strchr(SHARE_HEAD "l", t) || strchr(SHARE_MOD "s", t)) ||
            zsi_all_filler(p, st[i - 1], st[i]))
            break; /* not 同比 (j), which says how the change is reckoned */
    }
    if (zsi_all_filler(p, st[i], st[i + 1]))
        return 0;
    if (i > 0 && tg[i - 1] == 'm' && zsi_nchars(p, st[i], st[i + 1]) == 1)
        return 0; /* 两|市|成交: one character after a numeral makes a word
                   * with it (两市), not the run's start */
    if (i == 0 && lo > cs && !zsi_names_nothing(p, cs, lo))
        return 0; /* the run starts after words that may name the subject */
    if (verb_ok > 1 && i > 0 && tg[i - 1] == 'v' &&
        (i > 1 ? !tg[i - 2] || tg[i - 2] == 'v' || tg[i - 2] == 'x' : lo > cs))
        return 0; /* 起诉|侵害|老年人权益犯罪, 诈骗、|破坏: that verb is part
                   * of a longer object (after a verb or a list mark), not
                   * the predicate */
    for (k = 0; k < i && !(verb_ok > 1 && tg[i - 1] == 'v'); k++)
        if (!tg[k] || !strchr("tdcmq", tg[k]))
            return 0; /* after a verb (大约|减产), a direction (西部|地区) or
                       * a preposition (为|企业: its object); when verb_ok is
                       * 2 the run may be the object of a verb right before it,
                       * whatever that verb's subject (全市共受理|群众投诉) */
    zsi_copy_raw(m->raw, &m->at, p, st[i], e);
    if (zsi_only_place(m->raw) || zsi_compared_base(p, ws, st[i])) {
        m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    memcpy(m->norm, m->raw, sizeof m->norm);
    return 1;
}

int zsi_verbal_subject(const char *p, size_t ws, size_t we, int verb_ok, char *norm, char *raw,
                       zsi_span *at)
{
    zsi_metric m;
    memset(&m, 0, sizeof m);
    if (zsi_metric_data() != 0 || !zsi_verbal_subject_m(p, ws, we, 0, verb_ok, &m))
        return 0;
    memcpy(norm, m.norm, sizeof m.norm);
    memcpy(raw, m.raw, sizeof m.raw);
    if (at)
        *at = m.at;
    return 1;
}

/*
 * 起诉侵害老人权益犯罪4610人, 销售装载机1.1万台, 今年生产纱850吨: the words
 * p[ws..we) before an amount are a predicate, a verb and its object: past
 * words that name nothing (time words, adverbs, pronouns, conjunctions,
 * numerals: jieba's t d r c m q f, or [stop]-class words), verbs of two
 * characters or more in a row (批准|逮捕, 起诉|侵害), then a run of nouns and
 * modifiers with no verb in it, ending in a noun (jieba's SHARE_HEAD; it files
 * 纱 and 罪 as z, 装载机 as b). That predicate is what the amount measures, as
 * an activity named as a noun is (zsi_verbal_subject_m), when nothing names
 * it: the change of the amount reckoned against a base (同比上升) is the
 * predicate's. Not after a noun, whose compound the verb may be part of
 * (资源|保护|罪); not a verb the data calls no metric ([stop] 获得, [strip]
 * 实现, [change], [conj], [link] 达到); at most MAX_RUN_CHARS characters.
 * @return 1 found (norm, raw written), 0 none.
 */
int zsi_object_subject(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    size_t lo, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, k, v, o, j, ok;
    if (zsi_metric_data() != 0 || we <= ws)
        return 0;
    lo = zsi_han_back(p, ws, we, ZSI_LEX_CUT_MAX);
    w = zsi_lex_cut(p, lo, we, st, tg, ZSI_LEX_CUT_MAX);
    for (k = 0; k < w && tg[k] != 'v' && tg[k] != 'V'; k++)
        ;
    if (k == w)
        return 0;
    ok = lo == ws || zsi_names_nothing(p, ws, lo);
    for (j = 0; j < k && ok; j++)
        ok = tg[j] && (strchr("tdrcmqf", tg[j]) || zsi_names_nothing(p, st[j], st[j + 1]));
    if (!ok && !zsi_names_nothing(p, ws, st[k]))
        return 0; /* words that may name a subject, after which the verb may
                   * be part of a compound (资源|保护|罪); not a time ICU and
                   * jieba cut in pieces (1至6|月份), which names nothing */
    for (v = k; v < w && (tg[v] == 'v' || tg[v] == 'V'); v++)
        if (zsi_nchars(p, st[v], st[v + 1]) < 2 || names_no_verb(p, st[v], st[v + 1]) ||
            zsi_match_ending(zsi_mset(MSEC_LINK), p, st[v], st[v + 1]))
            return 0;
    if (v == k || v == w || !tg[w - 1] || !strchr(SHARE_HEAD "bz", tg[w - 1]))
        return 0; /* a verb, then an object that ends in a noun */
    for (o = v; o < w; o++)
        if (!tg[o] || !strchr(SHARE_HEAD SHARE_MOD "z", tg[o]) ||
            zsi_all_filler(p, st[o], st[o + 1]))
            return 0; /* nouns and modifiers only: no plain verb (资源|保护|罪) */
    if (zsi_nchars(p, st[k], we) > MAX_RUN_CHARS)
        return 0;
    zsi_copy_raw(raw, at, p, st[k], we);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

/* Does p[s..e) end in a time word by its last character (2009年, 上年同期,
 * 2017年末, 一季度, 3月, 上周, 前一天, 上届, 以前)? */
static int ends_in_time(const char *p, size_t s, size_t e)
{
    static const char tail[] = "年期月末底度周日天届前"; /* 届: a fair's or a
                                                          * games' last session */
    return e >= s + 3 && zsi_in_set(tail, sizeof tail - 1, zsi_cp_at(p, e - 3, e));
}

/* Does jieba's most likely cut of p[s..e) make the 比 or 较 at s a word of
 * its own, a preposition (比|上一年, 比|前一周), where ICU's dictionary runs
 * it on into the time (比上|一年)? */
static int than_cut(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    return w >= 2 && st[1] == s + 3 && tg[0] == 'p';
}

/*
 * 设备市场比2009年增长287%, 销售额较2017年末下降5%: the clause prints the
 * subject, then 比 or 较 and a time it is compared with, then the change.
 * Where that comparison starts in p[ws..gs): 比 or 较 a word of its own (not
 * 比重, 较大), then at most 10 characters ending in a time word, with no 的
 * and no second 比. gs when the clause ends in none.
 */
static size_t time_base_start(const char *p, size_t ws, size_t gs)
{
    size_t s = gs, e;
    int k;
    zsi_wbounds wb;
    if (!ends_in_time(p, ws, gs))
        return gs;
    for (k = 0; k < 11 && s > ws; k++) {
        s -= zsi_utf8_prev(p, s);
        if (memcmp(p + s, "\xE7\x9A\x84", 3) == 0) /* 的 */
            return gs;
        if (memcmp(p + s, "\xE6\xAF\x94", 3) != 0 && memcmp(p + s, "\xE8\xBE\x83", 3) != 0)
            continue; /* 比, 较 */
        if (s + 3 >= gs)
            return gs;
        for (e = s; e > ws && s - e < 6 * 3;)
            e -= zsi_utf8_prev(p, e);
        zsi_wb_compute(&wb, p, e, gs);
        return zsi_wb_is(&wb, s) && (zsi_wb_is(&wb, s + 3) || than_cut(p, s, gs)) ? s : gs;
    }
    return gs;
}

/*
 * 半导体设备市场比2009年增长287%: no noun phrase ends right before the
 * change verb, as a time compared with stands there; the bare noun phrase
 * before 比 is what changes (not a place alone, nor one that is itself the
 * base of an earlier comparison), past adverbs and time words between them
 * (采购商|可能|比上届). Not of a sum: an activity named by its verb
 * (服务器销售|比2009年增长), as a change reckoned against a base names it
 * (zsi_verbal_subject_m). @return 1 found (m's noun set), 0 none.
 */
int zsi_subject_before_time_base(const char *p, size_t ws, size_t gs, int flags, zsi_metric *m)
{
    size_t tb = time_base_start(p, ws, gs), e;
    if (tb >= gs)
        return 0;
    e = zsi_strip_adverbs(p, ws, tb);
    return subject_ending_at(p, ws, e, gs, flags, m) ||
           (!(flags & MB_MONEY) && e > ws && zsi_verbal_subject_m(p, ws, e, 0, 1, m));
}

/*
 * May the noun phrase p[s..e) before a [link] verb name what it amounts to?
 * Not when its last word is an adjective of jieba's (最便宜只要10元: the
 * cheapest of something named before), nor when a digit stands right before
 * it (40英寸要6000元: a measure of a thing named apart, not the thing).
 */
static int subject_names(const char *p, size_t ws, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX];
    unsigned cp = 0;
    int w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    if (w > 0 && tg[w - 1] == 'a')
        return 0;
    if (s > ws) {
        zsi_utf8_before(p, s, &cp);
    }
    return !zsi_is_digit_cp(cp);
}

/*
 * 毛利甚至高达40%, 债权总计约3亿元: the bare noun phrase before the adverbs,
 * time words and [link] verbs that end p[ws..we), when there are such words
 * (not a place alone, nor the base of a comparison). @return 1 found (m's
 * noun set), 0 none (m's noun left empty).
 */
int zsi_subject_past_links(const char *p, size_t ws, size_t we, int flags, zsi_metric *m)
{
    size_t e = strip_tail(p, ws, we, 1);
    if (e >= we || e <= ws || zsi_all_filler(p, e, we) || !subject_ending_at(p, ws, e, we, flags, m))
        return 0;
    if (!subject_names(p, ws, m->at.s, m->at.e)) {
        m->norm[0] = m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    return 1;
}

/* Does the phrase at b open its clause's words: at ws, after punctuation or
 * after 的? Not after another Han word, which the reader may have cut off
 * (光源建安|工程: 建安 is also a place name, where the reader stops). */
static int opens_phrase(const char *p, size_t ws, size_t b)
{
    unsigned cp;
    if (b <= ws)
        return 1;
    zsi_utf8_before(p, b, &cp);
    return !zsi_m_is_han(cp) || cp == 0x7684; /* 的 */
}

/*
 * 建安工程完成11%, 春播已完成九成, 订货指标只完成了70%: a rate right after
 * 完成 (and 了) is the part of the work done; the bare noun phrase before
 * 完成, past adverbs and time words, names the work (not a place alone, nor
 * the base of a comparison, nor an adjective: 最好的完成了), when it stands
 * at the clause start, after punctuation or after 的 (not 建安|工程, a front
 * the reader may have cut). Only filler may stand
 * between 完成 (了) and the figure at we.
 * @return 1 found (m's noun set), 0 none (m's noun left empty).
 */
int zsi_work_done_subject(const char *p, size_t ws, size_t we, int flags, zsi_metric *m)
{
    static const char done[] = "\xE5\xAE\x8C\xE6\x88\x90"; /* 完成 */
    size_t e = we, gs;
    if (e >= ws + 3 && memcmp(p + e - 3, "\xE4\xBA\x86", 3) == 0) /* 了 */
        e -= 3;
    if (e < ws + 6 || memcmp(p + e - 6, done, 6) != 0 || !zsi_all_filler(p, e, we))
        return 0;
    gs = zsi_strip_adverbs(p, ws, e - 6);
    if (gs <= ws || !zsi_np_before_mb(p, ws, gs, flags, m->norm, m->raw, &m->at))
        return 0;
    if (zsi_only_place(m->raw) || zsi_compared_base(p, ws, m->at.s) ||
        !subject_names(p, ws, m->at.s, m->at.e) || !opens_phrase(p, ws, m->at.s)) {
        m->norm[0] = m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    return 1;
}
