/*
 * year.c - which years an article and each of its passages speak of.
 *
 * A year is only ever taken from a shape that says "year" in Chinese text:
 *   - four digits (ASCII or full width) or four Chinese numerals (二〇二四)
 *     followed, after optional spaces, by 年 ("2024年", "2024 年", "2024年度");
 *   - a range: such a year, then a connector (到 至 — – - ~ ～), then a
 *     second four-digit year that is followed by 年, or by punctuation, or
 *     after a space by anything but a unit character (万亿元个项 ...) ("2021年到2024年", "2021—2025年", "2021-2025"), expanded to
 *     every year in it when the span is 1..ZSI_MAX_YEAR_SPAN;
 *   - a five-year-plan period: 十X五 (X = 一..九, so 十四五 is the 14th plan),
 *     the older one-numeral forms (六五..九五, 十五) only when quoted or
 *     followed by 期间/规划/计划/时期/以来/末/初, and the full form
 *     第N个五年规划/计划. The N-th plan's first year is 1953 + 5(N-1) for the
 *     first two plans and 1966 + 5(N-3) from the third on (1963-65 was a
 *     readjustment period between them), so 十三五 = 2016..2020,
 *     十四五 = 2021..2025, 十五五 = 2026..2030;
 *   - 今年, 去年/上年, 前年, 明年, 后年, relative to the article's year (skipped
 *     when that is unknown), guarded against 过去年, 以上年, 此后年 and the like.
 * Anything else with four digits is a quantity, not a year: 2000余万元,
 * 2105项, 1999元, 2020万. Years outside ZSI_YEAR_MIN..ZSI_YEAR_MAX are dropped.
 *
 * The article's year (zsi_article_year): a line that is nothing but a date
 * ("2024年11月5日", optionally with 星期X) wins outright; otherwise it is the
 * latest explicit year that is neither a plan target (力争/预计/计划/目标/将/
 * 有望/争取/规划/展望 within the six characters before it, or 前/目标 right
 * after it) nor the far end of a range. 0 when no year qualifies.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cps_int.h"
#include "extract_int.h"

/* How far back (code points, spaces skipped) a plan-target cue may stand. */
#define FUTURE_WINDOW 6

static int is_space(UChar32 c)
{
    return c == 0x3000 || (c > 0 && u_isUWhiteSpace(c));
}

static int is_han_numeral(UChar32 c)
{
    return zsi_han_digit(c) >= 0 || c == 0x5341 /* 十 */ || c == 0x767E /* 百 */ ||
           c == 0x5343 /* 千 */ || c == 0x4E07 /* 万 */ || c == 0x4E24 /* 两 */;
}

static size_t skip_spaces(const cps *s, size_t i)
{
    while (i < s->n && is_space(s->c[i]))
        i++;
    return i;
}

#define C_NIAN 0x5E74 /* 年 */

/* A connector added here needs its last byte in key_last[] (may_hold_year()). */
static int is_connector(UChar32 c)
{
    return c == 0x5230 /* 到 */ || c == 0x81F3 /* 至 */ || c == 0x2014 || c == 0x2013 ||
           c == 0x2015 || c == '-' || c == 0xFF0D || c == '~' || c == 0xFF5E || c == 0x2010;
}

/*
 * A four-digit year starting at i (ASCII, full width, or Han numerals), not
 * glued to other digits. Returns the value and sets *end, else -1.
 */
static int four_digits(const cps *s, size_t i, size_t *end)
{
    int v = 0, k;
    if (i > 0 && (zsi_digit_of(s->c[i - 1]) >= 0 || s->c[i - 1] == '.'))
        return -1;
    if (zsi_digit_of(zsi_cps_at(s, i)) >= 0) {
        for (k = 0; k < 4; k++) {
            int d = zsi_digit_of(zsi_cps_at(s, i + (size_t)k));
            if (d < 0)
                return -1;
            v = v * 10 + d;
        }
        if (zsi_digit_of(zsi_cps_at(s, i + 4)) >= 0 || zsi_cps_at(s, i + 4) == '.')
            return -1;
    } else if (zsi_han_digit(zsi_cps_at(s, i)) >= 0) {
        if (i > 0 && is_han_numeral(s->c[i - 1]))
            return -1;
        for (k = 0; k < 4; k++) {
            int d = zsi_han_digit(zsi_cps_at(s, i + (size_t)k));
            if (d < 0)
                return -1;
            v = v * 10 + d;
        }
        if (is_han_numeral(zsi_cps_at(s, i + 4)))
            return -1;
    } else {
        return -1;
    }
    *end = i + 4;
    return v;
}

static int plausible(int y)
{
    return y >= ZSI_YEAR_MIN && y <= ZSI_YEAR_MAX;
}

int zsi_plan_first_year(int nth)
{
    if (nth < 1)
        return 0;
    if (nth <= 2)
        return 1953 + 5 * (nth - 1);
    return 1966 + 5 * (nth - 3);
}

/* A growing list of years. */
typedef struct ylist {
    int *v;
    size_t n, cap;
    int oom;
} ylist;

static void add_year(ylist *l, int y)
{
    if (!plausible(y) || l->oom)
        return;
    if (l->n == l->cap && zsu_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 16) != 0) {
        l->oom = 1;
        return;
    }
    l->v[l->n++] = y;
}

/* Every year a..b. A span (a plan period, or the inside of a stated range)
 * only contains its years: they are stored negated, and a year also stated
 * outright (or as a range's end) is stated (see zsi_years_extract). */
static void add_range(ylist *l, int a, int b, int ends_stated)
{
    if (b <= a || b - a > ZSI_MAX_YEAR_SPAN || !plausible(a) || !plausible(b))
        return;
    for (int y = a; y <= b; y++) {
        int stated = ends_stated && (y == a || y == b);
        add_year(l, y);
        if (!l->oom && !stated)
            l->v[l->n - 1] = -y;
    }
}

static size_t lit_len(const char *lit)
{
    size_t n = 0;
    int32_t k = 0, len = (int32_t)strlen(lit);
    while (k < len) {
        UChar32 c;
        U8_NEXT(lit, k, len, c);
        (void)c;
        n++;
    }
    return n;
}

/* A small Chinese ordinal (一..九十九) ending just before index e; 0 if none. */
static int ordinal_before(const cps *s, size_t e, size_t *startp)
{
    /* Forms: D, 十, 十D, D十, D十D. */
    size_t i = e;
    int v = 0;
    if (i == 0)
        return 0;
    int d = zsi_han_digit(s->c[i - 1]);
    if (d > 0) {
        i--;
        if (i > 0 && s->c[i - 1] == 0x5341) {
            i--;
            v = 10 + d;
            if (i > 0 && zsi_han_digit(s->c[i - 1]) > 0) {
                v = zsi_han_digit(s->c[i - 1]) * 10 + d;
                i--;
            }
        } else {
            v = d;
        }
    } else if (s->c[i - 1] == 0x5341) {
        i--;
        v = 10;
        if (i > 0 && zsi_han_digit(s->c[i - 1]) > 0) {
            v = zsi_han_digit(s->c[i - 1]) * 10;
            i--;
        }
    } else {
        return 0;
    }
    if (i > 0 && is_han_numeral(s->c[i - 1]))
        return 0;
    *startp = i;
    return v;
}

static int plan_context_after(const cps *s, size_t i)
{
    static const char *const cue[] = {"期间", "规划", "计划", "时期", "以来", "末",
                                      "初",   "开局", "收官", "”",    "\""};
    for (size_t k = 0; k < sizeof cue / sizeof cue[0]; k++)
        if (zsi_cps_starts(s, i, cue[k]))
            return 1;
    return 0;
}

/* Plan period ending with the 五 at index i (the "五" of 十四五), or 0. */
static int plan_at(const cps *s, size_t i)
{
    size_t st = 0;
    int nth;
    if (zsi_cps_at(s, i) != 0x4E94)
        return 0;
    nth = ordinal_before(s, i, &st);
    if (nth <= 0 || nth > 30)
        return 0;
    if (is_han_numeral(zsi_cps_at(s, i + 1)) || zsi_cps_at(s, i + 1) == C_NIAN)
        return 0; /* 十四五年, 十四五六: counting, not a plan */
    if (nth >= 11 && i - st == 2)
        return nth; /* 十X五: unambiguous */
    /* 六五 .. 十五: only in plan context (三五成群 is not a plan). */
    if (nth >= 6 && ((st > 0 && (s->c[st - 1] == 0x201C || s->c[st - 1] == '"')) ||
                     plan_context_after(s, i + 1)))
        return nth;
    return 0;
}

/* 第N个五年规划/计划 starting at i; returns N or 0. */
static int plan_full_at(const cps *s, size_t i, size_t *endp)
{
    size_t j = i + 1, k = 0;
    int v = 0;
    if (zsi_cps_at(s, i) != 0x7B2C) /* 第 */
        return 0;
    while (is_han_numeral(zsi_cps_at(s, j)))
        j++;
    if (j == i + 1 || zsi_cps_at(s, j) != 0x4E2A) /* 个 */
        return 0;
    if (!zsi_cps_starts(s, j + 1, "五年规划") && !zsi_cps_starts(s, j + 1, "五年计划"))
        return 0;
    v = ordinal_before(s, j, &k);
    if (k != i + 1)
        return 0;
    *endp = j + 5;
    return v;
}

static const char *const rel_words[] = {"今年", "去年", "上年", "前年", "明年", "后年"};
static const int rel_delta[] = {0, -1, -1, -2, 1, 2};

/* Characters that, just before a relative word, make it part of another word. */
static int rel_blocked(const cps *s, size_t i, size_t w)
{
    UChar32 p = i > 0 ? s->c[i - 1] : 0;
    if (w == 1) /* 过去年 */
        return p == 0x8FC7;
    if (w == 2) /* 以上年, 之上年 */
        return p == 0x4EE5 || p == 0x4E4B;
    if (w == 3) /* 年前年, 之前年, 以前年, 此前年 */
        return p == C_NIAN || p == 0x4E4B || p == 0x4EE5 || p == 0x6B64;
    if (w == 5) /* after another Han character it is 此后年, 以后年 ... */
        return p > 0 && u_hasBinaryProperty(p, UCHAR_IDEOGRAPHIC);
    return 0;
}

/*
 * Find every year in s. If explicit is not NULL, only explicit non-target
 * years go there (used for the article year) and the rest is skipped.
 */
/*
 * Can a year, a plan period or a relative year start with c? Most
 * characters cannot, and trying every form at each of them was 6% of an
 * indexing run's CPU (perf, news-200); a branchy test of c itself still
 * took half of that, so the answer is a bitmap. Exact: each form below
 * begins with a digit, a Han digit (五 of 十四五 included), 第, or a
 * rel_words[] head.
 */
static uint64_t heads[0x10000 / 64]; /* the BMP: may a form start here? */
static pthread_once_t heads_once = PTHREAD_ONCE_INIT;

static void heads_init(void)
{
    for (UChar32 c = 0; c < 0x10000; c++)
        if (zsi_digit_of(c) >= 0 || zsi_han_digit(c) >= 0 || c == 0x7B2C /* 第 */)
            heads[c / 64] |= UINT64_C(1) << (c % 64);
    for (size_t k = 0; k < sizeof rel_words / sizeof rel_words[0]; k++) {
        int32_t i = 0;
        UChar32 c;
        U8_NEXT_UNSAFE(rel_words[k], i, c);
        heads[c / 64] |= UINT64_C(1) << (c % 64);
    }
}

static int may_start(UChar32 c)
{
    return c >= 0 && c < 0x10000 && (heads[c / 64] >> (c % 64) & 1);
}

static void scan(const cps *s, int article_year, ylist *all, ylist *explicit)
{
    pthread_once(&heads_once, heads_init);
    for (size_t i = 0; i < s->n; i++) {
        size_t e, k;
        if (!may_start(s->c[i]))
            continue;
        int y = four_digits(s, i, &e);
        if (y >= 0) {
            size_t after = skip_spaces(s, e);
            int has_nian = zsi_cps_at(s, after) == C_NIAN;
            size_t c = has_nian ? skip_spaces(s, after + 1) : after;
            int range = 0;
            if (is_connector(zsi_cps_at(s, c))) {
                size_t j = c;
                while (is_connector(zsi_cps_at(s, j)) && j < c + 2)
                    j++;
                j = skip_spaces(s, j);
                size_t e2;
                int y2 = four_digits(s, j, &e2);
                if (y2 > y && y2 - y <= ZSI_MAX_YEAR_SPAN && plausible(y) && plausible(y2)) {
                    size_t a2 = skip_spaces(s, e2);
                    UChar32 nx = zsi_cps_at(s, a2);
                    /* "2021-2025年", "2021-2025，", "2021-2025 发展纲要" but not
                     * "2021-2025万元": what follows must not be a count's unit. */
                    static const char units[] = "万亿元千百个项家人户吨米亩台件次名岁";
                    int unit = 0;
                    for (int32_t q = 0, ul = (int32_t)sizeof units - 1; q < ul && !unit;) {
                        UChar32 uc;
                        U8_NEXT(units, q, ul, uc);
                        unit = uc == nx;
                    }
                    int unit_free =
                        nx == C_NIAN || nx == 0 ||
                        (!u_isalnum(nx) && !u_hasBinaryProperty(nx, UCHAR_IDEOGRAPHIC)) ||
                        (a2 > e2 && !unit && !u_isdigit(nx)) || nx == 0x671F /* 期 */ ||
                        nx == 0x95F4 /* 间 */;
                    if (unit_free) {
                        if (all)
                            add_range(all, y, y2, 1);
                        if (explicit)
                            add_year(explicit, y);
                        range = 1;
                        i = (nx == C_NIAN ? a2 : e2 - 1);
                    }
                }
            }
            if (!range && has_nian) {
                if (all)
                    add_year(all, y);
                if (explicit) {
                    /* Plan targets ("力争到2030年", "2030年前") do not date the article. */
                    static const char *const fut[] = {"力争", "预计", "计划", "目标", "将",
                                                      "有望", "争取", "规划", "展望", "预期"};
                    int future =
                        zsi_cps_starts(s, after + 1, "前") || zsi_cps_starts(s, after + 1, "目标");
                    /* The last FUTURE_WINDOW characters before it, spaces and
                     * line breaks skipped (columns break "预\n\n计"). */
                    UChar32 win[FUTURE_WINDOW];
                    cps w = {win, 0};
                    size_t b = i;
                    while (b > 0 && w.n < FUTURE_WINDOW) {
                        b--;
                        if (!is_space(s->c[b]))
                            win[FUTURE_WINDOW - 1 - w.n++] = s->c[b];
                    }
                    w.c = win + (FUTURE_WINDOW - w.n);
                    for (size_t q = 0; q < w.n && !future; q++)
                        for (size_t f = 0; f < sizeof fut / sizeof fut[0]; f++)
                            if (zsi_cps_starts(&w, q, fut[f]))
                                future = 1;
                    if (!future)
                        add_year(explicit, y);
                }
                i = after;
            } else if (!range) {
                i = e - 1;
            }
            continue;
        }
        if (explicit)
            continue;
        if ((y = plan_full_at(s, i, &e)) > 0) {
            int a = zsi_plan_first_year(y);
            add_range(all, a, a + 4, 0);
            i = e - 1;
            continue;
        }
        if ((y = plan_at(s, i)) > 0) {
            int a = zsi_plan_first_year(y);
            add_range(all, a, a + 4, 0);
            continue;
        }
        if (article_year) {
            for (k = 0; k < sizeof rel_words / sizeof rel_words[0]; k++) {
                if (zsi_cps_starts(s, i, rel_words[k]) && !rel_blocked(s, i, k)) {
                    add_year(all, article_year + rel_delta[k]);
                    i += lit_len(rel_words[k]) - 1;
                    break;
                }
            }
        }
    }
}

/*
 * Can p[0..n) hold a year at all? Every form scan() takes needs 年 (a year
 * stated, a relative year, 第N个五年规划), 五 (十四五) or a connector
 * (is_connector(): a range such as 2021-2025 may stand without 年); a
 * passage without any of them gets no year, so it is neither decoded nor
 * scanned. On every 8th realnews-dev file 54% of the passages (38% of
 * their bytes) have none of them; on the bench's real corpus (manuals,
 * man pages, verse) 79% (60%).
 *
 * Each byte is looked at once, for the last byte of a key (key_last[]): an
 * ASCII connector, or the end of a three-byte key, whose lead and middle
 * byte are then read. In valid UTF-8 (zsi_decode()'s output) a key's bytes
 * are that key, so the answer is a walk's by characters (the loop before
 * session 32, which took twice the instructions); in other text a key
 * behind a broken lead is found too, as scan()'s decoding would find it.
 */
#define LAST_BYTE(c) (0x80 | ((c)&0x3F))
static const unsigned char key_last[256] = {['-'] = 1,
                                            ['~'] = 1,
                                            [LAST_BYTE(0x5E74)] = 1 /* 年 */,
                                            [LAST_BYTE(0x4E94)] = 1 /* 五, and U+2014 */,
                                            [LAST_BYTE(0x5230)] = 1 /* 到 */,
                                            [LAST_BYTE(0x81F3)] = 1 /* 至 */,
                                            [LAST_BYTE(0x2013)] = 1,
                                            [LAST_BYTE(0x2015)] = 1,
                                            [LAST_BYTE(0xFF0D)] = 1,
                                            [LAST_BYTE(0xFF5E)] = 1,
                                            [LAST_BYTE(0x2010)] = 1};

static int may_hold_year(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++) {
        if (!key_last[u[i]])
            continue;
        if (u[i] < 0x80)
            return 1; /* '-' or '~' */
        if (i < 2 || (u[i - 2] & 0xF0) != 0xE0)
            continue;
        UChar32 c =
            (UChar32)(u[i - 2] & 0x0F) << 12 | (UChar32)(u[i - 1] & 0x3F) << 6 | (u[i] & 0x3F);
        if (c == 0x5E74 /* 年 */ || c == 0x4E94 /* 五 */ || is_connector(c))
            return 1;
    }
    return 0;
}

static int cmp_abs(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    int ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    if (ax != ay)
        return ax < ay ? -1 : 1;
    return (x < y) - (x > y); /* stated (positive) first */
}

int zsi_years_extract(const char *p, size_t n, int article_year, int *years, unsigned char *span,
                      size_t cap, size_t *nyears)
{
    cps s;
    ylist l = {0};
    size_t u = 0;
    int rc = 0;

    if (!nyears || (!p && n) || (!years && cap))
        return ZS_EINVAL;
    *nyears = 0;
    if (!may_hold_year(p, n))
        return 0;
    if (zsi_cps_decode(p ? p : "", n, &s) != 0)
        return ZS_ENOMEM;
    scan(&s, article_year, &l, NULL);
    free(s.c);
    if (l.oom) {
        free(l.v);
        return ZS_ENOMEM;
    }
    if (l.n)
        qsort(l.v, l.n, sizeof *l.v, cmp_abs);
    for (size_t k = 0; k < l.n; k++) {
        int y = l.v[k] < 0 ? -l.v[k] : l.v[k];
        if (u > 0 && years[u - 1] == y)
            continue; /* the stated form sorted first */
        if (u == cap) {
            rc = ZS_ELIMIT;
            break;
        }
        if (span)
            span[u] = l.v[k] < 0;
        years[u++] = y;
    }
    *nyears = u;
    free(l.v);
    return rc;
}

/* If line s[b..e) is only a date (YYYY年M月D日 [星期X]), its year, else 0. */
static int date_line(const cps *s, size_t b, size_t e)
{
    size_t i = skip_spaces(s, b), end;
    int y = four_digits(s, i, &end), seen_month = 0, seen_day = 0;
    if (y < 0 || !plausible(y))
        return 0;
    i = skip_spaces(s, end);
    if (zsi_cps_at(s, i) != C_NIAN)
        return 0;
    for (i++; i < e; i++) {
        UChar32 c = s->c[i];
        if (zsi_digit_of(c) >= 0 || is_space(c) || zsi_han_digit(c) >= 0 || c == 0x5341)
            continue;
        if (c == 0x6708) /* 月 */
            seen_month = 1;
        else if (c == 0x65E5 || c == 0x53F7) /* 日 号 */
            seen_day = 1;
        else if (zsi_cps_starts(s, i, "星期") || zsi_cps_starts(s, i, "周"))
            i += zsi_cps_starts(s, i, "星期") ? 1 : 0;
        else
            return 0;
    }
    return seen_month && seen_day ? y : 0;
}

int zsi_article_year(const char *text, size_t n)
{
    cps s;
    ylist l = {0};
    int best = 0;

    if (!text || !n)
        return 0;
    if (zsi_cps_decode(text, n, &s) != 0)
        return 0;
    for (size_t b = 0; b < s.n;) {
        size_t e = b;
        while (e < s.n && s.c[e] != '\n' && s.c[e] != '\r')
            e++;
        int y = date_line(&s, b, e);
        if (y) {
            free(s.c);
            return y;
        }
        b = e + 1;
    }
    scan(&s, 0, NULL, &l);
    for (size_t k = 0; k < l.n; k++)
        if (l.v[k] > best)
            best = l.v[k];
    free(l.v);
    free(s.c);
    return best;
}
