"""POST /screen and GET /lists: the CLI's JSON shape, limits and clear errors."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from materiel.cli import app as cli_app


def test_screen_answers_one_result_per_query_in_the_cli_shape(client: TestClient) -> None:
    body = {
        "queries": [
            {
                "id": "a",
                "name": "Ashot Mkrtychev",
                "schema": "Person",
                "birth_date": "1966",
                "country": "Slovakia",
            },
            {"name": "Nobody Atall"},
        ]
    }
    response = client.post("/screen", json=body)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["query"]["id"] for r in results] == ["a", "2"]
    top = results[0]["matches"][0]
    assert top["list_id"] == "ofac-sdn:41736" and top["match"] is True and top["score"] >= 0.9
    assert {"feature", "score", "detail"} <= set(top["explanation"][0])
    assert results[0]["query"]["country"] == "SK"  # normalised as the CLI's batch input is
    assert results[1]["matches"] == []


def test_screen_result_equals_the_cli_json(client: TestClient, web_db: str) -> None:
    api = client.post("/screen", json={"queries": [{"id": "1", "name": "Ashot Mkrtychev"}]}).json()[
        "results"
    ][0]
    run = CliRunner().invoke(cli_app, ["--db", web_db, "screen", "Ashot Mkrtychev", "--format", "json"])
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout) == api


def test_screen_refuses_bad_requests_with_clear_json(client: TestClient) -> None:
    missing = client.post("/screen", json={"queries": [{"schema": "Person"}]})
    assert missing.status_code == 422
    err = missing.json()
    assert err["error"] == "invalid" and "queries.0.name" in err["message"]
    assert "Traceback" not in missing.text
    assert client.post("/screen", json={"queries": []}).status_code == 422
    bad_schema = client.post("/screen", json={"queries": [{"name": "x", "schema": "Spaceship"}]})
    assert bad_schema.status_code == 422 and "Spaceship" in bad_schema.json()["message"]
    bad_date = client.post(
        "/screen", json={"queries": [{"name": "x"}, {"name": "y", "birth_date": "1966-02-30"}]}
    )
    assert bad_date.status_code == 422
    assert bad_date.json()["message"].startswith("queries.1: birth_date '1966-02-30'")
    extra = client.post("/screen", json={"queries": [{"name": "x", "dob": "1966"}]})
    assert extra.status_code == 422
    not_json = client.post("/screen", content=b"{not json", headers={"content-type": "application/json"})
    assert not_json.status_code == 422 and not_json.json()["error"] == "invalid"


def test_screen_batch_limit(writable: tuple[TestClient, object]) -> None:
    client, _ = writable  # max_batch is 5 there
    too_many = client.post("/screen", json={"queries": [{"name": f"Name {i}"} for i in range(6)]})
    assert too_many.status_code == 413
    assert too_many.json()["message"] == "too many queries: 6; the limit is 5"


def test_lists(client: TestClient) -> None:
    lists = client.get("/lists").json()
    assert {entry["key"] for entry in lists} == {"ofac-sdn", "un-sc"}
    un = next(entry for entry in lists if entry["key"] == "un-sc")
    assert un["list_date"] == "2026-02-27" and un["entry_count"] == 6 and un["current"] is True


def test_screen_a_ship_by_its_imo_number(client: TestClient) -> None:
    # the demo's lists hold CHONG CHON GANG with IMO 7937317
    query = {"name": "Sea Breeze 7", "schema": "Vessel", "identifiers": {"imo": ["7937317"]}}
    (result,) = client.post("/screen", json={"queries": [query]}).json()["results"]
    assert result["query"]["identifiers"] == {"imo": ["7937317"]}
    assert [m["name"] for m in result["matches"]] == ["CHONG CHON GANG"]
    assert result["matches"][0]["explanation"][-1]["feature"] == "identifier"
    too_many = {"name": "x", "schema": "Vessel", "identifiers": {"imo": [str(n) for n in range(11)]}}
    assert client.post("/screen", json={"queries": [too_many]}).status_code == 422
    too_long = {"name": "x", "identifiers": {"passport": ["9" * 65]}}
    assert client.post("/screen", json={"queries": [too_long]}).status_code == 422
