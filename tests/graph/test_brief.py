"""The analyst brief: self-contained, escaped, cited, with its figures and tables."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_exports_picture import HOSTILE, make_picture

from materiel.errors import NotFoundError
from materiel.graph.brief import render_brief, write_brief
from materiel.graph.brief.content import confidence, legal_confidence
from materiel.graph.brief.pdf import find_browser
from materiel.graph.records import Picture

TODAY = date(2024, 6, 1)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each element by id."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _html(**kw: object) -> str:
    html, _ = render_brief(make_picture(), today=TODAY, **kw)  # type: ignore[arg-type]
    return html


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("kw", [{}, {"between": ("KP", "RU")}, {"entity": "person:ashot-mkrtychev"}])
def test_brief_loads_nothing_from_elsewhere(kw: dict[str, object]) -> None:
    html = _html(**kw)
    tags = _tags(html)
    names = {t for t, _ in tags}
    assert not names & {
        "script",
        "link",
        "iframe",
        "object",
        "embed",
        "img",
        "image",
        "use",
        "base",
        "meta-refresh",
    }
    for tag, attrs in tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "xlink:href", "background"), (tag, name)
            if name == "href":
                assert value and value.startswith("#"), (tag, value)
            if value and "url(" in value:
                assert re.fullmatch(r"url\(#[\w-]+\)", value), value
    assert "@import" not in html and "@font-face" not in html
    # the only addresses are the sources' URLs, printed as text
    text_urls = re.sub(r'<span class="url">[^<]*</span>', "", html)
    assert "http://" not in text_urls and "https://" not in text_urls


def test_document_text_is_escaped() -> None:
    html = _html()
    assert "<script" not in html.lower()
    assert "onerror=" not in html.replace("onerror=&#34;", "")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert HOSTILE not in html
    # the hostile organisation name is escaped inside the SVG figures too
    svg = html[html.index("<svg") :]
    assert "<img" not in svg


def test_every_fact_sentence_cites_a_listed_source() -> None:
    html = _html(between=("KP", "RU"))
    facts = re.findall(r'<span class="fact[^"]*">(.*?)</span>(?=\s|<|$)', html, flags=re.S)
    assert len(facts) >= 8
    assert 'class="fact uncited"' not in html
    for fact in facts:
        assert re.search(r'<a class="cite" href="#src-\d+">\[\d+\]</a>$', fact), fact
    judgements = html[html.index('id="judgements"') : html.index('id="timeline"')]
    for item in re.findall(r"<li>(.*?)</li>", judgements, flags=re.S):
        rest = re.sub(r'<span class="fact">.*?</a></span>', "", item, flags=re.S)
        rest = re.sub(r"<div class=\"small\">Confidence basis.*?</div>", "", rest, flags=re.S)
        rest = re.sub(r"<span class=\"(conf [a-z]+|small)\">[^<]*</span>", "", rest)
        assert not re.sub(r"<[^>]+>", "", rest).strip(), rest  # no sentence outside a cited fact
    table_cells = re.findall(r"<td>(\[?<a class=\"cite\".*?)</td>", html)
    assert len(table_cells) == 3 + 2 + 1  # transfers, designations, denials: each row cites
    cited = {int(n) for n in re.findall(r'href="#src-(\d+)"', html)}
    listed = {int(n) for n in re.findall(r'<li id="src-(\d+)"', html)}
    assert cited and cited == listed
    assert listed == set(range(1, len(listed) + 1))


def test_tables_and_figures() -> None:
    html = _html(between=("KP", "RU"))
    assert html.count("<svg") == 2
    for section in ("judgements", "timeline", "network", "transfers", "designations", "denials", "sources"):
        assert f'id="{section}"' in html
    transfers = html[html.index('id="transfers"') : html.index('id="designations"')]
    assert transfers.count("<tr>") == 1 + 3  # header and the three KP-RU transfers (Iran's is out)
    assert "breach: UNSCR 1718 (2006) para 8(b)" in transfers
    assert "denied by North Korea" in transfers
    designations = html[html.index('id="designations"') : html.index('id="denials"')]
    assert "Ashot Mkrtychev" in designations and "E.O. 13722" in designations
    assert "MKRTYCHEV, Ashot" in designations
    assert "Iran" not in transfers
    timeline = html[html.index('id="timeline"') : html.index('id="network"')]
    assert timeline.count("<rect x=") >= 3 and "Designations" in timeline and "Denials" in timeline
    network = html[html.index('id="network"') : html.index('id="transfers"')]
    assert (
        "North Korea" in network
        and "3 transfers" in network
        and 'marker-end="url(#arrow-transfer)"' in network
    )
    assert "@media print" in html


def test_confidence_rules() -> None:
    picture = make_picture()
    t1, t2, t3 = picture.events[:3]
    assert confidence(t1) == "moderate"  # 2 docs (+1), 2 publishers (+1), contested (-1)
    assert confidence(t2) == "low"
    assert legal_confidence(t1) == "moderate" and legal_confidence(t2) == "low"
    assert legal_confidence(t3) is None
    t1.denied_by.clear()
    t1.sources = [s for s in t1.sources if s.stance == "asserts"]
    assert confidence(t1) == "moderate"  # 2 points
    t1.sources.append(
        type(t1.sources[0])("doc2", "doc2:t9", "More shells.", 0, 12, publisher="Example Treasury")
    )
    assert confidence(t1) == "high"


def test_write_brief_and_an_unknown_entity(tmp_path: Path) -> None:
    result = write_brief(make_picture(), tmp_path / "out" / "brief.html", entity="Mkrtychev", today=TODAY)
    html = result.html.read_text(encoding="utf-8")
    assert result.pdf is None and result.note is None
    assert "<h1>Ashot Mkrtychev</h1>" in html
    with pytest.raises(NotFoundError):
        write_brief(make_picture(), tmp_path / "x.html", entity="nobody at all")


def test_an_empty_picture_still_gives_a_brief() -> None:
    html, view = render_brief(Picture(), today=TODAY)
    assert "Nothing in the store falls within this brief." in html
    assert not view.sources and "<svg" not in html


@pytest.mark.skipif(find_browser() is None, reason="no Chromium-family browser installed here")
def test_pdf_with_a_local_browser(tmp_path: Path) -> None:
    result = write_brief(make_picture(), tmp_path / "brief.html", pdf=True, today=TODAY)
    assert result.note is None, result.note
    assert result.pdf is not None and result.pdf.read_bytes().startswith(b"%PDF")
