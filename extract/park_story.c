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
 * a dateline after running text also starts a story (briefs with no titles).
 * With nothing named before it in its story, a bare word gets no zone: a
 * guess from elsewhere in the article would file a brief under its
 * neighbour's zone.
 */
#include <string.h>

#include "extract_int.h"
#include "park_int.h"

/* Characters at a passage's start searched for a dateline's end (电, 讯). */
#define DATELINE_CHARS 24

static int starts_with(const char *p, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(p, lit, k) == 0;
}

/* Does the passage open with a dateline (本报讯, 本报X月X日电, 新华社…电)? */
static int opens_with_dateline(const char *p, size_t n)
{
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
    }
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
    {"经开区", {"经开区"}},
    {"开发区", {"经开区", "开发区", "高新区"}},
    {"新区", {"新区"}},
    {"综保区", {"综合保税区", "保税区"}},
    {"科学城", {"科学城"}},
};

static int ends_with(const char *s, const char *w)
{
    size_t n = strlen(s), k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

static int fits(const char *bare, const char *zone)
{
    for (size_t i = 0; i < sizeof KIND / sizeof *KIND; i++) {
        if (strcmp(bare, KIND[i].bare) != 0)
            continue;
        for (size_t k = 0; k < 3 && KIND[i].ends[k]; k++)
            if (ends_with(zone, KIND[i].ends[k]))
                return 1;
        return 0;
    }
    return 1;
}

/* The nearest zone named before passage i in the story that starts at a and
 * fits the bare word; the nearest of any kind when none fits. */
static const char *referent(const zsi_story_passage *ps, size_t a, size_t i, const char *bare)
{
    const char *any = NULL;
    for (size_t k = i; k-- > a;)
        for (size_t j = ps[k].nnames; j-- > 0;) {
            if (fits(bare, ps[k].names[j]))
                return ps[k].names[j];
            if (!any)
                any = ps[k].names[j];
        }
    return any;
}

void zsi_story_zones(const zsi_gazetteer *g, const zsi_story_passage *ps, size_t n,
                     const char **out)
{
    size_t a = 0; /* where the current story starts */
    int seen_body = 0;

    for (size_t i = 0; i < n; i++) {
        if (ps[i].kind == ZSI_P_HEADLINE && (i == 0 || ps[i - 1].kind != ZSI_P_HEADLINE)) {
            size_t h = i;
            while (h < n && ps[h].kind == ZSI_P_HEADLINE)
                h++;
            if (!seen_body || (h < n && opens_with_dateline(ps[h].text, ps[h].len)))
                a = i;
        } else if (ps[i].kind == ZSI_P_BODY && seen_body && i > 0 &&
                   ps[i - 1].kind != ZSI_P_HEADLINE && opens_with_dateline(ps[i].text, ps[i].len))
            a = i;
        out[i] = NULL;
        if (!ps[i].nnames) {
            const char *bare = zsi_pk_bare_word(g, ps[i].text, ps[i].len);
            if (bare)
                out[i] = referent(ps, a, i, bare);
        }
        if (ps[i].kind == ZSI_P_BODY)
            seen_body = 1;
    }
}
