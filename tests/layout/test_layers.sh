#!/bin/sh
# test_layers.sh - the include arrows of the source tree all point down the
# layers (layers.sh), and the check itself catches an upward include, a
# private header in cli/ or serve/ and SQLite in extract/, each planted in
# turn in a scratch copy of the tree.
# Usage: test_layers.sh SOURCE_ROOT
here=$(dirname "$0")
. "$here/../tap.sh"
root=$1
scratch

out=$(sh "$here/layers.sh" "$root" 2>&1)
assert $? "no file includes a header of a layer above it; cli/ and serve/ include only zhaoshu.h and their own header"
[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/#   /'

# One copy of the headers and sources; each plant adds one wrong include to
# one file and puts the file back afterwards.
mkdir -p "$tap_tmp/t"
(cd "$root" && find include util segment extract store query cluster lib ext cli serve -name '*.[ch]' 2>/dev/null |
    tar cf - -T -) | (cd "$tap_tmp/t" && tar xf -)
plant() { # file line what
    cp "$tap_tmp/t/$1" "$tap_tmp/saved"
    printf '%s\n' "$2" >>"$tap_tmp/t/$1"
    out=$(sh "$here/layers.sh" "$tap_tmp/t" 2>&1)
    rc=$?
    cp "$tap_tmp/saved" "$tap_tmp/t/$1"
    assert $([ $rc -eq 1 ]; echo $?) "the check fails on $3"
    contains "$out" "$1" "and names $1"
}
sh "$here/layers.sh" "$tap_tmp/t" >/dev/null 2>&1
assert $? "the scratch copy passes before anything is planted"
plant extract/year.c '#include "store_int.h"' "extract/ including store/"
plant segment/seg.c '#include "query_int.h"' "segment/ including query/"
plant util/utf8.c '#include "segment_int.h"' "util/ including segment/"
plant store/db.c '#include "search_int.h"' "store/ including query/"
plant cli/main.c '#include "store_int.h"' "cli/ including a private header"
plant cli/main.c '#include <sqlite3.h>' "cli/ including sqlite3.h"
plant serve/api.c '#include "query_int.h"' "serve/ including a private header"
plant serve/http.c '#include <sqlite3.h>' "serve/ including sqlite3.h"
plant extract/decode.c '#include <sqlite3.h>' "extract/ including sqlite3.h"
done_testing
