"""``build_picture(store)``: the cross-document picture from what earlier stages stored.

It reads the stored extractions (never re-running extraction), the screening matches, the
assessment findings and the analyst's resolution decisions, resolves the entities
(``materiel.graph.resolve``), merges the events (``materiel.graph.events``) and returns a
:class:`~materiel.graph.records.Picture`. ``assemble`` does the same from values in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from materiel.graph.events import EventBuilder, attach_findings
from materiel.graph.names import name_key
from materiel.graph.records import GraphEntity, Picture
from materiel.graph.resolve import Member, cluster, decision_links, entities_of, members_of
from materiel.model import EntityKind, Extraction
from materiel.store import Store
from materiel.store.graph import findings_by_document, iter_extractions, list_decisions, screening_matches

AUTHORITY_STATES = {"UK": "GB"}
"""Authorities whose code is not their state's ISO code."""


class Refs:
    """Resolves what an event role names (an entity id of its document, a country code, a name)."""

    def __init__(
        self, member_ids: dict[str, str], members: dict[str, Member], entities: dict[str, GraphEntity]
    ) -> None:
        self.ids = member_ids
        self.entities = entities
        self.names: dict[str, dict[str, str]] = defaultdict(dict)
        for key, m in members.items():
            for name in (m.entity.name, *m.entity.aliases):
                self.names[m.document_id].setdefault(name_key(name), member_ids[key])
        self.states = {e.country: e.id for e in entities.values() if e.kind == EntityKind.STATE and e.country}

    def __call__(self, doc_id: str, value: Any) -> str | None:
        if isinstance(value, dict):
            value = value.get("id") or value.get("text")
        if value is None or value == "":
            return None
        text = str(value)
        found = self.ids.get(f"{doc_id}/{text}")
        if found:
            return found
        if len(text) == 2 and text.isupper() and text in self.states:
            return self.states[text]
        return self.names.get(doc_id, {}).get(name_key(text)) or text

    def authority(self, code: str) -> str | None:
        """The entity of a designating authority: its state, else the body that acts as it."""
        state = self.states.get(AUTHORITY_STATES.get(code, code))
        if state:
            return state
        bodies = [e for e in self.entities.values() if str(e.attributes.get("authority", "")).upper() == code]
        return max(bodies, key=lambda e: (len(e.documents), e.id)).id if bodies else None


def assemble(
    extractions: Iterable[Extraction],
    matches: Sequence[dict[str, Any]] = (),
    decisions: Sequence[dict[str, Any]] = (),
    findings: Iterable[tuple[str, dict[str, Any]]] = (),
) -> Picture:
    """The picture of these extractions, screening matches, decisions and findings (no store)."""
    extractions = [e for e in extractions]
    documents = {e.document.id: {**e.document.header(), "skipped": e.skipped} for e in extractions}
    members = members_of(extractions, matches)
    list_names = {str(h["list_id"]): str(h["name"]) for h in matches}
    clusters = cluster(members, decision_links(decisions), list_names)
    entities, member_ids = entities_of(clusters, matches)
    refs = Refs(member_ids, members, entities)
    builder = EventBuilder(refs, documents, refs.authority)
    for extraction in extractions:
        if not extraction.skipped:
            builder.add(extraction)
    events = builder.build()
    attach_findings(builder, findings)
    return Picture(entities=dict(sorted(entities.items())), events=events, documents=documents)


def build_picture(store: Store) -> Picture:
    """The picture of everything in ``store``: stored extractions, screenings, findings, decisions."""
    return assemble(
        iter_extractions(store),
        screening_matches(store),
        list_decisions(store),
        findings_by_document(store),
    )


def load_picture(db_url: str | None) -> Picture:
    """The picture of the store at ``db_url`` (None: ``MATERIEL_DB`` or the default)."""
    with Store.open(db_url) as store:
        return build_picture(store)


__all__ = ["Refs", "assemble", "build_picture", "load_picture"]
