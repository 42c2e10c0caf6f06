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
# 64 bytes of 0xff at the start of every third leaf page of the passages
# table (dbstat names them), while the schema (page 1) and FTS5's pages stay
# whole, so the query finds candidates and then fails reading them. (Every
# 7th page from the fourth on did it until the tables' sizes moved; a hit
# on FTS5's config page failed the query in the vtable constructor.)
sqlite3 "$T/d.db" "SELECT pageno FROM dbstat WHERE name = 'passages' AND pagetype = 'leaf'
    ORDER BY pageno" >"$T/pages"
python3 - "$T/d.db" "$T/pages" <<'PY'
import sys
pages = [int(l) for l in open(sys.argv[2])]
assert len(pages) > 3, pages
with open(sys.argv[1], "r+b") as f:
    for pg in pages[::3]:
        f.seek((pg - 1) * 8192)
        f.write(b"\xff" * 64)
PY
fails "a query over the damaged index exits 2 and says so" 2 "database disk image is malformed" \
    "$Z" query --db "$T/d.db" 企业
hasnt "  and does not blame a concurrent writer" "$T/err" "vanished"
fails "check finds the damage" 2 "integrity_check" "$Z" check --db "$T/d.db"
finish
