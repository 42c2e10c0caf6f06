/*
 * test_parse.c - the query parser against tests/query/parse.test, plus the
 * cases a data file cannot hold (a 10 000-byte query, NULL arguments, random
 * input) and a check that every rendered MATCH string is accepted by a real
 * FTS5 table using the zhaoshu tokenizer and finds what it should.
 *
 * parse.test (after jq's tests/jq.test): blocks separated by blank lines;
 * lines starting with '#' between blocks are comments. A block is
 *     query
 *     expected match_all            ("(no text)" for a filter-only query)
 *     [any: expected match_any]
 *     [terms: t1 | t2* | ...]       (* marks a prefix term)
 *     [park: value]...  [year: A..B]  [figure: OP LO HI UNIT CLS]
 *     [date: LO..HI]  [source: value]...
 * or
 *     %%FAIL
 *     query
 *     CODE @OFFSET: exact message
 * \uXXXX in any line stands for that character (so U+E000 stays visible).
 * A filter line not given is checked to be absent.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "extract_int.h"
#include "query_int.h"
#include "segment_int.h"
#include "../tap.h"
#include "match_safety.h"

#define MAX_LINE 12000

static zs_seg *seg;
static sqlite3 *db;

/* Decode \uXXXX escapes in place; returns the new length. */
static size_t unescape(char *s)
{
    size_t i = 0, k = 0;
    while (s[i]) {
        unsigned v;
        if (s[i] == '\\' && s[i + 1] == 'u' && sscanf(s + i + 2, "%4x", &v) == 1) {
            if (v < 0x80) {
                s[k++] = (char)v;
            } else if (v < 0x800) {
                s[k++] = (char)(0xC0 | (v >> 6));
                s[k++] = (char)(0x80 | (v & 0x3F));
            } else {
                s[k++] = (char)(0xE0 | (v >> 12));
                s[k++] = (char)(0x80 | ((v >> 6) & 0x3F));
                s[k++] = (char)(0x80 | (v & 0x3F));
            }
            i += 6;
        } else {
            s[k++] = s[i++];
        }
    }
    s[k] = '\0';
    return k;
}

static const char *code_name(int rc)
{
    switch (rc) {
    case ZS_ESYNTAX: return "ESYNTAX";
    case ZS_ELIMIT: return "ELIMIT";
    case ZS_EINVAL: return "EINVAL";
    case ZS_ENOMEM: return "ENOMEM";
    default: return "E?";
    }
}

static const char *op_name(zsq_fig_op op)
{
    static const char *const names[] = {"none", "<", "<=", ">", ">=", "=", "range"};
    return names[op];
}

/* Number of rows of t matching m, or -1 (with a diagnostic) if FTS5 rejects it. */
static int fts_count(const char *m)
{
    sqlite3_stmt *st;
    int n = -1;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &st, NULL))
        return -1;
    sqlite3_bind_text(st, 1, m, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    else
        tap_diag("FTS5: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return n;
}

static void check_rendered(const char *what, const char *q, const char *m)
{
    const char *why = zs_match_unsafe(m);
    tap_ok(!why, "%s of [%s] is safe FTS5 syntax%s%s", what, q, why ? ": " : "", why ? why : "");
    if (db && *m)
        tap_ok(fts_count(m) >= 0, "FTS5 accepts %s of [%s]", what, q);
}

/* Render the parsed filters as the test file writes them. */
static void filter_lines(const zsq_parsed *pq, char *out, size_t cap)
{
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < pq->nparks; i++)
        k += (size_t)snprintf(out + k, cap - k, "park: %s\n", pq->parks[i].p);
    if (pq->has_year)
        k += (size_t)snprintf(out + k, cap - k, "year: %s%d..%d\n", pq->year_span ? "~" : "",
                              pq->year_from, pq->year_to);
    if (pq->figure.op != ZSQ_FIG_NONE)
        k += (size_t)snprintf(out + k, cap - k, "figure: %s %g %g %s %s\n", op_name(pq->figure.op),
                              pq->figure.lo, pq->figure.hi,
                              pq->figure.unit[0] ? pq->figure.unit : "-",
                              pq->figure.cls[0] ? pq->figure.cls : "-");
    if (pq->has_date)
        k += (size_t)snprintf(out + k, cap - k, "date: %s..%s\n", pq->date_lo, pq->date_hi);
    for (size_t i = 0; i < pq->nsources && k < cap; i++)
        k += (size_t)snprintf(out + k, cap - k, "source: %s\n", pq->sources[i]);
}

static void terms_line(const zsq_parsed *pq, char *out, size_t cap)
{
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < pq->nterms && k < cap; i++)
        k += (size_t)snprintf(out + k, cap - k, "%s%s%s", i ? " | " : "", pq->terms[i].text,
                              pq->terms[i].prefix ? "*" : "");
}

static int ncases;

static void run_ok(int line, char **l, size_t nl)
{
    char q[MAX_LINE];
    snprintf(q, sizeof q, "%s", l[0]);
    size_t qn = unescape(q);
    zsq_parsed *pq = NULL;
    char err[512];
    size_t off = 0;
    int rc = zsq_parse(seg, q, qn, &pq, err, sizeof err, &off);
    ncases++;
    if (!tap_ok(rc == 0, "line %d: [%s] parses", line, l[0])) {
        tap_diag("%s @%zu: %s", code_name(rc), off, err);
        return;
    }
    char want[MAX_LINE];
    snprintf(want, sizeof want, "%s", l[1]);
    unescape(want);
    if (!strcmp(want, "(no text)")) {
        tap_ok(!pq->has_text && !*pq->match_all && !*pq->match_any, "line %d: [%s] has no text",
               line, l[0]);
    } else {
        TAP_STREQ(pq->match_all, want, "line %d: match_all of [%s]", line, l[0]);
        check_rendered("match_all", l[0], pq->match_all);
        check_rendered("match_any", l[0], pq->match_any);
    }
    char wf[2048] = "", gf[2048];
    for (size_t i = 2; i < nl; i++) {
        char x[MAX_LINE];
        snprintf(x, sizeof x, "%s", l[i]);
        unescape(x);
        if (!strncmp(x, "any: ", 5)) {
            TAP_STREQ(pq->match_any, x + 5, "line %d: match_any of [%s]", line, l[0]);
        } else if (!strncmp(x, "terms: ", 7)) {
            char t[MAX_LINE];
            terms_line(pq, t, sizeof t);
            TAP_STREQ(t, x + 7, "line %d: terms of [%s]", line, l[0]);
        } else {
            size_t k = strlen(wf), xn = strlen(x);
            if (k + xn + 2 <= sizeof wf) {
                memcpy(wf + k, x, xn);
                memcpy(wf + k + xn, "\n", 2);
            }
        }
    }
    filter_lines(pq, gf, sizeof gf);
    TAP_STREQ(gf, wf, "line %d: filters of [%s]", line, l[0]);
    zsq_parsed_free(pq);
}

static void run_fail(int line, char **l, size_t nl)
{
    if (nl != 3) {
        tap_ok(0, "line %d: a %%%%FAIL block has a query and an error line", line);
        return;
    }
    char q[MAX_LINE], want[MAX_LINE], got[1024];
    snprintf(q, sizeof q, "%s", l[1]);
    size_t qn = unescape(q);
    snprintf(want, sizeof want, "%s", l[2]);
    unescape(want);
    zsq_parsed *pq = (zsq_parsed *)&pq;
    char err[512];
    size_t off = 99999;
    int rc = zsq_parse(seg, q, qn, &pq, err, sizeof err, &off);
    ncases++;
    snprintf(got, sizeof got, "%s @%zu: %s", rc ? code_name(rc) : "OK", off, rc ? err : "");
    TAP_STREQ(got, want, "line %d: [%s] fails", line, l[1]);
    tap_ok(pq == NULL, "line %d: no result on failure", line);
    if (!rc)
        zsq_parsed_free(pq);
}

static void run_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!tap_ok(f != NULL, "open %s", path))
        return;
    static char lines[32][MAX_LINE];
    char *l[32];
    size_t nl = 0;
    int lineno = 0, start = 0;
    char buf[MAX_LINE];
    for (;;) {
        char *r = fgets(buf, sizeof buf, f);
        if (r) {
            lineno++;
            buf[strcspn(buf, "\n")] = '\0';
        }
        if (!r || buf[0] == '\0') {
            if (nl) {
                if (!strcmp(l[0], "%%FAIL"))
                    run_fail(start, l, nl);
                else if (nl >= 2)
                    run_ok(start, l, nl);
                else
                    tap_ok(0, "line %d: a block needs a query and its rendering", start);
            }
            nl = 0;
            if (!r)
                break;
            continue;
        }
        if (nl == 0 && buf[0] == '#')
            continue;
        if (nl == 0)
            start = lineno;
        if (nl < 32) {
            snprintf(lines[nl], MAX_LINE, "%s", buf);
            l[nl] = lines[nl];
            nl++;
        }
    }
    fclose(f);
}

/* Cases a data file cannot hold. */
static void run_api(void)
{
    char err[256], q[10001];
    size_t off = 0;
    zsq_parsed *pq = NULL;

    memset(q, 'a', 10000);
    q[10000] = '\0';
    TAP_INTEQ(zsq_parse(seg, q, 10000, &pq, err, sizeof err, &off), ZS_ELIMIT,
              "10 000-byte query is refused");
    TAP_STREQ(err, "query too long: 10000 bytes (limit 1024)", "its message");
    TAP_INTEQ(off, ZSQ_MAX_QUERY_BYTES, "its offset is the limit");
    tap_ok(pq == NULL, "no result");

    /* Exactly the limit is fine. */
    TAP_INTEQ(zsq_parse(seg, q, ZSQ_MAX_QUERY_BYTES, &pq, err, sizeof err, &off), 0,
              "a 1024-byte word parses");
    tap_ok(pq && pq->nterms == 1 && pq->terms[0].len == 1024, "as one term");
    zsq_parsed_free(pq);

    /* Too many terms. */
    size_t k = 0;
    for (int i = 0; i < ZSQ_MAX_TERMS + 1; i++)
        k += (size_t)snprintf(q + k, sizeof q - k, "w%d ", i);
    TAP_INTEQ(zsq_parse(seg, q, k, &pq, err, sizeof err, &off), ZS_ELIMIT, "65 terms refused");
    TAP_STREQ(err, "too many terms: more than 64", "its message");

    /* A deep nest. */
    k = 0;
    for (int i = 0; i < 300; i++)
        q[k++] = '(';
    q[k++] = 'a';
    for (int i = 0; i < 300; i++)
        q[k++] = ')';
    TAP_INTEQ(zsq_parse(seg, q, k, &pq, err, sizeof err, &off), ZS_ELIMIT,
              "300 nested parentheses refused");
    TAP_INTEQ(off, ZSQ_MAX_DEPTH, "at the first parenthesis too deep");

    /* Empty query, NULL arguments, tiny error buffer, NULL err. */
    TAP_INTEQ(zsq_parse(seg, "", 0, &pq, err, sizeof err, &off), ZS_ESYNTAX, "empty query");
    TAP_STREQ(err, "query has no searchable text", "its message");
    TAP_INTEQ(zsq_parse(seg, NULL, 0, &pq, err, sizeof err, &off), ZS_ESYNTAX,
              "NULL with length 0 is the empty query");
    TAP_INTEQ(zsq_parse(seg, NULL, 3, &pq, err, sizeof err, &off), ZS_EINVAL, "NULL text");
    TAP_INTEQ(zsq_parse(NULL, "a", 1, &pq, err, sizeof err, &off), ZS_EINVAL, "NULL seg");
    TAP_INTEQ(zsq_parse(seg, "a", 1, NULL, err, sizeof err, &off), ZS_EINVAL, "NULL out");
    char tiny[8];
    TAP_INTEQ(zsq_parse(seg, "(a", 2, &pq, tiny, sizeof tiny, &off), ZS_ESYNTAX,
              "tiny error buffer");
    TAP_INTEQ(strlen(tiny), sizeof tiny - 1, "message truncated, terminated");
    TAP_INTEQ(zsq_parse(seg, "(a", 2, &pq, NULL, 0, NULL), ZS_ESYNTAX, "NULL err is fine");
    zsq_parsed_free(NULL);

    /* An embedded NUL separates words instead of cutting the query. */
    TAP_INTEQ(zsq_parse(seg, "a\0b", 3, &pq, err, sizeof err, &off), 0, "embedded NUL");
    if (pq)
        TAP_STREQ(pq->match_all, "\"a\" AND \"b\"", "NUL is a separator");
    zsq_parsed_free(pq);

    /* Invalid UTF-8. */
    TAP_INTEQ(zsq_parse(seg, "ab \xE5\x85", 5, &pq, err, sizeof err, &off), ZS_ESYNTAX,
              "truncated UTF-8");
    TAP_STREQ(err, "query is not valid UTF-8 at byte 3", "its message");
}

/*
 * Random queries built from the language's pieces: never crash, and every
 * success is safe syntax that FTS5 accepts.
 */
static void run_random(void)
{
    static const char *const parts[] = {
        "a",       "b",       "OR",      "AND",    "NOT",     "-",  "(",     ")",
        "\"",      "*",       "高新区",  "六盘水", "签约",    "：", "park:", "year:",
        "figure:", "2024",    "..",      ">",      "100亿元", "，", " ",     " ",
        "date:",   "source:", "2019-10", "-02-30", "年",      "月", "C#",    "\xEE\x80\x80",
        "＂",      "（",      "）",      "－",     "“",       "”",  "x:",    "\\",
        "NEAR",    "^",       "{body}",  "'",      ";",       "--"};
    const size_t np = sizeof parts / sizeof parts[0];
    unsigned x = 12345;
    int bad = 0, ok = 0, rejected = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char q[256];
        size_t k = 0;
        int len = 1 + (int)((x >> 8) % 12);
        for (int i = 0; i < len; i++) {
            x = x * 1103515245u + 12345u;
            const char *p = parts[(x >> 16) % np];
            size_t pn = strlen(p);
            if (k + pn >= sizeof q)
                break;
            memcpy(q + k, p, pn);
            k += pn;
        }
        zsq_parsed *pq = NULL;
        char err[256];
        size_t off = 0;
        int rc = zsq_parse(seg, q, k, &pq, err, sizeof err, &off);
        if (rc) {
            rejected++;
            if (off > k || !err[0] || (rc != ZS_ESYNTAX && rc != ZS_ELIMIT)) {
                if (bad++ < 5)
                    tap_diag("bad error for [%.*s]: %d @%zu %s", (int)k, q, rc, off, err);
            }
            continue;
        }
        ok++;
        const char *m[2] = {pq->match_all, pq->match_any};
        for (int j = 0; j < 2; j++) {
            if ((*m[j] && zs_match_unsafe(m[j])) || (db && *m[j] && fts_count(m[j]) < 0)) {
                if (bad++ < 5)
                    tap_diag("bad rendering of [%.*s]: %s", (int)k, q, m[j]);
            }
        }
        zsq_parsed_free(pq);
    }
    tap_diag("random: %d parsed, %d rejected", ok, rejected);
    TAP_INTEQ(bad, 0, "20 000 random queries: no bad error, every rendering safe and accepted");
}

/* What the renderings find in a small FTS5 table using the zhaoshu tokenizer. */
static void run_fts(void)
{
    static const struct {
        const char *q;
        int all, any; /* expected row counts */
    } cases[] = {
        /* row 1: 六盘水高新区签约金额达135.34亿元  row 2: 贵阳高新区签约项目
           row 3: 六盘水的煤炭  row 4: C# and Python */
        {"六盘水高新区签约金额", 1, 3},
        {"高新区 签约", 2, 2},
        {"高新区 -贵阳", 1, 1},
        {"\"六盘水高新区\"", 1, 1},
        {"\"高新区签约金额\"", 1, 1},
        {"六盘水 OR 贵阳", 3, 3},
        {"C#", 1, 1},
        {"pyth*", 1, 1},
        {"签约 -\"贵阳高新区\"", 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zsq_parsed *pq = NULL;
        char err[256];
        size_t off;
        if (!tap_ok(zsq_parse(seg, cases[i].q, strlen(cases[i].q), &pq, err, sizeof err, &off) == 0,
                    "fts: [%s] parses", cases[i].q)) {
            tap_diag("%s", err);
            continue;
        }
        TAP_INTEQ(fts_count(pq->match_all), cases[i].all, "fts: match_all of [%s] finds rows",
                  cases[i].q);
        TAP_INTEQ(fts_count(pq->match_any), cases[i].any, "fts: match_any of [%s] finds rows",
                  cases[i].q);
        zsq_parsed_free(pq);
    }
}

static void open_db(void)
{
    const char *msg = NULL;
    if (sqlite3_open(":memory:", &db) || zss_fts5_register(db, &msg) ||
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zhaoshu');"
                     "INSERT INTO t VALUES('六盘水高新区签约金额达135.34亿元');"
                     "INSERT INTO t VALUES('贵阳高新区签约项目');"
                     "INSERT INTO t VALUES('六盘水的煤炭');"
                     "INSERT INTO t VALUES('C# and Python');",
                     NULL, NULL, NULL)) {
        tap_diag("no FTS5 check: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_close(db);
        db = NULL;
    }
}

/* A zone's name typed in a word is one phrase, or-ed with its other names. */
static void run_zones(void)
{
    static const struct {
        const char *q, *has, *lacks;
    } C[] = {
        /* the short form finds the official one, and stays one phrase */
        {"成都高新区", "\"成都高新技术产业开发区\"", "\"成都\" AND"},
        /* the official form finds the short one */
        {"重庆两江新区", "\"两江新区\"", "\"重庆\" AND"},
        /* words around the name are split as before */
        {"贵阳高新区企业", "\"企业\"", "\"贵阳高新区企业\""},
        /* no zone: as without the gazetteer (has NULL) */
        {"签约金额增长", NULL, "OR"},
    };
    zsi_gazetteer *g = NULL;
    char err[256];
    if (!tap_ok(zsi_gazetteer_open(&g, err, sizeof err) == 0, "gazetteer loads (%s)", err))
        return;
    for (size_t i = 0; i < sizeof C / sizeof *C; i++) {
        zsq_parsed *pq = NULL;
        size_t off = 0;
        int rc = zsq_parse_zones(seg, g, C[i].q, strlen(C[i].q), &pq, err, sizeof err, &off);
        char plain[1024] = "";
        zsq_parsed *pp = NULL;
        if (!C[i].has && zsq_parse(seg, C[i].q, strlen(C[i].q), &pp, err, sizeof err, &off) == 0)
            snprintf(plain, sizeof plain, "%s", pp->match_all);
        zsq_parsed_free(pp);
        const char *has = C[i].has ? C[i].has : plain;
        tap_ok(rc == 0 && has[0] && strstr(pq->match_all, has) &&
                   !strstr(pq->match_all, C[i].lacks),
               "zone query [%s] -> %s (has %s, lacks %s)", C[i].q, rc ? err : pq->match_all, has,
               C[i].lacks);
        if (!rc)
            check_rendered("match_all", C[i].q, pq->match_all);
        zsq_parsed_free(pq);
    }
    zsi_gazetteer_free(g);
}

typedef struct lazy_gaz {
    const zsi_gazetteer *g;
    int opened;
} lazy_gaz;

static const struct zsi_gazetteer *open_lazy(void *ctx)
{
    lazy_gaz *l = ctx;
    l->opened++;
    return l->g;
}

/* zsq_parse_query_lazy: the same parse as with the gazetteer given, which
 * it opens (once) only for a query with a bare word of two characters or
 * more, where a zone's name could be. */
static void run_lazy_zones(void)
{
    static const struct {
        const char *q;
        int opens;
    } C[] = {
        {"成都高新区", 1},     {"贵阳高新区企业 签约", 1}, {"企业", 1}, {"park:贵阳高新区 的", 0},
        {"的", 0},             {"\"营业收入\"", 0},        {"煤 诗", 0}, {"\"成都高新区\" 的", 0},
    };
    zsi_gazetteer *g = NULL;
    char err[256];
    if (!tap_ok(zsi_gazetteer_open_names(&g, err, sizeof err) == 0, "gazetteer loads (%s)", err))
        return;
    for (size_t i = 0; i < sizeof C / sizeof *C; i++) {
        lazy_gaz l = {g, 0};
        zsq_parsed *a = NULL, *b = NULL;
        size_t off = 0, n = strlen(C[i].q);
        int ra = zsq_parse_query(seg, g, C[i].q, n, 0, &a, err, sizeof err, &off);
        int rb = zsq_parse_query_lazy(seg, open_lazy, &l, C[i].q, n, 0, &b, err, sizeof err, &off);
        tap_ok(ra == 0 && rb == 0 && strcmp(a->match_all, b->match_all) == 0 &&
                   strcmp(a->match_any, b->match_any) == 0 && l.opened == C[i].opens,
               "lazy zones [%s]: %s, gazetteer opened %d time(s), want %d", C[i].q,
               rb ? err : b->match_all, l.opened, C[i].opens);
        zsq_parsed_free(a);
        zsq_parsed_free(b);
    }
    zsi_gazetteer_free(g);
}

int main(int argc, char **argv)
{
    if (!tap_ok(argc == 2, "usage: test_parse parse.test"))
        return tap_done();
    if (!tap_ok(zs_seg_open(&seg) == 0, "segmenter opens"))
        return tap_done();
    open_db();
    tap_ok(db != NULL, "FTS5 table with the zhaoshu tokenizer");
    run_file(argv[1]);
    tap_diag("%d cases from %s", ncases, argv[1]);
    tap_ok(ncases >= 40, "at least 40 cases in the file");
    run_api();
    if (db)
        run_fts();
    run_random();
    run_zones();
    run_lazy_zones();
    sqlite3_close(db);
    zs_seg_free(seg);
    return tap_done();
}
