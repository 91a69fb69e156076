"""``materiel export``: the cross-document picture as FollowTheMoney, a CSV register, GraphML or events."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from materiel.cli.app import command, say, state
from materiel.graph import load_picture
from materiel.graph.exports import write_export


class ExportFormat(StrEnum):
    ftm = "ftm"
    csv = "csv"
    graphml = "graphml"
    events = "events"


@command("export")
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="ftm (FollowTheMoney JSON lines), csv, graphml or events."),
    ] = ExportFormat.ftm,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="FILE", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export the picture across all stored documents (resolved entities, merged events, sources).

    - `ftm`: FollowTheMoney entities, one JSON object per line (Aleph, `ftm` tools);
    - `csv`: a register of transfers in the columns of SIPRI's trade register plus ours;
    - `graphml`: entities and their relations, for Gephi, networkx, yEd or Cytoscape;
    - `events`: PLOVER-like event records, one line per report, with who asserts or denies it.

    Examples:

        materiel export --format ftm > picture.ftm.jsonl
        materiel export --format graphml --out picture.graphml
    """
    picture = load_picture(state.db_url)
    if out is None:
        write_export(picture, fmt.value, sys.stdout)
        sys.stdout.flush()
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        count = write_export(picture, fmt.value, handle)
    say(f"wrote {out} ({count} records, {fmt.value})")
