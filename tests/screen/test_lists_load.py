"""Loading lists into the store: versions, checksums, atomic reloads, diffs, reading entries back."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from materiel.errors import ListFormatError, NotFoundError, StoreError
from materiel.screen.lists import (
    entry_record,
    find_by_name_key,
    get_entity,
    iter_entities,
    list_diff,
    list_lists,
    load_list,
    load_lists,
    name_key,
)
from materiel.screen.records import ListedEntity, Sanction
from materiel.store import Store
from materiel.store import lists as db
from materiel.store.list_models import ListEntryRow, ListNameRow

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sanctions"
UN = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="{date}T00:00:00Z">
<INDIVIDUALS>{people}</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
"""
PERSON = """<INDIVIDUAL><DATAID>{n}</DATAID><FIRST_NAME>{name}</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
<REFERENCE_NUMBER>KPi.{n}</REFERENCE_NUMBER><LISTED_ON>2017-06-02</LISTED_ON><COMMENTS1>{reason}</COMMENTS1>
</INDIVIDUAL>"""


def un_list(path: Path, date: str, people: list[tuple[int, str, str]]) -> Path:
    body = "".join(PERSON.format(n=n, name=name, reason=reason) for n, name, reason in people)
    path.write_text(UN.format(date=date, people=body), encoding="utf-8")
    return path


def test_load_reports_counts_checksum_and_date(store: Store) -> None:
    report = load_list(FIXTURES / "un_consolidated.xml", store)
    assert (report.key, report.format, report.version) == ("un-sc", "un-xml", 1)
    assert report.counts == {"Organization": 1, "Person": 1}
    assert (report.list_date, report.list_date_from) == ("2026-02-27", "file")
    expected = hashlib.sha256((FIXTURES / "un_consolidated.xml").read_bytes()).hexdigest()
    assert report.checksum == expected
    assert (report.added, report.removed, report.changed) == (2, 0, 0)
    [version] = list_lists(store)
    assert (version.key, version.checksum, version.entry_count, version.current) == (
        "un-sc",
        expected,
        2,
        True,
    )


def test_list_date_falls_back_to_the_file_mtime(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "example.jsonl"
    shutil.copy(FIXTURES / "opensanctions.ftm.jsonl", path)
    report = load_list(path, store)
    assert report.list_date_from == "mtime"
    assert report.list_date == time.strftime("%Y-%m-%d", time.gmtime(path.stat().st_mtime))
    assert report.key == "example"


def test_ofac_trio_is_one_list_with_one_checksum(store: Store) -> None:
    report = load_list(FIXTURES / "ofac/sdn.csv", store)
    assert report.sources == [str(FIXTURES / "ofac" / n) for n in ("sdn.csv", "add.csv", "alt.csv")]
    digest = hashlib.sha256()
    for name in ("sdn.csv", "add.csv", "alt.csv"):
        digest.update((FIXTURES / "ofac" / name).read_bytes())
    assert report.checksum == digest.hexdigest()
    assert report.counts == {"Airplane": 1, "Organization": 2, "Person": 3, "Vessel": 1}


def test_entities_read_back_equal_what_was_read(store: Store) -> None:
    load_list(FIXTURES / "ofac/sdn.csv", store)
    entity = get_entity(store, "ofac-sdn:41736")
    assert entity.identifiers == {"passport": ["BD3843329", "BD5609822"]}
    assert entity.sanctions == [Sanction("US OFAC", "DPRK", source_id="41736")]
    assert {e.id for e in iter_entities(store)} >= {"ofac-sdn:41736", "ofac-sdn:4243"}
    load_list(FIXTURES / "un_consolidated.xml", store)
    assert [e.id for e in iter_entities(store, lists=["un-sc"])] == ["un-sc:KPe.900", "un-sc:KPi.900"]
    with pytest.raises(NotFoundError):
        get_entity(store, "ofac-sdn:0")


def test_names_have_normalised_keys(store: Store) -> None:
    load_list(FIXTURES / "ofac/sdn.csv", store)
    assert find_by_name_key(store, "Ashot Mkrtychev") == [("ofac-sdn:41736", "primary", "MKRTYCHEV, Ashot")]
    assert find_by_name_key(store, "komid") == [("ofac-sdn:9345", "weak", "KOMID")]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("MKRTYCHEV, Ashot", "ashot mkrtychev"),
        ("Çelik  Öztürk-Ltd.", "celik ltd ozturk"),
        ("김정은", "김정은"),
        ("Ри Е Чол", "е ри чол"),
        ("", ""),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_reload_records_added_removed_and_changed(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    load_list(
        un_list(path, "2026-01-01", [(1, "ALPHA ONE", "r1"), (2, "BRAVO TWO", "r2"), (3, "CHARLIE", "r3")]),
        store,
    )
    report = load_list(
        un_list(
            path,
            "2026-02-01",
            [(1, "ALPHA ONE", "r1"), (2, "BRAVO TWO", "changed reason"), (4, "DELTA", "r4")],
        ),
        store,
    )
    assert (report.version, report.added, report.removed, report.changed) == (2, 1, 1, 1)
    latest = list_diff(store, "un-sc")[0]
    assert (latest.from_version, latest.to_version) == (1, 2)
    assert latest.added == ["un-sc:KPi.4"]
    assert latest.removed == ["un-sc:KPi.3"]
    assert latest.changed == {"un-sc:KPi.2": ["sanctions"]}
    assert [d.to_version for d in list_diff(store, "un-sc")] == [2, 1]
    assert sorted(e.id for e in iter_entities(store)) == ["un-sc:KPi.1", "un-sc:KPi.2", "un-sc:KPi.4"]
    assert [(v.version, v.current) for v in list_lists(store, history=True)] == [(1, False), (2, True)]


def test_reloading_the_same_file_stores_nothing(store: Store) -> None:
    load_list(FIXTURES / "un_consolidated.xml", store)
    again = load_list(FIXTURES / "un_consolidated.xml", store)
    assert again.unchanged and again.version == 1
    assert len(list_lists(store, history=True)) == 1


def test_a_load_that_fails_while_reading_leaves_the_old_version(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    load_list(un_list(path, "2026-01-01", [(1, "ALPHA ONE", "r1")]), store)
    path.write_text(path.read_text(encoding="utf-8")[:-40], encoding="utf-8")  # truncated mid-file
    with pytest.raises(ListFormatError, match="malformed XML"):
        load_list(path, store)
    assert [e.name for e in iter_entities(store)] == ["ALPHA ONE"]
    assert [v.version for v in list_lists(store, history=True)] == [1]


def test_a_load_that_fails_while_storing_leaves_the_old_version(store: Store, tmp_path: Path) -> None:
    load_list(un_list(tmp_path / "un.xml", "2026-01-01", [(1, "ALPHA ONE", "r1")]), store)
    previous = db.current_version(store, "un-sc")
    assert previous is not None
    good = entry_record(ListedEntity("un-sc:KPi.9", "un-sc", "Person", "NEW ONE"))
    duplicate = entry_record(ListedEntity("un-sc:KPi.9", "un-sc", "Person", "NEW ONE AGAIN"))
    version = db.ListVersion(
        key="un-sc",
        version=0,
        format="un-xml",
        source="x",
        list_date=None,
        list_date_from="mtime",
        checksum="0" * 64,
        entry_count=2,
        counts={},
        loaded_at=db.now(),
    )
    diff = db.ListDiff(
        key="un-sc", from_version=None, to_version=0, created_at=db.now(), added=["un-sc:KPi.9"]
    )
    with pytest.raises(StoreError, match="cannot store the list un-sc"):
        db.replace_list(store, version, [good, duplicate], diff, expected_previous=previous.version)
    assert [e.name for e in iter_entities(store)] == ["ALPHA ONE"]
    assert [v.version for v in list_lists(store, history=True)] == [1]
    assert len(list_diff(store, "un-sc")) == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ListNameRow)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(ListEntryRow)).scalar() == 1


def test_a_stale_load_is_refused(store: Store, tmp_path: Path) -> None:
    load_list(un_list(tmp_path / "un.xml", "2026-01-01", [(1, "ALPHA ONE", "r1")]), store)
    version = db.ListVersion(
        key="un-sc",
        version=0,
        format="un-xml",
        source="x",
        list_date=None,
        list_date_from="mtime",
        checksum="0" * 64,
        entry_count=0,
        counts={},
        loaded_at=db.now(),
    )
    diff = db.ListDiff(key="un-sc", from_version=None, to_version=0, created_at=db.now())
    with pytest.raises(StoreError, match="reloaded by someone else"):
        db.replace_list(store, version, [], diff, expected_previous=None)


def test_load_lists_reports_each_bad_input_and_goes_on(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    results = load_lists([FIXTURES / "un_consolidated.xml", bad, FIXTURES / "eu_fsf.xml"], store)
    assert [type(r).__name__ for r in results] == ["LoadReport", "ListFormatError", "LoadReport"]
    assert str(results[1]).startswith(f"{bad}: line 1:")
    assert [v.key for v in list_lists(store)] == ["eu-fsf", "un-sc"]


def test_name_override_and_key_check(store: Store) -> None:
    report = load_list(FIXTURES / "sdn.xml", store, name="ofac-xml-test")
    assert report.key == "ofac-xml-test"
    assert get_entity(store, "ofac-xml-test:41736").name == "MKRTYCHEV, Ashot"
    with pytest.raises(ListFormatError, match="list key"):
        load_list(FIXTURES / "sdn.xml", store, name="Bad Key!")


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is missing")
def test_real_ofac_trio_loads(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'big.db'}") as store:
        report = load_list(SHARED / "ofac_sdn.csv", store)
        assert report.entries == 14965 + 945  # with the newer listings alt.csv alone names
        assert get_entity(store, "ofac-sdn:41736").birth_dates == ["1966-05-07"]
