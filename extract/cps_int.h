/*
 * cps_int.h - a text as an array of code points, for the readers that look
 * around a position in both directions and at many literals per position
 * (year.c, dateline.c): indexing code points beats re-decoding UTF-8 at
 * every step. Reading past either end gives 0, so a reader may look a few
 * characters ahead without checking.
 *
 * Invariants as in extract_int.h: 0 or a negative ZS_E* code, nothing
 * printed, zsi_ prefix, hidden symbols.
 */
#ifndef ZS_CPS_INT_H
#define ZS_CPS_INT_H

#include <stddef.h>
#include <string.h>

#include <unicode/utf8.h>

/* ---- interface to cps.c ---- */

/* Ownership: the holder frees c with free(). */
typedef struct cps {
    UChar32 *c;
    size_t n;
} cps;

/*
 * Decode p[0..n) into out (invalid bytes become U+FFFD).
 * @return 0, or ZS_ENOMEM (out->c is then NULL).
 */
int zsi_cps_decode(const char *p, size_t n, cps *out);

/* ---- inline readers (they run at every position) ---- */

/* The code point at i, 0 past the end. */
static inline UChar32 zsi_cps_at(const cps *s, size_t i)
{
    return i < s->n ? s->c[i] : 0;
}

/* Does s[i..] start with the UTF-8 string lit (not empty)? */
static inline int zsi_cps_starts(const cps *s, size_t i, const char *lit)
{
    int32_t k = 0, len;
    UChar32 first;
    /* Reject on the first character before measuring the literal: callers
     * try many literals at every position (callgrind: 900k calls per MB). */
    U8_NEXT_UNSAFE(lit, k, first);
    if (zsi_cps_at(s, i) != first)
        return 0;
    k = 0;
    len = (int32_t)strlen(lit);
    while (k < len) {
        UChar32 c;
        U8_NEXT(lit, k, len, c);
        if (zsi_cps_at(s, i++) != c)
            return 0;
    }
    return 1;
}

/* Value of an ASCII or full-width digit, -1 for anything else. */
static inline int zsi_digit_of(UChar32 c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 0xFF10 && c <= 0xFF19)
        return c - 0xFF10;
    return -1;
}

/* Value of a Chinese numeral digit as written in dates (〇 零 一 .. 九),
 * -1 for anything else. */
static inline int zsi_han_digit(UChar32 c)
{
    switch (c) {
    case 0x3007:
    case 0x96F6: return 0; /* 〇 零 */
    case 0x4E00: return 1;
    case 0x4E8C: return 2;
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

#endif
