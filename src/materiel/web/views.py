"""Shapes that the API and the pages share: the spans of every fact in a document, and the text cut
into pieces at their edges so each piece can be drawn with the facts it belongs to.

Nothing here decides anything about the facts; it only lays out what extraction stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from materiel.model import Extraction


@dataclass(slots=True, frozen=True)
class FactSpan:
    """One span of the text that a fact rests on: an entity's mention or an event's evidence."""

    start: int
    end: int
    text: str
    kind: str  # "mention" or "evidence"
    ref: str  # the entity's or event's id in the document's extraction
    label: str  # entity kind or event type
    name: str = ""  # the entity's name, or a short line about the event

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "ref": self.ref,
            "label": self.label,
            "name": self.name,
        }


def event_line(event: dict[str, Any], names: dict[str, str]) -> str:
    """A few words about an event in the contract's shape: its parties by name (its type said apart)."""

    def who(value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(who(v) for v in value)
        return names.get(str(value), str(value)) if value else "?"

    kind = str(event.get("type", "event"))
    if kind in ("arms_transfer", "military_support"):
        return f"{who(event.get('supplier'))} → {who(event.get('recipient'))}"
    if kind == "designation":
        return f"{who(event.get('target'))}, by {event.get('authority') or '?'}"
    if kind == "denial":
        return f"by {who(event.get('party'))}"
    if kind == "accusation":
        return f"{who(event.get('accusers'))} against {who(event.get('accused'))}"
    return kind.replace("_", " ")


def event_lines(extraction: Extraction) -> dict[str, str]:
    """Event id → a few words about it (``event_line``), for one extraction."""
    names = {e.id: e.name for e in extraction.entities}
    return {event.id: event_line(event.to_dict(), names) for event in extraction.events}


def fact_spans(extraction: Extraction) -> list[FactSpan]:
    """Every mention and every evidence span of an extraction, in the order of the text."""
    names = {e.id: e.name for e in extraction.entities}
    spans = [
        FactSpan(m.start, m.end, m.text, "mention", e.id, str(e.kind), e.name)
        for e in extraction.entities
        for m in e.mentions
    ]
    for event in extraction.events:
        line = event_line(event.to_dict(), names)
        spans += [
            FactSpan(ev.start, ev.end, ev.text, "evidence", event.id, str(event.type), line)
            for ev in event.evidence
        ]
    return sorted(spans, key=lambda s: (s.start, -s.end, s.kind))


@dataclass(slots=True)
class Piece:
    """A stretch of text and the spans that cover all of it (outermost first)."""

    text: str
    start: int
    spans: list[FactSpan] = field(default_factory=list)
    opens: list[FactSpan] = field(default_factory=list)  # spans that begin here

    @property
    def evidence(self) -> list[FactSpan]:
        return [s for s in self.spans if s.kind == "evidence"]

    @property
    def mention(self) -> FactSpan | None:
        mentions = [s for s in self.spans if s.kind == "mention"]
        return mentions[-1] if mentions else None


def pieces(text: str, spans: list[FactSpan]) -> list[Piece]:
    """``text`` cut at every span edge; each piece lists the spans covering it.

    Spans outside the text are ignored, so a stale span never breaks the page.
    """
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    edges = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Piece] = []
    for a, b in pairwise(edges):
        covering = [s for s in valid if s.start <= a and b <= s.end]
        covering.sort(key=lambda s: (s.kind != "evidence", s.start, -s.end))
        out.append(Piece(text[a:b], a, covering, [s for s in covering if s.start == a]))
    return out


def paragraphs(text: str, spans: list[FactSpan]) -> list[list[Piece]]:
    """The pieces grouped into paragraphs (split at blank lines and single newlines)."""
    out: list[list[Piece]] = [[]]
    for piece in pieces(text, spans):
        parts = piece.text.split("\n")
        offset = piece.start
        for i, part in enumerate(parts):
            if i:
                if out[-1]:
                    out.append([])
                offset += 1
            if part:
                opens = piece.opens if offset == piece.start else []
                out[-1].append(Piece(part, offset, piece.spans, opens))
            offset += len(part)
    return [p for p in out if p]


def document_links(picture: Any, doc_id: str) -> tuple[dict[str, str], dict[str, str]]:
    """For one document of the picture: its entity ids → graph entity ids, and its event ids →
    the ids of the merged events that cite it."""
    prefix = f"{doc_id}/"
    entities = {
        key[len(prefix) :]: entity.id
        for entity in picture.entities.values()
        for key in entity.merged_from
        if key.startswith(prefix)
    }
    events: dict[str, str] = {}
    for stance in ("asserts", "denies"):  # an event that reports it first, then one it denies
        for event in picture.events:
            for source in event.sources:
                if source.document_id == doc_id and source.stance == stance:
                    events.setdefault(source.event_id, event.id)
    return entities, events


@dataclass(slots=True)
class Excerpt:
    """The sentence in its place: the text before it, the sentence, the text after it."""

    before: str
    sentence: str
    after: str
    cut_before: bool = False
    cut_after: bool = False


def excerpt(text: str, start: int, end: int, context: int = 360) -> Excerpt:
    """The paragraph around ``text[start:end]`` (at most ``context`` characters either side, cut at a
    word), with the span itself apart so it can be highlighted where it stands."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    a = max(para_start, start - context)
    b = min(para_end, end + context)
    if a > para_start:
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else a
    if b < para_end:
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else b
    return Excerpt(text[a:start], text[start:end], text[end:b], a > para_start, b < para_end)


__all__ = [
    "Excerpt",
    "FactSpan",
    "Piece",
    "document_links",
    "event_line",
    "event_lines",
    "excerpt",
    "fact_spans",
    "paragraphs",
    "pieces",
]
