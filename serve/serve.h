/*
 * serve.h - private interface of `zhaoshu serve` (serve/): the HTTP server,
 * its JSON API and the page it serves.
 *
 * The layers of this folder, each file one concern:
 *   buf.c      a growable byte buffer with JSON and number appends
 *   request.c  the request line's URI: path and query arguments, decoded
 *              and checked (the parser of outside input; tests/fuzz/fuzz_serve.c)
 *   api.c      /api/...: arguments to library calls, results to JSON
 *   route.c    one request to one response (assets, API, errors, headers),
 *              with no HTTP library in sight, so tests and the fuzz target
 *              can call it directly
 *   http.c     libmicrohttpd: listening, threads, one read handle per
 *              thread, signals, limits on connections and request sizes
 *   main.c     the zhaoshu-serve command line
 *
 * Like cli/, this folder uses only the public header zhaoshu.h. It never
 * opens the index for writing and never maps a request to a file name: the
 * only things served are the embedded page assets and what the library
 * returns from the index.
 */
#ifndef ZS_SERVE_H
#define ZS_SERVE_H

#include <stddef.h>

#include "zhaoshu.h"

/* ---- limits (every one a request can push against) ---- */

/* Longest request URI (path and query string), bytes. */
#define SERVE_MAX_URI 8192
/* Most query arguments in one request. */
#define SERVE_MAX_ARGS 32
/* Most hits one /api/search request returns (n). */
#define SERVE_MAX_N 100
/* Deepest result a search may page to (offset + n). */
#define SERVE_MAX_WINDOW 1000
/* Most rows one /api/figures request returns. */
#define SERVE_MAX_FIGURES 5000
/* Most passages /api/doc returns around its passage, each side (also the
 * default: an article is read whole). */
#define SERVE_MAX_CONTEXT 500
/* Bytes of a request's headers and body MHD may hold per connection. */
#define SERVE_MAX_REQUEST_BYTES (64u * 1024u)
/* Connections served at once; more are refused by the listening socket. */
#define SERVE_MAX_CONNECTIONS 256
/* Seconds an idle connection stays open. */
#define SERVE_IDLE_TIMEOUT 30
/* Default time limit of one query, milliseconds. */
#define SERVE_DEFAULT_QUERY_MS 5000

/* ---- interface to buf.c ---- */

/* A growable buffer. Zero-initialise; free with sb_free(). After a failed
 * allocation every append is ignored and oom is set. */
typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;

void sb_put(sbuf *b, const char *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s[0..n) as a JSON string (zs_json_str). */
void sb_json_str(sbuf *b, const char *s, size_t n);
/* Append what a zs_*_json writer writes: fn(obj, buf, cap). */
typedef size_t (*sb_json_fn)(const void *obj, char *buf, size_t cap);
void sb_json(sbuf *b, sb_json_fn fn, const void *obj);
void sb_free(sbuf *b);

/* ---- interface to request.c ---- */

typedef struct serve_arg {
    const char *key;
    const char *val; /* decoded, NUL-terminated, valid UTF-8 */
    size_t nval;
} serve_arg;

/* A parsed request URI. Strings point into store. */
typedef struct serve_req {
    const char *path; /* decoded, begins with '/' */
    serve_arg args[SERVE_MAX_ARGS];
    size_t nargs;
    char store[SERVE_MAX_URI + SERVE_MAX_ARGS + 2];
} serve_req;

/*
 * Parse uri[0..n) ("/path?k=v&k2=v2"): percent-decoding, '+' as space in
 * the query, no NUL, valid UTF-8, no key twice, within the limits above.
 * @return 0, or an HTTP status (400, 414) with a one-line reason in err.
 */
int serve_req_parse(serve_req *r, const char *uri, size_t n, char *err, size_t errcap);

/* The value of key, or NULL when absent. */
const char *serve_req_arg(const serve_req *r, const char *key);

/* ---- interface to route.c and api.c ---- */

/* Settings shared by every thread (read-only once serving). */
typedef struct serve_cfg {
    const char *dbpath;
    unsigned query_ms; /* time limit of one query */
    int loopback_only; /* listening on loopback: Host must name it (DNS rebinding) */
    unsigned port;     /* the port bound, for that Host check */
} serve_cfg;

/* One thread's state: its read handle, opened on first need. */
typedef struct serve_thread {
    const serve_cfg *cfg;
    zs_db *db;
    serve_req req; /* the request being answered (8 KiB: not on the stack) */
} serve_thread;

/* A response. Body is either body (owned) or a static asset. */
typedef struct serve_resp {
    int status;
    const char *type;
    sbuf body;
    const char *asset;
    size_t nasset;
    int api;           /* JSON from the index: no caching */
    const char *allow; /* for 405: the Allow header */
} serve_resp;

/*
 * Answer one request. method and host (the Host header, may be NULL) as the
 * client sent them. Never fails: errors become JSON error responses.
 * Ownership: caller frees resp with serve_resp_free().
 */
void serve_route(serve_thread *t, const char *method, const char *host, const char *uri, size_t n,
                 serve_resp *resp);
void serve_resp_free(serve_resp *resp);

/* Headers every response carries (name, value pairs, NULL-terminated). */
extern const char *const serve_headers[];

/* Set resp to a JSON error: {"error": msg, "status": status}. */
void serve_error(serve_resp *resp, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The API: path below /api/ (e.g. "search"). Sets resp. */
void serve_api(serve_thread *t, const char *name, const serve_req *r, serve_resp *resp);

/* Close a thread's read handle. Accepts NULL members. */
void serve_thread_close(serve_thread *t);

/* ---- interface to assets.c ---- */

/* The embedded asset at path ("/", "/app.js", ...): its type, bytes and
 * length (static storage). @return 0, or -1 when there is none. */
int serve_asset_find(const char *path, const char **type, const char **data, size_t *len);

/* ---- interface to http.c ---- */

/* Options of zhaoshu serve. */
typedef struct serve_opts {
    const char *dbpath;
    const char *listen; /* "HOST:PORT", "[V6]:PORT" or "PORT"; port 0 = any free port */
    unsigned threads;   /* 0 = one per core, at least 2 */
    unsigned query_ms;
} serve_opts;

/*
 * Serve until SIGINT or SIGTERM. Prints the URL on stdout once listening
 * (so scripts can read the port chosen for port 0), errors on stderr.
 * @return the exit code: 0 after a clean stop, 2 when it could not start.
 */
int serve_run(const serve_opts *o);

#endif
