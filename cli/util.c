/*
 * util.c - helpers shared by the subcommands: errors, JSON strings, stdin.
 */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    char small[1024], *msg = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof small && (msg = malloc((size_t)n + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (!msg) {
        msg = small;
        n = (int)strlen(small);
    }
    /* Messages quote file names and queries: nothing in them may reach the
     * terminal as a control sequence or start a forged line. */
    fputs("zhaoshu: ", stderr);
    cli_put(stderr, msg, (size_t)n < strlen(msg) ? (size_t)n : strlen(msg));
    fputc('\n', stderr);
    if (msg != small)
        free(msg);
}

/* Length of the UTF-8 sequence at p[0..n), or 0 when it is not one. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    size_t len;
    unsigned min;
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, c &= 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, c &= 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, c &= 0x07, min = 0x10000;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (p[k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    if (c >= 0x80 && c <= 0x9F)
        return 0; /* C1 controls: 0x9B is CSI on some terminals */
    return len;
}

void cli_put(FILE *f, const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t run = 0; /* start of the pending run of safe bytes */
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        size_t k = utf8_len(u + i, n - i);
        if (k && c >= 0x20 && c != 0x7F) {
            i += k;
            continue;
        }
        fwrite(p + run, 1, i - run, f);
        if (c == '\n' || c == '\t' || c == '\r')
            fputc(' ', f);
        else
            fputs("\xEF\xBF\xBD", f); /* U+FFFD */
        i += k ? k : 1;
        run = i;
    }
    fwrite(p + run, 1, n - run, f);
}

void cli_puts(FILE *f, const char *s)
{
    cli_put(f, s, strlen(s));
}

void cli_json_str(FILE *f, const char *p, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(f, "\\u%04x", c);
            else
                fputc(c, f);
        }
    }
    fputc('"', f);
}

int cli_read_stdin(char **out, size_t *n)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return -1;
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, stdin);
        len += got;
        if (got == 0) {
            if (ferror(stdin)) {
                free(buf);
                return -1;
            }
            break;
        }
    }
    *out = buf;
    *n = len;
    return 0;
}

int cli_color_auto(void)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return 0;
    const char *term = getenv("TERM");
    if (term && !strcmp(term, "dumb"))
        return 0;
    return isatty(STDOUT_FILENO);
}

int cli_finish(int code)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno == EPIPE)
            return code;
        cli_error("cannot write output: %s", strerror(errno));
        return EXIT_ERROR;
    }
    return code;
}

char *cli_db_path(const char *cmd, const char *given)
{
    char *path = NULL;
    if (!given)
        given = cli_global_db;
    if (given)
        path = strdup(given);
    else if (zs_db_default_path(&path) != 0)
        cli_error("%s: no --db given and no HOME to find the default index in", cmd);
    return path;
}

void cli_db_open_error(const char *prefix, zs_db *db, int rc, const char *path)
{
    if (rc == ZS_ENOTFOUND) /* the library cannot name the flag */
        cli_error("%sno index at %s; build one with: zhaoshu index --db %s PATH...", prefix, path,
                  path);
    else
        cli_error("%s%s", prefix, zs_errmsg(db));
}

zs_db *cli_db_open(const char *cmd, const char *prefix, const char *given, const zs_open_opts *o)
{
    char *path = cli_db_path(cmd, given);
    zs_db *db = NULL;
    if (!path)
        return NULL;
    int rc = zs_db_open(&db, path, o);
    if (rc) {
        cli_db_open_error(prefix, db, rc, path);
        zs_db_close(db);
        db = NULL;
    }
    free(path);
    return db;
}

void cli_note_building(zs_db *db, const char *cmd, const char *path)
{
    /* Version 1: the writer and the count, not the identities (a query
     * with no hit pays for this). */
    zs_db_status st = {.version = 1};
    if (zs_db_stat(db, &st) != 0 || st.writer_pid == 0)
        return;
    char who[48] = "";
    if (st.writer_pid > 0)
        snprintf(who, sizeof who, " (pid %ld)", st.writer_pid);
    if (st.documents == 0)
        cli_error("%s: %s is being built by zhaoshu index%s and no document is committed yet: "
                  "nothing was searched; try again in a moment",
                  cmd, path, who);
    else
        cli_error("%s: %s is being built by zhaoshu index%s: only the %lld documents committed "
                  "so far were searched",
                  cmd, path, who, st.documents);
}

void cli_note_stale(zs_db *db, const char *cmd)
{
    if (zs_db_extractor_stale(db) != 1)
        return;
    cli_error("%s: this index was extracted by another version of zhaoshu: its zones, years, "
              "figures and metrics may be out of date; run zhaoshu index on its files to "
              "re-extract them (zhaoshu status says more)",
              cmd);
}

char *cli_join(char *const *words, int n, size_t *len)
{
    size_t total = 1;
    for (int k = 0; k < n; k++)
        total += strlen(words[k]) + 1;
    char *s = malloc(total);
    size_t w = 0;
    if (!s)
        return NULL;
    for (int k = 0; k < n; k++) {
        size_t l = strlen(words[k]);
        if (k)
            s[w++] = ' ';
        memcpy(s + w, words[k], l);
        w += l;
    }
    s[w] = '\0';
    *len = w;
    return s;
}

/* A buffer for one of the library's zs_*_json writers, reused from object
 * to object (it lives as long as the process). Each writer returns the
 * length it needs, so a call that did not fit is made again once. */
typedef struct jbuf {
    char *p;
    size_t cap;
} jbuf;

/* Grow jb to hold n bytes and a NUL; 0, or -1 when out of memory. */
static int jb_fit(jbuf *jb, size_t n)
{
    size_t cap = jb->cap ? jb->cap : 4096;
    while (cap <= n)
        cap *= 2;
    char *p = realloc(jb->p, cap);
    if (!p)
        return -1;
    jb->p = p;
    jb->cap = cap;
    return 0;
}

const char *cli_hit_json(const zs_hit *h, size_t *n)
{
    static jbuf jb;
    if ((*n = zs_hit_json(h, jb.p, jb.cap)) >= jb.cap && jb_fit(&jb, *n) == 0)
        zs_hit_json(h, jb.p, jb.cap);
    return *n < jb.cap ? jb.p : NULL;
}

const char *cli_figure_row_json(const zs_figure_row *r, size_t *n)
{
    static jbuf jb;
    if ((*n = zs_figure_row_json(r, jb.p, jb.cap)) >= jb.cap && jb_fit(&jb, *n) == 0)
        zs_figure_row_json(r, jb.p, jb.cap);
    return *n < jb.cap ? jb.p : NULL;
}

const char *cli_park_json(const zs_park *p, size_t *n)
{
    static jbuf jb;
    if ((*n = zs_park_json(p, jb.p, jb.cap)) >= jb.cap && jb_fit(&jb, *n) == 0)
        zs_park_json(p, jb.p, jb.cap);
    return *n < jb.cap ? jb.p : NULL;
}

int cli_json_line(const char *j, size_t n)
{
    if (!j)
        return -1;
    fwrite(j, 1, n, stdout);
    putchar('\n');
    return 0;
}

size_t cli_width(const char *s, size_t n)
{
    mbstate_t ps;
    size_t cols = 0;
    memset(&ps, 0, sizeof ps);
    for (size_t i = 0; i < n;) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &ps);
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
            memset(&ps, 0, sizeof ps);
            i++;
            cols++;
            continue;
        }
        int w = wcwidth(wc);
        cols += w > 0 ? (size_t)w : 0;
        i += k;
    }
    return cols;
}

const char *cli_place_path(const zs_place *p)
{
    return zs_place_path(p);
}

void cli_put_place_meta(FILE *f, const zs_place *p)
{
    if (p->date[0])
        fprintf(f, " %s", p->date);
    if (p->source[0]) {
        fputc(' ', f);
        cli_puts(f, p->source);
    }
    if (p->page)
        fprintf(f, " p.%d", p->page);
}

void cli_put_also_in(FILE *f, const zs_place *own, const zs_place *also, size_t n)
{
    size_t same = 0, docs = 0;
    for (size_t i = 0; i < n; i++) {
        int first = 1;
        if (!strcmp(also[i].doc, own->doc)) {
            same++;
            continue;
        }
        for (size_t k = 0; k < i && first; k++)
            first = strcmp(also[k].doc, also[i].doc) != 0;
        docs += (size_t)first;
    }
    if (same) {
        fprintf(f, "(also at line%s", same > 1 ? "s" : "");
        for (size_t i = 0, k = 0; i < n; i++)
            if (!strcmp(also[i].doc, own->doc))
                fprintf(f, "%s %lld", k++ ? "," : "", also[i].line);
        fputs(docs ? ") " : ")", f);
    }
    if (!docs)
        return;
    fprintf(f, "(also in %zu other article%s: ", docs, docs > 1 ? "s" : "");
    for (size_t i = 0, k = 0; i < n; i++) {
        if (!strcmp(also[i].doc, own->doc))
            continue;
        if (k++)
            fputs("; ", f);
        cli_puts(f, cli_place_path(&also[i]));
        fprintf(f, ":%lld", also[i].line);
        cli_put_place_meta(f, &also[i]);
    }
    fputc(')', f);
}
