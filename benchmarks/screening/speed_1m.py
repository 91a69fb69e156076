"""Speed against an index of OFAC + UN plus generated names, ≥ 1,000,000 names in all.

    python benchmarks/screening/speed_1m.py [--names N] [--queries Q]

The extra names are generated deterministically (random.Random(4)) from the given and family names
of yente's synthetic negatives, with a random syllable-built family name to widen the vocabulary.
Queries: Q yente global negatives (misses, the common case) and the UN positives (hits).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from common import OPENSANCTIONS, fixture_query, load_lists, read_csv

from materiel.screen.index import NameIndex
from materiel.screen.records import ListedEntity
from materiel.screen.screening import screen_one

SYLLABLES = "ka ri mo sa len tor vin dra shi pa nu gel bar zo qui ton hel mar yu fen".split()  # noqa: SIM905


def generated(n: int) -> list[ListedEntity]:
    rows = read_csv(OPENSANCTIONS / "yente" / "candgen_negatives_us.csv")
    firsts = sorted({r["first_name"] for r in rows if r["first_name"]})
    lasts = sorted({r["last_name"] for r in rows if r["last_name"]})
    rng = random.Random(4)
    out = []
    for i in range(n):
        family = rng.choice(lasts) if rng.random() < 0.7 else "".join(rng.choices(SYLLABLES, k=3)).title()
        out.append(
            ListedEntity(
                id=f"gen:{i}", list="generated", schema="Person", name=f"{rng.choice(firsts)} {family}"
            )
        )
    return out


def main() -> None:
    args = sys.argv
    n = int(args[args.index("--names") + 1]) if "--names" in args else 1_000_000
    nq = int(args[args.index("--queries") + 1]) if "--queries" in args else 2000
    lists = load_lists()
    entities = [*lists, *generated(n - len(lists))]
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        index = NameIndex.build(entities, Path(tmp) / "names")
        print(f"built {len(index)} entries in {time.perf_counter() - t0:.0f} s")
        negatives = read_csv(OPENSANCTIONS / "yente" / "candgen_negatives_global.csv")[:nq]
        positives = read_csv(OPENSANCTIONS / "yente" / "candgen_positives_un_untreated.csv")
        for label, rows in (("negatives", negatives), ("UN positives", positives)):
            queries = [fixture_query(r, i) for i, r in enumerate(rows, 1)]
            times = []
            for q in queries:
                t = time.perf_counter()
                screen_one(q, index)
                times.append(time.perf_counter() - t)
            times.sort()
            p50, p95 = times[len(times) // 2] * 1000, times[int(len(times) * 0.95)] * 1000
            print(
                f"{label}: {len(times)} queries, {len(times) / sum(times):.0f} queries/s, "
                f"p50 {p50:.2f} ms, p95 {p95:.2f} ms"
            )


if __name__ == "__main__":
    main()
