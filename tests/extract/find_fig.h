/*
 * find_fig.h - the figure of an extraction printed exactly as `printed`
 * (the first one), shared by the figure and metric tests.
 */
#ifndef ZS_TESTS_FIND_FIG_H
#define ZS_TESTS_FIND_FIG_H

#include <string.h>

#include "figure_int.h"

static inline const zsi_figure *find_fig(const char *text, const zsi_figure *v, size_t nv,
                                         const char *printed)
{
    size_t i, l = strlen(printed);
    for (i = 0; i < nv; i++)
        if (v[i].end - v[i].start == l && memcmp(text + v[i].start, printed, l) == 0)
            return &v[i];
    return NULL;
}

#endif
