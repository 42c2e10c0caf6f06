/*
 * test_metric.c - the edges of a metric's noun phrase (issue 14), from a case
 * file (metric.test): each line a short sentence, the figure as printed and
 * the metric zhaoshu must name it by ("-": none), and optionally the metric as
 * printed (metric_raw). Sentences are written for
 * the test, not copied from news; each case says which rule it checks.
 *
 * Usage: test_metric FILE [SENTENCE]: with a sentence, print every figure of
 * it and its metric instead (a debugging aid, not a test).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "figure_int.h"
#include "find_fig.h"

static void show_all(const char *text)
{
    zsi_figure *v = NULL;
    size_t nv = 0, i;
    if (zsi_figures_extract(text, strlen(text), &v, &nv) != 0) {
        printf("error\n");
        return;
    }
    for (i = 0; i < nv; i++)
        printf("[%.*s] metric=%s raw=%s\n", (int)(v[i].end - v[i].start), text + v[i].start,
               v[i].metric, v[i].metric_raw);
    free(v);
}

int main(int argc, char **argv)
{
    char line[2048];
    FILE *f;
    int lno = 0;

    if (argc > 2) {
        show_all(argv[2]);
        return 0;
    }
    if (argc < 2 || !(f = fopen(argv[1], "r"))) {
        tap_ok(0, "case file %s opens", argc > 1 ? argv[1] : "(none)");
        return tap_done();
    }
    while (fgets(line, sizeof line, f)) {
        char *text = line, *printed, *metric, *raw, *nl;
        zsi_figure *v = NULL;
        const zsi_figure *fig;
        size_t nv = 0;
        lno++;
        if ((nl = strchr(line, '\n')) != NULL)
            *nl = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (!(printed = strchr(text, '\t')) || !(metric = strchr(printed + 1, '\t'))) {
            tap_ok(0, "line %d: three tab-separated fields", lno);
            continue;
        }
        *printed++ = '\0';
        *metric++ = '\0';
        if ((raw = strchr(metric, '\t')) != NULL)
            *raw++ = '\0'; /* the metric as printed, when the row gives it */
        if (strcmp(metric, "-") == 0)
            metric = "";
        if (zsi_figures_extract(text, strlen(text), &v, &nv) != 0) {
            tap_ok(0, "line %d: %s: extracted", lno, text);
            continue;
        }
        fig = find_fig(text, v, nv, printed);
        if (tap_ok(fig != NULL, "line %d: %s: figure [%s] found", lno, text, printed)) {
            TAP_STREQ(fig->metric, metric, "line %d: %s: metric of %s", lno, text, printed);
            if (raw)
                TAP_STREQ(fig->metric_raw, raw, "line %d: %s: metric of %s as printed", lno,
                          text, printed);
        }
        free(v);
    }
    fclose(f);
    return tap_done();
}
