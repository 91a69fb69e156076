"""The shared dev documents ingest with the title, publisher and date their files give."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from materiel.ingest import IngestFailure, IngestOptions, expand_inputs, read_inputs
from materiel.model import Document, normalise_text


def test_dev_docs_ingest_with_their_metadata(shared_docs: Path) -> None:
    given = os.path.relpath(shared_docs)
    results = list(read_inputs([given]))
    assert not [r for r in results if isinstance(r, IngestFailure)]
    docs = [r for r in results if isinstance(r, Document)]
    paths = expand_inputs([given], IngestOptions())
    assert [d.source_path for d in docs] == paths
    assert paths == sorted(paths) and all(p.startswith(given) for p in paths)
    for doc in docs:
        assert doc.source_path is not None
        record = json.loads(Path(doc.source_path).read_text(encoding="utf-8"))
        assert doc.title == record["title"]
        assert doc.publisher == record["source"]
        expected = date.fromisoformat(record["published"]) if record.get("published") else None
        assert doc.published == expected
        assert doc.url == record["url"]
        assert doc.language == "en"
        assert doc.text  # non-empty


def test_dev_doc_furniture_is_removed_and_offsets_before_it_kept(shared_docs: Path) -> None:
    path = shared_docs / "000.json"
    raw = json.loads(path.read_text(encoding="utf-8"))["text"]
    (doc,) = [r for r in read_inputs([str(path)]) if isinstance(r, Document)]
    assert "comment policy" not in doc.text and "can be reached at" not in doc.text
    assert doc.text.endswith("supporting the Russian invasion.")
    # The furniture was only at the end: every offset in the normalised text is unchanged.
    assert normalise_text(raw).startswith(doc.text)
