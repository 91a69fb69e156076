"""Commands of the cross-document picture: ``entities``, ``entity``, ``graph``, ``path``, ``timeline``.

Each builds the picture from the store (``materiel.graph.load_picture``) and asks one question of
it; entities can be named by id, country code or name ("KP", "North Korea", "Mkrtychev").
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from materiel.cli.app import command, console, say, state
from materiel.errors import InputError
from materiel.graph import (
    decisions,
    find_entity,
    load_picture,
    merge_entities,
    neighbourhood,
    paths,
    search,
    split_entity,
    timeline,
)
from materiel.graph.queries import TimelineEntry, summary
from materiel.graph.records import GraphEntity, GraphEvent, Picture
from materiel.store import Store

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _print(markup: str) -> None:
    console.print(markup, highlight=False, soft_wrap=True)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _event_json(event: GraphEvent) -> dict[str, Any]:
    data = _plain(asdict(event))
    data.update(
        corroboration=event.corroboration,
        publishers=event.publishers,
        first_reported=_plain(event.first_reported),
        last_reported=_plain(event.last_reported),
        contested=event.contested,
    )
    return dict(data)


def _standing(event: GraphEvent) -> str:
    documents = len({s.document_id for s in event.sources})
    parts = [f"{documents} doc(s)", f"{len(event.publishers)} publisher(s)"]
    if event.contested:
        parts.append("[red]contested[/red]")
    return ", ".join(parts)


@command("entities")
def entities_command(
    query: Annotated[
        str | None, typer.Argument(metavar="[QUERY]", help="Part of a name, alias or id.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="Only this kind (person, organization, state ...).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Search the entities resolved across all stored documents.

    Examples:

        materiel entities

        materiel entities korea --kind state
    """
    picture = load_picture(state.db_url)
    found = search(picture, query, kind=kind)[:limit]
    if as_json:
        for e in found:
            typer.echo(json.dumps(_plain(asdict(e)), ensure_ascii=False))
        return
    table = Table(title=f"{len(found)} entit{'y' if len(found) == 1 else 'ies'}", title_justify="left")
    for name in ("id", "kind", "name", "docs", "aliases", "lists"):
        table.add_column(name, overflow="fold")
    for e in found:
        lists = ", ".join(m["list_id"] for m in e.list_matches)
        aliases = ", ".join(e.aliases[:3]) + (" …" if len(e.aliases) > 3 else "")
        table.add_row(e.id, e.kind, escape(e.name), str(len(e.documents)), escape(aliases), escape(lists))
    console.print(table)


def _profile(picture: Picture, entity: GraphEntity) -> None:
    _print(f"[bold]{escape(entity.name)}[/bold]  [dim]{entity.id} · {entity.kind}[/dim]")
    if entity.country:
        _print(f"  [dim]country:[/dim] {escape(entity.country)}")
    if entity.aliases:
        _print(f"  [dim]aliases:[/dim] {escape(', '.join(entity.aliases))}")
    for m in entity.list_matches:
        programs = " ".join(m.get("programs") or [])
        _print(
            f"  [red]listed[/red] {escape(str(m['name']))}  [dim]{escape(str(m['list_id']))}"
            f" ({escape(str(m['list']))}) {escape(programs)} score {m['score']:.2f},"
            f" matched in {len(m['documents'])} doc(s)[/dim]"
        )
    _print(f"  [dim]documents:[/dim] {len(entity.documents)}  [dim]mentions:[/dim] {entity.mentions}")
    for line in entity.why:
        _print(f"  [dim]resolved: {escape(line)}[/dim]")
    _print(f"  [dim]members:[/dim] {escape(', '.join(entity.merged_from))}")
    entries = timeline(picture, entity=entity.id)
    _print(f"[bold]Events[/bold] ({len(entries)})")
    _print_entries(picture, entries)
    _print(f"[bold]Sources[/bold] ({len(entity.documents)})")
    for doc_id in entity.documents:
        doc = picture.documents.get(doc_id, {})
        _print(
            f"  {doc_id[:8]}  {doc.get('published') or '-'}  {escape(str(doc.get('publisher') or '-'))}"
            f" · {escape(str(doc.get('title') or '(untitled)'))}"
        )


def _print_entries(picture: Picture, entries: list[TimelineEntry]) -> None:
    for entry in entries:
        when = entry.when.isoformat() if entry.when else "undated"
        mark = " (reported)" if entry.dated_by == "reported" else ""
        event = entry.event
        _print(
            f"  {when}{mark}  [bold]{escape(summary(picture, event))}[/bold]  [dim]{event.id}[/dim]"
            f"  {_standing(event)}"
        )


@command("entity")
def entity_command(
    args: Annotated[list[str], typer.Argument(metavar="ID | merge A B | split ID KEY | decisions")],
    note: Annotated[str | None, typer.Option(help="Why (kept with a merge or split).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Show an entity's profile, or correct the resolution.

    `entity ID` shows aliases, list matches, how it was resolved, its events and sources.
    `entity merge A B` makes A and B one entity; `entity split ID KEY` takes the document entity
    KEY (a member key, or the id of its document) out of ID. Decisions are kept in the store and
    applied every time the picture is built; `entity decisions` lists them.

    Examples:

        materiel entity KP

        materiel entity merge "Mkrtychev" "Ashot Mkrtychyev" --note "same broker"

        materiel entity split person:john-smith 1a2b3c4d
    """
    if args[0] in ("merge", "split") and len(args) == 3:
        with Store.open(state.db_url) as store:
            if args[0] == "merge":
                done = merge_entities(store, args[1], args[2], note=note)
            else:
                done = split_entity(store, args[1], args[2], note=note)
        say(f"decision {done.id}: {done.action} {done.subject} {done.other} (applied on every build)")
        return
    if args[0] == "decisions" and len(args) == 1:
        with Store.open(state.db_url) as store:
            rows = decisions(store)
        for d in rows:
            if as_json:
                typer.echo(json.dumps(_plain({**d, "created_at": str(d["created_at"])}), ensure_ascii=False))
            else:
                say(f"{d['id']}: {d['action']} {d['subject']} {d['other']}  {d['note'] or ''}".rstrip())
        return
    if len(args) != 1:
        raise InputError("give one entity, or: merge A B, split ID KEY, decisions")
    picture = load_picture(state.db_url)
    entity = find_entity(picture, args[0])
    if as_json:
        events = [_event_json(t.event) for t in timeline(picture, entity=entity.id)]
        typer.echo(json.dumps({"entity": _plain(asdict(entity)), "events": events}, ensure_ascii=False))
        return
    _profile(picture, entity)


@command("graph")
def graph_command(
    entity: Annotated[str, typer.Argument(metavar="ENTITY", help="Id, country code or name.")],
    depth: Annotated[int, typer.Option(min=1, max=4, help="How many relations away.")] = 1,
) -> None:
    """Draw an entity's neighbourhood: who supplied whom, who brokered, sanctioned, denied.

    Example:

        materiel graph "Ashot Mkrtychev" --depth 2
    """
    picture = load_picture(state.db_url)
    center = find_entity(picture, entity)
    hood = neighbourhood(picture, center.id, depth)
    tree = Tree(f"[bold]{escape(center.name)}[/bold] [dim]{center.id}[/dim]")
    drawn = {center.id}

    def grow(branch: Tree, node: str, level: int, above: tuple[str, ...]) -> None:
        if level >= depth:
            return
        links: dict[tuple[str, str, str], list[str]] = {}
        for edge in hood.edges:
            if node not in (edge.source, edge.target):
                continue
            outgoing = edge.source == node
            other = edge.target if outgoing else edge.source
            if other in above:
                continue
            label = edge.relation if outgoing else f"{edge.relation} by"
            links.setdefault((label, other, "→" if outgoing else "←"), []).append(edge.event)
        for (label, other, arrow), events in sorted(links.items()):
            child = branch.add(
                f"{arrow} [magenta]{label}[/magenta] [bold]{escape(picture.name(other))}[/bold] "
                f"[dim]{other} · {len(set(events))} event(s)[/dim]"
            )
            if other not in drawn:
                drawn.add(other)
                grow(child, other, level + 1, (*above, node))

    grow(tree, center.id, 0, ())
    console.print(tree)


@command("path")
def path_command(
    a: Annotated[str, typer.Argument(metavar="A")],
    b: Annotated[str, typer.Argument(metavar="B")],
    max_len: Annotated[int, typer.Option("--max-len", min=1, max=6, help="Most relations in a path.")] = 4,
) -> None:
    """How two entities are connected: the shortest chains of relations between them.

    Example:

        materiel path Mkrtychev KP
    """
    picture = load_picture(state.db_url)
    first, second = find_entity(picture, a), find_entity(picture, b)
    found = paths(picture, first.id, second.id, max_len)
    if not found:
        say(f"no path of at most {max_len} relations between {first.name} and {second.name}")
        return
    for number, path in enumerate(found, 1):
        parts = [f"[bold]{escape(picture.name(path.nodes[0]))}[/bold]"]
        for x, hop in zip(path.nodes[1:], path.hops, strict=True):
            relations = sorted({e.relation if e.target == x else f"{e.relation} by" for e in hop})
            parts.append(
                f"—[magenta]{escape('/'.join(relations))}[/magenta]→ [bold]{escape(picture.name(x))}[/bold]"
            )
        _print(f"{number}. " + " ".join(parts))


@command("timeline")
def timeline_command(
    between_pair: Annotated[
        tuple[str, str] | None,
        typer.Option("--between", metavar="A B", help="Only what passed between these two (e.g. KP RU)."),
    ] = None,
    entity: Annotated[str | None, typer.Option(help="Only the events of this entity.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Events and designations in date order, with corroboration and denials.

    Examples:

        materiel timeline --between KP RU

        materiel timeline --entity Mkrtychev --json
    """
    picture = load_picture(state.db_url)
    who = find_entity(picture, entity).id if entity else None
    pair = None
    if between_pair:
        pair = (find_entity(picture, between_pair[0]).id, find_entity(picture, between_pair[1]).id)
    entries = timeline(picture, entity=who, between=pair)
    if as_json:
        for t in entries:
            typer.echo(
                json.dumps(
                    {"when": _plain(t.when), "dated_by": t.dated_by, "event": _event_json(t.event)},
                    ensure_ascii=False,
                )
            )
        return
    _print(f"[bold]Timeline[/bold] ({len(entries)} event(s))")
    _print_entries(picture, entries)
