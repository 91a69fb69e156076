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


@cache
def _tr_terms() -> TurkishOrgTerms:
    data = load_yaml("tr_org_terms.yaml")
    terms = {str(k): str(v).split("|") for k, v in data["terms"].items()}
    return TurkishOrgTerms(frozenset(str(m) for m in data["markers"]), terms)


def turkish_words(text: str) -> list[list[str]] | None:
    """The words of a Turkish company's name in Latin letters, each with its English renderings
    (or as written); None where the name has no word that marks it Turkish or none to render."""
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
    return out
