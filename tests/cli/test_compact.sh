#!/bin/sh
# test_compact.sh - kill -9 at each step of a first build's end (store/
# compact.c: VACUUM INTO FILE-vacuum, fsync, rename over FILE, fsync of the
# folder): the index is whole and holds every document, and the next run
# completes with what a clean build holds.
# The kill is SIGKILL as in the other kill -9 tests, sent by strace when the
# process enters a system call: waiting from outside cannot land between an
# fsync and a rename. zhaoshu makes no fsync() but these two (SQLite syncs
# with fdatasync()), and no rename() but this one.
# Usage: test_compact.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
command -v strace >/dev/null 2>&1 || skip_all "no strace"
command -v sqlite3 >/dev/null 2>&1 || skip_all "no sqlite3"
strace -f -qq -o /dev/null true 2>/dev/null || skip_all "strace cannot trace here"

# dump DB: every row of every table, in order, but the time of indexing
dump() {
    for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table'
               AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"); do
        echo "== $t"
        if [ "$t" = docs ]; then
            sqlite3 -cmd ".mode quote" "$1" "SELECT id, path, hash, size, year, park, date, source, encoding, page, given,
                date_from FROM docs ORDER BY id"
        else
            sqlite3 -cmd ".mode quote" "$1" "SELECT * FROM \"$t\" ORDER BY 1, 2, 3" 2>/dev/null ||
                sqlite3 -cmd ".mode quote" "$1" "SELECT * FROM \"$t\" ORDER BY 1, 2"
        fi
    done
}
ino() { stat -c %i "$1"; }

corpus_copies 8 "$T/big"
check "a clean build" 0 "$Z" index -q --threads 1 --db "$T/clean.db" "$T/big"
dump "$T/clean.db" >"$T/clean"
equals "  no copy left beside it" "$(ls "$T" | grep -c vacuum)" "0"
equals "  in WAL mode" "$(sqlite3 "$T/clean.db" "PRAGMA journal_mode")" "wal"
equals "  no free page" "$(sqlite3 "$T/clean.db" "PRAGMA freelist_count")" "0"
full=$(stat -c %s "$T/clean.db")

# killed_at NAME INJECT...: a first build of $T/big into $T/NAME.db, killed
# by strace's injection INJECT; $T/NAME.db is then checked as it was left
killed_at() {
    name=$1
    shift
    db="$T/$name.db"
    strace -f -qq -o /dev/null "$@" "$Z" index -q --threads 1 --db "$db" "$T/big" 2>/dev/null
    killed=$?
    equals "$name: killed" "$killed" "137"
    ls "$T" | grep "^$name.db-vacuum" | tr '\n' ' ' >"$T/left"
    check "  the index is sound" 0 "$Z" check --db "$db"
    dump "$db" >"$T/$name"
    assert $(cmp -s "$T/clean" "$T/$name"; echo $?) "  and holds what a clean build holds"
    diff "$T/clean" "$T/$name" | head -5 | sed 's/^/#   /'
}

# rerun NAME: the next run completes, as a clean build, with no copy left
rerun() {
    check "  the next run completes" 0 "$Z" index --db "$T/$1.db" "$T/big"
    has "  with nothing to do" "$T/err" "unchanged"
    dump "$T/$1.db" >"$T/$1.again"
    assert $(cmp -s "$T/clean" "$T/$1.again"; echo $?) "  and holds what a clean build holds"
    equals "  the copy is gone" "$(ls "$T" | grep -c "$1.db-vacuum")" "0"
    check "  a query answers" 0 "$Z" query --db "$T/$1.db" 高新区
}

# In VACUUM INTO, at its tenth write into the copy
killed_at during -P "$T/during.db-vacuum" -e trace=pwrite64 -e inject=pwrite64:signal=KILL:when=10
equals "  a part of the copy was there, and SQLite's journal of it" "$(cat "$T/left")" \
    "during.db-vacuum during.db-vacuum-journal "
rerun during

# Between the copy's fsync and the rename
killed_at synced -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:signal=KILL
equals "  the whole copy was there, not renamed" "$(cat "$T/left")" "synced.db-vacuum "
old=$(ino "$T/synced.db")
rerun synced
equals "  the index the killed run made is kept" "$(ino "$T/synced.db")" "$old"

# Right after the rename (at the fsync of the folder)
killed_at renamed -e trace=fsync -e inject=fsync:signal=KILL:when=2
equals "  the copy is the index" "$(cat "$T/left")" ""
equals "  its header marked WAL" "$(od -An -tu1 -j18 -N2 "$T/renamed.db" | tr -s ' ')" " 2 2"
equals "  no free page in it" "$(sqlite3 "$T/renamed.db" "PRAGMA freelist_count")" "0"
equals "  as large as a clean build's" "$(stat -c %s "$T/renamed.db")" "$full"
rerun renamed
equals "  back in WAL mode" "$(sqlite3 "$T/renamed.db" "PRAGMA journal_mode")" "wal"

done_testing
