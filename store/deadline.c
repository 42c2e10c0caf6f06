/*
 * deadline.c - zs_db_set_deadline: a time limit on the work done on a handle.
 *
 * A server answers many people from one index; one query that walks most
 * of it must not hold a thread for minutes. SQLite's progress handler is
 * called every few thousand virtual-machine steps, checks a monotonic clock
 * and interrupts the statement once the deadline has passed;
 * zsd_sqlite_fail() then reports ZS_ELIMIT instead of SQLite's "interrupted".
 */
#include <time.h>

#include "store_int.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int zsd_past_deadline(void *p)
{
    const zs_db *db = p;
    return now_ms() > db->deadline_ms;
}

int zs_db_set_deadline(zs_db *db, unsigned ms)
{
    if (!db || !db->h)
        return ZS_EINVAL;
    db->limit_ms = ms;
    if (!ms) {
        sqlite3_progress_handler(db->h, 0, NULL, NULL);
        return 0;
    }
    db->deadline_ms = now_ms() + ms;
    sqlite3_progress_handler(db->h, ZSD_DEADLINE_STEPS, zsd_past_deadline, db);
    return 0;
}
