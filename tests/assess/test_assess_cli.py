"""The commands ``assess``, ``findings`` and ``rules``, run in-process on a real SQLite store."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from assess_support import extraction, person, transfer
from typer.testing import CliRunner

from materiel.cli import app

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "src" / "materiel" / "examples" / "russia-dprk-arms.json"
OFAC = REPO / "tests" / "screen" / "fixtures" / "ofac" / "sdn.csv"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass
class Result:
    code: int
    out: str
    err: str


Cli = Callable[..., Result]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'materiel.db'}"

    def run(*args: str, stdin: str | None = None) -> Result:
        r = runner.invoke(app, ["--db", db, *args], input=stdin, catch_exceptions=False)
        return Result(r.exit_code, ANSI.sub("", r.stdout), ANSI.sub("", r.stderr))

    return run


def _events_file(tmp_path: Path) -> Path:
    lines = [
        extraction(transfer("IR", "RU", [("drones", "uav")], start="2022-09-01", end="2022-12-31")),
        extraction(
            transfer(
                "KP",
                "RU",
                [("shells", "ammunition")],
                start="2023-01-10",
                brokers=["person:b"],
                consideration=["commercial aircraft"],
            ),
            entities=[person("person:b", "Jan Example", "SK")],
        ),
    ]
    lines[1]["document"]["id"] = "doc2"
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_assess_input_prints_one_line_per_document_without_a_store(cli: Cli, tmp_path: Path) -> None:
    r = cli("assess", "--input", str(_events_file(tmp_path)))
    assert r.code == 0, r.err
    out = [json.loads(line) for line in r.out.splitlines()]
    assert [o["document"]["id"] for o in out] == ["doc", "doc2"]
    assert out[0]["document"]["title"] == "t"  # the input's document object, echoed
    first = next(f for f in out[0]["findings"] if f["rule"] == "un-2231-b4")
    assert {
        "event",
        "verdict",
        "rule",
        "citation",
        "valid_from",
        "valid_to",
        "missing",
        "confidence",
        "contested",
    } <= set(first)
    assert first["verdict"] == "possible_breach" and first["event"] == "doc:t1"
    facts = {(f["fact"], f["rule"]): f["verdict"] for f in out[1]["findings"]}
    assert facts[("consideration", "un-2397-7")] == "breach"
    assert facts[("brokering", "eu-2014-512-art2-2")] == "breach"
    assert not (tmp_path / "materiel.db").exists()


def test_assess_input_from_stdin_as_a_table(cli: Cli, tmp_path: Path) -> None:
    r = cli("assess", "--input", "-", "--format", "table", stdin=_events_file(tmp_path).read_text())
    assert r.code == 0, r.err
    assert "possible_breach  UNSCR 2231 (2015), Annex B para 4 [lapsed]" in r.out
    assert "missing: range and payload" in r.out


def test_assess_input_bad_line_is_one_error(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document": {"id": "x"}, "events": []}\nnot json\n', encoding="utf-8")
    r = cli("assess", "--input", str(bad))
    assert r.code == 1
    assert "line 2: not JSON" in r.err


def test_assess_with_a_user_pack(cli: Cli, tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\ntitle: Mine\nversion: '1'\nrules:\n"
        "  - {id: mine-1, authority: Me, instrument: My Act, provision: s. 1,"
        " summary: No drones to Russia at all., source: 'https://example.org',"
        " direction: to, target: [RU], items: [all_arms], conduct: [supply],"
        " binds: all_states, valid_from: 2020-01-01, status: in_force}\n",
        encoding="utf-8",
    )
    r = cli("assess", "--input", str(_events_file(tmp_path)), "--rules", str(pack))
    rules = {f["rule"]: f["verdict"] for f in json.loads(r.out.splitlines()[0])["findings"]}
    assert rules["mine-1"] == "breach"


def test_rules_list_show_and_validate(cli: Cli, tmp_path: Path) -> None:
    r = cli("rules")
    assert r.code == 0 and "un-2231-b4" in r.out and "rule(s) in 4 pack(s)" in r.out
    r = cli("rules", "un-2397-7", "--json")
    data = json.loads(r.out)
    assert data["pack"] == "un-dprk" and data["provision"] == "para 7" and data["verified"] is False
    r = cli("rules", "no-such-rule")
    assert r.code == 1 and "no rule with this id" in r.err
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "pack: bad\ntitle: B\nversion: '1'\nrules:\n  - {id: b-1, authority: x}\n", encoding="utf-8"
    )
    r = cli("rules", "--validate", str(bad))
    assert r.code == 1
    assert str(bad) in r.err and "rule b-1: field" in r.err


def test_stored_assessment_and_findings_filters(cli: Cli) -> None:
    assert cli("lists", "load", str(OFAC)).code == 0
    assert cli("ingest", str(EXAMPLE)).code == 0
    assert cli("extract").code == 0
    r = cli("assess")
    assert r.code == 0, r.err
    assert "assessed 1 document(s) against eu, un-dprk, un-iran, us" in r.out
    assert "designations checked: 1, listed: 1" in r.out

    rows = [json.loads(line) for line in cli("findings", "--json").out.splitlines()]
    assert any(f["rule"] == "un-2397-7" and f["fact"] == "consideration" for f in rows)
    breaches = [
        json.loads(line) for line in cli("findings", "--verdict", "breach", "--json").out.splitlines()
    ]
    assert breaches and all(f["verdict"] == "breach" for f in breaches)
    iran = [json.loads(line) for line in cli("findings", "--state", "IR", "--json").out.splitlines()]
    assert iran and all("IR" in (f["from_state"], f["to_state"]) for f in iran)
    assert {
        f["rule"]
        for f in [json.loads(x) for x in cli("findings", "--regime", "un-iran", "--json").out.splitlines()]
    } <= {
        "un-2231-b4",
        "un-2231-b6b",
        "un-1747-5",
        "un-1747-5-snapback",
        "un-2231-b5",
        "un-1929-8",
        "un-1929-8-snapback",
    }
    dated = [
        json.loads(x)
        for x in cli("findings", "--since", "2022-01-01", "--until", "2022-12-31", "--json").out.splitlines()
    ]
    assert dated and all(f["event_start"] <= "2022-12-31" and f["event_end"] >= "2022-01-01" for f in dated)

    table = cli("findings").out
    assert "designation Ashot Mkrtychev by US under Executive Order 13551: ofac-sdn ofac-sdn:41736" in table

    again = cli("assess")  # reassessing replaces, never duplicates
    assert again.code == 0
    assert len(cli("findings", "--json").out.splitlines()) == len(rows)


def test_demo_ends_with_the_findings(cli: Cli) -> None:
    r = cli("demo")
    assert r.code == 0, r.err
    out = r.out[r.out.index("Findings") :]
    # DPRK -> Russia arms: breach of 1874 (1718 para 8(b) possible), contested by the DPRK's denial
    assert re.search(
        r"transfer North Korea -> Russia: artillery shells \(contested.*breach UNSCR 1874 \(2009\)", out
    )
    # Russia -> DPRK commercial aircraft as payment: 2397 para 7
    assert re.search(
        r"consideration Russia -> North Korea: commercial aircraft.*UNSCR 2397 \(2017\), para 7", out
    )
    # Iranian drones to Russia in 2022: possible breach of 2231 Annex B para 4, range unknown
    assert re.search(
        r"transfer Iran -> Russia: attack drones.*possible_breach UNSCR 2231 \(2015\), Annex B para 4", out
    )
    assert "missing: range and payload" in out
    assert "designation Ashot Mkrtychev" in out
