"""Write endpoints with the token: upload or point at documents (ingest, extract, assess), load lists."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_support import TOKEN

from materiel.examples.lists import copy_lists

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = b"""Iran delivers drones to Venezuela

Caracas, 2 May 2024

Iran delivered Mohajer-6 drones to Venezuela last month, officials in Washington said on Thursday.
"""


def test_upload_ingests_extracts_and_assesses(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    response = client.post(
        "/documents", headers=AUTH, files={"files": ("../../evil name.txt", REPORT, "text/plain")}
    )
    assert response.status_code == 201, response.text
    result = response.json()
    assert len(result["added"]) == 1 and result["failures"] == []
    assert result["extracted"]["documents"] == 1 and result["extracted"]["transfers"] >= 1
    doc_id = result["added"][0]
    doc = client.get(f"/documents/{doc_id}").json()
    assert doc["extracted"] and doc["title"] == "Iran delivers drones to Venezuela"
    assert doc["source_path"] == "upload:evil_name.txt"  # the name given, made safe; no server path
    events = client.get("/events", params={"to": "VE"}).json()["items"]  # the picture was rebuilt
    assert events and events[0]["supplier"]["id"] == "state:IR"
    again = client.post(
        "/documents", headers=AUTH, files={"files": ("again.txt", REPORT, "text/plain")}
    ).json()
    assert again["added"] == [] and again["present"] == [doc_id]


def test_import_from_the_import_folder_and_failures(writable: tuple[TestClient, Path]) -> None:
    client, imports = writable
    (imports / "reports").mkdir()
    (imports / "reports" / "drones.txt").write_bytes(REPORT)
    (imports / "empty.txt").write_bytes(b"   ")
    response = client.post(
        "/documents/import", headers={"X-Materiel-Token": TOKEN}, json={"paths": ["reports", "empty.txt"]}
    )
    assert response.status_code == 201, response.text
    result = response.json()
    assert len(result["added"]) == 1
    assert result["failures"] == [{"input": "empty.txt", "reason": "empty: no text"}]


def test_load_lists_by_upload_and_from_the_import_folder(
    writable: tuple[TestClient, Path], tmp_path: Path
) -> None:
    client, imports = writable
    lists = copy_lists(tmp_path / "lists")
    un = next(p for p in lists if str(p).endswith(".xml"))
    uploaded = client.post(
        "/lists", headers=AUTH, files={"files": ("un_consolidated.xml", Path(un).read_bytes(), "text/xml")}
    )
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()[0]["key"] == "un-sc" and uploaded.json()[0]["unchanged"] is True
    renamed = client.post(
        "/lists",
        headers=AUTH,
        files={"files": ("un_consolidated.xml", Path(un).read_bytes(), "text/xml")},
        data={"name": "un-copy"},
    )
    assert renamed.status_code == 201 and renamed.json()[0]["key"] == "un-copy", renamed.text
    loaded = {v["key"]: v for v in client.get("/lists").json()}
    assert loaded["un-copy"]["source"] == "upload:un_consolidated.xml"  # not the server's temporary path
    (imports / "custom.csv").write_text("not a list at all\n", encoding="utf-8")
    bad = client.post("/lists/import", headers=AUTH, json={"paths": ["custom.csv"]})
    assert bad.status_code == 201 and bad.json()[0]["error"]
    assert "/" not in bad.json()[0]["error"].split(":")[0]  # no server path in the message
    screened = client.post("/screen", json={"queries": [{"name": "Ashot Mkrtychev"}]}).json()
    assert screened["results"][0]["matches"]
