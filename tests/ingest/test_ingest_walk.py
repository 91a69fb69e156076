"""Directory walking: recursive, sorted, hidden entries skipped, include/exclude globs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from materiel.ingest import IngestFailure, IngestOptions, expand_inputs, read_inputs
from materiel.model import Document


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    files = {
        "b.txt": "Second report about a tanker.",
        "a.txt": "First report about a freighter.",
        "sub/c.json": '{"text": "Nested report about mortar rounds.", "title": "Nested"}',
        "sub/draft.txt": "A draft that analysts exclude.",
        ".hidden.txt": "Never read: hidden file.",
        ".git/config.txt": "Never read: hidden folder.",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "sub" / "photo.bin").write_bytes(b"\x00\x01\x02\x03" * 10)
    return root


def _rel(paths: list[str], root: Path) -> list[str]:
    return [os.path.relpath(p, root).replace(os.sep, "/") for p in paths]


WALK_CASES = [
    pytest.param(
        IngestOptions(), ["a.txt", "b.txt", "sub/c.json", "sub/draft.txt", "sub/photo.bin"], id="all"
    ),
    pytest.param(IngestOptions(include=("*.txt",)), ["a.txt", "b.txt", "sub/draft.txt"], id="include-name"),
    pytest.param(
        IngestOptions(include=("sub/*",)),
        ["sub/c.json", "sub/draft.txt", "sub/photo.bin"],
        id="include-relative-path",
    ),
    pytest.param(IngestOptions(exclude=("draft*", "*.bin")), ["a.txt", "b.txt", "sub/c.json"], id="exclude"),
    pytest.param(IngestOptions(include=("*.txt",), exclude=("sub/*",)), ["a.txt", "b.txt"], id="both"),
]


@pytest.mark.parametrize(("options", "expected"), WALK_CASES)
def test_expand_inputs_walks_directories(tree: Path, options: IngestOptions, expected: list[str]) -> None:
    assert _rel(expand_inputs([str(tree)], options), tree) == expected


def test_paths_keep_the_directory_as_given(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree.parent)
    assert expand_inputs(["reports", "http://127.0.0.1:1/x", "missing.txt"], IngestOptions())[:2] == [
        os.path.join("reports", "a.txt"),
        os.path.join("reports", "b.txt"),
    ]
    docs = [
        r for r in read_inputs(["reports"], IngestOptions(include=("c.json",))) if isinstance(r, Document)
    ]
    assert [d.source_path for d in docs] == [os.path.join("reports", "sub", "c.json")]


def test_files_and_urls_are_kept_in_order(tree: Path) -> None:
    inputs = ["http://127.0.0.1:1/feed.xml", str(tree / "a.txt"), "missing.txt"]
    assert expand_inputs(inputs, IngestOptions(include=("nothing",))) == inputs


def test_binary_file_in_a_directory_fails_alone(tree: Path) -> None:
    results = list(read_inputs([str(tree)]))
    failures = [r for r in results if isinstance(r, IngestFailure)]
    docs = [r for r in results if isinstance(r, Document)]
    assert [f.input for f in failures] == [str(tree / "sub" / "photo.bin")]
    assert "binary" in failures[0].reason
    assert len(docs) == 4
    assert all("Never read" not in d.text for d in docs)


def test_directory_with_nothing_to_read_is_a_failure(tree: Path) -> None:
    (failure,) = list(read_inputs([str(tree)], IngestOptions(include=("*.pdf",))))
    assert isinstance(failure, IngestFailure)
    assert failure.input == str(tree)
    assert "no files" in failure.reason
