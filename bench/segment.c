/*
 * bench/segment.c - the segmenter's throughput beside the bare ICU loop.
 *
 * Usage: bench-segment DIR [ROUNDS]
 * Reads every file under DIR (not recursive) into memory, then times, on
 * the same text in the same run: (a) the bare ICU loop a segmenter cannot
 * avoid: UTF-8 to UTF-16 (u_strFromUTF8) + ubrk_next + ubrk_getRuleStatus
 * with UBRK_WORD "zh"; (b) zs_seg_run in DOCUMENT mode (normalization, T2S,
 * words, lexicon, stemming, tokens to a callback); (c) QUERY mode.
 * Prints MB/s of each and the ratio (b)/(a). Best of ROUNDS (default 3).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "zhaoshu.h"

typedef struct doc {
    char *p;
    size_t n;
} doc;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int count_tok(void *ctx, const zs_token *t)
{
    (*(size_t *)ctx) += t->len > 0;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 2;
    }
    doc *docs = NULL;
    size_t nd = 0, cap = 0, total = 0, maxn = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], de->d_name);
        if (de->d_name[0] == '.' || !strstr(de->d_name, ".txt"))
            continue;
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (nd == cap) {
            cap = cap ? cap * 2 : 1024;
            docs = realloc(docs, cap * sizeof *docs);
        }
        docs[nd].p = malloc((size_t)n + 1);
        docs[nd].n = fread(docs[nd].p, 1, (size_t)n, f);
        total += docs[nd].n;
        if (docs[nd].n > maxn)
            maxn = docs[nd].n;
        nd++;
        fclose(f);
    }
    closedir(d);
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
    UChar *u = malloc((maxn + 1) * sizeof *u);
    zs_seg *s = NULL;
    if (U_FAILURE(st) || !u || zs_seg_open(&s)) {
        fprintf(stderr, "cannot open ICU or the segmenter\n");
        return 1;
    }
    double best_icu = 1e30, best_doc = 1e30, best_query = 1e30;
    size_t words = 0, toks = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        words = 0;
        for (size_t i = 0; i < nd; i++) {
            int32_t len = 0;
            st = U_ZERO_ERROR;
            u_strFromUTF8Lenient(u, (int32_t)maxn + 1, &len, docs[i].p, (int32_t)docs[i].n, &st);
            ubrk_setText(bi, u, len, &st);
            for (int32_t b = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE;)
                words += ubrk_getRuleStatus(bi) >= UBRK_WORD_NUMBER;
        }
        double t1 = now();
        toks = 0;
        for (size_t i = 0; i < nd; i++)
            zs_seg_run(s, docs[i].p, docs[i].n, ZS_SEG_DOCUMENT, count_tok, &toks);
        double t2 = now();
        size_t qt = 0;
        for (size_t i = 0; i < nd; i++)
            zs_seg_run(s, docs[i].p, docs[i].n, ZS_SEG_QUERY, count_tok, &qt);
        double t3 = now();
        if (t1 - t0 < best_icu)
            best_icu = t1 - t0;
        if (t2 - t1 < best_doc)
            best_doc = t2 - t1;
        if (t3 - t2 < best_query)
            best_query = t3 - t2;
    }
    double mb = (double)total / 1e6;
    printf("text: %zu files, %.1f MB; best of %d rounds\n", nd, mb, rounds);
    printf("| loop | MB/s | tokens |\n| --- | --- | --- |\n");
    printf("| bare ICU (UTF-8->UTF-16 + ubrk_next + rule status) | %.2f | %zu words |\n",
           mb / best_icu, words);
    printf("| zs_seg_run DOCUMENT | %.2f | %zu |\n", mb / best_doc, toks);
    printf("| zs_seg_run QUERY | %.2f | |\n", mb / best_query);
    printf("ratio zhaoshu DOCUMENT / bare ICU: %.2f (target >= 0.60)\n", best_icu / best_doc);
    zs_seg_free(s);
    ubrk_close(bi);
    free(u);
    for (size_t i = 0; i < nd; i++)
        free(docs[i].p);
    free(docs);
    return 0;
}
