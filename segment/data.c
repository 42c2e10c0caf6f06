/*
 * data.c - data files (lexicons, gazetteers) as built-in text plus the
 * user's own additions.
 *
 * The built-in copy is compiled in (tools/embed.c) so that nothing is looked
 * up on disk per query; a user extends it by dropping a file of the same name
 * in their data folder. Lines are appended, never replaced, so a user file can
 * only add knowledge.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment_int.h"

static int user_path(const char *name, char *buf, size_t cap)
{
    const char *dir = getenv("ZHAOSHU_DATA_DIR");
    int n;
    if (dir && *dir) {
        n = snprintf(buf, cap, "%s/%s", dir, name);
    } else if ((dir = getenv("XDG_CONFIG_HOME")) && *dir) {
        n = snprintf(buf, cap, "%s/zhaoshu/%s", dir, name);
    } else if ((dir = getenv("HOME")) && *dir) {
        n = snprintf(buf, cap, "%s/.config/zhaoshu/%s", dir, name);
    } else {
        return -1;
    }
    return (n < 0 || (size_t)n >= cap) ? -1 : 0;
}

int zss_data_load(const char *name, const char *builtin, size_t nbuiltin, char **out, size_t *nout)
{
    char path[4096];
    char *buf = NULL;
    size_t n = nbuiltin, cap = nbuiltin + 2;
    FILE *f = NULL;
    int rc = 0;

    *out = NULL;
    *nout = 0;
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
    buf[n++] = '\n';
    if (f) {
        char chunk[65536];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (n + got + 1 > ZSS_MAX_DATA_FILE) {
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
