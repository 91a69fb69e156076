"""A ship's IMO number where the text gives it with the ship's name: "the tanker Yu Jong 2 (IMO
8604917)". Screening then finds the listed ship by that number whatever it is called now.

A number is taken only when it follows one of the ship's mentions in its sentence with nothing
between but "IMO" and a bracket, comma, "No." or "number", and when its check digit is right: the
seventh digit is the sum of the first six times 7, 6, 5, 4, 3 and 2, modulo 10 (IMO Resolution
A.1117(30), the IMO ship identification number scheme).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from materiel.extract.actors import Actor, ActorIndex, slug
from materiel.model import EntityKind

WINDOW = 8  # tokens after a ship's mention that its IMO number may stand in
_NUMBER_RE = re.compile(r"^(?:IMO)?(\d{7})$", re.IGNORECASE)
_BETWEEN = frozenset({"(", ",", ":", "no", "no.", "number", "#", "-", "imo"})


def valid_imo(digits: str) -> bool:
    """Whether seven digits are an IMO number: its check digit is right."""
    if len(digits) != 7 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:6], (7, 6, 5, 4, 3, 2), strict=True))
    return total % 10 == int(digits[6])


def imo_after(doc: Doc, end: int) -> str | None:
    """The IMO number in the words right after a mention that ends at token ``end``."""
    sentence_end = doc[end - 1].sent.end if end > 0 else len(doc)
    seen_imo = False
    for token in doc[end : min(end + WINDOW, sentence_end)]:
        m = _NUMBER_RE.match(token.text)
        if m is not None and (seen_imo or token.text[:3].upper() == "IMO"):
            return m.group(1) if valid_imo(m.group(1)) else None
        if token.text.upper() == "IMO":
            seen_imo = True
        elif token.lower_ not in _BETWEEN and not token.is_space:
            return None  # another word first: a number further on is another ship's, or none
    return None


def _number_after(doc: Doc, end: int) -> str | None:
    """A ship's number that NER left out of its name ("Sea Breeze" 7): one to three digits right
    after the mention that count nothing after them ("Sea Breeze 7 times" is no ship's name)."""
    if end >= len(doc):
        return None
    token = doc[end]
    if not (token.text.isdigit() and len(token.text) <= 3) or token.head.i > token.i:
        return None
    return token.text


def numbered_names(doc: Doc, index: ActorIndex) -> None:
    """A ship's name with the number that follows each of its mentions ("Sea Breeze 7"): a number
    on one side only is another ship (PORT OLYA-3 is not PORT OLYA), so the number belongs in it."""
    for key, actor in list(index.actors.items()):
        if actor.kind != EntityKind.VESSEL or not actor.mentions:
            continue
        numbers = {_number_after(doc, end) for _start, end in actor.mentions}
        if len(numbers) != 1 or None in numbers or any(e in index.by_token for _s, e in actor.mentions):
            continue
        name = f"{actor.name} {numbers.pop()}"
        renamed = Actor(f"vessel:{slug(name)}", EntityKind.VESSEL, name, country=actor.country)
        renamed.details, renamed.aliases = dict(actor.details), {name}
        renamed.mentions = [(s, e + 1) for s, e in actor.mentions]
        del index.actors[key]
        index.actors[renamed.key] = renamed
        for s, e in renamed.mentions:
            for i in range(s, e):
                index.by_token[i] = renamed.key


def vessel_imo_numbers(doc: Doc, index: ActorIndex) -> None:
    """Give each ship whose mention the text follows with its IMO number that number (``imo``)."""
    for actor in index.actors.values():
        if actor.kind != EntityKind.VESSEL or "imo" in actor.details:
            continue
        for _start, end in actor.mentions:
            number = imo_after(doc, end)
            if number is not None:
                actor.details["imo"] = number
                break
