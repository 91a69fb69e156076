"""Records of the picture as the API's JSON: entities, events, their sources and relations."""

from __future__ import annotations

from typing import Any

from materiel.graph.exports.common import categories, verdict_labels, worst_verdict
from materiel.graph.queries import Edge, TimelineEntry
from materiel.graph.records import GraphEntity, GraphEvent, Picture, SourceRef


def ref(picture: Picture, entity_id: str | None) -> dict[str, Any] | None:
    """``{"id", "name", "kind"}`` of an entity the picture knows, or the bare value it was given."""
    if not entity_id:
        return None
    entity = picture.entities.get(entity_id)
    if entity is None:
        return {"id": entity_id, "name": entity_id, "kind": None}
    return {"id": entity.id, "name": entity.name, "kind": entity.kind}


def entity_summary(entity: GraphEntity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.name,
        "country": entity.country,
        "aliases": list(entity.aliases),
        "documents": len(entity.documents),
        "mentions": entity.mentions,
        "listed": bool(entity.list_matches),
    }


def source(s: SourceRef) -> dict[str, Any]:
    return {
        "document_id": s.document_id,
        "event_id": s.event_id,
        "stance": s.stance,
        "evidence": s.evidence,
        "start": s.start,
        "end": s.end,
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published,
        "url": s.url,
        "asserted_by": list(s.asserted_by),
    }


def event_summary(picture: Picture, event: GraphEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "supplier": ref(picture, event.supplier),
        "recipient": ref(picture, event.recipient),
        "items": [dict(i) for i in event.items],
        "categories": categories(event),
        "start": event.start,
        "end": event.end,
        "first_reported": event.first_reported,
        "last_reported": event.last_reported,
        "corroboration": event.corroboration,
        "publishers": event.publishers,
        "contested": event.contested,
        "worst_verdict": worst_verdict(event),
    }


def event_detail(picture: Picture, event: GraphEvent) -> dict[str, Any]:
    return {
        **event_summary(picture, event),
        "brokers": [ref(picture, b) for b in event.brokers],
        "consideration": list(event.consideration),
        "roles": {k: v for k, v in event.roles.items()},
        "denied_by": [ref(picture, d) for d in event.denied_by],
        "sources": [source(s) for s in event.sources],
        "verdicts": verdict_labels(event),
        "findings": [dict(f) for f in event.findings],
    }


def edge(picture: Picture, e: Edge) -> dict[str, Any]:
    return {
        "source": e.source,
        "target": e.target,
        "relation": e.relation,
        "event": e.event,
        "when": e.when,
    }


def timeline_entry(picture: Picture, entry: TimelineEntry) -> dict[str, Any]:
    return {"when": entry.when, "dated_by": entry.dated_by, "event": event_summary(picture, entry.event)}


__all__ = ["edge", "entity_summary", "event_detail", "event_summary", "ref", "source", "timeline_entry"]
