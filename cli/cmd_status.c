/*
 * cmd_status.c - `zhaoshu status`: what an index holds and whether this
 * zhaoshu would extract its fields as they are (zs_extractor()).
 *
 * Exit: 0 current, 1 the index needs `zhaoshu index` (another extractor's
 * fields), 2 error; so `zhaoshu status -q || zhaoshu index DIR` refreshes
 * an index only when it must.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu status [--db FILE] [-q]\n"
    "\n"
    "Tell what an index holds: its documents, whether zhaoshu index is writing\n"
    "it, and which extractor found its zones, years, figures and metrics. An\n"
    "index built by another version of zhaoshu (or by this one with other data\n"
    "files in $ZHAOSHU_DATA_DIR) keeps that version's fields until zhaoshu index\n"
    "runs again: it then re-extracts every document whose file is still there.\n"
    "Queries on such an index warn on standard error. An index whose text another\n"
    "tokenizer cut is refused by queries until zhaoshu index --retokenize.\n"
    "\n"
    "Options:\n"
    "  --db FILE   index file (default as for zhaoshu query)\n"
    "  -q, --quiet print nothing; the exit status tells\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 the index is current, 1 it was extracted or tokenized by another\n"
    "version (run zhaoshu index, or zhaoshu index --retokenize), 2 error.\n"
    "\n"
    "Example:\n"
    "  zhaoshu status --db news.db -q || zhaoshu index --db news.db ~/papers/\n";

int cmd_status(int argc, char **argv)
{
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY | ZS_OPEN_SHORT};
    zs_db_status st = {.version = ZS_DB_STATUS_VERSION};
    zs_db *db = NULL;
    int code = EXIT_ERROR, quiet = 0;

    enum { O_HELP, O_DB, O_QUIET };
    static const cli_opt opts[] = {{"help", 'h', NULL}, {"db", 0, "FILE"}, {"quiet", 'q', NULL}};
    cli_args args = CLI_COMMAND("status", opts, 0, 0, usage, argc, argv);
    const char *v;
    int i;
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        if (i == CLI_EXIT)
            return args.code;
        if (i == O_QUIET)
            quiet = 1;
    }
    char *path = cli_db_path("status", args.db);
    if (!path)
        return EXIT_ERROR;
    if (!(db = cli_db_open("status", "status: ", path, &oo)))
        goto out;
    if (zs_db_stat(db, &st)) {
        cli_error("status: %s", zs_errmsg(db));
        goto out;
    }
    code = st.extractor_stale || st.tokenizer_stale ? EXIT_NONE : EXIT_FOUND;
    if (quiet)
        goto out;
    fputs("index:      ", stdout);
    cli_puts(stdout, path);
    printf("\ndocuments:  %lld\n", st.documents);
    if (st.writer_pid > 0)
        printf("writer:     zhaoshu index (pid %ld) is writing it\n", st.writer_pid);
    else if (st.writer_pid < 0)
        printf("writer:     zhaoshu index is writing it\n");
    fputs("extractor:  ", stdout);
    cli_puts(stdout, st.extractor[0] ? st.extractor : "none recorded");
    if (!st.extractor_stale) {
        puts(st.documents ? " (this zhaoshu's)" : "");
    } else {
        fputs("\n            this zhaoshu's is ", stdout);
        cli_puts(stdout, zs_extractor());
        puts(": the index's zones, years, figures\n"
             "            and metrics may be out of date; zhaoshu index on its files\n"
             "            re-extracts them");
    }
    fputs("tokenizer:  ", stdout);
    cli_puts(stdout, st.tokenizer[0] ? st.tokenizer : "none recorded");
    if (!st.tokenizer_stale) {
        puts(st.documents ? " (this zhaoshu's)" : "");
    } else {
        fputs("\n            this zhaoshu's is ", stdout);
        cli_puts(stdout, zs_tokenizer());
        fputs("\n            queries refuse this index until zhaoshu index --retokenize --db ",
              stdout);
        cli_puts(stdout, path);
        puts("\n            rebuilds its full-text index");
    }
out:
    zs_db_close(db);
    free(path);
    return cli_finish(code);
}
