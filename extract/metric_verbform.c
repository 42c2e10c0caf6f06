/*
 * metric_verbform.c - the noun for a sum a verb or its unit names, once
 * every figure is named. A verb of one character alone, data/metrics.tsv's
 * [verbform] (赚了3万元 -> 收入, 花了600元 -> 花费, 捐了1200元 -> 捐款, 卖了6万元
 * -> 销售额); a sum no verb names right after one unit of what is sold is
 * its price (一斤8元 -> 价格, unit_price_alone, the units [measure] and the
 * adverbs after them [unitadverb]); one a span of time takes in is an income
 * (一个月能拿到3000元 -> 收入, time_income, [timeearn] after [timeunit]).
 *
 * Why a normal form and not the verb: a reporter prints what the sum is
 * (收入, 花费), and a reader searching figures by metric asks for that noun;
 * the verb is kept as printed in metric_raw, so the text still shows it.
 * Why here, after every reader: the verb reader (metric_verb.c) hands the
 * verb over as printed, and later rules read it so (a selling verb before a
 * unit's price is 价格, zsi_unit_price_metric); only the whole metric as
 * printed counts, so an adjective before the verb (纯挣) or a noun beside it
 * keeps the phrase as printed.
 *
 * Invariants: allocates nothing; reads and writes only the figures' own
 * metric bytes.
 */
#include <string.h>

#include "metric_int.h"
#include "extract_int.h"

/* Does p[..s) end in 一 or 每, which make what follows one unit (一斤, 每月)? */
static int one_or_each_ends(const char *p, size_t s)
{
    return s >= 3 && (memcmp(p + s - 3, "\xE4\xB8\x80", 3) == 0 || /* 一 */
                      memcmp(p + s - 3, "\xE6\xAF\x8F", 3) == 0);  /* 每 */
}

/* Does p[..s), before a selling verb or a sum at s, end in one unit of what
 * is sold (一斤, 每个, 一公斤: 一 or 每 and a measure word of [measure]), with
 * at most two adverbs of [unitadverb] after it (一斤能卖, 一盒只要)? Then the
 * sum is the price of that unit, not a sale: 一斤能卖10元. Not a span of time
 * or a count of times (一天卖了, 一下卖了): those are sales.
 * @return where the unit starts (its 一 or 每), or s when none ends there;
 * *ue is where the unit ends, before its adverbs (只 is both an adverb and a
 * measure word: 一只就要 ends after 只), when one ends there. */
static size_t one_unit_before(const char *p, size_t s, size_t *ue)
{
    size_t at = s;
    int k;
    for (k = 0; k < 2 && s >= 3 && zsi_whole_in(MSEC_UNITADVERB, p, s - 3, s); k++)
        s -= 3;
    *ue = s;
    if (s >= 6 && zsi_whole_in(MSEC_MEASURE, p, s - 6, s)) /* of two characters: 公斤 */
        s -= 6;
    else if (s >= 3 && zsi_whole_in(MSEC_MEASURE, p, s - 3, s))
        s -= 3;
    else
        return at;
    return one_or_each_ends(p, s) ? s - 3 : at;
}

/*
 * 蜂蜜一斤35元, 抹布每包才6元, 一盒只要9元: a sum that no reader named,
 * right after one unit of what is sold (one_unit_before), is that unit's
 * price, as after a selling verb (一斤能卖). Not before 的, where the sum is
 * the value of the thing after it (一个350元的红包: a gift, no price), and
 * not after a number that 一 ends (十一斤). The unit is the metric as
 * printed: it is what says the sum is a price.
 */
static void unit_price_alone(const char *p, size_t n, zsi_figure *f)
{
    size_t ue, u = one_unit_before(p, f->start, &ue);
    unsigned cp;
    if (strcmp(f->cls, "money") != 0 || f->metric[0] || f->metric_raw[0] || u == f->start)
        return;
    if (u >= 3 && (zsi_utf8_before(p, u, &cp), zsi_cn_numeral(cp) >= 0 || zsi_is_digit_cp(cp)))
        return;
    if (f->end + 3 <= n && memcmp(p + f->end, "\xE7\x9A\x84", 3) == 0) /* 的 */
        return;
    zsi_copy_raw(f->metric_raw, &f->noun_at, p, u, ue);
    memcpy(f->metric, "\xE4\xBB\xB7\xE6\xA0\xBC", 7); /* 价格 */
    f->noun = 6;
    f->noun_raw = strlen(f->metric_raw);
}

/*
 * 一个月能拿到3000元, 每月只有800元, 一年下来有4万多元: a verb of having or
 * taking in ([timeearn]: 有, 拿到, 领) after one unit of time (一 or 每, and
 * 个, before a unit of [timeunit]: 一个月, 每天), with words of
 * [timeadverb] between (能, 只, 最多, 下来), says the sum is what that span
 * brings in: the income ([timeearn]'s noun). Only when nothing after the sum
 * in its clause may name it (the clause ends, or a particle of [particle]:
 * 每年还有3000元分红 is the dividend's), and only where no reader named it or
 * the verb alone named it (拿). @return 1 named, else 0.
 */
static int time_income(const char *p, size_t n, zsi_figure *f)
{
    const zsi_phrase *k, *a;
    zsi_wbounds wb;
    size_t s = f->start, v, u, l, w, ps, as;
    unsigned cp;
    if (strcmp(f->cls, "money") != 0 || f->change_at.e > f->change_at.s)
        return 0;
    if (f->metric[0] && !(f->noun_at.e == f->start && zsi_whole_in(MSEC_TIMEEARN, p, f->noun_at.s, f->start)))
        return 0;
    if (f->end < n) {
        l = zsi_utf8_decode(p + f->end, n - f->end, &cp);
        if (zsi_m_is_han(cp) && !zsi_whole_in(MSEC_PARTICLE, p, f->end, f->end + l))
            return 0;
    }
    if (s >= 3 && (memcmp(p + s - 3, "\xE4\xB8\xAA", 3) == 0 || /* 个: 能挣个 */
                   memcmp(p + s - 3, "\xE4\xBA\x86", 3) == 0))  /* 了 */
        s -= 3;
    if (!(k = zsi_match_ending(zsi_mset(MSEC_TIMEEARN), p, s >= 12 ? s - 12 : 0, s)))
        return 0;
    v = ps = s - k->len;
    for (u = v; u >= 3 && (a = zsi_match_ending(zsi_mset(MSEC_TIMEADVERB), p, u >= 12 ? u - 12 : 0, u));)
        u -= a->len;
    as = u;
    if (u < 6 || !zsi_whole_in(MSEC_TIMEUNIT, p, u - 3, u))
        return 0;
    u -= 3;
    if (memcmp(p + u - 3, "\xE4\xB8\xAA", 3) == 0 && u >= 6) /* 个: 一个月 */
        u -= 3;
    if (!one_or_each_ends(p, u))
        return 0;
    /* the verb is printed from the start of its word: 每月|只有 (only has)
     * is one word, and no metric may start inside one */
    zsi_wb_compute(&wb, p, as, s);
    if (!zsi_wb_is(&wb, v) && (w = zsi_wb_le(&wb, v)) >= as && w < v)
        ps = w;
    zsi_copy_raw(f->metric_raw, &f->noun_at, p, ps, v + k->len);
    memcpy(f->metric, k->norm, k->nlen + 1);
    f->noun = k->nlen;
    f->noun_raw = strlen(f->metric_raw);
    return 1;
}

void zsi_metric_verb_forms(const char *p, size_t n, zsi_figure *v, size_t nv)
{
    if (zsi_metric_data() != 0)
        return;
    for (size_t i = 0; i < nv; i++) {
        size_t rl = strlen(v[i].metric_raw), ue;
        const zsi_phrase *k;
        if (time_income(p, n, &v[i]))
            continue;
        if (!v[i].metric[0]) {
            unit_price_alone(p, n, &v[i]);
            continue;
        }
        /* only a metric still as printed, with no change word: one another
         * rule renamed (价格) stays */
        if (!rl || v[i].noun != rl || strcmp(v[i].metric, v[i].metric_raw) != 0)
            continue;
        k = zsi_match_at(zsi_mset(MSEC_VERBFORM), v[i].metric_raw, 0, rl);
        if (!k || k->len != rl || k->nlen >= sizeof v[i].metric)
            continue;
        if (rl == 3 && memcmp(v[i].metric_raw, "\xE5\x8D\x96", 3) == 0 && /* 卖 */
            v[i].noun_at.e > v[i].noun_at.s &&
            one_unit_before(p, v[i].noun_at.s, &ue) != v[i].noun_at.s) {
            memcpy(v[i].metric, "\xE4\xBB\xB7\xE6\xA0\xBC", 7); /* 价格 */
            v[i].noun = 6;
            continue;
        }
        memcpy(v[i].metric, k->norm, k->nlen + 1);
        v[i].noun = k->nlen;
    }
}
