"""materiel and nomenklatura's logic-v2 scoring the same (query, candidate) pairs, side by side.

    .venv/bin/python benchmarks/screening/same_candidates.py [--rounds 3] [--negatives 1000]
        [--compiled .venv-compiled/bin/python]

The driver (project venv) builds the OFAC + UN index with materiel's readers, takes yente's global
negatives (the first N) and UN positives (untreated) as queries with their birth date and
nationality, retrieves each query's candidates once (materiel's index, top 30) and writes the pairs to
a JSON-lines file. Then it runs each scorer in a fresh process, one after the other in every round:
logic-v2 from its own environment (``/tmp/nkvenv``, or ``--nkpython PATH``), materiel from this one,
and materiel's compiled build (``bash scripts/setup.sh compiled``) where ``--compiled`` names its
Python or ``.venv-compiled`` exists. Each scorer builds its own entity objects first (not timed: both
systems hold candidates already loaded, from Elasticsearch or from the index), then scores every
pair in timed passes:

- cold: the first pass in a fresh process, nothing about these names cached yet (each library's
  own data loaded first by scoring five warm-up pairs that are not in the set, untimed);
- service (materiel only, in a process of its own): the first pass after the candidates' names
  were read, untimed, as a running service has read them (its cache of readings holds 200,000
  names, the lists' names included); the queries' names and every pair of name parts are new;
- warm: the second pass over the same pairs, whatever each system caches now cached.

logic-v2 caches nothing between comparisons: its cold pass is the base of the cold and service
ratios. Before timing, each scorer's process freezes its heap (``gc.freeze()``: the pairs it holds
and its start-up data are no longer scanned by full garbage collections, which otherwise fell
inside one pass or the other by chance and moved a pass by up to 15%). Timed: the comparison call
only (``LogicV2.compare(query, candidate, config)`` and ``materiel.screen.match.compare(query,
entity)``), one thread. Reported: pairs/s per pass and round, the median over rounds, and the
ratio materiel / logic-v2 (of the medians, and the median of each round's own ratio).
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PAIRS = Path("/tmp/materiel-same-candidates.jsonl")
# Scored once before timing by both systems, names in the scripts the pairs hold, none of them in
# the pairs: the first call of each library loads its tables (pinyin, transliteration, names data).
WARM_UP = [
    ("王小明", "Wang Xiaoming"),
    ("محمد عبد الله", "Mohammed Abdullah"),
    ("김영희", "Kim Yong Hui"),
    ("Сергей Иванов", "Sergei Ivanov"),
    ("Jane Example", "Jane Exampel"),
]
HERE = Path(__file__).resolve().parent


def arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def dump(path: Path, negatives: int) -> None:
    from dataclasses import asdict

    from common import OPENSANCTIONS, fixture_query, load_lists, read_csv

    from materiel.screen.index import NameIndex

    index = NameIndex.build(load_lists())
    rows = read_csv(OPENSANCTIONS / "yente" / "candgen_negatives_global.csv")[:negatives]
    rows += read_csv(OPENSANCTIONS / "yente" / "candgen_positives_un_untreated.csv")
    with path.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows, 1):
            q = fixture_query(row, i)
            candidates = [asdict(e) for e in index.search(q.name, q.schema, 30)]
            fh.write(json.dumps({"query": asdict(q), "candidates": candidates}, ensure_ascii=False) + "\n")


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def timed(
    pairs: list[tuple[Any, Any]], score: Any, warm_up: list[tuple[Any, Any]], before: Any = None
) -> list[float]:
    for q, e in warm_up:  # load each library's own data (as a service does when it starts)
        score(q, e)
    if before is not None:
        before()
    # the pairs this harness holds (tens of thousands of entity objects a service would not keep in
    # its heap) and each library's start-up data are moved out of the garbage collector's sight,
    # for both scorers alike; objects made while scoring are collected as usual
    gc.collect()
    gc.freeze()
    out = []
    for _ in range(2):  # cold (or service), then warm
        t = time.perf_counter()
        for q, e in pairs:
            score(q, e)
        out.append(len(pairs) / (time.perf_counter() - t))
    return out


def run_logicv2(path: Path) -> list[float]:
    from followthemoney import model
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()

    def person(name: str, n: int) -> Any:
        entity = model.make_entity("Person")
        entity.id = f"w{n}"
        entity.add("name", name)
        return entity

    warm_up = [(person(a, 0), person(b, 1)) for a, b in WARM_UP]
    pairs = []
    for n, record in enumerate(load(path)):
        q = record["query"]
        query = model.make_entity(q["schema"])
        query.id = f"q{n}"
        query.add("name", q["name"])
        query.add("birthDate", q.get("birth_date"))
        query.add("nationality", q.get("country"))
        for c in record["candidates"]:
            e = model.make_entity(c["schema"] if c["schema"] != "Airplane" else "Airplane")
            e.id = c["id"]
            e.add("name", c["name"])
            e.add("alias", c["aliases"])
            e.add("weakAlias", c["weak_aliases"])
            if e.schema.is_a("Person"):
                e.add("birthDate", c["birth_dates"], quiet=True)
                e.add("nationality", c["countries"], quiet=True)
            else:
                e.add("country", c["countries"], quiet=True)
            pairs.append((query, e))
    return timed(pairs, lambda q, e: LogicV2.compare(q, e, config), warm_up)


def run_materiel(path: Path, service: bool) -> list[float]:
    from materiel.screen.match import compare, entity_forms
    from materiel.screen.records import ListedEntity, Query, Sanction

    warm_up = [(Query(name=a), ListedEntity(id="w", list="", schema="Person", name=b)) for a, b in WARM_UP]
    pairs = []
    for record in load(path):
        query = Query(**record["query"])
        for c in record["candidates"]:
            c["sanctions"] = [Sanction(**s) for s in c["sanctions"]]
            pairs.append((query, ListedEntity(**c)))

    def read_candidates() -> None:  # what a running service has done before: read the lists' names
        for _, entity in pairs:
            entity_forms(entity)

    return timed(pairs, compare, warm_up, read_candidates if service else None)


def main() -> None:
    if "--scorer" in sys.argv:
        which = arg("--scorer", "")
        path = Path(arg("--pairs", str(PAIRS)))
        result = run_logicv2(path) if which == "logicv2" else run_materiel(path, "--service" in sys.argv)
        print(json.dumps(result))
        return
    rounds = int(arg("--rounds", "3"))
    nk = arg("--nkpython", "/tmp/nkvenv/bin/python")
    compiled = arg("--compiled", str(HERE.parents[1] / ".venv-compiled" / "bin" / "python"))
    path = Path(arg("--pairs", str(PAIRS)))
    if not path.exists() or "--redump" in sys.argv:
        dump(path, int(arg("--negatives", "1000")))
    records = load(path)
    n_pairs = sum(len(r["candidates"]) for r in records)
    print(f"{len(records)} queries, {n_pairs} (query, candidate) pairs from materiel's OFAC + UN index")
    # (label, python, scorer, first pass's name)
    runs = [
        ("logic-v2", nk, "logicv2", "cold"),
        ("materiel", sys.executable, "materiel", "cold"),
        ("materiel", sys.executable, "materiel --service", "service"),
    ]
    if Path(compiled).exists():
        runs += [
            ("compiled", compiled, "materiel", "cold"),
            ("compiled", compiled, "materiel --service", "service"),
        ]
    results: dict[tuple[str, str], list[float]] = {}
    for r in range(rounds):
        for label, python, scorer, first in runs:
            out = subprocess.run(
                [python, str(HERE / "same_candidates.py"), "--scorer", *scorer.split(), "--pairs", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            one, warm = json.loads(out.strip().splitlines()[-1])
            results.setdefault((label, first), []).append(one)
            if first == "cold":  # (the service process's second pass is reported per round only)
                results.setdefault((label, "warm"), []).append(warm)
            print(
                f"round {r + 1} {label:9s} {first:8s} {one:8.0f} pairs/s   warm {warm:8.0f} pairs/s",
                flush=True,
            )
    base = {
        "cold": results[("logic-v2", "cold")],
        "service": results[("logic-v2", "cold")],
        "warm": results[("logic-v2", "warm")],
    }
    for (label, kind), values in sorted(results.items()):
        if label == "logic-v2":
            print(f"median {label:9s} {kind:8s} {statistics.median(values):8.0f} pairs/s")
            continue
        # each round's scorers ran back to back: their ratio is less moved by the machine's drift
        own = statistics.median(v / b for v, b in zip(values, base[kind], strict=True))
        ratio = statistics.median(values) / statistics.median(base[kind])
        print(
            f"median {label:9s} {kind:8s} {statistics.median(values):8.0f} pairs/s   "
            f"x logic-v2: {ratio:.2f} (median of the rounds' own ratios {own:.2f})"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
