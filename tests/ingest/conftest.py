"""Fixtures for the ingest tests: the fixture folder and a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared"

LINKED_PAGE = """<!DOCTYPE html><html><head><title>Full story: convoy stopped at the border</title>
<meta property="article:published_time" content="2024-03-07"></head><body><article>
<h1>Convoy stopped at the border</h1>
<p>Guards on the Ostravia border stopped a convoy of six lorries on Thursday and found anti-tank
launchers hidden under sacks of grain, according to the border service.</p>
<p>The drivers told investigators the cargo had been loaded at a warehouse near Kessel Bay.</p>
</article></body></html>"""

LINK_ONLY_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Border Wire</title><link>{base}/</link>
<item><title>Convoy stopped</title><link>{base}/linked.html</link>
<pubDate>Thu, 07 Mar 2024 18:00:00 GMT</pubDate><description>Read more.</description></item>
<item><title>Dead link</title><link>{base}/missing</link><description></description></item>
</channel></rss>"""


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay_s: float = 0.0
    location: str | None = None
    send_length: bool = True


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _handler(routes: dict[str, Route]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            route = routes.get(self.path)
            if route is None:
                route = Route(b"not here", "text/plain", status=404)
            if route.delay_s:
                time.sleep(route.delay_s)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.location:
                    self.send_header("Location", route.location)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout and size-limit tests)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="session")
def server() -> Iterator[LocalServer]:
    routes: dict[str, Route] = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes))
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    routes.update(
        {
            "/article.html": Route((FIXTURES / "article.html").read_bytes()),
            "/feed-full.xml": Route((FIXTURES / "feed_full.xml").read_bytes(), "application/rss+xml"),
            "/feed-links.xml": Route(LINK_ONLY_FEED.format(base=base).encode(), "application/xml"),
            "/linked.html": Route(LINKED_PAGE.encode()),
            "/records.jsonl": Route((FIXTURES / "records.jsonl").read_bytes(), "application/x-ndjson"),
            "/plain": Route((FIXTURES / "article.txt").read_bytes(), "text/plain; charset=utf-8"),
            "/slow": Route(b"<p>too late</p>", delay_s=2.0),
            "/loop": Route(b"", status=302, location="/loop"),
            "/hop": Route(b"", status=301, location="/article.html"),
            "/big": Route(b"<p>" + b"x" * 5000 + b"</p>"),
            "/big-stream": Route(b"<p>" + b"y" * 5000 + b"</p>", send_length=False),
            "/error": Route(b"boom", "text/plain", status=500),
            "/image.png": Route(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image/png"),
        }
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(base, routes)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def shared_docs() -> Path:
    docs = SHARED / "eval" / "dev" / "docs"
    if not docs.is_dir():
        pytest.skip(f"shared dev documents not found at {docs} (../shared is absent)")
    return docs
