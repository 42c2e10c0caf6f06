#!/bin/sh
# test_reindex.sh - what a second `zhaoshu index` run reads: a file whose
# size, times, inode and device are as recorded is skipped unread; a change
# that keeps the size and the modification time (touch -d, touch -r, cp -p)
# is still found through the change time; a file changed just before it was
# indexed gets no recorded times; --checksum reads everything; an index made
# before the recorded times works; kill -9 leaves nothing recorded wrongly.
# Usage: test_reindex.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
timed() { sqlite3 "$1" "SELECT count(mtime_ns) FROM docs"; }
# same_size FILE: one character of FILE changed (。 -> 鏖, both 3 bytes), its
# modification time put back to what it was, to the nanosecond
same_size() {
    python3 - "$1" <<'PY'
import os, sys
p = sys.argv[1]
st = os.stat(p)
b = open(p, 'rb').read()
i = b.index('。'.encode())
open(p, 'wb').write(b[:i] + '鏖'.encode() + b[i + 3:])
os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
after = os.stat(p)
assert after.st_size == st.st_size and after.st_mtime_ns == st.st_mtime_ns
PY
}
# The racy window (ZSD_RACY_NS, 3 s): files written before it are not racy.
settle() { sleep 3.2; }

mkdir -p "$T/r"
cp "$CORPUS"/*.txt "$T/r/"
check "index a fresh copy" 0 "$Z" index --db "$T/r.db" "$T/r"
equals "  files written just now: no times recorded (racy)" "$(timed "$T/r.db")" "0"
settle
fails "the next run reads them: unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/r.db" "$T/r"
equals "  and records their times" "$(timed "$T/r.db")" "5"
fails "a run with the times recorded: unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/r.db" "$T/r"
fails "--checksum reads every file: unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --checksum --db "$T/r.db" "$T/r"
check "--checksum is in --help" 0 "$Z" index --help
has "  with what it does" "$T/out" "--checksum       read and hash every file"

# the same size and modification time, another content: the change time tells
f="$T/r/000_24cf386f7f29c2e5.txt"
same_size "$f"
fails "same size, modification time put back: re-indexed" 0 "indexed 1 files (4 unchanged" "$Z" index --db "$T/r.db" "$T/r"
equals "  racy now: its times not recorded" "$(timed "$T/r.db")" "4"
check "  the new text is found" 0 "$Z" query --db "$T/r.db" 鏖
settle
fails "  the next run reads it once more and records it" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/r.db" "$T/r"
equals "  recorded" "$(timed "$T/r.db")" "5"

# touch -r and cp -p carry another file's modification time over
printf '本报讯 甲园区签约金额一百亿元。\n' >"$T/r/a.txt"
printf '本报讯 乙园区签约金额一百亿元。\n' >"$T/r/b.txt"
touch -r "$T/r/a.txt" "$T/r/b.txt"
settle
check "two files of one size and time" 0 "$Z" index --db "$T/r.db" "$T/r"
cp -p "$T/r/b.txt" "$T/r/a.txt"
fails "cp -p of the other over one: re-indexed" 0 "indexed 1 files (6 unchanged" "$Z" index --db "$T/r.db" "$T/r"
check "  its old text gone" 1 "$Z" query --db "$T/r.db" --strict '"甲园区"'
settle
printf '本报讯 丙园区签约金额一百亿元。\n' >"$T/r/a.txt"
touch -r "$T/r/b.txt" "$T/r/a.txt"
fails "rewritten, then touch -r to its old time: re-indexed" 0 "indexed 1 files (6 unchanged" "$Z" index --db "$T/r.db" "$T/r"
check "  the new text is found" 0 "$Z" query --db "$T/r.db" '"丙园区"'

# an index made before the recorded times
mkdir -p "$T/o"
cp "$CORPUS"/*.txt "$T/o/"
check "index another copy" 0 "$Z" index --db "$T/o.db" "$T/o"
sqlite3 "$T/o.db" "ALTER TABLE docs DROP COLUMN mtime_ns; ALTER TABLE docs DROP COLUMN ctime_ns;
    ALTER TABLE docs DROP COLUMN ino; ALTER TABLE docs DROP COLUMN dev"
check "an index without the times answers queries" 0 "$Z" query --db "$T/o.db" 签约
check "  and passes its checks" 0 "$Z" check --db "$T/o.db"
settle
fails "  an index run adds them: unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/o.db" "$T/o"
equals "  and records the times" "$(timed "$T/o.db")" "5"

# kill -9 while indexing: what is recorded is what was committed
corpus_copies 120 "$T/big"
settle
"$Z" index -q --db "$T/k.db" "$T/big" 2>/dev/null &
pid=$!
sleep 1.5
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "after kill -9 the next run completes the work" 0 "$Z" index -q --db "$T/k.db" "$T/big"
check "  the index is sound" 0 "$Z" check --db "$T/k.db"
equals "  every file once, with its times" "$(sqlite3 "$T/k.db" "SELECT count(*), count(mtime_ns) FROM docs")" "600|600"
fails "  a third run reads nothing new" 0 "indexed 0 files (600 unchanged" "$Z" index --db "$T/k.db" "$T/big"
check "  the last file's text is found" 0 "$Z" query --db "$T/k.db" '"贵阳119"'
finish
