"""Screening: queries in, explained matches out, through the candidate index.

``screen(queries, store=..., threshold=..., limit=...)`` yields one :class:`ScreenResult` per query,
shaped like the screening JSON lines: ``{"query": {...}, "matches": [Match.to_dict(), ...]}``.
Candidates come from a :class:`NameIndex`: given, or the store's (built on disk beside a SQLite
store, rebuilt when the loaded lists change).
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from materiel.errors import InputError
from materiel.screen.index import NameIndex
from materiel.screen.match import DEFAULT, Algorithm, compare, compatible
from materiel.screen.records import ListedEntity, Match, Query

CANDIDATES = 30
DEFAULT_LIMIT = 5


@dataclass(slots=True)
class ScreenResult:
    query: Query
    matches: list[Match] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        query: dict[str, Any] = {"id": self.query.id, "name": self.query.name, "schema": self.query.schema}
        for key in ("birth_date", "country", "gender"):
            if getattr(self.query, key):
                query[key] = getattr(self.query, key)
        if self.query.identifiers:
            query["identifiers"] = self.query.identifiers
        return {"query": query, "matches": [m.to_dict() for m in self.matches]}


def screen_one(
    query: Query,
    index: NameIndex,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    algorithm: Algorithm = DEFAULT,
    candidates: int = CANDIDATES,
) -> ScreenResult:
    """Score the index's candidates for one query; keep matches at the threshold, best first."""
    threshold = algorithm.threshold if threshold is None else threshold
    scored = [
        compare(query, entity, threshold, algorithm)
        for entity in index.search(query.name, query.schema, candidates)
        if compatible(query.schema, entity.schema)
    ]
    best: dict[str, Match] = {}
    for m in scored:
        if m.match and (m.entity.id not in best or m.score > best[m.entity.id].score):
            best[m.entity.id] = m
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.entity.id))
    return ScreenResult(query, ranked[:limit])


def screen(
    queries: Iterable[Query],
    store: Any = None,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    *,
    index: NameIndex | None = None,
    algorithm: Algorithm = DEFAULT,
) -> Iterator[ScreenResult]:
    """Screen each query against the index (``index``, else the one for ``store``'s loaded lists)."""
    if index is None:
        if store is None:
            raise ValueError("screen() needs a store or an index")
        index = store_index(store)
    for query in queries:
        yield screen_one(query, index, threshold, limit, algorithm)


def index_path(store: Any) -> Path:
    """Where the store's name index lives: beside a SQLite file, else in the temporary folder."""
    url = str(getattr(store, "url", ""))
    if url.startswith("sqlite:///") and ":memory:" not in url:
        db = Path(url.removeprefix("sqlite:///"))
        return db.with_name(db.name + ".names")
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"materiel-names-{digest}"


def _fingerprint(entities: list[ListedEntity]) -> str:
    digest = hashlib.sha256()
    for entity in entities:
        digest.update(f"{entity.id}\x1f{entity.name}\x1f{len(entity.aliases)}\x1e".encode())
    return digest.hexdigest()


def store_index(store: Any, lists: list[str] | None = None) -> NameIndex:
    """The name index of the lists loaded in ``store``, rebuilt when they changed."""
    list_store = importlib.import_module("materiel.screen.lists")  # the list stage, imported late
    entities = list(list_store.iter_entities(store, lists))
    return NameIndex.open_or_build(index_path(store), _fingerprint(entities), entities)


# ---------- batch input ----------

QUERY_COLUMNS = {  # our column names, then yente's fixture columns
    "name": ("name", "full_name"),
    "birth_date": ("birth_date", "date_of_birth", "dob"),
    "country": ("country", "nationality"),
    "gender": ("gender",),
}


def query_from_row(row: dict[str, Any], line: int) -> Query:
    """A query from a CSV row or JSON object (ours, or yente's fixture columns)."""
    from materiel.screen.readers.common import country_code

    def pick(key: str) -> str | None:
        for column in QUERY_COLUMNS[key]:
            value = row.get(column)
            if value not in (None, ""):
                return str(value).strip()
        return None

    name = pick("name")
    if not name:
        raise InputError(f"line {line}: no name")
    country = pick("country")
    identifiers = row.get("identifiers") if isinstance(row.get("identifiers"), dict) else {}
    return Query(
        name=name,
        schema=str(row.get("schema") or "Person"),
        id=str(row["id"]) if row.get("id") not in (None, "") else str(line),
        birth_date=pick("birth_date"),
        country=(country_code(country) or country) if country else None,
        gender=pick("gender"),
        identifiers={
            str(k): [str(x) for x in (v if isinstance(v, list) else [v])]
            for k, v in (identifiers or {}).items()
        },
    )


def read_queries(path: Path) -> list[Query]:
    """Queries from a ``.csv`` (header row) or ``.jsonl`` file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        out = []
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {line_no}: not JSON ({exc.msg})") from exc
            out.append(query_from_row(obj, line_no))
        return out
    reader = csv.DictReader(io.StringIO(text))
    return [query_from_row(row, reader.line_num) for row in reader]


CSV_COLUMNS = ["query_id", "query_name", "list", "list_id", "schema", "name", "score", "programs", "reasons"]


def csv_rows(result: ScreenResult) -> list[list[str]]:
    """Flat rows for CSV output: one per match (one empty row for a query without matches)."""
    q = result.query
    if not result.matches:
        return [[q.id or "", q.name, "", "", "", "", "", "", ""]]
    return [
        [
            q.id or "",
            q.name,
            m.entity.list,
            m.entity.id,
            m.entity.schema,
            m.entity.name,
            f"{m.score:.4f}",
            " ".join(m.entity.programs),
            " | ".join(f"{f.feature}: {f.detail}" for f in m.explanation),
        ]
        for m in result.matches
    ]
