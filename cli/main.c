/*
 * main.c - the zhaoshu command: dispatch to one subcommand per verb.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_cmd commands[] = {
    {"check", "verify an index (SQLite and FTS5 integrity checks)", cmd_check},
    {"export", "write an index out as a sharded Sphinx/Manticore cluster", cmd_export},
    {"figures", "list figures for a zone and metric: timelines, conflicts, checks", cmd_figures},
    {"index", "index article files (folders, files or - for stdin)", cmd_index},
    {"parks", "list the development zones in the index with aliases and counts", cmd_parks},
    {"query", "find passages: ranked, matches and figures highlighted", cmd_query},
    {"status", "tell what an index holds and whether this zhaoshu extracted it", cmd_status},
    {"show", "print the passage at PATH:LINE, with context, date, outlet and places", cmd_show},
    {"segment", "show the tokens zhaoshu makes of a text", cmd_segment},
    {"serve", "serve the index to a browser and a JSON API over HTTP (read-only)", cmd_serve},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: zhaoshu [--db FILE] COMMAND [OPTIONS] [ARGS]\n\n"
               "zhaoshu (找数) indexes Chinese news and finds passages and the figures\n"
               "printed in them.\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n--db FILE before the command is the index for any command (as its own --db).\n"
               "Run 'zhaoshu COMMAND --help' for a command's options.\n"
               "Exit status: 0 found/success, 1 nothing found, 2 error.\n");
}

int main(int argc, char **argv)
{
    /* A closed pipe (zhaoshu query ... | head -1) ends us quietly through EPIPE. */
    signal(SIGPIPE, SIG_IGN);
    /* SQLite counts every allocation under a global mutex unless told not
     * to, before its first use; the command reads no memory statistics. */
    (void)zs_global_init();
    /* Options before the command: --db FILE, as scripts and aliases write
     * it (alias zn='zhaoshu --db news.db'). */
    while (argc >= 2 && (!strcmp(argv[1], "--db") || !strncmp(argv[1], "--db=", 5))) {
        if (argv[1][4] == '=') {
            cli_global_db = argv[1] + 5;
            argc--, argv++;
        } else if (argc < 3) {
            cli_error("--db needs a value: --db FILE");
            return EXIT_ERROR;
        } else {
            cli_global_db = argv[2];
            argc -= 2, argv += 2;
        }
    }
    if (argc < 2) {
        usage(stderr);
        return EXIT_ERROR;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return cli_finish(EXIT_FOUND);
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("zhaoshu %s\n", zs_version());
        return cli_finish(EXIT_FOUND);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name)) {
            /* short reads, not long writes (heap.c) */
            if (strcmp(argv[1], "index") && strcmp(argv[1], "export"))
                cli_heap_huge();
            return commands[i].run(argc - 1, argv + 1);
        }
    if (argv[1][0] == '-')
        cli_error("unknown option '%s' before the command: only --db FILE may come first "
                  "(see zhaoshu --help)",
                  argv[1]);
    else {
        /* qurey, figure, park: the nearest command, when it is near */
        const char *near = NULL;
        size_t best = 3, n = strlen(argv[1]);
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
            const char *c = commands[i].name;
            size_t d = cli_distance(argv[1], n, c, strlen(c));
            if (d < best)
                best = d, near = c;
        }
        if (near)
            cli_error("unknown command '%s'; the nearest is '%s' (see zhaoshu --help)", argv[1],
                      near);
        else
            cli_error("unknown command '%s' (see zhaoshu --help)", argv[1]);
    }
    return EXIT_ERROR;
}
