"""The screening page: type or paste names (one a line), see the matches and why. A plain form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse

from materiel.entity_screening import NEAR_MISS
from materiel.screen.lists import list_lists
from materiel.screen.match import DEFAULT
from materiel.screen.records import Match
from materiel.screen.screening import DEFAULT_LIMIT, ScreenResult
from materiel.web.api.common import workspace
from materiel.web.api.screening import QUERY_SCHEMAS, ScreenQuery, ScreenRequest, run_screen
from materiel.web.context import Workspace
from materiel.web.errors import ApiError
from materiel.web.ui.render import render

router = APIRouter(include_in_schema=False)


def _page(
    request: Request, ws: Workspace, status: int = 200, context: dict[str, object] | None = None
) -> HTMLResponse:
    context = dict(context or {})
    context.setdefault("names", "")
    context.setdefault("schema", "Person")
    context.setdefault("birth_date", "")
    context.setdefault("country", "")
    context.setdefault("results", None)
    context.setdefault("near", {})
    context.setdefault("problem", "")
    return render(
        request,
        "screen.html",
        status,
        title="Screen names",
        schemas=QUERY_SCHEMAS,
        lists=list_lists(ws.store),
        **context,
    )


@router.get("/ui/screen", response_class=HTMLResponse)
def screen_form(request: Request, ws: Annotated[Workspace, Depends(workspace)]) -> HTMLResponse:
    return _page(request, ws)


@router.post("/ui/screen", response_class=HTMLResponse)
def screen_submit(
    request: Request,
    ws: Annotated[Workspace, Depends(workspace)],
    names: Annotated[str, Form(max_length=200_000)] = "",
    kind: Annotated[str, Form(alias="schema", max_length=40)] = "Person",
    birth_date: Annotated[str, Form(max_length=32)] = "",
    country: Annotated[str, Form(max_length=100)] = "",
) -> HTMLResponse:
    lines = [line.strip() for line in names.splitlines() if line.strip()]
    kept: dict[str, object] = {"names": names, "schema": kind, "birth_date": birth_date, "country": country}
    try:
        body = ScreenRequest(
            queries=[
                ScreenQuery(
                    id=str(n),
                    name=line[:500],
                    schema=kind,
                    birth_date=birth_date.strip() or None,
                    country=country.strip() or None,
                )
                for n, line in enumerate(lines, 1)
            ],
            threshold=None,
            limit=DEFAULT_LIMIT,
        )
        results = run_screen(ws, body)
        near = _near_misses(ws, body, results)
    except ApiError as exc:
        return _page(request, ws, exc.status, {**kept, "problem": exc.message})
    return _page(request, ws, 200, {**kept, "results": results, "near": near})


def _near_misses(ws: Workspace, body: ScreenRequest, results: list[ScreenResult]) -> dict[str, list[Match]]:
    """For the names with no match: the entries just below the threshold, for review."""
    empty = [q for q, r in zip(body.queries, results, strict=True) if not r.matches]
    if not empty:
        return {}
    floor = max(0.0, DEFAULT.threshold - NEAR_MISS)
    again = run_screen(ws, body.model_copy(update={"queries": empty, "threshold": floor}))
    return {str(r.query.id): r.matches for r in again if r.matches}


__all__ = ["router"]
