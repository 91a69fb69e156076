"""``materiel demo``: the main job on the bundled example, in a throw-away store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from materiel import jobs
from materiel.cli.app import command, console
from materiel.cli.assess import print_findings_brief
from materiel.cli.render import print_entities, print_events
from materiel.cli.screen import print_screening


@command("demo")
def demo(
    brief: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Where to write the analyst brief (default: a temp folder)."),
    ] = None,
) -> None:
    """Run the whole job on the bundled example article and show what was found.

    The example (written by the materiel developers from public reporting) is ingested into a
    fresh temporary SQLite store, with a small bundled extract of the real OFAC and UN sanctions
    lists; it is extracted, its people, organisations and vessels screened against the lists, and
    everything is read back from the store; the store is deleted afterwards. Nothing else needs
    to be set up.

    Last, it writes the analyst brief of what was found (see `materiel report`) and prints its
    path.

    Example:

        materiel demo
        materiel demo --brief demo-brief.html
    """
    run = jobs.run_demo(brief=brief)
    extraction = run.extraction
    doc = extraction.document
    console.print(f"[bold]Document[/bold] {escape(doc.title or '(untitled)')}", highlight=False)
    console.print(
        f"  [dim]published[/dim] {doc.published or '-'}  [dim]publisher[/dim] {escape(doc.publisher or '-')}"
        f"  [dim]id[/dim] {doc.id}  [dim]chars[/dim] {len(doc.text)}",
        highlight=False,
        soft_wrap=True,
    )
    data = extraction.to_dict()
    print_entities(console, data)
    console.print(
        f"  [dim]lists loaded:[/dim] {escape(', '.join(run.lists))}", highlight=False, soft_wrap=True
    )
    print_screening(console, run.screening)
    print_events(console, data)
    console.print("[bold]Findings[/bold] [dim](see `materiel assess`)[/dim]", highlight=False)
    print_findings_brief(console, run.findings, run.designations)
    console.print(
        "[dim]Ingested into a temporary store with a bundled extract of the OFAC and UN lists, extracted, "
        "screened, saved and read back; try `materiel lists load`, `materiel ingest PATH` and "
        "`materiel extract` on your own lists and documents.[/dim]",
        highlight=False,
        soft_wrap=True,
    )
    if run.brief is not None:  # the last line: the brief it wrote (see `materiel report`)
        console.print(f"[bold]Brief[/bold] {escape(str(run.brief))}", highlight=False, soft_wrap=True)
