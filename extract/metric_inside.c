/*
 * metric_inside.c - a metric that starts where a figure ends, checked once
 * every figure is named: it may not start inside a word the figure's unit
 * begins, nor inside the adverbial a span of time makes with 来 (30年来).
 *
 * The word a unit begins. The readers after a count (what it counts) and
 * before a figure (from the previous figure on) start a metric where a
 * figure ends; when the unit's last character and the next one are one word, the unit was read
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

/* Does a word of jieba's dictionary start at `at` and end after we? A rare
 * one does not count: the rarest words of the data are fragments and
 * compounds (理器, count 4, is no reading of 920处|理器; 上汽 of 30台|上汽). */
static int lex_word_past(const char *p, size_t n, size_t at, size_t we)
{
    size_t c = at;
    for (int k = 1; k <= 4 && c < n; k++) {
        unsigned cp;
        c += zsi_utf8_decode(p + c, n - c, &cp);
        if (!zsi_m_is_han(cp))
            return 0;
        if (k >= 2 && c > we && zsi_lex_count(p, at, c) >= ZSI_LEX_RARE)
            return 1;
    }
    return 0;
}

/* The window of p[0..n) around byte at that an edge is read in:
 * EDGE_SIDE_BYTES either side, never inside a character. @return 0 when it
 * is empty on a side (at is the text's start or end). */
static int edge_window(const char *p, size_t n, size_t at, size_t *lo, size_t *hi)
{
    *lo = at > EDGE_SIDE_BYTES ? at - EDGE_SIDE_BYTES : 0;
    *hi = n - at > EDGE_SIDE_BYTES ? at + EDGE_SIDE_BYTES : n;
    while (*lo < at && (p[*lo] & 0xC0) == 0x80)
        (*lo)++;
    while (*hi > at && *hi < n && (p[*hi] & 0xC0) == 0x80)
        (*hi)--;
    return at > *lo && at < *hi;
}

/* Does the metric edge at byte at, where figure f ends, lie inside a word
 * that starts in f's text (see the file comment)? */
static int starts_in_unit_word(const char *p, size_t n, const zsi_figure *f, size_t at)
{
    zsi_wbounds wb;
    size_t lo, hi, ws, we, ls, le;

    if (!edge_window(p, n, at, &lo, &hi))
        return 0;
    /* Asked first: it costs a tenth of breaking the window, and a boundary
     * there answers no whatever the break finds. */
    if (!zsi_lex_inside(p, lo, at, hi, &ls, &le))
        return 0; /* the likeliest cut puts a boundary there: 家|中小企业 */
    zsi_wb_compute(&wb, p, lo, hi);
    if (zsi_wb_is(&wb, at))
        return 0;
    ws = zsi_wb_le(&wb, at);
    we = zsi_wb_gt(&wb, at);
    if (ws < f->start || we <= at)
        return 0;
    if (zsi_nchars(p, ws, we) == 2 && !zsi_lex_is_word(p, ws, we))
        return 0; /* a pair jieba lacks: no word for a reader either */
    return !lex_word_past(p, hi, at, we);
}

/* The bytes of 来 or 以来 at p[s..n) after a span of time (30年来, 近两周
 *以来: over the last thirty years), or 0. */
static size_t since_word(const char *p, size_t n, size_t s)
{
    if (n - s >= 3 && memcmp(p + s, "\xE6\x9D\xA5", 3) == 0) /* 来 */
        return 3;
    if (n - s >= 6 && memcmp(p + s, "\xE4\xBB\xA5\xE6\x9D\xA5", 6) == 0) /* 以来 */
        return 6;
    return 0;
}

/*
 * A span of time and 来 or 以来 after it (30年来, 近5年以来, 6个月来) say
 * when, as one adverbial: the words after are the clause's, not what the
 * span measures, and a metric read from there starts inside it (年|来峰值).
 * The span's own metric is dropped; another figure's (30年来峰值36美分) starts
 * after 来, when what is left is two characters or more and both forms of
 * the metric begin as printed; otherwise it is dropped. @return 1 when f's
 * metric is to be dropped.
 */
static int after_time_span(const char *p, size_t n, const zsi_figure *v, size_t nv, zsi_figure *f)
{
    size_t j, k;
    if (f->noun_at.e <= f->noun_at.s)
        return 0;
    j = figure_ending_at(v, nv, f->noun_at.s);
    if (j == nv || !v[j].cls || strcmp(v[j].cls, "duration") != 0 ||
        (k = since_word(p, n, f->noun_at.s)) == 0)
        return 0;
    if (&v[j] == f || f->noun_raw < k + 6 || f->noun < k + 6 ||
        zsi_nchars(p, f->noun_at.s + k, f->noun_at.e) < 2 ||
        memcmp(f->metric_raw, p + f->noun_at.s, k) != 0 || memcmp(f->metric, p + f->noun_at.s, k) != 0)
        return 1;
    memmove(f->metric_raw, f->metric_raw + k, strlen(f->metric_raw + k) + 1);
    memmove(f->metric, f->metric + k, strlen(f->metric + k) + 1);
    f->noun_raw -= k;
    f->noun -= k;
    f->noun_at.s += k;
    return 0;
}

/* Does a word of data/lexicon.txt that the segmenter keeps whole (保税区,
 * 签约) run across byte at of p[lo..hi)? A two-character one only when
 * jieba's dictionary knows it too. */
static int domain_word_across(const char *p, size_t lo, size_t at, size_t hi)
{
    size_t s = at;
    for (int k = 0; k < EDGE_SIDE_BYTES / 3 && s > lo; k++) {
        unsigned cp;
        const zsi_phrase *w;
        s -= zsu_utf8_before(p, s, &cp);
        w = zsi_match_at(zsi_mdomain(), p, s, hi);
        if (w && s + w->len > at &&
            (zsi_nchars(p, s, s + w->len) != 2 || zsi_lex_is_word(p, s, s + w->len)))
            return 1;
    }
    return 0;
}

/*
 * Does the edge at byte at of a metric lie inside a word both readings keep
 * whole: one of ICU's or of data/lexicon.txt's, as `zhaoshu segment` shows
 * them (a two-character one known to jieba's dictionary too), that the most
 * likely cut by word frequencies also keeps (青岛保税|区, 占比|较上年末,
 * 果博会签|约)? The readers check their own edges as they cut; this catches
 * what any of them let through, by the test bench/quality scores. Only
 * between two Han characters: zsi_lex_inside answers no elsewhere.
 */
static int edge_in_word(const char *p, size_t n, size_t at)
{
    zsi_wbounds wb;
    size_t lo, hi, ws, we, ls, le;

    if (!edge_window(p, n, at, &lo, &hi) || !zsi_lex_inside(p, lo, at, hi, &ls, &le))
        return 0;
    if (domain_word_across(p, lo, at, hi))
        return 1;
    zsi_wb_compute(&wb, p, lo, hi);
    if (zsi_wb_is(&wb, at))
        return 0;
    ws = zsi_wb_le(&wb, at);
    we = zsi_wb_gt(&wb, at);
    return we > at && !(zsi_nchars(p, ws, we) == 2 && !zsi_lex_is_word(p, ws, we));
}

/* Does a span of f's metric start or end inside a word (edge_in_word)? A
 * start where a figure ends is the unit's own question (starts_in_unit): a
 * word of the data may begin there (12个|子公司). */
static int edge_inside(const char *p, size_t n, const zsi_figure *v, size_t nv, const zsi_figure *f)
{
    zsi_span sp[2];
    int ns = zsi_figure_metric_spans(f, sp);
    for (int k = 0; k < ns; k++) {
        if (sp[k].s < sp[k].e && figure_ending_at(v, nv, sp[k].s) == nv &&
            edge_in_word(p, n, sp[k].s))
            return 1;
        if (sp[k].s < sp[k].e && sp[k].e < n && edge_in_word(p, n, sp[k].e))
            return 1;
    }
    return 0;
}

/* Does a span of f's metric start where a figure ends, inside a word that
 * figure's unit begins? */
static int starts_in_unit(const char *p, size_t n, const zsi_figure *v, size_t nv,
                          const zsi_figure *f)
{
    zsi_span sp[2];
    int ns = zsi_figure_metric_spans(f, sp);
    for (int k = 0; k < ns; k++) {
        size_t j = figure_ending_at(v, nv, sp[k].s);
        if (j < nv && starts_in_unit_word(p, n, &v[j], sp[k].s))
            return 1;
    }
    return 0;
}

void zsi_metric_figure_edges(const char *p, size_t n, zsi_figure *v, size_t nv)
{
    for (size_t i = 0; i < nv; i++) {
        if (!after_time_span(p, n, v, nv, &v[i]) && !starts_in_unit(p, n, v, nv, &v[i]) &&
            !edge_inside(p, n, v, nv, &v[i]))
            continue;
        v[i].metric[0] = v[i].metric_raw[0] = '\0';
        v[i].noun = v[i].noun_raw = 0;
        zsi_span_clear(&v[i].noun_at);
        zsi_span_clear(&v[i].change_at);
    }
}
