"""SQLAlchemy models of assessment results (revision 0005), on the same ``Base`` as ``models``.

``findings`` holds one row per verdict (a rule on a fact of an event), with the columns the
``findings`` command filters on and the whole finding as JSON in ``data``; ``designation_checks``
holds designations found in text and what the loaded lists said about their targets. Both are
replaced per document each time the document is assessed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from materiel.store.models import ID_LENGTH, Base


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("documents.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str] = mapped_column(String(128))
    fact: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(32))
    rule_id: Mapped[str | None] = mapped_column(String(128))
    regime: Mapped[str | None] = mapped_column(String(128))
    from_state: Mapped[str | None] = mapped_column(String(8))
    to_state: Mapped[str | None] = mapped_column(String(8))
    event_start: Mapped[date | None] = mapped_column(Date)
    event_end: Mapped[date | None] = mapped_column(Date)
    contested: Mapped[bool] = mapped_column(Boolean)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    assessed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_findings_document_id", "document_id"),
        Index("ix_findings_verdict", "verdict"),
        Index("ix_findings_regime", "regime"),
        Index("ix_findings_rule_id", "rule_id"),
        Index("ix_findings_from_state", "from_state"),
        Index("ix_findings_to_state", "to_state"),
    )


class DesignationCheckRow(Base):
    __tablename__ = "designation_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("documents.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str] = mapped_column(String(128))
    target: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    listed: Mapped[bool | None] = mapped_column(Boolean)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_designation_checks_document_id", "document_id"),)


__all__ = ["DesignationCheckRow", "FindingRow"]
