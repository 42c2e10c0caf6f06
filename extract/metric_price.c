/*
 * metric_price.c - the metric of a price quoted by a market report: a
 * closing word right before the figure (苏泊尔收报26.79元, 万科A今日收于8.06元,
 * 大豆收盘1372.75美分, 报收于每盎司37.86美元) says the figure is the closing
 * price (data/metrics.tsv [quote]). The word is a verb there, though jieba
 * files 收报 and 收盘 as nouns: the thing that closed is its subject, not a
 * part of the metric's name (not 苏泊尔收报). And a price per unit of a
 * product that no noun of the data names (菜粕2100元/吨, 螺纹钢上调100元/吨)
 * is the price of its clause's subject, a noun run the data may lack. A sum
 * between 以 and a verb of a deal (以8亿元收购, 以120万元成交) is that deal's
 * price (data/metrics.tsv [deal]).
 *
 * Invariants: allocates nothing; norm and raw are NUL-terminated.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* The longest phrase of ps ending at p[e], starting at or after p[ws]
 * (报收于, not its tail 收于); NULL if none. */
static const zsi_phrase *longest_ending(const zsi_phrase_set *ps, const char *p, size_t ws,
                                        size_t e)
{
    const zsi_phrase *best = NULL;
    size_t k;
    for (k = 0; k < ps->n; k++) {
        const zsi_phrase *ph = &ps->v[k];
        if (ph->len <= e - ws && (!best || ph->len > best->len) &&
            memcmp(p + e - ph->len, ph->s, ph->len) == 0)
            best = ph;
    }
    return best;
}

int zsi_quote_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    const zsi_phrase *q;
    size_t e, s, ls, le;

    if (zsi_metric_data() != 0)
        return 0;
    e = zsi_per_unit_cut(p, ws, we);
    q = longest_ending(zsi_mset(MSEC_QUOTE), p, ws, e);
    if (!q)
        return 0;
    s = e - q->len;
    /* 税收|于: a closing word that starts inside a word is none */
    if (s > ws && zsi_lex_inside(p, ws, s, e, &ls, &le))
        return 0;
    zsi_copy_str(norm, q->norm, q->nlen);
    zsi_copy_raw(raw, at, p, s, e);
    return 1;
}

static unsigned first_cp(const char *p, size_t s, size_t e)
{
    unsigned cp = 0;
    zsi_utf8_decode(p + s, e - s, &cp);
    return cp;
}

/* Does s[0..n) end in a word that already names a price or a cost (价, 价格,
 * 费, 成本)? Then 价格 is not added to it. */
static int ends_priced(const char *s, size_t n)
{
    static const char *const tail[] = {"\xE4\xBB\xB7" /* 价 */, "\xE4\xBB\xB7\xE6\xA0\xBC" /* 价格 */,
                                       "\xE8\xB4\xB9" /* 费 */, "\xE6\x88\x90\xE6\x9C\xAC" /* 成本 */,
                                       "\xE4\xBB\xB7\xE5\xB7\xAE" /* 价差 */};
    size_t i;
    for (i = 0; i < sizeof tail / sizeof tail[0]; i++) {
        size_t l = strlen(tail[i]);
        if (n >= l && !memcmp(s + n - l, tail[i], l))
            return 1;
    }
    return 0;
}

/* One character that links a price to what it prices: 报 (quoted at), 在,
 * 为, 于, 以. */
static int is_link(const char *p, size_t s, size_t e)
{
    static const char *const link[] = {"\xE6\x8A\xA5" /* 报 */, "\xE5\x9C\xA8" /* 在 */,
                                       "\xE4\xB8\xBA" /* 为 */, "\xE4\xBA\x8E" /* 于 */,
                                       "\xE4\xBB\xA5" /* 以 */};
    size_t i;
    if (e - s != 3)
        return 0;
    for (i = 0; i < sizeof link / sizeof link[0]; i++)
        if (!memcmp(p + s, link[i], 3))
            return 1;
    return 0;
}

/*
 * The product a price per unit is of: by the most likely cut of the words
 * before the figure (at most ZSI_LEX_CUT_MAX characters), past a predicate of
 * at most three verbs, prepositions, adverbs and time words at the end (由,
 * 上调, 还卖到, 过去), the run of nouns before it (common nouns, other proper nouns such as a
 * brand, words the data lacks: 5S, 菜粕; a location word, 关外), stopping at
 * a place, a person, an organisation, a time word or any other word; the
 * run is the clause's subject, with only time words before it.
 * @return 1 with *ps, *pe its bytes, 0 none.
 */
static int product_run(const char *p, size_t ws, size_t we, size_t *ps, size_t *pe)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], s = ws;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, k, skipped = 0;

    while (s < we && zsi_nchars(p, s, we) > ZSI_LEX_CUT_MAX) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, we - s, &cp);
    }
    w = zsi_lex_cut(p, s, we, st, tg, ZSI_LEX_CUT_MAX);
    if (w <= 0)
        return 0;
    k = w - 1;
    /* 标准胶报|每公斤475美分, 收盘在: 报 and 在 link a price to its
     * product as a verb does, though jieba files 报 as a noun */
    while (k >= 0 && skipped < 3 &&
           ((tg[k] && strchr("vpdcut", tg[k])) || is_link(p, st[k], st[k + 1]))) {
        k--;
        skipped++;
    }
    *pe = st[k + 1];
    /* its head is a noun: not a distinguishing word alone (去年同期|300元/吨) */
    if (k < 0 || !tg[k] || !strchr("nZxs", tg[k]))
        return 0;
    while (k >= 0 && tg[k] && strchr("nZxsbg", tg[k]))
        k--;
    *ps = st[k + 1];
    while (k >= 0 && tg[k] == 't')
        k--;
    /* the subject of its clause: only time words before it (目前|港口主流颗粒);
     * after other words it is as often an object (折|人民币, 高于|同期水平),
     * a place name's tail (高密|地区) or a counted noun (10个|交易日); a run
     * cut from the window's front may be a longer noun's tail */
    if (k >= 0 || s > ws)
        return 0;
    /* nor a window that starts right after another figure (10个|交易日,
     * 45%|CL): its words are what that figure counts */
    if (ws > 0) {
        unsigned cp;
        zsi_utf8_before(p, ws, &cp);
        if (cp == '%' || zsi_is_run_char(cp))
            return 0;
    }
    /* one character alone (盘|螺) is as often a cut-off word's tail */
    return *pe > *ps && zsi_nchars(p, *ps, *pe) >= 2;
}

int zsi_price_product(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    zsi_metric m;
    size_t s, e, n;
    int rc;

    rc = zsi_metric_before_money(p, ws, we, &m);
    if (rc < 0)
        return rc;
    if (m.norm[0])
        return 0; /* a noun of the data names it: not this rule's */
    if (!product_run(p, ws, we, &s, &e))
        return 0;
    for (n = s; n < e;) {
        unsigned cp;
        n += zsi_utf8_decode(p + n, e - n, &cp);
        if (!zsi_is_run_char(cp))
            return 0; /* 水平( : words only */
    }
    /* a change noun (跌幅在20元/吨) says what the amount is, a change */
    if (zsi_match_ending(zsi_mset(MSEC_CHANGE), p, s, e))
        return 0;
    zsi_copy_raw(raw, at, p, s, e);
    if (zsi_any_place(raw) || !zsi_m_is_han((unsigned char)p[s] >= 0x80 ? first_cp(p, s, e) : 0))
        return 0;
    zsi_copy_str(norm, raw, strlen(raw));
    n = strlen(norm);
    if (!ends_priced(norm, n) && n + 7 <= ZSI_METRIC_BYTES)
        zsi_append_str(norm, "\xE4\xBB\xB7\xE6\xA0\xBC"); /* 价格 */
    return 1;
}

/* The verb of a deal of [deal] that starts at fe, ICU's word whole, before
 * ce: its price's name into norm, the verb as printed into raw and *at.
 * @return 1 found, 0 none. */
static int deal_verb_at(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at)
{
    const zsi_phrase *k;
    zsi_wbounds wb;
    size_t e;

    zsi_wb_compute(&wb, p, fe, ce);
    e = zsi_wb_gt(&wb, fe);
    k = zsi_match_at(zsi_mset(MSEC_DEAL), p, fe, e);
    if (!k || fe + k->len != e || k->nlen >= ZSI_METRIC_BYTES || k->len >= ZSI_METRIC_BYTES)
        return 0;
    zsi_copy_str(norm, k->norm, k->nlen);
    zsi_copy_raw(raw, at, p, fe, e);
    return 1;
}

int zsi_deal_price(const char *p, size_t ws, size_t fs, size_t fe, size_t ce, char *norm, char *raw,
                   zsi_span *at)
{
    zsi_wbounds wb;
    unsigned cp;

    if (zsi_metric_data() != 0 || fs <= ws || fe >= ce)
        return 0;
    /* 以 alone: not the end of 可以, 所以, 予以 (ICU's words of their own) */
    zsi_tail_words(&wb, p, ws, fs);
    if (zsi_one_char_before(&wb, p, ws, fs, &cp) == (size_t)-1 || cp != 0x4EE5) /* 以 */
        return 0;
    return deal_verb_at(p, fe, ce, norm, raw, at);
}

int zsi_deal_price_bare(const char *subj, const char *p, size_t fe, size_t ce, char *norm,
                        char *raw, zsi_span *at)
{
    size_t n = strlen(subj), st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w;

    if (zsi_metric_data() != 0 || fe >= ce)
        return 0;
    if (n) {
        /* a noun that names an amount (总价, 收购金额) names the sum itself */
        if ((zsi_match_ending(zsi_mset(MSEC_SUFFIXES), subj, 0, n) &&
             !zsi_match_ending(zsi_mset(MSEC_NONMETRIC), subj, 0, n)) ||
            zsi_match_ending(zsi_mset(MSEC_PHRASES), subj, 0, n))
            return 0;
        /* a verb (出资, 斥资, 作价) names what was paid: it stays */
        w = zsi_lex_cut(subj, 0, n, st, tg, ZSI_LEX_CUT_MAX);
        if (w < 1 || !tg[w - 1] || strchr("vdpcu", tg[w - 1]))
            return 0;
    }
    return deal_verb_at(p, fe, ce, norm, raw, at);
}
