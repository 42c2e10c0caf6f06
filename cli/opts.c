/*
 * opts.c - one option parser for every subcommand.
 *
 * Users arrive with grep and ripgrep habits (-c, -i, -l, -w, -C 2), and a
 * query language where a leading '-' excludes a word. The rule that keeps
 * both honest: an argument that starts with '-' and an ASCII letter, or with
 * "--", is an option; an unknown one is an error naming the nearest known
 * option, never a query word. Everything else ("-", "-水城", '-"word"', "-5")
 * is an argument, and everything after "--" is.
 *
 * Forms accepted: --name VALUE, --name=VALUE, -x VALUE, -xVALUE; a missing
 * value is an error that names the option. Options may come after arguments
 * (as in ripgrep).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_global_db;

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t cli_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t row[64];
    if (na > 63)
        na = 63;
    if (nb > 63)
        nb = 63;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

/* The known option nearest to what was typed: for a single letter, the first
 * long option starting with it (ripgrep's -c is --count); else the smallest
 * edit distance, table order breaking ties. */
static const cli_opt *nearest(const cli_args *a, const char *typed, size_t n)
{
    const cli_opt *best = NULL;
    size_t bd = (size_t)-1;
    if (n == 1)
        for (size_t k = 0; k < a->nopts; k++)
            if (a->opts[k].lng[0] == typed[0])
                return &a->opts[k];
    for (size_t k = 0; k < a->nopts; k++) {
        size_t d = cli_distance(typed, n, a->opts[k].lng, strlen(a->opts[k].lng));
        if (d < bd)
            bd = d, best = &a->opts[k];
    }
    return best;
}

static int unknown(const cli_args *a, const char *arg)
{
    const char *typed = arg + (arg[1] == '-' ? 2 : 1);
    size_t n = strcspn(typed, "=");
    const cli_opt *o = nearest(a, typed, n);
    char alt[16] = "";
    if (o && o->shrt)
        snprintf(alt, sizeof alt, " (-%c)", o->shrt);
    if (a->words && arg[1] != '-')
        cli_error("%s: unknown option '%s'; the nearest is --%s%s (see zhaoshu %s --help). To "
                  "exclude a word, write NOT %s or -\"%s\"",
                  a->cmd, arg, o ? o->lng : "help", alt, a->cmd, typed, typed);
    else
        cli_error("%s: unknown option '%s'; the nearest is --%s%s (see zhaoshu %s --help)", a->cmd,
                  arg, o ? o->lng : "help", alt, a->cmd);
    return CLI_BAD;
}

static int missing(const cli_args *a, const cli_opt *o, int shrt)
{
    if (shrt)
        cli_error("%s: -%c needs a value: -%c %s (see zhaoshu %s --help)", a->cmd, o->shrt, o->shrt,
                  o->arg, a->cmd);
    else
        cli_error("%s: --%s needs a value: --%s %s (see zhaoshu %s --help)", a->cmd, o->lng, o->lng,
                  o->arg, a->cmd);
    return CLI_BAD;
}

static int next(cli_args *a, const char **val)
{
    *val = NULL;
    if (a->i >= a->argc)
        return CLI_DONE;
    const char *arg = a->argv[a->i++];
    if (a->rest || arg[0] != '-' || !(arg[1] == '-' || is_alpha(arg[1]))) {
        *val = arg;
        return CLI_ARG;
    }
    if (!strcmp(arg, "--")) {
        a->rest = 1;
        return next(a, val);
    }
    if (arg[1] == '-') {
        const char *name = arg + 2, *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        for (size_t k = 0; k < a->nopts; k++) {
            const cli_opt *o = &a->opts[k];
            if (strlen(o->lng) != n || memcmp(o->lng, name, n))
                continue;
            if (!o->arg) {
                if (eq) {
                    cli_error("%s: --%s takes no value (see zhaoshu %s --help)", a->cmd, o->lng,
                              a->cmd);
                    return CLI_BAD;
                }
                return (int)k;
            }
            if (eq) {
                *val = eq + 1;
                return (int)k;
            }
            if (a->i >= a->argc)
                return missing(a, o, 0);
            *val = a->argv[a->i++];
            return (int)k;
        }
        return unknown(a, arg);
    }
    for (size_t k = 0; k < a->nopts; k++) {
        const cli_opt *o = &a->opts[k];
        if (!o->shrt || o->shrt != arg[1])
            continue;
        if (!o->arg) {
            if (arg[2]) {
                cli_error("%s: -%c takes no value, not '%s' (see zhaoshu %s --help)", a->cmd,
                          o->shrt, arg + 2, a->cmd);
                return CLI_BAD;
            }
            return (int)k;
        }
        if (arg[2]) {
            *val = arg + 2;
            return (int)k;
        }
        if (a->i >= a->argc)
            return missing(a, o, 1);
        *val = a->argv[a->i++];
        return (int)k;
    }
    return unknown(a, arg);
}

int cli_next(cli_args *a, const char **val)
{
    int i = next(a, val);
    if (!a->usage)
        return i;
    for (;; i = next(a, val)) {
        if (i == CLI_ARG && !a->noargs)
            a->argv[++a->nargs] = (char *)*val;
        else if (i >= 0 && !strcmp(a->opts[i].lng, "db"))
            a->db = *val;
        else
            break;
    }
    if (i == CLI_BAD) {
        a->code = EXIT_ERROR;
        return CLI_EXIT;
    }
    if (i == CLI_ARG && a->noargs) {
        cli_error("%s: unexpected argument '%s' (see zhaoshu %s --help)", a->cmd, *val, a->cmd);
        a->code = EXIT_ERROR;
        return CLI_EXIT;
    }
    if (i >= 0 && !strcmp(a->opts[i].lng, "help")) {
        fputs(a->usage, stdout);
        a->code = cli_finish(EXIT_FOUND);
        return CLI_EXIT;
    }
    return i;
}

int cli_number(const char *cmd, const char *opt, const char *v, long long lo, long long hi,
               long long *out)
{
    char *end = NULL;
    long long n = v && *v ? strtoll(v, &end, 10) : 0;
    if (!end || *end || n < lo || n > hi) {
        cli_error("%s: %s takes a number from %lld to %lld, not '%s'", cmd, opt, lo, hi,
                  v ? v : "(nothing)");
        return -1;
    }
    *out = n;
    return 0;
}
