"""The vocabulary of names, read once from the data files: honorifics, particles, words of kind,
legal forms, equivalent spellings, Korean family names and syllables, Arabic name parts.

``vocabulary()`` reads ``data/names.yaml``, ``data/arabic.yaml``, ``data/common_name_parts.csv``
and the Korean tables into one typed, frozen record that every rule of the matcher consults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from materiel.screen.orgnames import cut_forms, long_forms
from materiel.screen.phonetic import fold
from materiel.screen.translit import (
    HANGUL_FIRST,
    HANGUL_LAST,
    SYSTEMS,
    korean_tables,
    load_csv,
    load_yaml,
    romanise_syllable,
)

_SPLIT_RE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    honorifics: frozenset[str]
    particles: frozenset[str]
    org_stopwords: frozenset[str]
    kind_words: frozenset[str]  # words of what kind of body an organisation is ("ministry", "bank")
    state_body_words: frozenset[str]  # words of names every state gives its bodies ("air force")
    legal_forms: dict[tuple[str, ...], str]  # token sequence -> class
    longest_form: int
    single_forms: frozenset[str]  # one-word legal forms ("ag", "gmbh")
    form_kin: tuple[frozenset[str], ...]  # classes of legal form used loosely for one another
    cut_forms: dict[tuple[str, ...], str]  # multi-word forms with the last word cut short
    long_forms: dict[tuple[int, int], tuple[tuple[str, str], ...]]  # multi-word forms, one letter off
    equivalents: dict[str, frozenset[int]]  # token -> ids of its groups
    surnames: dict[str, frozenset[int]]  # Korean family-name spellings -> group ids
    korean_syllables: frozenset[str]  # korean_key of every romanised Hangul syllable
    arabic_markers: frozenset[str]
    arabic_countries: frozenset[str]  # nationalities whose names are Arabic names (League of Arab States)
    burmese: frozenset[str]  # the parts Burmese personal names are made of ("aung", "min", "hlaing")
    theophoric: frozenset[str]  # names after "Abd" in one given name (Abd al-Rahman)
    compound_endings: tuple[tuple[str, str], ...]  # ("uddin", "din"), longest first
    marker_endings: tuple[str, ...]  # endings that mark a name as Arabic ("uddin", "ullah")
    common_parts: frozenset[str]  # name parts many listed persons share (data/common_name_parts.csv)
    surname_endings: tuple[tuple[str, int], ...]  # Slavic surname ending -> its group, longest first


@cache
def vocabulary() -> Vocabulary:
    data = load_yaml("names.yaml")
    forms: dict[tuple[str, ...], str] = {}
    for cls, spellings in data["legal_forms"].items():
        for spelling in spellings:
            forms[tuple(_SPLIT_RE.split(str(spelling).lower()))] = str(cls)
    groups: dict[str, set[int]] = {}
    for i, group in enumerate(data["equivalents"]):
        for token in group:
            groups.setdefault(str(token), set()).add(i)
    surnames: dict[str, set[int]] = {}
    for i, spellings in enumerate(korean_tables().surnames.values()):
        for spelling in spellings:
            surnames.setdefault(spelling, set()).add(i)
    return Vocabulary(
        honorifics=frozenset(data["honorifics"]),
        particles=frozenset(data["particles"]),
        org_stopwords=frozenset(data["org_stopwords"]),
        kind_words=frozenset(str(w) for w in data["kind_words"]),
        state_body_words=frozenset(str(w) for w in data["state_body_words"]),
        legal_forms=forms,
        longest_form=max(len(k) for k in forms),
        single_forms=frozenset(k[0] for k in forms if len(k) == 1),
        form_kin=tuple(frozenset(str(c) for c in group) for group in data.get("legal_form_kin", [])),
        cut_forms=cut_forms(forms),
        long_forms=long_forms(forms),
        equivalents={k: frozenset(v) for k, v in groups.items()},
        surnames={k: frozenset(v) for k, v in surnames.items()},
        korean_syllables=frozenset(
            korean_key(romanise_syllable(chr(c), system))
            for c in range(HANGUL_FIRST, HANGUL_LAST + 1)
            for system in SYSTEMS
        )
        | frozenset(korean_key(s) for s in surnames),
        arabic_markers=frozenset(str(m) for m in load_yaml("arabic.yaml")["markers"]),
        arabic_countries=frozenset(str(c) for c in load_yaml("arabic.yaml")["naming_countries"]),
        burmese=frozenset(str(p) for p in data["burmese_name_parts"]),
        theophoric=frozenset(str(m) for m in load_yaml("arabic.yaml")["theophoric"]),
        compound_endings=tuple(
            sorted(
                (
                    (str(e), str(name))
                    for name, ends in load_yaml("arabic.yaml")["compound_endings"].items()
                    for e in ends
                ),
                key=lambda en: -len(en[0]),
            )
        ),
        marker_endings=tuple(str(e) for e in load_yaml("arabic.yaml")["marker_endings"]),
        common_parts=frozenset(row["part"] for row in load_csv("common_name_parts.csv")),
        surname_endings=tuple(
            sorted(
                ((str(e), i) for i, group in enumerate(data.get("surname_endings", [])) for e in group),
                key=lambda eg: -len(eg[0]),
            )
        ),
    )


def korean_key(token: str) -> str:
    """``fold`` with o/u merged: ㅓ is written o, eo and u ("Chol", "Cheol", "Chul"), ㅡ u or eu."""
    return fold(token).replace("u", "o")
