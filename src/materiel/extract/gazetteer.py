"""World knowledge for extraction, loaded from the YAML files under ``extract/data``.

States (names, demonyms, capitals and organs that stand for them), organisations (agencies,
armed groups, companies; which state they act for; whether they designate sanctions targets),
regions, the weapon lexicon and the trigger vocabulary. Nothing here is code-specific: a user adds
a name by editing or adding a data file, see :func:`load_gazetteer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from materiel.errors import MaterielError
from materiel.model import ItemCategory


@dataclass(frozen=True, slots=True)
class StateInfo:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class OrgInfo:
    name: str
    country: str | None = None
    organ_of: str | None = None
    authority: str | None = None
    type: str = "organization"


@dataclass(frozen=True, slots=True)
class RegionInfo:
    name: str
    country: str | None = None


@dataclass(slots=True)
class Gazetteer:
    """Surface forms mapped to what they name. Keys are the exact surface strings."""

    states: dict[str, StateInfo] = field(default_factory=dict)  # code -> info
    state_names: dict[str, str] = field(default_factory=dict)  # surface -> code
    demonyms: dict[str, str] = field(default_factory=dict)  # surface -> code
    metonyms: dict[str, str] = field(default_factory=dict)  # surface -> code
    organ_nouns: frozenset[str] = frozenset()
    orgs: dict[str, OrgInfo] = field(default_factory=dict)  # surface -> info
    regions: dict[str, RegionInfo] = field(default_factory=dict)  # surface -> info
    weapons: dict[str, ItemCategory | None] = field(default_factory=dict)  # lower surface -> category
    generic_heads: frozenset[str] = frozenset()
    triggers: dict[str, Any] = field(default_factory=dict)
    org_words: frozenset[str] = frozenset()
    company_words: frozenset[str] = frozenset()
    vessel_words: frozenset[str] = frozenset()
    firm_nouns: frozenset[str] = frozenset()  # "Mado, the company ...": an appositive says a firm
    byline_patterns: tuple[str, ...] = ()
    given_names: frozenset[str] = frozenset()
    officials: dict[str, str] = field(default_factory=dict)  # name or listed surname -> state code
    state_groups: dict[str, frozenset[str]] = field(default_factory=dict)  # "Gulf" -> {"AE", "SA", ...}

    def state_code(self, surface: str) -> str | None:
        """The ISO code a surface form stands for, whether a name, demonym or metonym."""
        for table in (self.state_names, self.metonyms, self.demonyms):
            code = table.get(surface) or table.get(_strip_the(surface))
            if code:
                return code
        return None


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def read_yaml(path: Path | Any) -> dict[str, Any]:
    """A data file's mapping; a file that cannot be read or holds no mapping is a MaterielError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise MaterielError(f"cannot read data file: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise MaterielError("data file must hold a mapping at the top level", source=str(path))
    return data


def _the_variants(surface: str) -> list[str]:
    """The surface as written, capitalised after a sentence's start ("the Houthis"), and with the
    other apostrophe: documents write "Kata’ib" as often as the data file's "Kata'ib"."""
    forms = [surface, "The " + surface[4:]] if surface.startswith("the ") else [surface]
    swapped = [f.translate(_APOSTROPHES) for f in forms]
    return list(dict.fromkeys([*forms, *swapped]))


_APOSTROPHES = str.maketrans({"'": "\u2019", "\u2019": "'"})


def plural_forms(term: str) -> list[str]:
    """The term and the plural of its last word (English rules good enough for weapon nouns)."""
    head, _, last = term.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.isupper() or any(ch.isdigit() for ch in last):
        plurals = [last + "s"]
    elif last.endswith("s") and not last.endswith("ss"):
        plurals = []  # already plural or invariant: "arms", "electronics", "MANPADS"
    elif last.endswith(("ss", "x", "ch", "sh")):
        plurals = [last + "es"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plurals = [last[:-1] + "ies"]
    else:
        plurals = [last + "s"]
    return [term, *(prefix + p for p in plurals)]


def _add_pycountry(gaz: Gazetteer) -> None:
    for country in pycountry.countries:
        code = country.alpha_2
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        for name in names:
            if name and "," not in name and "(" not in name:
                gaz.state_names.setdefault(name, code)
        gaz.states.setdefault(code, StateInfo(code, getattr(country, "common_name", None) or country.name))


def _load_states(gaz: Gazetteer, data: dict[str, Any]) -> None:
    for entry in data.get("states", []):
        code = entry["code"]
        gaz.states[code] = StateInfo(code, entry["name"])
        for name in [entry["name"], *entry.get("names", [])]:
            for variant in _the_variants(name):
                gaz.state_names[variant] = code
        for demonym in entry.get("demonyms", []):
            for variant in _the_variants(demonym):
                gaz.demonyms[variant] = code
        for metonym in entry.get("metonyms", []):
            for variant in _the_variants(metonym):
                gaz.metonyms[variant] = code
    gaz.organ_nouns = frozenset(gaz.organ_nouns | set(data.get("organ_nouns", [])))


def _load_orgs(gaz: Gazetteer, data: dict[str, Any]) -> None:
    for entry in data.get("organizations", []):
        info = OrgInfo(
            name=entry["name"],
            country=entry.get("country"),
            organ_of=entry.get("organ_of"),
            authority=entry.get("authority"),
            type=entry.get("type", "organization"),
        )
        for surface in [entry["name"], *entry.get("aliases", [])]:
            for variant in _the_variants(surface):
                gaz.orgs[variant] = info


def _load_regions(gaz: Gazetteer, data: dict[str, Any]) -> None:
    for entry in data.get("regions", []):
        info = RegionInfo(entry["name"], entry.get("country"))
        for surface in [entry["name"], *entry.get("aliases", [])]:
            for variant in _the_variants(surface):
                gaz.regions[variant] = info


def _load_weapons(gaz: Gazetteer, data: dict[str, Any]) -> None:
    for category, terms in data.get("categories", {}).items():
        cat = ItemCategory(category)
        for term in terms:
            for form in plural_forms(str(term)):
                gaz.weapons.setdefault(form.lower(), cat)
    for term in data.get("not_materiel", []):
        for form in plural_forms(str(term)):
            gaz.weapons[form.lower()] = None
    gaz.generic_heads = frozenset(gaz.generic_heads | set(data.get("generic_heads", [])))


def _data_dir() -> Any:
    return resources.files("materiel.extract") / "data"


def load_gazetteer(extra: tuple[Path, ...] = ()) -> Gazetteer:
    """Read the bundled data files, then each extra file (any of the same top-level keys)."""
    gaz = Gazetteer()
    _add_pycountry(gaz)
    base = _data_dir()
    sources: list[Any] = [
        base / "states.yaml",
        base / "organizations.yaml",
        base / "regions.yaml",
        base / "weapons.yaml",
        base / "triggers.yaml",
        base / "names.yaml",
        base / "officials.yaml",
        *extra,
    ]
    names_file = base / "given_names.txt"
    gaz.given_names = frozenset(
        line.strip()
        for line in names_file.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    for path in sources:
        data = read_yaml(path)
        _load_states(gaz, data)
        _load_orgs(gaz, data)
        _load_regions(gaz, data)
        _load_weapons(gaz, data)
        for qualifier, codes in data.get("state_groups", {}).items():
            gaz.state_groups[str(qualifier).lower()] = frozenset(str(c) for c in codes)
        gaz.org_words = gaz.org_words | {str(w).lower() for w in data.get("organization_words", [])}
        gaz.company_words = gaz.company_words | {str(w).lower() for w in data.get("company_words", [])}
        gaz.vessel_words = gaz.vessel_words | {str(w).lower() for w in data.get("vessel_words", [])}
        gaz.firm_nouns = gaz.firm_nouns | {str(w).lower() for w in data.get("firm_nouns", [])}
        gaz.byline_patterns = (*gaz.byline_patterns, *data.get("byline_patterns", []))
        for entry in data.get("officials", []):
            for surface in [entry["name"], *entry.get("short", [])]:
                gaz.officials[str(surface)] = str(entry["represents"])
        for key, value in data.items():
            if key.endswith(("_triggers", "_terms")) or key in {"reporting_verbs", "status_cues", "modality"}:
                gaz.triggers[key] = value
    return gaz


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
