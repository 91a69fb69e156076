"""The names and demonyms of states, as words of a name.

From pycountry, from the lists' own spellings (``readers/data/countries.yaml``) and from
extraction's gazetteer of states (``extract/data/states.yaml``, read as a data file). Used to read
a state out of a query's country or a body's name (``bodies``), and to weigh the words of a
state's name in an organisation's name less than its own words (``state_positions``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import pycountry
import yaml
from anyascii import anyascii

_WORD_RE = re.compile(r"[^a-z0-9]+")


def tokens_of(name: str) -> tuple[str, ...]:
    """A name as the words ``state_words`` is keyed by: ASCII, lower case, no "the" or "of"."""
    return tuple(t for t in _WORD_RE.split(anyascii(name).lower()) if t and t not in ("the", "of"))


@cache
def state_words() -> dict[tuple[str, ...], str]:
    """The names and demonyms of states, as the tokens a name is read into → ISO code."""
    table: dict[tuple[str, ...], str] = {}
    for country in pycountry.countries:
        for key in ("name", "common_name", "official_name"):
            if value := getattr(country, key, None):
                table.setdefault(tokens_of(str(value)), str(country.alpha_2))
    spellings = resources.files("materiel.screen.readers").joinpath("data/countries.yaml").read_text("utf-8")
    for name, code in (yaml.safe_load(spellings) or {}).items():
        table.setdefault(tokens_of(str(name)), str(code).upper())
    states = resources.files("materiel").joinpath("extract/data/states.yaml").read_text("utf-8")
    for state in (yaml.safe_load(states) or {}).get("states", []):
        for name in [*state.get("names", []), *state.get("demonyms", [])]:
            table.setdefault(tokens_of(str(name)), str(state["code"]).upper())
    table.pop((), None)
    return table


@cache
def _longest() -> int:
    return max(len(k) for k in state_words())


@lru_cache(maxsize=100_000)
def state_positions(tokens: tuple[str, ...]) -> frozenset[int]:
    """The positions of ``tokens`` (a name's words as compared) that spell a state's name or
    demonym, longest first: ("islamic", "republic", "iran", "shipping", "lines") → {0, 1, 2}."""
    table = state_words()
    found: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        for size in range(min(_longest(), n - i), 0, -1):
            if tokens[i : i + size] in table:
                found.update(range(i, i + size))
                i += size
                break
        else:
            i += 1
    return frozenset(found)
