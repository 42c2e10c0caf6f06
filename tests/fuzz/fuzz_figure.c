/*
 * fuzz_figure.c - libFuzzer target for figure extraction: any bytes go to
 * zsi_figures_extract() and zsi_quantity_parse(); neither may crash, read
 * out of bounds or return figures outside the text; a metric is printed
 * inside the text, in order, never inside its own figure, and a metric is
 * printed somewhere exactly when there is one, save one that a figure's
 * unit begins (13万人口, 7部|门; the figure's own or the one it shares its
 * metric with), which has no span of its own.
 *
 * Build (see tests/fuzz/): clang -g -fsanitize=fuzzer,address,undefined
 *   -Iinclude -Iindexer tests/fuzz/fuzz_figure.c <indexer text sources and
 *   embedded data> $(pkg-config --cflags --libs icu-uc icu-i18n) -lm
 * Seeds: tests/fuzz/corpus_figure/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figure_int.h"
#include "segment_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Is metric m printed whole at p[at], character by character, each as
 * printed or in its Simplified form (7部門 gives the metric 部门)? */
static int printed_at(const char *p, size_t size, size_t at, const char *m)
{
    size_t i = 0, n = strlen(m);
    while (i < n) {
        unsigned a, b;
        size_t la, lb;
        if (at >= size)
            return 0;
        la = zsi_utf8_decode(p + at, size - at, &a);
        lb = zsi_utf8_decode(m + i, n - i, &b);
        if (!la || !lb || (a != b && (unsigned)zss_t2s_strict((UChar32)a) != b))
            return 0;
        at += la;
        i += lb;
    }
    return 1;
}

/* Is f's whole metric printed starting inside a figure, at a character of
 * it (13万人口, 7部|门联合印发)? counted_noun() in extract/figure.c gives such a
 * metric no span, since a span would lie inside a figure; a figure that
 * shares that metric (7部门…，从2万至4万不等) takes the same empty span. Only
 * the whole metric from a character boundary: a metric that merely begins
 * with a figure's last byte or character has lost its span. */
static int begun_by_unit(const char *p, size_t size, const zsi_figure *v, size_t nv, const zsi_figure *f)
{
    for (size_t i = 0; i < nv; i++)
        for (size_t at = v[i].start + 1; at < v[i].end; at++)
            if (((unsigned char)p[at] & 0xC0) != 0x80 && printed_at(p, size, at, f->metric_raw))
                return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zsi_figure *v = NULL;
    size_t nv = 0, i, used;
    double value;
    const char *unit, *cls;
    /* A private copy with no NUL after it, so reads past the end are caught. */
    char *p = malloc(size ? size : 1);

    if (!p)
        return 0;
    if (size)
        memcpy(p, data, size);
    if (zsi_figures_extract(p, size, &v, &nv) == ZS_OK) {
        for (i = 0; i < nv; i++) {
            if (v[i].start >= v[i].end || v[i].end > size || !v[i].unit || !v[i].cls ||
                memchr(v[i].metric, '\0', sizeof v[i].metric) == NULL ||
                memchr(v[i].metric_raw, '\0', sizeof v[i].metric_raw) == NULL ||
                (i > 0 && v[i].start < v[i - 1].end))
                abort();
            zsi_span at[2];
            int k = zsi_figure_metric_spans(&v[i], at);
            if ((k > 0) != (v[i].metric_raw[0] != '\0') &&
                !(k == 0 && begun_by_unit(p, size, v, nv, &v[i])))
                abort();
            for (int j = 0; j < k; j++)
                if (at[j].s >= at[j].e || at[j].e > size || (j && at[j].s < at[j - 1].e) ||
                    (at[j].s < v[i].end && at[j].e > v[i].start))
                    abort();
        }
        free(v);
    }
    if (zsi_quantity_parse(p, size, &value, &unit, &cls) == ZS_OK && (!unit || !cls))
        abort();
    if (size && zsi_number_parse(p, size, &value, &used) == ZS_OK && (used == 0 || used > size))
        abort();
    free(p);
    return 0;
}
