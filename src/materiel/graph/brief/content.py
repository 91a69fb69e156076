"""What the brief says: cited sentences, key judgements with confidence, tables and the source list.

Every sentence that states a fact is a :class:`Cited` with the numbers of its sources; the
numbers index :class:`Sources`, which numbers documents (and list entries, for screening matches)
in the order the brief first cites them.

Confidence in a reported fact (:func:`confidence`): one document reporting it gives 0 points, two
give 1, three or more 2; two or more publishers add 1; a denial by a party (contested) takes 1
away, and so does the status ``alleged`` (the reports themselves hedge). 3 points or more is
high, 1 or 2 moderate, 0 or less low. The legal reading of a fact (the rule engine's verdicts) is
never more confident than the fact, and is capped at moderate for a possible breach and at low
where the engine needs the items classified (:func:`legal_confidence`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from materiel.graph.exports import common
from materiel.graph.records import GraphEvent, Picture

LEVELS = ("low", "moderate", "high")
VERDICT_CAP = {"breach": "high", "possible_breach": "moderate", "needs_classification": "low"}
VERDICT_WORDS = {
    "breach": "a breach",
    "possible_breach": "a possible breach",
    "needs_classification": "covered only if the items fall in a listed class (needs classification)",
}
CONFIDENCE_RULE = (
    "Confidence in a reported fact: one document reporting it gives 0 points, two give 1, three or "
    "more 2; reports from two or more publishers add 1; a denial by a party (contested) takes 1 away, "
    "and so does the status 'alleged'. 3 points or more is high, 1 or 2 moderate, 0 or less low. The "
    "legal reading (materiel's rule engine) is never more confident than the fact, and is capped at "
    "moderate for a possible breach and at low where the items still need classifying."
)


@dataclass(slots=True)
class Cited:
    text: str
    cites: list[int] = field(default_factory=list)


@dataclass(slots=True)
class SourceEntry:
    n: int
    kind: str  # document or list
    key: str
    title: str
    publisher: str = ""
    published: str = ""
    url: str = ""
    quotes: list[str] = field(default_factory=list)


class Sources:
    """The numbered source list, filled in the order the brief cites."""

    MAX_QUOTES = 3

    def __init__(self, picture: Picture) -> None:
        self.picture = picture
        self.entries: dict[str, SourceEntry] = {}

    def _entry(self, key: str, make: Any) -> SourceEntry:
        if key not in self.entries:
            entry: SourceEntry = make(len(self.entries) + 1)
            self.entries[key] = entry
        return self.entries[key]

    def event(self, event: GraphEvent, stance: str | None = None) -> list[int]:
        """Cite the documents that report an event (only those of one stance when given)."""
        numbers: list[int] = []
        for source in event.sources:
            if stance and source.stance != stance:
                continue
            header = common.document_header(self.picture, source.document_id, source)

            def make(n: int, header: dict[str, Any] = header) -> SourceEntry:
                return SourceEntry(
                    n,
                    "document",
                    str(header["id"]),
                    str(header.get("title") or "(untitled)"),
                    str(header.get("publisher") or ""),
                    str(header.get("published") or ""),
                    str(header.get("url") or ""),
                )

            entry = self._entry(f"doc:{source.document_id}", make)
            quote = " ".join(source.evidence.split())
            if quote and quote not in entry.quotes and len(entry.quotes) < self.MAX_QUOTES:
                entry.quotes.append(quote)
            if entry.n not in numbers:
                numbers.append(entry.n)
        return sorted(numbers)

    def list_entry(self, match: dict[str, Any]) -> int:
        key = f"list:{match.get('list')}:{match.get('list_id')}"
        programs = ", ".join(str(p) for p in match.get("programs") or [])

        def make(n: int) -> SourceEntry:
            title = f"{match.get('list', 'list')} entry {match.get('list_id', '?')}: {match.get('name', '')}"
            return SourceEntry(n, "list", key, title, f"programmes: {programs}" if programs else "")

        return self._entry(key, make).n

    def ordered(self) -> list[SourceEntry]:
        return sorted(self.entries.values(), key=lambda e: e.n)


def points(event: GraphEvent) -> int:
    docs = len(common.asserting_documents(event))
    score = max(min(docs, 3) - 1, 0)
    score += 1 if len(event.publishers) >= 2 else 0
    score -= 1 if event.contested else 0
    score -= 1 if event.status == "alleged" else 0
    return score


def confidence(event: GraphEvent) -> str:
    score = points(event)
    return "high" if score >= 3 else "moderate" if score >= 1 else "low"


def legal_confidence(event: GraphEvent) -> str | None:
    verdict = common.worst_verdict(event)
    cap = VERDICT_CAP.get(verdict or "")
    if cap is None:
        return None
    return min(confidence(event), cap, key=LEVELS.index)


def day(value: date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def period(event: GraphEvent) -> str:
    if event.start is None:
        return ""
    if event.end is None or event.end == event.start:
        return day(event.start)
    return f"{day(event.start)} – {day(event.end)}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1] if words else ""


def transfer_clause(picture: Picture, event: GraphEvent) -> str:
    s, r = picture.name(event.supplier), picture.name(event.recipient)
    items = common.items_with_quantities(event)
    verbs = {
        "delivered": f"{s} delivered {items} to {r}",
        "attempted": f"{s} attempted to supply {items} to {r}",
        "agreed": f"{s} agreed to supply {items} to {r}",
        "planned": f"{s} planned to supply {items} to {r}",
        "sought": f"{r} sought {items} from {s}",
        "alleged": f"{s} is alleged to have supplied {items} to {r}",
    }
    if event.type == "military_support":
        clause = f"{s} gave military support ({items}) to {r}"
    else:
        clause = verbs.get(event.status or "", f"{s} supplied {items} to {r} (the reports give no status)")
    when = period(event)
    if when:
        clause += f", {'on' if event.start == (event.end or event.start) else 'in the period'} {when}"
    if event.brokers:
        clause += f", brokered by {_join([picture.name(b) for b in event.brokers])}"
    consideration = common.consideration(event)
    if consideration:
        clause += f", in exchange for {_join(consideration)}"
    return clause + "."


def reporting_sentence(event: GraphEvent) -> str:
    docs = len(common.asserting_documents(event))
    pubs = len(event.publishers)
    text = f"Reported by {docs} document{'s' if docs != 1 else ''}"
    if pubs:
        text += f" from {pubs} publisher{'s' if pubs != 1 else ''}"
    first, last = event.first_reported, event.last_reported
    if first and last and first != last:
        text += f", first on {day(first)} and last on {day(last)}"
    elif first:
        text += f", on {day(first)}"
    return text + "."


def denial_sentence(picture: Picture, event: GraphEvent, sources: Sources) -> Cited | None:
    if not event.contested:
        return None
    deniers = _join([picture.name(d) for d in event.denied_by]) or "A party"
    cites = sources.event(event, "denies")
    for other in picture.events:
        if other.type == "denial" and common.denial_subject(picture, other) is event:
            cites = sorted(set(cites) | set(sources.event(other)))
    return Cited(f"{deniers} denied it.", cites or sources.event(event))


def legal_sentence(event: GraphEvent, sources: Sources) -> Cited | None:
    verdict = common.worst_verdict(event)
    if verdict not in VERDICT_WORDS:
        return None
    citations = common.unique(
        str(f.get("citation") or f.get("rule") or "") for f in event.findings if f.get("verdict") == verdict
    )
    where = f" of {_join(citations)}" if citations else ""
    return Cited(
        f"If the reports are right, this is {VERDICT_WORDS[verdict]}{where}.", sources.event(event, "asserts")
    )


def designation_sentence(picture: Picture, event: GraphEvent) -> str:
    authority = common.designation_authority(event) or "An authority"
    state = common.designation_authority_entity(picture, event)
    who = picture.name(state) if state else authority
    target = picture.name(common.designation_target(event))
    when = common.designation_date(event)
    text = f"{who} designated {target}"
    if when:
        text += f" on {day(when)}"
    basis = common.role_values(event, "basis")
    if basis:
        text += f" under {_join(basis)}"
    reasons = common.role_values(event, "reason")
    if reasons:
        text += f", for {reasons[0]}"
    return text + "."


def list_sentences(picture: Picture, entity_id: str | None, sources: Sources) -> list[Cited]:
    entity = picture.entities.get(entity_id or "")
    if entity is None:
        return []
    out = []
    for match in entity.list_matches:
        if match.get("match") is False:
            continue
        n = sources.list_entry(match)
        score = match.get("score")
        how = f" (screening score {score})" if score is not None else ""
        out.append(
            Cited(
                f"{entity.name} matches the list entry {match.get('name') or ''}{how}.".replace("  ", " "),
                [n],
            )
        )
    return out
