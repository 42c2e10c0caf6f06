#!/bin/sh
# symbols.sh - libzhaoshu.so exports exactly the zs_ functions of zhaoshu.h;
# the SQLite extension exports only its entry point and brings no SQLite of
# its own (all SQLite calls go through the host's routine table).
# Usage: symbols.sh HEADER LIBZHAOSHU_SO ZHAOSHU_EXT_SO
. "$(dirname "$0")/../tap.sh"
header=$1 lib=$2 ext=$3
command -v nm >/dev/null 2>&1 || skip_all "nm (binutils) not installed"
scratch

nm -D --defined-only "$lib" | awk '{print $NF}' | sort -u >"$tap_tmp/exported"
others=$(grep -v '^zs_' "$tap_tmp/exported")
assert $([ -z "$others" ]; echo $?) "libzhaoshu.so exports only zs_ symbols"
[ -z "$others" ] || printf '%s\n' "$others" | sed 's/^/#   also: /'

# Every function the header declares is there (a declared but unwritten
# function fails here, not in an embedder's link).
tr '\n' ' ' <"$header" | grep -oE 'ZS_EXTERN[^;(]*\(' | grep -oE 'zs_[a-z0-9_]+ *\($' |
    tr -d ' (' | sort -u >"$tap_tmp/declared"
missing=$(comm -23 "$tap_tmp/declared" "$tap_tmp/exported")
assert $([ -s "$tap_tmp/declared" ] && [ -z "$missing" ]; echo $?) \
    "libzhaoshu.so defines all $(wc -l <"$tap_tmp/declared") functions of zhaoshu.h"
[ -z "$missing" ] || printf '%s\n' "$missing" | sed 's/^/#   missing: /'
extra=$(comm -13 "$tap_tmp/declared" "$tap_tmp/exported")
assert $([ -z "$extra" ]; echo $?) "libzhaoshu.so exports nothing the header does not declare"
[ -z "$extra" ] || printf '%s\n' "$extra" | sed 's/^/#   undeclared: /'

soname=$(readelf -d "$lib" 2>/dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
assert $(case $soname in libzhaoshu.so.[0-9]*) echo 0 ;; *) echo 1 ;; esac) \
    "libzhaoshu.so has a versioned soname ($soname)"

ext_syms=$(nm -D --defined-only "$ext" | awk '{print $NF}' | sort -u | tr '\n' ' ')
assert $([ "$ext_syms" = "sqlite3_zhaoshu_init " ]; echo $?) \
    "zhaoshu.so exports only sqlite3_zhaoshu_init (got: $ext_syms)"
readelf -d "$ext" | grep NEEDED | grep -q sqlite
assert $([ $? -ne 0 ]; echo $?) "zhaoshu.so does not link libsqlite3"
nm -D --undefined-only "$ext" | grep -q 'sqlite3_'
assert $([ $? -ne 0 ]; echo $?) "zhaoshu.so imports no sqlite3_ symbol"
done_testing
