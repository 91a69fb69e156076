"""Merging the events of all documents into the events of the picture.

- Transfers (and military support) between the same supplier and recipient are clustered by
  ``materiel.graph.merge``; the merged event keeps every report as a source, the most advanced
  status (the history in ``roles["status_history"]``), the union of items, categories, brokers and
  consideration, and the span of the dates the reports give.
- Denials are linked to the transfer they contest: their ``subject`` when the extraction gives one,
  otherwise the transfers of the same document that involve the denying party. The transfer gets
  the party in ``denied_by`` and the denial as a source with stance ``denies``; each denial is also
  an event of its own (``roles``: party, subject = the contested event's id).
- Designations merge by (authority, target); accusations by (accusers, accused, subject).

``roles`` of merged events: arms_transfer/military_support: status_history [{status, document,
published}], declared_destinations, use, reports; designation: authority (code), authority_entity,
target, basis, reason, dates [{date, reports}]; denial: party, subject; accusation: accusers,
accused, claim, subject.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from materiel.graph.merge import RANK, Cluster, Report, cluster_reports
from materiel.graph.names import fold, name_key, short_hash
from materiel.graph.records import GraphEvent, SourceRef
from materiel.model import Event, EventType, Extraction

Ref = Callable[[str, Any], str | None]
"""``ref(document id, value)``: the graph entity id an event role names (or the value as written)."""

FLOWS = (EventType.ARMS_TRANSFER, EventType.MILITARY_SUPPORT)
PREFIX = {
    EventType.ARMS_TRANSFER: "transfer",
    EventType.MILITARY_SUPPORT: "support",
    EventType.DESIGNATION: "designation",
    EventType.DENIAL: "denial",
    EventType.ACCUSATION: "accusation",
}


def _span(event: Event) -> tuple[date | None, date | None]:
    if event.when is None:
        return None, None
    start, end = event.when.start, event.when.end
    return start or end, end or start


def _items(event: Event) -> list[dict[str, Any]]:
    out = []
    for item in event.roles.get("items") or []:
        if hasattr(item, "to_dict"):
            out.append(item.to_dict())
        elif isinstance(item, dict):
            out.append(dict(item))
    return out


def sources(report: Report, header: dict[str, Any], ref: Ref, stance: str = "asserts") -> list[SourceRef]:
    """One source per evidence span of the report (one with no sentence when it has none)."""
    published = header.get("published")
    asserted = [r for r in (ref(report.document_id, a) for a in report.event.asserted_by) if r]

    def one(text: str, start: int, end: int) -> SourceRef:
        return SourceRef(
            document_id=report.document_id,
            event_id=report.event.id,
            evidence=text,
            start=start,
            end=end,
            publisher=header.get("publisher"),
            published=date.fromisoformat(published) if isinstance(published, str) else published,
            title=header.get("title"),
            url=header.get("url"),
            asserted_by=list(asserted),
            stance=stance,
        )

    spans = report.event.evidence or []
    if not spans:
        return [one("", 0, 0)]
    return [one(e.text, e.start, e.end) for e in spans]


def report_key(doc_id: str, event_id: str) -> str:
    """A report's key: its event id when that names the document (``<document id>:t1``)."""
    return event_id if event_id.startswith(f"{doc_id}:") else f"{doc_id}/{event_id}"


def make_report(doc_id: str, published: date | None, event: Event, ref: Ref) -> Report:
    roles = event.roles
    start, end = _span(event)
    items = _items(event)
    return Report(
        key=report_key(doc_id, event.id),
        document_id=doc_id,
        event=event,
        published=published,
        supplier=ref(doc_id, roles.get("supplier")),
        recipient=ref(doc_id, roles.get("recipient")),
        status=str(event.status) if event.status else None,
        categories={str(i.get("category")) for i in items if i.get("category") not in (None, "unspecified")},
        start=start,
        end=end,
        brokers={b for b in (ref(doc_id, x) for x in roles.get("brokers") or []) if b},
        consideration={name_key(str(c.get("text", c))) for c in roles.get("consideration") or []} - {""},
    )


class EventBuilder:
    """Collects the reports of all documents, then builds the merged events."""

    def __init__(
        self, ref: Ref, headers: dict[str, dict[str, Any]], authority: Callable[[str], str | None]
    ) -> None:
        self.ref = ref
        self.authority = authority
        self.headers = headers
        self.flows: dict[tuple[str, str | None, str | None], list[Report]] = defaultdict(list)
        self.denials: list[Report] = []
        self.designations: dict[tuple[str, str | None], list[Report]] = defaultdict(list)
        self.accusations: list[Report] = []
        self.by_report: dict[str, GraphEvent] = {}
        self.flows_of: dict[str, list[GraphEvent]] = defaultdict(list)  # document id -> its flows

    def add(self, extraction: Extraction) -> None:
        doc = extraction.document
        for event in extraction.events:
            if event.negated or event.hypothetical:
                continue
            r = make_report(doc.id, doc.published, event, self.ref)
            if event.type in FLOWS:
                self.flows[(str(event.type), r.supplier, r.recipient)].append(r)
            elif event.type == EventType.DENIAL:
                self.denials.append(r)
            elif event.type == EventType.DESIGNATION:
                authority = str(event.roles.get("authority") or "?").upper()
                self.designations[(authority, self.ref(doc.id, event.roles.get("target")))].append(r)
            elif event.type == EventType.ACCUSATION:
                self.accusations.append(r)

    def build(self) -> list[GraphEvent]:
        events: list[GraphEvent] = []
        for (kind, _s, _r), reports in sorted(self.flows.items(), key=lambda kv: str(kv[0])):
            for cl in cluster_reports(reports):
                events.append(self._flow(EventType(kind), cl))
        for (authority, target), reports in sorted(self.designations.items(), key=lambda kv: str(kv[0])):
            events.append(self._designation(authority, target, reports))
        events.extend(self._denials())
        events.extend(self._accusations())
        events.sort(key=lambda e: (e.start or e.first_reported or date.max, e.id))
        return events

    def _register(self, event: GraphEvent, reports: Iterable[Report]) -> None:
        for r in reports:
            self.by_report[r.key] = event
            if event.type in {str(t) for t in FLOWS} and event not in self.flows_of[r.document_id]:
                self.flows_of[r.document_id].append(event)

    def _sources(self, reports: Iterable[Report], stance: str = "asserts") -> list[SourceRef]:
        return [s for r in reports for s in sources(r, self.headers.get(r.document_id, {}), self.ref, stance)]

    def _flow(self, kind: EventType, cl: Cluster) -> GraphEvent:
        first = cl.reports[0]
        reports = sorted(cl.reports, key=lambda r: r.order)
        ranked = [r for r in reports if r.rank is not None]
        status = max(ranked, key=lambda r: r.rank or 0).status if ranked else first.status
        items: dict[tuple[str, str], dict[str, Any]] = {}
        consideration: dict[str, str] = {}
        destinations: list[str] = []
        uses: list[str] = []
        denied: list[str] = []
        for r in reports:
            for item in _items(r.event):
                key = (fold(str(item.get("text", ""))), str(item.get("category") or item.get("kind") or ""))
                if key not in items or (item.get("quantity") and not items[key].get("quantity")):
                    items[key] = item
            for c in r.event.roles.get("consideration") or []:
                text = str(c.get("text", c)) if isinstance(c, dict) else str(c)
                consideration.setdefault(name_key(text) or text, text)
            for d in r.event.roles.get("declared_destinations") or []:
                dest = self.ref(r.document_id, d)
                if dest and dest not in destinations:
                    destinations.append(dest)
            use = r.event.roles.get("use")
            if use and use not in uses:
                uses.append(str(use))
            for d in r.event.denied_by:
                party = self.ref(r.document_id, d)
                if party and party not in denied:
                    denied.append(party)
        event = GraphEvent(
            id=f"{PREFIX[kind]}:{short_hash(first.key)}",
            type=str(kind),
            status=status,
            supplier=first.supplier,
            recipient=first.recipient,
            items=list(items.values()),
            categories=sorted(cl.categories) or (["unspecified"] if kind == EventType.ARMS_TRANSFER else []),
            consideration=list(consideration.values()),
            brokers=sorted(cl.brokers),
            roles={
                "status_history": [
                    {"status": r.status, "document": r.document_id, "published": r.published} for r in reports
                ],
                "declared_destinations": destinations,
                "use": uses,
                "reports": len(reports),
            },
            start=cl.start,
            end=cl.end,
            sources=self._sources(reports),
            denied_by=denied,
            why=list(cl.why),
        )
        self._register(event, reports)
        return event

    def _designation(self, authority: str, target: str | None, reports: list[Report]) -> GraphEvent:
        reports = sorted(reports, key=lambda r: r.order)
        dates: dict[date, int] = defaultdict(int)
        basis: list[str] = []
        reasons: list[str] = []
        for r in reports:
            day = r.event.roles.get("date")
            day = date.fromisoformat(day) if isinstance(day, str) else day
            if isinstance(day, date):
                dates[day] += 1
            elif r.start:
                dates[r.start] += 1
            for field_name, bucket in (("basis", basis), ("reason", reasons)):
                value = r.event.roles.get(field_name)
                if value and value not in bucket:
                    bucket.append(str(value))
        when = min(dates, key=lambda d: (-dates[d], d)) if dates else None
        event = GraphEvent(
            id=f"designation:{short_hash(authority, target or '')}",
            type=str(EventType.DESIGNATION),
            roles={
                "authority": authority,
                "authority_entity": self.authority(authority),
                "target": target,
                "basis": basis,
                "reason": reasons,
                "dates": [{"date": d, "reports": n} for d, n in sorted(dates.items())],
            },
            start=when,
            end=when,
            sources=self._sources(reports),
            why=[f"designations merge by authority and target: {authority}, {target}"]
            + ([f"reports give {len(dates)} dates; the most reported is used"] if len(dates) > 1 else []),
        )
        self._register(event, reports)
        return event

    def _contested(self, r: Report, party: str | None) -> list[GraphEvent]:
        subject = r.event.roles.get("subject")
        if subject:
            found = self.by_report.get(report_key(r.document_id, str(subject)))
            return [found] if found else []
        return [e for e in self.flows_of.get(r.document_id, []) if party in (e.supplier, e.recipient)]

    def _denials(self) -> list[GraphEvent]:
        groups: dict[tuple[str, str], list[Report]] = defaultdict(list)
        for r in sorted(self.denials, key=lambda x: x.order):
            party = self.ref(r.document_id, r.event.roles.get("party"))
            contested = self._contested(r, party)
            for target in contested:
                if party and party not in target.denied_by:
                    target.denied_by.append(party)
                target.sources.extend(self._sources([r], "denies"))
            for target_id in [t.id for t in contested] or [""]:
                groups[(party or "?", target_id)].append(r)
        out = []
        for (party, target_id), reports in sorted(groups.items()):
            out.append(
                GraphEvent(
                    id=f"denial:{short_hash(party, target_id)}",
                    type=str(EventType.DENIAL),
                    roles={"party": party, "subject": target_id or None},
                    sources=self._sources(reports, "denies"),
                    why=[
                        f"denials merge by party and the event denied: {party}, {target_id or 'none found'}"
                    ],
                )
            )
            self._register(out[-1], [r for r in reports if r.key not in self.by_report])
        return out

    def _accusations(self) -> list[GraphEvent]:
        groups: dict[tuple[tuple[str, ...], tuple[str, ...], str], list[Report]] = defaultdict(list)
        for r in self.accusations:
            roles = r.event.roles
            accusers = tuple(
                sorted({x for x in (self.ref(r.document_id, a) for a in roles.get("accusers") or []) if x})
            )
            accused = tuple(
                sorted({x for x in (self.ref(r.document_id, a) for a in roles.get("accused") or []) if x})
            )
            found = self.by_report.get(report_key(r.document_id, str(roles.get("subject"))))
            groups[(accusers, accused, found.id if found else f"report {r.key}")].append(r)
        out = []
        for (accusers, accused, subject), reports in sorted(groups.items()):
            claims = list(
                dict.fromkeys(str(r.event.roles.get("claim")) for r in reports if r.event.roles.get("claim"))
            )
            event = GraphEvent(
                id=f"accusation:{short_hash(*accusers, '>', *accused, subject)}",
                type=str(EventType.ACCUSATION),
                roles={
                    "accusers": list(accusers),
                    "accused": list(accused),
                    "claim": claims,
                    "subject": None if subject.startswith("report ") else subject,
                },
                sources=self._sources(sorted(reports, key=lambda x: x.order)),
            )
            self._register(event, reports)
            out.append(event)
        return out


def attach_findings(builder: EventBuilder, findings: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Stored assessment findings go to the merged event of the report they judged."""
    for doc_id, finding in findings:
        event = builder.by_report.get(report_key(doc_id, str(finding.get("event"))))
        if event is not None:
            event.findings.append({**finding, "document": finding.get("document") or doc_id})


__all__ = ["FLOWS", "RANK", "EventBuilder", "Ref", "attach_findings", "make_report", "report_key", "sources"]
