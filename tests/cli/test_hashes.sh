#!/bin/sh
# test_hashes.sh - passage_hashes (store/hashes.c), the stored passages'
# hashes kept apart from their bodies for the next run's repeat finding:
# after a first build, a changed file, a removed file and --prune, the
# table holds exactly every passage's id and hash; an index made before the
# table (dropped here) gets it at its next run, and repeats are still found
# there, as they are in an index that has it. Since schema 17 the table
# alone holds them (passages.hash is 0): an index of schema 16 is moved on.
# Usage: test_hashes.sh ZHAOSHU CORPUS_DIR EXTENSION   (TAP output)
. "$(dirname "$0")/harness.sh"
EXT=$3
# exact DB: "ok" when passage_hashes holds each passage's id and the hash
# of its text (zs_body_key(), through the extension), and nothing else;
# else what differs
exact() {
    sqlite3 -cmd ".load $EXT" "$1" "SELECT id, zs_body_key(body) FROM passages" >"$T/want" &&
        python3 - "$1" "$T/want" <<'PY'
import sqlite3, struct, sys
c = sqlite3.connect(sys.argv[1])
got = {}
for k, b in c.execute("SELECT chunk, hashes FROM passage_hashes"):
    off = 32
    for i in range(256):
        if b[i // 8] >> (i % 8) & 1:
            got[k * 256 + i] = struct.unpack_from("<I", b, off)[0]
            off += 4
want = {}
for line in open(sys.argv[2]):
    i, h = line.split("|")
    want[int(i)] = int(h) & 0xffffffff
bad = sorted(i for i in set(got) | set(want) if got.get(i) != want.get(i))
print("ok" if want and not bad else "%d passages, %d entries, %d differ" % (len(want), len(got), len(bad)))
PY
}
counts() { sqlite3 "$1" "SELECT (SELECT count(*) FROM passages) || '|' || (SELECT count(*) FROM passage_dups)"; }
# headline DIR/FILE: the file with its first line (the headline) edited; its
# other passages are repeats of stored ones
headline() { python3 -c 'import sys; p = sys.argv[1]; b = open(p, "rb").read(); open(p, "wb").write("【更新】".encode() + b)' "$1"; }

for db in new old; do
    mkdir -p "$T/$db"
    cp "$CORPUS"/*.txt "$T/$db/"
    check "$db: first build" 0 "$Z" index --db "$T/$db.db" "$T/$db"
done
equals "a first build stores every passage's hash" "$(exact "$T/new.db")" "ok"
equals "  in passage_hashes alone" "$(sqlite3 "$T/new.db" "SELECT DISTINCT hash FROM passages")" "0"
sqlite3 "$T/old.db" "DROP TABLE passage_hashes"
before=$(counts "$T/new.db")
for db in new old; do
    headline "$T/$db/001_714bcf8596df40c9.txt"
    check "$db: a headline edited, re-indexed" 0 "$Z" index --db "$T/$db.db" "$T/$db"
    equals "  the table holds every passage's hash" "$(exact "$T/$db.db")" "ok"
done
equals "the old index found the same repeats as the new" "$(counts "$T/old.db")" "$(counts "$T/new.db")"
equals "  one passage more (the headline), the rest repeats of stored ones" \
    "$(counts "$T/new.db" | cut -d'|' -f1)" "$(( $(echo "$before" | cut -d'|' -f1) + 1 ))"
for db in new old; do
    cp "$T/$db/001_714bcf8596df40c9.txt" "$T/$db/copy.txt"
    headline "$T/$db/copy.txt"
    check "$db: a copy with another headline added" 0 "$Z" index --db "$T/$db.db" "$T/$db"
    equals "  the table holds every passage's hash" "$(exact "$T/$db.db")" "ok"
    rm "$T/$db/001_714bcf8596df40c9.txt" "$T/$db/002_b23befc8af8cd454.txt"
    check "$db: two files deleted, --prune" 0 "$Z" index --prune --db "$T/$db.db" "$T/$db"
    equals "  the table holds every passage's hash, no removed one" "$(exact "$T/$db.db")" "ok"
    printf '本报讯 甲园区签约金额一百亿元。\n' >"$T/$db/copy.txt"
    check "$db: a file rewritten whole" 0 "$Z" index --db "$T/$db.db" "$T/$db"
    equals "  the table holds every passage's hash, no removed one" "$(exact "$T/$db.db")" "ok"
done
equals "the old index and the new hold the same passages" "$(counts "$T/old.db")" "$(counts "$T/new.db")"

# Schema 16 kept every passage's hash in passages.hash too, and its
# passages_hash indexed that column: a writer moves it on, dropping the
# index (an index of the column would miss newer rows, written as 0).
mkdir -p "$T/s16"
cp "$CORPUS"/*.txt "$T/s16/"
check "schema 16: a first build" 0 "$Z" index --db "$T/s16.db" "$T/s16"
sqlite3 -cmd ".load $EXT" "$T/s16.db" "UPDATE passages SET hash = zs_body_key(body);
    CREATE INDEX passages_hash ON passages(hash);
    UPDATE meta SET value = '16' WHERE key = 'schema_version'"
headline "$T/s16/001_714bcf8596df40c9.txt"
cp "$T/s16/001_714bcf8596df40c9.txt" "$T/s16/copy.txt"
headline "$T/s16/copy.txt"
before=$(counts "$T/s16.db")
check "  a headline edited and a copy of the file added" 0 "$Z" index --db "$T/s16.db" "$T/s16"
equals "  moves the schema on, the column's index dropped" \
    "$(sqlite3 "$T/s16.db" "SELECT value FROM meta WHERE key = 'schema_version';
        SELECT count(*) FROM sqlite_master WHERE name = 'passages_hash'")" "18
0"
equals "  the older rows keep their hashes, the new ones are 0" \
    "$(sqlite3 "$T/s16.db" "SELECT count(*) FROM passages WHERE hash = 0")" "2"
equals "  the table holds every passage's hash" "$(exact "$T/s16.db")" "ok"
equals "  two passages more (the headlines), the copy's others repeats" \
    "$(counts "$T/s16.db" | cut -d'|' -f1)" "$(( $(echo "$before" | cut -d'|' -f1) + 2 ))"
# Through SQLite (passages_hash on the texts' keys), as a run far smaller
# than its index or past the memory's limit finds them.
cp "$T/s16/copy.txt" "$T/s16/copy2.txt"
headline "$T/s16/copy2.txt"
ZHAOSHU_SEEN_MAX=10 "$Z" index -q --db "$T/s16.db" "$T/s16" 2>"$T/err"
equals "  past the memory's limit, the index of the texts' keys made" \
    "$(sqlite3 "$T/s16.db" "SELECT sql LIKE '%zs_body_key(body)%' FROM sqlite_master
        WHERE name = 'passages_hash'")" "1"
equals "  one passage more, the copy's others repeats found through it" \
    "$(counts "$T/s16.db" | cut -d'|' -f1)" "$(( $(echo "$before" | cut -d'|' -f1) + 3 ))"
equals "  the table holds every passage's hash" "$(exact "$T/s16.db")" "ok"
check "  and is sound" 0 "$Z" check --db "$T/s16.db"
finish
