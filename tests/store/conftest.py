"""Records built by hand for the store tests: documents and a full extraction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from materiel.model import (
    Document,
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Extraction,
    Item,
    ItemCategory,
    Mention,
    TimeSpan,
    TransferStatus,
)

REPORT = (
    "Iran delivered Shahab drones to Russia in March 2023, according to Ukrainian officials.\n"
    "Tehran denied the transfer. The US Treasury designated Qods Aviation Industries."
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build_extraction(text: str = REPORT, **doc_fields: object) -> Extraction:
    """An extraction with every kind of record of ``materiel.model``, spans taken from ``text``."""
    doc = Document.from_text(text, **doc_fields)
    t = doc.text

    def mention(phrase: str) -> Mention:
        s, e = _span(t, phrase)
        return Mention(s, e, phrase)

    def evidence(phrase: str) -> Evidence:
        s, e = _span(t, phrase)
        return Evidence(s, e, phrase, doc.id)

    entities = [
        Entity(
            "e1",
            EntityKind.STATE,
            "Iran",
            "IR",
            aliases=["Tehran"],
            mentions=[mention("Iran"), mention("Tehran")],
        ),
        Entity("e2", EntityKind.STATE, "Russia", "RU", mentions=[mention("Russia")]),
        Entity(
            "e3",
            EntityKind.ORGANIZATION,
            "Qods Aviation Industries",
            "IR",
            mentions=[mention("Qods Aviation Industries")],
            attributes={"sector": "aerospace", "founded": date(1985, 1, 1), "tags": ["uav", 3]},
        ),
        Entity("e4", EntityKind.STATE, "United States", "US", mentions=[mention("US")]),
    ]
    events = [
        Event(
            "v1",
            EventType.ARMS_TRANSFER,
            evidence=[evidence("Iran delivered Shahab drones to Russia in March 2023")],
            status=TransferStatus.DELIVERED,
            when=TimeSpan(date(2023, 3, 1), date(2023, 3, 31), "March 2023"),
            asserted_by=["Ukrainian officials"],
            denied_by=["e1"],
            roles={
                "supplier": "e1",
                "recipient": "e2",
                "items": [Item("Shahab drones", ItemCategory.UAV, None)],
                "consideration": None,
                "brokers": [],
                "declared_destinations": [],
                "use": None,
            },
        ),
        Event(
            "v2",
            EventType.DENIAL,
            evidence=[evidence("Tehran denied the transfer")],
            roles={"party": "e1", "subject": "v1"},
        ),
        Event(
            "v3",
            EventType.DESIGNATION,
            evidence=[evidence("The US Treasury designated"), evidence("Qods Aviation Industries")],
            hypothetical=True,
            negated=False,
            roles={
                "authority": "e4",
                "target": "e3",
                "basis": None,
                "reason": "drones",
                "on": date(2023, 5, 2),
            },
        ),
    ]
    return Extraction(document=doc, entities=entities, events=events)


@pytest.fixture
def make_extraction() -> Callable[..., Extraction]:
    """Builds an extraction of a text (default: a short report) with every record kind."""
    return build_extraction


@pytest.fixture
def make_document() -> Callable[..., Document]:
    """Builds a document from a text and metadata fields."""

    def make(text: str, **fields: object) -> Document:
        return Document.from_text(text, **fields)

    return make
