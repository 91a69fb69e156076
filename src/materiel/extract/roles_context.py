"""Where a transfer goes and what surrounds it: recipients the parser hung elsewhere, declared
destinations ("bound for Syria"), the use the items are put to, and undirected "between A and B".

A mixin of :class:`~materiel.extract.roles.TransferRoles`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from materiel.extract.actors import Actor
from materiel.extract.syntax import ActorResolver, ancestors_in_sentence, children, prep_objects
from materiel.model import EntityKind, TransferStatus

if TYPE_CHECKING:
    from materiel.extract.transfers import TransferMatch

DISGUISE_CUES = {
    "appear",
    "disguise",
    "label",
    "mislabel",
    "declare",
    "falsify",
    "pretend",
    "obfuscate",
    "conceal",
    "camouflage",
    "mask",
    "manifest",
    "ostensibly",
    "purportedly",
    "supposedly",
    "bound",
}

BOUND_WORDS = {
    "bind",
    "bound",
    "destine",
    "destined",
    "intend",
    "intended",
    "head",
    "heading",
    "earmark",
    "earmarked",
    "meant",
    "mean",
}


class TransferContext:
    """Role rules about destinations, use and undirected mentions."""

    @staticmethod
    def _place_or_party(resolver: ActorResolver) -> Callable[[Token], Actor | None]:
        """A party; or, for a place, the state it is said to be in ("to Khasan in Russia")."""

        def resolve(token: Token) -> Actor | None:
            actor = resolver.party(token)
            if actor is not None:
                return actor
            for obj in prep_objects(token, {"in"}):
                inner = resolver.party(obj)
                if inner is not None and inner.kind == EntityKind.STATE:
                    return inner
            return None

        return resolve

    @staticmethod
    def _detached(token: Token, preps: set[str], resolver: ActorResolver) -> list[Actor]:
        """A "to X" the parser hung elsewhere: on the items ("provision of arms to X") or on the verb
        that governs a noun trigger ("condemn the provision of arms by A, to B")."""
        places: list[Token] = []
        if token.pos_ in {"NOUN", "PROPN"}:
            places += prep_objects(token, {"of"})
            if "to" in preps:
                places += prep_objects(token, {"from"})  # "shipments from X to Y", "to" hung on X
                places += [c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"]
            if token.dep_ in {"dobj", "nsubjpass"} and preps & {"to", "from"}:
                places.append(token.head)
            elif (
                token.dep_ == "pobj" and "to" in preps
            ):  # "sanctions for Iran's supply of missiles to Russia"
                places += [a for a in ancestors_in_sentence(token, 3) if a.pos_ in {"VERB", "NOUN"}][:2]
        else:
            places += [
                t for d in children(token, {"dobj"}) for t in d.subtree if t.pos_ in {"NOUN", "PROPN", "NUM"}
            ]
        out: list[Actor] = []
        for place in places:
            out += [a for a in map(resolver.party, prep_objects(place, preps)) if a]
            if place.dep_ == "prep":  # "to" hung on the preposition "from" itself
                inner = [
                    o for p in place.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children
                ]
                out += [a for a in map(resolver.party, inner) if a is not None]
        return out

    @staticmethod
    def _bound_for(token: Token, match: TransferMatch, resolver: ActorResolver) -> Actor | None:
        """ "a weapons shipment bound for the Houthis", "rockets destined for Wagner fighters"."""
        holders = [token, *(token.doc[m.start : m.end].root for m in match.items)]
        for holder in holders:
            for child in holder.children:
                if child.dep_ in {"acl", "relcl", "amod"} and child.lemma_.lower() in BOUND_WORDS:
                    for actor in map(resolver.party, prep_objects(child, {"for", "to"})):
                        if actor is not None:
                            return actor
        return None

    @staticmethod
    def _use(token: Token) -> str | None:
        """What the materiel is for: "to be used in its war in Ukraine", "for use against ..."."""
        sent = token.sent
        for tok in sent[token.i - sent.start + 1 :]:
            if tok.lemma_.lower() == "use" and tok.dep_ in {"advcl", "xcomp", "acl", "relcl", "pobj"}:
                left = tok.left_edge.i if tok.dep_ != "pobj" else tok.head.i
                return token.doc[left : tok.right_edge.i + 1].text
        return None

    @staticmethod
    def _supported(token: Token, resolver: ActorResolver) -> Actor | None:
        """ "... in support of X's war", "for X's war": the war's owner is the recipient."""
        sent = token.sent
        for tok in sent[token.i - sent.start :]:
            if tok.lemma_.lower() in {"war", "invasion", "aggression", "offensive", "campaign"}:
                owner = next((c for c in tok.children if c.dep_ == "poss"), None)
                head = tok.head
                cue = (head.dep_ == "prep" and head.lower_ == "for") or (
                    head.dep_ == "prep" and head.lower_ == "of" and head.head.lemma_.lower() == "support"
                )
                if owner is not None and cue:
                    return resolver.party(owner)
        return None

    def _between(self, match: TransferMatch, resolver: ActorResolver) -> None:
        if match.supplier is not None and match.recipient is not None:
            return
        for governor in [match.trigger, *ancestors_in_sentence(match.trigger, 4)]:
            parties = [a for a in map(resolver.party, prep_objects(governor, {"between", "among"})) if a]
            if (
                len(parties) < 2
            ):  # "DPRK-Russia cooperation": the pair hangs as modifiers, one inside the other
                mods = children(governor, {"compound", "nmod", "amod"})
                mods += [g for m in mods for g in children(m, {"compound", "nmod", "amod"})]
                mods = sorted(mods, key=lambda t: t.i)
                paired = [
                    (a, b)
                    for a, b in itertools.pairwise(mods)
                    if all(t.text in {"-", "–", "/", "and"} for t in a.doc[a.i + 1 : b.i]) and b.i > a.i + 1
                ]
                parties = [x for a, b in paired[:1] for x in (resolver.party(a), resolver.party(b)) if x]
            distinct = list({a.key: a for a in parties}.values())
            if len(distinct) >= 2:
                match.supplier, match.recipient = distinct[0], distinct[1]
                match.unordered = True
                if match.status == TransferStatus.DELIVERED:
                    match.status = TransferStatus.ALLEGED
                return

    def _destinations(self, match: TransferMatch, resolver: ActorResolver) -> None:
        """Declared or apparent destinations: places the cargo was said to go to ("labelled as bound
        for the Middle East", "made to appear as though sent to North Africa")."""
        sent = match.sentence
        cue = next((t for t in sent if t.lemma_.lower() in DISGUISE_CUES), None)
        if cue is None:
            return
        for tok in sent[cue.i - sent.start :]:
            place = tok
            while place.dep_ == "conj" and place.head.i != place.i:
                place = place.head
            if place.dep_ != "pobj" or place.head.lower_ not in {"to", "for", "in", "toward", "towards"}:
                continue
            actor = resolver.actor(tok)
            if actor is None or actor.key in {
                getattr(match.supplier, "key", None),
                getattr(match.recipient, "key", None),
            }:
                continue
            if actor.kind in {EntityKind.REGION, EntityKind.STATE} and actor.name not in match.destinations:
                match.destinations.append(actor.name)

    # ---- modality -------------------------------------------------------------------------
