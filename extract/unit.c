/*
 * unit.c - the unit table (data/units.tsv: printed form, base unit, multiplier,
 * class) and the rate units built from it (元/吨, 万元/亩).
 *
 * Invariants: the table is loaded once per process (pthread_once) and never
 * freed, so unit/cls pointers stay valid for the process; entries are sorted
 * by their first character (Latin case folded), longest first, so the first
 * match is the longest. The key is the whole first character, not its first
 * byte: every Han unit shares one of six lead bytes, and with CLDR's
 * currencies a lead byte's bucket held over a hundred units that each
 * number's unit look-up compared.
 * Rate units are interned in a fixed table under a mutex; an entry never
 * moves or changes once published.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quantity_int.h"
#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_units[];
extern const size_t zs_data_units_len;

static struct {
    pthread_once_t once;
    int rc;
    char *buf;
    zsi_unitdef *u;
    size_t n;
    uint32_t *key; /* key[k]: first_key of u[k]; ascending */
    const zsi_unitdef *percent, *permille;
} g = {PTHREAD_ONCE_INIT, 0, NULL, NULL, 0, NULL, NULL, NULL};

/* The bytes of the UTF-8 character at s[0..n), the first one case folded. */
static uint32_t first_key(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, j;
    uint32_t k = fold(c);

    if (len > n)
        len = n;
    for (j = 1; j < len; j++)
        k = k << 8 | (unsigned char)s[j];
    return k;
}

static int cmp_unit(const void *a, const void *b)
{
    const zsi_unitdef *x = a, *y = b;
    uint32_t kx = first_key(x->printed, x->plen), ky = first_key(y->printed, y->plen);
    if (kx != ky)
        return kx < ky ? -1 : 1;
    if (x->plen != y->plen)
        return x->plen > y->plen ? -1 : 1;
    return 0;
}

/* A multiplier column: digits, optional decimals, optional e[+-]digits.
 * Locale-independent (strtod would read "0.001" as 0 under a comma locale). */
static int parse_mult(const char *s, double *out)
{
    double m = 0, scale = 1;
    int e = 0, esign = 1, nd = 0;

    for (; *s >= '0' && *s <= '9'; s++, nd++)
        m = m * 10 + (*s - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++, nd++) {
            m = m * 10 + (*s - '0');
            scale *= 10;
        }
    if (nd == 0)
        return -1;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            esign = *s++ == '-' ? -1 : 1;
        if (!(*s >= '0' && *s <= '9'))
            return -1;
        for (; *s >= '0' && *s <= '9' && e < 400; s++)
            e = e * 10 + (*s - '0');
    }
    if (*s)
        return -1;
    m /= scale;
    while (e-- > 0)
        m = esign > 0 ? m * 10 : m / 10;
    if (!(m > 0) || !isfinite(m))
        return -1;
    *out = m;
    return 0;
}

static void load_units(void)
{
    char *buf = NULL;
    size_t n = 0, pos = 0, len, cap = 0, i;
    const char *line;
    int rc = zss_data_load("units.tsv", zs_data_units, zs_data_units_len, &buf, &n);

    if (rc) {
        g.rc = rc;
        return;
    }
    while (zsi_data_next_line(buf, n, &pos, &line, &len))
        cap++;
    g.u = calloc(cap ? cap : 1, sizeof(zsi_unitdef));
    if (!g.u) {
        free(buf);
        g.rc = ZS_ENOMEM;
        return;
    }
    pos = 0;
    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        char *f[4], *l = (char *)line;
        size_t k = 0, j;
        zsi_unitdef *u = &g.u[g.n];

        l[len] = '\0'; /* next_line has moved past this byte already */
        f[k++] = l;
        for (j = 0; j < len && k < 4; j++)
            if (l[j] == '\t') {
                l[j] = '\0';
                while (j + 1 < len && l[j + 1] == '\t')
                    l[++j] = '\0';
                f[k++] = l + j + 1;
            }
        if (k != 4 || !*f[0] || !*f[1] || !*f[3] || parse_mult(f[2], &u->mult) != 0)
            continue; /* malformed: skipped */
        u->printed = f[0];
        u->plen = strlen(f[0]);
        u->base = f[1];
        u->cls = f[3];
        u->latin_end = is_alpha((unsigned char)f[0][u->plen - 1]);
        g.n++;
    }
    qsort(g.u, g.n, sizeof *g.u, cmp_unit);
    g.key = malloc((g.n ? g.n : 1) * sizeof *g.key);
    if (!g.key) {
        free(g.u);
        free(buf);
        g.u = NULL;
        g.n = 0;
        g.rc = ZS_ENOMEM;
        return;
    }
    for (i = 0; i < g.n; i++)
        g.key[i] = first_key(g.u[i].printed, g.u[i].plen);
    for (i = 0; i < g.n; i++) {
        if (!g.percent && strcmp(g.u[i].printed, "%") == 0)
            g.percent = &g.u[i];
        if (!g.permille && strcmp(g.u[i].printed, "\xE2\x80\xB0") == 0) /* ‰ */
            g.permille = &g.u[i];
    }
    g.buf = buf;
}

int zsi_units_ready(void)
{
    if (pthread_once(&g.once, load_units) != 0)
        return ZS_ENOMEM;
    return g.rc;
}

/* Does a unit ending at p[e] end in 人 that starts the word 人民 (14亿人民,
 * 8000万人民群众)? Those are the people a bare number counts, not so many
 * persons followed by 民; 人民币 is listed whole and, longest, wins first. */
static int people_word(const char *p, size_t n, size_t e)
{
    return e >= 3 && e + 3 <= n && memcmp(p + e - 3, "\xE4\xBA\xBA", 3) == 0 && /* 人 */
           memcmp(p + e, "\xE6\xB0\x91", 3) == 0;                         /* 民 */
}

const zsi_unitdef *zsi_unit_at(const char *p, size_t n, size_t i)
{
    uint32_t key;
    size_t lo = 0, hi = g.n, k;

    if (i >= n)
        return NULL;
    key = first_key(p + i, n - i);
    while (lo < hi) { /* the first entry whose key is not below key */
        size_t mid = lo + (hi - lo) / 2;
        if (g.key[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (k = lo; k < g.n && g.key[k] == key; k++) {
        const zsi_unitdef *u = &g.u[k];
        size_t j;
        if (u->plen > n - i)
            continue;
        for (j = 0; j < u->plen; j++)
            if (fold((unsigned char)p[i + j]) != fold((unsigned char)u->printed[j]))
                break;
        if (j < u->plen)
            continue;
        if (u->latin_end && i + u->plen < n && is_alpha((unsigned char)p[i + u->plen]))
            continue;
        if (people_word(p, n, i + u->plen))
            continue;
        return u;
    }
    return NULL;
}

/* ---- rates: a unit per another (元/吨) ---- */

/* Most distinct rate units one process keeps (each lives to its end). */
#define MAX_RATE_UNITS 1024
/* Longest denominator that is no listed unit (元/桶), in bytes. */
#define MAX_DENOM_BYTES 9

typedef struct rate_def {
    zsi_unitdef u;
    const zsi_unitdef *num, *den; /* den NULL: den_text is the denominator */
    char den_text[MAX_DENOM_BYTES + 1];
    char base[48], cls[48];
} rate_def;

static pthread_mutex_t rate_mu = PTHREAD_MUTEX_INITIALIZER;
static rate_def rates[MAX_RATE_UNITS];
static size_t nrates;

/* Percent and points per something are no rates we keep (3%/年 is rare). */
int zsi_unit_rateless(const zsi_unitdef *u)
{
    return !strcmp(u->cls, "percent") || !strcmp(u->cls, "points");
}

/*
 * The rate unit num/den where the text at p[i] names den: a listed unit
 * (吨, 平方米, 千瓦时) or, failing that, one Han character that names
 * no unit (桶, 股), two when the second is a unit (短吨, 车次). The rate's base is "<num base>/<den base>" (元/吨), its
 * class "<num class>/<den class>" (money/weight; money/桶 for an unlisted
 * one), its multiplier num's over den's (万元/亩 = 1e4 元/亩, 元/千克 = 1000
 * 元/吨), so that every rate compares within its class as a query's
 * figure:>800元/吨 does. Interned for the process (a mutex guards the table).
 * @return the rate unit and *len (bytes of den), or NULL (not a rate, or the
 *         table is full).
 */
const zsi_unitdef *zsi_rate_unit(const zsi_unitdef *num, const char *p, size_t n, size_t i,
                                 size_t *len)
{
    const zsi_unitdef *den = zsi_unit_at(p, n, i);
    char dt[MAX_DENOM_BYTES + 1] = "";
    size_t dl = 0, k;
    rate_def *r = NULL;

    if (den && (den->plen > n - i || zsi_unit_rateless(den) || den == num))
        den = NULL;
    if (den) {
        dl = den->plen;
    } else {
        /* One Han character (桶, 股, 袋, 瓶): what follows it is the
         * sentence going on (3元/袋了, 5元/股的价格, 10元/瓶以上); two
         * when the second is a unit of its own (短吨, 干吨, 平米, 车次). */
        size_t l2 = 0;
        unsigned c = cp_at(p, n, i, &dl);
        const zsi_unitdef *u2;
        if (!is_han(c) || zsi_cn_numeral(c) >= 0 || dl == 0)
            return NULL;
        u2 = zsi_unit_at(p, n, i + dl);
        if (u2 && is_han(cp_at(p, n, i + dl, &l2)) && dl + l2 <= MAX_DENOM_BYTES)
            dl += l2;
        memcpy(dt, p + i, dl);
        dt[dl] = '\0';
    }
    if (pthread_mutex_lock(&rate_mu) != 0)
        return NULL;
    for (k = 0; k < nrates; k++)
        if (rates[k].num == num && rates[k].den == den && (den || !strcmp(rates[k].den_text, dt))) {
            r = &rates[k];
            break;
        }
    if (!r && nrates < MAX_RATE_UNITS) {
        r = &rates[nrates];
        r->num = num;
        r->den = den;
        memcpy(r->den_text, dt, sizeof dt);
        snprintf(r->base, sizeof r->base, "%s/%s", num->base, den ? den->base : dt);
        snprintf(r->cls, sizeof r->cls, "%s/%s", num->cls, den ? den->cls : dt);
        r->u.printed = "";
        r->u.plen = 0;
        r->u.base = r->base;
        r->u.cls = r->cls;
        r->u.mult = num->mult / (den ? den->mult : 1);
        nrates++; /* published under the mutex; entries never move or change */
    }
    pthread_mutex_unlock(&rate_mu);
    if (r)
        *len = dl;
    return r ? &r->u : NULL;
}

const zsi_unitdef *zsi_unit_percent(void)
{
    return g.percent;
}

const zsi_unitdef *zsi_unit_permille(void)
{
    return g.permille;
}

int zsi_unit_is_class(const char *p, size_t n, const char *cls)
{
    const zsi_unitdef *u;
    int rc = zsi_units_ready();
    if (rc)
        return rc;
    u = zsi_unit_at(p, n, 0);
    return u && u->plen == n && strcmp(u->cls, cls) == 0;
}

int zsi_figure_class_known(const char *cls, size_t n)
{
    int rc = zsi_units_ready();
    const char *slash = memchr(cls, '/', n);
    size_t i, k = slash ? (size_t)(slash - cls) : n;

    if (rc)
        return rc;
    if (k == 0 || (slash && k + 1 == n))
        return 0;
    /* quantity.c's own classes, which no unit carries */
    if ((k == 6 && memcmp(cls, "number", 6) == 0) || (k == 5 && memcmp(cls, "ratio", 5) == 0))
        return 1;
    for (i = 0; i < g.n; i++)
        if (strlen(g.u[i].cls) == k && memcmp(g.u[i].cls, cls, k) == 0)
            return 1;
    return 0;
}
