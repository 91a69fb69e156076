"""Records of the screening stage: listed entries (FollowTheMoney-shaped) and screening queries.

A list reader turns each entry of an official list into a :class:`ListedEntity` (schema Person,
Organization, Vessel or Airplane, with its names and qualifiers) carrying one :class:`Sanction` per
listing. The matcher compares a :class:`Query` with listed entities and explains its score.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Any

SCHEMAS = ("Person", "Organization", "Vessel", "Airplane", "LegalEntity")
DEFAULT_THRESHOLD = 0.8  # a score at or above it is a match; below it, down to a floor, a near miss


@dataclass(slots=True)
class Sanction:
    """One listing of an entity: who listed it, under which program, when and why."""

    authority: str  # "US OFAC", "UN Security Council", "EU", "UK"
    program: str | None = None  # "DPRK3", "IRAN-EO13382", "KPi"
    listed_on: str | None = None  # ISO date (or year) as the list gives it
    reason: str | None = None
    source_id: str | None = None  # the entry's reference on the list


@dataclass(slots=True)
class ListedEntity:
    """An entry of a sanctions list, shaped like a FollowTheMoney entity."""

    id: str  # stable: "<list>:<entry reference>", e.g. "ofac-sdn:41736"
    list: str  # list key: "ofac-sdn", "un-sc", "eu-fsf", "uk-sanctions", or a dataset name
    schema: str  # one of SCHEMAS
    name: str  # the primary name as listed
    aliases: builtins.list[str] = field(default_factory=builtins.list)  # a.k.a., f.k.a., other scripts
    weak_aliases: builtins.list[str] = field(default_factory=builtins.list)  # "low quality" a.k.a.s
    birth_dates: builtins.list[str] = field(default_factory=builtins.list)  # "1966-05-07", "1966"
    birth_places: builtins.list[str] = field(default_factory=builtins.list)
    countries: builtins.list[str] = field(
        default_factory=builtins.list
    )  # ISO alpha-2: nationality, citizenship, seat
    gender: str | None = None
    identifiers: dict[str, builtins.list[str]] = field(
        default_factory=dict
    )  # "passport": [...], "imo": [...]
    addresses: builtins.list[str] = field(default_factory=builtins.list)
    linked_to: builtins.list[str] = field(default_factory=builtins.list)  # names of linked entries
    sanctions: builtins.list[Sanction] = field(default_factory=builtins.list)
    properties: dict[str, Any] = field(default_factory=dict)  # anything else the list says

    @property
    def programs(self) -> builtins.list[str]:
        return sorted({s.program for s in self.sanctions if s.program})

    @property
    def all_names(self) -> builtins.list[str]:
        return [self.name, *self.aliases]


@dataclass(slots=True)
class Query:
    """A name to screen, with what the user knows about it."""

    name: str
    schema: str = "Person"
    id: str | None = None
    birth_date: str | None = None  # year or ISO date
    country: str | None = None  # ISO alpha-2 (or a name, normalised by the reader)
    gender: str | None = None
    identifiers: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Feature:
    """One reason in a score's explanation."""

    feature: str
    score: float
    detail: str


@dataclass(slots=True)
class Match:
    entity: ListedEntity
    score: float
    match: bool
    explanation: list[Feature] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "list": self.entity.list,
            "list_id": self.entity.id,
            "schema": self.entity.schema,
            "name": self.entity.name,
            "score": round(self.score, 4),
            "match": self.match,
            "programs": self.entity.programs,
            "explanation": [
                {"feature": f.feature, "score": round(f.score, 4), "detail": f.detail}
                for f in self.explanation
            ],
        }
