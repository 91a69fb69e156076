"""The graph commands on a real store: entities, entity (profile, merge, split), graph, path, timeline."""

from __future__ import annotations

import json

import pytest
from test_resolution_support import dev_store_url
from typer.testing import CliRunner

from materiel.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return dev_store_url(tmp_path_factory)


def run(db: str, *args: str) -> str:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_entities_searches(db: str) -> None:
    out = run(db, "entities", "korea")
    assert "state:KP" in out and "North Korea" in out
    rows = [json.loads(line) for line in run(db, "entities", "Mkrtychev", "--json").splitlines()]
    assert rows[0]["id"] == "person:ashot-mkrtychev"


def test_entity_profile(db: str) -> None:
    out = run(db, "entity", "Mkrtychev")
    assert "Ashot Mkrtychev" in out and "listed" in out and "MKRTYCHEV" in out
    assert "designated Ashot Mkrtychev" in out
    data = json.loads(run(db, "entity", "KP", "--json"))
    assert data["entity"]["id"] == "state:KP"
    assert any(e["contested"] for e in data["events"])


def test_graph_tree(db: str) -> None:
    out = run(db, "graph", "Mkrtychev", "--depth", "2")
    assert "brokered" in out and "North Korea" in out and "sanctioned by" in out
    assert "supplied" in out  # the second level


def test_path(db: str) -> None:
    out = run(db, "path", "Mkrtychev", "North Korea")
    assert out.startswith("1. Ashot Mkrtychev") and "brokered" in out


def test_timeline_between(db: str) -> None:
    out = run(db, "timeline", "--between", "KP", "RU")
    assert "North Korea → Russia" in out and "contested" in out
    lines = [json.loads(line) for line in run(db, "timeline", "--between", "KP", "RU", "--json").splitlines()]
    assert lines and all("event" in line for line in lines)
    assert any(line["event"]["corroboration"] > 1 for line in lines)


def test_unknown_entity_is_one_red_line(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "entity", "Nobody Atall"])
    assert result.exit_code == 1
    assert "no entity" in result.output


def test_merge_and_split_from_the_command_line(tmp_path_factory: pytest.TempPathFactory) -> None:
    import shutil

    from sqlalchemy.engine import make_url

    source = make_url(dev_store_url(tmp_path_factory)).database
    assert source
    copy = tmp_path_factory.mktemp("graph-cli") / "copy.db"
    shutil.copyfile(source, copy)
    db = f"sqlite:///{copy}"
    out = run(db, "entity", "merge", "Balakin", "Mkrtychev", "--note", "test")
    assert "decision 1: merge" in out
    profile = run(db, "entity", "Mkrtychev")
    assert "Viktor Balakin" in profile
    data = json.loads(run(db, "entity", "Mkrtychev", "--json"))
    member = next(m for m in data["entity"]["merged_from"] if "balakin" in m)
    out = run(db, "entity", "split", data["entity"]["id"], member)
    assert "decision 2: split" in out
    after = json.loads(run(db, "entity", "Mkrtychev", "--json"))["entity"]["merged_from"]
    assert member not in after and len(after) == len(data["entity"]["merged_from"]) - 1
    assert "merge" in run(db, "entity", "decisions")
