"""Screening of extracted entities; on PostgreSQL, a trigram index on list name keys.

``screenings`` (one row per screened document: when, against which list versions) and
``screening_matches`` (each entity → list entry hit, with score and explanation).

On PostgreSQL only, the B-tree index ``ix_list_names_key`` becomes a GIN trigram index
(``gin_trgm_ops``) of the same name and column: it serves candidate retrieval by similarity
(``%``, ``<%``) and still serves equality (PostgreSQL 14+). It needs the ``pg_trgm`` extension:
created here if absent (a trusted extension: the database owner may create it). If it cannot be
created, the B-tree index stays and screening uses the embedded index instead.

Revision ID: 0004
Revises: 0002
Create Date: 2025-02-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0004"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

ID = 64
KEY = 64
ENTRY_ID = 255
NAME_KEY_INDEX = "ix_list_names_key"


def _has_pg_trgm(bind: sa.engine.Connection) -> bool:
    """Create pg_trgm if it is missing; False when that is not allowed here."""
    found = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first()
    if found is not None:
        return True
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except DBAPIError:
        return False
    return True


def upgrade() -> None:
    op.create_table(
        "screenings",
        sa.Column("document_id", sa.String(ID), nullable=False),
        sa.Column("screened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lists", sa.JSON(), nullable=False),
        sa.Column("entities", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_screenings_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_screenings")),
    )
    op.create_table(
        "screening_matches",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(ID), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("entity_name", sa.Text(), nullable=False),
        sa.Column("entity_kind", sa.String(32), nullable=False),
        sa.Column("query_name", sa.Text(), nullable=False),
        sa.Column("list_entry_id", sa.String(ENTRY_ID), nullable=False),
        sa.Column("list_key", sa.String(KEY), nullable=False),
        sa.Column("list_version", sa.Integer(), nullable=False),
        sa.Column("list_checksum", sa.String(64), nullable=False),
        sa.Column("entry_name", sa.Text(), nullable=False),
        sa.Column("entry_schema", sa.String(32), nullable=False),
        sa.Column("programs", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("match", sa.Boolean(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.Column("screened_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["screenings.document_id"],
            name=op.f("fk_screening_matches_document_id_screenings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_matches")),
    )
    op.create_index("ix_screening_matches_document_id", "screening_matches", ["document_id"])
    op.create_index("ix_screening_matches_list_entry_id", "screening_matches", ["list_entry_id"])
    op.create_index("ix_screening_matches_list_key", "screening_matches", ["list_key"])

    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and _has_pg_trgm(bind):
        op.drop_index(NAME_KEY_INDEX, table_name="list_names")
        op.create_index(
            NAME_KEY_INDEX,
            "list_names",
            ["key"],
            postgresql_using="gin",
            postgresql_ops={"key": "gin_trgm_ops"},
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.drop_index(NAME_KEY_INDEX, table_name="list_names")
        op.create_index(NAME_KEY_INDEX, "list_names", ["key"])
    op.drop_table("screening_matches")
    op.drop_table("screenings")
