"""F1 on nomenklatura's labelled name pairs, materiel vs the frozen logic-v2 scores.

    python benchmarks/screening/name_bench.py [--errors]

logic-v2's F1 is computed the same way from its frozen run (its `predicted_match` column, i.e.
its own default threshold). materiel is scored on every pair of cases.csv and on the subset of
pairs that the frozen run holds (matched by group, schema, names, label).
"""

from __future__ import annotations

import sys

from common import OPENSANCTIONS, f1, read_csv

from materiel.screen.match import DEFAULT_THRESHOLD, match_names


def main() -> None:
    cases = read_csv(OPENSANCTIONS / "nomenklatura" / "name_bench_cases.csv")
    frozen = read_csv(OPENSANCTIONS / "nomenklatura" / "name_bench_logicv2-frozen.csv")
    key = lambda r: (r["case_group"], r["schema"], r["name1"], r["name2"], r["is_match"])  # noqa: E731
    frozen_keys = {key(r) for r in frozen}
    ours = []
    for r in cases:
        m = match_names(r["name1"], r["name2"], r["schema"])
        ours.append((r, m))
    all_ = f1((m.score >= DEFAULT_THRESHOLD, r["is_match"] == "true") for r, m in ours)
    shared = [(r, m) for r, m in ours if key(r) in frozen_keys]
    common = f1((m.score >= DEFAULT_THRESHOLD, r["is_match"] == "true") for r, m in shared)
    v2 = f1((r["predicted_match"] == "true", r["is_match"] == "true") for r in frozen)
    print(f"threshold {DEFAULT_THRESHOLD}")
    for label, res, n in (("materiel, all pairs", all_, len(ours)),
                          ("materiel, pairs in the logic-v2 run", common, len(shared)),
                          ("logic-v2 (frozen run)", v2, len(frozen))):
        print(f"{label:40s} n={n:4d} P={res['precision']:.3f} R={res['recall']:.3f} F1={res['f1']:.4f}"
              f" (tp {res['tp']}, fp {res['fp']}, fn {res['fn']})")
    if "--errors" in sys.argv:
        for r, m in ours:
            actual = r["is_match"] == "true"
            if m.match != actual:
                print("FP" if m.match else "FN", f"{m.score:.2f}", r["schema"], r["name1"], "|", r["name2"])


if __name__ == "__main__":
    main()
