/*
 * textdata.c - the indexer's data files (gazetteer, zone suffixes, passage
 * cues) as built-in text plus the user's own additions.
 *
 * The built-in copy is compiled in (tools/embed.c) so indexing needs no file
 * lookup; a user extends it by dropping a file of the same name in their data
 * folder. Lines are appended, never replaced, so a user file only adds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_int.h"

/* Where the user's copy of data file NAME lives; -1 when no folder is known. */
static int user_path(const char *name, char *buf, size_t cap)
{
    const char *dir = getenv("ZHAOSHU_DATA_DIR");
    int n;
    if (dir && *dir)
        n = snprintf(buf, cap, "%s/%s", dir, name);
    else if ((dir = getenv("XDG_CONFIG_HOME")) && *dir)
        n = snprintf(buf, cap, "%s/zhaoshu/%s", dir, name);
    else if ((dir = getenv("HOME")) && *dir)
        n = snprintf(buf, cap, "%s/.config/zhaoshu/%s", dir, name);
    else
        return -1;
    return (n < 0 || (size_t)n >= cap) ? -1 : 0;
}

int zsi_data_load(const char *name, const char *builtin, size_t nbuiltin, char **out,
                  size_t *nout)
{
    char path[4096];
    char *buf = NULL;
    size_t n = nbuiltin, cap = nbuiltin + 2;
    FILE *f = NULL;
    int rc = 0;

    *out = NULL;
    *nout = 0;
    if (nbuiltin + 2 > ZSI_MAX_DATA_FILE)
        return ZS_ELIMIT;
    if (user_path(name, path, sizeof path) == 0) {
        f = fopen(path, "rb");
        if (!f && errno != ENOENT && errno != ENOTDIR)
            return ZS_EIO;
    }
    buf = malloc(cap);
    if (!buf) {
        rc = ZS_ENOMEM;
        goto out;
    }
    memcpy(buf, builtin, nbuiltin);
    buf[n++] = '\n'; /* the user's first line never glues onto our last */
    if (f) {
        char chunk[65536];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (n + got + 1 > ZSI_MAX_DATA_FILE) {
                rc = ZS_ELIMIT;
                goto out;
            }
            if (n + got + 1 > cap) {
                size_t ncap = (n + got + 1) * 2;
                char *nb = realloc(buf, ncap);
                if (!nb) {
                    rc = ZS_ENOMEM;
                    goto out;
                }
                buf = nb;
                cap = ncap;
            }
            memcpy(buf + n, chunk, got);
            n += got;
        }
        if (ferror(f)) {
            rc = ZS_EIO;
            goto out;
        }
    }
    buf[n] = '\0';
    *out = buf;
    *nout = n;
    buf = NULL;
out:
    if (f)
        fclose(f);
    free(buf);
    return rc;
}

int zsi_data_next_line(const char *buf, size_t n, size_t *pos, const char **line,
                       size_t *len)
{
    while (*pos < n) {
        size_t s = *pos, e = s;
        while (e < n && buf[e] != '\n')
            e++;
        *pos = e < n ? e + 1 : n;
        while (s < e && (buf[s] == ' ' || buf[s] == '\t'))
            s++;
        while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t' || buf[e - 1] == '\r'))
            e--;
        if (e == s || buf[s] == '#')
            continue;
        *line = buf + s;
        *len = e - s;
        return 1;
    }
    return 0;
}
