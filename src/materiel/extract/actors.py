"""Actors: the people, organisations, states and places a document names, and the index from
tokens to them that every rule reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from materiel.extract.gazetteer import Gazetteer
from materiel.model import EntityKind

TITLES = {
    "usg",  # Under-Secretary-General
    "madam",
    "madame",
    "mister",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "president",
    "ambassador",
    "secretary",
    "minister",
    "general",
    "gen.",
    "prime",
    "foreign",
    "spokesman",
    "envoy",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "deputy",
    "admiral",
    "adm.",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "director",
    "advisor",
    "adviser",
    "leader",
    "premier",
    "chancellor",
    "king",
    "supreme",
    "commander",
    "colonel",
    "col.",
    "lt.",
    "sir",
    "lord",
    "judge",
}


@dataclass(slots=True)
class Actor:
    key: str
    kind: EntityKind
    name: str
    country: str | None = None
    organ_of: str | None = None
    authority: str | None = None
    org_type: str | None = None
    represents: str | None = None  # a person who speaks or acts for a state ("Kremlin spokesman X")
    details: dict[str, str] = field(default_factory=dict)  # "title", "nationality" as the text says
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token start, end


@dataclass(slots=True)
class ActorIndex:
    """Actors of one doc and, for each token, the actor whose mention covers it."""

    actors: dict[str, Actor] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)  # surname/token -> key

    def add(self, actor: Actor, start: int, end: int, surface: str) -> Actor:
        existing = self.actors.setdefault(actor.key, actor)
        existing.aliases.add(surface)
        existing.mentions.append((start, end))
        for i in range(start, end):
            self.by_token.setdefault(i, existing.key)
        return existing

    def at(self, token: Token) -> Actor | None:
        key = self.by_token.get(token.i)
        return self.actors.get(key) if key else None

    def state_of(self, actor: Actor | None) -> str | None:
        """The state an actor stands for, as a transfer party: a state, or an organ of one."""
        if actor is None:
            return None
        if actor.kind == EntityKind.STATE:
            return actor.country
        return actor.organ_of


def clean_person(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"\.?\[\d*\]?$", "", text)  # a footnote mark: "Abiy.[2]"
    words = [w for w in text.split() if w.strip(".,").lower() not in TITLES]
    while words and not words[0][:1].isupper():
        words = words[1:]
    return " ".join(words).strip(" ,.;:")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def state_actor(gaz: Gazetteer, code: str) -> Actor:
    info = gaz.states.get(code)
    return Actor(f"state:{code}", EntityKind.STATE, info.name if info else code, country=code)
