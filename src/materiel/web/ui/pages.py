"""Pages: the start page, search, a document with its facts, the loaded lists, the API's endpoints."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from materiel.graph.queries import timeline
from materiel.screen.lists import list_lists
from materiel.web.api.common import workspace
from materiel.web.api.documents import document_detail, find_documents
from materiel.web.context import Workspace
from materiel.web.search import EventFilter, event_date, find_entities, find_events
from materiel.web.ui.graph_pages import headline
from materiel.web.ui.render import render
from materiel.web.views import document_links, event_lines, fact_spans, paragraphs

router = APIRouter(include_in_schema=False)

SHOWN = 10
"""Results per kind on the search page (all of one kind with ``show``)."""
KINDS = ("entities", "events", "documents")


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/ui", response_class=HTMLResponse)
@router.get("/ui/", response_class=HTMLResponse)
def home(request: Request, ws: Annotated[Workspace, Depends(workspace)]) -> HTMLResponse:
    picture = ws.picture()
    recent = [t for t in timeline(picture) if t.when][-8:][::-1]
    return render(
        request,
        "home.html",
        title="Start",
        autofocus=True,
        picture=picture,
        recent=recent,
        documents=ws.store.count_documents(),
        lists=list_lists(ws.store),
        listed=[e for e in picture.entities.values() if e.list_matches],
        headline=lambda e: headline(picture, e),
    )


@router.get("/ui/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    ws: Annotated[Workspace, Depends(workspace)],
    q: Annotated[str, Query(max_length=200)] = "",
    show: Annotated[str, Query(max_length=20)] = "",
) -> HTMLResponse:
    picture = ws.picture()
    found: dict[str, list[Any]] = {
        "entities": find_entities(picture, q),
        "events": sorted(
            find_events(picture, EventFilter(q=q)),
            key=lambda e: (event_date(e) is None, str(event_date(e)), e.id),
        ),
        "documents": find_documents(ws, q, None, None, None),
    }
    shown = show if show in KINDS else ""
    return render(
        request,
        "search.html",
        title=f"Search: {q}" if q else "Browse",
        autofocus=True,
        picture=picture,
        found=found,
        show=shown,
        limit=None if shown else SHOWN,
        headline=lambda e: headline(picture, e),
    )


@router.get("/ui/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    doc_id: str,
    ws: Annotated[Workspace, Depends(workspace)],
    event: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    detail = document_detail(ws, doc_id)
    extraction = ws.store.get_extraction(detail["id"]) if detail["extracted"] else None
    spans = fact_spans(extraction) if extraction else []
    entity_links, event_links = document_links(ws.picture(), detail["id"])
    focus = event if ":" in event else (f"{detail['id']}:{event}" if event else "")
    return render(
        request,
        "document.html",
        title=detail["title"] or detail["id"],
        doc=detail,
        extraction=extraction,
        paras=paragraphs(detail["text"], spans),
        entity_links=entity_links,
        event_links=event_links,
        focus=focus,
        event_lines=event_lines(extraction) if extraction else {},
        verdict_counts=Counter(str(f["verdict"]) for f in detail["findings"]),
    )


@router.get("/ui/lists", response_class=HTMLResponse)
def lists_page(request: Request, ws: Annotated[Workspace, Depends(workspace)]) -> HTMLResponse:
    return render(request, "lists.html", title="Lists", lists=list_lists(ws.store, history=True))


@router.get("/ui/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The endpoints from the OpenAPI document, as a plain page (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "description": op.get("description", ""),
            "tag": (op.get("tags") or [""])[0],
            "params": [p.get("name", "") for p in op.get("parameters", [])],
        }
        for path, ops in spec.get("paths", {}).items()
        for method, op in ops.items()
    ]
    return render(request, "api.html", title="API", endpoints=endpoints)


__all__ = ["router"]
