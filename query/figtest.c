/*
 * figtest.c - what a figure: filter takes, said once: the class a figure
 * must have and the interval its value must lie in. The check of a hit's
 * figures (hit.c), the index's SQL (where.c) and the cluster's SphinxQL
 * (cluster/engine.c) are each written from it, so the three cannot drift
 * apart (an equality's tolerance, which class "number" means).
 */
#include <math.h>
#include <string.h>

#include "query_int.h"

const char *const zsq_cmp_sql[] = {"<", "<=", ">", ">=", "BETWEEN"};

int zsq_figure_test(const zsq_figure *f, zsq_fig_test *t)
{
    memset(t, 0, sizeof *t);
    if (f->op == ZSQ_FIG_NONE)
        return 0;
    /* "number" is the class of a bare quantity: any figure's value */
    t->cls = f->cls[0] && strcmp(f->cls, "number") != 0 ? f->cls : NULL;
    t->lo = f->lo;
    t->hi = f->hi;
    switch (f->op) {
    case ZSQ_FIG_LT: t->cmp = ZSQ_CMP_LT; break;
    case ZSQ_FIG_LE: t->cmp = ZSQ_CMP_LE; break;
    case ZSQ_FIG_GT: t->cmp = ZSQ_CMP_GT; break;
    case ZSQ_FIG_GE: t->cmp = ZSQ_CMP_GE; break;
    case ZSQ_FIG_EQ: /* equal up to the rounding of decimals stored as doubles */
        t->cmp = ZSQ_CMP_BETWEEN;
        t->lo = f->lo - fabs(f->lo) * ZSQ_FIG_EQ_TOLERANCE;
        t->hi = f->lo + fabs(f->lo) * ZSQ_FIG_EQ_TOLERANCE;
        break;
    default: t->cmp = ZSQ_CMP_BETWEEN;
    }
    return 1;
}

int zsq_fig_test_passes(const zsq_fig_test *t, const zs_figure *x)
{
    if (t->cls && strcmp(t->cls, x->cls) != 0)
        return 0;
    switch (t->cmp) {
    case ZSQ_CMP_LT: return x->value < t->hi;
    case ZSQ_CMP_LE: return x->value <= t->hi;
    case ZSQ_CMP_GT: return x->value > t->lo;
    case ZSQ_CMP_GE: return x->value >= t->lo;
    default: return x->value >= t->lo && x->value <= t->hi;
    }
}
