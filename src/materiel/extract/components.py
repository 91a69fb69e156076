"""The spaCy components of materiel, registered by name.

``materiel_gazetteer`` marks states, metonyms, organisations and regions from the data files
before the statistical NER runs, so "Pyongyang" and "the Houthis" get the entity the gazetteer
says. ``materiel_facts`` groups mentions into actors and applies the event rules; its result is on
``doc._.materiel`` as a :class:`DocFacts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Token

from materiel.extract.designations import DesignationMatch
from materiel.extract.entities import ActorIndex, collect_actors
from materiel.extract.gazetteer import Gazetteer, default_gazetteer
from materiel.extract.items import ItemMention, build_item_matcher, build_term_matcher, find_items, find_terms
from materiel.extract.statements import AccusationMatch, DenialMatch, StatementRules
from materiel.extract.syntax import ActorResolver, first_actor_keys
from materiel.extract.transfers import TransferMatch, TransferRules

if not Doc.has_extension("materiel"):
    Doc.set_extension("materiel", default=None)


@dataclass(slots=True)
class DocFacts:
    actors: ActorIndex
    items: list[ItemMention] = field(default_factory=list)
    transfers: list[TransferMatch] = field(default_factory=list)
    designations: list[DesignationMatch] = field(default_factory=list)
    denials: list[DenialMatch] = field(default_factory=list)
    support: list[TransferMatch] = field(default_factory=list)
    accusations: list[AccusationMatch] = field(default_factory=list)
    resolver: ActorResolver | None = None


def gazetteer_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for surface, org in gaz.orgs.items():
        patterns.append({"label": "ORG", "pattern": surface, "id": f"org:{surface}"})
        del org
    for surface in gaz.regions:
        patterns.append({"label": "LOC", "pattern": surface, "id": f"region:{surface}"})
    for surface, code in gaz.demonyms.items():
        patterns.append({"label": "NORP", "pattern": surface, "id": f"demonym:{code}"})
    for surface, code in gaz.metonyms.items():
        patterns.append({"label": "GPE", "pattern": surface, "id": f"metonym:{code}"})
    for surface, code in gaz.state_names.items():
        patterns.append({"label": "GPE", "pattern": surface, "id": f"state:{code}"})
    return patterns


@Language.factory("materiel_gazetteer", default_config={"overwrite_ents": True})
def make_gazetteer(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    ruler = EntityRuler(nlp, name=name, overwrite_ents=overwrite_ents, phrase_matcher_attr="ORTH")
    # patterns are added as docs made by the tokenizer only: cheap, and the ruler sees whole tokens
    patterns = gazetteer_patterns(default_gazetteer())
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return ruler


# nouns a materiel word may modify and still name materiel ("arms supplier", "weapons package")
KEEP_HEADS = frozenset(
    {
        "supplier",
        "suppliers",
        "package",
        "packages",
        "consignment",
        "cargo",
        "kind",
        "kinds",
        "type",
        "types",
        "batch",
        "stockpile",
        "stockpiles",
        "system",
        "systems",
        "variant",
        "version",
        "unit",
        "units",
        "round",
        "rounds",
        "container",
        "containers",
        "crate",
        "crates",
        "delivery",
        "deliveries",
        "shipment",
        "shipments",
        "transfer",
        "transfers",
        "supply",
    }
)
BULLETS = {"•", "-", "*", "–", "—", "·", "▪", "◦"}


def _split_dateline(doc: Doc, first: Token) -> None:
    """ "TEHRAN: Iran's top diplomat ...", "WASHINGTON (Reuters) - The United States ...": the
    dateline is its own sentence, so the parser reads the report that follows as a sentence."""
    i = first.i
    while (
        i < len(doc)
        and i - first.i < 4
        and (doc[i].is_upper or doc[i].text in {"(", ")"} or (doc[i].is_title and doc[i - 1].text == "("))
    ):
        i += 1
    if i == first.i or i + 1 >= len(doc) or not doc[first.i].is_upper or len(doc[first.i]) < 3:
        return
    if doc[i].text in {":", "-", "—", "–"} and not doc[i + 1].is_space:
        doc[i + 1].is_sent_start = True


@Language.component("materiel_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence, so headlines, datelines and transcript turns are not run into
    the sentence that follows; a list introduced by a colon stays one sentence with its items."""
    in_list = False
    last_word: Token | None = None
    if len(doc) > 2:
        _split_dateline(doc, doc[0])
    for token in doc[:-1]:
        if token.is_space and "\n" not in token.text:
            continue
        if "\n" not in token.text and "\n" not in token.whitespace_:
            if not token.is_space:
                last_word = token
            continue
        if not token.is_space:
            last_word = token
        following = doc[token.i + 1]
        while following.is_space and following.i + 1 < len(doc):
            following = doc[following.i + 1]
        ends_open = last_word is not None and last_word.text in {":", ";", ","}
        _split_dateline(doc, following)
        in_list = ends_open or (in_list and following.text in BULLETS)
        doc[token.i + 1].is_sent_start = not (ends_open or (in_list and following.text in BULLETS))
    return doc


class FactsComponent:
    """Actors, materiel, transfers, designations and denials of a parsed document."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.item_matcher = build_item_matcher(nlp, gaz)
        self.transfers = TransferRules(gaz.triggers.get("transfer_triggers", {}))
        self.statements = StatementRules(
            gaz.triggers.get("designation_triggers", {}),
            gaz.triggers.get("denial_triggers", {}),
            set(gaz.triggers.get("reporting_verbs", [])),
        )
        self.transfers.denial_verbs = set(self.statements.denial.get("verbs", []))
        self.support = TransferRules(gaz.triggers.get("support_triggers", {}))
        self.support.denial_verbs = self.transfers.denial_verbs
        self.support_matcher = build_term_matcher(nlp, gaz.triggers.get("support_terms", {}))
        nouns = gaz.triggers.get("transfer_triggers", {}).get("nouns", {})
        self.keep_heads = frozenset(nouns) | gaz.generic_heads | KEEP_HEADS

    def __call__(self, doc: Doc) -> Doc:
        actors = collect_actors(doc, self.gaz)
        sents = list(doc.sents)
        resolver = ActorResolver(actors, self.gaz, first_actor_keys(sents, actors))
        items = find_items(doc, self.item_matcher, self.gaz, self.keep_heads)
        facts = DocFacts(actors, items, resolver=resolver)
        facts.transfers = self.transfers.match(doc, actors, resolver, items)
        facts.designations = self.statements.match_designations(doc, resolver, self.gaz)
        topical = {i for m in items for i in range(m.start, m.end)}
        topical |= {t.i for t in doc if self.transfers.frame_of(t) is not None}
        topical |= {t.i for t in doc if t.lemma_.lower() in {"support", "assistance", "aid", "arm"}}
        facts.denials = self.statements.match_denials(doc, resolver, topical)
        facts.denials += self.statements.self_denials(facts.transfers, resolver)
        support_items = find_terms(
            doc, self.support_matcher, {i for m in items for i in range(m.start, m.end)}
        )
        facts.support = self.support.match(doc, actors, resolver, support_items)
        facts.accusations = self.statements.match_accusations(
            doc, resolver, self.gaz.triggers.get("accusation_triggers", {})
        )
        doc._.materiel = facts
        return doc


@Language.factory("materiel_facts")
def make_facts(nlp: Language, name: str) -> FactsComponent:
    del name
    return FactsComponent(nlp, default_gazetteer())
