"""Two readings of names compared part by part, with a score in [0, 1] and why (the name feature
over a whole listed entry is ``entry_names.name_feature``).

Names are compared on their Latin readings (``normalise.name_forms``); two names written in the same
East Asian script are compared on their characters instead, where a different character is a
different name even when the readings agree (高石 is not 高市, 김종은 is not 김정은). The qualifier
features (birth date, country, gender, identifiers) are in ``qualifiers``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from materiel.screen.arabic_names import (
    KUNYA,
    PATRONYMIC,
    abd_split,
    descendant,
    kunya,
    missing_weight,
    patronymic_crossed,
)
from materiel.screen.normalise import NameForm, token_weight
from materiel.screen.orgnames import added_places, added_unit, another_body, is_number
from materiel.screen.parts import alike_onsets, crossed, korean_order_differs, part_similarity, skeleton
from materiel.screen.phonetic import fold
from materiel.screen.records import DEFAULT_THRESHOLD
from materiel.screen.states import state_positions
from materiel.screen.vocab import vocabulary

ACRONYM = 0.8  # a name matched through the other's initials ("PLA": People's Liberation Army)
LEGAL_FORM_KIN = 0.9  # "Co." vs "Ltd.": forms used loosely for one another
LEGAL_FORM_MISMATCH = 0.75  # "AG" vs "GmbH": another legal person
KOREAN_PARTIAL = 0.7  # "Jo Yong Chol" is not "Jo Chol": a Korean given name is one unit
KOREAN_ORDER = 0.7  # "Kim Un Jong" (김은정) is not "Kim Jong Un" (김정은): syllables in order
BURMESE = 0.7  # "Min Aung Hlaing" is not "Aung Min" (MIN, Aung): Burmese names have no family name
CHINESE_PARTIAL = 0.7  # 朱成 (Zhu Cheng) is not "CHOU Hsien Cheng": one syllable per character
ONE_PART = 0.85  # one part of two persons' names agrees, and both have more
ONE_NAME = 0.75  # the most a one-part name scores against a longer one: "Peskov" / PESKOV, Nikolay
COMMON_ONLY = 0.85  # "Muhammad Umar Qadir" vs "Mohamed Omar": only parts many listed persons share
DESCENDANT = 0.6  # an Arabic name with one more given name in front: the son or daughter
STATE_WORD = 0.5  # an organisation's words of a state's name, agreeing, count this much
# "PORT OLYA-3" vs "PORT OLYA-1", "Fund VIII" vs "Fund IX": each name numbered, another of one series
# (a sister ship, the next vintage of a fund) is a hit at the default threshold and no higher, for
# review; "Victory 3" vs "Victory", a number on one side only, is a near miss
SERIES_CAP = DEFAULT_THRESHOLD
ONE_NUMBER = 0.85  # the number on one side only: a factor, and ...
ONE_NUMBER_CAP = 0.75  # ... at most a near miss
UNIT_CAP = 0.75  # "Islamic Revolutionary Guard Corps" vs its AIR FORCE: a unit of the body, for review
KIND_ONLY = 0.85  # "Foreign Trade Bank" vs "MYANMA FOREIGN TRADE BANK": only words of kind agree
PLACE = 0.3  # weight of a place added at the end of an organisation's name ("FABERLIC EUROPE")
ABD_SPLIT = 0.85  # "Abd al-Zahir" is one name: its "Abd" paired with the "Abd" of "Abdul Rahman"
SLIP_CONTEXT = 3  # parts that must agree exactly for one letter off in another part to be a slip
ONE_SLIP = 4  # the shortest part in which one letter off can be a slip in that context
MISSING_PERSON, MISSING_ORG, CONFLICT = 0.35, 0.6, 1.5


@dataclass(frozen=True, slots=True)
class PartMatch:
    a: str
    b: str
    score: float
    how: str


def _join_runs(tokens: list[str], other: list[str], key: Callable[[str], str]) -> list[str]:
    """Join neighbouring tokens whose concatenation is a token of the other name ("jong un")."""
    keys = {key(t) for t in other if len(t) > 2}
    # compounds with the article inside are found on consonant keys, in Latin too
    sounds = keys if key is skeleton or "al" not in tokens else {skeleton(t) for t in other if len(t) > 2}
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if i + 2 < len(tokens) and tokens[i + 1] == "al":
            # "nur al din" ~ "noureddine": a compound written with the article inside; "ahmad al tai"
            # is not "ahmad" (the join must add a part)
            compound = tokens[i] + tokens[i + 2]
            joined = skeleton(compound)  # the join must add a part to either word
            if joined in sounds and joined not in (skeleton(tokens[i]), skeleton(tokens[i + 2])):
                out.append(compound)
                i += 3
                continue
        for size in (3, 2):
            run = tokens[i : i + size]
            if len(run) < size or any(len(t) < 2 for t in run) or (key is skeleton and run[-1] == "al"):
                continue  # the article may open a run ("al din" ~ "eldin"), not close one
            joined = key("".join(run))
            if joined in keys and joined not in {key(t) for t in run}:  # the join adds a part
                out.append("".join(run))
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _acronyms(tokens: list[str], other: list[str]) -> list[str]:
    """Spell out a short token that is the initials of neighbouring tokens of the other name."""
    if len(tokens) >= len(other):
        return tokens
    out = []
    for token in tokens:
        size = len(token)
        if 2 <= size <= 4 and token not in other:
            for i in range(len(other) - size + 1):
                run = other[i : i + size]
                if "".join(t[0] for t in run) == token and all(len(t) > 1 for t in run):
                    out.append("".join(run))
                    break
            else:
                out.append(token)
        else:
            out.append(token)
    return out


def _plain(a: NameForm, b: NameForm, abjad: bool) -> bool:
    """Whether two forms compare token by token as they stand: no run of one is a token of the
    other, and no short token of either is the initials of the other's run (decided on the keys
    each form carries, so most comparisons skip ``_join_runs`` and ``_acronyms``)."""
    if abjad:
        if a.skeleton_runs & b.skeleton_keys or b.skeleton_runs & a.skeleton_keys:
            return False
    elif a.fold_runs & b.fold_keys or b.fold_runs & a.fold_keys:
        return False
    elif ("al" in a.token_set and a.skeleton_runs & b.skeleton_keys) or (
        "al" in b.token_set and b.skeleton_runs & a.skeleton_keys
    ):
        return False  # "Nur al-Din" ~ "Noureddine"
    if len(a.tokens) < len(b.tokens):
        return not (a.short & b.run_initials) or a.short <= b.token_set
    if len(b.tokens) < len(a.tokens):
        return not (b.short & a.run_initials) or b.short <= a.token_set
    return True


def _tokens(a: NameForm, b: NameForm, abjad: bool) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The parts of two names as compared: runs joined, acronyms spelt out where the other name
    has them; and whether an acronym was spelt out (the forms' own tuples where nothing is)."""
    if _plain(a, b, abjad):
        return a.tokens, b.tokens, False
    key = skeleton if abjad else fold
    ta = _join_runs(list(a.tokens), list(b.tokens), key)
    tb = _join_runs(list(b.tokens), ta, key)
    # an acronym of the query is spelt out into the listed name's words ("PLA": People's Liberation
    # Army), never one of the listed name: "DCB" stands for Daedong Credit Bank, not any D. C. B.
    xa = _acronyms(ta, tb)
    return tuple(_join_runs(xa, tb, key)), tuple(_join_runs(tb, xa, key)), xa != ta


def align(a: NameForm, b: NameForm, person: bool) -> tuple[list[PartMatch], list[str], list[str]]:
    """Pair the parts of two names, best pairs first; returns the pairs and the unpaired parts."""
    pairs, rest_a, rest_b, _, _ = _align(a, b, person)
    return pairs, rest_a, rest_b


def _align(
    a: NameForm, b: NameForm, person: bool
) -> tuple[
    list[PartMatch],
    list[str],
    list[str],
    tuple[float, float, float],
    tuple[tuple[str, ...], tuple[str, ...], bool],
]:
    """``align``, and the weights: of the paired parts times their scores, of the paired parts, and
    of the unpaired parts; and the parts as compared (runs joined, acronyms spelt out), and whether
    an acronym was spelt out."""
    abjad = a.abjad or b.abjad
    # Korean syllables must be the same syllable: in two Korean personal names, or where an
    # organisation's name was read from Hangul ("대동" Daedong is not Daesong)
    korean = (a.korean and b.korean) or (not person and (a.korean or b.korean))
    arabic = a.arabic and b.arabic
    ta, tb, acronym = _tokens(a, b, abjad)
    if ta is a.tokens and tb is b.tokens:  # compared as they stand
        wa, wb = (a.weights, b.weights) if person else (a.org_weights, b.org_weights)
    else:
        wa = tuple(token_weight(t, person) for t in ta)
        wb = tuple(token_weight(t, person) for t in tb)
    similarity = part_similarity
    candidates = []
    # words of a translated Arabic-script name compare as English (only consulted with ``abjad``)
    english = a.english | b.english if abjad else frozenset()
    # and those of a translated Hangul name compare as English words, not as syllables
    korean_english = a.english | b.english if korean and not person else frozenset()
    letters_b = [abjad and y not in english for y in tb]
    # a person's name read from Chinese characters is syllables: one letter off is another
    # character (成 cheng is not "Chen"); romanisation variants are not typos (``fold``)
    syllables = person and (a.han or b.han)
    roots = person and (a.arabic or b.arabic)  # an Arabic name: another first consonant, another name
    org = not person
    # a number pairs with itself only: "Fund X" is not "Fund XI", nor 2004 2005
    numbers_b = [org and is_number(y) for y in tb]
    # a name after Abu is a kunya's ("Abou Mohamed", father of Mohamed): it pairs only with a
    # name after Abu, not with a name of the person's own ("Muhammad Ja'far Qasir")
    # (or with one written joined to it: "Abu Bakr" / ABUBAKAR)
    # (without an Abu on either side nothing differs: every part reads False, or None if joined)
    kunyas = person and not (KUNYA.isdisjoint(ta) and KUNYA.isdisjoint(tb))
    kunya_a = [kunya(ta, i) if kunyas else False for i in range(len(ta))]
    kunya_b = [kunya(tb, j) if kunyas else False for j in range(len(tb))]
    for i, x in enumerate(ta):
        wx = wa[i]
        ax = abjad and x not in english
        nx = org and is_number(x)
        for j, y in enumerate(tb):
            if kunya_a[i] is not kunya_b[j] and None not in (kunya_a[i], kunya_b[j]):
                continue
            if x == y:
                candidates.append((-(wx + wb[j]), i, j, 1.0, "exact"))
                continue
            if nx or numbers_b[j]:
                continue
            syllable = korean and not (korean_english and (x in korean_english or y in korean_english))
            score, how = similarity(x, y, ax and letters_b[j], syllable, arabic, org)
            if score > 0 and not (how == "typo" and (syllables or (roots and not alike_onsets(x, y)))):
                candidates.append((-score * (wx + wb[j]), i, j, score, how))
    if not candidates:
        return [], list(ta), list(tb), (0.0, 0.0, sum(wa, 0.0) + sum(wb, 0.0)), (ta, tb, acronym)
    candidates.sort()  # best weighted score first, then by position
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    paired: list[tuple[int, int, float]] = []
    matched = total = 0.0
    for neg_weighted, i, j, score, how in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(PartMatch(ta[i], tb[j], score, how))
        paired.append((i, j, score))
        matched -= neg_weighted
        total += wa[i] + wb[j]
    if org and (states_a := a.states if ta is a.tokens else state_positions(tuple(ta))):
        states_b = b.states if tb is b.tokens else state_positions(tuple(tb))
        for i, j, score in paired:
            if i in states_a and j in states_b:  # "Islamic Republic of Iran": a state's many bodies bear it
                matched -= (1 - STATE_WORD) * score * (wa[i] + wb[j])
                total -= (1 - STATE_WORD) * (wa[i] + wb[j])
    if person and len(ta) - len(used_a) == 1 == len(tb) - len(used_b) and not (korean or syllables):
        i = next(k for k in range(len(ta)) if k not in used_a)
        j = next(k for k in range(len(tb)) if k not in used_b)
        slip = _slip(ta[i], tb[j], pairs)
        if slip is not None:
            used_a.add(i)
            used_b.add(j)
            pairs.append(slip)
            matched += slip.score * (wa[i] + wb[j])
            total += wa[i] + wb[j]
    rest_a = [t for i, t in enumerate(ta) if i not in used_a]
    rest_b = [t for j, t in enumerate(tb) if j not in used_b]
    nasab = person and arabic and (len(used_a) == len(ta) or len(used_b) == len(tb))  # one side all paired
    unmatched = missing_weight(ta, wa, used_a, nasab) + missing_weight(tb, wb, used_b, nasab)
    return pairs, rest_a, rest_b, (matched, total, unmatched), (ta, tb, acronym)


def _slip(x: str, y: str, pairs: list[PartMatch]) -> PartMatch | None:
    """The one part of two persons' names left unpaired on each side, one letter apart, where
    ``SLIP_CONTEXT`` other parts or more agree exactly: a slip of the pen in a long name ("HAJI SSAD
    KHAN ZARKARI MOHAMMADHASNI" / "HAJI ASAD KHAN ..."), where the same letter alone, with less of
    the name to go on, would be another name (Asad is not Saad)."""
    if min(len(x), len(y)) < ONE_SLIP or OSA.distance(x, y, score_cutoff=1) > 1:
        return None
    particles = vocabulary().particles
    if sum(1 for p in pairs if p.how == "exact" and p.a not in particles) < SLIP_CONTEXT:
        return None
    return PartMatch(x, y, 1.0 - 1.0 / max(len(x), len(y)), "one letter, the rest of the name agrees")


@dataclass(frozen=True, slots=True)
class Comparison:
    """How two readings of names compare: the score, and what the explanation is built from."""

    score: float
    pairs: tuple[PartMatch, ...] = ()
    rest_a: tuple[str, ...] = ()
    rest_b: tuple[str, ...] = ()
    conflict: bool = False
    notes: tuple[str, ...] = ()
    empty: bool = False

    def detail(self) -> str:
        if self.empty:
            return "empty name"
        parts = [f"{p.a}={p.b}" if p.how == "exact" else f"{p.a}~{p.b} ({p.how})" for p in self.pairs]
        rest = [*self.rest_a, *self.rest_b]
        if rest:
            kind = "conflicting" if self.conflict else "extra"
            parts.append(f"{kind}: {' '.join(rest)}")
        return " ".join(["; ".join(parts), *self.notes])


_EMPTY = Comparison(0.0, empty=True)


def score_forms(a: NameForm, b: NameForm, person: bool) -> Comparison:
    """Score two readings of names part by part; the explanation is built only when asked for."""
    if not a.tokens or not b.tokens:
        return _EMPTY
    pairs, rest_a, rest_b, (matched, total, unmatched), (ta, tb, acronym) = _align(a, b, person)
    if not pairs:  # nothing in common: no rule below can raise a score of 0
        return Comparison(0.0, (), tuple(rest_a), tuple(rest_b), bool(rest_a and rest_b))
    particles = vocabulary().particles if person else frozenset()
    real_a = [t for t in rest_a if t not in particles]
    real_b = [t for t in rest_b if t not in particles]
    numbered = one_number = False
    if not person:
        real_a = [t for t in real_a if not is_number(t)]
        real_b = [t for t in real_b if not is_number(t)]
        # "PORT OLYA-3" is "PORT OLYA-1"'s sister, "Victory 3" may not be "Victory"'s: an unpaired
        # number is another of a series, on both sides; on one side only, perhaps no series at all
        numbered_a, numbered_b = len(real_a) < len(rest_a), len(real_b) < len(rest_b)
        numbered, one_number = numbered_a or numbered_b, numbered_a != numbered_b
    conflict = bool(real_a and real_b)
    notes: list[str] = []
    score_factor = ONE_NUMBER if one_number else 1.0
    if numbered:
        side = "a number on one side only" if one_number else "another number"
        notes.append(f"({side}: another of a series, for review)")
    extra = (ta, real_a, a.original) if real_a else (tb, real_b, b.original)
    unit = False
    if not (person or conflict):
        kinds = vocabulary().kind_words
        if all(p.a in kinds and p.b in kinds for p in pairs):
            if extra[1] or numbered:  # "Air Force" / SYRIAN AIR FORCE, "Group of Seven" / GROUP 99
                score_factor *= KIND_ONLY
                notes.append("(only words of kind agree)")
        elif added_unit(extra[0], extra[1], len(pairs)):
            unit = True
            notes.append("(words of a unit added: a unit of the body, listed apart)")
        elif places := added_places(*extra):
            unmatched -= (1 - PLACE) * places  # an organisation part weighs 1
            notes.append("(a place added: a branch or subsidiary)")
        elif another_body([p.a for p in pairs], extra[1], kinds):
            # "Al-Quds" / SARAYAT AL-QUDS, "Islamic State" / ISLAMIC STATE OF LANAO: the longer
            # name is another body that bears the word
            score_factor *= ONE_PART
            notes.append("(one word of the name agrees, and the other name has another)")
    if person and conflict:  # an unpaired "Abd" against another name is a name's part in full
        unmatched += 0.5 * (rest_a.count("abd") + rest_b.count("abd"))  # ("Abdul Khudai" / "Wali Khudai")
    penalty_rate = CONFLICT if conflict else MISSING_PERSON if person else MISSING_ORG
    score = score_factor * matched / (total + penalty_rate * unmatched) if total else 0.0
    if unit:
        score = min(score, UNIT_CAP)
    if numbered:
        score = min(score, ONE_NUMBER_CAP if one_number else SERIES_CAP)
    if acronym:  # "DCB" is the initials of many names: Daedong Credit Bank, Dancheon Commercial Bank
        score *= ACRONYM
        notes.append("(read as an acronym)")
    if person:
        if a.korean and b.korean and (rest_a or rest_b):
            score *= KOREAN_PARTIAL
            notes.append("(Korean given name of another length)")
        elif (a.han or b.han) and (real_a or real_b):
            score *= CHINESE_PARTIAL
            notes.append("(a Chinese name: syllables left unpaired)")
        if a.burmese and b.burmese and (rest_a or rest_b or crossed(ta, tb, [(p.a, p.b) for p in pairs])):
            score *= BURMESE
            notes.append("(a Burmese name: every part counts, in its order)")
        if (
            a.korean
            and b.korean
            and len(pairs) > 2
            and korean_order_differs(ta, tb, [(p.a, p.b) for p in pairs])
        ):
            score *= KOREAN_ORDER
            notes.append("(Korean given-name syllables in another order)")
        if (rest_a or rest_b) and (a.arabic or b.arabic) and descendant(a, b, ta, tb, {*rest_a, *rest_b}):
            score *= DESCENDANT
            notes.append("(Arabic name with another given name in front: a son or daughter)")
        if (
            PATRONYMIC & a.token_set
            and PATRONYMIC & b.token_set
            and patronymic_crossed(a.tokens, b.tokens, pairs)
        ):
            score *= 0.6
            notes.append("(patronymic order differs)")
        if "abd" in a.token_set and "abd" in b.token_set and abd_split(ta, tb, pairs, particles):
            score *= ABD_SPLIT
            notes.append("(the names after Abd differ)")
        strong = [p for p in pairs if p.how != "initial" and p.a not in particles and p.a != "abd"]
        common = vocabulary().common_parts
        if not strong:
            score *= 0.5
        if len(strong) == 1 and (real_a or real_b):
            if min(len(a.tokens), len(b.tokens)) > 1:
                score *= ONE_PART
            elif score > ONE_NAME:  # "Peskov": PESKOV, Nikolay, PESKOVA, Elizaveta, or their father?
                score = ONE_NAME
                notes.append("(one name alone: the family's, not yet the person's)")
            if strong[0].a in common and strong[0].b in common:
                score *= COMMON_ONLY  # "Ahmad" alone (AHMAD, Sayyid): a name thousands bear
                notes.append("(only a common name part agrees)")
        elif strong and (real_a or real_b) and all(p.a in common and p.b in common for p in strong):
            score *= COMMON_ONLY
            notes.append("(only common name parts agree)")
    elif a.legal_forms and b.legal_forms and not a.legal_forms & b.legal_forms:
        kin = any(a.legal_forms | b.legal_forms <= group for group in vocabulary().form_kin)
        score *= LEGAL_FORM_KIN if kin else LEGAL_FORM_MISMATCH
        notes.append(f"(legal form {'/'.join(sorted(a.legal_forms))} vs {'/'.join(sorted(b.legal_forms))})")
    return Comparison(score, tuple(pairs), tuple(rest_a), tuple(rest_b), conflict, tuple(notes))


def compare_forms(a: NameForm, b: NameForm, person: bool) -> tuple[float, str]:
    """Score two readings of names part by part, and say why."""
    result = score_forms(a, b, person)
    return result.score, result.detail()
