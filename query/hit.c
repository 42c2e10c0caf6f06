/*
 * hit.c - one hit assembled for the caller: the passage text, its document
 * and kind, zones and years, the spans of the query's words (highlight.c)
 * and the figures printed in it, those the figure: filter asked for marked.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "figure_int.h"
#include "query_int.h"
#include "search_int.h"
#include "extract_int.h"

void zsq_hit_clear(hit_store *s)
{
    zsq_places_clear(&s->pl);
    zsu_strv_free(s->parks, s->h.nparks);
    zsu_strv_free(s->figstr, s->h.nfigures * 5);
    zsu_strv_free(s->lacks, s->h.nlacks);
    ZSU_FREE(s->text, s->doc, s->kind, s->years, s->span_years, s->spans, s->figs);
    memset(s, 0, sizeof *s);
}

static int cmp_span(const void *a, const void *b)
{
    const zs_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

/* Does figure f satisfy the figure: filter (as the SQL in build_where does)? */
static int figure_passes(const zsq_figure *f, const zs_figure *x)
{
    zsq_fig_test t;
    return zsq_figure_test(f, &t) && zsq_fig_test_passes(&t, x);
}

/*
 * The zones and years of a hit from the passage's park and year columns as
 * stored (the names-field mark already skipped): space-separated names;
 * space-separated numbers, a year the passage only spans written ~2023 (see
 * store/prepare.c). @return 0 or ZS_ENOMEM.
 */
int zsq_hit_add_figure(hit_store *s, const zs_figure *f)
{
    if (f->end > s->h.len || f->start > f->end)
        return 0;
    if (s->h.nfigures == s->figcap) {
        size_t cap = s->figcap ? s->figcap * 2 : 8;
        if (zsu_resize(&s->figs, cap, sizeof *s->figs) ||
            zsu_resize(&s->figstr, cap * 5, sizeof *s->figstr))
            return ZS_ENOMEM;
        s->figcap = cap;
    }
    size_t k = s->h.nfigures;
    char **str = &s->figstr[k * 5];
    str[0] = strndup(s->text + f->start, f->end - f->start);
    str[1] = strdup(f->unit);
    str[2] = strdup(f->cls);
    str[3] = strdup(f->metric);
    str[4] = strdup(f->park);
    s->figs[k] = *f;
    s->figs[k].text = str[0];
    s->figs[k].unit = str[1];
    s->figs[k].cls = str[2];
    s->figs[k].metric = str[3];
    s->figs[k].park = str[4];
    s->h.nfigures++;
    return str[0] && str[1] && str[2] && str[3] && str[4] ? 0 : ZS_ENOMEM;
}

int zsq_hit_names(hit_store *s, const char *parks, const char *years)
{
    size_t np = 0;
    for (const char *p = parks; *p; p++)
        np += *p == ' ';
    s->parks = calloc(np + 1, sizeof *s->parks);
    for (const char *p = parks; s->parks && *p;) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        s->parks[s->h.nparks++] = strndup(p, l);
        p += l + (e ? 1 : 0);
    }
    size_t ny = 0;
    for (const char *p = years; *p; p++)
        ny += *p == ' ';
    s->years = calloc(ny + 1, sizeof *s->years);
    s->span_years = calloc(ny + 1, sizeof *s->span_years);
    for (char *p = (char *)years; s->years && s->span_years && *p;) {
        char *e;
        int span = *p == '~';
        long y = strtol(p + span, &e, 10);
        if (e == p + span)
            break;
        if (span)
            s->span_years[s->h.nspan_years++] = (int)y;
        else
            s->years[s->h.nyears++] = (int)y;
        p = e;
        while (*p == ' ')
            p++;
    }
    return s->parks && s->years && s->span_years ? 0 : ZS_ENOMEM;
}

/*
 * The rest of a hit whose text (h.len), names and figures are set:
 * the spans of the query's words (terms may be NULL) and of every figure,
 * and the snippet (around the words, else the figure that passed filter).
 * m[0..nm) are the words' matches when the caller found them already (this
 * takes them and frees them), or NULL to find them here. Also points the
 * public fields at the storage. @return 0, ZS_ENOMEM or a segmenter error
 * (its message on seg).
 */
/* The items of the query (zsq_term.group) that no match m[0..nm) of a
 * partial hit is of, each by its first word as typed (a zone by its name,
 * not its aliases). */
static int lacks(hit_store *s, const zsh_terms *terms, const zsh_match *m, size_t nm)
{
    size_t n = zsh_terms_count(terms);
    if (!n)
        return 0;
    if (!(s->lacks = calloc(n, sizeof *s->lacks)))
        return ZS_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        size_t i = 0, j = 0, len;
        int g = zsh_term_group(terms, k);
        while (j < k && zsh_term_group(terms, j) != g)
            j++;
        if (j < k)
            continue; /* the item was looked at with its first word */
        while (i < nm && zsh_term_group(terms, (size_t)m[i].term) != g)
            i++;
        if (i < nm)
            continue;
        const char *t = zsh_term_text(terms, k, &len);
        if (!(s->lacks[s->h.nlacks] = strndup(t, len)))
            return ZS_ENOMEM;
        s->h.nlacks++;
    }
    s->h.lacks = (const char *const *)s->lacks;
    return 0;
}

int zsq_hit_finish(hit_store *s, zs_seg *seg, const zsh_terms *terms, zsh_match *m, size_t nm,
                   const zsq_figure *filter, size_t snippet_chars)
{
    size_t ntok = 0, len = s->h.len;
    int rc;

    /* spans: matches and figures */
    if (!m && terms && (rc = zsh_find(seg, terms, s->text, len, &m, &nm, &ntok)) != 0)
        return rc;
    s->spans = malloc((nm + s->h.nfigures + 1) * sizeof *s->spans);
    if (!s->spans) {
        free(m);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < nm; i++) {
        /* merge overlapping match spans */
        if (s->h.nspans && s->spans[s->h.nspans - 1].kind == ZS_SPAN_MATCH &&
            m[i].start < s->spans[s->h.nspans - 1].end) {
            if (m[i].end > s->spans[s->h.nspans - 1].end)
                s->spans[s->h.nspans - 1].end = m[i].end;
            continue;
        }
        s->spans[s->h.nspans++] = (zs_span){m[i].start, m[i].end, ZS_SPAN_MATCH};
    }
    size_t nmatch = s->h.nspans;
    for (size_t i = 0; i < s->h.nfigures; i++)
        s->spans[s->h.nspans++] = (zs_span){s->figs[i].start, s->figs[i].end, ZS_SPAN_FIGURE};
    /* No words matched (a filter-only query): show the figure that passed the filter. */
    zsh_match anchor = {0, 0, 0, 0, 0};
    const zsh_match *am = m;
    size_t anm = nm;
    for (size_t i = 0; !nm && i < s->h.nfigures; i++) {
        if (figure_passes(filter, &s->figs[i])) {
            anchor.start = s->figs[i].start;
            anchor.end = s->figs[i].end;
            am = &anchor;
            anm = 1;
            break;
        }
    }
    zsh_snippet(s->text, len, am, anm, s->spans + nmatch, s->h.nfigures, snippet_chars,
                &s->h.snippet_start, &s->h.snippet_end);
    qsort(s->spans, s->h.nspans, sizeof *s->spans, cmp_span);
    rc = s->h.partial && terms ? lacks(s, terms, m, nm) : 0;
    free(m);
    if (rc)
        return rc;

    s->h.doc = s->doc;
    s->h.kind = s->kind;
    s->h.text = s->text;
    s->h.parks = (const char *const *)s->parks;
    s->h.years = s->years;
    s->h.span_years = s->span_years;
    s->h.spans = s->spans;
    s->h.figures = s->figs;
    return 0;
}

/*
 * The metric span packed in column i (figure_rows.metric_at or metric_at2)
 * of a figure at fig_start, as the view figures gives it (metric_start,
 * metric_end): 0, 0 when NULL (zsd_metric_at_pack()).
 */
static void metric_span(sqlite3_stmt *st, int i, size_t fig_start, size_t *s, size_t *e)
{
    if (sqlite3_column_type(st, i) != SQLITE_INTEGER) {
        *s = *e = 0;
        return;
    }
    long long v = sqlite3_column_int64(st, i), len = (v % 256 + 256) % 256;
    long long start = (long long)fig_start - (v - len) / 256;
    *s = (size_t)start;
    *e = (size_t)(start + len);
}

int zsq_load_hit(zs_query *q, cand *c)
{
    zs_db *db = q->db;
    hit_store *s = &q->hs;
    sqlite3_stmt *st = NULL;
    zs_seg *seg = NULL;
    int rc;

    zsq_hit_clear(s);
    if ((rc = zsq_seg(db, &seg)) != 0)
        return rc;
    if ((rc = zsd_cached(db, &st,
                         "SELECT CASE WHEN ?2 THEN '' ELSE zs_text(p.body) END, p.kind, p.seq,"
                         " p.start, p.end, d.path, p.park, p.year"
                         " FROM passages p JOIN docs d ON d.id = p.doc_id WHERE p.id = ?1")) != 0)
        return rc;
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_int(st, 2, c->text != NULL); /* the rerank read it already */
    int src = sqlite3_step(st);
    if (src != SQLITE_ROW) {
        /* Only "no row" means the passage is gone; any other code is
         * SQLite's own error (a damaged file), said as SQLite says it. */
        rc = src == SQLITE_DONE
                 ? zsd_fail(db, ZS_ENOTFOUND, "passage %lld vanished (index changed meanwhile?)",
                            (long long)c->id)
                 : zsd_sqlite_fail(db, "reading a passage");
        zsd_release(db, st);
        return rc;
    }
    size_t len;
    if (c->text) {
        len = c->len;
        s->text = c->text;
        c->text = NULL;
    } else {
        len = (size_t)sqlite3_column_bytes(st, 0);
        s->text = strndup(col_text(st, 0), len);
    }
    s->h.len = len;
    s->kind = strdup(zsd_kind_name(sqlite3_column_int(st, 1)));
    s->h.passage = sqlite3_column_int64(st, 2);
    s->h.doc_start = sqlite3_column_int64(st, 3);
    s->h.doc_end = sqlite3_column_int64(st, 4);
    s->doc = strdup(col_text(st, 5));
    const char *parks = col_text(st, 6), *years = col_text(st, 7);
    if (!strncmp(parks, "\xEE\x80\x81",
                 3)) /* the names-field mark, see join_names() in store/prepare.c */
        parks += 3;
    rc = zsq_hit_names(s, parks, years);
    zsd_release(db, st);
    st = NULL;
    if (rc || !s->text || !s->kind || !s->doc)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");

    /* figures, read from figure_rows and not through the view figures:
     * SQLite expands a view at each prepare, and the view's eighteen
     * columns made this statement 0.86 M instructions to prepare against
     * 0.23 M (callgrind), paid once per query process that prints a hit.
     * metric_at and metric_at2 are unpacked below as the view unpacks them. */
    if ((rc = zsd_cached(db, &st,
                         "SELECT f.start, f.start + f.len, f.value, coalesce(f.value_hi, f.value),"
                         " (SELECT s FROM strings WHERE id = f.unit),"
                         " (SELECT s FROM strings WHERE id = f.class),"
                         " (SELECT s FROM strings WHERE id = f.metric),"
                         " (SELECT s FROM strings WHERE id = f.park), f.year, f.hedge, f.line,"
                         " f.metric_at, f.metric_at2 FROM figure_rows f WHERE f.passage_id = ?"
                         " ORDER BY f.start")) != 0)
        return rc;
    sqlite3_bind_int64(st, 1, c->id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        zs_figure f = {NULL,
                       sqlite3_column_double(st, 2),
                       sqlite3_column_double(st, 3),
                       col_text(st, 4),
                       col_text(st, 5),
                       col_text(st, 6),
                       col_text(st, 7),
                       sqlite3_column_int(st, 8),
                       sqlite3_column_int(st, 9),
                       (size_t)sqlite3_column_int64(st, 0),
                       (size_t)sqlite3_column_int64(st, 1),
                       sqlite3_column_int64(st, 10),
                       {{0, 0}, {0, 0}}};
        for (int k = 0; k < 2; k++)
            metric_span(st, 11 + k, f.start, &f.metric_at[k].start, &f.metric_at[k].end);
        if (zsq_hit_add_figure(s, &f)) {
            zsd_release(db, st);
            return zsd_fail(db, ZS_ENOMEM, "out of memory");
        }
    }
    zsd_release(db, st);

    /* matches found by the rerank, or found here */
    zsh_match *m = c->m;
    c->m = NULL;
    s->h.partial = c->partial;
    if ((rc = zsq_hit_finish(s, seg, q->terms, m, c->nm, &q->pq->figure, q->snippet_chars)) != 0)
        return rc == ZS_ENOMEM ? zsd_fail(db, rc, "out of memory")
                               : zsd_fail(db, rc, "%s", zs_seg_errmsg(seg));

    s->h.rank = q->next + 1;
    s->h.score = c->score;
    if ((rc = zsq_places_load(db, c->id, &s->pl)) != 0)
        return rc;
    if (q->reader) { /* zs_doc_open: the passage where this document printed it */
        if ((rc = zsq_reader_place(q, (size_t)(c - q->c), s)) != 0)
            return rc;
        zsq_places_prefer(&s->pl, s->h.doc, s->h.passage);
    } else { /* a repeat is shown at its first printing (that the filters take) */
        zsq_places_prefer_match(&s->pl, q->pq);
        s->h.doc = s->pl.own.doc;
        s->h.passage = s->pl.own.passage;
        s->h.doc_start = s->pl.own.start;
        s->h.doc_end = s->pl.own.end;
    }
    s->h.place = s->pl.own;
    s->h.also_in = s->pl.also;
    s->h.nalso_in = s->pl.nalso;
    for (size_t i = 0; i < s->h.nfigures; i++) /* stored: lines below the passage's first */
        s->figs[i].line += s->h.place.line;
    return 0;
}

int zs_query_next(zs_query *q, const zs_hit **hit)
{
    if (!q || !hit)
        return ZS_EINVAL;
    *hit = NULL;
    if (q->next >= q->nc || q->next >= q->offset + q->limit)
        return ZS_ITEROVER;
    int began = zsq_read_begin(q->db);
    int rc = zsq_load_hit(q, &q->c[q->next]);
    zsq_read_end(q->db, began);
    if (rc)
        return rc;
    q->next++;
    *hit = &q->hs.h;
    return 0;
}
