# harness.sh - TAP helpers for the CLI test scripts (sourced, not run).
# Sets Z (the binary), CORPUS, T (a temporary folder removed on exit).
# check DESC EXPECTED_RC CMD... runs CMD with stdout in $T/out, stderr in $T/err.
set -u
Z=$1
CORPUS=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0
fails=0
export NO_COLOR=1 LC_ALL=C.UTF-8
unset ZHAOSHU_DB
# never the user's default index, even when a test goes wrong
export HOME="$T" XDG_DATA_HOME="$T/xdg"
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
check() {
    desc=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then ok "$desc (exit $rc)"; else notok "$desc" "exit $rc, want $want" "$(head -c 300 "$T/err")"; fi
}
has() { # has DESC FILE STRING
    if grep -qF -- "$3" "$2"; then ok "$1"; else notok "$1" "missing: $3" "$(head -c 400 "$2")"; fi
}
hasnt() {
    if grep -qF -- "$3" "$2"; then notok "$1" "unexpected: $3" "$(head -c 400 "$2")"; else ok "$1"; fi
}
equals() { # equals DESC GOT WANT
    if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "got:  $2" "want: $3"; fi
}
finish() {
    echo "1..$n"
    [ $fails -eq 0 ]
}
