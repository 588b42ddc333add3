#!/usr/bin/env python3
"""Add China's county-level divisions to src/data/china_admin.txt.

Usage: scripts/gen-china-counties.py ADCODES.csv JIEBA_DICT.txt [src/data/china_admin.txt]

ADCODES.csv is the public list of administrative division codes (columns adcode,name,...; for
instance the adcodes.csv that the MIT-licensed `cpca` Python package ships in its resources).
Rows whose code is not a province or prefecture (digits 5-6 not 00) are county-level: counties,
county-level cities, districts, banners. Each is added in full (张北县) and, for counties,
cities and banners, also without its suffix (张北) unless the bare form is a common word:
jieba's dictionary (JIEBA_DICT, `word freq tag` lines, MIT) tags it as something other than a
name with a frequency of 100 or more (合作, 公安, 港口), or as anything but a place with a
frequency of 300 or more (友谊, 威信), or it is a position word (市北, 城区).
Bare district names (和平区 → 和平, 鼓楼区 → 鼓楼) are only added when jieba tags them as
places. Existing lines are kept; new ones are appended under a header, sorted by code.
"""

import csv
import sys

NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt"}
POSITION = set("东南西北中上下前后内外城郊")


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    adcodes, dict_path = argv[1], argv[2]
    out_path = argv[3] if len(argv) > 3 else "src/data/china_admin.txt"
    jieba = {}
    for line in open(dict_path, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 3:
            jieba[parts[0]] = (int(parts[1]), parts[2])
    existing = open(out_path, encoding="utf-8").read()
    have = {l.split("\t")[0] for l in existing.splitlines() if l and not l.startswith("#")}
    rows = sorted(csv.DictReader(open(adcodes, encoding="utf-8")), key=lambda r: r["adcode"])
    new = []

    def add(name):
        if name not in have:
            have.add(name)
            new.append(f"{name}\tcounty")

    for r in rows:
        code, name = r["adcode"], r["name"].strip()
        if code[4:6] == "00" or len(name) < 2:
            continue
        add(name)
        for suffix in ("自治县", "自治旗", "县", "旗", "市", "区"):
            stem = name[: -len(suffix)]
            if not name.endswith(suffix) or len(stem) < 2:
                continue
            if all(c in POSITION for c in stem) or stem.endswith(("城区", "郊区", "新区")):
                break
            freq, tag = jieba.get(stem, (0, "ns"))
            if suffix == "区" and tag != "ns":
                break
            if tag not in NAME_TAGS and freq >= 100:
                break
            if tag != "ns" and freq >= 300:
                break
            add(stem)
            break
    with open(out_path, "a", encoding="utf-8") as f:
        f.write("# County-level divisions (scripts/gen-china-counties.py, from the public division codes).\n")
        f.write("\n".join(new) + "\n")
    print(f"added {len(new)} names", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
