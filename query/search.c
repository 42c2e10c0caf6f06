/*
 * search.c - zs_query: parse, filter, rank and assemble hits.
 *
 * The query tree (parse.c) renders a MATCH string in which every term is a
 * quoted string; filters become bound values in SQL over the side tables.
 * FTS5 ranks with bm25 (body weighted over the park/year/figure columns and
 * with the word-bonus alternatives rewarding whole-word matches); we then
 * rerank the best candidates in C by passage kind (headlines, captions and
 * bylines lower) and by the proximity of the query's words. When no passage
 * holds every word, the words are OR-ed and hits are marked partial.
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

/* Matching passages ranked per query (see fetch()). 2000 rather than 4000
 * took the bench's p50 on 200 MB of news from 14.1 to 9.1 ms (best of 3). */
#define ZSQ_MAX_CANDIDATES 2000
/* Candidates scored again with their lengths after a first BM25 pass
 * without (rank.c): a length costs a lookup. */
#define ZSQ_RESCORE 400
/* Candidates fetched beyond offset+limit for reranking. */
#define RERANK_EXTRA 40
#define KIND_WEIGHT_MINOR 0.6

typedef struct cand {
    sqlite3_int64 id;
    double score;
} cand;

/* Storage of one hit; everything freed by hit_clear(). */
typedef struct hit_store {
    zs_hit h;
    char *text, *doc, *kind;
    char **parks;
    int *years, *span_years;
    zs_span *spans;
    zs_figure *figs;
    char **figstr; /* 4 strings per figure: text, unit, cls, metric, park */
} hit_store;

struct zs_query {
    zs_db *db;
    zsq_parsed *pq;
    zsh_terms *terms;
    char *where;       /* filter SQL fragment over p.id (passages p) */
    char *where_fts;   /* the same over fts.rowid */
    /* bound filter values, in order */
    const char *park_vals[2 * (ZSQ_MAX_PARKS + 1)];
    size_t npark_vals;
    cand *c;
    size_t nc, next, total_ranked;
    size_t limit, offset, snippet_chars;
    int partial;
    long long count;
    int counted;
    hit_store hs;
    char *extra_parks[ZSQ_MAX_PARKS + 1];
    size_t nextra;
    const char *match; /* match_all or match_any */
    char *match_all;   /* the parser's, with park/year column filters added */
    char *match_any;
};

static void hit_clear(hit_store *s)
{
    free(s->text);
    free(s->doc);
    free(s->kind);
    for (size_t i = 0; i < s->h.nparks; i++)
        free(s->parks[i]);
    free(s->parks);
    free(s->years);
    free(s->span_years);
    free(s->spans);
    for (size_t i = 0; i < s->h.nfigures * 5; i++)
        free(s->figstr[i]);
    free(s->figstr);
    free(s->figs);
    memset(s, 0, sizeof *s);
}

size_t zs_query_error_offset(const zs_db *db)
{
    return db ? db->err_off : 0;
}

int zs_query_is_partial(const zs_query *q)
{
    return q ? q->partial : 0;
}

void zs_query_free(zs_query *q)
{
    if (!q)
        return;
    zsq_parsed_free(q->pq);
    zsh_terms_free(q->terms);
    free(q->where);
    free(q->where_fts);
    free(q->match_all);
    free(q->match_any);
    free(q->c);
    hit_clear(&q->hs);
    for (size_t i = 0; i < q->nextra; i++)
        free(q->extra_parks[i]);
    free(q);
}

/* Append to a growing SQL string. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *s)
{
    size_t l = strlen(s);
    if (b->oom)
        return;
    if (b->n + l + 1 > b->cap) {
        size_t cap = (b->n + l + 1) * 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, l + 1);
    b->n += l;
}

/* Hand the built string to *out (caller frees), or fail on lost memory. */
static int sb_finish(zs_query *q, sbuf *b, char **out)
{
    if (b->oom) {
        free(b->p);
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    }
    *out = b->p;
    return 0;
}

/* Parse an option value as if written as "name:value" in the query. */
static int parse_option(zs_query *q, zs_seg *seg, const char *name, const char *val,
                        zsq_parsed **out)
{
    char buf[ZSQ_MAX_QUERY_BYTES + 64], err[256] = "";
    size_t off = 0;
    int n = snprintf(buf, sizeof buf, "%s:\"%s\"", name, val);
    if (n < 0 || (size_t)n >= sizeof buf || strchr(val, '"'))
        return zsd_fail(q->db, ZS_ESYNTAX, "--%s: value too long or holds a quote", name);
    int rc = zsq_parse(seg, buf, (size_t)n, out, err, sizeof err, &off);
    if (rc)
        return zsd_fail(q->db, rc, "--%s: %s", name, err);
    return 0;
}

/* Merge option filters into the parsed query. */
static int merge_options(zs_query *q, zs_seg *seg, const zs_query_opts *o)
{
    zsq_parsed *op = NULL;
    int rc = 0;
    if (o->park) {
        if ((rc = parse_option(q, seg, "park", o->park, &op)) != 0)
            return rc;
        for (size_t i = 0; i < op->nparks && q->nextra < ZSQ_MAX_PARKS + 1; i++)
            q->extra_parks[q->nextra++] = strdup(op->parks[i].p);
        zsq_parsed_free(op);
        op = NULL;
    }
    if (o->year) {
        if ((rc = parse_option(q, seg, "year", o->year, &op)) != 0)
            return rc;
        if (q->pq->has_year) {
            int from = op->year_from > q->pq->year_from ? op->year_from : q->pq->year_from;
            int to = op->year_to < q->pq->year_to ? op->year_to : q->pq->year_to;
            q->pq->year_from = from;
            q->pq->year_to = to;
            q->pq->year_span = q->pq->year_span && op->year_span;
        } else {
            q->pq->has_year = 1;
            q->pq->year_from = op->year_from;
            q->pq->year_to = op->year_to;
            q->pq->year_span = op->year_span;
        }
        zsq_parsed_free(op);
        op = NULL;
    }
    if (o->figure) {
        if ((rc = parse_option(q, seg, "figure", o->figure, &op)) != 0)
            return rc;
        if (q->pq->figure.op != ZSQ_FIG_NONE) {
            zsq_parsed_free(op);
            return zsd_fail(q->db, ZS_ESYNTAX,
                            "--figure: the query already has a figure: filter (one allowed)");
        }
        q->pq->figure = op->figure;
        zsq_parsed_free(op);
    }
    return 0;
}

/* Canonical zone name for a filter value: the gazetteer's folding, else as typed. */
static const char *canonical_park(zs_db *db, const char *name)
{
    if (!db->gaz) {
        char err[128];
        zsi_gazetteer *g = NULL;
        if (zsi_gazetteer_open(&g, err, sizeof err) != 0)
            return name;
        db->gaz = g;
    }
    const char *c = zsi_park_canonical(db->gaz, name, strlen(name));
    return c ? c : name;
}

/* Filters as SQL over the passage id idcol: p.id, or +fts.rowid so that a
 * ranked query never reads the passages table's large rows (the + keeps
 * SQLite from handing FTS5 the IN list as rowids to look up one by one:
 * 280 ms instead of 15 for park:贵阳高新区 企业 on 200 MB of news). */
static int build_where(zs_query *q, const char *idcol, char **out)
{
    sbuf b = {0};
    zsq_parsed *pq = q->pq;
    size_t nparks = pq->nparks + q->nextra;
    char num[160];

    sb_add(&b, "1");
    if (nparks) {
        sb_add(&b, " AND ");
        sb_add(&b, idcol);
        sb_add(&b, " IN (SELECT passage_id FROM passage_parks WHERE park IN (");
        for (size_t i = 0; i < q->npark_vals; i += 2)
            sb_add(&b, i ? ", ?, (SELECT park FROM park_aliases WHERE alias = ?)"
                         : "?, (SELECT park FROM park_aliases WHERE alias = ?)");
        sb_add(&b, "))");
    }
    if (pq->has_year) {
        snprintf(num, sizeof num,
                 " AND %s IN (SELECT passage_id FROM passage_years WHERE year BETWEEN %d AND %d%s)",
                 idcol, pq->year_from, pq->year_to, pq->year_span ? "" : " AND span = 0");
        sb_add(&b, num);
    }
    if (pq->figure.op != ZSQ_FIG_NONE) {
        const zsq_figure *f = &pq->figure;
        /* With words, checked per candidate through the passage key: an IN
         * list would first gather every passage with, say, a money figure
         * above 1e10 (100 000 on 200 MB of news); the + on class and value
         * keeps the planner from walking figure_rows_class for every row.
         * Without words, figure_rows_class drives the query instead. */
        const char *plus = pq->has_text ? "+" : "";
        if (pq->has_text) {
            sb_add(&b, " AND EXISTS (SELECT 1 FROM figure_rows WHERE passage_id = ");
            sb_add(&b, idcol);
            sb_add(&b, " AND ");
        } else {
            sb_add(&b, " AND ");
            sb_add(&b, idcol);
            sb_add(&b, " IN (SELECT passage_id FROM figure_rows WHERE ");
        }
        if (f->cls[0] && strcmp(f->cls, "number") != 0) {
            sb_add(&b, plus);
            sb_add(&b, "class = (SELECT id FROM strings WHERE s = :fc) AND ");
        }
        switch (f->op) {
        case ZSQ_FIG_LT: snprintf(num, sizeof num, "%svalue < %.17g", plus, f->hi); break;
        case ZSQ_FIG_LE: snprintf(num, sizeof num, "%svalue <= %.17g", plus, f->hi); break;
        case ZSQ_FIG_GT: snprintf(num, sizeof num, "%svalue > %.17g", plus, f->lo); break;
        case ZSQ_FIG_GE: snprintf(num, sizeof num, "%svalue >= %.17g", plus, f->lo); break;
        case ZSQ_FIG_EQ:
            snprintf(num, sizeof num, "%svalue BETWEEN %.17g AND %.17g", plus,
                     f->lo - fabs(f->lo) * 1e-9, f->lo + fabs(f->lo) * 1e-9);
            break;
        default:
            snprintf(num, sizeof num, "%svalue BETWEEN %.17g AND %.17g", plus, f->lo, f->hi);
        }
        sb_add(&b, num);
        sb_add(&b, ")");
    }
    return sb_finish(q, &b, out);
}

/* Each park filter as two bound values: its canonical name, and as typed
 * (matched against park_aliases). */
static void park_values(zs_query *q)
{
    zsq_parsed *pq = q->pq;
    size_t nparks = pq->nparks + q->nextra;
    for (size_t i = 0; i < nparks && q->npark_vals + 2 <= 2 * (ZSQ_MAX_PARKS + 1); i++) {
        const char *name = i < pq->nparks ? pq->parks[i].p : q->extra_parks[i - pq->nparks];
        q->park_vals[q->npark_vals++] = canonical_park(q->db, name);
        q->park_vals[q->npark_vals++] = name;
    }
}

/* Append s as an FTS5 string: quoted, quotes doubled. */
static void sb_quoted(sbuf *b, const char *s)
{
    sb_add(b, "\"");
    for (const char *p = s; *p; p++) {
        char c[2] = {*p, 0};
        sb_add(b, *p == '"' ? "\"\"" : c);
    }
    sb_add(b, "\"");
}

/*
 * The MATCH with park and year filters also written as FTS5 column filters
 * (park : (...), year : (...)). The SQL filters stay and remain exact; the
 * column filters let FTS5 intersect doclists instead of walking every
 * passage holding a common word to find the few of one zone or year.
 */
static int column_filters(zs_query *q, const char *match, char **out)
{
    sbuf b = {0};
    zsq_parsed *pq = q->pq;
    size_t nparks = pq->nparks + q->nextra;
    sb_add(&b, "(");
    sb_add(&b, match);
    sb_add(&b, ")");
    if (nparks) {
        sb_add(&b, " AND park : (");
        for (size_t i = 0; i < nparks; i++) {
            const char *name = i < pq->nparks ? pq->parks[i].p : q->extra_parks[i - pq->nparks];
            if (i)
                sb_add(&b, " OR ");
            /* U+E000: the whole name as one token (the park column has them) */
            char buf[512];
            snprintf(buf, sizeof buf, "\xEE\x80\x80%s", canonical_park(q->db, name));
            sb_quoted(&b, buf);
        }
        sb_add(&b, ")");
    }
    if (pq->has_year && pq->year_to - pq->year_from < 64) {
        sb_add(&b, " AND year : (");
        for (int y = pq->year_from; y <= pq->year_to; y++) {
            char num[32];
            snprintf(num, sizeof num, "%s\"%d\"", y > pq->year_from ? " OR " : "", y);
            sb_add(&b, num);
        }
        sb_add(&b, ")");
    }
    return sb_finish(q, &b, out);
}

static void bind_filters(zs_query *q, sqlite3_stmt *st, int first)
{
    int i = first;
    for (size_t k = 0; k < q->npark_vals; k++)
        sqlite3_bind_text(st, i++, q->park_vals[k], -1, SQLITE_STATIC);
    int fc = sqlite3_bind_parameter_index(st, ":fc");
    if (fc > 0)
        sqlite3_bind_text(st, fc, q->pq->figure.cls, -1, SQLITE_STATIC);
}

/* best first */
static int cmp_cand(const void *a, const void *b);

/*
 * Candidates of a MATCH: the newest cap matching passages (FTS5 walks the
 * doclist in rowid order and stops there), each described by zs_tf(), then
 * ranked in C (rank.c) and cut to the best want.
 */
static int fetch_match(zs_query *q, const char *match, size_t want, size_t cap)
{
    char *sql = NULL;
    sqlite3_stmt *st = NULL;
    double *tfs = NULL;
    zsq_rank_row *rows = NULL;
    size_t n = 0, stride = 1 + ZSQ_RANK_MAX_PHRASES, nphrase = 0;
    size_t len = strlen(q->where_fts) + 512;
    int rc, src;

    if ((rc = zsq_rank_register(q->db)) != 0)
        return rc;
    if (!(sql = malloc(len)) || !(tfs = calloc(cap * stride, sizeof *tfs)) ||
        !(rows = calloc(cap, sizeof *rows))) {
        rc = zsd_fail(q->db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    snprintf(sql, len,
             "SELECT fts.rowid, zs_tf(fts), (SELECT kind FROM passages INDEXED BY passages_minor"
             " WHERE id = fts.rowid AND kind <> 0) FROM fts"
             " WHERE fts MATCH ?1 AND %s ORDER BY fts.rowid DESC LIMIT %zu",
             q->where_fts, cap);
    if ((rc = zsd_prepare(q->db, &st, sql)) != 0)
        goto out;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    bind_filters(q, st, 2);
    while ((src = sqlite3_step(st)) == SQLITE_ROW && n < cap) {
        const double *blob = sqlite3_column_blob(st, 1);
        size_t nd = (size_t)sqlite3_column_bytes(st, 1) / sizeof(double);
        if (!blob || nd < 1)
            continue;
        if (nd > stride)
            nd = stride;
        memcpy(tfs + n * stride, blob, nd * sizeof(double));
        rows[n] = (zsq_rank_row){sqlite3_column_int64(st, 0), sqlite3_column_int(st, 2), 0,
                                 tfs + n * stride + 1, nd - 1, 0};
        if (nd - 1 > nphrase)
            nphrase = nd - 1;
        n++;
    }
    if (src != SQLITE_ROW && src != SQLITE_DONE) {
        rc = zsd_sqlite_fail(q->db, "running the query");
        goto out;
    }
    size_t keep = want > ZSQ_RESCORE ? want : ZSQ_RESCORE;
    if ((rc = zsq_rank(q->db, rows, n, nphrase, keep, &n)) != 0)
        goto out;
    free(q->c);
    if (!(q->c = malloc((n ? n : 1) * sizeof *q->c))) {
        rc = zsd_fail(q->db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        double score = rows[i].score;
        if (rows[i].kind != ZSD_KIND_BODY)
            score *= KIND_WEIGHT_MINOR;
        q->c[i] = (cand){rows[i].id, score};
    }
    if (n > 1)
        qsort(q->c, n, sizeof *q->c, cmp_cand);
    q->nc = n < want ? n : want;
out:
    sqlite3_finalize(st);
    free(sql);
    free(tfs);
    free(rows);
    return rc;
}

/* Run the candidate query with match (or filters only) and fill q->c. */
static int fetch(zs_query *q, const char *match, size_t want)
{
    char *sql = NULL;
    sqlite3_stmt *st = NULL;
    int rc = 0;
    size_t len = strlen(q->where) + 512;
    /* FTS5 computes bm25 for every matching row before it can return the
     * best ten, so a common word would cost time in proportion to the
     * corpus. Ranking is therefore done over the newest ZSQ_MAX_CANDIDATES
     * matching passages; below that many hits, as for most queries, every
     * match is ranked. --count stays exact. */
    size_t cap = want > ZSQ_MAX_CANDIDATES ? want : ZSQ_MAX_CANDIDATES;
    if (match)
        return fetch_match(q, match, want, cap);
    if (!(sql = malloc(len)))
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    snprintf(sql, len,
             "SELECT p.id, 0.0, p.kind FROM passages p WHERE %s ORDER BY p.doc_id, p.seq"
             " LIMIT %zu",
             q->where, want);
    if ((rc = zsd_prepare(q->db, &st, sql)) != 0)
        goto out;
    bind_filters(q, st, 1);
    q->nc = 0;
    free(q->c);
    q->c = malloc((want ? want : 1) * sizeof *q->c);
    if (!q->c) {
        rc = zsd_fail(q->db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW && q->nc < want)
        q->c[q->nc++] = (cand){sqlite3_column_int64(st, 0), 0.0};
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        rc = zsd_sqlite_fail(q->db, "running the query");
out:
    sqlite3_finalize(st);
    free(sql);
    return rc;
}

static int count_rows(zs_query *q, const char *match, long long *out)
{
    char *sql = NULL;
    sqlite3_stmt *st = NULL;
    size_t len = strlen(q->where_fts) + strlen(q->where) + 256;
    int rc = 0;
    if (!(sql = malloc(len)))
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    if (match)
        snprintf(sql, len,
                 "SELECT count(*) FROM fts WHERE fts MATCH ?1 AND %s", q->where_fts);
    else
        snprintf(sql, len, "SELECT count(*) FROM passages p WHERE %s", q->where);
    if ((rc = zsd_prepare(q->db, &st, sql)) == 0) {
        if (match)
            sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
        bind_filters(q, st, match ? 2 : 1);
        if (sqlite3_step(st) == SQLITE_ROW)
            *out = sqlite3_column_int64(st, 0);
        else
            rc = zsd_sqlite_fail(q->db, "counting hits");
    }
    sqlite3_finalize(st);
    free(sql);
    return rc;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Proximity: reward candidates whose terms stand close together. */
static int rerank(zs_query *q, zs_seg *seg)
{
    sqlite3_stmt *st = NULL;
    size_t nterms = zsh_terms_count(q->terms);
    int rc;
    if (nterms < 2 || !q->pq->has_text) {
        qsort(q->c, q->nc, sizeof *q->c, cmp_cand);
        return 0;
    }
    if ((rc = zsd_prepare(q->db, &st, "SELECT zs_text(body) FROM passages WHERE id = ?")) != 0)
        return rc;
    for (size_t i = 0; i < q->nc && !rc; i++) {
        sqlite3_bind_int64(st, 1, q->c[i].id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            zsh_match *m = NULL;
            size_t nm = 0, ntok = 0;
            const char *t = col_text(st, 0);
            rc = zsh_find(seg, q->terms, t, strlen(t), &m, &nm, &ntok);
            size_t gap = zsh_gap(m, nm, nterms);
            if (gap != SIZE_MAX)
                q->c[i].score *= 1.0 + 1.0 / (1.0 + (double)gap / 4.0);
            free(m);
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    qsort(q->c, q->nc, sizeof *q->c, cmp_cand);
    return rc;
}

int zs_query_open(zs_query **out, zs_db *db, const char *text, size_t n, const zs_query_opts *o)
{
    zs_query_opts defaults = {ZS_QUERY_OPTS_VERSION, NULL, NULL, NULL, 10, 0, 120};
    zs_seg *seg = NULL;
    char err[256] = "";
    size_t off = 0;
    int rc;

    if (!out || !db || (!text && n))
        return ZS_EINVAL;
    *out = NULL;
    if (!o)
        o = &defaults;
    if (o->version != ZS_QUERY_OPTS_VERSION)
        return zsd_fail(db, ZS_EINVAL, "zs_query_opts: unknown version %u", o->version);
    db->err[0] = '\0';
    db->err_off = 0;
    if ((rc = zsd_seg(db, &seg)) != 0)
        return rc;
    zs_query *q = calloc(1, sizeof *q);
    if (!q)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    q->db = db;
    q->limit = o->limit ? o->limit : 10;
    if (q->limit > ZS_MAX_LIMIT)
        q->limit = ZS_MAX_LIMIT;
    q->offset = o->offset > ZS_MAX_LIMIT ? ZS_MAX_LIMIT : o->offset;
    q->snippet_chars = o->snippet_chars ? o->snippet_chars : 120;
    size_t blank = 0;
    while (blank < n && (text[blank] == ' ' || text[blank] == '\t'))
        blank++;
    if (blank == n && (o->park || o->year || o->figure)) {
        /* filters given as options only */
        q->pq = calloc(1, sizeof *q->pq);
        if (q->pq && !(q->pq->match_all = strdup("")))
            rc = ZS_ENOMEM;
        else if (q->pq && !(q->pq->match_any = strdup("")))
            rc = ZS_ENOMEM;
        else
            rc = q->pq ? 0 : ZS_ENOMEM;
        if (rc) {
            zsd_fail(db, rc, "out of memory");
            goto fail;
        }
    } else if ((rc = zsq_parse(seg, text ? text : "", n, &q->pq, err, sizeof err, &off)) != 0) {
        db->err_off = off;
        zsd_fail(db, rc, "%s", err[0] ? err : zs_strerror(rc));
        goto fail;
    }
    if ((rc = merge_options(q, seg, o)) != 0)
        goto fail;
    if (!q->pq->has_text && !q->pq->nparks && !q->nextra && !q->pq->has_year &&
        q->pq->figure.op == ZSQ_FIG_NONE) {
        rc = zsd_fail(db, ZS_ESYNTAX, "query has no searchable text");
        goto fail;
    }
    if (q->pq->has_text) {
        const char *texts[ZSQ_MAX_TERMS];
        size_t lens[ZSQ_MAX_TERMS];
        int prefix[ZSQ_MAX_TERMS];
        size_t nt = q->pq->nterms < ZSQ_MAX_TERMS ? q->pq->nterms : ZSQ_MAX_TERMS;
        for (size_t i = 0; i < nt; i++) {
            texts[i] = q->pq->terms[i].text;
            lens[i] = q->pq->terms[i].len;
            prefix[i] = q->pq->terms[i].prefix;
        }
        if ((rc = zsh_terms_build(seg, texts, lens, prefix, nt, &q->terms)) != 0) {
            zsd_fail(db, rc, "%s", zs_seg_errmsg(seg));
            goto fail;
        }
    }
    park_values(q);
    if ((rc = build_where(q, "p.id", &q->where)) != 0 ||
        (rc = build_where(q, "+fts.rowid", &q->where_fts)) != 0)
        goto fail;
    size_t want = q->offset + q->limit + RERANK_EXTRA;
    if (q->pq->has_text) {
        if ((rc = column_filters(q, q->pq->match_all, &q->match_all)) != 0 ||
            (rc = column_filters(q, q->pq->match_any, &q->match_any)) != 0)
            goto fail;
        q->match = q->match_all;
        if ((rc = fetch(q, q->match, want)) != 0)
            goto fail;
        if (q->nc == 0 && q->pq->nterms > 1 && q->pq->match_any[0]) {
            q->match = q->match_any;
            q->partial = 1;
            if ((rc = fetch(q, q->match, want)) != 0)
                goto fail;
        }
        if ((rc = rerank(q, seg)) != 0)
            goto fail;
    } else {
        q->match = NULL;
        if ((rc = fetch(q, NULL, q->offset + q->limit)) != 0)
            goto fail;
    }
    q->next = q->offset;
    *out = q;
    return 0;
fail:
    zs_query_free(q);
    return rc;
}

int zs_query_count(zs_query *q, long long *count)
{
    if (!q || !count)
        return ZS_EINVAL;
    if (!q->counted) {
        int rc = count_rows(q, q->match, &q->count);
        if (rc)
            return rc;
        q->counted = 1;
    }
    *count = q->count;
    return 0;
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
    if (f->op == ZSQ_FIG_NONE)
        return 0;
    if (f->cls[0] && strcmp(f->cls, "number") && strcmp(f->cls, x->cls))
        return 0;
    switch (f->op) {
    case ZSQ_FIG_LT: return x->value < f->hi;
    case ZSQ_FIG_LE: return x->value <= f->hi;
    case ZSQ_FIG_GT: return x->value > f->lo;
    case ZSQ_FIG_GE: return x->value >= f->lo;
    case ZSQ_FIG_EQ: return fabs(x->value - f->lo) <= fabs(f->lo) * 1e-9;
    default: return x->value >= f->lo && x->value <= f->hi;
    }
}

static int load_hit(zs_query *q, const cand *c)
{
    zs_db *db = q->db;
    hit_store *s = &q->hs;
    sqlite3_stmt *st = NULL;
    zsh_match *m = NULL;
    size_t nm = 0, ntok = 0;
    zs_seg *seg = NULL;
    int rc;

    hit_clear(s);
    if ((rc = zsd_seg(db, &seg)) != 0)
        return rc;
    if ((rc = zsd_prepare(db, &st,
                          "SELECT zs_text(p.body), p.kind, p.seq, p.start, p.end, d.path, p.park, p.year"
                          " FROM passages p JOIN docs d ON d.id = p.doc_id WHERE p.id = ?")) != 0)
        return rc;
    sqlite3_bind_int64(st, 1, c->id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return zsd_fail(db, ZS_ENOTFOUND, "passage %lld vanished (index changed meanwhile?)",
                        (long long)c->id);
    }
    size_t len = (size_t)sqlite3_column_bytes(st, 0);
    s->text = strndup(col_text(st, 0), len);
    s->kind = strdup(zsd_kind_name(sqlite3_column_int(st, 1)));
    s->h.passage = sqlite3_column_int64(st, 2);
    s->h.doc_start = sqlite3_column_int64(st, 3);
    s->h.doc_end = sqlite3_column_int64(st, 4);
    s->doc = strdup(col_text(st, 5));
    const char *parks = col_text(st, 6), *years = col_text(st, 7);
    if (!strncmp(parks, "\xEE\x80\x81", 3)) /* the names-field mark, see join_names() */
        parks += 3;
    /* parks: space-separated names; years: space-separated numbers, a year
     * the passage only spans written ~2023 (see index.c) */
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
    sqlite3_finalize(st);
    st = NULL;
    if (!s->text || !s->kind || !s->doc || !s->parks || !s->years || !s->span_years)
        return zsd_fail(db, ZS_ENOMEM, "out of memory");

    /* figures */
    if ((rc = zsd_prepare(db, &st,
                          "SELECT start, end, value, value_hi, unit, class, metric, park, year,"
                          " hedge FROM figures WHERE passage_id = ? ORDER BY start")) != 0)
        return rc;
    sqlite3_bind_int64(st, 1, c->id);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (s->h.nfigures == cap) {
            cap = cap ? cap * 2 : 8;
            zs_figure *nf = realloc(s->figs, cap * sizeof *nf);
            char **ns = realloc(s->figstr, cap * 5 * sizeof *ns);
            if (nf)
                s->figs = nf;
            if (ns)
                s->figstr = ns;
            if (!nf || !ns) {
                sqlite3_finalize(st);
                return zsd_fail(db, ZS_ENOMEM, "out of memory");
            }
        }
        size_t k = s->h.nfigures;
        zs_figure *f = &s->figs[k];
        size_t fs = (size_t)sqlite3_column_int64(st, 0), fe = (size_t)sqlite3_column_int64(st, 1);
        if (fe > len || fs > fe)
            continue;
        char **str = &s->figstr[k * 5];
        str[0] = strndup(s->text + fs, fe - fs);
        str[1] = strdup(col_text(st, 4));
        str[2] = strdup(col_text(st, 5));
        str[3] = strdup(col_text(st, 6));
        str[4] = strdup(col_text(st, 7));
        *f = (zs_figure){str[0], sqlite3_column_double(st, 2), sqlite3_column_double(st, 3),
                         str[1], str[2], str[3], str[4], sqlite3_column_int(st, 8),
                         sqlite3_column_int(st, 9), fs, fe};
        s->h.nfigures++;
        if (!str[0] || !str[1] || !str[2] || !str[3] || !str[4]) {
            sqlite3_finalize(st);
            return zsd_fail(db, ZS_ENOMEM, "out of memory");
        }
    }
    sqlite3_finalize(st);

    /* spans: matches and figures */
    if (q->terms && (rc = zsh_find(seg, q->terms, s->text, len, &m, &nm, &ntok)) != 0)
        return zsd_fail(db, rc, "%s", zs_seg_errmsg(seg));
    s->spans = malloc((nm + s->h.nfigures + 1) * sizeof *s->spans);
    if (!s->spans) {
        free(m);
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
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
        if (figure_passes(&q->pq->figure, &s->figs[i])) {
            anchor.start = s->figs[i].start;
            anchor.end = s->figs[i].end;
            am = &anchor;
            anm = 1;
            break;
        }
    }
    zsh_snippet(s->text, len, am, anm, s->spans + nmatch, s->h.nfigures, q->snippet_chars,
                &s->h.snippet_start, &s->h.snippet_end);
    qsort(s->spans, s->h.nspans, sizeof *s->spans, cmp_span);
    free(m);

    s->h.rank = q->next + 1;
    s->h.score = c->score;
    s->h.doc = s->doc;
    s->h.kind = s->kind;
    s->h.partial = q->partial;
    s->h.text = s->text;
    s->h.len = len;
    s->h.parks = (const char *const *)s->parks;
    s->h.years = s->years;
    s->h.span_years = s->span_years;
    s->h.spans = s->spans;
    s->h.figures = s->figs;
    return 0;
}

int zs_query_next(zs_query *q, const zs_hit **hit)
{
    if (!q || !hit)
        return ZS_EINVAL;
    *hit = NULL;
    if (q->next >= q->nc || q->next >= q->offset + q->limit)
        return ZS_ITEROVER;
    int rc = load_hit(q, &q->c[q->next]);
    if (rc)
        return rc;
    q->next++;
    *hit = &q->hs.h;
    return 0;
}

int zsq_query_ids(const zs_query *q, sqlite3_int64 **ids, size_t *n)
{
    *ids = malloc((q->nc ? q->nc : 1) * sizeof **ids);
    *n = 0;
    if (!*ids)
        return ZS_ENOMEM;
    for (size_t i = 0; i < q->nc; i++)
        (*ids)[i] = q->c[i].id;
    *n = q->nc;
    return 0;
}
