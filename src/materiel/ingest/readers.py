"""Reading one file or URL: pick the reader by extension, content type or content."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from materiel.errors import InputError
from materiel.ingest.build import Context, make_document
from materiel.ingest.decode import decode_bytes
from materiel.ingest.feed import looks_like_feed, read_feed
from materiel.ingest.html import looks_like_html, read_html
from materiel.ingest.http import fetch, is_url
from materiel.ingest.jsonfile import read_json, read_jsonl
from materiel.ingest.options import IngestFailure
from materiel.ingest.text import read_text
from materiel.model import Document

Result = Document | IngestFailure

_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/jsonlines": "jsonl",
    "application/ndjson": "jsonl",
    "text/plain": "text",
}


def sniff(text: str) -> str:
    """The kind of a decoded text whose name or media type does not say."""
    if looks_like_feed(text):
        return "feed"
    if looks_like_html(text):
        return "html"
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            first = stripped.split("\n", 1)[0]
            try:
                json.loads(first)
                return "jsonl"
            except json.JSONDecodeError:
                pass
    return "text"


def _read_content(
    data: bytes,
    kind: str | None,
    ctx: Context,
    *,
    label: str,
    source_path: str | None,
    url: str | None,
    charset: str | None = None,
    depth: int = 0,
) -> list[Result]:
    text = decode_bytes(data, label, declared=charset)  # refuses binary content for every kind
    kind = kind or sniff(text)
    if kind == "feed":
        if depth > 0:
            raise InputError("the page linked from a feed item is itself a feed", source=label)
        return read_feed(
            data,
            ctx,
            label=label,
            source_path=source_path,
            read_page=lambda link: _read_linked(link, ctx, depth + 1),
        )
    if kind == "html":
        page = read_html(text, label, url=url)
        return [
            make_document(
                page.text,
                ctx,
                label=label,
                source_path=source_path,
                url=url,
                title=page.title,
                publisher=page.sitename,
                author=page.author,
                published=page.published,
            )
        ]
    if kind == "json":
        return read_json(text, ctx, label=label, source_path=source_path, url=url)
    if kind == "jsonl":
        return read_jsonl(text, ctx, label=label, source_path=source_path, url=url)
    return [read_text(text, ctx, label=label, source_path=source_path, url=url)]


def _read_linked(url: str, ctx: Context, depth: int) -> list[Result]:
    try:
        return read_url(url, ctx, depth=depth)
    except InputError as exc:
        return [IngestFailure(exc.source or url, exc.message)]


def read_file(path: str, ctx: Context) -> list[Result]:
    """Documents of one file, ``path`` as the user gave it."""
    max_bytes = ctx.options.max_bytes
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory", source=path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file", source=path)
        if info.st_size > max_bytes:
            raise InputError(
                f"file is {info.st_size} bytes, over the limit of {max_bytes} bytes (max_bytes)",
                source=path,
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError("no such file or directory", source=path) from exc
    except PermissionError as exc:
        raise InputError("cannot read: permission denied", source=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=path) from exc
    if len(data) > max_bytes:
        raise InputError(f"file is over the limit of {max_bytes} bytes (max_bytes)", source=path)
    if not data.strip():
        raise InputError("empty: no text", source=path)
    kind = _BY_EXTENSION.get(Path(path).suffix.lower())
    return _read_content(data, kind, ctx, label=path, source_path=path, url=None)


def read_url(url: str, ctx: Context, depth: int = 0) -> list[Result]:
    """Documents of one http(s) URL; InputError for network and HTTP failures."""
    response = fetch(url, ctx.options)
    if not response.content.strip():
        raise InputError("empty: the response has no content", source=url)
    media = response.content_type
    kind = _BY_MEDIA_TYPE.get(media)
    if kind is None and media.endswith("+json"):
        kind = "json"
    elif kind is None and (media.endswith("+xml") or media in ("application/xml", "text/xml")):
        kind = None  # XML: a feed or XHTML, decided by the content
    elif kind is None and media and not media.startswith("text/") and media != "application/octet-stream":
        raise InputError(f"unsupported content type {media!r}", source=url)
    results = _read_content(
        response.content,
        kind,
        ctx,
        label=url,
        source_path=None,
        url=url,
        charset=response.charset,
        depth=depth,
    )
    if response.url != url:
        for result in results:
            if isinstance(result, Document):
                result.meta.setdefault("final_url", response.url)
    return results


def read_source(source: str, ctx: Context) -> list[Result]:
    """Documents of a file or URL, with failures of single records as IngestFailure."""
    if is_url(source):
        return read_url(source, ctx)
    return read_file(source, ctx)
