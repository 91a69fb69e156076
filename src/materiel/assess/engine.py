"""The verdict engine: every fact of an extraction against every loaded rule.

A rule is considered for a fact when it names the fact's conduct, its target is the party on the
right side (``to``: the receiving party's country; ``from``: the giving party's; ``both``:
either), and it binds someone involved (EU and US rules need a party of that jurisdiction). Then:

- the event's dates against the rule's window: entirely before or after gives ``not_covered``
  (with the reason); overlapping a boundary or unknown leaves the date as a missing fact;
- the items against the rule's item classes: covered, covered on a further fact (missing), in
  need of classification (``needs_classification``), or outside (the rule is not reported);
- how far the transfer got: an attempt counts only for rules that reach attempts;
- facts the rule needs that reporting rarely states (``requires``).

No missing fact gives ``breach``; otherwise ``possible_breach``. A fact no rule reaches gets one
``not_covered`` finding without a rule. Confidence is the claim's, from its status, attribution
and denials; a denied claim's findings are marked ``contested``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from materiel.assess.facts import Fact, FactKind, Party, facts_of
from materiel.assess.packs import RuleBook
from materiel.assess.records import Finding
from materiel.assess.schema import Binds, Conduct, Direction, Rule, RuleStatus, Settings
from materiel.model import Verdict

COVERED, CONDITIONAL, UNCLASSIFIED, OUTSIDE = range(4)
DONE = {"delivered", "alleged"}
NOT_YET = {"sought", "planned"}


def _targets(rule: Rule, party: Party | None) -> bool:
    if party is None or party.country is None:
        return False
    return "*" in rule.target or party.country in rule.target


def applies_to_parties(rule: Rule, fact: Fact, settings: Settings) -> bool:
    """Conduct, direction/target and who the rule binds."""
    if not (set(rule.conduct) & fact.conduct):
        return False
    to_ok = _targets(rule, fact.dest)
    from_ok = _targets(rule, fact.source)
    if rule.direction == Direction.TO and not to_ok:
        return False
    if rule.direction == Direction.FROM and not from_ok:
        return False
    if rule.direction == Direction.BOTH and not (to_ok or from_ok):
        return False
    if rule.binds in (Binds.ALL_STATES, Binds.ANY_PERSON):
        return True
    reach = set(settings.jurisdictions.get(rule.binds, []))
    return any(p.country in reach for p in fact.actors)


def items_outcome(rule: Rule, fact: Fact, book: RuleBook) -> tuple[int, str | None]:
    """The best coverage of any of the fact's items by any of the rule's classes, with the fact it needs."""
    best: tuple[int, str | None] = (OUTSIDE, None)
    for class_id in rule.items:
        cls = book.classes[class_id]
        for text, category in fact.items or [("", "unspecified")]:
            if category in cls.covers:
                return (COVERED, None)
            if category in cls.conditional and best[0] > CONDITIONAL:
                best = (CONDITIONAL, f"{cls.conditional[category]} ({text or category})")
            elif category in cls.unclassified and best[0] > UNCLASSIFIED:
                best = (UNCLASSIFIED, f"item category ({text or category}): {cls.title}?")
    return best


def event_span(fact: Fact, settings: Settings) -> tuple[date | None, date | None, bool]:
    """(start, end, assumed): the stated dates, else the lookback before publication, else unknown."""
    if fact.start or fact.end:
        start = fact.start or fact.end
        return start, fact.end or start, False
    if fact.published is not None:
        return fact.published - timedelta(days=settings.undated_lookback_days), fact.published, True
    return None, None, False


def window_of(rule: Rule, start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return "unknown"
    if end < rule.valid_from:
        return "before"
    if rule.valid_to is not None and start >= rule.valid_to:
        return "after"
    if start >= rule.valid_from and (rule.valid_to is None or end < rule.valid_to):
        return "inside"
    return "overlaps"


def confidence_of(fact: Fact, settings: Settings, assumed: bool) -> float:
    w = settings.confidence
    score = w.status.get(fact.status or "unknown", w.status.get("unknown", 0.5))
    if fact.asserted_by:
        score += w.attributed
        if any(a.startswith(("state:", "org:")) for a in fact.asserted_by):
            score += w.official
    else:
        score += w.unattributed
    if fact.contested:
        score += w.denied
    if assumed:
        score += w.date_assumed
    return round(min(w.ceiling, max(w.floor, score)), 2)


def _status_missing(rule: Rule, fact: Fact) -> str | None:
    status = fact.status
    if status is None or status in DONE:
        return None
    if fact.kind == FactKind.BROKERING and status not in NOT_YET:
        return None  # the brokering itself took place even if the deal did not complete
    if Conduct.ATTEMPT in rule.conduct:
        return None
    return f"whether it took place (reported as {status})"


def judge(rule: Rule, regime: str, fact: Fact, book: RuleBook) -> Finding | None:
    """The finding of ``rule`` on ``fact``, or None when the rule does not reach it at all."""
    if not applies_to_parties(rule, fact, book.settings):
        return None
    rank, item_fact = items_outcome(rule, fact, book)
    if rank == OUTSIDE:
        return None
    start, end, assumed = event_span(fact, book.settings)
    window = window_of(rule, start, end)
    finding = Finding(
        event=fact.event_id,
        fact=str(fact.kind),
        subject=fact.subject,
        verdict=Verdict.NOT_COVERED,
        rule=rule.id,
        regime=regime,
        citation=rule.citation,
        effect=str(rule.effect),
        valid_from=rule.valid_from,
        valid_to=rule.valid_to,
        rule_status=str(rule.status),
        window=window,
        date_assumed=assumed,
        event_start=None if assumed else start,
        event_end=None if assumed else end,
        confidence=confidence_of(fact, book.settings, assumed),
        contested=fact.contested,
        verified=rule.verified,
        from_state=fact.source.country if fact.source else None,
        to_state=fact.dest.country if fact.dest else None,
    )
    if window in ("before", "after"):
        edge = rule.valid_from if window == "before" else rule.valid_to
        verb = "took effect" if window == "before" else "ceased to apply"
        assumption = "(date assumed) " if assumed else ""
        finding.note = f"the event {assumption}falls {window} the window: the provision {verb} on {edge}"
        return finding
    missing: list[str] = []
    if window == "unknown" or (window == "overlaps" and assumed):
        missing.append("date of the event")
    elif window == "overlaps":
        span = f"{rule.valid_from} to {rule.valid_to or 'now'}"
        missing.append(f"exact date (the provision's window, {span}, cuts the event's period)")
    if item_fact:
        missing.append(item_fact)
    status = _status_missing(rule, fact)
    if status:
        missing.append(status)
    missing.extend(rule.requires)
    finding.missing = missing
    if rank == UNCLASSIFIED:
        finding.verdict = Verdict.NEEDS_CLASSIFICATION
    else:
        finding.verdict = Verdict.POSSIBLE_BREACH if missing else Verdict.BREACH
    notes = []
    if rule.status == RuleStatus.CONTESTED:
        notes.append("the provision's validity is contested")
    if fact.contested:
        notes.append("the claim is denied; this verdict is conditional on it")
    if assumed:
        notes.append("the report gives no date; assumed within the lookback before publication")
    finding.note = "; ".join(notes) or None
    return finding


def assess_facts(facts: list[Fact], book: RuleBook, *, document: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for fact in facts:
        found = [f for rule, regime in book.rules if (f := judge(rule, regime, fact, book)) is not None]
        if not found:
            start, end, assumed = event_span(fact, book.settings)
            found = [
                Finding(
                    event=fact.event_id,
                    fact=str(fact.kind),
                    subject=fact.subject,
                    verdict=Verdict.NOT_COVERED,
                    event_start=None if assumed else start,
                    event_end=None if assumed else end,
                    date_assumed=assumed,
                    confidence=confidence_of(fact, book.settings, assumed),
                    contested=fact.contested,
                    from_state=fact.source.country if fact.source else None,
                    to_state=fact.dest.country if fact.dest else None,
                    note="no loaded rule reaches these parties, items and conduct",
                )
            ]
        for f in found:
            f.document = document
        findings.extend(found)
    return findings


def assess_extraction(extraction: Mapping[str, Any], book: RuleBook) -> list[Finding]:
    """Findings for every fact of one extraction in the contract's JSON shape."""
    doc_id = (extraction.get("document") or {}).get("id")
    return assess_facts(facts_of(extraction, book.goods), book, document=doc_id)


__all__ = [
    "applies_to_parties",
    "assess_extraction",
    "assess_facts",
    "confidence_of",
    "event_span",
    "items_outcome",
    "judge",
    "window_of",
]
