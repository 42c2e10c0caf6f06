/*
 * park_dash.c - a zone named for two places joined by a dash
 * (天津滨海—中关村科技园, 中国—白俄罗斯工业园) is one zone: where such a
 * name starts, and its spelling with the double dash made single.
 *
 * Invariant: reads the gazetteer and the text only; dash_name's copy is the
 * caller's to free.
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

/* Byte length of the dash (— – － -) that ends at byte e of p, or 0; a
 * double one (——, 6 bytes) sets *dbl: it is mostly punctuation, a clause's
 * dash, yet some print a two-place name with it (天津滨海——中关村科技园). */
static size_t dash_before(const char *p, size_t floor, size_t e, int *dbl)
{
    static const char *const D[] = {"\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBC\x8D", "-"};
    *dbl = 0;
    for (size_t k = 0; k < sizeof D / sizeof *D; k++) {
        size_t dn = strlen(D[k]);
        if (e >= floor + dn && memcmp(p + e - dn, D[k], dn) == 0) {
            for (size_t j = 0; j < sizeof D / sizeof *D; j++) {
                size_t jn = strlen(D[j]);
                if (e - dn >= floor + jn && memcmp(p + e - dn - jn, D[j], jn) == 0) {
                    /* ——: a name's only when no third dash leads it */
                    if (k != 0 || j != 0 || (e >= floor + 9 && memcmp(p + e - 9, D[0], 3) == 0))
                        return 0;
                    *dbl = 1;
                    return 6;
                }
            }
            return dn;
        }
    }
    return 0;
}

/* Does name s[0, n) end as a park's or a town's does (园, 园区, 城)? */
int zsi_pk_parkish(const char *s, size_t n)
{
    return has_suffix(s, n, "\xE5\x9B\xAD", 3) ||             /* 园 */
           has_suffix(s, n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6) || /* 园区 */
           has_suffix(s, n, "\xE5\x9F\x8E", 3);               /* 城 */
}

/* A copy of the dash-joined name s[0, n) with its double dash made single,
 * so that both spellings name one zone. Ownership: caller frees. */
char *zsi_pk_dash_name(const char *s, size_t n)
{
    char *out = dupn(s, n);
    char *d = out ? strstr(out, "\xE2\x80\x94\xE2\x80\x94") : NULL; /* —— */
    if (d)
        memmove(d + 3, d + 6, strlen(d + 6) + 1);
    return out;
}

/*
 * A zone named for two places joined by a dash (天津滨海—中关村科技园,
 * 中国—白俄罗斯工业园) is one zone: where a dash ends at byte s and
 * one or more places (or places abroad, or 中国) stand right before it,
 * @return the start of those places; else s.
 */
size_t zsi_pk_dash_start(const zsi_gazetteer *g, const char *p, size_t floor, size_t s)
{
    int dbl;
    size_t dn = dash_before(p, floor, s, &dbl);
    if (!dn)
        return s;
    size_t e = s - dn, start = e;
    for (int words = 0; words < 3; words++) {
        size_t L;
        for (L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3) {
            if (start < floor + L)
                continue;
            unsigned f = zsi_words_find(g->words, p + start - L, L, NULL);
            /* China itself is no division of places.tsv, nor abroad */
            if (f & (ZSW_STOP | ZSW_VNOUN))
                continue;
            if ((f & (ZSW_PLACE | ZSW_TRIM)) ||
                zsi_words_has(g->words, p + start - L, L, ZSW_FOREIGN) ||
                (L == 6 && memcmp(p + start - L, "\xE4\xB8\xAD\xE5\x9B\xBD", 6) == 0))
                break;
        }
        if (L < 2 * 3)
            break;
        start -= L;
    }
    /* Before a double dash, the places must start a phrase (来到天津滨海——):
     * a place that ends a longer phrase is a clause's last word. */
    if (dbl && start < e && !zsi_pk_list_starts(g, p, floor, start))
        return s;
    return start < e ? start : s;
}
