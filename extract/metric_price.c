/*
 * metric_price.c - the metric of a price quoted by a market report: a
 * closing word right before the figure (苏泊尔收报26.79元, 万科A今日收于8.06元,
 * 大豆收盘1372.75美分, 报收于每盎司37.86美元) says the figure is the closing
 * price (data/metrics.tsv [quote]). The word is a verb there, though jieba
 * files 收报 and 收盘 as nouns: the thing that closed is its subject, not a
 * part of the metric's name (not 苏泊尔收报).
 *
 * Invariants: allocates nothing; norm and raw are NUL-terminated.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

#define MEI "\xE6\xAF\x8F" /* 每 */

/*
 * Where the words before a figure end once a rate's denominator is dropped:
 * 每 and one to three Han characters (每桶, 每盎司, 每蒲式耳) right before
 * the figure name the unit priced, never the price.
 */
static size_t before_per_unit(const char *p, size_t ws, size_t we)
{
    size_t e = we;
    int k;
    for (k = 0; k < 3 && e > ws; k++) {
        unsigned cp;
        size_t l = zsi_utf8_prev(p, e);
        zsi_utf8_decode(p + e - l, l, &cp);
        if (!zsi_m_is_han(cp))
            return we;
        e -= l;
        if (e >= ws + 3 && memcmp(p + e - 3, MEI, 3) == 0)
            return e - 3;
    }
    return we;
}

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
    e = before_per_unit(p, ws, we);
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
