"""The store: documents and their extractions in SQLite or PostgreSQL, through SQLAlchemy."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from types import TracebackType

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from materiel.errors import MaterielError, NotFoundError, StoreError
from materiel.model import Document, Extraction
from materiel.settings import db_url_from
from materiel.store import codec
from materiel.store.engine import display, make_engine, normalise_url, upgrade
from materiel.store.models import (
    DocumentRow,
    EntityRow,
    EventRow,
    EvidenceRow,
    ExtractionRow,
    MentionRow,
)

MIN_PREFIX = 6
"""Shortest id prefix ``get_document`` accepts."""


def _pipeline_version() -> str:
    from materiel import __version__

    return f"materiel {__version__}"


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Store:
    """Documents and extractions persisted in one database, schema kept current by Alembic."""

    def __init__(self, url: str) -> None:
        parsed = normalise_url(url)
        self.url = display(parsed)
        self._engine = make_engine(parsed)
        try:
            upgrade(self._engine)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open the store: {_reason(exc)}", source=self.url) from exc
        except Exception as exc:
            self._engine.dispose()
            raise StoreError(f"cannot migrate the store: {exc}", source=self.url) from exc
        self._sessions = sessionmaker(bind=self._engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open the store at ``url``.

        None means ``MATERIEL_DB`` (or the default); a bare path means a SQLite file.
        """
        return cls(db_url_from(url))

    @property
    def engine(self) -> Engine:
        return self._engine

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except MaterielError:
            raise
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read the store: {_reason(exc)}", source=self.url) from exc

    @contextmanager
    def _write(self, what: str) -> Iterator[Session]:
        """One transaction: committed if the block ends normally, rolled back on any error."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except MaterielError:
            raise
        except Exception as exc:
            raise StoreError(f"cannot {what}: {_reason(exc)}", source=self.url) from exc

    # documents

    def add_document(self, doc: Document) -> bool:
        """Store ``doc``; True if it is new, False if a document with its id was already there."""
        try:
            with self._write(f"store document {doc.id}") as session:
                return self._add(session, doc)
        except StoreError as exc:
            if isinstance(exc.__cause__, IntegrityError) and self.has_document(doc.id):
                return False  # stored by someone else between our check and our insert
            raise

    @staticmethod
    def _add(session: Session, doc: Document) -> bool:
        if session.get(DocumentRow, doc.id) is not None:
            return False
        session.add(codec.document_row(doc, datetime.now(UTC)))
        session.flush()
        return True

    def ingest(self, docs: Iterable[Document]) -> tuple[int, int]:
        """Store each document; returns (newly added, already present)."""
        added = present = 0
        for doc in docs:
            if self.add_document(doc):
                added += 1
            else:
                present += 1
        return added, present

    def has_document(self, doc_id: str) -> bool:
        with self._read() as session:
            return session.get(DocumentRow, doc_id) is not None

    def get_document(self, doc_id: str) -> Document:
        """The document with this id, or with this unique id prefix of at least 6 characters."""
        with self._read() as session:
            return codec.document_record(self._resolve(session, doc_id))

    @staticmethod
    def _resolve(session: Session, doc_id: str) -> DocumentRow:
        row = session.get(DocumentRow, doc_id)
        if row is not None:
            return row
        if len(doc_id) < MIN_PREFIX:
            raise NotFoundError(
                f"no document with this id (a prefix needs at least {MIN_PREFIX} characters)", source=doc_id
            )
        query = (
            select(DocumentRow)
            .where(DocumentRow.id.startswith(doc_id, autoescape=True))
            .order_by(DocumentRow.id)
            .limit(2)
        )
        rows = list(session.scalars(query))
        if not rows:
            raise NotFoundError("no document with this id or id prefix", source=doc_id)
        if len(rows) > 1:
            raise NotFoundError(
                f"ambiguous id prefix: matches {rows[0].id}, {rows[1].id} and maybe more;"
                " give more characters",
                source=doc_id,
            )
        return rows[0]

    def list_documents(
        self,
        *,
        publisher: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Document]:
        """Documents ordered by publication date (undated last), then id.

        ``publisher`` matches any publisher containing it, ignoring case; ``since`` and ``until``
        are inclusive and leave out undated documents.
        """
        query = select(DocumentRow)
        if publisher:
            query = query.where(DocumentRow.publisher.icontains(publisher, autoescape=True))
        if since is not None:
            query = query.where(DocumentRow.published >= since)
        if until is not None:
            query = query.where(DocumentRow.published <= until)
        query = query.order_by(DocumentRow.published.is_(None), DocumentRow.published, DocumentRow.id)
        if offset:
            query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as session:
            return [codec.document_record(row) for row in session.scalars(query)]

    def count_documents(self) -> int:
        with self._read() as session:
            return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)

    # extractions

    def save_extraction(self, extraction: Extraction, *, pipeline_version: str | None = None) -> None:
        """Store ``extraction`` in one transaction, replacing any earlier one of the same document.

        The document is added if absent. On any error nothing of it is written (StoreError).
        """
        doc = extraction.document
        with self._write(f"save the extraction of document {doc.id}") as session:
            self._add(session, doc)
            self._delete_extraction(session, doc.id)
            session.add(
                ExtractionRow(
                    document_id=doc.id,
                    extracted_at=datetime.now(UTC),
                    skipped=extraction.skipped,
                    pipeline_version=pipeline_version or _pipeline_version(),
                )
            )
            entity_rows = [codec.entity_row(doc.id, i, e) for i, e in enumerate(extraction.entities)]
            session.add_all(entity_rows)
            session.flush()
            for row, entity in zip(entity_rows, extraction.entities, strict=True):
                session.add_all(codec.mention_row(row.id, i, m) for i, m in enumerate(entity.mentions))
            event_rows = [codec.event_row(doc.id, i, ev) for i, ev in enumerate(extraction.events)]
            session.add_all(event_rows)
            session.flush()
            for ev_row, ev in zip(event_rows, extraction.events, strict=True):
                session.add_all(
                    codec.evidence_row(doc.id, ev_row.id, i, e) for i, e in enumerate(ev.evidence)
                )
            session.flush()

    @staticmethod
    def _delete_extraction(session: Session, doc_id: str) -> None:
        entity_ids = select(EntityRow.id).where(EntityRow.document_id == doc_id)
        event_ids = select(EventRow.id).where(EventRow.document_id == doc_id)
        session.execute(delete(MentionRow).where(MentionRow.entity_id.in_(entity_ids)))
        session.execute(delete(EvidenceRow).where(EvidenceRow.event_id.in_(event_ids)))
        session.execute(delete(EventRow).where(EventRow.document_id == doc_id))
        session.execute(delete(EntityRow).where(EntityRow.document_id == doc_id))
        session.execute(delete(ExtractionRow).where(ExtractionRow.document_id == doc_id))

    def has_extraction(self, doc_id: str) -> bool:
        with self._read() as session:
            return session.get(ExtractionRow, doc_id) is not None

    def get_extraction(self, doc_id: str) -> Extraction:
        """The stored extraction of a document (id or unique prefix); NotFoundError if never extracted."""
        with self._read() as session:
            doc_row = self._resolve(session, doc_id)
            ext_row = session.get(ExtractionRow, doc_row.id)
            if ext_row is None:
                raise NotFoundError("the document has not been extracted", source=doc_row.id)
            entity_rows = list(
                session.scalars(
                    select(EntityRow).where(EntityRow.document_id == doc_row.id).order_by(EntityRow.position)
                )
            )
            mentions: dict[int, list[MentionRow]] = defaultdict(list)
            query_m = (
                select(MentionRow)
                .join(EntityRow, MentionRow.entity_id == EntityRow.id)
                .where(EntityRow.document_id == doc_row.id)
                .order_by(MentionRow.entity_id, MentionRow.position)
            )
            for m in session.scalars(query_m):
                mentions[m.entity_id].append(m)
            event_rows = list(
                session.scalars(
                    select(EventRow).where(EventRow.document_id == doc_row.id).order_by(EventRow.position)
                )
            )
            evidence: dict[int, list[EvidenceRow]] = defaultdict(list)
            query_e = (
                select(EvidenceRow)
                .join(EventRow, EvidenceRow.event_id == EventRow.id)
                .where(EventRow.document_id == doc_row.id)
                .order_by(EvidenceRow.event_id, EvidenceRow.position)
            )
            for e in session.scalars(query_e):
                evidence[e.event_id].append(e)
            return Extraction(
                document=codec.document_record(doc_row),
                entities=[codec.entity_record(r, mentions[r.id]) for r in entity_rows],
                events=[codec.event_record(r, evidence[r.id]) for r in event_rows],
                skipped=ext_row.skipped,
            )

    def documents_without_extraction(self) -> list[str]:
        """Ids of stored documents that were never extracted, in ``list_documents`` order."""
        query = (
            select(DocumentRow.id)
            .outerjoin(ExtractionRow, ExtractionRow.document_id == DocumentRow.id)
            .where(ExtractionRow.document_id.is_(None))
            .order_by(DocumentRow.published.is_(None), DocumentRow.published, DocumentRow.id)
        )
        with self._read() as session:
            return list(session.scalars(query))


__all__ = ["MIN_PREFIX", "Store"]
