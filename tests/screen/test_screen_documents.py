"""Extracted entities are screened after extraction and the hits stored with their list versions.

Runs on SQLite (candidates from the embedded tantivy index) and, when a server is given, on
PostgreSQL (candidates from the pg_trgm index on the list name keys). The lists are the small
extract of the real OFAC and UN lists bundled for the demo.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from materiel import jobs
from materiel.entity_screening import make_screener, screen_extraction
from materiel.examples import example_path
from materiel.examples.lists import copy_lists
from materiel.extract.pipeline import extract_document
from materiel.model import Document, Entity, EntityKind, Extraction
from materiel.screen.lists import list_lists, load_lists
from materiel.store import Store
from materiel.store.screenings import documents_matching, get_screening

MKRTYCHEV = "ofac-sdn:41736"


def _load_bundled(store: Store, folder: Path) -> None:
    results = load_lists(copy_lists(folder), store)
    assert not [r for r in results if isinstance(r, Exception)]


def _extract_example(store_url: str) -> str:
    ingested = jobs.ingest_into_store(store_url, [str(example_path())])
    assert ingested.ok
    return (ingested.added + ingested.present)[0]


def test_extraction_is_screened_and_stored_with_the_list_versions(store_url: str, tmp_path: Path) -> None:
    with Store(store_url) as store:
        _load_bundled(store, tmp_path / "lists")
        versions = {v.key: v for v in list_lists(store)}
    doc_id = _extract_example(store_url)

    summary = jobs.extract_stored(store_url)
    assert summary.screened == 1
    assert summary.list_matches == 1

    with Store(store_url) as store:
        screening = get_screening(store, doc_id)
    assert screening is not None
    assert screening.entities == 4  # two people, two organisations; states and regions are not screened
    assert {(v["key"], v["version"], v["checksum"]) for v in screening.lists} == {
        (k, v.version, v.checksum) for k, v in versions.items()
    }
    (hit,) = screening.matches
    assert (hit.entity_id, hit.entity_name, hit.entity_kind) == (
        "person:ashot-mkrtychev",
        "Ashot Mkrtychev",
        "person",
    )
    assert (hit.list_entry_id, hit.entry_name, hit.list_key) == (MKRTYCHEV, "MKRTYCHEV, Ashot", "ofac-sdn")
    assert (hit.list_version, hit.list_checksum) == (
        versions["ofac-sdn"].version,
        versions["ofac-sdn"].checksum,
    )
    assert hit.programs == ["DPRK"]
    assert hit.score >= 0.95
    features = {f["feature"]: f for f in hit.explanation}
    assert "mkrtychev" in features["name"]["detail"]
    assert features["country"]["score"] > 0  # the document calls him a Slovak citizen; so does the list


def test_results_keep_the_version_they_were_screened_against(store_url: str, tmp_path: Path) -> None:
    with Store(store_url) as store:
        _load_bundled(store, tmp_path / "lists")
    doc_id = _extract_example(store_url)
    jobs.extract_stored(store_url)

    # the list is reloaded with one entry fewer (a delisting): the stored result still says v1
    edited = tmp_path / "edited"
    edited.mkdir()
    for name in ("ofac_sdn.csv", "ofac_add.csv", "ofac_alt.csv"):
        shutil.copy(tmp_path / "lists" / name, edited / name)
    sdn = edited / "ofac_sdn.csv"
    sdn.write_bytes(
        b"".join(line for line in sdn.read_bytes().splitlines(True) if not line.startswith(b"23215,"))
    )
    with Store(store_url) as store:
        (report,) = load_lists([sdn], store)
        assert not isinstance(report, Exception) and report.version == 2
        stored = get_screening(store, doc_id)
        assert stored is not None and stored.matches[0].list_version == 1

    jobs.extract_stored(store_url, redo=True)
    with Store(store_url) as store:
        stored = get_screening(store, doc_id)
        assert stored is not None
        assert [(h.list_entry_id, h.list_version) for h in stored.matches] == [(MKRTYCHEV, 2)]
        assert [d for d, _ in documents_matching(store, MKRTYCHEV)] == [doc_id]


def test_without_lists_nothing_is_screened(store_url: str) -> None:
    doc_id = _extract_example(store_url)
    summary = jobs.extract_stored(store_url)
    assert (summary.counts.documents, summary.screened, summary.list_matches) == (1, 0, 0)
    with Store(store_url) as store:
        assert make_screener(store) is None
        assert get_screening(store, doc_id) is None
    assert jobs.show_document(store_url, doc_id).screening is None


def test_vessels_and_companies_are_screened_as_such(store_url: str, tmp_path: Path) -> None:
    doc = Document.from_text("Invented text: the ship Chong Chon Gang and the firm OOO Verus.")
    extraction = Extraction(
        document=doc,
        entities=[
            Entity("vessel:ccg", EntityKind.VESSEL, "Chong Chon Gang", country="KP"),
            Entity("org:verus", EntityKind.ORGANIZATION, "OOO Verus"),
            Entity("person:verus", EntityKind.PERSON, "Verus"),
            Entity("state:kp", EntityKind.STATE, "Korea Mining", country="KP"),
        ],
    )
    with Store(store_url) as store:
        _load_bundled(store, tmp_path / "lists")
        store.save_extraction(extraction)
        hits = screen_extraction(store, extraction)
        stored = get_screening(store, doc.id)
    found = {(h.entity_id, h.list_entry_id) for h in hits if h.match}
    assert found == {("vessel:ccg", "ofac-sdn:17069"), ("org:verus", "ofac-sdn:44544")}
    assert stored is not None and stored.entities == 3
    assert {(h.entity_id, h.list_entry_id) for h in stored.matches} == found


def test_a_renamed_ship_in_a_text_is_found_by_the_imo_number_it_gives(store_url: str, tmp_path: Path) -> None:
    doc = Document.from_text("Invented text: the tanker Sea Breeze 7 (IMO 7937317) called at Nampo.")
    with Store(store_url) as store:
        _load_bundled(store, tmp_path / "lists")
    extraction = extract_document(doc)
    (ship,) = [e for e in extraction.entities if e.kind == EntityKind.VESSEL]
    assert (ship.name, ship.attributes.get("imo")) == ("Sea Breeze 7", "7937317")
    with Store(store_url) as store:
        store.save_extraction(extraction)
        hits = [h for h in screen_extraction(store, extraction) if h.match]
    assert [(h.entity_name, h.list_entry_id) for h in hits] == [("Sea Breeze 7", "ofac-sdn:17069")]


def test_a_company_extraction_took_for_a_person_is_found_as_a_company(store_url: str, tmp_path: Path) -> None:
    doc = Document.from_text("Invented text: Verus Consulting Group and the broker Ashot Mkrtychev.")
    extraction = Extraction(
        document=doc,
        entities=[
            Entity("person:vcg", EntityKind.PERSON, "Verus Consulting Group"),  # the NER's mistake
            Entity("person:am", EntityKind.PERSON, "Ashot Mkrtychev"),
        ],
    )
    with Store(store_url) as store:
        _load_bundled(store, tmp_path / "lists")
        store.save_extraction(extraction)
        hits = screen_extraction(store, extraction)
    found = {(h.entity_id, h.list_entry_id) for h in hits if h.match}
    assert found == {("person:vcg", "ofac-sdn:44544"), ("person:am", MKRTYCHEV)}
    (company,) = [h for h in hits if h.entity_id == "person:vcg"]
    assert "extraction took it for a person's" in company.explanation[-1]["detail"]
