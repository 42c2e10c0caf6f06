/*
 * lines.c - the line and column of a passage, and of each figure in it, in
 * the file as the user has it, so that an editor can jump there.
 *
 * Passages are rebuilt text (passage.c joins lines broken by the page's
 * columns, drops layout spaces and list marks), so an offset in a passage
 * is not an offset in the file. zsi_passage_breaks() walks the passage and
 * the original side by side, skipping what the rebuild dropped, and notes
 * where the original went on to a new line. Both walks are linear and run
 * only for passages that span several lines.
 */
#include <stdlib.h>
#include <string.h>

#include "docmeta_int.h"
#include "util_int.h"

void zsi_lines_init(zsi_lines *c, const char *text, size_t n)
{
    c->text = text;
    c->n = n;
    c->pos = 0;
    c->line_start = 0;
    c->line = 1;
}

void zsi_lines_at(zsi_lines *c, size_t off, long *line, long *col)
{
    if (off > c->n)
        off = c->n;
    if (off < c->pos)
        zsi_lines_init(c, c->text, c->n);
    const char *t = c->text;
    /* Line ends found with memchr: a byte-by-byte test was 1.5% of an index
     * run's workers. A \r is a line end unless a \n follows it. */
    for (size_t i = c->pos; i < off;) {
        const char *nl = memchr(t + i, '\n', off - i);
        size_t e = nl ? (size_t)(nl - t) : off;
        for (const char *cr; (cr = memchr(t + i, '\r', e - i)) != NULL;) {
            i = (size_t)(cr - t) + 1;
            if (i >= c->n || t[i] != '\n') {
                c->line++;
                c->line_start = i;
            }
        }
        if (!nl)
            break;
        c->line++;
        c->line_start = e + 1;
        i = e + 1;
    }
    c->pos = off;
    *line = c->line;
    *col = (long)(off - c->line_start) + 1;
}

/* Bytes of the UTF-8 character starting with byte b (1 for stray bytes). */
static size_t char_len(unsigned char b)
{
    return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

int zsi_passage_breaks(const char *orig, size_t start, size_t end, const char *ptext, size_t plen,
                       uint32_t **breaks, size_t *nbreaks)
{
    *breaks = NULL;
    *nbreaks = 0;
    if (!memchr(orig + start, '\n', end - start) && !memchr(orig + start, '\r', end - start))
        return 0;
    size_t cap = 0, n = 0, o = start, pending = 0;
    uint32_t *v = NULL;
    for (size_t k = 0; k < plen && o < end;) {
        size_t cl = char_len((unsigned char)ptext[k]);
        if (k + cl > plen)
            cl = plen - k;
        /* the next original character that is this one, skipping what the
         * rebuild dropped: line ends, spaces, marks */
        size_t scan = o, lines = 0;
        while (scan + cl <= end && memcmp(orig + scan, ptext + k, cl) != 0) {
            unsigned char b = (unsigned char)orig[scan];
            if (b == '\n' || (b == '\r' && (scan + 1 >= end || orig[scan + 1] != '\n')))
                lines++;
            scan += char_len(b);
            /* a rebuilt passage drops little between two of its characters;
             * a long skip means the text was repaired, not joined */
            if (scan - o > 64 + 16 * lines)
                break;
        }
        if (scan + cl > end || memcmp(orig + scan, ptext + k, cl) != 0)
            break; /* cannot follow: keep the lines found so far */
        pending += lines;
        unsigned char mb = (unsigned char)orig[scan];
        int carry = mb == '\n' || (mb == '\r' && (scan + 1 >= end || orig[scan + 1] != '\n'));
        while (pending) {
            if (n == cap && zsu_grow(&v, &cap, n + 1, sizeof *v, 8) != 0) {
                free(v);
                return ZS_ENOMEM;
            }
            v[n++] = (uint32_t)k;
            pending--;
        }
        o = scan + cl;
        k += cl;
        pending += (size_t)carry; /* a line end the passage kept (captions) */
    }
    *breaks = v;
    *nbreaks = n;
    return 0;
}

long zsi_breaks_before(const uint32_t *breaks, size_t nbreaks, size_t k)
{
    size_t lo = 0, hi = nbreaks; /* first entry > k */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (breaks[mid] <= k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo;
}
