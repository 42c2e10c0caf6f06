#!/bin/sh
# test_commands.sh - every command answers a mistyped command or option the
# same way (exit 2, the nearest known name), honours --db given before the
# command, and rejects a filter value it cannot read instead of dropping the
# filter. Usage: test_commands.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
DB=$T/z.db
check "index" 0 "$Z" index -q --db "$DB" "$CORPUS"

# ---- commands: the nearest one is named
fails "a misspelt command" 2 "unknown command 'qurey'; the nearest is 'query'" "$Z" qurey 高新区
fails "figure for figures" 2 "the nearest is 'figures'" "$Z" figure --db "$DB"
check "a word far from any command" 2 "$Z" xyzzy
hasnt "  suggests nothing" "$T/err" "nearest"

# ---- every command names the nearest option and exits 2
for c in "index --prnue" "query --limt 3" "figures --metirc x" "parks --jsn" "check --dbb" \
         "segment --jsn" "export --shard 2" "serve --listn 1"; do
    set -- $c
    check "$1 $2: unknown option" 2 "$Z" "$@"
    has "  names the nearest" "$T/err" "unknown option '$2'; the nearest is --"
done
fails "export: a missing value names the option" 2 "--shards needs a value" "$Z" export --to sphinx "$T/x" --shards
fails "export: --base-port=P is read" 2 "--base-port takes a number from 1 to 65535" "$Z" export --db "$DB" --to=sphinx "$T/x" --shards=1 --base-port=70000
check "export with = forms" 0 "$Z" --db "$DB" export --to=sphinx "$T/x" --shards=2 --base-port=9306
has "  wrote node 2" "$T/x/node2/sphinx.conf" "searchd"
fails "serve: an argument is not an index" 2 "the index is --db FILE" "$Z" serve "$DB"

# ---- serve: --db before the command is the index it serves
SERVE=$(dirname "$Z")/../serve/zhaoshu-serve
if [ -x "$SERVE" ]; then
    serve_until_listening "$T/serve1.out" --db "$DB" serve --listen 127.0.0.1:0
    has "zhaoshu --db FILE serve serves FILE" "$T/serve1.out" "serving $DB (read-only)"
    serve_until_listening "$T/serve2.out" --db "$T/other.db" serve --db="$DB" --listen=127.0.0.1:0
    has "  --db=FILE after the command wins" "$T/serve2.out" "serving $DB (read-only)"
else
    ok "# SKIP zhaoshu-serve not built"
fi

# ---- figures --year: read as year: is, never silently ignored
fails "figures --year abc is an error" 2 "year filter: cannot read 'abc'" "$Z" figures --db "$DB" --year abc
fails "figures --year 2025-2021 is reversed" 2 "range 2025-2021 is reversed" "$Z" figures --db "$DB" --year 2025-2021
check "figures --year 2021-2025" 0 "$Z" figures --db "$DB" --csv --year 2021-2025
cp "$T/out" "$T/dash.csv"
check "figures --year 2021..2025 is the same range" 0 "$Z" figures --db "$DB" --csv --year 2021..2025
equals "  same rows" "$(cmp -s "$T/out" "$T/dash.csv" && echo same)" "same"
check "figures --year 2024" 0 "$Z" figures --db "$DB" --csv --year 2024
hasnt "  no 2021 row" "$T/out" ",2021,"

# ---- every command's --help teaches: exit status and an example
for c in index query figures parks show check segment serve export; do
    "$Z" --help | grep -q "^  $c " || continue # a command main does not have yet
    check "$c --help" 0 "$Z" "$c" --help
    has "  gives the exit status" "$T/out" "Exit status:"
    has "  gives an example" "$T/out" "Example"
done

# ---- segment: nothing to show is nothing found
check "segment of punctuation only" 1 "$Z" segment '，。！'
equals "  prints nothing" "$(cat "$T/out")" ""
check "segment of a word" 0 "$Z" segment 高新区

finish
