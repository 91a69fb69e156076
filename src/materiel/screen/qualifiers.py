"""Qualifier features: what the query carries besides the name (birth date, country, gender,
identifiers), each compared with the listed entry.

Each returns a signed adjustment as a :class:`Feature` (negative when the query contradicts the
entry), or ``None`` when the query or the entry says nothing about it.
"""

from __future__ import annotations

import re

from materiel.screen.records import Feature, ListedEntity, Query


def _years(values: list[str]) -> set[str]:
    return {v[:4] for v in values if len(v) >= 4 and v[:4].isdigit()}


def birth_date_feature(query: Query, entity: ListedEntity) -> Feature | None:
    if not query.birth_date or not entity.birth_dates:
        return None
    q = query.birth_date.strip()
    full = [d for d in entity.birth_dates if len(d) > 4]
    if q in entity.birth_dates or (len(q) > 4 and any(q.startswith(d) for d in full)):
        return Feature("birth_date", 0.05, f"birth date {q} on the list")
    years = _years(entity.birth_dates)
    if q[:4] in years:
        return Feature("birth_date", 0.03, f"birth year {q[:4]} on the list")
    near = [y for y in years if q[:4].isdigit() and abs(int(y) - int(q[:4])) <= 1]
    if near:
        return Feature("birth_date", -0.05, f"birth year {q[:4]} vs listed {', '.join(sorted(years))}")
    return Feature("birth_date", -0.25, f"birth date {q} contradicts listed {', '.join(entity.birth_dates)}")


def country_feature(query: Query, entity: ListedEntity) -> Feature | None:
    if not query.country or not entity.countries:
        return None
    q = query.country.lower()
    listed = {c.lower() for c in entity.countries}
    if q in listed:
        return Feature("country", 0.02, f"country {query.country} on the list")
    return Feature("country", -0.1, f"country {query.country} not among listed {', '.join(sorted(listed))}")


def gender_feature(query: Query, entity: ListedEntity) -> Feature | None:
    """Male or female on both sides (the query's "other" or "unknown" compares with nothing)."""
    if not query.gender or not entity.gender:
        return None
    if query.gender.lower()[:1] not in "mf" or entity.gender.lower()[:1] not in "mf":
        return None
    if query.gender.lower()[:1] == entity.gender.lower()[:1]:
        return Feature("gender", 0.0, f"gender {entity.gender} agrees")
    return Feature("gender", -0.15, f"gender {query.gender} contradicts listed {entity.gender}")


_ID_CLEAN = re.compile(r"[^A-Z0-9]")
HULL = 1.0  # an IMO number on the list makes a match whatever the name (the score is capped at 1)
STRONG_IDS = frozenset({"imo", "passport", "national_id", "tax_id", "registration", "swift", "mmsi"})


def clean_id(value: str) -> str:
    """An identifier as compared: upper case, letters and digits only, an "IMO" in front dropped."""
    cleaned = _ID_CLEAN.sub("", value.upper())
    return cleaned[3:] if cleaned.startswith("IMO") else cleaned


def identifier_feature(query: Query, entity: ListedEntity) -> Feature | None:
    """A shared identifier raises the score; the same kind of unique identifier, differing, lowers it."""
    if not query.identifiers or not entity.identifiers:
        return None
    listed_any = {clean_id(v) for vs in entity.identifiers.values() for v in vs}
    listed_hull = {clean_id(v) for v in entity.identifiers.get("imo", [])}
    for kind, values in query.identifiers.items():
        for value in values:
            if kind == "imo" and clean_id(value) in listed_hull:
                # a ship keeps its IMO number for life, whatever it is renamed or reflagged to
                return Feature(
                    "identifier", HULL, f"IMO {value} on the list: the same ship, whatever its name"
                )
            if clean_id(value) in listed_any:
                return Feature("identifier", 0.4, f"{kind} {value} on the list")
    for kind in ("imo", "mmsi"):
        if query.identifiers.get(kind) and entity.identifiers.get(kind):
            return Feature(
                "identifier",
                -0.3,
                f"{kind} {', '.join(query.identifiers[kind])} differs "
                f"from listed {', '.join(entity.identifiers[kind])}",
            )
    return None
