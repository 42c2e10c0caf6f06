/*
 * metric_de.c - the owner of a dependent head: a share, a price or a cost
 * found alone right after a 的 (高档楼盘的比例, 原料铜的价格, 液晶面板市场的
 * 份额) names no quantity without the noun phrase before the 的, whose
 * share, price or cost it is; the metric takes that phrase (液晶面板市场份额).
 *
 * Invariants: allocates nothing; the metric only grows leftwards, over the
 * 的 and the phrase, never before the clause start ws.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

/* Parts of speech (data/words.tsv's byte) of the owner's last word: a common
 * noun (n), a verbal noun (V), another proper noun (Z), an abbreviation (j),
 * an idiom (l). Not a time word (t: 当月的费用), a pronoun (r: 其的), a
 * numeral (m), a direction (f: 能源消费中的比重) or a place (S): a place's
 * share names where, not what. */
#define OWNER_HEAD "nVZjl"
/* Words that may stand before the last one in the owner: common and proper
 * nouns, abbreviations, idioms, distinguishing words (b: 大型), adjectives
 * (a), places and place words (S, s: 韩国活塞环市场, 国内手机市场), person
 * words (R). Not a verbal noun (出口|
 * 纺织品服装的价格: as often the clause's verb as a modifier). */
#define OWNER_MOD "nZjlbaSsR"
/* Words the owner starts right after: it ends their phrase, and the owner
 * starts a phrase of its own (采用|新型门窗, 在|全球液晶面板市场, 转归为|治愈):
 * verbs, prepositions, conjunctions, particles, adverbs, pronouns, directions,
 * numerals, time words and classifiers. After any other word (非|银行, 3D|
 * 电视, a noun the cut left out) the owner's front is not sure, and the head
 * stays alone. */
#define OWNER_AFTER "vpcudrfmtq"

/* Is p[s..e) one whole entry of [dependent]? */
static int dependent_head(const char *p, size_t s, size_t e)
{
    return zsi_whole_in(MSEC_DEPENDENT, p, s, e);
}

int zsi_dependent_word(const char *p, size_t s, size_t e)
{
    return zsi_metric_data() == 0 && dependent_head(p, s, e);
}

/*
 * The noun phrase that ends right before the 的 at de, by the most likely
 * cut of the Han before it (jieba's words and parts of speech): its last word
 * of OWNER_HEAD, the words before of OWNER_MOD, back to a word of another
 * class or the clause start. A verb of two characters alone (治愈的比例: the
 * share of the cured) owns a share too. Not after 占 (建筑涂料占涂料总量的
 * 比例: a share of the whole, which the 占 rules name). @return the phrase's
 * start, or de when there is none.
 */
static size_t owner_start(const char *p, size_t ws, size_t de)
{
    size_t lo = zsi_han_back(p, ws, de, ZSI_LEX_CUT_MAX), st[ZSI_LEX_CUT_MAX + 1];
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, i;
    w = zsi_lex_cut(p, lo, de, st, tg, ZSI_LEX_CUT_MAX);
    if (w < 1 || !tg[w - 1])
        return de;
    if (tg[w - 1] == 'v') {
        /* 治愈的比例; not 所占的比重 (所|占: no word of two), 增长的比例 */
        if (zsi_nchars(p, st[w - 1], de) != 2 || zsi_is_stop_word(p, st[w - 1], de) ||
            (w > 1 && tg[w - 2] == 'v') ||
            zsi_match_ending(zsi_mset(MSEC_CHANGE), p, st[w - 1], de) ||
            zsi_match_at(zsi_mset(MSEC_STRIP), p, st[w - 1], de))
            return de;
        i = w - 1;
    } else {
        if (!strchr(OWNER_HEAD, tg[w - 1]))
            return de;
        for (i = w - 1; i > 0 && tg[i - 1] && strchr(OWNER_MOD, tg[i - 1]); i--)
            ;
        if (i == 0 && zsi_nchars(p, lo, de) >= ZSI_LEX_CUT_MAX && lo > ws)
            return de; /* the window may have cut its first word */
    }
    if (zsi_nchars(p, st[i], de) < 2 || zsi_has_numeral(p, st[i], de))
        return de;
    /* 囤棉|时的价格: a time character ends a time (when), not an owner */
    if (zsi_in_set("时年月日期季周", sizeof "时年月日期季周" - 1,
                   zsi_cp_at(p, de - zsi_utf8_prev(p, de), de)))
        return de;
    if (i > 0 ? !tg[i - 1] || !strchr(OWNER_AFTER, tg[i - 1])
              : lo > ws && zsi_is_run_char(zsi_cp_at(p, lo - zsi_utf8_prev(p, lo), lo)))
        return de;
    if (st[i] > ws && zsi_cp_at(p, st[i] - zsi_utf8_prev(p, st[i]), st[i]) == 0x5360) /* 占 */
        return de;
    return st[i];
}

void zsi_de_owner(const char *p, size_t ws, zsi_metric *m)
{
    size_t s = m->at.s, e = m->at.e, de, os, nl;
    char raw[ZSI_METRIC_BYTES];
    if (!m->raw[0] || e <= s || s < ws + 9 || zsi_metric_data() != 0)
        return;
    de = s - 3;
    if (memcmp(p + de, "\xE7\x9A\x84", 3) != 0 || !dependent_head(p, s, e)) /* 的 */
        return;
    os = owner_start(p, ws, de);
    if (os >= de)
        return;
    zsi_copy_raw(raw, NULL, p, os, de);
    if (zsi_any_place(raw))
        return;
    /* the normal form without the 的 (液晶面板市场份额), as a reporter
     * would file it; the printed one keeps it */
    nl = strlen(raw);
    if (nl + strlen(m->norm) >= ZSI_METRIC_BYTES)
        return;
    memmove(m->norm + nl, m->norm, strlen(m->norm) + 1);
    memcpy(m->norm, raw, nl);
    zsi_copy_raw(m->raw, &m->at, p, os, e);
}
