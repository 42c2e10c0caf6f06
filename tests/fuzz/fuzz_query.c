/*
 * fuzz_query.c - libFuzzer target for the query parser (query/parse.c).
 *
 * Any bytes go in; the parser must never crash, leak or read out of bounds,
 * must put the error offset inside the query, and every MATCH string it
 * renders must be safe: outside double-quoted strings only AND, OR, NOT,
 * parentheses, spaces and a '*' after a closing quote. A violation aborts,
 * so libFuzzer reports the input.
 *
 * Built with clang -fsanitize=fuzzer (tests/fuzz/run); replay.c runs it over
 * its seed corpus (tests/fuzz/corpus_query/) as an ordinary test.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query_int.h"
#include "../query/match_safety.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static zs_seg *seg;
    if (!seg && zs_seg_open(&seg) != 0)
        abort();
    zsq_parsed *pq = NULL;
    char err[256];
    size_t off = 0;
    /* the input as each option's value: read as that filter, or refused */
    for (int k = ZSQ_FILTER_PARK; k <= ZSQ_FILTER_SOURCE; k++) {
        int frc = zsq_read_filter(seg, (zsq_filter_kind)k, (const char *)data, size, &pq, err,
                                  sizeof err);
        if (frc ? pq != NULL || !err[0] : pq == NULL || pq->has_text)
            abort();
        zsq_parsed_free(pq);
        pq = NULL;
    }
    int rc = zsq_parse(seg, (const char *)data, size, &pq, err, sizeof err, &off);
    if (rc) {
        if (pq || off > size || !err[0])
            abort();
        return 0;
    }
    if (!pq || zs_match_unsafe(pq->match_all) || zs_match_unsafe(pq->match_any))
        abort();
    if (pq->has_text != (pq->match_all[0] != '\0'))
        abort();
    /* a date: range is two dates of ten bytes, in order */
    if (pq->has_date && (strlen(pq->date_lo) != 10 || strlen(pq->date_hi) != 10 ||
                         strcmp(pq->date_lo, pq->date_hi) > 0))
        abort();
    zsq_parsed_free(pq);
    return 0;
}
