#!/bin/sh
# test_writers.sh - the index file and its writers: a file that is not an
# index is never written over; one writer at a time (a second one is told
# who writes, or waits); readers of an index being built are told so.
# Usage: test_writers.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
mkdir -p "$T/d"
cp "$CORPUS/000_24cf386f7f29c2e5.txt" "$T/d/a.txt"
sum() { cksum <"$1"; }

# ---- --db FILE that is not a zhaoshu index: refused, untouched
printf x >"$T/one.db"
check "a 1-byte file as --db: refused" 2 "$Z" index --db "$T/one.db" "$T/d"
has "  says it is not an index" "$T/err" "one.db is not a zhaoshu index"
equals "  the file untouched" "$(cat "$T/one.db")" "x"
printf '这是一个文本文件，不是索引。\nnot an index either\n' >"$T/text.db"
before=$(sum "$T/text.db")
check "a text file as --db: refused" 2 "$Z" index --db "$T/text.db" "$T/d"
has "  says it is not an index" "$T/err" "text.db is not a zhaoshu index"
equals "  the file untouched" "$(sum "$T/text.db")" "$before"
head -c 4096 /dev/urandom >"$T/bin.db"
before=$(sum "$T/bin.db")
check "4 KB of random bytes as --db: refused" 2 "$Z" index --db "$T/bin.db" "$T/d"
equals "  the file untouched" "$(sum "$T/bin.db")" "$before"
sqlite3 "$T/other.db" "CREATE TABLE t(a); INSERT INTO t VALUES('keep me');"
before=$(sum "$T/other.db")
check "another program's SQLite file as --db: refused" 2 "$Z" index --db "$T/other.db" "$T/d"
has "  says whose it is" "$T/err" "an SQLite file of another program"
equals "  the file untouched" "$(sum "$T/other.db")" "$before"
equals "  not turned to WAL" "$(sqlite3 "$T/other.db" 'PRAGMA journal_mode')" "delete"
check "  a query on it: refused too" 2 "$Z" query --db "$T/other.db" 签约
: >"$T/empty.db"
check "an empty file as --db: an index is made in it" 0 "$Z" index --db "$T/empty.db" "$T/d"
check "  and found again" 0 "$Z" index --db "$T/empty.db" "$T/d"

finish
