"""``materiel extract``: the JSON-lines contract without a store, and extraction of stored documents."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from cli_support import FRENCH, QUIET, SHIPMENT, Cli

from materiel.model import normalise_text
from materiel.store import Store

Write = Callable[[str, str], str]

DOCUMENT_KEYS = {"id", "source_path", "url", "title", "publisher", "published"}
ENTITY_KEYS = {"id", "kind", "name", "country", "aliases", "mentions"}
TRANSFER_KEYS = {
    "id",
    "type",
    "supplier",
    "recipient",
    "items",
    "consideration",
    "brokers",
    "declared_destinations",
    "use",
    "status",
    "asserted_by",
    "denied_by",
    "evidence",
}


def _events(obj: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in obj["events"] if e["type"] == kind]


def test_jsonl_follows_the_contract_with_offsets_on_the_text(cli: Cli, write: Write) -> None:
    path = write("reports/shipment.txt", SHIPMENT)
    run = cli("extract", path)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    [line] = run.out_lines
    obj = json.loads(line)
    assert set(obj) == {"document", "entities", "events"}
    assert set(obj["document"]) == DOCUMENT_KEYS
    assert obj["document"]["source_path"] == "reports/shipment.txt"  # as given
    for entity in obj["entities"]:
        assert set(entity) >= ENTITY_KEYS
    text = normalise_text(SHIPMENT)
    names = {e["id"]: e for e in obj["entities"]}
    for entity in obj["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    [transfer] = _events(obj, "arms_transfer")
    assert set(transfer) >= TRANSFER_KEYS
    assert names[transfer["supplier"]]["country"] == "BY"
    assert names[transfer["recipient"]]["country"] == "MM"
    assert "armoured_vehicles" in {i["category"] for i in transfer["items"]}
    for ev in obj["events"]:
        assert ev["evidence"], ev
        for span in ev["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    assert any(
        names.get(d["target"], {}).get("name") == "Zenit Export Bureau" for d in _events(obj, "designation")
    )
    assert _events(obj, "denial")


def test_json_keeps_non_ascii_characters_as_they_are(cli: Cli, write: Write) -> None:
    path = write("c.txt", "Serbia sold mortar rounds to Côte d'Ivoire in 2019, an official said.\n")
    run = cli("extract", path)
    assert run.exit_code == 0
    assert '"text": "Côte d\'Ivoire"' in run.stdout


def test_failures_go_to_stderr_and_good_documents_still_print(cli: Cli, write: Write) -> None:
    a = write("a.txt", SHIPMENT)
    b = write("b.txt", QUIET)
    run = cli("extract", a, "nowhere.txt", b)
    assert run.exit_code == 1
    assert [json.loads(line)["document"]["source_path"] for line in run.out_lines] == ["a.txt", "b.txt"]
    assert len(run.err_lines) == 1 and run.err_lines[0].startswith("nowhere.txt: ")


def test_non_english_document_is_printed_as_skipped(cli: Cli, write: Write) -> None:
    path = write("conseil.txt", FRENCH)
    run = cli("extract", path)
    assert run.exit_code == 0
    obj = json.loads(run.stdout)
    assert "not English" in obj["skipped"]
    assert obj["events"] == []
    assert len(run.err_lines) == 1 and "conseil.txt" in run.stderr and "skipped" in run.stderr


def test_table_format_names_actors_and_shows_evidence(cli: Cli, write: Write) -> None:
    run = cli("extract", write("a.txt", SHIPMENT), "--format", "table")
    assert run.exit_code == 0
    assert "Belarus → Myanmar" in run.stdout
    assert "armoured_vehicles" in run.stdout
    assert "evidence [0:" in run.stdout
    assert "Zenit Export Bureau" in run.stdout
    assert "state:BY" not in run.stdout  # ids are shown by name


def test_extract_stored_documents_saves_them_once(cli: Cli, write: Write, db_url: str) -> None:
    cli("ingest", write("a.txt", SHIPMENT), write("b.txt", QUIET))
    first = cli("extract")
    assert first.exit_code == 0
    [summary] = first.out_lines
    assert summary.startswith("extracted 2 document(s) (skipped 0, failed 0): 1 transfer(s), ")
    with Store(db_url) as store:
        ids = [d.id for d in store.list_documents()]
        assert all(store.has_extraction(i) for i in ids)

    assert cli("extract").out_lines[0].startswith("extracted 0 document(s)")
    assert cli("extract", "--redo").out_lines[0].startswith("extracted 2 document(s)")

    doc = next(json.loads(line) for line in cli("documents", "--json").out_lines if line and "a.txt" in line)
    shown = cli("show", doc["id"])
    assert shown.exit_code == 0
    assert "Belarus → Myanmar" in shown.stdout
    assert "not extracted yet" not in shown.stdout
    data = json.loads(cli("show", doc["id"], "--json").stdout)
    assert _events(data["extraction"], "arms_transfer")


def test_extract_with_empty_store_says_so(cli: Cli) -> None:
    run = cli("extract")
    assert run.exit_code == 0
    assert run.out_lines[0].startswith("extracted 0 document(s)")
