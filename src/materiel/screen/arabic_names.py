"""Rules of Arabic names: over a whole comparison, after the parts are paired, a son's or
daughter's name (one more given name in front), a name crossing the "bin" of the nasab, and an
Abd compound split ("Abd al-Zahir" paired through its "Abd" with "Abdul Rahman"); and, while the
parts are paired, the names of a kunya (after Abu) and the weight of a nasab's missing links."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from materiel.screen.normalise import NameForm
from materiel.screen.parts import INITIAL, consonant_key, part_similarity
from materiel.screen.vocab import vocabulary

if TYPE_CHECKING:
    from materiel.screen.features import PartMatch

PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould"})
NASAB = 0.5  # weight of a missing name that follows bin/ibn in an Arabic name
KUNYA = frozenset({"abu", "abou", "abo"})
KUNYA_JOINED = ("abu", "abou", "abo")


def descendant(a: NameForm, b: NameForm, ta: Sequence[str], tb: Sequence[str], unpaired: set[str]) -> bool:
    """ "QUSAY SADDAM HUSSEIN AL-TIKRITI" is Saddam Hussein's son: in an Arabic name the longer one's
    parts after one or more given names in front are the whole shorter name (particles aside; a
    family or tribe name may follow: "Ahmad Ali Abdallah Salih al-Ahmar" is the son of "Ali
    Abdullah Saleh"), and those given names in front were left unpaired (not joined into a part
    of the other name)."""
    particles = vocabulary().particles
    ta = [t for t in ta if t not in particles]  # the parts as compared ("jalal al din" joined)
    tb = [t for t in tb if t not in particles]
    if len(ta) == len(tb) or min(len(ta), len(tb)) < 2:
        return False
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    abjad = a.abjad or b.abjad

    def same(x: str, y: str) -> bool:
        return part_similarity(x, y, abjad, False, True)[0] >= INITIAL

    if same(short[0], long_[0]):
        return False
    # the shorter name may be followed by a family or tribe name the other lacks, and may leave
    # out a link of the chain ("Mohamed Abdel-Salam" / "Ashraf Muhammad Yusuf 'Abd al-Salam")
    return any(
        all(t in unpaired for t in long_[:k])
        and same(short[0], long_[k])
        and _in_order(short[1:], long_[k + 1 :], same)
        for k in range(1, len(long_) - len(short) + 1)
    )


def _in_order(parts: Sequence[str], chain: Sequence[str], same: Callable[[str, str], bool]) -> bool:
    """Whether ``parts`` stand in ``chain`` in their order, other links between them."""
    i = 0
    for link in chain:
        if i < len(parts) and same(parts[i], link):
            i += 1
    return i == len(parts)


def patronymic_crossed(a: tuple[str, ...], b: tuple[str, ...], pairs: list[PartMatch]) -> bool:
    """ "Salman bin Muhammad" is not "Muhammad bin Salman": a name may not cross the "bin" (the
    article and other particles, which stand on both sides, aside)."""
    particles = vocabulary().particles
    cut_a = next((i for i, t in enumerate(a) if t in PATRONYMIC and 0 < i < len(a) - 1), None)
    cut_b = next((i for i, t in enumerate(b) if t in PATRONYMIC and 0 < i < len(b) - 1), None)
    if cut_a is None or cut_b is None:  # a "bin" with no name on one side divides nothing
        return False
    for p in pairs:
        if p.a in PATRONYMIC or p.a in particles or p.a not in a or p.b not in b:
            continue
        if (a.index(p.a) < cut_a) != (b.index(p.b) < cut_b):
            return True
    return False


def abd_split(
    ta: Sequence[str], tb: Sequence[str], pairs: list[PartMatch], particles: frozenset[str]
) -> bool:
    """Whether an "abd" of one name is paired with an "abd" of the other while the names they
    open ("Abd al-Zahir", "Abdul Rahman"), one of them a name of God, are not paired together."""

    def after_abd(tokens: Sequence[str]) -> set[str]:
        found = set()
        for i, token in enumerate(tokens):
            if token == "abd":
                name = next((t for t in tokens[i + 1 :] if t not in particles and t != "abd"), None)
                if name is not None:
                    found.add(name)
        return found

    if not any(p.a == "abd" and p.b == "abd" for p in pairs):
        return False
    next_a, next_b = after_abd(ta), after_abd(tb)
    if not next_a or not next_b or not {consonant_key(t) for t in next_a | next_b} & _theophoric_keys():
        return False  # "Ugla Abd Saqr": an "Abd" before a name not of God's is a name of its own
    return not any(p.a in next_a and p.b in next_b for p in pairs)


@cache
def _theophoric_keys() -> frozenset[str]:
    return frozenset(consonant_key(t) for t in vocabulary().theophoric)


def kunya(tokens: tuple[str, ...] | list[str], i: int) -> bool | None:
    """Whether the name part at ``i`` follows Abu (a kunya's name); None where it is written
    joined to Abu ("abubakar"), which pairs either way."""
    if tokens[i].startswith(KUNYA_JOINED):
        return None
    return i > 0 and tokens[i - 1] in KUNYA


def missing_weight(tokens: tuple[str, ...], weights: tuple[float, ...], used: set[int], nasab: bool) -> float:
    """The weight of the unpaired parts; with ``nasab`` (Arabic names, every part of the other name
    paired) a father's or grandfather's name after bin/ibn counts half, as such links of the chain
    are often left out ("Usama bin Muhammad ibn Awad ibn Ladin" is "Osama bin Laden"), while a link
    that differs ("bin Hamid" against "bin Abdallah") counts in full."""
    if not nasab:
        return sum(weights, 0.0) - sum((weights[i] for i in used), 0.0)
    return sum(
        (
            w * (NASAB if i and tokens[i - 1] in PATRONYMIC else 1.0)
            for i, w in enumerate(weights)
            if i not in used
        ),
        0.0,
    )
