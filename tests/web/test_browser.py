"""End to end in headless Chromium (Debian's ``chromium``, driven by Playwright; no browser is
downloaded): search, open an entity, follow an event to its highlighted sentence, screen a name,
and hostile markup renders as text. Screenshots go to ``artifacts/`` for CI to keep."""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from web_support import EXAMPLE_ID

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: apt-get install chromium (.ci/run does)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="playwright missing: pip install -e '.[dev]' (no `playwright install`: Debian's chromium)",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a background thread."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs = []  # type: ignore[attr-defined]
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_search_then_open_an_entity(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/ui/")
    assert page.evaluate("document.activeElement.id") == "q"  # the search box has the focus
    page.keyboard.type("mkrtychev")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ui/search?q=mkrtychev")
    shot(page, "search")
    page.get_by_role("link", name="Ashot Mkrtychev").first.click()
    page.wait_for_url("**/ui/entities/person:ashot-mkrtychev")
    assert page.locator("h1").inner_text() == "Ashot Mkrtychev"
    assert page.get_by_text("ofac-sdn:41736").first.is_visible()
    assert page.locator("figure.network svg").is_visible()
    shot(page, "entity")


def test_slash_jumps_to_the_search_box(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/ui/entities/state:KP")
    page.locator("h1").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"


def test_follow_an_event_to_its_highlighted_sentence(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/ui/entities/state:KP")
    page.get_by_role("link", name="North Korea → Russia: artillery shells").first.click()
    page.wait_for_url("**/ui/events/transfer:*")
    passage = page.locator(".source.asserts mark.ev.focus").first
    assert "shipped artillery shells to Russia" in passage.inner_text()
    shot(page, "event")
    page.locator(".source.asserts").get_by_role("link", name="in the document").first.click()
    page.wait_for_url(f"**/ui/documents/{EXAMPLE_ID}?event=t2#ev-t2-*")
    focused = page.locator(".doctext mark.ev.focus")
    assert focused.count() >= 1
    assert "artillery shells" in " ".join(focused.all_inner_texts())
    assert focused.first.is_visible()
    box = focused.first.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    shot(page, "document")


def test_screen_a_name(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/ui/screen")
    assert page.evaluate("document.activeElement.id") == "names"
    page.fill("#names", "Ashot Mkrtychev\nKorea Mining Development Trading Corporation")
    page.select_option("select[name=schema]", "Person")
    page.get_by_role("button", name="Screen").click()
    page.wait_for_selector(".screen-results")
    results = page.locator(".screen-results").inner_text()
    assert "MKRTYCHEV, Ashot" in results and "ofac-sdn:41736" in results and "ashot=ashot" in results
    shot(page, "screen")


def test_screening_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{base_url}/ui/screen")
    tab.fill("#names", "Ashot Mkrtychev")
    tab.get_by_role("button", name="Screen").click()
    tab.wait_for_selector(".screen-results")
    assert "MKRTYCHEV, Ashot" in tab.locator(".screen-results").inner_text()
    context.close()


def test_hostile_document_renders_as_text(page: Any, base_url: str, hostile_id: str) -> None:
    page.goto(f"{base_url}/ui/documents/{hostile_id}")
    page.wait_for_timeout(300)
    assert page.dialogs == []  # no alert ran
    assert page.locator("script:not([src])").count() == 0
    assert page.locator(".doctext img, .doctext b, h1 script").count() == 0
    assert page.get_by_text('<script>alert("xss-title")</script>').first.is_visible()
    assert "<img src=x onerror=" in page.locator(".doctext").inner_text()
    page.locator(".doctext").hover()
    page.goto(f"{base_url}/ui/search?q=markup")
    page.wait_for_timeout(200)
    assert page.dialogs == []
    shot(page, "hostile")
