#!/bin/sh
# test_api.sh - the JSON API of zhaoshu serve, over real HTTP with curl:
# schemas (the same objects as zhaoshu query/figures --json), filters,
# paging, status codes and error messages, limits, hostile text, 503 before
# an index exists, a clean stop on SIGTERM.
# Usage: test_api.sh ZHAOSHU CORPUS_DIR TESTS_SERVE_DIR   (TAP output)
set -u
Z=$1
CORPUS=$2
HERE=$3
. "$HERE/lib.sh"
command -v curl >/dev/null || { echo "1..0 # SKIP curl missing (scripts/deps installs it)"; exit 0; }

DB=$T/z.db
corpus_docs
# one article dated and sourced by its name (date= and source= below)
printf '高新区动态\n\n某某高新区十月新增企业12家。\n' >"$T/docs/rmrb_20191022-02-01.txt"
index_docs "$DB"
start_server a --db "$DB"
U=$URL_a
Q=六盘水高新区签约金额
QE=$(urlenc "$Q")

# ---- the page and its assets
get "$U"
equals "/ is served" "$code" 200
has "  as HTML" "$T/hdr" "Content-Type: text/html; charset=utf-8"
has "  with a Content-Security-Policy" "$T/hdr" "Content-Security-Policy: default-src 'none'; script-src 'self'"
has "  and nosniff" "$T/hdr" "X-Content-Type-Options: nosniff"
get "${U}app.js"
equals "/app.js is served" "$code" 200
has "  as JavaScript" "$T/hdr" "Content-Type: text/javascript"
get "${U}style.css"
equals "/style.css is served" "$code" 200
get "$U" -I
equals "HEAD / answers" "$code" 200
hasnt "  without a body" "$T/body" "<title>"

# ---- /api/search: the CLI's objects
get "${U}api/search?q=$QE&n=3"
equals "search answers 200" "$code" 200
has "  as JSON" "$T/hdr" "Content-Type: application/json; charset=utf-8"
has "  never cached" "$T/hdr" "Cache-Control: no-store"
equals "  total and window" "$(json '(d["total"] >= 1, d["n"], d["offset"], d["query"])')" "(True, 3, 0, '$Q')"
equals "  first hit holds 135.34亿元 as a figure highlight" \
    "$(json 'any(h["kind"] == "figure" and d["hits"][0]["text"].encode()[h["start"]:h["end"]].decode() == "135.34亿元" for h in d["hits"][0]["highlights"])')" True
"$Z" query --db "$DB" --json -n 3 "$Q" >"$T/cli.jsonl"
equals "  hits are the objects of zhaoshu query --json" \
    "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["hits"]; b=[json.loads(l) for l in open(sys.argv[2])]; print(a==b and len(a)>0)' "$T/body" "$T/cli.jsonl")" True
equals "  byte for byte" \
    "$(python3 -c 'import sys; a=open(sys.argv[1]).read(); print(all(l.rstrip("\n") in a for l in open(sys.argv[2])))' "$T/body" "$T/cli.jsonl")" True

get "${U}api/search?q=$QE&n=1&offset=1"
equals "offset=1 starts at rank 2" "$(json 'd["hits"][0]["rank"]')" 2
get "${U}api/search?q=$(urlenc 高新区)&park=$(urlenc 贵阳高新区)&n=50"
equals "park filter: every hit is about the zone" "$(json 'len(d["hits"]) > 0 and all("贵阳高新区" in h["park"] for h in d["hits"])')" True
get "${U}api/search?q=$(urlenc 高新区)&year=2023&n=50"
equals "year filter: every hit speaks of 2023" "$(json 'len(d["hits"]) > 0 and all(2023 in h["years"] for h in d["hits"])')" True
get "${U}api/search?figure=$(urlenc '>100亿元')&n=50"
equals "figure filter alone: every hit has a money figure over 100亿" \
    "$(json 'len(d["hits"]) > 0 and all(any(f["class"] == "money" and f["value"] > 1e10 for f in h["figures"]) for h in d["hits"])')" True
get "${U}api/search?q=$(urlenc qqqzzzxyzw)"
equals "no hits is 200 with an empty list" "$code:$(json 'd["total"], d["hits"]')" "200:(0, [])"

# ---- /api/figures and /api/parks
get "${U}api/figures?park=$(urlenc 六盘水高新区)&metric=$(urlenc 签约金额)"
equals "figures answers 200" "$code" 200
equals "  135.34亿元 is there, in conflict" \
    "$(json 'any(r["text"] == "135.34亿元" and r["conflict"] != "" for r in d["rows"])')" True
"$Z" figures --db "$DB" --json --park 六盘水高新区 --metric 签约金额 >"$T/cli.jsonl"
equals "  rows are the objects of zhaoshu figures --json" \
    "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["rows"]; b=[json.loads(l) for l in open(sys.argv[2])]; print(a==b and len(a)>0)' "$T/body" "$T/cli.jsonl")" True
get "${U}api/figures?conflicts=1"
equals "conflicts=1: only rows in a conflict" "$(json 'len(d["rows"]) > 0 and all(r["conflict"] for r in d["rows"])')" True
get "${U}api/figures?n=2"
equals "figures n=2: two rows, truncated" "$(json 'len(d["rows"]), d["truncated"], d["total"] > 2')" "(2, True, True)"
get "${U}api/figures?class=percent&n=5000"
equals "figures class=percent: percent rows only" "$code:$(json 'len(d["rows"]) > 0 and all(r["class"] == "percent" for r in d["rows"])')" "200:True"
get "${U}api/figures?class=pecrent"
equals "  an unknown class: 400 naming it" "$code:$(json '"pecrent" in d["error"]')" "400:True"
get "${U}api/parks"
equals "parks lists 六盘水高新区 with aliases" "$(json 'any(p["park"] == "六盘水高新区" and p["aliases"] and p["passages"] > 0 for p in d["parks"])')" True

# ---- /api/facets: counts that agree with the filters they stand for
get "${U}api/facets?q=$(urlenc 高新区)"
equals "facets answers 200 with every field counted" "$code:$(json '"park" in d["facets"] and "year" in d["facets"] and d["total"] > 0')" "200:True"
top=$(json 'd["facets"]["park"][0]["value"]')
topn=$(json 'd["facets"]["park"][0]["count"]')
equals "  zones most passages first" "$(json 'all(a["count"] >= b["count"] for a, b in zip(d["facets"]["park"], d["facets"]["park"][1:]))')" True
equals "  years in order" "$(json '[y["value"] for y in d["facets"]["year"]] == sorted(y["value"] for y in d["facets"]["year"])')" True
y=$(json 'd["facets"]["year"][-1]["value"]')
yn=$(json 'd["facets"]["year"][-1]["count"]')
get "${U}api/search?q=$(urlenc 高新区)&park=$(urlenc "$top")&n=1"
equals "  the top zone's count is what park=$top finds" "$(json 'd["total"]')" "$topn"
get "${U}api/search?q=$(urlenc 高新区)&year=$y&n=1"
equals "  year $y's count is what year=$y finds" "$(json 'd["total"]')" "$yn"
get "${U}api/facets?q=$(urlenc 高新区)"
mn=$(json '[m["count"] for m in d["facets"]["month"] if m["value"] == "2019-10"][0]')
sn=$(json '[m["count"] for m in d["facets"]["outlet"] if m["value"] == "人民日报"][0]')
get "${U}api/search?q=$(urlenc 高新区)&date=2019-10&n=1"
equals "  month 2019-10's count is what date=2019-10 finds" "$code:$(json 'd["total"]')" "200:$mn"
equals "  the hit is the dated article" "$(json 'd["hits"][0]["date"]')" "2019-10-22"
get "${U}api/search?q=$(urlenc 高新区)&source=$(urlenc 人民日报)&n=1"
equals "  outlet 人民日报's count is what source=人民日报 finds" "$code:$(json 'd["total"]')" "200:$sn"
get "${U}api/search?date=2019-10-22"
equals "  date= alone is a query" "$code:$(json 'd["total"]')" "200:2"
get "${U}api/search?q=$(urlenc 高新区)&date=2019-13"
equals "  a bad date: 400 naming the month" "$code:$(json '"month from 1 to 12" in d["error"]')" "400:True"
get "${U}api/figures?date=2019-10&source=$(urlenc 人民日报)"
equals "  figures take date= and source=" "$code:$(json 'all(r["date"] == "2019-10-22" for r in d["rows"]) and len(d["rows"]) > 0')" "200:True"
get "${U}api/facets?q=$(urlenc '"abc')"
equals "  a bad query: 400 as for search" "$code" 400

# ---- /api/doc: a document read in order, the passage and the figures marked
get "${U}api/search?q=$QE&n=1"
DOC=$(json 'd["hits"][0]["doc"]')
P=$(json 'd["hits"][0]["passage"]')
get "${U}api/doc?doc=$(urlenc "$DOC")&passage=$P&q=$QE"
equals "doc answers 200 with the whole document" "$code:$(json 'd["passages"] == len(d["hits"]) and d["passage"]')" "200:$P"
equals "  passages in order, numbered from 1" "$(json '[h["passage"] for h in d["hits"]] == list(range(1, d["passages"] + 1))')" True
equals "  passage $P holds 135.34亿元 marked as a figure" \
    "$(json 'any(s["kind"] == "figure" and h["text"].encode()[s["start"]:s["end"]].decode() == "135.34亿元" for h in d["hits"] if h["passage"] == '"$P"' for s in h["highlights"])')" True
equals "  and the query's words marked" "$(json 'any(s["kind"] == "match" for h in d["hits"] if h["passage"] == '"$P"' for s in h["highlights"])')" True
equals "  each passage whole" "$(json 'all(h["snippet"]["start"] == 0 and h["snippet"]["end"] == len(h["text"].encode()) for h in d["hits"])')" True
get "${U}api/doc?doc=$(urlenc "$DOC")&passage=$P&context=1"
equals "context=1: the passage and one each side" "$(json '[h["passage"] for h in d["hits"]]')" "[$((P - 1)), $P, $((P + 1))]"
get "${U}api/doc?doc=$(urlenc "$DOC")&passage=9999"
equals "a passage past the end: 404" "$code" 404
get "${U}api/doc?doc=/etc/passwd"
equals "a document not in the index: 404" "$code:$(json 'd["error"]')" "404:no document '/etc/passwd' in the index"
get "${U}api/doc?passage=1"
equals "no doc: 400" "$code" 400

# ---- errors: status, the library's message, where
get "${U}api/search?q=$(urlenc '"abc')"
equals "unbalanced quote: 400" "$code" 400
"$Z" query --db "$DB" '"abc' 2>"$T/cli.err"
equals "  the CLI's message" "$(json 'd["error"]')" "$(sed -n '1s/^zhaoshu: query: //p' "$T/cli.err")"
equals "  with its byte offset" "$(json 'd["offset"], d["status"]')" "(0, 400)"
get "${U}api/search?q=$(urlenc '高新区 "签约')"
equals "  offset of a later quote is in bytes" "$(json 'd["offset"]')" 10
get "${U}api/search?q=$(urlenc 高新区)&year=20x4"
equals "bad year: 400 naming the year" "$code:$(json '"20x4" in d["error"]')" "400:True"
get "${U}api/search"
equals "no query at all: 400" "$code:$(json 'd["error"]')" "400:no query: give q, park, year, figure, date or source"
get "${U}api/search?q=a&n=0"
equals "n=0: 400" "$code:$(json 'd["error"]')" "400:n takes a number from 1 to 100, not '0'"
get "${U}api/search?q=a&n=101"
equals "n=101: 400" "$code" 400
get "${U}api/search?q=a&n=x"
equals "n=x: 400" "$code" 400
get "${U}api/search?q=a&offset=995&n=10"
equals "a window past 1000: 400" "$code:$(json 'd["error"]')" "400:offset + n may be at most 1000: narrow the query instead"
get "${U}api/search?q=$QE&sort=score"
equals "sort=score: 200" "$code" 200
get "${U}api/search?q=$QE&sort=size"
equals "sort=size: 400 naming the orders there are" "$code:$(json 'd["error"].startswith("sort takes score")')" "400:True"
get "${U}api/search?q=a&colour=red"
equals "an unknown argument: 400" "$code:$(json 'd["error"]')" "400:unknown argument 'colour'"
get "${U}api/search?q=a&q=b"
equals "an argument twice: 400" "$code:$(json 'd["error"]')" "400:argument 'q' given twice"
get "${U}api/search?q=%zz"
equals "a bad percent escape: 400" "$code" 400
get "${U}api/search?q=%ff%fe"
equals "bytes that are not UTF-8: 400" "$code:$(json 'd["error"]')" "400:argument 'q' is not valid UTF-8"
get "${U}api/search?q=a%00b"
equals "a NUL: 400" "$code" 400
get "${U}api/search?q=$(python3 -c 'print("a"*9000)')"
equals "a URI over 8 KiB: 414" "$code" 414
get "${U}api/search?q=$(python3 -c 'print("高"*400)')"
equals "a query over the library's limit: 400 with its message" "$code:$(json '"1024" in d["error"]')" "400:True"
get "${U}api/figures?conflicts=maybe"
equals "conflicts=maybe: 400" "$code" 400
get "${U}api/nothing"
equals "an unknown API: 404" "$code" 404
get "${U}nothing.html"
equals "an unknown page: 404" "$code" 404
get "${U}../../etc/passwd" --path-as-is
equals "no file paths: /../../etc/passwd is 404" "$code" 404
hasnt "  and shows no file" "$T/body" "root:"
get "${U}%2e%2e/%2e%2e/etc/passwd"
equals "  nor escaped" "$code" 404
get "${U}api/parks" -X POST
equals "POST: 405" "$code" 405
has "  naming what is allowed" "$T/hdr" "Allow: GET, HEAD"
get "${U}api/parks" -X DELETE
equals "DELETE: 405" "$code" 405
get "${U}api/parks" -H 'Host: attacker.example'
equals "another Host (DNS rebinding): 403" "$code" 403
get "${U}api/parks" -H "Host: localhost:$(echo "$U" | sed "s,.*:,,; s,/,,")"
equals "Host localhost:PORT is served" "$code" 200
get "${U}api/parks" -H "X-Big: $(python3 -c 'print("x"*70000)')"
[ "$code" -ge 400 ] && [ "$code" -lt 500 ] && ok "headers over 64 KiB refused ($code)" || notok "headers over 64 KiB refused" "$code"

# ---- hostile text: JSON stays JSON
get "${U}api/search?q=$(urlenc 签约金额)&park=&n=100&year=&figure="
get "${U}api/search?q=onerror"
equals "hostile article found" "$code:$(json 'len(d["hits"]) > 0')" "200:True"
equals "  its text comes back as it was written (a JSON string)" \
    "$(json 'any("<img src=x onerror=alert(\"zs-xss-2\")>" in h["text"] for h in d["hits"])')" True
has "  served as JSON, not HTML" "$T/hdr" "Content-Type: application/json"

# ---- many clients at once
i=0
while [ $i -lt 24 ]; do
    curl -s -o /dev/null -w '%{http_code}\n' "${U}api/search?q=$QE&n=5" >>"$T/par" &
    i=$((i + 1))
done
wait_n=0
while [ "$(wc -l <"$T/par")" -lt 24 ] && [ $wait_n -lt 200 ]; do sleep 0.05; wait_n=$((wait_n + 1)); done
equals "24 requests at once: all 200" "$(sort -u "$T/par" | tr '\n' ' ')" "200 "

# ---- no index yet: 503, then served once it exists
start_server late --db "$T/late.db"
get "${URL_late}api/search?q=a"
equals "before the index exists: 503" "$code" 503
has "  saying how to build it" "$T/body" "zhaoshu index"
get "${URL_late}"
equals "  the page is still served" "$code" 200
"$Z" index --db "$T/late.db" "$CORPUS" >/dev/null 2>&1
get "${URL_late}api/search?q=$QE"
equals "  once built, the same server answers" "$code" 200

# ---- the time limit: a query past it is an error, never a cut answer
start_server slow --db "$DB" --timeout 1
get "${URL_slow}api/figures"
equals "--timeout 1: listing every figure (several ms) is 503" "$code" 503
has "  saying what to do" "$T/body" "took longer than the time limit of 1 ms"
kill "$PID_slow"
wait "$PID_slow"
PID_slow=

# ---- clean stop
kill -TERM "$PID_late"
i=0
while kill -0 "$PID_late" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
wait "$PID_late"
equals "SIGTERM: exits 0" "$?" 0
has "  saying so" "$T/late.err" "SIGTERM: stopping"
PID_late=
kill -INT "$PID_a"
wait "$PID_a"
equals "SIGINT: exits 0" "$?" 0
PID_a=

# ---- the command line
"$Z" serve --help >"$T/out" 2>&1
equals "zhaoshu serve --help exits 0" "$?" 0
has "  and teaches the API" "$T/out" "/api/search?q="
"$Z" serve --listen nowhere:x >"$T/out" 2>"$T/err"
equals "a bad --listen exits 2" "$?" 2
has "  saying what it takes" "$T/err" "--listen takes HOST:PORT"
"$Z" serve --bogus >"$T/out" 2>"$T/err"
equals "an unknown option exits 2" "$?" 2

finish
