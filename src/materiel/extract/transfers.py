"""Arms-transfer rules over the dependency parse.

A transfer needs a trigger (a verb or noun of transfer from ``triggers.yaml``), materiel attached to
it (the weapon lexicon), and both ends. Each trigger has a frame that says where the ends are:
a *giver* trigger ("supply", "provision") has the supplier as its subject, possessor or by-agent and
the recipient after "to"; a *taker* ("seek", "procurement") has the recipient there and the supplier
after "from" or as the origin of the items ("Iranian drones", "DPRK ballistic missiles"); a *user*
("use") has the recipient as its subject and the supplier as the origin of the items; a *neutral*
one ("deal", "cooperation") takes its ends from "between A and B" or "A-B".

``match_transfers`` returns candidate transfers with the tokens they rest on; ``build`` in the
pipeline turns them into events. Negated, hypothetical and prohibited transfers are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import Actor, ActorIndex
from materiel.extract.items import ItemMention
from materiel.extract.syntax import ActorResolver, ancestors_in_sentence, children, prep_objects
from materiel.model import EntityKind, TransferStatus

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
GOVERNOR_DEPS = {
    "xcomp",
    "advcl",
    "acl",
    "pcomp",
    "relcl",
    "ccomp",
    "conj",
    "prep",
    "pobj",
    "dobj",
    "nsubj",
    "nsubjpass",
    "attr",
    "appos",
    "advmod",
    "oprd",
}


@dataclass(slots=True)
class TransferMatch:
    trigger: Token
    frame: str
    sentence: Span
    supplier: Actor | None = None
    recipient: Actor | None = None
    more_recipients: list[Actor] = field(default_factory=list)
    more_suppliers: list[Actor] = field(default_factory=list)
    item_origins: list[tuple[ItemMention, Actor]] = field(default_factory=list)
    brokers: list[Actor] = field(default_factory=list)
    items: list[ItemMention] = field(default_factory=list)
    origin: Actor | None = None
    unordered: bool = False
    status: TransferStatus = TransferStatus.DELIVERED
    consideration: list[str] = field(default_factory=list)
    consideration_tokens: set[int] = field(default_factory=set)
    destinations: list[str] = field(default_factory=list)
    use: str | None = None
    negated: bool = False
    hypothetical: bool = False
    blocked: bool = False
    denied: bool = False


class TransferRules:
    """Applies the trigger frames of ``triggers.yaml`` to one parsed document."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.verbs: dict[str, dict[str, Any]] = config.get("verbs", {})
        self.nouns: dict[str, dict[str, Any]] = config.get("nouns", {})
        self.status_governors = {
            lemma: TransferStatus(status)
            for status, lemmas in config.get("status_governors", {}).items()
            for lemma in lemmas
        }
        self.blocking = set(config.get("blocking_governors", []))
        self.object_control = set(config.get("object_control", []))
        self.hypothetical = set(config.get("hypothetical_cues", []))
        self.consideration_cues = [c.split() for c in config.get("consideration_cues", [])]
        self.self_items = bool(config.get("self_items", False))
        self.denial_verbs: set[str] = set()

    # ---- triggers -------------------------------------------------------------------------
    def frame_of(self, token: Token) -> dict[str, Any] | None:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
            return self.verbs.get(lemma)
        if token.pos_ in {"NOUN", "PROPN"}:
            return self.nouns.get(lemma) or self.nouns.get(token.lower_)
        return None

    def match(
        self, doc: Doc, index: ActorIndex, resolver: ActorResolver, items: list[ItemMention]
    ) -> list[TransferMatch]:
        item_at = {i: m for m in items for i in range(m.start, m.end)}
        found: list[TransferMatch] = []
        for sent in doc.sents:
            consideration = self._consideration(sent, index)
            for token in sent:
                frame = self.frame_of(token)
                if frame is None:
                    continue
                match = TransferMatch(token, frame["frame"], sent, status=TransferStatus(frame["status"]))
                match.consideration, match.consideration_tokens = consideration
                match.items = self._items(token, item_at, match.consideration_tokens)
                if self.self_items and token.i in item_at and item_at[token.i] not in match.items:
                    match.items.insert(0, item_at[token.i])  # "the deployment of troops", "training"
                if not match.items:
                    continue
                self._roles(match, resolver, item_at)
                self._modality(match)
                found.append(match)
            self._share_within_sentence([m for m in found if m.sentence.start == sent.start])
        return found

    # ---- items ----------------------------------------------------------------------------
    def _item_roots(self, trigger: Token) -> list[Token]:
        roots: list[Token] = []
        if trigger.pos_ in {"NOUN", "PROPN"}:
            roots += prep_objects(trigger, {"of"})
            roots += children(trigger, {"compound", "amod", "nmod"})
        else:
            roots += children(trigger, {"dobj", "nsubjpass", "attr", "oprd", "nsubj"})
            roots += prep_objects(trigger, {"with", "of"})
            if trigger.dep_ in {"acl", "relcl"} and trigger.head.pos_ in {"NOUN", "PROPN"}:
                roots.append(trigger.head)
        if trigger.dep_ == "conj" and not roots:
            roots += self._item_roots(trigger.head)
        return roots

    def _items(
        self, trigger: Token, item_at: dict[int, ItemMention], excluded: set[int]
    ) -> list[ItemMention]:
        seen: dict[int, ItemMention] = {}
        for root in self._item_roots(trigger):
            for token in root.subtree:
                mention = item_at.get(token.i)
                if mention is not None and token.i not in excluded and abs(token.i - root.i) < 15:
                    seen[mention.start] = mention
        # the trigger's own conjuncts share the object ("export and procurement of missiles")
        if not seen:
            for conj in trigger.conjuncts:
                if self.frame_of(conj) is not None:
                    for root in self._item_roots(conj):
                        for token in root.subtree:
                            mention = item_at.get(token.i)
                            if mention is not None and token.i not in excluded:
                                seen[mention.start] = mention
        return [seen[k] for k in sorted(seen)]

    # ---- roles ----------------------------------------------------------------------------
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
                return resolver.party(child)
        for child in token.children:  # "Algeria imports ..." parsed as a compound noun
            if child.dep_ == "compound" and child.i < token.i and resolver.party(child) is not None:
                return resolver.party(child)
        current = token
        for _ in range(4):
            head = current.head
            if head is current:
                return None
            if current.dep_ == "pcomp" and head.dep_ == "prep":  # accused X of supplying
                governor = head.head
                found = [resolver.party(c) for c in governor.children if c.dep_ == "dobj"]
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
                return resolver.party(head)
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

    def _origin(self, match: TransferMatch, resolver: ActorResolver, item_at: dict[int, ItemMention]) -> None:
        """Where the items come from: "Iranian drones", "DPRK missiles", "Iran's missiles",
        "Iranian-made drones", "missiles supplied by Iran"."""
        for mention in match.items:
            root = match.trigger.doc[mention.start : mention.end].root
            modifiers = [c for c in root.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
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
                doer = doer or next(
                    filter(None, map(resolver.party, prep_objects(token, {"by", "from"}))), None
                )
        else:
            doer = self._subject(token, resolver)
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
            objects = [a for a in map(resolver.party, children(token, {"dobj"})) if a]
            if objects and (match.frame == "giver_object" or prep_objects(token, {"with"})):
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
                match.supplier = resolver.party(next((c for c in head.children if c.dep_ == "nsubj"), None))
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
            if token.dep_ in {"dobj", "nsubjpass"} and "to" in preps:
                places.append(token.head)
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
            if len(parties) < 2:
                parties = [
                    a for a in map(resolver.party, children(governor, {"compound", "nmod", "amod"})) if a
                ]
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
            while place.dep_ == "conj" and place.head is not place:
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
    def _modality(self, match: TransferMatch) -> None:
        token = match.trigger
        chain = [token, *ancestors_in_sentence(token, 6)]
        status_set = False
        in_scope = (
            True  # modals count until the trigger sits inside a noun phrase ("the acts of X in sending")
        )
        for i, tok in enumerate(chain):
            lemma = tok.lemma_.lower()
            if i > 0 and chain[i - 1].dep_ in {"pobj", "pcomp", "acl", "relcl", "appos", "compound"}:
                in_scope = in_scope and chain[i - 1] is token and token.pos_ not in {"NOUN", "PROPN"}
            if i > 0 and tok.dep_ == "prep" and tok.lower_ == "against" and chain[i - 1].dep_ == "pcomp":
                match.blocked = True  # "warned X against providing"
            if any(c.dep_ == "neg" for c in tok.children) or (
                i > 0
                and any(
                    c.lower_ in {"no", "never"} and c.dep_ in {"det", "neg", "advmod"} for c in tok.children
                )
            ):
                match.negated = True
            if (
                in_scope
                and any(
                    c.dep_ in {"aux", "mark", "advmod", "det"} and c.lower_ in self.hypothetical
                    for c in tok.children
                )
                and not any(c.lower_ in {"have", "has"} for c in tok.children)
            ):
                match.hypothetical = True
            if (
                token.pos_ in {"NOUN", "PROPN"}
                and i == 0
                and any(c.lower_ in {"any", "future", "potential", "possible"} for c in tok.children)
            ):
                match.hypothetical = True
            if i > 0 and lemma in self.blocking:
                match.blocked = True
            if i > 0 and lemma in self.denial_verbs:
                match.denied = True
                break
            if i > 0 and not status_set and lemma in self.status_governors:
                match.status = self.status_governors[lemma]
                status_set = True
            if tok.dep_ == "ROOT":
                break
        if token.i + 1 < len(token.doc) and token.nbor(1).lemma_.lower() in self.blocking:
            match.blocked = True  # "export ban", "arms embargo"
        if any(
            c.lower_ in {"no", "zero"} and c.dep_ == "det"
            for m in match.items
            for c in token.doc[m.start : m.end].root.children
        ):
            match.negated = True  # "has given Ukraine no air defence systems"
        if (
            any(c.lower_ in {"will", "shall", "'ll"} and c.dep_ == "aux" for c in token.children)
            and match.status == TransferStatus.DELIVERED
        ):
            match.status = TransferStatus.PLANNED

    # ---- consideration --------------------------------------------------------------------
    def _consideration(self, sent: Span, index: ActorIndex) -> tuple[list[str], set[int]]:
        words = [t.lower_ for t in sent]
        texts: list[str] = []
        covered: set[int] = set()
        for cue in self.consideration_cues:
            n = len(cue)
            for i in range(len(words) - n + 1):
                if words[i : i + n] != cue:
                    continue
                last = sent[i + n - 1]
                objects = [c for c in last.children if c.dep_ == "pobj"]
                if not objects and i + n < len(sent) and sent[i + n].pos_ in {"NOUN", "PROPN"}:
                    objects = [sent[i + n]]
                for obj in objects:
                    covered.update(t.i for t in obj.subtree)
                    for part in [obj, *obj.conjuncts]:
                        texts.extend(self._goods(part, index))
        return texts, covered

    def _goods(self, head: Token, index: ActorIndex) -> list[str]:
        if head.i in index.by_token:
            return []
        if any(c.lemma_ == "range" for c in head.children):  # "materials ranging from A to B and C"
            out: list[str] = []
            for tok in head.subtree:
                if tok.dep_ == "pobj" and tok is not head:
                    out.extend(self._goods(tok, index))
                    out.extend(g for c in tok.conjuncts for g in self._goods(c, index))
            return list(dict.fromkeys(out))
        left = min([head.i, *[c.i for c in head.children if c.dep_ in {"amod", "compound", "nmod"}]])
        return [head.doc[left : head.i + 1].text]

    # ---- fallbacks ------------------------------------------------------------------------
    @staticmethod
    def _share_within_sentence(matches: list[TransferMatch]) -> None:
        """A list of transfers in one sentence shares a stated supplier ("... passed to X, and
        drones provided to Y by Z")."""
        suppliers = [m.supplier for m in matches if m.supplier is not None and not m.unordered]
        for m in matches:
            if m.frame == "giver" and m.supplier is None and m.recipient is not None and suppliers:
                candidates = [s for s in suppliers if s.key != m.recipient.key]
                if candidates:
                    m.supplier = candidates[-1]
