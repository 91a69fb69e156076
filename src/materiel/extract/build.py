"""Turn the matches of one parsed text into the records of the extraction contract."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import Actor
from materiel.extract.components import DocFacts
from materiel.extract.dates import find_time_expressions, normalise_time
from materiel.extract.roles_context import DISGUISE_CUES
from materiel.extract.statements import StatementRules, speakers_by_line
from materiel.extract.syntax import ancestors_in_sentence
from materiel.extract.transfers import TransferMatch
from materiel.model import (
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Item,
    ItemCategory,
    Mention,
    TimeSpan,
    TransferStatus,
)


@dataclass(slots=True)
class PieceResult:
    """Entities (by key) and events of one piece of a document, with document offsets."""

    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


def _evidence(sent: Span, offset: int) -> Evidence:
    """The sentence as evidence, without the line breaks or spaces around it."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + offset + lead
    return Evidence(start=start, end=start + len(body), text=body)


def _when(sent: Span, anchor: Token, published: date | None) -> TimeSpan | None:
    spans = find_time_expressions(sent.text)
    if not spans:
        return None
    rel = anchor.idx - sent.start_char
    start, end = min(spans, key=lambda s: min(abs(s[0] - rel), abs(s[1] - rel)))
    return normalise_time(sent.text[start:end], published)


def _entities(facts: DocFacts, doc: Doc, offset: int) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for actor in facts.actors.actors.values():
        mentions = [
            Mention(doc[s:e].start_char + offset, doc[s:e].end_char + offset, doc[s:e].text)
            for s, e in sorted(set(actor.mentions))
        ]
        attributes: dict[str, str] = {}
        if actor.organ_of:
            attributes["organ_of"] = actor.organ_of
        if actor.authority:
            attributes["authority"] = actor.authority
        if actor.represents:
            attributes["represents"] = actor.represents
        attributes.update(actor.details)
        aliases = sorted(a for a in actor.aliases if a != actor.name)
        out[actor.key] = Entity(
            actor.key, actor.kind, actor.name, actor.country, aliases, mentions, attributes
        )
    return out


def party_key(actor: Actor) -> str:
    """The entity a transfer party points at: an organ of a state stands for the state."""
    if actor.kind != EntityKind.STATE and actor.organ_of:
        return f"state:{actor.organ_of}"
    return actor.key


def _orient(matches: list[TransferMatch]) -> None:
    """Give undirected mentions ("deals between A and B") the direction the document states."""
    directed = {
        (party_key(m.supplier), party_key(m.recipient))
        for m in matches
        if m.supplier and m.recipient and not m.unordered
    }
    for m in matches:
        if m.unordered and m.supplier and m.recipient:
            pair = (party_key(m.supplier), party_key(m.recipient))
            if pair not in directed and pair[::-1] in directed:
                m.supplier, m.recipient = m.recipient, m.supplier


def _context_supplier(matches: list[TransferMatch]) -> None:
    """A transfer that names only its recipient takes the supplier of the transfer stated just
    before it, within two sentences ("Iran sent X to A. ... Y passed to B")."""
    last: TransferMatch | None = None
    for m in matches:
        if (
            m.frame == "giver"
            and m.supplier is None
            and m.recipient is not None
            and last is not None
            and last.supplier is not None
        ):
            near = m.sentence.start - last.sentence.end <= 80
            if near and party_key(last.supplier) != party_key(m.recipient):
                m.supplier = last.supplier
        if m.supplier is not None and m.recipient is not None and not m.unordered:
            last = m


def transfer_events(
    facts: DocFacts,
    offset: int,
    published: date | None,
    speakers: dict[int, Actor],
    rules: StatementRules,
    kind: EventType = EventType.ARMS_TRANSFER,
) -> list[Event]:
    """Arms transfers (or, with ``kind`` military_support, support that is not materiel) merged per
    supplier, recipient and status, with items, consideration, brokers, time, attribution, evidence."""
    found = facts.transfers if kind == EventType.ARMS_TRANSFER else facts.support
    matches = [m for m in found if not (m.negated or m.hypothetical or m.blocked)]
    _context_supplier(matches)
    _orient(matches)
    merged: dict[tuple[str, str, str], Event] = {}
    assert facts.resolver is not None
    for m in [*matches]:
        for extra in m.more_recipients:
            matches.append(replace(m, recipient=extra, more_recipients=[], more_suppliers=[]))
        for extra in m.more_suppliers:
            matches.append(replace(m, supplier=extra, more_recipients=[], more_suppliers=[]))
        origins = {a.key: a for _, a in m.item_origins}
        if m.supplier is not None and m.supplier is m.origin and len(origins) > 1:
            # "three Russian helicopters and two Chinese planes": one transfer per origin
            for origin_key, origin in origins.items():
                items = [i for i, a in m.item_origins if a.key == origin_key]
                if origin is m.origin:
                    m.items = items
                else:
                    matches.append(
                        replace(m, supplier=origin, items=items, more_recipients=[], more_suppliers=[])
                    )
    matches.sort(key=lambda m: m.denied)  # claims that are only denied come last
    for m in matches:
        if m.supplier is None or m.recipient is None:
            continue
        supplier, recipient = party_key(m.supplier), party_key(m.recipient)
        if supplier == recipient:
            continue
        key = (supplier, recipient, str(m.status))
        if m.denied:  # "X denied supplying arms to Y": the claim it denies, not a report of a transfer
            stated = [e for k, e in merged.items() if k[:2] == (supplier, recipient)]
            for stated_event in stated:
                stated_event.roles["contested"] = True
            if stated:
                continue
            m.status = TransferStatus.ALLEGED
            key = (supplier, recipient, str(m.status))
        speaker = _speaker(speakers, m.sentence, offset)
        asserted = [
            party_key(a) if a.kind == EntityKind.STATE else a.key
            for a in rules.asserted_by(m.trigger, facts.resolver, speaker)
        ]
        event = merged.get(key)
        if event is None:
            event = Event(
                id="",
                type=kind,
                status=m.status,
                when=_when(m.sentence, m.trigger, published),
                roles={
                    "supplier": supplier,
                    "recipient": recipient,
                    "items": [],
                    "consideration": [],
                    "brokers": [],
                    "declared_destinations": [],
                    "use": None,
                },
            )
            merged[key] = event
        roles = event.roles
        for item in m.items:
            if kind == EventType.ARMS_TRANSFER:
                new: Item | dict[str, str] = Item(item.text, ItemCategory(item.category), item.quantity)
            else:  # support that is not materiel: its kind ("personnel", "training", "technology")
                new = {"text": item.text, "kind": item.category}
            if new not in roles["items"]:
                roles["items"].append(new)
        for text in m.consideration:
            if {"text": text} not in roles["consideration"]:
                roles["consideration"].append({"text": text})
        for broker in m.brokers:
            if broker.key not in roles["brokers"]:
                roles["brokers"].append(broker.key)
        for dest in m.destinations:
            if dest not in roles["declared_destinations"]:
                roles["declared_destinations"].append(dest)
        roles["use"] = roles["use"] or m.use
        for a in asserted:
            if a not in event.asserted_by:
                event.asserted_by.append(a)
        if event.when is None:
            event.when = _when(m.sentence, m.trigger, published)
        ev = _evidence(m.sentence, offset)
        if all(e.start != ev.start for e in event.evidence):
            event.evidence.append(ev)
        if m.denied:
            event.roles.setdefault("contested", True)
    return list(merged.values())


def _speaker(speakers: dict[int, Actor], sent: Span, offset: int) -> Actor | None:
    best: Actor | None = None
    for line_start, actor in speakers.items():
        if line_start <= sent.start_char:
            best = actor
    del offset
    return best


def designation_events(facts: DocFacts, offset: int, published: date | None) -> list[Event]:
    out: dict[tuple[str | None, str], Event] = {}
    for d in facts.designations:
        for target in d.targets:
            key = (d.authority, target.key)
            event = out.get(key)
            if event is None:
                event = Event(
                    id="",
                    type=EventType.DESIGNATION,
                    when=_when(d.sentence, d.trigger, published),
                    roles={
                        "authority": d.authority,
                        "target": target.key,
                        "date": None,
                        "basis": d.basis,
                        "reason": d.reason,
                    },
                )
                if event.when is not None and event.when.start == event.when.end and event.when.start:
                    event.roles["date"] = event.when.start.isoformat()
                if d.authority_actor is not None:
                    event.asserted_by.append(party_key(d.authority_actor))
                out[key] = event
            event.evidence.append(_evidence(d.sentence, offset))
    return list(out.values())


def denial_events(facts: DocFacts, offset: int, transfers: list[Event]) -> list[Event]:
    out: list[Event] = []
    seen: set[tuple[str, int]] = set()
    for d in facts.denials:
        for party in d.parties:
            key = party_key(party)
            if (key, d.sentence.start) in seen:
                continue  # one denial per party and sentence
            seen.add((key, d.sentence.start))
            sent_range = (d.sentence.start_char + offset, d.sentence.end_char + offset)
            denied_pairs = {  # the claims the sentence denies ("denied supplying arms to Russia")
                (party_key(m.supplier), party_key(m.recipient))
                for m in facts.transfers
                if m.denied and m.supplier and m.recipient and m.sentence.start == d.sentence.start
            }
            subject = None
            for t in transfers:
                pair = (t.roles["supplier"], t.roles["recipient"])
                in_sentence = pair in denied_pairs or any(
                    sent_range[0] <= e.start < sent_range[1] for e in t.evidence
                )
                involved = key in pair
                if in_sentence or involved:
                    subject = subject or (t.id if in_sentence else None)
                    if key not in t.denied_by:
                        t.denied_by.append(key)
            out.append(
                Event(
                    id="",
                    type=EventType.DENIAL,
                    evidence=[_evidence(d.sentence, offset)],
                    roles={"party": key, "subject": subject},
                )
            )
    return out


def declared_destinations(facts: DocFacts, transfers: list[Event]) -> None:
    """A sentence saying where shipments were made to appear to go ("made it appear as though they
    were sent to the Middle East") adds those places to the transfers of the sentence's subject."""
    assert facts.resolver is not None
    for match in facts.transfers:
        if not match.destinations or (match.supplier and match.recipient):
            continue
        cue = next((t for t in match.sentence if t.lemma_.lower() in DISGUISE_CUES), match.trigger)
        actor = None
        for governor in [cue, *ancestors_in_sentence(cue)]:
            subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
            actor = facts.resolver.party(subject)
            if actor is not None:
                break
        if actor is None:
            continue
        here = match.sentence.start_char
        candidates = [e for e in transfers if e.roles["supplier"] == party_key(actor)]

        def latest(event: Event, here: int = here) -> int:
            return max((ev.start for ev in event.evidence if ev.start <= here), default=-1)

        before = [e for e in candidates if latest(e) >= 0]
        target = max(before, key=latest) if before else next(iter(candidates), None)
        if target is not None:
            for place in match.destinations:
                if place not in target.roles["declared_destinations"] and place != actor.name:
                    target.roles["declared_destinations"].append(place)


def accusation_events(facts: DocFacts, offset: int, transfers: list[Event]) -> list[Event]:
    """Who accuses whom of what; linked to a transfer stated in the same sentence."""
    out: list[Event] = []
    for a in facts.accusations:
        sent_range = (a.sentence.start_char + offset, a.sentence.end_char + offset)
        subject = next(
            (t.id for t in transfers if any(sent_range[0] <= e.start < sent_range[1] for e in t.evidence)),
            None,
        )
        out.append(
            Event(
                id="",
                type=EventType.ACCUSATION,
                evidence=[_evidence(a.sentence, offset)],
                asserted_by=[party_key(x) for x in a.accusers],
                roles={
                    "accusers": [party_key(x) for x in a.accusers],
                    "accused": [party_key(x) for x in a.accused],
                    "claim": a.claim,
                    "subject": subject,
                },
            )
        )
    return out


def build_piece(doc: Doc, offset: int, published: date | None, rules: StatementRules) -> PieceResult:
    facts: DocFacts = doc._.materiel
    result = PieceResult(entities=_entities(facts, doc, offset))
    speakers = speakers_by_line(doc, facts.actors)
    transfers = transfer_events(facts, offset, published, speakers, rules)
    for i, event in enumerate(transfers):  # provisional ids, so denials can point at them
        event.id = f"tmp-{offset}-{i}"
    declared_destinations(facts, transfers)
    denials = denial_events(facts, offset, transfers)
    support = transfer_events(facts, offset, published, speakers, rules, EventType.MILITARY_SUPPORT)
    result.events = [
        *transfers,
        *designation_events(facts, offset, published),
        *denials,
        *support,
        *accusation_events(facts, offset, transfers),
    ]
    return result
