/*
 * park.c - which development zones (开发区, 高新区, 经开区, 新区, 自贸区 ...)
 * a text names, under one canonical name per zone.
 *
 * Two passes over the text, against the gazetteer of park_gaz.c:
 *  - the lists (data/parks.tsv, hand-kept, then data/zones.tsv, generated
 *    from official lists): known names are matched first, the longest alias
 *    at each position; a listed zone inside another (福建自贸区厦门片区) also
 *    names the outer one.
 *  - the patterns (data/zone_suffixes.txt): any other name is a zone suffix
 *    with the words before it that name a place; where those words start is
 *    park_edge.c's business (a word boundary, found with the place names and
 *    word classes of park_words.c). A name right after a zone's name is a
 *    zone inside it: 重庆两江新区鱼复工业园区 names 两江新区 and
 *    两江新区鱼复工业园区.
 * Folding (fold()): the longest suffix is replaced by its canonical form
 * (经济开发区 -> 经开区, 高新技术产业开发区 -> 高新区), [infix] words at the
 * end of the prefix are dropped (国家, 省级, 市), so is a bracketed aside, and
 * a [province] prefix is dropped when the rest is a known zone; a city's 市
 * goes (zsi_pk_tidy()). A pattern name that folds to a known alias takes that
 * zone's canonical name; otherwise the folded name itself is returned. The
 * State Council's style, 中国（X）and a kind, is X's zone of that kind.
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

#include "extract_int.h"
#include "park_int.h"
#include "segment_int.h"

/* Longest name of a park inside a zone, between the two (characters). */
#define MAX_INNER_CHARS 8

/* Places' names alone (前海) that begin a longer zone name, looked at per text. */
#define MAX_LEADING_PLACES 8

/* Longest place name looked for right before a listed zone's alias (characters). */
#define MAX_PLACE_BEFORE_CHARS 5

/* One zone mention found in a text. */
typedef struct mention {
    size_t start, end; /* byte span in the text */
    char *name;        /* canonical, malloc'd */
    int nick;          /* found by a nickname (中关村, 光谷): no zone suffix */
} mention;

typedef struct mentions {
    mention *v;
    size_t n, cap;
} mentions;

/* Does s[0..n) end with the name of a division of China (two to four
 * characters: 六盘水, 和田; not a region as 中东欧)? */
static int ends_with_place(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t L = 6; L <= 12 && L <= n; L += 3) {
        size_t row;
        if (!(zsi_words_find(g->words, s + n - L, L, &row) & ZSW_PLACE))
            continue;
        int level = zsi_words_place(g->words, row, NULL, NULL);
        if (level == ZSW_PROVINCE || level == ZSW_CITY || level == ZSW_COUNTY || level == ZSW_TOWN)
            return 1;
    }
    return 0;
}

static int ends_park(const char *z);

/* Is the [infix] word w, ending s[0..n) before suffix x, a level to drop:
 * 国家 before a kind the State names (六盘水国家高新区, 岳麓山国家大学科技
 * 城) or after a place's name (和田国家农业科技园区). Right before a park
 * (园, 园区) after another word it is the name's "countries" (葡语国家产业园:
 * a park for the Portuguese-speaking countries). */
static int infix_drops(const zsi_gazetteer *g, const char *s, size_t n, const str *w,
                       const suffix *x)
{
    if (!has_suffix(s, n, w->s, w->n) || nchars(s, n - w->n) < 2)
        return 0;
    if (w->n != 6 || memcmp(w->s, "\xE5\x9B\xBD\xE5\xAE\xB6", 6) != 0) /* 国家 */
        return 1;
    return !ends_park(x->canon) || ends_with_place(g, s, n - w->n);
}

/*
 * Fold a zone name to canonical spelling into buf (NUL-terminated).
 * Returns its length, or 0 if it does not fit.
 */
static size_t fold(const zsi_gazetteer *g, const char *s, size_t n, char *buf, size_t cap)
{
    long si = zsi_pk_ending_suffix(g, s, n);
    size_t pn, o;
    int again = 1;
    if (si < 0) {
        if (n + 1 > cap)
            return 0;
        memcpy(buf, s, n);
        buf[n] = '\0';
        return n;
    }
    pn = zsi_pk_drop_aside(s, n - g->suf[si].n);
    while (again) {
        again = 0;
        for (size_t k = 0; k < g->infix.n; k++) {
            const str *w = &g->infix.v[k];
            if (infix_drops(g, s, pn, w, &g->suf[si])) {
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
static size_t resolve_name(const zsi_gazetteer *g, const char *s, size_t n);

/* Bytes of a bracket at s[0..n): an opening one when open, else a closing
 * one; 0 when none. */
static size_t bracket(const char *s, size_t n, int open)
{
    const char *fw = open ? "\xEF\xBC\x88" : "\xEF\xBC\x89"; /* （ ） */
    if (n >= 1 && s[0] == (open ? '(' : ')'))
        return 1;
    return n >= 3 && memcmp(s, fw, 3) == 0 ? 3 : 0;
}

/* As resolve_name(), and a name in the State Council's style, 中国（X）
 * and a kind (中国（浙江）自贸试验区), is X's zone of that kind when the
 * lists know no such spelling. */
static size_t resolve(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t c = resolve_name(g, s, n), ob, cb, k;
    static const char ZG[] = "\xE4\xB8\xAD\xE5\x9B\xBD"; /* 中国 */
    if (c != (size_t)-1 || n < 6 || memcmp(s, ZG, 6) != 0 || !(ob = bracket(s + 6, n - 6, 1)))
        return c;
    for (k = 6 + ob; k < n && k <= 6 + ob + 3 * 6; k++)
        if ((cb = bracket(s + k, n - k, 0)) != 0) {
            char buf[MAX_NAME_BYTES * 2];
            size_t in = k - 6 - ob, rest = n - k - cb;
            if (in < 6 || in + rest > sizeof buf)
                return c;
            memcpy(buf, s + 6 + ob, in);
            memcpy(buf + in, s + k + cb, rest);
            return resolve_name(g, buf, in + rest);
        }
    return c;
}

static size_t resolve_name(const zsi_gazetteer *g, const char *s, size_t n)
{
    char buf[MAX_NAME_BYTES * 2];
    size_t a = zsi_pk_find_alias(g, s, n), fn;
    if (a != (size_t)-1)
        return g->al[a].canon;
    fn = fold(g, s, n, buf, sizeof buf);
    if (!fn)
        return (size_t)-1;
    if ((a = zsi_pk_find_alias(g, buf, fn)) != (size_t)-1)
        return g->al[a].canon;
    for (size_t k = 0; k < g->province.n; k++) {
        const str *w = &g->province.v[k];
        if (has_prefix(buf, fn, w) && fn > w->n) {
            if ((a = zsi_pk_find_alias(g, buf + w->n, fn - w->n)) != (size_t)-1)
                return g->al[a].canon;
            char buf2[MAX_NAME_BYTES * 2];
            size_t f2 = fold(g, buf + w->n, fn - w->n, buf2, sizeof buf2);
            if (f2 && (a = zsi_pk_find_alias(g, buf2, f2)) != (size_t)-1)
                return g->al[a].canon;
        }
    }
    /* A park is printed with 园 and with 园区 (苏州工业园, 苏州工业园区): the
     * other spelling of a listed park is that park. */
    if (has_suffix(s, n, "\xE5\x9B\xAD", 3) && n + 3 <= sizeof buf) { /* 园 */
        memcpy(buf, s, n);
        memcpy(buf + n, "\xE5\x8C\xBA", 3); /* 区 */
        if ((a = zsi_pk_find_alias(g, buf, n + 3)) != (size_t)-1)
            return g->al[a].canon;
    } else if (has_suffix(s, n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6) && /* 园区 */
               (a = zsi_pk_find_alias(g, s, n - 3)) != (size_t)-1)
        return g->al[a].canon;
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
    if (m->n == m->cap && zsu_grow(&m->v, &m->cap, m->n + 1, sizeof *m->v, 16) != 0) {
        free(name);
        return ZS_ENOMEM;
    }
    m->v[m->n].start = start;
    m->v[m->n].end = end;
    m->v[m->n].name = name;
    m->v[m->n].nick = 0;
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

/* Does the text printed, pr[0, pn), begin with a name of zone canon (one of
 * its aliases or its nickname: 福建自贸试验区厦门片区, 中关村朝阳园)? */
static int printed_starts_with_zone(const zsi_gazetteer *g, const char *pr, size_t pn, size_t canon)
{
    for (size_t e = 1; e < pn; e++) {
        if (((unsigned char)pr[e] & 0xC0) == 0x80)
            continue;
        size_t a = zsi_pk_find_alias(g, pr, e);
        if (a != (size_t)-1 && g->al[a].canon == canon)
            return 1;
    }
    return 0;
}

/*
 * A listed zone inside another (福建自贸区厦门片区 in 福建自贸区) names both:
 * push the outer zone when the zone's name s[0, n) begins with a known
 * zone's name and the text printed, pr[0, pn), begins with a name of that
 * zone too. A part printed alone (临港新片区, 厦门片区) names only itself,
 * as a reader takes it: its whole free trade zone is not what it speaks of.
 */
static int push_parent(const zsi_gazetteer *g, mentions *m, size_t start, size_t end, const char *s,
                       size_t n, const char *pr, size_t pn)
{
    for (size_t k = 0; k < n; k++) {
        if (((unsigned char)s[k] & 0xC0) == 0x80)
            continue;
        for (size_t t = 0; t < g->nsuf; t++) {
            size_t e = k + g->suf[t].n;
            if (e >= n || memcmp(s + k, g->suf[t].s, g->suf[t].n) != 0)
                continue;
            size_t a = zsi_pk_find_alias(g, s, e);
            if (a == (size_t)-1 || !printed_starts_with_zone(g, pr, pn, g->al[a].canon))
                return 0;
            const str *nm = &g->names.v[g->al[a].canon];
            return push(m, start, end, dupn(nm->s, nm->n));
        }
    }
    return 0;
}

/* Does text s[0, n) appear in canonical zone c's name or one of its aliases? */
static int zone_names_hold(const zsi_gazetteer *g, size_t c, const char *s, size_t n)
{
    for (size_t k = g->aoff[c]; k < g->aoff[c + 1]; k++)
        if (memmem(g->alist[k], strlen(g->alist[k]), s, n))
            return 1;
    return memmem(g->names.v[c].s, g->names.v[c].n, s, n) != NULL;
}

/* Is place s[0, n) (a province's or city's name, full or short) the start of
 * name w (天津 of 天津市)? */
static int place_is(const char *w, const char *s, size_t n)
{
    return w && *w && n >= 6 && strncmp(w, s, n) == 0;
}

/* Heads of an organisation's name that a unit of it named after a place
 * follows (民生银行深圳前海分行, 复旦大学张江研究院). */
static const char *const ORG_HEAD[] = {"银行", "大学", "学院", "集团", "公司", "医院", "科学院", "研究院"};

/*
 * Does an organisation's name end right before byte i of p, or before a
 * province's, city's or county's name that ends at i (民生银行深圳 before
 * 前海)? A place's name alone (前海, 张江) after it names that
 * organisation's branch or institute, no zone.
 */
static int org_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t i)
{
    size_t b = i;
    for (size_t L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3) {
        size_t row;
        if (i < floor + L || !(zsi_words_find(g->words, p + i - L, L, &row) & ZSW_PLACE))
            continue;
        int level = zsi_words_place(g->words, row, NULL, NULL);
        if (level == ZSW_PROVINCE || level == ZSW_CITY || level == ZSW_COUNTY) {
            b = i - L;
            break;
        }
    }
    for (size_t k = 0; k < sizeof ORG_HEAD / sizeof *ORG_HEAD; k++) {
        size_t hn = strlen(ORG_HEAD[k]);
        if (b >= floor + hn && memcmp(p + b - hn, ORG_HEAD[k], hn) == 0)
            return 1;
    }
    return 0;
}

/*
 * Does a place of another city stand right before a listed zone's alias at
 * byte i (海安市 before 滨海新区, Tianjin's)? Then the text names a zone of
 * that place that merely shares the alias, and the suffix patterns name it
 * (海安滨海新区). A province's, city's or county's name, full or short,
 * ending at i blocks the alias unless the zone's own names hold it, it is
 * the zone's city or province, or the place's city or province is the
 * zone's (黄埔区 before 广州开发区). A zone with no city keeps its alias.
 */
static int other_city_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t c)
{
    const zone_meta *z = &g->meta[c];
    if (!z->city || !*z->city || strcmp(z->city, "-") == 0)
        return 0;
    for (size_t L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3) {
        if (i < floor + L)
            continue;
        const char *s = p + i - L;
        size_t row;
        if (!(zsi_words_find(g->words, s, L, &row) & ZSW_PLACE))
            continue;
        const char *pc = NULL, *pp = NULL;
        int level = zsi_words_place(g->words, row, &pc, &pp);
        if (level != ZSW_PROVINCE && level != ZSW_CITY && level != ZSW_COUNTY)
            return 0;
        size_t stem = L;
        if (stem > 6 && (has_suffix(s, stem, "\xE5\xB8\x82", 3) || /* 市 */
                         has_suffix(s, stem, "\xE5\x8E\xBF", 3) || /* 县 */
                         has_suffix(s, stem, "\xE5\x8C\xBA", 3)))  /* 区 */
            stem -= 3;
        if (zone_names_hold(g, c, s, stem) || place_is(z->city, s, stem) ||
            place_is(z->province, s, stem))
            return 0;
        if (pc && *pc)
            return strcmp(pc, z->city) != 0;
        /* A county whose city nothing says (its short form is another
         * place's too) blocks only when printed in full (海安市). */
        if (level == ZSW_COUNTY && !has_suffix(s, L, "\xE5\xB8\x82", 3) &&
            !has_suffix(s, L, "\xE5\x8E\xBF", 3))
            return 0;
        return 1;
    }
    return 0;
}

/* Is the place s[0, n) (a province's or a city's name, full or short) zone
 * c's own: its names hold it, or it is the zone's city or province? */
static int own_place(const zsi_gazetteer *g, size_t c, const char *s, size_t n)
{
    size_t row;
    unsigned fl = zsi_words_find(g->words, s, n, &row);
    if (!(fl & ZSW_PLACE) || (fl & ZSW_TRIM))
        return 0;
    int level = zsi_words_place(g->words, row, NULL, NULL);
    if (level != ZSW_PROVINCE && level != ZSW_CITY)
        return 0;
    const zone_meta *z = c < g->capmeta ? &g->meta[c] : NULL;
    size_t stem = n;
    if (stem > 6 && (has_suffix(s, stem, "\xE5\xB8\x82", 3) || /* 市 */
                     has_suffix(s, stem, "\xE7\x9C\x81", 3)))  /* 省 */
        stem -= 3;
    return zone_names_hold(g, c, s, stem) ||
           (z && (place_is(z->city, s, stem) || place_is(z->province, s, stem)));
}

/*
 * Is the nickname alias a at byte i of p led by its zone's own province or
 * city (武汉光谷, 上海张江, 深圳前海; or printed so: 天津泰达, 广州南沙)? A
 * nickname after the place it lies in names that place's zone in any text,
 * one that speaks of no zone too: the place tells it is no street's or
 * poem's 光谷.
 */
static int own_place_leads(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                           const alias *a)
{
    for (size_t L = 3 * 3; L >= 2 * 3; L -= 3)
        if (a->n > L && own_place(g, a->canon, a->s, L))
            return 1;
    for (size_t L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3)
        if (i >= floor + L && own_place(g, a->canon, p + i - L, L))
            return 1;
    return 0;
}

/* Byte length of the dash (— – － -) that ends at byte e of p, or 0; a
 * double one (——, 6 bytes) sets *dbl: it is mostly punctuation, a clause's
 * dash, yet some print a two-place name with it (天津滨海——中关村科技园). */
static size_t dash_before(const char *p, size_t floor, size_t e, int *dbl)
{
    static const char *const D[] = {"\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBC\x8D", "-"};
    *dbl = 0;
    for (size_t k = 0; k < sizeof D / sizeof *D; k++) {
        size_t dn = strlen(D[k]);
        if (e >= floor + dn && memcmp(p + e - dn, D[k], dn) == 0) {
            for (size_t j = 0; j < sizeof D / sizeof *D; j++) {
                size_t jn = strlen(D[j]);
                if (e - dn >= floor + jn && memcmp(p + e - dn - jn, D[j], jn) == 0) {
                    /* ——: a name's only when no third dash leads it */
                    if (k != 0 || j != 0 || (e >= floor + 9 && memcmp(p + e - 9, D[0], 3) == 0))
                        return 0;
                    *dbl = 1;
                    return 6;
                }
            }
            return dn;
        }
    }
    return 0;
}

/* Does name s[0, n) end as a park's or a town's does (园, 园区, 城)? */
static int parkish(const char *s, size_t n)
{
    return has_suffix(s, n, "\xE5\x9B\xAD", 3) ||             /* 园 */
           has_suffix(s, n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6) || /* 园区 */
           has_suffix(s, n, "\xE5\x9F\x8E", 3);                /* 城 */
}

/* A copy of the dash-joined name s[0, n) with its double dash made single,
 * so that both spellings name one zone. Ownership: caller frees. */
static char *dash_name(const char *s, size_t n)
{
    char *out = dupn(s, n);
    char *d = out ? strstr(out, "\xE2\x80\x94\xE2\x80\x94") : NULL; /* —— */
    if (d)
        memmove(d + 3, d + 6, strlen(d + 6) + 1);
    return out;
}

static int list_starts(const zsi_gazetteer *g, const char *p, size_t floor, size_t e);

/*
 * A zone named for two places joined by a dash (天津滨海—中关村科技园,
 * 中国—白俄罗斯工业园) is one zone: where a dash ends at byte s and
 * one or more places (or places abroad, or 中国) stand right before it,
 * @return the start of those places; else s.
 */
static size_t dash_start(const zsi_gazetteer *g, const char *p, size_t floor, size_t s)
{
    int dbl;
    size_t dn = dash_before(p, floor, s, &dbl);
    if (!dn)
        return s;
    size_t e = s - dn, start = e;
    for (int words = 0; words < 3; words++) {
        size_t L;
        for (L = MAX_PLACE_BEFORE_CHARS * 3; L >= 2 * 3; L -= 3) {
            if (start < floor + L)
                continue;
            unsigned f = zsi_words_find(g->words, p + start - L, L, NULL);
            /* China itself is no division of places.tsv, nor abroad */
            if (f & (ZSW_STOP | ZSW_VNOUN))
                continue;
            if ((f & (ZSW_PLACE | ZSW_TRIM)) ||
                zsi_words_has(g->words, p + start - L, L, ZSW_FOREIGN) ||
                (L == 6 && memcmp(p + start - L, "\xE4\xB8\xAD\xE5\x9B\xBD", 6) == 0))
                break;
        }
        if (L < 2 * 3)
            break;
        start -= L;
    }
    /* Before a double dash, the places must start a phrase (来到天津滨海——):
     * a place that ends a longer phrase is a clause's last word. */
    if (dbl && start < e && !list_starts(g, p, floor, start))
        return s;
    return start < e ? start : s;
}

/* Longest nickname context looked at: characters of a word before it. */
#define MAX_WORD_BEFORE_CHARS 4

/*
 * Does a nickname (泰达, 光谷, 中关村: no zone suffix) at byte i of p start a
 * word: after no Han character, or right after a word of the lexicon (天津
 * 泰达, 在中关村, 走进光谷)? Glued to characters that no word holds, it is
 * inside a longer name the lists lack: 中埃泰达苏伊士经贸合作区 is the zone
 * in Egypt that TEDA runs (埃, Egypt), none of Tianjin's.
 */
static int nick_starts_word(const zsi_gazetteer *g, const char *p, size_t i)
{
    int32_t k = (int32_t)i;
    UChar32 c;
    if (i == 0)
        return 1;
    U8_PREV(p, 0, k, c);
    /* A middle dot joins it to the name's first part (中埃·泰达苏伊士经贸
     * 合作区) unless a place stands before the dot (天津·泰达). */
    if ((c == 0x00B7 || c == 0x2022 || c == 0x30FB || c == 0x2027) && k > 0) {
        int32_t d = k;
        U8_PREV(p, 0, d, c);
        if (!is_han(c))
            return 1;
        for (int chars = 2; chars <= MAX_WORD_BEFORE_CHARS && d > 0; chars++) {
            U8_PREV(p, 0, d, c);
            if (!is_han(c))
                break;
            if (zsi_words_find(g->words, p + d, (size_t)k - (size_t)d, NULL) & ZSW_PLACE)
                return 1;
        }
        return 0;
    }
    if (!is_han(c))
        return 1;
    if (zsi_words_has(g->words, p + k, i - (size_t)k, ZSW_VERB1))
        return 1;
    /* a year before it (2011年中关村新技术新产品): 年 after a digit ends a
     * time word, which no name runs on from */
    if (c == 0x5E74 && k > 0) { /* 年 */
        int32_t d = k;
        UChar32 y;
        U8_PREV(p, 0, d, y);
        if ((y >= '0' && y <= '9') || (y >= 0xFF10 && y <= 0xFF19))
            return 1;
    }
    for (int chars = 1; chars <= MAX_WORD_BEFORE_CHARS && k >= 0; chars++) {
        if (zsi_words_find(g->words, p + k, i - (size_t)k, NULL) ||
            zsi_words_has(g->words, p + k, i - (size_t)k, ZSW_FOREIGN))
            return 1;
        if (k == 0)
            break;
        U8_PREV(p, 0, k, c);
        if (!is_han(c))
            break;
    }
    return 0;
}

/* Characters between a place's name alone and a zone suffix that still
 * make one name (前海蛇口片区, 前海湾保税港区, 张江高科技片区). */
#define PLACE_TAIL_CHARS 3

static long suffix_at(const zsi_gazetteer *g, const char *p, size_t n, size_t i);

/*
 * Does a place's name alone (前海, ZSI_NICK_PLACE) that ends at byte e of p
 * begin a longer zone name: a suffix right after it (前海自贸区) or after a
 * few Han characters of the name (前海蛇口片区)? That zone is another than
 * the one the place alone names, and the patterns read it.
 */
static int place_begins_zone(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    size_t i = e;
    for (int chars = 0; chars <= PLACE_TAIL_CHARS && i < n; chars++) {
        int32_t j = (int32_t)i;
        UChar32 c;
        if (suffix_at(g, p, n, i) >= 0)
            return 1;
        U8_NEXT(p, j, (int32_t)n, c);
        if (!is_han(c))
            return 0;
        i = (size_t)j;
    }
    return 0;
}

/*
 * Join each mention made by a place's name alone (横琴) to another zone's
 * name that follows right after it (横琴粤澳合作中医药科技产业园, read by
 * the patterns from where the place ends): the place leads that longer
 * name, as place_begins_zone() finds for the short ones, and names no zone
 * of its own. A name the patterns built gets the place back in front; a
 * listed zone keeps its canonical name.
 */
static int join_leading_places(const zsi_gazetteer *g, const char *p, mentions *m)
{
    size_t w = 0;
    for (size_t k = 0; k < m->n; k++) {
        mention *x = &m->v[k];
        mention *y = NULL;
        for (size_t o = 0; x->nick == ZSI_NICK_PLACE && o < m->n && !y; o++)
            if (o != k && m->v[o].start == x->end && m->v[o].nick != ZSI_NICK_PLACE)
                y = &m->v[o];
        if (!y)
            continue;
        size_t pn = x->end - x->start, yn = strlen(y->name);
        /* a name the patterns read back over a city before the place
         * (广州南沙…示范区) holds the place already */
        if (zsi_pk_find_name(g, y->name, yn) == (size_t)-1 &&
            !(yn >= pn && memcmp(y->name, p + x->start, pn) == 0)) {
            char *name = malloc(pn + yn + 1);
            if (!name)
                return ZS_ENOMEM;
            memcpy(name, p + x->start, pn);
            memcpy(name + pn, y->name, yn + 1);
            free(y->name);
            y->name = name;
        }
        y->start = x->start;
        free(x->name);
        x->name = NULL;
    }
    for (size_t k = 0; k < m->n; k++)
        if (m->v[k].name)
            m->v[w++] = m->v[k];
    m->n = w;
    return 0;
}

/* The word that ends a zone's part (前海合作区桂湾片区), and its bytes. */
static const char PIAN[] = "片区";
#define PIAN_BYTES (sizeof PIAN - 1)

/* Han characters of a part's own name between a zone's name and 片区
 * (前海合作区桂湾片区, 广东自贸区南沙片区). */
#define SUBAREA_MIN_CHARS 2
#define SUBAREA_MAX_CHARS 4

/*
 * Does a part of the zone named up to byte e of p follow it: 2 to 4 Han
 * characters and 片区 (前海合作区前湾片区)? A zone's 片区 is no zone kind
 * of its own, so the suffix patterns never read it, yet after a zone's
 * name it names a part of that zone, as 厦门片区 does of 福建自贸区. Not a
 * count or a pointer (两个片区, 各片区) nor a clause (建设新片区, 的片区).
 * @return the byte after 片区, or 0.
 */
static size_t subarea_end(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    size_t i = e;
    for (int chars = 0; chars <= SUBAREA_MAX_CHARS && i < n; chars++) {
        if (chars >= SUBAREA_MIN_CHARS && n - i >= PIAN_BYTES &&
            memcmp(p + i, PIAN, PIAN_BYTES) == 0) {
            if (zsi_pk_determiner(p + e, i - e))
                return 0;
            /* the part's name must not start with a verb or a particle */
            for (size_t L = i - e; L >= 3; L -= 3) {
                unsigned fl = zsi_words_find(g->words, p + e, L, NULL);
                if ((fl & ZSW_STOP) && !(fl & ZSW_PLACE))
                    return 0;
            }
            return i + PIAN_BYTES;
        }
        int32_t j = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, j, (int32_t)n, c);
        if (!is_han(c) || suffix_at(g, p, n, i) >= 0)
            return 0;
        i = (size_t)j;
    }
    return 0;
}

/*
 * The name of the part pr[0, pn) (桂湾片区) of zone c printed as z[0, zn)
 * (前海合作区): a listed 片区 of c whose names hold the part's own name
 * (南沙 of 广东自贸区广州南沙新区片区), else the zone's name as printed,
 * folded, and the part's (前海合作区桂湾片区), as news names the part.
 * NULL when out of memory or too long.
 */
static char *subarea_name(const zsi_gazetteer *g, size_t c, const char *z, size_t zn, const char *pr,
                          size_t pn)
{
    const size_t pl = PIAN_BYTES;
    const str *nm = &g->names.v[c];
    char buf[MAX_NAME_BYTES * 2];
    size_t fn;
    for (size_t k = 0; k < g->names.n; k++) {
        const str *x = &g->names.v[k];
        if (k != c && x->n > nm->n + pl && memcmp(x->s, nm->s, nm->n) == 0 &&
            memcmp(x->s + x->n - pl, PIAN, pl) == 0 && zone_names_hold(g, k, pr, pn - pl))
            return dupn(x->s, x->n);
    }
    fn = fold(g, z, zn, buf, sizeof buf);
    if (!fn || fn + pn >= sizeof buf)
        return NULL;
    memcpy(buf + fn, pr, pn);
    return dupn(buf, fn + pn);
}

/* Characters after a nickname looked at for a brand's name. */
#define BRAND_CHARS 3

/*
 * Do the BRAND_CHARS Han characters at byte e of p start no word of the
 * lexicon, none of them (雄安奥特莱斯: 奥特, 特莱, 莱斯 are no words)? Then
 * the nickname before them leads a brand's name, a shop's or a firm's, and
 * names no zone. Words follow a nickname that is the zone's (中关村管委会,
 * 光谷企业, 雄安中小学), and so does a park's name (中关村环保园).
 */
static int brand_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    /* at[k]: where character k starts; one character more than looked at,
     * for a word that starts at the last one, and where the run ends */
    size_t at[BRAND_CHARS + 2], k = 0, i = e;
    /* 的 after it makes the nickname a noun that owns what follows (前海的
     * 港资企业), never a name's first part */
    if (n - e >= 3 && memcmp(p + e, "\xE7\x9A\x84", 3) == 0)
        return 0;
    while (k <= BRAND_CHARS && i < n) {
        int32_t j = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, j, (int32_t)n, c);
        if (!is_han(c))
            break;
        at[k++] = i;
        i = (size_t)j;
    }
    if (k < BRAND_CHARS)
        return 0;
    at[k] = i;
    for (size_t a = 0; a < BRAND_CHARS; a++) {
        if (suffix_at(g, p, n, at[a]) >= 0)
            return 0;
        for (size_t b = a + 2; b <= k && b <= a + 4; b++)
            if (zsi_words_find(g->words, p + at[a], at[b] - at[a], NULL))
                return 0;
    }
    return 1;
}

/*
 * Heads of the names of things that are no place: events (中关村论坛,
 * 中关村国际前沿科技成果展), firms and funds (中关村发展集团, 中关村资本),
 * venues (光谷科技会展中心), streets (中关村南大街, 光谷大道, 张江路), bases and
 * clusters (松山湖国际机器人产业基地, 光谷光电子信息产业集群: projects, no zones
 * in tests/quality/README.md). A nickname that such a name starts names
 * the thing, as a city's name in 北京车展 or 深圳航空 names no city.
 * Institutes are not here: 中关村城市大脑研究院 is the zone's own.
 */
static const char *const THING_HEAD[] = {
    "论坛", "峰会", "年会", "大会", "博览会", "展览会", "交易会", "展会", "展",
    "大赛", "集团", "公司", "基金", "资本",   "银行",   "分行",   "支行", "中心",
    "大厦", "酒店", "广场", "大街", "大道",   "街",     "路",     "基地", "集群"};

/* Most characters between a nickname and the head of the name it starts. */
#define THING_CHARS 10

/*
 * Heads of names that a nickname starts with any words between, stop words
 * too: an incubator's (前海深港青年梦工场, 横琴澳门青年创业谷: a space for
 * firms inside the zone, a project, no zone in tests/quality/README.md) and
 * a title a plan gives an island or a region (横琴国际休闲旅游岛, as 海南国际
 * 旅游岛). Their words are nouns a reader takes as one name, yet the word
 * classes stop a run at 年 of 青年 or at 休闲; these heads never end a zone's
 * own name, so the run between needs no reading.
 */
static const char *const SPACE_HEAD[] = {"梦工场", "梦工厂", "创业谷", "孵化器", "众创空间",
                                         "旅游岛"};

/* Does an unbroken run of Han characters (no 的) at byte e of p reach a
 * SPACE_HEAD within THING_CHARS characters? */
static int space_after(const char *p, size_t n, size_t e)
{
    size_t i = e;
    for (int chars = 0; chars <= THING_CHARS && i < n; chars++) {
        for (size_t h = 0; h < sizeof SPACE_HEAD / sizeof *SPACE_HEAD; h++) {
            size_t hn = strlen(SPACE_HEAD[h]);
            if (hn <= n - i && memcmp(p + i, SPACE_HEAD[h], hn) == 0)
                return 1;
        }
        int32_t o = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, o, (int32_t)n, c);
        if (!is_han(c) || c == 0x7684) /* 的 */
            return 0;
        i = (size_t)o;
    }
    return 0;
}

/* Longest word of 2-4 Han characters of the lexicon at byte i of p: its
 * bytes (0: none) and classes. */
static size_t word_at(const zsi_gazetteer *g, const char *p, size_t n, size_t i, unsigned *fl)
{
    size_t end[5], k = 0, j = i;
    while (k < 4 && j < n) {
        int32_t o = (int32_t)j;
        UChar32 c;
        U8_NEXT(p, o, (int32_t)n, c);
        if (!is_han(c))
            break;
        j = (size_t)o;
        end[++k] = j;
    }
    for (; k >= 2; k--)
        if ((*fl = zsi_words_find(g->words, p + i, end[k] - i, NULL)) != 0)
            return end[k] - i;
    *fl = 0;
    return 0;
}

/*
 * Does the nickname that ends at byte e of p start the name of a thing: a
 * run of nouns (and of characters no word holds) up to a THING_HEAD, read
 * word by word, with no verb, preposition or particle on the way? 中关村
 * 管委会在论坛上 is the zone's committee at a forum (在 ends the run), and
 * 来中关村创新创业 a place's (创新 is a verb).
 */
static int thing_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    size_t i = e;
    if (space_after(p, n, e))
        return 1;
    for (int chars = 0; chars <= THING_CHARS && i < n; chars++) {
        int32_t o = (int32_t)i;
        UChar32 c;
        U8_NEXT(p, o, (int32_t)n, c);
        if (!is_han(c) || c == 0x7684) /* 的 */
            return 0;
        unsigned fl;
        size_t wl = word_at(g, p, n, i, &fl);
        for (size_t h = 0; h < sizeof THING_HEAD / sizeof *THING_HEAD; h++) {
            size_t hn = strlen(THING_HEAD[h]);
            if (hn >= wl && hn <= n - i && memcmp(p + i, THING_HEAD[h], hn) == 0)
                return 1;
        }
        /* a word that ends in 街 is a street's name (南大街, 步行街) */
        if (wl && has_suffix(p + i, wl, "\xE8\xA1\x97", 3)) /* 街 */
            return 1;
        if (wl) {
            /* a verb-noun modifies (发展集团, 会展中心); a verb ends the run */
            if ((fl & ZSW_STOP) && !(fl & ZSW_VNOUN))
                return 0;
            chars += (int)nchars(p + i, wl) - 1;
            i += wl;
            continue;
        }
        if (zsi_words_find(g->words, p + i, (size_t)o - i, NULL) & ZSW_STOP ||
            zsi_words_has(g->words, p + i, (size_t)o - i, ZSW_VERB1))
            return 0;
        i = (size_t)o;
    }
    return 0;
}

/*
 * Does the nickname that ends at byte e of p name a town, a subdistrict or
 * a district (张江镇, 中关村街道, 广州南沙区)? The zone took its name from the
 * place, and the place's own government (张江镇与村民座谈) is no zone's, as
 * an administrative unit is none (tests/quality/README.md); but 区域 is the
 * zone's area (前海区域内).
 */
static int unit_after(const char *p, size_t n, size_t e)
{
    static const char *const UNIT[] = {"镇", "乡", "街道", "区"};
    for (size_t k = 0; k < sizeof UNIT / sizeof *UNIT; k++) {
        size_t un = strlen(UNIT[k]);
        if (un <= n - e && memcmp(p + e, UNIT[k], un) == 0)
            return !(n - e - un >= 3 && memcmp(p + e + un, "\xE5\x9F\x9F", 3) == 0); /* 域 */
    }
    return 0;
}

/* The index of the zone suffix that starts at byte i of p, or -1. */
static long suffix_at(const zsi_gazetteer *g, const char *p, size_t n, size_t i)
{
    int32_t k = (int32_t)i;
    UChar32 c;
    if (i >= n)
        return -1;
    U8_NEXT(p, k, (int32_t)n, c);
    if (c < 0 || !(c >= 0x10000 || (g->suf_head[c / 64] >> (c % 64) & 1)))
        return -1;
    size_t b = (size_t)c % NBUCKETS;
    for (size_t j = 0; j < g->nsbucket[b]; j++) {
        const suffix *sf = &g->suf[g->sbucket[b][j]];
        if (sf->n <= n - i && memcmp(p + i, sf->s, sf->n) == 0)
            return (long)g->sbucket[b][j];
    }
    return -1;
}

/* Byte length of an opening (open) or closing quotation mark that ends
 * (open) or starts (!open) at byte i of p, or 0. */
static size_t quote_at(const char *p, size_t n, size_t i, int open)
{
    static const char *const OPEN[] = {"\xE2\x80\x9C", "\xE3\x80\x8C", "\xE2\x80\x98", "\""};
    static const char *const CLOSE[] = {"\xE2\x80\x9D", "\xE3\x80\x8D", "\xE2\x80\x99", "\""};
    const char *const *q = open ? OPEN : CLOSE;
    for (size_t k = 0; k < 4; k++) {
        size_t qn = strlen(q[k]);
        if (open ? (i >= qn && memcmp(p + i - qn, q[k], qn) == 0)
                 : (qn <= n - i && memcmp(p + i, q[k], qn) == 0))
            return qn;
    }
    return 0;
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

/* Does a suffix that ends at byte e of p end a name there? Not when its last
 * character begins a word ([across]: 新城市, 生态城镇, 新城区) nor when what
 * follows makes the name another thing's ([after]: a shop 新区店, a housing
 * estate 生态城社区). */
static int suffix_ends(const zsi_gazetteer *g, const char *p, size_t n, size_t e)
{
    int32_t k = (int32_t)e;
    UChar32 c;
    if (e >= n)
        return 1;
    U8_PREV(p, 0, k, c);
    for (size_t w = 0; w < g->across.n; w++)
        if (g->across.v[w].n <= n - (size_t)k &&
            memcmp(p + k, g->across.v[w].s, g->across.v[w].n) == 0)
            return 0;
    for (size_t w = 0; w < g->after.n; w++)
        if (g->after.v[w].n <= n - e && memcmp(p + e, g->after.v[w].s, g->after.v[w].n) == 0)
            return 0;
    return 1;
}

/* Is the suffix a park's (产业园, 工业园区, 科技园: it ends in 园 or 园区)? */
static int park_suffix(const suffix *x)
{
    return has_suffix(x->s, x->n, "\xE5\x9B\xAD", 3) ||           /* 园 */
           has_suffix(x->s, x->n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6); /* 园区 */
}

/* Does the zone name z end as a park's (园, 园区)? */
static int ends_park(const char *z)
{
    size_t n = strlen(z);
    return has_suffix(z, n, "\xE5\x9B\xAD", 3) ||           /* 园 */
           has_suffix(z, n, "\xE5\x9B\xAD\xE5\x8C\xBA", 6); /* 园区 */
}

/* Is the suffix a development zone's that holds parks (高新区, 经开区, 新区)? */
static int holds_parks(const suffix *x)
{
    const char *c = x->canon;
    size_t n = x->ncanon;
    return has_suffix(c, n, "\xE9\xAB\x98\xE6\x96\xB0\xE5\x8C\xBA", 9) || /* 高新区 */
           has_suffix(c, n, "\xE7\xBB\x8F\xE5\xBC\x80\xE5\x8C\xBA", 9) || /* 经开区 */
           has_suffix(c, n, "\xE6\x96\xB0\xE5\x8C\xBA", 6);                 /* 新区 */
}

/* Is the suffix one of the parks institutions build (科技园, 产业园, and
 * with 区)? */
static int institution_park(const suffix *x)
{
    return has_suffix(x->s, x->n, "\xE7\xA7\x91\xE6\x8A\x80\xE5\x9B\xAD", 9) ||  /* 科技园 */
           has_suffix(x->s, x->n, "\xE4\xBA\xA7\xE4\xB8\x9A\xE5\x9B\xAD", 9) ||  /* 产业园 */
           has_suffix(x->s, x->n, "\xE7\xA7\x91\xE6\x8A\x80\xE5\x9B\xAD\xE5\x8C\xBA", 12) ||
           has_suffix(x->s, x->n, "\xE4\xBA\xA7\xE4\xB8\x9A\xE5\x9B\xAD\xE5\x8C\xBA", 12);
}

/*
 * The State Council's style, 中国 and a place in brackets right before a
 * kind (中国（浙江）自贸试验区), names that place's zone of the kind; the
 * words before a suffix otherwise lose a bracketed aside (和平（荷江）经开区),
 * and with it the place. Only a zone the lists know: [*ps, *pe) is 中国 and
 * the brackets. @return 1 or 0.
 */
static int state_style(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, long si,
                       size_t *ps, size_t *pe)
{
    static const char ZG[] = "\xE4\xB8\xAD\xE5\x9B\xBD"; /* 中国 */
    char raw[MAX_NAME_BYTES];
    size_t e = zsi_pk_drop_aside(p + floor, i - floor) + floor, rn;
    if (e == i || e < floor + 6 || memcmp(p + e - 6, ZG, 6) != 0)
        return 0;
    rn = i - (e - 6);
    if (rn + g->suf[si].n >= sizeof raw)
        return 0;
    memcpy(raw, p + e - 6, rn);
    memcpy(raw + rn, g->suf[si].s, g->suf[si].n);
    if (resolve(g, raw, rn + g->suf[si].n) == (size_t)-1)
        return 0;
    *ps = e - 6;
    *pe = i;
    return 1;
}

/* May an alias (heads = alias_head) or suffix (suf_head) start with c?
 * Outside the BMP: maybe. */
static int may_head(const uint64_t *heads, UChar32 c)
{
    return c >= 0x10000 || (heads[c / 64] >> (c % 64) & 1);
}

/* Is s[0..n) a province's or a city's name? */
static int province_or_city(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t row;
    if (!(zsi_words_find(g->words, s, n, &row) & ZSW_PLACE))
        return 0;
    int level = zsi_words_place(g->words, row, NULL, NULL);
    return level == ZSW_PROVINCE || level == ZSW_CITY;
}

/* Length of a list separator (、和与及) that ends at byte e of p, or 0. */
static size_t list_sep(const char *p, size_t floor, size_t e)
{
    static const char *const SEP[] = {"\xE3\x80\x81", "\xE5\x92\x8C", "\xE4\xB8\x8E",
                                      "\xE5\x8F\x8A"}; /* 、和与及 */
    for (size_t k = 0; k < sizeof SEP / sizeof *SEP; k++)
        if (e >= floor + 3 && memcmp(p + e - 3, SEP[k], 3) == 0)
            return 3;
    return 0;
}

/* Push the zone that the place p[ps, pe) and the shared tail t[0, tn) (a
 * suffix, or a hub's word and a suffix) name, by its canonical name when
 * the gazetteer has it. @return 0 or ZS_ENOMEM. */
static int push_place_zone(const zsi_gazetteer *g, const char *p, mentions *m, size_t ps, size_t pe,
                           const char *t, size_t tn)
{
    char raw[MAX_NAME_BYTES * 2], buf[MAX_NAME_BYTES * 2];
    size_t rn = pe - ps + tn, fn, c;
    char *name;
    if (rn >= sizeof raw)
        return 0;
    memcpy(raw, p + ps, pe - ps);
    memcpy(raw + pe - ps, t, tn);
    if ((c = resolve(g, raw, rn)) != (size_t)-1)
        name = dupn(g->names.v[c].s, g->names.v[c].n);
    else {
        if (!(fn = fold(g, raw, rn, buf, sizeof buf))) {
            memcpy(buf, raw, rn);
            buf[fn = rn] = '\0';
        }
        fn = zsi_pk_tidy(g, buf, fn);
        c = resolve(g, buf, fn);
        name = c != (size_t)-1 ? dupn(g->names.v[c].s, g->names.v[c].n) : dupn(buf, fn);
    }
    return push(m, ps, pe, name);
}

/* Is s[0..n) the word of a transport hub a city's zone is named by (临空,
 * 空港, 临港, 高铁, 航空: 深圳临空经济区, 郑州航空港经济区)? Each city has
 * its own airport, port or station, so a zone of that word is the city's. */
int zsi_pk_hub_word(const char *s, size_t n)
{
    static const char *const HUB[] = {"临空", "空港", "临港", "高铁", "航空"};
    for (size_t k = 0; k < sizeof HUB / sizeof *HUB; k++)
        if (n == strlen(HUB[k]) && memcmp(s, HUB[k], n) == 0)
            return 1;
    return 0;
}

/*
 * The zone [start, end) of p is a province's or a city's name and a strong
 * suffix (四川自贸试验区, 西安高新区), or a city's name, a hub's word and any
 * suffix (深圳临空经济区); the places listed right before it, separated by
 * 、和与及 (浙江、湖北、; 广州、), each name a zone of the same kind: push
 * them (广州、深圳临空经济区 names 广州's too). The list must begin after no
 * Han character or after a stop word (支持浙江、湖北、四川自贸试验区: a
 * verb, a preposition), so a place that ends a longer phrase is not taken.
 * A weak suffix right after the place is not shared: 南京和苏州工业园区
 * names 苏州's park only. @return 0 or ZS_ENOMEM.
 */
static int push_peers(const zsi_gazetteer *g, const char *p, mentions *m, size_t start, size_t end)
{
    enum { MAX_PEERS = 8 };
    size_t ps[MAX_PEERS], pe[MAX_PEERS], np = 0, e = start, sep;
    long si = zsi_pk_ending_suffix(g, p + start, end - start);
    if (si < 0)
        return 0;
    size_t tail = g->suf[si].n; /* what the places share: the suffix, or a hub and it */
    if (g->suf[si].weak || !province_or_city(g, p + start, end - start - tail)) {
        if (end - start < tail + 6 + 6 || !zsi_pk_hub_word(p + end - tail - 6, 6) ||
            !province_or_city(g, p + start, end - start - tail - 6))
            return 0;
        tail += 6;
    }
    while (np < MAX_PEERS && (sep = list_sep(p, 0, e)) != 0) {
        size_t b = (size_t)-1;
        for (size_t L = 4 * 3; L >= 2 * 3; L -= 3)
            if (e - sep >= L && province_or_city(g, p + e - sep - L, L)) {
                b = e - sep - L;
                break;
            }
        if (b == (size_t)-1)
            return 0;
        ps[np] = b;
        pe[np++] = e - sep;
        e = b;
    }
    if (!np)
        return 0;
    /* where the list starts: after no Han character or a [trim] word */
    if (e > 0 && !list_sep(p, 0, e)) {
        int32_t k = (int32_t)e;
        UChar32 c;
        U8_PREV(p, 0, k, c);
        int ok = !is_han(c);
        for (size_t L = 3; !ok && L <= 4 * 3 && L <= e; L += 3)
            ok = (zsi_words_find(g->words, p + e - L, L, NULL) & (ZSW_STOP | ZSW_TRIM)) != 0;
        if (!ok)
            return 0;
    }
    for (size_t k = 0; k < np; k++) {
        int rc = push_place_zone(g, p, m, ps[k], pe[k], p + end - tail, tail);
        if (rc)
            return rc;
    }
    return 0;
}

/* Most kinds listed after one zone's name (高新区、经开区、综保区). */
#define MAX_KIN 4

/*
 * The zone [start, end) of p is a place's name and a strong suffix (苏州高新区,
 * 江苏昆山经开区); the strong suffixes of other kinds listed right after it,
 * each after 、和与及 (苏州高新区、经开区和综保区), name that place's zones of
 * those kinds: push them. The place is the last place word of the name (昆山
 * of 江苏昆山), and only a name that is places alone shares it: 武汉东湖高新区、
 * 经开区 may be the city's 经开区 or another, so it is left alone. A kind
 * that a place has several of (新区, 开发区, 园区) is weak and never shared.
 * @return 0 or ZS_ENOMEM.
 */
static int push_kin(const zsi_gazetteer *g, const char *p, size_t n, mentions *m, size_t start,
                    size_t end)
{
    long si = zsi_pk_ending_suffix(g, p + start, end - start);
    if (si < 0 || g->suf[si].weak)
        return 0;
    size_t pe = end - g->suf[si].n, ps = (size_t)-1;
    /* the last place word, and only places before it */
    for (size_t b = start; b < pe && ps == (size_t)-1;) {
        size_t L = 0;
        for (size_t l = (pe - b < 6 * 3 ? pe - b : 6 * 3); l >= 2 * 3 && !L; l -= 3)
            if (zsi_words_find(g->words, p + b, l, NULL) & ZSW_PLACE)
                L = l;
        if (!L)
            return 0;
        if (b + L == pe)
            ps = b;
        b += L;
    }
    if (ps == (size_t)-1)
        return 0;
    /* the places before it hold it (江苏昆山: 昆山 is in 江苏), else the name
     * is more than a place (武汉东湖: 东湖 is Nanchang's district) */
    if (ps > start) {
        size_t row;
        const char *city = "", *prov = "";
        if (!(zsi_words_find(g->words, p + ps, pe - ps, &row) & ZSW_PLACE))
            return 0;
        zsi_words_place(g->words, row, &city, &prov);
        size_t ln = ps - start;
        if (!((strlen(city) >= ln && memcmp(city, p + start, ln) == 0) ||
              (strlen(prov) >= ln && memcmp(prov, p + start, ln) == 0)))
            return 0;
    }
    size_t e = end;
    for (int k = 0; k < MAX_KIN && e + 3 <= n && list_sep(p, 0, e + 3); k++) {
        long s2 = suffix_at(g, p, n, e + 3);
        if (s2 < 0 || g->suf[s2].weak || !suffix_ends(g, p, n, e + 3 + g->suf[s2].n) ||
            (g->suf[s2].ncanon == g->suf[si].ncanon &&
             memcmp(g->suf[s2].canon, g->suf[si].canon, g->suf[si].ncanon) == 0))
            break;
        size_t s = e + 3, t = s + g->suf[s2].n;
        for (size_t j = 0; j < m->n; j++)
            if (m->v[j].start < t && s < m->v[j].end)
                return 0; /* read as part of another name */
        int rc = push_place_zone(g, p, m, ps, pe, p + s, t - s);
        if (rc)
            return rc;
        /* the zone's place is the name's, its span the kind's */
        m->v[m->n - 1].start = s;
        m->v[m->n - 1].end = t;
        e = t;
    }
    return 0;
}

/* Does a list of places that starts at byte e of p start a phrase there:
 * after no Han character or after a [trim] or stop word? */
static int list_starts(const zsi_gazetteer *g, const char *p, size_t floor, size_t e)
{
    if (e <= floor)
        return 1;
    int32_t k = (int32_t)e;
    UChar32 c;
    U8_PREV(p, (int32_t)floor, k, c);
    if (!is_han(c))
        return 1;
    for (size_t L = 3; L <= 4 * 3 && L <= e - floor; L += 3)
        if (zsi_words_find(g->words, p + e - L, L, NULL) & (ZSW_STOP | ZSW_TRIM))
            return 1;
    return 0;
}

/* A province's or city's name of two to four characters that ends at byte e
 * of p (not before floor): its start, or (size_t)-1. */
static size_t place_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t e)
{
    for (size_t L = 4 * 3; L >= 2 * 3; L -= 3)
        if (e >= floor + L && province_or_city(g, p + e - L, L))
            return e - L;
    return (size_t)-1;
}

/*
 * A strong suffix at byte i of p after a count (两个, 三大, 3个, and 国家级 or 省级)
 * that follows as many places, listed with 、和与及: 苏州、无锡两个高新区
 * names each place's zone of that kind. The count must equal the places
 * listed, and the list start as push_peers() asks; else it is a generic
 * mention (全省两个高新区, 这两个开发区). @return 0 or ZS_ENOMEM.
 */
static int push_counted(const zsi_gazetteer *g, const char *p, mentions *m, size_t floor, size_t i,
                        long si)
{
    enum { MAX_COUNTED = 6 };
    static const char *const LEVEL[] = {"\xE5\x9B\xBD\xE5\xAE\xB6\xE7\xBA\xA7", /* 国家级 */
                                        "\xE7\x9C\x81\xE7\xBA\xA7"};                /* 省级 */
    static const char *const NUM[] = {"\xE4\xB8\xA4", "\xE4\xB8\x89", "\xE5\x9B\x9B",
                                      "\xE4\xBA\x94", "\xE5\x85\xAD"}; /* 两三四五六 */
    size_t ps[MAX_COUNTED], pe[MAX_COUNTED], np = 0, e = i, want = 0, b, sep;
    if (g->suf[si].weak)
        return 0;
    for (size_t k = 0; k < sizeof LEVEL / sizeof *LEVEL; k++) {
        size_t L = strlen(LEVEL[k]);
        if (e >= floor + L && memcmp(p + e - L, LEVEL[k], L) == 0) {
            e -= L;
            break;
        }
    }
    /* 个 or 大 after the numeral */
    if (e < floor + 6 || (memcmp(p + e - 3, "\xE4\xB8\xAA", 3) != 0 &&
                          memcmp(p + e - 3, "\xE5\xA4\xA7", 3) != 0))
        return 0;
    e -= 3;
    size_t nb = 3; /* the numeral's bytes */
    for (size_t k = 0; k < sizeof NUM / sizeof *NUM && !want; k++)
        if (memcmp(p + e - 3, NUM[k], 3) == 0)
            want = k + 2;
    /* or a digit alone, as statistics print counts (重庆、四川、陕西3个自贸
     * 试验区), ASCII or full width */
    if (!want && p[e - 1] >= '2' && p[e - 1] < '2' + MAX_COUNTED - 1 &&
        !(e >= floor + 2 && p[e - 2] >= '0' && p[e - 2] <= '9')) {
        want = (size_t)(p[e - 1] - '0');
        nb = 1;
    }
    if (!want && memcmp(p + e - 3, "\xEF\xBC", 2) == 0 && (unsigned char)p[e - 1] >= 0x92 &&
        (unsigned char)p[e - 1] < 0x92 + MAX_COUNTED - 1 &&
        !(e >= floor + 6 && memcmp(p + e - 6, "\xEF\xBC", 2) == 0 &&
          (unsigned char)p[e - 4] >= 0x90 && (unsigned char)p[e - 4] <= 0x99)) { /* ２ to ６ */
        want = (size_t)((unsigned char)p[e - 1] - 0x90);
        nb = 3;
    }
    if (!want)
        return 0;
    e -= nb;
    if ((b = place_before(g, p, floor, e)) == (size_t)-1)
        return 0;
    ps[np] = b;
    pe[np++] = e;
    e = b;
    while (np < want && (sep = list_sep(p, floor, e)) != 0) {
        if ((b = place_before(g, p, floor, e - sep)) == (size_t)-1)
            return 0;
        ps[np] = b;
        pe[np++] = e - sep;
        e = b;
    }
    if (np != want || (e > floor && list_sep(p, floor, e)) || !list_starts(g, p, floor, e))
        return 0;
    for (size_t k = 0; k < np; k++) {
        int rc = push_place_zone(g, p, m, ps[k], pe[k], g->suf[si].s, g->suf[si].n);
        if (rc)
            return rc;
    }
    return 0;
}

/* Does s[0..n) start with division name d, whole or less its last
 * character (辽宁省 or 辽宁, 沈阳市 or 沈阳)? Its length in bytes, or 0. */
static size_t division_at(const char *s, size_t n, const char *d)
{
    size_t dn = strlen(d);
    if (dn >= 9 && dn <= n && memcmp(s, d, dn) == 0)
        return dn;
    if (dn >= 9 && dn - 3 <= n && memcmp(s, d, dn - 3) == 0)
        return dn - 3;
    return 0;
}

/* Is s[0..n) nothing but a division's own province and city, in that order,
 * each whole or short (辽宁沈阳, 辽宁省, 沈阳市; empty too)? */
static int own_places(const char *s, size_t n, const char *prov, const char *city)
{
    size_t k = division_at(s, n, prov);
    if (k < n)
        k += division_at(s + k, n - k, city);
    return k == n;
}

/* Every zone mention in p, sorted by position (duplicates kept). */
/* Is the name s[0..n) a pattern built a county-level division of the
 * GB/T 2260 data, alone or after its own city or province (沈北新区,
 * 沈阳沈北新区, 清新区: districts, not zones)? A district that is also a zone
 * (浦东新区, 滨海新区) is in the gazetteer, read first; after another city
 * the name is that city's zone (南通滨海新区). */
static int district(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t off = 0; off + 9 <= n; off += (size_t)U8_LENGTH(first_cp(s + off, n - off))) {
        size_t row;
        const char *city = "", *prov = "";
        if (!(zsi_words_find(g->words, s + off, n - off, &row) & ZSW_PLACE) ||
            zsi_words_place(g->words, row, &city, &prov) != ZSW_COUNTY)
            continue;
        return own_places(s, off, prov, city);
    }
    return 0;
}

/* Is s[0..n) a place's name alone (parks.tsv's @: 前海)? */
static int place_alias(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t a = zsi_pk_find_alias(g, s, n);
    return a != (size_t)-1 && g->al[a].weak == ZSI_NICK_PLACE;
}

int zsi_pk_nick_names(const zsi_gazetteer *g, const char *p, size_t n, const char *canon)
{
    size_t c = zsi_pk_find_name(g, canon, strlen(canon));
    if (c == (size_t)-1)
        return 0;
    for (size_t j = g->aoff[c]; j < g->aoff[c + 1]; j++) {
        const char *s = g->alist[j];
        size_t sn = strlen(s);
        for (const char *h = memmem(p, n, s, sn); h; h = memmem(h + 1, n - (size_t)(h + 1 - p), s, sn)) {
            size_t i = (size_t)(h - p), e = i + sn;
            if (nchars(s, sn) > 4 || zsi_pk_ending_suffix(g, s, sn) >= 0)
                break; /* a full name: find_mentions() reads it in any passage */
            /* a name's start (中关村软件园, “中关村”科技园) is the patterns' */
            if (!nick_starts_word(g, p, i) || !suffix_ends(g, p, n, e) || brand_after(g, p, n, e) ||
                thing_after(g, p, n, e) || unit_after(p, n, e) ||
                (place_alias(g, s, sn) && org_before(g, p, 0, i)) ||
                suffix_at(g, p, n, e) >= 0 || suffix_at(g, p, n, e + quote_at(p, n, e, 0)) >= 0)
                continue;
            return 1;
        }
    }
    return 0;
}

/* Where the two passes of find_mentions() may act: the characters that may
 * head an alias (pass 1) or a suffix (pass 2), found in one walk. Each pass
 * visited every character of every passage to ask may_head() (two decodes a
 * character, 6.5% of `zhaoshu index`, callgrind); between heads it does
 * nothing, so it may jump from head to head. Jumping stays exact only in
 * well-formed text, where every byte that is not a trail byte starts a
 * character: text with an ill-formed sequence, a position inside a
 * character, or more heads than a list holds make a pass step character by
 * character as before. */
#define MAX_HEADS 1024
typedef struct heads {
    uint32_t v[MAX_HEADS]; /* where each head starts */
    UChar32 c[MAX_HEADS];  /* its character */
    size_t n, at;
    int slow; /* visit every character */
} heads;

/* Adds character c at byte i to h; a list already full falls back to the
 * character-by-character walk. */
static void heads_push(heads *h, UChar32 c, size_t i)
{
    if (h->n == MAX_HEADS) {
        h->slow = 1;
        return;
    }
    h->c[h->n] = c;
    h->v[h->n++] = (uint32_t)i;
}

static void heads_find(const zsi_gazetteer *g, const char *p, size_t n, heads *h1, heads *h2)
{
    h1->n = h1->at = h2->n = h2->at = 0;
    h1->slow = h2->slow = n > INT32_MAX;
    for (size_t i = 0; i < n && !(h1->slow && h2->slow);) {
        const unsigned char *u = (const unsigned char *)p + i;
        UChar32 c;
        size_t l;
        /* zsu_u8_next() by hand for ASCII and three-byte characters, with
         * the position in a local */
        if (u[0] < 0x80) {
            c = u[0];
            l = 1;
        } else if ((u[0] & 0xF0) == 0xE0 && n - i >= 3 && (c = (UChar32)zsu_utf8_three(u)) != 0) {
            l = 3;
        } else {
            int32_t k = (int32_t)i;
            c = zsu_u8_next(p, &k, (int32_t)n);
            if (c < 0) {
                h1->slow = h2->slow = 1;
                break;
            }
            l = (size_t)k - i;
        }
        if (may_head(g->alias_head, c))
            heads_push(h1, c, i);
        if (may_head(g->suf_head, c))
            heads_push(h2, c, i);
        i += l;
    }
}

/* The next position at or after i where a pass may act: the next head, or
 * i itself when the pass steps character by character. */
static size_t heads_next(heads *h, const char *p, size_t n, size_t i)
{
    if (h->slow || (i < n && ((unsigned char)p[i] & 0xC0) == 0x80))
        return i;
    while (h->at > 0 && h->v[h->at - 1] >= i)
        h->at--;
    while (h->at < h->n && h->v[h->at] < i)
        h->at++;
    return h->at < h->n ? h->v[h->at] : n;
}

/* The character at i (a position heads_next() returned) and *k after it,
 * from the walk when i is a head: 1; else 0, and the pass decodes it. */
static int heads_char(const heads *h, size_t i, UChar32 *c, int32_t *k)
{
    if (h->slow || h->at >= h->n || h->v[h->at] != i)
        return 0;
    *c = h->c[h->at];
    *k = (int32_t)i + U8_LENGTH(*c);
    return 1;
}

/* The next position at or after i where pass 2 may act: a suffix's head,
 * or the first character of the next span of pass 1 (entering it moves the
 * floor), whichever comes first. */
static size_t pass2_next(heads *h, const char *p, size_t n, size_t i, const mentions *m, size_t cur,
                         size_t npass1)
{
    size_t nx = heads_next(h, p, n, i);
    if (nx == i)
        return i;
    while (cur < npass1 && m->v[cur].end <= i)
        cur++;
    if (cur < npass1) {
        size_t s = m->v[cur].start > i ? m->v[cur].start : i;
        while (s < n && ((unsigned char)p[s] & 0xC0) == 0x80)
            s++; /* the first character at or after the span's start */
        if (s < nx)
            nx = s;
    }
    return nx;
}

static int find_mentions(const zsi_gazetteer *g, const char *p, size_t n, mentions *m)
{
    int rc;
    size_t floor = 0;
    int zones = -1; /* speaks_of_zones(), computed when a weak alias turns up */
    /* Spans of places' names alone that begin a longer zone name (前海 in
     * 前海湾保税港区): pass 2 starts that name no later than the place. */
    size_t lead_s[MAX_LEADING_PLACES], lead_e[MAX_LEADING_PLACES], nlead = 0;
    heads h1, h2;

    heads_find(g, p, n, &h1, &h2);
    /* Pass 1: gazetteer aliases, longest at each position. */
    for (size_t i = heads_next(&h1, p, n, 0); i < n; i = heads_next(&h1, p, n, i)) {
        int32_t k = (int32_t)i;
        UChar32 c;
        if (!heads_char(&h1, i, &c, &k))
            c = zsu_u8_next(p, &k, (int32_t)n);
        if (c >= 0 && may_head(g->alias_head, c)) {
            size_t b = (size_t)c % NBUCKETS, hit = (size_t)-1, nb = g->nbucket[b];
            if (nb && !g->onecp[b]) {
                int32_t k2 = k;
                UChar32 c2 = -1;
                if (k2 < (int32_t)n)
                    c2 = zsu_u8_next(p, &k2, (int32_t)n);
                size_t pb = c2 < 0 ? 0 : pair_bit(c, c2);
                if (c2 < 0 || !(g->pairs[pb / 64] & (UINT64_C(1) << (pb % 64))))
                    nb = 0;
            }
            for (size_t j = 0; j < nb; j++) {
                const alias *a = &g->al[g->bucket[b][j]];
                /* the last byte first: most aliases of a bucket differ there,
                 * and a call to memcmp() per alias tried was 1% of an index run */
                if (a->n <= n - i && (a->n == 0 || p[i + a->n - 1] == a->s[a->n - 1]) &&
                    memcmp(p + i, a->s, a->n) == 0) {
                    hit = g->bucket[b][j];
                    break;
                }
            }
            /* A nickname (光谷 "light valley", 泰达) is a zone only in a text
             * about zones: classical poetry has 光谷 too. */
            /* A listed name may start a shop's (浦东新区店) as a pattern's may. */
            if (hit != (size_t)-1 && !suffix_ends(g, p, n, i + g->al[hit].n))
                hit = (size_t)-1;
            if (hit != (size_t)-1 && g->al[hit].weak) {
                if (zones < 0)
                    zones = speaks_of_zones(g, p, n);
                if ((!zones &&
                     !own_place_leads(g, p, m->n ? m->v[m->n - 1].end : 0, i, &g->al[hit])) ||
                    !nick_starts_word(g, p, i) || brand_after(g, p, n, i + g->al[hit].n) ||
                    thing_after(g, p, n, i + g->al[hit].n) || unit_after(p, n, i + g->al[hit].n))
                    hit = (size_t)-1;
            }
            if (hit != (size_t)-1 && g->al[hit].weak == ZSI_NICK_PLACE &&
                org_before(g, p, m->n ? m->v[m->n - 1].end : 0, i))
                hit = (size_t)-1;
            if (hit != (size_t)-1 && g->al[hit].weak == ZSI_NICK_PLACE &&
                place_begins_zone(g, p, n, i + g->al[hit].n)) {
                if (nlead < MAX_LEADING_PLACES) {
                    lead_s[nlead] = i;
                    lead_e[nlead++] = i + g->al[hit].n;
                }
                hit = (size_t)-1;
            }
            /* A nickname in quotes before a zone kind is a figure: “中关村”
             * 科技园 is a park meant to be like 中关村, not 中关村. */
            if (hit != (size_t)-1 && g->al[hit].weak && quote_at(p, n, i, 1)) {
                size_t e = i + g->al[hit].n, qn = quote_at(p, n, e, 0);
                if (qn && suffix_at(g, p, n, e + qn) >= 0)
                    hit = (size_t)-1;
            }
            if (hit != (size_t)-1 &&
                other_city_before(g, p, m->n ? m->v[m->n - 1].end : 0, i, g->al[hit].canon))
                hit = (size_t)-1;
            /* Only a park's or a town's name (园, 园区, 城) is joined: a 自贸区
             * or 示范区 after a dash is an agreement or a policy of two
             * parties (中国—东盟自贸区, 澳门—珠海跨境金融合作示范区). */
            size_t ds = hit != (size_t)-1 && (g->al[hit].weak || parkish(g->al[hit].s, g->al[hit].n))
                            ? dash_start(g, p, m->n ? m->v[m->n - 1].end : 0, i)
                            : i;
            /* A nickname after the dash is the start of a name the
             * patterns read whole (天津滨海—中关村科技园). */
            if (ds < i && g->al[hit].weak) {
                hit = (size_t)-1;
                ds = i;
            }
            if (ds < i) {
                /* the joined name as printed, none of the alias's zone */
                if ((rc = push(m, ds, i + g->al[hit].n, dash_name(p + ds, i + g->al[hit].n - ds))) != 0)
                    return rc;
                i += g->al[hit].n;
                continue;
            }
            if (hit != (size_t)-1) {
                const alias *a = &g->al[hit];
                const str *nm = &g->names.v[a->canon];
                size_t se = a->weak == 1 ? 0 : subarea_end(g, p, n, i + a->n);
                if (se) {
                    /* the zone and its part, both over the whole name */
                    size_t e = i + a->n;
                    if ((rc = push(m, i, se, dupn(nm->s, nm->n))) != 0 ||
                        (rc = push(m, i, se, subarea_name(g, a->canon, p + i, a->n, p + e, se - e))) != 0)
                        return rc;
                    i = se;
                    continue;
                }
                if ((rc = push_parent(g, m, i, i + a->n, nm->s, nm->n, p + i, a->n)) != 0 ||
                    (rc = push(m, i, i + a->n, dupn(nm->s, nm->n))) != 0)
                    return rc;
                m->v[m->n - 1].nick = a->weak;
                i += a->n;
                continue;
            }
        }
        i = (size_t)k;
    }
    /* Pass 2: suffix patterns outside the spans of pass 1. */
    /* Pass 1's spans are in text order and disjoint: one cursor walks them. */
    size_t npass1 = m->n, cur = 0;
    long floor_zone = -1; /* the mention that ends at floor, if any */
    for (size_t i = 0; i < n; i = pass2_next(&h2, p, n, i, m, cur, npass1)) {
        while (cur < npass1 && m->v[cur].end <= i)
            cur++;
        if (cur < npass1 && i >= m->v[cur].start) {
            i = floor = m->v[cur].end;
            floor_zone = (long)cur;
            continue;
        }
        long si = -1;
        int32_t k = (int32_t)i;
        UChar32 first;
        if (!heads_char(&h2, i, &first, &k))
            first = zsu_u8_next(p, &k, (int32_t)n);
        if (first >= 0 && may_head(g->suf_head, first)) {
            /* the bucket holds every suffix that starts with first, in suf's order */
            size_t b = (size_t)first % NBUCKETS;
            for (size_t j = 0; j < g->nsbucket[b]; j++) {
                const suffix *sf = &g->suf[g->sbucket[b][j]];
                if (sf->n <= n - i && (sf->n == 0 || p[i + sf->n - 1] == sf->s[sf->n - 1]) &&
                    memcmp(p + i, sf->s, sf->n) == 0) {
                    si = (long)g->sbucket[b][j];
                    break;
                }
            }
        }
        if (si >= 0 && !suffix_ends(g, p, n, i + g->suf[si].n))
            si = -1;
        if (si >= 0) {
            size_t ps = i, pe = i, end = i + g->suf[si].n;
            int at_floor = 0, named;
            int fz = floor_zone >= 0 && m->v[floor_zone].end == floor;
            /* Two places joined by a dash and a name (中国—白俄罗斯工业园). */
            size_t run = i, ds;
            while (run > floor) {
                int32_t k2 = (int32_t)run;
                UChar32 c2;
                U8_PREV(p, (int32_t)floor, k2, c2);
                if (!is_han(c2))
                    break;
                run = (size_t)k2;
            }
            size_t rc2 = nchars(p + run, i - run);
            if (rc2 >= 2 && rc2 <= MAX_INNER_CHARS && parkish(g->suf[si].s, g->suf[si].n) &&
                (ds = dash_start(g, p, floor, run)) < run) {
                if ((rc = push(m, ds, end, dash_name(p + ds, end - ds))) != 0)
                    return rc;
                floor_zone = (long)m->n - 1;
                i = floor = end;
                continue;
            }
            /* A park two places build, led by their short forms (粤澳合作
             * 产业园, 港深创新及科技园): the pair starts the name, whatever
             * trade words follow it. */
            named = g->suf[si].weak == 1 && park_suffix(&g->suf[si]) &&
                    zsi_pk_pair_edge(g, p, floor, i, &ps, &pe);
            /* A zone abroad is named by places abroad (埃及苏伊士经贸合作区):
             * the words before it, whatever places they are. */
            if (g->suf[si].weak == ZSI_SUF_ABROAD) {
                named = zsi_pk_abroad_edge(g, p, floor, i, &ps, &pe);
                if (!named) {
                    floor_zone = -1;
                    i = floor = end;
                    continue;
                }
            }
            if (!named)
                named = state_style(g, p, floor, i, si, &ps, &pe);
            if (!named)
                named = zsi_pk_name_edge(g, p, floor, fz, i, g->suf[si].weak,
                                         park_suffix(&g->suf[si]), &ps, &pe, &at_floor);
            /* A park (园, 园区) a company builds, named by the company; after
             * a zone's name only when words stand between them (高新区签约森阳
             * 集成电路产业园): a name right after it is the zone's part. */
            if (!named && g->suf[si].weak == 1 && park_suffix(&g->suf[si]))
                named = zsi_pk_company_edge(g, p, floor, i, &ps, &pe) && !(fz && ps == floor);
            /* A park (科技园, 产业园) an institution builds, named by it
             * (中科院计算所龙芯产业园). */
            if (!named && !fz && g->suf[si].weak == 1 && institution_park(&g->suf[si]))
                named = zsi_pk_institution_edge(g, p, floor, i, &ps, &pe);
            /* Two trades joined after a place (水城区铝及铝加工产业园). */
            if (!named && !fz && g->suf[si].weak == 1 && park_suffix(&g->suf[si]))
                named = zsi_pk_joint_edge(g, p, floor, i, &ps, &pe);
            /* The words are cut from the suffix leftwards, so a place's name
             * alone that begins the zone's name may lose its first
             * characters to a word that ends inside it (前海湾: 海湾, then
             * 前 a stop): the name starts at the place. */
            for (size_t q = 0; named && q < nlead; q++)
                if (lead_s[q] >= floor && lead_s[q] < ps && ps < lead_e[q])
                    ps = lead_s[q];
            /* Right after a zone's name, a name of its own is a zone inside
             * it (重庆两江新区鱼复工业园区): both are named. */
            int nick = fz && m->v[floor_zone].nick;
            int nested =
                fz && (at_floor || (!named && i == floor)) && (named || !g->suf[si].weak || nick);
            /* A park (园, 园区) holds no development zone (高新区, 经开区,
             * 新区), which hold parks: one right after a park's name
             * (…人力资源服务产业园高新区分园区) is the larger zone the park's
             * branch lies in, none inside it. */
            if (nested && holds_parks(&g->suf[si]) && ends_park(m->v[floor_zone].name))
                nested = 0;
            /* Words of their own between a zone's name and a weak suffix,
             * none of which a name never holds, name a park inside it
             * (两江新区水土工业园, 六盘水高新区先进装备制造产业园). */
            size_t inner = fz && !named && g->suf[si].weak ? nchars(p + floor, i - floor) : 0;
            if (inner >= 2 && inner <= MAX_INNER_CHARS && zsi_pk_inner_words(g, p, floor, i))
                nested = 1;
            else
                inner = 0;
            if (nested && !named)
                ps = pe = floor;
            if (inner)
                pe = i;
            if (named || nested) {
                char raw[MAX_NAME_BYTES * 2], buf[MAX_NAME_BYTES * 2];
                size_t rn = (pe - ps) + g->suf[si].n, fn;
                if (rn < sizeof raw) {
                    memcpy(raw, p + ps, pe - ps);
                    memcpy(raw + (pe - ps), g->suf[si].s, g->suf[si].n);
                    size_t c = resolve(g, raw, rn);
                    char *name = NULL;
                    /* A nickname and a suffix right after it may be the
                     * nickname's zone in full (松山湖 + 高新技术产业开发区). */
                    if (c == (size_t)-1 && nested && nick && ps == floor)
                        c = resolve(g, p + m->v[floor_zone].start, end - m->v[floor_zone].start);
                    if (c != (size_t)-1) {
                        name = dupn(g->names.v[c].s, g->names.v[c].n);
                    } else {
                        fn = fold(g, raw, rn, buf, sizeof buf);
                        if (!fn) {
                            memcpy(buf, raw, rn);
                            buf[fn = rn] = '\0';
                        }
                        fn = zsi_pk_tidy(g, buf, fn);
                        if ((c = resolve(g, buf, fn)) != (size_t)-1)
                            name = dupn(g->names.v[c].s, g->names.v[c].n);
                        else if (nested) {
                            /* Inside a zone named by its suffix, the outer's
                             * canonical name leads (两江新区鱼复工业园区); after
                             * a nickname, the text as printed (中关村软件园). */
                            const char *outer = m->v[floor_zone].name;
                            size_t on = strlen(outer);
                            if (nick) {
                                outer = p + m->v[floor_zone].start;
                                on = m->v[floor_zone].end - m->v[floor_zone].start;
                            }
                            if ((name = malloc(on + fn + 1)) != NULL) {
                                memcpy(name, outer, on);
                                memcpy(name + on, buf, fn + 1);
                            }
                        } else if (district(g, buf, fn)) {
                            i = floor = end;
                            floor_zone = -1;
                            continue;
                        } else
                            name = dupn(buf, fn);
                    }
                    if ((rc = push(m, ps, end, name)) != 0)
                        return rc;
                    floor_zone = (long)m->n - 1;
                }
            } else {
                floor_zone = -1;
                if ((rc = push_counted(g, p, m, floor, i, si)) != 0)
                    return rc;
            }
            i = floor = end;
            continue;
        }
        /* past the character decoded above (U8_NEXT takes trail bytes
         * only), then any stray trail bytes, as a walk byte by byte would */
        i = (size_t)k;
        while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80)
            i++;
    }
    if ((rc = join_leading_places(g, p, m)) != 0)
        return rc;
    /* Places listed before a zone's place share its suffix: 浙江、湖北、
     * 四川自贸试验区 names three free trade zones. */
    for (size_t k = 0, nm = m->n; k < nm; k++)
        if ((rc = push_peers(g, p, m, m->v[k].start, m->v[k].end)) != 0 ||
            (rc = push_kin(g, p, n, m, m->v[k].start, m->v[k].end)) != 0)
            return rc;
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

int zsi_parks_mentions(const zsi_gazetteer *g, const char *p, size_t n, zsi_park_mention **out,
                       size_t *nout)
{
    mentions m = {0};
    zsi_park_mention *v = NULL;
    int rc;

    if (!g || !out || !nout || (!p && n))
        return ZS_EINVAL;
    *out = NULL;
    *nout = 0;
    if ((rc = find_mentions(g, p, n, &m)) != 0)
        goto out;
    if (m.n && !(v = malloc(m.n * sizeof *v))) {
        rc = ZS_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < m.n; i++) {
        v[i] = (zsi_park_mention){m.v[i].start, m.v[i].end, m.v[i].name};
        m.v[i].name = NULL; /* moved */
    }
    *out = v;
    *nout = m.n;
out:
    mentions_free(&m);
    return rc;
}

void zsi_park_mentions_free(zsi_park_mention *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i].name);
    free(v);
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
            if (zsu_resize(&t->names, nc, sizeof *t->names) ||
                zsu_resize(&t->counts, nc, sizeof *t->counts))
                return ZS_ENOMEM;
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
    zsu_strv_free(t->names, t->n);
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
    return zsi_pk_bare_word(g, p, n) != NULL;
}

const char *zsi_pk_bare_word(const zsi_gazetteer *g, const char *p, size_t n)
{
    size_t at;
    return zsi_pk_bare_word_at(g, p, n, &at);
}

/* Where the sentence that byte i of p is in starts (after its 。！？). */
static size_t sentence_start(const char *p, size_t i)
{
    static const char *const END[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"};
    for (size_t k = i; k >= 3; k--)
        for (size_t e = 0; e < sizeof END / sizeof *END; e++)
            if (memcmp(p + k - 3, END[e], 3) == 0)
                return k;
    return 0;
}

/* Does the UTF-8 text p[0..n) hold the literal lit? */
static int holds(const char *p, size_t n, const char *lit)
{
    return memmem(p, n, lit, strlen(lit)) != NULL;
}

/*
 * Characters after which a 园区 stands alone (the park of the story: 同园区,
 * 我们园区, 入驻园区, 在该工业园区). After any other Han character it is the
 * tail of a compound naming a kind of park, not a zone: 创业园区, 职教园区,
 * 港口产业园区, 绿心园区, 智慧园区 - a thing of its own, which the story's zone
 * is not.
 */
static const char *const PARK_ALONE_AFTER[] = {
    "的", "了", "该", "本", "这", "此", "其", "们", "我", "同", "在", "为", "进", "入", "到", "和", "与",
    "及", "对", "向", "从", "由", "将", "把", "被", "给", "让", "至", "往", "驻", "是", "回", "出",
    "个", "全", "各",
    /* verbs of going to or being at a place */
    "离开", "走进", "来到", "进入", "入驻", "位于", "走出", "搬进", "落户", "扎根", "走访", "参观",
    "考察"};

/* Trades that a 园区 may carry and still stand alone (所在的工业园区). */
static const char *const PARK_TRADES[] = {"工业", "产业", "科技"};

/* Does the kind-less bare word at p[i..) stand alone? When not, *mod gets
 * where the two characters before it start (its trade passed over). 全 and
 * 同 before it count only when they end no longer word: 全园区 is the whole
 * park and 同园区 the same one, while 安全示范区 and 不同园区 are kinds. */
static int park_alone(const zsi_gazetteer *g, const char *p, size_t i, size_t *mod)
{
    for (size_t t = 0; t < sizeof PARK_TRADES / sizeof *PARK_TRADES; t++)
        if (has_suffix(p, i, PARK_TRADES[t], strlen(PARK_TRADES[t]))) {
            i -= strlen(PARK_TRADES[t]);
            break;
        }
    /* two Han characters before it, else no modifier ((size_t)-1) */
    *mod = (size_t)-1;
    if (i >= 6) {
        int32_t o = (int32_t)i;
        UChar32 c1, c2;
        U8_PREV(p, 0, o, c1);
        U8_PREV(p, 0, o, c2);
        if (is_han(c1) && is_han(c2) && (size_t)o == i - 6)
            *mod = (size_t)o;
    }
    if (i == 0)
        return 1;
    int32_t b = (int32_t)i;
    UChar32 c;
    U8_PREV(p, 0, b, c);
    if (!is_han(c))
        return 1;
    for (size_t k = 0; k < sizeof PARK_ALONE_AFTER / sizeof *PARK_ALONE_AFTER; k++) {
        size_t wn = strlen(PARK_ALONE_AFTER[k]);
        if (!has_suffix(p, i, PARK_ALONE_AFTER[k], wn))
            continue;
        if ((!strcmp(PARK_ALONE_AFTER[k], "全") || !strcmp(PARK_ALONE_AFTER[k], "同")) && b >= 3) {
            int32_t a = b;
            U8_PREV(p, 0, a, c);
            if (is_han(c) && zsi_words_find(g->words, p + a, i - (size_t)a, NULL))
                continue;
        }
        return 1;
    }
    return 0;
}

/* Does an item of at most LIST_ITEM_CHARS characters name a place's
 * government (县, 镇, 乡, 村, 街道, 区领导, 县（市）区)? */
#define LIST_ITEM_CHARS 8
static int admin_item(const char *p, size_t n)
{
    static const char *const ADMIN[] = {"县", "镇", "乡", "村", "街", "社区", "区领导", "区政府"};
    for (size_t k = 0; k < sizeof ADMIN / sizeof *ADMIN; k++)
        if (holds(p, n, ADMIN[k]))
            return 1;
    return 0;
}

/*
 * Is the bare word at p[i..e) an item of a list of a place's units (各县区
 * 政府、开发区管委会; 县（市）区、开发区; 区领导、园区、镇街; 村、社区和园区)?
 * Then it means every zone of the place, none in particular.
 */
static int in_admin_list(const char *p, size_t n, size_t i, size_t e)
{
    static const char *const JOIN[] = {"、", "和", "及", "与"};
    for (size_t k = 0; k < sizeof JOIN / sizeof *JOIN; k++) {
        size_t jn = strlen(JOIN[k]);
        if (has_suffix(p, i, JOIN[k], jn)) {
            size_t b = i - jn, chars = 0;
            while (b > 0 && chars < LIST_ITEM_CHARS) {
                int32_t o = (int32_t)b;
                UChar32 c;
                U8_PREV(p, 0, o, c);
                if (c == 0x3001 || c == 0xFF0C || c == 0x3002 || c == 0xFF1B) /* 、，。； */
                    break;
                b = (size_t)o;
                chars++;
            }
            if (admin_item(p + b, i - jn - b))
                return 1;
        }
    }
    if (n - e >= 3 && memcmp(p + e, "、", 3) == 0) {
        size_t f = e + 3, chars = 0;
        while (f < n && chars < LIST_ITEM_CHARS) {
            int32_t o = (int32_t)f;
            UChar32 c;
            U8_NEXT(p, o, (int32_t)n, c);
            if (c == 0x3001 || c == 0xFF0C || c == 0x3002 || c == 0xFF1B)
                break;
            f = (size_t)o;
            chars++;
        }
        if (admin_item(p + e + 3, f - e - 3))
            return 1;
    }
    return 0;
}

/*
 * Is the bare word at byte i joined by 和, 及, 与 or 、 to a zone kind
 * (国家自主创新示范区和高新区, 保税区、开发区)? In a passage that names no
 * zone (the only one whose bare word is read), kinds listed together speak
 * of zones in general.
 */
static int joined_to_kind(const char *p, size_t i)
{
    static const char *const JOIN[] = {"、", "和", "及", "与"};
    for (size_t k = 0; k < sizeof JOIN / sizeof *JOIN; k++) {
        size_t jn = strlen(JOIN[k]);
        if (!has_suffix(p, i, JOIN[k], jn) || i < jn + 3)
            continue;
        size_t b = i - jn;
        if (has_suffix(p, b, "区", 3) || has_suffix(p, b, "园", 3))
            return 1;
    }
    return 0;
}

/* Longest book or column title looked at around a bare word (bytes). */
#define MAX_TITLE_BYTES 120

/*
 * Is p[i..e) inside a title in book-title marks (《高新区新闻》, 《开发区
 * 风采》)? A column's, a book's or a plan's name speaks of such zones in
 * general, none the story is about.
 */
static int in_title(const char *p, size_t n, size_t i, size_t e)
{
    static const char OPEN[] = "\xE3\x80\x8A", CLOSE[] = "\xE3\x80\x8B"; /* 《 》 */
    size_t b = i, f = e;
    for (; b >= 3 && i - b < MAX_TITLE_BYTES; b--) {
        if (memcmp(p + b - 3, CLOSE, 3) == 0)
            return 0;
        if (memcmp(p + b - 3, OPEN, 3) == 0)
            break;
    }
    if (b < 3 || i - b >= MAX_TITLE_BYTES)
        return 0;
    for (; f + 3 <= n && f - e < MAX_TITLE_BYTES; f++) {
        if (memcmp(p + f, OPEN, 3) == 0)
            return 0;
        if (memcmp(p + f, CLOSE, 3) == 0)
            return 1;
    }
    return 0;
}

/* Does a bare word end at p[e] (e > 0)? */
static int bare_ends_at(const zsi_gazetteer *g, const char *p, size_t e)
{
    for (size_t b = 0; b < g->bare.n; b++) {
        const str *w = &g->bare.v[b];
        if (w->n <= e && (!w->n || p[e - w->n] == w->s[0]) &&
            memcmp(p + e - w->n, w->s, w->n) == 0)
            return 1;
    }
    return 0;
}

/* Last characters of the bare words sought with memchr, at most; with
 * more, every byte is looked up in bare_last. */
#define BARE_TAILS 8

/* Does a bare word (开发区, 园区) occur in p[0..n)? The words end in few
 * characters (区 and 城), so memchr finds their last bytes and the two
 * before are checked: looking up every byte of every passage in bare_last
 * was 1.5% of `zhaoshu index` (callgrind, 1,500 realnews-dev articles). */
static int any_bare(const zsi_gazetteer *g, const char *p, size_t n)
{
    char tail[BARE_TAILS][3];
    size_t ntail = 0;
    if (g->bare_last[4] & 1)
        return 1; /* an empty word is everywhere */
    for (size_t b = 0; b < g->bare.n && ntail <= BARE_TAILS; b++) {
        const str *w = &g->bare.v[b];
        size_t k = 0;
        if (w->n < 3 || ((unsigned char)w->s[w->n - 3] & 0xF0) != 0xE0) {
            ntail = BARE_TAILS + 1; /* a word that ends otherwise */
            break;
        }
        while (k < ntail && memcmp(tail[k], w->s + w->n - 3, 3) != 0)
            k++;
        if (k == ntail && ntail++ < BARE_TAILS)
            memcpy(tail[k], w->s + w->n - 3, 3);
    }
    if (ntail > BARE_TAILS) {
        for (size_t e = 1; e <= n; e++) {
            unsigned char c = (unsigned char)p[e - 1];
            if ((g->bare_last[c / 64] >> (c % 64) & 1) && bare_ends_at(g, p, e))
                return 1;
        }
        return 0;
    }
    for (size_t k = 0; k < ntail; k++) {
        const char *h = memchr(p, tail[k][2], n);
        for (; h; h = memchr(h + 1, tail[k][2], n - (size_t)(h + 1 - p)))
            if (h - p >= 2 && h[-2] == tail[k][0] && h[-1] == tail[k][1] &&
                bare_ends_at(g, p, (size_t)(h + 1 - p)))
                return 1;
    }
    return 0;
}

const char *zsi_pk_bare_word_at(const zsi_gazetteer *g, const char *p, size_t n, size_t *at)
{
    const char *mod = NULL;
    const char *w = zsi_pk_bare_word_mod(g, p, n, at, &mod);
    return mod ? NULL : w;
}

/* Does a modifier end at byte i of p, so that the bare word there is
 * another thing's name (一体化示范区, 融合发展示范区, 创业园区): no verb or function word of
 * one or two characters (来合作区检查, 进入园区) right before it? */
static int modified(const zsi_gazetteer *g, const char *p, size_t i)
{
    for (size_t L = 3; L <= 6 && L <= i; L += 3) {
        unsigned fl = zsi_words_find(g->words, p + i - L, L, NULL);
        /* a verb-noun names the kind (发展示范区, 合作区 of 融合发展) */
        if (((fl & ZSW_STOP) && !(fl & ZSW_VNOUN)) ||
            (L == 3 && zsi_words_has(g->words, p + i - L, L, ZSW_VERB1)))
            return 0;
    }
    return i >= 3;
}

/* Does a common noun of two characters (产业, 行业) end at byte i of p? */
static int noun_before(const zsi_gazetteer *g, const char *p, size_t i)
{
    if (i < 6)
        return 0;
    unsigned fl = zsi_words_find(g->words, p + i - 6, 6, NULL);
    return (fl & (ZSW_NOUN | ZSW_WORD)) && !(fl & (ZSW_PLACE | ZSW_STOP | ZSW_TRIM));
}

/* Does the character at byte i of p end a word of two characters that
 * starts at the character before it (提高 in 提高新区)? The caller has a bare
 * word of two Han characters or more at i: three bytes there are text. */
static int starts_word_before(const zsi_gazetteer *g, const char *p, size_t i)
{
    if (i < 3)
        return 0;
    int32_t b = (int32_t)i, f = (int32_t)i, lim = (int32_t)i + 3;
    UChar32 c, d;
    U8_PREV(p, 0, b, c);
    U8_NEXT(p, f, lim, d); /* lim apart: the macro reads its length after moving f */
    return is_han(c) && is_han(d) && zsi_words_find(g->words, p + b, (size_t)f - (size_t)b, NULL);
}

/* A bare word's bit in a set of them (the 64th and later share one). */
static uint64_t bit(size_t b)
{
    return (uint64_t)1 << (b < 63 ? b : 63);
}

/* zsi_pk_bare_word_mod() and zsi_pk_bare_word_next(): the first bare word
 * standing alone at or after byte from; the words before it are read all the
 * same, as they set words aside or make the passage speak in general. */
static const char *bare_word_from(const zsi_gazetteer *g, const char *p, size_t n, size_t from,
                                  size_t *at, const char **mod)
{
    mentions m = {0};
    const char *found = NULL, *compound = NULL;
    size_t compound_at = 0, compound_mod = 0;

    *mod = NULL;

    if (!g || !p || !n)
        return 0;
    /* Most passages hold no bare word at all: look before finding mentions. */
    if (!any_bare(g, p, n))
        return 0;
    if (find_mentions(g, p, n, &m) != 0) {
        mentions_free(&m);
        return 0;
    }
    int general = 0;
    size_t skip = 0; /* a word set aside ends here: 新区 in 高新区 is no word */
    /* Bare words this passage printed first as another thing's (石桥镇新区,
     * 一体化示范区, 创业园区, “示范区”): the same word alone later in it
     * goes on about that thing (…一体化示范区建设。…示范区中吴江的面积),
     * not about a zone its story named before. */
    uint64_t other = 0;
    for (size_t i = 0; i < n && !found && !general; i++) {
        if (((unsigned char)p[i] & 0xC0) == 0x80 || i < skip)
            continue;
        for (size_t b = 0; b < g->bare.n; b++) {
            const str *w = &g->bare.v[b];
            /* the word's last and first bytes inline: this runs at every
             * character of a passage that holds a bare word somewhere, for
             * every word (memcmp's calls were 1.3% of `zhaoshu index`) */
            if (w->n > n - i ||
                (w->n && (p[i + w->n - 1] != w->s[w->n - 1] || p[i] != w->s[0])) ||
                memcmp(p + i, w->s, w->n) != 0)
                continue;
            if (covered_end(&m, i))
                break;
            /* 提高新区, 创新区: the 高 or 新 that starts the word ends a
             * word begun before it (提高, 创新); a 新区 may follow */
            if ((strcmp(w->s, "高新区") == 0 || strcmp(w->s, "新区") == 0) &&
                starts_word_before(g, p, i))
                continue;
            size_t e = i + w->n;
            /* 开发区域: 开发 and 区域, no zone */
            if (n - e >= 3 && memcmp(p + e, "域", 3) == 0) {
                skip = e;
                break;
            }
            /* A town's 新区 (石桥镇新区, 黄桥乡开发区) is a quarter of the
             * town, named by it, no reference to the story's zone; nor is
             * a word that an [after] word makes another thing's (新区居委会,
             * 新区店). */
            if (i >= 3 && (memcmp(p + i - 3, "镇", 3) == 0 || memcmp(p + i - 3, "乡", 3) == 0)) {
                other |= bit(b);
                skip = e;
                break;
            }
            if (!suffix_ends(g, p, n, e)) {
                skip = e;
                break;
            }
            /* A noun right before 高新区 (战略性新兴产业高新区) makes a kind
             * of zone, no reference; a place's name there is a name the
             * patterns read, a verb (入驻高新区) leaves the word alone. */
            if (strcmp(w->s, "高新区") == 0 && noun_before(g, p, i)) {
                other |= bit(b);
                skip = e;
                break;
            }
            /* 生态文明示范区, 科技创新合作区: a kind of area a plan names,
             * not the story's zone; alone (该示范区, 在合作区) it may be */
            size_t mo;
            if ((strcmp(w->s, "示范区") == 0 || strcmp(w->s, "合作区") == 0) &&
                !park_alone(g, p, i, &mo)) {
                if (modified(g, p, i))
                    other |= bit(b);
                skip = e;
                break;
            }
            /* 创业园区, 职教园区: a kind of park, not the story's */
            if (strcmp(w->s, "园区") == 0 && !park_alone(g, p, i, &mo)) {
                if (!compound && mo != (size_t)-1) {
                    compound = w->s;
                    compound_at = i;
                    compound_mod = mo;
                }
                if (modified(g, p, i))
                    other |= bit(b);
                skip = e;
                break;
            }
            /* A word in quotes of its own (“科学城”, ‘园区’) is the word
             * itself, a kind talked about: 打造更多‘科技大道’‘科学城’
             * speaks of science cities in general, none the story named. */
            if (in_admin_list(p, n, i, e) || joined_to_kind(p, i) || in_title(p, n, i, e) ||
                (quote_at(p, n, i, 1) && quote_at(p, n, e, 0))) {
                other |= bit(b);
                skip = e;
                break;
            }
            if (other & bit(b)) {
                skip = e;
                break;
            }
            /* 全省开发区, 93家开发区: zones in general, not the article's;
             * so is one in a sentence a province or city speaks in (我省
             *积极推进开发区改革), and every bare word after one of these
             * in the passage: it goes on about zones in general. */
            for (size_t s = 0; s < g->scope.n && !general; s++)
                general = has_suffix(p, i, g->scope.v[s].s, g->scope.v[s].n);
            size_t ss = sentence_start(p, i);
            for (size_t s = 0; s < g->voice.n && !general; s++)
                general = memmem(p + ss, i - ss, g->voice.v[s].s, g->voice.v[s].n) != NULL;
            /* A province's zones (四川的产业园区) are zones in general. */
            for (size_t d = i; !general && d + 9 >= i && d >= 9; d -= 3) {
                if (memcmp(p + d - 3, "\xE7\x9A\x84", 3) != 0) /* 的 */
                    continue;
                for (size_t L = 6; L <= 15 && L + 3 <= d && !general; L += 3) {
                    size_t row;
                    if (zsi_words_find(g->words, p + d - 3 - L, L, &row) & ZSW_PLACE)
                        general = zsi_words_place(g->words, row, NULL, NULL) == ZSW_PROVINCE;
                }
                break;
            }
            /* 自贸区战略, 开发区政策: the policy, not a zone; a bare word
             * after it may still be the story's zone (对自贸区战略…, 建设
             * 自贸区: the zone the policy built). */
            int policy = 0;
            for (size_t s = 0; s < g->policy.n && !general && !policy; s++)
                policy = g->policy.v[s].n <= n - e &&
                         memcmp(p + e, g->policy.v[s].s, g->policy.v[s].n) == 0;
            if (policy) {
                skip = e;
                break;
            }
            if (!general && i < from) {
                skip = e;
                break;
            }
            if (!general) {
                found = w->s;
                *at = i;
            }
            break;
        }
    }
    mentions_free(&m);
    if (!found && compound && !general && from == 0) {
        found = compound;
        *at = compound_at;
        *mod = p + compound_mod;
    }
    return found;
}

const char *zsi_pk_bare_word_mod(const zsi_gazetteer *g, const char *p, size_t n, size_t *at,
                                 const char **mod)
{
    return bare_word_from(g, p, n, 0, at, mod);
}

const char *zsi_pk_bare_word_next(const zsi_gazetteer *g, const char *p, size_t n, size_t from,
                                  size_t *at)
{
    const char *mod = NULL;
    return bare_word_from(g, p, n, from, at, &mod);
}
