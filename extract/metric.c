/*
 * metric.c - the metric phrase that names a figure ("签约金额135.34亿元" ->
 * 签约金额), found in the words before the figure in its clause, or right
 * after it ("8000元的产业扶持资金"); and whether the words between two figures
 * only link an old and a new value of one metric.
 *
 * Everything language-specific is data (data/metrics.tsv, metric_data.c): known
 * phrases and their normal forms, the suffixes that make an unknown run of
 * Han a metric, the words a run never crosses, the words stripped from its
 * front, the change words (增长, 同比下降) whose figure names the change of a
 * subject, the per-unit prefixes (亩均, 人均) that make a metric of their own,
 * and the conjunctions that start a new clause. The code decides which
 * candidate is nearest the figure (metric_noun.c) and where its edges are.
 *
 * Edges are words: a metric starts and ends on a boundary of ICU's dictionary
 * word break (metric_wb.c; so 科技型企业入库数量 never gives 型企业入库数量,
 * and the 率 of 率队 is no metric), except that it may end right before a
 * word that links it to its figure (收益率由1.97%..., where ICU takes 率由
 * for a word).
 *
 * This file holds metric_before(), which weighs the readings, and the entry
 * points figure.c asks; the readings are in their own files (metric_int.h):
 * the subject (metric_subject.c, metric_apart.c), the change word
 * (metric_change.c), the share 占 makes (metric_share.c), rates of change
 * (metric_rate.c), and a noun printed after the figure (metric_after.c).
 *
 * Invariants: norm and raw are always NUL-terminated and cut on a UTF-8
 * boundary; a lookup allocates nothing (see metric_int.h for the layers).
 */
#include <stdlib.h>
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Is the whole of s a place name (a division or a jieba ns word: 法国)? */
int zsi_only_place(const char *s)
{
    size_t row;
    const zsi_words *places = zsi_mplaces();
    return places && (zsi_words_find(places, s, strlen(s), &row) & ZSW_PLACE_);
}

int zsi_any_place(const char *s)
{
    return zsi_metric_data() == 0 && zsi_only_place(s);
}

int zsi_foreign_place(const char *p, size_t n)
{
    const zsi_words *places = zsi_metric_data() == 0 ? zsi_mplaces() : NULL;
    return places && zsi_words_has(places, p, n, ZSW_FOREIGN_);
}

/* X的Y: is the phrase r2[0..l2), found right before the figure, printed in
 * p[ne..we) right after a 的? Then it is the head of the 的 phrase and the
 * noun found before it (ending at ne) only its modifier: 实现稳定就业的贫困
 * 家庭达90% names 贫困家庭, not 稳定就业. */
static int de_head(const char *p, size_t ne, size_t we, const char *r2, size_t l2)
{
    size_t q;
    for (q = we; q >= ne + 3 + l2 && q - l2 >= ne + 3; q--)
        if (memcmp(p + q - l2, r2, l2) == 0)
            return memcmp(p + q - l2 - 3, "\xE7\x9A\x84", 3) == 0; /* 的 */
    return 0;
}

/* Does the longer phrase p[ps..pe) found before the figure hold the noun
 * found (p[ns..ne), inside it) as a clause does, with an adverb of jieba's
 * (d), the first word of its cut of the rest, right after the noun
 * (船价|都应该超过47万元, 毛利率|最多就是7%)? Then the noun is the subject
 * and the rest its predicate: the phrase names no more than the noun. Not
 * jieba's z words (仍, 较, but also 井, 车): nouns are among them. */
static int clause_after(const char *p, size_t ps, size_t pe, size_t ns, size_t ne)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX];
    if (ps > ns || ne >= pe)
        return 0;
    return zsi_lex_cut(p, ne, pe, st, tg, ZSI_LEX_CUT_MAX) >= 1 && tg[0] == 'd';
}

/*
 * 经济增长在8%左右, 业务增长都在30%以上, 增长速度保持在7%: a change word
 * used as the noun of its growth, 速度 or 率 after it at most, then
 * words that name nothing with a 在 among them (保持在, 都在) up to a
 * percent at e: the percent is where the growth stands, as after a rate
 * noun (涨幅在5%). Without the 在 the change word is a verb, and the
 * words after it may be its object.
 */
static int growth_at(const char *p, size_t s, size_t e)
{
    static const char at[] = "\xE5\x9C\xA8"; /* 在 */
    size_t q;
    unsigned cp;
    if (s + 6 <= e && !memcmp(p + s, "\xE9\x80\x9F\xE5\xBA\xA6", 6)) /* 速度 */
        s += 6;
    for (q = s; q + 3 <= e; q += zsi_utf8_decode(p + q, e - q, &cp))
        if (!memcmp(p + q, at, 3))
            break;
    return q + 3 <= e && zsi_rate_link(p, s, e, 1);
}

/*
 * metric_before()'s first step: the change word nearest the figure in
 * p[ws..we), with only filler after it (a rate noun may have link words
 * after it: 涨幅预计为); one known by its form alone (狂降) when flags has
 * MB_FORMS; 在 after filler links a rate noun (涨幅都在) but not before a sum
 * (MB_MONEY).
 * A step of its own because every later step reads its answer: a change
 * found decides the subject's reading. *gs..*ge receive its span;
 * m->by_form says whether it is known by its form.
 * @return the change word, or NULL when none (or it is inside a word).
 */
static const zsi_phrase *nearest_change(const char *p, size_t ws, size_t we, int flags,
                                        zsi_metric *m, size_t *gsp, size_t *gep)
{
    int forms = flags & MB_FORMS;
    size_t s, gs = 0, ge = 0, kill_e = 0;
    const zsi_phrase *best = NULL;
    zsi_wbounds wb;

    for (s = ws; s < we;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, we - s, &cp);
        if (cp >= 0x80) {
            const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_PHRASES), p, s, we);
            const zsi_phrase *ch = zsi_match_at(zsi_mset(MSEC_CHANGE), p, s, we);
            /* the 增加 of 增加值 changes nothing; but a phrase that is a
             * change word too (增速, 同比增速) with nothing named before it
             * in its clause is one: 营业收入100亿元，同比增速15% names the
             * revenue's rate (after a noun, 就业人员增速, the phrase stays) */
            if (k && s + k->len > kill_e &&
                !(ch && ch->len >= k->len && zsi_all_filler(p, zsi_skip_conj(p, ws, s), s)))
                kill_e = s + k->len;
            if (ch && s + ch->len > kill_e && s + ch->len > ge &&
                (zsi_all_filler(p, s + ch->len, we) ||
                 (zsi_rate_noun(ch) && zsi_rate_link(p, s + ch->len, we, !(flags & MB_MONEY))) ||
                 ((flags & (MB_LINKS | MB_MONEY)) == MB_LINKS && growth_at(p, s + ch->len, we)))) {
                m->by_form = 0;
                best = ch;
                gs = s;
                ge = s + ch->len;
            } else if (forms && !ch && s + 3 > kill_e && s + 3 > ge) {
                size_t fs;
                const zsi_phrase *f = zsi_change_by_form(p, ws, s, we, &fs);
                if (f && fs >= kill_e) {
                    best = f;
                    gs = fs;
                    ge = s + 3;
                    m->by_form = 1;
                }
            }
        }
        s += l;
    }
    if (best && !m->by_form) {
        size_t cs;
        const zsi_phrase *c2 = zsi_compared_apart(p, ws, gs, ge, &cs);
        if (c2) {
            best = c2;
            gs = cs;
        }
    }
    if (best) {
        size_t lo = gs > ws + 9 ? gs - 9 : ws;
        while (lo > ws && (p[lo] & 0xC0) == 0x80)
            lo--;
        zsi_wb_compute(&wb, p, lo, we);
        if (!zsi_wb_is(&wb, gs) || !zsi_end_ok(&wb, p, ge, we)) {
            best = NULL; /* inside a word */
            m->by_form = 0;
        }
    }
    *gsp = gs;
    *gep = ge;
    return best;
}

/*
 * 提高至68.57%, 增长到5亿元: a change word at p[gs..) followed by 至 or 到
 * names the new level, named by the noun before the change word. A step of
 * its own because a level is the subject's value, not its change: no change
 * word is kept. @return 1 named (m set), 0 none (m->refer when the subject
 * is the one named before).
 */
static int change_to_level(const char *p, size_t ws, size_t gs, const zsi_phrase *best, int flags,
                           zsi_metric *m)
{
    size_t cut, ne = gs, nl;
    m->adjacent = 1;
    if (!zsi_subject_noun(p, ws, gs, m->norm, m->raw, &m->at, &cut, &ne, NULL)) {
        /* 主要农作物自主选育品种提高到95%: a noun phrase no suffix
         * names; １９９６年就增加到13亿美元: none, so the subject is
         * the one named before, as for 增长5% below */
        if (zsi_np_before_mb(p, ws, gs, flags | MB_PRED, m->norm, m->raw, &m->at) ||
            (!zsi_rate_noun(best) && zsi_subject_past_adverbs(p, ws, gs, flags, m)))
            return 1;
        m->refer = 1;
        return 0;
    }
    /* 服务业增加值占全区生产总值的比重提高到55%: A's share */
    nl = strlen(m->raw);
    zsi_share_subject(p, ws, zsi_zhan_at(p, ws, gs), ne >= nl ? ne - nl : ws, m);
    return 1;
}

/*
 * 营业收入同比增长5%: the change word best at p[gs..ge) names the figure's
 * change, and what changes is the subject before it: a noun of the data, a
 * rate's owner, a bare noun phrase, one set apart by adverbs or a compared
 * time, an activity named by its verb; or none, and then the subject named
 * before (m->refer). A step of its own because a change's subject is read
 * with the change word as its predicate, not the figure. @return 1.
 */
static int change_of_subject(const char *p, size_t ws, size_t gs, size_t ge, const zsi_phrase *best,
                             int flags, zsi_metric *m)
{
    size_t cut;
    int obj = 0;
    zsi_copy_str(m->change, best->norm, best->nlen);
    zsi_copy_raw(m->change_raw, &m->change_at, p, gs, ge);
    m->decline = strstr(m->change, "\xE9\x99\x8D") || strstr(m->change, "\xE8\xB7\x8C"); /* 降 跌 */
    m->adjacent = 1;
    if (!zsi_subject_noun(p, ws, gs, m->norm, m->raw, &m->at, &cut, NULL, &obj) || obj) {
        if (obj) {
            /* 比去年同期增长8%: the noun is the base compared with */
            m->norm[0] = m->raw[0] = '\0';
            zsi_span_clear(&m->at);
            m->refer = !m->by_form;
            return 1;
        }
        if (!m->by_form && zsi_rate_noun(best) && zsi_rate_owner(p, ws, gs, flags, m))
            return 1; /* 该行业的增速: whose rate, before its 的 */
        /* 港口效率提升20%: a noun phrase no suffix names (not the
         * base of a comparison that opens the clause) */
        if (zsi_np_before_mb(p, ws, gs, flags | MB_PRED, m->norm, m->raw, &m->at)) {
            size_t bs = m->at.s;
            int than = zsi_after_than(p, ws, bs, gs);
            if (!zsi_compared_base(p, ws, bs) && !than)
                return 1;
            /* 油耗|比老式机型|下降15%: the noun phrase before 比 */
            if (than && zsi_np_before_mb(p, ws, bs - 3, flags, m->norm, m->raw, &m->at) &&
                !zsi_compared_base(p, ws, m->at.s))
                return 1;
            m->norm[0] = m->raw[0] = '\0';
            zsi_span_clear(&m->at);
        } else if (!zsi_rate_noun(best) && (zsi_subject_past_adverbs(p, ws, gs, flags, m) ||
                                            zsi_subject_before_time_base(p, ws, gs, flags, m))) {
            return 1;
        }
        if (!m->by_form && !(flags & MB_MONEY) &&
            zsi_verbal_subject_m(p, ws, gs, zsi_rate_noun(best), zsi_compared_now(p, gs), m))
            return 1; /* 专利申请|同比增长; of a sum, 为|企业|增加 */
        /* 增长5%, 普遍下降50%, 西部地区增长12.2%: the clause names no
         * metric, so what changes is the subject named before it (the
         * previous figure's, or an earlier clause's); a change word
         * alone names nothing. Not for a verb known by its form alone
         * (长材跌0.1%: ICU's pieces hide the noun, not an earlier one),
         * unless the clause opens with 比 or 较: then the words before
         * the verb are the base compared with (比节前涨7.2%) */
        m->refer = !m->by_form || zsi_filler_or_than(p, zsi_skip_conj(p, ws, gs), gs) ||
                   zsi_compared_base(p, ws, gs);
        /* 上涨幅度约10%, 下降幅度在8%以上: a change word with 幅度 after it
         * names the rate alone when its clause names no subject; an earlier
         * clause's is as often another thing's (采购商人数减少，下降幅度 after
         * 成交额 named before), and a bare rate beats a wrong subject */
        if (ge - gs > 6 && !memcmp(p + ge - 6, "\xE5\xB9\x85\xE5\xBA\xA6", 6)) /* 幅度 */
            m->refer = 0;
    }
    return 1;
}

/*
 * With no change word: the noun of the data nearest the figure in
 * p[ws..we) (or the subject before an adverbial), and what a 占 at z, a
 * rate's owner or a longer phrase around it make of it. A step of its own
 * because a noun the data names settles the metric before any bare phrase
 * is weighed. @return 1 named (m set), 0 only a base compared with is
 * named (m->refer), -1 no noun: the next steps decide.
 */
static int named_noun(const char *p, size_t ws, size_t we, size_t z, int flags, zsi_metric *m)
{
    size_t cut, ne = we;
    int obj = 0;
    if (zsi_subject_noun(p, ws, we, m->norm, m->raw, &m->at, &cut, &ne, &obj) && obj) {
        /* 比常年同期均值偏多两成: only the base compared with is named;
         * the subject is earlier, as for 仅为2% below */
        m->norm[0] = m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        m->refer = 1;
        return 0;
    }
    if (m->norm[0]) {
        size_t nl = strlen(m->raw), ns = ne >= nl ? ne - nl : ws;
        char n2[ZSI_METRIC_BYTES], r2[ZSI_METRIC_BYTES];
        zsi_span a2;
        if (zsi_owned_rate(p, ws, ns, ne, flags, m))
            return 1;
        if (zsi_share_subject(p, ws, z, ns, m) ||
            zsi_share_subject(p, ws, zsi_in_at(p, ws, ns, m), ns, m))
            return 1;
        if (z != NO_ZHAN && ns >= z + 3 && zsi_all_filler(p, zsi_skip_conj(p, ws, z), z) &&
            zsi_all_filler(p, z + (zsi_zhan_complement(p, z, ns) ? 6 : 3), ns)) {
            /* 升价品种79个，占总量约15%: a 占 that opens its clause with
             * only a bare total after it (总量, 全市总数) or a share word
             * (占工业投资比重) is a share of the subject before (as
             * 占全市约40% below), when one is named; a whole that is
             * named (占企业总数的86%, 占全省出口总额的6%) names the share:
             * a share is named by what it is a share of */
            m->share_of = zsi_ends_total(m->raw) ? zsi_bare_total(m->raw)
                                                 : zsi_match_ending(zsi_mset(MSEC_SHARE), m->norm,
                                                                    0, strlen(m->norm)) != NULL;
            if (!m->share_of)
                zsi_zhan_object(p, z, we, ns, ne, m);
            return 1;
        }
        m->adjacent = zsi_all_filler(p, ne, we);
        /* 规模|以上工业企业达到210家: the phrase right before the figure
         * holds the noun found; it names the figure better */
        if (!m->adjacent && zsi_np_before_mb(p, ws, we, flags, n2, r2, &a2)) {
            size_t l2 = strlen(r2);
            if ((l2 > nl && strstr(r2, m->raw) && !clause_after(p, a2.s, a2.e, ns, ne)) ||
                de_head(p, ne, we, r2, l2)) {
                memcpy(m->norm, n2, sizeof n2);
                memcpy(m->raw, r2, sizeof r2);
                m->at = a2;
                m->adjacent = 1;
                return 1;
            }
        }
        /* 占全市比重达59.3%: the share is named with what it is a share of
         * (not with a verb's complement: 占据市场份额的8% is 市场份额;
         * nor when nothing is named between: 所占的份额 is 份额) */
        if (z != NO_ZHAN && ns > z + 3 && !zsi_all_filler(p, z + 3, ns) &&
            !zsi_zhan_complement(p, z, ns) && memcmp(p + ns, m->raw, nl) == 0 &&
            zsi_match_ending(zsi_mset(MSEC_SHARE), m->norm, 0, strlen(m->norm))) {
            zsi_copy_raw(m->raw, &m->at, p, z, ne);
            memcpy(m->norm, m->raw, sizeof m->norm);
            zsi_share_of_norm(m);
        } else if (m->adjacent && z < ns) {
            zsi_zhan_object(p, z, we, ns, ne, m);
        }
        return 1;
    }
    return -1;
}

/*
 * 占全市约40%: with no noun named, a 占 at z says a share of the subject
 * before, in an earlier clause, unless a noun phrase right before the 占
 * (其中有机茶园占12%) or the whole after it (占家用电器总能耗的一成) names it.
 * A step of its own because a share's subject and whole are read around the
 * 占, not back from the figure. @return 1 named (m set), 0 the subject is
 * earlier (m->refer).
 */
static int share_named(const char *p, size_t ws, size_t we, size_t z, zsi_metric *m)
{
    /* 其中有机茶园占12%, 健身工作室占70%: 占 right before its figure
     * with a noun phrase before it says that noun's share of the whole
     * named earlier; the noun names the share, not the whole (a place
     * is no metric: 其中广东占30% stays a share of the whole) */
    size_t za = z + (zsi_zhan_complement(p, z, we) ? 6 : 3), zb = z;
    /* 有360个产品（占50%）: a bracket opened right before 占 sets the
     * share beside the noun phrase it follows, as a 占 after it does */
    if (zb >= ws + 3 && memcmp(p + zb - 3, "\xEF\xBC\x88", 3) == 0) /* （ */
        zb -= 3;
    else if (zb >= ws + 1 && p[zb - 1] == '(')
        zb -= 1;
    if (zb > ws && zsi_all_filler(p, za, we) && zsi_zhan_subject(p, ws, zb, m)) {
        m->adjacent = 1;
        return 1;
    }
    if (zb == z && zb > ws && zsi_all_filler(p, za, we) && zsi_zhan_subject_past_adverbs(p, ws, z, m)) {
        m->adjacent = 1;
        return 1;
    }
    if (zsi_zhan_whole(p, z, we, m))
        return 1;
    m->refer = 1;
    return 0;
}

/*
 * 文化服务业34454亿元, 收支缺口达4069.4亿元: with no noun of the data, a
 * noun phrase no suffix names; a known noun printed after the figure names
 * it better (工会预留30%采购份额), so it is not "adjacent". A step of its
 * own because a place or the base of a comparison found here names no
 * metric and sends the reader to the earlier subject.
 * @return 1 named (m set), 0 a place or a base (m->refer), -1 no phrase.
 */
static int bare_phrase(const char *p, size_t ws, size_t we, int flags, zsi_metric *m)
{
    if (!zsi_np_before_mb(p, ws, we, flags, m->norm, m->raw, &m->at))
        return -1;
    if (!zsi_only_place(m->raw) && !zsi_compared_base(p, ws, m->at.s))
        return 1;
    /* 法国为15%, 广东为8%: a place compared, not a metric; 比去年
     * 黄金周多两成: the base of a comparison; the metric is the
     * subject's before it */
    m->norm[0] = m->raw[0] = '\0';
    zsi_span_clear(&m->at);
    m->refer = 1;
    return 0;
}

/*
 * 仅为2%, 达到50.1%: nothing is named in the clause p[ws..we); the subject
 * is earlier (m->refer) when the clause holds Han and only filler or a bare
 * comparative, or when a from-to change cut it (we < we0) after words that
 * name nothing. The last step: it decides only whether to look earlier.
 */
static void refer_earlier(const char *p, size_t ws, size_t we, size_t we0, zsi_metric *m)
{
    size_t s, han = 0;
    for (s = ws; s < we;) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, we - s, &cp);
        han += zsi_m_is_han(cp);
    }
    m->refer = han > 0 && (zsi_all_filler(p, zsi_skip_conj(p, ws, we), we) ||
                           zsi_bare_comparative(p, zsi_skip_conj(p, ws, we), we));
    /* 直接从2500元跌到2400元: a from-to change whose clause holds no
     * word but adverbs (or none) before its 从 is the earlier subject's */
    if (we < we0 && zsi_names_nothing(p, zsi_skip_conj(p, ws, we), we))
        m->refer = 1;
}

/*
 * The metric before a figure in p[ws..we), read in steps: the window ends
 * before a from-to change's 由 or 从; the change word nearest the figure,
 * then its level or its subject; else a noun of the data, a 占's share, a
 * bare noun phrase, a subject before [link] verbs; else whether the subject
 * is earlier. flags: MB_* (metric_int.h).
 * @return 1 a noun or change word found, 0 none, ZS_ENOMEM or ZS_EIO.
 */
static int metric_before(const char *p, size_t ws, size_t we, zsi_metric *m, int flags)
{
    size_t gs = 0, ge = 0, z, we0;
    const zsi_phrase *best;
    int rc = zsi_metric_data();

    memset(m, 0, sizeof *m);
    if (rc)
        return rc;
    we0 = we;
    we = zsi_from_cut(p, ws, we);
    best = nearest_change(p, ws, we, flags, m, &gs, &ge);
    if (best && zsi_has_to(p, ge, we))
        return change_to_level(p, ws, gs, best, flags, m);
    if (best)
        return change_of_subject(p, ws, gs, ge, best, flags, m);
    z = zsi_zhan_at(p, ws, we);
    if ((rc = named_noun(p, ws, we, z, flags, m)) >= 0)
        return rc;
    /* 占全市约40%: a share of the subject before, in an earlier clause */
    if (z != NO_ZHAN)
        return share_named(p, ws, we, z, m);
    if ((rc = bare_phrase(p, ws, we, flags, m)) >= 0)
        return rc;
    /* 毛利甚至高达40%, 债权总计约3亿元, 门票只要50元: adverbs and a verb that
     * says the subject amounts to the figure ([link]) stand between the
     * subject and its figure; the bare noun phrase before them names it */
    if ((flags & MB_LINKS) && zsi_subject_past_links(p, ws, we, flags, m))
        return 1;
    refer_earlier(p, ws, we, we0, m);
    return 0;
}

int zsi_metric_rate_after(const char *p, size_t ws, size_t we, size_t fe, size_t ce, zsi_metric *m)
{
    const zsi_phrase *w;
    size_t cs = 0, cend = 0, cut;
    int rc = zsi_metric_data();

    if (rc)
        return rc;
    if (fe + 3 >= ce || memcmp(p + fe, "\xE7\x9A\x84", 3) != 0) /* 的 */
        return 0;
    if ((w = zsi_change_after_de(p, fe + 3, ce, &cs, &cend)) == NULL)
        return 0;
    /* the subject: the noun before the figure, or before the light
     * predicate whose object the rate is (需求|将保持|40%的增速) */
    rc = metric_before(p, ws, we, m, 1);
    if (rc < 0)
        return rc;
    if (m->change[0] || m->share_of)
        return 0; /* a change or a share named before: the figure's own */
    if (!m->norm[0] && (cut = zsi_strip_predicate(p, ws, we)) < we && cut > ws) {
        zsi_metric m2;
        rc = metric_before(p, ws, cut, &m2, 1);
        if (rc < 0)
            return rc;
        if (m2.norm[0] && !m2.change[0] && !m2.share_of)
            *m = m2;
    }
    zsi_copy_str(m->change, w->norm, w->nlen);
    zsi_copy_raw(m->change_raw, &m->change_at, p, cs, cend);
    m->decline = strstr(m->change, "\xE9\x99\x8D") || strstr(m->change, "\xE8\xB7\x8C"); /* 降 跌 */
    m->by_form = 0;
    m->adjacent = 1;
    /* 前三季度6.2%的增速: a rate of something; with no subject in its
     * clause, of the one named before (a bare 增速 names nothing) */
    if (!m->norm[0])
        m->refer = 1;
    return 1;
}

int zsi_compared_figure(const char *p, size_t cs, size_t fs, size_t fe, size_t ce)
{
    zsi_metric m;
    if (zsi_metric_data() != 0)
        return 0;
    if (zsi_compared_after(p, fe, ce))
        return 1; /* 与年初的最高限价959元相比: filler, then 相比 or 相较 */
    /* 较去年的票价60元，: a clause opened by 比 or 较 that ends with the
     * figure and changes nothing before it */
    if (!zsi_all_filler(p, fe, ce) || !zsi_compared_base(p, cs, fs))
        return 0;
    return metric_before(p, cs, fs, &m, MB_FORMS) >= 0 && !m.change[0];
}

/* metric_before, and the owner of a share, price or cost it found alone
 * after a 的 (metric_de.c) */
static int metric_before_owned(const char *p, size_t ws, size_t we, zsi_metric *m, int flags)
{
    int rc = metric_before(p, ws, we, m, flags);
    if (rc == 1)
        zsi_de_owner(p, ws, m);
    return rc;
}

int zsi_metric_before(const char *p, size_t ws, size_t we, zsi_metric *m)
{
    return metric_before_owned(p, ws, we, m, MB_FORMS);
}

int zsi_metric_before_money(const char *p, size_t ws, size_t we, zsi_metric *m)
{
    return metric_before_owned(p, ws, we, m, MB_FORMS | MB_MONEY | MB_LINKS);
}

int zsi_metric_before_rate(const char *p, size_t ws, size_t we, zsi_metric *m)
{
    return metric_before_owned(p, ws, we, m, MB_FORMS | MB_LINKS);
}

int zsi_metric_work_done(const char *p, size_t ws, size_t we, zsi_metric *m)
{
    return zsi_metric_data() == 0 && zsi_work_done_subject(p, ws, we, MB_FORMS | MB_LINKS, m);
}

int zsi_metric_before_listed(const char *p, size_t ws, size_t we, zsi_metric *m)
{
    return metric_before_owned(p, ws, we, m, 0);
}

int zsi_place_word(const char *p, size_t n)
{
    size_t row;
    const char *city, *province;
    int level;
    const zsi_words *places;
    if (zsi_metric_data() != 0 || !(places = zsi_mplaces()) ||
        !(zsi_words_find(places, p, n, &row) & ZSW_PLACE_))
        return 0;
    level = zsi_words_place(places, row, &city, &province);
    return level >= 0 && level <= ZSW_COUNTY_;
}

int zsi_metric_noun(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    int rc = zsi_metric_data();
    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (rc)
        return rc;
    return zsi_find_noun(p, ws, we, norm, raw, at, NULL, NULL);
}

int zsi_metric_phrase(const char *s, size_t n, const char **norm)
{
    const zsi_phrase *ph = zsi_metric_data() == 0 ? zsi_lookup_exact(s, n) : NULL;
    if (ph && norm)
        *norm = ph->norm;
    return ph != NULL;
}

int zsi_metric_find(const char *p, size_t start, size_t end, char *norm, char *raw)
{
    zsi_metric m;
    int rc = zsi_metric_before(p, start, end, &m);

    norm[0] = raw[0] = '\0';
    if (rc < 0)
        return rc;
    if (!m.norm[0] && !m.change[0])
        return 0;
    memcpy(norm, m.norm, sizeof m.norm);
    memcpy(raw, m.raw, sizeof m.raw);
    zsi_append_str(norm, m.change);
    zsi_append_str(raw, m.change_raw);
    return 1;
}

int zsi_metric_is_link(const char *p, size_t start, size_t end)
{
    size_t s = start, han = 0, other = 0, after_link = 0;
    int has_link = 0, anew = 0;
    char n1[ZSI_METRIC_BYTES], r1[ZSI_METRIC_BYTES];

    if (zsi_metric_data() != 0)
        return 0; /* [setanew] below */
    while (s < end) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, end - s, &cp);
        s += l;
        if (!zsi_m_is_han(cp))
            continue;
        han++;
        if (cp == 0x81F3 || cp == 0x5230 || /* 至 到 */
            (cp == 0x4E3A &&
             zsi_match_ending(zsi_mset(MSEC_SETANEW), p, start, s - l))) { /* 为 after 调整 */
            anew = cp == 0x4E3A;
            has_link = 1;
            after_link = s;
        } else if (cp != 0x548C && cp != 0x53CA && cp != 0x4E0E && cp != 0x6216) {
            other++; /* not 和 及 与 或 */
        }
    }
    if (other == 0 && !has_link)
        return 1; /* "5%、8%", "3家和5家" */
    /* 调整为先负担15%: a verb after 为 may name the figure itself */
    if (anew && !zsi_all_filler(p, after_link, end))
        return 0;
    if (has_link && han <= MAX_LINK_HAN)
        return zsi_metric_find(p, after_link, end, n1, r1) == 0;
    return 0;
}
