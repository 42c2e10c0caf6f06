/*
 * park_edge.c - where a zone name found by its suffix starts.
 *
 * A suffix (高新区, 经济开发区, 自贸区 ...) says a zone is named; the words
 * before it say which, but news glues them to the sentence: 走进长沙经济技术
 * 开发区, 去年汾湖高新区, 合肥将以高新区. The run of Han characters before the
 * suffix is cut into words from its end by longest match against the word
 * lexicon (park_words.c: GB/T 2260 place names, jieba's place names, and
 * jieba's verbs, prepositions, pronouns, numerals, time words ...); words are
 * taken leftwards until the first word that can never start a name. Of what
 * is taken, the name starts at its leftmost place name (又在广东金融高新区:
 * 广东金融高新区; a province before a city is dropped: 江苏海安经开区 ->
 * 海安经开区); a stretch with no place name is a name only when it is two to
 * four characters with no [generic] word (汾湖高新区) and its suffix is strong.
 * Nothing taken means a bare or generic mention (合肥将以高新区, 各个自贸区).
 * Names of other shapes have their own files: a zone abroad and the parties
 * to an agreement (park_abroad.c), a park a company or an institution
 * builds (park_company.c), one that joins two trades (park_joint.c), one
 * two places build, named by their short forms (park_pair.c: 粤澳合作产业园).
 * This file holds the run's words and the lexicon helpers they share
 * (zsi_pk_han_run, zsi_pk_word_at, ...: park_int.h).
 *
 * Invariant: spans are byte ranges of the input at character boundaries.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "park_int.h"

/* Longest name with no place in it, characters. */
#define MAX_BARE_NAME_CHARS 4

typedef struct token {
    size_t start, end;
    int place, level, noun;
    int unknown; /* one character in no lexicon */
} token;

/*
 * The run of Han characters that ends at byte i, read backwards: pos[0] = i
 * and pos[k] is where the k-th character back from i starts, for k = 1..n;
 * returns n. The run stops at floor, after max characters, or at the first
 * character that is not Han; *before (may be NULL) is that character
 * (U_SENTINEL for an ill-formed byte) or RUN_NO_CHAR when floor or max
 * ended the run. pos[] holds max + 1 entries.
 */
size_t zsi_pk_han_run(const char *p, size_t floor, size_t i, size_t max, size_t *pos,
                      UChar32 *before)
{
    size_t n = 0;
    UChar32 c = RUN_NO_CHAR;
    pos[0] = i;
    for (int32_t k = (int32_t)i; k > (int32_t)floor && n < max;) {
        int32_t prev = k;
        UChar32 d;
        U8_PREV(p, (int32_t)floor, prev, d);
        if (!is_han(d)) {
            c = d;
            break;
        }
        k = prev;
        pos[++n] = (size_t)k;
    }
    if (before)
        *before = c;
    return n;
}

/* The longest lexicon word ending at pos[j] of a run of nc characters
 * (pos[] counts back from the suffix): its length in characters (1 when
 * none is known), *fl its classes, *row its places.tsv row. */
size_t zsi_pk_word_at(const zsi_gazetteer *g, const char *p, const size_t *pos, size_t j, size_t nc,
                      unsigned *fl, size_t *row)
{
    *fl = 0;
    for (size_t L = nc - j < MAX_WORD_CHARS ? nc - j : MAX_WORD_CHARS; L >= 1; L--) {
        unsigned f = zsi_words_find(g->words, p + pos[j + L], pos[j] - pos[j + L], row);
        if (f) {
            *fl = f;
            return L;
        }
    }
    return 1;
}

/* A direction word (北部, 东南) is a stop word, but right after a place it is
 * part of the name: 海淀北部科技园区. */
static int is_direction(const char *s, size_t n)
{
    static const char *const DIR[] = {"东部", "西部", "南部", "北部", "中部",
                                      "东北", "西北", "东南", "西南"};
    for (size_t i = 0; i < sizeof DIR / sizeof *DIR; i++)
        if (n == strlen(DIR[i]) && memcmp(s, DIR[i], n) == 0)
            return 1;
    return 0;
}

int zsi_pk_is_lit(const char *s, size_t n, const char *lit)
{
    return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/*
 * A name with a bracketed place (or 国际) inside it, after 中国 or a place:
 * 中国（南昌）人力资源产业园, 中国郑州(国际)工程机械产业园. k is where the
 * words before the suffix start, right after the closing bracket. Returns
 * where the name starts, or (size_t)-1.
 */
static size_t bracket_lead(const zsi_gazetteer *g, const char *p, size_t floor, size_t k)
{
    size_t close, open = (size_t)-1, ob = 0;
    if (k >= floor + 1 && p[k - 1] == ')')
        close = k - 1;
    else if (k >= floor + 3 && memcmp(p + k - 3, "\xEF\xBC\x89", 3) == 0) /* ） */
        close = k - 3;
    else
        return (size_t)-1;
    /* The opening bracket, at most four characters back. */
    for (size_t b = close, chars = 0; b > floor && chars <= 4; chars++) {
        if (p[b - 1] == '(') {
            open = b - 1, ob = 1;
            break;
        }
        if (b >= floor + 3 && memcmp(p + b - 3, "\xEF\xBC\x88", 3) == 0) { /* （ */
            open = b - 3, ob = 3;
            break;
        }
        int32_t i = (int32_t)b;
        UChar32 c;
        U8_PREV(p, (int32_t)floor, i, c);
        if (!is_han(c))
            return (size_t)-1;
        b = (size_t)i;
    }
    if (open == (size_t)-1)
        return (size_t)-1;
    const char *in = p + open + ob;
    size_t inn = close - open - ob;
    if (!zsi_pk_is_lit(in, inn, "国际") && !(zsi_words_find(g->words, in, inn, NULL) & ZSW_PLACE))
        return (size_t)-1;
    size_t s = (size_t)-1;
    for (size_t L = 12; L >= 6 && s == (size_t)-1; L -= 3)
        if (open >= floor + L && (zsi_words_find(g->words, p + open - L, L, NULL) & ZSW_PLACE))
            s = open - L;
    size_t before = s == (size_t)-1 ? open : s;
    if (before >= floor + 6 && memcmp(p + before - 6, "中国", 6) == 0)
        return before - 6;
    return s;
}

/* End of the run before its [infix] words (国家, 省级, 市): 六盘水国家高新区. */
static size_t drop_infix(const zsi_gazetteer *g, const char *p, size_t floor, size_t e)
{
    for (int again = 1; again;) {
        again = 0;
        for (size_t k = 0; k < g->infix.n; k++) {
            const str *w = &g->infix.v[k];
            if (e - floor > w->n && has_suffix(p + floor, e - floor, w->s, w->n)) {
                e -= w->n;
                again = 1;
                break;
            }
        }
    }
    return e;
}

/* Is the two-character word at s a county's name less its 区 or 县, a
 * word of its own as well (光明区 -> 光明新区)? *row gets the county's row.
 * Only before 新区: before other suffixes such words are mostly words
 * (资源开发区, 港口产业园区; 资源县 and 港口区 are counties too). */
static int county_short(const zsi_gazetteer *g, const char *s, size_t *row)
{
    static const char *const END[] = {"\xE5\x8C\xBA", "\xE5\x8E\xBF"}; /* 区, 县 */
    char buf[9];
    memcpy(buf, s, 6);
    for (size_t k = 0; k < 2; k++) {
        memcpy(buf + 6, END[k], 3);
        if ((zsi_words_find(g->words, buf, 9, row) & ZSW_PLACE) &&
            zsi_words_place(g->words, *row, NULL, NULL) == ZSW_COUNTY)
            return 1;
    }
    return 0;
}

/* Is t a city's name (a municipality's included)? */
static int city_word(const zsi_gazetteer *g, const char *p, const token *t)
{
    size_t row;
    const char *city = "";
    if (!t->place)
        return 0;
    zsi_words_find(g->words, p + t->start, t->end - t->start, &row);
    int level = zsi_words_place(g->words, row, &city, NULL);
    return level == ZSW_CITY || (level == ZSW_PROVINCE && city[0]);
}

/* A province or city name of two to four characters that ends one character
 * after byte s (inside the word [s, e)) and starts before s, no earlier than
 * floor (陕西 in 陕西杨凌, where the run was cut 陕|西杨|凌): its level, and
 * *b gets its start; -1 when there is none. */
static int overlapped_place(const zsi_gazetteer *g, const char *p, size_t floor, size_t s, size_t e,
                            size_t *b)
{
    int32_t k = (int32_t)s;
    UChar32 c;
    U8_NEXT(p, k, (int32_t)e, c);
    if ((size_t)k >= e)
        return -1;
    size_t end = (size_t)k;
    *b = s;
    for (int chars = 1; chars <= 3 && *b > floor; chars++) {
        int32_t o = (int32_t)*b;
        U8_PREV(p, (int32_t)floor, o, c);
        if (!is_han(c))
            return -1;
        *b = (size_t)o;
        size_t row;
        if (zsi_words_find(g->words, p + *b, end - *b, &row) & ZSW_PLACE) {
            int level = zsi_words_place(g->words, row, NULL, NULL);
            if (level == ZSW_PROVINCE || level == ZSW_CITY)
                return level;
        }
    }
    return -1;
}

/* Is the suffix at p one that a trade's kind of park takes with no place
 * before it (产业园: 光伏产业园; 物流园区: 冷链物流园区)? */
int zsi_pk_trade_park(const char *p)
{
    return memcmp(p, "\xE4\xBA\xA7\xE4\xB8\x9A\xE5\x9B\xAD", 9) == 0 ||         /* 产业园 */
           memcmp(p, "\xE7\x89\xA9\xE6\xB5\x81\xE5\x9B\xAD\xE5\x8C\xBA", 12) == 0; /* 物流园区 */
}

/* Does the suffix at p name a free trade zone (自贸区, 自由贸易试验区)? */
static int free_trade(const char *p)
{
    return memcmp(p, "\xE8\x87\xAA\xE8\xB4\xB8", 6) == 0 ||                  /* 自贸 */
           memcmp(p, "\xE8\x87\xAA\xE7\x94\xB1\xE8\xB4\xB8\xE6\x98\x93", 12) == 0; /* 自由贸易 */
}

/* Does the name before 经济区 end with an airport's or a port's word? */
static int port_area(const char *s, size_t n)
{
    static const char *const END[] = {"\xE6\xB8\xAF",                     /* 港 */
                                      "\xE4\xB8\xB4\xE7\xA9\xBA",         /* 临空 */
                                      "\xE6\xB8\xAF\xE5\x9F\x8E",         /* 港城 */
                                      "\xE7\xA9\xBA\xE6\xB8\xAF\xE6\x9E\xA2\xE7\xBA\xBD"}; /* 空港枢纽 */
    for (size_t k = 0; k < sizeof END / sizeof *END; k++)
        if (has_suffix(s, n, END[k], strlen(END[k])))
            return 1;
    return 0;
}

/* Is the character at pos[j] a one-character verb (wordclass.txt's verb1)
 * that stands alone: in no longer word, after the run's start or a word
 * that ends there (a place, a stop word, another such verb)? It makes a
 * clause of what it stands in: 绵阳建科技城 (绵阳 builds a 科技城), 将要住进
 * 新区. After an unknown character it may be a name's (杨树浦, 平望). */
static int verb_alone(const zsi_gazetteer *g, const char *p, const size_t *pos, size_t j, size_t nc)
{
    if (!zsi_words_has(g->words, p + pos[j + 1], pos[j] - pos[j + 1], ZSW_VERB1))
        return 0;
    if (j + 1 == nc)
        return 1;
    unsigned fl;
    size_t row, L = zsi_pk_word_at(g, p, pos, j + 1, nc, &fl, &row);
    return fl != 0 ||
           (L == 1 && zsi_words_has(g->words, p + pos[j + 2], pos[j + 1] - pos[j + 2], ZSW_VERB1));
}

/* Hubs that a city names international (北京大兴国际机场, 成都国际铁路港):
 * the zone named after one (临空经济区, 经济开发区) holds its full name. */
static const char *const INTL_HUB[] = {"机场", "铁路港", "陆港", "空港", "航空港", "港"};

/* Length in bytes of a hub's word (INTL_HUB) that starts s[0..n), or 0. */
static size_t hub_at(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof INTL_HUB / sizeof *INTL_HUB; k++) {
        size_t L = strlen(INTL_HUB[k]);
        if (L <= n && memcmp(s, INTL_HUB[k], L) == 0)
            return L;
    }
    return 0;
}

/* How many times 国际 stands in s[0..n) as part of a hub's name (国际机场). */
static size_t intl_hubs(const char *s, size_t n)
{
    static const char INTL[] = "\xE5\x9B\xBD\xE9\x99\x85"; /* 国际 */
    size_t k = 0;
    for (size_t i = 0; i + 6 <= n; i++)
        if (memcmp(s + i, INTL, 6) == 0 && hub_at(s + i + 6, n - i - 6))
            k++;
    return k;
}

/* Is the word w one of list l's? */
static int in_list(const strlist *l, const str *w)
{
    for (size_t k = 0; k < l->n; k++)
        if (l->v[k].n == w->n && memcmp(l->v[k].s, w->s, w->n) == 0)
            return 1;
    return 0;
}

/* Does a [generic] word describe the words s[0..n) after a place
 * (新兴产业高新区)? Not the 国际 of a hub's name (大兴国际机场临空经济区),
 * nor, with trades set (a park's name after a city or a county), a [trade]
 * word: the park's industry (宣城现代服务业产业园区, 寿光现代农业产业园). */
int zsi_pk_describes(const zsi_gazetteer *g, const char *s, size_t n, int trades)
{
    static const char INTL[] = "\xE5\x9B\xBD\xE9\x99\x85"; /* 国际 */
    for (size_t t = 0; t < g->generic.n; t++) {
        const str *w = &g->generic.v[t];
        if (trades && in_list(&g->trade, w))
            continue;
        for (size_t i = 0; i + w->n <= n; i++)
            if (memcmp(s + i, w->s, w->n) == 0 &&
                !(w->n == 6 && memcmp(w->s, INTL, 6) == 0 && hub_at(s + i + 6, n - i - 6)))
                return 1;
    }
    return 0;
}

/* Does the word s[0..n) begin with a numeral or a demonstrative (一处, 两个,
 * 这个, 某家, 各类)? Such a word points at a park and is never its trade:
 * 渝北区一处工业园区 names no zone. */
int zsi_pk_determiner(const char *s, size_t n)
{
    static const char DEM[] = "这那某各每该此本几";
    int32_t i = 0;
    UChar32 c;
    char b[5];
    int32_t bn = 0;

    if (n == 0)
        return 0;
    U8_NEXT(s, i, (int32_t)n, c);
    if (c < 0)
        return 0;
    if (zsi_pk_numeral(c))
        return 1;
    U8_APPEND_UNSAFE(b, bn, c);
    b[bn] = '\0';
    return bn == 3 && strstr(DEM, b) != NULL;
}

/* Is the word that ends at pos[j] (and starts nearest before it, pos[0..nc]
 * as zsi_pk_han_run() gives) a city's or a county's name? */
static int city_or_county_at(const zsi_gazetteer *g, const char *p, const size_t *pos, size_t j,
                             size_t nc)
{
    size_t row;
    unsigned fl;
    zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
    if (!(fl & ZSW_PLACE) || (fl & ZSW_TRIM))
        return 0;
    int level = zsi_words_place(g->words, row, NULL, NULL);
    return level == ZSW_CITY || level == ZSW_COUNTY;
}

/* Is the word that ends at pos[j] a common noun of two or more characters? */
static int noun_at(const zsi_gazetteer *g, const char *p, const size_t *pos, size_t j, size_t nc)
{
    size_t row;
    unsigned fl;
    size_t L = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
    return L > 1 && (fl & ZSW_NOUN) && !(fl & (ZSW_STOP | ZSW_TRIM | ZSW_PLACE));
}

/* Is the word at s (n bytes) an ordinal (第一, 第二): right before a park's
 * suffix it numbers one of a place's or a company's parks (漯河双汇第一
 * 工业园), no stop word there. */
static int ordinal(const char *s, size_t n)
{
    return n == 6 && memcmp(s, "\xE7\xAC\xAC", 3) == 0 &&
           zsi_pk_numeral(first_cp(s + 3, 3)); /* 第 */
}

/* Does p[s..e) hold a locative or a direction word of jieba's dictionary
 * (tags s and f: 城郊, 郊区, 东部)? Such words say where, not who: no
 * brand, though the place lexicon lacks them (在城郊京东冷链物流园区). */
int zsi_pk_where_words(const char *p, size_t s, size_t e)
{
    size_t start[MAX_RUN_CHARS + 1];
    char tag[MAX_RUN_CHARS];
    int w = zsi_lex_cut(p, s, e, start, tag, MAX_RUN_CHARS);
    for (int k = 0; k < w; k++)
        if (tag[k] == 's' || tag[k] == 'f')
            return 1;
    return 0;
}

static int name_edge(const zsi_gazetteer *g, const char *p, size_t floor, int floor_zone, size_t i,
                     int weak, int park, size_t *ps, size_t *pe, int *at_floor);

/*
 * The name when the words after its leftmost place (tok[lp]) describe or run
 * too long, so that place leads no name: 江西省重点项目庐山国际生态科技城
 * (重点 describes, 项目 is a noun) names the zone of the nearer place,
 * 庐山国际生态科技城. The name is read again from the place nearest after
 * tok[lp] (tok[] counts back from the suffix: the leftmost of the places
 * between tok[lp] and the suffix), as if the run began there; 0 when no
 * place is nearer.
 */
static int nearer_place(const zsi_gazetteer *g, const char *p, const token *tok, size_t lp,
                        size_t i, int weak, int park, size_t *ps, size_t *pe, int *at_floor)
{
    for (size_t t = lp; t-- > 0;)
        if (tok[t].place) /* the leftmost of the nearer ones */
            return name_edge(g, p, tok[t].start, 0, i, weak, park, ps, pe, at_floor);
    return 0;
}

static int name_edge(const zsi_gazetteer *g, const char *p, size_t floor, int floor_zone, size_t i,
                     int weak, int park, size_t *ps, size_t *pe, int *at_floor)
{
    size_t pos[MAX_RUN_CHARS + 1], e, te, nc;
    token tok[MAX_RUN_CHARS];
    size_t ntok = 0, j = 0;
    int stopped = 0; /* 1: a stop word ended the run; 2: a verb (verb_alone) */
    int numbered = 0; /* an ordinal right before the suffix (第一工业园) */
    int vnoun = 0;    /* a verb-noun taken as the trade's head (服务产业园) */
    size_t stop_s = 0, stop_e = 0; /* the word that stopped the run */

    e = zsi_pk_drop_aside(p + floor, i - floor) + floor;
    te = drop_infix(g, p, floor, e);
    /* A 新区 bears the name of the district it is or becomes (光明新区, 光明区). */
    int new_area = memcmp(p + i, "\xE6\x96\xB0\xE5\x8C\xBA", 6) == 0; /* 新区 */
    /* A town's or a township's 新区 is its new housing quarter (罗河镇新区):
     * zones are named by counties, cities and provinces. */
    if (new_area && i >= floor + 3 &&
        (memcmp(p + i - 3, "\xE9\x95\x87", 3) == 0 || memcmp(p + i - 3, "\xE4\xB9\xA1", 3) == 0)) /* 镇, 乡 */
        return 0;
    UChar32 before;
    nc = zsi_pk_han_run(p, floor, te, MAX_RUN_CHARS, pos, &before);
    int after_digit = before != RUN_NO_CHAR && u_isdigit(before);
    int after_other = before != RUN_NO_CHAR && !after_digit;
    /* The character after a digit is that number's unit or date (7日, 3家),
     * never a name's first: a dateline glued to its story (本报北京1月7日电
     * 示范区..., the space gone with the layout) names no zone 日电示范区. */
    if (after_digit && nc > 0)
        nc--;
    /* Words from the end, longest first; stop at one no name starts with. */
    while (j < nc) {
        size_t row = 0, best;
        unsigned fl;
        best = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        if ((fl & ZSW_STOP) && !(fl & (ZSW_PLACE | ZSW_TRIM)) && j + best < nc &&
            is_direction(p + pos[j + best], pos[j] - pos[j + best])) {
            size_t row2;
            unsigned fl2;
            zsi_pk_word_at(g, p, pos, j + best, nc, &fl2, &row2);
            if (fl2 & ZSW_PLACE)
                fl = ZSW_WORD;
        }
        /* Before a park's suffix, a stop word right after a city's or a
         * county's name is the park's trade, part of its name: 南浔创意
         * 产业园, 宣城现代服务业产业园区 (创意 a verb, 现代 a time word) */
        if (park && (fl & ZSW_STOP) && !(fl & (ZSW_PLACE | ZSW_TRIM)) && j + best < nc &&
            !zsi_pk_determiner(p + pos[j + best], pos[j] - pos[j + best]) &&
            city_or_county_at(g, p, pos, j + best, nc))
            fl = ZSW_WORD;
        /* ... and so is 国家 there, the park's level (无锡国家数字电影产业园,
         * as 六盘水国家高新区), no word a name is cut after */
        if (park && (fl & ZSW_TRIM) && best == 2 && memcmp(p + pos[j + best], "国家", 6) == 0 &&
            j + best < nc && city_or_county_at(g, p, pos, j + best, nc))
            fl = ZSW_WORD;
        /* ... and a verb-noun right before it after a noun heads that
         * trade (人力资源服务产业园; 服务 alone is a verb: 服务园区企业) */
        if (park && j == 0 && (fl & ZSW_VNOUN) && !(fl & ZSW_PLACE) && j + best < nc &&
            noun_at(g, p, pos, j + best, nc)) {
            fl = ZSW_WORD;
            vnoun = 1;
        }
        if (park && j == 0 && ordinal(p + pos[j + best], pos[j] - pos[j + best])) {
            fl = ZSW_WORD;
            numbered = 1;
        }
        int verb = !fl && best == 1 && verb_alone(g, p, pos, j, nc);
        if ((fl & ZSW_TRIM) || ((fl & ZSW_STOP) && !(fl & ZSW_PLACE)) || verb) {
            stopped = 1 + verb;
            stop_s = pos[j + best];
            stop_e = pos[j];
            break;
        }
        if (!(fl & ZSW_PLACE) && best == 2 && j == 0 && new_area &&
            county_short(g, p + pos[j + best], &row))
            fl = ZSW_PLACE;
        tok[ntok].start = pos[j + best];
        tok[ntok].end = pos[j];
        tok[ntok].place = (fl & ZSW_PLACE) != 0;
        tok[ntok].noun = !tok[ntok].place && (fl & ZSW_NOUN) && best > 1;
        tok[ntok].level = tok[ntok].place ? zsi_words_place(g->words, row, NULL, NULL) : -1;
        tok[ntok].unknown = best == 1 && !fl;
        ntok++;
        j += best;
    }
    *at_floor = floor_zone && !stopped && j == nc && pos[nc] == floor;
    if (after_other && !stopped && j == nc && nc >= 2 && nc <= MAX_PLACE_NAME_CHARS) {
        size_t b = bracket_lead(g, p, floor, pos[nc]);
        int generic = 0;
        for (size_t t = 0; t < g->generic.n && b != (size_t)-1; t++)
            generic |= contains(p + pos[nc], te - pos[nc], &g->generic.v[t]);
        if (b != (size_t)-1 && !generic) {
            *ps = b;
            *pe = e;
            return 1;
        }
    }
    if (!ntok)
        return 0;
    /* The leftmost place starts the name; a province before another place goes. */
    long lp = -1;
    for (size_t t = 0; t < ntok; t++)
        if (tok[t].place)
            lp = (long)t;
    /* After a verb the name is the clause's object: it needs its place
     * (长岭含二氧化碳火山岩气藏示范区 names no zone 气藏示范区). */
    if (stopped == 2 && lp < 0)
        return 0;
    /* A trade headed by a verb-noun is a park's name only after a place:
     * 企业服务园区 alone is a clause (企业 serve the park). */
    if (vnoun && lp < 0)
        return 0;
    size_t s = tok[ntok - 1].start, after = 0; /* after: first byte past the place */
    /* Before a park's suffix, a brand before the place (two to four
     * characters in no lexicon: 海尔合肥工业园) makes it the park a company
     * built in that city, which tests/quality/README.md counts as a zone
     * (海尔（天津）市场创新产业园区): the brand leads its name, so that it
     * is not taken for a zone of the city alone (合肥工业园); not 中 with a
     * partner's initial (中德, 中韩: parks two countries build). */
    size_t brand_s = (size_t)-1;
    if (park && lp >= 0 && ntok - 1 - (size_t)lp >= 2 && ntok - 1 - (size_t)lp <= 4 &&
        memcmp(p + tok[ntok - 1].start, "\xE4\xB8\xAD", 3) != 0) { /* 中 */
        int brand = 1;
        for (size_t t = (size_t)lp + 1; t < ntok && brand; t++)
            brand = tok[t].unknown;
        if (brand && !zsi_pk_where_words(p, tok[ntok - 1].start, tok[lp].start))
            brand_s = tok[ntok - 1].start;
    }
    /* ... and so does a brand in capitals right before the place, where the
     * run of Han characters starts (OPPO东莞工业园: not 东莞工业园). */
    if (park && lp >= 0 && (size_t)lp == ntok - 1 && !stopped && j == nc)
        brand_s = zsi_pk_latin_brand(p, floor, tok[lp].start);
    if (lp >= 0) {
        /* A demonstrative between the place and the suffix (南京市某一工业
         * 园区, 这一园区) points at one of the place's parks and names none. */
        for (size_t t = 0; t < (size_t)lp; t++)
            if (tok[t].unknown && zsi_pk_determiner(p + tok[t].start, tok[t].end - tok[t].start) &&
                !zsi_pk_numeral(first_cp(p + tok[t].start, tok[t].end - tok[t].start)))
                return 0;
        /* A town's short form whose first character ends a word of
         * jieba's begun by the character before it is no place there, but
         * the tail of a name the lexicon lacks (贝克西工业区 abroad: 贝克, not
         * the town 克西); a place there is overlapped_place()'s (陕西杨凌), and
         * a zone's place name (前海湾: 前海) leads the zone's own. */
        size_t w1 = tok[lp].start + (size_t)U8_LENGTH(first_cp(p + tok[lp].start, 3));
        if (tok[lp].level == ZSW_TOWN && (size_t)lp + 1 < ntok && tok[lp + 1].unknown &&
            zsi_lex_is_word(p, tok[lp + 1].start, w1) &&
            !(zsi_words_find(g->words, p + tok[lp + 1].start, w1 - tok[lp + 1].start, NULL) &
              ZSW_PLACE) &&
            zsi_pk_find_alias(g, p + tok[lp + 1].start, w1 - tok[lp + 1].start) == (size_t)-1)
            return 0;
        const char *city = "";
        int level = tok[lp].level;
        if (level == ZSW_PROVINCE) {
            size_t row;
            zsi_words_find(g->words, p + tok[lp].start, tok[lp].end - tok[lp].start, &row);
            zsi_words_place(g->words, row, &city, NULL);
        }
        /* A province before another place goes (江苏海安 -> 海安); a
         * municipality stays (北京天竺综合保税区). */
        if (level == ZSW_PROVINCE && !city[0] && lp > 0 && tok[lp - 1].place)
            lp--;
        s = tok[lp].start;
        after = tok[lp].end;
        /* Words are matched from the right, so a town's short form may take
         * the last character of the province or city before it (陕西杨凌:
         * 西杨 is a township, 西 is 陕西's; 承德大数据: 德大 is one). The
         * name then starts at that city (承德大数据产业园区), or after that
         * province, as a province before a place goes (杨凌示范区), and
         * then what is left must stand as a name alone. */
        size_t ob;
        int ol = tok[lp].level >= ZSW_TOWN ? overlapped_place(g, p, floor, s, tok[lp].end, &ob) : -1;
        if (ol == ZSW_CITY) {
            s = ob;
            after = tok[lp].end;
        } else if (ol == ZSW_PROVINCE) {
            size_t s2 = s + (size_t)(U8_LENGTH(first_cp(p + s, tok[lp].end - s)));
            size_t k = nchars(p + s2, te - s2);
            if (k < 2 || k > MAX_BARE_NAME_CHARS || weak == ZSI_SUF_CITY)
                return 0;
            s = after = s2;
        }
        if (nchars(p + s, te - s) - 2 * intl_hubs(p + s, te - s) > MAX_PLACE_NAME_CHARS)
            return nearer_place(g, p, tok, (size_t)lp, i, weak, park, ps, pe, at_floor);
        /* A weak suffix right after a province names no zone (新疆产业园),
         * but after a municipality it may, as after any city (天津生态城);
         * nor does any suffix right after the country (中国自贸区: the
         * country's free trade zones; 中国乳业产业园 is a name). */
        if (after == te && ((weak && tok[lp].level == ZSW_PROVINCE && !city[0]) ||
                            (after - s == 6 && memcmp(p + s, "中国", 6) == 0)))
            return 0;
        /* A suffix of cities' zones follows right after a city (中新天津生态城). */
        if (weak == ZSI_SUF_CITY && !city_word(g, p, &tok[0]))
            return 0;
        /* A place word from outside the divisions may describe a region:
         * 东北地区新区. A region's 示范区 (长三角一体化示范区) is a
         * programme of its plan, no zone: the State Council's zones of
         * that suffix are listed (zones.tsv). */
        if (tok[lp].level == ZSW_NS) {
            if (zsi_pk_is_lit(p + i, 9, "\xE7\xA4\xBA\xE8\x8C\x83\xE5\x8C\xBA")) /* 示范区 */
                return 0;
            after = s;
        }
    } else {
        /* An ordinal numbers the parks of a place or a company named before
         * it; alone (全省第一工业园) it names none. */
        if (numbered)
            return 0;
        /* With no place, a common noun ends the name's description: 所在地汾湖. */
        size_t china = (size_t)-1;
        for (size_t t = 0; t < ntok; t++)
            if (tok[t].noun) {
                s = tok[t].end;
                /* Unless it is the country leading the name: 中国乳业产业园. */
                if (t == ntok - 1 && t > 0 &&
                    zsi_pk_is_lit(p + tok[t].start, s - tok[t].start, "中国"))
                    china = tok[t].start;
                /* A [generic] noun there describes what follows too: 生态文明
                 * 示范区 is a title, no zone 文明示范区. */
                for (size_t w = 0; w < g->generic.n && china == (size_t)-1; w++)
                    if (tok[t].end - tok[t].start == g->generic.v[w].n &&
                        memcmp(p + tok[t].start, g->generic.v[w].s, g->generic.v[w].n) == 0)
                        return 0;
                break;
            }
        /* So does a [generic] word that stopped the run right before the
         * name (旅游连片示范区: a kind of area for tourism, no zone 连片). */
        if (stopped && s == tok[ntok - 1].start && stop_e == s)
            for (size_t w = 0; w < g->generic.n; w++)
                if (stop_e - stop_s == g->generic.v[w].n &&
                    memcmp(p + stop_s, g->generic.v[w].s, g->generic.v[w].n) == 0)
                    return 0;
        size_t k = nchars(p + s, te - s);
        if (k < 2 || k > MAX_BARE_NAME_CHARS || weak == ZSI_SUF_CITY)
            return 0;
        /* 产业园 with no place before it is a trade's kind of park (光伏产业园,
         * 蓝莓产业园, 螺蛳粉产业园; 冷链物流园区), no one park: the industry names it, where
         * 工业园 and 科技园 take a quarter's own name (栗雨工业园). Not the
         * parks China builds with a partner, named by a place abroad (罗兹
         * 产业园) or by 中 and the partner's initial (中白产业园). */
        if (china == (size_t)-1 && zsi_pk_trade_park(p + i) &&
            !zsi_words_has(g->words, p + s, te - s, ZSW_FOREIGN) &&
            !(k == 2 && memcmp(p + s, "\xE4\xB8\xAD", 3) == 0)) /* 中 */
            return 0;
        /* ... and a common noun of jieba's alone before any park's suffix
         * names its product, no quarter (饮品工业园 of 凉茶中药养生饮品工业园:
         * a company's drinks plant); a quarter's own name is a name (栗雨). */
        if (china == (size_t)-1 && park) {
            size_t start[3];
            char tag[2];
            if (zsi_lex_cut(p, s, te, start, tag, 2) == 1 && tag[0] == 'n')
                return 0;
        }
        after = s;
        if (china != (size_t)-1)
            s = china;
    }
    /* 环 before a place makes a region of it (环渤海经济区, 环太湖): the
     * economic area around the sea or lake, no zone. */
    if (te >= s + 6 && memcmp(p + s, "\xE7\x8E\xAF", 3) == 0 && /* 环 */
        !(zsi_words_find(g->words, p + s, 6, NULL) & ZSW_PLACE))
        return 0;
    /* The words after the place must not describe: 新兴产业高新区; but a
     * hub's own name (国际机场, 国际铁路港) is a name, not a description. */
    int trades = park && lp >= 0 && (tok[lp].level == ZSW_CITY || tok[lp].level == ZSW_COUNTY);
    /* (国家 after the city is its level, above: no description) */
    size_t level = trades && te - after > 6 && memcmp(p + after, "国家", 6) == 0 ? 6 : 0;
    if (zsi_pk_describes(g, p + after + level, te - after - level, trades))
        return lp >= 0 ? nearer_place(g, p, tok, (size_t)lp, i, weak, park, ps, pe, at_floor) : 0;
    /* China's free trade zones are named by a place, their province's or
     * city's (or a quarter's: 南沙, 前海); a name that is no division and
     * holds China as one party (中日韩, 中海; after a town's short form too:
     * 中韩, a town of Hebei) is an agreement. (Names of parties abroad only,
     * 北美, 东盟, are dropped below.) */
    if (free_trade(p + i) && (lp < 0 || tok[lp].level >= ZSW_TOWN) &&
        zsi_pk_party_china(p + s, te - s))
        return 0;
    /* 经济区 names a zone around an airport or a port (临空经济区, 空港经济区,
     * 港城经济区); otherwise a region of a plan (中原经济区, 海峡西岸经济区). */
    if (memcmp(p + i, "\xE7\xBB\x8F\xE6\xB5\x8E\xE5\x8C\xBA", 9) == 0 && !port_area(p + s, te - s)) /* 经济区 */
        return 0;
    /* A name right after a place abroad, or one that starts with one, is a
     * zone abroad (俄罗斯奥卡工业园区, 迪拜杰贝阿里工业区, 巴西马瑙斯自贸区)
     * and leads with that place, as a zone of China leads with its city; or
     * an agreement or a bloc when a free trade area's name holds parties
     * only (欧盟—乌克兰自贸区, 东盟自贸区, 巴西自贸区), no zone; nor is a
     * city's new town abroad (塔什干新城). A name led by China as a party
     * (中白工业园) keeps its own start. */
    if (zsi_pk_abroad(g, p, floor, s, te, !park)) {
        size_t fs = zsi_pk_party_china(p + s, te - s) ? s : zsi_pk_abroad_start(g, p, floor, s);
        if (weak == ZSI_SUF_CITY || (free_trade(p + i) && zsi_pk_parties_only(g, p + fs, te - fs)))
            return 0;
        s = fs;
    }
    if (brand_s != (size_t)-1)
        s = brand_s;
    /* The country before a city leads a park's name that the city's trade
     * names (中国贵阳人力资源服务产业园, 中国郑州工程机械产业园): a park
     * news names as the nation's, the same as 中国乳业产业园 with no city. */
    else if (trades && (size_t)lp + 1 < ntok && tok[lp + 1].end == s &&
             zsi_pk_is_lit(p + tok[lp + 1].start, s - tok[lp + 1].start, "中国"))
        s = tok[lp + 1].start;
    *ps = s;
    *pe = e;
    return 1;
}

/* Does the name s[0..n) hold a word of a zone's trade or of a transport
 * hub (苏州高铁新城, 江阴临港新城, 产业新城)? */
static int zone_word(const char *s, size_t n)
{
    static const char *const W[] = {"空港", "临港", "临空", "高铁", "航空", "产业", "工业", "科技"};
    for (size_t k = 0; k < sizeof W / sizeof *W; k++)
        if (memmem(s, n, W[k], strlen(W[k])))
            return 1;
    return 0;
}

int zsi_pk_name_edge(const zsi_gazetteer *g, const char *p, size_t floor, int floor_zone, size_t i,
                     int weak, int park, size_t *ps, size_t *pe, int *at_floor)
{
    if (!name_edge(g, p, floor, floor_zone, i, weak, park, ps, pe, at_floor))
        return 0;
    /* A list item starts at its separator: one character cut between a 、
     * and a place is the first of the name (浦东、外高桥保税区: 外 is a
     * direction word elsewhere), as a list holds no preposition or verb. */
    if (*ps >= floor + 6 && memcmp(p + *ps - 6, "\xE3\x80\x81", 3) == 0) {
        int32_t k = (int32_t)*ps;
        UChar32 c;
        U8_PREV(p, (int32_t)floor, k, c);
        int place = 0;
        for (size_t L = 6; L <= 3 * MAX_RUN_CHARS && *ps + L <= i && !place; L += 3)
            place = (zsi_words_find(g->words, p + *ps, L, NULL) & ZSW_PLACE) != 0;
        if (is_han(c) && (size_t)k == *ps - 3 && place)
            *ps = (size_t)k;
    }
    /* A 新城 is a city's new town (康巴什新城, 珠江新城, 钱江新城, 戈壁新城),
     * a place to live and shop, unless it is part of a zone: right after the
     * zone's name (西咸新区秦汉新城), or named for a hub or a trade. The
     * new areas' 新城 that an approval names are listed (zones.tsv). */
    if (memcmp(p + i, "\xE6\x96\xB0\xE5\x9F\x8E", 6) == 0 && /* 新城 */
        !(floor_zone && *at_floor) && !zone_word(p + *ps, i - *ps))
        return 0;
    return 1;
}

size_t zsi_pk_tidy(const zsi_gazetteer *g, char *s, size_t n)
{
    /* A city's 市 inside a name goes (武汉市东湖高新区 -> 武汉东湖高新区); so
     * does the whole city before another place (开封市开封新区 -> 开封新区). */
    for (size_t k = 3 * 2; k + 3 < n && k <= 3 * 5; k += 3) {
        size_t row, rest = k + 3;
        const char *city = "";
        if (memcmp(s + k, "\xE5\xB8\x82", 3) != 0) /* 市 */
            continue;
        unsigned f = zsi_words_find(g->words, s, k + 3, &row);
        int level = (f & ZSW_PLACE) ? zsi_words_place(g->words, row, &city, NULL) : -1;
        if (!(level == ZSW_CITY || (level == ZSW_PROVINCE && city[0])) ||
            nchars(s + rest, n - rest) < 2)
            break;
        int place_next = 0;
        for (size_t L = 6; L <= 3 * 6 && rest + L <= n && !place_next; L += 3)
            place_next = (zsi_words_find(g->words, s + rest, L, NULL) & ZSW_PLACE) != 0;
        /* ... unless what is left is a listed zone of another city: the
         * city then tells whose zone of that name it is (南通市滨海新区 is
         * 南通's, 滨海新区 Tianjin's), and only its 市 goes. */
        const char *zn = place_next ? zsi_park_canonical(g, s + rest, n - rest) : NULL;
        size_t zc = zn ? zsi_pk_find_name(g, zn, strlen(zn)) : (size_t)-1;
        if (zc != (size_t)-1) {
            const char *zcity = g->meta[zc].city;
            if (zcity && *zcity && strcmp(zcity, "-") != 0 &&
                !(strlen(zcity) == k + 3 && memcmp(zcity, s, k + 3) == 0))
                place_next = 0;
        }
        size_t cut = place_next ? 0 : k, drop = place_next ? rest : 3;
        memmove(s + cut, s + cut + drop, n - cut - drop);
        n -= drop;
        s[n] = '\0';
        break;
    }
    return n;
}

int zsi_pk_inner_words(const zsi_gazetteer *g, const char *p, size_t floor, size_t i)
{
    size_t pos[MAX_RUN_CHARS + 1], j = 0;
    /* the words are all Han, from floor on */
    size_t nc = zsi_pk_han_run(p, floor, i, MAX_RUN_CHARS, pos, NULL);
    if (pos[nc] > floor)
        return 0;
    while (j < nc) {
        size_t row;
        unsigned fl;
        size_t best = zsi_pk_word_at(g, p, pos, j, nc, &fl, &row);
        int stop = (fl & ZSW_STOP) && !(fl & ZSW_PLACE);
        /* A verb inside describes the trade (装备制造, 军民融合); the
         * name starts with none (启动产业园) and holds no one-character
         * stop word (的, 在) nor a [trim] word (打造). */
        if ((fl & ZSW_TRIM) || (stop && (best < 2 || j + best == nc)))
            return 0;
        j += best;
    }
    return 1;
}

int zsi_pk_numeral(UChar32 c)
{
    static const char NUM[] = "一二三四五六七八九十百千万两";
    char b[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(b, n, c);
    b[n] = '\0';
    return n == 3 && strstr(NUM, b) != NULL;
}

int zsi_pk_cut_char(const zsi_gazetteer *g, const char *s, size_t n)
{
    for (size_t k = 0; k < g->cut.n; k++)
        if (g->cut.v[k].n == n && memcmp(g->cut.v[k].s, s, n) == 0)
            return 1;
    return 0;
}
