#!/bin/sh
# test_browser.sh - the page of zhaoshu serve in a real browser: Debian's
# chromium, headless, loads the page with its state in the URL, runs its
# JavaScript against the API, and the rendered DOM is checked: the figure
# 135.34亿元 highlighted with its path:passage, the reader with the passage in
# view, the figures view of 六盘水高新区 签约金额 with the conflict marked, and
# hostile markup in an article staying text. Screenshots of the search page,
# the figures view and the hostile hit are kept in the build folder
# (tests/serve/artifacts/) to be looked at.
# Usage: test_browser.sh ZHAOSHU CORPUS_DIR TESTS_SERVE_DIR ARTIFACT_DIR   (TAP output)
set -u
Z=$1
CORPUS=$2
HERE=$3
ART=$4
. "$HERE/lib.sh"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "1..0 # SKIP chromium is not installed (scripts/deps installs it)"
    exit 0
fi
mkdir -p "$ART"
corpus_docs
index_docs "$T/z.db"
start_server b --db "$T/z.db"
U=$URL_b
DOC=$T/docs/000_24cf386f7f29c2e5.txt

# browse OUT URL [--screenshot=FILE]: the DOM after the page's scripts ran
browse() {
    out=$1 url=$2
    shift 2
    profile=$(mktemp -d "$T/profile.XXXXXX")
    # The page renders client-side from the API: virtual time lets its
    # fetches finish before the DOM is dumped.
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-dev-shm-usage --user-data-dir="$profile" --virtual-time-budget=5000 \
        --window-size=1280,900 "$@" "$url" >"$out" 2>"$out.err"
}
dom() { browse "$T/dom.html" "$1" --dump-dom; }
shot() { browse "$T/shot.out" "$1" --screenshot="$ART/$2" && [ -s "$ART/$2" ]; }

# ---- search: the figure highlighted, its source named
dom "$U?q=$(urlenc 六盘水高新区签约金额)"
has "search page rendered its hits" "$T/dom.html" 'data-state="done"'
has "  135.34亿元 highlighted as a figure" "$T/dom.html" '<mark class="fig">135.34亿元</mark>'
has "  the query's words highlighted" "$T/dom.html" '<mark class="hit">签约金额</mark>'
# Its source as the API gives it: path:line where the index knows lines,
# else path:passage (passage 13 of corpus/000).
get "${U}api/search?q=$(urlenc 六盘水高新区签约金额)"
LOC=$(json 'next((h.get("path") or h["doc"]) + ":" + str(h.get("line") or h["passage"]) for h in d["hits"] if "135.34亿元" in h["text"])')
case $LOC in "$DOC:"* | *"/000_24cf386f7f29c2e5.txt:"*) ok "the API names the hit's source ($LOC)" ;; *) notok "the API names the hit's source" "$LOC" ;; esac
python3 - "$T/dom.html" "$LOC" >"$T/py.out" 2>&1 <<'PY'
import html, re, sys
d = open(sys.argv[1]).read()
# the hit that shows 135.34亿元 shows that source
for li in re.findall(r'<li class="hit".*?</li>', d, re.S):
    if '135.34亿元</mark>' in li:
        print('shown' if '>' + html.escape(sys.argv[2], quote=False) + '</span>' in li else 'missing')
        break
PY
equals "  the hit holding it shows that path:line" "$(cat "$T/py.out")" "shown"
ms=$(sed -n 's/.*data-ms="\([0-9]*\)".*/\1/p' "$T/dom.html" | head -1)
echo "# time from the page's request to its first results: ${ms:-?} ms (browser clock, virtual time)"
shot "$U?q=$(urlenc 六盘水高新区签约金额)" search.png && ok "screenshot: $ART/search.png" || notok "screenshot of the search page" "$(tail -3 "$T/shot.out.err")"

# ---- the reader: the article with the passage in view
dom "$U?view=doc&doc=$(urlenc "$DOC")&passage=13&q=$(urlenc 签约金额)"
has "reader shows passage 13, marked as the focus" "$T/dom.html" '<p id="p-13" class="body focus">'
python3 - "$T/dom.html" >"$T/py.out" 2>&1 <<'PY'
import re, sys
d = open(sys.argv[1]).read()
m = re.search(r'<p id="p-13" class="body focus">(.*?)</p>', d, re.S)
print(bool(m) and '<mark class="fig">135.34亿元</mark>' in m.group(1) and '<mark class="hit">签约金额</mark>' in m.group(1))
PY
equals "  with the figure and the query's words marked in it" "$(cat "$T/py.out")" True
has "  and the rest of the article around it" "$T/dom.html" '<p id="p-12"'

# ---- figures view: table and timeline, the conflict marked
dom "$U?view=figures&park=$(urlenc 六盘水高新区)&metric=$(urlenc 签约金额)"
python3 - "$T/dom.html" >"$T/py.out" 2>&1 <<'PY'
import re, sys
d = open(sys.argv[1]).read()
rows = re.findall(r'<tr class="conflict">(.*?)</tr>', d, re.S)
print(len(rows),
      any('135.34亿元' in r and '<td class="mark"' in r and '>!</td>' in r for r in rows),
      any('突破1353.4亿元' in r for r in rows),
      len(re.findall(r'<circle[^>]*class="conflict"', d)))
PY
equals "figures view: both 签约金额 rows in conflict, marked !, two red points" "$(cat "$T/py.out")" "2 True True 2"
has "  the conflict says why" "$T/dom.html" "likely a misprint"
has "  points link to their passages" "$T/dom.html" "view=doc&amp;doc="
shot "$U?view=figures&park=$(urlenc 六盘水高新区)&metric=$(urlenc 签约金额)" figures.png && ok "screenshot: $ART/figures.png" || notok "screenshot of the figures view"

# ---- hostile text stays text
dom "$U?q=onerror"
has "hostile article found" "$T/dom.html" 'data-state="done"'
has "  <script> shown as text" "$T/dom.html" '&lt;script&gt;alert("zs-xss-1")&lt;/script&gt;'
has "  \"><img onerror=…> shown as text" "$T/dom.html" '"&gt;&lt;img src=x <mark class="hit">onerror</mark>=alert("zs-xss-2")&gt;'
hasnt "  no <img> element was made" "$T/dom.html" "<img"
hasnt "  no script from the article in the DOM" "$T/dom.html" "<script>alert"
dom "$U?q=$(urlenc 营业收入)&park=$(urlenc '"><img src=x onerror=alert(3)>')"
hasnt "hostile text in the URL's state stays text too" "$T/dom.html" "<img"
shot "$U?q=onerror" hostile.png && ok "screenshot: $ART/hostile.png" || notok "screenshot of the hostile hit"

finish
