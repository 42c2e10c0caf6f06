/*
 * metric_subject.c - the subject of a clause's predicate: the noun before the
 * predicate, unless it is the object of a preposition that opens an
 * adverbial (粮食产量|比历史最高水平|多5%), or the base compared with after 比
 * or 较 (比去年秋交会增长20%); and the bare noun phrase as metric_before()'s
 * flags read it. Apart from metric.c because every branch of
 * metric_before() (a change, a share, a plain figure) asks for a subject
 * this way.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

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

/* Is p[s..e) 的 after a time, the word p[t..s) (去年的, 上月的, 2015年3月的,
 * 一季度的)? Such a 的 ties the time to the noun after it, and both are the
 * base a comparison names (比去年的预估销量, 比上月的均价): it ends no
 * adverbial. A time here is a word ending in 年, 期, 月, 日 or 度 (季度),
 * or one time_by_form() calls so. */
static int time_de(const char *p, size_t t, size_t s, size_t e)
{
    static const char ends[] = "年期月日度";
    unsigned cp = 0;
    if (e - s != 3 || memcmp(p + s, "\xE7\x9A\x84", 3) != 0 || t >= s) /* 的 */
        return 0;
    zsi_utf8_decode(p + s - zsi_utf8_prev(p, s), 4, &cp);
    return zsi_in_set(ends, sizeof ends - 1, cp);
}

/* Does the adverbial opened by the word p[z..z+zl) hold the noun p[ns..ne),
 * before a predicate at e? Yes when a closing word of an [adverbial] entry
 * for it follows the noun (与…相比), or when the opener has an entry without
 * one and the words between it and the noun are no verb and no 的 (a time
 * word is no verb here: 比常年同期均值; nor is the 的 after a time,
 * time_de(): 比去年的预估销量; the noun's own words are not asked:
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
            /* 比上|月: ICU keeps 比 and the 上 of the time after it as one
             * word (bi_shang); the walk starts after that word */
            size_t t = s = zsi_wb_is(wb, z + zl) ? z + zl : zsi_wb_gt(wb, z + zl);
            while (s < ns) {
                size_t s2 = zsi_wb_gt(wb, s);
                if (verb_or_de(p, s, s2) && !time_by_form(p, s, s2) && !time_de(p, t, s, s2))
                    break;
                t = s;
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

/* Is p[s..) 比上 as one of ICU's words before a time (比上月, 比上年,
 * 比上一季度: the 上 opens the time the base is)? The opener 比 is then
 * no word of its own, yet it opens the comparison as well. */
static int bi_shang(const zsi_wbounds *wb, const char *p, size_t s, size_t e)
{
    static const char times[] = "月年周季一半旬";
    unsigned cp;
    if (s + 9 > e || memcmp(p + s, "\xE6\xAF\x94\xE4\xB8\x8A", 6) != 0 || /* 比上 */
        !zsi_wb_is(wb, s + 6))
        return 0;
    zsi_utf8_decode(p + s + 6, e - s - 6, &cp);
    return zsi_in_set(times, sizeof times - 1, cp);
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
int zsi_subject_noun(const char *p, size_t ws, size_t e, char *norm, char *raw, zsi_span *at,
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
        if ((s > wb.s || s == cut) && zsi_wb_is(&wb, s) &&
            (zsi_wb_is(&wb, s + a->len) || bi_shang(&wb, p, s, ne))) {
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
        if (zsi_find_noun(p, ws, z, n2, r2, &a2, &c2, &e2) && !zsi_only_place(r2)) {
            memcpy(norm, n2, sizeof n2);
            memcpy(raw, r2, sizeof r2);
            if (at)
                *at = a2;
            if (cutp)
                *cutp = c2;
            if (endp)
                *endp = e2;
        } else if (objp && memcmp(p + z, "\xE5\x9C\xA8", 3) != 0 && /* 在 */
                   memcmp(p + z, "\xE5\x8F\x97", 3) != 0) {         /* 受 */
            /* 全市平均气温|比…: a noun phrase no suffix names is the
             * subject; none, and the clause names no subject */
            if (zsi_np_before(p, ws, z, n2, r2, &a2) && !zsi_only_place(r2)) {
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

/* After a [conj] word that opens p[ws..we) and has words after it
 * (而去年同期是676亿元: 而 starts the clause, 去年同期是 names nothing);
 * ws when none (而96%的集装箱涂料: what follows the figure may name it). */
size_t zsi_skip_conj(const char *p, size_t ws, size_t we)
{
    const zsi_phrase *c = zsi_match_at(zsi_mset(MSEC_CONJ), p, ws, we);
    return c && ws + c->len < we ? ws + c->len : ws;
}

/* Does the clause p[ws..) open (after a [conj] word and filler) with 比 or
 * 较 standing as a word before ns? Then a noun phrase found at ns is the
 * base compared with (比去年秋交会增长20%), not what the clause is about. */
int zsi_compared_base(const char *p, size_t ws, size_t ns)
{
    size_t s = zsi_skip_conj(p, ws, ns), e;
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
int zsi_after_than(const char *p, size_t ws, size_t ns, size_t z)
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

/* The bare noun phrase ending at we, as metric_before's flags read it. */
int zsi_np_before_mb(const char *p, size_t ws, size_t we, int flags, char *norm, char *raw,
                     zsi_span *at)
{
    return zsi_np_before_as(p, ws, we,
                            ((flags & MB_MONEY) ? ZSI_NP_TAILS : 0) |
                                ((flags & MB_LINKS) ? ZSI_NP_VERBS : 0) |
                                ((flags & MB_PRED) ? ZSI_NP_PRED : 0),
                            norm, raw, at);
}

/* Most Han characters between a [compare] word and the 的 before a base
 * (去年同期, 市场普遍预期, 埃克森美孚): whose value or when. */
#define BASE_OWNER_HAN 8

int zsi_compared_after(const char *p, size_t fe, size_t ce)
{
    size_t q = fe;
    while (q < ce) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, ce - q, &cp);
        if (!zsi_all_filler(p, q, q + l))
            break;
        q += l;
    }
    return q + 6 <= ce && (memcmp(p + q, "\xE7\x9B\xB8\xE6\xAF\x94", 6) == 0 || /* 相比 */
                           memcmp(p + q, "\xE7\x9B\xB8\xE8\xBE\x83", 6) == 0);  /* 相较 */
}

/* Does the word 比 or 较 that ends at ke end there as a word, or run on
 * into 上 only (ICU's 比上|年)? */
static int than_word(const char *p, const zsi_wbounds *wb, size_t ke, size_t e)
{
    return zsi_wb_is(wb, ke) || (ke + 3 < e && memcmp(p + ke, "\xE4\xB8\x8A", 3) == 0 && /* 上 */
                                 zsi_wb_is(wb, ke + 3));
}

int zsi_base_of_previous(const char *p, size_t ws, size_t we, size_t fe, size_t ce)
{
    static const char with[] = "\xE4\xB8\x8E\xE5\x92\x8C\xE5\x90\x8C"; /* 与 和 同 */
    static const char open[] = "\xEF\xBC\x88(";                        /* （ ( */
    size_t s, q, e, l;
    zsi_wbounds wb;

    if (zsi_metric_data() != 0 || we < ws + 6 || memcmp(p + we - 3, "\xE7\x9A\x84", 3) != 0)
        return 0; /* 的 */
    if (fe + 3 <= ce && memcmp(p + fe, "\xE7\x9A\x84", 3) == 0)
        return 0; /* 低于政府制定的5.5%的目标: the noun after its 的 names it */
    e = we - 3;
    s = zsi_skip_conj(p, ws, e);
    if (s < e && zsi_in_set(open, sizeof open - 1, zsi_cp_at(p, s, e)))
        s += (unsigned char)p[s] < 0x80 ? 1 : 3; /* （比2009年的6.5%大幅升高） */
    if (zsi_nchars(p, s, we) > MAX_WB_CHARS)
        return 0;
    zsi_wb_compute(&wb, p, s, we);
    if (wb.s != s)
        return 0;
    /* the first [compare] word of the clause (远低于: ICU may keep an adverb
     * on it), or a 与 before 相比, ending a word, with words that name
     * nothing before it; 比 and 较 alone must start a word too (not 对比) */
    for (q = s; q < e; q += l) {
        const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_COMPARE), p, q, e);
        unsigned cp;
        size_t ke;
        int base = 0;
        l = zsi_utf8_decode(p + q, e - q, &cp);
        ke = k ? q + k->len : q + l;
        if (k && (k->len > 3 ? zsi_wb_is(&wb, ke) : zsi_wb_is(&wb, q) && than_word(p, &wb, ke, e)))
            base = 1;
        else if (!k && zsi_in_set(with, sizeof with - 1, cp) && zsi_wb_is(&wb, q) &&
                 zsi_wb_is(&wb, ke))
            base = zsi_compared_after(p, fe, ce);
        if (base)
            return (zsi_names_nothing(p, s, q) || zsi_strip_adverbs(p, s, q) == s) && ke < e &&
                   zsi_count_han(p, ke, e) <= BASE_OWNER_HAN;
    }
    return 0;
}
