/*
 * init.c - zs_global_init: the process-wide SQLite setting the zhaoshu
 * command wants, offered to embedders so that no program needs sqlite3.h
 * to run zhaoshu the way the command does.
 */
#include <sqlite3.h>

#include "zhaoshu.h"

int zs_global_init(void)
{
    /* Only valid before SQLite initializes; SQLITE_MISUSE afterwards. */
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK ? 0 : ZS_ESQLITE;
}
