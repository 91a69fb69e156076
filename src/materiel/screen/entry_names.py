"""The name feature over a whole entry: the best pair of readings, checked against the entry's
other names.

A listed entry carries many names: a full name and short forms of it ("AHMAD JAN AKHUNDZADA
SHUKOOR AKHUNDZADA", "Ahmad Jan Akhunzada"; "Ansar al-Charia Benghazi", "Ansar al-Charia"). A
query that has a part the short form lacks ("Ahmad Jan Akhundzada Wazir", "Ansar al-Sharia Derna")
scores well against the short form alone, but the entry's fuller name says what comes in that
place, and it is something else: the fuller name's comparison is the one that counts.
"""

from __future__ import annotations

from materiel.screen.features import CONFLICT, MISSING_ORG, MISSING_PERSON, Comparison, PartMatch, score_forms
from materiel.screen.normalise import NameForm
from materiel.screen.orgnames import is_number
from materiel.screen.parts import INITIAL, part_similarity
from materiel.screen.records import Feature
from materiel.screen.translit import native_script
from materiel.screen.vocab import vocabulary


def name_feature(query_forms: list[NameForm], entity_forms: list[NameForm], person: bool) -> Feature:
    """The best-scoring pair of readings of the query and the entry's names; two names written in
    the same East Asian script are compared as written (``native_comparison``). Where the best
    name is a short form of a fuller one that contradicts the query's extra parts, the fuller
    name's score is given, and the explanation says so (``fuller_conflict``)."""
    best: Comparison | None = None
    best_query: NameForm | None = None
    best_entry: NameForm | None = None
    shown = ""
    for qa in query_forms:
        native = native_script(qa.original)
        for eb in entity_forms:
            other = native_script(eb.original) if native is not None else None
            if native is not None and other is not None and other[0] == native[0]:
                result, read = native_comparison(native, other, person), None
            else:
                result, read = score_forms(qa, eb, person), qa
            if result.score > (best.score if best is not None else 0.0):
                best, best_query, best_entry = result, read, eb
                shown = native[1] if read is None and native is not None else qa.text
                if result.score >= 1.0:
                    break  # none can score higher
        if best is not None and best.score >= 1.0:
            break
    if best is None or best_entry is None:
        return Feature("name", 0.0, "no comparable name")
    detail = f"'{shown}' vs '{best_entry.original}': {best.detail()}"
    if best_query is not None:
        fuller = fuller_conflict(best, best_query, best_entry, entity_forms, person)
        if fuller is not None and fuller[0].score < best.score:
            result, name = fuller
            detail += f"; but the entry's fuller name '{name}' has other parts: {result.detail()}"
            return Feature("name", result.score, detail)
    return Feature("name", best.score, detail)


def fuller_conflict(
    best: Comparison, query: NameForm, short: NameForm, entity_forms: list[NameForm], person: bool
) -> tuple[Comparison, str] | None:
    """Another name of the entry that pairs every part ``best`` paired and leaves its own parts
    unpaired where the query leaves some of the same extra parts unpaired: the comparison with it
    (the best-scoring such name) and the name. None where ``best`` leaves no real part of the
    query unpaired, or pairs all of the short name's parts but not by the same split of letters
    ("Akhund Zada" for "Akhundzada" is the same name, not a fuller one)."""
    if best.rest_b:
        return None
    extra = set(_real(best.rest_a, person)) - _pieces(
        query.tokens, best.rest_a, best.pairs, True, query.abjad
    )
    if not extra:
        return None
    paired = {p.a for p in best.pairs}
    found: tuple[Comparison, str] | None = None
    for form in entity_forms:
        if form.original == short.original or len(form.tokens) <= len(best.pairs):
            continue  # another reading of the same name (an acronym beside it is not a fuller name)
        result = score_forms(query, form, person)
        if not result.conflict or not paired <= {p.a for p in result.pairs} or not extra & set(result.rest_a):
            continue
        own = {t for t in _real(result.rest_b, person) if not is_number(t)}
        if not own - _pieces(form.tokens, result.rest_b, result.pairs, False, query.abjad or form.abjad):
            continue
        if found is None or result.score > found[0].score:
            found = (result, form.original)
    return found


def _real(tokens: tuple[str, ...], person: bool) -> list[str]:
    """The parts that count as parts of a name: particles (for persons) and numbers (for
    organisations) aside, as ``score_forms`` decides a conflict."""
    if person:
        particles = vocabulary().particles
        return [t for t in tokens if t not in particles]
    return [t for t in tokens if not is_number(t)]


def _pieces(
    tokens: tuple[str, ...],
    rest: tuple[str, ...],
    pairs: tuple[PartMatch, ...],
    query_side: bool,
    abjad: bool,
) -> set[str]:
    """The unpaired parts of a name (``rest``) that, joined to the part beside them, make the part
    its paired part was paired with ("zada" beside "akhund", paired with "akhundzada")."""
    partner = {p.a: p.b for p in pairs} if query_side else {p.b: p.a for p in pairs}
    pieces = set()
    for k, token in enumerate(tokens):
        if token not in rest:
            continue
        for x, y in ((k - 1, k), (k, k + 1)):
            if x < 0 or y >= len(tokens):
                continue
            other = partner.get(tokens[y] if x == k else tokens[x])
            if other is not None and part_similarity(other, tokens[x] + tokens[y], abjad)[0] >= INITIAL:
                pieces.add(token)
    return pieces


def native_comparison(a: tuple[str, str], b: tuple[str, str], person: bool) -> Comparison:
    """Two names in the same East Asian script, character by character (Chinese in simplified
    form): a different character is a different name part even where the readings agree."""
    script, left = a[0], list(b[1])
    pairs: list[PartMatch] = []
    rest_a: list[str] = []
    for char in a[1]:
        if char in left:
            left.remove(char)
            pairs.append(PartMatch(char, char, 1.0, "exact"))
        else:
            rest_a.append(char)
    conflict = bool(rest_a and left)
    rate = CONFLICT if conflict else MISSING_PERSON if person else MISSING_ORG
    matched = 2 * len(pairs)  # each side's character, weight 1 each
    score = matched / (matched + rate * (len(rest_a) + len(left))) if pairs else 0.0
    note = f"({'Chinese characters' if script == 'han' else 'Hangul'} compared as written)"
    return Comparison(score, tuple(pairs), tuple(rest_a), tuple(left), conflict, (note,))
