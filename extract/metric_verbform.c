/*
 * metric_verbform.c - the noun for a sum named by a verb of one character
 * alone, once every figure is named: data/metrics.tsv's [verbform] (赚了3万元
 * -> 收入, 花了600元 -> 花费, 捐了1200元 -> 捐款, 卖了6万元 -> 销售额).
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

/* Does p[..s), before a selling verb or a sum at s, end in one unit of what
 * is sold (一斤, 每个, 一公斤: 一 or 每 and a measure word), with at most two
 * adverbs of one character after it (能, 还, 可, 就, 也, 只, 要, 才, 都: 一斤能卖,
 * 一盒只要)? Then the sum is the price of that unit, not a sale: 一斤能卖10元.
 * Not a span of time or a count of times (一天卖了, 一下卖了): those are sales.
 * @return where the unit starts (its 一 or 每), or s when none ends there. */
/* adverbs of one character between a unit and its price (一斤能卖, 一盒只要) */
static const char adv[] = "能还可就也只要才都";

static size_t one_unit_before(const char *p, size_t s)
{
    size_t at = s;
    static const char measure[] = "斤个只袋杯瓶吨张件双盒箱头条颗棵套副幅盆份块包桶支枚把台辆";
    unsigned cp = 0;
    int k;
    for (k = 0; k < 2 && s >= 3; k++) {
        zsi_utf8_decode(p + s - 3, 3, &cp);
        if (!zsi_in_set(adv, sizeof adv - 1, cp))
            break;
        s -= 3;
    }
    if (s >= 6 && memcmp(p + s - 6, "\xE5\x85\xAC\xE6\x96\xA4", 6) == 0) /* 公斤 */
        s -= 6;
    else if (s >= 3 && (zsi_utf8_decode(p + s - 3, 3, &cp), zsi_in_set(measure, sizeof measure - 1, cp)))
        s -= 3;
    else
        return at;
    if (s >= 3 && (memcmp(p + s - 3, "\xE4\xB8\x80", 3) == 0 || /* 一 */
                   memcmp(p + s - 3, "\xE6\xAF\x8F", 3) == 0))  /* 每 */
        return s - 3;
    return at;
}

/*
 * 花生茶一斤40元, 纸尿裤每包才78元, 一盒只要27元: a sum that no reader named,
 * right after one unit of what is sold (one_unit_before), is that unit's
 * price, as after a selling verb (一斤能卖). Not before 的, where the sum is
 * the value of the thing after it (一个1000元的红包: a gift, no price), and
 * not after a number that 一 ends (十一斤). The unit is the metric as
 * printed: it is what says the sum is a price.
 */
static void unit_price_alone(const char *p, zsi_figure *f, size_t n)
{
    size_t u = one_unit_before(p, f->start), e;
    unsigned cp;
    if (strcmp(f->cls, "money") != 0 || f->metric[0] || f->metric_raw[0] || u == f->start)
        return;
    if (u >= 3 && (zsi_utf8_before(p, u, &cp), zsi_cn_numeral(cp) >= 0 || zsi_is_digit_cp(cp)))
        return;
    if (f->end + 3 <= n && memcmp(p + f->end, "\xE7\x9A\x84", 3) == 0) /* 的 */
        return;
    for (e = u + 3; e < f->start; e += zsi_utf8_decode(p + e, f->start - e, &cp))
        if (zsi_in_set(adv, sizeof adv - 1, zsi_cp_at(p, e, f->start)))
            break;
    zsi_copy_raw(f->metric_raw, &f->noun_at, p, u, e);
    memcpy(f->metric, "\xE4\xBB\xB7\xE6\xA0\xBC", 7); /* 价格 */
    f->noun = 6;
    f->noun_raw = strlen(f->metric_raw);
}


void zsi_metric_verb_forms(const char *p, size_t n, zsi_figure *v, size_t nv)
{
    if (zsi_metric_data() != 0)
        return;
    for (size_t i = 0; i < nv; i++) {
        size_t rl = strlen(v[i].metric_raw);
        const zsi_phrase *k;
        if (!v[i].metric[0]) {
            unit_price_alone(p, &v[i], n);
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
            one_unit_before(p, v[i].noun_at.s) != v[i].noun_at.s) {
            memcpy(v[i].metric, "\xE4\xBB\xB7\xE6\xA0\xBC", 7); /* 价格 */
            v[i].noun = 6;
            continue;
        }
        memcpy(v[i].metric, k->norm, k->nlen + 1);
        v[i].noun = k->nlen;
    }
}
