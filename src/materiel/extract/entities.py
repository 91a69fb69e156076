"""Entities of a document: gazetteer and NER mentions grouped into actors.

States are keyed by ISO code, so "North Korea", "the DPRK" and "Pyongyang" are one entity; people
are grouped by name within the document ("John Kirby", "Mr. Kirby", "KIRBY:"); organisations by
their canonical name. An organ of a state (the Treasury, the IRGC) stays an organisation but carries
``organ_of`` so that, as the supplier or recipient of a transfer, it stands for its state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from materiel.extract.gazetteer import Gazetteer
from materiel.model import EntityKind

TITLES = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "president",
    "ambassador",
    "secretary",
    "minister",
    "general",
    "gen.",
    "prime",
    "foreign",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "deputy",
    "admiral",
    "adm.",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "director",
    "advisor",
    "adviser",
    "leader",
    "premier",
    "chancellor",
    "king",
    "supreme",
    "commander",
    "colonel",
    "col.",
    "lt.",
    "sir",
    "lord",
    "judge",
}
NOT_SPEAKERS = {
    "MODERATOR",
    "Q",
    "QUESTION",
    "OPERATOR",
    "PARTICIPANT",
    "STAFF",
    "AUDIENCE",
    "REPORTER",
    "NOTE",
    "END",
    "SOURCE",
    "UPDATE",
    "EDITOR",
    "BACKGROUND",
    "PHOTO",
    "VIDEO",
}
SPEAKER_LINE = re.compile(
    r"^(?:(MR|MS|MRS|DR|AMBASSADOR|SECRETARY|PRESIDENT|GENERAL|ADMIRAL)\.?\s+)?"
    r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?):",
    re.MULTILINE,
)
ADMINISTRATION = re.compile(r"\b([A-Z][a-z]+)(?:\s|-)(?:administration|government|White House)\b")


@dataclass(slots=True)
class Actor:
    key: str
    kind: EntityKind
    name: str
    country: str | None = None
    organ_of: str | None = None
    authority: str | None = None
    org_type: str | None = None
    represents: str | None = None  # a person who speaks or acts for a state ("Kremlin spokesman X")
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token start, end


@dataclass(slots=True)
class ActorIndex:
    """Actors of one doc and, for each token, the actor whose mention covers it."""

    actors: dict[str, Actor] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)  # surname/token -> key

    def add(self, actor: Actor, start: int, end: int, surface: str) -> Actor:
        existing = self.actors.setdefault(actor.key, actor)
        existing.aliases.add(surface)
        existing.mentions.append((start, end))
        for i in range(start, end):
            self.by_token.setdefault(i, existing.key)
        return existing

    def at(self, token: Token) -> Actor | None:
        key = self.by_token.get(token.i)
        return self.actors.get(key) if key else None

    def state_of(self, actor: Actor | None) -> str | None:
        """The state an actor stands for, as a transfer party: a state, or an organ of one."""
        if actor is None:
            return None
        if actor.kind == EntityKind.STATE:
            return actor.country
        return actor.organ_of


def clean_person(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    words = [w for w in text.split() if w.strip(".,").lower() not in TITLES]
    while words and not words[0][:1].isupper():
        words = words[1:]
    return " ".join(words).strip(" ,.;:")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def state_actor(gaz: Gazetteer, code: str) -> Actor:
    info = gaz.states.get(code)
    return Actor(f"state:{code}", EntityKind.STATE, info.name if info else code, country=code)


def _gazetteer_actor(gaz: Gazetteer, ent: Span) -> Actor | None:
    ent_id = ent.ent_id_
    kind, _, value = ent_id.partition(":")
    if kind in {"state", "metonym", "demonym"}:
        return state_actor(gaz, value)
    if kind == "org":
        info = gaz.orgs.get(value)
        if info is None:
            return None
        return Actor(
            f"org:{_slug(info.name)}",
            EntityKind.ORGANIZATION,
            info.name,
            country=info.country,
            organ_of=info.organ_of,
            authority=info.authority,
            org_type=info.type,
        )
    if kind == "region":
        region = gaz.regions.get(value)
        name = region.name if region else value
        return Actor(
            f"region:{_slug(name)}", EntityKind.REGION, name, country=region.country if region else None
        )
    return None


def _is_weapon_text(gaz: Gazetteer, text: str) -> bool:
    return text.lower() in gaz.weapons


def _ner_actor(gaz: Gazetteer, ent: Span) -> Actor | None:
    text = re.sub(r"[’']s$", "", ent.text.strip()).strip(" -–,")
    if not text or _is_weapon_text(gaz, text) or not any(ch.isalpha() for ch in text):
        return None
    if ent.label_ == "PERSON" or (ent.label_ == "" and ent.root.ent_type_ == "PERSON"):
        name = clean_person(text)
        if not name or name.upper() in NOT_SPEAKERS or any(ch.isdigit() for ch in name):
            return None
        if _known_non_person(gaz, name):
            return None
        return Actor(f"person:{_slug(name)}", EntityKind.PERSON, name)
    if ent.label_ in {"GPE", "LOC", "FAC"}:
        code = gaz.state_code(text)
        if code:
            return state_actor(gaz, code)
        name = text[4:] if text.lower().startswith("the ") else text
        return Actor(f"region:{_slug(name)}", EntityKind.REGION, name)
    if ent.label_ == "ORG":
        name = text[4:] if text.lower().startswith("the ") else text
        if len(name) < 2 or (name.isupper() and len(name) > 12):
            return None
        return Actor(f"org:{_slug(name)}", EntityKind.ORGANIZATION, name)
    return None


def _known_non_person(gaz: Gazetteer, name: str) -> bool:
    """A "person" the gazetteer knows as a state, place, demonym or organisation ("Korean", "Tehran")."""
    if gaz.state_code(name) or name in gaz.orgs or name in gaz.regions:
        return True
    words = name.split()
    return any(w.lower() in gaz.org_words for w in words[1:]) and len(words) > 1


def _byline_lines(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    patterns = [re.compile(p) for p in gaz.byline_patterns]
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in doc.text.split("\n"):
        if any(p.match(line) for p in patterns) and len(line) < 120:
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _drop_byline_people(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """People named only in a byline ("By Jane Roe and John Doe") are the writers, not the story's."""
    lines = _byline_lines(doc, gaz)
    if not lines:
        return
    for key, actor in list(index.actors.items()):
        if actor.kind != EntityKind.PERSON:
            continue
        starts = [doc[s].idx for s, _ in actor.mentions]
        if starts and all(any(a <= c < b for a, b in lines) for c in starts):
            del index.actors[key]
            for i in [i for i, k in index.by_token.items() if k == key]:
                del index.by_token[i]


def _merge_people(index: ActorIndex) -> None:
    """Fold short person names ("Kirby", "Mr. Kirby") into the fuller name that contains them."""
    people = [a for a in index.actors.values() if a.kind == EntityKind.PERSON]
    people.sort(key=lambda a: -len(a.name.split()))
    for short in people:
        short_tokens = short.name.lower().split()
        for full in people:
            if full is short or len(full.name.split()) <= len(short_tokens) or full.key not in index.actors:
                continue
            full_tokens = full.name.lower().split()
            if all(t in full_tokens for t in short_tokens) and short.key in index.actors:
                full.aliases |= short.aliases
                full.mentions.extend(short.mentions)
                for i, key in list(index.by_token.items()):
                    if key == short.key:
                        index.by_token[i] = full.key
                del index.actors[short.key]
                break


def _speaker_labels(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """Transcript turns ("MR. KIRBY:"): a titled label always, a bare one ("KIRBY:") only when the
    text has several turns; datelines ("TEHRAN:") and known places are not speakers."""
    matches = [m for m in SPEAKER_LINE.finditer(doc.text) if m.group(2) not in NOT_SPEAKERS]
    transcript = len(matches) >= 2
    for match in matches:
        name = match.group(2)
        pretty_name = " ".join(part.capitalize() for part in name.split())
        if len(name) < 3 or _known_non_person(gaz, pretty_name) or gaz.state_code(name):
            continue
        if not (match.group(1) or transcript):
            continue
        span = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        if span is None:
            continue
        pretty = " ".join(part.capitalize() for part in name.split())
        index.add(
            Actor(f"person:{_slug(pretty)}", EntityKind.PERSON, pretty), span.start, span.end, span.text
        )


def _administration_people(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """'the Biden administration' names a person as well as standing for the state."""
    for match in ADMINISTRATION.finditer(doc.text):
        name = match.group(1)
        if gaz.state_code(name) or name in {"The", "This", "That", "Our", "Their"}:
            continue
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is None:
            continue
        actor = Actor(f"person:{_slug(name)}", EntityKind.PERSON, name)
        existing = index.actors.setdefault(actor.key, actor)
        existing.aliases.add(name)
        existing.mentions.append((span.start, span.end))


NAME_STOP = TITLES | {
    "state",
    "affairs",
    "defense",
    "defence",
    "foreign",
    "national",
    "security",
    "council",
    "department",
    "ministry",
    "office",
    "treasury",
    "u.s.",
    "the",
}


def _person_span(doc: Doc, ent: Span, taken: set[int]) -> Span:
    """NER often drops the first part of a Korean or Chinese name ("designated Paek [Chol Su]"):
    take one more capitalised proper noun on the left when it is free and no title."""
    start = ent.start
    if start > 0:
        prev = doc[start - 1]
        if (
            prev.pos_ == "PROPN"
            and prev.text[:1].isupper()
            and prev.text.isalpha()
            and prev.i not in taken
            and prev.lower_ not in NAME_STOP
            and prev.ent_type_ == ""
        ):
            start -= 1
    return doc[start : ent.end]


def _short_names(doc: Doc, index: ActorIndex) -> None:
    """Later bare mentions of a known person's surname ("Mr. Whitcombe", "Bukey") or of the first
    word of a known company ("Farazan"), which NER missed or took for something else."""
    short: dict[str, Actor] = {}
    for actor in index.actors.values():
        parts = actor.name.split()
        if len(parts) < 2:
            continue
        if actor.kind == EntityKind.PERSON:
            short.setdefault(parts[-1], actor)
            if "-" in parts[-1]:  # "Bashar al-Assad" -> "Assad"
                short.setdefault(parts[-1].split("-")[-1], actor)
        elif (
            actor.kind == EntityKind.ORGANIZATION
            and not actor.organ_of
            and parts[0][:1].isupper()
            and len(parts[0]) > 3
            and parts[0].lower() not in TITLES
        ):
            short.setdefault(parts[0], actor)
    if not short:
        return
    for token in doc:
        known = short.get(token.text)
        if known is None or token.pos_ != "PROPN":
            continue
        holder = index.by_token.get(token.i)
        single = (
            holder is not None
            and holder != known.key
            and all(s + 1 == e for s, e in index.actors[holder].mentions)
            if holder in index.actors
            else False
        )
        if holder is None or (single and not holder.startswith("state:")):
            if holder is not None:
                _drop_token_mention(index, holder, token.i)
            index.by_token[token.i] = known.key
            known.mentions.append((token.i, token.i + 1))
            known.aliases.add(token.text)


def _drop_token_mention(index: ActorIndex, key: str, i: int) -> None:
    actor = index.actors[key]
    actor.mentions = [(s, e) for s, e in actor.mentions if not s <= i < e]
    index.by_token.pop(i, None)
    if not actor.mentions:
        del index.actors[key]


def _strip_article(doc: Doc, ent: Span) -> Span:
    if len(ent) > 1 and ent[0].lower_ == "the":
        return doc[ent.start + 1 : ent.end]
    return ent


PERSON_CUES = {
    "citizen",
    "national",
    "nationals",
    "resident",
    "businessman",
    "businesswoman",
    "dealer",
    "broker",
    "officer",
    "official",
    "general",
    "colonel",
    "director",
    "executive",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
}


def _split_ner_span(ent: Span) -> list[Span]:
    if ent.ent_id_ or ent.label_ != "ORG":
        return [ent]
    from materiel.extract.names import refine_org_span

    parts = refine_org_span(ent)
    for part in parts:
        part.label_ = "ORG"
    return parts or [ent]


def _add_ent(doc: Doc, ent: Span, index: ActorIndex, gaz: Gazetteer, taken: set[int]) -> None:
    actor = _gazetteer_actor(gaz, ent) if ent.ent_id_ else _ner_actor(gaz, ent)
    if actor is None:
        return
    span = _strip_article(doc, ent)
    if (
        actor.kind == EntityKind.ORGANIZATION
        and not ent.ent_id_
        and span.start > 0
        and doc[span.start - 1].lower_ in PERSON_CUES
        and len(span) <= 4
        and not any(t.lower_ in gaz.org_words for t in span)
    ):
        actor = Actor(f"person:{_slug(clean_person(span.text))}", EntityKind.PERSON, clean_person(span.text))
    if actor.kind == EntityKind.PERSON:
        span = _person_span(doc, span, taken)
        actor = _ner_actor(gaz, span) or actor  # the name as widened
        span = doc[span.start : span.end]
    if actor.organ_of and f"state:{actor.organ_of}" not in index.actors:
        # the state an organ acts for exists as an entity, so events can point at it
        index.actors[f"state:{actor.organ_of}"] = state_actor(gaz, actor.organ_of)
    index.add(actor, span.start, span.end, span.text)


def _nationals(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """ "Russian national Igor Michurin", "Turkish citizen Murat Bukey": the name after is a person."""
    for token in doc:
        if token.text not in {
            "national",
            "citizen",
            "nationals",
            "citizens",
            "businessman",
            "businesswoman",
        }:
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and doc[end].lower_ not in TITLES
        ):
            end += 1
        if end - token.i - 1 < 2:
            continue
        span = doc[token.i + 1 : end]
        name = clean_person(span.text)
        known = [index.by_token.get(i) for i in range(span.start, span.end)]
        if not name or _known_non_person(gaz, name) or any(k and k.startswith("person:") for k in known):
            continue
        for i, key in enumerate(known):
            if key is not None:  # the NER took part of the name for something else
                index.by_token.pop(span.start + i)
        index.add(Actor(f"person:{_slug(name)}", EntityKind.PERSON, name), span.start, span.end, span.text)


REPRESENTATIVE_TITLES = {
    "president",
    "leader",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "official",
    "diplomat",
    "general",
    "commander",
    "premier",
    "chancellor",
    "secretary",
    "representative",
    "chief",
    "prime",
    "deputy",
    "adviser",
    "advisor",
    "ministry",
    "foreign",
    "defence",
    "defense",
    "king",
    "emir",
    "dictator",
}


def _representatives(doc: Doc, index: ActorIndex) -> None:
    """People who speak or act for a state: "Kremlin spokesman Dmitry Peskov", "Iran's Foreign
    Minister X", "X, the North Korean leader". Their denials and statements are the state's."""
    for actor in index.actors.values():
        if actor.kind != EntityKind.PERSON or actor.represents:
            continue
        for start, end in actor.mentions:
            window = list(doc[max(start - 6, doc[start].sent.start) : start])
            after = doc[end : min(end + 8, doc[start].sent.end)]
            if after[:1] and after[0].text == ",":
                window += list(after[1:])
            titled = any(t.lower_ in REPRESENTATIVE_TITLES for t in window)
            states = [index.actors.get(index.by_token.get(t.i, "")) for t in window]
            state = next((a for a in states if a is not None and a.kind == EntityKind.STATE), None)
            if (
                titled
                and state is not None
                and not any(t.is_punct and t.text not in "’'" for t in window[:0])
            ):
                actor.represents = state.country
                break


def collect_actors(doc: Doc, gaz: Gazetteer) -> ActorIndex:
    index = ActorIndex()
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for whole in doc.ents:
        for ent in _split_ner_span(whole):
            _add_ent(doc, ent, index, gaz, taken)
    _nationals(doc, index, gaz)
    _speaker_labels(doc, index, gaz)
    _administration_people(doc, index, gaz)
    _merge_people(index)
    _short_names(doc, index)
    _drop_byline_people(doc, index, gaz)
    _representatives(doc, index)
    return index
