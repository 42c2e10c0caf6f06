#!/bin/sh
# test_reindex.sh - what a second `zhaoshu index` run reads: a file whose
# size, times, inode and device are as recorded is skipped unread; a change
# that keeps the size and the modification time (touch -d, touch -r, cp -p)
# is still found through the change time; a file changed just before it was
# indexed (0.1 s, or 3 s where times are whole seconds) gets no recorded
# times; --checksum reads everything; an index made before the recorded
# times works; kill -9 leaves nothing recorded wrongly.
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
# The racy window (ZSD_RACY_NS, 3 s where change times are whole seconds,
# else ZSD_RACY_FINE_NS, 0.1 s): files written before it are not racy.
settle() { sleep 3.2; }
# fine DIR: 1 when DIR's file system stamps change times finer than seconds
fine() { python3 -c 'import os,sys; print(int(os.stat(sys.argv[1]).st_ctime_ns % 10**9 != 0))' "$1"; }

mkdir -p "$T/r"
cp "$CORPUS"/*.txt "$T/r/"
sleep 0.3
check "index a copy made 0.3 s before" 0 "$Z" index --db "$T/r.db" "$T/r"
if [ "$(fine "$T/r/000_24cf386f7f29c2e5.txt")" = 1 ]; then
    equals "  nanosecond times, past the 0.1 s window: recorded at once" "$(timed "$T/r.db")" "5"
else
    equals "  whole-second times, inside the 3 s window: not recorded (racy)" "$(timed "$T/r.db")" "0"
fi
# a modification time ahead of the clock (a clock set back) is racy anywhere;
# 1 s to 2 s ahead: still ahead when a run on a loaded machine gets to it,
# past when settle() ends
ahead=$(( $(date +%s) + 2 ))
touch -d "@$ahead" "$T/r"/*.txt
fails "times changed, text not: read again, unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/r.db" "$T/r"
at_ahead() { sqlite3 "$T/r.db" "SELECT count(*) FROM docs WHERE mtime_ns = $ahead * 1000000000"; }
equals "  modified after the run began: these times not recorded (racy)" "$(at_ahead)" "0"
settle
fails "the next run reads them: unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/r.db" "$T/r"
equals "  and records their times" "$(at_ahead)" "5"
fails "a run with the times recorded: unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/r.db" "$T/r"
fails "--checksum reads every file: unchanged" 0 "indexed 0 files (5 unchanged" "$Z" index --checksum --db "$T/r.db" "$T/r"
check "--checksum is in --help" 0 "$Z" index --help
has "  with what it does" "$T/out" "--checksum       read and hash every file"

# the same size and modification time, another content: the change time tells
f="$T/r/000_24cf386f7f29c2e5.txt"
same_size "$f"
fails "same size, modification time put back: re-indexed" 0 "indexed 1 files (4 unchanged" "$Z" index --db "$T/r.db" "$T/r"
check "  the new text is found" 0 "$Z" query --db "$T/r.db" 鏖
settle
fails "  the next run finds it unchanged and records it" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/r.db" "$T/r"
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

# A changed file keeps the stored passages it still has, when every field
# is as the changed article gives it; the index is then the one a fresh
# build of the same files makes, places in the file included.
dump() {
    sqlite3 -separator '|' "$1" "
SELECT 'doc', path, year, park, date, source FROM docs ORDER BY path;
CREATE TEMP VIEW placed AS SELECT d.path, x.seq, x.pid, x.start, x.end, x.line, x.col FROM
 (SELECT id AS pid, doc_id, seq, start, end, line, col FROM passages UNION ALL
  SELECT passage_id, doc_id, seq, start, end, line, col FROM passage_dups) x
 JOIN docs d ON d.id = x.doc_id;
SELECT 'psg', x.path, x.seq, x.start, x.end, x.line, x.col, p.kind, p.len, p.park, p.year,
 p.figure, p.hash FROM placed x JOIN passages p ON p.id = x.pid ORDER BY 2, 3;
SELECT 'fig', x.path, x.seq, f.start, f.len, f.value, f.value_hi, f.hedge, pk.s, f.year, f.line
 FROM placed x JOIN figure_rows f ON f.passage_id = x.pid
 JOIN strings pk ON pk.id = f.park ORDER BY 2, 3, 4;
SELECT 'park', x.path, x.seq, pp.park, pp.inherited FROM placed x
 JOIN passage_parks pp ON pp.passage_id = x.pid ORDER BY 2, 3, 4;
SELECT 'year', x.path, x.seq, y.year, y.span FROM placed x
 JOIN passage_years y ON y.passage_id = x.pid ORDER BY 2, 3, 4;" 2>&1
}
ids() { sqlite3 "$1" "SELECT id || ':' || hex(body) FROM passages ORDER BY id"; }
mkdir -p "$T/e"
cp "$CORPUS"/*.txt "$T/e/"
# body passages whose zone, year and figures' zone come from the headline
# and the dateline: an edit there changes fields of text that stays
printf '贵阳高新区前三季度经济运行良好\n\n本报2023年10月8日讯\n\n高新区前三季度实现营业收入120亿元，同比增长12%%。\n\n今年以来，高新区新增企业300家，完成投资50亿元。\n' >"$T/e/zz_a.txt"
printf '贵阳高新区经济运行良好\n\n贵阳高新区前三季度实现营业收入120亿元。\n\n全年完成投资50亿元，同比增长12%%。\n' >"$T/e/zz_b.txt"
check "index a copy to edit" 0 "$Z" index -q --db "$T/e.db" "$T/e"
ids "$T/e.db" >"$T/e.ids0"
python3 - "$T/e" <<'PY'
import os, sys
d = sys.argv[1]
fs = sorted(os.listdir(d))
def edit(name, f):
    p = os.path.join(d, name)
    b = open(p, 'rb').read()
    open(p, 'wb').write(f(b))
# a headline that names another zone: what a bare 高新区 means may change
edit(fs[0], lambda b: '贵阳高新区发布\n\n'.encode() + b)
# the headline edited
edit(fs[1], lambda b: '【更新】'.encode() + b)
# a sentence in the middle
def mid(b):
    i = b.index('。'.encode(), len(b) // 2)
    return b[:i] + '，今年营业收入增长百分之十二。'.encode() + b[i + 3:]
edit(fs[2], mid)
# a passage removed
def cut(b):
    i = b.index(b'\n\n', len(b) // 3)
    k = b.index(b'\n\n', i + 2)
    return b[:i] + b[k:]
edit(fs[3], cut)
# the zone of the headline and the year of the dateline
edit('zz_a.txt', lambda b: b.replace('贵阳'.encode(), '长沙'.encode()).replace(b'2023', b'2024'))
# the article's zone, which its figures are credited to
edit('zz_b.txt', lambda b: b.replace('贵阳'.encode(), '长沙'.encode()))
PY
fails "the edited files are indexed again" 0 "indexed 6 files (1 unchanged" "$Z" index --db "$T/e.db" "$T/e"
check "  the index is sound" 0 "$Z" check --db "$T/e.db"
check "a fresh build of the edited files" 0 "$Z" index -q --db "$T/e2.db" "$T/e"
dump "$T/e.db" >"$T/e.again"
dump "$T/e2.db" >"$T/e.fresh"
assert $(cmp -s "$T/e.fresh" "$T/e.again"; echo $?) "  every field and place as a fresh build's"
diff "$T/e.fresh" "$T/e.again" | head -5 | cut -c1-200 | sed 's/^/#   /'
ids "$T/e.db" >"$T/e.ids1"
kept=$(comm -12 "$T/e.ids0" "$T/e.ids1" | wc -l)
assert $([ "$kept" -gt 20 ]; echo $?) "  unchanged passages kept their rows ($kept)"
check "  the new text is found" 0 "$Z" query --db "$T/e.db" '"贵阳高新区发布"'
check "  and kept text too" 0 "$Z" query --db "$T/e.db" '"智能焊接机器人"'

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
