#!/bin/sh
# python.sh - run python_ext.py with a Python whose sqlite3 can load
# extensions: Debian's /usr/bin/python3 first (pyenv builds often lack
# enable_load_extension), then python3 on PATH.
# Usage: python.sh ZHAOSHU_CLI ZHAOSHU_EXT_SO
. "$(dirname "$0")/../tap.sh"
cli=$1 ext=$2
py=
for p in /usr/bin/python3 "$(command -v python3)"; do
    [ -x "$p" ] || continue
    if "$p" -c 'import sqlite3, sys; sys.exit(not hasattr(sqlite3.Connection, "enable_load_extension"))' 2>/dev/null; then
        py=$p
        break
    fi
done
[ -n "$py" ] || skip_all "no python3 whose sqlite3 has enable_load_extension (apt install python3)"
scratch
"$cli" index --db "$tap_tmp/idx.db" -q "$ZS_CORPUS" || { echo "Bail out! indexing failed"; exit 1; }
"$py" "$(dirname "$0")/python_ext.py" "$tap_tmp/idx.db" "$ext" # not exec: the trap cleans up
