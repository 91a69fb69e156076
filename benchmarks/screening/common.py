"""Shared helpers for the screening benchmarks: data paths, list loading, F1."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from materiel.screen.queries import query_from_row
from materiel.screen.readers import ofac_csv, un_xml
from materiel.screen.readers.common import ReadContext
from materiel.screen.records import ListedEntity, Query

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
OPENSANCTIONS = SHARED / "opensanctions"
SANCTIONS = SHARED / "sanctions"
HERE = Path(__file__).resolve().parent


def load_lists() -> list[ListedEntity]:
    """OFAC SDN (CSV trio) and the UN consolidated list, through materiel's own readers."""
    ofac = ReadContext(
        SANCTIONS / "ofac_sdn.csv",
        "ofac-sdn",
        {"add": SANCTIONS / "ofac_add.csv", "alt": SANCTIONS / "ofac_alt.csv"},
    )
    un = ReadContext(SANCTIONS / "un_consolidated.xml", "un-sc")
    return [*ofac_csv.read(ofac), *un_xml.read(un)]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def f1(outcomes: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    """Precision, recall and F1 from (predicted, actual) pairs."""
    tp = fp = fn = tn = 0
    for predicted, actual in outcomes:
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
        tn += not predicted and not actual
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }


DROPPED: list[str] = []
"""The fixtures' qualifiers that mean nothing ("1974-01-32"), dropped from their rows as
``materiel screen --input`` drops them (``fixture_query``)."""


def fixture_query(row: dict[str, str], line: int) -> Query:
    """A fixture row as a query, read as the CLI reads a batch file's rows."""
    return query_from_row(row, line, warn=DROPPED.append)
