/*
 * fuzz_segment.c - libFuzzer target for the segmenter (segment/).
 *
 * Any bytes, in every mode: no crash, no leak, and every token's offsets lie
 * inside the input, in order, with a non-empty normalized text no longer
 * than ZS_MAX_TOKEN_BYTES. A violation aborts so libFuzzer reports it.
 */
#include <stdint.h>
#include <stdlib.h>

#include "zhaoshu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct check {
    size_t n, last;
} check;

static int on_token(void *ctx, const zs_token *t)
{
    check *c = ctx;
    if (t->start > t->end || t->end > c->n || t->start < c->last || t->len == 0 ||
        t->len > ZS_MAX_TOKEN_BYTES)
        abort();
    c->last = t->start;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static zs_seg *s;
    if (!s && zs_seg_open(&s))
        abort();
    static const unsigned modes[] = {ZS_SEG_DOCUMENT, ZS_SEG_QUERY, ZS_SEG_QUERY | ZS_SEG_PREFIX};
    for (size_t m = 0; m < 3; m++) {
        check c = {size, 0};
        if (zs_seg_run(s, (const char *)data, size, modes[m], on_token, &c) < 0)
            abort();
    }
    return 0;
}
