/*
 * cmd_parks.c - `zhaoshu parks`: the zones in the index, their aliases and
 * how many passages speak of each.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu parks [--db FILE] [--json]\n"
    "\n"
    "List the development zones the indexed passages speak of, most passages first,\n"
    "with what the gazetteer knows of each: kind, level (national or provincial, - when\n"
    "no list says), province and city, and whether the zone is on a list (data/parks.tsv,\n"
    "data/zones.tsv: official lists, see data/README) or was found by the name patterns\n"
    "only; then the other names it goes by (aliases and the folding of 经济开发区 to 经开区\n"
    "and the like). Any alias works in park: filters.\n"
    "\n"
    "  35     贵阳高新区  高新区 national 贵州省 贵阳市 list  (also: 贵阳国家高新区, ...)\n"
    "\n"
    "Options:\n"
    "  --db FILE   index file (default as for zhaoshu query)\n"
    "  --json      JSON Lines: {\"park\", \"aliases\", \"passages\", \"level\", \"kind\",\n"
    "              \"province\", \"city\", \"source\": \"list\" or \"pattern\"}\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 zones listed, 1 none, 2 error.\n"
    "\n"
    "Examples:\n"
    "  zhaoshu parks | head\n"
    "  zhaoshu parks --json | jq -r 'select(.passages >= 10) | .park'\n";

typedef struct pctx {
    int json;
    size_t n;
} pctx;

static int show(void *ctx, const zs_park *p)
{
    pctx *c = ctx;
    c->n++;
    if (c->json) {
        size_t n;
        const char *j = cli_park_json(p, &n);
        if (cli_json_line(j, n))
            return ZS_ENOMEM;
    } else {
        const char *f[4] = {p->kind, p->level, p->province, p->city};
        printf("%-6lld ", p->passages);
        cli_puts(stdout, p->name);
        fputs(" ", stdout);
        for (int k = 0; k < 4; k++) {
            fputs(" ", stdout);
            cli_puts(stdout, f[k] && f[k][0] ? f[k] : "-");
        }
        fputs(p->listed ? " list" : " pattern", stdout);
        for (size_t i = 0; i < p->naliases; i++) {
            fputs(i ? ", " : "  (also: ", stdout);
            cli_puts(stdout, p->aliases[i]);
        }
        puts(p->naliases ? ")" : "");
    }
    return ferror(stdout) ? 1 : 0;
}

int cmd_parks(int argc, char **argv)
{
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY | ZS_OPEN_SHORT};
    zs_db *db = NULL;
    pctx c = {0, 0};
    int code = EXIT_ERROR, rc;

    enum { O_HELP, O_DB, O_JSON };
    static const cli_opt opts[] = {{"help", 'h', NULL}, {"db", 0, "FILE"}, {"json", 0, NULL}};
    cli_args args = CLI_COMMAND("parks", opts, 0, 0, usage, argc, argv);
    const char *v;
    int i;
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        switch (i) {
        case CLI_EXIT: return args.code;
        case O_JSON: c.json = 1; break;
        }
    }
    if (!(db = cli_db_open("parks", "", args.db, &oo)))
        return EXIT_ERROR;
    cli_note_stale(db, "parks");
    rc = zs_parks_list(db, show, &c);
    if (rc < 0) {
        cli_error("parks: %s", rc == ZS_ENOMEM ? "out of memory" : zs_errmsg(db));
        goto out;
    }
    code = c.n ? EXIT_FOUND : EXIT_NONE;
out:
    zs_db_close(db);
    return cli_finish(code);
}
