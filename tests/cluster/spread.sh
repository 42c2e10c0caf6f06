# spread.sh - sourced by the cluster tests, after harness.sh: index the test
# documents (CORPUS and ARTICLES) from a folder whose path sends them to both
# of two shards, into the index file DB.
#
# Why: a document's shard is a hash of its absolute path, so the folder of
# the checkout decides the split, and about one folder in 128 puts all eight
# documents on one shard (a worktree did). The tests are about a two-node
# cluster, so they copy the documents under folder names tried in turn until
# the export splits them. The hash itself is tested by the stable-shard checks.
# The folders are spread-src0, spread-src1, ...: names no test writes a file
# to. CI's clone needed the second folder, docs1 then, and test_cluster's
# list of node 1's documents, $T/docs1, could not be written over it.
spread_docs() {
    k=0
    while [ $k -lt 32 ]; do
        DOCS=$T/spread-src$k
        mkdir -p "$DOCS/corpus" "$DOCS/articles" &&
            cp "$CORPUS"/* "$DOCS/corpus/" && cp "$ARTICLES"/* "$DOCS/articles/" || return 1
        "$Z" index --db "$DB" "$DOCS/corpus" "$DOCS/articles" >/dev/null 2>"$T/index.err" || return 1
        "$Z" export --db "$DB" --to sphinx "$T/spread" --shards 2 --base-port 19306 \
            >/dev/null 2>&1 || return 1
        if grep -q '<sphinx:document' "$T/spread/node1/passages.xml" &&
            grep -q '<sphinx:document' "$T/spread/node2/passages.xml"; then
            rm -rf "$T/spread"
            return 0
        fi
        rm -rf "$T/spread" "$DOCS" "$DB" "$DB"-*
        k=$((k + 1))
    done
    return 1
}
