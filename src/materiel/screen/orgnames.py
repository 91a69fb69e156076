"""Organisation names: numbers read one way, legal forms found where they are glued, cut or misspelt.

- Numbers written as words or ordinals are read as digits: "First", "1st" → "1"; "Forty-Four",
  "Forty 4" → "44" (English number words from ``num2words``, common misspellings from names.yaml).
- A legal form glued to the name in camel case is split off: "SiemensAG" → "Siemens AG".
- A multi-word legal form cut at the end of a fixed-width field ("JOINT STOCK COMPAN") or one
  letter off ("JOYNT STOCK COMPANY") is still read as that legal form.
- A place name added at the end of a name ("FABERLIC EUROPE", "SANTANDER MEXICO") names a branch
  or subsidiary of the same group (``added_places``).
- One telling word shared, and another one left over, is another body that bears the word
  ("Al-Quds" / SARAYAT AL-QUDS: ``another_body``).
- Words that name a unit added at the end of a body's name ("... GUARD CORPS AIR FORCE", "...
  QODS FORCE") name a unit of that body, which the lists carry as an entry of its own
  (``added_unit``).

Names in other scripts read in English: ``materiel.screen.glossaries``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

import pycountry
from anyascii import anyascii
from num2words import num2words
from rapidfuzz.distance import Levenshtein

from materiel.screen.translit import load_yaml

_ORDINAL_NUM_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_CAMEL_RE = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][A-Za-z]{1,5})\b")
_NUMBER_RE = re.compile(r"^(?:\d+|[ivx]{1,4})$")  # a name part that is a number: digits, or roman
MIN_CUT = 4  # letters a cut last word must keep
MIN_FUZZY = 12  # letters a multi-word legal form must have to be read one letter off


@cache
def number_words() -> dict[str, int]:
    """English cardinal and ordinal words of 0–19 and of the tens, and their common misspellings."""
    words: dict[str, int] = {}
    for n in [*range(20), *range(20, 100, 10)]:
        words[num2words(n)] = n
        words[num2words(n, to="ordinal")] = n
    for word, value in load_yaml("names.yaml").get("number_misspellings", {}).items():
        words[str(word)] = int(value)
    return words


def is_number(token: str) -> bool:
    """Whether a name part is a number ("3", "44", "viii"): another number marks another of a series."""
    return _NUMBER_RE.match(token) is not None


def _value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    cut = _ORDINAL_NUM_RE.match(token)
    if cut:
        return int(cut.group(1))
    return number_words().get(token)


def read_numbers(tokens: list[str]) -> list[str]:
    """Number words and ordinals as digits; a tens word and the unit after it as one number."""
    out: list[str] = []
    tens_word = False  # the last token was a tens word ("forty"), which a unit may complete
    for token in tokens:
        value = _value(token)
        if value is None:
            out.append(token)
            tens_word = False
        elif tens_word and 0 < value < 10:
            out[-1] = str(int(out[-1]) + value)
            tens_word = False
        else:
            out.append(str(value))
            tens_word = not token.isdigit() and value >= 20 and value % 10 == 0
    return out


def split_glued_form(name: str, single_forms: frozenset[str]) -> str:
    """ "SiemensAG" → "Siemens AG": a legal form written onto the name in camel case."""

    def split(m: re.Match[str]) -> str:
        head, tail = m.group(1), m.group(2)
        return f"{head} {tail}" if tail.lower() in single_forms else m.group(0)

    return _CAMEL_RE.sub(split, name)


def cut_forms(forms: Mapping[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """Multi-word legal forms with their last word cut short, each cut → the form's class."""
    cut: dict[tuple[str, ...], str] = {}
    for spelling, cls in sorted(forms.items()):
        if len(spelling) < 2:
            continue
        last = spelling[-1]
        for n in range(MIN_CUT, len(last)):
            cut.setdefault((*spelling[:-1], last[:n]), cls)
    return cut


def long_forms(forms: Mapping[tuple[str, ...], str]) -> dict[tuple[int, int], tuple[tuple[str, str], ...]]:
    """Multi-word legal forms long enough to be recognised one letter off, by (words, letters):
    (text, class) pairs."""
    grouped: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for spelling, cls in sorted(forms.items()):
        text = " ".join(spelling)
        if len(spelling) > 1 and len(text) >= MIN_FUZZY:
            grouped.setdefault((len(spelling), len(text)), []).append((text, cls))
    return {k: tuple(v) for k, v in grouped.items()}


def fuzzy_legal_form(
    tail: tuple[str, ...],
    cut: Mapping[tuple[str, ...], str],
    long: Mapping[tuple[int, int], tuple[tuple[str, str], ...]],
) -> str | None:
    """The class of the multi-word legal form that ``tail`` is, cut short or one letter off."""
    if len(tail) < 2:
        return None
    cls = cut.get(tail)
    if cls is not None:
        return cls
    text = " ".join(tail)
    if len(text) < MIN_FUZZY:
        return None
    for size in (len(text) - 1, len(text), len(text) + 1):
        for spelling, form_cls in long.get((len(tail), size), ()):
            if Levenshtein.distance(text, spelling, score_cutoff=1) <= 1:
                return form_cls
    return None


@cache
def place_words() -> frozenset[str]:
    """Country names of one word (ISO 3166, from pycountry), and the regions and short country
    names of names.yaml ``place_words``, lower-case ASCII."""
    names = {str(getattr(c, key, "")) for c in pycountry.countries for key in ("name", "common_name")}
    names |= {str(w) for w in load_yaml("names.yaml").get("place_words", [])}
    return frozenset(anyascii(n).lower() for n in names if n and " " not in n and "," not in n)


def added_places(tokens: Sequence[str], rest: Sequence[str], original: str) -> int:
    """How many place names an organisation's name adds at its end: the unpaired parts ``rest``
    are all places and are its last parts ("FABERLIC EUROPE Sp. z o.o.", "SBERBANK EUROPE AG": a
    branch or subsidiary). A place the name joins with "of" or "in" is the name's own ("BANK OF
    CHINA", "ISLAMIC STATE OF IRAQ"), and one in front is not added ("IRAN AIR")."""
    places = place_words()
    if not rest or any(t not in places for t in rest) or tuple(tokens[-len(rest) :]) != tuple(rest):
        return 0
    text = anyascii(original).lower()
    if any(re.search(rf"\b(?:of|in)\s+(?:the\s+)?{re.escape(t)}\b", text) for t in rest):
        return 0
    return len(rest)


@cache
def unit_words() -> frozenset[str]:
    """The words that name a unit of a larger body (names.yaml ``unit_words``: "force", "navy")."""
    return frozenset(str(w) for w in load_yaml("names.yaml").get("unit_words", []))


def sub_body_ends() -> frozenset[str]:
    """The last words of a body's name that, after two or more words of their own, name a body
    below another ("... AEROSPACE FORCE SELF SUFFICIENCY JIHAD ORGANIZATION"; names.yaml
    ``sub_body_ends``)."""
    return frozenset(str(w) for w in load_yaml("names.yaml").get("sub_body_ends", []))


def added_unit(tokens: Sequence[str], rest: Sequence[str], paired: int) -> bool:
    """Whether an organisation's name is another name of two or more words (``paired`` of them
    paired) with words added at its end (``rest``, its last parts) that name a unit: "ISLAMIC
    REVOLUTIONARY GUARD CORPS AIR FORCE", "... GROUND FORCES", "... INTELLIGENCE ORGANIZATION"
    are units of the IRGC, listed apart from it; so is a body below it, named by three words or
    more ending in one of ``sub_body_ends`` ("... AL-GHADIR MISSILE COMMAND")."""
    if paired < 2 or not rest or tuple(tokens[-len(rest) :]) != tuple(rest):
        return False
    return not unit_words().isdisjoint(rest) or (len(rest) >= 3 and rest[-1] in sub_body_ends())


def another_body(paired: Sequence[str], extra: Sequence[str], kinds: frozenset[str]) -> bool:
    """Whether two organisation names share one telling word (no word of kind, no article, initial
    or number: ``paired`` are one name's paired words), and the name with parts left over
    (``extra``) has another telling word among them that is not a place ("DPRK Ministry of Rocket
    Industry" is the MINISTRY OF ROCKET INDUSTRY)."""
    places = place_words()

    def telling(word: str) -> bool:
        return len(word) > 2 and word not in kinds and not is_number(word)

    return sum(1 for w in paired if telling(w)) == 1 and any(telling(t) and t not in places for t in extra)
