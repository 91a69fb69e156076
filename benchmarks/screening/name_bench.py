"""F1 on nomenklatura's labelled name pairs, materiel vs the frozen logic-v2 scores.

    python benchmarks/screening/name_bench.py [--errors [--tuning]]

logic-v2's F1 is computed the same way from its frozen run (its `predicted_match` column, i.e.
its own default threshold). materiel is scored on every pair of cases.csv and on the subset of
pairs that the frozen run holds (matched by group, schema, names, label).

Split: each pair goes to the tuning half or the held-out half by the parity of the first byte of
sha1("schema|name1|name2"); matcher rules are tuned on the tuning half only, and both halves are
reported. The frozen run is an earlier version of the set (812 pairs, four labels since reversed):
materiel is also scored on its pairs with its labels. contradicting_pairs.csv lists the pairs
labelled as matches that the screening issue says must not match (Korean given-name syllable
swaps, an Arabic name with a son's given name in front); F1 is reported with them and without
them (nothing is dropped silently).
"""

from __future__ import annotations

import hashlib
import sys

from common import HERE, OPENSANCTIONS, f1, read_csv

from materiel.screen.match import DEFAULT_THRESHOLD, match_names


def half(r: dict[str, str]) -> str:
    digest = hashlib.sha1(f"{r['schema']}|{r['name1']}|{r['name2']}".encode()).digest()
    return "tuning" if digest[0] % 2 == 0 else "held-out"


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
    # the frozen run is an earlier version of the set: its pairs with its own labels
    own = f1(
        (match_names(r["name1"], r["name2"], r["schema"]).score >= DEFAULT_THRESHOLD, r["is_match"] == "true")
        for r in frozen
    )
    print(f"threshold {DEFAULT_THRESHOLD}")
    for label, res, n in (
        ("materiel, all pairs", all_, len(ours)),
        ("materiel, pairs in the logic-v2 run", common, len(shared)),
        ("materiel, logic-v2 run's pairs, its labels", own, len(frozen)),
        ("logic-v2 (frozen run)", v2, len(frozen)),
    ):
        print(
            f"{label:42s} n={n:4d} P={res['precision']:.3f} R={res['recall']:.3f} F1={res['f1']:.4f}"
            f" (tp {res['tp']}, fp {res['fp']}, fn {res['fn']})"
        )
    contra = {(c["schema"], c["name1"], c["name2"]) for c in read_csv(HERE / "contradicting_pairs.csv")}
    print(f"contradicting pairs (labelled match, issue says no match): {len(contra)}")
    for part in ("tuning", "held-out", None):
        subset = [(r, m) for r, m in ours if part is None or half(r) == part]
        kept = [(r, m) for r, m in subset if (r["schema"], r["name1"], r["name2"]) not in contra]
        for label, rows in (("all", subset), ("without contradicting", kept)):
            res = f1((m.score >= DEFAULT_THRESHOLD, r["is_match"] == "true") for r, m in rows)
            counts = f"(tp {res['tp']}, fp {res['fp']}, fn {res['fn']})"
            print(
                f"{part or 'full set':9s} {label:22s} n={len(rows):4d} P={res['precision']:.3f} "
                f"R={res['recall']:.3f} F1={res['f1']:.4f} {counts}"
            )
    if "--errors" in sys.argv:
        for r, m in ours:
            actual = r["is_match"] == "true"
            if m.match != actual:
                if "--tuning" in sys.argv and half(r) != "tuning":
                    continue
                print("FP" if m.match else "FN", f"{m.score:.2f}", r["schema"], r["name1"], "|", r["name2"])


if __name__ == "__main__":
    main()
