/*
 * segment_int.h - private interface of the segmenter module (segment/).
 *
 * The segmenter is pure: UTF-8 bytes in, tokens (kind, normalized text,
 * original byte offsets) out. The FTS5 adapter (fts5_tok.c) is a thin layer
 * over it. Offsets are bytes ("off") into the caller's text; indices into the
 * normalized UTF-16 buffer are "u16".
 */
#ifndef ZS_SEGMENT_INT_H
#define ZS_SEGMENT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>
#include <unicode/unorm2.h>

#include "zhaoshu.h"

struct sqlite3;

/* ---- interface to t2s_table.c (generated at build time by t2s_gen.c) ---- */

/* Entries of zss_t2s_uro: U+3400..U+9FFF. */
#define ZSS_T2S_URO_COUNT (0x9FFF - 0x3400 + 1)
extern const int16_t zss_t2s_uro[];       /* delta for U+3400..U+9FFF */
extern const uint32_t zss_t2s_pairs[][2]; /* sorted (traditional, simplified) */
extern const size_t zss_t2s_npairs;
/* The mapped characters that GB 2312 also holds (俱, 著, 乾 ...), ascending. */
extern const uint32_t zss_t2s_own[];
extern const size_t zss_t2s_nown;

/* ---- interface to tokid.c ---- */

/* Longest tokenizer identity (zs_tokenizer()), with its NUL. */
#define ZSS_TOKENIZER_ID_MAX 128
/*
 * The tokenizer's rules, by hand: bump it when a change to normalize.c or
 * seg.c changes the tokens of an indexed text in a way tokid.c's probe text
 * does not show (better: add a case to the probe). Indexes built before are
 * then refused by queries until zhaoshu index --retokenize.
 */
#define ZSS_TOKENIZER_RULES 1

/* The identity as made at run time (the probe cut now), into out[0..cap). */
void zss_tokid_compute(char *out, size_t cap);

/* The identity made at build time by tokid_freeze.c, and the ICU version
 * (u_getVersion()) it was made with; "" when it could not be made. */
extern const char zss_tokid_frozen[];
extern const char zss_tokid_frozen_icu[];

/* ---- interface to normalize.c ---- */

/*
 * The normalized text of one zs_seg_run() call: UTF-16 for ICU, with each
 * unit's source byte range. Buffers belong to the segmenter and are reused.
 */
/* Slots of zss_norm's memo (a power of two). */
#define ZSS_NORM_MEMO 256

typedef struct zss_norm {
    UChar *u;        /* normalized text */
    uint32_t *off_s; /* u[i] came from original bytes [off_s[i], off_e[i]) */
    uint32_t *off_e;
    int32_t len; /* UTF-16 units in u */
    int32_t cap;
    /* The normalized (and simplified) form of recent lone code points
     * outside ASCII and Han, by c modulo the size: Chinese punctuation and
     * full-width forms, which would each cost a call to ICU's normalizer.
     * c 0 is an empty slot (never looked up: ASCII takes another path). */
    struct zss_norm_memo {
        UChar32 c;
        int32_t n;
        UChar32 d[3];
    } memo[ZSS_NORM_MEMO];
} zss_norm;

/* Simplified form of a code point (itself when it has none), as tokens fold
 * it: index and query alike, so 隨著 finds 随着. */
UChar32 zss_t2s(UChar32 c);
/* The same for text read for its words (a figure's metric): a character of
 * the Simplified standard set keeps its form (俱乐部 stays 俱乐部). */
UChar32 zss_t2s_strict(UChar32 c);

/*
 * Normalize UTF-8 text into nm: NFKC with case folding, then Traditional to
 * Simplified, code point by code point (combining sequences together).
 * Invalid UTF-8 becomes a space so it separates tokens but never joins them.
 * Errors: ZS_ENOMEM, ZS_EICU.
 */
int zss_normalize(zss_norm *nm, const UNormalizer2 *nfkc_cf, const char *p, size_t n);
void zss_norm_clear(zss_norm *nm);

/* ---- interface to data.c ---- */

/* Longest user data file we read (bytes). */
#define ZSS_MAX_DATA_FILE (16u * 1024u * 1024u)

/*
 * The text of data file NAME: the built-in copy (embedded from data/) followed
 * by the user's file of the same name, from $ZHAOSHU_DATA_DIR, else
 * $XDG_CONFIG_HOME/zhaoshu, else ~/.config/zhaoshu, when it exists.
 * Ownership: caller frees *out with free(). Errors: ZS_ENOMEM, ZS_EIO (user
 * file exists but cannot be read), ZS_ELIMIT.
 */
int zss_data_load(const char *name, const char *builtin, size_t nbuiltin, char **out, size_t *nout);

/* 1 when the user may have a data file NAME (one is there, or whether one is
 * cannot be told: zss_data_load() then says why), 0 when there is none and
 * the built-in text is all of it. */
int zss_data_user_has(const char *name);

/* ---- interface to lexicon.c ---- */

/* A set of words (normalized UTF-16) for colocated word tokens. */
typedef struct zss_lexicon zss_lexicon;

/* Max characters of a lexicon or ICU word that becomes a WORD token. */
#define ZSS_MAX_WORD_CHARS 12

/*
 * Load the built-in lexicon (data/lexicon.txt, embedded) plus the user's
 * extension file if present. Ownership: caller frees with zss_lexicon_free().
 * Errors: ZS_ENOMEM, ZS_EICU.
 */
int zss_lexicon_open(zss_lexicon **out, const UNormalizer2 *nfkc_cf);
void zss_lexicon_free(zss_lexicon *lx);
/* Nonzero if u[0..n) is a lexicon word. */
int zss_lexicon_has(const zss_lexicon *lx, const UChar *u, int32_t n);
int32_t zss_lexicon_maxlen(const zss_lexicon *lx);

/* ---- interface to fts5_tok.c ---- */

/* Name of the FTS5 tokenizer. */
#define ZSS_TOKENIZER_NAME "zhaoshu"

/*
 * Register the "zhaoshu" FTS5 tokenizer on db. Errors: ZS_ESQLITE with a
 * message in err (static text).
 */
int zss_fts5_register(struct sqlite3 *db, const char **err);

/* The connection's fts5_api (NULL without FTS5). Borrowed from SQLite. */
struct fts5_api;
struct fts5_api *zss_fts5_api(struct sqlite3 *db);

/*
 * Pre-tokenized text: the indexer segments passages on worker threads and
 * hands the tokens to the single SQLite writer. When the writer inserts text
 * whose bytes equal those set here (SQLite passes FTS5 a copy, so the pointer
 * never matches), the tokenizer replays these tokens instead of running ICU
 * again. Set per thread; NULL to disable.
 */
typedef struct zss_pretok_tok {
    uint32_t text_off; /* into zss_pretok.strings */
    uint16_t text_len;
    uint16_t colocated; /* 1 or 0: FTS5_TOKEN_COLOCATED or none, xToken's flags (fts5_tok.c) */
    uint32_t start, end;
} zss_pretok_tok;

typedef struct zss_pretok {
    const char *text; /* the exact buffer FTS5 will see */
    size_t n;
    zss_pretok_tok *toks;
    size_t ntoks, captoks;
    char *strings;
    size_t nstrings, capstrings;
    size_t npos; /* zss_pretok_positions(), counted as tokens are added */
} zss_pretok;

/* zs_seg_run(s, text, n, ZS_SEG_DOCUMENT, fn, pt) where fn adds each token
 * to pt as pretok_add() does (fts5_tok.c): the HAN tokens that run_direct()
 * reads from the UTF-8 are stored in pt there, while it has room, and fn
 * gets the others. The same tokens in the same order as through fn. */
int zss_seg_pretok(zs_seg *s, const char *text, size_t n, zs_token_fn fn, zss_pretok *pt);

/* pt[0..n): the texts of one row, one per column. NULL to clear. */
void zss_pretok_set(const zss_pretok *pt, size_t n);
/* Segment text into pt (DOCUMENT mode). Errors as zs_seg_run(). */
int zss_pretok_build(zs_seg *s, zss_pretok *pt, const char *text, size_t n);
void zss_pretok_clear(zss_pretok *pt);
/* The column's size as FTS5 counts it (its docsize, what bm25 calls the
 * length): a token not colocated with the one before, or the first. */
size_t zss_pretok_positions(const zss_pretok *pt);

#endif
