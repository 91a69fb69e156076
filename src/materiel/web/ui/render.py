"""Rendering pages: one Jinja2 environment with autoescaping on for every template.

Every value a template prints is escaped unless a template says otherwise, and none does for
document text, names or list data: a document containing ``<script>`` shows it as text.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from materiel import __version__

TEMPLATES = Path(__file__).resolve().parent.parent / "data" / "templates"

VERDICT_WORDS = {
    "breach": "breach",
    "possible_breach": "possible breach",
    "needs_classification": "needs classification",
    "not_covered": "not covered",
}


def _date(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value else ""


def _words(value: Any) -> str:
    return str(value or "").replace("_", " ")


def _path(value: Any) -> str:
    """A value safe inside one URL path segment (``state:KP`` stays readable)."""
    return quote(str(value), safe=":@-._~")


def _score(value: Any) -> str:
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return ""


def _http_url(value: Any) -> str:
    """The value if it is an http(s) URL, else empty (never a ``javascript:`` link)."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        date=_date,
        words=_words,
        path=_path,
        score=_score,
        http_url=_http_url,
        verdict=lambda v: VERDICT_WORDS.get(str(v), _words(v)),
    )
    env.globals.update(version=__version__)
    return env


ENV = make_env()


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The template rendered with ``context`` (and the request, for the search box)."""
    context.setdefault("q", request.query_params.get("q", ""))
    context.setdefault("title", "materiel")
    html = ENV.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status, title=f"{status}", code=status, message=message)


__all__ = ["ENV", "error_page", "render"]
