#!/bin/sh
# install.sh - `meson install` into a scratch DESTDIR gives everything an
# embedder needs, and examples/search.c builds against the installed files
# through pkg-config alone (shared and static), then finds figures in an index
# made by the installed CLI.
# Usage: install.sh MESON BUILD_DIR SOURCE_DIR CC
. "$(dirname "$0")/../tap.sh"
meson=$1 build=$2 src=$3 cc=$4
command -v pkg-config >/dev/null 2>&1 || skip_all "pkg-config not installed"
# meson test points LD_LIBRARY_PATH at the build tree: this test is about the
# installed files only.
unset LD_LIBRARY_PATH
scratch
dest=$tap_tmp/dest

"$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tap_tmp/install.log" 2>&1
assert $? "meson install --destdir"
[ $? -eq 0 ] || sed 's/^/# /' "$tap_tmp/install.log"

has() { # has GLOB what
    set -- "$(find "$dest" -path "$dest/$1" | head -n 1)" "$2"
    assert $([ -n "$1" ]; echo $?) "installs $2${1:+ (${1#"$dest"})}"
}
has '*/bin/zhaoshu' "the zhaoshu binary"
has '*/include/zhaoshu.h' "the header"
has '*/lib*/libzhaoshu.so.[0-9]*.[0-9]*.[0-9]*' "the versioned shared library"
has '*/lib*/libzhaoshu.a' "the static library"
has '*/pkgconfig/zhaoshu.pc' "zhaoshu.pc"
has '*/lib*/zhaoshu.so' "the SQLite extension"
has '*/share/man/man1/zhaoshu.1*' "the man page"
has '*/share/bash-completion/completions/zhaoshu' "the bash completion"

pc=$(find "$dest" -name zhaoshu.pc | head -n 1)
export PKG_CONFIG_PATH="${pc%/*}" PKG_CONFIG_SYSROOT_DIR="$dest"
libdir=$dest$(pkg-config --variable=libdir zhaoshu)
[ -d "$libdir" ] || libdir=$(pkg-config --variable=libdir zhaoshu) # pkgconf adds the sysroot
hdr=$(sed -n 's/^#define ZS_VERSION_STRING "\(.*\)"/\1/p' "$(find "$dest" -name zhaoshu.h | head -n 1)")
ver=$(pkg-config --modversion zhaoshu)
assert $([ -n "$ver" ] && [ "$ver" = "$hdr" ]; echo $?) "pkg-config --modversion zhaoshu ($ver) = ZS_VERSION_STRING ($hdr)"

# shellcheck disable=SC2046 # pkg-config output is meant to split
"$cc" -std=c11 -Wall -Wextra -Werror -o "$tap_tmp/search" "$src/examples/search.c" \
    $(pkg-config --cflags --libs zhaoshu) -Wl,-rpath,"$libdir" 2>"$tap_tmp/cc.log"
assert $? "examples/search.c builds with pkg-config --cflags --libs zhaoshu"
[ -s "$tap_tmp/cc.log" ] && sed 's/^/# /' "$tap_tmp/cc.log"
ldd "$tap_tmp/search" 2>/dev/null | grep -q "$libdir/libzhaoshu.so"
assert $? "search uses the installed libzhaoshu.so"

# Static: the same program against libzhaoshu.a and the .pc's private
# dependencies (Requires.private, Libs.private).
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror -o "$tap_tmp/search-static" "$src/examples/search.c" \
    $(pkg-config --cflags zhaoshu) \
    $(pkg-config --static --libs zhaoshu | sed 's/-lzhaoshu\b/-l:libzhaoshu.a/') \
    2>"$tap_tmp/cc2.log"
assert $? "examples/search.c links statically with pkg-config --static"
[ -s "$tap_tmp/cc2.log" ] && sed 's/^/# /' "$tap_tmp/cc2.log"
ldd "$tap_tmp/search-static" 2>/dev/null | grep -q libzhaoshu
assert $([ $? -ne 0 ]; echo $?) "search-static needs no libzhaoshu.so"

zs=$(find "$dest" -path '*/bin/zhaoshu' | head -n 1)
"$zs" index --db "$tap_tmp/idx.db" -q "$ZS_CORPUS"
assert $? "the installed CLI indexes the corpus"

out=$("$tap_tmp/search" "$tap_tmp/idx.db" '六盘水高新区 签约金额' 2>&1)
assert $? "search exits 0 with hits"
contains "$out" "1. $ZS_CORPUS/" "first hit names its corpus file"
contains "$out" "签约金额135.34亿元；" "first hit's snippet holds the sentence"
contains "$out" "   135.34亿元 = 1.3534e+10 元  签约金额" "figure with value, unit and metric"
out2=$("$tap_tmp/search-static" "$tap_tmp/idx.db" '六盘水高新区 签约金额' 2>&1)
assert $([ "$out" = "$out2" ]; echo $?) "static and shared builds print the same"

out=$("$tap_tmp/search" "$tap_tmp/none.db" 'x' 2>&1)
assert $([ $? -eq 2 ]; echo $?) "search exits 2 on a missing index"
contains "$out" "search: no index at $tap_tmp/none.db" "and says so through zs_errmsg()"

# The installed extension, from the installed location, by name only.
if command -v sqlite3 >/dev/null 2>&1; then
    ext=$(find "$dest" -path '*/lib*/zhaoshu.so' | head -n 1)
    count=$(LD_LIBRARY_PATH=${ext%/*} sqlite3 "$tap_tmp/idx.db" '.load zhaoshu' \
        "SELECT count(*) FROM fts WHERE fts MATCH '\"签约金额\"'" 2>&1)
    assert $([ "$count" = "$("$zs" query --db "$tap_tmp/idx.db" --count '"签约金额"')" ]; echo $?) \
        "sqlite3 '.load zhaoshu' from the install dir counts as the CLI ($count)"
fi
done_testing
