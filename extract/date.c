/*
 * date.c - dates as zhaoshu keeps them: "YYYY-MM-DD", "YYYY-MM" or "YYYY",
 * each checked to exist (2019-02-29 does not) before it is kept, and read
 * from the ways a person writes one in a manifest. File names (docname.c)
 * and datelines (dateline.c) build their dates here.
 */
#include <stdlib.h>
#include <string.h>

#include "docmeta_int.h"
#include "extract_int.h"

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int zsi_days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

int zsi_make_date(int y, int m, int d, char out[11])
{
    if (y < ZSI_YEAR_MIN || y > ZSI_YEAR_MAX || m < 0 || m > 12 || d < 0 || (d && !m) ||
        (d && d > zsi_days_in(y, m)))
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
        return j == n && zsi_make_date(y, m, d, out);
    }
    j = i;
    if (ascii_num(s, n, &j, 4, &y) != 4)
        return 0;
    i = j;
    if (i == n)
        return zsi_make_date(y, 0, 0, out);
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
        return zsi_make_date(y, m, 0, out);
    if (!cjk && s[i++] != sep)
        return 0;
    if (!ascii_num(s, n, &i, 2, &d) || !d)
        return 0;
    if (cjk && n - i >= 3 && (!memcmp(s + i, "日", 3) || !memcmp(s + i, "号", 3)))
        i += 3;
    return i == n && zsi_make_date(y, m, d, out);
}
