"""The store's candidate index: pg_trgm on PostgreSQL, the embedded tantivy index elsewhere, same answers.

The embedded index is rebuilt only when the loaded lists' checksums change (no entry is read to
decide). The lists are the small extract of the real OFAC and UN lists bundled for the demo.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from materiel.cli import app
from materiel.examples.lists import copy_lists
from materiel.screen.index import FINGERPRINT_FILE, NameIndex
from materiel.screen.lists import list_lists, load_lists
from materiel.screen.records import Query
from materiel.screen.screening import (
    TrigramIndex,
    embedded_index,
    fingerprint,
    index_path,
    screen,
    store_index,
)
from materiel.store import Store
from materiel.store.list_search import trigram_ready


@pytest.fixture
def loaded(store: Store, tmp_path: Path) -> Store:
    results = load_lists(copy_lists(tmp_path / "lists"), store)
    assert not [r for r in results if isinstance(r, Exception)]
    return store


CASES = [
    ("Ashot Mkrtychev", "Person", ["ofac-sdn:41736"]),
    ("MKRTYCHEV, Ashot", "Person", ["ofac-sdn:41736"]),
    ("Ашот Мкртычев", "Person", ["ofac-sdn:41736"]),  # Cyrillic
    ("리병철", "Person", ["ofac-sdn:23215", "un-sc:KPi.076"]),  # Hangul, to the DPRK list spelling
    ("Ri Pyong Chol", "Person", ["ofac-sdn:23215", "un-sc:KPi.076"]),
    ("OOO Verus", "Organization", ["ofac-sdn:44544"]),  # legal form dropped
    ("Korea Mining Development Trading Corp", "Organization", ["ofac-sdn:9345", "un-sc:KPe.001"]),
    ("Chong Chon Gang", "Vessel", ["ofac-sdn:17069"]),
    ("Verus", "Vessel", []),  # a company's name is not a vessel's
    ("John Kirby", "Person", []),
]


@pytest.mark.parametrize(("name", "schema", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_store_index_finds_the_listed_entries(
    loaded: Store, name: str, schema: str, expected: list[str]
) -> None:
    index = store_index(loaded)
    (result,) = screen([Query(name, schema=schema)], index=index)
    assert sorted(m.entity.id for m in result.matches) == expected


def test_postgres_uses_the_trigram_index_and_sqlite_the_embedded_one(loaded: Store) -> None:
    index = store_index(loaded)
    if loaded.engine.dialect.name == "postgresql":
        assert trigram_ready(loaded)
        assert isinstance(index, TrigramIndex)
        assert not index_path(loaded).exists()  # nothing built on disk
    else:
        assert not trigram_ready(loaded)
        assert isinstance(index, NameIndex)


def test_screen_command_answers_the_same_on_every_store(loaded: Store, store_url: str) -> None:
    run = CliRunner().invoke(app, ["--db", store_url, "screen", "Ашот Мкртычев", "--format", "json"])
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert [m["list_id"] for m in data["matches"]] == ["ofac-sdn:41736"]
    assert data["matches"][0]["explanation"][0]["feature"] == "name"


def test_embedded_index_is_rebuilt_only_when_a_list_checksum_changes(loaded: Store, tmp_path: Path) -> None:
    index = embedded_index(loaded)
    stamp = index_path(loaded) / FINGERPRINT_FILE
    try:
        assert stamp.read_text(encoding="utf-8") == fingerprint(list_lists(loaded))
        assert len(index) == 13
        built = stamp.stat().st_mtime_ns

        # same lists loaded again: nothing stored, the index is opened as it is
        assert all(
            not isinstance(r, Exception) and r.unchanged
            for r in load_lists(copy_lists(tmp_path / "again"), loaded)
        )
        assert len(embedded_index(loaded)) == 13
        assert stamp.stat().st_mtime_ns == built

        # a new version of the UN list (one entry fewer): new checksum, new fingerprint, rebuilt
        un = tmp_path / "again" / "un_consolidated.xml"
        text = un.read_text(encoding="utf-8")
        start = text.index("    <INDIVIDUAL>")
        un.write_text(
            text[:start] + text[text.index("</INDIVIDUAL>\n", start) + len("</INDIVIDUAL>\n") :],
            encoding="utf-8",
        )
        (report,) = load_lists([un], loaded)
        assert not isinstance(report, Exception) and report.version == 2
        assert len(embedded_index(loaded)) == 12
        assert stamp.read_text(encoding="utf-8") == fingerprint(list_lists(loaded))
    finally:
        if loaded.engine.dialect.name != "sqlite":  # beside a SQLite file it goes with tmp_path
            shutil.rmtree(index_path(loaded), ignore_errors=True)


def test_a_subset_of_the_lists_gets_its_own_embedded_index(loaded: Store) -> None:
    only_un = embedded_index(loaded, ["un-sc"])
    everything = embedded_index(loaded)
    try:
        assert (len(only_un), len(everything)) == (6, 13)
        (result,) = screen([Query("Ri Pyong Chol")], index=embedded_index(loaded, ["un-sc"]))
        assert [m.entity.id for m in result.matches] == ["un-sc:KPi.076"]
    finally:
        if loaded.engine.dialect.name != "sqlite":
            for path in index_path(loaded).parent.glob(index_path(loaded).name + "*"):
                shutil.rmtree(path, ignore_errors=True)


def test_a_renamed_ship_is_found_by_its_imo_number(loaded: Store) -> None:
    index = store_index(loaded)
    renamed = Query("Sea Breeze 7", schema="Vessel", identifiers={"imo": ["IMO 7937317"]})
    (result,) = screen([renamed], index=index)
    assert [m.entity.id for m in result.matches] == ["ofac-sdn:17069"]  # CHONG CHON GANG
    assert "IMO 7937317 on the list: the same ship" in result.matches[0].explanation[-1].detail
    # another number, or none: the name alone decides, and it is no listed ship's
    for other in ({"imo": ["9999999"]}, {}):
        (result,) = screen([Query("Sea Breeze 7", schema="Vessel", identifiers=other)], index=index)
        assert result.matches == []
