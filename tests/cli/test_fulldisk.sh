#!/bin/sh
# test_fulldisk.sh - a disk that fills up while indexing: the run stops with
# exit 2 and says which files the index holds and which it does not, and
# that running it again completes the work (which it does, once there is
# room). The disk is a small tmpfs: mounted directly (root), else in a user
# namespace (unshare -rm); the test is skipped when neither is permitted.
# Usage: test_fulldisk.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"

if [ "${ZS_IN_NS:-}" != 1 ]; then
    M=$T/mnt
    mkdir -p "$M"
    if mount -t tmpfs -o size=8m tmpfs "$M" 2>/dev/null; then
        trap 'umount "$M"; rm -rf "$T"' EXIT
    elif command -v unshare >/dev/null &&
        unshare -rm sh -c "mount -t tmpfs -o size=1m tmpfs '$M'" 2>/dev/null; then
        rm -rf "$T"
        ZS_IN_NS=1 exec unshare -rm sh "$0" "$@"
    else
        echo "1..0 # SKIP cannot mount a small tmpfs here (not root, no user namespaces)"
        exit 0
    fi
else
    M=$T/mnt
    mkdir -p "$M"
    mount -t tmpfs -o size=8m tmpfs "$M"
fi

# Input of our own making: the corpus, each line numbered per copy, so no
# passage repeats another (repeats are stored once and would not fill it).
mkdir -p "$T/a" "$T/b"
for k in 1 2; do
    for f in "$CORPUS"/*.txt; do
        sed "s/\$/ 第${k}号/" "$f" >"$T/a/$k-$(basename "$f")"
    done
done
for k in $(seq 3 8); do
    for f in "$CORPUS"/*.txt; do
        sed "s/\$/ 第${k}号/" "$f" >"$T/b/$k-$(basename "$f")"
    done
done
DB=$M/news.db
check "index a folder on the small disk" 0 "$Z" index --db "$DB" "$T/a"
head -c 6300000 /dev/zero >"$M/filler" 2>/dev/null
fails "index more than the disk holds: exit 2" 2 "database or disk is full" "$Z" index --db "$DB" "$T/a" "$T/b"
has "  says which files are in the index" "$T/err" "new or changed file"
has "  says which files were not indexed, to the last" "$T/err" \
    "files were not indexed (from $T/b/"
has "  to the last" "$T/err" "to $T/b/8-004_f95930e6cd8d76ce.txt)"
has "  and that a re-run completes the work" "$T/err" \
    "free some space and run the same command again: it indexes only what is missing"
# Batches are committed every 2 s: a slow machine may have committed some.
held=$(sed -n 's/.*; \([0-9]*\) new or changed files are in the index.*/\1/p' "$T/err")
missing=$(sed -n 's/.*; \([0-9]*\) files were not indexed.*/\1/p' "$T/err")
equals "  the files in and out make the whole input" "$((${held:-0} + ${missing:-0}))" "30"
check "  the index is sound" 0 "$Z" check --db "$DB"
equals "  and holds the first folder and the files said to be in" \
    "$(sqlite3 "$DB" 'SELECT count(*) FROM docs')" "$((10 + ${held:-0}))"
rm -f "$M/filler"
fails "with room again, the same command completes the work" 0 "($((10 + ${held:-0})) unchanged" "$Z" index --db "$DB" "$T/a" "$T/b"
equals "  every file in the index" "$(sqlite3 "$DB" 'SELECT count(*) FROM docs')" "40"
check "  which is sound" 0 "$Z" check --db "$DB"

finish
