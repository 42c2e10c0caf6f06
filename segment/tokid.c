/*
 * tokid.c - the tokenizer identity: which tokens an index's full-text table
 * holds for a text.
 *
 * A query finds a passage only when the query is cut into the tokens the
 * passage was cut into when it was indexed. An index outlives the zhaoshu
 * that built it, so an index records this identity (store/tokver.c) and a
 * zhaoshu whose tokenizer differs refuses to query it, rather than miss
 * passages silently, until its full-text table is rebuilt from the stored
 * text (zs_index_retokenize()).
 *
 * What the identity covers, and why each part:
 *  - t2s: a hash of the Traditional-to-Simplified table (t2s_table.c, made
 *    at build time), the part most likely to change between versions;
 *  - probe: a hash of the DOCUMENT tokens of a fixed text that exercises
 *    every path of normalize.c and seg.c (Han, kana, full-width forms,
 *    compatibility characters, case folding, stemming, digits glued to
 *    letters, thousands separators, the park field's whole names), so a
 *    change of rules shows without anyone remembering to say so;
 *  - rules: ZSS_TOKENIZER_RULES, bumped by hand for a change of rules the
 *    probe cannot see;
 *  - icu: the ICU version, whose NFKC case folding and word breaks shape
 *    tokens everywhere, also where the probe does not look.
 * Not covered on purpose: the lexicon (data/lexicon.txt and the user's
 * addition) and ICU's dictionary, which give the query's colocated WORD
 * tokens only; the index never holds those (seg.c).
 * The identity reads "rules:N t2s:<16 hex> probe:<16 hex> icu:<version>".
 *
 * Made at build time: every part but the ICU version is fixed when the
 * program is built, so tokid_freeze.c runs this very code at build time and
 * the identity is compiled in (zss_tokid_frozen). A process running the ICU
 * it was made with takes it as it is; another ICU (a shared library upgraded
 * since) has it made again at run time. Made at run time, the probe opened a
 * segmenter and cut its text, 0.33 M of the 2.2 M instructions of a query
 * process that finds nothing (callgrind), before any query could run.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uversion.h>
#include <xxhash.h>

#include "segment_int.h"

/*
 * The probe text. Whatever it holds, a change of how it is cut changes the
 * identity; it holds one case of each rule. U+E001 opens the park field.
 */
static const char probe_text[] =
    "臺灣經濟發展 国务院發佈 漢字の読み方、カタカナ ｶﾀｶﾅ "
    "ＡＢＣ１２３ Running companies' RUNNING Straße İstanbul ΣΊΣΥΦΟΣ "
    "100EFlops 5G 1,234.5 ３．１４ 2023年12月 ①② ㎡ ㍻ ﬁ "
    "e-mail x86_64 C++ 3.5% 1/2 -7 http://www.example.cn/a?b=1 "
    "〇一二 兀 丟 著名 姊妹 俱乐部 喫 裏 𠀀 𠮷 😀 \t\n"
    "第二段 贵州省 贵阳国家高新技术产业开发区";
static const char probe_names[] = "\xEE\x80\x81贵阳高新区 贵安新区 苏州工业园区";

static char ident[ZSS_TOKENIZER_ID_MAX];
static pthread_once_t ident_once = PTHREAD_ONCE_INIT;

static int hash_token(void *ctx, const zs_token *t)
{
    XXH3_state_t *st = ctx;
    uint64_t fields[4] = {(uint64_t)t->kind, (uint64_t)t->start, (uint64_t)t->end,
                          (uint64_t)(t->colocated != 0)};
    XXH3_64bits_update(st, fields, sizeof fields);
    XXH3_64bits_update(st, t->text, t->len);
    XXH3_64bits_update(st, "", 1);
    return 0;
}

/* The probe's hash, 0 when a segmenter or memory could not be had. */
static uint64_t probe_hash(void)
{
    zs_seg *s = NULL;
    XXH3_state_t *st = XXH3_createState();
    uint64_t h = 0;
    if (!st || XXH3_64bits_reset(st) != XXH_OK || zs_seg_open(&s) != 0)
        goto out;
    if (zs_seg_run(s, probe_text, sizeof probe_text - 1, ZS_SEG_DOCUMENT, hash_token, st) != 0 ||
        zs_seg_run(s, probe_names, sizeof probe_names - 1, ZS_SEG_DOCUMENT, hash_token, st) != 0)
        goto out;
    h = XXH3_64bits_digest(st);
out:
    zs_seg_free(s);
    XXH3_freeState(st);
    return h;
}

void zss_tokid_compute(char *out, size_t cap)
{
    UVersionInfo v;
    char icu[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, icu);
    XXH3_state_t *st = XXH3_createState();
    uint64_t t2s = 0;
    if (st && XXH3_64bits_reset(st) == XXH_OK) {
        XXH3_64bits_update(st, zss_t2s_uro, ZSS_T2S_URO_COUNT * sizeof zss_t2s_uro[0]);
        XXH3_64bits_update(st, zss_t2s_pairs, zss_t2s_npairs * sizeof zss_t2s_pairs[0]);
        t2s = XXH3_64bits_digest(st);
    }
    XXH3_freeState(st);
    /* Out of memory gives zeros: an identity no index has, so queries are
     * refused rather than run with tokens nobody checked. */
    snprintf(out, cap, "rules:%d t2s:%016llx probe:%016llx icu:%s", ZSS_TOKENIZER_RULES,
             (unsigned long long)t2s, (unsigned long long)probe_hash(), icu);
}

static void make_ident(void)
{
    UVersionInfo v;
    char icu[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, icu);
    if (zss_tokid_frozen_icu[0] && strcmp(icu, zss_tokid_frozen_icu) == 0 &&
        strlen(zss_tokid_frozen) < sizeof ident) {
        strcpy(ident, zss_tokid_frozen);
        return;
    }
    zss_tokid_compute(ident, sizeof ident);
}

const char *zs_tokenizer(void)
{
    pthread_once(&ident_once, make_ident);
    return ident;
}
