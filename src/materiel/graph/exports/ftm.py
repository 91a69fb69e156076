"""The picture as FollowTheMoney entities (one JSON object per line), for Aleph and the ftm tools.

Modelling (see README, "Exports and the brief"):

- people → ``Person``, organisations and armed groups → ``Organization``, states → ``PublicBody``
  (with ``country`` and the topic ``gov.national``; FtM has no schema for a state as an actor),
  regions → ``Address`` (a place, not an actor), vessels → ``Vessel``, aircraft → ``Airplane``.
- documents → ``Article``; every entity–document pair → a ``Mention`` (the name resolved to the
  entity; people, organisations and states) or a ``Documentation`` link (vessels, aircraft, regions,
  which ``Mention`` cannot resolve to).
- transfers → ``EconomicActivity``: the only FtM schema in which goods move from a ``sender`` to a
  ``receiver``, with a description of the goods, a period, a means of transport and countries of
  origin and destination. FtM labels it "Customs declaration"; ours are reported transfers, so no
  customs field is set and ``summary`` begins "Reported arms transfer". Brokers → ``UnknownLink``
  from the broker to the supplier and to the recipient, with the transfer in ``role``.
- designations in text → ``Sanction`` (``entity``, ``authority``, ``program`` = basis, ``reason``);
  denials, accusations and military support → ``Event`` with the parties ``involved``.
- sources → ``proof`` (the Articles), ``publisher`` and ``sourceUrl`` on every fact.

What FtM has no property for (status, corroboration, contested, verdicts, our ids) is in the
entity's ``description`` in words and, as data, in a top-level ``"materiel"`` object: FtM readers
keep such keys as the proxy's context (``EntityProxy.context``) and ignore them otherwise.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from materiel.graph.exports import common
from materiel.graph.records import GraphEntity, GraphEvent, Picture

SCHEMAS = {
    "person": "Person",
    "organization": "Organization",
    "state": "PublicBody",
    "region": "Address",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
LEGAL_ENTITIES = {"Person", "Organization", "PublicBody", "LegalEntity", "Company"}
"""Schemata that may be a sender, receiver, involved party or a Mention's resolved entity."""
EVENT_NAMES = {
    "denial": "Denial",
    "accusation": "Accusation",
    "military_support": "Military support",
}
_UNSAFE = re.compile(r"[^0-9a-zA-Z.-]+")


def ftm_id(prefix: str, key: str) -> str:
    """A valid FtM id (letters, digits, ``.`` and ``-``), readable and stable: ``mtl-state-KP-1a2b3c4d``."""
    slug = _UNSAFE.sub("-", key).strip("-.")[:60].strip("-.")
    digest = hashlib.sha1(f"{prefix}|{key}".encode()).hexdigest()[:8]
    return f"mtl-{prefix}-{slug}-{digest}" if slug else f"mtl-{prefix}-{digest}"


def entity_id(graph_id: str) -> str:
    return ftm_id("ent", graph_id)


def document_id(doc_id: str) -> str:
    return ftm_id("doc", doc_id)


def _entity(schema: str, fid: str, properties: dict[str, list[str]], extra: dict[str, Any]) -> dict[str, Any]:
    props = {k: common.unique(v) for k, v in properties.items()}
    return {
        "id": fid,
        "schema": schema,
        "properties": {k: v for k, v in props.items() if v},
        "materiel": extra,
    }


def _country(value: Any) -> list[str]:
    text = str(value or "").strip().lower()
    return [text] if re.fullmatch(r"[a-z]{2}", text) else []


def _graph_entity(entity: GraphEntity) -> dict[str, Any]:
    schema = SCHEMAS.get(entity.kind, "LegalEntity")
    attrs = entity.attributes or {}
    props: dict[str, list[str]] = {"name": [entity.name], "country": _country(entity.country)}
    if schema != "Address":
        props["alias"] = [a for a in entity.aliases if a != entity.name]
    else:
        props["full"] = [entity.name]
    if schema == "PublicBody":
        props["jurisdiction"] = _country(entity.country)
        props["topics"] = ["gov.national"]
    if schema == "Person":
        props["nationality"] = _country(attrs.get("nationality"))
        props["birthDate"] = [str(attrs["birth_date"])] if attrs.get("birth_date") else []
    if schema == "Vessel":
        props["flag"] = _country(attrs.get("flag") or entity.country)
        props["imoNumber"] = [str(attrs["imo"])] if attrs.get("imo") else []
    if schema == "Airplane" and attrs.get("registration"):
        props["registrationNumber"] = [str(attrs["registration"])]
    notes = []
    for match in entity.list_matches:
        programs = ", ".join(str(p) for p in match.get("programs") or [])
        how = "match" if match.get("match", True) else "near miss"
        notes.append(
            f"Screening {how}: {match.get('list', '?')} {match.get('list_id', '?')} "
            f"{match.get('name', '')} ({programs}) score {match.get('score', '?')}"
        )
    props["notes"] = notes
    extra = {
        "id": entity.id,
        "kind": entity.kind,
        "mentions": entity.mentions,
        "documents": list(entity.documents),
        "list_matches": [
            {k: m.get(k) for k in ("list", "list_id", "name", "score", "match") if k in m}
            for m in entity.list_matches
        ],
    }
    return _entity(schema, entity_id(entity.id), props, extra)


def _article(header: dict[str, Any]) -> dict[str, Any]:
    doc_id = str(header["id"])
    path = header.get("source_path") or header.get("url") or ""
    file_name = PurePosixPath(str(path)).name if path else ""
    props = {
        "title": [str(header.get("title") or "")],
        "fileName": [file_name or doc_id],
        "publisher": [str(header.get("publisher") or "")],
        "publishedAt": [str(header.get("published") or "")[:10]],
        "sourceUrl": [str(header.get("url") or "")],
    }
    return _entity("Article", document_id(doc_id), props, {"id": doc_id})


def _sourcing(picture: Picture, event: GraphEvent) -> dict[str, list[str]]:
    headers = [common.document_header(picture, s.document_id, s) for s in event.sources]
    return {
        "proof": [document_id(s.document_id) for s in event.sources],
        "publisher": [str(h.get("publisher") or "") for h in headers],
        "sourceUrl": [str(h.get("url") or "") for h in headers],
        "recordId": [event.id],
    }


def _event_extra(event: GraphEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "corroboration": event.corroboration,
        "publishers": event.publishers,
        "first_reported": common.iso(event.first_reported) or None,
        "last_reported": common.iso(event.last_reported) or None,
        "contested": event.contested,
        "denied_by": list(event.denied_by),
        "verdicts": common.verdict_labels(event),
        "sources": [
            {"document": s.document_id, "event": s.event_id, "stance": s.stance, "asserted_by": s.asserted_by}
            for s in event.sources
        ],
    }


def _standing(picture: Picture, event: GraphEvent) -> str:
    parts = [f"Status: {event.status}."] if event.status else []
    parts.append(f"Reported by {event.corroboration} document(s)")
    if event.publishers:
        parts[-1] += f" from {len(event.publishers)} publisher(s): {'; '.join(event.publishers)}"
    parts[-1] += "."
    if event.contested:
        deniers = ", ".join(picture.name(d) for d in event.denied_by) or "a party"
        parts.append(f"Contested: denied by {deniers}.")
    verdicts = common.verdict_labels(event)
    if verdicts:
        parts.append("Assessment: " + "; ".join(verdicts) + ".")
    return " ".join(parts)


def _dates(event: GraphEvent) -> dict[str, list[str]]:
    return {"startDate": [common.iso(event.start)], "endDate": [common.iso(event.end)]}


def _transfer(picture: Picture, event: GraphEvent, schemas: dict[str, str]) -> Iterator[dict[str, Any]]:
    supplier, recipient = event.supplier, event.recipient
    props: dict[str, list[str]] = {
        **_sourcing(picture, event),
        **_dates(event),
        "goodsDescription": [common.items_phrase(event)],
        "summary": [
            f"Reported arms transfer: {picture.name(supplier)} to {picture.name(recipient)}, "
            f"{common.items_phrase(event)} ({event.status or 'status unknown'})."
        ],
        "description": [_standing(picture, event)],
    }
    for role, party, country_prop in (
        ("sender", supplier, "originCountry"),
        ("receiver", recipient, "destinationCountry"),
    ):
        if not party:
            continue
        schema = schemas.get(party)
        if schema in LEGAL_ENTITIES:
            props[role] = [entity_id(party)]
        elif schema in ("Vessel", "Airplane"):
            props.setdefault("transport", []).append(entity_id(party))
        entity = picture.entities.get(party)
        props[country_prop] = _country(entity.country if entity else None)
    transfer_id = ftm_id("transfer", event.id)
    yield _entity("EconomicActivity", transfer_id, props, _event_extra(event))
    for broker in event.brokers:
        if broker not in schemas:
            continue
        for side, party in (("from", supplier), ("to", recipient)):
            if not party or party not in schemas or party == broker:
                continue
            role = f"broker of arms transfer {side} {picture.name(party)}"
            link = {
                "subject": [entity_id(broker)],
                "object": [entity_id(party)],
                "role": [role],
                "summary": [f"{picture.name(broker)}: {role} ({common.items_phrase(event)})."],
                **_sourcing(picture, event),
                **_dates(event),
            }
            extra = {"transfer": event.id, "ftm_transfer": transfer_id}
            yield _entity("UnknownLink", ftm_id("broker", f"{event.id}|{broker}|{party}"), link, extra)


def _designation(picture: Picture, event: GraphEvent, schemas: dict[str, str]) -> Iterator[dict[str, Any]]:
    target = common.designation_target(event)
    if not target or target not in schemas:
        return
    authority = common.designation_authority(event) or ""
    state = common.designation_authority_entity(picture, event)
    when = common.designation_date(event)
    props: dict[str, list[str]] = {
        **_sourcing(picture, event),
        "entity": [entity_id(target)],
        "authority": [picture.name(state) if state and state != authority else authority],
        "program": [common.role_text(event, "basis")],
        "reason": [common.role_text(event, "reason")],
        "startDate": [common.iso(when)],
        "country": _country(picture.entities[state].country if state else None),
        "summary": [f"Reported designation of {picture.name(target)} by {authority or 'an authority'}."],
        "description": [_standing(picture, event)],
    }
    yield _entity("Sanction", ftm_id("sanction", event.id), props, _event_extra(event))


def _other_event(picture: Picture, event: GraphEvent, schemas: dict[str, str]) -> Iterator[dict[str, Any]]:
    parties = [p for p in common.event_parties(event) if schemas.get(p) in LEGAL_ENTITIES]
    name = EVENT_NAMES.get(event.type, event.type.replace("_", " ").capitalize())
    if event.type == "denial":
        subject = common.denial_subject(picture, event)
        who = ", ".join(picture.name(p) for p in common.denial_party(event)) or "A party"
        what = (
            f"the reported transfer of {common.items_phrase(subject)} from {picture.name(subject.supplier)} "
            f"to {picture.name(subject.recipient)}"
            if subject
            else "a report"
        )
        summary = f"{who} denied {what}."
    else:
        summary = f"{name}: {', '.join(picture.name(p) for p in parties) or 'parties unknown'}."
    props: dict[str, list[str]] = {
        **_sourcing(picture, event),
        **_dates(event),
        "name": [f"{name}: {', '.join(picture.name(p) for p in parties)}".rstrip(": ")],
        "involved": [entity_id(p) for p in parties],
        "summary": [summary],
        "description": [_standing(picture, event)] if event.type != "denial" else [],
        "date": [common.iso(event.first_reported)] if not event.start else [],
    }
    yield _entity("Event", ftm_id("event", event.id), props, _event_extra(event))


def _mentions(
    picture: Picture, entity: GraphEntity, schema: str, known_docs: set[str]
) -> Iterator[dict[str, Any]]:
    for doc in entity.documents:
        if doc not in known_docs:
            continue
        key = f"{doc}|{entity.id}"
        if schema in LEGAL_ENTITIES:
            props = {
                "document": [document_id(doc)],
                "resolved": [entity_id(entity.id)],
                "name": [entity.name],
                "detectedSchema": [schema],
            }
            yield _entity("Mention", ftm_id("mention", key), props, {"entity": entity.id, "document": doc})
        else:
            props = {"document": [document_id(doc)], "entity": [entity_id(entity.id)], "role": ["mentioned"]}
            yield _entity(
                "Documentation", ftm_id("doc-link", key), props, {"entity": entity.id, "document": doc}
            )


def to_ftm(picture: Picture) -> Iterator[dict[str, Any]]:
    """FtM entity dicts: documents, entities, their mentions, then one or more entities per event.

    Every reference points at an entity that is emitted too; ``json.dumps`` each dict for a line.
    """
    headers = common.all_document_headers(picture)
    for header in headers.values():
        yield _article(header)
    schemas: dict[str, str] = {}
    for entity in picture.entities.values():
        data = _graph_entity(entity)
        schemas[entity.id] = data["schema"]
        yield data
    for entity in picture.entities.values():
        yield from _mentions(picture, entity, schemas[entity.id], set(headers))
    for event in picture.events:
        if event.type == "arms_transfer":
            yield from _transfer(picture, event, schemas)
        elif event.type == "designation":
            yield from _designation(picture, event, schemas)
        else:
            yield from _other_event(picture, event, schemas)
