/*
 * figure.c - figures in Chinese news text: a number with its unit, hedge
 * words and range, normalised to a base unit, plus the year and the metric
 * phrase stated with it.
 *
 * What is a figure:
 *  - A number (number.c) followed by a unit of data/units.tsv (longest match;
 *    "1.06万户" = 10600 户), or a fraction (七分之一, 百分之三十 = 30%), or an
 *    Arabic number with a 万/亿 multiplier or thousands separator and no unit
 *    ("突破10万" = 1e5, class "number"), or a hedged bare number (超过100).
 *  - Hedges are flags: 近/将近/接近 NEAR, 超/超过/逾/突破/以上 OVER,
 *    约/大约/左右/上下 ABOUT, 余/多 PLUS, 不到/不足/以下/以内 UNDER.
 *  - Ranges: 5到10年, 3至5亿元, 3-5%, 30%—40% (value .. value_hi). "从X到Y"
 *    is a change, not a range: two figures.
 * What is not:
 *  - Years: a four-digit number 1900-2100 (or 二〇二四) before 年, and year
 *    ranges (2021—2024年). They set the year of later figures instead.
 *  - Dates and times: 10月, 5日, 3号, 10时 (those units are absent from the
 *    data on purpose), and ordinals: 第一, 第27位.
 *  - Numbers glued to Latin letters or digits (PM2.5, 5G, A3), digit strings
 *    in Chinese numerals (十四五, 一二三), and Chinese numerals used as words:
 *    a one-character numeral without a hedge is a figure only when it
 *    measures something (五年, 三公里, 千元); 一 alone, a digit before a
 *    classifier or 元 (一个, 三笔, 二元), and 十/百/千/万/亿 before a
 *    classifier (千家万户) are words. A Chinese numeral without a unit needs
 *    a hedge (突破十万).
 * Year of a figure: the last year stated in its clause before it; else the
 * year that leads its sentence ("2024年，经营主体总量突破1.06万户" -> 2024).
 * Metric: metric.c, on the words between the clause start (or the previous
 * figure of the clause) and the figure; a figure only linked to the previous
 * one ("从995亿元增长至2024年的1903亿元") inherits its metric.
 *
 * Units: unit.c; one quantity with its hedges and range: quantity.c (see
 * quantity_int.h for how the three files divide the work).
 * Metrics read over a list or a label once the figures are found: a list
 * of items paired with its figures (分别增长15%、23%: figure_list.c), a
 * colon label, a 分别为 list of names, a unit price (figure_label.c).
 *
 * Invariants: extraction allocates only the output array, grown
 * geometrically; unit/cls pointers point into the unit table (unit.c), which
 * lives as long as the process.
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

/* ---- passages ---- */

int zsi_is_clause_end(unsigned cp)
{
    switch (cp) {
    case 0xFF0C:
    case ',':
    case 0xFF1B:
    case ';':
    case 0xFF1A:
    case ':':
    case 0x3002:
    case 0xFF01:
    case '!':
    case 0xFF1F:
    case '?':
    case 0x2026: /* …… ends a list: what follows is a new clause */ return 1;
    default: return 0;
    }
}

/* Start of the clause that ends at p[e]: right after the last clause end
 * mark in p[lo..e), or lo when none. */
size_t zsi_clause_start(const char *p, size_t lo, size_t e)
{
    while (e > lo && !zsi_is_clause_end(cp_before(p, e)))
        e -= zsi_utf8_prev(p, e);
    return e;
}

int zsi_is_sentence_end(unsigned cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == '!' || cp == 0xFF1F || cp == '?' || cp == 0xFF1B ||
           cp == ';';
}

/* Han characters in p[s..e). */
size_t zsi_count_han(const char *p, size_t s, size_t e)
{
    size_t c = 0, l;
    while (s < e) {
        unsigned cp = cp_at(p, e, s, &l);
        c += is_han(cp);
        s += l;
    }
    return c;
}

/* Bytes looked at after a figure for its clause's end (a metric printed after it). */
#define AFTER_BYTES 64

/* Does a word go on right after byte e (Han, a letter or a digit)? */
static int word_follows(const char *p, size_t n, size_t e)
{
    unsigned cp = e < n ? cp_at(p, n, e, NULL) : 0;
    return (cp >= 0x3400 && cp < 0xA000) || (cp < 0x80 && cp && isalnum((int)cp));
}

/* Does only a particle that ends a sentence (呢, 哩, 啊, 呀, 啦, 吧) or 钱
 * (the money a colloquial 元 or 块 counts: 3块钱) stand between byte e and
 * its clause's end (一天能挣三百元呢！, 一斤能多卖1块钱。)? Neither names
 * anything: the sum ends its clause as it would alone. */
static int particle_ends(const char *p, size_t n, size_t e)
{
    size_t l;
    unsigned cp = e < n ? cp_at(p, n, e, &l) : 0;
    if (!cp || !zsi_particle_at(p, e, e + l))
        return 0;
    cp = e + l < n ? cp_at(p, n, e + l, NULL) : 0;
    return !cp || zsi_is_clause_end(cp);
}

/* Does the clause end right after byte e: the text's end, a clause end, a
 * list comma or a closing bracket? Not a quote or a title mark (建成36个
 * “一站式”平台: a name of what is counted follows). */
static int clause_ends(const char *p, size_t n, size_t e)
{
    unsigned cp = e < n ? cp_at(p, n, e, NULL) : 0;
    return !cp || zsi_is_clause_end(cp) || cp == 0x3001 || cp == 0xFF09 || cp == ')' || cp == '\n';
}

/* Does the count f end in 届 (连任十三届的代表, 98届毕业生): terms held, an
 * ordinal of a congress or a year's class of graduates? (十三届全国人大 and
 * 2020届 are no figure at all: quantity.c term_ordinal.) */
static int ordinal_term(const char *p, const zsi_figure *f)
{
    return f->end - f->start > 3 && memcmp(p + f->end - 3, "\xE5\xB1\x8A", 3) == 0; /* 届 */
}

/* Does a joining word (和, 及) follow the figure ending at e, starting the
 * next item of a list (优质稻30万亩|和|稻田养鱼基地)? Not 及以上, 及以下
 * (a hedge of the figure), nor before another figure (新增37个|和|33个专业:
 * the nouns after both name them), nor 与, mostly a preposition (领办1个|与
 * 群众…). */
static int joined_after(const char *p, size_t n, size_t e)
{
    unsigned cp;
    if (e + 6 > n || (memcmp(p + e, "\xE5\x92\x8C", 3) != 0 &&  /* 和 */
                      memcmp(p + e, "\xE5\x8F\x8A", 3) != 0))   /* 及 */
        return 0;
    cp = cp_at(p, n, e + 3, NULL);
    return cp != 0x4EE5 && !arabic_digit_cp(cp) && zsi_cn_numeral(cp) < 0 && /* 以 */
           !(zsi_hedge_lead(cp) && zsi_hedge_at(p, n, e + 3));
}

/*
 * Where the next figure after byte `from` starts, before ce (ce when none):
 * a noun read after a figure ends there, so a metric is words and never the
 * next figure (86家企业|超百亿元: the run after 86家 stops at 超). The tests
 * are the extraction loop's: a numeral run's first character or a hedge.
 */
static size_t next_figure(const char *p, size_t n, size_t from, size_t ce)
{
    size_t i = from, l;
    while (i < ce) {
        unsigned cp = cp_at(p, n, i, &l);
        if ((arabic_digit_cp(cp) || zsi_cn_numeral(cp) >= 0 ||
             (zsi_hedge_lead(cp) && zsi_hedge_at(p, n, i)))) {
            zsi_fparse r;
            zsi_fparse_at(p, n, i, 0, &r);
            if (r.kind == ZSI_FP_FIGURE)
                return r.f.start < ce ? r.f.start : ce;
            if (r.next > i + l) {
                i = r.next;
                continue;
            }
        }
        i += l;
    }
    return ce;
}

/*
 * Does p[s..e), between two amounts of money, only convert the first into
 * another currency (4.5亿元人民币(合6500万美元), 1美元约合6.9元)? Brackets,
 * commas and spaces, a currency word printed after the first amount, a
 * hedge, and a conversion verb (合, 折合, 相当于; with quote set also 对, 兑
 * and 兑换, which quote a rate), which must be there.
 */
static int conversion_between(const char *p, size_t s, size_t e, int quote)
{
    /* longest first where one word is the start of another (约合, 约;
     * 兑换, 兑); a 1 in conv_word marks a conversion verb, a 2 one that
     * counts only when quote is set: 对 and 兑 quote an exchange rate after
     * one unit (人民币1元对1.39挪威克朗, 1美元兑7.1元), not a sum restated */
    static const char *const words[] = {"人民币", "相当于", "折合", "约合", "大约", "合",
                                        "约",     "即",     "兑换", "兑",   "对"};
    static const char conv_word[] = {0, 1, 1, 1, 0, 1, 0, 0, 2, 2, 2};
    int conv = 0;
    while (s < e) {
        size_t l, i, wl = 0;
        unsigned cp = cp_at(p, e, s, &l);
        if (cp == ' ' || cp == '(' || cp == ')' || cp == 0xFF08 || cp == 0xFF09 || cp == ',' ||
            cp == 0xFF0C) {
            s += l;
            continue;
        }
        for (i = 0; i < sizeof words / sizeof words[0]; i++) {
            wl = strlen(words[i]);
            if (s + wl <= e && memcmp(p + s, words[i], wl) == 0)
                break;
        }
        if (i == sizeof words / sizeof words[0])
            return 0;
        if (conv_word[i] == 2 && !quote)
            return 0;
        conv |= conv_word[i] != 0;
        s += wl;
    }
    return conv;
}

/*
 * 1美元约合100日元, （1澳元约合5元人民币）: one unit of a currency
 * converted into another (约合, 折合, 相当于, 合) is no amount of anything;
 * the figure after it is that currency's exchange rate, named 汇率 (no
 * words print it). @return 1 when f is one.
 */
static int fx_rate(const char *p, const zsi_figure *sprev, zsi_figure *f)
{
    static const char *const one[] = {"1", "\xEF\xBC\x91" /* １ */, "\xE4\xB8\x80" /* 一 */};
    size_t i, l = 0;
    if (!sprev || strcmp(f->cls, "money") != 0 || strcmp(sprev->cls, "money") != 0 ||
        sprev->end > f->start || !conversion_between(p, sprev->end, f->start, 1))
        return 0;
    for (i = 0; i < sizeof one / sizeof one[0]; i++) {
        l = strlen(one[i]);
        if (sprev->end - sprev->start > l && memcmp(p + sprev->start, one[i], l) == 0)
            break;
    }
    /* the one alone: not 10美元, 1.5美元, 一百美元 */
    if (i == sizeof one / sizeof one[0])
        return 0;
    {
        unsigned cp = cp_at(p, sprev->end, sprev->start + l, NULL);
        size_t n = sprev->end - sprev->start;
        if (arabic_digit_cp(cp) || cp == '.' || cp == 0xFF0E || zsi_cn_numeral(cp) >= 0 ||
            n >= sizeof f->metric_raw)
            return 0;
        /* no words print the rate's name: the one unit is a figure, and a
         * metric printed over a figure is dropped; raw stays empty */
        memcpy(f->metric, "\xE6\xB1\x87\xE7\x8E\x87", 7); /* 汇率 */
        f->metric_raw[0] = '\0';
        /* noun 0: a later figure of the sentence (同比增长8%, 和400澳元)
         * takes no subject from an aside on the rate */
        f->noun = 0;
        f->noun_raw = 0;
        zsi_span_clear(&f->noun_at);
    }
    return 1;
}

/*
 * Name figure f, whose clause (or the part after the previous figure of the
 * clause) starts at ws and whose sentence starts at sent: the noun before it,
 * joined with a change word (营业收入同比增长12% -> 营业收入同比增速); a
 * clause with a change word or a link only (增长12%, 仅为2%) takes the noun
 * of an earlier clause of its sentence. A noun printed right after the figure
 * (8000元的产业扶持资金, 预留30%采购份额) is taken when there is none before
 * it, or when other words than filler stand between that one and the figure.
 */
/*
 * 可减少30%的耗电量, 存在近250元的价差: a money figure or a rate followed by
 * 的 takes the noun phrase after it as its metric. Returns 1 when one was
 * taken (f's metric and noun lengths set), 0 when none, or a ZS_E* code.
 */
static int de_noun_after(const char *p, size_t fe, size_t ce, int rate, zsi_figure *f)
{
    int rc;

    if (!(rate || !strncmp(f->cls, "money", 5)) || ce < fe + 3 ||
        memcmp(p + fe, "\xE7\x9A\x84", 3) != 0)
        return 0;
    rc = zsi_np_after(p, fe, ce, ZSI_NP_DE | ZSI_NP_MARK, f->metric, f->metric_raw, &f->noun_at);
    if (rc > 0) {
        f->noun = strlen(f->metric);
        f->noun_raw = strlen(f->metric_raw);
    }
    return rc;
}

/* Is p[s..e), two or three Han characters, one word of the most likely cut
 * whose class a unit's name may have: a measure word (q), a
 * word the data lacks (x), or a name's (R, S): jieba files 蒲式耳 as a
 * person's name and 加仑 as a place. Not a common noun: 每|月工资,
 * 每|年收入 name the figure. */
static int unit_word(const char *p, size_t s, size_t e)
{
    size_t st[4], q;
    char tg[4];
    for (q = s; q < e; q += 3)
        if (!is_han(cp_at(p, e, q, NULL)))
            return 0;
    return zsi_lex_cut(p, s, e, st, tg, 1) == 1 && tg[0] && strchr("qRSx", tg[0]);
}

/*
 * 菜籽油每吨8900元, 房租每天每平方米20元, 报收于每蒲式耳384.5美分: 每 and a
 * unit right before a figure say what one unit costs; they are the figure's
 * denominator, never its name. The unit is one of data/units.tsv, one Han
 * character (每桶, 每股), or two or three that the most likely cut makes one
 * word of a measure's or a name's class (盎司, 蒲式耳, 加仑, which units.tsv
 * lacks; not 每人|补贴, 每年|投入 or 每|月工资, whose words name the figure). One
 * function for every caller: figure.c before naming, metric_price.c before a
 * closing word. @return where the metric's window ends: before every such 每
 * at we, or we when none.
 */
size_t zsi_per_unit_cut(const char *p, size_t ws, size_t we)
{
    size_t k;
    for (k = 1; k <= 3 && we >= ws + 3 * k + 3; k++) {
        size_t m = we - 3 * k; /* the unit's start, after the 每 */
        const zsi_unitdef *u;
        if (memcmp(p + m - 3, "\xE6\xAF\x8F", 3) != 0) /* 每 */
            continue;
        u = zsi_unit_at(p, we, m);
        if ((u && m + u->plen == we) || (k == 1 && is_han(cp_at(p, we, m, NULL))) ||
            (k > 1 && unit_word(p, m, we))) {
            we = m - 3;
            k = 0; /* 每天每平方米: another may stand before it */
        }
    }
    return we;
}

/*
 * 6%是重症, 其中30%为老年人: a rate that names nothing before it, followed
 * by the copula 是 or 为, is the share of what the noun phrase after the
 * copula names. @return 1 when the words after the figure open with one.
 */
static int copula_after(const char *p, size_t fe, size_t ce)
{
    if (ce < fe + 6)
        return 0;
    return zsi_is_copula(cp_at(p, ce, fe, NULL));
}

/*
 * What an area printed before its noun measures (300亩果园, 80平方米的新房):
 * the nouns after it by the most likely cut, as a share's (zsi_share_noun_after).
 * A verb that stops them may be the predicate (小麦|养活|一家) or a compound's
 * middle (装备|制造|产业园, 生态|修复|治理): with a noun or another verb right
 * after it, it is unsure which, and the area gets no noun here. @return 1 with
 * f's metric and noun set, 0 none.
 */
static int area_noun(const char *p, size_t ce, zsi_figure *f)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], e, q;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, k;

    if (zsi_share_noun_after(p, f->end, ce, f->metric, f->metric_raw, &f->noun_at) <= 0)
        return 0;
    e = f->noun_at.e;
    for (q = e, k = 0; q < ce && k < 6; k++) {
        size_t l;
        if (!is_han(cp_at(p, ce, q, &l)))
            break;
        q += l;
    }
    w = q > e ? zsi_lex_cut(p, e, q, st, tg, ZSI_LEX_CUT_MAX) : 0;
    if (w >= 2 && tg[0] && strchr("vV", tg[0]) && tg[1] && strchr("nvVZj", tg[1])) {
        f->metric[0] = f->metric_raw[0] = '\0';
        zsi_span_clear(&f->noun_at);
        return 0;
    }
    f->noun = strlen(f->metric);
    f->noun_raw = strlen(f->metric_raw);
    return 1;
}

/* Does a metric's normal form end in 价 or 价格 (现货价格, 收购价)? */
static int names_price(const char *norm)
{
    size_t n = strlen(norm);
    return (n >= 3 && !memcmp(norm + n - 3, "\xE4\xBB\xB7", 3)) || /* 价 */
           (n >= 6 && !memcmp(norm + n - 6, "\xE4\xBB\xB7\xE6\xA0\xBC", 6)); /* 价格 */
}

/*
 * 苏泊尔收报26.79元, 大豆收盘1372.75美分: an amount of money right after a
 * closing word is the closing price, named by that word (zsi_quote_before),
 * unless a noun found before (m) names it: a price (综合平均价格报收650元/吨,
 * 价格指数(现货价格)报收于26460元/吨) or the noun right before the word
 * (沪铝报收). @return 1 when f was named so.
 */
static int quote_figure(const char *p, size_t ws, size_t we, const zsi_metric *m, zsi_figure *f)
{
    zsi_span at;
    if (strncmp(f->cls, "money", 5) != 0 ||
        !zsi_quote_before(p, ws, we, f->metric, f->metric_raw, &at))
        return 0;
    if (m->norm[0] && (m->at.e == at.s || names_price(m->norm))) {
        f->metric[0] = f->metric_raw[0] = '\0';
        return 0;
    }
    f->noun = strlen(f->metric);
    f->noun_raw = strlen(f->metric_raw);
    f->noun_at = at;
    return 1;
}

/*
 * Was f named by a closing word alone (收于8.06元, quote_figure)? A rate in
 * a clause after it that says only a change (降幅为1.47%) is the change of
 * the thing that closed, which the closing word does not name: it does not
 * take the word as its subject (an amount does: 下跌0.12元 is a change of
 * the closing price, as 利润增加2000万元 is of 利润).
 */
static int quote_named(const char *p, const zsi_figure *f)
{
    char norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
    zsi_span at;
    return f->noun && f->noun_at.e > f->noun_at.s &&
           zsi_quote_before(p, f->noun_at.s, f->noun_at.e, norm, raw, &at) &&
           at.s == f->noun_at.s;
}

/* Is the noun at p[s] printed after a share and its 的 (98%的|受访者,
 * 七成的|企业)? A share whose subject is elided takes it over from one. */
static int after_share_de(const char *p, size_t s)
{
    unsigned cp;
    if (s < 4 || memcmp(p + s - 3, "\xE7\x9A\x84", 3) != 0) /* 的 */
        return 0;
    cp = cp_before(p, s - 3);
    return cp == '%' || cp == 0xFF05 || cp == 0x6210; /* % ％ 成 */
}

/* f takes g's noun (not its change word): the same thing, named where g
 * printed it. */
static void take_noun(zsi_figure *f, const zsi_figure *g)
{
    memcpy(f->metric, g->metric, g->noun);
    f->metric[g->noun] = '\0';
    memcpy(f->metric_raw, g->metric_raw, g->noun_raw);
    f->metric_raw[g->noun_raw] = '\0';
    f->noun = g->noun;
    f->noun_raw = g->noun_raw;
    f->noun_at = g->noun_at;
}

/* f takes all of g's metric, its change word too: a value of the same
 * measure. */
static void take_metric(zsi_figure *f, const zsi_figure *g)
{
    memcpy(f->metric, g->metric, sizeof f->metric);
    memcpy(f->metric_raw, g->metric_raw, sizeof f->metric_raw);
    f->noun = g->noun;
    f->noun_raw = g->noun_raw;
    f->noun_at = g->noun_at;
    f->change_at = g->change_at;
}

/* 总收入达4482亿美元，比前年的4350亿美元增加了3.3%; 增速为1.0%，远低于去年的
 * 1.8%: is f, whose words p[ws..we) name nothing, the base its clause compares
 * the sentence's previous figure g with (zsi_base_of_previous)? Then it is
 * a value of what g measures: of g's kind (money with money, a rate with a
 * rate: 个百分点 is no base of a %), and g has a metric. */
static int base_of(const char *p, size_t ws, size_t we, size_t ce, const zsi_figure *g,
                   const zsi_figure *f)
{
    int same = !strcmp(g ? g->cls : "", f->cls) ||
               (g && !strncmp(g->cls, "money", 5) && !strncmp(f->cls, "money", 5));
    return g && same && g->metric[0] && g->end <= ws &&
           zsi_base_of_previous(p, ws, we, f->end, ce) == 1;
}

/* Does the noun that ends at p[e] name the set of a share printed right
 * after it, joined by 的, 中 or 中的 (新增林地面积的|42%, 贡献中|42%, 预算中的
 * 36%), with only a comma and 有 or an adverb ([sharelead]) before the
 * share's number? */
static int set_before_share(const char *p, size_t n, size_t e)
{
    static const char *const tie[] = {"\xE4\xB8\xAD\xE7\x9A\x84" /* 中的 */,
                                      "\xE7\x9A\x84" /* 的 */, "\xE4\xB8\xAD" /* 中 */};
    size_t i, l;
    unsigned cp;
    for (i = 0; i < sizeof tie / sizeof tie[0]; i++)
        if (e + strlen(tie[i]) <= n && !memcmp(p + e, tie[i], strlen(tie[i])))
            break;
    if (i == sizeof tie / sizeof tie[0])
        return 0;
    e += strlen(tie[i]);
    if (e < n && (cp_at(p, n, e, &l) == 0xFF0C || p[e] == ','))
        e += l;
    while (e < n && (cp_at(p, n, e, &l), zsi_share_lead(p, e, e + l)))
        e += l;
    if (e >= n)
        return 0;
    cp = cp_at(p, n, e, NULL);
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || zsi_cn_numeral(cp) >= 0;
}

/*
 * 98%的受访者表示满意，96%对前景有信心: a share that opens its clause, names
 * nothing before it and goes straight on with its predicate (a verb or a
 * preposition, no 的 and no noun it counts) has its subject elided: the
 * noun the sentence's previous share counted, printed after that share (or
 * after an earlier one that share took it from), or the set printed before
 * it (果汁销量的40%来自华东，25%来自华南).
 * Copies it into f. @return 1 so, 0 not.
 */
static int elided_share(const char *p, size_t n, size_t ws, size_t we, const zsi_figure *sprev,
                        zsi_figure *f)
{
    if (!sprev || strcmp(sprev->cls, "percent") != 0 || strcmp(f->cls, "percent") != 0 ||
        !sprev->noun || sprev->noun_at.e > f->start ||
        (sprev->noun_at.s < sprev->end && !after_share_de(p, sprev->noun_at.s) &&
         !set_before_share(p, n, sprev->noun_at.e)) ||
        !word_follows(p, n, f->end) || !zsi_names_nothing(p, ws, we) ||
        (f->end + 3 <= n && !memcmp(p + f->end, "\xE7\x9A\x84", 3))) /* 的 */
        return 0;
    take_noun(f, sprev);
    return 1;
}

/* The Han characters after a share that jieba's cut is asked about: a
 * noun a share counts is one word of two to four characters (药材, 受访者,
 * 中小企业), so four hold it whole, and the cut, asked about no more, reads
 * the share's own word and the start of the next, not the clause's
 * predicate (a most likely cut depends on the whole window). */
#define NOUN_AFTER_CHARS 4

/* Does a noun of jieba's (n, nz, ns, nr, nt) of two or more characters
 * start at p[fe] and go on with more words in its clause (八成|药材|价格都有
 * 上涨: the share names what it counts after it)? Not one that ends the
 * clause (84%涨价，: a predicate jieba files a noun). */
static int noun_follows(const char *p, size_t n, size_t fe)
{
    size_t st[3], e = fe, k, l;
    char tg[2];
    for (k = 0; k < NOUN_AFTER_CHARS && e < n; k++) {
        cp_at(p, n, e, &l);
        if (zsi_count_han(p, e, e + l) != 1)
            break;
        e += l;
    }
    if (zsi_lex_cut(p, fe, e, st, tg, 2) < 1 || !strchr("nZSRT", tg[0]) || !tg[0] ||
        zsi_count_han(p, fe, st[1]) < 2 || st[1] >= n)
        return 0;
    return !zsi_is_clause_end(cp_at(p, n, st[1], &l));
}

/* The start of the run of at most max Han characters that ends at p[z],
 * not before lo: the window jieba's cut is asked about. */
static size_t han_run_back(const char *p, size_t lo, size_t z, int max)
{
    size_t s = z;
    for (int k = 0; k < max && s > lo; k++) {
        size_t l = zsi_utf8_prev(p, s);
        if (zsi_count_han(p, s - l, s) != 1)
            break;
        s -= l;
    }
    return s;
}

/* Where the verb of jieba's that ends at p[b] starts, in p[lo..b): the
 * noun after it may be its object (上涨|采购成本中) or what it modifies
 * (造纸|企业中). @return its start, or b when no verb ends there. */
static size_t verb_start(const char *p, size_t lo, size_t b)
{
    size_t st[5], s = han_run_back(p, lo, b, 4);
    char tg[4];
    int w = s < b ? zsi_lex_cut(p, s, b, st, tg, 4) : 0;
    return w > 0 && (tg[w - 1] == 'v' || tg[w - 1] == 'V') ? st[w - 1] : b;
}

/* Does the phrase that starts at p[r] stand whole in its clause p[cs..):
 * open the clause (after 在), or follow 的 or 这些 (受访的|养殖户), not a
 * piece of a longer compound? */
static int whole_phrase(const char *p, size_t cs, size_t r)
{
    unsigned pc = r > cs ? cp_before(p, r) : 0;
    return r == cs || pc == 0x7684 || pc == 0x4E9B || (pc == 0x5728 && r == cs + 3); /* 的 些 在 */
}

/* Copies the set p[s..z) as printed into raw and, as its own normal form,
 * into norm (both ZSI_METRIC_BYTES). @return 1 so, 0 when it is too long. */
static int copy_set(const char *p, size_t s, size_t z, char *norm, char *raw)
{
    if (z - s >= ZSI_METRIC_BYTES)
        return 0;
    memcpy(raw, p + s, z - s);
    raw[z - s] = '\0';
    memcpy(norm, raw, z - s + 1);
    return 1;
}

/* The run of nouns of jieba's most likely cut (n, nz, vn) that ends at
 * p[z], in the Han characters of p[lo..z) (卖出的|电动车, 受访的|养殖户),
 * at least two characters: its start, or z when there is none. */
static size_t noun_run_before(const char *p, size_t lo, size_t z)
{
    size_t st[9], s = han_run_back(p, lo, z, 8);
    char tg[8];
    int w = s < z ? zsi_lex_cut(p, s, z, st, tg, 8) : 0, k;
    for (k = w; k > 0 && strchr("nZV", tg[k - 1]) && tg[k - 1]; k--)
        ;
    return k < w && zsi_count_han(p, st[k], z) >= 2 ? st[k] : z;
}

/*
 * 参展企业中60%来自外省, 在受访家庭中，有35%以上买了保险: a share printed
 * right after a noun phrase and its 中 (in its clause, or ending the clause
 * before it), with only 有 or an adverb between, and going on with its
 * predicate (no 的: 片中75%的特效 is a share of 特效), is a share of the set
 * that phrase names, not of what its predicate says (来自外省, 出口到欧盟).
 * 其中, 中 right after the sentence's previous figure (人均纯收入2080元中38%)
 * and 中 after the noun that figure counts (卖出的3亿部手机中，有两成)
 * point at the set that figure names. Not after a noun of an
 * activity (在救治工作中: when, not of what). A share followed by 是 or 为
 * is first the share of what the copula names (6%是重症): cop 1 asks for
 * the set only then, when that named nothing (受访企业中，40%是外资企业、合资
 * 企业: a list), cop 0 never. @return 1 with f named, 0 not.
 */
static int set_share(const char *p, size_t n, size_t sent, size_t ws, size_t we,
                     const zsi_figure *sprev, int cop, zsi_figure *f)
{
    static const char zhong[] = "\xE4\xB8\xAD"; /* 中 */
    char norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
    size_t b = we, z, cs, vs;
    zsi_span at;
    if (strcmp(f->cls, "percent") != 0 || copula_after(p, f->end, n) != cop ||
        noun_follows(p, n, f->end) ||
        (f->end + 3 <= n && !memcmp(p + f->end, "\xE7\x9A\x84", 3))) /* 的 */
        return 0;
    while (b > ws && zsi_share_lead(p, b - zsi_utf8_prev(p, b), b))
        b -= zsi_utf8_prev(p, b);
    if (b == ws && b > sent + 3 && zsi_is_clause_end(cp_before(p, b))) /* 中，有35% */
        b -= zsi_utf8_prev(p, b);
    if (b < sent + 6 || memcmp(p + b - 3, zhong, 3) != 0)
        return 0;
    z = b - 3;
    if (!memcmp(p + z - 3, "\xE5\x85\xB6", 3) || (sprev && sprev->end == z) || /* 其 */
        (sprev && sprev->noun && sprev->noun_at.e == z && sprev->end <= sprev->noun_at.s)) {
        if (!sprev || !sprev->noun || sprev->noun_at.e > z || !strcmp(sprev->cls, "percent") ||
            zsi_any_place(sprev->metric))
            return 0;
        take_noun(f, sprev);
        return 1;
    }
    if (!memcmp(p + z - 3, "\xE5\xBD\x93", 3) || !memcmp(p + z - 3, "\xE4\xB9\x8B", 3)) /* 当 之 */
        z -= 3;
    cs = zsi_clause_start(p, sent, z);
    if (zsi_activity_noun(p, cs, z))
        return 0;
    if (!zsi_np_before(p, cs, z, norm, raw, &at) || at.e != z) {
        /* what ICU's words leave open, jieba's cut may name: only a whole
         * phrase */
        size_t r = noun_run_before(p, cs, z);
        if (r == z || !whole_phrase(p, cs, r) || !copy_set(p, r, z, norm, raw))
            return 0;
        at.s = r;
        at.e = z;
    }
    if (zsi_any_place(norm) || (sprev && sprev->end > at.s))
        return 0;
    vs = verb_start(p, cs, at.s);
    if (vs < at.s) {
        /* 造纸|企业中, 访问|用户中, 发现的感染|病例中: a verb that starts a
         * whole phrase modifies the set, which starts with it; elsewhere the
         * noun may be its object (上涨|采购成本中) */
        if (!whole_phrase(p, cs, vs) || !copy_set(p, vs, z, norm, raw))
            return 0;
        at.s = vs;
    }
    if (sprev && sprev->noun && sprev->noun_at.e == at.s &&
        sprev->noun + strlen(norm) < sizeof f->metric &&
        sprev->noun_raw + strlen(raw) < sizeof f->metric_raw) {
        /* 2000万吨聚丙烯|年产量中: the figure counts the set's first part */
        take_noun(f, sprev);
        memcpy(f->metric + f->noun, norm, strlen(norm) + 1);
        memcpy(f->metric_raw + f->noun_raw, raw, strlen(raw) + 1);
        at.s = sprev->noun_at.s;
    } else {
        memcpy(f->metric, norm, sizeof norm);
        memcpy(f->metric_raw, raw, sizeof raw);
    }
    f->noun = strlen(f->metric);
    f->noun_raw = strlen(f->metric_raw);
    f->noun_at = at;
    return 1;
}

/*
 * Is f a price per unit of a product: money per a weight, a volume or a
 * container (元/吨, 美元/桶, 元/袋), or money after 每 and such a unit (per)?
 * Not per head, per year or per area (元/人, 元/年, 元/平方米): those name a
 * wage, a fee or a land price, no product.
 */
static int product_rate(const zsi_figure *f, int per)
{
    static const char *const not_product[] = {"money/count", "money/duration", "money/area",
                                              "money/length"};
    size_t i;
    if (strncmp(f->cls, "money", 5) != 0)
        return 0;
    if (f->cls[5] != '/')
        return per;
    for (i = 0; i < sizeof not_product / sizeof not_product[0]; i++)
        if (!strcmp(f->cls, not_product[i]))
            return 0;
    return 1;
}

/*
 * 当前菜粕2100元/吨, 螺纹钢上调100元/吨: a price per unit of a product that
 * nothing else names is the price of the noun before it (zsi_price_product).
 * @return 1 with f's metric set, 0 none, or a ZS_E* code.
 */
static int product_price(const char *p, size_t ws, size_t we, int per, zsi_figure *f)
{
    zsi_span at;
    int rc;
    if (!product_rate(f, per))
        return 0;
    rc = zsi_price_product(p, ws, we, f->metric, f->metric_raw, &at);
    if (rc <= 0)
        return rc;
    f->noun = strlen(f->metric);
    f->noun_raw = strlen(f->metric_raw);
    f->noun_at = at;
    return 1;
}

static int counted_noun(const char *p, size_t fe, size_t ce, zsi_figure *f);

/*
 * 10颗“吉林一号”卫星, 24条“稳外资”措施, 39项“小微权力”。: a short name in
 * quotes right after a count is what it counts, or of what it counts when a
 * noun run follows the closing mark (read as after a count), whose kind the
 * name tells: the name and the run are one phrase (吉林一号卫星; as printed
 * with its marks). Alone, or before a verb (9个“台阶”走到…), the name is
 * the phrase. @return 1 named, 0 no quoted name there.
 */
static int quoted_count(const char *p, size_t fe, size_t ce, zsi_figure *f)
{
    char norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
    size_t qs, qe, qa, e, ql;
    zsi_span at;
    zsi_figure g;
    if (!zsi_count_quote_at(p, fe, ce, &qs, &qe, &qa))
        return 0;
    e = qa;
    g = *f;
    g.metric[0] = g.metric_raw[0] = '\0';
    zsi_span_clear(&g.noun_at);
    if (qa < ce && counted_noun(p, qa, ce, &g) && g.noun_at.s == qa && g.noun_at.e > qa &&
        strcmp(g.metric, g.metric_raw) == 0 && !zsi_count_has_verb(p, qa, g.noun_at.e))
        e = g.noun_at.e; /* “一带一路”沿线国家, not “小毛楼”连成 */
    else if (qa < ce && zsi_count_noun_cut(p, qa, ce, norm, raw, &at) && at.s == qa && at.e > qa &&
             strcmp(norm, raw) == 0 && !zsi_count_has_verb(p, qa, at.e))
        e = at.e;
    ql = qe - qs;
    if (e - fe >= ZSI_METRIC_BYTES)
        return 0;
    memcpy(f->metric, p + qs, ql);
    memcpy(f->metric + ql, p + qa, e - qa);
    f->metric[ql + (e - qa)] = '\0';
    memcpy(f->metric_raw, p + fe, e - fe);
    f->metric_raw[e - fe] = '\0';
    f->noun_at.s = fe;
    f->noun_at.e = e;
    return 1;
}

/* 360名学生全部返校: an adverb after the nouns a count counts (zsi_count_
 * adverb_end) starts what the clause says of them; the phrase, printed as
 * it is, ends before it. */
static void adverb_off(const char *p, zsi_figure *f)
{
    size_t s = f->noun_at.s, e = f->noun_at.e, a;
    if (e <= s || strlen(f->metric_raw) != e - s || memcmp(f->metric_raw, p + s, e - s) != 0 ||
        strcmp(f->metric, f->metric_raw) != 0 || (a = zsi_count_adverb_end(p, s, e)) == e)
        return;
    f->metric[a - s] = f->metric_raw[a - s] = '\0';
    f->noun_at.e = a;
}

/* What a count counts, by ICU's words (zsi_np_after) or, where those leave
 * it open or run on into a verb the class data lacks, by jieba's cut. */
static int counted_noun(const char *p, size_t fe, size_t ce, zsi_figure *f)
{
    char norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
    zsi_span at;
    int got;
    if (fe - f->start > 6 && memcmp(p + fe - 6, "\xE4\xBA\xBA\xE5\x8F\xA3", 6) == 0) {
        /* 13万人口: the unit names what is counted, printed inside the
         * figure (no span of its own), whatever words follow */
        memcpy(f->metric, "\xE4\xBA\xBA\xE5\x8F\xA3", 7); /* 人口 */
        memcpy(f->metric_raw, f->metric, 7);
        return 1;
    }
    if (fe == f->end && zsi_count_unit_word(p, f->start, fe, ce, f->metric)) {
        /* 9部门联合下文: the classifier begins the noun counted, printed
         * across the figure's end (no span of its own) */
        memcpy(f->metric_raw, f->metric, strlen(f->metric) + 1);
        return 1;
    }
    if (quoted_count(p, fe, ce, f))
        return 1; /* 5架“海王”直升机 */
    if (zsi_count_fate_after(p, fe, ce, f->metric, f->metric_raw, &f->noun_at))
        return 1; /* 35人死亡, 8例治愈出院: what befell what is counted */
    if (zsi_count_admin_after(p, fe, ce, f->metric, f->metric_raw, &f->noun_at))
        return 1; /* 31个省（区、市）: divisions of several kinds */
    got = zsi_np_after(p, fe, ce, ZSI_NP_COUNT, f->metric, f->metric_raw, &f->noun_at);
    if (got && !zsi_count_has_predicate(p, f->noun_at.s, f->noun_at.e)) {
        /* 20只股权|投资基金: ICU's words stopped at a verbal noun inside the
         * noun, which jieba's cut takes whole when a noun ends it; 5家企业|
         * 营业收入: they ran into a measure of what is counted, where the cut
         * stops; 4000名群众|脱贫致富: into a predicate that is no noun;
         * 9家问题严重|的银行: they took the subject of a clause ending in
         * 的, where the cut takes the noun after it */
        if (zsi_count_noun_cut(p, fe, ce, norm, raw, &at) &&
            (at.s >= f->noun_at.e || at.s == f->noun_at.s) &&
            (at.s >= f->noun_at.e || at.e > f->noun_at.e ||
             (at.e < f->noun_at.e && (zsi_count_measure_at(p, at.e, ce) ||
                                      zsi_count_tail_off(p, at.s, at.e, f->noun_at.e))))) {
            memcpy(f->metric, norm, sizeof norm);
            memcpy(f->metric_raw, raw, sizeof raw);
            f->noun_at = at;
        }
        adverb_off(p, f);
        return 1;
    }
    if (zsi_count_noun_cut(p, fe, ce, norm, raw, &at)) {
        memcpy(f->metric, norm, sizeof norm);
        memcpy(f->metric_raw, raw, sizeof raw);
        f->noun_at = at;
        adverb_off(p, f);
        return 1;
    }
    return f->metric[0] != '\0'; /* zsi_np_after's phrase, when the cut finds none */
}

/* Copies the metric m into f (its noun and change word, as printed too). */
static void put_metric(const zsi_metric *m, zsi_figure *f)
{
    size_t k = strlen(m->norm), c = strlen(m->change);
    /* 增速放缓，也将以13%的速度增长: a noun that already ends in the change
     * word (增速 taken from before) is not named twice (增速增速) */
    int twice = c && k >= c && !memcmp(m->norm + k - c, m->change, c);
    memcpy(f->metric, m->norm, k + 1);
    f->noun = k;
    if (k + c < sizeof f->metric && !twice)
        memcpy(f->metric + k, m->change, c + 1);
    k = strlen(m->raw);
    c = strlen(m->change_raw);
    memcpy(f->metric_raw, m->raw, k + 1);
    f->noun_raw = k;
    f->noun_at = m->at;
    if (k + c < sizeof f->metric_raw && !twice) {
        memcpy(f->metric_raw + k, m->change_raw, c + 1);
        f->change_at = m->change_at;
    }
}

/* 低于, 高于, 相当于 in p[s..e): the clause compares its figure with another */
static int compares(const char *p, size_t s, size_t e)
{
    static const char *const w[] = {"\xE4\xBD\x8E\xE4\xBA\x8E", "\xE9\xAB\x98\xE4\xBA\x8E",
                                    "\xE7\x9B\xB8\xE5\xBD\x93\xE4\xBA\x8E"}; /* 低于 高于 相当于 */
    size_t i, k;
    for (i = s; i < e; i++)
        for (k = 0; k < sizeof w / sizeof w[0]; k++)
            if (strlen(w[k]) <= e - i && !memcmp(p + i, w[k], strlen(w[k])))
                return 1;
    return 0;
}

/*
 * 低于去年0.9%的水平, 维持在5%左右的水平, 达到15亿美元的水平: 水平 names
 * nothing; the figure is a level of what the clause names before it (m, not
 * a place; not, when the clause compares, a noun that names no rate: 远低于
 * 发达国家80%的水平 is the level of what the sentence's previous figure
 * measures; 高于工业增速3.7%的水平 stays), or
 * else of the sentence's previous figure of its kind (a base it is compared
 * with), or of the nearest metric noun earlier in the sentence; none at all
 * rather than 水平. @return 0, ZS_ENOMEM or ZS_EIO.
 */
static int name_level(const char *p, size_t sent, size_t ws, const zsi_figure *sprev,
                      zsi_metric *m, zsi_figure *f)
{
    int rc;
    /* a percent the clause compares with, named by no rate (远低于发达国家80%的
     * 水平), is the level of what the previous figure measures */
    int compared_base = sprev && m->norm[0] && !strcmp(f->cls, "percent") &&
                        !zsi_names_rate(m->norm) && compares(p, ws, f->start);
    if ((m->norm[0] || m->change[0]) && !m->share_of && !m->whole && !m->by_form &&
        !(m->norm[0] && zsi_any_place(m->norm)) && !compared_base) {
        put_metric(m, f);
        return 0;
    }
    if (sprev && sprev->metric[0] && sprev->noun_at.e <= ws && !strcmp(sprev->cls, f->cls)) {
        take_metric(f, sprev);
        return 0;
    }
    memset(m, 0, sizeof *m);
    if (sent < ws && (rc = zsi_metric_noun(p, sent, ws, m->norm, m->raw, &m->at)) != 0) {
        if (rc < 0)
            return rc;
        put_metric(m, f);
    }
    return 0;
}

/*
 * What name_figure() knows of one figure f while it tries, case by case, the
 * readings that may name it: the text p[0..n), its sentence's start, the
 * words before f in its clause (p[ws..we)), where the words after it that
 * may name it start (fe) and where its clause ends (ce), the sentence's
 * previous figure (sprev, or NULL), and the metric m read from the words
 * before it. Each reading below returns <0 on an error, 1 when it named f
 * (no later reading may), 0 to go on.
 */
typedef struct naming {
    const char *p;
    size_t n, sent, ws, we, fe, ce;
    const zsi_figure *sprev;
    zsi_figure *f;
    zsi_metric m;
    int rate, count, measure, after, per;
} naming;

/* f is named by what a finder wrote into f->metric and f->metric_raw: the
 * whole of both is its noun. */
static void noun_written(zsi_figure *f)
{
    f->noun = strlen(f->metric);
    f->noun_raw = strlen(f->metric_raw);
}

/* Do the words before f name no noun, or only a place (该县98%以上是山地,
 * 用世界9%的耕地), and no change? Then the words after f may name it. */
static int named_by_place_only(const zsi_metric *m)
{
    return !m->change[0] && (!m->norm[0] || zsi_any_place(m->norm));
}

/* Where the words after f that may name it start, into *fe, and @return
 * where its clause ends (at a clause's end, AFTER_BYTES on, or at the next
 * figure). 投入3亿元人民币: the currency printed after an amount restates its
 * unit; the words after it are what may name the figure. */
static size_t words_after(const char *p, size_t n, const zsi_figure *f, size_t *fe)
{
    size_t ce = f->end, l;
    *fe = f->end;
    if (!strncmp(f->cls, "money", 5) && *fe + 9 <= n &&
        !memcmp(p + *fe, "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81", 9)) /* 人民币 */
        *fe += 9;
    else if (!strncmp(f->cls, "money", 5) && *fe + 3 <= n && !memcmp(p + *fe, "\xE9\x92\xB1", 3)) {
        /* 凑了50元钱, 能省10元钱: 钱 after a sum says again that it is
         * money, when it is a word alone (not 钱款, 钱包) */
        size_t st[4], e = *fe;
        char tg[4];
        int k;
        for (k = 0; k < 3 && e < n; k++) {
            unsigned cp = cp_at(p, n, e, &l);
            if (cp < 0x3400 || cp >= 0xA000)
                break;
            e += l;
        }
        if (zsi_lex_cut(p, *fe, e, st, tg, 3) > 0 && st[1] == *fe + 3)
            *fe += 3;
    }
    while (ce < n && ce - f->end < AFTER_BYTES) {
        unsigned cp = cp_at(p, n, ce, &l);
        if (zsi_is_clause_end(cp))
            break;
        ce += l;
    }
    return next_figure(p, n, f->end, ce);
}

/* 市政协十二届五次会议, 2020届毕业生: 届 numbers a congress, a term or a
 * class; no noun around it is what it counts. Only a verb before it that
 * ends the clause does (已经举办了十一届，): read first, as no other reading
 * may name an ordinal. */
static int ordinal_named(const naming *c)
{
    zsi_figure *f = c->f;
    if (!c->count || !ordinal_term(c->p, f))
        return 0;
    if (clause_ends(c->p, c->n, c->fe) &&
        zsi_count_verb_before(c->p, c->ws, c->we, f->metric, f->metric_raw, &f->noun_at))
        noun_written(f);
    return 1;
}

/* 86家企业, 1270套安置房, 230万农民工: what a count counts follows it, and
 * names it before any noun printed before it. */
static int counted_after(const naming *c)
{
    zsi_figure *f = c->f;
    if (c->count && zsi_count_level_after(c->p, c->n, f->end))
        return 0; /* 由13人|增加到|168人: named before it */
    if ((c->count && (counted_noun(c->p, f->end, c->ce, f) ||
                      zsi_count_object_noun(c->p, c->n, c->ws, c->we, f->end, c->ce, f->unit,
                                            f->metric, f->metric_raw, &f->noun_at))) ||
        (!strcmp(f->cls, "number") &&
         zsi_number_noun_cut(c->p, f->end, c->ce, f->metric, f->metric_raw, &f->noun_at))) {
        noun_written(f);
        return 1;
    }
    return 0;
}

/*
 * 派出2批60余名护士, 共有12户37人: two counts printed with nothing
 * between them (or only 共, which sums the second: 派出3批共45名护士)
 * count the same thing in two units (batches and people, households and
 * people). The first one's clause ends where the second
 * starts, and an empty gap reads as a list link, so the second would copy
 * the first one's metric, none when the noun follows them both. A noun
 * printed right after the second (counted_after) names the second, and the
 * first too when nothing named it; without one, the link's copy stands
 * (低保户12户37人: the noun before the first names both). Counts only.
 * @return 1 when f was named so.
 */
static int counted_pair(const char *p, size_t n, zsi_figure *prev, zsi_figure *f)
{
    zsi_figure g = *f;
    naming c = {.p = p, .n = n, .ws = f->start, .we = f->start, .f = &g, .count = 1};
    unsigned cp = 0;
    int sum = prev->end + 3 == f->start && !memcmp(p + prev->end, "\xE5\x85\xB1", 3); /* 共 */
    if (strcmp(prev->cls, "count") != 0 || strcmp(f->cls, "count") != 0 ||
        (prev->end != f->start && !sum) || zsi_count_level_at(p, n, f->end))
        return 0; /* 由20户64人|降至…: where a change starts, named before it */
    if (prev->start > 0)
        zsi_utf8_before(p, prev->start, &cp);
    if (cp == 0x6BCF) /* 每 */
        return 0; /* 每800人1所: a count per so many, not two of one thing */
    c.ce = words_after(p, n, f, &c.fe);
    g.metric[0] = g.metric_raw[0] = '\0';
    g.noun = g.noun_raw = 0;
    zsi_span_clear(&g.noun_at);
    zsi_span_clear(&g.change_at);
    if (!counted_after(&c) || !g.metric[0] || g.noun_at.s != f->end)
        return 0; /* 60户170多人的住房: what the people have, not who they are */
    *f = g;
    if (!prev->metric[0])
        take_metric(prev, f);
    return 1;
}

/* 12个产业园区产值达到50亿元, 5000万人口、300万亩耕地: a count whose noun
 * follows it, or is its unit, names what it counts (产业园区, 人口), so a
 * figure of another class linked to it (a sum, a bare number) measures
 * something else and is named by its own words. A noun before the count
 * names both (退出产能5处、300万吨: the capacity closed, in places and in
 * tons). Known wrong class left: a bare range in the sentence's next clause
 * (7个部门联合发文，从2万至4万不等) still takes the count's 部门, through no
 * link (the gap holds other words) but the reading of that clause. */
static int count_to_other(const zsi_figure *prev, const zsi_figure *f)
{
    return !strcmp(prev->cls, "count") && strcmp(f->cls, "count") != 0 && prev->metric[0] &&
           (prev->noun_at.e == prev->noun_at.s || prev->noun_at.s >= prev->start);
}

/* A figure that restates the sentence's previous one in other terms (an
 * exchange rate, fx_rate; 净利润4.5亿元人民币(合6500万美元): an amount
 * converted into another currency) is the same figure, of the same
 * metric: nothing in its own clause names it better. */
static int restated(const naming *c)
{
    zsi_figure *f = c->f;
    const zsi_figure *sprev = c->sprev;
    if (fx_rate(c->p, sprev, f))
        return 1;
    if (!strcmp(f->cls, "money") && sprev && !strcmp(sprev->cls, "money") && sprev->noun &&
        sprev->end <= f->start && conversion_between(c->p, sprev->end, f->start, 0)) {
        take_noun(f, sprev);
        return 1;
    }
    return 0;
}

/* The metric of the words before the figure into c->m, with we moved back
 * over what belongs to the number or makes a per-unit figure (c->per).
 * @return 0, or <0 on an error. */
static int read_before(naming *c)
{
    const char *p = c->p;
    const zsi_figure *f = c->f;
    int rc;
    /* 数十亿元, 几十万元: the 数 or 几 belongs to the number, not to a
     * metric (投入数, 投入几: the verb before it names the figure) */
    if (c->we >= c->ws + 3 &&
        (memcmp(p + c->we - 3, "\xE6\x95\xB0", 3) == 0 ||
         memcmp(p + c->we - 3, "\xE5\x87\xA0", 3) == 0) &&
        zsi_cn_numeral(cp_at(p, c->n, c->we, NULL)) >= 10)
        c->we -= 3;
    c->per = zsi_per_unit_cut(p, c->ws, c->we) != c->we;
    c->we = zsi_per_unit_cut(p, c->ws, c->we);
    rc = !strncmp(f->cls, "money", 5) ? zsi_metric_before_money(p, c->ws, c->we, &c->m)
         : c->rate                      ? zsi_metric_before_rate(p, c->ws, c->we, &c->m)
                                        : zsi_metric_before(p, c->ws, c->we, &c->m);
    if (rc >= 0 && c->m.by_form && !c->rate && strncmp(f->cls, "money", 5) != 0)
        rc = zsi_metric_before_listed(p, c->ws, c->we, &c->m); /* 连跌11个月: no change of a rate */
    if (rc == 0 && c->rate && !c->m.norm[0] && !c->m.change[0] && f->end <= c->ce &&
        zsi_all_filler(p, f->end, c->ce) &&
        zsi_metric_work_done(p, c->ws, c->we, &c->m)) {
        /* 建安工程完成11%: a rate after 完成 that ends its clause is the
         * part done of the work named before it (not 将完成九成|已招标桥梁:
         * a share of what follows) */
        c->m.refer = 0;
        c->m.adjacent = 1;
        rc = 1;
    }
    return rc < 0 ? rc : 0;
}

/*
 * 预算总额为2070亿谢克尔，约合575亿美元; 初期资金为40亿铢（约合8000万美元）:
 * a sum in a currency no unit of ours names is read as a bare number
 * (2070亿), and a conversion verb (conversion_between) restates it in a
 * currency that is. Where does the currency's name start, right before the
 * conversion that ends at fs: up to MAX_CURRENCY_HAN characters of Han, no
 * 的, after digits (and their 万, 亿), none before from? *ns receives where
 * the digits start. Not one unit (1埃镑约合0.45元: an exchange rate).
 * @return the name's start, or (size_t)-1 when there is none.
 */
#define MAX_CURRENCY_HAN 6 /* 谢克尔, 林吉特, 阿联酋迪拉姆 */
static size_t unread_currency(const char *p, size_t from, size_t fs, size_t *ns)
{
    size_t j = fs, conv = (size_t)-1, q, name, digits = 0;
    int k, han = 0, one = 0;
    for (k = 0; k < 8 && j > from; k++) {
        j -= zsi_utf8_prev(p, j);
        if (conversion_between(p, j, fs, 0))
            conv = j;
    }
    if (conv == (size_t)-1)
        return conv;
    for (q = conv; q > from && han <= MAX_CURRENCY_HAN;) {
        size_t l = zsi_utf8_prev(p, q);
        unsigned cp = cp_at(p, q, q - l, NULL);
        if (!is_han(cp) || zsi_cn_numeral(cp) >= 0)
            break;
        if (cp == 0x7684) /* 的: 70亿瓦装机容量的成本约合 is no currency's name */
            return (size_t)-1;
        q -= l;
        han++;
    }
    name = q;
    while (q > from) {
        size_t l = zsi_utf8_prev(p, q);
        unsigned cp = cp_at(p, q, q - l, NULL);
        if (arabic_digit_cp(cp)) {
            digits++;
            one = cp == '1' || cp == 0xFF11;
        } else if (cp != '.' && cp != 0xFF0E && cp != 0xB7 && cp != ',' &&
                   zsi_cn_numeral(cp) < 0) {
            break;
        }
        q -= l;
    }
    if (han == 0 || han > MAX_CURRENCY_HAN || digits == 0 || (digits == 1 && one))
        return (size_t)-1;
    *ns = q;
    return name;
}

/*
 * A sum restated from one unread_currency() finds takes the noun of the bare
 * number that one was read as (2070亿谢克尔，约合575亿美元: 2070亿 named 预算总额),
 * as restated() takes a sum's. @return 1 named, 0 not.
 */
static int restated_unread(const naming *c)
{
    zsi_figure *f = c->f;
    const zsi_figure *g = c->sprev;
    size_t ns = 0, name;
    if (strcmp(f->cls, "money") != 0 || !g || strcmp(g->cls, "number") != 0 || !g->noun ||
        g->end > f->start)
        return 0;
    name = unread_currency(c->p, g->start, f->start, &ns);
    if (name != g->end || ns != g->start)
        return 0;
    take_noun(f, g);
    return 1;
}

/* Shapes that name a figure whatever the words before it say: a closing
 * price after its market word (quote_figure), a share of a set printed
 * before it with 中 (set_share), an area or a weight or volume of what
 * follows it. */
static int named_by_shape(const naming *c)
{
    const char *p = c->p;
    zsi_figure *f = c->f;
    const zsi_metric *m = &c->m;
    if (quote_figure(p, c->ws, c->we, m, f))
        return 1;
    if (c->rate && set_share(p, c->n, c->sent, c->ws, c->we, c->sprev, 0, f))
        return 1;
    if (!strcmp(f->cls, "area") && !(m->norm[0] && m->adjacent) && !m->change[0] &&
        area_noun(p, c->ce, f)) {
        /* 8万亩耕地, 600平方米的厂房: an area measures what follows it, as a
         * count counts it, unless a noun right before names it (早稻1833万亩) */
        return 1;
    }
    if (c->measure && !(m->norm[0] && m->adjacent) && !m->change[0] &&
        zsi_count_noun_cut(p, f->end, c->ce, f->metric, f->metric_raw, &f->noun_at)) {
        /* 投放20万吨大豆, 浇筑约800立方米混凝土: a weight or volume measures
         * what follows it, as a count counts it, unless a noun right before
         * names it (大豆进口456万吨) */
        noun_written(f);
        return 1;
    }
    return 0;
}

/* 需求将保持40%的增速, 以每年5%的速度下降: a rate is the rate of the change
 * named after the figure, of the subject named before it; c->m becomes that
 * metric and c->after says so. @return 0, or <0 on an error. */
static int rate_after(naming *c)
{
    zsi_metric m2;
    int r2;
    if (!c->rate)
        return 0;
    r2 = zsi_metric_rate_after(c->p, c->ws, c->we, c->f->end, c->ce, &m2);
    if (r2 < 0)
        return r2;
    if (r2)
        c->m = m2;
    c->after = r2;
    return 0;
}

/* A level reached (name_level), or a figure its clause names by the noun
 * after it: of its 的 (when nothing before names it, or what is before is a
 * whole a share is of) or of its 是. */
static int named_after_level_de(naming *c)
{
    const char *p = c->p;
    zsi_figure *f = c->f;
    zsi_metric *m = &c->m;
    int rc;
    if (!c->after && (c->rate || !strncmp(f->cls, "money", 5)) &&
        zsi_level_after(p, f->end, c->ce)) {
        rc = name_level(p, c->sent, c->ws, c->sprev, m, f);
        return rc < 0 ? rc : 1;
    }
    if (!m->norm[0] && !c->after && m->refer &&
        (rc = de_noun_after(p, c->fe, c->ce, c->rate, f)) != 0) {
        /* 可减少30%的耗电量, 已有八成的家庭: a clause that names nothing
         * before its figure names it by the noun of the 的 after it, not by
         * an earlier clause's subject */
        return rc < 0 ? rc : 1;
    }
    if (m->whole && !c->after && (rc = de_noun_after(p, c->fe, c->ce, c->rate, f)) != 0) {
        /* 占合资公司20%的股权, 占据全球市场19%的份额: the whole a share is
         * of names it only when no noun after the figure does */
        return rc < 0 ? rc : 1;
    }
    if (c->rate && !c->after && named_by_place_only(m) && copula_after(p, f->end, c->ce) &&
        (rc = zsi_np_after(p, f->end + 3, c->ce, ZSI_NP_WHOLE, f->metric, f->metric_raw,
                           &f->noun_at)) != 0) {
        /* 6%是重症, 该县98%以上是山地: the share of what 是 names, not of an
         * earlier clause's subject */
        if (rc > 0)
            noun_written(f);
        return rc < 0 ? rc : 1;
    }
    return 0;
}

/* Is p[d..j) one figure as printed before a list's 和 or 、: digits and a
 * point, then at most three other characters (万辆, 亿元, 件)? */
static int list_item(const char *p, size_t d, size_t j)
{
    int k = 0;
    while (d < j && ((p[d] >= '0' && p[d] <= '9') || p[d] == '.'))
        d++;
    while (d < j && k < 4) {
        d++;
        while (d < j && (p[d] & 0xC0) == 0x80)
            d++;
        k++;
    }
    return d == j && k <= 3;
}

/* 电动三轮车产销4.2万辆和4.1万辆: where the list of figures that ends with the
 * figure at fs starts in p[cs..fs): at a number right before the last 和 or
 * 、 before fs (3月电动三轮车产销4.2万辆和: not the 3 of the date); fs when no
 * such item stands there. */
static size_t list_start(const char *p, size_t cs, size_t fs)
{
    size_t j, d;
    for (j = fs; j >= cs + 3; j--)
        if (!memcmp(p + j - 3, "\xE5\x92\x8C", 3) || !memcmp(p + j - 3, "\xE3\x80\x81", 3))
            break; /* 和 、 */
    if (j < cs + 3)
        return fs;
    j -= 3;
    for (d = cs; d < j; d++)
        if (p[d] >= '0' && p[d] <= '9' && (d == cs || !(p[d - 1] >= '0' && p[d - 1] <= '9')) &&
            list_item(p, d, j))
            return d;
    return fs;
}

/*
 * 电动三轮车产销4.2万辆，同比增长6.5%; 国产手机生产120万台，环比下降3.2%:
 * the previous figure of the sentence names nothing, and its clause prints
 * an activity, a noun run ending in its verb (电动三轮车|产销), right before it:
 * a change reckoned against a base (同比, 环比, 比上年) is the change of
 * that activity, as 电动三轮车产销同比增长 would be (the previous figure an
 * amount: a count, a sum, a weight, a volume, an area, energy: 跨区|送电).
 * Read from the previous figure's clause start (in p[sent..sprev->start)); a plain verb, and a
 * run that is the object of a verb before it (受理|群众投诉2万件), and a
 * verb with its object (销售|装载机, zsi_object_subject), only when m's
 * change word says what it is reckoned against.
 * @return 1 found (m's noun set), 0 none.
 */
static int activity_before(const char *p, size_t sent, const zsi_figure *sprev, zsi_metric *m)
{
    size_t cs = zsi_clause_start(p, sent, sprev->start), e;
    unsigned cp0 = 0;
    int verb_ok;
    if (strcmp(sprev->cls, "count") && strncmp(sprev->cls, "money", 5) &&
        strcmp(sprev->cls, "weight") && strcmp(sprev->cls, "volume") &&
        strcmp(sprev->cls, "area") && strcmp(sprev->cls, "energy"))
        return 0; /* 未来5年的销售: a duration, a date or a rate is no amount done */
    if (m->change_at.e > m->change_at.s)
        zsi_utf8_decode(p + m->change_at.s, m->change_at.e - m->change_at.s, &cp0);
    /* 同, 环, 比, 较: 同比增长, 环比下降, 比上年增长, 较上年下降 */
    verb_ok = cp0 == 0x540C || cp0 == 0x73AF || cp0 == 0x6BD4 || cp0 == 0x8F83 ? 2 : 0;
    e = list_start(p, cs, sprev->start);
    return zsi_verbal_subject(p, cs, e, verb_ok, m->norm, m->raw, &m->at) ||
           (verb_ok && zsi_object_subject(p, cs, e, m->norm, m->raw, &m->at));
}

/*
 * 万科A今日收于8.06元，下跌0.12元，降幅为1.47%: the previous figure g is a
 * closing price named by its closing word alone (quote_named); a rate of
 * change after it is the change of the thing that closed, the bare noun
 * phrase before that word in g's clause (万科A, past the time word 今日), not
 * of the closing price's word. Not a place, nor a phrase that does not reach
 * the closing word but for time words and adverbs, nor one after words that
 * may be part of it: the subject of the clause, whole.
 * @return 1 found (m's noun set), 0 none.
 */
static int closed_thing(const char *p, size_t sent, const zsi_figure *g, zsi_metric *m)
{
    size_t cs = zsi_clause_start(p, sent, g->noun_at.s), e = g->noun_at.s, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1], norm[ZSI_METRIC_BYTES], raw[ZSI_METRIC_BYTES];
    zsi_span at;
    int w;
    w = zsi_lex_cut(p, cs, e, st, tg, ZSI_LEX_CUT_MAX); /* none past its length */
    while (w > 0 && (tg[w - 1] == 't' || tg[w - 1] == 'd' || zsi_names_nothing(p, st[w - 1], st[w])))
        e = st[--w]; /* 万科A|今日|收于: the time word is the closing's, not the name's */
    if (w <= 0 || cs >= e || !zsi_np_before(p, cs, e, norm, raw, &at) || zsi_any_place(raw) ||
        at.e != e || !zsi_names_nothing(p, cs, at.s))
        return 0; /* the clause's subject whole (not 万|东医疗: a name the
                   * phrase reader cut after a numeral's character) */
    memcpy(m->norm, norm, sizeof norm);
    memcpy(m->raw, raw, sizeof raw);
    m->at = at;
    return 1;
}

/* Most bytes of a place name place_peer() looks for (黑龙江省, 马来西亚). */
#define PEER_PLACE_BYTES 24

/*
 * 城镇化率为58.4%，日本为92%; 粮食产量增长5%，其中湖北为3%; （河南为
 * 1.86%）: a clause of a place alone (data/places.tsv, data/foreign.txt), words
 * before it that name nothing (其中, 而) and after it a verb of being (为, 是)
 * with words that name nothing (目前, 约) gives the same measure of another
 * place as the sentence's previous figure: f takes its metric, when that one
 * is of f's class (money with money, a rate with a rate) and printed before
 * f's clause. The place is the figure's zone, not its metric.
 * @return 1 when f took g's metric, else 0.
 */
static int place_peer(naming *c)
{
    const char *p = c->p;
    const zsi_figure *g = c->sprev;
    zsi_figure *f = c->f;
    size_t s = c->ws, we = c->we, b, e, pe = 0, q, l;
    int be = 0;
    if (!g || !g->metric[0] || g->end > c->ws || c->m.change[0] || c->after ||
        (c->m.norm[0] && !zsi_any_place(c->m.norm)) || word_follows(p, c->n, f->end))
        return 0;
    /* the whole class, not base_of()'s money prefix: a base after 低于上月的
     * may drop the 每吨 its figure had, but a place's 3000万元 after 每亩300元
     * is a total, no value of the same measure (money/area only with
     * money/area) */
    if (strcmp(g->cls, f->cls) || !(c->rate || !strncmp(f->cls, "money", 5)))
        return 0;
    for (; s < we && !is_han(cp_at(p, we, s, &q)); s += q)
        ; /* the comma or bracket that opens the clause */
    for (b = s; b < we && !pe; b += q) {
        cp_at(p, we, b, &q);
        for (e = b + 6; e <= we && e <= b + PEER_PLACE_BYTES; e++)
            if ((zsi_place_word(p + b, e - b) || zsi_foreign_place(p + b, e - b)))
                pe = e;
        if (pe && !zsi_names_nothing(p, s, b))
            return 0;
    }
    if (!pe)
        return 0;
    for (q = pe; q < we && !be; q += l)
        be = zsi_is_copula(cp_at(p, we, q, &l));
    if (!be || !zsi_names_nothing(p, pe, we))
        return 0;
    take_metric(f, g);
    return 1;
}

/* When the words before the figure name nothing alone but refer (c->m.refer)
 * to a subject printed earlier: take it into c->m from the sentence's
 * previous figure, an earlier clause or the words before that figure.
 * @return 0, or <0 on an error. */
static int subject_before(naming *c)
{
    const char *p = c->p;
    size_t ws = c->ws, we = c->we, sent = c->sent;
    const zsi_figure *sprev = c->sprev, *f = c->f;
    zsi_metric *m = &c->m;
    int rc, rate = c->rate, count = c->count;
    if (!m->norm[0] && !m->change[0] && !m->refer && !c->after && zsi_count_han(p, ws, we) > 0 &&
        !word_follows(p, c->n, f->end) && zsi_names_nothing(p, ws, we) &&
        (sprev ? sprev->noun && sprev->noun_at.e <= ws && !strcmp(sprev->cls, f->cls) &&
                     (rate || !count)
               : sent < ws && (rate || !strncmp(f->cls, "money", 5)))) {
        /* 运费10元，现在则要20元; 占有率下降，目前只有34.9%: a clause of
         * adverbs, time words and a verb that names nothing alone (要, 只有,
         * 升至) says a new value of the same kind as the sentence's previous
         * figure: of its subject, as 增长5% does (money and rates: a count's
         * metric is what it counts, read after it; not when words follow the
         * figure, which may name it: 300亿元技改资金、2万亿元专项债券). With
         * no figure before it in its sentence (猪肉价格明显回落，降到了24元)
         * it is a new value of the subject an earlier clause names. Either
         * way not when its verb names the figure (投入5亿元). */
        char vn[ZSI_METRIC_BYTES], vr[ZSI_METRIC_BYTES];
        zsi_span va;
        m->refer = !zsi_verb_before(p, ws, we, vn, vr, &va);
    }
    if (rate && sprev && sprev->noun && sprev->noun_at.e <= ws && !m->share_of &&
        !quote_named(p, sprev))
        zsi_rate_noun_alone(p, ws, we, m); /* 利润总额1010亿元，增长率为30.8% */
    if ((m->share_of || (!m->norm[0] && m->refer)) && sprev && sprev->noun &&
        sprev->noun_at.e <= ws && !(rate && quote_named(p, sprev))) {
        /* 文化服务业34454亿元，增长15.4%; 营业收入68688亿元，占全国77.0%:
         * the subject of the sentence's previous figure, when it is printed
         * before this figure's own words (not read from them) */
        memcpy(m->norm, sprev->metric, sprev->noun);
        m->norm[sprev->noun] = '\0';
        memcpy(m->raw, sprev->metric_raw, sprev->noun_raw);
        m->raw[sprev->noun_raw] = '\0';
        m->at = sprev->noun_at;
    } else if (!m->norm[0] && m->refer && rate && sprev && sprev->noun &&
               sprev->noun_at.e <= ws && quote_named(p, sprev) && closed_thing(p, sent, sprev, m)) {
        /* 万科A今日收于8.06元，降幅为1.47%: the change of what closed */
    } else if (!m->norm[0] && m->refer && m->change[0] && sent < ws &&
               zsi_most_subject(p, sent, ws, m->norm, m->raw, &m->at)) {
        /* 涨幅最大的是油菜，上涨42%: the change of what the superlative
         * before names (not a sum: 并购额最高的是通信业，共计9亿美元 is
         * the 并购额 of 通信业, named before) */
    } else if (!m->norm[0] && m->refer && sent < ws &&
               (rc = zsi_metric_noun(p, sent, ws, m->norm, m->raw, &m->at)) < 0) {
        return rc;
    }
    if (!m->norm[0] && m->refer && sprev && !sprev->noun && sent < sprev->start &&
        (zsi_np_before(p, sent, sprev->start, m->norm, m->raw, &m->at) ||
         zsi_verb_before(p, sent, sprev->start, m->norm, m->raw, &m->at) ||
         activity_before(p, sent, sprev, m))) {
        /* 起诉3543人，同比上升5.9%: no metric noun in the sentence and the
         * previous figure names nothing (a count), so what changes is what
         * the words right before that figure name */
    }
    return 0;
}

/* 审结抚养案件90件: the words before a count or an area named 案件, right
 * before its filler; a verb before that noun that follows the clause's verb
 * modifies it, and is taken with it (not of a weight: 相当于|减少|标煤消耗
 * was the act more often than not). */
static void counted_verb_front(naming *c)
{
    zsi_metric *m = &c->m;
    if (m->norm[0] && !m->change[0] && (c->count || !strcmp(c->f->cls, "area")) &&
        !strcmp(m->norm, m->raw) && m->at.e > m->at.s && m->at.e <= c->we &&
        zsi_all_filler(c->p, m->at.e, c->we))
        zsi_count_verb_front(c->p, c->ws, m->at.s, m->at.e, m->norm, m->raw, &m->at);
}

/* 侦破走私冻肉案件420起, 接待研学团队34批: a verb of [countact] first in the
 * phrase a count or an area names before it is the clause's act on what is
 * counted; the phrase, printed as it is, starts after it. */
static void counted_act_off(naming *c)
{
    zsi_metric *m = &c->m;
    size_t s;
    if (!m->norm[0] || m->change[0] || !(c->count || !strcmp(c->f->cls, "area")) ||
        strcmp(m->norm, m->raw) != 0 || m->at.e <= m->at.s ||
        strlen(m->raw) != m->at.e - m->at.s || memcmp(m->raw, c->p + m->at.s, strlen(m->raw)) != 0 ||
        (s = zsi_count_act_end(c->p, m->at.s, m->at.e)) == m->at.s)
        return;
    memcpy(m->raw, c->p + s, m->at.e - s);
    m->raw[m->at.e - s] = '\0';
    memcpy(m->norm, m->raw, m->at.e - s + 1);
    m->at.s = s;
}

/* What a count, a weight, a volume or an area names, when nothing before it
 * does yet: the nouns right before it (marked adjacent); and a change word
 * c->m keeps only when it names a rate. */
static void counted_before(naming *c)
{
    const char *p = c->p;
    const zsi_figure *f = c->f;
    zsi_metric *m = &c->m;
    if (!m->norm[0] && (c->count || c->measure || !strcmp(f->cls, "area")) &&
        (!word_follows(p, c->n, f->end) || joined_after(p, c->n, f->end)) &&
        zsi_count_noun_before(p, c->ws, m->change[0] ? m->change_at.s : c->we,
                              !strcmp(f->cls, "area"), m->norm, m->raw, &m->at)) {
        /* 呼吸机2286台, 引进高层次人才1200余人, 家庭农场增至1.2万家: with no
         * words after it in its clause, a count counts the nouns right before
         * it or before its change word, as a sum is of them; an area measures
         * them (推广优质稻1万亩); a 和 after it joins the next item of a list
         * (推广优质稻30万亩和稻田养鱼基地), no words naming the figure */
        m->adjacent = 1;
    } else {
        counted_verb_front(c);
    }
    counted_act_off(c);
    if (m->change[0] && m->by_form && (!c->rate || !m->norm[0])) {
        /* 批发价降了10元, 预计会再跌20%: a change verb known only by its
         * form names the noun's change in a rate of a noun it follows; of an
         * amount of money, or alone, it names nothing the noun does not (of
         * other figures it is no change word: see above) */
        m->change[0] = m->change_raw[0] = '\0';
        zsi_span_clear(&m->change_at);
    }
    if (m->change[0] && !c->rate) {
        /* an amount of change, 利润比上年增加2000万元, 报价下跌50元/吨: a
         * sum, a count or an area, as the noun's own unit says, named by
         * the noun that changes (利润); the change word names a rate only
         * (利润增速). Alone, a change word names nothing. */
        m->change[0] = m->change_raw[0] = '\0';
        zsi_span_clear(&m->change_at);
    }
}

/*
 * 处以300万韩元(约合2830美元)的罚款, 多掏132亿美元(合人民币857亿元)的成本:
 * an aside in brackets that only converts a sum into another currency
 * (conversion_between) stands between the sum and the 的 of its noun. The
 * noun after the aside names the sum as it would right after it (and the
 * converted sum restates it). Where the words after such an aside, closed
 * by its bracket and followed by 的, start; 0 when f has none.
 */
static size_t after_conversion_aside(const char *p, size_t n, const zsi_figure *f)
{
    zsi_fparse r;
    size_t g, q, l;
    unsigned cp = cp_at(p, n, f->end, &l);
    if (strncmp(f->cls, "money", 5) != 0 || (cp != '(' && cp != 0xFF08))
        return 0;
    g = next_figure(p, n, f->end, f->end + AFTER_BYTES < n ? f->end + AFTER_BYTES : n);
    if (g >= n || !conversion_between(p, f->end, g, 0))
        return 0;
    zsi_fparse_at(p, n, g, 0, &r);
    if (r.kind != ZSI_FP_FIGURE || r.f.start != g || strncmp(r.f.cls, "money", 5) != 0)
        return 0;
    q = r.f.end;
    if (q + 9 <= n && !memcmp(p + q, "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81", 9)) /* 人民币 */
        q += 9;
    cp = cp_at(p, n, q, &l);
    if ((cp != ')' && cp != 0xFF09) || q + l + 3 > n || memcmp(p + q + l, "\xE7\x9A\x84", 3) != 0)
        return 0; /* closed, and 的 right after: 的罚款 */
    return q + l;
}

/* The noun after a conversion aside (after_conversion_aside) into f: a known
 * metric after its 的, or a noun phrase that ends there. @return 1 when it
 * names f, 0, or <0 on an error. */
static int named_past_aside(const naming *c)
{
    const char *p = c->p;
    zsi_figure *f = c->f;
    size_t s = after_conversion_aside(p, c->n, f), ce, l;
    int rc;
    if (!s)
        return 0;
    for (ce = s; ce < c->n && ce - s < AFTER_BYTES; ce += l)
        if (zsi_is_clause_end(cp_at(p, c->n, ce, &l)))
            break;
    ce = next_figure(p, c->n, s, ce);
    rc = zsi_metric_after(p, s, ce, 1, f->metric, f->metric_raw, &f->noun_at);
    if (rc == 0)
        rc = zsi_np_after(p, s, ce, ZSI_NP_DE | ZSI_NP_WHOLE, f->metric, f->metric_raw, &f->noun_at);
    if (rc > 0)
        noun_written(f);
    return rc;
}

/* The nouns after the figure, when what is before it is not right next to
 * it or names nothing: a noun right after it, the noun of a 的 after it, a
 * noun phrase after it, a share's or a value's noun after it. */
static int named_after(naming *c)
{
    const char *p = c->p;
    size_t ce = c->ce, fe = c->fe; /* past a 人民币 that restates a sum's unit */
    zsi_figure *f = c->f;
    const zsi_metric *m = &c->m;
    int rc, rate = c->rate;
    /* what is before the figure is not next to it, or names nothing */
    int loose = (m->norm[0] && !m->adjacent) || (!m->norm[0] && !m->change[0]);
    if (loose && (rc = named_past_aside(c)) != 0)
        return rc < 0 ? rc : 1;
    if (loose) {
        /* 工会预留30%采购份额: a noun right after the figure names it better
         * than one with other words between it and the figure */
        rc = zsi_metric_after(p, fe, ce, 0, f->metric, f->metric_raw, &f->noun_at);
        if (rc != 0) {
            noun_written(f);
            return rc < 0 ? rc : 1;
        }
        /* 国内铜价一般存在近250元的价差, 已有80%的事项可网上办理: a noun
         * with other words between it and the figure is the subject of a
         * predicate whose object the figure measures, the noun after its
         * 的; not when the noun before is itself a rate of a percent
         * (产量增速在20%的水平: 水平 names nothing) */
        if (m->norm[0] && !m->change[0] && !(rate && zsi_names_rate(m->norm)) &&
            (rc = de_noun_after(p, fe, ce, rate, f)) != 0)
            return rc < 0 ? rc : 1;
    }
    if (!m->norm[0] && !m->change[0] && (rate || !strncmp(f->cls, "money", 5))) {
        /* 3万亿元地方政府专项债券 after a 、, 将45%的区域: a noun phrase
         * right after the figure, when nothing before it names one; with
         * other words before it only after a 的 */
        rc = zsi_np_after(p, fe, ce,
                          ZSI_NP_WHOLE | (zsi_all_filler(p, c->ws, c->we) ? 0 : ZSI_NP_DE),
                          f->metric, f->metric_raw, &f->noun_at);
        /* 提供1000万元国际援助, 签订261亿元订单: after a verb whose object
         * the sum is, the noun after it is what the sum is, with no 的;
         * not after a rate (3000元/吨区间: the span a price moves in) */
        if (rc == 0 && !strcmp(f->cls, "money") && !zsi_verb_after(p, fe, ce) &&
            !zsi_purpose_after(p, fe, ce) && zsi_verb_takes_sum(p, c->ws, c->we))
            rc = zsi_sum_object_after(p, fe, ce, c->n, f->metric, f->metric_raw, &f->noun_at);
        if (rc != 0) {
            noun_written(f);
            return rc < 0 ? rc : 1;
        }
    }
    if ((rate || !strncmp(f->cls, "money", 5)) && named_by_place_only(m)) {
        /* 用世界9%的耕地, 99%的病例发生在境内, 有60%厂家, 购进近亿元的节日
         * 商品: a share (or a value) of what follows, when before it stands
         * no noun or only a place; money only with a 的. Without a noun
         * before, the tries above have read the words after already. */
        int de = ce >= fe + 3 && memcmp(p + fe, "\xE7\x9A\x84", 3) == 0;
        if ((de || rate) && word_follows(p, c->n, fe + (de ? 3 : 0)) &&
            ((m->norm[0] && (rc = zsi_metric_after(p, fe, ce, 0, f->metric, f->metric_raw,
                                                   &f->noun_at)) != 0) ||
             (rc = zsi_np_after(p, fe, ce, ZSI_NP_MARK, f->metric, f->metric_raw,
                                &f->noun_at)) != 0)) {
            noun_written(f);
            return rc < 0 ? rc : 1;
        }
    }
    if (rate && !c->after && named_by_place_only(m) &&
        (rc = zsi_share_noun_after(p, fe, ce, f->metric, f->metric_raw, &f->noun_at)) != 0) {
        /* 75%的受访者有…, 90%的本地商家都…: a share of what the noun after
         * it counts, the subject of the predicate that follows */
        if (rc > 0)
            noun_written(f);
        return rc < 0 ? rc : 1;
    }
    return 0;
}

/* The verb before the figure, when no noun names it: what was done to what
 * a count or an area counts, or the verb that spent or raised a sum. */
static int named_by_verb(naming *c)
{
    const char *p = c->p;
    size_t ws = c->ws, we = c->we, fe = c->fe;
    zsi_figure *f = c->f;
    const zsi_metric *m = &c->m;
    int rc, rate = c->rate, purpose;
    if (!m->norm[0] && !m->change[0] && !m->refer && (c->count || !strcmp(f->cls, "area")) &&
        clause_ends(p, c->n, fe) &&
        (rc = zsi_count_verb_before(p, ws, we, f->metric, f->metric_raw, &f->noun_at)) != 0) {
        /* 处理8005人, 已开通1117个: a count or an area no noun names, its
         * clause ending with it, is named by the verb before it, what was
         * done to what it counts */
        noun_written(f);
        return rc < 0 ? rc : 1;
    }
    purpose = !rate && word_follows(p, c->n, fe) && !zsi_verb_after(p, fe, c->ce) &&
              zsi_purpose_after(p, fe, c->ce);
    if (!m->norm[0] && !m->change[0] && !m->refer && (rate || !strncmp(f->cls, "money", 5)) &&
        (!word_follows(p, c->n, fe) || particle_ends(p, c->n, fe) || purpose ||
         (!rate && zsi_verb_after(p, fe, c->ce)))) {
        /* 高新区投入约5亿元, 每个环节都要加价近20%: the verb names the
         * figure when no noun does and nothing follows it in its clause
         * but another predicate (累计投入117亿元|构建生态屏障: an amount
         * of money only, a rate there is a level: 下调至3.4%); 安排2亿元
         * 市政府专项补助: the words after may name it; 投入5亿元|建设运动场:
         * a verb of [spend] names a sum before its purpose (a verb or a
         * preposition), and only such a verb (放下300元|说 names nothing) */
        rc = rate      ? zsi_verb_before(p, ws, we, f->metric, f->metric_raw, &f->noun_at)
             : purpose ? zsi_verb_before_spend(p, ws, we, f->metric, f->metric_raw, &f->noun_at)
                       : zsi_verb_before_money(p, ws, we, f->metric, f->metric_raw, &f->noun_at);
        if (rc != 0) {
            noun_written(f);
            return rc < 0 ? rc : 1;
        }
    }
    return 0;
}

/* 发展300亩月季, 流转10亩土地, 4.46万平方公里区域内: an area that no words
 * before it name measures the noun after it, as a count counts it (the land,
 * or what grows on it), read as zsi_count_noun_cut reads a count's; not a
 * place word jieba reads with a position (500亩地里, 1亩地上: s), where the
 * land is only the place of what the clause says. */
static void area_noun_after(naming *c)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    zsi_figure *f = c->f;
    int w;
    if (!zsi_count_noun_cut(c->p, f->end, c->ce, f->metric, f->metric_raw, &f->noun_at))
        return;
    w = zsi_lex_cut(c->p, f->noun_at.s, f->noun_at.e, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || tg[w - 1] == 's') {
        f->metric[0] = f->metric_raw[0] = '\0';
        zsi_span_clear(&f->noun_at);
        return;
    }
    noun_written(f);
}

/*
 * Name figure f (its metric, noun and change word) from the words around it
 * in its clause p[ws..f->start) and after it, sprev the sentence's previous
 * figure (or NULL), sent the sentence's start. The readings are tried in
 * order, each a case of its own: a reading earlier in the list sees a
 * shape that names f whatever a later one would read (an ordinal before a
 * count's noun, a restated figure before its own words, a shape before the
 * words before it). @return 0, or <0 on an error.
 */
static int name_figure(const char *p, size_t n, size_t sent, size_t ws, const zsi_figure *sprev,
                       zsi_figure *f)
{
    naming c = {.p = p, .n = n, .sent = sent, .ws = ws, .we = f->start, .sprev = sprev, .f = f};
    int rc;

    c.rate = !strcmp(f->cls, "percent") || !strcmp(f->cls, "points");
    c.count = !strcmp(f->cls, "count");
    c.measure = !strcmp(f->cls, "weight") || !strcmp(f->cls, "volume");
    c.ce = words_after(p, n, f, &c.fe);
    f->noun = f->noun_raw = 0;
    zsi_span_clear(&f->noun_at);
    zsi_span_clear(&f->change_at);
    if (ordinal_named(&c) || counted_after(&c) || restated(&c) || restated_unread(&c))
        return 0;
    if ((rc = read_before(&c)) < 0)
        return rc;
    if (named_by_shape(&c))
        return 0;
    if ((rc = rate_after(&c)) < 0)
        return rc;
    if ((rc = named_after_level_de(&c)) != 0)
        return rc < 0 ? rc : 0;
    if (!c.m.norm[0] && !c.m.change[0] && !c.after && base_of(p, ws, c.we, c.ce, sprev, f)) {
        take_metric(f, sprev);
        return 0;
    }
    if ((rc = subject_before(&c)) < 0)
        return rc;
    counted_before(&c);
    if ((rc = named_after(&c)) != 0 || (rc = named_by_verb(&c)) != 0)
        return rc < 0 ? rc : 0;
    if (c.rate && !c.m.norm[0] && !c.m.change[0] && !c.after &&
        (elided_share(p, n, ws, c.we, sprev, f) || set_share(p, n, sent, ws, c.we, sprev, 1, f)))
        return 0;
    if (!c.m.norm[0] && !c.m.change[0] && (rc = product_price(p, ws, c.we, c.per, f)) != 0)
        return rc < 0 ? rc : 0;
    if (place_peer(&c))
        return 0;
    if (!c.m.change[0] && !strcmp(f->cls, "money") &&
        ((!c.m.norm[0] &&
          zsi_deal_price(p, ws, c.we, c.fe, c.ce, f->metric, f->metric_raw, &f->noun_at)) ||
         ((!c.m.norm[0] || c.m.adjacent) &&
          zsi_deal_price_bare(c.m.norm, p, c.fe, c.ce, f->metric, f->metric_raw, &f->noun_at)))) {
        /* 集团以8亿元收购该公司: what nothing before it names, the deal
         * after it prices (zsi_deal_price); so does a deal's verb right
         * after the sum when only who dealt is named before it
         * (某家电公司9亿欧元收购: zsi_deal_price_bare) */
        noun_written(f);
        return 0;
    }
    if (c.m.norm[0] || c.m.change[0])
        put_metric(&c.m, f);
    else if (!f->metric[0] && !strcmp(f->cls, "area"))
        area_noun_after(&c);
    return 0;
}

/*
 * 份额为40%，而这一数字已上升到46.2%; 需补缴约3000万元，该数字…: a noun
 * that says only "a figure" (数字, 数据, 数值) after a demonstrative (这一,
 * 这个, 该, 此, 上述) points back at a figure printed before it, and names
 * what that figure's metric names; the word 数字 names nothing (这一比例
 * stays: 比例 names a share of its own). @return 1 when f's noun is such a
 * word.
 */
static int anaphor_noun(const char *p, const zsi_figure *f)
{
    static const char *const head[] = {"\xE6\x95\xB0\xE5\xAD\x97",  /* 数字 */
                                       "\xE6\x95\xB0\xE6\x8D\xAE",  /* 数据 */
                                       "\xE6\x95\xB0\xE5\x80\xBC"}; /* 数值 */
    static const char *const demo[] = {"\xE8\xBF\x99\xE4\xB8\x80", /* 这一 */
                                       "\xE8\xBF\x99\xE4\xB8\xAA", /* 这个 */
                                       "\xE4\xB8\x8A\xE8\xBF\xB0", /* 上述 */
                                       "\xE8\xAF\xA5", "\xE6\xAD\xA4"}; /* 该 此 */
    size_t i, s = f->noun_at.s;
    int hit = 0;
    if (!f->noun || f->noun_raw != 6 || f->noun_at.e != s + 6)
        return 0;
    for (i = 0; i < sizeof head / sizeof head[0]; i++)
        hit |= memcmp(f->metric_raw, head[i], 6) == 0;
    if (!hit)
        return 0;
    for (i = 0; i < sizeof demo / sizeof demo[0]; i++) {
        size_t dl = strlen(demo[i]);
        if (s >= dl && memcmp(p + s - dl, demo[i], dl) == 0)
            return 1;
    }
    return 0;
}

/*
 * Name f, whose noun is an anaphor (anaphor_noun), by the noun of the last
 * figure before it in v[0..i) (of its passage) that has one, of f's class
 * (or any class when f names a change of it: 该数字比去年增长3% is the rate
 * of the figure's metric); f keeps its change word. Nothing when there is
 * none, or the joined name would not fit.
 */
static void resolve_anaphor(const char *p, zsi_figure *v, size_t i)
{
    zsi_figure *f = &v[i];
    size_t j, cl, cr;
    if (!anaphor_noun(p, f))
        return;
    cl = strlen(f->metric) - f->noun;
    cr = strlen(f->metric_raw) - f->noun_raw;
    for (j = i; j-- > 0;) {
        const zsi_figure *g = &v[j];
        if (!g->noun || anaphor_noun(p, g))
            continue;
        if (!cl && strcmp(g->cls, f->cls) != 0)
            continue;
        if (g->noun + cl >= sizeof f->metric || g->noun_raw + cr >= sizeof f->metric_raw)
            return;
        memmove(f->metric + g->noun, f->metric + f->noun, cl + 1);
        memcpy(f->metric, g->metric, g->noun);
        memmove(f->metric_raw + g->noun_raw, f->metric_raw + f->noun_raw, cr + 1);
        memcpy(f->metric_raw, g->metric_raw, g->noun_raw);
        f->noun = g->noun;
        f->noun_raw = g->noun_raw;
        f->noun_at = g->noun_at;
        return;
    }
}

/* A year that leads its clause has at most this many Han before it (截至, 在). */
#define YEAR_LEAD_HAN 2

/*
 * A metric is words, never a figure. The cause of the one libFuzzer found (a
 * noun run after 0个 that ran into the next figure, 超百, then copied by a
 * linked figure) is cut at its source: a run read after a figure ends where
 * the next figure starts (next_figure). This pass stays as a safety net for
 * any other way a span could meet a figure: such a metric is dropped rather
 * than stored. Figures are in text order and do not overlap, so the figures a
 * span meets are the run around i.
 */
static int span_hits_figures(const zsi_span *a, const zsi_figure *v, size_t nv, size_t i)
{
    size_t j;
    if (a->e <= a->s)
        return 0;
    for (j = i + 1; j-- > 0 && v[j].end > a->s;)
        if (v[j].start < a->e)
            return 1;
    for (j = i + 1; j < nv && v[j].start < a->e; j++)
        if (v[j].end > a->s)
            return 1;
    return 0;
}

static int spans_overlap(const zsi_span *a, const zsi_span *b)
{
    return a->e > a->s && b->e > b->s && a->s < b->e && b->s < a->e;
}

/* A metric printed over a figure, or whose noun and change word share
 * characters (a noun borrowed from words that another try read as a change
 * word), names nothing that can be shown; it is dropped. */
static void drop_metrics_over_figures(zsi_figure *v, size_t nv)
{
    size_t i;
    for (i = 0; i < nv; i++)
        if (span_hits_figures(&v[i].noun_at, v, nv, i) ||
            span_hits_figures(&v[i].change_at, v, nv, i) ||
            spans_overlap(&v[i].noun_at, &v[i].change_at)) {
            v[i].metric[0] = v[i].metric_raw[0] = '\0';
            v[i].noun = v[i].noun_raw = 0;
            zsi_span_clear(&v[i].noun_at);
            zsi_span_clear(&v[i].change_at);
        }
}

/* 处八百元以上八千元以下的罚款: is b, printed right after a, the upper bound
 * of a range whose lower bound a is (a ends in 以上, b in 以下)? Then both
 * are amounts of what follows b, as the items of a 、 list are. */
static int bound_pair(const char *p, const zsi_figure *a, const zsi_figure *b)
{
    return b->start == a->end && a->end - a->start > 6 && b->end - b->start > 6 &&
           memcmp(p + a->end - 6, "\xE4\xBB\xA5\xE4\xB8\x8A", 6) == 0 && /* 以上 */
           memcmp(p + b->end - 6, "\xE4\xBB\xA5\xE4\xB8\x8B", 6) == 0;   /* 以下 */
}

/*
 * 给予300元、200元补助, 发放了500万美元、1.5亿元贷款: money figures or rates
 * joined only by 、 (or the bounds of a range, bound_pair), with a noun
 * phrase right after the last one (its 的
 * allowed), are amounts of what that noun names, all of them; the first
 * one's name stands when it is a noun right before it (金额为1元、2元) or
 * a 分别 list paired its items. Returns 0 or a ZS_E* code.
 */
static int chain_noun_after(const char *p, size_t n, size_t ws, zsi_figure *v, size_t first,
                            size_t len)
{
    zsi_figure *a = &v[first], *z = &v[first + len - 1], t;
    zsi_metric m;
    size_t k, ce = z->end, l;
    int rc;

    if (len < 2 || (strncmp(a->cls, "money", 5) && strcmp(a->cls, "percent")))
        return 0;
    for (k = first + 1; k < first + len; k++)
        if (strcmp(v[k].cls, a->cls) ||
            !(bound_pair(p, &v[k - 1], &v[k]) ||
              (v[k].start == v[k - 1].end + 3 &&
               memcmp(p + v[k - 1].end, "\xE3\x80\x81", 3) == 0)) || /* 、 */
            strcmp(v[k].metric, a->metric))
            return 0;
    rc = zsi_metric_before(p, ws, a->start, &m);
    if (rc < 0 || (rc > 0 && m.norm[0] && m.adjacent))
        return rc < 0 ? rc : 0;
    while (ce < n && ce - z->end < AFTER_BYTES && !zsi_is_clause_end(cp_at(p, n, ce, &l)))
        ce += l;
    ce = next_figure(p, n, z->end, ce);
    t = *z;
    rc = zsi_metric_after(p, z->end, ce, 0, t.metric, t.metric_raw, &t.noun_at);
    if (rc == 0)
        rc = zsi_np_after(p, z->end, ce, ZSI_NP_WHOLE, t.metric, t.metric_raw, &t.noun_at);
    if (rc <= 0)
        return rc;
    for (k = first; k < first + len; k++) {
        memcpy(v[k].metric, t.metric, sizeof t.metric);
        memcpy(v[k].metric_raw, t.metric_raw, sizeof t.metric_raw);
        v[k].noun = strlen(t.metric);
        v[k].noun_raw = strlen(t.metric_raw);
        v[k].noun_at = t.noun_at;
        zsi_span_clear(&v[k].change_at);
    }
    return 0;
}

/* 从3年前的5%, 由两个月前的8%: a duration, then 前 (以前, 之前) and its 的,
 * before the next figure f at fs is a time of f (the start of its change),
 * not a figure whose words end f's window; f's window is the duration's.
 * Is p[d->end..fs) such a 前, 以前, 之前, 前的, 以前的 or 之前的, after a figure d
 * of class duration? */
static int ago_of(const char *p, const zsi_figure *d, size_t fs)
{
    static const char *const ago[] = {"\xE5\x89\x8D",              /* 前 */
                                      "\xE4\xBB\xA5\xE5\x89\x8D", /* 以前 */
                                      "\xE4\xB9\x8B\xE5\x89\x8D"}; /* 之前 */
    size_t i, e = fs;
    if (!d->cls || strcmp(d->cls, "duration") != 0 || fs <= d->end)
        return 0;
    if (e >= d->end + 3 && memcmp(p + e - 3, "\xE7\x9A\x84", 3) == 0) /* 的 */
        e -= 3;
    for (i = 0; i < sizeof ago / sizeof ago[0]; i++)
        if (e - d->end == strlen(ago[i]) && memcmp(p + d->end, ago[i], e - d->end) == 0)
            return 1;
    return 0;
}

/* The Simplified form of a three-byte Han code point cp (l bytes as printed)
 * when it is three bytes too; cp otherwise. */
static unsigned fold_slow(unsigned cp)
{
    unsigned sc = (unsigned)zss_t2s_strict((UChar32)cp);
    return sc >= 0x800 && sc <= 0xFFFF && !(sc >= 0xD800 && sc <= 0xDFFF) ? sc : cp;
}

/* What the fold scan and the extraction loop ask of every character of
 * every passage, for each code point of the BMP, one byte each (64 KiB,
 * made once): CP_FOLD, fold_slow() changes it (U+3400..U+FFFF only);
 * CP_ACT, extract_simplified() stops at it: a clause end, an Arabic digit,
 * a Chinese numeral or a hedge's first character. Nearly no character is
 * either, and one load answers where a switch, a call and ICU's tables did
 * (the two scans were 4% of `zhaoshu index`, callgrind). */
#define FOLD_LO 0x3400u
enum { CP_FOLD = 1, CP_ACT = 2 };
static unsigned char cp_class[0x10000];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static int acts_at(unsigned cp)
{
    return zsi_is_clause_end(cp) || arabic_digit_cp(cp) || zsi_cn_numeral(cp) >= 0 ||
           zsi_hedge_lead(cp);
}

static void class_init(void)
{
    for (unsigned cp = 0; cp <= 0xFFFF; cp++)
        cp_class[cp] = (unsigned char)((cp >= FOLD_LO && fold_slow(cp) != cp ? CP_FOLD : 0) |
                                       (acts_at(cp) ? CP_ACT : 0));
}

/* class_init() has run. */
static unsigned fold_cp(unsigned cp, size_t l)
{
    if (cp < FOLD_LO || cp > 0xFFFF || l != 3 || !(cp_class[cp] & CP_FOLD))
        return cp;
    return fold_slow(cp);
}

/* Where extract_simplified() acts in a passage: the characters its loop
 * does not merely step over (CP_ACT, or beyond the BMP), in text order, as
 * first_fold() found them on its walk, so that the loop jumps from one to
 * the next (its walk of every character was 2% of `zhaoshu index`,
 * callgrind). Jumping is exact in well-formed text, where every byte that
 * is not a trail byte starts a character and a trail byte (U+FFFD to the
 * decoder) never acts: the loop, wherever a figure leaves it, then steps
 * through the characters of the walk. ok is 0 (step as before) for text
 * with an ill-formed sequence or U+FFFD, and when v is full. */
#define MAX_ACTS 1024
typedef struct acts {
    uint32_t v[MAX_ACTS];
    size_t n;
    int ok;
} acts;

static void act_push(acts *a, size_t i)
{
    if (a->n == MAX_ACTS)
        a->ok = 0;
    else
        a->v[a->n++] = (uint32_t)i;
}

/* Where the first character fold_cp() changes starts, or n; and a, the
 * characters extract_simplified() acts at up to there. A character of
 * U+3000..U+9FFF (lead E3-E9, trail bytes checked: never overlong nor a
 * surrogate) is read on its three bytes; others are decoded. */
static size_t first_fold(const char *p, size_t n, acts *a)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i = 0;
    a->n = 0;
    a->ok = n <= UINT32_MAX && !(cp_class[0xFFFD] & CP_ACT);
    while (i < n) {
        if (u[i] - 0xE3u <= 0xE9 - 0xE3 && n - i >= 3 && (u[i + 1] & 0xC0) == 0x80 &&
            (u[i + 2] & 0xC0) == 0x80) {
            unsigned cp = (u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
            if (cp_class[cp]) {
                if (cp >= FOLD_LO && (cp_class[cp] & CP_FOLD))
                    return i;
                if (cp_class[cp] & CP_ACT)
                    act_push(a, i);
            }
            i += 3;
            continue;
        }
        size_t l;
        unsigned cp = cp_at(p, n, i, &l);
        if (fold_cp(cp, l) != cp)
            return i;
        if (cp > 0xFFFF || (cp_class[cp] & CP_ACT))
            act_push(a, i);
        if (cp == 0xFFFD)
            a->ok = 0;
        i += l;
    }
    return n;
}

/* a: where the loop acts (first_fold()), or NULL: it visits every character. */
static int extract_simplified(const char *p, size_t n, const acts *a, zsi_figure **out,
                              size_t *nout)
{
    zsi_figure *v = NULL;
    size_t nv = 0, cap = 0, i = 0, clause = 0, gap_from = 0, sent = 0;
    size_t run_first = 0, run_len = 0, run_ws = 0, run_sent = 0; /* figures linked to one named first */
    long prev = -1;  /* index of the previous figure in this clause */
    size_t prev_ws = 0; /* the window start the previous figure was named from */
    long sprev = -1; /* and in this sentence */
    int clause_year = 0, sentence_year = 0, year_led = 0, rc;

    size_t at = 0; /* the first of a->v not yet passed */
    rc = zsi_units_ready();
    if (rc)
        return rc;
    if (a && !a->ok)
        a = NULL;
    while (i < n) {
        if (a) {
            while (at < a->n && a->v[at] < i)
                at++;
            if (at == a->n)
                break; /* nothing left to act at */
            i = a->v[at];
        }
        size_t l;
        unsigned cp = cp_at(p, n, i, &l);
        zsi_fparse r;

        if (cp <= 0xFFFF && !(cp_class[cp] & CP_ACT)) {
            i += l; /* nothing below acts on it */
            continue;
        }
        if (zsi_is_clause_end(cp)) {
            i += l;
            clause = gap_from = i;
            clause_year = 0;
            year_led = 0;
            prev = -1;
            if (zsi_is_sentence_end(cp)) {
                sentence_year = 0;
                sent = i;
                sprev = -1;
            }
            continue;
        }
        /* Only at the start of a numeral run or at a hedge word. */
        if (arabic_digit_cp(cp)) {
            unsigned b = cp_before(p, i);
            if (arabic_digit_cp(b) || b == '.' || b == ',' || b == 0xFF0E) {
                i += l;
                continue;
            }
        } else if (zsi_cn_numeral(cp) >= 0) {
            if (zsi_cn_numeral(cp_before(p, i)) >= 0) {
                i += l;
                continue;
            }
        } else if (!zsi_hedge_lead(cp) || !zsi_hedge_at(p, n, i)) {
            i += l;
            continue;
        }
        zsi_fparse_at(p, n, i, 0, &r);
        if (r.kind == ZSI_FP_YEAR) {
            size_t han = zsi_count_han(p, gap_from, i);
            if (han <= YEAR_LEAD_HAN && (gap_from == clause || year_led)) {
                year_led = 1;
                sentence_year = r.year;
            } else {
                year_led = 0;
            }
            clause_year = r.year;
            gap_from = r.next;
        } else if (r.kind == ZSI_FP_FIGURE) {
            zsi_figure *f;
            size_t ws = prev >= 0 ? v[prev].end : clause;
            int pair;
            if (nv == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                zsi_figure *nvv;
                if (ncap > ZSI_MAX_FIGURES) {
                    free(v);
                    return ZS_ELIMIT;
                }
                nvv = realloc(v, ncap * sizeof *v);
                if (!nvv) {
                    free(v);
                    return ZS_ENOMEM;
                }
                v = nvv;
                cap = ncap;
            }
            f = &v[nv];
            *f = r.f;
            if (prev >= 0 && ago_of(p, &v[prev], f->start))
                ws = prev_ws;
            f->year = clause_year ? clause_year : sentence_year;
            f->metric[0] = f->metric_raw[0] = '\0';
            zsi_span_clear(&f->noun_at);
            zsi_span_clear(&f->change_at);
            pair = prev >= 0 && counted_pair(p, n, &v[prev], f);
            if (!pair && prev >= 0 && zsi_metric_is_link(p, ws, f->start) &&
                !count_to_other(&v[prev], f)) {
                run_len++;
                memcpy(f->metric, v[prev].metric, sizeof f->metric);
                memcpy(f->metric_raw, v[prev].metric_raw, sizeof f->metric_raw);
                f->noun = v[prev].noun;
                f->noun_raw = v[prev].noun_raw;
                f->noun_at = v[prev].noun_at;
                f->change_at = v[prev].change_at;
                if (fx_rate(p, &v[prev], f))
                    zsi_span_clear(&f->change_at);
            } else {
                /* 6000亿元预算内投资、3.75万亿元专项债券: in a list, the words
                 * before the last 、 after the previous figure are its noun */
                size_t q;
                for (q = ws; prev >= 0 && q + 3 <= f->start; q++)
                    if (memcmp(p + q, "\xE3\x80\x81", 3) == 0) /* 、 */
                        ws = q + 3;
                if (run_len > 1 &&
                    ((rc = zsi_pair_list(p, run_sent, run_ws, v, run_first, run_len)) < 0 ||
                     (rc = chain_noun_after(p, n, run_ws, v, run_first, run_len)) < 0)) {
                    free(v);
                    return rc;
                }
                run_first = nv;
                run_len = 1;
                run_ws = ws;
                run_sent = sent;
                rc = pair ? 0 : name_figure(p, n, sent, ws, sprev >= 0 ? &v[sprev] : NULL, f);
                if (rc >= 0 && !f->metric[0] && prev < 0)
                    rc = zsi_colon_label(p, clause, f);
                if (rc >= 0)
                    zsi_unit_price_metric(p, f);
                if (rc < 0) {
                    free(v);
                    return rc;
                }
                resolve_anaphor(p, v, nv);
            }
            prev = (long)nv;
            prev_ws = ws;
            {
                /* the base of a comparison names no subject for the
                 * sentence's later figures (see zsi_compared_figure) */
                size_t ce = f->end, l2;
                while (ce < n && !zsi_is_clause_end(cp_at(p, n, ce, &l2)))
                    ce += l2;
                rc = zsi_compared_figure(p, clause, f->start, f->end, ce);
                if (rc < 0) {
                    free(v);
                    return rc;
                }
                if (!rc)
                    sprev = (long)nv;
            }
            nv++;
            year_led = 0;
            gap_from = r.next;
        }
        i = r.next > i ? r.next : i + l;
    }
    if (run_len > 1 && ((rc = zsi_pair_list(p, run_sent, run_ws, v, run_first, run_len)) < 0 ||
                        (rc = chain_noun_after(p, n, run_ws, v, run_first, run_len)) < 0)) {
        free(v);
        return rc;
    }
    if ((rc = zsi_named_list_values(p, v, nv)) < 0) {
        free(v);
        return rc;
    }
    drop_metrics_over_figures(v, nv);
    zsi_metric_coord_fronts(p, n, v, nv);
    zsi_metric_count_fronts(p, v, nv);
    zsi_metric_drop_never(v, nv);
    zsi_metric_verb_forms(p, n, v, nv);
    /* last: it checks every metric's edges, whichever step above gave it */
    zsi_metric_figure_edges(p, n, v, nv);
    *out = v;
    *nout = nv;
    return ZS_OK;
}

/*
 * Traditional script: 135億元, 3萬人, 營業收入. The segmenter folds
 * Traditional to Simplified for tokens (segment/, ICU's Traditional-Simplified
 * transliterator, one code point at a time); figures and metrics are read from
 * the same folding, less the characters Simplified text writes too
 * (zss_t2s_strict(): 俱乐部 is not read as 具乐部), so the units, numerals and
 * metric data stay Simplified only. A character is folded only when its
 * Simplified form takes as many UTF-8 bytes, so every offset of a figure
 * holds for the text as printed (the stored figure text is the printed one;
 * metrics are Simplified).
 * Only a passage that holds a Traditional character is copied.
 */
int zsi_figures_extract(const char *p, size_t n, zsi_figure **out, size_t *nout)
{
    size_t i = 0, first = n;
    char *s;
    int rc;

    if (!out || !nout)
        return ZS_EINVAL;
    *out = NULL;
    *nout = 0;
    if (!p && n)
        return ZS_EINVAL;
    if (pthread_once(&class_once, class_init) != 0)
        return ZS_ENOMEM;
    acts a;
    first = first_fold(p, n, &a);
    if (first == n)
        return extract_simplified(p, n, &a, out, nout);
    if (!(s = malloc(n)))
        return ZS_ENOMEM;
    memcpy(s, p, n);
    for (i = first; i < n;) {
        size_t l;
        unsigned cp = cp_at(p, n, i, &l);
        unsigned sc = fold_cp(cp, l);
        if (sc != cp) {
            s[i] = (char)(0xE0 | (sc >> 12));
            s[i + 1] = (char)(0x80 | ((sc >> 6) & 0x3F));
            s[i + 2] = (char)(0x80 | (sc & 0x3F));
        }
        i += l;
    }
    rc = extract_simplified(s, n, NULL, out, nout);
    free(s);
    return rc;
}

int zsi_figure_metric_spans(const zsi_figure *f, zsi_span out[2])
{
    int n = 0;
    if (f->noun_at.e > f->noun_at.s)
        out[n++] = f->noun_at;
    if (f->change_at.e > f->change_at.s) {
        if (n && out[0].e == f->change_at.s)
            out[0].e = f->change_at.e; /* 营业收入|同比增长: one phrase */
        else if (n && f->change_at.e <= out[0].s) {
            out[1] = out[0]; /* a noun after its change word: text order */
            out[0] = f->change_at;
            n++;
        } else
            out[n++] = f->change_at;
    }
    return n;
}
