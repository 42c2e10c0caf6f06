/*
 * fuzz_figures.c - libFuzzer target for the figure listing's conflicts and
 * arithmetic checks (query/figures.c).
 *
 * The input is text: each line a passage, split into figures by the real
 * extractor (extract/figure.c), each passage given one of three zones (or
 * none) by its number so that figures of different passages meet. The
 * listing (zsq_figures_of(), what zs_figures_open() does after reading the
 * index) must not crash, leak or read out of bounds, must keep every figure
 * inside its context (and where its metric is printed) and every message a
 * terminated string, and must list
 * in --conflicts mode exactly the rows that carry a conflict. The first
 * byte's low bit picks that mode. A violation aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figure_int.h"
#include "query_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Most passages and figures looked at: bounds one run's time. */
#define MAX_PASSAGES 64
#define MAX_IN 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const zones[] = {"甲高新区", "乙经开区", "甲高新区", ""};
    zsq_figure_in *in = calloc(MAX_IN, sizeof *in);
    zsi_figure *figs[MAX_PASSAGES] = {NULL};
    /* A private copy with no NUL after it, so reads past the end are caught. */
    char *text = malloc(size ? size : 1);
    size_t nin = 0, np = 0;
    int conflicts = size && (data[0] & 1);

    if (!in || !text)
        abort();
    if (size)
        memcpy(text, data, size);
    for (size_t s = 0; s < size && np < MAX_PASSAGES;) {
        const char *nl = memchr(text + s, '\n', size - s);
        size_t e = nl ? (size_t)(nl - text) : size, nf = 0;
        if (zsi_figures_extract(text + s, e - s, &figs[np], &nf) == ZS_OK) {
            for (size_t k = 0; k < nf && nin < MAX_IN; k++) {
                const zsi_figure *f = &figs[np][k];
                const char *doc = np % 2 ? "b.txt" : "a.txt";
                zsi_span at[2] = {{0, 0}, {0, 0}};
                zsi_figure_metric_spans(f, at);
                in[nin++] = (zsq_figure_in){
                    {NULL, f->value, f->value_hi, f->unit, f->cls, f->metric, zones[np % 4],
                     f->year, f->hedge, f->start, f->end, (long long)np + 1,
                     {{at[0].s, at[0].e}, {at[1].s, at[1].e}}},
                    f->metric_raw,
                    {doc, doc, (long long)np, (long long)np + 1, 1, 0, 0,
                     np % 3 ? "2024-05-01" : "", np % 3 == 1 ? "人民日报" : "", (int)(np % 5)},
                    0,
                    (long long)np + 1,
                    text + s,
                    e - s};
            }
        }
        np++;
        s = e + 1;
    }
    zs_figures *it = NULL;
    int rc = zsq_figures_of(&it, in, nin, conflicts);
    if (rc != 0 && rc != ZS_ENOMEM && rc != ZS_ELIMIT)
        abort();
    const zs_figure_row *r;
    size_t listed = 0;
    while (it && zs_figures_next(it, &r) == 0) {
        listed += 1 + r->nalso_in; /* one statement printed in several passages: one row */
        if (r->fig.start > r->fig.end || r->fig.end > r->context_len ||
            strncmp(r->context + r->fig.start, r->fig.text, r->fig.end - r->fig.start) ||
            strlen(r->conflict) > 255 || strlen(r->check) > 255)
            abort();
        for (int m = 0; m < 2; m++)
            if (r->fig.metric_at[m].start > r->fig.metric_at[m].end ||
                r->fig.metric_at[m].end > r->context_len)
                abort();
        if (conflicts && !r->conflict[0])
            abort();
    }
    if (it && !conflicts && listed != nin)
        abort();
    zs_figures_free(it);
    for (size_t p = 0; p < np; p++)
        free(figs[p]);
    free(in);
    free(text);
    return 0;
}
