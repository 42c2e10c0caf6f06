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

/* Owned strings of a row: text unit cls metric park metric_raw doc context,
 * then its place's path as given, date and outlet. */
#define ROW_STRS 11

typedef struct row {
    zs_figure_row r;
    sqlite3_int64 passage_id;
    char *strs[ROW_STRS];
    size_t cs, ce; /* the context: bytes [cs, ce) of the passage */
    char conflict[384];
    char check[256];
    int ndups;      /* places of its passage besides the stored one */
    int dead;       /* merged into another row: the same statement */
    zs_place *also; /* owned array; strings borrowed from rows and pls */
    size_t nalso;
} row;

struct zs_figures {
    row *rows;
    size_t n, cap, next;
    size_t *order; /* emission order: rows not merged (conflicts mode: in a conflict) */
    size_t norder;
    zsq_places *pls; /* places of passages printed more than once */
    size_t npls;
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
