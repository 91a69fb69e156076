"""Candidates from the stored lists: entries by a name's exact key, by trigram similarity of
name keys (PostgreSQL with pg_trgm), and by identifier. The embedded tantivy index
(``materiel.screen.index``) answers the same questions on any database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, literal, or_, select, text

from materiel.store.connection import connect
from materiel.store.list_models import ListEntryRow, ListIdentifierRow, ListNameRow
from materiel.store.store import Store


def names_by_key(store: Store, key: str, *, lists: Sequence[str] | None = None) -> list[tuple[str, str, str]]:
    """(entry id, kind, name) of every stored name whose normalised key is ``key``."""
    query = select(ListNameRow.entry_id, ListNameRow.kind, ListNameRow.name).where(ListNameRow.key == key)
    if lists is not None:
        query = query.where(ListNameRow.list_key.in_(list(lists)))
    with connect(store, "read the list names", write=False) as conn:
        return [(r.entry_id, r.kind, r.name) for r in conn.execute(query)]


NAME_KEY_INDEX = "ix_list_names_key"
TRIGRAM_SIMILARITY = 0.3
"""pg_trgm's ``%`` threshold: whole-key similarity."""
TRIGRAM_WORD_SIMILARITY = 0.5
"""pg_trgm's ``<%`` threshold: the query key against the best-matching stretch of a stored key."""


def trigram_ready(store: Store) -> bool:
    """Whether the store is PostgreSQL with the name keys under a trigram (``gin_trgm_ops``) index."""
    if store.engine.dialect.name != "postgresql":
        return False
    query = text("SELECT indexdef FROM pg_indexes WHERE tablename = 'list_names' AND indexname = :name")
    with connect(store, "read the list index", write=False) as conn:
        definition = conn.execute(query, {"name": NAME_KEY_INDEX}).scalar()
    return definition is not None and "gin_trgm_ops" in str(definition)


def trigram_candidates(
    store: Store,
    keys: Sequence[str],
    *,
    schemas: Sequence[str] | None = None,
    lists: Sequence[str] | None = None,
    limit: int = 30,
) -> list[dict[str, Any]]:
    """Stored data of the entries whose name keys are most like any of ``keys``, best first.

    A name is a candidate when its key is similar to a query key as a whole (``%``) or contains
    a stretch similar to it (``<%``, so "verus" finds "company liability limited verus"); an
    entry scores its best name. PostgreSQL with pg_trgm only (see ``trigram_ready``).
    """
    keys = [k for k in dict.fromkeys(keys) if k]
    if not keys:
        return []
    name_key = ListNameRow.key
    scores: list[ColumnElement[Any]] = [
        func.greatest(func.similarity(name_key, k), func.word_similarity(literal(k), name_key)) for k in keys
    ]
    score = func.greatest(*scores) if len(scores) > 1 else scores[0]
    best = func.max(score).label("score")
    query = (
        select(ListNameRow.entry_id, best)
        .join(ListEntryRow, ListEntryRow.id == ListNameRow.entry_id)
        .where(or_(*(cond for k in keys for cond in (name_key.op("%")(k), literal(k).op("<%")(name_key)))))
        .group_by(ListNameRow.entry_id)
        .order_by(best.desc(), ListNameRow.entry_id)
        .limit(limit)
    )
    if schemas is not None:
        query = query.where(ListEntryRow.schema.in_(list(schemas)))
    if lists is not None:
        query = query.where(ListNameRow.list_key.in_(list(lists)))
    with connect(store, "search the list names", write=False) as conn:
        for setting, value in (
            ("pg_trgm.similarity_threshold", TRIGRAM_SIMILARITY),
            ("pg_trgm.word_similarity_threshold", TRIGRAM_WORD_SIMILARITY),
        ):
            conn.execute(
                text("SELECT set_config(:name, :value, true)"), {"name": setting, "value": str(value)}
            )
        ids = [row.entry_id for row in conn.execute(query)]
        if not ids:
            return []
        found = {
            row.id: row.data
            for row in conn.execute(
                select(ListEntryRow.id, ListEntryRow.data).where(ListEntryRow.id.in_(ids))
            )
        }
    return [found[i] for i in ids if i in found]


def identifier_candidates(
    store: Store,
    values: Sequence[str],
    *,
    schemas: Sequence[str] | None = None,
    lists: Sequence[str] | None = None,
    limit: int = 30,
) -> list[dict[str, Any]]:
    """Stored data of the entries that carry any of the identifiers ``values`` (as compared)."""
    values = [v for v in dict.fromkeys(values) if v]
    if not values:
        return []
    ids = (
        select(ListIdentifierRow.entry_id)
        .join(ListEntryRow, ListEntryRow.id == ListIdentifierRow.entry_id)
        .where(ListIdentifierRow.value.in_(values))
        .distinct()
        .order_by(ListIdentifierRow.entry_id)
        .limit(limit)
    )
    if schemas is not None:
        ids = ids.where(ListEntryRow.schema.in_(list(schemas)))
    if lists is not None:
        ids = ids.where(ListIdentifierRow.list_key.in_(list(lists)))
    query = (
        select(ListEntryRow.data).where(ListEntryRow.id.in_(ids.scalar_subquery())).order_by(ListEntryRow.id)
    )
    with connect(store, "search the list identifiers", write=False) as conn:
        return [row.data for row in conn.execute(query)]


__all__ = [
    "NAME_KEY_INDEX",
    "identifier_candidates",
    "names_by_key",
    "trigram_candidates",
    "trigram_ready",
]
