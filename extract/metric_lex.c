/*
 * metric_lex.c - a second opinion on a metric's edges: the most likely cut of
 * the few Han characters around an edge by the word frequencies of jieba's
 * dictionary (data/words.tsv), as jieba cuts (the path of words whose
 * probabilities multiply to the most).
 *
 * Why: ICU's dictionary breaks by its own word list and misses words it
 * lacks, so an edge on one of its boundaries may still lie inside a word a
 * reader sees: 中|国家|电 (中国|家电), 打火|机 (打火机), 退耕|还林 (the
 * idiom 退耕还林). An edge is kept only where both cuts agree.
 *
 * Invariants: the data is searched as compiled in, never copied; the only
 * set-up is one pass that records where every line starts and hashes each
 * line's word into a table of line numbers (once per process, pthread_once).
 * Lines that start with '#' are comments ("#total" gives the corpus size).
 * Nothing allocates (both tables are static, as is each thread's memo of
 * recent lookups, lex_memos, and of recent cuts, cut_memos); without the
 * data every edge is a boundary.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "metric_int.h"
#include "extract_int.h"

extern const char zs_data_words[];
extern const size_t zs_data_words_len;

/* Han characters read on either side of an edge. */
#define LEX_SIDE 6
/* Longest word looked up, in characters (the data holds no longer ones). */
#define LEX_MAX_WORD 4

/* Lines of words the line table holds at most (the data has 273,500). */
#define LEX_MAX_LINES (1u << 19)
/* Slots of the word table: twice the lines it may hold, so that a probe
 * for an absent word (most are: the cut tries every run of one to four
 * characters) meets few taken slots. */
#define LEX_SLOTS (LEX_MAX_LINES * 2)

static pthread_once_t lex_once = PTHREAD_ONCE_INIT;
/* Where each line of words starts, in the data's order. */
static uint32_t lex_line[LEX_MAX_LINES];
/* Each word of the data by its hash: open addressing, a slot holds the
 * word's hash and its line + 1 (0: empty). A binary search among the words
 * that share the first character compared some 13 lines a lookup: 486
 * instructions, 3.2% of `zhaoshu index` of every 8th realnews-dev file
 * (callgrind, 346,868 lookups from the cut). */
typedef struct lex_slot {
    uint32_t hash, line;
} lex_slot;
static lex_slot lex_tab[LEX_SLOTS];
static double lex_logtotal;

/* The decimal digits at s[0..n), up to the first other byte. */
static double read_count(const char *s, size_t n)
{
    double v = 0;
    for (size_t i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* FNV-1a over the word's bytes. */
static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static void lex_init(void)
{
    const char *d = zs_data_words;
    size_t n = zs_data_words_len, i = 0;
    double total = 0;
    unsigned nlines = 0;

    while (i < n) {
        const char *nl = memchr(d + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - d) : n;
        if (d[i] == '#') {
            if (e - i > 7 && memcmp(d + i, "#total\t", 7) == 0)
                total = read_count(d + i + 7, e - i - 7);
        } else if (e > i) {
            const char *tab = memchr(d + i, '\t', e - i);
            size_t we = tab ? (size_t)(tab - d) : e;
            uint32_t h = word_hash(d + i, we - i), s;
            if (nlines == LEX_MAX_LINES) {
                total = 0; /* more words than the table holds: no data */
                break;
            }
            for (s = h & (LEX_SLOTS - 1); lex_tab[s].line; s = (s + 1) & (LEX_SLOTS - 1))
                ;
            lex_tab[s].hash = h;
            lex_tab[s].line = nlines + 1;
            lex_line[nlines++] = (uint32_t)i;
        }
        i = nl ? e + 1 : n;
    }
    lex_logtotal = total > 1 ? log(total) : 0;
}

/* Does the word of the line at l (ended by its tab, or by its newline)
 * equal w[0..n)? Never reads past the line's end. */
static int line_is(const char *l, const char *w, size_t n)
{
    for (size_t j = 0; j < n; j++)
        if (l[j] == '\t' || l[j] == '\n' || l[j] != w[j])
            return 0;
    return l[n] == '\t' || l[n] == '\n';
}

/* The count of word w[0..n) (hashed to h) in the data, 0 when absent; *tag
 * receives its part of speech (0 when absent or untagged). */
static double lex_find(const char *w, size_t n, uint32_t h, char *tag)
{
    const char *d = zs_data_words, *end = zs_data_words + zs_data_words_len;
    uint32_t s;

    *tag = 0;
    for (s = h & (LEX_SLOTS - 1); lex_tab[s].line; s = (s + 1) & (LEX_SLOTS - 1)) {
        const char *l = d + lex_line[lex_tab[s].line - 1];
        if (lex_tab[s].hash == h && line_is(l, w, n)) {
            const char *t = l + n + 1;
            while (t < end && *t >= '0' && *t <= '9')
                t++;
            *tag = t + 1 < end && *t == '\t' ? t[1] : 0;
            return read_count(l + n + 1, 12);
        }
    }
    return 0;
}

/*
 * Words looked up lately, found or not, per thread: a direct-mapped table by
 * the word's hash. The word table is 8 MiB and the data it points into
 * 4 MiB, so a lookup there is a cache miss or two (lex_entry was 4.3% of the
 * cycles of `zhaoshu index` of realnews-dev, perf, for 1.1% of its
 * instructions), while the cuts of one passage, and of news at large, ask
 * for the same characters and pairs again and again. 128 KiB, a core's L2
 * holds it. A word of more than LEX_MEMO_BYTES bytes is not kept.
 */
#define LEX_MEMO_SLOTS 4096u
#define LEX_MEMO_BYTES 12
typedef struct lex_memo {
    double count;
    double logc; /* log(count) when count > 0, else 0: the cut's term */
    uint32_t hash;
    unsigned char len; /* 0: empty */
    char tag;
    char w[LEX_MEMO_BYTES];
} lex_memo;
static _Thread_local lex_memo lex_memos[LEX_MEMO_SLOTS];

/* lex_find() through the memo; tag may be NULL; *logc gets log(count)
 * when the count is > 0 (else 0), kept in the memo with the count. */
static double lex_entry(const char *w, size_t n, char *tag, double *logc)
{
    uint32_t h = word_hash(w, n);
    char t;
    double c, lc;

    if (n > LEX_MEMO_BYTES) {
        c = lex_find(w, n, h, &t);
        lc = c > 0 ? log(c) : 0;
    } else {
        lex_memo *m = &lex_memos[(h ^ (h >> 16)) & (LEX_MEMO_SLOTS - 1)];
        if (m->len == n && m->hash == h && memcmp(m->w, w, n) == 0) {
            t = m->tag;
            c = m->count;
            lc = m->logc;
        } else {
            c = lex_find(w, n, h, &t);
            lc = c > 0 ? log(c) : 0;
            m->count = c;
            m->logc = lc;
            m->hash = h;
            m->len = (unsigned char)n;
            m->tag = t;
            memcpy(m->w, w, n);
        }
    }
    if (tag)
        *tag = t;
    *logc = lc;
    return c;
}

static double lex_count(const char *w, size_t n)
{
    double lc;
    return lex_entry(w, n, NULL, &lc);
}

/*
 * The most likely cut of the characters p[pos[0]..pos[n]) into words of the
 * data, as jieba cuts without its HMM: best[i] is the best sum of log
 * frequencies of the first i characters, from[i] where the last word of that
 * cut starts, tg[i] (when tg is not NULL) its tag ('x': a character no word
 * holds). Both zsi_lex_inside() and zsi_lex_cut() walk from[] back from n.
 */
static void likeliest_cut(const char *p, const size_t *pos, int n, double *best, int *from,
                          char *tg)
{
    best[0] = 0;
    for (int i = 1; i <= n; i++) {
        best[i] = -HUGE_VAL;
        from[i] = i - 1;
        if (tg)
            tg[i] = 0;
        for (int k = 1; k <= LEX_MAX_WORD && k <= i; k++) {
            char t = 0;
            double lc;
            double c = lex_entry(p + pos[i - k], pos[i] - pos[i - k], &t, &lc);
            double sc;
            if (c <= 0 && k > 1)
                continue;
            sc = best[i - k] + lc - lex_logtotal;
            if (sc > best[i]) {
                best[i] = sc;
                from[i] = i - k;
                if (tg)
                    tg[i] = c > 0 ? t : 'x';
            }
        }
    }
}

int zsi_lex_inside(const char *p, size_t lo, size_t at, size_t hi, size_t *ws, size_t *we)
{
    size_t pos[2 * LEX_SIDE + 1];
    double best[2 * LEX_SIDE + 1];
    int from[2 * LEX_SIDE + 1];
    size_t q;
    int n = 0, left = 0, i, k, edge;
    unsigned cp;

    if (pthread_once(&lex_once, lex_init) != 0 || lex_logtotal == 0)
        return 0;
    /* the Han characters around at: LEX_SIDE on either side at most */
    for (q = at; left < LEX_SIDE && q > lo; left++) {
        size_t l = zsi_utf8_before(p, q, &cp);
        if (!zsi_m_is_han(cp))
            break;
        q -= l;
    }
    if (left == 0)
        return 0;
    for (i = 0; i < left; i++) {
        pos[n++] = q;
        q += zsi_utf8_decode(p + q, hi - q, &cp);
    }
    edge = n;
    for (q = at; n < 2 * LEX_SIDE && q < hi;) {
        size_t l = zsi_utf8_decode(p + q, hi - q, &cp);
        if (!zsi_m_is_han(cp))
            break;
        pos[n++] = q;
        q += l;
    }
    if (n == edge)
        return 0;
    pos[n] = q;
    /* most edges have no word of the data across them at all: then no cut
     * can put the edge inside one, and the cut need not be worked out */
    {
        int found = 0;
        for (k = 1; k < LEX_MAX_WORD && k <= edge && !found; k++)
            for (i = 1; k + i <= LEX_MAX_WORD && edge + i <= n && !found; i++)
                found = lex_count(p + pos[edge - k], pos[edge + i] - pos[edge - k]) > 0;
        if (!found)
            return 0;
    }
    likeliest_cut(p, pos, n, best, from, NULL);
    for (i = n; i > 0; i = from[i]) {
        if (from[i] < edge && i > edge) {
            *ws = pos[from[i]];
            *we = pos[i];
            return 1;
        }
        if (i <= edge)
            break;
    }
    return 0;
}

int zsi_lex_is_word(const char *p, size_t s, size_t e)
{
    size_t n = zsi_nchars(p, s, e);
    if (n < 2 || n > LEX_MAX_WORD || pthread_once(&lex_once, lex_init) != 0)
        return 0;
    return lex_count(p + s, e - s) > 0;
}

int zsi_lex_rare(const char *p, size_t s, size_t e)
{
    double c;
    size_t n = zsi_nchars(p, s, e);
    if (n < 2 || n > LEX_MAX_WORD || pthread_once(&lex_once, lex_init) != 0)
        return 0;
    c = lex_count(p + s, e - s);
    return c > 0 && c < ZSI_LEX_RARE;
}

double zsi_lex_count(const char *p, size_t s, size_t e)
{
    size_t n = zsi_nchars(p, s, e);
    if (n < 1 || n > LEX_MAX_WORD || pthread_once(&lex_once, lex_init) != 0)
        return 0;
    return lex_count(p + s, e - s);
}

size_t zsi_back_while(const char *p, size_t lo, size_t e, size_t max, int (*is)(unsigned))
{
    size_t s = e;
    for (size_t k = 0; k < max && s > lo; k++) {
        unsigned cp;
        size_t l = zsi_utf8_before(p, s, &cp);
        if (!is(cp))
            break;
        s -= l;
    }
    return s;
}

size_t zsi_han_back(const char *p, size_t lo, size_t e, int max)
{
    return zsi_back_while(p, lo, e, max < 0 ? 0 : (size_t)max, zsi_m_is_han);
}

/*
 * Cuts worked out lately, per thread, by the bytes cut: a figure's readers
 * (its noun's front, its coordinated fronts, a count's cut, a zone's edge)
 * cut the same few characters again and again; in an index of every 8th
 * realnews-dev file 60,423 cuts came to 21,539 texts, and 16 memos, filled
 * round robin, left 31,800 cuts to work out (zsi_lex_cut was 3.9% of the
 * instructions, callgrind). A cut depends on the bytes alone (the data never
 * changes), so a hit gives exactly what cutting would; max is applied after.
 */
#define CUT_MEMOS 16
#define CUT_MEMO_BYTES 96
typedef struct cut_memo {
    size_t len; /* bytes of the text cut; 0: empty slot */
    char text[CUT_MEMO_BYTES];
    int w;
    unsigned char start[ZSI_LEX_CUT_MAX + 1]; /* from the text's start */
    char tag[ZSI_LEX_CUT_MAX];
} cut_memo;
static _Thread_local cut_memo cut_memos[CUT_MEMOS];
static _Thread_local unsigned cut_next; /* the slot to fill next */

/* The memo of the cut of p[s..e), NULL when none holds it. */
static const cut_memo *cut_find(const char *p, size_t s, size_t e)
{
    for (int i = 0; i < CUT_MEMOS; i++)
        if (cut_memos[i].len == e - s && memcmp(cut_memos[i].text, p + s, e - s) == 0)
            return &cut_memos[i];
    return NULL;
}

/* Keeps the cut of p[s..e) into w words at start[0..w], tags tag[0..w). */
static void cut_keep(const char *p, size_t s, size_t e, const size_t *start, const char *tag,
                     int w)
{
    cut_memo *m = &cut_memos[cut_next++ % CUT_MEMOS];
    if (e - s > CUT_MEMO_BYTES)
        return;
    memcpy(m->text, p + s, e - s);
    m->len = e - s;
    m->w = w;
    for (int k = 0; k <= w; k++)
        m->start[k] = (unsigned char)(start[k] - s);
    memcpy(m->tag, tag, (size_t)w);
}

int zsi_lex_cut(const char *p, size_t s, size_t e, size_t *start, char *tag, int max)
{
    size_t pos[ZSI_LEX_CUT_MAX + 1];
    double best[ZSI_LEX_CUT_MAX + 1];
    int from[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    size_t kst[ZSI_LEX_CUT_MAX + 1];
    char ktag[ZSI_LEX_CUT_MAX];
    int n = 0, i, k, w;
    size_t q = s;
    const cut_memo *m;

    if (max < 1 || pthread_once(&lex_once, lex_init) != 0 || lex_logtotal == 0)
        return 0;
    if (e > s && e - s <= CUT_MEMO_BYTES && (m = cut_find(p, s, e)) != NULL) {
        if (m->w > max)
            return 0;
        for (k = 0; k < m->w; k++) {
            start[k] = s + m->start[k];
            tag[k] = m->tag[k];
        }
        start[m->w] = e;
        return m->w;
    }
    /* the characters, a run of other than Han counted as one (GDP, 5G) */
    while (q < e && n < ZSI_LEX_CUT_MAX) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, e - q, &cp);
        pos[n++] = q;
        q += l;
        if (!zsi_m_is_han(cp))
            while (q < e) {
                l = zsi_utf8_decode(p + q, e - q, &cp);
                if (zsi_m_is_han(cp))
                    break;
                q += l;
            }
    }
    if (q < e)
        return 0; /* too long to cut */
    pos[n] = e;
    likeliest_cut(p, pos, n, best, from, tg);
    for (w = 0, i = n; i > 0; i = from[i])
        w++;
    for (k = w, i = n; i > 0; i = from[i]) {
        k--;
        kst[k] = pos[from[i]];
        ktag[k] = tg[i];
    }
    kst[w] = e;
    if (e > s)
        cut_keep(p, s, e, kst, ktag, w);
    if (w > max)
        return 0;
    memcpy(start, kst, (size_t)(w + 1) * sizeof *start);
    memcpy(tag, ktag, (size_t)w);
    return w;
}
