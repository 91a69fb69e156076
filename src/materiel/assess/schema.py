"""The rule-pack schema: what a pack file must hold, validated by pydantic at load.

A pack is one YAML file per regime (``data/packs/*.yaml``, or a user's file given with
``--rules``)::

    pack: un-dprk                       # id, unique among loaded packs
    title: UN Security Council measures on the DPRK
    version: "2025-06-01"
    item_classes: {...}                 # optional: classes this pack adds (same shape as item_classes.yaml)
    rules:
      - id: un-1718-8a-i
        authority: UN Security Council
        instrument: UNSCR 1718 (2006)
        provision: para 8(a)(i)
        ...

``valid_to`` is the first day the provision no longer applied ("until 18 October 2023" gives
``valid_to: 2023-10-18``); a provision still in force has none.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
Country = Annotated[str, StringConstraints(pattern=r"^([A-Z]{2}|\*)$")]


class Direction(StrEnum):
    TO = "to"  # goods or services going to the target
    FROM = "from"  # coming from the target
    BOTH = "both"


class Conduct(StrEnum):
    SUPPLY = "supply"  # supply, sale, transfer, export
    PROCUREMENT = "procurement"  # procurement, purchase, import
    BROKERING = "brokering"
    FINANCING = "financing"
    TRAINING = "training"  # technical training, advice, services, assistance
    HOSTING_TRAINERS = "hosting_trainers"
    ATTEMPT = "attempt"  # the provision also reaches attempts (sought, planned, attempted, agreed)


class Binds(StrEnum):
    ALL_STATES = "all_states"  # a UN Chapter VII decision
    US_PERSONS = "us_persons"
    EU_PERSONS = "eu_persons"  # EU nationals, persons and territory
    ANY_PERSON = "any_person"  # a designation criterion that can reach anyone


class Effect(StrEnum):
    PROHIBITION = "prohibition"  # the conduct is prohibited to those bound
    DESIGNATION_CRITERION = "designation_criterion"  # the conduct makes a person liable to designation


class RuleStatus(StrEnum):
    IN_FORCE = "in_force"
    LAPSED = "lapsed"
    CONTESTED = "contested"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(_Strict):
    """One provision of one instrument, in the pack author's own words."""

    id: RuleId
    authority: str = Field(min_length=1)
    instrument: str = Field(min_length=1)
    provision: str = Field(min_length=1, description="paragraph or article, e.g. 'para 8(a)(i)', 'Art. 2(1)'")
    summary: str = Field(min_length=10, max_length=600)
    source: str = Field(pattern=r"^https?://")
    direction: Direction
    target: list[Country] = Field(min_length=1)
    items: list[str] = Field(min_length=1, description="item class ids")
    conduct: list[Conduct] = Field(min_length=1)
    binds: Binds
    effect: Effect = Effect.PROHIBITION
    exemptions: list[str] = Field(default_factory=list)
    requires: list[str] = Field(
        default_factory=list, description="facts the provision needs that reporting rarely states"
    )
    valid_from: date
    valid_to: date | None = None
    status: RuleStatus
    verified: bool = True
    note: str | None = None
    related: list[str] = Field(default_factory=list, description="implementing or related instruments")

    @model_validator(mode="after")
    def _window(self) -> Rule:
        if self.valid_to is not None and self.valid_to <= self.valid_from:
            raise ValueError("valid_to must be after valid_from")
        if self.status == RuleStatus.LAPSED and self.valid_to is None:
            raise ValueError("a lapsed rule needs valid_to")
        if not self.verified and not self.note:
            raise ValueError("an unverified rule needs a note saying what could not be checked")
        return self

    @property
    def citation(self) -> str:
        return f"{self.instrument}, {self.provision}"


class ItemClass(_Strict):
    """Which categories a class covers: certainly, on a further fact, or only once classified."""

    title: str = Field(min_length=1)
    covers: list[str] = Field(default_factory=list)
    conditional: dict[str, str] = Field(
        default_factory=dict, description="category -> the fact that decides whether it is covered"
    )
    unclassified: list[str] = Field(default_factory=list)
    source: str | None = None


class Pack(_Strict):
    pack: RuleId
    title: str = Field(min_length=1)
    version: str = Field(min_length=1)
    item_classes: dict[str, ItemClass] = Field(default_factory=dict)
    rules: list[Rule] = Field(min_length=1)


class ItemClassFile(_Strict):
    version: str
    classes: dict[str, ItemClass]
    goods: dict[str, list[str]] = Field(
        default_factory=dict, description="goods kind -> phrases naming it (for consideration)"
    )


class ConfidenceWeights(_Strict):
    status: dict[str, float]
    attributed: float
    official: float
    unattributed: float
    denied: float
    date_assumed: float
    floor: float = 0.05
    ceiling: float = 0.95


class Settings(_Strict):
    """``data/assess.yaml``: jurisdictions, the undated-event assumption and confidence weights."""

    version: str
    jurisdictions: dict[Binds, list[str]]
    undated_lookback_days: int = Field(ge=0)
    confidence: ConfidenceWeights


__all__ = [
    "Binds",
    "Conduct",
    "ConfidenceWeights",
    "Direction",
    "Effect",
    "ItemClass",
    "ItemClassFile",
    "Pack",
    "Rule",
    "RuleStatus",
    "Settings",
]
