/*
 * engine_int.h - private interface of the cluster engine: engine.c (a query:
 * filters, fetch, rerank, hits) and connect.c (the connection to searchd:
 * its URL, statements, warnings as missing shards).
 */
#ifndef ZS_ENGINE_INT_H
#define ZS_ENGINE_INT_H

#include <stdarg.h>
#include <stdio.h>

#include <mysql.h>

#include "extract_int.h"
#include "query_int.h"
#include "search_int.h"
#include "cluster_int.h"

/* Longest index name in a URL. */
#define ZSC_MAX_INDEX_NAME 64

struct zs_engine {
    MYSQL *my;
    char host[256];
    unsigned port;
    char index[ZSC_MAX_INDEX_NAME + 1];
    zs_seg *seg;
    zsi_gazetteer *gaz;
    char err[512];
    size_t err_off;
};

/* One candidate as the cluster returned it. */
typedef struct erow {
    long long id;
    double score;
    int kind;
    long long passage, doc_start, doc_end;
    char *text, *doc, *parks, *years, *figs;
    size_t len;
    int partial; /* holds only some of the words (from the match_any query) */
    int held;    /* a partial one: how many of the query's items it holds (rerank) */
} erow;

struct zs_equery {
    zs_engine *e;
    zsq_parsed *pq;
    zsh_terms *terms;
    char *extra_parks[ZSQ_MAX_PARKS + 1];
    size_t nextra;
    erow *rows;
    size_t nrows, next, limit, offset, snippet_chars;
    int partial;
    long long total;
    char **missing;
    size_t nmissing;
    char **agents; /* "HOST:PORT:NAME" from DESCRIBE, once warnings came */
    size_t nagents;
    int described;
    hit_store hs;
};

/* Set e's message (printf-style) and return rc. */
static inline int efail(zs_engine *e, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static inline int efail(zs_engine *e, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->err, sizeof e->err, fmt, ap);
    va_end(ap);
    return rc;
}

/* ---- interface to connect.c ---- */

/*
 * Run sql; *res receives its rows (caller frees with mysql_free_result()).
 * Agents that did not answer become q's missing shards.
 * Errors: ZS_EIO, ZS_ENOMEM, with the engine's message.
 */
int zsc_exec_sql(zs_equery *q, const char *sql, MYSQL_RES **res);
/* zsc_exec_sql() of the statement built in sql, which it frees (out of
 * memory while building is ZS_ENOMEM). */
int zsc_exec_buf(zs_equery *q, zsc_buf *sql, MYSQL_RES **res);
/* total_found of the last statement, from SHOW META; -1 when unknown. */
long long zsc_total_found(zs_equery *q);

#endif
