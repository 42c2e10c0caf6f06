/*
 * metric_most.c - the thing a superlative clause names (叶菜类涨幅最大的是
 * 油菜，上涨42%): a clause that ends with 最 and an adjective, 的 and 是 (or
 * 为) and a short noun phrase names the subject of the clause after it,
 * whose figure has no noun of its own (上涨42%, 增长了53%). Apart from
 * figure.c because the subject is read from the words of the clause before,
 * not from a figure.
 *
 * Invariants: allocates nothing; norm and raw are always NUL-terminated and
 * cut on a UTF-8 boundary.
 */
#include <string.h>

#include "metric_int.h"
#include "extract_int.h"

/* Most Han characters of the thing a superlative names (油菜, 工程市场). */
#define MAX_MOST_HAN 8
/* Most Han characters read back from a clause's end for its superlative. */
#define MOST_BACK_HAN (MAX_MOST_HAN + 6)

/* Is cp an adjective of size or speed after 最 (大 高 快 多 小 低 少 慢)? */
static int most_adjective(unsigned cp)
{
    return cp == 0x5927 || cp == 0x9AD8 || cp == 0x5FEB || cp == 0x591A || /* 大 高 快 多 */
           cp == 0x5C0F || cp == 0x4F4E || cp == 0x5C11 || cp == 0x6162;   /* 小 低 少 慢 */
}

int zsi_most_subject(const char *p, size_t lo, size_t ws, char *norm, char *raw, zsi_span *at)
{
    size_t e = ws, s, q, ys = 0;
    if (zsi_metric_data() != 0)
        return 0;
    while (e > lo && p[e - 1] == ' ')
        e--;
    if (e >= lo + 3 && memcmp(p + e - 3, "\xEF\xBC\x8C", 3) == 0) /* ， */
        e -= 3;
    else if (e > lo && p[e - 1] == ',')
        e--;
    else
        return 0;
    s = zsi_han_back(p, lo, e, MOST_BACK_HAN);
    /* 最|大|的|是|油菜: the last such words in the clause's Han run */
    for (q = e; q >= s + 12; q -= 3) {
        if (zsi_is_copula(zsi_cp_at(p, q - 3, q)) &&
            !memcmp(p + q - 6, "\xE7\x9A\x84", 3) && /* 的 */
            most_adjective(zsi_cp_at(p, q - 9, q - 6)) &&
            !memcmp(p + q - 12, "\xE6\x9C\x80", 3)) { /* 最 */
            ys = q;
            break;
        }
    }
    if (!ys || ys >= e || zsi_nchars(p, ys, e) > MAX_MOST_HAN || e - ys >= ZSI_METRIC_BYTES)
        return 0;
    zsi_copy_raw(raw, at, p, ys, e);
    /* a place compared (涨幅最高的是华东地区) keeps the metric it shares */
    if (zsi_only_place(raw)) {
        raw[0] = '\0';
        zsi_span_clear(at);
        return 0;
    }
    memcpy(norm, raw, strlen(raw) + 1);
    /* 销量最大的是A: a noun right before 最 that names no rate is A's
     * (A销量); a rate (涨幅最大的是油菜) is the change the figure names */
    {
        char nn[ZSI_METRIC_BYTES], nr[ZSI_METRIC_BYTES];
        zsi_span na;
        size_t ms = ys - 12, cs = zsi_clause_start(p, lo, ms);
        if (cs < ms && zsi_metric_noun(p, cs, ms, nn, nr, &na) > 0 && na.e == ms &&
            !zsi_names_rate(nn) && strlen(norm) + strlen(nn) < ZSI_METRIC_BYTES &&
            strlen(raw) + strlen(nr) < ZSI_METRIC_BYTES) {
            zsi_append_str(norm, nn);
            zsi_append_str(raw, nr);
        }
    }
    return 1;
}
