/*
 * compact.c - what is left of a first build's end compaction: the stale copy
 * an older version's killed build left beside the index goes.
 *
 * Sessions 17-23 ended a first build with a VACUUM INTO a copy renamed over
 * the index (FILE-vacuum); sessions 24-32 with a repack of the tables the
 * build left part empty (figure_rows, passage_years, passage_parks,
 * park_aliases: each copied into a TEMP table and back, in the build's last
 * transaction). Both bought 0.65-0.69 MB of realnews-dev's 83 MB (1.56
 * instead of 1.57 x the text) with serial work at the end of the build,
 * while the other core idles: the repack was about 78 M instructions of a
 * one-thread build of every 8th realnews-dev article (0.2-0.3 s of a full
 * build's wall time). The size is within issue 16's 1.6 x without it.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"

void zsd_compact_forget(zs_db *db)
{
    char copy[PATH_MAX];
    if ((size_t)snprintf(copy, sizeof copy, "%s" ZSD_COMPACT_SUFFIX, db->path) >= sizeof copy)
        return;
    unlink(copy);
    /* SQLite 3.40 wrote the copy with a rollback journal of its own */
    size_t n = strlen(copy);
    if (n + sizeof "-journal" <= sizeof copy) {
        memcpy(copy + n, "-journal", sizeof "-journal");
        unlink(copy);
    }
}
