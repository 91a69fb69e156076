"""Are the people and bodies that documents report as designated found on the list?

    .venv/bin/python benchmarks/screening/designation_recall.py GOLD_DIR... > recall.txt

Each GOLD_DIR holds annotation files (as ``../shared/eval/dev/gold``) with a ``docs`` folder beside
it holding the documents. Every gold designation by the United States is looked for on the OFAC SDN
list and every one by the UN on the UN consolidated list (both read from ../shared/data/sanctions),
two ways:

- the name as the annotator wrote it, screened as a person, an organisation and a vessel (the best
  hit on that list counts), as ``materiel screen`` does;
- end to end: the document extracted and screened as ``materiel extract`` does
  (``entity_screening.Screener``); found where one of its matches is the entry the name screened to.

A target is FOUND at the threshold (0.80), NEAR where its best hit is a near miss (down to 0.70), and
MISS otherwise. Designations in documents published after a list's date may be too new for it (the
SDN file is of 2024-05-03), so those are counted apart, and so are those of undated documents.
Whether a miss is the matcher's fault (the entry is there under another spelling) or the list's
(the entry is not there: delisted, designated later, or not a sanctions listing at all, such as
the Commerce Entity List) is for a reader to judge; the script prints the misses to read.
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
from materiel.screen.records import Match, Query
from materiel.screen.screening import review_floor, screen_one

LISTS = {"US": ("ofac-sdn", "2024-05-03"), "UN": ("un-sc", "2026-02-27")}
THRESHOLD = 0.8
SCHEMAS = ("Person", "Organization", "Vessel")


def best_hit(index: NameIndex, name: str, list_key: str) -> Match | None:
    """The best hit on ``list_key`` for ``name`` read as any of the schemas, down to the floor."""
    hits = [
        m
        for schema in SCHEMAS
        for m in screen_one(Query(name=name, schema=schema), index, review_floor(THRESHOLD), 10).matches
        if m.entity.list == list_key
    ]
    return max(hits, key=lambda m: m.score, default=None)


def run(gold_dirs: list[Path]) -> None:
    index = NameIndex.build(load_lists())
    screener = Screener(versions=[], index=index)
    counts: dict[tuple[str, str], int] = {}
    for gold_dir in gold_dirs:
        for path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            wanted = [d for d in gold.get("designations", []) if d.get("authority") in LISTS]
            if not wanted:
                continue
            doc_path = gold_dir.parent / "docs" / path.name
            data = json.loads(doc_path.read_text(encoding="utf-8"))
            published = str(data.get("published") or "")
            text = normalise_text(data["text"])
            document = Document(id=str(data["id"]), text=text, title=data.get("title"))
            screened = screener.screen(extract_document(document))
            found_e2e = {(h.list_key, h.list_entry_id) for h in screened.hits if h.match}
            print(f"== {gold_dir.parent.name}/{path.stem} ({published or 'undated'})")
            for designation in wanted:
                list_key, list_date = LISTS[designation["authority"]]
                period = "undated" if not published else "before" if published <= list_date else "after"
                hit = best_hit(index, designation["target"], list_key)
                status = "MISS" if hit is None else "FOUND" if hit.score >= THRESHOLD else "NEAR"
                e2e = hit is not None and (list_key, hit.entity.id) in found_e2e
                counts[(period, status)] = counts.get((period, status), 0) + 1
                if status == "FOUND":
                    counts[(period, "e2e")] = counts.get((period, "e2e"), 0) + e2e
                entry = f"{hit.entity.name!r} {hit.score:.2f}" if hit is not None else "-"
                flag = "" if status != "FOUND" else f"  (document: {'found' if e2e else 'NOT found'})"
                print(f"  {status:5s} {period:6s} {designation['target']!r} -> {entry}{flag}")
    for period in ("before", "after", "undated"):
        total = sum(n for (p, s), n in counts.items() if p == period and s != "e2e")
        found, near, missed = (counts.get((period, s), 0) for s in ("FOUND", "NEAR", "MISS"))
        if not total:
            continue
        label = period if period == "undated" else f"{period} the list date"
        print(
            f"{label}: {total} designations, found {found}, near {near}, missed {missed}; "
            f"found in the document's own screening {counts.get((period, 'e2e'), 0)} of the {found}"
        )


if __name__ == "__main__":
    run([Path(p) for p in sys.argv[1:]])
