#!/usr/bin/env python3
"""draw-zspread.py - draw a spread zone set: one passage from each of many articles.

The rule of dev928-zspread and dev929-zspread (session 24). Pool: the sorted realnews-dev files
(REALNEWS/*.txt) named in column 1 of no QUALITY_DIR/*.tsv and of no EXCLUDE file (the metric
spread set drawn in the same session), byte-identical copies dropped (first name kept), shuffled
with random.Random(SEED). For each article in that order: split it as bench/quality does (line 1
the title = passage 0; then paragraphs separated by blank lines, counted from 1); the passages that
print a zone-kind word (ZONE below) are its candidates; skip articles with none, and pick one
candidate with the same generator. Articles SKIP+1 to SKIP+COUNT are written as rows to label:
file, idx, key (the passage's first 15 characters, spaces removed).

dev928-zspread: --seed 928 --skip 0 --count 120 with QUALITY_DIR at main 927a59c and --exclude a
file listing dev927-spread's articles (column 1 of tests/quality/dev927-spread.tsv);
dev929-zspread: --seed 928 --skip 120 --count 120, the same (pool of 14,193 articles).
dev932-zspread and dev933-zspread (session 36): --seed 932 --skip 0 / --skip 120 --count 120 with
QUALITY_DIR at main 0693c94 and no --exclude (pool of 13,651 articles).
A new spread zone set takes a new seed at the current main (its sets' articles are left out).
"""
import argparse
import glob
import hashlib
import importlib.util
import os
import random
import re
import sys

ZONE = re.compile(r'高新区|经开区|开发区|新区|自贸|综合保税|保税区|保税港|综保区|工业园|产业园|科技园|'
                  r'科学城|科技城|园区|示范区|合作区|试验区|工业区|新城')


# The split and the set reading are draw-spread.py's (its file name is no module name).
_spec = importlib.util.spec_from_file_location(
    'draw_spread', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'draw-spread.py'))
_spread = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_spread)
passages = _spread.passages


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--realnews', default='/var/tmp/realnews-dev')
    ap.add_argument('--quality-dir', required=True)
    ap.add_argument('--exclude', action='append', default=[])
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--skip', type=int, default=0)
    ap.add_argument('--count', type=int, default=120)
    a = ap.parse_args()
    used = _spread.labelled_files(glob.glob(os.path.join(a.quality_dir, '*.tsv')) + a.exclude)
    seen, pool = set(), []
    for p in sorted(glob.glob(os.path.join(a.realnews, '*.txt'))):
        b = os.path.basename(p)
        h = hashlib.sha1(open(p, 'rb').read()).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        if b not in used:
            pool.append(b)
    rng = random.Random(a.seed)
    rng.shuffle(pool)
    n = 0
    for b in pool:
        with open(os.path.join(a.realnews, b), encoding='utf-8') as fh:
            ps = passages(fh.read())
        cand = [i for i, t in enumerate(ps) if ZONE.search(t)]
        if not cand:
            continue
        i = rng.choice(cand)
        n += 1
        if n <= a.skip:
            continue
        key = re.sub(r'\s', '', ps[i])[:15]
        print('%s\t%d\t%s' % (b, i, key))
        if n >= a.skip + a.count:
            break
    print('pool %d articles' % len(pool), file=sys.stderr)


main()
