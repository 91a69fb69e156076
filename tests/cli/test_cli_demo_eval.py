"""``materiel demo`` on the bundled example, and ``materiel eval`` against gold files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import SHARED, SHARED_SKIP, SHIPMENT, Cli

Write = Callable[[str, str], str]


def test_demo_shows_the_facts_with_evidence_and_leaves_nothing_behind(cli: Cli, tmp_path: Path) -> None:
    run = cli("demo", db=None)
    assert run.exit_code == 0, run.stderr
    out = run.stdout
    assert "Russia turns to North Korea for weapons" in out  # the document title
    assert "2023-03-31" in out
    assert "North Korea → Russia" in out
    assert "Ashot Mkrtychev" in out
    assert "Executive Order 13551" in out
    for heading in ("Entities", "Transfers", "Designations", "Denials"):
        assert heading in out
    assert "evidence [" in out
    assert "state:KP" not in out  # actors by name, not by entity id
    assert len(run.out_lines) < 60
    assert list(tmp_path.iterdir()) == []  # the demo store was temporary


def _gold(tmp_path: Path) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "shipment.json").write_text(
        json.dumps(
            {
                "id": "shipment",
                "transfers": [{"supplier": "BY", "recipient": "MM", "categories": ["armoured_vehicles"]}],
                "designations": [{"target": "Zenit Export Bureau"}],
                "denials": [{"party": "BY"}],
                "persons": [],
            }
        ),
        encoding="utf-8",
    )
    (gold / "never-given.json").write_text(json.dumps({"id": "never-given"}), encoding="utf-8")
    return gold


def test_eval_prints_the_report_and_errors(cli: Cli, write: Write, tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    doc = write("docs/shipment.txt", SHIPMENT)
    run = cli("eval", str(gold), doc, "--errors")
    assert run.exit_code == 0, run.stderr
    for row in ("pairs", "triples", "designations", "denials", "persons"):
        assert row in run.stdout
    assert "no prediction for: never-given" in run.stdout

    data = json.loads(cli("eval", str(gold), "docs", "--json").stdout)
    assert data["overall"]["pairs"]["gold"] == 1
    assert data["missing"] == ["never-given"]
    assert set(data["documents"]) == {"shipment", "never-given"}


def test_eval_with_a_missing_gold_directory_is_one_line(cli: Cli, write: Write) -> None:
    run = cli("eval", "no-such-gold", write("a.txt", SHIPMENT))
    assert run.exit_code == 1
    assert run.err_lines == ["error: no-such-gold: not a directory of gold files"]


def test_eval_reports_unreadable_documents_and_exits_1(cli: Cli, tmp_path: Path) -> None:
    run = cli("eval", str(_gold(tmp_path)), "nowhere.txt")
    assert run.exit_code == 1
    assert run.err_lines[0].startswith("nowhere.txt: ")
    assert "pairs" in run.stdout


@pytest.mark.skipif(not (SHARED / "eval" / "dev").is_dir(), reason=SHARED_SKIP)
def test_eval_on_the_shared_dev_set_scores_every_document(cli: Cli) -> None:
    dev = SHARED / "eval" / "dev"
    run = cli("eval", str(dev / "gold"), str(dev / "docs"), "--json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["missing"] == []
    assert set(data["documents"]) == {p.stem for p in (dev / "gold").glob("*.json")}
    assert data["overall"]["pairs"]["gold"] > 0


@pytest.mark.skipif(not (SHARED / "eval" / "dev").is_dir(), reason=SHARED_SKIP)
def test_extract_jsonl_of_a_dev_document_is_read_by_the_scorer(cli: Cli, tmp_path: Path) -> None:
    from materiel.extract.evaluate import load_gold, read_predictions, score_predictions

    dev = SHARED / "eval" / "dev"
    doc = sorted((dev / "docs").glob("*.json"))[0]
    run = cli("extract", str(doc))
    assert run.exit_code == 0, run.stderr
    out = tmp_path / "pred.jsonl"
    out.write_text(run.stdout, encoding="utf-8")
    report = score_predictions(load_gold(dev / "gold"), read_predictions(out))
    assert doc.stem not in report.missing
