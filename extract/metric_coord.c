/*
 * metric_coord.c - a metric that is the last of coordinated noun phrases,
 * checked once every figure is named: 查处形式主义、官僚主义问题300起 counts
 * the problems of both kinds, 聚集货运及信息企业210家 the firms of both
 * trades, so the metric is the whole coordination (形式主义、官僚主义问题,
 * 货运及信息企业), not its last conjunct (官僚主义问题, 信息企业), where every
 * reader stops: a list mark 、 and the conjunctions 和, 及 end the words a
 * run or a bare phrase crosses.
 *
 * The conjunct before the mark is the bare noun phrase that ends there
 * (zsi_np_before: nouns and their modifiers, back to a verb, a stop word or
 * the clause start), and it must end right at the mark; the metric's own
 * first word must be a noun, so that two predicates with their objects
 * (种植玉米、养殖生猪) are not joined. Not when each conjunct has a figure of
 * its own (A、B为x、y): then the metric is the pairing's. Nor for a length
 * or a duration, which measures one thing (列车和时速350公里), nor for a
 * conjunct that a count before it counts (20个项目、投资总额).
 *
 * The other way round (coord_back), a metric that ends before a mark takes
 * the conjunct after it when that runs up to the figure (善款和物资超过2亿元).
 *
 * Separate from the readers because the coordination is the same whichever
 * reader named the last conjunct (a run through a suffix or a bare phrase).
 *
 * Invariants: allocates nothing; a metric's front only moves left over
 * printed text, and only when the noun is printed as its normal form.
 */
#include <string.h>

#include "metric_int.h"
#include "extract_int.h"

/* Most characters a coordinated metric holds (metric_raw is 64 bytes). */
#define COORD_MAX_CHARS 20

/* The bytes of a coordinating mark or word that ends at p[e] after lo: 、,
 * or 和 or 及 as a word of its own by the most likely cut (not of 总和,
 * 涉及), or 0. */
static size_t coord_before(const char *p, size_t lo, size_t e, size_t hi)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], s;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    unsigned cp;
    if (e < lo + 3)
        return 0;
    cp = zsi_cp_at(p, e - 3, e);
    if (cp == 0x3001) /* 、 */
        return 3;
    if (cp != 0x548C && cp != 0x53CA) /* 和 及 */
        return 0;
    s = zsi_han_back(p, lo, e - 3, 3);
    w = zsi_lex_cut(p, s, hi, st, tg, ZSI_LEX_CUT_MAX);
    for (i = 0; i < w; i++)
        if (st[i] == e - 3 && st[i + 1] == e)
            return tg[i] == 'c' ? 3 : 0;
    return 0;
}

/* Does each conjunct have a figure of its own: is a figure listed right
 * after f (x、y; x和y)? One figure after 分别 is each conjunct's
 * (钢材、水泥产量分别增长5%) and takes them all. */
static int respective(const char *p, size_t n, const zsi_figure *f)
{
    unsigned cp = zsi_cp_at(p, f->end, n);
    if (zsi_is_list_mark(cp)) {
        cp = zsi_cp_at(p, f->end + 3, n);
        return zsi_is_digit_cp(cp) || zsi_cn_numeral(cp) >= 0.0;
    }
    return 0;
}

/* Is the first word of the noun p[s..e) by the most likely cut a noun, a
 * set phrase, a proper noun, an abbreviation or a distinguishing word? */
static int noun_first(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    return w >= 1 && tg[0] && strchr("nlZjbsST", tg[0]) != NULL;
}

/* Where the noun of the conjunct p[s..e) starts: after the verbs it opens
 * with (查处|形式主义、官僚主义问题: the clause's predicate, whose object is
 * the whole coordination), at a noun-like word (noun_first); e when none. */
static size_t noun_start(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX), i;
    for (i = 0; i < w && (tg[i] == 'v' || tg[i] == 'V'); i++)
        ;
    return i < w && tg[i] && strchr("nlZjbsST", tg[i]) ? st[i] : e;
}

/* Does a figure or a numeral end within three characters before s (lo
 * the previous figure's end)? The conjunct is then what that count counts
 * (60个外资项目、投资总额; 10余个国家学术界), no part of this metric. */
static int counted(const char *p, size_t lo, size_t s)
{
    size_t q = s;
    for (int k = 0; k < 3 && q > lo; k++) {
        size_t l = zsi_utf8_prev(p, q);
        if (!zsi_all_run(p, q - l, q))
            return 0;
        q -= l;
    }
    return (q <= lo && lo > 0) || zsi_has_numeral(p, q, s);
}

/* Is the figure of a class whose metric names things or sums that add up
 * (counts, money, shares, weights, areas)? A length, a duration or an age
 * measures one thing (时速350公里, 半径100公里), which a coordination before
 * it does not share (高速检测列车和时速). */
static int additive(const zsi_figure *f)
{
    static const char *const cls[] = {"count",  "money", "percent", "points",
                                      "weight", "area",  "volume"};
    if (!f->cls)
        return 0;
    for (size_t k = 0; k < sizeof cls / sizeof *cls; k++)
        if (strncmp(f->cls, cls[k], strlen(cls[k])) == 0 &&
            (f->cls[strlen(cls[k])] == '\0' || f->cls[strlen(cls[k])] == '/'))
            return 1;
    return 0;
}

/* Words of p[s..e) by the most likely cut (0 when too long to cut). */
static int lex_words(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    return zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
}

/*
 * Are the conjunct p[as..ae) and the metric's noun p[bs..be) peers? A noun
 * of one word is coordinated with no longer a phrase (专家、学者, 党员、干部,
 * 种子植物和蕨类植物): after a longer one it is as often a verb's noun that
 * starts another predicate (没收电脑主机、罚款5万元). Before a sum both
 * name a sum of one kind (电价、气价): one word that ends otherwise is a
 * thing bought, not a sum (轿车和花费25万元).
 */
static int peers(const zsi_figure *f, const char *p, size_t as, size_t ae, size_t bs, size_t be)
{
    if (lex_words(p, bs, be) != 1)
        return 1;
    if (zsi_nchars(p, as, ae) > zsi_nchars(p, bs, be))
        return 0;
    return strncmp(f->cls, "money", 5) != 0 || zsi_cp_at(p, ae - zsi_utf8_prev(p, ae), ae) ==
                                                   zsi_cp_at(p, be - zsi_utf8_prev(p, be), be);
}

void zsi_metric_prepend(zsi_figure *f, const char *p, size_t s, size_t e)
{
    size_t k = e - s;
    memmove(f->metric + k, f->metric, strlen(f->metric) + 1);
    memcpy(f->metric, p + s, k);
    memmove(f->metric_raw + k, f->metric_raw, strlen(f->metric_raw) + 1);
    memcpy(f->metric_raw, p + s, k);
    f->noun += k;
    f->noun_raw += k;
    f->noun_at.s = s;
}

/* The coordinated front of f's metric (see the file comment); its clause
 * starts after prev, the figure before it (NULL: none), at the earliest. */
static void coord_front(const char *p, size_t n, const zsi_figure *prev, zsi_figure *f)
{
    char norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
    size_t s = f->noun_at.s, e = f->noun_at.e, lo = prev ? prev->end : 0;
    if (e <= s || f->noun != f->noun_raw || f->noun_raw != e - s || e > f->start ||
        memcmp(f->metric_raw, p + s, e - s) != 0 || memcmp(f->metric, f->metric_raw, f->noun) != 0)
        return;
    if (!additive(f) || !noun_first(p, s, e) || respective(p, n, f))
        return;
    for (;;) {
        size_t k = coord_before(p, lo, s, e), ws, cs = s - k;
        zsi_span at;
        if (!k)
            return;
        ws = zsi_back_while(p, lo, cs, (size_t)-1, zsi_is_run_char);
        if (!zsi_np_before(p, ws, cs, norm, raw, &at) || at.e != cs || at.s >= cs ||
            zsi_has_numeral(p, at.s, cs) ||
            zsi_nchars(p, at.s, s) + zsi_nchars(f->metric_raw, 0, strlen(f->metric_raw)) >
                COORD_MAX_CHARS ||
            strlen(f->metric_raw) + (s - at.s) >= ZSI_METRIC_BYTES ||
            strlen(f->metric) + (s - at.s) >= ZSI_METRIC_BYTES)
            return;
        if ((at.s = noun_start(p, at.s, cs)) == cs || counted(p, lo, at.s) ||
            !peers(f, p, at.s, cs, s, e))
            return;
        zsi_metric_prepend(f, p, at.s, s);
        s = at.s;
    }
}

/* Is p[s..e) at most two characters of what may stand between a total's
 * noun and its figure (共, 计, 合计, 达, 为)? Not 分别, 均 or 各: each
 * conjunct then has the figure of its own. */
static int total_filler(const char *p, size_t s, size_t e)
{
    static const char set[] = "共计合总达为约";
    if (zsi_nchars(p, s, e) > 2)
        return 0;
    while (s < e) {
        unsigned cp;
        s += zsi_utf8_decode(p + s, e - s, &cp);
        if (!zsi_in_set(set, sizeof set - 1, cp))
            return 0;
    }
    return 1;
}

/*
 * 闲置厂房和楼宇46万平方米, 善款和物资超过2.3亿元: a metric that a reader
 * ended before a coordinating mark (a suffix's noun nearer the start won
 * over the bare phrase after the mark) names the first conjunct only, while
 * the figure right after the second counts or sums both. The metric takes
 * the mark and the bare noun phrase that runs from it up to the figure
 * (only a word of a total between them: 共, 计, 达), under the same
 * conditions as coord_front().
 */
static void coord_back(const char *p, size_t n, zsi_figure *f)
{
    char norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
    size_t s = f->noun_at.s, e = f->noun_at.e, k, bs, add;
    zsi_span at;
    /* the normal form may drop a word at the front (发放|困难补助), not at
     * the end, where the conjunct goes */
    if (e <= s || f->noun_raw != e - s || e >= f->start || f->noun < 3 ||
        memcmp(f->metric_raw, p + s, e - s) != 0 ||
        memcmp(f->metric + f->noun - 3, p + e - 3, 3) != 0)
        return;
    if (!additive(f) || noun_start(p, s, e) == e || respective(p, n, f) || f->start - e < 6)
        return;
    if (!(k = coord_before(p, s, e + 3, f->start)))
        return;
    bs = e + k;
    if (!zsi_np_before(p, bs, f->start, norm, raw, &at) || at.s != bs || at.e <= bs ||
        zsi_has_numeral(p, bs, at.e) || !noun_first(p, bs, at.e) ||
        !total_filler(p, at.e, f->start))
        return;
    add = at.e - e;
    if (zsi_nchars(p, s, at.e) > COORD_MAX_CHARS || strlen(f->metric_raw) + add >= ZSI_METRIC_BYTES ||
        strlen(f->metric) + add >= ZSI_METRIC_BYTES)
        return;
    memmove(f->metric + f->noun + add, f->metric + f->noun, strlen(f->metric) - f->noun + 1);
    memcpy(f->metric + f->noun, p + e, add);
    memmove(f->metric_raw + f->noun_raw + add, f->metric_raw + f->noun_raw,
            strlen(f->metric_raw) - f->noun_raw + 1);
    memcpy(f->metric_raw + f->noun_raw, p + e, add);
    f->noun += add;
    f->noun_raw += add;
    f->noun_at.e = at.e;
}

void zsi_metric_coord_fronts(const char *p, size_t n, zsi_figure *v, size_t nv)
{
    if (zsi_metric_data() != 0)
        return;
    for (size_t i = 0; i < nv; i++) {
        coord_front(p, n, i > 0 ? &v[i - 1] : NULL, &v[i]);
        coord_back(p, n, &v[i]);
    }
}
