"""Names to comparable forms: Latin, lower case, tokens, honorifics dropped, legal forms set apart.

``name_forms(name, schema)`` gives one :class:`NameForm` per reading of the name (two for Hangul:
the DPRK list spelling and Revised Romanization). ``fold`` maps a token to a loose phonetic key
that makes McCune–Reischauer, DPRK and Revised Romanization spellings, Wade–Giles and pinyin and
common Latin spelling variants meet ("Pyong"/"Byeong", "Chol"/"Cheol", "Hsi"/"Xi").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from materiel.screen.glossaries import arabic_org_words, korean_org_words, org_readings
from materiel.screen.orgnames import (
    fuzzy_legal_form,
    is_number,
    read_numbers,
    split_glued_form,
)
from materiel.screen.phonetic import fold
from materiel.screen.states import state_positions
from materiel.screen.translit import (
    arabic_key,
    arabic_tables,
    has_han,
    has_hangul,
    latin_variants,
)
from materiel.screen.vocab import Vocabulary, korean_key, vocabulary

PERSON_SCHEMAS = frozenset({"Person"})
_ABBREV_RE = re.compile(r"\b(?:[a-z]\.){2,}(?:[a-z]\b)?")
_APOSTROPHE_RE = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u0060\u00b4\u02b9\u02be\u02bf]")
_SPLIT_RE = re.compile(r"[^a-z0-9]+")
# the Arabic article spelt as said before a "sun letter": "an-Nusra", "Abd ar-Rahman", "Nour ed-Dine"
_SUN_ARTICLE_RE = re.compile(r"\b[aeu](t|th|d|dh|r|z|s|sh|n)-(?=\1)", re.IGNORECASE)
_ABJAD_RE = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def token_weight(token: str, person: bool) -> float:
    """How much a name part counts: particles and numbers little, initials and "abd" half."""
    if person and token in vocabulary().particles:
        return 0.3
    if not person and is_number(token):
        return 0.3
    if len(token) == 1 or (person and token == "abd"):  # "abd": the first half of "Abd al-Rahman"
        return 0.5
    return 1.0


@dataclass(frozen=True, slots=True)
class NameForm:
    """One reading of a name: its tokens, and (organisations) the legal-form classes found.

    The fields after ``arabic`` are derived once, when the form is made (``name_forms`` caches
    forms per name string), so that comparing a form with many others repeats no string work:
    per-token weights and phonetic keys, and the keys of neighbouring-token runs and run initials
    that decide whether a comparison must join or spell out tokens at all.
    """

    original: str
    tokens: tuple[str, ...]
    legal_forms: frozenset[str] = field(default_factory=frozenset)
    dropped: tuple[str, ...] = ()  # honorifics removed
    abjad: bool = False  # read from a script that leaves short vowels out (Arabic, Hebrew)
    korean: bool = False  # a Korean personal name (family name + given-name syllables), or Hangul
    arabic: bool = False  # an Arabic personal name (Arabic script, or Arabic particles/given names)
    english: frozenset[str] = frozenset()  # English words of a translated Arabic-script or Hangul reading
    han: bool = False  # read from Chinese characters (one syllable each)
    burmese: bool = False  # a Burmese personal name: no family name, every part counts
    weights: tuple[float, ...] = field(init=False, compare=False, repr=False)  # as a person's name
    org_weights: tuple[float, ...] = field(init=False, compare=False, repr=False)
    fold_keys: frozenset[str] = field(init=False, compare=False, repr=False)  # tokens of 3+ letters
    fold_runs: frozenset[str] = field(init=False, compare=False, repr=False)  # joined 2-3 token runs
    run_initials: frozenset[str] = field(init=False, compare=False, repr=False)  # of 2-4 token runs
    short: frozenset[str] = field(init=False, compare=False, repr=False)  # tokens of 2-4 letters
    token_set: frozenset[str] = field(init=False, compare=False, repr=False)
    states: frozenset[int] = field(init=False, compare=False, repr=False)  # positions of a state's name

    def __post_init__(self) -> None:
        tokens = self.tokens
        put = object.__setattr__
        put(self, "weights", tuple(token_weight(t, True) for t in tokens))
        put(self, "org_weights", tuple(token_weight(t, False) for t in tokens))
        put(self, "fold_keys", frozenset(fold(t) for t in tokens if len(t) > 2))
        fold_runs: set[str] = set()
        initials: set[str] = set()
        n = len(tokens)
        if n > 1:
            short = [len(t) < 2 for t in tokens]  # a run of tokens holds no initial
            firsts = [t[:1] for t in tokens]
            for i in range(n - 1):
                for size in (2, 3, 4):
                    end = i + size
                    if end > n or True in short[i:end]:
                        break
                    if size < 4:
                        fold_runs.add(fold("".join(tokens[i:end])))
                    initials.add("".join(firsts[i:end]))
        put(self, "fold_runs", frozenset(fold_runs))
        put(self, "run_initials", frozenset(initials))
        put(self, "short", frozenset(t for t in tokens if 2 <= len(t) <= 4))
        put(self, "token_set", frozenset(tokens))
        put(self, "states", state_positions(tokens))

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def skeleton_keys(self) -> frozenset[str]:
        """Consonant keys of the tokens of 3+ letters (Arabic-script comparisons only)."""
        return _skeletons(self.tokens)[0]

    @property
    def skeleton_runs(self) -> frozenset[str]:
        """Consonant keys of joined runs ("nur al din" → "nurdin" too)."""
        return _skeletons(self.tokens)[1]


@lru_cache(maxsize=50_000)
def _skeletons(tokens: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    keys = frozenset(arabic_key(t) for t in tokens if len(t) > 2)
    runs: set[str] = set()
    for i in range(len(tokens)):
        for size in (2, 3):
            run = tokens[i : i + size]
            if len(run) == size and all(len(t) > 1 for t in run) and run[-1] != "al":
                runs.add(arabic_key("".join(run)))
        if i + 2 < len(tokens) and tokens[i + 1] == "al":  # "nur al din" ~ "noureddine"
            runs.add(arabic_key(tokens[i] + tokens[i + 2]))
    return keys, frozenset(runs)


def is_person(schema: str) -> bool:
    return schema in PERSON_SCHEMAS


_PERCENT_RE = re.compile(r"(?<=\d)\s*%")  # "3%ers" is "3 percenters"


def tokenize(latin: str) -> list[str]:
    """Lower case, abbreviations joined ("L.L.C." → "llc"), "&" and "%" read as words, apostrophes
    dropped, rest split."""
    text = _PERCENT_RE.sub(" percent", latin.lower().replace("&", " and "))
    text = _ABBREV_RE.sub(lambda m: m.group(0).replace(".", "") + " ", text)
    text = _APOSTROPHE_RE.sub("", text)
    return [t for t in _SPLIT_RE.split(text) if t]


def _strip_legal_forms(tokens: list[str], vocab: Vocabulary) -> tuple[list[str], set[str]]:
    """Legal forms off both ends of an organisation's name, longest first; at the end also one cut
    short by a fixed-width field ("JOINT STOCK COMPAN") or one letter off ("JOYNT STOCK COMPANY")."""
    found: set[str] = set()
    changed = True
    while changed and tokens:
        changed = False
        for size in range(min(vocab.longest_form, len(tokens) - 1), 0, -1):
            tail, head = tuple(tokens[-size:]), tuple(tokens[:size])
            cls = vocab.legal_forms.get(tail) or fuzzy_legal_form(tail, vocab.cut_forms, vocab.long_forms)
            if cls is not None:
                found.add(cls)
                tokens, changed = tokens[:-size], True
                break
            if head in vocab.legal_forms:
                found.add(vocab.legal_forms[head])
                tokens, changed = tokens[size:], True
                break
    return tokens, found


_LEET = str.maketrans("013457", "oieast")
_LEET_RE = re.compile(r"^(?=.*[a-z])(?=.*[013457])[a-z013457]+$")


def _person_tokens(latin: str) -> list[str]:
    """A person's name as tokens: dotted initials kept apart ("N.N." is two initials, not an
    acronym), digits written for letters read as letters ("Ig0r Sech1n"), and a name written
    family name first with a comma ("MKRTYCHEV, Ashot") put in the order of the other names."""
    latin = re.sub(r"\b([A-Za-z])\.", r"\1 ", latin)
    parts = latin.split(",")
    tokens = tokenize(latin)
    if len(parts) == 2:
        head, tail = tokenize(parts[0]), tokenize(parts[1])
        if head and tail and not is_korean_name(head + tail):
            tokens = tail + head
    return [t.translate(_LEET) if _LEET_RE.match(t) else t for t in tokens]


_PARENS_RE = re.compile(r"\(([^()]*)\)")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")  # "AQAP", "AAS-T"; not "U.K."


def _segments(name: str) -> list[str]:
    """The name, and the names it holds: names joined by a slash ("AL-QA'IDA/ISLAMIC ARMY"), and
    other names in parentheses along with the name outside them — an acronym ("AL-QAIDA IN THE
    ARABIAN PENINSULA (AQAP)"), names separated by semicolons ("Hassan Ghul (Hassan Gul; Hasan
    Gul)") or the name in another script ("حسن غول (Hassan Ghul)"). Anything else in parentheses
    qualifies the name ("Bank of China (Hong Kong)", a legal form: "(LLC)") and stays part of it."""
    segments = [name]
    if "/" in name:
        parts = [p.strip() for p in name.split("/")]
        if len(parts) > 1 and all(sum(c.isalpha() for c in p) >= 3 for p in parts):
            segments.extend(parts)
    if "(" in name:
        # an acronym is the whole name's only at its end: "(IRGC)-QODS FORCE" names the IRGC
        end = len(name.rstrip(" ,."))
        inner = [
            (p.strip(" ,"), m.end() == end) for m in _PARENS_RE.finditer(name) for p in m.group(1).split(";")
        ]
        outside = _PARENS_RE.sub(" ", name).strip(" ,")
        several = ";" in name
        forms = vocabulary().legal_forms  # "ASIA ENERGY GENERAL TRADING (LLC)": a form, not a name
        names = [
            p
            for p, last in inner
            if (several or (last and _ACRONYM_RE.match(p)) or p.isascii() != outside.isascii())
            and tuple(tokenize(p)) not in forms
        ]
        if names and sum(c.isalpha() for c in outside) >= 3:
            segments.extend([outside, *names])
    return list(dict.fromkeys(segments))


@lru_cache(maxsize=200_000)
def name_forms(name: str, schema: str = "Person") -> tuple[NameForm, ...]:
    """Every reading of ``name`` as tokens ready to compare."""
    vocab = vocabulary()
    forms = []
    person = is_person(schema)
    for segment in _segments(name):
        abjad = _ABJAD_RE.search(segment) is not None
        readings = latin_variants(segment)
        translated = [] if person else org_readings(segment)
        for latin in [*readings, *translated]:
            latin = _SUN_ARTICLE_RE.sub("al-", latin)  # read as the article it is
            if person:
                tokens = _person_tokens(latin)
            else:
                tokens = read_numbers(tokenize(split_glued_form(latin, vocab.single_forms)))
            dropped: list[str] = []
            legal: set[str] = set()
            if person:
                # abbreviated titles ("adm", "col") are Latin only: "آدم" reads "adm" (Adam)
                titles = vocab.honorifics if not abjad else {h for h in vocab.honorifics if len(h) > 3}
                kept = [t for t in tokens if t not in titles]
                if kept:
                    dropped = [t for t in tokens if t in titles]
                    tokens = kept
            else:
                tokens, legal = _strip_legal_forms(tokens, vocab)
                kept = [t for t in tokens if t not in vocab.org_stopwords]
                tokens = kept or tokens
            korean, arabic = has_hangul(segment), False  # a person's also a Korean name in Latin
            if person:
                tokens = split_abd(tokens)
                korean = korean or is_korean_name(tokens)
                arabic = abjad or any(
                    t in vocab.arabic_markers or t.startswith("abd") or t.endswith(vocab.marker_endings)
                    for t in tokens
                )
            english: frozenset[str] = frozenset()
            if latin in translated and (abjad or korean):  # the glossary's English words
                english = frozenset(tokens) & (arabic_org_words() if abjad else korean_org_words())
            burmese = person and len(tokens) > 1 and all(t in vocab.burmese for t in tokens)
            flags = (abjad, korean, arabic, english, has_han(segment), burmese)
            forms.append(NameForm(name, tuple(tokens), frozenset(legal), tuple(dropped), *flags))
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=50_000)
def arabic_name_forms(name: str, schema: str = "Person") -> tuple[NameForm, ...]:
    """``name_forms`` read as an Arabic name whatever its parts: the name of a person whose
    nationality says so (``Vocabulary.arabic_countries``)."""
    return tuple(f if f.arabic else replace(f, arabic=True) for f in name_forms(name, schema))


def split_abd(tokens: list[str]) -> list[str]:
    """ "Abdelhakim", "Abdul Hakim", "Abd al-Hakim" → "abd hakim": the servant-of prefix as its own part."""
    if not any(t.startswith("abd") for t in tokens):
        return tokens
    vocab = vocabulary()
    out: list[str] = []
    for token in tokens:
        prefix = next((p for p in arabic_tables().abd_prefixes if token.startswith(p)), None)
        rest = token[len(prefix) :] if prefix else ""
        if prefix is None or token in vocab.equivalents or len(rest) < 3:
            out.append("abd" if prefix and not rest else token)
            continue
        if len(rest) > 2 and rest[0] == rest[1]:  # "abdurrahman"
            rest = rest[1:]
        out.extend(("abd", rest))
    out = [t for i, t in enumerate(out) if not (t in ("al", "el", "ul") and i and out[i - 1] == "abd")]
    for i in range(len(out) - 2, -1, -1):  # "Abd Allah" is the one name "Abdullah"
        if out[i] == "abd" and out[i + 1] in ("allah", "ullah", "illah", "alla", "ulla"):
            out[i : i + 2] = ["abdullah"]
    return out


@lru_cache(maxsize=100_000)
def is_korean_syllable(token: str) -> bool:
    """A romanised Hangul syllable, or two run together ("jongun")."""
    syllables = vocabulary().korean_syllables
    key = korean_key(token)
    return key in syllables or any(key[:i] in syllables and key[i:] in syllables for i in range(1, len(key)))


def is_korean_name(tokens: list[str]) -> bool:
    """A family name from the Korean table, then one to three given-name syllables."""
    return (
        2 <= len(tokens) <= 4
        and tokens[0] in vocabulary().surnames
        and all(is_korean_syllable(t) for t in tokens[1:])
    )


@lru_cache(maxsize=100_000)
def surname_ending(token: str) -> tuple[str, int] | None:
    """(stem, group) of a surname with a Slavic ending ("lukashenko" -> ("lukash", enko's group))."""
    for ending, group in vocabulary().surname_endings:
        if token.endswith(ending) and len(token) - len(ending) >= 5:  # short stems: rather a typo
            return token[: -len(ending)], group
    return None
