"""One table per reader: what a user sees for text, HTML, JSON, JSONL and feed files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from materiel.ingest import IngestFailure, IngestOptions, read_inputs, read_one
from materiel.model import Document

FIXTURES = Path(__file__).parent / "fixtures"


def _docs(path: Path | str, options: IngestOptions | None = None) -> list[Document]:
    return read_one(str(path), options)


# (fixture file, expected title, publisher, published, author, a phrase in the text, phrase not in it)
SINGLE_DOC_CASES = [
    pytest.param(
        "article.txt",
        "Freighter held at Port Veltra over undeclared rifle crates",
        None,
        None,
        None,
        "crates of rifles listed on the manifest",
        "comment policy",
        id="text-headline-and-furniture",
    ),
    pytest.param(
        "article.html",
        "Drone engines seized at Marrow airport",
        "Ostravia Ledger",
        date(2024, 2, 11),
        "Ilse Varga",
        "forty small engines for unmanned aircraft",
        "do not include me",
        id="html",
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "publisher", "published", "author", "present", "absent"), SINGLE_DOC_CASES
)
def test_single_document_files(
    name: str,
    title: str,
    publisher: str | None,
    published: date | None,
    author: str | None,
    present: str,
    absent: str,
) -> None:
    (doc,) = _docs(FIXTURES / name)
    assert doc.title == title
    assert doc.publisher == publisher
    assert doc.published == published
    assert doc.author == author
    assert present in doc.text
    assert absent not in doc.text
    assert doc.source_path == str(FIXTURES / name)
    assert doc.language == "en"


TEXT_TITLE_CASES = [
    pytest.param("Short headline\n\nBody text follows here.", "Short headline", id="headline"),
    pytest.param("This first line is a sentence.\n\nBody.", None, id="sentence-is-not-a-title"),
    pytest.param("Only one line without a period", None, id="single-line-is-body-not-title"),
    pytest.param("- The Daily Ostravian - Monday, May 6, 2024\n\nBody.", None, id="dateline-is-not-a-title"),
    pytest.param("A" * 200 + "\n\nBody.", None, id="too-long"),
]


@pytest.mark.parametrize(("content", "title"), TEXT_TITLE_CASES)
def test_text_title_heuristic(tmp_path: Path, content: str, title: str | None) -> None:
    path = tmp_path / "note.txt"
    path.write_text(content, encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.title == title


def test_text_dateline_gives_publisher_and_date_and_stays_in_text(tmp_path: Path) -> None:
    path = tmp_path / "clip.txt"
    path.write_text(
        "- The Daily Ostravian - Monday, May 6, 2024\n\nThe ministry said so.\n", encoding="utf-8"
    )
    (doc,) = _docs(path)
    assert (doc.publisher, doc.published) == ("The Daily Ostravian", date(2024, 5, 6))
    assert doc.text.startswith("- The Daily Ostravian - Monday, May 6, 2024")


def test_options_fill_only_what_the_input_does_not_say(tmp_path: Path) -> None:
    options = IngestOptions(published=date(2020, 1, 1), publisher="Analyst notes", title="Fallback")
    path = tmp_path / "plain.txt"
    path.write_text("Just one sentence of body text.", encoding="utf-8")
    (doc,) = _docs(path, options)
    assert (doc.title, doc.publisher, doc.published) == ("Fallback", "Analyst notes", date(2020, 1, 1))
    (html,) = _docs(FIXTURES / "article.html", options)
    assert (html.title, html.publisher, html.published) == (
        "Drone engines seized at Marrow airport",
        "Ostravia Ledger",
        date(2024, 2, 11),
    )


# (file, expected [(title, publisher, published, author, meta subset)])
MULTI_DOC_CASES = [
    pytest.param(
        "records.jsonl",
        [
            ("Tanker turned back", "Ostravia Navy", date(2024, 1, 9), None, {"line": 1}),
            (None, "Kessel Trade Office", date(2024, 1, 9), "A. Mer, B. Lund", {"line": 2}),
        ],
        id="jsonl",
    ),
    pytest.param(
        "records.json",
        [
            (
                "Mortar rounds found",
                "Port Veltra Authority",
                date(2023, 11, 20),
                None,
                {"index": 0, "record_id": "a1"},
            ),
            ("Container origin", None, None, None, {"index": 1, "record_id": "a2"}),
        ],
        id="json-list",
    ),
    pytest.param(
        "feed_full.xml",
        [
            (
                "Ostravia lists two shipping firms",
                "Kessel Monitor",
                date(2024, 3, 5),
                "Pavel Dorn",
                {"feed_item": 1},
            ),
            ("Kessel denies buying rockets", "Kessel Monitor", date(2024, 3, 6), None, {"feed_item": 2}),
        ],
        id="rss",
    ),
    pytest.param(
        "feed_atom.atom",
        [
            (
                "Notice on dual-use engines",
                "Ostravia Customs Notices",
                date(2024, 4, 2),
                "Customs Press Office",
                {"feed_item": 1},
            )
        ],
        id="atom",
    ),
]


@pytest.mark.parametrize(("name", "expected"), MULTI_DOC_CASES)
def test_multi_document_files(name: str, expected: list[tuple[object, ...]]) -> None:
    docs = _docs(FIXTURES / name)
    got = [(d.title, d.publisher, d.published, d.author) for d in docs]
    assert got == [e[:4] for e in expected]
    for doc, exp in zip(docs, expected, strict=True):
        meta = exp[4]
        assert isinstance(meta, dict)
        assert meta.items() <= doc.meta.items()
        assert doc.source_path == str(FIXTURES / name)
        assert "<p>" not in doc.text


def test_feed_item_link_becomes_url() -> None:
    docs = _docs(FIXTURES / "feed_full.xml")
    assert [d.url for d in docs] == [
        "http://monitor.example/2024/03/listing",
        "http://monitor.example/2024/03/denial",
    ]


def test_jsonl_bad_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"text": "First good record about a shipment."}\n'
        '{"text": "broken\n'
        "\n"
        '{"title": "no text field"}\n'
        '{"text": "Bad date record.", "published": "the day after the parade"}\n'
        '{"text": "Last good record about a denial."}\n',
        encoding="utf-8",
    )
    results = list(read_inputs([str(path)]))
    docs = [r for r in results if isinstance(r, Document)]
    failures = [r for r in results if isinstance(r, IngestFailure)]
    assert [d.meta["line"] for d in docs] == [1, 5, 6]
    assert [f.input for f in failures] == [f"{path}:2", f"{path}:4"]
    assert "not valid JSON" in failures[0].reason
    assert "field 'text' is missing" in failures[1].reason
    assert docs[1].published is None  # an unreadable date costs the record its date, not its text
    assert "the day after the parade" in docs[1].meta["warnings"][0]


def test_read_one_raises_on_a_bad_record(tmp_path: Path) -> None:
    from materiel.errors import InputError

    path = tmp_path / "one.json"
    path.write_text('{"title": "No body"}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_one(str(path))
    assert info.value.source == str(path)
    assert "field 'text'" in info.value.message


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    html = tmp_path / "page.dat"
    html.write_bytes((FIXTURES / "article.html").read_bytes())
    feed = tmp_path / "feed.dat"
    feed.write_bytes((FIXTURES / "feed_full.xml").read_bytes())
    jsonl = tmp_path / "records.dat"
    jsonl.write_bytes((FIXTURES / "records.jsonl").read_bytes())
    assert _docs(html)[0].title == "Drone engines seized at Marrow airport"
    assert len(_docs(feed)) == 2
    assert len(_docs(jsonl)) == 2


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>Unclosed paragraph about <b>rifle crates<div>and more", encoding="utf-8"
    )
    (doc,) = _docs(path)
    assert "rifle crates" in doc.text
    assert "<" not in doc.text


def test_html_file_holding_only_a_url_is_read_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "link.html"
    path.write_text("http://127.0.0.1:9/must-not-be-fetched", encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.text == "http://127.0.0.1:9/must-not-be-fetched"
