#!/bin/sh
# test_formats.sh - text, JSON and CSV say the same thing: for one query and
# one figures listing, each hit's and row's path, line, date, outlet, page,
# value and other places read from every output agree (issue 19: outputs
# stay in step). On corpus/ plus dated articles written here, one printed
# in two papers.
# Usage: test_formats.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/harness.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 missing"; exit 0; }
Z=$(cd "$(dirname "$Z")" && pwd)/$(basename "$Z")
DB=$T/z.db
N=$T/news
mkdir -p "$N"
cp "$CORPUS"/*.txt "$N/"
LEAD='本报北京1月7日电 示范区今年签约项目42个，签约金额达到386.5亿元，比上年增长一成。'
printf '示范区开局良好\n\n%s\n\n高新区新签约项目投资额达到12.5亿元。\n' "$LEAD" >"$N/rmrb_20200108-01-03.txt"
printf '经济新闻\n\n%s\n' "$LEAD" >"$N/jjrb_20200109-02-05.txt"
check "index" 0 "$Z" index --db "$DB" "$N"
cd "$T" || exit 2 # paths shown relative to here: news/...

check "query text" 0 "$Z" query --db "$DB" --color never -n 30 签约
cp "$T/out" "$T/q.txt"
check "query --json" 0 "$Z" query --db "$DB" --json -n 30 签约
cp "$T/out" "$T/q.json"
check "query --vimgrep" 0 "$Z" query --db "$DB" --vimgrep -n 30 签约
cp "$T/out" "$T/q.vim"
check "figures text" 0 "$Z" figures --db "$DB" 签约
cp "$T/out" "$T/f.txt"
check "figures --json" 0 "$Z" figures --db "$DB" --json 签约
cp "$T/out" "$T/f.json"
check "figures --csv" 0 "$Z" figures --db "$DB" --csv 签约
cp "$T/out" "$T/f.csv"

# the checks continue the shell's TAP numbering and print the plan
python3 - "$T" "$n" "$fails" <<'PY'
import csv, json, re, sys
T = sys.argv[1]
n = int(sys.argv[2])
bad = int(sys.argv[3])
def ok(cond, desc, *diag):
    global n, bad
    n += 1
    print(("ok" if cond else "not ok") + f" {n} - {desc}")
    if not cond:
        bad += 1
        for d in diag:
            print(f"#   {d}")

def meta(p):
    """' 2020-01-08 人民日报 p.1' as the text output writes a place's document."""
    s = (" " + p["date"]) if p["date"] else ""
    s += (" " + p["source"]) if p["source"] else ""
    s += f" p.{p['page']}" if p["page"] else ""
    return s

def also(h):
    """The text's '(also in ...)' for the places in other articles."""
    other = [a for a in h["also_in"] if a["path"] != h["path"]]
    if not other:
        return None
    docs = len({a["path"] for a in other})
    body = "; ".join(f"{a['path']}:{a['line']}{meta(a)}" for a in other)
    return f"(also in {docs} other article{'s' if docs > 1 else ''}: {body})"

# ---- query: text headers and their (also in ...) against JSON, and --vimgrep
hits = [json.loads(l) for l in open(f"{T}/q.json")]
text = open(f"{T}/q.txt").read().split("\n\n")
text = [b for b in text if b.strip()]
vim = [l for l in open(f"{T}/q.vim").read().split("\n") if l]
ok(len(hits) == len(text) == len(vim) and len(hits) >= 5,
   f"query: as many hits in text, JSON and --vimgrep ({len(text)}, {len(hits)}, {len(vim)})")
dated = also_n = 0
for i, (h, b, v) in enumerate(zip(hits, text, vim)):
    head = b.split("\n")[0]
    want = f"{i + 1}. {h['path']}:{h['line']}" + (" " + meta(h) if meta(h) else "")
    ok(head.startswith(want.rstrip() + " ") or head == want.rstrip(),
       f"query hit {i + 1}: text header = JSON path:line, date, outlet, page", f"text: {head}",
       f"json: {want}")
    ok(v.startswith(f"{h['path']}:{h['line']}:{h['column']}:"),
       f"query hit {i + 1}: --vimgrep path:line:column = JSON", f"vim: {v[:80]}")
    a = also(h)
    if a:
        also_n += 1
        ok(a in b, f"query hit {i + 1}: text (also in ...) = JSON also_in", f"want: {a}",
           f"text: {b[-300:]}")
    dated += bool(h["date"])
ok(dated >= 1 and also_n >= 1, f"query: the hits include dated ones ({dated}) and repeats ({also_n})")

# ---- figures: text rows, CSV and JSON
rows = [json.loads(l) for l in open(f"{T}/f.json")]
with open(f"{T}/f.csv", newline="") as f:
    cs = list(csv.DictReader(f))
tx = [l for l in open(f"{T}/f.txt").read().split("\n") if l and not l.startswith("    ")]  # rows, not their notes
ok(len(rows) == len(cs) == len(tx) and len(rows) >= 5,
   f"figures: as many rows in text, CSV and JSON ({len(tx)}, {len(cs)}, {len(rows)})")
for i, (r, c, t) in enumerate(zip(rows, cs, tx)):
    same = (c["path"] == r["path"] and c["line"] == str(r["line"]) and c["date"] == r["date"]
            and c["outlet"] == r["source"] and c["page"] == (str(r["page"]) if r["page"] else "")
            and c["figure"] == r["text"] and float(c["value"]) == float(r["value"])
            and c["metric"] == r["metric"])
    ok(same, f"figure row {i + 1}: CSV = JSON (path, line, date, outlet, page, figure, value, metric)",
       f"csv: {dict(c)}", f"json: {r['path']} {r['line']} {r['date']} {r['source']} {r['page']} {r['text']} {r['value']}")
    when = " ".join(x for x in (r["date"] or "-", r["source"]) if x)
    ok(f"{r['path']}:{r['line']}" in t and f" {when} " in t and r["text"] in t,
       f"figure row {i + 1}: text row = JSON (path:line, date outlet, figure)", f"text: {t}",
       f"json: {r['path']}:{r['line']} {when} {r['text']}")
    ca = [x for x in c["also_in"].split("; ") if x]
    ja = [f"{a['path']}:{a['line']}{meta(a)}" for a in r["also_in"]]
    ok(ca == ja, f"figure row {i + 1}: CSV also_in = JSON also_in", f"csv: {ca}", f"json: {ja}")
print(f"1..{n}")
sys.exit(1 if bad else 0)
PY
