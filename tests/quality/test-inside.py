#!/usr/bin/env python3
"""tests/quality/test-inside.py: bench/quality's inside-a-word check on
invented sentences (TAP). usage: test-inside.py ZHAOSHU

Each row: a sentence with the metric in [brackets], the figure ending right
before the bracket or none, and whether an edge of the metric is inside a
word. The rows that say no fail when ICU's words alone decide (家门, 比为,
个子 are ICU's); the rows that say yes guard what is still a word's inside."""
import os
import sys
from importlib.machinery import SourceFileLoader

HERE = os.path.dirname(os.path.abspath(__file__))
Q = SourceFileLoader('quality', os.path.join(HERE, '..', '..', 'bench', 'quality')).load_module()

ROWS = [
    # sentence, the figure's text before '[' (or ''), inside?
    ('这家公司今年开了80家[门店]，比去年多。', '80家', False),   # ICU: 家门
    ('全市新签项目中，[外资占比]为40%。', '', False),            # ICU: 比为
    ('该工程共分为12个[子项目]推进。', '12个', False),           # ICU and the cut: 个子
    ('全年出口[增速]比10月份加快2个百分点。', '', False),        # ICU: 速比
    ('每天[工作时长]达14小时。', '', False),                     # ICU: 长达
    ('这台电脑装有8核[处]理器一颗。', '', True),                 # ends inside 处理器
    ('该型号采用920处[理器]。', '920处', True),                  # 理器 is a rare word
    ('园区内已有5个[保税]区完成验收。', '5个', True),            # ends inside 保税区
]


class Seg:
    def __init__(self, zhaoshu):
        self.zhaoshu = zhaoshu


def main():
    zs = sys.argv[1]
    print('1..%d' % len(ROWS))
    bad = 0
    for k, (row, fig, want) in enumerate(ROWS, 1):
        s, e = row.index('['), row.index(']')
        text = row.replace('[', '').replace(']', '')
        bs = len(text[:s].encode('utf-8'))
        be = len(text[:e - 1].encode('utf-8'))
        ends = {bs} if fig else set()
        cut = Q.Index.boundaries(Seg(zs), text)
        got = any(Q.Index.edge_inside(text, cut, x, ends) for x in (bs, be))
        ok = got == want
        bad += not ok
        print('%s %d - %s: inside %s' % ('ok' if ok else 'not ok', k, row, got))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
