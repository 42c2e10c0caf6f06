/*
 * metric_never.c - a metric that is certainly wrong, checked once every
 * figure is named: one word of data/metrics.tsv's [never] standing alone as
 * the metric (其中|包含|6680万美元, 来的|时候|是1680元, 每瓶|不得|超过959元,
 * 挣了|足足|3万元, 迈上1万美元的|台阶).
 *
 * Why here and not in each reader: such a word comes through several of
 * them. The verb reader (metric_verb.c) takes any two-character word of
 * wordclass.txt's "stop" class before a sum, and that class holds jieba's
 * verbs, adverbs and time words alike (包含, 足足, 期间); the bare noun
 * phrase takes jieba's nouns and adjectives (时候, 便宜, 高大); the noun
 * read after a figure takes a noun that is only a metaphor of a level
 * (台阶). Only the whole metric counts: a noun or a change word beside the
 * word (价格跌破, 足足增长) names what is measured, and the metric stays;
 * so does a noun printed right after the figure, what it counts (3层台阶).
 * No metric is better than one a reader would print wrong; a better noun,
 * when the clause has one, is the readers' to find.
 *
 * Invariants: allocates nothing; reads only the figures' own metric bytes.
 */
#include <string.h>

#include "metric_int.h"
#include "extract_int.h"

void zsi_metric_drop_never(zsi_figure *v, size_t nv)
{
    if (zsi_metric_data() != 0)
        return;
    for (size_t i = 0; i < nv; i++) {
        size_t n = strlen(v[i].metric_raw);
        /* 3层台阶: a noun right after a figure is what it counts */
        if (!n || v[i].noun_at.s == v[i].end || !zsi_whole_in(MSEC_NEVER, v[i].metric_raw, 0, n))
            continue;
        v[i].metric[0] = v[i].metric_raw[0] = '\0';
        v[i].noun = v[i].noun_raw = 0;
        zsi_span_clear(&v[i].noun_at);
        zsi_span_clear(&v[i].change_at);
    }
}
