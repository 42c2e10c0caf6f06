/*
 * park.c - which development zones (开发区, 高新区, 经开区, 新区 ...) a text
 * names, under one canonical name per zone.
 *
 * Two sources, both data files that users extend (textdata.c):
 *  - data/parks.tsv, the gazetteer: "canonical<TAB>alias,alias". Known
 *    names are matched first, longest alias at each position.
 *  - data/zone_suffixes.txt, the patterns: any other name is a place-name
 *    prefix of 2..MAX_PREFIX_CHARS Han characters followed by a zone suffix.
 *    The prefix is the run of Han characters before the suffix (a bracketed
 *    aside such as "和平(荷江)经开区" is skipped), cut at the end of an earlier
 *    name, with leading [trim] words (走进, 位于, 在, 和, 个, 全省 ...) removed
 *    as long as two characters remain; a multi-character trim word further
 *    in ("积极推进开发区") cuts everything before it. A prefix that is itself a
 *    trim word ("全省开发区") or holds a [generic] word ("装备制造产业园") is
 *    no name; "weak" suffixes (产业园, 开发区, 新区) also need a short prefix
 *    that ends in the place name of a known zone (贵州水城开发区: 水城).
 * Folding (fold()): the longest suffix is replaced by its canonical form
 * (经济开发区 -> 经开区, 高新技术产业开发区 -> 高新区), [infix] words at the
 * end of the prefix are dropped (国家, 省级, 市), so is a bracketed aside, and
 * a [province] prefix is dropped when the rest is a known zone. A pattern name
 * that folds to a known alias takes that zone's canonical name; otherwise the
 * folded name itself is returned.
 *
 * Invariant: every name handed out is valid UTF-8 taken from the input or the
 * data files; the gazetteer is immutable after zsi_gazetteer_open(), so one
 * gazetteer may be shared by threads.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "segment_int.h"
#include "extract_int.h"

extern const char zs_data_parks[];
extern const size_t zs_data_parks_len;
extern const char zs_data_zone_suffixes[];
extern const size_t zs_data_zone_suffixes_len;

/* Longest place-name prefix a pattern accepts (Han characters). */
#define MAX_PREFIX_CHARS 6
/* Longest prefix before a weak suffix. */
#define MAX_WEAK_PREFIX_CHARS 4
/* Longest zone name we build (bytes). */
#define MAX_NAME_BYTES 256
/* Alias index buckets (by first code point). */
#define NBUCKETS 1024
#define BMP_WORDS (0x10000 / 64)
#define PAIR_BITS 65536

typedef struct str {
    char *s;
    size_t n;
} str;

typedef struct strlist {
    str *v;
    size_t n, cap;
} strlist;

typedef struct alias {
    char *s;
    size_t n;
    size_t canon; /* index into names */
    int weak;     /* no zone suffix (光谷, 泰达): a zone only where zones are spoken of */
} alias;

typedef struct suffix {
    char *s, *canon;
    size_t n, ncanon;
    int weak;
} suffix;

struct zsi_gazetteer {
    strlist names;     /* canonical names, in file order */
    alias *al;         /* every alias, canonical names included */
    size_t nal, capal;
    const char **alist; /* aliases grouped by canonical: alist[aoff[i]..aoff[i+1]) */
    size_t *aoff;
    size_t *bucket[NBUCKETS]; /* alias indices by first code point, longest first */
    size_t nbucket[NBUCKETS];
    /* Aliases' first two code points, hashed (pair_bit()): a text position
     * whose pair is absent starts no alias, and most positions of a passage
     * are skipped without a memcmp over their bucket (where 中, 新, 大 start
     * many names). A bucket with a one-character alias is never skipped. */
    uint64_t pairs[PAIR_BITS / 64];
    unsigned char onecp[NBUCKETS];
    suffix *suf;
    size_t nsuf, capsuf;
    /* First code points of aliases and of suffixes in the BMP, one bit
     * each (16 KiB): most positions of a passage start neither, and these
     * skip them with one load. Bucket tests by cp % NBUCKETS took most of
     * find_mentions, 6% of an indexing run's CPU (perf, news-200), as a
     * bucket holds every code point equal modulo NBUCKETS. */
    uint64_t alias_head[BMP_WORDS], suf_head[BMP_WORDS];
    strlist trim, cut, generic, infix, province, bare, scope;
    strlist stems; /* place names of known zones (六盘水, 水城): weak suffixes need one */
};

/* One zone mention found in a text. */
typedef struct mention {
    size_t start, end; /* byte span in the text */
    char *name;        /* canonical, malloc'd */
} mention;

typedef struct mentions {
    mention *v;
    size_t n, cap;
} mentions;

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int list_add(strlist *l, const char *s, size_t n)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 16;
        str *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv)
            return ZS_ENOMEM;
        l->v = nv;
        l->cap = nc;
    }
    if (!(l->v[l->n].s = dupn(s, n)))
        return ZS_ENOMEM;
    l->v[l->n++].n = n;
    return 0;
}

static void list_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].s);
    free(l->v);
}

static int by_len_desc(const void *a, const void *b)
{
    const str *x = a, *y = b;
    return (x->n < y->n) - (x->n > y->n);
}

static int suf_len_desc(const void *a, const void *b)
{
    const suffix *x = a, *y = b;
    return (x->n < y->n) - (x->n > y->n);
}

static size_t pair_bit(UChar32 a, UChar32 b)
{
    return ((size_t)a * 40503u + (size_t)b) % PAIR_BITS;
}

static UChar32 first_cp(const char *s, size_t n)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)n, c);
    return c;
}

static size_t nchars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

static int is_han(UChar32 c)
{
    return c > 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

/* Canonical index of name, or (size_t)-1. */
static size_t find_name(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t i = 0; i < g->names.n; i++)
        if (g->names.v[i].n == n && memcmp(g->names.v[i].s, s, n) == 0)
            return i;
    return (size_t)-1;
}

/* Index of the alias equal to s[0..n), or (size_t)-1. */
static size_t find_alias(const zsi_gazetteer *g, const char *s, size_t n)
{
    UChar32 c;
    size_t b;
    if (!n)
        return (size_t)-1;
    c = first_cp(s, n);
    b = (size_t)(c < 0 ? 0 : c) % NBUCKETS;
    for (size_t k = 0; k < g->nbucket[b]; k++) {
        const alias *a = &g->al[g->bucket[b][k]];
        if (a->n == n && memcmp(a->s, s, n) == 0)
            return g->bucket[b][k];
    }
    return (size_t)-1;
}

static int add_alias(zsi_gazetteer *g, const char *s, size_t n, size_t canon)
{
    /* The first zone to claim an alias keeps it. */
    for (size_t i = 0; i < g->nal; i++)
        if (g->al[i].n == n && memcmp(g->al[i].s, s, n) == 0)
            return 0;
    if (g->nal == g->capal) {
        size_t nc = g->capal ? g->capal * 2 : 256;
        alias *na = realloc(g->al, nc * sizeof *na);
        if (!na)
            return ZS_ENOMEM;
        g->al = na;
        g->capal = nc;
    }
    if (!(g->al[g->nal].s = dupn(s, n)))
        return ZS_ENOMEM;
    g->al[g->nal].n = n;
    g->al[g->nal].canon = canon;
    g->nal++;
    return 0;
}

/* Parse parks.tsv text into g. */
static int parse_parks(zsi_gazetteer *g, const char *buf, size_t n, char *err, size_t errcap)
{
    size_t pos = 0, len, lineno = 0;
    const char *line;
    int rc;

    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        const char *tab = memchr(line, '\t', len);
        size_t cn = tab ? (size_t)(tab - line) : len, canon;
        lineno++;
        while (cn > 0 && line[cn - 1] == ' ')
            cn--;
        if (cn == 0 || cn > MAX_NAME_BYTES) {
            snprintf(err, errcap, "parks.tsv: entry %zu: bad canonical name", lineno);
            return ZS_EINVAL;
        }
        canon = find_name(g, line, cn);
        if (canon == (size_t)-1) {
            if ((rc = list_add(&g->names, line, cn)) != 0)
                return rc;
            canon = g->names.n - 1;
        }
        if ((rc = add_alias(g, line, cn, canon)) != 0)
            return rc;
        if (!tab)
            continue;
        /* Aliases: separated by ASCII ',' or '、' (E3 80 81) or '，' (EF BC 8C). */
        const char *p = tab + 1, *e = line + len;
        while (p < e) {
            const char *q = p;
            size_t sep = 0;
            while (q < e) {
                if (*q == ',') {
                    sep = 1;
                    break;
                }
                if (e - q >= 3 && (memcmp(q, "\xE3\x80\x81", 3) == 0 ||
                                   memcmp(q, "\xEF\xBC\x8C", 3) == 0)) {
                    sep = 3;
                    break;
                }
                q++;
            }
            const char *a = p, *b = q;
            while (a < b && (*a == ' ' || *a == '\t'))
                a++;
            while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
                b--;
            if (b > a && (size_t)(b - a) <= MAX_NAME_BYTES &&
                (rc = add_alias(g, a, (size_t)(b - a), canon)) != 0)
                return rc;
            p = q + sep;
            if (!sep)
                break;
        }
    }
    return 0;
}

/* Parse zone_suffixes.txt text into g. */
static int parse_suffixes(zsi_gazetteer *g, const char *buf, size_t n, char *err,
                          size_t errcap)
{
    size_t pos = 0, len;
    const char *line;
    strlist *sec = NULL;
    int in_suffix = 0, rc;

    while (zsi_data_next_line(buf, n, &pos, &line, &len)) {
        if (line[0] == '[') {
            in_suffix = 0;
            sec = NULL;
#define SECTION(lit, field)                                                              \
    if (len == sizeof lit - 1 && memcmp(line, lit, len) == 0)                            \
        sec = &g->field;
            SECTION("[trim]", trim)
            SECTION("[cut]", cut)
            SECTION("[generic]", generic)
            SECTION("[infix]", infix)
            SECTION("[province]", province)
            SECTION("[bare]", bare)
            SECTION("[scope]", scope)
#undef SECTION
            if (len == 8 && memcmp(line, "[suffix]", 8) == 0)
                in_suffix = 1;
            else if (!sec) {
                snprintf(err, errcap, "zone_suffixes.txt: unknown section %.*s", (int)len,
                         line);
                return ZS_EINVAL;
            }
            continue;
        }
        if (len > MAX_NAME_BYTES) {
            snprintf(err, errcap, "zone_suffixes.txt: line too long");
            return ZS_EINVAL;
        }
        if (sec) {
            if ((rc = list_add(sec, line, len)) != 0)
                return rc;
            continue;
        }
        if (!in_suffix) {
            snprintf(err, errcap, "zone_suffixes.txt: line outside any section");
            return ZS_EINVAL;
        }
        /* suffix <TAB> canonical <TAB> strong|weak */
        const char *t1 = memchr(line, '\t', len);
        size_t sn = t1 ? (size_t)(t1 - line) : len;
        const char *cs = t1 ? t1 + 1 : line;
        const char *t2 = t1 ? memchr(cs, '\t', len - sn - 1) : NULL;
        size_t cn = t1 ? (t2 ? (size_t)(t2 - cs) : len - sn - 1) : len;
        int weak = t2 && (size_t)(line + len - (t2 + 1)) == 4 && memcmp(t2 + 1, "weak", 4) == 0;
        if (g->nsuf == g->capsuf) {
            size_t nc = g->capsuf ? g->capsuf * 2 : 32;
            suffix *ns = realloc(g->suf, nc * sizeof *ns);
            if (!ns)
                return ZS_ENOMEM;
            g->suf = ns;
            g->capsuf = nc;
        }
        suffix *s = &g->suf[g->nsuf];
        s->s = dupn(line, sn);
        s->canon = dupn(cs, cn);
        if (!s->s || !s->canon) {
            free(s->s);
            free(s->canon);
            return ZS_ENOMEM;
        }
        s->n = sn;
        s->ncanon = cn;
        s->weak = weak;
        g->nsuf++;
    }
    return 0;
}

static long ending_suffix(const zsi_gazetteer *g, const char *s, size_t n);
static size_t drop_aside(const char *s, size_t n);

/* Build the per-canonical alias lists and the first-code-point index. */
static int build_index(zsi_gazetteer *g)
{
    size_t *cnt = calloc(g->names.n + 1, sizeof *cnt);
    if (!cnt)
        return ZS_ENOMEM;
    g->aoff = calloc(g->names.n + 1, sizeof *g->aoff);
    g->alist = malloc((g->nal + 1) * sizeof *g->alist);
    if (!g->aoff || !g->alist) {
        free(cnt);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < g->nal; i++)
        cnt[g->al[i].canon]++;
    for (size_t i = 0; i < g->names.n; i++)
        g->aoff[i + 1] = g->aoff[i] + cnt[i];
    memset(cnt, 0, (g->names.n + 1) * sizeof *cnt);
    for (size_t i = 0; i < g->nal; i++) {
        size_t c = g->al[i].canon;
        g->alist[g->aoff[c] + cnt[c]++] = g->al[i].s;
    }
    free(cnt);

    for (size_t i = 0; i < g->nal; i++) {
        UChar32 c = first_cp(g->al[i].s, g->al[i].n);
        size_t b = (size_t)(c < 0 ? 0 : c) % NBUCKETS;
        size_t *nb = realloc(g->bucket[b], (g->nbucket[b] + 1) * sizeof *nb);
        if (!nb)
            return ZS_ENOMEM;
        g->bucket[b] = nb;
        /* Insert keeping longest first. */
        size_t k = g->nbucket[b]++;
        while (k > 0 && g->al[nb[k - 1]].n < g->al[i].n) {
            nb[k] = nb[k - 1];
            k--;
        }
        nb[k] = i;
    }
    for (size_t i = 0; i < g->nal; i++) {
        const char *a = g->al[i].s;
        int32_t k = 0, n = (int32_t)g->al[i].n;
        UChar32 c1 = -1, c2 = -1;
        if (k < n)
            U8_NEXT(a, k, n, c1);
        if (k < n)
            U8_NEXT(a, k, n, c2);
        if (c1 >= 0 && c1 < 0x10000)
            g->alias_head[c1 / 64] |= UINT64_C(1) << (c1 % 64);
        if (c2 < 0)
            g->onecp[(size_t)(c1 < 0 ? 0 : c1) % NBUCKETS] = 1;
        else
            g->pairs[pair_bit(c1, c2) / 64] |= UINT64_C(1) << (pair_bit(c1, c2) % 64);
    }
    qsort(g->suf, g->nsuf, sizeof *g->suf, suf_len_desc);
    for (size_t i = 0; i < g->nsuf; i++) {
        int32_t k = 0;
        UChar32 c;
        U8_NEXT(g->suf[i].s, k, (int32_t)g->suf[i].n, c);
        if (c >= 0 && c < 0x10000)
            g->suf_head[c / 64] |= UINT64_C(1) << (c % 64);
    }
    qsort(g->trim.v, g->trim.n, sizeof(str), by_len_desc);
    qsort(g->generic.v, g->generic.n, sizeof(str), by_len_desc);
    qsort(g->infix.v, g->infix.n, sizeof(str), by_len_desc);
    qsort(g->province.v, g->province.n, sizeof(str), by_len_desc);
    qsort(g->bare.v, g->bare.n, sizeof(str), by_len_desc);
    qsort(g->scope.v, g->scope.n, sizeof(str), by_len_desc);
    /* Place stems: every alias minus its zone suffix, aside and infix. */
    for (size_t i = 0; i < g->nal; i++) {
        alias *a = &g->al[i];
        long si = ending_suffix(g, a->s, a->n);
        size_t pn;
        a->weak = si < 0;
        if (si < 0)
            continue;
        pn = drop_aside(a->s, a->n - g->suf[si].n);
        if (nchars(a->s, pn) < 2)
            continue;
        int dup = 0;
        for (size_t k = 0; k < g->stems.n && !dup; k++)
            dup = g->stems.v[k].n == pn && memcmp(g->stems.v[k].s, a->s, pn) == 0;
        if (!dup && list_add(&g->stems, a->s, pn) != 0)
            return ZS_ENOMEM;
    }
    return 0;
}

int zsi_gazetteer_open(zsi_gazetteer **out, char *err, size_t errcap)
{
    zsi_gazetteer *g;
    char *buf = NULL, dummy[8];
    size_t n;
    int rc;

    if (!err || !errcap) {
        err = dummy;
        errcap = sizeof dummy;
    }
    err[0] = '\0';
    if (!out)
        return ZS_EINVAL;
    *out = NULL;
    g = calloc(1, sizeof *g);
    if (!g)
        return ZS_ENOMEM;
    rc = zss_data_load("parks.tsv", zs_data_parks, zs_data_parks_len, &buf, &n);
    if (rc == 0)
        rc = parse_parks(g, buf, n, err, errcap);
    free(buf);
    buf = NULL;
    if (rc == 0)
        rc = zss_data_load("zone_suffixes.txt", zs_data_zone_suffixes,
                           zs_data_zone_suffixes_len, &buf, &n);
    if (rc == 0)
        rc = parse_suffixes(g, buf, n, err, errcap);
    free(buf);
    if (rc == 0)
        rc = build_index(g);
    if (rc != 0) {
        if (!err[0])
            snprintf(err, errcap, "cannot load the zone gazetteer (error %d)", rc);
        zsi_gazetteer_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

void zsi_gazetteer_free(zsi_gazetteer *g)
{
    if (!g)
        return;
    list_free(&g->names);
    for (size_t i = 0; i < g->nal; i++)
        free(g->al[i].s);
    free(g->al);
    free(g->alist);
    free(g->aoff);
    for (size_t b = 0; b < NBUCKETS; b++)
        free(g->bucket[b]);
    for (size_t i = 0; i < g->nsuf; i++) {
        free(g->suf[i].s);
        free(g->suf[i].canon);
    }
    free(g->suf);
    list_free(&g->trim);
    list_free(&g->cut);
    list_free(&g->generic);
    list_free(&g->infix);
    list_free(&g->province);
    list_free(&g->bare);
    list_free(&g->scope);
    list_free(&g->stems);
    free(g);
}

size_t zsi_gazetteer_count(const zsi_gazetteer *g)
{
    return g ? g->names.n : 0;
}

const char *zsi_gazetteer_name(const zsi_gazetteer *g, size_t i)
{
    return g && i < g->names.n ? g->names.v[i].s : NULL;
}

int zsi_park_aliases(const zsi_gazetteer *g, const char *canonical, size_t n,
                     const char *const **aliases, size_t *naliases)
{
    size_t c;
    if (!g || !canonical || !aliases || !naliases)
        return ZS_EINVAL;
    c = find_name(g, canonical, n);
    if (c == (size_t)-1)
        return ZS_ENOTFOUND;
    /* The canonical itself is the first alias of its group: skip it. */
    *aliases = g->alist + g->aoff[c] + 1;
    *naliases = g->aoff[c + 1] - g->aoff[c] - 1;
    return 0;
}

static int has_prefix(const char *s, size_t n, const str *w)
{
    return w->n <= n && memcmp(s, w->s, w->n) == 0;
}

static int has_suffix(const char *s, size_t n, const char *w, size_t wn)
{
    return wn <= n && memcmp(s + n - wn, w, wn) == 0;
}

static int contains(const char *s, size_t n, const str *w)
{
    for (size_t i = 0; i + w->n <= n; i++)
        if (memcmp(s + i, w->s, w->n) == 0)
            return 1;
    return 0;
}

/* Index of the longest suffix that name ends with, or -1. */
static long ending_suffix(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t i = 0; i < g->nsuf; i++)
        if (has_suffix(s, n, g->suf[i].s, g->suf[i].n) && g->suf[i].n < n)
            return (long)i;
    return -1;
}

/* Remove a trailing bracketed aside: "和平(荷江)" -> "和平". */
static size_t drop_aside(const char *s, size_t n)
{
    size_t close = 0;
    if (n >= 1 && s[n - 1] == ')')
        close = 1;
    else if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x89", 3) == 0) /* ） */
        close = 3;
    if (!close)
        return n;
    for (size_t i = n - close; i > 0; i--) {
        if (s[i - 1] == '(')
            return i - 1;
        if (i >= 3 && memcmp(s + i - 3, "\xEF\xBC\x88", 3) == 0) /* （ */
            return i - 3;
    }
    return n;
}

/*
 * Fold a zone name to canonical spelling into buf (NUL-terminated).
 * Returns its length, or 0 if it does not fit.
 */
static size_t fold(const zsi_gazetteer *g, const char *s, size_t n, char *buf, size_t cap)
{
    long si = ending_suffix(g, s, n);
    size_t pn, o;
    int again = 1;
    if (si < 0) {
        if (n + 1 > cap)
            return 0;
        memcpy(buf, s, n);
        buf[n] = '\0';
        return n;
    }
    pn = drop_aside(s, n - g->suf[si].n);
    while (again) {
        again = 0;
        for (size_t k = 0; k < g->infix.n; k++) {
            const str *w = &g->infix.v[k];
            if (has_suffix(s, pn, w->s, w->n) && nchars(s, pn - w->n) >= 2) {
                pn -= w->n;
                again = 1;
                break;
            }
        }
    }
    o = pn + g->suf[si].ncanon;
    if (o + 1 > cap)
        return 0;
    memcpy(buf, s, pn);
    memcpy(buf + pn, g->suf[si].canon, g->suf[si].ncanon);
    buf[o] = '\0';
    return o;
}

/* Canonical index for a name by alias, fold, or fold minus province; else -1. */
static size_t resolve(const zsi_gazetteer *g, const char *s, size_t n)
{
    char buf[MAX_NAME_BYTES * 2];
    size_t a = find_alias(g, s, n), fn;
    if (a != (size_t)-1)
        return g->al[a].canon;
    fn = fold(g, s, n, buf, sizeof buf);
    if (!fn)
        return (size_t)-1;
    if ((a = find_alias(g, buf, fn)) != (size_t)-1)
        return g->al[a].canon;
    for (size_t k = 0; k < g->province.n; k++) {
        const str *w = &g->province.v[k];
        if (has_prefix(buf, fn, w) && fn > w->n) {
            if ((a = find_alias(g, buf + w->n, fn - w->n)) != (size_t)-1)
                return g->al[a].canon;
            char buf2[MAX_NAME_BYTES * 2];
            size_t f2 = fold(g, buf + w->n, fn - w->n, buf2, sizeof buf2);
            if (f2 && (a = find_alias(g, buf2, f2)) != (size_t)-1)
                return g->al[a].canon;
        }
    }
    return (size_t)-1;
}

const char *zsi_park_canonical(const zsi_gazetteer *g, const char *alias_, size_t n)
{
    size_t c;
    if (!g || !alias_ || !n || n > MAX_NAME_BYTES)
        return NULL;
    c = resolve(g, alias_, n);
    return c == (size_t)-1 ? NULL : g->names.v[c].s;
}

static int push(mentions *m, size_t start, size_t end, char *name)
{
    if (!name)
        return ZS_ENOMEM;
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 16;
        mention *nv = realloc(m->v, nc * sizeof *nv);
        if (!nv) {
            free(name);
            return ZS_ENOMEM;
        }
        m->v = nv;
        m->cap = nc;
    }
    m->v[m->n].start = start;
    m->v[m->n].end = end;
    m->v[m->n].name = name;
    m->n++;
    return 0;
}

static void mentions_free(mentions *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->v[i].name);
    free(m->v);
}

static int by_start(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Is byte i inside a span already found? (spans sorted not required; few) */
static size_t covered_end(const mentions *m, size_t i)
{
    for (size_t k = 0; k < m->n; k++)
        if (i >= m->v[k].start && i < m->v[k].end)
            return m->v[k].end;
    return 0;
}

/*
 * The place-name prefix for a suffix at byte i: [*ps, *pe). floor is the
 * earliest byte the prefix may use. Returns 1 when it is a name, else 0.
 */
static int pattern_prefix(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                          int weak, size_t *ps, size_t *pe)
{
    int32_t k = (int32_t)i, start;
    size_t nc = 0, s, e;
    UChar32 c;

    /* Skip a bracketed aside right before the suffix: 和平(荷江)经开区. */
    e = drop_aside(p + floor, i - floor) + floor;
    k = (int32_t)e;
    while (k > (int32_t)floor && nc < MAX_PREFIX_CHARS) {
        int32_t prev = k;
        U8_PREV(p, (int32_t)floor, prev, c);
        if (!is_han(c))
            break;
        k = prev;
        nc++;
    }
    start = k;
    s = (size_t)start;
    /* Trim leading verbs and particles while two characters remain. */
    for (int again = 1; again;) {
        again = 0;
        for (size_t t = 0; t < g->trim.n; t++) {
            const str *w = &g->trim.v[t];
            if (!has_prefix(p + s, e - s, w))
                continue;
            size_t rest = nchars(p + s + w->n, e - s - w->n);
            if (rest == 0)
                return 0; /* the whole prefix is a trim word: 全省开发区 */
            if (rest >= 2) {
                s += w->n;
                again = 1;
                break;
            }
        }
    }
    /* After the last [cut] character ("万的高新区") only a name can follow. */
    for (size_t q = s; q < e; q++)
        for (size_t t = 0; t < g->cut.n; t++) {
            const str *w = &g->cut.v[t];
            if (w->n <= e - q && memcmp(p + q, w->s, w->n) == 0) {
                if (q + w->n == e)
                    return 0;
                s = q + w->n;
            }
        }
    /* A multi-character trim word inside ("积极推进", "推动我省") ends the
     * description: the place name can only follow it. */
    for (size_t q = s; q < e; q++) {
        for (size_t t = 0; t < g->trim.n; t++) {
            const str *w = &g->trim.v[t];
            if (nchars(w->s, w->n) < 2 || w->n > e - q || memcmp(p + q, w->s, w->n) != 0)
                continue;
            if (q + w->n == e)
                return 0;
            if (nchars(p + q + w->n, e - q - w->n) >= 2)
                s = q + w->n;
        }
    }
    nc = nchars(p + s, e - s);
    if (nc < 2 || (weak && nc > MAX_WEAK_PREFIX_CHARS))
        return 0;
    if (weak) {
        /* Weak suffixes end many non-zones: the prefix must end in a known place. */
        int known = 0;
        for (size_t t = 0; t < g->stems.n && !known; t++)
            known = has_suffix(p + s, e - s, g->stems.v[t].s, g->stems.v[t].n);
        if (!known)
            return 0;
    }
    for (size_t t = 0; t < g->generic.n; t++)
        if (contains(p + s, e - s, &g->generic.v[t]))
            return 0;
    *ps = s;
    *pe = e;
    return 1;
}

/* Does p speak of zones at all (a [bare] word or a zone suffix)? */
static int speaks_of_zones(const zsi_gazetteer *g, const char *p, size_t n)
{
    for (size_t b = 0; b < g->bare.n; b++)
        if (memmem(p, n, g->bare.v[b].s, g->bare.v[b].n))
            return 1;
    for (size_t t = 0; t < g->nsuf; t++)
        if (memmem(p, n, g->suf[t].s, g->suf[t].n))
            return 1;
    return 0;
}

/* May an alias (heads = alias_head) or suffix (suf_head) start with c?
 * Outside the BMP: maybe. */
static int may_head(const uint64_t *heads, UChar32 c)
{
    return c >= 0x10000 || (heads[c / 64] >> (c % 64) & 1);
}

/* Every zone mention in p, sorted by position (duplicates kept). */
static int find_mentions(const zsi_gazetteer *g, const char *p, size_t n, mentions *m)
{
    int rc;
    size_t floor = 0;
    int zones = -1; /* speaks_of_zones(), computed when a weak alias turns up */

    /* Pass 1: gazetteer aliases, longest at each position. */
    for (size_t i = 0; i < n;) {
        int32_t k = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, k, (int32_t)n, c);
        if (c >= 0 && may_head(g->alias_head, c)) {
            size_t b = (size_t)c % NBUCKETS, hit = (size_t)-1, nb = g->nbucket[b];
            if (nb && !g->onecp[b]) {
                int32_t k2 = k;
                UChar32 c2 = -1;
                if (k2 < (int32_t)n)
                    U8_NEXT(p, k2, (int32_t)n, c2);
                size_t pb = c2 < 0 ? 0 : pair_bit(c, c2);
                if (c2 < 0 || !(g->pairs[pb / 64] & (UINT64_C(1) << (pb % 64))))
                    nb = 0;
            }
            for (size_t j = 0; j < nb; j++) {
                const alias *a = &g->al[g->bucket[b][j]];
                if (a->n <= n - i && memcmp(p + i, a->s, a->n) == 0) {
                    hit = g->bucket[b][j];
                    break;
                }
            }
            /* A nickname (光谷 "light valley", 泰达) is a zone only in a text
             * about zones: classical poetry has 光谷 too. */
            if (hit != (size_t)-1 && g->al[hit].weak) {
                if (zones < 0)
                    zones = speaks_of_zones(g, p, n);
                if (!zones)
                    hit = (size_t)-1;
            }
            if (hit != (size_t)-1) {
                const alias *a = &g->al[hit];
                const str *nm = &g->names.v[a->canon];
                if ((rc = push(m, i, i + a->n, dupn(nm->s, nm->n))) != 0)
                    return rc;
                i += a->n;
                continue;
            }
        }
        i = (size_t)k;
    }
    /* Pass 2: suffix patterns outside the spans of pass 1. */
    /* Pass 1's spans are in text order and disjoint: one cursor walks them. */
    size_t npass1 = m->n, cur = 0;
    for (size_t i = 0; i < n;) {
        while (cur < npass1 && m->v[cur].end <= i)
            cur++;
        if (cur < npass1 && i >= m->v[cur].start) {
            i = floor = m->v[cur].end;
            continue;
        }
        long si = -1;
        int32_t k = (int32_t)i;
        UChar32 first;
        U8_NEXT(p, k, (int32_t)n, first);
        for (size_t t = 0; first >= 0 && may_head(g->suf_head, first) && t < g->nsuf; t++)
            if (g->suf[t].n <= n - i && memcmp(p + i, g->suf[t].s, g->suf[t].n) == 0) {
                si = (long)t;
                break;
            }
        if (si >= 0) {
            size_t ps, pe, end = i + g->suf[si].n;
            if (pattern_prefix(g, p, floor, i, g->suf[si].weak, &ps, &pe)) {
                char raw[MAX_NAME_BYTES * 2], buf[MAX_NAME_BYTES * 2];
                size_t rn = (pe - ps) + g->suf[si].n, fn;
                if (rn < sizeof raw) {
                    memcpy(raw, p + ps, pe - ps);
                    memcpy(raw + (pe - ps), g->suf[si].s, g->suf[si].n);
                    size_t c = resolve(g, raw, rn);
                    char *name;
                    if (c != (size_t)-1) {
                        name = dupn(g->names.v[c].s, g->names.v[c].n);
                    } else {
                        fn = fold(g, raw, rn, buf, sizeof buf);
                        name = fn ? dupn(buf, fn) : dupn(raw, rn);
                    }
                    if ((rc = push(m, ps, end, name)) != 0)
                        return rc;
                }
            }
            i = floor = end;
            continue;
        }
        i++;
        while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80)
            i++;
    }
    if (m->n > 1)
        qsort(m->v, m->n, sizeof *m->v, by_start);
    return 0;
}

int zsi_parks_extract(const zsi_gazetteer *g, const char *p, size_t n, char ***names,
                      size_t *nnames, size_t *counts)
{
    mentions m = {0};
    char **out = NULL;
    size_t k = 0;
    int rc;

    if (!g || !names || !nnames || (!p && n))
        return ZS_EINVAL;
    *names = NULL;
    *nnames = 0;
    if ((rc = find_mentions(g, p, n, &m)) != 0)
        goto out;
    if (m.n) {
        out = calloc(m.n, sizeof *out);
        if (!out) {
            rc = ZS_ENOMEM;
            goto out;
        }
    }
    for (size_t i = 0; i < m.n && k < ZSI_MAX_PARKS_PER_TEXT; i++) {
        size_t j;
        for (j = 0; j < k; j++)
            if (strcmp(out[j], m.v[i].name) == 0)
                break;
        if (j < k) {
            if (counts)
                counts[j]++;
            continue;
        }
        if (counts)
            counts[k] = 1;
        out[k++] = m.v[i].name;
        m.v[i].name = NULL; /* moved */
    }
    *names = out;
    *nnames = k;
    out = NULL;
out:
    free(out);
    mentions_free(&m);
    return rc;
}

void zsi_names_free(char **names, size_t n)
{
    if (!names)
        return;
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

int zsi_park_tally_add(zsi_park_tally *t, char *const *names, const size_t *counts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t j;
        for (j = 0; j < t->n; j++)
            if (strcmp(t->names[j], names[i]) == 0)
                break;
        if (j < t->n) {
            t->counts[j] += counts[i];
            continue;
        }
        if (t->n == t->cap) {
            size_t nc = t->cap ? t->cap * 2 : 8;
            char **nn = realloc(t->names, nc * sizeof *nn);
            if (!nn)
                return ZS_ENOMEM;
            t->names = nn;
            size_t *ncnt = realloc(t->counts, nc * sizeof *ncnt);
            if (!ncnt)
                return ZS_ENOMEM;
            t->counts = ncnt;
            t->cap = nc;
        }
        if (!(t->names[t->n] = strdup(names[i])))
            return ZS_ENOMEM;
        t->counts[t->n++] = counts[i];
    }
    return 0;
}

const char *zsi_park_tally_best(const zsi_park_tally *t)
{
    size_t best = 0;
    for (size_t i = 1; i < t->n; i++)
        if (t->counts[i] > t->counts[best])
            best = i;
    return t->n ? t->names[best] : NULL;
}

void zsi_park_tally_clear(zsi_park_tally *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->names[i]);
    free(t->names);
    free(t->counts);
    memset(t, 0, sizeof *t);
}

int zsi_article_park(const zsi_gazetteer *g, const char *text, size_t n, char **out)
{
    zsi_park_tally t = {0};
    size_t one = 1;
    mentions m = {0};
    int rc;

    if (!g || !out || (!text && n))
        return ZS_EINVAL;
    *out = NULL;
    if ((rc = find_mentions(g, text, n, &m)) != 0)
        goto out;
    /* Mentions are in text order, so the first of equal counts is earliest. */
    for (size_t i = 0; i < m.n && !rc; i++)
        rc = zsi_park_tally_add(&t, &m.v[i].name, &one, 1);
    const char *best = zsi_park_tally_best(&t);
    if (!rc && best && !(*out = strdup(best)))
        rc = ZS_ENOMEM;
out:
    zsi_park_tally_clear(&t);
    mentions_free(&m);
    return rc;
}

int zsi_has_bare_park_ref(const zsi_gazetteer *g, const char *p, size_t n)
{
    mentions m = {0};
    int found = 0;

    if (!g || !p || !n)
        return 0;
    /* Most passages hold no bare word at all: look before finding mentions. */
    int any = 0;
    for (size_t b = 0; b < g->bare.n && !any; b++)
        any = memmem(p, n, g->bare.v[b].s, g->bare.v[b].n) != NULL;
    if (!any)
        return 0;
    if (find_mentions(g, p, n, &m) != 0) {
        mentions_free(&m);
        return 0;
    }
    for (size_t i = 0; i < n && !found; i++) {
        if (((unsigned char)p[i] & 0xC0) == 0x80)
            continue;
        for (size_t b = 0; b < g->bare.n; b++) {
            const str *w = &g->bare.v[b];
            if (w->n > n - i || memcmp(p + i, w->s, w->n) != 0)
                continue;
            if (covered_end(&m, i))
                break;
            /* 全省开发区, 93家开发区: zones in general, not the article's. */
            int general = 0;
            for (size_t s = 0; s < g->scope.n; s++)
                if (has_suffix(p, i, g->scope.v[s].s, g->scope.v[s].n))
                    general = 1;
            if (!general)
                found = 1;
            break;
        }
    }
    mentions_free(&m);
    return found;
}
