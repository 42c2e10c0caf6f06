#!/bin/sh
# layers.sh - the include rule of the layout (STYLE.md, issue 13), checked
# from the sources: each layer folder includes only headers of the folders
# below it, and cli/ and serve/ only the public header, their own cli.h or
# serve.h and system headers.
# Usage: layers.sh ROOT. Prints one line per violation; exits 1 if any, 2 if
# ROOT does not look like the tree.
#
# The layers, bottom up. A quoted include names a header by file name; the
# folder that holds that header is its layer. include/zhaoshu.h is public
# and allowed everywhere.
root=${1:?usage: layers.sh ROOT}
layers="util segment extract store query cluster lib ext cli serve"
# Headers of the libraries zhaoshu is built on: util/ and extract/ must not use
# SQLite (segment/ may: its FTS5 tokenizer adapter, fts5_tok.c), and cli/
# must not use any of them (it has only zhaoshu.h).
dep_headers='sqlite3\.h|sqlite3ext\.h|unicode/|zstd|xxhash|libstemmer\.h|mysql\.h'

[ -f "$root/include/zhaoshu.h" ] || { echo "layers.sh: $root has no include/zhaoshu.h" >&2; exit 2; }

rank() { # layer name -> its position, bottom 0 (the order of $layers)
    case $1 in
    util) echo 0 ;; segment) echo 1 ;; extract) echo 2 ;; store) echo 3 ;;
    query) echo 4 ;; cluster) echo 5 ;; lib) echo 6 ;; ext | cli | serve) echo 7 ;; *) echo -1 ;;
    esac
}

# header file name -> owning layer, one "name layer" per line
map=$(for l in $layers; do
    [ -d "$root/$l" ] || continue
    find "$root/$l" -name '*.h' | while read -r h; do echo "${h##*/} $l"; done
done)

bad=0
for l in $layers; do
    [ -d "$root/$l" ] || continue
    lr=$(rank "$l")
    for f in $(find "$root/$l" -name '*.[ch]' | sort); do
        rel=${f#"$root"/}
        # "#  include <x>" and "#include "x"" alike, one per line: kind name
        incs=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*\([<"]\)\([^>"]*\)[>"].*/\1 \2/p' "$f")
        [ -n "$incs" ] || continue
        old_ifs=$IFS
        IFS='
'
        for inc in $incs; do
            kind=${inc%% *} name=${inc#* }
            base=${name##*/}
            if [ "$kind" = "<" ]; then
                if { [ "$l" = cli ] || [ "$l" = serve ]; } && printf '%s\n' "$name" | grep -Eq "^($dep_headers)"; then
                    echo "$rel: includes <$name>: $l/ uses only zhaoshu.h (add a public call instead)"
                    bad=1
                elif { [ "$l" = util ] || [ "$l" = extract ]; } && printf '%s\n' "$name" | grep -Eq '^sqlite3'; then
                    echo "$rel: includes <$name>: no SQLite in $l/"
                    bad=1
                fi
                continue
            fi
            [ "$base" = zhaoshu.h ] && continue
            if [ "$l" = cli ] || [ "$l" = serve ]; then
                [ "$name" = "$l.h" ] && continue
                echo "$rel: includes \"$name\": $l/ includes only zhaoshu.h and $l.h"
                bad=1
                continue
            fi
            owner=$(printf '%s\n' "$map" | awk -v b="$base" '$1 == b { print $2; exit }')
            if [ -z "$owner" ]; then
                echo "$rel: includes \"$name\", which no layer folder holds"
                bad=1
            elif [ "$(rank "$owner")" -gt "$lr" ]; then
                echo "$rel: includes \"$name\" of $owner/, a layer above $l/"
                bad=1
            fi
        done
        IFS=$old_ifs
    done
done
exit $bad
