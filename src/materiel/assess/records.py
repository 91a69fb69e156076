"""What an assessment returns: findings (a verdict per fact and rule) and designation checks."""

from __future__ import annotations

import builtins
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from materiel.model import Verdict


@dataclass(slots=True)
class Finding:
    """The verdict of one rule on one fact, with the window check, missing facts and confidence.

    ``window`` says where the event's dates fall against the rule's validity: ``inside``,
    ``before``, ``after``, ``overlaps`` (the rule started or ended during the event's period) or
    ``unknown``; ``date_assumed`` marks an undated event placed before its report's publication.
    ``contested``: the claim is denied by a party, so the verdict is never a statement of fact.
    """

    event: str
    fact: str  # transfer, consideration, brokering, support
    subject: str
    verdict: Verdict
    rule: str | None = None
    regime: str | None = None
    citation: str | None = None
    effect: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    rule_status: str | None = None
    window: str | None = None
    date_assumed: bool = False
    event_start: date | None = None
    event_end: date | None = None
    missing: list[str] = field(default_factory=list)
    confidence: float = 0.0
    contested: bool = False
    verified: bool | None = None
    from_state: str | None = None
    to_state: str | None = None
    note: str | None = None
    document: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["verdict"] = str(self.verdict)
        for key in ("valid_from", "valid_to", "event_start", "event_end"):
            value = out[key]
            out[key] = value.isoformat() if isinstance(value, date) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        fields = dict(data)
        fields["verdict"] = Verdict(fields["verdict"])
        for key in ("valid_from", "valid_to", "event_start", "event_end"):
            value = fields.get(key)
            fields[key] = date.fromisoformat(value) if isinstance(value, str) else value
        return cls(**{k: v for k, v in fields.items() if k in cls.__dataclass_fields__})


@dataclass(slots=True)
class ListedEntry:
    list: str
    id: str
    name: str
    programs: builtins.list[str] = field(default_factory=builtins.list)
    listed_on: str | None = None
    authorities: builtins.list[str] = field(default_factory=builtins.list)


@dataclass(slots=True)
class DesignationCheck:
    """A designation found in text, looked up in the loaded lists (``listed`` None: no lists loaded)."""

    event: str
    target: str
    name: str
    authority: str | None = None
    basis: str | None = None
    listed: bool | None = None
    entries: list[ListedEntry] = field(default_factory=list)
    document: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DesignationCheck:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        fields["entries"] = [ListedEntry(**e) for e in fields.get("entries") or []]
        return cls(**fields)


@dataclass(slots=True)
class DocumentAssessment:
    """The findings and designation checks of one document (its contract ``document`` block echoed)."""

    document: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    designations: list[DesignationCheck] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document": self.document, "findings": [f.to_dict() for f in self.findings]}
        if self.designations:
            out["designations"] = [d.to_dict() for d in self.designations]
        return out


__all__ = ["DesignationCheck", "DocumentAssessment", "Finding", "ListedEntry"]
