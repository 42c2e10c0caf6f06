/*
 * xmlpipe.c - text as xmlpipe2 character data.
 *
 * xmlpipe2 rather than tsvpipe: passages hold line breaks and tabs
 * (captions, tables), which TSV has no escape for, and XML keeps every
 * byte of the original text in a string attribute. Invariant: each byte of
 * the input becomes either itself, an entity standing for itself, or one
 * space per byte it replaces, so offsets into the text stay valid.
 */
#include "cluster_int.h"

/* The entity of each byte XML character data cannot hold as it is, or
 * the space that stands for a control character (not an XML character):
 * one byte in, one space out. \r is an entity: a parser would fold \r\n
 * into \n. */
/* clang-format off */
static const char *const xml_escapes[256] = {
    " ", " ", " ", " ", " ", " ", " ", " ", " ", NULL, NULL, " ", " ", "&#13;", " ", " ",
    " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",  " ",  " ", " ", " ",     " ", " ",
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", [0x7f] = " ",
};
/* clang-format on */

static void to_file(void *f, const char *s, size_t n)
{
    fwrite(s, 1, n, f);
}

/* U+FFFE and U+FFFF are not XML characters either: three spaces each. */
static int not_xml_char(const char *p, size_t n, size_t i)
{
    return i + 2 < n && p[i] == '\xEF' && p[i + 1] == '\xBF' &&
           (p[i + 2] == '\xBE' || p[i + 2] == '\xBF');
}

void zsc_xml_text(FILE *f, const char *p, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++)
        if (not_xml_char(p, n, i)) {
            zsu_escape(p + from, i - from, xml_escapes, to_file, f);
            fputs("   ", f);
            from = i + 3;
            i += 2;
        }
    zsu_escape(p + from, n - from, xml_escapes, to_file, f);
}
