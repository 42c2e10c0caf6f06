/*
 * reader.c - zs_doc_open: a document's passages in order, for reading, as a
 * query whose hits are those passages.
 *
 * A reader (the web page's article view, `show`-style tools) wants the same
 * hits as a search: the whole passage, every figure and the words of a
 * query marked. So this builds a zs_query without a search: the query's
 * terms for the highlights, and as candidates the document's passages in
 * the order they were printed. A passage printed earlier in another
 * document is stored once (passage_dups); here it is shown where this
 * document printed it, under this document's name and passage number.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "query_int.h"
#include "search_int.h"

/* Where each candidate stands in the document read. */
typedef struct stand {
    long long seq, start, end;
} stand;

struct zsq_reader {
    char *doc;
    stand *at; /* per candidate */
};

void zsq_reader_free(zsq_reader *r)
{
    if (!r)
        return;
    ZSU_FREE(r->doc, r->at, r);
}

int zsq_reader_place(const zs_query *q, size_t i, hit_store *s)
{
    const zsq_reader *r = q->reader;
    char *doc = strdup(r->doc);
    if (!doc)
        return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
    free(s->doc);
    s->doc = doc;
    s->h.doc = doc;
    s->h.passage = r->at[i].seq;
    s->h.doc_start = r->at[i].start;
    s->h.doc_end = r->at[i].end;
    s->h.snippet_start = 0;
    s->h.snippet_end = s->h.len;
    s->h.score = 0;
    return 0;
}

/* The query's terms for highlighting; text may be blank (figures only). */
static int terms(zs_query *q, zs_seg *seg, const char *text, size_t n)
{
    char err[256] = "";
    size_t off = 0;
    int rc;
    if ((rc = zsq_parse_query(seg, NULL, text, n, 1, &q->pq, err, sizeof err, &off)) != 0) {
        q->db->err_off = off;
        return zsd_fail(q->db, rc, "%s", err[0] ? err : zs_strerror(rc));
    }
    if (!q->pq->has_text)
        return 0;
    if ((rc = zsh_terms_build(seg, q->pq, &q->terms)) != 0)
        return zsd_fail(q->db, rc, "%s", zs_seg_errmsg(seg));
    return 0;
}

/* The passages of document id in [first, last], in the order printed. */
static int passages(zs_query *q, sqlite3_int64 id, long long first, long long last)
{
    zsq_reader *r = q->reader;
    sqlite3_stmt *st = NULL;
    size_t cap = 0;
    int rc = zsd_prepare(q->db, &st,
                         "SELECT id, seq, start, end FROM passages WHERE doc_id = ?1"
                         " AND seq BETWEEN ?2 AND ?3 UNION ALL"
                         " SELECT passage_id, seq, start, end FROM passage_dups WHERE doc_id = ?1"
                         " AND seq BETWEEN ?2 AND ?3 ORDER BY 2");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, first);
    sqlite3_bind_int64(st, 3, last);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (q->nc == cap) {
            size_t nc = cap ? cap * 2 : 64;
            if (zsu_resize(&q->c, nc, sizeof *q->c) || zsu_resize(&r->at, nc, sizeof *r->at)) {
                sqlite3_finalize(st);
                return zsd_fail(q->db, ZS_ENOMEM, "out of memory");
            }
            cap = nc;
        }
        q->c[q->nc] = (cand){sqlite3_column_int64(st, 0), 0, NULL, 0, NULL, 0, 0, 0};
        r->at[q->nc] = (stand){sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                               sqlite3_column_int64(st, 3)};
        q->nc++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : zsd_sqlite_fail(q->db, "reading the document's passages");
}

int zs_doc_open(zs_query **out, zs_db *db, const char *doc, long long first, long long last,
                const char *text, size_t n)
{
    zs_seg *seg = NULL;
    sqlite3_int64 id = 0;
    long long count = 0;
    int rc;
    if (!out || !db || !doc || (!text && n))
        return ZS_EINVAL;
    *out = NULL;
    db->err[0] = '\0';
    db->err_off = 0;
    if (n > ZS_MAX_QUERY_BYTES)
        return zsd_fail(db, ZS_ELIMIT, "query longer than %d bytes", ZS_MAX_QUERY_BYTES);
    if (first < 1)
        first = 1;
    if (last <= 0 || last - first >= ZS_MAX_LIMIT)
        last = first + ZS_MAX_LIMIT - 1;
    char *stored = NULL;
    if ((rc = zsq_seg(db, &seg)) != 0 || (rc = zsq_doc_find(db, doc, 0, &id, &stored, &count)) != 0)
        return rc;
    zs_query *q = calloc(1, sizeof *q);
    if (!q || !(q->reader = calloc(1, sizeof *q->reader))) {
        free(q);
        free(stored);
        return zsd_fail(db, ZS_ENOMEM, "out of memory");
    }
    q->db = db;
    q->reader->doc = stored;
    if ((rc = terms(q, seg, text ? text : "", n)) != 0 || (rc = passages(q, id, first, last)))
        goto fail;
    q->limit = q->nc ? q->nc : 1;
    q->snippet_chars = 120;
    q->count = count;
    q->counted = 1;
    *out = q;
    return 0;
fail:
    zs_query_free(q);
    return rc;
}
