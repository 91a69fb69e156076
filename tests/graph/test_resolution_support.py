"""Stores for the graph tests: the shared dev documents and a few invented ones, really ingested,
extracted, screened (against the bundled list extract) and assessed. No tests here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from materiel import jobs
from materiel.assess import assess_stored
from materiel.examples.lists import copy_lists
from materiel.screen.lists import load_lists
from materiel.store import Store

DEV_DOCS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "docs"

INVENTED = {
    # Belarus seeks drones from Iran, later reported delivered: one transfer, status moving forward.
    "x1": (
        "Alpha News",
        "2021-06-01",
        "Belarus seeks Iranian drones",
        "Belarus is seeking drones from Iran, officials said on Tuesday. The deal was arranged by "
        "Viktor Balakin, a Belarusian arms dealer.",
    ),
    "x2": (
        "Beta Times",
        "2021-09-01",
        "Iran ships drones to Belarus",
        "Iran delivered drones to Belarus in August 2021, according to Western officials. Viktor "
        "Balakin brokered the sale.",
    ),
    # another category: tanks stay apart from drones
    "x3": ("Gamma Post", "2021-09-05", "Tanks for Minsk", "Iran delivered tanks to Belarus, officials said."),
    # another period: a delivery of drones in 2015 stays apart from the one of 2021
    "x4": (
        "Delta Daily",
        "2021-10-01",
        "An old deal",
        "Iran delivered drones to Belarus in 2015, a report said.",
    ),
}


def write_invented(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for key, (publisher, day, title, text) in INVENTED.items():
        record = {"id": key, "title": title, "source": publisher, "published": day, "text": text}
        (folder / f"{key}.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def fill_store(url: str, inputs: list[str], lists_dir: Path | None = None) -> None:
    """Load the bundled lists (when ``lists_dir``), ingest, extract (which screens), assess."""
    if lists_dir is not None:
        with Store.open(url) as store:
            for report in load_lists(copy_lists(lists_dir), store):
                if isinstance(report, Exception):
                    raise report
    ingested = jobs.ingest_into_store(url, inputs)
    assert not ingested.failures, ingested.failures
    extracted = jobs.extract_stored(url)
    assert not extracted.failures, extracted.failures
    assess_stored(url)


_BUILT: dict[str, str] = {}


def dev_store_url(tmp_factory: pytest.TempPathFactory) -> str:
    """A SQLite store with the dev documents, the invented ones and the bundled lists (built once)."""
    if not DEV_DOCS.is_dir():
        pytest.skip(f"shared dev documents not found at {DEV_DOCS} (../shared is absent)")
    if "dev" not in _BUILT:
        root = tmp_factory.mktemp("graph-dev")
        url = f"sqlite:///{root / 'dev.db'}"
        fill_store(url, [str(DEV_DOCS), str(write_invented(root / "invented"))], root / "lists")
        _BUILT["dev"] = url
    return _BUILT["dev"]
