"""Persistence of the screening of extracted entities: one screening per document, with its hits.

The values are built by ``materiel.entity_screening`` (which owns what goes in them); this module
only writes and reads them. ``save_screening`` replaces a document's earlier screening in one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from materiel.store.connection import connect
from materiel.store.screening_models import ScreeningMatchRow, ScreeningRow
from materiel.store.store import Store


@dataclass(slots=True)
class ScreeningHit:
    """One extracted entity matched (or nearly matched) to one list entry."""

    entity_id: str
    entity_name: str
    entity_kind: str
    query_name: str
    list_entry_id: str
    list_key: str
    list_version: int
    list_checksum: str
    entry_name: str
    entry_schema: str
    programs: list[str]
    score: float
    match: bool
    explanation: list[dict[str, Any]] = field(default_factory=list)  # [{feature, score, detail}]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "entity_name": self.entity_name,
            "entity_kind": self.entity_kind,
            "query_name": self.query_name,
            "list": self.list_key,
            "list_id": self.list_entry_id,
            "list_version": self.list_version,
            "list_checksum": self.list_checksum,
            "name": self.entry_name,
            "schema": self.entry_schema,
            "programs": list(self.programs),
            "score": round(self.score, 4),
            "match": self.match,
            "explanation": list(self.explanation),
        }


@dataclass(slots=True)
class DocumentScreening:
    """The screening of one document's entities: when, against which list versions, and the hits."""

    document_id: str
    screened_at: datetime
    lists: list[dict[str, Any]]  # [{key, version, checksum, list_date}]
    entities: int
    threshold: float
    hits: list[ScreeningHit] = field(default_factory=list)

    @property
    def matches(self) -> list[ScreeningHit]:
        return [h for h in self.hits if h.match]

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "screened_at": self.screened_at.isoformat(),
            "lists": list(self.lists),
            "entities": self.entities,
            "threshold": self.threshold,
            "hits": [h.to_dict() for h in self.hits],
        }


def save_screening(store: Store, screening: DocumentScreening) -> None:
    """Store ``screening``, replacing the document's earlier one (one transaction)."""
    doc_id = screening.document_id
    with connect(store, f"store the screening of document {doc_id}", write=True) as conn:
        conn.execute(delete(ScreeningMatchRow).where(ScreeningMatchRow.document_id == doc_id))
        conn.execute(delete(ScreeningRow).where(ScreeningRow.document_id == doc_id))
        conn.execute(
            insert(ScreeningRow).values(
                document_id=doc_id,
                screened_at=screening.screened_at,
                lists=screening.lists,
                entities=screening.entities,
                threshold=screening.threshold,
            )
        )
        if screening.hits:
            conn.execute(
                insert(ScreeningMatchRow),
                [
                    {
                        "document_id": doc_id,
                        "position": i,
                        "entity_id": h.entity_id,
                        "entity_name": h.entity_name,
                        "entity_kind": h.entity_kind,
                        "query_name": h.query_name,
                        "list_entry_id": h.list_entry_id,
                        "list_key": h.list_key,
                        "list_version": h.list_version,
                        "list_checksum": h.list_checksum,
                        "entry_name": h.entry_name,
                        "entry_schema": h.entry_schema,
                        "programs": h.programs,
                        "score": h.score,
                        "match": h.match,
                        "explanation": h.explanation,
                        "screened_at": screening.screened_at,
                    }
                    for i, h in enumerate(screening.hits)
                ],
            )


def _hit(row: Any) -> ScreeningHit:
    return ScreeningHit(
        entity_id=row.entity_id,
        entity_name=row.entity_name,
        entity_kind=row.entity_kind,
        query_name=row.query_name,
        list_entry_id=row.list_entry_id,
        list_key=row.list_key,
        list_version=row.list_version,
        list_checksum=row.list_checksum,
        entry_name=row.entry_name,
        entry_schema=row.entry_schema,
        programs=list(row.programs or []),
        score=float(row.score),
        match=bool(row.match),
        explanation=list(row.explanation or []),
    )


def get_screening(store: Store, document_id: str) -> DocumentScreening | None:
    """The stored screening of a document (exact id), or None if it was never screened."""
    with connect(store, "read the screenings", write=False) as conn:
        head = conn.execute(
            select(ScreeningRow.__table__).where(ScreeningRow.document_id == document_id)
        ).first()
        if head is None:
            return None
        rows = conn.execute(
            select(ScreeningMatchRow.__table__)
            .where(ScreeningMatchRow.document_id == document_id)
            .order_by(ScreeningMatchRow.position)
        )
        hits = [_hit(r) for r in rows]
    screened_at = head.screened_at
    if screened_at.tzinfo is None:  # SQLite keeps no time zone; the store writes UTC
        screened_at = screened_at.replace(tzinfo=UTC)
    return DocumentScreening(
        document_id=head.document_id,
        screened_at=screened_at,
        lists=list(head.lists or []),
        entities=int(head.entities),
        threshold=float(head.threshold),
        hits=hits,
    )


def documents_matching(store: Store, list_entry_id: str) -> list[tuple[str, ScreeningHit]]:
    """(document id, hit) of every stored match to the list entry ``list_entry_id``."""
    query = (
        select(ScreeningMatchRow.__table__)
        .where(ScreeningMatchRow.list_entry_id == list_entry_id, ScreeningMatchRow.match.is_(True))
        .order_by(ScreeningMatchRow.document_id, ScreeningMatchRow.position)
    )
    with connect(store, "read the screenings", write=False) as conn:
        return [(r.document_id, _hit(r)) for r in conn.execute(query)]


__all__ = ["DocumentScreening", "ScreeningHit", "documents_matching", "get_screening", "save_screening"]
