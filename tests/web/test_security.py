"""Security: hostile text renders as text, write endpoints need the token, big requests are
refused, ids cannot reach outside the store, errors never show a stack trace."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_support import TOKEN

from materiel.web import WebSettings, create_app


def test_hostile_document_is_escaped_everywhere(client: TestClient, hostile_id: str) -> None:
    for path in (f"/ui/documents/{hostile_id}", "/ui/search?q=markup", "/ui/search?q=belarus"):
        html = client.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and "<b onmouseover" not in html, path
    page = client.get(f"/ui/documents/{hostile_id}").text
    assert "&lt;script&gt;alert(&#34;xss-title&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(&#39;xss-img&#39;)&#34;&gt;" in page
    event = client.get("/events", params={"q": "belarus"}).json()["items"][0]
    assert "<img" not in client.get(f"/ui/events/{event['id']}").text


def test_search_box_and_form_values_are_escaped(client: TestClient) -> None:
    html = client.get("/ui/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in html and "&#34;&gt;&lt;script&gt;" in html
    screened = client.post("/ui/screen", data={"names": "</textarea><script>alert(2)</script>"}).text
    assert "<script>alert(2)" not in screened


def test_pages_forbid_inline_and_foreign_scripts(client: TestClient) -> None:
    response = client.get("/ui/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "http://" not in response.text.replace("http://127.0.0.1", "") and "https://" not in response.text


def test_write_endpoints_refuse_without_the_token(client: TestClient) -> None:
    files = {"files": ("a.txt", b"Russia bought tanks from Belarus.", "text/plain")}
    for path, kwargs in (
        ("/documents", {"files": files}),
        ("/lists", {"files": files}),
        ("/documents/import", {"json": {"paths": ["a.txt"]}}),
        ("/lists/import", {"json": {"paths": ["a.txt"]}}),
    ):
        none = client.post(path, **kwargs)  # type: ignore[arg-type]
        assert none.status_code == 401, path
        assert none.json()["error"] == "unauthorized" and none.headers["www-authenticate"] == "Bearer"
        wrong = client.post(path, headers={"Authorization": "Bearer nope"}, **kwargs)  # type: ignore[arg-type]
        assert wrong.status_code == 401, path
    assert client.get("/documents").json()["total"] == 2  # nothing was stored


def test_write_endpoints_are_off_without_a_token_setting(web_db: str) -> None:
    app = create_app(WebSettings(db_url=web_db, token=None))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post(
            "/documents",
            files={"files": ("a.txt", b"text", "text/plain")},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 403
        assert "write endpoints are off" in response.json()["message"]
    app.state.workspace.close()


def test_oversize_requests_are_refused(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable  # uploads up to 64 KiB; other bodies up to 1 MiB
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = client.post("/documents", headers=auth, files={"files": ("big.txt", b"x" * 70_000, "text/plain")})
    assert big.status_code == 413 and big.json()["error"] == "too_large"
    huge = client.post(
        "/screen",
        content=b'{"queries": [' + b" " * (1024 * 1024 + 10) + b"]}",
        headers={"content-type": "application/json"},
    )
    assert huge.status_code == 413 and "limit is 1,048,576 bytes" in huge.json()["message"]

    def chunks():  # no Content-Length: counted as it streams in
        for _ in range(20):
            yield b" " * 64 * 1024

    streamed = client.post("/screen", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    many = client.post(
        "/documents", headers=auth, files=[("files", (f"{i}.txt", b"t", "text/plain")) for i in range(4)]
    )
    assert many.status_code == 413 and "too many files" in many.json()["message"]
    assert client.get("/documents", params={"per_page": 10_000}).status_code == 422


def test_ids_cannot_reach_outside_the_store(client: TestClient) -> None:
    for path in (
        "/documents/..%2F..%2F..%2Fetc%2Fpasswd",
        "/documents/../../etc/passwd",
        "/documents/%2e%2e%2fpyproject.toml",
        "/ui/documents/..%2F..%2Fpyproject.toml",
        "/entities/..%2F..%2Fetc%2Fpasswd",
        "/events/..%2Fsecret",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/settings.py",
    ):
        response = client.get(path)
        assert response.status_code in (404, 422), path
        assert "root:" not in response.text and "[project]" not in response.text, path
    assert client.get("/documents/ab").json()["error"] == "not_found"
    assert client.get("/documents/%00%00%00%00%00%00").status_code == 404


def test_import_paths_stay_inside_the_import_folder(
    writable: tuple[TestClient, Path], tmp_path: Path
) -> None:
    client, _ = writable
    secret = tmp_path / "secret.txt"
    secret.write_text("Russia sold secret missiles to Iran.", encoding="utf-8")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for path in ("../secret.txt", str(secret), "../../etc/passwd", "a/../../secret.txt"):
        response = client.post("/documents/import", headers=auth, json={"paths": [path]})
        assert response.status_code == 404, path
    assert client.get("/documents").json()["total"] == 2


def test_errors_are_json_without_a_stack_trace(client: TestClient) -> None:
    for response in (
        client.get("/nowhere"),
        client.delete("/documents"),
        client.get("/events", params={"type": "party"}),
        client.get("/documents", params={"sort": "shoe-size"}),
        client.get("/entities/person:nobody"),
    ):
        assert response.headers["content-type"].startswith("application/json")
        body = response.json()
        assert set(body) >= {"error", "status", "message"} and body["message"]
        assert "Traceback" not in response.text and 'File "' not in response.text
    page = client.get("/ui/entities/person:nobody")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no entity with this id" in page.text
