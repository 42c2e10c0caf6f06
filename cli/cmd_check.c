/*
 * cmd_check.c - `zhaoshu check`: is this index sound?
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu check [--db FILE]\n"
    "\n"
    "Verify an index: SQLite's integrity check and FTS5's check that the full-text\n"
    "index agrees with the stored passages. Use it after a crash or a kill, or\n"
    "before trusting a copied index. Prints 'ok' or the first problem found.\n"
    "\n"
    "Options:\n"
    "  --db FILE   index file (default as for zhaoshu query)\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 sound, 2 damaged or unreadable.\n"
    "\n"
    "Example:\n"
    "  zhaoshu check --db news.db && cp news.db /backup/\n";

int cmd_check(int argc, char **argv)
{
    /* Read-write: FTS5's integrity-check is a write statement, so check
     * takes the writer lock and is told when an index run is writing. */
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = 0};
    zs_db *db = NULL;
    int code = EXIT_ERROR;

    enum { O_HELP, O_DB };
    static const cli_opt opts[] = {{"help", 'h', NULL}, {"db", 0, "FILE"}};
    cli_args args = CLI_COMMAND("check", opts, 0, 0, usage, argc, argv);
    const char *v;
    int i;
    while ((i = cli_next(&args, &v)) != CLI_DONE)
        if (i == CLI_EXIT)
            return args.code;
    if (!(db = cli_db_open("check", "check: ", args.db, &oo)))
        return EXIT_ERROR;
    if (zs_db_check(db)) {
        cli_error("check: %s", zs_errmsg(db));
        goto out;
    }
    puts("ok");
    code = EXIT_FOUND;
out:
    zs_db_close(db);
    return cli_finish(code);
}
