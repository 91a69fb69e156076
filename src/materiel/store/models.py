"""SQLAlchemy models of the store: one table per record kind of ``materiel.model``.

Rows of an extraction keep the order of the records in a ``position`` column, so reading an
extraction back gives entities, mentions, events and evidence in the order they were saved.

The schema is created and changed only by the Alembic revisions under ``migrations/versions``;
these models must describe exactly what the newest revision builds (a test compares them). To
change the schema, edit the models and add a new revision; never edit a shipped revision.

Constraint names follow ``NAMING`` so that later revisions can alter them by name (SQLite batch
mode needs named constraints).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID_LENGTH = 64
"""Longest document id the store accepts (ids are 16 hex digits today)."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(512))
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(32))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_documents_published", "published"),
        Index("ix_documents_publisher", "publisher"),
    )


class ExtractionRow(Base):
    __tablename__ = "extractions"

    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    extracted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    skipped: Mapped[str | None] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(128))


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("documents.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    local_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(8))
    aliases: Mapped[list[str]] = mapped_column(JSON)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        UniqueConstraint("document_id", "local_id"),
        Index("ix_entities_name", "name"),
        Index("ix_entities_document_id", "document_id"),
    )


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[int] = mapped_column(Integer, ForeignKey("entities.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
        Index("ix_mentions_entity_id", "entity_id"),
    )


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("documents.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    local_id: Mapped[str] = mapped_column(String(128))
    type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str | None] = mapped_column(String(32))
    when_start: Mapped[date | None] = mapped_column(Date)
    when_end: Mapped[date | None] = mapped_column(Date)
    when_text: Mapped[str | None] = mapped_column(Text)
    asserted_by: Mapped[list[str]] = mapped_column(JSON)
    denied_by: Mapped[list[str]] = mapped_column(JSON)
    negated: Mapped[bool] = mapped_column(Boolean)
    hypothetical: Mapped[bool] = mapped_column(Boolean)
    roles: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        UniqueConstraint("document_id", "local_id"),
        Index("ix_events_type", "type"),
        Index("ix_events_document_id", "document_id"),
    )


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(Integer, ForeignKey("events.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("documents.id", ondelete="CASCADE")
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
        Index("ix_evidence_event_id", "event_id"),
        Index("ix_evidence_document_id", "document_id"),
    )


__all__ = [
    "Base",
    "DocumentRow",
    "EntityRow",
    "EventRow",
    "EvidenceRow",
    "ExtractionRow",
    "MentionRow",
]
