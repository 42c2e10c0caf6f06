# lib.sh - shared by the serve tests: a server on a free loopback port, and
# the TAP helpers of ../tap.sh. Source it after setting Z (zhaoshu), HERE
# (this folder) and T (a scratch folder).
. "$HERE/../tap.sh"

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
