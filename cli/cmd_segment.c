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
    "Example:\n"
    "  zhaoshu segment 六盘水高新区签约金额１３５．３４億元\n";

typedef struct seg_out {
    int json;
    const char *base;
} seg_out;

static int print_token(void *ctx, const zs_token *t)
{
    seg_out *o = ctx;
    if (o->json) {
        fputs("{\"text\":", stdout);
        cli_json_str(stdout, t->text, t->len);
        printf(",\"kind\":\"%s\",\"start\":%zu,\"end\":%zu,\"colocated\":%s}\n",
               zs_token_kind_name(t->kind), t->start, t->end, t->colocated ? "true" : "false");
    } else {
        printf("%zu-%zu\t%s%s\t%.*s\t%.*s\n", t->start, t->end, t->colocated ? "+" : "",
               zs_token_kind_name(t->kind), (int)t->len, t->text, (int)(t->end - t->start),
               o->base + t->start);
    }
    return ferror(stdout) ? 1 : 0;
}

int cmd_segment(int argc, char **argv)
{
    seg_out o = {0, NULL};
    unsigned flags = ZS_SEG_DOCUMENT | ZS_SEG_WORDS;
    zs_seg *seg = NULL;
    char *buf = NULL;
    size_t n = 0;
    int i, rc, code = EXIT_ERROR;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            o.json = 1;
        else if (!strcmp(argv[i], "--query"))
            flags = ZS_SEG_QUERY;
        else if (!strcmp(argv[i], "--index"))
            flags = ZS_SEG_DOCUMENT;
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return cli_finish(EXIT_FOUND);
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("segment: unknown option '%s' (see zhaoshu segment --help)", argv[i]);
            return EXIT_ERROR;
        } else
            break;
    }
    if (i == argc) {
        if (cli_read_stdin(&buf, &n)) {
            cli_error("segment: cannot read standard input");
            return EXIT_ERROR;
        }
    } else {
        /* Several arguments are one text joined by spaces, as the shell split it. */
        for (int k = i; k < argc; k++)
            n += strlen(argv[k]) + 1;
        buf = malloc(n + 1);
        if (!buf) {
            cli_error("segment: out of memory");
            return EXIT_ERROR;
        }
        n = 0;
        for (int k = i; k < argc; k++) {
            size_t l = strlen(argv[k]);
            if (k > i)
                buf[n++] = ' ';
            memcpy(buf + n, argv[k], l);
            n += l;
        }
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
    code = EXIT_FOUND;
out:
    zs_seg_free(seg);
    free(buf);
    return cli_finish(code);
}
