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
    ZS_ITEROVER = -100 /**< end of an iteration; not an error */
};

/** The library version, "MAJOR.MINOR.PATCH". Static storage. */
ZS_EXTERN const char *zs_version(void);

/** A short English description of an error code. Static storage. */
ZS_EXTERN const char *zs_strerror(int code);

/* ------------------------------------------------------------------------
 * Segmenter: normalized tokens with byte offsets into the original text.
 * ---------------------------------------------------------------------- */

/** Longest token, in bytes of normalized UTF-8; longer runs are cut. */
#define ZS_MAX_TOKEN_BYTES 256
/** Longest text one zs_seg_run() call accepts (bytes). */
#define ZS_MAX_SEGMENT_INPUT (64u * 1024u * 1024u)

/** What a token is. */
typedef enum zs_token_kind {
    ZS_TOK_HAN = 1,  /**< one Han (or kana) character: the unit of recall */
    ZS_TOK_WORD = 2, /**< a multi-character CJK word, colocated, for ranking */
    ZS_TOK_LATIN = 3,/**< a Latin (or other alphabetic) word, folded and stemmed */
    ZS_TOK_NUM = 4,  /**< a number such as 135.34 or 2024 (separators removed) */
    ZS_TOK_MIXED = 5 /**< letters glued to digits (100eflops), colocated with its parts */
} zs_token_kind;

/** One token. Borrowed: valid only during the callback that receives it. */
typedef struct zs_token {
    const char *text;   /**< normalized form (NFKC, case folded, Simplified) */
    size_t len;         /**< bytes in text */
    zs_token_kind kind;
    size_t start;       /**< byte offset of the first original byte */
    size_t end;         /**< byte offset one past the last original byte */
    int colocated;      /**< nonzero: same position as the previous token */
} zs_token;

/** Flags for zs_seg_run(). */
#define ZS_SEG_DOCUMENT 0u /**< tokens for indexing: characters and words */
#define ZS_SEG_QUERY 1u    /**< tokens for a query: characters only, no words */
#define ZS_SEG_PREFIX 2u   /**< with QUERY: the last token is a prefix (no stemming) */

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
ZS_EXTERN int zs_seg_run(zs_seg *s, const char *text, size_t n, unsigned flags,
                         zs_token_fn fn, void *ctx);

/** The last error message of this segmenter. Borrowed; never NULL. */
ZS_EXTERN const char *zs_seg_errmsg(const zs_seg *s);

/** "han", "word", "latin", "num" or "mixed". Static storage. */
ZS_EXTERN const char *zs_token_kind_name(zs_token_kind kind);

#ifdef __cplusplus
}
#endif
#endif /* ZHAOSHU_H */
