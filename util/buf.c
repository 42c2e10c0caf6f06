/*
 * buf.c - the growing things every layer builds: a string buffer that stays
 * NUL-terminated (FTS5 MATCH strings, SQL, passage text) and array growth by
 * doubling. One place for the arithmetic, so no caller repeats it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util_int.h"
#include "zhaoshu.h"

/* A new string buffer's first size. */
#define BUF_FIRST_BYTES 256

int zsu_resize(void *arrp, size_t n, size_t elem)
{
    if (elem && n > SIZE_MAX / elem)
        return ZS_ENOMEM;
    void *old;
    memcpy(&old, arrp, sizeof old); /* arrp is a T **: read it without aliasing it */
    void *p = realloc(old, n * elem);
    if (!p)
        return ZS_ENOMEM;
    memcpy(arrp, &p, sizeof p);
    return 0;
}

int zsu_grow(void *arrp, size_t *cap, size_t need, size_t elem, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : first ? first : 1;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return ZS_ENOMEM;
        nc *= 2;
    }
    if (zsu_resize(arrp, nc, elem) != 0)
        return ZS_ENOMEM;
    *cap = nc;
    return 0;
}

int zsu_buf_add(zsu_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return ZS_ENOMEM;
    if (b->n + n + 1 > b->cap && zsu_grow(&b->p, &b->cap, b->n + n + 1, 1, BUF_FIRST_BYTES)) {
        b->oom = 1;
        return ZS_ENOMEM;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

void zsu_strv_free(char **v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

int zsu_strlist_add(zsu_strlist *l, const char *s, size_t n)
{
    if (l->n == l->cap && zsu_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 32) != 0)
        return ZS_ENOMEM;
    l->v[l->n++] = (zsu_str){s, n};
    return 0;
}

static int by_len_desc(const void *a, const void *b)
{
    const zsu_str *x = a, *y = b;
    return (x->n < y->n) - (x->n > y->n);
}

void zsu_strlist_longest_first(zsu_strlist *l)
{
    if (l->n > 1)
        qsort(l->v, l->n, sizeof *l->v, by_len_desc);
}
