/*
 * metric_countfront.c - the front of what a count counts, checked once every
 * figure is named: 抓获犯罪嫌疑人6名 counts suspects (犯罪嫌疑人), 开展宣传
 * 活动30次 campaigns (宣传活动), but the readers stop at the verbal noun
 * before the nouns (犯罪, 宣传: jieba's vn) and keep 嫌疑人, 活动, which name
 * nothing in particular.
 *
 * The shape: right before the counted nouns a verbal noun, right after a
 * verb, each of two characters or more (抓获|犯罪|嫌疑人, 开展|宣传|活动).
 * The verb is the clause's predicate and the nouns with the verbal noun its
 * object, so the verbal noun modifies them. A verbal noun alone before the
 * nouns stays outside (销售|新家电: mostly the predicate itself), and so does
 * a verb jieba tags v in the same place: as often a second predicate (取缔|
 * 关闭|网站, 改造|提升|小区) as a modifier (追回|外逃|人员). Neither word may
 * be one of [strip] (累计, 相关), which the readers drop on purpose.
 *
 * Counts only: before a sum or a rate the money readers decide the front.
 *
 * Invariants: allocates nothing; a metric's front only moves left over
 * printed text, and only when the noun is printed as its normal form.
 */
#include <string.h>

#include "metric_int.h"
#include "extract_int.h"

/* Han characters read back from a counted noun for the verb and the verbal
 * noun. */
#define VERBS_BACK 6

/* Is the cut's word i-1 a verbal noun, and word i-2 a verb, each
 * of two characters or more and neither a [strip] word, word i-2 whole in
 * the cut (its start the window's only when the window starts at the run's
 * start)? */
static int verb_then_modifier(const char *p, const size_t *st, const char *tg, int i, size_t run_s)
{
    if (i < 2 || tg[i - 1] != 'V' || st[i] - st[i - 1] < 6 || tg[i - 2] != 'v' ||
        st[i - 1] - st[i - 2] < 6 || zsi_whole_in(MSEC_STRIP, p, st[i - 1], st[i]) ||
        zsi_whole_in(MSEC_STRIP, p, st[i - 2], st[i - 1]))
        return 0;
    return i > 2 || st[0] == run_s;
}

/* The modifier's start before f's counted noun, or f->noun_at.s when none
 * (see the file comment); lo: the end of the figure before f, or 0. */
static size_t modifier_start(const char *p, size_t lo, const zsi_figure *f)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], s = f->noun_at.s, e = f->noun_at.e, ws, run_s;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    run_s = zsi_back_while(p, lo, s, (size_t)-1, zsi_m_is_han);
    ws = zsi_han_back(p, lo, s, VERBS_BACK);
    if (s - ws < 12 || (w = zsi_lex_cut(p, ws, e, st, tg, ZSI_LEX_CUT_MAX)) < 3)
        return s;
    for (i = 0; i < w && st[i] != s; i++)
        ;
    if (i == w || !verb_then_modifier(p, st, tg, i, run_s))
        return s;
    return st[i - 1];
}

void zsi_metric_count_fronts(const char *p, zsi_figure *v, size_t nv)
{
    if (zsi_metric_data() != 0)
        return;
    for (size_t i = 0; i < nv; i++) {
        zsi_figure *f = &v[i];
        size_t s = f->noun_at.s, e = f->noun_at.e, lo = i > 0 ? v[i - 1].end : 0, b;
        if (strcmp(f->cls, "count") != 0 || e <= s || e > f->start || s < lo ||
            f->noun != f->noun_raw || f->noun_raw != e - s ||
            memcmp(f->metric_raw, p + s, e - s) != 0 || memcmp(f->metric, f->metric_raw, f->noun) != 0)
            continue;
        b = modifier_start(p, lo, f);
        if (b < s && strlen(f->metric_raw) + (s - b) < ZSI_METRIC_BYTES &&
            strlen(f->metric) + (s - b) < ZSI_METRIC_BYTES)
            zsi_metric_prepend(f, p, b, s);
    }
}
