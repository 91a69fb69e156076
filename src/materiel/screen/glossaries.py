"""Organisation names written in another script, also read in English: their common words from a
glossary (``data/*_org_terms.yaml``), the rest romanised, as sanctions lists write such names.

- Chinese characters: business words in English, each other run of characters one pinyin word
  ("华信船务(香港)有限公司" → "huaxin shipping (hong kong) co ltd"; zh_org_terms.yaml).
- Hangul: likewise, the rest in the DPRK's and in South Korea's romanisation
  ("조선광업개발무역회사" → "korea mining development trading company"; ko_org_terms.yaml).
- Arabic script (Arabic, Persian, Urdu): words looked up without prefixes, the article and endings,
  the rest transliterated ("الجماعة الإسلامية المقاتلة الليبية" → "group islamic fighting libyan";
  ar_org_terms.yaml).
- Cyrillic: words read by their stems, place adjectives as the place, the rest transliterated
  ("Объединённая авиастроительная корпорация" → "united aircraft corporation"; ru_org_terms.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import combinations, islice, product

from anyascii import anyascii

from materiel.screen.translit import (
    SYSTEMS,
    arabic_to_latin,
    han_to_pinyin,
    has_han,
    has_hangul,
    load_yaml,
    romanise_syllable,
    simplified,
)
from materiel.screen.turkish import turkish_words


@dataclass(frozen=True, slots=True)
class Glossary:
    terms: dict[str, str]
    longest: int
    suffixes: dict[str, str]  # one character ending a word right after a term: "성" ministry


def _glossary(name: str) -> Glossary:
    data = load_yaml(name)
    terms = {str(k): str(v) for k, v in data["terms"].items()}
    suffixes = {str(k): str(v) for k, v in (data.get("suffixes") or {}).items()}
    return Glossary(terms, max(len(k) for k in terms), suffixes)


@cache
def _zh_terms() -> Glossary:
    return _glossary("zh_org_terms.yaml")


@cache
def _ko_terms() -> Glossary:
    return _glossary("ko_org_terms.yaml")


def _glossary_reading(
    text: str, glossary: Glossary, letter: Callable[[str], bool], read_run: Callable[[str], str]
) -> tuple[str, bool]:
    """``text`` with the glossary's words in English (longest first) and each other run of
    ``letter`` characters read as one word; and whether any glossary word was found."""
    terms, longest = glossary.terms, glossary.longest
    out: list[str] = []
    run: list[str] = []
    known = after_term = False

    def flush() -> None:
        if run:
            out.append(read_run("".join(run)))
            run.clear()

    i = 0
    while i < len(text):
        word = next((text[i : i + n] for n in range(longest, 1, -1) if text[i : i + n] in terms), None)
        ends_word = i + 1 == len(text) or not letter(text[i + 1])
        if word is not None:
            flush()
            out.append(terms[word])
            known, after_term, i = True, True, i + len(word)
            continue
        if after_term and ends_word and text[i] in glossary.suffixes:
            out.append(glossary.suffixes[text[i]])
        elif letter(text[i]):
            run.append(text[i])
        elif out and not run and not after_term and not letter(text[i - 1]):
            out[-1] += text[i]  # digits and signs in a row stay together ("39")
        else:
            flush()
            out.append(text[i])
        after_term = False
        i += 1
    flush()
    return " ".join(out), known


def han_org_reading(text: str) -> str | None:
    """An organisation's name in Chinese characters read with its business words in English
    (longest first) and each other run of characters as one pinyin word; None without Chinese."""
    if not has_han(text):
        return None
    return _glossary_reading(simplified(text), _zh_terms(), has_han, _pinyin_word)[0]


def _pinyin_word(run: str) -> str:
    return han_to_pinyin(run).replace(" ", "")


_KO_ORDINAL_RE = re.compile(r"제\s*(\d+)")


def hangul_org_readings(text: str) -> list[str]:
    """An organisation's name in Hangul read with its common words in English and each other run
    of syllables as one word, in the DPRK's and in South Korea's romanisation ("조선련봉총회사" →
    "korea ryonpong general corporation"); empty without Hangul or a known word."""
    if not has_hangul(text):
        return []
    text = _KO_ORDINAL_RE.sub(r"\1", text)  # "제2" (the second): the number
    readings = []
    for system in SYSTEMS:

        def word(run: str, system: str = system) -> str:
            return "".join(romanise_syllable(c, system) for c in run)

        reading, known = _glossary_reading(text, _ko_terms(), has_hangul, word)
        if not known:
            return []
        # a word with two English renderings ("종합" general|complex) gives more readings
        readings.extend(_readings([w.split("|") for w in reading.split()]))
    return list(dict.fromkeys(readings))


_ARABIC_LETTERS_RE = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ۃ": "ه",
        "ک": "ك",
        "ی": "ي",
        "ې": "ي",
        "ہ": "ه",
        "ۀ": "ه",
        "ھ": "ه",
        "ے": "ي",
        "ـ": None,
    }
)
_ARABIC_VOWEL_MARKS_RE = re.compile("[\u064b-\u065f\u0670]")
_ENDINGS = ("ات", "ين", "ون", "ه")
MAX_READINGS = 4


@dataclass(frozen=True, slots=True)
class ArabicOrgTerms:
    terms: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    prefixes: tuple[tuple[str, str], ...]  # longest first
    longest_phrase: int


def _fold_arabic(text: str) -> str:
    return _ARABIC_VOWEL_MARKS_RE.sub("", text).translate(_ARABIC_FOLD)


@cache
def _ar_terms() -> ArabicOrgTerms:
    data = load_yaml("ar_org_terms.yaml")
    phrases = {tuple(_fold_arabic(str(k)).split()): str(v) for k, v in data["phrases"].items()}
    prefixes = {str(k): str(v) for k, v in data["prefixes"].items()}
    return ArabicOrgTerms(
        terms={_fold_arabic(str(k)): str(v) for k, v in data["terms"].items()},
        phrases=phrases,
        prefixes=tuple(sorted(prefixes.items(), key=lambda kv: -len(kv[0]))),
        longest_phrase=max(len(k) for k in phrases),
    )


def _stem_term(stem: str, terms: Mapping[str, str]) -> str | None:
    """The English of ``stem`` as written, without an ending (feminine, plural), or with a final ت
    read as ه (the Persian and Urdu spelling of tāʾ marbūṭa)."""
    if stem in terms:
        return terms[stem]
    for ending in _ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 2 and stem[: -len(ending)] in terms:
            return terms[stem[: -len(ending)]]
    if stem.endswith("ت") and stem[:-1] + "ه" in terms:
        return terms[stem[:-1] + "ه"]
    return None


def _arabic_term(word: str, data: ArabicOrgTerms) -> list[str] | None:
    """The English renderings of one Arabic-script word: as written, then with "and", a preposition
    and the article taken off its front (each at most once, in that order)."""
    heads = [("", word)]
    if word.startswith("و") and len(word) > 3:
        heads.append(("and", word[1:]))
    for head, rest in list(heads):
        heads.extend(
            (f"{head} {english}", rest[len(prefix) :])
            for prefix, english in data.prefixes
            if prefix != "و" and rest.startswith(prefix) and len(rest) - len(prefix) >= 2
        )
    heads.extend([(head, rest[2:]) for head, rest in heads if rest.startswith("ال") and len(rest) > 3])
    for head, stem in heads:
        found = _stem_term(stem, data.terms)
        if found is not None:
            return [f"{head} {alt}".strip() for alt in found.split("|")]
    return None


def _phrase_at(words: list[str], i: int, phrases: Mapping[tuple[str, ...], str], longest: int) -> int:
    """The length of the longest phrase of ``phrases`` starting at ``words[i]`` (0 if none)."""
    longest = min(longest, len(words) - i)
    return next((n for n in range(longest, 1, -1) if tuple(words[i : i + n]) in phrases), 0)


def arabic_org_readings(text: str) -> list[str]:
    """An organisation's name in Arabic script read with its common words in English and the rest
    transliterated ("الجماعة الإسلامية المقاتلة الليبية" → "group islamic fighting libyan"); words
    with two English renderings give more readings (at most ``MAX_READINGS``, those with the
    fewest second renderings first). Empty without Arabic script or known words."""
    if not _ARABIC_LETTERS_RE.search(text):
        return []
    data = _ar_terms()
    written = _ARABIC_VOWEL_MARKS_RE.sub("", text).split()
    words = [w.translate(_ARABIC_FOLD) for w in written]
    out: list[list[str]] = []
    known = False
    i = 0
    while i < len(words):
        size = _phrase_at(words, i, data.phrases, data.longest_phrase)
        if size:
            out.append([data.phrases[tuple(words[i : i + size])]])
            known, i = True, i + size
            continue
        english = _arabic_term(words[i], data) if _ARABIC_LETTERS_RE.search(words[i]) else None
        known = known or english is not None
        out.append(english if english is not None else [arabic_to_latin(written[i])])
        i += 1
    if not known:
        return []
    return _readings(out)


def _readings(out: list[list[str]]) -> list[str]:
    """The readings made of each word's renderings (``_choices``), at most ``MAX_READINGS``."""
    readings = (" ".join(alts[k] for alts, k in zip(out, choice, strict=True)) for choice in _choices(out))
    return list(dict.fromkeys(" ".join(r.split()) for r in islice(readings, MAX_READINGS)))


def _choices(out: list[list[str]]) -> Iterator[list[int]]:
    """Which rendering of each word: the first renderings, then one word switched to another, then
    two, … (made lazily: a long name of many two-way words has too many combinations to list)."""
    ambiguous = [i for i, alts in enumerate(out) if len(alts) > 1]
    for count in range(len(ambiguous) + 1):
        for switched in combinations(ambiguous, count):
            for picks in product(*(range(1, len(out[i])) for i in switched)):
                choice = [0] * len(out)
                for i, k in zip(switched, picks, strict=True):
                    choice[i] = k
                yield choice


@cache
def korean_org_words() -> frozenset[str]:
    """The English words of the Hangul glossary (``ko_org_terms.yaml``), as tokens: in a translated
    reading they compare as English words, not as romanised syllables ("bank" / "banking")."""
    data = _ko_terms()
    values = [*data.terms.values(), *data.suffixes.values()]
    return frozenset(word for value in values for word in value.replace("|", " ").split())


@cache
def arabic_org_words() -> frozenset[str]:
    """The English words of the Arabic-script glossary (``ar_org_terms.yaml``), as tokens: in a
    translated reading they compare as English words, not as Arabic consonants."""
    data = _ar_terms()
    values = [*data.terms.values(), *data.phrases.values(), *(english for _, english in data.prefixes)]
    return frozenset(word for value in values for word in value.replace("|", " ").split())


_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_QUOTES_RE = re.compile(r"[«»“”„\"'(),.]")  # quotes around a company's name ("АО «Туполев»"), punctuation
_PLACE_ADJECTIVE_RE = re.compile(r"^(.{3,}?)(?:ск)(?:ий|ая|ое|ие|ого|ому|ом|ой|ую|их|им|ими)$")


@dataclass(frozen=True, slots=True)
class RussianOrgTerms:
    phrases: dict[tuple[str, ...], str]
    stems: tuple[tuple[str, str], ...]  # longest first
    longest_phrase: int


@cache
def _ru_terms() -> RussianOrgTerms:
    data = load_yaml("ru_org_terms.yaml")
    phrases = {tuple(str(k).split()): str(v) for k, v in data["phrases"].items()}
    stems = sorted(((str(k), str(v)) for k, v in data["stems"].items()), key=lambda kv: -len(kv[0]))
    return RussianOrgTerms(phrases, tuple(stems), max(len(k) for k in phrases))


def _russian_word(word: str, data: RussianOrgTerms) -> list[str] | None:
    """The English renderings of one Russian word of an organisation's name, or None."""
    stem = next((e for s, e in data.stems if word.startswith(s) and len(word) - len(s) <= 4), None)
    if stem is not None:
        return stem.split("|")
    place = _PLACE_ADJECTIVE_RE.match(word)
    if place is not None:  # "муромский" (Murom), "ижевский" (Izhevsk)
        name = anyascii(place.group(1)).lower()
        return [name, name + "sk"]
    return None


def cyrillic_org_readings(text: str) -> list[str]:
    """An organisation's name in Cyrillic read with its common words in English and the rest
    transliterated ("Объединённая авиастроительная корпорация" → "united aircraft corporation");
    empty without Cyrillic or a known word."""
    if not _CYRILLIC_RE.search(text):
        return []
    data = _ru_terms()
    words = _QUOTES_RE.sub(" ", text.lower().replace("ё", "е")).split()
    out: list[list[str]] = []
    known = False
    i = 0
    while i < len(words):
        size = _phrase_at(words, i, data.phrases, data.longest_phrase)
        english = (
            data.phrases[tuple(words[i : i + size])].split("|") if size else _russian_word(words[i], data)
        )
        known = known or english is not None
        out.append(english or [anyascii(words[i])])
        i += size or 1
    if not known:
        return []
    readings = (" ".join(alts[k] for alts, k in zip(out, choice, strict=True)) for choice in _choices(out))
    return list(dict.fromkeys(" ".join(r.replace("|", " ").split()) for r in islice(readings, MAX_READINGS)))


def org_readings(text: str) -> list[str]:
    """Readings of an organisation's name beyond its transliteration: its common words in English
    (Chinese, Hangul, Arabic script, Cyrillic; Turkish in Latin letters)."""
    han = han_org_reading(text)
    if han is not None:
        return [han]
    readings = hangul_org_readings(text) or arabic_org_readings(text) or cyrillic_org_readings(text)
    if readings:
        return readings
    turkish = turkish_words(text)
    if turkish is None:
        return []
    words, core = turkish  # core: without "Sanayi ve Ticaret", as the press writes it
    return list(dict.fromkeys([*_readings(words), *(_readings(core) if core is not None else [])]))
