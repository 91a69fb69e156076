"""``materiel report``: the analyst brief, one self-contained HTML file (optionally a PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from materiel.cli.app import command, say, state, warn
from materiel.errors import InputError
from materiel.graph import load_picture
from materiel.graph.brief import write_brief


@command("report")
def report(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="Where to write the HTML brief.")],
    entity: Annotated[
        str | None,
        typer.Option(metavar="ID", help="A brief on one entity: id, country code or name."),
    ] = None,
    between: Annotated[
        tuple[str, str] | None,
        typer.Option(metavar="A B", help="A brief on two parties, e.g. `--between KP RU`."),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print a PDF beside it, with a browser installed here.")
    ] = False,
) -> None:
    """Write the analyst brief: key judgements with confidence, a timeline, a network, tables of
    transfers (with verdicts), designations and denials, and a numbered source list that every
    fact cites. The HTML loads nothing from elsewhere and prints well; `--pdf` uses a local
    Chromium-family browser and says so when there is none.

    Examples:

        materiel report --between KP RU --out brief.html
        materiel report --entity "Ashot Mkrtychev" --out mkrtychev.html --pdf
    """
    if entity and between:
        raise InputError("give --entity or --between, not both")
    result = write_brief(load_picture(state.db_url), out, entity=entity, between=between, pdf=pdf)
    say(str(result.html))
    if result.pdf is not None:
        say(str(result.pdf))
    elif result.note:
        warn(result.note)
