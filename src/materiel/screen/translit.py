"""Transliteration of names to lower-case Latin, per script.

Hangul goes through our own tables (``data/korean.yaml``): the DPRK list spelling ("Kim Jong Un") and
Revised Romanization ("Gim Jeong Eun"); a Korean personal name written without spaces is split
into family name + one token per given-name syllable, as the lists write it. Chinese characters go
through pypinyin, one token per syllable for the given name. Every other script (Cyrillic, Greek,
Arabic, Hebrew, Armenian, Georgian, …) goes through anyascii.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from anyascii import anyascii

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL = "\uac00-\ud7a3"
_HAN_RE = re.compile(f"[{_HAN}]")
_HANGUL_RE = re.compile(f"[{_HANGUL}]")
_RUN_RE = re.compile(f"[{_HANGUL}]+|[{_HAN}]+|[^{_HANGUL}{_HAN}]+")
SYSTEMS = ("dprk", "rr")


@dataclass(frozen=True, slots=True)
class KoreanTables:
    initials: dict[str, tuple[str, ...]]
    vowels: dict[str, tuple[str, ...]]
    finals: dict[str, tuple[str, ...]]
    double_surnames: frozenset[str]
    surnames: dict[str, tuple[str, ...]]


def load_yaml(name: str) -> Any:
    text = resources.files("materiel.screen").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def korean_tables() -> KoreanTables:
    data = load_yaml("korean.yaml")

    def table(key: str) -> dict[str, tuple[str, ...]]:
        return {system: tuple(str(x) for x in data[key][system]) for system in SYSTEMS}

    return KoreanTables(
        initials=table("initials"),
        vowels=table("vowels"),
        finals=table("finals"),
        double_surnames=frozenset(data["double_surnames"]),
        surnames={k: tuple(v) for k, v in data["surnames"].items()},
    )


def has_hangul(text: str) -> bool:
    return _HANGUL_RE.search(text) is not None


def has_han(text: str) -> bool:
    return _HAN_RE.search(text) is not None


def romanise_syllable(syllable: str, system: str = "dprk") -> str:
    """One Hangul syllable in the given system ("dprk" or "rr"); other characters pass through."""
    code = ord(syllable)
    if not HANGUL_FIRST <= code <= HANGUL_LAST:
        return syllable
    index = code - HANGUL_FIRST
    initial, vowel, final = index // 588, (index % 588) // 28, index % 28
    tables = korean_tables()
    return tables.initials[system][initial] + tables.vowels[system][vowel] + tables.finals[system][final]


def hangul_to_latin(text: str, system: str = "dprk") -> str:
    """Romanise Hangul word by word; a 2–4 syllable word is read as a personal name.

    >>> hangul_to_latin("김정은")
    'kim jong un'
    >>> hangul_to_latin("김정은", "rr")
    'gim jeong eun'
    """
    words = []
    tables = korean_tables()
    for word in text.split():
        hangul = [c for c in word if HANGUL_FIRST <= ord(c) <= HANGUL_LAST]
        if len(hangul) != len(word) or not 2 <= len(word) <= 4:
            words.append("".join(romanise_syllable(c, system) for c in word))
            continue
        cut = 2 if word[:2] in tables.double_surnames and len(word) > 2 else 1
        family = "".join(romanise_syllable(c, system) for c in word[:cut])
        if system == "dprk" and cut == 1 and word[0] in tables.surnames:
            family = tables.surnames[word[0]][0]
        words.append(" ".join([family, *(romanise_syllable(c, system) for c in word[cut:])]))
    return " ".join(words)


@cache
def _pinyin() -> Any:
    import pypinyin

    return pypinyin


def han_to_pinyin(text: str) -> str:
    """Chinese characters to tone-less pinyin; a 2–3 character name gives family + given syllables.

    >>> han_to_pinyin("习近平")
    'xi jin ping'
    """
    pypinyin = _pinyin()
    syllables = pypinyin.lazy_pinyin(text, style=pypinyin.Style.NORMAL, errors="default")
    return " ".join(anyascii(s) for s in syllables)


def to_latin(text: str, korean: str = "dprk") -> str:
    """Any script to Latin ASCII (case kept where the script has it)."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    out = []
    for run in _RUN_RE.findall(text):
        if _HANGUL_RE.match(run):
            out.append(f" {hangul_to_latin(run, korean)} ")
        elif _HAN_RE.match(run):
            out.append(f" {han_to_pinyin(run)} ")
        else:
            out.append(anyascii(run))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def latin_variants(text: str) -> list[str]:
    """The Latin readings of a name: one, or the DPRK and RR ones where it holds Hangul."""
    if has_hangul(text):
        return [to_latin(text, system) for system in SYSTEMS]
    return [to_latin(text)]
