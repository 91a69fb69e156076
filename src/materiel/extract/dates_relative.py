"""Time expressions read from the publication date back: "in the past two weeks", "three days
ago", "yesterday", "last Friday". Each resolver takes a match of its pattern
(``dates_grammar.patterns``) and the anchor (the publication date) and gives the interval, or None
without an anchor."""

from __future__ import annotations

import re
from datetime import date, timedelta

from materiel.extract.dates_grammar import WEEKDAYS, Span, key, month_span, shift, vocabulary, week_span


def recent(m: re.Match[str], anchor: date | None) -> Span | None:
    if anchor is None:
        return None
    reach = vocabulary().recent[key(m.group("unit"))]
    start = anchor
    for unit, n in reach.items():
        start = shift(start, unit, -n)
    return start, anchor


def _count(text: str | None) -> int:
    if not text:
        return 1
    return int(text) if text.isdigit() else vocabulary().numbers[key(text)]


def past(m: re.Match[str], anchor: date | None) -> Span | None:
    if anchor is None:
        return None
    return shift(anchor, m.group("unit").lower(), -_count(m.group("n"))), anchor


def ago(m: re.Match[str], anchor: date | None) -> Span | None:
    if anchor is None:
        return None
    unit = m.group("unit").lower()
    then = shift(anchor, unit, -_count(m.group("n")))
    if unit == "day":
        return then, then
    if unit == "week":
        return week_span(then)
    if unit == "month":
        return month_span(then.year, then.month)
    return date(then.year, 1, 1), date(then.year, 12, 31)


def day(m: re.Match[str], anchor: date | None) -> Span | None:
    if anchor is None:
        return None
    day = anchor + timedelta(days=vocabulary().relative_days[key(m.group("rday"))])
    return day, day


def weekday(m: re.Match[str], anchor: date | None) -> Span | None:
    if anchor is None:
        return None
    target = WEEKDAYS[key(m.group("wd"))]
    rel = key(m.group("rel") or "")
    back = (anchor.weekday() - target) % 7
    if rel == "this":
        day = week_span(anchor)[0] + timedelta(days=target)
    elif rel in vocabulary().offsets and vocabulary().offsets[rel] > 0:
        day = anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
    elif rel:  # last, past, this past: strictly before the anchor
        day = anchor - timedelta(days=back or 7)
    else:  # "on Friday": the most recent Friday on or before the anchor
        day = anchor - timedelta(days=back)
    return day, day
