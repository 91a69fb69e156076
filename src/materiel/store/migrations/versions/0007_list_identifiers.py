"""List entries' identifiers (IMO numbers, passports), so that candidates come from them too.

The table is filled from the identifiers already stored in each entry's data, so lists loaded
before this revision are found by identifier without a reload.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

KEY = 64
ENTRY_ID = 255
_NOT_ID = re.compile(r"[^A-Z0-9]")


def _clean(value: str) -> str:
    """As ``materiel.screen.qualifiers.clean_id`` writes an identifier at this revision."""
    cleaned = _NOT_ID.sub("", str(value).upper())
    return cleaned[3:] if cleaned.startswith("IMO") else cleaned


def upgrade() -> None:
    table = op.create_table(
        "list_identifiers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(ENTRY_ID), nullable=False),
        sa.Column("list_key", sa.String(KEY), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["list_entries.id"],
            name=op.f("fk_list_identifiers_entry_id_list_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_identifiers")),
    )
    op.create_index("ix_list_identifiers_value", "list_identifiers", ["value"])
    op.create_index("ix_list_identifiers_entry_id", "list_identifiers", ["entry_id"])
    op.create_index("ix_list_identifiers_list_key", "list_identifiers", ["list_key"])
    entries = sa.table("list_entries", sa.column("id"), sa.column("list_key"), sa.column("data"))
    rows: list[dict[str, Any]] = []
    for entry in op.get_bind().execute(sa.select(entries.c.id, entries.c.list_key, entries.c.data)):
        data = entry.data if isinstance(entry.data, dict) else json.loads(entry.data or "{}")
        found = {
            (str(kind)[:32], _clean(v)[:128])
            for kind, values in (data.get("identifiers") or {}).items()
            for v in (values if isinstance(values, list) else [values])
            if _clean(v)
        }
        rows += [{"entry_id": entry.id, "list_key": entry.list_key, "kind": k, "value": v} for k, v in found]
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table("list_identifiers")
