# lib.sh - shared by the serve tests: a scratch folder T removed at exit,
# the corpus indexed there, servers on free loopback ports stopped at exit,
# and the TAP helpers of ../tap.sh. Source it after setting Z (zhaoshu),
# CORPUS (the corpus folder) and HERE (this folder).
. "$HERE/../tap.sh"
T=$(mktemp -d)
SERVERS=
cleanup() {
    for name in $SERVERS; do
        eval "p=\${PID_$name:-}"
        [ -n "$p" ] && kill "$p" 2>/dev/null
    done
    rm -rf "$T"
}
trap cleanup EXIT

# corpus_docs: the corpus and the hostile article in $T/docs (add more
# before index_docs).
corpus_docs() {
    mkdir -p "$T/docs"
    cp "$CORPUS"/*.txt "$HERE/hostile.txt" "$T/docs/"
}

# index_docs DB: index $T/docs into DB, or bail out.
index_docs() {
    "$Z" index --db "$1" "$T/docs" >/dev/null 2>"$T/index.err" ||
        { echo "Bail out! index: $(cat "$T/index.err")"; exit 1; }
}

# start_server NAME ARGS...: runs zhaoshu serve on port 0 and sets URL_NAME
# (the URL it printed) and PID_NAME (stopped at exit unless
# the test empties it). Fails the test run if it does not start.
start_server() {
    name=$1
    shift
    "$Z" serve --listen 127.0.0.1:0 "$@" >"$T/$name.out" 2>"$T/$name.err" &
    eval "PID_$name=$!"
    SERVERS="$SERVERS $name"
    i=0
    while [ $i -lt 100 ]; do
        u=$(sed -n 's/^zhaoshu: serving .* at \(http:[^ ]*\)$/\1/p' "$T/$name.out")
        if [ -n "$u" ]; then
            eval "URL_$name=\$u"
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    echo "Bail out! zhaoshu serve did not start: $(cat "$T/$name.err")"
    exit 1
}

# get URL [CURL ARGS...]: body in $T/body, headers in $T/hdr, status in $code
get() {
    u=$1
    shift
    code=$(curl -s -g -o "$T/body" -D "$T/hdr" -w '%{http_code}' "$@" "$u")
}

# json EXPR: evaluate a Python expression over d = the JSON in $T/body
json() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
        "$T/body" "$1" 2>&1
}

# urlenc TEXT: percent-encoded for a query string
urlenc() {
    python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}
