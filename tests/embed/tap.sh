# tap.sh - TAP helpers for the shell tests of tests/embed (sourced, POSIX sh).
#
#   ok COND_STATUS "what"    one assertion: status 0 passes
#   contains "$got" "want" "what"
#   skip_all "reason"        the whole test cannot run here
#   done_testing             the plan; exits 1 if anything failed
tap_n=0
tap_failed=0

ok() {
    tap_n=$((tap_n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $tap_n - $2"
    else
        echo "not ok $tap_n - $2"
        tap_failed=$((tap_failed + 1))
    fi
}

# Show what was seen when a substring is missing.
contains() {
    case $1 in
    *"$2"*) ok 0 "$3" ;;
    *)
        ok 1 "$3"
        printf '%s\n' "#   want: ...$2..." "#   got:" 
        printf '%s\n' "$1" | head -n 5 | sed 's/^/#     /'
        ;;
    esac
}

skip_all() {
    echo "1..1"
    echo "ok 1 # SKIP $1"
    exit 0
}

done_testing() {
    echo "1..$tap_n"
    [ "$tap_failed" -eq 0 ]
    exit $?
}

# A scratch folder removed on exit.
scratch() {
    tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/zs-embed.XXXXXX") || exit 2
    trap 'rm -rf "$tap_tmp"' EXIT
}
