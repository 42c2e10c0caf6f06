/*
 * request.c - the request URI, decoded and checked before anything reads it.
 *
 * This is the server's parser of outside input (fuzzed by
 * tests/fuzz/fuzz_serve.c). Every decoded string is NUL-free, valid UTF-8
 * and stored in the request's own fixed buffer: the decoded form of a URI
 * is never longer than the URI, plus one NUL per string, so that buffer
 * cannot overflow (the sizes are checked anyway).
 */
#include <stdio.h>
#include <string.h>

#include "serve.h"

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Length of the valid UTF-8 sequence at s[0..n), or 0 (shortest forms only,
 * no surrogates, nothing above U+10FFFF). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t k;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < k || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < k; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return k;
}

static int valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = utf8_len((const unsigned char *)s + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/*
 * Decode src[0..n) into dst (plus a NUL); plus: '+' means a space.
 * @return the decoded length, or -1 on a bad escape or a NUL.
 */
static long decode(const char *src, size_t n, char *dst, int plus)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '%') {
            int h, l;
            if (i + 2 >= n)
                return -1;
            if ((h = hexval((unsigned char)src[i + 1])) < 0 ||
                (l = hexval((unsigned char)src[i + 2])) < 0)
                return -1;
            c = (unsigned char)(h * 16 + l);
            i += 2;
        } else if (c == '+' && plus)
            c = ' ';
        if (c == '\0')
            return -1;
        dst[w++] = (char)c;
    }
    dst[w] = '\0';
    return (long)w;
}

#define FAIL(status, ...)                                                                          \
    do {                                                                                           \
        snprintf(err, errcap, __VA_ARGS__);                                                        \
        return status;                                                                             \
    } while (0)

int serve_req_parse(serve_req *r, const char *uri, size_t n, char *err, size_t errcap)
{
    memset(r, 0, sizeof *r);
    if (n > SERVE_MAX_URI)
        FAIL(414, "request URI longer than %d bytes", SERVE_MAX_URI);
    if (n == 0 || uri[0] != '/')
        FAIL(400, "request URI does not start with /");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)uri[i] <= 0x20 || uri[i] == 0x7f)
            FAIL(400, "request URI holds a space or control byte");
    const char *q = memchr(uri, '?', n);
    size_t npath = q ? (size_t)(q - uri) : n;
    const char *hash = memchr(uri, '#', n);
    if (hash)
        FAIL(400, "request URI holds a fragment (#)");
    char *w = r->store;
    long len = decode(uri, npath, w, 0);
    if (len < 0)
        FAIL(400, "bad percent escape or NUL in the path");
    if (!valid_utf8(w, (size_t)len))
        FAIL(400, "the path is not valid UTF-8");
    r->path = w;
    w += len + 1;
    if (!q)
        return 0;
    const char *p = q + 1, *end = uri + n;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *e = amp ? amp : end;
        if (e == p) { /* empty piece: "a=1&&b=2" */
            p = e + 1;
            continue;
        }
        const char *eq = memchr(p, '=', (size_t)(e - p));
        const char *ke = eq ? eq : e;
        if (r->nargs == SERVE_MAX_ARGS)
            FAIL(400, "more than %d query arguments", SERVE_MAX_ARGS);
        serve_arg *a = &r->args[r->nargs];
        long kl = decode(p, (size_t)(ke - p), w, 1);
        if (kl <= 0)
            FAIL(400, kl < 0 ? "bad percent escape or NUL in a query argument"
                             : "a query argument has no name");
        if (!valid_utf8(w, (size_t)kl))
            FAIL(400, "a query argument's name is not valid UTF-8");
        a->key = w;
        w += kl + 1;
        long vl = eq ? decode(eq + 1, (size_t)(e - eq - 1), w, 1) : (*w = '\0', 0);
        if (vl < 0)
            FAIL(400, "bad percent escape or NUL in argument '%.40s'", a->key);
        if (!valid_utf8(w, (size_t)vl))
            FAIL(400, "argument '%.40s' is not valid UTF-8", a->key);
        a->val = w;
        a->nval = (size_t)vl;
        w += vl + 1;
        for (size_t i = 0; i < r->nargs; i++)
            if (!strcmp(r->args[i].key, a->key))
                FAIL(400, "argument '%.40s' given twice", a->key);
        r->nargs++;
        p = e + 1;
    }
    return 0;
}

const char *serve_req_arg(const serve_req *r, const char *key)
{
    for (size_t i = 0; i < r->nargs; i++)
        if (!strcmp(r->args[i].key, key))
            return r->args[i].val;
    return NULL;
}
