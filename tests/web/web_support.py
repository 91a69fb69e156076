"""A store filled the way ``materiel demo`` fills one: the bundled extract of the OFAC and UN lists
loaded, the bundled example article and a hostile document ingested, extracted (which screens the
entities) and assessed. Real extraction, real lists, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from materiel import jobs
from materiel.assess import assess_stored
from materiel.examples import example_path
from materiel.examples.lists import copy_lists
from materiel.screen.lists import load_lists
from materiel.store import Store

TOKEN = "test-token-4f1c"
EXAMPLE_ID = "08e979a7ebfa03fc"

HOSTILE_TEXT = """Hostile markup in a report <script>alert("xss-title")</script>

Officials said Belarus delivered <img src=x onerror="alert('xss-img')"> 40 tanks to Russia in 2023, \
<b onmouseover="alert('xss-b')">so they said</b> & more.
"""


def fill_store(folder: Path) -> tuple[str, str]:
    """A store in ``folder`` with lists, the example and the hostile document; (URL, hostile id)."""
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'materiel.db'}"
    with Store.open(url) as store:
        for report in load_lists(copy_lists(folder / "lists"), store):
            if isinstance(report, Exception):
                raise report
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    ingested = jobs.ingest_into_store(url, [str(example_path()), str(hostile)])
    assert not ingested.failures, ingested.failures
    extracted = jobs.extract_stored(url)
    assert not extracted.failures, extracted.failures
    assess_stored(url)
    hostile_id = next(d for d in ingested.added if d != EXAMPLE_ID)
    return url, hostile_id
