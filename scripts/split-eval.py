#!/usr/bin/env python3
"""Measure --split-articles: lay articles out as pages and count those split back exactly.

Usage: scripts/split-eval.py ARTICLES.jsonl [--binary target/release/corpus-cli] [--seed N]

ARTICLES.jsonl holds one article per line as {"id": ..., "text": ...} (for instance a People's
Daily evaluation set, which is not part of this repository). Articles are taken in id order and
laid out as pages of 5 to 10 articles each, one after another, separated like their paragraphs
(a line break). Every page is written to a temporary folder and analyzed with
`corpus-cli analyze --split-articles --format jsonl`; an original article counts as recovered
when one reported article's span covers exactly its text. Prints the share recovered.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles")
    ap.add_argument("--binary", default="target/release/corpus-cli")
    ap.add_argument("--seed", type=int, default=1998)
    ap.add_argument("--min", type=int, default=5)
    ap.add_argument("--max", type=int, default=10)
    ap.add_argument("--show", type=int, default=0, help="print N missed articles")
    ap.add_argument(
        "--boundaries",
        type=int,
        default=0,
        help="print N false and N missed article boundaries, with the line before and after",
    )
    args = ap.parse_args()

    with open(args.articles, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    rows.sort(key=lambda r: r["id"])
    texts = [r["text"].strip("\n") for r in rows]

    rng = random.Random(args.seed)
    pages = []
    i = 0
    while i < len(texts):
        n = rng.randint(args.min, args.max)
        pages.append(texts[i : i + n])
        i += n

    recovered = 0
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, page in enumerate(pages):
            with open(os.path.join(tmp, f"page{k:05}.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(page) + "\n")
        out = subprocess.run(
            [args.binary, "analyze", "--split-articles", "--format", "jsonl", "--progress", "never", tmp],
            check=False,
            capture_output=True,
            text=True,
        )
        if out.returncode not in (0, 1):
            sys.exit(f"corpus-cli failed: {out.stderr}")
        found = {}
        for line in out.stdout.splitlines():
            rec = json.loads(line)
            if rec.get("type") != "document":
                continue
            name = os.path.basename(rec["path"])
            span = rec["span"]
            found.setdefault(name, set()).add((span["start"], span["end"]))
    for k, page in enumerate(pages):
        spans = found.get(f"page{k:05}.txt", set())
        at = 0
        for text in page:
            length = len(text)
            if (at, at + length) in spans:
                recovered += 1
            else:
                missed.append(text)
            at += length + 1
    total = sum(len(p) for p in pages)
    print(f"pages: {len(pages)}  articles: {total}  recovered exactly: {recovered} "
          f"({100 * recovered / total:.1f} %)")
    for text in missed[: args.show]:
        print("---- missed:", text[:60].replace("\n", " | "), "...", text[-40:].replace("\n", " | "))
    if args.boundaries:
        false, lost = [], []
        for k, page in enumerate(pages):
            text = "\n".join(page) + "\n"
            starts, at = set(), 0
            for article in page:
                starts.add(at)
                at += len(article) + 1
            split = {s for s, _ in found.get(f"page{k:05}.txt", set())}
            for kind, offsets in ((false, split - starts), (lost, starts - split)):
                for s in sorted(offsets):
                    before = text[:s].rstrip("\n").rsplit("\n", 1)[-1]
                    after = text[s:].split("\n", 1)[0]
                    kind.append(f"{before[-30:]}  >>  {after[:50]}")
        print(f"false boundaries: {len(false)}  missed boundaries: {len(lost)}")
        for line in false[: args.boundaries]:
            print("---- false:", line)
        for line in lost[: args.boundaries]:
            print("---- missed:", line)


if __name__ == "__main__":
    main()
