"""``create_app(settings)``: the REST API and the web UI of materiel, in one FastAPI app.

The API answers JSON at ``/documents``, ``/entities``, ``/events``, ``/findings``, ``/designations``,
``/graph``, ``/timeline``, ``/screen`` and ``/lists`` (OpenAPI at ``/openapi.json``, a plain list of
endpoints at ``/ui/api``); the pages live under ``/ui`` (``/`` leads there) with their CSS and
script under ``/static``. Nothing is loaded from another host, so the UI works air-gapped.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from materiel import __version__
from materiel.web import errors
from materiel.web.api import documents, entities, events, findings, graph, screening, write
from materiel.web.context import Workspace
from materiel.web.limits import LimitsMiddleware
from materiel.web.settings import WebSettings
from materiel.web.ui import graph_pages, pages, screen_page
from materiel.web.ui.render import error_page

STATIC = Path(__file__).parent / "data" / "static"

DESCRIPTION = """Sourced facts on arms transfers and sanctions evasion: documents with the spans of
every fact, entities resolved across documents, events with their verdicts, screening against
sanctions lists. Read endpoints are open; write endpoints need the server's token as
`Authorization: Bearer TOKEN`. Errors are JSON: `{"error": CODE, "status": N, "message": TEXT}`."""

TAGS = [
    {"name": "documents", "description": "Stored documents, their text and the spans of every fact."},
    {"name": "entities", "description": "People, organisations, states and vessels across documents."},
    {"name": "events", "description": "Transfers, designations, denials and support across documents."},
    {"name": "findings", "description": "Verdicts of the rule packs and designations checked against lists."},
    {"name": "graph", "description": "The network around an entity, paths between two, timelines."},
    {"name": "screening", "description": "Names against the loaded sanctions lists."},
    {"name": "write", "description": "Ingest documents and load lists (a token is needed)."},
]


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The app over the store named by ``settings`` (default: from the environment)."""
    settings = settings or WebSettings.from_env()
    workspace = Workspace(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        workspace.close()

    app = FastAPI(
        title="materiel",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not air-gapped
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workspace = workspace
    app.state.settings = settings
    errors.install(app, error_page)
    for router in (
        documents.router,
        entities.router,
        events.router,
        findings.router,
        graph.router,
        screening.router,
        write.router,
        pages.router,
        graph_pages.router,
        screen_page.router,
    ):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(
        LimitsMiddleware, max_body=settings.max_body_bytes, max_upload=settings.max_upload_bytes
    )
    return app


__all__ = ["create_app"]
