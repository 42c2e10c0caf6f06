/*
 * test_park.c - zone names in sentences (tests/extract/park.test): the left
 * edge of a name, zone kinds, nested zones and generic mentions; and bare
 * references in articles (tests/extract/story.test). The case files are the
 * arguments; prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../tap.h"
#include "extract_int.h"

#define MAX_STORY 32

/* One article of story.test: file every passage, compare with what is expected. */
static void check_story(const zsi_gazetteer *g, char lines[][1024], size_t n, int no)
{
    zsi_story_passage sp[MAX_STORY];
    char **names[MAX_STORY];
    size_t nn[MAX_STORY];
    const char *want[MAX_STORY];
    zsi_story_zone zone[MAX_STORY];
    for (size_t i = 0; i < n; i++) {
        char *t1 = strchr(lines[i], '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2) {
            tap_ok(0, "article %d line %zu has three fields", no, i + 1);
            n = i;
            break;
        }
        *t1 = *t2 = '\0';
        want[i] = t2 + 1;
        names[i] = NULL;
        nn[i] = 0;
        zsi_parks_extract(g, t1 + 1, strlen(t1 + 1), &names[i], &nn[i], NULL);
        sp[i] = (zsi_story_passage){t1 + 1, strlen(t1 + 1),
                                    lines[i][0] == 'H'   ? ZSI_P_HEADLINE
                                    : lines[i][0] == 'Y' ? ZSI_P_BYLINE
                                                         : ZSI_P_BODY,
                                    names[i], nn[i]};
    }
    /* as the indexer does (store/prepare.c): one zone printed with and
     * without places in front is one zone of the article */
    zsi_park_tally tally = {0};
    for (size_t i = 0; i < n; i++) {
        size_t ones[ZSI_MAX_PARKS_PER_TEXT];
        for (size_t k = 0; k < nn[i]; k++)
            ones[k] = 1;
        zsi_park_tally_add(&tally, names[i], ones, nn[i]);
    }
    for (size_t i = 0; i < n; i++) {
        zsi_parks_fold_twins(g, (const char *const *)tally.names, tally.n, names[i], &nn[i]);
        sp[i].names = names[i];
        sp[i].nnames = nn[i];
    }
    zsi_park_tally_clear(&tally);
    zsi_story_zones(g, sp, n, zone);
    for (size_t i = 0; i < n; i++) {
        char got[1024] = "-";
        size_t w = 0;
        for (size_t k = 0; k < nn[i]; k++)
            w += (size_t)snprintf(got + w, sizeof got - w, "%s%s", k ? " " : "", names[i][k]);
        for (size_t k = 0; !nn[i] && k < zone[i].n; k++)
            w += (size_t)snprintf(got + w, sizeof got - w, "%s%s", k ? " " : "", zone[i].zone[k]);
        tap_ok(strcmp(got, want[i]) == 0, "article %d: %s -> %s (got %s)", no, sp[i].text, want[i],
               got);
    }
    for (size_t i = 0; i < n; i++)
        zsu_strv_free(names[i], nn[i]);
}

static void run_stories(const zsi_gazetteer *g, const char *path)
{
    static char lines[MAX_STORY][1024];
    FILE *f = fopen(path, "r");
    size_t n = 0;
    int no = 0;
    if (!tap_ok(f != NULL, "story file %s opens", path))
        return;
    while (fgets(lines[n], sizeof lines[n], f)) {
        lines[n][strcspn(lines[n], "\n")] = '\0';
        if (!lines[n][0] || lines[n][0] == '#')
            continue;
        if (!strcmp(lines[n], "%%")) {
            check_story(g, lines, n, ++no);
            n = 0;
        } else if (n + 1 < MAX_STORY)
            n++;
    }
    fclose(f);
}

/* Passages of a long page (the first, then bare words), and of the page a
 * quarter as long that it is timed against. */
#define LONG_PAGE 120000
#define SHORT_PAGE (LONG_PAGE / 4)

/* Most times the long page's CPU time may be the short one's. Read in linear
 * time the ratio is about 4; scanning back to the page's start for each
 * passage (as passage_zones() did for each one whose zone came from a bare
 * word: 3.9 s for 60,000 passages), or on to the page's end for each bare
 * 自贸区 with no zone after it (later_referent(): 2.2 s), makes it about 16.
 * A ratio and not seconds: an ASan build on a loaded machine took 3.16 s for
 * the long page where a release build takes under 0.2 s, and failed a bound
 * in seconds that no code change had crossed. */
#define LONG_PAGE_RATIO 10.0

/* Reads a page of passage first and n - 1 passages bare, each saying a bare
 * word: each means the zone first names. With first naming none, a bare 自贸区
 * looks for a zone named after it (later_referent()), and finds none.
 * @return the CPU seconds zsi_story_zones() took, or -1 when it failed. */
static double read_page(const zsi_gazetteer *g, const char *first, const char *bare, size_t n)
{
    zsi_story_passage *sp = calloc(n, sizeof *sp);
    zsi_story_zone *zone = calloc(n, sizeof *zone);
    char **names = NULL;
    size_t nn = 0;
    double secs = -1;
    if (!tap_ok(sp && zone, "long page: memory") ||
        !tap_ok(zsi_parks_extract(g, first, strlen(first), &names, &nn, NULL) == 0 && nn <= 1,
                "long page: its first passage names one zone or none")) {
        free(sp);
        free(zone);
        zsu_strv_free(names, nn);
        return -1;
    }
    sp[0] = (zsi_story_passage){first, strlen(first), ZSI_P_BODY, names, nn};
    for (size_t i = 1; i < n; i++)
        sp[i] = (zsi_story_passage){bare, strlen(bare), ZSI_P_BODY, NULL, 0};
    clock_t t0 = clock();
    zsi_story_zones(g, sp, n, zone);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    size_t right = 0;
    for (size_t i = 1; i < n; i++)
        right += nn ? zone[i].n == 1 && strcmp(zone[i].zone[0], names[0]) == 0 : zone[i].n == 0;
    if (!tap_ok(right == n - 1, "long page: %zu of %zu bare words mean %s", right, n - 1,
                nn ? names[0] : "no zone"))
        secs = -1;
    zsu_strv_free(names, nn);
    free(sp);
    free(zone);
    return secs;
}

/* A page four times as long is read in about four times the time, not
 * sixteen: the story of each bare word is found in time linear in the page. */
static void long_page(const zsi_gazetteer *g, const char *first, const char *bare)
{
    double s = read_page(g, first, bare, SHORT_PAGE);
    double l = read_page(g, first, bare, LONG_PAGE);
    double base = s > 0.01 ? s : 0.01; /* clock()'s grain on a fast build */
    tap_ok(s >= 0 && l >= 0 && l < LONG_PAGE_RATIO * base,
           "long page: %d passages read in %.2f s, %d in %.2f s (%.1f x, under %.0f x)", SHORT_PAGE,
           s, LONG_PAGE, l, l / base, LONG_PAGE_RATIO);
}

/* The zones zsi_parks_extract() finds in p[0..n), joined by spaces into
 * out ("-" for none). @return its return code. */
static int names_of(const zsi_gazetteer *g, const char *p, size_t n, char *out, size_t cap)
{
    char **names = NULL;
    size_t nn = 0, w = 0;
    int rc = zsi_parks_extract(g, p, n, &names, &nn, NULL);
    out[0] = '\0';
    for (size_t i = 0; i < nn && w < cap; i++)
        w += (size_t)snprintf(out + w, cap - w, "%s%s", i ? " " : "", names[i]);
    if (!nn)
        snprintf(out, cap, "-");
    zsu_strv_free(names, nn);
    return rc;
}

int main(int argc, char **argv)
{
    char err[256], line[4096];
    zsi_gazetteer *g = NULL;
    FILE *f;

    if (argc < 2 || !(f = fopen(argv[1], "r"))) {
        tap_ok(0, "case file %s opens", argc > 1 ? argv[1] : "(none)");
        return tap_done();
    }
    if (!tap_ok(zsi_gazetteer_open(&g, err, sizeof err) == 0, "gazetteer loads (%s)", err)) {
        fclose(f);
        return tap_done();
    }
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\n");
        line[len] = '\0';
        char *tab = strchr(line, '\t');
        if (!line[0] || line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        const char *want = tab + 1;
        char got[4096], got2[4096];
        int rc = names_of(g, line, strlen(line), got, sizeof got);
        tap_ok(rc == 0 && strcmp(got, want) == 0, "%s -> %s (got %s)", line, want, got);
        /* The same after an ill-formed byte at the end: the passes of
         * find_mentions() then step character by character instead of
         * jumping between the characters that may head a name. */
        char bad[4096 + 2];
        size_t bl = strlen(line);
        memcpy(bad, line, bl);
        bad[bl] = '\xFF';
        rc = names_of(g, bad, bl + 1, got2, sizeof got2);
        tap_ok(rc == 0 && strcmp(got2, got) == 0, "%s + ill-formed byte -> %s (got %s)", line, got, got2);
    }
    fclose(f);
    if (argc > 2)
        run_stories(g, argv[2]);
    long_page(g, "合肥高新区今年新落户企业两百家。", "高新区内又有一家企业开工建设。");
    long_page(g, "今年新落户企业两百家。", "自贸区内又有一家企业开工建设。");
    zsi_gazetteer_free(g);
    return tap_done();
}
