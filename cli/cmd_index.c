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
    "usage: zhaoshu index [--db FILE] [--prune] [--threads N] [--manifest FILE] [-q] PATH...\n"
    "\n"
    "Index article files: plain text, UTF-8 (GB18030/GBK and UTF-16 are detected and\n"
    "converted). PATH may be a file, a folder (searched recursively; hidden entries are\n"
    "skipped) or '-' for standard input. Running it again is cheap: unchanged files\n"
    "(same content hash) are skipped, changed ones re-indexed.\n"
    "\n"
    "Options:\n"
    "  --db FILE        index file (default: $ZHAOSHU_DB, else\n"
    "                   $XDG_DATA_HOME/zhaoshu/index.db, else ~/.local/share/zhaoshu/index.db)\n"
    "  --prune          remove documents under the given folders whose files are gone\n"
    "  --threads N      segmenting threads (default: one per core)\n"
    "  --manifest FILE  tab-separated file, date (YYYY-MM-DD), source per line; by default\n"
    "                   manifest.tsv in each folder is read when present. The date's year\n"
    "                   resolves 今年/去年/明年 in that article.\n"
    "  -q, --quiet      no progress line and no summary\n"
    "  -h, --help       show this help\n"
    "\n"
    "A passage is a paragraph as written: lines broken inside a paragraph are joined,\n"
    "headlines, bylines and captions are kept apart, repeated paragraphs are stored once.\n"
    "\n"
    "Exit status: 0 all input indexed, 1 some input skipped (named on stderr), 2 error.\n"
    "\n"
    "Examples:\n"
    "  zhaoshu index corpus/\n"
    "  zhaoshu index --db news.db --prune ~/papers/\n"
    "  curl -s URL | zhaoshu index -\n";

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
    if (off >= 0)
        fprintf(stderr, "zhaoshu: %s: byte %lld: %s%s\n", path, off, msg,
                kind == ZS_MSG_SKIPPED ? " (skipped)" : "");
    else
        fprintf(stderr, "zhaoshu: %s: %s%s\n", path, msg, kind == ZS_MSG_SKIPPED ? " (skipped)" : "");
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
    zs_index_opts o = {ZS_INDEX_OPTS_VERSION, 0, 0, on_msg, on_progress, NULL, NULL};
    zs_open_opts oo = {ZS_OPEN_OPTS_VERSION, ZS_OPEN_CREATE};
    zs_index_stats st;
    ui u = {isatty(STDERR_FILENO), 0, 0};
    const char *dbpath = NULL;
    char *defpath = NULL;
    zs_db *db = NULL;
    int i, rc, code = EXIT_ERROR;

    o.ctx = &u;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return cli_finish(EXIT_FOUND);
        } else if (!strcmp(a, "--db") && i + 1 < argc) {
            dbpath = argv[++i];
        } else if (!strncmp(a, "--db=", 5)) {
            dbpath = a + 5;
        } else if (!strcmp(a, "--prune")) {
            o.prune = 1;
        } else if (!strcmp(a, "--threads") && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 16) {
                cli_error("index: --threads takes a number from 1 to 16, not '%s'", argv[i]);
                return EXIT_ERROR;
            }
            o.threads = (int)n;
        } else if (!strcmp(a, "--manifest") && i + 1 < argc) {
            o.manifest = argv[++i];
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            u.quiet = 1;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (a[0] == '-' && a[1]) {
            cli_error("index: unknown option or missing value: '%s' (see zhaoshu index --help)",
                      a);
            return EXIT_ERROR;
        } else {
            break;
        }
    }
    if (i == argc) {
        cli_error("index: no PATH given (see zhaoshu index --help)");
        return EXIT_ERROR;
    }
    if (!(defpath = cli_db_path("index", dbpath)))
        return EXIT_ERROR;
    dbpath = defpath;
    rc = zs_db_open(&db, dbpath, &oo);
    if (rc) {
        cli_error("%s", zs_errmsg(db));
        goto out;
    }
    rc = zs_index_paths(db, (const char *const *)argv + i, (size_t)(argc - i), &o, &st);
    if (u.shown)
        fputs("\r\033[K", stderr);
    if (rc) {
        cli_error("index: %s", zs_errmsg(db));
        goto out;
    }
    if (!u.quiet)
        fprintf(stderr,
                "indexed %zu files (%zu unchanged, %zu skipped, %zu removed), %zu passages "
                "(%zu repeated merged), %zu figures, %.1f MB in %.2f s into %s\n",
                st.files_indexed, st.files_unchanged, st.files_skipped, st.files_removed,
                st.passages, st.duplicates, st.figures, (double)st.bytes_done / 1e6, st.seconds,
                dbpath);
    code = st.files_skipped ? EXIT_NONE : EXIT_FOUND;
out:
    zs_db_close(db);
    free(defpath);
    return cli_finish(code);
}
