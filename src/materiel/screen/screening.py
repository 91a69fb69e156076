"""Screening: queries in, explained matches out, through the candidate index.

``screen(queries, store=..., threshold=..., limit=...)`` yields one :class:`ScreenResult` per query,
shaped like the screening JSON lines: ``{"query": {...}, "matches": [Match.to_dict(), ...]}``.
Candidates come from an index: given, or the store's. With a PostgreSQL store whose list names
carry a trigram index (pg_trgm), a :class:`TrigramIndex` asks the database; otherwise a tantivy
:class:`NameIndex` is built on disk (beside a SQLite store) and rebuilt when the loaded lists (their
checksums) or the name-reading code change.
"""

from __future__ import annotations

import hashlib
import importlib
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from materiel.screen.index import NameIndex, identified_first
from materiel.screen.match import DEFAULT, Algorithm, compare, compatible
from materiel.screen.normalise import name_forms
from materiel.screen.qualifiers import clean_id
from materiel.screen.records import SCHEMAS, ListedEntity, Match, Query

CANDIDATES = 30
DEFAULT_LIMIT = 5
NEAR_MISS = 0.1
"""Hits this far below the threshold are near misses, kept for an analyst to review."""
INDEX_FORMAT = "materiel-names-5"  # 5: a document per name, whole readings as tokens
"""Changes when what the on-disk index holds changes (beyond what the code digest catches)."""
_INDEX_CODE = (
    "index.py",
    "normalise.py",
    "orgnames.py",
    "glossaries.py",
    "features.py",
    "parts.py",
    "phonetic.py",
    "translit.py",
    "turkish.py",
    "wadegiles.py",
    "records.py",
)


class CandidateIndex(Protocol):
    """Where candidates come from: listed entities for a name, best first, after those that carry
    one of the query's identifiers."""

    def search(
        self, name: str, schema: str = "Person", limit: int = 30, identifiers: Sequence[str] = ()
    ) -> list[ListedEntity]: ...


@dataclass(slots=True)
class ScreenResult:
    query: Query
    matches: list[Match] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        query: dict[str, Any] = {"id": self.query.id, "name": self.query.name, "schema": self.query.schema}
        for key in ("birth_date", "country", "gender", "identifiers"):
            if getattr(self.query, key):
                query[key] = getattr(self.query, key)
        if self.query.identifiers:
            query["identifiers"] = self.query.identifiers
        return {"query": query, "matches": [m.to_dict() for m in self.matches]}


def screen_one(
    query: Query,
    index: CandidateIndex,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    algorithm: Algorithm = DEFAULT,
    candidates: int = CANDIDATES,
) -> ScreenResult:
    """Score the index's candidates for one query; keep matches at the threshold, best first."""
    threshold = algorithm.threshold if threshold is None else threshold
    scored = [
        compare(query, entity, threshold, algorithm)
        for entity in index.search(query.name, query.schema, candidates, query_identifiers(query))
        if compatible(query.schema, entity.schema)
    ]
    best: dict[str, Match] = {}
    for m in scored:
        if m.match and (m.entity.id not in best or m.score > best[m.entity.id].score):
            best[m.entity.id] = m
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.entity.id))
    return ScreenResult(query, ranked[:limit])


def query_identifiers(query: Query) -> list[str]:
    """The query's identifiers as compared (``clean_id``)."""
    return [c for values in query.identifiers.values() for v in values if (c := clean_id(v))]


def screen(
    queries: Iterable[Query],
    store: Any = None,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    *,
    index: CandidateIndex | None = None,
    algorithm: Algorithm = DEFAULT,
) -> Iterator[ScreenResult]:
    """Screen each query against the index (``index``, else the one for ``store``'s loaded lists)."""
    if index is None:
        if store is None:
            raise ValueError("screen() needs a store or an index")
        index = store_index(store)
    for query in queries:
        yield screen_one(query, index, threshold, limit, algorithm)


def review_floor(threshold: float) -> float:
    """The lowest score a near miss has: ``NEAR_MISS`` below the threshold."""
    return max(0.0, threshold - NEAR_MISS)


def split_near_misses(result: ScreenResult, threshold: float) -> tuple[ScreenResult, list[Match]]:
    """A result screened down to ``review_floor(threshold)``, split: the result with its matches
    at ``threshold``, and the near misses below it (``match`` false), best first."""
    matches = [m for m in result.matches if m.score >= threshold]
    near = [replace(m, match=False) for m in result.matches if m.score < threshold]
    return ScreenResult(result.query, matches), near


def index_path(store: Any) -> Path:
    """Where the store's name index lives: beside a SQLite file, else in the temporary folder."""
    url = str(getattr(store, "url", ""))
    if url.startswith("sqlite:///") and ":memory:" not in url:
        db = Path(url.removeprefix("sqlite:///"))
        return db.with_name(db.name + ".names")
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"materiel-names-{digest}"


@cache
def _code_digest() -> str:
    """A digest of the code and data that turn names into index keys (a new release rebuilds)."""
    here = Path(__file__).parent
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for path in [*(here / name for name in _INDEX_CODE), *sorted((here / "data").glob("*.yaml"))]:
        digest.update(path.name.encode() + b"\x1f" + path.read_bytes() + b"\x1e")
    return digest.hexdigest()


def fingerprint(versions: Iterable[Any]) -> str:
    """What an on-disk index was built from: the list versions' keys, formats and checksums (as
    ``screen.lists`` recorded them at load time) and the code digest; no entry is read."""
    digest = hashlib.sha256(_code_digest().encode())
    for v in sorted(versions, key=lambda v: str(v.key)):
        digest.update(f"{v.key}\x1f{v.format}\x1f{v.checksum}\x1e".encode())
    return digest.hexdigest()


class TrigramIndex:
    """Candidates from the store's trigram index on name keys (PostgreSQL with pg_trgm).

    The query's keys are its ``name_key`` (the name as written, for names listed in their own
    script) and the sorted tokens of each of its readings (transliterated, honorifics and legal
    forms dropped), so "Ашот Мкртычев" and "김정은" reach Latin list names.
    """

    def __init__(self, store: Any, lists: Sequence[str] | None = None) -> None:
        self._store = store
        self._lists = list(lists) if lists is not None else None
        self._lists_module = importlib.import_module("materiel.screen.lists")
        self._db = importlib.import_module("materiel.store.list_search")

    def keys(self, name: str, schema: str = "Person") -> list[str]:
        keys = [self._lists_module.name_key(name)]
        keys += [" ".join(sorted(form.tokens)) for form in name_forms(name, schema) if form.tokens]
        return [k for k in dict.fromkeys(keys) if k]

    def search(
        self, name: str, schema: str = "Person", limit: int = 30, identifiers: Sequence[str] = ()
    ) -> list[ListedEntity]:
        schemas = [s for s in SCHEMAS if compatible(schema, s)]
        found = self._db.identifier_candidates(self._store, identifiers, schemas=schemas, lists=self._lists)
        rows = self._db.trigram_candidates(
            self._store, self.keys(name, schema), schemas=schemas, lists=self._lists, limit=limit
        )
        entity = self._lists_module.entity_from_data
        return identified_first([entity(r) for r in found], [entity(r) for r in rows], limit)


def store_index(store: Any, lists: list[str] | None = None) -> CandidateIndex:
    """The candidate index of the lists loaded in ``store``: the database's trigram index on
    PostgreSQL with pg_trgm, else the embedded name index, rebuilt when the lists changed."""
    if importlib.import_module("materiel.store.list_search").trigram_ready(store):
        return TrigramIndex(store, lists)
    return embedded_index(store, lists)


def embedded_index(store: Any, lists: list[str] | None = None) -> NameIndex:
    """The tantivy index of the lists loaded in ``store`` (any database), rebuilt when they changed."""
    list_store = importlib.import_module("materiel.screen.lists")  # the list stage, imported late
    versions = [v for v in list_store.list_lists(store) if lists is None or v.key in lists]
    path = index_path(store)
    if lists is not None:  # a subset of the lists gets its own index, so the two don't rebuild each other
        path = path.with_name(
            f"{path.name}-{hashlib.sha256(' '.join(sorted(lists)).encode()).hexdigest()[:12]}"
        )
    return NameIndex.open_or_build(
        path, fingerprint(versions), lambda: list_store.iter_entities(store, lists)
    )


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
