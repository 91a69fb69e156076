"""List readers on small fixtures of every format, the real OFAC/UN files, and bad or unsafe input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from materiel.errors import ListFormatError
from materiel.screen.match import match_names
from materiel.screen.readers import READERS, ReadContext, detect_format, plan_sources
from materiel.screen.readers.common import country_code, parse_dates
from materiel.screen.readers.ofac_csv import programs
from materiel.screen.records import ListedEntity

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sanctions"
SHARED_SKIP = f"{SHARED} is missing: the real list snapshots live in ../shared/data/sanctions"


def read(path: Path) -> tuple[dict[str, ListedEntity], ReadContext]:
    source = plan_sources([path])[0]
    ctx = ReadContext(source.path, source.key, source.companions)
    return {e.id: e for e in READERS[source.format](ctx)}, ctx


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("ofac/sdn.csv", "ofac-csv"),
        ("ofac/add.csv", "ofac-csv-add"),
        ("ofac/alt.csv", "ofac-csv-alt"),
        ("sdn.xml", "ofac-xml"),
        ("sdn_advanced.xml", "ofac-advanced"),
        ("un_consolidated.xml", "un-xml"),
        ("eu_fsf.xml", "eu-fsf"),
        ("uk_sanctions_list.xml", "uk-xml"),
        ("opensanctions.ftm.jsonl", "ftm"),
    ],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(FIXTURES / name) == fmt


# (file, entry id, field, expected)
CASES: list[tuple[str, str, str, Any]] = [
    ("ofac/sdn.csv", "ofac-sdn:41736", "name", "MKRTYCHEV, Ashot"),
    ("ofac/sdn.csv", "ofac-sdn:41736", "schema", "Person"),
    ("ofac/sdn.csv", "ofac-sdn:41736", "birth_dates", ["1966-05-07"]),
    ("ofac/sdn.csv", "ofac-sdn:41736", "birth_places", ["Baku, Azerbaijan"]),
    ("ofac/sdn.csv", "ofac-sdn:41736", "countries", ["SK"]),
    ("ofac/sdn.csv", "ofac-sdn:41736", "gender", "male"),
    ("ofac/sdn.csv", "ofac-sdn:41736", "identifiers", {"passport": ["BD3843329", "BD5609822"]}),
    ("ofac/sdn.csv", "ofac-sdn:41736", "aliases", ["MKRTYCEV, Asot"]),
    (
        "ofac/sdn.csv",
        "ofac-sdn:41736",
        "addresses",
        ["Hana Melichkova Street 3448/37, Bratislava 84105, Slovakia"],
    ),
    ("ofac/sdn.csv", "ofac-sdn:41736", "programs", ["DPRK"]),
    ("ofac/sdn.csv", "ofac-sdn:9345", "programs", ["DPRK2", "NPWMD"]),
    ("ofac/sdn.csv", "ofac-sdn:9345", "weak_aliases", ["KOMID"]),
    ("ofac/sdn.csv", "ofac-sdn:9345", "schema", "Organization"),
    ("ofac/sdn.csv", "ofac-sdn:4243", "schema", "Vessel"),
    ("ofac/sdn.csv", "ofac-sdn:4243", "identifiers", {"imo": ["7406784"]}),
    ("ofac/sdn.csv", "ofac-sdn:4243", "weak_aliases", ["ANA I", "SAND SWAN"]),
    ("ofac/sdn.csv", "ofac-sdn:15431", "schema", "Airplane"),
    ("ofac/sdn.csv", "ofac-sdn:15431", "linked_to", ["POUYA AIR"]),
    ("ofac/sdn.csv", "ofac-sdn:7782", "birth_dates", ["1951"]),
    ("ofac/sdn.csv", "ofac-sdn:90001", "birth_dates", ["1950", "1951", "1952", "1953", "1949-01-05"]),
    ("ofac/sdn.csv", "ofac-sdn:90001", "identifiers", {"national_id": ["1234"]}),
    ("ofac/sdn.csv", "ofac-sdn:44544", "linked_to", ["MKRTYCHEV, Ashot"]),
    (
        "ofac/sdn.csv",
        "ofac-sdn:44544",
        "identifiers",
        {"tax_id": ["9701170663"], "registration": ["1217700053493"]},
    ),
    ("ofac/sdn.csv", "ofac-sdn:44544", "aliases", ["VERUS CONSULTING GROUP", "VERUS OLD NAME"]),
    ("sdn.xml", "ofac-sdn:41736", "name", "MKRTYCHEV, Ashot"),
    ("sdn.xml", "ofac-sdn:41736", "weak_aliases", ["ASHOT M"]),
    ("sdn.xml", "ofac-sdn:41736", "countries", ["SK"]),
    ("sdn.xml", "ofac-sdn:41736", "gender", "male"),
    ("sdn.xml", "ofac-sdn:4243", "identifiers", {"imo": ["7406784"]}),
    ("sdn_advanced.xml", "ofac-sdn:41736", "name", "MKRTYCHEV, Ashot"),
    ("sdn_advanced.xml", "ofac-sdn:41736", "birth_dates", ["1966-05-07"]),
    ("sdn_advanced.xml", "ofac-sdn:41736", "birth_places", ["Baku, Azerbaijan"]),
    ("sdn_advanced.xml", "ofac-sdn:41736", "identifiers", {"passport": ["BD3843329"]}),
    ("sdn_advanced.xml", "ofac-sdn:44544", "weak_aliases", ["LLC VERUS"]),
    ("sdn_advanced.xml", "ofac-sdn:44544", "programs", ["DPRK", "RUSSIA-EO14024"]),
    ("sdn_advanced.xml", "ofac-sdn:44544", "linked_to", ["MKRTYCHEV, Ashot"]),
    ("un_consolidated.xml", "un-sc:KPi.900", "name", "RI EXAMPLE CHOL"),  # FOURTH_NAME "na" is no name
    ("un_consolidated.xml", "un-sc:KPi.900", "aliases", ["리예철", "Ri Ye Chol"]),
    ("un_consolidated.xml", "un-sc:KPi.900", "weak_aliases", ["Uncle Ri"]),
    ("un_consolidated.xml", "un-sc:KPi.900", "birth_dates", ["1970-03-04", "1968", "1969"]),
    ("un_consolidated.xml", "un-sc:KPi.900", "countries", ["KP"]),
    ("un_consolidated.xml", "un-sc:KPe.900", "schema", "Organization"),
    ("eu_fsf.xml", "eu-fsf:EU.900.1", "weak_aliases", ["Uncle Ri"]),
    ("eu_fsf.xml", "eu-fsf:EU.900.1", "identifiers", {"passport": ["836110034"]}),
    ("eu_fsf.xml", "eu-fsf:EU.900.2", "programs", ["BLR", "RUS"]),
    ("uk_sanctions_list.xml", "uk-sanctions:RUS9001", "birth_dates", ["1961", "1962-10-24"]),
    ("uk_sanctions_list.xml", "uk-sanctions:RUS9001", "weak_aliases", ["Vanya EXAMPLOV"]),
    ("uk_sanctions_list.xml", "uk-sanctions:RUS9002", "schema", "Vessel"),
    ("uk_sanctions_list.xml", "uk-sanctions:RUS9002", "identifiers", {"imo": ["9000001"]}),
    ("opensanctions.ftm.jsonl", "opensanctions.ftm:ex-person-1", "programs", ["DPRK"]),
    ("opensanctions.ftm.jsonl", "opensanctions.ftm:ex-vessel-1", "identifiers", {"imo": ["9000001"]}),
    ("opensanctions.ftm.jsonl", "opensanctions.ftm:ex-company-1", "programs", ["RUS"]),
]


@pytest.mark.parametrize(("name", "entry", "field", "expected"), CASES)
def test_reader_fields(name: str, entry: str, field: str, expected: Any) -> None:
    entities, _ctx = read(FIXTURES / name)
    assert getattr(entities[entry], field) == expected


@pytest.mark.parametrize(
    ("name", "entry", "authority", "listed_on", "reason"),
    [
        (
            "un_consolidated.xml",
            "un-sc:KPi.900",
            "UN Security Council",
            "2017-06-02",
            "Invented entry for tests: procurement agent.",
        ),
        ("sdn_advanced.xml", "ofac-sdn:41736", "US OFAC", "2021-05-12", None),
        ("eu_fsf.xml", "eu-fsf:EU.900.1", "EU", "2017-06-09", "Invented entry for tests."),
        (
            "uk_sanctions_list.xml",
            "uk-sanctions:RUS9001",
            "UK",
            "2022-03-10",
            "Invented statement for tests.",
        ),
        (
            "opensanctions.ftm.jsonl",
            "opensanctions.ftm:ex-person-1",
            "UN Security Council",
            "2017-06-02",
            "Invented reason.",
        ),
    ],
)
def test_sanction_per_listing(
    name: str, entry: str, authority: str, listed_on: str, reason: str | None
) -> None:
    sanction = read(FIXTURES / name)[0][entry].sanctions[0]
    assert (sanction.authority, sanction.listed_on, sanction.reason) == (authority, listed_on, reason)


@pytest.mark.parametrize(
    ("name", "list_date"),
    [
        ("un_consolidated.xml", "2026-02-27"),
        ("sdn.xml", "2024-05-03"),
        ("sdn_advanced.xml", "2024-05-03"),
        ("eu_fsf.xml", "2024-05-03"),
        ("uk_sanctions_list.xml", "2024-05-02"),
        ("ofac/sdn.csv", None),
    ],
)
def test_list_date_from_the_file(name: str, list_date: str | None) -> None:
    assert read(FIXTURES / name)[1].list_date == list_date


def test_ofac_csv_counts_unmatched_companion_rows() -> None:
    _entities, ctx = read(FIXTURES / "ofac/sdn.csv")
    assert "1 add.csv rows name an ent_num not in sdn.csv" in ctx.warnings


def test_ofac_csv_an_alias_of_a_newer_listing_is_an_entry() -> None:
    # alt.csv newer than sdn.csv: its a.k.a.s of an ent_num sdn.csv lacks are a listing all the same
    entities, ctx = read(FIXTURES / "ofac_newer/sdn.csv")
    assert sorted(entities) == ["ofac-sdn:41736", "ofac-sdn:48219", "ofac-sdn:51327"]
    assert any(w.startswith("2 entries are known only from alt.csv") for w in ctx.warnings)
    person, bank = entities["ofac-sdn:51327"], entities["ofac-sdn:48219"]
    assert (person.schema, person.name) == ("Person", "SULEIMAN, El Mirghani Idris")
    assert person.aliases == [
        "IDRIS, Al-Mirghani",
        "SULEIMAN, Mirghani Idriss",
        "IDRIES, Margani Idries Suliman",
    ]
    assert person.addresses == ["H 22 B 7, Northern Elsafia, Bahri, Khartoum, Sudan"]
    assert person.countries == []  # an address is no nationality
    assert (bank.schema, bank.name, bank.countries) == ("Organization", "MANDAL CREDIT BANK", ["KP"])
    assert [(s.authority, s.program) for s in bank.sanctions] == [("US OFAC", None)]
    match = match_names("Mirghani Idris Suleiman", person.name)
    assert match.match


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("NPWMD] [DPRK2", ["NPWMD", "DPRK2"]),
        ("DPRK", ["DPRK"]),
        (None, []),
        ("SDGT] [NPWMD] [IRGC", ["SDGT", "NPWMD", "IRGC"]),
    ],
)
def test_programs_split(value: str | None, expected: list[str]) -> None:
    assert programs(value) == expected


@pytest.mark.parametrize(
    ("text", "dates", "approximate"),
    [
        ("07 May 1966", ["1966-05-07"], False),
        ("circa 1951", ["1951"], True),
        ("May 1966", ["1966-05"], False),
        ("1950 to 1952", ["1950", "1951", "1952"], True),
        ("01 Jan 1960 to 31 Dec 1962", ["1960-01-01", "1962-12-31"], True),
        ("1900 to 1960", ["1900", "1960"], True),
        ("not a date", [], False),
    ],
)
def test_parse_dates(text: str, dates: list[str], approximate: bool) -> None:
    assert parse_dates(text) == (dates, approximate)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Korea, North", "KP"),
        ("Russia", "RU"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Slovakia", "SK"),
        ("Burma", "MM"),
        ("RUSSIAN FEDERATION", "RU"),
        ("kp", "KP"),
        ("-0-", None),
        ("Atlantis", None),
    ],
)
def test_country_codes(name: str, code: str | None) -> None:
    assert country_code(name) == code


# ---------- bad and unsafe input ----------

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol3;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sdnList><sdnEntry><uid>1</uid><lastName>&xxe;</lastName></sdnEntry></sdnList>
"""


@pytest.mark.parametrize(("name", "text"), [("bomb.xml", BOMB), ("external.xml", EXTERNAL)])
def test_unsafe_xml_is_refused(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entities_seen: list[ListedEntity] = []
    with pytest.raises(ListFormatError, match="unsafe XML refused") as info:
        source = plan_sources([path])[0]
        entities_seen.extend(READERS[source.format](ReadContext(source.path, source.key)))
    assert str(path) in str(info.value)
    assert not entities_seen


def _sdn_with(tmp_path: Path, bad_line: str) -> Path:
    good = (FIXTURES / "ofac/sdn.csv").read_bytes().rstrip(b"\x1a")
    path = tmp_path / "sdn.csv"
    path.write_bytes(good + bad_line.encode() + b"\r\n\x1a")
    return path


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('90002,"SHORT ROW","individual"', "line 8: expected 12 fields, found 3"),
        (
            'X1,"BAD NUMBER",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
            "line 8: ent_num is not a number",
        ),
        ('90003,"",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ', "line 8: entry without a name"),
    ],
)
def test_malformed_csv_row_names_file_and_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = _sdn_with(tmp_path, bad_line)
    source = plan_sources([path])[0]
    with pytest.raises(ListFormatError, match=message) as info:
        list(READERS[source.format](ReadContext(source.path, source.key, source.companions)))
    assert str(info.value).startswith(str(path))


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "broken.xml",
            '<?xml version="1.0"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</CONSOLIDATED_LIST>\n',
            "line 4: malformed XML",
        ),
        (
            "noname.xml",
            "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID></INDIVIDUAL>"
            "</INDIVIDUALS></CONSOLIDATED_LIST>",
            "without a reference or a name",
        ),
        (
            "bad.jsonl",
            '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{not json\n',
            "line 2: not a JSON object",
        ),
        (
            "nameless.jsonl",
            '{"id": "a", "schema": "Person", "properties": {}}\n',
            "line 1: Person a without a name",
        ),
    ],
)
def test_malformed_input_is_one_clear_error(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    source = plan_sources([path])[0]
    with pytest.raises(ListFormatError, match=message) as info:
        list(READERS[source.format](ReadContext(source.path, source.key)))
    assert str(info.value).startswith(str(path))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<other/>", "unknown XML list format"),
        ("hello world", "unknown list format"),
        ("", "unknown list format"),
    ],
)
def test_unknown_formats(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.dat"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ListFormatError, match=message):
        detect_format(path)


def test_companion_without_its_sdn_csv_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "alt.csv"
    path.write_bytes((FIXTURES / "ofac/alt.csv").read_bytes())
    with pytest.raises(ListFormatError, match=r"needs its sdn\.csv"):
        plan_sources([path])


# ---------- the real files ----------


@pytest.mark.skipif(not SHARED.is_dir(), reason=SHARED_SKIP)
def test_real_ofac_trio() -> None:
    entities, ctx = read(SHARED / "ofac_sdn.csv")
    assert len(entities) == 14965 + 945  # sdn.csv's rows, and the a.k.a.s of 945 newer listings
    schemas = {s: sum(1 for e in entities.values() if e.schema == s) for s in ("Person", "Organization")}
    # ("TORNETKOM, OOO": a legal form after the comma, a company's name, not an individual's)
    assert schemas == {"Person": 6854 + 213, "Organization": 6884 + 732}
    mkrtychev = entities["ofac-sdn:41736"]
    assert mkrtychev.birth_dates == ["1966-05-07"]
    assert mkrtychev.identifiers["passport"] == ["BD3843329", "BD5609822"]
    assert mkrtychev.countries == ["SK"]
    assert mkrtychev.aliases == ["MKRTYCEV, Asot"]
    linked = sorted(e.id for e in entities.values() if "MKRTYCHEV, Ashot" in e.linked_to)
    assert linked == ["ofac-sdn:44544", "ofac-sdn:44578", "ofac-sdn:44579"]
    assert entities["ofac-sdn:9345"].programs == ["DPRK2", "NPWMD"]
    assert any("add.csv rows name an ent_num" in w for w in ctx.warnings)


@pytest.mark.skipif(not SHARED.is_dir(), reason=SHARED_SKIP)
def test_real_un_list() -> None:
    entities, ctx = read(SHARED / "un_consolidated.xml")
    assert ctx.list_date == "2026-02-27"
    assert len(entities) == 1003
    assert sum(1 for e in entities.values() if e.schema == "Person") == 730
    dprk = [e for e in entities.values() if "DPRK" in e.programs]
    assert len(dprk) == 155
    assert all(e.sanctions[0].listed_on for e in entities.values())
