/*
 * render.c - zhaoshu's parsed query as a Sphinx extended-syntax query.
 *
 * The input is the tree as query/parse.c serializes it for FTS5, a small
 * language that parse.c alone writes: double-quoted terms ("" inside for a
 * quote), a * right after a term for a prefix, the operators AND, OR and
 * NOT, and parentheses; OR and AND children that are groups are always
 * parenthesized, so no precedence rule of either engine is relied on
 * (FTS5 binds AND tighter, Sphinx binds OR tighter).
 *
 * Each term becomes what FTS5 makes of it with the zhaoshu tokenizer: a
 * phrase of the tokens of zs_seg_run(QUERY [| PREFIX]), without colocated
 * ones. The export wrote the same tokens into the full-text fields, so a
 * phrase here matches exactly the passages the phrase matches locally.
 *
 * Safety: every byte of a token that is not a letter or digit is escaped
 * with a backslash, and the whole string later goes into a SphinxQL string
 * literal through zsc_buf_sql_literal(); no user byte becomes syntax.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster_int.h"

typedef struct rctx {
    zsc_buf *out;
    int ntok;
} rctx;

/* Sphinx's query operators and the escape itself. */
static int special(unsigned char c)
{
    return c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                         (c >= 'A' && c <= 'Z') || c == '_' || c == '.');
}

static int add_tok(void *ctx, const zs_token *t)
{
    rctx *r = ctx;
    if (t->colocated)
        return 0;
    if (r->ntok++)
        zsc_buf_add(r->out, " ", 1);
    for (size_t i = 0; i < t->len; i++) {
        unsigned char c = (unsigned char)t->text[i];
        if (special(c))
            zsc_buf_add(r->out, "\\", 1);
        zsc_buf_add(r->out, t->text + i, 1);
    }
    return r->out->oom ? ZS_ENOMEM : 0;
}

/* The term starting at the quote fts[*i]; *i moves past it (and a *). */
static int term(zs_seg *seg, const char *fts, size_t *i, zsc_buf *out, zsc_buf *tmp)
{
    size_t k = *i + 1;
    tmp->n = 0;
    for (;;) {
        if (!fts[k])
            return ZS_ESYNTAX;
        if (fts[k] == '"') {
            if (fts[k + 1] != '"')
                break;
            k++;
        }
        zsc_buf_add(tmp, fts + k, 1);
        k++;
    }
    k++;
    int prefix = fts[k] == '*';
    if (prefix)
        k++;
    *i = k;
    rctx r = {out, 0};
    zsc_buf_add(out, "\"", 1);
    int rc = zs_seg_run(seg, tmp->p ? tmp->p : "", tmp->n,
                        ZS_SEG_QUERY | (prefix ? ZS_SEG_PREFIX : 0u), add_tok, &r);
    if (rc)
        return rc;
    if (prefix && r.ntok)
        zsc_buf_add(out, "*", 1);
    zsc_buf_add(out, "\"", 1);
    /* a term without tokens would be an empty phrase, which Sphinx rejects;
     * parse.c drops such terms, so this is not its output */
    return r.ntok ? 0 : ZS_ESYNTAX;
}

static int keyword(const char *p, const char *kw)
{
    size_t n = strlen(kw);
    return !strncmp(p, kw, n) && (p[n] == ' ' || p[n] == '(' || p[n] == '"' || !p[n]);
}

/* Items side by side are ANDed: a space between a closed item and the next. */
static void sep(zsc_buf *b)
{
    if (b->n && (b->p[b->n - 1] == '"' || b->p[b->n - 1] == ')'))
        zsc_buf_add(b, " ", 1);
}

int zsc_render_match(zs_seg *seg, const char *fts, char **out)
{
    zsc_buf b = {0}, tmp = {0};
    int rc = 0;
    *out = NULL;
    for (size_t i = 0; fts[i] && !rc;) {
        char c = fts[i];
        if (c == ' ') {
            i++;
        } else if (c == '(' || c == ')') {
            if (c == '(')
                sep(&b);
            zsc_buf_add(&b, &fts[i], 1);
            i++;
        } else if (c == '"') {
            sep(&b);
            rc = term(seg, fts, &i, &b, &tmp);
        } else if (keyword(fts + i, "AND")) {
            zsc_buf_add(&b, " ", 1);
            i += 3;
        } else if (keyword(fts + i, "OR")) {
            zsc_buf_add(&b, " | ", 3);
            i += 2;
        } else if (keyword(fts + i, "NOT")) {
            zsc_buf_add(&b, " -", 2);
            i += 3;
        } else {
            rc = ZS_ESYNTAX;
        }
    }
    free(tmp.p);
    if (!rc && b.oom)
        rc = ZS_ENOMEM;
    if (rc) {
        free(b.p);
        return rc;
    }
    *out = b.p ? b.p : strdup("");
    return *out ? 0 : ZS_ENOMEM;
}
