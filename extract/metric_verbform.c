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

void zsi_metric_verb_forms(zsi_figure *v, size_t nv)
{
    if (zsi_metric_data() != 0)
        return;
    for (size_t i = 0; i < nv; i++) {
        size_t n = strlen(v[i].metric_raw);
        const zsi_phrase *k;
        /* only a metric still as printed, with no change word: one another
         * rule renamed (价格) stays */
        if (!n || v[i].noun != n || strcmp(v[i].metric, v[i].metric_raw) != 0)
            continue;
        k = zsi_match_at(zsi_mset(MSEC_VERBFORM), v[i].metric_raw, 0, n);
        if (!k || k->len != n || k->nlen >= sizeof v[i].metric)
            continue;
        memcpy(v[i].metric, k->norm, k->nlen + 1);
        v[i].noun = k->nlen;
    }
}
