"""Picking entities and events out of the cross-document picture by the fields a request names.

These are plain filters over :mod:`materiel.graph.records` values (what the API's query parameters
and the search box ask for); the picture itself, with every decision about entities and events, is
``materiel.graph``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from materiel.graph.exports.common import categories
from materiel.graph.queries import involves, search
from materiel.graph.records import GraphEntity, GraphEvent, Picture


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def find_entities(
    picture: Picture,
    q: str | None = None,
    *,
    kind: str | None = None,
    country: str | None = None,
    listed: bool | None = None,
) -> list[GraphEntity]:
    """``materiel.graph.queries.search`` (most documented first), then only those of ``country``
    and, with ``listed``, those with (True) or without (False) a list match."""
    out = []
    for entity in search(picture, q or None, kind=kind or None):
        if country and (entity.country or "").upper() != country.upper():
            continue
        if listed is not None and bool(entity.list_matches) != listed:
            continue
        out.append(entity)
    return out


def event_date(event: GraphEvent) -> date | None:
    """When it happened as reported, else when it was first reported (for ordering)."""
    return event.start or event.end or event.first_reported


def event_text(picture: Picture, event: GraphEvent) -> str:
    parts = [event.id, event.type, event.status or "", *categories(event)]
    parts += [str(i.get("text") or "") for i in event.items]
    parts += [picture.name(e) for e in (event.supplier, event.recipient, *event.brokers) if e]
    parts += [picture.name(str(v)) for v in event.roles.values() if isinstance(v, str)]
    parts += [s.evidence for s in event.sources]
    return _fold(" ".join(parts))


@dataclass(slots=True)
class EventFilter:
    q: str | None = None
    type: str | None = None
    from_state: str | None = None  # the supplier's country (ISO alpha-2)
    to_state: str | None = None  # the recipient's country
    category: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    verdict: str | None = None
    entity: str | None = None  # takes part in any role
    contested: bool | None = None


def _country(picture: Picture, entity_id: str | None) -> str:
    entity = picture.entities.get(entity_id or "")
    return (entity.country or "").upper() if entity else ""


def _in_range(event: GraphEvent, since: date | None, until: date | None) -> bool:
    start, end = event.start or event.end, event.end or event.start
    if start is None or end is None:
        return False
    return (since is None or end >= since) and (until is None or start <= until)


def find_events(picture: Picture, f: EventFilter) -> list[GraphEvent]:
    """The events that pass every field of ``f`` that is set (undated events are left out when a
    date range is given)."""
    words = _fold(f.q).split()
    out = []
    for event in picture.events:
        if f.type and event.type != f.type:
            continue
        if f.status and event.status != f.status:
            continue
        if f.from_state and _country(picture, event.supplier) != f.from_state.upper():
            continue
        if f.to_state and _country(picture, event.recipient) != f.to_state.upper():
            continue
        if f.category and f.category not in categories(event):
            continue
        if (f.since or f.until) and not _in_range(event, f.since, f.until):
            continue
        if f.verdict and not any(x.get("verdict") == f.verdict for x in event.findings):
            continue
        if f.entity and not involves(event, f.entity):
            continue
        if f.contested is not None and event.contested != f.contested:
            continue
        if words:
            text = event_text(picture, event)
            if not all(w in text for w in words):
                continue
        out.append(event)
    return out


def involves_sorted(picture: Picture, entity_id: str) -> list[GraphEvent]:
    """The events the entity takes part in (``materiel.graph.queries.involves``), in date order."""
    events = [e for e in picture.events if involves(e, entity_id)]
    return sorted(events, key=lambda e: (event_date(e) is None, event_date(e) or date.min, e.id))


__all__ = ["EventFilter", "event_date", "event_text", "find_entities", "find_events", "involves_sorted"]
