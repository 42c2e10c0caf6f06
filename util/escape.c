/*
 * escape.c - text copied with some bytes replaced: the one loop under JSON
 * strings (lib/json.c) and XML character data (cluster/xmlpipe.c). Each
 * format is a table of what replaces each byte; the runs of bytes kept as
 * they are go to the output whole, never a byte at a time.
 */
#include <string.h>

#include "util_int.h"

void zsu_escape(const char *p, size_t n, const char *const tab[256], zsu_sink out, void *ctx)
{
    size_t run = 0; /* start of the bytes not yet written */
    for (size_t i = 0; i < n; i++) {
        const char *rep = tab[(unsigned char)p[i]];
        if (!rep)
            continue;
        out(ctx, p + run, i - run);
        out(ctx, rep, strlen(rep));
        run = i + 1;
    }
    out(ctx, p + run, n - run);
}
