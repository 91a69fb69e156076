"""Who supplies and who receives: the role rules shared by the transfer and support triggers.

A mixin of :class:`~materiel.extract.transfers.TransferRules`; each method reads the parse around
one trigger and fills a :class:`~materiel.extract.transfers.TransferMatch`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from materiel.extract.actors import Actor
from materiel.extract.items import ItemMention
from materiel.extract.roles_context import TransferContext
from materiel.extract.syntax import ActorResolver, ancestors_in_sentence, children, prep_objects
from materiel.model import EntityKind

if TYPE_CHECKING:
    from materiel.extract.transfers import TransferMatch

ENABLING = {
    "approve",
    "authorize",
    "authorise",
    "allow",
    "permit",
    "announce",
    "complete",
    "begin",
    "start",
    "resume",
    "finalize",
    "finalise",
    "sign",
    "promise",
    "pledge",
    "continue",
    "accelerate",
    "expand",
    "increase",
    "order",
    "clear",
    "negotiate",
    "prioritise",
    "prioritize",
    "arrange",
}
LISTING = {"put", "add", "list", "sanction", "designate", "blacklist", "target", "penalize", "penalise"}
ROLE_NOUNS = {"role", "part", "hand", "involvement"}
DEAL_NOUNS = {"contract", "deal", "agreement", "accord", "memorandum"}
HANDED_OVER = {"supplied", "provided", "sent", "delivered", "shipped", "transferred", "sold", "given"}
ORIGIN_WORDS = {
    "made",
    "built",
    "produced",
    "manufactured",
    "supplied",
    "provided",
    "designed",
    "origin",
    "sourced",
    "developed",
    "sent",
    "delivered",
}


def _listing_verb(governor: Token) -> Token | None:
    """The sanctioning verb a reason hangs under: "sanctioned X for its role in supplying",
    "put X on its list for supplying" (through at most two noun-preposition steps)."""
    tok = governor
    for _ in range(3):
        if tok.pos_ == "VERB":
            return tok if tok.lemma_.lower() in LISTING else None
        if tok.dep_ not in {"pobj", "prep"} or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.dep_ == "prep":
            tok = tok.head
    return None


def _one_of(group: Token) -> Token | None:
    """The member named for a group: "named Serbia as one of three countries supplying ...",
    "Serbia is one of / among the countries supplying ..."."""
    prep = group.head if group.dep_ == "pobj" else None
    if prep is None:
        return None
    if prep.lower_ == "of" and prep.head.lower_ == "one":
        one = prep.head
        if one.dep_ == "pobj" and one.head.lower_ == "as":  # "named X as one of"
            return next((c for c in one.head.head.children if c.dep_ in {"oprd", "dobj"}), None)
        if one.dep_ == "attr":  # "X is one of"
            return next((c for c in one.head.children if c.dep_ == "nsubj"), None)
    if prep.lower_ == "among" and prep.head.lemma_ == "be":  # "X is among the countries"
        return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
    return None


class TransferRoles(TransferContext):
    """Role assignment over the dependency parse (see the module docstring of ``transfers``)."""

    object_control: set[str]

    def _subject(self, token: Token, resolver: ActorResolver) -> Actor | None:
        """The doer of a verb trigger: its subject, by-agent, or the controller of its clause."""
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)
        if passive or (token.tag_ == "VBN" and token.dep_ in {"acl", "relcl", "conj", "ROOT"}):
            for obj in prep_objects(token, {"by"}):
                actor = resolver.party(obj)
                if actor:
                    return actor
            if passive:
                return None
        for child in token.children:
            if child.dep_ in {"nsubj", "csubj"}:
                examples = resolver.examples(child)
                return examples[0] if examples else resolver.party(child)
        for child in token.children:  # "Algeria imports ..." parsed as a compound noun
            if child.dep_ == "compound" and child.i < token.i and resolver.party(child) is not None:
                return resolver.party(child)
        current = token
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                return None
            if current.dep_ == "pcomp" and head.dep_ == "prep":  # accused X of supplying
                governor = head.head
                lister = _listing_verb(governor)
                if lister is not None:  # "sanctioned a carrier for its involvement in sending ..."
                    governor = lister
                found = [resolver.party(c) for c in governor.children if c.dep_ == "dobj"]
                if (
                    governor.lemma_.lower() in LISTING
                ):  # "put nine Iranian entities on its list for supplying"
                    owners = [
                        resolver.party(m)
                        for d in children(governor, {"dobj"})
                        for m in d.children
                        if m.dep_ in {"amod", "compound", "nmod", "poss"}
                    ]
                    return next((a for a in [*found, *owners] if a is not None), None)
                if governor.pos_ in {"NOUN", "PROPN"}:  # "the acts of the US in sending"
                    found += [resolver.party(c) for c in governor.children if c.dep_ == "poss"]
                    found += [resolver.party(o) for o in prep_objects(governor, {"of", "by"})]
                    found.append(resolver.party(governor))
                actor = next((a for a in found if a is not None), None)
                if actor is not None:
                    return actor
                current = governor
                if any(c.dep_ in {"nsubj", "csubj"} for c in governor.children):
                    return resolver.party(next(c for c in governor.children if c.dep_ in {"nsubj", "csubj"}))
                continue
            if current.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}:  # Russia's attempt to buy
                for child in head.children:
                    if child.dep_ == "poss":
                        return resolver.party(child)
                for obj in prep_objects(head, {"by", "of"}):
                    actor = resolver.party(obj)
                    if actor:
                        return actor
                return resolver.party(head) or resolver.party(_one_of(head))
            if current.dep_ in {"xcomp", "advcl", "conj", "ccomp"}:
                if current.dep_ != "conj" and head.lemma_.lower() in self.object_control:
                    for child in head.children:
                        if child.dep_ == "dobj":
                            return resolver.party(child)
                for child in head.children:
                    if child.dep_ in {"nsubj", "csubj", "nsubjpass"}:  # "X is believed to have sent"
                        return resolver.party(child)
                current = head
                continue
            if current.dep_ == "pobj" and head.dep_ == "prep":  # in an attempt to obtain
                current = head.head
                for child in current.children:
                    if child.dep_ in {"nsubj", "csubj"}:
                        return resolver.party(child)
                continue
            return None
        return None

    def _partner(self, token: Token, resolver: ActorResolver) -> Actor | None:
        """'worked with X to obtain': the party the go-between dealt with."""
        for governor in [token, *ancestors_in_sentence(token, 3)]:
            for obj in prep_objects(governor, {"with"}):
                actor = resolver.party(obj)
                if actor:
                    return actor
        return None

    @staticmethod
    def _co_subjects(token: Token, resolver: ActorResolver, doer: Actor | None) -> list[Actor]:
        """The other parties of a coordinated subject ("Russia and China were providing ...")."""
        if doer is None:
            return []
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return []
        examples = resolver.examples(subject)  # "countries who supply Armenia, like France and India"
        return examples[1:] + [a for a in map(resolver.party, subject.conjuncts) if a is not None]

    @staticmethod
    def _deal_partner(token: Token, resolver: ActorResolver) -> Actor | None:
        for governor in ancestors_in_sentence(token, 4):
            for noun in [governor, *children(governor, {"dobj"})]:
                if noun.lemma_.lower() in DEAL_NOUNS:
                    actor = next(filter(None, map(resolver.party, prep_objects(noun, {"with"}))), None)
                    if actor is not None:
                        return actor
        return None

    def _origin(self, match: TransferMatch, resolver: ActorResolver, item_at: dict[int, ItemMention]) -> None:
        """Where the items come from: "Iranian drones", "DPRK missiles", "Iran's missiles",
        "Iranian-made drones", "missiles supplied by Iran"."""
        for mention in match.items:
            span = match.trigger.doc[mention.start : mention.end]
            root = span.root
            # who handed them over comes first ("Chinese-made weapons supplied by the UAE": the UAE)
            modifiers = [
                g
                for c in root.children
                if c.dep_ in {"acl", "relcl"} and c.lower_ in HANDED_OVER
                for g in prep_objects(c, {"by"})
            ]
            modifiers += [  # then the head's or any item word's modifiers ("Russian Su-30 fighter jets")
                c
                for t in span
                for c in t.children
                if c.dep_ in {"amod", "compound", "poss", "nmod"} and not mention.start <= c.i < mention.end
            ]
            modifiers += [g for c in root.children if c.lower_ in ORIGIN_WORDS for g in c.children]
            modifiers += [
                g
                for c in root.children
                if c.dep_ in {"acl", "relcl"} and c.lower_ in ORIGIN_WORDS
                for g in prep_objects(c, {"by", "in", "from"})
            ]
            modifiers += [
                a
                for o in prep_objects(root, {"of"})
                if o.lemma_.lower() in {"origin", "make", "manufacture"}
                for a in o.children
                if a.dep_ in {"amod", "compound"}
            ]  # "drones of Iranian origin"
            for tok in modifiers:
                if tok.pos_ == "PRON":
                    continue  # "its arms": whose they are now, not where they came from
                actor = resolver.party(tok)
                if (
                    actor is not None
                    and actor.kind == EntityKind.ORGANIZATION
                    and actor.org_type is None
                    and tok.dep_ in {"compound", "nmod"}
                ):
                    continue  # "Leopard tanks", "Pinaka launchers": a model name, not a maker
                if actor is not None and tok.i not in item_at:
                    match.origin = match.origin or actor
                    match.item_origins.append((mention, actor))
                    break

    def _roles(self, match: TransferMatch, resolver: ActorResolver, item_at: dict[int, ItemMention]) -> None:
        token = match.trigger
        self._origin(match, resolver, item_at)
        is_noun = token.pos_ in {"NOUN", "PROPN"}
        doer: Actor | None
        if is_noun:
            doer = None
            for child in token.children:
                if child.dep_ in {"poss", "amod", "compound", "nmod"} and child.i not in item_at:
                    doer = doer or resolver.party(child)
            if match.frame == "giver":
                of_objects = prep_objects(token, {"of"})  # "the supply of tanks by Russia"
                agents = prep_objects(token, {"by", "from"}) + [
                    a for o in of_objects for a in prep_objects(o, {"by"})
                ]
                doer = doer or next(filter(None, map(resolver.party, agents)), None)
            elif match.frame in {"taker", "user"}:  # "the acquisition by Wagner of drones from Iran"
                agents = prep_objects(token, {"by"})
                if token.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in token.head.children):
                    agents += prep_objects(token.head, {"by"})  # "facilitated the acquisition by X of Y"
                doer = doer or next(filter(None, map(resolver.party, agents)), None)
            if doer is None and token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in ENABLING:
                # "Germany approved the delivery of tanks to Ukraine"
                doer = resolver.party(next((c for c in token.head.children if c.dep_ == "nsubj"), None))
            if doer is None and token.dep_ == "pobj" and token.head.head.lemma_.lower() in ROLE_NOUNS:
                # "the UAE played a role in weapons shipments to Ethiopia"
                verb = token.head.head.head
                doer = resolver.party(next((c for c in verb.children if c.dep_ == "nsubj"), None))
        else:
            doer = self._subject(token, resolver)
            co_doers = self._co_subjects(token, resolver, doer)
        to_side = [a for a in map(self._place_or_party(resolver), prep_objects(token, {"to"})) if a]
        to_side += [a for a in map(resolver.party, children(token, {"dative"})) if a]
        from_list = [a for a in map(resolver.party, prep_objects(token, {"from"})) if a]
        from_list = from_list or self._detached(token, {"from"}, resolver)
        from_side = from_list[0] if from_list else None
        match.more_suppliers = [a for a in from_list[1:] if a.key != from_list[0].key]
        for_side = next(filter(None, map(resolver.party, prep_objects(token, {"for"}))), None)
        for_side = for_side or next(iter(self._detached(token, {"for"}, resolver)), None)
        if match.frame in {"giver", "giver_object"}:
            match.supplier = doer or (from_side if not is_noun or match.frame == "giver" else None)
            if not is_noun and doer is not None:  # "Russia and China were providing the junta with jets"
                match.more_suppliers = [a for a in co_doers if a.key != doer.key]
            objects = [a for a in map(resolver.party, children(token, {"dobj"})) if a]
            with_items = prep_objects(
                token, {"with"}
            ) or [  # "providing the junta with jets", "with" on the junta
                o for d in children(token, {"dobj"}) for o in prep_objects(d, {"with"})
            ]
            if objects and (match.frame == "giver_object" or with_items):
                to_side = objects + to_side
            if not to_side:
                to_side = self._detached(token, {"to"}, resolver)
            if not to_side and not is_noun:  # "given Iran fighter jets" parsed as a compound
                for obj in children(token, {"dobj"}):
                    first = next(iter(obj.lefts), None)
                    if first is not None and first.i == token.i + 1 and first.dep_ == "compound":
                        actor = resolver.party(first)
                        if actor is not None and actor is not doer:
                            to_side = [actor]
                            match.origin = None if match.origin is actor else match.origin
                            match.item_origins = [(i, a) for i, a in match.item_origins if a is not actor]
            match.recipient = to_side[0] if to_side else for_side
            match.more_recipients = [a for a in to_side[1:] if a.key != to_side[0].key]
            if match.supplier is None:
                match.supplier = match.origin
        elif match.frame in {"taker", "user"}:
            match.recipient = doer
            if (
                doer is not None
                and doer.kind in {EntityKind.PERSON, EntityKind.ORGANIZATION}
                and for_side
                and doer.organ_of is None
            ):
                match.brokers.append(doer)
                match.recipient = for_side
            elif doer is None and for_side is not None:
                match.recipient = for_side
            match.supplier = (from_side if match.frame == "taker" else None) or match.origin
            if match.supplier is None and match.brokers:
                match.supplier = self._partner(token, resolver)
            if match.supplier is None:  # "signed a contract with India to buy launchers"
                match.supplier = self._deal_partner(token, resolver)
        elif match.frame == "supplier_noun":  # "North Korea is Russia's main weapons supplier"
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            match.recipient = resolver.party(owner) or for_side or (to_side[0] if to_side else None)
            head = token.head
            named = [resolver.party(c) for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
            named += [
                resolver.party(c)
                for n in token.children
                if n.dep_ in {"compound", "nmod"}
                for c in n.conjuncts
            ]
            if token.dep_ in {"attr", "oprd", "xcomp"}:
                subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                match.supplier = resolver.party(subject)  # "Russia is (considered) the main source of ..."
            elif token.dep_ == "appos":
                match.supplier = resolver.party(head)
            suppliers = [a for a in named if a is not None]
            if match.supplier is None and suppliers:
                match.supplier = suppliers[0]
                match.more_suppliers = [a for a in suppliers[1:] if a.key != suppliers[0].key]
        if match.recipient is None:
            match.recipient = self._bound_for(token, match, resolver)
        if match.recipient is None and match.supplier is not None:
            match.recipient = self._supported(token, resolver)
        match.use = self._use(token)
        self._between(match, resolver)
        self._destinations(match, resolver)
