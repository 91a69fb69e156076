"""Loading sanctions lists into the store, and reading their entries back.

    report = load_list("ofac_sdn.csv", store)          # add/alt.csv found beside it
    report.key, report.counts, report.added, report.changed
    for entity in iter_entities(store, lists=["ofac-sdn"]): ...

A load reads the whole list first (any bad row or XML stops it with a ``ListFormatError`` naming
file and line), then replaces the list's previous version in one transaction and records the
diff: entry ids added, removed and changed (with the fields that changed). A failed load leaves
the previous version in place. Loading a file whose checksum equals the current version's stores
nothing and says so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from materiel.errors import ListFormatError, NotFoundError
from materiel.screen.qualifiers import clean_id
from materiel.screen.readers import READERS, ListSource, ReadContext, plan_sources
from materiel.screen.records import ListedEntity, Sanction
from materiel.store import Store, list_search
from materiel.store import lists as db
from materiel.store.lists import EntryRecord, ListDiff, ListVersion

Progress = Callable[[int, int], None]
_ENTITY_FIELDS = {f.name for f in dataclasses.fields(ListedEntity)}
_SANCTION_FIELDS = {f.name for f in dataclasses.fields(Sanction)}
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(slots=True)
class LoadReport:
    """What one load did."""

    key: str
    format: str
    sources: list[str]
    checksum: str
    list_date: str | None
    list_date_from: str  # "file" or "mtime"
    counts: dict[str, int]  # entries by schema
    version: int | None = None  # None when nothing was stored (unchanged)
    unchanged: bool = False
    added: int = 0
    removed: int = 0
    changed: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def entries(self) -> int:
        return sum(self.counts.values())


# ---------- records ↔ stored data ----------


def entity_data(entity: ListedEntity) -> dict[str, Any]:
    """The JSON-able dictionary of a listed entity (what the store keeps)."""
    return dataclasses.asdict(entity)


def entity_from_data(data: dict[str, Any]) -> ListedEntity:
    fields = {k: v for k, v in data.items() if k in _ENTITY_FIELDS and k != "sanctions"}
    sanctions = [
        Sanction(**{k: v for k, v in s.items() if k in _SANCTION_FIELDS}) for s in data.get("sanctions") or []
    ]
    return ListedEntity(**fields, sanctions=sanctions)


def name_key(name: str) -> str:
    """A simple retrieval key: case-folded, accents removed, punctuation dropped, tokens sorted.

    "MKRTYCHEV, Ashot" and "Ashot Mkrtychev" give the same key ("ashot mkrtychev").
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", stripped).casefold()
    return " ".join(sorted(t for t in _NON_WORD.split(text) if t))


def entry_record(entity: ListedEntity) -> EntryRecord:
    names: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for kind, values in (
        ("primary", [entity.name]),
        ("alias", entity.aliases),
        ("weak", entity.weak_aliases),
    ):
        for value in values:
            key = name_key(value)
            if key and (kind, value) not in seen:
                seen.add((kind, value))
                names.append((kind, value, key))
    sanctions = [dataclasses.asdict(s) for s in entity.sanctions]
    identifiers = sorted(
        {(kind, clean_id(v)) for kind, values in entity.identifiers.items() for v in values if clean_id(v)}
    )
    return EntryRecord(
        entity.id, entity.schema, entity.name, entity_data(entity), names, sanctions, identifiers
    )


# ---------- reading ----------


def checksum(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def read_source(source: ListSource) -> tuple[list[ListedEntity], ReadContext]:
    """Every entry of one list (ListFormatError on bad input, duplicate ids included)."""
    ctx = ReadContext(source.path, source.key, dict(source.companions))
    entities = list(READERS[source.format](ctx))
    seen: set[str] = set()
    for entity in entities:
        if entity.id in seen:
            raise ListFormatError(f"two entries with the id {entity.id}", source=str(source.path))
        seen.add(entity.id)
    return entities, ctx


def diff_entries(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """(added ids, removed ids, changed id → the fields that differ)."""
    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    changed: dict[str, list[str]] = {}
    for entry_id in sorted(set(old) & set(new)):
        before, after = old[entry_id], new[entry_id]
        fields = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        if fields:
            changed[entry_id] = fields
    return added, removed, changed


# ---------- loading ----------


def load_source(
    source: ListSource,
    store: Store,
    *,
    progress: Progress | None = None,
    source_names: Mapping[str, str] | None = None,
) -> LoadReport:
    """Read one planned list and store it as the new version of its key (see the module doc);
    ``source_names``: what to record as a file's source instead of its path (an upload's name)."""
    entities, ctx = read_source(source)
    digest = checksum(source.paths)
    if ctx.list_date:
        list_date, date_from = ctx.list_date, "file"
    else:
        mtime = datetime.fromtimestamp(source.path.stat().st_mtime, UTC)
        list_date, date_from = mtime.date().isoformat(), "mtime"
    counts = dict(sorted(Counter(e.schema for e in entities).items()))
    report = LoadReport(
        key=source.key,
        format=source.format,
        sources=[(source_names or {}).get(str(p), str(p)) for p in source.paths],
        checksum=digest,
        list_date=list_date,
        list_date_from=date_from,
        counts=counts,
        warnings=list(ctx.warnings),
    )
    previous = db.current_version(store, source.key)
    if previous is not None and previous.checksum == digest and previous.format == source.format:
        report.unchanged = True
        report.version = previous.version
        return report
    records = [entry_record(e) for e in entities]
    old = db.entry_data(store, source.key) if previous is not None else {}
    added, removed, changed = diff_entries(old, {r.id: r.data for r in records})
    now = datetime.now(UTC)
    version = ListVersion(
        key=source.key,
        version=0,
        format=source.format,
        source=", ".join(report.sources),
        list_date=list_date,
        list_date_from=date_from,
        checksum=digest,
        entry_count=len(records),
        counts=counts,
        loaded_at=now,
        warnings=report.warnings,
    )
    diff = ListDiff(
        key=source.key,
        from_version=None,
        to_version=0,
        created_at=now,
        added=added,
        removed=removed,
        changed=changed,
        names={
            **{i: str(old[i].get("name", "")) for i in removed},
            **{r.id: r.name for r in records if r.id in changed or r.id in set(added)},
        },
    )
    stored = db.replace_list(
        store,
        version,
        records,
        diff,
        expected_previous=previous.version if previous else None,
        progress=progress,
    )
    report.version = stored.version
    report.added, report.removed, report.changed = len(added), len(removed), len(changed)
    return report


def _paths(path_or_paths: str | Path | Sequence[str | Path]) -> list[str | Path]:
    if isinstance(path_or_paths, str | Path):
        return [path_or_paths]
    return list(path_or_paths)


def load_list(
    path_or_paths: str | Path | Sequence[str | Path],
    store: Store,
    name: str | None = None,
    *,
    progress: Progress | None = None,
) -> LoadReport:
    """Load one list (one file, or an OFAC sdn.csv with its add.csv/alt.csv) as list ``name``."""
    sources = plan_sources(_paths(path_or_paths), name)
    if len(sources) != 1:
        raise ListFormatError(
            f"these files are {len(sources)} lists; use load_lists",
            source=", ".join(str(p) for p in _paths(path_or_paths)),
        )
    return load_source(sources[0], store, progress=progress)


def load_lists(
    paths: Sequence[str | Path],
    store: Store,
    name: str | None = None,
    *,
    progress: Callable[[str], Progress] | None = None,
    source_names: Mapping[str, str] | None = None,
) -> list[LoadReport | ListFormatError]:
    """Load every list named by ``paths``, each on its own; a bad one is returned as its error
    (``source_names`` as in ``load_source``)."""
    try:
        sources = plan_sources(paths, name)
    except ListFormatError as exc:
        return [exc]
    results: list[LoadReport | ListFormatError] = []
    for source in sources:
        try:
            bar = progress(source.key) if progress else None
            results.append(load_source(source, store, progress=bar, source_names=source_names))
        except ListFormatError as exc:
            results.append(exc)
    return results


# ---------- reading back ----------


def list_lists(store: Store, *, history: bool = False) -> list[ListVersion]:
    """The loaded lists (current versions; with ``history`` every version)."""
    return db.list_versions(store, history=history)


def list_diff(store: Store, list_key: str | None = None, *, limit: int | None = None) -> list[ListDiff]:
    """Diffs recorded by loads, newest first; of one list when ``list_key`` is given."""
    return db.list_diffs(store, list_key, limit=limit)


def iter_entities(store: Store, lists: Sequence[str] | None = None) -> Iterator[ListedEntity]:
    """Every entry of the current versions of the loaded lists (or of ``lists``), streamed."""
    for data in db.iter_entry_data(store, lists):
        yield entity_from_data(data)


def get_entity(store: Store, entity_id: str) -> ListedEntity:
    data = db.get_entry_data(store, entity_id)
    if data is None:
        raise NotFoundError("no list entry with this id", source=entity_id)
    return entity_from_data(data)


def find_by_name_key(
    store: Store, name: str, lists: Sequence[str] | None = None
) -> list[tuple[str, str, str]]:
    """(entry id, kind, name) of stored names with the same ``name_key`` as ``name``."""
    return list_search.names_by_key(store, name_key(name), lists=lists)


__all__ = [
    "ListDiff",
    "ListVersion",
    "LoadReport",
    "entity_data",
    "entity_from_data",
    "find_by_name_key",
    "get_entity",
    "iter_entities",
    "list_diff",
    "list_lists",
    "load_list",
    "load_lists",
    "load_source",
    "name_key",
]
