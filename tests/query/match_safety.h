/*
 * match_safety.h - the safety property of rendered MATCH strings, shared by
 * the parser's tests and its fuzz target.
 */
#ifndef ZS_MATCH_SAFETY_H
#define ZS_MATCH_SAFETY_H

#include <string.h>

/*
 * The safety property: outside quoted strings, a MATCH string holds only
 * AND, OR, NOT, parentheses, spaces and a '*' right after a closing quote.
 * Returns NULL when it holds, else a description of the first offence.
 */
static inline const char *zs_match_unsafe(const char *m)
{
    size_t i = 0, n = strlen(m);
    int depth = 0;
    while (i < n) {
        if (m[i] == '"') {
            i++;
            for (;;) {
                if (i >= n)
                    return "unterminated string";
                if (m[i] == '"') {
                    if (m[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
            i++;
            if (m[i] == '*')
                i++;
        } else if (m[i] == ' ') {
            i++;
        } else if (m[i] == '(') {
            depth++;
            i++;
        } else if (m[i] == ')') {
            if (--depth < 0)
                return "unbalanced )";
            i++;
        } else if (!strncmp(m + i, "AND ", 4) || !strncmp(m + i, "NOT ", 4)) {
            i += 4;
        } else if (!strncmp(m + i, "OR ", 3)) {
            i += 3;
        } else {
            return "bare text outside a string";
        }
    }
    return depth ? "unbalanced (" : NULL;
}

#endif
