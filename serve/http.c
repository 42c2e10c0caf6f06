/*
 * http.c - libmicrohttpd underneath route.c: listening, threads, signals.
 *
 * A pool of threads answers requests; each thread opens its own read-only
 * handle on first need (the library's rule: one handle per thread) and
 * closes it when the pool stops. SIGINT and SIGTERM are blocked in every
 * thread and taken by sigwait() in the main one, which stops the daemon:
 * requests in flight finish, handles close, the process exits 0.
 *
 * The raw request URI comes from MHD's URI log callback, before MHD decodes
 * anything, so that request.c alone decides what a URI means.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <microhttpd.h>

#include "serve.h"

static serve_cfg cfg;
static pthread_key_t thread_key;

static void thread_free(void *p)
{
    serve_thread *t = p;
    serve_thread_close(t);
    free(t);
}

static serve_thread *thread_state(void)
{
    serve_thread *t = pthread_getspecific(thread_key);
    if (t)
        return t;
    if (!(t = calloc(1, sizeof *t)))
        return NULL;
    t->cfg = &cfg;
    if (pthread_setspecific(thread_key, t)) {
        free(t);
        return NULL;
    }
    return t;
}

/* Per request: its raw URI, kept from the URI log callback (freed in done()). */
typedef struct req_state {
    int started; /* the access handler has seen this request */
    int body;    /* the client sent a body (the API takes none) */
    char uri[];
} req_state;

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls, (void)c;
    size_t n = uri ? strlen(uri) : 0;
    /* A URI over the limit is cut to one byte over it: request.c then
     * refuses it by its length, without this copy growing. */
    if (n > SERVE_MAX_URI + 1)
        n = SERVE_MAX_URI + 1;
    req_state *st = malloc(sizeof *st + n + 1);
    if (!st)
        return NULL;
    st->started = st->body = 0;
    if (n)
        memcpy(st->uri, uri, n);
    st->uri[n] = '\0';
    return st;
}

static void done(void *cls, struct MHD_Connection *c, void **req,
                 enum MHD_RequestTerminationCode tc)
{
    (void)cls, (void)c, (void)tc;
    free(*req);
    *req = NULL;
}

static enum MHD_Result send_resp(struct MHD_Connection *c, const serve_resp *r)
{
    struct MHD_Response *m;
    if (r->asset)
        m = MHD_create_response_from_buffer(r->nasset, (void *)r->asset, MHD_RESPMEM_PERSISTENT);
    else
        m = MHD_create_response_from_buffer(r->body.len, r->body.p ? r->body.p : (void *)"",
                                            MHD_RESPMEM_MUST_COPY);
    if (!m)
        return MHD_NO;
    for (size_t i = 0; serve_headers[i]; i += 2)
        MHD_add_response_header(m, serve_headers[i], serve_headers[i + 1]);
    MHD_add_response_header(m, "Content-Type", r->type ? r->type : "text/plain; charset=utf-8");
    /* The API answers from an index that may be rebuilt; the assets change
     * with the binary: revalidate both. */
    MHD_add_response_header(m, "Cache-Control", r->api ? "no-store" : "no-cache");
    if (r->allow)
        MHD_add_response_header(m, "Allow", r->allow);
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, m);
    MHD_destroy_response(m);
    return ret;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *nupload, void **req)
{
    (void)cls, (void)url, (void)version, (void)upload;
    req_state *st = *req;
    serve_resp resp;
    memset(&resp, 0, sizeof resp);
    if (!st) {
        serve_error(&resp, 503, "out of memory");
        goto send;
    }
    /* Answer on the last call, once the request is read whole: MHD keeps
     * the connection alive only for a response queued then. A body (the API
     * takes none) is read and dropped, within MHD's memory limit. */
    if (!st->started) {
        st->started = 1;
        return MHD_YES;
    }
    if (*nupload) {
        st->body = 1;
        *nupload = 0;
        return MHD_YES;
    }
    serve_thread *t = thread_state();
    if (!t)
        serve_error(&resp, 503, "out of memory");
    else if (st->body && (!strcmp(method, "GET") || !strcmp(method, "HEAD")))
        serve_error(&resp, 413, "requests carry no body here (GET only)");
    else {
        const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
        serve_route(t, method, host, st->uri, strlen(st->uri), &resp);
    }
send:;
    enum MHD_Result ret = send_resp(c, &resp);
    serve_resp_free(&resp);
    return ret;
}

/* Parse "HOST:PORT", "[V6]:PORT" or "PORT" into a socket address. */
static int parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len, int *v6,
                        int *loopback)
{
    char host[64] = "127.0.0.1";
    const char *port = s;
    const char *colon = strrchr(s, ':');
    if (s[0] == '[') {
        const char *rb = strchr(s, ']');
        if (!rb || rb[1] != ':' || (size_t)(rb - s - 1) >= sizeof host)
            return -1;
        memcpy(host, s + 1, (size_t)(rb - s - 1));
        host[rb - s - 1] = '\0';
        port = rb + 2;
    } else if (colon) {
        if ((size_t)(colon - s) >= sizeof host)
            return -1;
        memcpy(host, s, (size_t)(colon - s));
        host[colon - s] = '\0';
        if (!host[0])
            strcpy(host, "127.0.0.1");
        if (!strcmp(host, "localhost"))
            strcpy(host, "127.0.0.1");
        port = colon + 1;
    }
    char *end;
    long p = strtol(port, &end, 10);
    if (!*port || *end || p < 0 || p > 65535)
        return -1;
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((unsigned short)p);
        *len = sizeof *a4;
        *v6 = 0;
        *loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
        return 0;
    }
    if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((unsigned short)p);
        *len = sizeof *a6;
        *v6 = 1;
        *loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
        return 0;
    }
    return -1;
}

/* Warn once, at the start, when the index's zones, years, figures and
 * metrics were extracted by another zhaoshu (as the CLI's readers do); an
 * index not there yet says nothing here (requests get 503). */
static void note_stale(const char *path)
{
    zs_open_opts oo = {.version = ZS_OPEN_OPTS_VERSION, .flags = ZS_OPEN_READONLY};
    zs_db *db = NULL;
    if (zs_db_open(&db, path, &oo) == 0 && zs_db_extractor_stale(db) == 1)
        fprintf(stderr,
                "zhaoshu: serve: this index was extracted by another version of zhaoshu: its "
                "zones, years, figures and metrics may be out of date; run zhaoshu index on its "
                "files to re-extract them (zhaoshu status says more)\n");
    zs_db_close(db);
}

int serve_run(const serve_opts *o)
{
    struct sockaddr_storage ss;
    socklen_t sslen;
    int v6 = 0, loopback = 0, sig;
    const char *addr = o->listen ? o->listen : "127.0.0.1:8080";
    if (parse_listen(addr, &ss, &sslen, &v6, &loopback)) {
        fprintf(stderr,
                "zhaoshu: serve: --listen takes HOST:PORT, [IPV6]:PORT or PORT "
                "(numeric addresses), not '%s'\n",
                addr);
        return 2;
    }
    unsigned threads = o->threads;
    if (!threads) {
        long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
        threads = ncpu > 2 ? (unsigned)ncpu : 2;
    }
    cfg.dbpath = o->dbpath;
    cfg.query_ms = o->query_ms ? o->query_ms : SERVE_DEFAULT_QUERY_MS;
    cfg.loopback_only = loopback;
    if (pthread_key_create(&thread_key, thread_free)) {
        fprintf(stderr, "zhaoshu: serve: cannot create thread state\n");
        return 2;
    }
    /* Block the stop signals before MHD starts its threads, which inherit
     * the mask: only sigwait() below ever sees them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    /* Bind here rather than in MHD, so that the port (chosen by the kernel
     * for port 0) is known before the first request can arrive. */
    int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
    struct sockaddr_storage bound;
    socklen_t blen = sizeof bound;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
        bind(fd, (struct sockaddr *)&ss, sslen) || listen(fd, 128) ||
        getsockname(fd, (struct sockaddr *)&bound, &blen)) {
        fprintf(stderr, "zhaoshu: serve: cannot addr on %s: %s\n", addr, strerror(errno));
        if (fd >= 0)
            close(fd);
        pthread_key_delete(thread_key);
        return 2;
    }
    cfg.port = ntohs(v6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
                        : ((struct sockaddr_in *)&bound)->sin_port);
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (v6)
        flags |= MHD_USE_IPv6;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (unsigned short)cfg.port, NULL, NULL, handle, NULL, MHD_OPTION_LISTEN_SOCKET, fd,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, done, NULL, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)SERVE_MAX_REQUEST_BYTES, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)SERVE_MAX_CONNECTIONS, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)SERVE_IDLE_TIMEOUT, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "zhaoshu: serve: cannot start the HTTP server on %s\n", addr);
        close(fd);
        pthread_key_delete(thread_key);
        return 2;
    }
    note_stale(o->dbpath);
    unsigned port = cfg.port;
    char shown[80];
    inet_ntop(ss.ss_family,
              v6 ? (void *)&((struct sockaddr_in6 *)&ss)->sin6_addr
                 : (void *)&((struct sockaddr_in *)&ss)->sin_addr,
              shown, sizeof shown);
    printf("zhaoshu: serving %s (read-only) at http://%s%s%s:%u/\n", o->dbpath, v6 ? "[" : "",
           shown, v6 ? "]" : "", port);
    if (!loopback)
        printf("zhaoshu: warning: listening beyond this machine: anyone who can reach %s can "
               "read the index\n",
               shown);
    fflush(stdout);
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "zhaoshu: serve: %s: stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    MHD_stop_daemon(d);
    pthread_key_delete(thread_key);
    return 0;
}
