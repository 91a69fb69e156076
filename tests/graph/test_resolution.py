"""Resolution and merging over a real store: the dev documents give one Russia–North Korea picture;
invented documents show what merges and what stays apart."""

from __future__ import annotations

import pytest
from test_resolution_support import dev_store_url

from materiel.graph import build_picture, find_entity
from materiel.graph.records import GraphEvent, Picture
from materiel.store import Store


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Picture:
    with Store.open(dev_store_url(tmp_path_factory)) as store:
        return build_picture(store)


def _flows(picture: Picture, supplier: str, recipient: str) -> list[GraphEvent]:
    return [
        e
        for e in picture.events
        if e.type == "arms_transfer" and e.supplier == supplier and e.recipient == recipient
    ]


def test_states_merge_by_country_code(picture: Picture) -> None:
    kp = picture.entities["state:KP"]
    assert {"DPRK", "Pyongyang"} <= set(kp.aliases)
    assert len(kp.documents) >= 6
    assert any("state code KP" in w for w in kp.why)
    assert find_entity(picture, "North Korea").id == find_entity(picture, "KP").id == "state:KP"


def test_repeated_dprk_russia_transfers_are_merged_and_corroborated(picture: Picture) -> None:
    flows = _flows(picture, "state:KP", "state:RU")
    reports = sum(e.roles["reports"] for e in flows)
    assert len(flows) < reports  # repeated reports merged
    corroborated = [e for e in flows if e.corroboration > 1]
    assert len(corroborated) >= 2
    best = max(flows, key=lambda e: e.corroboration)
    assert best.corroboration >= 2 and len(best.publishers) >= 2
    assert best.first_reported is not None and best.last_reported is not None
    assert all(
        e.corroboration == len({s.document_id for s in e.sources if s.stance == "asserts"}) for e in flows
    )
    # the merge says why
    assert any("joined" in w for e in corroborated for w in e.why)


def test_the_brokered_deal_is_one_event_with_the_broker(picture: Picture) -> None:
    deal = [e for e in _flows(picture, "state:KP", "state:RU") if "person:ashot-mkrtychev" in e.brokers]
    assert len(deal) == 1
    assert deal[0].status == "attempted"
    assert deal[0].corroboration >= 2
    assert len(deal[0].findings) > 0  # the stored verdicts of its reports came along


def test_broker_is_linked_to_his_list_entry(picture: Picture) -> None:
    broker = find_entity(picture, "Mkrtychev")
    assert broker.id == "person:ashot-mkrtychev"
    assert len(broker.documents) >= 2
    assert "Mkrtychev" in broker.aliases
    entries = {m["list_id"]: m for m in broker.list_matches}
    assert entries, "no list match"
    entry = next(iter(entries.values()))
    assert "MKRTYCHEV" in entry["name"].upper()
    assert entry["documents"]
    assert len(broker.merged_from) == len(broker.documents)


def test_dprk_denial_contests_the_transfers(picture: Picture) -> None:
    contested = [e for e in _flows(picture, "state:KP", "state:RU") if "state:KP" in e.denied_by]
    assert contested
    assert all(e.contested for e in contested)
    denied = [e for e in contested if any(s.stance == "denies" for s in e.sources)]
    assert denied
    source = next(s for s in denied[0].sources if s.stance == "denies")
    assert "denied" in source.evidence
    denials = [e for e in picture.events if e.type == "denial" and e.roles["party"] == "state:KP"]
    assert denials and all(d.roles["subject"] in {e.id for e in contested} for d in denials)


def test_designations_merge_by_authority_and_target(picture: Picture) -> None:
    designations = [
        e for e in picture.events if e.type == "designation" and e.roles["target"] == "person:ashot-mkrtychev"
    ]
    assert len(designations) == 1
    d = designations[0]
    assert d.roles["authority"] == "US" and d.roles["authority_entity"] == "state:US"
    assert d.corroboration >= 2 and len(d.publishers) >= 2
    assert d.start is not None and len(d.roles["dates"]) >= 1


def test_status_moves_forward_as_reporting_does(picture: Picture) -> None:
    drones = [e for e in _flows(picture, "state:IR", "state:BY") if "uav" in e.categories]
    forward = [e for e in drones if e.corroboration == 2]
    assert len(forward) == 1
    event = forward[0]
    assert event.status == "delivered"
    assert [h["status"] for h in event.roles["status_history"]] == ["sought", "delivered"]
    assert event.publishers == ["Alpha News", "Beta Times"]


def test_other_category_and_other_period_stay_apart(picture: Picture) -> None:
    flows = _flows(picture, "state:IR", "state:BY")
    tanks = [e for e in flows if "armoured_vehicles" in e.categories]
    assert len(tanks) == 1 and tanks[0].corroboration == 1
    assert "uav" not in tanks[0].categories
    old = [e for e in flows if e.start is not None and e.start.year == 2015]
    assert len(old) == 1 and old[0].corroboration == 1
    assert any("another period" in w or "dated before" in w or "years after" in w for w in old[0].why)
    assert len(flows) == 3


def test_people_merge_by_name_with_reasons(picture: Picture) -> None:
    balakin = find_entity(picture, "Viktor Balakin")
    assert len(balakin.documents) == 2
    assert any("same name" in w for w in balakin.why)
    putin = find_entity(picture, "Putin")
    assert "Vladimir Putin" in [putin.name, *putin.aliases]
    assert any("only person so named" in w for w in putin.why)


def test_ids_are_stable_across_builds(picture: Picture, tmp_path_factory: pytest.TempPathFactory) -> None:
    with Store.open(dev_store_url(tmp_path_factory)) as store:
        again = build_picture(store)
    assert set(again.entities) == set(picture.entities)
    assert [e.id for e in again.events] == [e.id for e in picture.events]
