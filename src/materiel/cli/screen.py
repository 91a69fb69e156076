"""Screening commands: ``screen`` (one name or a file of them) and ``match`` (two names)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from materiel.cli.app import command, console, progress_bar, say, state, warn
from materiel.errors import InputError
from materiel.screen.match import DEFAULT_THRESHOLD, match_names
from materiel.screen.queries import make_query, parse_identifiers, read_queries
from materiel.screen.records import Match
from materiel.screen.screening import (
    CSV_COLUMNS,
    DEFAULT_LIMIT,
    csv_rows,
    review_floor,
    screen,
    split_near_misses,
    store_index,
)
from materiel.store import Store
from materiel.store.screenings import DocumentScreening

SCHEMA_HELP = "Person, Organization, Company, Vessel or Airplane."
WARNINGS_SHOWN = 10  # of the qualifiers a batch's rows had dropped, the first shown


def _reasons(m: Match, top: int = 3) -> str:
    return "; ".join(
        f"{f.feature} {f.score:+.2f}: {f.detail}"
        if f.feature != "name"
        else f"name {f.score:.2f}: {f.detail}"
        for f in m.explanation[:top]
    )


def _table(matches: list[Match]) -> Table:
    table = Table("list", "entry", "programs", "score", "reasons")
    for m in matches:
        table.add_row(
            m.entity.list,
            f"{m.entity.name} ({m.entity.id})",
            " ".join(m.entity.programs),
            f"{m.score:.2f}",
            _reasons(m),
        )
    return table


def print_screening(out: Console, screening: DocumentScreening | None, *, reasons: int = 3) -> None:
    """The stored screening of a document's entities: each match (and near miss) with its reasons."""
    if screening is None:
        out.print(
            "[bold]Sanctions screening[/bold]: not screened (no list was loaded when it was extracted; "
            "`materiel lists load`, then `materiel extract --redo`)",
            highlight=False,
            soft_wrap=True,
        )
        return
    lists = ", ".join(
        f"{v['key']} v{v['version']} {v.get('list_date') or 'undated'}" for v in screening.lists
    )
    matches = len(screening.matches)
    out.print(
        f"[bold]Sanctions screening[/bold]: {matches} match{'es' if matches != 1 else ''} among "
        f"{screening.entities} entities [dim](lists {escape(lists)}; "
        f"screened {screening.screened_at:%Y-%m-%d %H:%M} UTC)[/dim]",
        highlight=False,
        soft_wrap=True,
    )
    for hit in sorted(screening.hits, key=lambda h: not h.match):  # matches first
        flag = (
            "[red]match[/red]" if hit.match else f"[yellow]below {screening.threshold:.2f}, review[/yellow]"
        )
        programs = f"  [dim]programs[/dim] {escape(' '.join(hit.programs))}" if hit.programs else ""
        out.print(
            f"  [bold]{escape(hit.entity_name)}[/bold] ({escape(hit.entity_kind)}) → "
            f"[bold]{escape(hit.entry_name)}[/bold]  [dim]{escape(hit.list_entry_id)} "
            f"({escape(hit.list_key)} v{hit.list_version})[/dim]{programs}  score {hit.score:.2f} {flag}",
            highlight=False,
            soft_wrap=True,
        )
        if hit.query_name != hit.entity_name:
            out.print(f"    [dim]screened as[/dim] {escape(hit.query_name)}", highlight=False, soft_wrap=True)
        for f in hit.explanation[:reasons]:
            score = f"{f['score']:.2f}" if f["feature"] == "name" else f"{f['score']:+.2f}"
            out.print(
                f"    [dim]{escape(str(f['feature']))} {score}:[/dim] {escape(str(f['detail']))}",
                highlight=False,
                soft_wrap=True,
            )


@command("screen")
def screen_command(
    name: Annotated[str | None, typer.Argument(help="The name to screen.")] = None,
    schema: Annotated[str, typer.Option(help=SCHEMA_HELP)] = "Person",
    dob: Annotated[str | None, typer.Option(help="Birth date or year.")] = None,
    country: Annotated[str | None, typer.Option(help="Nationality or country (name or ISO code).")] = None,
    ids: Annotated[
        list[str] | None,
        typer.Option("--id", help="An identifier, KIND=VALUE (imo=9123456, passport=...); repeat for more."),
    ] = None,
    threshold: Annotated[float, typer.Option(help="Lowest score reported as a match.")] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="Most matches per name.")] = DEFAULT_LIMIT,
    input_file: Annotated[
        Path | None,
        typer.Option(
            "--input",
            metavar="FILE",
            help="Screen every row of a .csv or .jsonl file (id, name, schema, ...).",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="table or json for one name; jsonl (default) or csv for --input.",
        ),
    ] = None,
) -> None:
    """Screen a name (or a file of names) against the loaded sanctions lists, with the reasons.

    Examples:

        materiel screen "Ashot Mkrtychev" --dob 1966

        materiel screen "김정은" --format json

        materiel screen --input people.csv --format csv > hits.csv
    """
    if (name is None) == (input_file is None):
        raise InputError("give a NAME or --input FILE (one of them)")
    with Store.open(state.db_url) as store:
        index = store_index(store)
        if input_file is None:
            assert name is not None
            query = make_query(
                name,
                schema=schema,
                id="1",
                birth_date=dob,
                country=country,
                identifiers=parse_identifiers(ids or []),
            )
            if (fmt or "table") == "json":
                result = next(screen([query], index=index, threshold=threshold, limit=limit))
                say(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
                return
            floor = review_floor(threshold)
            result, near = split_near_misses(
                next(screen([query], index=index, threshold=floor, limit=limit)), threshold
            )
            if result.matches:
                console.print(_table(result.matches))
                return
            # nothing at the threshold: what lies just below it, for review ("Ministry of
            # Defence" without --country, a family name alone)
            console.print(f"no match at {threshold:.2f} for {name!r}", highlight=False)
            if near:
                console.print(f"below {threshold:.2f}, for review (down to {floor:.2f}):", highlight=False)
                console.print(_table(near))
            return
        dropped: list[str] = []
        try:
            queries = read_queries(input_file, warn=dropped.append)
        finally:  # said before the error of a later row, if there is one
            for message in dropped[:WARNINGS_SHOWN]:
                warn(f"warning: {message}")
            if len(dropped) > WARNINGS_SHOWN:
                warn(f"warning: ... and {len(dropped) - WARNINGS_SHOWN} more qualifiers dropped")
        out_format = fmt or "jsonl"
        writer = csv.writer(sys.stdout) if out_format == "csv" else None
        if writer:
            writer.writerow(CSV_COLUMNS)
        with progress_bar("screening") as progress:
            for done, result in enumerate(screen(queries, index=index, threshold=threshold, limit=limit), 1):
                if writer:
                    writer.writerows(csv_rows(result))
                else:
                    sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                progress(done, len(queries))


@command("match")
def match_command(
    a: Annotated[str, typer.Argument(metavar="NAME_A")],
    b: Annotated[str, typer.Argument(metavar="NAME_B")],
    schema: Annotated[str, typer.Option(help=SCHEMA_HELP)] = "Person",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Compare two names and explain the score, part by part.

    NAME_A is read as the name screened, NAME_B as a listed name (an acronym in NAME_A may stand
    for NAME_B's words; one in NAME_B stands only for its own name).

    Example:

        materiel match "Kim Jong Un" "김정은"
    """
    m = match_names(a, b, schema)
    if fmt == "json":
        say(
            json.dumps(
                {
                    "a": a,
                    "b": b,
                    "schema": schema,
                    "score": round(m.score, 4),
                    "match": m.match,
                    "explanation": m.to_dict()["explanation"],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    say(f"{m.score:.2f} {'match' if m.match else 'no match'} (threshold {DEFAULT_THRESHOLD})")
    for f in m.explanation:
        say(f"  {f.feature}: {f.score:.2f}  {f.detail}")
