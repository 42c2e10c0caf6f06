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
 * Invariants: norm and raw are always NUL-terminated and cut on a UTF-8
 * boundary; a lookup allocates nothing (see metric_int.h for the layers).
 */
#include <stdlib.h>
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Does p[s..e) hold 至 or 到 (a change to a new level: 提高至68.57%)? Not
 * the 到 of 达到, which links as 为 does (降幅达到60%: the rate itself). */
static int has_to(const char *p, size_t s, size_t e)
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

#define NO_ZHAN ((size_t)-1)

/* Is p[s..s+6) 占 with a verb's complement or aspect (占到, 占了, 占据,
 * 占有), a word ICU keeps whole that says what 占 says (工业投资占到全市
 * 的六成)? */
static int zhan_complement(const char *p, size_t s, size_t we)
{
    static const char *const tail[] = {"\xE5\x88\xB0", "\xE4\xBA\x86", "\xE6\x8D\xAE",
                                       "\xE6\x9C\x89"}; /* 到 了 据 有 */
    size_t i;
    if (s + 6 > we)
        return 0;
    for (i = 0; i < sizeof tail / sizeof tail[0]; i++)
        if (memcmp(p + s + 3, tail[i], 3) == 0)
            return 1;
    return 0;
}

/* Where 占 stands as a word of its own in p[ws..we) (占全市比重; not 占地,
 * 占比), or as the verb of a word of 占 and its complement (占到全市的六成),
 * the last one; NO_ZHAN when none. */
static size_t zhan_at(const char *p, size_t ws, size_t we)
{
    size_t s, z = NO_ZHAN;
    zsi_wbounds wb;
    int broken = 0;
    for (s = ws; s + 3 <= we; s++) {
        if (memcmp(p + s, "\xE5\x8D\xA0", 3) != 0) /* 占 */
            continue;
        if (!broken) {
            size_t lo = s > ws + 9 ? s - 9 : ws;
            while (lo > ws && (p[lo] & 0xC0) == 0x80)
                lo--;
            zsi_wb_compute(&wb, p, lo, we);
            broken = 1;
        }
        if (s >= wb.s && zsi_wb_is(&wb, s) &&
            (zsi_wb_is(&wb, s + 3) || (zhan_complement(p, s, we) && zsi_wb_is(&wb, s + 6))))
            z = s;
    }
    return z;
}

/* Is the whole of s a place name (a division or a jieba ns word: 法国)? */
static int only_place(const char *s)
{
    size_t row;
    const zsi_words *places = zsi_mplaces();
    return places && (zsi_words_find(places, s, strlen(s), &row) & ZSW_PLACE_);
}

int zsi_any_place(const char *s)
{
    return zsi_metric_data() == 0 && only_place(s);
}

/* Parts of speech (data/words.tsv's byte) of a word that may end the noun a
 * share counts: common nouns (n: 居民, 商家), verbal nouns (V), other proper
 * nouns (Z), abbreviations (j: 中小企业), and jieba's person words (R), which
 * file peoples (德国人) with names: no share counts a person. Not a place (S)
 * or an organisation (T): a share of 法国 names no population. */
#define SHARE_HEAD "nVZjR"
/* A word of these may stand before the head as its modifier: distinguishing
 * words (b: 大型), adjectives (a), places (S: 美国居民), idioms (l, i). */
#define SHARE_MOD "balSi"

/*
 * 其中健身工作室占70%, 大型俱乐部占30%: the noun phrase that ends right
 * before 占 at z, by the most likely cut of the words of p[ws..z) (jieba's,
 * with their parts of speech): its last word of a noun's classes and the
 * words before it of a noun's or a modifier's classes, or a verb before a
 * noun (健身|工作室, 采用|建筑|涂料), back to a word of another class (其中,
 * 在) or the clause start. Two characters at least, not a place alone.
 * @return 1 found (norm, raw, at written), 0 none.
 */
static int zhan_subject(const char *p, size_t ws, size_t z, zsi_metric *m)
{
    size_t lo = zsi_han_back(p, ws, z, ZSI_LEX_CUT_MAX), st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    w = zsi_lex_cut(p, lo, z, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || !tg[w - 1] || !strchr(SHARE_HEAD, tg[w - 1]))
        return 0;
    for (i = w - 1; i > 0; i--) {
        char t = tg[i - 1];
        if (!t || !(strchr(SHARE_HEAD, t) || strchr(SHARE_MOD, t) || t == 'v'))
            break;
    }
    if (i == 0 && zsi_nchars(p, lo, z) >= ZSI_LEX_CUT_MAX && lo > ws)
        i++; /* the window may have cut its first word: not taken */
    if (i >= w || zsi_nchars(p, st[i], z) < 2)
        return 0;
    zsi_copy_raw(m->raw, &m->at, p, st[i], z);
    if (only_place(m->raw)) {
        m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    memcpy(m->norm, m->raw, sizeof m->norm);
    return 1;
}

/* Is p[s..e) one word that is a verb of wordclass.txt, or holds 的? */
static int verb_or_de(const char *p, size_t s, size_t e)
{
    return zsi_is_class_stop(p, s, e) ||
           (e - s == 3 && memcmp(p + s, "\xE7\x9A\x84", 3) == 0); /* 的 */
}

/* Is p[s..e) a time word by its form, a word of two or more characters
 * ending in 年 or 期 (去年, 上年, 常年, 同期)? wordclass.txt files jieba's time
 * words with its verbs, but the object of 比 is often a time. */
static int time_by_form(const char *p, size_t s, size_t e)
{
    return e >= s + 6 && (memcmp(p + e - 3, "\xE5\xB9\xB4", 3) == 0 || /* 年 */
                          memcmp(p + e - 3, "\xE6\x9C\x9F", 3) == 0);  /* 期 */
}

/* Does the adverbial opened by the word p[z..z+zl) hold the noun p[ns..ne),
 * before a predicate at e? Yes when a closing word of an [adverbial] entry
 * for it follows the noun (与…相比), or when the opener has an entry without
 * one and the words between it and the noun are no verb and no 的 (a time
 * word is no verb here: 比常年同期均值; the noun's own words are not asked:
 * the 均 of 均值 is an adverb of its own). */
static int adverbial_spans(const zsi_wbounds *wb, const char *p, size_t z, size_t zl, size_t ns,
                           size_t ne, size_t e)
{
    const zsi_phrase_set *ps = zsi_mset(MSEC_ADVERBIAL);
    size_t i, q, s;
    for (i = 0; i < ps->n; i++) {
        const zsi_phrase *a = &ps->v[i];
        if (a->len != zl || memcmp(a->s, p + z, zl) != 0)
            continue;
        if (a->norm == a->s) {
            for (s = z + zl; s < ns;) {
                size_t s2 = zsi_wb_gt(wb, s);
                if (verb_or_de(p, s, s2) && !time_by_form(p, s, s2))
                    break;
                s = s2;
            }
            if (s >= ns)
                return 1;
            continue;
        }
        for (q = ne; q + a->nlen <= e; q++)
            if (memcmp(p + q, a->norm, a->nlen) == 0 && zsi_wb_is(wb, q) &&
                zsi_wb_is(wb, q + a->nlen))
                return 1;
    }
    return 0;
}

/*
 * The noun before e that the predicate at e is said of: zsi_find_noun's,
 * unless that one is the object of a preposition opening an adverbial
 * ([adverbial]: 工业增加值|按可比价格计算|增长6%, 粮食产量|比历史最高水平|多5%)
 * and a noun stands before the preposition in the clause; then that noun,
 * the subject. The adverbial runs from its preposition to its closing word
 * (与…相比) or, without one, over words that are no verb and no 的 up to the
 * noun's end (企业在高新区|新增|投资: the verb ends the adverbial, and 新增投资
 * is named). *at, *cutp and *endp as for zsi_find_noun. *objp (when not
 * NULL) is set when the noun is the object of a comparison or a method (比,
 * 较, 与…相比, 按…计算) and no noun stands before the preposition: the clause
 * names no subject (增长8%，比常年同期均值偏多两成: not 均值), so the caller
 * looks for it earlier. Not for 在 and 受, whose object may be what the
 * figure is a part of (在全部投资中占六成).
 */
static int subject_noun(const char *p, size_t ws, size_t e, char *norm, char *raw, zsi_span *at,
                        size_t *cutp, size_t *endp, int *objp)
{
    size_t cut, ne = e, ns, s, z = 0, zl = 0, nl;
    const zsi_phrase *open = NULL;
    zsi_wbounds wb;
    int broken = 0;

    if (objp)
        *objp = 0;
    if (!zsi_find_noun(p, ws, e, norm, raw, at, &cut, &ne))
        return 0;
    if (cutp)
        *cutp = cut;
    if (endp)
        *endp = ne;
    nl = strlen(raw);
    ns = ne >= ws + nl ? ne - nl : ws;
    for (s = cut; s <= ns && s < ne; s++) {
        const zsi_phrase *a;
        if ((p[s] & 0xC0) == 0x80 || (unsigned char)p[s] < 0x80)
            continue;
        a = zsi_match_at(zsi_mset(MSEC_ADVERBIAL), p, s, ne);
        if (!a)
            continue;
        if (!broken) {
            size_t lo = s > ws + 12 ? s - 12 : ws;
            while (lo > ws && (p[lo] & 0xC0) == 0x80)
                lo--;
            zsi_wb_compute(&wb, p, lo, e);
            broken = 1;
        }
        if ((s > wb.s || s == cut) && zsi_wb_is(&wb, s) && zsi_wb_is(&wb, s + a->len)) {
            open = a;
            z = s;
            zl = a->len;
        }
    }
    if (!open || z >= ne || !adverbial_spans(&wb, p, z, zl, ns, ne, e))
        return 1;
    {
        char n2[ZSI_METRIC_BYTES], r2[ZSI_METRIC_BYTES];
        size_t c2, e2 = z;
        zsi_span a2;
        if (zsi_find_noun(p, ws, z, n2, r2, &a2, &c2, &e2) && !only_place(r2)) {
            memcpy(norm, n2, sizeof n2);
            memcpy(raw, r2, sizeof r2);
            if (at)
                *at = a2;
            if (cutp)
                *cutp = c2;
            if (endp)
                *endp = e2;
        } else if (objp && memcmp(p + z, "\xE5\x9C\xA8", 3) != 0 && /* 在 */
                   memcmp(p + z, "\xE5\x8F\x97", 3) != 0) {          /* 受 */
            /* 全市平均气温|比…: a noun phrase no suffix names is the
             * subject; none, and the clause names no subject */
            if (zsi_np_before(p, ws, z, n2, r2, &a2) && !only_place(r2)) {
                memcpy(norm, n2, sizeof n2);
                memcpy(raw, r2, sizeof r2);
                if (at)
                    *at = a2;
                if (endp)
                    *endp = z;
            } else {
                *objp = 1;
            }
        }
    }
    return 1;
}

/* Does a noun phrase starting at b stand whole: at the clause start cut, after
 * punctuation, or after a word a run never crosses (a [stop] word, a place)?
 * Not when a verb, a numeral or the length limit cut it (首位|产业规模以上…,
 * where the lexicon's 首位产业 is one word). */
static int whole_phrase(const char *p, size_t cut, size_t b)
{
    zsi_wbounds wb;
    unsigned cp;
    size_t lo, pb;
    if (b <= cut)
        return 1;
    zsi_utf8_decode(p + b - zsi_utf8_prev(p, b), zsi_utf8_prev(p, b), &cp);
    if (!zsi_is_run_char(cp))
        return 1;
    lo = b > cut + 12 ? b - 12 : cut;
    while (lo > cut && (p[lo] & 0xC0) == 0x80)
        lo--;
    zsi_wb_compute(&wb, p, lo, b);
    pb = zsi_wb_le(&wb, b - 1);
    return (pb > wb.s || wb.s == cut) && zsi_is_stop_word(p, pb, b);
}

/*
 * A占B(的)…x%: the figure is A's share of B, named by A, the subject of 占,
 * when A is named right before the 占 (工业投资占固定资产投资比重达59.3%,
 * 农村居民收入占全部收入的六成). z is where 占 stands, ns where the noun found
 * after it starts. @return 1 with m->norm and m->raw set to A, 0 when no A.
 */
static int share_subject(const char *p, size_t ws, size_t z, size_t ns, zsi_metric *m)
{
    char n2[ZSI_METRIC_BYTES], r2[ZSI_METRIC_BYTES];
    size_t c2, e2 = z;
    zsi_span a2;
    if (z == NO_ZHAN || z <= ws || ns < z + 3)
        return 0;
    if (!subject_noun(p, ws, z, n2, r2, &a2, &c2, &e2, NULL) || only_place(r2) ||
        !zsi_all_filler(p, e2, z))
        return 0;
    if (!whole_phrase(p, c2, e2 >= c2 + strlen(r2) ? e2 - strlen(r2) : c2))
        return 0;
    memcpy(m->norm, n2, sizeof n2);
    memcpy(m->raw, r2, sizeof r2);
    m->at = a2;
    m->adjacent = 1;
    return 1;
}

/*
 * 占政府采购总支出的27%, 占到中国对该产品总进口量的48%: the object of 占 is
 * the words from 占 (and its complement) to the noun found at ns..ne, whole:
 * the noun found may stop at a verb or a preposition inside it (采购|总支出,
 * 对该|产品总进口量), which in the object of 占 are parts of its name. Only
 * Han between (no digits: 占公司2009年收入, a time is no part of a name), no
 * 的, at most MAX_RUN_CHARS characters,
 * and not when its first word (by the most likely cut) is a pronoun, a time
 * word, an adverb, a preposition or a conjunction (占其总销售额, 占我外贸总值:
 * whose total is said before; 占到目前该国总装机容量: when). m->raw and m->norm then take the words before the noun, m->at the
 * whole. @return 1 extended, 0 not.
 */
static int zhan_object(const char *p, size_t z, size_t we, size_t ns, size_t ne, zsi_metric *m)
{
    size_t zs, q, l, nl = strlen(m->norm), st[ZSI_LEX_CUT_MAX + 1];
    char n2[ZSI_METRIC_BYTES], tg[ZSI_LEX_CUT_MAX + 1];
    if (z == NO_ZHAN)
        return 0;
    zs = z + (zhan_complement(p, z, we) ? 6 : 3);
    if (ns <= zs || ne <= ns || zsi_nchars(p, zs, ne) > MAX_RUN_CHARS || ns - zs + nl >= sizeof n2)
        return 0;
    for (q = zs; q < ns; q += l) {
        unsigned cp;
        l = zsi_utf8_decode(p + q, ns - q, &cp);
        if (!zsi_m_is_han(cp) || cp == 0x7684 || cp == 0x4E4B) /* 的 之 */
            return 0;
    }
    if (zsi_lex_cut(p, zs, ne, st, tg, ZSI_LEX_CUT_MAX) < 1 || strchr("trdpc", tg[0]))
        return 0;
    memcpy(n2, p + zs, ns - zs);
    memcpy(n2 + (ns - zs), m->norm, nl + 1);
    zsi_copy_raw(m->raw, &m->at, p, zs, ne);
    memcpy(m->norm, n2, strlen(n2) + 1);
    return 1;
}

/*
 * 待机能耗约占家用电器总能耗的一成, 该类产品将占全部屏幕需求的70%: a 占 whose
 * clause no noun of the data names, with its object between it and the
 * figure (and a 的 closing it), is a share of that object, and the object
 * names it, as zhan_object() has it for a whole the data names. The object
 * is taken whole when it is Han only (占全年压锭68万锭的: a figure inside),
 * two to MAX_RUN_CHARS characters, not a place alone (占全国的: whose, not
 * what; nor one word of 全: 占全市的, 占全世界的), its first word by the most likely
 * cut no pronoun, time word, adverb, preposition, conjunction, particle,
 * numeral, measure or direction word (占我们总体业务的, 占目前市场的,
 * 占着全国) and
 * its last a common, verbal or other proper noun or an abbreviation (n, V,
 * Z, j), not a verb (占整体消费者比例达到) nor a name the data lacks
 * (占据麦考林75.9%股份: a company's, whose share of what follows), and no
 * preposition inside. m->whole says so: a noun after the figure and its
 * 的 (占合资公司20%的股权) names the share better (figure.c).
 * @return 1 with m's noun set, 0 none.
 */
static int zhan_whole(const char *p, size_t z, size_t we, zsi_metric *m)
{
    size_t zs, e = we, q, l, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w;
    if (z == NO_ZHAN)
        return 0;
    zs = z + (zhan_complement(p, z, we) ? 6 : 3);
    if (e >= zs + 3 && memcmp(p + e - 3, "\xE7\x9A\x84", 3) == 0) /* 的 */
        e -= 3;
    if (e <= zs || zsi_nchars(p, zs, e) < 2 || zsi_nchars(p, zs, e) > MAX_RUN_CHARS)
        return 0;
    for (q = zs; q < e; q += l) {
        unsigned cp;
        l = zsi_utf8_decode(p + q, e - q, &cp);
        if (!zsi_m_is_han(cp) || cp == 0x7684 || cp == 0x4E4B) /* 的 之 */
            return 0;
    }
    w = zsi_lex_cut(p, zs, e, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || !tg[0] || strchr("trdpcumqf", tg[0]) || !tg[w - 1] ||
        !strchr("nVZj", tg[w - 1]))
        return 0;
    for (q = 1; q < (size_t)w; q++)
        if (tg[q] == 'p')
            return 0; /* 柯占军在境外执行任务: a preposition; a clause, no name */
    /* 占全市的50%, 占全世界的九成: one word of 全 is a scope, whose share,
     * not of what */
    if (w == 1 && memcmp(p + zs, "\xE5\x85\xA8", 3) == 0) /* 全 */
        return 0;
    zsi_copy_raw(m->raw, &m->at, p, zs, e);
    if (only_place(m->raw)) {
        m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    memcpy(m->norm, m->raw, sizeof m->norm);
    /* not adjacent: a noun of the data right after the figure
     * (占据麦考林75.9%股份) names it better */
    m->adjacent = 0;
    m->whole = 1;
    return 1;
}

/* Does the noun phrase raw end in a total, 总 and one character (总量, 总数,
 * 总额)? It is a bare total alone or after one word a run stops at (全市总量,
 * 全国总数): it names no whole of its own (企业总量 does). */
static int ends_total(const char *raw)
{
    size_t n = strlen(raw);
    return n >= 6 && memcmp(raw + n - 6, "\xE6\x80\xBB", 3) == 0; /* 总 */
}

static int bare_total(const char *raw)
{
    size_t n = strlen(raw);
    return ends_total(raw) && (n == 6 || zsi_is_stop_word(raw, 0, n - 6));
}

/*
 * 占苏丹水电装机总量, 占全国经济总量, 占该国大豆出口总量: the printed metric
 * m->raw opens with 占 and ends in a total; its normal form names what the
 * share is of, the words after 占 (tests/quality/README.md: a share is named
 * by what it is a share of; the labels take 苏丹水电装机总量, as they take
 * 该国总装机容量 for 占该国总装机容量). Not a phrase that ends in 比重 or 比例:
 * a change printed after the share takes its noun (占全国就业人员比重为57%，
 * 提高0.9个百分点), and 全国就业人员增速 would name the total's rise. The
 * normal form stays whole when what is left is one character, a place or a
 * stop word alone (占全市比重: whose share, not of what) or a bare total
 * (全国总量).
 */
static void share_of_norm(zsi_metric *m)
{
    static const char *const word[] = {"\xE6\xAF\x94\xE9\x87\x8D",  /* 比重 */
                                       "\xE6\xAF\x94\xE4\xBE\x8B"}; /* 比例 */
    char x[ZSI_METRIC_BYTES];
    size_t n = strlen(m->raw), k;
    if (n <= 3 || memcmp(m->raw, "\xE5\x8D\xA0", 3) != 0) /* 占 */
        return;
    n -= 3;
    memcpy(x, m->raw + 3, n + 1);
    for (k = 0; k < sizeof word / sizeof *word; k++)
        if (n > 6 && memcmp(x + n - 6, word[k], 6) == 0)
            return;
    if (zsi_nchars(x, 0, n) < 2 || only_place(x) || zsi_is_stop_word(x, 0, n) || bare_total(x))
        return;
    memcpy(m->norm, x, n + 1);
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

/*
 * 从3年前的5%, 由目前的40%, 从原来的7万元, 从2月的205亿澳元: is p[s..e) a
 * time and the 的 that makes it the figure's (a time of the figure: the
 * start of a change from it, as 从2013年的 is)? By jieba's most likely
 * cut, every word before the 的 a time word (t: 目前, 去年, 最初), a
 * numeral (m: 两年), a direction (f: 前, 之前) or an adverb of time (d:
 * 原来, 原先), or a digit date; at most 8 characters.
 */
static int time_de(const char *p, size_t s, size_t e)
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
        if (!strchr("tmfdq", tg[i]) && !zsi_all_filler(p, st[i], st[i + 1]))
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
static size_t from_cut(const char *p, size_t ws, size_t we)
{
    size_t q, at = we, a, b;
    for (q = ws; q + 3 <= we; q++)
        if ((!memcmp(p + q, "\xE7\x94\xB1", 3) || !memcmp(p + q, "\xE4\xBB\x8E", 3)) && /* 由 从 */
            (zsi_all_filler(p, q + 3, we) || time_de(p, q + 3, we)))
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

/* A在B中的比重: where the 在 stands when the share word found (m->norm ends in
 * a [share] word) starts right after 中的 or 中, a share of B as 占 makes one
 * (网上零售额在社会消费品零售总额中的比重为20%); NO_ZHAN otherwise. */
static size_t in_at(const char *p, size_t ws, size_t ns, const zsi_metric *m)
{
    size_t q, e = ns, at = NO_ZHAN;
    if (!zsi_match_ending(zsi_mset(MSEC_SHARE), m->norm, 0, strlen(m->norm)))
        return NO_ZHAN;
    if (e >= ws + 3 && memcmp(p + e - 3, "\xE7\x9A\x84", 3) == 0) /* 的 */
        e -= 3;
    if (e < ws + 3 || memcmp(p + e - 3, "\xE4\xB8\xAD", 3) != 0) /* 中 */
        return NO_ZHAN;
    for (q = ws; q + 3 <= e - 3; q++)
        if (memcmp(p + q, "\xE5\x9C\xA8", 3) == 0) /* 在 */
            at = q;
    return at;
}

/* After a [conj] word that opens p[ws..we) and has words after it
 * (而去年同期是676亿元: 而 starts the clause, 去年同期是 names nothing);
 * ws when none (而96%的集装箱涂料: what follows the figure may name it). */
static size_t skip_conj(const char *p, size_t ws, size_t we)
{
    const zsi_phrase *c = zsi_match_at(zsi_mset(MSEC_CONJ), p, ws, we);
    return c && ws + c->len < we ? ws + c->len : ws;
}

/* Does the clause p[ws..) open (after a [conj] word and filler) with 比 or
 * 较 standing as a word before ns? Then a noun phrase found at ns is the
 * base compared with (比去年秋交会增长20%), not what the clause is about. */
static int compared_base(const char *p, size_t ws, size_t ns)
{
    size_t s = skip_conj(p, ws, ns), e;
    int k;
    zsi_wbounds wb;
    while (s < ns) { /* filler holds 比 and 较 too (比2017年末) */
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, ns - s, &cp);
        if (cp == 0x6BD4 || cp == 0x8F83 || !zsi_all_filler(p, s, s + l))
            break;
        s += l;
    }
    if (s + 3 >= ns || (memcmp(p + s, "\xE6\xAF\x94", 3) != 0 && /* 比 */
                        memcmp(p + s, "\xE8\xBE\x83", 3) != 0))  /* 较 */
        return 0;
    for (e = s, k = 0; e < ns && k < 8; k++) { /* enough to see the word 比 starts */
        unsigned cp;
        e += zsi_utf8_decode(p + e, ns - e, &cp);
    }
    zsi_wb_compute(&wb, p, s, e);
    return wb.s == s && zsi_wb_is(&wb, s + 3); /* not 比重, 比例, 较大 */
}

/* Does the noun phrase at ns (ending before z, where the change word starts)
 * follow 比 or 较 standing as a word (审理周期|比传统模式|缩短57%)? Then it is
 * the base compared with, wherever the clause opens, not what changes. Not
 * 比重, 比例, 较大: ICU keeps those whole. */
static int after_than(const char *p, size_t ws, size_t ns, size_t z)
{
    size_t lo = ns >= ws + 9 ? ns - 9 : ws, e = ns, k;
    zsi_wbounds wb;
    if (ns < ws + 3 || (memcmp(p + ns - 3, "\xE6\xAF\x94", 3) != 0 && /* 比 */
                        memcmp(p + ns - 3, "\xE8\xBE\x83", 3) != 0))  /* 较 */
        return 0;
    while (lo > ws && (p[lo] & 0xC0) == 0x80)
        lo--;
    for (k = 0; k < 4 && e < z; k++) { /* enough to see the word after it */
        unsigned cp;
        e += zsi_utf8_decode(p + e, z - e, &cp);
    }
    zsi_wb_compute(&wb, p, lo, e);
    return zsi_wb_is(&wb, ns - 3) && zsi_wb_is(&wb, ns);
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
static const zsi_phrase *change_by_form(const char *p, size_t ws, size_t s, size_t we, size_t *gs)
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

/* Does p[s..e) name nothing: empty, or only filler, time words and words of
 * wordclass.txt's class stop (adverbs, verbs, time words: 直接, 已经, 3月份)? */
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
        if (zsi_all_filler(p, s, s2) || zsi_is_class_stop(p, s, s2)) {
            s = s2;
            continue;
        }
        /* a time ICU cuts in two (3|月份, 2018|年, 一|季度): the words up to
         * the next stop word, read by jieba */
        for (s3 = s2; s3 < e; s3 = zsi_wb_gt(&wb, s3)) {
            size_t s4 = zsi_wb_gt(&wb, s3);
            if (zsi_is_class_stop(p, s3, s4))
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
static int rate_noun(const zsi_phrase *ch)
{
    return ch->len >= 3 && (memcmp(ch->s + ch->len - 3, "\xE5\xB9\x85", 3) == 0 || /* 幅 */
                            memcmp(ch->s + ch->len - 3, "\xE9\x80\x9F", 3) == 0);  /* 速 */
}

/* Do only words that name nothing stand in p[s..e), between a rate noun and
 * its figure: filler, verbs and adverbs of wordclass.txt (its class stop and
 * the verb-nouns, 预计), and 平均, the adverb "on average" (涨幅平均在5%)? */
static int rate_link(const char *p, size_t s, size_t e)
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
        if (!zsi_all_filler(p, s, s2) && !(fl & (ZSW_STOP_ | ZSW_VNOUN_)) &&
            !(s2 - s == 6 && memcmp(p + s, "\xE5\xB9\xB3\xE5\x9D\x87", 6) == 0)) /* 平均 */
            return 0;
        s = s2;
    }
    return 1;
}

/* Does p[s..e) hold only filler and the 比 of a comparison with a time (比上月,
 * 比上年同期: their time words are filler)? Such words name no subject. */
static int filler_or_than(const char *p, size_t s, size_t e)
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
static int bare_comparative(const char *p, size_t s, size_t e)
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
        if (!hit && !filler_or_than(p, s, s + l))
            return 0;
        s += l;
    }
    return seen;
}

/* metric_before's flags: change words known by their form (狂降) count; the
 * figure is an amount of money, whose bare noun phrase may end in a noun ICU
 * cut before its last character (zsi_np_before_money) */
#define MB_FORMS 1
#define MB_MONEY 2
/* the figure is an amount of money or a rate, which a subject before [link]
 * verbs and adverbs names (债权总计3亿元, 毛利甚至高达40%); a count or a
 * duration there says what the subject does (需要3秒, 至少需要5年) */
#define MB_LINKS 4

/* The bare noun phrase ending at we, as metric_before's flags read it. */
static int np_before_as(const char *p, size_t ws, size_t we, int flags, char *norm, char *raw,
                        zsi_span *at)
{
    return zsi_np_before_as(p, ws, we,
                            ((flags & MB_MONEY) ? ZSI_NP_TAILS : 0) |
                                ((flags & MB_LINKS) ? ZSI_NP_VERBS : 0),
                            norm, raw, at);
}

/* Is p[s..e) the rate of a change named as a noun: a [change] word ending
 * in 幅 or 速 (增速, 降幅, 年均增速), or a [change] word with 率 or 速度
 * after it (增长率, 年均增长率, 增长速度)? */
static int change_rate_noun(const char *p, size_t s, size_t e)
{
    const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_CHANGE), p, s, e);
    size_t r;
    if (!k)
        return 0;
    r = s + k->len;
    if (r == e)
        return rate_noun(k);
    return (e - r == 3 && !memcmp(p + r, "\xE7\x8E\x87", 3)) || /* 率 */
           (e - r == 6 && !memcmp(p + r, "\xE9\x80\x9F\xE5\xBA\xA6", 6)); /* 速度 */
}

/* Most characters at the end of a clause that strip_adverbs() and
 * strip_predicate() walk back over. */
#define TAIL_CHARS 12

/*
 * ICU's words of the last TAIL_CHARS characters of p[ws..we) into *wb: the
 * window the strip_* functions walk back over (its first word may be cut
 * when the window starts after ws). @return the window's start.
 */
static size_t tail_words(zsi_wbounds *wb, const char *p, size_t ws, size_t we)
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
 * or d), and filler; not verbs, which jieba also gives nouns of news
 * (开支, 需求). With links set: adverbs, filler and [link] verbs (总计,
 * 需要), which name nothing, but no time words (a time before a sum or a
 * rate may be part of its name: 过去每吨, 未来5年). we when none.
 */
static size_t strip_tail(const char *p, size_t ws, size_t we, int links)
{
    zsi_wbounds wb;
    size_t lo = tail_words(&wb, p, ws, we), e = we;
    while (e > wb.s) {
        size_t b = zsi_wb_le(&wb, e - 1), st[3];
        char tg[2];
        if (b < wb.s || (b == wb.s && lo > ws))
            break; /* the window's first word may be cut */
        if (!zsi_all_filler(p, b, e) && !(links && link_word(p, b, e)) &&
            !(zsi_lex_cut(p, b, e, st, tg, 2) == 1 && (tg[0] == 'd' || (!links && tg[0] == 't'))))
            break;
        e = b;
    }
    return e;
}

static size_t strip_adverbs(const char *p, size_t ws, size_t we)
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
    if (e >= gs || e <= ws || !np_before_as(p, ws, e, flags, m->norm, m->raw, &m->at))
        return 0;
    if (!only_place(m->raw) && !compared_base(p, ws, m->at.s))
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
static int subject_past_adverbs(const char *p, size_t ws, size_t gs, int flags, zsi_metric *m)
{
    return subject_ending_at(p, ws, strip_adverbs(p, ws, gs), gs, flags, m);
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

/* Does the change word at gs (a Han character at least) start by saying
 * what it is reckoned against (同比, 环比, 比上年, 较去年)? */
static int compared_now(const char *p, size_t gs)
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
static const zsi_phrase *compared_apart(const char *p, size_t ws, size_t gs, size_t ge, size_t *cs)
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
 * reckoned against a base, compared_now), and (2) whether the run may
 * follow a verb whose object it is (受理|消费者|投诉 before a figure).
 * @return 1 found (m's noun set), 0 none.
 */
static int verbal_subject(const char *p, size_t ws, size_t gs, int rate, int verb_ok, zsi_metric *m)
{
    size_t cs = skip_conj(p, ws, gs), e = strip_adverbs(p, cs, gs), lo, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    const zsi_phrase *k2;
    int w, i, k;
    if (e <= cs || (rate && e != gs))
        return 0;
    lo = zsi_han_back(p, cs, e, ZSI_LEX_CUT_MAX);
    w = zsi_lex_cut(p, lo, e, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || zsi_nchars(p, st[w - 1], e) < 2 || names_no_verb(p, st[w - 1], e))
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
    if (only_place(m->raw) || compared_base(p, ws, st[i])) {
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
    if (zsi_metric_data() != 0 || !verbal_subject(p, ws, we, 0, verb_ok, &m))
        return 0;
    memcpy(norm, m.norm, sizeof m.norm);
    memcpy(raw, m.raw, sizeof m.raw);
    if (at)
        *at = m.at;
    return 1;
}

/* Does p[s..e) end in a time word by its last character (2009年, 上年同期,
 * 2017年末, 一季度, 3月)? */
static int ends_in_time(const char *p, size_t s, size_t e)
{
    static const char *const tail[] = {"\xE5\xB9\xB4", "\xE6\x9C\x9F", "\xE6\x9C\x88",
                                       "\xE6\x9C\xAB", "\xE5\xBA\x95", "\xE5\xBA\xA6"};
    size_t i; /* 年 期 月 末 底 度 */
    if (e < s + 3)
        return 0;
    for (i = 0; i < sizeof tail / sizeof tail[0]; i++)
        if (memcmp(p + e - 3, tail[i], 3) == 0)
            return 1;
    return 0;
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
        return zsi_wb_is(&wb, s) && zsi_wb_is(&wb, s + 3) ? s : gs;
    }
    return gs;
}

/*
 * 半导体设备市场比2009年增长287%: no noun phrase ends right before the
 * change verb, as a time compared with stands there; the bare noun phrase
 * before 比 is what changes (not a place alone, nor one that is itself the
 * base of an earlier comparison). @return 1 found (m's noun set), 0 none.
 */
static int subject_before_time_base(const char *p, size_t ws, size_t gs, int flags, zsi_metric *m)
{
    return subject_ending_at(p, ws, time_base_start(p, ws, gs), gs, flags, m);
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
        size_t l = zsi_utf8_prev(p, s);
        zsi_utf8_decode(p + s - l, l, &cp);
    }
    return !zsi_is_digit_cp(cp);
}

/*
 * 毛利甚至高达40%, 债权总计约3亿元: the bare noun phrase before the adverbs,
 * time words and [link] verbs that end p[ws..we), when there are such words
 * (not a place alone, nor the base of a comparison). @return 1 found (m's
 * noun set), 0 none (m's noun left empty).
 */
static int subject_past_links(const char *p, size_t ws, size_t we, int flags, zsi_metric *m)
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

/*
 * 人均医疗费用支出的增长率为14%, 该行业的增速将保持在10%: the bare noun
 * phrase before the 的 that stands right before a rate of change at rs (in
 * p[ws..rs)) is what changes, as it is before the rate noun with no 的
 * (支出增长率). Not a place alone (西欧的增长率, 某省的降幅: a place compared),
 * nor the base of a comparison, nor a phrase cut from the 的 by filler the
 * reader strips (a time: 2018年的增速 names no subject).
 * @return 1 found (m's noun set), 0 none (m's noun left empty).
 */
static int rate_owner(const char *p, size_t ws, size_t rs, int flags, zsi_metric *m)
{
    size_t de = rs - 3, ne = de;
    if (rs < ws + 9 || memcmp(p + de, "\xE7\x9A\x84", 3) != 0) /* 的 */
        return 0;
    /* a metric noun (人均医疗费用支出), a bare noun phrase (该行业), or an
     * activity named by its verb (家电出口, 商务旅行) */
    if ((zsi_find_noun(p, ws, de, m->norm, m->raw, &m->at, NULL, &ne) && ne == de) ||
        (np_before_as(p, ws, de, flags, m->norm, m->raw, &m->at) && m->at.e == de) ||
        (verbal_subject(p, ws, de, 0, 0, m) && m->at.e == de)) {
        if (!only_place(m->raw) && !compared_base(p, ws, m->at.s))
            return 1;
    }
    m->norm[0] = m->raw[0] = '\0';
    zsi_span_clear(&m->at);
    return 0;
}

/*
 * 人均医疗费用支出的增长率为14%: when the noun found at p[ns..ne) is a rate
 * of change alone (增长率, 增速) with a 的 right before it, the noun phrase
 * before the 的 says whose rate it is: m's noun becomes that phrase with the
 * rate (人均医疗费用支出增长率), printed from the phrase's start.
 * @return 1 when m was so named, 0 when it is left as it was.
 */
static int owned_rate(const char *p, size_t ws, size_t ns, size_t ne, int flags, zsi_metric *m)
{
    zsi_metric o;
    size_t k;
    if (!change_rate_noun(p, ns, ne) || strlen(m->raw) != ne - ns)
        return 0;
    memset(&o, 0, sizeof o);
    if (!rate_owner(p, ws, ns, flags, &o))
        return 0;
    k = strlen(o.norm);
    if (k + strlen(m->norm) >= sizeof m->norm)
        return 0;
    memcpy(o.norm + k, m->norm, strlen(m->norm) + 1);
    memcpy(m->norm, o.norm, sizeof m->norm);
    zsi_copy_raw(m->raw, &m->at, p, o.at.s, ne);
    m->adjacent = 1;
    return 1;
}

static int metric_before(const char *p, size_t ws, size_t we, zsi_metric *m, int flags)
{
    int forms = flags & MB_FORMS;
    size_t s, cut, gs = 0, ge = 0, kill_e = 0, z, we0;
    int obj = 0;
    const zsi_phrase *best = NULL;
    int rc = zsi_metric_data();
    zsi_wbounds wb;

    memset(m, 0, sizeof *m);
    if (rc)
        return rc;
    we0 = we;
    we = from_cut(p, ws, we);
    /* The change word nearest the figure, with only filler after it. */
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
                !(ch && ch->len >= k->len && zsi_all_filler(p, skip_conj(p, ws, s), s)))
                kill_e = s + k->len;
            if (ch && s + ch->len > kill_e && s + ch->len > ge &&
                (zsi_all_filler(p, s + ch->len, we) ||
                 (rate_noun(ch) && rate_link(p, s + ch->len, we)))) {
                m->by_form = 0;
                best = ch;
                gs = s;
                ge = s + ch->len;
            } else if (forms && !ch && s + 3 > kill_e && s + 3 > ge) {
                size_t fs;
                const zsi_phrase *f = change_by_form(p, ws, s, we, &fs);
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
        const zsi_phrase *c2 = compared_apart(p, ws, gs, ge, &cs);
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
    if (best && has_to(p, ge, we)) {
        /* 提高至68.57%, 增长到5亿元: the new level, named by the noun before */
        size_t ne = gs, nl;
        m->adjacent = 1;
        if (!subject_noun(p, ws, gs, m->norm, m->raw, &m->at, &cut, &ne, NULL)) {
            /* 主要农作物自主选育品种提高到95%: a noun phrase no suffix
             * names; １９９６年就增加到13亿美元: none, so the subject is
             * the one named before, as for 增长5% below */
            if (np_before_as(p, ws, gs, flags, m->norm, m->raw, &m->at) ||
                (!rate_noun(best) && subject_past_adverbs(p, ws, gs, flags, m)))
                return 1;
            m->refer = 1;
            return 0;
        }
        /* 服务业增加值占全区生产总值的比重提高到55%: A's share */
        nl = strlen(m->raw);
        share_subject(p, ws, zhan_at(p, ws, gs), ne >= nl ? ne - nl : ws, m);
        return 1;
    }
    if (best) {
        zsi_copy_str(m->change, best->norm, best->nlen);
        zsi_copy_raw(m->change_raw, &m->change_at, p, gs, ge);
        m->decline =
            strstr(m->change, "\xE9\x99\x8D") || strstr(m->change, "\xE8\xB7\x8C"); /* 降 跌 */
        m->adjacent = 1;
        if (!subject_noun(p, ws, gs, m->norm, m->raw, &m->at, &cut, NULL, &obj) || obj) {
            if (obj) {
                /* 比去年同期增长8%: the noun is the base compared with */
                m->norm[0] = m->raw[0] = '\0';
                zsi_span_clear(&m->at);
                m->refer = !m->by_form;
                return 1;
            }
            if (!m->by_form && rate_noun(best) && rate_owner(p, ws, gs, flags, m))
                return 1; /* 该行业的增速: whose rate, before its 的 */
            /* 港口效率提升20%: a noun phrase no suffix names (not the
             * base of a comparison that opens the clause) */
            if (np_before_as(p, ws, gs, flags, m->norm, m->raw, &m->at)) {
                size_t bs = m->at.s;
                int than = after_than(p, ws, bs, gs);
                if (!compared_base(p, ws, bs) && !than)
                    return 1;
                /* 油耗|比老式机型|下降15%: the noun phrase before 比 */
                if (than &&
                    np_before_as(p, ws, bs - 3, flags, m->norm, m->raw, &m->at) &&
                    !compared_base(p, ws, m->at.s))
                    return 1;
                m->norm[0] = m->raw[0] = '\0';
                zsi_span_clear(&m->at);
            } else if (!rate_noun(best) && (subject_past_adverbs(p, ws, gs, flags, m) ||
                                            subject_before_time_base(p, ws, gs, flags, m))) {
                return 1;
            }
            if (!m->by_form && !(flags & MB_MONEY) &&
                verbal_subject(p, ws, gs, rate_noun(best), compared_now(p, gs), m))
                return 1; /* 专利申请|同比增长; of a sum, 为|企业|增加 */
            /* 增长5%, 普遍下降50%, 西部地区增长12.2%: the clause names no
             * metric, so what changes is the subject named before it (the
             * previous figure's, or an earlier clause's); a change word
             * alone names nothing. Not for a verb known by its form alone
             * (长材跌0.1%: ICU's pieces hide the noun, not an earlier one),
             * unless the clause opens with 比 or 较: then the words before
             * the verb are the base compared with (比节前涨7.2%) */
            m->refer = !m->by_form || filler_or_than(p, skip_conj(p, ws, gs), gs) ||
                       compared_base(p, ws, gs);
        }
        return 1;
    }
    z = zhan_at(p, ws, we);
    {
        size_t ne = we;
        if (subject_noun(p, ws, we, m->norm, m->raw, &m->at, &cut, &ne, &obj) && obj) {
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
            if (owned_rate(p, ws, ns, ne, flags, m))
                return 1;
            if (share_subject(p, ws, z, ns, m) || share_subject(p, ws, in_at(p, ws, ns, m), ns, m))
                return 1;
            if (z != NO_ZHAN && ns >= z + 3 && zsi_all_filler(p, skip_conj(p, ws, z), z) &&
                zsi_all_filler(p, z + (zhan_complement(p, z, ns) ? 6 : 3), ns)) {
                /* 升价品种79个，占总量约15%: a 占 that opens its clause with
                 * only a bare total after it (总量, 全市总数) or a share word
                 * (占工业投资比重) is a share of the subject before (as
                 * 占全市约40% below), when one is named; a whole that is
                 * named (占企业总数的86%, 占全省出口总额的6%) names the share:
                 * a share is named by what it is a share of */
                m->share_of = ends_total(m->raw) ? bare_total(m->raw)
                                                 : zsi_match_ending(zsi_mset(MSEC_SHARE), m->norm,
                                                                    0, strlen(m->norm)) != NULL;
                if (!m->share_of)
                    zhan_object(p, z, we, ns, ne, m);
                return 1;
            }
            m->adjacent = zsi_all_filler(p, ne, we);
            /* 规模|以上工业企业达到210家: the phrase right before the figure
             * holds the noun found; it names the figure better */
            if (!m->adjacent && np_before_as(p, ws, we, flags, n2, r2, &a2)) {
                size_t l2 = strlen(r2);
                if ((l2 > nl && strstr(r2, m->raw)) || de_head(p, ne, we, r2, l2)) {
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
                !zhan_complement(p, z, ns) && memcmp(p + ns, m->raw, nl) == 0 &&
                zsi_match_ending(zsi_mset(MSEC_SHARE), m->norm, 0, strlen(m->norm))) {
                zsi_copy_raw(m->raw, &m->at, p, z, ne);
                memcpy(m->norm, m->raw, sizeof m->norm);
                share_of_norm(m);
            } else if (m->adjacent && z < ns) {
                zhan_object(p, z, we, ns, ne, m);
            }
            return 1;
        }
    }
    /* 占全市约40%: a share of the subject before, in an earlier clause */
    if (z != NO_ZHAN) {
        /* 其中有机茶园占12%, 健身工作室占70%: 占 right before its figure
         * with a noun phrase before it says that noun's share of the whole
         * named earlier; the noun names the share, not the whole (a place
         * is no metric: 其中广东占30% stays a share of the whole) */
        size_t za = z + (zhan_complement(p, z, we) ? 6 : 3), zb = z;
        /* 有360个产品（占50%）: a bracket opened right before 占 sets the
         * share beside the noun phrase it follows, as a 占 after it does */
        if (zb >= ws + 3 && memcmp(p + zb - 3, "\xEF\xBC\x88", 3) == 0) /* （ */
            zb -= 3;
        else if (zb >= ws + 1 && p[zb - 1] == '(')
            zb -= 1;
        if (zb > ws && zsi_all_filler(p, za, we) && zhan_subject(p, ws, zb, m)) {
            m->adjacent = 1;
            return 1;
        }
        if (zhan_whole(p, z, we, m))
            return 1;
        m->refer = 1;
        return 0;
    }
    /* 文化服务业34454亿元, 收支缺口达4069.4亿元: a noun phrase no suffix
     * names; a known noun printed after the figure names it better
     * (工会预留30%采购份额), so it is not "adjacent" */
    if (np_before_as(p, ws, we, flags, m->norm, m->raw, &m->at)) {
        if (!only_place(m->raw) && !compared_base(p, ws, m->at.s))
            return 1;
        /* 法国为15%, 广东为8%: a place compared, not a metric; 比去年
         * 黄金周多两成: the base of a comparison; the metric is the
         * subject's before it */
        m->norm[0] = m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        m->refer = 1;
        return 0;
    }
    /* 毛利甚至高达40%, 债权总计约3亿元, 门票只要50元: adverbs and a verb that
     * says the subject amounts to the figure ([link]) stand between the
     * subject and its figure; the bare noun phrase before them names it */
    if ((flags & MB_LINKS) && subject_past_links(p, ws, we, flags, m))
        return 1;
    /* 仅为2%, 达到50.1%: nothing named in the clause; the subject is earlier */
    {
        size_t han = 0;
        for (s = ws; s < we;) {
            unsigned cp;
            s += zsi_utf8_decode(p + s, we - s, &cp);
            han += zsi_m_is_han(cp);
        }
        m->refer = han > 0 && (zsi_all_filler(p, skip_conj(p, ws, we), we) ||
                               bare_comparative(p, skip_conj(p, ws, we), we));
        /* 直接从2500元跌到2400元: a from-to change whose clause holds no
         * word but adverbs (or none) before its 从 is the earlier subject's */
        if (we < we0 && zsi_names_nothing(p, skip_conj(p, ws, we), we))
            m->refer = 1;
    }
    return 0;
}

/* Where the words that name nothing (filler, verbs, adverbs, prepositions and
 * time words of wordclass.txt's class stop) at the end of p[ws..we) start:
 * the light predicate before an object (需求|将保持, 需求|以每年), so the
 * subject before it may be read as ending there. we when none. */
static size_t strip_predicate(const char *p, size_t ws, size_t we)
{
    zsi_wbounds wb;
    size_t lo = tail_words(&wb, p, ws, we), e = we;
    while (e > wb.s) {
        size_t b = zsi_wb_le(&wb, e - 1);
        if (b < wb.s || (b == wb.s && lo > ws))
            break; /* the window's first word may be cut */
        if (!zsi_all_filler(p, b, e) && !zsi_is_class_stop(p, b, e))
            break;
        e = b;
    }
    return e;
}

/* 速度快速增长, 速度在递减, 高增长速度: where the change word after a manner
 * word stands (an adverb or adjective of jieba's of one or two characters,
 * or 在 saying it is under way: up to two of them), or r when it stands at r
 * or no change word follows the manner words. */
static size_t past_manner(const char *p, size_t r, size_t e)
{
    size_t q = r, st[2];
    char tg[1];
    int n;
    for (n = 0; n < 2 && q < e; n++) {
        size_t k, l, next = 0;
        for (k = 1, l = q; k <= 2 && l < e; k++) {
            unsigned cp;
            l += zsi_utf8_decode(p + l, e - l, &cp);
            if ((l - q == 3 && !memcmp(p + q, "\xE5\x9C\xA8", 3)) || /* 在 */
                (zsi_lex_cut(p, q, l, st, tg, 1) == 1 && (tg[0] == 'd' || tg[0] == 'a')))
                next = l;
        }
        if (!next)
            break;
        q = next;
        if (zsi_match_at(zsi_mset(MSEC_CHANGE), p, q, e))
            return q;
    }
    return r;
}

/* The change a rate of change printed after its figure names, in p[q..ce)
 * right after the 的: a [change] word standing as a word, or followed by 幅度
 * or 速度 (增长幅度); or 速度 or 幅度 followed by one (速度增长, 幅度下降).
 * @return the change word, its span in *cs..*cend; NULL when none. */
static const zsi_phrase *change_after_de(const char *p, size_t q, size_t ce, size_t *cs,
                                         size_t *cend)
{
    static const char sudu[] = "\xE9\x80\x9F\xE5\xBA\xA6", fudu[] = "\xE5\xB9\x85\xE5\xBA\xA6";
    const zsi_phrase *w;
    zsi_wbounds wb;
    size_t e = q, r;
    int k;
    for (k = 0; k < 10 && e < ce; k++) {
        unsigned cp;
        e += zsi_utf8_decode(p + e, ce - e, &cp);
    }
    if (e <= q)
        return NULL;
    zsi_wb_compute(&wb, p, q, e);
    if (wb.s != q)
        return NULL;
    w = zsi_match_at(zsi_mset(MSEC_CHANGE), p, q, e);
    if (!w && (r = past_manner(p, q, e)) > q) {
        /* 的高增长速度: the adjective says how fast, the change what */
        q = r;
        w = zsi_match_at(zsi_mset(MSEC_CHANGE), p, q, e);
        if (w && q + w->len + 3 <= e && !memcmp(p + q + w->len, "\xE7\x8E\x87", 3))
            return NULL; /* 的平均增长率: a rate named by its own noun */
    }
    if (w) {
        r = q + w->len;
        if (zsi_wb_is(&wb, r) || r >= ce ||
            (r + 6 <= e && (!memcmp(p + r, sudu, 6) || !memcmp(p + r, fudu, 6)) &&
             zsi_wb_is(&wb, r + 6))) {
            *cs = q;
            *cend = r;
            return w;
        }
        return NULL;
    }
    if (q + 6 > e || (memcmp(p + q, sudu, 6) != 0 && memcmp(p + q, fudu, 6) != 0) ||
        !zsi_wb_is(&wb, q + 6))
        return NULL;
    r = past_manner(p, q + 6, e); /* 速度快速增长 */
    w = zsi_match_at(zsi_mset(MSEC_CHANGE), p, r, e);
    if (!w || !zsi_end_ok(&wb, p, r + w->len, e))
        return NULL;
    *cs = r;
    *cend = r + w->len;
    return w;
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
    if ((w = change_after_de(p, fe + 3, ce, &cs, &cend)) == NULL)
        return 0;
    /* the subject: the noun before the figure, or before the light
     * predicate whose object the rate is (需求|将保持|40%的增速) */
    rc = metric_before(p, ws, we, m, 1);
    if (rc < 0)
        return rc;
    if (m->change[0] || m->share_of)
        return 0; /* a change or a share named before: the figure's own */
    if (!m->norm[0] && (cut = strip_predicate(p, ws, we)) < we && cut > ws) {
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

int zsi_level_after(const char *p, size_t fe, size_t ce)
{
    static const char shuiping[] = "\xE6\xB0\xB4\xE5\xB9\xB3"; /* 水平 */
    size_t q, e;
    unsigned cp;
    if (fe + 9 > ce || memcmp(p + fe, "\xE7\x9A\x84", 3) != 0) /* 的 */
        return 0;
    q = fe + 3;
    if (memcmp(p + q, shuiping, 6) != 0) {
        /* 的较高水平, 的历史最低水平: adjectives of how high */
        size_t st[ZSI_LEX_CUT_MAX + 1];
        char tg[ZSI_LEX_CUT_MAX];
        int w, i;
        e = q + 3 * 6 < ce ? q + 3 * 6 : ce;
        w = zsi_lex_cut(p, q, e, st, tg, ZSI_LEX_CUT_MAX);
        for (i = 0; i < w && i < 3 && (tg[i] == 'a' || tg[i] == 'd'); i++)
            ;
        if (i == 0 || i >= w)
            return 0;
        q = st[i];
    }
    if (q + 6 > ce || memcmp(p + q, shuiping, 6) != 0)
        return 0;
    e = q + 6;
    /* 水平 ends its words: the clause ends, or 上, 左右, 附近 (where) follows */
    if (e >= ce)
        return 1;
    zsi_utf8_decode(p + e, ce - e, &cp);
    if (!zsi_m_is_han(cp))
        return 1;
    return !memcmp(p + e, "\xE4\xB8\x8A", 3) || !memcmp(p + e, "\xE5\xB7\xA6\xE5\x8F\xB3", 6) || /* 上 左右 */
           !memcmp(p + e, "\xE9\x99\x84\xE8\xBF\x91", 6);                                    /* 附近 */
}

int zsi_names_rate(const char *norm)
{
    size_t n = strlen(norm);
    if (zsi_metric_data() != 0)
        return 0;
    return (n >= 3 && memcmp(norm + n - 3, "\xE7\x8E\x87", 3) == 0) || /* 率 */
           zsi_match_ending(zsi_mset(MSEC_SHARE), norm, 0, n) ||
           zsi_match_ending(zsi_mset(MSEC_CHANGE), norm, 0, n);
}

int zsi_compared_figure(const char *p, size_t cs, size_t fs, size_t fe, size_t ce)
{
    zsi_metric m;
    size_t q = fe;
    if (zsi_metric_data() != 0)
        return 0;
    /* 与年初的最高限价959元相比: filler, then 相比 or 相较 */
    while (q < ce) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, ce - q, &cp);
        if (!zsi_all_filler(p, q, q + l))
            break;
        q += l;
    }
    if (q + 6 <= ce && (memcmp(p + q, "\xE7\x9B\xB8\xE6\xAF\x94", 6) == 0 ||  /* 相比 */
                        memcmp(p + q, "\xE7\x9B\xB8\xE8\xBE\x83", 6) == 0)) /* 相较 */
        return 1;
    /* 较去年的票价60元，: a clause opened by 比 or 较 that ends with the
     * figure and changes nothing before it */
    if (!zsi_all_filler(p, fe, ce) || !compared_base(p, cs, fs))
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

int zsi_metric_after(const char *p, size_t fe, size_t ce, int need_de, char *norm, char *raw,
                     zsi_span *at)
{
    size_t s = fe, e, q, pq = fe, best = 0;
    int rc = zsi_metric_data();
    zsi_wbounds wb;
    const zsi_phrase *mod;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (rc)
        return rc;
    /* at most MAX_AFTER_CHARS characters of run after it */
    e = zsi_run_after(p, fe, ce, need_de, MAX_AFTER_CHARS, zsi_m_is_han, &s);
    if (e == s || zsi_grade_after(p, s, e))
        return 0;
    /* a qualifier first (60%以上的规模以上工业总产值) counts as one word */
    if ((mod = zsi_match_at(zsi_mset(MSEC_MODIFIER), p, s, ce)) != NULL &&
        zsi_nchars(p, s, s + mod->len) > 2)
        e = zsi_run_after(p, fe, ce, need_de,
                          MAX_AFTER_CHARS + zsi_nchars(p, s, s + mod->len) - 2, zsi_m_is_han, &s);
    /* no suffix or phrase ends in the run: nothing to break */
    for (q = s; q < e;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, e - q, &cp);
        if (zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, q, e) ||
            zsi_match_at(zsi_mset(MSEC_PHRASES), p, q, e))
            break;
        q += l;
    }
    if (q >= e)
        return 0;
    /* the word break sees one character more, so the run's last word is whole */
    {
        size_t e2 = e;
        if (e2 < ce) {
            unsigned cp;
            e2 += zsi_utf8_decode(p + e2, ce - e2, &cp);
        }
        zsi_wb_compute(&wb, p, s, e2);
    }
    if (wb.s != s)
        return 0;
    {
        unsigned cp;
        zsi_utf8_decode(p + s, e - s, &cp);
        if (zsi_nchars(p, s, zsi_wb_gt(&wb, s)) == 1 && zsi_is_direction(cp))
            return 0; /* 三年内|相关税收: the 内 is the figure's */
    }
    for (q = s; q < e;) {
        size_t nq = zsi_wb_gt(&wb, q);
        const zsi_phrase *st;
        if ((mod = zsi_match_at(zsi_mset(MSEC_MODIFIER), p, q, e)) != NULL &&
            zsi_wb_is(&wb, q + mod->len) && q + mod->len < e) {
            pq = q; /* 规模以上 crossed whole: its 以上 ends no noun */
            q += mod->len;
            continue;
        }
        st = zsi_match_at(zsi_mset(MSEC_STOP), p, q, nq);
        int head = (zsi_match_ending(zsi_mset(MSEC_SUFFIXES), p, s, nq) &&
                    !zsi_match_ending(zsi_mset(MSEC_NONMETRIC), p, s, nq)) ||
                   zsi_match_ending(zsi_mset(MSEC_PHRASES), p, s, nq);
        if (nq > e || (st && st->len == nq - q))
            break; /* the run ends at a word such as 的, 和, 在 */
        if (!head && q > s && zsi_is_class_stop(p, q, nq) && zsi_is_noun_word(p, pq, q))
            break; /* 90%的家庭|实现|就业: a noun and its verb, no noun's part */
        pq = q;
        if (((zsi_match_ending(zsi_mset(MSEC_SUFFIXES), p, s, nq) &&
              !zsi_match_ending(zsi_mset(MSEC_NONMETRIC), p, s, nq)) ||
             zsi_match_ending(zsi_mset(MSEC_PHRASES), p, s, nq)) &&
            !zsi_ends_in_noun(&wb, p, s, nq, ce))
            best = nq; /* not the 价 of 评价, nor the 税 of 纳税|人 */
        q = nq;
    }
    /* The noun must end there: not in 市政府固定资产|投资专项补助, where the
     * next word goes on naming something else. */
    if (best && best < wb.e) {
        size_t nq = zsi_wb_gt(&wb, best);
        if (zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, best, nq) ||
            zsi_match_at(zsi_mset(MSEC_PHRASES), p, best, nq))
            return 0;
    }
    if (!best || zsi_nchars(p, s, best) < 2)
        return 0;
    zsi_copy_raw(raw, at, p, s, best);
    {
        const zsi_phrase *k = zsi_lookup_exact(raw, strlen(raw));
        if (k)
            zsi_copy_str(norm, k->norm, k->nlen);
        else
            memcpy(norm, raw, strlen(raw) + 1);
    }
    return 1;
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
    int has_link = 0;
    char n1[ZSI_METRIC_BYTES], r1[ZSI_METRIC_BYTES];

    while (s < end) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, end - s, &cp);
        s += l;
        if (!zsi_m_is_han(cp))
            continue;
        han++;
        if (cp == 0x81F3 || cp == 0x5230) { /* 至 到 */
            has_link = 1;
            after_link = s;
        } else if (cp != 0x548C && cp != 0x53CA && cp != 0x4E0E && cp != 0x6216) {
            other++; /* not 和 及 与 或 */
        }
    }
    if (other == 0 && !has_link)
        return 1; /* "5%、8%", "3家和5家" */
    if (has_link && han <= MAX_LINK_HAN)
        return zsi_metric_find(p, after_link, end, n1, r1) == 0;
    return 0;
}

/* After 的 also a time word (t: 老年居民) and a verb before the first noun
 * (销售|增长|贡献); with no 的 they begin a predicate (30%|今年, 5%|增长). */
#define SHARE_MOD_DE "tv"

/*
 * 95%的村实现…, 30%的县制订…: after 的, a noun of one character (jieba's n,
 * or z, which files 村 and 县) that a verb follows is the subject the share
 * counts, as a longer one is; alone, without the verb, one character is too
 * little to tell a noun from a piece of a word. @return its end, or 0.
 */
static size_t one_char_subject(const char *p, int de, const size_t *st, const char *tg, int w)
{
    if (!de || w < 2 || !tg[0] || !strchr("nz", tg[0]) || tg[1] != 'v' ||
        zsi_nchars(p, st[0], st[1]) != 1)
        return 0;
    return st[1];
}

/*
 * 70%的零部件都…: jieba files some nouns that open with a numeral character
 * as numerals (m: 零|部件), as it does 一部分. After a share's 的, such a word
 * whose remaining characters are one common noun of jieba's (n) is that
 * noun's kind, a head the share counts. @return 1 such a word.
 */
static int numeral_noun(const char *p, size_t s, size_t e)
{
    size_t st[3];
    char tg[3];
    unsigned cp;
    size_t l = zsi_utf8_decode(p + s, e - s, &cp);
    return zsi_nchars(p, s, e) >= 3 && zsi_lex_cut(p, s + l, e, st, tg, 2) == 1 && tg[0] == 'n';
}

/*
 * 75%的受访者有…, 90%的本地商家都…, 45%建筑物外墙是…: a share printed
 * before its noun counts what that noun names, the subject of the predicate
 * that follows. The noun is read by the most likely cut of the words after
 * the figure (jieba's, with their parts of speech): whole words of a noun's
 * classes, up to the first word of another class (an adverb 都, a
 * preposition 通过, a pronoun 每天, a direction 中) or to a verb after a
 * noun (受访者|支持); before the first noun a verb is a modifier only after
 * 的 (45%的销售增长贡献), as a time word is (老年居民). The phrase ends with its last noun, on a word
 * boundary of ICU's too, and holds two characters at least.
 * @return 1 found (norm, raw, at written), 0 none, ZS_EIO.
 */
int zsi_share_noun_after(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at)
{
    size_t s = fe, e, st[ZSI_LEX_CUT_MAX + 1], end = 0;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int rc = zsi_metric_data(), de = 0, w, i, nouns = 0, cut = 0;
    unsigned n = 0;
    zsi_wbounds wb;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (rc)
        return rc;
    if (s + 3 <= ce && memcmp(p + s, "\xE7\x9A\x84", 3) == 0) { /* 的 */
        s += 3;
        de = 1;
    }
    for (e = s; e < ce;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + e, ce - e, &cp);
        if (!zsi_m_is_han(cp))
            break;
        if (++n > ZSI_LEX_CUT_MAX) {
            cut = 1; /* the last word may go on: it is not taken */
            break;
        }
        e += l;
    }
    w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    if (cut && w > 0)
        w--;
    for (i = 0; i < w; i++) {
        char t = tg[i];
        if (t == 'm' && de && numeral_noun(p, st[i], st[i + 1]))
            t = 'n';
        if (t && strchr(SHARE_HEAD, t)) {
            nouns++;
            end = st[i + 1];
        } else if (t && de && strchr(SHARE_MOD_DE, t) && (t != 'v' || !nouns)) {
            continue; /* 的销售增长|贡献: a verb modifies the noun after it */
        } else if (!t || !strchr(SHARE_MOD, t)) {
            break;
        }
    }
    if ((!nouns || zsi_nchars(p, s, end) < 2) && !(end = one_char_subject(p, de, st, tg, w)))
        return 0;
    if (end < ce) {
        unsigned cp; /* the word break sees one character more */
        zsi_wb_compute(&wb, p, s, end + zsi_utf8_decode(p + end, ce - end, &cp));
    } else {
        zsi_wb_compute(&wb, p, s, end);
    }
    if (wb.s != s || !zsi_wb_is(&wb, end))
        return 0; /* the cut and ICU's disagree: a word may go on */
    zsi_copy_raw(raw, at, p, s, end);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}
