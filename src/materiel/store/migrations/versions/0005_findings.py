"""Assessment results: findings and designation checks.

Revision ID: 0005
Revises: 0004
Create Date: 2025-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

ID = 64


def _doc_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["document_id"], ["documents.id"], name=op.f(f"fk_{table}_document_id_documents"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(ID), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("fact", sa.String(32), nullable=False),
        sa.Column("verdict", sa.String(32), nullable=False),
        sa.Column("rule_id", sa.String(128), nullable=True),
        sa.Column("regime", sa.String(128), nullable=True),
        sa.Column("from_state", sa.String(8), nullable=True),
        sa.Column("to_state", sa.String(8), nullable=True),
        sa.Column("event_start", sa.Date(), nullable=True),
        sa.Column("event_end", sa.Date(), nullable=True),
        sa.Column("contested", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=False),
        _doc_fk("findings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    for column in ("document_id", "verdict", "regime", "rule_id", "from_state", "to_state"):
        op.create_index(f"ix_findings_{column}", "findings", [column])

    op.create_table(
        "designation_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(ID), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("listed", sa.Boolean(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        _doc_fk("designation_checks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_designation_checks")),
    )
    op.create_index("ix_designation_checks_document_id", "designation_checks", ["document_id"])


def downgrade() -> None:
    op.drop_table("designation_checks")
    op.drop_table("findings")
