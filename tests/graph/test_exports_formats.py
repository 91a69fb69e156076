"""CSV register, GraphML (read back with networkx) and PLOVER-like event lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_exports_picture import HOSTILE, make_picture

from materiel.graph.exports import CSV_COLUMNS, to_csv_register, to_events_jsonl, to_graphml, write_export
from materiel.graph.records import Picture

nx = pytest.importorskip("networkx")


def test_csv_register_has_the_columns_and_one_row_per_transfer() -> None:
    picture = make_picture()
    rows = list(csv.DictReader(io.StringIO(to_csv_register(picture))))
    assert list(rows[0].keys()) == CSV_COLUMNS
    for column in (
        "supplier",
        "recipient",
        "number_ordered",
        "number_delivered",
        "weapon_designation",
        "weapon_description",
        "year_of_order",
        "years_of_delivery",
        "comments",
        "items",
        "categories",
        "quantity",
        "consideration",
        "brokers",
        "status",
        "period_start",
        "period_end",
        "sources",
        "corroboration",
        "verdicts",
        "contested",
    ):
        assert column in CSV_COLUMNS
    transfers = [e for e in picture.events if e.type == "arms_transfer"]
    assert [r["event_id"] for r in rows] == [e.id for e in transfers]
    shells = rows[0]
    assert shells["supplier"] == "North Korea" and shells["recipient"] == "Russia"
    assert shells["number_delivered"] == "1 million (artillery shells)"
    assert shells["years_of_delivery"] == "2023-2024" and shells["year_of_order"] == ""
    assert shells["corroboration"] == "2" and shells["contested"] == "yes"
    assert shells["publishers"] == "Example Watch; State News Agency"
    assert "doc1 (Example Watch)" in shells["sources"]
    assert shells["verdicts"].startswith("breach: UNSCR 1718")
    assert "Denied by North Korea" in shells["comments"]
    sought = rows[2]
    assert sought["brokers"] == "Ashot Mkrtychev"
    assert sought["consideration"] == "commercial aircraft; raw materials"
    assert sought["number_delivered"] == "" and sought["status"] == "sought"
    assert rows[3]["period_start"] == "" and "do not date it" in rows[3]["comments"]


def test_csv_of_an_empty_picture_is_a_header() -> None:
    assert to_csv_register(Picture()).strip() == ",".join(CSV_COLUMNS)


def test_graphml_loads_in_networkx_with_nodes_and_edges(tmp_path: Path) -> None:
    path = tmp_path / "picture.graphml"
    path.write_text(to_graphml(make_picture()), encoding="utf-8")
    graph = nx.read_graphml(path)
    assert graph.is_directed() and graph.is_multigraph()
    assert {"state:KP", "state:RU", "person:ashot-mkrtychev", "vessel:angara", "authority:EU"} <= set(
        graph.nodes
    )
    assert graph.nodes["state:KP"]["label"] == "North Korea"
    assert graph.nodes["person:ashot-mkrtychev"]["list_matched"] is True
    assert graph.nodes["state:KP"]["mentions"] == 9
    assert graph.nodes["org:zenit"]["label"] == HOSTILE
    edges = [(u, v, d) for u, v, d in graph.edges(data=True)]
    kinds = {(u, v, d["type"]) for u, v, d in edges}
    assert ("state:KP", "state:RU", "transfer") in kinds
    assert ("person:ashot-mkrtychev", "state:KP", "brokering") in kinds
    assert ("person:ashot-mkrtychev", "state:RU", "brokering") in kinds
    assert ("state:US", "person:ashot-mkrtychev", "designation") in kinds
    assert ("authority:EU", "vessel:angara", "designation") in kinds
    assert ("state:KP", "state:RU", "denial") in kinds
    transfers = [d for u, v, d in edges if d["type"] == "transfer"]
    assert len(transfers) == 4
    shells = next(d for d in transfers if d["event_id"] == "ev-t1")
    assert shells["corroboration"] == 2 and shells["contested"] is True and shells["status"] == "delivered"
    assert shells["start"] == "2023-08-01" and "breach" in shells["verdicts"]


def test_event_lines_are_plover_like_with_attribution_and_stance() -> None:
    records = list(to_events_jsonl(make_picture()))
    for record in records:
        json.dumps(record)
        for key in ("event_type", "mode", "context", "actor", "recipient", "date", "asserted_by", "stance"):
            assert key in record
    shells = [r for r in records if r["event_id"] == "ev-t1"]
    assert len(shells) == 3  # one line per report
    assert {r["stance"] for r in shells} == {"asserts", "denies"}
    first = shells[0]
    assert (first["event_type"], first["mode"]) == ("AID", "military")
    assert (
        first["actor"] == "North Korea" and first["actor_country"] == "KP" and first["recipient"] == "Russia"
    )
    assert first["asserted_by"] == ["state:US"] and first["asserted_by_names"] == ["United States"]
    assert first["story_id"] == "doc1" and first["story_date"] == "2023-10-13" and first["corroboration"] == 2
    sought = next(r for r in records if r["event_id"] == "ev-t3")
    assert sought["event_type"] == "REQUEST"
    designation = next(r for r in records if r["event_id"] == "ev-d1")
    assert designation["event_type"] == "SANCTION" and designation["actor_id"] == "state:US"
    assert designation["recipient_id"] == "person:ashot-mkrtychev" and designation["date"] == "2023-03-30"
    denial = next(r for r in records if r["event_id"] == "ev-n1")
    assert (denial["event_type"], denial["actor"], denial["recipient"]) == ("REJECT", "North Korea", "Russia")


@pytest.mark.parametrize("fmt", ["ftm", "csv", "graphml", "events"])
def test_write_export_every_format(fmt: str) -> None:
    out = io.StringIO()
    assert write_export(make_picture(), fmt, out) > 0
    assert out.getvalue().endswith("\n")


def test_write_export_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        write_export(make_picture(), "xlsx", io.StringIO())
