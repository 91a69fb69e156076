"""Turning extracted text and metadata into a ``Document``: furniture, defaults, language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from materiel.errors import InputError
from materiel.ingest.furniture import Furniture, load_furniture
from materiel.ingest.options import IngestOptions
from materiel.model import Document, normalise_text

# Language detection looks at the opening of the text only.
_LANG_SAMPLE = 5000


@dataclass(frozen=True)
class Context:
    """What every reader needs: the options and the furniture filter they name."""

    options: IngestOptions
    furniture: Furniture

    @classmethod
    def of(cls, options: IngestOptions) -> Context:
        return cls(options, load_furniture(options.furniture))


@lru_cache(maxsize=1)
def _classifier() -> Any:
    try:
        import py3langid
    except ImportError:
        return None
    return py3langid.classify


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language via py3langid, or None if it is not installed."""
    classify = _classifier()
    if classify is None or not text.strip():
        return None
    lang, _score = classify(text[:_LANG_SAMPLE])
    return str(lang)


def _clean_str(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def make_document(
    text: str,
    ctx: Context,
    *,
    label: str,
    source_path: str | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    author: str | None = None,
    published: date | None = None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """A Document from raw text; InputError (source ``label``) if no text is left after furniture.

    Metadata the input gave wins; a dateline at the top of the text comes next; the options last.
    """
    raw_empty = not normalise_text(text)
    clean = normalise_text(ctx.furniture.clean(text))
    if not clean:
        reason = "empty: no text" if raw_empty else "no text left after removing page furniture"
        raise InputError(reason, source=label)
    dateline = ctx.furniture.find_dateline(clean)
    if dateline is not None:
        publisher = _clean_str(publisher) or dateline.publisher
        published = published or dateline.published
    options = ctx.options
    return Document.from_text(
        clean,
        source_path=source_path,
        url=url,
        title=_clean_str(title) or options.title,
        publisher=_clean_str(publisher) or options.publisher,
        author=_clean_str(author),
        published=published or options.published,
        language=detect_language(clean) if options.detect_language else None,
        meta=dict(meta or {}),
    )
