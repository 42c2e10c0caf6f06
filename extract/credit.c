/*
 * credit.c - which figures of a passage its zone may be credited with.
 *
 * A passage about a zone also prints figures of its city, its province, the
 * country or a company (六盘水市地区生产总值达1777.75亿元, 某某集团有限公司
 * 营业收入10亿元): those are not the zone's. A figure is withheld from the
 * zone when, in its sentence before it, the nearest subject is such a name
 * and no zone is named between that name and the figure:
 *  - a province, city or county of the place-name lexicon (六盘水市, 贵阳),
 *  - a collective place word (全市, 全省, 全国, 我市, 本市, 该市 ...),
 *  - a company (a word ending in 公司, 集团).
 * A name right after a comparison word (占全市的30%, 比全省高) is no subject;
 * nor is a place that starts a longer site name (潮州中炬产业转移园) or a
 * dateline (本报北京5月19日电), a place in brackets after a name (某某众创空间
 * （南昌）), or one inside a zone's name (the county 安新 in 雄安新区) or
 * a bare zone word (the county 城北区 in 科学城北区, 大园区 in 三大园区).
 * A zone that is an item of the subject's 、-list, with other places or
 * sites (北京、天津、河北雄安新区等17个试点地区合计), is no zone named between:
 * the list is the subject, and its figure the group's.
 * Which zones are named where comes from one pass of the zone finder over the
 * whole passage (zsi_parks_mentions()), not from finding zones again in each
 * piece of it: a name is read with the words around it, as the passage's
 * zones were.
 *
 * Invariants: pure text and spans in, flags out; allocates nothing; the place
 * lexicon is metric.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "figure_int.h"
#include "extract_int.h"
#include "metric_int.h"

/* How far back in its sentence a figure's subject is looked for (bytes). */
#define SUBJECT_BYTES 240
/* Longest place name tried (characters). */
#define MAX_PLACE_CHARS 5
/* Longest rest of a title after a company word in it (characters). */
#define MAX_TITLE_CHARS 10

/* ； or ;: a sentence's end for most readers here, passed over by some */
static int is_semicolon(unsigned cp)
{
    return cp == 0xFF1B || cp == ';';
}

static int is_sentence_end(unsigned cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == '!' || cp == 0xFF1F || cp == '?' ||
           is_semicolon(cp) || cp == '\n';
}

/* Characters that end the name of a park-like place (潮州中炬产业转移园,
 * 中关村E谷 aside): a place name that starts one is no subject. */
static int ends_site(unsigned cp)
{
    return cp == 0x56ED /* 园 */ || cp == 0x533A /* 区 */ || cp == 0x57CE /* 城 */ ||
           cp == 0x6E2F /* 港 */ || cp == 0x5730 /* 地 */;
}

/*
 * Is the place name at p[s..e) (a word of the lexicon) a setting rather
 * than a subject: the start of a longer name ending in 园/区/城/港/基地 (with
 * no break before it), of a dateline (本报北京5月19日电), or a qualifier in
 * brackets after a name (某某众创空间（南昌）)?
 */
static int place_is_setting(const char *p, size_t s, size_t e, size_t end)
{
    size_t q = e, chars = 0;
    unsigned last = 0;

    if (s >= 3 && memcmp(p + s - 3, "\xEF\xBC\x88", 3) == 0 && end - e >= 3 &&
        memcmp(p + e, "\xEF\xBC\x89", 3) == 0)
        return 1; /* （南昌） */
    while (q < end && chars < 10) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, end - q, &cp);
        if (cp == 0x7535) /* 电: 北京5月19日电 */
            return 1;
        if (!(cp >= 0x3400 && cp < 0xA000) && !(cp >= '0' && cp <= '9'))
            break; /* the name ends at punctuation */
        last = cp;
        q += l;
        chars++;
    }
    return chars > 0 && ends_site(last);
}

/* 占 比 较 于 超 高 低 居: a place after these is compared with, not the subject. */
static int is_comparison(unsigned cp)
{
    return cp == 0x5360 || cp == 0x6BD4 || cp == 0x8F83 || cp == 0x4E8E || cp == 0x8D85 ||
           cp == 0x9AD8 || cp == 0x4F4E || cp == 0x5C45;
}

static const char *const collective[] = {
    "\xE5\x85\xA8\xE5\xB8\x82", /* 全市 */ "\xE5\x85\xA8\xE7\x9C\x81", /* 全省 */
    "\xE5\x85\xA8\xE5\x9B\xBD", /* 全国 */ "\xE5\x85\xA8\xE5\x8E\xBF", /* 全县 */
    "\xE5\x85\xA8\xE5\xB7\x9E", /* 全州 */ "\xE6\x88\x91\xE5\xB8\x82", /* 我市 */
    "\xE6\x88\x91\xE7\x9C\x81", /* 我省 */ "\xE6\x88\x91\xE5\x9B\xBD", /* 我国 */
    "\xE6\x9C\xAC\xE5\xB8\x82", /* 本市 */ "\xE8\xAF\xA5\xE5\xB8\x82", /* 该市 */
    "\xE8\xAF\xA5\xE7\x9C\x81", /* 该省 */ "\xE5\x85\xA8\xE7\x90\x83", /* 全球 */
};

static const char *const company[] = {
    "\xE5\x85\xAC\xE5\x8F\xB8", /* 公司 */ "\xE9\x9B\x86\xE5\x9B\xA2", /* 集团 */
};

/* Is p[s..q) a place name of the lexicon (zsi_place_word()) or a place
 * abroad (data/foreign.txt: 新加坡, 德国) that starts a word? A country's
 * figures are its own, as a province's are (新加坡接待中国内地旅客约341.7万
 * 人次, in an article on the zone the two countries run); a name inside
 * another word (万象 of 万象更新) is none. One lookup of the lexicon answers
 * both (zsi_words_find_all()): the walk back over a figure's sentence asks
 * at every character, and the second lookup was 0.8% of an index run. */
static int place_or_abroad(const char *p, size_t s, size_t q, size_t e)
{
    int data_ok = zsi_metric_data() == 0; /* first, as zsi_place_word() asks */
    const zsi_words *w = zsi_mplaces();
    const char *city, *province;
    size_t row, ws, we;
    unsigned hidden = 0, flags = w ? zsi_words_find_all(w, p + s, q - s, &row, &hidden) : 0;
    if (data_ok && (flags & ZSW_PLACE_)) {
        int level = zsi_words_place(w, row, &city, &province);
        if (level >= 0 && level <= ZSW_COUNTY_)
            return 1;
    }
    return (hidden & ZSW_FOREIGN_) && !zsi_lex_inside(p, 0, s, e, &ws, &we) &&
           !zsi_lex_inside(p, 0, q, e, &ws, &we);
}

/* Does a subject other than a zone start at byte i of p[s..e), the
 * character before it being prev (0 at s)? *is_place: it is a place. A place
 * that a bare zone word of g overlaps in part is none: the characters are the
 * zone word's (科学城北区, the science city's northern part, not the county
 * 城北区, which jieba's 科学|城北|区 hides; 三大园区, three parks, not the
 * county 大园区). */
static int other_subject_at(const zsi_gazetteer *g, const char *p, size_t i, size_t e,
                            unsigned cp, unsigned prev, int *is_place)
{
    int hit = 0;
    size_t k;
    if (cp < 0x3400 || is_comparison(prev))
        return 0;
    /* 向全国输出, 与全球领先的企业联手, 卖到了全球: a collective
     * after 向, 与 or 了 is what the act reaches, not who acts */
    if (prev != 0x5411 && prev != 0x4E0E && prev != 0x4E86) /* 向 与 了 */
        for (k = 0; k < sizeof collective / sizeof collective[0] && !hit; k++)
            hit = e - i >= 6 && memcmp(p + i, collective[k], 6) == 0;
    for (k = 0; k < sizeof company / sizeof company[0] && !hit; k++)
        hit = e - i >= 6 && memcmp(p + i, company[k], 6) == 0;
    if (hit) {
        *is_place = 0;
        return 1;
    }
    size_t q = i, chars = 0;
    while (q < e && chars < MAX_PLACE_CHARS && !hit) {
        unsigned c2;
        q += zsi_utf8_decode(p + q, e - q, &c2);
        chars++;
        hit = chars >= 2 && place_or_abroad(p, i, q, e) &&
              !place_is_setting(p, i, q, e);
    }
    if (hit && zsi_bare_word_overlaps(g, p, e, i, q))
        hit = 0;
    if (hit)
        *is_place = 1;
    return hit;
}

/*
 * Where the last subject other than a zone starts in p[s..e), or (size_t)-1.
 * The walk goes back from e and stops at the first one: a passage's later
 * figures looked back over all of it (zsi_figures_credit_unnamed()) when a
 * walk from s tried every character before the figure. Each character's
 * test reads only the text from it up to e, so both walks find the same one
 * (p is valid UTF-8: decode.c's invariant).
 */
static size_t last_other_subject(const zsi_gazetteer *g, const char *p, size_t s, size_t e,
                                 int *is_place)
{
    size_t i = e;
    while (i > s) {
        size_t l = zsi_utf8_prev(p, i), at = i - l;
        unsigned cp, prev = 0;
        zsi_utf8_decode(p + at, l, &cp);
        if (at > s)
            zsi_utf8_before(p, at, &prev);
        if (other_subject_at(g, p, at, e, cp, prev, is_place))
            return at;
        i = at;
    }
    return (size_t)-1;
}

/* Where the last verb of setting (位于, 地处, 坐落, 落户) stands in p[s..e), or
 * (size_t)-1: what it names is where the subject before it is. */
static size_t setting_at(const char *p, size_t s, size_t e)
{
    static const char *const verbs[] = {
        "\xE4\xBD\x8D\xE4\xBA\x8E", /* 位于 */ "\xE5\x9C\xB0\xE5\xA4\x84", /* 地处 */
        "\xE5\x9D\x90\xE8\x90\xBD", /* 坐落 */ "\xE8\x90\xBD\xE6\x88\xB7", /* 落户 */
    };
    size_t i, k, best = (size_t)-1;
    for (i = s; i + 6 <= e; i++)
        for (k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
            if (memcmp(p + i, verbs[k], 6) == 0)
                best = i;
    return best;
}

/* Start of the sentence that holds byte e of p (after its end mark), or
 * the character where it would be more than max bytes long; semicolons
 * set: its semicolons passed over (after a 。！？ or a line's end only). */
static size_t sentence_start(const char *p, size_t e, size_t max, int semicolons)
{
    size_t s = e;
    while (s > 0 && e - s < max) {
        size_t l = zsi_utf8_prev(p, s);
        unsigned cp;
        zsi_utf8_decode(p + s - l, l, &cp);
        if (is_sentence_end(cp) && !(semicolons && is_semicolon(cp)))
            break;
        s -= l;
    }
    return s;
}

/* Does the sentence piece that starts at byte s follow a semicolon? */
static int s_after_semicolon(const char *p, size_t s)
{
    unsigned cp = 0;
    if (s == 0)
        return 0;
    zsi_utf8_before(p, s, &cp);
    return is_semicolon(cp);
}

/* Does skip(p, q, s, place) reject the subject at byte q (place: it is a
 * place) of the text before s? */
typedef int subject_skip(const char *p, size_t q, size_t s, int place);

/*
 * Where the last subject other than a zone starts in p[b..s), or (size_t)-1,
 * passing over a place inside a word of p[b..e) (the county 新建 in 创新建立;
 * e is the figure, where the words are read up to), with after_at set a
 * subject after 在 or 于, and what skip (or NULL) rejects. A place after 在 or
 * 于 is where things stand (综合实力在全国…中排名第三), the subject one that
 * a zone may be.
 */
static size_t subject_walk(const zsi_gazetteer *g, const char *p, size_t b, size_t s, size_t e,
                           int after_at, subject_skip *skip)
{
    int place = 0;
    size_t q;
    for (q = last_other_subject(g, p, b, s, &place); q != (size_t)-1;
         q = last_other_subject(g, p, b, q, &place)) {
        size_t ws, we;
        unsigned prev = 0;
        if (after_at && q > b)
            zsi_utf8_before(p, q, &prev);
        if (prev == 0x5728 || prev == 0x4E8E) /* 在 于 */
            continue;
        if (skip && skip(p, q, s, place))
            continue;
        if (!place || !zsi_lex_inside(p, b, q, e, &ws, &we))
            break;
    }
    return q;
}

/*
 * The subject other than a zone of the clauses before the semicolon that
 * byte s follows, back to their sentence's start (a 。！？ or a line's end,
 * at most SUBJECT_BYTES before s), or (size_t)-1: where the last one starts
 * that is no place inside a word (the county 新建 in 创新建立; e is the
 * figure, where the words are read up to) nor a place after 在 or 于.
 */
static size_t first_clause_subject(const zsi_gazetteer *g, const char *p, size_t s, size_t e)
{
    size_t b = sentence_start(p, s - zsi_utf8_prev(p, s), SUBJECT_BYTES, 1);
    return subject_walk(g, p, b, s, e, 1, NULL);
}

/* Is a zone named in p[s..e): a mention that ends after s and starts before
 * e? One that starts before s holds the subject found at s in its name (the
 * county 安新 in 雄安新区): the zone is the subject then. */
static int zone_within(const zsi_park_mention *m, size_t nm, size_t s, size_t e)
{
    for (size_t k = 0; k < nm; k++)
        if (m[k].end > s && m[k].start < e)
            return 1;
    return 0;
}

/* Most characters of one item of a list of places and zones (重庆两江新区等). */
#define LIST_ITEM_CHARS 8

static int is_han_cp(unsigned cp)
{
    return cp >= 0x3400 && cp < 0xA000;
}

/* Most items of a list looked at. */
#define LIST_ITEMS 16

/*
 * Does item p[a..b) of a list name a place, a company or a zone of its own:
 * a subject in it (北京城市副中心, 全市; an item cut at LIST_ITEM_CHARS may
 * start with the words before the list), or a zone mention that starts in
 * it (河北雄安新区)?
 */
static int item_names(const zsi_gazetteer *g, const char *p, size_t a, size_t b, size_t e,
                      const zsi_park_mention *m, size_t nm)
{
    unsigned cp, prev = 0;
    int is_place;
    for (size_t i = a; i < b; prev = cp) {
        size_t l = zsi_utf8_decode(p + i, b - i, &cp);
        if (other_subject_at(g, p, i, b, cp, prev, &is_place))
            return 1;
        i += l;
    }
    for (size_t k = 0; k < nm; k++)
        if (m[k].start >= a && m[k].start < b)
            return 1;
    /* a site of its own (某某中药产业创业园, 南部新区): the item ends where
     * its name does, in 园, 区, 城, 港 or 地 */
    zsi_utf8_before(p, b, &cp);
    if (!ends_site(cp))
        return 0;
    unsigned next = 0;
    if (b >= e)
        return 1;
    zsi_utf8_decode(p + b, e - b, &next);
    return next == 0x3001 || !is_han_cp(next);
}

/*
 * The 、-list of short items of Han characters that the subject at q of
 * p[s..e) is an item of, as [*L, *R), when two items or more of it name a
 * place, a company or a zone each (北京、天津、河北雄安新区、重庆两江新区等);
 * else 0. An item ends at a 、, at any other character, or after
 * LIST_ITEM_CHARS. A zone's own offices listed (某某开发区工委、管委) name
 * one thing: no list of subjects.
 */
static int list_span(const zsi_gazetteer *g, const char *p, size_t s, size_t q, size_t e,
                     const zsi_park_mention *m, size_t nm, size_t *L, size_t *R)
{
    size_t at[LIST_ITEMS][2], nat = 0, i = q, j = q;
    /* the items from q's on */
    for (;;) {
        size_t chars = 0, a = i;
        unsigned cp = 0;
        while (i < e && chars < LIST_ITEM_CHARS) {
            size_t l = zsi_utf8_decode(p + i, e - i, &cp);
            if (!is_han_cp(cp) || cp == 0x3001)
                break;
            i += l;
            chars++;
        }
        if (chars && nat < LIST_ITEMS) {
            at[nat][0] = a;
            at[nat++][1] = i;
        }
        if (i >= e || cp != 0x3001 || chars == 0 || chars == LIST_ITEM_CHARS)
            break;
        i += 3; /* 、 */
    }
    /* q's item may start before q (河北 before 雄安新区), and items before it */
    for (int first = 1;; first = 0) {
        size_t chars = 0, l, b = j;
        unsigned cp = 0;
        while (j > s && chars < LIST_ITEM_CHARS) {
            l = zsi_utf8_before(p, j, &cp);
            if (!is_han_cp(cp) || cp == 0x3001)
                break;
            j -= l;
            chars++;
        }
        if (first && nat)
            at[0][0] = j;
        else if (chars && nat < LIST_ITEMS) {
            at[nat][0] = j;
            at[nat++][1] = b;
        }
        if (j <= s || chars == LIST_ITEM_CHARS)
            break;
        l = zsi_utf8_before(p, j, &cp);
        if (cp != 0x3001)
            break;
        j -= l;
    }
    size_t named = 0;
    for (size_t k = 0; k < nat; k++)
        named += (size_t)item_names(g, p, at[k][0], at[k][1], e, m, nm);
    *L = j;
    *R = i;
    return named >= 2;
}

/*
 * Is a zone named in p[q..e) that stands apart from the subject at q? A zone
 * that is an item of the subject's 、-list (北京、天津、河北雄安新区、重庆两江
 * 新区等17个试点地区合计3.9万亿元) is not: the list is the subject, and the
 * figure the group's.
 */
static int zone_apart(const zsi_gazetteer *g, const char *p, const zsi_park_mention *m, size_t nm,
                      size_t s, size_t q, size_t e)
{
    size_t L = 0, R = 0;
    int listed = list_span(g, p, s, q, e, m, nm, &L, &R);
    for (size_t k = 0; k < nm; k++)
        if (m[k].end > q && m[k].start < e && !(listed && m[k].start >= L && m[k].end <= R))
            return 1;
    return 0;
}

/* End of the sentence that holds byte e of p[0..n): its end mark's place. */
static size_t sentence_end(const char *p, size_t e, size_t n)
{
    while (e < n) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + e, n - e, &cp);
        if (is_sentence_end(cp))
            break;
        e += l;
    }
    return e;
}

/*
 * Is the place at byte q the setting of a zone named before it in its clause
 * (某某综合保税区规划选址在|上海市东南角, 某某产业园在|荥阳开工建设)? A place
 * after 在 or 于 tells where the zone stands, and the zone is the subject.
 */
static int zone_setting(const char *p, const zsi_park_mention *m, size_t nm, size_t s, size_t q)
{
    unsigned prev;
    size_t l;
    if (q <= s)
        return 0;
    l = zsi_utf8_before(p, q, &prev);
    if (prev != 0x5728 && prev != 0x4E8E) /* 在 于 */
        return 0;
    for (size_t k = nm; k-- > 0;) {
        if (m[k].end > q - l || m[k].start < s)
            continue;
        for (size_t i = m[k].end; i < q - l;) {
            unsigned cp;
            i += zsi_utf8_decode(p + i, q - l - i, &cp);
            if (cp == 0xFF0C || cp == ',' || cp == 0x3002 || is_semicolon(cp))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* Does the subject word at byte q of p[..e) end a quoted term or stand in
 * a title (“园区—平台公司”双轨办法, 《某某集团手册》): its company word is
 * followed by ”, or by the rest of the title up to its 》, and names no one
 * who acts? */
static int names_term(const char *p, size_t q, size_t e)
{
    size_t k, i, chars;
    for (k = 0; k < sizeof company / sizeof company[0]; k++)
        if (e - q >= 9 && memcmp(p + q, company[k], 6) == 0)
            break;
    if (k == sizeof company / sizeof company[0])
        return 0;
    if (memcmp(p + q + 6, "\xE2\x80\x9D", 3) == 0) /* ” */
        return 1;
    for (i = q + 6, chars = 0; i < e && chars <= MAX_TITLE_CHARS; chars++) {
        unsigned cp;
        i += zsi_utf8_decode(p + i, e - i, &cp);
        if (cp == 0x300B) /* 》 */
            return 1;
        if (cp < 0x3400 || cp >= 0xA000)
            return 0; /* the title ends at punctuation, or it is none */
    }
    return 0;
}

/* Is the place at byte q of p[..e) a native place (湖北籍旅客): who is
 * from there is the subject, not the place, and no later sentence keeps it. */
static int native_place(const char *p, size_t q, size_t e)
{
    size_t i = q, chars = 0;
    while (i < e && chars < MAX_PLACE_CHARS) {
        unsigned cp;
        i += zsi_utf8_decode(p + i, e - i, &cp);
        chars++;
        if (chars >= 2 && e - i >= 3 && memcmp(p + i, "\xE7\xB1\x8D", 3) == 0 && /* 籍 */
            place_or_abroad(p, q, i, e))
            return 1;
    }
    return 0;
}

/* Is the subject at byte q of p[..e) the country or the world (全国, 全球)?
 * In a zone's passage they are what the zone is measured against (销往全球
 * 三十多个市场, 具有全球影响力的), seldom the subject that a later sentence
 * keeps: a province or a city is (全省……。截至目前，……超过80%). */
static int is_wide(const char *p, size_t q, size_t e)
{
    static const char *const wide[] = {
        "\xE5\x85\xA8\xE5\x9B\xBD", /* 全国 */ "\xE5\x85\xA8\xE7\x90\x83", /* 全球 */
    };
    for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
        if (e - q >= 6 && memcmp(p + q, wide[k], 6) == 0)
            return 1;
    return 0;
}

/*
 * Does the subject of the sentences before the figure's (p[0..s)) hold on
 * to the figure, whose own sentence names none: a city, a province or a
 * company named there after the passage's last zone and bare zone word
 * (全省开发区规上工业企业数增长了24.9%。截至目前，战略性新兴产业产值占全省
 * 比重超过80%: 80% is the province's; 一家制鞋企业……。某某公司今年已接单
 * 38万双)? A place inside a word or after 在 or 于 (在上海举行的签约会上)
 * is none, as in first_clause_subject(), nor a native place (湖北籍).
 */
static int earlier_skip(const char *p, size_t q, size_t s, int place)
{
    if (place && setting_at(p, zsi_clause_start(p, 0, q), q) != (size_t)-1)
        return 1; /* 某某开发区位于贵州省安顺市。 */
    if (place && native_place(p, q, s))
        return 1;
    return names_term(p, q, s) || is_wide(p, q, s);
}

static int earlier_subject_holds(const zsi_gazetteer *g, const char *p, size_t s, size_t e,
                                 const zsi_park_mention *m, size_t nm)
{
    size_t q = subject_walk(g, p, 0, s, e, 1, earlier_skip);
    return q != (size_t)-1 && !zone_within(m, nm, q, e) && !zsi_has_bare_park_ref(g, p + q, e - q);
}

void zsi_figures_credit(const zsi_gazetteer *g, const char *p, size_t n, const zsi_figure *f,
                        size_t nf, const zsi_park_mention *m, size_t nm, unsigned char *withheld)
{
    for (size_t i = 0; i < nf; i++) {
        size_t e = f[i].start, s = sentence_start(p, e, SUBJECT_BYTES, 0), q, v, c;
        int place = 0;
        withheld[i] = 0;
        q = last_other_subject(g, p, s, e, &place);
        while (q != (size_t)-1 && place && zone_setting(p, m, nm, s, q))
            q = last_other_subject(g, p, s, q, &place);
        /* 某区生产总值居全市第一；高新技术企业超过1万家: a clause after a
         * semicolon with no subject of its own is its sentence's first
         * clause's, whose subject holds on to the 。 */
        if (q == (size_t)-1 && s_after_semicolon(p, s)) {
            size_t q2 = first_clause_subject(g, p, s, e);
            /* a zone named since, or a bare word in the figure's clause
             * (…；园区新增企业120家), is the subject nearer the figure */
            if (q2 != (size_t)-1 && !zone_within(m, nm, q2, e) &&
                !zsi_has_bare_park_ref(g, p + s, e - s)) {
                withheld[i] = 1;
                continue;
            }
        }
        /* a zone or a bare zone word anywhere in the figure's sentence
         * (…新增企业140家，大多入驻园区) is its subject */
        if (q == (size_t)-1 && nm && !zone_within(m, nm, s, sentence_end(p, e, n)) &&
            !zsi_has_bare_park_ref(g, p + s, sentence_end(p, e, n) - s) &&
            earlier_subject_holds(g, p, s, e, m, nm)) {
            withheld[i] = 1;
            continue;
        }
        if (q == (size_t)-1) {
            /* 某区出台政策……。按损失本金的70%给予补偿……。“推动某某科学城建设”;
             * 全市开工项目56个……。此外，还有某某产业园项目: a figure whose
             * sentence and those before it name no zone is not the zone the
             * passage names only later, whether or not an earlier sentence
             * names a place or a company: the passage turns to the zone
             * after it, as to one item of what it tells (a zone's own
             * figure comes after its name, or in the sentence that names it) */
            if (nm && m[0].start >= sentence_end(p, e, n))
                withheld[i] = 1;
            continue;
        }
        v = setting_at(p, q, e);
        if (v == (size_t)-1) {
            /* 六盘水市 ... 六盘水高新区 ...: the zone is nearer; 北京、天津、
             * 雄安新区等地: it is one of the subject's list */
            withheld[i] = !zone_apart(g, p, m, nm, s, q, e);
            continue;
        }
        /* 某某有限公司位于常德经济技术开发区，占地800余亩: the zone of the 位于
         * clause is where the subject stands, not a nearer subject; only zones
         * outside that clause count */
        for (c = v; c < e;) {
            unsigned cp;
            size_t l = zsi_utf8_decode(p + c, e - c, &cp);
            if (cp == 0xFF0C || cp == ',' || cp == 0x3001)
                break;
            c += l;
        }
        withheld[i] = !zone_within(m, nm, q, v) && !(c < e && zone_within(m, nm, c, e));
    }
}

/*
 * A passage that names no zone itself (its zone taken from its story or
 * its article: 在经开区的支持下 ... or a paragraph under the zone's headline)
 * tells of whatever its sentences name. A company's or a city's paragraph
 * (走进某某电子有限公司，……1050位员工已到岗; 某某项目首期投产……；二期项目累计投资
 * 15亿元) keeps its subject from sentence to sentence, where a paragraph
 * about the zone says so again with a bare word (园区, 高新区) nearer the
 * figure than any other subject. So the figure's subject is looked for back
 * to the passage's start, not only in its sentence.
 */
void zsi_figures_credit_unnamed(const zsi_gazetteer *g, const char *p, size_t n,
                                const zsi_figure *f, size_t nf, unsigned char *withheld)
{
    (void)n;
    for (size_t i = 0; i < nf; i++) {
        size_t e = f[i].start, q;
        if (withheld[i])
            continue; /* its own sentence's subject already withholds it */
        /* over several sentences a name's characters turn up inside other
         * words (the county 新建 in 创新建立): a place that is a subject
         * starts a word (公司 ends its word: 有限公司) */
        q = subject_walk(g, p, 0, e, e, 0, NULL);
        if (q != (size_t)-1 && !zsi_has_bare_park_ref(g, p + q, e - q))
            withheld[i] = 1;
    }
}

/* Does mention k lead another's name: the one printed right after it, with
 * nothing between (两江新区|水土工业园, 北京中关村|科学城: a nested name is
 * two mentions, the zone it lies in and the rest)? */
static int leads_name(const zsi_park_mention *m, size_t nm, size_t k)
{
    for (size_t j = 0; j < nm; j++)
        if (j != k && m[j].start == m[k].end)
            return 1;
    return 0;
}

/*
 * The one zone the mentions that start in [s, e) name, else NULL. A nested
 * name (两江新区水土工业园; 中关村科学城, the nickname 中关村 and the rest)
 * names the zone it spells out whole: the zone at its head only tells where
 * that one lies, and a figure of the sentence is the named zone's. A zone
 * named on its own as well (两江新区水土工业园……，两江新区……) makes two.
 * *any: some mention starts there.
 */
static const char *sole_zone(const zsi_park_mention *m, size_t nm, size_t s, size_t e, int *any)
{
    const char *one = NULL, *whole = NULL;
    int several = 0, wholes = 0;
    *any = 0;
    for (size_t k = 0; k < nm; k++) {
        if (m[k].start < s || m[k].start >= e)
            continue;
        *any = 1;
        if (one && strcmp(one, m[k].name))
            several = 1;
        one = m[k].name;
        if (!leads_name(m, nm, k)) {
            if (whole && strcmp(whole, m[k].name))
                wholes = 2;
            whole = m[k].name;
            wholes += !wholes;
        }
    }
    if (!several)
        return one;
    return wholes == 1 ? whole : NULL;
}

/* The one zone named in the clause of p[s..e) that ends at byte e (after
 * the last ，or ；), else NULL and *several stays 1: none or two there. */
static const char *clause_zone(const char *p, size_t s, size_t e, const zsi_park_mention *m,
                               size_t nm, int *several)
{
    size_t c = e;
    while (c > s) {
        size_t l = zsi_utf8_prev(p, c);
        unsigned cp;
        zsi_utf8_decode(p + c - l, l, &cp);
        if (cp == 0xFF0C || cp == 0xFF1B || cp == ',' || cp == ';')
            break;
        c -= l;
    }
    int any;
    const char *one = sole_zone(m, nm, c, e, &any);
    if (one)
        *several = 0;
    return one;
}

void zsi_figures_nearest(const char *p, size_t n, const zsi_figure *f, size_t nf,
                         const zsi_park_mention *m, size_t nm, char *const *names, size_t nnames,
                         unsigned char *credit)
{
    for (size_t i = 0; i < nf; i++) {
        size_t e = f[i].start;
        if (credit[i] == 1)
            continue;
        /* the nearest sentence before the figure that names a zone */
        for (;;) {
            size_t s = sentence_start(p, e, (size_t)-1, 0);
            int any = 0;
            const char *one = sole_zone(m, nm, s, e, &any);
            int several = any && !one;
            /* its own sentence names several: the one zone named in the
             * figure's clause before it (甲产业园的企业增长一成，乙产业园企业
             * 到岗率达95%: 95% is 乙's); an earlier sentence's last clause
             * says nothing of the figure (…乙产业园企业增多。两园共投资30亿元) */
            if (several && e == f[i].start)
                one = clause_zone(p, s, e, m, nm, &several);
            /* no zone named before it (“……园区产值突破2.6万亿元……”北京
             * 中关村科学城提出目标): the passage's one zone, if it names one
             * whole */
            if (!any && s == 0) {
                one = sole_zone(m, nm, 0, n, &any);
                several = any && !one;
            }
            if (any && !several)
                for (size_t k = 0; k < nnames && k + ZSI_CREDIT_ZONE <= 255; k++)
                    if (!strcmp(names[k], one))
                        credit[i] = (unsigned char)(ZSI_CREDIT_ZONE + k);
            if (any || s == 0)
                break;
            e = s - zsi_utf8_prev(p, s); /* before the end mark */
        }
    }
}
