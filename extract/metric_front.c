/*
 * metric_front.c - the front of a metric once its run is found
 * (metric_run.c): its first words checked again against the most likely
 * cut by word frequencies (a place word taken whole: 省外; a pronoun, an
 * owner or a list's classifier dropped: 某|企业, 钢铁行业|, 等|), and the
 * start of its normal form (a [strip] predicate and what precedes it
 * dropped: 累计引进项目 -> 引进项目).
 *
 * Invariants: allocates nothing; a front only moves right, never past the
 * head's start.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

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
size_t zsi_strip_start(const zsi_wbounds *wb, const char *p, size_t b, size_t limit)
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

/*
 * The parts of speech (data/words.tsv's byte) that decide a phrase's front
 * by the most likely cut of its words. Each class was measured alone on every
 * labelled set (bench/quality --set all) and only those that paid are kept:
 * SEG_WHOLE, a word the phrase may start inside and takes whole: a place word
 * (s: 省外), a proper noun (Z: 第三|产业投资, 三等|奖奖金; it changed no
 * labelled figure when first tried, but on all 15,509 realnews-dev articles
 * it changes 17 metrics, 15 of them fragments made whole). Common nouns (n,
 * V, l) and distinguishing words (b) changed nothing, time words (t) lost 2
 * dev figures. SEG_DROP, a first word the phrase drops: a pronoun (r:
 * 某|企业). Verbs (v) lost 13 non-dev and 24 dev figures, adjectives (a) 18
 * and 11, adverbs (d) 3 non-dev; numerals (m), distinguishing words (b) and
 * person, place and organisation names (R, S, T) lost too: in news those begin the
 * metric's label as often as not (救治|成功率, 国有|企业利润).
 */
#define SEG_WHOLE "sZ"
#define SEG_DROP "r"
/* SEG_PAST, a word the phrase starts inside and drops, starting after it: a
 * word of no noun class (adverbs d: 一次|性, numerals and classifiers m, q:
 * 四季|度, 第二季|季, time words t, prepositions p, conjunctions c, pronouns
 * r, particles u, directions f). Not verbs (v): 市外|购电总量 would start
 * at 电. */
#define SEG_PAST "dpcrumqtf"

/*
 * A phrase that starts inside a word of the most likely cut of the text
 * before it (省|外汽运补贴 cut 省外|汽运) starts where that word does when
 * the word is of a class of SEG_WHOLE, never before cut; after it when the
 * word is of a class of SEG_PAST, ends by the head's start hs and two
 * characters at the least follow it (一次|性生活补助 -> 生活补助, 四季|度违规
 * 收费 -> 违规收费).
 */
size_t zsi_seg_back(const char *p, size_t cut, size_t b, size_t hs, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], lo = zsi_han_back(p, cut, b, 6);
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    if (lo == b)
        return b;
    w = zsi_lex_cut(p, lo, e, st, tg, ZSI_LEX_CUT_MAX);
    for (i = 0; i < w; i++)
        if (st[i] < b && st[i + 1] > b) {
            if (tg[i] && strchr(SEG_WHOLE, tg[i]))
                return st[i];
            /* a word of no noun class the phrase starts inside is no
             * part of it (四季度|电子书增速) */
            if (tg[i] && strchr(SEG_PAST, tg[i]) && st[i + 1] <= hs &&
                zsi_nchars(p, st[i + 1], e) >= 2)
                return st[i + 1];
            return b;
        }
    return b;
}

/*
 * The noun phrase by the most likely cut of its words (jieba's, with their
 * parts of speech): a phrase p[b..e) whose first word is of a class of
 * SEG_DROP starts after it (某|企业营业收入). The head, the words from hs on,
 * always stays; so do a per-unit word (每吨, 人均, 每人) and two characters
 * at the least.
 */
size_t zsi_seg_front(const char *p, size_t b, size_t hs, size_t e)
{
    size_t st[MAX_RUN_CHARS + 2];
    char tg[MAX_RUN_CHARS + 2];
    int w = zsi_lex_cut(p, b, e, st, tg, MAX_RUN_CHARS + 1), i;
    for (i = 0; i + 1 < w && st[i + 1] <= hs; i++) {
        const zsi_phrase *pu = zsi_match_at(zsi_mset(MSEC_PERUNIT), p, st[i], e);
        if (!tg[i] || !strchr(SEG_DROP, tg[i]) || (pu && st[i] + pu->len >= st[i + 1]) ||
            zsi_nchars(p, st[i + 1], e) < 2)
            break;
        if (zsi_cp_at(p, st[i], e) == 0x6BCF) /* 每 */
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
size_t zsi_owner_front(const zsi_wbounds *wb, const char *p, size_t b, size_t hs, size_t e)
{
    static const char *const org[] = {"\xE4\xBC\x81\xE4\xB8\x9A",  /* 企业 */
                                      "\xE8\xA1\x8C\xE4\xB8\x9A",  /* 行业 */
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
 * 招商局|捐款, 民政部|彩票公益金, 国务院|发文数量: an organisation's name
 * first in the phrase (jieba's nt, tag T) says whose figure it is, not what
 * it is, as a company's does (华润公司|营业收入, where 公司 stops the run):
 * the normal form starts after it, the printed metric keeps it. The labels
 * accept the figure's noun without its owner (万科|税金支出, 天牛啤酒|注册资本
 * are labelled 税金支出, 注册资本). Only a name that ends in the character of
 * an office or a body (局 部 院 委 厅 署 会 社 所), since T also files
 * common nouns (公共交通, 中医药), directions (中西部) and places (公共场所)
 * that do name the quantity; and only before a word of two characters at least, on a boundary
 * ICU's cut agrees on (not 中央政府|性基金). @return the normal form's start.
 */
size_t zsi_org_front(const zsi_wbounds *wb, const char *p, size_t b, size_t hs, size_t e)
{
    static const char body[] = "局部院委厅署会社所", side[] = "东西南北中内外场";
    size_t st[MAX_RUN_CHARS + 2], last;
    char tg[MAX_RUN_CHARS + 2];
    int w = zsi_lex_cut(p, b, e, st, tg, MAX_RUN_CHARS + 1);
    if (w < 2 || tg[0] != 'T' || st[1] > hs || zsi_nchars(p, st[0], st[1]) < 3 ||
        zsi_nchars(p, st[1], st[2]) < 2 || !zsi_wb_is(wb, st[1]))
        return b;
    last = st[1] - zsi_utf8_prev(p, st[1]);
    if (!zsi_in_set(body, sizeof body - 1, zsi_cp_at(p, last, e)) ||
        zsi_in_set(side, sizeof side - 1, zsi_cp_at(p, last - zsi_utf8_prev(p, last), e)))
        return b;
    return st[1];
}

/*
 * 杨岭村|人均收入, 大湾村|贫困发生率, 某某村|集体收入: a village's name says
 * whose figure it is, as a town's does (metric_edge.c), but villages are in
 * no place list: the name is what the most likely cut leaves before a 村 of
 * its own (not 农村, 村民, 贫困村, 行政村, which it joins into words), ending
 * in a character it could join to no word (杨|岭|村, 陈|罗|村) or in a proper
 * noun (大湾/S, 刘家/R) or pronoun (某某), or a name of the data that ends in
 * 村 (小岗村). Not after a common word (试点|村,
 * 建制|村, 桥头|村: a kind of village, or a word the name may hold), nor one
 * character alone (驻|村, 出|村). The labels keep the noun after the name
 * (人均收入; 集体收入 or 村集体收入); the normal form starts after 村, the
 * printed metric keeps the name. @return the normal form's start.
 */
size_t zsi_village_front(const char *p, size_t b, size_t hs, size_t e)
{
    size_t st[MAX_RUN_CHARS + 2];
    char tg[MAX_RUN_CHARS + 2];
    int w = zsi_lex_cut(p, b, e, st, tg, MAX_RUN_CHARS + 1), i;
    /* a name of the data that ends in 村 (小岗村/R; not a place word: 城中村,
     * 中关村) */
    if (w >= 2 && st[1] <= hs && tg[0] && strchr("RZ", tg[0]) && zsi_nchars(p, b, st[1]) >= 3 &&
        memcmp(p + st[1] - 3, "\xE6\x9D\x91", 3) == 0 && zsi_nchars(p, st[1], e) >= 2)
        return st[1];
    for (i = 1; i < w && st[i + 1] <= hs; i++) {
        size_t n = zsi_nchars(p, st[i - 1], st[i]);
        if (st[i + 1] - st[i] != 3 || memcmp(p + st[i], "\xE6\x9D\x91", 3) != 0) /* 村 */
            continue;
        if (zsi_nchars(p, b, st[i]) < 2 || !zsi_all_run(p, b, st[i]) || i + 2 > w ||
            zsi_nchars(p, st[i + 1], st[i + 2]) < 2)
            return b; /* not 高|村|站|流量: a station's name goes on */
        if (n == 1 || (tg[i - 1] && strchr("RSZTr", tg[i - 1])))
            return st[i + 1];
        return b;
    }
    return b;
}

/*
 * 发明|专利授权量, 公务|用车价格, 无|症状感染者: ICU's dictionary lacks a
 * compound noun of jieba's (发明专利, 公务用车, 无症状), and a run that
 * starts on ICU's boundary inside it reads as a word cut in two. A common
 * noun, set phrase or proper noun of the most likely cut across the start
 * (tags n, l, Z: 集成|电路产量, jieba's nz; not 中国家电, a place), of run
 * characters and no numeral, after cut (where
 * ICU's break need not agree: 中|国家|电 cut 中国|家电市场), is taken whole
 * with the words before it that the run takes: moving right
 * past it drops the modifier the metric needs. Not a noun that ends in 率 or
 * 量 (游客量|年增长率): that is a metric of its own.
 */
int zsi_front_noun(const zsi_wbounds *wb, const char *p, size_t cut, size_t ls, size_t b, size_t le,
                   size_t e)
{
    size_t st[2];
    char tg[2];
    if (zsi_cp_at(p, le, e) == 0x6BCF || zsi_match_at(zsi_mset(MSEC_PERUNIT), p, le, e))
        return 0; /* 退耕还林|每亩补助: a per-unit word opens the metric */
    return ls >= cut && ls >= wb->s && ls < b && zsi_all_run(p, ls, b) &&
           !zsi_has_numeral(p, ls, le) && !zsi_rate_or_amount(p, le - zsi_utf8_prev(p, le), le) &&
           zsi_lex_cut(p, ls, le, st, tg, 1) == 1 && (tg[0] == 'n' || tg[0] == 'l' || tg[0] == 'Z');
}

/*
 * 食品和居住|类|价格, 集成电路|等|新产品产量: a one-character classifier
 * (jieba's q) or 等 that the run would start with ends the phrase before it
 * (the kind of a list, its "and so on"), so the metric starts after it, not
 * inside that phrase. @return the new start.
 */
size_t zsi_lead_piece_end(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e)
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
    zsi_utf8_before(p, b, &cp);
    if (!zsi_m_is_han(cp) || zsi_is_filler(cp))
        return b;
    if (zsi_cp_at(p, b, nb) == 0x7B49) /* 等 */
        return nb;
    if (zsi_lex_cut(p, b, nb, st, tg, 1) != 1 || tg[0] != 'q')
        return b;
    /* not the first character of a word of jieba's cut of what follows
     * (家|电, 户|均, 套|期保值: ICU cut a word there) */
    for (k = 0, hi = nb; k < 3 && hi < e; k++)
        hi += zsi_utf8_decode(p + hi, e - hi, &cp);
    return zsi_lex_cut(p, b, hi, st, tg, 2) >= 1 && (st[1] == nb || hi == nb) ? nb : b;
}
