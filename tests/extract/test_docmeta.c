/*
 * test_docmeta.c - an article's date, outlet and page from its file name and
 * its first lines, and the lines of passages and figures (date.c, docname.c, dateline.c,
 * lines.c). The articles are written here; prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "docmeta_int.h"
#include "extract_int.h"

static zsi_docmeta from_name(const zsi_name_patterns *np, const char *path)
{
    zsi_docmeta m;
    memset(&m, 0, sizeof m);
    zsi_docmeta_from_name(np, path, &m);
    return m;
}

static zsi_docmeta from_text(const char *text, int hint)
{
    zsi_docmeta m;
    memset(&m, 0, sizeof m);
    zsi_docmeta_from_text(text, strlen(text), hint, &m);
    return m;
}

static void test_normalize(void)
{
    static const char *const ok[][2] = {{"2019-10-22", "2019-10-22"},
                                        {"2019/1/4", "2019-01-04"},
                                        {"2019.10.22", "2019-10-22"},
                                        {"20191022", "2019-10-22"},
                                        {"2019年1月4日", "2019-01-04"},
                                        {"2019-10", "2019-10"},
                                        {"2019", "2019"},
                                        {" 2020-02-29 ", "2020-02-29"},
                                        {"2019年10月", "2019-10"}};
    static const char *const bad[] = {"2019-02-29", "2019-13-01",  "2019-10-32",
                                      "19-10-22",   "2019-10-22x", "yesterday",
                                      "",           "2019-10/22",  "1800-01-01"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char out[11];
        int r = zsi_date_normalize(ok[i][0], strlen(ok[i][0]), out);
        tap_ok(r == 1, "date '%s' is valid", ok[i][0]);
        TAP_STREQ(out, ok[i][1], "date '%s' normalized", ok[i][0]);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char out[11];
        tap_ok(zsi_date_normalize(bad[i], strlen(bad[i]), out) == 0, "'%s' is not a date", bad[i]);
    }
}

static void test_names(void)
{
    zsi_name_patterns *np = NULL;
    char err[256] = "";
    const char *extra[] = {"wb-%Y%m%d-p%p=晚报样例", "%Y年/%m月/*"};
    int rc = zsi_name_patterns_open(&np, extra, 1, err, sizeof err);
    TAP_INTEQ(rc, 0, "built-in patterns load (%s)", err);

    /* A name, the date, outlet (NULL: not checked) and page (-1: not
     * checked) read from it, and what the case shows. */
    static const struct {
        const char *path, *date, *source;
        int page;
        const char *what;
    } names[] = {
        {"/x/rmrb_20191022-02-01.txt", "2019-10-22", "人民日报", 2, "rmrb_YYYYMMDD-PP-NN"},
        {"pfr_19980101-12-004.txt", "1998-01-01", "人民日报", 12, "pfr_YYYYMMDD-PP-AAA"},
        {"/data/wb-20200108-p4.txt", "2020-01-08", "晚报样例", 4, "a run-time pattern"},
        {"/data/news/2020-02-03_report.txt", "2020-02-03", "", -1,
         "a date anywhere in the name, no outlet without a pattern naming one"},
        {"/data/2019/10/22/a.txt", "2019-10-22", NULL, -1, "folders by date"},
        {"/data/2019/a.txt", "2019", NULL, -1, "a folder of a year"},
        {"eb_caigoudt_ff80808132811a910132956c5eeb05dc.txt", "", NULL, -1,
         "a hash holding digits gives no date"},
        {"eb_cgxqzx_ff8080813078a95601308673a191035b.txt", "", NULL, -1,
         "a hash's 191035 is no date (fields run together take two digits)"},
        {"news_201910222.txt", "", NULL, -1, "nine digits are no date"},
        {"rmrb_20190229-01-01.txt", "", NULL, -1, "a day that does not exist gives no date"},
        {"x_120191022.txt", "", NULL, -1, "eight digits inside a longer run are no date"},
    };
    zsi_docmeta m;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        m = from_name(np, names[i].path);
        TAP_STREQ(m.date, names[i].date, "%s: date", names[i].what);
        if (names[i].source)
            TAP_STREQ(m.source, names[i].source, "%s: outlet", names[i].what);
        if (names[i].page >= 0)
            TAP_INTEQ(m.page, names[i].page, "%s: page", names[i].what);
    }
    m = from_name(np, "/x/rmrb_20191022-02-01.txt");
    TAP_INTEQ(m.date_from, ZSI_META_NAME, "rmrb: the date came from the name");
    /* fields already known are kept */
    memset(&m, 0, sizeof m);
    memcpy(m.date, "2019-10-21", 11);
    zsi_docmeta_from_name(np, "rmrb_20191022-02-01.txt", &m);
    TAP_STREQ(m.date, "2019-10-21", "an earlier date (manifest) is kept");
    TAP_STREQ(m.source, "人民日报", "the outlet is filled in");
    zsi_name_patterns_free(np);

    tap_ok(!zsi_name_pattern_check("%Y%q", err, sizeof err), "unknown field rejected: %s", err);
    tap_ok(!zsi_name_pattern_check("%d-%m", err, sizeof err), "day without year rejected: %s", err);
    tap_ok(zsi_name_pattern_check("a_%Y%m%d_%p=某报", err, sizeof err), "a good pattern passes");
    np = NULL;
    /* Many stars against a long name: one pass, not a backtracking storm
     * (libFuzzer found fourteen stars taking minutes). */
    const char *stars[] = {"**************%Y*%m*%d*%p*=星报",
                           "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*%Y%m%d*b"};
    rc = zsi_name_patterns_open(&np, stars, 2, err, sizeof err);
    TAP_INTEQ(rc, 0, "patterns of many stars load (%s)", err);
    m = from_name(np,
                  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.txt");
    TAP_STREQ(m.date, "", "many stars against a long name end, with no date");
    m = from_name(np, "x2019y10z22w3.txt");
    TAP_STREQ(m.date, "2019-10-22", "a run of stars is one star");
    TAP_STREQ(m.source, "星报", "  and the pattern's outlet");
    zsi_name_patterns_free(np);
    np = NULL;
    const char *badp[] = {"%Y-%Y"};
    tap_ok(zsi_name_patterns_open(&np, badp, 1, err, sizeof err) == ZS_EINVAL && !np,
           "open fails on a bad pattern: %s", err);
}

static void test_text(void)
{
    zsi_docmeta m = from_text(
        "某地开发区稳步发展\n\n本报北京10月21日电（记者 王某某）近日，某地召开会议。\n", 2019);
    TAP_STREQ(m.date, "2019-10-21", "dateline with the year from the hint");
    TAP_STREQ(m.source, "", "本报 names no outlet");
    TAP_INTEQ(m.date_from, ZSI_META_TEXT, "the date came from the text");
    m = from_text("标题\n\n新华社北京1月4日电（记者 李某）2020年1月，全国……\n", 0);
    TAP_STREQ(m.date, "2020-01-04", "dateline, year from a date of its month");
    m = from_text("标题\n\n新华社北京1月4日电（记者 李某）2020年，全国……\n", 0);
    TAP_STREQ(m.date, "", "dateline without a year to trust: no date");
    memset(&m, 0, sizeof m);
    memcpy(m.date, "2019", 5);
    const char *dl = "本报北京10月21日电 正文。\n";
    zsi_docmeta_from_text(dl, strlen(dl), 0, &m);
    TAP_STREQ(m.date, "2019-10-21", "a year-only date (folder) is made precise by the dateline");
    m = from_text("标题\n\n新华社北京1月4日电（记者 李某）2020年1月，全国……\n", 0);
    TAP_STREQ(m.source, "新华社", "the agency of a dateline is the outlet");
    m = from_text("标题\n新华社北京十二月三十一日电 记者某某报道：\n1997年的工作……\n", 1997);
    TAP_STREQ(m.date, "1997-12-31", "dateline in Chinese numerals");
    m = from_text("本报讯 近日，园区召开大会。\n", 0);
    TAP_STREQ(m.date, "", "本报讯 alone gives no date");
    m = from_text("2019年10月22日 星期二\n某区新闻\n正文在此，2018年3月1日开工。\n", 0);
    TAP_STREQ(m.date, "2019-10-22", "a line that is only a date");
    m = from_text("某区新闻\n发布时间：2021-06-30 08:30\n正文。\n", 0);
    TAP_STREQ(m.date, "2021-06-30", "a short header line holding a date");
    m = from_text("某区新闻\n正文说，2018年3月1日开工，至今已投产。\n", 0);
    TAP_STREQ(m.date, "", "a date inside prose is an event, not the article's date");
    m = from_text("标题\n经济日报记者 张某某\n正文。\n", 0);
    TAP_STREQ(m.source, "经济日报", "a reporter line names the outlet");
    m = from_text("标题\n（人民日报记者 张某某）\n", 0);
    TAP_STREQ(m.source, "人民日报", "a reporter line in brackets");
    m = from_text("标题\n本报记者 张某某\n", 0);
    TAP_STREQ(m.source, "", "本报记者 names no outlet");
    m = from_text("本报北京２月３日电 正文。\n", 2020);
    TAP_STREQ(m.date, "2020-02-03", "full-width digits in a dateline");
    m = from_text("本报北京2月30日电 正文。\n", 2020);
    TAP_STREQ(m.date, "", "a dateline of a day that does not exist gives nothing");
    /* dates are looked for where a year is, from a list of at most 256
     * (dateline.c, MAX_YEARS_AT); a text with more is read at every
     * character: the same header date after 300 years */
    char many[3000];
    size_t at = 0;
    for (int k = 0; k < 300; k++)
        at += (size_t)snprintf(many + at, sizeof many - at, "%d\xE3\x80\x81", 1700 + k); /* 、 */
    snprintf(many + at, sizeof many - at, "\n发布时间：2021-06-30 08:30\n正文。\n");
    m = from_text(many, 0);
    TAP_STREQ(m.date, "2021-06-30", "a header date after a line of 300 years");
}

static void test_lines(void)
{
    const char *t = "a\nbc\r\nd\re\n\nf";
    zsi_lines c;
    long line, col;
    /* offsets in the order asked, and the line and column of each */
    static const struct {
        size_t off;
        long line, col;
        const char *what;
    } at[] = {{0, 1, 1, "offset 0 is 1:1"},     {3, 2, 2, "after LF"},
              {6, 3, 1, "after CRLF"},          {8, 4, 1, "after a lone CR"},
              {11, 6, 1, "after a blank line"}, {2, 2, 1, "going back restarts"}};
    zsi_lines_init(&c, t, strlen(t));
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        zsi_lines_at(&c, at[i].off, &line, &col);
        tap_ok(line == at[i].line && col == at[i].col, "%s (%ld:%ld)", at[i].what, line, col);
    }

    /* a paragraph broken by the page's columns, joined by passage.c */
    const char *orig = "标题\n\n累计引进项目100个，签约金额135.34亿\n元，营收增长12.5%；\n\n营收 增长\n";
    zsi_passage *ps = NULL;
    size_t nps = 0;
    int rc = zsi_passages_split(orig, strlen(orig), &ps, &nps);
    TAP_INTEQ(rc, 0, "split");
    size_t k = 0;
    while (k < nps && !strstr(ps[k].text, "135.34"))
        k++;
    if (!tap_ok(k < nps, "the joined passage is found")) {
        zsi_passages_free(ps, nps);
        return;
    }
    uint32_t *br = NULL;
    size_t nbr = 0;
    rc = zsi_passage_breaks(orig, ps[k].start, ps[k].end, ps[k].text, ps[k].len, &br, &nbr);
    TAP_INTEQ(rc, 0, "breaks");
    TAP_INTEQ(nbr, 1, "one line break inside the passage");
    size_t fig = (size_t)(strstr(ps[k].text, "12.5%") - ps[k].text);
    size_t first = (size_t)(strstr(ps[k].text, "100") - ps[k].text);
    zsi_lines_init(&c, orig, strlen(orig));
    zsi_lines_at(&c, ps[k].start, &line, &col);
    TAP_INTEQ(line, 3, "the passage starts on line 3");
    TAP_INTEQ(line + zsi_breaks_before(br, nbr, fig), 4, "12.5%% is on line 4");
    TAP_INTEQ(line + zsi_breaks_before(br, nbr, first), 3, "100个 is on line 3");
    free(br);
    zsi_passages_free(ps, nps);
}

int main(void)
{
    test_normalize();
    test_names();
    test_text();
    test_lines();
    return tap_done();
}
