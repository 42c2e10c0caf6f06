/*
 * cmd_export.c - `zhaoshu export --to sphinx`: an index as a sharded
 * Sphinx 2.2 / Manticore cluster (configs and sources, one folder per node).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu export --to sphinx DIR --shards N --base-port P [OPTIONS]\n"
    "\n"
    "Write, from an index, everything a sharded Sphinx 2.2 or Manticore cluster\n"
    "needs: for each node K (1..N) a folder DIR/nodeK/ with sphinx.conf and its\n"
    "sources (passages.xml, figures.xml). Then, on each node:\n"
    "  indexer --config DIR/nodeK/sphinx.conf --all     build shard K\n"
    "  searchd --config DIR/nodeK/sphinx.conf           serve it\n"
    "and query the cluster with zhaoshu's own query language:\n"
    "  zhaoshu query --engine sphinxql://HOST1:P/zhaoshu 高新区 签约\n"
    "\n"
    "Node K serves SphinxQL (MySQL protocol) on port P+K-1 and the agent protocol\n"
    "on port P+N+K-1; node 1 also serves the distributed indexes zhaoshu and\n"
    "zhaoshu_figures over every shard. A document goes to a shard by a hash of its\n"
    "path: a re-export sends it to the same node. DIR may already hold an export\n"
    "(its files are replaced); rebuild and restart the nodes after exporting.\n"
    "\n"
    "Options:\n"
    "  --to sphinx         the target (Sphinx 2.2 config syntax, which Manticore reads)\n"
    "  --shards N          number of nodes, 1 to 64\n"
    "  --base-port P       first port (2N ports from P are used)\n"
    "  --hosts H1,H2,...   the address of each node (N of them; default 127.0.0.1\n"
    "                      for all): searchd listens there and agents connect there\n"
    "  --db FILE           index file (default: $ZHAOSHU_DB, else\n"
    "                      $XDG_DATA_HOME/zhaoshu/index.db, else ~/.local/share/zhaoshu/index.db)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 exported, 2 error.\n"
    "\n"
    "Example (two nodes on this machine):\n"
    "  zhaoshu export --to sphinx /srv/zs --shards 2 --base-port 9306\n"
    "  for k in 1 2; do indexer --config /srv/zs/node$k/sphinx.conf --all &&\n"
    "    searchd --config /srv/zs/node$k/sphinx.conf; done\n"
    "  zhaoshu query --engine sphinxql://127.0.0.1:9306/zhaoshu 氢能\n";

static int parse_int(const char *opt, const char *v, int lo, int hi, int *out)
{
    long long n;
    if (cli_number("export", opt, v, lo, hi, &n))
        return -1;
    *out = (int)n;
    return 0;
}

/* Split a comma list in place into hosts[]; returns how many, or -1. */
static int split_hosts(char *s, const char **hosts, int cap)
{
    int n = 0;
    for (char *p = s;; p++) {
        char *c = strchr(p, ',');
        if (n == cap)
            return -1;
        hosts[n++] = p;
        if (!c)
            break;
        *c = '\0';
        p = c;
    }
    return n;
}

int cmd_export(int argc, char **argv)
{
    zs_export_opts eo = {ZS_EXPORT_OPTS_VERSION, NULL, 0, 0, NULL};
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY};
    zs_export_stats st;
    const char *to = NULL;
    const char *hosts[ZS_MAX_SHARDS];
    char *hostlist = NULL;
    int nhosts = 0, code = EXIT_ERROR, rc;
    zs_db *db = NULL;

    enum { O_HELP, O_DB, O_TO, O_SHARDS, O_BASE_PORT, O_HOSTS };
    static const cli_opt opts[] = {{"help", 'h', NULL},   {"db", 0, "FILE"},
                                   {"to", 0, "sphinx"},   {"shards", 0, "N"},
                                   {"base-port", 0, "P"}, {"hosts", 0, "H1,H2,..."}};
    cli_args args = CLI_COMMAND("export", opts, 0, 1, usage, argc, argv);
    const char *v;
    int i;
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        switch (i) {
        case CLI_EXIT: return args.code;
        case O_TO:
            to = v;
            if (strcmp(to, "sphinx") && strcmp(to, "manticore")) {
                cli_error("export: --to takes sphinx (or manticore, the same files), not '%s'", to);
                return EXIT_ERROR;
            }
            break;
        case O_SHARDS:
            if (parse_int("--shards", v, 1, ZS_MAX_SHARDS, &eo.shards))
                return EXIT_ERROR;
            break;
        case O_BASE_PORT:
            if (parse_int("--base-port", v, 1, 65535, &eo.base_port))
                return EXIT_ERROR;
            break;
        case O_HOSTS: hostlist = (char *)v; break;
        }
    }
    if (args.nargs > 1) { /* DIR, after --to sphinx or anywhere */
        cli_error("export: one DIR only ('%s' and '%s')", argv[1], argv[2]);
        return EXIT_ERROR;
    }
    eo.dir = args.nargs ? argv[1] : NULL;
    if (!to || !eo.dir || !eo.shards || !eo.base_port) {
        cli_error("export: --to sphinx DIR, --shards N and --base-port P are required"
                  " (see zhaoshu export --help)");
        return EXIT_ERROR;
    }
    if (eo.base_port + 2 * eo.shards - 1 > 65535) {
        cli_error("export: --base-port %d leaves no room for %d ports (2 per node)", eo.base_port,
                  2 * eo.shards);
        return EXIT_ERROR;
    }
    if (hostlist) {
        nhosts = split_hosts(hostlist, hosts, ZS_MAX_SHARDS);
        if (nhosts != eo.shards) {
            cli_error("export: --hosts names %s hosts for %d shards: give one per node",
                      nhosts < 0 ? "too many" : "a different number of", eo.shards);
            return EXIT_ERROR;
        }
        eo.hosts = hosts;
    }
    if (!(db = cli_db_open("export", "", args.db, &oo)))
        return EXIT_ERROR;
    cli_note_stale(db, "export");
    if ((rc = zs_export_sphinx(db, &eo, &st)) != 0) {
        cli_error("export: %s", zs_errmsg(db));
        goto out;
    }
    fprintf(stderr,
            "exported %zu documents, %zu passages, %zu figures to %d shard%s in %s (%.2f s)\n"
            "next, for each node K: indexer --config %s/nodeK/sphinx.conf --all;"
            " searchd --config %s/nodeK/sphinx.conf\n",
            st.documents, st.passages, st.figures, eo.shards, eo.shards == 1 ? "" : "s", eo.dir,
            st.seconds, eo.dir, eo.dir);
    code = EXIT_FOUND;
out:
    zs_db_close(db);
    return cli_finish(code);
}
