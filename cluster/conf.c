/*
 * conf.c - one sphinx.conf per node of an exported cluster.
 *
 * Node K (1-based) of N holds shard K: the local indexes INDEX_K (passages)
 * and INDEX_figures_K, built by `indexer --config DIR/nodeK/sphinx.conf
 * --all` from the xmlpipe2 files beside the config, and served by `searchd
 * --config` on HOST_K:(base_port+K-1) for SphinxQL (mysql41) and on
 * HOST_K:(base_port+N+K-1) for the binary protocol that agents speak
 * (Sphinx 2.2 agents cannot use mysql41). Node 1 also declares the
 * distributed indexes INDEX and INDEX_figures: its own shard plus an agent
 * for every other node.
 *
 * Tokens: the full-text fields already hold zhaoshu's tokens (NFKC, case
 * folded, Simplified, stemmed) separated by spaces, so the tokenizer here
 * only has to keep each of them whole: one-character n-grams over the CJK
 * ranges zhaoshu cuts into characters, and a charset table of the letters
 * and digits its words are made of ('.' inside numbers such as 135.34, '_').
 * The folds in the table (A..Z, full-width forms) repeat zhaoshu's for
 * people who type raw SphinxQL; zhaoshu's own queries arrive folded.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cluster_int.h"

/* The CJK characters zhaoshu makes one token each (seg.c's is_cjk(): Han,
 * Hiragana, Katakana). */
static const char NGRAM_CHARS[] =
    "U+3040..U+30FF, U+31F0..U+31FF, U+3400..U+4DBF, U+4E00..U+9FFF, U+F900..U+FAFF";

/* Letters and digits of zhaoshu's words; see the file comment. */
static const char CHARSET_TABLE[] =
    "0..9, A..Z->a..z, a..z, U+2E, U+5F, \\\n"
    "    U+FF10..U+FF19->0..9, U+FF21..U+FF3A->a..z, U+FF41..U+FF5A->a..z, \\\n"
    "    U+C0..U+D6->U+E0..U+F6, U+D8..U+DE->U+F8..U+FE, U+DF..U+F6, U+F8..U+FF, \\\n"
    "    U+100..U+24F, U+370..U+3FF, U+400..U+52F, U+530..U+58F, U+5D0..U+5EA, \\\n"
    "    U+620..U+64A, U+E00..U+E7F, U+1100..U+11FF, U+AC00..U+D7A3";

int zsc_api_port(const zsc_layout *l, int k)
{
    return l->base_port + l->shards + k - 1;
}

static const char *host_of(const zsc_layout *l, int k)
{
    return l->hosts && l->hosts[k - 1] ? l->hosts[k - 1] : "127.0.0.1";
}

/* The shared tokenizer settings of every full-text index. */
static void tokenizer(FILE *f)
{
    fprintf(f,
            "    docinfo = extern\n"
            "    dict = keywords\n"
            "    # zhaoshu's tokens are whole; none is too short or a stopword\n"
            "    min_word_len = 1\n"
            "    # word* in a query: any word starting with it\n"
            "    min_prefix_len = 1\n"
            "    # any substring of Chinese text: one token per character\n"
            "    ngram_len = 1\n"
            "    ngram_chars = %s\n"
            "    charset_table = %s\n",
            NGRAM_CHARS, CHARSET_TABLE);
}

static void passages_source(FILE *f, const zsc_layout *l, int k)
{
    fprintf(f,
            "source %s_%d\n{\n"
            "    type = xmlpipe2\n"
            "    xmlpipe_command = cat '%s/node%d/passages.xml'\n"
            "}\n\n",
            l->index, k, l->dir, k);
    fprintf(f,
            "# One document per passage; id = the passage's id in the zhaoshu index.\n"
            "# Fields body, park, year, figure: zhaoshu's tokens of the FTS5 columns of\n"
            "# the same names. Attributes: text (the passage as printed), doc (path),\n"
            "# passage (number in the document), kind (0 body, 1 headline, 2 caption,\n"
            "# 3 byline), doc_start/doc_end (bytes in the document), date (YYYYMMDD or 0),\n"
            "# outlet, zones (ids of its zones and keys of their aliases), parks (zone\n"
            "# names), years (all_years: with those it only spans), year_text, figs (the\n"
            "# passage's figures, one per line).\n"
            "index %s_%d\n{\n"
            "    source = %s_%d\n"
            "    path = %s/node%d/data/%s_%d\n",
            l->index, k, l->index, k, l->dir, k, l->index, k);
    tokenizer(f);
    fputs("}\n\n", f);
}

static void figures_source(FILE *f, const zsc_layout *l, int k)
{
    fprintf(f,
            "source %s_figures_%d\n{\n"
            "    type = xmlpipe2\n"
            "    xmlpipe_command = cat '%s/node%d/figures.xml'\n"
            "}\n\n",
            l->index, k, l->dir, k);
    fprintf(f,
            "# One document per figure, sharded with its passage. Field metric: the\n"
            "# metric's tokens. value/value_hi: base units x %.0f; cls/unit/metric_id:\n"
            "# ids of the names (strings beside them); zone: the zone's id; year; hedge.\n"
            "index %s_figures_%d\n{\n"
            "    source = %s_figures_%d\n"
            "    path = %s/node%d/data/%s_figures_%d\n",
            ZSC_FIG_SCALE, l->index, k, l->index, k, l->dir, k, l->index, k);
    tokenizer(f);
    fputs("}\n\n", f);
}

static void distributed(FILE *f, const zsc_layout *l, const char *suffix)
{
    fprintf(f, "index %s%s\n{\n    type = distributed\n    local = %s%s_1\n", l->index, suffix,
            l->index, suffix);
    for (int j = 2; j <= l->shards; j++)
        fprintf(f, "    agent = %s:%d:%s%s_%d\n", host_of(l, j), zsc_api_port(l, j), l->index,
                suffix, j);
    /* Small timeouts: a node that is down costs a query this long, and the
     * answer then comes from the shards that are up, with a warning. */
    fputs("    agent_connect_timeout = 300\n    agent_query_timeout = 3000\n}\n\n", f);
}

int zsc_write_conf(const zsc_layout *l, int k, char *err, size_t errcap)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/node%d/data", l->dir, k);
    if (mkdir(path, 0777) && errno != EEXIST) {
        snprintf(err, errcap, "cannot create %s: %s", path, strerror(errno));
        return ZS_EIO;
    }
    snprintf(path, sizeof path, "%s/node%d/sphinx.conf", l->dir, k);
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, errcap, "cannot write %s: %s", path, strerror(errno));
        return ZS_EIO;
    }
    fprintf(f,
            "# sphinx.conf of node %d of %d, written by zhaoshu %s export --to sphinx.\n"
            "# Build:  indexer --config %s --all\n"
            "# Serve:  searchd --config %s\n"
            "# Query:  zhaoshu query --engine sphinxql://%s:%d/%s%s ...\n"
            "# Works with Sphinx 2.2 and Manticore; see doc/scaling.md.\n\n",
            k, l->shards, ZS_VERSION_STRING, path, path, host_of(l, 1), l->base_port, l->index,
            k == 1 ? "" : " (on node 1)");
    passages_source(f, l, k);
    figures_source(f, l, k);
    if (k == 1) {
        distributed(f, l, "");
        distributed(f, l, "_figures");
    }
    fprintf(f,
            "indexer\n{\n    mem_limit = 256M\n    max_xmlpipe2_field = 16M\n}\n\n"
            "searchd\n{\n"
            "    listen = %s:%d:mysql41\n"
            "    listen = %s:%d\n"
            "    log = %s/node%d/searchd.log\n"
            "    query_log = %s/node%d/query.log\n"
            "    pid_file = %s/node%d/searchd.pid\n"
            "    # the indexes are rebuilt from the export, never updated: no binlog\n"
            "    binlog_path =\n"
            "    workers = threads\n"
            "    read_timeout = 5\n"
            "    client_timeout = 300\n"
            "}\n",
            host_of(l, k), l->base_port + k - 1, host_of(l, k), zsc_api_port(l, k), l->dir, k,
            l->dir, k, l->dir, k);
    int bad = ferror(f);
    if (fclose(f) || bad) {
        snprintf(err, errcap, "cannot write %s", path);
        return ZS_EIO;
    }
    return 0;
}
