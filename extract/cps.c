/*
 * cps.c - decoding a text into code points (cps_int.h).
 */
#include <stdlib.h>

#include "cps_int.h"
#include "zhaoshu.h"

int zsi_cps_decode(const char *p, size_t n, cps *out)
{
    int32_t i = 0, len = (int32_t)n;
    out->n = 0;
    out->c = malloc((n + 1) * sizeof *out->c);
    if (!out->c)
        return ZS_ENOMEM;
    while (i < len) {
        UChar32 c;
        U8_NEXT(p, i, len, c);
        out->c[out->n++] = c < 0 ? 0xFFFD : c;
    }
    return 0;
}
