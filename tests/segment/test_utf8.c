/*
 * test_utf8.c - the inline UTF-8 decoders of util_int.h (zsu_u8_next,
 * zsu_cp_at, zsu_utf8_decode), whose fast path for three-byte characters
 * tests both trail bytes and the range at once, decode every sequence as
 * their general paths do: ICU's U8_NEXT for the first two, and
 * zsu_utf8_decode_any() for the third. Every lead byte, every second byte,
 * third bytes at each class's edges, and every length from 1 to 4; and
 * zsu_utf8_prev() (util/utf8.c), whose fast paths for ASCII and three-byte
 * characters answer as its walk back.
 */
#include <string.h>
#include <unicode/utf8.h>

#include "../tap.h"
#include "util_int.h"

/* zsu_utf8_prev() as it was before its fast paths (session 32): back over at
 * most three trail bytes, then the lead must span up to i. */
static size_t prev_walk(const char *p, size_t i)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t k = 1;
    unsigned cp;
    while (k < 4 && k < i && (s[i - k] & 0xC0) == 0x80)
        k++;
    return zsu_utf8_decode_any(p + i - k, k, &cp) == k ? k : 1;
}

int main(void)
{
    static const unsigned char t2s[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x9F,
                                        0xA0, 0xBF, 0xC0, 0xE0, 0xF5, 0xFF};
    long bad_next = 0, bad_at = 0, bad_dec = 0, checked = 0;
    for (unsigned b0 = 0; b0 < 256; b0++)
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (size_t j = 0; j < sizeof t2s; j++)
                for (int32_t n = 1; n <= 4; n++) {
                    char s[4] = {(char)b0, (char)b1, (char)t2s[j], 'a'};
                    int32_t k = 0, want_k = 0;
                    UChar32 want, got = zsu_u8_next(s, &k, n);
                    U8_NEXT(s, want_k, n, want);
                    if (got != want || k != want_k)
                        bad_next++;
                    size_t next;
                    UChar32 at = zsu_cp_at(s, 0, (size_t)n, &next);
                    if (at != (want < 0 ? 0xFFFD : want) || next != (size_t)want_k)
                        bad_at++;
                    unsigned cp, cp_any;
                    size_t l = zsu_utf8_decode(s, (size_t)n, &cp);
                    size_t l_any = zsu_utf8_decode_any(s, (size_t)n, &cp_any);
                    if (l != l_any || cp != cp_any)
                        bad_dec++;
                    checked++;
                }
    /* zsu_utf8_prev() at every end of every three bytes after a lead-in of
     * each class */
    static const unsigned char lead_in[] = {0x41, 0x80, 0xBF, 0xC3, 0xE4, 0xF0};
    long bad_prev = 0, checked_prev = 0;
    for (unsigned b1 = 0; b1 < 256; b1++)
        for (unsigned b2 = 0; b2 < 256; b2++)
            for (size_t j = 0; j < sizeof t2s; j++)
                for (size_t q = 0; q < sizeof lead_in; q++) {
                    char s[4] = {(char)lead_in[q], (char)b1, (char)b2, (char)t2s[j]};
                    for (size_t i = 1; i <= 4; i++, checked_prev++)
                        if (zsu_utf8_prev(s, i) != prev_walk(s, i))
                            bad_prev++;
                }
    tap_ok(bad_prev == 0, "zsu_utf8_prev is the walk back (%ld of %ld differ)", bad_prev,
           checked_prev);
    tap_ok(bad_next == 0, "zsu_u8_next is U8_NEXT (%ld of %ld differ)", bad_next, checked);
    tap_ok(bad_at == 0, "zsu_cp_at is U8_NEXT with U+FFFD (%ld of %ld differ)", bad_at, checked);
    tap_ok(bad_dec == 0, "zsu_utf8_decode is zsu_utf8_decode_any (%ld of %ld differ)", bad_dec,
           checked);
    return tap_done();
}
