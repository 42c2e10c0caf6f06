/*
 * passage.c - rebuild the passages of a newspaper page: paragraphs as the
 * writer meant them, plus headlines, bylines and captions on their own.
 *
 * One concept kept whole (about 750 lines, over the 700 the layout asks
 * for): the kinds below are decided before any joining, and every joining
 * rule reads them, so splitting kinds from joining would put each rule in
 * one file and its exceptions in another.
 *
 * Text extracted from printed pages breaks lines where the column ended, not
 * where the writer did: narrow columns break inside words and numbers
 * ("贵阳高" / blank line / "新区"), even wide ones leave a stray break
 * ("…800余家企" / "业。"), and headlines, bylines and captions sit between
 * paragraphs. The rules, all general (the cue words live in
 * data/passage_cues.txt):
 *
 * Lines and segments. Lines end at LF, CRLF or CR. Each non-blank line,
 * trimmed of spaces, is a segment. A line whose sentence ends and is
 * followed, after a space, by a byline or caption ("…发展。 宫铭阳",
 * "…发展。 图片来源：珠海高新区") is split into two segments.
 *
 * Fixed kinds, decided per segment before any joining:
 *  - headline: a Markdown heading (#), or a line printed in doubled bold type
 *    (see zsi_undouble: every punctuation character doubled and every text
 *    run printed twice back to back); the repaired text is kept.
 *  - caption: starts with a [caption] cue (图片来源); ends with a [credit]
 *    cue of kind caption (摄, 供图), bare or in brackets, credited to a name
 *    or a role, and also describes something ("…生产车间 桂榕 摄"); or sits
 *    alone in a picture slot (two or more blank lines before it, not at the
 *    top of the page) and is short (<= SLOT_CAPTION_CHARS).
 *  - byline: at most BYLINE_CHARS, no sentence punctuation, and made only of
 *    names (2-4 Han characters starting with a [surname]), [role] words and
 *    a credit ("贵州日报天眼新闻记者 顾冰洁", "桂榕", "王轩禹/文").
 *  A credit line right under a caption (no blank line between) joins it, and
 *  a numbered item (①) directly above a credit line is a caption.
 *
 * Headline blocks: two or more adjacent lines (no blank line between), none
 * with sentence punctuation (，、。；！？) nor ending a sentence, each at
 * most HEADLINE_CHARS, form one headline, decks joined by a space.
 *
 * Joining. A segment that does not end a sentence (its last character,
 * before closing quotes or brackets, is not one of 。！？；… and it does not
 * end in ——) continues into the next segment, across blank lines, when the
 * next one is not an [opener] (本报讯, ▶, ①, -, …) nor of a fixed kind and
 *  (a) it is "full": its display width (ICU East Asian Width: wide and
 *      ambiguous count 2) is at least FULL_RATIO of the column width, the
 *      median width of the unfinished lines among the NEIGHBOURS
 *      segments on either side; or it sits in a narrow column (column width
 *      at most NARROW_COLUMNS), where every unfinished line continues. A
 *      column takes three unfinished lines at least, and there is none where
 *      lines on both sides are more than WIDER_THAN_COLUMN times as wide: no
 *      line is wider than its column, and web news, stored a paragraph per
 *      line, has short unfinished lines (titles, subheads, photo notes)
 *      between long paragraphs; or
 *  (b) the next segment starts as a fragment: with closing or clause
 *      punctuation, with one character before a mark that ends a clause
 *      ("业。", "来，"), or a sentence's end at most SENTENCE_FRAGMENT
 *      characters in ("接着写完。"; an ASCII full stop glued to the Han
 *      character after it is a comma typed in ASCII, 按照规划.某市). A
 *      longer run (at most FRAGMENT_AFTER_PROSE characters after a line
 *      with sentence punctuation, FRAGMENT_AFTER_PLAIN after one without)
 *      is a fragment
 *      only where ICU's dictionary finds a word across the break (产 / 业共同体)
 *      or the page is known to break lines inside sentences: a line longer
 *      than any title that ends no sentence nor a lead-in (：) is followed by
 *      a fragment of the kinds above. In text stored a paragraph per line a
 *      title or subhead is followed by paragraphs that open with a short
 *      clause (春节，, 在某镇某村，). A list number ("四、", "2.") is no
 *      fragment; or
 *  (c) it has sentence punctuation and the next segment is right below it
 *      (no blank line between) and starts no text of its own (an opening
 *      mark, a dash, a list number): a line wrapped by its writer.
 *  A line of Han runs separated by spaces and without sentence punctuation
 *  ("产业之变 硬核引擎集群成势") is a headline's decks and never continues.
 *  A short headline-like segment between a broken line and its fragment
 *  (a subhead set inside the column) is stepped over and kept as a headline;
 *  so is a section heading (#) when the line after it begins with closing
 *  punctuation or a one- or two-character run ("攀升，").
 *  An unfinished segment that joins nothing and has no sentence punctuation
 *  is a headline when it is at most HEADLINE_CHARS long.
 * Never joined: a segment that ends a sentence, anything into an opener, or
 * across more than MAX_JOIN_BLANKS blank lines (a picture slot or a new
 * item). A headline has balanced quotes and brackets ("“得知…需" is a cut
 * paragraph, not a title).
 *
 * Passage text. Joining drops the line breaks; spaces between two wide
 * characters (Han, full-width punctuation) are layout and are dropped in
 * body text ("等 方 面 ，办" -> "等方面，办"); spaces next to digits and Latin
 * stay. List and heading marks (#, -, ▶) at the start are dropped. Passages
 * with no letter, digit or Han character ("……") are not returned.
 * start/end always cover the original bytes of the first and last segment.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "metric_int.h"
#include "passage_int.h"

#define SLOT_CAPTION_CHARS 60
#define HEADLINE_CHARS 40
#define HEADLIKE_CHARS 24
#define FULL_RATIO 0.75
#define NEIGHBOURS 4
#define NARROW_COLUMNS 60
#define FRAGMENT_AFTER_PROSE 8
#define FRAGMENT_AFTER_PLAIN 4
#define ACROSS_CHARS 4
#define SENTENCE_FRAGMENT 4
#define MAX_JOIN_BLANKS 1
#define WIDER_THAN_COLUMN 1.5

typedef struct seg {
    size_t s, e;  /* trimmed content bytes */
    size_t blank; /* blank lines before this segment (0: adjacent) */
    int first;    /* no segment before it */
    int width;    /* display columns */
    size_t nch;   /* code points */
    int prose, ends, opener, circled, credit;
    int spaced;   /* Han, space, Han: decks of a headline, not a column line */
    int blanks;   /* its line holds a zsu_is_space() character (has_space()) */
    int balanced; /* as many closing quotes and brackets as opening ones */
    int fixed;    /* -1 undecided, else a zsi_passage_kind */
    char *repl;   /* repaired text (doubled bold), or NULL */
    size_t nrepl;
    double colw; /* column width around it, 0 unknown */
    int used;
} seg;

/* ---- segments ---- */

typedef struct segs {
    seg *v;
    size_t n, cap;
} segs;

static int seg_add(segs *l, size_t s, size_t e, size_t blank, int first, int blanks)
{
    if (l->n == l->cap && zsu_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 64))
        return ZS_ENOMEM;
    memset(&l->v[l->n], 0, sizeof l->v[0]);
    l->v[l->n].s = s;
    l->v[l->n].e = e;
    l->v[l->n].blank = blank;
    l->v[l->n].first = first;
    l->v[l->n].blanks = blanks;
    l->v[l->n].fixed = -1;
    l->n++;
    return 0;
}

/* Could s[i] start a zsu_is_space() character? Tab, VT, FF, space, U+00A0
 * (C2 A0) and U+3000 (E3 80 80): lead bytes, never inside another sequence,
 * so a scan byte by byte stops exactly where a scan by code point would. */
static int space_at(const char *s, size_t i, size_t n)
{
    unsigned char b = (unsigned char)s[i];
    if (b == ' ' || b == '\t' || b == '\v' || b == '\f')
        return 1;
    if (b == 0xC2)
        return i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
    if (b == 0xE3)
        return i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80;
    return 0;
}

/* The bytes space_at() may say yes at: tab, VT, FF, space and the leads
 * C2 (U+00A0) and E3 (U+3000). */
static const unsigned char space_lead[256] = {['\t'] = 1, ['\v'] = 1, ['\f'] = 1, [' '] = 1,
                                              [0xC2] = 1, [0xE3] = 1};

/* Does p[i..n) hold a zsu_is_space() character? space_at() is never true
 * at a trail byte, so this asks it only where space_lead[] marks a byte,
 * four bytes to a test: most lines of news hold no space, and then
 * tail_start() need not decode every character (which was a fifth of the
 * splitter's time), nor squeeze() scan the passages made of such lines
 * (seg.blanks). */
static int has_space(const char *p, size_t i, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    for (; i + 4 <= n; i += 4)
        if (space_lead[u[i]] | space_lead[u[i + 1]] | space_lead[u[i + 2]] | space_lead[u[i + 3]])
            for (size_t k = i; k < i + 4; k++) /* 、。《》 lead with E3 too */
                if (space_lead[u[k]] && space_at(p, k, n))
                    return 1;
    for (; i < n; i++)
        if (space_lead[u[i]] && space_at(p, i, n))
            return 1;
    return 0;
}

/* Where a byline/caption tail starts after a finished sentence, or 0.
 * Asked only of a line that holds a space (has_space()): a tail starts
 * after one. */
static size_t tail_start(const cues *c, const char *p, size_t s, size_t e)
{
    size_t i = s, nx, best = 0;
    while (i < e) {
        UChar32 ch = zsu_cp_at(p, i, e, &nx);
        if (zsu_is_cjk_block(ch)) { /* no sentence end, no bracket */
            i = nx;
            continue;
        }
        if ((zsu_is_sentence_end(ch) || zsu_is_closing(ch)) && nx < e) {
            size_t sp = nx, nx2;
            if (zsu_is_space(zsu_cp_at(p, sp, e, &nx2))) {
                size_t t = skip_spaces_fwd(p, sp, e);
                if (t < e)
                    best = t; /* keep the last one */
            }
        }
        i = nx;
    }
    if (!best) {
        return 0;
    }
    /* The part before must end a sentence. */
    size_t pv, q = trim_back(p, s, best);
    UChar32 ch = zsu_cp_before(p, s, q, &pv);
    while (zsu_is_closing(ch) && pv > s)
        ch = zsu_cp_before(p, s, pv, &pv);
    if (!zsu_is_sentence_end(ch))
        return 0;
    int credit;
    int k = zsi_credit_kind(c, p + best, e - best, &credit);
    return k >= 0 ? best : 0;
}

static void features(const cues *c, const char *p, seg *g)
{
    size_t i = g->s, nx, pv;
    const char *t = p + g->s;
    size_t n = g->e - g->s;
    UChar32 before_space = 0, prev = 0;
    size_t nspaces = 0, gaps = 0;
    int depth = 0;
    while (i < g->e) {
        const unsigned char *u = (const unsigned char *)p + i;
        if (i + 2 < g->e && (u[0] - 0xE5u <= 0xE9 - 0xE5 || (u[0] == 0xE4 && u[1] >= 0xB8)) &&
            (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 && !zsu_is_space(prev)) {
            /* Most characters: the CJK block (U+4E00-U+9FFF: E4 B8 80 to
             * E9 BF BF), read on its bytes without decoding it: wide, no
             * punctuation, no bracket, no space, and no gap since the one
             * before is no space. prev only needs to be some character of
             * the block (an ideograph that is no space). The run of them
             * that starts here is counted in a loop of its own, in a local
             * (g's fields were loaded and stored at every character). */
            size_t k = 0;
            do {
                k++;
                u += 3;
            } while (u + 2 < (const unsigned char *)p + g->e &&
                     (u[0] - 0xE5u <= 0xE9 - 0xE5 || (u[0] == 0xE4 && u[1] >= 0xB8)) &&
                     (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80);
            g->width += 2 * (int)k;
            g->nch += k;
            prev = 0x4E00;
            i += 3 * k;
            continue;
        }
        UChar32 ch = zsu_cp_at(p, i, g->e, &nx);
        g->width += zsu_is_wide(ch) ? 2 : 1;
        g->nch++;
        if (zsu_is_prose_punct(ch))
            g->prose = 1;
        depth += zsu_is_opening(ch) - zsu_is_closing(ch);
        if (zsu_is_space(ch)) {
            nspaces++;
            if (!zsu_is_space(prev))
                before_space = prev;
        } else {
            if (zsu_is_space(prev) && before_space &&
                (zsu_is_ideograph(before_space) || zsu_is_closing(before_space)) &&
                (zsu_is_ideograph(ch) || zsu_is_opening(ch)))
                gaps++;
        }
        prev = ch;
        i = nx;
    }
    /* Letter-spaced justified lines ("等 方 面") have spaces everywhere. */
    g->spaced = gaps > 0 && nspaces * 3 < g->nch;
    g->balanced = depth == 0;
    /* Ends a sentence? Look past closing quotes and brackets. */
    i = g->e;
    UChar32 ch = zsu_cp_before(p, g->s, i, &pv);
    while (zsu_is_closing(ch) && pv > g->s) {
        i = pv;
        ch = zsu_cp_before(p, g->s, i, &pv);
    }
    g->ends = zsu_is_sentence_end(ch);
    if (ends_with(t, n, "\xE2\x80\x94\xE2\x80\x94", 6)) /* —— */
        g->ends = 1;
    for (size_t k = 0; k < c->opener.n; k++)
        if (starts_with(t, n, &c->opener.v[k]))
            g->opener = 1;
    size_t m = zsi_skip_marks(t, n);
    UChar32 f = m < n ? zsu_cp_at(t, m, n, &nx) : 0;
    g->circled = f >= 0x2460 && f <= 0x2473;
}

/* Median of w[0..k), k >= 1; sorts w. */
static double median(int *w, size_t k)
{
    for (size_t a = 1; a < k; a++)
        for (size_t b = a; b > 0 && w[b - 1] > w[b]; b--) {
            int x = w[b];
            w[b] = w[b - 1];
            w[b - 1] = x;
        }
    return k % 2 ? w[k / 2] : (w[k / 2 - 1] + w[k / 2]) / 2.0;
}

/* Median width of the unfinished segments around i (not counting i). */
static double column_width(const segs *l, size_t i)
{
    int w[2 * NEIGHBOURS];
    size_t k = 0;
    int prose = l->v[i].prose;
    for (size_t d = 1; d <= NEIGHBOURS; d++) {
        if (i >= d) {
            const seg *g = &l->v[i - d];
            if (!g->ends && g->fixed < 0 && (!g->spaced || g->opener)) {
                w[k++] = g->width;
                prose |= g->prose;
            }
        }
        if (i + d < l->n) {
            const seg *g = &l->v[i + d];
            if (!g->ends && g->fixed < 0 && (!g->spaced || g->opener)) {
                w[k++] = g->width;
                prose |= g->prose;
            }
        }
    }
    /* Without running text nearby (a stack of headlines) there is no column,
     * nor with fewer than three lines to say how wide it is. */
    if (k < 3 || !prose)
        return 0;
    double colw = median(w, k);
    /* No line is wider than its column. Where lines on both sides are much
     * wider (a paragraph per line, as web news is stored), the unfinished
     * short ones are titles and subheads, not the lines of a column; wider
     * lines on one side only may be the next story's wider column. */
    size_t before = 0, after = 0;
    for (size_t d = 1; d <= NEIGHBOURS; d++) {
        if (i >= d && l->v[i - d].fixed < 0 && !l->v[i - d].spaced &&
            l->v[i - d].width > WIDER_THAN_COLUMN * colw)
            before++;
        if (i + d < l->n && l->v[i + d].fixed < 0 && !l->v[i + d].spaced &&
            l->v[i + d].width > WIDER_THAN_COLUMN * colw)
            after++;
    }
    if ((before && after) || (i == 0 && after >= 2) || (i + 1 == l->n && before >= 2))
        return 0;
    return colw;
}

static int is_full(const seg *g)
{
    if (g->colw <= 0 || (g->spaced && !g->opener && !g->prose))
        return 0;
    return g->colw <= NARROW_COLUMNS || g->width >= FULL_RATIO * g->colw;
}

/* How segment g starts: FRAG_CLOSE with closing or clause punctuation
 * (”，。), else the characters before its first punctuation mark; 0 when the
 * line starts a text of its own: an opening bracket or quote or a dash
 * first, a space before the first mark, no punctuation at all, or a list
 * number ("四、", "2.", "A、"). *how tells the mark: FRAG_CLAUSE (，、 or a
 * closing one), FRAG_END (it ends a sentence: 研究。) or FRAG_OTHER (one that
 * opens, a colon: 据《北京商报》, 答：, 新构建“). */
#define FRAG_CLOSE ((size_t)-1)
enum { FRAG_CLAUSE, FRAG_END, FRAG_OTHER };
static size_t fragment_run(const char *p, const seg *g, int *how)
{
    size_t i = g->s, nx, pv, k = 0;
    UChar32 ch = zsu_cp_at(p, i, g->e, &nx), first = ch;
    *how = FRAG_OTHER;
    if (g->opener)
        return 0;
    if (zsu_is_punct(ch))
        return zsu_is_closing(ch) || zsu_is_prose_punct(ch) ? FRAG_CLOSE : 0;
    UChar32 prev = 0;
    while (i < g->e) {
        ch = zsu_cp_at(p, i, g->e, &nx);
        if ((ch == '.' || ch == 0xFF0E) && u_isdigit(prev) && nx < g->e &&
            u_isdigit(zsu_cp_at(p, nx, g->e, &pv))) {
            i = nx; /* a decimal point (135.34) */
            prev = ch;
            continue;
        }
        if (zsu_is_punct(ch)) {
            int numeral = (first < 0x3000 && u_isalnum(first)) ||
                          (first >= 0xFF10 && first <= 0xFF5A) ||
                          u_getNumericValue(first) != U_NO_NUMERIC_VALUE;
            if (k == 1 && numeral &&
                (ch == 0x3001 || ch == '.' || ch == 0xFF0E || ch == ')' || ch == 0xFF09))
                return 0;
            /* An ASCII full stop glued to the Han character after it is a
             * comma typed in ASCII (根据规划.珠海将), which ends a clause, not
             * a sentence: a subhead above it (…产能2020年超800万马力) is
             * then no broken line this paragraph finishes. */
            if (ch == '.' && nx < g->e && zsu_is_ideograph(zsu_cp_at(p, nx, g->e, &pv)))
                *how = FRAG_CLAUSE;
            else if (zsu_is_sentence_end(ch) || ch == '.')
                *how = FRAG_END;
            else if (zsu_is_prose_punct(ch) || zsu_is_closing(ch))
                *how = FRAG_CLAUSE;
            return k;
        }
        if (zsu_is_space(ch))
            return 0;
        i = nx;
        prev = ch;
        k++;
    }
    return 0;
}

/* Does a word run across the break between segments a and b (产 / 业共同体)?
 * ICU's dictionary word break over the last and first few characters. */
static int word_across(const char *p, const seg *a, const seg *b)
{
    char buf[2 * ACROSS_CHARS * 4];
    size_t s = a->e, e = b->s, pv, nx, n, cut;
    for (int k = 0; k < ACROSS_CHARS && s > a->s; k++) {
        UChar32 ch = zsu_cp_before(p, a->s, s, &pv);
        if (!zsu_is_ideograph(ch))
            break;
        s = pv;
    }
    for (int k = 0; k < ACROSS_CHARS && e < b->e; k++) {
        UChar32 ch = zsu_cp_at(p, e, b->e, &nx);
        if (!zsu_is_ideograph(ch))
            break;
        e = nx;
    }
    if (s == a->e || e == b->s)
        return 0;
    memcpy(buf, p + s, cut = a->e - s);
    memcpy(buf + cut, p + b->s, e - b->s);
    n = cut + (e - b->s);
    zsi_wbounds wb;
    zsi_wb_compute(&wb, buf, 0, n);
    return !zsi_wb_is(&wb, cut);
}

/* Does segment b start as the rest of segment a's broken sentence? Closing
 * or clause punctuation or a single character before the first mark ("业。",
 * "来，") always; a longer run (up to FRAGMENT_AFTER_PROSE characters after a
 * line with sentence punctuation, FRAGMENT_AFTER_PLAIN after one without)
 * only where a word runs across the break or the page is known to break
 * lines inside sentences (broken): in text stored a paragraph per line,
 * "春节，" or "在报福镇景溪村，" after a title starts a paragraph. */
static int is_fragment(const char *p, const seg *a, const seg *b, int broken)
{
    int how;
    size_t k = fragment_run(p, b, &how),
           limit = a->prose ? FRAGMENT_AFTER_PROSE : FRAGMENT_AFTER_PLAIN;
    if (k == FRAG_CLOSE || (k == 1 && how != FRAG_OTHER) ||
        (how == FRAG_END && k <= SENTENCE_FRAGMENT))
        return 1;
    if (k == 0 || k > limit)
        return 0;
    return (broken && how != FRAG_OTHER) || word_across(p, a, b);
}

/* A fragment beyond doubt: closing punctuation or one or two characters first. */
static int is_strong_fragment(const char *p, const seg *g)
{
    int how;
    size_t k = fragment_run(p, g, &how);
    return k == FRAG_CLOSE || (k >= 1 && k <= 2 && how != FRAG_OTHER);
}

static int headline_like(const seg *g)
{
    return g->fixed < 0 && !g->prose && !g->ends && !g->opener && g->balanced &&
           g->nch <= HEADLIKE_CHARS && !is_full(g);
}

/* ---- building passages ---- */

typedef struct plist {
    zsi_passage *v;
    size_t n, cap;
} plist;

static int sb_put(zsu_buf *b, const char *p, size_t n)
{
    /* The bound also tells GCC 12 at -O3 that n is sane (stringop-overflow). */
    if (n > ZSI_MAX_PASSAGE_INPUT)
        return ZS_ELIMIT;
    return zsu_buf_add(b, p, n);
}

/* Drop spaces between two wide characters: layout, not text. Text between
 * spaces moves as one block, not a character at a time (a memmove per
 * character was 4% of the workers' instructions on real news). */
static size_t squeeze(char *s, size_t n)
{
    size_t o = 0, i = 0, nx;
    while (i < n) {
        size_t r = i;
        while (r < n) {
            unsigned char b = (unsigned char)s[r];
            if ((b & 0xF0) == 0xE0 && r + 2 < n && ((unsigned char)s[r + 1] & 0xC0) == 0x80 &&
                ((unsigned char)s[r + 2] & 0xC0) == 0x80) {
                /* three bytes at a time: trail bytes start nothing */
                if (b == 0xE3 && (unsigned char)s[r + 1] == 0x80 && (unsigned char)s[r + 2] == 0x80)
                    break; /* U+3000 */
                r += 3;
                continue;
            }
            if (space_at(s, r, n))
                break;
            r++;
        }
        if (r > i) {
            if (o != i)
                memmove(s + o, s + i, r - i);
            o += r - i;
            i = r;
            continue;
        }
        UChar32 ch = zsu_cp_at(s, i, n, &nx);
        if (zsu_is_space(ch) && o > 0) {
            size_t j = i, pv;
            while (j < n && zsu_is_space(zsu_cp_at(s, j, n, &nx)))
                j = nx;
            UChar32 before = zsu_cp_before(s, 0, o, &pv);
            UChar32 after = j < n ? zsu_cp_at(s, j, n, &nx) : 0;
            if (after && zsu_is_wide(before) && zsu_is_wide(after)) {
                i = j;
                continue;
            }
            s[o++] = ' '; /* one plain space for the run */
            i = j;
            continue;
        }
        memmove(s + o, s + i, nx - i);
        o += nx - i;
        i = nx;
    }
    s[o] = '\0';
    return o;
}

/* A letter or digit: a passage without one has no content. */
static int is_alnum(UChar32 c)
{
    return u_isalnum(c);
}

/* Emit a passage made of segments idx[0..k), joined with sep (NULL: none). */
static int emit(plist *out, const char *p, segs *l, const size_t *idx, size_t k, int kind)
{
    zsu_buf b = {0};
    int rc = 0, blanks = 0; /* may the text hold a space for squeeze()? */
    for (size_t j = 0; j < k; j++) {
        seg *g = &l->v[idx[j]];
        const char *t = g->repl ? g->repl : p + g->s;
        size_t tn = g->repl ? g->nrepl : g->e - g->s, m = zsi_skip_marks(t, tn);
        blanks |= g->blanks || g->repl;
        if (j > 0 && b.n > 0 && m < tn) {
            unsigned char a = (unsigned char)b.p[b.n - 1], z = (unsigned char)t[m];
            int latin = (a < 0x80 && ((a | 0x20) >= 'a' && (a | 0x20) <= 'z')) &&
                        (z < 0x80 && ((z | 0x20) >= 'a' && (z | 0x20) <= 'z'));
            if ((kind != ZSI_P_BODY || latin) && (rc = sb_put(&b, " ", 1)) != 0)
                goto out;
            blanks |= kind != ZSI_P_BODY || latin;
        }
        if (m < tn && (rc = sb_put(&b, t + m, tn - m)) != 0)
            goto out;
        g->used = 1;
    }
    if (!b.p || !zsu_has_cp(b.p, b.n, is_alnum))
        goto out;
    /* Most lines of news hold no space: their text is squeezed already
     * (squeeze() was a sixth of the splitter's instructions). */
    if (kind == ZSI_P_BODY && blanks)
        b.n = squeeze(b.p, b.n);
    if (out->n == out->cap && zsu_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 32) != 0) {
        rc = ZS_ENOMEM;
        goto out;
    }
    out->v[out->n].start = l->v[idx[0]].s;
    out->v[out->n].end = l->v[idx[k - 1]].e;
    out->v[out->n].text = b.p;
    out->v[out->n].len = b.n;
    out->v[out->n].kind = kind;
    out->n++;
    b.p = NULL;
out:
    free(b.p);
    return rc;
}

static int by_start(const void *a, const void *b)
{
    const zsi_passage *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Take segment j into the body being built: idx[0..*k), *bytes long,
 * ending at segment *last. */
static void take(segs *l, size_t j, size_t *idx, size_t *k, size_t *bytes, size_t *last)
{
    idx[(*k)++] = j;
    *bytes += l->v[j].e - l->v[j].s;
    l->v[j].used = 1;
    *last = j;
}

/* Emit segment h alone as a headline (one set inside a broken paragraph)
 * and go on with the body at segment nk. */
static int step_over(plist *out, const char *p, segs *l, size_t h, size_t nk, size_t *idx,
                     size_t *k, size_t *bytes, size_t *last)
{
    int rc = emit(out, p, l, &h, 1, ZSI_P_HEADLINE);
    if (!rc)
        take(l, nk, idx, k, bytes, last);
    return rc;
}

/* Next unused segment after i, or l->n. */
static size_t next_seg(const segs *l, size_t i)
{
    for (size_t j = i + 1; j < l->n; j++)
        if (!l->v[j].used)
            return j;
    return l->n;
}

/* Does the page break lines inside sentences? Yes when a line longer than
 * any title ends no sentence nor lead-in (：) and the next line starts as
 * its rest beyond doubt: closing or clause punctuation or one character
 * first, a sentence's end a few characters in (研究。), or a word cut by the
 * break (煤 / 矸石). Text stored a paragraph per
 * line does not; there a long title or a paragraph without its full stop
 * is followed by a new paragraph. */
static int breaks_lines(const char *p, const segs *l)
{
    for (size_t i = 0; i + 1 < l->n; i++) {
        const seg *g = &l->v[i], *nx = &l->v[i + 1];
        size_t pv, k;
        int how;
        if (g->fixed >= 0 || g->ends || g->spaced || g->nch <= HEADLINE_CHARS ||
            nx->fixed >= 0 || nx->blank > MAX_JOIN_BLANKS)
            continue;
        UChar32 ch = zsu_cp_before(p, g->s, g->e, &pv);
        if (ch == 0xFF1A || ch == ':')
            continue;
        k = fragment_run(p, nx, &how);
        if (k == FRAG_CLOSE || (k == 1 && how != FRAG_OTHER) ||
            (k > 1 && how == FRAG_END && k <= SENTENCE_FRAGMENT) ||
            (k > 1 && k <= FRAGMENT_AFTER_PROSE && word_across(p, g, nx)))
            return 1;
    }
    return 0;
}

static int build(plist *out, const char *p, segs *l)
{
    size_t *idx = malloc((l->n + 1) * sizeof *idx);
    int rc = 0, broken = breaks_lines(p, l), how;
    if (!idx)
        return ZS_ENOMEM;
    for (size_t i = 0; i < l->n && rc == 0; i++) {
        seg *g = &l->v[i];
        size_t k = 0, j;
        if (g->used)
            continue;
        idx[k++] = i;
        /* A numbered item (①) right above a credit line is a caption. */
        if (g->fixed < 0 && g->circled && i + 1 < l->n && l->v[i + 1].blank == 0 &&
            l->v[i + 1].credit)
            g->fixed = ZSI_P_CAPTION;
        if (g->fixed == ZSI_P_CAPTION) {
            for (j = i + 1;
                 j < l->n && l->v[j].blank == 0 && l->v[j].credit && l->v[j].fixed == ZSI_P_BYLINE;
                 j++)
                idx[k++] = j;
            rc = emit(out, p, l, idx, k, ZSI_P_CAPTION);
            continue;
        }
        if (g->fixed >= 0) {
            rc = emit(out, p, l, idx, k, g->fixed);
            continue;
        }
        /* Headline block: adjacent short lines without sentence punctuation. */
        if (!g->prose && !g->ends && g->nch <= HEADLINE_CHARS) {
            for (j = i + 1; j < l->n && l->v[j].blank == 0 && l->v[j].fixed < 0 && !l->v[j].prose &&
                            !l->v[j].ends && !l->v[j].opener && l->v[j].nch <= HEADLINE_CHARS;
                 j++)
                idx[k++] = j;
            if (k >= 2) {
                rc = emit(out, p, l, idx, k, ZSI_P_HEADLINE);
                continue;
            }
        }
        /* Body: follow the broken lines. */
        size_t last = i, bytes = g->e - g->s;
        while (!l->v[last].ends) {
            size_t nj = next_seg(l, last);
            if (l->v[last].spaced && !l->v[last].prose && !l->v[last].opener)
                break; /* "产业之变 硬核引擎集群成势": decks of a headline */
            if (nj >= l->n)
                break;
            seg *a = &l->v[last], *nx = &l->v[nj];
            if (nx->fixed == ZSI_P_HEADLINE && a->prose && nx->blank <= MAX_JOIN_BLANKS) {
                /* A section heading set between a broken line and its rest. */
                size_t nk = next_seg(l, nj);
                if (nk < l->n && l->v[nk].fixed < 0 && l->v[nk].blank <= MAX_JOIN_BLANKS &&
                    is_strong_fragment(p, &l->v[nk])) {
                    if ((rc = step_over(out, p, l, nj, nk, idx, &k, &bytes, &last)) != 0)
                        break;
                    continue;
                }
            }
            if (nx->fixed >= 0 || nx->opener || nx->blank > MAX_JOIN_BLANKS)
                break;
            if (nx->spaced && !nx->prose)
                break; /* the decks of a headline: "改革“一子落” 集聚新动能" */
            if (bytes + (nx->e - nx->s) > ZSI_MAX_PASSAGE_BYTES)
                break;
            if (headline_like(nx)) {
                size_t nk = next_seg(l, nj);
                if (a->prose && nk < l->n && l->v[nk].fixed < 0 &&
                    is_fragment(p, a, &l->v[nk], broken)) {
                    /* A subhead set inside the column: keep it, step over it. */
                    if ((rc = step_over(out, p, l, nj, nk, idx, &k, &bytes, &last)) != 0)
                        break;
                    continue;
                }
                if (!is_fragment(p, a, nx, broken))
                    break;
            } else if (!is_full(a) && !is_fragment(p, a, nx, broken) &&
                       !(nx->blank == 0 && a->prose && fragment_run(p, nx, &how) != 0)) {
                break;
            }
            take(l, nj, idx, &k, &bytes, &last);
        }
        if (rc)
            break;
        int kind = ZSI_P_BODY;
        if (k == 1 && !g->prose && !g->ends && g->balanced && g->nch <= HEADLINE_CHARS)
            kind = ZSI_P_HEADLINE;
        rc = emit(out, p, l, idx, k, kind);
    }
    free(idx);
    return rc;
}

int zsi_passages_split(const char *text, size_t n, zsi_passage **out, size_t *nout)
{
    const cues *c = NULL;
    segs l = {0};
    plist pl = {0};
    size_t i = 0, blank = 0;
    int rc, any = 0;

    if (!out || !nout || (!text && n))
        return ZS_EINVAL;
    *out = NULL;
    *nout = 0;
    if (n > ZSI_MAX_PASSAGE_INPUT)
        return ZS_ELIMIT;
    if (!(c = zsi_cues(&rc)))
        goto out;
    /* Lines and segments. */
    while (i < n) {
        size_t e, next, s, te, nx;
        const char *nl = memchr(text + i, '\n', n - i), *cr;
        e = nl ? (size_t)(nl - text) : n;
        if ((cr = memchr(text + i, '\r', e - i)) != NULL)
            e = (size_t)(cr - text);
        next = e < n ? (text[e] == '\r' && e + 1 < n && text[e + 1] == '\n' ? e + 2 : e + 1) : n;
        s = skip_spaces_fwd(text, i, e);
        te = trim_back(text, s, e);
        (void)nx;
        if (s == te) {
            blank++;
        } else {
            int blanks = has_space(text, s, te);
            size_t t = blanks ? tail_start(c, text, s, te) : 0;
            if (t) {
                if ((rc = seg_add(&l, s, trim_back(text, s, t), blank, !any, 1)) != 0)
                    goto out;
                if ((rc = seg_add(&l, t, te, 0, 0, 1)) != 0)
                    goto out;
            } else if ((rc = seg_add(&l, s, te, blank, !any, blanks)) != 0) {
                goto out;
            }
            any = 1;
            blank = 0;
        }
        i = next;
    }
    /* Features and fixed kinds. */
    for (size_t k = 0; k < l.n; k++) {
        seg *g = &l.v[k];
        int credit = 0, kind;
        features(c, text, g);
        if (text[g->s] == '#') {
            g->fixed = ZSI_P_HEADLINE;
            continue;
        }
        rc = zsi_undouble(text + g->s, g->e - g->s, &g->repl, &g->nrepl);
        if (rc < 0)
            goto out;
        if (rc == 1) {
            g->fixed = ZSI_P_HEADLINE;
            rc = 0;
            continue;
        }
        rc = 0;
        kind = zsi_credit_kind(c, text + g->s, g->e - g->s, &credit);
        g->credit = credit;
        if (kind >= 0 && (kind == ZSI_P_CAPTION || g->nch <= BYLINE_CHARS)) {
            g->fixed = kind;
            continue;
        }
        int alone_after = k + 1 >= l.n || l.v[k + 1].blank > 0;
        if (!g->first && g->blank >= 2 && g->nch <= SLOT_CAPTION_CHARS && !g->opener && alone_after)
            g->fixed = ZSI_P_CAPTION;
    }
    for (size_t k = 0; k < l.n; k++)
        l.v[k].colw = column_width(&l, k);
    if ((rc = build(&pl, text, &l)) != 0)
        goto out;
    if (pl.n > 1)
        qsort(pl.v, pl.n, sizeof *pl.v, by_start);
    *out = pl.v;
    *nout = pl.n;
    pl.v = NULL;
    pl.n = 0;
out:
    zsi_passages_free(pl.v, pl.n);
    for (size_t k = 0; k < l.n; k++)
        free(l.v[k].repl);
    free(l.v);
    return rc;
}

void zsi_passages_free(zsi_passage *p, size_t n)
{
    if (!p)
        return;
    for (size_t i = 0; i < n; i++)
        free(p[i].text);
    free(p);
}

const char *zsi_passage_kind_name(int kind)
{
    switch (kind) {
    case ZSI_P_BODY: return "body";
    case ZSI_P_HEADLINE: return "headline";
    case ZSI_P_CAPTION: return "caption";
    case ZSI_P_BYLINE: return "byline";
    default: return "unknown";
    }
}
