"""The extraction batch: empty, long, non-English and broken inputs, and the JSON contract."""

from __future__ import annotations

import json

from materiel.errors import ExtractionError
from materiel.extract import extract_documents
from materiel.extract.pipeline import split_pieces
from materiel.model import Document

SENTENCE = "Iran sent attack drones to Russia last spring, officials said. "


def test_empty_text_gives_an_empty_result() -> None:
    (result,) = extract_documents([Document.from_text("   ")])
    assert not isinstance(result, ExtractionError)
    assert result.entities == [] and result.events == []


def test_non_english_is_skipped_with_a_reason() -> None:
    german = (
        "Die Bundesregierung hat am Montag neue Sanktionen gegen mehrere Unternehmen beschlossen, die "
        "nach Angaben des Ministeriums Bauteile für Drohnen geliefert haben sollen. Die Opposition "
        "kritisierte die Entscheidung als zu spät und forderte weitere Maßnahmen gegen die Lieferketten."
    )
    (result,) = extract_documents([Document.from_text(german)])
    assert not isinstance(result, ExtractionError)
    assert result.skipped and "not English" in result.skipped
    assert result.events == []


def test_long_document_is_cut_in_pieces_without_losing_spans() -> None:
    filler = "The committee met again to discuss its budget and its calendar for the year ahead. " * 40
    text = "\n\n".join([filler, SENTENCE, filler, SENTENCE.replace("Iran", "Belarus"), filler] * 3)
    document = Document.from_text(text)
    assert len(split_pieces(document.text, 5_000)) > 1
    (result,) = extract_documents([document])
    assert not isinstance(result, ExtractionError)
    suppliers = {e.roles["supplier"] for e in result.events if e.type == "arms_transfer"}
    assert suppliers == {"state:IR", "state:BY"}
    for event in result.events:
        for ev in event.evidence:
            assert document.text[ev.start : ev.end] == ev.text
    for entity in result.entities:
        for m in entity.mentions:
            assert document.text[m.start : m.end] == m.text


def test_split_pieces_cover_the_text() -> None:
    text = ("word " * 3000 + "\n\n") * 5
    pieces = split_pieces(text, 4_000)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 4_000 for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_batch_keeps_order_and_goes_on() -> None:
    docs = [
        Document.from_text(SENTENCE),
        Document.from_text(""),
        Document.from_text("North Korea sent shells to Russia."),
    ]
    results = list(extract_documents(docs, batch_size=2))
    assert [r.document.id for r in results if not isinstance(r, ExtractionError)] == [d.id for d in docs]


def test_contract_shape() -> None:
    (result,) = extract_documents([Document.from_text(SENTENCE, source_path="docs/x.json")])
    assert not isinstance(result, ExtractionError)
    record = json.loads(json.dumps(result.to_dict()))
    assert set(record) == {"document", "entities", "events"}
    assert record["document"]["source_path"] == "docs/x.json"
    ids = {e["id"] for e in record["entities"]}
    (transfer,) = [e for e in record["events"] if e["type"] == "arms_transfer"]
    for key in (
        "supplier",
        "recipient",
        "items",
        "consideration",
        "brokers",
        "declared_destinations",
        "status",
        "when",
        "asserted_by",
        "denied_by",
        "evidence",
    ):
        assert key in transfer
    assert transfer["supplier"] in ids and transfer["recipient"] in ids
    assert transfer["items"][0]["category"] == "uav"
