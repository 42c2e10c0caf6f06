#!/bin/sh
# test_provenance.sh - where every hit and figure came from: path:line,
# date, outlet and page (manifest, file name, dateline), every place a
# repeated passage was printed, show, --vimgrep, date filters and sorting.
# The articles besides corpus/ are written here.
# Usage: test_provenance.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
DB=$T/z.db
# absolute: some checks run from other folders
Z=$(cd "$(dirname "$Z")" && pwd)/$(basename "$Z")
CORPUS=$(cd "$CORPUS" && pwd)

# ---- lines on corpus/
check "index corpus/" 0 "$Z" index --db "$DB" "$CORPUS"
L33=$(grep -an '135\.34亿元' "$CORPUS/000_24cf386f7f29c2e5.txt" | cut -d: -f1)
equals "  135.34亿元 is on one line of 000 (grep)" "$L33" "33"
check "query 135.34亿元" 0 "$Z" query --db "$DB" -n 1 '135.34亿元'
has "  reported at path:line" "$T/out" "000_24cf386f7f29c2e5.txt:$L33 "
check "figures --json 135.34亿元" 0 "$Z" figures --db "$DB" --json '135.34亿元'
has "  the figure's line" "$T/out" "\"line\":$L33,"
L109=$(grep -an '1353\.4亿元' "$CORPUS/000_24cf386f7f29c2e5.txt" | cut -d: -f1)
check "figures 1353.4亿元" 0 "$Z" figures --db "$DB" --csv '1353.4亿元'
has "  at its own line ($L109)" "$T/out" "000_24cf386f7f29c2e5.txt\",\"$L109\""
# a figure in a paragraph joined across the file's lines (004: 155.63亿元)
L155=$(grep -an '155\.63' "$CORPUS/004_f95930e6cd8d76ce.txt" | head -1 | cut -d: -f1)
check "figures 155.63亿元 (a paragraph broken across lines)" 0 "$Z" figures --db "$DB" --json '"155.63亿元"'
has "  the line where the figure starts" "$T/out" "\"line\":$L155,"
check "--vimgrep" 0 "$Z" query --db "$DB" --vimgrep -n 1 '135.34亿元'
first=$(head -1 "$T/out")
case "$first" in
*"000_24cf386f7f29c2e5.txt:$L33:1:"*累计引进项目*) ok "  path:line:column:text" ;;
*) notok "  path:line:column:text" "$first" ;;
esac
# The path shown: relative to the current folder below it, else as given.
( cd "$CORPUS/.." && "$Z" query --db "$DB" -n 1 '135.34亿元' ) >"$T/out" 2>&1
has "  relative to the current folder" "$T/out" "1. corpus/000_24cf386f7f29c2e5.txt:$L33 "
( cd "$T" && "$Z" query --db "$DB" -n 1 '135.34亿元' ) >"$T/out" 2>&1
has "  else as given to index" "$T/out" "1. $CORPUS/000_24cf386f7f29c2e5.txt:$L33 "

# ---- dates, outlets and pages without a manifest; places of a repeat
N=$T/news
mkdir -p "$N/2019" "$N/papers"
LEAD='本报北京1月7日电 示范区今年签约项目42个，签约金额达到386.5亿元，比上年增长一成以上。'
printf '示范区开局良好\n\n%s\n\n园区负责人表示，下一步将继续优化服务。\n' "$LEAD" >"$N/papers/rmrb_20200108-01-03.txt"
printf '要闻\n\n示范区建设综述\n\n记者 某某\n\n%s\n\n园区里，新厂房正在抓紧施工。\n' "$LEAD" >"$N/papers/rmrb_20200108-04-01.txt"
printf '经济新闻\n\n%s\n' "$LEAD" >"$N/papers/jjrb_20200109-02-05.txt"
printf '开发区新闻\n\n本报北京10月21日电 开发区前三季度工业产值增长一成，2019年10月以来订单充足。\n' >"$N/2019/report.txt"
printf '某园区动态\n\n新华社北京3月5日电 园区今年以来新增企业15家，2018年3月同比持平。\n' >"$N/wire.txt"
check "index the test articles (no manifest)" 0 "$Z" index --db "$DB" "$N"
check "query the repeated lead" 0 "$Z" query --db "$DB" '示范区签约项目'
has "  rmrb_YYYYMMDD-PP-NN: date, outlet and page from the name" "$T/out" "rmrb_20200108-01-03.txt:3  2020-01-08 人民日报 p.1"
has "  the other places, sorted by date" "$T/out" "(also in 2 other articles: $N/papers/rmrb_20200108-04-01.txt:7 2020-01-08 人民日报 p.4; $N/papers/jjrb_20200109-02-05.txt:3 2020-01-09 经济日报 p.2)"
check "query the repeated lead --json" 0 "$Z" query --db "$DB" --json '示范区签约项目'
has "  also_in in JSON, with dates" "$T/out" '"also_in":[{"path":"'"$N"'/papers/rmrb_20200108-04-01.txt","line":7,"column":1,'
has "  the jjrb place" "$T/out" '"date":"2020-01-09","source":"经济日报","page":2,"passage":2}]'
check "a dateline dates an article the name does not (year from its folder)" 0 "$Z" query --db "$DB" 前三季度工业产值
has "  2019-10-21" "$T/out" "report.txt:3  2019-10-21"
check "a dateline's year from a date of its month in the text; agency as outlet" 0 "$Z" query --db "$DB" 新增企业
has "  2018-03-05 新华社" "$T/out" "wire.txt:3  2018-03-05 新华社"
check "今年 resolves against the article's date" 0 "$Z" query --db "$DB" --json '示范区签约项目'
has "  今年 is 2020 and 上年 2019 in a 2020-01-08 article" "$T/out" '"years":[2019,2020]'

# ---- manifest: relative to its folder, validated, explicit missing is an error
M=$T/m
mkdir -p "$M/sub"
printf '园区新闻\n\n园区营业收入达到77.7亿元。\n' >"$M/sub/a.txt"
printf '园区新闻\n\n园区工业投资达到12.5亿元。\n' >"$M/sub/b.txt"
printf 'sub/a.txt\t2021-05-06\t某某日报\t3\nsub/b.txt\t2021-02-30\t某某晚报\nsub/gone.txt\t2021-01-01\tx\n' >"$M/list.tsv"
fails "an explicit manifest that is not there is an error" 2 "nothere.tsv" "$Z" index --db "$T/m.db" --manifest "$T/nothere.tsv" "$M/sub"
fails "index with a manifest (paths relative to it) from another folder" 0 "line 2: '2021-02-30' is not a date" sh -c "cd / && '$Z' index --db '$T/m.db' --manifest '$M/list.tsv' '$M/sub'"
has "  a file that is not there is reported" "$T/err" "line 3: no file"
check "query the manifest's article" 0 "$Z" query --db "$T/m.db" 营业收入
has "  manifest date, outlet, page" "$T/out" "a.txt:3  2021-05-06 某某日报 p.3"
check "query the article with a bad date" 0 "$Z" query --db "$T/m.db" 工业投资
has "  its outlet kept, its date dropped" "$T/out" "b.txt:3  某某晚报"

# ---- a file-name pattern of the user's
P=$T/p
mkdir -p "$P"
printf '园区新闻\n\n园区出口额达到5.5亿美元。\n' >"$P/wb-20210304-p6.txt"
check "--name-pattern" 0 "$Z" index --db "$T/p.db" --name-pattern 'wb-%Y%m%d-p%p=样例晚报' "$P"
check "  query it" 0 "$Z" query --db "$T/p.db" 出口额
has "  date, outlet and page from the user's pattern" "$T/out" "wb-20210304-p6.txt:3  2021-03-04 样例晚报 p.6"
fails "a malformed --name-pattern is an error" 2 "unknown field" "$Z" index --db "$T/p.db" --name-pattern 'x-%Q' "$P"

finish
