/*
 * cmd_index.c - `zhaoshu index`: build or update the index.
 *
 * Progress goes to stderr only on a terminal; the final summary always.
 * Exit: 0 everything indexed, 1 indexed but some input was skipped (each
 * skipped file was named on stderr), 2 the run failed (index unchanged
 * since the last commit).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu index [--db FILE] [--prune] [--checksum] [--threads N] [--manifest FILE]\n"
    "                     [--name-pattern P]... [--name NAME] [--wait SECONDS] [-q] PATH...\n"
    "       zhaoshu index [--db FILE] [--wait SECONDS] --retokenize\n"
    "\n"
    "Index article files: plain text, UTF-8 (GB18030/GBK, Big5 and UTF-16 are detected\n"
    "and converted). PATH may be a file, a folder (searched recursively; hidden entries\n"
    "are skipped) or '-' for standard input. Running it again is cheap: a file whose\n"
    "size, modification and change times, inode and device are as when it was indexed\n"
    "is not read again; any other is read, skipped if its content is the same, and\n"
    "re-indexed if not (a file changed just before it was indexed, within 0.1 s, or 3 s\n"
    "on a file system that keeps whole seconds, is read next time).\n"
    "\n"
    "Options:\n"
    "  --db FILE        index file (default: $ZHAOSHU_DB, else\n"
    "                   $XDG_DATA_HOME/zhaoshu/index.db, else ~/.local/share/zhaoshu/index.db)\n"
    "  --prune          remove documents below the given folders whose files are gone\n"
    "                   (never documents elsewhere: a drive not mounted is not a deletion)\n"
    "  --checksum       read and hash every file to find what changed, trusting no\n"
    "                   recorded sizes and times (a clock set back, a tool that\n"
    "                   restores them all)\n"
    "  --threads N      segmenting threads (default: one per core)\n"
    "  --manifest FILE  tab-separated: file, date (YYYY-MM-DD, YYYY-MM or YYYY), source\n"
    "                   [, page] per line, files relative to the manifest's folder; by\n"
    "                   default manifest.tsv in each folder is read when present. Bad\n"
    "                   rows are reported; a FILE that is not there is an error.\n"
    "  --name-pattern P a file-name pattern giving date, page and outlet, tried before\n"
    "                   the built-in ones (may repeat): %Y year, %m month, %d day,\n"
    "                   %p page, * anything, =OUTLET at the end, e.g.\n"
    "                   'rmrb_%Y%m%d-%p-*=人民日报' (built in, as are other papers'\n"
    "                   initials and any name holding 20191022 or 2019-10-22)\n"
    "  --name NAME      the document name of standard input ('-'); without it, a name\n"
    "                   made of the text's hash (stdin:1f2e...), printed on stderr\n"
    "  --wait SECONDS   when another zhaoshu index is writing FILE, wait up to SECONDS\n"
    "                   for it to end (default: exit 2 at once, naming its pid). One\n"
    "                   writer at a time (a lock on FILE-lock); readers never wait\n"
    "  --retokenize     cut the stored text of every passage again with this zhaoshu's\n"
    "                   tokenizer and rebuild the full-text index from it (no PATH; the\n"
    "                   files need not be there). Queries refuse an index another\n"
    "                   tokenizer cut until then; an index run on PATHs does it first\n"
    "                   by itself. zhaoshu status tells whether it is needed.\n"
    "  -q, --quiet      no progress line and no summary\n"
    "  -h, --help       show this help\n"
    "\n"
    "A passage is a paragraph as written: lines broken inside a paragraph are joined,\n"
    "headlines, bylines and captions are kept apart, repeated paragraphs are stored once\n"
    "(every place they were printed is kept). An article's date, outlet and page come\n"
    "from the manifest, else its file name, else its text (datelines such as\n"
    "本报北京10月21日电, a line holding only the date, 新华社记者 lines); the date's\n"
    "year resolves 今年/去年/明年 in that article.\n"
    "\n"
    "Exit status: 0 all input indexed, 1 some input skipped (named on stderr), 2 error.\n"
    "\n"
    "Examples:\n"
    "  zhaoshu index corpus/\n"
    "  zhaoshu index --db news.db --prune ~/papers/\n"
    "  curl -s URL | zhaoshu index --name URL -\n";

typedef struct ui {
    int tty;
    int quiet;
    int shown;
} ui;

static void on_msg(void *ctx, zs_msg_kind kind, const char *path, long long off, const char *msg)
{
    ui *u = ctx;
    if (u->shown) {
        fputs("\r\033[K", stderr);
        u->shown = 0;
    }
    if (kind == ZS_MSG_NOTE) {
        if (!u->quiet)
            cli_error("%s", msg);
        return;
    }
    /* cli_error replaces control characters: a file name cannot forge a line. */
    if (off >= 0)
        cli_error("%s: byte %lld: %s%s", path, off, msg,
                  kind == ZS_MSG_SKIPPED ? " (skipped)" : "");
    else
        cli_error("%s: %s%s", path, msg, kind == ZS_MSG_SKIPPED ? " (skipped)" : "");
}

static void on_progress(void *ctx, const zs_index_stats *st)
{
    ui *u = ctx;
    if (!u->tty || u->quiet)
        return;
    double mb = (double)st->bytes_done / 1e6, total = (double)st->bytes_total / 1e6;
    double rate = st->seconds > 0 ? mb / st->seconds : 0;
    double eta = rate > 0 ? (total - mb) / rate : 0;
    size_t done = st->files_indexed + st->files_unchanged + st->files_skipped;
    fprintf(stderr, "\r\033[Kindexing: %zu/%zu files, %.1f/%.1f MB, %.1f MB/s, ETA %.0f s", done,
            st->files_seen, mb, total, rate, eta);
    u->shown = 1;
}

int cmd_index(int argc, char **argv)
{
    zs_index_opts o = {
        ZS_INDEX_OPTS_VERSION, 0, 0, on_msg, on_progress, NULL, NULL, 0, 0, NULL, 0, NULL};
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    unsigned wait_s = 0;
    zs_index_stats st;
    ui u = {isatty(STDERR_FILENO), 0, 0};
    const char *dbpath = NULL;
    char *defpath = NULL;
    zs_db *db = NULL;
    int i, rc, code = EXIT_ERROR, retokenize = 0;
    long long n;

    o.ctx = &u;
    /* Test hooks, not documented: the CLI tests take the rare repeat paths
     * on a small corpus (see zs_index_opts.seen_max and flags). */
    const char *env = getenv("ZHAOSHU_SEEN_MAX");
    if (env && *env)
        o.seen_max = (size_t)strtoull(env, NULL, 10);
    if (getenv("ZHAOSHU_REPEAT_ALL"))
        o.flags |= ZS_INDEX_GUESS_REPEATS;
    enum {
        O_HELP,
        O_DB,
        O_PRUNE,
        O_CHECKSUM,
        O_THREADS,
        O_MANIFEST,
        O_QUIET,
        O_NAME_PATTERN,
        O_NAME,
        O_WAIT,
        O_RETOKENIZE
    };
    static const cli_opt opts[] = {
        {"help", 'h', NULL},    {"db", 0, "FILE"},        {"prune", 0, NULL},
        {"checksum", 0, NULL},  {"threads", 0, "N"},      {"manifest", 0, "FILE"},
        {"quiet", 'q', NULL},   {"name-pattern", 0, "P"}, {"name", 0, "NAME"},
        {"wait", 0, "SECONDS"}, {"retokenize", 0, NULL},
    };
    /* --name-pattern values, in order */
    const char **names = calloc((size_t)argc + 1, sizeof *names);
    if (!names) {
        cli_error("index: out of memory");
        return EXIT_ERROR;
    }
    o.name_patterns = names;
    cli_args args = CLI_ARGS("index", opts, 0, argc, argv);
    const char *v;
    /* Paths are compacted in place at the front of argv, never past the
     * argument being read. */
    char **paths = argv + 1;
    int npaths = 0;
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        switch (i) {
        case CLI_BAD: goto out;
        case CLI_ARG: paths[npaths++] = (char *)v; break;
        case O_HELP:
            fputs(usage, stdout);
            free(names);
            return cli_finish(EXIT_FOUND);
        case O_DB: dbpath = v; break;
        case O_PRUNE: o.prune = 1; break;
        case O_CHECKSUM: o.flags |= ZS_INDEX_CHECKSUM; break;
        case O_THREADS:
            if (cli_number("index", "--threads", v, 1, 16, &n))
                goto out;
            o.threads = (int)n;
            break;
        case O_WAIT: /* seconds */
            if (cli_number("index", "--wait", v, 0, 86400, &n))
                goto out;
            wait_s = (unsigned)n;
            break;
        case O_MANIFEST: o.manifest = v; break;
        case O_NAME_PATTERN: names[o.nname_patterns++] = v; break;
        case O_QUIET: u.quiet = 1; break;
        case O_RETOKENIZE: retokenize = 1; break;
        case O_NAME:
            if (!*v) {
                cli_error("index: --name needs a non-empty NAME");
                goto out;
            }
            o.stdin_name = v;
            break;
        }
    }
    if (retokenize && npaths) {
        cli_error("index: --retokenize takes no PATH (an index run on PATHs retokenizes first "
                  "by itself when it must)");
        goto out;
    }
    if (retokenize)
        oo.flags = 0; /* an index to rebuild, never a new one */
    else if (npaths == 0) {
        cli_error("index: no PATH given (see zhaoshu index --help)");
        goto out;
    }
    int stdin_paths = 0;
    for (int k = 0; k < npaths; k++)
        stdin_paths += !strcmp(paths[k], "-");
    if (stdin_paths > 1) {
        cli_error("index: '-' (standard input) given %d times; it can be read once", stdin_paths);
        goto out;
    }
    if (o.stdin_name && !stdin_paths) {
        cli_error("index: --name names standard input: give - as a PATH");
        goto out;
    }
    if (!(defpath = cli_db_path("index", dbpath))) {
        goto out;
    }
    dbpath = defpath;
    rc = zs_db_open(&db, dbpath, &oo);
    if (rc == ZS_EBUSY && wait_s) {
        cli_error("index: %s; waiting up to %u s for it to end", zs_errmsg(db), wait_s);
        zs_db_close(db);
        db = NULL;
        oo.wait_ms = wait_s * 1000u;
        rc = zs_db_open(&db, dbpath, &oo);
    }
    if (rc == ZS_EBUSY) {
        cli_error("index: %s%s", zs_errmsg(db),
                  wait_s ? "" : " (--wait SECONDS waits for it to end)");
        goto out;
    }
    if (rc) {
        cli_db_open_error("", db, rc, dbpath);
        goto out;
    }
    if (retokenize) {
        if ((rc = zs_index_retokenize(db)) != 0) {
            cli_error("index: %s", zs_errmsg(db));
            goto out;
        }
        if (!u.quiet) {
            cli_puts(stderr, dbpath);
            fputs(": full-text index cut with this zhaoshu's tokenizer\n", stderr);
        }
        code = EXIT_FOUND;
        goto out;
    }
    rc = zs_index_paths(db, (const char *const *)paths, (size_t)npaths, &o, &st);
    if (u.shown)
        fputs("\r\033[K", stderr);
    if (rc) {
        cli_error("index: %s", zs_errmsg(db));
        goto out;
    }
    if (!u.quiet) {
        fprintf(stderr,
                "indexed %zu files (%zu unchanged, %zu skipped, %zu removed), %zu passages "
                "(%zu repeated merged), %zu figures, %.1f MB in %.2f s into ",
                st.files_indexed, st.files_unchanged, st.files_skipped, st.files_removed,
                st.passages, st.duplicates, st.figures, (double)st.bytes_done / 1e6, st.seconds);
        cli_puts(stderr, dbpath);
        fputc('\n', stderr);
    }
    code = st.files_skipped ? EXIT_NONE : EXIT_FOUND;
out:
    zs_db_close(db);
    free(defpath);
    free(names);
    return cli_finish(code);
}
