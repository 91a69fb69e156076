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

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import Actor, ActorIndex
from materiel.extract.items import ItemMention
from materiel.extract.roles import TransferRoles
from materiel.extract.syntax import ActorResolver, ancestors_in_sentence, children, prep_objects
from materiel.model import TransferStatus

DEAL_WORDS = {"deal", "agreement", "contract", "package"}


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


DESTINATION_FRAME: dict[str, Any] = {"frame": "giver", "status": "delivered"}


class TransferRules(TransferRoles):
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
        self.destination_words = set(config.get("destination_words", []))

    # ---- triggers -------------------------------------------------------------------------

    def frame_of(self, token: Token) -> dict[str, Any] | None:
        lemma = token.lemma_.lower()
        if token.lower_ in self.destination_words and self._sends_somewhere(token):
            return DESTINATION_FRAME
        if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
            return self.verbs.get(lemma)
        if token.pos_ in {"NOUN", "PROPN"}:
            return self.nouns.get(lemma) or self.nouns.get(token.lower_)
        return None

    @staticmethod
    def _sends_somewhere(token: Token) -> bool:
        """ "missiles destined for X", "shells that were bound for Y": a participle on the items,
        or their passive predicate, with the place or party they go to."""
        on_items = token.dep_ in {"acl", "amod"} or any(
            c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.pos_ == "NOUN") for c in token.children
        )
        return on_items and any(c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in token.children)

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
            roots += prep_objects(trigger, {"of", "including"})  # "weapons acquisition, including drones"
            roots += children(trigger, {"compound", "amod", "nmod"})
            if not roots:  # "the acquisition by the Wagner Group of drones": "of" hung on the agent
                holders = [trigger, trigger.head] if trigger.dep_ == "dobj" else [trigger]
                roots += [
                    o
                    for h in holders
                    for a in prep_objects(h, {"by", "from", "to"})
                    for o in prep_objects(a, {"of"})
                ]
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
                in_scope = in_scope and chain[i - 1].i == token.i and token.pos_ not in {"NOUN", "PROPN"}
            if i > 0 and tok.dep_ == "prep" and tok.lower_ == "against" and chain[i - 1].dep_ == "pcomp":
                match.blocked = True  # "warned X against providing"
            if (
                i > 0
                and tok.lower_ == "from"
                and chain[i - 1].dep_ == "pcomp"
                and tok.head.lemma_.lower() in {"stop", "prevent", "keep", "bar", "deter", "discourage"}
            ):
                match.blocked = True  # "stop Russia from providing arms"
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
                subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.i != token.i and subject.lemma_.lower() in DEAL_WORDS:
                    match.status = TransferStatus.PLANNED  # "the deal would see Russia supply jets to Iran"
                    status_set = True
                else:
                    match.hypothetical = True
            if (
                token.pos_ in {"NOUN", "PROPN"}
                and i == 0
                and any(c.lower_ in {"any", "future", "potential", "possible"} for c in tok.children)
            ):
                match.hypothetical = True
            if (
                i > 0
                and lemma in self.blocking
                and not any(a.lemma_.lower() == "fail" for a in [tok.head, *ancestors_in_sentence(tok, 2)])
            ):
                match.blocked = True  # "prevented" blocks; "failed to prevent" does not
            if i > 0 and lemma in self.denial_verbs:
                match.denied = True
                break
            regarded = lemma == "consider" and any(
                c.dep_ == "auxpass" for c in tok.children
            )  # "is considered"
            if i > 0 and not status_set and lemma in self.status_governors and not regarded:
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
                if tok.dep_ == "pobj" and tok.i != head.i:
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
