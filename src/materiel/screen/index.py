"""Candidate retrieval: an embedded tantivy index of name keys, on disk or in memory.

Each name of a listed entity is one document holding, for every reading of the name, its tokens
and their phonetic keys (``fold``), and the entity itself as stored JSON, so a search returns
entities ready to score. A query matches on any exact token or key, and on tokens one edit away
(tantivy's fuzzy term query), ranked by BM25, among the entries of a schema the query can be (a
person's name does not retrieve companies); each entity counts once, by its best name, and the
matcher then scores the top candidates.

An on-disk index carries a fingerprint (e.g. the checksums of the loaded lists): ``open_or_build``
rebuilds it when the fingerprint changes.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from itertools import zip_longest
from pathlib import Path
from typing import Any

import tantivy

from materiel.screen.match import compatible
from materiel.screen.normalise import PERSON_SCHEMAS, NameForm, name_forms
from materiel.screen.parts import skeleton
from materiel.screen.phonetic import fold
from materiel.screen.qualifiers import clean_id
from materiel.screen.records import ListedEntity, Sanction

FINGERPRINT_FILE = "materiel-fingerprint.txt"
_WRITER_HEAP = 256 * 1024 * 1024
SKELETON_BOOST = 2.0  # weight of a consonant-key match in an Arabic-script query (measured: 1, 2, 3)
ABJAD_WIDER = 2  # organisations; measured on the cross-script pairs: 1, 2, 3 (persons: no gain)
MAX_RUN_TOKENS = 6  # names of up to this many words get consonant keys of word pairs
WHOLE = "="  # marks a whole reading among the tokens
WHOLE_NAME_SCORE = 1000.0  # above any BM25 sum of a name's terms: a whole name agreeing ranks first
MAX_BY_IDENTIFIER = 20  # entries one identifier can name (an IMO number names one hull)
OVERFETCH = 4  # names read per entity wanted: one search almost always (measured, see the benchmarks)
ENTITY, NAME = "entity", "name"  # the two kinds of document
ENTITIES_KEPT = 20_000  # entities kept read (OFAC + UN: 16,000)
SCHEMAS = ("Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane")


def _schema() -> Any:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("kind", stored=False, tokenizer_name="raw")  # an entity's first name or another
    builder.add_unsigned_field("ent", stored=False, indexed=False, fast=True)  # the entity's ordinal
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("schema", stored=False, tokenizer_name="raw")
    builder.add_text_field("tokens", stored=False, tokenizer_name="whitespace")
    builder.add_text_field("keys", stored=False, tokenizer_name="whitespace")
    builder.add_text_field("ids", stored=False, tokenizer_name="whitespace")  # identifiers as compared
    builder.add_text_field("entity", stored=True, index_option="basic", tokenizer_name="raw")
    return builder.build()


def form_keys(forms: Iterable[NameForm]) -> tuple[set[str], set[str]]:
    """The tokens and phonetic keys of ``forms`` (the readings of a name); the consonant keys (``~``)
    also of neighbouring words joined without the article ("shms al dyn" → shamsuddin's key)."""
    tokens: set[str] = set()
    runs: set[str] = set()
    for form in forms:
        tokens.update(form.tokens)
        if len(form.tokens) > 1:
            tokens.add("".join(form.tokens))
        words = [t for t in form.tokens if t != "al"]
        if 2 < len(form.tokens) <= MAX_RUN_TOKENS or len(words) < len(form.tokens):
            runs.update("".join(words[i : i + 2]) for i in range(len(words) - 1))
    keys = {fold(t) for t in tokens} | {"~" + skeleton(t) for t in tokens | runs if len(t) > 2}
    return tokens, keys


def whole_keys(forms: Iterable[NameForm]) -> set[str]:
    """Each reading as one term of the ``tokens`` field: its words joined after ``=``."""
    return {WHOLE + "".join(form.tokens) for form in forms if form.tokens}


def entity_to_json(entity: ListedEntity) -> str:
    return json.dumps(asdict(entity), ensure_ascii=False, separators=(",", ":"))


def entity_from_json(text: str) -> ListedEntity:
    data = json.loads(text)
    data["sanctions"] = [Sanction(**s) for s in data.get("sanctions", [])]
    return ListedEntity(**data)


def identified_first(
    found: Sequence[ListedEntity], by_name: Sequence[ListedEntity], limit: int
) -> list[ListedEntity]:
    """Candidates found by identifier, then those found by name, each entry once: ``limit`` of
    them, or all found by identifier where they are more."""
    return list({e.id: e for e in [*found, *by_name]}.values())[: max(limit, len(found))]


class NameIndex:
    """A tantivy index of listed entities by name."""

    def __init__(self, index: Any, schema: Any) -> None:
        self._index = index
        self._schema = schema
        self._searcher: Any = None
        self._read: dict[int, ListedEntity] = {}  # entities read, by ordinal (``_entity``)

    @classmethod
    def build(
        cls, entities: Iterable[ListedEntity], path: Path | None = None, fingerprint: str = ""
    ) -> NameIndex:
        schema = _schema()
        if path is not None:
            if path.exists():
                shutil.rmtree(path)
            path.mkdir(parents=True)
            index = tantivy.Index(schema, path=str(path))
        else:
            index = tantivy.Index(schema)
        # one thread: documents in list order, so equal scores rank alike on every build
        writer = index.writer(heap_size=_WRITER_HEAP, num_threads=1)
        for ordinal, entity in enumerate(entities):
            stored = entity_to_json(entity)
            ids = sorted({clean_id(v) for vs in entity.identifiers.values() for v in vs} - {""})
            names = list(dict.fromkeys([*entity.all_names, *entity.weak_aliases]))
            for n, name in enumerate(names or [""]):
                forms = name_forms(name, entity.schema) if name else ()
                tokens, keys = form_keys(forms)
                doc = tantivy.Document(
                    kind=NAME if n else ENTITY,  # the entity's first name counts the entity
                    id=entity.id,
                    schema=entity.schema,
                    tokens=" ".join(sorted(tokens | whole_keys(forms))),
                    keys=" ".join(sorted(keys)),
                    entity=stored,
                )
                if not n:  # the entity's identifiers once, on its first name
                    doc.add_text("ids", " ".join(ids))
                doc.add_unsigned("ent", ordinal)
                writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        if path is not None:
            (path / FINGERPRINT_FILE).write_text(fingerprint, encoding="utf-8")
        index.reload()
        return cls(index, schema)

    @classmethod
    def open(cls, path: Path) -> NameIndex:
        schema = _schema()
        return cls(tantivy.Index(schema, path=str(path)), schema)

    @classmethod
    def open_or_build(
        cls,
        path: Path,
        fingerprint: str,
        entities: Iterable[ListedEntity] | Callable[[], Iterable[ListedEntity]],
    ) -> NameIndex:
        """Open the index at ``path`` if it was built for ``fingerprint``; otherwise rebuild it.

        ``entities`` may be a function giving them, called only when the index is rebuilt.
        """
        stamp = path / FINGERPRINT_FILE
        if stamp.exists() and stamp.read_text(encoding="utf-8") == fingerprint:
            return cls.open(path)
        return cls.build(entities() if callable(entities) else entities, path, fingerprint)

    def __len__(self) -> int:
        """The number of entities indexed."""
        query = tantivy.Query.term_query(self._schema, "kind", ENTITY)
        return int(self._get_searcher().search(query, 1, count=True).count or 0)

    def _get_searcher(self) -> Any:
        if self._searcher is None:
            self._searcher = self._index.searcher()
        return self._searcher

    def search(
        self, name: str, schema: str = "Person", limit: int = 30, identifiers: Sequence[str] = ()
    ) -> list[ListedEntity]:
        """Candidate entities for ``name``, best first: ``limit`` of them, ``ABJAD_WIDER`` times as
        many for an organisation's name in Arabic script or Hangul, whose keys are less selective
        ("القاعدة" reads "al qada", which every "AL-QA'IDA IN ..." shares; "조선단군무역회사" "korea
        tangun trading", whose first and last words dozens of DPRK companies share). An Arabic-script
        organisation's name read in English ("مكتب الخدمات" → "office services") is searched apart
        from its transliteration and the two result lists interleaved: common English words would
        otherwise crowd out the entries only the transliteration reaches ("MAKHTAB AL-KHIDAMAT").
        Entries that carry one of ``identifiers`` (as ``clean_id`` writes them) come first, whatever
        their names: a vessel renamed is found by its IMO number."""
        found = self._by_identifiers(identifiers, schema)
        if found:
            return identified_first(found, self.search(name, schema, limit), limit)
        forms = name_forms(name, schema)
        if schema not in PERSON_SCHEMAS and any(f.abjad or f.korean for f in forms):
            limit *= ABJAD_WIDER
        translated = [f for f in forms if f.english]
        if not translated:
            return self._search(forms, schema, limit)
        first = self._search([f for f in forms if not f.english], schema, limit)
        second = self._search(translated, schema, limit)
        merged: dict[str, ListedEntity] = {}
        for pair in zip_longest(first, second):
            for entity in pair:
                if entity is not None:
                    merged.setdefault(entity.id, entity)
        return list(merged.values())[:limit]

    def _by_identifiers(self, identifiers: Sequence[str], schema: str) -> list[ListedEntity]:
        values = sorted({v for v in identifiers if v})
        if not values:
            return []
        schemas = sorted({s for s in SCHEMAS if compatible(schema, s)} | {schema})
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, tantivy.Query.term_set_query(self._schema, "ids", values)),
                (tantivy.Occur.Must, tantivy.Query.term_set_query(self._schema, "schema", schemas)),
            ]
        )
        searcher = self._get_searcher()
        hits = searcher.search(query, MAX_BY_IDENTIFIER, count=False).hits
        return [entity_from_json(searcher.doc(address)["entity"][0]) for _score, address in hits]

    def _entities(self, query: Any, limit: int) -> list[ListedEntity]:
        """The entities of the best ``limit`` names found by ``query``, each entity once, ranked by
        its best name. Every name of an entity is a document of its own (BM25 would otherwise weigh
        a term less in an entity with more names), holding the entity; names are read
        ``OVERFETCH`` times as many at a time, as one entity's names can follow one another."""
        searcher = self._get_searcher()
        first: dict[int, Any] = {}
        fetched = 0
        while len(first) < limit:
            page = max(limit * OVERFETCH, fetched * 2)
            hits = searcher.search(query, page, count=False, offset=fetched).hits
            if not hits:
                break
            fetched += len(hits)
            addresses = [address for _score, address in hits]
            for ordinal, address in zip(searcher.fast_field_values("ent", addresses), addresses, strict=True):
                if len(first) < limit:
                    first.setdefault(ordinal, address)
            if len(hits) < page:
                break
        return [self._entity(ordinal, address) for ordinal, address in first.items()]

    def _entity(self, ordinal: int, address: Any) -> ListedEntity:
        """The entity of ``ordinal``, read from the document at ``address`` the first time (a copy
        each time: the entries a service screens against are read again and again)."""
        entity = self._read.get(ordinal)
        if entity is None:
            entity = entity_from_json(self._get_searcher().doc(address)["entity"][0])
            if len(self._read) >= ENTITIES_KEPT:
                self._read.clear()
            self._read[ordinal] = entity
        return copy.copy(entity)

    def _search(self, forms: Sequence[NameForm], schema: str, limit: int) -> list[ListedEntity]:
        tokens, keys = form_keys(forms)
        # BM25 weighs a term less in a longer document, so an entry with dozens of aliases ranked
        # below its own affiliates for one of its names ("Islamic State": ISLAMIC STATE OF IRAQ AND
        # THE LEVANT 69th, after every ISIS-<country>): an entry with a name that reads as one of the
        # query's readings comes first
        clauses: list[tuple[Any, Any]] = []
        should = tantivy.Occur.Should
        for key in sorted(whole_keys(forms)):
            term = tantivy.Query.term_query(self._schema, "tokens", key)
            clauses.append((should, tantivy.Query.const_score_query(term, WHOLE_NAME_SCORE)))
        for token in sorted(tokens):
            clauses.append((should, tantivy.Query.term_query(self._schema, "tokens", token)))
            if len(token) >= 5:
                clauses.append(
                    (
                        should,
                        tantivy.Query.fuzzy_term_query(
                            self._schema,
                            "tokens",
                            token,
                            distance=1,
                            transposition_cost_one=True,
                            prefix=False,
                        ),
                    )
                )
        if any(f.abjad for f in forms):  # the article written onto its word: "ltkryty" ~ "al tikriti"
            keys |= {"~" + k[2:] for k in keys if k.startswith("~l") and len(k) > 4}
        elif schema in PERSON_SCHEMAS:
            keys = {k for k in keys if not k.startswith("~")}
        else:  # an organisation's words in Latin: their consonants too ("Quds" ~ "QODS"), no more than that
            keys = {k for k in keys if not k.startswith("~") or len(k) > 3}
        for key in sorted(keys):
            clause = tantivy.Query.term_query(self._schema, "keys", key)
            if key.startswith("~"):  # Arabic script: the consonant keys are the reading that counts
                clause = tantivy.Query.boost_query(clause, SKELETON_BOOST)
            clauses.append((should, clause))
        if not clauses:
            return []
        schemas = sorted({s for s in SCHEMAS if compatible(schema, s)} | {schema})
        kinds = tantivy.Query.term_set_query(self._schema, "schema", schemas)
        names = tantivy.Query.boolean_query(clauses)
        query = tantivy.Query.boolean_query([(tantivy.Occur.Must, names), (tantivy.Occur.Must, kinds)])
        return self._entities(query, limit)
