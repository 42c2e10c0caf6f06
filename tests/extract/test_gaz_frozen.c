/*
 * test_gaz_frozen.c - the gazetteer a query gets from the build
 * (zsi_gaz_frozen, extract/gaz_freeze.c) is the one the data files give
 * when loaded at run time: every name, alias, hash slot, suffix, word list
 * and list fact, compared field by field; and a user's addition to a
 * gazetteer file is still read (the frozen copy is then not used).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "extract_int.h"
#include "park_int.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same_list(const strlist *a, const strlist *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].n != b->v[i].n || memcmp(a->v[i].s, b->v[i].s, a->v[i].n) != 0)
            return 0;
    return 1;
}

int main(void)
{
    char dir[] = "/tmp/zs-gaz-frozen-XXXXXX", path[256];
    zsi_gazetteer *f = NULL, *p = NULL;
    char err[256];
    FILE *fp;

    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    /* No user files: the frozen copy. */
    setenv("ZHAOSHU_DATA_DIR", dir, 1);
    tap_ok(zsi_gazetteer_open_names(&f, err, sizeof err) == 0, "open the names (%s)", err);
    tap_ok(f && f->frozen, "  the build's frozen copy");
    /* An empty user parks.tsv adds nothing but makes the loader read the files. */
    snprintf(path, sizeof path, "%s/parks.tsv", dir);
    fp = fopen(path, "w");
    if (fp)
        fclose(fp);
    tap_ok(zsi_gazetteer_open_names(&p, err, sizeof err) == 0, "open them with a user file (%s)",
           err);
    tap_ok(p && !p->frozen, "  loaded from the files");
    if (!f || !p)
        return tap_done();

    tap_ok(same_list(&f->names, &p->names), "canonical names: %zu and %zu", f->names.n,
           p->names.n);
    int ok = f->nal == p->nal;
    for (size_t i = 0; ok && i < f->nal; i++)
        ok = f->al[i].n == p->al[i].n && same_str(f->al[i].s, p->al[i].s) &&
             f->al[i].canon == p->al[i].canon && f->al[i].weak == p->al[i].weak &&
             same_str(f->alist[i], p->alist[i]);
    if (!tap_ok(ok, "aliases, their zones and lists: %zu and %zu", f->nal, p->nal))
        for (size_t i = 0; i < f->nal && i < p->nal; i++)
            if (f->al[i].n != p->al[i].n || !same_str(f->al[i].s, p->al[i].s) ||
                f->al[i].canon != p->al[i].canon || f->al[i].weak != p->al[i].weak ||
                !same_str(f->alist[i], p->alist[i])) {
                tap_diag("first difference: alias %zu: %s/%s %zu/%zu %d/%d %s/%s", i, f->al[i].s,
                         p->al[i].s, f->al[i].canon, p->al[i].canon, f->al[i].weak,
                         p->al[i].weak, f->alist[i], p->alist[i]);
                break;
            }
    ok = f->alias_ix.cap == p->alias_ix.cap && f->alias_ix.n == p->alias_ix.n;
    for (size_t i = 0; ok && i < f->alias_ix.cap; i++)
        ok = same_str(f->alias_ix.e[i].s, p->alias_ix.e[i].s) &&
             f->alias_ix.e[i].n == p->alias_ix.e[i].n && f->alias_ix.e[i].v == p->alias_ix.e[i].v;
    tap_ok(ok, "the alias hash, slot by slot (%zu slots)", f->alias_ix.cap);
    ok = 1;
    for (size_t i = 0; ok && i <= f->names.n; i++)
        ok = f->aoff[i] == p->aoff[i];
    tap_ok(ok, "the alias list offsets");
    ok = f->nsuf == p->nsuf;
    for (size_t i = 0; ok && i < f->nsuf; i++)
        ok = f->suf[i].n == p->suf[i].n && f->suf[i].ncanon == p->suf[i].ncanon &&
             f->suf[i].weak == p->suf[i].weak && same_str(f->suf[i].s, p->suf[i].s) &&
             same_str(f->suf[i].canon, p->suf[i].canon);
    tap_ok(ok, "suffixes, in order: %zu and %zu", f->nsuf, p->nsuf);
    const strlist *fl[] = {&f->trim,  &f->cut,   &f->generic, &f->infix,  &f->province, &f->bare,
                           &f->scope, &f->voice, &f->across,  &f->after,  &f->policy,   &f->party};
    const strlist *pl[] = {&p->trim,  &p->cut,   &p->generic, &p->infix,  &p->province, &p->bare,
                           &p->scope, &p->voice, &p->across,  &p->after,  &p->policy,   &p->party};
    ok = 1;
    for (size_t k = 0; ok && k < sizeof fl / sizeof *fl; k++)
        ok = same_list(fl[k], pl[k]);
    tap_ok(ok, "the twelve word lists of zone_suffixes.txt, in order");
    tap_ok(memcmp(f->bare_last, p->bare_last, sizeof f->bare_last) == 0, "the bare words' bits");
    ok = 1;
    for (size_t i = 0; ok && i < f->names.n; i++)
        ok = same_str(f->meta[i].level, p->meta[i].level) &&
             same_str(f->meta[i].kind, p->meta[i].kind) &&
             same_str(f->meta[i].province, p->meta[i].province) &&
             same_str(f->meta[i].city, p->meta[i].city) && f->meta[i].listed == p->meta[i].listed;
    tap_ok(ok, "what the lists say of each zone");
    tap_ok(same_str(zsi_park_canonical(f, "襄阳高新技术产业开发区", strlen("襄阳高新技术产业开发区")),
                    zsi_park_canonical(p, "襄阳高新技术产业开发区", strlen("襄阳高新技术产业开发区"))),
           "a folded name resolves alike");
    zsi_gazetteer_free(p);
    p = NULL;

    /* A user's zone is found: the frozen copy is not used then. */
    fp = fopen(path, "w");
    if (fp) {
        fputs("测试甲乙高新区\t甲乙园\n", fp);
        fclose(fp);
    }
    tap_ok(zsi_gazetteer_open_names(&p, err, sizeof err) == 0, "open with a user zone (%s)", err);
    tap_ok(p && zsi_park_canonical(p, "甲乙园", strlen("甲乙园")) &&
               strcmp(zsi_park_canonical(p, "甲乙园", strlen("甲乙园")), "测试甲乙高新区") == 0,
           "  the user's alias names the user's zone");
    tap_ok(!zsi_park_canonical(f, "甲乙园", strlen("甲乙园")), "  the built-in names lack it");
    zsi_gazetteer_free(p);
    zsi_gazetteer_free(f);
    unlink(path);
    rmdir(dir);
    return tap_done();
}
