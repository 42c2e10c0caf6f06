/*
 * metric_int.h - private interface of metric naming: which noun phrase a
 * figure measures. The design, bottom up:
 *
 *   metric_data.c  the language as data (data/metrics.tsv sections) and the
 *                  place-name lexicon; phrase lookups;
 *   metric_wb.c    word boundaries (ICU dictionary break) of a window, so a
 *                  metric never starts or ends inside a word;
 *   metric_class.c the classes of characters and words asked about below
 *                  (filler, stop words, nouns, numerals, determiners);
 *   metric_edge.c  where the lexicon's words are around a metric's edge;
 *   metric_run.c   the run of whole words a head ends, back to its start;
 *   metric_front.c its front checked again by the most likely cut, and
 *                  where its normal form starts;
 *   metric_noun.c  the noun nearest the end of a window: candidates from the
 *                  data, the nearest whose edges and run settle;
 *   metric_np.c    a bare noun phrase before a figure that no data names;
 *   metric_after.c a noun printed after a figure (what a share counts);
 *   metric_verb.c  a verb before a figure that names it (投入, 挣);
 *   metric_subject.c the subject of a predicate, past an adverbial, and the
 *                  base a clause compares with (比去年);
 *   metric_apart.c a subject set apart from its predicate by time words,
 *                  adverbs, [link] verbs or a compared time;
 *   metric_most.c  the thing a superlative clause names (涨幅最大的是油菜),
 *                  the subject of the clause after it;
 *   metric_change.c the change word before a figure (增长, 狂降, 提高至);
 *   metric_share.c the share 占 makes (A占B的x%);
 *   metric_rate.c  rates of change as nouns: whose rate, a rate after the
 *                  figure;
 *   metric.c       what figure.c asks (figure_int.h): metric_before() (the
 *                  change word or share and the noun before a figure),
 *                  links between two figures of one clause;
 *   metric_inside.c once every figure is named: no metric that starts inside
 *                  a word a figure's unit begins (万台|湾同胞), nor in the
 *                  来 after a span of time (30年|来);
 *   metric_coord.c once every figure is named: the conjuncts before a
 *                  metric's noun (违规、|违法问题) taken with it, and
 *                  one after it up to the figure (善款|和物资);
 *   metric_countfront.c once every figure is named: the verbal noun
 *                  before a count's noun, after the clause's verb, taken
 *                  with it (抓获|犯罪嫌疑人);
 *   metric_never.c once every figure is named: no metric that is one word
 *                  of [never] alone (包含, 时候, 足足);
 *   metric_verbform.c once every figure is named: a verb of one character
 *                  alone names its sum by [verbform] (赚 -> 收入).
 *
 * The code decides only which candidate is nearest and where its edges are;
 * every word list is data. Symbols are hidden (zsi_ prefix); nothing prints;
 * nothing allocates after the data is loaded.
 */
#ifndef ZS_EXTRACT_METRIC_INT_H
#define ZS_EXTRACT_METRIC_INT_H

#include <stddef.h>
#include <stdint.h>

#include "figure_int.h"

/* From park_words.c (park_int.h, whose inline helpers would clash with ours):
 * the place-name lexicon, so that a metric run stops at a place name
 * (北京生猪收购价 -> 生猪收购价). */
typedef struct zsi_words zsi_words;
int zsi_words_open(zsi_words **out);
unsigned zsi_words_find(const zsi_words *w, const char *s, size_t n, size_t *row);
int zsi_words_place(const zsi_words *w, size_t row, const char **city, const char **province);
/* Does the lexicon give s[0..n) the class flag (ZSW_FOREIGN_: a place
 * abroad of data/foreign.txt: 美国, 日本, 欧盟)? */
int zsi_words_has(const zsi_words *w, const char *s, size_t n, unsigned flag);
/* zsi_words_find() and, in *hidden, what zsi_words_has() tests, from one lookup. */
unsigned zsi_words_find_all(const zsi_words *w, const char *s, size_t n, size_t *row,
                            unsigned *hidden);
#define ZSW_PLACE_ 1u /* ZSW_PLACE of park_int.h */
#define ZSW_NOUN_ 4u  /* ZSW_NOUN of park_int.h: common nouns */
#define ZSW_NAME_ 8u  /* ZSW_WORD of park_int.h: person and other names */
#define ZSW_STOP_ 2u  /* ZSW_STOP of park_int.h: wordclass.txt "stop" */
#define ZSW_VNOUN_ 32u /* ZSW_VNOUN of park_int.h: wordclass.txt "vnoun" */
#define ZSW_FOREIGN_ 64u /* ZSW_FOREIGN of park_int.h: data/foreign.txt */
#define ZSW_TOWN_ 3 /* ZSW_TOWN: towns (镇, 乡) and their peers */
#define ZSW_COUNTY_                                                                                \
    2 /* ZSW_COUNTY: provinces, cities and counties stop a run, not
                        * towns or jieba's ns words (农村 is one) */

/* From quantity.c (quantity_int.h, whose inline helpers would clash with
 * ours): does a hedge (超过, 突破, 接近, 不足) start at p[i]? */
int zsi_hedge_at(const char *p, size_t n, size_t i);

/* Longest metric run found through a suffix, in characters (suffix included). */
#define MAX_RUN_CHARS 16
/* Longest metric run read after a figure (8000元的产业扶持资金), in characters:
 * short, as a noun there must end before the clause goes on. */
#define MAX_AFTER_CHARS 8
/* Most characters of a window handed to ICU (the end nearest the figure). */
#define MAX_WB_CHARS 40
/* Characters a window takes beyond MAX_WB_CHARS so as to start where a run of
 * Han, letters or digits does, not inside it (制造|业中长期贷款: a window that
 * starts at 业 makes 业 a word's start); WB_ALL_CHARS is the most in all.
 * A longer run keeps the window of MAX_WB_CHARS. */
#define WB_RUN_CHARS 12
#define WB_ALL_CHARS (MAX_WB_CHARS + WB_RUN_CHARS)
/* Bytes broken left of the nearest candidate (its run of at most
 * MAX_RUN_CHARS characters, and a word more). */
#define WB_MARGIN ((MAX_RUN_CHARS + 2) * 3)
/* Most candidates weighed for one figure. */
#define MAX_CANDS 24
/* Most Han characters between two figures that may still link them. */
#define MAX_LINK_HAN 12
#define NBUCKET 256
/* The verbs of compounds (排放, 采购, 阅读: at most 4,979 in jieba's corpus
 * among those checked on real output) are rarer than the general ones that
 * head a predicate (表现 15,867, 包括 24,052, 可能 31,213; 成立 14,079). */
#define VERB_GENERAL 10000.0

typedef struct zsi_phrase {
    const char *s;
    size_t len;
    const char *norm; /* NUL-terminated; == s for its own normal form */
    size_t nlen;
} zsi_phrase;

/* A set of phrases bucketed by a hash of their first character. */
typedef struct zsi_phrase_set {
    zsi_phrase *v;
    size_t n;
    size_t start[NBUCKET + 1];
    /* v's indexes grouped by the phrase's last byte, each group in v's
     * order: last[last_start[b]..last_start[b + 1]) for byte b (NULL: none
     * made, zsi_match_ending() reads all of v) */
    uint32_t *last;
    size_t last_start[257];
} zsi_phrase_set;

enum {
    MSEC_PHRASES,
    MSEC_SUFFIXES,
    MSEC_STOP,
    MSEC_STRIP,
    MSEC_NONMETRIC,
    MSEC_CHANGE,
    MSEC_PERUNIT,
    MSEC_CONJ,
    MSEC_MODIFIER,
    MSEC_SHARE,
    MSEC_ADVERBIAL,
    MSEC_CHANGEFORM,
    MSEC_QUOTE,
    MSEC_RECIPIENT,
    MSEC_SAYING,
    MSEC_BUILDING,
    MSEC_LEVEL,
    MSEC_CATEGORY,
    MSEC_ACTIVITY,
    MSEC_SHARELEAD,
    MSEC_FATE,
    MSEC_DEPENDENT,
    MSEC_LINK,
    MSEC_HEADS,
    MSEC_SPEND,
    MSEC_NEVER,
    MSEC_VERBFORM,
    MSEC_PREDICATE,
    MSEC_COMPARE,
    MSEC_SETANEW,
    MSEC_MARK,
    MSEC_NOUNV,
    MSEC_PIVOT,
    MSEC_GUESS,
    MSEC_DEAL,
    MSEC_UNITWORD,
    MSEC_VPVERB,
    MSEC_PARTICLE,
    MSEC_TIMEUNIT,
    MSEC_TAILADVERB,
    MSEC_TIMEEARN,
    MSEC_TIMEADVERB,
    MSEC_MEASURE,
    MSEC_UNITADVERB,
    MSEC_COUNTACT,
    MSEC_COUNT
};

/* ---- interface to metric_data.c ---- */

/* Load the data once per process. @return 0, ZS_ENOMEM or ZS_EIO. */
int zsi_metric_data(void);

/* Section sec (MSEC_*) of the loaded data. Borrowed for the process. */
const zsi_phrase_set *zsi_mset(int sec);

/* The place-name lexicon; NULL when it could not be loaded (no place stops). */
const zsi_words *zsi_mplaces(void);

/* The words of data/lexicon.txt, which the segmenter keeps whole beside
 * ICU's (保税区, 签约, 百分点); borrowed for the process. Its phrases are
 * not NUL-terminated: use s and len. */
const zsi_phrase_set *zsi_mdomain(void);

/* The longest phrase of ps that starts at p[s] and ends by p[end]; NULL if none. */
const zsi_phrase *zsi_match_at(const zsi_phrase_set *ps, const char *p, size_t s, size_t end);

/* Is p[s..e) whole one phrase of section sec (MSEC_*)? */
int zsi_whole_in(int sec, const char *p, size_t s, size_t e);

/* A phrase of ps that ends exactly at p[e] and starts at or after p[start]. */
const zsi_phrase *zsi_match_ending(const zsi_phrase_set *ps, const char *p, size_t start, size_t e);

/* A whole printed phrase of [phrases] (full-width letters and digits folded). */
const zsi_phrase *zsi_lookup_exact(const char *s, size_t n);
/* Does the run p[s..e) after a figure start with 级 (百亿美元级): a size class. */
int zsi_grade_after(const char *p, size_t s, size_t e);

/* Han (ICU's script; the common block without asking). */
int zsi_m_is_han(unsigned cp);

/* Han, Latin letters and digits, ASCII or full width: what a metric run holds. */
int zsi_is_run_char(unsigned cp);

/* Copy p[s..e) into dst (ZSI_METRIC_BYTES), dropping line breaks, cutting on a
 * UTF-8 boundary; copy_str copies s[0..n); append_str appends s to dst.
 * zsi_copy_raw is zsi_copy_phrase that also sets *at (may be NULL) to s..e:
 * every metric as printed is copied by it, so its place travels with it. */
void zsi_copy_phrase(char *dst, const char *p, size_t s, size_t e);
void zsi_copy_raw(char *dst, zsi_span *at, const char *p, size_t s, size_t e);
void zsi_copy_str(char *dst, const char *s, size_t n);
void zsi_append_str(char *dst, const char *s);

/* ---- interface to metric_wb.c ---- */

/* The word boundaries of p[s..e): byte offsets, ascending, s and e included. */
typedef struct zsi_wbounds {
    size_t s, e;
    size_t off[WB_ALL_CHARS * 2 + 2];
    int n;
} zsi_wbounds;

/* Break the last MAX_WB_CHARS characters of p[s..e), and up to WB_RUN_CHARS
 * more back to the start of the run the window would start inside (wb->s
 * says where it began). */
void zsi_wb_compute(zsi_wbounds *wb, const char *p, size_t s, size_t e);
/* Is off a word boundary? Outside the broken range nothing is known: yes. */
int zsi_wb_is(const zsi_wbounds *wb, size_t off);
/* The last boundary at or before off (wb->s at the least). */
size_t zsi_wb_le(const zsi_wbounds *wb, size_t off);
/* The next boundary after off (wb->e at the most). */
size_t zsi_wb_gt(const zsi_wbounds *wb, size_t off);

/*
 * The run of words after a figure that ends at fe, within p[fe..ce): past a
 * 的 (none: no run when need_de), at most max characters of the class is.
 * *s receives its start; returns its end (*s when there is no run).
 */
size_t zsi_run_after(const char *p, size_t fe, size_t ce, int need_de, size_t max,
                     int (*is)(unsigned), size_t *s);

/* ---- interface to metric_lex.c ---- */

/*
 * Is byte offset at, between two Han characters of p[lo..hi), inside a word
 * of the most likely cut of the characters around it by jieba's word
 * frequencies (中国|家电: 国 starts no word there)? *ws and *we receive that
 * word's bytes. @return 1 inside, 0 a boundary (or no data).
 */
int zsi_lex_inside(const char *p, size_t lo, size_t at, size_t hi, size_t *ws, size_t *we);
/* Is p[s..e), two to four characters, a word of jieba's dictionary
 * (data/words.tsv)? ICU cuts some of them (成功|率, 开工|率). */
int zsi_lex_is_word(const char *p, size_t s, size_t e);
/* Is p[s..e) a word of the data seen fewer than ZSI_LEX_RARE times in
 * jieba's corpus (下岗职工, 支援灾区: compounds its dictionary lists with
 * a count of 3 or 4)? Their cut is jieba's, their part of speech often
 * is not (支援灾区 is filed a noun). */
#define ZSI_LEX_RARE 5
int zsi_lex_rare(const char *p, size_t s, size_t e);
/* How many times jieba's corpus saw the word p[s..e) (data/words.tsv's
 * count); 0 when the data lacks it. */
double zsi_lex_count(const char *p, size_t s, size_t e);
/* Where the run of Han characters that ends at p[e] starts: at most max
 * characters back, never before lo (the text zsi_lex_cut is given to read
 * the words before a figure or a word). */
size_t zsi_han_back(const char *p, size_t lo, size_t e, int max);
/* Where the characters that end at p[e] and are all of the class is
 * start: at most max characters back, never before lo. */
size_t zsi_back_while(const char *p, size_t lo, size_t e, size_t max, int (*is)(unsigned));
/* Most characters zsi_lex_cut cuts. */
#define ZSI_LEX_CUT_MAX 24
/*
 * The most likely cut of p[s..e) into words of jieba's dictionary, as jieba
 * cuts without its HMM (the path whose word frequencies multiply to the
 * most; a character the data lacks is a word of count 1, a run of letters
 * or digits one word). start[0..w] receives the words' starts and e, tag[0..w)
 * their parts of speech (data/words.tsv's byte; 'x' for a word the data
 * lacks). @return w, the words (at most max), 0 when p[s..e) is empty, longer
 * than ZSI_LEX_CUT_MAX characters or cut into more than max words.
 */
int zsi_lex_cut(const char *p, size_t s, size_t e, size_t *start, char *tag, int max);

/* ---- interface to metric_prep.c ---- */

/*
 * Where a metric starting at b (its candidate at hs, its end e, the clause
 * from cut) starts when a preposition of [recipient] stands before it with
 * its object and a verb (向|红十字会|捐款, 为|企业|发放|贷款): at the verb,
 * and *ns (its normal form) at what the verb hands over, or at the verb
 * when nothing follows it. b (and *ns = b) when there is none.
 */
size_t zsi_recipient_front(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t hs,
                           size_t e, size_t *ns);

/* ---- interface to metric_term.c ---- */

/*
 * Where a metric whose run starts at b (the clause from cut) starts so as to
 * cut no printed term: at the opening mark of a term quoted right before it
 * (“三公”|经费). b when there is none.
 */
size_t zsi_term_front(const char *p, size_t cut, size_t b);
/* Drop the quote marks (“ ” 「 」) of a normal form, in place. */
void zsi_drop_quotes(char *norm);

/* ---- interface to metric_class.c ---- */

/* Is cp one of the characters of the UTF-8 literal set[0..n)? */
int zsi_in_set(const char *set, size_t n, unsigned cp);
/* The code point at p[i] (0 at or past e). */
unsigned zsi_cp_at(const char *p, size_t i, size_t e);
/* Characters in p[s..e). */
size_t zsi_nchars(const char *p, size_t s, size_t e);
/* A digit, ASCII or full width? */
int zsi_is_digit_cp(unsigned cp);
/* Only run characters (Han, letters, digits) in p[s..e)? */
int zsi_all_run(const char *p, size_t s, size_t e);
/* Does p[s..e) hold a digit or a Chinese numeral (一个, 两辆)? */
int zsi_has_numeral(const char *p, size_t s, size_t e);
/* Is p[s..e) one word of jieba's most likely cut, of part of speech tag? */
int zsi_lex_tag_is(const char *p, size_t s, size_t e, char tag);
/* One Han character whose likeliest cut is one word tagged tag (v: 挣; a: 纯)? */
int zsi_one_char_tagged(const char *p, size_t s, size_t e, char tag);

/* A character that links a metric to its figure inside one of ICU's words
 * (收益率由, 总额达)? */
int zsi_links_on(unsigned cp);
/* A character a window may hold between a change word and the figure
 * without naming anything (为, 达到, 分别, 约 ...)? */
int zsi_is_filler(unsigned cp);
/* Only filler (为, 达到, 分别, 同比 ...), spaces and line breaks in p[s..e)? */
int zsi_all_filler(const char *p, size_t s, size_t e);
/* Is there a 的 in p[s..e)? */
int zsi_has_de(const char *p, size_t s, size_t e);
/* May a metric end at e (a word ends there, the window ends, or a linking
 * character follows: 收益率由)? */
int zsi_end_ok(const zsi_wbounds *wb, const char *p, size_t e, size_t we);
/* A one-character direction (方位) word that ends a word before it (区内,
 * 年内, 省外, 其中): never the first character of a metric. */
int zsi_is_direction(unsigned cp);
/* A one-character word that always stands alone (particles, conjunctions,
 * coverbs, determiners, time units, the tails of division names)? */
int zsi_is_alone(unsigned cp);
/* A determiner (这, 那, 此, 该, 每, 各, 某, 哪, 其, 本)? */
int zsi_is_determiner(unsigned cp);
/* Is p[s..e) the one character 率 or 量? */
int zsi_rate_or_amount(const char *p, size_t s, size_t e);

/* The clause start in p[ws..we): after the last conjunction word (但是,
 * 同时, 而 ...) that stands as a word of its own. */
size_t zsi_conj_cut(const zsi_wbounds *wb, const char *p, size_t ws, size_t we);
/* Is p[s..e), one word, a word a metric run never extends back over (a stop
 * word, a place name)? */
int zsi_is_stop_word(const char *p, size_t s, size_t e);
/* Is p[s..e) a word of wordclass.txt's "stop" class (jieba's verbs,
 * adverbs, pronouns ...: 吸引, 实现, 直接), not a verb-noun ("vnoun")? */
int zsi_is_class_stop(const char *p, size_t s, size_t e);
/* Is p[s..e) a common noun of wordclass.txt (家庭, 成果)? */
int zsi_is_noun_word(const char *p, size_t s, size_t e);
/* Is p[s..e) a verb-noun of wordclass.txt (建设, 发展)? */
int zsi_is_vnoun(const char *p, size_t s, size_t e);
/* Where ICU's word that ends at b starts when it is one character at or
 * after cut (its code point in *cp); (size_t)-1 when there is none. */
size_t zsi_one_char_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b,
                           unsigned *cp);
/* Is the one-character word ending at b a conjunction (及, 和, 与, 或)? */
int zsi_conj_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b);
/* Is the noun starting at p[b] counted or pointed at (5家|单位, 这些|单位)? */
int zsi_quantified(const char *p, size_t b);

/* ---- interface to metric_edge.c ---- */

/* A word of the lexicon of class flags that ends at b and starts on a
 * boundary at or before pb (服务|业: 服务业): @return its start, or pb.
 * zsi_noun_span asks for common nouns. */
size_t zsi_word_span(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b,
                     unsigned flags);
size_t zsi_noun_span(const zsi_wbounds *wb, const char *p, size_t cut, size_t pb, size_t b);
/* Does the full name of a town of the place lexicon (X镇, X乡) end at b? */
int zsi_town_ends_at(const zsi_wbounds *wb, const char *p, size_t cut, size_t b);
/* Does a numeral and a classifier (三家, 十几个) end at word boundary b? */
int zsi_counted_before(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e);
/* The characters p[s..e) costs of a run's MAX_RUN_CHARS (a [modifiers]
 * entry, is_mod, counts as two). */
size_t zsi_mod_chars(const char *p, size_t s, size_t e, int is_mod);
/* The flags of the shortest word of the lexicon that holds byte at strictly
 * inside it, within p[lo..hi) (its bounds in *start, *end); 0 when none. */
unsigned zsi_word_across(const char *p, size_t lo, size_t at, size_t hi, size_t *start,
                         size_t *end);
/* Does a word of the lexicon start at s and end after e (by hi)? */
int zsi_word_beyond(const char *p, size_t s, size_t e, size_t hi);
/* Does p[b] follow a Latin letter, a digit or a closing quote (U”|型)? */
int zsi_ends_token(const char *p, size_t b);
/* Does a metric ending at e end inside a common noun of the lexicon (a word
 * starting at or after lo and ending by hi: 最高额|度, 纳税|人)? */
int zsi_ends_in_noun(const zsi_wbounds *wb, const char *p, size_t lo, size_t e, size_t hi);
/* A run starting at b on a lone piece right after another lone piece
 * starts inside a word ICU lacks (版|张|定价): @return the new start. */
size_t zsi_join_split_word(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t s,
                           size_t we);

/* ---- interface to metric_run.c ---- */

/* Where the run of whole words that ends in the head at from..e starts,
 * never before cut. */
size_t zsi_run_start(const zsi_wbounds *wb, const char *p, size_t cut, size_t from, size_t e);
/* Where a metric that starts at a per-year 年 at b starts with the common
 * noun that owns it (企业|年产值), b when none. */
size_t zsi_period_owner(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e);
/* Where a grade or rank word that ends at b starts (二三|级, 500|强), b when
 * none, never before cut. */
size_t zsi_grade_start(const char *p, size_t cut, size_t b);

/* ---- interface to metric_front.c ---- */

/* Where the normal form of a metric starting at b starts: after [strip]
 * words and what precedes them, a count of places, line breaks. */
size_t zsi_strip_start(const zsi_wbounds *wb, const char *p, size_t b, size_t limit);
/* A start inside a place word of the most likely cut moves to its start
 * (省|外汽运补贴); inside a word of no noun class, to its end when that is
 * by the head's start hs (四季|度违规收费). */
size_t zsi_seg_back(const char *p, size_t cut, size_t b, size_t hs, size_t e);
/* A first word that is a pronoun (某|企业) is dropped; the head from hs stays. */
size_t zsi_seg_front(const char *p, size_t b, size_t hs, size_t e);
/* A front that names an owner (钢铁行业|主营业务收入) is dropped. */
size_t zsi_owner_front(const zsi_wbounds *wb, const char *p, size_t b, size_t hs, size_t e);
/* Where the normal form of a phrase from b starts when its first word names
 * an organisation (招商局|捐款: at 捐款); b when it does not. */
size_t zsi_org_front(const zsi_wbounds *wb, const char *p, size_t b, size_t hs, size_t e);
/* Where the normal form of a phrase from b starts when it opens with a
 * village's name (杨岭村|人均收入: at 人均收入); b when it does not. */
size_t zsi_village_front(const char *p, size_t b, size_t hs, size_t e);
/* Is the word p[ls..le) across the start b a compound noun the run takes
 * whole (发明|专利授权量)? */
int zsi_front_noun(const zsi_wbounds *wb, const char *p, size_t cut, size_t ls, size_t b, size_t le,
                   size_t e);
/* A leading classifier or 等 ends the phrase before it (食品和居住|类|价格). */
size_t zsi_lead_piece_end(const zsi_wbounds *wb, const char *p, size_t cut, size_t b, size_t e);

/* ---- interface to metric_noun.c ---- */

/*
 * The metric noun nearest the end of p[ws..we): the rightmost candidate that
 * settles. *cutp (may be NULL) receives the clause start after conjunctions,
 * *endp (may be NULL) the end of the noun found, *at (may be NULL) where raw
 * is printed.
 * @return 1 found (norm, raw written), 0 none.
 */
int zsi_find_noun(const char *p, size_t ws, size_t we, char *norm, char *raw, zsi_span *at,
                  size_t *cutp, size_t *endp);

/* zsi_np_before: declared in figure_int.h, which figure.c also asks. */

/* ---- interface to metric_de.c ---- */

/* A metric m found in p[ws..) that is a [dependent] head alone right after a
 * 的 (原料铜的价格) takes the noun phrase before the 的, whose share, price or
 * cost it is: raw 原料铜的价格, norm 原料铜价格. Else m is left as it is. */
void zsi_de_owner(const char *p, size_t ws, zsi_metric *m);

/* ---- interface to metric.c ---- */

/* metric_before's flags: change words known by their form (狂降) count; the
 * figure is an amount of money, whose bare noun phrase may end in a noun ICU
 * cut before its last character (zsi_np_before_money) */
#define MB_FORMS 1
#define MB_MONEY 2
/* the figure is an amount of money or a rate, which a subject before [link]
 * verbs and adverbs names (债权总计3亿元, 毛利甚至高达40%); a count or a
 * duration there says what the subject does (需要3秒, 至少需要5年) */
#define MB_LINKS 4
/* the phrase is followed by its clause's predicate (a change word: 受益企业|
 * 增至, 参保人数|增长): zsi_np_before's ZSI_NP_PRED */
#define MB_PRED 8

/* Is the whole of s a place name (a division or a jieba ns word: 法国)? */
int zsi_only_place(const char *s);

/* ---- interface to metric_share.c ---- */

/* zsi_zhan_at's and zsi_in_at's answer when no 占 (在) stands as a word. */
#define NO_ZHAN ((size_t)-1)

/* Parts of speech (data/words.tsv's byte) of a word that may end the noun a
 * share counts: common nouns (n: 居民, 商家), verbal nouns (V), other proper
 * nouns (Z), abbreviations (j: 中小企业), and jieba's person words (R), which
 * file peoples (德国人) with names: no share counts a person. Not a place (S)
 * or an organisation (T): a share of 法国 names no population. */
#define SHARE_HEAD "nVZjR"
/* A word of these may stand before the head as its modifier: distinguishing
 * words (b: 大型), adjectives (a), places (S: 美国居民), idioms (l, i). */
#define SHARE_MOD "balSi"

/* Is p[s..s+6) 占 with its complement or aspect (占到, 占了, 占据, 占有)? */
int zsi_zhan_complement(const char *p, size_t s, size_t we);
/* Where 占 stands as a word in p[ws..we) (or with its complement), the last
 * one; NO_ZHAN when none. */
size_t zsi_zhan_at(const char *p, size_t ws, size_t we);
/* The noun phrase right before 占 at z (其中健身工作室|占70%): 1 found (m's noun set), 0 none. */
int zsi_zhan_subject(const char *p, size_t ws, size_t z, zsi_metric *m);
/* The noun phrase before adverbs before 占 at z (铁路大约占七成); 1 with m set. */
int zsi_zhan_subject_past_adverbs(const char *p, size_t ws, size_t z, zsi_metric *m);
/* A占B…x%: A, named right before the 占 at z, names the share; 1 with m set, 0 none. */
int zsi_share_subject(const char *p, size_t ws, size_t z, size_t ns, zsi_metric *m);
/* The object of 占 whole, from 占 to the noun found at ns..ne
 * (占政府采购总支出的27%); 1 extended. */
int zsi_zhan_object(const char *p, size_t z, size_t we, size_t ns, size_t ne, zsi_metric *m);
/* The object of a 占 that no noun of the data names (占家用电器总能耗的一成); 1 with m set. */
int zsi_zhan_whole(const char *p, size_t z, size_t we, zsi_metric *m);
/* Does raw end in a total, 总 and one character (总量, 总数)? */
int zsi_ends_total(const char *raw);
/* A total alone or after one stop word (全市总量): it names no whole of its own. */
int zsi_bare_total(const char *raw);
/* A printed metric 占…总量 takes what it is a share of as its normal form. */
void zsi_share_of_norm(zsi_metric *m);
/* A在B中的比重: where the 在 stands before a share word found at ns; NO_ZHAN otherwise. */
size_t zsi_in_at(const char *p, size_t ws, size_t ns, const zsi_metric *m);

/* ---- interface to metric_change.c ---- */

/* Does p[s..e) hold 至 or 到 (not the 到 of 达到): a change to a new level? */
int zsi_has_to(const char *p, size_t s, size_t e);
/* A 由 or 从 opening a from-to change before the figure: the window's new end, or we. */
size_t zsi_from_cut(const char *p, size_t ws, size_t we);
/* A [changeform] change word ending at p[s..s+3) (压|减, 狂降); *gs its start; NULL when none. */
const zsi_phrase *zsi_change_by_form(const char *p, size_t ws, size_t s, size_t we, size_t *gs);
/* Is the change word a rate noun, ending in 幅 or 速 (涨幅, 增速)? */
int zsi_rate_noun(const zsi_phrase *ch);
/* Only words naming nothing between a rate noun and its figure (预计为, 平均在;
 * with at set also 都在, 约在, for a percent)? */
int zsi_rate_link(const char *p, size_t s, size_t e, int at);
/* Only filler and the 比 of a comparison with a time (比上月)? */
int zsi_filler_or_than(const char *p, size_t s, size_t e);
/* A bare comparative before a figure (比上月多, 偏多, 高达): it names no subject. */
int zsi_bare_comparative(const char *p, size_t s, size_t e);
/* Does the change word at gs open with what it is reckoned against (同比, 较)? */
int zsi_compared_now(const char *p, size_t gs);
/* 同比分别增长: the [change] word 同比增长 printed apart; *cs its start; NULL when none. */
const zsi_phrase *zsi_compared_apart(const char *p, size_t ws, size_t gs, size_t ge, size_t *cs);

/* ---- interface to metric_subject.c ---- */

/* The noun before e that the predicate at e is said of, past an adverbial (see the definition). */
int zsi_subject_noun(const char *p, size_t ws, size_t e, char *norm, char *raw, zsi_span *at,
                     size_t *cutp, size_t *endp, int *objp);
/* After a [conj] word that opens p[ws..we) and has words after it; ws when none. */
size_t zsi_skip_conj(const char *p, size_t ws, size_t we);
/* Does the clause open with 比 or 较 as a word before ns (the base compared with)? */
int zsi_compared_base(const char *p, size_t ws, size_t ns);
/* Does 相比 or 相较 follow the figure ending at fe, past filler, in its clause
 * ending at ce (与去年的7.88亿元相比)? */
int zsi_compared_after(const char *p, size_t fe, size_t ce);
/* Does the noun phrase at ns follow 比 or 较 standing as a word? */
int zsi_after_than(const char *p, size_t ws, size_t ns, size_t z);
/* The bare noun phrase ending at we, as metric_before's MB_ flags read it. */
int zsi_np_before_mb(const char *p, size_t ws, size_t we, int flags, char *norm, char *raw,
                     zsi_span *at);

/* ---- interface to metric_apart.c ---- */

/* ICU's words of the last TAIL_CHARS characters of p[ws..we) into *wb; the window's start. */
size_t zsi_tail_words(zsi_wbounds *wb, const char *p, size_t ws, size_t we);
/* Where the adverbs, time words and filler that end p[ws..we) start (约, 只,
 * 目前: jieba's d and t); we when none. */
size_t zsi_strip_adverbs(const char *p, size_t ws, size_t we);
/* The subject before the time words and adverbs before a change verb at gs. */
int zsi_subject_past_adverbs(const char *p, size_t ws, size_t gs, int flags, zsi_metric *m);
/* An activity named by its verb before a change at gs (专利申请|同比增长); 1 with m set. */
int zsi_verbal_subject_m(const char *p, size_t ws, size_t gs, int rate, int verb_ok, zsi_metric *m);
/* The subject before a time compared with (市场|比2009年|增长287%). */
int zsi_subject_before_time_base(const char *p, size_t ws, size_t gs, int flags, zsi_metric *m);
/* The subject before adverbs and [link] verbs that end p[ws..we) (债权|总计约). */
int zsi_subject_past_links(const char *p, size_t ws, size_t we, int flags, zsi_metric *m);
/* The work named before 完成 right before a rate (建安工程完成11%); 1 with m set. */
int zsi_work_done_subject(const char *p, size_t ws, size_t we, int flags, zsi_metric *m);

/* ---- interface to metric_rate.c ---- */

/* Whose rate a rate of change at rs after a 的 is (该行业的增速); 1 with m set. */
int zsi_rate_owner(const char *p, size_t ws, size_t rs, int flags, zsi_metric *m);
/* A rate noun alone at ns..ne takes its owner before the 的 (…支出增长率); 1 when so named. */
int zsi_owned_rate(const char *p, size_t ws, size_t ns, size_t ne, int flags, zsi_metric *m);
/* Where the light predicate at the end of p[ws..we) starts (需求|将保持); we when none. */
size_t zsi_strip_predicate(const char *p, size_t ws, size_t we);
/* The change a rate printed after its figure and 的 names (的增速, 速度增长); NULL when none. */
const zsi_phrase *zsi_change_after_de(const char *p, size_t q, size_t ce, size_t *cs, size_t *cend);

/* ---- interface to metric_coord.c ---- */

/* Put p[s..e), printed right before f's noun, before f's metric, both
 * forms, its noun then starting at s; the caller checks that both fit in
 * ZSI_METRIC_BYTES. */
void zsi_metric_prepend(zsi_figure *f, const char *p, size_t s, size_t e);

#endif
