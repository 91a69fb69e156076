"""Documents in the store: round trip, idempotent adds, id prefixes, listing filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from materiel.errors import NotFoundError
from materiel.model import Document
from materiel.store import Store


def test_document_round_trip_keeps_every_field(store: Store) -> None:
    doc = Document.from_text(
        "  Arms shipment  seized in Port Sudan.\r\n\r\n\r\nCrates of rifles.  ",
        source_path="/data/report.html",
        url="https://example.org/report",
        title="Shipment seized — Port Sudan",
        publisher="Conflict Armament Research",
        author="A. Analyst",
        published=date(2024, 2, 29),
        language="en",
        meta={"feed": "car", "retrieved": date(2024, 3, 1), "scores": [1, 2.5, None], "ok": True},
    )
    assert store.add_document(doc) is True
    assert store.get_document(doc.id) == doc
    assert store.has_document(doc.id)


def test_adding_the_same_document_twice_is_idempotent(
    store: Store, make_document: Callable[..., Document]
) -> None:
    doc = make_document("Rifles reached Khartoum.", publisher="First")
    again = Document(id=doc.id, text=doc.text, publisher="Second")
    assert store.add_document(doc) is True
    assert store.add_document(again) is False
    assert store.count_documents() == 1
    assert store.get_document(doc.id).publisher == "First"


def test_ingest_counts_new_and_present(store: Store, make_document: Callable[..., Document]) -> None:
    a, b, c = (make_document(t) for t in ("one report", "two report", "three report"))
    assert store.ingest([a, b]) == (2, 0)
    assert store.ingest([b, c, c]) == (1, 2)
    assert store.count_documents() == 3


def test_unknown_document_is_not_found(store: Store) -> None:
    assert not store.has_document("0123456789abcdef")
    with pytest.raises(NotFoundError, match="no document"):
        store.get_document("0123456789abcdef")


PREFIX_DOCS = ["abcdef0000000001", "abcdef1000000002", "abcdef1100000003", "123456789abcdef0"]


@pytest.mark.parametrize(
    ("query", "expected", "error"),
    [
        ("abcdef0000000001", "abcdef0000000001", None),  # full id
        ("abcdef0", "abcdef0000000001", None),  # unique prefix
        ("abcdef10", "abcdef1000000002", None),
        ("123456", "123456789abcdef0", None),  # exactly six characters
        ("12345", None, "at least 6"),  # too short for a prefix
        ("abcdef", None, "ambiguous"),  # three documents start with it
        ("abcdef1", None, "ambiguous"),
        ("ffffff", None, "no document"),
        ("abcde%", None, "no document"),  # LIKE wildcards are taken literally
        ("abcdef_", None, "no document"),
    ],
)
def test_get_document_by_id_prefix(store: Store, query: str, expected: str | None, error: str | None) -> None:
    for i, doc_id in enumerate(PREFIX_DOCS):
        store.add_document(Document(id=doc_id, text=f"text {i}"))
    if error is None:
        assert store.get_document(query).id == expected
    else:
        with pytest.raises(NotFoundError, match=error):
            store.get_document(query)


LISTED = [
    # (text, publisher, published)
    ("d1", "Reuters", date(2023, 1, 5)),
    ("d2", "Thomson Reuters Foundation", date(2023, 6, 1)),
    ("d3", "Al Jazeera", date(2023, 6, 1)),
    ("d4", "Conflict Armament Research", date(2024, 1, 1)),
    ("d5", None, date(2022, 12, 31)),
    ("d6", "reuters", None),
]
# d2 and d3 share a day, so they come in id order
SAME_DAY = sorted(["d2", "d3"], key=lambda t: Document.from_text(t).id)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["d5", "d1", *SAME_DAY, "d4", "d6"]),  # by date, undated last
        ({"publisher": "reuters"}, ["d1", "d2", "d6"]),
        ({"publisher": "REUTERS"}, ["d1", "d2", "d6"]),
        ({"publisher": "armament"}, ["d4"]),
        ({"publisher": "Bellingcat"}, []),
        ({"since": date(2023, 6, 1)}, [*SAME_DAY, "d4"]),
        ({"until": date(2023, 1, 5)}, ["d5", "d1"]),
        ({"since": date(2023, 1, 1), "until": date(2023, 12, 31)}, ["d1", *SAME_DAY]),
        ({"publisher": "reuters", "since": date(2023, 2, 1)}, ["d2"]),
        ({"limit": 2}, ["d5", "d1"]),
        ({"limit": 2, "offset": 2}, SAME_DAY),
        ({"offset": 5}, ["d6"]),
        ({"limit": 0}, []),
    ],
)
def test_list_documents_filters_and_order(store: Store, filters: dict[str, Any], expected: list[str]) -> None:
    by_id = {}
    for text, publisher, published in LISTED:
        doc = Document.from_text(text, publisher=publisher, published=published)
        store.add_document(doc)
        by_id[doc.id] = text
    assert [by_id[d.id] for d in store.list_documents(**filters)] == expected


def test_count_documents(store: Store, make_document: Callable[..., Document]) -> None:
    assert store.count_documents() == 0
    store.ingest(make_document(f"report number {i}") for i in range(7))
    assert store.count_documents() == 7
