/*
 * zhaoshu.h - the public interface of libzhaoshu (找数, "find the figures").
 *
 * zhaoshu indexes Chinese news into SQLite FTS5 and answers queries with ranked
 * passages whose figures (numbers with units) are extracted and highlighted.
 * This header is the reference documentation: every function says what it does,
 * how it fails and who frees what.
 *
 * Conventions
 *  - Functions that can fail return int: 0 (ZS_OK) on success, a negative
 *    ZS_E* code on failure, and leave a one-line message on their handle.
 *  - Strings are UTF-8. A length travels with its pointer. Offsets are bytes
 *    into the text exactly as the caller gave it.
 *  - Destructors accept NULL.
 *  - Option structs start with a version field; pass ZS_*_OPTS_VERSION.
 *    They only ever grow at the end.
 *  - Threads: one handle per thread. Different handles may be used from
 *    different threads at the same time; an index may have many readers
 *    while one writer updates it (SQLite WAL).
 *  - The library never prints.
 */
#ifndef ZHAOSHU_H
#define ZHAOSHU_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define ZS_EXTERN __attribute__((visibility("default")))
#else
#define ZS_EXTERN
#endif

#define ZS_VERSION_STRING "0.1.0"

/** Error codes. Every failing call returns one of these (all negative). */
enum zs_error {
    ZS_OK = 0,
    ZS_ENOMEM = -1,    /**< out of memory */
    ZS_EINVAL = -2,    /**< invalid argument */
    ZS_ESYNTAX = -3,   /**< query syntax error; see zs_query_error_offset() */
    ZS_ENOTFOUND = -4, /**< index, document or object not found */
    ZS_EIO = -5,       /**< file could not be read or written */
    ZS_ESQLITE = -6,   /**< SQLite failed */
    ZS_EICU = -7,      /**< ICU failed */
    ZS_ELIMIT = -8,    /**< a named size limit was exceeded */
    ZS_ESCHEMA = -9,   /**< index written by another schema version */
    ZS_EBUSY = -10,    /**< another process is writing the index (its writer lock is held) */
    ZS_ETOKENIZER = -11, /**< the index's full-text tokens were cut by another tokenizer
                              (zs_tokenizer()): zs_index_retokenize() rebuilds them */
    ZS_ITEROVER = -100 /**< end of an iteration; not an error */
};

/** The library version, "MAJOR.MINOR.PATCH". Static storage. */
ZS_EXTERN const char *zs_version(void);

/** A short English description of an error code. Static storage. */
ZS_EXTERN const char *zs_strerror(int code);

/**
 * Optional process-wide setup for a program that only uses SQLite through
 * zhaoshu: turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS),
 * which zhaoshu never reads and which otherwise take a global mutex on every
 * allocation. Call it first, before any other zs_ or SQLite call, from one
 * thread; leave it out if the program reads sqlite3_memory_used().
 * @return 0, or ZS_ESQLITE when SQLite was already in use (nothing changed;
 *         zhaoshu works the same, only slower).
 */
ZS_EXTERN int zs_global_init(void);

/* ------------------------------------------------------------------------
 * Segmenter: normalized tokens with byte offsets into the original text.
 * ---------------------------------------------------------------------- */

/** Longest token, in bytes of normalized UTF-8; longer runs are cut. */
#define ZS_MAX_TOKEN_BYTES 256
/** Longest text one zs_seg_run() call accepts (bytes). */
#define ZS_MAX_SEGMENT_INPUT (64u * 1024u * 1024u)

/** What a token is. */
typedef enum zs_token_kind {
    ZS_TOK_HAN = 1,   /**< one Han (or kana) character: the unit of recall */
    ZS_TOK_WORD = 2,  /**< a multi-character CJK word, colocated (see ZS_SEG_WORDS) */
    ZS_TOK_LATIN = 3, /**< a Latin (or other alphabetic) word, folded and stemmed */
    ZS_TOK_NUM = 4,   /**< a number such as 135.34 or 2024 (separators removed) */
    ZS_TOK_MIXED = 5  /**< letters glued to digits (100eflops), colocated with its parts */
} zs_token_kind;

/** One token. Borrowed: valid only during the callback that receives it. */
typedef struct zs_token {
    const char *text; /**< normalized form (NFKC, case folded, Simplified) */
    size_t len;       /**< bytes in text */
    zs_token_kind kind;
    size_t start;  /**< byte offset of the first original byte */
    size_t end;    /**< byte offset one past the last original byte */
    int colocated; /**< nonzero: same position as the previous token */
} zs_token;

/** Flags for zs_seg_run(). */
#define ZS_SEG_DOCUMENT 0u /**< tokens for indexing: characters, numbers, words of letters */
#define ZS_SEG_QUERY 1u    /**< tokens for a query: no colocated MIXED wholes */
#define ZS_SEG_PREFIX 2u   /**< with QUERY: the last token is a prefix (no stemming) */
/**
 * With DOCUMENT: also emit each ICU dictionary word and lexicon word of two or
 * more Han characters as a colocated WORD token. This runs ICU's dictionary
 * over every Han run, which costs about half of the segmenter's time, so the
 * index does not use it: the query parser does, to split a query into words.
 */
#define ZS_SEG_WORDS 4u

/** A segmenter (opaque). Holds an ICU break iterator and a stemmer. */
typedef struct zs_seg zs_seg;

/**
 * Called for each token. Return 0 to go on; any other value stops
 * zs_seg_run(), which then returns that value.
 */
typedef int (*zs_token_fn)(void *ctx, const zs_token *tok);

/**
 * Open a segmenter.
 * @param out  receives the handle. Ownership: caller frees with zs_seg_free().
 * @return ZS_OK, ZS_ENOMEM or ZS_EICU (*out is then NULL).
 */
ZS_EXTERN int zs_seg_open(zs_seg **out);

/** Free a segmenter. Accepts NULL. */
ZS_EXTERN void zs_seg_free(zs_seg *s);

/**
 * Segment UTF-8 text and call fn for each token, in order.
 *
 * Invalid UTF-8 bytes are treated as separators: they never crash the
 * segmenter, never join tokens, and offsets stay exact.
 * @return ZS_OK, ZS_EINVAL, ZS_ENOMEM, ZS_EICU, ZS_ELIMIT (text longer than
 *         ZS_MAX_SEGMENT_INPUT), or the nonzero value fn returned.
 */
ZS_EXTERN int zs_seg_run(zs_seg *s, const char *text, size_t n, unsigned flags, zs_token_fn fn,
                         void *ctx);

/** The last error message of this segmenter. Borrowed; never NULL. */
ZS_EXTERN const char *zs_seg_errmsg(const zs_seg *s);

/** "han", "word", "latin", "num" or "mixed". Static storage. */
ZS_EXTERN const char *zs_token_kind_name(zs_token_kind kind);

/* ------------------------------------------------------------------------
 * Index: one SQLite file holding passages, FTS5 and the figure tables.
 * ---------------------------------------------------------------------- */

/** An open index (opaque). One per thread. */
typedef struct zs_db zs_db;
/** A running query over an index (opaque): zs_query_open(). */
typedef struct zs_query zs_query;
/** A listing of an index's figures (opaque): zs_figures_open(). */
typedef struct zs_figures zs_figures;

#define ZS_OPEN_OPTS_VERSION 2
#define ZS_OPEN_READONLY 0x1u /**< open for queries only */
#define ZS_OPEN_CREATE 0x2u   /**< create the file and schema when missing */
#define ZS_OPEN_SHORT 0x4u    /**< with READONLY: for one short command (see zs_db_open()) */

/** Options for zs_db_open(). Zero-initialise, then set version (version 1,
 * without wait_ms, is still accepted). */
typedef struct zs_open_opts {
    unsigned version; /**< ZS_OPEN_OPTS_VERSION */
    unsigned flags;   /**< ZS_OPEN_* */
    /* Version 2. */
    unsigned wait_ms; /**< a writer waits this long for another writer to end */
} zs_open_opts;

/**
 * The default index path: $ZHAOSHU_DB, else $XDG_DATA_HOME/zhaoshu/index.db,
 * else ~/.local/share/zhaoshu/index.db.
 * @param out receives the path. Ownership: caller frees with free().
 * @return ZS_OK, ZS_ENOMEM, or ZS_ENOTFOUND when no HOME is known.
 */
ZS_EXTERN int zs_db_default_path(char **out);

/**
 * Open (and with ZS_OPEN_CREATE, create) an index.
 *
 * One writer at a time: a handle opened without ZS_OPEN_READONLY takes the
 * index's writer lock (a lock on the file PATH-lock beside it, which stays
 * there) and holds it until zs_db_close(); the system releases it when the
 * process ends, however it ends. Readers never wait for it. A file at path
 * that is neither empty nor a zhaoshu index is refused and left untouched.
 *
 * A read-only handle maps the index file, so that the pages a query reads
 * cost nothing the next time. A process that opens the index for one
 * command and exits (as `zhaoshu query` does) gives ZS_OPEN_SHORT too: it
 * reads each page once, and a read() of a page costs less than mapping it
 * (a page fault).
 *
 * On failure *out still receives a handle when one could be allocated, so
 * that zs_errmsg() can say what went wrong; free it with zs_db_close().
 * @param o  options; NULL means read-write without creating.
 * @return ZS_OK; ZS_ENOTFOUND (no index at path and no ZS_OPEN_CREATE);
 *         ZS_ESCHEMA (not a zhaoshu index, or one from another version: the
 *         message says what to do); ZS_EBUSY (a writer: another holds the
 *         lock after wait_ms, "another zhaoshu index is writing FILE (pid
 *         N)"; a reader: the index is being created and has no schema yet);
 *         ZS_EIO; ZS_ESQLITE; ZS_ENOMEM; ZS_EINVAL.
 */
ZS_EXTERN int zs_db_open(zs_db **out, const char *path, const zs_open_opts *o);

/**
 * Check an index: SQLite's integrity_check and FTS5's integrity-check (the
 * full-text index agrees with the stored passages).
 * @return ZS_OK, or ZS_ESQLITE with the first problem in zs_errmsg().
 */
ZS_EXTERN int zs_db_check(zs_db *db);

#define ZS_DB_STATUS_VERSION 3
/** What zs_db_stat() tells. Zero-initialise, then set version. */
typedef struct zs_db_status {
    unsigned version;    /**< ZS_DB_STATUS_VERSION */
    long writer_pid;     /**< the pid of the zhaoshu writer holding the index's
                              writer lock (this process's when db is the
                              writer), -1 when one holds it but its pid is not
                              known yet, 0 when none does */
    long long documents; /**< documents committed: what a query searches */
    /* Version 2. */
    char extractor[128]; /**< the extractor identity recorded in the index
                              (see zs_extractor()), "" when none is */
    int extractor_stale; /**< 1 when the index holds documents and its
                              identity is not zs_extractor(): its zones,
                              years, figures and metrics are another
                              version's until zhaoshu index re-extracts them */
    /* Version 3. */
    char tokenizer[128]; /**< the tokenizer identity recorded in the index
                              (see zs_tokenizer()), "" when none is */
    int tokenizer_stale; /**< 1 when the index holds passages and its
                              tokenizer is not zs_tokenizer(): queries fail
                              with ZS_ETOKENIZER until zs_index_retokenize() */
} zs_db_status;

/**
 * The identity of the tokenizer this library indexes and queries with: what
 * an index records, so that a query never runs with other tokens than the
 * index's (it would miss passages silently). "rules:N t2s:<16 hex>
 * probe:<16 hex> icu:<version>": a rules version, hashes of the
 * Traditional-to-Simplified table and of the tokens of a fixed probe text,
 * and the ICU version. Borrowed: static storage, computed on first use
 * (thread-safe; it opens a segmenter once).
 */
ZS_EXTERN const char *zs_tokenizer(void);

/**
 * The identity of the extraction this library does: what `zhaoshu index`
 * records in an index, and compares to decide whether every document must be
 * extracted again. "src:<16 hex> icu:<version>", and " data:<16 hex>" when
 * the user's data folder adds to the built-in data files; the first part is
 * a hash, made at build time, of the sources and data that shape extraction.
 * Borrowed: static storage, computed on first use (thread-safe).
 */
ZS_EXTERN const char *zs_extractor(void);

/**
 * Whether the index's zones, years, figures and metrics were extracted by
 * another extractor than this library's (zs_extractor()): cheap (one row of
 * meta when they agree), for a reader to warn that `zhaoshu index` would
 * refresh them. An index with no document is never stale.
 * @return 1 stale, 0 not, ZS_EINVAL, ZS_ESQLITE.
 */
ZS_EXTERN int zs_db_extractor_stale(zs_db *db);

/**
 * Say whether the index is being written and how many documents are
 * committed: a reader that finds nothing can say "the index is being
 * built" rather than let an empty answer pass for "not in the news".
 * @return ZS_OK, ZS_EINVAL, ZS_ESQLITE.
 */
ZS_EXTERN int zs_db_stat(zs_db *db, zs_db_status *st);

/**
 * Limit the time of the work that follows on db: SQLite statements run
 * after ms milliseconds from now are interrupted, and the call running
 * fails with ZS_ELIMIT ("... stopped at the time limit of N ms"). A loop
 * over rows may also just end early, so a caller that must not show a cut
 * answer treats any call that returned after the deadline as failed (the
 * HTTP server does). Call it again before each request; 0 removes the limit.
 * @return ZS_OK, ZS_EINVAL.
 */
ZS_EXTERN int zs_db_set_deadline(zs_db *db, unsigned ms);

/** Close an index. Accepts NULL. */
ZS_EXTERN void zs_db_close(zs_db *db);

/** The last error message on db (one line). Borrowed; never NULL. */
ZS_EXTERN const char *zs_errmsg(const zs_db *db);

/** Counters of one indexing run. */
typedef struct zs_index_stats {
    size_t files_seen;              /**< files found under the given paths */
    size_t files_indexed;           /**< new or changed files written */
    size_t files_unchanged;         /**< skipped: same content hash */
    size_t files_skipped;           /**< not indexed: unreadable, binary, too large */
    size_t files_warned;            /**< indexed, but with invalid bytes replaced */
    size_t files_removed;           /**< documents removed (prune or remove) */
    size_t passages;                /**< passages written */
    size_t duplicates;              /**< repeated passages merged into an earlier one */
    size_t figures;                 /**< figures written */
    unsigned long long bytes_total; /**< bytes of all files seen */
    unsigned long long bytes_done;  /**< bytes processed so far */
    double seconds;                 /**< wall time so far */
} zs_index_stats;

/** Severity of an indexing message. */
typedef enum zs_msg_kind {
    ZS_MSG_WARNING = 1, /**< the file was indexed, with a problem */
    ZS_MSG_SKIPPED = 2, /**< the file was not indexed */
    ZS_MSG_NOTE = 3     /**< the file was indexed; something worth knowing
                             (the name standard input was stored under) */
} zs_msg_kind;

/**
 * Called for a per-file problem. path is the file, offset the byte offset of
 * the problem or -1. Borrowed strings, valid during the call.
 */
typedef void (*zs_msg_fn)(void *ctx, zs_msg_kind kind, const char *path, long long offset,
                          const char *msg);
/** Called now and then during indexing (at most ~10 times a second). */
typedef void (*zs_progress_fn)(void *ctx, const zs_index_stats *st);

#define ZS_INDEX_OPTS_VERSION 4
/** Options for zs_index_paths(). Zero-initialise, then set version
 * (earlier versions are still accepted: each reads only its own fields). */
typedef struct zs_index_opts {
    unsigned version;           /**< ZS_INDEX_OPTS_VERSION */
    int prune;                  /**< remove documents whose files are gone */
    int threads;                /**< segmenting threads; 0 = one per core */
    zs_msg_fn on_msg;           /**< may be NULL */
    zs_progress_fn on_progress; /**< may be NULL */
    void *ctx;                  /**< passed to the callbacks */
    const char *manifest;       /**< manifest.tsv (file<TAB>date<TAB>source[<TAB>page],
                                  paths relative to the manifest's folder): a
                                  missing file is an error. NULL: use the
                                  manifest.tsv of each given folder, if any */
    /* Version 2. Both change only how repeated passages are found, never
     * what is stored: tests use them to take the rare paths on small input. */
    size_t seen_max; /**< a first build's in-memory table of stored
                                  passages holds at most this many before
                                  SQLite answers instead; 0 = its full size */
    unsigned flags;  /**< ZS_INDEX_* */
    /** Version 3. File-name patterns giving date, page and outlet, tried
     * before the built-in ones (data/sources.tsv): "rmrb_%Y%m%d-%p-*=人民日报"
     * (%Y year, %m month, %d day, %p page, * anything; the outlet after =).
     * A date comes from the manifest first, then a name pattern, then the
     * text (datelines such as 本报北京10月21日电, a date line; a reporter
     * line's outlet). */
    const char *const *name_patterns;
    size_t nname_patterns;
    /* Version 4. */
    const char *stdin_name; /**< the document name of "-" (standard input);
                                  NULL: "stdin:" and 16 hex digits of the
                                  content's hash, reported as ZS_MSG_NOTE, so
                                  two different texts never replace each other */
} zs_index_opts;

/** zs_index_opts.flags: workers take every passage for a likely repeat and
 *  leave it to the writer, which prepares those it does not find stored
 *  (slower; the same index). */
#define ZS_INDEX_GUESS_REPEATS 0x1u
/** zs_index_opts.flags: read and hash every file to find what changed, as
 *  if no file's size, modification and change times, inode and device had
 *  been recorded (they are, and by default a file whose five are unchanged
 *  is not read). */
#define ZS_INDEX_CHECKSUM 0x2u

/** Longest file indexed (bytes); longer files are skipped with a message. */
#define ZS_MAX_FILE_BYTES (256u * 1024u * 1024u)

/**
 * Index files and folders (recursively; "-" is standard input, stored under
 * o->stdin_name or a name made of its content's hash). Unchanged files are
 * skipped: a file whose size, modification and change times (in
 * nanoseconds), inode and device are those recorded when it was indexed is
 * not read again (ZS_INDEX_CHECKSUM reads them all), any other is read and
 * skipped when its content hash is the one recorded; changed ones are replaced; with prune, documents
 * below the given folders whose files are gone are removed (never documents
 * elsewhere: a drive not mounted is not a deletion). Work is committed in batches: a crash leaves
 * the previous index intact and the next run completes the work.
 * @param st  receives the counters (may be NULL).
 * @return ZS_OK even when some files were skipped (see st->files_skipped);
 *         ZS_EINVAL, ZS_ESQLITE, ZS_ENOMEM, ZS_EIO for failures of the run.
 *         When the run fails after it began writing (a full disk), the
 *         message gives the cause, how many new or changed files the index
 *         holds (and the last), how many were not indexed (the first and the
 *         last, in input order), and that running it again completes the
 *         work; st->files_indexed counts only the committed files.
 */
ZS_EXTERN int zs_index_paths(zs_db *db, const char *const *paths, size_t npaths,
                             const zs_index_opts *o, zs_index_stats *st);

#define ZS_DOC_META_VERSION 1
/** What is known of a document besides its text. Zero-initialise, set version. */
typedef struct zs_doc_meta {
    unsigned version;   /**< ZS_DOC_META_VERSION */
    const char *date;   /**< publication date "YYYY-MM-DD" (its year resolves
                             今年/去年 in the text), or NULL to infer it */
    const char *source; /**< newspaper or site, or NULL */
} zs_doc_meta;

/**
 * Index one document from memory under a name, replacing a document of that
 * name (the same content is skipped as unchanged). The text may be UTF-8,
 * GB18030, Big5 or UTF-16, like a file.
 * @param meta may be NULL.
 * @return ZS_OK, ZS_EINVAL (binary data, bad arguments), ZS_ELIMIT (larger
 *         than ZS_MAX_FILE_BYTES), ZS_ESQLITE, ZS_ENOMEM.
 */
ZS_EXTERN int zs_index_buffer(zs_db *db, const char *name, const char *text, size_t n,
                              const zs_doc_meta *meta);

/**
 * Remove a document by name. @return ZS_OK, ZS_ENOTFOUND, ZS_ESQLITE.
 */
ZS_EXTERN int zs_index_remove(zs_db *db, const char *name);

/**
 * Cut every stored passage again with this library's tokenizer
 * (zs_tokenizer()) and rebuild the full-text index from them, in one
 * transaction; then record the identity. For an index another tokenizer
 * built, on which queries fail with ZS_ETOKENIZER; the files need not be
 * there (the index stores the text). zs_index_paths(), zs_index_buffer() and
 * zs_index_remove() do it first by themselves when they must. Costs about
 * the full-text part of a fresh build.
 * @return ZS_OK (nothing done when the identity is this one's already),
 *         ZS_EINVAL (read-only handle), ZS_ESQLITE, ZS_ENOMEM.
 */
ZS_EXTERN int zs_index_retokenize(zs_db *db);

/* ------------------------------------------------------------------------
 * Query: ranked passages with match and figure highlights.
 * ---------------------------------------------------------------------- */

/** Longest query string accepted (bytes). */
#define ZS_MAX_QUERY_BYTES 1024
/** Most hits one query returns (limit). */
#define ZS_MAX_LIMIT 10000

#define ZS_QUERY_OPTS_VERSION 4
/**
 * Options for zs_query_open(). Zero-initialise, then set version. Filters
 * here are ANDed with filters written in the query (park:, year:, figure:,
 * date:, source:). Versions 1 and 2 (without the later members) are read too.
 */
typedef struct zs_query_opts {
    unsigned version;     /**< ZS_QUERY_OPTS_VERSION */
    const char *park;     /**< a zone name or any alias, or NULL */
    const char *year;     /**< "2024" or "2021-2025", or NULL */
    const char *figure;   /**< ">100亿元", "<5%", "100万..500万元", or NULL */
    size_t limit;         /**< hits to return; 0 means 10 */
    size_t offset;        /**< hits to skip */
    size_t snippet_chars; /**< cut passages longer than this many characters
                               to a snippet around the matches; 0 means 120 */
    int sort;             /**< ZS_SORT_*: best first (default), or by date; since
                               version 2 */
    const char *date;     /**< as date: in a query ("2019-10", "2019-10-01..2020-02-29",
                               "2019.."), or NULL; since version 3 */
    const char *source;   /**< as source: (an outlet, "人民日报"), or NULL; since
                               version 3 */
    /* Version 4. */
    int strict; /**< nonzero: only passages holding every word, never
                               partial matches */
} zs_query_opts;

/** Orders of hits (zs_query_opts.sort). By date, a passage printed in several
 * articles counts from its first printing; undated passages come last; the
 * 2000 best matches are sorted (zs_query_count() stays exact). */
#define ZS_SORT_SCORE 0
#define ZS_SORT_DATE 1      /**< oldest first */
#define ZS_SORT_DATE_DESC 2 /**< newest first */

/** What a highlight span marks. */
typedef enum zs_span_kind {
    ZS_SPAN_MATCH = 1, /**< text matching a query term */
    ZS_SPAN_FIGURE = 2 /**< a figure (number with its unit) */
} zs_span_kind;

/** A highlight: bytes [start, end) of zs_hit.text. */
typedef struct zs_span {
    size_t start, end;
    zs_span_kind kind;
} zs_span;

/** Hedge flags of a figure (zs_figure.hedge). */
#define ZS_HEDGE_NEAR 0x1   /**< 近, 接近, 将近 */
#define ZS_HEDGE_OVER 0x2   /**< 超, 超过, 以上, 逾, 突破 */
#define ZS_HEDGE_ABOUT 0x4  /**< 约, 左右 */
#define ZS_HEDGE_PLUS 0x8   /**< 余, 多 */
#define ZS_HEDGE_UNDER 0x10 /**< 不到, 不足, 以下 */

/** Bytes [start, end) of a text; empty (start == end): none. */
typedef struct zs_range {
    size_t start, end;
} zs_range;

/** A figure found in a passage. Strings borrowed like the hit that holds it. */
typedef struct zs_figure {
    const char *text;   /**< as printed, e.g. "135.34亿元" */
    double value;       /**< normalized to the base unit, e.g. 13534000000 */
    double value_hi;    /**< upper end of a range; == value otherwise */
    const char *unit;   /**< base unit, e.g. "元", "%", "亩" */
    const char *cls;    /**< unit class: "money", "percent", "area", "count", ... */
    const char *metric; /**< normalized metric phrase ("签约金额"), or "" */
    const char *park;   /**< zone the figure belongs to, or "" */
    int year;           /**< year the figure belongs to, or 0 */
    int hedge;          /**< ZS_HEDGE_* flags */
    size_t start, end;  /**< bytes in zs_hit.text */
    long long line;     /**< 1-based line of the figure's first character in the
                             file of the hit's (or row's) place */
    zs_range metric_at[2]; /**< where the metric is printed, bytes of the same text as
                                start and end: metric_at[0] all of it, or, when its noun
                                and its change word stand apart (利润|比上年|增加), the
                                first of the two and metric_at[1] the second; empty
                                ranges when there is no metric or it is not printed.
                                The text there is the metric as printed (metric_raw of
                                a zs_figure_row) but for line breaks, which the metric
                                drops, and Traditional characters, which it folds. */
} zs_figure;

/**
 * One place a passage was printed: a document, where in it, and what is
 * known of the document. Borrowed like the hit or row that holds it.
 */
typedef struct zs_place {
    const char *doc;      /**< document path (absolute), or the name given at indexing */
    const char *path;     /**< the path as given to zs_index_paths() (the folder given
                             plus the rest); doc when there was nothing else */
    long long passage;    /**< passage number in that document, from 1 */
    long long line;       /**< 1-based line of the passage's first character; 0 unknown
                             (a cluster's hit) */
    long long column;     /**< 1-based byte column of that character in its line */
    long long start, end; /**< byte range in the file (in its UTF-8 text when the
                               file was converted from GB18030, Big5 or UTF-16) */
    const char *date;     /**< "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" unknown */
    const char *source;   /**< outlet ("人民日报"), "" unknown */
    int page;             /**< page number, 0 unknown */
} zs_place;

/** One result. Borrowed: valid until the next zs_query_next() or zs_query_free(). */
typedef struct zs_hit {
    size_t rank;              /**< 1-based, counting the offset */
    double score;             /**< higher is better */
    const char *doc;          /**< document path (or name given at indexing) */
    long long passage;        /**< passage number within the document, from 1 */
    const char *kind;         /**< "body", "headline", "caption" or "byline" */
    int partial;              /**< nonzero: holds only some of the query's words */
    const char *text;         /**< the whole passage (UTF-8) */
    size_t len;               /**< bytes in text */
    size_t snippet_start;     /**< suggested snippet: text[snippet_start, snippet_end) */
    size_t snippet_end;       /**<  cut at 。！？； and never inside a word or number */
    const char *const *parks; /**< canonical zone names */
    size_t nparks;
    const int *years; /**< the years the passage states (2024年, 今年), sorted */
    size_t nyears;
    const zs_span *spans; /**< sorted by start; figure and match spans may nest */
    size_t nspans;
    const zs_figure *figures;
    size_t nfigures;
    long long doc_start; /**< byte range of the passage in its document */
    long long doc_end;
    const int *span_years; /**< years it only spans (十四五 = 2021..2025, the inside of
                                 2021—2025年), sorted; year:~Y finds these */
    size_t nspan_years;
    zs_place place;          /**< where it is: doc, line, column, date, outlet, page */
    const zs_place *also_in; /**< every other place the same passage was printed
                                  (stored once), sorted by date */
    size_t nalso_in;
    const char *const *lacks; /**< a partial hit: the query's words it does not
                                   hold, as typed, in query order; borrowed like
                                   the hit (the library owns them) */
    size_t nlacks;
} zs_hit;

/**
 * Run a query. The query language: words (ANDed), "phrases", OR, -exclude,
 * prefix*, and filters park:NAME year:2024 year:2021-2025 figure:>100亿元
 * date:2019-10 date:2019-10-01..2020-02-29 source:人民日报. A date: filter is
 * a range of days; an article dated only to the month (or year) matches when
 * that whole month (year) lies in the range: date:2019-10 and date:2019 take
 * an article of "2019-10", date:2019-10-01..2019-10-15 does not. A passage
 * printed in several articles matches when any of them does, and its hit
 * (zs_hit.place) is the first printing that matches.
 * Passages that hold every word come first; when they are fewer than the
 * limit (offset included), the best passages holding only some words follow,
 * each marked partial with the words it lacks (zs_hit.lacks), unless
 * o->strict.
 * @param out receives the query. Ownership: caller frees with zs_query_free().
 * @return ZS_OK; ZS_ESYNTAX or ZS_ELIMIT (bad query: zs_errmsg(db) says why
 *         and zs_query_error_offset(db) where); ZS_ESQLITE; ZS_ENOMEM.
 */
ZS_EXTERN int zs_query_open(zs_query **out, zs_db *db, const char *q, size_t n,
                            const zs_query_opts *o);

/**
 * The next hit, best first.
 * @param hit receives the hit. Borrowed: valid until the next call.
 * @return ZS_OK, ZS_ITEROVER at the end, or an error (see zs_errmsg()).
 */
ZS_EXTERN int zs_query_next(zs_query *q, const zs_hit **hit);

/** Total hits of the query (ignoring limit and offset): passages holding
 * every word, never partial matches. */
ZS_EXTERN int zs_query_count(zs_query *q, long long *count);

/** Nonzero when no passage holds every word (any hits are partial matches). */
ZS_EXTERN int zs_query_is_partial(const zs_query *q);

/** Byte offset in the query of the last syntax error on db. */
ZS_EXTERN size_t zs_query_error_offset(const zs_db *db);

/** Free a query. Accepts NULL. */
ZS_EXTERN void zs_query_free(zs_query *q);

/** One count of zs_query_facets(). Borrowed: valid during the callback. */
typedef struct zs_facet {
    const char *field; /**< "park", "year", "outlet" or "month" */
    const char *value; /**< a zone, "2024", an outlet (newspaper, site), "2019-10" */
    long long count;   /**< matching passages with that value */
} zs_facet;

/** Called per count; return nonzero to stop (zs_query_facets then returns it). */
typedef int (*zs_facet_fn)(void *ctx, const zs_facet *f);

/**
 * Count the query's matching passages (all of them, as zs_query_count(),
 * not only the hits of the limit) by zone, by year stated, by outlet and by
 * month of publication (outlets and months where the index knows a
 * document's source and date). Fields come in that order; zones and outlets
 * most passages first, years and months in order. A passage printed in
 * several documents counts once, under the first.
 * @return ZS_OK, ZS_EINVAL (q from zs_doc_open()), ZS_ESQLITE, ZS_ENOMEM,
 *         or what fn returned.
 */
ZS_EXTERN int zs_query_facets(zs_query *q, zs_facet_fn fn, void *ctx);

/**
 * Read a document: a query whose hits are passages first..last (numbered
 * from 1 as in zs_hit.passage; last <= 0 means to the end, at most
 * ZS_MAX_LIMIT of them) of the document doc (its path as zs_hit.doc gives
 * it), in the order the document prints them, each whole (snippet = the
 * passage), with the words of query q[0..n) (may be empty; its filters are
 * ignored) and every figure highlighted. A passage stored once for several
 * documents is shown under doc and its number there. Iterate with
 * zs_query_next(); zs_query_count() gives the document's number of passages.
 * @param out Ownership: caller frees with zs_query_free().
 * @return ZS_OK; ZS_ENOTFOUND (no such document); ZS_ESYNTAX or ZS_ELIMIT
 *         (bad q, as zs_query_open()); ZS_ESQLITE; ZS_ENOMEM; ZS_EINVAL.
 */
ZS_EXTERN int zs_doc_open(zs_query **out, zs_db *db, const char *doc, long long first,
                          long long last, const char *q, size_t n);

/**
 * Find the passage at PATH:LINE, as hits print it (zs_place_path(),
 * zs_place.line), for zs_doc_open(). path may be relative to the current
 * folder, as given to zs_index_paths(), absolute, or a name given at
 * indexing. A passage holds the lines from its first up to the next
 * passage's first; the last passage holds its first line and its figures'
 * (the end of a passage is not stored).
 * @param doc receives the document as zs_hit.doc names it. Ownership: caller
 *        frees with free().
 * @param passage receives the passage number (zs_hit.passage), or 0 when
 *        no passage holds that line (before the first, after the last).
 * @return ZS_OK (also when *passage is 0); ZS_ENOTFOUND (no such document in
 *         the index); ZS_EINVAL (line < 1); ZS_ELIMIT (path too long);
 *         ZS_ESQLITE; ZS_ENOMEM.
 */
ZS_EXTERN int zs_doc_locate(zs_db *db, const char *path, long long line, char **doc,
                            long long *passage);

/* ------------------------------------------------------------------------
 * Parks: the development zones the index knows.
 * ---------------------------------------------------------------------- */

/** One zone. Borrowed: valid during the callback only. */
typedef struct zs_park {
    const char *name;           /**< canonical name */
    const char *const *aliases; /**< other spellings (gazetteer and seen in text) */
    size_t naliases;
    long long passages; /**< passages about it (including inherited) */
    /* Added in 0.2 (the struct grows only at its end). What the gazetteer
     * knows; "" when unknown (data/README lists the sources). */
    const char *level;    /**< "national", "provincial" or "" */
    const char *kind;     /**< 高新区, 经开区, 国家级新区, 自贸区 ... */
    const char *province; /**< 贵州省 */
    const char *city;     /**< 贵阳市 */
    int listed;           /**< 1: from an official or hand-kept list; 0: found by the
                                       name patterns only */
} zs_park;

/** Called per zone; return nonzero to stop (zs_parks_list then returns it). */
typedef int (*zs_park_fn)(void *ctx, const zs_park *park);

/**
 * List the zones that passages of the index speak of, most passages first.
 * @return ZS_OK, ZS_ESQLITE, ZS_ENOMEM, or what fn returned.
 */
ZS_EXTERN int zs_parks_list(zs_db *db, zs_park_fn fn, void *ctx);

/* ------------------------------------------------------------------------
 * Figures: every figure printed for a zone and metric, timelines, conflicts.
 * ---------------------------------------------------------------------- */

#define ZS_FIGURES_OPTS_VERSION 3
/** Options for zs_figures_open(). Zero-initialise, then set version. */
typedef struct zs_figures_opts {
    unsigned version; /**< ZS_FIGURES_OPTS_VERSION */
    const char *park; /**< zone name or alias, or NULL */
    const char *year; /**< "2024" or "2021-2025", or NULL */
    const char
        *metric; /**< metric phrase (normalized like the index: 签约总金额 = 签约金额), or NULL */
    int conflicts;      /**< nonzero: only figures in a conflict, paired */
    const char *date;   /**< as date: in a query, or NULL; since version 2 */
    const char *source; /**< as source: in a query, or NULL; since version 2 */
    /** Figure classes to keep, separated by commas ("money,percent"), or NULL
     * for all: money, percent, count, area, duration, age, number, ratio...
     * (data/units.tsv); a rate as its class ("money/weight", 元/吨), or
     * "money/" followed by a star for every rate of money. An unknown class is
     * ZS_EINVAL. Since
     * version 3. */
    const char *classes;
} zs_figures_opts;

/** One figure with its source and what zhaoshu noticed about it. Borrowed. */
typedef struct zs_figure_row {
    zs_figure fig;          /**< offsets are into context */
    const char *metric_raw; /**< the metric as printed, or "" */
    const char *doc;
    long long passage;
    const char *context; /**< the sentence around the figure */
    size_t context_len;
    const char *conflict;    /**< "" or why it disagrees, naming the other figure */
    const char *check;       /**< "" or an arithmetic check of a stated growth rate */
    int check_failed;        /**< nonzero when check shows a real difference */
    zs_place place;          /**< where its passage is (fig.line: the figure's line) */
    const zs_place *also_in; /**< the other places the same statement was printed,
                                  sorted by date */
    size_t nalso_in;
} zs_figure_row;

/**
 * List figures of the passages matching q (all passages when q is empty),
 * sorted by park, metric, year, value: a metric reads as a timeline. Marks
 * conflicts (same park and metric, and year when both state one, with values
 * that cannot both be true; hedges such as 超/近/余 are respected) and checks
 * stated average growth rates against their endpoints.
 * @param out Ownership: caller frees with zs_figures_free().
 * @return ZS_OK, ZS_ESYNTAX/ZS_ELIMIT (bad query), ZS_ESQLITE, ZS_ENOMEM.
 */
ZS_EXTERN int zs_figures_open(zs_figures **out, zs_db *db, const char *q, size_t n,
                              const zs_figures_opts *o);

/** The next row. @return ZS_OK, ZS_ITEROVER. Borrowed until the next call. */
ZS_EXTERN int zs_figures_next(zs_figures *it, const zs_figure_row **row);

/** Free a listing. Accepts NULL. */
ZS_EXTERN void zs_figures_free(zs_figures *it);

/* ------------------------------------------------------------------------
 * JSON: the one schema of hits, figure rows and zones, shared by the
 * command's --json and the HTTP API of `zhaoshu serve`.
 *
 * Each writer fills buf like snprintf: at most cap bytes, NUL-terminated
 * when cap > 0, and returns the length of the whole object (without the
 * NUL). When the return value is >= cap the output was cut: call again
 * with a buffer of at least that length + 1. Objects have no newline.
 * ---------------------------------------------------------------------- */

/**
 * A hit: {rank, score, doc, path, line, column, byte_start, byte_end, date,
 * source, page, also_in[{path, line, column, byte_start, byte_end, date,
 * source, page, passage}], passage, kind, partial, lacks[] (the words a partial
 * hit lacks), park[], years[],
 * span_years[], text, snippet{start,end}, highlights[{start,end,kind}],
 * figures[{..., line}]}; offsets are bytes into text, byte_start/byte_end
 * bytes into the file; path as zs_place_path() gives it.
 */
ZS_EXTERN size_t zs_hit_json(const zs_hit *h, char *buf, size_t cap);

/**
 * A figure row: the figure's members (text, value, value_hi, unit, class,
 * metric, park, year, hedge, start, end: bytes in context), then
 * metric_raw, doc, path, line (the figure's), column, byte_start, byte_end
 * (its passage's), date, source, page, also_in[], passage, context,
 * conflict, check, check_failed.
 */
ZS_EXTERN size_t zs_figure_row_json(const zs_figure_row *r, char *buf, size_t cap);

/** A zone: {park, aliases[], passages}. */
ZS_EXTERN size_t zs_park_json(const zs_park *p, char *buf, size_t cap);

/**
 * A place's path as a person reads it: relative to the current folder when
 * the file is below it, else as given to zs_index_paths(). Borrowed from p.
 */
ZS_EXTERN const char *zs_place_path(const zs_place *p);

/** p[0..n) as a JSON string with its quotes (control bytes escaped). */
ZS_EXTERN size_t zs_json_str(const char *p, size_t n, char *buf, size_t cap);

/* ------------------------------------------------------------------------
 * Cluster: past one machine, on a sharded Sphinx 2.2 / Manticore cluster.
 * ---------------------------------------------------------------------- */

/** Most shards (nodes) one export writes. */
#define ZS_MAX_SHARDS 64

#define ZS_EXPORT_OPTS_VERSION 1
/** Options for zs_export_sphinx(). Zero-initialise, then set version. */
typedef struct zs_export_opts {
    unsigned version;         /**< ZS_EXPORT_OPTS_VERSION */
    const char *dir;          /**< output folder (created when missing) */
    int shards;               /**< nodes, 1..ZS_MAX_SHARDS */
    int base_port;            /**< node K serves SphinxQL on base_port+K-1 and
                                   the agent protocol on base_port+shards+K-1 */
    const char *const *hosts; /**< hosts[K-1]: address of node K (shards of
                                   them), or NULL for 127.0.0.1 everywhere */
} zs_export_opts;

/** What an export wrote. */
typedef struct zs_export_stats {
    size_t documents; /**< documents exported */
    size_t passages;  /**< passages (rows of the INDEX_K indexes) */
    size_t figures;   /**< figures (rows of the INDEX_figures_K indexes) */
    double seconds;   /**< wall time */
} zs_export_stats;

/**
 * Export an index as everything a sharded Sphinx 2.2 or Manticore cluster
 * needs: for each node K, DIR/nodeK/sphinx.conf with the xmlpipe2 sources
 * passages.xml and figures.xml beside it, so that `indexer --config
 * DIR/nodeK/sphinx.conf --all` builds shard K and `searchd --config ...`
 * serves it. Node 1 also serves the distributed indexes "zhaoshu" and
 * "zhaoshu_figures" over all shards. A document goes to the shard given by
 * a stable hash of its path, so a re-export sends it to the same node.
 * Full-text fields hold zhaoshu's tokens (NFKC, case folded, Simplified);
 * the passage as printed, its document, zones, years, date, outlet and
 * figures are attributes (see doc/scaling.md for the schema).
 * @param st receives counters (may be NULL).
 * @return ZS_OK; ZS_EINVAL (bad options); ZS_EIO (a file could not be
 *         written: the message names it); ZS_ESQLITE; ZS_ENOMEM.
 */
ZS_EXTERN int zs_export_sphinx(zs_db *db, const zs_export_opts *o, zs_export_stats *st);

/** A connection to a cluster's SphinxQL port (opaque). One per thread. */
typedef struct zs_engine zs_engine;

/**
 * Connect to a cluster: url is sphinxql://HOST:PORT/INDEX, where INDEX is
 * the distributed index of an export ("zhaoshu"; its figures are in
 * INDEX_figures).
 * On failure *out still receives a handle when one could be allocated, so
 * that zs_engine_errmsg() can say why; free it with zs_engine_close().
 * @return ZS_OK; ZS_EINVAL (not such a URL); ZS_EIO (cannot connect);
 *         ZS_ENOMEM.
 */
ZS_EXTERN int zs_engine_open(zs_engine **out, const char *url);

/** Close a connection. Accepts NULL. */
ZS_EXTERN void zs_engine_close(zs_engine *e);

/** The last error message on e (one line). Borrowed; never NULL. */
ZS_EXTERN const char *zs_engine_errmsg(const zs_engine *e);

/** Byte offset in the query of the last syntax error on e. */
ZS_EXTERN size_t zs_engine_error_offset(const zs_engine *e);

/** A query running on a cluster (opaque). */
typedef struct zs_equery zs_equery;

/**
 * Run a query on a cluster: the same language, options and hits as
 * zs_query_open(). Matching is the local index's (every word a phrase of
 * zhaoshu's tokens, filters on the same zones, years and figures);
 * highlights, snippets and figure spans are computed here from the text
 * the cluster returns. Ranking is the engine's BM25 with zhaoshu's
 * proximity and passage-kind weights on top, so the order of equal hits
 * may differ from a local query. When some shards did not answer, the hits
 * come from the others and zs_equery_missing() names the missing ones.
 * @param out Ownership: caller frees with zs_equery_free().
 * @return ZS_OK; ZS_ESYNTAX or ZS_ELIMIT (bad query: zs_engine_errmsg() and
 *         zs_engine_error_offset()); ZS_EIO (the cluster failed); ZS_ENOMEM.
 */
ZS_EXTERN int zs_equery_open(zs_equery **out, zs_engine *e, const char *q, size_t n,
                             const zs_query_opts *o);

/** The next hit, best first. Borrowed until the next call; ZS_ITEROVER at the end. */
ZS_EXTERN int zs_equery_next(zs_equery *q, const zs_hit **hit);

/** Total hits of the query on the shards that answered. */
ZS_EXTERN int zs_equery_count(zs_equery *q, long long *count);

/**
 * The i-th shard that did not answer (0-based), as "SHARD at HOST:PORT:
 * why", or NULL past the last one. Borrowed: valid until zs_equery_free().
 */
ZS_EXTERN const char *zs_equery_missing(const zs_equery *q, size_t i);

/** Free a cluster query. Accepts NULL. */
ZS_EXTERN void zs_equery_free(zs_equery *q);

#ifdef __cplusplus
}
#endif
#endif /* ZHAOSHU_H */
