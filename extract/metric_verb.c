/*
 * metric_verb.c - the verb right before a figure that names it when no noun
 * does (投入2500万元, 一天能挣180元, 所花的40多万元, 医保支付): a verb of the
 * lexicon after its subject or an adverb, a one-character verb before a sum,
 * 所 and a verb before 的; never a word the data calls no metric.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <ctype.h>
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* A verb of wordclass.txt (投入, 获益), or a verb-noun (出资, 共同|出资):
 * zsi_verb_before takes neither after a common noun, where it may be a noun
 * phrase's tail (设计|服务, 产品|销售), not its verb. */
static int is_verb_word(const char *p, size_t s, size_t e)
{
    return zsi_is_class_stop(p, s, e) || zsi_is_vnoun(p, s, e);
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
    return zsi_in_set(set, sizeof set - 1, cp);
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
        if (cp != ' ' && !zsi_in_set(set, sizeof set - 1, cp))
            return 0;
    }
    return 1;
}

/* Is p[vs..b) one character that data/metrics.tsv's [verbform] names a sum
 * by (投 -> 投资, 掏 -> 花费)? Such a verb names the sum whatever jieba's tag
 * of it alone: it files 投 as a verbal noun (vn) and 掏 as z, though before
 * a sum both are verbs (又投3亿元, 只掏了600元). */
static int verbform_char(const char *p, size_t vs, size_t b)
{
    return zsi_nchars(p, vs, b) == 1 && zsi_whole_in(MSEC_VERBFORM, p, vs, b);
}

/*
 * 一天能挣180元, 挣了将近两万元, 纯挣4000多元, 少花2.93亿: a verb of one
 * character (a word of ICU's and jieba's v, or of [verbform]) ending at b,
 * right before an amount of money in p[..we) after 了 or a hedge, is what the sum was
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
    if (vs < ws || !(zsi_one_char_tagged(p, vs, b, 'v') || verbform_char(p, vs, b)) ||
        zsi_hedge_at(p, we, vs) ||
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
        if (pv >= ws && zsi_one_char_tagged(p, pv, vs, 'a'))
            return pv;
        /* 网|购, 百|胜: after a one-character noun or numeral the verb
         * ends a compound or a name; not a verb of [verbform] after a
         * unit of time (2021年|赚了, 每月|挣), which says when the sum was
         * made (年|入 stays a compound: 入 is no such verb) */
        if (pv >= ws && zsi_nchars(p, pv, vs) == 1 &&
            !(verbform_char(p, vs, b) && zsi_whole_in(MSEC_TIMEUNIT, p, pv, vs)) &&
            (zsi_one_char_tagged(p, pv, vs, 'n') || zsi_one_char_tagged(p, pv, vs, 'm')))
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
static int suo_verb_before(const char *p, size_t ws, size_t d, char *norm, char *raw, zsi_span *at)
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
    size_t st[2], pq, pp;
    char tg[2];
    const zsi_words *w = zsi_mplaces();
    size_t row;
    if (zsi_nchars(p, pv, vs) != 2 || zsi_lex_cut(p, pv, vs, st, tg, 1) != 1 || tg[0] != 'n' ||
        zsi_is_stop_word(p, pv, vs) || zsi_is_class_stop(p, pv, vs))
        return 0;
    if ((w && (zsi_words_find(w, p + pv, vs - pv, &row) & (ZSW_PLACE_ | ZSW_NAME_))) ||
        zsi_in_set(inst, sizeof inst - 1, zsi_cp_at(p, vs - zsi_utf8_prev(p, vs), vs)))
        return 0;
    if (pv <= ws || pv <= wb->s)
        return 1;
    /* 克服种种|困难|出资, 通过|财政|贴息: after a numeral, a classifier, a
     * determiner or a preposition (jieba's m, q, b, p) the noun refers to
     * things, the object of the word before it; so does a noun after one
     * noun character after it (为|村|集体|增收: 村集体, whom the sum is
     * for; 村 is no noun word, so the run of nouns above stopped at it) */
    pq = zsi_wb_le(wb, pv - 1);
    if (pq < ws || zsi_lex_cut(p, pq, pv, st, tg, 1) != 1 || !tg[0])
        return 1;
    if (strchr("mqbp", tg[0]))
        return 0;
    if (zsi_nchars(p, pq, pv) != 1 || !strchr("nzg", tg[0]) || pq <= ws || pq <= wb->s)
        return 1;
    pp = zsi_wb_le(wb, pq - 1);
    return !(pp >= ws && zsi_lex_cut(p, pp, pq, st, tg, 1) == 1 && tg[0] == 'p');
}

static int verb_before(const char *p, size_t ws, size_t we, int money, char *norm, char *raw,
                       zsi_span *at)
{
    zsi_wbounds wb;
    size_t b = we, vs, lo;
    int spend;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    while (b > ws) { /* 投入约, 获益近: hedges and filler */
        unsigned cp;
        size_t l = zsi_utf8_before(p, b, &cp);
        if (!zsi_is_filler(cp) && cp != ' ')
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
    vs = zsi_word_span(&wb, p, ws, vs, b, ZSW_STOP_); /* 捐|资 */
    if (money && vs >= ws && zsi_nchars(p, vs, b) == 1)
        return copy_verb(p, one_char_verb(&wb, p, ws, b, we), b, norm, raw, at);
    spend = money && zsi_whole_in(MSEC_SPEND, p, vs, b);
    if (vs < ws || zsi_nchars(p, vs, b) < 2 || !zsi_all_run(p, vs, b) ||
        (!is_verb_word(p, vs, b) && !spend) ||
        zsi_has_numeral(p, vs, b) || !memcmp(p + vs, "\xE6\xAF\x8F", 3) || /* 每桶, 每天: a unit */
        zsi_hedge_at(p, b, vs)) /* 约合, 超过: a hedge says how large, not what */
        return 0;
    /* 提供金融|支持65亿元: after a common noun the verb may be a compound's
     * tail; only a verb after its subject or an adverb names the figure */
    if (vs > ws && vs > wb.s) {
        size_t pv = zsi_wb_le(&wb, vs - 1);
        pv = zsi_noun_span(&wb, p, ws, pv, vs);
        if (pv >= ws && zsi_is_noun_word(p, pv, vs)) {
            size_t q = pv; /* the start of the run of nouns (产权|单位) */
            while (q > wb.s && q > ws) {
                size_t pq = zsi_noun_span(&wb, p, ws, zsi_wb_le(&wb, q - 1), q);
                if (pq < ws || pq >= q || !zsi_is_noun_word(p, pq, q))
                    break;
                q = pq;
            }
            /* 公司投入2500万元, 轻纺集团实际投入3亿元: before an amount of
             * money a plain verb is the predicate of the noun before it,
             * which is its subject or its modifier (实际), not a compound
             * the verb ends: a sum is paid, invested or raised, and the verb
             * says which (a rate after a verb is a change: 萎缩5.3%). So is
             * a verb of [spend] jieba files as a noun (某公司出资, 出资 n):
             * the list names sums paid or raised whatever the tag, and a
             * compound it ends (产业投资) was read as a noun before this;
             * but the noun before it is then the payer (计划|出资,
             * 先生|节省), never the kind of sum */
            int plain = zsi_quantified(p, q) || (money && plain_verb(p, vs, b));
            if (!plain && !spend)
                return 0;
            if (money && plain && q == pv && kind_noun(&wb, p, ws, pv, vs))
                vs = pv; /* 产业|投入, 医保|支付 */
        }
    }
    /* not a word the data calls no metric: 获得, 提供 ([stop]), 实现, 累计
     * ([strip]: but a verb of [spend] there names the sum it pays alone,
     * 下拨500万元, though the normal form drops it before its object), 增长
     * ([change]), 但是 ([conj]), 可望 ([guess]: a hope before the verb, the
     * figure's subject is before it) */
    if ((zsi_match_ending(zsi_mset(MSEC_STOP), p, vs, b) && !spend) ||
        zsi_whole_in(MSEC_GUESS, p, vs, b) ||
        (zsi_match_ending(zsi_mset(MSEC_STRIP), p, vs, b) &&
         !zsi_match_ending(zsi_mset(MSEC_SPEND), p, vs, b)) ||
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

/* 捐赠人民币3000万元: where a sum's verb ends when the currency's name
 * 人民币 stands between them (the sum restates it, as 3亿元人民币 does after
 * it): before it; else we. */
static size_t currency_before(const char *p, size_t ws, size_t we)
{
    static const char rmb[] = "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81"; /* 人民币 */
    return we >= ws + 9 && memcmp(p + we - 9, rmb, 9) == 0 ? we - 9 : we;
}

int zsi_verb_before_money(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    /* 折合人民币, 合人民币: across the currency only a verb of [spend] names
     * the sum (捐赠, 出资); others convert it */
    if (currency_before(p, ws, we) != we)
        return zsi_verb_before_spend(p, ws, we, norm, raw, at);
    return verb_before(p, ws, we, 1, norm, raw, at);
}

int zsi_verb_before_spend(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    if (verb_before(p, ws, currency_before(p, ws, we), 1, norm, raw, at) != 1)
        return 0;
    if (at && at->s < at->e && zsi_match_ending(zsi_mset(MSEC_SPEND), p, at->s, at->e))
        return 1;
    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    return 0;
}

/*
 * 提供1000万元|国际援助, 签订261亿元|订单, 凑了50元|钱: does p[ws..we),
 * the words before an amount of money, end in a verb whose object is the
 * sum and the noun printed after it? A plain verb of jieba's (v: its
 * likeliest cut is that one word), after 了 at most, with a word boundary
 * of ICU's before it; not a verb that links a subject to its level (是,
 * 有, 为, [level] 达到, [link] 需要), a change ([change], [changeform]:
 * 增长, 狂降) or a saying verb (显示): before those the sum is no object.
 */
int zsi_verb_takes_sum(const char *p, size_t ws, size_t we)
{
    zsi_wbounds wb;
    size_t b = we, vs, st[3];
    char tg[3];
    if (zsi_metric_data() != 0)
        return 0;
    while (b > ws) {
        unsigned cp;
        size_t l = zsi_utf8_before(p, b, &cp);
        if (cp != 0x4E86 && cp != ' ') /* 了 */
            break;
        b -= l;
    }
    if (b <= ws)
        return 0;
    zsi_tail_words(&wb, p, ws, we);
    if (verb_le(&wb, p, ws, b))
        vs = b - 3; /* 花了: ICU's one word */
    else if (zsi_wb_is(&wb, b) && b > wb.s)
        vs = zsi_wb_le(&wb, b - 1);
    else
        return 0;
    if (vs < ws || vs < wb.s || !zsi_all_run(p, vs, b) || zsi_lex_cut(p, vs, b, st, tg, 2) != 1 ||
        tg[0] != 'v' || zsi_hedge_at(p, b, vs))
        return 0;
    if (zsi_whole_in(MSEC_LEVEL, p, vs, b) || zsi_whole_in(MSEC_LINK, p, vs, b) ||
        zsi_whole_in(MSEC_SAYING, p, vs, b) || zsi_match_ending(zsi_mset(MSEC_CHANGE), p, vs, b) ||
        zsi_match_ending(zsi_mset(MSEC_CHANGEFORM), p, vs, b) || zsi_all_filler(p, vs, b))
        return 0;
    {
        /* 是, 有, 为 link a subject to its level; 数 before a sum is
         * its numeral (数百万元: several million), no verb */
        static const char link[] = "是有为数";
        unsigned cp;
        if (zsi_nchars(p, vs, b) == 1 && (zsi_utf8_decode(p + vs, b - vs, &cp), 1) &&
            zsi_in_set(link, sizeof link - 1, cp))
            return 0;
    }
    return 1;
}

int zsi_sum_object_after(const char *p, size_t fe, size_t ce, size_t n, char *norm, char *raw,
                         zsi_span *at)
{
    /* a verb after the noun may take it as its subject, or go on naming
     * it (专项|补助): only a noun that ends there */
    static const char ends[] = "的和与及等";
    static const char rmb[] = "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81"; /* 人民币 */
    unsigned cp;
    int rc;
    /* a class (10亿美元|级别) or a mark the sum reaches (跌破1500美元|关口,
     * [mark]) names no thing the sum is */
    if (zsi_grade_after(p, fe, ce))
        return 0;
    if (zsi_match_at(zsi_mset(MSEC_MARK), p, fe, ce))
        return 0;
    rc = zsi_share_noun_after(p, fe, ce, norm, raw, at);
    if (rc <= 0)
        return rc;
    /* with no 的 between, a first word of an adjective or an idiom may be
     * a verb jieba files so (清理|垃圾: the sum's purpose, not its name) */
    if (at->s == fe) {
        size_t st[ZSI_LEX_CUT_MAX + 1];
        char tg[ZSI_LEX_CUT_MAX + 1];
        int w = zsi_lex_cut(p, at->s, at->e, st, tg, ZSI_LEX_CUT_MAX);
        if (w == 0 || strchr("avlid", tg[0])) {
            norm[0] = raw[0] = '\0';
            zsi_span_clear(at);
            return 0;
        }
    }
    /* the noun ends at the clause's end, a mark or 的, 和 ...: not before
     * a digit or a letter (年产|30万台, 节能环保|LED灯: it goes on) nor a
     * list's comma (餐饮、体育…电子消费券: one kind of what follows); not
     * a bare level of [heads] (千亿元|门槛: whose level, it does not say) */
    cp = at->e < n ? zsi_cp_at(p, at->e, n) : 0; /* ce may be the next figure's start */
    if (strncmp(raw, rmb, sizeof rmb - 1) != 0 && !zsi_whole_in(MSEC_HEADS, p, at->s, at->e) &&
        (!cp || zsi_in_set(ends, sizeof ends - 1, cp) ||
         (!zsi_m_is_han(cp) && !zsi_is_digit_cp(cp) && cp != 0x3001 /* 、 */ &&
          !(cp < 0x80 && isalpha((int)cp)) && !(cp >= 0xFF21 && cp <= 0xFF5A))))
        return 1;
    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    return 0;
}
