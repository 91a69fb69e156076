"""SQLAlchemy models of the loaded sanctions lists (revision 0002), on the same ``Base`` as ``models``.

``list_versions`` keeps every load of every list (the current one flagged); ``list_entries`` holds
the entries of the current version of each list only, with their names (one row per name, with a
normalised ``key`` for candidate retrieval) and sanctions; ``list_diffs`` records what each reload
added, removed and changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from materiel.store.models import Base

KEY_LENGTH = 64
ENTRY_ID_LENGTH = 255


class ListVersionRow(Base):
    __tablename__ = "list_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    version: Mapped[int] = mapped_column(Integer)
    current: Mapped[bool] = mapped_column(Boolean)
    format: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text)
    list_date: Mapped[str | None] = mapped_column(String(32))
    list_date_from: Mapped[str] = mapped_column(String(16))
    checksum: Mapped[str] = mapped_column(String(64))
    entry_count: Mapped[int] = mapped_column(Integer)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON)
    warnings: Mapped[list[str]] = mapped_column(JSON)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("key", "version"),
        Index("ix_list_versions_key", "key"),
    )


class ListEntryRow(Base):
    __tablename__ = "list_entries"

    id: Mapped[str] = mapped_column(String(ENTRY_ID_LENGTH), primary_key=True)
    list_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    version_id: Mapped[int] = mapped_column(Integer, ForeignKey("list_versions.id", ondelete="CASCADE"))
    schema: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_list_entries_list_key", "list_key"),
        Index("ix_list_entries_schema", "schema"),
        Index("ix_list_entries_version_id", "version_id"),
    )


class ListNameRow(Base):
    __tablename__ = "list_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(
        String(ENTRY_ID_LENGTH), ForeignKey("list_entries.id", ondelete="CASCADE")
    )
    list_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    kind: Mapped[str] = mapped_column(String(16))  # primary, alias, weak
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_list_names_key", "key"),
        Index("ix_list_names_entry_id", "entry_id"),
        Index("ix_list_names_list_key", "list_key"),
    )


class ListIdentifierRow(Base):
    """An entry's identifier (IMO number, passport, registration), written as compared: upper case,
    letters and digits only, "IMO" dropped. Candidates come from it as from the names: a vessel
    renamed is found by its IMO number."""

    __tablename__ = "list_identifiers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(
        String(ENTRY_ID_LENGTH), ForeignKey("list_entries.id", ondelete="CASCADE")
    )
    list_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(128))

    __table_args__ = (
        Index("ix_list_identifiers_value", "value"),
        Index("ix_list_identifiers_entry_id", "entry_id"),
        Index("ix_list_identifiers_list_key", "list_key"),
    )


class ListSanctionRow(Base):
    __tablename__ = "list_sanctions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(
        String(ENTRY_ID_LENGTH), ForeignKey("list_entries.id", ondelete="CASCADE")
    )
    list_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    authority: Mapped[str] = mapped_column(String(128))
    program: Mapped[str | None] = mapped_column(String(256))
    listed_on: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(String(128))

    __table_args__ = (
        Index("ix_list_sanctions_entry_id", "entry_id"),
        Index("ix_list_sanctions_program", "program"),
        Index("ix_list_sanctions_list_key", "list_key"),
    )


class ListDiffRow(Base):
    __tablename__ = "list_diffs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    from_version_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("list_versions.id", ondelete="SET NULL")
    )
    to_version_id: Mapped[int] = mapped_column(Integer, ForeignKey("list_versions.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    added: Mapped[list[str]] = mapped_column(JSON)
    removed: Mapped[list[str]] = mapped_column(JSON)
    changed: Mapped[dict[str, Any]] = mapped_column(JSON)
    names: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)  # entry id -> its name

    __table_args__ = (Index("ix_list_diffs_key", "key"),)


__all__ = [
    "ListDiffRow",
    "ListEntryRow",
    "ListIdentifierRow",
    "ListNameRow",
    "ListSanctionRow",
    "ListVersionRow",
]
