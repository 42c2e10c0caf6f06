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
dev938-zspread and dev939-zspread (session 38): --seed 938 --skip 0 / --skip 120 --count 120 with
QUALITY_DIR at main c65736b and no --exclude (pool of 13,104 articles, of which only 198 print a
zone-kind word: dev939 has 78). With --bare that pool held no article at all (dev934/dev935 took all 58).
A new spread zone set takes a new seed at the current main (its sets' articles are left out).

--bare keeps, as an article's candidates, only the passages that print a kind word of a development
zone (BARE_WORD, the longest at its place: 经济技术开发区 before 开发区, 工业园区 before 园区) and whose
every such word stands alone (a bare reference, which names no zone): it starts the passage or
follows punctuation, one of the characters of STANDS_ALONE (该, 在, 入, 的 ...), or a word of
data/words.tsv whose part of speech is a verb, preposition, conjunction, particle, pronoun, adverb
or locative (入驻园区, 建设新区). 沈北新区, 农业产业园, 各类开发区 and 国家级新区 disqualify the passage;
该园区, 在高新区, “开发区” pass. The ZONE words that are no BARE_WORD (示范区, 试验区, 新城, mostly titles
and towns, and 自贸 of 自贸协定) neither count nor disqualify: a passage that prints only 示范区 is
no candidate, and one with 示范区 beside a bare 园区 is. A rough rule: it draws the passages a reader is to label, and a drawn passage
that does name a zone (a name missing from the word list) stays, labeled as it is.
dev934-zbare and dev935-zbare (session 36): --bare --seed 934 --skip 0 / --skip 29 --count 29 with
QUALITY_DIR at main f9428e3 and no --exclude: of the 13,411 articles in no set then, only 58 print
such a passage (the whole-article sets had taken the articles rich in bare words), so 29 each.
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
BARE_WORD = re.compile(r'经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|高新区|经开区|开发区|新区|'
                       r'自由贸易试验区|自贸试验区|自贸区|自由贸易港|自贸港|综合保税区|综保区|保税港区|保税区|'
                       r'工业园区|工业园|产业园区|产业园|科技园区|科技园|科学城|科技城|园区|合作区|工业区|片区')
STANDS_ALONE = set('该在本进入到和与及的驻全往至赴从回去是为将对向给让把被由于了也都就还又即所有这那此其')
# jieba's parts of speech (data/words.tsv, one byte: see tools/gen-words.py) of a word before a kind
# word that leaves it standing alone: verbs (入驻园区, 建设新区), prepositions, conjunctions, particles,
# pronouns, adverbs, locatives. Nouns, places and names make it a name; a numeral or a measure
# word makes it a count of a kind (两个园区, 各类开发区), no reference.
LONE_TAGS = set('vVpcurdf')
# A closing bracket or quote ends a name's part: 中国（四川）自由贸易试验区, “数字经济”产业园.
CLOSERS = set('）)”」』》]')
WORDS = {}


def load_words(path):
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            if not line.startswith('#'):
                w, _, tag = line.rstrip('\n').split('\t')
                WORDS[w] = tag


def stands_alone(text, at):
    """True when the kind word at text[at] starts the passage or follows punctuation (not one of
    CLOSERS), one of STANDS_ALONE, or a word of data/words.tsv (the longest, of 4 characters down
    to 2, that ends there) whose part of speech is one of LONE_TAGS."""
    if at == 0:
        return True
    c = text[at - 1]
    if c in CLOSERS:
        return False
    if c in STANDS_ALONE or not (c.isalnum() or '\u3400' <= c <= '\u9fff'):
        return True
    for n in range(min(4, at), 1, -1):
        tag = WORDS.get(text[at - n:at])
        if tag:
            return tag in LONE_TAGS
    return False


def all_bare(text):
    """Text prints a development zone's kind word, and every one stands alone (see --bare in the
    docstring); 示范区, 试验区 and 新城, mostly titles and towns, neither count nor disqualify."""
    kinds = [m for m in BARE_WORD.finditer(text)]
    return bool(kinds) and all(stands_alone(text, m.start()) for m in kinds)


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
    ap.add_argument('--bare', action='store_true',
                    help='keep only passages whose zone-kind words all stand alone')
    ap.add_argument('--words', default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                    '..', '..', 'data', 'words.tsv'))
    a = ap.parse_args()
    if a.bare:
        load_words(a.words)
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
        cand = [i for i, t in enumerate(ps) if ZONE.search(t) and (not a.bare or all_bare(t))]
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
