"""Document ingestion: text, HTML, JSON/JSONL, RSS/Atom feeds, http(s) URLs and directories.

``read_inputs`` yields a ``Document`` per document read and an ``IngestFailure`` (one human line)
per input or record that could not be read, and always goes on with the next one. ``read_one``
reads a single file or URL and raises ``InputError`` instead.

Metadata precedence: what the input says (JSON fields, HTML metadata, feed items) wins; then a
newspaper dateline at the top of the text (kept in the text, see ``data/furniture.yaml``); then
``IngestOptions``. Page furniture (whole lines listed in ``data/furniture.yaml`` and the user's
furniture files) is removed from the text of every reader.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from materiel.errors import InputError
from materiel.ingest.build import Context
from materiel.ingest.furniture import Furniture, load_furniture
from materiel.ingest.options import IngestFailure, IngestOptions
from materiel.ingest.readers import read_source
from materiel.ingest.walk import expand_inputs, is_directory, walk_directory
from materiel.model import Document


def read_one(input: str, options: IngestOptions | None = None) -> list[Document]:
    """All documents of one file or URL; InputError (``source=input``) if any part fails."""
    ctx = Context.of(options or IngestOptions())
    if is_directory(input):
        raise InputError("is a directory (use read_inputs to walk it)", source=input)
    docs: list[Document] = []
    for result in read_source(input, ctx):
        if isinstance(result, IngestFailure):
            raise InputError(result.reason, source=result.input)
        docs.append(result)
    return docs


def read_inputs(
    inputs: Sequence[str], options: IngestOptions | None = None
) -> Iterator[Document | IngestFailure]:
    """Documents of every input in order, with a failure line for each one that cannot be read.

    Directories are walked (see ``expand_inputs``); a directory with nothing to read is a failure.
    A bad furniture file named in the options is reported once, as a failure, and nothing is read.
    """
    options = options or IngestOptions()
    try:
        ctx = Context.of(options)
    except InputError as exc:
        yield IngestFailure(exc.source or "furniture", exc.message)
        return
    for value in inputs:
        if is_directory(value):
            files = list(walk_directory(value, options))
            if not files:
                yield IngestFailure(value, "directory has no files to read (after include/exclude)")
            for path in files:
                yield from _read(path, ctx)
        else:
            yield from _read(value, ctx)


def _read(source: str, ctx: Context) -> Iterator[Document | IngestFailure]:
    try:
        yield from read_source(source, ctx)
    except InputError as exc:
        yield IngestFailure(exc.source or source, exc.message)


__all__ = [
    "Furniture",
    "IngestFailure",
    "IngestOptions",
    "expand_inputs",
    "load_furniture",
    "read_inputs",
    "read_one",
]
