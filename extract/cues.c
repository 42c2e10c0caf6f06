/*
 * cues.c - the cue words of data/passage_cues.txt (openers, roles, caption
 * and credit words, surnames) and what they make of a line: a byline
 * ("贵州日报天眼新闻记者 顾冰洁"), a caption ("图片来源：…", "…车间 桂榕 摄")
 * or neither. The rules are stated in passage.c.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "passage_int.h"
#include "segment_int.h"

extern const char zs_data_passage_cues[];
extern const size_t zs_data_passage_cues_len;

/* Most tokens a byline or caption line is cut into. */
#define MAX_TOKENS 32

static void cues_free(cues *c)
{
    ZSU_FREE(c->buf, c->opener.v, c->role.v, c->caption.v, c->surname.v, c->credit.v,
             c->credit_caption);
}

static int cues_load(cues *c)
{
    size_t n, pos = 0, len;
    const char *line;
    strlist *sec = NULL;
    int rc = zss_data_load("passage_cues.txt", zs_data_passage_cues, zs_data_passage_cues_len,
                           &c->buf, &n);
    if (rc)
        return rc;
    while (zsi_data_next_line(c->buf, n, &pos, &line, &len)) {
        if (line[0] == '[') {
            sec = NULL;
            if (len == 8 && !memcmp(line, "[opener]", 8))
                sec = &c->opener;
            else if (len == 6 && !memcmp(line, "[role]", 6))
                sec = &c->role;
            else if (len == 9 && !memcmp(line, "[caption]", 9))
                sec = &c->caption;
            else if (len == 9 && !memcmp(line, "[surname]", 9))
                sec = &c->surname;
            else if (len == 8 && !memcmp(line, "[credit]", 8))
                sec = &c->credit;
            else if (len > 1 && line[1] != ' ') /* "[" alone is an opener-like entry */
                return ZS_EINVAL;
            if (sec)
                continue;
        }
        if (!sec)
            continue;
        if (sec == &c->credit) {
            const char *tab = memchr(line, '\t', len);
            size_t wn = tab ? (size_t)(tab - line) : len;
            int cap = tab && (size_t)(line + len - tab - 1) == 7 && !memcmp(tab + 1, "caption", 7);
            unsigned char *nk = realloc(c->credit_caption, c->credit.n + 1);
            if (!nk)
                return ZS_ENOMEM;
            c->credit_caption = nk;
            nk[c->credit.n] = (unsigned char)cap;
            if ((rc = zsu_strlist_add(sec, line, wn)) != 0)
                return rc;
            continue;
        }
        if ((rc = zsu_strlist_add(sec, line, len)) != 0)
            return rc;
    }
    /* Longest first, so 特约通讯员 wins over 通讯员 (credits keep their kinds). */
    zsu_strlist_longest_first(&c->opener);
    zsu_strlist_longest_first(&c->role);
    zsu_strlist_longest_first(&c->caption);
    zsu_strlist_longest_first(&c->surname);
    return 0;
}

/* The cues, loaded and sorted once per process and never freed, like the
 * units (figure.c): loading them for every file was 4% of indexing news
 * of 2 KB articles (perf: qsort, zsi_data_next_line). */
static struct {
    pthread_once_t once;
    int rc;
    cues c;
} g_cues = {PTHREAD_ONCE_INIT, 0, {0}};

static void cues_init(void)
{
    if ((g_cues.rc = cues_load(&g_cues.c)) != 0) {
        cues_free(&g_cues.c);
        memset(&g_cues.c, 0, sizeof g_cues.c);
    }
}

const cues *zsi_cues(int *rc)
{
    if (pthread_once(&g_cues.once, cues_init) != 0) {
        *rc = ZS_ENOMEM;
        return NULL;
    }
    *rc = g_cues.rc;
    return g_cues.rc ? NULL : &g_cues.c;
}

/* A personal name: 2-4 Han characters starting with a known surname. */
static int is_name(const cues *c, const char *p, size_t n)
{
    size_t k = 0, i = 0, nx;
    while (i < n) {
        if (!zsu_is_ideograph(zsu_cp_at(p, i, n, &nx)))
            return 0;
        i = nx;
        k++;
    }
    if (k < 2 || k > 4)
        return 0;
    for (size_t s = 0; s < c->surname.n; s++) {
        const str *w = &c->surname.v[s];
        if (starts_with(p, n, w)) {
            size_t sk = 0;
            for (size_t b = 0; b < w->n; b++)
                sk += ((unsigned char)w->s[b] & 0xC0) != 0x80;
            return k - sk >= 1 && k - sk <= 2;
        }
    }
    return 0;
}

/* A role token: ends with a role word ("贵州日报天眼新闻记者"), no punctuation. */
static int is_role(const cues *c, const char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t nx;
        UChar32 ch = zsu_cp_at(p, i, n, &nx);
        if (zsu_is_prose_punct(ch))
            return 0;
        i = nx;
    }
    for (size_t r = 0; r < c->role.n; r++)
        if (ends_with(p, n, c->role.v[r].s, c->role.v[r].n))
            return 1;
    return 0;
}

/* Split p into tokens at spaces and colons (：:). */
static size_t tokens(const char *p, size_t n, str *tok, size_t cap)
{
    size_t k = 0, i = 0;
    while (i < n && k < cap) {
        size_t nx, s;
        UChar32 ch = zsu_cp_at(p, i, n, &nx);
        if (zsu_is_space(ch) || ch == 0xFF1A || ch == ':') {
            i = nx;
            continue;
        }
        s = i;
        while (i < n) {
            ch = zsu_cp_at(p, i, n, &nx);
            if (zsu_is_space(ch) || ch == 0xFF1A || ch == ':')
                break;
            i = nx;
        }
        tok[k].s = p + s;
        tok[k++].n = i - s;
    }
    return k;
}

/* Leading markers that are layout, not text: #, -, *, •, ▶ and spaces. */
size_t zsi_skip_marks(const char *p, size_t n)
{
    size_t i = 0, nx;
    for (;;) {
        UChar32 ch = i < n ? zsu_cp_at(p, i, n, &nx) : 0;
        if (ch == '#' || ch == 0x25B6 || ch == 0x25BA || ch == 0x2022 ||
            ((ch == '-' || ch == '*') && nx < n && zsu_is_space(zsu_cp_at(p, nx, n, &nx))) ||
            (i > 0 && zsu_is_space(ch)))
            i = nx;
        else
            break;
    }
    return skip_spaces_fwd(p, i, n);
}

/* Count the tokens that are names and roles into *names and *roles;
 * returns how many are neither. */
static size_t count_people(const cues *c, const str *tok, size_t nt, size_t *names, size_t *roles)
{
    size_t other = 0;
    for (size_t k = 0; k < nt; k++) {
        if (is_name(c, tok[k].s, tok[k].n))
            ++*names;
        else if (is_role(c, tok[k].s, tok[k].n))
            ++*roles;
        else
            other++;
    }
    return other;
}

int zsi_credit_kind(const cues *c, const char *p0, size_t n0, int *credit)
{
    size_t b = zsi_skip_marks(p0, n0), nx, pv;
    const char *p = p0 + b;
    size_t n = n0 - b, desc_end = n, inner_s = 0, inner_e = n;
    str tok[MAX_TOKENS];
    size_t nt, names = 0, roles = 0, other = 0;
    int cue = -1, bracketed = 0;

    *credit = 0;
    if (!n)
        return -1;
    for (size_t k = 0; k < c->caption.n; k++)
        if (starts_with(p, n, &c->caption.v[k]))
            return ZSI_P_CAPTION;
    /* A trailing bracketed credit: "…生产线。(卢世容 摄)". */
    UChar32 last = zsu_cp_before(p, 0, n, &pv);
    if (last == ')' || last == 0xFF09) {
        size_t i = pv;
        while (i > 0) {
            UChar32 ch = zsu_cp_before(p, 0, i, &i);
            if (ch == '(' || ch == 0xFF08) {
                zsu_cp_at(p, i, n, &nx);
                inner_s = nx;
                inner_e = pv;
                desc_end = i;
                bracketed = 1;
                break;
            }
        }
    }
    size_t cs = bracketed ? inner_s : 0, ce = trim_back(p, 0, bracketed ? inner_e : n);
    for (size_t k = 0; k < c->credit.n; k++) {
        if (ends_with(p + cs, ce - cs, c->credit.v[k].s, c->credit.v[k].n)) {
            cue = (int)k;
            ce -= c->credit.v[k].n;
            break;
        }
    }
    if (cue >= 0) {
        /* Who is credited: the token right before the cue. */
        size_t ce2 = trim_back(p, cs, ce);
        size_t s2 = ce2;
        while (s2 > cs) {
            size_t q;
            UChar32 ch = zsu_cp_before(p, cs, s2, &q);
            if (zsu_is_space(ch) || ch == 0xFF1A || ch == ':')
                break;
            s2 = q;
        }
        int person = s2 < ce2 && (is_name(c, p + s2, ce2 - s2) || is_role(c, p + s2, ce2 - s2));
        if (!person && !bracketed && !(ce2 < ce)) /* glued to ordinary text: "新华社报道" */
            return -1;
        if (!person && !bracketed)
            return -1;
        *credit = 1;
        if (!bracketed)
            desc_end = ce2;
        /* Text before the credited people is a description. */
        nt = tokens(p, bracketed ? desc_end : ce2, tok, MAX_TOKENS);
        other = count_people(c, tok, nt, &names, &roles);
        if (other && c->credit_caption[cue])
            return ZSI_P_CAPTION;
        if (n > BYLINE_CHARS * 3 || zsu_has_cp(p, bracketed ? desc_end : ce2, zsu_is_prose_punct))
            return -1;
        return ZSI_P_BYLINE;
    }
    /* No credit: names and roles only. */
    if (n > BYLINE_CHARS * 3 || zsu_has_cp(p, n, zsu_is_prose_punct))
        return -1;
    if (bracketed && inner_s == 1 && desc_end == 0)
        nt = tokens(p + inner_s, inner_e - inner_s, tok, MAX_TOKENS);
    else
        nt = tokens(p, n, tok, MAX_TOKENS);
    if (count_people(c, tok, nt, &names, &roles))
        return -1;
    return names ? ZSI_P_BYLINE : -1;
}
