"""What screening finds in real documents: the matches and near misses of their extracted entities.

    .venv/bin/python benchmarks/screening/document_matches.py DOCS.json... > now.txt
    .venv/bin/python benchmarks/screening/document_matches.py --diff before.txt now.txt

Each document (a JSON file with "id", "title" and "text", as in ../shared/eval/dev/docs/), its text
normalised as ingest normalises it, is extracted by materiel's pipeline, and its people,
organisations and vessels are screened against OFAC + UN (read from ../shared/data/sanctions)
exactly as ``materiel extract`` screens them (``entity_screening.Screener``: the entity's name and
longer aliases, at most five hits per entity, near misses down to 0.10 below the threshold). One
line per hit; the last lines count the distinct (query, entry) matches and near misses. ``--diff``
lists the matches one run gave and the other did not. Whether a match is right is for a reader to
judge; the script only makes the runs repeatable.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from common import load_lists

from materiel.entity_screening import Screener
from materiel.extract.pipeline import extract_document
from materiel.model import Document, normalise_text
from materiel.screen.index import NameIndex


def run(paths: list[Path]) -> None:
    screener = Screener(versions=[], index=NameIndex.build(load_lists()))
    matches: set[str] = set()
    near: set[str] = set()
    for path in sorted(paths):
        data = json.loads(path.read_text(encoding="utf-8"))
        # the text as ingest gives it ("Iran´s" → "Iran’s", newlines, NFC)
        text = normalise_text(data["text"])
        document = Document(id=str(data["id"]), text=text, title=data.get("title"))
        extraction = extract_document(document)
        print(f"== {data['id']} {str(data.get('title') or '')[:70]}")
        for hit in screener.screen(extraction).hits:
            kind = "MATCH" if hit.match else "near "
            line = f"{kind} {hit.score:.2f} {hit.query_name!r} -> {hit.entry_name!r} [{hit.list_key}]"
            print("  " + line)
            (matches if hit.match else near).add(line)
    print(f"distinct matches {len(matches)}, distinct near misses {len(near)}")


def diff(before: Path, after: Path) -> None:
    def matches(path: Path) -> set[str]:
        return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "MATCH " in line}

    old, new = matches(before), matches(after)
    for title, lines in (("only before", old - new), ("only after", new - old)):
        print(f"{title}: {len(lines)}")
        for line in sorted(lines):
            print("  " + line)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--diff"]:
        diff(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        run([Path(p) for p in sys.argv[1:]])
