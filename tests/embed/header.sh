#!/bin/sh
# header.sh - include/zhaoshu.h is self-contained, portable C99 (and C++).
# Usage: header.sh CC INCLUDE_DIR
. "$(dirname "$0")/../tap.sh"
cc=$1 inc=$2
scratch

out=$("$cc" -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only -x c "$inc/zhaoshu.h" 2>&1)
assert $? "zhaoshu.h compiles alone: -std=c99 -pedantic -Wall -Wextra -Werror"
[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'

# Twice in one file (include guard), first thing in the file, nothing else.
printf '#include <zhaoshu.h>\n#include <zhaoshu.h>\nint main(void) { return zs_version() == 0; }\n' \
    >"$tap_tmp/twice.c"
"$cc" -std=c99 -pedantic -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes \
    -fsyntax-only -I"$inc" "$tap_tmp/twice.c"
assert $? "zhaoshu.h twice in one C99 file, strict prototypes"

if command -v c++ >/dev/null 2>&1; then
    printf '#include <zhaoshu.h>\nint main() { zs_db *db = 0; zs_db_close(db); return 0; }\n' \
        >"$tap_tmp/cxx.cc"
    c++ -std=c++11 -pedantic -Wall -Wextra -Werror -fsyntax-only -I"$inc" "$tap_tmp/cxx.cc"
    assert $? "zhaoshu.h compiles as C++11 (extern \"C\")"
fi
done_testing
