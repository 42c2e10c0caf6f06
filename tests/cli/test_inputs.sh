#!/bin/sh
# test_inputs.sh - what `zhaoshu index` reads: nothing walked twice, nothing
# that blocks, every skipped thing named and counted (exit 1); standard
# input under a name; --prune only below the paths given.
# Usage: test_inputs.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
docs() { sqlite3 "$1" "SELECT count(*) FROM docs"; }

# ---- symbolic link loops: each folder walked once
mkdir -p "$T/d/sub"
cp "$CORPUS/000_24cf386f7f29c2e5.txt" "$T/d/a.txt"
cp "$CORPUS/001_714bcf8596df40c9.txt" "$T/d/sub/b.txt"
ln -s . "$T/d/l1"
ln -s . "$T/d/l2"
ln -s .. "$T/d/sub/up"
check "two links to . and one to ..: the walk ends" 1 timeout 30 "$Z" index --db "$T/loop.db" "$T/d"
equals "  each file once" "$(docs "$T/loop.db")" "2"
has "  the loop named" "$T/err" "d/l1: symbolic link to a folder already walked (a loop)"
has "  each loop named" "$T/err" "d/sub/up: symbolic link to a folder already walked"
has "  counted as skipped" "$T/err" "indexed 2 files (0 unchanged, 3 skipped"
ln -s "$T/d/sub" "$T/d/zlink"
rm "$T/d/l1" "$T/d/l2" "$T/d/sub/up"
check "a link to a folder walked before: not walked again" 1 "$Z" index --db "$T/loop2.db" "$T/d"
equals "  each file once" "$(docs "$T/loop2.db")" "2"
rm "$T/d/zlink"
ln -s "$T/d/nowhere.txt" "$T/d/dangling.txt"
fails "a dangling link is named and skipped" 1 "dangling.txt: dangling symbolic link" "$Z" index --db "$T/dang.db" "$T/d"
rm "$T/d/dangling.txt"

# ---- FIFOs and sockets are never opened
mkfifo "$T/d/f.txt"
fails "a FIFO inside a folder: skipped, not waited on" 1 "f.txt: a FIFO (named pipe), not a file: not read (skipped)" timeout 30 "$Z" index --db "$T/fifo.db" "$T/d"
equals "  the rest indexed" "$(docs "$T/fifo.db")" "2"
fails "a FIFO given as the path: skipped, not waited on" 1 "f.txt: a FIFO (named pipe), not a file: not read (skipped)" timeout 30 "$Z" index --db "$T/fifo2.db" "$T/d/f.txt"
rm "$T/d/f.txt"
python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$T/d/s.sock"
fails "a socket inside a folder: skipped" 1 "s.sock: a socket, not a file: not read (skipped)" timeout 30 "$Z" index --db "$T/sock.db" "$T/d"
rm "$T/d/s.sock"

# ---- paths longer than PATH_MAX
python3 - "$T/long" <<'PY'
import os, sys
os.mkdir(sys.argv[1]); os.chdir(sys.argv[1])
open("short.txt", "w").write("本报讯 六盘水高新区签约金额135亿元。\n")
for i in range(17):
    name = chr(ord("a") + i) * 250
    os.mkdir(name); os.chdir(name)
open("deep.txt", "w").write("本报讯 六盘水高新区签约金额136亿元。\n")
PY
fails "a path past PATH_MAX: named and skipped" 1 "path longer than 4096 bytes (skipped)" timeout 30 "$Z" index --db "$T/long.db" "$T/long"
equals "  the rest indexed" "$(docs "$T/long.db")" "1"

# ---- standard input: named, never replacing another text
printf '本报讯 贵阳高新区今年签约金额100亿元。\n' | "$Z" index --db "$T/s.db" - 2>"$T/err"
equals "stdin without --name indexes" "$?" "0"
has "  under a name printed on stderr" "$T/err" "standard input stored as stdin:"
printf '本报讯 安顺经开区营业收入50亿元。\n' | "$Z" index --db "$T/s.db" - 2>"$T/err"
equals "a second text from stdin" "$?" "0"
equals "  both kept" "$(docs "$T/s.db")" "2"
check "  the first still found" 0 "$Z" query --db "$T/s.db" 签约金额
printf '本报讯 安顺经开区营业收入50亿元。\n' | "$Z" index --db "$T/s.db" - 2>"$T/err"
has "the same text again: unchanged" "$T/err" "(1 unchanged"
printf '本报讯 遵义经开区税收30亿元。\n' | "$Z" index --db "$T/s.db" --name news/a.txt - 2>"$T/err"
equals "--name NAME" "$?" "0"
equals "  stored under it" "$(sqlite3 "$T/s.db" "SELECT count(*) FROM docs WHERE path = 'news/a.txt'")" "1"
fails "--name without -" 2 "--name names standard input" "$Z" index --db "$T/s.db" --name x "$T/d"

# ---- --prune only below the paths given
mkdir -p "$T/pa" "$T/pb"
cp "$CORPUS/000_24cf386f7f29c2e5.txt" "$T/pa/"
cp "$CORPUS/001_714bcf8596df40c9.txt" "$T/pb/"
cp "$CORPUS/002_b23befc8af8cd454.txt" "$T/pb/"
check "index two folders" 0 "$Z" index --db "$T/p.db" "$T/pa" "$T/pb"
rm "$T/pb/002_b23befc8af8cd454.txt"
mv "$T/pb" "$T/pb.unmounted"
fails "--prune of the first folder" 0 "0 removed" "$Z" index --db "$T/p.db" --prune "$T/pa"
equals "  the other folder's documents stay (its drive is not mounted)" "$(docs "$T/p.db")" "3"
mv "$T/pb.unmounted" "$T/pb"
fails "--prune of the second folder" 0 "1 removed" "$Z" index --db "$T/p.db" --prune "$T/pb"
equals "  two left" "$(docs "$T/p.db")" "2"

# ---- Big5: read as Big5, never stored as GB18030 mojibake
mkdir -p "$T/b5"
printf '本報訊 六盤水高新區今年簽約金額達到135億元，新建廠房面積增加了兩成。\n記者從管委會獲悉，園區企業營業收入持續增長。\n' |
    iconv -f UTF-8 -t BIG5 >"$T/b5/big5.txt"
check "a Big5 file is indexed" 0 "$Z" index --db "$T/b5.db" "$T/b5"
hasnt "  without a warning" "$T/err" "big5.txt:"
check "  found by its Simplified words" 0 "$Z" query --db "$T/b5.db" 签约金额
has "  the text as written (Traditional), not mojibake" "$T/out" "簽約金額"
check "  found by its Traditional words" 0 "$Z" query --db "$T/b5.db" 營業收入
check "  and by the zone's Simplified name" 0 "$Z" query --db "$T/b5.db" 六盘水高新区
python3 -c 'import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(b for _ in range(300) for b in (r.randint(0x81, 0xFE), r.randint(0x80, 0xFE))))' >"$T/b5/junk.txt"
fails "bytes GB18030 maps but no Chinese text has: indexed with a warning" 0 "junk.txt: byte 0: read as GB18030, but the text is implausible" "$Z" index --db "$T/b5.db" "$T/b5"


# ---- an index kept in the folder it indexes: its own files are never read
# (closing a descriptor of the index or its -shm drops SQLite's locks on it)
mkdir -p "$T/own"
printf '测试园区今年新建厂房三座，投资五亿元。\n' >"$T/own/a.txt"
check "an index inside the folder it indexes" 0 "$Z" index --db "$T/own/x.db" "$T/own"
has "  one file indexed, nothing skipped" "$T/err" "indexed 1 files (0 unchanged, 0 skipped"
check "  again, beside its -wal, -shm and -lock files" 0 "$Z" index --db "$T/own/x.db" "$T/own"
has "  nothing read but the one file" "$T/err" "indexed 0 files (1 unchanged, 0 skipped, 0 removed)"
hasnt "  none of its own files read as input" "$T/err" "binary file"
equals "  one document" "$(docs "$T/own/x.db")" "1"
fails "the index given as a path: named and skipped" 1 "x.db: the index itself" "$Z" index --db "$T/own/x.db" "$T/own/x.db"

finish
