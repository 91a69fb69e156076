"""What the analyst sees of automatic screening: the demo, ``extract`` then ``show``, on a real store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from cli_support import SHIPMENT, Cli

from materiel.examples import example_path
from materiel.examples.lists import copy_lists

Write = Callable[[str, str], str]


def test_demo_shows_the_broker_on_the_ofac_list_with_the_reasons(cli: Cli, tmp_path: Path) -> None:
    run = cli("demo", db=None)
    assert run.exit_code == 0, run.stderr
    out = run.stdout
    assert "ofac-sdn v1 (7 entries, 2024-05-03)" in out  # the bundled extract, dated as its original
    assert "Sanctions screening: 1 match among 4 entities" in out
    (line,) = [line for line in run.out_lines if "Ashot Mkrtychev (person) →" in line]
    assert "MKRTYCHEV, Ashot" in line
    assert "ofac-sdn:41736" in line
    assert "programs DPRK" in line
    assert "score 1.00 match" in line
    assert "name 1.00: 'ashot mkrtychev' vs 'MKRTYCHEV, Ashot'" in out
    assert "country +0.02: country SK on the list" in out
    assert out.index("Sanctions screening") < out.index("Transfers")  # under the entities
    assert list(tmp_path.iterdir()) == []


def test_extract_screens_and_show_prints_the_matches(cli: Cli, tmp_path: Path) -> None:
    lists = copy_lists(tmp_path / "lists")
    assert cli("lists", "load", *map(str, lists)).exit_code == 0
    assert cli("ingest", str(example_path())).exit_code == 0
    assert cli("extract").exit_code == 0
    doc_id = json.loads(cli("documents", "--json").out_lines[0])["id"]

    run = cli("show", doc_id[:8])
    assert run.exit_code == 0
    assert (
        "Sanctions screening: 1 match among 4 entities (lists ofac-sdn v1 2024-05-03, un-sc v1 2026-02-27;"
        in (run.stdout)
    )
    assert "Ashot Mkrtychev (person) → MKRTYCHEV, Ashot  ofac-sdn:41736 (ofac-sdn v1)" in run.stdout

    data = json.loads(cli("show", doc_id[:8], "--json").stdout)
    screening = data["screening"]
    assert [v["key"] for v in screening["lists"]] == ["ofac-sdn", "un-sc"]
    (hit,) = [h for h in screening["hits"] if h["match"]]
    assert hit["entity_id"] == "person:ashot-mkrtychev"
    assert (hit["list"], hit["list_id"], hit["list_version"]) == ("ofac-sdn", "ofac-sdn:41736", 1)
    assert hit["list_checksum"] == screening["lists"][0]["checksum"]
    assert hit["explanation"][0]["feature"] == "name"


def test_show_says_when_a_document_was_not_screened(cli: Cli, write: Write) -> None:
    cli("ingest", write("a.txt", SHIPMENT))
    assert cli("extract").exit_code == 0
    doc_id = json.loads(cli("documents", "--json").out_lines[0])["id"]
    run = cli("show", doc_id)
    assert "Sanctions screening: not screened" in run.stdout
    assert json.loads(cli("show", doc_id, "--json").stdout)["screening"] is None
