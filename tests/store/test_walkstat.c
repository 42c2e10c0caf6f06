/*
 * test_walkstat.c - zsd_stat_entries() finds for every entry of a folder
 * what lstat() of its full path finds, in the entry's own slot, whether one
 * thread or several share the folder: files of many sizes, a folder, a
 * symbolic link (itself, not its target), a dangling link, a FIFO, and a
 * name that is not there (its errno, not a stat).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tap.h"
#include "store_int.h"

/* Files in the folder: more than walkstat.c's threshold for threads. */
#define NFILES 700

static int same(const struct stat *a, const struct stat *b)
{
    return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_mode == b->st_mode &&
           a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
           a->st_mtim.tv_nsec == b->st_mtim.tv_nsec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Check out[] against lstat() of dir/names[i]; the name "missing" must fail. */
static void check(const char *dir, char **names, size_t n, const zsd_entry_stat *out,
                  const char *how)
{
    size_t bad = 0, missing_ok = 0;
    for (size_t i = 0; i < n; i++) {
        char full[4096];
        struct stat sb;
        snprintf(full, sizeof full, "%s/%s", dir, names[i]);
        if (lstat(full, &sb) != 0) {
            missing_ok += out[i].err == ENOENT;
            bad += out[i].err != ENOENT;
        } else if (out[i].err || !same(&out[i].sb, &sb)) {
            if (!bad)
                tap_diag("first wrong entry: %s (err %d)", names[i], out[i].err);
            bad++;
        }
    }
    TAP_INTEQ(bad, 0, "%s: every entry's stat is its own lstat()", how);
    TAP_INTEQ(missing_ok, 1, "%s: the missing name has ENOENT", how);
}

int main(void)
{
    char dir[] = "/tmp/zs-walkstat-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    size_t n = 0;
    char **names = calloc(NFILES + 8, sizeof *names);
    char full[4096];
    for (int i = 0; i < NFILES; i++) {
        char name[64];
        snprintf(name, sizeof name, "file-%04d.txt", i);
        snprintf(full, sizeof full, "%s/%s", dir, name);
        FILE *f = fopen(full, "w");
        for (int k = 0; f && k < i % 37; k++)
            fputs("line of text\n", f);
        if (f)
            fclose(f);
        names[n++] = strdup(name);
    }
    snprintf(full, sizeof full, "%s/sub", dir);
    mkdir(full, 0755);
    names[n++] = strdup("sub");
    snprintf(full, sizeof full, "%s/link", dir);
    if (symlink("file-0001.txt", full) == 0)
        names[n++] = strdup("link");
    snprintf(full, sizeof full, "%s/dangling", dir);
    if (symlink("nowhere.txt", full) == 0)
        names[n++] = strdup("dangling");
    snprintf(full, sizeof full, "%s/fifo", dir);
    if (mkfifo(full, 0644) == 0)
        names[n++] = strdup("fifo");
    names[n++] = strdup("missing");

    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    zsd_entry_stat *out = calloc(n, sizeof *out);
    tap_ok(fd >= 0 && out, "the folder opens");
    zsd_stat_entries(fd, names, n, 1, out);
    check(dir, names, n, out, "one thread");
    memset(out, 0, n * sizeof *out);
    zsd_stat_entries(fd, names, n, 3, out);
    check(dir, names, n, out, "three threads");
    /* A link is the link, not what it points to (the walk follows it). */
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], "link"))
            tap_ok(S_ISLNK(out[i].sb.st_mode), "a symbolic link is statted as a link");
    /* A small folder: the same answers without threads. */
    memset(out, 0, n * sizeof *out);
    zsd_stat_entries(fd, names + n - 5, 5, 4, out);
    check(dir, names + n - 5, 5, out, "five entries");
    TAP_INTEQ(zsd_threads(NULL, 1), 1, "zsd_threads keeps to its maximum");
    zs_index_opts o = {.version = ZS_INDEX_OPTS_VERSION, .threads = 3};
    TAP_INTEQ(zsd_threads(&o, 16), 3, "zsd_threads follows --threads");

    for (size_t i = 0; i < n; i++) {
        snprintf(full, sizeof full, "%s/%s", dir, names[i]);
        if (!strcmp(names[i], "sub"))
            rmdir(full);
        else
            unlink(full);
        free(names[i]);
    }
    rmdir(dir);
    close(fd);
    free(names);
    free(out);
    return tap_done();
}
