/*
 * metric_noun.c - the metric noun nearest the end of a window: candidates are
 * known phrases and runs ending in a suffix (metric_data.c); the nearest one
 * whose edges are word boundaries (metric_wb.c, metric_edge.c) wins, grown
 * left over whole words (metric_run.c), its front trimmed (metric_front.c)
 * and normalised ([strip] words and what precedes them dropped, a known
 * phrase's normal form, a per-unit prefix kept: 亩均营收 -> 亩均营业收入).
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Does a [modifiers] entry longer than n start at p[s] (规模|以上)? Then a
 * suffix there is the qualifier's first word, not a metric's head. */
static int starts_modifier(const char *p, size_t s, size_t n, size_t we)
{
    const zsi_phrase *m = zsi_match_at(zsi_mset(MSEC_MODIFIER), p, s, we);
    return m && m->len > n;
}

typedef struct cand {
    size_t s, e;
    const zsi_phrase *ph;
    size_t h;  /* where a [heads] word after the noun starts, or e */
    int known; /* 1: a [phrases] entry; 0: a [suffixes] ending */
} cand;

/*
 * Check one candidate against the word boundaries and work out its extent.
 * The metric is the run of whole words that ends in the candidate (see
 * zsi_run_start): raw is all of it as printed (新增社会融资, 完成投资), norm drops
 * [strip] words and what precedes them and normalises a known phrase (项目总投资
 * -> 项目投资, 累计签约总金额 -> 签约金额). A per-unit prefix stays in both
 * (亩均营收 -> 亩均营业收入).
 * @return 1 with norm/raw written, 0 when the candidate fails.
 */
static int settle(const zsi_wbounds *wb, const char *p, size_t cut, size_t we, const cand *c,
                  char *norm, char *raw, zsi_span *at)
{
    size_t b, bs, q, from, ls, le, ns, yb, ne = c->h;
    const zsi_phrase *k = c->known ? c->ph : NULL, *pu;
    int n;

    if (!zsi_end_ok(wb, p, c->e, we) || zsi_ends_in_noun(wb, p, cut, c->e, we))
        return 0;               /* 亲自率|队: the 率 of 率队; 最高额|度 */
    from = zsi_wb_le(wb, c->s); /* the word the candidate starts in */
    if (from < cut || !zsi_all_run(p, from, c->s))
        return 0;
    if (!c->known && from == c->s) {
        /* 加|价近20%: the suffix is the tail of a verb of jieba's that ICU
         * cut in two, no noun's head */
        size_t vs = zsi_word_span(wb, p, cut, from, c->e, ZSW_STOP_);
        if (vs < from && zsi_is_class_stop(p, vs, c->e))
            return 0;
    }
    if (k && c->s >= cut + 3 + 1 && c->e - c->s > 3 && memcmp(p + c->s, "\xE5\xB9\xB4", 3) == 0 &&
        zsi_has_numeral(p, c->s - zsi_utf8_prev(p, c->s), c->s) &&
        zsi_lookup_exact(p + c->s + 3, c->e - c->s - 3)) {
        /* 2020|年复合增长率, 五|年产量: the 年 after a number is the date's
         * (2020年), and the rest is a metric of its own (复合增长率, 产量),
         * the candidate that names the figure; the run never takes the
         * number in */
        return 0;
    }
    if (k && from != c->s) {
        if (zsi_is_stop_word(p, from, zsi_wb_gt(wb, from)))
            return 0; /* 年出口额 in 上半年|出口额: 出口额 is the metric */
        k = NULL;     /* 市场主体 inside a longer word: the word, as printed */
    }
    if (k) {
        /* a per-unit prefix right before it: 亩均营收, 人均收入 */
        pu = c->s > cut ? zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, cut, c->s) : NULL;
        q = pu ? c->s - pu->len : c->s;
        if (pu && zsi_wb_is(wb, q)) {
            zsi_copy_raw(raw, at, p, q, c->e);
            zsi_copy_str(norm, pu->s, pu->len);
            zsi_append_str(norm, k->norm);
            return 1;
        }
    }
    /* 渗透|率|目标: the noun before a [heads] word ends the run, which
     * starts where that noun's own does (a verb before a one-word noun is
     * its first word: 渗透率, 出货量), as without the head */
    b = zsi_run_start(wb, p, cut, from, ne);
    /* 区内|个人所得税, 3年内|相关税收, 预算内|投资 cut by ICU: a direction
     * word that ends a word before it never starts a metric */
    while (b < from && zsi_nchars(p, b, zsi_wb_gt(wb, b)) == 1 &&
           zsi_is_direction(zsi_cp_at(p, b, c->e)) &&
           (zsi_nchars(p, zsi_wb_gt(wb, b), zsi_wb_gt(wb, zsi_wb_gt(wb, b))) > 1 ||
            zsi_is_direction(zsi_cp_at(p, zsi_wb_gt(wb, b), c->e))))
        b = zsi_wb_gt(wb, b); /* not 内|销|比重: a lone piece after it is its word's end */
    {
        /* 各|项|贷款余额: a run whose first piece is the tail of a verb,
         * adverb or other closed-class word of the lexicon starts after it
         * (not when ICU's word there goes on past it: 该|地块, 新|增|光伏) */
        size_t start, end;
        unsigned fl = b > cut ? zsi_word_across(p, cut, b, from, &start, &end) : 0;
        if ((fl & ZSW_STOP_) && !(fl & (ZSW_VNOUN_ | ZSW_NOUN_ | ZSW_PLACE_)) && end < from &&
            end >= zsi_wb_gt(wb, b) && !zsi_word_beyond(p, b, end, c->e))
            b = end;
    }
    /* 中|国家|电, 打火|机, 退耕|还林: a start on ICU's boundary that the most
     * likely cut by word frequencies puts inside a word (中国|家电) moves
     * right to where both cuts agree; when that word runs on into the
     * candidate (年增长率 cut 年增长|率 by ICU's run) the metric starts where
     * it does. Either way it never starts inside a word. */
    /* 日|产量, 月|工资, 年|收入: a candidate whose word in the cut starts one
     * character before it names a quantity of its own (daily output, a
     * month's pay); not after a number, whose date owns the character
     * (2020年|产量) */
    if (b == c->s && b > cut && zsi_lex_inside(p, wb->s, b, we, &ls, &le) && le == c->e &&
        ls >= cut && ls >= wb->s && zsi_nchars(p, ls, b) == 1 && zsi_lex_tag_is(p, ls, le, 'n') &&
        !(ls > wb->s && zsi_has_numeral(p, ls - zsi_utf8_prev(p, ls), ls)) &&
        !zsi_quantified(p, ls))
        b = ls;
    for (n = 0; n < 3 && b < c->s && zsi_lex_inside(p, wb->s, b, we, &ls, &le) &&
                !zsi_has_numeral(p, ls, b);
         n++) { /* not 第二|产业 cut 二产 */
        pu = zsi_match_ending(zsi_mset(MSEC_PERUNIT), p, ls, le);
        if (zsi_front_noun(wb, p, cut, ls, b, le, c->e)) {
            size_t ws = ls;
            b = zsi_run_start(wb, p, cut, ls, ne); /* and the words before it */
            if (b < ws && b > wb->s && zsi_nchars(p, b, ws) == 1 && zsi_ends_token(p, b))
                b = ws; /* not U”|型|节能灯 */
            continue;
        }
        if (le > c->s || (pu && pu->len == le - ls)) {
            /* the word runs into the candidate, or is a per-unit word
             * (日|均产量: 日均产量) */
            if (ls >= cut && ls >= wb->s && zsi_wb_is(wb, ls))
                b = ls;
            break;
        }
        q = zsi_wb_is(wb, le) ? le : zsi_wb_gt(wb, le);
        if (q < c->s && zsi_nchars(p, q, zsi_wb_gt(wb, q)) == 1 &&
            !zsi_lex_inside(p, wb->s, q, we, &ls, &le) &&
            !zsi_lex_inside(p, wb->s, zsi_wb_gt(wb, q), we, &ls, &le))
            break; /* 路灯|具 by both cuts: a lone piece is no word's start either */
        b = q;
    }
    /* 农民|年人均纯收入: the owner of a yearly amount is printed with it;
     * the normal form starts at the 年 (yb), 0 when no owner */
    yb = b;
    b = zsi_period_owner(wb, p, cut, b, ne);
    if (b == yb)
        yb = 0;
    b = zsi_join_split_word(wb, p, cut, b, c->s, we);
    b = zsi_seg_back(p, cut, b, from, c->e);
    b = zsi_seg_front(p, b, from, c->e);
    b = zsi_owner_front(wb, p, b, c->s, c->e);
    b = zsi_recipient_front(wb, p, cut, b, c->s, c->e, &ns);
    b = zsi_lead_piece_end(wb, p, cut, b, c->e);
    q = zsi_term_front(p, cut, b);
    if (ns == b)
        ns = q; /* no recipient's verb: the quoted term stays in the norm */
    b = q;
    bs = zsi_org_front(wb, p, b, c->s, c->e);
    bs = zsi_strip_start(wb, p, zsi_village_front(p, bs, c->s, c->e), from);
    if (bs < ns)
        bs = ns; /* 为|企业|发放|贷款: 贷款 */
    if (bs < yb)
        bs = yb;
    if (!k && zsi_nchars(p, bs, c->e) < 2)
        return 0; /* a bare 率 or 额 names nothing */
    zsi_copy_raw(raw, at, p, b, c->e);
    if (k) {
        zsi_copy_phrase(norm, p, bs, c->s);
        zsi_append_str(norm, k->norm);
    } else {
        const zsi_phrase *kk;
        zsi_copy_phrase(norm, p, bs, c->e);
        kk = zsi_lookup_exact(norm, strlen(norm));
        if (kk)
            zsi_copy_str(norm, kk->norm, kk->nlen);
    }
    zsi_drop_quotes(norm);
    return 1;
}

/* Does a candidate a beat b? Nearer the figure (ends later) first; at equal
 * ends a known phrase, then the longer. */
static int better(const cand *a, const cand *b)
{
    if (a->e != b->e)
        return a->e > b->e;
    if (a->known != b->known)
        return a->known;
    return a->e - a->s > b->e - b->s;
}

/* Does a 类 at p[s] end a category's name, a word of two characters or
 * more of the lexicon before it (日用品类, 居住类: a category of goods or
 * spending in a price or sales report, what rises or falls)? Not after a
 * determiner or a numeral (这类, 各类, 11大类 point at or count kinds: 这类
 * 产品), nor one word with a character (人类, 同类, 藻类), nor before a
 * noun it sorts (社会秩序类案件, 求助类、纠纷类警情): only at the window's
 * end or before a change, 同比 or 分别 (their first characters, [category]
 * of data/metrics.tsv). A metric phrase may end in it, as in a [suffixes]
 * entry. */
static int category_at(const char *p, size_t ws, size_t s, size_t we)
{
    const zsi_words *w = zsi_mplaces();
    size_t a = s, row;
    unsigned cp;
    int k;
    if (we - s < 3 || memcmp(p + s, "\xE7\xB1\xBB", 3) != 0 || s == ws) /* 类 */
        return 0;
    if (s + 3 < we && !zsi_match_at(zsi_mset(MSEC_CATEGORY), p, s + 3, we))
        return 0; /* 社会秩序类案件: a kind of what follows ([category]) */
    cp = zsi_cp_at(p, s - zsi_utf8_prev(p, s), s);
    if (zsi_is_determiner(cp) || cp == 0x5927 /* 大: 11大类 */ || zsi_cn_numeral(cp) >= 0 ||
        zsi_is_digit_cp(cp))
        return 0;
    for (k = 1; k <= 4 && a > ws; k++) {
        a -= zsi_utf8_prev(p, a);
        if (!zsi_m_is_han(zsi_cp_at(p, a, s)))
            break;
        if (k >= 2 && ((w && zsi_words_find(w, p + a, s - a, &row)) || zsi_lex_is_word(p, a, s)))
            return 1;
    }
    return 0;
}

/* 类 as a suffix of a metric phrase (category_at) */
static const zsi_phrase category = {"\xE7\xB1\xBB", 3, "\xE7\xB1\xBB", 3};

/* Where the longest candidate that ends at s starts (补助 before 标准, 直接
 * 投资 before 净流入), or s when none ends there. A [heads] word at s names
 * the level, bound or flow of what that candidate names, and its run starts
 * where the candidate's does. */
static size_t head_from(const cand *c, int nc, size_t s)
{
    size_t from = s;
    int i;
    for (i = 0; i < nc; i++)
        if (c[i].e == s && c[i].s < from)
            from = c[i].s;
    return from;
}

/*
 * The metric noun nearest the end of p[ws..we): the rightmost candidate that
 * settles. *cutp (may be NULL) receives the clause start after conjunctions.
 * @return 1 found, 0 none.
 */
int zsi_find_noun(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at,
                  size_t *cutp, size_t *endp)
{
    cand c[MAX_CANDS];
    int nc = 0, i, j, found = 0;
    size_t s, blk_s = 0, blk_e = 0, cut;
    zsi_wbounds wb;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (cutp)
        *cutp = ws;
    for (s = ws; s < we;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + s, we - s, &cp);
        if (cp >= 0x80 || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
            const zsi_phrase *k = zsi_match_at(zsi_mset(MSEC_PHRASES), p, s, we);
            const zsi_phrase *x = zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, s, we);
            const zsi_phrase *nm = zsi_match_at(zsi_mset(MSEC_NONMETRIC), p, s, we);
            size_t hs;
            if (nm && s + nm->len > blk_e) {
                blk_s = s;
                blk_e = s + nm->len;
            }
            if (x && s >= blk_s && s + x->len <= blk_e)
                x = NULL; /* the 量 of 质量, the 数 of 大数据 */
            if (x && starts_modifier(p, s, x->len, we))
                x = NULL; /* the 规模 of 规模以上企业 qualifies what follows */
            if (!x && category_at(p, ws, s, we))
                x = &category; /* 日用品类同比增长 */
            hs = x || k ? s : head_from(c, nc, s);
            if (hs < s && (x = zsi_match_at(zsi_mset(MSEC_HEADS), p, s, we)) == NULL)
                hs = s; /* 补助|标准: from 补助's start */
            for (j = 0; j < 2; j++) {
                const zsi_phrase *ph = j ? x : k;
                if (!ph)
                    continue;
                if (nc == MAX_CANDS) {
                    memmove(c, c + 1, (MAX_CANDS - 1) * sizeof *c);
                    nc--;
                }
                c[nc].s = j ? hs : s;
                c[nc].e = s + ph->len;
                c[nc].h = j && hs < s ? s : c[nc].e;
                c[nc].ph = ph;
                c[nc].known = !j;
                nc++;
            }
        }
        s += l;
    }
    if (nc == 0)
        return 0;
    /* ICU's dictionary break is most of the cost: break only the end of the
     * window that the nearest candidate, its run and a conjunction need (and
     * further left only when a candidate there is tried) */
    {
        size_t lo = we, q;
        int bi = 0;
        for (i = 1; i < nc; i++)
            if (better(&c[i], &c[bi]))
                bi = i;
        lo = c[bi].s > ws + WB_MARGIN ? c[bi].s - WB_MARGIN : ws;
        for (q = ws; q < lo;) {
            unsigned cp;
            size_t l = zsi_utf8_decode(p + q, lo - q, &cp);
            if (cp >= 0x80 && zsi_match_at(zsi_mset(MSEC_CONJ), p, q, we)) {
                lo = q; /* a conjunction before it: break from there */
                break;
            }
            q += l;
        }
        while (lo > ws && (p[lo] & 0xC0) == 0x80)
            lo--;
        zsi_wb_compute(&wb, p, lo, we);
    }
    cut = zsi_conj_cut(&wb, p, ws, we);
    if (cutp)
        *cutp = cut;
    /* best first: a selection sort, nc is small */
    for (i = 0; i < nc && !found; i++) {
        int bi = i;
        for (j = i + 1; j < nc; j++)
            if (better(&c[j], &c[bi]))
                bi = j;
        if (bi != i) {
            cand t = c[i];
            c[i] = c[bi];
            c[bi] = t;
        }
        if (c[i].s < cut)
            continue;
        if (wb.s > ws && c[i].s < wb.s + WB_MARGIN) {
            size_t lo = c[i].s > ws + WB_MARGIN ? c[i].s - WB_MARGIN : ws;
            while (lo > ws && (p[lo] & 0xC0) == 0x80)
                lo--;
            zsi_wb_compute(&wb, p, lo, we); /* a candidate further left */
        }
        if (c[i].s < wb.s)
            continue; /* beyond MAX_WB_CHARS */
        found = settle(&wb, p, cut, we, &c[i], norm, raw, at);
        if (found && endp)
            *endp = c[i].e;
    }
    if (!found) {
        norm[0] = raw[0] = '\0';
        zsi_span_clear(at);
    }
    return found;
}
