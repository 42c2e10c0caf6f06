/*
 * filter.c - the filters of a query: park:NAME, year:2024 or a range, and
 * figure: comparisons and ranges of quantities (read with extract/'s
 * zsi_quantity_parse).
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "figure_int.h"
#include "parser_int.h"

/* ------------------------------------------------------------------------
 * Filters
 * ---------------------------------------------------------------------- */

/* If p[*i..n) starts with one of the strings in seps, skip it and return 1. */
static int skip_any(const char *p, size_t n, size_t *i, const char *const *seps)
{
    for (; *seps; seps++) {
        size_t k = strlen(*seps);
        if (n - *i >= k && memcmp(p + *i, *seps, k) == 0) {
            *i += k;
            return 1;
        }
    }
    return 0;
}

static const char *const RANGE_SEPS[] = {
    "..", "~", "\xEF\xBD\x9E" /* ～ */, "\xE8\x87\xB3" /* 至 */, "\xE5\x88\xB0" /* 到 */, NULL};
static const char *const DASHES[] = {"-", "\xEF\xBC\x8D" /* － */, "\xE2\x80\x93" /* – */,
                                     "\xE2\x80\x94" /* — */, NULL};

/* Read a four-digit year (ASCII or full-width digits), then an optional 年. */
static int read_year(const char *p, size_t n, size_t *i, int *y)
{
    int digits = 0, v = 0;
    while (*i < n) {
        if (p[*i] >= '0' && p[*i] <= '9') {
            v = v * 10 + (p[*i] - '0');
            *i += 1;
        } else if (n - *i >= 3 && (unsigned char)p[*i] == 0xEF &&
                   (unsigned char)p[*i + 1] == 0xBC && (unsigned char)p[*i + 2] >= 0x90 &&
                   (unsigned char)p[*i + 2] <= 0x99) {
            v = v * 10 + ((unsigned char)p[*i + 2] - 0x90);
            *i += 3;
        } else {
            break;
        }
        if (++digits > 4)
            return -1;
    }
    if (digits != 4 || v < 1000)
        return -1;
    static const char *const NIAN[] = {"\xE5\xB9\xB4" /* 年 */, NULL};
    skip_any(p, n, i, NIAN);
    *y = v;
    return 0;
}

/* A filter's value p[0..n) that is none of the forms it takes. */
static int cannot_read(parser *P, size_t vs, const char *filter, const char *p, size_t n,
                       const char *examples)
{
    return zsq_fail(P, ZS_ESYNTAX, vs, "%s filter: cannot read '%.*s' (expected e.g. %s)", filter,
                    (int)n, p, examples);
}

int zsq_year_range(const char *p, size_t n, int *from, int *to, int *span)
{
    size_t i = 0;
    int a, b;
    /* ~2023 also takes passages that only span 2023 (十四五, 2021—2025年) */
    static const char *const TILDES[] = {"~", "\xEF\xBD\x9E" /* ～ */, NULL};
    *span = skip_any(p, n, &i, TILDES);
    if (read_year(p, n, &i, &a))
        return -1;
    b = a;
    if (i < n) {
        if (!skip_any(p, n, &i, RANGE_SEPS) && !skip_any(p, n, &i, DASHES))
            return -1;
        if (read_year(p, n, &i, &b) || i != n)
            return -1;
    }
    *from = a;
    *to = b;
    return a > b ? 1 : 0;
}

static int year_filter(parser *P, size_t vs, size_t ve)
{
    const char *p = P->q + vs;
    size_t n = ve - vs;
    int a, b, span, rc = zsq_year_range(p, n, &a, &b, &span);
    if (rc < 0)
        goto bad;
    if (rc > 0)
        return zsq_fail(P, ZS_ESYNTAX, vs, "year filter: range %d-%d is reversed", a, b);
    zsq_parsed *pq = P->pq;
    if (pq->has_year) {
        int lo = a > pq->year_from ? a : pq->year_from;
        int hi = b < pq->year_to ? b : pq->year_to;
        if (lo > hi)
            return zsq_fail(P, ZS_ESYNTAX, vs,
                            "year filter: year:%.*s and the earlier year: filter have no year "
                            "in common",
                            (int)n, p);
        a = lo;
        b = hi;
        span = span && pq->year_span; /* a year both filters take */
    }
    pq->year_span = span;
    pq->has_year = 1;
    pq->year_from = a;
    pq->year_to = b;
    return 0;
bad:
    return cannot_read(P, vs, "year", p, n, "2024, 2021-2025, 2021..2025, ~2023");
}

static int park_filter(parser *P, size_t vs, size_t ve)
{
    zsq_parsed *pq = P->pq;
    char *s = zsq_filter_copy(P, vs, ve, pq->nparks, ZSQ_MAX_PARKS, "park");
    if (!s)
        return P->rc;
    pq->parks[pq->nparks].p = s;
    pq->parks[pq->nparks].n = ve - vs;
    pq->nparks++;
    return 0;
}

/* One quantity as zsi_quantity_parse() reads it, plus where its unit text starts. */
typedef struct qty {
    double v;
    const char *unit, *cls;
    size_t num_end;  /* end of the numeral (digits, Chinese numerals) */
    size_t mult_end; /* end of a following 万/亿 run; the unit text follows */
} qty;

/* Nonzero if the character c[0..k) is one of the characters of set. */
static int in_set(const char *set, const char *c, size_t k)
{
    for (; *set; set++)
        if (strncmp(set, c, k) == 0)
            return 1;
    return 0;
}

/* Split p[0..n) into numeral, 万/亿 multiplier and unit text. */
static void qty_shape(const char *p, size_t n, qty *q)
{
    static const char NUMERALS[] = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟"
                                   "０１２３４５６７８９．，";
    static const char MULTS[] = "万亿萬億";
    int32_t i = 0;
    while (i < (int32_t)n) {
        int32_t k = i;
        UChar32 c;
        U8_NEXT(p, k, (int32_t)n, c);
        if (c < 0)
            break;
        if (c < 0x80) {
            if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '+' || c == '-'))
                break;
        } else if (!in_set(NUMERALS, p + i, (size_t)(k - i))) {
            break;
        }
        i = k;
    }
    q->num_end = (size_t)i;
    while (i < (int32_t)n) {
        int32_t k = i;
        UChar32 c;
        U8_NEXT(p, k, (int32_t)n, c);
        if (c < 0x80 || !in_set(MULTS, p + i, (size_t)(k - i)))
            break;
        i = k;
    }
    q->mult_end = (size_t)i;
}

static int has_unit(const qty *q)
{
    return q->unit && q->unit[0];
}

static int read_qty(const char *p, size_t n, qty *q)
{
    q->unit = q->cls = NULL;
    if (n == 0 || zsi_quantity_parse(p, n, &q->v, &q->unit, &q->cls) != 0)
        return -1;
    qty_shape(p, n, q);
    return 0;
}

/*
 * Give the bound x (text xp[0..xn), no unit) the unit of y (text yp[0..yn)),
 * and y's 万/亿 too when x has none: 100..500万元 means 100万元 to 500万元.
 */
static int inherit_unit(const char *xp, size_t xn, qty *x, const char *yp, const qty *y)
{
    char tmp[ZSQ_MAX_QUERY_BYTES * 2];
    size_t k = xn;
    const char *tail = x->mult_end > x->num_end ? yp + y->mult_end : yp + y->num_end;
    size_t tn = strlen(tail);
    if (xn + tn >= sizeof(tmp))
        return -1;
    memcpy(tmp, xp, xn);
    memcpy(tmp + k, tail, tn);
    return read_qty(tmp, xn + tn, x);
}

static void copy_name(char *dst, const char *s)
{
    size_t k = s ? strlen(s) : 0;
    if (k >= ZSQ_MAX_UNIT_BYTES)
        k = ZSQ_MAX_UNIT_BYTES - 1;
    if (k)
        memcpy(dst, s, k);
    dst[k] = '\0';
}

static int figure_filter(parser *P, size_t vs, size_t ve)
{
    const char *p = P->q + vs;
    size_t n = ve - vs, i = 0;
    zsq_figure *f = &P->pq->figure;
    char a_txt[ZSQ_MAX_QUERY_BYTES + 1], b_txt[ZSQ_MAX_QUERY_BYTES + 1];
    static const char *const GE[] = {">=", "\xE2\x89\xA5" /* ≥ */, "\xEF\xBC\x9E\xEF\xBC\x9D",
                                     "\xEF\xBC\x9E=", NULL};
    static const char *const LE[] = {"<=", "\xE2\x89\xA4" /* ≤ */, "\xEF\xBC\x9C\xEF\xBC\x9D",
                                     "\xEF\xBC\x9C=", NULL};
    static const char *const GT[] = {">", "\xEF\xBC\x9E" /* ＞ */, NULL};
    static const char *const LT[] = {"<", "\xEF\xBC\x9C" /* ＜ */, NULL};
    static const char *const EQ[] = {"==", "=", "\xEF\xBC\x9D" /* ＝ */, NULL};
    zsq_fig_op op = ZSQ_FIG_NONE;

    if (f->op != ZSQ_FIG_NONE)
        return zsq_fail(P, ZS_ESYNTAX, vs,
                        "figure filter: only one figure: filter per query (use a range, e.g. "
                        "figure:100亿..500亿元)");
    if (skip_any(p, n, &i, GE))
        op = ZSQ_FIG_GE;
    else if (skip_any(p, n, &i, LE))
        op = ZSQ_FIG_LE;
    else if (skip_any(p, n, &i, GT))
        op = ZSQ_FIG_GT;
    else if (skip_any(p, n, &i, LT))
        op = ZSQ_FIG_LT;
    else if (skip_any(p, n, &i, EQ))
        op = ZSQ_FIG_EQ;

    /* A range separator: the first "..", ~, 至, 到, else a dash after the start. */
    size_t sep_s = 0, sep_e = 0;
    for (size_t k = i + 1; k < n && !sep_e; k++) {
        size_t e = k;
        if (skip_any(p, n, &e, RANGE_SEPS)) {
            sep_s = k;
            sep_e = e;
        }
    }
    for (size_t k = i + 1; k < n && !sep_e; k++) {
        size_t e = k;
        if (skip_any(p, n, &e, DASHES)) {
            sep_s = k;
            sep_e = e;
        }
    }

    qty a, b;
    if (!sep_e) {
        if (read_qty(p + i, n - i, &a))
            goto bad;
        f->op = op == ZSQ_FIG_NONE ? ZSQ_FIG_EQ : op;
        f->lo = -HUGE_VAL;
        f->hi = HUGE_VAL;
        if (f->op == ZSQ_FIG_LT || f->op == ZSQ_FIG_LE)
            f->hi = a.v;
        else if (f->op == ZSQ_FIG_GT || f->op == ZSQ_FIG_GE)
            f->lo = a.v;
        else
            f->lo = f->hi = a.v;
        copy_name(f->unit, a.unit);
        copy_name(f->cls, a.cls);
        return 0;
    }
    if (op != ZSQ_FIG_NONE)
        goto bad;
    size_t an = sep_s, bn = n - sep_e;
    memcpy(a_txt, p, an);
    a_txt[an] = '\0';
    memcpy(b_txt, p + sep_e, bn);
    b_txt[bn] = '\0';
    if (read_qty(a_txt, an, &a) || read_qty(b_txt, bn, &b))
        goto bad;
    if (!has_unit(&a) && has_unit(&b)) {
        if (inherit_unit(a_txt, an, &a, b_txt, &b))
            goto bad;
    } else if (has_unit(&a) && !has_unit(&b)) {
        if (inherit_unit(b_txt, bn, &b, a_txt, &a))
            goto bad;
    }
    if (strcmp(a.unit ? a.unit : "", b.unit ? b.unit : "") != 0)
        return zsq_fail(P, ZS_ESYNTAX, vs,
                        "figure filter: the two ends of '%.*s' have different units", (int)n, p);
    if (a.v > b.v)
        return zsq_fail(P, ZS_ESYNTAX, vs,
                        "figure filter: range '%.*s' is reversed (low end above high end)", (int)n,
                        p);
    f->op = ZSQ_FIG_RANGE;
    f->lo = a.v;
    f->hi = b.v;
    copy_name(f->unit, a.unit);
    copy_name(f->cls, a.cls);
    return 0;
bad:
    return cannot_read(P, vs, "figure", p, n, ">100亿元, <5%, 100万..500万元");
}

/*
 * A filter at P->pos: `name:value` with name ASCII letters (any case) and a
 * `:` or `：`. Returns 1 and sets *out (an N_FILTER node) when there is one,
 * 0 when the text is not a filter, negative on error. Any letters-colon word
 * is a filter attempt, so `body:x` fails loudly instead of searching "body x".
 */
int zsq_filter_value(parser *P, zsq_filter_kind kind, size_t vs, size_t ve)
{
    /* Trim spaces inside a quoted value. */
    while (vs < ve && is_space((unsigned char)P->q[vs]))
        vs++;
    while (ve > vs && is_space((unsigned char)P->q[ve - 1]))
        ve--;
    static const char *const NAMES[] = {"park", "year", "figure", "date", "source"};
    static const char *const EXAMPLES[] = {"park:六盘水高新区", "year:2024", "figure:>100亿元",
                                           "date:2019-10", "source:人民日报"};
    if (ve == vs)
        return zsq_fail(P, ZS_ESYNTAX, vs, "%s filter: needs a value, e.g. %s", NAMES[kind],
                        EXAMPLES[kind]);
    switch (kind) {
    case ZSQ_FILTER_PARK: return park_filter(P, vs, ve);
    case ZSQ_FILTER_YEAR: return year_filter(P, vs, ve);
    case ZSQ_FILTER_FIGURE: return figure_filter(P, vs, ve);
    case ZSQ_FILTER_DATE: return zsq_date_filter(P, vs, ve);
    default: return zsq_source_filter(P, vs, ve);
    }
}

int zsq_parse_filter(parser *P, node **out)
{
    size_t s = P->pos, i = s, nx;
    while (i < P->n && ((P->q[i] >= 'a' && P->q[i] <= 'z') || (P->q[i] >= 'A' && P->q[i] <= 'Z')))
        i++;
    if (i == s)
        return 0;
    size_t vs;
    if (i < P->n && P->q[i] == ':')
        vs = i + 1;
    else if (P->n - i >= 3 && memcmp(P->q + i, "\xEF\xBC\x9A", 3) == 0) /* ： */
        vs = i + 3;
    else
        return 0;
    size_t nl = i - s;
    zsq_filter_kind which;
    if (nl == 4 && strncasecmp(P->q + s, "park", 4) == 0)
        which = ZSQ_FILTER_PARK;
    else if (nl == 4 && strncasecmp(P->q + s, "year", 4) == 0)
        which = ZSQ_FILTER_YEAR;
    else if (nl == 6 && strncasecmp(P->q + s, "figure", 6) == 0)
        which = ZSQ_FILTER_FIGURE;
    else if (nl == 4 && strncasecmp(P->q + s, "date", 4) == 0)
        which = ZSQ_FILTER_DATE;
    else if (nl == 6 && strncasecmp(P->q + s, "source", 6) == 0)
        which = ZSQ_FILTER_SOURCE;
    else
        return zsq_fail(P, ZS_ESYNTAX, s,
                        "unknown filter '%.*s:' (known: park:, year:, figure:, date:, source:)",
                        (int)nl, P->q + s);

    size_t ve, end;
    UChar32 c = cp_at(P, vs, &nx);
    if (c >= 0 && is_cn_quote(c) && quote_close(P, vs) >= P->n) {
        vs = nx; /* a lone “ or ”: punctuation, the value follows */
        c = cp_at(P, vs, &nx);
    }
    if (c >= 0 && is_quote(c)) {
        size_t qo = vs, k = quote_close(P, vs);
        vs = nx;
        if (k >= P->n)
            return zsq_fail(P, ZS_ESYNTAX, qo,
                            "unbalanced quote: the value opened at byte %zu is never closed",
                            zsq_orig(P, qo));
        ve = k;
        cp_at(P, k, &end);
    } else {
        size_t k = vs;
        while (k < P->n) {
            size_t kn;
            if (is_delim(cp_at(P, k, &kn)))
                break;
            k = kn;
        }
        ve = end = k;
    }
    int rc = zsq_filter_value(P, which, vs, ve);
    if (rc)
        return rc;
    P->nfilters++;
    P->pos = end;
    *out = zsq_new_node(P, N_FILTER, s);
    return *out ? 1 : P->rc;
}
