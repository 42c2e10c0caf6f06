/*
 * metric_term.c - front edges that would cut a term as the reporter prints
 * it. A quoted term right before the noun is part of its name (“三公”经费,
 * “专精特新”中小企业): the run of run characters stops at the closing quote,
 * and a metric that starts there drops the words that tell which 经费 or
 * which 企业.
 * The printed metric keeps the quote marks; its normal form drops them
 * (三公经费), as an index of names would.
 *
 * Invariants: allocates nothing; reads only p[cut..b).
 */
#include "metric_int.h"

/* Most characters between a term's quote marks that still make one term:
 * a name, not a quoted sentence. */
#define MAX_QUOTED_CHARS 8

static unsigned cp_before(const char *p, size_t lo, size_t b, size_t *s)
{
    unsigned cp = 0;
    size_t l;
    if (b <= lo)
        return 0;
    l = zsi_utf8_prev(p, b);
    if (l == 0 || b - l < lo)
        return 0;
    zsi_utf8_decode(p + b - l, l, &cp);
    *s = b - l;
    return cp;
}

/* Where the term quoted right before p[b] starts (its opening mark), or b
 * when none: 2 to MAX_QUOTED_CHARS run characters between “ and ” (or 「
 * and 」), not a word of the stop class alone (“收购”: a verb the writer
 * stresses, not a name). */
size_t zsi_term_front(const char *p, size_t cut, size_t b)
{
    size_t q, qe = b, s = b;
    unsigned cp = cp_before(p, cut, b, &qe), open;
    int n = 0;

    if (cp == 0x201D)
        open = 0x201C;
    else if (cp == 0x300D)
        open = 0x300C;
    else
        return b;
    for (q = qe; (cp = cp_before(p, cut, q, &s)) != 0 && cp != open; q = s)
        if (!zsi_is_run_char(cp) || ++n > MAX_QUOTED_CHARS)
            return b;
    if (cp != open || n < 2 || zsi_is_class_stop(p, q, qe))
        return b;
    return s;
}

void zsi_drop_quotes(char *norm)
{
    char *r = norm, *w = norm;
    while (*r) {
        /* “ ” (E2 80 9C/9D) and 「 」 (E3 80 8C/8D) */
        if (((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 &&
             ((unsigned char)r[2] == 0x9C || (unsigned char)r[2] == 0x9D)) ||
            ((unsigned char)r[0] == 0xE3 && (unsigned char)r[1] == 0x80 &&
             ((unsigned char)r[2] == 0x8C || (unsigned char)r[2] == 0x8D))) {
            r += 3;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
}
