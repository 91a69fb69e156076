"""Chinese names in Wade–Giles ("Mao Tse-tung", "Teng Hsiao-p'ing") read again in pinyin.

The syllable table is pypinyin's pinyin → Wade–Giles table, read backwards. A name is read this
way only when every word of it is a Wade–Giles syllable and its given name is two syllables joined
by a hyphen, as Wade–Giles writes them; the pinyin reading is added to the name's readings, never
put in place of the name as written.
"""

from __future__ import annotations

import re
from functools import cache

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb`\u00b4]")
_WORD = re.compile(r"[A-Za-z']+")
_HYPHENATED = re.compile(r"\b[A-Za-z']+-[A-Za-z']+\b")


@cache
def wade_giles_table() -> dict[str, str]:
    """Wade–Giles syllable (lower case, aspiration apostrophe kept) → pinyin syllable."""
    from pypinyin.style import wadegiles

    table: dict[str, str] = {}
    for pinyin, wade in getattr(wadegiles, "_convert_table", []):
        table.setdefault(str(wade).lower(), str(pinyin))
    return table


def wade_giles_to_pinyin(text: str) -> str | None:
    """The pinyin reading of a name written in Wade–Giles, or None if it is not one."""
    text = _APOSTROPHES.sub("'", text)
    if not _HYPHENATED.search(text):
        return None
    table = wade_giles_table()
    words = _WORD.findall(text)
    if len(words) < 2 or not all(w.lower() in table for w in words):
        return None
    return _WORD.sub(lambda m: table[m.group(0).lower()], text)
