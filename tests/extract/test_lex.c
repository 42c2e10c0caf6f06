/*
 * test_lex.c - metric_lex.c's lookups against the word data itself: every
 * word of data/words.tsv (two to four characters, as zsi_lex_is_word takes)
 * is found, the same word with a character the data never holds after it
 * (丂) is not, and a cut into words gives the data's parts of speech. A
 * search that loses its place among the lines (the line table, the order of
 * the comparison) fails here on thousands of words at once.
 */
#include <stdio.h>
#include <string.h>

#include "../tap.h"
#include "metric_int.h"

extern const char zs_data_words[];
extern const size_t zs_data_words_len;

int main(void)
{
    const char *d = zs_data_words, *end = d + zs_data_words_len;
    size_t words = 0, missed = 0, phantom = 0;
    char w[64];

    for (const char *l = d; l < end;) {
        const char *nl = memchr(l, '\n', (size_t)(end - l));
        const char *le = nl ? nl : end, *tab = memchr(l, '\t', (size_t)(le - l));
        if (*l != '#' && tab && (size_t)(tab - l) + 4 <= sizeof w) {
            size_t n = (size_t)(tab - l), chars = zsi_nchars(l, 0, n);
            if (chars >= 2 && chars <= 4) {
                words++;
                if (!zsi_lex_is_word(l, 0, n) && missed++ < 5)
                    printf("# not found: %.*s\n", (int)n, l);
            }
            if (chars >= 1 && chars <= 3) {
                memcpy(w, l, n);
                memcpy(w + n, "\xE4\xB8\x82", 3); /* 丂 */
                if (zsi_lex_is_word(w, 0, n + 3) && phantom++ < 5)
                    printf("# found, not in the data: %.*s\n", (int)n + 3, w);
            }
        }
        l = nl ? nl + 1 : end;
    }
    tap_ok(words > 100000, "the data holds words of two to four characters (%zu)", words);
    tap_ok(missed == 0, "every one is found (%zu missed)", missed);
    tap_ok(phantom == 0, "none with 丂 after it is (%zu found)", phantom);

    /* 中国家电: 中国|家电 by the data's counts, with the data's tags (S, j). */
    const char *s = "中国家电";
    size_t start[ZSI_LEX_CUT_MAX + 1];
    char tag[ZSI_LEX_CUT_MAX + 1];
    int k = zsi_lex_cut(s, 0, strlen(s), start, tag, 4);
    tap_ok(k == 2 && start[1] == 6 && tag[0] == 'S' && tag[1] == 'j',
           "中国家电 is cut 中国|家电, tagged as the data tags them (%d words)", k);
    size_t ws = 0, we = 0;
    tap_ok(zsi_lex_inside(s, 0, 9, strlen(s), &ws, &we) && ws == 6 && we == 12,
           "the edge 中国家|电 lies inside 家电");
    return tap_done();
}
