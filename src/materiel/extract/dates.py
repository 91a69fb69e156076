"""Time expressions of news reporting, read as calendar intervals relative to the publication date.

``normalise_time("late 2022", date(2023, 3, 30))`` gives 2022-09-01..2022-12-31; ``"on Friday"``
gives the last Friday on or before the publication date (the anchor), as news uses it. Single
absolute dates go through dateparser (English only, past preferred, nothing downloaded); the vague
parts (seasons, parts of a year, "between X and Y", "since X") are a small grammar whose
vocabulary lives in ``data/time_expressions.yaml``. Anything that is not a time expression gives
None; odd input never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from materiel.extract.dates_grammar import (
    MONTHS,
    YEAR4,
    Part,
    Span,
    add_months,
    dateparser_day,
    key,
    month_end,
    month_span,
    patterns,
    vocabulary,
    week_span,
)
from materiel.extract.dates_relative import ago, day, past, recent, weekday
from materiel.model import TimeSpan

Resolver = Callable[[re.Match[str], date | None], Span | None]
_YEARISH = re.compile(r"\b(?:1[89]|20)\d{2}\b|['’]\d{2}\b|\byear\b", re.IGNORECASE)
_LEADING = re.compile(r"^(?:on|in|at|during|throughout|by)\s+", re.IGNORECASE)
_PRECEDING_WORD = re.compile(r"([A-Za-z]+)[\s(\"'“‘-]*$")


def normalise_time(text: str, published: date | None) -> TimeSpan | None:
    """The interval ``text`` names, read relative to ``published``; None when nothing datelike.

    ``text`` may be a bare expression ("mid-2023") or a sentence holding one; for a sentence the
    first expression that resolves is used and ``TimeSpan.text`` is that expression. Expressions
    that need the anchor ("yesterday", "in March") give None when ``published`` is None.
    """
    try:
        return _normalise(text, published)
    except (ValueError, OverflowError, TypeError, RecursionError):
        return None


def find_time_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the time expressions in a sentence, in reading order, not overlapping."""
    try:
        return _find(text)
    except (ValueError, TypeError, RecursionError):
        return []


def _normalise(text: str, anchor: date | None) -> TimeSpan | None:
    if not isinstance(text, str) or not text.strip():
        return None
    clean = text.strip().strip(".,;:()[]\"'“”").strip()
    span = _resolve_full(clean, anchor) or _resolve_full(_LEADING.sub("", clean), anchor)
    if span is not None:
        return TimeSpan(span[0], span[1], text.strip())
    for start, end in _find(text):
        span = _resolve_full(text[start:end], anchor)
        if span is not None:
            return TimeSpan(span[0], span[1], text[start:end])
    if len(clean) <= 40 and re.search(r"\d", clean):
        day = dateparser_day(clean, anchor)
        if day is not None:
            return TimeSpan(day, day, text.strip())
    return None


def _resolve_full(text: str, anchor: date | None) -> Span | None:
    """The interval of ``text`` when the whole of it is one expression (a range or a single one)."""
    pats = patterns()
    for name, pattern in pats.ranges.items():
        m = pattern.fullmatch(text)
        if m is not None:
            span = _safe(_RANGES[name], m, anchor)
            if span is not None:
                return span
    return _single(text, anchor)


def _single(text: str, anchor: date | None) -> Span | None:
    for name, pattern in patterns().singles.items():
        m = pattern.fullmatch(text.strip())
        if m is not None:
            span = _safe(_SINGLES[name], m, anchor)
            if span is not None:
                return span
    return None


def _safe(resolver: Resolver, m: re.Match[str], anchor: date | None) -> Span | None:
    """A resolver's interval, or None where the words name no real day ("February 30")."""
    try:
        return resolver(m, anchor)
    except (ValueError, OverflowError, KeyError):
        return None


# ---------- scanning a sentence ----------


def _find(text: str) -> list[tuple[int, int]]:
    if not isinstance(text, str):
        return []
    pats = patterns()
    candidates: list[tuple[int, int]] = []
    for name, pattern in [*pats.ranges.items(), *pats.singles.items()]:
        for m in pattern.finditer(text):
            if m.end() > m.start() and _plausible(name, m, text):
                candidates.append((m.start(), m.end()))
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)


def _plausible(name: str, m: re.Match[str], text: str) -> bool:
    """Whether a match in running text is a time expression, not "may" the verb or a quantity."""
    for word in patterns().month_or_weekday.finditer(m.group(0)):
        if not word.group(0)[0].isupper():
            return False
    groups = m.groupdict()
    needs_context = (
        (name == "period" and not groups["part"] and not groups["mon"] and "year" not in groups["yr"].lower())
        or (name == "month" and not groups["part"] and not groups["rel"])
        or (name == "season" and not groups["rel"] and not groups["yr"])
    )
    if not needs_context:
        return True
    before = _PRECEDING_WORD.search(text[: m.start()])
    return before is not None and key(before.group(1)) in vocabulary().context_words


# ---------- single expressions ----------


def _year(text: str, anchor: date | None) -> int | None:
    text = key(text)
    if text.isdigit():
        return int(text)
    if text[0] in "'’":
        yy = int(text[1:])
        limit = anchor.year + 10 if anchor else 2050
        return 2000 + yy if 2000 + yy <= limit else 1900 + yy
    if anchor is None:
        return None
    return anchor.year + vocabulary().offsets.get(key(text.rsplit(" ", 1)[0]), 0)


def _part(name: str | None) -> Part | None:
    return vocabulary().parts.get(key(name)) if name else None


def _to_anchor(part: Part, span: tuple[date, date], anchor: date | None) -> Span:
    start, end = span
    if anchor is None or not start <= anchor <= end:
        return span
    return (start, anchor) if part.anchor == "before" else (anchor, end)


def _month_part(part: Part | None, year: int, month: int, anchor: date | None) -> Span:
    span = month_span(year, month)
    if part is None:
        return span
    if part.anchor:
        return _to_anchor(part, span, anchor)
    if part.days is None:
        return span
    last = span[1].day
    return date(year, month, min(part.days[0], last)), date(year, month, min(part.days[1], last))


def _year_part(part: Part | None, year: int, anchor: date | None) -> Span:
    span = (date(year, 1, 1), date(year, 12, 31))
    if part is None:
        return span
    if part.anchor:
        return _to_anchor(part, span, anchor)
    if part.months is None:
        return span
    return date(year, part.months[0], 1), month_end(year, part.months[1])


def _absolute(m: re.Match[str], anchor: date | None) -> Span | None:
    if m.group("year") is None and anchor is None:
        return None
    month = MONTHS[key(m.group("mon")).rstrip(".")]
    day_text = f"{int(m.group('day'))} {key(m.group('mon'))} {m.group('year') or ''}".strip()
    day = dateparser_day(day_text, anchor)
    if day is None:  # dateparser declined: compute it ourselves, past preferred
        year = int(m.group("year")) if m.group("year") else anchor.year if anchor else 0
        day = date(year, month, int(m.group("day")))
        if m.group("year") is None and anchor is not None and day > anchor:
            day = date(year - 1, month, day.day)
    return day, day


def _iso(m: re.Match[str], anchor: date | None) -> Span | None:
    day = date.fromisoformat(m.group("iso"))
    return day, day


def _period(m: re.Match[str], anchor: date | None) -> Span | None:
    year = _year(m.group("yr"), anchor)
    if year is None:
        return None
    part = _part(m.group("part"))
    if m.group("mon"):
        return _month_part(part, year, MONTHS[key(m.group("mon")).rstrip(".")], anchor)
    return _year_part(part, year, anchor)


def _unit(m: re.Match[str], anchor: date | None) -> Span | None:
    if anchor is None:
        return None
    offset = vocabulary().offsets[key(m.group("rel"))]
    part = _part(m.group("part"))
    if m.group("unit").lower() == "week":
        span = week_span(anchor + timedelta(weeks=offset))
        return _to_anchor(part, span, anchor) if part and part.anchor else span
    first = add_months(anchor.replace(day=1), offset)
    return _month_part(part, first.year, first.month, anchor)


def _season_span(season: tuple[int, int], year: int) -> tuple[date, date]:
    first, last = season
    return date(year, first, 1), month_end(year + (1 if last < first else 0), last)


def _season(m: re.Match[str], anchor: date | None) -> Span | None:
    season = vocabulary().seasons[key(m.group("season"))]
    rel = key(m.group("rel") or "")
    if m.group("yr"):
        year = _year(m.group("yr"), anchor)
    elif anchor is None:
        return None
    elif rel in vocabulary().offsets and vocabulary().offsets[rel] >= 0:
        year = anchor.year + vocabulary().offsets[rel]
    else:  # the most recent one begun (bare) or over (last, past) by the anchor
        latest = [
            y
            for y in range(anchor.year + 1, anchor.year - 3, -1)
            if _season_span(season, y)[1 if rel else 0] < anchor + timedelta(days=0 if rel else 1)
        ]
        year = latest[0] if latest else None
    if year is None:
        return None
    start, end = _season_span(season, year)
    index = {"early": 0, "mid": 1, "late": 2}.get(key(m.group("part") or ""))
    if index is None:
        return start, end
    month = add_months(start, index)
    return month_span(month.year, month.month)


def _decade(m: re.Match[str], anchor: date | None) -> Span | None:
    first = int(m.group("dec"))
    part = _part(m.group("part"))
    lo, hi = part.years if part and part.years else (0, 9)
    return date(first + lo, 1, 1), date(first + hi, 12, 31)


def _month(m: re.Match[str], anchor: date | None) -> Span | None:
    if anchor is None:
        return None
    month = MONTHS[key(m.group("mon")).rstrip(".")]
    rel = vocabulary().offsets.get(key(m.group("rel") or ""))
    year = anchor.year
    if rel is None:
        year -= 1 if month > anchor.month else 0
    elif rel < 0:
        year -= 1 if month >= anchor.month else 0
    elif rel > 0:
        year += 1 if month <= anchor.month else 0
    return _month_part(_part(m.group("part")), year, month, anchor)


_SINGLES: dict[str, Resolver] = {
    "iso": _iso,
    "mdy": _absolute,
    "dmy": _absolute,
    "period": _period,
    "unit": _unit,
    "season": _season,
    "decade": _decade,
    "recent": recent,
    "past": past,
    "ago": ago,
    "day": day,
    "weekday": weekday,
    "month": _month,
}


# ---------- ranges ----------


def _end_with_year(a_text: str, b_text: str, anchor: date | None) -> Span | None:
    """The first end of a range, borrowing the year of the second ("from March to May 2023")."""
    year = YEAR4.search(b_text)
    if year is not None and not _YEARISH.search(a_text):
        borrowed = _single(f"{a_text} {year.group(0)}", anchor)
        if borrowed is not None:
            return borrowed
    return _single(a_text, anchor)


def _between(m: re.Match[str], anchor: date | None) -> Span | None:
    first = _end_with_year(m.group("a"), m.group("b"), anchor)
    second = _single(m.group("b"), anchor)
    if first is None or second is None:
        return None
    return first[0], second[1]


def _years(m: re.Match[str], anchor: date | None) -> Span | None:
    first, second = int(m.group("a")), m.group("b")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return (date(first, 1, 1), date(last, 12, 31)) if last >= first else None


def _since(m: re.Match[str], anchor: date | None) -> Span | None:
    first = _single(m.group("a"), anchor)
    return (first[0], anchor) if first is not None else None


def _until(m: re.Match[str], anchor: date | None) -> Span | None:
    last = _single(m.group("b"), anchor)
    return (None, last[1]) if last is not None else None


_RANGES: dict[str, Resolver] = {
    "between": _between,
    "fromto": _between,
    "years": _years,
    "months": _between,
    "since": _since,
    "until": _until,
}
