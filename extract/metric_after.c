/*
 * metric_after.c - the noun printed after a figure (8000元的产业扶持资金,
 * 62%的装修公司, 10个贫困县): whole words up to a stop word or a verb, what
 * a share or a count counts; and whether a verb follows a figure.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/*
 * Is the word p[b..nb) of a share's noun (62%的|装修公司|希望) a common noun
 * of [stop] (公司, 集团), or a word ending in one, that ends the phrase: the
 * run ends with it or a verb follows? Before a figure such a word names the
 * subject and stops a metric (粤安化工|投资); after "X%的" it is what the
 * share counts. Not a place, and not before another noun (12%的全国|人口
 * stays a stop: 人口 is counted).
 */
static int org_head(const zsi_wbounds *wb, const char *p, size_t b, size_t nb, size_t e)
{
    const zsi_phrase *st = zsi_match_ending(zsi_mset(MSEC_STOP), p, b, nb);
    const zsi_words *w = zsi_mplaces();
    size_t row, nn;
    if (!st || zsi_nchars(p, nb - st->len, nb) < 2 || !zsi_is_noun_word(p, nb - st->len, nb) ||
        (w && (zsi_words_find(w, p + b, nb - b, &row) & ZSW_PLACE_)))
        return 0;
    if (nb >= e)
        return 1;
    nn = zsi_wb_gt(wb, nb);
    return zsi_is_class_stop(p, nb, nn) || zsi_verb_after(p, nb, e);
}

/*
 * 企业签|约入驻, 电视|台报道: ICU breaks the few words after a figure
 * without what follows them, and may end a phrase inside a word of the most
 * likely cut by word frequencies (签约, 电视台). The phrase p[s..b) then ends with
 * that word when the word is no verb, adverb or place of the lexicon and
 * ends within p[..ce) where ICU's does too (电视台; not 规模化|成组), else
 * before it (企业; 企业|多达: what follows
 * links the phrase to something else). Returns the new end.
 */
static size_t lex_end(const zsi_wbounds *wb, const char *p, size_t s, size_t b, size_t ce)
{
    size_t ls, le;
    if (!zsi_lex_inside(p, s, b, ce, &ls, &le) || zsi_has_numeral(p, ls, le))
        return b;
    if (ls >= s && le <= ce && (le >= wb->e || zsi_wb_is(wb, le)) &&
        !zsi_links_on(zsi_cp_at(p, b, ce)) && !zsi_is_class_stop(p, ls, le) &&
        !zsi_is_stop_word(p, ls, le) && zsi_nchars(p, s, le) <= MAX_RUN_CHARS)
        return le;
    return ls > s && zsi_wb_is(wb, ls) ? ls : s;
}

/* Is the [stop] word p[s..e) a common noun by jieba's tags (n; and 县, which
 * jieba files under z with adverbs such as 较)? After a count it is the head
 * of what is counted (10个贫困县, 5家公司), not the scope word it is before a
 * sum (全县|GDP, 该公司|营收); a scope word itself (全国, 我省, 本市: 十三届|全国
 * 人大) counts nothing. */
static int count_head(const char *p, size_t s, size_t e)
{
    static const char scope[] = "全我本该各这那此其上";
    char first[4];
    unsigned cp;
    size_t l = zsi_utf8_decode(p + s, e - s, &cp);
    if (l == 3 && e - s > 3) {
        memcpy(first, p + s, 3);
        first[3] = '\0';
        if (strstr(scope, first))
            return 0;
    }
    if (e - s == 3 && cp == 0x53BF) /* 县 */
        return 1;
    return zsi_lex_tag_is(p, s, e, 'n');
}

/*
 * A count's phrase that starts with a verb p[s..nb) by ICU's words (12台收割|机,
 * 300多家知名|企业): the verb may be the first part of a word of the most likely
 * cut by word frequencies that is no verb (收割机), or, right after the
 * classifier, the modifier of a noun that ends the phrase at the clause's end
 * (知名|企业，: a predicate there would have its own subject). @return where
 * the phrase goes on from, or nb when the verb starts no noun.
 */
static size_t count_verb_start(const zsi_wbounds *wb, const char *p, size_t s, size_t nb, size_t e,
                               size_t ce)
{
    size_t ls, le, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w;
    if (zsi_lex_inside(p, s, nb, e, &ls, &le) && ls == s && le <= e && zsi_wb_is(wb, le) &&
        !zsi_is_class_stop(p, ls, le) && !zsi_is_stop_word(p, ls, le))
        return le;
    if (e < ce || (s >= 3 && (memcmp(p + s - 3, "\xE4\xBA\xBA", 3) == 0 || /* 人 */
                              memcmp(p + s - 3, "\xE6\xAC\xA1", 3) == 0))) /* 次 */
        return nb; /* 近500人|出席|招待会: people counted, then what they did */
    w = zsi_lex_cut(p, s, e, st, tg, 3);
    if (w == 2 && st[1] == nb && tg[0] == 'v' && tg[1] && strchr("nVj", tg[1]) &&
        zsi_nchars(p, nb, e) >= 1 && !zsi_is_class_stop(p, nb, e))
        return e;
    return nb;
}

/*
 * 百亿美元|级|外资大项目, 150座|级|飞机, 十亿美元|级别|富豪: 级 right after a
 * figure makes the figure a size class (the ten-billion-dollar class), which
 * the noun after it belongs to: the figure is no quantity of that noun, and
 * a metric starting at 级 starts inside the grade word. Is p[s..e), the run
 * after a figure, one that starts with 级?
 */
int zsi_grade_after(const char *p, size_t s, size_t e)
{
    return e - s >= 3 && memcmp(p + s, "\xE7\xBA\xA7", 3) == 0; /* 级 */
}

/*
 * Is the word after p[nb] (ICU's, within e) a pronoun of jieba's (r: 其,
 * 自己, 他们)? A verb-noun before one is a verb that takes it as its object
 * (受访者|预测|其), where a noun phrase would go on with a noun.
 */
static int pronoun_next(const zsi_wbounds *wb, const char *p, size_t nb, size_t e)
{
    size_t nn = zsi_wb_gt(wb, nb);
    return nn <= e && zsi_lex_tag_is(p, nb, nn, 'r');
}

int zsi_np_after(const char *p, size_t fe, size_t ce, int mode, char *norm, char *raw, zsi_span *at)
{
    zsi_wbounds wb;
    size_t s = fe, e, b;
    int need_de = mode & ZSI_NP_DE, stopped = 0;
    size_t last = fe; /* the end of the last word no verb-noun */

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    e = zsi_run_after(p, fe, ce, need_de, MAX_RUN_CHARS + 1, zsi_is_run_char, &s);
    if (e == s)
        return 0;
    zsi_wb_compute(&wb, p, s, e);
    if (wb.s != s)
        return 0;
    if (zsi_nchars(p, s, zsi_wb_gt(&wb, s)) == 1 && zsi_is_direction(zsi_cp_at(p, s, e)))
        return 0; /* 三年内|相关税收: the 内 is the figure's (within three years) */
    if (zsi_grade_after(p, s, e))
        return 0;
    /* whole words up to a [stop] word or a verb (86家企业|彼此|关联) */
    for (b = s; b < e;) {
        size_t nb = zsi_wb_gt(&wb, b);
        const zsi_words *w = zsi_mplaces();
        size_t row;
        unsigned f = w ? zsi_words_find(w, p + b, nb - b, &row) : 0;
        if (nb > e || zsi_has_numeral(p, b, nb) || (f & ZSW_NAME_)) {
            if ((mode & ZSI_NP_MARK) && nb <= e && zsi_has_numeral(p, b, nb))
                return 0; /* 63%降至|42%: a change, no noun, before the next figure */
            break;
        }
        if (zsi_is_stop_word(p, b, nb)) {
            const zsi_phrase *st = zsi_match_at(zsi_mset(MSEC_STOP), p, b, nb);
            if ((mode & ZSI_NP_MARK) && org_head(&wb, p, b, nb, e)) {
                b = last = nb; /* 62%的装修公司|希望: the companies counted */
                stopped = 1;
                break;
            }
            if ((mode & ZSI_NP_COUNT) && count_head(p, b, nb)) {
                b = last = nb; /* 10个贫困|县, 30多个|地区, 13个工业|园区: what it counts */
                stopped = 1;
                break;
            }
            if (!st || st->len != nb - b)
                return 0; /* 13亿元工业|园区: a name goes on, not a [stop] word */
            stopped = 1;
            break;
        }
        if ((f & ZSW_STOP_) && b == s && (mode & ZSI_NP_COUNT)) {
            size_t vn = count_verb_start(&wb, p, s, nb, e, ce);
            if (vn > nb) {
                b = last = vn;
                continue;
            }
        }
        if ((mode & ZSI_NP_MARK) && (f & ZSW_VNOUN_) && b > s && nb < e &&
            pronoun_next(&wb, p, nb, e)) {
            stopped = 1; /* 70%的受访者|预测|其…: the predicate and its object */
            break;
        }
        if ((f & ZSW_STOP_) && !((mode & ZSI_NP_MARK) && (f & ZSW_VNOUN_))) {
            size_t nn = nb < e ? zsi_wb_gt(&wb, nb) : nb;
            if ((mode & ZSI_NP_MARK) && nn > nb && zsi_is_stop_word(p, nb, nn) &&
                org_head(&wb, p, nb, nn, e)) {
                b = last = nn; /* 装修|公司|希望: a verb that says what kind */
                stopped = 1;
                break;
            }
            if ((mode & ZSI_NP_MARK) && nn > nb && nn <= e && zsi_nchars(p, nb, nn) == 1 &&
                !zsi_is_stop_word(p, nb, nn))
                return 0; /* 投标|保证|金: a verb and a lone piece, a word ICU lacks */
            break;
        }
        if (zsi_nchars(p, s, nb) > MAX_RUN_CHARS)
            return 0;
        if (!(f & ZSW_STOP_))
            last = nb;
        b = nb;
    }
    if ((mode & ZSI_NP_MARK) && zsi_match_at(zsi_mset(MSEC_CHANGE), p, s, e))
        return 0; /* 从63%降至42%: a change word is no noun */
    if ((mode & ZSI_NP_MARK) && last == s)
        return 0; /* 投标|保证|金: verb-nouns only, no noun's end */
    if ((mode & ZSI_NP_MARK) && last < b && b + 3 <= ce && memcmp(p + b, "\xE7\x9A\x84", 3) == 0)
        b = last; /* 淡水资源|生产|的粮食: a verb-noun before 的 is a verb */
    if ((mode & ZSI_NP_MARK) && b < ce && zsi_match_at(zsi_mset(MSEC_CHANGE), p, b, ce))
        return 0; /* 以8%的速度|增长, 15%以上稳定|增长: how it changes, no share */
    if (b > s && b < ce)
        b = lex_end(&wb, p, s, b, ce);
    if (b == s || zsi_nchars(p, s, b) < 2 ||
        (b == e && e < ce && zsi_is_run_char(zsi_cp_at(p, e, ce))))
        return 0; /* nothing, one character, or cut short by the limit */
    if ((mode & ZSI_NP_WHOLE) && !stopped && b < ce)
        return 0; /* 技术|创新|成果: a verb may be a noun's part; unsure */
    zsi_copy_raw(raw, at, p, s, b);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

int zsi_verb_after(const char *p, size_t fe, size_t ce)
{
    size_t e = fe;
    int k;
    if (zsi_metric_data() != 0)
        return 0;
    /* the lexicon's word of two or three characters there, as jieba cuts
     * (ICU may cut 构|建屏障) */
    for (k = 1; k <= 3 && e < ce; k++) {
        unsigned cp;
        e += zsi_utf8_decode(p + e, ce - e, &cp);
        if (!zsi_m_is_han(cp))
            return 0;
        if (k >= 2 && zsi_is_class_stop(p, fe, e))
            return 1;
    }
    return 0;
}

/*
 * 投入5亿元|建设运动场, 出资10万元|为小学建操场, 斥资2亿美元|在印尼建厂:
 * after a sum a verb or a preposition of jieba's most likely cut of the
 * few words that follow starts the purpose the sum went to, a predicate of
 * its own, not a noun that names the sum; not a change word (从80元|涨到). A verbal noun (jieba's vn) counts
 * only with words after it (建设|运动场, 抗击|疫情): alone it is the noun the
 * sum is (追加1亿欧元|援助).
 */
int zsi_purpose_after(const char *p, size_t fe, size_t ce)
{
    size_t st[7], e = fe;
    char tg[6];
    int k, w;
    if (zsi_metric_data() != 0)
        return 0;
    for (k = 0; k < 6 && e < ce; k++) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + e, ce - e, &cp);
        if (!zsi_m_is_han(cp))
            break;
        e += l;
    }
    if (k < 2 || zsi_match_at(zsi_mset(MSEC_CHANGE), p, fe, e) ||
        (w = zsi_lex_cut(p, fe, e, st, tg, 6)) == 0)
        return 0; /* 从80元|涨到150元: how the sum changed, not what it bought */
    /* 抗|疫|特别国债: a verb of one character before another lone one may
     * begin a noun the lexicon lacks (a preposition does not: 在|汤|湖镇) */
    if (tg[0] != 'p' && w > 1 && zsi_nchars(p, st[0], st[1]) == 1 &&
        zsi_nchars(p, st[1], st[2]) == 1)
        return 0;
    if (tg[0] == 'v' || tg[0] == 'p')
        return 1;
    return tg[0] == 'V' && w > 1;
}
