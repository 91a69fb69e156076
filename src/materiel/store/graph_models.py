"""SQLAlchemy model of the analyst's resolution decisions (revision 0006), on ``models.Base``.

``graph_decisions`` keeps every forced merge and every split an analyst made, in order. The graph
(``materiel.graph``) applies them on each build of the picture; a decision names the per-document
entity keys (``<document id>/<entity id>``) it joins or separates, so it survives re-runs even when
the merged entity's id changes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from materiel.store.models import Base


class GraphDecisionRow(Base):
    __tablename__ = "graph_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(16))  # merge, split
    subject: Mapped[str] = mapped_column(Text)  # merge: entity A; split: the entity split
    other: Mapped[str] = mapped_column(Text)  # merge: entity B; split: the per-document key taken out
    keys: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"a": [...], "b": [...]} member keys then
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_graph_decisions_action", "action"),)


__all__ = ["GraphDecisionRow"]
