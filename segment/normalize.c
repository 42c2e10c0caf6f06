/*
 * normalize.c - UTF-8 to normalized UTF-16 with a byte-offset map.
 *
 * Normalization happens before word breaking so that ICU sees half-width
 * digits (１３５．３４ -> 135.34 stays one number) and Simplified characters,
 * and so that index and query agree on one form: NFKC with case folding
 * (ICU's NFKC_Casefold instance), then Traditional to Simplified from the
 * generated table. Each UTF-16 unit remembers the source bytes it came from,
 * which keeps highlight offsets exact even where normalization changes
 * lengths (full-width forms, ligatures, removed ignorables).
 *
 * Invariant: off_s/off_e are non-decreasing; every unit of one source code
 * point (or combining sequence) carries that whole sequence's byte range.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

#include "segment_int.h"
#include "util_int.h"

UChar32 zss_t2s(UChar32 c)
{
    if (c >= 0x3400 && c <= 0x9FFF)
        return c + zss_t2s_uro[c - 0x3400];
    if (c < 0x2E80)
        return c;
    size_t lo = 0, hi = zss_t2s_npairs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (zss_t2s_pairs[mid][0] == (uint32_t)c)
            return (UChar32)zss_t2s_pairs[mid][1];
        if (zss_t2s_pairs[mid][0] < (uint32_t)c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return c;
}

UChar32 zss_t2s_strict(UChar32 c)
{
    UChar32 s = zss_t2s(c);
    if (s == c)
        return c;
    size_t lo = 0, hi = zss_t2s_nown;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (zss_t2s_own[mid] == (uint32_t)c)
            return c;
        if (zss_t2s_own[mid] < (uint32_t)c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return s;
}

static int reserve(zss_norm *nm, int32_t extra)
{
    if (nm->len + extra <= nm->cap)
        return 0;
    int32_t cap = nm->cap ? nm->cap : 256;
    while (cap < nm->len + extra)
        cap *= 2;
    if (zsu_resize(&nm->u, (size_t)cap, sizeof *nm->u) ||
        zsu_resize(&nm->off_s, (size_t)cap, sizeof *nm->off_s) ||
        zsu_resize(&nm->off_e, (size_t)cap, sizeof *nm->off_e))
        return ZS_ENOMEM;
    nm->cap = cap;
    return 0;
}

static void put(zss_norm *nm, UChar32 c, uint32_t s, uint32_t e)
{
    if (U_IS_BMP(c)) {
        nm->u[nm->len] = (UChar)c;
        nm->off_s[nm->len] = s;
        nm->off_e[nm->len++] = e;
    } else {
        nm->u[nm->len] = U16_LEAD(c);
        nm->off_s[nm->len] = s;
        nm->off_e[nm->len++] = e;
        nm->u[nm->len] = U16_TRAIL(c);
        nm->off_s[nm->len] = s;
        nm->off_e[nm->len++] = e;
    }
}

/* Han ideographs that NFKC_Casefold leaves alone: only T2S applies. */
static int plain_han(UChar32 c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

int zss_normalize(zss_norm *nm, const UNormalizer2 *nfkc_cf, const char *p, size_t n)
{
    const uint8_t *s = (const uint8_t *)p;
    int32_t i = 0, len = (int32_t)n;
    UChar src[64], dst[128];

    nm->len = 0;
    /* Worst case: each byte becomes one unit; expansions are handled below. */
    if (reserve(nm, len + 1))
        return ZS_ENOMEM;
    while (i < len) {
        /* Runs of ASCII and of Han written through locals: the stores into
         * the three arrays would otherwise reload nm's fields (they may
         * alias), and these are nearly all characters of Chinese news. The
         * first reserve() left one unit per byte. */
        UChar *u = nm->u;
        uint32_t *os = nm->off_s, *oe = nm->off_e;
        int32_t L = nm->len;
        while (i < len) {
            const uint8_t *b = s + i;
            if (b[0] < 0x80) {
                u[L] = (UChar)(b[0] >= 'A' && b[0] <= 'Z' ? b[0] + ('a' - 'A') : b[0]);
                os[L] = (uint32_t)i;
                oe[L++] = (uint32_t)i + 1;
                i++;
                continue;
            }
            if ((b[0] & 0xF0) != 0xE0 || len - i < 3)
                break;
            UChar32 v = (UChar32)zsu_utf8_three(b); /* 0 when ill-formed: no Han */
            if (!plain_han(v) || (v = zss_t2s(v)) > 0xFFFF)
                break;
            u[L] = (UChar)v;
            os[L] = (uint32_t)i;
            oe[L++] = (uint32_t)i + 3;
            i += 3;
        }
        nm->len = L;
        if (i >= len)
            break;
        int32_t start = i;
        UChar32 c = zsu_u8_next(p, &i, len);
        if (c < 0) { /* invalid byte(s): a separator */
            put(nm, ' ', (uint32_t)start, (uint32_t)i);
            continue;
        }
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            put(nm, c, (uint32_t)start, (uint32_t)i);
            continue;
        }
        if (plain_han(c)) {
            put(nm, zss_t2s(c), (uint32_t)start, (uint32_t)i);
            continue;
        }
        /* General case: gather a combining sequence and let ICU normalize it. */
        int32_t ns = 0, end = i;
        UBool err = 0;
        U16_APPEND(src, ns, 64, c, err);
        while (end < len && ns < 60) {
            int32_t j = end;
            UChar32 d;
            U8_NEXT(s, j, len, d);
            if (d < 0 || unorm2_hasBoundaryBefore(nfkc_cf, d))
                break;
            U16_APPEND(src, ns, 64, d, err);
            end = j;
        }
        (void)err; /* src has room: ns stays below 62 */
        if (end == i) { /* c alone: its form is c's whatever comes around it */
            struct zss_norm_memo *m = &nm->memo[c & (ZSS_NORM_MEMO - 1)];
            if (m->c != c) {
                UErrorCode st = U_ZERO_ERROR;
                int32_t nd = unorm2_normalize(nfkc_cf, src, ns, dst, 128, &st), k = 0, nc = 0;
                if (U_FAILURE(st))
                    nd = 0;
                while (k < nd && nc < 3) {
                    UChar32 d;
                    U16_NEXT(dst, k, nd, d);
                    m->d[nc++] = zss_t2s(d);
                }
                m->c = k < nd ? 0 : c; /* longer forms are not kept */
                m->n = nc;
                if (k < nd)
                    goto whole;
            }
            if (reserve(nm, 2 * m->n + 2))
                return ZS_ENOMEM;
            for (int32_t k = 0; k < m->n; k++)
                put(nm, m->d[k], (uint32_t)start, (uint32_t)end);
            if (reserve(nm, len - i + 1))
                return ZS_ENOMEM;
            continue;
        }
    whole:
        i = end;
        UErrorCode st = U_ZERO_ERROR;
        int32_t nd = unorm2_normalize(nfkc_cf, src, ns, dst, 128, &st);
        if (U_FAILURE(st)) /* absurdly long expansion: keep the source */
            nd = 0;
        if (reserve(nm, nd + 2))
            return ZS_ENOMEM;
        for (int32_t k = 0; k < nd;) {
            UChar32 d;
            U16_NEXT(dst, k, nd, d);
            put(nm, zss_t2s(d), (uint32_t)start, (uint32_t)end);
        }
        /* Reserve again for the rest of the input at one unit per byte. */
        if (reserve(nm, len - i + 1))
            return ZS_ENOMEM;
    }
    return 0;
}

void zss_norm_clear(zss_norm *nm)
{
    ZSU_FREE(nm->u, nm->off_s, nm->off_e);
    memset(nm, 0, sizeof *nm);
}
