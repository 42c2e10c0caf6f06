/*
 * search.c - the smallest zhaoshu client: open an index read-only, run one
 * query, print each hit with its figures. Uses only <zhaoshu.h>.
 *
 *   cc search.c $(pkg-config --cflags --libs zhaoshu) -o search
 *   ./search index.db '六盘水高新区 签约金额'
 */
#include <stdio.h>
#include <string.h>
#include <zhaoshu.h>

int main(int argc, char **argv)
{
    zs_db *db = NULL;
    zs_query *q = NULL;
    const zs_hit *h;
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY};
    zs_query_opts qo = {.version = ZS_QUERY_OPTS_VERSION, .limit = 5};
    int rc;

    if (argc != 3) {
        fprintf(stderr, "usage: %s INDEX QUERY\n", argv[0]);
        return 2;
    }
    if ((rc = zs_db_open(&db, argv[1], &oo)) == 0 &&
        (rc = zs_query_open(&q, db, argv[2], strlen(argv[2]), &qo)) == 0) {
        while ((rc = zs_query_next(q, &h)) == 0) {
            printf("%zu. %s:%lld %.*s\n", h->rank, h->doc, h->passage,
                   (int)(h->snippet_end - h->snippet_start), h->text + h->snippet_start);
            for (size_t i = 0; i < h->nfigures; i++)
                printf("   %s = %g %s  %s\n", h->figures[i].text, h->figures[i].value,
                       h->figures[i].unit, h->figures[i].metric);
        }
    }
    if (rc != ZS_ITEROVER)
        fprintf(stderr, "search: %s\n", db ? zs_errmsg(db) : zs_strerror(rc));
    zs_query_free(q);
    zs_db_close(db);
    return rc == ZS_ITEROVER ? 0 : 2;
}
