/*
 * park_bare.c - bare zone words (高新区, 园区, 开发区 ...) a text uses on its
 * own, with no name before them: where one stands alone (not in an
 * administrative list, a title, a compound that names a kind, a listed
 * name), the first and the next such word, and a 园区 that ends a compound
 * (工程机械园区) with the two characters that modify it.
 *
 * Invariant: every word returned is borrowed from the gazetteer's [bare]
 * list or the text.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract_int.h"
#include "park_int.h"
#include "segment_int.h"

int zsi_has_bare_park_ref(const zsi_gazetteer *g, const char *p, size_t n)
{
    return zsi_pk_bare_word(g, p, n) != NULL;
}

int zsi_bare_word_overlaps(const zsi_gazetteer *g, const char *p, size_t n, size_t i, size_t q)
{
    if (!g || i >= q || q > n)
        return 0;
    for (size_t k = 0; k < g->bare.n; k++) {
        const str *w = &g->bare.v[k];
        /* every start before i from which w reaches past i, and every
         * start inside (i, q) */
        for (size_t s = i >= w->n ? i - w->n + 1 : 0; s < q; s++)
            if (s != i && s + w->n <= n && memcmp(p + s, w->s, w->n) == 0)
                return 1;
    }
    return 0;
}

const char *zsi_pk_bare_word(const zsi_gazetteer *g, const char *p, size_t n)
{
    size_t at;
    return zsi_pk_bare_word_at(g, p, n, &at);
}

/* Where the sentence that byte i of p is in starts (after its 。！？). */
static size_t sentence_start(const char *p, size_t i)
{
    static const char *const END[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"};
    for (size_t k = i; k >= 3; k--)
        for (size_t e = 0; e < sizeof END / sizeof *END; e++)
            if (memcmp(p + k - 3, END[e], 3) == 0)
                return k;
    return 0;
}

/* Does the UTF-8 text p[0..n) hold the literal lit? */
static int holds(const char *p, size_t n, const char *lit)
{
    return memmem(p, n, lit, strlen(lit)) != NULL;
}

/*
 * Characters after which a 园区 stands alone (the park of the story: 同园区,
 * 我们园区, 入驻园区, 在该工业园区). After any other Han character it is the
 * tail of a compound naming a kind of park, not a zone: 创业园区, 职教园区,
 * 港口产业园区, 绿心园区, 智慧园区 - a thing of its own, which the story's zone
 * is not.
 */
static const char *const PARK_ALONE_AFTER[] = {
    "的", "了", "该", "本", "这", "此", "其", "们", "我", "同", "在", "为", "进", "入", "到", "和",
    "与", "及", "对", "向", "从", "由", "将", "把", "被", "给", "让", "至", "往", "驻", "是", "回",
    "出", "个", "全", "各",
    /* verbs of going to or being at a place */
    "离开", "走进", "来到", "进入", "入驻", "位于", "走出", "搬进", "落户", "扎根", "走访", "参观",
    "考察"};

/* Trades that a 园区 may carry and still stand alone (所在的工业园区). */
static const char *const PARK_TRADES[] = {"工业", "产业", "科技"};

/* Does the kind-less bare word at p[i..) stand alone? When not, *mod gets
 * where the two characters before it start (its trade passed over). 全 and
 * 同 before it count only when they end no longer word: 全园区 is the whole
 * park and 同园区 the same one, while 安全示范区 and 不同园区 are kinds. */
static int park_alone(const zsi_gazetteer *g, const char *p, size_t i, size_t *mod)
{
    for (size_t t = 0; t < sizeof PARK_TRADES / sizeof *PARK_TRADES; t++)
        if (has_suffix(p, i, PARK_TRADES[t], strlen(PARK_TRADES[t]))) {
            i -= strlen(PARK_TRADES[t]);
            break;
        }
    /* two Han characters before it, else no modifier ((size_t)-1) */
    *mod = (size_t)-1;
    if (i >= 6) {
        int32_t o = (int32_t)i;
        UChar32 c1, c2;
        U8_PREV(p, 0, o, c1);
        U8_PREV(p, 0, o, c2);
        if (is_han(c1) && is_han(c2) && (size_t)o == i - 6)
            *mod = (size_t)o;
    }
    if (i == 0)
        return 1;
    int32_t b = (int32_t)i;
    UChar32 c;
    U8_PREV(p, 0, b, c);
    if (!is_han(c))
        return 1;
    for (size_t k = 0; k < sizeof PARK_ALONE_AFTER / sizeof *PARK_ALONE_AFTER; k++) {
        size_t wn = strlen(PARK_ALONE_AFTER[k]);
        if (!has_suffix(p, i, PARK_ALONE_AFTER[k], wn))
            continue;
        if ((!strcmp(PARK_ALONE_AFTER[k], "全") || !strcmp(PARK_ALONE_AFTER[k], "同")) && b >= 3) {
            int32_t a = b;
            U8_PREV(p, 0, a, c);
            if (is_han(c) && zsi_words_find(g->words, p + a, i - (size_t)a, NULL))
                continue;
        }
        return 1;
    }
    return 0;
}

/* Does an item of at most LIST_ITEM_CHARS characters name a place's
 * government (县, 镇, 乡, 村, 街道, 区领导, 县（市）区)? */
#define LIST_ITEM_CHARS 8
static int admin_item(const char *p, size_t n)
{
    static const char *const ADMIN[] = {"县", "镇", "乡", "村", "街", "社区", "区领导", "区政府"};
    for (size_t k = 0; k < sizeof ADMIN / sizeof *ADMIN; k++)
        if (holds(p, n, ADMIN[k]))
            return 1;
    return 0;
}

/*
 * Is the bare word at p[i..e) an item of a list of a place's units (各县区
 * 政府、开发区管委会; 县（市）区、开发区; 区领导、园区、镇街; 村、社区和园区)?
 * Then it means every zone of the place, none in particular.
 */
static int in_admin_list(const char *p, size_t n, size_t i, size_t e)
{
    static const char *const JOIN[] = {"、", "和", "及", "与"};
    for (size_t k = 0; k < sizeof JOIN / sizeof *JOIN; k++) {
        size_t jn = strlen(JOIN[k]);
        if (has_suffix(p, i, JOIN[k], jn)) {
            size_t b = i - jn, chars = 0;
            while (b > 0 && chars < LIST_ITEM_CHARS) {
                int32_t o = (int32_t)b;
                UChar32 c;
                U8_PREV(p, 0, o, c);
                if (c == 0x3001 || c == 0xFF0C || c == 0x3002 || c == 0xFF1B) /* 、，。； */
                    break;
                b = (size_t)o;
                chars++;
            }
            if (admin_item(p + b, i - jn - b))
                return 1;
        }
    }
    if (n - e >= 3 && memcmp(p + e, "、", 3) == 0) {
        size_t f = e + 3, chars = 0;
        while (f < n && chars < LIST_ITEM_CHARS) {
            int32_t o = (int32_t)f;
            UChar32 c;
            U8_NEXT(p, o, (int32_t)n, c);
            if (c == 0x3001 || c == 0xFF0C || c == 0x3002 || c == 0xFF1B)
                break;
            f = (size_t)o;
            chars++;
        }
        if (admin_item(p + e + 3, f - e - 3))
            return 1;
    }
    return 0;
}

/* Characters of a list item looked at before a compound 园区's modifier. */
#define ITEM_LEAD_CHARS 6

/*
 * Is the compound 园区 whose modifier starts at byte mo (and whose 园区
 * ends at e) an item of a 、-list: a 、 right after it, or right before the
 * run of Han characters that ends in its modifier? Items listed so are the
 * names of places of their own (科学装置集中区、中科大高新园区、…), no
 * reference to the story's park.
 */
static int listed_compound(const char *p, size_t n, size_t mo, size_t e)
{
    if (n - e >= 3 && memcmp(p + e, "、", 3) == 0)
        return 1;
    size_t b = mo;
    for (int k = 0; k < ITEM_LEAD_CHARS && b > 0; k++) {
        int32_t o = (int32_t)b;
        UChar32 c;
        U8_PREV(p, 0, o, c);
        if (c == 0x3001) /* 、 */
            return 1;
        if (!is_han(c))
            return 0;
        b = (size_t)o;
    }
    return b >= 3 && memcmp(p + b - 3, "、", 3) == 0;
}

/*
 * Is the bare word at byte i joined by 和, 及, 与 or 、 to a zone kind
 * (国家自主创新示范区和高新区, 保税区、开发区)? In a passage that names no
 * zone (the only one whose bare word is read), kinds listed together speak
 * of zones in general.
 */
static int joined_to_kind(const char *p, size_t i)
{
    static const char *const JOIN[] = {"、", "和", "及", "与"};
    for (size_t k = 0; k < sizeof JOIN / sizeof *JOIN; k++) {
        size_t jn = strlen(JOIN[k]);
        if (!has_suffix(p, i, JOIN[k], jn) || i < jn + 3)
            continue;
        size_t b = i - jn;
        if (has_suffix(p, b, "区", 3) || has_suffix(p, b, "园", 3))
            return 1;
    }
    return 0;
}

/* Longest book or column title looked at around a bare word (bytes). */
#define MAX_TITLE_BYTES 120

/*
 * Is p[i..e) inside a title in book-title marks (《高新区新闻》, 《开发区
 * 风采》)? A column's, a book's or a plan's name speaks of such zones in
 * general, none the story is about.
 */
static int in_title(const char *p, size_t n, size_t i, size_t e)
{
    static const char OPEN[] = "\xE3\x80\x8A", CLOSE[] = "\xE3\x80\x8B"; /* 《 》 */
    size_t b = i, f = e;
    for (; b >= 3 && i - b < MAX_TITLE_BYTES; b--) {
        if (memcmp(p + b - 3, CLOSE, 3) == 0)
            return 0;
        if (memcmp(p + b - 3, OPEN, 3) == 0)
            break;
    }
    if (b < 3 || i - b >= MAX_TITLE_BYTES)
        return 0;
    for (; f + 3 <= n && f - e < MAX_TITLE_BYTES; f++) {
        if (memcmp(p + f, OPEN, 3) == 0)
            return 0;
        if (memcmp(p + f, CLOSE, 3) == 0)
            return 1;
    }
    return 0;
}

/* Does a bare word end at p[e] (e > 0)? */
static int bare_ends_at(const zsi_gazetteer *g, const char *p, size_t e)
{
    for (size_t b = 0; b < g->bare.n; b++) {
        const str *w = &g->bare.v[b];
        if (w->n <= e && (!w->n || p[e - w->n] == w->s[0]) && memcmp(p + e - w->n, w->s, w->n) == 0)
            return 1;
    }
    return 0;
}

/* Last characters of the bare words sought with memchr, at most; with
 * more, every byte is looked up in bare_last. */
#define BARE_TAILS 8

/* Does a bare word (开发区, 园区) occur in p[0..n)? The words end in few
 * characters (区 and 城), so memchr finds their last bytes and the two
 * before are checked: looking up every byte of every passage in bare_last
 * was 1.5% of `zhaoshu index` (callgrind, 1,500 realnews-dev articles). */
static int any_bare(const zsi_gazetteer *g, const char *p, size_t n)
{
    char tail[BARE_TAILS][3];
    size_t ntail = 0;
    if (g->bare_last[4] & 1)
        return 1; /* an empty word is everywhere */
    for (size_t b = 0; b < g->bare.n && ntail <= BARE_TAILS; b++) {
        const str *w = &g->bare.v[b];
        size_t k = 0;
        if (w->n < 3 || ((unsigned char)w->s[w->n - 3] & 0xF0) != 0xE0) {
            ntail = BARE_TAILS + 1; /* a word that ends otherwise */
            break;
        }
        while (k < ntail && memcmp(tail[k], w->s + w->n - 3, 3) != 0)
            k++;
        if (k == ntail && ntail++ < BARE_TAILS)
            memcpy(tail[k], w->s + w->n - 3, 3);
    }
    if (ntail > BARE_TAILS) {
        for (size_t e = 1; e <= n; e++) {
            unsigned char c = (unsigned char)p[e - 1];
            if ((g->bare_last[c / 64] >> (c % 64) & 1) && bare_ends_at(g, p, e))
                return 1;
        }
        return 0;
    }
    for (size_t k = 0; k < ntail; k++) {
        const char *h = memchr(p, tail[k][2], n);
        for (; h; h = memchr(h + 1, tail[k][2], n - (size_t)(h + 1 - p)))
            if (h - p >= 2 && h[-2] == tail[k][0] && h[-1] == tail[k][1] &&
                bare_ends_at(g, p, (size_t)(h + 1 - p)))
                return 1;
    }
    return 0;
}

const char *zsi_pk_bare_word_at(const zsi_gazetteer *g, const char *p, size_t n, size_t *at)
{
    const char *mod = NULL;
    const char *w = zsi_pk_bare_word_mod(g, p, n, at, &mod);
    return mod ? NULL : w;
}

/* Does a modifier end at byte i of p, so that the bare word there is
 * another thing's name (一体化示范区, 融合发展示范区, 创业园区): no verb or function word of
 * one or two characters (来合作区检查, 进入园区) right before it? */
static int modified(const zsi_gazetteer *g, const char *p, size_t i)
{
    for (size_t L = 3; L <= 6 && L <= i; L += 3) {
        unsigned fl = zsi_words_find(g->words, p + i - L, L, NULL);
        /* a verb-noun names the kind (发展示范区, 合作区 of 融合发展) */
        if (((fl & ZSW_STOP) && !(fl & ZSW_VNOUN)) ||
            (L == 3 && zsi_words_has(g->words, p + i - L, L, ZSW_VERB1)))
            return 0;
    }
    return i >= 3;
}

/* Does a common noun of two characters (产业, 行业) end at byte i of p? */
static int noun_before(const zsi_gazetteer *g, const char *p, size_t i)
{
    if (i < 6)
        return 0;
    unsigned fl = zsi_words_find(g->words, p + i - 6, 6, NULL);
    return (fl & (ZSW_NOUN | ZSW_WORD)) && !(fl & (ZSW_PLACE | ZSW_STOP | ZSW_TRIM));
}

/* Does the character at byte i of p end a word of two characters that
 * starts at the character before it (提高 in 提高新区)? The caller has a bare
 * word of two Han characters or more at i: three bytes there are text. */
static int starts_word_before(const zsi_gazetteer *g, const char *p, size_t i)
{
    if (i < 3)
        return 0;
    int32_t b = (int32_t)i, f = (int32_t)i, lim = (int32_t)i + 3;
    UChar32 c, d;
    U8_PREV(p, 0, b, c);
    U8_NEXT(p, f, lim, d); /* lim apart: the macro reads its length after moving f */
    return is_han(c) && is_han(d) && zsi_words_find(g->words, p + b, (size_t)f - (size_t)b, NULL);
}

/* A 开发区 that ends a high-tech zone's long form standing alone (在高新技术
 * 产业开发区, 的高新技术开发区) is a bare 高新区: as 开发区 it would mean the
 * story's 经开区, or its city's. Returns the [bare] word the text at byte
 * i means: w itself, or the gazetteer's 高新区. */
static const char *long_form_kind(const zsi_gazetteer *g, const char *p, size_t i, const char *w)
{
    static const char *const HIGH_TECH[] = {"高新技术产业", "高新技术", "高技术产业"};
    if (strcmp(w, "开发区") != 0)
        return w;
    for (size_t k = 0; k < sizeof HIGH_TECH / sizeof *HIGH_TECH; k++)
        if (has_suffix(p, i, HIGH_TECH[k], strlen(HIGH_TECH[k])))
            for (size_t b = 0; b < g->bare.n; b++)
                if (strcmp(g->bare.v[b].s, "高新区") == 0)
                    return g->bare.v[b].s;
    return w;
}

/* A bare word's bit in a set of them (the 64th and later share one). */
static uint64_t bit(size_t b)
{
    return (uint64_t)1 << (b < 63 ? b : 63);
}

/* zsi_pk_bare_word_mod() and zsi_pk_bare_word_next(): the first bare word
 * standing alone at or after byte from; the words before it are read all the
 * same, as they set words aside or make the passage speak in general. */
static const char *bare_word_from(const zsi_gazetteer *g, const char *p, size_t n, size_t from,
                                  size_t *at, const char **mod)
{
    mentions m = {0};
    const char *found = NULL, *compound = NULL;
    size_t compound_at = 0, compound_mod = 0;

    *mod = NULL;

    if (!g || !p || !n)
        return 0;
    /* Most passages hold no bare word at all: look before finding mentions. */
    if (!any_bare(g, p, n))
        return 0;
    if (zsi_pk_find_mentions(g, p, n, &m) != 0) {
        zsi_pk_mentions_free(&m);
        return 0;
    }
    int general = 0;
    size_t skip = 0; /* a word set aside ends here: 新区 in 高新区 is no word */
    /* Bare words this passage printed first as another thing's (石桥镇新区,
     * 一体化示范区, 创业园区, “示范区”): the same word alone later in it
     * goes on about that thing (…一体化示范区建设。…示范区中吴江的面积),
     * not about a zone its story named before. */
    uint64_t other = 0;
    for (size_t i = 0; i < n && !found && !general; i++) {
        if (((unsigned char)p[i] & 0xC0) == 0x80 || i < skip)
            continue;
        for (size_t b = 0; b < g->bare.n; b++) {
            const str *w = &g->bare.v[b];
            /* the word's last and first bytes inline: this runs at every
             * character of a passage that holds a bare word somewhere, for
             * every word (memcmp's calls were 1.3% of `zhaoshu index`) */
            if (w->n > n - i || (w->n && (p[i + w->n - 1] != w->s[w->n - 1] || p[i] != w->s[0])) ||
                memcmp(p + i, w->s, w->n) != 0)
                continue;
            if (zsi_pk_covered_end(&m, i))
                break;
            /* 提高新区, 创新区: the 高 or 新 that starts the word ends a
             * word begun before it (提高, 创新); a 新区 may follow */
            if ((strcmp(w->s, "高新区") == 0 || strcmp(w->s, "新区") == 0) &&
                starts_word_before(g, p, i))
                continue;
            size_t e = i + w->n;
            /* 开发区域: 开发 and 区域, no zone */
            if (n - e >= 3 && memcmp(p + e, "域", 3) == 0) {
                skip = e;
                break;
            }
            /* A town's 新区 (石桥镇新区, 黄桥乡开发区) is a quarter of the
             * town, named by it, no reference to the story's zone; nor is
             * a word that an [after] word makes another thing's (新区居委会,
             * 新区店). */
            if (i >= 3 && (memcmp(p + i - 3, "镇", 3) == 0 || memcmp(p + i - 3, "乡", 3) == 0)) {
                other |= bit(b);
                skip = e;
                break;
            }
            if (!zsi_pk_suffix_ends(g, p, n, e)) {
                skip = e;
                break;
            }
            /* A noun right before 高新区 (战略性新兴产业高新区) makes a kind
             * of zone, no reference; a place's name there is a name the
             * patterns read, a verb (入驻高新区) leaves the word alone. */
            if (strcmp(w->s, "高新区") == 0 && noun_before(g, p, i)) {
                other |= bit(b);
                skip = e;
                break;
            }
            /* 生态文明示范区, 科技创新合作区: a kind of area a plan names,
             * not the story's zone; alone (该示范区, 在合作区) it may be */
            size_t mo;
            if ((strcmp(w->s, "示范区") == 0 || strcmp(w->s, "合作区") == 0) &&
                !park_alone(g, p, i, &mo)) {
                if (modified(g, p, i))
                    other |= bit(b);
                skip = e;
                break;
            }
            /* 创业园区, 职教园区: a kind of park, not the story's. Its
             * modifier may name the story's park (工程机械园区 for 中国郑州
             * (国际)工程机械产业园: mod_referent() in park_story.c), but not
             * after 的: there it is a kind described, the park a plan means
             * to build (打造高水平的创新园区), whatever words the story's park
             * shares (市场创新产业园区); nor in a 、-list, where it is an
             * item's own name (listed_compound). */
            if (strcmp(w->s, "园区") == 0 && !park_alone(g, p, i, &mo)) {
                if (!compound && mo != (size_t)-1 &&
                    !(mo >= 3 && memcmp(p + mo - 3, "\xE7\x9A\x84", 3) == 0) && /* 的 */
                    !listed_compound(p, n, mo, e)) {
                    compound = w->s;
                    compound_at = i;
                    compound_mod = mo;
                }
                if (modified(g, p, i))
                    other |= bit(b);
                skip = e;
                break;
            }
            /* A word in quotes of its own (“科学城”, ‘园区’) is the word
             * itself, a kind talked about: 打造更多‘科技大道’‘科学城’
             * speaks of science cities in general, none the story named. */
            if (in_admin_list(p, n, i, e) || joined_to_kind(p, i) || in_title(p, n, i, e) ||
                (zsi_pk_quote_at(p, n, i, 1) && zsi_pk_quote_at(p, n, e, 0))) {
                other |= bit(b);
                skip = e;
                break;
            }
            if (other & bit(b)) {
                skip = e;
                break;
            }
            /* 全省开发区, 93家开发区: zones in general, not the article's;
             * so is one in a sentence a province or city speaks in (我省
             *积极推进开发区改革), and every bare word after one of these
             * in the passage: it goes on about zones in general. */
            for (size_t s = 0; s < g->scope.n && !general; s++)
                general = has_suffix(p, i, g->scope.v[s].s, g->scope.v[s].n);
            size_t ss = sentence_start(p, i);
            for (size_t s = 0; s < g->voice.n && !general; s++)
                general = memmem(p + ss, i - ss, g->voice.v[s].s, g->voice.v[s].n) != NULL;
            /* A province's zones (四川的产业园区) are zones in general. */
            for (size_t d = i; !general && d + 9 >= i && d >= 9; d -= 3) {
                if (memcmp(p + d - 3, "\xE7\x9A\x84", 3) != 0) /* 的 */
                    continue;
                for (size_t L = 6; L <= 15 && L + 3 <= d && !general; L += 3) {
                    size_t row;
                    if (zsi_words_find(g->words, p + d - 3 - L, L, &row) & ZSW_PLACE)
                        general = zsi_words_place(g->words, row, NULL, NULL) == ZSW_PROVINCE;
                }
                break;
            }
            /* 自贸区战略, 开发区政策: the policy, not a zone; a bare word
             * after it may still be the story's zone (对自贸区战略…, 建设
             * 自贸区: the zone the policy built). */
            int policy = 0;
            for (size_t s = 0; s < g->policy.n && !general && !policy; s++)
                policy = g->policy.v[s].n <= n - e &&
                         memcmp(p + e, g->policy.v[s].s, g->policy.v[s].n) == 0;
            if (policy) {
                skip = e;
                break;
            }
            if (!general && i < from) {
                skip = e;
                break;
            }
            if (!general) {
                found = long_form_kind(g, p, i, w->s);
                *at = i;
            }
            break;
        }
    }
    zsi_pk_mentions_free(&m);
    if (!found && compound && !general && from == 0) {
        found = compound;
        *at = compound_at;
        *mod = p + compound_mod;
    }
    return found;
}

const char *zsi_pk_bare_word_mod(const zsi_gazetteer *g, const char *p, size_t n, size_t *at,
                                 const char **mod)
{
    return bare_word_from(g, p, n, 0, at, mod);
}

const char *zsi_pk_bare_word_next(const zsi_gazetteer *g, const char *p, size_t n, size_t from,
                                  size_t *at)
{
    const char *mod = NULL;
    return bare_word_from(g, p, n, from, at, &mod);
}
