/*
 * fuzz_docmeta.c - libFuzzer target for what a document says about itself
 * (extract/date.c, docname.c, dateline.c): manifest dates, file-name patterns, datelines.
 *
 * The input's first line is a date as a manifest writes it and also a
 * file-name pattern given at run time (--name-pattern), its second line a
 * file path, and the rest an article's text. zsi_date_normalize() must give
 * a well-formed date or none, a malformed pattern must be refused with a
 * message, and matching names and reading datelines must not crash, leak or
 * read out of bounds, and must leave well-formed dates, outlets and pages.
 * A violation aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "docmeta_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD", digits where digits belong. */
static int well_formed(const char *d)
{
    size_t n = strnlen(d, 11);
    if (n == 0)
        return 1;
    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
            return 0;
    return 1;
}

static void check(const zsi_docmeta *m)
{
    if (!well_formed(m->date) || !memchr(m->source, '\0', sizeof m->source) || m->page < 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Private copies with no NUL after them, so reads past the end are caught;
     * the pattern and path as C strings, as the library receives them. */
    const char *p = (const char *)data, *nl1 = memchr(p, '\n', size);
    size_t n1 = nl1 ? (size_t)(nl1 - p) : size;
    const char *p2 = nl1 ? nl1 + 1 : p + size;
    const char *nl2 = memchr(p2, '\n', size - (size_t)(p2 - p));
    size_t n2 = nl2 ? (size_t)(nl2 - p2) : size - (size_t)(p2 - p);
    const char *p3 = nl2 ? nl2 + 1 : p2 + n2;
    size_t n3 = size - (size_t)(p3 - p);
    char *line = malloc(n1 ? n1 : 1), *pat = strndup(p, n1), *path = strndup(p2, n2);
    char *text = malloc(n3 ? n3 : 1);
    char date[11], err[256];

    if (!line || !pat || !path || !text)
        abort();
    memcpy(line, p, n1);
    memcpy(text, p3, n3);
    if (zsi_date_normalize(line, n1, date) == 1) {
        if (!memchr(date, '\0', sizeof date) || !well_formed(date) || !date[0] ||
            zsi_date_year(date) < 1)
            abort();
    }
    err[0] = '\0';
    int ok = zsi_name_pattern_check(pat, err, sizeof err);
    if (!ok && !err[0])
        abort(); /* refused without a word of why */
    zsi_name_patterns *np = NULL;
    const char *extra[1] = {pat};
    int rc = zsi_name_patterns_open(&np, extra, ok ? 1 : 0, err, sizeof err);
    if (rc == 0) {
        zsi_docmeta m;
        memset(&m, 0, sizeof m);
        zsi_docmeta_from_name(np, path, &m);
        check(&m);
        zsi_docmeta_from_text(text, n3, size ? data[size - 1] % 3 ? 0 : 2019 : 0, &m);
        check(&m);
    } else if (rc != ZS_ENOMEM && rc != ZS_EIO && rc != ZS_EINVAL) {
        abort();
    }
    zsi_name_patterns_free(np);
    zsi_docmeta m2;
    memset(&m2, 0, sizeof m2);
    zsi_docmeta_from_text(text, n3, 0, &m2);
    check(&m2);
    free(line);
    free(pat);
    free(path);
    free(text);
    return 0;
}
