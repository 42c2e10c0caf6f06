/*
 * metric_run.c - the suffix run: from a candidate's head (a [phrases] entry
 * or a [suffixes] ending) back over whole words to where the metric starts:
 * up to a stop word, a place, a count, a time phrase or the clause's verb;
 * qualifiers and known phrases crossed whole; a verb kept where it makes one
 * compound with the head (出口|额, 政府|采购|额, 发射|成功率). Each step's
 * stop rule is a function of its own above zsi_run_start().
 *
 * Invariants: allocates nothing; the run starts on a word boundary, never
 * before the clause start, at most MAX_RUN_CHARS characters from its end.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* 年产值, 年销售收入, 月产能, 日缺水量: a lone 年, 月 or 日 right before a
 * run p[b..e) makes it annual, monthly or daily (the output of a month, not
 * of the plant), unless a number owns it, spaces apart or before the cut
 * (2019年, 2019 年, 近22|日均价: a date or a span), a time word does
 * (本|年, 每个|月; 今年, 近日 are one word anyway), or 月 or 日 starts a word
 * of the most likely cut that ends inside the run and is no per-unit word
 * (月度|同比增速, 日经|指数: the monthly or the Nikkei, named with that
 * word; not 日均|价). */
static int period_at(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e)
{
    static const char period[] = "年月日", coverb[] = "对向赴访在与";
    size_t pb, q, ls, le;
    unsigned before, owner = 0;
    if (b < cut + 3 || b - 3 < wb->s ||
        !zsi_in_set(period, sizeof period - 1, zsi_cp_at(p, b - 3, b)))
        return 0;
    pb = b - 3;
    if (!zsi_wb_is(wb, pb))
        return 0;
    for (q = pb; q > 0 && p[q - 1] == ' '; q--)
        ;
    if (q > 0)
        owner = zsi_cp_at(p, q - zsi_utf8_prev(p, q), q);
    if (zsi_is_digit_cp(owner) || zsi_cn_numeral(owner) >= 0)
        return 0;
    if (zsi_cp_at(p, pb, b) != 0x5E74 && zsi_lex_inside(p, pb, b, e, &ls, &le) && le < e &&
        !zsi_whole_in(MSEC_PERUNIT, p, ls, le))
        return 0; /* 年缴|税收, 年均|降水量, 日均|价 are the run's */
    if (pb == cut)
        return 1;
    zsi_utf8_before(p, pb, &before);
    if (!zsi_is_run_char(before))
        return 1;
    if (zsi_cp_at(p, pb, b) == 0x65E5 && zsi_in_set(coverb, sizeof coverb - 1, before))
        return 0; /* 已对|日|出口额: after a coverb 日 is Japan */
    /* after a whole word (企业|年|产值), not after one character that makes
     * a time word with it (本|年, 每|年) */
    return pb > wb->s && zsi_nchars(p, zsi_wb_le(wb, pb - 1), pb) >= 2;
}

/*
 * 企业|年产值, 农民|年人均纯收入, 两国|年贸易额: a metric whose run starts
 * at a per-year 年 (period_at, or a word of the lexicon such as 年收入) stops
 * there, as 年 is a stop word, so the owner printed before it was lost
 * (年产值 of whom?). A common noun of two characters or more right before the
 * 年, on ICU's boundary and a word of wordclass.txt's noun class, is whose
 * yearly amount it is: the run goes on from the 年 over it and the words
 * before it as from any head. The caller prints the owner with the metric and
 * files the normal form from the 年 (the labels name 年产值; an owner says
 * whose, as zsi_owner_front() and zsi_org_front() have it). Not a verb, an
 * adverb or a time word before the 年 (预计|年收益: a predicate; 其中|年产值:
 * the clause's), nor a place (a place ends a run anyway), nor a number's date
 * (2019年). @return where the metric starts, b when no owner.
 */
size_t zsi_period_owner(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e)
{
    size_t pb, nb;
    if (b <= cut || b <= wb->s || e < b + 6 || memcmp(p + b, "\xE5\xB9\xB4", 3) != 0 || /* 年 */
        !zsi_wb_is(wb, b))
        return b;
    pb = zsi_wb_le(wb, b - 1);
    if (pb < cut || pb < wb->s || zsi_nchars(p, pb, b) < 2 || !zsi_all_run(p, pb, b) ||
        !zsi_is_noun_word(p, pb, b) || zsi_is_stop_word(p, pb, b) || zsi_has_numeral(p, pb, b))
        return b;
    nb = zsi_run_start(wb, p, cut, b, e);
    return nb <= pb ? nb : b;
}

/* Is p[s..e) a word of two to four Han characters that the lexicon does not
 * know at all (床位, 医保)? wordclass.txt lists verbs seen 20 times in
 * jieba's corpus but common nouns only from 100: such a word is most likely
 * a rarer noun. */
static int unknown_word(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row, n = zsi_nchars(p, s, e), q;
    if (!w || n < 2 || n > 4 || zsi_words_find(w, p + s, e - s, &row))
        return 0;
    for (q = s; q < e;) {
        unsigned cp;
        q += zsi_utf8_decode(p + q, e - q, &cp);
        if (!zsi_m_is_han(cp))
            return 0;
    }
    return !zsi_match_ending(zsi_mset(MSEC_STOP), p, s, e) && !zsi_has_numeral(p, s, e);
}

/* Is the one-character word p[pb..b) a closed-class word (以, 等, 直) that
 * begins a run of one-character pieces, as ICU leaves a word its dictionary
 * does not know (以|工|代|赈|资金, 直|靠|率)? Then it is that word's first
 * character, not a word that ends the run; the run ends with it. Structural
 * particles, conjunctions and the words below always stand alone. */
static int lone_piece(const zsi_wbounds *wb, const char *p, size_t pb, size_t b, size_t from,
                      size_t e)
{
    size_t nb, ls, le;
    unsigned cp;
    if (zsi_nchars(p, pb, b) != 1 || b >= from)
        return 0;
    nb = zsi_wb_gt(wb, b);
    if (nb > from || zsi_nchars(p, b, nb) != 1)
        return 0;
    /* 以|总价, 曾|净亏损: where the most likely cut by word frequencies
     * has a word from the next piece to a word end at the head or beyond,
     * it is a word of its own (not in 自|付费|用, 以工代赈) */
    if (zsi_lex_inside(p, wb->s, nb, e, &ls, &le) && ls == b && le >= from && zsi_wb_is(wb, le))
        return 0;
    if (!zsi_is_class_stop(p, pb, b) && !zsi_is_stop_word(p, pb, b))
        return 0;
    zsi_utf8_decode(p + pb, b - pb, &cp);
    if (!zsi_m_is_han(cp) || zsi_is_alone(cp))
        return 0;
    if (pb > wb->s) {
        /* 这|片|总面积, 一|项|新技术: a classifier after a determiner or a
         * numeral is a word of its own */
        unsigned before;
        zsi_utf8_before(p, pb, &before);
        if (zsi_is_alone(before) || zsi_cn_numeral(before) >= 0 || zsi_is_digit_cp(before))
            return 0;
    }
    return 1;
}

/* Is p[pb..b) the numeral 一 right after a determiner (这一|比例, 那一|年份,
 * 该一|数值)? 这一 points at a thing named before, as 这 alone does; it counts
 * nothing and is no part of the noun after it, so the run stops there. */
static int points_one(const char *p, size_t cut, size_t pb, size_t b)
{
    unsigned before;
    if (b - pb != 3 || memcmp(p + pb, "\xE4\xB8\x80", 3) != 0 || pb <= cut)
        return 0; /* 一 */
    zsi_utf8_before(p, pb, &before);
    return zsi_is_determiner(before);
}

/*
 * 四级|豆油报价, 二三|级|医院占比: a numeral and 级 (grade) make a
 * distinguishing word, one grade of the thing named (一级, 四级, 二三级), as
 * 国家级 of [modifiers] does: it says which quantity and is part of the
 * metric, where a numeral alone counts things and ends the run. So does a
 * rank of 强 (500强|企业, 三十|强|主营业务收入: the top 500 firms), whose
 * number may be printed in digits. @return where the grade word that ends
 * at b starts (b when none), never before cut.
 */
size_t zsi_grade_start(const char *p, size_t cut, size_t b)
{
    size_t q;
    int top;
    if (b < cut + 6)
        return b;
    top = memcmp(p + b - 3, "\xE5\xBC\xBA", 3) == 0; /* 强 */
    if (!top && memcmp(p + b - 3, "\xE7\xBA\xA7", 3) != 0) /* 级 */
        return b;
    for (q = b - 3; q > cut;) {
        size_t l = zsi_utf8_prev(p, q);
        unsigned cp = zsi_cp_at(p, q - l, b);
        if ((zsi_cn_numeral(cp) < 0 && !(top && zsi_is_digit_cp(cp))) || cp == 0x4E07 ||
            cp == 0x4EBF) /* not 万 亿 */
            break;
        q -= l;
    }
    return q < b - 3 ? q : b;
}

/*
 * 9月10日|起|出厂价, “十二五”|时期|铁路投资, 2019年|以来|新增贷款, 7月|初|价格:
 * a word right after a date or a numbered period (a digit, a Chinese
 * numeral, 日, 月, 年, 号, or a closing quote after a numeral) that closes
 * the time phrase: a word of two characters or more that jieba calls a
 * direction or time word (f, t: 以来, 期间, 月初) or a time noun by its form
 * (…期: 时期), or 起 (from that day). Not a time word of one character (年
 * 供气量, 日缺水量: per year, per day, part of the metric), nor a time word
 * after a lone 年 or 月 (年|税后|利润), nor a word that starts with the
 * date's 日 (20|日期|价), nor a word whose end falls inside a word of
 * jieba's most likely cut (年中|转: 中转).
 * The metric starts after it.
 */
static int closes_time(const char *p, size_t cut, size_t pb, size_t b, size_t e)
{
    size_t st[2], js, je, hi = b;
    char tg[1];
    unsigned c;
    int k;
    if (pb <= cut || b - pb < 3 || b - pb > 6 || zsi_lex_cut(p, pb, b, st, tg, 1) != 1)
        return 0; /* a word of one or two bytes (a letter, a stray byte) is no time word */
    c = zsi_cp_at(p, pb - zsi_utf8_prev(p, pb), pb);
    if (c == 0x201D && pb - 3 > cut) /* ” after a numeral: “十二五” */
        c = zsi_cp_at(p, pb - 3 - zsi_utf8_prev(p, pb - 3), pb - 3);
    if (!zsi_is_digit_cp(c) && zsi_cn_numeral(c) < 0 && c != 0x65E5 && c != 0x6708 && c != 0x5E74 &&
        c != 0x53F7) /* 日 月 年 号 */
        return 0;
    if (b - pb == 3) /* 起 */
        return memcmp(p + pb, "\xE8\xB5\xB7", 3) == 0;
    if (tg[0] == 't' && (c == 0x5E74 || c == 0x6708))
        return 0; /* 年|税后|利润, 每年|税前|利润: after 年 or 月 a time word
                   * may say which amount (pre-tax), not when */
    if (zsi_cp_at(p, pb, b) == 0x65E5)
        return 0; /* 20|日期|价: ICU took the date's 日 into a word */
    if (tg[0] != 'f' && tg[0] != 't' && memcmp(p + b - 3, "\xE6\x9C\x9F", 3) != 0)
        return 0; /* 期: 时期 */
    for (k = 0; k < 2 && hi < e; k++)
        hi += zsi_utf8_decode(p + hi, e - hi, &c);
    return !zsi_lex_inside(p, pb, b, hi, &js, &je);
}

/*
 * 服务|类|项目, 货物|类|采购额: a classifier of one character (jieba's q)
 * right after a common noun of two characters or more makes a kind (服务类,
 * the service kind) and is part of the metric, where alone, as a [stop]
 * word, it ends the run; not the last kind of a list (A及B类), whose head
 * the kinds share. @return where the kind word ending at b starts, b
 * when none, never before cut.
 */
static size_t kind_start(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b)
{
    size_t st[2], ppb;
    char tg[2];
    if (zsi_nchars(p, pb, b) != 1 || pb <= cut || pb <= wb->s ||
        zsi_lex_cut(p, pb, b, st, tg, 1) != 1 || tg[0] != 'q')
        return b;
    ppb = zsi_wb_le(wb, pb - 1);
    if (ppb < cut || zsi_nchars(p, ppb, pb) < 2 || zsi_has_numeral(p, ppb, pb) ||
        !(zsi_is_noun_word(p, ppb, pb) || zsi_is_vnoun(p, ppb, pb)) || zsi_is_stop_word(p, ppb, pb))
        return b;
    if (zsi_conj_before(wb, p, cut, ppb) ||
        (ppb >= 3 && !memcmp(p + ppb - 3, "\xE3\x80\x81", 3))) /* 、 */
        return b; /* 机电产品及设备|类: the last of a list of kinds, which share the head */
    return ppb;
}

/*
 * Is the word p[ppb..b), right before a verb that heads a compound with a
 * one-word head (授权|量, 复苏|指数), a noun of that compound: a common noun
 * or a word the lexicon lacks (发明专利, 床位), or a verb-noun (消费|复苏|指数,
 * 义务教育|达标|率, 农网|供电|可靠率: what the verb is done to or by)? Not a
 * verb-noun right after a one-character verb of jieba's (加|运费|成交价,
 * 缴|学费): it is that verb's object, and the compound ends at it.
 */
static int noun_before_verb(const zsi_wbounds *wb, const char *p, size_t cut, size_t ppb, size_t b)
{
    size_t q;
    if (zsi_is_noun_word(p, ppb, b) || unknown_word(p, ppb, b))
        return 1;
    if (!zsi_is_vnoun(p, ppb, b))
        return 0;
    if (ppb <= cut || ppb <= wb->s)
        return 1;
    q = zsi_wb_le(wb, ppb - 1);
    return q < cut || !zsi_one_char_tagged(p, q, ppb, 'v');
}

/*
 * Is the noun phrase starting at p[ppb] (the words before a verb) counted:
 * a numeral and a classifier of counts before it, read back over up to
 * four words of Han that are no stop word (向|120万名|失业人员|发放,
 * 向|300余家|新型|农业|经营主体|发放, 6000个|受害|家庭|发放)? A counted
 * noun refers to things, the ones the verb acts for or by, so the verb is
 * the clause's predicate, as after a noun right after a numeral (zsi_quantified).
 * A date is no count (2030年|体育|竞赛|表演).
 */
static int counted_np(const zsi_wbounds *wb, const char *p, size_t cut, size_t ppb, size_t e)
{
    size_t q = ppb, qb, l, l0;
    unsigned c0;
    int k;
    for (k = 0; k < 4 && q > cut && q > wb->s; k++) {
        if (zsi_counted_before(wb, p, cut, q, e))
            return 1;
        qb = zsi_wb_le(wb, q - 1);
        if (qb < cut || !zsi_all_run(p, qb, q) || zsi_has_numeral(p, qb, q) ||
            zsi_is_stop_word(p, qb, q))
            return 0;
        q = qb;
    }
    /* the window of a figure starts after the figure before it, which may
     * be the count of the noun (120万名|失业人员|发放 of 向120万名…) */
    if (q > cut || q < 6)
        return 0;
    l = zsi_utf8_prev(p, q);
    if (zsi_unit_is_class(p + q - l, l, "count") != 1)
        return 0;
    l0 = zsi_utf8_prev(p, q - l);
    c0 = zsi_cp_at(p, q - l - l0, q - l);
    return zsi_is_digit_cp(c0) || zsi_cn_numeral(c0) >= 0 || c0 == 0x591A ||
           c0 == 0x4F59; /* 多 余 */
}

/*
 * 半导体|制造|设备|销售总额, 条码|支付|交易|笔数: a verb of jieba's (v)
 * between a common noun and a noun that modifies the head is no predicate
 * but part of one compound (sales of chip-making equipment), as
 * 政府|采购|额 is before a one-word head. Not a [strip] predicate (企业|完成|
 * 投资), not before the head's own word (银行|发放|国家助学贷款: the object
 * of the clause's verb), not after a place or another stop word (我国|吸引),
 * nor after a noun that is counted or follows a preposition (为|企业|发放,
 * 6000个|家庭|发放, counted_np: the one the verb acts for or by). @return 1
 * when the verb p[pb..b) is inside the compound.
 */
/* 显示, 认为, 担心, 导致: a verb of showing, thinking, fearing or causing
 * takes a clause for its object, so the noun before it is who says or what
 * causes (数据|显示, 受访者|担心, 疫情|导致), never a part of the metric. */
static int takes_clause(const char *p, size_t s, size_t e)
{
    return zsi_whole_in(MSEC_SAYING, p, s, e);
}

static int verb_in_compound(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                            size_t from, size_t e)
{
    size_t st[2], ppb, nb, q;
    char tg[2];
    const zsi_phrase *sp;
    if (zsi_nchars(p, pb, b) < 2 || zsi_has_numeral(p, pb, b) || takes_clause(p, pb, b) ||
        zsi_lex_cut(p, pb, b, st, tg, 1) != 1 || tg[0] != 'v')
        return 0;
    sp = zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, b);
    if (sp && sp->len == b - pb)
        return 0;
    nb = zsi_wb_gt(wb, b);
    if (nb >= from || nb > e || !(zsi_is_noun_word(p, b, nb) || zsi_is_vnoun(p, b, nb)))
        return 0;
    if (pb <= cut || pb <= wb->s)
        return 0;
    ppb = zsi_noun_span(wb, p, cut, zsi_wb_le(wb, pb - 1), pb);
    if (ppb < cut || !zsi_all_run(p, ppb, pb) || zsi_nchars(p, ppb, pb) < 2 ||
        zsi_has_numeral(p, ppb, pb) || zsi_is_stop_word(p, ppb, pb) || zsi_quantified(p, ppb))
        return 0;
    if (!(zsi_is_noun_word(p, ppb, pb) || zsi_is_vnoun(p, ppb, pb)))
        return 0;
    if (ppb > cut && ppb > wb->s) {
        q = zsi_wb_le(wb, ppb - 1);
        if (q >= cut && zsi_one_char_tagged(p, q, ppb, 'p'))
            return 0;
    }
    return !counted_np(wb, p, cut, ppb, e);
}

/*
 * 出货|占比, 批发|均价, 点火|时长: a head of two or three characters that
 * names a share, a rate, a price or a time (a known phrase or a suffix
 * ending in 比 率 价 例 重 时 长: 占比, 均价, 时长) is one word though ICU
 * cuts it (占|比为): the verb right before it (jieba's v or vn, of two
 * characters or more) says which share or price, as before a head ICU keeps
 * whole (持股|比例, 发射|成功率). Not before a sum (创造|营收, 增加|净利润):
 * there the verb is the predicate that yields it.
 */
static int kind_head(const char *p, size_t s, size_t e)
{
    static const char set[] = "比率价例重时长";
    size_t n = zsi_nchars(p, s, e);
    const zsi_phrase *x = zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, s, e);
    if (n < 2 || n > 3 ||
        !zsi_in_set(set, sizeof set - 1, zsi_cp_at(p, e - zsi_utf8_prev(p, e), e)))
        return 0;
    return zsi_lookup_exact(p + s, e - s) || (x && x->len == e - s);
}

/* Is p[s..e) one verb or verb-noun of jieba's (v, vn) of two characters or
 * more that the data calls no change or [strip] predicate (增加, 实现)? */
static int kind_verb(const char *p, size_t s, size_t e)
{
    size_t st[2];
    char tg[2];
    if (zsi_nchars(p, s, e) < 2 || zsi_lex_cut(p, s, e, st, tg, 1) != 1 ||
        (tg[0] != 'v' && tg[0] != 'V'))
        return 0;
    return !zsi_match_ending(zsi_mset(MSEC_CHANGE), p, s, e) &&
           !zsi_match_at(zsi_mset(MSEC_STRIP), p, s, e);
}

/* Is p[s..m) a verb of two characters (jieba's v) right before the 率
 * that ends at e, so that the two make a rate the lexicon lacks (兑现率,
 * 拨付率)? A [stop] or [strip] verb too: those words are the clause's
 * predicate before a sum (兑现资金), but 率 makes the verb a noun. Not a
 * [change] verb (增长率 is read as a change), and not before 量: a verb
 * before an amount is the clause's predicate as often as its name. */
static int rate_verb(const char *p, size_t s, size_t m, size_t e)
{
    size_t st[2];
    char tg[2];
    if (e - m != 3 || memcmp(p + m, "\xE7\x8E\x87", 3) != 0 || zsi_nchars(p, s, m) != 2 ||
        zsi_lex_cut(p, s, m, st, tg, 1) != 1 || tg[0] != 'v')
        return 0;
    return !zsi_match_ending(zsi_mset(MSEC_CHANGE), p, s, m);
}

/*
 * 涉案|总价值, 采购|总金额, 接待|总人数, 签约|总投资: a total (a head that
 * starts with 总) right after a verb of two characters is the total of what
 * the verb does, and the verb is part of its name; without it the metric
 * says only "the total". Not a [stop] word (提供, 涉及), filler (达到), a
 * hedge (超过) or a [change] word, and not a verb of [strip] (完成, 累计), which the run takes
 * as before. pb..b is the verb, b the run's start (总, or the head's word
 * that starts with it), from its head, e its end.
 */
static int total_verb(const zsi_wbounds *wb, const char *p, size_t pb, size_t b, size_t from,
                      size_t e)
{
    if ((b != from && zsi_wb_gt(wb, b) != from) || e - b <= 3 ||
        memcmp(p + b, "\xE6\x80\xBB", 3) != 0) /* 总 */
        return 0;
    {
        /* not a total whose normal form drops the 总 (总投资 -> 投资): a
         * verb before it is a clause's predicate (包括|总投资, 引入|总投资) */
        const zsi_phrase *k = zsi_lookup_exact(p + b, e - b);
        if (k && (k->nlen < 3 || memcmp(k->norm, "\xE6\x80\xBB", 3) != 0))
            return 0;
    }
    return zsi_nchars(p, pb, b) == 2 && kind_verb(p, pb, b) && !zsi_is_stop_word(p, pb, b) &&
           !zsi_all_filler(p, pb, b) && !zsi_hedge_at(p, b, pb);
}

/*
 * 这批|案件|涉案总价值, 该|公司|销售总额, 一周|时间|捐款总金额: a noun pointed
 * at or counted (a determiner and a classifier before it, zsi_quantified,
 * or a word with a numeral right before it) is the thing whose total it is
 * or the span of time it took, the clause's subject or adverbial, and no
 * part of the total's name. ppb is the noun's start.
 */
static int pointed_noun(const zsi_wbounds *wb, const char *p, size_t cut, size_t ppb)
{
    size_t l, q;
    if (zsi_quantified(p, ppb))
        return 1;
    if (ppb <= cut || ppb <= wb->s)
        return 0;
    q = zsi_wb_le(wb, ppb - 1);
    if (q >= cut && zsi_has_numeral(p, q, ppb))
        return 1;
    if (ppb < cut + 6)
        return 0;
    l = zsi_utf8_prev(p, ppb);
    return zsi_m_is_han(zsi_cp_at(p, ppb - l, ppb)) &&
           zsi_is_determiner(zsi_cp_at(p, ppb - l - zsi_utf8_prev(p, ppb - l), ppb - l));
}

/*
 * 全国|旅游|接待总人数, ，|定向|捐赠总价值: does the noun at p[ppb] open its
 * phrase, after the clause's start, a punctuation mark, a stop word or a
 * place (which no run crosses)? A noun after more words of the run is the
 * last of a longer phrase (试点中选|品种|采购总数量, 佛教|经典|集成总字数):
 * that noun alone would be a fragment, and the total keeps its verb only.
 */
static int opens_phrase(const zsi_wbounds *wb, const char *p, size_t cut, size_t ppb)
{
    size_t q;
    if (ppb <= cut || ppb <= wb->s)
        return 1;
    q = zsi_wb_le(wb, ppb - 1);
    return q < cut || !zsi_all_run(p, q, ppb) || zsi_is_stop_word(p, q, ppb) ||
           zsi_town_ends_at(wb, p, cut, ppb);
}

/*
 * 种植|户|人均收入, 超大|班|额|比例, 精炼|铜|产量, 交换|膜|燃料电池成本: a run
 * that would start with a lone one-character piece (户, 班, 铜, 膜) right
 * after a short verb or adjective it stops at starts with that word: such a
 * piece ends the word before it (growers, oversized classes, refined
 * copper), which says which quantity, and a metric starting at the piece
 * starts inside that word. The word is a verb or an adjective of jieba's of
 * two characters (种植, 超大), no [stop], [strip] or [change] word (实现|年|
 * 销售收入: the normal form drops it); the piece is no word's first
 * character (节省|电|费).
 * pb..b is the word stopped at, b the run's start, from its head, e its end.
 */
static int piece_binds(const zsi_wbounds *wb, const char *p, size_t pb, size_t b, size_t from,
                       size_t e)
{
    size_t nb = zsi_wb_gt(wb, b), hi = b, st[5];
    char tg[5];
    unsigned cp;
    int k, w;
    if (b >= from || nb > from || zsi_nchars(p, b, nb) != 1 || !zsi_m_is_han(zsi_cp_at(p, b, nb)))
        return 0;
    if (zsi_nchars(p, pb, b) != 2 || zsi_lex_cut(p, pb, b, st, tg, 1) != 1 ||
        (tg[0] != 'v' && tg[0] != 'a') || zsi_is_stop_word(p, pb, b) ||
        zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, b) ||
        zsi_match_ending(zsi_mset(MSEC_CHANGE), p, pb, b))
        return 0;
    /* the piece is a noun or a classifier of jieba's (户, 膜, 厂: not 全 or
     * 软, which begin a phrase: 全连, 软小麦) and a word of its own in the
     * cut of it and what follows (户|人均; not 电 of 电费, 军 of 军队) */
    if (zsi_lex_cut(p, b, nb, st, tg, 1) != 1 || !tg[0] || !strchr("nqzgS", tg[0]))
        return 0;
    for (k = 0; k < 6 && hi < e; k++)
        hi += zsi_utf8_decode(p + hi, e - hi, &cp);
    w = zsi_lex_cut(p, b, hi, st, tg, 4);
    return w >= 1 && (w == 1 ? hi == nb : st[1] == nb);
}

/*
 * 收入|增|速, 需求|增|速: ICU may cut a rate noun it knows whole elsewhere
 * into single characters after some nouns. A head p[from..e) that is a
 * change word of [change] whole and one word of jieba's lexicon (增速) is
 * one word there too, so the word before it (收入, 需求: nouns the lexicon
 * may also tag a verb) says whose rate it is, as before any one-word head
 * (汽车收入|增速, 全球需求|增速). Not other heads ICU cuts (销售|额): a
 * verb or conjunction before them is the clause's (如果|销售额); nor one
 * whose end ICU puts inside a word (增|速比: the metric would end inside it).
 */
static int one_word_head(const zsi_wbounds *wb, const char *p, size_t from, size_t e)
{
    const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_CHANGE), p, from, e);
    return k && k->len == e - from && zsi_wb_is(wb, e) && zsi_lex_is_word(p, from, e);
}

/* Is p[s..e) one word of jieba's most likely cut that is a conjunction, an
 * adverb, a preposition, a pronoun or a particle (c, d, p, r, u: 尽管, 虽然,
 * 其)? Such a word before a rate noun opens the clause; it names nothing. */
static int lex_closed(const char *p, size_t s, size_t e)
{
    size_t st[2];
    char tg[2];
    return zsi_lex_cut(p, s, e, st, tg, 1) == 1 && tg[0] && strchr("cdpru", tg[0]);
}

/* Is p[s..e) one word of jieba's most likely cut that is a conjunction or a
 * preposition (虽然, 可是, 通过, 按照)? Before any one-word head it opens the
 * clause or a prepositional phrase (虽然|租金涨到…, 按照|成本的8%加价), never
 * the metric's first word as a verb is (完成|投资). Not adverbs here: jieba
 * tags d some words that do name a kind (长期|利率, 正常|率, 再|就业). The
 * caller asks only for a word of two characters before a head of two (not
 * 同|比例, 按|额定, nor 通过|量 or 及时|率, one noun). */
static int lex_clause_word(const char *p, size_t s, size_t e)
{
    size_t st[2];
    char tg[2];
    return zsi_lex_cut(p, s, e, st, tg, 1) == 1 && tg[0] && strchr("cp", tg[0]);
}

/* Is p[s..e) a word of [never] (至少, 大概, 创造, 包括, 期间), which is no
 * metric alone, and so no metric's first word before a one-word head
 * either: it says how large a figure is, what a clause makes or when, and
 * the head alone names it (至少|价值, 创造|利润, 春节期间|浏览量). Not a
 * currency of [never]: before a one-word head it names what is priced or
 * indexed (美元|指数, 美元|比价). */
static int never_lead(const char *p, size_t s, size_t e)
{
    return zsi_whole_in(MSEC_NEVER, p, s, e) && zsi_unit_is_class(p + s, e - s, "money") == 0;
}

/*
 * 两家企业|共同|投资, 乙县|分别|减税, 该公司|再度|亏损: an adverb
 * of jieba's (d) of two characters or more, one word of its cut, right
 * before a one-word head of two characters or more that jieba tags a verb
 * or a verbal noun, says how or when the clause's verb acts on the figure
 * that follows it as its object: no part of what the figure is (投资, 减税,
 * 亏损). Only when the figure follows the head (after a 了 or a currency
 * at the most: 分别|贬值了12%, 共同|投资港币): jieba tags d words
 * that also say the kind of a noun (长期|预算里最少30%, 正常|经费开销, a
 * 特别|减税 before it). The subject before the adverb goes too
 * (企业|共同|投资, 党员|自愿|捐款: the run went on over a common noun).
 * p[s..e) is the word before the head p[from..he); wb->e ends the window.
 */
static int adverb_lead(const zsi_wbounds *wb, const char *p, size_t s, size_t e,
                       size_t from, size_t he)
{
    size_t st[2], t = he;
    char tg[2];
    if (zsi_nchars(p, s, e) < 2 || zsi_nchars(p, from, he) < 2 ||
        zsi_lex_cut(p, s, e, st, tg, 1) != 1 || tg[0] != 'd' ||
        zsi_lex_cut(p, from, he, st, tg, 1) != 1 || (tg[0] != 'v' && tg[0] != 'V'))
        return 0;
    if (t + 3 <= wb->e && memcmp(p + t, "\xE4\xBA\x86", 3) == 0) /* 了 */
        t += 3;
    if (t < wb->e && zsi_unit_is_class(p + t, wb->e - t, "money") != 1)
        return 0;
    return 1;
}

/*
 * Where a run of whole words ending at word start `from` begins: back over
 * Han, letters and digits, at most MAX_RUN_CHARS characters up to e, never
 * over a [stop] word or a place name, never past cut. A qualifier of
 * [modifiers] (规模以上, 国家级) or a known phrase (固定资产投资比重) is
 * crossed whole. A word of the closed
 * classes or a verb (is_class_stop) ends the run: right before a one-word
 * head it is the metric's first word (完成|投资, 新增|贷款, 出口|额), else it
 * is the clause's verb or adverb and stays out (吸引|外商直接投资).
 */
size_t zsi_run_start(const zsi_wbounds *wb, const char *p, size_t cut, size_t from, size_t e)
{
    size_t b, chars, vn_b = 0;
    int icu_one = zsi_wb_gt(wb, from) >= e, crossed = 0, is_mod, total = 0;
    int split = !icu_one && one_word_head(wb, p, from, e), one_word = icu_one || split;
    int kind = !one_word && kind_head(p, from, e);
    if (one_word && from > cut && from > wb->s && zsi_rate_or_amount(p, from, e)) {
        /* 成功|率, 开工|率, 业务|量: ICU cuts a rate or an amount noun of
         * the lexicon (成功率, 业务量) before its suffix. The word is the
         * head: a verb before it names what the rate counts (救治|成功率,
         * 发射|成功率) and a noun before it is crossed as before any head
         * (快递|业务量). A rate the lexicon lacks is named by its verb the
         * same way (兑现|率, 拨付|率, 执行|率: the share of what was
         * promised that was paid out), as long as the verb is not the
         * clause's change or payment (增长|率 is [change]'s) */
        size_t x = zsi_wb_le(wb, from - 1);
        if (x >= cut && zsi_all_run(p, x, from) && zsi_lex_is_word(p, x, e) &&
            !zsi_is_stop_word(p, x, from)) {
            from = x;
        } else if (x >= cut && zsi_all_run(p, x, from) && rate_verb(p, x, from, e)) {
            /* the verb is the rate's name, not a head a verb before it
             * may name in turn (中西医|结合|诊治率: not 结合诊治率) */
            from = x;
            one_word = 0;
        }
    }
    b = from;
    chars = zsi_nchars(p, b, e);
    while (b > cut && b > wb->s) {
        size_t pb = zsi_wb_le(wb, b - 1), wc;
        const zsi_phrase *mod;
        if (pb < cut || zsi_town_ends_at(wb, p, cut, b) || zsi_counted_before(wb, p, cut, b, e))
            break;
        /* 2016-2020|年均增长率: a number right before the run's 年 is a
         * date that owns the 年, no part of the metric */
        if (e - b > 3 && memcmp(p + b, "\xE5\xB9\xB4", 3) == 0 &&
            zsi_has_numeral(p, b - zsi_utf8_prev(p, b), b))
            break;
        if (p[pb] == '\n' || p[pb] == '\r') {
            b = pb; /* a layout line break inside the phrase */
            continue;
        }
        {
            size_t g = zsi_grade_start(p, cut, b);
            if (g < b && (g <= wb->s || zsi_wb_is(wb, g) || zsi_lex_is_word(p, g, b)) &&
                chars + zsi_nchars(p, g, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, g, b);
                b = g;
                continue;
            }
        }
        if (b - pb == 3 && memcmp(p + pb, "\xE5\xB9\xB4", 3) == 0) {
            /* 人均|年|收入, 户均|年|增收: a per-unit word before the 年 of a
             * yearly amount owns it; the 年 stops the run elsewhere */
            const zsi_phrase *pu = zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, cut, pb);
            if (pu && zsi_wb_is(wb, pb - pu->len) &&
                chars + 1 + zsi_nchars(p, pb - pu->len, pb) <= MAX_RUN_CHARS) {
                chars += 1 + zsi_nchars(p, pb - pu->len, pb);
                b = pb - pu->len;
                continue;
            }
        }
        mod = zsi_match_ending(zsi_mset(MSEC_MODIFIER), p, cut, b);
        is_mod = mod != NULL;
        if (!mod)
            mod = zsi_match_ending(zsi_mset(MSEC_PHRASES), p, cut, b); /* 固定资产投资|比重 */
        if (!mod)
            mod = zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, cut, b); /* 人均|公园绿地面积 */
        if (mod && zsi_wb_is(wb, b - mod->len) &&
            chars + zsi_mod_chars(p, b - mod->len, b, is_mod) <= MAX_RUN_CHARS) {
            chars += zsi_mod_chars(p, b - mod->len, b, is_mod);
            b -= mod->len;
            continue;
        }
        {
            size_t nb = zsi_noun_span(wb, p, cut, pb, b); /* 服务|业|实际使用外资: 服务业 whole */
            /* 达|标|率, 自|给|率: right before a one-word head, a verb of
             * jieba's that ICU cuts in two is one word, so that it makes a
             * compound with the head below rather than leaving half of it
             * on the metric (标率); further left the pieces are crossed as
             * before (存|续|规模占比) */
            if (nb < pb || b != from || !one_word)
                pb = nb;
            else
                pb = zsi_word_span(wb, p, cut, pb, b, ZSW_STOP_);
        }
        /* 在新项目|里|占比, 园区|内|企业数: a direction word standing alone
         * after a noun is a postposition that closes a place phrase (in
         * the projects); the metric starts after it */
        if (zsi_nchars(p, pb, b) == 1 && zsi_is_direction(zsi_cp_at(p, pb, b)) &&
            (b >= from || zsi_nchars(p, b, zsi_wb_gt(wb, b)) > 1))
            break; /* not 内|销|比重: a lone piece after it is its word's end */
        if (closes_time(p, cut, pb, b, e))
            break;
        if (points_one(p, cut, pb, b))
            break;
        {
            size_t k = kind_start(wb, p, cut, pb, b);
            if (k < b && chars + zsi_nchars(p, k, b) <= MAX_RUN_CHARS) {
                chars += zsi_nchars(p, k, b);
                b = k;
                continue;
            }
        }
        if (zsi_all_run(p, pb, b) && lone_piece(wb, p, pb, b, from, e) &&
            chars + 1 <= MAX_RUN_CHARS) {
            b = pb; /* 以|工|代|赈|资金: the first piece of a word ICU does not know */
            break;
        }
        if (!zsi_all_run(p, pb, b) || zsi_is_stop_word(p, pb, b)) {
            if (piece_binds(wb, p, pb, b, from, e) && chars + zsi_nchars(p, pb, b) <= MAX_RUN_CHARS)
                b = pb;
            break;
        }
        wc = zsi_nchars(p, pb, b);
        if (chars + wc > MAX_RUN_CHARS) {
            /* whole words only: the run never starts inside one; and not at
             * a one-character word that ends the word before it (科技|型|企业) */
            while (zsi_nchars(p, b, zsi_wb_gt(wb, b)) == 1 && zsi_wb_gt(wb, b) < from)
                b = zsi_wb_gt(wb, b);
            break;
        }
        if (zsi_is_class_stop(p, pb, b)) {
            size_t ppb;
            const zsi_phrase *st;
            if (zsi_has_numeral(p, pb, b) || crossed)
                break;
            /* before a rate noun ICU cut, a verb of the lexicon (收入, 需求:
             * jieba's v) says whose rate, but a conjunction or an adverb
             * (尽管|增速, 虽然|增速) opens the clause */
            if (b != from ||
                !((one_word && !(split && lex_closed(p, pb, b)) && !never_lead(p, pb, b) &&
                   !adverb_lead(wb, p, pb, b, from, e) &&
                   !(wc >= 2 && zsi_nchars(p, from, e) >= 2 && lex_clause_word(p, pb, b))) ||
                  (kind && kind_verb(p, pb, b)))) {
                if (verb_in_compound(wb, p, cut, pb, b, from, e)) {
                    b = pb; /* crossed as a noun of the compound */
                    chars += wc;
                    crossed = 1;
                    continue;
                }
                /* 新增|社会|融资, 累计|利用|外资: a [strip] predicate before a
                 * head of more words is printed with it, as before a
                 * one-word head (完成|投资); the normal form drops it */
                st = zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, b);
                /* 2: a verb of the most frequent */
                total = !total_verb(wb, p, pb, b, from, e)              ? 0
                        : zsi_lex_count(p, pb, b) >= VERB_GENERAL ? 2
                                                                  : 1;
                if (!total) {
                    if ((st && st->len == b - pb) ||
                        (piece_binds(wb, p, pb, b, from, e) && chars + wc <= MAX_RUN_CHARS))
                        b = pb;
                    break;
                }
                /* 旅游|接待|总人数, 南南合作项目|派出|总人数: the verb of a
                 * total is the total's name, as before a one-word head, and
                 * a noun right before it makes one compound of the three
                 * (the total of visitors the tourist trade received); not
                 * after a noun pointed at (pointed_noun), nor with one of
                 * the most frequent verbs (成立, 成为: VERB_GENERAL), which
                 * are a clause's predicate (公司|成立|总规模…的基金) */
            }
            b = pb;
            chars += wc;
            /* 发明专利|授权|量, 政府|采购|额: a common noun right before the
             * verb makes one compound of the three, unless the verb is a
             * clause's predicate of [strip] (项目|完成|投资: 完成投资). The
             * noun is the lexicon's word even where ICU cut all of it into
             * single characters (专|项|维修|资金: 专项; not 农民|工, where ICU
             * knew the word before the piece) */
            st = zsi_match_at(zsi_mset(MSEC_STRIP), p, pb, from);
            if (st && st->len == from - pb)
                break;
            ppb = b > cut && b > wb->s ? zsi_wb_le(wb, b - 1) : b;
            if (ppb < b && ppb > cut && ppb > wb->s && zsi_nchars(p, ppb, b) == 1 &&
                zsi_nchars(p, zsi_wb_le(wb, ppb - 1), ppb) == 1)
                ppb = zsi_noun_span(wb, p, cut, ppb, b);
            if (ppb >= b || ppb < cut || !noun_before_verb(wb, p, cut, ppb, b) ||
                (total && (total == 2 || pointed_noun(wb, p, cut, ppb))))
                break;
            if (total) {
                if (!zsi_is_stop_word(p, ppb, b) && !zsi_town_ends_at(wb, p, cut, b) &&
                    chars + zsi_nchars(p, ppb, b) <= MAX_RUN_CHARS && opens_phrase(wb, p, cut, ppb))
                    b = ppb;
                break;
            }
            crossed = 1;
            continue;
        }
        if (!vn_b && zsi_is_vnoun(p, pb, b))
            vn_b = b;
        chars += wc;
        b = pb;
    }
    /* 铝及铝加工|产业链产值: a run that crossed a verb-noun and then stops at
     * a conjunction is the tail of a coordination, whose head alone (产业链
     * 产值) is the metric; the verb-noun ends it as a verb did */
    if (vn_b && zsi_conj_before(wb, p, cut, b))
        return vn_b;
    if (period_at(wb, p, cut, b, e) && chars < MAX_RUN_CHARS)
        b -= 3;
    while (b < from && (p[b] == '\n' || p[b] == '\r'))
        b++;
    return b;
}
