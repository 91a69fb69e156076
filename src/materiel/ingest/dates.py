"""Reading publication dates given as text."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from typing import Any

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_partial(value: str) -> tuple[date, str] | None:
    """A year or year-month ("2023", "2023-12") as its first day, with its precision."""
    match = _PARTIAL.match(value.strip())
    if match is None:
        return None
    try:
        if match.group(2):
            return date(int(match.group(1)), int(match.group(2)), 1), "month"
        return date(int(match.group(1)), 1, 1), "year"
    except ValueError:
        return None


def parse_date(value: str) -> date | None:
    """A calendar date from ISO text (date or date-time) or a written-out date; None if unreadable.

    Only absolute dates with day, month and year are accepted ("yesterday" or "May 2023" are not).
    """
    text = value.strip()
    if not text:
        return None
    if _ISO.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for written-out dates

    settings: dict[str, Any] = {
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, settings=settings)
    return parsed.date() if parsed is not None else None


def struct_date(value: time.struct_time | None) -> date | None:
    """A date from the ``time.struct_time`` feedparser gives."""
    if value is None:
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except (ValueError, TypeError, AttributeError):
        return None
