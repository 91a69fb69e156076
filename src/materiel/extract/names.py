"""Proper names the statistical NER missed, read off the parse where a rule expects a name.

Sanctions releases list targets the model has never seen ("Limited Liability Company Verus",
"224th Flight Unit State Airlines", "Farazan Industrial Engineering, Inc."). When a designation
rule points at a noun phrase that is no known entity, :func:`name_actor` reads the capitalised run
around its head and decides from its words whether it names an organisation, a vessel or a person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import TITLES, Actor, ActorIndex
from materiel.extract.gazetteer import Gazetteer
from materiel.model import EntityKind

CONNECTORS = {"of", "and", "for", "de", "al", "el", "the", "&", "-", "'", "’"}
LEGAL_TAIL = re.compile(
    r"^,?\s*(?:Inc|Ltd|LLC|LLP|Co|Corp|S\.?R\.?O|JSC|GmbH|PLC|FZE|SA|AG)\.?$", re.IGNORECASE
)


def _is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isalnum():
        return False
    if "-" in text and text.rsplit("-", 1)[-1].islower():
        return False  # "U.S.-designated", "Iran-based", "state-owned"
    return text[:1].isupper() or (text[:1].isdigit() and any(c.isalpha() for c in text))


# legal forms written in front of a Russian or Belarusian company's name
FRONT_FORMS = {"jsc", "ojsc", "pjsc", "cjsc", "ao", "oao", "zao", "pao", "ooo", "llc"}


def _in_name(token: Token) -> bool:
    """A name's word, or a number between a legal form in front and a name's word ("JSC 558
    Aircraft Repair Plant")."""
    if _is_name_token(token):
        return True
    doc, i = token.doc, token.i
    return (
        token.text.isdigit()
        and 0 < i < len(doc) - 1
        and doc[i - 1].lower_ in FRONT_FORMS
        and _is_name_token(doc[i + 1])
    )


def closes_name(token: Token) -> bool:
    """Whether a name ends at ``token``: a legal form with its full stop ("Co.", "Ltd.") ends a
    company's name unless another legal form follows ("Co. Ltd."); a capitalised word after it
    starts the next sentence ("S&C Trade PTY Co. S&C's employee")."""
    doc, i = token.doc, token.i
    if not (token.text.endswith(".") and LEGAL_TAIL.match(token.text)) or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return _is_name_token(nxt) and not LEGAL_TAIL.match(nxt.text) and nxt.lower_ not in CONNECTORS


def legal_tail_at(doc: Doc, i: int, end: int) -> bool:
    """Whether the comma at ``i`` puts a legal form after the name (", LLC", ", Inc."), not in front
    of the next name of a list (", LLC Synesis")."""
    if doc[i].text != "," or i + 1 >= end or not LEGAL_TAIL.match(doc[i + 1].text):
        return False
    return i + 2 >= end or not _in_name(doc[i + 2]) or bool(LEGAL_TAIL.match(doc[i + 2].text))


# words that make a capitalised run an organisation's name, whatever title words it starts with
ORG_ENDS = {
    "bank",
    "corporation",
    "company",
    "ltd",
    "llc",
    "inc",
    "limited",
    "group",
    "industries",
    "trading",
    "academy",
    "bureau",
    "ministry",
    "department",
    "staff",
    "council",
    "committee",
    "agency",
    "office",
    "airlines",
    "air",
    "lines",
    "center",
    "centre",
    "institute",
    "complex",
    "enterprise",
}
# words that end a company's name: after them "and" starts another name
NAME_ENDS = {
    "air",
    "airlines",
    "airways",
    "lines",
    "ltd",
    "llc",
    "llp",
    "inc",
    "company",
    "corporation",
    "corp",
    "bank",
    "limited",
    "plc",
    "jsc",
    "gmbh",
    "co",
}
LEGAL_WORDS = {
    "order",
    "resolution",
    "act",
    "decision",
    "regulation",
    "law",
    "decree",
    "directive",
    "statement",
}
NOT_NAME_TYPES = {"DATE", "TIME", "LAW", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def name_span(head: Token) -> Span | None:
    """The capitalised run containing ``head``, with inner connectors ("Ministry of Rocket Industry")
    and a trailing legal form (", Inc."); None when ``head`` is not capitalised, is a date or a law,
    or is an acronym in brackets after the full name."""
    if not _is_name_token(head) or (head.is_sent_start and head.pos_ != "PROPN"):
        return None
    if head.ent_type_ in NOT_NAME_TYPES or (head.i > 0 and head.doc[head.i - 1].text == "("):
        return None
    doc, sent = head.doc, head.sent
    start = head.i
    while start - 1 >= sent.start:
        prev = doc[start - 1]
        if closes_name(prev):
            break
        if _in_name(prev) and prev.lower_ not in {"the", "a", "an"}:
            start -= 1
        elif (
            prev.lower_ in CONNECTORS
            and start - 2 >= sent.start
            and _is_name_token(doc[start - 2])
            and prev.lower_ != "the"
        ):
            if prev.lower_ in {"and", "&"} and (
                doc[start - 2].dep_ not in {"compound", "nmod", "amod"}
                or doc[start - 2].lower_.strip(".") in NAME_ENDS
            ):
                break
            start -= 1
        else:
            break
    end = head.i + 1
    while end < sent.end:
        nxt = doc[end]
        if closes_name(doc[end - 1]):
            break
        if _in_name(nxt):
            end += 1
        elif nxt.lower_ in CONNECTORS - {"the"} and end + 1 < sent.end and _is_name_token(doc[end + 1]):
            if nxt.lower_ in {"and", "&"} and (
                doc[end - 1].dep_ not in {"compound", "nmod", "amod"}
                or doc[end - 1].lower_.strip(".") in NAME_ENDS
            ):
                break  # "A Partnership and B Ltd", "Iran Air and IRISL": two names, not one
            end += 1
        elif legal_tail_at(doc, end, sent.end):
            end += 2
            if end < sent.end and doc[end].text == ".":
                end += 1
        else:
            break
    while end - 1 > start and doc[end - 1].lower_ in CONNECTORS:
        end -= 1
    if doc[end - 1].lower_ in LEGAL_WORDS:
        return None
    organisation = any(t.lower_.strip(".,") in ORG_ENDS for t in doc[start:end])  # "Foreign Trade Bank"
    while start < end and (
        (doc[start].lower_.strip(".") in TITLES and not organisation)
        or doc[start].ent_type_ in NOT_NAME_TYPES
        or (doc[start].ent_type_ == "NORP" and start + 1 < end)  # "the Russian Port Olya-3 cargo ship"
    ):
        start += 1
    if start >= end:
        return None
    titles = [t.i for t in doc[start:end] if t.lower_.strip(".") in TITLES]
    if (
        titles and end - titles[-1] - 1 >= 2 and not organisation
    ):  # "Defence Minister Reza Alavi" -> "Reza Alavi"
        start = titles[-1] + 1
    span = doc[start:end]
    if len(span) == 1 and head.ent_type_ not in {"PERSON", "ORG", "FAC"}:
        return None  # a lone capitalised word ("Staff") is no name we can stand behind
    return span if any(t.pos_ == "PROPN" for t in span) else None


def is_headline(sent: Span) -> bool:
    """A title-case line ("Designation of Facilitator Pursuing Arms Deal"): no names are read off it."""
    if sent.text.rstrip().endswith((".", "!", "?", "”", '"')):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def kind_of_name(span: Span, gaz: Gazetteer) -> EntityKind:
    after = span.doc[span.end : min(span.end + 2, span.sent.end)]
    if any(t.lower_ in gaz.vessel_words for t in after):
        return EntityKind.VESSEL  # "the Port Olya-3 cargo ship"
    if (
        span[0].text in gaz.given_names
        and len(span) >= 2
        and not any(t.text.strip(".,").lower() in gaz.org_words for t in span)
    ):
        return EntityKind.PERSON
    words = [t.text.strip(".,").lower() for t in span]
    if any(w in gaz.org_words for w in words) or any(t.text.isupper() and len(t.text) > 1 for t in span):
        return EntityKind.ORGANIZATION
    before = span.doc[max(span.start - 3, span.sent.start) : span.start]
    after = span.doc[span.end : min(span.end + 2, span.sent.end)]
    if any(t.lower_ in gaz.vessel_words for t in [*before, *after]):
        return EntityKind.VESSEL  # "the vessel Angara", "the Port Olya-3 cargo ship"
    if span.root.ent_type_ == "PERSON" or 2 <= len(span) <= 5:
        return EntityKind.PERSON
    return EntityKind.ORGANIZATION


def name_actor(head: Token, index: ActorIndex, gaz: Gazetteer) -> Actor | None:
    """The actor for a name at ``head``: a known mention, else a new entity read off the parse."""
    known = index.at(head)
    if known is not None:
        return known
    if is_headline(head.sent):
        return None
    span = name_span(head)
    if span is None:
        return None
    inside = [index.at(t) for t in span]
    known_inside = next((a for a in inside if a is not None and a.kind != EntityKind.STATE), None)
    if known_inside is not None:
        return known_inside
    if any(a is not None for a in inside) and kind_of_name(span, gaz) != EntityKind.ORGANIZATION:
        return None  # a state name with a person-like tail is no new name
    text = span.text
    if gaz.state_code(text) or text in gaz.regions:
        return None
    kind = kind_of_name(span, gaz)
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return index.add(
        Actor(f"{kind.value if kind != EntityKind.ORGANIZATION else 'org'}:{slug}", kind, text),
        span.start,
        span.end,
        text,
    )


def refine_org_span(span: Span) -> list[Span]:
    """NER organisation spans cut at list commas ("A LLC, B Partnership", "A Company, LLC B") and
    after a legal form with its full stop ("A Co. A's employee"), and trimmed of a dangling connector
    ("Defense Technology and"); a fuller capitalised run around the root wins."""
    doc = span.doc
    parts: list[Span] = []
    start = span.start
    for tok in span:
        two_names = (
            tok.lower_ in {"and", "&"}
            and tok.i > span.start
            and (
                doc[tok.i - 1].dep_ not in {"compound", "nmod", "amod"}
                or doc[tok.i - 1].lower_.strip(".") in NAME_ENDS
            )
        )
        if two_names or (tok.text == "," and not legal_tail_at(doc, tok.i, span.end)):
            if tok.i > start:
                parts.append(doc[start : tok.i])
            start = tok.i + 1
        elif closes_name(tok) and tok.i + 1 < span.end:
            parts.append(doc[start : tok.i + 1])
            start = tok.i + 1
    if start < span.end:
        parts.append(doc[start : span.end])
    out: list[Span] = []
    for part in parts:
        while len(part) > 1 and not _is_name_token(part[0]) and part[0].text not in CONNECTORS:
            part = doc[part.start + 1 : part.end]  # "U.S.-designated Second Academy ...": the name only
        end = part.end
        while end > part.start and doc[end - 1].lower_ in CONNECTORS:
            end -= 1
        if end <= part.start:
            continue
        part = doc[part.start : end]
        fuller = name_span(part.root)
        if fuller is not None and fuller.start <= part.start and fuller.end >= part.end:
            part = fuller
        out.append(part)
    return out
