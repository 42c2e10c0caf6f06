/*
 * fts5_tok.c - the segmenter as the SQLite FTS5 tokenizer "zhaoshu".
 *
 * A thin adapter: FTS5's flags map to segmenter modes (QUERY and PREFIX to
 * the query modes, DOCUMENT and AUX to the document mode, so that auxiliary
 * functions see exactly the indexed tokens) and colocated tokens become
 * FTS5_TOKEN_COLOCATED. Debian 12 ships SQLite 3.40, so this is the v1
 * fts5_tokenizer interface.
 *
 * Pre-tokenized replay: indexing segments text on worker threads; the single
 * writer thread then inserts it. zss_pretok_set() names, per thread, the texts
 * (one per column) whose tokens are already known, and xTokenize replays them instead
 * of running ICU a second time in the writer. The text is matched by
 * content: SQLite passes FTS5 a copy of the bound value.
 */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "segment_int.h"

/* zss_pretok_tok.colocated is given to xToken as its flags */
_Static_assert(FTS5_TOKEN_COLOCATED == 1, "a colocated token's flag is 1");

static _Thread_local const zss_pretok *tls_pretok;
static _Thread_local size_t tls_npretok;

void zss_pretok_set(const zss_pretok *pt, size_t n)
{
    tls_pretok = pt;
    tls_npretok = pt ? n : 0;
}

static int pretok_add(void *ctx, const zs_token *t)
{
    zss_pretok *pt = ctx;
    if (pt->ntoks == pt->captoks) {
        /* Sized to the text, not fixed: a passage's four columns used to
         * start at 80 KB, 9 GB for six 21 MB files of short lines. */
        size_t cap = pt->captoks ? pt->captoks * 2 : pt->n / 3 + 8;
        zss_pretok_tok *nt = realloc(pt->toks, cap * sizeof *nt);
        if (!nt)
            return ZS_ENOMEM;
        pt->toks = nt;
        pt->captoks = cap;
    }
    if (pt->nstrings + t->len > pt->capstrings) {
        size_t cap = pt->capstrings ? (pt->capstrings + t->len) * 2 : pt->n + t->len + 16;
        char *ns = realloc(pt->strings, cap);
        if (!ns)
            return ZS_ENOMEM;
        pt->strings = ns;
        pt->capstrings = cap;
    }
    if (t->len == 3) /* a Han character: most tokens */
        memcpy(pt->strings + pt->nstrings, t->text, 3);
    else
        memcpy(pt->strings + pt->nstrings, t->text, t->len);
    pt->toks[pt->ntoks++] =
        (zss_pretok_tok){(uint32_t)pt->nstrings, (uint16_t)t->len, (uint16_t)(t->colocated != 0),
                         (uint32_t)t->start, (uint32_t)t->end};
    pt->nstrings += t->len;
    /* fts5StorageInsertCallback(): szCol++ unless COLOCATED and szCol > 0 */
    pt->npos += !t->colocated || pt->npos == 0;
    return 0;
}

int zss_pretok_build(zs_seg *s, zss_pretok *pt, const char *text, size_t n)
{
    pt->text = text;
    pt->n = n;
    pt->ntoks = 0;
    pt->nstrings = 0;
    pt->npos = 0;
    return zss_seg_pretok(s, text, n, pretok_add, pt);
}

size_t zss_pretok_positions(const zss_pretok *pt)
{
    return pt->npos;
}

void zss_pretok_clear(zss_pretok *pt)
{
    free(pt->toks);
    free(pt->strings);
    memset(pt, 0, sizeof *pt);
}

typedef struct tok_ctx {
    void *fts_ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
} tok_ctx;

static int forward(void *ctx, const zs_token *t)
{
    tok_ctx *tc = ctx;
    return tc->xToken(tc->fts_ctx, t->colocated ? FTS5_TOKEN_COLOCATED : 0, t->text, (int)t->len,
                      (int)t->start, (int)t->end);
}

static int x_create(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut)
{
    zs_seg *s = NULL;
    (void)pCtx;
    (void)azArg;
    if (nArg > 0)
        return SQLITE_ERROR; /* no options yet: refuse rather than ignore */
    int rc = zs_seg_open(&s);
    if (rc)
        return rc == ZS_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    *ppOut = (Fts5Tokenizer *)s;
    return SQLITE_OK;
}

static void x_delete(Fts5Tokenizer *p)
{
    zs_seg_free((zs_seg *)p);
}

static int x_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *pText, int nText,
                      int (*xToken)(void *, int, const char *, int, int, int))
{
    if (nText < 0)
        return SQLITE_ERROR;
    /* SQLite hands FTS5 its own copy of the bound text, so the pointer never
     * matches: compare the bytes (cheap next to segmenting them again). */
    for (size_t k = 0; k < tls_npretok && flags == FTS5_TOKENIZE_DOCUMENT; k++) {
        const zss_pretok *pt = &tls_pretok[k];
        if (pt->n != (size_t)nText || (pt->text != pText && memcmp(pt->text, pText, pt->n)))
            continue;
        /* The arrays in locals: as far as the compiler knows, xToken may
         * write pt's fields, which were loaded again for every token (2.0
         * million on every 8th news article, FTS5's own work ~300
         * instructions each, ours 20). colocated is 0 or 1, FTS5's flag. */
        const zss_pretok_tok *t = pt->toks, *end = t + pt->ntoks;
        const char *strings = pt->strings;
        for (; t < end; t++) {
            int rc = xToken(pCtx, t->colocated, strings + t->text_off, t->text_len, (int)t->start,
                            (int)t->end);
            if (rc)
                return rc;
        }
        return SQLITE_OK;
    }
    unsigned mode = ZS_SEG_DOCUMENT;
    if (flags & FTS5_TOKENIZE_QUERY)
        mode = ZS_SEG_QUERY | ((flags & FTS5_TOKENIZE_PREFIX) ? ZS_SEG_PREFIX : 0);
    tok_ctx tc = {pCtx, xToken};
    int rc = zs_seg_run((zs_seg *)p, pText, (size_t)nText, mode, forward, &tc);
    if (rc == 0)
        return SQLITE_OK;
    if (rc > 0)
        return rc; /* an SQLite code returned by xToken */
    return rc == ZS_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
}

fts5_api *zss_fts5_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

int zss_fts5_register(sqlite3 *db, const char **err)
{
    static fts5_tokenizer tok = {x_create, x_delete, x_tokenize};
    fts5_api *api = zss_fts5_api(db);
    if (!api || api->iVersion < 2) {
        *err = "this SQLite has no FTS5 (fts5_api version 2 or later needed)";
        return ZS_ESQLITE;
    }
    if (api->xCreateTokenizer(api, ZSS_TOKENIZER_NAME, NULL, &tok, NULL) != SQLITE_OK) {
        *err = "could not register the zhaoshu FTS5 tokenizer";
        return ZS_ESQLITE;
    }
    return 0;
}
