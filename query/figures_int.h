/*
 * figures_int.h - private interface between the files of zs_figures
 * (query/): figures.c (the listing: rows, their sentences, the public
 * calls), conflicts.c (figures that cannot all be true) and checks.c
 * (arithmetic checks of rates and shares).
 */
#ifndef ZS_QUERY_FIGURES_INT_H
#define ZS_QUERY_FIGURES_INT_H

#include <string.h>

#include "search_int.h"
#include "zhaoshu.h"

typedef struct row {
    zs_figure_row r;
    sqlite3_int64 passage_id;
    char *strs[8]; /* owned strings: text unit cls metric park metric_raw doc context */
    size_t cs, ce; /* the context: bytes [cs, ce) of the passage */
    char conflict[256];
    char check[256];
} row;

struct zs_figures {
    row *rows;
    size_t n, cap, next;
    size_t *order; /* conflicts mode: emission order */
    size_t norder;
};

static inline int is_rate(const char *cls)
{
    return !strcmp(cls, "percent") || !strcmp(cls, "points");
}

/* ---- interface to conflicts.c ---- */

/* Mark each row's first conflict (it->rows[i].conflict); conflicts mode
 * order in it->order. Errors: ZS_ENOMEM. */
int zsq_mark_conflicts(zs_figures *it);

/* ---- interface to checks.c ---- */

/* Recompute stated rates and shares from their passages' other figures
 * (it->rows[i].check). Errors: ZS_ENOMEM. */
int zsq_check_passages(zs_figures *it);

#endif
