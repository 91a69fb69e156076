"""Candidate retrieval alone: is each listed entry among the candidates for its own names?

    .venv/bin/python benchmarks/screening/retrieval.py [--limit 30]

Builds the OFAC + UN index (materiel's readers) and searches every name of every entry (its
primary name and strong aliases) as a query of the entry's schema, as written and with two
neighbouring letters of its longest word (five letters or more) swapped (random.Random(7)),
and counts the names whose own entry is not among the top ``limit`` candidates, by how many
names the entry has. No matching is done: this measures what the matcher gets to see.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter

from common import load_lists

from materiel.screen.index import NameIndex

BUCKETS = ((1, "1 name"), (5, "2-5 names"), (15, "6-15 names"), (10**9, "16+ names"))


def swapped(name: str, rng: random.Random) -> str | None:
    """``name`` with two neighbouring letters of its longest word swapped (None: no word of 5+)."""
    words = name.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if len(word) < 5:
        return None
    j = rng.randrange(1, len(word) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)


def bucket(n: int) -> str:
    return next(label for top, label in BUCKETS if n <= top)


def main() -> None:
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 30
    entities = load_lists()
    index = NameIndex.build(entities)
    rng = random.Random(7)
    total: Counter[tuple[str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    examples: list[tuple[str, str, str]] = []
    t0 = time.perf_counter()
    searches = 0
    for entity in entities:
        size = bucket(len(entity.all_names))
        for name in entity.all_names:
            for how, query in (("as written", name), ("two letters swapped", swapped(name, rng))):
                if query is None:
                    continue
                searches += 1
                total[how, size] += 1
                if entity.id not in {e.id for e in index.search(query, entity.schema, limit)}:
                    missed[how, size] += 1
                    if len(examples) < 12 and len(entity.all_names) > 5:
                        examples.append((how, query, entity.name))
    took = time.perf_counter() - t0
    print(f"{searches} searches, {searches / took:.0f} searches/s (retrieval only, top {limit})")
    for how in ("as written", "two letters swapped"):
        n = sum(v for (h, _), v in total.items() if h == how)
        m = sum(v for (h, _), v in missed.items() if h == how)
        print(f"{how}: {n} names, {m} not retrieved, recall {1 - m / n:.4f}")
        for _top, label in BUCKETS:
            t, k = total[how, label], missed[how, label]
            if t:
                print(f"  entry of {label:<10} {t:6d} names, {k:4d} not retrieved, recall {1 - k / t:.4f}")
    for how, query, name in examples:
        print(f"  missed ({how}): {query!r} for {name!r}")


if __name__ == "__main__":
    main()
