"""The extraction data files load into what their schema promises (YAML's pitfalls included)."""

from __future__ import annotations

import re

from materiel.extract.gazetteer import default_gazetteer
from materiel.model import ItemCategory


def test_every_state_code_is_an_iso_alpha2_string() -> None:
    # "NO" (Norway) unquoted is the YAML boolean false: the loader must get the string
    gaz = default_gazetteer()
    assert all(isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code) for code in gaz.states)
    assert gaz.state_code("Norway") == "NO"
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in gaz.state_names.values())


def test_organisations_point_at_states_that_exist() -> None:
    gaz = default_gazetteer()
    for info in gaz.orgs.values():
        assert info.organ_of is None or info.organ_of in gaz.states, info.name
        assert info.country is None or info.country in gaz.states, info.name


def test_no_alias_is_a_lone_common_word() -> None:
    # a comma in an unquoted YAML list splits "Foreign, Commonwealth and Development Office"
    gaz = default_gazetteer()
    assert "Foreign" not in gaz.orgs and "Commonwealth and Development Office" not in gaz.orgs


def test_weapon_terms_map_to_guideline_categories() -> None:
    gaz = default_gazetteer()
    assert gaz.weapons["drones"] == ItemCategory.UAV
    assert gaz.weapons["commercial aircraft"] is None
    assert set(gaz.weapons.values()) <= {*ItemCategory, None}
