#!/bin/sh
# test_extver.sh - an index built by another extractor (its identity in
# meta differs, or is absent) is re-extracted by the next `zhaoshu index`:
# every document whose file is there, unchanged files and files outside the
# given paths included, ends with the fields a fresh build gives; a document
# whose file is gone keeps its own; zhaoshu status tells, queries warn once
# and keep their exit status; kill -9 in the middle of a re-extraction, then
# a re-run, gives what a fresh build gives (the kill leaves the old index
# whole: a re-extraction is one transaction).
# Usage: test_extver.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"

# Every extracted field, keyed by document and passage number, not by row id
# (a re-extraction gives new ids, and a repeated passage may be stored under
# another of the documents that print it).
dump() {
    sqlite3 -separator '|' "$1" "
SELECT 'doc', path, year, park, date, source, page, date_from, given FROM docs ORDER BY path;
CREATE TEMP VIEW placed AS SELECT d.path, x.seq, x.pid FROM
 (SELECT id AS pid, doc_id, seq FROM passages UNION ALL
  SELECT passage_id, doc_id, seq FROM passage_dups) x JOIN docs d ON d.id = x.doc_id;
SELECT 'psg', x.path, x.seq, p.kind, p.park, p.year, p.figure, p.hash
 FROM placed x JOIN passages p ON p.id = x.pid ORDER BY 2, 3;
SELECT 'fig', x.path, x.seq, f.start, f.len, f.value, f.value_hi, u.s, c.s, f.hedge, m.s, mr.s,
 pk.s, f.year FROM placed x JOIN figure_rows f ON f.passage_id = x.pid
 JOIN strings u ON u.id = f.unit JOIN strings c ON c.id = f.class JOIN strings m ON m.id = f.metric
 JOIN strings mr ON mr.id = f.metric_raw JOIN strings pk ON pk.id = f.park ORDER BY 2, 3, 4;
SELECT 'park', x.path, x.seq, pp.park, pp.inherited FROM placed x
 JOIN passage_parks pp ON pp.passage_id = x.pid ORDER BY 2, 3, 4;
SELECT 'year', x.path, x.seq, y.year, y.span FROM placed x
 JOIN passage_years y ON y.passage_id = x.pid ORDER BY 2, 3, 4;
SELECT 'rank', x.path, x.seq, r.len, r.kind FROM placed x
 JOIN passages r ON r.id = x.pid ORDER BY 2, 3;
SELECT 'alias', alias, park FROM park_aliases ORDER BY 2, 3;"
}
ident() { sqlite3 "$1" "SELECT value FROM meta WHERE key='extractor'"; }
# Another extractor's index: an old identity and fields it found differently
# (tables outside the full-text index, so FTS5 stays consistent). No new
# string: strings_key is an index of zs_str_key(), which this shell lacks.
tamper() {
    sqlite3 "$1" "UPDATE meta SET value='src:0123456789abcdef icu:1.0' WHERE key='extractor';
UPDATE figure_rows SET value = value * 10, park = (SELECT max(id) FROM strings);
UPDATE passage_parks SET park = '旧版' || park;
UPDATE docs SET park = '旧版园区';
INSERT INTO park_aliases VALUES('旧称', '旧版园区');"
}
settle() { sleep 3.2; } # past the racy window: the next run trusts the times

mkdir -p "$T/c"
cp "$CORPUS"/*.txt "$T/c/"
check "a fresh build" 0 "$Z" index -q --db "$T/f.db" "$T/c"
dump "$T/f.db" >"$T/fresh"
now=$(ident "$T/f.db")
# like_fresh DB FRESH: every field of DB as in the dump FRESH (a fresh
# build's), the first differences shown; and this extractor's identity
# recorded in DB
like_fresh() {
    dump "$1" >"$T/again"
    assert $(cmp -s "$2" "$T/again"; echo $?) "  every field as a fresh build's"
    diff "$2" "$T/again" | head -5 | sed 's/^/#   /'
    equals "  the identity recorded" "$(ident "$1")" "$now"
}
contains "$now" "src:" "  records its extractor identity ($now)"
check "status: current" 0 "$Z" status --db "$T/f.db"
has "  names the identity" "$T/out" "extractor:  $now (this zhaoshu's)"
check "status -q prints nothing" 0 "$Z" status -q --db "$T/f.db"
equals "  nothing" "$(cat "$T/out")" ""

sqlite3 "$T/f.db" ".backup '$T/s.db'"
tamper "$T/s.db"
hasnt_diff() { ! cmp -s "$1" "$2"; }
dump "$T/s.db" >"$T/tampered"
assert $(hasnt_diff "$T/fresh" "$T/tampered"; echo $?) "tampered fields differ from a fresh build's"
check "status: another extractor's" 1 "$Z" status --db "$T/s.db"
has "  names both" "$T/out" "src:0123456789abcdef icu:1.0"
has "  and what to do" "$T/out" "zhaoshu index on its files"
check "a query still answers" 0 "$Z" query --db "$T/s.db" 高新区
equals "  and warns once" "$(grep -c 'extracted by another version' "$T/err")" "1"
check "a query that finds nothing keeps exit 1" 1 "$Z" query --db "$T/s.db" zzqxjv
has "  and warns" "$T/err" "run zhaoshu index on its files"
check "figures warn too" 0 "$Z" figures --db "$T/s.db" 营业收入
has "  once" "$T/err" "figures: this index was extracted by another version"
check "a current index: no warning" 0 "$Z" query --db "$T/f.db" 高新区
equals "  none" "$(cat "$T/err")" ""
if [ -x "$(dirname "$Z")/../serve/zhaoshu-serve" ]; then
    serve_until_listening "$T/serve.err" serve --db "$T/s.db" --listen 127.0.0.1:0
    equals "serve warns once at its start" "$(grep -c 'extracted by another version' "$T/serve.err")" "1"
    serve_until_listening "$T/serve.err" serve --db "$T/f.db" --listen 127.0.0.1:0
    hasnt "  not on a current index" "$T/serve.err" "extracted by another version"
else
    ok "# SKIP zhaoshu-serve not built"
fi

settle
check "index re-extracts an unchanged corpus" 0 "$Z" index --db "$T/s.db" "$T/c"
has "  says why, in one line" "$T/err" "index built by an older extractor (src:0123456789abcdef icu:1.0; this one is $now): re-extracting 5 documents"
has "  every file written again" "$T/err" "indexed 5 files (0 unchanged"
like_fresh "$T/s.db" "$T/fresh"
check "  the index is sound" 0 "$Z" check --db "$T/s.db"
check "  status: current" 0 "$Z" status -q --db "$T/s.db"
check "  query output as a fresh build's" 0 "$Z" query --db "$T/s.db" 高新区 营业收入
"$Z" query --db "$T/f.db" 高新区 营业收入 >"$T/q.fresh" 2>/dev/null
assert $(cmp -s "$T/out" "$T/q.fresh"; echo $?) "  (same bytes)"
diff "$T/q.fresh" "$T/out" | head -5 | sed 's/^/#   /'
fails "the next run reads nothing" 0 "indexed 0 files (5 unchanged" "$Z" index --db "$T/s.db" "$T/c"

# An index from before identities were recorded; only one of its files given.
sqlite3 "$T/f.db" ".backup '$T/o.db'"
tamper "$T/o.db"
sqlite3 "$T/o.db" "DELETE FROM meta WHERE key='extractor'"
one=$(ls "$T/c" | head -1)
check "an index with no identity, one file given" 0 "$Z" index --db "$T/o.db" "$T/c/$one"
has "  re-extracts all" "$T/err" "(none recorded; this one is $now): re-extracting 5 documents"
like_fresh "$T/o.db" "$T/fresh"

# A document whose file is gone keeps what it had; the others are redone.
mkdir -p "$T/g"
cp "$T/c"/*.txt "$T/g/"
check "a build of another copy" 0 "$Z" index -q --db "$T/g.db" "$T/g"
tamper "$T/g.db"
rm "$T/g/$one"
check "re-extraction with a file gone" 0 "$Z" index --db "$T/g.db" "$T/g"
has "  says so" "$T/err" "re-extracting 4 documents; 1 whose files are gone keep their fields"
equals "  five documents still" "$(sqlite3 "$T/g.db" "SELECT count(*) FROM docs")" "5"
equals "  the gone one as it was" "$(sqlite3 "$T/g.db" "SELECT count(*) FROM docs WHERE park='旧版园区'")" "1"
equals "  the identity recorded" "$(ident "$T/g.db")" "$now"
check "  the index is sound" 0 "$Z" check --db "$T/g.db"

# kill -9 in the middle of a re-extraction. With every file there it is a
# rebuild in one transaction: a kill leaves the old index whole.
corpus_copies 60 "$T/big"
check "a fresh build of 300 files" 0 "$Z" index -q --db "$T/bf.db" "$T/big"
dump "$T/bf.db" >"$T/bfresh"
sqlite3 "$T/bf.db" ".backup '$T/k.db'"
tamper "$T/k.db"
dump "$T/k.db" >"$T/btampered"
settle
# kill_in_txn PID DB: once PID holds DB's write transaction (another
# writer is refused: the old rows go in it, then the new ones come), wait a
# moment into it and kill -9 PID
kill_in_txn() {
    tries=0
    while [ $tries -lt 3000 ] && kill -0 "$1" 2>/dev/null; do
        sqlite3 "$2" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 || break
        tries=$((tries + 1))
    done
    sleep 0.1
    kill -9 "$1" 2>/dev/null
    wait "$1" 2>/dev/null
}
# kill_then_rerun DB DOING SAYS: kill -9 a re-extraction of $T/big into DB
# inside its transaction (DOING names it); the index must be sound and whole
# as it was (another extractor's), and a re-run must complete saying SAYS
kill_then_rerun() {
    "$Z" index -q --threads 1 --db "$1" "$T/big" 2>/dev/null &
    kill_in_txn $! "$1"
    check "killed while $2: still another extractor's" 1 "$Z" status -q --db "$1"
    check "  the index is sound" 0 "$Z" check --db "$1"
    dump "$1" >"$T/killed"
    assert $(cmp -s "$T/btampered" "$T/killed"; echo $?) "  and whole, as it was"
    check "the re-run completes" 0 "$Z" index --db "$1" "$T/big"
    has "  and says so" "$T/err" "$3"
}
kill_then_rerun "$T/k.db" "re-extracting" "re-extracting 300 documents"
like_fresh "$T/k.db" "$T/bfresh"
check "  the index is sound" 0 "$Z" check --db "$T/k.db"
for q in '"贵阳59"' 高新区 营业收入; do
    "$Z" query --db "$T/bf.db" -n 50 "$q" >"$T/q.fresh" 2>&1
    "$Z" query --db "$T/k.db" -n 50 "$q" >"$T/q.again" 2>&1
    assert $(cmp -s "$T/q.fresh" "$T/q.again"; echo $?) "  query $q as on a fresh build"
done

# With a file gone, documents are replaced one by one, in one transaction
# too: the gone one keeps its fields, and a kill leaves the old index whole.
sqlite3 "$T/bf.db" ".backup '$T/h.db'"
tamper "$T/h.db"
mv "$T/big/0-000_24cf386f7f29c2e5.txt" "$T/gone.txt"
settle
kill_then_rerun "$T/h.db" "replacing documents" "re-extracting 299 documents; 1 whose files are gone keep their fields"
# every field of the others as a fresh build's (the gone one's are its own)
grep -v "/big/0-000_" "$T/bfresh" >"$T/bfresh-1"
dump "$T/h.db" | grep -v "/big/0-000_" >"$T/hagain"
assert $(cmp -s "$T/bfresh-1" "$T/hagain"; echo $?) "  every field of the others as a fresh build's"
diff "$T/bfresh-1" "$T/hagain" | head -5 | sed 's/^/#   /'
equals "  the gone one keeps its own" "$(sqlite3 "$T/h.db" "SELECT park FROM docs WHERE path LIKE '%/big/0-000_%'")" "旧版园区"
equals "  the identity recorded" "$(ident "$T/h.db")" "$now"
check "  the index is sound" 0 "$Z" check --db "$T/h.db"
check "  the gone one's passages are found" 0 "$Z" query --db "$T/h.db" -n 5000 高新区
has "  (in the gone file)" "$T/out" "0-000_24cf386f7f29c2e5.txt"
mv "$T/gone.txt" "$T/big/0-000_24cf386f7f29c2e5.txt"

# A file there but unreadable now (binary here): a rebuild cannot keep its
# old rows, so its document goes, and the run says so.
mkdir -p "$T/b"
cp "$T/c"/*.txt "$T/b/"
check "a build of a third copy" 0 "$Z" index -q --db "$T/b.db" "$T/b"
tamper "$T/b.db"
printf 'x\000\000\000\001\002' >"$T/b/$one"
check "a rebuild with a file no longer text: some input skipped" 1 "$Z" index --db "$T/b.db" "$T/b"
has "  says its document is removed" "$T/err" "$one: removed from the index: it could not be extracted again"
equals "  four documents" "$(sqlite3 "$T/b.db" "SELECT count(*) FROM docs")" "4"
equals "  the identity recorded" "$(ident "$T/b.db")" "$now"
check "  the index is sound" 0 "$Z" check --db "$T/b.db"

# Past the writer's table of repeats (seen.c, made small here), a stored
# passage is still never one of the old extractor's.
tamper "$T/k.db"
check "a re-extraction past a full table of repeats" 0 env ZHAOSHU_SEEN_MAX=100 "$Z" index -q --db "$T/k.db" "$T/big"
like_fresh "$T/k.db" "$T/bfresh"
finish
