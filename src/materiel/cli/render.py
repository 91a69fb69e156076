"""How documents and extractions look in the terminal (rich), shared by show, extract and demo.

Extractions are drawn from their contract dictionary (``Extraction.to_dict()``), so whatever the
JSON says is what the analyst sees; actors are shown by name, not by entity id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from materiel.model import Document, Extraction

EVIDENCE_CHARS = 240


def documents_table(documents: Sequence[Document]) -> Table:
    """One row per document: short id, published, publisher, title, characters."""
    table = Table(title=f"{len(documents)} document(s)", title_justify="left")
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("published", no_wrap=True)
    table.add_column("publisher", overflow="fold", max_width=28)
    table.add_column("title", overflow="fold")
    table.add_column("chars", justify="right", no_wrap=True)
    for doc in documents:
        table.add_row(
            doc.id[:8],
            doc.published.isoformat() if doc.published else "-",
            escape(doc.publisher or "-"),
            escape(doc.title or "-"),
            str(len(doc.text)),
        )
    return table


def document_json(doc: Document) -> dict[str, Any]:
    """The contract header of a document plus author, language, length and stored meta."""
    return {
        **doc.header(),
        "author": doc.author,
        "language": doc.language,
        "chars": len(doc.text),
        "meta": doc.meta,
    }


def print_document_header(console: Console, doc: Document) -> None:
    """Title, then id, date, publisher and source in one dim block."""
    console.print(f"[bold]{escape(doc.title or '(untitled)')}[/bold]", highlight=False)
    fields = [
        ("id", doc.id),
        ("published", doc.published.isoformat() if doc.published else None),
        ("publisher", doc.publisher),
        ("author", doc.author),
        ("language", doc.language),
        ("source", doc.source_path),
        ("url", doc.url),
    ]
    for name, value in fields:
        if value:
            console.print(f"  [dim]{name}:[/dim] {escape(str(value))}", highlight=False, soft_wrap=True)


def _names(data: dict[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for entity in data.get("entities") or []:
        if entity.get("kind") == "state" and entity.get("country"):
            names.setdefault(str(entity["country"]), str(entity["name"]))
    for entity in data.get("entities") or []:
        authority = (entity.get("attributes") or {}).get("authority")
        if authority:
            names.setdefault(str(authority), str(entity["name"]))
    for entity in data.get("entities") or []:
        names[str(entity["id"])] = str(entity["name"])
    return names


def _name(ref: Any, names: dict[str, str]) -> str:
    if isinstance(ref, list):
        return ", ".join(_name(r, names) for r in ref) or "?"
    if ref is None or ref == "":
        return "?"
    return names.get(str(ref), str(ref))


def _join(values: Iterable[str]) -> str:
    return ", ".join(v for v in values if v)


def _when(when: Any) -> str:
    if not isinstance(when, dict):
        return ""
    start, end, text = when.get("start"), when.get("end"), when.get("text")
    dates = start if start == end else f"{start or '?'} – {end or '?'}"
    if not start and not end:
        return str(text or "")
    return f"{text} ({dates})" if text else str(dates)


def _line(console: Console, label: str, value: str) -> None:
    if value:
        console.print(f"    [dim]{label}:[/dim] {escape(value)}", highlight=False, soft_wrap=True)


def _evidence(console: Console, event: dict[str, Any]) -> None:
    for span in event.get("evidence") or []:
        text = " ".join(str(span.get("text", "")).split())
        if len(text) > EVIDENCE_CHARS:
            text = text[: EVIDENCE_CHARS - 1] + "…"
        where = f"[{span.get('start')}:{span.get('end')}]"
        _print(console, f"    [dim]evidence {where}:[/dim] [italic]“{escape(text)}”[/italic]")


def _print(console: Console, markup: str) -> None:
    console.print(markup, highlight=False, soft_wrap=True)


def _item(item: dict[str, Any]) -> str:
    quantity = f"{item['quantity']} " if item.get("quantity") else ""
    return f"{quantity}{item.get('text')} ({item.get('category')})"


def _short(event_id: Any) -> str:
    return str(event_id).rsplit(":", 1)[-1]


def print_entities(console: Console, data: dict[str, Any]) -> None:
    """One line per entity kind with the names of that kind."""
    by_kind: dict[str, list[str]] = {}
    for entity in data.get("entities") or []:
        by_kind.setdefault(str(entity.get("kind")), []).append(str(entity.get("name")))
    console.print(f"[bold]Entities[/bold] ({sum(map(len, by_kind.values()))})", highlight=False)
    for kind, names in by_kind.items():
        _print(console, f"  [cyan]{escape(kind)}[/cyan]: {escape(_join(names))}")


def print_events(console: Console, data: dict[str, Any]) -> None:
    """Transfers, designations and denials with their roles by name and their evidence."""
    names = _names(data)
    events = data.get("events") or []
    transfers = [e for e in events if e.get("type") == "arms_transfer"]
    designations = [e for e in events if e.get("type") == "designation"]
    denials = [e for e in events if e.get("type") == "denial"]
    others = [e for e in events if e not in transfers + designations + denials]
    console.print(f"[bold]Transfers[/bold] ({len(transfers)})", highlight=False)
    for ev in transfers:
        head = f"{_name(ev.get('supplier'), names)} → {_name(ev.get('recipient'), names)}"
        status = escape(str(ev.get("status")))
        _print(console, f"  [bold]{_short(ev.get('id'))}[/bold] {escape(head)}  [magenta]{status}[/magenta]")
        items = [_item(i) for i in ev.get("items") or []]
        _line(console, "items", _join(items))
        _line(console, "in exchange for", _join(str(c.get("text")) for c in ev.get("consideration") or []))
        _line(console, "brokers", _join(_name(b, names) for b in ev.get("brokers") or []))
        _line(
            console,
            "declared destinations",
            _join(_name(d, names) for d in ev.get("declared_destinations") or []),
        )
        _line(console, "use", str(ev.get("use") or ""))
        _line(console, "when", _when(ev.get("when")))
        _common(console, ev, names)
    console.print(f"[bold]Designations[/bold] ({len(designations)})", highlight=False)
    for ev in designations:
        head = f"{_name(ev.get('authority'), names)} designated {_name(ev.get('target'), names)}"
        _print(console, f"  [bold]{_short(ev.get('id'))}[/bold] {escape(head)}")
        _line(console, "date", str(ev.get("date") or ""))
        _line(console, "basis", str(ev.get("basis") or ""))
        _line(console, "reason", str(ev.get("reason") or ""))
        _common(console, ev, names)
    console.print(f"[bold]Denials[/bold] ({len(denials)})", highlight=False)
    for ev in denials:
        head = f"{_name(ev.get('party'), names)} denies"
        subject = ev.get("subject")
        head += f" {_short(subject)}" if subject else ""
        _print(console, f"  [bold]{_short(ev.get('id'))}[/bold] {escape(head)}")
        _common(console, ev, names)
    if others:
        console.print(f"[bold]Other events[/bold] ({len(others)})", highlight=False)
        for ev in others:
            _print(console, f"  [bold]{_short(ev.get('id'))}[/bold] {escape(str(ev.get('type')))}")
            _common(console, ev, names)


def _common(console: Console, ev: dict[str, Any], names: dict[str, str]) -> None:
    _line(console, "asserted by", _join(_name(a, names) for a in ev.get("asserted_by") or []))
    _line(console, "denied by", _join(_name(a, names) for a in ev.get("denied_by") or []))
    _evidence(console, ev)


def print_extraction(console: Console, extraction: Extraction, *, header: bool = True) -> None:
    """A human view of one extraction: document header, entities by kind, events with evidence."""
    data = extraction.to_dict()
    if header:
        print_document_header(console, extraction.document)
    if extraction.skipped:
        console.print(f"  [yellow]skipped: {escape(extraction.skipped)}[/yellow]", highlight=False)
        return
    print_entities(console, data)
    print_events(console, data)
