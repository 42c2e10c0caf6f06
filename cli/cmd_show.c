/*
 * cmd_show.c - `zhaoshu show PATH:LINE`: the passage a hit or a figure
 * pointed at, read back from the index, with passages of context around
 * it, the same marks as `query`, and where else it was printed.
 *
 * The passage comes from the index (zs_doc_locate, zs_doc_open), not from
 * the file, so it shows what zhaoshu indexed even when the file has moved.
 * Exit: 0 shown, 1 no passage at that line, 2 error.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu show [OPTIONS] PATH:LINE [WORDS...]\n"
    "\n"
    "Print the passage at PATH:LINE as the index holds it: the place a hit or a\n"
    "figure was reported at (zhaoshu query, zhaoshu figures, --vimgrep). PATH may be\n"
    "as printed (relative to this folder), as given to zhaoshu index, or absolute;\n"
    "LINE may be any line of the passage (a figure's line too). PATH:LINE:COLUMN,\n"
    "as --vimgrep prints it, works as well. WORDS are query words to mark.\n"
    "\n"
    "Options:\n"
    "  -C, --context N     also print N passages before and N after it\n"
    "  --db FILE           index file (default: as zhaoshu query)\n"
    "  --json              JSON Lines: one object per passage, as query --json,\n"
    "                      with \"target\": true on the passage at LINE\n"
    "  --color WHEN        auto (default), always, never\n"
    "  -h, --help          show this help\n"
    "\n"
    "Output: the path with the article's date, outlet and page when known, then\n"
    "one passage per line: LINE: for the passage asked for, LINE- for context\n"
    "(as grep -C); figures marked {like this}, WORDS [like this] (colours on a\n"
    "terminal); under a passage, every other place it was printed.\n"
    "\n"
    "Exit status: 0 shown, 1 no passage at that line (before the first passage or\n"
    "after the last), 2 error (no such document in the index, bad argument, no index).\n"
    "\n"
    "Examples:\n"
    "  zhaoshu show corpus/000_六盘水高新区.txt:33\n"
    "  zhaoshu show -C 2 corpus/000_六盘水高新区.txt:33 签约\n"
    "  zhaoshu query --vimgrep 签约金额 | head -1 | cut -d: -f1-3 | xargs zhaoshu show\n";

/* Split "PATH:LINE" at its last colon followed by digits only. Returns 0
 * with *line set and arg cut at the colon, -1 when there is no line. */
static int split_line(char *arg, long long *line)
{
    char *c = strrchr(arg, ':'), *end;
    if (!c || c == arg || !c[1] || c[1] < '0' || c[1] > '9')
        return -1;
    long long v = strtoll(c + 1, &end, 10);
    if (*end || v < 1)
        return -1;
    *c = '\0';
    *line = v;
    return 0;
}

/* One passage: "LINE: text" (the target) or "LINE- text" (context). */
static void print_passage(const zs_hit *h, int target, int color)
{
    if (color)
        printf("\033[32m%lld\033[0m%c ", h->place.line, target ? ':' : '-');
    else
        printf("%lld%c ", h->place.line, target ? ':' : '-');
    if (h->kind && strcmp(h->kind, "body"))
        printf("(%s) ", h->kind);
    cli_put_marked(stdout, color, h, 0, h->len);
    if (h->nalso_in) {
        fputs("\n   ", stdout);
        cli_put_also_in(stdout, &h->place, h->also_in, h->nalso_in);
    }
    fputc('\n', stdout);
}

/* The hit's JSON object with "target" added at its end. */
static int print_json(const zs_hit *h, int target)
{
    size_t n;
    const char *j = cli_hit_json(h, &n);
    if (!j)
        return -1;
    fwrite(j, 1, n - 1, stdout); /* without the closing brace */
    printf(",\"target\":%s}\n", target ? "true" : "false");
    return 0;
}

int cmd_show(int argc, char **argv)
{
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY | ZS_OPEN_SHORT};
    const char *dbpath = NULL, *color = "auto";
    char *words = NULL, *doc = NULL, *where = NULL;
    zs_db *db = NULL;
    zs_query *q = NULL;
    long long line = 0, passage = 0, context = 0;
    int i, rc, code = EXIT_ERROR, json = 0, colored = 0, nwords = 0;
    size_t wlen = 0;
    char **wv;

    enum { O_HELP, O_DB, O_CONTEXT, O_JSON, O_COLOR };
    static const cli_opt opts[] = {
        {"help", 'h', NULL}, {"db", 0, "FILE"},    {"context", 'C', "N"},
        {"json", 0, NULL},   {"color", 0, "WHEN"},
    };
    cli_args args = CLI_COMMAND("show", opts, 1, 1, usage, argc, argv);
    const char *v;

    setlocale(LC_CTYPE, "C.UTF-8");
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        switch (i) {
        case CLI_EXIT: return args.code;
        case O_JSON: json = 1; break;
        case O_COLOR: color = v; break;
        case O_CONTEXT:
            if (cli_number("show", "-C/--context", v, 0, ZS_MAX_LIMIT / 2, &context))
                return EXIT_ERROR;
            break;
        }
    }
    /* the arguments, gathered at argv[1..nargs]: PATH:LINE, then words */
    dbpath = args.db;
    if (args.nargs >= 1)
        where = argv[1];
    wv = argv + 2;
    nwords = args.nargs > 1 ? args.nargs - 1 : 0;
    if (!strcmp(color, "always"))
        colored = 1;
    else if (!strcmp(color, "auto"))
        colored = cli_color_auto();
    else if (strcmp(color, "never")) {
        cli_error("show: --color takes auto, always or never, not '%s'", color);
        return EXIT_ERROR;
    }
    if (!where) {
        cli_error("show: no PATH:LINE given (see zhaoshu show --help)");
        return EXIT_ERROR;
    }
    if (split_line(where, &line)) {
        cli_error("show: '%s' names no line: write PATH:LINE, e.g. corpus/a.txt:33", where);
        return EXIT_ERROR;
    }
    if (!(words = cli_join(wv, nwords, &wlen))) {
        cli_error("show: out of memory");
        return EXIT_ERROR;
    }
    if (!(db = cli_db_open("show", "", dbpath, &oo)))
        goto out;
    cli_note_stale(db, "show");
    rc = zs_doc_locate(db, where, line, &doc, &passage);
    if (rc == ZS_ENOTFOUND) {
        /* PATH:LINE:COLUMN (--vimgrep): the column is not needed */
        long long l2;
        char *copy = strdup(where);
        if (copy && !split_line(copy, &l2)) {
            int rc2 = zs_doc_locate(db, copy, l2, &doc, &passage);
            if (rc2 != ZS_ENOTFOUND) {
                rc = rc2;
                line = l2;
                where[strlen(copy)] = '\0';
            }
        }
        free(copy);
    }
    if (rc) {
        cli_error("show: %s", zs_errmsg(db));
        goto out;
    }
    if (!passage) {
        cli_error("show: no passage at line %lld of %s", line, where);
        code = EXIT_NONE;
        goto out;
    }
    long long first = passage > context ? passage - context : 1;
    if ((rc = zs_doc_open(&q, db, doc, first, passage + context, words, wlen)) != 0) {
        cli_error("show: %s", zs_errmsg(db));
        goto out;
    }
    const zs_hit *h;
    int header = 0;
    while ((rc = zs_query_next(q, &h)) == 0) {
        int target = h->passage == passage;
        if (json) {
            if (print_json(h, target)) {
                cli_error("show: out of memory");
                goto out;
            }
        } else {
            if (!header++) {
                if (colored)
                    fputs("\033[35m", stdout);
                cli_puts(stdout, cli_place_path(&h->place));
                if (colored)
                    fputs("\033[0m", stdout);
                cli_put_place_meta(stdout, &h->place);
                fputc('\n', stdout);
            }
            print_passage(h, target, colored);
        }
        if (ferror(stdout))
            break;
    }
    if (rc != 0 && rc != ZS_ITEROVER)
        cli_error("show: %s", zs_errmsg(db));
    else
        code = EXIT_FOUND;
out:
    zs_query_free(q);
    zs_db_close(db);
    free(doc);
    free(words);
    return cli_finish(code);
}
