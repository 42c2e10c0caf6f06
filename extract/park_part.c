/*
 * park_part.c - a zone inside another: a listed zone whose name begins with
 * a known zone's (福建自贸区厦门片区 names 福建自贸区 too), and a part of a
 * zone printed after it (前海合作区桂湾片区: 2 to 4 Han characters and 片区).
 *
 * Invariant: names pushed are malloc'd copies; the caller frees them with
 * the mentions.
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

/* Does the text printed, pr[0, pn), begin with a name of zone canon (one of
 * its aliases or its nickname: 福建自贸试验区厦门片区, 中关村朝阳园)? */
static int printed_starts_with_zone(const zsi_gazetteer *g, const char *pr, size_t pn, size_t canon)
{
    for (size_t e = 1; e < pn; e++) {
        if (((unsigned char)pr[e] & 0xC0) == 0x80)
            continue;
        size_t a = zsi_pk_find_alias(g, pr, e);
        if (a != (size_t)-1 && g->al[a].canon == canon)
            return 1;
    }
    return 0;
}

/*
 * A listed zone inside another (福建自贸区厦门片区 in 福建自贸区) names both:
 * push the outer zone when the zone's name s[0, n) begins with a known
 * zone's name and the text printed, pr[0, pn), begins with a name of that
 * zone too. A part printed alone (临港新片区, 厦门片区) names only itself,
 * as a reader takes it: its whole free trade zone is not what it speaks of.
 */
int zsi_pk_push_parent(const zsi_gazetteer *g, mentions *m, size_t start, size_t end, const char *s,
                       size_t n, const char *pr, size_t pn)
{
    for (size_t k = 0; k < n; k++) {
        if (((unsigned char)s[k] & 0xC0) == 0x80)
            continue;
        for (size_t t = 0; t < g->nsuf; t++) {
            size_t e = k + g->suf[t].n;
            if (e >= n || memcmp(s + k, g->suf[t].s, g->suf[t].n) != 0)
                continue;
            size_t a = zsi_pk_find_alias(g, s, e);
            if (a == (size_t)-1 || !printed_starts_with_zone(g, pr, pn, g->al[a].canon))
                return 0;
            const str *nm = &g->names.v[g->al[a].canon];
            return zsi_pk_push(m, start, end, dupn(nm->s, nm->n));
        }
    }
    return 0;
}

/* The word that ends a zone's part (前海合作区桂湾片区), and its bytes. */
static const char PIAN[] = "片区";
#define PIAN_BYTES (sizeof PIAN - 1)

/* Han characters of a part's own name between a zone's name and 片区
 * (前海合作区桂湾片区, 广东自贸区南沙片区). */
#define SUBAREA_MIN_CHARS 2
#define SUBAREA_MAX_CHARS 4

/*
 * Does a part of the zone named up to byte e of p follow it: 2 to 4 Han
 * characters and 片区 (前海合作区前湾片区)? A zone's 片区 is no zone kind
 * of its own, so the suffix patterns never read it, yet after a zone's
 * name it names a part of that zone, as 厦门片区 does of 福建自贸区. Not a
 * count or a pointer (两个片区, 各片区) nor a clause (建设新片区, 的片区).
 * @return the byte after 片区, or 0.
 */
size_t zsi_pk_subarea_end(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    size_t i = e;
    for (int chars = 0; chars <= SUBAREA_MAX_CHARS && i < n; chars++) {
        if (chars >= SUBAREA_MIN_CHARS && n - i >= PIAN_BYTES &&
            memcmp(p + i, PIAN, PIAN_BYTES) == 0) {
            if (zsi_pk_determiner(p + e, i - e))
                return 0;
            /* the part's name must not start with a verb or a particle */
            for (size_t L = i - e; L >= 3; L -= 3) {
                unsigned fl = zsi_words_find(g->words, p + e, L, NULL);
                if ((fl & ZSW_STOP) && !(fl & ZSW_PLACE))
                    return 0;
            }
            return i + PIAN_BYTES;
        }
        int32_t j = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, j, (int32_t)n, c);
        if (!is_han(c) || zsi_pk_suffix_at(g, p, n, i) >= 0)
            return 0;
        i = (size_t)j;
    }
    return 0;
}

/*
 * The name of the part pr[0, pn) (桂湾片区) of zone c printed as z[0, zn)
 * (前海合作区): a listed 片区 of c whose names hold the part's own name
 * (南沙 of 广东自贸区广州南沙新区片区), else the zone's name as printed,
 * folded, and the part's (前海合作区桂湾片区), as news names the part.
 * NULL when out of memory or too long.
 */
char *zsi_pk_subarea_name(const zsi_gazetteer *g, size_t c, const char *z, size_t zn,
                          const char *pr, size_t pn)
{
    const size_t pl = PIAN_BYTES;
    const str *nm = &g->names.v[c];
    char buf[MAX_NAME_BYTES * 2];
    size_t fn;
    for (size_t k = 0; k < g->names.n; k++) {
        const str *x = &g->names.v[k];
        if (k != c && x->n > nm->n + pl && memcmp(x->s, nm->s, nm->n) == 0 &&
            memcmp(x->s + x->n - pl, PIAN, pl) == 0 && zsi_pk_zone_names_hold(g, k, pr, pn - pl))
            return dupn(x->s, x->n);
    }
    fn = zsi_pk_fold(g, z, zn, buf, sizeof buf);
    if (!fn || fn + pn >= sizeof buf)
        return NULL;
    memcpy(buf + fn, pr, pn);
    return dupn(buf, fn + pn);
}
