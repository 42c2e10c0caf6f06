/*
 * util_int.h - private interface of util/, the bottom layer: the small
 * pieces of text handling that every layer above needs and none owns
 * (UTF-8 decoding, character classes, numerals, buffers, word lists), and
 * the error strings every layer's messages use.
 *
 * What this layer must not do: include any other layer's header, use ICU,
 * SQLite or threads, allocate behind a caller's back, or print. Everything
 * here is a leaf: segment/, extract/, store/, query/ and lib/ call down into
 * it, it calls nothing of theirs.
 *
 * Symbols carry the zsu_ prefix and hidden visibility (zs_strerror, public,
 * is declared in zhaoshu.h).
 */
#ifndef ZS_UTIL_INT_H
#define ZS_UTIL_INT_H

#include <stddef.h>

/* ---- interface to utf8.c ---- */

/*
 * Decode one UTF-8 character at p[0..n) (n >= 1): returns its length (1 for
 * an invalid byte, with *cp = 0xFFFD).
 */
size_t zsu_utf8_decode(const char *p, size_t n, unsigned *cp);

/* Length of the UTF-8 character that ends at p[i] (i > 0), 1 if invalid. */
size_t zsu_utf8_prev(const char *p, size_t i);

#endif
