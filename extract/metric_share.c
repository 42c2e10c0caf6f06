/*
 * metric_share.c - the share that 占 makes (工业投资占固定资产投资比重达59.3%,
 * 其中健身工作室占70%, 占全省出口总额的6%): where 占 stands as a word, A the
 * subject before it whose share the figure is, B the whole after it that
 * names the share, and a bare total (总量) or a share word (比重) that names
 * no whole of its own. Apart from metric.c because a share is read by its
 * own grammar (A占B的x%), which metric_before() asks about only once it has
 * found no change word.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary; no read before the clause start ws.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Is p[s..s+6) 占 with a verb's complement or aspect (占到, 占了, 占据,
 * 占有), a word ICU keeps whole that says what 占 says (工业投资占到全市
 * 的六成)? */
int zsi_zhan_complement(const char *p, size_t s, size_t we)
{
    static const char *const tail[] = {"\xE5\x88\xB0", "\xE4\xBA\x86", "\xE6\x8D\xAE",
                                       "\xE6\x9C\x89"}; /* 到 了 据 有 */
    size_t i;
    if (s + 6 > we)
        return 0;
    for (i = 0; i < sizeof tail / sizeof tail[0]; i++)
        if (memcmp(p + s + 3, tail[i], 3) == 0)
            return 1;
    return 0;
}

/* Where 占 stands as a word of its own in p[ws..we) (占全市比重; not 占地,
 * 占比), or as the verb of a word of 占 and its complement (占到全市的六成),
 * the last one; NO_ZHAN when none. */
size_t zsi_zhan_at(const char *p, size_t ws, size_t we)
{
    size_t s, z = NO_ZHAN;
    zsi_wbounds wb;
    int broken = 0;
    for (s = ws; s + 3 <= we; s++) {
        if (memcmp(p + s, "\xE5\x8D\xA0", 3) != 0) /* 占 */
            continue;
        if (!broken) {
            size_t lo = s > ws + 9 ? s - 9 : ws;
            while (lo > ws && (p[lo] & 0xC0) == 0x80)
                lo--;
            zsi_wb_compute(&wb, p, lo, we);
            broken = 1;
        }
        if (s >= wb.s && zsi_wb_is(&wb, s) &&
            (zsi_wb_is(&wb, s + 3) || (zsi_zhan_complement(p, s, we) && zsi_wb_is(&wb, s + 6))))
            z = s;
    }
    return z;
}

/*
 * 其中健身工作室占70%, 大型俱乐部占30%: the noun phrase that ends right
 * before 占 at z, by the most likely cut of the words of p[ws..z) (jieba's,
 * with their parts of speech): its last word of a noun's classes and the
 * words before it of a noun's or a modifier's classes, or a verb before a
 * noun (健身|工作室, 采用|建筑|涂料), back to a word of another class (其中,
 * 在) or the clause start. Two characters at least, not a place alone.
 * @return 1 found (norm, raw, at written), 0 none.
 */
int zsi_zhan_subject(const char *p, size_t ws, size_t z, zsi_metric *m)
{
    size_t lo = zsi_han_back(p, ws, z, ZSI_LEX_CUT_MAX), st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    w = zsi_lex_cut(p, lo, z, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || !tg[w - 1] || !strchr(SHARE_HEAD, tg[w - 1]))
        return 0;
    for (i = w - 1; i > 0; i--) {
        char t = tg[i - 1];
        if (!t || !(strchr(SHARE_HEAD, t) || strchr(SHARE_MOD, t) || t == 'v'))
            break;
    }
    if (i == 0 && zsi_nchars(p, lo, z) >= ZSI_LEX_CUT_MAX && lo > ws)
        i++; /* the window may have cut its first word: not taken */
    if (i >= w || zsi_nchars(p, st[i], z) < 2)
        return 0;
    zsi_copy_raw(m->raw, &m->at, p, st[i], z);
    if (zsi_only_place(m->raw)) {
        m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    memcpy(m->norm, m->raw, sizeof m->norm);
    return 1;
}

/* Does a noun phrase starting at b stand whole: at the clause start cut, after
 * punctuation, or after a word a run never crosses (a [stop] word, a place)?
 * Not when a verb, a numeral or the length limit cut it (首位|产业规模以上…,
 * where the lexicon's 首位产业 is one word). */
static int whole_phrase(const char *p, size_t cut, size_t b)
{
    zsi_wbounds wb;
    unsigned cp;
    size_t lo, pb;
    if (b <= cut)
        return 1;
    zsi_utf8_before(p, b, &cp);
    if (!zsi_is_run_char(cp))
        return 1;
    lo = b > cut + 12 ? b - 12 : cut;
    while (lo > cut && (p[lo] & 0xC0) == 0x80)
        lo--;
    zsi_wb_compute(&wb, p, lo, b);
    pb = zsi_wb_le(&wb, b - 1);
    return (pb > wb.s || wb.s == cut) && zsi_is_stop_word(p, pb, b);
}

/* Does 在 stand as a word in p[ws..e) (在一些地区已占到八成: the noun is
 * the object of an adverbial of place, not the one whose share it is)? */
static int zai_before(const char *p, size_t ws, size_t e)
{
    zsi_wbounds wb;
    size_t s;
    if (e <= ws)
        return 0;
    zsi_wb_compute(&wb, p, ws, e);
    for (s = wb.s; s + 3 <= e; s++)
        if (memcmp(p + s, "\xE5\x9C\xA8", 3) == 0 && zsi_wb_is(&wb, s) && zsi_wb_is(&wb, s + 3))
            return 1;
    return 0;
}

/*
 * 铁路大约占七成, 自有品牌只占10%左右, 订单仅占一成: adverbs and time words
 * between a noun phrase and its 占 at z (约, 只, 仅, 已, 目前: jieba's d and
 * t) say how much or when, and leave the share the noun's, as
 * zsi_zhan_subject() reads it with nothing between. Only when the phrase
 * stands whole (the clause start, punctuation other than 、, a [stop] word:
 * not 3D|电视, 欧、美|风格产品, 以上|文化水平, whose front the reading cut),
 * no 的 ends it (符合标准的只占三成: a 的 phrase, those that meet it) and
 * no 在 opens an adverbial before it (在中国市场大约占).
 * @return 1 with m's noun set, 0 none.
 */
int zsi_zhan_subject_past_adverbs(const char *p, size_t ws, size_t z, zsi_metric *m)
{
    size_t ab = zsi_strip_adverbs(p, ws, z), s;
    unsigned cp = 0;
    if (ab >= z || ab <= ws || zsi_has_de(p, ab, z) || !zsi_zhan_subject(p, ws, ab, m))
        return 0;
    s = m->at.s;
    if (s > ws)
        zsi_utf8_before(p, s, &cp);
    if (cp == 0x3001 || !whole_phrase(p, ws, s) || zai_before(p, ws, s)) { /* 、 */
        m->norm[0] = m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    return 1;
}

/*
 * A占B(的)…x%: the figure is A's share of B, named by A, the subject of 占,
 * when A is named right before the 占 (工业投资占固定资产投资比重达59.3%,
 * 农村居民收入占全部收入的六成). z is where 占 stands, ns where the noun found
 * after it starts. @return 1 with m->norm and m->raw set to A, 0 when no A.
 */
int zsi_share_subject(const char *p, size_t ws, size_t z, size_t ns, zsi_metric *m)
{
    char n2[ZSI_METRIC_BYTES], r2[ZSI_METRIC_BYTES];
    size_t c2, e2 = z;
    zsi_span a2;
    if (z == NO_ZHAN || z <= ws || ns < z + 3)
        return 0;
    if (!zsi_subject_noun(p, ws, z, n2, r2, &a2, &c2, &e2, NULL) || zsi_only_place(r2) ||
        !zsi_all_filler(p, e2, z))
        return 0;
    if (!whole_phrase(p, c2, e2 >= c2 + strlen(r2) ? e2 - strlen(r2) : c2))
        return 0;
    memcpy(m->norm, n2, sizeof n2);
    memcpy(m->raw, r2, sizeof r2);
    m->at = a2;
    m->adjacent = 1;
    return 1;
}

/*
 * 占政府采购总支出的27%, 占到中国对该产品总进口量的48%: the object of 占 is
 * the words from 占 (and its complement) to the noun found at ns..ne, whole:
 * the noun found may stop at a verb or a preposition inside it (采购|总支出,
 * 对该|产品总进口量), which in the object of 占 are parts of its name. Only
 * Han between (no digits: 占公司2009年收入, a time is no part of a name), no
 * 的, at most MAX_RUN_CHARS characters,
 * and not when its first word (by the most likely cut) is a pronoun, a time
 * word, an adverb, a preposition or a conjunction (占其总销售额, 占我外贸总值:
 * whose total is said before; 占到目前该国总装机容量: when). m->raw and m->norm then take the words before the noun, m->at the
 * whole. @return 1 extended, 0 not.
 */
/* 占全市手工业|年总产值的30%: the owner of a yearly amount, printed but
 * left out of its normal form (zsi_period_owner), is part of the whole 占
 * names: n2 (ZSI_METRIC_BYTES), the whole's words before ns (off bytes)
 * and m's normal form, takes m's printed form, found at ns, in its place. */
static void owner_in_whole(const char *p, size_t ns, size_t off, const zsi_metric *m, char *n2)
{
    size_t rl = strlen(m->raw), nl = strlen(m->norm);
    if (rl > nl && nl >= 3 && memcmp(m->norm, "\xE5\xB9\xB4", 3) == 0 && /* 年 */
        memcmp(m->raw + rl - nl, m->norm, nl) == 0 && memcmp(p + ns, m->raw, rl) == 0 &&
        off + rl < ZSI_METRIC_BYTES)
        memcpy(n2 + off, m->raw, rl + 1);
}

int zsi_zhan_object(const char *p, size_t z, size_t we, size_t ns, size_t ne, zsi_metric *m)
{
    size_t zs, q, l, nl = strlen(m->norm), st[ZSI_LEX_CUT_MAX + 1];
    char n2[ZSI_METRIC_BYTES], tg[ZSI_LEX_CUT_MAX + 1];
    if (z == NO_ZHAN)
        return 0;
    zs = z + (zsi_zhan_complement(p, z, we) ? 6 : 3);
    if (ns <= zs || ne <= ns || zsi_nchars(p, zs, ne) > MAX_RUN_CHARS || ns - zs + nl >= sizeof n2)
        return 0;
    for (q = zs; q < ns; q += l) {
        unsigned cp;
        l = zsi_utf8_decode(p + q, ns - q, &cp);
        if (!zsi_m_is_han(cp) || cp == 0x7684 || cp == 0x4E4B) /* 的 之 */
            return 0;
    }
    if (zsi_lex_cut(p, zs, ne, st, tg, ZSI_LEX_CUT_MAX) < 1 || strchr("trdpc", tg[0]))
        return 0;
    memcpy(n2, p + zs, ns - zs);
    memcpy(n2 + (ns - zs), m->norm, nl + 1);
    owner_in_whole(p, ns, ns - zs, m, n2);
    zsi_copy_raw(m->raw, &m->at, p, zs, ne);
    memcpy(m->norm, n2, strlen(n2) + 1);
    return 1;
}

/*
 * 待机能耗约占家用电器总能耗的一成, 该类产品将占全部屏幕需求的70%: a 占 whose
 * clause no noun of the data names, with its object between it and the
 * figure (and a 的 closing it), is a share of that object, and the object
 * names it, as zsi_zhan_object() has it for a whole the data names. The object
 * is taken whole when it is Han only (占全年压锭68万锭的: a figure inside),
 * two to MAX_RUN_CHARS characters, not a place alone (占全国的: whose, not
 * what; nor one word of 全: 占全市的, 占全世界的), its first word by the most likely
 * cut no pronoun, time word, adverb, preposition, conjunction, particle,
 * numeral, measure or direction word (占我们总体业务的, 占目前市场的,
 * 占着全国) and
 * its last a common, verbal or other proper noun or an abbreviation (n, V,
 * Z, j), not a verb (占整体消费者比例达到) nor a name the data lacks
 * (占据麦考林75.9%股份: a company's, whose share of what follows), and no
 * preposition inside. m->whole says so: a noun after the figure and its
 * 的 (占合资公司20%的股权) names the share better (figure.c).
 * @return 1 with m's noun set, 0 none.
 */
int zsi_zhan_whole(const char *p, size_t z, size_t we, zsi_metric *m)
{
    size_t zs, e = we, q, l, st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w;
    if (z == NO_ZHAN)
        return 0;
    zs = z + (zsi_zhan_complement(p, z, we) ? 6 : 3);
    if (e >= zs + 3 && memcmp(p + e - 3, "\xE7\x9A\x84", 3) == 0) /* 的 */
        e -= 3;
    if (e <= zs || zsi_nchars(p, zs, e) < 2 || zsi_nchars(p, zs, e) > MAX_RUN_CHARS)
        return 0;
    for (q = zs; q < e; q += l) {
        unsigned cp;
        l = zsi_utf8_decode(p + q, e - q, &cp);
        if (!zsi_m_is_han(cp) || cp == 0x7684 || cp == 0x4E4B) /* 的 之 */
            return 0;
    }
    w = zsi_lex_cut(p, zs, e, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || !tg[0] || strchr("trdpcumqf", tg[0]) || !tg[w - 1] ||
        !strchr("nVZj", tg[w - 1]))
        return 0;
    for (q = 1; q < (size_t)w; q++)
        if (tg[q] == 'p')
            return 0; /* 柯占军在境外执行任务: a preposition; a clause, no name */
    /* 占全市的50%, 占全世界的九成: one word of 全 is a scope, whose share,
     * not of what */
    if (w == 1 && memcmp(p + zs, "\xE5\x85\xA8", 3) == 0) /* 全 */
        return 0;
    zsi_copy_raw(m->raw, &m->at, p, zs, e);
    if (zsi_only_place(m->raw)) {
        m->raw[0] = '\0';
        zsi_span_clear(&m->at);
        return 0;
    }
    memcpy(m->norm, m->raw, sizeof m->norm);
    /* not adjacent: a noun of the data right after the figure
     * (占据麦考林75.9%股份) names it better */
    m->adjacent = 0;
    m->whole = 1;
    return 1;
}

/* Does the noun phrase raw end in a total, 总 and one character (总量, 总数,
 * 总额)? It is a bare total alone or after one word a run stops at (全市总量,
 * 全国总数): it names no whole of its own (企业总量 does). */
int zsi_ends_total(const char *raw)
{
    size_t n = strlen(raw);
    return n >= 6 && memcmp(raw + n - 6, "\xE6\x80\xBB", 3) == 0; /* 总 */
}

int zsi_bare_total(const char *raw)
{
    size_t n = strlen(raw);
    return zsi_ends_total(raw) && (n == 6 || zsi_is_stop_word(raw, 0, n - 6));
}

/*
 * 占苏丹水电装机总量, 占全国经济总量, 占该国大豆出口总量: the printed metric
 * m->raw opens with 占 and ends in a total; its normal form names what the
 * share is of, the words after 占 (tests/quality/README.md: a share is named
 * by what it is a share of; the labels take 苏丹水电装机总量, as they take
 * 该国总装机容量 for 占该国总装机容量). Not a phrase that ends in 比重 or 比例:
 * a change printed after the share takes its noun (占全国就业人员比重为57%，
 * 提高0.9个百分点), and 全国就业人员增速 would name the total's rise. The
 * normal form stays whole when what is left is one character, a place or a
 * stop word alone (占全市比重: whose share, not of what) or a bare total
 * (全国总量).
 */
void zsi_share_of_norm(zsi_metric *m)
{
    static const char *const word[] = {"\xE6\xAF\x94\xE9\x87\x8D",  /* 比重 */
                                       "\xE6\xAF\x94\xE4\xBE\x8B"}; /* 比例 */
    char x[ZSI_METRIC_BYTES];
    size_t n = strlen(m->raw), k;
    if (n <= 3 || memcmp(m->raw, "\xE5\x8D\xA0", 3) != 0) /* 占 */
        return;
    n -= 3;
    memcpy(x, m->raw + 3, n + 1);
    for (k = 0; k < sizeof word / sizeof *word; k++)
        if (n > 6 && memcmp(x + n - 6, word[k], 6) == 0)
            return;
    if (zsi_nchars(x, 0, n) < 2 || zsi_only_place(x) || zsi_is_stop_word(x, 0, n) ||
        zsi_bare_total(x))
        return;
    memcpy(m->norm, x, n + 1);
}

/* A在B中的比重: where the 在 stands when the share word found (m->norm ends in
 * a [share] word) starts right after 中的 or 中, a share of B as 占 makes one
 * (网上零售额在社会消费品零售总额中的比重为20%); NO_ZHAN otherwise. */
size_t zsi_in_at(const char *p, size_t ws, size_t ns, const zsi_metric *m)
{
    size_t q, e = ns, at = NO_ZHAN;
    if (!zsi_match_ending(zsi_mset(MSEC_SHARE), m->norm, 0, strlen(m->norm)))
        return NO_ZHAN;
    if (e >= ws + 3 && memcmp(p + e - 3, "\xE7\x9A\x84", 3) == 0) /* 的 */
        e -= 3;
    if (e < ws + 3 || memcmp(p + e - 3, "\xE4\xB8\xAD", 3) != 0) /* 中 */
        return NO_ZHAN;
    for (q = ws; q + 3 <= e - 3; q++)
        if (memcmp(p + q, "\xE5\x9C\xA8", 3) == 0) /* 在 */
            at = q;
    return at;
}
