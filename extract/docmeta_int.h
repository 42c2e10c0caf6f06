/*
 * docmeta_int.h - private interface of date.c, docname.c, dateline.c and
 * lines.c: what a document says about itself besides its passages (date,
 * outlet, page; the line of each passage). Pure text in, plain C values out: no SQLite.
 *
 * Invariants as in text_int.h: UTF-8, lengths with pointers, 0 or a
 * negative ZS_E* code, nothing printed, zsi_ prefix, hidden symbols.
 */
#ifndef ZS_DOCMETA_INT_H
#define ZS_DOCMETA_INT_H

#include <stddef.h>
#include <stdint.h>

#include "zhaoshu.h"

/* ---- what is known of a document (filled by docname.c, dateline.c) ---- */

/* Longest outlet name kept (bytes, including the NUL). */
#define ZSI_OUTLET_BYTES 64
/* Bytes at the start of an article searched for datelines and dates. */
#define ZSI_META_SCAN_BYTES 4096
/* Longest file-name pattern (bytes). */
#define ZSI_MAX_NAME_PATTERN 256

/* Where a document's date came from (docs.date_from). */
enum zsi_meta_from {
    ZSI_META_NONE = 0,
    ZSI_META_MANIFEST = 1,
    ZSI_META_NAME = 2,
    ZSI_META_TEXT = 3
};

/* What is known of one document. All fields empty/0 when unknown. */
typedef struct zsi_docmeta {
    char date[11];                 /* "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" */
    char source[ZSI_OUTLET_BYTES]; /* outlet ("人民日报") or "" */
    int page;                      /* page number, 0 unknown */
    int date_from, source_from;    /* enum zsi_meta_from */
} zsi_docmeta;

/* ---- interface to date.c ---- */

/*
 * Check and normalize a date as a person writes it in a manifest:
 * YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, or the month
 * or year alone (YYYY-MM, YYYY). The day must exist (2019-02-29 does not).
 * out receives "YYYY-MM-DD", "YYYY-MM" or "YYYY".
 * @return 1 valid, 0 not a date.
 */
int zsi_date_normalize(const char *s, size_t n, char out[11]);

/* The year of a normalized date ("2019-10-22" -> 2019), 0 for "". */
int zsi_date_year(const char *date);

/* Days in month m (1..12) of year y. */
int zsi_days_in(int y, int m);

/*
 * y, m (0: none), d (0: none) as a normalized date into out.
 * @return 1, or 0 when no such date exists (out is then unspecified).
 */
int zsi_make_date(int y, int m, int d, char out[11]);

/* ---- interface to docname.c ---- */

/*
 * File-name patterns: the built-in list (data/sources.tsv, plus the user's
 * sources.tsv) and patterns given at run time. A pattern is matched against
 * the file's base name without its extension, or, when it holds '/',
 * against that many trailing parts of the path:
 *   %Y  four-digit year        %m  month (1-2 digits)   %d  day (1-2 digits)
 *   %p  page number (digits)   *   any run of characters
 *   %%  a percent sign         anything else matches itself
 * An outlet follows after '=' (or a tab in the data file): "rmrb_%Y%m%d-%p-*=人民日报".
 * The first pattern that matches with a valid date wins.
 */
typedef struct zsi_name_patterns zsi_name_patterns;

/*
 * Load the built-in patterns, then the user's data file, then extra[0..n)
 * (tried first, in order: what the user typed beats what is built in).
 * Ownership: caller frees *out with zsi_name_patterns_free().
 * @return 0, ZS_ENOMEM, ZS_EIO, ZS_EINVAL (a malformed pattern: err says which).
 */
int zsi_name_patterns_open(zsi_name_patterns **out, const char *const *extra, size_t n, char *err,
                           size_t errcap);
/* Accepts NULL. */
void zsi_name_patterns_free(zsi_name_patterns *np);

/*
 * Check one pattern (with its optional "=outlet"). @return 1 well formed,
 * 0 not (err says why).
 */
int zsi_name_pattern_check(const char *pat, char *err, size_t errcap);

/*
 * Fill m's empty fields (date, source, page) from path's name.
 * @return 1 when a pattern matched, else 0.
 */
int zsi_docmeta_from_name(const zsi_name_patterns *np, const char *path, zsi_docmeta *m);

/* ---- interface to dateline.c ---- */

/*
 * Fill m's empty fields from the article's first ZSI_META_SCAN_BYTES:
 *  - a line that is only a date (2019年10月22日 星期二, 2019-10-22), or a
 *    short header line holding a full date (发布时间：2019-10-22 08:30);
 *  - a dateline (本报北京10月21日电, 新华社北京1月4日电, …日讯), its year from
 *    year_hint when not 0, or from m->date when that holds only a year (or
 *    month), or from a "Y年M月" of the dateline's month in the text; else
 *    the dateline gives no date. Its agency (新华社, 人民网) is the outlet;
 *  - a reporter line (人民日报记者 …, 新华社记者 …): its outlet.
 * A date of the year (or month) only in m is made precise when the text's
 * date agrees with it.
 * @return 1 when something was filled, else 0.
 */
int zsi_docmeta_from_text(const char *text, size_t n, int year_hint, zsi_docmeta *m);

/* ---- interface to lines.c ---- */

/*
 * Line and column of byte offsets in a text, for offsets given in
 * increasing order (each call goes on from the last; a smaller offset
 * restarts from the top). Lines end at LF, CRLF or a lone CR, as passage.c
 * reads them. Line and column are 1-based; the column counts bytes, as vim
 * and ripgrep's --vimgrep do.
 */
typedef struct zsi_lines {
    const char *text;
    size_t n;
    size_t pos;        /* scanned up to here */
    size_t line_start; /* offset of the line holding pos */
    long line;
} zsi_lines;

void zsi_lines_init(zsi_lines *c, const char *text, size_t n);
void zsi_lines_at(zsi_lines *c, size_t off, long *line, long *col);

/*
 * Where a passage's own text crosses a line of the original: the passage's
 * text is the original's bytes [start, end) with line breaks, layout spaces
 * and list marks dropped (passage.c). Each entry of *breaks is an offset in
 * ptext from which the original is one line further on than before it, so
 * the line of ptext[k] is the passage's first line plus the number of
 * entries <= k. Text the walk cannot follow (bold-type doubling repaired)
 * ends the list early: later offsets then keep the last line found.
 * Ownership: caller frees *breaks with free() (NULL when there are none).
 * @return 0, ZS_ENOMEM.
 */
int zsi_passage_breaks(const char *orig, size_t start, size_t end, const char *ptext, size_t plen,
                       uint32_t **breaks, size_t *nbreaks);

/* Lines after the passage's first at ptext offset k (see zsi_passage_breaks). */
long zsi_breaks_before(const uint32_t *breaks, size_t nbreaks, size_t k);

#endif
