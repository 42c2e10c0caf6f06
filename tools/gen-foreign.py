#!/usr/bin/env python3
"""Regenerate data/foreign.txt: names of places outside China, in Chinese.

A zone kind after a foreign place is a zone abroad (迪拜杰贝阿里工业区,
俄罗斯奥卡工业园区), which park_edge.c takes as a zone, or, after parties only
(countries and groups of countries, marked "party"), a trade agreement or a
bloc (欧盟—乌克兰自贸区, 东盟自贸区), which it drops.

Source (public; data/README lists it): Debian's iso-codes package
(/usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json, with the
Simplified Chinese translations in /usr/share/locale/zh_CN/LC_MESSAGES/
iso_3166-1.mo and iso_3166-2.mo): every country's short, common and
official name, and every first-level subdivision of a country other than
China (CN, TW, HK, MO), less its level word (仰光省 -> 仰光, 迪拜 stays).
A name is left out when it is also a Chinese division of data/places.tsv,
with or without its level word (广宁, a county of Guangdong and a province
of Vietnam; 东方 of 东方市), a stop word of data/wordclass.txt (中部, 北部),
for a subdivision a common noun of it (中央, 高原: "Central", "Highlands"
regions abroad), or a single character; a country's name stays when only a town
has it (巴西 of 四川's 巴西镇: the country is the one news means).
Cities: the exemplar cities of the world's time zones in Unicode CLDR's Chinese
locale (Debian's unicode-cldr-core, common/main/zh.xml, <exemplarCity>:
马瑙斯, 蒙特雷, 符拉迪沃斯托克), less Chinese divisions and lexicon stop words as
above. Country groups that no ISO list has and that news names before 自贸区
(东盟, 欧盟, 北美, 非洲大陆 ...) follow, marked as this tool's own.
A line is a name, or a name, a tab and "party" for a country's name (ISO
3166-1) or a group's: a party to a trade agreement.

Usage: tools/gen-foreign.py [--iso DIR] [--locale DIR] [--cldr FILE] [--out data/foreign.txt]
(apt-get install iso-codes unicode-cldr-core gives the files.)
"""
import argparse
import gettext
import json
import os
import re
import sys

CHINA = {"CN", "TW", "HK", "MO"}
# Level words a subdivision's name ends with, longest first.
LEVELS = ["特别行政区", "自治共和国", "自治区", "共和国", "直辖市", "行政区", "地区",
          "省", "州", "邦", "市", "区", "郡", "县", "道", "府", "都"]
# Country groups and continents news puts before a zone kind (东盟自贸区,
# 北美自贸区): written for zhaoshu, no outside source.
# Translations of subdivisions that are common Chinese words as well (广义
# "broad sense", 西方 "the West", 丘陵 "hills"): never taken as places.
COMMON = {"广义", "西方", "丘陵", "世博", "湖大", "绿山", "橘园", "上河", "中非"}
GROUPS = ["东盟", "欧盟", "欧洲联盟", "北美", "南美", "拉美", "拉丁美洲", "中东", "欧洲",
          "亚洲", "非洲", "美洲", "大洋洲", "亚太", "海合会", "南共市", "欧亚",
          "非洲大陆"]


def division_names(data, levels=("province", "city", "county", "town")):
    """Names of Chinese divisions of the given levels in places.tsv."""
    out = set()
    with open(os.path.join(data, "places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            r = line.rstrip("\n").split("\t")
            if len(r) > 2 and r[2] in levels:
                out.add(r[0])
                if r[1]:
                    out.add(r[1])
    return out


def cldr_cities(path):
    """The exemplar cities of CLDR's time zones, in Chinese (未知城市, the
    unknown zone's, left out)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = []
    for tz, city in re.findall(r'<zone type="([^"]+)">\s*(?:<[^>]*>[^<]*</[^>]*>\s*)*?'
                               r"<exemplarCity>([^<]+)</exemplarCity>", text):
        if not tz.startswith("Etc/"):
            out.append(city)
    return out


def word_classes(data):
    """wordclass.txt: word -> class (stop, noun, name, vnoun)."""
    out = {}
    with open(os.path.join(data, "wordclass.txt"), encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if not line.startswith("#"):
                out[r[0].strip()] = r[1] if len(r) > 1 else "stop"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default="/usr/share/iso-codes/json")
    ap.add_argument("--locale", default="/usr/share/locale")
    ap.add_argument("--cldr", default="/usr/share/unicode/cldr/common/main/zh.xml")
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--out", default=os.path.join(here, "data", "foreign.txt"))
    a = ap.parse_args()
    data = os.path.dirname(a.out)
    divisions = division_names(data)
    # a country's name is blocked only by a county or a higher division
    upper = division_names(data, ("province", "city", "county"))
    classes = word_classes(data)

    names = set()
    parties = set(GROUPS)

    def keep(s, country):
        """A country's name goes unless it is a stop word or a division; a
        subdivision's unless it is a common noun too (中央, 高原: "Central",
        "Highlands" abroad) or a division, with its level word or without
        (东方 of 东方市, a city of Hainan)."""
        s = s.strip()
        if len(s) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in s):
            return
        if any(s + lv in (upper if country else divisions)
               for lv in ("", "市", "县", "区", "镇", "乡", "州", "盟", "旗")):
            return
        if s in COMMON:
            return
        cls = classes.get(s)
        if cls in ("stop", "vnoun") or (cls == "noun" and not country):
            return
        names.add(s)
        if country:
            parties.add(s)

    t1 = gettext.translation("iso_3166-1", localedir=a.locale, languages=["zh_CN"])
    with open(os.path.join(a.iso, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            if c["alpha_2"] in CHINA:
                continue
            for k in ("name", "common_name", "official_name"):
                if k in c and t1.gettext(c[k]) != c[k]:
                    keep(t1.gettext(c[k]), True)
    t2 = gettext.translation("iso_3166-2", localedir=a.locale, languages=["zh_CN"])
    with open(os.path.join(a.iso, "iso_3166-2.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-2"]:
            if c["code"][:2] in CHINA or "parent" in c:
                continue
            z = t2.gettext(c["name"])
            if z == c["name"]:
                continue
            for lv in LEVELS:
                if z.endswith(lv) and len(z) - len(lv) >= 2:
                    z = z[: -len(lv)]
                    break
            keep(z, False)
    for city in cldr_cities(a.cldr):
        keep(city, False)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# foreign.txt - generated by tools/gen-foreign.py; do not edit.\n"
                "# Places outside China in Chinese: ISO 3166-1 country names and ISO 3166-2\n"
                "# first-level subdivisions (less their level word) from Debian's iso-codes\n"
                "# (zh_CN translations) and the exemplar cities of CLDR's time zones (zh.xml,\n"
                "# Debian's unicode-cldr-core), less Chinese divisions and lexicon words; then\n"
                "# the tool's own country groups (东盟, 北美 ...). One name a line; a\n"
                "# country's or a group's (a party to a trade agreement) with a tab and \"party\".\n")
        for s in sorted(names):
            f.write(s + ("\tparty" if s in parties else "") + "\n")
        f.write("# country groups (tools/gen-foreign.py GROUPS)\n")
        for s in GROUPS:
            if s not in names:
                f.write(s + "\tparty\n")
    print("%s: %d names" % (a.out, len(names) + len(GROUPS)), file=sys.stderr)


if __name__ == "__main__":
    main()
