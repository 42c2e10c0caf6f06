/*
 * main.c - zhaoshu-serve, which `zhaoshu serve` runs (see cli/cmd_serve.c
 * for why the server is a program of its own).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static const char usage[] =
    "usage: zhaoshu serve [--db FILE] [--listen ADDR] [--threads N] [--timeout MS]\n"
    "\n"
    "Serve the index read-only over HTTP: a search page for people at /, and a\n"
    "JSON API for programs at /api/ (the schemas of zhaoshu query --json).\n"
    "\n"
    "Options:\n"
    "  --db FILE        index file (default as for zhaoshu query); it may be built\n"
    "                   after the server starts (the API answers 503 until then)\n"
    "  --listen ADDR    127.0.0.1:8080 (default), :8080, 0.0.0.0:8080, [::1]:8080;\n"
    "                   port 0 picks a free port. Beyond loopback, anyone who can\n"
    "                   reach the address can read the whole index\n"
    "  --threads N      requests answered at once (default: one per core, at least 2)\n"
    "  --timeout MS     time limit of one query, in milliseconds (default 5000)\n"
    "  -h, --help       show this help\n"
    "\n"
    "The URL is printed once the server listens. SIGINT (Ctrl-C) or SIGTERM stops\n"
    "it cleanly.\n"
    "\n"
    "API (GET; JSON; errors are {\"error\": message, \"status\": code}):\n"
    "  /api/search?q=QUERY&park=&year=&figure=&n=20&offset=0   ranked hits\n"
    "              &date=2019-10..2020-02&source=人民日报&sort=date\n"
    "  /api/figures?park=&metric=&year=&date=&source=&class=&conflicts=1&q=  figure rows\n"
    "  /api/parks                                              zones\n"
    "  /api/doc?doc=PATH&passage=N&context=K                   passages of a document\n"
    "  /api/facets?q=...                                       counts by park, year, ...\n"
    "\n"
    "Exit status: 0 after a clean stop, 2 when it cannot start.\n"
    "\n"
    "Example:\n"
    "  zhaoshu serve --db news.db   # then open http://127.0.0.1:8080/\n";

static int num(const char *opt, const char *v, unsigned lo, unsigned hi, unsigned *out)
{
    char *end;
    long long x = v ? strtoll(v, &end, 10) : -1;
    if (!v || *end || x < lo || x > hi) {
        fprintf(stderr, "zhaoshu: serve: %s takes a number from %u to %u\n", opt, lo, hi);
        return -1;
    }
    *out = (unsigned)x;
    return 0;
}

int main(int argc, char **argv)
{
    serve_opts o = {NULL, NULL, 0, 0};
    char *defpath = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return fflush(stdout) ? 2 : 0;
        } else if (!strcmp(a, "--db") && v) {
            o.dbpath = v, i++;
        } else if (!strcmp(a, "--listen") && v) {
            o.listen = v, i++;
        } else if (!strcmp(a, "--threads")) {
            if (num(a, v, 1, 256, &o.threads))
                return 2;
            i++;
        } else if (!strcmp(a, "--timeout")) {
            if (num(a, v, 1, 600000, &o.query_ms))
                return 2;
            i++;
        } else {
            fprintf(stderr,
                    "zhaoshu: serve: unknown option or missing value: '%s' (see zhaoshu serve "
                    "--help)\n",
                    a);
            return 2;
        }
    }
    if (!o.dbpath) {
        if (zs_db_default_path(&defpath) != 0) {
            fprintf(stderr, "zhaoshu: serve: no --db given and no HOME to find the default "
                            "index in\n");
            return 2;
        }
        o.dbpath = defpath;
    }
    int code = serve_run(&o);
    free(defpath);
    return code;
}
