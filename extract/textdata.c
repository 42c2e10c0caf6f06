/*
 * textdata.c - reading the lines of the indexer's data files (gazetteer,
 * zone suffixes, passage cues, units, metrics). Loading them, built-in text
 * plus the user's additions, is segment/data.c's zss_data_load().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

int zsi_data_next_line(const char *buf, size_t n, size_t *pos, const char **line, size_t *len)
{
    while (*pos < n) {
        size_t s = *pos;
        const char *nl = memchr(buf + s, '\n', n - s); /* a query process reads 116 KB */
        size_t e = nl ? (size_t)(nl - buf) : n;
        *pos = e < n ? e + 1 : n;
        while (s < e && (buf[s] == ' ' || buf[s] == '\t'))
            s++;
        while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t' || buf[e - 1] == '\r'))
            e--;
        if (e == s || buf[s] == '#')
            continue;
        *line = buf + s;
        *len = e - s;
        return 1;
    }
    return 0;
}
