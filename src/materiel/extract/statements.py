"""Designations, denials and attribution: who sanctioned whom, who denies, who says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import Actor, ActorIndex
from materiel.extract.designations import DesignationRules
from materiel.extract.syntax import ActorResolver, ancestors_in_sentence, children, prep_objects
from materiel.model import EntityKind

DISMISSALS = {
    "groundless",
    "baseless",
    "unfounded",
    "false",
    "fabricated",
    "fabrication",
    "absurd",
    "nonsense",
    "lie",
    "lies",
    "fake",
    "slander",
    "untrue",
    "ridiculous",
    "speculation",
    "smear",
}


def _inside_quotes(token: Token) -> bool:
    before = token.sent.text[: token.idx - token.sent.start_char]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@dataclass(slots=True)
class AccusationMatch:
    trigger: Token
    sentence: Span
    accusers: list[Actor]
    accused: list[Actor]
    claim: str | None = None


@dataclass(slots=True)
class DenialMatch:
    trigger: Token
    sentence: Span
    parties: list[Actor]
    claim_span: tuple[int, int] | None = None  # token span of what is denied


@dataclass(slots=True)
class StatementRules(DesignationRules):
    designation: dict[str, Any]
    denial: dict[str, Any]
    reporting_verbs: set[str] = field(default_factory=set)

    # ---- denials --------------------------------------------------------------------------
    def match_denials(self, doc: Doc, resolver: ActorResolver, topical: set[int]) -> list[DenialMatch]:
        """Denials by an actor of a claim about arms or support. ``topical`` holds the token
        indices of materiel and transfer words: a denial must concern one of them or a claim."""
        verbs = set(self.denial.get("verbs", []))
        nouns = set(self.denial.get("nouns", []))
        claims = set(self.denial.get("claim_nouns", []))
        out: list[DenialMatch] = []
        for sent in doc.sents:
            for token in sent:
                lemma = token.lemma_.lower()
                if not (
                    (token.pos_ == "VERB" and lemma in verbs) or (token.pos_ == "NOUN" and lemma in nouns)
                ):
                    continue
                subj = children(token, {"nsubj"}) if token.pos_ == "VERB" else children(token, {"poss"})
                subj += prep_objects(token, {"by"})
                if not subj and token.dep_ in {"acl", "relcl"}:  # "Iran's top diplomat denied" misparsed
                    subj = [token.head]
                if not subj and token.dep_ in {"advcl", "xcomp", "conj"}:  # "... continue to lie, denying"
                    subj = children(token.head, {"nsubj"})
                parties = [p for s in subj for p in self._deniers(s, resolver)]
                if not parties:
                    continue
                objects = [c for c in token.children if c.dep_ in {"dobj", "ccomp", "prep", "xcomp", "pcomp"}]
                region = [t.i for o in objects for t in o.subtree]
                if any(o.lower_ in {"which", "this", "that", "it", "them"} for o in objects):
                    region += list(range(sent.start, token.i))  # "..., which Pyongyang and Moscow deny"
                has_claim = any(doc[i].lemma_.lower() in claims for i in region)
                # "deny" a supply is enough; "reject" must reject a claim ("rejected an offer" is no denial)
                direct_supply = any(
                    o.i in topical and o.pos_ == "VERB" for o in objects
                )  # "rejects supplying arms"
                about = (
                    has_claim
                    or direct_supply
                    or (lemma in {"deny", "denial"} and any(i in topical for i in region))
                )
                if not about:
                    continue
                span = (min(region), max(region) + 1) if region else None
                out.append(DenialMatch(token, sent, list({a.key: a for a in parties}.values()), span))
            out += self._dismissals(sent, resolver, claims)
        return out

    def self_denials(self, transfers: list[Any], resolver: ActorResolver) -> list[DenialMatch]:
        """ "Beijing insists it does not provide weapons to Russia", "'Iran has not delivered missiles
        to Russia,' he wrote": a negated transfer asserted by its own supplier, or quoted, is a denial."""
        out: list[DenialMatch] = []
        for m in transfers:
            if not m.negated or m.hypothetical or m.supplier is None:
                continue
            supplier_state = resolver.index.state_of(m.supplier) or m.supplier.key
            sayers = []
            for tok in ancestors_in_sentence(m.trigger, 6):
                if tok.lemma_.lower() in self.reporting_verbs | {"insist", "maintain", "stress", "reiterate"}:
                    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                    if subj is None and tok.dep_ == "conj":  # "X called ... and said it never ..."
                        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                    sayers += self._deniers(subj, resolver) if subj is not None else []
            keys = {resolver.index.state_of(a) or a.key for a in sayers}
            quoted = _inside_quotes(m.trigger)
            other_states = {k for k in keys if len(k) == 2 and k != supplier_state}
            if supplier_state in keys or (quoted and not other_states):
                out.append(
                    DenialMatch(m.trigger, m.sentence, [m.supplier], (m.sentence.start, m.sentence.end))
                )
        return out

    def _deniers(self, subject: Token, resolver: ActorResolver) -> list[Actor]:
        """Who denies: the subject and its conjuncts; "both parties/countries" for the last two
        states named; a person who speaks for a state stands for it."""
        if subject.lemma_.lower() in {"party", "country", "side", "nation", "government", "capital"} and any(
            c.lower_ in {"both", "two"} for c in subject.children
        ):
            states: list[Actor] = []
            for tok in reversed(subject.doc[max(subject.sent.start - 60, 0) : subject.i]):
                actor = resolver.index.at(tok)
                if actor is not None and actor.kind == EntityKind.STATE and actor not in states:
                    states.append(actor)
                if len(states) == 2:
                    return states
            return []
        out: list[Actor] = []
        owners = [resolver.index.at(a) for a in subject.children if a.dep_ in {"amod", "compound", "nmod"}]
        owners += [resolver.index.at(c) for a in subject.children if a.dep_ == "amod" for c in a.conjuncts]
        states = [a for a in owners if a is not None and a.kind == EntityKind.STATE]
        if (
            len(states) > 1 and resolver.actor(subject) is not None
        ):  # "Both Russian and North Korean officials"
            return list({a.key: a for a in states}.values())
        for tok in [subject, *subject.conjuncts]:
            actor = resolver.actor(tok)
            if actor is None or actor.kind == EntityKind.REGION:
                continue
            if actor.org_type == "media":  # a state's news agency speaks for it ("KCNA called ...")
                owner = next((resolver.index.at(c) for c in tok.children if c.dep_ == "poss"), None)
                actor = owner or (
                    resolver.index.actors.get(f"state:{actor.country}") if actor.country else None
                )
                if actor is None:
                    continue
            if actor.represents:
                actor = resolver.index.actors.get(f"state:{actor.represents}", actor)
            out.append(actor)
        return out

    def _dismissals(self, sent: Span, resolver: ActorResolver, claims: set[str]) -> list[DenialMatch]:
        """ "... allegations about weapons supplies, but they are groundless," X said; "X called the
        claims absurd": the speaker denies."""
        words = {t.lemma_.lower() for t in sent}
        if not (words & DISMISSALS) or not (words & claims):
            return []
        for tok in sent:
            if tok.lemma_.lower() in self.reporting_verbs | {"call", "describe", "label", "brand", "term"}:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    parties = self._deniers(subj, resolver)
                    if parties:
                        return [DenialMatch(tok, sent, parties, (sent.start, sent.end))]
        return []

    # ---- accusations ----------------------------------------------------------------------
    def match_accusations(
        self, doc: Doc, resolver: ActorResolver, config: dict[str, Any]
    ) -> list[AccusationMatch]:
        """ "X accused Y of supplying ...", "Y is accused of ...", "X's accusations that Y ...":
        who accuses whom, and of what."""
        verbs, nouns = set(config.get("verbs", [])), set(config.get("nouns", []))
        out: list[AccusationMatch] = []
        for sent in doc.sents:
            for token in sent:
                lemma = token.lemma_.lower()
                if token.pos_ == "VERB" and lemma in verbs:
                    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)
                    accuser_toks = prep_objects(token, {"by"}) if passive else children(token, {"nsubj"})
                    accused_toks = children(token, {"nsubjpass"}) if passive else children(token, {"dobj"})
                    claim_toks = prep_objects(token, {"of", "with"}) + children(token, {"ccomp"})
                elif token.pos_ == "NOUN" and lemma in nouns:
                    accuser_toks = children(token, {"poss"}) + prep_objects(token, {"by", "from"})
                    accused_toks = prep_objects(token, {"against"})
                    claim_toks = prep_objects(token, {"of"}) + children(token, {"acl", "ccomp"})
                else:
                    continue
                accusers = [a for a in (p for t in accuser_toks for p in self._deniers(t, resolver)) if a]
                accused = [a for a in (p for t in accused_toks for p in self._deniers(t, resolver)) if a]
                if not claim_toks or not (accusers or accused):
                    continue
                left = min(t.left_edge.i for t in claim_toks)
                right = max(t.right_edge.i for t in claim_toks)
                out.append(AccusationMatch(token, sent, accusers, accused, doc[left : right + 1].text))
        return out

    # ---- attribution ----------------------------------------------------------------------
    def asserted_by(self, token: Token, resolver: ActorResolver, speaker: Actor | None) -> list[Actor]:
        """Who the sentence reports as saying the fact: "X said", "according to X", "X accused"."""
        out: list[Actor] = []
        for tok in ancestors_in_sentence(token, 8):
            if tok.lemma_.lower() in self.reporting_verbs:
                for child in tok.children:
                    if child.dep_ in {"nsubj", "agent"}:
                        actor = resolver.actor(child)
                        if actor is not None and actor.kind != EntityKind.REGION:
                            out.append(actor)
        sent = token.sent
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
                for obj in prep_objects(sent.doc[tok.i + 1], {"to"}) or list(sent.doc[tok.i + 1].children):
                    actor = resolver.actor(obj)
                    if actor is not None:
                        out.append(actor)
            if (
                tok.lemma_.lower() in self.reporting_verbs
                and tok.dep_ in {"ROOT", "parataxis"}
                and tok.i > token.i
            ):
                for child in tok.children:
                    if child.dep_ == "nsubj":
                        actor = resolver.actor(child)
                        if actor is not None and actor.kind != EntityKind.REGION:
                            out.append(actor)
        if not out and speaker is not None:
            out.append(speaker)
        return list({a.key: a for a in out}.values())


def speakers_by_line(doc: Doc, index: ActorIndex) -> dict[int, Actor]:
    """In transcripts, the labelled speaker ("MR. KIRBY:") of each character offset's paragraph."""
    out: dict[int, Actor] = {}
    current: Actor | None = None
    offset = 0
    for line in doc.text.split("\n"):
        span = doc.char_span(offset, offset + len(line), alignment_mode="expand") if line else None
        if span is not None and ":" in line[:40]:
            label = line.split(":", 1)[0]
            for tok in span:
                if tok.idx - offset >= len(label):
                    break
                actor = index.at(tok)
                if actor is not None and actor.kind == EntityKind.PERSON:
                    current = actor
                    break
            else:
                if label.isupper():
                    current = None
        if current is not None:
            out[offset] = current
        offset += len(line) + 1
    return out
