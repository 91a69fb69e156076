"""A query's qualifiers are read as the lists write them, or refused with the field (and line) named."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.errors import InputError
from materiel.screen.queries import make_query, read_queries


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("1966", "1966"),
        ("1966-5", "1966-05"),
        ("1969-7-16", "1969-07-16"),  # yente's fixtures write some dates unpadded
        ("1966/05/07", "1966-05-07"),
        ("7 May 1966", "1966-05-07"),
        ("07.05.1966", "1966-05-07"),  # day first, as in Europe
    ],
)
def test_birth_date_read_as_the_lists_write_it(given: str, read: str) -> None:
    assert make_query("Ashot Mkrtychev", birth_date=given).birth_date == read


@pytest.mark.parametrize(
    ("given", "code"),
    [("DPRK", "KP"), ("North Korean", "KP"), ("kp", "KP"), ("East Timor", "TL"), ("UAE", "AE")],
)
def test_country_by_name_code_or_demonym(given: str, code: str) -> None:
    assert make_query("Kim Jong Un", country=given).country == code


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("birth_date", "1984-13-45", "birth_date '1984-13-45'"),
        ("birth_date", "66", "not a year or a date"),
        ("country", "Narnia", "country 'Narnia'"),
        ("country", "Korea", "no country of that name"),  # which one?
        ("gender", "yes", "gender 'yes'"),
        ("schema", "Persn", "schema 'Persn'"),
    ],
)
def test_a_qualifier_that_means_nothing_is_refused(field: str, value: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        make_query("Kim Jong Un", **{field: value})  # type: ignore[arg-type]


def test_gender_other_is_compared_with_nothing() -> None:
    assert make_query("Kim Jong Un", gender="other").gender is None
    assert make_query("Kim Jong Un", gender="F").gender == "female"


def test_a_bad_row_is_named_by_file_and_line_before_anything_is_screened(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("id,name,birth_date,country\n1,Kim Jong Un,1984,KP\n2,Ri Pyong Chol,1948,Narnia\n")
    with pytest.raises(InputError, match=r"people\.csv: line 3: country 'Narnia'"):
        read_queries(path)
    path = tmp_path / "people.jsonl"
    path.write_text('{"name": "Kim Jong Un"}\n["not", "an", "object"]\n')
    with pytest.raises(InputError, match=r"people\.jsonl: line 2: not a JSON object"):
        read_queries(path)


def test_identifiers_in_a_file_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "ships.jsonl"
    path.write_text('{"name": "Sea Breeze", "identifiers": {"imo": ["' + "9" * 65 + '"]}}\n')
    with pytest.raises(InputError, match=r"ships\.jsonl: line 1: identifiers"):
        read_queries(path)


def test_a_name_longer_than_any_listed_one_is_refused_with_its_line(tmp_path: Path) -> None:
    """A name of more than 500 characters (the API's bound; the longest OFAC or UN name has 324) is
    an error naming the file and line, not seconds of searching for each such row."""
    path = tmp_path / "people.csv"
    path.write_text("id,name\n1,Kim Jong Un\n2," + "Ri " * 300 + "\n")
    with pytest.raises(InputError, match=r"people\.csv: line 3: name: 899 characters, at most 500"):
        read_queries(path)
