/*
 * cmd_serve.c - `zhaoshu serve`: runs zhaoshu-serve, the HTTP server (serve/).
 *
 * The server is a program of its own rather than code linked into zhaoshu:
 * libmicrohttpd brings GnuTLS and a dozen shared libraries with it, and every
 * `zhaoshu query` is a whole process whose start the static_cli option
 * already cut to the bone. So this command only finds the server and
 * replaces itself with it (exec), passing the options on (checked here
 * first): to the user it is one command, and a query pays nothing for the
 * server.
 *
 * Where it looks: beside this binary (installed side by side, or the
 * relocated tree), the build tree (build/cli/zhaoshu -> build/serve/), then
 * the libexec directory chosen at build time.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef ZS_LIBEXECDIR
#define ZS_LIBEXECDIR "/usr/local/libexec"
#endif

/* The server's options, checked here so that a mistyped one is named the
 * way every other command names it (the nearest known option), and passed on
 * in one form, --name VALUE, with --db before the command (zhaoshu --db FILE
 * serve) first so that a --db after it wins. */
static char **server_argv(int argc, char **argv)
{
    enum { O_HELP, O_DB, O_LISTEN, O_THREADS, O_TIMEOUT };
    static const cli_opt opts[] = {{"help", 'h', NULL},
                                   {"db", 0, "FILE"},
                                   {"listen", 0, "ADDR"},
                                   {"threads", 0, "N"},
                                   {"timeout", 0, "MS"}};
    static const char *const flag[] = {"--help", "--db", "--listen", "--threads", "--timeout"};
    cli_args args = CLI_ARGS("serve", opts, 0, argc, argv);
    char **sv = calloc(2 * (size_t)argc + 4, sizeof *sv);
    const char *v;
    int i, n = 0;
    if (!sv) {
        cli_error("serve: out of memory");
        return NULL;
    }
    sv[n++] = "zhaoshu-serve";
    if (cli_global_db) {
        sv[n++] = "--db";
        sv[n++] = (char *)cli_global_db;
    }
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        if (i == CLI_BAD)
            goto bad;
        if (i == CLI_ARG) {
            cli_error("serve: takes no arguments, not '%s' (the index is --db FILE; see zhaoshu "
                      "serve --help)",
                      v);
            goto bad;
        }
        sv[n++] = (char *)flag[i];
        if (v)
            sv[n++] = (char *)v;
    }
    return sv;
bad:
    free(sv);
    return NULL;
}

int cmd_serve(int argc, char **argv)
{
    char self[PATH_MAX], path[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    const char *tries[3];
    size_t ntries = 0;
    char here[PATH_MAX + 64], build[PATH_MAX + 64];
    char **sv = server_argv(argc, argv);
    if (!sv)
        return EXIT_ERROR;
    if (n > 0) {
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (slash)
            *slash = '\0';
        snprintf(here, sizeof here, "%s/zhaoshu-serve", self);
        snprintf(build, sizeof build, "%s/../serve/zhaoshu-serve", self);
        tries[ntries++] = here;
        tries[ntries++] = build;
    }
    tries[ntries++] = ZS_LIBEXECDIR "/zhaoshu-serve";
    for (size_t i = 0; i < ntries; i++) {
        snprintf(path, sizeof path, "%s", tries[i]);
        if (access(path, X_OK) == 0) {
            execv(path, sv);
            cli_error("serve: cannot run %s: %s", path, strerror(errno));
            free(sv);
            return EXIT_ERROR;
        }
    }
    free(sv);
    cli_error("serve: zhaoshu-serve is not installed (looked beside this program and in %s); "
              "build it with libmicrohttpd (scripts/deps installs it)",
              ZS_LIBEXECDIR);
    return EXIT_ERROR;
}
