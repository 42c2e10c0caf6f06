/*
 * split.c - words typed without spaces, cut where the segmenter finds words
 * (六盘水高新区签约金额 -> 六盘水 高新区 签约 金额); the rule is stated in
 * query_int.h. A zone's name in such a word stays one phrase, or-ed with the
 * zone's other names (zsq_zone_word()).
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

#include "extract_int.h"
#include "parser_int.h"

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
        return ascii && c > 0x20 &&
               !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
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
    if (zsq_segment(P, off, len, ZS_SEG_DOCUMENT))
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
node *zsq_split_word(parser *P, size_t off, size_t len)
{
    const char *w = P->q + off;
    node *res = NULL;
    piece *pc = NULL;
    size_t npc = 0, cappc = 0;
    size_t *hs = NULL, *he = NULL, *wend = NULL;
    size_t nh = 0;

    if (zsq_segment(P, off, len, ZS_SEG_DOCUMENT | ZS_SEG_WORDS * needs_words(P, off, len)))
        return NULL;
    hs = malloc((P->ntoks + 1) * sizeof(size_t));
    he = malloc((P->ntoks + 1) * sizeof(size_t));
    wend = malloc((P->ntoks + 1) * sizeof(size_t));
    if (!hs || !he || !wend) {
        zsq_oom(P);
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
            if (zsu_grow(&pc, &cappc, npc + 1, sizeof(piece), 8)) {
                zsq_oom(P);
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
            if (zsu_grow(&pc, &cappc, npc + 1, sizeof(piece), 8)) {
                zsq_oom(P);
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
        res = zsq_new_node(P, N_EMPTY, off);
        goto out;
    }
    if (npc == 1) {
        res = zsq_new_term(P, off + pc[0].s, pc[0].e - pc[0].s, 0, 0);
        if (res)
            res->off = off;
        goto out;
    }
    res = zsq_new_node(P, N_AND, off);
    for (size_t i = 0; res && i < npc; i++) {
        node *t = zsq_new_term(P, off + pc[i].s, pc[i].e - pc[i].s, 0, 0);
        if (!t || zsq_push_kid(P, res, t))
            res = NULL;
    }
out:
    ZSU_FREE(pc, hs, he, wend);
    return res;
}

/* ------------------------------------------------------------------------
 * Zone names in a word
 * ---------------------------------------------------------------------- */

/* A phrase term for P->q[off .. off+len), reported at item_off; EMPTY when it
 * yields no tokens. */
static node *phrase_term(parser *P, size_t item_off, size_t off, size_t len)
{
    if (zsq_segment(P, off, len, ZS_SEG_QUERY))
        return NULL;
    if (P->ntoks == 0)
        return zsq_new_node(P, N_EMPTY, item_off);
    node *t = zsq_new_term(P, off, len, 0, 1);
    if (t)
        t->off = item_off;
    return t;
}

/* Append text to the query buffer after the cleaned query; its offset, or
 * (size_t)-1 when out of memory. Terms refer to text by offset, so the
 * buffer may move. */
static size_t add_text(parser *P, const char *t, size_t n)
{
    size_t at = P->n + 1;
    char *q;
    while (at < P->qcap && P->q[at])
        at += strlen(P->q + at) + 1;
    if (at + n + 1 > P->qcap) {
        size_t nc = (at + n + 1) * 2;
        if (!(q = realloc(P->q, nc)))
            return (size_t)-1;
        memset(q + P->qcap, 0, nc - P->qcap);
        P->q = q;
        P->qcap = nc;
    }
    memcpy(P->q + at, t, n);
    P->q[at + n] = '\0';
    return at;
}

/*
 * A zone's name typed in a word (成都高新区, 重庆两江新区) is one phrase, or
 * any other name of the zone (成都高新技术产业开发区): an OR of phrases.
 * NULL on error, with P's error set.
 */
static node *zone_term(parser *P, size_t off, size_t len, const char *canon)
{
    const char *const *al = NULL;
    size_t nal = 0;
    node * or = zsq_new_node(P, N_OR, off), *t;
    if (! or || !(t = phrase_term(P, off, off, len)) || zsq_push_kid(P, or, t))
        return NULL;
    zsi_park_aliases((const zsi_gazetteer *)P->gaz, canon, strlen(canon), &al, &nal);
    for (size_t i = 0; i <= nal && i <= ZSQ_MAX_ZONE_NAMES; i++) {
        const char *a = i ? al[i - 1] : canon;
        size_t an = strlen(a), at;
        if (an == len && memcmp(a, P->q + off, len) == 0)
            continue;
        if ((at = add_text(P, a, an)) == (size_t)-1) {
            zsq_oom(P);
            return NULL;
        }
        if (!(t = phrase_term(P, off, at, an)) || zsq_push_kid(P, or, t))
            return NULL;
    }
    return or ;
}

/*
 * A bare word with a zone's name in it: the name one phrase (zone_term()),
 * what is before and after it split as usual (zsq_split_word()).
 */
node *zsq_zone_word(parser *P, size_t off, size_t len)
{
    size_t bs = 0, be = 0;
    /* The loop below tries only names of 6 bytes or more. */
    if (!P->gaz && P->gaz_open && len >= 6) {
        P->gaz = P->gaz_open(P->gaz_ctx);
        P->gaz_open = NULL;
    }
    const zsi_gazetteer *g = (const zsi_gazetteer *)P->gaz;
    const char *canon = NULL;
    /* The longest name in the word, leftmost first. */
    for (size_t a = 0; g && a < len; a++) {
        if (((unsigned char)P->q[off + a] & 0xC0) == 0x80)
            continue;
        for (size_t b = len; b > a + be - bs && b - a >= 6; b--) {
            if (b < len && ((unsigned char)P->q[off + b] & 0xC0) == 0x80)
                continue;
            const char *c = zsi_park_canonical(g, P->q + off + a, b - a);
            if (c) {
                bs = a;
                be = b;
                canon = c;
                break;
            }
        }
    }
    if (!canon)
        return zsq_split_word(P, off, len);
    node *z = zone_term(P, off + bs, be - bs, canon);
    if (!z || (bs == 0 && be == len))
        return z;
    node *and = zsq_new_node(P, N_AND, off), *k;
    if (!and)
        return NULL;
    if (bs > 0 && (!(k = zsq_split_word(P, off, bs)) || zsq_push_kid(P, and, k)))
        return NULL;
    if (zsq_push_kid(P, and, z))
        return NULL;
    if (be < len && (!(k = zsq_zone_word(P, off + be, len - be)) || zsq_push_kid(P, and, k)))
        return NULL;
    return and;
}
