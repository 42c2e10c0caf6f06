/*
 * metric_change.c - the change word before a figure (增长, 同比下降, 狂降) and
 * what it says about the figure: a change to a new level (提高至), the old
 * value of a from-to change (由去年的40%), a change known by its form alone
 * (压|减), one reckoned against a base (同比分别增长), a rate noun (涨幅) with
 * the words that may stand between it and its figure, a bare comparative
 * (偏多) that names no subject. Apart from metric.c because these read the
 * change word itself; metric_before() decides what changes.
 *
 * Invariants: allocates nothing; reads only p[ws..we) of the clause.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Does p[s..e) hold 至 or 到 (a change to a new level: 提高至68.57%)? Not
 * the 到 of 达到, which links as 为 does (降幅达到60%: the rate itself). */
int zsi_has_to(const char *p, size_t s, size_t e)
{
    size_t s0 = s;
    while (s < e) {
        unsigned cp;
        size_t at = s;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (cp == 0x81F3 || (cp == 0x5230 && !(at >= s0 + 3 && memcmp(p + at - 3, "\xE8\xBE\xBE", 3) == 0)))
            return 1; /* 至, 到 (not after 达) */
    }
    return 0;
}

/* Is word i of a cut (starts st, tags tg) a numeral or a time word (jieba's
 * m, t) or a run of digits? */
static int numeral_word(const char *p, const size_t *st, const char *tg, int i, size_t e)
{
    return (tg[i] && strchr("tm", tg[i])) || zsi_is_digit_cp(zsi_cp_at(p, st[i], e));
}

/*
 * 从3年前的5%, 由目前的40%, 从原来的7万元, 从2月的205亿澳元: is p[s..e) a
 * time and the 的 that makes it the figure's (a time of the figure: the
 * start of a change from it, as 从2013年的 is)? By jieba's most likely
 * cut, every word before the 的 a time word (t: 目前, 去年, 最初), a
 * numeral (m: 两年), a direction (f: 前, 之前) or an adverb of time (d:
 * 原来, 原先), or a digit date; at most 8 characters. After a numeral or a
 * time word (or digits: numeral_word), a word of [stop] is its unit or its
 * scope, though jieba files it a noun (3月份, 2018年度, 去年同期), and
 * digits before such a word are its numeral (10|月|中旬): 从3月份的66%,
 * 由去年10月中旬的2万元; only when unit is set.
 */
static int time_de(const char *p, size_t s, size_t e, int unit)
{
    size_t st[9], k;
    char tg[8];
    int w, i;
    if (e < s + 6 || memcmp(p + e - 3, "\xE7\x9A\x84", 3) != 0) /* 的 */
        return 0;
    e -= 3;
    if (zsi_all_filler(p, s, e))
        return 1;
    k = zsi_nchars(p, s, e);
    if (k > 8 || (w = zsi_lex_cut(p, s, e, st, tg, 8)) <= 0)
        return 0;
    for (i = 0; i < w; i++)
        if (!strchr("tmfdq", tg[i]) && !zsi_all_filler(p, st[i], st[i + 1]) &&
            !(unit && i > 0 && numeral_word(p, st, tg, i - 1, e) &&
              zsi_whole_in(MSEC_STOP, p, st[i], st[i + 1])) &&
            !(unit && i + 1 < w && numeral_word(p, st, tg, i, e) &&
              zsi_whole_in(MSEC_STOP, p, st[i + 1], st[i + 2])))
            return 0;
    return 1;
}

/* 依存度由去年的40%下降到35%, 从2亿元增加到5亿元: a 由 or 从 standing as a
 * word with only filler (a date, 的) or a time and its 的 (time_de:
 * 由原来的, 从上一年的) between it and the figure opens a
 * from-to change; the figure is the old value of the subject before it, so
 * the window ends before the 由. A 由 or 从 that opens the clause cuts it to
 * nothing (利润率，从2月的26%降到…): the subject is the earlier clause's.
 * @return the window's new end, or we. */
size_t zsi_from_cut(const char *p, size_t ws, size_t we)
{
    size_t q, at = we, a, b;
    /* a time's unit or scope (time_de's unit) only after words that name a
     * subject in the clause (产品增幅从3月份的…): a 从 that opens it makes
     * the figure an earlier subject's, which the time words do not settle
     * (…，从9月3日的2730元/吨到…, after a figure some words before named
     * wrongly, or none) */
    for (q = ws; q + 3 <= we; q++)
        if ((!memcmp(p + q, "\xE7\x94\xB1", 3) || !memcmp(p + q, "\xE4\xBB\x8E", 3)) && /* 由 从 */
            (zsi_all_filler(p, q + 3, we) ||
             time_de(p, q + 3, we, !zsi_names_nothing(p, zsi_skip_conj(p, ws, q), q))))
            at = q;
    if (at < we && at >= ws) {
        zsi_wbounds wb;
        size_t lo = at > ws + 12 ? at - 12 : ws;
        while (lo > ws && (p[lo] & 0xC0) == 0x80)
            lo--;
        zsi_wb_compute(&wb, p, lo, we);
        if (zsi_wb_is(&wb, at) && zsi_wb_is(&wb, at + 3))
            return at;
        /* 失业率|由: ICU reads 率由 as one (a literary word); jieba's likeliest
         * cut, which knows 失业率, has the 由 a word of its own */
        if (!zsi_lex_inside(p, lo, at, we, &a, &b) && !zsi_lex_inside(p, lo, at + 3, we, &a, &b))
            return at;
    }
    return we;
}

/* The code point at p[b] (b < e). */
static unsigned first_cp(const char *p, size_t b, size_t e)
{
    unsigned cp;
    zsi_utf8_decode(p + b, e - b, &cp);
    return cp;
}

/* Does a piece at p[b] stand where a verb may start: at the window's start,
 * after a character of no run, or after filler (已狂|降, not 扁平材|跌, where
 * the piece may end a noun)? */
static int opens_verb(const char *p, size_t ws, size_t b)
{
    size_t l;
    if (b <= ws)
        return 1;
    l = zsi_utf8_prev(p, b);
    return !zsi_is_run_char(first_cp(p, b - l, b)) || zsi_all_filler(p, b - l, b);
}

/*
 * A change word of [changeform] ending at p[s..s+3), with only filler after
 * it up to we: the word holding it by ICU's break is that character alone or
 * it and one Han character before (not 新增, which names what is new, a
 * [strip] word), and no word of the lexicon runs on past it. *gs receives the
 * word's start. @return the form, or NULL.
 */
const zsi_phrase *zsi_change_by_form(const char *p, size_t ws, size_t s, size_t we, size_t *gs)
{
    size_t i, lo, b, ls, le;
    const zsi_phrase *f = NULL;
    zsi_wbounds wb;
    const zsi_phrase_set *cf = zsi_mset(MSEC_CHANGEFORM);
    /* data/metrics.tsv [changeform]: one character each (a longer line
     * would be a [change] word) */
    for (i = 0; i < cf->n; i++)
        if (cf->v[i].len == 3 && s + 3 <= we && memcmp(p + s, cf->v[i].s, 3) == 0)
            f = &cf->v[i];
    if (!f || !zsi_all_filler(p, s + 3, we))
        return NULL;
    lo = s > ws + 9 ? s - 9 : ws;
    while (lo > ws && (p[lo] & 0xC0) == 0x80)
        lo--;
    zsi_wb_compute(&wb, p, lo, we);
    if (!zsi_end_ok(&wb, p, s + 3, we))
        return NULL;
    b = zsi_wb_le(&wb, s);
    if (b + 3 < s || (b < s && (b < ws || !zsi_m_is_han(first_cp(p, b, s)))))
        return NULL; /* inside a longer word */
    if (b == s && s >= ws + 3 && s - 3 >= wb.s && zsi_wb_le(&wb, s - 1) == s - 3 &&
        zsi_m_is_han(first_cp(p, s - 3, s)) && !zsi_all_filler(p, s - 3, s) &&
        !zsi_is_stop_word(p, s - 3, s) && !zsi_is_noun_word(p, s - 3, s) &&
        (zsi_lex_inside(p, s - 3, s, s + 3, &ls, &le) || zsi_is_class_stop(p, s - 3, s) ||
         opens_verb(p, ws, s - 3)))
        b = s - 3; /* 压|减, 已狂|降: ICU cuts a verb it lacks into its characters
                    * (not 扁平材|跌, where the piece may end a noun) */
    if (b < s && memcmp(p + b, "\xE6\x96\xB0", 3) == 0) /* 新 */
        return NULL;
    if (zsi_lex_inside(p, wb.s, s + 3, we, &ls, &le))
        return NULL; /* 增值, 降水: the lexicon's word goes on */
    *gs = b;
    return f;
}

/* Does p[s..e) end in a unit of dates: 年, 月, 日, 周, or 季度? */
static int date_unit_end(const char *p, size_t s, size_t e)
{
    static const char units[] = "\xE5\xB9\xB4\xE6\x9C\x88\xE6\x97\xA5\xE5\x91\xA8"; /* 年月日周 */
    size_t k;
    if (e >= s + 6 && memcmp(p + e - 6, "\xE5\xAD\xA3\xE5\xBA\xA6", 6) == 0) /* 季度 */
        return 1;
    for (k = 0; e >= s + 3 && k + 3 <= sizeof units - 1; k += 3)
        if (memcmp(p + e - 3, units + k, 3) == 0)
            return 1;
    return 0;
}

/* Do only time words name p[s..e) by jieba's likeliest cut: filler, words
 * tagged t (年底, 今年, 上半年), a numeral word that ends in a date unit
 * (一季度), and a run of digits with the word after it when that starts with
 * a unit of dates (3|月份, 2020|年底, 2018|年)? */
static int time_words(const char *p, size_t s, size_t e)
{
    static const char units[] = "\xE5\xB9\xB4\xE6\x9C\x88\xE6\x97\xA5\xE5\xAD\xA3"; /* 年月日季 */
    size_t st[6];
    char tg[5];
    int w = zsi_lex_cut(p, s, e, st, tg, 5), i;
    if (w <= 0)
        return 0;
    for (i = 0; i < w; i++) {
        unsigned cp;
        size_t k;
        int unit = 0;
        if (tg[i] == 't' || zsi_all_filler(p, st[i], st[i + 1]) ||
            (tg[i] == 'm' && date_unit_end(p, st[i], st[i + 1])))
            continue;
        zsi_utf8_decode(p + st[i], st[i + 1] - st[i], &cp);
        if (i + 1 >= w || cp >= 0x80 || cp < '0' || cp > '9' || st[i + 2] - st[i + 1] < 3)
            return 0;
        for (k = 0; k + 3 <= sizeof units - 1; k += 3)
            unit |= memcmp(p + st[i + 1], units + k, 3) == 0;
        if (!unit)
            return 0;
        i++; /* the unit's word */
    }
    return 1;
}

/* Is the ICU word p[s..e) one that names nothing alone: of wordclass.txt's
 * class stop (直接, 已经), or of a guess ([guess]: 预计, 有望), which
 * jieba makes a verb-noun (预计) or a verb but stands where an adverb
 * does (2025年预计达8亿元)? */
static int nothing_word(const char *p, size_t s, size_t e)
{
    return zsi_is_class_stop(p, s, e) || zsi_whole_in(MSEC_GUESS, p, s, e);
}

/* Does p[s..e) name nothing: empty, or only filler, time words and words of
 * wordclass.txt's class stop (adverbs, verbs, time words: 直接, 已经, 3月份)
 * or of a guess (预计)? */
int zsi_names_nothing(const char *p, size_t s, size_t e)
{
    zsi_wbounds wb;
    size_t lo = s;
    if (zsi_all_filler(p, s, e))
        return 1;
    if (zsi_nchars(p, s, e) > MAX_WB_CHARS)
        return 0;
    zsi_wb_compute(&wb, p, lo, e);
    if (wb.s != s)
        return 0;
    while (s < e) {
        size_t s2 = zsi_wb_gt(&wb, s), s3;
        if (zsi_all_filler(p, s, s2) || nothing_word(p, s, s2)) {
            s = s2;
            continue;
        }
        /* a time ICU cuts in two (3|月份, 2018|年, 一|季度): the words up to
         * the next stop word, read by jieba */
        for (s3 = s2; s3 < e; s3 = zsi_wb_gt(&wb, s3)) {
            size_t s4 = zsi_wb_gt(&wb, s3);
            if (nothing_word(p, s3, s4))
                break;
        }
        if (!time_words(p, s, s3))
            return 0;
        s = s3;
    }
    return 1;
}

/* Is the change word ch printed as a noun of a rate, ending in 幅 or 速
 * (涨幅, 降幅, 增速, 同比增速), not as a verb (增长, 下降)? As the subject of
 * its clause it names the figure even with adverbs and verbs between them
 * (涨幅预计为10%, 升幅将超过30%, 涨幅平均在5%左右), where a verb's figure
 * follows it with only filler between. */
int zsi_rate_noun(const zsi_phrase *ch)
{
    return ch->len >= 3 && (memcmp(ch->s + ch->len - 3, "\xE5\xB9\x85", 3) == 0 || /* 幅 */
                            memcmp(ch->s + ch->len - 3, "\xE9\x80\x9F", 3) == 0);  /* 速 */
}

/* Is p[s..e) one of ICU's words of 在 after filler or 皆 (都在, 均在, 约在,
 * 皆在: all, about at), which says where a rate stands as 在 alone does?
 * Only before a percent: a rate noun before a sum (涨幅都在5元) is how
 * much a price moved, which the sum's own reading names. */
static int at_word(const char *p, size_t s, size_t e)
{
    if (e < s + 6 || memcmp(p + e - 3, "\xE5\x9C\xA8", 3) != 0) /* 在 */
        return 0;
    for (e -= 3; s < e;) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (!zsi_is_filler(cp) && cp != 0x7686) /* 皆 */
            return 0;
    }
    return 1;
}

/* Do only words that name nothing stand in p[s..e), between a rate noun and
 * its figure: filler, verbs and adverbs of wordclass.txt (its class stop and
 * the verb-nouns, 预计), 平均, the adverb "on average" (涨幅平均在5%), and
 * with at set 在 after filler (涨幅都在5%: at_word)? */
int zsi_rate_link(const char *p, size_t s, size_t e, int at)
{
    zsi_wbounds wb;
    const zsi_words *w = zsi_mplaces();
    if (zsi_all_filler(p, s, e))
        return 1;
    if (!w || zsi_nchars(p, s, e) > MAX_WB_CHARS)
        return 0;
    zsi_wb_compute(&wb, p, s, e);
    if (wb.s != s)
        return 0;
    while (s < e) {
        size_t s2 = zsi_wb_gt(&wb, s), row;
        unsigned fl = zsi_words_find(w, p + s, s2 - s, &row);
        if (!zsi_all_filler(p, s, s2) && !(fl & (ZSW_STOP_ | ZSW_VNOUN_)) && !(at && at_word(p, s, s2)) &&
            !(s2 - s == 6 && memcmp(p + s, "\xE5\xB9\xB3\xE5\x9D\x87", 6) == 0)) /* 平均 */
            return 0;
        s = s2;
    }
    return 1;
}

/* Does p[s..e) hold only filler and the 比 of a comparison with a time (比上月,
 * 比上年同期: their time words are filler)? Such words name no subject. */
int zsi_filler_or_than(const char *p, size_t s, size_t e)
{
    while (s < e) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, e - s, &cp);
        if (cp != 0x6BD4 && !zsi_all_filler(p, s, s + l)) /* 比 */
            return 0;
        s += l;
    }
    return 1;
}

/* Is p[s..e) a bare comparative before a figure: filler, a 比 with a time,
 * and 多, 少, 高 or 低 (with 偏 before it, 增 or 减 after it: 比上月多,
 * 偏多, 同比多增, 高达)? It names no subject: what is more is the subject
 * named before (蓄水16亿立方米，偏多9%). */
int zsi_bare_comparative(const char *p, size_t s, size_t e)
{
    static const char more[] = "\xE5\xA4\x9A\xE5\xB0\x91\xE9\xAB\x98\xE4\xBD\x8E"; /* 多少高低 */
    static const char also[] = "\xE5\x81\x8F\xE5\xA2\x9E\xE5\x87\x8F";             /* 偏增减 */
    int seen = 0;
    while (s < e) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, e - s, &cp), i;
        int hit = 0;
        for (i = 0; l == 3 && i + 3 <= sizeof more - 1; i += 3)
            if (memcmp(p + s, more + i, 3) == 0)
                hit = seen = 1;
        for (i = 0; l == 3 && i + 3 <= sizeof also - 1; i += 3)
            if (memcmp(p + s, also + i, 3) == 0)
                hit = 1;
        if (!hit && !zsi_filler_or_than(p, s, s + l))
            return 0;
        s += l;
    }
    return seen;
}

/* Does the change word at gs (a Han character at least) start by saying
 * what it is reckoned against (同比, 环比, 比上年, 较去年)? */
int zsi_compared_now(const char *p, size_t gs)
{
    static const char set[] = "同环比较";
    return zsi_in_set(set, sizeof set - 1, zsi_cp_at(p, gs, gs + 3));
}

/*
 * 汽车产销同比分别增长5%和6%: 分别 between 同比 (or 环比) and the change
 * verb at p[gs..ge) leaves the change reckoned against a base all the same.
 * When 同比分别 or 环比分别 stands right before it and [change] holds 同比
 * (环比) with the verb as one word (同比增长), that word names the change,
 * printed from 同比 on; *cs receives where 同比 starts.
 * @return the [change] word, or NULL when there is none.
 */
const zsi_phrase *zsi_compared_apart(const char *p, size_t ws, size_t gs, size_t ge, size_t *cs)
{
    char buf[64];
    const zsi_phrase *k;
    size_t n = ge - gs;
    if (gs < ws + 12 || n + 6 > sizeof buf || memcmp(p + gs - 6, "\xE5\x88\x86\xE5\x88\xAB", 6) != 0)
        return NULL; /* 分别 */
    if (memcmp(p + gs - 12, "\xE5\x90\x8C\xE6\xAF\x94", 6) != 0 && /* 同比 */
        memcmp(p + gs - 12, "\xE7\x8E\xAF\xE6\xAF\x94", 6) != 0)   /* 环比 */
        return NULL;
    memcpy(buf, p + gs - 12, 6);
    memcpy(buf + 6, p + gs, n);
    k = zsi_match_at(zsi_mset(MSEC_CHANGE), buf, 0, n + 6);
    if (!k || k->len != n + 6)
        return NULL;
    *cs = gs - 12;
    return k;
}

/*
 * 利润总额1010亿元，增长率为30.8%: is the metric m a rate noun alone, a
 * change word of [change] and 率 (增长率), printed p[m->at) in the clause
 * p[ws..we) with only words that name nothing before it and link words after
 * it (为, 将达到)? Then it names no subject: what grows is the subject named
 * before, as after a bare 增幅 (change_of_subject). m's noun becomes its
 * change word, and m refers back. @return 1 so, 0 not (m unchanged).
 */
int zsi_rate_noun_alone(const char *p, size_t ws, size_t we, zsi_metric *m)
{
    const zsi_phrase *k;
    size_t n = strlen(m->raw);
    if (zsi_metric_data() != 0 || m->change[0] || n < 9 || strcmp(m->norm, m->raw) != 0 ||
        memcmp(m->raw + n - 3, "\xE7\x8E\x87", 3) != 0 || /* 率 */
        m->at.e <= m->at.s || m->at.e - m->at.s != n || m->at.s < ws || m->at.e > we)
        return 0;
    k = zsi_match_at(zsi_mset(MSEC_CHANGE), m->raw, 0, n - 3);
    if (!k || k->len != n - 3 || !zsi_names_nothing(p, ws, m->at.s) ||
        !zsi_rate_link(p, m->at.e, we, 1))
        return 0;
    memcpy(m->change, m->norm, n + 1);
    memcpy(m->change_raw, m->raw, n + 1);
    m->change_at = m->at;
    m->norm[0] = m->raw[0] = '\0';
    zsi_span_clear(&m->at);
    m->refer = 1;
    return 1;
}
