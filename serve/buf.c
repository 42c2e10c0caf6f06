/*
 * buf.c - a growable byte buffer for response bodies.
 *
 * An allocation failure is sticky: later appends do nothing and oom stays
 * set, so a handler writes its whole answer and checks once at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static int grow(sbuf *b, size_t more)
{
    if (b->oom)
        return -1;
    if (b->len + more < b->len) {
        b->oom = 1;
        return -1;
    }
    if (b->len + more + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->len + more + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void sb_put(sbuf *b, const char *s, size_t n)
{
    if (grow(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void sb_puts(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Write with fn into the free room; when it did not fit, grow and again. */
static void json_into(sbuf *b, size_t (*fn)(const void *, const char *, size_t, char *, size_t),
                      sb_json_fn ofn, const void *obj, const char *s, size_t n)
{
    if (grow(b, 256))
        return;
    size_t room = b->cap - b->len;
    size_t need = fn ? fn(NULL, s, n, b->p + b->len, room) : ofn(obj, b->p + b->len, room);
    if (need >= room) {
        if (grow(b, need))
            return;
        room = b->cap - b->len;
        if (fn)
            fn(NULL, s, n, b->p + b->len, room);
        else
            ofn(obj, b->p + b->len, room);
    }
    b->len += need;
}

static size_t str_fn(const void *unused, const char *s, size_t n, char *buf, size_t cap)
{
    (void)unused;
    return zs_json_str(s, n, buf, cap);
}

void sb_json_str(sbuf *b, const char *s, size_t n)
{
    json_into(b, str_fn, NULL, NULL, s, n);
}

void sb_json(sbuf *b, sb_json_fn fn, const void *obj)
{
    json_into(b, NULL, fn, obj, NULL, 0);
}

void sb_free(sbuf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}
