"""Rule packs as data: the shipped packs load; a bad pack is refused with file, rule id and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from materiel.assess import RuleBook, load_pack, load_rulebook
from materiel.assess.packs import PACKS
from materiel.errors import RulePackError

GOOD_RULE = {
    "id": "my-rule-1",
    "authority": "Example Council",
    "instrument": "Example Act (2024)",
    "provision": "Art. 1",
    "summary": "Supplying arms to Ruritania is prohibited to everyone.",
    "source": "https://example.org/act",
    "direction": "to",
    "target": ["RU"],
    "items": ["all_arms"],
    "conduct": ["supply"],
    "binds": "all_states",
    "valid_from": "2024-01-01",
    "status": "in_force",
}


def write_pack(tmp_path: Path, rules: list[dict[str, object]], name: str = "my-pack") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(
        yaml.safe_dump({"pack": name, "title": "Mine", "version": "1", "rules": rules}), encoding="utf-8"
    )
    return path


def test_shipped_packs_one_file_per_regime(book: RuleBook) -> None:
    assert sorted(p.name for p in PACKS.glob("*.yaml")) == [
        "eu.yaml",
        "un-dprk.yaml",
        "un-iran.yaml",
        "us.yaml",
    ]
    assert [p.pack.pack for p in book.packs] == ["eu", "un-dprk", "un-iran", "us"]
    for rule, _ in book.rules:
        assert rule.source.startswith(
            (
                "https://undocs.org/",
                "https://www.un.org/",
                "https://www.federalregister.gov/",
                "https://eur-lex.europa.eu/",
            )
        )
        assert rule.verified or rule.note


def test_a_user_pack_is_added(tmp_path: Path) -> None:
    book = load_rulebook([write_pack(tmp_path, [GOOD_RULE])])
    rule, pack = book.rule("my-rule-1")
    assert pack == "my-pack" and rule.citation == "Example Act (2024), Art. 1"
    assert load_pack(tmp_path / "my-pack.yaml").rules[0].id == "my-rule-1"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"valid_from": "not a date"}, "rule my-rule-1: field valid_from"),
        ({"items": ["no_such_class"]}, "rule my-rule-1: field items: unknown item class 'no_such_class'"),
        ({"direction": "sideways"}, "rule my-rule-1: field direction"),
        (
            {"status": "lapsed"},
            "rule my-rule-1: field (top level): Value error, a lapsed rule needs valid_to",
        ),
        ({"verified": False}, "an unverified rule needs a note"),
        ({"valid_to": "2020-01-01"}, "valid_to must be after valid_from"),
        ({"source": "example.org"}, "rule my-rule-1: field source"),
        ({"id": "un-1718-8a-i"}, "rule un-1718-8a-i: field id: already defined in"),
        ({"surprise": 1}, "rule my-rule-1: field surprise: Extra inputs are not permitted"),
    ],
)
def test_a_bad_pack_is_refused_with_file_rule_and_field(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    path = write_pack(tmp_path, [{**GOOD_RULE, **change}])
    with pytest.raises(RulePackError) as info:
        load_rulebook([path])
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_a_missing_field_names_the_rule(tmp_path: Path) -> None:
    rule = {k: v for k, v in GOOD_RULE.items() if k != "binds"}
    with pytest.raises(RulePackError, match="rule my-rule-1: field binds: Field required"):
        load_rulebook([write_pack(tmp_path, [rule])])


def test_bad_yaml_and_missing_files_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("pack: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="not valid YAML"):
        load_rulebook([bad])
    with pytest.raises(RulePackError, match="no such file"):
        load_rulebook([tmp_path / "absent.yaml"])


def test_a_pack_may_add_item_classes(tmp_path: Path) -> None:
    path = tmp_path / "classes.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "pack": "classes",
                "title": "With a class",
                "version": "1",
                "item_classes": {"drones_only": {"title": "Drones", "covers": ["uav"]}},
                "rules": [{**GOOD_RULE, "id": "drone-rule", "items": ["drones_only"]}],
            }
        ),
        encoding="utf-8",
    )
    book = load_rulebook([path])
    assert book.classes["drones_only"].covers == ["uav"]
