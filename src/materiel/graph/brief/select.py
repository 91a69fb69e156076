"""What a brief is about: the whole picture, one entity, or the relations between two parties.

A focus is a smaller :class:`Picture` (the events in scope and the entities they name) with a
title. ``entity`` and each side of ``between`` are an entity id (``state:KP``), a country code
(``KP``: the state and the organisations, vessels and aircraft of that country) or a name or
alias, found with :func:`materiel.graph.queries.find_entity`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from materiel.graph.exports import common
from materiel.graph.queries import find_entity
from materiel.graph.records import GraphEvent, Picture


@dataclass(slots=True)
class Focus:
    picture: Picture
    title: str
    scope: str
    centre: list[str] = field(default_factory=list)  # the entity ids the brief is about


def resolve_side(picture: Picture, query: str) -> set[str]:
    """The entity ids one side stands for (a state brings the organisations, vessels and aircraft
    of its country); the entity is found as ``materiel entity`` finds it (NotFoundError if none)."""
    entity = find_entity(picture, query)
    if entity.kind == "state" and entity.country:
        return {entity.id} | _of_country(picture, entity.country)
    return {entity.id}


def _of_country(picture: Picture, code: str) -> set[str]:
    """Organisations, vessels and aircraft of a country (people keep their own standing)."""
    return {
        e.id
        for e in picture.entities.values()
        if e.kind in ("organization", "vessel", "aircraft") and (e.country or "").upper() == code.upper()
    }


def _with_context(picture: Picture, chosen: list[GraphEvent], anchor: set[str]) -> list[GraphEvent]:
    """The chosen events plus denials of them and designations of the parties to them."""
    ids = {e.id for e in chosen}
    parties = anchor | {p for e in chosen for p in common.event_parties(e)}
    out = list(chosen)
    for event in picture.events:
        if event.id in ids:
            continue
        if event.type == "denial":
            subject = common.denial_subject(picture, event)
            if (subject is not None and subject.id in ids) or (
                subject is None and set(common.denial_party(event)) & anchor
            ):
                out.append(event)
        elif event.type == "designation" and common.designation_target(event) in parties:
            out.append(event)
    order = {e.id: n for n, e in enumerate(picture.events)}
    return sorted(out, key=lambda e: order[e.id])


def _sub_picture(picture: Picture, events: list[GraphEvent]) -> Picture:
    named: set[str] = set()
    docs: set[str] = set()
    for event in events:
        named.update(common.event_parties(event))
        for source in event.sources:
            named.update(source.asserted_by)
            docs.add(source.document_id)
        state = common.designation_authority_entity(picture, event) if event.type == "designation" else None
        if state:
            named.add(state)
    entities = {k: v for k, v in picture.entities.items() if k in named}
    documents = {k: v for k, v in picture.documents.items() if k in docs}
    return Picture(entities=entities, events=events, documents=documents)


def focus(picture: Picture, entity: str | None = None, between: tuple[str, str] | None = None) -> Focus:
    """The part of the picture a brief covers (everything when neither argument is given)."""
    if entity and between:
        raise ValueError("give an entity or a pair, not both")
    if between:
        side_a, side_b = (resolve_side(picture, q) for q in between)
        chosen = [
            e
            for e in picture.events
            if e.type in ("arms_transfer", "military_support")
            and (
                (e.supplier in side_a and e.recipient in side_b)
                or (e.supplier in side_b and e.recipient in side_a)
            )
        ]
        events = _with_context(picture, chosen, side_a | side_b)
        name_a, name_b = (_label(picture, q, s) for q, s in zip(between, (side_a, side_b), strict=True))
        centre = sorted(i for i in side_a | side_b if picture.entities[i].kind == "state") or sorted(
            side_a | side_b
        )
        return Focus(
            _sub_picture(picture, events),
            f"{name_a} and {name_b}",
            f"transfers between {name_a} and {name_b} (either way), the denials of them and the "
            "designations of the parties to them",
            centre,
        )
    if entity:
        ids = resolve_side(picture, entity)
        chosen = [e for e in picture.events if set(common.event_parties(e)) & ids]
        events = _with_context(picture, chosen, ids)
        name = _label(picture, entity, ids)
        return Focus(
            _sub_picture(picture, events),
            name,
            f"every event that names {name} as a party, the denials of them and the designations of "
            "the parties to them",
            sorted(ids),
        )
    return Focus(picture, "All reporting", "every event in the store", [])


def _label(picture: Picture, query: str, ids: set[str]) -> str:
    states = [picture.entities[i] for i in sorted(ids) if picture.entities[i].kind == "state"]
    if states:
        return states[0].name
    if query in picture.entities:
        return picture.entities[query].name
    return picture.entities[sorted(ids)[0]].name
