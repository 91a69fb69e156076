"""The ``materiel lists`` commands, run in-process on a real SQLite store."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from materiel.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
Run = tuple[int, str, str]


@pytest.fixture
def lists_cli(tmp_path: Path) -> Callable[..., Run]:
    """``lists_cli("lists", "load", PATH)`` runs ``materiel --db <tmp store> lists load PATH``."""
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'materiel.db'}"

    def run(*args: str) -> Run:
        result = runner.invoke(app, ["--db", db, *args], catch_exceptions=False)
        return result.exit_code, ANSI.sub("", result.stdout), ANSI.sub("", result.stderr)

    return run


def test_lists_empty(lists_cli: Callable[..., Run]) -> None:
    code, out, _err = lists_cli("lists")
    assert code == 0
    assert "no lists loaded yet" in out


def test_load_then_list(lists_cli: Callable[..., Run]) -> None:
    code, out, _err = lists_cli(
        "lists", "load", str(FIXTURES / "ofac/sdn.csv"), str(FIXTURES / "un_consolidated.xml")
    )
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith(
        "ofac-sdn v1 (ofac-csv): 7 entries (Airplane 1, Organization 2, Person 3, Vessel 1)"
    )
    assert "list date" in lines[0] and "file mtime" in lines[0]
    assert lines[1].startswith("un-sc v1 (un-xml): 2 entries") and "2026-02-27 (from the file)" in lines[1]
    code, out, _err = lists_cli("lists")
    assert code == 0
    assert "ofac-sdn" in out and "un-sc" in out and "2026-02-27" in out
    code, out, _err = lists_cli("lists", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["key"], r["entries"]) for r in rows] == [("ofac-sdn", 7), ("un-sc", 2)]
    assert rows[1]["list_date_from"] == "file" and len(rows[1]["checksum"]) == 64


def test_bad_input_is_one_line_and_exit_1(lists_cli: Callable[..., Run], tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n", encoding="utf-8")
    code, out, err = lists_cli("lists", "load", str(bad), str(FIXTURES / "eu_fsf.xml"))
    assert code == 1
    assert [line for line in err.splitlines() if line.strip()] == [
        line for line in err.splitlines() if line.startswith(f"{bad}: line 3: malformed XML")
    ]
    assert "eu-fsf v1" in out


def test_missing_file(lists_cli: Callable[..., Run], tmp_path: Path) -> None:
    code, _out, err = lists_cli("lists", "load", str(tmp_path / "nope.xml"))
    assert code == 1
    assert "no such file" in err


def test_diff_and_show(lists_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    text = (FIXTURES / "un_consolidated.xml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert lists_cli("lists", "load", str(path))[0] == 0
    path.write_text(text.replace("Invented entity for tests.", "Changed reason."), encoding="utf-8")
    code, out, _err = lists_cli("lists", "load", str(path), "--name", "un-sc")
    assert code == 0 and "added 0, removed 0, changed 1" in out
    code, out, _err = lists_cli("lists", "diff", "un-sc")
    assert code == 0
    assert out.splitlines() == [
        "un-sc: v2 against v1: added 0, removed 0, changed 1",
        "  ~ un-sc:KPe.900 EXAMPLE TRADING CORPORATION: sanctions",  # who changed, by name
    ]
    code, out, _err = lists_cli("lists", "diff", "--json")
    assert json.loads(out)["changed"] == {"un-sc:KPe.900": ["sanctions"]}
    assert json.loads(out)["names"] == {"un-sc:KPe.900": "EXAMPLE TRADING CORPORATION"}
    code, out, _err = lists_cli("lists", "show", "un-sc:KPi.900")
    assert (
        code == 0 and "RI EXAMPLE CHOL" in out and "Uncle Ri" in out and "UN Security Council · DPRK" in out
    )
    code, out, _err = lists_cli("lists", "show", "un-sc:KPi.900", "--json")
    assert json.loads(out)["birth_dates"] == ["1970-03-04", "1968", "1969"]
    code, _out, err = lists_cli("lists", "show", "un-sc:nope")
    assert code == 1 and "no list entry with this id" in err
    code, _out, err = lists_cli("lists", "diff", "nothing-here")
    assert code == 1 and "no loads recorded" in err


def test_same_file_twice_is_unchanged(lists_cli: Callable[..., Run]) -> None:
    lists_cli("lists", "load", str(FIXTURES / "eu_fsf.xml"))
    code, out, _err = lists_cli("lists", "load", str(FIXTURES / "eu_fsf.xml"))
    assert code == 0 and "eu-fsf: unchanged" in out


def test_screen_shows_near_misses_when_nothing_matches(lists_cli: Callable[..., Run], tmp_path: Path) -> None:
    listed = {
        "id": "kp-mond",
        "schema": "Organization",
        "properties": {
            "name": ["MINISTRY OF NATIONAL DEFENCE"],
            "alias": ["MINISTRY OF DEFENCE"],
            "country": ["kp"],
        },
    }
    path = tmp_path / "bodies.ftm.jsonl"
    path.write_text(json.dumps(listed) + "\n", encoding="utf-8")
    assert lists_cli("lists", "load", str(path))[0] == 0
    # a body every state has, no country: no match, but the listed one is shown for review
    code, out, _err = lists_cli("screen", "Ministry of Defence", "--schema", "Organization")
    assert code == 0
    assert "no match at 0.80" in out and "for review" in out
    assert "MINISTRY OF NATIONAL" in out and "0.75" in out
    # with the country it is a match, and nothing is said of review
    code, out, _err = lists_cli(
        "screen", "Ministry of Defence", "--schema", "Organization", "--country", "KP"
    )
    assert code == 0
    assert "no match" not in out and "MINISTRY OF NATIONAL" in out


def test_screen_a_batch_drops_a_bad_qualifier_and_says_so(
    lists_cli: Callable[..., Run], tmp_path: Path
) -> None:
    lists_cli("lists", "load", str(FIXTURES / "eu_fsf.xml"))
    path = tmp_path / "people.csv"
    path.write_text(
        "id,name,birth_date,country\n1,Kim Jong Un,1984-13-45,DPRK\n2,Ri Pyong Chol,,North Korean\n"
    )
    code, out, err = lists_cli("screen", "--input", str(path), "--format", "csv")
    assert code == 0
    assert "people.csv: line 2: birth_date '1984-13-45'" in err and "screened without it" in err
    assert [row.split(",")[0] for row in out.splitlines()[1:]] == ["1", "2"]  # both screened
    # one name given on the command line: the bad qualifier is an error, nothing is screened
    code, out, err = lists_cli("screen", "Kim Jong Un", "--country", "Narnia")
    assert code == 1 and "country 'Narnia'" in err and not out


def test_screen_a_ship_by_its_imo_number(lists_cli: Callable[..., Run], tmp_path: Path) -> None:
    ship = {
        "id": "v-1",
        "schema": "Vessel",
        "properties": {"name": ["CHONG CHON GANG"], "imoNumber": ["IMO 7937317"]},
    }
    path = tmp_path / "ships.ftm.jsonl"
    path.write_text(json.dumps(ship) + "\n", encoding="utf-8")
    assert lists_cli("lists", "load", str(path))[0] == 0
    code, out, _err = lists_cli("screen", "Sea Breeze 7", "--schema", "Vessel", "--id", "imo=7937317")
    assert code == 0 and "CHONG CHON GANG" in out and "same ship" in out
    batch = tmp_path / "ships.csv"
    batch.write_text("id,name,schema,imo\ns1,Sea Breeze 7,Vessel,IMO 7937317\ns2,Sea Breeze 7,Vessel,\n")
    code, out, _err = lists_cli("screen", "--input", str(batch), "--format", "csv")
    rows = [line.split(",")[:6] for line in out.splitlines()[1:]]
    assert code == 0 and rows[0][5] == "CHONG CHON GANG" and rows[1][5] == ""
    code, _out, err = lists_cli("screen", "Sea Breeze 7", "--id", "7937317")
    assert code == 1 and "KIND=VALUE" in err
