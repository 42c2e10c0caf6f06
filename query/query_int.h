/*
 * query_int.h - private interface of the query module (query/).
 *
 * Sections name the file that implements them. Internal symbols carry the
 * zsq_ prefix and are hidden from the shared library.
 */
#ifndef ZS_QUERY_INT_H
#define ZS_QUERY_INT_H

#include <stddef.h>

#include "zhaoshu.h"

/* ---- interface to parse.c ---- */

/*
 * The query language (parse.c turns it into a tree and renders FTS5 MATCH
 * strings in which every term is a double-quoted string; user text never
 * reaches SQL or FTS5 syntax):
 *
 *   a b            both (implicit AND; the keyword AND is accepted too)
 *   a OR b         either. OR binds tighter than AND, as in web search:
 *                  `x a OR b` is x AND (a OR b). (FTS5 itself binds AND
 *                  tighter; we always render explicit parentheses.)
 *   (a b) OR c     grouping, at most ZSQ_MAX_DEPTH levels
 *   "a phrase"     a phrase, never split; also ＂…＂ and “…”
 *   -a, NOT a      exclude (also full-width －); at least one term must be
 *                  searched for; an exclusion cannot be a side of OR
 *   word*          prefix (the phrase `"a b"*` too); a lone `*` is dropped
 *   park:NAME      filters; `：` works too; the value may be quoted.
 *   year:2024      year:2021-2025, year:2021..2025 (also ~ 至 到, 年 suffix)
 *   figure:>100亿元 figure:>=, <, <=, =, a bare quantity (=), or a range
 *                  A..B (also A-B, A~B, A至B); see zsq_figure.
 *   date:2019-10   date:2019, date:2019-10-01..2020-02-29, date:2019-10..,
 *                  date:..2020-02: articles printed then (zsq_date_range)
 *   source:人民日报 articles of that outlet (exact name; may repeat: any)
 *
 * Words typed without spaces are split: a run of Han characters is cut at
 * the words the segmenter finds (longest WORD token first); characters no
 * word starts at are gathered into one chunk; a chunk of a single character
 * joins the piece before it (or after it, at the start), so the typed
 * adjacency of what the segmenter could not place is kept (六盘水的高新区 ->
 * 六盘水的 + 高新区). Latin words and numbers inside such a word are terms as
 * typed, except that a number glued to the Han text after it stays one term
 * with it (135.34亿元, 2024年). Excluded words and phrases are never split.
 * Each term is one FTS5 phrase, so BM25 counts the query's words (the index
 * holds characters; see seg.c).
 * Terms that yield no tokens (punctuation, a lone `-` or `*`) are dropped;
 * OR with a dropped side is its other side.
 * Control characters are spaces; invalid UTF-8 is a syntax error.
 * Filters: park: may repeat (any of them matches); year: filters intersect;
 * one figure: per query; date: filters intersect; source: may repeat. Filters cannot be excluded nor sit inside a side of
 * OR (they apply to the whole query). A query of filters alone is valid.
 * Any `letters:` word is a filter attempt, so `body:x` or `http://...` is an
 * "unknown filter" error: quote such text ("http://...").
 */

/* Longest query accepted (bytes). */
#define ZSQ_MAX_QUERY_BYTES 1024
/* Deepest nesting of parentheses. */
#define ZSQ_MAX_DEPTH 8
/* Most terms (after splitting) in one query. */
#define ZSQ_MAX_TERMS 64
/* Most park: filters in one query (a passage matches any of them). */
#define ZSQ_MAX_PARKS 8
/* Most other names of a zone a query's zone name also finds. */
#define ZSQ_MAX_ZONE_NAMES 8
/* Most source: filters in one query (a passage matches any of them). */
#define ZSQ_MAX_SOURCES 8
/* Bytes of a date as "YYYY-MM-DD" with its NUL. */
#define ZSQ_DATE_BYTES 11
/* Longest unit or class name copied from zsi_quantity_parse(). */
#define ZSQ_MAX_UNIT_BYTES 32

/* The comparison of a figure: filter. */
typedef enum zsq_fig_op {
    ZSQ_FIG_NONE = 0, /* no figure filter */
    ZSQ_FIG_LT,       /* value <  hi */
    ZSQ_FIG_LE,       /* value <= hi */
    ZSQ_FIG_GT,       /* value >  lo */
    ZSQ_FIG_GE,       /* value >= lo */
    ZSQ_FIG_EQ,       /* value == lo (== hi); a bare quantity means this */
    ZSQ_FIG_RANGE     /* lo <= value <= hi */
} zsq_fig_op;

/*
 * A figure constraint. lo and hi are in the base unit zsi_quantity_parse()
 * returns (100亿元 -> 1e10, unit "元"); an open end is -HUGE_VAL / HUGE_VAL,
 * so lo <= value <= hi always holds for a match (strictness from op).
 * unit and cls are "" when the quantity had none: any unit then matches.
 */
typedef struct zsq_figure {
    zsq_fig_op op;
    double lo, hi;
    char unit[ZSQ_MAX_UNIT_BYTES];
    char cls[ZSQ_MAX_UNIT_BYTES];
} zsq_figure;

/* ---- interface to figtest.c ---- */

/* Relative tolerance of figure:=X (a value read from text as a double). */
#define ZSQ_FIG_EQ_TOLERANCE 1e-9

/* The comparison of a figure's value a figure: filter makes. */
typedef enum zsq_cmp {
    ZSQ_CMP_LT,     /* value <  hi */
    ZSQ_CMP_LE,     /* value <= hi */
    ZSQ_CMP_GT,     /* value >  lo */
    ZSQ_CMP_GE,     /* value >= lo */
    ZSQ_CMP_BETWEEN /* lo <= value <= hi */
} zsq_cmp;

/* Its SQL operator ("<", ..., "BETWEEN"), indexed by zsq_cmp. */
extern const char *const zsq_cmp_sql[];

/* What a figure: filter takes: a figure of class cls (NULL: any) whose
 * value passes cmp. Borrowed from the zsq_figure it was made from. */
typedef struct zsq_fig_test {
    const char *cls;
    zsq_cmp cmp;
    double lo, hi;
} zsq_fig_test;

/* The test of filter f into *t. @return 1, or 0 when f is no filter. */
int zsq_figure_test(const zsq_figure *f, zsq_fig_test *t);

/* Does figure x pass t? (What the SQL written from t selects.) */
int zsq_fig_test_passes(const zsq_fig_test *t, const zs_figure *x);

/* One positive term, for highlighting: the text as typed (after splitting). */
typedef struct zsq_term {
    char *text; /* NUL-terminated; len bytes */
    size_t len;
    int prefix; /* typed as word*: highlight tokens starting with it */
    int phrase; /* typed as "a phrase" */
    int group;  /* the item of the top-level AND it is part of: the words and
                   alternatives (OR, a zone's aliases) of one item share it, and
                   a passage lacks the item when it holds none of them */
} zsq_term;

/* A park: filter value, raw as typed (the caller canonicalises it). */
typedef struct zsq_str {
    char *p; /* NUL-terminated; n bytes */
    size_t n;
} zsq_str;

/*
 * A parsed query. All strings are owned by the struct and freed by
 * zsq_parsed_free().
 *
 * match_all and match_any are "" (never NULL) when the query holds only
 * filters (has_text == 0): the caller then selects by filters alone.
 */
typedef struct zsq_parsed {
    int has_text;
    char *match_all; /* every term: the AND form */
    char *match_any; /* the same positive terms OR-ed, top-level exclusions kept */
    zsq_term *terms; /* positive terms, deduplicated, in query order */
    size_t nterms;
    zsq_str *parks; /* park: values; a passage matches any of them */
    size_t nparks;
    int has_year; /* year: filters intersect; an empty intersection is an error */
    int year_from, year_to;
    int year_span;     /* year:~Y: passages that only span a year (十四五) match too */
    zsq_figure figure; /* op == ZSQ_FIG_NONE: no figure filter (one allowed) */
    /* date: filters intersect into one range of days (docfilter.c says how
     * an article dated to the month or year matches it); an open end is
     * "0000-00-00" or "9999-99-99" */
    int has_date;
    char date_lo[ZSQ_DATE_BYTES], date_hi[ZSQ_DATE_BYTES];
    char *sources[ZSQ_MAX_SOURCES]; /* source: values; an article matches any of them */
    size_t nsources;
} zsq_parsed;

/*
 * Parse query q[0..n) (UTF-8).
 *
 * Private-use characters U+E000..U+F8FF are removed before anything else so
 * a user can never forge the word-bonus marker. Offsets still refer to q.
 * @param seg  the segmenter used to split spaceless CJK and to drop terms
 *             without tokens (borrowed; not thread-safe, like the segmenter).
 * @param out  receives the result. Ownership: caller frees with
 *             zsq_parsed_free(). NULL on failure.
 * @param err  receives a one-line English message on failure (may be NULL).
 * @param err_off  receives the byte offset in q of the problem (may be NULL).
 * @return 0; ZS_ESYNTAX (bad query), ZS_ELIMIT (a ZSQ_MAX_* limit),
 *         ZS_EINVAL (NULL arguments), ZS_ENOMEM, or a segmenter error.
 */
int zsq_parse(zs_seg *seg, const char *q, size_t n, zsq_parsed **out, char *err, size_t errcap,
              size_t *err_off);

struct zsi_gazetteer;
/*
 * zsq_parse() where a zone's name typed in a word (成都高新区) is one phrase
 * that also finds the zone's other names (an OR of phrases), from gaz.
 */
int zsq_parse_zones(zs_seg *seg, const struct zsi_gazetteer *gaz, const char *q, size_t n,
                    zsq_parsed **out, char *err, size_t errcap, size_t *err_off);
/*
 * zsq_parse_zones(), except that a blank q (spaces and tabs only) when
 * by_options is nonzero (a filter came as an option, not as query text)
 * gives an empty query (no text, no filter) for the options to fill: the
 * reading of a query shared by the local index, the cluster and the reader.
 */
int zsq_parse_query(zs_seg *seg, const struct zsi_gazetteer *gaz, const char *q, size_t n,
                    int by_options, zsq_parsed **out, char *err, size_t errcap, size_t *err_off);
/*
 * zsq_parse_query() with the gazetteer opened by gaz_open(gaz_ctx) only when
 * a word typed could hold a zone's name (two characters or more, not in
 * quotes): loading it was 3 of the 18 million instructions of a whole
 * `zhaoshu query 企业`, spent in vain by 的 or "营业收入".
 */
int zsq_parse_query_lazy(zs_seg *seg, const struct zsi_gazetteer *(*gaz_open)(void *ctx),
                         void *gaz_ctx, const char *q, size_t n, int by_options, zsq_parsed **out,
                         char *err, size_t errcap, size_t *err_off);

/* The filters a query may hold, each also given as an option. */
typedef enum zsq_filter_kind {
    ZSQ_FILTER_PARK,
    ZSQ_FILTER_YEAR,
    ZSQ_FILTER_FIGURE,
    ZSQ_FILTER_DATE,
    ZSQ_FILTER_SOURCE
} zsq_filter_kind;

/*
 * One filter's value v[0..n) as an option gives it (zs_query_opts.park,
 * .year, ...), read as the value of that filter and nothing else: quotes,
 * colons and words in it are the value's own, never query syntax. *out
 * holds that one filter (no text). Ownership: caller frees *out with
 * zsq_parsed_free().
 * @return 0; ZS_ESYNTAX or ZS_ELIMIT (err says why, as for that filter in
 *         a query); ZS_ENOMEM.
 */
int zsq_read_filter(zs_seg *seg, zsq_filter_kind kind, const char *v, size_t n, zsq_parsed **out,
                    char *err, size_t errcap);

/*
 * Read the value of a year filter, p[0..n): 2024, 2021-2025 (also .., ～, 至,
 * 到, full-width dashes and digits, an optional 年), with a leading ~ (span).
 * The one reader of it, for year: in a query and for zs_figures_opts.year.
 * @return 0; 1 when the range is reversed (from > to, both set); -1 when p
 *         is no year or range.
 */
int zsq_year_range(const char *p, size_t n, int *from, int *to, int *span);

/*
 * Read the value of a date filter, p[0..n): 2019, 2019-10, 2019-10-01 (also
 * / or . between fields, 2019年10月1日, full-width digits), a range of two
 * with .., ~, ～, 至 or 到 between (2019-2020 for two years), or an open one
 * (2019-10.., ..2020-02). lo and hi receive the first and last day
 * (docfilter.c). The one reader of it, for date: and the date options.
 * @return 0; -1 with a one-line message in err and in *bad the offset in p
 *         of the field at fault.
 */
int zsq_date_range(const char *p, size_t n, char lo[ZSQ_DATE_BYTES], char hi[ZSQ_DATE_BYTES],
                   size_t *bad, char *err, size_t errcap);

/* Nonzero when an article of date ("YYYY-MM-DD", "YYYY-MM", "YYYY" or "")
 * and source passes pq's date: and source: filters, as the SQL of where.c
 * decides (docfilter.c); 1 when pq has none. */
int zsq_doc_match(const zsq_parsed *pq, const char *date, const char *source);

/* Free a parsed query. Accepts NULL. */
void zsq_parsed_free(zsq_parsed *pq);

/* The segmenter that parses db's queries, opened on first use (borrowed
 * from db; query/dbstate.c). Errors: ZS_ENOMEM, ZS_EICU, with db's message. */
int zsq_seg(zs_db *db, zs_seg **out);

/* ---- interface to figures.c (the listing without the index: tests, fuzz) ---- */

/* One figure as zs_figures_open() reads it from the index. */
typedef struct zsq_figure_in {
    zs_figure fig;          /* text unused; start, end: bytes in body */
    const char *metric_raw; /* as printed, or "" */
    zs_place place;         /* where the passage was printed (strings borrowed) */
    int ndups;              /* nonzero: the passage was printed elsewhere too */
    long long passage_id;   /* checks compare figures of one passage id */
    const char *body;       /* the passage text (borrowed) */
    size_t body_len;
} zsq_figure_in;

/*
 * A listing of in[0..n), sorted, conflicts marked and the arithmetic checked
 * as zs_figures_open() does. A passage's figures come together, in order of
 * their start. Ownership: caller frees *out with zs_figures_free().
 * @return 0, ZS_EINVAL, ZS_ENOMEM or ZS_ELIMIT (too many figures).
 */
int zsq_figures_of(zs_figures **out, const zsq_figure_in *in, size_t n, int conflicts_only);

#endif
