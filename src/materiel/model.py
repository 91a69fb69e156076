"""The shared vocabulary and the typed records that flow between stages.

Every stage takes and returns these plain values; the store persists them. Later stages add
fields with defaults, so older records keep loading. ``to_dict`` gives the JSON shape of the
extraction contract (see README, "Extraction output").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    STATE = "state"
    REGION = "region"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"


class EventType(StrEnum):
    ARMS_TRANSFER = "arms_transfer"
    DESIGNATION = "designation"
    DENIAL = "denial"
    ACCUSATION = "accusation"
    MILITARY_SUPPORT = "military_support"


class TransferStatus(StrEnum):
    """How far a transfer got, in the order reporting usually moves through."""

    SOUGHT = "sought"
    PLANNED = "planned"
    ATTEMPTED = "attempted"
    AGREED = "agreed"
    DELIVERED = "delivered"
    ALLEGED = "alleged"


class ItemCategory(StrEnum):
    """Item categories of the annotation guideline (shared/eval/GUIDELINE.md)."""

    SMALL_ARMS = "small_arms"
    AMMUNITION = "ammunition"
    ARTILLERY = "artillery"
    MISSILES = "missiles"
    UAV = "uav"
    AIRCRAFT = "aircraft"
    ARMOURED_VEHICLES = "armoured_vehicles"
    AIR_DEFENCE = "air_defence"
    NAVAL = "naval"
    ELECTRONICS = "electronics"
    UNSPECIFIED = "unspecified"


class Verdict(StrEnum):
    BREACH = "breach"
    POSSIBLE_BREACH = "possible_breach"
    NOT_COVERED = "not_covered"
    NEEDS_CLASSIFICATION = "needs_classification"


_ACUTE_APOSTROPHE = re.compile(r"(?<=\w)[\u00b4\u2018](?=s\b)")


def normalise_text(text: str) -> str:
    """Unicode NFC, unified newlines, no trailing spaces on lines, at most one blank line in a row.

    Character offsets of every span are defined on the text this returns.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    text = _ACUTE_APOSTROPHE.sub("\u2019", text)  # "Iran´s": an acute accent typed for an apostrophe
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return "\n".join(out).strip()


def document_id(text: str) -> str:
    """Content address of a document: the first 16 hex digits of SHA-256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Document:
    """A source text with its metadata; ``text`` is normalised and offsets refer to it."""

    id: str
    text: str
    source_path: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Document:
        clean = normalise_text(text)
        return cls(id=document_id(clean), text=clean, **fields)

    def header(self) -> dict[str, Any]:
        """The document block of the extraction contract."""
        return {
            "id": self.id,
            "source_path": self.source_path,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass(slots=True)
class Evidence:
    """The exact span of the stored text that supports a fact."""

    start: int
    end: int
    text: str
    document_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    """An actor or place named in a document; states carry an ISO 3166-1 alpha-2 ``country``."""

    id: str
    kind: EntityKind
    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": str(self.kind),
            "name": self.name,
            "country": self.country,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            **({"attributes": self.attributes} if self.attributes else {}),
        }


@dataclass(slots=True)
class Item:
    text: str
    category: ItemCategory = ItemCategory.UNSPECIFIED
    quantity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "category": str(self.category), "quantity": self.quantity}


@dataclass(slots=True)
class TimeSpan:
    start: date | None = None
    end: date | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "text": self.text,
        }


@dataclass(slots=True)
class Event:
    """A fact found in a document. ``roles`` holds the type-specific fields of the contract.

    arms_transfer roles: supplier, recipient (entity ids), items, consideration, brokers,
    declared_destinations, use. designation roles: authority, target, basis, reason.
    denial roles: party, subject (event id).
    """

    id: str
    type: EventType
    evidence: list[Evidence] = field(default_factory=list)
    status: TransferStatus | None = None
    when: TimeSpan | None = None
    asserted_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    roles: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": str(self.type)}
        out.update(_plain(self.roles))
        if self.type == EventType.ARMS_TRANSFER or self.status is not None:
            out["status"] = str(self.status) if self.status else None
        if self.when is not None or self.type == EventType.ARMS_TRANSFER:
            out["when"] = self.when.to_dict() if self.when is not None else None
        out["asserted_by"] = list(self.asserted_by)
        out["denied_by"] = list(self.denied_by)
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return str(value)
    return value


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document": self.document.header(),
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
        }
        if self.skipped:
            out["skipped"] = self.skipped
        return out
