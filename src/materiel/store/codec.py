"""Conversion between the records of ``materiel.model`` and the rows of the store.

JSON columns (document meta, entity attributes, event roles) may hold records such as ``Item``
or ``TimeSpan``, dates and enum members; they are written with a ``$type`` tag and rebuilt as the
same Python values on the way back. Plain JSON values pass through unchanged.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from materiel.model import (
    Document,
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Item,
    ItemCategory,
    Mention,
    TimeSpan,
    TransferStatus,
)
from materiel.store.models import DocumentRow, EntityRow, EventRow, EvidenceRow, MentionRow

TAG = "$type"


def encode(value: Any) -> Any:
    """A JSON-ready copy of ``value``; raises TypeError for values JSON cannot hold."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return {TAG: "datetime", "value": value.isoformat()}
    if isinstance(value, date):
        return {TAG: "date", "value": value.isoformat()}
    if isinstance(value, Item):
        return {TAG: "item", "text": value.text, "category": str(value.category), "quantity": value.quantity}
    if isinstance(value, TimeSpan):
        return {TAG: "timespan", **encode_span(value)}
    if isinstance(value, Evidence):
        return {TAG: "evidence", **value.to_dict(), "document_id": value.document_id}
    if isinstance(value, Mention):
        return {TAG: "mention", **value.to_dict()}
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be strings, not {type(key).__name__}")
            out[key] = encode(item)
        return out
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    raise TypeError(f"a {type(value).__name__} cannot be stored as JSON")


def encode_span(span: TimeSpan) -> dict[str, Any]:
    return {
        "start": span.start.isoformat() if span.start else None,
        "end": span.end.isoformat() if span.end else None,
        "text": span.text,
    }


def _opt_date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


def decode(value: Any) -> Any:
    """The Python value ``encode`` was given."""
    if isinstance(value, list):
        return [decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(TAG)
    if tag == "date":
        return date.fromisoformat(value["value"])
    if tag == "datetime":
        return datetime.fromisoformat(value["value"])
    if tag == "item":
        return Item(text=value["text"], category=ItemCategory(value["category"]), quantity=value["quantity"])
    if tag == "timespan":
        return TimeSpan(start=_opt_date(value["start"]), end=_opt_date(value["end"]), text=value["text"])
    if tag == "evidence":
        return Evidence(value["start"], value["end"], value["text"], value.get("document_id"))
    if tag == "mention":
        return Mention(value["start"], value["end"], value["text"])
    return {key: decode(item) for key, item in value.items()}


def check_span(what: str, start: Any, end: Any) -> None:
    """A span is two integer offsets with ``0 <= start <= end``; ValueError otherwise."""
    for value in (start, end):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{what} offsets must be integers, got start={start!r} end={end!r}")
    if start < 0 or end < start:
        raise ValueError(f"{what} span must satisfy 0 <= start <= end, got start={start} end={end}")


def document_row(doc: Document, ingested_at: datetime) -> DocumentRow:
    return DocumentRow(
        id=doc.id,
        text=doc.text,
        source_path=doc.source_path,
        url=doc.url,
        title=doc.title,
        publisher=doc.publisher,
        author=doc.author,
        published=doc.published,
        language=doc.language,
        meta=encode(doc.meta),
        ingested_at=ingested_at,
    )


def document_record(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        source_path=row.source_path,
        url=row.url,
        title=row.title,
        publisher=row.publisher,
        author=row.author,
        published=row.published,
        language=row.language,
        meta=decode(row.meta) if row.meta else {},
    )


def entity_row(doc_id: str, position: int, entity: Entity) -> EntityRow:
    return EntityRow(
        document_id=doc_id,
        position=position,
        local_id=entity.id,
        kind=str(entity.kind),
        name=entity.name,
        country=entity.country,
        aliases=list(entity.aliases),
        attributes=encode(entity.attributes),
    )


def mention_row(entity_row_id: int, position: int, mention: Mention) -> MentionRow:
    check_span("mention", mention.start, mention.end)
    return MentionRow(
        entity_id=entity_row_id, position=position, start=mention.start, end=mention.end, text=mention.text
    )


def entity_record(row: EntityRow, mentions: list[MentionRow]) -> Entity:
    return Entity(
        id=row.local_id,
        kind=EntityKind(row.kind),
        name=row.name,
        country=row.country,
        aliases=list(row.aliases or []),
        mentions=[Mention(m.start, m.end, m.text) for m in mentions],
        attributes=decode(row.attributes) if row.attributes else {},
    )


def event_row(doc_id: str, position: int, ev: Event) -> EventRow:
    when = ev.when
    return EventRow(
        document_id=doc_id,
        position=position,
        local_id=ev.id,
        type=str(ev.type),
        status=str(ev.status) if ev.status is not None else None,
        when_start=when.start if when else None,
        when_end=when.end if when else None,
        when_text=when.text if when else None,
        asserted_by=list(ev.asserted_by),
        denied_by=list(ev.denied_by),
        negated=bool(ev.negated),
        hypothetical=bool(ev.hypothetical),
        roles=encode(ev.roles),
    )


def evidence_row(doc_id: str, event_row_id: int, position: int, evidence: Evidence) -> EvidenceRow:
    check_span("evidence", evidence.start, evidence.end)
    return EvidenceRow(
        event_id=event_row_id,
        position=position,
        document_id=evidence.document_id or doc_id,
        start=evidence.start,
        end=evidence.end,
        text=evidence.text,
    )


def event_record(row: EventRow, evidence: list[EvidenceRow]) -> Event:
    has_when = row.when_start is not None or row.when_end is not None or row.when_text is not None
    return Event(
        id=row.local_id,
        type=EventType(row.type),
        evidence=[Evidence(e.start, e.end, e.text, e.document_id) for e in evidence],
        status=TransferStatus(row.status) if row.status else None,
        when=TimeSpan(row.when_start, row.when_end, row.when_text) if has_when else None,
        asserted_by=list(row.asserted_by or []),
        denied_by=list(row.denied_by or []),
        negated=bool(row.negated),
        hypothetical=bool(row.hypothetical),
        roles=decode(row.roles) if row.roles else {},
    )


__all__ = [
    "check_span",
    "decode",
    "document_record",
    "document_row",
    "encode",
    "entity_record",
    "entity_row",
    "event_record",
    "event_row",
    "evidence_row",
    "mention_row",
]
