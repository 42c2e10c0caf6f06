/*
 * test_cands.c - which matches a query ranks: every one when there are at
 * most 2000, else the 2000 most recently indexed (zhaoshu query --help).
 * search.c reads the oldest matches forwards first and the rest backwards;
 * these cases put the best-scoring passages among the oldest, so a hit list
 * shows whether they were ranked (fewer than 2000 matches, read forwards
 * alone or both ways) or rightly left out (more than 2000).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "zhaoshu.h"

/* Index one document, name, of n passages (a line each): the first heavy
 * say word many times in a short passage (they score best), the others
 * once in a long one. Each passage differs (its number), so none is stored
 * as a repeat; they are indexed in order, so the later are the newer. */
static int add_doc(zs_db *db, const char *word, const char *name, int heavy, int n)
{
    size_t cap = (size_t)n * 256, len = 0;
    char *text = malloc(cap);
    int rc;
    if (!text)
        return -1;
    for (int i = 0; i < n; i++) {
        if (i < heavy)
            len += (size_t)snprintf(text + len, cap - len, "%s%s%s%s%s，编号%d。\n\n", word, word,
                                    word, word, word, i);
        else
            len += (size_t)snprintf(text + len, cap - len,
                                    "编号%d的这份材料很长，只有一处写到%s，其余讲的是天气、"
                                    "道路和集市上的蔬菜。\n\n",
                                    i, word);
    }
    rc = zs_index_buffer(db, name, text, len, NULL);
    free(text);
    return rc;
}

/* The first hit's passage, the number of hits (-1 when a passage came
 * twice) and the count of matches of query word. */
static int first_hit(zs_db *db, const char *word, long long *first, int *hits,
                     long long *count)
{
    long long seen[10];
    zs_query_opts qo;
    zs_query *q = NULL;
    const zs_hit *h;
    int rc, n = 0, twice = 0;
    memset(&qo, 0, sizeof qo);
    qo.version = ZS_QUERY_OPTS_VERSION;
    qo.limit = 10;
    *first = -1;
    if ((rc = zs_query_open(&q, db, word, strlen(word), &qo)) == 0 &&
        (rc = zs_query_count(q, count)) == 0) {
        while (n < 10 && (rc = zs_query_next(q, &h)) == 0) {
            for (int i = 0; i < n; i++)
                twice |= seen[i] == h->passage;
            seen[n++] = h->passage;
        }
        if (rc == ZS_ITEROVER)
            rc = 0;
    }
    if (n)
        *first = seen[0];
    *hits = twice ? -1 : n;
    zs_query_free(q);
    return rc;
}

int main(void)
{
    char path[] = "/tmp/zs-cands-XXXXXX";
    int fd = mkstemp(path), hits;
    long long n = -1;
    zs_db *db = NULL;
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    long long first;

    if (fd < 0)
        return tap_ok(0, "temporary file"), tap_done();
    close(fd);
    remove(path);
    TAP_INTEQ(zs_db_open(&db, path, &oo), 0, "create an index");
    /* 甲: 100 best-scoring oldest, then 2000 more: 2100 matches. */
    TAP_INTEQ(add_doc(db, "甲", "jia", 100, 2100), 0, "index a document of 2100 passages with 甲");
    /* 乙: 50 best-scoring oldest, then 400 more: read both ways. */
    TAP_INTEQ(add_doc(db, "乙", "yi", 50, 450), 0, "index one of 450 with 乙");
    /* 丙: 5 best-scoring oldest of 20: read forwards only. */
    TAP_INTEQ(add_doc(db, "丙", "bing", 5, 20), 0, "index one of 20 with 丙");

    TAP_INTEQ(first_hit(db, "甲", &first, &hits, &n), 0, "query 甲");
    TAP_INTEQ(hits, 10, "  ten hits, each passage once");
    TAP_INTEQ(n, 2100, "  the count is exact");
    tap_ok(first > 100, "  of 2100 matches only the newest 2000 are ranked: first hit passage %lld",
           first);

    TAP_INTEQ(first_hit(db, "乙", &first, &hits, &n), 0, "query 乙");
    TAP_INTEQ(n, 450, "  450 matches");
    TAP_INTEQ(hits, 10, "  ten hits, each passage once");
    tap_ok(first >= 1 && first <= 50,
           "  all 450 are ranked, the oldest best ones first: first hit passage %lld", first);

    TAP_INTEQ(first_hit(db, "丙", &first, &hits, &n), 0, "query 丙");
    TAP_INTEQ(n, 20, "  20 matches");
    TAP_INTEQ(hits, 10, "  ten hits, each passage once");
    tap_ok(first >= 1 && first <= 5, "  all 20 are ranked: first hit passage %lld", first);

    zs_db_close(db);
    tap_remove_index(path);
    return tap_done();
}
