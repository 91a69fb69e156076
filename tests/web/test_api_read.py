"""The read API against a store filled by real extraction of the bundled example."""

from __future__ import annotations

from fastapi.testclient import TestClient
from web_support import EXAMPLE_ID


def test_documents_list_filter_sort_and_page(client: TestClient, hostile_id: str) -> None:
    page = client.get("/documents").json()
    assert page["total"] == 2 and page["page"] == 1 and page["pages"] == 1
    assert {d["id"] for d in page["items"]} == {EXAMPLE_ID, hostile_id}
    assert all("text" not in d for d in page["items"])
    assert [d["id"] for d in client.get("/documents", params={"q": "Pyongyang"}).json()["items"]] == [
        EXAMPLE_ID
    ]
    assert client.get("/documents", params={"publisher": "materiel example"}).json()["total"] == 1
    assert client.get("/documents", params={"since": "2024-01-01"}).json()["total"] == 0
    one = client.get("/documents", params={"per_page": 1, "page": 2, "sort": "-chars"}).json()
    assert one["pages"] == 2 and len(one["items"]) == 1
    longest = client.get("/documents", params={"per_page": 1, "sort": "-chars"}).json()["items"][0]
    assert longest["chars"] >= one["items"][0]["chars"]


def test_document_has_full_text_and_the_span_of_every_fact(client: TestClient) -> None:
    doc = client.get(f"/documents/{EXAMPLE_ID[:8]}").json()  # a unique prefix works
    assert doc["id"] == EXAMPLE_ID and doc["extracted"] is True
    text = doc["text"]
    kinds = {s["kind"] for s in doc["spans"]}
    assert kinds == {"mention", "evidence"}
    for span in doc["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    mentions = sum(len(e["mentions"]) for e in doc["extraction"]["entities"])
    evidence = sum(len(e["evidence"]) for e in doc["extraction"]["events"])
    assert len(doc["spans"]) == mentions + evidence
    assert any(s["ref"] == "person:ashot-mkrtychev" for s in doc["spans"])
    assert doc["screening"]["hits"][0]["list_id"] == "ofac-sdn:41736"
    assert {f["verdict"] for f in doc["findings"]} >= {"breach", "possible_breach"}


def test_entities_search_and_profile(client: TestClient) -> None:
    found = client.get("/entities", params={"q": "mkrtychev"}).json()
    assert [e["id"] for e in found["items"]] == ["person:ashot-mkrtychev"]
    assert found["items"][0]["listed"] is True
    states = client.get("/entities", params={"kind": "state", "sort": "name"}).json()["items"]
    names = [e["name"] for e in states]
    assert names == sorted(names, key=str.casefold) and "North Korea" in names
    assert client.get("/entities", params={"listed": "true"}).json()["total"] == 1
    profile = client.get("/entities/person:ashot-mkrtychev").json()
    assert "Mkrtychev" in profile["aliases"]
    match = profile["list_matches"][0]
    assert match["list_id"] == "ofac-sdn:41736" and match["explanation"][0]["feature"] == "name"
    assert profile["designations"] and profile["designations"][0]["type"] == "designation"
    assert profile["transfers"]  # he brokered the North Korean deal
    assert profile["sources"][0]["id"] == EXAMPLE_ID
    kp = client.get("/entities/state:KP").json()
    assert kp["denials"] and all(t["supplier"]["id"] == "state:KP" for t in kp["transfers"])


def test_events_filters(client: TestClient) -> None:
    everything = client.get("/events", params={"per_page": 200}).json()
    assert everything["total"] >= 6
    kp_ru = client.get("/events", params={"type": "arms_transfer", "from": "KP", "to": "RU"}).json()["items"]
    assert len(kp_ru) == 2 and all(e["supplier"]["name"] == "North Korea" for e in kp_ru)
    drones = client.get("/events", params={"category": "uav"}).json()["items"]
    assert [e["supplier"]["id"] for e in drones] == ["state:IR"]
    delivered = client.get("/events", params={"status": "delivered"}).json()["items"]
    assert delivered and all(e["status"] == "delivered" for e in delivered)
    dated = client.get(
        "/events", params={"since": "2023-01-01", "until": "2023-12-31", "type": "arms_transfer"}
    ).json()
    assert all((e["start"] or "") >= "2023" for e in dated["items"])
    breach = client.get("/events", params={"verdict": "breach"}).json()["items"]
    assert breach and all(e["worst_verdict"] == "breach" for e in breach)
    assert client.get("/events", params={"entity": "person:ashot-mkrtychev"}).json()["total"] >= 2
    newest_first = client.get("/events", params={"sort": "-date", "type": "arms_transfer"}).json()["items"]
    dates = [e["start"] or e["first_reported"] for e in newest_first]
    assert dates == sorted(dates, reverse=True)


def test_event_detail_has_sources_with_evidence_and_verdicts(client: TestClient) -> None:
    first = client.get(
        "/events", params={"type": "arms_transfer", "from": "KP", "status": "attempted"}
    ).json()["items"][0]
    event = client.get(f"/events/{first['id']}").json()
    doc = client.get(f"/documents/{EXAMPLE_ID}").json()
    asserts = [s for s in event["sources"] if s["stance"] == "asserts"]
    denies = [s for s in event["sources"] if s["stance"] == "denies"]
    assert asserts and denies
    for s in event["sources"]:
        assert doc["text"][s["start"] : s["end"]] == s["evidence"]
    assert event["verdicts"][0].startswith("breach")
    assert {f["citation"] for f in event["findings"]} >= {"UNSCR 1718 (2006), para 8(b)"}
    assert event["brokers"][0]["id"] == "person:ashot-mkrtychev"


def test_findings_and_designations(client: TestClient) -> None:
    breach = client.get("/findings", params={"verdict": "breach", "state": "KP"}).json()
    assert breach["total"] > 0 and all(f["verdict"] == "breach" for f in breach["items"])
    by_doc = client.get("/findings", params={"document": EXAMPLE_ID, "regime": "un-dprk"}).json()
    assert by_doc["total"] > 0 and {f["regime"] for f in by_doc["items"]} == {"un-dprk"}
    ranked = client.get("/findings", params={"sort": "-confidence"}).json()["items"]
    assert [f["confidence"] for f in ranked] == sorted((f["confidence"] for f in ranked), reverse=True)
    checks = client.get("/designations").json()["items"]
    assert checks[0]["name"] == "Ashot Mkrtychev" and checks[0]["listed"] is True
    assert checks[0]["entries"][0]["id"] == "ofac-sdn:41736"


def test_graph_paths_and_timeline(client: TestClient) -> None:
    hood = client.get("/graph", params={"entity": "state:KP"}).json()
    ids = {n["id"] for n in hood["nodes"]}
    assert {"state:KP", "state:RU", "person:ashot-mkrtychev"} <= ids
    assert any(e["relation"] == "supplied" and e["target"] == "state:RU" for e in hood["edges"])
    wider = client.get("/graph", params={"entity": "state:KP", "depth": 2}).json()
    assert len(wider["nodes"]) > len(hood["nodes"])
    paths = client.get("/graph/paths", params={"from": "state:US", "to": "state:RU"}).json()
    assert paths and paths[0]["nodes"][0] == "state:US" and paths[0]["nodes"][-1] == "state:RU"
    between = client.get("/graph/between", params={"a": "state:KP", "b": "state:RU"}).json()
    assert len(between) == 2
    line = client.get("/timeline", params={"entity": "state:KP"}).json()
    dates = [t["when"] for t in line if t["when"]]
    assert dates == sorted(dates) and line[0]["event"]["supplier"]["id"] == "state:KP"
    assert client.get("/graph", params={"entity": "state:ZZ"}).status_code == 404


def test_openapi_has_every_area_and_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/documents",
        "/documents/{doc_id}",
        "/entities",
        "/entities/{entity_id}",
        "/events",
        "/events/{event_id}",
        "/findings",
        "/designations",
        "/graph",
        "/graph/paths",
        "/timeline",
        "/screen",
        "/lists",
        "/lists/import",
        "/documents/import",
    ):
        assert path in paths, path
    assert "examples" in spec["components"]["schemas"]["ScreenRequest"]
    assert not any(p.startswith("/ui") for p in paths)
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
