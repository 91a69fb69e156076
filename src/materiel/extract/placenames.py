"""Companies named after a place: "Moscow Industrial Bank", "Tehran Stock Exchange", "Iran Air",
"Bank Melli Iran".

The gazetteer marks states and capitals before the statistical NER runs, so the NER cannot take a
place into a longer name: "Moscow Industrial Bank" came out as Russia and a loose "Industrial
Bank". Where a state's name, a capital or a demonym stands in a run of capitalised words that
ends with a word that ends companies' names (names.yaml's ``company_words``, a bank, an airline,
an exchange, a plant: "Minsk Wheeled Tractor Plant") or starts with "Bank" or "Air", the run is
one organisation's name and the place is no mention of the state. A run ending in an organ of
the state ("North Korea Air Force", "Russian Defense Ministry") stays the state's, as the
guideline keys it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from materiel.extract.gazetteer import Gazetteer

PLACE_KINDS = frozenset({"state", "metonym", "demonym"})
END_WORDS = frozenset(
    {"bank", "airlines", "airways", "air", "exchange", "railways", "plant", "factory", "works", "shipyard"}
)
"""Words that end a company's name besides names.yaml's ``company_words``."""
START_WORDS = frozenset({"bank", "banco", "air"})
"""Words that start a company's name that may end with its country ("Bank Melli Iran")."""
NAME_LABELS = frozenset({"", "ORG", "FAC", "PERSON", "PRODUCT", "WORK_OF_ART"})


def _part(token: Token) -> bool:
    """A capitalised word that no gazetteer entry claims and that may belong to a company's name."""
    text = token.text
    return (
        text[:1].isupper()
        and text.replace("-", "").isalpha()
        and not token.is_stop
        and not token.ent_id_
        and token.ent_type_ in NAME_LABELS
    )


def _run(ent: Span) -> tuple[int, int]:
    """The capitalised run around ``ent``, with "of" inside it ("Bank of Moscow")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while True:
        if start > 0 and _part(doc[start - 1]):
            start -= 1
        elif start > 1 and doc[start - 1].lower_ == "of" and _part(doc[start - 2]):
            start -= 2
        else:
            break
    while True:
        if end < len(doc) and _part(doc[end]):
            end += 1
        elif end + 1 < len(doc) and doc[end].lower_ == "of" and _part(doc[end + 1]):
            end += 2
        else:
            break
    return start, end


def company_span(ent: Span, gaz: Gazetteer) -> Span | None:
    """The organisation's name around the place ``ent`` names, or None where it names the place."""
    kind = ent.ent_id_.partition(":")[0]
    if kind not in PLACE_KINDS:
        return None
    start, end = _run(ent)
    if (start, end) == (ent.start, ent.end):
        return None
    doc = ent.doc
    last, first = doc[end - 1].lower_, doc[start].lower_
    if end > ent.end and (last in END_WORDS or last in gaz.company_words) and last not in gaz.organ_nouns:
        return Span(doc, start, end, label="ORG")
    if start < ent.start and first in START_WORDS and kind != "demonym":
        return Span(doc, start, end, label="ORG")
    return None


def places_in_names(ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """The entities, with each company named after a place read as one organisation."""
    out = list(ents)
    for ent in ents:
        if ent not in out:
            continue  # taken into an earlier company's name
        span = company_span(ent, gaz)
        if span is None:
            continue
        out = [e for e in out if e.end <= span.start or e.start >= span.end]
        out.append(span)
        out.sort(key=lambda e: e.start)
        for token in span:
            token.ent_id_ = ""  # no longer the gazetteer's place
    return out
