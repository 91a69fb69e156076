"""JSON (one object or a list of objects) and JSON Lines documents.

Fields: ``text`` (required), ``title``, ``url``, ``published``, ``publisher`` or ``source``,
``author`` (a string or a list of strings). A record's ``id`` is kept as ``meta["record_id"]``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from materiel.errors import InputError
from materiel.ingest.build import Context, make_document
from materiel.ingest.dates import parse_date, parse_partial
from materiel.ingest.options import IngestFailure
from materiel.model import Document

Result = Document | IngestFailure


def _string(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"field '{name}' must be a string, not {type(value).__name__}", source=where)


def _author(record: dict[str, Any], where: str) -> str | None:
    value = record.get("author")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    return _string(record, "author", where)


def _published(record: dict[str, Any], meta: dict[str, Any]) -> date | None:
    """The publication date. A year or month alone ("2023-12") is its first day, with the precision
    noted in ``meta``; a value that is no date leaves the document undated with a warning in
    ``meta["warnings"]``: metadata never costs a document its text."""
    value = record.get("published")
    if value is None or value == "":
        return None
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        meta.setdefault("warnings", []).append(
            f"field 'published' must be a date string, not {type(value).__name__}; "
            "the document is kept without a date"
        )
        return None
    partial = parse_partial(text)
    if partial is not None:
        meta["published_precision"] = partial[1]
        return partial[0]
    parsed = parse_date(text)
    if parsed is None:
        meta.setdefault("warnings", []).append(
            f"field 'published': cannot read {text!r} as a date (use YYYY-MM-DD); "
            "the document is kept without a date"
        )
    return parsed


def record_document(
    record: Any,
    ctx: Context,
    *,
    where: str,
    source_path: str | None,
    url: str | None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """The document of one JSON record; InputError naming ``where`` and the field at fault."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, found {type(record).__name__}", source=where)
    text = record.get("text")
    if not isinstance(text, str):
        problem = "is missing" if text is None else f"must be a string, not {type(text).__name__}"
        raise InputError(f"field 'text' {problem}", source=where)
    publisher = _string(record, "publisher", where) or _string(record, "source", where)
    extra = dict(meta or {})
    record_id = record.get("id")
    if isinstance(record_id, str | int) and not isinstance(record_id, bool):
        extra["record_id"] = record_id
    return make_document(
        text,
        ctx,
        label=where,
        source_path=source_path,
        url=_string(record, "url", where) or url,
        title=_string(record, "title", where),
        publisher=publisher,
        author=_author(record, where),
        published=_published(record, extra),
        meta=extra,
    )


def _attempt(record: Any, ctx: Context, where: str, **kwargs: Any) -> Result:
    try:
        return record_document(record, ctx, where=where, **kwargs)
    except InputError as exc:
        return IngestFailure(where, exc.message)


def read_json(
    text: str, ctx: Context, *, label: str, source_path: str | None, url: str | None = None
) -> list[Result]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", source=label
        ) from exc
    if isinstance(data, dict):
        return [record_document(data, ctx, where=label, source_path=source_path, url=url)]
    if isinstance(data, list):
        if not data:
            raise InputError("empty: the JSON list holds no documents", source=label)
        return [
            _attempt(item, ctx, f"{label}[{i}]", source_path=source_path, url=url, meta={"index": i})
            for i, item in enumerate(data)
        ]
    raise InputError("expected a JSON object with a 'text' field or a list of such objects", source=label)


def read_jsonl(
    text: str, ctx: Context, *, label: str, source_path: str | None, url: str | None = None
) -> list[Result]:
    out: list[Result] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(IngestFailure(where, f"not valid JSON: {exc.msg} at column {exc.colno}"))
            continue
        out.append(_attempt(record, ctx, where, source_path=source_path, url=url, meta={"line": number}))
    if not out:
        raise InputError("empty: no JSON lines", source=label)
    return out
