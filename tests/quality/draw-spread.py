#!/usr/bin/env python3
"""draw-spread.py - draw a spread metric set: one money or percent figure per article.

The rule of dev925-spread and dev926-spread (session 23): the pool is the sorted list of
realnews-dev files (REALNEWS/*.txt) named in column 1 of no QUALITY_DIR/*.tsv, shuffled with
random.Random(SEED). For each article in that order: split it as bench/quality does (line 1 the
title = passage 0; then paragraphs separated by blank lines, counted from 1), find every money or
percent figure by a regex (a number in ASCII or full-width digits, optionally 万亿/亿/万/千, then
元/美元/欧元/英镑/日元/港元, or %, ％, 个百分点), skip articles with none, and pick one of them
with the same generator. Articles SKIP+1 to SKIP+COUNT that print one are written to stdout as
rows to label: file, idx, key (the passage's first 15 characters, spaces removed), value, class.

dev925-spread: --seed 925 --skip 0 --count 160 with QUALITY_DIR at main 8a91948;
dev926-spread: --seed 925 --skip 160 --count 160, the same.
dev927-spread (session 24): --seed 927 --count 160 with QUALITY_DIR at main 927a59c.
dev930-spread (session 25): --seed 930 --count 160 with QUALITY_DIR at main 59934fa.
dev931-spread (session 31): --seed 931 --count 160 with QUALITY_DIR at main 5135a6a.
dev936-spread (session 37): --seed 936 --count 130 with QUALITY_DIR at main 81cfb3a;
dev937-spread, its held-out twin: --seed 936 --skip 130 --count 130, the same.
A value the regex cut (a middle dot as the decimal point, spaces inside a number) is
widened by its labeller, who says so.
"""
import argparse
import glob
import os
import random
import re
import sys

NUM = r'[0-9０-９][0-9０-９.．,，]*(?:万亿|亿|万|千)?'
FIGURE = re.compile(NUM + r'(?:(?:元|美元|欧元|英镑|日元|港元)|(?:%|％|个百分点))')


def passages(text):
    lines = text.split('\n')
    out, cur = [lines[0]], []
    for line in lines[1:]:
        if line.strip() == '':
            if cur:
                out.append('\n'.join(cur))
                cur = []
        else:
            cur.append(line)
    if cur:
        out.append('\n'.join(cur))
    return out


def labelled_files(tsvs):
    """The article names in column 1 of the label files tsvs (comments skipped).
    An --exclude file may list bare names, one a line: the line's end is no
    part of the name."""
    used = set()
    for f in tsvs:
        with open(f, encoding='utf-8') as fh:
            for line in fh:
                if line.strip() and not line.startswith('#'):
                    used.add(line.rstrip('\r\n').split('\t')[0])
    return used


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--realnews', default='/var/tmp/realnews-dev')
    ap.add_argument('--quality-dir', default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--skip', type=int, default=0)
    ap.add_argument('--count', type=int, default=160)
    a = ap.parse_args()
    used = labelled_files(glob.glob(os.path.join(a.quality_dir, '*.tsv')))
    pool = sorted(os.path.basename(p) for p in glob.glob(os.path.join(a.realnews, '*.txt'))
                  if os.path.basename(p) not in used)
    if not pool:
        sys.exit('draw-spread: no article in %s outside the sets' % a.realnews)
    rng = random.Random(a.seed)
    rng.shuffle(pool)
    drawn = 0
    for fn in pool:
        if drawn >= a.skip + a.count:
            break
        with open(os.path.join(a.realnews, fn), encoding='utf-8') as fh:
            ps = passages(fh.read())
        hits = [(i, m.group(0)) for i, p in enumerate(ps) for m in FIGURE.finditer(p)]
        if not hits:
            continue
        i, v = hits[rng.randrange(len(hits))]
        drawn += 1
        if drawn <= a.skip:
            continue
        cls = 'percent' if v.endswith(('%', '％', '个百分点')) else 'money'
        key = ps[i].replace(' ', '').replace('\u3000', '')[:15]
        print('%s\t%d\t%s\t%s\t%s' % (fn, i, key, v, cls))


if __name__ == '__main__':
    main()
