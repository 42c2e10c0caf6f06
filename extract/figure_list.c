/*
 * figure_list.c - a list of items and the figures it names one by one
 * (工业增加值、工业利润和工业投资分别增长15%、23%、40%): the items cut at 、 and
 * the last 和, 及 or 与, each figure given its own item's noun in order, or
 * the head the items share (城镇和农村居民人均可支配收入). Apart from figure.c
 * because a list is read across its figures once all are found, not figure
 * by figure as name_figure() reads them.
 *
 * Invariants: allocates nothing; reads p only inside the sentence handed in.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quantity_int.h"
#include "segment_int.h"
#include "extract_int.h"


/* Most items of a list paired with its figures (A、B和C分别增长1%、2%、3%). */
#define MAX_LIST_ITEMS 8
/* Most Han characters of an item that names no noun but shares the last
 * item's head (城镇|和农村居民人均可支配收入). */
#define MAX_SHARED_HAN 4

/* Cut p[from..to) into list items at 、 and at the last 和, 及 or 与 after
 * the last 、; cut[] receives each item's start. @return the items, or 0
 * when there are more than MAX_LIST_ITEMS. */
static size_t list_items(const char *p, size_t from, size_t to, size_t *cut)
{
    size_t nc = 0, q, last_and = 0;
    cut[nc++] = from;
    for (q = from; q + 3 <= to; q++) {
        unsigned cp = (unsigned char)p[q] >= 0xE0 ? cp_at(p, to, q, NULL) : 0;
        if (cp == 0x3001) { /* 、 */
            if (nc > MAX_LIST_ITEMS - 1)
                return 0;
            cut[nc++] = q + 3;
        } else if (zsi_is_list_mark(cp)) { /* 和 及 与 */
            last_and = q;
        }
    }
    if (last_and > cut[nc - 1]) {
        if (nc > MAX_LIST_ITEMS - 1)
            return 0;
        cut[nc++] = last_and + 3;
    }
    return nc;
}

/* Where the list item before the one that starts at next ends: before its
 * separator (、 和 及 与, three bytes; 以及, six). */
static size_t item_end(const char *p, size_t next)
{
    size_t e = next - 3;
    if (e >= 3 && memcmp(p + e, "\xE5\x8F\x8A", 3) == 0 && memcmp(p + e - 3, "\xE4\xBB\xA5", 3) == 0)
        e -= 3; /* 以及 */
    return e;
}

/* Is p[s..e) one to MAX_SHARED_HAN Han characters and nothing else? */
static size_t only_han(const char *p, size_t s, size_t e)
{
    size_t c = 0, l;
    while (s < e) {
        unsigned cp = cp_at(p, e, s, &l);
        if (!is_han(cp) || ++c > MAX_SHARED_HAN)
            return 0;
        s += l;
    }
    return c;
}

/* Characters of p[s..e). */
static size_t count_chars(const char *p, size_t s, size_t e)
{
    size_t c = 0, l;
    for (; s < e; s += l, c++)
        cp_at(p, e, s, &l);
    return c;
}

/* The last character before p[e], 0 at the text's start. */
static unsigned last_cp(const char *p, size_t e)
{
    return e ? cp_at(p, e, e - zsi_utf8_prev(p, e), NULL) : 0;
}

/* Is p[s..e) one run of letters and digits, ASCII or full width (MPV, 5G)? */
static int one_latin_run(const char *p, size_t s, size_t e)
{
    size_t l;
    if (s >= e)
        return 0;
    for (; s < e; s += l) {
        unsigned cp = cp_at(p, e, s, &l);
        if (cp >= 0xFF10 && cp <= 0xFF5A)
            cp -= 0xFEE0; /* full width to ASCII */
        if (cp >= 0x80 || !isalnum((int)cp))
            return 0;
    }
    return 1;
}

/*
 * 销量|MPV和SUV分别增长: items that are each one run of letters and digits
 * (the first one's words before it, 尤其是, are no part of it) are names of
 * like things that no noun data knows (models, grades, index codes): each
 * names itself. @return 1 all named so, 0 not.
 */
static int latin_items(const char *p, const size_t *cut, const size_t *e, size_t k,
                       char norm[][ZSI_METRIC_BYTES], char raw[][ZSI_METRIC_BYTES], zsi_span *at)
{
    size_t i, s0 = e[0], l;
    while (s0 > cut[0]) {
        size_t pl = zsi_utf8_prev(p, s0);
        if (!one_latin_run(p, s0 - pl, s0))
            break;
        s0 -= pl;
    }
    for (i = 0; i < k; i++) {
        size_t s = i ? cut[i] : s0;
        if (!one_latin_run(p, s, e[i]) || e[i] - s >= ZSI_METRIC_BYTES)
            return 0;
        if (i == 0 && s > cut[0] && is_han(cp_at(p, s, s - zsi_utf8_prev(p, s), &l)) == 0)
            return 0; /* after words (尤其是MPV), not after a mark */
    }
    for (i = 0; i < k; i++) {
        size_t s = i ? cut[i] : s0, ln = e[i] - s;
        memcpy(raw[i], p + s, ln);
        raw[i][ln] = '\0';
        memcpy(norm[i], raw[i], ln + 1);
        at[i].s = s;
        at[i].e = e[i];
    }
    return 1;
}

/*
 * Where the head the items of a list share starts in the last item's noun
 * p[ls..le) (城镇和农村|居民人均可支配收入, 机电、高新技术|产品进出口, 早籼稻和
 * 粳稻|最低收购价): past the last item's own modifier, the first words of the
 * noun by its most likely cut whose characters come nearest to modc, those of
 * the item it stands beside (like things are named in like words: 机电 stands
 * for 高新技术, not for 高新; a tie takes the shorter), or, before them, the
 * first cut after a word that ends in lastcp, the item's last character when
 * not 0 (纺织业 stands for 服装制造业, not for 服装). The head left holds two
 * Han at least. Without a cut (no data), modc characters. @return the head's
 * start, or 0 when none.
 */
static size_t shared_head(const char *p, size_t ls, size_t le, size_t modc, unsigned lastcp)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], best = 0, bestd = (size_t)-1, w = ls, l;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int nw = zsi_lex_cut(p, ls, le, st, tg, ZSI_LEX_CUT_MAX), i, same = 0;
    for (i = 1; i < nw; i++) {
        size_t c = count_chars(p, ls, st[i]), d = c > modc ? c - modc : modc - c;
        if (zsi_count_han(p, st[i], le) < 2)
            break;
        if (lastcp && !same && last_cp(p, st[i]) == lastcp) {
            /* 纺织业和服装制造业|工业增加值: a modifier ending as the item
             * does (业, 类) is its like; the first such cut stands */
            same = 1;
            best = st[i];
            bestd = 0;
            continue;
        }
        if (!same && d <= bestd) { /* a tie takes the shorter head */
            best = st[i];
            bestd = d;
        }
    }
    if (best || nw > 0)
        return best;
    while (modc-- > 0 && w < le) {
        cp_at(p, le, w, &l);
        w += l;
    }
    return zsi_count_han(p, w, le) >= 2 && w > ls ? w : 0;
}

/* Is cp a numeral that counts the items of a list (两 三 ... 十: 三大, 四类),
 * not 零 (零售)? */
static int is_count_numeral(unsigned cp)
{
    double v = zsi_cn_numeral(cp);
    return v >= 1 && v <= 10;
}

/* The head shared_head() finds, as printed (raw) and in the normal form of
 * the last noun when that keeps its prefix (norm); 0 when none. */
static size_t head_of(const char *p, const zsi_span *last, const char *lnorm, const char *lraw,
                      size_t modc, unsigned lastcp, const char **hn, const char **hr)
{
    size_t w = shared_head(p, last->s, last->e, modc, lastcp), l;
    /* 棉纺、化纤、服装三大|行业投资: the items' count (三大, 两类) is none of
     * the head; a numeral and one character after it are passed */
    if (w && is_count_numeral(cp_at(p, last->e, w, &l)) && w + l + 3 < last->e &&
        zsi_cn_numeral(cp_at(p, last->e, w + l, NULL)) < 0 &&
        zsi_count_han(p, w + l + 3, last->e) >= 2)
        w += l + 3;
    if (!w || w - last->s >= strlen(lraw))
        return 0;
    *hr = lraw + (w - last->s);
    *hn = strncmp(lnorm, p + last->s, w - last->s) == 0 ? lnorm + (w - last->s) : *hr;
    return w;
}

/* Where the first item of a list p[s..e) starts past the words that lead
 * it into its clause and name nothing (如|水果、化妆品: 如, 其中; a time word:
 * 去年|海洋石油、天然气产量), by jieba's likeliest cut; one word at least is left. */
static size_t past_lead(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int nw = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX), i = 0;
    while (i + 1 < nw && zsi_names_nothing(p, st[i], st[i + 1]) &&
           (strchr("rcpdt", tg[i]) || count_chars(p, st[i], st[i + 1]) == 1))
        i++; /* not a verb of two characters or more (接待|游客人次) */
    return nw > 0 ? st[i] : s;
}

/* Most Han characters of a list item that names itself (水产品, 办公楼); one
 * character (内、外贸) is a word's part. */
#define MAX_SELF_HAN 6
/* Parts of speech (data/words.tsv's byte) of the words of an item that
 * names itself: common nouns (n), verbal nouns (V), abbreviations (j) and
 * other proper nouns (Z), with distinguishing words (b) and adjectives (a)
 * before them; the last a noun of the first three. */
#define SELF_WORDS "nVjZba"
#define SELF_HEAD "nVj"

/*
 * 茶叶、水果、坚果类分别增长, 厂房和仓储用房分别增长: an item that no
 * noun data names is, when it is a short noun phrase by the likeliest cut
 * (its last word a noun, the words before nouns or modifiers), the name of
 * one of the like things the list sets side by side: it names its own
 * figure, as a Latin name does (latin_items). Not a place (中部、西部地区:
 * the places compared keep the metric they share). @return 1 when
 * p[s..e) is one, with norm, raw and at written.
 */
static int self_item(const char *p, size_t s, size_t e, char *norm, char *raw, zsi_span *at)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], l = e - s;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int nw, i;
    if (zsi_count_han(p, s, e) != count_chars(p, s, e) || zsi_count_han(p, s, e) < 2 ||
        zsi_count_han(p, s, e) > MAX_SELF_HAN || l >= ZSI_METRIC_BYTES)
        return 0;
    nw = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    if (nw < 1 || !tg[nw - 1] || !strchr(SELF_HEAD, tg[nw - 1]))
        return 0;
    for (i = 0; i < nw; i++)
        if (!tg[i] || !strchr(SELF_WORDS, tg[i]))
            return 0;
    memcpy(raw, p + s, l);
    raw[l] = '\0';
    if (zsi_any_place(raw))
        return 0;
    memcpy(norm, raw, l + 1);
    at->s = s;
    at->e = e;
    return 1;
}

/* Tags (data/words.tsv's byte) of words that make a list item no like thing
 * of the others: directions (西部), times, pronouns, conjunctions,
 * prepositions, adverbs, numerals, particles, set phrases (第一季度). Not
 * jieba's place, person and organisation names, which tag plain things too
 * (海洋, 玉米): a place is known by the place-name data instead
 * (unlike_word). */
#define UNLIKE_WORDS "ftrcpdmul"

/* Is the word p[s..e) (tagged tg) one that no like thing of a list holds:
 * an UNLIKE_WORDS word, a province, city or county (江苏), a place abroad
 * (美国), not Han? */
static int unlike_word(const char *p, size_t s, size_t e, char tg)
{
    return (tg && strchr(UNLIKE_WORDS, tg)) || zsi_place_word(p + s, e - s) ||
           zsi_foreign_place(p + s, e - s) || zsi_count_han(p, s, e) != count_chars(p, s, e);
}

/* Is p[s..e) one to MAX_SELF_HAN Han characters (and nothing else) that
 * may name one of a list's like things by itself (食品, 居住类, 二氧化硫,
 * 爆炸): no unlike_word in it, not a place? */
static int like_thing(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], c = zsi_count_han(p, s, e);
    char tg[ZSI_LEX_CUT_MAX + 1], raw[ZSI_METRIC_BYTES];
    int nw, i;
    if (!c || c > MAX_SELF_HAN || c != count_chars(p, s, e) || e - s >= sizeof raw)
        return 0;
    nw = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    if (nw < 1)
        return 0;
    for (i = 0; i < nw; i++)
        if (unlike_word(p, st[i], st[i + 1], tg[i]))
            return 0;
    memcpy(raw, p + s, e - s);
    raw[e - s] = '\0';
    return !zsi_any_place(raw);
}

/* Is p[s..e) 全 and one character more (全国, 全省, 全球): the scope of the
 * whole list, none of its first item? */
static int scope_word(const char *p, size_t s, size_t e)
{
    return count_chars(p, s, e) == 2 && cp_at(p, e, s, NULL) == 0x5168; /* 全 */
}

/*
 * Where the first item of a list p[s..e) starts: the words before its end,
 * by the likeliest cut, that may name one of like things (Han words, no
 * UNLIKE_WORDS, no scope_word), MAX_SELF_HAN characters at
 * most: past what leads the item into its clause (6月19日|鲤鱼、鲫鱼,
 * 去年全国|二氧化硫、氮氧化物, 批发市场的|猪肉、蔬菜). The start past_lead()
 * gives when no word is left (or the text is too long to cut).
 */
static size_t item0_start(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], c = 0;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int nw, i;
    size_t h = e, l;
    s = past_lead(p, s, e);
    while (h > s && is_han(cp_at(p, h, h - zsi_utf8_prev(p, h), &l)))
        h -= l; /* the Han run that ends the item (CBOT |玉米) */
    nw = zsi_lex_cut(p, h, e, st, tg, ZSI_LEX_CUT_MAX);
    for (i = nw; i > 0; i--) {
        size_t ws = st[i - 1], we = st[i];
        if (unlike_word(p, ws, we, tg[i - 1]) || scope_word(p, ws, we) ||
            (c += count_chars(p, ws, we)) > MAX_SELF_HAN)
            break;
    }
    return i < nw ? st[i] : s;
}

/* Every item not named[] names itself (self_item; the first past the words
 * that lead it in: 其中|水产品), each named one keeps its noun: 1, or 0 when
 * one of them cannot (and then nothing is written). */
static int self_items(const char *p, const size_t *cut, const size_t *e, size_t k,
                      const int *named, char norm[][ZSI_METRIC_BYTES],
                      char raw[][ZSI_METRIC_BYTES], zsi_span *at, zsi_span *tail_at)
{
    char n2[MAX_LIST_ITEMS][ZSI_METRIC_BYTES], r2[MAX_LIST_ITEMS][ZSI_METRIC_BYTES];
    zsi_span a2[MAX_LIST_ITEMS];
    size_t i;
    for (i = 0; i < k; i++)
        if (!named[i] && !self_item(p, i ? cut[i] : past_lead(p, cut[0], e[0]), e[i], n2[i],
                                    r2[i], &a2[i]))
            return 0;
    for (i = 0; i < k; i++) {
        zsi_span_clear(&tail_at[i]); /* no head shared */
        if (!named[i]) {
            memcpy(norm[i], n2[i], sizeof n2[i]);
            memcpy(raw[i], r2[i], sizeof r2[i]);
            at[i] = a2[i];
        }
    }
    return 1;
}

/* Do the k-1 items before the last of a list (ending at e[0..k-1)), two or
 * more, all end in one character the last item's modifier (ending at mod_e)
 * does not end in: 精选层、创新层和基础层投资者|准入资产标准, whose like
 * things are 层 and whose modifier holds more than a like? */
static int unlike_ending(const char *p, const size_t *e, size_t k, size_t mod_e)
{
    size_t i;
    unsigned c = last_cp(p, e[0]);
    if (k < 3)
        return 0;
    for (i = 1; i + 1 < k; i++)
        if (last_cp(p, e[i]) != c)
            return 0;
    return last_cp(p, mod_e) != c;
}

/* Does the modifier that ends at mod_e, of a list's last item, end in 业
 * when the item before it (ending at prev_e) does not: 租赁和商务服务业,
 * 批发和零售业, one industry whose name holds the 和, not two things? */
static int one_industry(const char *p, size_t prev_e, size_t mod_e)
{
    return last_cp(p, mod_e) == 0x4E1A && last_cp(p, prev_e) != 0x4E1A; /* 业 */
}

/*
 * 食品和居住类|价格分别上涨, 二氧化硫和化学需氧量|排放总量分别下降: the last
 * item's noun (at[k-1]) starts inside it, after a modifier no noun data
 * takes in, and that modifier and every other item that names no noun are
 * like things (like_thing): the noun is the head the items share, each
 * item's metric the item and the head (printed in two places: at, tail_at;
 * the last item in one), a named item keeping its own noun when it ends
 * its item. *head receives the head's span. @return 1 all named, 0 not
 * (and then nothing is written).
 */
static int modifier_items(const char *p, const size_t *cut, const size_t *e, size_t k,
                          const int *named, char norm[][ZSI_METRIC_BYTES],
                          char raw[][ZSI_METRIC_BYTES], zsi_span *at, zsi_span *tail_at,
                          zsi_span *head)
{
    const zsi_span h = at[k - 1];
    const char *hn = norm[k - 1], *hr = raw[k - 1];
    char n2[MAX_LIST_ITEMS][ZSI_METRIC_BYTES], r2[MAX_LIST_ITEMS][ZSI_METRIC_BYTES];
    size_t i, s[MAX_LIST_ITEMS], hnl = strlen(hn), hrl = strlen(hr);
    if (h.e != e[k - 1] || !like_thing(p, cut[k - 1], h.s) || one_industry(p, e[k - 2], h.s) ||
        unlike_ending(p, e, k, h.s))
        return 0;
    for (i = 0; i < k; i++) {
        size_t ie = i + 1 < k ? e[i] : h.s, l;
        s[i] = i ? cut[i] : item0_start(p, cut[0], e[0]);
        if (i + 1 < k && named[i]) {
            if (at[i].e != e[i])
                return 0; /* its noun ends before the item: no like thing */
            continue;
        }
        if (!like_thing(p, s[i], ie))
            return 0;
        l = ie - s[i];
        if (l + hnl >= ZSI_METRIC_BYTES || l + hrl >= ZSI_METRIC_BYTES)
            return 0;
        memcpy(r2[i], p + s[i], l);
        memcpy(r2[i] + l, hr, hrl + 1);
        memcpy(n2[i], p + s[i], l);
        memcpy(n2[i] + l, hn, hnl + 1);
    }
    for (i = 0; i < k; i++) {
        if (i + 1 < k && named[i])
            continue;
        memcpy(norm[i], n2[i], sizeof n2[i]);
        memcpy(raw[i], r2[i], sizeof r2[i]);
        at[i].s = s[i];
        at[i].e = i + 1 < k ? e[i] : h.e;
        if (i + 1 < k)
            tail_at[i] = h;
        else
            zsi_span_clear(&tail_at[i]);
    }
    *head = h;
    return 1;
}

/*
 * The nouns of the k items of p[cut[0]..to) (cut[k] unused). An item that
 * names none but is a short modifier, when the last item's noun starts the
 * item, shares that noun's head (城镇和农村居民人均可支配收入: 城镇|居民人均可
 * 支配收入; see shared_head): its metric is the item and the head, printed in
 * two places (noun_at, tail_at; the tail is empty otherwise). Items of
 * letters alone name themselves (see latin_items), and so do short noun
 * phrases no noun data names (see self_items). When the last item's noun
 * starts inside it, the noun is the head of like things (see
 * modifier_items; *head receives it). @return 1 all named, 0 not, or a
 * negative ZS_E* from the metric data.
 */
static int name_items(const char *p, const size_t *cut, size_t k, size_t to,
                      char norm[][ZSI_METRIC_BYTES], char raw[][ZSI_METRIC_BYTES], zsi_span *at,
                      zsi_span *tail_at, zsi_span *head)
{
    size_t i, e[MAX_LIST_ITEMS], w0 = 0;
    int named[MAX_LIST_ITEMS], all = 1, same = 1;
    for (i = 0; i < k; i++) {
        int rc;
        e[i] = i + 1 < k ? item_end(p, cut[i + 1]) : to;
        if (e[i] <= cut[i])
            return 0;
        zsi_span_clear(&tail_at[i]);
        rc = zsi_metric_noun(p, cut[i], e[i], norm[i], raw[i], &at[i]);
        if (rc < 0)
            return rc;
        named[i] = rc > 0;
        all &= named[i];
    }
    if (all)
        return 1;
    if (latin_items(p, cut, e, k, norm, raw, at))
        return 1;
    if (!named[k - 1])
        return self_items(p, cut, e, k, named, norm, raw, at, tail_at);
    if (at[k - 1].s != cut[k - 1]) /* 单位、学校、公共场所|…的比例: no like things */
        return modifier_items(p, cut, e, k, named, norm, raw, at, tail_at, head);
    for (i = 0; i + 1 < k; i++) {
        size_t c, w, ln, cs;
        const char *hn, *hr;
        if (named[i])
            continue;
        cs = i ? cut[i] : item0_start(p, cut[0], e[0]);
        ln = e[i] - cs;
        c = only_han(p, cs, e[i]);
        if (!c ||
            !(w = head_of(p, &at[k - 1], norm[k - 1], raw[k - 1], c, last_cp(p, e[i]), &hn, &hr)))
            return at[k - 1].e == e[k - 1] ? self_items(p, cut, e, k, named, norm, raw, at, tail_at)
                                           : 0; /* 药费|占比: what follows is shared */
        if (i + 2 == k && one_industry(p, e[i], w))
            return 0;
        if (w0 && w != w0)
            same = 0;
        w0 = w;
        if (ln + strlen(hr) >= ZSI_METRIC_BYTES || ln + strlen(hn) >= ZSI_METRIC_BYTES)
            return 0;
        memcpy(raw[i], p + cs, ln);
        memcpy(raw[i] + ln, hr, strlen(hr) + 1);
        memcpy(norm[i], p + cs, ln);
        memcpy(norm[i] + ln, hn, strlen(hn) + 1);
        at[i].s = cs;
        at[i].e = e[i];
        tail_at[i].s = w;
        tail_at[i].e = at[k - 1].e;
    }
    if (same && w0 >= at[k - 1].s + 9 && is_count_numeral(cp_at(p, w0, w0 - 6, NULL)) &&
        w0 - 6 - at[k - 1].s + (at[k - 1].e - w0) < ZSI_METRIC_BYTES) {
        /* 服装三大|行业投资: the last item too is its modifier and the head
         * the others share, without the items' count */
        size_t ms = at[k - 1].s, me = w0 - 6, hl = at[k - 1].e - w0;
        memcpy(raw[k - 1], p + ms, me - ms);
        memcpy(raw[k - 1] + (me - ms), p + w0, hl);
        raw[k - 1][me - ms + hl] = '\0';
        memcpy(norm[k - 1], raw[k - 1], me - ms + hl + 1);
        tail_at[k - 1].s = w0;
        tail_at[k - 1].e = at[k - 1].e;
        at[k - 1].e = me;
    }
    return 1;
}

/* A classifier a count of a list's items takes (3种, 四类, 三大, 5项, 两个)? */
static int item_classifier(unsigned cp)
{
    return cp == 0x79CD || cp == 0x7C7B || cp == 0x9879 || cp == 0x5927 || /* 种 类 项 大 */
           cp == 0x4E2A;                                                   /* 个 */
}

/* The value of the digits (ASCII or full width) at p[q..e), at most 99;
 * *r receives where they end (q when none). */
static size_t digits_at(const char *p, size_t q, size_t e, size_t *r)
{
    size_t v = 0, l;
    *r = q;
    while (*r < e && v < 100) {
        unsigned c = cp_at(p, e, *r, &l);
        if (c >= '0' && c <= '9')
            v = v * 10 + (c - '0');
        else if (c >= 0xFF10 && c <= 0xFF19)
            v = v * 10 + (c - 0xFF10);
        else
            break;
        *r += l;
    }
    return v;
}

/*
 * Where a count of a list's k items starts in p[s..e), the text of its
 * last item (鲜猪肉|8种|生活必需品价格, 水果|六大类|产品): digits or one
 * numeral (not when digits) saying k, then a classifier (种 类 项 大 个;
 * 大类); *ce receives where the count ends. 0 when there is none, or
 * nothing of the item before it.
 */
static size_t items_count(const char *p, size_t s, size_t e, size_t k, int digits, size_t *ce)
{
    size_t q, l, l2, r, v;
    unsigned prev = 0;
    for (q = s; q < e; prev = cp_at(p, e, q, NULL), q += l) {
        unsigned cp = cp_at(p, e, q, &l), c;
        if ((prev >= '0' && prev <= '9') || (prev >= 0xFF10 && prev <= 0xFF19))
            continue; /* inside a number (18种 is no count of 8) */
        v = digits_at(p, q, e, &r);
        if (r == q && !digits && is_count_numeral(cp)) {
            v = (size_t)zsi_cn_numeral(cp);
            r = q + l;
        }
        if (r == q || v != k || r >= e || !item_classifier(c = cp_at(p, e, r, &l2)))
            continue;
        r += l2;
        if (c == 0x5927 && cp_at(p, e, r, &l2) == 0x7C7B) /* 大类 */
            r += l2;
        if (q == s)
            return 0;
        *ce = r;
        return q;
    }
    return 0;
}

/* Is p[s..e) a counted list's item: a like_thing, or Han words that hold
 * no numeral character though jieba tags one of them a numeral (大米 is
 * 'm' in its data)? */
static int counted_item(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], q, l, c = zsi_count_han(p, s, e);
    char tg[ZSI_LEX_CUT_MAX + 1], raw[ZSI_METRIC_BYTES];
    int nw, i;
    if (like_thing(p, s, e))
        return 1;
    if (!c || c > MAX_SELF_HAN || c != count_chars(p, s, e) || e - s >= sizeof raw)
        return 0;
    for (q = s; q < e; q += l)
        if (zsi_cn_numeral(cp_at(p, e, q, &l)) >= 0)
            return 0;
    nw = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    if (nw < 1)
        return 0;
    for (i = 0; i < nw; i++)
        if (tg[i] != 'm' && unlike_word(p, st[i], st[i + 1], tg[i]))
            return 0;
    memcpy(raw, p + s, e - s);
    raw[e - s] = '\0';
    return !zsi_any_place(raw);
}

/*
 * 蔬菜、白条鸡和鲜猪肉3种生活必需品价格分别上涨2%、3%、1%: a count of the
 * k items (3种) ends the list, and the noun after it names their kind and
 * what each has (生活必需品|价格): each item's metric is the item and that
 * head (蔬菜价格), printed in two places (at, tail_at), not the kind, which
 * every item is. cut[] the items' starts, to where the list's text ends;
 * digits: a count in digits only (a numeral's, 三大|行业投资, is name_items'
 * first: the kind stays there). @return 1 all named (*head receives the
 * noun after the count), 0 not (nothing written), or a negative ZS_E*.
 */
static int counted_items(const char *p, const size_t *cut, size_t k, size_t to, int digits,
                         char norm[][ZSI_METRIC_BYTES], char raw[][ZSI_METRIC_BYTES], zsi_span *at,
                         zsi_span *tail_at, zsi_span *head)
{
    size_t cs, ce = 0, s[MAX_LIST_ITEMS], e[MAX_LIST_ITEMS], i, hs, hl, hnl;
    const char *hnorm = NULL;
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1], hn[ZSI_METRIC_BYTES], hr[ZSI_METRIC_BYTES];
    zsi_span nat;
    int rc, nw;
    if (k < 2 || !(cs = items_count(p, cut[k - 1], to, k, digits, &ce)))
        return 0;
    rc = zsi_metric_noun(p, ce, to, hn, hr, &nat);
    if (rc <= 0 || nat.s != ce)
        return rc < 0 ? rc : 0;
    nw = zsi_lex_cut(p, nat.s, nat.e, st, tg, ZSI_LEX_CUT_MAX);
    if (nw < 2)
        return 0; /* the kind alone (3种|产品): no head of the items' own */
    /* the head: the longest tail that is a whole phrase of the data
     * (产业|主营业务收入), else the last word (生活|必需品|价格) */
    for (i = 1; i < (size_t)nw && !zsi_metric_phrase(p + st[i], nat.e - st[i], &hnorm); i++)
        ;
    hs = st[i < (size_t)nw ? i : (size_t)nw - 1];
    if (zsi_count_han(p, hs, nat.e) < 2)
        hs = st[nw - 2];
    if (hs <= nat.s || zsi_count_han(p, hs, nat.e) < 2)
        return 0;
    if (i >= (size_t)nw || hs != st[i])
        hnorm = NULL; /* the last word: its normal form is as printed */
    hl = nat.e - hs;
    hnl = hnorm ? strlen(hnorm) : hl;
    for (i = 0; i < k; i++) {
        e[i] = i + 1 < k ? item_end(p, cut[i + 1]) : cs;
        s[i] = i ? cut[i] : item0_start(p, cut[0], e[0]);
        if (e[i] <= s[i] || !counted_item(p, s[i], e[i]) || e[i] - s[i] + hl >= ZSI_METRIC_BYTES ||
            e[i] - s[i] + hnl >= ZSI_METRIC_BYTES)
            return 0;
    }
    for (i = 0; i < k; i++) {
        size_t l = e[i] - s[i];
        memcpy(raw[i], p + s[i], l);
        memcpy(raw[i] + l, p + hs, hl);
        raw[i][l + hl] = '\0';
        memcpy(norm[i], p + s[i], l);
        memcpy(norm[i] + l, hnorm ? hnorm : p + hs, hnl);
        norm[i][l + hnl] = '\0';
        at[i].s = s[i];
        at[i].e = e[i];
        tail_at[i].s = hs;
        tail_at[i].e = nat.e;
    }
    *head = nat;
    return 1;
}

/*
 * The nouns of a list's k items: by a count in digits that ends them
 * (鲜猪肉|3种|生活必需品价格, counted_items), else by name_items, else by a
 * numeral's count (鲜猪肉|三种|…); *counted says counted_items named them.
 * @return as name_items.
 */
static int name_list(const char *p, const size_t *cut, size_t k, size_t to,
                     char norm[][ZSI_METRIC_BYTES], char raw[][ZSI_METRIC_BYTES], zsi_span *at,
                     zsi_span *tail_at, zsi_span *head, int *counted)
{
    int rc = counted_items(p, cut, k, to, 1, norm, raw, at, tail_at, head);
    *counted = rc > 0;
    if (rc != 0 || (rc = name_items(p, cut, k, to, norm, raw, at, tail_at, head)) != 0)
        return rc;
    rc = counted_items(p, cut, k, to, 0, norm, raw, at, tail_at, head);
    *counted = rc > 0;
    return rc;
}

/*
 * 科创板、创业板样本权重分别为1%、2%、3%: a list of nc items before 分别 that
 * are not the k figures' (nc != k), whose last item's noun heads the list
 * and whose other items are short modifiers of it (see name_items), names
 * what the figures share: the head (样本权重), with the change word the
 * first figure's metric ends with; without it every figure had the last
 * item's modifier, which is not theirs. @return 0, or a negative ZS_E*.
 */
static int list_head(const char *p, const size_t *cut, size_t nc, size_t to, zsi_figure *f,
                     size_t k)
{
    char ln[ZSI_METRIC_BYTES], lr[ZSI_METRIC_BYTES], n2[ZSI_METRIC_BYTES], r2[ZSI_METRIC_BYTES];
    const char *hn, *hr, *ch = f[0].metric + f[0].noun, *chr = f[0].metric_raw + f[0].noun_raw;
    char m[ZSI_METRIC_BYTES], mr[ZSI_METRIC_BYTES];
    zsi_span last, a2, head;
    size_t i, c = 0, w;
    int rc = zsi_metric_noun(p, cut[nc - 1], to, ln, lr, &last);
    if (rc <= 0 || last.s != cut[nc - 1])
        return rc < 0 ? rc : 0;
    for (i = 0; i + 1 < nc; i++) {
        size_t ie = item_end(p, cut[i + 1]), ci;
        if (ie <= cut[i] || !(ci = only_han(p, cut[i], ie)))
            return 0;
        rc = zsi_metric_noun(p, cut[i], ie, n2, r2, &a2);
        if (rc != 0)
            return rc < 0 ? rc : 0;
        if (!i)
            c = ci;
    }
    if (!(w = head_of(p, &last, ln, lr, c, 0, &hn, &hr)))
        return 0;
    if (strlen(hn) + strlen(ch) >= sizeof m || strlen(hr) + strlen(chr) >= sizeof mr)
        return 0;
    memcpy(m, hn, strlen(hn));
    memcpy(m + strlen(hn), ch, strlen(ch) + 1);
    memcpy(mr, hr, strlen(hr));
    memcpy(mr + strlen(hr), chr, strlen(chr) + 1);
    head.s = w;
    head.e = last.e;
    for (i = 0; i < k; i++) {
        if (f[i].noun_at.s != last.s || f[i].noun_at.e != last.e)
            continue; /* a figure not named by the last item: its own */
        memcpy(f[i].metric, m, sizeof m);
        memcpy(f[i].metric_raw, mr, sizeof mr);
        f[i].noun = strlen(hn);
        f[i].noun_raw = strlen(hr);
        f[i].noun_at = head;
    }
    return 0;
}

/* Is p[s..e) a mark that sets list items side by side (、 和 及 与), with
 * spaces about it, and nothing else? */
static int list_mark(const char *p, size_t s, size_t e)
{
    while (s < e && p[s] == ' ')
        s++;
    while (e > s && p[e - 1] == ' ')
        e--;
    return e - s == 3 && zsi_is_list_mark(cp_at(p, e, s, NULL));
}

/* Does the normal form of a change word ch end in 速 or 幅 (增速, 同比降幅):
 * a rate of change of its noun, not a share (占比)? */
static int ends_rate_of_change(const char *ch)
{
    size_t n = strlen(ch);
    return n >= 3 && (!memcmp(ch + n - 3, "\xE9\x80\x9F", 3) || !memcmp(ch + n - 3, "\xE5\xB9\x85", 3));
}

/* out = noun (n bytes, n < ZSI_METRIC_BYTES) and then tail when both fit
 * (whole or not at all: a change word never cut inside a character). */
static void join(char *out, const char *noun, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    if (n >= ZSI_METRIC_BYTES)
        n = ZSI_METRIC_BYTES - 1; /* never: callers pass a noun that fits */
    memcpy(out, noun, n);
    if (n + t >= ZSI_METRIC_BYTES)
        t = 0;
    memcpy(out + n, tail, t);
    out[n + t] = '\0';
}

/*
 * The metric of item i of a list whose figures are shares (通用机械|、专用机械、
 * 电气机械|业务收入占比|分别为): its noun (the item and the head it shares,
 * norm and raw) and the share word p[last_e..share_e) after the last item,
 * printed in two pieces: the item (at) and the head through the share word
 * (from the head's start, tail_at, when it has one; else the share word).
 * Left as it is when it does not fit.
 */
static void share_item(const char *p, zsi_figure *f, const char *norm, const char *raw,
                       const zsi_span *at, const zsi_span *tail_at, size_t last_e, size_t share_e)
{
    size_t ln = strlen(norm), lr = strlen(raw), sl = share_e - last_e;
    if (ln + sl >= sizeof f->metric || lr + sl >= sizeof f->metric_raw)
        return;
    memcpy(f->metric, norm, ln);
    memcpy(f->metric + ln, p + last_e, sl);
    f->metric[ln + sl] = '\0';
    memcpy(f->metric_raw, raw, lr);
    memcpy(f->metric_raw + lr, p + last_e, sl);
    f->metric_raw[lr + sl] = '\0';
    f->noun = ln + sl;
    f->noun_raw = lr + sl;
    f->noun_at = *at;
    f->change_at.s = tail_at->e > tail_at->s ? tail_at->s : last_e;
    f->change_at.e = share_e;
}

/*
 * A list and 分别 before k linked figures f[0..k) (工业增加值、工业利润和工业投资
 * 分别增长15%、23%、40%): each figure takes its own item's noun, in order,
 * with the change word they share; without it every figure had the last
 * item's. The items are the words from ws to 分别, cut at 、 and at the last
 * 和, 及 or 与; nothing changes unless there are k of them and each names a
 * noun (中部、西部和东北地区分别为 are places: the figures keep theirs);
 * with another count of items, the head they share may name the figures
 * (list_head).
 * When nothing but filler stands before 分别 in its clause, the list is the
 * one before: k figures that end the clauses before it in its sentence,
 * each with its noun (营业收入100亿元、利润20亿元，分别增长10%、20%), or,
 * with no figure there, the previous clause's words (因灾死亡人数、倒塌房屋
 * 数量和直接经济损失，较上期分别下降87%、86%、61%), or with one figure
 * there that counts the items (萝卜、白菜和土豆3种蔬菜价格上涨，比上周分别
 * 上涨: see counted_items).
 * Without a 分别, a list that ends with the figures' noun, with as many items
 * as figures joined only by 、 or 和 (会议和文件同比减少40%、50%).
 * @return 0, or a negative ZS_E* from the metric data.
 */
int zsi_pair_list(const char *p, size_t sent, size_t ws, zsi_figure *v, size_t first, size_t k)
{
    size_t cut[MAX_LIST_ITEMS + 1], nc = 0, fb = 0, le = 0, q, i, te, last_e;
    char norm[MAX_LIST_ITEMS][ZSI_METRIC_BYTES], raw[MAX_LIST_ITEMS][ZSI_METRIC_BYTES];
    zsi_span at[MAX_LIST_ITEMS], tail_at[MAX_LIST_ITEMS], change_at, noun0, hd = {0, 0};
    char ch0[ZSI_METRIC_BYTES], chr0[ZSI_METRIC_BYTES];
    zsi_figure *f = v + first;
    int rc, mixed = 0, counted = 0;
    size_t share_e = 0; /* the end of a share word all items take, or 0 */

    if (k > MAX_LIST_ITEMS)
        return 0;
    for (q = ws; q + 6 <= f[0].start; q++)
        if (memcmp(p + q, "\xE5\x88\x86\xE5\x88\xAB", 6) == 0) /* 分别 */
            fb = le = q;
    if (!fb) {
        /* 早籼稻、中晚籼稻和粳稻最低收购价为121元、127元和130元: without a
         * 分别, a list that ends with the figures' noun, as many items as
         * figures, pairs them as well */
        const zsi_span *na = &f[0].noun_at;
        if (na->e <= na->s || na->s < ws || na->e > f[0].start)
            return 0;
        for (i = 1; i < k; i++)
            if (!list_mark(p, f[i - 1].end, f[i].start))
                return 0; /* 由6%下调至1%: a change from one to the other */
        le = na->e;
    }
    te = le;
    nc = list_items(p, ws, le, cut);
    if (!fb && nc != k)
        return 0;
    if (nc >= 2) /* 同比|分别: filler after the last item is none of it */
        while (te > cut[nc - 1] && zsi_all_filler(p, te - zsi_utf8_prev(p, te), le))
            te -= zsi_utf8_prev(p, te);
    if (nc == k) {
        rc = name_list(p, cut, k, te, norm, raw, at, tail_at, &hd, &counted);
        if (rc <= 0)
            return rc;
    } else if (nc >= 2) {
        return list_head(p, cut, nc, te, f, k);
    } else if (nc != 1 || ws <= sent || !zsi_all_filler(p, ws, fb)) {
        return 0;
    } else if (first >= k && v[first - k].start >= sent) {
        /* the k figures before, each named, in clauses before this one */
        for (i = 0; i < k; i++) {
            const zsi_figure *g = &v[first - k + i];
            if (!g->noun || g->noun_raw >= sizeof raw[i] || g->end > ws)
                return 0;
            memcpy(norm[i], g->metric, g->noun);
            norm[i][g->noun] = '\0';
            memcpy(raw[i], g->metric_raw, g->noun_raw);
            raw[i][g->noun_raw] = '\0';
            at[i] = g->noun_at;
            zsi_span_clear(&tail_at[i]);
            mixed |= i && strcmp(norm[i], norm[0]) != 0;
        }
        if (!mixed)
            return 0; /* one noun for all: nothing to pair */
    } else {
        /* the previous clause's words, when no figure stands in it */
        size_t pe = ws, ps, l;
        unsigned cp;
        do { /* back over the clause end before ws */
            pe -= zsi_utf8_prev(p, pe);
            cp = cp_at(p, ws, pe, &l);
        } while (pe > sent && !zsi_is_clause_end(cp));
        if (pe <= sent)
            return 0;
        ps = zsi_clause_start(p, sent, pe);
        /* one figure may stand there: the items' count (鲜猪肉|8种|…) */
        if (first > 0 && v[first - 1].end > ps &&
            (v[first - 1].start < ps || (first > 1 && v[first - 2].end > ps)))
            return 0;
        nc = list_items(p, ps, pe, cut);
        if (nc != k)
            return 0;
        if (first > 0 && v[first - 1].end > ps)
            counted = (rc = counted_items(p, cut, k, pe, 0, norm, raw, at, tail_at, &hd)) > 0;
        else
            rc = name_list(p, cut, k, pe, norm, raw, at, tail_at, &hd, &counted);
        if (rc <= 0)
            return rc;
    }
    change_at = f[0].change_at;
    noun0 = f[0].noun_at;
    if (hd.e == 0) /* the head the figures were named by: the last item's noun */
        hd = at[k - 1];
    last_e = tail_at[k - 1].e > tail_at[k - 1].s ? tail_at[k - 1].e : at[k - 1].e;
    if (noun0.s == at[k - 1].s && noun0.e > last_e && !f[0].metric[f[0].noun] &&
        zsi_dependent_word(p, last_e, noun0.e)) {
        /* 通用机械、专用机械业务收入|占比分别为: the figures' noun is the last
         * item's and the share word after it (the list's items end before
         * it, a share of each): each item's noun takes it too */
        share_e = noun0.e;
        noun0.e = last_e;
    }
    for (i = 0; i < k && !counted; i++)
        if (tail_at[i].e > tail_at[i].s && (noun0.s < hd.s || noun0.s >= hd.e || noun0.e != last_e))
            return 0; /* items that share a head the figures were not named by
                       * (机床业务收入|占比分别为: 占比): not their list; the
                       * figures' noun may be a shorter cut of it (服装|制造业
                       * 工业增加值) */
    /* the change word the first figure's metric ends with (增速), kept
     * before f[0]'s metric is overwritten */
    memcpy(ch0, f[0].metric + f[0].noun, sizeof f[0].metric - f[0].noun);
    memcpy(chr0, f[0].metric_raw + f[0].noun_raw, sizeof f[0].metric_raw - f[0].noun_raw);
    for (i = 0; i < k; i++) {
        const char *ch = ch0, *chr = chr0;
        char m[ZSI_METRIC_BYTES], mr[ZSI_METRIC_BYTES];
        size_t ln = strlen(norm[i]), lr = strlen(raw[i]);
        int with_change;
        if (share_e) {
            if (i + 1 < k)
                share_item(p, &f[i], norm[i], raw[i], &at[i], &tail_at[i], last_e, share_e);
            continue; /* the last keeps its noun, the share word with it */
        }
        if (tail_at[i].e > tail_at[i].s && ch0[0] && !ends_rate_of_change(ch0))
            continue; /* a share (收入|占比), which the noun alone does not name */
        if (tail_at[i].e > tail_at[i].s)
            ch = chr = ""; /* printed in two places, a change word would be a
                            * third: the noun alone names the rate (城镇居民
                            * 收入 for 城镇|和农村居民收入|分别增长6%) */
        join(m, norm[i], ln, ch);
        /* the change word is printed once, after the list */
        with_change = chr[0] && lr + strlen(chr) < sizeof mr;
        join(mr, raw[i], lr, chr);
        memcpy(f[i].metric, m, sizeof m);
        memcpy(f[i].metric_raw, mr, sizeof mr);
        f[i].noun = ln;
        f[i].noun_raw = lr;
        f[i].noun_at = at[i];
        if (with_change)
            f[i].change_at = change_at;
        else if (tail_at[i].e > tail_at[i].s)
            f[i].change_at = tail_at[i];
        else
            zsi_span_clear(&f[i].change_at);
    }
    return 0;
}
