#!/bin/sh
# test_partial.sh - partial matches are honest: passages holding every word
# come first; below -n, the best passages holding some words follow, each
# marked with the words it lacks (text and JSON); stderr says when no
# passage holds every word; --count counts whole matches only; --strict
# shows whole matches only.
# Usage: test_partial.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
DB=$T/z.db
"$Z" index -q --db "$DB" "$CORPUS" || notok "index the corpus"

# ---- some passages hold every word: they come first, partial ones after
check "a zone and a metric" 0 "$Z" query --db "$DB" --json -n 20 六盘水高新区 签约金额
python3 - "$T/out" <<'PY' && ok "  whole matches first, then partial ones naming what they lack" || notok "  order and marks"
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1])]
flags = [h["partial"] for h in hits]
assert flags and not flags[0] and any(flags), flags
assert flags == sorted(flags), flags          # no whole match after a partial one
for h in hits:
    if h["partial"]:
        assert h["lacks"] and set(h["lacks"]) <= {"六盘水高新区", "签约金额"}, h["lacks"]
        for w in h["lacks"]:
            assert w not in h["text"], (w, h["text"])
    else:
        assert h["lacks"] == [], h["lacks"]
print(flags.count(False), file=open(sys.argv[1] + ".whole", "w"))
PY
whole=$(cat "$T/out.whole")
hasnt "  no 'no passage holds every word' line" "$T/err" "no passage holds every word"
check "--count counts whole matches only" 0 "$Z" query --db "$DB" --count 六盘水高新区 签约金额
equals "  as many as the whole matches listed" "$(cat "$T/out")" "$whole"
check "--strict: whole matches only" 0 "$Z" query --db "$DB" --strict -n 20 六盘水高新区 签约金额
hasnt "  none marked partial" "$T/out" "partial match"
equals "  as many as --count" "$(grep -c '^[0-9]*\. ' "$T/out")" "$whole"
check "text output marks a partial hit with what it lacks" 0 "$Z" query --db "$DB" -n 20 六盘水高新区 签约金额
has "  (partial match, lacks: WORD)" "$T/out" "(partial match, lacks: 签约金额)"

# ---- no passage holds every word
fails "no passage holds every word: the partial matches, exit 0" 0 "no passage holds every word; the 3 shown hold only some" "$Z" query --db "$DB" -n 3 高新区 火星
has "  each names the word it lacks" "$T/out" "(partial match, lacks: 火星)"
check "  --count: 0, exit 1" 1 "$Z" query --db "$DB" --count 高新区 火星
equals "  prints 0" "$(cat "$T/out")" "0"
check "  --strict: nothing, exit 1" 1 "$Z" query --db "$DB" --strict 高新区 火星
equals "  prints nothing" "$(cat "$T/out")" ""
check "  JSON: partial and lacks" 0 "$Z" query --db "$DB" --json -n 3 高新区 火星
python3 - "$T/out" <<'PY' && ok "  every hit partial, lacking 火星" || notok "  JSON partial hits"
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1])]
assert len(hits) == 3 and all(h["partial"] and h["lacks"] == ["火星"] for h in hits), hits
PY
check "a partial hit holding more of the words ranks first among them" 0 \
    "$Z" query --db "$DB" --json -n 50 六盘水 签约 重卡
python3 - "$T/out" <<'PY' && ok "  fewer words lacked first" || notok "  partial order"
import json, sys
lacks = [len(json.loads(l)["lacks"]) for l in open(sys.argv[1])]
assert lacks == sorted(lacks), lacks
PY

finish
