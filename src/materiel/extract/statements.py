"""Designations, denials and attribution: who sanctioned whom, who denies, who says so."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from materiel.extract.actors import Actor, ActorIndex
from materiel.extract.gazetteer import Gazetteer
from materiel.extract.names import name_actor
from materiel.extract.syntax import ActorResolver, ancestors_in_sentence, children, prep_objects
from materiel.model import EntityKind

LEGAL_BASIS = re.compile(
    r"\b(?:E\.\s?O\.|Executive Order|EO)\s?\d{5}\b|\b(?:UNSCR|[Rr]esolution)\s+\d{3,4}(?:\s\(\d{4}\))?"
    r"|\bCouncil (?:Decision|Regulation) \(?(?:CFSP|EU)?\)? ?\d{4}/\d+|\bsection \d+\(\w\)\(\w+\)",
)
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
HYPHENATED = {
    "designated": "designate",
    "sanctioned": "sanction",
    "listed": "list",
    "blacklisted": "blacklist",
}
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
    while token.dep_ in {"compound", "amod", "nmod", "flat"} and token.head is not token:
        token = token.head
    head = token.head
    return head.dep_ == "prep" and head.lower_ == "of" and head.head.lemma_.lower() in LEADS


def _inside_quotes(token: Token) -> bool:
    before = token.sent.text[: token.idx - token.sent.start_char]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@dataclass(slots=True)
class DesignationMatch:
    trigger: Token
    sentence: Span
    targets: list[Actor]
    authority: str | None
    authority_actor: Actor | None
    basis: str | None = None
    reason: str | None = None


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
class StatementRules:
    designation: dict[str, Any]
    denial: dict[str, Any]
    reporting_verbs: set[str] = field(default_factory=set)

    # ---- designations ---------------------------------------------------------------------
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
            if tok.lemma_.lower() in cues and tok is not trigger:
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
            if child.dep_ in {"conj", "appos"}:
                out += self._expand(child, depth + 1)
            elif child.dep_ == "prep" and child.lower_ == "of" and token.pos_ in {"NUM", "PRON"}:
                out += [
                    t for obj in child.children if obj.dep_ == "pobj" for t in self._expand(obj, depth + 1)
                ]
        return out

    def _target_actors(self, heads: list[Token], resolver: ActorResolver, gaz: Gazetteer) -> list[Actor]:
        out: list[Actor] = []
        for head in heads:
            for tok in self._expand(head):
                actor = resolver.actor(tok) if tok.pos_ not in {"PROPN"} else None
                if actor is None and (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
                    actor = name_actor(tok, resolver.index, gaz)
                if tok.i > 0 and tok.doc[tok.i - 1].text == "(":
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
            if not subjects and trigger.dep_ == "conj":  # "X, which is ... and was sanctioned in 2010"
                subjects = children(trigger.head, {"nsubj", "nsubjpass"})
            subjects = [
                t.head.head if t.lower_ in {"which", "who", "that"} and t.head.dep_ == "relcl" else t
                for t in subjects
            ]
            for subject in subjects:
                heads.append(subject)  # and names the parse hung inside the subject
                heads += [
                    t
                    for t in subject.subtree
                    if t is not subject
                    and t.pos_ == "PROPN"
                    and (resolver.index.at(t) or t.dep_ in {"conj", "appos", "nmod"})
                ]
        else:
            heads += children(trigger, {"dobj"})
            for obj in children(trigger, {"dobj"}):
                if obj.lemma_.lower() in {"sanction", "measure", "freeze", "penalty", "restriction"}:
                    heads += prep_objects(obj, {"on", "against", "targeting"})
        if trigger.dep_ in {"amod", "acl"} and trigger.head.pos_ in {"NOUN", "PROPN"}:
            heads.append(trigger.head)  # "the U.S.-designated X", "previously sanctioned Y"
        if trigger.dep_ == "relcl" and passive:  # "X, which was sanctioned in 2010"
            heads.append(trigger.head)
        return self._target_actors(heads, resolver, gaz)

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
                return self._target_actors([subject], resolver, gaz)
            return []
        if lemma not in {"be", "include", "comprise", "name"}:
            return []
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
        acomp = sides.get("acomp")
        if acomp is not None and acomp.lower_ == "subject" and subject is not None:
            objs = [o for p in children(acomp, {"prep"}) for o in children(p, {"pobj"})]
            if any(o.lemma_.lower() in cue_words | {"sanction", "freeze"} for o in objs):
                return self._target_actors([subject], resolver, gaz)
        cue_tokens = [t for side in (among, subject) if side is not None for t in side.subtree]
        # "the banks targeted", "those designated", "individuals being sanctioned": a participle on the
        # subject; or "the designations include ..."
        if not any(
            t.lemma_.lower() in cue_words and (t.dep_ in {"acl", "relcl", "amod"} or t is subject)
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

    def _authority(
        self, trigger: Token, sent: Span, resolver: ActorResolver
    ) -> tuple[str | None, Actor | None]:
        candidates: list[Token] = []
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)
        if passive or trigger.pos_ in {"NOUN", "PROPN"}:
            candidates += prep_objects(trigger, {"by"})
        candidates += children(trigger, {"nsubj", "poss", "compound", "amod", "npadvmod"})
        for tok in [trigger, *ancestors_in_sentence(trigger, 3)]:
            if tok.lemma_.lower() in {"impose", "announce", "levy"} or tok is trigger:
                candidates += children(tok, {"nsubj"})
        for tok in candidates:
            actor = resolver.actor(tok)
            if self.authority_of(actor):
                return self.authority_of(actor), actor
        left = trigger.doc[max(trigger.i - 3, sent.start) : trigger.i].text
        for code, words in self.designation.get("authority_words", {}).items():
            if any(re.search(rf"(?<![\w.]){re.escape(w)}(?![\w])", left) for w in words):
                return code, None
        for tok in sent:  # "According to the Treasury ...", "..., the State Department said"
            actor = resolver.index.at(tok)
            if actor is not None and actor.kind == EntityKind.ORGANIZATION and actor.authority:
                return actor.authority, actor
        return None, None

    def match_designations(self, doc: Doc, resolver: ActorResolver, gaz: Gazetteer) -> list[DesignationMatch]:
        verbs = set(self.designation.get("verbs", []))
        nouns = set(self.designation.get("nouns", []))
        out: list[DesignationMatch] = []
        last_authority: str | None = self._first_authority(doc, resolver)
        for sent in doc.sents:
            for token in sent:
                lemma = token.lemma_.lower()
                if "-" in lemma and token.dep_ == "amod":  # "U.S.-designated", "UN-sanctioned"
                    lemma = HYPHENATED.get(lemma.rsplit("-", 1)[-1], lemma)
                is_verb = lemma in verbs and (token.tag_.startswith("VB") or token.dep_ in {"amod", "acl"})
                is_noun = token.pos_ == "NOUN" and lemma in nouns
                targets: list[Actor] = []
                if (is_verb or is_noun) and not self._not_done(token):
                    if lemma not in {"add", "list", "target", "identify", "impose"} or self._list_context(
                        token
                    ):
                        targets = self._targets_of(token, resolver, gaz)
                elif token.pos_ in {"AUX", "VERB"} and (token.lemma_ == "face" or not self._not_done(token)):
                    targets = self._list_targets(token, resolver, gaz)
                    if not targets and out and sent.start - out[-1].sentence.end <= 60:
                        targets = self._named_members(token, resolver, gaz)
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
        window = token.sent.text.lower()
        return any(w in window for w in words) or "sanction" in window

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
                about = any(i in topical for i in region) or any(
                    doc[i].lemma_.lower() in claims for i in region
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
                    sayers += self._deniers(subj, resolver) if subj is not None else []
            keys = {resolver.index.state_of(a) or a.key for a in sayers}
            quoted = _inside_quotes(m.trigger)
            if supplier_state in keys or (quoted and not sayers):
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
        for tok in [subject, *subject.conjuncts]:
            actor = resolver.party(tok)
            if actor is None:
                continue
            if actor.represents:
                actor = resolver.index.actors.get(f"state:{actor.represents}", actor)
            out.append(actor)
        return out

    def _dismissals(self, sent: Span, resolver: ActorResolver, claims: set[str]) -> list[DenialMatch]:
        """ "... allegations about weapons supplies, but they are groundless," X said: the speaker denies."""
        words = {t.lemma_.lower() for t in sent}
        if not (words & DISMISSALS) or not (words & claims):
            return []
        for tok in sent:
            if tok.lemma_.lower() in self.reporting_verbs:
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
