/*
 * metric_admin.c - a count of administrative divisions written with the
 * kinds it takes in together in brackets: 31个省（区、市）, 48个县（市、区）,
 * 12个乡（镇）.
 *
 * The reading of what a count counts (metric_count.c) takes a noun of one
 * character only before a list mark or the clause's end, and stops at the
 * bracket: such counts had no metric, or the first kind alone (省). What
 * they count is all the kinds: the printed phrase through the closing
 * bracket, named by its characters run together as reporters write them
 * too (省区市, 县市区).
 *
 * Invariants: allocates nothing; norm and raw are NUL-terminated.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"
#include "figure_int.h"

/* The characters of divisions: province, city, county, district, township,
 * town, village, prefecture, banner, league. */
static const char ADMIN[] = "省市县区乡镇村州旗盟";

int zsi_count_admin_after(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at)
{
    size_t b = fe, l, n = 0;
    unsigned cp;
    int kinds = 0;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (fe >= ce || (l = zsi_utf8_decode(p + b, ce - b, &cp)) == 0 ||
        !zsi_in_set(ADMIN, sizeof ADMIN - 1, cp))
        return 0;
    memcpy(norm, p + b, l);
    n = l;
    b += l;
    if (b >= ce || (l = zsi_utf8_decode(p + b, ce - b, &cp)) == 0 || cp != 0xFF08) /* （ */
        return 0;
    for (b += l; b < ce && (l = zsi_utf8_decode(p + b, ce - b, &cp)) != 0; b += l) {
        if (cp == 0xFF09) /* ） */
            break;
        if (cp == 0x3001) /* 、 */
            continue;
        if (!zsi_in_set(ADMIN, sizeof ADMIN - 1, cp) || n + l >= ZSI_METRIC_BYTES)
            return 0; /* 3个县（含2个贫困县）: a note, not kinds taken in */
        memcpy(norm + n, p + b, l);
        n += l;
        kinds++;
    }
    if (b >= ce || kinds == 0)
        return 0;
    norm[n] = '\0';
    zsi_copy_raw(raw, at, p, fe, b + l);
    return 1;
}
