"""What the cross-document graph reads and writes: every extraction in bulk, the screening matches,
the stored findings, and the analyst's resolution decisions.

``materiel.graph`` owns what these mean; this module only moves them in and out of the database.
Extractions are read in batches of documents with a handful of queries per batch (not the five
queries per document of ``Store.get_extraction``); their documents come without text (``text`` is
empty: the graph never reads it, and it is the bulk of the table).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from materiel.errors import StoreError
from materiel.model import Document, Extraction
from materiel.store import codec
from materiel.store.connection import connect
from materiel.store.finding_models import FindingRow
from materiel.store.graph_models import GraphDecisionRow
from materiel.store.models import DocumentRow, EntityRow, EventRow, EvidenceRow, ExtractionRow, MentionRow
from materiel.store.screening_models import ScreeningMatchRow
from materiel.store.store import Store

BATCH = 400
"""Documents read per round of queries."""

_HEADER = (
    DocumentRow.id,
    DocumentRow.source_path,
    DocumentRow.url,
    DocumentRow.title,
    DocumentRow.publisher,
    DocumentRow.author,
    DocumentRow.published,
    DocumentRow.language,
)


def iter_extractions(store: Store, *, batch: int = BATCH) -> Iterator[Extraction]:
    """Every stored extraction (skipped ones included), in document id order, documents without text."""
    with _session(store) as session:
        ids = list(session.scalars(select(ExtractionRow.document_id).order_by(ExtractionRow.document_id)))
    for first in range(0, len(ids), batch):
        chunk = ids[first : first + batch]
        with _session(store) as session:
            extractions = list(_read_chunk(session, chunk))
        yield from extractions


@contextmanager
def _session(store: Store) -> Iterator[Session]:
    try:
        with Session(store.engine) as session:
            yield session
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None)
        reason = str(orig if orig is not None else exc).strip().splitlines()
        raise StoreError(
            f"cannot read the extractions: {reason[0] if reason else type(exc).__name__}", source=store.url
        ) from exc


def _read_chunk(session: Session, ids: Sequence[str]) -> Iterator[Extraction]:
    docs = {r.id: r for r in session.execute(select(*_HEADER).where(DocumentRow.id.in_(ids)))}
    query_s = select(ExtractionRow.document_id, ExtractionRow.skipped).where(
        ExtractionRow.document_id.in_(ids)
    )
    skipped: dict[str, str | None] = {str(d): s for d, s in session.execute(query_s)}
    entity_rows: dict[str, list[EntityRow]] = defaultdict(list)
    query = (
        select(EntityRow)
        .where(EntityRow.document_id.in_(ids))
        .order_by(EntityRow.document_id, EntityRow.position)
    )
    rows = list(session.scalars(query))
    for row in rows:
        entity_rows[row.document_id].append(row)
    mentions: dict[int, list[MentionRow]] = defaultdict(list)
    entity_ids = [r.id for r in rows]
    for first in range(0, len(entity_ids), 5000):
        query_m = (
            select(MentionRow)
            .where(MentionRow.entity_id.in_(entity_ids[first : first + 5000]))
            .order_by(MentionRow.entity_id, MentionRow.position)
        )
        for m in session.scalars(query_m):
            mentions[m.entity_id].append(m)
    event_rows: dict[str, list[EventRow]] = defaultdict(list)
    query_e = (
        select(EventRow)
        .where(EventRow.document_id.in_(ids))
        .order_by(EventRow.document_id, EventRow.position)
    )
    for ev_row in session.scalars(query_e):
        event_rows[ev_row.document_id].append(ev_row)
    evidence: dict[int, list[EvidenceRow]] = defaultdict(list)
    query_v = (
        select(EvidenceRow)
        .where(EvidenceRow.document_id.in_(ids))
        .order_by(EvidenceRow.event_id, EvidenceRow.position)
    )
    for e in session.scalars(query_v):
        evidence[e.event_id].append(e)
    for doc_id in ids:
        head = docs[doc_id]
        document = Document(
            id=head.id,
            text="",
            source_path=head.source_path,
            url=head.url,
            title=head.title,
            publisher=head.publisher,
            author=head.author,
            published=head.published,
            language=head.language,
        )
        yield Extraction(
            document=document,
            entities=[codec.entity_record(r, mentions[r.id]) for r in entity_rows[doc_id]],
            events=[codec.event_record(r, evidence[r.id]) for r in event_rows[doc_id]],
            skipped=skipped.get(doc_id),
        )


def screening_matches(store: Store) -> list[dict[str, Any]]:
    """Every stored screening match (``match`` true): document, entity, list entry and score."""
    table = ScreeningMatchRow.__table__
    query = (
        select(table)
        .where(ScreeningMatchRow.match.is_(True))
        .order_by(ScreeningMatchRow.document_id, ScreeningMatchRow.position)
    )
    with connect(store, "read the screenings", write=False) as conn:
        return [
            {
                "document_id": r.document_id,
                "entity_id": r.entity_id,
                "list": r.list_key,
                "list_id": r.list_entry_id,
                "list_version": r.list_version,
                "name": r.entry_name,
                "schema": r.entry_schema,
                "programs": list(r.programs or []),
                "score": round(float(r.score), 4),
                "query_name": r.query_name,
            }
            for r in conn.execute(query)
        ]


def findings_by_document(store: Store) -> list[tuple[str, dict[str, Any]]]:
    """(document id, finding as stored) of every stored finding, by document then position."""
    query = select(FindingRow.document_id, FindingRow.data).order_by(
        FindingRow.document_id, FindingRow.position
    )
    with connect(store, "read the findings", write=False) as conn:
        return [(str(doc_id), dict(data)) for doc_id, data in conn.execute(query)]


def add_decision(
    store: Store, action: str, subject: str, other: str, keys: dict[str, Any], note: str | None = None
) -> int:
    """Record one resolution decision; returns its id."""
    row = {
        "action": action,
        "subject": subject,
        "other": other,
        "keys": keys,
        "note": note,
        "created_at": datetime.now(UTC),
    }
    with connect(store, f"record the {action} decision", write=True) as conn:
        result = conn.execute(insert(GraphDecisionRow).returning(GraphDecisionRow.id), [row])
        return int(result.scalar_one())


def list_decisions(store: Store) -> list[dict[str, Any]]:
    """Every recorded decision, oldest first."""
    query = select(GraphDecisionRow.__table__).order_by(GraphDecisionRow.id)
    with connect(store, "read the graph decisions", write=False) as conn:
        out = []
        for r in conn.execute(query):
            created = r.created_at
            if created is not None and created.tzinfo is None:
                created = created.replace(tzinfo=UTC)  # SQLite keeps no time zone; we write UTC
            out.append(
                {
                    "id": int(r.id),
                    "action": r.action,
                    "subject": r.subject,
                    "other": r.other,
                    "keys": dict(r.keys or {}),
                    "note": r.note,
                    "created_at": created,
                }
            )
        return out


def remove_decision(store: Store, decision_id: int) -> bool:
    """Forget one decision; False if there was none with this id."""
    with connect(store, "remove the graph decision", write=True) as conn:
        result = conn.execute(delete(GraphDecisionRow).where(GraphDecisionRow.id == decision_id))
        return bool(result.rowcount)


__all__ = [
    "add_decision",
    "findings_by_document",
    "iter_extractions",
    "list_decisions",
    "remove_decision",
    "screening_matches",
]
