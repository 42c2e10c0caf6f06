/*
 * docmeta.c - an article's date, outlet and page, from its file name and
 * from its first lines.
 *
 * A reporter cites "人民日报, 2019-10-22, page 2". Crawled news carries this
 * in its file names (rmrb_20191022-02-01: date, page, article on the page)
 * and in its text: the dateline that opens a report (本报北京10月21日电,
 * 新华社北京1月4日电: month and day, the year left to the reader), a line
 * that is only the date (2019年10月22日 星期二), and reporter lines
 * (人民日报记者 张三). Names are read with patterns (data/sources.tsv and the
 * user's own, see docmeta_int.h); text with the rules of
 * zsi_docmeta_from_text(). Every date is checked to exist before it is
 * kept: a name that only looks like a date (a hash holding 80808132) gives
 * nothing rather than a wrong date.
 *
 * Callers apply the sources in order of trust (manifest, name, text); each
 * function here fills only the fields still empty.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "docmeta_int.h"
#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_sources[];
extern const size_t zs_data_sources_len;

/* Most patterns kept (built in, user file and run time together). */
#define MAX_PATTERNS 256
/* Lines of an article that may hold a reporter line or a header date. */
#define HEAD_LINES 12
/* Longest line (code points) taken as a header line holding a date. */
#define HEADER_DATE_CHARS 40
/* Longest reporter line (code points) read for an outlet. */
#define REPORTER_LINE_CHARS 60

/* ------------------------------------------------------------------ dates */

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* y, m (0: none), d (0: none) as a normalized date; 0 when it cannot be. */
static int make_date(int y, int m, int d, char out[11])
{
    if (y < ZSI_YEAR_MIN || y > ZSI_YEAR_MAX || m < 0 || m > 12 || d < 0 || (d && !m) ||
        (d && d > days_in(y, m)))
        return 0;
    /* written by hand: the ranges are checked, and snprintf's %02d makes
     * GCC fear an int of ten digits */
    char *w = out;
    for (int k = 1000; k; k /= 10)
        *w++ = (char)('0' + y / k % 10);
    if (m) {
        *w++ = '-';
        *w++ = (char)('0' + m / 10);
        *w++ = (char)('0' + m % 10);
    }
    if (d) {
        *w++ = '-';
        *w++ = (char)('0' + d / 10);
        *w++ = (char)('0' + d % 10);
    }
    *w = '\0';
    return 1;
}

int zsi_date_year(const char *date)
{
    return date && date[0] ? atoi(date) : 0;
}

/* ASCII digits at s[*i..n), at most max of them, into *v; count read. */
static int ascii_num(const char *s, size_t n, size_t *i, int max, int *v)
{
    int k = 0;
    *v = 0;
    while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') {
        *v = *v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    return k;
}

int zsi_date_normalize(const char *s, size_t n, char out[11])
{
    size_t i = 0;
    int y, m = 0, d = 0;
    out[0] = '\0';
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t j = i;
    if (ascii_num(s, n, &j, 8, &y) == 8) { /* YYYYMMDD */
        d = y % 100;
        m = y / 100 % 100;
        y /= 10000;
        return j == n && make_date(y, m, d, out);
    }
    j = i;
    if (ascii_num(s, n, &j, 4, &y) != 4)
        return 0;
    i = j;
    if (i == n)
        return make_date(y, 0, 0, out);
    int cjk = n - i >= 3 && !memcmp(s + i, "年", 3);
    char sep = cjk ? 0 : s[i];
    if (!cjk && sep != '-' && sep != '/' && sep != '.')
        return 0;
    i += cjk ? 3 : 1;
    if (!ascii_num(s, n, &i, 2, &m) || !m)
        return 0;
    if (cjk) {
        if (n - i < 3 || memcmp(s + i, "月", 3))
            return 0;
        i += 3;
    }
    if (i == n)
        return make_date(y, m, 0, out);
    if (!cjk && s[i++] != sep)
        return 0;
    if (!ascii_num(s, n, &i, 2, &d) || !d)
        return 0;
    if (cjk && n - i >= 3 && (!memcmp(s + i, "日", 3) || !memcmp(s + i, "号", 3)))
        i += 3;
    return i == n && make_date(y, m, d, out);
}

/* -------------------------------------------------------------- patterns */

typedef struct pattern {
    const char *pat;
    size_t npat;
    const char *outlet;
    size_t noutlet;
    size_t parts; /* path components matched: 1 + the slashes in pat */
} pattern;

struct zsi_name_patterns {
    pattern v[MAX_PATTERNS];
    size_t n;
    char *data;   /* the loaded data file; entries point into it */
    char **extra; /* copies of run-time patterns */
    size_t nextra;
};

/* Steps of match() for one pattern and name: real patterns against real
 * names take a few hundred. */
#define MATCH_BUDGET 100000L

/* Fields a match found. */
typedef struct fields {
    int y, m, d, page;
} fields;

static int isdig(char c)
{
    return c >= '0' && c <= '9';
}

/* Is p[0..n) at a digit field (%Y %m %d %p)? */
static int field_at(const char *p, size_t n)
{
    return n >= 2 && p[0] == '%' && strchr("Ymdp", p[1]);
}

/*
 * Match pattern p[0..np) against s[0..ns) from position i. after_field: the
 * previous pattern item was a digit field (so a digit may precede). A digit
 * field never starts or ends inside a longer run of digits it does not
 * account for: `*%Y%m%d*` finds 20191022 only as a whole run of eight.
 */
static int match(const char *p, size_t np, const char *s, size_t ns, size_t i, int after_field,
                 fields *f, long *budget)
{
    /* Backtracking over several '*' is polynomial in the name's length to
     * the number of stars (a fuzzed pattern of 14 stars ran for minutes):
     * runs of '*' are one, and a match that takes more steps than any real
     * file name needs is no match. */
    if (--*budget < 0)
        return 0;
    if (!np)
        return i == ns;
    if (p[0] == '*') {
        while (np > 1 && p[1] == '*') {
            p++;
            np--;
        }
        for (size_t k = i; k <= ns; k++)
            if (match(p + 1, np - 1, s, ns, k, 0, f, budget))
                return 1;
        return 0;
    }
    if (field_at(p, np)) {
        if (!after_field && i > 0 && isdig(s[i - 1]))
            return 0;
        int lo = p[1] == 'Y' ? 4 : 1, hi = p[1] == 'Y' ? 4 : p[1] == 'p' ? 4 : 2;
        /* A field run into the next (%Y%m%d) has its whole width: with one
         * digit allowed, a hash's 191035 read as 1910-3-5 (realnews eb_). */
        if (field_at(p + 2, np - 2))
            lo = hi;
        for (int len = hi; len >= lo; len--) {
            if (i + (size_t)len > ns)
                continue;
            int v = 0, ok = 1;
            for (int k = 0; k < len && ok; k++) {
                ok = isdig(s[i + (size_t)k]);
                v = v * 10 + (s[i + (size_t)k] - '0');
            }
            size_t e = i + (size_t)len;
            if (!ok || (e < ns && isdig(s[e]) && !field_at(p + 2, np - 2)))
                continue;
            fields save = *f;
            if (p[1] == 'Y')
                f->y = v;
            else if (p[1] == 'm')
                f->m = v;
            else if (p[1] == 'd')
                f->d = v;
            else
                f->page = v;
            if (match(p + 2, np - 2, s, ns, e, 1, f, budget)) {
                char tmp[11];
                /* a date must exist; checked here so that `*` tries on */
                if (np > 2 || !f->y || make_date(f->y, f->m, f->d, tmp))
                    return 1;
            }
            *f = save;
        }
        return 0;
    }
    size_t adv = np >= 2 && p[0] == '%' && p[1] == '%' ? 2 : 1;
    if (i < ns && s[i] == p[adv - 1])
        return match(p + adv, np - adv, s, ns, i + 1, 0, f, budget);
    return 0;
}

int zsi_name_pattern_check(const char *pat, char *err, size_t errcap)
{
    size_t n = strcspn(pat, "=\t");
    int year = 0, month = 0, day = 0;
    if (!n || n > ZSI_MAX_NAME_PATTERN) {
        snprintf(err, errcap, "pattern '%s': empty or longer than %d bytes", pat,
                 ZSI_MAX_NAME_PATTERN);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (pat[i] != '%')
            continue;
        char c = i + 1 < n ? pat[i + 1] : '\0';
        if (!c || !strchr("Ymdp%", c)) {
            snprintf(err, errcap,
                     "pattern '%.*s': unknown field '%%%c' (known: %%Y %%m %%d %%p %%%%)", (int)n,
                     pat, c ? c : ' ');
            return 0;
        }
        year += c == 'Y';
        month += c == 'm';
        day += c == 'd';
        i++;
    }
    if (year > 1 || month > 1 || day > 1 || (day && !month) || (month && !year)) {
        snprintf(err, errcap,
                 "pattern '%.*s': a date needs %%Y, then optionally %%m and %%d, each once", (int)n,
                 pat);
        return 0;
    }
    return 1;
}

static int add_pattern(zsi_name_patterns *np, const char *line, size_t len, char *err,
                       size_t errcap)
{
    char tmp[ZSI_MAX_NAME_PATTERN + ZSI_OUTLET_BYTES + 2];
    size_t k = 0;
    while (k < len && line[k] != '\t' && line[k] != '=')
        k++;
    snprintf(tmp, sizeof tmp, "%.*s", (int)(len < sizeof tmp - 1 ? len : sizeof tmp - 1), line);
    if (!zsi_name_pattern_check(tmp, err, errcap))
        return ZS_EINVAL;
    if (np->n == MAX_PATTERNS) {
        snprintf(err, errcap, "more than %d file-name patterns", MAX_PATTERNS);
        return ZS_ELIMIT;
    }
    pattern *p = &np->v[np->n++];
    p->pat = line;
    p->npat = k;
    p->outlet = k < len ? line + k + 1 : line + len;
    p->noutlet = k < len ? len - k - 1 : 0;
    while (p->noutlet && (*p->outlet == ' ' || *p->outlet == '\t'))
        p->outlet++, p->noutlet--;
    if (p->noutlet >= ZSI_OUTLET_BYTES)
        p->noutlet = ZSI_OUTLET_BYTES - 1;
    p->parts = 1;
    for (size_t i = 0; i < k; i++)
        p->parts += line[i] == '/';
    return 0;
}

/* Add every pattern line of buf[from..n). */
static int add_lines(zsi_name_patterns *np, const char *buf, size_t n, size_t from, char *err,
                     size_t errcap)
{
    size_t pos = from;
    const char *line;
    size_t len;
    int rc = 0;
    while (!rc && zsi_data_next_line(buf, n, &pos, &line, &len))
        rc = add_pattern(np, line, len, err, errcap);
    return rc;
}

int zsi_name_patterns_open(zsi_name_patterns **out, const char *const *extra, size_t n, char *err,
                           size_t errcap)
{
    zsi_name_patterns *np = calloc(1, sizeof *np);
    size_t nbuf = 0;
    int rc;
    *out = NULL;
    if (!np || (n && !(np->extra = calloc(n, sizeof *np->extra)))) {
        free(np);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        if (!(np->extra[i] = strdup(extra[i]))) {
            rc = ZS_ENOMEM;
            goto fail;
        }
        np->nextra++;
        if ((rc = add_pattern(np, np->extra[i], strlen(np->extra[i]), err, errcap)) != 0)
            goto fail;
    }
    rc = zss_data_load("sources.tsv", zs_data_sources, zs_data_sources_len, &np->data, &nbuf);
    if (rc) {
        snprintf(err, errcap, "cannot read the user's sources.tsv (error %d)", rc);
        goto fail;
    }
    /* The user's lines (after the built-in text and its '\n') come first. */
    size_t user = zs_data_sources_len + 1;
    if ((rc = add_lines(np, np->data, nbuf, user < nbuf ? user : nbuf, err, errcap)) != 0)
        goto fail;
    char *cut = np->data + (user <= nbuf ? user - 1 : nbuf);
    char saved = *cut;
    *cut = '\0'; /* built-in lines end here */
    rc = add_lines(np, np->data, (size_t)(cut - np->data), 0, err, errcap);
    *cut = saved;
    if (rc)
        goto fail;
    *out = np;
    return 0;
fail:
    zsi_name_patterns_free(np);
    return rc;
}

void zsi_name_patterns_free(zsi_name_patterns *np)
{
    if (!np)
        return;
    for (size_t i = 0; i < np->nextra; i++)
        free(np->extra[i]);
    free(np->extra);
    free(np->data);
    free(np);
}

int zsi_docmeta_from_name(const zsi_name_patterns *np, const char *path, zsi_docmeta *m)
{
    size_t len = strlen(path);
    if (!np)
        return 0;
    /* drop the extension of the last part */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t end = dot && dot > base ? (size_t)(dot - path) : len;
    for (size_t k = 0; k < np->n; k++) {
        const pattern *p = &np->v[k];
        /* the last p->parts components */
        size_t from = end, parts = 0;
        while (from > 0 && parts < p->parts) {
            from--;
            if (path[from] == '/')
                parts++;
        }
        if (parts == p->parts)
            from++;
        fields f = {0, 0, 0, 0};
        long budget = MATCH_BUDGET;
        if (!match(p->pat, p->npat, path + from, end - from, 0, 0, &f, &budget))
            continue;
        char date[11] = "";
        if (f.y && !make_date(f.y, f.m, f.d, date))
            continue;
        if (!m->date[0] && date[0]) {
            memcpy(m->date, date, sizeof m->date);
            m->date_from = ZSI_META_NAME;
        }
        if (!m->source[0] && p->noutlet) {
            memcpy(m->source, p->outlet, p->noutlet);
            m->source[p->noutlet] = '\0';
            m->source_from = ZSI_META_NAME;
        }
        if (!m->page && f.page)
            m->page = f.page;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ text */

typedef struct cps {
    UChar32 *c;
    size_t n;
} cps;

static UChar32 at(const cps *s, size_t i)
{
    return i < s->n ? s->c[i] : 0;
}

static int digit_of(UChar32 c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 0xFF10 && c <= 0xFF19)
        return (int)(c - 0xFF10);
    return -1;
}

static int han_digit(UChar32 c)
{
    static const UChar32 d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    if (c == 0x96F6) /* 零 */
        return 0;
    for (int k = 0; k < 10; k++)
        if (c == d[k])
            return k;
    return -1;
}

static int is_han(UChar32 c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static int is_blank(UChar32 c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

static int starts(const cps *s, size_t i, const char *w)
{
    int32_t k = 0, n = (int32_t)strlen(w);
    while (k < n) {
        UChar32 c;
        U8_NEXT(w, k, n, c);
        if (at(s, i++) != c)
            return 0;
    }
    return 1;
}

/* A number of 1-2 digits (ASCII or full width) or in Chinese numerals
 * (一 .. 三十一); chars read, 0 if none. */
static size_t small_num(const cps *s, size_t i, int *v)
{
    int a = digit_of(at(s, i));
    if (a >= 0) {
        int b = digit_of(at(s, i + 1));
        if (b >= 0 && digit_of(at(s, i + 2)) < 0) {
            *v = a * 10 + b;
            return 2;
        }
        *v = a;
        return b >= 0 ? 0 : 1;
    }
    int tens = 0;
    size_t k = i;
    a = han_digit(at(s, k));
    if (at(s, k) == 0x5341) { /* 十 */
        tens = 1;
        k++;
    } else if (a > 0 && at(s, k + 1) == 0x5341) {
        tens = a;
        k += 2;
    } else if (a > 0) {
        *v = a;
        return 1;
    } else {
        return 0;
    }
    int u = han_digit(at(s, k));
    if (u > 0)
        k++;
    *v = tens * 10 + (u > 0 ? u : 0);
    return k - i;
}

/* A four-digit year (ASCII, full width or 二〇一九); chars read or 0. */
static size_t year_at(const cps *s, size_t i, int *y)
{
    int v = 0, han = han_digit(at(s, i)) >= 0;
    for (size_t k = 0; k < 4; k++) {
        int d = han ? han_digit(at(s, i + k)) : digit_of(at(s, i + k));
        if (d < 0)
            return 0;
        v = v * 10 + d;
    }
    if ((han ? han_digit(at(s, i + 4)) : digit_of(at(s, i + 4))) >= 0)
        return 0;
    *y = v;
    return 4;
}

/* A full date at i: 2019年10月22日, 2019-10-22, 2019/10/22, 2019.10.22.
 * Chars read (0: none); out receives it normalized. */
static size_t full_date(const cps *s, size_t i, char out[11])
{
    int y, m, d;
    size_t k = year_at(s, i, &y), l;
    if (!k || (i > 0 && digit_of(at(s, i - 1)) >= 0))
        return 0;
    k += i;
    while (is_blank(at(s, k)))
        k++;
    UChar32 sep = at(s, k);
    int cjk = sep == 0x5E74; /* 年 */
    if (!cjk && sep != '-' && sep != '/' && sep != '.' && sep != 0xFF0D && sep != 0xFF0F &&
        sep != 0xFF0E)
        return 0;
    k++;
    if (!(l = small_num(s, k, &m)))
        return 0;
    k += l;
    if (cjk ? at(s, k) != 0x6708 /* 月 */ : at(s, k) != sep)
        return 0;
    k++;
    if (!(l = small_num(s, k, &d)))
        return 0;
    k += l;
    if (cjk) {
        if (at(s, k) != 0x65E5 && at(s, k) != 0x53F7) /* 日 号 */
            return 0;
        k++;
    } else if (digit_of(at(s, k)) >= 0) {
        return 0;
    }
    return make_date(y, m, d, out) ? k - i : 0;
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
            c == 0x5929 || han_digit(c) > 0 || starts(s, k, "星期") || c == 0x671F ||
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
    if (e - b < 2 || starts(s, b, "本") || starts(s, b, "据"))
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
        if (!l || m < 1 || m > 12 || at(s, k + l) != 0x6708)
            continue;
        k += l + 1;
        if (!(l = small_num(s, k, &d)) || d < 1 || d > 31 || at(s, k + l) != 0x65E5)
            continue;
        k += l + 1;
        if (at(s, k) != 0x7535 && at(s, k) != 0x8BAF) /* 电 讯 */
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
        if (!starts(s, k, "记者"))
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
    cps s = {malloc((scan + 1) * sizeof(UChar32)), 0};
    if (!s.c)
        return 0; /* nothing learnt: the document is still indexed */
    int32_t i = 0;
    while (i < (int32_t)scan) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)scan, c);
        s.c[s.n++] = c < 0 ? 0xFFFD : c;
    }
    char only[11] = "", header[11] = "", any[11] = "", agency[ZSI_OUTLET_BYTES] = "";
    char byline[ZSI_OUTLET_BYTES] = "", tmp[ZSI_OUTLET_BYTES];
    int dl_month = 0, dl_day = 0, ym[32][2];
    size_t lines = 0, nym = 0;
    for (size_t k = 0; k < s.n; k++) { /* Y年M月: a year the dateline's month may share */
        int y, mo;
        size_t l = year_at(&s, k, &y), l2;
        if (!l || (k > 0 && digit_of(s.c[k - 1]) >= 0) || at(&s, k + l) != 0x5E74)
            continue;
        if ((l2 = small_num(&s, k + l + 1, &mo)) && at(&s, k + l + 1 + l2) == 0x6708 && nym < 32) {
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
            for (size_t k = t; k < e && (!any[0] || (head && !header[0])); k++) {
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
            make_date(y, dl_month, dl_day, d);
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
