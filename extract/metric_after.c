/*
 * metric_after.c - the noun printed after a figure (8000元的产业扶持资金,
 * 62%的装修公司, 10个贫困县): whole words up to a stop word or a verb, what
 * a share or a count counts; and whether a verb follows a figure. The entry
 * points figure.c asks (zsi_metric_after, zsi_share_noun_after) close the file.
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
 * Does p[s..e) end in a word of [suffixes] (no [nonmetric] word) or
 * [phrases], a noun that names a quantity itself (资金, 税率)?
 */
static int names_quantity(const char *p, size_t s, size_t e)
{
    return (zsi_match_ending(zsi_mset(MSEC_SUFFIXES), p, s, e) &&
            !zsi_match_ending(zsi_mset(MSEC_NONMETRIC), p, s, e)) ||
           zsi_match_ending(zsi_mset(MSEC_PHRASES), p, s, e);
}

/*
 * 500万元的慢病|签约|管理奖励基金, 1000万元的产业|引导|基金, 10%的机组|采购|成本:
 * after X的, a verb of ICU's words p[v..nb) between a noun that names no
 * quantity (p[s..v)) and a head that does ([suffixes], [heads]: 基金, 成本,
 * 规模, 目标), with only nouns between them and the phrase's end right after
 * the head (the clause ends, or 的, 和, 与, 及, 等 follows), is inside one
 * noun: the verb says what the fund or the cost is for. A predicate verb has
 * a subject that may name the quantity (税率|征收|企业所得税), says or
 * reaches ([saying], [level], [link]: 认为, 达到) or changes ([change]).
 * @return where the noun ends, or v when the verb ends the phrase.
 */
static size_t verb_in_noun(const zsi_wbounds *wb, const char *p, size_t s, size_t v, size_t nb,
                           size_t e, size_t ce)
{
    static const char ends[] = "的和与及等";
    static const int verbs[] = {MSEC_SAYING, MSEC_LEVEL, MSEC_LINK, MSEC_CHANGE};
    size_t b = nb;
    unsigned i;
    int k;
    if (v == s || names_quantity(p, s, v) || zsi_nchars(p, v, nb) < 2)
        return v;
    for (i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (zsi_whole_in(verbs[i], p, v, nb))
            return v;
    for (k = 0; k < 3 && b < e; k++) {
        size_t n = zsi_wb_gt(wb, b);
        unsigned cp;
        if (n > e || zsi_has_numeral(p, b, n) || zsi_is_stop_word(p, b, n) ||
            zsi_is_class_stop(p, b, n) || zsi_is_vnoun(p, b, n))
            return v; /* 大豆|依靠|进口: a verb's object, no head */
        b = n;
        cp = zsi_cp_at(p, b, ce);
        if ((b >= ce || !zsi_m_is_han(cp) || zsi_in_set(ends, sizeof ends - 1, cp)) &&
            (names_quantity(p, nb, b) || zsi_match_ending(zsi_mset(MSEC_HEADS), p, nb, b)))
            return b;
    }
    return v;
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
 * 达成4亿美元的贷款|计划, 安排10%的建设用地|指标, 1000亿元失业保险基金|结余:
 * a common noun of jieba's (n) of two or more characters right after a
 * metric phrase read after a figure, with nothing after it in its noun phrase
 * (the clause ends, or 的, 和, 与, 及, 等 follows), is the head the phrase only
 * says the kind of: the figure is the plan's, the quota's, the balance's. A
 * noun that a verb or an adverb follows may be none (奖金|全部|捐出), and a
 * [stop] word or a place is none (100亿元等值|人民币). @return the end of
 * the head, or e when none follows.
 */
static size_t head_after(const char *p, size_t e, size_t ce)
{
    static const char ends[] = "的和与及等";
    size_t st[5], lim = e, h;
    char tg[5];
    unsigned cp;
    int k;
    for (k = 0; k < 5 && lim < ce; k++) {
        size_t l = zsi_utf8_decode(p + lim, ce - lim, &cp);
        if (!zsi_m_is_han(cp))
            break;
        lim += l;
    }
    if (lim == e || zsi_lex_cut(p, e, lim, st, tg, 4) < 1 || tg[0] != 'n')
        return e;
    h = st[1];
    if (zsi_nchars(p, e, h) < 2 || zsi_is_stop_word(p, e, h) ||
        zsi_is_direction(zsi_cp_at(p, h - 3, h)))
        return e; /* 投资|期限内: a span of time, no head */
    cp = zsi_cp_at(p, h, ce);
    if (h < ce && zsi_m_is_han(cp) && !zsi_in_set(ends, sizeof ends - 1, cp))
        return e;
    return h;
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
            if (!(mode & ZSI_NP_COUNT) && s >= fe + 3 && memcmp(p + s - 3, "\xE7\x9A\x84", 3) == 0 &&
                (nn = verb_in_noun(&wb, p, s, b, nb, e, ce)) > b) {
                b = last = nn; /* 产业|引导|基金: one noun */
                stopped = 1;
                break;
            }
            nn = nb < e ? zsi_wb_gt(&wb, nb) : nb;
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

int zsi_metric_after(const char *p, size_t fe, size_t ce, int need_de, char *norm, char *raw,
                     zsi_span *at)
{
    size_t s = fe, e, q, pq = fe, best = 0;
    int rc = zsi_metric_data();
    zsi_wbounds wb;
    const zsi_phrase *mod;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (rc)
        return rc;
    /* at most MAX_AFTER_CHARS characters of run after it */
    e = zsi_run_after(p, fe, ce, need_de, MAX_AFTER_CHARS, zsi_m_is_han, &s);
    if (e == s || zsi_grade_after(p, s, e))
        return 0;
    /* a qualifier first (60%以上的规模以上工业总产值) counts as one word */
    if ((mod = zsi_match_at(zsi_mset(MSEC_MODIFIER), p, s, ce)) != NULL &&
        zsi_nchars(p, s, s + mod->len) > 2)
        e = zsi_run_after(p, fe, ce, need_de,
                          MAX_AFTER_CHARS + zsi_nchars(p, s, s + mod->len) - 2, zsi_m_is_han, &s);
    /* no suffix or phrase ends in the run: nothing to break */
    for (q = s; q < e;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, e - q, &cp);
        if (zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, q, e) ||
            zsi_match_at(zsi_mset(MSEC_PHRASES), p, q, e))
            break;
        q += l;
    }
    if (q >= e)
        return 0;
    /* the word break sees one character more, so the run's last word is whole */
    {
        size_t e2 = e;
        if (e2 < ce) {
            unsigned cp;
            e2 += zsi_utf8_decode(p + e2, ce - e2, &cp);
        }
        zsi_wb_compute(&wb, p, s, e2);
    }
    if (wb.s != s)
        return 0;
    {
        unsigned cp;
        zsi_utf8_decode(p + s, e - s, &cp);
        if (zsi_nchars(p, s, zsi_wb_gt(&wb, s)) == 1 && zsi_is_direction(cp))
            return 0; /* 三年内|相关税收: the 内 is the figure's */
    }
    for (q = s; q < e;) {
        size_t nq = zsi_wb_gt(&wb, q);
        const zsi_phrase *st;
        if ((mod = zsi_match_at(zsi_mset(MSEC_MODIFIER), p, q, e)) != NULL &&
            zsi_wb_is(&wb, q + mod->len) && q + mod->len < e) {
            pq = q; /* 规模以上 crossed whole: its 以上 ends no noun */
            q += mod->len;
            continue;
        }
        st = zsi_match_at(zsi_mset(MSEC_STOP), p, q, nq);
        int head = (zsi_match_ending(zsi_mset(MSEC_SUFFIXES), p, s, nq) &&
                    !zsi_match_ending(zsi_mset(MSEC_NONMETRIC), p, s, nq)) ||
                   zsi_match_ending(zsi_mset(MSEC_PHRASES), p, s, nq);
        if (nq > e || (st && st->len == nq - q))
            break; /* the run ends at a word such as 的, 和, 在 */
        if (!head && q > s && zsi_is_class_stop(p, q, nq) && zsi_is_noun_word(p, pq, q))
            break; /* 90%的家庭|实现|就业: a noun and its verb, no noun's part */
        pq = q;
        if (((zsi_match_ending(zsi_mset(MSEC_SUFFIXES), p, s, nq) &&
              !zsi_match_ending(zsi_mset(MSEC_NONMETRIC), p, s, nq)) ||
             zsi_match_ending(zsi_mset(MSEC_PHRASES), p, s, nq)) &&
            !zsi_ends_in_noun(&wb, p, s, nq, ce))
            best = nq; /* not the 价 of 评价, nor the 税 of 纳税|人 */
        q = nq;
    }
    /* The noun must end there: not in 市政府固定资产|投资专项补助, where the
     * next word goes on naming something else. */
    if (best && best < wb.e) {
        size_t nq = zsi_wb_gt(&wb, best);
        if (zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, best, nq) ||
            zsi_match_at(zsi_mset(MSEC_PHRASES), p, best, nq))
            return 0;
    }
    if (!best || zsi_nchars(p, s, best) < 2)
        return 0;
    best = head_after(p, best, ce); /* 贷款|计划: the noun's head follows */
    zsi_copy_raw(raw, at, p, s, best);
    {
        const zsi_phrase *k = zsi_lookup_exact(raw, strlen(raw));
        if (k)
            zsi_copy_str(norm, k->norm, k->nlen);
        else
            memcpy(norm, raw, strlen(raw) + 1);
    }
    return 1;
}

/* After 的 also a time word (t: 老年居民) and a verb before the first noun
 * (销售|增长|贡献); with no 的 they begin a predicate (30%|今年, 5%|增长). */
#define SHARE_MOD_DE "tv"

/*
 * 95%的村实现…, 30%的县制订…: after 的, a noun of one character (jieba's n,
 * or z, which files 村 and 县) that a verb follows is the subject the share
 * counts, as a longer one is; alone, without the verb, one character is too
 * little to tell a noun from a piece of a word. @return its end, or 0.
 */
static size_t one_char_subject(const char *p, int de, const size_t *st, const char *tg, int w)
{
    if (!de || w < 2 || !tg[0] || !strchr("nz", tg[0]) || tg[1] != 'v' ||
        zsi_nchars(p, st[0], st[1]) != 1)
        return 0;
    return st[1];
}

/*
 * 70%的零部件都…: jieba files some nouns that open with a numeral character
 * as numerals (m: 零|部件), as it does 一部分. After a share's 的, such a word
 * whose remaining characters are one common noun of jieba's (n) is that
 * noun's kind, a head the share counts. @return 1 such a word.
 */
static int numeral_noun(const char *p, size_t s, size_t e)
{
    size_t st[3];
    char tg[3];
    unsigned cp;
    size_t l = zsi_utf8_decode(p + s, e - s, &cp);
    return zsi_nchars(p, s, e) >= 3 && zsi_lex_cut(p, s + l, e, st, tg, 2) == 1 && tg[0] == 'n';
}

/*
 * 75%的受访者有…, 90%的本地商家都…, 45%建筑物外墙是…: a share printed
 * before its noun counts what that noun names, the subject of the predicate
 * that follows. The noun is read by the most likely cut of the words after
 * the figure (jieba's, with their parts of speech): whole words of a noun's
 * classes, up to the first word of another class (an adverb 都, a
 * preposition 通过, a pronoun 每天, a direction 中) or to a verb after a
 * noun (受访者|支持); before the first noun a verb is a modifier only after
 * 的 (45%的销售增长贡献), as a time word is (老年居民). The phrase ends with its last noun, on a word
 * boundary of ICU's too, and holds two characters at least.
 * @return 1 found (norm, raw, at written), 0 none, ZS_EIO.
 */
int zsi_share_noun_after(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at)
{
    size_t s = fe, e, st[ZSI_LEX_CUT_MAX + 1], end = 0;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int rc = zsi_metric_data(), de = 0, w, i, nouns = 0, cut = 0;
    unsigned n = 0;
    zsi_wbounds wb;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (rc)
        return rc;
    if (s + 3 <= ce && memcmp(p + s, "\xE7\x9A\x84", 3) == 0) { /* 的 */
        s += 3;
        de = 1;
    }
    for (e = s; e < ce;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + e, ce - e, &cp);
        if (!zsi_m_is_han(cp))
            break;
        if (++n > ZSI_LEX_CUT_MAX) {
            cut = 1; /* the last word may go on: it is not taken */
            break;
        }
        e += l;
    }
    w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    if (cut && w > 0)
        w--;
    for (i = 0; i < w; i++) {
        char t = tg[i];
        if (t == 'm' && de && numeral_noun(p, st[i], st[i + 1]))
            t = 'n';
        if (t && strchr(SHARE_HEAD, t)) {
            nouns++;
            end = st[i + 1];
        } else if (t && de && strchr(SHARE_MOD_DE, t) && (t != 'v' || !nouns)) {
            continue; /* 的销售增长|贡献: a verb modifies the noun after it */
        } else if (!t || !strchr(SHARE_MOD, t)) {
            break;
        }
    }
    if ((!nouns || zsi_nchars(p, s, end) < 2) && !(end = one_char_subject(p, de, st, tg, w)))
        return 0;
    if (end < ce) {
        unsigned cp; /* the word break sees one character more */
        zsi_wb_compute(&wb, p, s, end + zsi_utf8_decode(p + end, ce - end, &cp));
    } else {
        zsi_wb_compute(&wb, p, s, end);
    }
    if (wb.s != s || !zsi_wb_is(&wb, end))
        return 0; /* the cut and ICU's disagree: a word may go on */
    zsi_copy_raw(raw, at, p, s, end);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}
