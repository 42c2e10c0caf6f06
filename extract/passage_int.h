/*
 * passage_int.h - private interface between the files that rebuild the
 * passages of a page (extract/): cues.c (the cue words of
 * data/passage_cues.txt and what they make of a line: byline, caption,
 * credit), undouble.c (text printed in doubled bold type) and passage.c
 * (segments, joining, passages; its opening comment states the rules).
 */
#ifndef ZS_EXTRACT_PASSAGE_INT_H
#define ZS_EXTRACT_PASSAGE_INT_H

#include <stddef.h>
#include <string.h>

#include "extract_int.h"
#include "util_int.h"

/* Longest byline, in characters (a caption by its cue words has no limit). */
#define BYLINE_CHARS 60

typedef zsu_str str;
typedef zsu_strlist strlist;

typedef struct cues {
    char *buf; /* the loaded file; entries point into it */
    strlist opener, role, caption, surname, credit;
    unsigned char *credit_caption; /* per credit: 1 caption, 0 byline */
} cues;

/* ---- interface to cues.c ---- */

/*
 * The cues, loaded and sorted once per process (thread-safe) and never
 * freed. Borrowed. NULL on failure, with *rc set (ZS_ENOMEM, ZS_EINVAL for a
 * malformed user cue file).
 */
const cues *zsi_cues(int *rc);

/*
 * Is the text a byline or a caption by its words? Returns the kind, or -1.
 * *credit is set when it ends with a credit (摄, /文 ...).
 */
int zsi_credit_kind(const cues *c, const char *p0, size_t n0, int *credit);

/* Leading markers that are layout, not text: #, -, *, •, ▶ and spaces. */
size_t zsi_skip_marks(const char *p, size_t n);

/* ---- small helpers shared by the files above ---- */

/* Both compare the last byte inline before calling memcmp: each passage is
 * tried against every cue word, and most differ there (Chinese words share
 * their lead bytes, rarely their last). */
static inline int starts_with(const char *p, size_t n, const str *w)
{
    return w->n <= n && (!w->n || p[w->n - 1] == w->s[w->n - 1]) && memcmp(p, w->s, w->n) == 0;
}

static inline int ends_with(const char *p, size_t n, const char *w, size_t wn)
{
    return wn <= n && (!wn || p[n - 1] == w[wn - 1]) && memcmp(p + n - wn, w, wn) == 0;
}

static inline size_t skip_spaces_fwd(const char *p, size_t i, size_t n)
{
    size_t nx;
    while (i < n && zsu_is_space(zsu_cp_at(p, i, n, &nx)))
        i = nx;
    return i;
}

static inline size_t trim_back(const char *p, size_t s, size_t e)
{
    size_t pv;
    while (e > s && zsu_is_space(zsu_cp_before(p, s, e, &pv)))
        e = pv;
    return e;
}

#endif
