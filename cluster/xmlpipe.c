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

void zsc_xml_text(FILE *f, const char *p, size_t n)
{
    size_t run = 0; /* start of bytes written as they are */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        const char *ent = NULL;
        size_t skip = 0;
        if (c == '&')
            ent = "&amp;";
        else if (c == '<')
            ent = "&lt;";
        else if (c == '>')
            ent = "&gt;";
        else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            ent = " ";
        else if (c == '\r')
            ent = "&#13;"; /* a parser would fold \r\n into \n */
        else if (c == 0xEF && i + 2 < n && (unsigned char)p[i + 1] == 0xBF &&
                 ((unsigned char)p[i + 2] == 0xBE || (unsigned char)p[i + 2] == 0xBF)) {
            ent = "   "; /* U+FFFE, U+FFFF: not XML characters */
            skip = 2;
        }
        if (!ent)
            continue;
        fwrite(p + run, 1, i - run, f);
        fputs(ent, f);
        i += skip;
        run = i + 1;
    }
    fwrite(p + run, 1, n - run, f);
}
