"""Persistence of assessment results: findings and designation checks, replaced per document.

The records are built by ``materiel.assess`` (which owns what they mean); this module only
writes and reads them, as the plain dicts of ``Finding.to_dict()`` / ``DesignationCheck.to_dict()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select

from materiel.store.connection import connect
from materiel.store.finding_models import DesignationCheckRow, FindingRow
from materiel.store.store import Store


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def replace_assessment(
    store: Store, document_id: str, findings: Sequence[dict[str, Any]], checks: Sequence[dict[str, Any]]
) -> None:
    """Replace the findings and designation checks of one document, in one transaction."""
    now = datetime.now(UTC)
    finding_rows = [
        {
            "document_id": document_id,
            "position": i,
            "event_id": str(f["event"]),
            "fact": str(f["fact"]),
            "verdict": str(f["verdict"]),
            "rule_id": f.get("rule"),
            "regime": f.get("regime"),
            "from_state": f.get("from_state"),
            "to_state": f.get("to_state"),
            "event_start": _date(f.get("event_start")),
            "event_end": _date(f.get("event_end")),
            "contested": bool(f.get("contested")),
            "data": dict(f),
            "assessed_at": now,
        }
        for i, f in enumerate(findings)
    ]
    check_rows = [
        {
            "document_id": document_id,
            "position": i,
            "event_id": str(c["event"]),
            "target": str(c["target"]),
            "name": str(c["name"]),
            "listed": c.get("listed"),
            "data": dict(c),
            "checked_at": now,
        }
        for i, c in enumerate(checks)
    ]
    with connect(store, f"save the findings of document {document_id}", write=True) as conn:
        conn.execute(delete(FindingRow).where(FindingRow.document_id == document_id))
        conn.execute(delete(DesignationCheckRow).where(DesignationCheckRow.document_id == document_id))
        if finding_rows:
            conn.execute(insert(FindingRow), finding_rows)
        if check_rows:
            conn.execute(insert(DesignationCheckRow), check_rows)


def list_findings(
    store: Store,
    *,
    document: str | None = None,
    regime: str | None = None,
    state: str | None = None,
    verdict: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored findings, by document, then in the order they were saved.

    ``state`` matches either side (ISO alpha-2); ``since``/``until`` keep findings whose event
    period meets the range (undated events are left out when either is given).
    """
    query = select(FindingRow.data)
    if document:
        query = query.where(FindingRow.document_id == document)
    if regime:
        query = query.where(FindingRow.regime == regime)
    if state:
        code = state.upper()
        query = query.where(or_(FindingRow.from_state == code, FindingRow.to_state == code))
    if verdict:
        query = query.where(FindingRow.verdict.in_(list(verdict)))
    if since is not None:
        query = query.where(FindingRow.event_end >= since)
    if until is not None:
        query = query.where(FindingRow.event_start <= until)
    query = query.order_by(FindingRow.document_id, FindingRow.position)
    if limit is not None:
        query = query.limit(limit)
    with connect(store, "read the findings", write=False) as conn:
        return [dict(row.data) for row in conn.execute(query)]


def list_designation_checks(store: Store, *, document: str | None = None) -> list[dict[str, Any]]:
    query = select(DesignationCheckRow.data)
    if document:
        query = query.where(DesignationCheckRow.document_id == document)
    query = query.order_by(DesignationCheckRow.document_id, DesignationCheckRow.position)
    with connect(store, "read the designation checks", write=False) as conn:
        return [dict(row.data) for row in conn.execute(query)]


def count_findings(store: Store) -> dict[str, int]:
    """Verdict -> number of stored findings."""
    query = select(FindingRow.verdict, func.count()).group_by(FindingRow.verdict)
    with connect(store, "count the findings", write=False) as conn:
        return {str(v): int(n) for v, n in conn.execute(query)}


__all__ = ["count_findings", "list_designation_checks", "list_findings", "replace_assessment"]
