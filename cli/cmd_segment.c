/*
 * cmd_segment.c - `zhaoshu segment`: show the tokens of a text.
 *
 * The tool a user reaches for when a query does not find what they expect:
 * it prints what the index stores and the words a query would be split into
 * (or, with --index or --query, exactly what the index stores or what a
 * query looks for), with each token's kind, normalized form and byte offsets
 * into the input as given.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: zhaoshu segment [--json] [--index | --query] [TEXT...]\n"
    "\n"
    "Print the tokens zhaoshu makes of TEXT (or of standard input when no TEXT is\n"
    "given): one line per token with its byte offsets in the input, its kind and\n"
    "its normalized form (NFKC, case folded, Simplified, stemmed). By default\n"
    "both what the index stores and the words ICU's dictionary and the lexicon\n"
    "find, which is how a query typed without spaces is split into words.\n"
    "\n"
    "Kinds: han   one Chinese character (what makes any run of characters findable)\n"
    "       word  a multi-character word, at the same position as its first\n"
    "             character (marked '+'); splits queries, not stored in the index\n"
    "       latin a Latin word, folded and stemmed (Flops -> flop)\n"
    "       num   a number, thousands separators removed (1,234.5 -> 1234.5)\n"
    "       mixed letters glued to digits (100EFlops), beside its parts\n"
    "\n"
    "Options:\n"
    "  --json    one JSON object per token: {\"text\",\"kind\",\"start\",\"end\",\"colocated\"}\n"
    "  --index   only what the index stores (no words)\n"
    "  --query   tokenize as a query's words are tokenized for FTS5\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 tokens printed, 1 none (only punctuation and spaces), 2 error.\n"
    "\n"
    "Examples:\n"
    "  zhaoshu segment 六盘水高新区签约金额１３５．３４億元\n"
    "  echo 营业收入 | zhaoshu segment --index        # standard input: what is stored\n";

typedef struct seg_out {
    int json;
    const char *base;
    size_t n; /* tokens printed */
} seg_out;

static int print_token(void *ctx, const zs_token *t)
{
    seg_out *o = ctx;
    o->n++;
    if (o->json) {
        fputs("{\"text\":", stdout);
        cli_json_str(stdout, t->text, t->len);
        printf(",\"kind\":\"%s\",\"start\":%zu,\"end\":%zu,\"colocated\":%s}\n",
               zs_token_kind_name(t->kind), t->start, t->end, t->colocated ? "true" : "false");
    } else {
        printf("%zu-%zu\t%s%s\t", t->start, t->end, t->colocated ? "+" : "",
               zs_token_kind_name(t->kind));
        cli_put(stdout, t->text, t->len);
        putchar('\t');
        cli_put(stdout, o->base + t->start, t->end - t->start);
        putchar('\n');
    }
    return ferror(stdout) ? 1 : 0;
}

int cmd_segment(int argc, char **argv)
{
    seg_out o = {0, NULL, 0};
    unsigned flags = ZS_SEG_DOCUMENT | ZS_SEG_WORDS;
    zs_seg *seg = NULL;
    char *buf = NULL;
    size_t n = 0;
    int i, rc, code = EXIT_ERROR;

    enum { O_HELP, O_JSON, O_QUERY, O_INDEX };
    static const cli_opt opts[] = {
        {"help", 'h', NULL}, {"json", 0, NULL}, {"query", 0, NULL}, {"index", 0, NULL}};
    cli_args args = CLI_COMMAND("segment", opts, 1, 1, usage, argc, argv);
    const char *v;
    while ((i = cli_next(&args, &v)) != CLI_DONE) {
        switch (i) {
        case CLI_EXIT: return args.code;
        case O_JSON: o.json = 1; break;
        case O_QUERY: flags = ZS_SEG_QUERY; break;
        case O_INDEX: flags = ZS_SEG_DOCUMENT; break;
        }
    }
    if (args.nargs == 0) {
        if (cli_read_stdin(&buf, &n)) {
            cli_error("segment: cannot read standard input");
            return EXIT_ERROR;
        }
    } else if (!(buf = cli_join(argv + 1, args.nargs, &n))) {
        /* several arguments are one text joined by spaces, as the shell split it */
        cli_error("segment: out of memory");
        return EXIT_ERROR;
    }
    if ((rc = zs_seg_open(&seg)) != 0) {
        cli_error("segment: cannot open the segmenter: %s", zs_strerror(rc));
        goto out;
    }
    o.base = buf;
    rc = zs_seg_run(seg, buf, n, flags, print_token, &o);
    if (rc < 0) {
        cli_error("segment: %s", zs_seg_errmsg(seg));
        goto out;
    }
    /* like a query: a text with nothing to index (，。) finds nothing */
    code = o.n ? EXIT_FOUND : EXIT_NONE;
out:
    zs_seg_free(seg);
    free(buf);
    return cli_finish(code);
}
