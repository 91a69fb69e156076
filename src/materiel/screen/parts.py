"""Two name parts compared: how alike they are, and by which rule (``part_similarity``).

Exact, an initial, equivalent by our data (hypocorisms, Arabic given names, Korean family names),
a spelling variant (``normalise.fold``), an ending (Baltic -s), a romanisation variant of one Korean
syllable, the same Arabic consonants (``translit.arabic_key``), an organisation's word with another
ending ("bank"/"banking", "trade"/"trading"), a typo, the same letters in another order; and the
rules that keep apart what only looks alike (another Korean syllable, two known names, a nisba in
-i, another Slavic surname ending).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA

from materiel.screen.normalise import is_korean_syllable, surname_ending
from materiel.screen.phonetic import fold
from materiel.screen.translit import arabic_key, vowel_initial
from materiel.screen.vocab import korean_key, vocabulary

ORG_INITIAL = 0.3  # an organisation's one letter, in Latin, is a letter ("LLC A INVEST"), rarely an initial
INITIAL = 0.7
EQUIVALENT = 0.95
PHONETIC = 0.92
CONSONANTS = 0.9
TYPO_COST = 1.0
ANAGRAM = 0.8  # the same letters in another order ("nitPu", "rimaldiV"): a scrambled spelling
VOWELS = 0.9  # an organisation's word with other vowels only ("Hezbollah"/"Hizballah"): a transliteration

ONE_EDIT, TWO_EDITS, THREE_EDITS = 4, 6, 10  # shortest part lengths that allow 1, 2, 3 typos


def _allowed_edits(length: int) -> int:
    return 0 if length < ONE_EDIT else 1 if length < TWO_EDITS else 2 if length < THREE_EDITS else 3


def skeleton(token: str) -> str:
    """The consonant key shared by an Arabic-script word and its Latin spellings (``arabic_key``)."""
    return arabic_key(token)


@lru_cache(maxsize=500_000)
def part_similarity(
    a: str, b: str, abjad: bool = False, korean: bool = False, arabic: bool = False, org: bool = False
) -> tuple[float, str]:
    """How alike two name parts are, and by which rule.

    ``abjad``: one side was read from Arabic script (compare consonant keys); ``arabic``: both are
    Arabic names in Latin (equal consonant keys are a transliteration variant); ``korean``: both are
    Korean names, whose given-name syllables must be the same syllable, not a typo apart; ``org``:
    words of an organisation's name, where other vowels alone are another transliteration.
    """
    if a == b:
        return 1.0, "exact"
    la, lb = len(a), len(b)
    if la == 1 or lb == 1:
        if org and not abjad and la != lb:
            return (ORG_INITIAL, "initial") if a[0] == b[0] else (0.0, "different")
        return (INITIAL, "initial") if a[0] == b[0] and la != lb else (0.0, "different")
    vocab = vocabulary()
    ga, gb = vocab.equivalents.get(a), vocab.equivalents.get(b)
    if ga and gb and ga & gb:
        return EQUIVALENT, "equivalent"
    if a in vocab.surnames and b in vocab.surnames and vocab.surnames[a] & vocab.surnames[b]:
        return EQUIVALENT, "korean surname"
    # the "servant of" that opens a name ("Abd al-Rahman") pairs only with its own spellings, not
    # with a name of the same consonants ("Aboud")
    if (a == "abd" or b == "abd") and not _ABD_RE.match(b if a == "abd" else a):
        return 0.0, "different"
    fa, fb = fold(a), fold(b)
    # an organisation's words without vowels are acronyms, which fold nothing: "NBC" is not "NPC",
    # nor "MIA" "MIEA"; "val"/"wal" ("валь-Джихад") are words
    if org and (
        # (three letters opening with two consonants are an acronym: "FBI" is not "FPI")
        (min(la, lb) < 4 and (la != lb or not (_VOWEL_RE.search(a[:2]) and _VOWEL_RE.search(b[:2]))))
        or (min(la, lb) < 5 and abs(la - lb) > 1)  # "adre" is not "athree"
        or not (_VOWEL_RE.search(a) and _VOWEL_RE.search(b))
    ):
        fa, fb = a, b
    if fa == fb:
        return PHONETIC, "spelling variant"
    if (a[-1] == "s" and _baltic(a, fb)) or (b[-1] == "s" and _baltic(b, fa)):
        return PHONETIC, "-s ending"
    if korean and not abjad and is_korean_syllable(a) and is_korean_syllable(b):
        if korean_key(a) == korean_key(b):
            return PHONETIC, "romanisation variant"
        return 0.0, "different syllable"
    if ga and gb:  # both known names, not the same one: Mahmud is not Muhammad, Hassan not Hussein
        return 0.0, "different name"
    if abjad or arabic:
        particles = vocab.particles
        if (a in particles) == (b in particles):
            sa, sb = arabic_key(a), arabic_key(b)
            if sa == sb and _nisba(a, b):
                return 0.0, "different name (one ends in -i)"
            # one or two consonants are little to go on: read from Arabic script, both words then
            # begin with a vowel or neither ("Ali"/"Aly"; not "Ziya"/"Iyad", "منان" (Manan)/"Aman")
            alike = len(sa) > 2 or vowel_initial(a) == vowel_initial(b)
            # two Latin spellings: the first letters must be of one sound (Jamal/Gamal, not Kamal)
            if sa == sb and ((abjad and alike) or (not abjad and len(sa) >= 2 and alike_onsets(a, b))):
                return CONSONANTS, "Arabic consonants"
            if abjad and len(sa) > 3 and _one_apart(sa, sb, a, b):
                return CONSONANTS - 0.05, "Arabic consonants, one apart"
            if (
                abjad
                and len(sa) > 2
                and ((sb == sa + "t" and a[-1] == "a") or (sa == sb + "t" and b[-1] == "a"))
            ):
                return CONSONANTS - 0.05, "Arabic consonants, tā' marbūṭa read -at"  # نصرة ~ Nusrat
    shortest = min(la, lb)
    if org and shortest >= 4 and _stem(a) == _stem(b):
        return STEM, "same word, another ending"
    if org and shortest >= 6 and abs(la - lb) <= 2 and _vowels_only(a, b):
        return VOWELS, "other vowels"
    allowed = _allowed_edits(shortest)
    # "Yong"/"Tong": another syllable, "Hamas"/"Tamas" another organisation (not "Dzhikhad"/"Jihad")
    onset = shortest <= (5 if org else 4) and a[0] != b[0] and (not org or fa[0] != fb[0])
    # and lengths too far apart for the typos allowed
    if not onset and min(abs(la - lb), abs(len(fa) - len(fb))) <= allowed:
        # transposed neighbours count as one edit ("Appel"/"Apple"); the cutoff stops counting early
        cutoff = allowed + 1
        edits = min(OSA.distance(a, b, score_cutoff=cutoff), OSA.distance(fa, fb, score_cutoff=cutoff))
        if edits <= allowed:
            if _other_ending(a, b):
                return 0.0, "another surname ending"
            if edits == 2 and _syllable_added(a, b):
                return 0.0, "a syllable added"
            if edits > 1 and not alike_onsets(a, b):  # "Navros" is no slip for "Lavrov"; "Selenskyj" is
                return 0.0, "another first letter and more"  # German for "Zelenskyy"
            # "Peskov" is no slip for "Baskov" (p and b fold alike): as written, another first
            # consonant and another vowel after it, and no more than letters ("Dzhikhad"/"Jihad")
            if _other_first_syllable(a, b) and OSA.distance(a, b, score_cutoff=2) > 1:
                return 0.0, "another first syllable and more"
            if _other_first_half(a, b):
                return 0.0, "another name before the same ending (-uddin, -ullah)"
            if arabic and not abjad and _other_root(a, b):  # "Qasir" is not "Qasim"
                return 0.0, "another Arabic root (one consonant for another)"
            return max(0.0, 1.0 - TYPO_COST * edits / max(la, lb)), "typo"
    if la >= 5 and la == lb and sorted(a) == sorted(b):
        return ANAGRAM, "same letters, other order"
    return 0.0, "different"


_ENDINGS = ("ing", "ment", "al", "es", "ed", "s", "e")  # tried in this order, one taken off
STEM = 0.9


def _stem(word: str) -> str:
    """An organisation's word without one English ending, where four letters or more are left."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _vowels_only(a: str, b: str) -> bool:
    """Whether two words differ in their vowels only, doubled letters aside, with four consonants
    or more and the same first letter: "Hezbollah"/"Hizballah", "Mujahidin"/"Mujahedeen". Words of
    organisations named in Arabic, Persian, Pashto or Korean are written with such variants."""
    if a[0] != b[0]:
        return False
    ka, kb = consonant_key(a), consonant_key(b)
    return ka == kb and len(ka) >= 4


def consonant_key(token: str) -> str:
    """A name part's consonants, doubled letters once: a Latin spelling and a reading of Arabic
    script, which writes no short vowels, agree ("zahir", "zahr"; "hezbollah", "hizballah")."""
    letters = token.translate(_NO_VOWELS)
    return "".join(c for i, c in enumerate(letters) if not i or letters[i - 1] != c)


_NO_VOWELS = str.maketrans("", "", "aeiouy")
_ONSETS = ("yjig", "ckqg", "scz", "fvw", "td", "bp", "aeiou")  # and kh/h (``alike_onsets``)
# letters of Arabic consonant keys (``arabic_key``: j, q and g read k) that Latin spellings of one
# Arabic letter give: y/j (ي, ج), h/kh (ح, خ), s/th (ث), t/d (ط), b/p, f/v/w
_KEY_ALIKE = ("yk", "hk", "st", "td", "scz", "bp", "fvw")


def _other_first_syllable(a: str, b: str) -> bool:
    """Another first letter, each followed by another vowel: "pe"/"ba"."""
    return a[0] != b[0] and a[1] != b[1] and a[1] in _VOWELS and b[1] in _VOWELS


_VOWELS = frozenset("aeiouy")


def alike_onsets(a: str, b: str) -> bool:
    """Whether two name parts begin alike: the same first letter (as written or folded), or letters
    of one sound (Yusuf/Jusuf, Qasim/Kasim). In an Arabic name another first consonant is another
    root and another name: "Jamal" is not "Kamal", "Nasir" not "Yasir", "Majid" not "Sajid"."""
    if a[0] == b[0] or fold(a)[:1] == fold(b)[:1]:
        return True
    # a letter added in front, or the first two swapped ("Kahundzada"; not "Assad"/"Saadat")
    if a[1:] == b or b[1:] == a or (a[:2] == b[1::-1] and a[2:] == b[2:]):
        return True
    if (a[0] == "y" and a[1:2] == b[:1]) or (b[0] == "y" and b[1:2] == a[:1]):  # "Yevgeniy"/"Evgueni"
        return True
    if {a[:2], b[:1]} == {"kh", "h"} or {b[:2], a[:1]} == {"kh", "h"}:  # ح/خ: "Khamid" / "Hamid"
        return True
    return any(a[0] in group and b[0] in group for group in _ONSETS)


def _other_ending(a: str, b: str) -> bool:
    """ "Lukashevich" is not "Lukashenko": one stem, Slavic surname endings of different groups."""
    if min(len(a), len(b)) < 6 or a[0] != b[0]:  # a stem of 5+ letters, the same in both
        return False
    ea, eb = surname_ending(a), surname_ending(b)
    return ea is not None and eb is not None and ea[1] != eb[1] and fold(ea[0]) == fold(eb[0])


def _other_root(a: str, b: str) -> bool:
    """Two Arabic names in Latin whose consonant keys differ by a consonant for another, or by two
    edits or more: another root, another name ("Qasir"/"Qasim", q-s-r and q-s-m; "Khalil"/"Khatib",
    h-l and h-t-b). Latin spellings of one Arabic name differ in vowels and doubled letters, which
    the keys leave out, and in letters of one sound."""
    sa, sb = arabic_key(a), arabic_key(b)
    if len(sa) != len(sb):
        return min(len(sa), len(sb)) >= 2 and OSA.distance(sa, sb) >= 2
    if len(sa) < 3:
        return False
    other = [(x, y) for x, y in zip(sa, sb, strict=True) if x != y]
    # letters of one sound in Latin spellings are one letter ("Yusuf"/"Jusuf": y and j, keyed k)
    return any(not any(x in g and y in g for g in _KEY_ALIKE) for x, y in other)


def _other_first_half(a: str, b: str) -> bool:
    """ "Shamsuddin" is not "Shahabuddin", nor "Rahmatullah" "Hikmatullah": two compound given
    names with the same ending whose first halves have other consonants and are more than a typo
    apart."""
    ea, eb = _compound_ending(a), _compound_ending(b)
    if ea is None or eb is None or ea[1] != eb[1]:
        return False
    sa, sb = a[: -len(ea[0])], b[: -len(eb[0])]
    if len(sa) < 2 or len(sb) < 2 or arabic_key(sa) == arabic_key(sb):  # Noor/Nur, Zain/Zayn
        return False
    return OSA.distance(sa, sb) > _allowed_edits(min(len(sa), len(sb)))


@lru_cache(maxsize=100_000)
def _compound_ending(token: str) -> tuple[str, str] | None:
    for ending, name in vocabulary().compound_endings:
        if token.endswith(ending) and len(token) > len(ending) + 1:
            return ending, name
    return None


def _syllable_added(a: str, b: str) -> bool:
    """ "Lavrenov" is not "Lavrov": the longer part is the shorter with two letters side by side
    added, a syllable rather than two slips of the pen."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) != len(short) + 2:
        return False
    return any(long_[:k] + long_[k + 2 :] == short for k in range(1, len(short)))


def _nisba(a: str, b: str) -> bool:
    """ "Ahmadi" is not "Ahmad": one word ends in the -i that Arabic script writes (ي, ی), the other
    in a consonant. (A final vowel against -i is a spelling: "حقانى" read -a, "Haqqani".)"""
    if min(len(a), len(b)) < 4 or sorted(a) == sorted(b):  # "Waziir"/"Waziri": letters swapped
        return False
    ends_i, ends_consonant = (a[-1] in "iy", b[-1] in "iy"), (a[-1] not in "aeiouy", b[-1] not in "aeiouy")
    return (ends_i[0] and ends_consonant[1]) or (ends_i[1] and ends_consonant[0])


_VOWEL_RE = re.compile("[aeiouy]")
_ABD_RE = re.compile("^[aeiou]*bd$")
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1")


def _one_apart(sa: str, sb: str, a: str, b: str) -> bool:
    """Consonant keys one letter apart: the final "t" of the tā' marbūṭa that one spelling writes and
    the other does not ("Selselat"); or the article's "l" where the other spelling writes it
    assimilated, doubling the next consonant ("بالدم" ~ "Biddam", "نور الدين" ~ "Nooruddin"; not
    "Blklam" ~ "Belgacem"). One consonant for another is another name ("بلكلام" is not "Belgacem")."""
    if len(sa) == len(sb):
        return False
    (short, word), (long_, _) = sorted(((sa, a), (sb, b)), key=lambda kw: len(kw[0]))
    if len(long_) != len(short) + 1:
        return False
    if long_ == short + "t":
        return True
    return _DOUBLED_CONSONANT.search(word) is not None and any(
        long_[:i] + long_[i + 1 :] == short for i, c in enumerate(long_) if c == "l"
    )


def _baltic(a: str, fb: str) -> bool:
    """ "Lavrovs", "Sergejs": Latvian and Lithuanian add -s to a name ending in a consonant."""
    return len(a) > 4 and a[-1] == "s" and a[-2] not in "aeious" and fold(a[:-1]) == fb


def crossed(ta: Sequence[str], tb: Sequence[str], pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether paired parts stand in another order in the two names."""
    order = sorted((ta.index(a), tb.index(b)) for a, b in pairs)
    return any(x[1] > y[1] for x, y in pairwise(order))


def korean_order_differs(ta: Sequence[str], tb: Sequence[str], pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether the paired given-name syllables of two Korean names stand in another order, however
    the family name is read (first or last in either name: "은정 김" is "Un Jong Kim", not "KIM
    Jong Un"); where a syllable could be the family name too, any reading in order will do."""
    surnames = vocabulary().surnames

    def at_end(token: str, tokens: Sequence[str]) -> bool:
        return token in surnames and tokens.index(token) in (0, len(tokens) - 1)

    family = [i for i, (a, b) in enumerate(pairs) if at_end(a, ta) and at_end(b, tb)]
    for choice in (None, *family):
        given = sorted((ta.index(a), tb.index(b)) for i, (a, b) in enumerate(pairs) if i != choice)
        if all(x[1] < y[1] for x, y in pairwise(given)):
            return False
    return True
