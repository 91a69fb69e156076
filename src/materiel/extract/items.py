"""Materiel mentions: weapon-lexicon matches with their category and stated quantity."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from materiel.extract.gazetteer import Gazetteer
from materiel.model import ItemCategory


@dataclass(slots=True)
class ItemMention:
    start: int  # token index
    end: int
    category: str  # an ItemCategory for materiel; a kind ("personnel", "training") for support
    text: str
    quantity: str | None = None


def build_item_matcher(nlp: Language, gaz: Gazetteer) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for term in gaz.weapons:
        matcher.add(term, [nlp.make_doc(term)])
    return matcher


def _quantity(root: Token) -> str | None:
    for child in root.children:
        if child.dep_ == "nummod":
            left = min(t.i for t in child.subtree)
            return root.doc[left : child.i + 1].text
    return None


def _category_below(head: Token, by_token: dict[int, ItemMention]) -> ItemCategory | None:
    """The category named under a generic head: "components used in the production of UAVs"."""
    for token in head.subtree:
        if token.i == head.i or abs(token.i - head.i) > 12:
            continue
        mention = by_token.get(token.i)
        if mention is not None and mention.category != ItemCategory.UNSPECIFIED:
            return ItemCategory(mention.category)
    return None


def find_items(
    doc: Doc, matcher: PhraseMatcher, gaz: Gazetteer, keep_heads: frozenset[str] = frozenset()
) -> list[ItemMention]:
    """Longest lexicon matches; civil goods and programmes ("commercial aircraft") are dropped, and
    so is a materiel word that only modifies a noun outside ``keep_heads`` (the trigger nouns)."""
    spans: list[Span] = []
    for match_id, start, end in matcher(doc):
        spans.append(Span(doc, start, end, label=match_id))
    mentions: list[ItemMention] = []
    for span in filter_spans(spans):
        category = gaz.weapons.get(span.text.lower())
        if category is None:
            continue
        previous = mentions[-1] if mentions else None
        if previous is not None and previous.end == span.start:
            # "Shahed drones", "KN-23 missiles": one item, named by its head word's category
            if category == ItemCategory.UNSPECIFIED:
                category = ItemCategory(previous.category)
            span = doc[previous.start : span.end]
            mentions.pop()
        mentions.append(ItemMention(span.start, span.end, category, span.text, _quantity(span.root)))
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    generic = gaz.generic_heads
    for token in doc:
        if token.lower_ in generic and token.i not in by_token:
            category = _category_below(token, by_token)
            if category is not None and token.dep_ not in {"compound"}:
                by_token[token.i] = ItemMention(token.i, token.i + 1, category, token.text)
                left = min([token.i, *[c.i for c in token.children if c.dep_ in {"amod", "compound"}]])
                text = doc[left : token.i + 1].text
                mentions.append(ItemMention(left, token.i + 1, category, text, _quantity(token)))
    mentions.sort(key=lambda m: m.start)
    return [m for m in mentions if not _modifies_other_noun(doc[m.start : m.end], by_token, keep_heads)]


def _modifies_other_noun(span: Span, by_token: dict[int, ItemMention], keep_heads: frozenset[str]) -> bool:
    """A materiel word used as a modifier of something that is no item and no transfer: "arms
    dealer", "weapons nonproliferation regime", "missile engineers"."""
    root = span.root
    head = root.head
    if (
        root.dep_ not in {"compound", "nmod", "amod"}
        or head.i == root.i
        or head.pos_ not in {"NOUN", "PROPN"}
    ):
        return False
    return not (head.i in by_token or head.lemma_.lower() in keep_heads or head.lower_ in keep_heads)


def build_term_matcher(nlp: Language, terms: dict[str, list[str]]) -> PhraseMatcher:
    """A matcher for a vocabulary of kinds -> terms (the support terms of triggers.yaml)."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for kind, words in terms.items():
        matcher.add(kind, [nlp.make_doc(str(w)) for w in words])
    return matcher


def find_terms(doc: Doc, matcher: PhraseMatcher, exclude: set[int]) -> list[ItemMention]:
    """Longest matches of a kind vocabulary, leaving out tokens already taken (materiel items)."""
    spans = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
    out = [
        ItemMention(span.start, span.end, span.label_, span.text)
        for span in filter_spans(spans)
        if not any(i in exclude for i in range(span.start, span.end))
    ]
    return sorted(out, key=lambda m: m.start)
