"""The screening page: type or paste names (one a line), see the matches and why. A plain form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse

from materiel.screen.lists import list_lists
from materiel.screen.match import DEFAULT
from materiel.screen.queries import QUERY_SCHEMAS
from materiel.screen.screening import DEFAULT_LIMIT, review_floor, split_near_misses
from materiel.web.api.common import workspace
from materiel.web.api.screening import ScreenQuery, ScreenRequest, run_screen
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
    context.setdefault("imo", "")
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
    imo: Annotated[str, Form(max_length=32)] = "",
) -> HTMLResponse:
    lines = [line.strip() for line in names.splitlines() if line.strip()]
    kept: dict[str, object] = {
        "names": names,
        "schema": kind,
        "birth_date": birth_date,
        "country": country,
        "imo": imo,
    }
    try:
        body = ScreenRequest(
            queries=[
                ScreenQuery(
                    id=str(n),
                    name=line[:500],
                    schema=kind,
                    birth_date=birth_date.strip() or None,
                    country=country.strip() or None,
                    gender=None,
                    identifiers={"imo": [imo.strip()]} if imo.strip() else None,
                )
                for n, line in enumerate(lines, 1)
            ],
            threshold=review_floor(DEFAULT.threshold),
            limit=DEFAULT_LIMIT,
        )
        # screened down to the review floor once: the matches, and for review what lies below
        split = [split_near_misses(r, DEFAULT.threshold) for r in run_screen(ws, body)]
        results = [r for r, _ in split]
        near = {str(r.query.id): misses for r, misses in split if misses}
    except ApiError as exc:
        return _page(request, ws, exc.status, {**kept, "problem": exc.message})
    return _page(request, ws, 200, {**kept, "results": results, "near": near})


__all__ = ["router"]
