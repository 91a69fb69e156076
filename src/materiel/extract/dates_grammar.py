"""The vocabulary and regular expressions behind :mod:`materiel.extract.dates`.

The vague words (parts of a year, seasons, "recent") come from ``data/time_expressions.yaml``;
month and weekday names are the calendar's own. Every pattern here is compiled case-insensitively;
callers that scan running text check capitals themselves ("May" the month, "may" the verb).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

MONTHS: dict[str, int] = {
    **{calendar.month_name[i].lower(): i for i in range(1, 13)},
    **{calendar.month_abbr[i].lower(): i for i in range(1, 13)},
    "sept": 9,
}
YEAR4 = re.compile(r"\b(?:1[89]|20)\d{2}\b")
WEEKDAYS: dict[str, int] = {calendar.day_name[i].lower(): i for i in range(7)}


@dataclass(frozen=True, slots=True)
class Part:
    """A modifier such as "early" or "the second half of": the sub-range it picks of a period."""

    months: tuple[int, int] | None = None
    days: tuple[int, int] | None = None
    years: tuple[int, int] | None = None
    anchor: str | None = None  # "before": period start to anchor; "after": anchor to period end


@dataclass(frozen=True, slots=True)
class Vocabulary:
    parts: dict[str, Part]
    seasons: dict[str, tuple[int, int]]
    relative_days: dict[str, int]
    recent: dict[str, dict[str, int]]
    offsets: dict[str, int]
    numbers: dict[str, int]
    context_words: frozenset[str]


def _pair(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def key(words: str) -> str:
    """Lower case with single spaces: the form vocabulary keys are stored in."""
    return " ".join(words.lower().split())


@cache
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load(
        resources.files("materiel.extract").joinpath("data/time_expressions.yaml").read_text("utf-8")
    )
    parts = {
        key(name): Part(
            months=_pair(spec.get("months")),
            days=_pair(spec.get("days")),
            years=_pair(spec.get("years")),
            anchor=spec.get("anchor"),
        )
        for name, spec in raw["parts"].items()
    }
    return Vocabulary(
        parts=parts,
        seasons={key(k): (int(v[0]), int(v[1])) for k, v in raw["seasons"].items()},
        relative_days={key(k): int(v) for k, v in raw["relative_days"].items()},
        recent={key(k): {u: int(n) for u, n in v.items()} for k, v in raw["recent"].items()},
        offsets={key(k): int(v) for k, v in raw["offsets"].items()},
        numbers={key(k): int(v) for k, v in raw["numbers"].items()},
        context_words=frozenset(key(w) for w in raw["context_words"]),
    )


def _alternation(words: list[str] | dict[str, Any]) -> str:
    """A non-capturing alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) + ")"


def _bare(pattern: str) -> str:
    """The pattern with its named groups made non-capturing, so it can be nested."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@dataclass(frozen=True, slots=True)
class Patterns:
    """Regular expressions by rule name; ``singles`` and ``ranges`` keep their trial order."""

    singles: dict[str, re.Pattern[str]]
    ranges: dict[str, re.Pattern[str]]
    month_or_weekday: re.Pattern[str]


@cache
def patterns() -> Patterns:
    v = vocabulary()
    month = r"\b" + _alternation(list(MONTHS)) + r"\b\.?"
    weekday = r"\b" + _alternation(list(WEEKDAYS)) + r"\b"
    part = _alternation(v.parts)
    offset = _alternation(v.offsets)
    number = r"(?:\d+|" + _alternation(v.numbers) + ")"
    year4 = r"(?:1[89]|20)\d{2}"
    yearref = rf"(?:\b{year4}\b|['’]\d{{2}}\b|\b{offset}\s+year\b)"
    season = _alternation(v.seasons)
    singles = {
        "iso": rf"\b(?P<iso>{year4}-\d{{2}}-\d{{2}})\b",
        "mdy": rf"(?:{weekday},?\s+)?(?P<mon>{month})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+(?P<year>{year4})\b)?",
        "dmy": rf"(?:{weekday},?\s+)?(?:the\s+)?\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mon>{month})(?:,?\s+(?P<year>{year4})\b)?",
        "period": rf"(?:\b(?P<part>{part})(?:\s+|-|\s*-\s*)(?:in\s+)?)?"
        rf"(?:(?P<mon>{month})\s+(?:of\s+)?)?(?P<yr>{yearref})",
        "unit": rf"(?:\b(?P<part>{part})[\s-]+)?\b(?P<rel>{offset})\s+(?P<unit>week|month)\b",
        "season": rf"(?:\b(?P<rel>{offset}|past)\s+)?(?:\bthe\s+)?(?:\b(?P<part>early|mid|late)[\s-]+)?"
        rf"\b(?P<season>{season})\b(?:\s+(?:of\s+)?(?P<yr>{yearref}))?",
        "decade": r"(?:\bthe\s+)?(?:\b(?P<part>early|mid|late)[\s-]+)?\b(?P<dec>(?:1[89]|20)\d0)['’]?s\b",
        "recent": r"(?:\b(?:in|over|during)\s+)?\brecent\s+(?P<unit>days|weeks|months|years)\b",
        "past": rf"(?:\b(?:in|over|during|for|within)\s+)?\bthe\s+(?:past|last)\s+(?:(?P<n>{number})\s+)?"
        r"(?P<unit>day|week|month|year)s?\b",
        "ago": rf"\b(?P<n>{number})\s+(?P<unit>day|week|month|year)s?\s+ago\b",
        "day": rf"\b(?P<rday>{_alternation(v.relative_days)})\b",
        "weekday": rf"(?:\b(?P<rel>this\s+past|past|{offset})\s+)?(?P<wd>{weekday})"
        r"(?:\s+(?:morning|afternoon|evening|night))?",
        "month": rf"(?:\b(?P<part>{part})[\s-]+(?:in\s+)?)?(?:\b(?P<rel>{offset})\s+)?"
        rf"(?P<mon>{month})(?!\s*\d)",
    }
    nestable = ["iso", "mdy", "dmy", "period", "unit", "season", "decade", "weekday", "day", "month"]
    x = "(?:" + "|".join(_bare(singles[n]) for n in nestable) + ")"
    ranges = {
        "between": rf"\bbetween\s+(?P<a>{x})\s+and\s+(?P<b>{x})(?!\w)",
        "fromto": rf"\bfrom\s+(?P<a>{x})\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|-|–)\s*"
        rf"(?P<b>{x})(?!\w)",
        "years": rf"\b(?P<a>{year4})\s*(?:-|–|—|\bto\b)\s*(?P<b>(?:1[89]|20)?\d{{2}})\b(?!-)",
        "months": rf"(?P<a>{month})\s*(?:-|–|\bto\b|\bthrough\b|\buntil\b)\s*"
        rf"(?P<b>{month}\s+(?:of\s+)?{yearref})",
        "since": rf"\bsince\s+(?P<a>{x})(?!\w)",
        "until": rf"\b(?:until|till)\s+(?P<b>{x})(?!\w)",
    }
    flags = re.IGNORECASE
    return Patterns(
        singles={n: re.compile(p, flags) for n, p in singles.items()},
        ranges={n: re.compile(p, flags) for n, p in ranges.items()},
        month_or_weekday=re.compile(rf"{month}|{weekday}", flags),
    )


# ---------- calendar arithmetic ----------

Span = tuple[date | None, date | None]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def week_span(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` days, weeks, months or years."""
    if unit.startswith("day"):
        return day + timedelta(days=n)
    if unit.startswith("week"):
        return day + timedelta(weeks=n)
    if unit.startswith("month"):
        return add_months(day, n)
    return add_months(day, 12 * n)


def dateparser_day(text: str, anchor: date | None) -> date | None:
    """One calendar day by dateparser, or None. English only and no language detection, so it
    never loads or downloads a model; relative to the anchor, past preferred."""
    if anchor is None and not YEAR4.search(text):
        return None
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime.combine(anchor, time())
    try:
        import dateparser

        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; odd input means "no date"
        return None
    return parsed.date() if isinstance(parsed, datetime) else None
