"""Helpers for extraction tests: run the real pipeline on sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from materiel.extract import extract_document
from materiel.model import Document, Extraction

ANCHOR = date(2024, 5, 10)


def actor_name(extraction: Extraction, entity_id: str | None) -> str | None:
    """A state as its ISO code, anything else by name, as the scorer reads actors."""
    for entity in extraction.entities:
        if entity.id == entity_id:
            return entity.country if entity.kind == "state" else entity.name
    return None


@pytest.fixture(scope="session")
def extract() -> Callable[[str], Extraction]:
    def run(text: str, published: date | None = ANCHOR) -> Extraction:
        return extract_document(Document.from_text(text, published=published, source_path="test.txt"))

    return run


def transfers(extraction: Extraction) -> list[dict[str, Any]]:
    out = []
    for event in extraction.events:
        if event.type == "arms_transfer":
            d = event.to_dict()
            d["supplier"] = actor_name(extraction, d["supplier"])
            d["recipient"] = actor_name(extraction, d["recipient"])
            d["brokers"] = [actor_name(extraction, b) for b in d["brokers"]]
            d["categories"] = sorted({i["category"] for i in d["items"]})
            out.append(d)
    return out


def pairs(extraction: Extraction) -> set[tuple[str | None, str | None]]:
    return {(t["supplier"], t["recipient"]) for t in transfers(extraction)}
