"""The loose phonetic key of a Latin name part (``fold``): the spellings that romanisation systems
and languages give one sound fold to one key ("Mohammed"/"Muhamad", "Tchaikovsky"/"Chaykovskiy")."""

from __future__ import annotations

import re
from functools import lru_cache

_DOUBLED = re.compile(r"(.)\1+")
_SLAVIC_J = re.compile(r"(?<=\w\w[aeiou])j$")  # "Sergej", "Andrej", "Nikolaj": Slavic -j is -y
_FOLDS = [
    (re.compile(r"tch|tsch|dzh|zh|ch|dj|j|q"), "j"),
    (re.compile(r"ts|tz|dz"), "z"),
    (re.compile(r"kh|gh|ck|c(?=[aou])|k|g|q"), "g"),
]
_SINGLE = str.maketrans("tpw", "dbv")  # after ph -> f and th -> t
_VOWEL_FOLDS = [
    (re.compile(r"eo"), "o"),
    (re.compile(r"eu|ou|oo"), "u"),
    (re.compile(r"ae|ai|ay|ei|ey"), "e"),
    (re.compile(r"ee|ie|iy|yi|y"), "i"),
    (re.compile(r"(?<=[aeiou])h(?![aeiou])"), ""),  # "Mohammed"/"Moammed", "Rhee"/"Ree"
]


@lru_cache(maxsize=500_000)
def fold(token: str) -> str:
    """A loose phonetic key: romanisation-system spelling differences fold away."""
    if token.endswith("j"):
        token = _SLAVIC_J.sub("y", token)
    token = _DOUBLED.sub(r"\1", token)  # doubled letters
    if token.startswith("hs"):  # Wade–Giles hs-, sh/s
        token = "x" + token[2:]
    elif token.startswith("sh"):
        token = "s" + token[2:]
    for pattern, repl in _FOLDS:
        token = pattern.sub(repl, token)
    token = token.replace("ph", "f").replace("th", "t").translate(_SINGLE)
    for pattern, repl in _VOWEL_FOLDS:
        token = pattern.sub(repl, token)
    return _DOUBLED.sub(r"\1", token)
