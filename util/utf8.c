/*
 * utf8.c - decoding UTF-8 one character at a time, forwards and backwards,
 * without ICU: the figure and number parsers run on every character of every
 * passage, and an invalid byte must decode alone (U+FFFD, length 1) so that
 * it never joins two numbers.
 */
#include "util_int.h"

size_t zsu_utf8_decode_any(const char *p, size_t n, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)p;
    unsigned c = s[0], need, min, v;
    size_t i;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
        v = c & 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n < need + 1) {
        *cp = 0xFFFD;
        return 1;
    }
    for (i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return need + 1;
}

size_t zsu_utf8_prev(const char *p, size_t i)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t k = 1;
    unsigned cp;

    /* ASCII, and a lead E1-EC with its two trail bytes (U+1000-U+CFFF, all
     * of the CJK block: never overlong nor a surrogate), answered as the
     * walk and the decode below answer them: nearly every call */
    if (i >= 1 && s[i - 1] < 0x80)
        return 1;
    if (i >= 3 && s[i - 3] - 0xE1u <= 0xEC - 0xE1 && (s[i - 2] & 0xC0) == 0x80 &&
        (s[i - 1] & 0xC0) == 0x80)
        return 3;
    /* Walk back over at most three continuation bytes, then check that the
     * lead byte really spans up to i; otherwise the last byte stands alone. */
    while (k < 4 && k < i && (s[i - k] & 0xC0) == 0x80)
        k++;
    if (zsu_utf8_decode(p + i - k, k, &cp) == k)
        return k;
    return 1;
}
