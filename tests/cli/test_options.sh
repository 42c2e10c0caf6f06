#!/bin/sh
# test_options.sh - options as grep and ripgrep users type them, and text
# output that no indexed text, file name or query can turn into terminal
# control sequences. Usage: test_options.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
DB=$T/z.db
ESC=$(printf '\033')

mkdir -p "$T/c"
cp "$CORPUS"/*.txt "$T/c/"
printf 'alpha beta gamma report.\n\nalpha delta report.\n' >"$T/c/latin.txt"
check "index" 0 "$Z" index -q --db "$DB" "$T/c"

# ---- a dash and an ASCII letter is an option, never a query word
for o in -c -i -l -q -w -C; do
    check "query 高新区 $o: an unknown option, not a word to exclude" 2 "$Z" query --db "$DB" 高新区 $o
    has "  names it" "$T/err" "unknown option '$o'"
done
fails "-c names the nearest option" 2 "the nearest is --count" "$Z" query --db "$DB" -c 高新区
has "  and how to exclude a word" "$T/err" 'NOT c or -"c"'
check "-C 2 is not the word 2" 2 "$Z" query --db "$DB" -C 2 高新区
fails "a misspelt long option names the nearest" 2 "the nearest is --limit (-n)" "$Z" query --db "$DB" --limt 3 高新区
fails "index: unknown option" 2 "the nearest is --prune" "$Z" index --db "$DB" --prnue "$T/c"
fails "figures: ripgrep's -i" 2 "unknown option '-i'" "$Z" figures --db "$DB" -i 营业收入

# ---- excluding Latin words stays possible
check "alpha: two passages" 0 "$Z" query --db "$DB" --count alpha
equals "  2" "$(cat "$T/out")" "2"
check "alpha NOT beta" 0 "$Z" query --db "$DB" --count alpha NOT beta
equals "  1" "$(cat "$T/out")" "1"
check 'alpha -"beta"' 0 "$Z" query --db "$DB" --count alpha '-"beta"'
equals "  1" "$(cat "$T/out")" "1"
check "a dash before a Chinese word still excludes it" 0 "$Z" query --db "$DB" --count 高新区 -六盘水
a=$(cat "$T/out")
check "  (all 高新区)" 0 "$Z" query --db "$DB" --count 高新区
[ "$a" -lt "$(cat "$T/out")" ] && ok "  fewer passages ($a)" || notok "  -六盘水 excluded nothing" "$a"

# ---- values: attached, after =, or missing
check "-n5 is a limit of 5" 0 "$Z" query --db "$DB" --json -n5 高新区
equals "  5 hits" "$(wc -l <"$T/out")" "5"
check "--limit=3" 0 "$Z" query --db "$DB" --json --limit=3 高新区
equals "  3 hits" "$(wc -l <"$T/out")" "3"
check "--offset=2 -n 1" 0 "$Z" query --db "$DB" --json --offset=2 -n 1 高新区
equals "  1 hit of rank 3" "$(python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["rank"])' <"$T/out")" "3"
for o in -n --limit --offset --snippet; do
    check "query 高新区 $o (no value)" 2 "$Z" query --db "$DB" 高新区 $o
    has "  says a value is needed" "$T/err" "needs a value"
done
fails "--json=1: a flag takes no value" 2 "--json takes no value" "$Z" query --db "$DB" --json=1 高新区
check "--db=FILE" 0 "$Z" query --db="$DB" --count 高新区
check "--db before the subcommand" 0 "$Z" --db "$DB" query --count 高新区
check "--db=FILE before the subcommand" 0 "$Z" --db="$DB" parks
check "  and for check" 0 "$Z" --db "$DB" check
check "options after the paths of index" 0 "$Z" index "$T/c" --db "$DB" -q
equals "  quiet" "$(cat "$T/err")" ""
check "-- ends the options" 0 "$Z" query --db "$DB" --count -- alpha -beta
equals "  -beta after it excludes" "$(cat "$T/out")" "1"
fails "an unknown option before the command" 2 "only --db FILE" "$Z" --dbx "$DB" query 高新区

# ---- control characters never reach the terminal in text output
mkdir -p "$T/e"
{
    printf '本报讯 这是一篇测试文章，用来检查终端输出。文章里有几段普通的文字，也有一段带着控制字符的文字。\n\n'
    printf '贵阳高新区签约金额\033]0;pwned\007达到\033[2J百亿元，报告称\033[31m红色。\n\n'
    for k in 1 2 3 4 5 6; do
        printf '第%s段普通的文字说明了园区今年的发展情况，企业数量继续增加，营业收入稳步增长。\n\n' $k
    done
} >"$T/e/esc.txt"
printf 'zz\000\001\002\003binary' >"$T/e/$(printf 'bad\033[2Jname\nzhaoshu: forged.txt')"
check "index text with escape sequences (and a binary file with one in its name)" 1 "$Z" index --db "$T/e.db" "$T/e"
hasnt "  no ESC in the messages" "$T/err" "$ESC"
equals "  the bad name is on one line" "$(grep -c 'forged' "$T/err")" "1"
has "  and that line is the skip message" "$T/err" "name zhaoshu: forged.txt:"
check "query: plain text output" 0 "$Z" query --db "$T/e.db" 签约金额
hasnt "  no ESC" "$T/out" "$ESC"
hasnt "  no BEL" "$T/out" "$(printf '\007')"
has "  replaced by U+FFFD" "$T/out" "�]0;pwned"
check "query --color=always: only our own colour codes" 0 "$Z" query --db "$T/e.db" --color=always 签约金额
hasnt "  not the text's" "$T/out" "$ESC[2J"
check "query --json escapes them" 0 "$Z" query --db "$T/e.db" --json 签约金额
has "  as \\u001b" "$T/out" '\u001b]0;pwned\u0007'
check "figures: table output" 0 "$Z" figures --db "$T/e.db" 签约金额
hasnt "  no ESC" "$T/out" "$ESC"
check "figures --csv" 0 "$Z" figures --db "$T/e.db" --csv 签约金额
hasnt "  no ESC" "$T/out" "$ESC"
check "segment: text output" 0 "$Z" segment "$(printf 'a\033[2Jb')"
hasnt "  no ESC" "$T/out" "$ESC"
check "an echoed query error" 2 "$Z" query --db "$T/e.db" "$(printf '"\033]0;x\007')"
hasnt "  no ESC on stderr" "$T/err" "$ESC"
check "a missing index named with an escape" 2 "$Z" query --db "$T/$(printf '\033[2J').db" x
hasnt "  no ESC on stderr" "$T/err" "$ESC"

finish
