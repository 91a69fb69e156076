"""Names of bodies that every state has: "Ministry of Defence", "the Air Force", "Foreign Trade Bank".

Such a name is no one body until its state is known. Two features read it:

- ``generic_name_feature``: a query made only of such words (names.yaml ``state_body_words``)
  matches a listed body only when the query's country is among the entry's; otherwise its score
  comes down to ``GENERIC_CAP``, a near miss for review.
- ``body_countries``: the listed body's countries, its own or the state one of its names names.
- ``state_named_feature``: a query that names the state itself, at its start or its end ("North
  Korean Ministry of National Defence", "DPRK Ministry of National Defence", "Ministry of Defence
  of Ukraine"), is compared without the state's name when that state is the entry's, so that the
  state's name does not count as a word the listed name lacks.

The names and demonyms of states come from pycountry, from the lists' own spellings
(``readers/data/countries.yaml``) and from extraction's gazetteer of states
(``extract/data/states.yaml``, read as a data file).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from materiel.screen.entry_names import name_feature
from materiel.screen.normalise import NameForm, name_forms
from materiel.screen.readers.common import country_code
from materiel.screen.records import Feature, ListedEntity, Query
from materiel.screen.states import state_words, tokens_of
from materiel.screen.vocab import vocabulary

GENERIC_CAP = 0.75
"""The most a name every state gives one of its bodies ("Ministry of Defence") scores against a
listed body whose country the query does not share: a near miss for review, not a match."""


@lru_cache(maxsize=10_000)
def state_named(tokens: tuple[str, ...], bodies_only: bool = True) -> tuple[tuple[str, ...], str] | None:
    """A name that is a state's name or demonym and two or more words of a body every state has
    ("north korean ministry national defence"): the body's words, and the state's code. With
    ``bodies_only`` False, any two or more words ("sudanese defence industries system")."""
    table = state_words()
    words = vocabulary().state_body_words
    for size in range(len(tokens) - 2, 0, -1):
        for state, rest in ((tokens[:size], tokens[size:]), (tokens[-size:], tokens[:-size])):
            code = table.get(tuple(state))
            if code is not None and (not bodies_only or all(t in words for t in rest)):
                return tuple(rest), code
    return None


def body_countries(entity: ListedEntity) -> set[str]:
    """The countries of a listed body: the entry's own, and any state that one of its names names
    with a body's words ("SYRIAN AIR FORCE INTELLIGENCE", which OFAC lists with no country)."""
    countries = {c.upper() for c in entity.countries}
    for name in entity.all_names:
        if named := listed_state(name):
            countries.add(named[1])
    return countries


def generic_name_feature(
    query: Query, entity: ListedEntity, qforms: list[NameForm], score: float
) -> Feature | None:
    """A name made only of words that every state gives some of its bodies names the listed body
    only in the query's country: unless the query's country is among the entry's, ``score`` comes
    down to ``GENERIC_CAP``. Two bare names (``match_names``: an entry of no list) compare as
    names."""
    words = vocabulary().state_body_words
    if not entity.list or not qforms or not qforms[0].tokens or not all(t in words for t in qforms[0].tokens):
        return None
    listed = body_countries(entity)
    country = (country_code(query.country) or query.country).upper() if query.country else None
    if country and country in listed:
        return None
    where = ", ".join(sorted(listed)) or "no country"
    why = (
        f"the query's country {country} is not the listed body's ({where})"
        if country
        else f"the query names no country (the listed body's: {where})"
    )
    return Feature("generic_name", GENERIC_CAP - score, f"every state has a body of this name; {why}")


@lru_cache(maxsize=50_000)
def listed_state(name: str) -> tuple[tuple[str, ...], str] | None:
    """A listed name that names a body and its state ("MINISTRY OF DEFENSE OF BURMA"): the body's
    words, and the state's code."""
    return state_named(tokens_of(name))


def state_named_feature(
    query: Query, entity: ListedEntity, qforms: list[NameForm], strong: list[NameForm]
) -> Feature | None:
    """The name feature of a query for a body every state has, compared without the state's name
    when that state is the listed body's: the state the query names ("North Korean Ministry of
    National Defence"), or the query's country, against the entry's names and against those of
    them that name the state ("Ministry of Defense" of Burma / MINISTRY OF DEFENSE OF BURMA).
    None otherwise."""
    if not entity.list or not qforms or not strong:
        return None
    named = state_named(qforms[0].tokens)
    # the listed body's own state named with a name of its own: "Sudanese" Defence Industries
    # System (three words or more: "iran shipping" is still a name that names a state)
    if named is None:
        own = state_named(qforms[0].tokens, bodies_only=False)
        named = own if own is not None and len(own[0]) > 2 and own[1] in body_countries(entity) else None
    if named is not None:
        body, code = named
    elif query.country:
        body, code = qforms[0].tokens, (country_code(query.country) or query.country).upper()
    else:
        return None
    if code not in body_countries(entity):
        return None
    bare = [  # read without the state's name, shown as listed
        replace(form, original=name)
        for name in entity.all_names
        if (listed := listed_state(name)) is not None and listed[1] == code
        for form in name_forms(" ".join(listed[0]), entity.schema)
    ]
    if named is None and not bare:
        return None
    found = name_feature(list(name_forms(" ".join(body), entity.schema)), [*strong, *bare], False)
    whose = "the name names the state" if named is not None else "the listed name names the state"
    return Feature("name", found.score, f"{found.detail} ({whose}, {code}, the entry's)")
