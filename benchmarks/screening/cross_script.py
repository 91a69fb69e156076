"""Cross-script pairs: a name in another script against its listed Latin entry, and against the
most similar *other* entries (different people with similar names), through the index.

    python benchmarks/screening/cross_script.py

Positives: (1) every non-Latin alias the UN consolidated list itself gives an entry (Arabic,
Cyrillic, Chinese), screened alone against OFAC + UN with that alias removed from the entry;
(2) korean_pairs.csv: Hangul spellings of UN DPRK entries (Hangul written by us from the list
spelling; the UN list carries no Korean script). Negatives: each positive name scored against the
five most similar other UN entries (by the index) whose names differ from the expected one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from common import HERE, load_lists, read_csv

from materiel.screen.index import NameIndex
from materiel.screen.match import compare
from materiel.screen.records import Query
from materiel.screen.screening import screen_one

SCRIPTS = {"Arabic": "[\u0600-\u06ff]", "Cyrillic": "[\u0400-\u04ff]", "Chinese": "[\u4e00-\u9fff]",
           "Korean": "[\uac00-\ud7a3]"}


def script_of(text: str) -> str | None:
    return next((s for s, rx in SCRIPTS.items() if re.search(rx, text)), None)


def main() -> None:
    entities = load_lists()
    by_id = {e.id: e for e in entities}
    pairs: list[tuple[str, str, str]] = []  # (script, name, expected id)
    stripped = []
    for e in entities:
        wanted = ("Arabic", "Cyrillic", "Chinese")
        native = [a for a in e.aliases if e.list == "un-sc" and script_of(a) in wanted]
        for a in native:
            pairs.append((script_of(a) or "", a, e.id))
        stripped.append(replace(e, aliases=[a for a in e.aliases if a not in native]) if native else e)
    for row in read_csv(HERE / "korean_pairs.csv"):
        pairs.append(("Korean", row["hangul"], row["list_id"]))
    index = NameIndex.build(stripped)
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    neg_fp: Counter[str] = Counter()
    misses, false = [], []
    for script, name, expected in pairs:
        entity = by_id[expected]
        total[script] += 1
        result = screen_one(Query(name, schema=entity.schema), index, limit=10)
        if expected in [m.entity.id for m in result.matches]:
            hits[script] += 1
        else:
            misses.append((script, name, entity.name))
        others = [c for c in index.search(entity.name, entity.schema, 40)
                  if c.list == "un-sc" and c.id != expected and c.name.lower() != entity.name.lower()][:5]
        for other in others:
            neg[script] += 1
            m = compare(Query(name, schema=entity.schema), other)
            if m.match:
                neg_fp[script] += 1
                false.append((script, name, entity.name, other.name, round(m.score, 2)))
    print(f"{'script':10s} {'pairs':>5s} {'recall':>7s} {'negatives':>9s} {'false matches':>13s}")
    for script in SCRIPTS:
        if total[script]:
            print(f"{script:10s} {total[script]:5d} {hits[script] / total[script]:7.3f} {neg[script]:9d} "
                  f"{neg_fp[script]:13d}")
    n, h = sum(total.values()), sum(hits.values())
    print(f"{'all':10s} {n:5d} {h / n:7.3f} {sum(neg.values()):9d} {sum(neg_fp.values()):13d}")
    for miss in misses[:40]:
        print("MISS", *miss)
    for f in false[:40]:
        print("FALSE", *f)


if __name__ == "__main__":
    main()
