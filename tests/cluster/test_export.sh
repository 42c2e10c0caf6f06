#!/bin/sh
# test_export.sh - `zhaoshu export --to sphinx` without Sphinx: the files of
# every node, their counts against the index, well-formed XML, a stable
# shard for each document, and the errors of the command line.
# Usage: test_export.sh ZHAOSHU CORPUS_DIR   (TAP output)
. "$(dirname "$0")/../cli/harness.sh"
DB=$T/z.db
docs() { grep -o '<sphinx:document id=' "$1" | wc -l; }

ARTICLES=$(dirname "$0")/articles # small articles of our own: Traditional, full-width
. "$(dirname "$0")/spread.sh"
spread_docs || { echo "Bail out! no folder of 32 split the documents over 2 shards"; exit 1; }
passages=$(sed -n 's/.*, \([0-9]*\) passages.*/\1/p' "$T/index.err")
figures=$(sed -n 's/.*passages[^,]*, \([0-9]*\) figures.*/\1/p' "$T/index.err")

check "export corpus/ to 2 shards" 0 "$Z" export --db "$DB" --to sphinx "$T/x" --shards 2 --base-port 19306
has "  summary counts the passages" "$T/err" "exported 8 documents, $passages passages, $figures figures to 2 shards"
equals "  nothing on stdout" "$(wc -c <"$T/out")" "0"
for k in 1 2; do
    for f in sphinx.conf passages.xml figures.xml; do
        [ -s "$T/x/node$k/$f" ] && ok "  node$k/$f written" || notok "  node$k/$f written"
    done
done
equals "  every passage on one shard" "$(($(docs "$T/x/node1/passages.xml") + $(docs "$T/x/node2/passages.xml")))" "$passages"
equals "  every figure on one shard" "$(($(docs "$T/x/node1/figures.xml") + $(docs "$T/x/node2/figures.xml")))" "$figures"
[ "$(docs "$T/x/node1/passages.xml")" -gt 0 ] && [ "$(docs "$T/x/node2/passages.xml")" -gt 0 ] &&
    ok "  both shards hold passages" || notok "  both shards hold passages"
ls "$T/x/node1" | grep -q '\.tmp$' && notok "  no .tmp left behind" || ok "  no .tmp left behind"
for f in "$T"/x/node*/*.xml; do
    if python3 -c 'import sys, xml.parsers.expat as e; e.ParserCreate().ParseFile(open(sys.argv[1], "rb"))' "$f" 2>"$T/xml.err"; then
        ok "  ${f#"$T"/x/} is well-formed XML"
    else
        notok "  ${f#"$T"/x/} is well-formed XML" "$(head -c 300 "$T/xml.err")"
    fi
done
has "node 1 serves SphinxQL on the base port" "$T/x/node1/sphinx.conf" "listen = 127.0.0.1:19306:mysql41"
has "node 2 on the next port" "$T/x/node2/sphinx.conf" "listen = 127.0.0.1:19307:mysql41"
has "node 1's distributed index has node 2 as an agent" "$T/x/node1/sphinx.conf" "agent = 127.0.0.1:19309:zhaoshu_2"
has "  and the figures' one" "$T/x/node1/sphinx.conf" "agent = 127.0.0.1:19309:zhaoshu_figures_2"
grep -q "type = distributed" "$T/x/node2/sphinx.conf" && notok "node 2 has no distributed index" || ok "node 2 has no distributed index"
has "one-character n-grams" "$T/x/node1/sphinx.conf" "ngram_len = 1"
grep -h '<text>貴陽高新區氫能' "$T"/x/node*/passages.xml >"$T/trad"
[ -s "$T/trad" ] && ok "the Traditional passage's text exported as printed" || notok "the Traditional passage's text exported as printed"
has "  its full-text field folded to Simplified, one token per character" "$T/trad" "<body>贵 阳 高 新 区 氢 能 产 业 园"
has "  full-width digits folded" "$T/trad" "12 个"
grep -h '<body>' "$T"/x/node*/passages.xml | sed 's/<text>.*//' | grep -q '[貴陽區氫]' &&
    notok "no Traditional character in any full-text field" || ok "no Traditional character in any full-text field"

cp -r "$T/x" "$T/x0"
check "re-export into the same folder" 0 "$Z" export --db "$DB" --to sphinx "$T/x" --shards 2 --base-port 19306
if diff -r "$T/x0" "$T/x" >/dev/null; then ok "  same files: each document on the same shard"; else notok "  same files"; fi
check "export with a host per node" 0 "$Z" export --db "$DB" --to sphinx "$T/h" --shards 2 --base-port 19306 --hosts 10.0.0.1,10.0.0.2
has "  node 2 listens on its host" "$T/h/node2/sphinx.conf" "listen = 10.0.0.2:19307:mysql41"
has "  node 1 reaches node 2 there" "$T/h/node1/sphinx.conf" "agent = 10.0.0.2:19309:zhaoshu_2"

check "--shards missing" 2 "$Z" export --db "$DB" --to sphinx "$T/y" --base-port 19306
has "  says what is required" "$T/err" "--shards N and --base-port P are required"
check "--to elsewhere" 2 "$Z" export --db "$DB" --to solr "$T/y" --shards 2 --base-port 19306
has "  names the targets" "$T/err" "--to takes sphinx"
check "--shards 0" 2 "$Z" export --db "$DB" --to sphinx "$T/y" --shards 0 --base-port 19306
has "  gives the range" "$T/err" "--shards takes a number from 1 to 64"
check "--hosts of the wrong count" 2 "$Z" export --db "$DB" --to sphinx "$T/y" --shards 3 --base-port 19306 --hosts a,b
has "  says one per node" "$T/err" "give one per node"
check "ports past 65535" 2 "$Z" export --db "$DB" --to sphinx "$T/y" --shards 4 --base-port 65530
has "  says why" "$T/err" "leaves no room"
check "no index" 2 "$Z" export --db "$T/none.db" --to sphinx "$T/y" --shards 2 --base-port 19306
has "  names the missing index" "$T/err" "no index at"
mkdir -p "$T/ro" && touch "$T/ro/node1" # a file where a folder must go
check "unwritable folder" 2 "$Z" export --db "$DB" --to sphinx "$T/ro" --shards 1 --base-port 19306
has "  names the path" "$T/err" "$T/ro/node1"
check "--help" 0 "$Z" export --help
has "  teaches the next steps" "$T/out" "indexer --config DIR/nodeK/sphinx.conf --all"

finish
