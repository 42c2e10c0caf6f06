/*
 * figure_int.h - private interface of figure extraction: numbers (Arabic and
 * Chinese numerals), quantities with units, hedges and ranges, and the metric
 * phrase that names each figure. Pure text: bytes in, plain C values out.
 *
 * Invariants shared by every function below:
 *  - Text is UTF-8; a length travels with its pointer; offsets are bytes into
 *    the text the caller passed. Invalid UTF-8 never crashes a parser and
 *    never joins two numbers.
 *  - Units, metric phrases and their normal forms come from data files
 *    (data/units.tsv, data/metrics.tsv, each built in plus the user's own
 *    additions); the code holds only grammar (numerals, hedge words, ranges).
 *  - Functions that can fail return 0 or a negative ZS_E* code (zhaoshu.h).
 *  - Nothing here prints. All symbols carry the zsi_ prefix, hidden visibility.
 *  - Part of extract/ (see extract_int.h): no SQLite, no storage.
 */
#ifndef ZS_EXTRACT_FIGURE_INT_H
#define ZS_EXTRACT_FIGURE_INT_H

#include <stddef.h>

#include "util_int.h"
#include "zhaoshu.h"

/* ---- interface to number.c ---- */

/*
 * Parse a number at p: Arabic (1,234.5 / 135.34 / full-width digits) or
 * Chinese numerals (三千, 十七点六, 两百, 一万二, 七分之一 -> 0.142857,
 * 四分之一), with an optional 万/亿/千/百 multiplier right after Arabic digits
 * (1.06万 -> 10600). 百分之三十 gives 0.3 (the figure layer turns it into 30%).
 * *used = bytes consumed.
 * @return ZS_OK, or ZS_EINVAL if no number starts at p.
 */
int zsi_number_parse(const char *p, size_t n, double *value, size_t *used);

/* What zsi_number_scan() saw; the figure layer needs more than the value. */
#define ZSI_NUM_ARABIC 1
#define ZSI_NUM_CHINESE 2

#define ZSI_NUMF_SEP 0x01u      /* Arabic thousands separator seen (1,234) */
#define ZSI_NUMF_DEC 0x02u      /* decimal point (1.5, 十七点六) */
#define ZSI_NUMF_DIGSTR 0x04u   /* Chinese digits only, positional (二〇二四) */
#define ZSI_NUMF_FRAC 0x08u     /* X分之Y */
#define ZSI_NUMF_PERCENT 0x10u  /* 百分之Y: value is Y (percent) */
#define ZSI_NUMF_PERMILLE 0x20u /* 千分之Y: value is Y (per mille) */
#define ZSI_NUMF_MULTCH 0x40u   /* Chinese numeral holds 十/百/千/万/亿 */
#define ZSI_NUMF_NEXTNUM 0x80u  /* a Chinese digit follows: not one number (十四五) */

/* Most significant digits a number may have; longer digit runs are not
 * numbers (phone numbers, codes) and would lose precision anyway. */
#define ZSI_MAX_NUM_DIGITS 18

typedef struct zsi_num {
    double value; /* value without any trailing Arabic multiplier */
    double mant;  /* value == mant / 10^scale; mant is exact (an integer) for */
    int scale;    /* decimals, so 135.34亿 scales to exactly 13534000000 */
    size_t used;  /* bytes consumed (no trailing multiplier) */
    int kind;     /* ZSI_NUM_ARABIC or ZSI_NUM_CHINESE */
    unsigned flags;
    int nchars; /* characters consumed (Chinese) or integer digits (Arabic) */
    int first;  /* first character: a digit value 0-9, or 10/100/.. for 十/百/.. */
} zsi_num;

/*
 * Scan a number at p without a trailing Arabic multiplier (the figure layer
 * decides whether "万" in "1.06万户" belongs to the number or to the unit).
 * @return ZS_OK or ZS_EINVAL (no number at p).
 */
int zsi_number_scan(const char *p, size_t n, zsi_num *out);

/*
 * A chain of multipliers 万/亿/千/百 at p (万亿 = 1e12). Returns the bytes
 * consumed (0 if none) and stores the product in *mult.
 */
size_t zsi_multiplier_scan(const char *p, size_t n, double *mult);

/* Value of a Chinese numeral code point: 0-9 for digits, 10/100/1000/1e4/1e8
 * for multipliers, -1 when cp is not a Chinese numeral. */
double zsi_cn_numeral(unsigned cp);

/* The UTF-8 decoders moved to util/ (util_int.h); the old names stay until
 * the zone and metric rewrite has landed on them. */
#define zsi_utf8_decode zsu_utf8_decode
#define zsi_utf8_prev zsu_utf8_prev
#define zsi_utf8_before zsu_utf8_before

/* ---- interface to figure.c ---- */

/* Hedge flags of a figure. UNDER is ours (不到, 不足, 以下, 以内). */
#define ZSI_HEDGE_NEAR 0x01  /* 近, 将近, 接近 */
#define ZSI_HEDGE_OVER 0x02  /* 超, 超过, 以上, 逾, 突破 */
#define ZSI_HEDGE_ABOUT 0x04 /* 约, 左右, 大约, 上下 */
#define ZSI_HEDGE_PLUS 0x08  /* 余, 多 */
#define ZSI_HEDGE_UNDER 0x10 /* 不到, 不足, 以下, 以内 */

/* Most figures one zsi_figures_extract() call returns; more is ZS_ELIMIT. */
#define ZSI_MAX_FIGURES (1u << 20)
/* Bytes of a metric phrase, NUL included. */
#define ZSI_METRIC_BYTES 64

/*
 * Parse a whole quantity such as "100亿元", "5%", "1711亩", "2.99亿吨",
 * "100万" (no unit: unit "" class "number"), "三千万元". The whole of p..p+n
 * (spaces around it aside) must be consumed, else ZS_EINVAL; a leading hedge
 * (超, 近, 约 ...) is accepted and ignored. value is normalised to the base
 * unit (100亿元 -> 1e10, unit "元", class "money"). A four-digit year such as
 * "2024年" gives unit "年" class "year" (years are not figures).
 * unit/cls point to static or data storage that lives as long as the process.
 * @return ZS_OK, ZS_EINVAL, ZS_ENOMEM or ZS_EIO (unit data unreadable).
 */
int zsi_quantity_parse(const char *p, size_t n, double *value, const char **unit, const char **cls);

/* Where a metric, or one piece of it, is printed: bytes p[s..e) of the
 * passage. s == e: not printed (no metric, or no such piece). */
typedef struct zsi_span {
    size_t s, e;
} zsi_span;

/* No span (at may be NULL). */
static inline void zsi_span_clear(zsi_span *at)
{
    if (at)
        at->s = at->e = 0;
}

typedef struct zsi_figure {
    size_t start,
        end; /* bytes in the passage text: the figure as printed, hedge word and unit included */
    double value;    /* normalised value in the base unit */
    double value_hi; /* upper end of a range (5到10年, 3-5亿元); == value otherwise */
    const char
        *unit; /* base unit: "元","%","个百分点","亩","户","℃","平方公里","吨","EFlops","个",... */
    const char
        *cls;  /* unit class: "money","percent","points","area","count","weight",... "number" */
    int hedge; /* ZSI_HEDGE_* bit flags */
    int year; /* a year stated with this figure in its clause (从2021年的995亿元 -> 2021), else 0 */
    char metric[64];       /* normalised metric phrase (签约金额), "" if none */
    char metric_raw[64];   /* metric as printed (签约总金额) */
    size_t noun, noun_raw; /* bytes of metric, metric_raw that name what is measured,
                            * before a change word (营业收入|同比增速) */
    zsi_span noun_at;      /* where metric_raw[0..noun_raw) is printed */
    zsi_span change_at;    /* where the rest of metric_raw (the change word) is printed;
                            * it may stand apart from the noun (营业收入比上年增长) or in
                            * an earlier clause. Both as printed: a Traditional or a
                            * line-broken phrase differs from metric_raw there. */
} zsi_figure;

/*
 * The printed extent of f's metric_raw as at most two spans, in text order:
 * the noun and the change word joined into out[0] when they touch, else
 * each its own. @return how many spans (0 when f has no printed metric, or
 * when a figure's unit begins it: 13万人口, 7部|门, see counted_noun(); the
 * figure's own, or the one whose metric f shares).
 */
int zsi_figure_metric_spans(const zsi_figure *f, zsi_span out[2]);

/*
 * Extract every figure from a passage, in text order. See figure.c for what
 * counts as a figure (years, dates and ordinals do not).
 * Ownership: caller frees *out with free() (*out is NULL when *nout is 0).
 * @return ZS_OK, ZS_ENOMEM, ZS_EIO (data unreadable), ZS_ELIMIT (more than
 *         ZSI_MAX_FIGURES figures).
 */
int zsi_figures_extract(const char *p, size_t n, zsi_figure **out, size_t *nout);

/* ---- interface to metric.c ---- */

/* The metric of every figure of v[0..nv) (text order) that starts where a
 * figure ends: dropped inside a word that figure's unit begins (2300万台|湾
 * 同胞, 6部|门印发), or after a span of time's 来 (30年|来峰值); another
 * figure's starts after that 来. metric_inside.c. */
void zsi_metric_figure_edges(const char *p, size_t n, zsi_figure *v, size_t nv);
/* The metric of every figure of v[0..nv) that is the last of coordinated
 * noun phrases (查处违规、违法问题300起) takes the conjuncts before it
 * (违规、违法问题), unless each has a figure of its own (分别); the
 * metric of one that is the first conjunct, the second running up to the
 * figure (善款|和物资 2亿元), takes the second. metric_coord.c. */
void zsi_metric_coord_fronts(const char *p, size_t n, zsi_figure *v, size_t nv);
/* The counted noun before every count of v[0..nv) takes the verbal noun
 * before it when a verb precedes that one (抓获|犯罪|嫌疑人6名 -> 犯罪嫌疑人).
 * metric_countfront.c. */
void zsi_metric_count_fronts(const char *p, zsi_figure *v, size_t nv);
/* The metric of every figure of v[0..nv) that is, whole as printed, one word
 * of data/metrics.tsv's [never] (包含, 时候, 不得: a verb, a time word or an
 * adverb that names nothing measured) is dropped. metric_never.c. */
void zsi_metric_drop_never(zsi_figure *v, size_t nv);
/* The metric of every figure of v[0..nv) that is, whole as printed, a verb
 * of one character of data/metrics.tsv's [verbform] (赚, 花, 捐, 卖) takes
 * that section's noun as its normal form (收入, 花费, 捐款, 销售额); the
 * printed metric stays; 卖 after one unit of what is sold (一斤能卖) is its
 * price (价格), and so is a sum no reader named right after such a unit
 * (一斤40元). p[0..n) is the passage text v's spans are in. metric_verbform.c. */
void zsi_metric_verb_forms(const char *p, size_t n, zsi_figure *v, size_t nv);

/* What the words before a figure say about its metric. */
typedef struct zsi_metric {
    char norm[ZSI_METRIC_BYTES];       /* the noun: normal form, "" if none */
    char raw[ZSI_METRIC_BYTES];        /* the noun as printed */
    char change[ZSI_METRIC_BYTES];     /* a change word's normal form (同比增速), "" if none */
    char change_raw[ZSI_METRIC_BYTES]; /* as printed (同比增长) */
    int decline;                       /* the change is a fall (下降, 下跌) */
    int adjacent;                      /* only filler (为, 达到) between the noun (or
                                        * change word) and the figure */
    int refer;                         /* no noun in the clause, which only holds a change
                                        * word or a link (增长5%, 仅为2%): the subject is
                                        * in an earlier clause of the sentence */
    int share_of;                      /* 占总量约15%: norm names only the whole of a
                                        * share; the subject is the previous figure's */
    int by_form;                       /* the change word is known by its form alone
                                        * (狂降, 料减): with no noun, or of an amount,
                                        * it names nothing */
    int whole;                         /* 占家电总能耗的10%: norm is the whole a share
                                        * is of, read when the data names nothing; a
                                        * noun after the figure (20%的股权) names it
                                        * better */
    zsi_span at;                       /* where raw is printed */
    zsi_span change_at;                /* where change_raw is printed */
} zsi_metric;

/*
 * The metric before a figure, in p[start..end) (the words between the clause
 * start, or the previous figure of the clause, and the figure): the change
 * word nearest the figure with only filler (为, 分别, 达到) after it, and the
 * noun nearest the figure before that change word, or before the figure: the
 * rightmost known phrase of data/metrics.tsv or run of whole words ending in
 * a suffix. Edges are ICU word boundaries; a clause-starting conjunction
 * (但, 同时) starts the window anew.
 * @return 1 a noun or change word found, 0 none, ZS_ENOMEM or ZS_EIO.
 */
int zsi_metric_before(const char *p, size_t start, size_t end, zsi_metric *m);
/*
 * A rate whose change is printed after it with 的 (需求将保持40%以上的增速,
 * 销量以每年5%的速度下降): the figure (ending at fe, its clause at ce) is the
 * rate of that change of the subject named before it in p[ws..we), as
 * 销量增长5% is. m is filled as zsi_metric_before fills it (refer set when the
 * clause names no subject), with the change word after the figure.
 * @return 1 such a rate, 0 not one (m undefined), ZS_ENOMEM or ZS_EIO.
 */
int zsi_metric_rate_after(const char *p, size_t ws, size_t we, size_t fe, size_t ce, zsi_metric *m);
/* (metric_rate.c) Is the figure ending at fe followed by 的水平 (or 的较高水平, 的历史最低
 * 水平), in its clause ending at ce? 水平 names nothing: the figure is a
 * level of what the words before it, or an earlier figure, name. */
int zsi_level_after(const char *p, size_t fe, size_t ce);
/* (metric_rate.c) Does the metric norm name a rate by its last word: 率 (利用率), a [share]
 * word (比重) or a [change] word (增速, 降幅)? */
int zsi_names_rate(const char *norm);
/* Is the figure p[fs..fe), in the clause p[cs..ce), the base of a
 * comparison (与去年的600元相比, a clause 较去年的票价60元 that changes
 * nothing)? Then a later clause's figure that names no subject takes it from
 * the figure before (售价涨到900元，与指导价600元相比，涨幅达50%: the
 * 售价's rise, not the 指导价's). */
int zsi_compared_figure(const char *p, size_t cs, size_t fs, size_t fe, size_t ce);
/* (metric_subject.c) 增速为1.0%，远低于去年的1.8%; 与去年同期的7.88亿元相比:
 * do the words p[ws..we) before a figure ending at fe (its clause ending at
 * ce) make it the base the clause compares with: words that name nothing, a
 * [compare] word (or 与, 和, 同 when 相比 follows the figure), at most a few
 * Han of whose or when, then 的 right before the figure? Such a base is a
 * value of what the sentence's previous figure measures. @return 1 yes, 0 no. */
int zsi_base_of_previous(const char *p, size_t ws, size_t we, size_t fe, size_t ce);
/* (metric_change.c) Does p[s..e) name nothing: empty, or only filler and words of
 * wordclass.txt's class stop (adverbs, verbs, time words: 现在已经, 预计可)? */
int zsi_names_nothing(const char *p, size_t s, size_t e);
/* zsi_metric_before for an amount of money: a bare noun phrase may end in a
 * noun of jieba's that ICU cut before its last character (菜籽|油每吨8900元,
 * 当期结|余3199亿元; see zsi_np_before_money). */
int zsi_metric_before_money(const char *p, size_t ws, size_t we, zsi_metric *m);
/* zsi_metric_before for a rate (a percent, percentage points): as for money,
 * the subject before adverbs and [link] verbs names it (毛利甚至高达40%). */
int zsi_metric_before_rate(const char *p, size_t ws, size_t we, zsi_metric *m);
/* 建安工程完成11%: the work named before a 完成 (了) that ends p[ws..we),
 * past adverbs, whose part done a rate is. @return 1 with m's noun set, 0 none. */
int zsi_metric_work_done(const char *p, size_t ws, size_t we, zsi_metric *m);
/* zsi_metric_before with the change words of [change] only, none known by
 * their form alone (狂降): for figures that are no rate and no money. */
int zsi_metric_before_listed(const char *p, size_t ws, size_t we, zsi_metric *m);

/*
 * The metric noun nearest the end of p[start..end) (zsi_metric_before without
 * change words): norm and raw as for zsi_metric_find; *at (may be NULL)
 * where raw is printed, as for every function here that names one.
 * @return 1 found, 0 none, ZS_EIO.
 */
int zsi_metric_noun(const char *p, size_t start, size_t end, char *norm, char *raw, zsi_span *at);
/* Is s[0..n) a whole phrase of [phrases] (主营业务收入, 价格, 总产量)?
 * *norm (may be NULL) receives its normal form, borrowed for the process.
 * 0 also when the data cannot be loaded. */
int zsi_metric_phrase(const char *s, size_t n, const char **norm);
/* 叶菜类涨幅最大的是油菜，|上涨42%: the thing a superlative clause that
 * ends right before ws (a clause of p[lo..ws)) names, the subject of the
 * clause from ws; not a place (metric_most.c). @return 1 with norm, raw
 * and *at written, 0 none. */
int zsi_most_subject(const char *p, size_t lo, size_t ws, char *norm, char *raw, zsi_span *at);
/* Is p[s..e) one whole word of [dependent] (占比, 比重, 份额, 价格: a head
 * that names no quantity without what it belongs to)? (metric_de.c) */
int zsi_dependent_word(const char *p, size_t s, size_t e);

/*
 * A verb that is the whole of what names a money figure, right before it
 * (高新区投入约5亿元, 累计获益近200亿元, 开局即投放2900万元): a verb of
 * wordclass.txt of two characters or more, not one the data calls no metric
 * ([stop] 获得, [strip] 实现, [change] 增长, filler 达到).
 * @return 1 found (norm, raw written), 0 none.
 */
int zsi_verb_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at);
/* The same for an amount of money: a plain verb (jieba's v, no hedge) names
 * it after a common noun too, its subject or modifier (公司投入2500万元,
 * 集团实际投入3亿元), where zsi_verb_before fears a compound's tail. */
int zsi_verb_before_money(const char *p, size_t ws, size_t we, char *norm, char *raw,
                          zsi_span *at);
/* zsi_verb_before_money when the verb is one of [spend] (投入, 出资, 捐赠:
 * a sum spent, given or raised), which names a sum whatever purpose follows
 * it (投入5亿元|建设运动场); 0 for any other verb (放下300元|说). */
int zsi_verb_before_spend(const char *p, size_t ws, size_t we, char *norm, char *raw,
                          zsi_span *at);
/* Do the words p[ws..we) before an amount of money end in a plain verb
 * whose object is the sum and the noun after it (提供1000万元|国际援助,
 * 凑了50元|钱)? Not 是, 有, 为, nor a verb of [level], [link], [saying]
 * or a change. */
int zsi_verb_takes_sum(const char *p, size_t ws, size_t we);
/* The noun after such a sum in p[fe..ce) of the passage p[0..n), its
 * object with it (国际援助): nouns by the most likely cut, as
 * zsi_share_noun_after reads, that end the clause or stand before 的, 和,
 * 与, 及, 等; not the currency (人民币), a mark (关口) or a bare level
 * ([heads]: 门槛). @return 1 found (norm, raw, at written), 0 none, <0 on
 * an error. */
int zsi_sum_object_after(const char *p, size_t fe, size_t ce, size_t n, char *norm, char *raw,
                         zsi_span *at);

/*
 * (metric_np.c) A noun phrase that no phrase or suffix names, ending at we
 * after trailing filler (生产绢丝236.4吨): whole words back to a stop word,
 * verb, place or the clause start (see metric_int.h).
 * @return 1 found (norm, raw written), 0 none.
 */
int zsi_np_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at);
/*
 * (metric_apart.c) The subject of an activity named as a noun run ending at we in
 * the clause p[ws..we) (电动三轮车|产销, 挖掘机|销售, 专利|申请: nouns and
 * modifiers ending in a verb-noun, or in a plain verb when verb_ok), past
 * time words and adverbs; the reading metric.c gives a change verb's
 * subject. verb_ok 2 also takes a run right after a verb, its object
 * (受理|群众投诉). @return 1 found (norm, raw written), 0 none.
 */
int zsi_verbal_subject(const char *p, size_t ws, size_t we, int verb_ok, char *norm, char *raw,
                       zsi_span *at);
/* (metric_change.c) Is the metric m a rate noun alone (增长率: a [change]
 * word and 率) with nothing before it in p[ws..we) but words that name
 * nothing? Then it becomes m's change word and m refers back to the subject
 * named before. @return 1 so, 0 not. */
int zsi_rate_noun_alone(const char *p, size_t ws, size_t we, zsi_metric *m);
/* (metric_apart.c) The predicate, a verb and its object, that ends the words
 * p[ws..we) before an amount (销售|装载机, 起诉|侵害|老人权益犯罪).
 * @return 1 found (norm, raw written), 0 none. */
int zsi_object_subject(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at);
/* Where the words before a figure end once 每 and a unit right before it (a
 * rate's denominator: 每吨, 每平方米, 每蒲式耳) are dropped, every such pair;
 * we when none (figure.c). */
size_t zsi_per_unit_cut(const char *p, size_t ws, size_t we);

/*
 * (metric_price.c) A closing word of a market report (data/metrics.tsv
 * [quote]: 收报, 收于, 收盘) ending p[ws..we), before a rate's 每 and unit
 * (报收于每盎司): the figure after it is a closing price. norm receives the
 * word's normal form (收盘价), raw the word as printed, *at (may be NULL)
 * where. @return 1 found, 0 none.
 */
int zsi_quote_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at);
/*
 * (metric_price.c) What a price per unit of a product is the price of, when
 * no noun of the data names it (菜粕2100元/吨, 螺纹钢上调100元/吨, 关外3500元/吨):
 * the subject of the clause p[ws..we), a run of nouns before the figure or
 * its verb, with only time words before it. norm receives it with 价格
 * (菜粕价格; not after 价, 费, 成本, 价差),
 * raw it as printed. @return 1 found, 0 none, ZS_ENOMEM or ZS_EIO.
 */
int zsi_price_product(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at);
/*
 * (metric_price.c) The price of a deal (集团以8亿元收购该公司, 这幅画以120万元
 * 成交): a sum that starts at fs, right after 以 (ICU's word alone, the last of
 * p[ws..fs)), before a verb of a deal of data/metrics.tsv [deal] that starts
 * at fe (where words_after() put the words after the sum: past a 人民币 or 钱
 * that restates its unit) and ends before ce. norm receives the price the
 * data names for that verb (收购价格), raw the verb as printed, *at where.
 * @return 1 found, 0 none.
 */
int zsi_deal_price(const char *p, size_t ws, size_t fs, size_t fe, size_t ce, char *norm, char *raw,
                   zsi_span *at);
/* The same price of a deal whose verb (收购, 中标) right follows a sum at fe
 * that no 以 introduces (某家电公司9亿欧元收购, 两年前5200万英镑收购,
 * 用4亿日元收购), when what the clause names before the sum, subj (a normal form, ""
 * when none), is only who made the deal: a name or a noun that names no
 * amount (雀巢, 消费者), not a verb (出资, 斥资: what was paid) nor a noun of
 * [suffixes] or [phrases] (总价: the sum's own name). @return 1 found
 * (norm, raw, at written), 0 none. */
int zsi_deal_price_bare(const char *subj, const char *p, size_t fe, size_t ce, char *norm,
                        char *raw, zsi_span *at);
/* zsi_np_before for an amount of money: a phrase may end in a one-character
 * piece ICU cut off a longer common noun of jieba's (菜籽|油, 零售|业, 结|余).
 * Not for counts and durations, where such a phrase is as often a modifier
 * of the noun after the figure (保险业百年老店), nor for rates, where it is
 * as often the owner or whole of a share (收购糖|业6.9%股份) or, before a
 * change word, a compound's first part. */
int zsi_np_before_money(const char *p, size_t ws, size_t we, char *norm, char *raw,
                        zsi_span *at);
/* zsi_np_before's flags: ZSI_NP_TAILS as zsi_np_before_money reads;
 * ZSI_NP_VERBS, for a sum or a rate, crosses a verb between two nouns of
 * one compound (民航|发送|旅客, 碳|排放|强度: see metric_np.c's
 * verb_between). Counts stay out: before one, the verb is as often the
 * predicate and the noun after it what is counted (领导班子|列出|问题清单). */
#define ZSI_NP_TAILS 1
#define ZSI_NP_VERBS 2
/* ZSI_NP_PRED: the clause's predicate follows the phrase (a change word), as
 * a 达 or 为 before the figure says it does (metric_np.c's subject_verb) */
#define ZSI_NP_PRED 4
int zsi_np_before_as(const char *p, size_t ws, size_t we, int flags, char *norm, char *raw,
                     zsi_span *at);

/*
 * (metric_after.c) Does a verb of wordclass.txt (not a verb-noun) start right
 * after a figure ending at fe, in p[fe..ce) (投入117亿元|构建生态屏障,
 * 拨付670万元|用于救治)? Then the words after the figure go on with a new
 * predicate and name no figure.
 */
int zsi_verb_after(const char *p, size_t fe, size_t ce);
/*
 * (metric_after.c) Does a verb or a preposition of jieba's most likely cut
 * start right after a sum ending at fe, in p[fe..ce) (投入5亿元|建设运动场,
 * 出资10万元|为小学…)? The sum's verb before it then names it.
 */
int zsi_purpose_after(const char *p, size_t fe, size_t ce);

/*
 * (metric_after.c) A metric printed right after its figure, in p[fe..ce) (ce: the clause end):
 * an optional 的 (required when need_de), then whole words ending in a known
 * phrase or suffix ("8000元的产业扶持资金", "60%的股权").
 * @return 1 found, 0 none, ZS_EIO.
 */
int zsi_metric_after(const char *p, size_t fe, size_t ce, int need_de, char *norm, char *raw,
                     zsi_span *at);

/* The most likely cut of p[s..e) into words (metric_lex.c, declared in
 * metric_int.h with the rest of its interface): start[0..w] the words'
 * starts and e, tag[0..w) their parts of speech. @return w, or 0 when the
 * text is empty, longer than ZSI_LEX_CUT_MAX characters or more than max
 * words. figure.c asks it for the words of a list item. */
#ifndef ZSI_LEX_CUT_MAX
#define ZSI_LEX_CUT_MAX 24
#endif
int zsi_lex_cut(const char *p, size_t s, size_t e, size_t *start, char *tag, int max);

/*
 * (metric_after.c) A share printed before the noun it counts (75%的受访者有…, 45%建筑物外墙是…):
 * the whole words of a noun's classes after the figure ending at fe (and its
 * 的) in p[fe..ce), by the most likely cut of jieba's words.
 * @return 1 found, 0 none, ZS_EIO.
 */
int zsi_share_noun_after(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at);

/*
 * The metric phrase naming a figure, looked for in p[start..end): the noun
 * and change word of zsi_metric_before, joined (营业收入同比增长 ->
 * 营业收入同比增速). Used to normalise a metric a user types.
 * Writes the normal form to norm and the printed form to raw (both
 * ZSI_METRIC_BYTES, NUL-terminated, "" when nothing fits).
 * @return 1 found, 0 none, ZS_ENOMEM or ZS_EIO (data unreadable).
 */
int zsi_metric_find(const char *p, size_t start, size_t end, char *norm, char *raw);

/*
 * (metric_after.c) What a count printed before its noun counts (86家企业, 1270套安置房,
 * 46万平方米的闲置厂房): whole words after the figure (and 的, required when
 * mode has ZSI_NP_DE) up to a [stop] word or a verb, in p[fe..ce). With
 * ZSI_NP_WHOLE only a phrase that ends the clause or ends at a [stop] word
 * (3万亿元专项债券等, 50%以上的税收，): one cut at a verb may be a noun's
 * first part (技术|创新|成果).
 * @return 1 found, 0 none.
 */
#define ZSI_NP_DE 1
#define ZSI_NP_WHOLE 2
/* A share's noun (9%的耕地、6%的淡水资源): a list comma or other mark ends
 * the phrase as the clause's end does. */
#define ZSI_NP_MARK 4
/* What a count counts (12台收割机, 300多家知名企业): a verb that starts the
 * phrase may be a word's first part or a modifier of the noun after it. */
#define ZSI_NP_COUNT 8
int zsi_np_after(const char *p, size_t fe, size_t ce, int mode, char *norm, char *raw,
                 zsi_span *at);

/*
 * (metric_count.c) What a count counts when zsi_np_after finds nothing: the
 * noun words right after the figure in jieba's likeliest cut (300名医护人员
 * 赶赴灾区, 80位员工已到岗), a modifier or a first verb before a noun in
 * them, up to the first word of another kind, within p[fe..ce).
 * @return 1 found, 0 none.
 */
int zsi_count_noun_cut(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at);
/* (metric_count.c) Is the classifier a count p[fs..fe) ends in the first
 * character of a noun of data/metrics.tsv's [unitword], printed on after it
 * before n, where the words after the count end (the clause's end: 9部|门,
 * 6部|委)? That noun, written to norm
 * (ZSI_METRIC_BYTES), is what the count counts. @return 1 found, 0 none. */
int zsi_count_unit_word(const char *p, size_t fs, size_t fe, size_t n, char *norm);
/* (metric_count.c) Is p[s..e) a particle of [particle] (呢, 吧, 钱 ...)? */
int zsi_particle_at(const char *p, size_t s, size_t e);
/* (metric_count.c) The noun phrase a count or an area counts, when its
 * metric was read from the nouns p[ms..me) right before it (in p[ws..)) and
 * a verb stands before those nouns that modifies them, another verb before
 * it being the clause's (投入|救援|人员120人, 审结|抚养|案件90件 -> 救援人员,
 * 抚养案件): from the first word after the clause's verb to me, into norm,
 * raw and *at (whole, or none). 0 when there is no such verb
 * (alone before the nouns a verb is mostly the clause's own: 引进|人才). */
int zsi_count_verb_front(const char *p, size_t ws, size_t ms, size_t me, char *norm, char *raw,
                         zsi_span *at);
/* (metric_count.c) Where the phrase p[s..e) a count or an area names before
 * it starts once a verb of [countact] first in it is left out (侦破|走私冻肉
 * 案件 -> 走私冻肉案件: the clause's act on what is counted), or s. */
size_t zsi_count_act_end(const char *p, size_t s, size_t e);
/* (metric_count.c) Does p[s..e), a counted phrase zsi_np_after took, hold a
 * verb of two or more characters after a noun in jieba's cut (医护人员|赶赴|
 * 灾区: a verb the class data lacks, the phrase's predicate)? */
int zsi_count_has_predicate(const char *p, size_t s, size_t e);
/* (metric_count.c) Where a counted phrase p[s..e) ends before an adverb of
 * [tailadverb] that follows a noun word of jieba's cut (学生|全部|返校 ->
 * 学生), or e when none does. */
size_t zsi_count_adverb_end(const char *p, size_t s, size_t e);
/* (metric_count.c) Does a verb of [level] follow a count ending at fe, and a
 * number follow the verb, in p[..n) (居民由15人|增加到|120人, 从9人|降至|4人)?
 * Then the count is where a change starts or a level it reaches, and the
 * verb names nothing it counts: what it counts stands before it. */
int zsi_count_level_after(const char *p, size_t n, size_t fe);
/* (metric_count.c) Does a verb of [level] start at fe in p[..n) (64人|降至|
 * 去年的11人), whatever follows it? */
int zsi_count_level_at(const char *p, size_t n, size_t fe);
/* (metric_count.c) Does p[s..e), a counted phrase zsi_np_after took, end
 * in a word of jieba's cut that is no noun after a noun word ending at ne
 * (群众|脱贫致富, 牌子|中), or go on after it in adverbs, verbs and
 * adjectives only (职工|重新, 网友|守着)? Then what is counted ends at ne. */
int zsi_count_tail_off(const char *p, size_t s, size_t ne, size_t e);
/* (metric_fate.c) A count named by what befell what it counts: one or two
 * verbs of [fate] right after it in p[fe..ce), no noun after them (35人死亡,
 * 8例治愈出院, 1386万人脱贫). @return 1 found, 0 none. */
int zsi_count_fate_after(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at);
/* (metric_admin.c) A count of divisions with the kinds it takes in
 * bracketed after the first (31个省（区、市）, 48个县（市、区）): the phrase
 * through the bracket, named 省区市. @return 1 found, 0 none. */
int zsi_count_admin_after(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at);
/* (metric_count.c) zsi_count_noun_cut for a bare number (230万农民工, 14亿
 * 中国人民): what follows it is counted, unless its first word is one
 * character, a classifier the number did not take (5万床棉被). */
int zsi_number_noun_cut(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at);
/* (metric_count.c) Does a short name in quotes open right after a count at
 * p[fe] and close before ce (5架“海王”直升机, 39项“小微权力”, 10种《…》)?
 * Its text p[*qs..*qe) (two to QUOTE_CHARS run characters) and where the
 * words after its closing mark start (*after). @return 1 found, 0 none. */
int zsi_count_quote_at(const char *p, size_t fe, size_t ce, size_t *qs, size_t *qe, size_t *after);
/* (metric_count.c) Does jieba's cut of p[s..e) hold a word of a predicate or
 * of no noun phrase (a verb, adverb, preposition, particle, conjunction,
 * pronoun, numeral, idiom: 连成, 仍在, 呈)? Verbal nouns may name (防控). */
int zsi_count_has_verb(const char *p, size_t s, size_t e);
/* (metric_count.c) Does a known metric of the data ([phrases], two or more
 * characters) start at p[s] and end within ce (5家企业|营业收入)? */
int zsi_count_measure_at(const char *p, size_t s, size_t ce);
/* (metric_count.c) What a count with no words after it in its clause
 * counts: the run of nouns of jieba's cut that ends right before it in
 * p[ws..we), after filler (呼吸机2286台, 引进高层次人才1200余人, 公租房
 * 3032套), without a scope word first (全市); before an area (area set)
 * also a verbal noun after a noun (海水养殖8万亩). @return 1 found, 0 none. */
int zsi_count_noun_before(const char *p, size_t ws, size_t we, int area, char *norm, char *raw,
                          zsi_span *at);
/* (metric_count.c) What a count or an area with no words after it in its
 * clause and no noun before it names: the verb right before it, of
 * zsi_verb_before and a verb in jieba's cut too (处理8005人, 确诊208例, 已开通
 * 1117个: what was done to the things counted, as a reporter names them),
 * not a change known by its form (攀升至2000万只: the level of a noun
 * before). @return 1 found, 0 none. */
int zsi_count_verb_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at);
/* (metric_count.c) 推出15条举措。, 方案作了9处修改，: what a count that is
 * the object of the verb ending p[ws..we) counts when one word of jieba's,
 * filed a verb (举措, 提案, 修改), runs from fe, the figure's end, to the
 * clause's end at ce (p[ce] a clause's end or a list comma, or ce == n): a
 * classifier stands before a noun, so the word is used as one. Not a count
 * of people, households or times (unit, the figure's base unit: 人 for 名),
 * whose verb after says what they did (派出30名|支援) unless the word is a
 * noun of data/metrics.tsv's [nounv] (找来10名|帮手), nor after a verb of
 * data/metrics.tsv's [pivot] (带动300家|增收). @return 1 found, 0 none. */
int zsi_count_object_noun(const char *p, size_t n, size_t ws, size_t we, size_t fe, size_t ce,
                          const char *unit, char *norm, char *raw, zsi_span *at);

/* (metric_class.c) Only words that name nothing in p[s..e): filler (为, 达到,
 * 分别, 同比), a date in digits (较2012年), a list comma, spaces. */
int zsi_all_filler(const char *p, size_t s, size_t e);

/* (metric_class.c) Does p[s..e) end in a noun of an activity ([activity] of
 * data/metrics.tsv: 工作, 调查), after which 中 says when, not of which set? */
int zsi_activity_noun(const char *p, size_t s, size_t e);

/* (metric_class.c) Only spaces and words a share takes before it
 * ([sharelead] of data/metrics.tsv: 有, 约, 近, 仅) in p[s..e)? */
int zsi_share_lead(const char *p, size_t s, size_t e);

/*
 * 1 when p[0..n) is a province, city or county name (六盘水市, 贵阳) of the
 * place-name lexicon (data/places.tsv), else 0 (also when it is unreadable).
 */
int zsi_place_word(const char *p, size_t n);
/* (metric.c) Is the whole of s a place name of any kind (a division, a jieba
 * ns word: 世界, 法国)? */
int zsi_any_place(const char *s);
/* (metric.c) Is p[0..n) a place outside China (data/foreign.txt: 美国,
 * 东盟)? */
int zsi_foreign_place(const char *p, size_t n);

/*
 * 1 when p[start..end), the text between two figures of one clause, only
 * links them as the old and new value of one metric ("增长至2024年的",
 * "降到", "、"), so the second figure inherits the first one's metric.
 */
int zsi_metric_is_link(const char *p, size_t start, size_t end);

/*
 * Whether cls (n bytes) is a class of figure zhaoshu gives: a class of
 * data/units.tsv (money, percent, count, area ...), "number" or "ratio"; a
 * rate's class (money/weight, money/桶) when its first part is one. Lets a
 * filter refuse a misspelt class instead of finding nothing.
 * @return 1 known, 0 unknown, or a negative ZS_E* code (units not loaded).
 */
int zsi_figure_class_known(const char *cls, size_t n);

/*
 * Whether p[0..n) is, all of it, a unit of data/units.tsv of class cls
 * ("count": 辆, 家, 个): lets the metric code read its classifiers from the
 * unit data. @return 1 yes, 0 no, or a negative ZS_E* code (units not loaded).
 */
int zsi_unit_is_class(const char *p, size_t n, const char *cls);

/* ---- figure.c's helpers shared with figure_list.c and figure_label.c ---- */

/* Does cp end a clause (，；：。！？ and …)? */
int zsi_is_clause_end(unsigned cp);
/* Start of the clause that ends at p[e]: right after the last clause end
 * mark in p[lo..e), or lo when none. */
size_t zsi_clause_start(const char *p, size_t lo, size_t e);
/* Does cp end a sentence (。！？；)? */
int zsi_is_sentence_end(unsigned cp);
/* Han characters in p[s..e). */
size_t zsi_count_han(const char *p, size_t s, size_t e);

/* ---- interface to figure_list.c ---- */

/* A list and 分别 before k linked figures v[first..first+k) in the sentence
 * from sent, clause from ws: each figure takes its own item's noun (see
 * figure_list.c). @return 0, or a negative ZS_E* from the metric data. */
int zsi_pair_list(const char *p, size_t sent, size_t ws, zsi_figure *v, size_t first, size_t k);

/* ---- interface to figure_label.c ---- */

/* The metric of a price of one unit (每|台售价3999元 -> 售价). */
void zsi_unit_price_metric(const char *p, zsi_figure *f);
/* 售价：1299元: a figure opening its clause after a colon takes the label's
 * metric. @return 0, or a negative ZS_E* from the metric data. */
int zsi_colon_label(const char *p, size_t clause, zsi_figure *f);
/* Figures after a 分别为 each after a name take the noun before the 分别.
 * @return 0, or a negative ZS_E* from the metric data. */
int zsi_named_list_values(const char *p, zsi_figure *v, size_t nv);

#endif
