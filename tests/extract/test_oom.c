/*
 * test_oom.c - allocation-failure sweep over the segmenter and the indexer's
 * text pipeline (decode, passages, parks, years, figures).
 *
 * malloc/calloc/realloc of our own code are wrapped at link time
 * (-Wl,--wrap); run N fails the N-th allocation. Every run must return
 * cleanly (an error code or success) and, under ASan, leak nothing. The
 * sweep ends at the first run that finishes without reaching its failure.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "figure_int.h"
#include "extract_int.h"
#include "zhaoshu.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

static long fail_at = -1, calls;

static int should_fail(void)
{
    return fail_at >= 0 && calls++ == fail_at;
}

void *__wrap_malloc(size_t n)
{
    return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t m)
{
    return should_fail() ? NULL : __real_calloc(n, m);
}

void *__wrap_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : __real_realloc(p, n);
}

static int count_tok(void *ctx, const zs_token *t)
{
    (void)t;
    (*(size_t *)ctx)++;
    return 0;
}

static const char text[] =
    "六盘水高新区 兴业强链满目新\n\n桂榕 摄\n\n“十四五”期间，六盘水高新区累计引进项目100个，"
    "签约金额135.34亿元；2024年，经营主体总量突破1.06万户。营业收入从2021年的995亿元增长至"
    "2024年的1903亿元，年均增速17.6%。今年，贵阳高\n\n新区引进企业近四分之一。GDP 5G 100EFlops\n";

/* The pipeline once; returns 0 when everything succeeded. */
static int pipeline(void)
{
    zs_seg *seg = NULL;
    zsi_gazetteer *g = NULL;
    zsi_passage *ps = NULL;
    size_t nps = 0, ntok = 0;
    char *utf8 = NULL, err[128];
    size_t n = 0;
    int rc;

    if ((rc = zs_seg_open(&seg)) != 0)
        goto out;
    if ((rc = zsi_gazetteer_open(&g, err, sizeof err)) != 0)
        goto out;
    if ((rc = zsi_decode(text, sizeof text - 1, &utf8, &n, NULL, NULL)) != 0)
        goto out;
    if ((rc = zsi_passages_split(utf8, n, &ps, &nps)) != 0)
        goto out;
    for (size_t i = 0; i < nps && !rc; i++) {
        zsi_figure *f = NULL;
        size_t nf = 0, nn = 0, ny = 0;
        char **names = NULL;
        int years[16];
        rc = zs_seg_run(seg, ps[i].text, ps[i].len, ZS_SEG_DOCUMENT, count_tok, &ntok);
        if (!rc)
            rc = zsi_figures_extract(ps[i].text, ps[i].len, &f, &nf);
        free(f);
        if (!rc)
            rc = zsi_parks_extract(g, ps[i].text, ps[i].len, &names, &nn, NULL);
        zsu_strv_free(names, nn);
        if (!rc)
            zsi_years_extract(ps[i].text, ps[i].len, 2024, years, NULL, 16, &ny);
    }
out:
    zsi_passages_free(ps, nps);
    free(utf8);
    zsi_gazetteer_free(g);
    zs_seg_free(seg);
    return rc;
}

int main(void)
{
    long runs = 0, errors = 0;
    TAP_INTEQ(pipeline(), 0, "the pipeline succeeds without injected failures");
    for (fail_at = 0;; fail_at++) {
        calls = 0;
        int rc = pipeline();
        runs++;
        if (calls <= fail_at) { /* the failure was never reached: done */
            TAP_INTEQ(rc, 0, "run %ld reached no failure and succeeded", runs);
            break;
        }
        if (rc == 0) {
            /* Some allocations are optional (caches, growth retries) but most fail. */
            continue;
        }
        errors++;
        if (rc != ZS_ENOMEM && rc != ZS_EICU && rc != ZS_EIO && rc != ZS_EINVAL)
            tap_ok(0, "run %ld: unexpected error %d", runs, rc);
    }
    tap_ok(runs > 50, "swept %ld allocation points (%ld reported an error)", runs, errors);
    return tap_done();
}
