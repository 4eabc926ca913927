#!/usr/bin/env python3
"""Lists the gold pairs an export misses, for scripts/devscore.sh -v.

usage: devmissed.py DEVSET_DIR GOLD.json EXPORT.json ARTICLE_A.md ARTICLE_B.md

score.py names only the missed "must" pairs; this names every missed
"should" pair the same way, mapping exported blocks back to the articles'
paragraphs with score.py's own functions (paragraph 0, the front matter,
is skipped as score.py --skip-first does).
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import score  # noqa: E402  (the dev set's scorer)


def main():
    gold_path, export_path, path_a, path_b = sys.argv[2:6]
    gold = json.load(open(gold_path, encoding="utf-8"))
    exp = json.load(open(export_path, encoding="utf-8"))
    pa, pb = score.paragraphs(path_a), score.paragraphs(path_b)
    arts = exp.get("articles", [])
    if len(arts) < 2 or isinstance(gold, list):
        return 0

    def fit(art, paras):
        return sum(score.locate(paras, b.get("text", "")) is not None for b in art.get("blocks", []))

    ia = max(range(len(arts)), key=lambda i: fit(arts[i], pa))
    ib = max((i for i in range(len(arts)) if i != ia), key=lambda i: fit(arts[i], pb))
    ma = [score.locate(pa, b.get("text", "")) for b in arts[ia]["blocks"]]
    mb = [score.locate(pb, b.get("text", "")) for b in arts[ib]["blocks"]]
    pred = set()
    for ev in exp.get("events", []):
        blocks = ev.get("blocks", [])
        if len(blocks) <= max(ia, ib):
            continue
        xs = {ma[i] for i in blocks[ia] if i < len(ma) and ma[i] is not None}
        ys = {mb[j] for j in blocks[ib] if j < len(mb) and mb[j] is not None}
        pred |= {(x, y) for x in xs for y in ys if x and y}
    good = {(score.find(pa, a), score.find(pb, b)) for a, b in gold.get("should", [])}
    for x, y in sorted(good - pred):
        print(f"missed pair: A¶{x} {pa[x][:50]!r} ~ B¶{y} {pb[y][:50]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
