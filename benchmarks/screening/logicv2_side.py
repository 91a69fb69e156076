"""Side by side on one machine: nomenklatura's logic-v2 and materiel scoring the same name pairs.

Run logic-v2 from its own environment (never the project's):

    python -m venv /tmp/nkvenv && /tmp/nkvenv/bin/pip install nomenklatura
    /tmp/nkvenv/bin/python benchmarks/screening/logicv2_side.py logicv2
    .venv/bin/python benchmarks/screening/logicv2_side.py materiel

Each prints F1 at its default threshold on name_bench_cases.csv and pairs/s (best of 3 runs).
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

CASES = Path(__file__).resolve().parents[3] / "shared/data/opensanctions/nomenklatura/name_bench_cases.csv"
SCHEMAS = {
    "Company": "Company",
    "Organization": "Organization",
    "LegalEntity": "LegalEntity",
    "Vessel": "Vessel",
    "Person": "Person",
}


def main() -> None:
    rows = list(csv.DictReader(CASES.open(encoding="utf-8")))
    which = sys.argv[1]
    if which == "logicv2":
        from followthemoney import model
        from nomenklatura.matching import LogicV2
        from nomenklatura.matching.types import ScoringConfig

        config = ScoringConfig.defaults()

        def make(i: str, schema: str, name: str):  # type: ignore[no-untyped-def]
            e = model.make_entity(SCHEMAS.get(schema, "LegalEntity"))
            e.id = i
            e.add("name", name)
            return e

        pairs = [(make("a", r["schema"], r["name1"]), make("b", r["schema"], r["name2"])) for r in rows]

        def score(i: int) -> float:
            return float(LogicV2.compare(pairs[i][0], pairs[i][1], config).score)

        threshold = 0.7  # logic-v2 default match threshold in yente (MATCH_THRESHOLD)
    else:
        from materiel.screen.match import DEFAULT_THRESHOLD, match_names

        def score(i: int) -> float:
            r = rows[i]
            return match_names(r["name1"], r["name2"], r["schema"]).score

        threshold = DEFAULT_THRESHOLD
    best = float("inf")
    scores: list[float] = []
    for _ in range(3):
        if which != "logicv2":
            from materiel.screen.normalise import name_forms
            from materiel.screen.parts import part_similarity

            name_forms.cache_clear()
            getattr(part_similarity, "cache_clear", lambda: None)()
        t = time.perf_counter()
        scores = [score(i) for i in range(len(rows))]
        best = min(best, time.perf_counter() - t)
    tp = sum(s >= threshold and r["is_match"] == "true" for s, r in zip(scores, rows, strict=True))
    fp = sum(s >= threshold and r["is_match"] != "true" for s, r in zip(scores, rows, strict=True))
    fn = sum(s < threshold and r["is_match"] == "true" for s, r in zip(scores, rows, strict=True))
    p, rc = tp / (tp + fp), tp / (tp + fn)
    print(
        f"{which}: n={len(rows)} threshold {threshold} P={p:.3f} R={rc:.3f} F1={2 * p * rc / (p + rc):.4f} "
        f"{len(rows) / best:.0f} pairs/s (best of 3, one thread)"
    )


if __name__ == "__main__":
    main()
