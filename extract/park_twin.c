/*
 * park_twin.c - one zone printed with and without its places in front.
 *
 * An article names a zone in full once (河北廊坊固安产业新城, 苏州相城漕湖
 * 开发区) and then by its own name (固安产业新城, 漕湖开发区). The patterns
 * keep a county or city in front of a name no list holds, so the two
 * spellings became two zones of one article. Within an article, a name that
 * is one or two places' names before another name the article gives is that
 * zone: it takes the other's name, the shorter, which the rest of the
 * article and other articles print. A place must end where the other name
 * starts: 马鞍山经开区 is no 鞍山经开区 with 马 in front. When the longer is
 * the gazetteer's own name and the shorter is not, the gazetteer's wins.
 * Only within an article: 东山经开区 of one county is not another's.
 */
#include <string.h>

#include "extract_int.h"
#include "park_int.h"

/* Is s[0..n) a province's, city's or county's name (苏州, 相城, 瑞安市)? */
static int place_word(const zsi_gazetteer *g, const char *s, size_t n)
{
    size_t row;
    unsigned f = zsi_words_find(g->words, s, n, &row);
    if (!(f & ZSW_PLACE) || (f & ZSW_TRIM))
        return 0;
    int level = zsi_words_place(g->words, row, NULL, NULL);
    return level == ZSW_PROVINCE || level == ZSW_CITY || level == ZSW_COUNTY;
}

/* Is s[0..n) one place's name or two in a row (廊坊固安)? */
static int places(const zsi_gazetteer *g, const char *s, size_t n)
{
    if (n < 6)
        return 0;
    if (place_word(g, s, n))
        return 1;
    for (size_t k = 6; k + 6 <= n; k += 3)
        if (place_word(g, s, k) && place_word(g, s + k, n - k))
            return 1;
    return 0;
}

/* Is a the name b with places in front, b a name of its own (a suffix and
 * two characters or more before it)? */
static int prefixed(const zsi_gazetteer *g, const char *a, const char *b)
{
    size_t an = strlen(a), bn = strlen(b);
    if (an <= bn || memcmp(a + an - bn, b, bn) != 0)
        return 0;
    long si = zsi_pk_ending_suffix(g, b, bn);
    if (si < 0 || nchars(b, bn - g->suf[si].n) < 2)
        return 0;
    return places(g, a, an - bn);
}

static int listed(const zsi_gazetteer *g, const char *s)
{
    return zsi_pk_find_name(g, s, strlen(s)) != (size_t)-1;
}

const char *zsi_park_twin(const zsi_gazetteer *g, const char *const *names, size_t n,
                          const char *name)
{
    for (size_t i = 0; i < n; i++) {
        const char *o = names[i];
        if (prefixed(g, name, o) && !(listed(g, name) && !listed(g, o)))
            return o;
        if (prefixed(g, o, name) && listed(g, o) && !listed(g, name))
            return o;
    }
    return NULL;
}

int zsi_parks_fold_twins(const zsi_gazetteer *g, const char *const *article, size_t narticle,
                         char **names, size_t *n)
{
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        const char *t = zsi_park_twin(g, article, narticle, names[i]);
        if (t) {
            char *c = strdup(t);
            if (!c) {
                /* keep the list whole: the names not yet read stay */
                for (size_t j = i; j < *n; j++)
                    names[k++] = names[j];
                *n = k;
                return ZS_ENOMEM;
            }
            free(names[i]);
            names[i] = c;
        }
        size_t j = 0;
        while (j < k && strcmp(names[j], names[i]) != 0)
            j++;
        if (j < k)
            free(names[i]); /* named already */
        else
            names[k++] = names[i];
    }
    *n = k;
    return 0;
}

void zsi_park_tally_fold_twins(const zsi_gazetteer *g, zsi_park_tally *t)
{
    /* A twin's mentions count for the name it takes; its own entry stays,
     * at 0, so that the names' order (ties go to the first) holds. */
    for (size_t i = 0; i < t->n; i++) {
        const char *tw = zsi_park_twin(g, (const char *const *)t->names, t->n, t->names[i]);
        for (size_t j = 0; tw && j < t->n; j++)
            if (t->names[j] == tw) {
                t->counts[j] += t->counts[i];
                t->counts[i] = 0;
                break;
            }
    }
}
