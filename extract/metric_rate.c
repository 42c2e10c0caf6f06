/*
 * metric_rate.c - rates of change named as nouns: whose rate a 增长率 or
 * 增速 after a 的 is (人均医疗费用支出的增长率为14%), a rate printed after its
 * figure (需求将保持40%的增速, 速度快速增长), a level after it (的较高水平),
 * and whether a metric names a rate. Apart from metric.c because a rate's
 * owner and a rate after the figure are read around the rate noun, not
 * back from the figure.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

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
        return zsi_rate_noun(k);
    return (e - r == 3 && !memcmp(p + r, "\xE7\x8E\x87", 3)) || /* 率 */
           (e - r == 6 && !memcmp(p + r, "\xE9\x80\x9F\xE5\xBA\xA6", 6)); /* 速度 */
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
int zsi_rate_owner(const char *p, size_t ws, size_t rs, int flags, zsi_metric *m)
{
    size_t de = rs - 3, ne = de;
    if (rs < ws + 9 || memcmp(p + de, "\xE7\x9A\x84", 3) != 0) /* 的 */
        return 0;
    /* a metric noun (人均医疗费用支出), a bare noun phrase (该行业), or an
     * activity named by its verb (家电出口, 商务旅行) */
    if ((zsi_find_noun(p, ws, de, m->norm, m->raw, &m->at, NULL, &ne) && ne == de) ||
        (zsi_np_before_mb(p, ws, de, flags, m->norm, m->raw, &m->at) && m->at.e == de) ||
        (zsi_verbal_subject_m(p, ws, de, 0, 0, m) && m->at.e == de)) {
        if (!zsi_only_place(m->raw) && !zsi_compared_base(p, ws, m->at.s))
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
int zsi_owned_rate(const char *p, size_t ws, size_t ns, size_t ne, int flags, zsi_metric *m)
{
    zsi_metric o;
    size_t k;
    if (!change_rate_noun(p, ns, ne) || strlen(m->raw) != ne - ns)
        return 0;
    memset(&o, 0, sizeof o);
    if (!zsi_rate_owner(p, ws, ns, flags, &o))
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

/* Where the words that name nothing (filler, verbs, adverbs, prepositions and
 * time words of wordclass.txt's class stop) at the end of p[ws..we) start:
 * the light predicate before an object (需求|将保持, 需求|以每年), so the
 * subject before it may be read as ending there. we when none. */
size_t zsi_strip_predicate(const char *p, size_t ws, size_t we)
{
    zsi_wbounds wb;
    size_t lo = zsi_tail_words(&wb, p, ws, we), e = we;
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
const zsi_phrase *zsi_change_after_de(const char *p, size_t q, size_t ce, size_t *cs, size_t *cend)
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
