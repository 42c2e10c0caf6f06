/*
 * park_int.h - private interface between the zone modules (park.c and the
 * park_*.c files it asks, one concept each; gaz_freeze.c and words_freeze.c,
 * which snapshot their data). Code outside them uses extract_int.h.
 */
#ifndef ZS_PARK_INT_H
#define ZS_PARK_INT_H

#include <stddef.h>

/* ---- interface to park_words.c ---- */

/* Word classes; a word may have both. */
enum {
    ZSW_PLACE = 1,     /* a place name or its short form (成都市, 成都) */
    ZSW_STOP = 2,      /* never starts a zone name: verb, preposition, time word ... */
    ZSW_NOUN = 4,      /* a common noun: no name alone (所在地, 地区) */
    ZSW_WORD = 8,      /* another word, kept whole when cutting (乌克兰) */
    ZSW_TRIM = 16,     /* a [trim] word: stops a name even where it is a place (中国) */
    ZSW_VNOUN = 32,    /* a verb-noun (建设): a stop word, but a noun inside a metric */
    ZSW_FOREIGN = 64,  /* a place abroad (foreign.txt); only zsi_words_has() sees it */
    ZSW_VERB1 = 128,   /* a one-character verb (建, 住); only zsi_words_has() sees it */
    ZSW_PARTY = 256,   /* a country or a group of countries abroad (foreign.txt's
                         "party": 巴西, 东盟), a party to a trade agreement; only
                         zsi_words_has() sees it */
    ZSW_TOWNWORD = 512 /* a town's short form that jieba knows as a name or a
                          word (wordclass.txt "townword": 卫星 of 卫星镇); only
                          zsi_words_has() sees it, and a handle of
                          zsi_words_no_town_words() sees no place in it */
};

/* Levels of a place (places.tsv column 3). */
enum zsw_level { ZSW_PROVINCE, ZSW_CITY, ZSW_COUNTY, ZSW_TOWN, ZSW_NS, ZSW_OTHER };

typedef struct zsi_words zsi_words;

/*
 * Load data/places.tsv and data/wordclass.txt (built in plus the user's
 * additions). Ownership: caller frees *out with zsi_words_free().
 * @return 0, ZS_ENOMEM, ZS_EIO.
 */
int zsi_words_open(zsi_words **out);
void zsi_words_free(zsi_words *w);

/* From now on, a town's short form of class ZSW_TOWNWORD is no place to w
 * (the zone finder's view: 卫星产业园 names no town's zone); other handles
 * (the metric namer's) still see the town's place there. */
void zsi_words_no_town_words(zsi_words *w);

/* Add a word with flags (s must outlive w). @return 0, ZS_ENOMEM. */
int zsi_words_add(zsi_words *w, const char *s, size_t n, unsigned flags);

/* The classes of s[0..n) (0: unknown); *row gets its places.tsv row. */
unsigned zsi_words_find(const zsi_words *w, const char *s, size_t n, size_t *row);

/* zsi_words_find() and, in *hidden, what zsi_words_has() tests (the
 * built-in lexicon's classes of s[0..n), the hidden ones too; 0: none), from
 * one lookup, for a caller that asks both of the same word. */
unsigned zsi_words_find_all(const zsi_words *w, const char *s, size_t n, size_t *row,
                            unsigned *hidden);

/* Does the built-in lexicon give s[0..n) the class flag? The way to see
 * the hidden classes ZSW_FOREIGN (a place abroad of data/foreign.txt:
 * 俄罗斯, 迪拜, 东盟) and ZSW_VERB1 (a one-character verb: 建, 进), which
 * zsi_words_find() leaves out; an added word has neither. */
int zsi_words_has(const zsi_words *w, const char *s, size_t n, unsigned flag);

/* Longest word held (bytes). */
size_t zsi_words_maxlen(const zsi_words *w);

/* Level of place row; *city and *province borrowed ("" when unknown). */
int zsi_words_place(const zsi_words *w, size_t row, const char **city, const char **province);

/* ---- the word table's layout, shared by park_words.c and words_freeze.c ---- */

#include <stdint.h>

/* A word: its bytes at text[off..off+n) (n == 0: an empty slot). */
typedef struct zsi_wslot {
    uint32_t off, n;
    uint32_t flags;
    uint32_t place; /* row in pl[] when flags has ZSW_PLACE */
} zsi_wslot;

/* A places.tsv row: city and province are offsets of NUL-terminated
 * strings in text (0: text[0], the empty string). */
typedef struct zsi_wplace {
    uint32_t city, province;
    int level; /* enum zsw_level */
} zsi_wplace;

typedef struct zsi_wtable {
    char *text;            /* the words' bytes; text[0] is a NUL */
    size_t ntext, captext; /* bytes used and allocated */
    zsi_wslot *tab;
    size_t cap, n; /* cap is a power of two */
    zsi_wplace *pl;
    size_t npl;
    size_t maxlen; /* longest key, bytes */
    /* The base's words as one bit each (hash_bit()), or NULL: most lookups
     * are of text that is no word, and the slots (4 MB) miss the CPU's
     * caches, where this (256 KiB) mostly does not. */
    uint64_t *filter;
    size_t fmask; /* filter bits - 1 */
    int frozen;   /* compiled in (words_frozen.c): nothing of it is freed */
} zsi_wtable;

/* The base table of the built-in files, made at build time by
 * words_freeze.c; .frozen is 0 in the tools that make the snapshots. */
extern const zsi_wtable zsi_words_frozen;

/* The shared base table of the built-in files plus the user's, built (or
 * taken frozen) on first use. Borrowed: lives until exit.
 * @return 0, ZS_ENOMEM, ZS_EIO, ZS_ELIMIT. */
int zsi_words_base(const zsi_wtable **out);

/* ---- the gazetteer, shared by park_gaz.c (loading) and the files that match it ---- */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract_int.h"

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

typedef zsu_str str;
typedef zsu_strlist strlist;

typedef struct alias {
    char *s;
    size_t n;
    size_t canon; /* index into names */
    int weak;     /* no zone suffix (光谷, 泰达): a zone only where zones are spoken of;
                   * ZSI_NICK_PLACE: a place's name alone (前海), parks.tsv's @ */
} alias;

/* An alias's weak value for a place's name alone that news uses as its
 * zone's name (前海): it names the zone only where it begins no longer zone
 * name (前海蛇口片区, 前海自贸区). */
#define ZSI_NICK_PLACE 2

/* A suffix's weak value: 0 strong, 1 weak, ZSI_SUF_CITY weak and only right
 * after a city's name (天津生态城; 南湖生态城 is a town's new quarter). */
#define ZSI_SUF_CITY 2
/* ... ZSI_SUF_ABROAD: a kind of zone China builds abroad with a partner
 * (境外经贸合作区), named by places abroad that the other suffixes refuse. */
#define ZSI_SUF_ABROAD 3

typedef struct suffix {
    char *s, *canon;
    size_t n, ncanon;
    int weak;
} suffix;

/* What the lists say of a zone (zones.tsv columns); "" when they do not. */
typedef struct zone_meta {
    char *level, *kind, *province, *city;
    int listed; /* 1: from a list (parks.tsv, zones.tsv); 0: never (patterns) */
} zone_meta;

/* Blocks the gazetteer's strings are carved from (park_gaz.c adup()). */
typedef struct arena {
    char **blk;
    size_t nblk, used;
} arena;

/* Strings to indices, by open addressing: the load looks every name and
 * alias up, which was a linear scan per line (quadratic in the list). */
typedef struct shash_ent {
    const char *s; /* NULL: empty slot */
    size_t n, v;
} shash_ent;
typedef struct shash {
    shash_ent *e;
    size_t cap, n; /* cap: 0 or a power of two */
} shash;

struct zsi_gazetteer {
    arena ar;
    shash alias_ix; /* alias text -> index into al */
    strlist names;  /* canonical names, in file order */
    alias *al;      /* every alias, canonical names included */
    size_t nal, capal;
    const char **alist; /* aliases grouped by canonical: alist[aoff[i]..aoff[i+1]) */
    size_t *aoff;
    size_t *bucket[NBUCKETS]; /* alias indices by first code point, longest first */
    size_t *bucket_all;       /* the storage of every bucket */
    size_t nbucket[NBUCKETS];
    /* Aliases' first two code points, hashed (pair_bit()): a text position
     * whose pair is absent starts no alias, and most positions of a passage
     * are skipped without a memcmp over their bucket (where 中, 新, 大 start
     * many names). A bucket with a one-character alias is never skipped. */
    uint64_t pairs[PAIR_BITS / 64];
    unsigned char onecp[NBUCKETS];
    suffix *suf;
    size_t nsuf, capsuf;
    /* Suffix indices by first code point, in suf's order (longest first):
     * a position that 区, 园 or 新 starts was compared with all 500
     * suffixes, 4 M memcmp calls in 1,500 articles (callgrind). */
    size_t *sbucket[NBUCKETS];
    size_t *sbucket_all; /* the storage of every suffix bucket */
    size_t nsbucket[NBUCKETS];
    /* First code points of aliases and of suffixes in the BMP, one bit
     * each (16 KiB): most positions of a passage start neither, and these
     * skip them with one load. Bucket tests by cp % NBUCKETS took most of
     * find_mentions, 6% of an indexing run's CPU (perf, news-200), as a
     * bucket holds every code point equal modulo NBUCKETS. */
    uint64_t alias_head[BMP_WORDS], suf_head[BMP_WORDS];
    strlist trim, cut, generic, infix, province, bare, scope, voice, across, after, policy, party,
        trade, space, thing;
    /* The last bytes of the bare words, one bit each (bit 256: an empty
     * word): most passages hold none of them, and one pass over the bytes
     * tells so, where a memmem a word cost 2% of an indexing run. */
    uint64_t bare_last[5];
    zsi_words *words; /* place names and word classes: where a name may start */
    zone_meta *meta;  /* per canonical name, parallel to names */
    size_t capmeta;
    /* 1: a copy of zsi_gaz_frozen, whose arrays are compiled in and never
     * freed (only the struct is the holder's). */
    int frozen;
};

/* Every string of a gazetteer is carved from blocks of this size (park_gaz.c). */
#define ARENA_BLOCK (64u * 1024u)

/* The gazetteer of the built-in files as zsi_gazetteer_open_names() makes
 * it, made at build time by gaz_freeze.c (a generated gaz_frozen.c); its
 * frozen is 0 in that tool itself, which makes it. */
extern const zsi_gazetteer zsi_gaz_frozen;

static inline char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static inline size_t nchars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

static inline int is_han(UChar32 c)
{
    return c > 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

static inline UChar32 first_cp(const char *s, size_t n)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)n, c);
    return c;
}

static inline size_t pair_bit(UChar32 a, UChar32 b)
{
    return ((size_t)a * 40503u + (size_t)b) % PAIR_BITS;
}

static inline int has_prefix(const char *s, size_t n, const str *w)
{
    return w->n <= n && memcmp(s, w->s, w->n) == 0;
}

static inline int has_suffix(const char *s, size_t n, const char *w, size_t wn)
{
    return wn <= n && memcmp(s + n - wn, w, wn) == 0;
}

static inline int contains(const char *s, size_t n, const str *w)
{
    for (size_t i = 0; i + w->n <= n; i++)
        if (memcmp(s + i, w->s, w->n) == 0)
            return 1;
    return 0;
}

/* ---- interface to park_gaz.c ---- */

/* Canonical index of name, or (size_t)-1. */
size_t zsi_pk_find_name(const zsi_gazetteer *g, const char *s, size_t n);
/* Index of the alias equal to s[0..n), or (size_t)-1. */
size_t zsi_pk_find_alias(const zsi_gazetteer *g, const char *s, size_t n);
/* Index of the longest suffix that name ends with, or -1. */
long zsi_pk_ending_suffix(const zsi_gazetteer *g, const char *s, size_t n);
/* Length of s without a trailing bracketed aside: "和平(荷江)" -> "和平". */
size_t zsi_pk_drop_aside(const char *s, size_t n);

/* ---- interface to park_bare.c ---- */

/* The first bare zone word (高新区, 园区 ...) that p uses on its own, as the
 * [bare] list spells it (borrowed from g), or NULL. */
const char *zsi_pk_bare_word(const zsi_gazetteer *g, const char *p, size_t n);
/* The same, and *at gets its byte offset in p. */
const char *zsi_pk_bare_word_at(const zsi_gazetteer *g, const char *p, size_t n, size_t *at);
/*
 * As zsi_pk_bare_word_at(); with no bare word standing alone, a 园区 that
 * ends a compound (工程机械园区, 创业园区) is returned too, with *mod set to
 * the two characters before it (机械, 创业; its trade 工业/产业/科技 passed
 * over): it names the zone of its story only if that zone's name holds them.
 * *mod is NULL for a word that stands alone. Borrowed from p.
 */
const char *zsi_pk_bare_word_mod(const zsi_gazetteer *g, const char *p, size_t n, size_t *at,
                                 const char **mod);
/* The first bare word standing alone at byte from of p or after it (*at
 * its offset), or NULL: a passage's later bare word when its first one
 * leads to no zone (工业园区…高新区). Compounds (创业园区) are not returned. */
const char *zsi_pk_bare_word_next(const zsi_gazetteer *g, const char *p, size_t n, size_t from,
                                  size_t *at);

/* ---- shared by park.c and the park_*.c files that find and push zones ---- */

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

/* ---- the mention list and the passes of park.c ---- */

/* Append a mention [start, end) named name (taken: freed on failure). @return 0 or ZS_ENOMEM. */
int zsi_pk_push(mentions *m, size_t start, size_t end, char *name);
/* Free m's names and array. */
void zsi_pk_mentions_free(mentions *m);
/* The end of a mention of m that holds byte i, or 0. */
size_t zsi_pk_covered_end(const mentions *m, size_t i);
/* Every zone mention in p, sorted by position. @return 0 or ZS_ENOMEM. */
int zsi_pk_find_mentions(const zsi_gazetteer *g, const char *p, size_t n, mentions *m);

/* ---- interface to park_fold.c ---- */

/* Fold the zone name s[0..n) to its canonical spelling into buf (NUL-terminated): its length, or
 * 0 if it does not fit. */
size_t zsi_pk_fold(const zsi_gazetteer *g, const char *s, size_t n, char *buf, size_t cap);
/* The canonical index of the zone name s[0..n) (alias, fold, fold less a province, the State
 * Council's style), or (size_t)-1. */
size_t zsi_pk_resolve(const zsi_gazetteer *g, const char *s, size_t n);
/* Does the zone name z end as a park's (园, 园区)? */
int zsi_pk_ends_park(const char *z);

/* ---- interface to park_nick.c ---- */

/* Does s[0, n) appear in zone c's canonical name or one of its aliases? */
int zsi_pk_zone_names_hold(const zsi_gazetteer *g, size_t c, const char *s, size_t n);
/* Does an organisation's name end right before byte i (民生银行深圳|前海)? */
int zsi_pk_org_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t i);
/* Does a place of another city than zone c's stand right before byte i (海安市|滨海新区)? */
int zsi_pk_other_city_before(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                             size_t c);
/* Is the nickname alias a at byte i led by its zone's own province or city (武汉光谷)? */
int zsi_pk_own_place_leads(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                           const alias *a);
/* Does a nickname at byte i start a word (天津|泰达; not 中埃泰达)? */
int zsi_pk_nick_starts_word(const zsi_gazetteer *g, const char *p, size_t i);
/* Does a place's name alone ending at byte e begin a longer zone name (前海蛇口片区)? */
int zsi_pk_place_begins_zone(const zsi_gazetteer *g, const char *p, size_t n, size_t e);
/* Join each place alone to the zone name right after it (横琴|粤澳合作中医药科技产业园). @return 0 or
 * ZS_ENOMEM. */
int zsi_pk_join_leading_places(const zsi_gazetteer *g, const char *p, mentions *m);
/* Is s[0..n) nothing but a division's own province and city, in that order? */
int zsi_pk_own_places(const char *s, size_t n, const char *prov, const char *city);
/*
 * Does p name zone canon (a canonical name) by a nickname of it (an alias of
 * at most four characters and no zone suffix: 中关村, 光谷) that starts a word
 * and is no longer name's start? The caller knows the article names canon;
 * zsi_pk_find_mentions() takes a nickname only in a passage that speaks of zones.
 */
int zsi_pk_nick_names(const zsi_gazetteer *g, const char *p, size_t n, const char *canon);

/* ---- interface to park_thing.c ---- */

/* Do the characters at byte e start no word of the lexicon, or a Latin letter and a Han
 * character (a brand: 雄安|奥特莱斯, 中关村|E谷)? */
int zsi_pk_brand_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e);
/* Does the nickname ending at byte e start the name of a thing (中关村论坛, 光谷大道)? */
int zsi_pk_thing_after(const zsi_gazetteer *g, const char *p, size_t n, size_t e);
/* Does the nickname ending at byte e name a town or district (张江镇, 中关村街道)? */
int zsi_pk_unit_after(const char *p, size_t n, size_t e);
/* Does the nickname ending at byte e start its zone's administration (中关村管委会)? */
int zsi_pk_admin_after(const char *p, size_t n, size_t e);

/* ---- interface to park_part.c ---- */

/* Push the outer zone of a listed zone inside another (福建自贸区厦门片区). @return 0, or ZS_ENOMEM. */
int zsi_pk_push_parent(const zsi_gazetteer *g, mentions *m, size_t start, size_t end, const char *s,
                       size_t n, const char *pr, size_t pn);
/* The byte after a zone's part (2 to 4 Han characters and 片区) that follows byte e, or 0. */
size_t zsi_pk_subarea_end(const zsi_gazetteer *g, const char *p, size_t n, size_t e);
/* The name of part pr[0, pn) of zone c printed as z[0, zn). Ownership: caller frees; NULL when
 * out of memory or too long. */
char *zsi_pk_subarea_name(const zsi_gazetteer *g, size_t c, const char *z, size_t zn,
                          const char *pr, size_t pn);

/* ---- interface to park_dash.c ---- */

/* Does name s[0, n) end as a park's or a town's does (园, 园区, 城)? */
int zsi_pk_parkish(const char *s, size_t n);
/* A copy of the dash-joined name s[0, n) with its double dash made single. Ownership: caller
 * frees. */
char *zsi_pk_dash_name(const char *s, size_t n);
/* Where the places joined by a dash that ends at byte s start (天津滨海—|中关村科技园), else s. */
size_t zsi_pk_dash_start(const zsi_gazetteer *g, const char *p, size_t floor, size_t s);

/* ---- interface to park_list.c ---- */

/* Push the zones of the places listed before zone [start, end) (浙江、湖北、四川自贸试验区). @return 0 or
 * ZS_ENOMEM. */
int zsi_pk_push_peers(const zsi_gazetteer *g, const char *p, mentions *m, size_t start, size_t end);
/* Push the place's zones of the kinds listed after zone [start, end) (苏州高新区、经开区). @return 0 or
 * ZS_ENOMEM. */
int zsi_pk_push_kin(const zsi_gazetteer *g, const char *p, size_t n, mentions *m, size_t start,
                    size_t end);
/* Does a list of places that starts at byte e start a phrase there? */
int zsi_pk_list_starts(const zsi_gazetteer *g, const char *p, size_t floor, size_t e);
/* Push the zones of places counted before the suffix si at byte i (苏州、无锡两个高新区). @return 0 or
 * ZS_ENOMEM. */
int zsi_pk_push_counted(const zsi_gazetteer *g, const char *p, mentions *m, size_t floor, size_t i,
                        long si);
/* Is s[0..n) the word of a transport hub a zone is named by (临空, 空港,
 * 临港, 高铁, 航空)? */
int zsi_pk_hub_word(const char *s, size_t n);

/* ---- interface to park_suffix.c ---- */

/* The index of the zone suffix that starts at byte i of p, or -1. */
long zsi_pk_suffix_at(const zsi_gazetteer *g, const char *p, size_t n, size_t i);
/* Byte length of an opening (open) or closing quotation mark ending (open) or starting at byte
 * i, or 0. */
size_t zsi_pk_quote_at(const char *p, size_t n, size_t i, int open);
/* Does p speak of zones at all (a [bare] word or a zone suffix)? */
int zsi_pk_speaks_of_zones(const zsi_gazetteer *g, const char *p, size_t n);
/* Does a suffix that ends at byte e end a name there ([across], [after])? */
int zsi_pk_suffix_ends(const zsi_gazetteer *g, const char *p, size_t n, size_t e);
/* Is the suffix a park's (it ends in 园 or 园区)? */
int zsi_pk_park_suffix(const suffix *x);
/* Is the suffix a development zone's that holds parks (高新区, 经开区, 新区)? */
int zsi_pk_holds_parks(const suffix *x);
/* Is the suffix one of the parks institutions build (科技园, 产业园)? */
int zsi_pk_institution_park(const suffix *x);
/* 中国（X）right before suffix si at byte i, a zone the lists know: [*ps, *pe). @return 1 or 0. */
int zsi_pk_state_style(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, long si,
                       size_t *ps, size_t *pe);
/* May an alias (heads = alias_head) or suffix (suf_head) start with c?
 * Outside the BMP: maybe. Inline: heads_find() asks it twice for every
 * character of every passage (5.3 M calls on every 8th realnews-dev article,
 * 69 M instructions as a call of another file). */
static inline int zsi_pk_may_head(const uint64_t *heads, UChar32 c)
{
    return c >= 0x10000 || (heads[c / 64] >> (c % 64) & 1);
}
/* Is the pattern-built name s[0..n) a county-level division (沈北新区), alone or after its own city
 * or province? */
int zsi_pk_district(const zsi_gazetteer *g, const char *s, size_t n);

/* ---- interface to park_edge.c ---- */

/* Han characters looked at before a suffix. */
#define MAX_RUN_CHARS 12
/* Longest word tried in the lexicon (characters). */
#define MAX_WORD_CHARS 8
/* Longest name (before its suffix) that starts with a place, characters. */
#define MAX_PLACE_NAME_CHARS 8
/* Han characters looked at before a company's park's suffix. */
#define MAX_COMPANY_CHARS 16
/* What ended a run of Han characters (zsi_pk_han_run): floor or the limit, no
 * character. */
#define RUN_NO_CHAR (-2)

/*
 * The name before a zone suffix at byte i of p, no earlier than floor:
 * [*ps, *pe) (see park_edge.c). floor_zone: a zone's name ends at floor.
 * *at_floor is 1 when it does and the name's words run back to it. @return 1 for a name, 0 for none.
 */
int zsi_pk_name_edge(const zsi_gazetteer *g, const char *p, size_t floor, int floor_zone, size_t i,
                     int weak, int park, size_t *ps, size_t *pe, int *at_floor);

/* Do the characters p[floor..i) cut into words that may describe a park
 * (先进装备制造, 军民融合; no leading verb, no 的)? */
int zsi_pk_inner_words(const zsi_gazetteer *g, const char *p, size_t floor, size_t i);

/* Does the word s[0..n) begin with a numeral or a demonstrative (一处, 两个,
 * 这个, 各)? It points at a park or a part of one and names none. */
int zsi_pk_determiner(const char *s, size_t n);

/* Tidy a folded pattern name in place (武汉市东湖高新区 -> 武汉东湖高新区);
 * returns its new length. */
size_t zsi_pk_tidy(const zsi_gazetteer *g, char *s, size_t n);

/* The run of Han characters that ends at byte i, read backwards, no earlier
 * than floor and at most max characters: pos[k] where the k-th character back
 * starts (pos[] holds max + 1 entries), *before the character that ended it
 * (may be NULL). @return the run's characters. */
size_t zsi_pk_han_run(const char *p, size_t floor, size_t i, size_t max, size_t *pos,
                      UChar32 *before);
/* The longest lexicon word ending at pos[j] of a run of nc characters: its
 * length in characters (1 when none is known), *fl its classes, *row its row. */
size_t zsi_pk_word_at(const zsi_gazetteer *g, const char *p, const size_t *pos, size_t j, size_t nc,
                      unsigned *fl, size_t *row);
/* Is s[0..n) the string lit? */
int zsi_pk_is_lit(const char *s, size_t n, const char *lit);
/* Does a [generic] word describe the words s[0..n) after a place (not a
 * [trade] word when trades is set)? */
int zsi_pk_describes(const zsi_gazetteer *g, const char *s, size_t n, int trades);
/* Is c a numeral character (一 ... 万, 两)? */
int zsi_pk_numeral(UChar32 c);
/* Is s[0..n) a character a name never holds ([cut] of the gazetteer: 的, 是)? */
int zsi_pk_cut_char(const zsi_gazetteer *g, const char *s, size_t n);
/* Does p[s..e) hold a locative or direction word of jieba's (城郊, 东部)? */
int zsi_pk_where_words(const char *p, size_t s, size_t e);
/* Is the suffix at p one that a trade's kind of park takes with no place
 * before it (产业园: 光伏产业园; 物流园区: 冷链物流园区)? */
int zsi_pk_trade_park(const char *p);

/* ---- interface to park_abroad.c ---- */

/* The name before an abroad suffix (ZSI_SUF_ABROAD) at byte i of p, no
 * earlier than floor: the words back to a stop word, two to
 * MAX_PLACE_NAME_CHARS characters, none a description (埃及苏伊士经贸合作区,
 * not 境外经贸合作区): [*ps, *pe). @return 1 or 0. */
int zsi_pk_abroad_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                       size_t *pe);

/* Does a place word start or end with 中 (China, a party: 中日韩, 海中)? */
int zsi_pk_party_china(const char *s, size_t n);
/* Start of the longest place abroad (foreign.txt) of two to MAX_WORD_CHARS
 * characters that ends at byte s, no earlier than floor; s when none does. */
size_t zsi_pk_abroad_start(const zsi_gazetteer *g, const char *p, size_t floor, size_t s);
/* Is there a place abroad that ends at byte s, or (when lead) starts at s and
 * ends by te? */
int zsi_pk_abroad(const zsi_gazetteer *g, const char *p, size_t floor, size_t s, size_t te,
                  int lead);
/* Is s[0..n) made of parties to a trade agreement only (中国—东盟)? */
int zsi_pk_parties_only(const zsi_gazetteer *g, const char *s, size_t n);

/* ---- interface to park_company.c ---- */

/* The name of a park a company builds before a weak suffix at byte i of p,
 * no earlier than floor (森阳集成电路产业园): [*ps, *pe). @return 1 or 0. */
int zsi_pk_company_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                        size_t *pe);

/* A brand spelled in capitals right before byte k of p, no earlier than
 * floor (GE, TCL, OPPO): where it starts, or (size_t)-1. Two to six
 * letters, after no letter or digit (5G, iPhone are no brand of this shape). */
size_t zsi_pk_latin_brand(const char *p, size_t floor, size_t k);

/* The name of a park an institution builds before a weak suffix at byte i
 * of p, no earlier than floor (中科院计算所龙芯产业园): [*ps, *pe).
 * @return 1 or 0. */
int zsi_pk_institution_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i,
                            size_t *ps, size_t *pe);

/* ---- interface to park_joint.c ---- */

/* The name of a park before a weak suffix at byte i of p, no earlier than
 * floor, that joins two trades after a place (水城区铝及铝加工产业园):
 * [*ps, *pe). @return 1 or 0. */
int zsi_pk_joint_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                      size_t *pe);

/* ---- interface to park_pair.c ---- */

/* The name of a park before a weak suffix at byte i of p, no earlier than
 * floor, led by two places' short forms (粤澳合作产业园, 港深创新及科技园,
 * 横琴粤澳合作中医药科技产业园): [*ps, *pe). @return 1 or 0. */
int zsi_pk_pair_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                     size_t *pe);

/* jieba's likeliest cut of p[s..e) (metric_lex.c; declared in metric_int.h,
 * whose names clash with park_edge.c's): start[0..w] the words' starts and
 * e, tag[0..w) their parts of speech; returns w, 0 when more than max. */
int zsi_lex_cut(const char *p, size_t s, size_t e, size_t *start, char *tag, int max);
/* Is p[s..e), two to four characters, a word of jieba's dictionary? */
int zsi_lex_is_word(const char *p, size_t s, size_t e);

#endif
