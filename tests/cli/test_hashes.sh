#!/bin/sh
# test_hashes.sh - passage_hashes (store/hashes.c), the stored passages'
# hashes kept apart from their bodies for the next run's repeat finding:
# after a first build, a changed file, a removed file and --prune, the
# table holds exactly every passage's id and hash; an index made before the
# table (dropped here) gets it at its next run, and repeats are still found
# there, as they are in an index that has it.
# Usage: test_hashes.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
# exact DB: "ok" when passage_hashes holds each passage's id and hash, and
# nothing else; else what differs
exact() {
    python3 - "$1" <<'PY'
import sqlite3, struct, sys
c = sqlite3.connect(sys.argv[1])
got = {}
for k, b in c.execute("SELECT chunk, hashes FROM passage_hashes"):
    off = 32
    for i in range(256):
        if b[i // 8] >> (i % 8) & 1:
            got[k * 256 + i] = struct.unpack_from("<I", b, off)[0]
            off += 4
want = {i: h & 0xffffffff for i, h in c.execute("SELECT id, hash FROM passages")}
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
finish
