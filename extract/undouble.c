/*
 * undouble.c - text printed in doubled bold type, repaired: PDF extraction
 * of a bold headline can print every text run twice back to back and every
 * punctuation character twice ("高新区高新区：：…"). See zsi_undouble in
 * extract_int.h for the exact rule.
 */
#include <stdlib.h>
#include <string.h>

#include "passage_int.h"

int zsi_undouble(const char *p, size_t n, char **out, size_t *nout)
{
    size_t i = 0, o = 0, run_starts = 0, pairs = 0;
    char *buf = NULL;

    *out = NULL;
    *nout = 0;
    if (!p || n < 8)
        return 0;
    while (i < n) {
        size_t j, k = 0;   /* set when d == c */
        size_t keep, next; /* p[i..keep) is kept once, p[keep..next) dropped */
        UChar32 c = zsu_cp_at(p, i, n, &j);
        if (zsu_is_space(c) || c == 0xFFFD)
            goto no;
        if (zsu_is_punct(c)) {
            UChar32 d = j < n ? zsu_cp_at(p, j, n, &k) : 0;
            if (d != c)
                goto no;
            keep = j;
            next = k;
            pairs++;
        } else {
            /* A text run up to the next punctuation: must be X X with |X| >= 2. */
            size_t r = i, nchr = 0;
            while (r < n) {
                size_t nx;
                UChar32 e = zsu_cp_at(p, r, n, &nx);
                if (zsu_is_punct(e) || zsu_is_space(e))
                    break;
                r = nx;
                nchr++;
            }
            if (nchr < 4 || nchr % 2)
                goto no;
            size_t half = i, cnt = 0;
            while (cnt < nchr / 2) {
                zsu_cp_at(p, half, n, &half);
                cnt++;
            }
            if (half - i != r - half || memcmp(p + i, p + half, half - i) != 0)
                goto no;
            keep = half;
            next = r;
            run_starts++;
        }
        /* Allocated once the line starts doubled: most lines are not. */
        if (!buf && !(buf = malloc(n + 1)))
            return ZS_ENOMEM;
        memcpy(buf + o, p + i, keep - i);
        o += keep - i;
        i = next;
    }
    if (!pairs || !run_starts)
        goto no;
    buf[o] = '\0';
    *out = buf;
    *nout = o;
    return 1;
no:
    free(buf);
    return 0;
}
