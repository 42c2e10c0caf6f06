/*
 * docfilter.c - the filters on what is known of a passage's article:
 * date:2019-10, date:2019-10-01..2020-02-29, date:2019.., source:人民日报.
 *
 * A filter's dates are a range of days, [lo, hi], as "YYYY-MM-DD" text so
 * that SQL compares them with the stored docs.date as strings. Articles are
 * dated to the day, the month or the year (docs.date 'YYYY-MM-DD', 'YYYY-MM'
 * or 'YYYY'), so an article's date is a range too, and it matches when its
 * whole range lies inside the filter's: an article dated 2019-10 matches
 * date:2019-10 and date:2019 but not date:2019-10-01..2019-10-15 (it may
 * have been printed after the 15th). For that comparison the end of a month
 * is written as day 31 on both sides (2019-02 ends at "2019-02-31", and a
 * filter ending on 2019-02-28 ends at "2019-02-31" too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docmeta_int.h"
#include "parser_int.h"

/* One date as typed: its fields and how far it went. */
typedef struct ymd {
    int y, m, d; /* 0: not given (m, d) */
} ymd;

/* A digit at p[*i] (ASCII or full-width): its value, *i moved past it; or -1. */
static int digit(const char *p, size_t n, size_t *i)
{
    if (*i < n && p[*i] >= '0' && p[*i] <= '9')
        return p[(*i)++] - '0';
    if (n - *i >= 3 && (unsigned char)p[*i] == 0xEF && (unsigned char)p[*i + 1] == 0xBC &&
        (unsigned char)p[*i + 2] >= 0x90 && (unsigned char)p[*i + 2] <= 0x99) {
        *i += 3;
        return (unsigned char)p[*i - 1] - 0x90;
    }
    return -1;
}

/* Up to max digits at p[*i]; the count read in *nd. */
static int number(const char *p, size_t n, size_t *i, int max, int *nd)
{
    int v = 0, d;
    size_t k = *i;
    *nd = 0;
    while (*nd < max && (d = digit(p, n, &k)) >= 0) {
        v = v * 10 + d;
        *i = k;
        (*nd)++;
    }
    return v;
}

/* If p[*i..n) starts with s, skip it and return 1. */
static int skip(const char *p, size_t n, size_t *i, const char *s)
{
    size_t k = strlen(s);
    if (n - *i >= k && memcmp(p + *i, s, k) == 0) {
        *i += k;
        return 1;
    }
    return 0;
}

/* Nonzero when the range separator between two dates starts at p[i]. */
static int at_range(const char *p, size_t n, size_t i)
{
    static const char *const SEPS[] = {
        "..", "~", "\xEF\xBD\x9E" /* ～ */, "\xE8\x87\xB3" /* 至 */, "\xE5\x88\xB0" /* 到 */, NULL};
    for (const char *const *s = SEPS; *s; s++) {
        size_t k = i;
        if (skip(p, n, &k, *s))
            return (int)(k - i);
    }
    /* 2019-2020: a dash between two years */
    if (i < n && p[i] == '-') {
        size_t k = i + 1;
        int nd;
        number(p, n, &k, 5, &nd);
        if (nd == 4)
            return 1;
    }
    return 0;
}

/* A date field separator after a year or month: - / . or 年 月, each only
 * before a digit (".." separates a range; 2019年 and 10月 end a date). */
static int date_sep(const char *p, size_t n, size_t *i, int after_year)
{
    if (*i < n && (p[*i] == '-' || p[*i] == '/') && !at_range(p, n, *i)) {
        (*i)++;
        return 1;
    }
    if (*i + 1 < n && p[*i] == '.' && p[*i + 1] >= '0' && p[*i + 1] <= '9') {
        (*i)++;
        return 1;
    }
    size_t k = *i;
    int nd;
    if (!skip(p, n, &k, after_year ? "\xE5\xB9\xB4" /* 年 */ : "\xE6\x9C\x88" /* 月 */))
        return 0;
    size_t j = k;
    number(p, n, &j, 1, &nd);
    if (!nd)
        return 0;
    *i = k;
    return 1;
}

/*
 * The month or day of a date at p[*i], after its separator (first: the one
 * after the year); when no separator follows, the unit word that may end
 * the date there (年, 月) is skipped and 0 returned. 1: *v read; -1: not one
 * or two digits (*bad says where, *msg = what: the message).
 */
static int next_field(const char *p, size_t n, size_t *i, int first, const char *unit,
                      const char *what, int *v, size_t *bad, const char **msg)
{
    size_t k = *i;
    int nd;
    if (!date_sep(p, n, &k, first)) {
        skip(p, n, i, unit);
        return 0;
    }
    *bad = *i = k;
    *v = number(p, n, i, 3, &nd);
    if (nd < 1 || nd > 2) {
        *msg = what;
        return -1;
    }
    return 1;
}

/*
 * Read one date at p[*i]: YYYY, YYYY-MM or YYYY-MM-DD (also / or . between
 * the fields, 2019年10月1日, full-width digits). On failure, *bad is the
 * offset of the field at fault and msg says what is wrong.
 */
static int read_date(const char *p, size_t n, size_t *i, ymd *out, size_t *bad, const char **msg)
{
    int nd;
    out->y = out->m = out->d = 0;
    *bad = *i;
    out->y = number(p, n, i, 5, &nd);
    if (nd != 4 || out->y < 1000) {
        *msg = "a year of four digits";
        return -1;
    }
    int r = next_field(p, n, i, 1, "\xE5\xB9\xB4" /* 2019年 */, "a month of one or two digits",
                       &out->m, bad, msg);
    if (r <= 0)
        return r;
    if (out->m < 1 || out->m > 12) {
        *msg = "a month from 1 to 12";
        return -1;
    }
    r = next_field(p, n, i, 0, "\xE6\x9C\x88" /* 10月 */, "a day of one or two digits", &out->d,
                   bad, msg);
    if (r <= 0)
        return r;
    if (out->d < 1 || out->d > zsi_days_in(out->y, out->m)) {
        *msg = "a day of that month";
        return -1;
    }
    skip(p, n, i, "\xE6\x97\xA5"); /* 1日 */
    return 0;
}

/* The first day of a date as "YYYY-MM-DD". */
static void first_day(const ymd *v, char out[ZSQ_DATE_BYTES])
{
    snprintf(out, ZSQ_DATE_BYTES, "%04d-%02d-%02d", v->y, v->m ? v->m : 1, v->d ? v->d : 1);
}

/* The last day of a date; a month's last day is written 31 (see above). */
static void last_day(const ymd *v, char out[ZSQ_DATE_BYTES])
{
    int d = !v->d || v->d == zsi_days_in(v->y, v->m ? v->m : 12) ? 31 : v->d;
    snprintf(out, ZSQ_DATE_BYTES, "%04d-%02d-%02d", v->y, v->m ? v->m : 12, d);
}

int zsq_date_range(const char *p, size_t n, char lo[ZSQ_DATE_BYTES], char hi[ZSQ_DATE_BYTES],
                   size_t *bad, char *err, size_t errcap)
{
    size_t i = 0, k;
    ymd a, b;
    const char *msg = "";
    int sep;
    strcpy(lo, "0000-00-00");
    strcpy(hi, "9999-99-99");
    if ((sep = at_range(p, n, 0)) != 0 && !(p[0] == '-')) { /* ..2020-02: until */
        i = (size_t)sep;
        if (read_date(p, n, &i, &b, bad, &msg))
            goto bad_field;
        last_day(&b, hi);
    } else {
        if (read_date(p, n, &i, &a, bad, &msg))
            goto bad_field;
        first_day(&a, lo);
        if (i == n) {
            last_day(&a, hi);
        } else if ((sep = at_range(p, n, i)) != 0) {
            i += (size_t)sep;
            if (i < n) { /* else 2019-10..: from */
                if (read_date(p, n, &i, &b, bad, &msg))
                    goto bad_field;
                last_day(&b, hi);
            }
        }
    }
    if (i != n) {
        *bad = i;
        snprintf(err, errcap,
                 "date filter: cannot read '%.*s' after the date (expected e.g. "
                 "2019-10, 2019-10-01..2020-02-29, 2019..)",
                 (int)(n - i), p + i);
        return -1;
    }
    if (strcmp(lo, hi) > 0) {
        *bad = 0;
        snprintf(err, errcap, "date filter: range '%.*s' is reversed", (int)n, p);
        return -1;
    }
    return 0;
bad_field:
    k = *bad;
    snprintf(err, errcap,
             "date filter: expected %s at '%.*s' (e.g. 2019-10, "
             "2019-10-01..2020-02-29, 2019..)",
             msg, (int)(n - k > 12 ? 12 : n - k), p + k);
    return -1;
}

int zsq_date_filter(parser *P, size_t vs, size_t ve)
{
    char lo[ZSQ_DATE_BYTES], hi[ZSQ_DATE_BYTES], err[256];
    size_t bad = 0;
    zsq_parsed *pq = P->pq;
    if (zsq_date_range(P->q + vs, ve - vs, lo, hi, &bad, err, sizeof err))
        return zsq_fail(P, ZS_ESYNTAX, vs + bad, "%s", err);
    if (pq->has_date) { /* date: filters intersect */
        if (strcmp(lo, pq->date_lo) < 0)
            memcpy(lo, pq->date_lo, ZSQ_DATE_BYTES);
        if (strcmp(hi, pq->date_hi) > 0)
            memcpy(hi, pq->date_hi, ZSQ_DATE_BYTES);
        if (strcmp(lo, hi) > 0)
            return zsq_fail(P, ZS_ESYNTAX, vs,
                            "date filter: date:%.*s and the earlier date: filter have no day "
                            "in common",
                            (int)(ve - vs), P->q + vs);
    }
    pq->has_date = 1;
    memcpy(pq->date_lo, lo, ZSQ_DATE_BYTES);
    memcpy(pq->date_hi, hi, ZSQ_DATE_BYTES);
    return 0;
}

int zsq_source_filter(parser *P, size_t vs, size_t ve)
{
    zsq_parsed *pq = P->pq;
    char *s = zsq_filter_copy(P, vs, ve, pq->nsources, ZSQ_MAX_SOURCES, "source");
    if (!s)
        return P->rc;
    pq->sources[pq->nsources++] = s;
    return 0;
}

int zsq_doc_match(const zsq_parsed *pq, const char *date, const char *source)
{
    if (pq->has_date) {
        size_t n = date ? strlen(date) : 0;
        char lo[ZSQ_DATE_BYTES + 8], hi[ZSQ_DATE_BYTES + 8];
        if (n != 4 && n != 7 && n != 10)
            return 0;
        /* as the SQL of where.c: the article's own range of days */
        snprintf(lo, sizeof lo, "%s%s", date, n == 4 ? "-01-01" : n == 7 ? "-01" : "");
        snprintf(hi, sizeof hi, "%s%s", date, n == 4 ? "-12-31" : n == 7 ? "-31" : "");
        if (strcmp(lo, pq->date_lo) < 0 || strcmp(hi, pq->date_hi) > 0)
            return 0;
    }
    if (pq->nsources) {
        size_t i = 0;
        while (i < pq->nsources && (!source || strcmp(source, pq->sources[i]) != 0))
            i++;
        if (i == pq->nsources)
            return 0;
    }
    return 1;
}
