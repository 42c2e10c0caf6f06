/*
 * zs-extver: build-time helper that names the extractor a build carries.
 *
 * Usage: zs-extver OUTPUT.c SOURCE_ROOT DIRS -- FILE...
 *   DIRS   comma-separated folders of SOURCE_ROOT (extract,segment,util,data)
 *          whose every file must be among FILE: a file added to one of them
 *          and not to the list in store/meson.build fails the build, so the
 *          identity cannot silently miss what shapes extraction.
 *   FILE   the sources and data files that decide what `zhaoshu index`
 *          extracts from a text (meson passes them relative to the build
 *          folder; they are hashed by their path below SOURCE_ROOT).
 *
 * Writes zs_extver_src (16 hex digits: XXH3 of every file's path and bytes,
 * in path order, so the same tree gives the same value on any machine) and
 * zs_extver_data (the names of the data files, NULL-ended), which the
 * library hashes again at run time with the user's additions to them
 * (store/extver.c). Any change to those files, comments included, gives a
 * new identity: a re-extraction too many costs one index build, a missed
 * one leaves wrong fields in every index, forever.
 */
#define _DEFAULT_SOURCE /* realpath, strdup: native tools get no project arguments */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct file {
    char *rel; /* path below the source root */
} file;

static int by_rel(const void *a, const void *b)
{
    return strcmp(((const file *)a)->rel, ((const file *)b)->rel);
}

static int listed(const file *fs, size_t n, const char *rel)
{
    file key = {(char *)rel};
    return bsearch(&key, fs, n, sizeof *fs, by_rel) != NULL;
}

/* Names of files that shape extraction in a folder: sources, headers and
 * data; not editor leftovers, hidden files or the data folder's README. */
static int counts(const char *dir, const char *name)
{
    size_t l = strlen(name);
    if (name[0] == '.' || (l && name[l - 1] == '~'))
        return 0;
    if (!strcmp(dir, "data"))
        return strcmp(name, "README") != 0;
    return l > 2 && name[l - 2] == '.' && (name[l - 1] == 'c' || name[l - 1] == 'h');
}

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[4], "--")) {
        fprintf(stderr, "usage: %s OUTPUT.c SOURCE_ROOT DIRS -- FILE...\n", argv[0]);
        return 2;
    }
    char root[PATH_MAX];
    if (!realpath(argv[2], root)) {
        perror(argv[2]);
        return 1;
    }
    size_t lroot = strlen(root);
    size_t n = (size_t)argc - 5;
    file *fs = calloc(n ? n : 1, sizeof *fs);
    if (!fs)
        return 1;
    for (size_t i = 0; i < n; i++) {
        char real[PATH_MAX];
        if (!realpath(argv[5 + i], real)) {
            perror(argv[5 + i]);
            return 1;
        }
        if (strncmp(real, root, lroot) || real[lroot] != '/') {
            fprintf(stderr, "%s: %s is not below %s\n", argv[0], real, root);
            return 1;
        }
        if (!(fs[i].rel = strdup(real + lroot + 1)))
            return 1;
    }
    qsort(fs, n, sizeof *fs, by_rel);

    /* Every file of the given folders must be hashed. */
    int missing = 0;
    for (const char *d = argv[3]; *d;) {
        size_t ld = strcspn(d, ",");
        char dir[PATH_MAX], path[2 * PATH_MAX];
        snprintf(dir, sizeof dir, "%.*s", (int)ld, d);
        d += ld + (d[ld] == ',');
        snprintf(path, sizeof path, "%s/%s", root, dir);
        DIR *dh = opendir(path);
        if (!dh) {
            perror(path);
            return 1;
        }
        struct dirent *e;
        while ((e = readdir(dh)) != NULL) {
            char rel[2 * PATH_MAX];
            if (!counts(dir, e->d_name))
                continue;
            snprintf(rel, sizeof rel, "%s/%s", dir, e->d_name);
            if (!listed(fs, n, rel)) {
                fprintf(stderr,
                        "%s: %s may shape what zhaoshu extracts but is not hashed into the "
                        "extractor identity: add it to extver_inputs in store/meson.build\n",
                        argv[0], rel);
                missing++;
            }
        }
        closedir(dh);
    }
    if (missing)
        return 1;

    XXH3_state_t *st = XXH3_createState();
    if (!st || XXH3_64bits_reset(st) != XXH_OK)
        return 1;
    for (size_t i = 0; i < n; i++) {
        char path[2 * PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", root, fs[i].rel);
        FILE *in = fopen(path, "rb");
        if (!in) {
            perror(path);
            return 1;
        }
        /* The name and its NUL: moving text from one file to the next
         * changes the value. */
        XXH3_64bits_update(st, fs[i].rel, strlen(fs[i].rel) + 1);
        char buf[65536];
        size_t got;
        unsigned long long len = 0;
        while ((got = fread(buf, 1, sizeof buf, in)) > 0) {
            XXH3_64bits_update(st, buf, got);
            len += got;
        }
        int bad = ferror(in);
        fclose(in);
        if (bad) {
            perror(path);
            return 1;
        }
        XXH3_64bits_update(st, &len, sizeof len);
    }
    unsigned long long h = XXH3_64bits_digest(st);
    XXH3_freeState(st);

    FILE *out = fopen(argv[1], "wb");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    fprintf(out, "/* Generated by zs-extver (tools/extver.c) from %zu files. Do not edit. */\n", n);
    fprintf(out, "#include <stddef.h>\n"
                 "extern const char zs_extver_src[];\n"
                 "extern const char *const zs_extver_data[];\n");
    fprintf(out, "const char zs_extver_src[] = \"%016llx\";\n", h);
    fprintf(out, "const char *const zs_extver_data[] = {\n");
    for (size_t i = 0; i < n; i++)
        if (!strncmp(fs[i].rel, "data/", 5))
            fprintf(out, "    \"%s\",\n", fs[i].rel + 5);
    fprintf(out, "    NULL};\n");
    for (size_t i = 0; i < n; i++)
        free(fs[i].rel);
    free(fs);
    return fclose(out) != 0;
}
