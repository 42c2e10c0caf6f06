/*
 * seg.c - the zhaoshu segmenter: normalized text, ICU word breaks, tokens.
 *
 * Token scheme, and why. ICU's dictionary does not know park names or domain
 * words and cuts the same text differently depending on context (六盘水高新区
 * becomes six characters; 黔南州都匀 becomes 黔|南|州都|匀, so an index of ICU
 * words alone could never find 都匀). Recall must not depend on those cuts, so
 * every Han (or kana) character is a token of its own with its own position:
 * a query for any run of Chinese characters is a phrase of single characters
 * and finds every passage holding that run, whatever ICU did around it.
 * Words matter for ranking, and they come from the query: the parser asks for
 * ZS_SEG_WORDS, where each ICU word of two or more characters, and each
 * lexicon word, is added as a WORD token colocated with its first character,
 * and makes each query word one phrase, so BM25 counts words. The index does
 * not hold those WORD tokens: ICU's dictionary was 45% of the indexer's
 * segmenting time and the words 26% of its FTS5 tokens, and a phrase of
 * characters finds the same passages. Without WORDS, Han runs never reach ICU
 * (one token per character needs no dictionary); ICU breaks only the stretches
 * between them that hold letters or digits. Not bigrams: on 20 MB of real
 * prose, measured before the first line of zhaoshu (SQLite 3.40, one
 * thread), unigrams built at 5.8 MB/s into 2.2 x the text, unigrams plus
 * colocated bigrams at 1.9 MB/s into 3.3 x.
 *
 * Latin words are case folded (by normalization) and stemmed (libstemmer,
 * english). Letters glued to digits (100EFlops, 5G) are split into parts with
 * positions of their own, so each part finds them, and in DOCUMENT mode the
 * whole is colocated with the first part. Numbers stay whole (135.34) and lose
 * their thousands separators (1,234.5 -> 1234.5) so both spellings meet.
 *
 * No allocation per token: buffers live in the zs_seg and are reused.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "segment_int.h"
#include "util_int.h"

/* U+E000 opening a query string: emit the rest as one WORD token. */
static const char WORD_MARK[] = "\xEE\x80\x80";
/* U+E001 opening a document text: a field of space-separated names (the
 * park column). Each name is segmented as usual and also emitted whole, as
 * a WORD token, so a filter on one zone is a single-token lookup. */
static const char NAMES_MARK[] = "\xEE\x80\x81";

struct zs_seg {
    UBreakIterator *bi;
    const UNormalizer2 *nfkc;
    struct sb_stemmer *stem;
    zss_lexicon *lx;
    zss_norm nm;
    /* the current run of Han characters: start unit of each char, ICU word length */
    int32_t *hs;
    int32_t *hw;
    int32_t nrun, caprun;
    char tok[ZS_MAX_TOKEN_BYTES + 8];
    char err[256];
};

typedef struct emit_ctx {
    zs_seg *s;
    unsigned flags;
    zs_token_fn fn;
    void *ctx;
    zss_pretok *pt; /* fn's ctx when fn fills it (zss_seg_pretok()), else NULL */
} emit_ctx;

static int fail(zs_seg *s, int rc, const char *msg)
{
    snprintf(s->err, sizeof s->err, "%s", msg);
    return rc;
}

/*
 * What every segmenter open at once shares. A query process opens two (FTS5's
 * tokenizer and the query's), an index run one per worker and the writer's:
 * each ubrk_open() looked ICU's rules up again, and each lexicon load
 * normalized every word of lexicon.txt again, 0.09 M of the 1.97 M
 * instructions of a query process that finds nothing (callgrind). The break
 * iterator is cloned from one prototype, made once and kept for the process,
 * as metric_wb.c does. The lexicon, read-only once loaded, is shared by the
 * segmenters open together and freed with the last of them, so a segmenter
 * opened later reads the data files again, as before.
 */
static pthread_once_t bi_once = PTHREAD_ONCE_INIT;
static UBreakIterator *bi_proto;
static pthread_mutex_t lx_mu = PTHREAD_MUTEX_INITIALIZER;
static zss_lexicon *lx_shared;
static unsigned lx_users;

static void bi_init(void)
{
    UErrorCode st = U_ZERO_ERROR;
    bi_proto = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
    if (U_FAILURE(st))
        bi_proto = NULL;
}

/* A word break iterator of its own for one segmenter; NULL on failure. */
static UBreakIterator *bi_new(void)
{
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi;
    if (pthread_once(&bi_once, bi_init) != 0 || !bi_proto)
        return NULL;
    bi = ubrk_clone(bi_proto, &st);
    if (U_FAILURE(st)) {
        if (bi)
            ubrk_close(bi);
        return NULL;
    }
    return bi;
}

static int lexicon_take(zss_lexicon **out, const UNormalizer2 *nfkc)
{
    int rc = 0;
    pthread_mutex_lock(&lx_mu);
    if (!lx_shared)
        rc = zss_lexicon_open(&lx_shared, nfkc);
    if (!rc) {
        lx_users++;
        *out = lx_shared;
    }
    pthread_mutex_unlock(&lx_mu);
    return rc;
}

static void lexicon_drop(zss_lexicon *lx)
{
    if (!lx)
        return;
    pthread_mutex_lock(&lx_mu);
    if (lx == lx_shared && --lx_users == 0) {
        zss_lexicon_free(lx_shared);
        lx_shared = NULL;
    }
    pthread_mutex_unlock(&lx_mu);
}

void zs_seg_free(zs_seg *s)
{
    if (!s)
        return;
    if (s->bi)
        ubrk_close(s->bi);
    if (s->stem)
        sb_stemmer_delete(s->stem);
    lexicon_drop(s->lx);
    zss_norm_clear(&s->nm);
    ZSU_FREE(s->hs, s->hw, s);
}

int zs_seg_open(zs_seg **out)
{
    UErrorCode st = U_ZERO_ERROR;
    zs_seg *s = calloc(1, sizeof *s);
    int rc;

    *out = NULL;
    if (!s)
        return ZS_ENOMEM;
    s->nfkc = unorm2_getNFKCCasefoldInstance(&st);
    if (U_FAILURE(st) || !(s->bi = bi_new())) {
        rc = ZS_EICU;
        goto fail;
    }
    s->stem = sb_stemmer_new("english", "UTF_8");
    if (!s->stem) {
        rc = ZS_ENOMEM;
        goto fail;
    }
    if ((rc = lexicon_take(&s->lx, s->nfkc)) != 0)
        goto fail;
    *out = s;
    return 0;
fail:
    zs_seg_free(s);
    return rc;
}

const char *zs_seg_errmsg(const zs_seg *s)
{
    return s && s->err[0] ? s->err : "no error";
}

const char *zs_token_kind_name(zs_token_kind kind)
{
    switch (kind) {
    case ZS_TOK_HAN: return "han";
    case ZS_TOK_WORD: return "word";
    case ZS_TOK_LATIN: return "latin";
    case ZS_TOK_NUM: return "num";
    case ZS_TOK_MIXED: return "mixed";
    }
    return "unknown";
}

/*
 * UTF-8 of normalized units [a, b) into s->tok, dropping characters for which
 * drop() is true (commas in numbers), cut at ZS_MAX_TOKEN_BYTES on a code
 * point boundary. Returns the byte length.
 */
static size_t to_utf8(zs_seg *s, int32_t a, int32_t b, int drop_commas)
{
    const UChar *u = s->nm.u;
    size_t n = 0;
    for (int32_t i = a; i < b;) {
        UChar32 c;
        U16_NEXT(u, i, b, c);
        if (drop_commas && c == ',')
            continue;
        if (n + U8_LENGTH(c) > ZS_MAX_TOKEN_BYTES)
            break;
        U8_APPEND_UNSAFE((uint8_t *)s->tok, n, c);
    }
    s->tok[n] = '\0';
    return n;
}

static int emit(emit_ctx *e, size_t len, zs_token_kind kind, int32_t a, int32_t b, int coloc)
{
    zs_seg *s = e->s;
    if (len == 0)
        return 0;
    zs_token t = {s->tok, len, kind, s->nm.off_s[a], s->nm.off_e[b - 1], coloc};
    return e->fn(e->ctx, &t);
}

/* Stem an ASCII word in s->tok (length len) in place; returns new length. */
static size_t stem(zs_seg *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!((s->tok[i] >= 'a' && s->tok[i] <= 'z')))
            return len;
    const sb_symbol *r = sb_stemmer_stem(s->stem, (const sb_symbol *)s->tok, (int)len);
    int n = sb_stemmer_length(s->stem);
    if (!r || n <= 0 || (size_t)n > ZS_MAX_TOKEN_BYTES)
        return len;
    memcpy(s->tok, r, (size_t)n);
    s->tok[n] = '\0';
    return (size_t)n;
}

/* Emit the pending run of Han characters (ZS_SEG_WORDS): each one, then
 * the colocated words starting there. */
static int flush_run(emit_ctx *e, int32_t run_end)
{
    zs_seg *s = e->s;
    int32_t nc = s->nrun;
    int rc = 0;

    s->hs[nc] = run_end;
    for (int32_t k = 0; k < nc && !rc; k++) {
        size_t len = to_utf8(s, s->hs[k], s->hs[k + 1], 0);
        if ((rc = emit(e, len, ZS_TOK_HAN, s->hs[k], s->hs[k + 1], 0)) != 0)
            break;
        int32_t icu = s->hw[k];
        if (icu >= 2 && icu <= ZSS_MAX_WORD_CHARS && k + icu <= nc) {
            len = to_utf8(s, s->hs[k], s->hs[k + icu], 0);
            rc = emit(e, len, ZS_TOK_WORD, s->hs[k], s->hs[k + icu], 1);
        }
        int32_t maxu = zss_lexicon_maxlen(s->lx);
        for (int32_t l = 2; l <= ZSS_MAX_WORD_CHARS && k + l <= nc && !rc; l++) {
            int32_t units = s->hs[k + l] - s->hs[k];
            if (units > maxu)
                break;
            if (l == icu || !zss_lexicon_has(s->lx, s->nm.u + s->hs[k], units))
                continue;
            len = to_utf8(s, s->hs[k], s->hs[k + l], 0);
            rc = emit(e, len, ZS_TOK_WORD, s->hs[k], s->hs[k + l], 1);
        }
    }
    s->nrun = 0;
    return rc;
}

static int run_push(zs_seg *s, int32_t u16, int32_t wordlen)
{
    if (s->nrun + 2 > s->caprun) {
        int32_t cap = s->caprun ? s->caprun * 2 : 256;
        if (zsu_resize(&s->hs, (size_t)cap, sizeof *s->hs) ||
            zsu_resize(&s->hw, (size_t)cap, sizeof *s->hw))
            return ZS_ENOMEM;
        s->caprun = cap;
    }
    s->hs[s->nrun] = u16;
    s->hw[s->nrun++] = wordlen;
    return 0;
}

/* A word-break segment of letters and/or digits: one token, or parts + whole. */
static int alnum_segment(emit_ctx *e, int32_t a, int32_t b)
{
    zs_seg *s = e->s;
    const UChar *u = s->nm.u;
    int32_t parts[64][2];
    int nparts = 0, rc = 0;
    int32_t i = a;

    /* Split into runs of digits (with . and , inside a number) and of the rest. */
    while (i < b && nparts < 64) {
        int32_t start = i, j = i;
        UChar32 c;
        U16_NEXT(u, j, b, c);
        int digit = u_isdigit(c);
        i = j;
        while (i < b) {
            j = i;
            U16_NEXT(u, j, b, c);
            int d = u_isdigit(c);
            if (digit && (c == '.' || c == ',') && j < b && u_isdigit(u[j]))
                d = 1;
            if (d != digit)
                break;
            i = j;
        }
        parts[nparts][0] = start;
        parts[nparts++][1] = i;
    }
    if (i < b) /* absurdly many parts: the rest is one part */
        parts[nparts - 1][1] = b;

    for (int k = 0; k < nparts && !rc; k++) {
        int32_t pa = parts[k][0], pb = parts[k][1];
        int isnum = u_isdigit(u[pa]);
        size_t len = to_utf8(s, pa, pb, isnum);
        if (!isnum && !(e->flags & ZS_SEG_PREFIX))
            len = stem(s, len);
        rc = emit(e, len, isnum ? ZS_TOK_NUM : ZS_TOK_LATIN, pa, pb, 0);
        if (!rc && k == 0 && nparts > 1 && !(e->flags & ZS_SEG_QUERY)) {
            len = to_utf8(s, a, b, 1);
            rc = emit(e, len, ZS_TOK_MIXED, a, b, 1);
        }
    }
    return rc;
}

/* Query-mode word bonus: the whole rest of the text as one WORD token. */
static int whole_word(emit_ctx *e, size_t skip_bytes)
{
    zs_seg *s = e->s;
    int32_t k = 0;
    for (int32_t i = 0; i < s->nm.len; i++) {
        if (s->nm.off_s[i] < skip_bytes || s->nm.u[i] <= ' ')
            continue;
        s->nm.u[k] = s->nm.u[i];
        s->nm.off_s[k] = s->nm.off_s[i];
        s->nm.off_e[k++] = s->nm.off_e[i];
    }
    if (k == 0)
        return 0;
    size_t len = to_utf8(s, 0, k, 0);
    return emit(e, len, ZS_TOK_WORD, 0, k, 0);
}

typedef struct names_ctx {
    zs_token_fn fn;
    void *ctx;
    size_t base, len;
    int first;
    char word[ZS_MAX_TOKEN_BYTES + 8];
    size_t nword;
} names_ctx;

static int names_token(void *ctx, const zs_token *t)
{
    names_ctx *c = ctx;
    zs_token u = *t;
    u.start += c->base;
    u.end += c->base;
    int rc = c->fn(c->ctx, &u);
    if (rc || !c->first || t->colocated)
        return rc;
    c->first = 0;
    if (!c->nword)
        return 0;
    /* colocated with the name's first token: starts there, ends with the name */
    zs_token w = {c->word, c->nword, ZS_TOK_WORD, u.start, c->base + c->len, 1};
    return c->fn(c->ctx, &w);
}

static int names_field(zs_seg *s, const char *text, size_t n, unsigned flags, zs_token_fn fn,
                       void *ctx)
{
    names_ctx c = {fn, ctx, 0, 0, 0, "", 0};
    int rc = 0;
    for (size_t i = 3; i < n && !rc;) {
        size_t e = i;
        while (e < n && text[e] != ' ')
            e++;
        if (e > i) {
            /* the whole name, normalized as a U+E000 query word is */
            if ((rc = zss_normalize(&s->nm, s->nfkc, text + i, e - i)) != 0)
                return fail(s, rc, "out of memory normalizing text");
            int32_t k = 0;
            for (int32_t j = 0; j < s->nm.len; j++)
                if (s->nm.u[j] > ' ')
                    s->nm.u[k++] = s->nm.u[j];
            c.nword = to_utf8(s, 0, k, 0);
            memcpy(c.word, s->tok, c.nword + 1);
            c.base = i;
            c.len = e - i;
            c.first = 1;
            rc = zs_seg_run(s, text + i, e - i, flags, names_token, &c);
        }
        i = e + 1;
    }
    return rc;
}

/* Characters ICU's word rules send to its CJK dictionary (Han, Hiragana,
 * Katakana): each one is a token of its own. */
static int is_cjk(UChar32 c)
{
    if (c >= 0x4E00 && c <= 0x9FFF)
        return 1;
    if (c < 0x3000)
        return 0;
    UScriptCode sc = (UScriptCode)u_getIntPropertyValue(c, UCHAR_SCRIPT);
    return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
           u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_KATAKANA;
}

/* Nonzero if c can be part of a token (punctuation and spaces cannot). */
static int is_tokenish(UChar32 c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
    return !u_ispunct(c) && !u_isUWhiteSpace(c);
}

/* Emit each character of normalized units [a, b) as a HAN token. */
static int cjk_chars(emit_ctx *e, int32_t a, int32_t b)
{
    zs_seg *s = e->s;
    int rc = 0;
    for (int32_t i = a; i < b && !rc;) {
        int32_t j = i;
        U16_FWD_1(s->nm.u, j, b);
        size_t len = to_utf8(s, i, j, 0);
        rc = emit(e, len, ZS_TOK_HAN, i, j, 0);
        i = j;
    }
    return rc;
}

/* ICU word break over the stretch [a, b) between two CJK runs. */
static int icu_stretch(emit_ctx *e, int32_t a, int32_t b)
{
    zs_seg *s = e->s;
    UErrorCode st = U_ZERO_ERROR;
    int rc = 0;
    ubrk_setText(s->bi, s->nm.u + a, b - a, &st);
    if (U_FAILURE(st))
        return fail(s, ZS_EICU, "ICU word break failed to take the text");
    int32_t x = ubrk_first(s->bi), y;
    for (; !rc && (y = ubrk_next(s->bi)) != UBRK_DONE; x = y) {
        int32_t status = ubrk_getRuleStatus(s->bi);
        if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT)
            rc = cjk_chars(e, a + x, a + y);
        else if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_LETTER_LIMIT)
            rc = alnum_segment(e, a + x, a + y);
    }
    return rc;
}

/* Tokens without WORDS: CJK characters directly, ICU for the rest. */
static int run_fast(emit_ctx *e)
{
    zs_seg *s = e->s;
    const UChar *u = s->nm.u;
    const int32_t n = s->nm.len;
    int rc = 0;
    for (int32_t i = 0; i < n && !rc;) {
        int32_t j = i, k;
        UChar32 c;
        U16_NEXT(u, j, n, c);
        if (c >= 0x4E00 && c <= 0x9FFF) {
            /* Most tokens of Chinese text: three bytes, written here. */
            s->tok[0] = (char)(0xE0 | (c >> 12));
            s->tok[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            s->tok[2] = (char)(0x80 | (c & 0x3F));
            s->tok[3] = '\0';
            rc = emit(e, 3, ZS_TOK_HAN, i, j, 0);
            i = j;
            continue;
        }
        if (is_cjk(c)) {
            size_t len = to_utf8(s, i, j, 0);
            rc = emit(e, len, ZS_TOK_HAN, i, j, 0);
            i = j;
            continue;
        }
        int tokenish = is_tokenish(c);
        for (k = j; k < n; k = j) {
            U16_NEXT(u, j, n, c);
            if (is_cjk(c))
                break;
            tokenish |= is_tokenish(c);
        }
        if (tokenish)
            rc = icu_stretch(e, i, k);
        i = k;
    }
    return rc;
}

/* run_fast() over text[a..b) alone, normalized apart: its offsets are
 * text's. */
static int run_piece(emit_ctx *e, const char *text, size_t a, size_t b)
{
    zs_seg *s = e->s;
    int rc = zss_normalize(&s->nm, s->nfkc, text + a, b - a);
    if (rc)
        return fail(s, rc, "out of memory normalizing text");
    for (int32_t k = 0; k < s->nm.len; k++) {
        s->nm.off_s[k] += (uint32_t)a;
        s->nm.off_e[k] += (uint32_t)a;
    }
    return run_fast(e);
}

/* Is text[a..b) made only of marks that make no token: 、。，：；！？（）《》
 * “”‘’—…? Normalized they are themselves or ASCII punctuation (NFKC of
 * ，is ",", of … is "..."), none a CJK character nor part of a token, so
 * run_piece() would find one stretch of nothing to tokenize; it costs a
 * normalization and ICU's script and punctuation tests for each mark. */
static int only_marks(const char *text, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = a; i < b; i += 3) {
        if (b - i < 3 || (u[i] & 0xF0) != 0xE0)
            return 0;
        switch (zsu_utf8_three(u + i)) {
        case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF01:
        case 0xFF1F: case 0xFF08: case 0xFF09: case 0x300A: case 0x300B: case 0x201C:
        case 0x201D: case 0x2018: case 0x2019: case 0x2014: case 0x2026: break;
        default: return 0;
        }
    }
    return 1;
}

/*
 * run_fast() over the whole text, with the characters of the CJK block read
 * from the UTF-8 where their Simplified form is in the block too: each is a
 * HAN token of its own, its three bytes those of the form, its offsets its
 * own bytes. That is what normalizing and run_fast() make of it: NFKC with
 * case folding leaves the block alone, zss_normalize() takes such a
 * character on its own (no normalization segment runs into one, none runs
 * out of one), and run_fast() ends a stretch of other characters at one.
 * So the text between two of them is normalized and run apart (run_piece())
 * with the same tokens. A lead byte E4-E9 never stands inside a character
 * the decoder reads (trail bytes are 80-BF), so both split alike, invalid
 * bytes included. Nearly all tokens of Chinese news are these, and the
 * normalized copy with its two offset arrays was a third of the tokens'
 * cost (zss_normalize(), callgrind).
 */
static int run_direct(emit_ctx *e, const char *text, size_t n)
{
    zs_seg *s = e->s;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0, from = 0; /* text[from..i) is not yet tokenized */
    int rc;
    while (i < n) {
        if (n - i >= 3 && (u[i] - 0xE5u <= 0xE9 - 0xE5 || (u[i] == 0xE4 && u[i + 1] >= 0xB8)) &&
            (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            /* zss_t2s() of the block, inline: its table's delta */
            UChar32 c = (UChar32)((u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu));
            c += zss_t2s_uro[c - 0x3400];
            if (c >= 0x4E00 && c <= 0x9FFF) {
                if (from < i && !only_marks(text, from, i) &&
                    (rc = run_piece(e, text, from, i)) != 0)
                    return rc;
                zss_pretok *pt = e->pt;
                if (pt && pt->ntoks < pt->captoks && pt->capstrings - pt->nstrings >= 3) {
                    /* what pretok_add() (fts5_tok.c) stores, without the
                     * token in s->tok and the call: nearly every token.
                     * The run of such characters that starts here goes in
                     * a loop of its own, counts and arrays in locals (the
                     * stores of chars may alias pt's fields), for as many
                     * as the arrays have room for. */
                    size_t nt = pt->ntoks, ns = pt->nstrings, room = pt->captoks - nt;
                    if ((pt->capstrings - ns) / 3 < room)
                        room = (pt->capstrings - ns) / 3;
                    char *d = pt->strings;
                    zss_pretok_tok *tk = pt->toks;
                    size_t t0 = nt;
                    for (;;) {
                        d[ns] = (char)(0xE0 | (c >> 12));
                        d[ns + 1] = (char)(0x80 | ((c >> 6) & 0x3F));
                        d[ns + 2] = (char)(0x80 | (c & 0x3F));
                        tk[nt++] = (zss_pretok_tok){(uint32_t)ns, 3, 0, (uint32_t)i,
                                                    (uint32_t)(i + 3)};
                        ns += 3;
                        i += 3;
                        if (nt - t0 == room || n - i < 3 ||
                            !(u[i] - 0xE5u <= 0xE9 - 0xE5 || (u[i] == 0xE4 && u[i + 1] >= 0xB8)) ||
                            (u[i + 1] & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80)
                            break;
                        c = (UChar32)((u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 |
                                      (u[i + 2] & 0x3Fu));
                        c += zss_t2s_uro[c - 0x3400];
                        if (c < 0x4E00 || c > 0x9FFF)
                            break;
                    }
                    pt->ntoks = nt;
                    pt->nstrings = ns;
                    pt->npos += nt - t0; /* not colocated: a position each */
                    from = i;
                    continue;
                }
                s->tok[0] = (char)(0xE0 | (c >> 12));
                s->tok[1] = (char)(0x80 | ((c >> 6) & 0x3F));
                s->tok[2] = (char)(0x80 | (c & 0x3F));
                s->tok[3] = '\0';
                zs_token t = {s->tok, 3, ZS_TOK_HAN, i, i + 3, 0};
                if ((rc = e->fn(e->ctx, &t)) != 0)
                    return rc;
                i += 3;
                from = i;
                continue;
            }
        }
        i++;
    }
    return from < n ? run_piece(e, text, from, n) : 0;
}

static int seg_run(zs_seg *s, const char *text, size_t n, unsigned flags, zs_token_fn fn, void *ctx,
                   zss_pretok *pt)
{
    emit_ctx e = {s, flags, fn, ctx, pt};
    UErrorCode st = U_ZERO_ERROR;
    int rc;

    if (!s || (!text && n) || !fn)
        return ZS_EINVAL;
    s->err[0] = '\0';
    if (n > ZS_MAX_SEGMENT_INPUT)
        return fail(s, ZS_ELIMIT, "text longer than ZS_MAX_SEGMENT_INPUT");
    if (n == 0)
        return 0;
    if (!(flags & ZS_SEG_QUERY) && n >= 3 && !memcmp(text, NAMES_MARK, 3))
        return names_field(s, text, n, flags, fn, ctx);
    if (!(flags & (ZS_SEG_WORDS | ZS_SEG_QUERY)))
        return run_direct(&e, text, n);
    if ((rc = zss_normalize(&s->nm, s->nfkc, text, n)) != 0)
        return fail(s, rc, "out of memory normalizing text");
    if ((flags & ZS_SEG_QUERY) && n >= 3 && !memcmp(text, WORD_MARK, 3))
        return whole_word(&e, 3);
    if (!(flags & ZS_SEG_WORDS) || (flags & ZS_SEG_QUERY))
        return run_fast(&e);

    ubrk_setText(s->bi, s->nm.u, s->nm.len, &st);
    if (U_FAILURE(st))
        return fail(s, ZS_EICU, "ICU word break failed to take the text");
    s->nrun = 0;
    int32_t a = ubrk_first(s->bi), b, run_end = 0;
    for (; (b = ubrk_next(s->bi)) != UBRK_DONE; a = b) {
        int32_t status = ubrk_getRuleStatus(s->bi);
        if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT) {
            /* Characters join the run; the ICU word is remembered at its first. */
            int32_t nchars = u_countChar32(s->nm.u + a, b - a);
            if (s->nrun && run_end != a && (rc = flush_run(&e, run_end)) != 0)
                return rc;
            for (int32_t i = a, k = 0; i < b; k++) {
                if ((rc = run_push(s, i, k == 0 ? nchars : 0)) != 0)
                    return fail(s, rc, "out of memory");
                U16_FWD_1(s->nm.u, i, b);
            }
            run_end = b;
            continue;
        }
        if (s->nrun && (rc = flush_run(&e, run_end)) != 0)
            return rc;
        if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_LETTER_LIMIT)
            if ((rc = alnum_segment(&e, a, b)) != 0)
                return rc;
        /* UBRK_WORD_NONE: punctuation and spaces are dropped. */
    }
    if (s->nrun && (rc = flush_run(&e, run_end)) != 0)
        return rc;
    return 0;
}

int zs_seg_run(zs_seg *s, const char *text, size_t n, unsigned flags, zs_token_fn fn, void *ctx)
{
    return seg_run(s, text, n, flags, fn, ctx, NULL);
}

int zss_seg_pretok(zs_seg *s, const char *text, size_t n, zs_token_fn fn, zss_pretok *pt)
{
    return seg_run(s, text, n, ZS_SEG_DOCUMENT, fn, pt, pt);
}
