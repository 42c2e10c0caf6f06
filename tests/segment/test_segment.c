/*
 * test_segment.c - golden tokens, offsets, numbers, modes and bad input.
 */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "zhaoshu.h"

typedef struct collect {
    char buf[8192];
    size_t n;
    const char *src;
    int bad_offsets;
    size_t srclen;
    size_t last_start;
} collect;

/* Render tokens as "text:kind:start-end" (colocated with '+'), space separated. */
static int add(void *ctx, const zs_token *t)
{
    collect *c = ctx;
    if (t->start > t->end || t->end > c->srclen || t->start < c->last_start)
        c->bad_offsets++;
    c->last_start = t->start;
    int w = snprintf(c->buf + c->n, sizeof c->buf - c->n, "%s%s%.*s:%s:%zu-%zu", c->n ? " " : "",
                     t->colocated ? "+" : "", (int)t->len, t->text, zs_token_kind_name(t->kind),
                     t->start, t->end);
    if (w > 0 && (size_t)w < sizeof c->buf - c->n)
        c->n += (size_t)w;
    return 0;
}

static const char *run(zs_seg *s, const char *text, unsigned flags, collect *c)
{
    memset(c, 0, sizeof *c);
    c->src = text;
    c->srclen = strlen(text);
    int rc = zs_seg_run(s, text, strlen(text), flags, add, c);
    if (rc)
        snprintf(c->buf, sizeof c->buf, "error %d", rc);
    return c->buf;
}

/* Only the normalized texts of non-colocated tokens, space separated. */
static const char *texts(zs_seg *s, const char *text, unsigned flags, char *out, size_t cap)
{
    collect c;
    run(s, text, flags, &c);
    size_t n = 0;
    out[0] = '\0';
    for (char *tok = c.buf; *tok;) {
        char *sp = strchr(tok, ' ');
        size_t len = sp ? (size_t)(sp - tok) : strlen(tok);
        if (tok[0] != '+') {
            char *colon = memchr(tok, ':', len);
            size_t tl = colon ? (size_t)(colon - tok) : len;
            if (n + tl + 2 < cap) {
                if (n)
                    out[n++] = ' ';
                memcpy(out + n, tok, tl);
                n += tl;
                out[n] = '\0';
            }
        }
        if (!sp)
            break;
        tok = sp + 1;
    }
    return out;
}

int main(void)
{
    zs_seg *s = NULL;
    collect c;
    char out[4096];

    if (!tap_ok(zs_seg_open(&s) == 0, "segmenter opens"))
        return tap_done();

    /* The example: full width, Traditional; the index's tokens. */
    TAP_STREQ(run(s, "六盘水高新区签约金额１３５．３４億元", ZS_SEG_DOCUMENT, &c),
              "六:han:0-3 盘:han:3-6 水:han:6-9 高:han:9-12 新:han:12-15 区:han:15-18 "
              "签:han:18-21 约:han:21-24 金:han:24-27 额:han:27-30 135.34:num:30-48 "
              "亿:han:48-51 元:han:51-54",
              "golden: issue example, one token per character, original offsets");
    tap_ok(c.bad_offsets == 0, "offsets ordered and inside the input");
    /* With WORDS (the query parser's view): ICU and lexicon words colocated. */
    TAP_STREQ(run(s, "六盘水高新区签约金额１３５．３４億元", ZS_SEG_DOCUMENT | ZS_SEG_WORDS, &c),
              "六:han:0-3 盘:han:3-6 水:han:6-9 高:han:9-12 +高新区:word:9-18 新:han:12-15 "
              "+新区:word:12-18 区:han:15-18 签:han:18-21 +签约:word:18-24 +签约金额:word:18-30 "
              "约:han:21-24 金:han:24-27 +金额:word:24-30 额:han:27-30 135.34:num:30-48 "
              "亿:han:48-51 +亿元:word:48-54 元:han:51-54",
              "golden: issue example with words, original offsets");
    tap_ok(c.bad_offsets == 0, "offsets ordered and inside the input");

    /* Query mode: characters only, same normalization. */
    TAP_STREQ(texts(s, "貴陽高新區", ZS_SEG_QUERY, out, sizeof out), "贵 阳 高 新 区",
              "Traditional query folds to Simplified characters");
    /* Tokens fold the characters Simplified text also writes (著, 乾), or
     * Traditional 隨著 and 乾燥 would not find 随着 and 干燥 (the metrics of
     * figures keep them: tests/extract/metric.test, 俱乐部). */
    {
        char a[128], b[128];
        TAP_STREQ(texts(s, "隨著乾燥", ZS_SEG_QUERY, a, sizeof a),
                  texts(s, "随着干燥", ZS_SEG_QUERY, b, sizeof b),
                  "Traditional 隨著乾燥 and Simplified 随着干燥 give the same tokens");
    }
    TAP_STREQ(run(s, "高新区", ZS_SEG_QUERY, &c), "高:han:0-3 新:han:3-6 区:han:6-9",
              "query mode emits no colocated words");

    /* Numbers stay whole; separators dropped; full width folded. */
    TAP_STREQ(
        texts(s, "135.34亿元 1.06万户 2024年 1,234.5 68.57%", ZS_SEG_DOCUMENT, out, sizeof out),
        "135.34 亿 元 1.06 万 户 2024 年 1234.5 68.57", "numbers whole");
    TAP_STREQ(texts(s, "１，２３４．５", ZS_SEG_DOCUMENT, out, sizeof out), "1234.5",
              "full-width number with separator");
    TAP_STREQ(run(s, "ＧＤＰ", ZS_SEG_DOCUMENT, &c), "gdp:latin:0-9",
              "full-width Latin folds, offsets cover the full-width bytes");

    /* Latin stems; glued parts findable. */
    TAP_STREQ(texts(s, "Flops flop FLOPS", ZS_SEG_DOCUMENT, out, sizeof out), "flop flop flop",
              "Latin words fold and stem");
    TAP_STREQ(run(s, "100EFlops", ZS_SEG_DOCUMENT, &c),
              "100:num:0-3 +100eflops:mixed:0-9 eflop:latin:3-9", "number glued to letters");
    TAP_STREQ(run(s, "100EFlops", ZS_SEG_QUERY, &c), "100:num:0-3 eflop:latin:3-9",
              "query of glued number gives its parts");
    TAP_STREQ(texts(s, "科技e贷", ZS_SEG_DOCUMENT, out, sizeof out), "科 技 e 贷",
              "Latin letter between Han");
    TAP_STREQ(texts(s, "flops*", ZS_SEG_QUERY | ZS_SEG_PREFIX, out, sizeof out), "flops",
              "prefix queries are not stemmed");

    /* Recall: a word ICU glues across a boundary is still made of characters. */
    TAP_STREQ(texts(s, "黔南州都匀", ZS_SEG_DOCUMENT, out, sizeof out), "黔 南 州 都 匀",
              "都匀 findable inside 黔南州都匀");

    /* Kana are characters too; Latin and numbers between CJK runs keep ICU's rules. */
    TAP_STREQ(texts(s, "カタカナとひらがな5G网络Wi-Fi", ZS_SEG_DOCUMENT, out, sizeof out),
              "カ タ カ ナ と ひ ら が な 5 g 网 络 wi fi", "kana, glued and hyphenated Latin");

    /* Punctuation and spaces make no tokens. */
    TAP_STREQ(run(s, "，。！？、“”《》 …… ——", ZS_SEG_DOCUMENT, &c), "", "punctuation dropped");

    /* Word bonus syntax in query mode. */
    TAP_STREQ(run(s, "\xEE\x80\x80高新區", ZS_SEG_QUERY, &c), "高新区:word:3-12",
              "U+E000 marks a whole-word query token");

    /* A names field (the park column): each name also whole, colocated. */
    TAP_STREQ(run(s,
                  "\xEE\x80\x81"
                  "貴陽高新區 安顺高新区",
                  ZS_SEG_DOCUMENT, &c),
              "贵:han:3-6 +贵阳高新区:word:3-18 阳:han:6-9 高:han:9-12 新:han:12-15 "
              "区:han:15-18 安:han:19-22 +安顺高新区:word:19-34 顺:han:22-25 高:han:25-28 "
              "新:han:28-31 区:han:31-34",
              "names field: whole names as words, offsets into the field");
    TAP_STREQ(run(s, "\xEE\x80\x80贵阳高新区", ZS_SEG_QUERY, &c), "贵阳高新区:word:3-18",
              "and the query word that finds one");

    /* Zero-width and soft hyphen vanish without breaking the word or offsets. */
    TAP_STREQ(run(s, "贵阳\xC2\xAD高新区", ZS_SEG_QUERY, &c),
              "贵:han:0-3 阳:han:3-6 高:han:8-11 新:han:11-14 区:han:14-17",
              "soft hyphen removed by NFKC_Casefold");

    /* Invalid UTF-8: a separator, never a crash, offsets still valid. */
    {
        const char bad[] = "高\xff新\xe9\x80区\xc0\xaf";
        memset(&c, 0, sizeof c);
        c.srclen = sizeof bad - 1;
        int rc = zs_seg_run(s, bad, sizeof bad - 1, ZS_SEG_DOCUMENT, add, &c);
        TAP_INTEQ(rc, 0, "invalid UTF-8 segments");
        TAP_STREQ(c.buf, "高:han:0-3 新:han:4-7 区:han:9-12", "invalid bytes skipped");
        tap_ok(c.bad_offsets == 0, "offsets valid around invalid bytes");
    }
    /* Random bytes: only checks that offsets stay sane. */
    {
        unsigned char rnd[4096];
        unsigned x = 12345;
        int bad = 0;
        for (int round = 0; round < 50; round++) {
            for (size_t i = 0; i < sizeof rnd; i++) {
                x = x * 1103515245u + 12345u;
                rnd[i] = (unsigned char)(x >> 16);
            }
            memset(&c, 0, sizeof c);
            c.srclen = sizeof rnd;
            if (zs_seg_run(s, (const char *)rnd, sizeof rnd, ZS_SEG_DOCUMENT, add, &c))
                bad++;
            bad += c.bad_offsets;
        }
        TAP_INTEQ(bad, 0, "random bytes: no error, offsets sane");
    }
    TAP_INTEQ(zs_seg_run(s, "", 0, ZS_SEG_DOCUMENT, add, &c), 0, "empty text is fine");
    TAP_INTEQ(zs_seg_run(NULL, "a", 1, 0, add, &c), ZS_EINVAL, "NULL segmenter is EINVAL");
    zs_seg_free(s);
    zs_seg_free(NULL);
    return tap_done();
}
