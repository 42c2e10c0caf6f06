/*
 * dateline.c - an article's date and outlet from its first lines.
 *
 * A reporter cites "人民日报, 2019-10-22". News carries this in its text:
 * the dateline that opens a report (本报北京10月21日电, 新华社北京1月4日电:
 * month and day, the year left to the reader), a line that is only the
 * date (2019年10月22日 星期二), and reporter lines (人民日报记者 张三); the
 * rules are at zsi_docmeta_from_text() in docmeta_int.h. Every date is
 * checked to exist before it is kept (date.c).
 *
 * Callers apply the sources in order of trust (manifest, name, text); each
 * function here fills only the fields still empty.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cps_int.h"
#include "docmeta_int.h"
#include "extract_int.h"

/* Lines of an article that may hold a reporter line or a header date. */
#define HEAD_LINES 12
/* Longest line (code points) taken as a header line holding a date. */
#define HEADER_DATE_CHARS 40
/* Longest reporter line (code points) read for an outlet. */
#define REPORTER_LINE_CHARS 60

static int is_han(UChar32 c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static int is_blank(UChar32 c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

/* A number of 1-2 digits (ASCII or full width) or in Chinese numerals
 * (一 .. 三十一); chars read, 0 if none. */
static size_t small_num(const cps *s, size_t i, int *v)
{
    int a = zsi_digit_of(zsi_cps_at(s, i));
    if (a >= 0) {
        int b = zsi_digit_of(zsi_cps_at(s, i + 1));
        if (b >= 0 && zsi_digit_of(zsi_cps_at(s, i + 2)) < 0) {
            *v = a * 10 + b;
            return 2;
        }
        *v = a;
        return b >= 0 ? 0 : 1;
    }
    int tens = 0;
    size_t k = i;
    a = zsi_han_digit(zsi_cps_at(s, k));
    if (zsi_cps_at(s, k) == 0x5341) { /* 十 */
        tens = 1;
        k++;
    } else if (a > 0 && zsi_cps_at(s, k + 1) == 0x5341) {
        tens = a;
        k += 2;
    } else if (a > 0) {
        *v = a;
        return 1;
    } else {
        return 0;
    }
    int u = zsi_han_digit(zsi_cps_at(s, k));
    if (u > 0)
        k++;
    *v = tens * 10 + (u > 0 ? u : 0);
    return k - i;
}

/* A four-digit year (ASCII, full width or 二〇一九); chars read or 0. */
static size_t year_at(const cps *s, size_t i, int *y)
{
    int v = 0, han = zsi_han_digit(zsi_cps_at(s, i)) >= 0;
    for (size_t k = 0; k < 4; k++) {
        int d = han ? zsi_han_digit(zsi_cps_at(s, i + k)) : zsi_digit_of(zsi_cps_at(s, i + k));
        if (d < 0)
            return 0;
        v = v * 10 + d;
    }
    if ((han ? zsi_han_digit(zsi_cps_at(s, i + 4)) : zsi_digit_of(zsi_cps_at(s, i + 4))) >= 0)
        return 0;
    *y = v;
    return 4;
}

/* Years zsi_docmeta_from_text() lists in its text (a dated article has a
 * few; more, and it looks for dates at every character). */
#define MAX_YEARS_AT 256

/* A full date at i: 2019年10月22日, 2019-10-22, 2019/10/22, 2019.10.22.
 * Chars read (0: none); out receives it normalized. */
static size_t full_date(const cps *s, size_t i, char out[11])
{
    int y, m, d;
    size_t k = year_at(s, i, &y), l;
    if (!k || (i > 0 && zsi_digit_of(zsi_cps_at(s, i - 1)) >= 0))
        return 0;
    k += i;
    while (is_blank(zsi_cps_at(s, k)))
        k++;
    UChar32 sep = zsi_cps_at(s, k);
    int cjk = sep == 0x5E74; /* 年 */
    if (!cjk && sep != '-' && sep != '/' && sep != '.' && sep != 0xFF0D && sep != 0xFF0F &&
        sep != 0xFF0E)
        return 0;
    k++;
    if (!(l = small_num(s, k, &m)))
        return 0;
    k += l;
    if (cjk ? zsi_cps_at(s, k) != 0x6708 /* 月 */ : zsi_cps_at(s, k) != sep)
        return 0;
    k++;
    if (!(l = small_num(s, k, &d)))
        return 0;
    k += l;
    if (cjk) {
        if (zsi_cps_at(s, k) != 0x65E5 && zsi_cps_at(s, k) != 0x53F7) /* 日 号 */
            return 0;
        k++;
    } else if (zsi_digit_of(zsi_cps_at(s, k)) >= 0) {
        return 0;
    }
    return zsi_make_date(y, m, d, out) ? k - i : 0;
}

/* The line [b, e) is a date and at most a weekday: 2019年10月22日 星期二. */
static int date_only(const cps *s, size_t b, size_t e, char out[11])
{
    size_t k = full_date(s, b, out);
    if (!k)
        return 0;
    for (k += b; k < e; k++) {
        UChar32 c = s->c[k];
        if (is_blank(c) || c == 0xFF08 || c == 0xFF09 || c == '(' || c == ')' || c == 0x65E5 ||
            c == 0x5929 || zsi_han_digit(c) > 0 || zsi_cps_starts(s, k, "星期") || c == 0x671F ||
            c == 0x5468) /* （）() 日 天 一..九 星期 周 */
            continue;
        return 0;
    }
    return 1;
}

/* Text marks that may open a line before a dateline or reporter line. */
static int is_mark(UChar32 c)
{
    return is_blank(c) || c == 0x3010 || c == 0x3011 || c == 0x25A0 || c == 0x25A1 || c == 0x25CF ||
           c == 0x25C6 || c == 0x25B2 || c == 0x25B6 || c == 0x2605 || c == 0x2606 || c == '#' ||
           c == '*' || c == 0xFF08 || c == '(';
}

/* Outlet of a dateline's or reporter's prefix p[0..n): up to its last
 * 报/社/网/台, unless it is the paper speaking of itself (本报, 本台). */
static int outlet_of(const cps *s, size_t b, size_t e, int last, char *out, size_t cap)
{
    if (e - b < 2 || zsi_cps_starts(s, b, "本") || zsi_cps_starts(s, b, "据"))
        return 0;
    size_t cut = 0;
    for (size_t k = b; k < e; k++) {
        UChar32 c = s->c[k];
        if (c == 0x62A5 || c == 0x793E || c == 0x7F51 || c == 0x53F0) { /* 报 社 网 台 */
            cut = k + 1;
            if (!last)
                break;
        }
    }
    if (cut < b + 2)
        return 0;
    size_t w = 0;
    for (size_t k = b; k < cut; k++) {
        if (w + 5 > cap)
            return 0;
        U8_APPEND_UNSAFE(out, w, s->c[k]);
    }
    out[w] = '\0';
    return 1;
}

/*
 * A dateline opening the line [b, e): Han characters (agency and place,
 * 2..14 of them), month 月 day 日, then 电 or 讯. *month and *day receive the
 * date; the agency, if any, goes to outlet.
 */
static int dateline(const cps *s, size_t b, size_t e, int *month, int *day, char *outlet,
                    size_t cap)
{
    while (b < e && is_mark(s->c[b]))
        b++;
    for (size_t j = b + 2; j <= b + 14 && j < e; j++) {
        if (!is_han(s->c[j - 1]))
            break;
        int m, d;
        size_t k = j, l = small_num(s, k, &m);
        if (!l || m < 1 || m > 12 || zsi_cps_at(s, k + l) != 0x6708)
            continue;
        k += l + 1;
        if (!(l = small_num(s, k, &d)) || d < 1 || d > 31 || zsi_cps_at(s, k + l) != 0x65E5)
            continue;
        k += l + 1;
        if (zsi_cps_at(s, k) != 0x7535 && zsi_cps_at(s, k) != 0x8BAF) /* 电 讯 */
            continue;
        *month = m;
        *day = d;
        outlet[0] = '\0';
        outlet_of(s, b, j, 0, outlet, cap);
        return 1;
    }
    return 0;
}

/* A reporter line in [b, e): <outlet>记者 at the line's start or after （. */
static int reporter(const cps *s, size_t b, size_t e, char *outlet, size_t cap)
{
    for (size_t k = b; k + 1 < e; k++) {
        if (!zsi_cps_starts(s, k, "记者"))
            continue;
        size_t p = k;
        while (p > b && is_han(s->c[p - 1]))
            p--;
        size_t lb = b;
        while (lb < e && is_mark(s->c[lb]) && s->c[lb] != 0xFF08 && s->c[lb] != '(')
            lb++;
        int opens =
            p == lb ||
            (p > b && (s->c[p - 1] == 0xFF08 || s->c[p - 1] == '(' || s->c[p - 1] == 0x3011));
        if (!opens || (e - b > REPORTER_LINE_CHARS && !(p > b && s->c[p - 1] == 0xFF08)))
            continue;
        if (k - p <= 12 && outlet_of(s, p, k, 1, outlet, cap))
            return 1;
    }
    return 0;
}

int zsi_docmeta_from_text(const char *text, size_t n, int year_hint, zsi_docmeta *m)
{
    /* a year or month already known (a folder 2019/, a manifest) is refined */
    size_t known = strlen(m->date);
    int partial = known == 4 || known == 7;
    if (m->date[0] && !partial && m->source[0])
        return 0;
    if (!year_hint)
        year_hint = zsi_date_year(m->date);
    size_t scan = n < ZSI_META_SCAN_BYTES ? n : ZSI_META_SCAN_BYTES;
    cps s;
    if (zsi_cps_decode(text, scan, &s) != 0)
        return 0; /* nothing learnt: the document is still indexed */
    char only[11] = "", header[11] = "", any[11] = "", agency[ZSI_OUTLET_BYTES] = "";
    char byline[ZSI_OUTLET_BYTES] = "", tmp[ZSI_OUTLET_BYTES];
    int dl_month = 0, dl_day = 0, ym[32][2];
    size_t lines = 0, nym = 0;
    /* Where year_at() finds a year, in order: full_date() finds none
     * elsewhere, so the lines below ask it only there (asked at every
     * character, it was a third of this function's instructions). all is 0
     * when more than the list holds: then it is asked everywhere. */
    size_t years[MAX_YEARS_AT], nyears = 0;
    int all = 1;
    for (size_t k = 0; k < s.n; k++) { /* Y年M月: a year the dateline's month may share */
        int y, mo;
        size_t l = year_at(&s, k, &y), l2;
        if (l) {
            if (nyears < MAX_YEARS_AT)
                years[nyears++] = k;
            else
                all = 0;
        }
        if (!l || (k > 0 && zsi_digit_of(s.c[k - 1]) >= 0) || zsi_cps_at(&s, k + l) != 0x5E74)
            continue;
        if ((l2 = small_num(&s, k + l + 1, &mo)) && zsi_cps_at(&s, k + l + 1 + l2) == 0x6708 &&
            nym < 32) {
            ym[nym][0] = y;
            ym[nym++][1] = mo;
        }
    }
    for (size_t b = 0; b < s.n;) {
        size_t e = b;
        while (e < s.n && s.c[e] != '\n' && s.c[e] != '\r')
            e++;
        size_t t = b;
        while (t < e && is_blank(s.c[t]))
            t++;
        if (t < e) {
            int head = lines < HEAD_LINES;
            lines++;
            char d[11];
            if (head && !only[0] && date_only(&s, t, e, d))
                memcpy(only, d, sizeof d);
            int punct = 0;
            for (size_t k = t; k < e && !punct; k++)
                punct = s.c[k] == 0x3002 || s.c[k] == 0xFF0C; /* 。， */
            for (size_t k = t, q = 0; k < e && (!any[0] || (head && !header[0])); k++) {
                if (all) { /* on to the next year at or after k */
                    while (q < nyears && years[q] < k)
                        q++;
                    if (q == nyears || years[q] >= e)
                        break;
                    k = years[q];
                }
                if (!full_date(&s, k, d))
                    continue;
                if (!any[0])
                    memcpy(any, d, sizeof d);
                if (head && !header[0] && !punct && e - t <= HEADER_DATE_CHARS)
                    memcpy(header, d, sizeof d);
            }
            if (!dl_month && dateline(&s, t, e, &dl_month, &dl_day, tmp, sizeof tmp))
                memcpy(agency, tmp, sizeof tmp);
            if (head && !byline[0] && reporter(&s, t, e, tmp, sizeof tmp))
                memcpy(byline, tmp, sizeof tmp);
        }
        b = e + 1;
    }
    free(s.c);
    int filled = 0;
    if (!m->date[0] || partial) {
        char d[11] = "";
        if (only[0]) {
            memcpy(d, only, sizeof d);
        } else if (dl_month) {
            /* The year: the file's, else that of a date in the dateline's
             * month (news speaks of this month's events), else the latest
             * year the article states (year.c). */
            int y = year_hint;
            for (size_t k = 0; !y && k < nym; k++)
                if (ym[k][1] == dl_month)
                    y = ym[k][0];
            /* Nothing else: the latest year the article states (year.c)
             * was right for under half of the datelines of real news, and
             * a wrong year is worse than none. */
            zsi_make_date(y, dl_month, dl_day, d);
        }
        if (!d[0] && header[0])
            memcpy(d, header, sizeof d);
        if (d[0] && (!partial || !strncmp(d, m->date, known))) {
            memcpy(m->date, d, sizeof d);
            m->date_from = ZSI_META_TEXT;
            filled = 1;
        }
    }
    if (!m->source[0] && (agency[0] || byline[0])) {
        snprintf(m->source, sizeof m->source, "%s", agency[0] ? agency : byline);
        m->source_from = ZSI_META_TEXT;
        filled = 1;
    }
    return filled;
}
