"""Transliteration of names to lower-case Latin, per script.

Hangul goes through our own tables (``data/korean.yaml``): the DPRK list spelling ("Kim Jong Un") and
Revised Romanization ("Gim Jeong Eun"); a Korean personal name written without spaces is split
into family name + one token per given-name syllable, as the lists write it. Chinese characters go
through pypinyin, one token per syllable for the given name; a name in Chinese characters that can
be a Korean name (a Korean family-name character, every character in ``data/hanja.csv``) is also read
in Korean and romanised like Hangul. Arabic-script words go through our table (``data/arabic.yaml``):
the article split off ("التكريتي" → "al tkriti"), ta marbuta and hamza read as vowels, long vowels
written. A Cyrillic name that is a Korean name in the Kontsevich system ("Ри Пён Чхоль") is also read
back to the DPRK spelling ("ri pyong chol", ``data/kontsevich.yaml``). Every other script (Cyrillic,
Greek, Hebrew, Armenian, Georgian, …) goes through anyascii.
"""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from anyascii import anyascii

from materiel.screen.wadegiles import wade_giles_to_pinyin

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL = "\uac00-\ud7a3"
_HAN_RE = re.compile(f"[{_HAN}]")
_HANGUL_RE = re.compile(f"[{_HANGUL}]")
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_RUN_RE = re.compile(f"[{_HANGUL}]+|[{_HAN}]+|[{_ARABIC}]+|[^{_HANGUL}{_HAN}{_ARABIC}]+")
_ARABIC_RE = re.compile(f"[{_ARABIC}]")
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0640\u0670\u06d6-\u06ed]")
_CYRILLIC_WORD_RE = re.compile("^[\u0400-\u04ff]+$")
SYSTEMS = ("dprk", "rr")


@dataclass(frozen=True, slots=True)
class KoreanTables:
    initials: dict[str, tuple[str, ...]]
    vowels: dict[str, tuple[str, ...]]
    finals: dict[str, tuple[str, ...]]
    double_surnames: frozenset[str]
    surnames: dict[str, tuple[str, ...]]
    hanja_surnames: dict[str, str]


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
        surnames={str(k): tuple(str(s) for s in v) for k, v in data["surnames"].items()},
        hanja_surnames={str(k): str(v) for k, v in data["hanja_surnames"].items()},
    )


def has_hangul(text: str) -> bool:
    return _HANGUL_RE.search(text) is not None


def has_han(text: str) -> bool:
    return _HAN_RE.search(text) is not None


_NATIVE_SEPARATORS = re.compile(r"[\s\u00b7\u30fb\u2027\u2022.,\-]+")


@cache
def _simplifier() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Chinese text in simplified characters (OpenCC t2s); other text unchanged."""
    return str(_simplifier().convert(text))


@lru_cache(maxsize=50_000)
def native_script(text: str) -> tuple[str, str] | None:
    """("han", the characters in simplified form) or ("hangul", the syllables) for a name written
    only in that script, else None: 習近平 and 习近平 are one name, 高石 and 高市 are two."""
    chars = _NATIVE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if chars and all(_HAN_RE.match(c) for c in chars):
        return "han", simplified(chars)
    if chars and all(HANGUL_FIRST <= ord(c) <= HANGUL_LAST for c in chars):
        return "hangul", chars
    return None


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


def load_csv(name: str) -> list[dict[str, str]]:
    """The rows of a data file (lines starting with "#" are its notes)."""
    text = resources.files("materiel.screen").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@cache
def hanja_table() -> dict[str, str]:
    """Chinese character -> Korean reading (one Hangul syllable), from ``data/hanja.csv``."""
    return {row["char"]: row["reading"] for row in load_csv("hanja.csv")}


def hanja_to_hangul(text: str) -> str | None:
    """A name in Chinese characters read as a Korean name, in Hangul; None if it cannot be one.

    >>> hanja_to_hangul("金铁三")
    '김철삼'
    """
    words = text.split()
    table, surnames = hanja_table(), korean_tables().hanja_surnames
    out = []
    for w, word in enumerate(words):
        if not all(c in table or c in surnames for c in word):
            return None
        first = surnames.get(word[0]) if w == 0 else None
        out.append((first or table.get(word[0], "")) + "".join(table.get(c) or surnames[c] for c in word[1:]))
    hangul = " ".join(out)
    family = hangul[:1]
    if not hangul or (family not in korean_tables().surnames and words[0][0] not in surnames):
        return None
    return hangul


@dataclass(frozen=True, slots=True)
class ArabicTables:
    letters: dict[str, str]
    words: dict[str, str]
    classes: tuple[tuple[str, str], ...]  # Latin spelling -> consonant class, longest first
    abd_prefixes: tuple[str, ...]  # longest first
    persian: dict[str, str]  # letters Persian and Urdu read otherwise
    word_letters: dict[int, str]  # str.translate table: Persian/Urdu letter forms -> Arabic


@cache
def arabic_tables() -> ArabicTables:
    data = load_yaml("arabic.yaml")
    classes = sorted(((str(k), str(v)) for k, v in data["latin_classes"].items()), key=lambda kv: -len(kv[0]))
    return ArabicTables(
        letters={str(k): str(v) for k, v in data["letters"].items()},
        words={str(k): str(v) for k, v in data["words"].items()},
        classes=tuple(classes),
        abd_prefixes=tuple(sorted({str(p) for p in data["abd_prefixes"]}, key=len, reverse=True)),
        persian={str(k): str(v) for k, v in data.get("persian_letters", {}).items()},
        word_letters=str.maketrans({str(k): str(v) for k, v in data.get("word_letters", {}).items()}),
    )


def _arabic_word(word: str, tables: ArabicTables, persian: bool = False) -> str:
    known = tables.words.get(word) or tables.words.get(word.translate(tables.word_letters))
    if known is not None:
        return known
    article = ""
    if word.startswith("عبدال") and len(word) > 5:
        return "abd al " + _arabic_word(word[5:], tables, persian)
    if len(word) > 3 and word.startswith("ال"):
        article, word = "al ", word[2:]
    out: list[str] = []
    for i, char in enumerate(word):
        latin = tables.persian.get(char) if persian else None
        latin = latin if latin is not None else tables.letters.get(char)
        if latin is None:
            latin = anyascii(char)
        elif char in "وي" and i > 0:  # a long vowel inside a word
            latin = "u" if char == "و" else "i"
        elif char == "ه" and out and out[-1][-1:] in ("t", "s", "d", "z", "k", "c", "g", "p"):
            latin = "ah"  # "طه" → "tah" (Taha), not the digraph "th"
        elif char == "ح" and out and out[-1] == "t":
            latin = "ah"  # "اتحاد" → "atahad" (Ittihad), "تحرير" → "tahrir": not the digraph "th"
        elif i == 0 and char in "عأإآ":  # a word-initial vowel ("Ali", "Ahmad", "Ibrahim")
            latin = "i" if char == "إ" else "a"
        out.append(latin)
    return article + "".join(out)


def arabic_to_latin(text: str, persian: bool = False) -> str:
    """Arabic-script words to lower-case Latin, the article split off; ``persian``: with the letter
    values of Persian and Urdu (``persian_letters``).

    >>> arabic_to_latin("صدام حسين التكريتي")
    'sdam hsin al tkriti'
    """
    tables = arabic_tables()
    text = _ARABIC_MARKS_RE.sub("", text)
    return " ".join(_arabic_word(w, tables, persian) for w in text.split())


_ASSIMILATED_RE = re.compile(r"^([aeu])([tdrsznl])\2")
_DOUBLED_RE = re.compile(r"(.)\1+")
_VOWELS_RE = re.compile("[aeiouyw]")


def vowel_initial(token: str) -> bool:
    """Whether a Latin word begins with a vowel, an article written assimilated onto a word of four
    letters or more aside ("Essaadi", "Eddine"; not "Essa", "Assad")."""
    assimilated = len(token) >= 6 and _ASSIMILATED_RE.match(token) is not None
    return token[:1] in ("a", "e", "i", "o", "u") and not assimilated


@lru_cache(maxsize=100_000)
def arabic_key(token: str) -> str:
    """A consonant key that an Arabic-script word and its Latin spellings share.

    >>> arabic_key("muhammad"), arabic_key("mohamed"), arabic_key("mhmd")
    ('mhmt', 'mhmt', 'mhmt')
    """
    tables = arabic_tables()
    token = _ASSIMILATED_RE.sub(r"\2", token)  # "essaadi", "eddine": assimilated article
    head = ""
    if len(token) > 2 and token[0] in "wy":  # و/ي opening a word are consonants: "Wali" is not "Ali"
        head, token = token[0], token[1:]
    for spelling, cls in tables.classes:
        if spelling in token:
            token = token.replace(spelling, cls.upper())
    key = _DOUBLED_RE.sub(r"\1", head + _VOWELS_RE.sub("", token.lower()))
    if len(key) > 1 and key.endswith("h"):
        key = key[:-1]  # "hamzah"/"hamza", "taha"/"طه"
    return key or token


@cache
def kontsevich_table() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Cyrillic (Kontsevich) spelling of a Hangul syllable -> its DPRK spellings; family names."""
    data = load_yaml("kontsevich.yaml")
    initials = [str(x).split("|") for x in data["initials"]]
    vowels = [str(x).split("|") for x in data["vowels"]]
    finals = [str(x).split("|") for x in data["finals"]]
    jamo = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
    bare = {jamo.index(k): [str(x) for x in v] for k, v in data["bare_vowels"].items()}
    table: dict[str, list[str]] = {}
    tables = korean_tables()
    for code in range(HANGUL_FIRST, HANGUL_LAST + 1):
        index = code - HANGUL_FIRST
        i, v, f = index // 588, (index % 588) // 28, index % 28
        latin = romanise_syllable(chr(code))
        if chr(code) in tables.surnames:
            latin = tables.surnames[chr(code)][0]
        vs = bare.get(v, vowels[v]) if i == 11 else vowels[v]
        for a, b, c in itertools.product(initials[i], vs, finals[f]):
            spellings = table.setdefault(a + b + c, [])
            if latin not in spellings:
                spellings.append(latin)
    surnames: set[str] = set()
    for hangul in tables.surnames:
        index = ord(hangul) - HANGUL_FIRST
        i, v, f = index // 588, (index % 588) // 28, index % 28
        vs = bare.get(v, vowels[v]) if i == 11 else vowels[v]
        surnames.update(a + b + c for a, b, c in itertools.product(initials[i], vs, finals[f]))
    return {k: tuple(v) for k, v in table.items()}, frozenset(surnames)


def _split_syllables(word: str, table: dict[str, tuple[str, ...]]) -> list[str] | None:
    """Cut a Cyrillic word into Kontsevich syllables (fewest pieces), or None."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 5), end):
            prev = best[start]
            if prev is not None and word[start:end] in table:
                cand = [*prev, word[start:end]]
                if best[end] is None or len(cand) < len(best[end] or []):
                    best[end] = cand
    return best[len(word)]


def kontsevich_to_latin(text: str, limit: int = 8) -> list[str]:
    """A Cyrillic Korean name read back to DPRK spellings (several where a letter is ambiguous).

    >>> kontsevich_to_latin("Ри Пён Чхоль")[0]
    'ri pyong chol'
    """
    table, surnames = kontsevich_table()
    words = [w.strip("-") for w in re.split(r"[\s,]+", text.lower().replace("ъ", "")) if w.strip("-")]
    if not 2 <= len(words) <= 5 or not (words[0] in surnames or words[-1] in surnames):
        return []
    options: list[list[str]] = []
    for word in words:
        if not _CYRILLIC_WORD_RE.match(word.replace("-", "")):
            return []
        pieces: list[list[tuple[str, ...]]] = []  # each syllable's DPRK spellings
        for part in word.split("-"):
            syllables = _split_syllables(part, table)
            if syllables is None or len(syllables) > 3:
                return []
            pieces.append([table[s] for s in syllables])
        flat = [p for part in pieces for p in part]
        options.append([" ".join(c) for c in itertools.islice(itertools.product(*flat), limit)])
    return [" ".join(c) for c in itertools.islice(itertools.product(*options), limit)]


def to_latin(text: str, korean: str = "dprk", persian: bool = False) -> str:
    """Any script to Latin ASCII (case kept where the script has it); Hangul in the ``korean``
    system, Arabic script with Persian/Urdu letter values if ``persian``."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    out = []
    for run in _RUN_RE.findall(text):
        if _HANGUL_RE.match(run):
            out.append(f" {hangul_to_latin(run, korean)} ")
        elif _HAN_RE.match(run):
            out.append(f" {han_to_pinyin(run)} ")
        elif _ARABIC_RE.match(run):
            out.append(arabic_to_latin(run, persian))
        else:
            out.append(anyascii(run))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def latin_variants(text: str) -> list[str]:
    """The Latin readings of a name: one, or the DPRK and RR ones where it holds Hangul (or is a
    Korean name in Chinese characters), or the Kontsevich readings of a Cyrillic Korean name."""
    text = unicodedata.normalize("NFKC", text)
    if has_hangul(text):
        return [to_latin(text, system) for system in SYSTEMS]
    variants = [to_latin(text)]
    if text.isascii():
        pinyin = wade_giles_to_pinyin(text)
        if pinyin is not None:
            variants.append(pinyin)
    elif has_han(text):
        han = " ".join(re.findall(f"[{_HAN}]+", text))
        hangul = hanja_to_hangul(han)
        if hangul is not None and len(han.replace(" ", "")) <= 4:
            variants.extend(to_latin(hangul, system) for system in SYSTEMS)
    elif re.search("[\u0400-\u04ff]", text):
        variants.extend(kontsevich_to_latin(text))
    elif any(c in arabic_tables().persian for c in text):  # letters Persian and Urdu read otherwise
        variants.append(to_latin(text, persian=True))
    return list(dict.fromkeys(variants))
