"""Designations: who was sanctioned, by which authority, on what basis.

A mixin of :class:`~materiel.extract.statements.StatementRules`. Targets are read from the objects
of designation verbs and nouns ("OFAC designated X", "sanctions on X"), from passive subjects ("X was
also designated"), from lists ("Among those designated was X", "X, Y and Z are the companies
sanctioned"); names the NER missed are read off the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import Actor
from materiel.extract.designation_lists import (
    LISTED_NOUNS,
    PENALTIES,
    DesignationLists,
    colon_list_names,
    cue_lemma,
    with_hung_names,
)
from materiel.extract.gazetteer import Gazetteer
from materiel.extract.names import name_actor
from materiel.extract.syntax import ActorResolver, ancestors_in_sentence, children, prep_objects
from materiel.model import EntityKind

LEGAL_BASIS = re.compile(
    r"\b(?:E\.\s?O\.|Executive Order|EO)\s?\d{5}\b|\b(?:UNSCR|[Rr]esolution)\s+\d{3,4}(?:\s\(\d{4}\))?"
    r"|\bCouncil (?:Decision|Regulation) \(?(?:CFSP|EU)?\)? ?\d{4}/\d+|\bsection \d+\(\w\)\(\w+\)",
)
LEADS = {
    "head",
    "chief",
    "commander",
    "member",
    "leader",
    "chairman",
    "director",
    "president",
    "deputy",
    "minister",
    "part",
    "unit",
    "branch",
    "subsidiary",
    "affiliate",
    "official",
    "officer",
}
TARGET_KINDS = {EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.VESSEL, EntityKind.AIRCRAFT}
AUTHORITY_STATES = {"US": "US", "GB": "UK"}


def _noun_phrase(token: Token) -> list[Token]:
    """The tokens of a noun phrase without its prepositional phrases and clauses (a name the parser
    hung as a clause is kept)."""
    out = [token]
    for child in token.children:
        if child.dep_ in {"prep", "relcl", "advcl", "acl", "punct", "cc", "conj", "appos"} and not (
            child.dep_ == "acl" and child.i == token.i + 1 and child.text[:1].isupper()
        ):
            continue
        if child.i > 0 and child.doc[child.i - 1].text == "(":
            continue
        out += _noun_phrase(child)
    return out


def _in_title_of(token: Token) -> bool:
    """ "the head of the IRGC", "the Chairman of the armed forces General Staff": the body a target
    leads or belongs to is not a target itself."""
    tok = token
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.dep_ == "prep" and head.lower_ == "of" and head.head.lemma_.lower() in LEADS:
            return True
        if tok.dep_ not in {"compound", "amod", "nmod", "flat", "appos", "pobj", "prep"}:
            return False
        tok = head
    return False


@dataclass(slots=True)
class DesignationMatch:
    trigger: Token
    sentence: Span
    targets: list[Actor]
    authority: str | None
    authority_actor: Actor | None
    basis: str | None = None
    reason: str | None = None


class DesignationRules(DesignationLists):
    """Designation rules; ``designation`` is the designation_triggers block of triggers.yaml."""

    designation: dict[str, Any]

    def authority_of(self, actor: Actor | None) -> str | None:
        if actor is None:
            return None
        if actor.authority:
            return actor.authority
        if actor.kind == EntityKind.STATE and actor.country:
            return AUTHORITY_STATES.get(actor.country, actor.country)
        if actor.organ_of:
            return AUTHORITY_STATES.get(actor.organ_of, actor.organ_of)
        return None

    def _not_done(self, trigger: Token) -> bool:
        cues = set(self.designation.get("not_done_cues", []))
        for tok in [trigger, *ancestors_in_sentence(trigger, 4)]:
            if tok.lemma_.lower() in cues and tok.i != trigger.i:
                return True
            if any(c.dep_ in {"aux", "neg"} and c.lemma_.lower() in cues | {"not"} for c in tok.children):
                return True
        return False

    def _expand(self, token: Token, depth: int = 0) -> list[Token]:
        """A target phrase and the names listed with it: conjuncts, appositions ("four companies,
        A, B and C"), and the members of "four of its companies"."""
        out = [token]
        if depth > 10:
            return out
        for child in token.children:
            # "12 people, including X", "four of its companies"
            of_count = child.lower_ == "of" and token.pos_ in {"NUM", "PRON"}
            members = child.dep_ == "prep" and (child.lower_ in {"including", "notably"} or of_count)
            if child.dep_ in {"conj", "appos"}:
                out += self._expand(child, depth + 1)
            elif members:
                objs = [obj for obj in child.children if obj.dep_ == "pobj"]
                out += [t for obj in objs for t in self._expand(obj, depth + 1)]
        return out

    def _vessels(self, heads: list[Token], resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        """Names listed as ships are vessels, even where NER took them for people ("the Captain
        Yakubovich") or gave them no type ("the Maria")."""
        out: list[Actor] = []
        for tok in [t for h in heads for t in self._expand(h)]:
            actor = resolver.index.at(tok) or name_actor(tok, resolver.index, gaz)
            if actor is None and tok.pos_ == "PROPN" and tok.is_title:
                actor = resolver.index.add(
                    Actor(f"vessel:{tok.lower_}", EntityKind.VESSEL, tok.text), tok.i, tok.i + 1, tok.text
                )
            if actor is not None and actor.kind in {EntityKind.PERSON, EntityKind.ORGANIZATION}:
                actor.kind = EntityKind.VESSEL
            if actor is not None and actor.kind == EntityKind.VESSEL and actor not in out:
                out.append(actor)
        return out

    def _published_list(self, token: Token, resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        """ "released a list of new Russian targets, including A, B and C"."""
        if token.lemma_.lower() != "list" or token.pos_ != "NOUN":
            return []
        members = [o for o in prep_objects(token, {"of"}) if o.lemma_.lower() in LISTED_NOUNS | {"target"}]
        if not members:
            return []
        heads = prep_objects(token, {"including"}) + [
            x for m in members for x in prep_objects(m, {"including"})
        ]
        return self._target_actors(heads, resolver, gaz)

    def _target_actors(self, heads: list[Token], resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        out: list[Actor] = []
        for head in heads:
            for tok in self._expand(head):
                actor = resolver.actor(tok) if tok.pos_ not in {"PROPN"} else None
                if actor is None and (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
                    actor = name_actor(tok, resolver.index, gaz)
                if (
                    0 < tok.i < len(tok.doc) - 1
                    and tok.doc[tok.i - 1].text == "("
                    and tok.doc[tok.i + 1].text == ")"
                    and tok.text.isupper()
                ):
                    continue  # "(DTSRC)": the acronym of the name before it
                if actor is None:
                    for inner in tok.children:
                        if inner.dep_ in {"compound", "appos"} and inner.pos_ == "PROPN":
                            actor = name_actor(inner, resolver.index, gaz)
                            break
                if actor is None and tok.pos_ == "NOUN":  # "military officer Seyed Qureishi"
                    phrase = _noun_phrase(tok)
                    actor = next(
                        (
                            a
                            for a in map(resolver.index.at, phrase)
                            if a is not None and a.kind in TARGET_KINDS
                        ),
                        None,
                    )
                    if actor is None and tok.lower_ in gaz.vessel_words:  # "the Port Olya-3 cargo ship"
                        name = next((t for t in phrase if t.pos_ == "PROPN" and t.ent_type_ != "NORP"), None)
                        actor = name_actor(name, resolver.index, gaz) if name is not None else None
                if _in_title_of(tok):
                    continue  # "the head of the IRGC": the body the target leads is not a target
                if (
                    actor is not None
                    and actor.kind in TARGET_KINDS
                    and actor.authority is None
                    and actor.org_type != "media"
                    and actor not in out
                ):
                    out.append(actor)
        return out

    def _targets_of(self, trigger: Token, resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        heads: list[Token] = []
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)
        if trigger.pos_ in {"NOUN", "PROPN"}:
            heads += prep_objects(trigger, {"on", "against", "of", "targeting"})
            if trigger.dep_ == "pobj" and trigger.head.lower_ == "under":  # "X, already under sanctions"
                holder = trigger.head.head
                heads += [holder] if holder.pos_ in {"PROPN", "NOUN"} else children(holder, {"nsubj"})
        elif passive:
            subjects = children(trigger, {"nsubjpass"})
            if not subjects:  # "Also sanctioned was the firm X": the subject after the verb
                holders = [trigger, *(c for c in trigger.children if c.dep_ == "auxpass")]
                subjects = [
                    c for h in holders for c in h.children if c.dep_ in {"attr", "nsubj"} and c.i > trigger.i
                ]
            subjects += [  # "X was targeted, as were three Russian firms – A, B and C"
                s
                for c in trigger.children
                if c.dep_ == "advcl" and c.lemma_ == "be" and any(m.lower_ == "as" for m in c.children)
                for s in children(c, {"nsubj"})
            ]
            if not subjects and trigger.dep_ == "conj":  # "X, which is ... and was sanctioned in 2010"
                subjects = children(trigger.head, {"nsubj", "nsubjpass"})
            subjects = [
                t.head.head if t.lower_ in {"which", "who", "that"} and t.head.dep_ == "relcl" else t
                for t in subjects
            ]
            for subject in subjects:
                heads += with_hung_names(subject, resolver)
            if any(t.lemma_.lower() in gaz.vessel_words for t in subjects):  # "three ships – A, B and C –"
                return self._vessels([h for h in heads if h.pos_ == "PROPN"], resolver, gaz)
        else:
            heads += children(trigger, {"dobj"})
            heads += prep_objects(trigger, {"including"})  # "added 12 people to its list, including X"
            # "is designating for sanctions Air Koryo Trading Corporation"
            heads += [o for o in prep_objects(trigger, {"for"}) if o.pos_ == "PROPN"]
            if any(h.lemma_.lower() in LISTED_NOUNS | {"people"} for h in heads):
                heads += [
                    o
                    for t in trigger.subtree
                    if t.lower_ == "including"
                    for o in t.children
                    if o.dep_ == "pobj"
                ]
            for obj in children(trigger, {"dobj"}):
                if obj.lemma_.lower() in {"sanction", "measure", "freeze", "penalty", "restriction"}:
                    heads += prep_objects(obj, {"on", "against", "targeting"})
                    heads += prep_objects(trigger, {"on", "against"})  # "imposing sanctions ... on X"
        heads += colon_list_names(trigger, LISTED_NOUNS)
        modifier = trigger
        while modifier.dep_ == "conj" and modifier.head.i != modifier.i:  # "the UN- and U.S.-designated X"
            modifier = modifier.head
        if modifier.dep_ in {"amod", "acl", "nmod", "compound"} and modifier.head.pos_ in {"NOUN", "PROPN"}:
            heads.append(modifier.head)  # "the U.S.-designated X", "previously sanctioned Y"
        if trigger.dep_ == "relcl" and passive:  # "X, which was sanctioned in 2010"
            heads.append(trigger.head)
        return self._target_actors(heads, resolver, gaz)

    def _authority(
        self, trigger: Token, sent: Span, resolver: ActorResolver
    ) -> tuple[str | None, Actor | None]:
        candidates: list[Token] = []
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)
        if passive or trigger.pos_ in {"NOUN", "PROPN"}:
            candidates += prep_objects(trigger, {"by"})
        candidates += children(trigger, {"nsubj", "poss", "compound", "amod", "npadvmod"})
        for tok in [trigger, *ancestors_in_sentence(trigger, 3)]:
            if tok.lemma_.lower() in {"impose", "announce", "levy"} or tok.i == trigger.i:
                candidates += children(tok, {"nsubj"})
        for tok in candidates:
            actor = resolver.actor(tok)
            if self.authority_of(actor):
                return self.authority_of(actor), actor
        left = trigger.doc[max(trigger.i - 3, sent.start) : trigger.i].text
        if "-" in trigger.text:  # "U.S.-designated", "UN-sanctioned"
            left = f"{left} {trigger.text.rsplit('-', 1)[0]}"
        for code, words in self.designation.get("authority_words", {}).items():
            if any(re.search(rf"(?<![\w.]){re.escape(w)}(?![\w])", left) for w in words):
                return code, None
        for tok in sent:  # "According to the Treasury ...", "..., the State Department said"
            actor = resolver.index.at(tok)
            if actor is not None and actor.kind == EntityKind.ORGANIZATION and actor.authority:
                return actor.authority, actor
        for tok in sent:  # "..., Britain said"
            if tok.lemma_.lower() in {"say", "announce", "state", "add"}:
                speaker = resolver.actor(next((c for c in tok.children if c.dep_ == "nsubj"), None))
                if speaker is not None and self.authority_of(speaker):
                    return self.authority_of(speaker), speaker
        return None, None

    def match_designations(self, doc: Doc, resolver: ActorResolver, gaz: Gazetteer) -> list[DesignationMatch]:
        verbs = set(self.designation.get("verbs", []))
        nouns = set(self.designation.get("nouns", []))
        out: list[DesignationMatch] = []
        last_authority: str | None = self._first_authority(doc, resolver)
        for sent in doc.sents:
            for token in sent:
                lemma = token.lemma_.lower()
                # "The sanctioned firms included: ..." (tagged as an adjective), "U.S.-designated"
                if token.dep_ == "amod" or ("-" in lemma and token.dep_ in {"conj", "nmod", "compound"}):
                    lemma = cue_lemma(token)
                is_verb = lemma in verbs and (
                    token.tag_.startswith("VB") or token.dep_ in {"amod", "acl", "conj", "nmod"}
                )
                is_noun = token.pos_ == "NOUN" and lemma in nouns
                targets: list[Actor] = []
                if (is_verb or is_noun) and not self._not_done(token):
                    if lemma not in {"add", "list", "target", "identify", "impose"} or self._list_context(
                        token
                    ):
                        targets = self._targets_of(token, resolver, gaz)
                elif token.pos_ in {"AUX", "VERB"} and (
                    token.lemma_ in {"face", "subject"} or not self._not_done(token)
                ):
                    targets = self._list_targets(token, resolver, gaz)
                    if not targets and out and sent.start - out[-1].sentence.end <= 60:
                        targets = self._named_members(token, resolver, gaz)
                if not targets and token.pos_ == "NOUN":
                    targets = self._published_list(token, resolver, gaz)
                if not targets:
                    continue
                authority, actor = self._authority(token, sent, resolver)
                authority = authority or last_authority
                last_authority = authority or last_authority
                basis = LEGAL_BASIS.search(sent.text)
                reason = next(
                    (doc[o.left_edge.i : o.right_edge.i + 1].text for o in prep_objects(token, {"for"})), None
                )
                out.append(
                    DesignationMatch(
                        token, sent, targets, authority, actor, basis.group(0) if basis else None, reason
                    )
                )
        return out

    def _first_authority(self, doc: Doc, resolver: ActorResolver) -> str | None:
        """The designating authority the document is about, for sentences that do not name it: the
        first sanctioning body mentioned (Treasury, OFAC, the EU Council ...)."""
        for actor in resolver.index.actors.values():
            if actor.authority and actor.kind == EntityKind.ORGANIZATION and actor.org_type != "media":
                return actor.authority
        return None

    def _list_context(self, token: Token) -> bool:
        words = set(self.designation.get("list_words", []))
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in PENALTIES for c in token.children):
            return True  # "The measures target X and Y"
        window = token.sent.text.lower()
        return any(w in window for w in words) or "sanction" in window

    # ---- denials --------------------------------------------------------------------------
