#!/bin/sh
# sqlite_shell.sh - Debian's stock sqlite3 shell `.load`s the extension and
# queries an index built by the CLI: MATCH through the zhaoshu tokenizer,
# zs_highlight() marking matches and figures exactly as the CLI does, and
# zs_snippet() cutting at Chinese sentence ends.
# Usage: sqlite_shell.sh ZHAOSHU_CLI ZHAOSHU_EXT_SO
. "$(dirname "$0")/../tap.sh"
cli=$1 ext=${2%.so}
sqlite=/usr/bin/sqlite3
[ -x "$sqlite" ] || sqlite=$(command -v sqlite3) || skip_all "no sqlite3 shell (apt install sqlite3)"
scratch
db=$tap_tmp/idx.db

"$cli" index --db "$db" -q "$ZS_CORPUS"
assert $? "the CLI indexes the corpus"

sql() { "$sqlite" -batch "$db" ".load $ext" "$@" 2>&1; }

out=$(sql "SELECT zs_highlight(fts, 0, '[', ']', '{', '}') FROM fts WHERE fts MATCH '贵阳高新区' LIMIT 1")
contains "$out" "[贵阳高新区]" ".load, then MATCH '贵阳高新区' with zs_highlight()"

out=$("$sqlite" -batch "$db" "SELECT count(*) FROM fts WHERE fts MATCH '贵阳高新区'" 2>&1)
contains "$out" "no such tokenizer: zhaoshu" "without the extension the index cannot be searched"

out=$(sql "SELECT zs_highlight(fts, 0, '[', ']', '{', '}') FROM fts WHERE fts MATCH '\"签约金额\"'")
contains "$out" "累计引进项目{100个}，[签约金额]{135.34亿元}；" "figures marked beside a match"
out=$(sql "SELECT zs_highlight(fts, 0, '<', '>', '{', '}') FROM fts WHERE fts MATCH '亿元'")
contains "$out" "{135.34<亿元>}" "a match inside a figure nests in it"
out=$(sql "SELECT zs_highlight(fts, 0, '[', ']') FROM fts WHERE fts MATCH '\"签约金额\"'")
contains "$out" "累计引进项目100个，[签约金额]135.34亿元；" "4-argument form marks matches only"

# The same passages, marked the same way as `zhaoshu query --strict --full` prints them
# (the SQL MATCH finds whole matches only).
for q in '"签约金额"' '亿元' '"六盘水" "签约"'; do
    "$cli" query --db "$db" --strict --full --color never -n 1000 "$q" |
        sed -n 's/^   //p' | grep . | sort >"$tap_tmp/cli.txt"
    sql "SELECT zs_highlight(fts, 0, '[', ']', '{', '}') FROM fts WHERE fts MATCH '$q'" |
        sort >"$tap_tmp/sql.txt"
    cmp -s "$tap_tmp/cli.txt" "$tap_tmp/sql.txt"
    assert $? "zs_highlight() = zhaoshu query --full for $q ($(wc -l <"$tap_tmp/sql.txt") passages)"
    cmp -s "$tap_tmp/cli.txt" "$tap_tmp/sql.txt" ||
        diff "$tap_tmp/cli.txt" "$tap_tmp/sql.txt" | head -n 6 | sed 's/^/# /'
done

a=$(sql "SELECT count(*) FROM fts WHERE fts MATCH '\"贵阳高新区\"'")
b=$(sql "SELECT count(*) FROM fts WHERE fts MATCH '\"貴陽高新區\"'")
c=$("$cli" query --db "$db" --count '"贵阳高新区"')
assert $([ "$a" -gt 0 ] && [ "$a" = "$b" ] && [ "$a" = "$c" ]; echo $?) \
    "Traditional finds Simplified; counts agree with the CLI ($a $b $c)"

out=$(sql "SELECT zs_snippet(fts, 0, '[', ']', '…', 40) FROM fts WHERE fts MATCH '\"贵阳高新区\"' AND rowid = (SELECT min(rowid) FROM fts WHERE fts MATCH '\"贵阳高新区\"' AND length(body) > 60)")
contains "$out" "[贵阳高新区]" "zs_snippet() marks the match"
case $out in
*[。！？；，、：]… | *[!…]) assert 0 "zs_snippet() is cut after a sentence or clause end: $out" ;;
*) assert 1 "zs_snippet() is cut after a sentence or clause end: $out" ;;
esac
nchars=$(printf '%s' "$out" | sed 's/[][]//g; s/…//g' | LC_ALL=C.UTF-8 wc -m)
assert $([ "$nchars" -le 40 ] && [ "$nchars" -ge 10 ]; echo $?) "zs_snippet() keeps to 40 characters ($nchars)"
out=$(sql "SELECT zs_snippet(fts, 0, '[', ']', '…', 0) FROM fts WHERE fts MATCH '高新区'")
contains "$out" "zs_snippet: nchars must be 1 to" "zs_snippet() rejects nchars 0"
out=$(sql "SELECT zs_highlight(fts, 7, '[', ']') FROM fts WHERE fts MATCH '高新区'")
contains "$out" "zs_highlight: no such column" "zs_highlight() rejects a bad column"

# Past 4 MiB of passages the index stores text compressed (zstd with a
# dictionary in meta): the extension's zs_text() gives it back, so MATCH,
# zs_highlight() and the figures view work as on a small index.
mkdir -p "$tap_tmp/many"
i=0
while [ $i -lt 60 ]; do
    for f in "$ZS_CORPUS"/*.txt; do sed "s/。/。第${i}号/g" "$f" >"$tap_tmp/many/$i-${f##*/}"; done
    i=$((i + 1))
done
big=$tap_tmp/big.db
"$cli" index --db "$big" -q "$tap_tmp/many"
assert $? "the CLI indexes 60 altered copies of the corpus"
out=$("$sqlite" -batch "$big" "SELECT count(*) > 0 FROM passages WHERE typeof(body) = 'blob'" 2>&1)
assert $([ "$out" = 1 ]; echo $?) "  their text is stored compressed"
out=$("$sqlite" -batch "$big" ".load $ext" "SELECT count(*) FROM fts WHERE fts MATCH '\"签约金额\"'
    AND zs_highlight(fts, 0, '[', ']', '{', '}') LIKE '%[签约金额]{135.34亿元}%'" 2>&1)
assert $([ "$out" = 60 ]; echo $?) "  zs_highlight() reads compressed text: 60 copies of 135.34亿元 ($out)"
out=$("$sqlite" -batch "$big" ".load $ext" "SELECT count(*) FROM figures WHERE text = '135.34亿元'" 2>&1)
assert $([ "$out" = 60 ]; echo $?) "  the figures view reads compressed text ($out)"

# Ranking reads each passage's body size in tokens from passages.len (FTS5
# keeps no docsize): it must be the size FTS5 indexed, the last position of
# the body plus one, for every passage, also those of a huge job (a file of
# 2 MiB or more, segmented by the writer).
cat "$tap_tmp"/many/*.txt >"$tap_tmp/huge.txt"
mkdir -p "$tap_tmp/hugedir"
sed 's/第/号/g' "$tap_tmp/huge.txt" >"$tap_tmp/hugedir/one.txt"
"$cli" index --db "$big" -q "$tap_tmp/hugedir"
assert $? "  and a file of over 2 MiB ($(wc -c <"$tap_tmp/hugedir/one.txt") bytes)"
out=$("$sqlite" -batch "$big" ".load $ext" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, instance);
    SELECT count(*), sum(p.len = x.n), count(DISTINCT d.path LIKE '%one.txt')
    FROM passages p JOIN docs d ON d.id = p.doc_id
    JOIN (SELECT doc, max(offset) + 1 n FROM temp.v WHERE col = 'body' GROUP BY doc) x
    ON x.doc = p.id" 2>&1)
np=$("$sqlite" -batch "$big" "SELECT count(*) FROM passages")
assert $([ "$out" = "$np|$np|2" ]; echo $?) "  passages.len: FTS5's body size of all $np passages ($out)"

# `.load zhaoshu` by name: SQLite derives sqlite3_zhaoshu_init from it.
out=$(LD_LIBRARY_PATH=${ext%/*} "$sqlite" -batch "$db" ".load zhaoshu" \
    "SELECT count(*) > 0 FROM fts WHERE fts MATCH '高新区'" 2>&1)
assert $([ "$out" = 1 ]; echo $?) ".load zhaoshu by name finds the entry point"
done_testing
