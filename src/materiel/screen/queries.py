"""Screening queries from what a user gives: one name with options, rows of a CSV or JSON-lines
file (ours, or yente's fixture columns), or an API request; checked before anything is screened.

A query's qualifiers must mean something, or they would lower scores for no reason: a schema the
matcher knows, a birth date that is a year or a calendar date ("1966", "1966-05", "1966-5-7"), and
a country that is a country's name, code or demonym ("DPRK", "North Korean", "KP"), and a gender
that is male, female or other. Anything else
is an :class:`~materiel.errors.InputError` that names the field, and for a file its line; a batch
may instead drop such a qualifier from its row and say so (``warn``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from materiel.errors import InputError
from materiel.screen.qualifiers import STRONG_IDS
from materiel.screen.readers.common import country_code, one_date
from materiel.screen.records import SCHEMAS, Query
from materiel.screen.states import state_words, tokens_of

QUERY_SCHEMAS = (*SCHEMAS, "Company", "PublicBody")
"""The schemas a query may name: the lists' own, and FollowTheMoney's kinds of organisation."""

QUERY_COLUMNS = {  # our column names, then yente's fixture columns
    "name": ("name", "full_name"),
    "birth_date": ("birth_date", "date_of_birth", "dob"),
    "country": ("country", "nationality"),
    "gender": ("gender",),
}
MAX_IDS = 10  # kinds of identifier a query may carry, and values of each (as the API allows)
MAX_NAME_CHARS = 500  # as the API takes; the longest name on the OFAC and UN lists has 324
_DATE_RE = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")


def clean_birth_date(value: str) -> str:
    """A birth date as the lists write it: "1966", "1966-05" or "1966-05-07", from those, from
    "1966-5-7" or "1966/05/07", or from a day first ("7 May 1966", "07.05.1966")."""
    text = value.strip()
    m = _DATE_RE.match(text)
    if m is not None:
        parts = [int(p) for p in m.groups() if p]
    elif not text[:4].isdigit() and (other := one_date(text)):
        parts = [int(p) for p in other.split("-")]
    else:
        parts = []
    try:
        if not parts:
            raise ValueError(value)
        day = date(parts[0], *[*parts[1:], 1, 1][:2])  # a real day, month and year
        return day.isoformat()[: (4, 7, 10)[len(parts) - 1]]
    except ValueError:
        raise InputError(
            f"birth_date {value!r}: not a year or a date (write 1966, 1966-05 or 1966-05-07)"
        ) from None


def clean_country(value: str) -> str:
    """A country's ISO code from its name, code or demonym ("DPRK", "North Korean", "kp")."""
    code = country_code(value) or state_words().get(tokens_of(value))
    if code is None:
        raise InputError(f"country {value!r}: no country of that name or code")
    return code


_GENDERS = {"m": "male", "male": "male", "man": "male", "f": "female", "female": "female", "woman": "female"}
_NO_GENDER = frozenset({"other", "unknown", "x", "u"})  # FollowTheMoney's "other": compared with nothing


def clean_gender(value: str) -> str | None:
    """ "male" or "female" ("m", "F", "woman"); None for "other" or "unknown", which no listed
    gender contradicts."""
    key = value.strip().casefold()
    if key in _NO_GENDER:
        return None
    if key not in _GENDERS:
        raise InputError(f"gender {value!r}: male, female or other")
    return _GENDERS[key]


Warn = Callable[[str], None]
"""Told of each qualifier dropped from a row of a batch (a file's rows are screened without the
qualifiers that mean nothing, as FollowTheMoney drops a property value that is not valid)."""


def make_query(
    name: str,
    *,
    schema: str = "Person",
    id: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    gender: str | None = None,
    identifiers: dict[str, list[str]] | None = None,
    warn: Warn | None = None,
) -> Query:
    """A query with its qualifiers checked and written as the lists write them. A qualifier that
    means nothing is an error, or with ``warn`` is dropped and ``warn`` told why."""
    if not name.strip():
        raise InputError("name: empty")
    if len(name) > MAX_NAME_CHARS:
        raise InputError(f"name: {len(name)} characters, at most {MAX_NAME_CHARS}")
    if schema not in QUERY_SCHEMAS:
        raise InputError(f"schema {schema!r}: one of {', '.join(QUERY_SCHEMAS)}")

    def checked(clean: Callable[[str], str | None], value: str | None) -> str | None:
        if not value:
            return None
        try:
            return clean(value)
        except InputError as exc:
            if warn is None:
                raise
            warn(f"{exc}; screened without it")
            return None

    return Query(
        name=name.strip(),
        schema=schema,
        id=id,
        birth_date=checked(clean_birth_date, birth_date),
        country=checked(clean_country, country),
        gender=checked(clean_gender, gender),
        identifiers=identifiers or {},
    )


def parse_identifiers(given: Sequence[str]) -> dict[str, list[str]]:
    """``KIND=VALUE`` pairs ("imo=9123456", "passport=472017713") as the query's identifiers."""
    out: dict[str, list[str]] = {}
    for item in given:
        kind, sep, value = item.partition("=")
        if not sep or not kind.strip() or not value.strip():
            raise InputError(f"identifier {item!r}: write KIND=VALUE (imo=9123456, passport=...)")
        out.setdefault(kind.strip().lower(), []).append(value.strip())
    return out


def query_from_row(
    row: dict[str, Any], line: int, source: str = "", where: str = "", warn: Warn | None = None
) -> Query:
    """A query from a CSV row or JSON object (ours, or yente's fixture columns); an error or a
    warning names ``source`` (the file) and ``line``, or ``where`` the row is ("queries.1")."""
    where = where or (f"{source}: line {line}" if source else f"line {line}")

    def pick(key: str) -> str | None:
        for column in QUERY_COLUMNS[key]:
            value = row.get(column)
            if value not in (None, ""):
                return str(value).strip()
        return None

    name = pick("name")
    if not name:
        raise InputError(f"{where}: no name")
    identifiers = dict(row["identifiers"]) if isinstance(row.get("identifiers"), dict) else {}
    for kind in STRONG_IDS:  # a CSV's columns "imo", "passport", ...
        if row.get(kind) not in (None, ""):
            identifiers.setdefault(kind, str(row[kind]).strip())
    values = [v for vs in identifiers.values() for v in (vs if isinstance(vs, list) else [vs])]
    if len(identifiers) > MAX_IDS or len(values) > MAX_IDS * MAX_IDS or any(len(str(v)) > 64 for v in values):
        raise InputError(
            f"{where}: identifiers: at most {MAX_IDS} kinds of {MAX_IDS} values of 64 characters"
        )
    try:
        return make_query(
            name,
            schema=str(row.get("schema") or "Person"),
            id=str(row["id"]) if row.get("id") not in (None, "") else str(line),
            birth_date=pick("birth_date"),
            country=pick("country"),
            gender=pick("gender"),
            identifiers={
                str(k): [str(x) for x in (v if isinstance(v, list) else [v])]
                for k, v in (identifiers or {}).items()
            },
            warn=(lambda message: warn(f"{where}: {message}")) if warn else None,
        )
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def read_queries(path: Path, warn: Warn | None = None) -> list[Query]:
    """Queries from a ``.csv`` (header row) or ``.jsonl`` file, every row read before any is
    screened; a row without a name, or one that is not JSON, is an error; a qualifier that means
    nothing is one too, or with ``warn`` is dropped from its row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        out = []
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {line_no}: not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path}: line {line_no}: not a JSON object")
            out.append(query_from_row(obj, line_no, str(path), warn=warn))
        return out
    reader = csv.DictReader(io.StringIO(text))
    return [query_from_row(row, reader.line_num, str(path), warn=warn) for row in reader]
