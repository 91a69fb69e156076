"""FollowTheMoney export: every line loads in the followthemoney library, cleaned, valid and linked."""

from __future__ import annotations

import json
from typing import Any

import pytest
from test_exports_picture import make_picture

from materiel.graph.exports import to_ftm, write_export
from materiel.graph.exports.ftm import ftm_id

ftm = pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402
from followthemoney.proxy import EntityProxy  # noqa: E402

EXACT_TYPES = {"country", "date", "entity", "url", "identifier", "topic"}
"""Property types whose values must come through cleaning unchanged (names and text may be tidied)."""


def _lines() -> list[dict[str, Any]]:
    return [json.loads(json.dumps(e)) for e in to_ftm(make_picture())]


def _check(data: dict[str, Any]) -> EntityProxy:
    """Load one line the way ftm tools do, then re-clean every value and validate the schema."""
    proxy = model.get_proxy(data)
    schema = proxy.schema
    assert not schema.abstract, data["schema"]
    for name, values in data["properties"].items():
        prop = schema.get(name)
        assert prop is not None, f"{schema.name} has no property {name}"
        assert values, f"{schema.name}.{name} is empty"
        for value in values:
            cleaned = prop.type.clean(value, proxy=proxy)
            assert cleaned is not None, f"{schema.name}.{name}: {value!r} rejected"
            if prop.type.name in EXACT_TYPES:
                assert cleaned == value, f"{schema.name}.{name}: {value!r} cleaned to {cleaned!r}"
    # unclean load: every value is cleaned by followthemoney and must survive
    raw = EntityProxy.from_dict(data, cleaned=False)
    for name, values in data["properties"].items():
        assert len(raw.get(name)) == len(set(values)), (schema.name, name, values, raw.get(name))
    schema.validate(raw.to_dict())
    for name in schema.required:
        assert raw.get(name), f"{schema.name} lacks required {name}"
    return proxy


def test_every_line_is_a_valid_ftm_entity() -> None:
    lines = _lines()
    proxies = [_check(line) for line in lines]
    ids = [p.id for p in proxies]
    assert len(ids) == len(set(ids)), "ids are unique"
    known = set(ids)
    for proxy in proxies:
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in known, f"{proxy.schema.name}.{prop.name} -> {value} not exported"
                target = next(p for p in proxies if p.id == value)
                assert target.schema.is_a(prop.range), (prop.qname, target.schema.name)


def test_schemas_for_each_kind_of_record() -> None:
    by_materiel = {(line["schema"], line["materiel"].get("id")) for line in _lines()}
    assert ("PublicBody", "state:KP") in by_materiel
    assert ("Person", "person:ashot-mkrtychev") in by_materiel
    assert ("Vessel", "vessel:angara") in by_materiel
    assert ("Address", "region:donbas") in by_materiel
    assert ("Article", "doc3") in by_materiel
    assert ("EconomicActivity", "ev-t1") in by_materiel
    assert ("Sanction", "ev-d1") in by_materiel
    assert ("Sanction", "ev-d2") in by_materiel  # a vessel can be sanctioned (Sanction.entity: Thing)
    assert ("Event", "ev-n1") in by_materiel
    schemas = {line["schema"] for line in _lines()}
    assert {"Mention", "Documentation", "UnknownLink"} <= schemas


def test_transfer_keeps_direction_sources_and_standing() -> None:
    lines = _lines()
    transfer = next(line for line in lines if line["materiel"].get("id") == "ev-t1")
    props = transfer["properties"]
    assert props["sender"] == [ftm_id("ent", "state:KP")]
    assert props["receiver"] == [ftm_id("ent", "state:RU")]
    assert props["originCountry"] == ["kp"] and props["destinationCountry"] == ["ru"]
    assert props["startDate"] == ["2023-08-01"] and props["endDate"] == ["2024-01-31"]
    assert set(props["proof"]) == {ftm_id("doc", d) for d in ("doc1", "doc3", "doc4")}
    assert props["summary"][0].startswith("Reported arms transfer")
    assert "Contested: denied by North Korea" in props["description"][0]
    assert "breach: UNSCR 1718" in props["description"][0]
    extra = transfer["materiel"]
    assert extra["corroboration"] == 2 and extra["contested"] is True
    # context survives a round trip through the library
    assert model.get_proxy(transfer).to_dict()["materiel"]["corroboration"] == 2


def test_broker_links_and_sanction() -> None:
    lines = _lines()
    broker = ftm_id("ent", "person:ashot-mkrtychev")
    links = [line for line in lines if line["schema"] == "UnknownLink"]
    assert {
        tuple(link["properties"]["object"]) for link in links if link["properties"]["subject"] == [broker]
    } == {
        (ftm_id("ent", "state:KP"),),
        (ftm_id("ent", "state:RU"),),
    }
    sanction = next(line for line in lines if line["materiel"].get("id") == "ev-d1")
    assert sanction["properties"]["entity"] == [broker]
    assert sanction["properties"]["authority"] == ["United States"]
    assert sanction["properties"]["country"] == ["us"]
    assert sanction["properties"]["startDate"] == ["2023-03-30"]
    person = next(line for line in lines if line["properties"].get("name") == ["Ashot Mkrtychev"])
    assert "us_ofac_sdn 48521" in person["properties"]["notes"][0]


def test_ids_are_valid_and_stable() -> None:
    assert ftm_id("ent", "state:KP") == ftm_id("ent", "state:KP")
    assert ftm_id("ent", "org:a_b") != ftm_id("ent", "org:a-b")
    weird = ftm_id("ent", "person:Çağrı «x»/y")
    assert model.get_proxy({"id": "x", "schema": "Mention", "properties": {"document": [weird]}}).get(
        "document"
    )


def test_write_export_writes_one_json_line_per_entity(tmp_path: Any) -> None:
    out = tmp_path / "picture.ftm.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        count = write_export(make_picture(), "ftm", handle)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) > 10
    for line in lines:
        _check(json.loads(line))
