"""Bad inputs: each gives one clear line naming the input and the reason, never a traceback."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from materiel.errors import InputError
from materiel.ingest import IngestFailure, IngestOptions, read_inputs, read_one
from materiel.model import Document


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return make


def _missing(tmp: Path) -> Path:
    return tmp / "no-such-report.txt"


# (maker of the bad input, options, words the reason must contain)
BAD_INPUTS = [
    pytest.param(_write("empty.txt", b""), IngestOptions(), ["empty"], id="empty-file"),
    pytest.param(_write("blank.txt", b"  \n\t\n   \n"), IngestOptions(), ["empty"], id="whitespace-only"),
    pytest.param(
        _write("chrome.txt", b"Click to Hide\n\nPlease read our comment policy before commenting.\n"),
        IngestOptions(),
        ["no text left after removing page furniture"],
        id="furniture-only",
    ),
    pytest.param(
        _write("blob.txt", b"abc\x00\x01\x02def\x00" * 20),
        IngestOptions(),
        ["binary", "NUL"],
        id="binary-nul",
    ),
    pytest.param(
        _write("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        IngestOptions(),
        ["binary", "PDF"],
        id="binary-pdf",
    ),
    pytest.param(_missing, IngestOptions(), ["no such file"], id="missing-path"),
    pytest.param(
        _write("big.txt", b"word " * 400),
        IngestOptions(max_bytes=1000),
        ["over the limit of 1000 bytes"],
        id="over-max-bytes",
    ),
    pytest.param(
        _write("bad.json", b'{"text": "unterminated'),
        IngestOptions(),
        ["not valid JSON", "line 1"],
        id="malformed-json",
    ),
    pytest.param(
        _write("shape.json", b'"just a string"'),
        IngestOptions(),
        ["expected a JSON object"],
        id="json-wrong-shape",
    ),
    pytest.param(
        _write("notext.json", b'{"title": "Headline only"}'),
        IngestOptions(),
        ["field 'text' is missing"],
        id="json-without-text",
    ),
    pytest.param(
        _write("empty.html", b"<html><head></head><body>  </body></html>"),
        IngestOptions(),
        ["no readable text"],
        id="html-without-text",
    ),
    pytest.param(
        _write("broken.rss", b"<rss><channel><title>Half a feed</ti"),
        IngestOptions(),
        ["broken feed"],
        id="broken-feed",
    ),
    pytest.param(
        _write(
            "nothing.xml",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        ),
        IngestOptions(),
        ["feed has no items"],
        id="feed-without-items",
    ),
]


@pytest.mark.parametrize(("make", "options", "words"), BAD_INPUTS)
def test_bad_input_is_one_clear_failure(
    tmp_path: Path, make: Callable[[Path], Path], options: IngestOptions, words: list[str]
) -> None:
    path = str(make(tmp_path))
    results = list(read_inputs([path], options))
    assert len(results) == 1
    (failure,) = results
    assert isinstance(failure, IngestFailure)
    assert failure.input.startswith(path)
    assert "\n" not in failure.reason and "Traceback" not in failure.reason
    for word in words:
        assert word in failure.reason
    with pytest.raises(InputError) as info:
        read_one(path, options)
    assert str(info.value).startswith(path)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="file permissions do not stop root (or non-POSIX systems) from reading",
)
def test_unreadable_path(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Secret report text.", encoding="utf-8")
    path.chmod(0)
    try:
        (failure,) = list(read_inputs([str(path)]))
    finally:
        path.chmod(0o600)
    assert isinstance(failure, IngestFailure)
    assert "permission denied" in failure.reason


def test_failures_do_not_stop_the_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A short report of a seized shipment.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = list(read_inputs([str(tmp_path / "missing.txt"), str(empty), str(good)]))
    assert [type(r) for r in results] == [IngestFailure, IngestFailure, Document]


def test_read_one_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_one(str(tmp_path))


def test_bad_user_furniture_file_is_reported(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("remove:\n  - pattern: '(unclosed'\n", encoding="utf-8")
    (failure,) = list(read_inputs(["whatever.txt"], IngestOptions(furniture=(str(extra),))))
    assert isinstance(failure, IngestFailure)
    assert failure.input == f"{extra}:2"
    assert "field 'pattern'" in failure.reason


def test_an_unreadable_date_keeps_the_document_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "date.json"
    path.write_text('{"text": "Body of a report.", "published": "sometime"}', encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert doc.published is None
    assert any("field 'published'" in w and "sometime" in w for w in doc.meta["warnings"])


@pytest.mark.parametrize(
    ("value", "expected", "precision"), [("2023-12", "2023-12-01", "month"), ("2021", "2021-01-01", "year")]
)
def test_a_year_or_month_alone_is_its_first_day(
    tmp_path: Path, value: str, expected: str, precision: str
) -> None:
    path = tmp_path / "partial.json"
    path.write_text(json.dumps({"text": "Body of a report.", "published": value}), encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert doc.published is not None and doc.published.isoformat() == expected
    assert doc.meta["published_precision"] == precision
