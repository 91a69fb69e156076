"""URLs and feeds over HTTP, against a local server on 127.0.0.1."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from materiel.errors import InputError
from materiel.ingest import IngestFailure, IngestOptions, read_inputs, read_one
from materiel.model import Document

if TYPE_CHECKING:
    from conftest import LocalServer


def test_html_page_by_url(server: LocalServer) -> None:
    url = server.url("/article.html")
    (doc,) = read_one(url)
    assert (doc.url, doc.source_path) == (url, None)
    assert doc.title == "Drone engines seized at Marrow airport"
    assert doc.published == date(2024, 2, 11)
    assert "lawn-mower spares" in doc.text


def test_redirect_within_limit_is_followed(server: LocalServer) -> None:
    (doc,) = read_one(server.url("/hop"))
    assert doc.url == server.url("/hop")
    assert doc.meta["final_url"] == server.url("/article.html")


def test_feed_items_with_bodies(server: LocalServer) -> None:
    docs = read_one(server.url("/feed-full.xml"))
    assert [d.title for d in docs] == ["Ostravia lists two shipping firms", "Kessel denies buying rockets"]
    assert all(d.publisher == "Kessel Monitor" and d.source_path is None for d in docs)


def test_feed_item_without_body_fetches_its_link(server: LocalServer) -> None:
    results = list(read_inputs([server.url("/feed-links.xml")]))
    doc, failure = results
    assert isinstance(doc, Document)
    assert doc.title == "Convoy stopped"  # the feed's title for the item
    assert doc.publisher == "Border Wire"
    assert doc.published == date(2024, 3, 7)
    assert doc.url == server.url("/linked.html")
    assert "anti-tank" in doc.text and "launchers hidden under sacks of grain" in doc.text
    assert isinstance(failure, IngestFailure)
    assert failure.input == server.url("/missing")
    assert "404" in failure.reason and "linked from" in failure.reason


@pytest.mark.parametrize(
    ("media_path", "title"),
    [
        pytest.param("/plain", "Freighter held at Port Veltra over undeclared rifle crates", id="text/plain"),
        pytest.param("/records.jsonl", "Tanker turned back", id="ndjson"),
    ],
)
def test_content_type_decides_the_reader(server: LocalServer, media_path: str, title: str) -> None:
    docs = read_one(server.url(media_path))
    assert docs[0].title == title


# (path, options, words the failure must contain)
URL_FAILURES = [
    pytest.param("/slow", IngestOptions(timeout_s=0.3), ["timed out"], id="timeout"),
    pytest.param("/loop", IngestOptions(max_redirects=3), ["more than 3 redirects"], id="redirect-loop"),
    pytest.param("/big", IngestOptions(max_bytes=1000), ["over the limit of 1000 bytes"], id="oversize"),
    pytest.param(
        "/big-stream",
        IngestOptions(max_bytes=1000),
        ["over the limit of 1000 bytes"],
        id="oversize-without-length",
    ),
    pytest.param("/error", IngestOptions(), ["HTTP error 500"], id="http-500"),
    pytest.param("/missing", IngestOptions(), ["HTTP error 404"], id="http-404"),
    pytest.param("/image.png", IngestOptions(), ["unsupported content type", "image/png"], id="image"),
]


@pytest.mark.parametrize(("path", "options", "words"), URL_FAILURES)
def test_url_failures_are_one_clear_line(
    server: LocalServer, path: str, options: IngestOptions, words: list[str]
) -> None:
    url = server.url(path)
    (failure,) = list(read_inputs([url], options))
    assert isinstance(failure, IngestFailure)
    assert failure.input == url
    assert "\n" not in failure.reason
    for word in words:
        assert word in failure.reason
    with pytest.raises(InputError):
        read_one(url, options)


def test_unreachable_port_fails_cleanly() -> None:
    (failure,) = list(read_inputs(["http://127.0.0.1:9/nothing"], IngestOptions(timeout_s=2)))
    assert isinstance(failure, IngestFailure)
    assert "connect" in failure.reason or "timed out" in failure.reason


def test_failure_does_not_stop_the_next_input(server: LocalServer) -> None:
    results = list(read_inputs([server.url("/error"), server.url("/article.html")]))
    assert [type(r).__name__ for r in results] == ["IngestFailure", "Document"]
