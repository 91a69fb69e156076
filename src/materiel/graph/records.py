"""The cross-document picture: resolved entities and merged events, with their sources.

``materiel.graph`` builds a :class:`Picture` from the stored extractions (resolution and merging);
queries, exports and the brief read it. Ids are stable across re-runs: an entity's id is derived
from its resolution key (``state:KP``, ``person:ashot-mkrtychev``), an event's from its merge key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class SourceRef:
    """One report of a fact: the document, its local event id and the evidence sentence."""

    document_id: str
    event_id: str  # the event's id in that document's extraction
    evidence: str  # the sentence as quoted
    start: int
    end: int
    publisher: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    asserted_by: list[str] = field(default_factory=list)  # graph entity ids
    stance: str = "asserts"  # "asserts" or "denies"


@dataclass(slots=True)
class GraphEntity:
    id: str
    kind: str  # person, organization, state, region, vessel, aircraft
    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # ids of the documents that mention it
    mentions: int = 0
    list_matches: list[dict[str, Any]] = field(default_factory=list)  # screening hits (list_id, score ...)
    attributes: dict[str, Any] = field(default_factory=dict)
    merged_from: list[str] = field(default_factory=list)  # per-document entity keys folded into it
    why: list[str] = field(default_factory=list)  # how the resolution decided (names, qualifiers)


@dataclass(slots=True)
class GraphEvent:
    """A fact across documents: one transfer (or designation, denial, support, accusation)."""

    id: str
    type: str  # arms_transfer, designation, denial, military_support, accusation
    status: str | None = None
    supplier: str | None = None  # graph entity ids
    recipient: str | None = None
    items: list[dict[str, Any]] = field(default_factory=list)  # {"text", "category", "quantity"}
    categories: list[str] = field(default_factory=list)
    consideration: list[str] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    roles: dict[str, Any] = field(default_factory=dict)  # type-specific: authority, target, party ...
    start: date | None = None  # when it happened, as the reports date it
    end: date | None = None
    sources: list[SourceRef] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)  # assessment verdicts of its reports
    why: list[str] = field(default_factory=list)  # how the merge decided (which reports joined, and why)

    @property
    def corroboration(self) -> int:
        """How many documents report it."""
        return len({s.document_id for s in self.sources if s.stance == "asserts"})

    @property
    def publishers(self) -> list[str]:
        return sorted({s.publisher for s in self.sources if s.publisher})

    @property
    def first_reported(self) -> date | None:
        dates = [s.published for s in self.sources if s.published]
        return min(dates) if dates else None

    @property
    def last_reported(self) -> date | None:
        dates = [s.published for s in self.sources if s.published]
        return max(dates) if dates else None

    @property
    def contested(self) -> bool:
        return bool(self.denied_by) or any(s.stance == "denies" for s in self.sources)


@dataclass(slots=True)
class Picture:
    """Everything materiel knows across documents, ready for queries, exports and the brief."""

    entities: dict[str, GraphEntity] = field(default_factory=dict)
    events: list[GraphEvent] = field(default_factory=list)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> header (title, publisher ...)

    def name(self, entity_id: str | None) -> str:
        entity = self.entities.get(entity_id or "")
        return entity.name if entity else (entity_id or "?")
