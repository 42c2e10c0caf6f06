/*
 * park_story.c - which zone a bare reference (高新区, 园区, 开发区 standing
 * alone) means: the zone of its own story.
 *
 * An article is read in order. Within a story, a bare word refers to the
 * nearest zone named before it: in an earlier passage of the story, the
 * story's headline, or a sub-heading. A story starts with the article, and
 * again at each headline block after running text whose first passage opens
 * with a dateline (本报讯, 本报北京10月21日电, 新华社…电): a page of briefs,
 * each with its title and dateline, is one story per brief, while the
 * sub-headings of a long report keep its zone. A body passage that opens with
 * a dateline after running text also starts a story (briefs with no titles),
 * and so does a headline block a byline signs (本报记者 X under a section's
 * heading: each reporter's section of a page is a story of its own), and
 * so does whatever follows a signature at a section's foot (本报记者 X整理:
 * a page of delegates' statements, one section each).
 * A bare word of a kind (高新区, 经开区, 新区 ...) means a zone of that kind
 * only: after 襄阳经开区, a bare 高新区 is another zone. With no zone of its
 * kind named before it in its story, a bare 高新区, 经开区, 开发区 or 综保区
 * means that zone of the city its story names nearest before the story first
 * says the word (or later in that sentence), when the gazetteer has one (a
 * story about 合肥 that says 高新区: 合肥高新区), as a reader takes it; a
 * city named only in a later sentence is somewhere else (开发区… 在青岛等地). Else no zone: a guess from
 * elsewhere in the article would file a brief under its neighbour's zone.
 * (A bare 新区 takes no city's: it is also a city's new district or an oil
 * field's new block.) A bare 示范区 or 合作区 means only a zone of that name
 * the story named (杨凌示范区, 前海深港现代服务业合作区): alone, these words are
 * more often a plan's kind of area than a zone.
 * A bare 自贸区 with none of its kind named before it in its story means
 * the first free trade zone (or 片区) its section names after it.
 * A nickname (中关村, 光谷, 泰达) is taken in a passage only when the passage
 * speaks of zones (park.c); in a passage that names no zone, one of a zone
 * the article names elsewhere is that zone too (中关村管委会 in a story whose
 * other paragraph says 示范区, or under a headline that says 中关村科学城).
 */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "extract_int.h"
#include "park_int.h"

/* Longest line that is a signature alone (本报记者 王明 李红整理). */
#define SIGNATURE_CHARS 20

/* Characters at a passage's start searched for a dateline's end (电, 讯). */
#define DATELINE_CHARS 24

static int starts_with(const char *p, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(p, lit, k) == 0;
}

/* Does the passage open with a dateline (本报讯, 本报X月X日电, 新华社…电)?
 * A dateline ends at its 电 or 讯 before any sentence's comma or stop: 据悉，
 * 公司…西电埃及 and 据介绍，…电子 open a paragraph of text, which a story
 * runs on through. */
static int opens_with_dateline(const char *p, size_t n)
{
    static const char *const STOP[] = {"，", "。", "；", "！", "？"};
    size_t chars = 0, i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    p += i;
    n -= i;
    if (!(starts_with(p, n, "本报") || starts_with(p, n, "新华社") || starts_with(p, n, "【") ||
          starts_with(p, n, "据") || starts_with(p, n, "（记者")))
        return 0;
    for (i = 0; i < n && chars < DATELINE_CHARS; i++) {
        if (((unsigned char)p[i] & 0xC0) == 0x80)
            continue;
        chars++;
        if (starts_with(p + i, n - i, "电") || starts_with(p + i, n - i, "讯") ||
            starts_with(p + i, n - i, "】"))
            return 1;
        for (size_t k = 0; k < sizeof STOP / sizeof *STOP; k++)
            if (starts_with(p + i, n - i, STOP[k]))
                return 0;
    }
    return 0;
}

/* Does a headline line carry a byline (本报记者 王明)? */
static int signs(const char *p, size_t n)
{
    while (n && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    return starts_with(p, n, "本报记者") || starts_with(p, n, "新华社记者") ||
           starts_with(p, n, "记者");
}

/* Is the passage a signature alone (本报记者 王明 李红整理): a byline,
 * short, with no sentence's comma or stop (记者从…获悉，… is text)? */
static int signature(const char *p, size_t n)
{
    return signs(p, n) && nchars(p, n) <= SIGNATURE_CHARS && !memmem(p, n, "，", 3) &&
           !memmem(p, n, "。", 3);
}

/*
 * Is the headline block ps[i..h) signed: does a byline close it (as a line
 * of its own, or printed as a headline line)? A report's sub-headings carry
 * no byline; a section a reporter of its own signs is a story of its own (a
 * page of reports from five cities, each with its heading and reporter).
 */
static int signed_block(const zsi_story_passage *ps, size_t i, size_t h, size_t n)
{
    if (h < n && ps[h].kind == ZSI_P_BYLINE)
        return 1;
    for (size_t k = i; k < h; k++)
        if (signs(ps[k].text, ps[k].len))
            return 1;
    return 0;
}

/*
 * Which zones a bare word can mean, by how their canonical names end: a bare
 * 高新区 means the last 高新区 named, not a 科学城 named since; 园区 (and any
 * word not listed) means any zone.
 */
static const struct {
    const char *bare, *ends[3];
} KIND[] = {
    {"高新区", {"高新区"}},
    {"经开区", {"经开区", "开发区"}},
    {"开发区", {"经开区", "开发区", "高新区"}},
    {"新区", {"新区"}},
    {"综保区", {"综合保税区", "保税区"}},
    {"保税区", {"保税区", "综合保税区"}},
    {"保税港区", {"保税港区"}},
    {"科学城", {"科学城"}},
    {"科技城", {"科技城"}},
    {"生态城", {"生态城"}},
    {"自贸区", {"自贸区", "片区"}},
    {"自贸试验区", {"自贸区", "片区"}},
    {"自由贸易试验区", {"自贸区", "片区"}},
    {"片区", {"片区"}},
    {"园区", {"园区", "园"}},
    {"示范区", {"示范区"}},
    {"合作区", {"合作区"}},
};

static int ends_with(const char *s, const char *w)
{
    size_t n = strlen(s), k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

/* Bare words that may mean their city's zone. */
static const char *const CITY_KIND[] = {"高新区", "经开区", "开发区", "综保区"};

static int city_kind(const char *bare)
{
    for (size_t i = 0; i < sizeof CITY_KIND / sizeof *CITY_KIND; i++)
        if (strcmp(bare, CITY_KIND[i]) == 0)
            return 1;
    return 0;
}

/* Is zone a 片区 of another kind of zone than the bare word's (a 自贸区
 * word and 前海合作区前湾片区, a part of a cooperation zone)? A free trade
 * zone's 片区 carries its 自贸区 in its name (福建自贸区厦门片区). */
static int other_part(const char *bare, const char *end, const char *zone)
{
    return strcmp(end, "片区") == 0 && strcmp(bare, "片区") != 0 && !strstr(zone, "自贸");
}

/* How well zone fits the bare word: 0 for its own kind (a bare 自贸区 and
 * 福建自贸区), more for a kind it may mean (its 片区), KIND_ANY for a 园区
 * and a zone of another kind (园区 means whatever zone the story is about),
 * -1 for none. */
#define KIND_ANY 3
static int rank(const char *bare, const char *zone)
{
    for (size_t i = 0; i < sizeof KIND / sizeof *KIND; i++) {
        if (strcmp(bare, KIND[i].bare) != 0)
            continue;
        for (size_t k = 0; k < 3 && KIND[i].ends[k]; k++)
            if (ends_with(zone, KIND[i].ends[k]) && !other_part(bare, KIND[i].ends[k], zone))
                return (int)k;
        return strcmp(bare, "园区") == 0 ? KIND_ANY : -1;
    }
    return KIND_ANY;
}

/* The zones passage k speaks of: those it names; else, when its bare word
 * or nickname meant a zone (out[k]), the zones of the passage of its story
 * that named that one last (out[k].from: 福建自贸区厦门片区 names the 自贸区
 * and its 片区: a passage whose 片区 meant the part brings back both, and a
 * bare 自贸区 after it means the parent), else that zone alone (a city's zone
 * from the gazetteer). Into *nz. */
static const char *const *passage_zones(const zsi_story_passage *ps, const zsi_story_zone *out,
                                        size_t k, size_t *nz)
{
    size_t m = ps[k].nnames ? k : out[k].from;
    if (m != ZSI_STORY_NONE) {
        *nz = ps[m].nnames;
        return (const char *const *)ps[m].names;
    }
    *nz = out[k].n;
    return out[k].zone;
}

/* Is passage k, reached by a link of out, in the story that starts at a? */
static int in_story(size_t k, size_t a)
{
    return k != ZSI_STORY_NONE && k >= a;
}

/* The passage of the story that starts at a that named zone last before
 * passage i (out[i].named: the links skip passages that name none), or
 * ZSI_STORY_NONE. */
static size_t named_at(const zsi_story_passage *ps, const zsi_story_zone *out, size_t a, size_t i,
                       const char *zone)
{
    for (size_t m = out[i].named; in_story(m, a); m = out[m].named)
        for (size_t j = 0; j < ps[m].nnames; j++)
            if (strcmp(ps[m].names[j], zone) == 0)
                return m;
    return ZSI_STORY_NONE;
}

/* The nearest zone named or referred to before passage i in the story that
 * starts at a and fits the bare word; of the zones one passage names, the
 * best fit (a parent and its part: 福建自贸区厦门片区 names both, and a bare
 * 自贸区 means the 自贸区, a bare 片区 the 片区, a bare 园区 the 园 inside
 * 两江新区), then the last named. A passage that names none speaks of the
 * zone its own bare word or nickname meant (out[k]): a story that names
 * 贵州科学城, then a 产业园, then says 科学城内… has brought the 科学城 back,
 * and its next 园区 is the 科学城's. */
static const char *referent(const zsi_story_passage *ps, const zsi_story_zone *out, size_t a,
                            size_t i, const char *bare)
{
    for (size_t k = out[i].spoke; in_story(k, a); k = out[k].spoke) {
        const char *best = NULL;
        int best_rank = KIND_ANY + 1;
        size_t nz;
        const char *const *z = passage_zones(ps, out, k, &nz);
        for (size_t j = nz; j-- > 0;) {
            int r = rank(bare, z[j]);
            if (r >= 0 && r < best_rank) {
                best = z[j];
                best_rank = r;
            }
        }
        if (best)
            return best;
    }
    return NULL;
}

static const char *lead_referent(const zsi_story_passage *ps, size_t n, size_t i, const char *bare);

/* Longest body passage read as a sub-heading (characters). */
#define SUBHEAD_CHARS 30

/*
 * Is passage i a headline, or a sub-heading set as a body line: short, with
 * no sentence's stop (自贸试验区一张清单，带动制度创新 over the section it
 * heads; a comma alone makes the splitter take it for prose)? Its bare word
 * is read with the lead under it, as a headline's is.
 */
static int heading(const zsi_story_passage *p)
{
    static const char *const STOP[] = {"。", "！", "？", "；", "…"};
    if (p->kind == ZSI_P_HEADLINE)
        return 1;
    if (p->kind != ZSI_P_BODY || nchars(p->text, p->len) > SUBHEAD_CHARS)
        return 0;
    for (size_t k = 0; k < sizeof STOP / sizeof *STOP; k++)
        if (memmem(p->text, p->len, STOP[k], strlen(STOP[k])))
            return 0;
    return 1;
}

/* For a 园区 ending a compound (工程机械园区): the nearest zone named before
 * passage i in the story that starts at a whose name holds the compound's
 * two characters mod (中国郑州(国际)工程机械产业园); else none - 创业园区,
 * 职教园区 are parks of a kind, not the story's zone. A headline's park is
 * what its story is about: the zone its lead names (扬州智能电网示范园区
 * over a lead on 扬州开发区's demonstration grid). */
static const char *mod_referent(const zsi_story_passage *ps, const zsi_story_zone *out, size_t n,
                                size_t a, size_t i, const char *mod)
{
    for (size_t k = out[i].named; in_story(k, a); k = out[k].named)
        for (size_t j = ps[k].nnames; j-- > 0;)
            if (strstr(ps[k].names[j], mod))
                return ps[k].names[j];
    return ps[i].kind == ZSI_P_HEADLINE ? lead_referent(ps, n, i, "园区") : NULL;
}

/* For a bare word in a headline with nothing named before it, the zone the
 * story goes on to name: the first that fits in its headline block or its
 * first body passage (工程机械园区… over a lead that names 中国郑州(国际)工程
 * 机械产业园). A headline is read with its lead; beyond the lead, a later
 * zone may be a different one's. */
static const char *lead_referent(const zsi_story_passage *ps, size_t n, size_t i, const char *bare)
{
    for (size_t k = i + 1; k < n; k++) {
        for (size_t j = 0; j < ps[k].nnames; j++)
            if (rank(bare, ps[k].names[j]) >= 0)
                return ps[k].names[j];
        if (ps[k].kind != ZSI_P_HEADLINE)
            break;
    }
    return NULL;
}

/* Is bare a free trade zone's word (自贸区, 自贸试验区, 自由贸易试验区)? */
static int free_trade_word(const char *bare)
{
    return strcmp(bare, "自贸区") == 0 || strcmp(bare, "自贸试验区") == 0 ||
           strcmp(bare, "自由贸易试验区") == 0;
}

/* For a bare free trade zone word with none of its kind named before it in
 * its story: the first free trade zone or its part (片区) that passage i's
 * section names after it, up to the next headline. A story about a zone
 * says 自贸区 of the free trade zone it names a paragraph later (…发行自贸区
 * 首只债券 … 前海蛇口片区). *end gets the passage that named it, or the
 * headline or end of the page the search stopped at: a passage before it
 * finds the same (the free trade words all fit the same zones). */
static const char *later_referent(const zsi_story_passage *ps, size_t n, size_t i, const char *bare,
                                  size_t *end)
{
    size_t k;
    for (k = i + 1; k < n && ps[k].kind != ZSI_P_HEADLINE; k++)
        for (size_t j = 0; j < ps[k].nnames; j++) {
            int r = rank(bare, ps[k].names[j]);
            if (r >= 0 && r < KIND_ANY) {
                *end = k;
                return ps[k].names[j];
            }
        }
    *end = k;
    return NULL;
}

/* Characters of a zone's name that, printed alone, still name it: news
 * shortens a long name to its head once the story has given it in full
 * (郑州航空港经济综合实验区, then 郑州航空港). Five: a city and three more. */
#define HEAD_CHARS 5

/* Does zone name z hold an institution's name (中国中医科学院中药科技园,
 * 中科院计算所龙芯产业园)? Its head then names the institution, which a
 * story about it names all along, and not the park. */
static int institution_park(const char *z)
{
    static const char *const END[] = {"科学院", "研究院", "研究所", "大学", "科院"};
    for (size_t k = 0; k < sizeof END / sizeof *END; k++)
        if (strstr(z, END[k]))
            return 1;
    return 0;
}

/* Is zone z[0..zn) named after a hub (北京大兴国际机场临空经济区: the zone
 * by the airport) whose own name, the zone's name before the hub word and
 * longer than its head hn, passage p prints? The passage then speaks of
 * the airport, not of the zone. */
static int named_hub(const zsi_story_passage *p, const char *z, size_t zn, size_t hn)
{
    for (size_t h = hn; h + 6 <= zn; h += (size_t)U8_LENGTH(first_cp(z + h, zn - h)))
        if (zsi_pk_hub_word(z + h, 6))
            return memmem(p->text, p->len, z, h) != NULL;
    return 0;
}

/* A zone named before passage i in the story that starts at a whose name's
 * first HEAD_CHARS characters passage i prints; NULL when none. */
static const char *head_referent(const zsi_story_passage *ps, const zsi_story_zone *out, size_t a,
                                 size_t i)
{
    for (size_t k = out[i].named; in_story(k, a); k = out[k].named)
        for (size_t j = 0; j < ps[k].nnames; j++) {
            const char *z = ps[k].names[j];
            size_t zn = strlen(z), hn = 0;
            /* a name not twice its head is printed in full: shortened,
             * 珠海柴油机产业园 and 北京新机场临空经济区 leave things (an
             * industry, an airport) of the same name */
            if (nchars(z, zn) <= 2 * HEAD_CHARS || institution_park(z))
                continue;
            /* the head: HEAD_CHARS Han characters (not 中国（广西); none
             * after the first a 及, 与 or 和 joining two trades: the head
             * of 水城区铝及铝加工产业园 names the county's industry too */
            int han = 1;
            for (size_t c = 0; c < HEAD_CHARS && han; c++) {
                int32_t o = (int32_t)hn;
                UChar32 cp;
                U8_NEXT(z, o, (int32_t)zn, cp);
                han = is_han(cp) && (c == 0 || !zsi_is_list_mark(cp));
                hn = (size_t)o;
            }
            if (!han || named_hub(ps + i, z, zn, hn))
                continue;
            if (memmem(ps[i].text, ps[i].len, z, hn))
                return z;
        }
    return NULL;
}

/* The listed zone that place p[0..n) joined to bare names (合肥 + 高新区), or
 * NULL. A city's 市 goes first (合肥市 -> 合肥). Borrowed from g. */
static const char *city_zone(const zsi_gazetteer *g, const char *p, size_t n, const char *bare)
{
    char buf[MAX_NAME_BYTES];
    size_t bn = strlen(bare);
    if (n >= 9 && memcmp(p + n - 3, "\xE5\xB8\x82", 3) == 0) /* 市 */
        n -= 3;
    if (n + bn > sizeof buf)
        return NULL;
    memcpy(buf, p, n);
    memcpy(buf + n, bare, bn);
    return zsi_park_canonical(g, buf, n + bn);
}

/* Is p[s..e) part of a longer word: does its first character end a word
 * that starts just before it, its last start one that runs on (沿海港口:
 * 海港 lies across 沿海 and 港口), or the whole run on (杭州湾)? */
static int inside_word(const zsi_gazetteer *g, const char *p, size_t from, size_t to, size_t s,
                       size_t e)
{
    int32_t b = (int32_t)s, f = (int32_t)e;
    UChar32 c;
    if (s > from) {
        U8_PREV(p, (int32_t)from, b, c);
        if (is_han(c) && zsi_words_find(g->words, p + b, s - (size_t)b + 3, NULL))
            return 1;
    }
    if (e < to) {
        U8_NEXT(p, f, (int32_t)to, c);
        if (is_han(c) && e >= 3 && zsi_words_find(g->words, p + e - 3, (size_t)f - e + 3, NULL))
            return 1;
        /* or the place itself runs on into a longer word that is no city
         * or county (杭州湾; not 呼和浩特 + 市) */
        size_t row;
        unsigned fl = is_han(c) ? zsi_words_find(g->words, p + s, (size_t)f - s, &row) : 0;
        if (fl && !(fl & ZSW_PLACE))
            return 1;
        if (fl & ZSW_PLACE) {
            int level = zsi_words_place(g->words, row, NULL, NULL);
            if (level != ZSW_CITY && level != ZSW_COUNTY && level != ZSW_PROVINCE)
                return 1;
        }
    }
    return 0;
}

/* The zone of kind bare of a city named in p[from..to), the last first. */
static const char *scan_cities(const zsi_gazetteer *g, const char *p, size_t from, size_t to,
                               const char *bare)
{
    /* Places are two to four characters (6-12 bytes; 市 included). */
    for (size_t e = to; e >= from + 6; e--) {
        if (((unsigned char)p[e] & 0xC0) == 0x80 && e < to)
            continue;
        for (size_t L = 12; L >= 6; L -= 3) {
            if (L > e - from || ((unsigned char)p[e - L] & 0xC0) == 0x80)
                continue;
            size_t row;
            unsigned f = zsi_words_find(g->words, p + e - L, L, &row);
            /* a place that is a [trim] word as well reads as that word
             * (新建: a county, and "newly built" in 新建化工园区) */
            if (!(f & ZSW_PLACE) || (f & ZSW_TRIM))
                continue;
            int level = zsi_words_place(g->words, row, NULL, NULL);
            if ((level != ZSW_CITY && level != ZSW_COUNTY) || inside_word(g, p, from, to, e - L, e))
                continue;
            const char *z = city_zone(g, p + e - L, L, bare);
            /* 开发区 alone is most often the city's 经济技术开发区. */
            if (!z && strcmp(bare, "开发区") == 0)
                z = city_zone(g, p + e - L, L, "经开区");
            if (z)
                return z;
        }
    }
    return NULL;
}

/* End of the sentence of p[0..n) that byte at is in (after its 。！？). */
static size_t sentence_end(const char *p, size_t n, size_t at)
{
    static const char *const END[] = {"。", "！", "？", "；"};
    for (size_t i = at; i < n; i++)
        for (size_t k = 0; k < sizeof END / sizeof *END; k++)
            if (starts_with(p + i, n - i, END[k]))
                return i;
    return n;
}

/* The zone of kind bare of the city named nearest before byte at of passage
 * i (where the story first says the word), looking back to the story's
 * start a, else of one named later in that sentence (从高新区举行的合肥…论坛);
 * NULL when none. */
static const char *city_referent(const zsi_gazetteer *g, const zsi_story_passage *ps, size_t a,
                                 size_t i, size_t at, const char *bare)
{
    const char *z = NULL;
    for (size_t k = i + 1; k-- > a && !z;)
        z = scan_cities(g, ps[k].text, 0, k == i ? at : ps[k].len, bare);
    if (!z)
        z = scan_cities(g, ps[i].text, at, sentence_end(ps[i].text, ps[i].len, at), bare);
    return z;
}

/* Most zones of an article looked for by their nicknames. */
#define MAX_NICK_ZONES 32

/*
 * The zones that passage i names by nicknames alone (中关村, 光谷: no zone
 * word in the passage, so zsi_pk_find_mentions() did not take them): those of the
 * zones z[0..nz) the article names elsewhere, which tells that a nickname is
 * that zone's and not a street's or a poem's. Each counts: a plan that lists
 * 深圳前海、广州南沙、珠海横琴 speaks of all three. Into *out (n 0: none).
 */
static void nick_referents(const zsi_gazetteer *g, const zsi_story_passage *p, const char *const *z,
                           size_t nz, zsi_story_zone *out)
{
    size_t m = 0;
    for (size_t k = 0; k < nz && m < ZSI_STORY_ZONES; k++)
        if (zsi_pk_nick_names(g, p->text, p->len, z[k]))
            out->zone[m++] = z[k];
    out->n = m;
}

void zsi_story_zones(const zsi_gazetteer *g, const zsi_story_passage *ps, size_t n,
                     zsi_story_zone *out)
{
    /* The zones the article names, each once, for nick_referents(). */
    const char *named[MAX_NICK_ZONES];
    size_t nnamed = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < ps[i].nnames && nnamed < MAX_NICK_ZONES; k++) {
            size_t j = 0;
            while (j < nnamed && strcmp(named[j], ps[i].names[k]) != 0)
                j++;
            if (j == nnamed)
                named[nnamed++] = ps[i].names[k];
        }

    size_t a = 0; /* where the current story starts */
    int seen_body = 0;
    /* Where the current story first says a bare word (passage, byte). */
    size_t first_k = (size_t)-1, first_at = 0;
    /* The city's zone found for the story's last bare word: it depends only
     * on the story and the word, and a long story says the word often. */
    const char *memo_bare = NULL, *memo_zone = NULL;
    size_t memo_a = (size_t)-1;
    /* later_referent()'s last search: from passage later_i, up to later_k,
     * found later_z; a passage between finds the same, and a page of bare
     * words with no zone after them is not searched again for each. */
    size_t later_i = ZSI_STORY_NONE, later_k = 0;
    const char *later_z = NULL;
    /* The last passage that named a zone, and that named or took one. */
    size_t named_last = ZSI_STORY_NONE, spoke_last = ZSI_STORY_NONE;

    for (size_t i = 0; i < n; i++) {
        out[i].named = named_last;
        out[i].spoke = spoke_last;
        out[i].from = ZSI_STORY_NONE;
        if (ps[i].kind == ZSI_P_HEADLINE && (i == 0 || ps[i - 1].kind != ZSI_P_HEADLINE)) {
            size_t h = i;
            while (h < n && ps[h].kind == ZSI_P_HEADLINE)
                h++;
            if (!seen_body || (h < n && opens_with_dateline(ps[h].text, ps[h].len)) ||
                signed_block(ps, i, h, n))
                a = i;
        } else if (ps[i].kind == ZSI_P_BODY && seen_body && i > 0 &&
                   ps[i - 1].kind != ZSI_P_HEADLINE && opens_with_dateline(ps[i].text, ps[i].len))
            a = i;
        /* A signature after the text (本报记者 X整理, at a section's end)
         * closes its story: a page of sections each signed at its foot
         * (one per province's delegate) is one story per section. */
        if (i >= 2 && ps[i - 2].kind == ZSI_P_BODY && signature(ps[i - 1].text, ps[i - 1].len))
            a = i;
        if (first_k != (size_t)-1 && first_k < a)
            first_k = (size_t)-1;
        const char *one = NULL; /* a bare word's or a head's referent */
        if (!ps[i].nnames && (one = head_referent(ps, out, a, i)) != NULL)
            ;
        else if (!ps[i].nnames) {
            size_t at = 0;
            const char *mod = NULL;
            const char *bare = zsi_pk_bare_word_mod(g, ps[i].text, ps[i].len, &at, &mod);
            if (bare && mod) {
                char m[7];
                memcpy(m, mod, 6);
                m[6] = '\0';
                one = mod_referent(ps, out, n, a, i, m);
                bare = NULL;
            }
            if (bare && first_k == (size_t)-1) {
                first_k = i;
                first_at = at;
            }
            /* A bare word that leads to no zone leaves the passage's next
             * one to try (一座有三十年历史的工业园区…是远近闻名的高新区: no
             * 园区 was named, and the story's city has a 高新区). */
            while (bare) {
                one = referent(ps, out, a, i, bare);
                if (!one && heading(&ps[i]))
                    one = lead_referent(ps, n, i, bare);
                if (!one && free_trade_word(bare)) {
                    if (later_i == ZSI_STORY_NONE || i <= later_i || i >= later_k) {
                        later_z = later_referent(ps, n, i, bare, &later_k);
                        later_i = i;
                    }
                    one = later_z;
                }
                if (!one && city_kind(bare)) {
                    if (memo_a != a || memo_bare != bare) {
                        memo_zone = city_referent(g, ps, a, first_k, first_at, bare);
                        memo_a = a;
                        memo_bare = bare;
                    }
                    one = memo_zone;
                }
                if (one)
                    break;
                bare = zsi_pk_bare_word_next(g, ps[i].text, ps[i].len, at + strlen(bare), &at);
            }
        }
        /* A nickname is a name: it outranks a bare word's referent. */
        out[i].n = 0;
        if (!ps[i].nnames && nnamed)
            nick_referents(g, &ps[i], named, nnamed, &out[i]);
        if (!out[i].n && one) {
            out[i].zone[0] = one;
            out[i].n = 1;
        }
        if (out[i].n)
            out[i].from = named_at(ps, out, a, i, out[i].zone[0]);
        if (ps[i].nnames)
            named_last = i;
        if (ps[i].nnames || out[i].n)
            spoke_last = i;
        if (ps[i].kind == ZSI_P_BODY)
            seen_body = 1;
    }
}
