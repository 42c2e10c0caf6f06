/*
 * metric_inside.c - no metric that starts inside a word a figure's unit
 * begins. The readers after a count (what it counts) and before a figure
 * (from the previous figure on) start a metric where a figure ends; when the
 * unit's last character and the next one are one word, the unit was read
 * out of a word (2300万台|湾同胞, 6部|门印发, 9.6万家|庭断电, 1亿支|付宝
 * 用户, 10个|人做了心理), and the metric is the tail of that word and the
 * words after it. Such a metric is dropped, not moved past the word: what
 * follows the word is no more what the figure counts.
 *
 * The word must be one of ICU's (a two-character one known to jieba's
 * dictionary too, as bench/quality asks) that the most likely cut by word
 * frequencies keeps whole as well (10家|中小企业 and 10个|展位 stay, where
 * only ICU joins 家中 and 个展), and no word of that dictionary may start at
 * the edge and go on past it (12个|子公司, 1500台|风机, 3名|家人: the
 * classifier is one and the noun after it starts there).
 *
 * Separate from figure.c, which finds figures, and from the metric readers,
 * which each check their own edges: this is the one check over every figure's
 * metric once all are read, whichever reader gave it.
 *
 * Invariants: allocates nothing; reads p only inside [0, n).
 */
#include <string.h>

#include "metric_int.h"
#include "extract_int.h"

/* Bytes broken on either side of an edge (twelve Han characters). */
#define EDGE_SIDE_BYTES 36

/* The index of the figure of v[0..nv) that ends at byte e, or nv. Figures
 * are in text order and do not overlap, so their ends increase. */
static size_t figure_ending_at(const zsi_figure *v, size_t nv, size_t e)
{
    size_t lo = 0, hi = nv;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].end < e)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nv && v[lo].end == e ? lo : nv;
}

/* Does a word of jieba's dictionary start at `at` and end after we? */
static int lex_word_past(const char *p, size_t n, size_t at, size_t we)
{
    size_t c = at;
    for (int k = 1; k <= 4 && c < n; k++) {
        unsigned cp;
        c += zsi_utf8_decode(p + c, n - c, &cp);
        if (!zsi_m_is_han(cp))
            return 0;
        if (k >= 2 && c > we && zsi_lex_is_word(p, at, c))
            return 1;
    }
    return 0;
}

/* Does the metric edge at byte at, where figure f ends, lie inside a word
 * that starts in f's text (see the file comment)? */
static int starts_in_unit_word(const char *p, size_t n, const zsi_figure *f, size_t at)
{
    zsi_wbounds wb;
    size_t lo = at > EDGE_SIDE_BYTES ? at - EDGE_SIDE_BYTES : 0;
    size_t hi = n - at > EDGE_SIDE_BYTES ? at + EDGE_SIDE_BYTES : n;
    size_t ws, we, ls, le;

    while (lo < at && (p[lo] & 0xC0) == 0x80)
        lo++; /* not inside a character */
    while (hi > at && hi < n && (p[hi] & 0xC0) == 0x80)
        hi--;
    if (lo >= at || hi <= at)
        return 0;
    zsi_wb_compute(&wb, p, lo, hi);
    if (zsi_wb_is(&wb, at))
        return 0;
    ws = zsi_wb_le(&wb, at);
    we = zsi_wb_gt(&wb, at);
    if (ws < f->start || we <= at)
        return 0;
    if (zsi_nchars(p, ws, we) == 2 && !zsi_lex_is_word(p, ws, we))
        return 0; /* a pair jieba lacks: no word for a reader either */
    if (!zsi_lex_inside(p, lo, at, hi, &ls, &le))
        return 0; /* the likeliest cut puts a boundary there: 家|中小企业 */
    return !lex_word_past(p, hi, at, we);
}

void zsi_drop_metrics_in_unit_words(const char *p, size_t n, zsi_figure *v, size_t nv)
{
    for (size_t i = 0; i < nv; i++) {
        zsi_span sp[2];
        int k, ns = zsi_figure_metric_spans(&v[i], sp);
        for (k = 0; k < ns; k++) {
            size_t j = figure_ending_at(v, nv, sp[k].s);
            if (j < nv && starts_in_unit_word(p, n, &v[j], sp[k].s))
                break;
        }
        if (k == ns)
            continue;
        v[i].metric[0] = v[i].metric_raw[0] = '\0';
        v[i].noun = v[i].noun_raw = 0;
        zsi_span_clear(&v[i].noun_at);
        zsi_span_clear(&v[i].change_at);
    }
}
