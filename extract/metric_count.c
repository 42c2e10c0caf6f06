/*
 * metric_count.c - what a count counts when ICU's words leave it open.
 *
 * zsi_np_after() reads the words after a count by ICU's word break and gives
 * up wherever a word is unclear: a verb the class data lacks (医护人员|赶赴),
 * a [stop] word ICU glues to the next character (员工|已到), a place that is a
 * common noun (主要|城市). Such counts got no metric at all, though the noun
 * that follows a classifier is what is counted in nearly every news clause
 * (300名医护人员赶赴灾区, 80位员工已到岗, 随着12个主要城市出台限购). Here
 * the same words are cut the way jieba cuts them (data/words.tsv, its parts
 * of speech): the phrase is the run of noun words right after the figure, a
 * modifier (区别词 主要, adjective 优秀) or a verb (返乡|人员) in front of a
 * noun allowed, ending at the first word of any other kind (a verb, adverb,
 * time word, preposition) or at the clause's end.
 *
 * Invariants: allocates nothing; norm and raw are NUL-terminated.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* jieba's tags (tools/gen-words.py) of a word that may end a counted phrase:
 * common nouns, place words (街区), places, organisations, other proper
 * nouns, abbreviations. A
 * verbal noun (V) ends one only as its first word (5000余场活动): after a
 * noun it is mostly the predicate (30个省区市|报告|确诊病例), and it stays in
 * the phrase only when a noun follows it (3家企业研发中心). */
static int noun_tag(char t)
{
    return t && strchr("nsSTZj", t) != NULL;
}

/* Is the word p[s..e), of jieba's tag t, a set phrase (l) that ends in a
 * noun: its last two characters a common noun word (困难|群众, 少年|儿童,
 * 粮食|作物), or for three characters its last one (合作|社, 发言|人), and
 * its first two no verb (组成|部分, 打电|话 stay phrases)? jieba files many
 * names of things so; after a count they are what it counts (170多万农村
 * 困难群众, 1.3万家农民专业合作社), not a predicate. */
static int noun_phrase(const char *p, size_t s, size_t e, char t)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    size_t tail = e - s == 9 ? 3 : 6;
    if (t != 'l' || e - s < 9)
        return 0;
    if (zsi_lex_cut(p, e - tail, e, st, tg, ZSI_LEX_CUT_MAX) != 1 || tg[0] != 'n')
        return 0;
    return zsi_lex_cut(p, s, s + 6, st, tg, ZSI_LEX_CUT_MAX) != 1 || tg[0] != 'v';
}

/* ... and of a word that may stand before such a noun in it: 主要 (b),
 * 优秀 (a), verbal nouns (服装|专卖店). A verb never starts the phrase here:
 * 具有|代表性, 来自|不同领域, 是|博士 are predicates far more often than
 * modifiers; zsi_np_after takes the verbs that do modify (收割|机). */
static int modifier_tag(char t)
{
    return t == 'a' || t == 'b' || t == 'V';
}

/* Does the count end in a classifier of people or times (500人, 3次, 8万
 * 人次)? A verbal noun after one is what those people did (6次|咨询), no
 * noun counted. */
static int people_or_times(const char *p, size_t fe)
{
    return fe >= 3 && (memcmp(p + fe - 3, "\xE4\xBA\xBA", 3) == 0 ||  /* 人 */
                       memcmp(p + fe - 3, "\xE6\xAC\xA1", 3) == 0);  /* 次 */
}

/* A figure ending in 届 is an ordinal of a congress or a committee (十三届
 * 全国人大): it counts nothing after it. A first word starting with 全 is a
 * scope (全国, 全省: 11个全国|…) and one a pronoun (r: 该, 各, 其) points,
 * neither names what is counted. */
static int counts_nothing(const char *p, size_t fe, const size_t *st, const char *tg)
{
    if (fe >= 3 && memcmp(p + fe - 3, "\xE5\xB1\x8A", 3) == 0) /* 届 */
        return 1;
    if (tg[0] == 'r')
        return 1;
    return st[1] - st[0] > 3 && memcmp(p + st[0], "\xE5\x85\xA8", 3) == 0; /* 全 */
}

/* The longest counted phrase taken here, in characters: longer runs of
 * nouns in jieba's cut are mostly two phrases run together. */
#define MAX_COUNTED 10

/* Is p[s..e) a place of the place-name lexicon (中国, 北京; also 大关, a
 * county jieba tags so; 美国, a place abroad)? After a count it names whose or where the counted
 * things are (3名中国|选手, 10株北京|杨, 突破100万辆|大关), never them;
 * a common noun of places (城市, 省区市) is no name and may end the phrase. */
static int place_name(const char *p, size_t s, size_t e)
{
    const zsi_words *w = zsi_mplaces();
    size_t row;
    if (e - s == 6 && memcmp(p + s, "\xE4\xB8\xAD\xE5\x9B\xBD", 6) == 0)
        return 1; /* 中国: the lexicon files the country as a common noun */
    return w && ((zsi_words_find(w, p + s, e - s, &row) & ZSW_PLACE_) ||
                 zsi_words_has(w, p + s, e - s, ZSW_FOREIGN_));
}

/* Is the character at p[b] a list comma or a pause (、，；) that ends an
 * item as the clause's end does (5000余场活动、…)? */
static int list_mark(const char *p, size_t b, size_t ce)
{
    unsigned c;
    zsi_utf8_decode(p + b, ce - b, &c);
    return c == 0x3001 || c == 0xFF0C || c == 0xFF1B;
}

/* Does the word st[i] start a metric of the data ([phrases]: 营业收入) that
 * ends where a word of the cut does, or is it one of [suffixes] (收入, 投资)?
 * After a counted noun it names a measure of what is counted (5家企业营业收入
 * 增长), not more of its name. */
static int names_measure(const char *p, const size_t *st, int i, int w)
{
    const zsi_phrase *ph = zsi_match_at(zsi_mset(MSEC_PHRASES), p, st[i], st[w]);
    int k;
    if (ph)
        for (k = i + 1; k <= w; k++)
            if (st[k] == st[i] + ph->len)
                return 1;
    ph = zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, st[i], st[i + 1]);
    if (ph && ph->len == st[i + 1] - st[i])
        return 1;
    ph = zsi_match_at(zsi_mset(MSEC_NONMETRIC), p, st[i], st[i + 1]);
    return ph && ph->len == st[i + 1] - st[i]; /* 34个三级指标|数据 */
}

/* Is the word st[i] a measure word alone ([suffixes]: 投资, 收入; no longer
 * metric of [phrases] starts with it) with a noun word right after it (股权|
 * 投资|基金, 出口|收入|结构)? It then modifies that noun, which is what is
 * counted, instead of naming a measure of the nouns before it. */
static int measure_modifies(const char *p, const size_t *st, const char *tg, int i, int w)
{
    const zsi_phrase *ph;
    if (i + 1 >= w || !noun_tag(tg[i + 1]))
        return 0;
    ph = zsi_match_at(zsi_mset(MSEC_PHRASES), p, st[i], st[w]);
    if (ph && ph->len > st[i + 1] - st[i])
        return 0;
    ph = zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, st[i], st[i + 1]);
    return ph && ph->len == st[i + 1] - st[i];
}

/* Is the word st[i] a qualifier of rank or size (以上, 以下) after a noun
 * and before another (规模|以上|工业|企业, 县团级|以上|干部)? It bounds the
 * noun before it, which is no head: what is counted runs on to the noun
 * after it. */
static int qualifier_between(const char *p, const size_t *st, const char *tg, int i, int w)
{
    if (i < 1 || i + 1 >= w || tg[i] != 'f' || st[i + 1] - st[i] != 6 || !noun_tag(tg[i - 1]) ||
        !(noun_tag(tg[i + 1]) || modifier_tag(tg[i + 1])))
        return 0;
    return !memcmp(p + st[i], "\xE4\xBB\xA5\xE4\xB8\x8A", 6) ||  /* 以上 */
           !memcmp(p + st[i], "\xE4\xBB\xA5\xE4\xB8\x8B", 6);    /* 以下 */
}

/* Does the phrase p[s..e) end in a measure (目标|数量, 营业|收入: a word of
 * [suffixes] or a metric of [phrases] ending at e)? */
static int last_word_measure(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    const zsi_phrase *ph;
    size_t b;
    unsigned cp;
    int w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX), i;
    if (w < 2)
        return 0; /* the whole phrase one word: a name, not a measure of one */
    for (b = st[w - 1]; b < e; b += zsi_utf8_decode(p + b, e - b, &cp))
        if ((ph = zsi_match_at(zsi_mset(MSEC_SUFFIXES), p, b, e)) && ph->len == e - b)
            return 1; /* 数量, 规模: ends in a suffix of measures (量) */
    for (i = 1; i < w; i++)
        if ((ph = zsi_match_at(zsi_mset(MSEC_PHRASES), p, st[i], e)) && ph->len == e - st[i])
            return 1;
    return 0;
}

/* Is the word st[i] 的? */
static int is_de(const char *p, const size_t *st, int i)
{
    return st[i + 1] - st[i] == 3 && memcmp(p + st[i], "\xE7\x9A\x84", 3) == 0;
}

/* Is a noun of one character (牛, 省, 车) what a count counts? Taken only
 * from jieba's common nouns (n) before a word that is no noun, and from its
 * character words (z: 车, 县, 厂, but also adverbs such as 很, 仍) only
 * before a list mark, a conjunction or the clause's end (200多辆车。, 10多个
 * 县和…); never after a classifier of people or times (3次|会, 5人|组: what
 * they held or formed). */
static int one_char_counted(const char *p, size_t fe, size_t ce, const size_t *st, const char *tg,
                            int w, size_t e)
{
    int closes = w == 1 ? (e == ce || list_mark(p, e, ce)) : tg[1] == 'c';
    zsi_wbounds wb;
    if (people_or_times(p, fe) || st[1] - st[0] != 3 || fe < 3)
        return 0;
    zsi_wb_compute(&wb, p, fe - zsi_utf8_prev(p, fe), st[1] < e ? st[2] : e);
    if (!zsi_wb_is(&wb, fe) || !zsi_wb_is(&wb, st[1]))
        return 0; /* 6个人, 3部门: ICU reads the classifier and the noun as one word */
    if (tg[0] == 'n')
        return closes || (w > 1 && (strchr("pdu", tg[1]) || (tg[1] == 'v' && st[2] - st[1] > 3)));
    return tg[0] == 'z' && closes;
}

/* Do the words after a count open a relative clause that ends in 的 (80名
 * 参加过培训的青年, 26家从事光伏产业的企业, 30个这样的合作社, 6家早已
 * 停产的工厂)? The index of its 的, or 0. Only a verb with a word of aspect
 * (了, 过) or two more words, a pointing word alone or an adverb may open
 * it: a verb and one noun is mostly a compound (无主|户头|的存款), a pointing
 * word and a noun an owner (各级|组织|的许可); a preposition, a conjunction
 * or a verb after a noun makes it a clause of its own (下岗|职工|在|农村|
 * 看到|…|的). */
static int relative_clause(const char *p, const size_t *st, const char *tg, int w)
{
    int i, noun = 0;
    if (!strchr("vrd", tg[0]))
        return 0;
    for (i = 1; i < w && i < 8; i++) {
        if (is_de(p, st, i)) {
            if (tg[0] == 'v' && !(i == 1 || i >= 3 || tg[1] == 'u'))
                return 0;
            if (tg[0] == 'r' && i != 1)
                return 0;
            return i;
        }
        if (tg[i] == 'p' || tg[i] == 'c' || tg[i] == 'x' || (noun && tg[i] == 'v'))
            return 0;
        noun = noun_tag(tg[i]);
    }
    return 0;
}

/* Do the words after a count open a clause of a noun and its adjective
 * ending in 的 (60个口感独特的苹果品种, 10余个规模较大的市场, 9家问题严重
 * 的银行)? The noun is the subject of the adjective, not what is counted;
 * the noun after the 的 is. The index of its 的, or 0. */
static int adjective_clause(const char *p, const size_t *st, const char *tg, int w)
{
    int i = 1;
    if (w < 4 || !noun_tag(tg[0]))
        return 0;
    if (tg[i] == 'd')
        i++;
    if (tg[i] != 'a' || i + 1 >= w)
        return 0;
    return is_de(p, st, i + 1) ? i + 1 : 0;
}

/*
 * 37个中央和国家机关单位党组织|开展巡视, 300名专家学者和企业代表|出席: after
 * 和, 及 or 或 (not 与, mostly a preposition: 30名干部与贫困户|结对) the
 * second noun of a pair a count counts together may be a phrase: words k.. of
 * nouns, verbal nouns, abbreviations, organisations, distinguishing words and
 * adjectives, each of two characters or more, none a verb or adverb of the
 * class data, a rare compound (医生和护士|支援灾区, see zsi_lex_rare), a place
 * or a person (31个省区市和新疆生产建设兵团 counts the regions, and the corps
 * is one more), the last a noun (国家和国际|组织: jieba files 组织 a verb, and
 * the pair stays unread), before a verb, a preposition, an adverb, an idiom,
 * 的 or the clause's end (not before a list mark or a figure: 5个部门和企事业
 * 单位、2万个村 counts one of more; nor a pronoun or a numeral: 10个乡镇和其中
 * 8个街道). @return the pair's end, or 0 when the words are no such phrase.
 */
static size_t joined_phrase(const char *p, size_t ce, const size_t *st, const char *tg, int w,
                            int k, size_t e)
{
    static const char joins[] = "\xE5\x92\x8C\xE5\x8F\x8A\xE6\x88\x96"; /* 和及或 */
    int j;
    for (j = 0; j < 9 && memcmp(p + st[k - 1], joins + j, 3) != 0; j += 3)
        ;
    if (j == 9)
        return 0;
    for (j = k; j < w && tg[j] && strchr("nVjbaT", tg[j]) && st[j + 1] - st[j] >= 6 &&
                !zsi_lex_rare(p, st[j], st[j + 1]) && !zsi_is_class_stop(p, st[j], st[j + 1]);
         j++)
        ;
    if (j - k < 2 || !strchr("njT", tg[j - 1]))
        return 0;
    if (j == w)
        return e == ce ? st[j] : 0;
    return tg[j] && strchr("vpdiu", tg[j]) ? st[j] : 0;
}

/* 30多个国家和地区, 200名医生和护士: two nouns joined by a conjunction
 * (word k - 1) after a count are what it counts together, when the second
 * is one noun word standing whole before a verb, a preposition, an adverb, a
 * rare compound filed a noun (护士|支援灾区: its tag is not to be trusted) or
 * the clause's end (not before a figure: 5个省和3个市 counts twice), and
 * the joining word is 和, 与, 及 or 或. The
 * end of the pair, or end when it is no such pair. */
static size_t joined_noun(const char *p, size_t ce, const size_t *st, const char *tg, int w, int k,
                          size_t e, size_t end)
{
    static const char joins[] = "\xE5\x92\x8C\xE4\xB8\x8E\xE5\x8F\x8A\xE6\x88\x96"; /* 和与及或 */
    int j;
    size_t jp;
    if (k >= w || st[k] - st[k - 1] != 3)
        return end;
    if ((jp = joined_phrase(p, ce, st, tg, w, k, e)) != 0)
        return jp;
    if (tg[k] != 'n' || st[k + 1] - st[k] < 6)
        return end;
    for (j = 0; j < 12 && memcmp(p + st[k - 1], joins + j, 3) != 0; j += 3)
        ;
    if (j == 12)
        return end; /* 并, 而: a second predicate follows, not a second noun */
    if (k + 1 == w)
        return e == ce ? st[k + 1] : end; /* a list mark: one of more (小木屋或塑料、…) */
    if (is_de(p, st, k + 1))
        return st[k + 1]; /* 50个国家和地区|的1200家企业: the pair the 的 qualifies with */
    if ((!strchr("vpd", tg[k + 1]) &&
         !(tg[k + 1] == 'n' && zsi_lex_rare(p, st[k + 1], st[k + 2]))) ||
        zsi_lex_is_word(p, st[k], st[k + 2]) ||
        (tg[k + 1] == 'v' && k + 2 < w && (tg[k + 2] == 'v' || tg[k + 2] == 'V')))
        return end; /* 国家和国际|组织|参展: the second noun modifies a word a verb follows */
    return st[k + 1];
}

/* Is the verbal noun st[i], right after a noun, the last word of the run
 * and the last before the clause's end or a list mark, after a count in 项
 * or 场 (200项特色|活动。, 62场线下|培训、, 3项疫苗|研究)? Those classifiers
 * count items and events, which news names by a verbal noun: with nothing
 * after it to act on, it is the head of the counted phrase, not its
 * predicate (30个省区市|报告|确诊病例 goes on). Other counts keep the noun
 * alone: 14所高等学校|发展 and 9种外文频道|建设 are the object of a verb
 * before the count, 179名医生|在线咨询 what the people did. */
static int closing_vnoun(const char *p, size_t fe, size_t ce, const size_t *st, const char *tg,
                         int i, int w, size_t e)
{
    unsigned cl;
    if (i < 1 || i != w - 1 || st[i + 1] != e || !noun_tag(tg[i - 1]) || fe < 3)
        return 0;
    zsi_utf8_decode(p + fe - 3, 3, &cl);
    if (cl != 0x9879 && cl != 0x573A) /* 项, 场 */
        return 0;
    return e == ce || list_mark(p, e, ce) || p[e] == '\n';
}

/* Are the words 0..i-1 of the cut all distinguishing words, adjectives or
 * verbal nouns (具体, 重要, 主要: modifier_tag)? */
static int modifiers_only(const char *tg, int i)
{
    int k;
    for (k = 0; k < i; k++)
        if (!modifier_tag(tg[k]))
            return 0;
    return 1;
}

/* Is the word st[i] 类 (jieba's classifier) after a noun of the run and
 * before a noun (水泥|类|上市公司, 工业|类|开发区)? It makes the noun before
 * it a category of the noun after, which is what is counted. */
static int category_between(const char *p, const size_t *st, const char *tg, int i, int w,
                            int nouns)
{
    return nouns && tg[i] == 'q' && i + 1 < w && noun_tag(tg[i + 1]) && st[i + 1] - st[i] == 3 &&
           memcmp(p + st[i], "\xE7\xB1\xBB", 3) == 0; /* 类 */
}

/* Does the run after a 的 at s start with a verb or a verbal noun of two
 * characters or more (的|监测, 的|生产|需要, 的|支持)? The 的 then makes
 * the counted phrase before it the owner of an action (45家批发市场的监测,
 * 1万件防护服的生产需要), not of another noun that would be what is counted
 * (40位行业|的|资深高管). */
static int action_after_de(const char *p, size_t s, size_t ce)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], e;
    char tg[ZSI_LEX_CUT_MAX + 1];
    e = zsi_run_after(p, s, ce, 0, MAX_RUN_CHARS + 1, zsi_m_is_han, &s);
    if (e <= s || zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX) < 1)
        return 0;
    return (tg[0] == 'V' || tg[0] == 'v') && st[1] - st[0] >= 6;
}

/* The counted phrase right after fe (zsi_count_noun_cut). rel: the words
 * after fe may be a short clause of a verb, a pointing word or an adverb
 * ending in 的; what is counted is then the noun after the 的 (80名参加过
 * 培训的青年, 30个这样的合作社, 6家早已停产的工厂), but not after 人 or 次,
 * which count whole people or times: the clause says what they did, and its
 * noun where (5万人就业的行业). -1: the words follow such a 的. */
static int count_cut(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at,
                     int rel)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], s, e, end = 0;
    char tg[ZSI_LEX_CUT_MAX + 1];
    zsi_wbounds wb;
    int w, i, nouns = 0, ones = 0, vfirst = 0;
    size_t vend = 0;
    unsigned cp;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    e = zsi_run_after(p, fe, ce, 0, MAX_RUN_CHARS + 1, zsi_m_is_han, &s);
    if (s != fe || e - s < 3)
        return 0; /* 的 first (the figure is then a modifier), or no Han */
    w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1)
        return 0;
    for (i = 0; i < w; i++)
        if (tg[i] == 'v' && zsi_whole_in(MSEC_NOUNV, p, st[i], st[i + 1]))
            tg[i] = 'n'; /* 8名选手|晋级: jieba files the noun a verb */
    if (rel > 0 && !people_or_times(p, fe) && !(fe >= 3 && memcmp(p + fe - 3, "\xE5\xB1\x8A", 3) == 0)) {
        int de = relative_clause(p, st, tg, w);
        if (de == 0)
            de = adjective_clause(p, st, tg, w);
        if (de > 0 && st[de + 1] < e)
            return count_cut(p, st[de + 1], ce, norm, raw, at, -1);
    }
    if (counts_nothing(p, fe, st, tg))
        return 0;
    if (one_char_counted(p, fe, ce, st, tg, w, e)) {
        zsi_copy_raw(raw, at, p, s, st[1]);
        memcpy(norm, raw, strlen(raw) + 1);
        return 1;
    }
    if (e - s < 6)
        return 0;
    /* a verb before one noun right after the count, then a verb, a
     * preposition, an adverb, a conjunction, a time word or the clause's end,
     * modifies it (4000名下岗|职工|找到…, 4万多返乡|人员|节后…,
     * 800份调查|问卷。) unless the count is of people or times, whose verb
     * is what they did (30人|参加|会议); a longer run after a verb is mostly
     * its object (4个设在|市级|贫困村) */
    if (w > 1 && tg[0] == 'v' && st[1] - st[0] > 3 && tg[1] == 'n' && !people_or_times(p, fe) &&
        (w == 2 ? e == ce : strchr("vpdct", tg[2]) != NULL))
        vfirst = 1;
    zsi_wb_compute(&wb, p, s, e);
    for (i = vfirst; i < w; i++) {
        char t = tg[i];
        int agrees = zsi_wb_is(&wb, st[i + 1]) || st[i + 1] == e;
        if (nouns && ((names_measure(p, st, i, w) && !measure_modifies(p, st, tg, i, w)) ||
                      (st[i + 1] - st[i] >= 6 && !memcmp(p + st[i + 1] - 3, "\xE5\x9D\x87", 3))))
            break; /* 5家企业|营业收入, 600个农户|户均: a measure of what is counted */
        if (noun_tag(t) || noun_phrase(p, st[i], st[i + 1], t)) {
            nouns++;
            if (st[i + 1] - st[i] <= 3)
                ones++;
            if (agrees && !place_name(p, st[i], st[i + 1]))
                end = st[i + 1]; /* a noun's end where ICU's break agrees */
            continue;
        }
        if (i == 0 && t == 'l' && i + 1 < w && noun_tag(tg[i + 1]))
            continue; /* 270个义务教育|学校: a set phrase first modifies the noun after it */
        if (category_between(p, st, tg, i, w, nouns))
            continue; /* 21家水泥|类|上市公司 */
        if (t == 'V' && i == 0 && people_or_times(p, fe))
            break;
        if (t == 'V' && (i == 0 || (rel > 0 && modifiers_only(tg, i) && !people_or_times(p, fe)))) {
            /* 5000余场活动; 11项具体|工作: after distinguishing words and
             * adjectives alone the verbal noun heads the phrase as when first */
            nouns++;
            if (agrees)
                end = vend = st[i + 1];
            continue;
        }
        if (t == 'V' && nouns && closing_vnoun(p, fe, ce, st, tg, i, w, e)) {
            end = st[i + 1]; /* 200项特色|活动。: the head, no predicate */
            break;
        }
        if (modifier_tag(t) || qualifier_between(p, st, tg, i, w))
            continue;
        if (t == 'v' && st[i + 1] - st[i] <= 3 && nouns && i + 1 < w && strchr("fu", tg[i + 1]))
            break; /* 群众|住|上, 企业|建|了: a verb with its complement, the predicate */
        if ((t == 'v' && st[i + 1] - st[i] <= 3 && st[i + 1] < e) || t == 'x')
            return 0; /* 建档|立|卡, 旅游特色|街区: a word jieba lacks, unsure */
        break;
    }
    /* a run cut short by the length limit, not by a word of another kind */
    if (i == w && e < ce && zsi_utf8_decode(p + e, ce - e, &cp) && zsi_is_run_char(cp))
        return 0;
    if (ones >= 2)
        return 0; /* 区|贫|旗|县: characters jieba could not join, unsure */
    if (!nouns || end == 0 || zsi_nchars(p, s, end) < 2 || zsi_nchars(p, s, end) > MAX_COUNTED)
        return 0;
    if (end + 3 <= ce && memcmp(p + end, "\xE7\x9A\x84", 3) == 0 && !action_after_de(p, end + 3, ce))
        return 0; /* 40位中国汽车行业|的资深高管: what is counted follows the 的 */
    if (end == vend && end < ce && !list_mark(p, end, ce))
        return 0; /* 1万台|发展|到: a verbal noun alone is a noun only when nothing follows */
    if (rel < 0 && ((i < w && st[i] == end && tg[i] == 'c') || (end == e && list_mark(p, e, ce))))
        return 0; /* after a 的: 国营和|私营企业 is one of two, unsure */
    if (rel < 0 && last_word_measure(p, s, end))
        return 0; /* 35家待整合企业的|目标数量: a measure of what is counted */
    if (vfirst && end != st[2])
        return 0;
    if (rel > 0 && !vfirst && i < w && st[i] == end && tg[i] == 'c')
        end = joined_noun(p, ce, st, tg, w, i + 1, e, end);
    zsi_copy_raw(raw, at, p, s, end);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

int zsi_count_noun_cut(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at)
{
    return count_cut(p, fe, ce, norm, raw, at, 1);
}

size_t zsi_count_adverb_end(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    if (zsi_metric_data() != 0 || e <= s || (w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX)) < 2)
        return e;
    for (i = 1; i < w; i++)
        if (noun_tag(tg[i - 1]) && zsi_whole_in(MSEC_TAILADVERB, p, st[i], st[i + 1]))
            return st[i];
    return e;
}

int zsi_count_has_predicate(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i, noun = 0;
    if (e <= s || (w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX)) < 2)
        return 0;
    for (i = 0; i < w; i++) {
        if (noun_tag(tg[i]))
            noun = 1;
        else if (noun && tg[i] == 'v' && st[i + 1] - st[i] > 3)
            return 1;
    }
    return 0;
}

/* Is the word p[s..e) of jieba's tag t a predicate or a position after a
 * counted noun: a position word (中, 上, 下); of two or more characters a
 * verb, an adverb, a preposition or a number word (最多); an idiom (i) or a
 * set phrase (l) of four or more characters (出入口 is a noun) unless its
 * first two are a noun word (文艺|活动, 技术|创新 are names of things jieba
 * files as set phrases; 脱贫|致富 is not)? An idiom of four characters or more
 * jieba's dictionary has seen often (not zsi_lex_rare: 心潮澎湃, 琳琅满目,
 * 望眼欲穿) is a set saying, a predicate, whatever its first two make
 * (jieba files 心潮, 琳琅, 葬身 as nouns); its rare ones are mostly names
 * of things (气象观测, 安全形势). */
static int predicate_word(const char *p, size_t s, size_t e, char t)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    if (e - s == 3)
        return t == 'f'; /* else mostly a head jieba lacks the compound of (分类|包) */
    if (t && strchr("vdpfm", t))
        return 1;
    if (t != 'l' && t != 'i')
        return 0;
    if (t == 'i' && e - s >= 12 && !zsi_lex_rare(p, s, e))
        return 1;
    return e - s >= 12 && (zsi_lex_cut(p, s, s + 6, st, tg, ZSI_LEX_CUT_MAX) != 1 ||
                           !noun_tag(tg[0]));
}

/* Are the words i.. of the cut the start of what the clause says of the
 * counted noun before them: adverbs, verbs, prepositions, particles,
 * adjectives (of one character, as a verb of one, not last: 网友|守|着,
 * not 网格|长) and idioms
 * that are no names of things (动物|葬身火海)? ICU's word break glues them
 * to the noun (下岗职工重新, 网友守着), jieba's cut does not. A character
 * word (网格|员, 闸阀|井), a classifier (化工原料|桶) or a modifier (互通式|
 * 立交) is the head ICU read apart, no predicate. */
static int predicate_from(const char *p, const size_t *st, const char *tg, int i, int w)
{
    for (; i < w; i++) {
        char t = tg[i];
        if ((t == 'a' || t == 'v') && st[i + 1] - st[i] == 3 && i + 1 == w)
            return 0; /* 网格|长, 产品分类|包: a head ICU read apart */
        if (!(t && strchr("dvpua", t)) &&
            !((t == 'i' || t == 'l') && predicate_word(p, st[i], st[i + 1], t)))
            return 0;
    }
    return 1;
}

/* Does the phrase p[s..e), read by ICU's words, end in a word of jieba's cut
 * that is a predicate or a position (predicate_word), after a noun word that
 * ends at ne (群众|脱贫致富, 牌子|中, 动物|葬身火海, 团队|基础|上)? Such a
 * tail is not part of what is counted, which ends at ne. A noun, modifier
 * or verbal noun last (网格|员, 任务|清单, 专题|调研) may be one name with
 * it. */
int zsi_count_tail_off(const char *p, size_t s, size_t ne, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    if (ne <= s || ne >= e || (w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX)) < 2)
        return 0;
    for (i = 1; i < w && st[i] != ne; i++)
        ;
    if (i == w || !noun_tag(tg[i - 1]))
        return 0; /* ne inside a word of the cut, or after no noun */
    if (tg[i] == 'f' && st[i + 1] - st[i] == 3)
        return 1; /* 球队|中|有: a position word first, whatever follows */
    return predicate_word(p, st[w - 1], st[w], tg[w - 1]) || predicate_from(p, st, tg, i, w);
}

/* Most characters read back from a count for what it counts. */
#define BEFORE_CHARS 12

/* Is p[s..e) a word that makes a figure a rate or a date, not what it
 * counts: ending in 均 (日均, 户均: per day, per household) or 月份, 年份
 * (8月份349万吨: the month of the figure)? */
static int per_unit_word(const char *p, size_t s, size_t e)
{
    return (e - s >= 6 && memcmp(p + e - 3, "\xE5\x9D\x87", 3) == 0) ||   /* 均 */
           (e - s == 6 && memcmp(p + e - 3, "\xE4\xBB\xBD", 3) == 0);     /* 份 */
}

/* Is the last word of the cut one character of a common noun or a character
 * word (车, 数) right after a noun word of two or more characters (公务|车,
 * 企业|数)? It ends that noun, as a head the dictionary lacks the compound
 * of. */
static int noun_char_after_noun(const size_t *st, const char *tg, int w)
{
    return w >= 2 && st[w] - st[w - 1] == 3 && (tg[w - 1] == 'n' || tg[w - 1] == 'z') &&
           tg[w - 2] == 'n' && st[w - 1] - st[w - 2] >= 6;
}

/* Is the last word of the cut a verbal noun after a common noun, before an
 * area (海水|养殖8万亩, 设施蔬菜|种植3万亩)? It names what the land is used
 * for; before a count it is mostly the verb (手机|出货6万台). */
static int land_use(const size_t *st, const char *tg, int w, int area)
{
    return area && w >= 2 && tg[w - 1] == 'V' && tg[w - 2] == 'n' && st[w - 1] - st[w - 2] >= 6;
}

/* Is p[s..e) a verb of building work done to its subject (安置房已竣工
 * 2000套, 棚户区改造已完工5千户, 保障房已开工80万平方米)? Between the
 * nouns and a count or area it says what became of what is counted, as
 * 完成 does; unlike a verb with an object (处分|3500余人), not who did it. */
static int building_done(const char *p, size_t s, size_t e)
{
    return zsi_whole_in(MSEC_BUILDING, p, s, e);
}

/* How many of the last words of the cut (one or two: 增至, 增加|到) are a
 * verb of [level], saying the level the count before them reached (家庭农场
 * 增至1.2万家)? Between the nouns and the count it names nothing, as a
 * [strip] word does. */
static int level_words(const char *p, const size_t *st, int w)
{
    int k;
    for (k = 1; k <= 2 && k <= w; k++) {
        const zsi_phrase *v = zsi_match_at(zsi_mset(MSEC_LEVEL), p, st[w - k], st[w]);
        if (v && v->len == st[w] - st[w - k])
            return k;
    }
    return 0;
}

int zsi_count_noun_before(const char *p, size_t ws, size_t we, int area, char *norm, char *raw,
                          zsi_span *at)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], s = we, b, lw, le;
    char tg[ZSI_LEX_CUT_MAX + 1];
    zsi_wbounds wb;
    int w, i, k;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    s = zsi_han_back(p, ws, we, BEFORE_CHARS); /* the Han characters right before the figure */
    if (we - s < 6 || (w = zsi_lex_cut(p, s, we, st, tg, ZSI_LEX_CUT_MAX)) < 1)
        return 0;
    /* filler, a [strip] word or a change word between the phrase and the
     * figure (公司总计, 家庭农场增至): two words at most; any other verb
     * says what was done to what is counted (处分|3500余人), or by whom
     * (记者|来到) */
    w -= level_words(p, st, w);
    for (k = 0; k < 2 && w > 0; k++) {
        const zsi_phrase *sp = zsi_match_at(zsi_mset(MSEC_STRIP), p, st[w - 1], st[w]);
        const zsi_phrase *ch = zsi_match_at(zsi_mset(MSEC_CHANGE), p, st[w - 1], st[w]);
        if (!zsi_all_filler(p, st[w - 1], st[w]) && !(sp && sp->len == st[w] - st[w - 1]) &&
            !(ch && ch->len == st[w] - st[w - 1]) && !building_done(p, st[w - 1], st[w]))
            break;
        w--;
    }
    while (w > 0 && zsi_all_filler(p, st[w - 1], st[w]))
        w--;
    if (w < 1 ||
        !(strchr("nsjZT", tg[w - 1]) || noun_char_after_noun(st, tg, w) ||
          noun_phrase(p, st[w - 1], st[w], tg[w - 1]) || land_use(st, tg, w, area)) ||
        place_name(p, st[w - 1], st[w]) || per_unit_word(p, st[w - 1], st[w]))
        return 0; /* 心电监护|仪 ends in a noun; 出货|6万台 in a verbal noun */
    for (i = w - 1; i > 0; i--) {
        char t = tg[i - 1];
        if (!noun_tag(t) && !modifier_tag(t) && !noun_phrase(p, st[i - 1], st[i], t))
            break; /* 引进|高层次人才, 新三板挂牌|公司 */
    }
    /* a scope or a pointing word first names no part (全市|家庭农场) */
    while (i < w - 1 && (tg[i] == 'r' || (st[i + 1] - st[i] > 3 && !memcmp(p + st[i], "\xE5\x85\xA8", 3))))
        i++;
    /* nor does a verbal noun before the nouns: before a count it is mostly
     * a verb (销售|新家电74533台) */
    while (i < w - 1 && !noun_tag(tg[i]) && !modifier_tag(tg[i]))
        i++;
    while (i < w - 1 && tg[i] == 'V')
        i++;
    /* a one-character word right after a one-character verb, place, name,
     * position or numeral (建档|立|卡|贫困户, 涉|恶|犯罪集团, 在|华|专利申请):
     * the end of a word jieba lacks, no start of the phrase; after 的, a
     * classifier or a conjunction it may start one (的|乳|企, 类|警|情) */
    while (i > 0 && i < w - 1 && st[i + 1] - st[i] == 3 && st[i] - st[i - 1] == 3 &&
           tg[i - 1] && strchr("vRSfpm", tg[i - 1]))
        i++;
    b = st[i];
    /* the window starts inside a run of Han characters, and may start
     * inside a word (重点对象 cut as 点|对象): a phrase from its first words
     * starts where that word does, found in the cut around it */
    if (i <= 1 && s > ws && zsi_han_back(p, ws, s, 1) < s &&
        zsi_lex_inside(p, ws, b, we, &lw, &le) && lw < b)
        b = lw;
    if (zsi_nchars(p, b, st[w]) < 2 || zsi_nchars(p, b, st[w]) > MAX_COUNTED)
        return 0;
    zsi_wb_compute(&wb, p, b < s ? b : s, we);
    if (!zsi_wb_is(&wb, b) || (st[w] < we && !zsi_wb_is(&wb, st[w])))
        return 0; /* an edge inside a word of ICU's */
    zsi_copy_raw(raw, at, p, b, st[w]);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

/* Is word k of the cut of p a verb of two or more characters that another
 * verb of two or more stands before, with only nouns and modifiers of two
 * or more characters between? That one is the clause's verb; word k
 * modifies the nouns after it (投入|保障|人员, 审结|抚养|案件). Not after a
 * [strip] word (累计|接待|游客: 累计 says how the count was kept, 接待 is
 * the verb), nor right after a [vpverb] word, whose object is the verb
 * phrase (推广|种植|水稻: 种植 is the act; with modifiers between, 推广|
 * 高效|照明|产品, word k is one of them), nor after characters jieba could
 * not join (执|结|拖欠). Nor when a noun stands between word k and a
 * [pivot] word (带领|村民|开发|荒山, 帮助|农户|申请|贷款): that noun is the
 * subject of word k, which is its act. */
static int verb_modifies(const char *p, size_t ws, const size_t *st, const char *tg, int k)
{
    int j, noun = 0;
    if (tg[k] != 'v' || st[k + 1] - st[k] < 6)
        return 0;
    for (j = k - 1; j >= 0 && (noun_tag(tg[j]) || modifier_tag(tg[j])); j--) {
        if (st[j + 1] - st[j] < 6)
            return 0;
        noun |= noun_tag(tg[j]);
    }
    if (j < 0 || tg[j] != 'v' || st[j + 1] - st[j] < 6)
        return 0;
    if (j == 0 && st[0] > ws && zsi_han_back(p, ws, st[0], 1) < st[0])
        return 0; /* the cut starts inside a run of Han: word 0 may be the
                   * tail of a longer word, no verb of the clause */
    if (noun && zsi_whole_in(MSEC_PIVOT, p, st[j], st[j + 1]))
        return 0;
    return !zsi_whole_in(MSEC_STRIP, p, st[j], st[j + 1]) &&
           !(j == k - 1 && zsi_whole_in(MSEC_VPVERB, p, st[j], st[j + 1]));
}

int zsi_count_verb_front(const char *p, size_t ws, size_t ms, size_t me, char *norm, char *raw,
                         zsi_span *at)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], s;
    char tg[ZSI_LEX_CUT_MAX + 1];
    zsi_wbounds wb;
    int w, i;
    s = zsi_han_back(p, ws, ms, BEFORE_CHARS);
    if (ms - s < 9 || (w = zsi_lex_cut(p, s, ms, st, tg, ZSI_LEX_CUT_MAX)) < 2 ||
        !verb_modifies(p, ws, st, tg, w - 1))
        return 0;
    for (i = w - 1; i > 0 && (noun_tag(tg[i - 1]) || modifier_tag(tg[i - 1])); i--)
        ;
    zsi_wb_compute(&wb, p, s, ms);
    if (st[i] >= ms || !zsi_wb_is(&wb, st[i]) || me - st[i] >= ZSI_METRIC_BYTES)
        return 0; /* longer than MAX_COUNTED may be (违法违规|住房租赁中介机构,
                   * a name of 12 characters): the verb ends the phrase */
    zsi_copy_raw(raw, at, p, st[i], me);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

size_t zsi_count_act_end(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w;
    if (zsi_metric_data() != 0 || e <= s || (w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX)) < 2 ||
        st[w] != e || !zsi_whole_in(MSEC_COUNTACT, p, st[0], st[1]) ||
        !(noun_tag(tg[1]) || modifier_tag(tg[1]) || tg[1] == 'l') || zsi_nchars(p, st[1], e) < 2)
        return s;
    if (!memcmp(p + e - 3, "\xE6\x95\xB0", 3) || !memcmp(p + e - 3, "\xE9\x87\x8F", 3))
        return s; /* 接待|人数, 接待|游客|量 (数, 量): the verb names the measure with it */
    return st[1];
}

int zsi_particle_at(const char *p, size_t s, size_t e)
{
    return zsi_metric_data() == 0 && zsi_whole_in(MSEC_PARTICLE, p, s, e);
}

int zsi_count_unit_word(const char *p, size_t fs, size_t fe, size_t n, char *norm)
{
    const zsi_phrase *w;
    size_t u;
    norm[0] = '\0';
    if (zsi_metric_data() != 0 || fe <= fs || fe >= n)
        return 0;
    u = fe - zsi_utf8_prev(p, fe); /* the classifier: the figure's last character */
    w = zsi_match_at(zsi_mset(MSEC_UNITWORD), p, u, n);
    if (!w || u + w->len <= fe || w->len >= ZSI_METRIC_BYTES)
        return 0;
    zsi_copy_str(norm, p + u, w->len);
    return 1;
}

int zsi_number_noun_cut(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    if (!zsi_count_noun_cut(p, fe, ce, norm, raw, at))
        return 0;
    if (zsi_lex_cut(p, at->s, at->e, st, tg, ZSI_LEX_CUT_MAX) < 1 || st[1] - st[0] <= 3) {
        norm[0] = raw[0] = '\0'; /* 5万|床|棉被, 近300|幅: a classifier the number left */
        zsi_span_clear(at);
        return 0;
    }
    return 1;
}

int zsi_count_has_verb(const char *p, size_t s, size_t e)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX), i;
    if (w < 1 || st[w] != e)
        return 1; /* longer than the cut reads: unsure */
    for (i = 0; i < w; i++)
        if (!tg[i] || strchr("vdpucyirmx", tg[i]))
            return 1;
    return 0;
}

/* Most characters of a quoted name after a count: a name (“吉林一号”,
 * “最多跑一次”), not a quoted sentence. */
#define QUOTE_CHARS 10

int zsi_count_quote_at(const char *p, size_t fe, size_t ce, size_t *qs, size_t *qe, size_t *after)
{
    unsigned open = 0, close, cp;
    size_t i, l, ol;
    int k = 0;
    if (fe >= ce)
        return 0;
    l = ol = zsi_utf8_decode(p + fe, ce - fe, &open);
    if (open == 0x201C)      /* “ */
        close = 0x201D;      /* ” */
    else if (open == 0x300A) /* 《 */
        close = 0x300B;      /* 》 */
    else
        return 0;
    for (i = fe + l; i < ce; i += l) {
        l = zsi_utf8_decode(p + i, ce - i, &cp);
        if (cp == close) {
            if (k < 2)
                return 0;
            *qs = fe + ol;
            *qe = i;
            *after = i + l;
            return 1;
        }
        if (!zsi_is_run_char(cp) || ++k > QUOTE_CHARS)
            return 0; /* a quoted clause, or a name with marks inside */
    }
    return 0;
}

int zsi_count_measure_at(const char *p, size_t s, size_t ce)
{
    const zsi_phrase *ph;
    if (zsi_metric_data() != 0 || s >= ce)
        return 0;
    ph = zsi_match_at(zsi_mset(MSEC_PHRASES), p, s, ce);
    return ph && ph->len >= 6; /* 营业收入, 利润总额: a known metric of two or more characters */
}

/* Does the word p[s..e) end in a character of [changeform] (攀升, 锐减)?
 * Before a count it says the level the count reached, of a noun before it
 * (日产量|攀升至2000万只), not what is counted. */
static int change_by_form(const char *p, size_t s, size_t e)
{
    size_t l = zsi_utf8_prev(p, e);
    const zsi_phrase *ph;
    if (e - s <= l)
        return 0;
    ph = zsi_match_at(zsi_mset(MSEC_CHANGEFORM), p, e - l, e);
    return ph && ph->len == l;
}

/* Han characters before the verb cut with it to see whether the verb starts
 * inside a word (回|放量): a word of the lexicon is seldom longer. */
#define VERB_LEAD_CHARS 4

int zsi_count_verb_before(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    const zsi_phrase *lv;
    size_t lo, a, b;
    if (zsi_metric_data() != 0 || !zsi_verb_before(p, ws, we, norm, raw, at))
        return 0;
    lo = zsi_han_back(p, ws, at->s, VERB_LEAD_CHARS);
    lv = zsi_match_at(zsi_mset(MSEC_LEVEL), p, at->s, we);
    if (zsi_lex_cut(p, at->s, at->e, st, tg, ZSI_LEX_CUT_MAX) != 1 || (tg[0] != 'v' && tg[0] != 'V') ||
        change_by_form(p, at->s, at->e) || (lv && lv->len > at->e - at->s) ||
        (lo < at->s && zsi_lex_inside(p, lo, at->s, we, &a, &b))) {
        /* 其余, 眼下: no verb; 攀升: a change; 发展|到40人: a level a noun
         * before reached; 回|放量: the end of a word (回放) */
        norm[0] = raw[0] = '\0';
        zsi_span_clear(at);
        return 0;
    }
    return 1;
}

/* Is base unit u one of people, households or times (data/units.tsv gives
 * 名 the base 人)? A verb after such a count says what they did. */
static int unit_of_doers(const char *u)
{
    static const char *const doers[] = {"\xE4\xBA\xBA" /* 人 */, "\xE4\xBD\x8D" /* 位 */,
                                        "\xE6\x88\xB7" /* 户 */, "\xE6\xAC\xA1" /* 次 */,
                                        "\xE4\xBA\xBA\xE6\xAC\xA1" /* 人次 */};
    size_t i;
    for (i = 0; i < sizeof doers / sizeof doers[0]; i++)
        if (!strcmp(u, doers[i]))
            return 1;
    return 0;
}

int zsi_count_object_noun(const char *p, size_t n, size_t ws, size_t we, size_t fe, size_t ce,
                          const char *unit, char *norm, char *raw, zsi_span *at)
{
    size_t st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    unsigned cp = 0;
    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0 || ce <= fe || ce - fe < 6 ||
        !zsi_all_run(p, fe, ce))
        return 0;
    if (ce < n && (zsi_utf8_decode(p + ce, n - ce, &cp), !zsi_is_clause_end(cp) && cp != 0x3001))
        return 0; /* 、 */
    if (zsi_lex_cut(p, fe, ce, st, tg, ZSI_LEX_CUT_MAX) != 1 || tg[0] != 'v' ||
        !zsi_verb_takes_sum(p, ws, we))
        return 0;
    /* 派出30名|支援: what people did; 找来10多名|帮手: a noun of [nounv] */
    if (unit_of_doers(unit) && !zsi_whole_in(MSEC_NOUNV, p, fe, ce))
        return 0;
    /* 退了1万只|回来: a verb's direction, no noun */
    zsi_utf8_before(p, ce, &cp);
    if (cp == 0x6765 || cp == 0x53BB) /* 来, 去 */
        return 0;
    /* 使2000家|受益, 带动300家|增收: the count is the subject of the verb
     * after ([pivot]) */
    if (zsi_match_ending(zsi_mset(MSEC_PIVOT), p, ws, we))
        return 0;
    zsi_copy_raw(raw, at, p, fe, ce);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}

int zsi_count_level_at(const char *p, size_t n, size_t fe)
{
    return zsi_metric_data() == 0 && fe < n && zsi_match_at(zsi_mset(MSEC_LEVEL), p, fe, n) != NULL;
}

int zsi_count_level_after(const char *p, size_t n, size_t fe)
{
    static const char hedge[] = "近约逾超";
    const zsi_phrase *v;
    unsigned cp = 0;
    size_t e;
    if (zsi_metric_data() != 0 || fe >= n)
        return 0;
    v = zsi_match_at(zsi_mset(MSEC_LEVEL), p, fe, n);
    if (!v || (e = fe + v->len) >= n)
        return 0;
    zsi_utf8_decode(p + e, n - e, &cp);
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || /* full-width digits */
           zsi_cn_numeral(cp) >= 0 || zsi_in_set(hedge, sizeof hedge - 1, cp);
}
