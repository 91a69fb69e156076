"""Turkish companies' names, whose common words the press writes in English: "EGETIR OTOMOTIV SANAYI
VE TICARET LIMITED SIRKETI" is "Egetir Automotive"; "KONOMAR GEMI ELEKTRIK VE ELEKTRONIK" is
"Konomar Ship Electrical and Electronics" (``data/tr_org_terms.yaml``). Turkey's firms are many of
those designated for supplying Russia's military since 2022, and the press names them in English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from anyascii import anyascii

from materiel.screen.translit import load_yaml

_WORD_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class TurkishOrgTerms:
    markers: frozenset[str]
    terms: dict[str, list[str]]
    boilerplate: tuple[tuple[str, ...], ...]  # longest first


@cache
def _tr_terms() -> TurkishOrgTerms:
    data = load_yaml("tr_org_terms.yaml")
    terms = {str(k): str(v).split("|") for k, v in data["terms"].items()}
    phrases = sorted((tuple(str(p).split()) for p in data["boilerplate"]), key=len, reverse=True)
    return TurkishOrgTerms(frozenset(str(m) for m in data["markers"]), terms, tuple(phrases))


def turkish_words(text: str) -> tuple[list[list[str]], list[list[str]] | None] | None:
    """The words of a Turkish company's name in Latin letters, each with its English renderings
    (or as written); and the same without the words of trade after the name proper ("Sanayi ve
    Ticaret"), or None where it has none. None where the name has no word that marks it Turkish or
    nothing to render."""
    if any(c.isalpha() and ord(c) > 0x24F for c in text):
        return None  # another script's letters
    data = _tr_terms()
    # Turkish dotless ı and dotted İ fold to i; ş, ğ, ü, ö, ç lose their marks
    words = _WORD_RE.findall(anyascii(text.replace("İ", "I").replace("ı", "i")).lower())
    if data.markers.isdisjoint(words):
        return None
    out = [data.terms.get(word, [word]) for word in words]
    if all(alts == [word] for alts, word in zip(out, words, strict=True)):
        return None
    kept = _without(words, data.boilerplate)
    core = [data.terms.get(word, [word]) for word in kept] if kept and len(kept) < len(words) else None
    return out, core


def _without(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> list[str]:
    """``words`` with each of ``phrases`` (longest first) taken out where it stands."""
    out: list[str] = []
    i = 0
    while i < len(words):
        phrase = next((p for p in phrases if tuple(words[i : i + len(p)]) == p), None)
        if phrase is None:
            out.append(words[i])
            i += 1
        else:
            i += len(phrase)
    return out
