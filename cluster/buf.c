/*
 * buf.c - formatting into the growing strings (util's zsu_buf) of SphinxQL
 * statements, MATCH queries and attribute values. Out of memory is sticky
 * (oom): callers build a whole string and check once.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cluster_int.h"

void zsc_buf_printf(zsc_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        b->oom = 1; /* only short numbers are formatted here */
        return;
    }
    zsc_buf_add(b, tmp, (size_t)n);
}

/* Inside '...' of SphinxQL: a backslash escapes; ' and \ need one. */
void zsc_buf_sql_literal(zsc_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\'' && s[i] != '\\')
            continue;
        zsc_buf_add(b, s + run, i - run);
        zsc_buf_add(b, "\\", 1);
        run = i;
    }
    zsc_buf_add(b, s + run, n - run);
}
