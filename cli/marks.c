/*
 * marks.c - a hit's text with its matches and figures marked, shared by
 * `query` and `show` so that a passage looks the same in both.
 *
 * On a terminal: SGR colours (match red, figure yellow, a match inside a
 * figure underlined). In a pipe: plain markers, [match] and {figure}, a
 * figure containing a match {135.34[亿元]}.
 */
#include "cli.h"

/* Marks at a boundary: close the old state's style, open the new one's. */
static void style(FILE *f, int color, int was, int now)
{
    if (was == now)
        return;
    if (color) {
        static const char *const sgr[] = {"\033[0m", "\033[1;31m", "\033[1;33m", "\033[1;4;31m"};
        fputs(sgr[now], f);
        return;
    }
    /* plain: figure {..} outside, match [..] inside */
    if ((was & 1) && !(now & 1))
        fputc(']', f);
    if ((was & 2) && !(now & 2))
        fputc('}', f);
    if (!(was & 2) && (now & 2))
        fputc('{', f);
    if (!(was & 1) && (now & 1))
        fputc('[', f);
}

void cli_put_marked(FILE *f, int color, const zs_hit *h, size_t a, size_t b)
{
    int state = 0;
    for (size_t i = a; i < b;) {
        int now = 0;
        size_t next = b;
        for (size_t k = 0; k < h->nspans; k++) {
            const zs_span *s = &h->spans[k];
            if (s->start <= i && i < s->end)
                now |= s->kind == ZS_SPAN_MATCH ? 1 : 2;
            if (s->start > i && s->start < next)
                next = s->start;
            if (s->end > i && s->end < next)
                next = s->end;
        }
        style(f, color, state, now);
        state = now;
        /* line breaks (captions) become spaces, control characters U+FFFD */
        cli_put(f, h->text + i, next - i);
        i = next;
    }
    style(f, color, state, 0);
}
