"""Event JSON lines in a PLOVER-like record: one line per report of an event, with who said it.

PLOVER (the Political Language Ontology for Verifiable Event Records) codes an event as
``event_type`` + ``mode`` + ``context`` between an ``actor`` and a ``recipient``. We code:

=================  ===========================================  ============
materiel type      event_type, mode                             context
=================  ===========================================  ============
arms_transfer      AID/military (delivered, attempted, alleged,  military,
                   no status), AGREE/military (agreed, planned), arms_transfer
                   REQUEST/military (sought)
military_support   AID/military                                 military
designation        SANCTION/designation (actor: the authority)  sanctions
denial             REJECT/deny (recipient: the other party)     military
accusation         ACCUSE/allege                                military
=================  ===========================================  ============

A PLOVER record is one report of one event, so a merged event gives one line per source; they
share ``event_id`` (the merged event) and differ in ``report_id``, the document (``story_*``),
``text`` (the evidence sentence), ``asserted_by`` (who the document says made the claim) and
``stance`` (``asserts`` or ``denies``). The merged event's standing (status, corroboration,
contested, verdicts) is repeated on each line so that a line reads alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from materiel.graph.exports import common
from materiel.graph.records import GraphEvent, Picture, SourceRef

AGREED = {"agreed", "planned"}


def plover_code(event: GraphEvent) -> tuple[str, str, list[str]]:
    """``(event_type, mode, context)`` of a merged event."""
    if event.type == "arms_transfer":
        if event.status == "sought":
            code = "REQUEST"
        elif event.status in AGREED:
            code = "AGREE"
        else:
            code = "AID"
        return code, "military", ["military", "arms_transfer"]
    if event.type == "military_support":
        return "AID", "military", ["military"]
    if event.type == "designation":
        return "SANCTION", "designation", ["sanctions"]
    if event.type == "denial":
        return "REJECT", "deny", ["military"]
    if event.type == "accusation":
        return "ACCUSE", "allege", ["military"]
    return event.type.upper(), "", []


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value else None


def _actors(picture: Picture, event: GraphEvent) -> tuple[str | None, str | None]:
    if event.type == "designation":
        authority = common.designation_authority(event)
        actor = common.designation_authority_entity(picture, event)
        return actor or authority, common.designation_target(event)
    if event.type == "denial":
        parties = common.denial_party(event)
        party = parties[0] if parties else None
        subject = common.denial_subject(picture, event)
        other = None
        if subject is not None:
            other = subject.recipient if party == subject.supplier else subject.supplier
        return party, other
    if event.type == "accusation":
        return _first(event.roles.get("accusers")), _first(event.roles.get("accused"))
    return event.supplier, event.recipient


def _party(picture: Picture, prefix: str, entity_id: str | None) -> dict[str, Any]:
    entity = picture.entities.get(entity_id or "")
    return {
        prefix: picture.name(entity_id) if entity_id else None,
        f"{prefix}_id": entity_id,
        f"{prefix}_country": entity.country if entity else None,
    }


def event_records(picture: Picture) -> Iterator[dict[str, Any]]:
    """One PLOVER-like dict per report of every event (one with null report fields if unsourced)."""
    for event in picture.events:
        event_type, mode, context = plover_code(event)
        actor, recipient = _actors(picture, event)
        when = common.designation_date(event) if event.type == "designation" else event.start
        base: dict[str, Any] = {
            "event_id": event.id,
            "event_type": event_type,
            "mode": mode,
            "context": context,
            "date": common.iso(when) or None,
            "date_end": common.iso(event.end) or None,
            **_party(picture, "actor", actor),
            **_party(picture, "recipient", recipient),
            "materiel_type": event.type,
            "status": event.status,
            "items": [dict(i) for i in event.items],
            "categories": common.categories(event),
            "brokers": list(event.brokers),
            "corroboration": event.corroboration,
            "publishers": event.publishers,
            "contested": event.contested,
            "denied_by": list(event.denied_by),
            "verdicts": common.verdict_labels(event),
        }
        sources: list[SourceRef | None] = list(event.sources) or [None]
        for n, source in enumerate(sources, start=1):
            header = common.document_header(picture, source.document_id, source) if source else {}
            yield {
                "id": f"{event.id}#{n}",
                **base,
                "report_id": source.event_id if source else None,
                "story_id": source.document_id if source else None,
                "story_date": header.get("published"),
                "publisher": header.get("publisher"),
                "title": header.get("title"),
                "url": header.get("url"),
                "text": source.evidence if source else None,
                "asserted_by": list(source.asserted_by) if source else [],
                "asserted_by_names": [picture.name(a) for a in source.asserted_by] if source else [],
                "stance": source.stance if source else None,
            }
