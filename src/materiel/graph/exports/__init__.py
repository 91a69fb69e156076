"""Exports of the cross-document picture: FollowTheMoney, a CSV register, GraphML and event lines.

Each format is one module and one function of a :class:`~materiel.graph.records.Picture`; the
JSON-lines formats yield one dict per line, the others return the whole text.
:func:`write_export` writes any of them to a text stream.

    from materiel.graph.exports import to_ftm, to_csv_register, to_graphml, to_events_jsonl
    for entity in to_ftm(picture):
        print(json.dumps(entity))
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from materiel.graph.exports.csv_register import COLUMNS as CSV_COLUMNS
from materiel.graph.exports.csv_register import register_rows, to_csv_register
from materiel.graph.exports.events import event_records
from materiel.graph.exports.ftm import to_ftm
from materiel.graph.exports.graphml import to_graphml
from materiel.graph.records import Picture

FORMATS = ("ftm", "csv", "graphml", "events")


def to_events_jsonl(picture: Picture) -> Iterator[dict[str, Any]]:
    """PLOVER-like event records, one dict per report of an event (see ``exports/events.py``)."""
    return event_records(picture)


def write_export(picture: Picture, fmt: str, out: TextIO) -> int:
    """Write the picture in ``fmt`` (one of :data:`FORMATS`) to ``out``; returns the records written
    (lines for the JSON-lines formats, transfers for the CSV, nodes and edges for GraphML)."""
    if fmt in ("ftm", "events"):
        records = to_ftm(picture) if fmt == "ftm" else to_events_jsonl(picture)
        count = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":
        text = to_csv_register(picture)
        out.write(text)
        return sum(1 for e in picture.events if e.type == "arms_transfer")
    if fmt == "graphml":
        text = to_graphml(picture)
        out.write(text)
        return text.count("<node ") + text.count("<edge ")
    raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "event_records",
    "register_rows",
    "to_csv_register",
    "to_events_jsonl",
    "to_ftm",
    "to_graphml",
    "write_export",
]
