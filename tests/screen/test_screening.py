"""Screening through the candidate index: the right entries come back, explained, in the JSON shape."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

from typer.testing import CliRunner

from materiel.cli import app
from materiel.screen.index import NameIndex
from materiel.screen.queries import read_queries
from materiel.screen.records import ListedEntity, Query, Sanction
from materiel.screen.screening import screen

ENTITIES = [
    ListedEntity(
        id="ofac-sdn:41736",
        list="ofac-sdn",
        schema="Person",
        name="MKRTYCHEV, Ashot",
        birth_dates=["1966-05-07"],
        sanctions=[Sanction("US OFAC", "DPRK")],
    ),
    ListedEntity(
        id="un-sc:KPi.1",
        list="un-sc",
        schema="Person",
        name="KIM JONG UN",
        sanctions=[Sanction("UN Security Council", "DPRK")],
    ),
    ListedEntity(id="un-sc:KPi.2", list="un-sc", schema="Person", name="KIM JONG IL"),
    ListedEntity(id="un-sc:KPi.3", list="un-sc", schema="Person", name="RI PYONG CHOL"),
    ListedEntity(
        id="ofac-sdn:44544", list="ofac-sdn", schema="Organization", name="LIMITED LIABILITY COMPANY VERUS"
    ),
    ListedEntity(id="ofac-sdn:9", list="ofac-sdn", schema="Vessel", name="VERUS"),
]


def index(tmp_path: Path | None = None) -> NameIndex:
    return NameIndex.build(ENTITIES, tmp_path)


def ids(name: str, schema: str = "Person", idx: NameIndex | None = None) -> list[str]:
    (result,) = screen([Query(name, schema=schema)], index=idx or index())
    return [m.entity.id for m in result.matches]


def test_cross_script_query_finds_listed_person() -> None:
    idx = index()
    assert ids("김정은", idx=idx) == ["un-sc:KPi.1"]
    assert ids("리병철", idx=idx) == ["un-sc:KPi.3"]
    assert ids("Ашот Мкртычев", idx=idx) == ["ofac-sdn:41736"]


def test_schema_keeps_people_companies_and_vessels_apart() -> None:
    idx = index()
    assert ids("OOO Verus", "Organization", idx) == ["ofac-sdn:44544"]
    assert ids("Verus", "Vessel", idx) == ["ofac-sdn:9"]
    assert ids("Verus", "Person", idx) == []


def test_json_shape() -> None:
    (result,) = screen([Query("Ashot Mkrtychev", id="q1")], index=index())
    data = json.loads(json.dumps(result.to_dict()))
    assert data["query"] == {"id": "q1", "name": "Ashot Mkrtychev", "schema": "Person"}
    (match,) = data["matches"]
    assert match["list_id"] == "ofac-sdn:41736" and match["programs"] == ["DPRK"]


def test_index_on_disk_reopens_and_rebuilds(tmp_path: Path) -> None:
    path = tmp_path / "names"
    NameIndex.open_or_build(path, "v1", ENTITIES)
    assert len(NameIndex.open_or_build(path, "v1", [])) == len(ENTITIES)  # reused
    assert len(NameIndex.open_or_build(path, "v2", ENTITIES[:2])) == 2  # rebuilt


def test_read_queries_ours_and_yente_columns(tmp_path: Path) -> None:
    ours = tmp_path / "q.jsonl"
    ours.write_text('{"id": "a", "name": "Kim Jong Un", "birth_date": "1984", "country": "North Korea"}\n')
    yente = tmp_path / "q.csv"
    yente.write_text("full_name,date_of_birth,nationality\nJANAN AGHA,1958,af\n")
    (q1,) = read_queries(ours)
    (q2,) = read_queries(yente)
    assert (q1.id, q1.birth_date, q1.country) == ("a", "1984", "KP")
    assert (q2.name, q2.birth_date, q2.country, q2.schema) == ("JANAN AGHA", "1958", "AF", "Person")


def test_cli_match() -> None:
    result = CliRunner().invoke(app, ["match", "Kim Jong Un", "Kim Jong Il"])
    assert result.exit_code == 0
    assert "no match" in result.output and "conflicting" in result.output
    result = CliRunner().invoke(app, ["match", "Kim Jong Un", "김정은", "--format", "json"])
    assert json.loads(result.output)["match"] is True


WORDS = ["ALPHA", "BRAVO", "CEDAR", "DELTA", "EMBER", "FALCON", "GRANITE"]


def test_arabic_script_organisation_found_by_translation_and_by_transliteration() -> None:
    """An organisation listed under its English name is found from its Arabic name, and one listed
    under a transliteration still is among more entries sharing a word of the English reading
    ("office", "services") than an Arabic-script query gets candidates; none of those matches."""
    decoys = [
        ListedEntity(id=f"d:{i}", list="d", schema="Organization", name=f"{word} {kind}")
        for i, (word, kind) in enumerate(product(WORDS * 6, ["SERVICES", "OFFICE"]))
    ]
    entities = [
        *decoys,
        ListedEntity(id="un:QDe.012", list="un", schema="Organization", name="MAKTAB AL-KHIDAMAT"),
        ListedEntity(id="un:QDe.011", list="un", schema="Organization", name="LIBYAN ISLAMIC FIGHTING GROUP"),
    ]
    idx = NameIndex.build(entities)
    assert ids("مكتب الخدمات", "Organization", idx) == ["un:QDe.012"]
    assert "un:QDe.011" in ids("الجماعة الإسلامية المقاتلة الليبية", "Organization", idx)


def test_latin_organisation_found_through_its_consonants() -> None:
    """A short word of an organisation's name spelt with other vowels ("Quds" for QODS) is found
    among more entries sharing its common words than a query gets candidates."""
    syllables = ["BA", "LE", "MI", "NO", "RU", "VE"]
    decoys = [
        ListedEntity(id=f"d:{i}", list="d", schema="Company", name=f"{a}{b} AVIATION INDUSTRIES")
        for i, (a, b) in enumerate(product(syllables, syllables))
    ]
    qods = ListedEntity(id="ofac:16418", list="ofac", schema="Company", name="QODS AVIATION INDUSTRIES")
    entities = [*decoys, qods]
    idx = NameIndex.build(entities)
    assert ids("Quds Aviation Industry", "Company", idx) == ["ofac:16418"]


def test_an_entry_with_many_names_is_found_by_any_one_of_them() -> None:
    """An entry listed under many names is found by one of them, as written or a letter off, among
    more entries sharing its words than a query gets candidates: the index ranks each name on its
    own (ranking the entry's names all together, every word weighed less the more names it has,
    put ISLAMIC STATE OF IRAQ AND THE LEVANT 69th for "Islamic State", after its affiliates)."""
    syllables = ["BA", "KO", "MI", "SU", "TE", "ZA"]
    places = [a + b for a, b in product(syllables, ["RIA", "NDA", "LOR", "VEN", "STAN", "GO"])]
    others = [  # entries sharing no word with the query: the words' weights as in a real list
        ListedEntity(id=f"o:{i}", list="o", schema="Organization", name=f"{a}{b} {c}{d} COMPANY")
        for i, (a, b, c, d) in enumerate(
            product(syllables, ["RIA", "NDA"], ["VEN", "GO", "PE"], ["TOR", "SIL"])
        )
    ]
    affiliates = [
        ListedEntity(
            id=f"a:{i}",
            list="a",
            schema="Organization",
            name=f"ISIS-{place}",
            aliases=[f"ISLAMIC STATE {place}", f"ISLAMIC STATE IN {place}"],
        )
        for i, place in enumerate(places)
    ]
    main = ListedEntity(
        id="ofac:8759",
        list="ofac",
        schema="Organization",
        name="ISLAMIC STATE OF IRAQ AND THE LEVANT",
        aliases=[
            "ISLAMIC STATE",
            "THE MONOTHEISM AND JIHAD GROUP",
            *(f"{p} NETWORK OF JIHAD" for p in places[:10]),
        ],
    )
    idx = NameIndex.build([*others, *affiliates, main])
    assert "ofac:8759" in ids("Islamic State", "Organization", idx)
    assert "ofac:8759" in ids("Monotheism and Jihad Groupe", "Organization", idx)
