/*
 * cmd_serve.c - `zhaoshu serve`: runs zhaoshu-serve, the HTTP server (serve/).
 *
 * The server is a program of its own rather than code linked into zhaoshu:
 * libmicrohttpd brings GnuTLS and a dozen shared libraries with it, and every
 * `zhaoshu query` is a whole process whose start the static_cli option
 * already cut to the bone. So this command only finds the server and
 * replaces itself with it (exec), passing every argument on: to the user it
 * is one command, and a query pays nothing for the server.
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

int cmd_serve(int argc, char **argv)
{
    char self[PATH_MAX], path[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    const char *tries[3];
    size_t ntries = 0;
    char here[PATH_MAX + 64], build[PATH_MAX + 64];
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
    argv[0] = "zhaoshu-serve";
    for (size_t i = 0; i < ntries; i++) {
        snprintf(path, sizeof path, "%s", tries[i]);
        if (access(path, X_OK) == 0) {
            execv(path, argv);
            cli_error("serve: cannot run %s: %s", path, strerror(errno));
            return EXIT_ERROR;
        }
    }
    (void)argc;
    cli_error("serve: zhaoshu-serve is not installed (looked beside this program and in %s); "
              "build it with libmicrohttpd (scripts/deps installs it)",
              ZS_LIBEXECDIR);
    return EXIT_ERROR;
}
