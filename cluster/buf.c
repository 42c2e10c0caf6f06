/*
 * buf.c - a growing string for SphinxQL statements, MATCH queries and
 * attribute values. Out of memory is sticky (oom): callers build a whole
 * string and check once.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cluster_int.h"

void zsc_buf_add(zsc_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void zsc_buf_str(zsc_buf *b, const char *s)
{
    zsc_buf_add(b, s, strlen(s));
}

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
