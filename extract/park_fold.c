/*
 * park_fold.c - a zone name to its canonical one: the longest suffix
 * replaced by its canonical form (经济开发区 -> 经开区), [infix] levels at the
 * end of the prefix dropped (国家, 省级), a bracketed aside dropped, a
 * [province] prefix dropped when the rest is a known zone; 园 and 园区 one
 * spelling; the State Council's style, 中国（X）and a kind, X's zone of
 * that kind.
 *
 * Invariant: reads the gazetteer only; every buffer is bounded by
 * MAX_NAME_BYTES.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract_int.h"
#include "park_int.h"
#include "segment_int.h"

/* Does s[0..n) end with the name of a division of China (two to four
 * characters: 六盘水, 和田; not a region as 中东欧)? */
static int ends_with_place(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t L = 6; L <= 12 && L <= n; L += 3) {
        size_t row;
        if (!(zsi_words_find(g->words, s + n - L, L, &row) & ZSW_PLACE))
            continue;
        int level = zsi_words_place(g->words, row, NULL, NULL);
        if (level == ZSW_PROVINCE || level == ZSW_CITY || level == ZSW_COUNTY || level == ZSW_TOWN)
            return 1;
    }
    return 0;
}

/* Is the [infix] word w, ending s[0..n) before suffix x, a level to drop:
 * 国家 before a kind the State names (六盘水国家高新区, 岳麓山国家大学科技
 * 城) or after a place's name (和田国家农业科技园区). Right before a park
 * (园, 园区) after another word it is the name's "countries" (葡语国家产业园:
 * a park for the Portuguese-speaking countries). */
static int infix_drops(const zsi_gazetteer *g, const char *s, size_t n, const str *w,
                       const suffix *x)
{
    if (!has_suffix(s, n, w->s, w->n) || nchars(s, n - w->n) < 2)
        return 0;
    if (w->n != 6 || memcmp(w->s, "\xE5\x9B\xBD\xE5\xAE\xB6", 6) != 0) /* 国家 */
        return 1;
    return !zsi_pk_ends_park(x->canon) || ends_with_place(g, s, n - w->n);
}

/*
 * Fold a zone name to canonical spelling into buf (NUL-terminated).
 * Returns its length, or 0 if it does not fit.
 */
size_t zsi_pk_fold(const zsi_gazetteer *g, const char *s, size_t n, char *buf, size_t cap)
{
    long si = zsi_pk_ending_suffix(g, s, n);
    size_t pn, o;
    int again = 1;
    if (si < 0) {
        if (n + 1 > cap)
            return 0;
        memcpy(buf, s, n);
        buf[n] = '\0';
        return n;
    }
    pn = zsi_pk_drop_aside(s, n - g->suf[si].n);
    while (again) {
        again = 0;
        for (size_t k = 0; k < g->infix.n; k++) {
            const str *w = &g->infix.v[k];
            if (infix_drops(g, s, pn, w, &g->suf[si])) {
                pn -= w->n;
                again = 1;
                break;
            }
        }
    }
    o = pn + g->suf[si].ncanon;
    if (o + 1 > cap)
        return 0;
    memcpy(buf, s, pn);
    memcpy(buf + pn, g->suf[si].canon, g->suf[si].ncanon);
    buf[o] = '\0';
    return o;
}

/* Canonical index for a name by alias, fold, or fold minus province; else -1. */
static size_t resolve_name(const zsi_gazetteer *g, const char *s, size_t n);

/* Bytes of a bracket at s[0..n): an opening one when open, else a closing
 * one; 0 when none. */
static size_t bracket(const char *s, size_t n, int open)
{
    const char *fw = open ? "\xEF\xBC\x88" : "\xEF\xBC\x89"; /* （ ） */
    if (n >= 1 && s[0] == (open ? '(' : ')'))
        return 1;
    return n >= 3 && memcmp(s, fw, 3) == 0 ? 3 : 0;
}

/* As resolve_name(), and a name in the State Council's style, 中国（X）
 * and a kind (中国（浙江）自贸试验区), is X's zone of that kind when the
 * lists know no such spelling. */
size_t zsi_pk_resolve(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t c = resolve_name(g, s, n), ob, cb, k;
    static const char ZG[] = "\xE4\xB8\xAD\xE5\x9B\xBD"; /* 中国 */
    if (c != (size_t)-1 || n < 6 || memcmp(s, ZG, 6) != 0 || !(ob = bracket(s + 6, n - 6, 1)))
        return c;
    for (k = 6 + ob; k < n && k <= 6 + ob + 3 * 6; k++)
        if ((cb = bracket(s + k, n - k, 0)) != 0) {
            char buf[MAX_NAME_BYTES * 2];
            size_t in = k - 6 - ob, rest = n - k - cb;
            if (in < 6 || in + rest > sizeof buf)
                return c;
            memcpy(buf, s + 6 + ob, in);
            memcpy(buf + in, s + k + cb, rest);
            return resolve_name(g, buf, in + rest);
        }
    return c;
}

static size_t resolve_name(const zsi_gazetteer *g, const char *s, size_t n)
{
    char buf[MAX_NAME_BYTES * 2];
    size_t a = zsi_pk_find_alias(g, s, n), fn;
    if (a != (size_t)-1)
        return g->al[a].canon;
    fn = zsi_pk_fold(g, s, n, buf, sizeof buf);
    if (!fn)
        return (size_t)-1;
    if ((a = zsi_pk_find_alias(g, buf, fn)) != (size_t)-1)
        return g->al[a].canon;
    for (size_t k = 0; k < g->province.n; k++) {
        const str *w = &g->province.v[k];
        if (has_prefix(buf, fn, w) && fn > w->n) {
            if ((a = zsi_pk_find_alias(g, buf + w->n, fn - w->n)) != (size_t)-1)
                return g->al[a].canon;
            char buf2[MAX_NAME_BYTES * 2];
            size_t f2 = zsi_pk_fold(g, buf + w->n, fn - w->n, buf2, sizeof buf2);
            if (f2 && (a = zsi_pk_find_alias(g, buf2, f2)) != (size_t)-1)
                return g->al[a].canon;
        }
    }
    /* 开发区 is the short form news prints for an 经济技术开发区 (武汉开发区,
     * 烟台开发区, 天津开发区): X开发区, unlisted, is the listed X经开区.
     * A 高新区 that goes by 开发区 (火炬开发区) is listed so. */
    static const char KFQ[] = "\xE5\xBC\x80\xE5\x8F\x91\xE5\x8C\xBA"; /* 开发区 */
    static const char JKQ[] = "\xE7\xBB\x8F\xE5\xBC\x80\xE5\x8C\xBA"; /* 经开区 */
    if (has_suffix(s, n, KFQ, 9) && n >= 9 + 6 && n <= sizeof buf &&
        !has_suffix(s, n - 9, "\xE7\xBB\x8F\xE6\xB5\x8E", 6) && /* 经济 */
        !has_suffix(s, n - 9, "\xE6\x8A\x80\xE6\x9C\xAF", 6)) { /* 技术 */
        memcpy(buf, s, n - 9);
        memcpy(buf + n - 9, JKQ, 9);
        if ((a = resolve_name(g, buf, n)) != (size_t)-1)
            return a;
    }
    /* A park is printed with 园 and with 园区 (苏州工业园, 苏州工业园区): the
     * other spelling of a listed park is that park. */
    if (has_suffix(s, n, "\xE5\x9B\xAD", 3) && n + 3 <= sizeof buf) { /* 园 */
        memcpy(buf, s, n);
        memcpy(buf + n, "\xE5\x8C\xBA", 3); /* 区 */
        if ((a = zsi_pk_find_alias(g, buf, n + 3)) != (size_t)-1)
            return g->al[a].canon;
    } else if (has_suffix(s, n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6) && /* 园区 */
               (a = zsi_pk_find_alias(g, s, n - 3)) != (size_t)-1)
        return g->al[a].canon;
    return (size_t)-1;
}

const char *zsi_park_canonical(const zsi_gazetteer *g, const char *alias_, size_t n)
{
    size_t c;
    if (!g || !alias_ || !n || n > MAX_NAME_BYTES)
        return NULL;
    c = zsi_pk_resolve(g, alias_, n);
    return c == (size_t)-1 ? NULL : g->names.v[c].s;
}

/* Does the zone name z end as a park's (园, 园区)? */
int zsi_pk_ends_park(const char *z)
{
    size_t n = strlen(z);
    return has_suffix(z, n, "\xE5\x9B\xAD", 3) ||           /* 园 */
           has_suffix(z, n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6); /* 园区 */
}
