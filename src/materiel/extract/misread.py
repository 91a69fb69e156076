"""People whose names NER read as organisations' names, found by the rest of the document.

spaCy's small English model tags a person's name ORG in one sentence and PERSON in another: "Haley
said" after "Nikki Haley", or "US envoy to the UN Nikki Haley" as one organisation. A name read
as an organisation is a person's when its last word is the family name of a person the same
document names, none of its words says organisation, and neither the gazetteer nor the document
knows it as anything else. A short code before the name ("UN", "US") is the title's, not the
name's, and so are a title or rank that opens it ("Field Marshal").
"""

from __future__ import annotations

from spacy.tokens import Doc

from materiel.extract.actors import Actor, ActorIndex, clean_person, slug
from materiel.extract.gazetteer import Gazetteer
from materiel.extract.people import known_non_person, words
from materiel.model import EntityKind

MAX_WORDS = 4  # a person's name as the press writes it: "Nikki Haley", "Ali Akbar Ahmadian"
WINDOW = 5  # words before a name that a title of its person may stand in
TITLE_WORDS = words("representative_titles") | words("person_titles") | words("ranks")


def _family_names(index: ActorIndex) -> set[str]:
    """The last words of the names of the document's people ("Haley" of "Nikki Haley", and
    "Haley" where NER read the family name alone as a person's)."""
    names: set[str] = set()
    for actor in index.actors.values():
        if actor.kind == EntityKind.PERSON:
            for name in (actor.name, *actor.aliases):
                parts = name.split()
                if parts and parts[-1][:1].isupper():
                    names.add(parts[-1])
    return names


def _person_words(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """The tokens of a mention that make a person's name: capitalised words, a short code in
    front ("UN", "US") left out; None when any word is not a name's."""
    if doc[start].text.isupper() and len(doc[start]) <= 3 and end - start > 1:
        start += 1
    while end - start > 1 and doc[start].lower_ in TITLE_WORDS:  # "Field Marshal Khalifa Hifter"
        start += 1
    words = doc[start:end]
    if not 1 <= len(words) <= MAX_WORDS or not all(t.is_alpha and t.is_title for t in words):
        return None
    if any(t.lower_ in gaz.org_words for t in words) or known_non_person(gaz, words.text):
        return None
    return start, end


def _titled(doc: Doc, start: int) -> bool:
    """Whether a person's title or rank opens the name or stands in the few words before it ("US
    envoy to the UN Nikki Haley", "Field Marshal Khalifa Hifter")."""
    before = doc[max(start - WINDOW, 0) : start + 1]
    return any(t.lower_ in TITLE_WORDS for t in before)


def match(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> list[tuple[str, list[tuple[int, int]]]]:
    """The organisations to read as people: their keys and, for each mention, the name's tokens.
    A one-word name needs only to be a person's family name; a longer one also a title before it,
    or to be the name another mention gives a person; a name NER joined to a body's code after a
    person's title is one without more ("US envoy to the UN Nikki Haley")."""
    family = _family_names(index)
    found = []
    people = {n for a in index.actors.values() if a.kind == EntityKind.PERSON for n in (a.name, *a.aliases)}
    for key, actor in index.actors.items():
        if actor.kind != EntityKind.ORGANIZATION or actor.org_type or actor.organ_of or actor.country:
            continue
        spans = [_person_words(doc, s, e, gaz) for s, e in actor.mentions]
        named = [span for span in spans if span is not None]
        if not named or len(named) < len(spans):
            continue
        if all(
            (doc[e - 1].text in family and (e - s == 1 or _titled(doc, s) or doc[s:e].text in people))
            or _coded_after_title(doc, mention[0], (s, e))
            for mention, (s, e) in zip(actor.mentions, named, strict=True)
        ):
            found.append((key, named))
    return found


def _coded_after_title(doc: Doc, start: int, name: tuple[int, int]) -> bool:
    """A name of two or three words that NER joined to a body's short code after a person's title
    ("US envoy to the UN Nikki Haley"): the title says whose name it is."""
    s, e = name
    return s == start + 1 and 2 <= e - s <= 3 and _titled(doc, start)


def set_annotations(doc: Doc, index: ActorIndex, found: list[tuple[str, list[tuple[int, int]]]]) -> None:
    """Move each found organisation's mentions to the person of that name (made if new)."""
    for key, spans in found:
        org = index.actors.pop(key)
        for s, e in org.mentions:
            for i in range(s, e):
                if index.by_token.get(i) == key:
                    del index.by_token[i]
        for start, end in spans:
            name = clean_person(doc[start:end].text)
            person = index.actors.setdefault(
                f"person:{slug(name)}", Actor(f"person:{slug(name)}", EntityKind.PERSON, name)
            )
            person.mentions.append((start, end))
            person.aliases.add(doc[start:end].text)
            for i in range(start, end):
                index.by_token[i] = person.key


def people_read_as_orgs(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """Read as people the organisations named like a person of the same document; twice, as a
    name read in the first round ("UN Nikki Haley") names the person of another mention."""
    for _ in range(2):
        set_annotations(doc, index, match(doc, index, gaz))
