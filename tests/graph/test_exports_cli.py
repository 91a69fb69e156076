"""End to end on the shared dev documents: ingest, extract (screening with the bundled lists),
assess, then ``materiel export`` in every format and ``materiel report``, read back with
followthemoney, networkx and an HTML parser."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from materiel import jobs
from materiel.assess import assess_stored
from materiel.cli import app
from materiel.examples.lists import copy_lists
from materiel.graph import load_picture
from materiel.graph.exports import CSV_COLUMNS
from materiel.screen.lists import load_lists
from materiel.store import Store

DOCS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "docs"
pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason=f"{DOCS} is missing (the shared dev set)")
nx = pytest.importorskip("networkx")
ftm_model = pytest.importorskip("followthemoney").model


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("dev-store")
    url = f"sqlite:///{tmp / 'dev.db'}"
    with Store.open(url) as store:
        for report in load_lists(copy_lists(tmp / "lists"), store):
            assert not isinstance(report, Exception), report
    assert jobs.ingest_into_store(url, [str(DOCS)]).ok
    assert not jobs.extract_stored(url).failures
    assess_stored(url)
    return url


def _run(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_ftm_on_the_dev_documents(db: str) -> None:
    lines = [json.loads(line) for line in _run(db, "export", "--format", "ftm").splitlines()]
    proxies = [ftm_model.get_proxy(line) for line in lines]
    for line in lines:
        from followthemoney.proxy import EntityProxy

        raw = EntityProxy.from_dict(line, cleaned=False)
        raw.schema.validate(raw.to_dict())
        for name, values in line["properties"].items():
            assert len(raw.get(name)) == len(set(values)), (line["schema"], name, values)
    ids = {p.id for p in proxies}
    for proxy in proxies:
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (proxy.schema.name, prop.name, value)
    kp_ru = [
        line
        for line in lines
        if line["schema"] == "EconomicActivity"
        and line["materiel"].get("id")
        and line["properties"].get("originCountry") == ["kp"]
        and line["properties"].get("destinationCountry") == ["ru"]
    ]
    assert kp_ru and max(t["materiel"]["corroboration"] for t in kp_ru) >= 2
    assert any(t["materiel"]["contested"] for t in kp_ru)
    assert any(line["schema"] == "Sanction" for line in lines)


def test_export_csv_graphml_events_on_the_dev_documents(db: str, tmp_path: Path) -> None:
    picture = load_picture(db)
    transfers = [e for e in picture.events if e.type == "arms_transfer"]
    rows = list(csv.DictReader(io.StringIO(_run(db, "export", "--format", "csv"))))
    assert len(rows) == len(transfers) and list(rows[0]) == CSV_COLUMNS
    assert any(r["supplier"] == "North Korea" and r["recipient"] == "Russia" for r in rows)

    out = tmp_path / "dev.graphml"
    assert "wrote" in _run(db, "export", "--format", "graphml", "--out", str(out))
    graph = nx.read_graphml(out)
    kp = next(e.id for e in picture.entities.values() if e.kind == "state" and e.country == "KP")
    ru = next(e.id for e in picture.entities.values() if e.kind == "state" and e.country == "RU")
    assert graph.nodes[kp]["label"] == picture.entities[kp].name
    kinds = {d["type"] for u, v, d in graph.edges(data=True) if (u, v) == (kp, ru)}
    assert "transfer" in kinds
    assert set(graph.nodes) >= set(picture.entities)

    events = [json.loads(line) for line in _run(db, "export", "--format", "events").splitlines()]
    assert {e["event_id"] for e in events} == {e.id for e in picture.events if e.sources} | {
        e.id for e in picture.events if not e.sources
    }
    assert any(e["stance"] == "denies" for e in events)


def test_report_between_kp_and_ru(db: str, tmp_path: Path) -> None:
    out = tmp_path / "kp-ru.html"
    printed = _run(db, "report", "--between", "KP", "RU", "--out", str(out))
    assert str(out) in printed
    html = out.read_text(encoding="utf-8")
    assert "<h1>North Korea and Russia</h1>" in html
    assert html.count("<svg") == 2
    assert "<script" not in html and ' src="' not in html
    assert "Ashot Mkrtychev matches the list entry MKRTYCHEV, Ashot" in html  # the broker's list entry
    assert "North Korea denied it." in html  # the denial, shown as contesting
    assert re.search(r"Reported by [2-9] documents from [2-9] publishers", html)  # merged, corroborated
    cited = set(re.findall(r'href="#src-(\d+)"', html))
    assert cited and cited == set(re.findall(r'<li id="src-(\d+)"', html))


def test_report_errors(db: str, tmp_path: Path) -> None:
    both = CliRunner().invoke(
        app,
        ["--db", db, "report", "--entity", "KP", "--between", "KP", "RU", "--out", str(tmp_path / "x.html")],
    )
    assert both.exit_code == 1 and "not both" in both.output
    missing = CliRunner().invoke(app, ["--db", db, "report", "--entity", "Nobody Atall", "--out", "x.html"])
    assert missing.exit_code == 1
