"""Small helpers over the dependency parse shared by the event rules."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from materiel.extract.actors import Actor, ActorIndex
from materiel.extract.gazetteer import Gazetteer
from materiel.model import EntityKind

PRONOUNS_THING = {"it", "its", "they", "their", "them", "itself"}
PRONOUNS_PERSON = {"he", "his", "him", "she", "her"}
ARMED_MEMBERS = {"militia", "militias", "fighters", "forces", "rebels", "mercenaries", "militants", "troops"}
SUBJECT_DEPS = {"nsubj", "csubj"}
RELATIVES = {"which", "who", "that", "whom"}
ANAPHORIC_NOUNS = {"country", "nation", "state"}
GROUP_NOUNS = {
    "fighter",
    "rebel",
    "militia",
    "militant",
    "paramilitary",
    "insurgent",
    "force",
    "forces",
    "group",
}
GROUP_ADJECTIVES = {"paramilitary", "rebel", "militia", "insurgent", "armed"}
GENERAL_NOUNS = {"country", "state", "nation", "government", "supplier", "partner", "ally", "power"}


def ancestors_in_sentence(token: Token, limit: int = 8) -> Iterator[Token]:
    """The chain of heads above ``token`` up to the sentence root."""
    current = token
    for _ in range(limit):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """Objects of the prepositions in ``preps`` attached to ``token`` ("from X", "to Y and Z")."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    out.append(obj)
                    out.extend(obj.conjuncts)
    return out


def children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


class ActorResolver:
    """Finds the actor a token stands for: a mention, an organ ("Iranian officials"), a pronoun."""

    def __init__(self, index: ActorIndex, gaz: Gazetteer, sentence_subjects: dict[int, str]) -> None:
        self.index = index
        self.gaz = gaz
        self.sentence_subjects = sentence_subjects  # sentence start -> actor key of its first actor
        self._organs: list[tuple[int, Actor]] | None = None

    def _is_organ(self, token: Token) -> bool:
        return token.lower_ in self.gaz.organ_nouns or token.lemma_.lower() in self.gaz.organ_nouns

    def _organ_owner(self, token: Token) -> Actor | None:
        for adj in token.children:  # "forces loyal to Khalifa Haftar", "troops under X"
            if adj.dep_ in {"amod", "acl"} and adj.lower_ in {"loyal", "allied", "led", "backed"}:
                for obj in prep_objects(adj, {"to", "by", "with"}):
                    found = self.index.at(obj)
                    if found is not None and found.kind != EntityKind.REGION:
                        return found
        owners = [
            found
            for child in token.children
            if child.dep_ in {"amod", "compound", "poss", "nmod"}
            for found in [self.index.at(child)]
            if found is not None and found.kind in {EntityKind.STATE, EntityKind.ORGANIZATION}
        ]
        if owners:  # "Yemen's Houthi militias": the named group before the state it is in
            return next((a for a in owners if a.kind == EntityKind.ORGANIZATION), owners[0])
        for child in token.children:
            if child.dep_ == "poss":  # "his government", "Prime Minister X's government"
                person = (
                    self._antecedent(child, person=True)
                    if child.lower_ in PRONOUNS_PERSON
                    else self.index.at(child)
                )
                if person is not None and person.represents:
                    return self.index.actors.get(f"state:{person.represents}")
        for obj in prep_objects(token, {"of"}):
            found = self.index.at(obj)
            if found is not None and found.kind == EntityKind.STATE:
                return found
        return None

    def _bare_organ(self, token: Token) -> Actor | None:
        """ "the military", "the regime" with no owner named: the state whose organ the document
        named last before it ("Myanmar's military ... the military")."""
        if not any(c.lower_ == "the" for c in token.children):
            return None
        if self._organs is None:
            self._organs = []
            for tok in token.doc:
                actor = self.index.at(tok)
                if actor is not None and actor.organ_of:
                    self._organs.append((tok.i, self.index.actors.get(f"state:{actor.organ_of}", actor)))
                elif actor is not None and actor.kind == EntityKind.STATE and self._is_organ(tok):
                    self._organs.append((tok.i, actor))  # "the Biden administration" ... "the administration"
                elif self._is_organ(tok):
                    owner = self._organ_owner(tok)
                    if owner is not None and owner.kind == EntityKind.STATE:
                        self._organs.append((tok.i, owner))
        before = [a for i, a in self._organs if i < token.i]
        if before:
            return before[-1]
        # nothing named before: the state the text names last that is not a subject ("the UN expert on
        # Myanmar said Russia and China were providing the junta with jets" -> Myanmar)
        for i in range(token.i - 1, -1, -1):
            tok = token.doc[i]
            actor = self.index.at(tok)
            if actor is not None and actor.kind == EntityKind.STATE and tok.dep_ not in {"nsubj", "conj"}:
                return actor
        return None

    def actor(self, token: Token | None) -> Actor | None:
        if token is None:
            return None
        direct = self.index.at(token)
        if direct is not None:
            return direct
        lower = token.lower_
        for child in token.children:  # "Houthi militias", "Wagner mercenaries": the named group
            named = self.index.at(child) if child.dep_ == "compound" and lower in ARMED_MEMBERS else None
            if named is not None and named.kind == EntityKind.ORGANIZATION and named.org_type != "media":
                return named
        group = self._group_anaphor(token)
        if group is not None:
            return group
        if token.lemma_.lower() in ANAPHORIC_NOUNS and any(
            c.lower_ in {"that", "this", "the"} for c in token.children
        ):
            # "from that country", "the Gulf state"
            qualifiers = [c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
            allowed = next((self.gaz.state_groups[q] for q in qualifiers if q in self.gaz.state_groups), None)
            if allowed is not None or not self._is_organ(token):
                return self._previous_state(token, allowed)
        if self._is_organ(token):
            owner = self._organ_owner(token) or self._bare_organ(token)
            if owner is not None:
                return owner
        if lower in RELATIVES and token.head.dep_ == "relcl":  # "Iran, which has provided ..."
            return self.actor(token.head.head)
        if lower in PRONOUNS_THING or lower in PRONOUNS_PERSON:
            return self._antecedent(token, person=lower in PRONOUNS_PERSON)
        for child in token.children:  # "a private mercenary company, the Wagner Group"
            if child.dep_ == "appos":
                found = self.index.at(child)
                if found is not None:
                    return found
        examples = self.examples(token)
        return examples[0] if examples else None

    def examples(self, token: Token) -> list[Actor]:
        """The parties a general noun is illustrated by: "countries like France and India",
        "suppliers such as Iran" (the relative "who" of "countries who supply" included)."""
        holders = [token]
        if token.lower_ in RELATIVES and token.head.dep_ == "relcl":
            holders = [token.head.head, token.head]  # the noun, and the clause the parser hung "like" on
        if holders[0].lemma_.lower() not in GENERAL_NOUNS:
            return []
        objects = [
            o
            for h in holders
            for p in h.children
            if p.dep_ == "prep" and p.lower_ in {"like", "as", "including"}
            for o in p.children
            if o.dep_ == "pobj"
        ]
        out: list[Actor] = []
        for obj in objects:
            for tok in [obj, *obj.conjuncts]:
                actor = self.index.at(tok)
                if actor is not None and actor.kind != EntityKind.REGION and actor not in out:
                    out.append(actor)
        return out

    def _group_anaphor(self, token: Token) -> Actor | None:
        """ "those fighters", "the paramilitary forces", "the rebels": the armed group named last."""
        lemma = token.lemma_.lower()
        mods = {c.lower_ for c in token.children}
        if lemma not in GROUP_NOUNS or self._organ_owner(token) is not None:
            return None
        if not (mods & {"those", "these", "the"}) or (
            lemma in {"force", "forces"} and not mods & GROUP_ADJECTIVES
        ):
            return None
        for i in range(token.i - 1, -1, -1):
            actor = self.index.at(token.doc[i])
            if actor is not None and actor.org_type == "armed_group":
                return actor
        return None

    def _previous_state(self, token: Token, allowed: frozenset[str] | None = None) -> Actor | None:
        """The state named last before ``token``'s sentence (one of ``allowed`` when the phrase
        narrows it: "the Gulf state")."""
        doc = token.doc
        for i in range(token.sent.start - 1, -1, -1):
            actor = self.index.at(doc[i])
            if (
                actor is not None
                and actor.kind == EntityKind.STATE
                and (allowed is None or actor.country in allowed)
            ):
                return actor
        return None

    def _antecedent(self, token: Token, *, person: bool) -> Actor | None:
        """The nearest earlier actor of the right sort; an object pronoun ("provided them with")
        does not point back at the subject of its own clause."""
        sent = token.sent
        own_subject: Actor | None = None
        if token.dep_ in {"dobj", "dative", "pobj", "poss"} and token.head.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            own_subject = self.actor(subj) if subj is not None and subj.i != token.i else None
        earlier = [token.doc[i] for i in range(token.i - 1, sent.start - 1, -1)]
        # an object pronoun ("provided them with") points back to an earlier subject first; a possessive
        # ("urging Tehran to halt its transfer") to the nearest party
        subjects = [] if token.dep_ == "poss" else [t for t in earlier if t.dep_ in {"nsubj", "nsubjpass"}]
        for tok in [*subjects, *earlier]:  # the subject of an earlier clause first
            actor = self.actor(tok) if tok in subjects else self.index.at(tok)
            if actor is None or actor.kind == EntityKind.REGION or actor is own_subject:
                continue
            if (actor.kind == EntityKind.PERSON) == person:
                return actor
        previous = self.sentence_subjects.get(sent.start)
        if previous:
            actor = self.index.actors.get(previous)
            if actor is not None and (actor.kind == EntityKind.PERSON) == person:
                return actor
        return None

    def party(self, token: Token | None) -> Actor | None:
        """An actor that can supply or receive: not a region or place."""
        actor = self.actor(token)
        if actor is None or actor.kind == EntityKind.REGION or actor.org_type == "media":
            return None
        return actor


def first_actor_keys(sents: list[Span], index: ActorIndex) -> dict[int, str]:
    """For each sentence start, the actor of the subject of the sentence before it."""
    out: dict[int, str] = {}
    previous: str | None = None
    for sent in sents:
        if previous:
            out[sent.start] = previous
        subject = next((t for t in sent if t.dep_ in SUBJECT_DEPS), None)
        key = index.by_token.get(subject.i) if subject is not None else None
        if key is None:
            key = next(
                (
                    index.by_token[t.i]
                    for t in sent
                    if t.i in index.by_token and not index.by_token[t.i].startswith("region:")
                ),
                None,
            )
        previous = key or previous
    return out
