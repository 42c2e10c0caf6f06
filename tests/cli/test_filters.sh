#!/bin/sh
# test_filters.sh - date: and source: filters (in the query, as --date and
# --source on query and figures): days, months, years, ranges, open ends;
# an article dated to the month only; a passage printed in two articles;
# errors that point at the byte. Articles written here.
# Usage: test_filters.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
DB=$T/z.db
N=$T/news
mkdir -p "$N/p" "$N/m"
# four dated articles (from their names) and one repeat across papers
printf '开发区新闻\n\n示范区十月签约项目12个，签约金额达到25.5亿元。\n' >"$N/p/rmrb_20191022-02-01.txt"
printf '开发区新闻\n\n示范区十一月签约项目8个，签约金额达到18.2亿元。\n' >"$N/p/rmrb_20191105-01-01.txt"
printf '开发区新闻\n\n示范区一月签约项目5个，签约金额达到9.9亿元。\n' >"$N/p/rmrb_20200229-04-02.txt"
printf '经济新闻\n\n示范区一月签约项目5个，签约金额达到9.9亿元。\n' >"$N/p/jjrb_20200302-02-05.txt"
# dated by a manifest to the month and to the year only
printf '园区新闻\n\n示范区当月签约项目3个，签约金额达到4.4亿元。\n' >"$N/m/month.txt"
printf '园区新闻\n\n示范区全年签约项目30个，签约金额达到66.6亿元。\n' >"$N/m/year.txt"
printf 'month.txt\t2019-10\t某某晚报\nyear.txt\t2019\t某某晚报\n' >"$N/m/list.tsv"
check "index (names)" 0 "$Z" index --db "$DB" "$N/p"
check "index (manifest)" 0 "$Z" index --db "$DB" --manifest "$N/m/list.tsv" "$N/m"

# count of hits for "签约 FILTER"
hits() { "$Z" query --db "$DB" --count "签约 $1" 2>/dev/null; }
# five passages hold 签约: the repeat is stored once, under its first article
equals "no filter: every passage" "$(hits '')" "5"
equals "date:2019-10-22 (a day)" "$(hits date:2019-10-22)" "1"
equals "date:2019-10 (a month): the day and the month-dated article" "$(hits date:2019-10)" "2"
equals "date:2019 (a year): all of 2019, month- and year-dated too" "$(hits date:2019)" "4"
equals "date:2019-10-01..2019-10-31: the month-dated article is inside" "$(hits date:2019-10-01..2019-10-31)" "2"
equals "date:2019-10-01..2019-10-25: the month-dated one may be outside" "$(hits date:2019-10-01..2019-10-25)" "1"
equals "date:2019-10..2019-11 (months)" "$(hits date:2019-10..2019-11)" "3"
equals "date:2019-02-01..2019-02-28 ends at the end of February" "$(hits date:2020-02-01..2020-02-29)" "1"
equals "date:2019-11.. (open end)" "$(hits date:2019-11..)" "2"
equals "date:..2019-10 (open start)" "$(hits date:..2019-10)" "2"
equals "date:2019-2020 (two years)" "$(hits date:2019-2020)" "5"
equals "date:2019年10月22日" "$(hits date:2019年10月22日)" "1"
equals "date:2019/10/22" "$(hits date:2019/10/22)" "1"
equals "date:２０１９-10 (full-width digits)" "$(hits date:２０１９-10)" "2"
equals "date:2020-03-02 finds the repeat printed that day" "$(hits date:2020-03-02)" "1"
equals "two date: filters intersect" "$(hits 'date:2019 date:2019-10..2020')" "3"
equals "source:人民日报" "$(hits source:人民日报)" "3"
equals "source:经济日报 finds the repeat stored under 人民日报" "$(hits source:经济日报)" "1"
equals "source: twice: either" "$(hits 'source:经济日报 source:某某晚报')" "3"
equals "source:人民日报 date:2019-11" "$(hits 'source:人民日报 date:2019-11')" "1"
equals "source: of no article" "$(hits source:无此报)" "0"
# without words every passage counts: the headline and the paragraph of each
check "a filter alone is a query" 0 "$Z" query --db "$DB" --count date:2019-10
equals "  its count" "$(cat "$T/out")" "4"
check "--date and --source (query)" 0 "$Z" query --db "$DB" --date 2019-10..2019-11 --source 人民日报 签约
has "  the October article" "$T/out" "rmrb_20191022-02-01.txt:3  2019-10-22 人民日报 p.2"
has "  the November article" "$T/out" "rmrb_20191105-01-01.txt:3  2019-11-05 人民日报 p.1"
hasnt "  not 2020" "$T/out" "2020-02-29"
# 开发区新闻 and 园区新闻 are each stored once: 2 headlines + 4 paragraphs
check "--date alone" 0 "$Z" query --db "$DB" --count --date 2019
equals "  its count" "$(cat "$T/out")" "6"
check "--date with --sort date" 0 "$Z" query --db "$DB" --sort date --date 2019 签约
equals "  oldest first: the year-dated article" "$(grep -m1 '^1\. ' "$T/out" | sed 's/.*\///; s/ .*//')" "year.txt:3"
equals "  then the month-dated one" "$(grep -m1 '^2\. ' "$T/out" | sed 's/.*\///; s/ .*//')" "month.txt:3"
equals "  then by day" "$(grep -m1 '^3\. ' "$T/out" | sed 's/.*\///; s/ .*//')" "rmrb_20191022-02-01.txt:3"
fails "--date and the query's date: share no day: an error" 2 "no day in common" "$Z" query --db "$DB" --date 2019-10 '签约 date:2019-11'
check "--date and the query's date: intersect" 0 "$Z" query --db "$DB" --count --date 2019-10.. '签约 date:..2019-10'
equals "  October only" "$(cat "$T/out")" "2"
check "figures --date" 0 "$Z" figures --db "$DB" --csv --date 2019-10
has "  the October figure" "$T/out" "25.5亿元"
has "  the month-dated figure" "$T/out" "4.4亿元"
hasnt "  not November's" "$T/out" "18.2亿元"
check "figures --source" 0 "$Z" figures --db "$DB" --csv --source 经济日报
has "  the repeat's figure" "$T/out" "9.9亿元"
# a repeat found through its 经济日报 printing is cited there, the first one listed
has "  cited at its 经济日报 printing" "$T/out" "jjrb_20200302-02-05.txt\",\"3\",\"2020-03-02\",\"经济日报\",\"2\""
has "  the 人民日报 printing among the others" "$T/out" "rmrb_20200229-04-02.txt:3 2020-02-29 人民日报 p.4"
check "figures --date: the repeat at the printing of that day" 0 "$Z" figures --db "$DB" --csv --date 2020-03
has "  cited at 2020-03-02" "$T/out" "jjrb_20200302-02-05.txt\",\"3\",\"2020-03-02\""
check "figures 'date:2020-03': the query's filter too" 0 "$Z" figures --db "$DB" --csv '签约 date:2020-03'
has "  cited at 2020-03-02" "$T/out" "jjrb_20200302-02-05.txt\",\"3\",\"2020-03-02\""
check "figures without a filter: the first printing" 0 "$Z" figures --db "$DB" --csv '签约金额 9.9亿元'
has "  cited at 2020-02-29" "$T/out" "rmrb_20200229-04-02.txt\",\"3\",\"2020-02-29\""
hasnt "  no other article's" "$T/out" "25.5亿元"
check "query source:经济日报: the hit at its 经济日报 printing" 0 "$Z" query --db "$DB" '签约 source:经济日报'
has "  cited there" "$T/out" "jjrb_20200302-02-05.txt:3  2020-03-02 经济日报 p.2"
has "  the first printing listed" "$T/out" "(also in 1 other article: $N/p/rmrb_20200229-04-02.txt:3 2020-02-29 人民日报 p.4)"
check "query date:2020-02: the hit at its first printing" 0 "$Z" query --db "$DB" '签约 date:2020-02'
has "  cited at 2020-02-29" "$T/out" "rmrb_20200229-04-02.txt:3  2020-02-29 人民日报 p.4"
check "figures with date: in the query" 0 "$Z" figures --db "$DB" --csv '签约 date:2019-11'
has "  November's figure" "$T/out" "18.2亿元"
hasnt "  not October's" "$T/out" "25.5亿元"

# errors point at the byte
fails "date:2019-13: bad month" 2 "date filter: expected a month from 1 to 12 at '13'" "$Z" query --db "$DB" '签约 date:2019-13'
caret=$(sed -n 3p "$T/err")
equals "  the caret under the month" "$caret" "                 ^"
fails "date:2019-02-30: no such day" 2 "expected a day of that month at '30'" "$Z" query --db "$DB" 'date:2019-02-30'
fails "date:19-10: no year" 2 "a year of four digits" "$Z" query --db "$DB" 'date:19-10'
fails "date:2020..2019: reversed" 2 "is reversed" "$Z" query --db "$DB" 'date:2020..2019'
fails "date:2019-10x: trailing text" 2 "cannot read 'x' after the date" "$Z" query --db "$DB" 'date:2019-10x'
fails "date: two that share no day" 2 "no day in common" "$Z" query --db "$DB" 'date:2019 date:2020'
fails "date: without a value" 2 "date filter: needs a value, e.g. date:2019-10" "$Z" query --db "$DB" '签约 date:'
fails "--date bad value" 2 "the date option" "$Z" query --db "$DB" --date 2019-1x 签约
fails "figures --date bad value" 2 "a month from 1 to 12" "$Z" figures --db "$DB" --date 2019-13
fails "an unknown filter lists date: and source:" 2 "date:, source:" "$Z" query --db "$DB" 'when:2019'

# an option's value is that filter's value, never query text: a quote, a
# colon or an OR in it is the value's own (it once became park:"VALUE",
# parsed again, and a quote was refused)
O=$T/odd
mkdir -p "$O"
printf '园区新闻\n\n示范区签约项目7个。\n' >"$O/odd.txt"
printf 'odd.txt\t2019-10\t晚报"周末版: OR 专刊\n' >"$O/list.tsv"
check "index (an outlet holding a quote and a colon)" 0 "$Z" index --db "$T/o.db" --manifest "$O/list.tsv" "$O"
check "--source holding query syntax, taken literally" 0 "$Z" query --db "$T/o.db" --source '晚报"周末版: OR 专刊' 签约
has "  finds the article" "$T/out" 'odd.txt:3  2019-10 晚报"周末版: OR 专刊'
check "--source of only a part of it finds nothing" 1 "$Z" query --db "$T/o.db" --source '晚报' 签约
check "--park holding query syntax is one zone's name (none here): nothing found, no error" 1 "$Z" query --db "$DB" --park '示范区" OR "签约' 签约
hasnt "  no error" "$T/err" "option"
check "--park 'year:2020' is a name, not a year filter" 1 "$Z" query --db "$DB" --park 'year:2020' 签约
finish
