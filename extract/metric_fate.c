/*
 * metric_fate.c - a count named by what befell what it counts.
 *
 * 事故造成35人死亡、12人受伤; 累计8例治愈出院; 帮助1386万人脱贫: a count of
 * people (or cases) followed by a verb of what befell them, with no noun
 * after the verb, counts the dead, the injured, the cured. A reporter names
 * such a figure by the verb (死亡, 死亡人数), and no noun around it names it
 * better: the noun before (事故) is the cause, the verb before (造成) says
 * only that it happened. The verbs are a class of the data ([fate] of
 * data/metrics.tsv): casualties, illness and its end, rescue, work and
 * poverty. jieba tags most of them verbs, so the noun reading of a count
 * (metric_count.c) stops at them and names nothing.
 *
 * Invariants: allocates nothing; norm and raw are NUL-terminated.
 */
#include <string.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"
#include "figure_int.h"

/* Is the word p[s..e) of the cut a verb of [fate], matched whole? */
static int fate_word(const char *p, size_t s, size_t e)
{
    return zsi_whole_in(MSEC_FATE, p, s, e);
}

/* Does the word of jieba's tag t, after the verbs, make them the modifier of
 * a noun (死亡|病例, 感染|人数, 受伤|群众: what is counted is that noun) or
 * their object follow (感染|病毒)? Nouns of every kind, verbal nouns, set
 * phrases and a character word do. */
static int noun_follows(char t)
{
    return t && strchr("nsSTZjVlzgRx", t) != NULL;
}

/* Do the verbs end at a list comma and a 的 follows it in the clause (93名
 * 下岗、待岗的职工)? They are then items of a list of modifiers of the noun
 * after the 的, what is counted; a list of counts (3人死亡、多人受伤) has
 * none. */
static int listed_modifier(const char *p, size_t e, size_t ce)
{
    unsigned cp;
    size_t l, i;
    if (e >= ce || (l = zsi_utf8_decode(p + e, ce - e, &cp)) == 0 || cp != 0x3001) /* 、 */
        return 0;
    for (i = e + l; i + 3 <= ce; i++)
        if (memcmp(p + i, "\xE7\x9A\x84", 3) == 0) /* 的 */
            return 1;
    return 0;
}

int zsi_count_fate_after(const char *p, size_t fe, size_t ce, char *norm, char *raw, zsi_span *at)
{
    size_t st[ZSI_LEX_CUT_MAX + 1], s, e;
    char tg[ZSI_LEX_CUT_MAX + 1];
    int w, k = 0;

    norm[0] = raw[0] = '\0';
    zsi_span_clear(at);
    if (zsi_metric_data() != 0)
        return 0;
    e = zsi_run_after(p, fe, ce, 0, MAX_RUN_CHARS + 1, zsi_m_is_han, &s);
    if (s != fe || e - s < 6 || (w = zsi_lex_cut(p, s, e, st, tg, ZSI_LEX_CUT_MAX)) < 1)
        return 0; /* not right after the figure (的 first), or one character */
    /* one or two verbs of the class: 治愈|出院 */
    while (k < w && k < 2 && fate_word(p, st[k], st[k + 1]))
        k++;
    if (k == 0 || (k < w && noun_follows(tg[k])) || (k == w && listed_modifier(p, e, ce)))
        return 0;
    zsi_copy_raw(raw, at, p, s, st[k]);
    memcpy(norm, raw, strlen(raw) + 1);
    return 1;
}
