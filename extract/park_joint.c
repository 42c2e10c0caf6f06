/*
 * park_joint.c - a park named by a place and two trades joined by 及, 与 or
 * 和 (水城区铝及铝加工产业园). Apart from park_edge.c, whose scan stops at a
 * conjunction or a verb of the trade, because here one conjunction between
 * trades belongs to the name.
 *
 * Invariant: spans are byte ranges of the input at character boundaries.
 */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "park_int.h"

/* Classes of a verb that is no noun as well (搭建; not 装备, 建设). */
static int verb(unsigned fl)
{
    return (fl & ZSW_STOP) && !(fl & (ZSW_NOUN | ZSW_VNOUN));
}

/* Is the one character at s a conjunction that may join two trades inside
 * one park's name (及, 与, 和)? */
static int joins(const char *s, size_t n)
{
    return zsi_pk_is_lit(s, n, "\xE5\x8F\x8A") || zsi_pk_is_lit(s, n, "\xE4\xB8\x8E") || /* 及 与 */
           zsi_pk_is_lit(s, n, "\xE5\x92\x8C");                                          /* 和 */
}

/*
 * A park named by a place and two trades joined by 及, 与 or 和:
 * 水城区铝及铝加工产业园, 某市钢铁与装备制造产业园. The scan of
 * zsi_pk_name_edge stops at a verb of the trade (加工); here, from the
 * suffix leftwards, come words that may describe a trade (nouns, and
 * verbs of two characters or more, as in zsi_pk_inner_words), one
 * conjunction with such words on both sides, nouns right next to it
 * (合作开发和搭建 joins two acts, no trades), then a place, which starts
 * the name. A place between the conjunction and the suffix, a [trim] word,
 * a one-character stop word, a second conjunction or a [party] word
 * (政府, 企业) means a list of things, not one name (贵阳市和六盘水产业园,
 * 遵义市政府与装备制造产业园: no such name here).
 */
int zsi_pk_joint_edge(const zsi_gazetteer *g, const char *p, size_t floor, size_t i, size_t *ps,
                      size_t *pe)
{
    size_t pos[MAX_COMPANY_CHARS + 1], nc, j = 0;
    size_t conj = 0, right = 0, left = 0; /* conj: characters scanned up to it, +1 */
    unsigned next = 0;                      /* the classes of the word last taken */
    nc = zsi_pk_han_run(p, floor, i, MAX_COMPANY_CHARS, pos, NULL);
    while (j < nc) {
        size_t row, L;
        unsigned fl;
        L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        if (L == 1 && joins(p + pos[j + 1], pos[j] - pos[j + 1])) {
            /* the conjunction joins nouns: not verbs (合作开发和搭建) */
            if (conj || right == 0 || verb(next))
                return 0;
            conj = j + 1;
            j++;
            continue;
        }
        if (fl & ZSW_PLACE) {
            if (!conj || left == 0)
                return 0;
            /* the leftmost of adjacent places starts the name; the
             * words after them name no party (遵义市政府与...) */
            size_t place_end = j, s = pos[j + L];
            for (j += L; j < nc;) {
                L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
                if (!(fl & ZSW_PLACE) || (fl & ZSW_TRIM))
                    break;
                s = pos[j + L];
                j += L;
            }
            if (nchars(p + s, i - s) > MAX_COMPANY_CHARS)
                return 0;
            for (size_t t = 0; t < g->party.n; t++)
                if (contains(p + pos[place_end], i - pos[place_end], &g->party.v[t]))
                    return 0;
            *ps = s;
            *pe = i;
            return 1;
        }
        if ((fl & ZSW_TRIM) || ((fl & ZSW_STOP) && L < 2) || (conj == j && verb(fl)))
            return 0;
        next = fl;
        if (conj)
            left += L;
        else
            right += L;
        j += L;
    }
    return 0;
}
