#!/bin/sh
# layers.sh - the include rule of the layout (STYLE.md, issue 13), checked
# from the sources: each layer folder includes only headers of the folders
# below it, and cli/ and serve/ only the public header, their own cli.h or
# serve.h and system headers.
# Usage: layers.sh ROOT. Prints one line per violation; exits 1 if any, 2 if
# ROOT does not look like the tree.
#
# The layers, bottom up (ext/, cli/ and serve/ share the top). A quoted
# include names a header by file name; the folder that holds that header is
# its layer. include/zhaoshu.h is public and allowed everywhere. Headers of
# the libraries zhaoshu is built on: util/ and extract/ must not use SQLite
# (segment/ may: its FTS5 tokenizer adapter, fts5_tok.c), and cli/ and
# serve/ must not use any of them (they have only zhaoshu.h).
# One awk pass over every file: a shell loop per include took 30 s on a
# loaded machine.
root=${1:?usage: layers.sh ROOT}
[ -f "$root/include/zhaoshu.h" ] || { echo "layers.sh: $root has no include/zhaoshu.h" >&2; exit 2; }
cd "$root" || exit 2
layers="util segment extract store query cluster lib ext cli serve"
dirs=
for l in $layers; do [ -d "$l" ] && dirs="$dirs $l"; done
# Headers first (their owners), then every source and header (their includes).
{ find $dirs -name '*.h'; echo --; find $dirs -name '*.[ch]' | sort; } | awk '
BEGIN {
    n = split("util segment extract store query cluster lib ext cli serve", L, " ")
    for (i = 1; i <= n; i++) rank[L[i]] = i
    rank["cli"] = rank["serve"] = rank["ext"]
    dep = "^(sqlite3\\.h|sqlite3ext\\.h|unicode/|zstd|xxhash|libstemmer\\.h|mysql\\.h)"
    bad = 0; phase = 0
}
$0 == "--" { phase = 1; next }
phase == 0 { f = $0; l = f; sub(/\/.*/, "", l); b = f; sub(/.*\//, "", b); owner[b] = l; next }
{
    f = $0; l = f; sub(/\/.*/, "", l); top = (l == "cli" || l == "serve")
    while ((getline line < f) > 0) {
        if (line !~ /^[ \t]*#[ \t]*include[ \t]*[<"]/) continue
        kind = line; sub(/^[ \t]*#[ \t]*include[ \t]*/, "", kind)
        name = substr(kind, 2); sub(/[>"].*/, "", name); kind = substr(kind, 1, 1)
        base = name; sub(/.*\//, "", base)
        if (kind == "<") {
            if (top && name ~ dep) {
                print f ": includes <" name ">: " l "/ uses only zhaoshu.h (add a public call instead)"; bad = 1
            } else if ((l == "util" || l == "extract") && name ~ /^sqlite3/) {
                print f ": includes <" name ">: no SQLite in " l "/"; bad = 1
            }
            continue
        }
        if (base == "zhaoshu.h") continue
        if (top) {
            if (name == l ".h") continue
            print f ": includes \"" name "\": " l "/ includes only zhaoshu.h and " l ".h"; bad = 1
            continue
        }
        if (!(base in owner)) {
            print f ": includes \"" name "\", which no layer folder holds"; bad = 1
        } else if (rank[owner[base]] > rank[l]) {
            print f ": includes \"" name "\" of " owner[base] "/, a layer above " l "/"; bad = 1
        }
    }
    close(f)
}
END { exit bad }'
