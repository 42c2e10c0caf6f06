/*
 * fuzz_serve.c - libFuzzer target for the request handling of zhaoshu serve
 * (serve/request.c and serve/route.c, down into the API and the library).
 *
 * The input is a request URI as a client sends it ("/api/search?q=..."),
 * except that a first byte below 0x20 picks the method (0: GET, 1: HEAD,
 * 2: POST) and the Host header (bit 2: "evil.example"). Each input is
 * answered the way the server answers it, against a small index made on the
 * first call, and must never crash, leak or read out of bounds; the answer
 * must carry a real HTTP status and a type; a parsed request must hold only
 * NUL-free UTF-8; every API answer must be one JSON object and every error
 * one with its status. A violation aborts, so libFuzzer reports the input.
 *
 * Built with clang -fsanitize=fuzzer (tests/fuzz/run); replay.c runs it over
 * its seed corpus (tests/fuzz/corpus_serve/) as an ordinary test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dbpath[64];

static void cleanup(void)
{
    char wal[80];
    unlink(dbpath);
    snprintf(wal, sizeof wal, "%s-wal", dbpath);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", dbpath);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-lock", dbpath);
    unlink(wal);
}

/* A tiny index with a zone, figures, a conflict and hostile markup. */
static void make_index(void)
{
    static const char *const docs[][2] = {
        {"a.txt", "六盘水高新区发布会\n\n“十四五”期间，六盘水高新区累计引进项目100个，签约金额"
                  "135.34亿元；2024年，经营主体总量突破1.06万户。\n"},
        {"b.txt", "测试<script>alert(1)</script>\n\n六盘水高新区签约金额突破1353.4亿元，"
                  "\"><img src=x onerror=alert(2)>同比增长8%。\n"},
    };
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_CREATE};
    zs_db *db = NULL;
    snprintf(dbpath, sizeof dbpath, "/tmp/zs-fuzz-serve-XXXXXX");
    int fd = mkstemp(dbpath);
    if (fd < 0)
        abort();
    close(fd);
    unlink(dbpath);
    if (zs_db_open(&db, dbpath, &oo))
        abort();
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        if (zs_index_buffer(db, docs[i][0], docs[i][1], strlen(docs[i][1]), NULL))
            abort();
    zs_db_close(db);
    atexit(cleanup);
}

static int valid_utf8_nul_free(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] >> 6) != 2)
                return 0;
        i += k;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static serve_cfg cfg;
    static serve_thread *t;
    static serve_req req;
    if (!t) {
        make_index();
        cfg.dbpath = dbpath;
        cfg.query_ms = 2000;
        cfg.loopback_only = 1;
        cfg.port = 8080;
        if (!(t = calloc(1, sizeof *t)))
            abort();
        t->cfg = &cfg;
    }
    const char *method = "GET", *host = "127.0.0.1:8080";
    if (size && data[0] < 0x20) {
        method = (data[0] & 3) == 1 ? "HEAD" : (data[0] & 3) == 2 ? "POST" : "GET";
        if (data[0] & 4)
            host = "evil.example";
        data++, size--;
    }
    char err[256];
    if (serve_req_parse(&req, (const char *)data, size, err, sizeof err) == 0) {
        if (req.path[0] != '/' || !valid_utf8_nul_free(req.path, strlen(req.path)))
            abort();
        for (size_t i = 0; i < req.nargs; i++)
            if (!req.args[i].key[0] || !valid_utf8_nul_free(req.args[i].val, req.args[i].nval) ||
                !valid_utf8_nul_free(req.args[i].key, strlen(req.args[i].key)))
                abort();
    } else if (!err[0]) {
        abort();
    }
    serve_resp resp;
    serve_route(t, method, host, (const char *)data, size, &resp);
    if (resp.status < 200 || resp.status > 599 || !resp.type)
        abort();
    if (resp.api || resp.status >= 400) {
        const char *b = resp.body.p;
        size_t n = resp.body.len;
        if (!b || n < 3 || b[0] != '{' || b[n - 2] != '}' || b[n - 1] != '\n' || strlen(b) != n)
            abort();
        if (resp.status >= 400 && !strstr(b, "\"error\":"))
            abort();
    } else if (!resp.asset) {
        abort();
    }
    serve_resp_free(&resp);
    return 0;
}
