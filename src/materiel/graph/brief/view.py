"""The brief as plain values for the template: judgements, tables, figures and numbered sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from materiel.graph.brief import content
from materiel.graph.brief.content import Cited, SourceEntry, Sources
from materiel.graph.brief.figures import Network, Timeline, network, timeline
from materiel.graph.brief.select import Focus
from materiel.graph.exports import common
from materiel.graph.records import GraphEvent

KEY_TRANSFERS = 8
KEY_DESIGNATIONS = 4


@dataclass(slots=True)
class Judgement:
    sentences: list[Cited]
    confidence: str
    basis: str  # why this confidence, in words
    legal: Cited | None = None
    legal_confidence: str | None = None


@dataclass(slots=True)
class TransferRow:
    n: int
    supplier: str
    recipient: str
    items: str
    categories: str
    status: str
    period: str
    brokers: str
    consideration: str
    corroboration: str
    confidence: str
    verdicts: list[str]
    contested: str
    cites: list[int]


@dataclass(slots=True)
class DesignationRow:
    target: str
    authority: str
    when: str
    basis: str
    reason: str
    cites: list[int]
    listed: list[Cited] = field(default_factory=list)


@dataclass(slots=True)
class DenialRow:
    party: str
    subject: str
    when: str
    cites: list[int]


@dataclass(slots=True)
class BriefView:
    title: str
    scope: str
    generated: str
    summary: str
    judgements: list[Judgement]
    transfers: list[TransferRow]
    designations: list[DesignationRow]
    denials: list[DenialRow]
    sources: list[SourceEntry]
    timeline: Timeline
    network: Network
    method: str = content.CONFIDENCE_RULE
    omitted: int = 0  # transfers left out of the key judgements (they are in the table)


def _basis(event: GraphEvent) -> str:
    docs = len(common.asserting_documents(event))
    parts = [f"{docs} document{'s' if docs != 1 else ''}", f"{len(event.publishers)} publisher(s)"]
    if event.status:
        parts.append(f"status {event.status}")
    if event.contested:
        parts.append("contested")
    return f"{', '.join(parts)}: {content.points(event)} point(s)"


def _rank(event: GraphEvent) -> tuple[int, int, str]:
    return (-content.points(event), -event.corroboration, common.iso(event.start) or "9999")


def _judgement(focus: Focus, event: GraphEvent, sources: Sources) -> Judgement:
    picture = focus.picture
    if event.type == "designation":
        sentences = [Cited(content.designation_sentence(picture, event), sources.event(event))]
        sentences += content.list_sentences(picture, common.designation_target(event), sources)
        return Judgement(sentences, content.confidence(event), _basis(event))
    sentences = [
        Cited(content.transfer_clause(picture, event), sources.event(event, "asserts")),
        Cited(content.reporting_sentence(event), sources.event(event, "asserts")),
    ]
    denial = content.denial_sentence(picture, event, sources)
    if denial is not None:
        sentences.append(denial)
    for broker in event.brokers:
        sentences += content.list_sentences(picture, broker, sources)
    return Judgement(
        sentences,
        content.confidence(event),
        _basis(event),
        content.legal_sentence(event, sources),
        content.legal_confidence(event),
    )


def _transfer_row(focus: Focus, n: int, event: GraphEvent, sources: Sources) -> TransferRow:
    picture = focus.picture
    return TransferRow(
        n=n,
        supplier=picture.name(event.supplier) if event.supplier else "?",
        recipient=picture.name(event.recipient) if event.recipient else "?",
        items=common.items_with_quantities(event),
        categories=", ".join(common.CATEGORY_WORDS.get(c, c) for c in common.categories(event)),
        status=event.status or "not stated",
        period=content.period(event) or "not dated",
        brokers=", ".join(picture.name(b) for b in event.brokers),
        consideration=", ".join(common.consideration(event)),
        corroboration=f"{event.corroboration} doc(s), {len(event.publishers)} publisher(s)",
        confidence=content.confidence(event),
        verdicts=common.verdict_labels(event),
        contested=("denied by " + ", ".join(picture.name(d) for d in event.denied_by))
        if event.contested
        else "",
        cites=sources.event(event),
    )


def _denial_row(focus: Focus, event: GraphEvent, sources: Sources) -> DenialRow:
    picture = focus.picture
    subject = common.denial_subject(picture, event)
    if subject is not None:
        what = content.transfer_clause(picture, subject).rstrip(".")
    else:
        what = "a report the documents do not tie to an extracted event"
    return DenialRow(
        party=", ".join(picture.name(p) for p in common.denial_party(event)) or "?",
        subject=what,
        when=content.day(event.start or event.first_reported),
        cites=sources.event(event),
    )


def build_view(focus: Focus, today: date | None = None) -> BriefView:
    picture = focus.picture
    sources = Sources(picture)
    transfers = [e for e in picture.events if e.type in ("arms_transfer", "military_support")]
    designations = [e for e in picture.events if e.type == "designation"]
    denials = [e for e in picture.events if e.type == "denial"]
    key_transfers = sorted(transfers, key=_rank)[:KEY_TRANSFERS]
    key_designations = sorted(designations, key=_rank)[:KEY_DESIGNATIONS]
    judgements = [_judgement(focus, e, sources) for e in key_transfers + key_designations]
    transfer_rows = [
        _transfer_row(focus, n, e, sources) for n, e in enumerate(sorted(transfers, key=_rank), 1)
    ]
    designation_rows = []
    for event in designations:
        authority = common.designation_authority(event) or "?"
        state = common.designation_authority_entity(picture, event)
        designation_rows.append(
            DesignationRow(
                target=picture.name(common.designation_target(event)),
                authority=picture.name(state) if state else authority,
                when=content.day(common.designation_date(event)) or "not dated",
                basis=common.role_text(event, "basis"),
                reason=common.role_text(event, "reason"),
                cites=sources.event(event),
                listed=content.list_sentences(picture, common.designation_target(event), sources),
            )
        )
    denial_rows = [_denial_row(focus, e, sources) for e in denials]
    docs = len(common.unique(s.document_id for e in picture.events for s in e.sources))
    summary = (
        f"This brief covers {len(transfers)} reported transfer(s), {len(designations)} designation(s) and "
        f"{len(denials)} denial(s), drawn from {docs} document(s); it covers {focus.scope}."
    )
    return BriefView(
        title=focus.title,
        scope=focus.scope,
        generated=(today or date.today()).isoformat(),
        summary=summary,
        judgements=judgements,
        transfers=transfer_rows,
        designations=designation_rows,
        denials=denial_rows,
        sources=sources.ordered(),
        timeline=timeline(picture),
        network=network(picture, focus.centre),
        omitted=max(len(transfers) - KEY_TRANSFERS, 0),
    )
