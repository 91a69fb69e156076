"""Which transfer reports are the same transfer: clustering of reports between the same two actors.

Reports are taken in the order they were published (undated documents last). A report joins an
earlier event between the same supplier and recipient when nothing contradicts it and something
speaks for it; otherwise it starts an event of its own.

Contradictions (the report stays apart):
- it comes from a document that already reported that event (the extraction keeps one document's
  transfers apart on purpose: another status group, another category);
- item categories: both name specific categories and none is shared (``unspecified`` is compatible
  with everything; artillery and ammunition are read as related: reporting of "artillery" to
  Russia is mostly about shells);
- periods: reports of the same stage are both dated and their dates do not overlap; or a later stage
  (delivered) is dated before an earlier one (sought), or more than two years after it;
- status: reporting moves forward (sought → planned → attempted → agreed → delivered); a report
  published later than another must not have an earlier status (``alleged`` fits anywhere).

What speaks for a join (points): the same status (2), a shared category (2; a related one 1), a
shared broker (3), a shared consideration (1), overlapping dated periods (2). The event with the
most points wins when it has at least one and no other event has as many; a tie is ambiguous and
the report starts its own event (and says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from materiel.model import Event

RANK = {"sought": 0, "planned": 1, "attempted": 2, "agreed": 3, "delivered": 4}
"""How far a transfer got; ``alleged`` and no status have no rank."""
RELATED = {"artillery": {"ammunition"}, "ammunition": {"artillery"}}
MAX_GAP_DAYS = 730
"""A later stage (delivered after sought) dated more than this after the earlier is another transfer."""


@dataclass(slots=True)
class Report:
    """One event of one document, its actors resolved to graph entity ids."""

    key: str  # <document id>/<event id>
    document_id: str
    event: Event
    published: date | None
    supplier: str | None = None
    recipient: str | None = None
    status: str | None = None
    categories: set[str] = field(default_factory=set)  # specific ones only
    start: date | None = None
    end: date | None = None
    brokers: set[str] = field(default_factory=set)
    consideration: set[str] = field(default_factory=set)  # name keys

    @property
    def rank(self) -> int | None:
        return RANK.get(self.status or "")

    @property
    def order(self) -> tuple[date, str]:
        return (self.published or date.max, self.key)


@dataclass(slots=True)
class Cluster:
    """Reports found to be one transfer, and what they say together."""

    reports: list[Report] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    start: date | None = None
    end: date | None = None
    brokers: set[str] = field(default_factory=set)
    consideration: set[str] = field(default_factory=set)
    why: list[str] = field(default_factory=list)

    def add(self, r: Report) -> None:
        self.reports.append(r)
        self.documents.add(r.document_id)
        self.categories |= r.categories
        if r.status:
            self.statuses.add(r.status)
        if r.start is not None:
            self.start = min(self.start or r.start, r.start)
        if r.end is not None:
            self.end = max(self.end or r.end, r.end)
        self.brokers |= r.brokers
        self.consideration |= r.consideration


def _related(categories: set[str]) -> set[str]:
    out = set(categories)
    for c in categories:
        out |= RELATED.get(c, set())
    return out


def conflict(r: Report, cl: Cluster) -> str | None:
    """Why ``r`` cannot be the transfer ``cl`` (None when nothing contradicts it)."""
    if r.document_id in cl.documents:
        return "its document reports them as different transfers"
    if r.categories and cl.categories and not _related(r.categories) & cl.categories:
        return f"other categories ({', '.join(sorted(r.categories))} vs {', '.join(sorted(cl.categories))})"
    period = _period_conflict(r, cl)
    if period:
        return period
    if r.rank is not None and r.published is not None:
        for other in cl.reports:
            if other.rank is None or other.published is None:
                continue
            if (other.published < r.published and other.rank > r.rank) or (
                other.published > r.published and other.rank < r.rank
            ):
                return (
                    f"status would go back ({other.status} reported {other.published}, "
                    f"{r.status} {r.published})"
                )
    return None


def _same_stage(a: Report, b: Report) -> bool:
    return a.rank is None or b.rank is None or a.rank == b.rank


def _period_conflict(r: Report, cl: Cluster) -> str | None:
    """Dates of the same stage must overlap; a later stage may come later, not earlier, nor years on."""
    if r.start is None or r.end is None:
        return None
    same = [o for o in cl.reports if o.start and o.end and _same_stage(r, o)]
    if same:
        lo, hi = min(o.start for o in same if o.start), max(o.end for o in same if o.end)
        if r.start > hi or r.end < lo:
            return f"another period ({r.start}..{r.end} vs {lo}..{hi})"
    for o in cl.reports:
        if o.start is None or o.end is None or _same_stage(r, o):
            continue
        early, late = (o, r) if (o.rank or 0) < (r.rank or 0) else (r, o)
        if late.end and early.start and late.end < early.start:
            return f"{late.status} ({late.start}..{late.end}) dated before {early.status} ({early.start}..)"
        if late.start and early.end and (late.start - early.end).days > MAX_GAP_DAYS:
            return f"{late.status} more than {MAX_GAP_DAYS // 365} years after {early.status}"
    return None


def points(r: Report, cl: Cluster) -> tuple[int, list[str]]:
    """How much speaks for ``r`` being ``cl``, and what."""
    score, said = 0, []
    if r.status in cl.statuses and r.rank is not None:
        score += 2
        said.append(f"same status {r.status}")
    shared = r.categories & cl.categories
    if shared:
        score += 2
        said.append(f"same category {', '.join(sorted(shared))}")
    elif r.categories and _related(r.categories) & cl.categories:
        score += 1
        said.append("related categories")
    if r.brokers & cl.brokers:
        score += 3
        said.append(f"same broker {', '.join(sorted(r.brokers & cl.brokers))}")
    if r.consideration & cl.consideration:
        score += 1
        said.append("same consideration")
    if r.start and any(o.start and _same_stage(r, o) for o in cl.reports):
        score += 2
        said.append("overlapping dates")
    return score, said


def cluster_reports(reports: list[Report]) -> list[Cluster]:
    """Cluster the reports of one (type, supplier, recipient) group, in reporting order."""
    clusters: list[Cluster] = []
    for r in sorted(reports, key=lambda x: x.order):
        scored: list[tuple[int, int, list[str]]] = []
        apart: list[str] = []
        for i, cl in enumerate(clusters):
            reason = conflict(r, cl)
            if reason is None:
                score, said = points(r, cl)
                scored.append((score, i, said))
            elif len(apart) < 3:
                apart.append(f"kept apart from the report {cl.reports[0].key}: {reason}")
        scored.sort(key=lambda s: (-s[0], s[1]))
        if scored and scored[0][0] >= 1 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            _, i, said = scored[0]
            clusters[i].add(r)
            clusters[i].why.append(f"{r.key} joined: {', '.join(said)}")
            continue
        cl = Cluster()
        cl.add(r)
        cl.why.append(f"{r.key} first reported it")
        tied = [s for s in scored if scored[0][0] >= 1 and s[0] == scored[0][0]]
        if len(tied) > 1:
            cl.why.append(f"{r.key} could be any of {len(tied)} reported transfers: kept on its own")
        elif scored:
            cl.why.append(f"{r.key} fits {len(scored)} reported transfer(s) but nothing links it to one")
        cl.why.extend(apart)
        clusters.append(cl)
    return clusters


__all__ = ["RANK", "RELATED", "Cluster", "Report", "cluster_reports", "conflict", "points"]
