#!/bin/sh
# test_compact.sh - kill -9 at the end of a first build (its last
# transaction: the late indexes, store/index.c): the index is whole, and the
# next run completes with what a clean build holds. A first build of this corpus is one transaction, whose
# frames SQLite writes into FILE-wal at its COMMIT, the commit frame last,
# each frame a header and a page: two pwrite64() calls.
# The kill is SIGKILL as in the other kill -9 tests, sent by strace when the
# process enters a system call: the Nth write of the writing thread into
# FILE-wal, N counted on a clean build (the same input, one thread: the
# same writes).
# Usage: test_compact.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
command -v strace >/dev/null 2>&1 || skip_all "no strace"
command -v sqlite3 >/dev/null 2>&1 || skip_all "no sqlite3"
strace -f -qq -o /dev/null true 2>/dev/null || skip_all "strace cannot trace here"
# LeakSanitizer cannot run under ptrace (it stops the threads with ptrace
# itself and aborts when it cannot): in the sanitizer build a traced run goes
# without the leak check, which the untraced runs below and the other tests
# keep. ASAN_OPTIONS means nothing to a build without sanitizers.
NOLEAK="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

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

corpus_copies 8 "$T/big"
ASAN_OPTIONS="$NOLEAK" strace -f -qq -P "$T/clean.db-wal" -e trace=pwrite64 -o "$T/writes" \
    "$Z" index -q --threads 1 --db "$T/clean.db" "$T/big"
equals "a clean build" "$?" "0"
# strace counts a syscall per thread: the writes of the thread that made
# the last one, the commit's
tid=$(tail -1 "$T/writes" | cut -d' ' -f1)
writes=$(grep -c "^$tid " "$T/writes")
dump "$T/clean.db" >"$T/clean"
equals "  in WAL mode" "$(sqlite3 "$T/clean.db" "PRAGMA journal_mode")" "wal"
equals "  no free page" "$(sqlite3 "$T/clean.db" "PRAGMA freelist_count")" "0"
equals "  no copy beside it" "$(ls "$T" | grep -c vacuum)" "0"
assert $([ "$writes" -gt 20 ]; echo $?) "  $writes writes into its WAL"

# killed_at NAME N: a first build of $T/big into $T/NAME.db, killed at its
# Nth write into the WAL; the index is then checked as it was left, and the
# next run must complete as a clean build
killed_at() {
    db="$T/$1.db"
    ASAN_OPTIONS="$NOLEAK" strace -f -qq -o /dev/null -P "$db-wal" -e trace=pwrite64 \
        -e inject=pwrite64:signal=KILL:when="$2" "$Z" index -q --threads 1 --db "$db" "$T/big" \
        2>/dev/null
    equals "$1: killed" "$?" "137"
    check "  the index is sound" 0 "$Z" check --db "$db"
    equals "  and holds no document: the build's one transaction did not commit" \
        "$(sqlite3 "$db" "SELECT count(*) FROM docs")" "0"
    check "  the next run completes" 0 "$Z" index --db "$db" "$T/big"
    dump "$db" >"$T/$1"
    assert $(cmp -s "$T/clean" "$T/$1"; echo $?) "  and holds what a clean build holds"
    diff "$T/clean" "$T/$1" | head -5 | sed 's/^/#   /'
    equals "  no free page" "$(sqlite3 "$db" "PRAGMA freelist_count")" "0"
    check "  a query answers" 0 "$Z" query --db "$db" 高新区
}

# At the commit frame's header, and at its page: the last two writes
killed_at header $((writes - 1))
killed_at page "$writes"
# Midway through the transaction's frames
killed_at midway $((writes / 2 + 1))

done_testing
