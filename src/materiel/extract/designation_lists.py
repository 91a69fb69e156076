"""Designations announced as lists rather than as a verb and its object.

"Among those designated was X", "The banks targeted include X and Y", "X is subject to an asset
freeze", "The individuals are X and Y", and names laid out after a colon: "Two individuals were also
sanctioned: A, whom ..., and B." The parse of colon lists is unreliable, so those names are read from
the tokens after the colon rather than from the tree; the caller keeps only those that resolve to
people, organisations or vessels that are not themselves the designating authority."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from materiel.extract.actors import Actor
from materiel.extract.gazetteer import Gazetteer
from materiel.extract.syntax import ActorResolver, children, prep_objects

# the words that may stand between the designation word and the colon: "were also sanctioned:",
# "The sanctioned firms included:"
MAX_GAP = 4
NOT_LIST_ROLES = {"compound", "pobj", "poss", "amod", "nmod"}
PENALTIES = {"sanction", "freeze", "asset", "ban", "penalty", "designation", "measure", "restriction"}
LISTED_NOUNS = {
    "individual",
    "entity",
    "company",
    "person",
    "firm",
    "vessel",
    "bank",
    "ship",
    "target",
    "network",
}
PARTICIPLES = {
    "sanctioned": "sanction",
    "designated": "designate",
    "listed": "list",
    "targeted": "target",
    "blacklisted": "blacklist",
}
HYPHENATED = {
    "designated": "designate",
    "sanctioned": "sanction",
    "listed": "list",
    "blacklisted": "blacklist",
}


def cue_lemma(token: Token) -> str:
    """The verb a participle comes from: "Sanctioned entities include ..." -> sanction."""
    lower = token.lower_
    return PARTICIPLES.get(lower, HYPHENATED.get(lower.rsplit("-", 1)[-1], token.lemma_.lower()))


def with_hung_names(subject: Token, resolver: ActorResolver) -> list[Token]:
    """A subject and the names the parser hung inside it ("A Limited and B LLC will face ...")."""
    clauses = [c for c in subject.children if c.dep_ in {"relcl", "acl"}]
    inside = {t.i for c in clauses for t in c.subtree}  # "X, which was sanctioned by Canada, Y ..."
    return [subject] + [
        t
        for t in subject.subtree
        if t.i != subject.i
        and t.i not in inside
        and t.pos_ == "PROPN"
        and (resolver.index.at(t) or t.dep_ in {"conj", "appos", "nmod"})
    ]


def colon_list_names(trigger: Token, listed_nouns: set[str]) -> list[Token]:
    """The heads of the names listed after a colon that closes the designation clause of
    ``trigger``, or ``[]`` where the clause is not about listed people or firms."""
    sent = trigger.sent
    doc = trigger.doc
    colon = next((t for t in doc[trigger.i + 1 : sent.end] if t.text == ":"), None)
    if colon is None or colon.i - trigger.i > MAX_GAP:
        return []
    about = [c for c in trigger.children if c.dep_ in {"nsubjpass", "nsubj", "dobj"}]
    if trigger.dep_ == "amod":
        about.append(trigger.head)
    if not any(t.lemma_.lower() in listed_nouns for t in about):
        return []
    end = sent.end
    if colon.i == sent.end - 1 and sent.end < len(doc):  # the parser cut the sentence at the colon
        end = doc[sent.end].sent.end
    return [t for t in doc[colon.i + 1 : end] if t.pos_ == "PROPN" and t.dep_ not in NOT_LIST_ROLES]


class DesignationLists:
    """Rules for sentences that list the people and firms designated rather than designate them:
    "Among those designated was X", "X is subject to an asset freeze", "The individuals are X and Y"."""

    designation: dict[str, Any]

    def _target_actors(self, heads: list[Token], resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        raise NotImplementedError

    def _list_targets(self, verb: Token, resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        """ "Among those designated was X", "The banks targeted include X and Y", "X is subject to an
        asset freeze", "The entity targeted for sanctions was named as X"."""
        cue_words = set(self.designation.get("verbs", [])) | set(self.designation.get("nouns", []))
        lemma = verb.lemma_.lower()
        sides = {c.dep_: c for c in verb.children}
        subject = sides.get("nsubj") or sides.get("nsubjpass")
        if lemma == "face" and subject is not None:  # "X and Y will face an asset freeze"
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if any(o.lemma_.lower() in PENALTIES for o in objects):
                return self._target_actors(with_hung_names(subject, resolver), resolver, gaz)
            return []
        if lemma == "subject" and verb.pos_ == "VERB":  # "Britain will subject X to an asset freeze"
            if any(o.lemma_.lower() in PENALTIES for o in prep_objects(verb, {"to"})):
                return self._target_actors(children(verb, {"dobj"}), resolver, gaz)
            return []
        if lemma not in {"be", "include", "comprise", "name"}:
            return []
        if lemma == "be" and subject is None and verb.dep_ == "xcomp":
            # "it identified the three sanctioned individuals to be X, Y and Z"
            subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        attr = sides.get("attr")
        if (
            attr is not None
            and subject is not None
            and any(
                t.lemma_.lower() in cue_words and t.dep_ in {"acl", "relcl", "amod"} for t in attr.subtree
            )
        ):  # "X, Y and Z are the companies sanctioned Wednesday"
            return self._target_actors([subject], resolver, gaz)
        among = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"), None)
        if among is None and verb.head.lower_ == "among":  # "Among those designated was X" parsed upside down
            among = verb.head
        acomp = sides.get("acomp")
        if acomp is not None and acomp.lower_ == "subject" and subject is not None:
            objs = [o for p in children(acomp, {"prep"}) for o in children(p, {"pobj"})]
            if any(o.lemma_.lower() in cue_words | {"sanction", "freeze"} for o in objs):
                return self._target_actors([subject], resolver, gaz)
        cue_tokens = [t for side in (among, subject) if side is not None for t in side.subtree]
        # "the banks targeted", "those designated", "individuals being sanctioned": a participle on the
        # subject; or "the designations include ..."
        if not any(
            cue_lemma(t) in cue_words
            and (t.dep_ in {"acl", "relcl", "amod"} or (subject is not None and t.i == subject.i))
            for t in cue_tokens
        ):
            return []
        heads = [c for c in verb.children if c.dep_ in {"attr", "dobj", "oprd"}]
        heads += prep_objects(verb, {"as"})
        if among is not None and subject is not None:
            heads.append(subject)
        return self._target_actors(heads, resolver, gaz)

    def _named_members(self, verb: Token, resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        """ "The individuals are X and Y." right after a designation: the listed members named."""
        if verb.lemma_ != "be":
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in LISTED_NOUNS:
            return []
        if not any(c.lower_ == "the" for c in subject.children):
            return []
        return self._target_actors([c for c in verb.children if c.dep_ == "attr"], resolver, gaz)
