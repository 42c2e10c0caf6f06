/*
 * metric_prep.c - the front of a metric after a preposition whose object is
 * the one the money goes to or is spent for ([recipient] of data/metrics.tsv:
 * 向, 为, 给 ...). In 向红十字会捐款50万元 and 为小微企业发放贷款20亿元 the
 * nouns after the preposition are its object and the verb after them the
 * clause's predicate: the figure is what the verb hands over (贷款) or, when
 * nothing follows the verb, the verb itself (捐款), never the recipient.
 *
 * Invariants: allocates nothing; reads only p[cut..e).
 */
#include <string.h>

#include "metric_int.h"

/* May a word of jieba's tag t be part of a preposition's object: a noun, a
 * name or place, an adjective or distinguishing word before a noun, a
 * pronoun (其, 该), a verbal noun, a word the data lacks? Not a verb, an
 * adverb, a numeral or classifier, a particle or another preposition. */
static int object_tag(char t)
{
    return t != 0 && strchr("vpdmqucyeotw", t) == NULL;
}

/* Is p[s..e) a word of [recipient]? */
static int recipient_at(const char *p, size_t s, size_t e)
{
    return zsi_whole_in(MSEC_RECIPIENT, p, s, e);
}

size_t zsi_recipient_front(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t hs,
                           size_t e, size_t *ns)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], lo, q;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int n, i, j, k, prep = -1;

    *ns = b;
    if (b >= hs || b <= cut)
        return b;
    lo = zsi_han_back(p, cut, b, 8);
    for (i = 0, q = lo; q < b && !i;) {
        unsigned cp;
        i = zsi_match_at(zsi_mset(MSEC_RECIPIENT), p, q, b) != NULL;
        q += zsi_utf8_decode(p + q, b - q, &cp);
    }
    if (!i)
        return b; /* none: the cut below is the cost */
    n = zsi_lex_cut(p, lo, e, st, tg, ZSI_LEX_CUT_MAX);
    for (i = 0; i < n && st[i + 1] <= b; i++)
        if (tg[i] == 'p' && recipient_at(p, st[i], st[i + 1]))
            prep = i;
    if (prep < 0)
        return b;
    /* its object: at least one word, up to the first verb (adverbs may
     * stand before the verb: 向灾区紧急调拨) */
    for (j = prep + 1; j < n && object_tag(tg[j]); j++)
        ;
    if (j == prep + 1 || j >= n)
        return b;
    while (j < n && tg[j] == 'd')
        j++;
    if (j >= n || tg[j] != 'v')
        return b;
    if (zsi_nchars(p, st[j], st[j + 1]) == 1 && j + 1 < n && tg[j + 1] == 'v' &&
        zsi_nchars(p, st[j + 1], st[j + 2]) > 1)
        j++; /* 慈善|会|捐款: a lone character before a verb is a modal
              * (会, 能) or the tail of a name the data lacks */
    else if (zsi_nchars(p, st[j], st[j + 1]) == 1 && (j + 1 >= n || tg[j + 1] != 'v'))
        return b; /* 捐|物资: too short to tell a verb from a name's tail */
    if (st[j] < b || st[j] > hs || !zsi_wb_is(wb, st[j]))
        return b; /* the metric starts after the verb already */
    /* the verb and its complements (送|去, 累计|捐款); what follows is what
     * it hands over, when the candidate starts there or later and it is a
     * word of its own. The verb is printed with it, as a [strip] predicate
     * is (追缴|工资), and goes from the normal form. */
    for (k = j; k < n && tg[k] == 'v'; k++)
        ;
    *ns = st[j];
    if (k < n && st[k] <= hs && (zsi_nchars(p, st[k], st[k + 1]) > 1 || k + 1 == n) &&
        zsi_wb_is(wb, st[k]))
        *ns = st[k];
    return st[j];
}
