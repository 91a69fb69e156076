"""Companies' names that the statistical NER left out or cut: a capitalised run with a word that
only companies' names bear ("Htoo Group of Companies", "Tradive General Trading", "Public Joint
Stock Company Integral"; names.yaml's ``company_words``) and a word of its own, or a bank's name
in one word ("Belinvestbank"), where no entity covers any of its words; an organisation's ordinal
in front ("the 66th Light Infantry Division"); and a half after "and" made only of words of kind
("Myanma Investment and Commercial Bank"). Sanctions releases and the press list such names by the
dozen, and a name that is not an entity, or only part of one, is not screened as the name it is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from materiel.extract.gazetteer import Gazetteer
from materiel.extract.names import NAME_ENDS, is_headline, name_span

# a bank's name in one word: Belinvestbank, Promsvyazbank, Gazprombank
_BANK_RE = re.compile(r"^[A-Z][a-z]{3,}bank$")


def _word(text: str) -> str:
    return text.strip(".,").lower()


def company_span(span: Span | None, taken: set[int], gaz: Gazetteer) -> Span | None:
    """``span`` (the capitalised run around a company word) as a company's name, or None where an
    entity covers one of its words (``taken``), or where it has no word of its own ("Joint Stock
    Company")."""
    if span is None or any(t.i in taken for t in span):
        return None
    if len(span) < 2:
        return Span(span.doc, span.start, span.end, label="ORG") if _BANK_RE.match(span.text) else None
    kinds = gaz.org_words | gaz.company_words
    if not any(t.is_alpha and not t.is_stop and _word(t.text) not in kinds for t in span):
        return None
    return Span(span.doc, span.start, span.end, label="ORG")


_ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$")


def mended(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """Organisations' names the NER cut, whole again: with the ordinal in front of them, and with
    a half of words of kind after "and" or "&" (which names nothing by itself)."""
    kinds = gaz.org_words | gaz.company_words
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "ORG" or ent.ent_id_:
            out.append(ent)
            continue
        start = ent.start
        if start > 0 and _ORDINAL_RE.match(doc[start - 1].text):
            if out and out[-1].end == start and out[-1].label_ == "ORDINAL":
                out.pop()  # the ordinal, tagged on its own
            if not (out and out[-1].end == start):  # no other entity holds it
                start -= 1
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == "ORG"
            and not last.ent_id_
            and last.end + 1 == ent.start
            and doc[last.end].lower_ in {"and", "&"}
            and all(_word(t.text) in kinds for t in ent)
            and _word(last[-1].text) not in NAME_ENDS
        ):
            out[-1] = Span(doc, last.start, ent.end, label="ORG")
            continue
        out.append(Span(doc, start, ent.end, label="ORG") if start != ent.start else ent)
    return out


def companies_left_out(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """The entities, with the companies' names no entity covers added as organisations (a number
    the NER tagged inside such a name is the name's: "JSC 558 Aircraft Repair Plant")."""
    taken = {i for e in ents if e.label_ != "CARDINAL" for i in range(e.start, e.end)}
    added: list[Span] = []
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        bank = _BANK_RE.match(token.text) is not None
        if _word(token.text) not in gaz.company_words and not bank:
            continue
        if is_headline(token.sent):
            continue
        span = company_span(name_span(token) or (doc[token.i : token.i + 1] if bank else None), taken, gaz)
        if span is not None:
            added.append(span)
            taken.update(range(span.start, span.end))
    if not added:
        return ents
    kept = [e for e in ents if not any(a.start <= e.start and e.end <= a.end for a in added)]
    return sorted([*kept, *added], key=lambda e: e.start)
