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
 * Folding (zsi_pk_fold(), park_fold.c): the longest suffix is replaced by its canonical form
 * (经济开发区 -> 经开区, 高新技术产业开发区 -> 高新区), [infix] words at the
 * end of the prefix are dropped (国家, 省级, 市), so is a bracketed aside, and
 * a [province] prefix is dropped when the rest is a known zone; a city's 市
 * goes (zsi_pk_tidy()). A pattern name that folds to a known alias takes that
 * zone's canonical name; otherwise the folded name itself is returned. The
 * State Council's style, 中国（X）and a kind, is X's zone of that kind.
 *
 * This file holds the two passes (zsi_pk_find_mentions) and the mention list; what
 * they ask is in files of one concept each: park_fold.c (folding, resolving
 * a name), park_suffix.c (the suffixes in the text), park_nick.c and
 * park_thing.c (nicknames and places alone: what stands before and after
 * one), park_part.c (a zone inside another, 片区), park_dash.c (two places
 * joined by a dash), park_list.c (lists sharing a kind), park_bare.c (bare
 * zone words used alone).
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

int zsi_pk_push(mentions *m, size_t start, size_t end, char *name)
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

void zsi_pk_mentions_free(mentions *m)
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
size_t zsi_pk_covered_end(const mentions *m, size_t i)
{
    for (size_t k = 0; k < m->n; k++)
        if (i >= m->v[k].start && i < m->v[k].end)
            return m->v[k].end;
    return 0;
}

/* Where the two passes of zsi_pk_find_mentions() may act: the characters that may
 * head an alias (pass 1) or a suffix (pass 2), found in one walk. Each pass
 * visited every character of every passage to ask zsi_pk_may_head() (two decodes a
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
        } else if (u[0] - 0xE1u <= 0xEC - 0xE1 && n - i >= 3 && (u[1] & 0xC0) == 0x80 &&
                   (u[2] & 0xC0) == 0x80) {
            /* U+1000-U+CFFF, all of the CJK block: with lead E1-EC, never
             * overlong nor a surrogate, so the trail bytes tell it is well
             * formed (as in decode.c), and it is in the BMP: a bit each.
             * The run of such characters in one inner loop: Chinese text is
             * long runs of them, and the outer loop's tests cost more than
             * the bits. (Pushing on after both lists overflowed, to the
             * run's end, changes nothing: a slow list is never read.) */
            do {
                unsigned v = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
                if (g->alias_head[v / 64] >> (v % 64) & 1)
                    heads_push(h1, (UChar32)v, i);
                if (g->suf_head[v / 64] >> (v % 64) & 1)
                    heads_push(h2, (UChar32)v, i);
                i += 3;
                u += 3;
            } while (n - i >= 3 && u[0] - 0xE1u <= 0xEC - 0xE1 && (u[1] & 0xC0) == 0x80 &&
                     (u[2] & 0xC0) == 0x80);
            continue;
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
        if (zsi_pk_may_head(g->alias_head, c))
            heads_push(h1, c, i);
        if (zsi_pk_may_head(g->suf_head, c))
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

int zsi_pk_find_mentions(const zsi_gazetteer *g, const char *p, size_t n, mentions *m)
{
    int rc;
    size_t floor = 0;
    int zones = -1; /* zsi_pk_speaks_of_zones(), computed when a weak alias turns up */
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
        if (c >= 0 && zsi_pk_may_head(g->alias_head, c)) {
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
            if (hit != (size_t)-1 && !zsi_pk_suffix_ends(g, p, n, i + g->al[hit].n))
                hit = (size_t)-1;
            if (hit != (size_t)-1 && g->al[hit].weak) {
                if (zones < 0)
                    zones = zsi_pk_speaks_of_zones(g, p, n);
                if ((!zones &&
                     !zsi_pk_own_place_leads(g, p, m->n ? m->v[m->n - 1].end : 0, i, &g->al[hit]) &&
                     !zsi_pk_admin_after(p, n, i + g->al[hit].n)) ||
                    !zsi_pk_nick_starts_word(g, p, i) ||
                    zsi_pk_brand_after(g, p, n, i + g->al[hit].n) ||
                    zsi_pk_thing_after(g, p, n, i + g->al[hit].n) ||
                    zsi_pk_unit_after(p, n, i + g->al[hit].n))
                    hit = (size_t)-1;
            }
            if (hit != (size_t)-1 && g->al[hit].weak == ZSI_NICK_PLACE &&
                zsi_pk_org_before(g, p, m->n ? m->v[m->n - 1].end : 0, i))
                hit = (size_t)-1;
            if (hit != (size_t)-1 && g->al[hit].weak == ZSI_NICK_PLACE &&
                zsi_pk_place_begins_zone(g, p, n, i + g->al[hit].n)) {
                if (nlead < MAX_LEADING_PLACES) {
                    lead_s[nlead] = i;
                    lead_e[nlead++] = i + g->al[hit].n;
                }
                hit = (size_t)-1;
            }
            /* A nickname in quotes before a zone kind is a figure: “中关村”
             * 科技园 is a park meant to be like 中关村, not 中关村. */
            if (hit != (size_t)-1 && g->al[hit].weak && zsi_pk_quote_at(p, n, i, 1)) {
                size_t e = i + g->al[hit].n, qn = zsi_pk_quote_at(p, n, e, 0);
                if (qn && zsi_pk_suffix_at(g, p, n, e + qn) >= 0)
                    hit = (size_t)-1;
            }
            if (hit != (size_t)-1 &&
                zsi_pk_other_city_before(g, p, m->n ? m->v[m->n - 1].end : 0, i, g->al[hit].canon))
                hit = (size_t)-1;
            /* Only a park's or a town's name (园, 园区, 城) is joined: a 自贸区
             * or 示范区 after a dash is an agreement or a policy of two
             * parties (中国—东盟自贸区, 澳门—珠海跨境金融合作示范区). */
            size_t ds =
                hit != (size_t)-1 && (g->al[hit].weak || zsi_pk_parkish(g->al[hit].s, g->al[hit].n))
                    ? zsi_pk_dash_start(g, p, m->n ? m->v[m->n - 1].end : 0, i)
                    : i;
            /* A nickname after the dash is the start of a name the
             * patterns read whole (天津滨海—中关村科技园). */
            if (ds < i && g->al[hit].weak) {
                hit = (size_t)-1;
                ds = i;
            }
            if (ds < i) {
                /* the joined name as printed, none of the alias's zone */
                if ((rc = zsi_pk_push(m, ds, i + g->al[hit].n,
                                      zsi_pk_dash_name(p + ds, i + g->al[hit].n - ds))) != 0)
                    return rc;
                i += g->al[hit].n;
                continue;
            }
            if (hit != (size_t)-1) {
                const alias *a = &g->al[hit];
                const str *nm = &g->names.v[a->canon];
                size_t se = a->weak == 1 ? 0 : zsi_pk_subarea_end(g, p, n, i + a->n);
                if (se) {
                    /* the zone and its part, both over the whole name */
                    size_t e = i + a->n;
                    if ((rc = zsi_pk_push(m, i, se, dupn(nm->s, nm->n))) != 0 ||
                        (rc = zsi_pk_push(
                             m, i, se,
                             zsi_pk_subarea_name(g, a->canon, p + i, a->n, p + e, se - e))) != 0)
                        return rc;
                    i = se;
                    continue;
                }
                if ((rc = zsi_pk_push_parent(g, m, i, i + a->n, nm->s, nm->n, p + i, a->n)) != 0 ||
                    (rc = zsi_pk_push(m, i, i + a->n, dupn(nm->s, nm->n))) != 0)
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
        if (first >= 0 && zsi_pk_may_head(g->suf_head, first)) {
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
        if (si >= 0 && !zsi_pk_suffix_ends(g, p, n, i + g->suf[si].n))
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
            if (rc2 >= 2 && rc2 <= MAX_INNER_CHARS && zsi_pk_parkish(g->suf[si].s, g->suf[si].n) &&
                (ds = zsi_pk_dash_start(g, p, floor, run)) < run) {
                if ((rc = zsi_pk_push(m, ds, end, zsi_pk_dash_name(p + ds, end - ds))) != 0)
                    return rc;
                floor_zone = (long)m->n - 1;
                i = floor = end;
                continue;
            }
            /* A park two places build, led by their short forms (粤澳合作
             * 产业园, 港深创新及科技园): the pair starts the name, whatever
             * trade words follow it. */
            named = g->suf[si].weak == 1 && zsi_pk_park_suffix(&g->suf[si]) &&
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
                named = zsi_pk_state_style(g, p, floor, i, si, &ps, &pe);
            if (!named)
                named = zsi_pk_name_edge(g, p, floor, fz, i, g->suf[si].weak,
                                         zsi_pk_park_suffix(&g->suf[si]), &ps, &pe, &at_floor);
            /* A park (园, 园区) a company builds, named by the company; after
             * a zone's name only when words stand between them (高新区签约森阳
             * 集成电路产业园): a name right after it is the zone's part. */
            if (!named && g->suf[si].weak == 1 && zsi_pk_park_suffix(&g->suf[si]))
                named = zsi_pk_company_edge(g, p, floor, i, &ps, &pe) && !(fz && ps == floor);
            /* A park (科技园, 产业园) an institution builds, named by it
             * (中科院计算所龙芯产业园). */
            if (!named && !fz && g->suf[si].weak == 1 && zsi_pk_institution_park(&g->suf[si]))
                named = zsi_pk_institution_edge(g, p, floor, i, &ps, &pe);
            /* Two trades joined after a place (水城区铝及铝加工产业园). */
            if (!named && !fz && g->suf[si].weak == 1 && zsi_pk_park_suffix(&g->suf[si]))
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
            if (nested && zsi_pk_holds_parks(&g->suf[si]) &&
                zsi_pk_ends_park(m->v[floor_zone].name))
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
                    size_t c = zsi_pk_resolve(g, raw, rn);
                    char *name = NULL;
                    /* A nickname and a suffix right after it may be the
                     * nickname's zone in full (松山湖 + 高新技术产业开发区). */
                    if (c == (size_t)-1 && nested && nick && ps == floor)
                        c = zsi_pk_resolve(g, p + m->v[floor_zone].start,
                                           end - m->v[floor_zone].start);
                    if (c != (size_t)-1) {
                        name = dupn(g->names.v[c].s, g->names.v[c].n);
                    } else {
                        fn = zsi_pk_fold(g, raw, rn, buf, sizeof buf);
                        if (!fn) {
                            memcpy(buf, raw, rn);
                            buf[fn = rn] = '\0';
                        }
                        fn = zsi_pk_tidy(g, buf, fn);
                        if ((c = zsi_pk_resolve(g, buf, fn)) != (size_t)-1)
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
                        } else if (zsi_pk_district(g, buf, fn)) {
                            i = floor = end;
                            floor_zone = -1;
                            continue;
                        } else
                            name = dupn(buf, fn);
                    }
                    if ((rc = zsi_pk_push(m, ps, end, name)) != 0)
                        return rc;
                    floor_zone = (long)m->n - 1;
                }
            } else {
                floor_zone = -1;
                if ((rc = zsi_pk_push_counted(g, p, m, floor, i, si)) != 0)
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
    if ((rc = zsi_pk_join_leading_places(g, p, m)) != 0)
        return rc;
    /* Places listed before a zone's place share its suffix: 浙江、湖北、
     * 四川自贸试验区 names three free trade zones. */
    for (size_t k = 0, nm = m->n; k < nm; k++)
        if ((rc = zsi_pk_push_peers(g, p, m, m->v[k].start, m->v[k].end)) != 0 ||
            (rc = zsi_pk_push_kin(g, p, n, m, m->v[k].start, m->v[k].end)) != 0)
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
    if ((rc = zsi_pk_find_mentions(g, p, n, &m)) != 0)
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
    zsi_pk_mentions_free(&m);
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
    if ((rc = zsi_pk_find_mentions(g, p, n, &m)) != 0)
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
    zsi_pk_mentions_free(&m);
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
    if ((rc = zsi_pk_find_mentions(g, text, n, &m)) != 0)
        goto out;
    /* Mentions are in text order, so the first of equal counts is earliest. */
    for (size_t i = 0; i < m.n && !rc; i++)
        rc = zsi_park_tally_add(&t, &m.v[i].name, &one, 1);
    const char *best = zsi_park_tally_best(&t);
    if (!rc && best && !(*out = strdup(best)))
        rc = ZS_ENOMEM;
out:
    zsi_park_tally_clear(&t);
    zsi_pk_mentions_free(&m);
    return rc;
}
