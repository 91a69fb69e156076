"""nomenklatura's entity checks (contrib/entity_bench/checks.yml, 228 labelled query/candidate pairs
of names: persons, companies, organisations, legal entities, vessels), materiel and a live logic-v2
side by side.

    .venv/bin/python benchmarks/screening/entity_bench.py [--errors]     (materiel)
    /tmp/nkvenv/bin/python benchmarks/screening/entity_bench.py logicv2  (logic-v2, its own venv)

Each check's query and candidate become an entity of the check's schema; a name given in parts
(firstName, middleName, fatherName, lastName) is also read as one name, in that order. A check is
predicted a match when the score reaches the scorer's default threshold (materiel 0.80, logic-v2
0.70). Reported: P, R, F1 and accuracy. Never used to tune materiel's rules before it was first run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

CHECKS = (
    Path(__file__).resolve().parents[3] / "shared/data/opensanctions/nomenklatura/entity_bench_checks.yml"
)
PARTS = ("firstName", "middleName", "fatherName", "lastName")
LOGICV2_THRESHOLD = 0.7  # logic-v2's default threshold, as in logicv2_side.py


def names(side: dict[str, Any]) -> list[str]:
    """The names of one side: its ``name`` and its name parts read as one name."""
    out = [str(side["name"])] if side.get("name") else []
    parts = [str(side[p]) for p in PARTS if side.get(p)]
    if parts:
        out.append(" ".join(parts))
    return out


def report(label: str, results: list[tuple[bool, bool, dict[str, Any]]]) -> None:
    tp = sum(p and t for p, t, _ in results)
    fp = sum(p and not t for p, t, _ in results)
    fn = sum(t and not p for p, t, _ in results)
    accuracy = sum(p == t for p, t, _ in results) / len(results)
    precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{label}: n={len(results)} P={precision:.3f} R={recall:.3f} F1={f1:.3f} accuracy={accuracy:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn})"
    )


def run_materiel() -> list[tuple[bool, bool, dict[str, Any]]]:
    from materiel.screen.match import compare
    from materiel.screen.records import ListedEntity, Query

    out = []
    for check in yaml.safe_load(CHECKS.open(encoding="utf-8"))["checks"]:
        schema = check["schema"]
        candidate = names(check["candidate"])
        entity = ListedEntity(id="c", list="bench", schema=schema, name=candidate[0], aliases=candidate[1:])
        best = max(
            (compare(Query(name=q, schema=schema), entity) for q in names(check["query"])),
            key=lambda m: m.score,
        )
        out.append(
            (
                best.match,
                bool(check["match"]),
                {**check, "score": best.score, "why": best.explanation[0].detail},
            )
        )
    return out


def run_logicv2() -> list[tuple[bool, bool, dict[str, Any]]]:
    from followthemoney import model
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()
    out = []
    for n, check in enumerate(yaml.safe_load(CHECKS.open(encoding="utf-8"))["checks"]):
        sides = []
        for key in ("query", "candidate"):
            entity = model.make_entity(check["schema"])
            entity.id = f"{key}{n}"
            for prop, value in check[key].items():
                entity.add(prop, value)
            sides.append(entity)
        result = LogicV2.compare(sides[0], sides[1], config)
        out.append((result.score >= LOGICV2_THRESHOLD, bool(check["match"]), check))
    return out


def main() -> None:
    if sys.argv[1:2] == ["logicv2"]:
        report("logic-v2 (live)", run_logicv2())
        return
    results = run_materiel()
    report("materiel", results)
    for schema in ("Person", "Company", "Organization", "LegalEntity", "Vessel"):
        report(f"  {schema}", [r for r in results if r[2]["schema"] == schema])
    if "--errors" in sys.argv:
        for predicted, truth, check in results:
            if predicted != truth:
                kind = "FP" if predicted else "FN"
                print(
                    f"{kind} {check['score']:.2f} {check['schema']} {names(check['query'])[0]} | "
                    f"{names(check['candidate'])[0]} — {check['why']}"
                )


if __name__ == "__main__":
    main()
