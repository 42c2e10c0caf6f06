/*
 * json.c - the JSON schemas of hits, figure rows and zones, in one place.
 *
 * `zhaoshu query --json`, `zhaoshu figures --json`, `zhaoshu parks --json`
 * and the HTTP API of `zhaoshu serve` all write these objects, so a field
 * added here reaches every program at once. The writers fill a caller's
 * buffer the way snprintf does (never more than cap bytes, NUL-terminated
 * when cap > 0, the full length returned), so the library allocates nothing
 * and prints nothing.
 *
 * Numbers are written with the C locale's '.' (the library never changes
 * LC_NUMERIC; a caller that does gets its own decimal point from snprintf,
 * as it would from printf).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util_int.h"
#include "zhaoshu.h"

/* A cursor over the caller's buffer that counts past its end. */
typedef struct jw {
    char *buf;
    size_t cap; /* bytes of buf, the NUL included */
    size_t len; /* bytes the whole output takes */
} jw;

static void put(jw *w, const char *s, size_t n)
{
    if (w->len < w->cap) {
        size_t room = w->cap - 1 - w->len, k = n < room ? n : room;
        memcpy(w->buf + w->len, s, k);
    }
    w->len += n;
}

static void puts_(jw *w, const char *s)
{
    put(w, s, strlen(s));
}

static void putf(jw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(jw *w, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    /* every format here is at most a few numbers (%.17g: 24 bytes) and
     * short fixed words: it fits */
    if (n > 0)
        put(w, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The escape of each byte a JSON string cannot hold as it is (RFC 8259:
 * the quote, the backslash, the control characters; DEL too). Bytes >= 0x80
 * pass through: the index holds UTF-8 (invalid input was replaced when it
 * was indexed). */
/* clang-format off */
static const char *const json_escapes[256] = {
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
    "\\u0008", "\\t",     "\\n",     "\\u000b", "\\u000c", "\\r",     "\\u000e", "\\u000f",
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ['"'] = "\\\"", ['\\'] = "\\\\", [0x7f] = "\\u007f",
};
/* clang-format on */

static void to_jw(void *w, const char *s, size_t n)
{
    put(w, s, n);
}

/* p[0..n) as a JSON string. */
static void str(jw *w, const char *p, size_t n)
{
    put(w, "\"", 1);
    zsu_escape(p, n, json_escapes, to_jw, w);
    put(w, "\"", 1);
}

static void cstr(jw *w, const char *s)
{
    str(w, s ? s : "", s ? strlen(s) : 0);
}

static size_t finish(jw *w)
{
    if (w->cap)
        w->buf[w->len < w->cap ? w->len : w->cap - 1] = '\0';
    return w->len;
}

size_t zs_json_str(const char *p, size_t n, char *buf, size_t cap)
{
    jw w = {buf, cap, 0};
    str(&w, p, n);
    return finish(&w);
}

/* ,"name":"v" (a field after the first of an object). */
static void field(jw *w, const char *name, const char *v)
{
    putf(w, ",\"%s\":", name);
    cstr(w, v);
}

/* ["v0","v1",...] */
static void str_array(jw *w, const char *const *v, size_t n)
{
    put(w, "[", 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(w, ",", 1);
        cstr(w, v[i]);
    }
    put(w, "]", 1);
}

/* A figure's members, without braces: shared by hits and figure rows. */
static void figure_fields(jw *w, const zs_figure *x)
{
    puts_(w, "\"text\":");
    cstr(w, x->text);
    putf(w, ",\"value\":%.17g,\"value_hi\":%.17g", x->value, x->value_hi);
    field(w, "unit", x->unit);
    field(w, "class", x->cls);
    field(w, "metric", x->metric);
    field(w, "park", x->park);
    putf(w, ",\"year\":%d,\"hedge\":%d", x->year, x->hedge);
    putf(w, ",\"start\":%zu,\"end\":%zu", x->start, x->end);
    /* where the metric is printed, in the same bytes as start and end: its
     * whole extent, and its pieces (two when the change word stands apart) */
    zs_range at[2];
    size_t n = 0;
    for (size_t k = 0; k < 2; k++)
        if (x->metric_at[k].end > x->metric_at[k].start)
            at[n++] = x->metric_at[k];
    if (!n) {
        puts_(w, ",\"metric_start\":null,\"metric_end\":null,\"metric_spans\":[]");
        return;
    }
    putf(w, ",\"metric_start\":%zu,\"metric_end\":%zu,\"metric_spans\":[", at[0].start,
         at[n - 1].end);
    for (size_t k = 0; k < n; k++)
        putf(w, "%s[%zu,%zu]", k ? "," : "", at[k].start, at[k].end);
    put(w, "]", 1);
}

/* A place's members, without braces; line: a figure's line, or 0 for the
 * place's own. */
static void place_fields(jw *w, const zs_place *p, long long line)
{
    puts_(w, "\"path\":");
    cstr(w, zs_place_path(p));
    putf(w, ",\"line\":%lld,\"column\":%lld", line ? line : p->line, p->column);
    putf(w, ",\"byte_start\":%lld,\"byte_end\":%lld", p->start, p->end);
    field(w, "date", p->date);
    field(w, "source", p->source);
    putf(w, ",\"page\":%d", p->page);
}

/* "also_in":[{place, passage}, ...] */
static void also_in(jw *w, const zs_place *v, size_t n)
{
    puts_(w, ",\"also_in\":[");
    for (size_t i = 0; i < n; i++) {
        puts_(w, i ? ",{" : "{");
        place_fields(w, &v[i], 0);
        putf(w, ",\"passage\":%lld}", v[i].passage);
    }
    put(w, "]", 1);
}

size_t zs_hit_json(const zs_hit *h, char *buf, size_t cap)
{
    jw w = {buf, cap, 0};
    putf(&w, "{\"rank\":%zu,\"score\":%.4f,\"doc\":", h->rank, h->score);
    cstr(&w, h->doc);
    put(&w, ",", 1);
    place_fields(&w, &h->place, 0);
    also_in(&w, h->also_in, h->nalso_in);
    putf(&w, ",\"passage\":%lld", h->passage);
    field(&w, "kind", h->kind);
    puts_(&w, h->partial ? ",\"partial\":true,\"lacks\":" : ",\"partial\":false,\"lacks\":");
    str_array(&w, h->lacks, h->nlacks);
    puts_(&w, ",\"park\":");
    str_array(&w, h->parks, h->nparks);
    puts_(&w, ",\"years\":[");
    for (size_t i = 0; i < h->nyears; i++)
        putf(&w, "%s%d", i ? "," : "", h->years[i]);
    puts_(&w, "],\"span_years\":[");
    for (size_t i = 0; i < h->nspan_years; i++)
        putf(&w, "%s%d", i ? "," : "", h->span_years[i]);
    puts_(&w, "],\"text\":");
    str(&w, h->text, h->len);
    putf(&w, ",\"snippet\":{\"start\":%zu,\"end\":%zu}", h->snippet_start, h->snippet_end);
    puts_(&w, ",\"highlights\":[");
    for (size_t i = 0; i < h->nspans; i++) {
        putf(&w, "%s{\"start\":%zu,\"end\":%zu,", i ? "," : "", h->spans[i].start, h->spans[i].end);
        puts_(&w,
              h->spans[i].kind == ZS_SPAN_MATCH ? "\"kind\":\"match\"}" : "\"kind\":\"figure\"}");
    }
    puts_(&w, "],\"figures\":[");
    for (size_t i = 0; i < h->nfigures; i++) {
        puts_(&w, i ? ",{" : "{");
        figure_fields(&w, &h->figures[i]);
        putf(&w, ",\"line\":%lld}", h->figures[i].line);
    }
    puts_(&w, "]}");
    return finish(&w);
}

size_t zs_figure_row_json(const zs_figure_row *r, char *buf, size_t cap)
{
    jw w = {buf, cap, 0};
    put(&w, "{", 1);
    figure_fields(&w, &r->fig);
    field(&w, "metric_raw", r->metric_raw);
    field(&w, "doc", r->doc);
    put(&w, ",", 1);
    place_fields(&w, &r->place, r->fig.line); /* the figure's own line */
    also_in(&w, r->also_in, r->nalso_in);
    putf(&w, ",\"passage\":%lld,\"context\":", r->passage);
    str(&w, r->context, r->context_len);
    field(&w, "conflict", r->conflict);
    field(&w, "check", r->check);
    puts_(&w, r->check_failed ? ",\"check_failed\":true}" : ",\"check_failed\":false}");
    return finish(&w);
}

size_t zs_park_json(const zs_park *p, char *buf, size_t cap)
{
    jw w = {buf, cap, 0};
    puts_(&w, "{\"park\":");
    cstr(&w, p->name);
    puts_(&w, ",\"aliases\":");
    str_array(&w, p->aliases, p->naliases);
    putf(&w, ",\"passages\":%lld", p->passages);
    field(&w, "level", p->level);
    field(&w, "kind", p->kind);
    field(&w, "province", p->province);
    field(&w, "city", p->city);
    puts_(&w, p->listed ? ",\"source\":\"list\"}" : ",\"source\":\"pattern\"}");
    return finish(&w);
}
