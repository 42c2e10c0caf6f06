# harness.sh - the start of every CLI test script (sourced, not run): reads
# the arguments ZHAOSHU CORPUS_DIR into Z and CORPUS, makes T (a temporary
# folder removed on exit) and HOME inside it, and sources ../tap.sh (ok,
# notok, check, has, hasnt, equals, finish), and the helpers below.
set -u
Z=$1
CORPUS=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../tap.sh"
# never the user's default index, even when a test goes wrong
export HOME="$T" XDG_DATA_HOME="$T/xdg"

# corpus_copies N DIR: N copies of every corpus file in DIR, copy i with
# 贵阳 spelled 贵阳i, so that no two copies share a passage (a big input
# for kill -9 tests without repeats to merge)
corpus_copies() {
    mkdir -p "$2"
    i=0
    while [ $i -lt "$1" ]; do
        for f in "$CORPUS"/*.txt; do sed "s/贵阳/贵阳$i/" "$f" >"$2/$i-$(basename "$f")"; done
        i=$((i + 1))
    done
}

# serve_until_listening OUT ARGS...: run zhaoshu ARGS (a serve command) with
# stdout and stderr in OUT, wait for its "serving" line, then stop it
serve_until_listening() {
    out=$1
    shift
    # emptied here, not only by the redirection below: that runs in the
    # background child, and a loaded machine may let the loop read an earlier
    # run's "serving" line from OUT before the child has truncated it
    : >"$out"
    "$Z" "$@" >"$out" 2>&1 &
    pid=$!
    k=0
    while [ $k -lt 100 ] && ! grep -q "serving" "$out" 2>/dev/null; do
        sleep 0.1
        k=$((k + 1))
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}
