/*
 * util_int.h - private interface of util/, the bottom layer: the small
 * pieces of text handling that every layer above needs and none owns
 * (UTF-8 decoding, character classes, numerals, buffers, word lists), and
 * the error strings every layer's messages use.
 *
 * What this layer must not do: include any other layer's header, use
 * SQLite or threads or ICU beyond character properties and UTF-8 macros, allocate behind a caller's back, or print. Everything
 * here is a leaf: segment/, extract/, store/, query/ and lib/ call down into
 * it, it calls nothing of theirs.
 *
 * Symbols carry the zsu_ prefix and hidden visibility (zs_strerror, public,
 * is declared in zhaoshu.h).
 */
#ifndef ZS_UTIL_INT_H
#define ZS_UTIL_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* ---- interface to utf8.c ---- */

/* Decoding without ICU (figures and numbers); the character classes below
 * use ICU's UTF-8 macros and property lookups. */

/*
 * Decode one UTF-8 character at p[0..n) (n >= 1): returns its length (1 for
 * an invalid byte, with *cp = 0xFFFD).
 */
size_t zsu_utf8_decode_any(const char *p, size_t n, unsigned *cp);

/* The well-formed three-byte character at s[0..3) (s[0] is 0xE0..0xEF),
 * or 0: trail bytes 10xxxxxx, at least U+0800, no surrogate. One test of
 * both trail bytes (XOR 0x80 leaves them below 0x40) and one of the range:
 * the decoders below run on nearly every byte an index run reads. */
static inline unsigned zsu_utf8_three(const unsigned char *s)
{
    unsigned t1 = s[1] ^ 0x80u, t2 = s[2] ^ 0x80u;
    unsigned v = ((s[0] & 0x0Fu) << 12) | (t1 << 6) | t2;
    return (t1 | t2) < 0x40u && v >= 0x800u && v - 0xD800u >= 0x800u ? v : 0;
}

/* The same, inline for ASCII and the three-byte characters of Chinese text:
 * a call per character was 6% of an index run's instructions (callgrind,
 * 1,500 realnews-dev files); anything else goes to zsu_utf8_decode_any(). */
static inline size_t zsu_utf8_decode(const char *p, size_t n, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (n >= 3 && (s[0] & 0xF0) == 0xE0) {
        unsigned v = zsu_utf8_three(s);
        if (v) {
            *cp = v;
            return 3;
        }
    }
    return zsu_utf8_decode_any(p, n, cp);
}

/* Length of the UTF-8 character that ends at p[i] (i > 0), 1 if invalid. */
size_t zsu_utf8_prev(const char *p, size_t i);

/* The character that ends at p[i] (i > 0): its code point in *cp, as
 * zsu_utf8_decode() reads it, and its length, as zsu_utf8_prev() gives it. */
static inline size_t zsu_utf8_before(const char *p, size_t i, unsigned *cp)
{
    size_t l = zsu_utf8_prev(p, i);
    zsu_utf8_decode(p + i - l, l, cp);
    return l;
}

/* ---- interface to buf.c ---- */

/*
 * Resize the array *arrp (a T ** passed as void *) to n elements of elem
 * bytes, as realloc does. Returns 0, or ZS_ENOMEM with the array as it was
 * (arrays that grow together stay valid when a later one fails).
 */
int zsu_resize(void *arrp, size_t n, size_t elem);

/*
 * Make room for need elements of elem bytes in the array *arrp (a T **
 * passed as void *) of capacity *cap: the capacity doubles, starting at
 * first. Call it only when full (n == cap) to keep the check inline.
 * Returns 0, or ZS_ENOMEM with the array as it was.
 */
int zsu_grow(void *arrp, size_t *cap, size_t need, size_t elem, size_t first);

/* A growing string, always NUL-terminated once anything was added.
 * Zero-initialise. Ownership: the caller frees p. */
typedef struct zsu_buf {
    char *p;
    size_t n, cap;
    int oom; /* an append failed: later appends do nothing */
} zsu_buf;

/* Append s[0..n). Returns 0, or ZS_ENOMEM (then b->oom stays set, so a
 * builder may check once at the end). */
int zsu_buf_add(zsu_buf *b, const char *s, size_t n);

/* Free an array of n strings and the array. Accepts NULL. */
void zsu_strv_free(char **v, size_t n);

/* A three-way comparison of two numbers of any type, for qsort comparators:
 * -1, 0 or 1 without the overflow of a subtraction. */
#define ZSU_CMP(a, b) (((a) > (b)) - ((a) < (b)))

/* Free each of n owned pointers (any may be NULL). */
static inline void zsu_free_each(void *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
}

/* Free every pointer named, in order: the end of a destructor, which owns
 * a handful of buffers and frees them all, written once as the list of what
 * it owns. */
#define ZSU_FREE(...)                                                                              \
    zsu_free_each((void *const[]){__VA_ARGS__},                                                    \
                  sizeof((void *const[]){__VA_ARGS__}) / sizeof(void *))

/* A string with its length. Borrowed: the bytes belong to whoever made the
 * list that holds it (a data file, an arena). */
typedef struct zsu_str {
    const char *s;
    size_t n;
} zsu_str;

/* A growing list of borrowed strings: the word lists read from data files.
 * Zero-initialise. Ownership: the holder frees v. */
typedef struct zsu_strlist {
    zsu_str *v;
    size_t n, cap;
} zsu_strlist;

/* Append s[0..n) (not copied). Returns 0, or ZS_ENOMEM. */
int zsu_strlist_add(zsu_strlist *l, const char *s, size_t n);

/* Sort longest first: a scan that takes the first entry that matches then
 * takes the longest. */
void zsu_strlist_longest_first(zsu_strlist *l);

static inline int zsu_buf_str(zsu_buf *b, const char *s)
{
    return zsu_buf_add(b, s, strlen(s));
}

/* ---- interface to escape.c ---- */

/* Where the output goes: n bytes at s. */
typedef void (*zsu_sink)(void *ctx, const char *s, size_t n);

/* Write p[0..n) to out with each byte b replaced by tab[b] where that is
 * not NULL (a format's table of escapes). */
void zsu_escape(const char *p, size_t n, const char *const tab[256], zsu_sink out, void *ctx);

/* ---- character classes (inline: they run on every character) ---- */

/* The code point at p[i] (i < n), 0xFFFD for an invalid sequence; *next is
 * the offset after it. */
/* U8_NEXT(p, *k, n, c) as a function: the same code point, or a negative
 * value for an ill-formed sequence, and *k moved past it; ASCII and
 * three-byte characters without ICU's general path. */
static inline UChar32 zsu_u8_next(const char *p, int32_t *k, int32_t n)
{
    const unsigned char *s = (const unsigned char *)p + *k;
    UChar32 c;
    if (s[0] < 0x80) {
        ++*k;
        return s[0];
    }
    if (n - *k >= 3 && (s[0] & 0xF0) == 0xE0) {
        unsigned v = zsu_utf8_three(s);
        if (v) {
            *k += 3;
            return (UChar32)v;
        }
    }
    U8_NEXT(p, *k, n, c);
    return c;
}

static inline UChar32 zsu_cp_at(const char *p, size_t i, size_t n, size_t *next)
{
    int32_t k = (int32_t)i;
    UChar32 c = zsu_u8_next(p, &k, (int32_t)n);
    *next = (size_t)k;
    return c < 0 ? 0xFFFD : c;
}

/* The code point that ends at p[i] (i > start); *prev is its offset. */
static inline UChar32 zsu_cp_before(const char *p, size_t start, size_t i, size_t *prev)
{
    int32_t k = (int32_t)i;
    UChar32 c;
    U8_PREV(p, (int32_t)start, k, c);
    *prev = (size_t)k;
    return c < 0 ? 0xFFFD : c;
}

/* Does p[0..n) hold a code point of the class pred? */
static inline int zsu_has_cp(const char *p, size_t n, int (*pred)(UChar32))
{
    for (size_t i = 0; i < n;) {
        size_t next;
        if (pred(zsu_cp_at(p, i, n, &next)))
            return 1;
        i = next;
    }
    return 0;
}

static inline int zsu_is_space(UChar32 c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\f' || c == '\v';
}

/* The CJK Unified Ideographs block: all wide, all ideographic, none
 * punctuation (Unicode 14 filled it). Most characters of Chinese news are
 * here, and answering for them without ICU's property tries took a third
 * of the splitter's time (perf, news-200: u_getUnicodeProperties). */
static inline int zsu_is_cjk_block(UChar32 c)
{
    return c >= 0x4E00 && c <= 0x9FFF;
}

static inline int zsu_is_wide(UChar32 c)
{
    if (c < 0x80)
        return 0; /* narrow or neutral */
    if (zsu_is_cjk_block(c))
        return 1;
    int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return w == U_EA_WIDE || w == U_EA_FULLWIDTH || w == U_EA_AMBIGUOUS;
}

static inline int zsu_is_ideograph(UChar32 c)
{
    return zsu_is_cjk_block(c) || (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC));
}

static inline int zsu_is_punct(UChar32 c)
{
    return !zsu_is_cjk_block(c) && u_ispunct(c);
}

/* Sentence punctuation inside a line: the mark of running text. */
static inline int zsu_is_prose_punct(UChar32 c)
{
    return c == 0xFF0C || c == 0x3001 || c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F ||
           c == ',' || c == ';';
}

static inline int zsu_is_sentence_end(UChar32 c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0x2026 || c == '!' ||
           c == '?' || c == ';' || c == 0xFF0E;
}

static inline int zsu_is_closing(UChar32 c)
{
    return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')' ||
           c == 0x300B || c == 0x3009 || c == 0x3011 || c == '"' || c == '\'';
}

static inline int zsu_is_opening(UChar32 c)
{
    return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E || c == 0xFF08 || c == '(' ||
           c == 0x300A || c == 0x3008 || c == 0x3010 || c == '[';
}

#endif
