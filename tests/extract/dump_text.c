/*
 * dump_text - debug aid: print what the text half of the indexer makes of a
 * file (passages with kind and byte range, years, zones). Not installed.
 * Usage: dump_text FILE...
 */
#include <stdio.h>
#include <stdlib.h>

#include "extract_int.h"

static void warn(void *ctx, size_t off, const char *msg)
{
    fprintf(stderr, "%s: byte %zu: %s\n", (const char *)ctx, off, msg);
}

int main(int argc, char **argv)
{
    zsi_gazetteer *g = NULL;
    char err[256];
    if (zsi_gazetteer_open(&g, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        char *raw = NULL, *text = NULL, *zone = NULL;
        size_t n = 0, tn = 0, np = 0, cnt[4] = {0};
        zsi_passage *p = NULL;
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        n = (size_t)ftell(f);
        rewind(f);
        raw = malloc(n + 1);
        if (fread(raw, 1, n, f) != n)
            n = 0;
        fclose(f);
        if (zsi_decode(raw, n, &text, &tn, warn, argv[a]) != 0 ||
            zsi_passages_split(text, tn, &p, &np) != 0) {
            free(raw);
            free(text);
            continue;
        }
        int ay = zsi_article_year(text, tn);
        zsi_article_park(g, text, tn, &zone);
        printf("== %s: article year %d, zone %s\n", argv[a], ay, zone ? zone : "-");
        for (size_t i = 0; i < np; i++) {
            int years[64];
            size_t ny = 0;
            char **names = NULL;
            size_t nn = 0;
            cnt[p[i].kind]++;
            zsi_years_extract(p[i].text, p[i].len, ay, years, NULL, 64, &ny);
            zsi_parks_extract(g, p[i].text, p[i].len, &names, &nn, NULL);
            printf("[%zu %s %zu-%zu%s] %s\n", i, zsi_passage_kind_name(p[i].kind), p[i].start,
                   p[i].end, zsi_has_bare_park_ref(g, p[i].text, p[i].len) ? " bare" : "",
                   p[i].text);
            if (ny) {
                printf("    years:");
                for (size_t k = 0; k < ny; k++)
                    printf(" %d", years[k]);
                printf("\n");
            }
            if (nn) {
                printf("    zones:");
                for (size_t k = 0; k < nn; k++)
                    printf(" %s", names[k]);
                printf("\n");
            }
            zsu_strv_free(names, nn);
        }
        printf("== %zu passages: %zu body, %zu headline, %zu caption, %zu byline\n", np, cnt[0],
               cnt[1], cnt[2], cnt[3]);
        free(zone);
        zsi_passages_free(p, np);
        free(text);
        free(raw);
    }
    zsi_gazetteer_free(g);
    return 0;
}
