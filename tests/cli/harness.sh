# harness.sh - the start of every CLI test script (sourced, not run): reads
# the arguments ZHAOSHU CORPUS_DIR into Z and CORPUS, makes T (a temporary
# folder removed on exit) and HOME inside it, and sources ../tap.sh (ok,
# notok, check, has, hasnt, equals, finish).
set -u
Z=$1
CORPUS=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../tap.sh"
# never the user's default index, even when a test goes wrong
export HOME="$T" XDG_DATA_HOME="$T/xdg"
