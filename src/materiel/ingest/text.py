"""Plain-text documents: the first line is the title when it reads like a headline."""

from __future__ import annotations

from materiel.ingest.build import Context, make_document
from materiel.model import Document

# A headline is one short line without closing punctuation, followed by more text.
_MAX_TITLE_CHARS = 150
_MAX_TITLE_WORDS = 25
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "…")


def headline(text: str, ctx: Context) -> str | None:
    """The first non-blank line of ``text`` if it looks like a headline, else None."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not ctx.furniture.is_furniture(line)]
    if len(lines) < 2:
        return None
    first = lines[0]
    if (
        len(first) > _MAX_TITLE_CHARS
        or len(first.split()) > _MAX_TITLE_WORDS
        or first.rstrip("\"'”’)]").endswith(_SENTENCE_END)
        or ctx.furniture.is_dateline(first)
        or first[0] in "-•*("
    ):
        return None
    return first


def read_text(
    text: str, ctx: Context, *, label: str, source_path: str | None = None, url: str | None = None
) -> Document:
    return make_document(text, ctx, label=label, source_path=source_path, url=url, title=headline(text, ctx))
