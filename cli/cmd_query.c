/*
 * cmd_query.c - `zhaoshu query`: ranked passages, matches and figures marked.
 *
 * Three outputs: colour on a terminal, plain markers in a pipe ([match] and
 * {figure}), JSON Lines with --json. Exit like grep: 0 hits, 1 none, 2 error.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu query [OPTIONS] QUERY...\n"
    "\n"
    "Find passages, best first, with the matched words and every figure marked.\n"
    "\n"
    "Query language (the words of QUERY... are joined by spaces):\n"
    "  高新区 签约         both words (AND); words typed without spaces are split:\n"
    "                      六盘水高新区签约金额 = 六盘水 高新区 签约 金额, nearer ranks higher\n"
    "  \"签约金额\"          an exact phrase\n"
    "  营收 OR 营业收入    either word\n"
    "  -水城  NOT word  -\"word\"\n"
    "                      exclude passages with this word (a dash and a Latin letter\n"
    "                      is an option: exclude Latin words with NOT word or -\"word\")\n"
    "  flop*               words starting with flop\n"
    "  park:六盘水高新区   passages about a zone (any alias: 六盘水国家高新区 ...)\n"
    "  year:2024  year:2021-2025          passages that state these years (2024年,\n"
    "                      今年 in a 2024 article, either end of 2021—2025年)\n"
    "  year:~2023          also passages that only span 2023: a plan period (十四五 =\n"
    "                      2021-2025) or the inside of a range (2021—2025年)\n"
    "  figure:>100亿元  figure:<5%  figure:100万..500万元  figure:=135.34亿元\n"
    "                      passages with a figure in that range (same unit class only;\n"
    "                      万/亿 and Chinese numerals allowed)\n"
    "  figure:>800元/吨    a rate (元/吨, 元/平方米, 万元/亩; also printed 每吨800元)\n"
    "                      matches rates of that unit class only, never an amount\n"
    "  date:2019-10  date:2019  date:2019-10-01..2020-02-29  date:2019-10..  date:..2020\n"
    "                      articles printed then (also 2019/10/1, 2019年10月1日, ~ 至 到);\n"
    "                      an article dated only to a month (year) matches when that\n"
    "                      whole month (year) is in the range; a repeated passage\n"
    "                      matches when any of its printings does, cited there\n"
    "  source:人民日报     articles of that outlet (repeat for any of several)\n"
    "Traditional characters and full-width digits find Simplified, half-width text.\n"
    "Passages holding every word come first; when they are fewer than -n, the best\n"
    "passages holding some follow, each marked with the words it lacks (--strict: none).\n"
    "Ranking: BM25 over the matched words, headlines and captions lower, words that\n"
    "stand close together higher. A query matching more than 2000 passages ranks the\n"
    "2000 most recently indexed ones (--count is always exact).\n"
    "\n";

/* Two strings: C99 promises only 4095 bytes per literal. */
static const char usage_options[] =
    "Options:\n"
    "  --db FILE           index file (default: $ZHAOSHU_DB, else\n"
    "                      $XDG_DATA_HOME/zhaoshu/index.db, else ~/.local/share/zhaoshu/index.db)\n"
    "  -n, --limit N       show N hits (default 10)\n"
    "  --offset N          skip the first N hits\n"
    "  --count             print only the number of passages holding every word\n"
    "  --strict            only passages holding every word, no partial matches\n"
    "  --park NAME         filter, as park:NAME\n"
    "  --year [~]Y[-Y]     filter, as year:Y (year:~Y)\n"
    "  --figure RANGE      filter, as figure:RANGE\n"
    "  --date D[..D]       filter, as date:D[..D]\n"
    "  --source S          filter, as source:S\n"
    "  --full              print whole passages, not snippets (default cut: 120 characters)\n"
    "  --snippet N         cut passages to about N characters around the matches\n"
    "  --sort KEY          score (default), date (oldest first) or -date (newest first):\n"
    "                      a passage printed several times counts from its first printing\n"
    "  --vimgrep           path:line:column:snippet per hit, for editors (vim, VS Code)\n"
    "  --json              JSON Lines: one object per hit (rank, score, doc, path, line,\n"
    "                      column, byte_start, byte_end, date, source, page, also_in,\n"
    "                      passage, kind, partial, lacks, park, years, span_years, text,\n"
    "                      snippet, highlights, figures with their line and where\n"
    "                      their metric is printed); highlight, figure and metric\n"
    "                      offsets are bytes into text, byte_start/end bytes into\n"
    "                      the file\n"
    "  --color WHEN        auto (default: colour on a terminal unless NO_COLOR is set),\n"
    "                      always, never\n"
    "  --engine URL        run the query on a Sphinx/Manticore cluster made by\n"
    "                      `zhaoshu export --to sphinx`: sphinxql://HOST:PORT/zhaoshu\n"
    "                      (node 1's SphinxQL port). Same language, hits and output;\n"
    "                      the order of hits may differ (the engine's BM25)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Each hit starts with path:line (the line of its first character in the file: the\n"
    "path relative to this folder when below it, else as given to zhaoshu index), then\n"
    "the article's date, outlet and page when known, and every other place the same\n"
    "passage was printed: (also in 2 other articles: path:line date outlet; ...).\n"
    "zhaoshu show PATH:LINE prints the passage there.\n"
    "\n"
    "Plain output (in a pipe or with --color never): matches are written [like this],\n"
    "figures {like this}; a figure containing a match: {135.34[亿元]}.\n"
    "\n"
    "Exit status: 0 hits found, 1 no hits, 2 error (bad query, no index), 3 (--engine)\n"
    "some shards of the cluster did not answer: the hits come from the others, and\n"
    "stderr names each missing shard.\n"
    "\n"
    "Examples:\n"
    "  zhaoshu query 六盘水高新区 签约金额\n"
    "  zhaoshu query --json 'park:贵阳高新区 year:2020 招商' | jq .figures\n"
    "  zhaoshu query '营业收入 figure:>1000亿元'\n"
    "  zhaoshu query --sort date '开发区 date:2019-10..2020-02 source:人民日报'\n";

typedef struct out_opts {
    int json, color, count, full, vimgrep;
    size_t snippet;
} out_opts;

/* path:line:column:text, the form editors read (vim's :cgetexpr, ripgrep
 * --vimgrep): the snippet on one line, unmarked. */
static void print_vimgrep(const zs_hit *h)
{
    cli_puts(stdout, cli_place_path(&h->place));
    printf(":%lld:%lld:", h->place.line, h->place.column);
    for (size_t k = h->snippet_start; k < h->snippet_end; k++) {
        unsigned char c = (unsigned char)h->text[k];
        if (c == '\n' || c == '\t')
            putchar(' ');
        else if (c >= 0x20 && c != 0x7f) /* no control characters reach the terminal */
            putchar(c);
    }
    putchar('\n');
}

/* Partial matches are never passed off as answers: when no hit shown holds
 * every word, stderr says so (each hit names the words it lacks). */
static void say_partial(int none_whole, size_t shown)
{
    if (shown && none_whole)
        cli_error("query: no passage holds every word; the %zu shown hold only some (each "
                  "names the words it lacks)",
                  shown);
}

static void print_hit(const out_opts *o, const zs_hit *h)
{
    const char *doc = cli_place_path(&h->place);
    /* A file name can hold escape sequences: written through cli_put. */
    if (o->color) {
        printf("\033[1m%zu.\033[0m \033[35m", h->rank);
        cli_puts(stdout, doc);
        if (h->place.line > 0)
            printf("\033[0m:\033[32m%lld\033[0m", h->place.line);
        else /* a cluster's hit: no line known */
            printf("\033[0m passage \033[32m%lld\033[0m", h->passage);
    } else {
        printf("%zu. ", h->rank);
        cli_puts(stdout, doc);
        if (h->place.line > 0)
            printf(":%lld", h->place.line);
        else
            printf(" passage %lld", h->passage);
    }
    if (h->place.date[0] || h->place.source[0] || h->place.page) {
        fputs(" ", stdout);
        cli_put_place_meta(stdout, &h->place);
    }
    if (h->kind && strcmp(h->kind, "body"))
        printf(" (%s)", h->kind);
    for (size_t i = 0; i < h->nparks; i++) {
        fputs(i ? "," : "  park:", stdout);
        cli_puts(stdout, h->parks[i]);
    }
    if (h->nyears == 1)
        printf("  year:%d", h->years[0]);
    else if (h->nyears > 1) {
        int contiguous = h->years[h->nyears - 1] - h->years[0] == (int)h->nyears - 1;
        if (contiguous)
            printf("  years:%d-%d", h->years[0], h->years[h->nyears - 1]);
        else
            for (size_t i = 0; i < h->nyears; i++)
                printf("%s%d", i ? "," : "  years:", h->years[i]);
    }
    if (h->nspan_years)
        printf("  span:~%d-%d", h->span_years[0], h->span_years[h->nspan_years - 1]);
    printf("  score:%.2f", h->score);
    if (h->partial) {
        fputs("  (partial match", stdout);
        for (size_t i = 0; i < h->nlacks; i++) {
            fputs(i ? " " : ", lacks: ", stdout);
            cli_puts(stdout, h->lacks[i]);
        }
        fputs(")", stdout);
    }
    fputs("\n   ", stdout);
    size_t a = o->full ? 0 : h->snippet_start, b = o->full ? h->len : h->snippet_end;
    if (a > 0)
        fputs("…", stdout);
    cli_put_marked(stdout, o->color, h, a, b);
    if (b < h->len)
        fputs("…", stdout);
    if (h->nalso_in) {
        fputs("\n   ", stdout);
        cli_put_also_in(stdout, &h->place, h->also_in, h->nalso_in);
    }
    fputs("\n\n", stdout);
}

/* One JSON Lines object, as the library writes it for every program. */
static int print_json(const zs_hit *h)
{
    size_t n;
    const char *j = cli_hit_json(h, &n);
    return cli_json_line(j, n);
}

static int parse_size(const char *opt, const char *v, size_t max, size_t *out)
{
    long long n;
    if (cli_number("query", opt, v, 0, (long long)max, &n))
        return -1;
    *out = (size_t)n;
    return 0;
}

/* Point at the byte of a syntax error under the query. */
static void show_offset(const char *qtext, size_t qlen, size_t off)
{
    if (qlen && qlen <= 200 && off <= qlen) {
        /* cli_width() needs a UTF-8 LC_CTYPE; set here, on the error path,
         * and not for every query: loading the locale reads three files and
         * maps its tables (about 3% of a no-hit query's instructions). */
        setlocale(LC_CTYPE, "C.UTF-8");
        fputs("  ", stderr);
        cli_put(stderr, qtext, qlen);
        fprintf(stderr, "\n  %*s^\n", (int)cli_width(qtext, off), "");
    }
}

/*
 * The query on a cluster (--engine URL): the same hits through the same
 * printing. Exit 3 when some shard did not answer, whatever was found.
 */
static int run_engine(const char *url, const char *qtext, size_t qlen, const zs_query_opts *qo,
                      const out_opts *o)
{
    zs_engine *e = NULL;
    zs_equery *q = NULL;
    const zs_hit *h;
    size_t shown = 0, whole = 0;
    long long n = 0;
    int rc, code = EXIT_ERROR;

    if ((rc = zs_engine_open(&e, url)) != 0) {
        cli_error("query: %s", zs_engine_errmsg(e));
        goto out;
    }
    if ((rc = zs_equery_open(&q, e, qtext, qlen, qo)) != 0) {
        cli_error("query: %s", zs_engine_errmsg(e));
        if (rc == ZS_ESYNTAX || rc == ZS_ELIMIT)
            show_offset(qtext, qlen, zs_engine_error_offset(e));
        goto out;
    }
    if (o->count) {
        zs_equery_count(q, &n);
        printf("%lld\n", n);
    } else {
        while ((rc = zs_equery_next(q, &h)) == 0) {
            if (o->json) {
                if (print_json(h)) {
                    cli_error("query: out of memory");
                    goto out;
                }
            } else
                print_hit(o, h);
            shown++;
            whole += !h->partial;
            if (ferror(stdout))
                break;
        }
        if (rc != 0 && rc != ZS_ITEROVER) {
            cli_error("query: %s", zs_engine_errmsg(e));
            goto out;
        }
        /* no count of whole matches from a cluster: a first page tells */
        say_partial(!whole && !qo->offset, shown);
    }
    code = (o->count ? n : (long long)shown) ? EXIT_FOUND : EXIT_NONE;
    const char *miss;
    for (size_t i = 0; (miss = zs_equery_missing(q, i)) != NULL; i++) {
        cli_error("query: shard missing: %s", miss);
        code = EXIT_PARTIAL;
    }
    if (code == EXIT_PARTIAL)
        cli_error("query: the answer comes from the shards that answered (exit %d)", EXIT_PARTIAL);
out:
    zs_equery_free(q);
    zs_engine_close(e);
    return code;
}

int cmd_query(int argc, char **argv)
{
    zs_query_opts qo = {ZS_QUERY_OPTS_VERSION, NULL, NULL, NULL, 10, 0, 0,
                        ZS_SORT_SCORE,         NULL, NULL, 0};
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY | ZS_OPEN_SHORT};
    out_opts o;
    const char *dbpath = NULL, *color = "auto", *engine = NULL;
    char *defpath = NULL, *qtext = NULL;
    zs_db *db = NULL;
    zs_query *q = NULL;
    int i, rc, code = EXIT_ERROR, nwords = 0;
    size_t qlen = 0;
    /* Query words are compacted in place at the front of argv: never past i. */
    char **words = argv + 1;

    enum {
        O_HELP,
        O_DB,
        O_LIMIT,
        O_OFFSET,
        O_COUNT,
        O_FULL,
        O_JSON,
        O_PARK,
        O_YEAR,
        O_FIGURE,
        O_SNIPPET,
        O_COLOR,
        O_ENGINE,
        O_VIMGREP,
        O_SORT,
        O_DATE,
        O_SOURCE,
        O_STRICT
    };
    static const cli_opt opts[] = {
        {"help", 'h', NULL},  {"db", 0, "FILE"},      {"limit", 'n', "N"}, {"offset", 0, "N"},
        {"count", 0, NULL},   {"full", 0, NULL},      {"json", 0, NULL},   {"park", 0, "NAME"},
        {"year", 0, "Y[-Y]"}, {"figure", 0, "RANGE"}, {"snippet", 0, "N"}, {"color", 0, "WHEN"},
        {"engine", 0, "URL"}, {"vimgrep", 0, NULL},   {"sort", 0, "KEY"},  {"date", 0, "D"},
        {"source", 0, "S"},   {"strict", 0, NULL},
    };
    cli_args args = CLI_ARGS("query", opts, 1, argc, argv);
    const char *v;

    memset(&o, 0, sizeof o);
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        switch (i) {
        case CLI_BAD: return EXIT_ERROR;
        case CLI_ARG:
            words[nwords++] = (char *)v; /* -水城 is an exclusion, part of the query */
            break;
        case O_HELP:
            fputs(usage, stdout);
            fputs(usage_options, stdout);
            return cli_finish(EXIT_FOUND);
        case O_DB: dbpath = v; break;
        case O_LIMIT:
            if (parse_size("-n/--limit", v, ZS_MAX_LIMIT, &qo.limit))
                return EXIT_ERROR;
            if (!qo.limit) {
                cli_error("query: -n/--limit must be at least 1");
                return EXIT_ERROR;
            }
            break;
        case O_OFFSET:
            if (parse_size("--offset", v, ZS_MAX_LIMIT, &qo.offset))
                return EXIT_ERROR;
            break;
        case O_SNIPPET:
            if (parse_size("--snippet", v, 100000, &qo.snippet_chars))
                return EXIT_ERROR;
            break;
        case O_COUNT: o.count = 1; break;
        case O_FULL: o.full = 1; break;
        case O_JSON: o.json = 1; break;
        case O_PARK: qo.park = v; break;
        case O_YEAR: qo.year = v; break;
        case O_FIGURE: qo.figure = v; break;
        case O_DATE: qo.date = v; break;
        case O_SOURCE: qo.source = v; break;
        case O_COLOR: color = v; break;
        case O_ENGINE: engine = v; break;
        case O_VIMGREP: o.vimgrep = 1; break;
        case O_STRICT: qo.strict = 1; break;
        case O_SORT:
            if (!strcmp(v, "score"))
                qo.sort = ZS_SORT_SCORE;
            else if (!strcmp(v, "date"))
                qo.sort = ZS_SORT_DATE;
            else if (!strcmp(v, "-date"))
                qo.sort = ZS_SORT_DATE_DESC;
            else {
                cli_error("query: --sort takes score, date or -date, not '%s'", v);
                return EXIT_ERROR;
            }
            break;
        }
    }
    if (!strcmp(color, "always"))
        o.color = 1;
    else if (!strcmp(color, "auto"))
        o.color = cli_color_auto();
    else if (strcmp(color, "never")) {
        cli_error("query: --color takes auto, always or never, not '%s'", color);
        return EXIT_ERROR;
    }
    if (nwords == 0 && !qo.park && !qo.year && !qo.figure && !qo.date && !qo.source) {
        cli_error("query: no QUERY given (see zhaoshu query --help)");
        return EXIT_ERROR;
    }
    if (!(qtext = cli_join(words, nwords, &qlen))) {
        cli_error("query: out of memory");
        return EXIT_ERROR;
    }
    if (engine) {
        code = run_engine(engine, qtext, qlen, &qo, &o);
        goto out;
    }
    if (!(defpath = cli_db_path("query", dbpath)))
        goto out;
    dbpath = defpath;
    if ((rc = zs_db_open(&db, dbpath, &oo)) != 0) {
        cli_db_open_error("", db, rc, dbpath);
        goto out;
    }
    if ((rc = zs_query_open(&q, db, qtext, qlen, &qo)) != 0) {
        cli_error("query: %s", zs_errmsg(db));
        if (rc == ZS_ESYNTAX || rc == ZS_ELIMIT)
            show_offset(qtext, qlen, zs_query_error_offset(db));
        goto out;
    }
    cli_note_stale(db, "query");
    if (o.count) {
        long long n = 0;
        if ((rc = zs_query_count(q, &n)) != 0) {
            cli_error("query: %s", zs_errmsg(db));
            goto out;
        }
        printf("%lld\n", n);
        code = n ? EXIT_FOUND : EXIT_NONE;
        if (!n)
            cli_note_building(db, "query", dbpath);
        goto out;
    }
    const zs_hit *h;
    size_t shown = 0;
    while ((rc = zs_query_next(q, &h)) == 0) {
        if (o.json) {
            if (print_json(h)) {
                cli_error("query: out of memory");
                goto out;
            }
        } else if (o.vimgrep)
            print_vimgrep(h);
        else
            print_hit(&o, h);
        shown++;
        if (ferror(stdout))
            break;
    }
    if (rc != 0 && rc != ZS_ITEROVER) {
        cli_error("query: %s", zs_errmsg(db));
        goto out;
    }
    say_partial(zs_query_is_partial(q), shown);
    code = shown ? EXIT_FOUND : EXIT_NONE;
    if (!shown)
        cli_note_building(db, "query", dbpath);
out:
    zs_query_free(q);
    zs_db_close(db);
    free(defpath);
    free(qtext);
    return cli_finish(code);
}
