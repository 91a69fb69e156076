"""``materiel demo``: the main job on the bundled example, in a throw-away store."""

from __future__ import annotations

from rich.markup import escape

from materiel import jobs
from materiel.cli.app import command, console
from materiel.cli.render import print_entities, print_events


@command("demo")
def demo() -> None:
    """Run the whole job on the bundled example article and show what was found.

    The example (written by the materiel developers from public reporting) is ingested into a
    fresh temporary SQLite store, extracted, saved, and read back from the store; the store is
    deleted afterwards. Nothing else needs to be set up.

    Example:

        materiel demo
    """
    run = jobs.run_demo()
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
    print_events(console, data)
    console.print(
        "[dim]Ingested into a temporary store, extracted, saved and read back; "
        "try `materiel ingest PATH` and `materiel extract` on your own documents.[/dim]",
        highlight=False,
        soft_wrap=True,
    )
