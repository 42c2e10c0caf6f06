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
    if (!(starts_with(p, n, "本报") || starts_with(p, n, "新华社") ||
          starts_with(p, n, "【") || starts_with(p, n, "据") || starts_with(p, n, "（记者")))
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

void zsi_story_zones(const zsi_story_passage *ps, size_t n, const char **out)
{
    const char *cur = NULL;
    int seen_body = 0;

    for (size_t i = 0; i < n;) {
        if (ps[i].kind == ZSI_P_HEADLINE) {
            size_t h = i;
            while (h < n && ps[h].kind == ZSI_P_HEADLINE)
                h++;
            if (!seen_body || (h < n && opens_with_dateline(ps[h].text, ps[h].len)))
                cur = NULL;
            for (; i < h; i++) {
                out[i] = cur;
                if (ps[i].nnames)
                    cur = ps[i].names[ps[i].nnames - 1];
            }
            continue;
        }
        if (ps[i].kind == ZSI_P_BODY && seen_body && i > 0 &&
            ps[i - 1].kind != ZSI_P_HEADLINE && opens_with_dateline(ps[i].text, ps[i].len))
            cur = NULL;
        out[i] = cur;
        if (ps[i].nnames)
            cur = ps[i].names[ps[i].nnames - 1];
        if (ps[i].kind == ZSI_P_BODY)
            seen_body = 1;
        i++;
    }
}
