"""The analyst brief: one self-contained HTML file from the cross-document picture.

    from materiel.graph.brief import write_brief
    result = write_brief(picture, "brief.html", between=("KP", "RU"), pdf=True)
    print(result.html, result.pdf or result.note)

The brief has key judgements with confidence (``content.py`` says how it is set), a timeline and
a network drawn as inline SVG (``figures.py``), tables of transfers with verdicts, designations
and denials, and a numbered source list; every sentence that states a fact cites its sources as
``[n]``. The template (``data/brief.html.j2``) escapes everything it prints, document text
included, and loads nothing: no scripts, fonts, stylesheets or images from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from materiel.graph.brief.pdf import print_pdf
from materiel.graph.brief.select import Focus, focus
from materiel.graph.brief.view import BriefView, build_view
from materiel.graph.records import Picture


@dataclass(slots=True)
class BriefResult:
    html: Path
    pdf: Path | None
    note: str | None  # why no PDF was written, when one was asked for
    view: BriefView


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("materiel.graph.brief", "data"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "css"), default=True),
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def render_view(view: BriefView) -> str:
    return _environment().get_template("brief.html.j2").render(v=view)


def render_brief(
    picture: Picture,
    entity: str | None = None,
    between: tuple[str, str] | None = None,
    today: date | None = None,
) -> tuple[str, BriefView]:
    """The brief's HTML and the values it shows, for the whole picture, an entity or a pair."""
    view = build_view(focus(picture, entity=entity, between=between), today=today)
    return render_view(view), view


def write_brief(
    picture: Picture,
    out_path: str | Path,
    entity: str | None = None,
    between: tuple[str, str] | None = None,
    pdf: bool = False,
    today: date | None = None,
) -> BriefResult:
    """Write the HTML brief to ``out_path`` (and, with ``pdf``, a PDF beside it where a local
    browser can print one; otherwise ``note`` says why not)."""
    html, view = render_brief(picture, entity=entity, between=between, today=today)
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    pdf_path: Path | None = None
    note: str | None = None
    if pdf:
        target = path.with_suffix(".pdf")
        note = print_pdf(path, target)
        pdf_path = None if note else target
    return BriefResult(path, pdf_path, note, view)


__all__ = ["BriefResult", "BriefView", "Focus", "focus", "render_brief", "write_brief"]
