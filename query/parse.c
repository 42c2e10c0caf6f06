/*
 * parse.c - the query parser: user text in, a tree, FTS5 MATCH strings out.
 *
 * Safety invariant: no byte of user text ever reaches FTS5 as syntax. Every
 * term is rendered as a double-quoted FTS5 string (an embedded `"` doubled),
 * and the only syntax in the output is what this file writes itself: AND, OR,
 * NOT, parentheses and a `*` after a quoted prefix term. Private-use
 * characters (U+E000..U+F8FF) are stripped from the query before parsing, so
 * a user can never forge the segmenter's field markers (seg.c).
 *
 * The grammar (see query_int.h for the user's view):
 *   query   := and EOF
 *   and     := ( or | AND )*             implicit AND between items
 *   or      := unary ( OR unary )*       OR binds tighter than AND
 *   unary   := ( '-' | NOT ) primary | primary
 *   primary := '(' and ')' | phrase ['*'] | filter | word ['*']
 * ANDs nested in ANDs are flattened, so `a (b -c)` excludes c from the whole
 * query; FTS5's NOT is binary, so an AND with exclusions renders as
 * `(<positives>) NOT (<excluded> OR ...)`.
 *
 * Offsets: the parser works on a cleaned copy of the query (private-use
 * characters removed); map[] turns a cleaned offset back into an offset in
 * the caller's text, which is what errors report.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "figure_int.h"
#include "query_int.h"


typedef enum nkind { N_EMPTY, N_FILTER, N_TERM, N_AND, N_OR, N_NEG } nkind;

typedef struct node node;
struct node {
    nkind kind;
    size_t off;          /* cleaned offset where the item starts */
    size_t toff, tlen;   /* N_TERM: the text, cleaned[toff .. toff+tlen) */
    int prefix, phrase;
    size_t filter_at;    /* AND: 1 + offset of a filter inside the group, or 0 */
    node **kids;         /* AND: positives; OR: operands; NEG: kids[0] */
    size_t nkids, capkids;
    node **negs;         /* AND: excluded items */
    size_t nnegs, capnegs;
};

typedef struct tokrec {
    zs_token_kind kind;
    size_t start, end; /* relative to the segmented text */
} tokrec;

typedef struct parser {
    zs_seg *seg;
    char *q;     /* cleaned query, NUL-terminated */
    size_t n;
    size_t *map; /* cleaned offset -> caller's offset; map[n] = caller's n */
    size_t pos;
    node **all;  /* every node, for freeing */
    size_t nall, capall;
    size_t nterms;
    size_t nfilters;
    tokrec *toks;
    size_t ntoks, captoks;
    zsq_parsed *pq;
    int rc;
    size_t err_off;
    char *err;
    size_t errcap;
} parser;

typedef struct buf {
    char *p;
    size_t n, cap;
    int oom;
} buf;

/* ------------------------------------------------------------------------
 * Errors and memory
 * ---------------------------------------------------------------------- */

/*
 * Record the first error (later ones never overwrite it: the first is the
 * cause). off is a cleaned offset. Returns rc so callers can `return fail()`.
 */
static int fail(parser *P, int rc, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail(parser *P, int rc, size_t off, const char *fmt, ...)
{
    if (P->rc)
        return P->rc;
    P->rc = rc;
    P->err_off = P->map ? P->map[off > P->n ? P->n : off] : off;
    if (P->err && P->errcap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(P->err, P->errcap, fmt, ap);
        va_end(ap);
    }
    return rc;
}

static int oom(parser *P)
{
    return fail(P, ZS_ENOMEM, 0, "out of memory");
}

/* Caller's offset of cleaned offset off, for messages. */
static size_t orig(const parser *P, size_t off)
{
    return P->map[off > P->n ? P->n : off];
}

static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 8;
    while (nc < need)
        nc *= 2;
    void *p = realloc(*arr, nc * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

/* A new node owned by the parser (freed with it). NULL (and error) on OOM. */
static node *new_node(parser *P, nkind kind, size_t off)
{
    if (grow((void **)&P->all, &P->capall, P->nall + 1, sizeof(node *))) {
        oom(P);
        return NULL;
    }
    node *x = calloc(1, sizeof(*x));
    if (!x) {
        oom(P);
        return NULL;
    }
    x->kind = kind;
    x->off = off;
    P->all[P->nall++] = x;
    return x;
}

static int push_kid(parser *P, node *x, node *kid)
{
    if (grow((void **)&x->kids, &x->capkids, x->nkids + 1, sizeof(node *)))
        return oom(P);
    x->kids[x->nkids++] = kid;
    return 0;
}

static int push_neg(parser *P, node *x, node *neg)
{
    if (grow((void **)&x->negs, &x->capnegs, x->nnegs + 1, sizeof(node *)))
        return oom(P);
    x->negs[x->nnegs++] = neg;
    return 0;
}

static void parser_free(parser *P)
{
    for (size_t i = 0; i < P->nall; i++) {
        free(P->all[i]->kids);
        free(P->all[i]->negs);
        free(P->all[i]);
    }
    free(P->all);
    free(P->toks);
    free(P->q);
    free(P->map);
}

/* ------------------------------------------------------------------------
 * Characters
 * ---------------------------------------------------------------------- */

/* The code point at cleaned offset i (the text is valid UTF-8); *next after it. */
static UChar32 cp_at(const parser *P, size_t i, size_t *next)
{
    if (i >= P->n) {
        *next = i;
        return -1;
    }
    int32_t k = (int32_t)i;
    UChar32 c;
    U8_NEXT(P->q, k, (int32_t)P->n, c);
    *next = (size_t)k;
    return c;
}

static int is_space(UChar32 c)
{
    if (c < 0x80)
        return c <= 0x20 || c == 0x7f;
    return u_isUWhiteSpace(c);
}

static int is_open(UChar32 c) { return c == '(' || c == 0xFF08; }
static int is_close(UChar32 c) { return c == ')' || c == 0xFF09; }
/* ASCII, full-width and curly double quotes all open and close phrases. */
static int is_quote(UChar32 c)
{
    return c == '"' || c == 0xFF02 || c == 0x201C || c == 0x201D;
}
static int is_minus(UChar32 c) { return c == '-' || c == 0xFF0D; }
static int is_star(UChar32 c) { return c == '*' || c == 0xFF0A; }
static int is_delim(UChar32 c)
{
    return c < 0 || is_space(c) || is_open(c) || is_close(c) || is_quote(c);
}

static void skip_ws(parser *P)
{
    size_t nx;
    while (P->pos < P->n && is_space(cp_at(P, P->pos, &nx)))
        P->pos = nx;
}

/* Nonzero if the keyword kw (uppercase ASCII) stands alone at P->pos. */
static int at_kw(const parser *P, const char *kw)
{
    size_t k = strlen(kw), nx;
    if (P->n - P->pos < k || memcmp(P->q + P->pos, kw, k) != 0)
        return 0;
    return is_delim(cp_at(P, P->pos + k, &nx));
}

/* ------------------------------------------------------------------------
 * Segmenter access
 * ---------------------------------------------------------------------- */

static int collect_tok(void *ctx, const zs_token *t)
{
    parser *P = ctx;
    if (grow((void **)&P->toks, &P->captoks, P->ntoks + 1, sizeof(tokrec)))
        return ZS_ENOMEM;
    P->toks[P->ntoks].kind = t->kind;
    P->toks[P->ntoks].start = t->start;
    P->toks[P->ntoks].end = t->end;
    P->ntoks++;
    return 0;
}

/* Segment cleaned[off .. off+len) into P->toks. */
static int segment(parser *P, size_t off, size_t len, unsigned flags)
{
    P->ntoks = 0;
    int rc = zs_seg_run(P->seg, P->q + off, len, flags, collect_tok, P);
    if (rc == ZS_ENOMEM)
        return oom(P);
    if (rc)
        return fail(P, rc, off, "segmenter failed: %s", zs_seg_errmsg(P->seg));
    return 0;
}

/* A term node for cleaned[off .. off+len); counts against ZSQ_MAX_TERMS. */
static node *new_term(parser *P, size_t off, size_t len, int prefix, int phrase)
{
    if (++P->nterms > ZSQ_MAX_TERMS) {
        fail(P, ZS_ELIMIT, off, "too many terms: more than %d", ZSQ_MAX_TERMS);
        return NULL;
    }
    node *t = new_node(P, N_TERM, off);
    if (!t)
        return NULL;
    t->toff = off;
    t->tlen = len;
    t->prefix = prefix;
    t->phrase = phrase;
    return t;
}

/*
 * A term kept whole (phrase, prefix, excluded word): EMPTY when its text
 * yields no tokens, so punctuation never becomes an empty FTS5 string.
 */
static node *whole_term(parser *P, size_t item_off, size_t off, size_t len, int prefix,
                        int phrase)
{
    if (segment(P, off, len, ZS_SEG_QUERY | (prefix ? ZS_SEG_PREFIX : 0)))
        return NULL;
    if (P->ntoks == 0)
        return new_node(P, N_EMPTY, item_off);
    node *t = new_term(P, off, len, prefix, phrase);
    if (t)
        t->off = item_off;
    return t;
}

/* ------------------------------------------------------------------------
 * Splitting a word typed without spaces
 * ---------------------------------------------------------------------- */

typedef struct piece {
    size_t s, e;  /* relative to the word */
    int gathered; /* characters no segmenter word starts at */
    int chars;    /* Han characters */
    int num;      /* a non-Han piece made of numbers only */
} piece;

/* Punctuation to trim off a piece; ASCII only where the piece meets Han text. */
static int trimmable(UChar32 c, int ascii)
{
    if (c < 0x80)
        return ascii && c > 0x20 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                      (c >= 'A' && c <= 'Z'));
    return u_ispunct(c) || u_isUWhiteSpace(c);
}

/*
 * Trim punctuation off the ends of p[*s .. *e). ASCII symbols the user typed at
 * the edge of the word stay (C#, C++, .NET); those between the piece and Han
 * text (六盘水,2024) go.
 */
static void trim_punct(const char *p, size_t *s, size_t *e, int ascii_left, int ascii_right)
{
    while (*s < *e) {
        int32_t i = (int32_t)*s;
        UChar32 c;
        U8_NEXT(p, i, (int32_t)*e, c);
        if (!trimmable(c, ascii_left))
            break;
        *s = (size_t)i;
    }
    while (*e > *s) {
        int32_t i = (int32_t)*e;
        UChar32 c;
        U8_PREV(p, (int32_t)*s, i, c);
        if (!trimmable(c, ascii_right))
            break;
        *e = (size_t)i;
    }
}

/*
 * 1 when cleaned[off .. off+len) has a run of three or more CJK characters,
 * the only runs whose split depends on words: a run of one or two is one
 * piece either way. Asking ICU for words loads its dictionary, 1.1 ms of a
 * query process that most two-character queries (企业, 签约) never need.
 */
static int needs_words(parser *P, size_t off, size_t len)
{
    if (segment(P, off, len, ZS_SEG_DOCUMENT))
        return 1;
    for (size_t i = 0, run = 0; i < P->ntoks; i++) {
        if (P->toks[i].kind != ZS_TOK_HAN) {
            run = 0;
            continue;
        }
        run = i && run && P->toks[i - 1].end == P->toks[i].start ? run + 1 : 1;
        if (run >= 3)
            return 1;
    }
    return 0;
}

/*
 * Split the bare word cleaned[off .. off+len) into terms (see query_int.h):
 * returns EMPTY, one TERM, or an AND of TERMs; NULL on error.
 */
static node *split_word(parser *P, size_t off, size_t len)
{
    const char *w = P->q + off;
    node *res = NULL;
    piece *pc = NULL;
    size_t npc = 0, cappc = 0;
    size_t *hs = NULL, *he = NULL, *wend = NULL;
    size_t nh = 0;

    if (segment(P, off, len, ZS_SEG_DOCUMENT | ZS_SEG_WORDS * needs_words(P, off, len)))
        return NULL;
    hs = malloc((P->ntoks + 1) * sizeof(size_t));
    he = malloc((P->ntoks + 1) * sizeof(size_t));
    wend = malloc((P->ntoks + 1) * sizeof(size_t));
    if (!hs || !he || !wend) {
        oom(P);
        goto out;
    }
    for (size_t i = 0; i < P->ntoks; i++) {
        if (P->toks[i].kind == ZS_TOK_HAN) {
            hs[nh] = P->toks[i].start;
            he[nh] = P->toks[i].end;
            wend[nh] = 0;
            nh++;
        }
    }
    /* Longest segmenter word starting at each Han character. */
    for (size_t i = 0; i < P->ntoks; i++) {
        if (P->toks[i].kind != ZS_TOK_WORD)
            continue;
        for (size_t h = 0; h < nh; h++)
            if (hs[h] == P->toks[i].start && P->toks[i].end > wend[h])
                wend[h] = P->toks[i].end;
    }

    size_t cursor = 0, h = 0;
    for (;;) {
        /* The non-Han stretch before the next Han run (or the end). */
        size_t gap_e = h < nh ? hs[h] : len;
        int has_tok = 0, all_num = 1;
        for (size_t i = 0; i < P->ntoks; i++)
            if (P->toks[i].kind != ZS_TOK_HAN && P->toks[i].kind != ZS_TOK_WORD &&
                P->toks[i].start >= cursor && P->toks[i].end <= gap_e) {
                has_tok = 1;
                all_num &= P->toks[i].kind == ZS_TOK_NUM;
            }
        if (has_tok) {
            size_t s = cursor, e = gap_e;
            trim_punct(w, &s, &e, cursor > 0, gap_e < len);
            if (grow((void **)&pc, &cappc, npc + 1, sizeof(piece))) {
                oom(P);
                goto out;
            }
            pc[npc++] = (piece){s, e, 0, 0, all_num};
        }
        if (h >= nh)
            break;
        /* One run of adjacent Han characters [h, r). */
        size_t r = h + 1;
        while (r < nh && hs[r] == he[r - 1])
            r++;
        while (h < r) {
            size_t j = h;
            int gathered = 0;
            if (wend[h]) {
                /* Take the longest word when it ends on a character of the run. */
                size_t k = h;
                while (k < r && he[k] < wend[h])
                    k++;
                if (k < r && he[k] == wend[h])
                    j = k + 1;
            }
            if (j == h) {
                /* Gather characters up to the next word start. */
                j = h + 1;
                while (j < r && !wend[j])
                    j++;
                gathered = 1;
            }
            if (grow((void **)&pc, &cappc, npc + 1, sizeof(piece))) {
                oom(P);
                goto out;
            }
            pc[npc++] = (piece){hs[h], he[j - 1], gathered, (int)(j - h), 0};
            h = j;
        }
        cursor = he[r - 1];
    }

    /*
     * A number glued to the Han text after it is a quantity or a date
     * (135.34亿元, 1711亩, 2024年): keep it one phrase, as typed.
     */
    if (npc > 1) {
        size_t k = 0;
        for (size_t i = 0; i < npc; i++) {
            if (k > 0 && pc[k - 1].num && pc[i].chars && pc[i].s == pc[k - 1].e) {
                pc[k - 1].e = pc[i].e;
                pc[k - 1].num = 0;
                continue;
            }
            pc[k++] = pc[i];
        }
        npc = k;
    }

    /*
     * A lone gathered character is usually part of a name the segmenter did
     * not know (六盘|水); keep the adjacency the user typed by joining it to
     * the piece before it, or after it at the start.
     */
    if (npc > 1) {
        size_t k = 0;
        for (size_t i = 0; i < npc; i++) {
            if (pc[i].gathered && pc[i].chars == 1) {
                if (k > 0) {
                    pc[k - 1].e = pc[i].e;
                    pc[k - 1].chars += 1;
                    continue;
                }
                if (i + 1 < npc) {
                    pc[i + 1].s = pc[i].s;
                    pc[i + 1].chars += 1;
                    continue;
                }
            }
            pc[k++] = pc[i];
        }
        npc = k;
    }

    if (npc == 0) {
        res = new_node(P, N_EMPTY, off);
        goto out;
    }
    if (npc == 1) {
        res = new_term(P, off + pc[0].s, pc[0].e - pc[0].s, 0, 0);
        if (res)
            res->off = off;
        goto out;
    }
    res = new_node(P, N_AND, off);
    for (size_t i = 0; res && i < npc; i++) {
        node *t = new_term(P, off + pc[i].s, pc[i].e - pc[i].s, 0, 0);
        if (!t || push_kid(P, res, t))
            res = NULL;
    }
out:
    free(pc);
    free(hs);
    free(he);
    free(wend);
    return res;
}

/* ------------------------------------------------------------------------
 * Filters
 * ---------------------------------------------------------------------- */

/* If p[*i..n) starts with one of the strings in seps, skip it and return 1. */
static int skip_any(const char *p, size_t n, size_t *i, const char *const *seps)
{
    for (; *seps; seps++) {
        size_t k = strlen(*seps);
        if (n - *i >= k && memcmp(p + *i, *seps, k) == 0) {
            *i += k;
            return 1;
        }
    }
    return 0;
}

static const char *const RANGE_SEPS[] = {"..", "~", "\xEF\xBD\x9E" /* ～ */,
                                         "\xE8\x87\xB3" /* 至 */, "\xE5\x88\xB0" /* 到 */,
                                         NULL};
static const char *const DASHES[] = {"-", "\xEF\xBC\x8D" /* － */, "\xE2\x80\x93" /* – */,
                                     "\xE2\x80\x94" /* — */, NULL};

/* Read a four-digit year (ASCII or full-width digits), then an optional 年. */
static int read_year(const char *p, size_t n, size_t *i, int *y)
{
    int digits = 0, v = 0;
    while (*i < n) {
        if (p[*i] >= '0' && p[*i] <= '9') {
            v = v * 10 + (p[*i] - '0');
            *i += 1;
        } else if (n - *i >= 3 && (unsigned char)p[*i] == 0xEF &&
                   (unsigned char)p[*i + 1] == 0xBC && (unsigned char)p[*i + 2] >= 0x90 &&
                   (unsigned char)p[*i + 2] <= 0x99) {
            v = v * 10 + ((unsigned char)p[*i + 2] - 0x90);
            *i += 3;
        } else {
            break;
        }
        if (++digits > 4)
            return -1;
    }
    if (digits != 4 || v < 1000)
        return -1;
    static const char *const NIAN[] = {"\xE5\xB9\xB4" /* 年 */, NULL};
    skip_any(p, n, i, NIAN);
    *y = v;
    return 0;
}

static int year_filter(parser *P, size_t vs, size_t ve)
{
    const char *p = P->q + vs;
    size_t n = ve - vs, i = 0;
    int a, b, span = 0;
    /* year:~2023 also takes passages that only span 2023 (十四五, 2021—2025年) */
    static const char *const TILDES[] = {"~", "\xEF\xBD\x9E" /* ～ */, NULL};
    if (skip_any(p, n, &i, TILDES))
        span = 1;
    if (read_year(p, n, &i, &a))
        goto bad;
    b = a;
    if (i < n) {
        if (!skip_any(p, n, &i, RANGE_SEPS) && !skip_any(p, n, &i, DASHES))
            goto bad;
        if (read_year(p, n, &i, &b) || i != n)
            goto bad;
        if (a > b)
            return fail(P, ZS_ESYNTAX, vs, "year filter: range %d-%d is reversed", a, b);
    }
    zsq_parsed *pq = P->pq;
    if (pq->has_year) {
        int lo = a > pq->year_from ? a : pq->year_from;
        int hi = b < pq->year_to ? b : pq->year_to;
        if (lo > hi)
            return fail(P, ZS_ESYNTAX, vs,
                        "year filter: year:%.*s and the earlier year: filter have no year "
                        "in common",
                        (int)n, p);
        a = lo;
        b = hi;
        span = span && pq->year_span; /* a year both filters take */
    }
    pq->year_span = span;
    pq->has_year = 1;
    pq->year_from = a;
    pq->year_to = b;
    return 0;
bad:
    return fail(P, ZS_ESYNTAX, vs,
                "year filter: cannot read '%.*s' (expected e.g. 2024, 2021-2025, 2021..2025, "
                "~2023)",
                (int)n, p);
}

static int park_filter(parser *P, size_t vs, size_t ve)
{
    zsq_parsed *pq = P->pq;
    if (pq->nparks >= ZSQ_MAX_PARKS)
        return fail(P, ZS_ELIMIT, vs, "too many park: filters (limit %d)", ZSQ_MAX_PARKS);
    char *s = malloc(ve - vs + 1);
    if (!s)
        return oom(P);
    memcpy(s, P->q + vs, ve - vs);
    s[ve - vs] = '\0';
    pq->parks[pq->nparks].p = s;
    pq->parks[pq->nparks].n = ve - vs;
    pq->nparks++;
    return 0;
}

/* One quantity as zsi_quantity_parse() reads it, plus where its unit text starts. */
typedef struct qty {
    double v;
    const char *unit, *cls;
    size_t num_end;  /* end of the numeral (digits, Chinese numerals) */
    size_t mult_end; /* end of a following 万/亿 run; the unit text follows */
} qty;

/* Nonzero if the character c[0..k) is one of the characters of set. */
static int in_set(const char *set, const char *c, size_t k)
{
    for (; *set; set++)
        if (strncmp(set, c, k) == 0)
            return 1;
    return 0;
}

/* Split p[0..n) into numeral, 万/亿 multiplier and unit text. */
static void qty_shape(const char *p, size_t n, qty *q)
{
    static const char NUMERALS[] = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟"
                                   "０１２３４５６７８９．，";
    static const char MULTS[] = "万亿萬億";
    int32_t i = 0;
    while (i < (int32_t)n) {
        int32_t k = i;
        UChar32 c;
        U8_NEXT(p, k, (int32_t)n, c);
        if (c < 0)
            break;
        if (c < 0x80) {
            if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '+' || c == '-'))
                break;
        } else if (!in_set(NUMERALS, p + i, (size_t)(k - i))) {
            break;
        }
        i = k;
    }
    q->num_end = (size_t)i;
    while (i < (int32_t)n) {
        int32_t k = i;
        UChar32 c;
        U8_NEXT(p, k, (int32_t)n, c);
        if (c < 0x80 || !in_set(MULTS, p + i, (size_t)(k - i)))
            break;
        i = k;
    }
    q->mult_end = (size_t)i;
}

static int has_unit(const qty *q) { return q->unit && q->unit[0]; }

static int read_qty(const char *p, size_t n, qty *q)
{
    q->unit = q->cls = NULL;
    if (n == 0 || zsi_quantity_parse(p, n, &q->v, &q->unit, &q->cls) != 0)
        return -1;
    qty_shape(p, n, q);
    return 0;
}

/*
 * Give the bound x (text xp[0..xn), no unit) the unit of y (text yp[0..yn)),
 * and y's 万/亿 too when x has none: 100..500万元 means 100万元 to 500万元.
 */
static int inherit_unit(const char *xp, size_t xn, qty *x, const char *yp, const qty *y)
{
    char tmp[ZSQ_MAX_QUERY_BYTES * 2];
    size_t k = xn;
    const char *tail = x->mult_end > x->num_end ? yp + y->mult_end : yp + y->num_end;
    size_t tn = strlen(tail);
    if (xn + tn >= sizeof(tmp))
        return -1;
    memcpy(tmp, xp, xn);
    memcpy(tmp + k, tail, tn);
    return read_qty(tmp, xn + tn, x);
}

static void copy_name(char *dst, const char *s)
{
    size_t k = s ? strlen(s) : 0;
    if (k >= ZSQ_MAX_UNIT_BYTES)
        k = ZSQ_MAX_UNIT_BYTES - 1;
    if (k)
        memcpy(dst, s, k);
    dst[k] = '\0';
}

static int figure_filter(parser *P, size_t vs, size_t ve)
{
    const char *p = P->q + vs;
    size_t n = ve - vs, i = 0;
    zsq_figure *f = &P->pq->figure;
    char a_txt[ZSQ_MAX_QUERY_BYTES + 1], b_txt[ZSQ_MAX_QUERY_BYTES + 1];
    static const char *const GE[] = {">=", "\xE2\x89\xA5" /* ≥ */, "\xEF\xBC\x9E\xEF\xBC\x9D",
                                     "\xEF\xBC\x9E=", NULL};
    static const char *const LE[] = {"<=", "\xE2\x89\xA4" /* ≤ */, "\xEF\xBC\x9C\xEF\xBC\x9D",
                                     "\xEF\xBC\x9C=", NULL};
    static const char *const GT[] = {">", "\xEF\xBC\x9E" /* ＞ */, NULL};
    static const char *const LT[] = {"<", "\xEF\xBC\x9C" /* ＜ */, NULL};
    static const char *const EQ[] = {"==", "=", "\xEF\xBC\x9D" /* ＝ */, NULL};
    zsq_fig_op op = ZSQ_FIG_NONE;

    if (f->op != ZSQ_FIG_NONE)
        return fail(P, ZS_ESYNTAX, vs,
                    "figure filter: only one figure: filter per query (use a range, e.g. "
                    "figure:100亿..500亿元)");
    if (skip_any(p, n, &i, GE))
        op = ZSQ_FIG_GE;
    else if (skip_any(p, n, &i, LE))
        op = ZSQ_FIG_LE;
    else if (skip_any(p, n, &i, GT))
        op = ZSQ_FIG_GT;
    else if (skip_any(p, n, &i, LT))
        op = ZSQ_FIG_LT;
    else if (skip_any(p, n, &i, EQ))
        op = ZSQ_FIG_EQ;

    /* A range separator: the first "..", ~, 至, 到, else a dash after the start. */
    size_t sep_s = 0, sep_e = 0;
    for (size_t k = i + 1; k < n && !sep_e; k++) {
        size_t e = k;
        if (skip_any(p, n, &e, RANGE_SEPS)) {
            sep_s = k;
            sep_e = e;
        }
    }
    for (size_t k = i + 1; k < n && !sep_e; k++) {
        size_t e = k;
        if (skip_any(p, n, &e, DASHES)) {
            sep_s = k;
            sep_e = e;
        }
    }

    qty a, b;
    if (!sep_e) {
        if (read_qty(p + i, n - i, &a))
            goto bad;
        f->op = op == ZSQ_FIG_NONE ? ZSQ_FIG_EQ : op;
        f->lo = -HUGE_VAL;
        f->hi = HUGE_VAL;
        if (f->op == ZSQ_FIG_LT || f->op == ZSQ_FIG_LE)
            f->hi = a.v;
        else if (f->op == ZSQ_FIG_GT || f->op == ZSQ_FIG_GE)
            f->lo = a.v;
        else
            f->lo = f->hi = a.v;
        copy_name(f->unit, a.unit);
        copy_name(f->cls, a.cls);
        return 0;
    }
    if (op != ZSQ_FIG_NONE)
        goto bad;
    size_t an = sep_s, bn = n - sep_e;
    memcpy(a_txt, p, an);
    a_txt[an] = '\0';
    memcpy(b_txt, p + sep_e, bn);
    b_txt[bn] = '\0';
    if (read_qty(a_txt, an, &a) || read_qty(b_txt, bn, &b))
        goto bad;
    if (!has_unit(&a) && has_unit(&b)) {
        if (inherit_unit(a_txt, an, &a, b_txt, &b))
            goto bad;
    } else if (has_unit(&a) && !has_unit(&b)) {
        if (inherit_unit(b_txt, bn, &b, a_txt, &a))
            goto bad;
    }
    if (strcmp(a.unit ? a.unit : "", b.unit ? b.unit : "") != 0)
        return fail(P, ZS_ESYNTAX, vs, "figure filter: the two ends of '%.*s' have different units",
                    (int)n, p);
    if (a.v > b.v)
        return fail(P, ZS_ESYNTAX, vs,
                    "figure filter: range '%.*s' is reversed (low end above high end)", (int)n,
                    p);
    f->op = ZSQ_FIG_RANGE;
    f->lo = a.v;
    f->hi = b.v;
    copy_name(f->unit, a.unit);
    copy_name(f->cls, a.cls);
    return 0;
bad:
    return fail(P, ZS_ESYNTAX, vs,
                "figure filter: cannot read '%.*s' (expected e.g. >100亿元, <5%%, "
                "100万..500万元)",
                (int)n, p);
}

/*
 * A filter at P->pos: `name:value` with name ASCII letters (any case) and a
 * `:` or `：`. Returns 1 and sets *out (an N_FILTER node) when there is one,
 * 0 when the text is not a filter, negative on error. Any letters-colon word
 * is a filter attempt, so `body:x` fails loudly instead of searching "body x".
 */
static int parse_filter(parser *P, node **out)
{
    size_t s = P->pos, i = s, nx;
    while (i < P->n && ((P->q[i] >= 'a' && P->q[i] <= 'z') || (P->q[i] >= 'A' && P->q[i] <= 'Z')))
        i++;
    if (i == s)
        return 0;
    size_t vs;
    if (i < P->n && P->q[i] == ':')
        vs = i + 1;
    else if (P->n - i >= 3 && memcmp(P->q + i, "\xEF\xBC\x9A", 3) == 0) /* ： */
        vs = i + 3;
    else
        return 0;
    size_t nl = i - s;
    enum { PARK, YEAR, FIGURE } which;
    if (nl == 4 && strncasecmp(P->q + s, "park", 4) == 0)
        which = PARK;
    else if (nl == 4 && strncasecmp(P->q + s, "year", 4) == 0)
        which = YEAR;
    else if (nl == 6 && strncasecmp(P->q + s, "figure", 6) == 0)
        which = FIGURE;
    else
        return fail(P, ZS_ESYNTAX, s, "unknown filter '%.*s:' (known: park:, year:, figure:)",
                    (int)nl, P->q + s);

    size_t ve, end;
    UChar32 c = cp_at(P, vs, &nx);
    if (c >= 0 && is_quote(c)) {
        size_t qo = vs, k = nx;
        vs = nx;
        for (;;) {
            if (k >= P->n)
                return fail(P, ZS_ESYNTAX, qo,
                            "unbalanced quote: the value opened at byte %zu is never closed",
                            orig(P, qo));
            size_t kn;
            UChar32 d = cp_at(P, k, &kn);
            if (is_quote(d))
                break;
            k = kn;
        }
        ve = k;
        cp_at(P, k, &end);
    } else {
        size_t k = vs;
        while (k < P->n) {
            size_t kn;
            if (is_delim(cp_at(P, k, &kn)))
                break;
            k = kn;
        }
        ve = end = k;
    }
    /* Trim spaces inside a quoted value. */
    while (vs < ve && is_space((unsigned char)P->q[vs]))
        vs++;
    while (ve > vs && is_space((unsigned char)P->q[ve - 1]))
        ve--;
    static const char *const NAMES[] = {"park", "year", "figure"};
    static const char *const EXAMPLES[] = {"park:六盘水高新区", "year:2024", "figure:>100亿元"};
    if (ve == vs)
        return fail(P, ZS_ESYNTAX, vs, "%s filter: needs a value, e.g. %s", NAMES[which],
                    EXAMPLES[which]);
    int rc = which == PARK ? park_filter(P, vs, ve)
             : which == YEAR ? year_filter(P, vs, ve)
                             : figure_filter(P, vs, ve);
    if (rc)
        return rc;
    P->nfilters++;
    P->pos = end;
    *out = new_node(P, N_FILTER, s);
    return *out ? 1 : P->rc;
}

/* ------------------------------------------------------------------------
 * The recursive descent
 * ---------------------------------------------------------------------- */

static node *parse_and(parser *P, int depth, size_t open_off);

/* Add item to the AND a, flattening nested ANDs and dropping empty items. */
static int and_add(parser *P, node *a, node *it)
{
    if (it->kind == N_FILTER && !a->filter_at)
        a->filter_at = it->off + 1;
    if (it->kind == N_AND && it->filter_at && !a->filter_at)
        a->filter_at = it->filter_at;
    switch (it->kind) {
    case N_EMPTY:
    case N_FILTER:
        return 0;
    case N_NEG:
        return it->kids[0]->kind == N_EMPTY ? 0 : push_neg(P, a, it);
    case N_AND:
        for (size_t i = 0; i < it->nkids; i++)
            if (push_kid(P, a, it->kids[i]))
                return P->rc;
        for (size_t i = 0; i < it->nnegs; i++)
            if (push_neg(P, a, it->negs[i]))
                return P->rc;
        return 0;
    default:
        return push_kid(P, a, it);
    }
}

/* Only positive terms may be sides of OR: FTS5 cannot say "a OR NOT b". */
static int or_side_ok(parser *P, const node *x)
{
    if (x->kind == N_NEG)
        return fail(P, ZS_ESYNTAX, x->off, "an excluded term cannot be a side of OR");
    if (x->kind == N_FILTER)
        return fail(P, ZS_ESYNTAX, x->off, "a filter cannot be a side of OR");
    if (x->kind == N_AND && x->filter_at)
        return fail(P, ZS_ESYNTAX, x->filter_at - 1,
                    "a filter cannot be inside a side of OR (filters apply to the whole "
                    "query)");
    if (x->kind == N_AND && x->nkids == 0 && x->nnegs > 0)
        return fail(P, ZS_ESYNTAX, x->negs[0]->off, "an excluded term cannot be a side of OR");
    return 0;
}

static node *parse_primary(parser *P, int depth, int neg)
{
    size_t s = P->pos, nx;
    UChar32 c = cp_at(P, s, &nx);

    if (is_open(c)) {
        if (depth + 1 > ZSQ_MAX_DEPTH) {
            fail(P, ZS_ELIMIT, s, "parentheses nested too deeply: more than %d levels",
                 ZSQ_MAX_DEPTH);
            return NULL;
        }
        P->pos = nx;
        node *g = parse_and(P, depth + 1, s);
        if (!g)
            return NULL;
        cp_at(P, P->pos, &P->pos); /* the closing parenthesis */
        g->off = s;
        if (g->nkids == 0 && g->nnegs == 0 && !g->filter_at)
            g->kind = N_EMPTY;
        else if (g->nkids == 1 && g->nnegs == 0 && !g->filter_at)
            return g->kids[0];
        return g;
    }
    if (is_quote(c)) {
        size_t k = nx;
        for (;;) {
            if (k >= P->n) {
                fail(P, ZS_ESYNTAX, s,
                     "unbalanced quote: the phrase opened at byte %zu is never closed",
                     orig(P, s));
                return NULL;
            }
            size_t kn;
            if (is_quote(cp_at(P, k, &kn)))
                break;
            k = kn;
        }
        size_t ts = nx, te = k;
        cp_at(P, k, &P->pos);
        int prefix = 0;
        if (is_star(cp_at(P, P->pos, &nx))) {
            prefix = 1;
            P->pos = nx;
        }
        return whole_term(P, s, ts, te - ts, prefix, 1);
    }
    node *f = NULL;
    int r = parse_filter(P, &f);
    if (r < 0)
        return NULL;
    if (r > 0) {
        if (neg) {
            fail(P, ZS_ESYNTAX, s, "a filter cannot be excluded");
            return NULL;
        }
        return f;
    }

    /* A bare word: up to the next space, parenthesis or quote. */
    size_t e = s, last = s;
    while (e < P->n && !is_delim(cp_at(P, e, &nx))) {
        last = e;
        e = nx;
    }
    P->pos = e;
    int prefix = 0;
    size_t te = e;
    if (e > s && is_star(cp_at(P, last, &nx))) {
        prefix = 1;
        te = last;
    }
    if (te == s)
        return new_node(P, N_EMPTY, s); /* a lone '*' */
    if (prefix || neg)
        return whole_term(P, s, s, te - s, prefix, 0);
    return split_word(P, s, te - s);
}

static node *parse_unary(parser *P, int depth)
{
    size_t s = P->pos, nx, nn;
    UChar32 c = cp_at(P, s, &nx);
    int neg = 0;

    if (is_minus(c)) {
        UChar32 d = cp_at(P, nx, &nn);
        /* '-' before a space or at the end is punctuation, dropped as a term. */
        if (d >= 0 && !is_space(d) && !is_close(d)) {
            neg = 1;
            P->pos = nx;
        }
    } else if (at_kw(P, "NOT")) {
        P->pos += 3;
        skip_ws(P);
        UChar32 d = cp_at(P, P->pos, &nn);
        if (d < 0 || is_close(d) || at_kw(P, "OR") || at_kw(P, "AND") || at_kw(P, "NOT")) {
            fail(P, ZS_ESYNTAX, s, "NOT needs a term after it");
            return NULL;
        }
        neg = 1;
    }
    node *x = parse_primary(P, depth, neg);
    if (!x || !neg)
        return x;
    if (x->kind == N_EMPTY)
        return x;
    if (x->kind == N_AND && x->filter_at) {
        fail(P, ZS_ESYNTAX, x->filter_at - 1, "a filter cannot be excluded");
        return NULL;
    }
    if (x->kind == N_AND && x->nkids == 0 && x->nnegs == 0)
        return x;
    if (x->kind == N_AND && x->nkids == 0) {
        fail(P, ZS_ESYNTAX, x->negs[0]->off,
             "only excluded terms inside the parentheses: add a term to search for");
        return NULL;
    }
    node *ng = new_node(P, N_NEG, s);
    if (!ng || push_kid(P, ng, x))
        return NULL;
    return ng;
}

static node *parse_or(parser *P, int depth)
{
    size_t s = P->pos;
    node *first = parse_unary(P, depth);
    if (!first)
        return NULL;
    skip_ws(P);
    if (!at_kw(P, "OR"))
        return first;

    node *o = new_node(P, N_OR, s);
    if (!o || or_side_ok(P, first))
        return NULL;
    if (first->kind == N_OR) {
        for (size_t i = 0; i < first->nkids; i++)
            if (push_kid(P, o, first->kids[i]))
                return NULL;
    } else if (first->kind != N_EMPTY && push_kid(P, o, first)) {
        return NULL;
    }
    while (at_kw(P, "OR")) {
        size_t or_off = P->pos, nx;
        P->pos += 2;
        skip_ws(P);
        UChar32 c = cp_at(P, P->pos, &nx);
        if (c < 0 || is_close(c) || at_kw(P, "OR") || at_kw(P, "AND")) {
            fail(P, ZS_ESYNTAX, or_off, "OR needs a term on each side");
            return NULL;
        }
        node *x = parse_unary(P, depth);
        if (!x || or_side_ok(P, x))
            return NULL;
        if (x->kind == N_OR) {
            for (size_t i = 0; i < x->nkids; i++)
                if (push_kid(P, o, x->kids[i]))
                    return NULL;
        } else if (x->kind != N_EMPTY && push_kid(P, o, x)) {
            return NULL;
        }
        skip_ws(P);
    }
    if (o->nkids == 0)
        o->kind = N_EMPTY;
    else if (o->nkids == 1)
        return o->kids[0];
    return o;
}

/*
 * Items up to the end (depth 0) or the closing parenthesis (depth > 0),
 * which is left for the caller. Always returns an N_AND (or NULL on error).
 */
static node *parse_and(parser *P, int depth, size_t open_off)
{
    node *a = new_node(P, N_AND, P->pos);
    int items = 0;
    if (!a)
        return NULL;
    for (;;) {
        size_t nx;
        skip_ws(P);
        UChar32 c = cp_at(P, P->pos, &nx);
        if (c < 0) {
            if (depth > 0) {
                fail(P, ZS_ESYNTAX, open_off,
                     "unbalanced parenthesis: '(' at byte %zu is never closed",
                     orig(P, open_off));
                return NULL;
            }
            return a;
        }
        if (is_close(c)) {
            if (depth == 0) {
                fail(P, ZS_ESYNTAX, P->pos,
                     "unbalanced parenthesis: ')' at byte %zu has no matching '('",
                     orig(P, P->pos));
                return NULL;
            }
            return a;
        }
        if (at_kw(P, "OR")) {
            fail(P, ZS_ESYNTAX, P->pos, "OR needs a term on each side");
            return NULL;
        }
        if (at_kw(P, "AND")) {
            size_t and_off = P->pos;
            P->pos += 3;
            skip_ws(P);
            c = cp_at(P, P->pos, &nx);
            if (!items || c < 0 || is_close(c) || at_kw(P, "OR") || at_kw(P, "AND")) {
                fail(P, ZS_ESYNTAX, and_off, "AND needs a term on each side");
                return NULL;
            }
            continue;
        }
        node *it = parse_or(P, depth);
        if (!it || and_add(P, a, it))
            return NULL;
        items++;
    }
}

/* ------------------------------------------------------------------------
 * Rendering
 * ---------------------------------------------------------------------- */

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 256;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *p = realloc(b->p, nc);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void buf_str(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* An FTS5 string: "..." with every embedded " doubled. */
static void quote(buf *b, const char *mark, const char *p, size_t n)
{
    buf_add(b, "\"", 1);
    buf_str(b, mark);
    size_t i = 0;
    while (i < n) {
        const char *dq = memchr(p + i, '"', n - i);
        size_t k = dq ? (size_t)(dq - p) + 1 : n;
        buf_add(b, p + i, k - i);
        if (dq)
            buf_add(b, "\"", 1);
        i = k;
    }
    buf_add(b, "\"", 1);
}

static void render_term(const parser *P, buf *b, const node *t)
{
    const char *p = P->q + t->toff;
    quote(b, "", p, t->tlen);
    if (t->prefix)
        buf_add(b, "*", 1);
}

static void render(const parser *P, buf *b, const node *x);

static void render_child(const parser *P, buf *b, const node *x)
{
    if (x->kind == N_AND || x->kind == N_OR) {
        buf_add(b, "(", 1);
        render(P, b, x);
        buf_add(b, ")", 1);
    } else {
        render(P, b, x);
    }
}

/* One side of NOT: always parenthesized, as "(P) NOT (N)". */
static void render_side(const parser *P, buf *b, node *const *xs, size_t n, const char *sep)
{
    const node *y = n == 1 && xs[0]->kind == N_NEG ? xs[0]->kids[0] : xs[0];
    if (n == 1 && (y->kind == N_AND || y->kind == N_OR)) {
        render_child(P, b, y);
        return;
    }
    buf_add(b, "(", 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_str(b, sep);
        render_child(P, b, xs[i]);
    }
    buf_add(b, ")", 1);
}

static void render(const parser *P, buf *b, const node *x)
{
    switch (x->kind) {
    case N_TERM:
        render_term(P, b, x);
        return;
    case N_NEG:
        render_child(P, b, x->kids[0]);
        return;
    case N_OR:
        for (size_t i = 0; i < x->nkids; i++) {
            if (i)
                buf_str(b, " OR ");
            render_child(P, b, x->kids[i]);
        }
        return;
    case N_AND:
        if (x->nnegs == 0) {
            for (size_t i = 0; i < x->nkids; i++) {
                if (i)
                    buf_str(b, " AND ");
                render_child(P, b, x->kids[i]);
            }
            return;
        }
        render_side(P, b, x->kids, x->nkids, " AND ");
        buf_str(b, " NOT ");
        render_side(P, b, x->negs, x->nnegs, " OR ");
        return;
    default:
        return;
    }
}

/* The positive terms of x (not under an exclusion), deduplicated. */
static int leaves(parser *P, const node *x, const node ***out, size_t *n, size_t *cap)
{
    if (x->kind == N_TERM) {
        for (size_t i = 0; i < *n; i++) {
            const node *y = (*out)[i];
            if (y->tlen == x->tlen && y->prefix == x->prefix &&
                memcmp(P->q + y->toff, P->q + x->toff, x->tlen) == 0)
                return 0;
        }
        if (grow((void **)out, cap, *n + 1, sizeof(node *)))
            return oom(P);
        (*out)[(*n)++] = x;
        return 0;
    }
    if (x->kind == N_AND || x->kind == N_OR)
        for (size_t i = 0; i < x->nkids; i++)
            if (leaves(P, x->kids[i], out, n, cap))
                return P->rc;
    return 0;
}

static char *dup_or_empty(const buf *b)
{
    if (b->p)
        return b->p;
    return calloc(1, 1);
}

/* Fill match_all, match_any and terms of P->pq from the root AND. */
static int finish(parser *P, node *root)
{
    zsq_parsed *pq = P->pq;
    buf all = {0}, any = {0};
    const node **lv = NULL;
    size_t nlv = 0, caplv = 0;
    int rc = 0;

    if (root->nkids == 1 && root->nnegs == 0)
        render(P, &all, root->kids[0]);
    else
        render(P, &all, root);

    if (leaves(P, root, &lv, &nlv, &caplv)) {
        rc = P->rc;
        goto out;
    }
    buf pos = {0};
    for (size_t i = 0; i < nlv; i++) {
        if (i)
            buf_str(&pos, " OR ");
        render_term(P, &pos, lv[i]);
    }
    if (root->nnegs == 0) {
        any = pos;
    } else {
        buf_add(&any, "(", 1);
        if (pos.p)
            buf_add(&any, pos.p, pos.n);
        buf_add(&any, ")", 1);
        any.oom |= pos.oom;
        free(pos.p);
        buf_str(&any, " NOT ");
        render_side(P, &any, root->negs, root->nnegs, " OR ");
    }
    if (all.oom || any.oom) {
        rc = oom(P);
        goto out;
    }
    pq->match_all = dup_or_empty(&all);
    all.p = NULL;
    pq->match_any = dup_or_empty(&any);
    any.p = NULL;
    if (!pq->match_all || !pq->match_any) {
        rc = oom(P);
        goto out;
    }
    pq->terms = calloc(nlv ? nlv : 1, sizeof(zsq_term));
    if (!pq->terms) {
        rc = oom(P);
        goto out;
    }
    for (size_t i = 0; i < nlv; i++) {
        char *t = malloc(lv[i]->tlen + 1);
        if (!t) {
            rc = oom(P);
            goto out;
        }
        memcpy(t, P->q + lv[i]->toff, lv[i]->tlen);
        t[lv[i]->tlen] = '\0';
        pq->terms[i] = (zsq_term){t, lv[i]->tlen, lv[i]->prefix, lv[i]->phrase};
        pq->nterms++;
    }
out:
    free(all.p);
    free(any.p);
    free(lv);
    return rc;
}

/* ------------------------------------------------------------------------
 * Entry points
 * ---------------------------------------------------------------------- */

/*
 * Copy q into P->q without private-use characters and with ASCII control
 * characters turned into spaces, building map[]. Invalid
 * UTF-8 is a syntax error: it would reach FTS5 as bytes we cannot reason about.
 */
static int clean(parser *P, const char *q, size_t n)
{
    P->q = malloc(n + 1);
    P->map = malloc((n + 1) * sizeof(size_t));
    if (!P->q || !P->map)
        return oom(P);
    size_t k = 0;
    int32_t i = 0;
    while (i < (int32_t)n) {
        int32_t s = i;
        UChar32 c;
        U8_NEXT(q, i, (int32_t)n, c);
        if (c < 0) {
            P->n = k;
            P->rc = ZS_ESYNTAX;
            P->err_off = (size_t)s;
            if (P->err && P->errcap)
                snprintf(P->err, P->errcap, "query is not valid UTF-8 at byte %zu", (size_t)s);
            return P->rc;
        }
        if (c >= 0xE000 && c <= 0xF8FF)
            continue;
        for (int32_t j = s; j < i; j++) {
            /* Control bytes (NUL above all) become spaces: rendered strings are C strings. */
            P->q[k] = c < 0x20 || c == 0x7f ? ' ' : q[j];
            P->map[k] = (size_t)s;
            k++;
        }
    }
    P->q[k] = '\0';
    P->map[k] = n;
    P->n = k;
    return 0;
}

int zsq_parse(zs_seg *seg, const char *q, size_t n, zsq_parsed **out, char *err,
              size_t errcap, size_t *err_off)
{
    parser P;
    memset(&P, 0, sizeof(P));
    P.seg = seg;
    P.err = err;
    P.errcap = errcap;
    if (err && errcap)
        err[0] = '\0';
    if (err_off)
        *err_off = 0;
    if (!out || !seg || (!q && n)) {
        if (out)
            *out = NULL;
        if (err && errcap)
            snprintf(err, errcap, "zsq_parse: NULL argument");
        return ZS_EINVAL;
    }
    *out = NULL;
    if (n > ZSQ_MAX_QUERY_BYTES) {
        if (err && errcap)
            snprintf(err, errcap, "query too long: %zu bytes (limit %d)", n,
                     ZSQ_MAX_QUERY_BYTES);
        if (err_off)
            *err_off = ZSQ_MAX_QUERY_BYTES;
        return ZS_ELIMIT;
    }

    P.pq = calloc(1, sizeof(zsq_parsed));
    if (!P.pq || clean(&P, q ? q : "", n))
        goto out;
    P.pq->parks = calloc(ZSQ_MAX_PARKS, sizeof(zsq_str));
    if (!P.pq->parks) {
        oom(&P);
        goto out;
    }
    node *root = parse_and(&P, 0, 0);
    if (!root)
        goto out;
    if (root->nkids == 0) {
        if (root->nnegs > 0) {
            fail(&P, ZS_ESYNTAX, root->negs[0]->off,
                 "query has only excluded terms: add a term to search for");
            goto out;
        }
        if (P.nfilters == 0) {
            fail(&P, ZS_ESYNTAX, 0, "query has no searchable text");
            P.err_off = 0;
            goto out;
        }
        P.pq->match_all = calloc(1, 1);
        P.pq->match_any = calloc(1, 1);
        P.pq->terms = calloc(1, sizeof(zsq_term));
        if (!P.pq->match_all || !P.pq->match_any || !P.pq->terms)
            oom(&P);
        goto out;
    }
    P.pq->has_text = 1;
    finish(&P, root);
out:
    if (!P.pq && !P.rc)
        P.rc = ZS_ENOMEM;
    if (P.rc) {
        if (err_off)
            *err_off = P.err_off;
        zsq_parsed_free(P.pq);
    } else {
        *out = P.pq;
    }
    parser_free(&P);
    return P.rc;
}

void zsq_parsed_free(zsq_parsed *pq)
{
    if (!pq)
        return;
    free(pq->match_all);
    free(pq->match_any);
    for (size_t i = 0; i < pq->nterms; i++)
        free(pq->terms[i].text);
    free(pq->terms);
    for (size_t i = 0; i < pq->nparks; i++)
        free(pq->parks[i].p);
    free(pq->parks);
    free(pq);
}
