/*
 * export.c - zs_export_sphinx(): an index as the sources and configs of a
 * sharded Sphinx 2.2 / Manticore cluster.
 *
 * For each node K: DIR/nodeK/passages.xml and figures.xml (xmlpipe2) and
 * sphinx.conf (conf.c). A document goes to shard zsc_shard_of(path), and
 * its passages and figures with it, so a re-export sends each document to
 * the same node and a query's passages and their figures meet on one node.
 *
 * What a passage row carries, and why:
 *  - fields body, park, year, figure: zhaoshu's tokens (DOCUMENT mode) of
 *    the four FTS5 columns, space-separated, without the colocated wholes
 *    (FTS5 queries never ask for those: QUERY mode does not make them). A
 *    local query matches any of the four columns, so the cluster must too.
 *  - text: the passage as printed (Sphinx 2.2 has no stored fields), from
 *    which highlights and snippets are computed at query time.
 *  - zones: the zsc_zone_id() of each zone the passage is about
 *    (passage_parks, what the local park: filter reads) and the
 *    zsc_alias_key() of each alias the index knows for those zones, so that
 *    park:X is one MVA filter: zones IN (id(canonical X), key(X)).
 *  - years and all_years (passage_years without and with the years it only
 *    spans), parks and the year column as printed.
 *  - figs: the passage's figure rows, so that the same figures are
 *    highlighted as locally, with their values, units, zones and where
 *    their metrics are printed (four cells at the end; a loader takes the
 *    ten cells of an older export too).
 *
 * Files are written as NAME.tmp and renamed when complete: a failed export
 * never leaves a half file that indexer would take for a whole one.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store_int.h"
#include "query_int.h"
#include "cluster_int.h"

/* One alias of a zone, as its key. */
typedef struct alias {
    char *park;
    uint64_t key;
} alias;

typedef struct exporter {
    zs_db *db;
    zs_seg *seg;
    zsc_layout lay;
    FILE *pf[ZSC_MAX_SHARDS], *ff[ZSC_MAX_SHARDS];
    alias *al;
    size_t nal;
    sqlite3_stmt *parks, *figs;
    zsc_buf tok;  /* tokens of one column */
    zsc_buf line; /* figs attribute */
    zs_export_stats *st;
} exporter;

static int cmp_alias(const void *a, const void *b)
{
    return strcmp(((const alias *)a)->park, ((const alias *)b)->park);
}

/* Every alias the index knows (park_aliases), sorted by zone. */
static int load_aliases(exporter *x)
{
    sqlite3_stmt *st = NULL;
    size_t cap = 0;
    int rc = zsd_prepare(x->db, &st, "SELECT park, alias FROM park_aliases");
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        const char *park = (const char *)sqlite3_column_text(st, 0);
        const char *al = (const char *)sqlite3_column_text(st, 1);
        if (!park || !al)
            continue;
        if (x->nal == cap && zsu_grow(&x->al, &cap, x->nal + 1, sizeof *x->al, 256) != 0) {
            rc = zsd_fail(x->db, ZS_ENOMEM, "out of memory");
            break;
        }
        if (!(x->al[x->nal].park = strdup(park))) {
            rc = zsd_fail(x->db, ZS_ENOMEM, "out of memory");
            break;
        }
        x->al[x->nal++].key = zsc_alias_key(al, strlen(al));
    }
    sqlite3_finalize(st);
    if (!rc && x->nal > 1)
        qsort(x->al, x->nal, sizeof *x->al, cmp_alias);
    return rc;
}

typedef struct tok_ctx {
    zsc_buf *b;
} tok_ctx;

static int add_token(void *ctx, const zs_token *t)
{
    zsc_buf *b = ctx;
    if (t->colocated)
        return 0;
    if (b->n)
        zsc_buf_add(b, " ", 1);
    zsc_buf_add(b, t->text, t->len);
    return b->oom ? ZS_ENOMEM : 0;
}

/* <name>tokens of p[0..n)</name> */
static int field(exporter *x, FILE *f, const char *name, const char *p, size_t n)
{
    x->tok.n = 0;
    int rc = n ? zs_seg_run(x->seg, p, n, ZS_SEG_DOCUMENT, add_token, &x->tok) : 0;
    if (rc)
        return zsd_fail(x->db, rc, "segmenting a passage: %s", zs_seg_errmsg(x->seg));
    fprintf(f, "<%s>", name);
    zsc_xml_text(f, x->tok.p ? x->tok.p : "", x->tok.n);
    fprintf(f, "</%s>", name);
    return 0;
}

static void text_attr(FILE *f, const char *name, const char *p, size_t n)
{
    fprintf(f, "<%s>", name);
    zsc_xml_text(f, p, n);
    fprintf(f, "</%s>", name);
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* A string without the tabs and line breaks that separate figs' cells. */
static void cell(zsc_buf *b, const char *s)
{
    for (; *s; s++)
        zsc_buf_add(b, *s == '\t' || *s == '\n' ? " " : s, 1);
}

/* "YYYY-MM-DD..." as YYYYMMDD, else 0. */
static long date_num(const char *d)
{
    int y, m, dd;
    if (sscanf(d, "%4d-%2d-%2d", &y, &m, &dd) != 3 || m < 1 || m > 12 || dd < 1 || dd > 31)
        return 0;
    return (long)y * 10000 + m * 100 + dd;
}

/* The zones attribute: ids of the passage's zones and keys of their aliases. */
static int zones(exporter *x, FILE *f, sqlite3_int64 id, const char *year)
{
    int first = 1;
    fputs("<zones>", f);
    sqlite3_bind_int64(x->parks, 1, id);
    while (sqlite3_step(x->parks) == SQLITE_ROW) {
        const char *park = col(x->parks, 0);
        fprintf(f, "%s%llu", first ? "" : ",", (unsigned long long)zsc_zone_id(park, strlen(park)));
        first = 0;
        alias probe = {(char *)park, 0};
        alias *hit = x->nal ? bsearch(&probe, x->al, x->nal, sizeof *x->al, cmp_alias) : NULL;
        if (!hit)
            continue;
        while (hit > x->al && !strcmp(hit[-1].park, park))
            hit--;
        for (; hit < x->al + x->nal && !strcmp(hit->park, park); hit++)
            fprintf(f, ",%llu", (unsigned long long)hit->key);
    }
    sqlite3_reset(x->parks);
    /* years: the years it speaks of; all_years also those it only spans
     * (十四五 spans 2021-2025), which year:~Y asks for. They are the
     * passage's rows of passage_years, read from its year column ("2011
     * ~2012 2013", in order; ~ on a year it only spans): the index keeps
     * no index of passage_years by passage (db.c). */
    for (int all = 0; all < 2; all++) {
        fputs(all ? "<all_years>" : "</zones><years>", f);
        first = 1;
        for (const char *y = year; *y;) {
            char *end;
            int span = *y == '~';
            long v = strtol(y + span, &end, 10);
            if (end == y + span)
                break; /* not a year list: nothing more to read */
            if (all || !span) {
                fprintf(f, "%s%ld", first ? "" : ",", v);
                first = 0;
            }
            y = end + strspn(end, " ");
        }
        fputs(all ? "</all_years>" : "</years>", f);
    }
    return 0;
}

/* The figs attribute of passage id, and its rows in the figures index. */
static int figures(exporter *x, FILE *pf, FILE *ff, sqlite3_int64 id, const char *text, size_t len)
{
    size_t k = 0;
    x->line.n = 0;
    sqlite3_bind_int64(x->figs, 1, id);
    while (sqlite3_step(x->figs) == SQLITE_ROW) {
        sqlite3_int64 s = sqlite3_column_int64(x->figs, 0), e = sqlite3_column_int64(x->figs, 1);
        double v = sqlite3_column_double(x->figs, 2), vh = sqlite3_column_double(x->figs, 3);
        const char *unit = col(x->figs, 4), *cls = col(x->figs, 5), *metric = col(x->figs, 7);
        const char *raw = col(x->figs, 8), *park = col(x->figs, 9);
        int hedge = sqlite3_column_int(x->figs, 6), year = sqlite3_column_int(x->figs, 10);
        if (s < 0 || e < s || (size_t)e > len)
            continue;
        zsc_buf_printf(&x->line, "%lld\t%lld\t%.17g\t%.17g\t%d\t%d\t", (long long)s, (long long)e,
                       v, vh, hedge, year);
        cell(&x->line, unit);
        zsc_buf_add(&x->line, "\t", 1);
        cell(&x->line, cls);
        zsc_buf_add(&x->line, "\t", 1);
        cell(&x->line, metric);
        zsc_buf_add(&x->line, "\t", 1);
        cell(&x->line, park);
        for (int m = 0; m < 2; m++) {
            size_t ms = 0, me = 0;
            if (sqlite3_column_type(x->figs, 11 + m) == SQLITE_INTEGER)
                zsd_metric_at_unpack(sqlite3_column_int64(x->figs, 11 + m), (size_t)s, &ms, &me);
            zsc_buf_printf(&x->line, "\t%zu\t%zu", ms, me);
        }
        zsc_buf_add(&x->line, "\n", 1);

        /* figure ids: the passage's id times 65536 plus the figure's ordinal */
        if (k < 65535) {
            k++;
            fprintf(ff, "<sphinx:document id=\"%lld\">", (long long)id * 65536 + (long long)k);
            int rc = field(x, ff, "metric", metric, strlen(metric));
            if (rc)
                return rc;
            fprintf(ff,
                    "<passage_id>%lld</passage_id><off_start>%lld</off_start>"
                    "<off_end>%lld</off_end><value>%lld</value><value_hi>%lld</value_hi>"
                    "<cls>%u</cls><unit>%u</unit><metric_id>%u</metric_id><zone>%llu</zone>"
                    "<fyear>%d</fyear><hedge>%d</hedge>",
                    (long long)id, (long long)s, (long long)e, zsc_fig_scaled(v),
                    zsc_fig_scaled(vh), zsc_name_id(cls, strlen(cls)),
                    zsc_name_id(unit, strlen(unit)), zsc_name_id(metric, strlen(metric)),
                    park[0] ? (unsigned long long)zsc_zone_id(park, strlen(park)) : 0ULL, year,
                    hedge);
            text_attr(ff, "text", text + s, (size_t)(e - s));
            text_attr(ff, "unit_name", unit, strlen(unit));
            text_attr(ff, "cls_name", cls, strlen(cls));
            text_attr(ff, "metric_name", metric, strlen(metric));
            text_attr(ff, "metric_raw", raw, strlen(raw));
            text_attr(ff, "park", park, strlen(park));
            fputs("</sphinx:document>\n", ff);
            x->st->figures++;
        }
    }
    sqlite3_reset(x->figs);
    if (x->line.oom)
        return zsd_fail(x->db, ZS_ENOMEM, "out of memory");
    text_attr(pf, "figs", x->line.p ? x->line.p : "", x->line.n);
    return 0;
}

static const char PASSAGE_SCHEMA[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sphinx:docset>\n<sphinx:schema>\n"
    "<sphinx:field name=\"body\"/>\n<sphinx:field name=\"park\"/>\n"
    "<sphinx:field name=\"year\"/>\n<sphinx:field name=\"figure\"/>\n"
    "<sphinx:attr name=\"text\" type=\"string\"/>\n"
    "<sphinx:attr name=\"doc\" type=\"string\"/>\n"
    "<sphinx:attr name=\"passage\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"kind\" type=\"int\" bits=\"8\"/>\n"
    "<sphinx:attr name=\"doc_start\" type=\"bigint\"/>\n"
    "<sphinx:attr name=\"doc_end\" type=\"bigint\"/>\n"
    "<sphinx:attr name=\"date\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"outlet\" type=\"string\"/>\n"
    "<sphinx:attr name=\"zones\" type=\"multi_64\"/>\n"
    "<sphinx:attr name=\"years\" type=\"multi\"/>\n"
    "<sphinx:attr name=\"all_years\" type=\"multi\"/>\n"
    "<sphinx:attr name=\"parks\" type=\"string\"/>\n"
    "<sphinx:attr name=\"year_text\" type=\"string\"/>\n"
    "<sphinx:attr name=\"figs\" type=\"string\"/>\n"
    "</sphinx:schema>\n";

static const char FIGURE_SCHEMA[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sphinx:docset>\n<sphinx:schema>\n"
    "<sphinx:field name=\"metric\"/>\n"
    "<sphinx:attr name=\"passage_id\" type=\"bigint\"/>\n"
    "<sphinx:attr name=\"off_start\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"off_end\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"value\" type=\"bigint\"/>\n"
    "<sphinx:attr name=\"value_hi\" type=\"bigint\"/>\n"
    "<sphinx:attr name=\"cls\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"unit\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"metric_id\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"zone\" type=\"bigint\"/>\n"
    "<sphinx:attr name=\"fyear\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"hedge\" type=\"int\" bits=\"32\"/>\n"
    "<sphinx:attr name=\"text\" type=\"string\"/>\n"
    "<sphinx:attr name=\"unit_name\" type=\"string\"/>\n"
    "<sphinx:attr name=\"cls_name\" type=\"string\"/>\n"
    "<sphinx:attr name=\"metric_name\" type=\"string\"/>\n"
    "<sphinx:attr name=\"metric_raw\" type=\"string\"/>\n"
    "<sphinx:attr name=\"park\" type=\"string\"/>\n"
    "</sphinx:schema>\n";

static int export_rows(exporter *x)
{
    sqlite3_stmt *st = NULL;
    int rc;
    sqlite3_int64 last_doc = -1;
    int shard = 1;
    if ((rc = zsd_prepare(x->db, &st,
                          "SELECT p.id, p.doc_id, p.seq, p.kind, p.start, p.end, p.body,"
                          " p.park, p.year, p.figure, d.path, d.date, d.source"
                          " FROM passages_text p JOIN docs d ON d.id = p.doc_id"
                          " ORDER BY p.doc_id, p.seq")) != 0)
        return rc;
    int src;
    while (!rc && (src = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0), doc = sqlite3_column_int64(st, 1);
        const char *path = col(st, 10);
        if (doc != last_doc) {
            shard = zsc_shard_of(path, strlen(path), x->lay.shards);
            last_doc = doc;
            x->st->documents++;
        }
        FILE *pf = x->pf[shard - 1], *ff = x->ff[shard - 1];
        const char *text = col(st, 6), *park = col(st, 7), *year = col(st, 8);
        const char *figure = col(st, 9);
        size_t len = (size_t)sqlite3_column_bytes(st, 6);
        fprintf(pf, "<sphinx:document id=\"%lld\">", (long long)id);
        if ((rc = field(x, pf, "body", text, len)) != 0 ||
            (rc = field(x, pf, "park", park, strlen(park))) != 0 ||
            (rc = field(x, pf, "year", year, strlen(year))) != 0 ||
            (rc = field(x, pf, "figure", figure, strlen(figure))) != 0)
            break;
        text_attr(pf, "text", text, len);
        text_attr(pf, "doc", path, strlen(path));
        fprintf(pf,
                "<passage>%lld</passage><kind>%d</kind><doc_start>%lld</doc_start>"
                "<doc_end>%lld</doc_end><date>%ld</date>",
                (long long)sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3),
                (long long)sqlite3_column_int64(st, 4), (long long)sqlite3_column_int64(st, 5),
                date_num(col(st, 11)));
        text_attr(pf, "outlet", col(st, 12), strlen(col(st, 12)));
        if ((rc = zones(x, pf, id, year)) != 0)
            break;
        if (!strncmp(park, "\xEE\x80\x81", 3)) /* the names-field mark (store/) */
            park += 3;
        text_attr(pf, "parks", park, strlen(park));
        text_attr(pf, "year_text", year, strlen(year));
        if ((rc = figures(x, pf, ff, id, text, len)) != 0)
            break;
        fputs("</sphinx:document>\n", pf);
        x->st->passages++;
    }
    if (!rc && src != SQLITE_DONE)
        rc = zsd_sqlite_fail(x->db, "reading the passages");
    sqlite3_finalize(st);
    return rc;
}

/* Open DIR/nodeK/NAME.tmp for writing and put the schema in it. */
static int open_part(exporter *x, int k, const char *name, const char *schema, FILE **out)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/node%d/%s.tmp", x->lay.dir, k, name);
    if (!(*out = fopen(path, "w")))
        return zsd_fail(x->db, ZS_EIO, "cannot write %s: %s", path, strerror(errno));
    fputs(schema, *out);
    return 0;
}

/* Finish DIR/nodeK/NAME.tmp and rename it to NAME. */
static int close_part(exporter *x, int k, const char *name, FILE **f)
{
    char tmp[PATH_MAX + 80], path[PATH_MAX + 64];
    int bad;
    if (!*f)
        return 0;
    fputs("</sphinx:docset>\n", *f);
    bad = ferror(*f);
    bad |= fclose(*f);
    *f = NULL;
    snprintf(path, sizeof path, "%s/node%d/%s", x->lay.dir, k, name);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (bad || rename(tmp, path))
        return zsd_fail(x->db, ZS_EIO, "cannot write %s: %s", path,
                        errno ? strerror(errno) : "write error");
    return 0;
}

static int make_dir(zs_db *db, const char *path)
{
    if (mkdir(path, 0777) && errno != EEXIST)
        return zsd_fail(db, ZS_EIO, "cannot create %s: %s", path, strerror(errno));
    return 0;
}

int zs_export_sphinx(zs_db *db, const zs_export_opts *o, zs_export_stats *st)
{
    exporter x;
    zs_export_stats dummy;
    char absdir[PATH_MAX], path[PATH_MAX + 64], err[512];
    struct timespec t0, t1;
    int rc;

    if (!db)
        return ZS_EINVAL;
    if (!o || o->version != ZS_EXPORT_OPTS_VERSION || !o->dir || !o->dir[0])
        return zsd_fail(db, ZS_EINVAL, "zs_export_sphinx: options missing or of another version");
    if (o->shards < 1 || o->shards > ZS_MAX_SHARDS)
        return zsd_fail(db, ZS_EINVAL, "shards: %d is not between 1 and %d", o->shards,
                        ZS_MAX_SHARDS);
    if (o->base_port < 1 || o->base_port + 2 * o->shards - 1 > 65535)
        return zsd_fail(db, ZS_EINVAL,
                        "base port %d: the %d ports from it must lie within 1..65535", o->base_port,
                        2 * o->shards);
    /* the folder is written into shell commands of the configs, in '...' */
    if (strpbrk(o->dir, "'\n\\"))
        return zsd_fail(db, ZS_EINVAL,
                        "the export folder's name must not hold ', \\ or a line break");
    for (int k = 0; o->hosts && k < o->shards; k++)
        if (!o->hosts[k] || !o->hosts[k][0] || strpbrk(o->hosts[k], " \t\n:#\\'\""))
            return zsd_fail(db, ZS_EINVAL, "host %d is empty or not a host name", k + 1);
    if (!st)
        st = &dummy;
    memset(st, 0, sizeof *st);
    clock_gettime(CLOCK_MONOTONIC, &t0);

    memset(&x, 0, sizeof x);
    x.db = db;
    x.st = st;
    if ((rc = make_dir(db, o->dir)) != 0)
        return rc;
    if (!realpath(o->dir, absdir))
        return zsd_fail(db, ZS_EIO, "cannot resolve %s: %s", o->dir, strerror(errno));
    x.lay = (zsc_layout){o->shards, o->base_port, o->hosts, absdir, "zhaoshu"};
    if ((rc = zsq_seg(db, &x.seg)) != 0 || (rc = load_aliases(&x)) != 0)
        goto out;
    if ((rc = zsd_prepare(db, &x.parks,
                          "SELECT park FROM passage_parks WHERE passage_id = ? ORDER BY park")) ||
        (rc = zsd_prepare(
             db, &x.figs,
             "SELECT f.start, f.start + f.len, f.value, coalesce(f.value_hi, f.value),"
             " u.s, c.s, f.hedge, m.s, mr.s, pk.s, f.year, f.metric_at, f.metric_at2"
             " FROM figure_rows f"
             " JOIN strings u ON u.id = f.unit JOIN strings c ON c.id = f.class"
             " JOIN strings m ON m.id = f.metric JOIN strings mr ON mr.id = f.metric_raw"
             " JOIN strings pk ON pk.id = f.park WHERE f.passage_id = ?"
             " ORDER BY f.start")))
        goto out;
    for (int k = 1; k <= o->shards; k++) {
        snprintf(path, sizeof path, "%s/node%d", absdir, k);
        if ((rc = make_dir(db, path)) != 0 ||
            (rc = open_part(&x, k, "passages.xml", PASSAGE_SCHEMA, &x.pf[k - 1])) != 0 ||
            (rc = open_part(&x, k, "figures.xml", FIGURE_SCHEMA, &x.ff[k - 1])) != 0)
            goto out;
    }
    if ((rc = zsd_exec(db, "BEGIN")) != 0) /* one snapshot of an index being written */
        goto out;
    rc = export_rows(&x);
    zsd_exec(db, "COMMIT");
    if (rc)
        goto out;
    if (x.tok.oom || x.line.oom) {
        rc = zsd_fail(db, ZS_ENOMEM, "out of memory");
        goto out;
    }
    for (int k = 1; k <= o->shards; k++) {
        if ((rc = close_part(&x, k, "passages.xml", &x.pf[k - 1])) != 0 ||
            (rc = close_part(&x, k, "figures.xml", &x.ff[k - 1])) != 0)
            goto out;
        if ((rc = zsc_write_conf(&x.lay, k, err, sizeof err)) != 0) {
            zsd_fail(db, rc, "%s", err);
            goto out;
        }
    }
out:
    for (int k = 0; k < ZSC_MAX_SHARDS; k++) {
        if (x.pf[k])
            fclose(x.pf[k]);
        if (x.ff[k])
            fclose(x.ff[k]);
    }
    sqlite3_finalize(x.parks);
    sqlite3_finalize(x.figs);
    for (size_t i = 0; i < x.nal; i++)
        free(x.al[i].park);
    ZSU_FREE(x.al, x.tok.p, x.line.p);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    st->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    return rc;
}
