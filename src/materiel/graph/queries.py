"""Questions asked of the picture: find an entity, its neighbourhood, paths, pairs, timelines.

All functions take a :class:`Picture` and plain values and return plain records; nothing here
reads the store. Relations between entities come from the merged events:

- ``supplied`` (supplier → recipient of an arms transfer), ``supported`` (military support),
- ``brokered`` (broker → supplier and broker → recipient),
- ``sanctioned`` (designating authority → target),
- ``denied`` (the party denying a transfer → the other side of it),
- ``accused`` (accuser → accused).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from materiel.errors import NotFoundError
from materiel.graph.names import fold, name_key
from materiel.graph.records import GraphEntity, GraphEvent, Picture

FLOW_TYPES = ("arms_transfer", "military_support")


@dataclass(slots=True, frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    event: str  # graph event id
    when: date | None = None


@dataclass(slots=True)
class Neighbourhood:
    center: str
    distance: dict[str, int] = field(default_factory=dict)  # entity id -> hops from the center
    edges: list[Edge] = field(default_factory=list)


@dataclass(slots=True)
class Path:
    nodes: list[str]
    hops: list[list[Edge]]  # hops[i]: the edges between nodes[i] and nodes[i + 1]


@dataclass(slots=True)
class TimelineEntry:
    when: date | None
    dated_by: str  # "event" (the reports date it), "reported" (first report), "" (undated)
    event: GraphEvent


def find_entity(picture: Picture, query: str) -> GraphEntity:
    """The entity a user means: an id, a country code ("KP"), a name or alias ("North Korea",
    "Mkrtychev"), or words of one name. NotFoundError when none or several fit."""
    text = query.strip()
    if text in picture.entities:
        return picture.entities[text]
    lowered = {e.id.casefold(): e for e in picture.entities.values()}
    if text.casefold() in lowered:
        return lowered[text.casefold()]
    if len(text) == 2 and text.isalpha() and f"state:{text.upper()}" in picture.entities:
        return picture.entities[f"state:{text.upper()}"]
    key = name_key(text)
    if not key:
        raise NotFoundError("no entity by this name", source=query)
    exact = [e for e in picture.entities.values() if key in {name_key(n) for n in (e.name, *e.aliases)}]
    if len(exact) == 1:
        return exact[0]
    words = set(key.split())
    partial = exact or [
        e
        for e in picture.entities.values()
        if any(words <= set(name_key(n).split()) for n in (e.name, *e.aliases))
    ]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NotFoundError("no entity by this name (try `materiel entities WORD`)", source=query)
    partial.sort(key=lambda e: (-len(e.documents), e.id))
    shown = ", ".join(f"{e.id} ({e.name})" for e in partial[:6])
    raise NotFoundError(f"several entities fit: {shown}; give an id", source=query)


def search(picture: Picture, query: str | None = None, *, kind: str | None = None) -> list[GraphEntity]:
    """Entities whose id, name or an alias contains ``query`` (ignoring case and accents), most
    documented first; every entity when there is no query."""
    needle = fold(query.strip()) if query else ""
    out = []
    for e in picture.entities.values():
        if kind and e.kind != kind:
            continue
        if needle and not any(needle in fold(t) for t in (e.id, e.name, *e.aliases)):
            continue
        out.append(e)
    return sorted(out, key=lambda e: (-len(e.documents), e.name.casefold(), e.id))


def event_edges(event: GraphEvent) -> list[Edge]:
    """The relations between entities one event states."""
    out: list[Edge] = []
    when = event.start or event.first_reported
    if event.type in FLOW_TYPES:
        relation = "supplied" if event.type == "arms_transfer" else "supported"
        if event.supplier and event.recipient:
            out.append(Edge(event.supplier, event.recipient, relation, event.id, when))
        for broker in event.brokers:
            for party in (event.supplier, event.recipient):
                if party and party != broker:
                    out.append(Edge(broker, party, "brokered", event.id, when))
        for party in event.denied_by:
            other = event.recipient if party == event.supplier else event.supplier
            if other and other != party:
                out.append(Edge(party, other, "denied", event.id, when))
    elif event.type == "designation":
        authority, target = event.roles.get("authority_entity"), event.roles.get("target")
        if authority and target:
            out.append(Edge(str(authority), str(target), "sanctioned", event.id, when))
    elif event.type == "accusation":
        for accuser in event.roles.get("accusers") or []:
            for accused in event.roles.get("accused") or []:
                out.append(Edge(str(accuser), str(accused), "accused", event.id, when))
    return out


def all_edges(picture: Picture) -> list[Edge]:
    return [edge for event in picture.events for edge in event_edges(event)]


def _adjacency(picture: Picture) -> dict[str, list[Edge]]:
    adjacency: dict[str, list[Edge]] = {}
    for edge in all_edges(picture):
        adjacency.setdefault(edge.source, []).append(edge)
        if edge.target != edge.source:
            adjacency.setdefault(edge.target, []).append(edge)
    return adjacency


def _other(edge: Edge, node: str) -> str:
    return edge.target if edge.source == node else edge.source


def neighbourhood(picture: Picture, entity_id: str, depth: int = 1) -> Neighbourhood:
    """Entities within ``depth`` relations of ``entity_id`` and the relations that reach them."""
    adjacency = _adjacency(picture)
    result = Neighbourhood(center=entity_id, distance={entity_id: 0})
    queue = deque([entity_id])
    seen_edges: set[Edge] = set()
    while queue:
        node = queue.popleft()
        hops = result.distance[node]
        if hops >= depth:
            continue
        for edge in adjacency.get(node, []):
            if edge not in seen_edges:
                seen_edges.add(edge)
                result.edges.append(edge)
            other = _other(edge, node)
            if other not in result.distance:
                result.distance[other] = hops + 1
                queue.append(other)
    return result


def paths(picture: Picture, a: str, b: str, max_len: int = 4, *, limit: int = 20) -> list[Path]:
    """Simple paths from ``a`` to ``b`` of at most ``max_len`` hops, shortest first (at most ``limit``)."""
    adjacency = _adjacency(picture)
    to_b = {b: 0}
    queue = deque([b])
    while queue:
        node = queue.popleft()
        if to_b[node] >= max_len:
            continue
        for edge in adjacency.get(node, []):
            other = _other(edge, node)
            if other not in to_b:
                to_b[other] = to_b[node] + 1
                queue.append(other)
    if a not in to_b or a == b:
        return []
    found: list[list[str]] = []

    def walk(route: list[str]) -> None:
        node = route[-1]
        if node == b:
            found.append(list(route))
            return
        left = max_len - (len(route) - 1)
        for other in sorted({_other(e, node) for e in adjacency.get(node, [])}):
            if other not in route and to_b.get(other, max_len + 1) <= left - 1:
                route.append(other)
                walk(route)
                route.pop()

    walk([a])
    found.sort(key=lambda r: (len(r), r))
    out = []
    for route in found[:limit]:
        hops = [
            [e for e in adjacency.get(x, []) if {e.source, e.target} == {x, y}] for x, y in pairwise(route)
        ]
        out.append(Path(route, hops))
    return out


def involves(event: GraphEvent, entity_id: str) -> bool:
    """Whether the entity takes part in the event (any role, or as a denier or accuser)."""
    roles = event.roles
    parties = {event.supplier, event.recipient, *event.brokers, *event.denied_by}
    parties |= {roles.get("target"), roles.get("authority_entity"), roles.get("party")}
    parties |= set(roles.get("accusers") or []) | set(roles.get("accused") or [])
    return entity_id in parties


def between(picture: Picture, a: str, b: str) -> list[GraphEvent]:
    """Transfers and military support between ``a`` and ``b`` (either way), in date order."""
    pair = {a, b}
    events = [e for e in picture.events if e.type in FLOW_TYPES and {e.supplier, e.recipient} == pair]
    return [entry.event for entry in _dated(events)]


def timeline(
    picture: Picture, entity: str | None = None, between: tuple[str, str] | None = None
) -> list[TimelineEntry]:
    """Events and designations in date order: all, those of ``entity``, or those between a pair
    (their transfers, the denials of those, and designations of either side)."""
    events = picture.events
    if entity:
        events = [e for e in events if involves(e, entity)]
    if between:
        pair = set(between)
        flows = {e.id for e in events if e.type in FLOW_TYPES and {e.supplier, e.recipient} == pair}
        events = [
            e
            for e in events
            if e.id in flows
            or (e.type == "denial" and e.roles.get("subject") in flows)
            or (e.type == "designation" and e.roles.get("target") in pair)
            or (e.type == "accusation" and e.roles.get("subject") in flows)
        ]
    return _dated(events)


def summary(picture: Picture, event: GraphEvent) -> str:
    """One line about an event, actors by name: "North Korea → Russia: missiles (delivered)"."""
    name = picture.name
    if event.type in FLOW_TYPES:
        what = ", ".join(event.categories) if event.categories else "support"
        line = (
            f"{name(event.supplier)} → {name(event.recipient)}: {what} ({event.status or 'status unknown'})"
        )
        if event.brokers:
            line += f", brokered by {', '.join(name(b) for b in event.brokers)}"
        return line
    roles = event.roles
    if event.type == "designation":
        by = roles.get("authority_entity")
        return f"{roles.get('authority')} ({name(by)}) designated {name(roles.get('target'))}"
    if event.type == "denial":
        subject = next((e for e in picture.events if e.id == roles.get("subject")), None)
        about = summary(picture, subject) if subject else "a claim"
        return f"{name(roles.get('party'))} denied: {about}"
    if event.type == "accusation":
        accusers = ", ".join(name(a) for a in roles.get("accusers") or []) or "?"
        accused = ", ".join(name(a) for a in roles.get("accused") or []) or "?"
        return f"{accusers} accused {accused}"
    return event.type


def _dated(events: list[GraphEvent]) -> list[TimelineEntry]:
    out = []
    for e in events:
        if e.start:
            out.append(TimelineEntry(e.start, "event", e))
        elif e.first_reported:
            out.append(TimelineEntry(e.first_reported, "reported", e))
        else:
            out.append(TimelineEntry(None, "", e))
    return sorted(out, key=lambda t: (t.when is None, t.when or date.min, t.event.id))


__all__ = [
    "Edge",
    "Neighbourhood",
    "Path",
    "TimelineEntry",
    "all_edges",
    "between",
    "event_edges",
    "find_entity",
    "involves",
    "neighbourhood",
    "paths",
    "search",
    "summary",
    "timeline",
]
