"""Every score and explanation of a fixed set of screenings, one line each: run it with the plain
and the compiled build and compare the two outputs (``.ci/run`` does, byte for byte).

    .venv/bin/python benchmarks/screening/build_scores.py > plain.txt
    .venv-compiled/bin/python benchmarks/screening/build_scores.py > compiled.txt
    cmp plain.txt compiled.txt

The set: nomenklatura's 826 labelled name pairs (``match_names``), and through the OFAC + UN index
(top 30 candidates, every one scored): yente's 683 UN positives, the first 2,000 of its global
negatives, and the Hangul spellings of korean_pairs.csv, with birth date and nationality where the
fixture gives them. Which build ran is written to stderr.
"""

from __future__ import annotations

import sys

from common import HERE, OPENSANCTIONS, fixture_query, load_lists, read_csv

import materiel.screen.features
from materiel.screen.index import NameIndex
from materiel.screen.match import compare, match_names
from materiel.screen.records import Query

NEGATIVES = 2000


def line(*fields: object) -> str:
    return "\t".join(str(f) for f in fields)


def main() -> None:
    compiled = materiel.screen.features.__file__.endswith((".so", ".pyd"))
    print(f"# build: {'compiled' if compiled else 'plain'}", file=sys.stderr)
    out = sys.stdout
    for r in read_csv(OPENSANCTIONS / "nomenklatura" / "name_bench_cases.csv"):
        m = match_names(r["name1"], r["name2"], r["schema"])
        out.write(line(r["schema"], r["name1"], r["name2"], repr(m.score), m.explanation) + "\n")
    index = NameIndex.build(load_lists())
    rows = read_csv(OPENSANCTIONS / "yente" / "candgen_positives_un_untreated.csv")
    rows += read_csv(OPENSANCTIONS / "yente" / "candgen_negatives_global.csv")[:NEGATIVES]
    queries = [fixture_query(row, i) for i, row in enumerate(rows, 1)]
    queries += [Query(name=r["hangul"]) for r in read_csv(HERE / "korean_pairs.csv")]
    for q in queries:
        for entity in index.search(q.name, q.schema, 30):
            m = compare(q, entity)
            out.write(line(q.name, q.birth_date, q.country, entity.id, repr(m.score), m.explanation) + "\n")


if __name__ == "__main__":
    main()
