"""Commands over the document store: ``ingest``, ``documents`` and ``show``."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from materiel import jobs
from materiel.cli.app import command, console, fail, progress_bar, say, state, warn
from materiel.cli.render import document_json, documents_table, print_document_header, print_extraction
from materiel.cli.screen import print_screening
from materiel.ingest import IngestOptions

DATE_FORMATS = ["%Y-%m-%d"]


@command("ingest")
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH_OR_URL",
            help="Files (text, HTML, JSON, JSONL, RSS/Atom), directories (walked) or http(s) URLs.",
        ),
    ],
    published: Annotated[
        datetime | None,
        typer.Option(
            formats=DATE_FORMATS,
            metavar="YYYY-MM-DD",
            help="Publication date for inputs that do not give one.",
        ),
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for inputs that do not give one.")] = None,
    title: Annotated[str | None, typer.Option(help="Title for inputs that do not give one.")] = None,
    include: Annotated[
        list[str] | None,
        typer.Option(
            metavar="GLOB",
            help="In directories, read only files matching (repeatable).",
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            metavar="GLOB",
            help="In directories, skip files matching (repeatable).",
        ),
    ] = None,
    furniture: Annotated[
        list[Path] | None,
        typer.Option(
            metavar="FILE",
            help="Extra furniture file: page lines to drop, in the format of ingest/data/furniture.yaml "
            "(repeatable).",
        ),
    ] = None,
) -> None:
    """Read documents and store them; a document already stored is reported, not stored twice.

    Each document is stored in its own transaction. Inputs that cannot be read are reported on
    stderr, one line each ("PATH: reason"), and the others go on; the exit status is 1 if any failed.

    Example:

        materiel ingest reports/ https://example.org/a.html --publisher "Example Times"
    """
    options = IngestOptions(
        published=published.date() if published else None,
        publisher=publisher,
        title=title,
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        furniture=tuple(str(f) for f in furniture or ()),
    )
    with progress_bar("ingesting") as progress:
        summary = jobs.ingest_into_store(state.db_url, inputs, options, progress=progress)
    for warning in summary.warnings:
        warn(warning)
    for failure in summary.failures:
        fail(str(failure))
    say(
        f"ingested {len(summary.added)}, already present {len(summary.present)}, "
        f"failed {len(summary.failures)}"
    )
    if summary.failures:
        raise typer.Exit(1)


@command("documents")
def documents(
    publisher: Annotated[str | None, typer.Option(help="Publisher contains this (any case).")] = None,
    since: Annotated[
        datetime | None,
        typer.Option(formats=DATE_FORMATS, metavar="YYYY-MM-DD", help="Published on or after."),
    ] = None,
    until: Annotated[
        datetime | None,
        typer.Option(formats=DATE_FORMATS, metavar="YYYY-MM-DD", help="Published on or before."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line, not a table.")] = False,
) -> None:
    """List stored documents by publication date (undated last).

    Example:

        materiel documents --publisher treasury --since 2023-01-01 --until 2023-12-31 --limit 20
    """
    docs = jobs.list_documents(
        state.db_url,
        publisher=publisher,
        since=since.date() if since else None,
        until=until.date() if until else None,
        limit=limit,
    )
    if as_json:
        for doc in docs:
            typer.echo(json.dumps(document_json(doc), ensure_ascii=False, default=str))
        return
    if not docs:
        say("no documents match" if publisher or since or until else "no documents stored yet")
        return
    console.print(documents_table(docs))


@command("show")
def show(
    doc_id: Annotated[
        str, typer.Argument(metavar="DOC_ID", help="Document id, or a unique prefix of 6+ characters.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="The document (with text) and its extraction as JSON.")
    ] = False,
) -> None:
    """Show a stored document: its metadata, its text and, once extracted, its facts with evidence
    and the screening of its people, organisations and vessels against the sanctions lists (each
    match with its list entry, list version, score and top reasons).

    Example:

        materiel show 08e979a7
    """
    view = jobs.show_document(state.db_url, doc_id)
    if as_json:
        out = {
            "document": {**document_json(view.document), "text": view.document.text},
            "extraction": view.extraction.to_dict() if view.extraction else None,
            "screening": view.screening.to_dict() if view.screening else None,
        }
        typer.echo(json.dumps(out, ensure_ascii=False, default=str))
        return
    print_document_header(console, view.document)
    console.rule(style="dim")
    console.print(view.document.text, highlight=False, markup=False)
    console.rule(style="dim")
    if view.extraction is None:
        console.print("[dim]not extracted yet: run `materiel extract`[/dim]")
    else:
        print_extraction(console, view.extraction, header=False)
        print_screening(console, view.screening)
