# tap.sh - the TAP helpers of the shell tests of zhaoshu (sourced, POSIX sh),
# as tap.h is for the C tests: one `ok N - what` line per assertion, the
# reasons of a failure as `#` comments, and the plan at the end.
#
#   ok DESC / notok DESC [WHY...]   one assertion passed / failed
#   assert STATUS DESC               one assertion: status 0 passes
#   check DESC EXPECTED_RC CMD...    runs CMD: stdout in $T/out, stderr in
#                                    $T/err, the exit code in $rc
#   fails DESC RC STRING CMD...      check, then: its stderr holds STRING (the
#                                    message a user reads on an error)
#   has DESC FILE STRING / hasnt     FILE holds STRING / does not
#   contains "$got" WANT DESC        the text got holds WANT
#   equals DESC GOT WANT
#   skip_all REASON                  the whole test cannot run here
#   scratch                          a scratch folder, $tap_tmp, removed on exit
#   finish                           the plan; false if anything failed
#   done_testing                     finish, and exit with its status
#
# The caller sets T (a scratch folder) before using check. Sourcing also
# makes output plain and forgets the user's default index, so that no test
# reads or writes it by mistake.
n=0
fails=0
export NO_COLOR=1 LC_ALL=C.UTF-8
unset ZHAOSHU_DB
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() {
    n=$((n + 1))
    fails=$((fails + 1))
    echo "not ok $n - $1"
    shift
    for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}
assert() {
    if [ "$1" -eq 0 ]; then ok "$2"; else notok "$2"; fi
}
check() {
    desc=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then ok "$desc (exit $rc)"; else notok "$desc" "exit $rc, want $want" "$(head -c 300 "$T/err")"; fi
}
fails() {
    desc=$1 want=$2 says=$3
    shift 3
    check "$desc" "$want" "$@"
    has "  says: $says" "$T/err" "$says"
}
has() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else notok "$1" "missing: $3" "$(head -c 400 "$2")"; fi
}
hasnt() {
    if grep -qF -- "$3" "$2"; then notok "$1" "unexpected: $3" "$(head -c 400 "$2")"; else ok "$1"; fi
}
contains() {
    case $1 in
    *"$2"*) ok "$3" ;;
    *) notok "$3" "want: ...$2..." "got:" "$(printf '%s\n' "$1" | head -n 5 | sed 's/^/  /')" ;;
    esac
}
equals() {
    if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "got:  $2" "want: $3"; fi
}
finish() {
    echo "1..$n"
    [ "$fails" -eq 0 ]
}
done_testing() {
    finish
    exit $?
}
skip_all() {
    echo "1..0 # SKIP $1"
    exit 0
}
scratch() {
    tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/zs-test.XXXXXX") || exit 2
    trap 'rm -rf "$tap_tmp"' EXIT
}
