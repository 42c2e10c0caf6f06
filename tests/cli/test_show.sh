#!/bin/sh
# test_show.sh - `zhaoshu show PATH:LINE`: the passage a hit or figure points
# at, with context, marks, date, outlet, page and other places; the path in
# every form a user copies it; exit 0 shown, 1 no passage there, 2 error.
# The articles are written here (plus a round trip on corpus/).
# Usage: test_show.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
DB=$T/z.db
Z=$(cd "$(dirname "$Z")" && pwd)/$(basename "$Z")
CORPUS=$(cd "$CORPUS" && pwd)
N=$T/news
mkdir -p "$N/papers"
# line 1 headline, 3 a lead, 5-6 one paragraph broken across two lines (its
# figure on line 6), 8 the last paragraph
printf '示范区开局良好\n\n本报北京1月7日电 示范区今年签约项目42个，签约金额达到386.5亿元。\n\n园区负责人介绍，今年前三季度\n实现工业产值98.6亿元，同比增长一成。\n\n下一步将继续优化营商环境。\n' >"$N/papers/rmrb_20200108-01-03.txt"
printf '要闻\n\n本报北京1月7日电 示范区今年签约项目42个，签约金额达到386.5亿元。\n' >"$N/papers/rmrb_20200109-04-01.txt"
printf '\n\n园区新闻\n\n园区营业收入达到77.7亿元。\n' >"$N/blank.txt"
check "index" 0 "$Z" index --db "$DB" "$N"
A=$N/papers/rmrb_20200108-01-03.txt

check "show PATH:LINE (absolute path)" 0 "$Z" show --db "$DB" "$A:3"
has "  the path with date, outlet and page" "$T/out" "$A 2020-01-08 人民日报 p.1"
has "  the passage at LINE:, its figure marked" "$T/out" "3: 本报北京1月7日电示范区今年签约项目{42个}，签约金额达到{386.5亿元}。"
has "  the other place it was printed" "$T/out" "(also in 1 other article: $N/papers/rmrb_20200109-04-01.txt:3 2020-01-09 人民日报 p.4)"
equals "  one passage and its places, nothing else" "$(wc -l <"$T/out" | tr -d ' ')" "3"

check "a figure's line inside a passage broken across lines" 0 "$Z" show --db "$DB" "$A:6"
has "  the whole passage, from its first line" "$T/out" "5: 园区负责人介绍，今年前三季度实现工业产值{98.6亿元}，同比增长{一成}。"
check "the blank line after a passage belongs to it" 0 "$Z" show --db "$DB" "$A:7"
has "  passage of line 5" "$T/out" "5: 园区负责人介绍"

check "-C 1: context before and after" 0 "$Z" show --db "$DB" -C 1 "$A:5" 签约
has "  context before, marked LINE-, query words marked" "$T/out" "3- 本报北京1月7日电示范区今年[签约]项目{42个}，[签约]金额达到{386.5亿元}。"
has "  the target" "$T/out" "5: 园区负责人介绍"
has "  context after" "$T/out" "8- 下一步将继续优化营商环境。"
hasnt "  not two before" "$T/out" "1- 示范区开局良好"
check "-C 5 at the start of a file" 0 "$Z" show --db "$DB" --context 5 "$A:1"
has "  the headline as the target" "$T/out" "1: (headline) 示范区开局良好"
has "  up to the last passage" "$T/out" "8- 下一步"

check "--json: one object per passage, target marked" 0 "$Z" show --db "$DB" --json -C 1 "$A:3"
equals "  three objects" "$(grep -c '^{' "$T/out")" "3"
equals "  one target" "$(grep -c '"target":true}$' "$T/out")" "1"
has "  the target's line and date" "$T/out" '"line":3,"column":1,'
grep '"target":true' "$T/out" >"$T/t.json"
has "  also_in on the target" "$T/t.json" '"also_in":[{"path":"'"$N"'/papers/rmrb_20200109-04-01.txt","line":3'
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/out"
    ok "  every line is JSON ($?)"
fi

# the path as printed: relative to the current folder, as given, with ./ and ..
( cd "$N" && "$Z" show --db "$DB" papers/rmrb_20200108-01-03.txt:8 ) >"$T/out" 2>"$T/err"
has "relative to the current folder" "$T/out" "8: 下一步将继续优化营商环境。"
( cd "$N/papers" && "$Z" show --db "$DB" ./../papers/rmrb_20200108-01-03.txt:8 ) >"$T/out" 2>"$T/err"
has "with ./ and .." "$T/out" "8: 下一步"
( cd "$T" && "$Z" index --db "$T/g.db" news >/dev/null 2>&1; cd / && "$Z" show --db "$T/g.db" news/papers/rmrb_20200108-01-03.txt:8 ) >"$T/out" 2>"$T/err"
has "as given to index, from another folder" "$T/out" "8: 下一步"
check "PATH:LINE:COLUMN as --vimgrep prints it" 0 "$Z" show --db "$DB" "$A:3:1"
has "  the passage of line 3" "$T/out" "3: 本报北京"

# exit codes
fails "a line before the first passage: exit 1" 1 "no passage at line 2 of" "$Z" show --db "$DB" "$N/blank.txt:2"
check "a line after the last passage: exit 1" 1 "$Z" show --db "$DB" "$A:40"
fails "a document not in the index: exit 2" 2 "no document '$N/nothere.txt' in the index" "$Z" show --db "$DB" "$N/nothere.txt:3"
fails "no line: exit 2" 2 "write PATH:LINE" "$Z" show --db "$DB" "$A"
check "line 0: exit 2" 2 "$Z" show --db "$DB" "$A:0"
check "a bad -C: exit 2" 2 "$Z" show --db "$DB" -C x "$A:3"
check "no argument: exit 2" 2 "$Z" show --db "$DB"
check "no index: exit 2" 2 "$Z" show --db "$T/none.db" "$A:3"
check "--help: exit 0" 0 "$Z" show --help
has "  examples and exit status" "$T/out" "Exit status: 0 shown, 1 no passage"

# round trip on corpus/: the place a query reports shows the same passage
check "index corpus/" 0 "$Z" index --db "$T/c.db" "$CORPUS"
( cd "$CORPUS/.." && "$Z" query --db "$T/c.db" --vimgrep -n 3 园区 ) >"$T/vim" 2>/dev/null
equals "  three hits" "$(wc -l <"$T/vim" | tr -d ' ')" "3"
while IFS= read -r l; do
    place=$(printf '%s' "$l" | cut -d: -f1-2)
    text=$(printf '%s' "$l" | cut -d: -f4- | cut -c1-40)
    ( cd "$CORPUS/.." && "$Z" show --db "$T/c.db" --color never "$place" ) >"$T/out" 2>"$T/err"
    has "  show $place holds the hit's text" "$T/out" "$text"
done <"$T/vim"
finish
