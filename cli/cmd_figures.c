/*
 * cmd_figures.c - `zhaoshu figures`: every figure printed about a zone and a
 * metric, as a timeline, with conflicts and arithmetic checks.
 *
 * Table on a terminal (CJK display width respected), --csv for spreadsheets
 * (RFC 4180 quoting), --json for programs (JSON Lines).
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu figures [--db FILE] [--park P] [--year [~]Y[-Y]] [--metric M]\n"
    "                       [--date D[..D]] [--source S] [--class C[,C...]]\n"
    "                       [--conflicts] [--json|--csv]\n"
    "                       [QUERY...]\n"
    "\n"
    "List every figure in the passages that match QUERY (all passages when no QUERY):\n"
    "the figure as printed, its value normalized to the base unit, the metric phrase\n"
    "that names it, park, year and source file:passage, with the sentence around it.\n"
    "Rows are sorted by park, metric, year: a metric reads as a timeline.\n"
    "\n"
    "Marks:\n"
    "  !  conflict: the same park and metric (and year, when both state one) carry\n"
    "     values that cannot both be true (hedges such as 超/近/余/约 respected);\n"
    "     a ratio near 10, 100, ... is named as a likely misprint\n"
    "  =  a stated average annual rate (年均…%) recomputed from the start and end\n"
    "     values the passage states, or a share (占…%) from the part and the whole\n"
    "     its sentence prints; '≠' when the numbers do not fit\n"
    "\n"
    "Options:\n"
    "  --db FILE      index file (default as for zhaoshu query)\n"
    "  --park P       only figures of this zone (any alias)\n"
    "  --year Y[-Y]   only figures of these years (or in passages stating them);\n"
    "                 ~Y[-Y] also takes passages that only span them (十四五)\n"
    "  --metric M     only this metric (签约金额 also finds 签约总金额)\n"
    "  --date D[..D]  only figures printed then, as date: in a query (2019-10,\n"
    "                 2019-10-01..2020-02-29, 2019.., ..2020-02)\n"
    "  --source S     only figures printed by this outlet, as source: (人民日报)\n"
    "  --class C,...  only figures of these classes: money, percent, count, area,\n"
    "                 weight, duration, age, number, ratio ... (data/units.tsv); a\n"
    "                 rate by its class (money/weight: 元/吨) or all rates of money\n"
    "                 as money/*. 'money,percent' leaves out the ages and spans of\n"
    "                 time a story prints beside a zone's figures\n"
    "  --conflicts    only figures in a conflict, in the whole index or the query\n"
    "  --json         JSON Lines: text, value, unit, class, metric, metric_raw, park,\n"
    "                 year, hedge, doc, path, line (the figure's), column, byte_start,\n"
    "                 byte_end (the passage's, in the file), date, source, page,\n"
    "                 also_in, passage, context, start, end (bytes in context),\n"
    "                 metric_start, metric_end, metric_spans (where metric_raw is\n"
    "                 printed: bytes in context; null and [] when none), conflict,\n"
    "                 check, check_failed\n"
    "  --csv          comma-separated, with a header line: path, line, date, outlet,\n"
    "                 page, park, metric, year, figure, value, unit, class, hedge,\n"
    "                 conflict, check, also_in, sentence\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 figures listed, 1 none, 2 error.\n"
    "\n"
    "Examples:\n"
    "  zhaoshu figures --park 六盘水高新区 --metric 签约金额\n"
    "  zhaoshu figures --park 两江新区 --class money,percent\n"
    "  zhaoshu figures --conflicts\n"
    "  zhaoshu figures --source 人民日报 --date 2019-10 --csv 增长\n"
    "  zhaoshu figures --csv 营业收入 > revenue.csv\n";

/* Print s padded to cols display columns. */
static void cell(const char *s, size_t cols)
{
    size_t w = cli_width(s, strlen(s));
    cli_puts(stdout, s);
    for (; w < cols; w++)
        putchar(' ');
    putchar(' ');
}

static void csv(const char *s, int last)
{
    putchar('"');
    for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
        cli_put(stdout, s, (size_t)(q - s));
        fputs("\"\"", stdout);
    }
    cli_puts(stdout, s);
    putchar('"');
    putchar(last ? '\n' : ',');
}

/* One JSON Lines object, as the library writes it for every program. */
static int json_row(const zs_figure_row *r)
{
    size_t n;
    const char *j = cli_figure_row_json(r, &n);
    return cli_json_line(j, n);
}

/* Context cut to about max columns around the figure, figure marked. */
static void context(const zs_figure_row *r, int color, size_t max)
{
    const char *c = r->context;
    size_t a = r->fig.start, b = r->fig.end, n = r->context_len;
    /* widen [a, b) by characters while it fits */
    size_t s = a, e = b;
    while (cli_width(c + s, e - s) < max && (s > 0 || e < n)) {
        if (s > 0) {
            s--;
            while (s > 0 && ((unsigned char)c[s] & 0xC0) == 0x80)
                s--;
        }
        if (e < n && cli_width(c + s, e - s) < max) {
            e++;
            while (e < n && ((unsigned char)c[e] & 0xC0) == 0x80)
                e++;
        }
    }
    fputs(s > 0 ? "…" : "", stdout);
    cli_put(stdout, c + s, a - s);
    fputs(color ? "\033[1;33m" : "{", stdout);
    cli_put(stdout, c + a, b - a);
    fputs(color ? "\033[0m" : "}", stdout);
    cli_put(stdout, c + b, e - b);
    fputs(e < n ? "…" : "", stdout);
}

int cmd_figures(int argc, char **argv)
{
    zs_figures_opts fo = {ZS_FIGURES_OPTS_VERSION, NULL, NULL, NULL, 0, NULL, NULL, NULL};
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY | ZS_OPEN_SHORT};
    char *q = NULL;
    zs_db *db = NULL;
    zs_figures *it = NULL;
    int json = 0, ascsv = 0, code = EXIT_ERROR, i, rc;
    int color = cli_color_auto();
    size_t qlen = 0;

    setlocale(LC_CTYPE, "C.UTF-8");
    enum {
        O_HELP,
        O_DB,
        O_PARK,
        O_YEAR,
        O_METRIC,
        O_CONFLICTS,
        O_JSON,
        O_CSV,
        O_DATE,
        O_SOURCE,
        O_CLASS
    };
    static const cli_opt opts[] = {
        {"help", 'h', NULL}, {"db", 0, "FILE"},      {"park", 0, "P"},  {"year", 0, "Y[-Y]"},
        {"metric", 0, "M"},  {"conflicts", 0, NULL}, {"json", 0, NULL}, {"csv", 0, NULL},
        {"date", 0, "D"},    {"source", 0, "S"},     {"class", 0, "C"},
    };
    cli_args args = CLI_COMMAND("figures", opts, 1, 1, usage, argc, argv);
    const char *v;
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        switch (i) {
        case CLI_EXIT: return args.code;
        case O_PARK: fo.park = v; break;
        case O_YEAR: fo.year = v; break;
        case O_METRIC: fo.metric = v; break;
        case O_DATE: fo.date = v; break;
        case O_SOURCE: fo.source = v; break;
        case O_CLASS: fo.classes = v; break;
        case O_CONFLICTS: fo.conflicts = 1; break;
        case O_JSON: json = 1; break;
        case O_CSV: ascsv = 1; break;
        }
    }
    if (!(q = cli_join(argv + 1, args.nargs, &qlen))) {
        cli_error("figures: out of memory");
        return EXIT_ERROR;
    }
    if (!(db = cli_db_open("figures", "figures: ", args.db, &oo)))
        goto out;
    cli_note_stale(db, "figures");
    if ((rc = zs_figures_open(&it, db, q, qlen, &fo)) != 0) {
        cli_error("figures: %s", zs_errmsg(db));
        goto out;
    }
    const zs_figure_row *r;
    size_t n = 0;
    if (ascsv)
        puts("path,line,date,outlet,page,park,metric,year,figure,value,unit,class,hedge,"
             "conflict,check,also_in,sentence");
    while (zs_figures_next(it, &r) == 0) {
        const zs_figure *f = &r->fig;
        char year[16], value[64], src[4200], line[24], page[16], when[128];
        snprintf(year, sizeof year, "%d", f->year);
        snprintf(value, sizeof value, "%.10g", f->value);
        snprintf(src, sizeof src, "%s:%lld", cli_place_path(&r->place), f->line);
        snprintf(line, sizeof line, "%lld", f->line);
        snprintf(page, sizeof page, "%d", r->place.page);
        snprintf(when, sizeof when, "%s%s%s", r->place.date[0] ? r->place.date : "-",
                 r->place.source[0] ? " " : "", r->place.source);
        n++;
        if (json) {
            if (json_row(r)) {
                cli_error("figures: out of memory");
                code = EXIT_ERROR;
                goto out;
            }
        } else if (ascsv) {
            char hedge[16], ctx[4096];
            snprintf(hedge, sizeof hedge, "%d", f->hedge);
            snprintf(ctx, sizeof ctx, "%.*s", (int)r->context_len, r->context);
            char *also = NULL;
            size_t nalso = 0;
            FILE *mf = open_memstream(&also, &nalso);
            if (mf) {
                for (size_t k = 0; k < r->nalso_in; k++) { /* path:line date outlet; ... */
                    fprintf(mf, "%s%s:%lld", k ? "; " : "", cli_place_path(&r->also_in[k]),
                            r->also_in[k].line);
                    cli_put_place_meta(mf, &r->also_in[k]);
                }
                fclose(mf);
            }
            csv(cli_place_path(&r->place), 0), csv(line, 0), csv(r->place.date, 0);
            csv(r->place.source, 0), csv(r->place.page ? page : "", 0);
            csv(f->park, 0), csv(f->metric, 0), csv(f->year ? year : "", 0), csv(f->text, 0);
            csv(value, 0), csv(f->unit, 0), csv(f->cls, 0), csv(hedge, 0);
            csv(r->conflict, 0), csv(r->check, 0), csv(also ? also : "", 0), csv(ctx, 1);
            free(also);
        } else {
            const char *mark = r->conflict[0] ? "!"
                               : r->check[0]  ? (r->check_failed ? "≠" : "=")
                                              : " ";
            if (color && r->conflict[0])
                fputs("\033[1;31m", stdout);
            cell(mark, 1);
            if (color && r->conflict[0])
                fputs("\033[0m", stdout);
            cell(f->park[0] ? f->park : "-", 14);
            cell(f->metric[0] ? f->metric : "-", 10);
            cell(f->year ? year : "-", 4);
            cell(f->text, 14);
            cell(value, 14);
            cell(f->unit, 4);
            cell(src, 36);
            cell(when, 18);
            context(r, color, 30);
            putchar('\n');
            if (r->nalso_in) {
                fputs("    ", stdout);
                cli_put_also_in(stdout, &r->place, r->also_in, r->nalso_in);
                putchar('\n');
            }
            if (r->conflict[0]) {
                fputs("    conflict: ", stdout);
                cli_puts(stdout, r->conflict);
                putchar('\n');
            }
            if (r->check[0]) {
                fputs("    check: ", stdout);
                cli_puts(stdout, r->check);
                putchar('\n');
            }
        }
        if (ferror(stdout))
            break;
    }
    code = n ? EXIT_FOUND : EXIT_NONE;
out:
    zs_figures_free(it);
    zs_db_close(db);
    free(q);
    return cli_finish(code);
}
