"""python_ext.py - Python's sqlite3 module loads the zhaoshu extension.

Usage: python3 python_ext.py INDEX_DB ZHAOSHU_EXT_SO   (prints TAP)

Checks, on an index built by the CLI: MATCH and ORDER BY rank through the
tokenizer, every stored figure of a passage marked by zs_highlight(),
zs_snippet() within its size, and errors raised as sqlite3 exceptions. Then,
on a table of its own (no `figures` table), that the tokenizer indexes new
text and zs_highlight() finds the figures again from the text.
"""
import re
import sqlite3
import sys

n = failed = 0


def ok(cond, what, got=None):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
    if not cond:
        failed += 1
        if got is not None:
            print("#   got:", repr(got))


if not hasattr(sqlite3.Connection, "enable_load_extension"):
    print("1..1\nok 1 # SKIP this Python's sqlite3 has no enable_load_extension")
    sys.exit(0)

db_path, ext = sys.argv[1], sys.argv[2]
ext = re.sub(r"\.so$", "", ext)

con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
con.enable_load_extension(True)
con.load_extension(ext)
con.enable_load_extension(False)
ok(True, "load_extension(%s) on a read-only connection" % ext.rsplit("/", 1)[-1])

rows = con.execute(
    "SELECT zs_highlight(fts, 0, '[', ']', '{', '}') FROM fts"
    " WHERE fts MATCH ? LIMIT 1", ("贵阳高新区",)).fetchall()
ok(len(rows) == 1 and "[贵阳高新区]" in rows[0][0],
   "MATCH '贵阳高新区' with zs_highlight()", rows)

best = con.execute(
    "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 3",
    ('"签约金额"',)).fetchall()
ok(len(best) == 2, "ORDER BY rank (bm25) over the zhaoshu tokens", best)

# Every figure the indexer stored for a passage is marked, whole.
missing = []
checked = 0
for rowid, marked in con.execute(
        "SELECT rowid, zs_highlight(fts, 0, '[', ']', '{', '}') FROM fts"
        " WHERE fts MATCH '亿元'"):
    plain = marked.replace("[", "").replace("]", "")
    for (text,) in con.execute(
            "SELECT text FROM figures WHERE passage_id = ?", (rowid,)):
        checked += 1
        if "{" + text + "}" not in plain:
            missing.append((rowid, text))
ok(checked > 20 and not missing,
   "zs_highlight() marks all %d stored figures of the hits" % checked, missing[:3])

for nchars in (40, 60, 120):
    over = []
    for (s,) in con.execute(
            "SELECT zs_snippet(fts, -1, '[', ']', '…', ?) FROM fts"
            " WHERE fts MATCH '\"高新区\"'", (nchars,)):
        core = s.replace("[", "").replace("]", "").replace("…", "")
        if len(core) > nchars or "[高新区]" not in s:
            over.append(s)
    ok(not over, "zs_snippet(nchars=%d): within size, match marked" % nchars, over[:2])

try:
    con.execute("SELECT zs_snippet(fts, 0, '[', ']', '…', 0) FROM fts"
                " WHERE fts MATCH '高新区'").fetchall()
    ok(False, "zs_snippet(nchars=0) raises")
except sqlite3.OperationalError as e:
    ok("nchars must be" in str(e), "zs_snippet(nchars=0) raises: %s" % e)
con.close()

# A table of one's own: the tokenizer writes, figures come from the text.
mem = sqlite3.connect(":memory:")
mem.enable_load_extension(True)
mem.load_extension(ext)
mem.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zhaoshu')")
mem.execute("INSERT INTO t VALUES (?)",
            ("园区去年实现營業收入135.34亿元，同比增长17.6%。新签约项目12个。",))
got = mem.execute("SELECT zs_highlight(t, 0, '[', ']', '{', '}') FROM t"
                  " WHERE t MATCH ?", ('"营业收入"',)).fetchall()
ok(got == [("园区去年实现[營業收入]{135.34亿元}，同比增长{17.6%}。新签约项目{12个}。",)],
   "own table: Traditional text found by a Simplified query, figures re-extracted",
   got)
got = mem.execute("SELECT zs_snippet(t, 0, '<', '>', '...', 12) FROM t"
                  " WHERE t MATCH '项目'").fetchall()
ok(got == [("...新签约<项目>12个。",)], "own table: snippet cut at 。", got)

print("1..%d" % n)
sys.exit(1 if failed else 0)
