"""Screening extracted entities against the loaded sanctions lists: where extraction meets screening.

People, organisations, vessels and aircraft of an extraction are screened by name (their name and
their aliases of two words or more), with what the document says about them as qualifiers (a
state's or person's country, a nationality). Each entity keeps its best hit per list entry; hits
at the matcher's threshold are matches, those a little below are kept as near misses for review.
The result is stored with the versions (and checksums) of the lists it was screened against.

    hits = screen_extraction(store, extraction)      # screens, stores, returns the hits
    screener = make_screener(store)                  # None when no list is loaded (cheap)
    screening = screener.screen(extraction)          # a DocumentScreening, not stored
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from materiel.model import Entity, EntityKind, Extraction
from materiel.screen.lists import list_lists
from materiel.screen.match import DEFAULT, Algorithm
from materiel.screen.queries import MAX_NAME_CHARS, make_query
from materiel.screen.records import Feature, Match, Query
from materiel.screen.screening import CandidateIndex, review_floor, screen_one, store_index
from materiel.store import Store
from materiel.store.lists import ListVersion
from materiel.store.screenings import DocumentScreening, ScreeningHit, get_screening, save_screening

KIND_SCHEMAS = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.VESSEL: "Vessel",
    EntityKind.AIRCRAFT: "Airplane",
}
"""Which extracted entities are screened, and as what."""
PER_ENTITY = 5
"""At most this many hits per entity."""
AS_ORGANISATION = 0.9
"""The least score of an organisation's entry for a person's name that matched no listed person."""
READ_AS_ORG = Feature("kind", 0.0, "read as an organisation's name: extraction took it for a person's")


def entity_queries(entity: Entity) -> list[Query]:
    """The queries for one extracted entity: its name, then aliases of two words or more."""
    schema = KIND_SCHEMAS.get(entity.kind)
    if schema is None:
        return []
    attrs = entity.attributes or {}
    country = entity.country or attrs.get("nationality") or attrs.get("country")
    identifiers = {k: [str(attrs[k])] for k in ("imo", "passport") if attrs.get(k)}
    names = [entity.name, *(a for a in entity.aliases if len(a.split()) >= 2)]
    return [
        make_query(  # read as a user's query is; a qualifier that means nothing is left out
            name,
            schema=schema,
            id=entity.id,
            birth_date=str(attrs["birth_date"]) if attrs.get("birth_date") else None,
            country=str(country) if country else None,
            identifiers=identifiers,
            warn=_ignore,
        )
        for name in dict.fromkeys(n for n in names if n and n.strip() and len(n) <= MAX_NAME_CHARS)
    ]


def _ignore(message: str) -> None:
    """Extraction's qualifiers are read from running text; one that is no date or country is not
    screened with, and not worth a warning."""


@dataclass(slots=True)
class Screener:
    """Screens extractions against the list versions loaded when it was made."""

    versions: list[ListVersion]
    index: CandidateIndex
    algorithm: Algorithm = DEFAULT
    threshold: float = DEFAULT.threshold

    def lists(self) -> list[dict[str, Any]]:
        return [
            {"key": v.key, "version": v.version, "checksum": v.checksum, "list_date": v.list_date}
            for v in self.versions
        ]

    def _hit(self, entity: Entity, query: Query, m: Match) -> ScreeningHit:
        version = next((v for v in self.versions if v.key == m.entity.list), None)
        return ScreeningHit(
            entity_id=entity.id,
            entity_name=entity.name,
            entity_kind=str(entity.kind),
            query_name=query.name,
            list_entry_id=m.entity.id,
            list_key=m.entity.list,
            list_version=version.version if version else 0,
            list_checksum=version.checksum if version else "",
            entry_name=m.entity.name,
            entry_schema=m.entity.schema,
            programs=m.entity.programs,
            score=m.score,
            match=m.score >= self.threshold,
            explanation=m.to_dict()["explanation"],
        )

    def screen_entity(self, entity: Entity) -> list[ScreeningHit]:
        """The entity's best hit per list entry, best first (matches and near misses). A person
        who matches no listed person is also screened as an organisation by a name of two words or
        more, kept only where it matches one closely (``AS_ORGANISATION``): extraction reads some
        companies' and groups' names as people's ("P.B. Sadr", "Al Junaid")."""
        best: dict[str, ScreeningHit] = {}
        queries = entity_queries(entity)
        floor = review_floor(self.threshold)
        for query in queries:
            self._keep(
                best, entity, query, screen_one(query, self.index, floor, PER_ENTITY, self.algorithm).matches
            )
        if entity.kind == EntityKind.PERSON and not any(h.match for h in best.values()):
            for query in (q for q in queries if len(q.name.split()) > 1):  # "Verus" alone is a surname
                as_org = replace(query, schema="Organization")
                found = screen_one(as_org, self.index, AS_ORGANISATION, PER_ENTITY, self.algorithm).matches
                self._keep(
                    best,
                    entity,
                    query,
                    [replace(m, explanation=[*m.explanation, READ_AS_ORG]) for m in found],
                )
        return sorted(best.values(), key=lambda h: (-h.score, h.list_entry_id))[:PER_ENTITY]

    def _keep(
        self, best: dict[str, ScreeningHit], entity: Entity, query: Query, matches: list[Match]
    ) -> None:
        """Keep each match as ``entity``'s hit where it beats the hit kept for its entry."""
        for m in matches:
            hit = self._hit(entity, query, m)
            if hit.list_entry_id not in best or hit.score > best[hit.list_entry_id].score:
                best[hit.list_entry_id] = hit

    def screen(self, extraction: Extraction) -> DocumentScreening:
        """Screen every screenable entity of ``extraction`` (nothing is stored)."""
        entities = [e for e in extraction.entities if e.kind in KIND_SCHEMAS]
        hits = [hit for entity in entities for hit in self.screen_entity(entity)]
        return DocumentScreening(
            document_id=extraction.document.id,
            screened_at=datetime.now(UTC),
            lists=self.lists(),
            entities=len(entities),
            threshold=self.threshold,
            hits=hits,
        )


def make_screener(
    store: Store, *, threshold: float | None = None, algorithm: Algorithm = DEFAULT
) -> Screener | None:
    """A screener over the lists loaded in ``store``; None (after one small query) when there are none."""
    versions = list_lists(store)
    if not versions:
        return None
    return Screener(
        versions=versions,
        index=store_index(store),
        algorithm=algorithm,
        threshold=algorithm.threshold if threshold is None else threshold,
    )


def screen_extraction(
    store: Store, extraction: Extraction, *, screener: Screener | None = None
) -> list[ScreeningHit]:
    """Screen the entities of ``extraction`` against the loaded lists and store the result with the
    list versions, replacing the document's earlier screening. No list loaded: nothing happens."""
    screener = screener or make_screener(store)
    if screener is None:
        return []
    screening = screener.screen(extraction)
    save_screening(store, screening)
    return screening.hits


def stored_screening(store: Store, document_id: str) -> DocumentScreening | None:
    """The stored screening of a document, or None if it was never screened."""
    return get_screening(store, document_id)


__all__ = [
    "KIND_SCHEMAS",
    "DocumentScreening",
    "Screener",
    "ScreeningHit",
    "entity_queries",
    "make_screener",
    "screen_extraction",
    "stored_screening",
]
