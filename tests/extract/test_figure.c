/*
 * test_figure.c - figures (numbers with units, hedges, ranges), the numbers
 * under them, quantities as the query parser reads them, and the metric
 * phrase of each figure; on a table of sentences and on the real corpus.
 *
 * Each table row names the figure by its printed text, so every check also
 * verifies the byte offsets (text[start:end] is what was printed).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "figure_int.h"
#include "find_fig.h"
#include "segment_int.h"

/* text for a TAP description: line breaks would end the TAP line. */
static const char *show(const char *text)
{
    static char buf[512];
    size_t o = 0;
    for (; *text && o + 3 < sizeof buf; text++) {
        if (*text == '\n') {
            buf[o++] = '\\';
            buf[o++] = 'n';
        } else {
            buf[o++] = *text;
        }
    }
    buf[o] = '\0';
    return buf;
}

static int close_to(double a, double b)
{
    if (a == b)
        return 1;
    return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

static void list_figs(const char *text, const zsi_figure *v, size_t nv)
{
    size_t i;
    for (i = 0; i < nv; i++)
        tap_diag("  have [%.*s] %.10g %s/%s hedge=%d metric=%s", (int)(v[i].end - v[i].start),
                 text + v[i].start, v[i].value, v[i].unit, v[i].cls, v[i].hedge, v[i].metric);
}

typedef struct row {
    const char *text;
    const char *printed;    /* the figure as printed */
    double value, value_hi; /* value_hi 0: same as value */
    const char *unit, *cls;
    int hedge;
    const char *metric; /* NULL: not checked */
    int year;           /* -1: not checked */
} row;

static const row rows[] = {
    {"签约金额135.34亿元", "135.34亿元", 13534000000.0, 0, "元", "money", 0, "签约金额", -1},
    {"签约总金额达到120亿元。", "120亿元", 1.2e10, 0, "元", "money", 0, "签约金额", -1},
    {"经营主体总量突破1.06万户", "突破1.06万户", 10600, 0, "户", "count", ZSI_HEDGE_OVER,
     "经营主体总量", -1},
    {"研发活动占比提高至68.57%", "68.57%", 68.57, 0, "%", "percent", 0, "研发活动占比", -1},
    {"在1711亩的装备制造产业园内", "1711亩", 1711, 0, "亩", "area", 0, "", -1},
    {"装满960℃电解铝液", "960℃", 960, 0, "℃", "temperature", 0, NULL, -1},
    {"算力总规模突破100EFlops，", "突破100EFlops", 100, 0, "EFlops", "compute", ZSI_HEDGE_OVER,
     "算力总规模", -1},
    {"算力达到500PFlops", "500PFlops", 0.5, 0, "EFlops", "compute", 0, NULL, -1},
    {"占全市总量的近四分之一", "近四分之一", 0.25, 0, "", "ratio", ZSI_HEDGE_NEAR, NULL, -1},
    {"占全球产量的七分之一", "七分之一", 1.0 / 7, 0, "", "ratio", 0, NULL, -1},
    {"吸引投资超百亿元", "超百亿元", 1e10, 0, "元", "money", ZSI_HEDGE_OVER, "吸引投资", -1},
    {"查明煤炭资源2.99亿吨", "2.99亿吨", 2.99e8, 0, "吨", "weight", 0, NULL, -1},
    {"产值2000余万元", "2000余万元", 2e7, 0, "元", "money", ZSI_HEDGE_PLUS, "产值", -1},
    {"累计引进项目100个，", "100个", 100, 0, "个", "count", 0, "引进项目", -1},
    {"引进100个项目", "100个", 100, 0, "个", "count", 0, NULL, -1},
    {"86家企业彼此关联", "86家", 86, 0, "家", "count", 0, "企业", -1},
    {"年均增速17.6%", "17.6%", 17.6, 0, "%", "percent", 0, "年均增速", -1},
    {"年均增长21.7%", "21.7%", 21.7, 0, "%", "percent", 0, "年均增速", -1},
    {"同比增长38.24%", "38.24%", 38.24, 0, "%", "percent", 0, "同比增速", -1},
    {"营收达到3万元", "3万元", 3e4, 0, "元", "money", 0, "营业收入", -1},
    {"我们计划用5到10年", "5到10年", 5, 10, "年", "duration", 0, NULL, -1},
    {"投资3至5亿元", "3至5亿元", 3e8, 5e8, "元", "money", 0, "投资", -1},
    /* each half's magnitude counts once: 万 before the dash and in 万元 */
    {"项目总投资300万—400万元", "300万—400万元", 3e6, 4e6, "元", "money", 0, NULL, -1},
    {"每户补贴3万-5万元", "3万-5万元", 3e4, 5e4, "元/户", "money/count", 0, NULL, -1},
    {"每亩补助3-5万元", "3-5万元", 3e4, 5e4, "元/亩", "money/area", 0, NULL, -1},
    {"融资300万至400万美元", "300万至400万美元", 3e6, 4e6, "美元", "money", 0, NULL, -1},
    /* 1990年代 is a decade: it sets no year */
    {"这批工厂1990年代投资了5亿元", "5亿元", 5e8, 0, "元", "money", 0, NULL, 0},
    /* cents: a hundredth of the currency, stored in it */
    {"这种豆子每磅上涨了3美分", "3美分", 0.03, 0, "美元", "money", 0, NULL, -1},
    {"每度电只便宜5分钱", "5分钱", 0.05, 0, "元/千瓦时", "money/energy", 0, NULL, -1},
    /* currencies from CLDR (tools/gen-currencies.py): full names, short forms,
     * a common noun; each currency its own base, 美金 and 日圆 are 美元, 日元 */
    {"这家公司向当地捐出2400万加元", "2400万加元", 2.4e7, 0, "加元", "money", 0, NULL, -1},
    {"成交额为三亿澳大利亚元", "三亿澳大利亚元", 3e8, 0, "澳元", "money", 0, NULL, -1},
    {"票价涨到120卢布", "120卢布", 120, 0, "卢布", "money", 0, NULL, -1},
    {"合同价值五百万德国马克", "五百万德国马克", 5e6, 0, "德国马克", "money", 0, NULL, -1},
    {"他带回了3000美金", "3000美金", 3000, 0, "美元", "money", 0, NULL, -1},
    {"每台售价80万日圆", "80万日圆", 8e5, 0, "日元/台", "money/count", 0, NULL, -1},
    {"出口额达到9亿雷亚尔", "9亿雷亚尔", 9e8, 0, "巴西雷亚尔", "money", 0, NULL, -1},
    {"年产1.2万—1.5万吨", "1.2万—1.5万吨", 1.2e4, 1.5e4, "吨", "weight", 0, NULL, -1},
    {"可容纳2万至3万辆车", "2万至3万辆", 2e4, 3e4, "辆", "count", 0, NULL, -1},
    /* halves of different magnitude: 8000 is in 元, not 万元 */
    {"单价在8000—1.2万元之间", "8000—1.2万元", 8000, 1.2e4, "元", "money", 0, NULL, -1},
    {"增长3-5%", "3-5%", 3, 5, "%", "percent", 0, NULL, -1},
    {"比重30%—40%", "30%—40%", 30, 40, "%", "percent", 0, NULL, -1},
    {"常住人口突破10万的高新区", "突破10万", 1e5, 0, "", "number", ZSI_HEDGE_OVER, "常住人口", -1},
    {"达到10%左右", "10%左右", 10, 0, "%", "percent", ZSI_HEDGE_ABOUT, NULL, -1},
    {"投入约5亿元", "约5亿元", 5e8, 0, "元", "money", ZSI_HEDGE_ABOUT, NULL, -1},
    {"超过80%", "超过80%", 80, 0, "%", "percent", ZSI_HEDGE_OVER, NULL, -1},
    {"逾3000人", "逾3000人", 3000, 0, "人", "count", ZSI_HEDGE_OVER, NULL, -1},
    {"10家以上企业", "10家以上", 10, 0, "家", "count", ZSI_HEDGE_OVER, NULL, -1},
    {"20多亩", "20多亩", 20, 0, "亩", "area", ZSI_HEDGE_PLUS, NULL, -1},
    {"将近3年", "将近3年", 3, 0, "年", "duration", ZSI_HEDGE_NEAR, NULL, -1},
    {"接近50%", "接近50%", 50, 0, "%", "percent", ZSI_HEDGE_NEAR, NULL, -1},
    {"利率从4%多降到3.5%", "4%多", 4, 0, "%", "percent", ZSI_HEDGE_PLUS, "利率", -1},
    {"利率从4%多降到3.5%", "3.5%", 3.5, 0, "%", "percent", 0, "利率", -1},
    /* a from-to change in a clause of adverbs only takes the earlier
     * clause's subject */
    {"小麦的报价为每吨2000元，10月8日，直接从2100元/吨跌到了1900元/吨。", "2100元/吨", 2100, 0,
     "元/吨", "money/weight", 0, "报价", -1},
    {"玉米收购价为每吨1800元，随后从1900元/吨涨到2000元/吨。", "1900元/吨", 1900, 0, "元/吨",
     "money/weight", 0, "玉米收购价", -1},
    {"提高2.5个百分点", "2.5个百分点", 2.5, 0, "个百分点", "points", 0, NULL, -1},
    {"出生率3‰", "3‰", 0.3, 0, "%", "percent", 0, NULL, -1},
    {"规划面积20.64平方公里", "20.64平方公里", 20.64, 0, "平方公里", "area", 0, "规划面积", -1},
    {"厂房46万平方米", "46万平方米", 4.6e5, 0, "平方米", "area", 0, NULL, -1},
    {"储量1,234.5万吨", "1,234.5万吨", 12345000, 0, "吨", "weight", 0, "储量", -1},
    {"收入１２３亿元", "１２３亿元", 1.23e10, 0, "元", "money", 0, NULL, -1},
    /* a metric never starts inside a word that ICU's dictionary cuts
     * (中|国家|电, 打火|机, 退耕|还林): a common noun of the word
     * frequencies' cut there (家电市场, 打火机) is taken whole; else the
     * start moves to a boundary that the word frequencies agree with */
    {"中国家电市场规模达到1.2万亿元。", "1.2万亿元", 1.2e12, 0, "元", "money", 0, "家电市场规模",
     -1},
    {"打火机出口额为3亿元。", "3亿元", 3e8, 0, "元", "money", 0, "打火机出口额", -1},
    {"今年退耕还林每亩退耕地补助900元", "900元", 900, 0, "元/亩", "money/area", 0, "每亩退耕地补助",
     -1},
    /* not 量年增长率 from inside 游客量; since 年增长率 is a phrase of
     * [phrases] the noun before it is whose yearly rate it is */
    {"湿地公园的游客量年增长率保持在12%以上。", "12%以上", 12, 0, "%", "percent", ZSI_HEDGE_OVER,
     "游客量年增长率", -1},
    /* a share printed before what it is a share of (99%的病例, 6%的淡水资源):
     * with no noun before the figure, the noun phrase after it names it */
    {"99%的病例发生在中国境内。", "99%", 99, 0, "%", "percent", 0, "病例", -1},
    {"用全球9%的耕地、6%的淡水资源生产的粮食", "6%", 6, 0, "%", "percent", 0, "淡水资源", -1},
    {"全国86%的政府办基层医疗机构实施。", "86%", 86, 0, "%", "percent", 0, "政府办基层医疗机构",
     -1},
    /* a country names whose figure it is, as a province does: no part of the metric */
    {"中国地区生产总值同比增长6.1%", "6.1%", 6.1, 0, "%", "percent", 0, "地区生产总值同比增速", -1},
    {"日本企业利润为20亿美元", "20亿美元", 2e9, 0, "美元", "money", 0, "企业利润", -1},
    /* 月份 is a time word like 年度 and 季度: 4月份, 上月份 never start a metric */
    {"上月份进口减少4.3%", "4.3%", 4.3, 0, "%", "percent", 0, "进口降幅", -1},
    {"4月份国内CPI涨幅为3%", "3%", 3, 0, "%", "percent", 0, "国内CPI涨幅", -1},
    /* an amount converted into another currency is of the first's metric */
    {"净利润为4亿元人民币(合5800万美元)", "5800万美元", 5.8e7, 0, "美元", "money", 0, "净利润", -1},
    {"投资5000万美元，折合3.3亿元", "3.3亿元", 3.3e8, 0, "元", "money", 0, "投资", -1},
    /* a share of companies: a [stop] noun (公司) that ends the phrase is
     * what the share counts, with a verb before it that says what kind */
    {"62%的装修公司希望参与改进", "62%", 62, 0, "%", "percent", 0, "装修公司", -1},
    {"有80%以上的公司希望参加", "80%以上", 80, 0, "%", "percent", ZSI_HEDGE_OVER, "公司", -1},
    {"九成以上纺织服装企业对接电商", "九成以上", 90, 0, "%", "percent", ZSI_HEDGE_OVER,
     "纺织服装企业", -1},
    /* the 1990s People's Daily: a middle dot between full-width digits is
     * the decimal point */
    {"外汇储备１３·４亿美元", "１３·４亿美元", 1.34e9, 0, "美元", "money", 0, NULL, -1},
    {"具有本科以上学历的占８１·７％，", "８１·７％", 81.7, 0, "%", "percent", 0, NULL, -1},
    {"投资三千万元", "三千万元", 3e7, 0, "元", "money", 0, "投资", -1},
    {"温度十七点六℃", "十七点六℃", 17.6, 0, "℃", "temperature", 0, NULL, -1},
    {"两百人参加", "两百人", 200, 0, "人", "count", 0, NULL, -1},
    /* 届 counts terms or meetings held where a 的 or the clause's end says
     * so; an ordinal without 第 it is no figure (none[] below) */
    {"他是连任十三届的人大代表", "十三届", 13, 0, "届", "count", 0, NULL, -1},
    {"该展会至今已举办十一届，", "十一届", 11, 0, "届", "count", 0, NULL, -1},
    {"他连任3届市人大代表", "3届", 3, 0, "届", "count", 0, NULL, -1},
    {"这项联赛已经举办了十二届了。", "十二届", 12, 0, "届", "count", 0, NULL, -1},
    {"一万二千元", "一万二千元", 12000, 0, "元", "money", 0, NULL, -1},
    {"走三公里路", "三公里", 3, 0, "公里", "length", 0, NULL, -1},
    {"节省工期两个月", "两个月", 2, 0, "月", "duration", 0, NULL, -1},
    /* 个 before a unit of time (units.tsv): a duration, no count; 多 inside it hedges */
    {"钻井队一班12个小时", "12个小时", 12, 0, "小时", "duration", 0, NULL, -1},
    {"工地停工了3个多月", "3个多月", 3, 0, "月", "duration", ZSI_HEDGE_PLUS, NULL, -1},
    {"贡献率超三成", "超三成", 30, 0, "%", "percent", ZSI_HEDGE_OVER, NULL, -1},
    {"超1700万千瓦时", "超1700万千瓦时", 1.7e7, 0, "千瓦时", "energy", ZSI_HEDGE_OVER, NULL, -1},
    {"新增产业人才1.1万余人", "1.1万余人", 11000, 0, "人", "count", ZSI_HEDGE_PLUS, NULL, -1},
    {"百分之三十的企业", "百分之三十", 30, 0, "%", "percent", 0, NULL, -1},
    {"上百家企业", "上百家", 100, 0, "家", "count", ZSI_HEDGE_OVER, NULL, -1},
    {"十多家企业", "十多家", 10, 0, "家", "count", ZSI_HEDGE_PLUS, NULL, -1},
    {"不到5%", "不到5%", 5, 0, "%", "percent", ZSI_HEDGE_UNDER, NULL, -1},
    /* with the rows above, every word of quantity.c's pre_hedges[] (its lead switch) */
    {"不足5%", "不足5%", 5, 0, "%", "percent", ZSI_HEDGE_UNDER, NULL, -1},
    {"超出20%", "超出20%", 20, 0, "%", "percent", ZSI_HEDGE_OVER, NULL, -1},
    {"大约3年", "大约3年", 3, 0, "年", "duration", ZSI_HEDGE_ABOUT, NULL, -1},
    {"近3年", "近3年", 3, 0, "年", "duration", ZSI_HEDGE_NEAR, NULL, -1},
    {"完成固定资产投资 149.38 亿元", "149.38 亿元", 1.4938e10, 0, "元", "money", 0, "固定资产投资",
     -1},
    {"每吨废料实现千元增值", "千元", 1000, 0, "元/吨", "money/weight", 0, NULL, -1},
    {"营业收入从2021年的995亿元增长至2024年的1903亿元", "995亿元", 9.95e10, 0, "元", "money", 0,
     "营业收入", 2021},
    {"营业收入从2021年的995亿元增长至2024年的1903亿元", "1903亿元", 1.903e11, 0, "元", "money", 0,
     "营业收入", 2024},
    {"2024年，经营主体总量突破1.06万户。", "突破1.06万户", 10600, 0, "户", "count", ZSI_HEDGE_OVER,
     NULL, 2024},
    {"2024年，增长5%。今年产值10亿元", "10亿元", 1e9, 0, "元", "money", 0, "产值", 0},
    {"审批时间从61个工作日压缩至35个工作日", "35个工作日", 35, 0, "天", "duration", 0, "审批时间",
     -1},
    {"该局累计售电量已突破50亿千瓦时", "突破50亿千瓦时", 5e9, 0, "千瓦时", "energy", ZSI_HEDGE_OVER,
     "售电量", -1},
    {"GDP达1777.75亿元", "1777.75亿元", 1.77775e11, 0, "元", "money", 0, "地区生产总值", -1},
    {"算力规模达到\n100EFlops", "100EFlops", 100, 0, "EFlops", "compute", 0, "算力规模", -1},
    /* issue 14: metrics start and end on words, within their clause */
    {"主要领导亲自率队招商10次", "10次", 10, 0, "次", "count", 0, "率队招商", -1},
    /* what a figure measures: the phrase nearest it in its clause */
    {"全年完成社会消费品零售总额300亿元", "300亿元", 3e10, 0, "元", "money", 0,
     "社会消费品零售总额", -1},
    {"某市吸引外商直接投资12亿元", "12亿元", 1.2e9, 0, "元", "money", 0, "外商直接投资", -1},
    {"预计年产值超过10亿元。", "超过10亿元", 1e9, 0, "元", "money", ZSI_HEDGE_OVER, "年产值", -1},
    {"上半年出口额达到2亿美元", "2亿美元", 2e8, 0, "美元", "money", 0, "出口额", -1},
    {"其中新增贷款20亿元", "20亿元", 2e9, 0, "元", "money", 0, "贷款", -1},
    {"文化服务业500亿元，增长8%。", "8%", 8, 0, "%", "percent", 0, "文化服务业增速", -1},
    {"工业增加值100亿元，占全省比重达20%。", "20%", 20, 0, "%", "percent", 0, "占全省比重", -1},
    {"高新技术企业500家，占全市约30%。", "约30%", 30, 0, "%", "percent", ZSI_HEDGE_ABOUT,
     "高新技术企业", -1},
    {"物流效率提升15%", "15%", 15, 0, "%", "percent", 0, "物流效率增速", -1},
    /* clause structure: a preposition's object is no subject (按…计算, 扣除…,
     * 比…), A占B…x% is A's share, X的Y names Y, a modal (只需) is no noun */
    {"工业增加值按可比价格计算增长6%", "6%", 6, 0, "%", "percent", 0, "工业增加值增速", -1},
    {"城镇居民人均可支配收入扣除价格因素实际增长5%", "5%", 5, 0, "%", "percent", 0,
     "城镇居民人均可支配收入增速", -1},
    {"企业在高新区新增投资3亿元", "3亿元", 3e8, 0, "元", "money", 0, "投资", -1},
    {"农村居民收入占全部收入的六成", "六成", 60, 0, "%", "percent", 0, "农村居民收入", -1},
    /* 一成 is a share where no word goes on after it; X成Y is X.Y tenths */
    {"两家小品牌的奶粉提价一成，别家没动。", "一成", 10, 0, "%", "percent", 0, NULL, -1},
    {"节能灯的出厂价又上调了一成多。", "一成多", 10, 0, "%", "percent", ZSI_HEDGE_PLUS, NULL, -1},
    {"这家厂的利润率今年跌去近一成落后同行", "近一成", 10, 0, "%", "percent", ZSI_HEDGE_NEAR, NULL,
     -1},
    {"全县农民的收入增长一成五。", "一成五", 15, 0, "%", "percent", 0, NULL, -1},
    {"高层管理人员减少二成五。", "二成五", 25, 0, "%", "percent", 0, NULL, -1},
    /* an unlisted rate unit is one character: the sentence goes on after it */
    {"菜场里的土豆卖到3元/袋了。", "3元/袋", 3, 0, "元/袋", "money/袋", 0, NULL, -1},
    {"新股按8.5元/股的价格发行。", "8.5元/股", 8.5, 0, "元/股", "money/股", 0, NULL, -1},
    /* bare numbers of a list take the unit the last one carries */
    {"三项指标比上月分别回落1.8、1.45和0.4个百分点。", "1.45", 1.45, 0, "个百分点", "points", 0,
     NULL, -1},
    {"两类用户的占比分别为21.9和15.7%。", "21.9", 21.9, 0, "%", "percent", 0, "用户占比", -1},
    {"三种规格的售价分别为3、5和8万元。", "3", 3e4, 0, "元", "money", 0, NULL, -1},
    /* a percent right after a Latin word is the word's (a code has no %) */
    {"今年3月CPI2.3%的涨幅不算高。", "2.3%", 2.3, 0, "%", "percent", 0, NULL, -1},
    /* two neighbouring whole numbers joined by 、: one rough figure */
    {"每个班组只留5、6个人值守。", "5、6个", 5, 6, "个", "count", 0, NULL, -1},
    /* two neighbouring digits before a multiplier: a rough range */
    {"绣工的月工资有六七千元。", "六七千元", 6000, 7000, "元", "money", 0, "月工资", -1},
    {"一件玩具每年只卖二三十元。", "二三十元", 20, 30, "元", "money", 0, NULL, -1},
    {"一个县城能聚起二三十万人。", "二三十万人", 2e5, 3e5, "人", "count", 0, NULL, -1},
    {"这种零件一两百元就能买到。", "一两百元", 100, 200, "元", "money", 0, NULL, -1},
    {"工业投资占全市固定资产投资的比重达到45%", "45%", 45, 0, "%", "percent", 0, "工业投资",
     -1},
    {"实现稳定就业的贫困家庭达90%", "90%", 90, 0, "%", "percent", 0, "贫困家庭", -1},
    /* 占到 is 占; 所占的份额 names the share alone; 占总量 opening a clause
     * is a share of the previous figure's subject */
    {"出口额占到全市出口总额的30%", "30%", 30, 0, "%", "percent", 0, "出口额", -1},
    {"土建工程所占的份额为55%", "55%", 55, 0, "%", "percent", 0, "份额", -1},
    {"民营企业80家，占总量约20%", "约20%", 20, 0, "%", "percent", ZSI_HEDGE_ABOUT, "民营企业",
     -1},
    {"化肥到货200万吨，占总需求量的40%", "40%", 40, 0, "%", "percent", 0, "总需求量", -1},
    /* a 占 opening its clause before a named whole: the share is named by
     * that whole, even when the subject before names a figure; a bare total
     * (总量, 总数) names none, and the subject before names it */
    {"全市共有服务业企业3000户，占企业总数的60%。", "60%", 60, 0, "%", "percent", 0, "企业总数",
     -1},
    {"全区有服务业企业450户，占企业总量的86%。", "86%", 86, 0, "%", "percent", 0, "企业总量", -1},
    {"其中使用超过10年的空调300台，约占空调总数的25%。", "25%", 25, 0, "%", "percent", 0,
     "空调总数", -1},
    {"民营企业80家，占总数的20%。", "20%", 20, 0, "%", "percent", 0, "民营企业", -1},
    /* a rate's qualifier is part of its name (年均增长率, 复合增长率) */
    {"该省的年均增长率为5%", "5%", 5, 0, "%", "percent", 0, "年均增速", -1},
    {"产业规模的复合增长率为20%", "20%", 20, 0, "%", "percent", 0, "复合增长率", -1},
    {"新能源汽车销量只需20亿元", "20亿元", 2e9, 0, "元", "money", 0, "新能源汽车销量", -1},
    {"全国网上零售额在社会消费品零售总额中的比重为20%", "20%", 20, 0, "%", "percent", 0,
     "网上零售额", -1},
    /* the object of 比 is the base compared with, even when it ends in a
     * metric's suffix (均值) after a time (常年, 去年) or an adverb inside it
     * (均); with no subject before the 比 in its clause, the subject is
     * an earlier clause's */
    {"本月全省平均降水量比多年同期均值偏多两成。", "两成", 20, 0, "%", "percent", 0, "平均降水量",
     -1},
    {"全省平均降水量比常年均值偏少三成。", "三成", 30, 0, "%", "percent", 0, "平均降水量", -1},
    {"全市平均气温比常年均值偏高两成。", "两成", 20, 0, "%", "percent", 0, "平均气温", -1},
    {"出口额比去年均值增长12%。", "12%", 12, 0, "%", "percent", 0, "出口额增速", -1},
    {"全年实现出口额300亿元，比历年均值高出两成。", "两成", 20, 0, "%", "percent", 0, "出口额",
     -1},
    {"全市销售额为80亿元，比去年同期均值增长12%。", "12%", 12, 0, "%", "percent", 0,
     "销售额增速", -1},
    /* a clause opening with 比 names the base compared with, though no
     * suffix names it (秋交会): the subject is the earlier clause's */
    {"机电产品成交额100亿美元，比去年秋交会增长20%。", "20%", 20, 0, "%", "percent", 0,
     "机电产品成交额增速", -1},
    {"机电产品成交额100亿美元，比上届增长10%，比去年春交会同期增长20%。", "20%", 20, 0, "%",
     "percent", 0, "机电产品成交额增速", -1},
    {"企业研发费用加计扣除金额达5亿元", "5亿元", 5e8, 0, "元", "money", 0,
     "企业研发费用加计扣除金额", -1},
    {"以工代赈资金达56亿元", "56亿元", 5.6e9, 0, "元", "money", 0, "以工代赈资金", -1},
    /* ICU cuts a word it lacks into lone pieces: the metric holds both */
    {"整个版张定价14.95美元", "14.95美元", 14.95, 0, "美元", "money", 0, "版张定价", -1},
    {"其单台售价百万元以上", "百万元以上", 1e6, 0, "元", "money", ZSI_HEDGE_OVER, "单台售价", -1},
    {"民事一审案件达80万元", "80万元", 8e5, 0, "元", "money", 0, "一审案件", -1},
    {"该镇10万亩产值达5亿元", "5亿元", 5e8, 0, "元", "money", 0, "产值", -1},
    /* a town's full name stops the run, though ICU cuts it into pieces */
    {"瓜沥镇总投资超130亿元", "超130亿元", 1.3e10, 0, "元", "money", ZSI_HEDGE_OVER, "投资", -1},
    {"新塘镇工业总产值达50亿元", "50亿元", 5e9, 0, "元", "money", 0, "工业总产值", -1},
    {"闽宁镇农民人均收入达13500元", "13500元", 13500, 0, "元", "money", 0, "农民人均收入", -1},
    {"城乡居民收入增长5%", "5%", 5, 0, "%", "percent", 0, "城乡居民收入增速", -1},
    /* the piece before is the tail of a word (农民工), and 农民工 the
     * object of 为 (printed 追缴工资, filed as what was recovered); a town's
     * name starts on an ICU boundary (not 于城镇 of 高于|城镇) */
    {"为建筑工人追缴工资1.8亿元", "1.8亿元", 1.8e8, 0, "元", "money", 0, "工资", -1},
    {"其增速高于城镇就业人员增速4.4%", "4.4%", 4.4, 0, "%", "percent", 0, "城镇就业人员增速", -1},
    /* a change verb known by its form (狂降, 大跌): a rate's change; of an
     * amount, or with no noun, it names nothing more */
    {"外贸订单已狂降六成", "六成", 60, 0, "%", "percent", 0, "外贸订单降幅", -1},
    {"棉花期货大跌2.1%", "2.1%", 2.1, 0, "%", "percent", 0, "棉花期货跌幅", -1},
    {"扁平材跌0.32%", "0.32%", 0.32, 0, "%", "percent", 0, "", -1}, /* 材 ends a noun */
    {"党参批发价比上月降了10元", "10元", 10, 0, "元", "money", 0, "批发价", -1},
    {"预计会再跌20%", "20%", 20, 0, "%", "percent", 0, "", -1},
    {"该公司以总价3亿元收购工厂", "3亿元", 3e8, 0, "元", "money", 0, "总价", -1},
    {"制造业实际使用外资267亿元", "267亿元", 2.67e10, 0, "元", "money", 0, "制造业实际使用外资",
     -1},
    {"全区规模以上工业企业达到210家", "210家", 210, 0, "家", "count", 0, "规模以上工业企业", -1},
    {"园区集聚1270套安置房", "1270套", 1270, 0, "套", "count", 0, NULL, -1},
    {"科技型企业入库数量达到120家", "120家", 120, 0, "家", "count", 0, "科技型企业入库数量", -1},
    {"全省市场主体总数达到500万户", "500万户", 5e6, 0, "户", "count", 0, "市场主体总数", -1},
    {"当地已经投入数十亿元", "十亿元", 1e9, 0, "元", "money", 0, "投入", -1},
    {"新建厂房面积扩大但投入5亿元", "5亿元", 5e8, 0, "元", "money", 0, "投入", -1},
    {"ＧＤＰ达到１２３亿元", "１２３亿元", 1.23e10, 0, "元", "money", 0, "地区生产总值", -1},
    /* a verb-noun (jieba's vn) is a noun inside a metric, not its verb; after
     * a conjunction it ends the coordination's tail as a verb did */
    {"全县农产品加工企业产值达到50亿元", "50亿元", 5e9, 0, "元", "money", 0, "农产品加工企业产值",
     -1},
    {"铜及铜加工企业产值达到60亿元", "60亿元", 6e9, 0, "元", "money", 0, "企业产值", -1},
    /* a noun the lexicon does not know (床位: it lists nouns seen 100 times
     * in jieba's corpus, verbs from 20) makes a compound with a verb and a
     * one-word head as a known noun does */
    {"全市医院床位使用率为70%", "70%", 70, 0, "%", "percent", 0, "医院床位使用率", -1},
    /* a verb that ICU cuts in two is one word before a rate: 达|标|率; a
     * verb-noun before it makes a compound with both (义务教育|达标|率) */
    {"全县义务教育达标率为98%", "98%", 98, 0, "%", "percent", 0, "义务教育达标率", -1},
    /* 规模以上 qualifies what follows: no metric ends at its 规模, and it
     * costs a run no more than a word */
    {"贡献了60%以上的规模以上工业总产值", "60%以上", 60, 0, "%", "percent", ZSI_HEDGE_OVER,
     "规模以上工业总产值", -1},
    {"集聚规模以上企业127家", "127家", 127, 0, "家", "count", 0, "规模以上企业", -1},
    {"全市规模以上高技术制造业增加值同比增长34.6%", "34.6%", 34.6, 0, "%", "percent", 0,
     "规模以上高技术制造业增加值同比增速", -1},
    /* hedges and verbs are no part of a metric */
    {"全县扶贫项目多达200个", "200个", 200, 0, "个", "count", 0, "扶贫项目", -1},
    /* no bare phrase ending in the verb (给村里投); the verb alone names
     * the sum by data/metrics.tsv's [verbform] (投 -> 投资) */
    {"县里给村里投1400万元", "1400万元", 1.4e7, 0, "元", "money", 0, "投资", -1},
    /* a verb alone names a money or percent figure when no noun does; not
     * one the data calls no metric, nor the tail of a noun's compound */
    {"累计获益近200亿元", "近200亿元", 2e10, 0, "元", "money", ZSI_HEDGE_NEAR, "获益", -1},
    {"每个环节都要加价近20%", "近20%", 20, 0, "%", "percent", ZSI_HEDGE_NEAR, "加价", -1},
    {"获得120万元", "120万元", 1.2e6, 0, "元", "money", 0, "", -1},
    /* a verb after the amount starts another predicate, which names nothing;
     * a verb with 的 modifies the amount, and 每桶 is a unit, no verb: the
     * closing word before it names the price (data/metrics.tsv [quote]) */
    {"全县累计投入3亿元修建水利设施", "3亿元", 3e8, 0, "元", "money", 0, "投入", -1},
    {"他拿出了积攒的1000万元", "1000万元", 1e7, 0, "元", "money", 0, "", -1},
    {"原油期货收于每桶109美元", "109美元", 109, 0, "美元", "money", 0, "收盘价", -1},
    /* 金融支持 is a known phrase (data/metrics.tsv): the compound, never its
     * verb 支持 alone */
    {"累计提供金融支持65亿元", "65亿元", 6.5e9, 0, "元", "money", 0, "金融支持", -1},
    /* per-unit rates are their own metric */
    {"亩均营收达到500万元", "500万元", 5e6, 0, "元", "money", 0, "亩均营业收入", -1},
    /* a change names the change of its subject, in its clause or before it */
    {"营业收入同比增长12%", "12%", 12, 0, "%", "percent", 0, "营业收入同比增速", -1},
    {"营业收入100亿元，同比增长12%", "12%", 12, 0, "%", "percent", 0, "营业收入同比增速", -1},
    {"北京生猪收购价每公斤21元", "21元", 21000, 0, "元/吨", "money/weight", 0, "生猪收购价", -1},
    {"在这片总面积70平方公里的土地上", "70平方公里", 70, 0, "平方公里", "area", 0, "总面积", -1},
    {"全市进口总额86亿元，下降2.5%", "2.5%", 2.5, 0, "%", "percent", 0, "进口总额降幅", -1},
    {"利润比上年增加2000万元", "2000万元", 2e7, 0, "元", "money", 0, "利润", -1},
    {"农村宽带普及率仍然偏低，仅为35%", "35%", 35, 0, "%", "percent", 0, "农村宽带普及率", -1},
    /* a change with a date before it, or after a list comma, changes the
     * subject of the figure before it */
    {"仓储面积30万平方米，较2019年增长12%", "12%", 12, 0, "%", "percent", 0, "仓储面积增速", -1},
    {"科技企业突破500家、增长20%", "20%", 20, 0, "%", "percent", 0, "科技企业增速", -1},
    /* a common noun, a verb and a one-word head are one compound; a
     * predicate of [strip] is no part of one */
    {"全区政府采购额达到3亿元", "3亿元", 3e8, 0, "元", "money", 0, "政府采购额", -1},
    {"重点项目完成投资50亿元", "50亿元", 5e9, 0, "元", "money", 0, "投资", -1},
    /* a list with 分别: each figure its own item, in order */
    {"工业增加值、工业利润和工业投资分别增长5%、8%、9%", "8%", 8, 0, "%", "percent", 0,
     "工业利润增速", -1},
    {"东部、中部和西部分别为12亿元、7亿元和3亿元", "7亿元", 7e8, 0, "元", "money", 0, "", -1},
    /* only a verb names the money: past the 几 of the number; a verb-noun
     * after an adverb, not after a common noun (产品|销售 is a noun's tail) */
    {"学校先后投入几十万元，建立了机房", "十万元", 1e5, 0, "元", "money", 0, "投入", -1},
    {"各地政府共同出资逾5亿元，", "逾5亿元", 5e8, 0, "元", "money", 2, "出资", -1},
    {"产品销售5亿元，", "5亿元", 5e8, 0, "元", "money", 0, "", -1},
    /* a noun read after a figure ends where the next figure starts */
    {"新引进86家超百亿元企业", "86家", 86, 0, "家", "count", 0, "", -1},
    /* the list before 分别: the figures of the clauses before, each named;
     * the words of the clause before; items that share the last one's head */
    {"营业收入100亿元、利润20亿元，分别增长10%、20%", "10%", 10, 0, "%", "percent", 0,
     "营业收入增速", -1},
    {"出口额、进口额和顺差，较上年分别下降8%、6%、3%", "6%", 6, 0, "%", "percent", 0,
     "进口额降幅", -1},
    {"城镇和农村居民人均可支配收入分别达到35700元、17100元", "35700元", 35700, 0, "元", "money",
     0, "城镇居民人均可支配收入", -1},
    /* a direction word that ends the word before never starts a metric */
    {"三年内个人所得税减免5亿元", "5亿元", 5e8, 0, "元", "money", 0, "个人所得税", -1},
    /* a metric never ends inside a noun of the lexicon (消费|者, 额|度), nor
     * starts on the tail of a closed-class word (各|项); a direction word
     * before a lone piece is that word's first character (内|销) */
    {"帮助消费者挽回经济损失300万元", "300万元", 3e6, 0, "元", "money", 0, "经济损失", -1},
    {"单笔贷款最高额度可达50万元", "50万元", 5e5, 0, "元", "money", 0, "单笔贷款最高额度", -1},
    {"全市各项贷款余额达到500亿元", "500亿元", 5e10, 0, "元", "money", 0, "贷款余额", -1},
    {"公司内销比重提高到60%", "60%", 60, 0, "%", "percent", 0, "内销比重", -1},
    /* Traditional script: the figure as printed, the metric Simplified */
    {"全年營業收入達到135億元", "135億元", 1.35e10, 0, "元", "money", 0, "营业收入", -1},
    {"新增就業崗位3萬個", "3萬個", 3e4, 0, "个", "count", 0, NULL, -1},
    /* a metric printed after its figure */
    {"用好300亿元技改资金、2万亿元专项债券等", "2万亿元", 2e12, 0, "元", "money", 0, "专项债券",
     -1},
    /* the share of 农户 (issue 14: 99%的居民 is the share of 居民) */
    {"超过60%的农户实现增收", "超过60%", 60, 0, "%", "percent", ZSI_HEDGE_OVER, "农户", -1},
    {"贡献了50%以上的税收", "50%以上", 50, 0, "%", "percent", ZSI_HEDGE_OVER, "税收", -1},
    {"每年发放3000元的生活补贴", "3000元", 3000, 0, "元", "money", 0, "生活补贴", -1},
    {"公司拿出15%股权", "15%", 15, 0, "%", "percent", 0, "股权", -1},
    {"工会预留30%采购份额", "30%", 30, 0, "%", "percent", 0, "采购份额", -1},
    {"安排2亿元市政府固定资产投资专项补助", "2亿元", 2e8, 0, "元", "money", 0, "", -1},
    /* a clause that names no subject takes the one named before it in its
     * sentence: a from-to change, a clause opened by a conjunction, a
     * change after a figure that names nothing (a count); a year printed in
     * full-width digits names nothing */
    {"双边贸易额１９９１年只有１４００万美元，１９９６年就增加到１３亿美元。", "１３亿美元", 1.3e9, 0, "美元",
     "money", 0, "双边贸易额", -1},
    {"当季净利润为538.6亿日元，而去年同期是676.4亿日元。", "676.4亿日元", 6.764e10, 0, "日元",
     "money", 0, "当季净利润", -1},
    {"依法惩治犯罪，起诉3543人，同比上升5.9%。", "5.9%", 5.9, 0, "%", "percent", 0,
     "起诉同比增速", -1},
    /* the previous figure names nothing, but its clause prints an activity
     * right before it (noun and verb): the change is that activity's */
    {"三月里，电动三轮车产销4.2万辆和4.1万辆，同比增长6.5%。", "6.5%", 6.5, 0, "%", "percent", 0,
     "电动三轮车产销同比增速", -1},
    {"本季度，国产手机生产120万台，环比下降3.2%。", "3.2%", 3.2, 0, "%", "percent", 0,
     "国产手机生产环比降幅", -1},
    /* ... or the object of its verb (受理|群众投诉) */
    {"全市共受理群众投诉2万件，同比增长7%。", "7%", 7, 0, "%", "percent", 0, "群众投诉同比增速", -1},
    /* ... not a verb's object that starts after another verb (起诉|侵害|...权益犯罪) */
    {"全市共起诉侵害未成年人权益犯罪900件，同比上升4%。", "4%", 4, 0, "%", "percent", 0, "同比增速",
     -1},
    /* prices per unit keep their unit and class */
    {"螺纹钢出厂价为3850元/吨", "3850元/吨", 3850, 0, "元/吨", "money/weight", 0, "螺纹钢出厂价",
     -1},
    {"土地租金每年5万元/亩", "5万元/亩", 5e4, 0, "元/亩", "money/area", 0, NULL, -1},
    {"报价在2650-2700元/吨", "2650-2700元/吨", 2650, 2700, "元/吨", "money/weight", 0, NULL, -1},
    {"新房均价为每平方米1.5万元", "1.5万元", 1.5e4, 0, "元/平方米", "money/area", 0, "新房均价",
     -1},
    {"原油期货跌至60美元／桶", "60美元／桶", 60, 0, "美元/桶", "money/桶", 0, NULL, -1},
    /* the unit after the amount (3元一斤) or words between 每 and unit and
     * the amount (每台售价); not a time (每年…), nor a unit word that goes
     * on into a longer word (一次性) */
    {"农家的土鸡卖45元一只。", "45元", 45, 0, "元/只", "money/count", 0, NULL, -1},
    {"这种新式吸尘器899元一台的售价不算高", "899元", 899, 0, "元/台", "money/count", 0, NULL, -1},
    {"这款平板电脑每台售价2999元", "2999元", 2999, 0, "元/台", "money/count", 0, NULL, -1},
    {"本地大米每斤能卖3.5元", "3.5元", 7000, 0, "元/吨", "money/weight", 0, NULL, -1},
    {"该厂每年节约电费约90万元", "约90万元", 9e5, 0, "元", "money", ZSI_HEDGE_ABOUT, NULL, -1},
    {"发放300元一次性补贴", "300元", 300, 0, "元", "money", 0, NULL, -1},
};

/* Texts that hold no figure at all. */
static const char *const none[] = {
    "2024年，六盘水高新区",
    "2021年到2024年",
    "2021—2024年",
    "“十四五”期间",
    "站在“十四五”收官与“十五五”开局的交汇点",
    "2022年10月，世界首台",
    "今年8月，协会入驻",
    "10月5日",
    "排名第27位",
    "高新区第一中学",
    "一个生动缩影",
    "三笔贷款",
    "六盘水二元铝业",
    "千家万户",
    "迈上千亿级台阶",
    "千万不要",
    "PM2.5浓度",
    "5G基站",
    "编号0851-1234567",
    "一楼一策",
    "四新四化",
    "二〇二四年",
    "亿元",
    "220千伏间隔",
    "签约5个项目",
    "这种机床是50年代的样式", /* a decade, not fifty years */
    "那是七十年代末的事",
    "他们在80—90年代搬过两次家", /* 两次 is no figure either (次 is no unit) */
    "来了两百印第安人", /* 印第 of 秘鲁印第 is left out of the currencies */
    "这一成果来之不易",   /* 一 of 这一, 成 of 成果 */
    "管理方式一成不变",   /* an idiom */
    "他是唯一成员",
    "四五年代的旧房", /* no multiplier after the digit pair */
    "学习贯彻十九届四中全会精神", /* 届: ordinals written without 第 */
    "市政协十二届三次会议开幕",
    "面向2021届高校毕业生招聘", /* a class of graduates */
};

static void test_rows(void)
{
    size_t r;
    for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        const row *w = &rows[r];
        zsi_figure *v = NULL;
        size_t nv = 0;
        int rc = zsi_figures_extract(w->text, strlen(w->text), &v, &nv);
        const zsi_figure *f = rc == 0 ? find_fig(w->text, v, nv, w->printed) : NULL;
        double hi = w->value_hi != 0 ? w->value_hi : w->value;

        if (!tap_ok(f != NULL, "%s: figure [%s] found", show(w->text), w->printed)) {
            list_figs(w->text, v, nv);
            free(v);
            continue;
        }
        if (!tap_ok(close_to(f->value, w->value) && close_to(f->value_hi, hi) &&
                        strcmp(f->unit, w->unit) == 0 && strcmp(f->cls, w->cls) == 0 &&
                        f->hedge == w->hedge,
                    "%s: %.10g..%.10g %s %s hedge %d", w->printed, w->value, hi, w->unit, w->cls,
                    w->hedge))
            tap_diag("got %.10g..%.10g %s %s hedge %d", f->value, f->value_hi, f->unit, f->cls,
                     f->hedge);
        if (w->metric)
            TAP_STREQ(f->metric, w->metric, "%s: metric", show(w->text));
        if (w->year >= 0)
            TAP_INTEQ(f->year, w->year, "%s: year of %s", show(w->text), w->printed);
        free(v);
    }
}

static void test_none(void)
{
    size_t r;
    /* 5个 is a figure in 签约5个项目 (约 is not a hedge after 签) */
    for (r = 0; r < sizeof none / sizeof none[0]; r++) {
        zsi_figure *v = NULL;
        size_t nv = 0;
        int rc = zsi_figures_extract(none[r], strlen(none[r]), &v, &nv);
        if (strcmp(none[r], "签约5个项目") == 0) {
            tap_ok(rc == 0 && nv == 1 && v[0].hedge == 0 && v[0].value == 5,
                   "签约5个项目: 5个 without the ABOUT hedge");
        } else if (!tap_ok(rc == 0 && nv == 0, "no figure in %s", none[r])) {
            list_figs(none[r], v, nv);
        }
        free(v);
    }
}

/* extract_simplified() jumps from one character it acts at to the next in
 * well-formed text (figure.c, struct acts) and steps through every
 * character of text with an ill-formed byte: the same figures either way.
 * Each row's text led by an ill-formed byte and a full stop (4 bytes) must
 * give its own figures, 4 bytes later; and a passage of more characters to
 * act at than the list holds is read whole. */
static void test_jumps(void)
{
    size_t r, bad = 0;
    for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        const char *t = rows[r].text;
        size_t n = strlen(t), na = 0, nb = 0;
        char *led = malloc(n + 4);
        zsi_figure *a = NULL, *b = NULL;
        if (!led)
            continue;
        memcpy(led, "\xFF\xE3\x80\x82", 4); /* an ill-formed byte, 。 */
        memcpy(led + 4, t, n);
        int same = zsi_figures_extract(t, n, &a, &na) == 0 &&
                   zsi_figures_extract(led, n + 4, &b, &nb) == 0 && na == nb;
        for (size_t k = 0; same && k < na; k++)
            same = a[k].start + 4 == b[k].start && a[k].end + 4 == b[k].end &&
                   a[k].value == b[k].value && strcmp(a[k].metric, b[k].metric) == 0;
        if (!same) {
            bad++;
            tap_diag("%s: %zu figures, led by an ill-formed byte %zu", show(t), na, nb);
        }
        free(a);
        free(b);
        free(led);
    }
    TAP_INTEQ(bad, 0, "every row's figures, read by jumps and by steps, are the same");
    /* 1,200 digits and commas before a figure: more than the list holds */
    size_t cap = 600 * 4 + 64, at = 0;
    char *big = malloc(cap);
    zsi_figure *v = NULL;
    size_t nv = 0;
    for (int k = 0; big && k < 600; k++)
        at += (size_t)snprintf(big + at, cap - at, "7\xEF\xBC\x8C"); /* 7， */
    if (big)
        at += (size_t)snprintf(big + at, cap - at, "\xE8\x90\xA5\xE4\xB8\x9A\xE6\x94\xB6"
                                                   "\xE5\x85\xA5" "35\xE4\xBA\xBF\xE5\x85\x83");
    tap_ok(big && zsi_figures_extract(big, at, &v, &nv) == 0 && nv >= 1 &&
               v[nv - 1].value == 35e8 && strcmp(v[nv - 1].metric, "\xE8\x90\xA5\xE4\xB8\x9A"
                                                                 "\xE6\x94\xB6\xE5\x85\xA5") == 0,
           "a passage of 1,200 characters to act at: its last figure, 营业收入35亿元");
    free(v);
    free(big);
}

static void test_numbers(void)
{
    static const struct {
        const char *s;
        double v;
        size_t used;
    } t[] = {
        {"1,234.5", 1234.5, 7},  {"135.34", 135.34, 6},     {"１２３", 123, 9},
        {"三千", 3000, 6},       {"十七点六", 17.6, 12},    {"两百", 200, 6},
        {"一万二", 12000, 9},    {"七分之一", 1.0 / 7, 12}, {"四分之一", 0.25, 12},
        {"1.06万", 10600, 7},    {"一百零五", 105, 12},     {"百亿", 1e10, 6},
        {"5千万", 5e7, 7},       {"二十五", 25, 9},         {"三万亿", 3e12, 9},
        {"百分之三十", 0.3, 15}, {"12,34", 12, 2},
    };
    size_t i;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        double v = -1;
        size_t used = 0;
        int rc = zsi_number_parse(t[i].s, strlen(t[i].s), &v, &used);
        if (!tap_ok(rc == 0 && close_to(v, t[i].v) && used == t[i].used,
                    "number %s = %.10g (%zu bytes)", t[i].s, t[i].v, t[i].used))
            tap_diag("got rc %d %.10g (%zu bytes)", rc, v, used);
    }
    {
        double v;
        size_t used;
        tap_ok(zsi_number_parse("项目", 6, &v, &used) == ZS_EINVAL, "no number in 项目");
        tap_ok(zsi_number_parse("", 0, &v, &used) == ZS_EINVAL, "no number in empty text");
        tap_ok(zsi_number_parse("12345678901234567890123", 23, &v, &used) == ZS_EINVAL,
               "a 23-digit run is not a number");
    }
}

static void test_quantity(void)
{
    static const struct {
        const char *s;
        double v;
        const char *unit, *cls;
    } ok[] = {
        {"100亿元", 1e10, "元", "money"},
        {"5%", 5, "%", "percent"},
        {"1711亩", 1711, "亩", "area"},
        {"2.99亿吨", 2.99e8, "吨", "weight"},
        {"100万", 1e6, "", "number"},
        {"三千万元", 3e7, "元", "money"},
        {" 20平方公里 ", 20, "平方公里", "area"},
        {"100", 100, "", "number"},
        {"超百亿元", 1e10, "元", "money"},
        {"2024年", 2024, "年", "year"},
        {"5年", 5, "年", "duration"},
        {"一个", 1, "个", "count"},
        /* a rate is compared as a rate: never as an amount of money */
        {"800元/吨", 800, "元/吨", "money/weight"},
        {"5万元/亩", 5e4, "元/亩", "money/area"},
        {"2元/千克", 2000, "元/吨", "money/weight"},
        {"60美元/桶", 60, "美元/桶", "money/桶"},
    };
    static const char *const bad[] = {"100亿元以", "亿元",   "项目",     "",
                                      "5%%",       "十四五", "100亿元 x"};
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        double v = 0;
        const char *u = NULL, *c = NULL;
        int rc = zsi_quantity_parse(ok[i].s, strlen(ok[i].s), &v, &u, &c);
        if (!tap_ok(rc == 0 && close_to(v, ok[i].v) && u && strcmp(u, ok[i].unit) == 0 && c &&
                        strcmp(c, ok[i].cls) == 0,
                    "quantity [%s] = %.10g %s %s", ok[i].s, ok[i].v, ok[i].unit, ok[i].cls))
            tap_diag("got rc %d %.10g %s %s", rc, v, u ? u : "-", c ? c : "-");
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v;
        const char *u, *c;
        tap_ok(zsi_quantity_parse(bad[i], strlen(bad[i]), &v, &u, &c) == ZS_EINVAL,
               "quantity [%s] rejected", bad[i]);
    }
}

/* The paragraph (line) of text holding needle. */
static void paragraph_of(const char *text, const char *needle, size_t *s, size_t *e)
{
    const char *hit = strstr(text, needle), *a, *b;
    if (!hit) {
        *s = *e = 0;
        return;
    }
    for (a = hit; a > text && a[-1] != '\n'; a--)
        ;
    for (b = hit; *b && *b != '\n'; b++)
        ;
    *s = (size_t)(a - text);
    *e = (size_t)(b - text);
}

typedef struct cfig {
    const char *file, *printed;
    double value;
    const char *unit, *cls;
    int hedge;
    const char *metric;
} cfig;

static void test_corpus(void)
{
    static const cfig want[] = {
        {"000_24cf386f7f29c2e5.txt", "135.34亿元", 13534000000.0, "元", "money", 0, "签约金额"},
        {"000_24cf386f7f29c2e5.txt", "100个", 100, "个", "count", 0, "引进项目"},
        {"000_24cf386f7f29c2e5.txt", "突破1.06万户", 10600, "户", "count", ZSI_HEDGE_OVER,
         "经营主体总量"},
        {"000_24cf386f7f29c2e5.txt", "68.57%", 68.57, "%", "percent", 0, NULL},
        {"000_24cf386f7f29c2e5.txt", "1711亩", 1711, "亩", "area", 0, NULL},
        {"000_24cf386f7f29c2e5.txt", "近四分之一", 0.25, "", "ratio", ZSI_HEDGE_NEAR, NULL},
        {"000_24cf386f7f29c2e5.txt", "超百亿元", 1e10, "元", "money", ZSI_HEDGE_OVER, "吸引投资"},
        {"000_24cf386f7f29c2e5.txt", "17.6%", 17.6, "%", "percent", 0, "营业收入年均增速"},
        {"000_24cf386f7f29c2e5.txt", "86家", 86, "家", "count", 0, NULL},
        {"000_24cf386f7f29c2e5.txt", "52家", 52, "家", "count", 0, NULL},
        {"001_714bcf8596df40c9.txt", "2.99亿吨", 2.99e8, "吨", "weight", 0, NULL},
        {"001_714bcf8596df40c9.txt", "960℃", 960, "℃", "temperature", 0, NULL},
        {"001_714bcf8596df40c9.txt", "1800余万元", 1.8e7, "元", "money", ZSI_HEDGE_PLUS, "产值"},
        {"002_b23befc8af8cd454.txt", "七分之一", 1.0 / 7, "", "ratio", 0, NULL},
        {"002_b23befc8af8cd454.txt", "突破100EFlops", 100, "EFlops", "compute", ZSI_HEDGE_OVER,
         "算力总规模"},
        {"002_b23befc8af8cd454.txt", "5到10年", 5, "年", "duration", 0, NULL},
        {"003_ef47862b64326710.txt", "20.64平方公里", 20.64, "平方公里", "area", 0, "规划面积"},
    };
    size_t i;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        size_t n = 0, nv = 0, k;
        char *text = tap_corpus_file(want[i].file, &n);
        zsi_figure *v = NULL;
        const zsi_figure *f;
        int rc, offsets_ok = 1;

        if (!tap_ok(text != NULL, "read %s", want[i].file))
            continue;
        rc = zsi_figures_extract(text, n, &v, &nv);
        for (k = 0; k < nv; k++)
            offsets_ok &=
                v[k].start < v[k].end && v[k].end <= n && (k == 0 || v[k].start >= v[k - 1].end);
        if (i == 0 || strcmp(want[i].file, want[i - 1].file) != 0)
            tap_ok(rc == 0 && nv > 20 && offsets_ok, "%s: %zu figures, ordered, in bounds",
                   want[i].file, nv);
        f = find_fig(text, v, nv, want[i].printed);
        if (tap_ok(f != NULL, "%s: [%s]", want[i].file, want[i].printed)) {
            if (!tap_ok(close_to(f->value, want[i].value) && strcmp(f->unit, want[i].unit) == 0 &&
                            strcmp(f->cls, want[i].cls) == 0 && f->hedge == want[i].hedge,
                        "[%s] = %.10g %s %s hedge %d", want[i].printed, want[i].value, want[i].unit,
                        want[i].cls, want[i].hedge))
                tap_diag("got %.10g %s %s hedge %d", f->value, f->unit, f->cls, f->hedge);
            if (want[i].metric)
                TAP_STREQ(f->metric, want[i].metric, "[%s] metric", want[i].printed);
        }
        free(v);
        free(text);
    }

    /* The paragraph with 135.34亿元: no figure from 2024年 or 十四五, and the
     * exact value (135.34 × 1e8 must not come out as 13533999999.999998). */
    {
        size_t n = 0, nv = 0, s, e, k, bad = 0;
        char *text = tap_corpus_file("000_24cf386f7f29c2e5.txt", &n);
        zsi_figure *v = NULL;
        if (text) {
            paragraph_of(text, "135.34亿元", &s, &e);
            tap_ok(e > s && zsi_figures_extract(text + s, e - s, &v, &nv) == 0 && nv == 3,
                   "paragraph of 135.34亿元 has 3 figures (100个, 135.34亿元, 1.06万户)");
            for (k = 0; k < nv; k++) {
                const char *t = text + s + v[k].start;
                size_t l = v[k].end - v[k].start;
                if ((l >= 4 && memcmp(t, "2024", 4) == 0) ||
                    (l >= 9 && memcmp(t, "十四五", 9) == 0))
                    bad++;
            }
            TAP_INTEQ(bad, 0, "no figure from 2024年 or 十四五");
            if (nv >= 2)
                tap_ok(v[1].value == 13534000000.0, "135.34亿元 is exactly 13534000000");
            if (nv >= 3)
                TAP_INTEQ(v[2].year, 2024, "1.06万户 is stated for 2024");
            free(v);
            free(text);
        }
    }
}

static void test_edges(void)
{
    zsi_figure *v = NULL;
    size_t nv = 7;
    /* Invalid UTF-8 next to numbers never joins or crashes. */
    const char junk[] = "\xE4\xBA\xBF\xFF"
                        "12\xE4\xBA"
                        "34%\xC3";
    tap_ok(zsi_figures_extract(junk, sizeof junk - 1, &v, &nv) == 0, "invalid UTF-8 handled");
    free(v);
    v = NULL;
    tap_ok(zsi_figures_extract("", 0, &v, &nv) == 0 && nv == 0 && v == NULL, "empty text");
    tap_ok(zsi_figures_extract(NULL, 0, &v, NULL) == ZS_EINVAL, "NULL nout rejected");
    /* Many figures: the output array grows. */
    {
        size_t cap = 100000, n = 0, i;
        char *big = malloc(cap);
        for (i = 0; i < 5000 && n + 16 < cap; i++)
            n += (size_t)snprintf(big + n, cap - n, "%zu家，", i + 1);
        tap_ok(zsi_figures_extract(big, n, &v, &nv) == 0 && nv == 5000 && v[4999].value == 5000,
               "5000 figures in one text");
        free(v);
        free(big);
    }
}

/*
 * Users extend the data: a units.tsv and a metrics.tsv in $ZHAOSHU_DATA_DIR
 * add lines. Must run before anything loads the tables (they load once).
 * The user's metrics.tsv has no section header: it starts in [phrases].
 */
static char user_dir[] = "/tmp/zs_figure_XXXXXX";

static void setup_user_data(void)
{
    char path[256];
    FILE *f;
    if (!mkdtemp(user_dir))
        return;
    snprintf(path, sizeof path, "%s/units.tsv", user_dir);
    if ((f = fopen(path, "w"))) {
        fputs("# a test unit\nzsu\tzsu\t1e3\ttestclass\n", f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/metrics.tsv", user_dir);
    if ((f = fopen(path, "w"))) {
        fputs("试验指标值\t试验指标\n", f);
        fclose(f);
    }
    setenv("ZHAOSHU_DATA_DIR", user_dir, 1);
}

static void test_user_data(void)
{
    const char *t = "本年试验指标值5zsu";
    zsi_figure *v = NULL;
    size_t nv = 0;
    char path[256];
    tap_ok(zsi_figures_extract(t, strlen(t), &v, &nv) == 0 && nv == 1 && v[0].value == 5000 &&
               strcmp(v[0].cls, "testclass") == 0 && strcmp(v[0].metric, "试验指标") == 0 &&
               strcmp(v[0].metric_raw, "试验指标值") == 0,
           "user units.tsv and metrics.tsv extend the built-in data");
    free(v);
    snprintf(path, sizeof path, "%s/units.tsv", user_dir);
    remove(path);
    snprintf(path, sizeof path, "%s/metrics.tsv", user_dir);
    remove(path);
    rmdir(user_dir);
}

/* ---- where the metric is printed ---- */

/* The text at f's metric spans, line breaks dropped (as metric_raw drops
 * them), into buf; 0 when a span is out of bounds, overlaps the figure
 * itself or the spans are out of order. */
static int span_text(const char *text, size_t n, const zsi_figure *f, char *buf, size_t cap)
{
    zsi_span sp[2];
    int k = zsi_figure_metric_spans(f, sp), i;
    size_t o = 0, q;
    for (i = 0; i < k; i++) {
        if (sp[i].s >= sp[i].e || sp[i].e > n || (i && sp[i].s < sp[i - 1].e))
            return 0;
        if (sp[i].s < f->end && sp[i].e > f->start)
            return 0;
        for (q = sp[i].s; q < sp[i].e; q++)
            if (text[q] != '\n' && text[q] != '\r' && o + 1 < cap)
                buf[o++] = text[q];
    }
    buf[o] = '\0';
    return 1;
}

/* Is b (metric_raw) the printed a, once Traditional is folded as the
 * extractor folds it (one code point at a time)? */
static int same_folded(const char *a, const char *b)
{
    while (*a && *b) {
        unsigned ca, cb;
        size_t la = zsu_utf8_decode(a, strlen(a), &ca), lb = zsu_utf8_decode(b, strlen(b), &cb);
        if (ca != cb && (unsigned)zss_t2s_strict((UChar32)ca) != cb)
            return 0;
        a += la;
        b += lb;
    }
    return !*a && !*b;
}

/* Every figure of text: its metric_raw is the text at its spans (no span
 * when it has none), Traditional folded. Returns the number that fail. */
static size_t spans_verbatim(const char *text, size_t n, const char *what)
{
    zsi_figure *v = NULL;
    size_t nv = 0, k, bad = 0;
    char buf[4 * ZSI_METRIC_BYTES];
    if (zsi_figures_extract(text, n, &v, &nv) != 0)
        return 1;
    for (k = 0; k < nv; k++) {
        if (!span_text(text, n, &v[k], buf, sizeof buf) || !same_folded(buf, v[k].metric_raw)) {
            if (bad++ < 5)
                tap_diag("%s: [%.*s] metric_raw %s, at its spans %s", what,
                         (int)(v[k].end - v[k].start), text + v[k].start, v[k].metric_raw, buf);
        }
    }
    free(v);
    return bad;
}

typedef struct srow {
    const char *text, *printed;
    const char *at0, *at1; /* the text at each span; NULL: no such span */
} srow;

static void test_spans(void)
{
    static const srow want[] = {
        {"签约总金额达到120亿元。", "120亿元", "签约总金额", NULL},
        /* A占B: A is named, printed at the start, not the 产值 inside 总产值 */
        {"工业产值占全市工业总产值的比重达到45%", "45%", "工业产值", NULL},
        {"工业增加值100亿元，占全省比重达20%。", "20%", "占全省比重", NULL},
        /* the noun and its change word touch: one span */
        {"营业收入同比增长12%", "12%", "营业收入同比增长", NULL},
        /* an amount of change is named by its noun alone: one span */
        {"利润比上年增加2000万元", "2000万元", "利润", NULL},
        /* printed apart: two spans, in text order */
        {"工业增加值、工业利润和工业投资分别增长5%、8%、9%", "8%", "工业利润", "增长"},
        {"工业增加值、工业利润和工业投资分别增长5%、8%、9%", "9%", "工业投资", "增长"},
        /* the first item shorter than the noun the first figure had at first */
        {"产值、规模以上工业企业利润分别增长5%、8%", "5%", "产值", "增长"},
        /* an item that shares the last item's head: printed in two places */
        {"城镇和农村居民人均可支配收入分别达到35700元、17100元", "35700元", "城镇",
         "居民人均可支配收入"},
        /* the subject of an earlier clause; a linked figure shares the metric */
        {"文化服务业34454亿元，增长15.4%", "15.4%", "文化服务业", "增长"},
        {"产值从995亿元增长至2024年的1903亿元", "1903亿元", "产值", NULL},
        /* printed after the figure */
        {"每年发放3000元的生活补贴", "3000元", "生活补贴", NULL},
        {"新引进86家企业", "86家", "企业", NULL},
        /* Traditional: the span is the printed text, metric_raw the folded one */
        {"營業收入135億元", "135億元", "營業收入", NULL},
        /* none */
        {"在1711亩的装备制造产业园内", "1711亩", NULL, NULL},
    };
    size_t i, r;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const srow *w = &want[i];
        zsi_figure *v = NULL;
        size_t nv = 0, n = strlen(w->text);
        const zsi_figure *f = zsi_figures_extract(w->text, n, &v, &nv) == 0
                                  ? find_fig(w->text, v, nv, w->printed)
                                  : NULL;
        zsi_span sp[2];
        int k;
        char got[2][128];
        if (!tap_ok(f != NULL, "%s: figure [%s] found", w->text, w->printed)) {
            free(v);
            continue;
        }
        k = zsi_figure_metric_spans(f, sp);
        for (r = 0; r < 2; r++)
            snprintf(got[r], sizeof got[r], "%.*s", (int)r < k ? (int)(sp[r].e - sp[r].s) : 4,
                     (int)r < k ? w->text + sp[r].s : "none");
        TAP_STREQ(got[0], w->at0 ? w->at0 : "none", "%s: [%s] metric printed at", w->text,
                  w->printed);
        TAP_STREQ(got[1], w->at1 ? w->at1 : "none", "%s: [%s] second piece", w->text, w->printed);
        free(v);
    }
    /* every row of the table and every corpus file: metric_raw is its text */
    {
        size_t bad = 0;
        for (r = 0; r < sizeof rows / sizeof rows[0]; r++)
            bad += spans_verbatim(rows[r].text, strlen(rows[r].text), rows[r].text);
        TAP_INTEQ(bad, 0, "table rows: each metric_raw is the text at its spans");
    }
    {
        static const char *files[] = {"000_24cf386f7f29c2e5.txt", "001_714bcf8596df40c9.txt",
                                      "002_b23befc8af8cd454.txt", "003_ef47862b64326710.txt"};
        for (r = 0; r < sizeof files / sizeof files[0]; r++) {
            size_t n = 0;
            char *text = tap_corpus_file(files[r], &n);
            if (!tap_ok(text != NULL, "read %s", files[r]))
                continue;
            TAP_INTEQ(spans_verbatim(text, n, files[r]), 0,
                      "%s: each metric_raw is the text at its spans", files[r]);
            free(text);
        }
    }
}

int main(void)
{
    setup_user_data();
    test_user_data();
    test_numbers();
    test_rows();
    test_none();
    test_jumps();
    test_quantity();
    test_corpus();
    test_edges();
    test_spans();
    return tap_done();
}
