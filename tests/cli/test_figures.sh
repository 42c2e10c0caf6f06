#!/bin/sh
# test_figures.sh - `zhaoshu figures` on long articles dense with figures
# finishes (the growth-rate check was cubic: 208 KB took over 300 s), and
# its checks still hold there. A hang guard, not a speed test: speed is
# bench/figures. Usage: test_figures.sh ZHAOSHU CORPUS_DIR GEN_FIGURES
. "$(dirname "$0")/harness.sh"
GEN=$3

"$GEN" --kb 200 >"$T/para.txt"
"$GEN" --kb 200 --one-line >"$T/line.txt"
equals "a 200 KB article" "$(( $(wc -c <"$T/line.txt") >= 200000 ))" "1"
check "index it as paragraphs" 0 "$Z" index -q --db "$T/p.db" "$T/para.txt"
check "and as one line (one passage)" 0 "$Z" index -q --db "$T/l.db" "$T/line.txt"
for db in p l; do
    check "figures ($db) within 60 s" 0 timeout 60 "$Z" figures --db "$T/$db.db" --json
    python3 - "$T/out" <<'PY' && ok "  thousands of rows, 年均 rates checked" || notok "  rows and checks" "$(head -c 300 "$T/out")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) > 3000, len(rows)
rates = [r for r in rows if "年均" in r["metric"] and r["text"].endswith("%")]
assert rates and all(r["check"] for r in rates), len(rates)
PY
done
check "figures --conflicts (paragraphs: misprint-like ratios between them) within 60 s" 0 \
    timeout 60 "$Z" figures --db "$T/p.db" --conflicts --csv
check "figures --conflicts (one passage: none within itself) within 60 s" 1 \
    timeout 60 "$Z" figures --db "$T/l.db" --conflicts --csv
# The paragraphs state a rate that fits their endpoints, or one 2.5 points
# off: every check says which, and some of each.
check "figures 年均 of the paragraphs" 0 timeout 60 "$Z" figures --db "$T/p.db" --json 年均
python3 - "$T/out" <<'PY' && ok "  consistent and mismatched rates both found, each recomputed in its passage" || notok "  rate checks" "$(head -c 300 "$T/out")"
import json, re, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
rates = [r for r in rows if "年均" in r["metric"] and r["text"].endswith("%")]
bad = [r for r in rates if r["check_failed"]]
assert 0 < len(bad) < len(rates), (len(bad), len(rates))
for r in rates:
    a, ya, b, yb = re.match(r"\w+: ([\d.]+)\D+ \((\d+)\) -> ([\d.]+)\D+ \((\d+)\)", r["check"]).groups()
    assert a in r["context"] and b in r["context"], (r["check"], r["context"])
PY

finish
