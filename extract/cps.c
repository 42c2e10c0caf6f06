/*
 * cps.c - decoding a text into code points (cps_int.h).
 */
#include <stdlib.h>

#include "cps_int.h"
#include "zhaoshu.h"
#include "util_int.h"

int zsi_cps_decode(const char *p, size_t n, cps *out)
{
    const unsigned char *u = (const unsigned char *)p;
    int32_t i = 0, len = (int32_t)n;
    size_t k = 0;
    UChar32 *c = malloc((n + 1) * sizeof *c);
    out->n = 0;
    out->c = c;
    if (!c)
        return ZS_ENOMEM;
    /* ASCII and valid three-byte characters (all of Chinese text) by hand,
     * as U8_NEXT would decode them, in locals the stores cannot alias: the
     * macro's checks made this loop 4% of an index run's instructions (it
     * runs over an article and its passages three times). */
    while (i < len) {
        unsigned b = u[i];
        if (b < 0x80) {
            c[k++] = (UChar32)b;
            i++;
            continue;
        }
        if ((b & 0xF0) == 0xE0 && len - i >= 3) {
            unsigned v = zsu_utf8_three(u + i);
            if (v) {
                /* and the run of them that follows in an inner loop: the
                 * outer loop's tests cost as much again per character */
                do {
                    c[k++] = (UChar32)v;
                    i += 3;
                } while (len - i >= 3 && (u[i] & 0xF0) == 0xE0 && (v = zsu_utf8_three(u + i)) != 0);
                continue;
            }
        }
        UChar32 d;
        U8_NEXT(p, i, len, d);
        c[k++] = d < 0 ? 0xFFFD : d;
    }
    out->n = k;
    return 0;
}
