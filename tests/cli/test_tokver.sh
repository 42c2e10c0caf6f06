#!/bin/sh
# test_tokver.sh - an index whose text another tokenizer cut (its tokenizer
# identity in meta differs from this zhaoshu's, or is absent) is never
# queried as if it were ours: queries and check fail with exit 2 and name
# the command that rebuilds; status tells (exit 1); `zhaoshu index
# --retokenize` rebuilds the full-text index from the stored text and then
# every query answers as on a fresh build; an index run on files does it by
# itself before it removes a row (FTS5 removes a row by cutting its text
# again, so doing it after would damage the index).
# "Another tokenizer" is made as a future zhaoshu would leave the index:
# another identity, and a full-text table whose tokens are not ours (here
# every 贵 was cut as x).
# Usage: test_tokver.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"

ident() { sqlite3 "$1" "SELECT value FROM meta WHERE key='tokenizer'"; }
OTHER='rules:0 t2s:0123456789abcdef probe:0123456789abcdef icu:1.0'
tamper() {
    sqlite3 "$1" "UPDATE meta SET value='$OTHER' WHERE key='tokenizer';
INSERT INTO fts(fts) VALUES('delete-all');
INSERT INTO fts(rowid, body, park, year, figure)
 SELECT id, replace(body, '贵', 'x'), replace(park, '贵', 'x'), year, figure FROM passages_text;"
}
# answers DB: what a set of queries prints, exit codes included
answers() {
    for q in 贵阳 贵阳高新区 高新区 EFlops 2023 "park:贵阳高新区" "year:2023 企业" 數據; do
        printf '== %s\n' "$q"
        "$Z" query --db "$1" -n 50 "$q" 2>&1
        echo "exit $?"
    done
}

# hits DB: the passages each query finds, as a set (an index updated in
# place may order passages of equal score otherwise than a fresh build)
hits() {
    answers "$1" | awk '/^== /{q=$0; next} /^exit /{print q, $0; next}
        /^[0-9]+\. /{sub(/^[0-9]+\. /, ""); sub(/  score:.*$/, ""); print q, $0}' | sort
}

mkdir -p "$T/c"
cp "$CORPUS"/*.txt "$T/c/"
check "a fresh build" 0 "$Z" index -q --db "$T/f.db" "$T/c"
now=$(ident "$T/f.db")
contains "$now" "probe:" "  records its tokenizer identity ($now)"
check "status: current" 0 "$Z" status --db "$T/f.db"
has "  names it" "$T/out" "tokenizer:  $now (this zhaoshu's)"
answers "$T/f.db" >"$T/fresh"
has "  the queries find passages" "$T/fresh" "贵阳"

sqlite3 "$T/f.db" ".backup '$T/s.db'"
tamper "$T/s.db"
check "status: another tokenizer's" 1 "$Z" status --db "$T/s.db"
has "  names the index's" "$T/out" "tokenizer:  $OTHER"
has "  and this one's" "$T/out" "this zhaoshu's is $now"
has "  and the command" "$T/out" "zhaoshu index --retokenize --db $T/s.db"
check "status -q says it by its exit" 1 "$Z" status -q --db "$T/s.db"
fails "a query is refused" 2 "zhaoshu index --retokenize --db $T/s.db" \
    "$Z" query --db "$T/s.db" 贵阳
equals "  in one line" "$(wc -l <"$T/err")" "1"
equals "  printing no hit" "$(cat "$T/out")" ""
fails "a filter-only query too" 2 "--retokenize" "$Z" query --db "$T/s.db" "park:贵阳高新区"
fails "a query finding nothing too" 2 "--retokenize" "$Z" query --db "$T/s.db" zzqxjv
fails "check says why, not 'damaged'" 2 "zhaoshu index --retokenize --db $T/s.db" \
    "$Z" check --db "$T/s.db"

fails "--retokenize takes no PATH" 2 "takes no PATH" "$Z" index --db "$T/s.db" --retokenize "$T/c"
fails "--retokenize never creates an index" 2 "$T/none.db" \
    "$Z" index --db "$T/none.db" --retokenize
assert $([ ! -e "$T/none.db" ]; echo $?) "  and leaves no file"
check "index --retokenize" 0 "$Z" index --db "$T/s.db" --retokenize
equals "  records this tokenizer" "$(ident "$T/s.db")" "$now"
check "status: current again" 0 "$Z" status -q --db "$T/s.db"
check "check: ok" 0 "$Z" check --db "$T/s.db"
answers "$T/s.db" >"$T/again"
assert $(cmp -s "$T/fresh" "$T/again"; echo $?) "every query answers as on a fresh build"
diff "$T/fresh" "$T/again" | head -5 | sed 's/^/#   /'
check "--retokenize again does nothing and succeeds" 0 "$Z" index -q --db "$T/s.db" --retokenize

# An index from before identities were recorded: none in meta.
sqlite3 "$T/f.db" ".backup '$T/n.db'"
sqlite3 "$T/n.db" "DELETE FROM meta WHERE key='tokenizer'"
check "status: none recorded is stale" 1 "$Z" status --db "$T/n.db"
has "  says none" "$T/out" "tokenizer:  none recorded"
fails "  and queries are refused" 2 "--retokenize" "$Z" query --db "$T/n.db" 贵阳

# An index run on files over another tokenizer's index: rebuilt first, then
# a changed file and a deleted one (--prune) remove their old rows.
sqlite3 "$T/f.db" ".backup '$T/w.db'"
tamper "$T/w.db"
cp -r "$T/c" "$T/c2"
first=$(ls "$T/c2" | head -n 1)
last=$(ls "$T/c2" | tail -n 1)
printf '\n贵阳新增一段关于贵阳高新区的文字。\n' >>"$T/c2/$first"
rm "$T/c2/$last"
rm -rf "$T/c"
mv "$T/c2" "$T/c"
check "index on the files" 0 "$Z" index -q --prune --db "$T/w.db" "$T/c"
equals "  records this tokenizer" "$(ident "$T/w.db")" "$now"
check "  check: ok (no row removed with the wrong tokens)" 0 "$Z" check --db "$T/w.db"
check "a fresh build of the same files" 0 "$Z" index -q --db "$T/g.db" "$T/c"
hits "$T/g.db" >"$T/fresh2"
hits "$T/w.db" >"$T/again2"
has "  (the hits are compared)" "$T/fresh2" "贵阳高新区"
assert $(cmp -s "$T/fresh2" "$T/again2"; echo $?) "every query finds the passages the fresh build finds"
diff "$T/fresh2" "$T/again2" | head -5 | sed 's/^/#   /'

# An empty index holds no tokens: never stale.
mkdir "$T/empty"
check "an empty index" 0 "$Z" index -q --db "$T/e.db" "$T/empty"
sqlite3 "$T/e.db" "DELETE FROM meta WHERE key='tokenizer'" 2>/dev/null
check "  status: current" 0 "$Z" status -q --db "$T/e.db"
done_testing
