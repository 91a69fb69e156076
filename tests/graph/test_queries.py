"""Queries over the dev picture: neighbourhood, paths, pairs over time, timeline, search."""

from __future__ import annotations

import pytest
from test_resolution_support import dev_store_url

from materiel.errors import NotFoundError
from materiel.graph import between, build_picture, find_entity, neighbourhood, paths, search, timeline
from materiel.graph.queries import summary
from materiel.graph.records import Picture
from materiel.store import Store


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Picture:
    with Store.open(dev_store_url(tmp_path_factory)) as store:
        return build_picture(store)


def test_find_entity_by_code_name_alias_and_id(picture: Picture) -> None:
    assert find_entity(picture, "KP").id == "state:KP"
    assert find_entity(picture, "kp").id == "state:KP"
    assert find_entity(picture, "DPRK").id == "state:KP"
    assert find_entity(picture, "north korea").id == "state:KP"
    assert find_entity(picture, "Mkrtychev").id == "person:ashot-mkrtychev"
    assert find_entity(picture, "person:ashot-mkrtychev").id == "person:ashot-mkrtychev"
    with pytest.raises(NotFoundError):
        find_entity(picture, "Nobody Atall")


def test_search_orders_by_documents(picture: Picture) -> None:
    found = search(picture, "korea")
    assert found[0].id == "state:KP"
    assert {"state:KP", "state:KR"} <= {e.id for e in found}
    assert all(e.kind == "state" for e in search(picture, "korea", kind="state"))


def test_neighbourhood_of_the_broker(picture: Picture) -> None:
    hood = neighbourhood(picture, "person:ashot-mkrtychev", 1)
    relations = {(e.source, e.relation, e.target) for e in hood.edges}
    assert ("person:ashot-mkrtychev", "brokered", "state:KP") in relations
    assert ("person:ashot-mkrtychev", "brokered", "state:RU") in relations
    assert ("state:US", "sanctioned", "person:ashot-mkrtychev") in relations
    assert hood.distance["state:KP"] == 1
    deeper = neighbourhood(picture, "person:ashot-mkrtychev", 2)
    assert ("state:KP", "supplied", "state:RU") in {(e.source, e.relation, e.target) for e in deeper.edges}
    assert ("state:KP", "denied", "state:RU") in {(e.source, e.relation, e.target) for e in deeper.edges}
    assert len(deeper.distance) > len(hood.distance)


def test_paths_from_the_broker_to_the_dprk(picture: Picture) -> None:
    found = paths(picture, "person:ashot-mkrtychev", "state:KP", 3)
    assert found[0].nodes == ["person:ashot-mkrtychev", "state:KP"]
    assert {e.relation for e in found[0].hops[0]} == {"brokered"}
    assert all(len(p.nodes) - 1 <= 3 for p in found)
    assert any(p.nodes[1] == "state:US" for p in found)  # sanctioned by the US, who accused the DPRK
    assert all(len(set(p.nodes)) == len(p.nodes) for p in found)
    assert paths(picture, "person:ashot-mkrtychev", "state:KP", 0) == []


def test_transfers_between_two_states_over_time(picture: Picture) -> None:
    flows = between(picture, "state:KP", "state:RU")
    assert len(flows) >= 5
    assert all({e.supplier, e.recipient} == {"state:KP", "state:RU"} for e in flows)
    assert between(picture, "state:RU", "state:KP") == flows


def test_timeline_of_a_pair_is_in_date_order(picture: Picture) -> None:
    entries = timeline(picture, between=("state:KP", "state:RU"))
    dated = [t.when for t in entries if t.when]
    assert dated == sorted(dated)
    types = {t.event.type for t in entries}
    assert {"arms_transfer", "denial"} <= types
    assert all(t.when is not None for t in entries[: len(dated)])  # undated last


def test_timeline_of_an_entity(picture: Picture) -> None:
    entries = timeline(picture, entity="person:ashot-mkrtychev")
    assert {t.event.type for t in entries} == {"arms_transfer", "designation"}
    lines = [summary(picture, t.event) for t in entries]
    assert any("designated Ashot Mkrtychev" in line for line in lines)
    assert any("brokered by Ashot Mkrtychev" in line for line in lines)
    everything = timeline(picture)
    assert len(everything) == len(picture.events)
