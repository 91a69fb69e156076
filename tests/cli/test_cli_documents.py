"""``materiel ingest``, ``documents`` and ``show`` on a real SQLite store."""

from __future__ import annotations

import json
from collections.abc import Callable

from cli_support import QUIET, SHIPMENT, Cli

from materiel.store import Store

Write = Callable[[str, str], str]


def test_ingest_reports_counts_failures_and_is_idempotent(cli: Cli, write: Write, db_url: str) -> None:
    a = write("a.txt", SHIPMENT)
    b = write("b.txt", QUIET)
    run = cli("ingest", a, b, "missing.txt", "--publisher", "Example Wire", "--published", "2021-06-04")
    assert run.exit_code == 1
    assert run.out_lines == ["ingested 2, already present 0, failed 1"]
    assert len(run.err_lines) == 1
    assert run.err_lines[0].startswith("missing.txt: ")

    again = cli("ingest", a, b)
    assert again.exit_code == 0
    assert again.out_lines == ["ingested 0, already present 2, failed 0"]
    assert again.stderr == ""
    with Store(db_url) as store:
        assert store.count_documents() == 2
        docs = store.list_documents()
    assert {d.source_path for d in docs} == {"a.txt", "b.txt"}
    assert {d.publisher for d in docs} == {"Example Wire"}


def test_ingest_many_files_in_a_directory_keeps_output_clean(cli: Cli, write: Write) -> None:
    for i in range(7):
        write(f"reports/r{i}.txt", f"Report number {i}. {QUIET}")
    write("reports/skip.bak", QUIET + " (backup)")
    run = cli("ingest", "reports", "--exclude", "*.bak")
    assert run.exit_code == 0
    assert run.out_lines == ["ingested 7, already present 0, failed 0"]
    assert run.stderr == ""  # no progress-bar residue when stderr is not a terminal


def test_bad_furniture_file_is_one_failure_and_nothing_is_stored(cli: Cli, write: Write, db_url: str) -> None:
    a = write("a.txt", SHIPMENT)
    bad = write("bad-furniture.yaml", "- [\n")
    run = cli("ingest", a, "--furniture", bad)
    assert run.exit_code == 1
    assert run.out_lines == ["ingested 0, already present 0, failed 1"]
    assert len(run.err_lines) == 1 and run.err_lines[0].startswith("bad-furniture.yaml: ")
    with Store(db_url) as store:
        assert store.count_documents() == 0


def test_documents_lists_and_filters(cli: Cli, write: Write) -> None:
    cli("ingest", write("a.txt", SHIPMENT), "--publisher", "Example Wire", "--published", "2021-06-04")
    cli("ingest", write("b.txt", QUIET), "--publisher", "Harbour Gazette", "--published", "2023-02-01")
    cli("ingest", write("c.txt", "An undated note about " + QUIET))

    table = cli("documents")
    assert table.exit_code == 0
    assert "3 document(s)" in table.stdout
    assert "Example Wire" in table.stdout and "2023-02-01" in table.stdout

    rows = [json.loads(line) for line in cli("documents", "--json").out_lines]
    assert [r["source_path"] for r in rows] == ["a.txt", "b.txt", "c.txt"]  # dated first, undated last
    assert rows[0]["published"] == "2021-06-04" and rows[0]["chars"] > 0

    def paths(*args: str) -> list[str]:
        return [json.loads(line)["source_path"] for line in cli("documents", "--json", *args).out_lines]

    assert paths("--publisher", "gazette") == ["b.txt"]
    assert paths("--since", "2022-01-01") == ["b.txt"]
    assert paths("--until", "2022-01-01") == ["a.txt"]
    assert paths("--limit", "1") == ["a.txt"]
    assert cli("documents", "--publisher", "nobody").out_lines == ["no documents match"]


def test_documents_rejects_a_bad_date(cli: Cli) -> None:
    run = cli("documents", "--since", "June 2021")
    assert run.exit_code == 2
    assert "--since" in run.stderr


def test_show_by_prefix_prints_metadata_and_text(cli: Cli, write: Write) -> None:
    cli("ingest", write("a.txt", SHIPMENT), "--publisher", "Example Wire", "--title", "Carriers for Myanmar")
    doc_id = json.loads(cli("documents", "--json").out_lines[0])["id"]

    run = cli("show", doc_id[:8])
    assert run.exit_code == 0
    assert "Carriers for Myanmar" in run.stdout
    assert doc_id in run.stdout
    assert "Example Wire" in run.stdout
    assert "designated Zenit Export Bureau" in run.stdout  # the text itself
    assert "not extracted yet" in run.stdout

    data = json.loads(cli("show", doc_id[:8], "--json").stdout)
    assert data["document"]["id"] == doc_id
    assert data["document"]["text"].startswith("Freight logs show")
    assert data["extraction"] is None
