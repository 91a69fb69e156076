"""People in a document: names NER missed or split, short forms, speakers and writers (who a
person is, by title, nationality and the state they speak for: ``person_roles``)."""

from __future__ import annotations

import re
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import TITLES, Actor, ActorIndex, clean_person, slug
from materiel.extract.gazetteer import Gazetteer, read_yaml
from materiel.model import EntityKind

WORDS = read_yaml(Path(__file__).parent / "data" / "person_words.yaml")


def words(key: str) -> frozenset[str]:
    """One word list of ``data/person_words.yaml``."""
    return frozenset(str(w) for w in WORDS[key])


NOT_SPEAKERS = words("not_speakers")
PLACE_WORDS = words("place_words")
NOT_NAMES = words("not_names")
NAME_STOP = TITLES | words("name_stop")
NATIONAL_NOUNS_BEFORE_NAME = words("national_nouns_before_name")
PERSON_TITLES = words("person_titles")
RANKS = words("ranks")

SPEAKER_LINE = re.compile(
    r"^(?:(MR|MS|MRS|DR|AMBASSADOR|SECRETARY|PRESIDENT|GENERAL|ADMIRAL)\.?\s+)?"
    r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?):",
    re.MULTILINE,
)


ADMINISTRATION = re.compile(r"\b([A-Z][a-z]+)(?:\s|-)(?:administration|government|White House)\b")


def known_non_person(gaz: Gazetteer, name: str) -> bool:
    """A "person" the gazetteer knows as a state, place, demonym or organisation ("Korean", "Tehran"),
    or whose words say it is an organisation or a place ("Bank Sputnik", "Kim Il Sung Square")."""
    if gaz.state_code(name) or name in gaz.orgs or name in gaz.regions:
        return True
    words = [w.lower().strip(".,") for w in name.split()]
    if len(words) == 1:  # "JCS": an acronym, not a name; "States": a noun the UN capitalises
        return (name.isupper() and len(name) > 1) or words[0] in NOT_NAMES
    return org_worded(gaz, name) or any(w in PLACE_WORDS for w in words)


def org_worded(gaz: Gazetteer, name: str) -> bool:
    """A name of several words, one of which says it is an organisation ("X Trading Establishment")."""
    words = [w.lower().strip(".,") for w in name.split()]
    return len(words) > 1 and any(w in gaz.org_words for w in words)


def _byline_lines(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    patterns = [re.compile(p) for p in gaz.byline_patterns]
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in doc.text.split("\n"):
        if any(p.match(line) for p in patterns) and len(line) < 120:
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _name_only_lines(doc: Doc, index: ActorIndex) -> list[tuple[int, int]]:
    """A line near the top that holds nothing but a person's name is a byline."""
    out: list[tuple[int, int]] = []
    offset = 0
    for n, line in enumerate(doc.text.split("\n")):
        if n > 6:
            break
        stripped = line.strip()
        span = doc.char_span(offset, offset + len(line), alignment_mode="expand") if stripped else None
        if span is not None and 1 < len(stripped.split()) <= 4:
            keys = {index.by_token.get(t.i) for t in span if not t.is_space}
            if len(keys) == 1 and next(iter(keys), "") and str(next(iter(keys))).startswith("person:"):
                out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def drop_byline_people(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """People named only in a byline ("By Jane Roe and John Doe") are the writers, not the story's."""
    lines = _byline_lines(doc, gaz) + _name_only_lines(doc, index)
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


def _same_person_spelled(a: str, b: str) -> bool:
    """ "Khalifa Haftar" / "Khalifa Hifter": same given names, a surname spelled another way."""
    from rapidfuzz.fuzz import ratio

    x, y = a.lower().split(), b.lower().split()
    return (
        len(x) == len(y) >= 2
        and x[:-1] == y[:-1]
        and x[-1] != y[-1]
        and len(x[-1]) >= 4
        and ratio(x[-1], y[-1]) >= 60
    )


def merge_people(index: ActorIndex) -> None:
    """Fold short person names ("Kirby", "Mr. Kirby") into the fuller name that contains them."""
    people = [a for a in index.actors.values() if a.kind == EntityKind.PERSON]
    people.sort(key=lambda a: -len(a.name.split()))
    for short in people:
        short_tokens = short.name.lower().split()
        for full in people:
            if full is short or len(full.name.split()) <= len(short_tokens) or full.key not in index.actors:
                continue
            full_tokens = full.name.lower().split()
            contained = all(t in full_tokens for t in short_tokens)
            if contained and short.key in index.actors:
                full.aliases |= short.aliases
                full.mentions.extend(short.mentions)
                for i, key in list(index.by_token.items()):
                    if key == short.key:
                        index.by_token[i] = full.key
                del index.actors[short.key]
                break


def merge_spellings(index: ActorIndex) -> None:
    """Fold a later spelling of a name into the first ("Khalifa Haftar" ... "Khalifa Hifter")."""
    people = sorted(
        (a for a in index.actors.values() if a.kind == EntityKind.PERSON), key=lambda a: min(a.mentions)
    )
    for i, first in enumerate(people):
        for other in people[i + 1 :]:
            if (
                first.key in index.actors
                and other.key in index.actors
                and _same_person_spelled(first.name, other.name)
            ):
                first.aliases |= other.aliases | {other.name}
                first.mentions.extend(other.mentions)
                for t, key in list(index.by_token.items()):
                    if key == other.key:
                        index.by_token[t] = first.key
                del index.actors[other.key]


def speaker_labels(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """Transcript turns ("MR. KIRBY:"): a titled label always, a bare one ("KIRBY:") only when the
    text has several turns; datelines ("TEHRAN:") and known places are not speakers."""
    matches = [m for m in SPEAKER_LINE.finditer(doc.text) if m.group(2) not in NOT_SPEAKERS]
    transcript = len(matches) >= 2
    for match in matches:
        name = match.group(2)
        pretty_name = " ".join(part.capitalize() for part in name.split())
        if len(name) < 3 or known_non_person(gaz, pretty_name) or gaz.state_code(name):
            continue
        if not (match.group(1) or transcript):
            continue
        span = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        if span is None:
            continue
        pretty = " ".join(part.capitalize() for part in name.split())
        index.add(Actor(f"person:{slug(pretty)}", EntityKind.PERSON, pretty), span.start, span.end, span.text)


def administration_people(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """'the Biden administration' names a person as well as standing for the state."""
    for match in ADMINISTRATION.finditer(doc.text):
        name = match.group(1)
        if (
            gaz.state_code(name)
            or known_non_person(gaz, name)
            or name in {"The", "This", "That", "Our", "Their"}
        ):
            continue
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is None or span[0].ent_type_ == "NORP" or span[0].pos_ not in {"PROPN", "NOUN", "ADJ"}:
            continue
        actor = Actor(f"person:{slug(name)}", EntityKind.PERSON, name)
        existing = index.actors.setdefault(actor.key, actor)
        existing.aliases.add(name)
        existing.mentions.append((span.start, span.end))


def person_span(doc: Doc, ent: Span, taken: set[int]) -> Span:
    """NER often drops the first part of a Korean or Chinese name ("designated Paek [Chol Su]"):
    take one more capitalised proper noun on the left when it is free and no title. Two or three
    are taken where punctuation or a lower-case word other than a connector stands before them
    ("its CEO, Basheer Abdulkadhim [Alwan al-Shabbani]"): after "and" or another capitalised word
    they may end a title phrase ("... and Financial Intelligence Brian Nelson")."""
    start = ent.start
    run = start
    while run > 0 and start - run < 3 and _name_word(doc[run - 1], taken):
        run -= 1
    if run < start:
        before = doc[run - 1] if run > 0 else None
        if start - run == 1:
            if not (before is not None and before.text[:1].isupper() and not before.is_sent_start):
                return doc[run : ent.end]
        elif (
            before is None
            or doc[run].is_sent_start
            or before.is_punct
            or (before.is_lower and before.lower_ not in CONNECTORS)
        ):
            return doc[run : ent.end]
    return doc[start : ent.end]


CONNECTORS = frozenset({"and", "or", "of", "for", "the", "&", "to"})


def _name_word(token: Token, taken: set[int]) -> bool:
    """A word that may be the left-out first part of a person's name."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.text.isalpha()
        and token.i not in taken
        and token.lower_ not in NAME_STOP
        and token.ent_type_ == ""
    )


def short_names(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
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
            and parts[0].lower() not in gaz.org_words  # "Bank Sputnik": "Bank" alone is any bank
            and not gaz.state_code(parts[0])
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


def nationals(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """ "Russian national Igor Michurin", "Turkish citizen Murat Bukey": the name after is a person."""
    for token in doc:
        if token.text not in NATIONAL_NOUNS_BEFORE_NAME:
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
        if not name or known_non_person(gaz, name) or any(k and k.startswith("person:") for k in known):
            continue
        for i, key in enumerate(known):
            if key is not None:  # the NER took part of the name for something else
                index.by_token.pop(span.start + i)
        index.add(Actor(f"person:{slug(name)}", EntityKind.PERSON, name), span.start, span.end, span.text)


def given_name_people(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """A capitalised run of two to four words that starts with a known given name ("Vasily Nebenzya",
    "President of Belarus Aleksandr Lukashenko") is a person, if NER missed it or called it an
    organisation."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.text not in gaz.given_names or not token.is_title:
            i += 1
            continue
        end = i + 1
        while (
            end < len(doc)
            and end - i < 4
            and doc[end].is_title
            and doc[end].is_alpha
            and doc[end].lower_ not in gaz.org_words
            and doc[end].text not in {"The", "In", "On"}
        ):
            end += 1
        span = doc[i:end]
        holders = {index.by_token.get(t.i) for t in span}
        holder = next(iter(holders)) if len(holders) == 1 else None
        free = holders == {None}
        mislabelled = (
            holder is not None
            and holder.startswith("org:")
            and holder in index.actors
            and index.actors[holder].org_type is None
            and index.actors[holder].mentions == [(i, end)]
        )
        if len(span) >= 2 and (free or mislabelled) and not known_non_person(gaz, span.text):
            if mislabelled and holder is not None:
                del index.actors[holder]
            name = clean_person(span.text)
            actor = index.actors.get(f"person:{slug(name)}") or Actor(
                f"person:{slug(name)}", EntityKind.PERSON, name
            )
            index.actors.setdefault(actor.key, actor)
            for t in span:
                index.by_token[t.i] = actor.key
            actor.mentions.append((i, end))
            actor.aliases.add(span.text)
        i = end


def titled_people(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """ "Ambassador Skoog", "President Trump's": a title followed by one to three capitalised proper
    nouns that no entity covers names a person."""
    for token in doc[:-1]:
        if token.lower_.rstrip(".") not in PERSON_TITLES:
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= 3
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].i not in index.by_token
            and doc[end].lower_ not in TITLES | RANKS
        ):
            end += 1
        if end == token.i + 1:
            continue
        span = doc[token.i + 1 : end]
        name = clean_person(span.text)
        if not name or known_non_person(gaz, name):
            continue
        actor = index.actors.get(f"person:{slug(name)}") or Actor(
            f"person:{slug(name)}", EntityKind.PERSON, name
        )
        index.add(actor, span.start, span.end, span.text)
