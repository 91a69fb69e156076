"""SQLAlchemy models of the screening of extracted entities (revision 0004), on ``models.Base``.

``screenings`` holds one row per screened document: when, and against which list versions (key,
version, checksum, list date) its entities were screened, so "no match" can be told apart from
"never screened". ``screening_matches`` holds what that screening found: for each extracted
entity, each list entry it matched (or nearly matched), with the score and its explanation, and
the list version the entry came from. The rows keep the names as they were then: a later reload
of the list, or a new extraction, does not rewrite history; the next screening replaces them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from materiel.store.list_models import ENTRY_ID_LENGTH, KEY_LENGTH
from materiel.store.models import ID_LENGTH, Base


class ScreeningRow(Base):
    __tablename__ = "screenings"

    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    screened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lists: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{key, version, checksum, list_date}]
    entities: Mapped[int] = mapped_column(Integer)  # how many entities were screened
    threshold: Mapped[float] = mapped_column(Float)


class ScreeningMatchRow(Base):
    __tablename__ = "screening_matches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("screenings.document_id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    entity_id: Mapped[str] = mapped_column(String(255))  # the entity's id within its extraction
    entity_name: Mapped[str] = mapped_column(Text)
    entity_kind: Mapped[str] = mapped_column(String(32))
    query_name: Mapped[str] = mapped_column(Text)  # the name screened (the entity's name or an alias)
    list_entry_id: Mapped[str] = mapped_column(String(ENTRY_ID_LENGTH))
    list_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    list_version: Mapped[int] = mapped_column(Integer)
    list_checksum: Mapped[str] = mapped_column(String(64))
    entry_name: Mapped[str] = mapped_column(Text)
    entry_schema: Mapped[str] = mapped_column(String(32))
    programs: Mapped[list[str]] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float)
    match: Mapped[bool] = mapped_column(Boolean)
    explanation: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{feature, score, detail}]
    screened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_screening_matches_document_id", "document_id"),
        Index("ix_screening_matches_list_entry_id", "list_entry_id"),
        Index("ix_screening_matches_list_key", "list_key"),
    )


__all__ = ["ScreeningMatchRow", "ScreeningRow"]
