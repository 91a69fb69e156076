"""The pages, rendered in-process: what each shows and links to, and that reading needs no script."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient
from web_support import EXAMPLE_ID


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_root_leads_to_the_start_page(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/ui/"
    home = client.get("/ui/").text
    assert "autofocus" in home and 'href="/static/materiel.css"' in home
    assert "Ashot Mkrtychev" in home  # on a sanctions list


def test_search_finds_entities_events_and_documents(client: TestClient) -> None:
    html = client.get("/ui/search", params={"q": "north korea"}).text
    assert 'href="/ui/entities/state:KP"' in html
    assert re.search(r'href="/ui/events/transfer:[0-9a-f]+"', html)
    assert f'href="/ui/documents/{EXAMPLE_ID}"' in html
    only = client.get("/ui/search", params={"q": "north korea", "show": "events"}).text
    assert 'id="entities"' not in only and 'id="events"' in only


def test_document_page_shows_the_text_with_every_fact_linked(client: TestClient) -> None:
    doc = client.get(f"/documents/{EXAMPLE_ID}").json()
    html = client.get(f"/ui/documents/{EXAMPLE_ID}").text
    body = html.split('<div class="doctext">', 1)[1].split("</div>", 1)[0]
    assert _text(body).replace("\n", "") == doc["text"].replace("\n", "")  # the text, whole, in order
    assert body.count("<mark") >= len(
        {(s["start"], s["end"]) for s in doc["spans"] if s["kind"] == "evidence"}
    )
    assert 'class="m k-person" href="/ui/entities/person:ashot-mkrtychev"' in body
    for span in doc["spans"]:
        if span["kind"] == "evidence":
            assert f'id="ev-{span["ref"].split(":")[-1]}-{span["start"]}"' in body


def test_document_page_focuses_an_event(client: TestClient) -> None:
    html = client.get(f"/ui/documents/{EXAMPLE_ID}", params={"event": "t2"}).text
    assert 'class="ev t-arms_transfer focus"' in html
    focused = re.findall(r'<mark class="[^"]*focus[^"]*"[^>]*>(.*?)</mark>', html, re.S)
    assert "artillery shells" in _text("".join(focused))


def test_entity_page(client: TestClient) -> None:
    html = client.get("/ui/entities/person:ashot-mkrtychev").text
    text = _text(html)
    assert "Also written" in text and "Mkrtychev" in text
    assert "ofac-sdn:41736" in text and "ashot=ashot" in text  # the match and why
    assert "<svg" in html and "sanctioned" in text  # the network
    assert 'class="timeline"' in html
    assert f'href="/ui/documents/{EXAMPLE_ID}"' in html


def test_event_page_shows_sources_side_by_side_with_denials(client: TestClient) -> None:
    event = client.get("/events", params={"type": "arms_transfer", "status": "attempted"}).json()["items"][0]
    html = client.get(f"/ui/events/{event['id']}").text
    assert 'class="sides two"' in html and "Asserted" in html and "Denied" in html
    assert "Pyongyang has denied supplying weapons to Moscow." in _text(html)
    assert 'class="source denies"' in html and 'class="source asserts"' in html
    assert "UNSCR 1718 (2006), para 8(b)" in html
    assert f'href="/ui/documents/{EXAMPLE_ID}?event=t1#ev-t1-' in html


def test_screen_page_is_a_plain_form(client: TestClient) -> None:
    form = client.get("/ui/screen").text
    assert '<form class="screen" method="post" action="/ui/screen">' in form
    result = client.post("/ui/screen", data={"names": "Ashot Mkrtychev\n\nKim Nobody", "schema": "Person"})
    assert result.status_code == 200
    text = _text(result.text)
    assert "MKRTYCHEV, Ashot" in text and "ofac-sdn:41736" in text and "No match at the threshold." in text
    empty = client.post("/ui/screen", data={"names": "   "})
    assert empty.status_code == 422 and "give at least one query" in empty.text


def test_screen_page_takes_an_imo_number_and_names_a_bad_qualifier(client: TestClient) -> None:
    ship = {"names": "Sea Breeze 7", "schema": "Vessel", "imo": "7937317"}
    text = _text(client.post("/ui/screen", data=ship).text)
    assert "CHONG CHON GANG" in text and "the same ship" in text
    bad = client.post("/ui/screen", data={"names": "Kim Jong Un", "country": "Narnia"})
    assert bad.status_code == 422 and "country &#39;Narnia&#39;" in bad.text
    assert 'value="Narnia"' in bad.text  # what was typed is kept in the form


def test_screen_page_shows_near_misses_for_review(client: TestClient) -> None:
    # a family name alone matches no one: the listed person is shown below the threshold
    text = _text(client.post("/ui/screen", data={"names": "Mkrtychev", "schema": "Person"}).text)
    assert "No match at the threshold." in text and "Below the threshold, for review:" in text
    assert "MKRTYCHEV, Ashot" in text and "one name alone" in text


def test_lists_and_api_pages(client: TestClient) -> None:
    assert "un-sc" in client.get("/ui/lists").text
    api = client.get("/ui/api").text
    assert "/screen" in api and "/openapi.json" in api
