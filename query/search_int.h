/*
 * search_int.h - private interface of the search: search.c (zs_query: fetch,
 * rank, rerank), where.c (filters as SQL and FTS5 column filters), hit.c
 * (one hit assembled: text, spans, figures), rank.c and highlight.c.
 */
#ifndef ZS_SEARCH_INT_H
#define ZS_SEARCH_INT_H

#include <stddef.h>

#include <sqlite3.h>

#include "query_int.h"
#include "store_int.h"
#include "util_int.h"
#include "zhaoshu.h"

/* ---- interface to search.c ---- */

typedef struct zsh_terms zsh_terms;   /* highlight.c */
typedef struct zsq_reader zsq_reader; /* reader.c */

/* Matching passages ranked per query (see fetch()). 2000 rather than 4000
 * took the bench's p50 on 200 MB of news from 14.1 to 9.1 ms (best of 3). */
#define ZSQ_MAX_CANDIDATES 2000
/* Candidates scored again with their lengths after a first BM25 pass
 * without (rank.c): a length costs a lookup. */
#define ZSQ_RESCORE 400
/* Candidates fetched beyond offset+limit for reranking. */
#define RERANK_EXTRA 40

struct zsh_match;
/* ---- interface to places.c ---- */

/* Every place one stored passage was printed (see zs_place). */
typedef struct zsq_places {
    zs_place own;   /* where it is stored: the first place indexed */
    zs_place *also; /* the others (repeats), sorted by date, then path */
    size_t nalso;
    char **strs; /* the strings the places point to */
    size_t nstrs, capstrs;
} zsq_places;

/*
 * Load the places of passage pid into *p (zeroed first; clear it with
 * zsq_places_clear() also on failure). @return 0, ZS_ENOTFOUND (no such
 * passage), ZS_ESQLITE, ZS_ENOMEM (message on db).
 */
int zsq_places_load(struct zs_db *db, sqlite3_int64 pid, zsq_places *p);
void zsq_places_clear(zsq_places *p);

/* zsq_places_prefer(p, NULL, 0), then, when pq filters by date: or source:
 * and that place is not one it takes, the first printing that is: a hit
 * found through its printing in 经济日报 is shown there. */
void zsq_places_prefer_match(zsq_places *p, const zsq_parsed *pq);

/* Compare two places by date ("" last), then path, then line. */
int zsq_place_cmp(const zs_place *a, const zs_place *b);

/*
 * Make the place of document doc (and passage seq, when not 0) p's own
 * place; with doc NULL, the first printed (earliest date). also stays
 * sorted. A reporter cites the first printing; show asks for a given one.
 */
void zsq_places_prefer(zsq_places *p, const char *doc, long long seq);

typedef struct cand {
    sqlite3_int64 id;
    double score;
    /* What the proximity rerank read and found, kept for the hits that will
     * be shown (zsq_load_hit takes them) so that no shown passage is
     * decompressed and segmented twice; NULL otherwise. */
    char *text;
    size_t len;
    struct zsh_match *m;
    size_t nm;
    int partial; /* holds only some of the words (a match_any candidate) */
    int held;    /* a partial one: how many of the words it holds (rerank) */
} cand;

/*
 * The order of hits, local or from a cluster: passages holding every word
 * first, partial ones holding more of the words next, then best score, then
 * passage id (a stable order for equal scores). qsort-style result.
 */
int zsq_hit_order(int partial_a, int held_a, double score_a, long long id_a, int partial_b,
                  int held_b, double score_b, long long id_b);

/* Free the kept text and matches of q->c[from..to). */
void zsq_cands_drop(cand *c, size_t from, size_t to);

/* Storage of one hit; everything freed by zsq_hit_clear(). */
typedef struct hit_store {
    zs_hit h;
    char *text, *doc, *kind;
    char **parks;
    int *years, *span_years;
    zs_span *spans;
    zs_figure *figs;
    size_t figcap;
    char **figstr; /* 5 strings per figure: text, unit, cls, metric, park */
    zsq_places pl; /* every place the passage was printed */
    char **lacks;  /* h.lacks: the words a partial hit lacks, NUL-terminated copies */
} hit_store;

struct zs_query {
    zs_db *db;
    zsq_parsed *pq;
    zsh_terms *terms;
    char *where;     /* filter SQL fragment over p.id (passages p) */
    char *where_fts; /* the same over fts.rowid */
    /* bound filter values, in order */
    const char *park_vals[2 * (ZSQ_MAX_PARKS + 1)];
    size_t npark_vals;
    cand *c;
    size_t nc, next, total_ranked;
    int sort; /* ZS_SORT_* */
    size_t limit, offset, snippet_chars;
    int partial;  /* no passage holds every word */
    int strict;   /* zs_query_opts.strict: no partial matches */
    size_t nfull; /* candidates c[0..nfull) hold every word */
    long long count;
    int counted;
    hit_store hs;
    char *extra_parks[ZSQ_MAX_PARKS + 1];
    size_t nextra;
    const char *match; /* match_all or match_any */
    char *match_all;   /* the parser's, with park/year column filters added */
    char *match_any;
    zsq_reader *reader; /* zs_doc_open's document, or NULL (reader.c) */
};

static inline const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* The page a query's options ask for: limit (0: 10, at most ZS_MAX_LIMIT),
 * offset (at most ZS_MAX_LIMIT), snippet_chars (0: 120). */
void zsq_paging(const zs_query_opts *o, size_t *limit, size_t *offset, size_t *snippet_chars);

struct zs_query;
/*
 * zs_query_open; with ids_only the candidates are found and ranked by BM25
 * but not reordered by proximity, for callers that want only the set of
 * passages (zsq_query_ids). Ownership as zs_query_open.
 */
int zsq_query_open(struct zs_query **out, zs_db *db, const char *text, size_t n,
                   const zs_query_opts *o, int ids_only);
/*
 * Passage ids of every candidate the query found (up to its fetch limit).
 * Ownership: caller frees *ids with free(). Errors: ZS_ENOMEM.
 */
int zsq_query_ids(const struct zs_query *q, sqlite3_int64 **ids, size_t *n);

/* ---- interface to dbstate.c ---- */

/* The zone gazetteer (names and aliases) of db, opened on first use
 * (borrowed from db), or NULL when it cannot be loaded. */
const struct zsi_gazetteer *zsq_gazetteer(zs_db *db);

/*
 * One read transaction around the many statements of a query's work, when
 * db is in autocommit mode (else the caller's transaction serves): each
 * statement stepped in autocommit mode opens and ends a WAL read
 * transaction of its own, and a query steps one per candidate it looks up
 * (lengths, kinds, texts); that was a third of the in-process time of a
 * query for 企业. @return nonzero when a transaction was begun; pass it to
 * zsq_read_end(), which commits it (a read-only transaction: nothing to lose).
 */
int zsq_read_begin(zs_db *db);
void zsq_read_end(zs_db *db, int began);

/* ---- interface to where.c ---- */

/*
 * o (NULL: the defaults) as a zs_query_opts of this version in *out: the
 * fields a caller's older version lacks are zero (no filter, no strict).
 * @return 0, or -1 for a version this library does not know.
 */
int zsq_query_opts(const zs_query_opts *o, zs_query_opts *out);

/* Merge option filters (o as zsq_query_opts() gives it) into the parsed
 * query. Errors: as zsq_parse. */
int zsq_merge_options(zs_query *q, zs_seg *seg, const zs_query_opts *o);

/* Filters as SQL over the passage id idcol (p.id, or +fts.rowid).
 * Ownership: caller frees *out. */
int zsq_build_where(zs_query *q, const char *idcol, char **out);
/* The park filters' bound values (q->park_vals). */
void zsq_park_values(zs_query *q);
/* match with the park/year column filters added. Ownership: caller frees *out. */
int zsq_column_filters(zs_query *q, const char *match, char **out);
/* Bind the filter values to st from parameter first on. */
void zsq_bind_filters(zs_query *q, sqlite3_stmt *st, int first);
/*
 * Prepare the SQL that fmt (printf) makes of its arguments, one of them the
 * query's where clause, and bind match to ?1 (when not NULL) and the filter
 * values after it: every filtered statement over the passages is made this
 * way. cached: the statement comes from the connection's cache. Ownership:
 * give *st back with zsd_release() when cached, else sqlite3_finalize().
 */
int zsq_prepare_filtered(zs_query *q, sqlite3_stmt **st, int cached, const char *match,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The date: and source: filters of pq as " AND idcol IN (...)" appended to
 * b (nothing when there are none), with named parameters :dlo, :dhi, :srcN
 * that zsq_doc_bind() binds (zsq_bind_filters() does for a query). */
void zsq_doc_where(zsu_buf *b, const char *idcol, const zsq_parsed *pq);
void zsq_doc_bind(sqlite3_stmt *st, const zsq_parsed *pq);
/* Append from's source: values to to's. ZS_ELIMIT past ZSQ_MAX_SOURCES. */
int zsq_merge_sources(zs_db *db, zsq_parsed *to, const zsq_parsed *from);

/* ---- interface to hit.c ---- */

/* Free what the current hit holds. */
void zsq_hit_clear(hit_store *s);
/* The zones and years of a hit from its park and year columns (the
 * names-field mark skipped). @return 0 or ZS_ENOMEM. */
int zsq_hit_names(hit_store *s, const char *parks, const char *years);
/* Add figure f to the hit: its text is the hit's bytes [f->start, f->end)
 * (a figure outside them is skipped), its strings are copied. The local
 * and the cluster query share it. @return 0 or ZS_ENOMEM. */
int zsq_hit_add_figure(hit_store *s, const zs_figure *f);
/* Spans of the words (terms may be NULL) and figures, and the snippet, of a
 * hit whose text, h.len, names and figures are set (m[0..nm): the words'
 * matches, taken and freed, or NULL to find them); with h.partial set, the
 * words it lacks (h.lacks); points the public fields at the storage. The cluster query (cluster/) shares it, so hits
 * look alike wherever they came from. @return 0, ZS_ENOMEM or a segmenter
 * error (message on seg). */
int zsq_hit_finish(hit_store *s, zs_seg *seg, const zsh_terms *terms, struct zsh_match *m,
                   size_t nm, const zsq_figure *filter, size_t snippet_chars);
/* Assemble the hit of candidate c into q->hs. */
int zsq_load_hit(zs_query *q, cand *c);

/* ---- interface to locate.c ---- */

/*
 * The document named path: its id, its stored path in *doc and, when count
 * is not NULL, its number of passages (repeats included). any_form: path
 * may also be relative, absolute, through links, or a name given at
 * indexing; else it is the stored path itself (as a hit prints it).
 * @return 0, ZS_ENOTFOUND (message names path), ZS_ENOMEM or ZS_ESQLITE.
 * Ownership: caller frees *doc.
 */
int zsq_doc_find(zs_db *db, const char *path, int any_form, sqlite3_int64 *id, char **doc,
                 long long *count);

/* ---- interface to reader.c ---- */

/* Accepts NULL. */
void zsq_reader_free(zsq_reader *r);
/* Show the hit s of candidate i as the passage where the document read
 * printed it, whole. @return 0 or ZS_ENOMEM. */
int zsq_reader_place(const zs_query *q, size_t i, hit_store *s);

/* ---- interface to rank.c ---- */

struct zs_db;
/* Phrases of one query that zs_tf() reports (more are ignored). */
#define ZSQ_RANK_MAX_PHRASES 64

/* Register the zs_tf(fts) auxiliary function on db's connection (once). */
int zsq_rank_register(struct zs_db *db);

/* One candidate as zs_tf() described it. */
typedef struct zsq_rank_row {
    sqlite3_int64 id; /* passage */
    int kind;         /* passage kind (for the caller; read with len) */
    double len;       /* body length in tokens */
    const double *tf; /* column-weighted hits per phrase */
    size_t nphrase;
    double score; /* out */
} zsq_rank_row;

/*
 * Score rows[0..n) with BM25, document frequencies counted over all of them,
 * and put the best *nkept (at most keep, or all n) first, scored with their
 * lengths (read here, with their kinds). @return 0 or ZS_ESQLITE (message in db).
 */
int zsq_rank(struct zs_db *db, zsq_rank_row *rows, size_t n, size_t nphrase, size_t keep,
             size_t *nkept);

/*
 * Fill rows[i].len and rows[i].kind from the index's passages table (len, kind);
 * fastest when rows are in descending id order, as FTS5 returns them.
 * @return 0 or ZS_ESQLITE.
 */
int zsq_rank_lengths(struct zs_db *db, zsq_rank_row *rows, size_t n);

/* ---- interface to highlight.c ---- */

/* The token sequences of the query's positive terms (QUERY mode): zsh_terms. */

/* One match of a term in a passage. */
typedef struct zsh_match {
    size_t start, end; /* bytes in the passage */
    size_t pos;        /* token position of the first token */
    size_t ntok;       /* tokens covered */
    int term;          /* index of the term */
} zsh_match;

/*
 * Tokenize the positive terms of pq as typed; a term typed as word* gets its
 * last token as a prefix. Ownership: caller frees with zsh_terms_free().
 * Errors: ZS_ENOMEM and segmenter errors (the message: zs_seg_errmsg()).
 */
int zsh_terms_build(zs_seg *seg, const zsq_parsed *pq, zsh_terms **out);
void zsh_terms_free(zsh_terms *t);
size_t zsh_terms_count(const zsh_terms *t);
/* Term k as the user typed it: bytes [0, *len) of the query (borrowed from
 * the zsq_parsed the terms were built from). */
const char *zsh_term_text(const zsh_terms *t, size_t k, size_t *len);

/*
 * Every match of every term in text, sorted by start. *ntokens receives the
 * passage's token count. Ownership: caller frees *out with free().
 */
int zsh_find(zs_seg *seg, const zsh_terms *t, const char *text, size_t n, zsh_match **out,
             size_t *nout, size_t *ntokens);

/*
 * Tokens between the nearest occurrences of all distinct terms, beyond the
 * terms' own length: 0 when they stand side by side, SIZE_MAX when some term
 * is missing.
 */
/* How many of the query's items (zsq_term.group) the matches m[0..nm) are of. */
int zsh_terms_held(const zsh_terms *t, const zsh_match *m, size_t nm);
/* The item (zsq_term.group) of term k. */
int zsh_term_group(const zsh_terms *t, size_t k);
size_t zsh_gap(const zsh_match *m, size_t nm, size_t nterms);

/*
 * A snippet of at most max_chars characters around the first match: whole
 * sentences (ending in 。！？；or a line end) when they fit, else clauses
 * (，、：), else token boundaries that do not cut a figure (avoid[]).
 */
void zsh_snippet(const char *text, size_t n, const zsh_match *m, size_t nm, const zs_span *avoid,
                 size_t navoid, size_t max_chars, size_t *start, size_t *end);

#endif
