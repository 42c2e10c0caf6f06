# lib.sh - shared by the serve tests: TAP helpers and a server on a free
# loopback port. Source it after setting Z (zhaoshu) and T (a scratch folder).
n=0
fails=0
export NO_COLOR=1 LC_ALL=C.UTF-8
unset ZHAOSHU_DB
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
equals() { # equals DESC GOT WANT
    if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "got:  $2" "want: $3"; fi
}
has() { # has DESC FILE STRING
    if grep -qF -- "$3" "$2"; then ok "$1"; else notok "$1" "missing: $3" "$(head -c 400 "$2")"; fi
}
hasnt() {
    if grep -qF -- "$3" "$2"; then notok "$1" "unexpected: $3"; else ok "$1"; fi
}

# start_server NAME ARGS...: runs zhaoshu serve on port 0 and sets URL_NAME
# (the URL it printed) and PID_NAME. Fails the test run if it does not start.
start_server() {
    name=$1
    shift
    "$Z" serve --listen 127.0.0.1:0 "$@" >"$T/$name.out" 2>"$T/$name.err" &
    eval "PID_$name=$!"
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
