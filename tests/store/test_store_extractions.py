"""Extractions in the store: round trip, replacement, and all-or-nothing saves."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from materiel.errors import NotFoundError, StoreError
from materiel.model import Entity, EntityKind, Event, EventType, Evidence, Extraction, Mention
from materiel.store import Store


def test_extraction_round_trip_rebuilds_every_record(
    store: Store, make_extraction: Callable[..., Extraction]
) -> None:
    extraction = make_extraction(publisher="Reuters", published=date(2023, 4, 2))
    store.save_extraction(extraction)
    assert store.get_extraction(extraction.document.id) == extraction
    # the JSON contract other tools read comes out the same as well
    assert store.get_extraction(extraction.document.id).to_dict() == extraction.to_dict()


def test_saving_an_extraction_adds_its_document(
    store: Store, make_extraction: Callable[..., Extraction]
) -> None:
    extraction = make_extraction()
    store.save_extraction(extraction)
    assert store.get_document(extraction.document.id) == extraction.document
    assert store.count_documents() == 1


def test_get_extraction_accepts_an_id_prefix(
    store: Store, make_extraction: Callable[..., Extraction]
) -> None:
    extraction = make_extraction()
    store.save_extraction(extraction)
    assert store.get_extraction(extraction.document.id[:8]) == extraction


def test_evidence_without_document_id_gets_the_documents(
    store: Store, make_extraction: Callable[..., Extraction]
) -> None:
    extraction = make_extraction()
    for ev in extraction.events:
        for e in ev.evidence:
            e.document_id = None
    store.save_extraction(extraction)
    stored = store.get_extraction(extraction.document.id)
    assert {e.document_id for ev in stored.events for e in ev.evidence} == {extraction.document.id}


def test_saving_again_replaces_the_earlier_extraction(
    store: Store, make_extraction: Callable[..., Extraction]
) -> None:
    first = make_extraction()
    store.save_extraction(first)
    second = copy.deepcopy(first)
    second.entities = second.entities[:1]
    second.entities[0].mentions = second.entities[0].mentions[1:]
    second.events = [second.events[1]]
    store.save_extraction(second)
    assert store.get_extraction(first.document.id) == second
    store.save_extraction(Extraction(document=first.document, skipped="not English"))
    stored = store.get_extraction(first.document.id)
    assert (stored.entities, stored.events, stored.skipped) == ([], [], "not English")


def test_extractions_of_two_documents_stay_apart(
    store: Store, make_extraction: Callable[..., Extraction]
) -> None:
    a = make_extraction()
    b = make_extraction(text="Belarus sent ammunition to Russia. " + a.document.text)
    store.save_extraction(a)
    store.save_extraction(b)
    store.save_extraction(a)
    assert store.get_extraction(a.document.id) == a
    assert store.get_extraction(b.document.id) == b


def test_documents_without_extraction(store: Store, make_extraction: Callable[..., Extraction]) -> None:
    report = make_extraction().document.text
    done = make_extraction(published=date(2023, 1, 1))
    pending_late = make_extraction(text="Report B. " + report, published=date(2024, 1, 1))
    pending_early = make_extraction(text="Report A. " + report, published=date(2022, 1, 1))
    store.ingest([pending_late.document, done.document, pending_early.document])
    ids = [pending_early.document.id, done.document.id, pending_late.document.id]
    assert store.documents_without_extraction() == ids
    store.save_extraction(done)
    store.save_extraction(Extraction(document=pending_late.document, skipped="empty"))
    assert store.documents_without_extraction() == [pending_early.document.id]


def test_get_extraction_of_unextracted_or_unknown_document(
    store: Store, make_extraction: Callable[..., Extraction]
) -> None:
    extraction = make_extraction()
    store.add_document(extraction.document)
    with pytest.raises(NotFoundError, match="not been extracted"):
        store.get_extraction(extraction.document.id)
    with pytest.raises(NotFoundError, match="no document"):
        store.get_extraction("fedcba9876543210")


class Unstorable:
    """A value JSON cannot hold."""


def _bad_evidence(x: Extraction) -> None:
    x.events[-1].evidence.append(Evidence(start=40, end=10, text="backwards"))


def _negative_mention(x: Extraction) -> None:
    x.entities[-1].mentions.append(Mention(start=-1, end=3, text="bad"))


def _text_offsets(x: Extraction) -> None:
    x.events[0].evidence.append(Evidence(start="abc", end="def", text="x"))  # type: ignore[arg-type]


def _unstorable_role(x: Extraction) -> None:
    x.events[-1].roles["basis"] = Unstorable()


def _duplicate_entity(x: Extraction) -> None:
    x.entities.append(Entity(x.entities[0].id, EntityKind.STATE, "Again"))


def _duplicate_event(x: Extraction) -> None:
    x.events.append(Event(x.events[0].id, EventType.DENIAL))


def _unknown_evidence_document(x: Extraction) -> None:
    x.events[-1].evidence.append(Evidence(0, 4, "Iran", document_id="0000000000000000"))


FAILURES: list[tuple[str, Callable[[Extraction], None]]] = [
    ("evidence end before start", _bad_evidence),
    ("negative mention offset", _negative_mention),
    ("offsets that are not integers", _text_offsets),
    ("role value JSON cannot hold", _unstorable_role),
    ("two entities with one id", _duplicate_entity),
    ("two events with one id", _duplicate_event),
    ("evidence citing a document not in the store", _unknown_evidence_document),
]


@pytest.mark.parametrize(("case", "spoil"), FAILURES, ids=[c for c, _ in FAILURES])
def test_failed_save_of_a_new_document_writes_nothing(
    store: Store, make_extraction: Callable[..., Extraction], case: str, spoil: Callable[[Extraction], None]
) -> None:
    extraction = make_extraction()
    spoil(extraction)
    with pytest.raises(StoreError):
        store.save_extraction(extraction)
    assert store.count_documents() == 0
    assert not store.has_document(extraction.document.id)
    assert store.documents_without_extraction() == []


@pytest.mark.parametrize(("case", "spoil"), FAILURES, ids=[c for c, _ in FAILURES])
def test_failed_resave_keeps_the_earlier_extraction(
    store: Store, make_extraction: Callable[..., Extraction], case: str, spoil: Callable[[Extraction], None]
) -> None:
    good = make_extraction()
    store.save_extraction(good)
    bad: Extraction = copy.deepcopy(good)
    bad.entities.reverse()
    spoil(bad)
    with pytest.raises(StoreError):
        store.save_extraction(bad)
    assert store.get_extraction(good.document.id) == good
    # and the store still takes writes afterwards
    store.save_extraction(Extraction(document=good.document, skipped="retry"))
    assert store.get_extraction(good.document.id).skipped == "retry"


def test_store_error_names_the_document(store: Store, make_extraction: Callable[..., Extraction]) -> None:
    extraction = make_extraction()
    _bad_evidence(extraction)
    with pytest.raises(StoreError, match=extraction.document.id) as info:
        store.save_extraction(extraction)
    message: Any = str(info.value)
    assert "start" in message
