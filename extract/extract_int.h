/*
 * extract_int.h - private interface of extract/, the layer that turns text
 * into facts: decoding a corpus file, rebuilding its passages, and finding
 * the years and development zones each passage speaks of (figures, numbers
 * and metrics: figure_int.h).
 *
 * What this layer must not do: open or name SQLite, know how or whether
 * anything is stored, print, or read the environment. It uses only util/ and
 * segment/ below it; store/ and query/ above it call into it. Everything is
 * bytes in, plain C values out, so it is testable without an index.
 *
 * Invariants shared by every function below:
 *  - Text is UTF-8; a length travels with its pointer; offsets are bytes into
 *    the text the caller passed.
 *  - Functions that can fail return 0 or a negative ZS_E* code (zhaoshu.h).
 *  - Nothing here prints; diagnostics go through callbacks or err buffers.
 *  - All symbols carry the zsi_ prefix and hidden visibility.
 */
#ifndef ZS_EXTRACT_INT_H
#define ZS_EXTRACT_INT_H

#include <stddef.h>

#include "util_int.h"
#include "zhaoshu.h"

/* ---- marks of Chinese text that several readers share ---- */

/* Does cp set list items side by side: the mark 、 or the conjunction 和,
 * 及 or 与 (A、B和C)? Whether a 和 is a word of its own (not of 总和) is
 * the caller's to check. */
static inline int zsi_is_list_mark(unsigned cp)
{
    return cp == 0x3001 || cp == 0x548C || cp == 0x53CA || cp == 0x4E0E; /* 、和及与 */
}

/* Is cp the copula 是 or 为 (今年产值为3亿元, 其中30%是老年人)? Whether a 为
 * is the copula and not part of 因为 or 成为 is the caller's to check. */
static inline int zsi_is_copula(unsigned cp)
{
    return cp == 0x662F || cp == 0x4E3A; /* 是 为 */
}

/* ---- interface to decode.c ---- */

/* Largest corpus file accepted (bytes); larger ones fail with ZS_ELIMIT. */
#define ZSI_MAX_FILE_BYTES (256u * 1024u * 1024u)
/* At most this many invalid-byte warnings per file; one more says "and more". */
#define ZSI_MAX_DECODE_WARNINGS 16

/*
 * Diagnostic callback: off is a byte offset into the raw input, msg a short
 * English sentence (borrowed for the duration of the call).
 */
typedef void (*zsi_warn_fn)(void *ctx, size_t off, const char *msg);

/*
 * Turn a raw file into UTF-8 text.
 *  - Valid UTF-8 passes through unchanged except that a leading BOM is dropped.
 *  - UTF-16 with a BOM is converted.
 *  - Text that is not UTF-8 but converts cleanly as GB18030 (a superset of
 *    GBK and GB2312) is converted; failing that, ICU's charset detector may
 *    name another legacy charset that converts cleanly.
 *  - Mostly-UTF-8 text with stray invalid bytes keeps its UTF-8 and gets
 *    U+FFFD for each invalid sequence, each reported through warn.
 *  - Binary data (NUL bytes outside UTF-16, or many control bytes) is
 *    rejected with ZS_EINVAL; the reason goes through warn.
 * Line ends are left as they are (passage.c accepts LF, CRLF and CR).
 * warn may be NULL.
 * Ownership: *out is NUL-terminated; caller frees with free().
 * @return 0, ZS_EINVAL (binary), ZS_ELIMIT (n > ZSI_MAX_FILE_BYTES),
 *         ZS_ENOMEM, ZS_EICU.
 */
int zsi_decode(const char *raw, size_t n, char **out, size_t *out_n, zsi_warn_fn warn, void *ctx);

/* ---- interface to textdata.c ---- */

/*
 * Iterate the lines of a data file: skips blank lines and '#' comments, trims
 * spaces and CR. Start with *pos = 0; returns 1 and sets *line and *len while
 * there is a line, 0 at the end.
 */
int zsi_data_next_line(const char *buf, size_t n, size_t *pos, const char **line, size_t *len);

/* ---- interface to passage.c ---- */

/* Longest text zsi_passages_split() accepts (bytes). */
#define ZSI_MAX_PASSAGE_INPUT ZSI_MAX_FILE_BYTES
/* Longest passage (bytes of joined text); longer paragraphs are cut. */
#define ZSI_MAX_PASSAGE_BYTES (64u * 1024u)

enum zsi_passage_kind {
    ZSI_P_BODY = 0,     /* running text (including 本报讯 leads) */
    ZSI_P_HEADLINE = 1, /* title, deck, section label */
    ZSI_P_CAPTION = 2,  /* photo caption, picture credit, 图片来源 */
    ZSI_P_BYLINE = 3    /* reporter, editor, author names */
};

typedef struct zsi_passage {
    size_t start, end; /* byte range in the text given to zsi_passages_split */
    char *text;        /* repaired and joined text, NUL-terminated, malloc'd */
    size_t len;        /* bytes in text */
    int kind;          /* enum zsi_passage_kind */
} zsi_passage;

/*
 * Rebuild the passages (paragraphs as the writer meant them) of decoded text:
 * layout line breaks inside paragraphs are joined, headlines, bylines and
 * captions become their own passages, bold-type doubling is repaired. See the
 * opening comment of passage.c for the rules.
 * Ownership: caller frees *out with zsi_passages_free(*out, *nout).
 * @return 0, ZS_EINVAL, ZS_ELIMIT (n > ZSI_MAX_PASSAGE_INPUT), ZS_ENOMEM,
 *         ZS_EIO (built-in cue data unreadable).
 */
int zsi_passages_split(const char *text, size_t n, zsi_passage **out, size_t *nout);

/* Free passages from zsi_passages_split(). Accepts NULL. */
void zsi_passages_free(zsi_passage *p, size_t n);

/* "body", "headline", "caption" or "byline". Static storage. */
const char *zsi_passage_kind_name(int kind);

/*
 * Repair a line printed in doubled bold type ("贵阳高新区贵阳高新区：：" ->
 * "贵阳高新区："): every punctuation character doubled and every text run
 * printed twice back to back. Returns 1 and writes the repaired text to
 * *out (caller frees with free()) when the whole line is unambiguously
 * doubled, 0 when it is not (nothing allocated), ZS_ENOMEM.
 */
int zsi_undouble(const char *p, size_t n, char **out, size_t *nout);

/* ---- interface to year.c ---- */

/* Plausible years; anything outside is not a year. */
#define ZSI_YEAR_MIN 1900
#define ZSI_YEAR_MAX 2100
/* Widest range expanded ("2001-2100" gives nothing beyond this span). */
#define ZSI_MAX_YEAR_SPAN 50

/*
 * The year an article was written, inferred from its text (see year.c); 0 if
 * unknown.
 */
int zsi_article_year(const char *text, size_t n);

/*
 * The years a passage speaks of, sorted and unique, into years[0..cap):
 * explicit "2024年", ranges ("2021年到2024年", "2021—2025年", "2021-2025"),
 * five-year-plan periods ("十四五" = 2021..2025) and, when article_year is
 * not 0, 今年/去年/前年/明年/上年.
 * span (may be NULL; room for cap) tells the years a passage states
 * (span[i] == 0: 2024年, 今年, either end of a range) from those it only
 * spans (1: each year of 十四五, the inside of 2021—2025年), so that a
 * year filter can ask for either (year:2023 or year:~2023).
 * @return 0, or ZS_ELIMIT when more than cap years were found (the first cap,
 *         in order, are stored); *nyears is the number stored.
 */
int zsi_years_extract(const char *p, size_t n, int article_year, int *years, unsigned char *span,
                      size_t cap, size_t *nyears);

/* First year of the N-th five-year plan (1953, 1958, 1966, ..., 2021 for 14). */
int zsi_plan_first_year(int nth);

/* ---- interface to park.c ---- */

/* Most names zsi_parks_extract() returns for one passage. */
#define ZSI_MAX_PARKS_PER_TEXT 256

typedef struct zsi_gazetteer zsi_gazetteer;

/*
 * Load the development-zone gazetteer (data/parks.tsv) and the zone-name
 * patterns (data/zone_suffixes.txt), each built in plus the user's additions.
 * Ownership: caller frees *out with zsi_gazetteer_free().
 * @return 0, ZS_ENOMEM, ZS_EIO, ZS_ELIMIT, ZS_EINVAL (malformed line; err says
 *         which).
 */
int zsi_gazetteer_open(zsi_gazetteer **out, char *err, size_t errcap);

/*
 * The same gazetteer without the word lexicon (data/places.tsv,
 * wordclass.txt), which only finding names in text needs: it resolves names
 * and lists aliases (zsi_park_canonical(), zsi_park_aliases()) as the full
 * one does, for a sixth of the load (a query process loads it for every
 * query). zsi_park_info_get() gives no province or city from a place name
 * with it. Never pass it to zsi_parks_extract(). Same ownership and errors.
 */
int zsi_gazetteer_open_names(zsi_gazetteer **out, char *err, size_t errcap);

/* Free a gazetteer. Accepts NULL. */
void zsi_gazetteer_free(zsi_gazetteer *g);

/*
 * Zones named in p: canonical names, unique, in order of first appearance.
 * Names found by the suffix patterns but absent from the gazetteer are
 * returned too, canonicalised by the folding rules. When counts is not NULL
 * (room for ZSI_MAX_PARKS_PER_TEXT), counts[i] is how often names[i] is named.
 * Ownership: caller frees with zsu_strv_free(*names, *nnames).
 * @return 0, ZS_ENOMEM.
 */
int zsi_parks_extract(const zsi_gazetteer *g, const char *p, size_t n, char ***names,
                      size_t *nnames, size_t *counts);

/* One zone named in a text: where, and which (canonical, as zsi_parks_extract()
 * gives it). A nested name (两江新区水土工业园) is two mentions. */
typedef struct zsi_park_mention {
    size_t start, end; /* byte span of the name as printed */
    char *name;
} zsi_park_mention;

/*
 * Every zone mention in p, in text order, with its span: the same finding as
 * zsi_parks_extract(), before names are made unique, so that one pass over a
 * passage tells which zone each part of it names (credit.c).
 * Ownership: caller frees with zsi_park_mentions_free(*out, *nout).
 * @return 0, ZS_ENOMEM, ZS_EINVAL.
 */
int zsi_parks_mentions(const zsi_gazetteer *g, const char *p, size_t n, zsi_park_mention **out,
                       size_t *nout);
/* Free what zsi_parks_mentions() made. Accepts NULL. */
void zsi_park_mentions_free(zsi_park_mention *v, size_t n);

/*
 * A tally of zone mentions over an article, to find the zone it is mainly
 * about: the one named most often (ties go to the first named). Zero it to
 * start; free with zsi_park_tally_clear().
 */
typedef struct zsi_park_tally {
    char **names;
    size_t *counts;
    size_t n, cap;
} zsi_park_tally;

/* Add n names (copied) with their counts, in text order. @return 0, ZS_ENOMEM. */
int zsi_park_tally_add(zsi_park_tally *t, char *const *names, const size_t *counts, size_t n);
/* The most named zone, borrowed from t; NULL when none was named. */
const char *zsi_park_tally_best(const zsi_park_tally *t);
void zsi_park_tally_clear(zsi_park_tally *t);

/*
 * One zone printed with and without places in front (苏州相城漕湖开发区,
 * then 漕湖开发区): the name of names[0..n) that name is a twin of, which
 * it is to take, or NULL (park_twin.c says which of the two is kept).
 * Borrowed from names.
 */
const char *zsi_park_twin(const zsi_gazetteer *g, const char *const *names, size_t n,
                          const char *name);
/* Give each of names[0..*n) (owned, malloc'd) that is a twin of a name of
 * article[0..narticle) the other's name, and drop repeats (*n shrinks).
 * @return 0, ZS_ENOMEM (the list then stays whole, some names folded). */
int zsi_parks_fold_twins(const zsi_gazetteer *g, const char *const *article, size_t narticle,
                         char **names, size_t *n);
/* Count each twin's mentions in the tally for the name it takes. */
void zsi_park_tally_fold_twins(const zsi_gazetteer *g, zsi_park_tally *t);

/*
 * The canonical name for an alias (any spelling the gazetteer or the folding
 * rules know: 六盘水国家高新区, 贵州水城经开区, ...). Borrowed from g; NULL if
 * the name is unknown.
 */
const char *zsi_park_canonical(const zsi_gazetteer *g, const char *alias, size_t n);

/* What the gazetteer knows of a zone (all borrowed from g; "" when unknown). */
typedef struct zsi_park_info {
    const char *level; /* "national", "provincial", or "" */
    const char *kind;  /* 高新区, 经开区, 国家级新区, 自贸区, 综合保税区 ... */
    const char *province; /* 贵州省 */
    const char *city;     /* 贵阳市 */
    int listed;           /* 1: in parks.tsv or zones.tsv; 0: found by the patterns */
} zsi_park_info;

/*
 * What is known of zone name[0..n) (a canonical name as zsi_parks_extract()
 * gives): the lists' columns, and for what they leave out, the kind from the
 * name's suffix and the province and city of the place it starts with
 * (places.tsv). Never fails; a name nothing is known of gets "" fields.
 */
void zsi_park_info_get(const zsi_gazetteer *g, const char *name, size_t n, zsi_park_info *out);

/* Number of canonical zones in the gazetteer, and the i-th (borrowed). */
size_t zsi_gazetteer_count(const zsi_gazetteer *g);
const char *zsi_gazetteer_name(const zsi_gazetteer *g, size_t i);

/*
 * The aliases of a canonical name (borrowed from g, not including the
 * canonical itself). @return ZS_ENOTFOUND if canonical is not in g.
 */
int zsi_park_aliases(const zsi_gazetteer *g, const char *canonical, size_t n,
                     const char *const **aliases, size_t *naliases);

/*
 * The zone an article is mainly about: the one mentioned most often (ties go
 * to the earliest). *out is NULL when no zone is named.
 * Ownership: caller frees *out with free().
 * @return 0, ZS_ENOMEM.
 */
int zsi_article_park(const zsi_gazetteer *g, const char *text, size_t n, char **out);

/* A passage as zsi_story_zones() reads it (all borrowed). */
typedef struct zsi_story_passage {
    const char *text;
    size_t len;
    int kind;           /* enum zsi_passage_kind */
    char *const *names; /* the zones it names, in order of first mention */
    size_t nnames;
} zsi_story_passage;

/* Most zones a passage takes from its story: one for a bare word, or one
 * for each nickname it says (深圳前海、珠海横琴: two zones). */
#define ZSI_STORY_ZONES 4

/* The zones a passage takes from its story (zsi_story_zones()). */
typedef struct zsi_story_zone {
    const char *zone[ZSI_STORY_ZONES]; /* borrowed from ps[k].names for some k */
    size_t n;                          /* 0: none */
    /* zsi_story_zones()'s own links, so that a long page is read in linear
     * time and not scanned back again for each passage (ZSI_STORY_NONE:
     * none): the passage of the story whose names hold zone[0], the nearest
     * earlier passage that names a zone, and the nearest earlier one that
     * names or takes one. */
    size_t from, named, spoke;
} zsi_story_zone;

#define ZSI_STORY_NONE ((size_t)-1)

/*
 * The zone a bare reference in each passage of an article refers to (see
 * park_story.c): the nearest zone of its kind named before it in its own
 * story, or none (also when passage i names a zone or has no bare word).
 * A passage naming no zone that says nicknames (中关村, 光谷; 前海、横琴) of
 * zones the article names elsewhere gets each of those zones instead.
 * out has room for n.
 */
void zsi_story_zones(const zsi_gazetteer *g, const zsi_story_passage *ps, size_t n,
                     zsi_story_zone *out);

/*
 * Which figures of a passage (f[0..nf), from zsi_figures_extract() on p) are
 * not its zone's: withheld[i] = 1 when the nearest subject before figure i in
 * its sentence is a province, city, county, 全市/全省/全国 or a company, with
 * no zone named between it and the figure (see credit.c). m[0..nm) are the
 * passage's zone mentions (zsi_parks_mentions() of p); g's [bare] words tell
 * a place they overlap in part (科学城|北区, 三|大园区) from a subject.
 * withheld has room for nf. Cannot fail.
 */
struct zsi_figure;
void zsi_figures_credit(const zsi_gazetteer *g, const char *p, size_t n,
                        const struct zsi_figure *f, size_t nf, const zsi_park_mention *m, size_t nm,
                        unsigned char *withheld);

/*
 * For a passage that names no zone itself (its zone inherited from its story
 * or article), after zsi_figures_credit() with no mentions: also withholds
 * figure i when the nearest subject before it anywhere in the passage (not
 * only in its sentence) is a province, city, county, collective place word
 * or a company, and no bare zone word (园区, 高新区: zsi_has_bare_park_ref())
 * stands between that subject and the figure (see credit.c). Cannot fail.
 */
void zsi_figures_credit_unnamed(const zsi_gazetteer *g, const char *p, size_t n,
                                const struct zsi_figure *f, size_t nf, unsigned char *withheld);

/* credit[i] of zsi_figures_nearest(): figure i is zone names[credit[i] -
 * ZSI_CREDIT_ZONE]'s. */
#define ZSI_CREDIT_ZONE 2

/*
 * Which of the zones a passage names (names[0..nnames), zsi_parks_extract()
 * of p; m[0..nm) their mentions, zsi_parks_mentions() of p) each of its
 * figures is credited with, when it names several: the one
 * zone named in the nearest sentence before the figure that names any (its
 * own sentence first: 甲经开区集聚企业20家；乙经开区集聚企业144家 gives 144家
 * to 乙). Sets credit[i] = ZSI_CREDIT_ZONE + k for names[k]; leaves credit[i]
 * as it is (0: the passage's first zone, 1: withheld, from
 * zsi_figures_credit()) when the figure is withheld, that sentence names two
 * zones or more, or none does. Cannot fail.
 */
void zsi_figures_nearest(const char *p, size_t n, const struct zsi_figure *f, size_t nf,
                         const zsi_park_mention *m, size_t nm, char *const *names, size_t nnames,
                         unsigned char *credit);

/*
 * 1 when p refers to a zone without naming it ("高新区", "园区", "开发区"
 * standing alone), so the passage may inherit the article's zone; else 0.
 */
int zsi_has_bare_park_ref(const zsi_gazetteer *g, const char *p, size_t n);

/* 1 when a bare zone word of g's [bare] list (科学城, 园区) overlaps the
 * name at p[i..q) in part: it starts before i and ends after i (科学城|北区,
 * where 城北区 is a county's name), or starts inside the name (三|大园区, the
 * county 大园区 where the text counts 三大园区). */
int zsi_bare_word_overlaps(const zsi_gazetteer *g, const char *p, size_t n, size_t i, size_t q);

#endif
