/*
 * figure_label.c - metrics named by a label rather than by the words right
 * before the figure: a colon label (营业收入：100亿元), a 分别为 list whose
 * names stand between its values (意大利、德国分别为3%和5%), a unit price
 * (每吨5000元). Apart from figure.c because each reads a figure's clause as
 * a whole after the figures are found, and sets the metric of figures the
 * per-figure reading left unnamed or misnamed.
 *
 * Invariants: allocates nothing; reads p only inside the clause handed in.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quantity_int.h"
#include "segment_int.h"
#include "extract_int.h"


/* Most Han characters of a name before a figure of a 分别为 list (意大利,
 * 黑龙江省): longer words may name a metric of their own. */
#define MAX_LIST_NAME_HAN 6
/* Most bytes looked back from a figure for the 分别为 that opens its list. */
#define LIST_BACK_BYTES 240

/* Is p[s..e) a list's separator and a name: at most one of 、，：, (and
 * spaces), then at most MAX_LIST_NAME_HAN Han, letters or digits that name
 * no metric (意大利, 德国)? A sentence end is none. @return 1 yes, 0 no, or
 * a negative ZS_E*. */
static int list_name_gap(const char *p, size_t s, size_t e)
{
    char n1[ZSI_METRIC_BYTES], r1[ZSI_METRIC_BYTES];
    zsi_span a1;
    size_t l, han = 0, seps = 0, ns = e;
    int rc;
    for (size_t q = s; q < e; q += l) {
        unsigned cp = cp_at(p, e, q, &l);
        if (cp == 0x3001 || cp == 0xFF0C || cp == 0xFF1A || cp == ',' || cp == ':') {
            if (han || ++seps > 1)
                return 0;
        } else if (is_han(cp) || (cp < 0x80 && isalnum((int)cp))) {
            if (ns == e)
                ns = q;
            if (++han > MAX_LIST_NAME_HAN)
                return 0;
        } else if (cp != ' ' && cp != 0x3000) {
            return 0;
        }
    }
    if (ns == e)
        return 1;
    rc = zsi_metric_noun(p, ns, e, n1, r1, &a1);
    return rc < 0 ? rc : rc == 0;
}

/* Most Han characters of a label before a colon (售价：, 总投资：). */
#define MAX_LABEL_HAN 6

/*
 * The metric of a price of one unit (f's class a money rate, 元/台):
 * 每|台售价3999元 named 台售价 takes the unit 每 counts by into the metric;
 * the figure's unit says it, and the metric is 售价. A verb of selling
 * (卖, 售: 每斤能卖20元, 卖15元一斤) names the price (价格), not a sale.
 */
void zsi_unit_price_metric(const char *p, zsi_figure *f)
{
    size_t a = f->noun_at.s, rl = strlen(f->metric_raw), ml = strlen(f->metric);
    const zsi_unitdef *du;
    if (strncmp(f->cls, "money/", 6) != 0 || !rl || f->noun_at.e <= a)
        return;
    if (a >= 3 && memcmp(p + a - 3, "\xE6\xAF\x8F", 3) == 0 && /* 每 */
        (du = zsi_unit_at(p, f->noun_at.e, a)) != NULL && du->plen < f->noun_raw &&
        du->plen < f->noun && strcmp(du->cls, "money") != 0 &&
        memcmp(f->metric_raw, p + a, du->plen) == 0 && memcmp(f->metric, p + a, du->plen) == 0) {
        memmove(f->metric_raw, f->metric_raw + du->plen, rl - du->plen + 1);
        memmove(f->metric, f->metric + du->plen, ml - du->plen + 1);
        f->noun -= du->plen;
        f->noun_raw -= du->plen;
        f->noun_at.s += du->plen;
        return;
    }
    if (rl == ml && rl <= 6 && f->noun == ml && !strcmp(f->metric, f->metric_raw) &&
        (!memcmp(f->metric, "\xE5\x8D\x96", 3) || !memcmp(f->metric, "\xE5\x94\xAE", 3)) && /* 卖 售 */
        (rl == 3 || memcmp(f->metric + 3, "\xE4\xBB\xB7", 3) != 0)) {                        /* 价 */
        memcpy(f->metric, "\xE4\xBB\xB7\xE6\xA0\xBC", 7); /* 价格 */
        f->noun = 6;
    }
}

/*
 * 售价：1299元, 总投资：5亿元: a figure that opens the clause after a colon,
 * with nothing but spaces between, is the value of the label before the
 * colon (a price list, a project's card), when that label is a metric noun
 * of the data standing alone: from the line's start, a space or a clause's
 * end, at most MAX_LABEL_HAN characters (a speaker, 张三：…, names no noun).
 * @return 0, or a negative ZS_E* from the metric data.
 */
int zsi_colon_label(const char *p, size_t clause, zsi_figure *f)
{
    size_t q, ls, le, l;
    unsigned cp;
    int han = 0, rc;
    for (q = clause; q < f->start; q += l) {
        l = zsi_utf8_decode(p + q, f->start - q, &cp);
        if (cp != ' ' && cp != 0x3000)
            return 0;
    }
    if (clause < 1)
        return 0;
    l = zsi_utf8_before(p, clause, &cp);
    if (cp != 0xFF1A && cp != ':')
        return 0;
    le = clause - l;
    for (ls = le; ls > 0; ls -= l) {
        l = zsi_utf8_before(p, ls, &cp);
        if (!is_han(cp))
            break;
        if (++han > MAX_LABEL_HAN)
            return 0;
    }
    if (han < 2 || (ls > 0 && cp != ' ' && cp != 0x3000 && cp != '\n' && !zsi_is_clause_end(cp)))
        return 0;
    rc = zsi_metric_noun(p, ls, le, f->metric, f->metric_raw, &f->noun_at);
    if (rc <= 0 || f->noun_at.s != ls || f->noun_at.e != le) {
        f->metric[0] = f->metric_raw[0] = '\0';
        zsi_span_clear(&f->noun_at);
        return rc < 0 ? rc : 0;
    }
    f->noun = strlen(f->metric);
    f->noun_raw = strlen(f->metric_raw);
    return 0;
}

/*
 * 建筑涂料占涂料总量的比例分别为：意大利57%、德国55%: figures that follow a
 * 分别为 (or 依次为) each after a name (a place, a company) that names no
 * metric are values of the noun before the 分别, one for each name; they had
 * none (the name is no metric). Only figures left with no metric, whose list
 * from the 分别为 holds nothing but figures and such names.
 * @return 0, or a negative ZS_E* from the metric data.
 */
int zsi_named_list_values(const char *p, zsi_figure *v, size_t nv)
{
    static const char *const opener[] = {"\xE5\x88\x86\xE5\x88\xAB\xE4\xB8\xBA",  /* 分别为 */
                                         "\xE4\xBE\x9D\xE6\xAC\xA1\xE4\xB8\xBA"}; /* 依次为 */
    size_t i;
    for (i = 0; i < nv; i++) {
        size_t q, lo, from, j, cs, l;
        int rc, ok = 1;
        char norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
        zsi_span at;
        if (v[i].metric[0])
            continue;
        lo = v[i].start > LIST_BACK_BYTES ? v[i].start - LIST_BACK_BYTES : 0;
        for (q = v[i].start; q > lo; q--) {
            unsigned cp;
            if ((p[q - 1] & 0xC0) == 0x80)
                continue;
            cp = cp_at(p, v[i].start, q - 1, &l);
            if (zsi_is_sentence_end(cp))
                break;
            if (q - 1 + 9 <= v[i].start && (!memcmp(p + q - 1, opener[0], 9) ||
                                            !memcmp(p + q - 1, opener[1], 9)))
                break;
        }
        if (q <= lo || q - 1 + 9 > v[i].start ||
            (memcmp(p + q - 1, opener[0], 9) && memcmp(p + q - 1, opener[1], 9)))
            continue;
        q--; /* the 分别为 starts at q */
        /* the gaps between q + 9 and v[i]: names and the figures between */
        from = q + 9;
        for (j = 0; j < i && v[j].end <= from; j++)
            ;
        for (; j <= i && ok; j++) {
            rc = list_name_gap(p, from, v[j].start);
            if (rc < 0)
                return rc;
            ok = rc > 0;
            from = v[j].end;
        }
        if (!ok)
            continue;
        /* the noun before the 分别为, in its clause */
        cs = zsi_clause_start(p, 0, q);
        rc = zsi_metric_noun(p, cs, q, norm, raw, &at);
        if (rc < 0)
            return rc;
        if (rc == 0 || at.e != q)
            continue;
        memcpy(v[i].metric, norm, sizeof norm);
        memcpy(v[i].metric_raw, raw, sizeof raw);
        v[i].noun = strlen(norm);
        v[i].noun_raw = strlen(raw);
        v[i].noun_at = at;
        zsi_span_clear(&v[i].change_at);
    }
    return 0;
}
