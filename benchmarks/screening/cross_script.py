"""Cross-script pairs: a name in another script against its listed Latin entry, and against the
most similar *other* entries (different people with similar names), through the index.

    python benchmarks/screening/cross_script.py [--all] [--whole-alias]
    (--all: every miss and false match)

Positives: (1) every non-Latin alias the UN consolidated list itself gives an entry (Arabic,
Cyrillic, Chinese), screened alone against OFAC + UN with that alias removed from the entry; where
the list writes Latin names beside it in one alias ("حسن غول (Hassan Ghul; Hasan Gul)"), the query
is the part in the other script and the entry keeps those Latin names (``--whole-alias``: the query
is the whole alias and the entry loses its Latin names too, the definition used until this change,
which made pairs of names the entry no longer had in any script);
(2) korean_pairs.csv: Hangul spellings of UN DPRK entries, persons and organisations (Hangul
written by us from the list spelling; the UN list carries no Korean script). Negatives: each
positive name scored against the five other UN entries of its schema whose primary names are most
like the expected entry's (by rapidfuzz's token-sort ratio, so the set does not depend on
materiel's index), leaving out those listed under the same name (the expected name, or a Latin
name written beside the query: two groups both listed as "Ansar al-Charia" are not different
names), and entries that give each other's primary name as a name of their own.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace

from anyascii import anyascii
from common import HERE, load_lists, read_csv
from rapidfuzz import fuzz, process

from materiel.screen.index import NameIndex
from materiel.screen.match import compare
from materiel.screen.records import ListedEntity, Query
from materiel.screen.screening import screen_one

SCRIPTS = {
    "Arabic": "[\u0600-\u06ff]",
    "Cyrillic": "[\u0400-\u04ff]",
    "Chinese": "[\u4e00-\u9fff]",
    "Korean": "[\uac00-\ud7a3]",
}


def plain(text: str) -> str:
    return re.sub(r"[^a-z]", "", anyascii(text).lower())


def same_name(query: str, other: ListedEntity) -> bool:
    """Whether a Latin name written beside the query ("أنصار الشريعة (Ansar al Charia)") is, letter
    for letter, one of the other entry's names: two entries listed under the same name (here the
    Derna and Benghazi groups, both "Ansar al-Charia") are not "different names" to tell apart."""
    latin = {plain(p) for p in re.split(r"[();]", query) if p.strip() and p.isascii()} - {""}
    return bool(latin & {plain(n) for n in [*other.all_names, *other.weak_aliases]})


def cross_listed(a: ListedEntity, b: ListedEntity) -> bool:
    """Whether one entry gives the other's primary name as a name of its own (the UN list names
    KPe.021 also "SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)"): not different names either."""

    def bare(name: str) -> str:
        return plain(re.sub(r"\([^)]*\)", "", name))

    def names(e: ListedEntity) -> set[str]:
        return {bare(n) for n in [*e.all_names, *e.weak_aliases]} - {""}

    return bare(a.name) in names(b) or bare(b.name) in names(a)


def similar(entity: ListedEntity, entries: list[ListedEntity]) -> list[ListedEntity]:
    """The other entries of the same schema whose primary names are most like ``entity``'s, by
    rapidfuzz's token-sort ratio: a fixed set of negatives, whatever materiel's index retrieves."""
    pool = [e for e in entries if e.schema == entity.schema and e.id != entity.id]
    best = process.extract(
        entity.name, [e.name for e in pool], scorer=fuzz.token_sort_ratio, processor=str.lower, limit=10
    )
    return [pool[i] for _name, _score, i in best]


def script_of(text: str) -> str | None:
    return next((s for s, rx in SCRIPTS.items() if re.search(rx, text)), None)


def split_alias(alias: str) -> tuple[str, list[str]]:
    """A UN alias that holds names in two scripts ("Djaafar Abou Mohamed (جعفر ابو محمد)", "حسن غول
    (Hassan Ghul; Hasan Gul)") as its part in the other script and its Latin names. The UN list's own
    note "original script" is not a name."""
    parts = [p.strip(" ,") for p in re.split(r"[();]", alias)]
    native = " ".join(p for p in parts if script_of(p))
    latin = [
        p
        for p in parts
        if p and not script_of(p) and p.lower() != "original script" and sum(c.isalpha() for c in p) >= 3
    ]
    return native, latin


def main() -> None:
    whole = "--whole-alias" in sys.argv  # the definition before 2026-11-27 (second session)
    entities = load_lists()
    by_id = {e.id: e for e in entities}
    pairs: list[tuple[str, str, str, str]] = []  # (script, query, expected id, alias as listed)
    stripped = []
    for e in entities:
        wanted = ("Arabic", "Cyrillic", "Chinese")
        native = [a for a in e.aliases if e.list == "un-sc" and script_of(a) in wanted]
        kept = [a for a in e.aliases if a not in native]
        for a in native:
            query, latin = (a, []) if whole else split_alias(a)
            pairs.append((script_of(a) or "", query, e.id, a))
            kept.extend(latin)  # the Latin names beside it stay names of the entry
        stripped.append(replace(e, aliases=list(dict.fromkeys(kept))) if native else e)
    for row in read_csv(HERE / "korean_pairs.csv"):
        pairs.append(("Korean", row["hangul"], row["list_id"], row["hangul"]))
    index = NameIndex.build(stripped)
    un_entries = [e for e in stripped if e.list == "un-sc"]
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    neg_fp: Counter[str] = Counter()
    misses, false = [], []
    for script, name, expected, listed in pairs:
        entity = by_id[expected]
        kind = f"{script} {'person' if entity.schema == 'Person' else 'organisation'}"
        total[script] += 1
        total[kind] += 1
        result = screen_one(Query(name, schema=entity.schema), index, limit=10)
        if expected in [m.entity.id for m in result.matches]:
            hits[script] += 1
            hits[kind] += 1
        else:
            misses.append((script, name, entity.name))
        others = [
            c
            for c in similar(entity, un_entries)
            if c.name.lower() != entity.name.lower()
            and not same_name(listed, c)
            and not cross_listed(entity, c)
        ][:5]
        for other in others:
            neg[script] += 1
            neg[kind] += 1
            m = compare(Query(name, schema=entity.schema), other)
            if m.match:
                neg_fp[script] += 1
                neg_fp[kind] += 1
                false.append((script, name, entity.name, other.name, round(m.score, 2)))
    print(f"{'script':10s} {'pairs':>5s} {'recall':>7s} {'negatives':>9s} {'false matches':>13s}")
    for script in SCRIPTS:
        if total[script]:
            print(
                f"{script:10s} {total[script]:5d} {hits[script] / total[script]:7.3f} {neg[script]:9d} "
                f"{neg_fp[script]:13d}"
            )
    n, h = sum(total[k] for k in SCRIPTS), sum(hits[k] for k in SCRIPTS)
    n_neg, n_fp = sum(neg[k] for k in SCRIPTS), sum(neg_fp[k] for k in SCRIPTS)
    print(f"{'all':10s} {n:5d} {h / n:7.3f} {n_neg:9d} {n_fp:13d}")
    print("by kind (persons: names written in another script; organisations: often translated names)")
    for kind in ("person", "organisation"):
        rows = [k for k in total if k.endswith(kind)]
        if rows:
            n, h = sum(total[k] for k in rows), sum(hits[k] for k in rows)
            n_neg, n_fp = sum(neg[k] for k in rows), sum(neg_fp[k] for k in rows)
            print(f"{kind:12s} {n:5d} {h / n:7.3f} {n_neg:9d} {n_fp:13d}")
    shown = None if "--all" in sys.argv else 40
    for miss in misses[:shown]:
        print("MISS", *miss)
    for f in false[:shown]:
        print("FALSE", *f)


if __name__ == "__main__":
    main()
