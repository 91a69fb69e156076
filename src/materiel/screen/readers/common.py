"""What the list readers share: the read context, countries, dates, identifiers and safe XML.

Every reader is a generator ``read(ctx) -> Iterator[ListedEntity]``; it may set ``ctx.list_date``
when the file states when it was published. Errors in the input are ``ListFormatError`` naming
the file and the line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from materiel.errors import ListFormatError
from materiel.screen.records import ListedEntity


@dataclass(slots=True)
class ReadContext:
    """One list being read: its main file, companion files, the list key; the reader adds the date."""

    path: Path
    key: str
    companions: dict[str, Path] = field(default_factory=dict)  # role ("add", "alt") → path
    list_date: str | None = None  # ISO date the file states, if any
    warnings: list[str] = field(default_factory=list)

    def error(self, message: str, line: int | None = None, path: Path | None = None) -> ListFormatError:
        where = f"line {line}: " if line else ""
        return ListFormatError(f"{where}{message}", source=str(path or self.path))


# ---------- countries ----------


@cache
def _country_aliases() -> dict[str, str]:
    text = resources.files("materiel.screen.readers").joinpath("data/countries.yaml").read_text("utf-8")
    data: dict[str, str] = yaml.safe_load(text) or {}
    return {str(k).casefold(): str(v).upper() for k, v in data.items()}


@cache
def country_code(name: str | None) -> str | None:
    """ISO alpha-2 code of a country name or code as the lists write it; None if unknown."""
    if not name:
        return None
    text = " ".join(name.split()).strip(" .")
    if not text or text == "-0-":
        return None
    alias = _country_aliases().get(text.casefold())
    if alias:
        return alias
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


# ---------- dates ----------

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_DMY = re.compile(r"^(?:(\d{1,2}) )?([A-Za-z]{3})[a-z]*\.? (\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
RANGE_YEARS = 12
"""A birth-date range spanning at most this many years gives every year in it; a longer one its ends."""


def one_date(text: str) -> str | None:
    """An ISO date, year-month or year from one date as the lists write it; None if not a date."""
    text = text.strip().strip(".").strip()
    if m := _ISO.match(text):
        return "-".join(p for p in m.groups() if p)
    if m := _DMY.match(text):
        month = MONTHS.get(m.group(2).lower())
        if month is None:
            return None
        day = f"-{int(m.group(1)):02d}" if m.group(1) else ""
        return f"{m.group(3)}-{month:02d}{day}"
    if m := _NUMERIC.match(text):  # day/month/year (UK, EU)
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return None


def year_range(start: int, end: int) -> list[str]:
    if end < start:
        start, end = end, start
    if end - start <= RANGE_YEARS:
        return [str(y) for y in range(start, end + 1)]
    return [str(start), str(end)]


def parse_dates(text: str) -> tuple[list[str], bool]:
    """Dates from a birth-date phrase: ("circa 1951"), ranges ("1950 to 1955"); (dates, approximate)."""
    text = " ".join(text.split()).strip(" .")
    approximate = False
    lowered = text.lower()
    for prefix in ("circa ", "approximately ", "about ", "c. ", "ca. "):
        if lowered.startswith(prefix):
            text, approximate = text[len(prefix) :], True
            break
    if " to " in text or re.fullmatch(r"\d{4}\s*-\s*\d{4}", text):
        first, _, last = re.split(r"( to |\s*-\s*)", text, maxsplit=1)
        a, b = one_date(first), one_date(last)
        if a and b and len(a) == 4 and len(b) == 4:
            return year_range(int(a), int(b)), True
        return [d for d in (a, b) if d], True
    single = one_date(text)
    return ([single] if single else []), approximate


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


# ---------- identifiers and values ----------


def add_unique(values: list[str], *new: str | None) -> None:
    for value in new:
        value = " ".join(value.split()) if value else ""
        if value and value not in values:
            values.append(value)


def add_identifier(entity: ListedEntity, kind: str, value: str | None) -> None:
    value = " ".join(value.split()) if value else ""
    if not value:
        return
    if kind == "imo":
        value = re.sub(r"^IMO\s*", "", value, flags=re.IGNORECASE)
    add_unique(entity.identifiers.setdefault(kind, []), value)


def add_country(entity: ListedEntity, name: str | None, ctx: ReadContext | None = None) -> str | None:
    code = country_code(name)
    if code:
        add_unique(entity.countries, code)
    elif name and name.strip() and ctx is not None:
        note = f"unknown country {name.strip()!r}"
        if note not in ctx.warnings:
            ctx.warnings.append(note)
    return code


def gender(text: str | None) -> str | None:
    value = (text or "").strip().lower()
    if value in ("male", "m"):
        return "male"
    if value in ("female", "f"):
        return "female"
    return None


def join_parts(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


# ---------- XML ----------


def local(tag: str) -> str:
    """The tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def parse_xml(ctx: ReadContext, path: Path | None = None) -> ET.Element:
    """The root of an XML file, parsed with entity expansion and external entities refused."""
    path = path or ctx.path
    parser = DefusedXMLParser(
        target=ET.TreeBuilder(), forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                parser.feed(chunk)
        root: ET.Element = parser.close()
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ctx.error(f"malformed XML: {exc.msg if hasattr(exc, 'msg') else exc}", line, path) from exc
    except DefusedXmlException as exc:
        line = _expat_line(parser)
        raise ctx.error(f"unsafe XML refused ({type(exc).__name__}): {exc}", line, path) from exc
    except OSError as exc:
        raise ctx.error(f"cannot read: {exc.strerror or exc}", None, path) from exc
    return root


def _expat_line(parser: Any) -> int | None:
    expat = getattr(parser, "parser", None) or getattr(parser, "_parser", None)
    line = getattr(expat, "CurrentLineNumber", None)
    return int(line) if isinstance(line, int) else None


def children(elem: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in elem if local(c.tag) == name]


def child(elem: ET.Element | None, name: str) -> ET.Element | None:
    if elem is None:
        return None
    for c in elem:
        if local(c.tag) == name:
            return c
    return None


def nested(elem: ET.Element | None, *path: str) -> list[ET.Element]:
    """The elements at ``path`` below ``elem`` (the last step may repeat); [] when absent."""
    node = elem
    for name in path[:-1]:
        node = child(node, name)
    return children(node, path[-1]) if node is not None else []


def text(elem: ET.Element | None, *path: str) -> str | None:
    """The stripped text at ``path`` below ``elem`` (namespace-blind); None when absent or empty."""
    node = elem
    for name in path:
        node = child(node, name)
    if node is None or node.text is None:
        return None
    value = " ".join(node.text.split())
    return value or None


def texts(elem: ET.Element | None, *path: str) -> list[str]:
    """Every non-empty text at ``path`` (the last step may repeat)."""
    if elem is None:
        return []
    node: ET.Element | None = elem
    for name in path[:-1]:
        node = child(node, name)
    if node is None:
        return []
    out: list[str] = []
    for c in children(node, path[-1]):
        if c.text and c.text.strip():
            out.append(" ".join(c.text.split()))
    return out


__all__ = [
    "ReadContext",
    "add_country",
    "add_identifier",
    "add_unique",
    "child",
    "children",
    "country_code",
    "gender",
    "iso_date",
    "join_parts",
    "local",
    "nested",
    "one_date",
    "parse_dates",
    "parse_xml",
    "text",
    "texts",
]
