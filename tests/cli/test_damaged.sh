#!/bin/sh
# test_damaged.sh - a damaged index file is reported as damaged: a query that
# meets a broken page of the passages table exits 2 with SQLite's own
# "database disk image is malformed", not "passage N vanished (index changed
# meanwhile?)", which sent the reader looking for a writer that was not there
# (query/hit.c and query/places.c took every failed step for a missing row).
# Usage: test_damaged.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"

check "index the corpus" 0 "$Z" index -q --db "$T/d.db" "$CORPUS"
check "the sound index answers 企业" 0 "$Z" query --db "$T/d.db" 企业
# 64 bytes of 0xff at the start of every 7th page from the fourth on: B-tree
# page headers of several tables, the passages' among them, while the
# schema (page 1) and FTS5's first pages stay whole, so the query finds
# candidates and then fails reading them
python3 - "$T/d.db" <<'PY'
import os, sys
p = sys.argv[1]
with open(p, "r+b") as f:
    for off in range(8192 * 3, os.path.getsize(p), 8192 * 7):
        f.seek(off)
        f.write(b"\xff" * 64)
PY
fails "a query over the damaged index exits 2 and says so" 2 "database disk image is malformed" \
    "$Z" query --db "$T/d.db" 企业
hasnt "  and does not blame a concurrent writer" "$T/err" "vanished"
fails "check finds the damage" 2 "integrity_check" "$Z" check --db "$T/d.db"
finish
