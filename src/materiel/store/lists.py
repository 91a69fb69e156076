"""Persistence of sanctions lists: versions, entries, names, sanctions and reload diffs.

The rows are built by ``materiel.screen.lists`` (which owns what goes in them); this module only
writes and reads them. ``replace_list`` swaps a list's entries for a new version in one
transaction, with bulk inserts: on any error the previous version stays in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from materiel.errors import StoreError
from materiel.store.connection import connect
from materiel.store.list_models import (
    ListDiffRow,
    ListEntryRow,
    ListIdentifierRow,
    ListNameRow,
    ListSanctionRow,
    ListVersionRow,
)
from materiel.store.store import Store

BATCH = 2000
"""Rows per bulk insert statement."""


@dataclass(slots=True)
class ListVersion:
    """One load of a list."""

    key: str
    version: int
    format: str
    source: str
    list_date: str | None
    list_date_from: str  # "file" (the list states it) or "mtime" (the file's modification time)
    checksum: str
    entry_count: int
    counts: dict[str, int]
    loaded_at: datetime
    current: bool = True
    warnings: list[str] = field(default_factory=list)
    id: int | None = None


@dataclass(slots=True)
class ListDiff:
    """What a load changed in a list: entry ids added, removed, and changed (with the fields)."""

    key: str
    from_version: int | None
    to_version: int
    created_at: datetime
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # the name of each entry above, as listed

    def name(self, entry_id: str) -> str:
        """The entry's primary name as the load saw it ("" for diffs recorded before names were)."""
        return self.names.get(entry_id, "")


@dataclass(slots=True)
class EntryRecord:
    """An entry as stored: its id, schema, primary name, full data, names and sanctions."""

    id: str
    schema: str
    name: str
    data: dict[str, Any]
    names: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, name, normalised key)
    sanctions: list[dict[str, Any]] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (kind, value as compared)


Progress = Callable[[int, int], None]


def _version(row: Any) -> ListVersion:
    return ListVersion(
        id=row.id,
        key=row.key,
        version=row.version,
        format=row.format,
        source=row.source,
        list_date=row.list_date,
        list_date_from=row.list_date_from,
        checksum=row.checksum,
        entry_count=row.entry_count,
        counts=dict(row.counts or {}),
        loaded_at=row.loaded_at,
        current=bool(row.current),
        warnings=list(row.warnings or []),
    )


def current_version(store: Store, key: str) -> ListVersion | None:
    query = select(ListVersionRow.__table__).where(
        ListVersionRow.key == key, ListVersionRow.current.is_(True)
    )
    with connect(store, "read the lists", write=False) as conn:
        row = conn.execute(query).first()
    return _version(row) if row is not None else None


def list_versions(store: Store, *, history: bool = False) -> list[ListVersion]:
    """The current version of every list (with ``history``, every version), by key then version."""
    query = select(ListVersionRow.__table__)
    if not history:
        query = query.where(ListVersionRow.current.is_(True))
    query = query.order_by(ListVersionRow.key, ListVersionRow.version)
    with connect(store, "read the lists", write=False) as conn:
        return [_version(row) for row in conn.execute(query)]


def entry_data(store: Store, key: str) -> dict[str, dict[str, Any]]:
    """Entry id → stored data of the current version of list ``key``."""
    query = select(ListEntryRow.id, ListEntryRow.data).where(ListEntryRow.list_key == key)
    with connect(store, "read the list entries", write=False) as conn:
        return {row.id: row.data for row in conn.execute(query)}


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def replace_list(
    store: Store,
    version: ListVersion,
    entries: Sequence[EntryRecord],
    diff: ListDiff,
    *,
    expected_previous: int | None,
    progress: Progress | None = None,
) -> ListVersion:
    """Make ``version`` (with ``entries``) the current version of its list and record ``diff``.

    One transaction: on any error nothing changes. ``expected_previous`` is the version number the
    diff was computed against; if another load made a newer one meanwhile, StoreError.
    """
    key = version.key
    with connect(store, f"store the list {key}", write=True) as conn:
        current = conn.execute(
            select(ListVersionRow.id, ListVersionRow.version).where(
                ListVersionRow.key == key, ListVersionRow.current.is_(True)
            )
        ).first()
        if (current.version if current else None) != expected_previous:
            raise StoreError(f"list {key} was reloaded by someone else meanwhile; load it again", source=key)
        latest = conn.execute(
            select(func.max(ListVersionRow.version)).where(ListVersionRow.key == key)
        ).scalar()
        version.version = int(latest or 0) + 1
        for table in (ListNameRow, ListSanctionRow, ListIdentifierRow, ListEntryRow):
            conn.execute(delete(table).where(table.list_key == key))
        conn.execute(update(ListVersionRow).where(ListVersionRow.key == key).values(current=False))
        version.id = conn.execute(
            insert(ListVersionRow)
            .values(
                key=key,
                version=version.version,
                current=True,
                format=version.format,
                source=version.source,
                list_date=version.list_date,
                list_date_from=version.list_date_from,
                checksum=version.checksum,
                entry_count=version.entry_count,
                counts=version.counts,
                warnings=version.warnings,
                loaded_at=version.loaded_at,
            )
            .returning(ListVersionRow.id)
        ).scalar_one()
        _insert_entries(conn, key, version.id, entries, progress)
        diff.to_version = version.version
        diff.from_version = expected_previous
        conn.execute(
            insert(ListDiffRow).values(
                key=key,
                from_version_id=current.id if current else None,
                to_version_id=version.id,
                created_at=diff.created_at,
                added=diff.added,
                removed=diff.removed,
                changed=diff.changed,
                names=diff.names,
            )
        )
    return version


def _insert_entries(
    conn: Connection, key: str, version_id: int, entries: Sequence[EntryRecord], progress: Progress | None
) -> None:
    total = len(entries)
    for start in range(0, total, BATCH):
        chunk = entries[start : start + BATCH]
        conn.execute(
            insert(ListEntryRow),
            [
                {
                    "id": e.id,
                    "list_key": key,
                    "version_id": version_id,
                    "schema": e.schema,
                    "name": e.name,
                    "data": e.data,
                }
                for e in chunk
            ],
        )
        names = [
            {"entry_id": e.id, "list_key": key, "kind": kind, "name": name, "key": norm}
            for e in chunk
            for kind, name, norm in e.names
        ]
        for batch in _batches(names):
            conn.execute(insert(ListNameRow), batch)
        sanctions = [{**s, "entry_id": e.id, "list_key": key} for e in chunk for s in e.sanctions]
        for batch in _batches(sanctions):
            conn.execute(insert(ListSanctionRow), batch)
        identifiers = [
            {"entry_id": e.id, "list_key": key, "kind": kind[:32], "value": value[:128]}
            for e in chunk
            for kind, value in e.identifiers
        ]
        for batch in _batches(identifiers):
            conn.execute(insert(ListIdentifierRow), batch)
        if progress is not None:
            progress(min(start + BATCH, total), total)


def iter_entry_data(store: Store, keys: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """The stored data of every current entry (of the lists ``keys``), by list then id, streamed."""
    query = select(ListEntryRow.data).order_by(ListEntryRow.list_key, ListEntryRow.id)
    if keys is not None:
        query = query.where(ListEntryRow.list_key.in_(list(keys)))
    with connect(store, "read the list entries", write=False) as conn:
        result = conn.execution_options(yield_per=BATCH).execute(query)
        for row in result:
            yield row.data


def get_entry_data(store: Store, entry_id: str) -> dict[str, Any] | None:
    with connect(store, "read the list entries", write=False) as conn:
        return conn.execute(select(ListEntryRow.data).where(ListEntryRow.id == entry_id)).scalar()


def list_diffs(store: Store, key: str | None = None, *, limit: int | None = None) -> list[ListDiff]:
    """Recorded diffs, newest first (of list ``key`` when given)."""
    to_v = ListVersionRow.__table__.alias("to_v")
    from_v = ListVersionRow.__table__.alias("from_v")
    query = (
        select(
            ListDiffRow.__table__, to_v.c.version.label("to_number"), from_v.c.version.label("from_number")
        )
        .join(to_v, to_v.c.id == ListDiffRow.to_version_id)
        .outerjoin(from_v, from_v.c.id == ListDiffRow.from_version_id)
        .order_by(ListDiffRow.created_at.desc(), ListDiffRow.id.desc())
    )
    if key is not None:
        query = query.where(ListDiffRow.key == key)
    if limit is not None:
        query = query.limit(limit)
    with connect(store, "read the list diffs", write=False) as conn:
        return [
            ListDiff(
                key=r.key,
                from_version=r.from_number,
                to_version=r.to_number,
                created_at=r.created_at,
                added=list(r.added or []),
                removed=list(r.removed or []),
                changed=dict(r.changed or {}),
                names=dict(r.names or {}),
            )
            for r in conn.execute(query)
        ]


def now() -> datetime:
    return datetime.now(UTC)


__all__ = [
    "EntryRecord",
    "ListDiff",
    "ListVersion",
    "current_version",
    "entry_data",
    "get_entry_data",
    "iter_entry_data",
    "list_diffs",
    "list_versions",
    "now",
    "replace_list",
]
