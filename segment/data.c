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
#include <sys/stat.h>

#include "segment_int.h"
#include "util_int.h"

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
    zsu_buf b = {0};
    FILE *f = NULL;
    int rc = 0;

    *out = NULL;
    *nout = 0;
    if (user_path(name, path, sizeof path) == 0) {
        f = fopen(path, "rb");
        if (!f && errno != ENOENT && errno != ENOTDIR)
            return ZS_EIO;
    }
    zsu_buf_add(&b, builtin, nbuiltin);
    zsu_buf_add(&b, "\n", 1);
    if (f) {
        char chunk[65536];
        size_t got;
        while (!rc && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
            rc = b.n + got + 1 > ZSS_MAX_DATA_FILE ? ZS_ELIMIT : zsu_buf_add(&b, chunk, got);
        if (!rc && ferror(f))
            rc = ZS_EIO;
        fclose(f);
    }
    if (!rc && b.oom)
        rc = ZS_ENOMEM;
    if (rc) {
        free(b.p);
        return rc;
    }
    *out = b.p;
    *nout = b.n;
    return 0;
}

int zss_data_user_has(const char *name)
{
    char path[4096];
    struct stat sb;
    if (user_path(name, path, sizeof path) != 0)
        return 0;
    return stat(path, &sb) == 0 || (errno != ENOENT && errno != ENOTDIR);
}
