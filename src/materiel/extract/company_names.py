"""Companies' names that the statistical NER left out: a capitalised run with a word that only
companies' names bear ("Htoo Group of Companies", "Tradive General Trading", "Public Joint Stock
Company Integral"; names.yaml's ``company_words``) and a word of its own, where no entity covers
any of its words. Sanctions releases and the press list such names by the dozen, and a name that
is not an entity is never screened.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from materiel.extract.gazetteer import Gazetteer
from materiel.extract.names import is_headline, name_span


def _word(text: str) -> str:
    return text.strip(".,").lower()


def company_span(span: Span | None, taken: set[int], gaz: Gazetteer) -> Span | None:
    """``span`` (the capitalised run around a company word) as a company's name, or None where an
    entity covers one of its words (``taken``), or where it has no word of its own ("Joint Stock
    Company")."""
    if span is None or len(span) < 2 or any(t.i in taken for t in span):
        return None
    kinds = gaz.org_words | gaz.company_words
    if not any(t.is_alpha and not t.is_stop and _word(t.text) not in kinds for t in span):
        return None
    return Span(span.doc, span.start, span.end, label="ORG")


def companies_left_out(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """The entities, with the companies' names no entity covers added as organisations."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    for token in doc:
        if token.i in taken or not token.text[:1].isupper() or _word(token.text) not in gaz.company_words:
            continue
        if is_headline(token.sent):
            continue
        span = company_span(name_span(token), taken, gaz)
        if span is not None:
            added.append(span)
            taken.update(range(span.start, span.end))
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents
