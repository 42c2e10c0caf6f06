/*
 * test_segshare.c - segmenters open at once share one lexicon and clone one
 * break iterator (seg.c): each still cuts as a segmenter of its own would, a
 * segmenter outlives another's free, and one opened after the last is freed
 * reads the data files again (a word the user added since is a word).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tap.h"
#include "zhaoshu.h"

static int add_token(void *ctx, const zs_token *t)
{
    char *out = ctx;
    size_t n = strlen(out);
    if (n + t->len + 3 < 1024)
        snprintf(out + n, 1024 - n, "%s%.*s ", t->colocated ? "+" : "", (int)t->len, t->text);
    return 0;
}

/* The tokens of text with words, as "a +ab b ..." in out[1024]. */
static const char *cut(zs_seg *s, const char *text, char *out)
{
    out[0] = '\0';
    if (zs_seg_run(s, text, strlen(text), ZS_SEG_DOCUMENT | ZS_SEG_WORDS, add_token, out) != 0)
        snprintf(out, 1024, "(error)");
    return out;
}

int main(void)
{
    /* 高新区 is in data/lexicon.txt; 橙柚湾 is a made-up word in none */
    const char *text = "橙柚湾高新区";
    char a[1024], b[1024], dir[] = "/tmp/zs-segshare-XXXXXX", path[sizeof dir + 16];
    zs_seg *s1 = NULL, *s2 = NULL;
    FILE *f;

    tap_ok(zs_seg_open(&s1) == 0 && zs_seg_open(&s2) == 0, "two segmenters open at once");
    TAP_STREQ(cut(s2, text, b), cut(s1, text, a), "both cut the same");
    tap_ok(strstr(a, "+高新区") != NULL, "a word of the built-in lexicon is a word: %s", a);
    tap_ok(strstr(a, "+橙柚湾") == NULL, "the made-up word is none yet: %s", a);
    zs_seg_free(s1);
    TAP_STREQ(cut(s2, text, b), a, "the other cuts the same after one is freed");
    zs_seg_free(s2);

    /* The user adds the word; a segmenter opened now reads it. */
    if (!mkdtemp(dir))
        return tap_ok(0, "mkdtemp"), tap_done();
    snprintf(path, sizeof path, "%s/lexicon.txt", dir);
    if ((f = fopen(path, "w")) != NULL) {
        fputs("橙柚湾\n", f);
        fclose(f);
    }
    setenv("ZHAOSHU_DATA_DIR", dir, 1);
    tap_ok(zs_seg_open(&s1) == 0 && zs_seg_open(&s2) == 0, "two open again");
    tap_ok(strstr(cut(s1, text, a), "+橙柚湾") != NULL, "the added word is a word: %s", a);
    TAP_STREQ(cut(s2, text, b), a, "for both");
    zs_seg_free(s1);
    zs_seg_free(s2);
    unlink(path);
    rmdir(dir);
    return tap_done();
}
