"""Names as the resolution compares them: token sets, slugs, and the qualifiers that must agree.

``name_key("Mr. Ashot  Mkrtychev")`` is ``"ashot mkrtychev"``: accents folded, punctuation and
honorifics dropped, hyphens inside a word closed up ("Won-sik" is "wonsik"), small words ("the",
"of") dropped, the tokens sorted, so word order does not matter ("Treasury Department" and
"Department of the Treasury" meet).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from materiel.model import Entity, EntityKind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _words(
    "mr mrs ms miss dr prof sir gen general col colonel maj major lt capt captain adm admiral "
    "president minister secretary ambassador spokesman spokeswoman sheikh"
)
SMALL_WORDS = _words("the of and for de la le du al el a an")
PREFIXES = {
    EntityKind.PERSON: "person",
    EntityKind.ORGANIZATION: "org",
    EntityKind.STATE: "state",
    EntityKind.REGION: "region",
    EntityKind.VESSEL: "vessel",
    EntityKind.AIRCRAFT: "aircraft",
}
"""The prefix of a graph entity id per kind (the same prefixes as the extraction's ids)."""

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(name: str) -> list[str]:
    """The words of a name that count: folded, honorifics and small words left out."""
    out = []
    for match in _TOKEN.finditer(fold(name)):
        word = re.sub(r"[-'’]", "", match.group())
        if word and word not in HONORIFICS and word not in SMALL_WORDS:
            out.append(word)
    return out


def name_key(name: str) -> str:
    """The token set of a name, sorted and joined by spaces ("" when no word counts)."""
    return " ".join(sorted(set(tokens(name))))


def slug(name: str) -> str:
    """A readable id part: folded words joined by hyphens, in the order written, without honorifics."""
    words = [re.sub(r"[-'’]", "", m.group()) for m in _TOKEN.finditer(fold(name))]
    kept = [w for w in words if w and w not in HONORIFICS] or [w for w in words if w]
    text = "-".join(kept)
    return text[:80] or "unnamed"


def short_hash(*parts: str, length: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def is_acronym(name: str) -> bool:
    """ "IRGC", "KOMID": one word of capitals (three or more), read as a name of an organisation."""
    stripped = name.replace(".", "").strip()
    return len(stripped) >= 3 and stripped.isalpha() and stripped.isupper() and " " not in stripped


def qualifiers(entity: Entity) -> dict[str, set[str]]:
    """What a document says about an entity that another document must not contradict.

    ``country``: its country or nationality (a person's nationality, an organisation's country);
    ``birth_date``; ``imo`` (a vessel's number).
    """
    attrs: dict[str, Any] = entity.attributes or {}
    out: dict[str, set[str]] = {}
    if entity.kind not in (EntityKind.STATE, EntityKind.REGION):
        countries = {
            str(v).upper() for v in (entity.country, attrs.get("nationality"), attrs.get("country")) if v
        }
        if countries:
            out["country"] = countries
    for key in ("birth_date", "imo"):
        if attrs.get(key):
            out[key] = {str(attrs[key]).strip().upper()}
    return out


def contradiction(a: dict[str, set[str]], b: dict[str, set[str]]) -> str | None:
    """The first qualifier both sides state and on which they share no value, as a short reason."""
    for key in sorted(set(a) & set(b)):
        if not a[key] & b[key]:
            return f"{key} {'/'.join(sorted(a[key]))} vs {'/'.join(sorted(b[key]))}"
    return None


def most_common(values: Iterable[str]) -> str | None:
    """The most frequent value; ties go to the longest, then the first in alphabetical order."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


__all__ = [
    "PREFIXES",
    "contradiction",
    "fold",
    "is_acronym",
    "most_common",
    "name_key",
    "qualifiers",
    "short_hash",
    "slug",
    "tokens",
]
