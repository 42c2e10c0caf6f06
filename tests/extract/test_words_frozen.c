/*
 * test_words_frozen.c - the word table the build compiles in
 * (zsi_words_frozen, extract/words_freeze.c) is the one the data files give
 * when loaded at run time: text, slots, place rows and filter compared
 * field by field; and a user's addition to a lexicon file is still read
 * (the frozen table is then not used).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "extract_int.h"
#include "park_int.h"

int main(void)
{
    char dir[] = "/tmp/zs-words-frozen-XXXXXX", path[256];
    const zsi_wtable *f = &zsi_words_frozen, *p = NULL;
    zsi_words *w = NULL;
    FILE *fp;
    int ok;

    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    tap_ok(f->frozen && f->n > 0 && f->text && f->tab && f->filter, "the build's frozen table");
    /* A user place makes the loader read the files: the frozen table is
     * then not used, and the user's word is found. */
    setenv("ZHAOSHU_DATA_DIR", dir, 1);
    snprintf(path, sizeof path, "%s/places.tsv", dir);
    fp = fopen(path, "w");
    if (fp) {
        fputs("\xE9\x91\xAB\xE5\x96\xB5\xE5\xB8\x82\t\xE9\x91\xAB\xE5\x96\xB5\tcity\n", fp);
        fclose(fp);
    }
    tap_ok(zsi_words_base(&p) == 0 && p && !p->frozen, "loaded from the files with a user file");
    tap_ok(zsi_words_open(&w) == 0 && w, "open a handle");
    if (!p || !w)
        return tap_done();
    tap_ok(zsi_words_find(w, "\xE9\x91\xAB\xE5\x96\xB5\xE5\xB8\x82", 9, NULL) & ZSW_PLACE,
           "  the user's place (a made-up 鑫喵市) is a place");
    tap_ok(!(f->tab && zsi_words_find(w, "\xE4\xB8\x8D\xE5\xAD\x98", 6, NULL)),
           "  text that is no word is not");

    /* The loaded table holds the user's line after the built-in files: it
     * has one place row and two words more, and the rest must agree. */
    tap_ok(p->npl == f->npl + 1, "place rows: %zu frozen, %zu loaded (one the user's)", f->npl,
           p->npl);
    tap_ok(p->n == f->n + 2, "words: %zu frozen, %zu loaded (two the user's)", f->n, p->n);
    tap_ok(p->cap == f->cap && p->maxlen == f->maxlen, "slots %zu/%zu, longest word %zu/%zu",
           f->cap, p->cap, f->maxlen, p->maxlen);
    /* every frozen word is in the loaded table with the same classes and
     * the same place row (its level, city and province compared as text) */
    ok = 1;
    for (size_t i = 0; ok && i < f->cap && p->cap == f->cap; i++) {
        const zsi_wslot *s = &f->tab[i];
        const char *word = f->text + s->off;
        size_t row = 0;
        const char *c1, *c2, *v1, *v2;
        if (!s->n)
            continue;
        /* the bare handle adds nothing: its classes are the base's shown ones */
        ok = zsi_words_find(w, word, s->n, &row) ==
             (s->flags & ~(unsigned)(ZSW_FOREIGN | ZSW_PARTY | ZSW_VERB1 | ZSW_TOWNWORD));
        ok = ok && zsi_words_has(w, word, s->n, ZSW_FOREIGN) == !!(s->flags & ZSW_FOREIGN) &&
             zsi_words_has(w, word, s->n, ZSW_PARTY) == !!(s->flags & ZSW_PARTY) &&
             zsi_words_has(w, word, s->n, ZSW_VERB1) == !!(s->flags & ZSW_VERB1) &&
             zsi_words_has(w, word, s->n, ZSW_TOWNWORD) == !!(s->flags & ZSW_TOWNWORD);
        if (ok && (s->flags & ZSW_PLACE)) {
            int lv = zsi_words_place(w, row, &c1, &v1);
            c2 = f->text + f->pl[s->place].city;
            v2 = f->text + f->pl[s->place].province;
            ok = lv == f->pl[s->place].level && strcmp(c1, c2) == 0 && strcmp(v1, v2) == 0;
        }
        if (!ok)
            tap_diag("first difference: word %.*s (slot %zu)", (int)s->n, word, i);
    }
    tap_ok(ok, "every frozen word: classes, hidden classes and place row");
    /* slot by slot, but for the user's two words */
    ok = 1;
    size_t diff = 0;
    for (size_t i = 0; i < f->cap && p->cap == f->cap; i++)
        if (f->tab[i].n != p->tab[i].n || f->tab[i].flags != p->tab[i].flags ||
            f->tab[i].place != p->tab[i].place ||
            memcmp(f->text + f->tab[i].off, p->text + p->tab[i].off, f->tab[i].n) != 0)
            diff++;
    tap_ok(diff <= 2, "the hash, slot by slot: %zu slots differ (the user's two at most)", diff);
    diff = 0;
    for (size_t i = 0; i <= f->fmask / 64 && p->fmask == f->fmask; i++)
        diff += (f->filter[i] ^ p->filter[i]) != 0;
    tap_ok(p->fmask == f->fmask && diff <= 2,
           "the filter: %zu of its words differ (the user's two at most)", diff);
    zsi_words_free(w);
    remove(path);
    rmdir(dir);
    return tap_done();
}
