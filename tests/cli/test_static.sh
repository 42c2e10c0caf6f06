#!/bin/sh
# test_static.sh - a static_cli build is one static executable: no program
# interpreter, so a query process maps and links no shared library at its
# start (libc and libm cost ~40 page faults of a query's ~170; issue 16),
# and what glibc once did through loaded modules still works: a host name
# (libmariadb's getaddrinfo, for --engine) is resolved.
# Usage: test_static.sh ZHAOSHU CORPUS_DIR STATIC_CLI(true|false)   (TAP output)
. "$(dirname "$0")/harness.sh"

[ "$3" = true ] || skip_all "static_cli is off: the command links shared libraries"
command -v readelf >/dev/null 2>&1 || skip_all "no readelf to read the program headers with"

readelf -l "$Z" >"$T/phdrs" 2>&1
assert $? "readelf reads the command's program headers"
hasnt "no program interpreter (no dynamic loader at start)" "$T/phdrs" "INTERP"
readelf -d "$Z" >"$T/dyn" 2>&1
hasnt "no shared library needed" "$T/dyn" "NEEDED"

check "index the corpus" 0 "$Z" index -q --db "$T/s.db" "$CORPUS"
check "a query answers" 0 "$Z" query --db "$T/s.db" 企业
# Nothing listens on port 1: the name resolves, the connection is refused.
fails "an engine on localhost is looked up, then not reached" 2 "cannot reach the cluster" \
    "$Z" query --engine sphinxql://localhost:1/zhaoshu 企业
hasnt "  localhost was resolved" "$T/err" "Unknown server host"

done_testing
