/*
 * cluster_int.h - private interface of cluster/, the layer that takes an
 * index past one machine: it exports an index as the sources and configs of
 * a sharded Sphinx 2.2 / Manticore cluster (export.c, conf.c, xmlpipe.c),
 * and runs zhaoshu's own query language against such a cluster over the
 * MySQL protocol (render.c, engine.c), returning the same zs_hit as a local
 * query so that one output code serves both.
 *
 * It sits above query/ (it reuses the parser, the highlighter and the
 * snippet cutter) and store/ (it reads the index), and below lib/. It never
 * prints. Internal symbols carry the zsc_ prefix.
 *
 * What the two halves must agree on, and so is defined once here: the
 * names of the indexes, the attribute names, the ids of zones and of unit
 * classes (hashes of their names, so that no table has to travel with a
 * query), and the fixed-point scale of figure values.
 */
#ifndef ZS_CLUSTER_INT_H
#define ZS_CLUSTER_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util_int.h"
#include "zhaoshu.h"

/* ---- interface to ids.c ---- */

/*
 * Figure values travel as 64-bit integers: value * ZSC_FIG_SCALE, rounded
 * (three decimals: 3.125% and 135.34亿元 survive exactly). Sphinx 2.2's float
 * attributes are 32-bit and would lose 135.34亿 to 135.3400064亿.
 */
#define ZSC_FIG_SCALE 1000.0

/* value * ZSC_FIG_SCALE rounded, clamped to what a signed 64-bit integer holds. */
long long zsc_fig_scaled(double value);

/*
 * The id of a canonical zone name in the zones MVA: a 63-bit hash (Sphinx
 * MVA and bigint are signed). zsc_alias_key() is the key of an alias: the
 * hash with another seed, so an alias never meets a canonical name of the
 * same spelling. Both never return 0.
 */
uint64_t zsc_zone_id(const char *name, size_t n);
uint64_t zsc_alias_key(const char *alias, size_t n);

/* The 32-bit id of a unit class, unit or metric name (never 0). */
unsigned zsc_name_id(const char *name, size_t n);

/* Shard of a document, 1..nshards: a stable hash of its path. */
int zsc_shard_of(const char *path, size_t n, int nshards);

/* ---- interface to xmlpipe.c ---- */

/* A buffered writer of xmlpipe2 documents. Errors are sticky (ferror). */
typedef struct zsc_xml {
    FILE *f;
    char *path; /* for messages; owned */
} zsc_xml;

/* Text as XML character data: & < > escaped, characters XML 1.0 cannot
 * carry (C0 controls but tab and line ends, U+FFFE, U+FFFF) as spaces of the
 * same byte length, so that byte offsets into the text stay true. */
void zsc_xml_text(FILE *f, const char *p, size_t n);

/* ---- interface to conf.c ---- */

/* Most shards an export writes. */
#define ZSC_MAX_SHARDS ZS_MAX_SHARDS

/* The layout of a cluster, as the export writes it and the configs say. */
typedef struct zsc_layout {
    int shards;
    int base_port;            /* node K: SphinxQL on base_port + K - 1 */
    const char *const *hosts; /* hosts[K-1]: where node K listens */
    const char *dir;          /* absolute output folder */
    const char *index;        /* "zhaoshu" */
} zsc_layout;

/* Node K's agent (binary API) port: after every node's SphinxQL port. */
int zsc_api_port(const zsc_layout *l, int k);

/*
 * Write DIR/nodeK/sphinx.conf for node K (1-based). Node 1 also declares the
 * distributed indexes INDEX and INDEX_figures over every shard.
 * @return 0 or ZS_EIO (message in err).
 */
int zsc_write_conf(const zsc_layout *l, int k, char *err, size_t errcap);

/* ---- interface to render.c ---- */

/*
 * Render an FTS5 MATCH string as written by query/parse.c (double-quoted
 * terms with "" for a quote, an optional * after a term, AND, OR, NOT and
 * parentheses; nothing else) as a Sphinx extended-syntax query: each term
 * becomes a phrase of the tokens zhaoshu's segmenter makes of it in query
 * mode (what FTS5 does with the same string), every token escaped, so 新区
 * is "新 区" and finds 高新区. AND is a space, OR is |, "(P) NOT (N)" is
 * "(P) -(N)".
 * @param out receives a NUL-terminated string. Ownership: caller frees.
 * @return 0, ZS_ENOMEM, ZS_ESYNTAX (not what parse.c writes), or a
 *         segmenter error.
 */
int zsc_render_match(zs_seg *seg, const char *fts, char **out);

/*
 * Append s[0..n) to a SphinxQL string literal being built in *buf (quotes
 * not included): ' and \ escaped. Returns 0 or ZS_ENOMEM.
 */
typedef zsu_buf zsc_buf; /* util_int.h: zsc_buf_add and _str are zsu_buf's */
#define zsc_buf_add(b, s, n) ((void)zsu_buf_add((b), (s), (n)))
#define zsc_buf_str(b, s) ((void)zsu_buf_str((b), (s)))
void zsc_buf_printf(zsc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void zsc_buf_sql_literal(zsc_buf *b, const char *s, size_t n);

#endif
