#!/bin/sh
# test_cli.sh - end-to-end tests of the zhaoshu binary on corpus/: index,
# query, parks, check, segment. Asserts stdout, stderr and exit codes.
# Usage: test_cli.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
DB=$T/z.db

# ---- index
check "index corpus/" 0 "$Z" index --db "$DB" "$CORPUS"
has "summary names the files and passages" "$T/err" "indexed 5 files"
equals "nothing on stdout while indexing" "$(wc -c <"$T/out")" "0"
check "re-index skips unchanged files" 0 "$Z" index --db "$DB" "$CORPUS"
has "unchanged counted" "$T/err" "(5 unchanged"
check "index is sound" 0 "$Z" check --db "$DB"
equals "check prints ok" "$(cat "$T/out")" "ok"
equals "a new index has 8 KiB pages" "$(sqlite3 "$DB" "PRAGMA page_size")" "8192"

# ---- quirks of the corpus
check "a word broken across lines in 004 is found" 0 "$Z" query --db "$DB" '"贵阳高新区以综合得分"'
has "  the joined passage" "$T/out" "004_f95930e6cd8d76ce.txt:"
check "a number broken across lines in 004 is one figure" 0 "$Z" query --db "$DB" --json '"155.63亿元"'
has "  155.63亿元 whole" "$T/out" '"text":"155.63亿元"'
check "Traditional query finds Simplified text" 0 "$Z" query --db "$DB" 貴陽高新區
has "  match marked in plain output" "$T/out" "[贵阳高新区]"
check "full-width number finds half-width" 0 "$Z" query --db "$DB" '１３５．３４億元'
has "  figure and match marked" "$T/out" "{[135.34亿元]}"
check "1-character query" 0 "$Z" query --db "$DB" 匀
has "  都匀 found through one character" "$T/out" "都[匀]"
check "新区 inside 高新区" 0 "$Z" query --db "$DB" --count 新区
[ "$(cat "$T/out")" -ge 100 ] && ok "  新区 counts passages of 高新区 ($(cat "$T/out"))" || notok "  新区 count" "$(cat "$T/out")"
check "doubled bold headline repaired" 0 "$Z" query --db "$DB" '"贵阳高新区：“双第一”背后的发展密码"'
has "  as a headline" "$T/out" "(headline)"
check "002's paragraph printed three times is one passage" 0 "$Z" query --db "$DB" --count '"初来乍到，人生地不熟"'
equals "  one hit" "$(cat "$T/out")" "1"
check "spaceless query is split into words" 0 "$Z" query --db "$DB" --json -n 1 六盘水高新区签约金额
python3 - "$T/out" <<'PY' && ok "  135.34亿元: money 13534000000, metric 签约金额, park 六盘水高新区, year 2024 stated, 2021-2025 spanned" || notok "  135.34亿元 figure fields"
import json, sys
h = json.loads(open(sys.argv[1]).readline())
f = [f for f in h["figures"] if f["text"] == "135.34亿元"][0]
assert f["value"] == 13534000000 and f["class"] == "money", f
assert f["metric"] == "签约金额" and f["park"] == "六盘水高新区", f
assert h["years"] == [2024], h["years"]
assert h["span_years"] == [2021, 2022, 2023, 2025], h["span_years"]
assert "六盘水高新区" in h["park"]
PY
check "no year from 2105项" 0 "$Z" query --db "$DB" --json '"授权发明专利2105项"'
python3 - "$T/out" <<'PY' && ok "  years hold no 2105" || notok "  years of the 2105项 passage" "$(head -c 300 "$T/out")"
import json, sys
for line in open(sys.argv[1]):
    assert 2105 not in json.loads(line)["years"]
PY

# ---- JSON offsets: every highlight is the matched or figure text
check "JSON lines for a multi-word query" 0 "$Z" query --db "$DB" --json -n 20 高新区 亿元
python3 - "$T/out" <<'PY' && ok "  highlight offsets are exact bytes of text" || notok "  highlight offsets"
import json, sys
n = 0
for line in open(sys.argv[1]):
    h = json.loads(line)
    for k in ("rank", "score", "doc", "passage", "park", "years", "text", "highlights", "figures"):
        assert k in h, k
    b = h["text"].encode()
    figs = {(f["start"], f["end"]): f["text"] for f in h["figures"]}
    for s in h["highlights"]:
        piece = b[s["start"]:s["end"]].decode()
        if s["kind"] == "figure":
            assert figs[(s["start"], s["end"])] == piece
        else:
            assert s["kind"] == "match" and piece in ("高新区", "亿元"), piece
        n += 1
assert n > 20
PY

# ---- output modes and exit codes
check "colour when asked" 0 "$Z" query --db "$DB" --color=always -n 1 签约金额
has "  ANSI colour" "$T/out" "$(printf '\033[1;31m')"
check "no colour in a pipe" 0 "$Z" query --db "$DB" -n 1 签约金额
hasnt "  no escape codes" "$T/out" "$(printf '\033[')"
check "no hits exits 1" 1 "$Z" query --db "$DB" xyzzyq
equals "  and prints nothing" "$(cat "$T/out" "$T/err")" ""
check "a lone Chinese quote (pasted from an article) is punctuation" 0 "$Z" query --db "$DB" -n 1 '高新区“签约金额'
has "  the words found" "$T/out" "签约金额]"
hasnt "  no quote error" "$T/err" "unbalanced"
check "a lone closing quote too" 0 "$Z" query --db "$DB" -n 1 '签约金额”'
check "paired Chinese quotes still make a phrase" 0 "$Z" query --db "$DB" -n 1 '“签约金额”'
fails "a straight quote left open is an error" 2 "unbalanced quote" "$Z" query --db "$DB" '"签约金额'
fails "missing index exits 2" 2 "zhaoshu index --db" "$Z" query --db "$T/none.db" 高新区
# An index of an older schema (passages.hash was 64 bits in 5) is refused
# with what to do, by a query and by an index run alike, never misread.
cp "$DB" "$T/old.db"
sqlite3 "$T/old.db" "UPDATE meta SET value = '5' WHERE key = 'schema_version'"
fails "an index of schema 5 is refused" 2 "written with index schema 5" "$Z" query --db "$T/old.db" 高新区
has "  and says how to rebuild it" "$T/err" "delete the file and index again"
fails "  an index run into it too" 2 "written with index schema 5" "$Z" index -q --db "$T/old.db" "$CORPUS"
"$Z" query --db "$DB" -n 100 高新区 2>"$T/err" | head -n 1 >/dev/null
equals "closed pipe: quiet" "$(cat "$T/err")" ""
check "figure filter" 0 "$Z" query --db "$DB" --json 'figure:>1000亿元'
python3 - "$T/out" <<'PY' && ok "  every hit has a money figure above 1e11" || notok "  figure filter hits"
import json, sys
n = 0
for line in open(sys.argv[1]):
    h = json.loads(line)
    assert any(f["class"] == "money" and f["value"] > 1e11 for f in h["figures"]), h["text"]
    n += 1
assert n >= 2
PY
check "park filter through an alias" 0 "$Z" query --db "$DB" --json 'park:贵州水城经济开发区 铝'
python3 - "$T/out" <<'PY' && ok "  every hit is about 水城经开区" || notok "  park alias filter"
import json, sys
lines = open(sys.argv[1]).readlines()
assert lines
for line in lines:
    assert "水城经开区" in json.loads(line)["park"]
PY
check "year filter" 0 "$Z" query --db "$DB" --json 'year:2020 招商'
python3 - "$T/out" <<'PY' && ok "  every hit speaks of 2020" || notok "  year filter"
import json, sys
for line in open(sys.argv[1]):
    assert 2020 in json.loads(line)["years"]
PY
check "year:2023 skips a passage that only spans 2023 (十四五)" 0 "$Z" query --db "$DB" --json -n 100 'year:2023 高新区'
python3 - "$T/out" <<'PY' && ok "  every hit states 2023; not the 十四五 passage" || notok "  year:2023 exact" "$(head -c 300 "$T/out")"
import json, sys
for line in open(sys.argv[1]):
    h = json.loads(line)
    assert 2023 in h["years"], h["years"]
    assert "135.34亿元" not in h["text"]
PY
check "year:~2023 takes it" 0 "$Z" query --db "$DB" --json -n 100 'year:~2023 高新区'
python3 - "$T/out" <<'PY' && ok "  the 十四五 passage is found" || notok "  year:~2023" "$(head -c 300 "$T/out")"
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1])]
assert any("135.34亿元" in h["text"] and 2023 in h["span_years"] for h in hits)
for h in hits:
    assert 2023 in h["years"] + h["span_years"]
PY
check "figures --year 2023 skips the 十四五 figure" 0 "$Z" figures --db "$DB" --json --year 2023
python3 - "$T/out" <<'PY' && ok "  135.34亿元 absent" || notok "  figures --year 2023"
import json, sys
assert all(json.loads(l)["text"] != "135.34亿元" for l in open(sys.argv[1]))
PY
check "figures --year ~2023 takes it" 0 "$Z" figures --db "$DB" --json --year '~2023'
has "  135.34亿元 present" "$T/out" '"text":"135.34亿元"'
check "parks lists zones with aliases" 0 "$Z" parks --db "$DB"
has "  六盘水高新区 and an alias" "$T/out" "六盘水国家高新区"
has "  六盘水高新区: kind, province and city, from the list" "$T/out" "六盘水高新区  高新区 - 贵州省 六盘水市 list"
check "parks --json says where a zone came from" 0 "$Z" parks --db "$DB" --json
has "  a listed zone" "$T/out" '"park":"六盘水高新区","aliases"'
has "  its province" "$T/out" '"province":"贵州省","city":"六盘水市","source":"list"}' 
# Small cases of zones, each an index of its own: scratch_article NAME FILE
# TEXT writes $T/NAME/FILE (TEXT is a printf format: \n ends a passage),
# scratch_index NAME indexes $T/NAME into $T/NAME.db.
scratch_article() { mkdir -p "$T/$1" && printf "$3" >"$T/$1/$2"; }
scratch_index() { "$Z" index --db "$T/$1.db" "$T/$1" >/dev/null 2>&1; }
# A city whose short form a town shares (南京市, 南京镇) still gives a zone
# named after it its province and city.
scratch_article nj a.txt '南京高新区本月新开工项目十二个。\n\n东莞工业园的厂房今年扩建两栋。\n'
scratch_index nj
check "parks: a city's province though a town shares its name" 0 "$Z" parks --db "$T/nj.db"
has "  南京高新区 in 江苏省 南京市" "$T/out" "南京高新区  高新区 - 江苏省 南京市 list"
has "  东莞工业园 in 广东省 东莞市" "$T/out" "东莞工业园  工业园 - 广东省 东莞市 pattern"
# A town's short form (松岗 of 松岗镇, 四川) says nothing of where a zone named
# with it is; the town's whole name (马克堂镇) does. (卫星 of 卫星镇 is no
# place at all: jieba knows it as a word, class townword of wordclass.txt.)
scratch_article tw a.txt '松岗产业园今年又有三家公司入驻。\n\n马克堂镇工业园的牧场扩大了。\n'
scratch_index tw
check "parks: no province from a town's short form" 0 "$Z" parks --db "$T/tw.db"
has "  松岗产业园 without a place" "$T/out" "松岗产业园  产业园 - - - pattern"
has "  马克堂镇工业园 in 青海省" "$T/out" "马克堂镇工业园  工业园 - 青海省 黄南藏族自治州 pattern"
# A passage that names no zone gives its figures to the article's zone only
# when the article is about it: two passages name it, and its headline or
# lead does, or a fifth of its passages. An article of twelve passages that
# names a zone in two later ones only speaks of it in passing.
scratch_article about b.txt '长沙高新区一季度开局良好\n\n今年新开工项目15个。\n\n长沙高新区管委会表示，将继续优化服务。\n'
{ printf '新材料行业持续升温\n\n记者走访了多家企业。今年本地新签约项目28个。\n\n'
  for k in 1 2 3 4 5 6 7 8; do printf '第%s家企业的负责人谈了订单。\n\n' $k; done
  printf '一家企业的负责人说，长沙高新区的配套好。\n\n另一位负责人也认为长沙高新区服务到位。\n'; } > "$T/about/a.txt"
scratch_index about
check "figures of an article about a zone, and of one naming it in passing" 0 "$Z" figures --db "$T/about.db" --json
python3 - "$T/out" <<'PY' && ok "  15个 is the zone's, 28个 no zone's" || notok "  article zone" "$(cut -c1-300 "$T/out")"
import json, sys
park = {r["text"]: r["park"] for r in map(json.loads, open(sys.argv[1]))}
assert park["15个"] == "长沙高新区" and park["28个"] == "", park
PY

check "figures --class money,percent keeps only those classes" 0 "$Z" figures --db "$DB" --json --class money,percent
python3 - "$T/out" <<'PY' && ok "  money and percent rows only, both present" || notok "  --class" "$(head -c 300 "$T/out")"
import json, sys
classes = {json.loads(l)["class"] for l in open(sys.argv[1])}
assert classes == {"money", "percent"}, classes
PY
check "figures --class with a misspelt class is an error" 2 "$Z" figures --db "$DB" --class money,monye
has "  the class is named" "$T/err" "unknown figure class 'monye'"

# ---- figures: timelines, conflicts, arithmetic checks
check "figures for a park and metric" 0 "$Z" figures --db "$DB" --json --park 六盘水国家高新区 --metric 签约总金额
python3 - "$T/out" <<'PY' && ok "  135.34亿元 and 1353.4亿元 both marked: ten times apart" || notok "  签约金额 conflict"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
texts = {r["text"]: r for r in rows}
a, b = texts["135.34亿元"], texts["突破1353.4亿元"]
assert "10 times apart" in a["conflict"] and "10 times apart" in b["conflict"], (a, b)
assert all(r["park"] == "六盘水高新区" and r["metric"] == "签约金额" for r in rows)
PY
check "figures: a timeline sorted by year" 0 "$Z" figures --db "$DB" --json --metric 营业收入 --park 六盘水高新区
python3 - "$T/out" <<'PY' && ok "  营业收入 2021 995亿元 before 2024 1903亿元" || notok "  timeline order"
import json, sys
rows = [(r["year"], r["text"]) for r in map(json.loads, open(sys.argv[1]))]
assert rows.index((2021, "995亿元")) < rows.index((2024, "1903亿元")), rows
PY
check "figures: growth rates checked against endpoints" 0 "$Z" figures --db "$DB" --json 年均
python3 - "$T/out" <<'PY' && ok "  17.6% flagged (fits 4 years, 3 stated); 21.7% consistent" || notok "  arithmetic checks"
import json, sys
rows = {r["text"]: r for r in map(json.loads, open(sys.argv[1]))}
assert rows["17.6%"]["check_failed"] and "3 years" in rows["17.6%"]["check"] and "fits 4.0" in rows["17.6%"]["check"]
assert not rows["21.7%"]["check_failed"] and "consistent" in rows["21.7%"]["check"]
PY
# ---- where each metric is printed: byte spans of the context (figures) or
# of the text (query), whose text is the metric as printed
check "figures --json: every row" 0 "$Z" figures --db "$DB" --json
python3 - "$T/out" <<'PY' && ok "  metric_spans hold metric_raw; no span exactly when no metric" || notok "  metric spans of figure rows" "$(head -c 300 "$T/out")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
named = 0
for r in rows:
    b = r["context"].encode()
    sp = r["metric_spans"]
    assert bool(sp) == bool(r["metric_raw"]), r
    if not sp:
        assert r["metric_start"] is None and r["metric_end"] is None, r
        continue
    named += 1
    assert r["metric_start"] == sp[0][0] and r["metric_end"] == sp[-1][1], r
    for (s, e), nxt in zip(sp, sp[1:] + [None]):
        assert 0 <= s < e <= len(b) and (nxt is None or e <= nxt[0]), r
        assert e <= r["start"] or s >= r["end"], r  # never inside the figure
    text = b"".join(b[s:e] for s, e in sp).decode().replace("\n", "")
    assert text == r["metric_raw"], (text, r["metric_raw"])
assert named > 100, named
PY
mkdir -p "$T/sp"
printf '2024年，园区工业产值和工业利润分别增长8%%、9%%，利润比上年增加2000万元，工业投资占全市固定资产投资的比重达到45%%。\n' >"$T/sp/a.txt"
check "index a metric printed in two pieces" 0 "$Z" index -q --db "$T/s.db" "$T/sp/a.txt"
check "figures --json of it" 0 "$Z" figures --db "$T/s.db" --json
python3 - "$T/out" <<'PY' && ok "  9%: 工业利润 and 增长, apart; 2000万元: 利润 alone; 45%: 工业投资 (A of A占B)" || notok "  metric pieces" "$(cat "$T/out")"
import json, sys
rows = {r["text"]: r for r in map(json.loads, open(sys.argv[1]))}
def at(r):
    b = r["context"].encode()
    return [b[s:e].decode() for s, e in r["metric_spans"]]
assert at(rows["9%"]) == ["工业利润", "增长"], at(rows["9%"])
assert at(rows["2000万元"]) == ["利润"], at(rows["2000万元"])
assert at(rows["45%"]) == ["工业投资"], at(rows["45%"])
PY
check "query --json of it" 0 "$Z" query --db "$T/s.db" --json 利润
python3 - "$T/out" <<'PY' && ok "  a hit's figures carry the same two pieces (read from figure_rows, not the view)" || notok "  metric pieces of a hit" "$(cat "$T/out")"
import json, sys
h = json.loads(open(sys.argv[1]).readline())
b = h["text"].encode()
at = {f["text"]: [b[s:e].decode() for s, e in f["metric_spans"]] for f in h["figures"]}
assert at["9%"] == ["工业利润", "增长"], at
assert at["45%"] == ["工业投资"], at
PY
check "query --json: figures of hits" 0 "$Z" query --db "$DB" --json -n 20 亿元
python3 - "$T/out" <<'PY' && ok "  a hit's figure spans are bytes of its text, never inside the figure" || notok "  metric spans of hits" "$(head -c 300 "$T/out")"
import json, sys
named = 0
for line in open(sys.argv[1]):
    h = json.loads(line)
    b = h["text"].encode()
    for f in h["figures"]:
        for s, e in f["metric_spans"]:
            assert 0 <= s < e <= len(b) and (e <= f["start"] or s >= f["end"]), f
            named += 1
        if f["metric_spans"]:
            assert f["metric_start"] == f["metric_spans"][0][0], f
assert named > 10, named
PY
check "figures: a long query word after the options (once overflowed its buffer)" 0 "$Z" figures --db "$DB" --csv 营业收入年均增速签约金额
has "  CSV header" "$T/out" "park,metric,year,figure,value,unit"
mkdir -p "$T/f"
printf '安顺高新区2023年签约金额135.34亿元。\n' >"$T/f/a.txt"
printf '安顺高新区签约金额超百亿元，产值达135.34万吨。\n' >"$T/f/b.txt"
printf '安顺高新区签约金额达1353.4亿元。\n' >"$T/f/c.txt"
printf '安顺高新区营业收入13.534亿元。\n' >"$T/f/d.txt"
check "index figure cases" 0 "$Z" index --db "$T/f.db" "$T/f"
check "figures --conflicts" 0 "$Z" figures --db "$T/f.db" --conflicts --json
python3 - "$T/out" <<'PY' && ok "  only 135.34亿元 vs 1353.4亿元: not the hedged 超百亿元, other units or metrics" || notok "  conflict selection" "$(cat "$T/out")"
import json, sys
rows = sorted(r["text"] for r in map(json.loads, open(sys.argv[1])))
assert rows == sorted(["1353.4亿元", "135.34亿元"]), rows
PY

printf '全市高新技术企业80户，其中安顺高新区20户，占25%%。\n\n全市企业500家，安顺高新区200家，占全市的60%%。\n\n安顺高新区企业4508户，占企业总量的86%%。\n' >"$T/f/share.txt"
check "index a share case" 0 "$Z" index --db "$T/f.db" "$T/f"
check "figures: shares recomputed from part and whole" 0 "$Z" figures --db "$T/f.db" --json 占
python3 - "$T/out" <<'PY' && ok "  25% fits 20 of 80; 60% flagged (200 of 500 is 40%); 86% of an unprinted whole left alone" || notok "  share checks" "$(cat "$T/out")"
import json, sys
rows = {r["text"]: r for r in map(json.loads, open(sys.argv[1]))}
assert not rows["25%"]["check_failed"] and "consistent" in rows["25%"]["check"], rows["25%"]
assert rows["60%"]["check_failed"] and "40.0%" in rows["60%"]["check"], rows["60%"]
assert rows["86%"]["check"] == "", rows["86%"]
PY

# ---- errors (data-driven: tests/cli/errors.test)
while IFS= read -r line; do
    case "$line" in
    '%%FAIL '*) q=${line#%%FAIL }; IFS= read -r want
        "$Z" query --db "$DB" "$q" >"$T/out" 2>"$T/err"; rc=$?
        equals "error for [$q]: exit 2" "$rc" "2"
        equals "  message" "$(head -n 1 "$T/err")" "$want";;
    esac
done <"$(dirname "$0")/errors.test"

# ---- incremental, prune, stdin, GB18030
mkdir -p "$T/c"
cp "$CORPUS"/*.txt "$T/c/"
check "index a copy" 0 "$Z" index --db "$T/c.db" "$T/c"
printf '本报讯 测试园区新增一段话：签约金额999亿元。\n' >>"$T/c/001_714bcf8596df40c9.txt"
rm "$T/c/003_ef47862b64326710.txt"
fails "changed file re-indexed, gone one pruned" 0 "indexed 1 files (3 unchanged, 0 skipped, 1 removed)" "$Z" index --db "$T/c.db" --prune "$T/c"
check "  new text found" 0 "$Z" query --db "$T/c.db" 签约金额999亿元
check "  pruned text gone" 1 "$Z" query --db "$T/c.db" '"授权发明专利2105项"'
check "  still sound" 0 "$Z" check --db "$T/c.db"
iconv -f UTF-8 -t GB18030 "$CORPUS/000_24cf386f7f29c2e5.txt" >"$T/gb.txt"
check "GB18030 file indexes" 0 "$Z" index --db "$T/gb.db" "$T/gb.txt"
check "  UTF-8 original into its own index" 0 "$Z" index --db "$T/u8.db" "$CORPUS/000_24cf386f7f29c2e5.txt"
"$Z" query --db "$T/gb.db" --json -n 1000 六盘水 | python3 -c 'import json,sys; [print(json.loads(l)["text"]) for l in sys.stdin]' | sort >"$T/gb.out"
"$Z" query --db "$T/u8.db" --json -n 1000 六盘水 | python3 -c 'import json,sys; [print(json.loads(l)["text"]) for l in sys.stdin]' | sort >"$T/u8.out"
if [ -s "$T/u8.out" ] && cmp -s "$T/gb.out" "$T/u8.out"; then ok "  same passages as the UTF-8 file"; else notok "  GB18030 passages differ"; fi
printf '\177ELF\000\000\000binary' >"$T/c/bin.txt"
fails "a binary file is skipped, exit 1" 1 "bin.txt" "$Z" index --db "$T/c.db" "$T/c"
printf '贵阳高新区今年签约金额100亿元。\n' | "$Z" index --db "$T/s.db" - 2>"$T/err"
equals "stdin indexes" "$?" "0"
check "  and is found" 0 "$Z" query --db "$T/s.db" 签约金额

# ---- manifest: the article's date resolves 今年/去年
mkdir -p "$T/m"
printf '本报讯 今年，安顺高新区签约金额达10亿元，去年为8亿元。\n' >"$T/m/a.txt"
printf 'a.txt\t2019-05-01\t安顺日报\n' >"$T/m/manifest.tsv"
check "index with a manifest" 0 "$Z" index --db "$T/m.db" "$T/m"
check "  今年/去年 resolve to the manifest's year" 0 "$Z" query --db "$T/m.db" --json 签约金额
python3 - "$T/out" <<'PY' && ok "  years 2018 and 2019" || notok "  manifest years" "$(cat "$T/out")"
import json, sys
h = json.loads(open(sys.argv[1]).readline())
assert h["years"] == [2018, 2019], h["years"]
PY

# copies DIR N SED: N copies of the corpus in DIR, copy i edited by SED with @ = i
copies() {
    mkdir -p "$1"
    i=0
    while [ $i -lt "$2" ]; do
        e=$(printf '%s' "$3" | sed "s/@/$i/g")
        for f in "$CORPUS"/*.txt; do sed "$e" "$f" >"$1/$i-$(basename "$f")"; done
        i=$((i + 1))
    done
}

# ---- kill -9 while indexing leaves a sound index
copies "$T/big" 150 "s/贵阳/贵阳@/"
"$Z" index -q --db "$T/k.db" "$T/big" 2>/dev/null &
pid=$!
sleep 1.5
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "after kill -9 the index passes integrity checks" 0 "$Z" check --db "$T/k.db"
check "  and the next run completes the work" 0 "$Z" index -q --db "$T/k.db" "$T/big"
check "  and is sound" 0 "$Z" check --db "$T/k.db"
# A first build makes its secondary indexes at the end; a killed one, the next run.
equals "  with every index made" "$(sqlite3 "$T/k.db" "SELECT count(*) FROM sqlite_master WHERE
    type = 'index' AND name IN ('passages_doc', 'passage_dups_passage',
    'passage_dups_doc', 'figure_rows_class', 'passage_parks_passage', 'strings_key')")" "6"

# A first build finds repeats in memory (seen.c); past its limit, through
# the index passages_hash, made then. Both ways must store the same passages.
check "a first build finds repeats in memory" 0 "$Z" index -q --db "$T/seen1.db" "$T/big"
ZHAOSHU_SEEN_MAX=40 "$Z" index -q --db "$T/seen2.db" "$T/big" 2>"$T/err"
equals "  and past a limit of 40 passages, through SQLite" "$?" "0"
for t in 1 2; do
    sqlite3 "$T/seen$t.db" "SELECT d.path, p.seq, p.hash, p.id FROM passages p JOIN docs d
        ON d.id = p.doc_id ORDER BY p.id; SELECT d.path, x.seq, x.passage_id FROM passage_dups x
        JOIN docs d ON d.id = x.doc_id ORDER BY 1, 2; SELECT count(*) FROM passage_dups;
        SELECT count(*) FROM sqlite_master WHERE name = 'passages_hash'" >"$T/seen$t.out"
done
# Only the build past its limit made passages_hash (the last line).
sed '$d' "$T/seen1.out" >"$T/seen1.rows"
sed '$d' "$T/seen2.out" >"$T/seen2.rows"
if cmp -s "$T/seen1.rows" "$T/seen2.rows" &&
    [ "$(tail -2 "$T/seen1.out" | head -1)" -gt 1000 ] &&
    [ "$(tail -1 "$T/seen1.out")" = 0 ] && [ "$(tail -1 "$T/seen2.out")" = 1 ]; then
    ok "  the same passages and repeats either way"
else
    notok "  repeats differ between memory and SQLite" "$(diff "$T/seen1.out" "$T/seen2.out" | head -5)"
fi
check "  and sound" 0 "$Z" check --db "$T/seen2.db"
# Workers skip what they take for repeats (seen.c); where they are wrong
# the writer prepares the passage. Everything taken for a repeat: same index.
ZHAOSHU_REPEAT_ALL=1 "$Z" index -q --db "$T/seen3.db" "$T/big" 2>"$T/err"
equals "a build where the writer prepares every passage" "$?" "0"
# (Not the bodies' lengths: the writer compresses each passage alone, a
# worker a file's passages in groups; check reads every text back.)
check "  the build with groups is sound" 0 "$Z" check --db "$T/seen1.db"
for t in 1 3; do
    sqlite3 "$T/seen$t.db" "SELECT id, doc_id, seq, kind, start, end, hash, park,
        year, figure FROM passages ORDER BY id; SELECT * FROM passage_dups ORDER BY rowid;
        SELECT * FROM figure_rows; SELECT * FROM passage_parks; SELECT * FROM passage_years;
        SELECT id, len FROM passages; SELECT * FROM strings" >"$T/seen$t.out"
done
if [ -s "$T/seen1.out" ] && cmp -s "$T/seen1.out" "$T/seen3.out"; then
    ok "  stores the same passages, figures, zones, years and lengths"
else
    notok "  the writer's preparation differs" "$(diff "$T/seen1.out" "$T/seen3.out" | head -5)"
fi
check "  and both find the same" 0 "$Z" query --db "$T/seen3.db" --json -n 50 贵阳高新区
# A later run finds repeats of stored passages in memory too, filled from
# passages.hash (no passages_hash index); past the limit, through the index
# it makes then. Both ways: every passage of the new copies is a repeat.
copies "$T/more" 2 "s/贵阳/贵阳@/"
for t in 4 5; do
    cp "$T/seen1.db" "$T/seen$t.db"
    [ $t = 5 ] && export ZHAOSHU_SEEN_MAX=40
    "$Z" index -q --db "$T/seen$t.db" "$T/more" 2>"$T/err"
    echo "exit $?" >"$T/seen$t.out"
    unset ZHAOSHU_SEEN_MAX
    sqlite3 "$T/seen$t.db" "SELECT id, doc_id, seq, hash FROM passages ORDER BY id;
        SELECT * FROM passage_dups ORDER BY rowid" >>"$T/seen$t.out"
    sqlite3 "$T/seen$t.db" "SELECT (SELECT count(*) FROM passages),
        (SELECT count(*) FROM passage_dups),
        (SELECT count(*) FROM sqlite_master WHERE name = 'passages_hash')" >"$T/seen$t.n"
done
n1=$(sqlite3 "$T/seen1.db" "SELECT count(*) FROM passages")
d1=$(sqlite3 "$T/seen1.db" "SELECT count(*) FROM passage_dups")
if cmp -s "$T/seen4.out" "$T/seen5.out" && [ "$(head -1 "$T/seen4.out")" = "exit 0" ] &&
    [ "$(cut -d'|' -f1 "$T/seen4.n")" = "$n1" ] && [ "$(cut -d'|' -f2 "$T/seen4.n")" -gt "$d1" ] &&
    [ "$(cut -d'|' -f3 "$T/seen4.n")" = 0 ] && [ "$(cut -d'|' -f3 "$T/seen5.n")" = 1 ]; then
    ok "a later run stores repeats of stored passages once, from memory or through SQLite"
else
    notok "a later run's repeats" "$(cat "$T/seen4.n" "$T/seen5.n"; diff "$T/seen4.out" "$T/seen5.out" | head -5)"
fi
mv "$T/out" "$T/q3.out"
"$Z" query --db "$T/seen1.db" --json -n 50 贵阳高新区 >"$T/q1.out"
if [ -s "$T/q1.out" ] && cmp -s "$T/q1.out" "$T/q3.out"; then ok "  same hits"; else notok "  hits differ"; fi

# ---- the text store: past 4 MiB of passages, text is compressed (zstd with a
# dictionary trained on the first passages) and must come back byte for byte
copies "$T/many" 60 "s/。/。第@号/g"
check "index 60 altered copies (every passage unique)" 0 "$Z" index -q --db "$T/store.db" "$T/many"
equals "  a dictionary was trained and most text is compressed" \
    "$(sqlite3 "$T/store.db" "SELECT (SELECT count(*) FROM text_dict),
        (SELECT count(*) > count(*) / 2 FROM passages WHERE typeof(body) = 'blob')")" "1|1"
equals "  the passages it was trained on are compressed too (none long is left plain)" \
    "$(sqlite3 "$T/store.db" "SELECT count(*) FROM passages WHERE typeof(body) = 'text'
        AND length(CAST(body AS BLOB)) > 300")" "0"
check "  and is sound (FTS5 reads compressed text through passages_text)" 0 "$Z" check --db "$T/store.db"
check "  a passage of every copy is found" 0 "$Z" query --db "$T/store.db" --count '"授权发明专利2105项"'
equals "  60 hits" "$(cat "$T/out")" "60"
check "  compressed text comes back whole" 0 "$Z" query --db "$T/store.db" --json -n 100 '"授权发明专利2105项"'
python3 - "$T/out" "$CORPUS" <<'PY' && ok "  texts equal their copies' lines, offsets hold" || notok "  compressed text round trip" "$(head -c 300 "$T/out")"
import glob, json, re, sys
src = "".join(open(f, encoding="utf-8").read() for f in glob.glob(sys.argv[2] + "/*.txt"))
hits = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(hits) == 60, len(hits)
seen = set()
for h in hits:
    t = h["text"]
    n = re.search(r"第(\d+)号", t).group(1)
    seen.add(n)
    assert t.replace("。第%s号" % n, "。") in src.replace("\n", ""), t[:80]
    b = t.encode()
    for s in h["highlights"]:
        assert 0 <= s["start"] < s["end"] <= len(b)
assert len(seen) == 60
PY
# An index of schema 10 (zhaoshu before 11) kept the dictionary in meta's row
# 'text_dict': a query reads it as it is, an index run moves the dictionary
# to its table and the index to schema 11, and the text reads the same.
"$Z" query --db "$T/store.db" --json -n 100 '"授权发明专利2105项"' >"$T/dict11.out"
cp "$T/store.db" "$T/dict10.db"
sqlite3 "$T/dict10.db" "INSERT INTO meta SELECT 'text_dict', dict FROM text_dict;
    DROP TABLE text_dict; UPDATE meta SET value = '10' WHERE key = 'schema_version'"
check "an index of schema 10 (the dictionary in meta) is read" 0 \
    "$Z" query --db "$T/dict10.db" --json -n 100 '"授权发明专利2105项"'
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/dict11.out"; then ok "  the same hits and text"; else notok "  schema 10's hits differ"; fi
check "  an index run into it" 0 "$Z" index -q --db "$T/dict10.db" "$T/many"
equals "  moves the dictionary and the schema on" \
    "$(sqlite3 "$T/dict10.db" "SELECT (SELECT value FROM meta WHERE key = 'schema_version'),
        (SELECT count(*) FROM meta WHERE key = 'text_dict'), hex(dict) FROM text_dict")" \
    "18|0|$(sqlite3 "$T/store.db" "SELECT hex(dict) FROM text_dict")"
check "  and reads the same after" 0 "$Z" query --db "$T/dict10.db" --json -n 100 '"授权发明专利2105项"'
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/dict11.out"; then ok "  the same hits and text"; else notok "  hits differ after the move"; fi
check "  and is sound" 0 "$Z" check --db "$T/dict10.db"

# Schema 18: a file's passages share zstd frames in groups (ZSD_BODY_GROUP:
# the group's first stored row holds the frame, the others point at it).
# Removing or changing a file must never leave a member without its group's
# row, nor a frame with the text of a passage that went: after each change
# the index answers as one built afresh from the files as they are then.
mkdir -p "$T/grp"
group_files() {
    printf '%s\n\n' "青石镇今年新修了一条通往山顶茶园的石板路，游客比去年多了不少。" \
        "镇上的陶艺作坊每周末开放体验课，报名的孩子排到了下个月。" \
        "河对岸的老码头改成了露天书场，傍晚常有评弹艺人演出。" \
        "果农们说今年的杨梅熟得早，五月底就能上市了。" \
        "新开的乡村客栈把旧粮仓改成了咖啡馆，墙上挂着老照片。" >"$T/grp/a.txt"
    printf '%s\n\n' "周末去哪儿玩？这里有几条建议。" \
        "河对岸的老码头改成了露天书场，傍晚常有评弹艺人演出。" \
        "别忘了带上雨伞，山里天气说变就变。" >"$T/grp/b.txt"
    printf '%s\n\n' "青石镇今年新修了一条通往山顶茶园的石板路，游客比去年多了不少。" \
        "记者从镇政府了解到，明年还将修缮两座古桥。" >"$T/grp/c.txt"
}
# group_hits DB: what queries for every sentence above find, as printed
group_hits() {
    for q in 老码头 石板路 青石路 陶艺 杨梅 枇杷 客栈 古桥 雨伞 建议; do "$Z" query --db "$1" -n 5 "$q"; done 2>&1
}
# group_same WHAT DB: DB is sound and answers as an index built now would
group_same() {
    rm -f "$T/gf.db"*
    cp "$T/store.db" "$T/gf.db"
    "$Z" index -q --db "$T/gf.db" "$T/grp" 2>/dev/null
    check "  $1: the index is sound" 0 "$Z" check --db "$2"
    group_hits "$2" >"$T/g1.out"
    group_hits "$T/gf.db" >"$T/g2.out"
    if [ -s "$T/g2.out" ] && cmp -s "$T/g1.out" "$T/g2.out"; then ok "  $1: the same hits and text as a fresh index"
    else notok "  $1: hits differ from a fresh index" "$(diff "$T/g1.out" "$T/g2.out" | head -8)"; fi
}
group_files
cp "$T/store.db" "$T/g0.db"
check "a file of short passages, and two that repeat one of them each" 0 "$Z" index -q --db "$T/g0.db" "$T/grp"
equals "  its passages share one frame: the group's row and four members" \
    "$(sqlite3 "$T/g0.db" "SELECT group_concat(hex(substr(body, 1, 1)), ' ') FROM (SELECT body
        FROM passages p JOIN docs d ON d.id = p.doc_id WHERE d.path LIKE '%/grp/a.txt' ORDER BY p.id)")" \
    "08 09 09 09 09"
group_same "as built" "$T/g0.db"
cp "$T/g0.db" "$T/g1.db"
# grouped_bc DB: rows of b.txt and c.txt stored in a group. Whether b's and
# c's own passages formed groups depends on which worker saw the shared
# sentences first (a likely repeat is not packed), so the count after the
# removal is compared with the count before it: rows promoted from a's group
# must add none.
grouped_bc() {
    sqlite3 "$1" "SELECT count(*) FROM passages p JOIN docs d ON d.id = p.doc_id
        WHERE (d.path LIKE '%/grp/b.txt' OR d.path LIKE '%/grp/c.txt')
        AND typeof(body) = 'blob' AND substr(body, 1, 1) IN (x'08', x'09')"
}
grouped_before=$(grouped_bc "$T/g0.db")
rm "$T/grp/a.txt"
check "the file removed (--prune): its group's row and a member move to the files that repeat them" 0 \
    "$Z" index -q --prune --db "$T/g1.db" "$T/grp"
equals "  and are their own text now" "$(grouped_bc "$T/g1.db")" "$grouped_before"
group_same "removed" "$T/g1.db"
group_files
cp "$T/g0.db" "$T/g2.db"
sed -i '1s/石板路/青石路/' "$T/grp/a.txt"
check "the group's first passage edited (it moves to the file that repeats it; the rest stay)" 0 \
    "$Z" index -q --db "$T/g2.db" "$T/grp"
group_same "first edited" "$T/g2.db"
group_files
cp "$T/g0.db" "$T/g3.db"
sed -i 's/杨梅/枇杷/' "$T/grp/a.txt"
check "a member edited (the group loses a row; the rest stay)" 0 "$Z" index -q --db "$T/g3.db" "$T/grp"
equals "  the rows that stay are their own text: their old frame, with the old text, is gone" \
    "$(sqlite3 "$T/g3.db" "SELECT count(*) FROM passages p JOIN docs d ON d.id = p.doc_id
        WHERE d.path LIKE '%/grp/a.txt' AND typeof(body) = 'text'")" "4"
group_same "member edited" "$T/g3.db"
group_files
cp "$T/store.db" "$T/g4.db"
ZHAOSHU_SEEN_MAX=40 "$Z" index -q --db "$T/g4.db" "$T/grp" 2>"$T/err"
equals "with repeats found through SQLite (passages_hash, an index of the texts' keys)" \
    "$?|$(sqlite3 "$T/g4.db" "SELECT count(*) FROM sqlite_master WHERE name = 'passages_hash'")" "0|1"
sed -i '1s/石板路/青石路/; s/杨梅/枇杷/' "$T/grp/a.txt"
ZHAOSHU_SEEN_MAX=40 "$Z" index -q --db "$T/g4.db" "$T/grp" 2>"$T/err"
equals "  the first passage and a member edited (deleting a member reads its group's row)" "$?" "0"
group_same "through SQLite" "$T/g4.db"
group_files
# Schema 17 (every body a frame of its own) is read as it is and moved on;
# a newer schema than this zhaoshu's is refused (as an older zhaoshu
# refuses 18) with the command that rebuilds it.
rm -f "$T/s17.db"*
cp "$T/store.db" "$T/s17.db"
sqlite3 "$T/s17.db" "UPDATE meta SET value = '17' WHERE key = 'schema_version'"
check "an index of schema 17 is read" 0 "$Z" query --db "$T/s17.db" --json -n 100 '"授权发明专利2105项"'
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/dict11.out"; then ok "  the same hits and text"; else notok "  schema 17's hits differ"; fi
check "  an index run into it" 0 "$Z" index -q --db "$T/s17.db" "$T/grp"
equals "  moves it to 18 and groups the new file's passages" \
    "$(sqlite3 "$T/s17.db" "SELECT (SELECT value FROM meta WHERE key = 'schema_version'),
        (SELECT count(*) FROM passages p JOIN docs d ON d.id = p.doc_id WHERE d.path LIKE '%/grp/a.txt'
        AND typeof(body) = 'blob' AND substr(body, 1, 1) = x'09')")" "18|4"
group_same "schema 17 moved on" "$T/s17.db"
cp "$T/store.db" "$T/s19.db"
sqlite3 "$T/s19.db" "UPDATE meta SET value = '19' WHERE key = 'schema_version'"
fails "an index of a newer schema is refused" 2 "written with index schema 19" "$Z" query --db "$T/s19.db" 石板路
has "  and says how to rebuild it" "$T/err" "delete the file and index again"

# Schema 12: a passage's figure column is stored as '' when its figure_rows
# give it; passages_text gives it whole (FTS5 reads it there, and check
# compares its full-text index with that text, so a view that gave other
# text than was indexed fails it).
mkdir -p "$T/cols"
cp "$CORPUS"/*.txt "$T/cols/"
check "index the corpus (schema 12)" 0 "$Z" index -q --db "$T/cols.db" "$T/cols"
equals "  no figure text is stored twice" \
    "$(sqlite3 "$T/cols.db" "SELECT (SELECT count(*) FROM passages WHERE figure <> ''),
        (SELECT count(*) > 100 FROM figure_rows)")" "0|1"
check "  and is sound" 0 "$Z" check --db "$T/cols.db"
"$Z" query --db "$T/cols.db" --json -n 50 高新区 >"$T/cols12.q"
"$Z" figures --db "$T/cols.db" --json >"$T/cols12.f"
# The same index as schema 11 wrote it: the column whole, the view reading it.
cp "$T/cols.db" "$T/cols11.db"
sqlite3 "$T/cols11.db" "UPDATE passages SET figure = coalesce((SELECT group_concat(x, ' ') FROM
        (SELECT CAST(substr(CAST(body AS BLOB), start + 1, len) AS TEXT) AS x FROM figure_rows
        WHERE passage_id = passages.id ORDER BY start)), '');
    DROP VIEW passages_text;
    CREATE VIEW passages_text(id, doc_id, seq, kind, start, end, body, park, year, figure) AS
        SELECT id, doc_id, seq, kind, start, end, zs_text(body), park, year, figure FROM passages;
    UPDATE meta SET value = '11' WHERE key = 'schema_version'"
equals "  (made as schema 11: the column whole)" \
    "$(sqlite3 "$T/cols11.db" "SELECT count(*) > 100 FROM passages WHERE figure <> ''")" "1"
check "an index of schema 11 (the figure column whole) is sound" 0 "$Z" check --db "$T/cols11.db"
check "  and read as it is" 0 "$Z" query --db "$T/cols11.db" --json -n 50 高新区
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/cols12.q"; then ok "  the same hits, years and figures"; else notok "  schema 11's hits differ"; fi
"$Z" figures --db "$T/cols11.db" --json >"$T/cols11.f"
if [ -s "$T/cols11.f" ] && cmp -s "$T/cols11.f" "$T/cols12.f"; then ok "  the same figures"; else notok "  schema 11's figures differ"; fi
# A changed file: its old rows (the column whole) leave the full-text index,
# its new ones come in the new way.
sed -i 's/。/。2019年增长12.5%。/' "$T/cols/001_714bcf8596df40c9.txt"
check "  an index run with a changed file" 0 "$Z" index -q --db "$T/cols11.db" "$T/cols"
equals "  moves the schema on, the view replaced" \
    "$(sqlite3 "$T/cols11.db" "SELECT value FROM meta WHERE key = 'schema_version';
        SELECT instr(sql, 'figure_rows') > 0 FROM sqlite_master WHERE name = 'passages_text'")" "18
1"
check "  and is sound" 0 "$Z" check --db "$T/cols11.db"
check "  the changed file's figures are found" 0 "$Z" query --db "$T/cols11.db" --count '"2019年增长12.5%"'
[ "$(cat "$T/out")" -ge 1 ] && ok "  $(cat "$T/out") passages" || notok "  the changed file's passages" "$(cat "$T/out")"
check "  an index run into the schema 12 index" 0 "$Z" index -q --db "$T/cols.db" "$T/cols"
check "  sound too" 0 "$Z" check --db "$T/cols.db"
for t in 11 12; do
    db=$T/cols.db
    [ $t = 11 ] && db=$T/cols11.db
    "$Z" query --db "$db" --json -n 50 增长 >"$T/colsq$t"
    "$Z" figures --db "$db" --json >"$T/colsf$t"
done
if [ -s "$T/colsq11" ] && cmp -s "$T/colsq11" "$T/colsq12" && cmp -s "$T/colsf11" "$T/colsf12"; then
    ok "  both find the same hits and figures"
else
    notok "  the moved index and the new one differ" "$(diff "$T/colsq11" "$T/colsq12" | head -3)"
fi

# Schema 13: a document is found by a 64-bit key of its path (docs_path_key),
# not by a UNIQUE index holding every path a second time.
equals "schema 13: docs has no index of whole paths, one of their keys" \
    "$(sqlite3 "$T/cols.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master
        WHERE tbl_name = 'docs' AND type = 'index' ORDER BY name)")" "docs_path_key"
check "  a document is shown by its path" 0 "$Z" show --db "$T/cols.db" "$T/cols/001_714bcf8596df40c9.txt:3"
cp "$T/out" "$T/show13"
# The same index as schema 12 wrote it: docs with UNIQUE(path).
cp "$T/cols.db" "$T/paths12.db"
python3 - "$T/paths12.db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'docs'").fetchone()[0]
assert "path TEXT NOT NULL," in sql, sql
con.executescript(sql.replace("CREATE TABLE docs(", "CREATE TABLE docs12(", 1)
                  .replace("path TEXT NOT NULL,", "path TEXT NOT NULL UNIQUE,", 1) + ";"
                  "INSERT INTO docs12 SELECT * FROM docs; DROP TABLE docs;"
                  "ALTER TABLE docs12 RENAME TO docs;"
                  "UPDATE meta SET value = '12' WHERE key = 'schema_version';")
con.close()
PY
equals "  (made as schema 12: the paths' own index)" \
    "$(sqlite3 "$T/paths12.db" "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_docs_1'")" "1"
check "an index of schema 12 is sound" 0 "$Z" check --db "$T/paths12.db"
check "  and read as it is" 0 "$Z" query --db "$T/paths12.db" --json -n 50 增长
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/colsq12"; then ok "  the same hits"; else notok "  schema 12's hits differ"; fi
check "  a document is shown by its path" 0 "$Z" show --db "$T/paths12.db" "$T/cols/001_714bcf8596df40c9.txt:3"
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/show13"; then ok "  the same passage"; else notok "  schema 12 shows another"; fi
sed -i 's/。/。2020年下降3.5%。/' "$T/cols/002_b23befc8af8cd454.txt"
rm "$T/cols/000_24cf386f7f29c2e5.txt"
for t in 12 13; do
    db=$T/cols.db
    [ $t = 12 ] && db=$T/paths12.db
    check "  schema $t: an index run with a changed and a removed file" 0 "$Z" index -q --prune --db "$db" "$T/cols"
    check "  and is sound" 0 "$Z" check --db "$db"
    "$Z" query --db "$db" --json -n 50 下降 >"$T/pathsq$t"
    "$Z" status --db "$db" | grep documents >"$T/pathss$t"
done
equals "  moves the schema on, the paths' own index kept, their keys' index added" \
    "$(sqlite3 "$T/paths12.db" "SELECT value FROM meta WHERE key = 'schema_version';
        SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_docs_1';
        SELECT count(*) FROM sqlite_master WHERE name = 'docs_path_key'")" "18
1
1"
if [ -s "$T/pathsq12" ] && cmp -s "$T/pathsq12" "$T/pathsq13" && cmp -s "$T/pathss12" "$T/pathss13"; then
    ok "  both find the same hits and documents"
else
    notok "  the moved index and the new one differ" "$(diff "$T/pathsq12" "$T/pathsq13" | head -3)"
fi

# Schema 14: no index of passage_years by passage. A removed or changed
# file's years go by the key (year, passage_id), read from the passages'
# year column: none is left behind, and each passage's rows are its column.
years_of() {
    sqlite3 "$1" "SELECT (SELECT count(*) FROM passage_years WHERE passage_id NOT IN
        (SELECT id FROM passages)), (SELECT count(*) FROM passages p WHERE p.year <>
        coalesce((SELECT group_concat(y, ' ') FROM (SELECT iif(span, '~', '') || year AS y
        FROM passage_years WHERE passage_id = p.id ORDER BY year)), ''))"
}
equals "schema 14: a changed and a removed file leave no years behind" "$(years_of "$T/cols.db")" "0|0"
equals "  and no index of passage_years by passage" \
    "$(sqlite3 "$T/cols.db" "SELECT count(*) FROM sqlite_master WHERE name = 'passage_years_passage'")" "0"
cp "$T/cols.db" "$T/years13.db"
sqlite3 "$T/years13.db" "CREATE INDEX passage_years_passage ON passage_years(passage_id);
    UPDATE meta SET value = '13' WHERE key = 'schema_version'"
check "an index of schema 13 is read as it is" 0 "$Z" query --db "$T/years13.db" --json -n 50 下降
if [ -s "$T/out" ] && cmp -s "$T/out" "$T/pathsq13"; then ok "  the same hits"; else notok "  schema 13's hits differ"; fi
sed -i 's/。/。2018年至2021年增长4.5%。/' "$T/cols/003_ef47862b64326710.txt"
check "  an index run with a changed file" 0 "$Z" index -q --prune --db "$T/years13.db" "$T/cols"
equals "  moves the schema on, the index dropped, no years left behind" \
    "$(sqlite3 "$T/years13.db" "SELECT value FROM meta WHERE key = 'schema_version';
        SELECT count(*) FROM sqlite_master WHERE name = 'passage_years_passage'")|$(years_of "$T/years13.db")" "18
0|0|0"
check "  and is sound" 0 "$Z" check --db "$T/years13.db"

# Schema 15: a string is found by a 32-bit key of it (strings_key), not by a
# UNIQUE index holding every string a second time.
equals "schema 15: strings has no index of whole strings, one of their keys" \
    "$(sqlite3 "$T/cols.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master
        WHERE tbl_name = 'strings' AND type = 'index' ORDER BY name)")" "strings_key"
strings_out() { # the look-ups by a string: a zone, a metric, a class
    "$Z" figures --db "$1" --json --park 贵阳高新区 >"$2.park" &&
        "$Z" figures --db "$1" --json --metric 企业 >"$2.metric" &&
        "$Z" query --db "$1" --json -n 50 'figure:>1亿元' >"$2.class" &&
        [ -s "$2.park" ] && [ -s "$2.metric" ] && [ -s "$2.class" ]
}
same_strings() { cmp -s "$1.park" "$2.park" && cmp -s "$1.metric" "$2.metric" && cmp -s "$1.class" "$2.class"; }
check "  a zone, a metric and a class are found" 0 strings_out "$T/cols.db" "$T/str15"
# The same index as schema 14 wrote it: a UNIQUE index of strings.s.
cp "$T/cols.db" "$T/strings14.db"
sqlite3 "$T/strings14.db" "DROP INDEX strings_key; CREATE UNIQUE INDEX strings_s ON strings(s);
    UPDATE meta SET value = '14' WHERE key = 'schema_version'"
check "an index of schema 14 is read as it is" 0 strings_out "$T/strings14.db" "$T/str14"
if same_strings "$T/str14" "$T/str15"; then ok "  the same figures and hits"; else notok "  schema 14's differ"; fi
check "  an index run into it" 0 "$Z" index -q --db "$T/strings14.db" "$T/cols"
"$Z" index -q --db "$T/cols.db" "$T/cols" # (a file changed above)
strings_out "$T/cols.db" "$T/str15"
equals "  moves the schema on, strings' own index kept, their keys' index added" \
    "$(sqlite3 "$T/strings14.db" "SELECT value FROM meta WHERE key = 'schema_version';
        SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master
        WHERE tbl_name = 'strings' AND type = 'index' ORDER BY name)")" "18
strings_key strings_s"
check "  and is sound" 0 "$Z" check --db "$T/strings14.db"
check "  and finds the same" 0 strings_out "$T/strings14.db" "$T/str14b"
if same_strings "$T/str14b" "$T/str15"; then ok "  the same figures and hits"; else notok "  the moved index differs"; fi
# strings_key is made at the end of a first build, and a later run adds its
# strings one a statement: several a statement, into a table with an index of
# a function's value, open a statement transaction, and FTS5 writes its
# pending terms as a segment of their own at each (120 new strings in 40
# invented articles: 3 segments, not 2).
mkdir -p "$T/strseg"
cp "$CORPUS"/*.txt "$T/strseg/"
"$Z" index -q --db "$T/strseg.db" "$T/strseg"
segments() { sqlite3 "$1" "SELECT count(DISTINCT id >> 37) FROM fts_data WHERE id >= (1 << 37)"; }
equals "  a first build writes one full-text segment" "$(segments "$T/strseg.db")" "1"
i=1
for a in 东 西 南 北 中; do
    for b in 山 河 湖 海 林 田 园 谷; do
        printf '据介绍，全县%s%s茶产量达到%d万吨，%s%s茶加工产值%d亿元，%s%s茶出口额%d万美元。\n' \
            $a $b $((i + 3)) $a $b $((i + 7)) $a $b $((i + 11)) >"$T/strseg/new$i.txt"
        i=$((i + 1))
    done
done
"$Z" index -q --db "$T/strseg.db" "$T/strseg"
equals "  a run adding 120 strings, one more" "$(segments "$T/strseg.db")" "2"
# Removing a changed file's passages removes their years one row a
# statement: a statement that may delete several opens a statement
# transaction, and FTS5 then writes its pending terms as a segment at every
# file it removes (5 changed files after a first build: 4 segments, not 3).
mkdir -p "$T/yseg"
cp "$CORPUS"/*.txt "$T/yseg/"
"$Z" index -q --db "$T/yseg.db" "$T/yseg"
sleep 3.2 # past the racy window: the run trusts the files' times
for f in $(ls "$T"/yseg/*.txt | head -5); do
    { printf '【更新】'; cat "$f"; } >"$f.n" && mv "$f.n" "$f"
done
"$Z" index -q --db "$T/yseg.db" "$T/yseg"
equals "  a run re-indexing 5 changed files writes two segments" "$(segments "$T/yseg.db")" "3"

# Schema 16: docs.hash is the file's XXH3-64 in 8 bytes, not 16 hex digits.
hash_kinds() { sqlite3 "$1" "SELECT typeof(hash) || length(hash), count(*) FROM docs GROUP BY 1"; }
equals "schema 16: every file's hash is 8 bytes" "$(hash_kinds "$T/yseg.db")" "blob8|5"
# The same index as schema 15 wrote it: the hashes in hex digits.
cp "$T/yseg.db" "$T/hex15.db"
sqlite3 "$T/hex15.db" "UPDATE docs SET hash = lower(hex(hash));
    UPDATE meta SET value = '15' WHERE key = 'schema_version'"
check "an index of schema 15, every file read and hashed" 0 "$Z" index --checksum --db "$T/hex15.db" "$T/yseg"
has "  finds every file unchanged by its hex digits" "$T/err" "(5 unchanged"
equals "  moves the schema on, the hashes left as they were" \
    "$(sqlite3 "$T/hex15.db" "SELECT value FROM meta WHERE key = 'schema_version'")|$(hash_kinds "$T/hex15.db")" "18|text16|5"
f=$(ls "$T"/yseg/*.txt | head -1)
{ printf '【再更新】'; cat "$f"; } >"$f.n" && mv "$f.n" "$f"
check "  a changed file" 0 "$Z" index --checksum --db "$T/hex15.db" "$T/yseg"
has "  is the one indexed" "$T/err" "indexed 1 files (4 unchanged"
equals "  and gets 8 bytes" "$(hash_kinds "$T/hex15.db")" "blob8|1
text16|4"
check "  and is sound" 0 "$Z" check --db "$T/hex15.db"

# The dictionary is trained on text from across the run, not on its first
# 4 MiB: a kind of text found only in the last files (verse after manuals)
# is in it, and those files compress.
mkdir -p "$T/spread"
cp "$T"/many/*.txt "$T/spread/"
python3 - "$T/spread" <<'PY'
import sys
for f in range(8):
    with open("%s/zz-%d.txt" % (sys.argv[1], f), "w", encoding="utf-8") as o:
        for i in range(1500):
            o.write("Quartz lanterns hum beneath the northern archive, verse %d of %d.\n\n" % (i, f))
PY
check "index copies, then text of another kind in its last files" 0 "$Z" index -q --db "$T/spread.db" "$T/spread"
equals "  the dictionary holds words of the last files" \
    "$(sqlite3 "$T/spread.db" "SELECT instr(dict, CAST('lanterns hum beneath' AS BLOB)) > 0
        FROM text_dict")" "1"
equals "  and their lines are compressed" \
    "$(sqlite3 "$T/spread.db" "SELECT count(*) FROM passages p JOIN docs d ON d.id = p.doc_id
        WHERE d.path LIKE '%/zz-%' AND typeof(p.body) = 'text'")" "0"
check "  and sound" 0 "$Z" check --db "$T/spread.db"
check "  a line of the last files is found" 0 "$Z" query --db "$T/spread.db" --count '"verse 1499 of 7"'
equals "  once" "$(cat "$T/out")" "1"

# Built a little at a time, an index trains once the plain text it holds reaches 4 MiB.
check "half the copies into a new index" 0 "$Z" index -q --db "$T/store2.db" \
    "$T"/many/[0-9]-* "$T"/many/[12][0-9]-*
equals "  too little text to train on yet" \
    "$(sqlite3 "$T/store2.db" "SELECT count(*) FROM text_dict")" "0"
check "  then all of them" 0 "$Z" index -q --db "$T/store2.db" "$T/many"
equals "  now trained, on what was stored and what came" \
    "$(sqlite3 "$T/store2.db" "SELECT (SELECT count(*) FROM text_dict),
        (SELECT count(*) > 0 FROM passages WHERE typeof(body) = 'blob')")" "1|1"
equals "  the text stored plain by the first run is compressed as well" \
    "$(sqlite3 "$T/store2.db" "SELECT count(*) FROM passages WHERE typeof(body) = 'text'
        AND length(CAST(body AS BLOB)) > 300")" "0"
check "  and sound" 0 "$Z" check --db "$T/store2.db"
check "  every copy found" 0 "$Z" query --db "$T/store2.db" --count '"授权发明专利2105项"'
equals "  60 hits" "$(cat "$T/out")" "60"

# A file of 2 MiB or more is a huge job: not pre-tokenized by a worker but
# segmented by the writer. FTS5's integrity-check tokenizes every row again
# and compares, so check proves the index is what the tokenizer makes.
mkdir -p "$T/huge"
cat "$T"/many/*.txt >"$T/huge/one.txt"
equals "a file of over 2 MiB" "$(( $(wc -c <"$T/huge/one.txt") > 2097152 ))" "1"
check "  indexes" 0 "$Z" index -q --db "$T/huge.db" "$T/huge"
check "  soundly (its FTS rows are what the tokenizer makes)" 0 "$Z" check --db "$T/huge.db"
check "  and finds every copy" 0 "$Z" query --db "$T/huge.db" --count '"授权发明专利2105项"'
equals "  60 hits" "$(cat "$T/out")" "60"

sed -i "s/授权发明专利2105项/授权发明专利2106项/" "$T/many/59-003_ef47862b64326710.txt"
check "  a changed copy is indexed again over compressed passages" 0 "$Z" index -q --db "$T/store.db" "$T/many"
check "  the index stays sound" 0 "$Z" check --db "$T/store.db"
check "  and the old text is gone" 0 "$Z" query --db "$T/store.db" --count '"授权发明专利2105项"'
equals "  59 hits" "$(cat "$T/out")" "59"

# ---- segment
check "segment shows normalized tokens with original offsets" 0 "$Z" segment --json 六盘水高新区签约金额１３５．３４億元
has "  full-width number" "$T/out" '{"text":"135.34","kind":"num","start":30,"end":48,"colocated":false}'
has "  Traditional folded" "$T/out" '{"text":"亿","kind":"han","start":48,"end":51,"colocated":false}'
has "  words a query is split into, beside the characters" "$T/out" '{"text":"签约金额","kind":"word","start":18,"end":30,"colocated":true}'
check "segment --index: what the index stores" 0 "$Z" segment --json --index 六盘水高新区签约金额
hasnt "  characters only" "$T/out" '"kind":"word"'
has "  one token per character" "$T/out" '{"text":"签","kind":"han","start":18,"end":21,"colocated":false}'

finish
