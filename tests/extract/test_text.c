/*
 * test_text.c - the pure-text half of the indexer on the real corpus:
 * decoding (UTF-8, GB18030, damaged bytes, binary), passage rebuilding
 * (column joins, bold doubling, headlines, bylines, captions), years and
 * development zones. Reads $ZS_CORPUS; prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>

#include "../tap.h"
#include "extract_int.h"

/* Occurrences of needle in p[0..n). */
static size_t count(const char *p, size_t n, const char *needle)
{
    size_t k = 0, m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(p + i, needle, m) == 0)
            k++;
    return k;
}

/* p with every ASCII space, tab, CR, LF and U+3000 removed (caller frees). */
static char *squash(const char *p, size_t n, size_t *out)
{
    char *s = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')
            continue;
        if (i + 2 < n && memcmp(p + i, "\xE3\x80\x80", 3) == 0) {
            i += 2;
            continue;
        }
        s[o++] = p[i];
    }
    s[o] = '\0';
    *out = o;
    return s;
}

typedef struct warns {
    size_t n, first_off;
    char first[128];
} warns;

static void on_warn(void *ctx, size_t off, const char *msg)
{
    warns *w = ctx;
    if (w->n++ == 0) {
        w->first_off = off;
        snprintf(w->first, sizeof w->first, "%s", msg);
    }
}

static const zsi_passage *find_passage(const zsi_passage *p, size_t np, const char *needle)
{
    for (size_t i = 0; i < np; i++)
        if (strstr(p[i].text, needle))
            return &p[i];
    return NULL;
}

static int has_year(const int *y, size_t n, int want)
{
    for (size_t i = 0; i < n; i++)
        if (y[i] == want)
            return 1;
    return 0;
}

static void test_decode(void)
{
    size_t n = 0, on = 0, gn = 0, dn = 0;
    char *raw = tap_corpus_file("004_f95930e6cd8d76ce.txt", &n), *out = NULL, *dec = NULL;
    warns w = {0};
    int rc;

    if (!tap_ok(raw != NULL, "corpus file 004 readable (ZS_CORPUS)"))
        return;
    rc = zsi_decode(raw, n, &out, &on, on_warn, &w);
    tap_ok(rc == 0 && on == n && memcmp(out, raw, n) == 0 && w.n == 0,
           "valid UTF-8 passes through unchanged, no warning");
    free(out);

    /* A BOM is dropped. */
    {
        char *b = malloc(n + 3);
        memcpy(b, "\xEF\xBB\xBF", 3);
        memcpy(b + 3, raw, n);
        rc = zsi_decode(b, n + 3, &out, &on, NULL, NULL);
        tap_ok(rc == 0 && on == n && memcmp(out, raw, n) == 0, "UTF-8 BOM stripped");
        free(out);
        free(b);
    }

    /* GB18030 copy made with ICU decodes to the same bytes. */
    {
        UErrorCode err = U_ZERO_ERROR;
        int32_t cap = (int32_t)n * 2 + 16, got;
        char *gb = malloc((size_t)cap);
        got = ucnv_convert("GB18030", "UTF-8", gb, cap, raw, (int32_t)n, &err);
        tap_ok(U_SUCCESS(err) && got > 0 && (size_t)got != n, "made a GB18030 copy (%d bytes)",
               (int)got);
        gn = (size_t)got;
        memset(&w, 0, sizeof w);
        rc = zsi_decode(gb, gn, &dec, &dn, on_warn, &w);
        tap_ok(rc == 0 && dn == n && memcmp(dec, raw, n) == 0 && w.n == 0,
               "GB18030 file decodes to the UTF-8 original");
        free(dec);
        free(gb);
    }

    /* Big5 (Traditional text, written here): read as Big5, not as GB18030
     * mojibake, and without a warning. */
    {
        static const char trad[] = "本報訊 六盤水高新區今年簽約金額達到一百三十五億元，"
                                   "新建廠房面積增加了兩成。\n";
        UErrorCode err = U_ZERO_ERROR;
        char b5[256];
        int32_t got = ucnv_convert("Big5", "UTF-8", b5, sizeof b5, trad, -1, &err);
        tap_ok(U_SUCCESS(err) && got > 0, "made a Big5 copy (%d bytes)", (int)got);
        memset(&w, 0, sizeof w);
        dec = NULL;
        rc = zsi_decode(b5, (size_t)got, &dec, &dn, on_warn, &w);
        tap_ok(rc == 0 && dn == sizeof trad - 1 && memcmp(dec, trad, dn) == 0 && w.n == 0,
               "Big5 file decodes to the UTF-8 original (%zu warnings)", w.n);
        free(dec);
    }

    /* Bytes GB18030 maps but no Chinese text has: indexed, with a warning. */
    {
        unsigned char junk[400];
        unsigned x = 12345;
        for (size_t i = 0; i < sizeof junk; i += 2) {
            x = x * 1103515245u + 12345u;
            junk[i] = (unsigned char)(0x81 + (x >> 16) % 0x7E);
            junk[i + 1] = (unsigned char)(0x80 + (x >> 8) % 0x7F);
        }
        memset(&w, 0, sizeof w);
        dec = NULL;
        rc = zsi_decode((const char *)junk, sizeof junk, &dec, &dn, on_warn, &w);
        tap_ok(rc == 0 && w.n == 1 && strstr(w.first, "implausible"),
               "random bytes valid in GB18030 are flagged as implausible: %s", w.first);
        free(dec);
    }

    /* Stray invalid bytes: replaced and reported with their offset. */
    {
        char *d = malloc(n + 1);
        size_t at = 1000;
        while (((unsigned char)raw[at] & 0xC0) == 0x80)
            at++;
        memcpy(d, raw, at);
        d[at] = (char)0xFF; /* one stray byte between two characters */
        memcpy(d + at + 1, raw + at, n - at);
        memset(&w, 0, sizeof w);
        rc = zsi_decode(d, n + 1, &out, &on, on_warn, &w);
        tap_ok(rc == 0 && w.n == 1, "one damaged byte gives one warning (got %zu)", w.n);
        TAP_INTEQ(w.first_off, at, "warning carries the byte offset");
        tap_ok(out && count(out, on, "\xEF\xBF\xBD") >= 1, "damaged byte became U+FFFD");
        free(out);
        free(d);
    }

    /* A character that is not a three-byte one of U+1000-U+CFFF inside a
     * run of them, at each place of the run's four-character blocks
     * (decode.c's run_of_three): the valid ones pass unchanged and
     * silently, a damaged byte is reported at its own offset. */
    {
        static const struct {
            const char *s, *what;
            size_t warns; /* reported, the first at its first byte */
        } odd[] = {
            {"\xC3\xA9", "a two-byte character", 0},
            {"\xE3\x80\x82", "a three-byte punctuation mark", 0},
            {"\xED\x9F\xBF", "U+D7FF, lead ED", 0},
            {"\xF0\xA0\x80\x80", "a four-byte character", 0},
            {"A", "an ASCII letter", 0},
            {"\xFF", "a stray byte", 1},
            {"\xE4\xB8", "a lead and one trail byte", 1},
            {"\xED\xA0\x80", "a surrogate (each byte)", 3},
        };
        static const char han[] = "\xE6\xB1\x89"; /* 汉 */
        int all = 1;
        for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
            for (size_t before = 0; before < 14; before++) {
                char d[128];
                size_t m = 0, at;
                for (size_t c = 0; c < before; c++, m += 3)
                    memcpy(d + m, han, 3);
                at = m;
                memcpy(d + m, odd[k].s, strlen(odd[k].s));
                m += strlen(odd[k].s);
                for (size_t c = before; c < 17; c++, m += 3)
                    memcpy(d + m, han, 3);
                memset(&w, 0, sizeof w);
                out = NULL;
                rc = zsi_decode(d, m, &out, &on, on_warn, &w);
                int ok = rc == 0 && w.n == odd[k].warns &&
                         (w.n ? w.first_off == at : on == m && !memcmp(out, d, m));
                if (!ok && all)
                    tap_diag("%s after %zu characters: rc %d, %zu warnings", odd[k].what, before, rc,
                             w.n);
                all &= ok;
                free(out);
            }
        tap_ok(all, "odd characters at every place of a run of Han: kept, or reported where they are");
    }

    /* Binary data is refused. */
    {
        static const char bin[] = "\x7F"
                                  "ELF\x02\x01\x01\x00\x00\x00\x00\x00";
        memset(&w, 0, sizeof w);
        out = NULL;
        rc = zsi_decode(bin, sizeof bin - 1, &out, &on, on_warn, &w);
        tap_ok(rc == ZS_EINVAL && out == NULL && w.n == 1 && strstr(w.first, "binary"),
               "binary buffer rejected with a message: %s", w.first);
    }
    free(raw);
}

static void test_undouble(void)
{
    char *o = NULL;
    size_t on = 0;
    const char *bold = "贵阳高新区贵阳高新区：：““双第一双第一””背后的发展密码背后的发展密码";
    int rc = zsi_undouble(bold, strlen(bold), &o, &on);
    tap_ok(rc == 1, "doubled bold headline detected");
    TAP_STREQ(o, "贵阳高新区：“双第一”背后的发展密码", "doubled bold headline repaired");
    free(o);
    o = NULL;
    const char *plain = "天天向上，好好学习。";
    tap_ok(zsi_undouble(plain, strlen(plain), &o, &on) == 0 && !o,
           "ordinary reduplication is not undoubled");
    const char *half = "成都高新区成都高新区发布首批";
    tap_ok(zsi_undouble(half, strlen(half), &o, &on) == 0 && !o,
           "a line only partly doubled is left alone");
}

static void test_passages_004(void)
{
    size_t n = 0, np = 0, sn = 0, joined = 0;
    char *raw = tap_corpus_file("004_f95930e6cd8d76ce.txt", &n), *sq;
    zsi_passage *p = NULL;
    const zsi_passage *q;
    const char *bold = "贵阳高新区贵阳高新区：：““双第一双第一””背后的发展密码背后的发展密码";
    int rc;

    if (!raw)
        return;
    rc = zsi_passages_split(raw, n, &p, &np);
    tap_ok(rc == 0 && np > 20, "004 splits into passages (%zu)", np);

    /* Every 贵阳高新区 that the columns broke is whole again. */
    sq = squash(raw, n, &sn);
    size_t want = count(sq, sn, "贵阳高新区") - count(bold, strlen(bold), "贵阳高新区");
    for (size_t i = 0; i < np; i++)
        if (p[i].kind == ZSI_P_BODY)
            joined += count(p[i].text, p[i].len, "贵阳高新区");
    tap_ok(count(raw, n, "贵阳高新区") < want, "004 really breaks 贵阳高新区 across lines");
    tap_ok(joined >= want, "all %zu 贵阳高新区 whole in body passages (got %zu)", want, joined);
    free(sq);

    q = find_passage(p, np, "贵阳高新区以综合得分");
    tap_ok(q && strstr(q->text, "进行测评，贵阳高新区以综合得分 97.5 分") && q->kind == ZSI_P_BODY,
           "\"贵\" / blank / \"阳高新区\" joined");
    q = find_passage(p, np, "签约总金额");
    tap_ok(q && strstr(q->text, "签约总金额155.63亿元。"), "number split 155.63 / 亿元 joined");
    q = find_passage(p, np, "《2020年贵州省产业招商综合成效");
    tap_ok(q && strstr(q->text, "综合成效测评结果》显示") && strstr(q->text, "排名第一；"),
           "opening paragraph joined across 4 column lines");
    q = find_passage(p, np, "办结率");
    tap_ok(q && strstr(q->text, "等方面，办结率") != NULL, "letter-spaced line squeezed");

    q = find_passage(p, np, "双第一");
    tap_ok(q && q->kind == ZSI_P_HEADLINE, "doubled line is a headline");
    TAP_STREQ(q ? q->text : NULL, "贵阳高新区：“双第一”背后的发展密码",
              "doubled headline repaired in the passage");
    tap_ok(q && q->end - q->start == strlen(bold), "repaired headline still covers its bytes");

    q = find_passage(p, np, "全方位精准招商");
    tap_ok(q && q->kind == ZSI_P_HEADLINE && strstr(q->text, "围绕产业"),
           "two-deck headline is one headline passage");
    q = find_passage(p, np, "宫铭阳");
    tap_ok(q && q->kind == ZSI_P_BYLINE && strcmp(q->text, "宫铭阳") == 0,
           "byline after a sentence on the same line split off");
    q = find_passage(p, np, "张洁 文铭权 秦勇");
    tap_ok(q && q->kind == ZSI_P_BYLINE, "three-name byline");
    q = find_passage(p, np, "本报特约通讯员 易颖");
    tap_ok(q && q->kind == ZSI_P_BYLINE, "role byline");
    q = find_passage(p, np, "图片来源：珠海高新区");
    tap_ok(q && q->kind == ZSI_P_CAPTION, "picture credit is a caption");
    q = find_passage(p, np, "26个项目落户自贡高新区");
    tap_ok(q && q->kind == ZSI_P_HEADLINE, "headline before 本报讯 stays a headline");
    q = find_passage(p, np, "本报讯");
    tap_ok(q && q->kind == ZSI_P_BODY, "本报讯 lead is body");

    /* No body passage starts with the rest of a broken word or sentence. */
    int frag = 0;
    for (size_t i = 0; i < np; i++) {
        const char *t = p[i].text;
        if (p[i].kind != ZSI_P_BODY)
            continue;
        if (!strncmp(t, "新区", 6) || !strncmp(t, "阳高新区", 12) || !strncmp(t, "，", 3) ||
            !strncmp(t, "。", 3) || !strncmp(t, "、", 3) || !strncmp(t, "亿元", 6)) {
            tap_diag("fragment passage: %.60s", t);
            frag++;
        }
        if (p[i].start >= p[i].end || p[i].end > n)
            frag++;
    }
    TAP_INTEQ(frag, 0, "004: no passage starts with a fragment; ranges valid");
    zsi_passages_free(p, np);
    free(raw);
}

static void test_passages_000(void)
{
    size_t n = 0, np = 0, cnt[4] = {0};
    char *raw = tap_corpus_file("000_24cf386f7f29c2e5.txt", &n);
    zsi_passage *p = NULL;
    const zsi_passage *q;

    if (!raw)
        return;
    tap_ok(zsi_passages_split(raw, n, &p, &np) == 0, "000 splits");
    q = find_passage(p, np, "企业。思路一变");
    tap_ok(q && q->kind == ZSI_P_BODY && strstr(q->text, "叩门拜访800余家企业。思路一变"),
           "\"…800余家企\" / blank / \"业。\" joined");
    q = find_passage(p, np, "入库数量达135家");
    tap_ok(q != NULL, "\"…数量达\" / \"135家\" joined");
    q = find_passage(p, np, "生产车间 桂榕 摄");
    tap_ok(q && q->kind == ZSI_P_CAPTION, "photo caption with credit");
    q = find_passage(p, np, "管委会供图");
    tap_ok(q && q->kind == ZSI_P_CAPTION, "(…供图) caption");
    for (size_t i = 0; i < np; i++)
        cnt[p[i].kind]++;
    q = find_passage(p, np, "产业之变");
    tap_ok(q && q->kind == ZSI_P_HEADLINE, "section headline not glued to the next paragraph");
    q = find_passage(p, np, "亮点二");
    tap_ok(q && q->kind == ZSI_P_HEADLINE && strcmp(q->text, "亮点二") == 0, "亮点二 on its own");
    int byl = 0;
    for (size_t i = 0; i < np; i++)
        if (p[i].kind == ZSI_P_BYLINE && strcmp(p[i].text, "桂榕") == 0)
            byl = 1;
    tap_ok(byl, "lone name under the headline is a byline");
    tap_diag("000: %zu body, %zu headline, %zu caption, %zu byline", cnt[0], cnt[1], cnt[2],
             cnt[3]);
    zsi_passages_free(p, np);
    free(raw);
}

static void test_passages_misc(void)
{
    const char *crlf =
        "第一段没有结束的一行在这里断开了，然后\r\n\r\n接着写完。\r\n\r\n第二段。\r\n";
    zsi_passage *p = NULL;
    size_t np = 0;
    tap_ok(zsi_passages_split(crlf, strlen(crlf), &p, &np) == 0 && np == 2,
           "CRLF text: two passages (%zu)", np);
    TAP_STREQ(np ? p[0].text : NULL, "第一段没有结束的一行在这里断开了，然后接着写完。",
              "CRLF line break joined");
    zsi_passages_free(p, np);

    /* Two real paragraphs are never joined. */
    const char *two = "这是第一段，它说完了。\n\n这是第二段，也说完了。\n";
    tap_ok(zsi_passages_split(two, strlen(two), &p, &np) == 0 && np == 2,
           "finished paragraphs stay apart");
    zsi_passages_free(p, np);

    /* Web news stores a paragraph per line: its title, deck and subheads end
     * no sentence but are no column lines, and a paragraph opening with a
     * short clause (春节，) is no fragment of them. */
    const char *web = "为乡村振兴添动力（新春走基层）\n\n"
                      "某县出台条例，扶持特色产业\n\n"
                      "春节，本是阖家团圆的日子，可村里的合作社一直忙着发货，订单排到了三月底。"
                      "社长说，今年的销量比去年翻了一番，全村人都跟着增收。\n\n"
                      "产业发展曾遇瓶颈\n\n"
                      "在某镇某村，每天清晨，五十六岁的老陈就开着车挨家挨户收菜，再送到镇上的冷库。\n\n"
                      "拓市场\n\n"
                      "聚焦拓市场，合作社与电商平台签了协议，线上订单占到了一半以上。\n";
    tap_ok(zsi_passages_split(web, strlen(web), &p, &np) == 0 && np == 7,
           "web news: every line its own passage (%zu)", np);
    tap_ok(np == 7 && p[0].kind == ZSI_P_HEADLINE && p[3].kind == ZSI_P_HEADLINE &&
               p[5].kind == ZSI_P_HEADLINE,
           "web news: title and subheads are headlines");
    tap_ok(np == 7 && strncmp(p[2].text, "春节", 6) == 0 && strncmp(p[6].text, "聚焦", 6) == 0,
           "web news: paragraphs start where they start");
    zsi_passages_free(p, np);

    /* An ASCII full stop glued to the next Han character is a comma typed in
     * ASCII: a paragraph opening with one (按照规划.某市将) is no broken
     * sentence's end, and the subhead above it stays a headline. */
    const char *dot = "某市打造船舶动力基地\n\n"
                      "“在引导项目建设的同时，引进配套项目，最终建成全系列的动力供应基地”。"
                      "近日，某市制订了柴油机产业发展规划，提出了今后十年的发展目标。\n\n"
                      "柴油机产能2020年超800万马力\n\n"
                      "按照规划.某市将以工业园为中心区域，重点发展柴油机制造产业和配套产业。\n";
    tap_ok(zsi_passages_split(dot, strlen(dot), &p, &np) == 0 && np == 4,
           "a subhead over a paragraph opening with X.Y stays apart (%zu)", np);
    tap_ok(np == 4 && p[2].kind == ZSI_P_HEADLINE && strncmp(p[3].text, "按照", 6) == 0,
           "... a headline, and the paragraph starts where it starts");
    zsi_passages_free(p, np);

    /* A cut word at a break still joins where the page breaks lines. */
    const char *cut = "生态圈的建设形成了深度协同的产\n\n业共同体。企业在研发、供应链上合作。\n";
    tap_ok(zsi_passages_split(cut, strlen(cut), &p, &np) == 0 && np == 1,
           "a word cut by the break (产 / 业) joins (%zu)", np);
    zsi_passages_free(p, np);

    /* A list number is no fragment: "四、" starts an item. */
    const char *list = "以下是本次活动的主要安排和具体要求，请各单位认真组织落实并及时反馈有关情况\n\n"
                       "四、评选方式由专家评审和网络投票两部分组成。\n";
    tap_ok(zsi_passages_split(list, strlen(list), &p, &np) == 0 && np == 2,
           "a list item after an unfinished line stays apart (%zu)", np);
    zsi_passages_free(p, np);

    const char *empty = "";
    tap_ok(zsi_passages_split(empty, 0, &p, &np) == 0 && np == 0, "empty text, no passages");
    zsi_passages_free(p, np);
}

static void test_years(void)
{
    int y[64];
    size_t ny = 0;
    const char *s;

#define YEARS(text, ay) zsi_years_extract(text, strlen(text), ay, y, NULL, 64, &ny)
    s = "“十四五”期间，六盘水高新区累计引进项目100个。";
    tap_ok(YEARS(s, 0) == 0 && ny == 5 && y[0] == 2021 && y[4] == 2025, "十四五 -> 2021..2025");
    s = "站在“十四五”收官与“十五五”开局的交汇点";
    tap_ok(YEARS(s, 0) == 0 && ny == 10 && y[9] == 2030, "十五五 -> 2026..2030");
    s = "“十三五”以来";
    tap_ok(YEARS(s, 0) == 0 && ny == 5 && y[0] == 2016, "十三五 -> 2016..2020");
    TAP_INTEQ(zsi_plan_first_year(14), 2021, "14th plan starts 2021");
    TAP_INTEQ(zsi_plan_first_year(1), 1953, "1st plan starts 1953");
    s = "吸引投资2000余万元，累计授权发明专利2105项，售价1999元，产值2020万";
    tap_ok(YEARS(s, 0) == 0 && ny == 0, "no year from 2000余万元 / 2105项 / 1999元 / 2020万");
    s = "预计年出口额将超2000万元";
    tap_ok(YEARS(s, 2025) == 0 && ny == 0, "2000万元 is not a year");
    s = "2021年到2024年，全省开发区规上工业企业数增长了24.9%";
    tap_ok(YEARS(s, 0) == 0 && ny == 4 && y[0] == 2021 && y[3] == 2024, "2021年到2024年 expanded");
    s = "2021—2025年规划";
    tap_ok(YEARS(s, 0) == 0 && ny == 5, "2021—2025年 expanded");
    s = "2021-2025 发展纲要";
    tap_ok(YEARS(s, 0) == 0 && ny == 5, "2021-2025 expanded");
    s = "投资2021-2025万元";
    tap_ok(YEARS(s, 0) == 0 && ny == 0, "2021-2025万元 is an amount, not years");
    {
        /* A range needs no 年: every connector lets the text be read for
         * years (year.c, may_hold_year()); text with none of them and no
         * 年 or 五 has none. */
        static const char *const ranges[] = {"2021到2025，", "二〇二一至二〇二五，", "2021—2025，",
                                             "2021–2025，",  "2021―2025，",         "2021‐2025，",
                                             "2021－2025，", "2021~2025，",          "2021～2025，"};
        for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++)
            tap_ok(YEARS(ranges[k], 0) == 0 && ny == 5 && y[0] == 2021 && y[4] == 2025, "%s expanded",
                   ranges[k]);
        s = "床前明月光，疑是地上霜。2021 2025";
        tap_ok(YEARS(s, 2025) == 0 && ny == 0, "no 年, 五 or connector: no year");
    }
    s = "预计 2022 年投产";
    tap_ok(YEARS(s, 0) == 0 && ny == 1 && y[0] == 2022, "2022 年 with spaces");
    s = "营业收入从2021年的995亿元增长至2024年的1903亿元";
    tap_ok(YEARS(s, 0) == 0 && ny == 2 && y[0] == 2021 && y[1] == 2024, "two years, no range");
    s = "今年8月，去年9月，明年，前年";
    tap_ok(YEARS(s, 2025) == 0 && ny == 4 && y[0] == 2023 && y[1] == 2024 && y[2] == 2025 &&
               y[3] == 2026,
           "今年/去年/明年/前年 relative to 2025");
    tap_ok(YEARS(s, 0) == 0 && ny == 0, "relative years skipped when the article year is unknown");
    s = "三五成群的游客";
    tap_ok(YEARS(s, 0) == 0 && ny == 0, "三五成群 is not a plan");
    s = "过去一年，比上年增长5%";
    tap_ok(YEARS(s, 2021) == 0 && ny == 1 && y[0] == 2020, "上年 is the year before");
#undef YEARS
    {
        unsigned char sp[64];
        s = "“十四五”期间累计引进项目100个；2023年签约，2021—2025年规划，今年投产。";
        int rc = zsi_years_extract(s, strlen(s), 2024, y, sp, 64, &ny);
        tap_ok(rc == 0 && ny == 5 && y[0] == 2021 && !sp[0] && y[1] == 2022 && sp[1] &&
                   y[2] == 2023 && !sp[2] && y[3] == 2024 && !sp[3] && y[4] == 2025 && !sp[4],
               "stated years (2023年, 今年, range ends) are not spans; 2022 only spanned");
        s = "“十三五”以来";
        rc = zsi_years_extract(s, strlen(s), 0, y, sp, 64, &ny);
        tap_ok(rc == 0 && ny == 5 && sp[0] && sp[4], "a plan period only spans its years");
    }

    s = "该市力争到2030年形成千亿级集群。2025年，该集团实现产值36亿元。";
    TAP_INTEQ(zsi_article_year(s, strlen(s)), 2025, "plan target 2030 does not date the article");
    s = "某报\n2024年11月5日 星期二\n从2025年起实施。";
    TAP_INTEQ(zsi_article_year(s, strlen(s)), 2024, "a date line dates the article");

    size_t n = 0;
    char *raw = tap_corpus_file("004_f95930e6cd8d76ce.txt", &n);
    if (raw) {
        int ay = zsi_article_year(raw, n);
        TAP_INTEQ(ay, 2021, "004 article year (预\\n\\n计 2022 年 is a plan)");
        zsi_passage *p = NULL;
        size_t np = 0;
        zsi_passages_split(raw, n, &p, &np);
        const zsi_passage *q = find_passage(p, np, "数据显示，今年以来");
        tap_ok(q && zsi_years_extract(q->text, q->len, ay, y, NULL, 64, &ny) == 0 && ny == 1 &&
                   y[0] == 2021,
               "今年 in 004 resolves to 2021");
        zsi_passages_free(p, np);
        free(raw);
    }
    raw = tap_corpus_file("003_ef47862b64326710.txt", &n);
    if (raw) {
        int seen2105 = 0;
        zsi_passage *p = NULL;
        size_t np = 0;
        zsi_passages_split(raw, n, &p, &np);
        for (size_t i = 0; i < np; i++) {
            zsi_years_extract(p[i].text, p[i].len, zsi_article_year(raw, n), y, NULL, 64, &ny);
            /* 2105 is out of range anyway; also no year may come from its digits. */
            if (strstr(p[i].text, "2105项") && (has_year(y, ny, 2105) || has_year(y, ny, 2010)))
                seen2105 = 1;
        }
        tap_ok(!seen2105, "003: 2105项 gives no year");
        zsi_passages_free(p, np);
        free(raw);
    }
}

static int names_has(char **names, size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], want) == 0)
            return 1;
    return 0;
}

static void test_parks(void)
{
    zsi_gazetteer *g = NULL;
    char err[256] = "";
    char **names = NULL;
    size_t nn = 0;
    const char *s;
    int rc = zsi_gazetteer_open(&g, err, sizeof err);
    if (!tap_ok(rc == 0 && g, "gazetteer loads (%s)", err))
        return;
    tap_ok(zsi_gazetteer_count(g) > 100, "gazetteer has %zu zones", zsi_gazetteer_count(g));

#define CANON(a) zsi_park_canonical(g, a, strlen(a))
    TAP_STREQ(CANON("六盘水国家高新区"), "六盘水高新区", "六盘水国家高新区 folds");
    TAP_STREQ(CANON("六盘水高新技术产业开发区"), "六盘水高新区", "六盘水高新技术产业开发区 folds");
    TAP_STREQ(CANON("水城经济开发区"), "水城经开区", "水城经济开发区 folds");
    TAP_STREQ(CANON("贵州水城经开区"), "水城经开区", "贵州水城经开区 folds");
    TAP_STREQ(CANON("贵州省水城经济技术开发区"), "水城经开区",
              "贵州省 + 经济技术开发区 folds by rule");
    TAP_STREQ(CANON("安顺国家高新技术产业开发区"), "安顺高新区", "long form folds by rule");
    tap_ok(CANON("不存在的地方") == NULL, "unknown name gives NULL");
#undef CANON

    const char *const *al = NULL;
    size_t nal = 0;
    tap_ok(zsi_park_aliases(g, "水城经开区", strlen("水城经开区"), &al, &nal) == 0 && nal >= 2,
           "aliases of 水城经开区 listed (%zu)", nal);

    s = "日前，走进六盘水高新区先进装备制造产业园，3月12日，位于水城经济开发区的公司";
    rc = zsi_parks_extract(g, s, strlen(s), &names, &nn, NULL);
    tap_ok(rc == 0 && nn == 3 && !strcmp(names[0], "六盘水高新区") &&
               !strcmp(names[1], "六盘水高新区先进装备制造产业园") &&
               !strcmp(names[2], "水城经开区"),
           "zones in order, canonical; the park inside 六盘水高新区 named too");
    zsu_strv_free(names, nn);

    s = "近日，湄江经济开发区和梵净山高新技术产业开发区签约。";
    rc = zsi_parks_extract(g, s, strlen(s), &names, &nn, NULL);
    tap_ok(rc == 0 && names_has(names, nn, "湄江经开区") && names_has(names, nn, "梵净山高新区"),
           "unknown zones found by pattern and folded");
    zsu_strv_free(names, nn);

    s = "全省开发区规上工业企业数增长，93家开发区成立了运营公司，积极推进开发区改革。";
    rc = zsi_parks_extract(g, s, strlen(s), &names, &nn, NULL);
    tap_ok(rc == 0 && nn == 0, "全省开发区 / 93家开发区 / 推进开发区 are no names (%zu)", nn);
    zsu_strv_free(names, nn);

    s = "称味栾城旧，潜光谷口栖。雄文联组绣，高论吐虹霓。";
    rc = zsi_parks_extract(g, s, strlen(s), &names, &nn, NULL);
    tap_ok(rc == 0 && nn == 0, "a nickname (光谷) in a poem is no zone (%zu)", nn);
    zsu_strv_free(names, nn);
    s = "光谷企业去年营收增长两成，园区新增光电子项目12个。";
    rc = zsi_parks_extract(g, s, strlen(s), &names, &nn, NULL);
    tap_ok(rc == 0 && nn == 1 && !strcmp(names[0], "武汉东湖高新区"),
           "a nickname where zones are spoken of is its zone");
    zsu_strv_free(names, nn);

    s = "和平(荷江)经开区工人在调装、搬运铝锭。";
    rc = zsi_parks_extract(g, s, strlen(s), &names, &nn, NULL);
    tap_ok(rc == 0 && nn == 1 && !strcmp(names[0], "和平经开区"), "bracketed aside skipped");
    zsu_strv_free(names, nn);

    s = "助力高新区于2023年成功跻身“国家绿色工业园区”。";
    tap_ok(zsi_has_bare_park_ref(g, s, strlen(s)) == 1, "bare 高新区 detected");
    s = "六盘水高新区常住人口突破10万人。";
    tap_ok(zsi_has_bare_park_ref(g, s, strlen(s)) == 0, "named zone is not a bare reference");
    s = "全省开发区规上工业企业数增长。";
    tap_ok(zsi_has_bare_park_ref(g, s, strlen(s)) == 0, "全省开发区 is zones in general");

    size_t n = 0;
    char *raw = tap_corpus_file("000_24cf386f7f29c2e5.txt", &n), *main_zone = NULL;
    if (raw) {
        tap_ok(zsi_article_park(g, raw, n, &main_zone) == 0 && main_zone &&
                   !strcmp(main_zone, "六盘水高新区"),
               "000 is about 六盘水高新区 (%s)", main_zone ? main_zone : "-");
        free(main_zone);
        free(raw);
    }
    raw = tap_corpus_file("004_f95930e6cd8d76ce.txt", &n);
    if (raw) {
        zsi_passage *p = NULL;
        size_t np = 0;
        int bad = 0;
        zsi_passages_split(raw, n, &p, &np);
        for (size_t i = 0; i < np; i++) {
            zsi_parks_extract(g, p[i].text, p[i].len, &names, &nn, NULL);
            /* Parks companies build, which the page names and
             * tests/quality/corpus.tsv labels as zones, are in no list. */
            static const char *const company[] = {"森阳集成电路半导体示范产业园",
                                                  "中晟泰科集成电路产业园"};
            for (size_t k = 0; k < nn; k++)
                if (!zsi_park_canonical(g, names[k], strlen(names[k])) &&
                    strcmp(names[k], company[0]) != 0 && strcmp(names[k], company[1]) != 0) {
                    tap_diag("unknown zone in 004: %s", names[k]);
                    bad++;
                }
            zsu_strv_free(names, nn);
        }
        TAP_INTEQ(bad, 0, "004: every zone found is a known one (no junk names)");
        zsi_passages_free(p, np);
        free(raw);
    }
    zsi_gazetteer_free(g);
}

int main(void)
{
    test_decode();
    test_undouble();
    test_passages_004();
    test_passages_000();
    test_passages_misc();
    test_years();
    test_parks();
    return tap_done();
}
