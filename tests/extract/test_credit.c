/*
 * test_credit.c - which figures of a passage its zone is credited with
 * (extract/credit.c): not a city's, a province's or a company's, unless a
 * zone is named nearer the figure. Sentences written for this test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "figure_int.h"
#include "../tap.h"

typedef struct row {
    const char *text;
    const char *printed; /* the figure */
    int withheld;        /* 1: not the zone's */
} row;

static const row rows[] = {
    {"贵阳市地区生产总值达5000亿元，增长6%。", "5000亿元", 1},
    {"全市规模以上工业增加值比上年增长9.5%。", "9.5%", 1},
    {"某某科技集团有限公司营业收入达到12亿元。", "12亿元", 1},
    {"六盘水高新区签约金额135.34亿元。", "135.34亿元", 0},
    {"六盘水市积极培育产业，六盘水高新区累计引进项目100个。", "100个", 0},
    {"高新区工业产值占全市的30%。", "30%", 0},
    {"园区今年实现营业收入80亿元。", "80亿元", 0},
    {"在潮州中炬产业转移园，培育企业44家。", "44家", 0},
    /* the zone a company 位于 is its setting, not a nearer subject */
    {"某某电动车有限公司位于常德经济技术开发区，占地800余亩，计划投入12亿元。", "12亿元", 1},
    {"某某电动车有限公司位于常德经济技术开发区，常德经开区去年工业产值达到900亿元。", "900亿元", 0},
    /* a county's name inside a zone's (安新 in 雄安新区) is no subject */
    {"截至月底，雄安新区规模以上企业复工85家，复工率达到60%。", "60%", 0},
    {"去年安新县规模以上企业复工85家，复工率达到60%。", "60%", 1},
    /* ... nor a county's whose characters a bare zone word shares in part
     * (城北区 in 科学城北区, 大园区 in 三大园区): the text speaks of the
     * zone's part or counts parks; the county alone is a subject */
    {"目前，科学城北区共有厂房200万平方米。", "200万平方米", 0},
    {"去年，三大园区新增企业600家。", "600家", 0},
    {"目前，城北区共有厂房200万平方米。", "200万平方米", 1},
    /* nor is a city in brackets after a platform's name */
    {"园区建成某某孵化器（遵义）等平台，拥有众创空间4家。", "4家", 0},
    /* a figure before any zone the passage names is an earlier sentence's
     * place's; not when the zone is named in its own sentence */
    {"东城区出台新办法。对合作银行的不良贷款，按本金的60%给予补偿。这将推动中关村科学城建设。",
     "60%", 1},
    {"他早年在河南学过技术。村里用300万元建起的红石工业园投入使用。", "300万元", 0},
    /* ... and whether or not an earlier sentence names a place or a
     * company: the passage turns to the zone only after the figure */
    {"本次开工的项目共有30个，总投资80亿元。此外还有红石工业园的扩建项目。", "80亿元", 1},
    {"本次开工的项目共有30个，总投资80亿元。此外还有红石工业园的扩建项目。", "30个", 1},
    /* a passage that names no zone (its story's zone is inherited) keeps
     * the subject an earlier sentence of it names: a company's or a city's
     * paragraph, unless a bare zone word is nearer the figure */
    {"记者走进某某电子有限公司，工人正在加紧生产。负责人介绍，1050位员工已到岗开工。", "1050位", 1},
    {"珠海某某项目首期投产柴油机；二期项目累计投资15亿元。", "15亿元", 1},
    {"某某集团的新工厂今年投产。园区全年实现营业收入80亿元。", "80亿元", 0},
    /* ... a name inside another word is no subject (新建 in 创新建立) */
    {"园区创新建立企业梯次培育机制；累计孵化科技型企业17家。", "17家", 0},
    /* a country abroad is a subject, as a province is; not inside a word
     * (万象, a city abroad, in 万象更新) */
    {"去年新加坡接待中国游客约300万人次，比上年增长6%。", "6%", 1},
    {"园区万象更新，今年引进项目20个。", "20个", 0},
    /* a zone listed with places (or sites of their own) is one item of the
     * list's subject: the group's figure is none of the zone's; a zone's own
     * offices listed (工委、管委) are still the zone */
    {"去年，北京、天津、河北雄安新区等五个试点地区服务进出口合计4000亿元。", "4000亿元", 1},
    {"机场距离北京城市副中心、雄安新区50多公里。", "50多公里", 1},
    {"城东物流园、南部新区、亳州工业园区年底前将有200多家企业投产。", "200多家", 1},
    {"滨海新区卫健委、公安局等部门将35名旅客安置到酒店。", "35名", 0},
    {"六盘水高新区工委、管委当天成立领导小组，下设宣传、保障等6个工作组。", "6个", 0},
    {"北京、天津等地企业入驻雄安新区，投资100亿元。", "100亿元", 0},
    /* a place after 在 or 于 in a zone's own clause is where the zone
     * stands, no subject */
    {"红石工业园规划选址在六盘水市东南角，规划面积25平方公里。", "25平方公里", 0},
    {"红石工业园在荥阳开工建设，明年将有30多家企业入驻园区。", "30多家", 0},
    {"红石工业园位于六盘水市，该市今年GDP增长8%。", "8%", 1},
    {"在六盘水市，红石工业园的企业增多，全市新增就业2000人。", "2000人", 1},
    /* a clause after a semicolon with no subject of its own is its
     * sentence's first clause's; not when a zone is named between, by its
     * name or by a bare word */
    {"红石工业园去年投产。全市生产总值增长6%；新增高新技术企业120家。", "120家", 1},
    {"红石工业园去年投产。全省引进外资增长一成；累计落地项目300个。", "300个", 1},
    {"红石工业园去年投产。全市生产总值增长6%；红石工业园新增企业120家。", "120家", 0},
    {"红石工业园去年投产。全市生产总值增长6%；园区新增企业120家。", "120家", 0},
    {"全市产值增长一成，红石工业园贡献最大；新增企业120家。", "120家", 0},
    {"红石工业园加快发展，实力在全省园区中排名第三；集聚企业120家。", "120家", 0},
    /* a sentence that names no subject keeps the one an earlier sentence of
     * a zone's passage names after the zone: a province's, a city's or a
     * company's; not a place where the zone stands, a company word that ends
     * a quoted term, the country or the world, nor when the zone is named in
     * the figure's own sentence */
    {"红石工业园发展加快。全省开发区企业数增长了24.9%。截至目前，新兴产业产值占全省比重超过80%。",
     "超过80%", 1},
    {"红石工业园迎来某某膜业公司。经核实，企业登记资本共计850万元。", "850万元", 1},
    {"红石工业园位于贵州省六盘水市。去年实现营业收入120亿元。", "120亿元", 0},
    {"红石工业园推行“园区—平台公司”双轨办法。目前汇聚厂商310多家。", "310多家", 0},
    {"红石工业园推行《某某集团手册》办法。目前汇聚厂商310多家。", "310多家", 0},
    {"红石工业园的电池卖到了全球三十多个市场。现在园区集群规模突破936亿元。", "突破936亿元", 0},
    {"红石工业园的电池销往全球三十多个市场。现在集群规模突破936亿元。", "突破936亿元", 0},
    {"红石工业园签下某某光电公司。今后两年预计有260家厂商进驻红石工业园。", "260家", 0},
    {"红石工业园发展加快。全省企业数增长了两成。今年新增企业140家，大多入驻园区。", "140家", 0},
    {"红石工业园开放了临时宿舍。园区将60名河南籍工人安排到宿舍。此外，约900名工人已经返岗。", "约900名", 0},
    {"红石工业园地处六盘水市北部。去年营业收入做到90亿元。", "90亿元", 0},
    {"红石工业园坐落于六盘水市、安顺市之间。去年营业收入做到95亿元。", "95亿元", 0},
    /* a collective after 向, 与 or 了 is what the act reaches, no subject */
    {"红石工业园今年向全国输出管理办法17条。", "17条", 0},
    {"红石工业园的新基地与全球领先的材料企业联手，预计年度销售可望突破73亿元。", "突破73亿元", 0},
    {"红石工业园发展很快，全国高新技术企业增长12%。", "12%", 1},
};

static const zsi_figure *find_fig(const char *text, const zsi_figure *v, size_t nv,
                                  const char *printed, size_t *idx)
{
    for (size_t i = 0; i < nv; i++)
        if (v[i].end - v[i].start == strlen(printed) &&
            memcmp(text + v[i].start, printed, strlen(printed)) == 0) {
            *idx = i;
            return &v[i];
        }
    return NULL;
}

/* zsi_figures_nearest() over passage t: each of the figures want[r][0] is
 * credited to the zone want[r][1] ("-": none of t's, the passage's first). */
static void nearest(const zsi_gazetteer *g, const char *t, const char *const (*want)[2], size_t nw,
                    size_t nzones)
{
    zsi_figure *v = NULL;
    char **names = NULL;
    size_t nv = 0, nn = 0;
    unsigned char w[64] = {0};
    zsi_park_mention *m = NULL;
    size_t nm = 0;
    int ok = zsi_figures_extract(t, strlen(t), &v, &nv) == 0 && nv <= sizeof w &&
             zsi_parks_extract(g, t, strlen(t), &names, &nn, NULL) == 0 &&
             zsi_parks_mentions(g, t, strlen(t), &m, &nm) == 0;
    if (ok)
        zsi_figures_nearest(t, strlen(t), v, nv, m, nm, names, nn, w);
    zsi_park_mentions_free(m, nm);
    tap_ok(ok && nn == nzones, "%zu zones named (%zu)", nzones, nn);
    for (size_t r = 0; ok && r < nw; r++) {
        size_t idx = 0;
        const char *got = "?";
        if (find_fig(t, v, nv, want[r][0], &idx))
            got = w[idx] >= ZSI_CREDIT_ZONE && (size_t)(w[idx] - ZSI_CREDIT_ZONE) < nn
                      ? names[w[idx] - ZSI_CREDIT_ZONE]
                      : "-";
        tap_ok(!strcmp(got, want[r][1]), "[%s] credited to %s (got %s)", want[r][0], want[r][1], got);
    }
    zsu_strv_free(names, nn);
    free(v);
}

/* zsi_figures_credit() of t, with its zone mentions found as the indexer
 * finds them (one pass over the whole text). */
static int credit(const zsi_gazetteer *g, const char *t, const zsi_figure *v, size_t nv,
                  unsigned char *w)
{
    zsi_park_mention *m = NULL;
    size_t nm = 0;
    int rc = zsi_parks_mentions(g, t, strlen(t), &m, &nm);
    if (rc == 0)
        zsi_figures_credit(g, t, strlen(t), v, nv, m, nm, w);
    /* a passage that names no zone, as the indexer credits it its story's */
    if (rc == 0 && nm == 0)
        zsi_figures_credit_unnamed(g, t, strlen(t), v, nv, w);
    zsi_park_mentions_free(m, nm);
    return rc;
}

/* test_credit x "句子": print each figure of a sentence and whether its
 * zone is credited with it (to look into a case by hand). */
static int show(const zsi_gazetteer *g, const char *t)
{
    zsi_figure *v = NULL;
    size_t nv = 0;
    unsigned char *w;
    int rc = zsi_figures_extract(t, strlen(t), &v, &nv);
    if (rc != 0 || !(w = malloc(nv + 1)))
        return 1;
    if ((rc = credit(g, t, v, nv, w)) == 0)
        for (size_t i = 0; i < nv; i++)
            printf("%.*s\t%s\n", (int)(v[i].end - v[i].start), t + v[i].start,
                   w[i] ? "withheld" : "the zone's");
    free(w);
    free(v);
    return rc != 0;
}

int main(int argc, char **argv)
{
    zsi_gazetteer *g = NULL;
    char err[256] = "";

    if (!tap_ok(zsi_gazetteer_open(&g, err, sizeof err) == 0, "gazetteer loads (%s)", err))
        return tap_done();
    if (argc > 2) {
        int rc = show(g, argv[2]);
        zsi_gazetteer_free(g);
        return rc;
    }
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        const char *t = rows[r].text;
        zsi_figure *v = NULL;
        size_t nv = 0, idx = 0;
        unsigned char w[64];
        int rc = zsi_figures_extract(t, strlen(t), &v, &nv);
        if (rc == 0 && nv <= sizeof w && find_fig(t, v, nv, rows[r].printed, &idx) &&
            credit(g, t, v, nv, w) == 0)
            tap_ok(w[idx] == rows[r].withheld, "%s: [%s] %s", t, rows[r].printed,
                   rows[r].withheld ? "withheld from the zone" : "the zone's");
        else
            tap_ok(0, "%s: [%s] found and credited", t, rows[r].printed);
        free(v);
    }
    /* a passage of two zones: a figure is the zone's its sentence names, or
     * its clause when the sentence names both, or the nearest sentence before
     * it that names one; none of the two (the passage's first) after a
     * sentence naming both, whatever its last clause names */
    {
        static const char *const want[][2] = {{"12家", "红果经开区"}, {"88家", "正安经开区"},
                                              {"9亿元", "正安经开区"}, {"30亿元", "-"},
                                              {"95%", "正安经开区"}, {"800人", "-"}};
        nearest(g,
                "去年，红果经开区集聚上下游企业12家；正安经开区集聚配套企业88家，实现产值9亿元。"
                "红果经开区、正安经开区都是省级开发区。两区全年共完成投资30亿元。"
                "在红果经开区内的企业复工，正安经开区企业复工率已达到95%。"
                "红果经开区企业增多，正安经开区企业也增多。两区共引进人才800人。",
                want, sizeof want / sizeof *want, 2);
    }
    /* a nested name (两江新区水土工业园, 中关村科学城: the zone it lies in, or
     * a nickname, at its head) is the zone it spells out whole, in its
     * sentence and when no zone is named before the figure; a zone named on
     * its own too makes two */
    {
        static const char *const want[][2] = {{"86亿元", "两江新区水土工业园"},
                                              {"1800亿元", "两江新区"},
                                              {"突破2.6万亿元", "中关村科学城"}};
        nearest(g,
                "重庆两江新区水土工业园累计引进项目86亿元，两江新区上半年投资1800亿元。"
                "北京中关村科学城提出目标，园区产值突破2.6万亿元。",
                want, sizeof want / sizeof *want, 4);
    }
    {
        static const char *const want[][2] = {{"突破2.6万亿元", "中关村科学城"}};
        nearest(g, "“到2030年，园区产值突破2.6万亿元”，北京中关村科学城提出目标。", want,
                sizeof want / sizeof *want, 2);
    }
    zsi_gazetteer_free(g);
    return tap_done();
}
