"""HTML pages: main text and metadata via trafilatura/htmldate, with a plain strip as fallback."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

import lxml.etree
import lxml.html

from materiel.errors import InputError
from materiel.ingest.dates import parse_date

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
        "td",
        "th",
        "title",
    ]
)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
_SPACES = re.compile(r"[ \t\f\v]+")


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    sitename: str | None = None


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(html|head|body|p|div|article)[\s>]", head)
    )


def strip_html(markup: str) -> str:
    """Visible text of an HTML fragment or page, one line per block element."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in root.iter(*_DROP_TAGS):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            el.text = ""
            continue
        tag = el.tag.lower()
        if tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _title_of(markup: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    if not match:
        return None
    title = strip_html(f"<p>{match.group(1)}</p>") or None
    return title


def _htmldate(markup: str, url: str | None) -> date | None:
    try:
        import htmldate

        # A parsed tree, never a string: htmldate downloads a string that looks like a URL.
        tree = lxml.html.fromstring(markup)
        found = htmldate.find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception as exc:  # a third-party parser on untrusted markup: never fatal
        log.debug("htmldate failed on %s: %s", url, exc)
        return None
    return parse_date(found) if isinstance(found, str) else None


def read_html(markup: str, source: str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of an HTML page; InputError if no text can be found."""
    extracted = None
    try:
        import trafilatura

        extracted = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # a third-party parser on untrusted markup: fall back to a plain strip
        log.debug("trafilatura failed on %s: %s", source, exc)
    if extracted is not None and not isinstance(extracted, dict) and (extracted.text or "").strip():
        published = parse_date(extracted.date) if extracted.date else None
        return HtmlPage(
            text=extracted.text or "",
            title=(extracted.title or "").strip() or _title_of(markup),
            author=(extracted.author or "").strip() or None,
            published=published,
            sitename=(extracted.sitename or "").strip() or None,
        )
    text = strip_html(markup)
    if not text.strip():
        raise InputError("no readable text in the HTML page", source=source)
    return HtmlPage(text=text, title=_title_of(markup), published=_htmldate(markup, url))
