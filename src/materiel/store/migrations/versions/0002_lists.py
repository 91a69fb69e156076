"""Sanctions lists: list versions, entries, names, sanctions and reload diffs.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

KEY = 64
ENTRY_ID = 255


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(KEY), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("list_date", sa.String(32), nullable=True),
        sa.Column("list_date_from", sa.String(16), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_versions")),
        sa.UniqueConstraint("key", "version", name=op.f("uq_list_versions_key_version")),
    )
    op.create_index("ix_list_versions_key", "list_versions", ["key"])

    op.create_table(
        "list_entries",
        sa.Column("id", sa.String(ENTRY_ID), nullable=False),
        sa.Column("list_key", sa.String(KEY), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("schema", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        _fk("list_entries", "version_id", "list_versions", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_entries")),
    )
    op.create_index("ix_list_entries_list_key", "list_entries", ["list_key"])
    op.create_index("ix_list_entries_schema", "list_entries", ["schema"])
    op.create_index("ix_list_entries_version_id", "list_entries", ["version_id"])

    op.create_table(
        "list_names",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(ENTRY_ID), nullable=False),
        sa.Column("list_key", sa.String(KEY), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        _fk("list_names", "entry_id", "list_entries", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_names")),
    )
    op.create_index("ix_list_names_key", "list_names", ["key"])
    op.create_index("ix_list_names_entry_id", "list_names", ["entry_id"])
    op.create_index("ix_list_names_list_key", "list_names", ["list_key"])

    op.create_table(
        "list_sanctions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(ENTRY_ID), nullable=False),
        sa.Column("list_key", sa.String(KEY), nullable=False),
        sa.Column("authority", sa.String(128), nullable=False),
        sa.Column("program", sa.String(256), nullable=True),
        sa.Column("listed_on", sa.String(32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("source_id", sa.String(128), nullable=True),
        _fk("list_sanctions", "entry_id", "list_entries", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_sanctions")),
    )
    op.create_index("ix_list_sanctions_entry_id", "list_sanctions", ["entry_id"])
    op.create_index("ix_list_sanctions_program", "list_sanctions", ["program"])
    op.create_index("ix_list_sanctions_list_key", "list_sanctions", ["list_key"])

    op.create_table(
        "list_diffs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(KEY), nullable=False),
        sa.Column("from_version_id", sa.Integer(), nullable=True),
        sa.Column("to_version_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added", sa.JSON(), nullable=False),
        sa.Column("removed", sa.JSON(), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=False),
        _fk("list_diffs", "from_version_id", "list_versions", "SET NULL"),
        _fk("list_diffs", "to_version_id", "list_versions", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_diffs")),
    )
    op.create_index("ix_list_diffs_key", "list_diffs", ["key"])


def downgrade() -> None:
    for table in ("list_diffs", "list_sanctions", "list_names", "list_entries", "list_versions"):
        op.drop_table(table)
