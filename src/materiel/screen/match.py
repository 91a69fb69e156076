"""The matching algorithm: a weighted list of features, and an explained score.

``compare(query, entity)`` scores one listed entity against a query: the best name score over
every reading of the query's name and the entry's names and aliases, then each qualifier's
adjustment (birth date, country, gender, identifiers). ``match_names(a, b)`` compares two bare
names the same way, for ``materiel match``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from materiel.screen.bodies import GENERIC_CAP, generic_name_feature, state_named_feature
from materiel.screen.entry_names import name_feature
from materiel.screen.normalise import NameForm, arabic_name_forms, is_person, name_forms
from materiel.screen.qualifiers import birth_date_feature, country_feature, gender_feature, identifier_feature
from materiel.screen.readers.common import country_code
from materiel.screen.records import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD  # the public name is here
from materiel.screen.records import Feature, ListedEntity, Match, Query
from materiel.screen.vocab import vocabulary

WEAK_ALIAS_FACTOR = 0.9
VESSEL_SLIP = 0.75  # the most a ship's one-word name scores against another one-word name
ORG_SCHEMAS = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})

Qualifier = Callable[[Query, ListedEntity], Feature | None]


@dataclass(frozen=True, slots=True)
class Algorithm:
    """A name feature, then qualifiers whose adjustments are added; a match at ``threshold``."""

    name: str = "materiel-v1"
    qualifiers: tuple[Qualifier, ...] = field(
        default=(birth_date_feature, country_feature, gender_feature, identifier_feature)
    )
    threshold: float = DEFAULT_THRESHOLD


DEFAULT = Algorithm()


def compatible(query_schema: str, entity_schema: str) -> bool:
    """Whether an entry of ``entity_schema`` can be the thing a query of ``query_schema`` names."""
    if "LegalEntity" in (query_schema, entity_schema):
        return entity_schema not in ("Vessel", "Airplane") and query_schema not in ("Vessel", "Airplane")
    if query_schema in ORG_SCHEMAS:
        return entity_schema in ORG_SCHEMAS
    return query_schema == entity_schema


def entity_forms(entity: ListedEntity) -> tuple[list[NameForm], list[NameForm]]:
    """The readings of an entry's names and of its weak aliases; a person of an Arab nationality,
    or born in an Arab country, bears an Arabic name (a son's name is his own, his father's and the
    family's)."""
    arabic = is_person(entity.schema) and _arab(tuple(entity.countries), tuple(entity.birth_places))
    forms = arabic_name_forms if arabic else name_forms
    strong = [f for n in entity.all_names for f in forms(n, entity.schema)]
    weak = [f for n in entity.weak_aliases for f in forms(n, entity.schema)]
    return strong, weak


@lru_cache(maxsize=100_000)
def _arab(countries: tuple[str, ...], birth_places: tuple[str, ...]) -> bool:
    """Whether a person's nationality or place of birth ("Tripoli, Libya") is an Arab country."""
    places = {country_code(p.rsplit(",", 1)[-1]) for p in birth_places}
    return not vocabulary().arabic_countries.isdisjoint({*countries, *places})


def compare(
    query: Query, entity: ListedEntity, threshold: float | None = None, algorithm: Algorithm = DEFAULT
) -> Match:
    """Score ``entity`` against ``query`` and explain each feature."""
    threshold = algorithm.threshold if threshold is None else threshold
    person = is_person(entity.schema) or (is_person(query.schema) and entity.schema == "LegalEntity")
    qforms = list(name_forms(query.name, entity.schema))
    strong, weak = entity_forms(entity)
    feature = name_feature(qforms, strong, person)
    if weak and any(len(_words(f)) > 1 for f in qforms):
        # a weak alias of one word ("John", "Lava") says nothing of a longer name's other words
        # ("John Kirby"); "Al Khadim" is still the alias "Khadim"
        weak = [f for f in weak if len(_words(f)) > 1]
    if weak:
        weak_feature = name_feature(qforms, weak, person)
        if weak_feature.score * WEAK_ALIAS_FACTOR > feature.score:
            feature = Feature(
                "name",
                weak_feature.score * WEAK_ALIAS_FACTOR,
                f"{weak_feature.detail} (weak alias ×{WEAK_ALIAS_FACTOR})",
            )
    if entity.schema == "Vessel" and VESSEL_SLIP < feature.score < 1.0:
        feature = _one_word_ship(qforms, strong, weak, feature)
    body = not person and entity.schema not in ("Vessel", "Airplane")
    if body:  # "North Korean Ministry of National Defence": the state's name is no extra word
        named = state_named_feature(query, entity, qforms, strong)
        if named is not None and named.score > feature.score:
            feature = named
    explanation = [feature]
    score = feature.score
    if not compatible(query.schema, entity.schema):
        explanation.append(Feature("schema", -1.0, f"a {query.schema} cannot be a listed {entity.schema}"))
        score = 0.0
    for qualifier in algorithm.qualifiers:
        result = qualifier(query, entity)
        if result is not None:
            explanation.append(result)
            score += result.score
    if body and score > GENERIC_CAP:
        generic = generic_name_feature(query, entity, qforms, score)
        if generic is not None:
            explanation.append(generic)
            score += generic.score
    score = min(1.0, max(0.0, score))
    return Match(entity=entity, score=score, match=score >= threshold, explanation=explanation)


def _one_word_ship(
    qforms: list[NameForm], strong: list[NameForm], weak: list[NameForm], feature: Feature
) -> Feature:
    """A ship's name of one word a letter or two off a listed ship's one-word name is another ship's
    ("Maria" / MARA, "Snow" / SNOE: ships' names are short and many ships bear each): a near miss
    for review, unless one of the entry's names is the word itself or another scores as well."""
    words = {f.tokens for f in qforms if len(f.tokens) == 1}
    if not words or any(e.tokens in words for e in [*strong, *weak]):
        return feature
    others = [e for e in strong if len(e.tokens) != 1]  # none of one word is the query's (above)
    if others and name_feature(qforms, others, False).score >= feature.score:
        return feature
    why = "(a ship's one-word name, letters off: another ship)"
    return Feature("name", VESSEL_SLIP, f"{feature.detail} {why}")


def _words(form: NameForm) -> list[str]:
    """A reading's words, particles ("al", "bin", "van") aside."""
    particles = vocabulary().particles
    return [t for t in form.tokens if t not in particles]


def match_names(
    a: str, b: str, schema: str = "Person", threshold: float | None = None, algorithm: Algorithm = DEFAULT
) -> Match:
    """Compare two bare names (``a`` as the query, ``b`` as a listed name)."""
    entity = ListedEntity(id="", list="", schema=schema, name=b)
    return compare(Query(name=a, schema=schema), entity, threshold, algorithm)
