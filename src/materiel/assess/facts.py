"""The facts an assessment judges, read from an extraction in the contract's JSON shape.

Each arms transfer gives a ``transfer`` fact (supplier to recipient), a ``consideration`` fact when
something was given in return (flowing the other way), and a ``brokering`` fact per broker; each
military-support event gives a ``support`` fact. Parties are resolved to countries through the
extraction's entities (a state's code, an organisation's country, a person's nationality).
Nothing here reads document text: consideration goods are looked up by phrase in the item-class
data, the only place their kind is named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any

from materiel.assess.schema import Conduct
from materiel.model import EventType


class FactKind(StrEnum):
    TRANSFER = "transfer"
    CONSIDERATION = "consideration"
    BROKERING = "brokering"
    SUPPORT = "support"


CONDUCT: dict[FactKind, frozenset[Conduct]] = {
    FactKind.TRANSFER: frozenset({Conduct.SUPPLY, Conduct.PROCUREMENT}),
    FactKind.CONSIDERATION: frozenset({Conduct.SUPPLY, Conduct.PROCUREMENT}),
    FactKind.BROKERING: frozenset({Conduct.BROKERING}),
    FactKind.SUPPORT: frozenset({Conduct.TRAINING, Conduct.HOSTING_TRAINERS}),
}
"""The conduct each kind of fact amounts to; a rule applies when it names one of them."""


@dataclass(slots=True, frozen=True)
class Party:
    id: str
    name: str
    country: str | None


@dataclass(slots=True)
class Fact:
    """One thing that moved (or was to move) from ``source`` to ``dest``, with what is known of it."""

    event_id: str
    kind: FactKind
    source: Party | None
    dest: Party | None
    items: list[tuple[str, str]]  # (text, category or kind)
    status: str | None
    start: date | None = None
    end: date | None = None
    published: date | None = None
    actors: list[Party] = field(default_factory=list)  # whose jurisdiction brings EU/US rules in
    broker: Party | None = None
    asserted_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    contested: bool = False

    @property
    def conduct(self) -> frozenset[Conduct]:
        return CONDUCT[self.kind]

    @property
    def subject(self) -> str:
        src = self.source.name if self.source else "?"
        dst = self.dest.name if self.dest else "?"
        what = ", ".join(text for text, _ in self.items) or "unspecified"
        by = f" (broker: {self.broker.name})" if self.broker else ""
        return f"{src} -> {dst}: {what}{by}"


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _country(entity: Mapping[str, Any] | None, key: str) -> str | None:
    if entity is not None:
        country = entity.get("country") or (entity.get("attributes") or {}).get("nationality")
        if isinstance(country, str) and country:
            return country.upper()
    if key.startswith("state:") and len(key) == 8:
        return key[6:].upper()
    return None


class Parties:
    """Entity id -> party, with names and countries from the extraction's entities."""

    def __init__(self, entities: list[Mapping[str, Any]]) -> None:
        self._by_id = {str(e.get("id")): e for e in entities if e.get("id")}

    def get(self, key: Any) -> Party | None:
        if not isinstance(key, str) or not key:
            return None
        entity = self._by_id.get(key)
        name = str(entity.get("name") or key) if entity else key
        return Party(key, name, _country(entity, key))


@lru_cache(maxsize=8)
def _goods_pattern(goods: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[re.Pattern[str], str, int]]:
    pats = [
        (re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE), kind, len(phrase))
        for kind, phrases in goods
        for phrase in phrases
    ]
    return sorted(pats, key=lambda p: -p[2])


def goods_kind(item: Mapping[str, Any], goods: Mapping[str, list[str]]) -> str:
    """The kind of a consideration item: its own ``category`` if given, else the longest phrase found."""
    category = item.get("category")
    if isinstance(category, str) and category:
        return category
    text = str(item.get("text") or "")
    key = tuple((k, tuple(v)) for k, v in goods.items())
    for pattern, kind, _ in _goods_pattern(key):
        if pattern.search(text):
            return kind
    return "other_goods"


def _items(raw: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for item in raw or []:
        if isinstance(item, Mapping):
            category = item.get("category") or item.get("kind") or "unspecified"
            out.append((str(item.get("text") or ""), str(category)))
    return out


def facts_of(extraction: Mapping[str, Any], goods: Mapping[str, list[str]]) -> list[Fact]:
    """Every fact of an extraction (``Extraction.to_dict()`` or a line of ``extract --format jsonl``)."""
    parties = Parties(list(extraction.get("entities") or []))
    published = _date((extraction.get("document") or {}).get("published"))
    facts: list[Fact] = []
    for event in extraction.get("events") or []:
        kind = event.get("type")
        if kind not in (EventType.ARMS_TRANSFER, EventType.MILITARY_SUPPORT):
            continue
        when = event.get("when") or {}
        supplier, recipient = parties.get(event.get("supplier")), parties.get(event.get("recipient"))
        base: dict[str, Any] = {
            "event_id": str(event.get("id")),
            "status": event.get("status"),
            "start": _date(when.get("start")),
            "end": _date(when.get("end")),
            "published": published,
            "asserted_by": list(event.get("asserted_by") or []),
            "denied_by": list(event.get("denied_by") or []),
            "contested": bool(event.get("denied_by") or event.get("contested")),
        }
        both = [p for p in (supplier, recipient) if p is not None]
        if kind == EventType.MILITARY_SUPPORT:
            facts.append(
                Fact(
                    kind=FactKind.SUPPORT,
                    source=supplier,
                    dest=recipient,
                    items=_items(event.get("items")),
                    actors=both,
                    **base,
                )
            )
            continue
        items = _items(event.get("items"))
        facts.append(
            Fact(kind=FactKind.TRANSFER, source=supplier, dest=recipient, items=items, actors=both, **base)
        )
        paid = [
            (str(c.get("text") or ""), goods_kind(c, goods))
            for c in event.get("consideration") or []
            if isinstance(c, Mapping)
        ]
        if paid:
            facts.append(
                Fact(
                    kind=FactKind.CONSIDERATION,
                    source=recipient,
                    dest=supplier,
                    items=paid,
                    actors=both,
                    **base,
                )
            )
        for key in event.get("brokers") or []:
            broker = parties.get(key)
            if broker is not None:
                facts.append(
                    Fact(
                        kind=FactKind.BROKERING,
                        source=supplier,
                        dest=recipient,
                        items=items,
                        actors=[broker],
                        broker=broker,
                        **base,
                    )
                )
    return facts


__all__ = ["CONDUCT", "Fact", "FactKind", "Parties", "Party", "facts_of", "goods_kind"]
