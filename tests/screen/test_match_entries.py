"""A listed entry's names read together: a short alias does not vouch for a query whose extra parts
the entry's fuller name contradicts; an "Abd" compound is one name."""

from __future__ import annotations

import pytest

from materiel.screen.match import DEFAULT_THRESHOLD, compare, match_names
from materiel.screen.records import ListedEntity, Query


def entry(schema: str, name: str, *aliases: str) -> ListedEntity:
    return ListedEntity(id="t:1", list="t", schema=schema, name=name, aliases=list(aliases))


# UN list entries (names as listed), each with a short alias beside its full name
AKHUNDZADA = entry("Person", "AHMAD JAN AKHUNDZADA SHUKOOR AKHUNDZADA", "Ahmad Jan Akhunzada")
BENGHAZI = entry("Organization", "ANSAR AL CHARIA BENGHAZI", "Ansar al-Charia")
SAEED = entry("Person", "HAFIZ MUHAMMAD SAEED", "Muhammad Saeed")
EMIGRANTS = entry(
    "Organization", "THE ARMY OF EMIGRANTS AND SUPPORTERS", "Jaysh al-Muhajirin wal-Ansar (JAMWA)"
)
WRITTEN_APART = entry("Person", "AHMAD JAN AKHUNZADA", "Ahmad Jan Akhund Zada")

CASES = [
    # the query's extra part stands where the fuller name has another: not this entry
    (AKHUNDZADA, "Ahmad Jan Akhundzada Wazir", False),
    (BENGHAZI, "Ansar al-Sharia Derna", False),
    (BENGHAZI, "أنصار الشريعة – درنة", False),
    (SAEED, "Muhammad Saeed Haqqani", False),
    # the short alias itself, or a query the fuller name agrees with
    (AKHUNDZADA, "Ahmad Jan Akhunzada", True),
    (AKHUNDZADA, "Ahmad Jan Akhundzada Shukoor", True),
    (BENGHAZI, "Ansar al-Sharia", True),
    (BENGHAZI, "Ansar al-Sharia in Benghazi", True),
    (SAEED, "Muhammad Saeed", True),
    (SAEED, "Hafiz Muhammad Saeed al-Pakistani", True),
    # an acronym beside the alias is not a fuller name, nor is the same name written apart
    (EMIGRANTS, "Tanzim Jaysh al-Muhajirin wal-Ansar", True),
    (WRITTEN_APART, "Ahmad Jan Akhunzada Wazir", True),
]


@pytest.mark.parametrize(("listed", "query", "expected"), CASES)
def test_fuller_name_decides(listed: ListedEntity, query: str, expected: bool) -> None:
    result = compare(Query(name=query, schema=listed.schema), listed)
    assert result.match is expected, result.explanation[0].detail


def test_fuller_name_is_explained() -> None:
    result = compare(Query(name="Ahmad Jan Akhundzada Wazir"), AKHUNDZADA)
    detail = result.explanation[0].detail
    assert "Ahmad Jan Akhunzada" in detail and "fuller name" in detail
    assert "AHMAD JAN AKHUNDZADA SHUKOOR AKHUNDZADA" in detail and "wazir" in detail


ABD_CASES = [
    ("Shams ur-Rahman Abdul Zahir", "Taher, Abdul Rahman S.", False),  # Abd al-Zahir is not Abd al-Rahman
    ("Abdul Rahim Khan", "Abdul Rahman Khan", False),
    ("Abd al-Rahman Yasin", "Abdul Rahman Yasin", True),
    ("Abdullah Azzam", "Abd Allah Azzam", True),
    ("عبد الله عزام", "Abdullah Azzam", True),
    ("Ugla Abd Saqr al-Qubaysi", "Saqr al-Kabisi Abd Aqala", True),  # "Abd" before a name not God's
]


@pytest.mark.parametrize(("a", "b", "expected"), ABD_CASES)
def test_abd_compound_is_one_name(a: str, b: str, expected: bool) -> None:
    result = match_names(a, b)
    assert (result.score >= DEFAULT_THRESHOLD) is expected, result.explanation[0].detail


def test_abd_split_is_explained() -> None:
    detail = match_names("Shams ur-Rahman Abdul Zahir", "Taher, Abdul Rahman S.").explanation[0].detail
    assert "names after Abd differ" in detail


def test_a_one_word_weak_alias_vouches_only_for_a_one_word_query() -> None:
    """The UN lists "John" among the low-quality aliases of Murad Margoshvili: a document's "John
    Kirby" is neither a match nor a near miss to review, while the bare "John" still finds it."""
    listed = ListedEntity(
        id="un:QDi.1", list="un", schema="Person", name="Murad Iraklievich Margoshvili", weak_aliases=["John"]
    )
    assert compare(Query("John Kirby"), listed).score < 0.5
    assert compare(Query("John"), listed).match


@pytest.mark.parametrize(
    ("countries", "birth_places"), [(["LY"], []), ([], ["Tripoli, Libya"])], ids=["nationality", "birthplace"]
)
def test_an_arab_country_means_an_arabic_name(countries: list[str], birth_places: list[str]) -> None:
    """Hannibal Muammar Gaddafi is Muammar Gaddafi's son, though no part of the name marks it as
    Arabic: the entry's nationality or place of birth does."""
    son = ListedEntity(
        id="ofac:12627",
        list="ofac",
        schema="Person",
        name="GADDAFI, Hannibal",
        aliases=["GADDAFI, Hannibal Muammar"],
        countries=countries,
        birth_places=birth_places,
    )
    m = compare(Query("Muammar Gaddafi"), son)
    assert not m.match
    assert "a son or daughter" in m.explanation[0].detail


def test_two_swapped_letters_in_front_are_a_typo_only_when_the_rest_agrees() -> None:
    """ "Kahundzada" is Akhundzada misspelt, but "Assad" is not "Sa'adat" (both Arabic consonants
    s-d once the first two letters are swapped)."""
    listed = ListedEntity(id="ofac:1", list="ofac", schema="Person", name="SA'ADAT, Bashar", countries=["SY"])
    assert not compare(Query("Bashar al-Assad"), listed).match
    assert match_names("Ahmad Jan Kahundzada", "AHMAD JAN AKHUNDZADA").match
