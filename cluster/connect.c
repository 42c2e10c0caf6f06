/*
 * connect.c - the cluster engine's connection to searchd over the MySQL
 * protocol (libmariadb): the engine URL, opening and closing, running one
 * statement, and reading Sphinx's warnings, one per agent that did not
 * answer, into the query's missing shards (named by DESCRIBE of the
 * distributed index: HOST:PORT:INDEX_K).
 */
#include <stdlib.h>
#include <string.h>

#include "engine_int.h"

const char *zs_engine_errmsg(const zs_engine *e)
{
    return e ? e->err : "out of memory";
}

size_t zs_engine_error_offset(const zs_engine *e)
{
    return e ? e->err_off : 0;
}

/* sphinxql://HOST:PORT/INDEX (HOST may be [v6]). */
static int parse_url(zs_engine *e, const char *url)
{
    static const char scheme[] = "sphinxql://";
    const char *p = url, *h, *he;
    if (strncmp(p, scheme, sizeof scheme - 1))
        return efail(e, ZS_EINVAL, "engine URL '%s' does not start with sphinxql://", url);
    p += sizeof scheme - 1;
    if (*p == '[') {
        h = p + 1;
        if (!(he = strchr(h, ']')))
            return efail(e, ZS_EINVAL, "engine URL '%s': unclosed [", url);
        p = he + 1;
    } else {
        h = p;
        he = p + strcspn(p, ":/");
        p = he;
    }
    if (he == h || (size_t)(he - h) >= sizeof e->host)
        return efail(e, ZS_EINVAL, "engine URL '%s' has no host", url);
    memcpy(e->host, h, (size_t)(he - h));
    e->host[he - h] = '\0';
    if (*p != ':')
        return efail(e, ZS_EINVAL, "engine URL '%s' has no :PORT", url);
    char *end;
    long port = strtol(p + 1, &end, 10);
    if (end == p + 1 || port < 1 || port > 65535)
        return efail(e, ZS_EINVAL, "engine URL '%s': the port is not 1..65535", url);
    e->port = (unsigned)port;
    p = end;
    if (*p != '/' || !p[1])
        return efail(e, ZS_EINVAL, "engine URL '%s' names no /INDEX (zhaoshu, as exported)", url);
    p++;
    size_t n = strlen(p);
    if (n > ZSC_MAX_INDEX_NAME || strspn(p, "abcdefghijklmnopqrstuvwxyz"
                                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != n)
        return efail(e, ZS_EINVAL, "engine URL '%s': the index name is letters, digits and _", url);
    memcpy(e->index, p, n + 1);
    return 0;
}

int zs_engine_open(zs_engine **out, const char *url)
{
    char err[256];
    int rc;
    if (!out)
        return ZS_EINVAL;
    zs_engine *e = calloc(1, sizeof *e);
    *out = e;
    if (!e)
        return ZS_ENOMEM;
    if (!url)
        return efail(e, ZS_EINVAL, "no engine URL");
    if ((rc = parse_url(e, url)) != 0)
        return rc;
    if ((rc = zs_seg_open(&e->seg)) != 0)
        return efail(e, rc, "cannot open the segmenter");
    if ((rc = zsi_gazetteer_open_names(&e->gaz, err, sizeof err)) != 0)
        return efail(e, rc, "cannot load the zone gazetteer: %s", err);
    if (!(e->my = mysql_init(NULL)))
        return efail(e, ZS_ENOMEM, "out of memory");
    /* a node that is down should fail the query soon, not in minutes */
    unsigned connect_s = 3, io_s = 30, proto = MYSQL_PROTOCOL_TCP;
    mysql_options(e->my, MYSQL_OPT_CONNECT_TIMEOUT, &connect_s);
    mysql_options(e->my, MYSQL_OPT_READ_TIMEOUT, &io_s);
    mysql_options(e->my, MYSQL_OPT_WRITE_TIMEOUT, &io_s);
    mysql_options(e->my, MYSQL_OPT_PROTOCOL, &proto); /* "localhost" too, never a socket */
    if (!mysql_real_connect(e->my, e->host, NULL, NULL, NULL, e->port, NULL, 0))
        return efail(e, ZS_EIO, "cannot reach the cluster at %s:%u: %s", e->host, e->port,
                     mysql_error(e->my));
    return 0;
}

void zs_engine_close(zs_engine *e)
{
    if (!e)
        return;
    if (e->my)
        mysql_close(e->my);
    zs_seg_free(e->seg);
    zsi_gazetteer_free(e->gaz);
    free(e);
}

/* ------------------------------------------------------------------------
 * Statements, warnings and missing shards
 * ---------------------------------------------------------------------- */

static int add_missing(zs_equery *q, const char *line)
{
    for (size_t i = 0; i < q->nmissing; i++)
        if (!strcmp(q->missing[i], line))
            return 0;
    char **nm = realloc(q->missing, (q->nmissing + 1) * sizeof *nm);
    if (!nm)
        return ZS_ENOMEM;
    q->missing = nm;
    if (!(q->missing[q->nmissing] = strdup(line)))
        return ZS_ENOMEM;
    q->nmissing++;
    return 0;
}

/* The agents of the distributed index, "HOST:PORT:NAME", read once. */
static void describe(zs_equery *q)
{
    char sql[128];
    MYSQL_RES *res = NULL;
    MYSQL *my = q->e->my;
    if (q->described)
        return;
    q->described = 1;
    snprintf(sql, sizeof sql, "DESCRIBE %s", q->e->index);
    if (mysql_real_query(my, sql, strlen(sql)) || !(res = mysql_store_result(my)))
        return;
    MYSQL_ROW row;
    while ((row = mysql_fetch_row(res))) {
        if (!row[0] || !row[1] || strncmp(row[1], "remote", 6))
            continue;
        char **na = realloc(q->agents, (q->nagents + 1) * sizeof *na);
        if (!na)
            break;
        q->agents = na;
        if ((q->agents[q->nagents] = strdup(row[0])))
            q->nagents++;
    }
    mysql_free_result(res);
}

/*
 * Read the warnings of the last statement: each agent that did not answer
 * becomes a missing shard, "NAME at HOST:PORT: why".
 */
static int read_warnings(zs_equery *q)
{
    MYSQL *my = q->e->my;
    MYSQL_RES *res = NULL;
    char line[640];
    static const char sql[] = "SHOW WARNINGS";
    if (mysql_real_query(my, sql, sizeof sql - 1) || !(res = mysql_store_result(my)))
        return 0; /* the answer stands; only the warning is lost */
    size_t nf = mysql_num_fields(res);
    MYSQL_ROW row;
    char msgs[8][512];
    size_t nmsg = 0;
    while ((row = mysql_fetch_row(res)) && nmsg < 8)
        if (nf >= 3 && row[2])
            snprintf(msgs[nmsg++], sizeof msgs[0], "%s", row[2]);
    mysql_free_result(res);
    for (size_t i = 0; i < nmsg; i++) {
        const char *a = strstr(msgs[i], "agent ");
        if (!a || strstr(msgs[i], "remote warning"))
            continue;
        a += 6;
        const char *why = strstr(a, ": ");
        size_t alen = why ? (size_t)(why - a) : strlen(a);
        why = why ? why + 2 : "did not answer";
        describe(q);
        const char *name = NULL;
        size_t nlen = 0;
        for (size_t k = 0; k < q->nagents; k++)
            if (!strncmp(q->agents[k], a, alen) && q->agents[k][alen] == ':') {
                name = q->agents[k] + alen + 1;
                nlen = strlen(name);
            }
        if (name)
            snprintf(line, sizeof line, "%.*s at %.*s: %s", (int)nlen, name, (int)alen, a, why);
        else
            snprintf(line, sizeof line, "the agent at %.*s: %s", (int)alen, a, why);
        if (add_missing(q, line))
            return ZS_ENOMEM;
    }
    return 0;
}

int zsc_exec_sql(zs_equery *q, const char *sql, MYSQL_RES **res)
{
    MYSQL *my = q->e->my;
    *res = NULL;
    if (mysql_real_query(my, sql, strlen(sql)))
        return efail(q->e, ZS_EIO, "the cluster failed the query: %s", mysql_error(my));
    if (!(*res = mysql_store_result(my)))
        return efail(q->e, ZS_EIO, "the cluster returned no rows: %s", mysql_error(my));
    if (mysql_warning_count(my) && read_warnings(q))
        return efail(q->e, ZS_ENOMEM, "out of memory");
    return 0;
}

int zsc_exec_buf(zs_equery *q, zsc_buf *sql, MYSQL_RES **res)
{
    int rc = sql->oom ? efail(q->e, ZS_ENOMEM, "out of memory") : zsc_exec_sql(q, sql->p, res);
    free(sql->p);
    sql->p = NULL;
    return rc;
}

long long zsc_total_found(zs_equery *q)
{
    MYSQL_RES *res = NULL;
    long long total = -1;
    static const char sql[] = "SHOW META";
    if (mysql_real_query(q->e->my, sql, sizeof sql - 1) || !(res = mysql_store_result(q->e->my)))
        return -1;
    MYSQL_ROW row;
    while ((row = mysql_fetch_row(res)))
        if (row[0] && row[1] && !strcmp(row[0], "total_found"))
            total = atoll(row[1]);
    mysql_free_result(res);
    return total;
}
