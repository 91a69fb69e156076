"""The product's own scorer: extraction output against gold, by the rules of shared/eval/SCORING.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from materiel.errors import InputError
from materiel.extract.evaluate import (
    ROWS,
    EvalReport,
    format_errors,
    format_report,
    load_gold,
    read_predictions,
    score_predictions,
)

REPO = Path(__file__).resolve().parents[2]
SHARED_EVAL = REPO.parent / "shared" / "eval"


def state(eid: str, code: str, name: str = "") -> dict[str, Any]:
    return {"id": eid, "kind": "state", "name": name or code, "country": code}


def org(eid: str, name: str) -> dict[str, Any]:
    return {"id": eid, "kind": "organization", "name": name, "country": None}


def person(eid: str, name: str) -> dict[str, Any]:
    return {"id": eid, "kind": "person", "name": name, "country": None}


def transfer(supplier: str, recipient: str | None, *categories: str) -> dict[str, Any]:
    items = [{"text": c, "category": c} for c in categories]
    return {"type": "arms_transfer", "supplier": supplier, "recipient": recipient, "items": items}


def prediction(stem: str, entities: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "document": {"id": f"id-{stem}", "source_path": f"docs/{stem}.json"},
        "entities": entities,
        "events": events,
    }


def gold_doc(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"transfers": [], "designations": [], "denials": [], "persons": []}
    base.update(fields)
    return base


def gold_transfer(supplier: str, recipient: str, *categories: str) -> dict[str, Any]:
    return {"supplier": supplier, "recipient": recipient, "categories": list(categories)}


KP, RU, IR = state("e1", "KP", "North Korea"), state("e2", "RU", "Russia"), state("e3", "IR", "Iran")

# (name, gold, prediction, row, (tp_pred, n_pred, tp_gold, n_gold))
CASES = [
    (
        "state matched by country code",
        gold_doc(transfers=[gold_transfer("KP", "RU", "artillery")]),
        prediction("a", [KP, RU], [transfer("e1", "e2", "artillery")]),
        "pairs",
        (1, 1, 1, 1),
    ),
    (
        "state name is not its code",
        gold_doc(transfers=[gold_transfer("KP", "RU", "artillery")]),
        prediction("a", [org("e1", "North Korea"), RU], [transfer("e1", "e2")]),
        "pairs",
        (0, 1, 0, 1),
    ),
    (
        "other state is wrong",
        gold_doc(denials=[{"party": "KP"}]),
        prediction("a", [IR], [{"type": "denial", "party": "e3"}]),
        "denials",
        (0, 1, 0, 1),
    ),
    (
        "company words dropped",
        gold_doc(transfers=[gold_transfer("Wagner Group", "RU", "missiles")]),
        prediction("a", [org("w", "the Wagner company"), RU], [transfer("w", "e2", "missiles")]),
        "pairs",
        (1, 1, 1, 1),
    ),
    (
        "title dropped from person",
        gold_doc(persons=["Ashot Mkrtychev"]),
        prediction("a", [person("p", "Mr. Ashot Mkrtychev")], []),
        "persons",
        (1, 1, 1, 1),
    ),
    (
        "accents and case folded",
        gold_doc(persons=["José Álvarez"]),
        prediction("a", [person("p", "JOSE ALVAREZ")], []),
        "persons",
        (1, 1, 1, 1),
    ),
    (
        "two tokens contained in three",
        gold_doc(persons=["Ashot Mkrtychev"]),
        prediction("a", [person("p", "Ashot V. Mkrtychev")], []),
        "persons",
        (1, 1, 1, 1),
    ),
    (
        "one token is not enough",
        gold_doc(persons=["Ashot Mkrtychev"]),
        prediction("a", [person("p", "Mkrtychev")], []),
        "persons",
        (0, 1, 0, 1),
    ),
    (
        "surname-only gold needs surname only",
        gold_doc(persons=["Biden"]),
        prediction("a", [person("p", "Joe Biden")], []),
        "persons",
        (0, 1, 0, 1),
    ),
    (
        "designation target by name",
        gold_doc(designations=[{"authority": "US", "target": "Green Pine Corp."}]),
        prediction("a", [org("t", "Green Pine Corporation")], [{"type": "designation", "target": "t"}]),
        "designations",
        (1, 1, 1, 1),
    ),
    (
        "designation target as plain string",
        gold_doc(designations=[{"authority": "UN", "target": "Ocean Star"}]),
        prediction("a", [], [{"type": "designation", "target": "ocean star"}]),
        "designations",
        (1, 1, 1, 1),
    ),
    (
        "unspecified prediction matches typed gold",
        gold_doc(transfers=[gold_transfer("KP", "RU", "artillery", "ammunition")]),
        prediction("a", [KP, RU], [transfer("e1", "e2")]),
        "triples",
        (1, 1, 2, 2),
    ),
    (
        "unspecified gold matches typed prediction",
        gold_doc(transfers=[gold_transfer("IR", "RU", "unspecified")]),
        prediction("a", [IR, RU], [transfer("e3", "e2", "uav", "missiles")]),
        "triples",
        (2, 2, 1, 1),
    ),
    (
        "typed categories must be equal",
        gold_doc(transfers=[gold_transfer("IR", "RU", "uav")]),
        prediction("a", [IR, RU], [transfer("e3", "e2", "missiles")]),
        "triples",
        (0, 1, 0, 1),
    ),
    (
        "direction matters",
        gold_doc(transfers=[gold_transfer("KP", "RU", "ammunition")]),
        prediction("a", [KP, RU], [transfer("e2", "e1", "ammunition")]),
        "pairs",
        (0, 1, 0, 1),
    ),
    (
        "duplicates counted once",
        gold_doc(
            transfers=[gold_transfer("KP", "RU", "ammunition"), gold_transfer("KP", "RU", "ammunition")]
        ),
        prediction(
            "a",
            [KP, RU, state("e9", "RU", "Moscow")],
            [transfer("e1", "e2", "ammunition"), transfer("e1", "e9", "ammunition")],
        ),
        "pairs",
        (1, 1, 1, 1),
    ),
    (
        "duplicate persons counted once",
        gold_doc(persons=["John Kirby"]),
        prediction(
            "a", [person("p1", "John Kirby"), person("p2", "Mr. Kirby"), person("p3", "Kirby John")], []
        ),
        "persons",
        (1, 2, 1, 1),
    ),
    (
        "transfer with an unknown end is dropped",
        gold_doc(transfers=[gold_transfer("KP", "RU")]),
        prediction("a", [KP], [transfer("e1", None)]),
        "pairs",
        (0, 0, 0, 1),
    ),
    ("nothing on either side", gold_doc(), prediction("a", [], []), "denials", (0, 0, 0, 0)),
]


@pytest.mark.parametrize(("gold", "pred", "row", "counts"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_row_counts(gold: dict[str, Any], pred: dict[str, Any], row: str, counts: tuple[int, ...]) -> None:
    report = score_predictions({"a": gold}, [pred])
    got = report.rows[row]
    assert (got.tp_pred, got.n_pred, got.tp_gold, got.n_gold) == counts
    assert report.documents["a"][row].n_pred == counts[1]


def test_precision_recall_f1_and_empty_rows() -> None:
    gold = {"a": gold_doc(persons=["Ann Smith", "Bob Jones"]), "b": gold_doc(persons=["Cy Young"])}
    preds = [
        prediction("a", [person("p", "Ann Smith"), person("q", "Dan Brown")], []),
        prediction("b", [person("p", "Cy Young")], []),
    ]
    report = score_predictions(gold, preds)
    persons = report.rows["persons"]
    assert (persons.precision, persons.recall) == (2 / 3, 2 / 3)
    assert persons.f1 == pytest.approx(2 / 3)
    assert (report.rows["denials"].precision, report.rows["denials"].recall) == (1.0, 1.0)


def test_wrong_and_missed_items_are_listed_per_document() -> None:
    gold = {
        "a": gold_doc(
            transfers=[gold_transfer("KP", "RU", "artillery"), gold_transfer("IR", "RU", "uav")],
            persons=["John Kirby"],
        )
    }
    pred = prediction("a", [KP, RU, person("p", "Jane Roe")], [transfer("e1", "e2", "missiles")])
    doc = score_predictions(gold, [pred]).documents["a"]
    assert doc["pairs"].false_positives == []
    assert doc["pairs"].false_negatives == ["IR -> RU"]
    assert doc["triples"].false_positives == ["KP -> RU [missiles]"]
    assert sorted(doc["triples"].false_negatives) == ["IR -> RU [uav]", "KP -> RU [artillery]"]
    assert (doc["persons"].false_positives, doc["persons"].false_negatives) == (["Jane Roe"], ["John Kirby"])
    assert "a persons missed: John Kirby" in format_errors(score_predictions(gold, [pred])).splitlines()


def test_documents_paired_by_source_path_stem_then_id_and_missing_listed() -> None:
    gold = {
        "006": gold_doc(persons=["Ann Smith"]),
        "007": gold_doc(persons=["Bob Jones"]),
        "008": gold_doc(persons=["Cy Young"]),
    }
    by_path = {
        "document": {"id": "x1", "source_path": "/data/run/006.json"},
        "entities": [person("p", "Ann Smith")],
        "events": [],
    }
    by_id = {
        "document": {"id": "007", "source_path": None},
        "entities": [person("p", "Bob Jones")],
        "events": [],
    }
    stray = {"document": {"id": "999"}, "entities": [person("p", "Cy Young")], "events": []}
    report = score_predictions(gold, [by_path, by_id, stray])
    assert report.missing == ["008"]
    assert report.rows["persons"].tp_gold == 2
    assert report.rows["persons"].n_pred == 2  # the stray document has no gold and is not scored
    out = report.to_dict()
    assert out["missing"] == ["008"]
    assert set(out["overall"]) == set(ROWS)
    assert out["documents"]["008"]["persons"]["false_negatives"] == ["Cy Young"]


def test_load_gold_reads_by_stem_and_names_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "001.json").write_text(json.dumps(gold_doc(persons=["Ann Smith"])), encoding="utf-8")
    assert list(load_gold(tmp_path)) == ["001"]
    (tmp_path / "002.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"002\.json"):
        load_gold(tmp_path)
    with pytest.raises(InputError):
        load_gold(tmp_path / "absent")


def test_read_predictions_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(prediction("a", [], [])) + "\n\n[1]\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        read_predictions(path)


def test_format_report_shows_rows_and_missing_documents() -> None:
    report = score_predictions(
        {"a": gold_doc(persons=["Ann Smith"]), "b": gold_doc()},
        [prediction("a", [person("p", "Ann Smith")], [])],
    )
    console = Console(width=100, record=True)
    console.print(format_report(report))
    text = console.export_text()
    for row in ROWS:
        assert row in text
    assert "1.000" in text
    assert "no prediction for: b" in text


# ---------- agreement with the reference script ----------


def _synthetic_predictions(gold: dict[str, dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Three runs over the dev gold: copied with noise, partly wrong, and sparse with a gap."""
    runs: list[list[dict[str, Any]]] = [[], [], []]
    for n, (stem, g) in enumerate(sorted(gold.items())):
        ents: dict[str, dict[str, Any]] = {}

        def ref(actor: str, ents: dict[str, dict[str, Any]] = ents) -> str:
            eid = f"e{len(ents)}"
            ents[eid] = state(eid, actor) if len(actor) == 2 and actor.isupper() else org(eid, f"The {actor}")
            return eid

        events = [
            transfer(ref(t["supplier"]), ref(t["recipient"]), *t.get("categories", [])[:1])
            for t in g.get("transfers", [])
        ]
        events += [
            {"type": "designation", "target": ref(f"Mr. {d['target']}")} for d in g.get("designations", [])
        ]
        events += [{"type": "denial", "party": ref(d["party"])} for d in g.get("denials", [])]
        people = [person(f"p{i}", name) for i, name in enumerate(g.get("persons", []))]
        runs[0].append(prediction(stem, [*ents.values(), *people], events))
        wrong = [transfer(ref("RU"), ref("KP"), "naval"), transfer(ref("IR"), ref("Houthis"))]
        extra = (
            [person("x1", "Invented Person"), *people[1:], person("x2", people[0]["name"].split()[-1])]
            if people
            else [person("x1", "Invented Person")]
        )
        runs[1].append(prediction(stem, [*ents.values(), *extra], events[::2] + wrong + events[:1]))
        if n % 3 != 1:
            runs[2].append(prediction(stem, list(ents.values()), events[1:2]))
    return runs


@pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists(), reason="../shared/eval is not present")
def test_numbers_equal_the_reference_scorer(tmp_path: Path) -> None:
    gold_dir = SHARED_EVAL / "dev" / "gold"
    gold = load_gold(gold_dir)
    for i, run in enumerate(_synthetic_predictions(gold)):
        path = tmp_path / f"run{i}.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in run), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(SHARED_EVAL / "score.py"), str(gold_dir), str(path), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
        reference = json.loads(done.stdout)
        report: EvalReport = score_predictions(gold, read_predictions(path))
        ours = report.to_dict()
        for row in ROWS:
            theirs = reference["overall"][row]
            assert {k: ours["overall"][row][k] for k in theirs} == theirs, (i, row)
        for stem, rows in report.documents.items():
            for row, score in rows.items():
                expected = f"{score.tp_gold}/{score.n_gold} gold, {score.tp_pred}/{score.n_pred} pred"
                assert reference["documents"][stem][row] == expected, (i, stem, row)
        assert report.missing == reference["missing"]
