/*
 * docname.c - an article's date, outlet and page from its file name.
 *
 * Crawled news carries them in its file names (rmrb_20191022-02-01: date,
 * page, article on the page). Names are read with patterns
 * (data/sources.tsv and the user's own, see docmeta_int.h). Every date is
 * checked to exist before it is kept: a name that only looks like a date
 * (a hash holding 80808132) gives nothing rather than a wrong date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docmeta_int.h"
#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_sources[];
extern const size_t zs_data_sources_len;

/* Most patterns kept (built in, user file and run time together). */
#define MAX_PATTERNS 256

typedef struct pattern {
    const char *pat;
    size_t npat;
    const char *outlet;
    size_t noutlet;
    size_t parts; /* path components matched: 1 + the slashes in pat */
} pattern;

struct zsi_name_patterns {
    pattern v[MAX_PATTERNS];
    size_t n;
    char *data;   /* the loaded data file; entries point into it */
    char **extra; /* copies of run-time patterns */
    size_t nextra;
};

/* Steps of match() for one pattern and name: real patterns against real
 * names take a few hundred. */
#define MATCH_BUDGET 100000L

/* Fields a match found. */
typedef struct fields {
    int y, m, d, page;
} fields;

static int isdig(char c)
{
    return c >= '0' && c <= '9';
}

/* Is p[0..n) at a digit field (%Y %m %d %p)? */
static int field_at(const char *p, size_t n)
{
    return n >= 2 && p[0] == '%' && strchr("Ymdp", p[1]);
}

/*
 * Match pattern p[0..np) against s[0..ns) from position i. after_field: the
 * previous pattern item was a digit field (so a digit may precede). A digit
 * field never starts or ends inside a longer run of digits it does not
 * account for: `*%Y%m%d*` finds 20191022 only as a whole run of eight.
 */
static int match(const char *p, size_t np, const char *s, size_t ns, size_t i, int after_field,
                 fields *f, long *budget)
{
    /* Backtracking over several '*' is polynomial in the name's length to
     * the number of stars (a fuzzed pattern of 14 stars ran for minutes):
     * runs of '*' are one, and a match that takes more steps than any real
     * file name needs is no match. */
    if (--*budget < 0)
        return 0;
    if (!np)
        return i == ns;
    if (p[0] == '*') {
        while (np > 1 && p[1] == '*') {
            p++;
            np--;
        }
        for (size_t k = i; k <= ns; k++)
            if (match(p + 1, np - 1, s, ns, k, 0, f, budget))
                return 1;
        return 0;
    }
    if (field_at(p, np)) {
        if (!after_field && i > 0 && isdig(s[i - 1]))
            return 0;
        int lo = p[1] == 'Y' ? 4 : 1, hi = p[1] == 'Y' ? 4 : p[1] == 'p' ? 4 : 2;
        /* A field run into the next (%Y%m%d) has its whole width: with one
         * digit allowed, a hash's 191035 read as 1910-3-5 (realnews eb_). */
        if (field_at(p + 2, np - 2))
            lo = hi;
        for (int len = hi; len >= lo; len--) {
            if (i + (size_t)len > ns)
                continue;
            int v = 0, ok = 1;
            for (int k = 0; k < len && ok; k++) {
                ok = isdig(s[i + (size_t)k]);
                v = v * 10 + (s[i + (size_t)k] - '0');
            }
            size_t e = i + (size_t)len;
            if (!ok || (e < ns && isdig(s[e]) && !field_at(p + 2, np - 2)))
                continue;
            fields save = *f;
            if (p[1] == 'Y')
                f->y = v;
            else if (p[1] == 'm')
                f->m = v;
            else if (p[1] == 'd')
                f->d = v;
            else
                f->page = v;
            if (match(p + 2, np - 2, s, ns, e, 1, f, budget)) {
                char tmp[11];
                /* a date must exist; checked here so that `*` tries on */
                if (np > 2 || !f->y || zsi_make_date(f->y, f->m, f->d, tmp))
                    return 1;
            }
            *f = save;
        }
        return 0;
    }
    size_t adv = np >= 2 && p[0] == '%' && p[1] == '%' ? 2 : 1;
    if (i < ns && s[i] == p[adv - 1])
        return match(p + adv, np - adv, s, ns, i + 1, 0, f, budget);
    return 0;
}

int zsi_name_pattern_check(const char *pat, char *err, size_t errcap)
{
    size_t n = strcspn(pat, "=\t");
    int year = 0, month = 0, day = 0;
    if (!n || n > ZSI_MAX_NAME_PATTERN) {
        snprintf(err, errcap, "pattern '%s': empty or longer than %d bytes", pat,
                 ZSI_MAX_NAME_PATTERN);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (pat[i] != '%')
            continue;
        char c = i + 1 < n ? pat[i + 1] : '\0';
        if (!c || !strchr("Ymdp%", c)) {
            snprintf(err, errcap,
                     "pattern '%.*s': unknown field '%%%c' (known: %%Y %%m %%d %%p %%%%)", (int)n,
                     pat, c ? c : ' ');
            return 0;
        }
        year += c == 'Y';
        month += c == 'm';
        day += c == 'd';
        i++;
    }
    if (year > 1 || month > 1 || day > 1 || (day && !month) || (month && !year)) {
        snprintf(err, errcap,
                 "pattern '%.*s': a date needs %%Y, then optionally %%m and %%d, each once", (int)n,
                 pat);
        return 0;
    }
    return 1;
}

static int add_pattern(zsi_name_patterns *np, const char *line, size_t len, char *err,
                       size_t errcap)
{
    char tmp[ZSI_MAX_NAME_PATTERN + ZSI_OUTLET_BYTES + 2];
    size_t k = 0;
    while (k < len && line[k] != '\t' && line[k] != '=')
        k++;
    snprintf(tmp, sizeof tmp, "%.*s", (int)(len < sizeof tmp - 1 ? len : sizeof tmp - 1), line);
    if (!zsi_name_pattern_check(tmp, err, errcap))
        return ZS_EINVAL;
    if (np->n == MAX_PATTERNS) {
        snprintf(err, errcap, "more than %d file-name patterns", MAX_PATTERNS);
        return ZS_ELIMIT;
    }
    pattern *p = &np->v[np->n++];
    p->pat = line;
    p->npat = k;
    p->outlet = k < len ? line + k + 1 : line + len;
    p->noutlet = k < len ? len - k - 1 : 0;
    while (p->noutlet && (*p->outlet == ' ' || *p->outlet == '\t'))
        p->outlet++, p->noutlet--;
    if (p->noutlet >= ZSI_OUTLET_BYTES)
        p->noutlet = ZSI_OUTLET_BYTES - 1;
    p->parts = 1;
    for (size_t i = 0; i < k; i++)
        p->parts += line[i] == '/';
    return 0;
}

/* Add every pattern line of buf[from..n). */
static int add_lines(zsi_name_patterns *np, const char *buf, size_t n, size_t from, char *err,
                     size_t errcap)
{
    size_t pos = from;
    const char *line;
    size_t len;
    int rc = 0;
    while (!rc && zsi_data_next_line(buf, n, &pos, &line, &len))
        rc = add_pattern(np, line, len, err, errcap);
    return rc;
}

int zsi_name_patterns_open(zsi_name_patterns **out, const char *const *extra, size_t n, char *err,
                           size_t errcap)
{
    zsi_name_patterns *np = calloc(1, sizeof *np);
    size_t nbuf = 0;
    int rc;
    *out = NULL;
    if (!np || (n && !(np->extra = calloc(n, sizeof *np->extra)))) {
        free(np);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        if (!(np->extra[i] = strdup(extra[i]))) {
            rc = ZS_ENOMEM;
            goto fail;
        }
        np->nextra++;
        if ((rc = add_pattern(np, np->extra[i], strlen(np->extra[i]), err, errcap)) != 0)
            goto fail;
    }
    rc = zss_data_load("sources.tsv", zs_data_sources, zs_data_sources_len, &np->data, &nbuf);
    if (rc) {
        snprintf(err, errcap, "cannot read the user's sources.tsv (error %d)", rc);
        goto fail;
    }
    /* The user's lines (after the built-in text and its '\n') come first. */
    size_t user = zs_data_sources_len + 1;
    if ((rc = add_lines(np, np->data, nbuf, user < nbuf ? user : nbuf, err, errcap)) != 0)
        goto fail;
    char *cut = np->data + (user <= nbuf ? user - 1 : nbuf);
    char saved = *cut;
    *cut = '\0'; /* built-in lines end here */
    rc = add_lines(np, np->data, (size_t)(cut - np->data), 0, err, errcap);
    *cut = saved;
    if (rc)
        goto fail;
    *out = np;
    return 0;
fail:
    zsi_name_patterns_free(np);
    return rc;
}

void zsi_name_patterns_free(zsi_name_patterns *np)
{
    if (!np)
        return;
    zsu_strv_free(np->extra, np->nextra);
    free(np->data);
    free(np);
}

int zsi_docmeta_from_name(const zsi_name_patterns *np, const char *path, zsi_docmeta *m)
{
    size_t len = strlen(path);
    if (!np)
        return 0;
    /* drop the extension of the last part */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t end = dot && dot > base ? (size_t)(dot - path) : len;
    for (size_t k = 0; k < np->n; k++) {
        const pattern *p = &np->v[k];
        /* the last p->parts components */
        size_t from = end, parts = 0;
        while (from > 0 && parts < p->parts) {
            from--;
            if (path[from] == '/')
                parts++;
        }
        if (parts == p->parts)
            from++;
        fields f = {0, 0, 0, 0};
        long budget = MATCH_BUDGET;
        if (!match(p->pat, p->npat, path + from, end - from, 0, 0, &f, &budget))
            continue;
        char date[11] = "";
        if (f.y && !zsi_make_date(f.y, f.m, f.d, date))
            continue;
        if (!m->date[0] && date[0]) {
            memcpy(m->date, date, sizeof m->date);
            m->date_from = ZSI_META_NAME;
        }
        if (!m->source[0] && p->noutlet) {
            memcpy(m->source, p->outlet, p->noutlet);
            m->source[p->noutlet] = '\0';
            m->source_from = ZSI_META_NAME;
        }
        if (!m->page && f.page)
            m->page = f.page;
        return 1;
    }
    return 0;
}
