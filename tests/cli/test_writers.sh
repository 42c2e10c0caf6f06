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
fails "a 1-byte file as --db: refused" 2 "one.db is not a zhaoshu index" "$Z" index --db "$T/one.db" "$T/d"
equals "  the file untouched" "$(cat "$T/one.db")" "x"
printf '这是一个文本文件，不是索引。\nnot an index either\n' >"$T/text.db"
before=$(sum "$T/text.db")
fails "a text file as --db: refused" 2 "text.db is not a zhaoshu index" "$Z" index --db "$T/text.db" "$T/d"
equals "  the file untouched" "$(sum "$T/text.db")" "$before"
head -c 4096 /dev/urandom >"$T/bin.db"
before=$(sum "$T/bin.db")
check "4 KB of random bytes as --db: refused" 2 "$Z" index --db "$T/bin.db" "$T/d"
equals "  the file untouched" "$(sum "$T/bin.db")" "$before"
sqlite3 "$T/other.db" "CREATE TABLE t(a); INSERT INTO t VALUES('keep me');"
before=$(sum "$T/other.db")
fails "another program's SQLite file as --db: refused" 2 "an SQLite file of another program" "$Z" index --db "$T/other.db" "$T/d"
equals "  the file untouched" "$(sum "$T/other.db")" "$before"
equals "  not turned to WAL" "$(sqlite3 "$T/other.db" 'PRAGMA journal_mode')" "delete"
check "  a query on it: refused too" 2 "$Z" query --db "$T/other.db" 签约
: >"$T/empty.db"
check "an empty file as --db: an index is made in it" 0 "$Z" index --db "$T/empty.db" "$T/d"
check "  and found again" 0 "$Z" index --db "$T/empty.db" "$T/d"

# ---- one writer at a time. The holder: an index run reading standard
# input from a FIFO that this script keeps open, so it holds the index
# (schema made, nothing committed) for as long as the script wants.
W=$T/w.db
holder() { # holder FIFO: start an index run on $W reading FIFO; sets hpid
    rm -f "$1"; mkfifo "$1"
    "$Z" index --db "$W" --name held.txt - <"$1" >/dev/null 2>"$T/holder.err" &
    hpid=$!
    exec 3>"$1"   # the run opens the FIFO for reading; now it waits for text
    for _ in $(seq 100); do # until it holds the lock and has made the schema
        [ "$(cat "$W-lock" 2>/dev/null)" = "$hpid" ] &&
            sqlite3 "$W" 'SELECT 1 FROM meta LIMIT 1' >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}
holder "$T/in" || notok "the first index run took the writer lock"
fails "a second index run while one writes: exit 2 at once" 2 "another zhaoshu index is writing $W (pid $hpid)" timeout 20 "$Z" index --db "$W" "$T/d"
has "  and how to wait" "$T/err" "--wait SECONDS"
check "a query meanwhile: nothing found (exit 1)" 1 "$Z" query --db "$W" 高新区
has "  and told that the index is being built, nothing committed yet" "$T/err" \
    "$W is being built by zhaoshu index (pid $hpid) and no document is committed yet"
fails "check meanwhile (it writes too): exit 2 at once" 2 "another zhaoshu index is writing $W (pid $hpid)" timeout 20 "$Z" check --db "$W"
"$Z" index --db "$W" --wait 30 "$T/d" >"$T/out" 2>"$T/err" 3>&- &
wpid=$!
sleep 1
printf '本报讯 六盘水高新区签约金额135亿元。\n' >&3
exec 3>&-
wait "$hpid"
equals "the holder ends well" "$?" "0"
wait "$wpid"
equals "a second run with --wait: runs once the first has ended" "$?" "0"
has "  after saying it waits" "$T/err" "waiting up to 30 s for it to end"
has "  and indexes its files" "$T/err" "indexed 1 files"
equals "  both runs' documents are there" "$(sqlite3 "$W" 'SELECT count(*) FROM docs')" "2"

holder "$T/in2" || notok "an index run took the writer lock again"
fails "--wait 1 while the writer stays: exit 2 after the wait" 2 "another zhaoshu index is still writing $W (pid $hpid) after 1 s" timeout 20 "$Z" index --db "$W" --wait 1 "$T/d"
kill -9 "$hpid"
wait "$hpid" 2>/dev/null
exec 3>&-
check "kill -9 of the writer frees the lock: the next run needs no wait" 0 timeout 20 "$Z" index --db "$W" "$T/d"
check "  and the index is sound" 0 "$Z" check --db "$W"

# ---- a reader in a build's first moments: the lock is held, the schema
# not yet committed (an empty file). A Python process holds the lock as
# the writer would.
: >"$T/new.db"
python3 - "$T/new.db-lock" >/dev/null <<'PY' &
import fcntl, os, struct, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 0, 0))
os.write(fd, b"%d\n" % os.getpid())
time.sleep(30)
PY
ppid=$!
for _ in $(seq 100); do [ -s "$T/new.db-lock" ] && break; sleep 0.1; done
fails "a query on an index whose build has just begun: exit 2" 2 "new.db is being built by zhaoshu index (pid $ppid) and holds nothing yet" "$Z" query --db "$T/new.db" 高新区
hasnt "  never told to remove it" "$T/err" "remove it"
rm "$T/new.db"
fails "  the same before the file exists" 2 "new.db is being built by zhaoshu index (pid $ppid)" "$Z" query --db "$T/new.db" 高新区
kill "$ppid"
wait "$ppid" 2>/dev/null
: >"$T/new.db"
fails "an empty file with no writer: exit 2" 2 "new.db is empty, not yet a zhaoshu index" "$Z" query --db "$T/new.db" 高新区

finish
