/*
 * cli.h - shared pieces of the zhaoshu command line (cli/).
 *
 * Exit codes, like grep: 0 found / success, 1 nothing found, 2 error.
 * Only cli/ prints; it uses nothing but the public header zhaoshu.h.
 */
#ifndef ZS_CLI_H
#define ZS_CLI_H

#include <stdio.h>
#include "zhaoshu.h"

#define EXIT_FOUND 0
#define EXIT_NONE 1
#define EXIT_ERROR 2
/* --engine: the cluster answered without some of its shards (named on stderr). */
#define EXIT_PARTIAL 3

/* One subcommand: name, one-line summary, entry point. */
typedef struct cli_cmd {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} cli_cmd;

/* heap.c */
void cli_heap_huge(void);

int cmd_segment(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_parks(int argc, char **argv);
int cmd_figures(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_show(int argc, char **argv);

/* Print "zhaoshu: <msg>" on stderr, control characters replaced (cli_put). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Write p[0..n) as a JSON string (with quotes). */
void cli_json_str(FILE *f, const char *p, size_t n);

/*
 * Read all of stdin. Ownership: caller frees *out with free().
 * Returns 0, or -1 with errno set.
 */
int cli_read_stdin(char **out, size_t *n);

/*
 * The index path: given (--db) or the default ($ZHAOSHU_DB, XDG). On failure
 * prints why, naming cmd, and returns NULL. Ownership: caller frees.
 */
char *cli_db_path(const char *cmd, const char *given);

/*
 * Why the index at path could not be opened (rc from zs_db_open), after
 * prefix ("check: " or ""), with the advice only the command can give: a
 * missing index is built with `zhaoshu index --db`.
 */
void cli_db_open_error(const char *prefix, zs_db *db, int rc, const char *path);

/*
 * Open the index given (--db) or the default (cli_db_path()) with o. On
 * failure prints why (cli_db_open_error(), after prefix) and returns NULL.
 * Ownership: caller closes with zs_db_close().
 */
zs_db *cli_db_open(const char *cmd, const char *prefix, const char *given, const zs_open_opts *o);

/*
 * After a command found nothing: when a zhaoshu index is writing db, say
 * on stderr that the index is being built (and whether anything is
 * committed yet), so an empty answer does not pass for "not in the news".
 */
void cli_note_building(zs_db *db, const char *cmd, const char *path);
/* Warn on stderr, once (a command opens one index), when db's fields were
 * extracted by another zhaoshu (zs_db_extractor_stale()); nothing else
 * changes: the answer and the exit status are what they would be. */
void cli_note_stale(zs_db *db, const char *cmd);

/*
 * words[0..n) joined by single spaces, as the shell split a query.
 * Ownership: caller frees; NULL when out of memory.
 */
char *cli_join(char *const *words, int n, size_t *len);

/*
 * The JSON object the library writes for a hit (zs_hit_json()), a figure
 * row (zs_figure_row_json()) or a zone (zs_park_json()), *n its length.
 * Borrowed: a buffer each function reuses, valid until its next call.
 * NULL when out of memory.
 */
const char *cli_hit_json(const zs_hit *h, size_t *n);
const char *cli_figure_row_json(const zs_figure_row *r, size_t *n);
const char *cli_park_json(const zs_park *p, size_t *n);
/* Print the object j[0..n) as one JSON Lines line. Returns 0, or -1 when j
 * is NULL (out of memory). */
int cli_json_line(const char *j, size_t n);

/* Display columns of s[0..n) in a UTF-8 locale (CJK count two). */
size_t cli_width(const char *s, size_t n);

/* Nonzero when stdout is a terminal and colour is allowed (NO_COLOR unset). */
int cli_color_auto(void);

/* Flush stdout; a closed pipe (EPIPE) is not an error worth reporting. */
int cli_finish(int code);

/*
 * Options (opts.c). A command lists its options; cli_next() walks argv and
 * returns the index in that list of the next option (with *val its value,
 * or NULL for a flag), CLI_ARG for an argument (*val), CLI_DONE at the end,
 * or CLI_BAD after printing why (unknown option with the nearest known one,
 * missing value). An argument starting with '-' and an ASCII letter, or
 * with "--", is an option; "-", "-水城" and anything after "--" are not.
 */
typedef struct cli_opt {
    const char *lng; /* long name without the dashes: "limit" */
    char shrt;       /* short letter, or 0 */
    const char *arg; /* the value's name in messages ("N"), NULL for a flag */
} cli_opt;

typedef struct cli_args {
    const char *cmd;     /* the subcommand, for messages */
    const cli_opt *opts; /* the known options */
    size_t nopts;
    int words;         /* arguments are query words: suggest NOT w for -w */
    int argc, i, rest; /* argv[i] is next; rest: after "--" */
    char **argv;
    const char *usage; /* CLI_COMMAND: what --help prints */
    int noargs;        /* CLI_COMMAND: an argument is an error */
    int code;          /* the exit code, once cli_next() returned CLI_EXIT */
    const char *db;    /* CLI_COMMAND: the last --db FILE, or NULL */
    int nargs;         /* CLI_COMMAND: the arguments, argv[1..nargs] */
} cli_args;

#define CLI_ARG (-1)
#define CLI_DONE (-2)
#define CLI_BAD (-3)
#define CLI_EXIT (-4)

/* Start walking argv[1..argc) of a subcommand. */
#define CLI_ARGS(cmd, opts, words, argc, argv)                                                     \
    {                                                                                              \
        (cmd), (opts), sizeof(opts) / sizeof((opts)[0]), (words), (argc), 1, 0, (argv), NULL, 0,   \
            0, NULL, 0                                                                             \
    }

/*
 * The same, and cli_next() also does what every command does alike: --help
 * prints usage and ends the command (exit 0); a bad option, or an argument
 * when takes_args is 0, is reported and ends it (exit 2). It then returns
 * CLI_EXIT, with the exit code in .code (never CLI_BAD). An option named
 * "db" is kept in .db and the arguments are gathered at the front of argv
 * (argv[1..nargs], never past the one being read): neither is returned.
 */
#define CLI_COMMAND(cmd, opts, words, takes_args, usage, argc, argv)                               \
    {                                                                                              \
        (cmd), (opts), sizeof(opts) / sizeof((opts)[0]), (words), (argc), 1, 0, (argv), (usage),   \
            !(takes_args), 0, NULL, 0                                                              \
    }

int cli_next(cli_args *a, const char **val);

/*
 * The value v of option opt of command cmd as a whole number from lo to hi
 * into *out. Otherwise prints "CMD: OPT takes a number from LO to HI, not
 * 'V'" and returns -1.
 */
int cli_number(const char *cmd, const char *opt, const char *v, long long lo, long long hi,
               long long *out);

/* Edit distance of two short ASCII names (at most 63 bytes of each count):
 * how an unknown option or command finds the nearest known one. */
size_t cli_distance(const char *a, size_t na, const char *b, size_t nb);

/* The --db given before the subcommand (zhaoshu --db FILE query ...), or NULL. */
extern const char *cli_global_db;

/*
 * Write p[0..n) for a terminal: control characters (C0, DEL, C1), which
 * could move the cursor, retitle the window or forge a line, and bytes that
 * are not UTF-8 become U+FFFD; a line break or tab becomes a space.
 */
void cli_put(FILE *f, const char *p, size_t n);
/* cli_put of a NUL-terminated string. */
void cli_puts(FILE *f, const char *s);

/* A place's path as shown (zs_place_path()). */
const char *cli_place_path(const zs_place *p);
/* " 2019-10-22 人民日报 p.2": what is known of the place's document. */
void cli_put_place_meta(FILE *f, const zs_place *p);
/* "(also at line 21) (also in 2 other articles: path:line date outlet; …)",
 * or nothing when n is 0. */
void cli_put_also_in(FILE *f, const zs_place *own, const zs_place *also, size_t n);

/* h->text[a..b) with matches and figures marked: colours when color is
 * nonzero, else [match] and {figure} (marks.c). */
void cli_put_marked(FILE *f, int color, const zs_hit *h, size_t a, size_t b);

#endif
