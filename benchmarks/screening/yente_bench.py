"""yente's screening fixtures against OFAC + UN, through the index: recall, false positives, speed.

    python benchmarks/screening/yente_bench.py [--negatives N] [--us]

Positives (candgen_positives_un_*.csv): a hit is a match on the UN list (the fixtures carry no
entry reference). Negatives (candgen_negatives_global.csv, 50,000 synthetic non-listed persons):
any match at the default threshold is a false positive; ``--us`` also screens the 50,000 synthetic
US persons (candgen_negatives_us.csv; no throughput figure from that set). Queries carry the
fixture's birth date, nationality and gender, read as ``materiel screen --input`` reads a file's
rows (a qualifier that means nothing, such as the treated fixture's "1974-01-32", is dropped from
its row, and the count printed). Throughput is measured on one process, one thread, retrieval +
scoring included.
"""

from __future__ import annotations

import sys
import time

from common import DROPPED, OPENSANCTIONS, fixture_query, load_lists, read_csv

from materiel.screen.index import NameIndex
from materiel.screen.screening import screen_one


def main() -> None:
    limit = int(sys.argv[sys.argv.index("--negatives") + 1]) if "--negatives" in sys.argv else None
    t0 = time.perf_counter()
    index = NameIndex.build(load_lists())
    print(f"index of {len(index)} OFAC + UN entries built in {time.perf_counter() - t0:.1f} s")
    for fixture in ("candgen_positives_un_untreated.csv", "candgen_positives_un_treated.csv"):
        rows = read_csv(OPENSANCTIONS / "yente" / fixture)
        hits, missed = 0, []
        for i, row in enumerate(rows, 1):
            result = screen_one(fixture_query(row, i), index)
            if any(m.entity.list == "un-sc" for m in result.matches):
                hits += 1
            else:
                missed.append(row["full_name"])
        print(f"{fixture}: recall {hits / len(rows):.4f} ({hits}/{len(rows)}); missed e.g. {missed[:5]}")
        if DROPPED:
            print(f"  qualifiers that mean nothing, dropped: {len(DROPPED)}, e.g. {DROPPED[:2]}")
            DROPPED.clear()
    rows = read_csv(OPENSANCTIONS / "yente" / "candgen_negatives_global.csv")[:limit]
    queries = [fixture_query(row, i) for i, row in enumerate(rows, 1)]
    fp, times, examples = 0, [], []
    for q in queries:
        t = time.perf_counter()
        result = screen_one(q, index)
        times.append(time.perf_counter() - t)
        if result.matches:
            fp += 1
            examples.append((q.name, result.matches[0].entity.name, round(result.matches[0].score, 2)))
    times.sort()
    total = sum(times)
    print(
        f"negatives: {len(queries)} queries, false-positive rate {fp / len(queries):.4%} ({fp}); "
        f"e.g. {examples[:5]}"
    )
    print(
        f"speed: {len(queries) / total:.0f} queries/s, p50 {times[len(times) // 2] * 1000:.2f} ms, "
        f"p95 {times[int(len(times) * 0.95)] * 1000:.2f} ms"
    )
    if "--us" in sys.argv:
        rows = read_csv(OPENSANCTIONS / "yente" / "candgen_negatives_us.csv")[:limit]
        hits = []
        for i, row in enumerate(rows, 1):
            result = screen_one(fixture_query(row, i), index)
            if result.matches:
                top = result.matches[0]
                hits.append((row["full_name"], top.entity.name, round(top.score, 2)))
        print(
            f"US negatives: {len(rows)} queries, false-positive rate {len(hits) / len(rows):.4%} "
            f"({len(hits)}); e.g. {hits[:8]}"
        )


if __name__ == "__main__":
    main()
