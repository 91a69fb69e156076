"""RSS and Atom feeds: each item a document; an item without a body is read from its link.

feedparser is only ever given bytes, so it never fetches anything itself; linked pages are
fetched through ``materiel.ingest.http`` with the same limits as any other URL.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import feedparser

from materiel.errors import InputError
from materiel.ingest.build import Context, make_document
from materiel.ingest.dates import struct_date
from materiel.ingest.html import looks_like_html, strip_html
from materiel.ingest.options import IngestFailure
from materiel.model import Document

Result = Document | IngestFailure
PageReader = Callable[[str], list[Result]]

# An item body of fewer words than this is a teaser, not the article: the linked page is read.
MIN_BODY_WORDS = 12

_EMAIL_NAME = re.compile(r"\S+@\S+\s*\(([^()]+)\)")


def looks_like_feed(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return bool(re.search(r"<(rss|feed|rdf:rdf)[\s>]", head)) and not head.startswith(
        ("<!doctype html", "<html")
    )


def _body(entry: Any) -> str:
    values: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        values.append((str(content.get("value") or ""), str(content.get("type") or "")))
    if not values and entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        values.append((str(entry.get("summary")), str(detail.get("type") or "")))
    parts = []
    for value, kind in values:
        is_html = "html" in kind or looks_like_html(value) or bool(re.search(r"<[a-z][^>]*>", value))
        parts.append(strip_html(value) if is_html else value)
    return "\n\n".join(p for p in parts if p.strip())


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _author(value: Any) -> str | None:
    """An RSS author is often "email (Name)": the name alone then."""
    text = _text(value)
    if text is None:
        return None
    match = _EMAIL_NAME.fullmatch(text)
    return match.group(1).strip() if match else text


def read_feed(
    data: bytes, ctx: Context, *, label: str, source_path: str | None, read_page: PageReader
) -> list[Result]:
    """Documents of the feed's items; ``read_page`` reads the link of an item that has no body."""
    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise InputError(f"broken feed: {problem}" if problem else "broken feed", source=label)
        raise InputError("empty: the feed has no items", source=label)
    feed_info = parsed.get("feed") or {}
    feed_title = _text(feed_info.get("title"))
    out: list[Result] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{label}#{number}"
        link = _text(entry.get("link"))
        title = _text(entry.get("title"))
        author = _author(entry.get("author"))
        published = struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        meta: dict[str, Any] = {"feed": label, "feed_item": number}
        body = _body(entry)
        if len(body.split()) >= MIN_BODY_WORDS:
            try:
                out.append(
                    make_document(
                        body,
                        ctx,
                        label=where,
                        source_path=source_path,
                        url=link,
                        title=title,
                        publisher=feed_title,
                        author=author,
                        published=published,
                        meta=meta,
                    )
                )
            except InputError as exc:
                out.append(IngestFailure(where, exc.message))
            continue
        if link is None:
            out.append(IngestFailure(where, "feed item has no text and no link to read it from"))
            continue
        for page in read_page(link):
            if isinstance(page, IngestFailure):
                out.append(IngestFailure(page.input, f"{page.reason} (linked from {where})"))
                continue
            out.append(
                dataclasses.replace(
                    page,
                    source_path=source_path,
                    title=title or page.title,
                    publisher=feed_title or page.publisher,
                    author=author or page.author,
                    published=published or page.published,
                    meta={**page.meta, **meta},
                )
            )
    return out
