"""``POST /screen`` (names against the loaded lists, the CLI's JSON shape) and ``GET /lists``."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from materiel.errors import InputError
from materiel.screen.lists import list_lists
from materiel.screen.match import DEFAULT_THRESHOLD
from materiel.screen.queries import QUERY_SCHEMAS, query_from_row
from materiel.screen.screening import DEFAULT_LIMIT, ScreenResult, screen
from materiel.web.api.common import workspace
from materiel.web.context import Workspace
from materiel.web.errors import ApiError

router = APIRouter(tags=["screening"])

MAX_MATCHES = 50


IdKind = Annotated[str, StringConstraints(min_length=1, max_length=32)]
IdValue = Annotated[str, StringConstraints(min_length=1, max_length=64)]
IdValues = Annotated[list[IdValue], Field(min_length=1, max_length=10)]


class ScreenQuery(BaseModel):
    """One name to screen: the fields of the CLI's batch input (only ``name`` is required)."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    id: str | None = Field(
        None, max_length=200, description="Your reference; the position (from 1) if absent."
    )
    name: str = Field(min_length=1, max_length=500)
    schema_: str = Field("Person", alias="schema", description=f"One of {', '.join(QUERY_SCHEMAS)}.")
    birth_date: str | None = Field(None, max_length=32, description="Year or ISO date.")
    country: str | None = Field(None, max_length=100, description="ISO code or name of a country.")
    gender: str | None = Field(None, max_length=16, description="male, female or other.")
    identifiers: dict[IdKind, IdValues] | None = Field(
        None,
        max_length=10,
        description="Identifiers by kind: imo, passport, national_id, ... (an IMO number matches a "
        "listed ship whatever its name).",
        examples=[{"imo": ["8405311"]}],
    )


class ScreenRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "queries": [
                        {"id": "q1", "name": "Ashot Mkrtychev", "schema": "Person", "birth_date": "1966"},
                        {"name": "Korea Mining Development Trading Corporation", "schema": "Organization"},
                    ]
                }
            ]
        },
    )

    queries: list[ScreenQuery]
    threshold: float | None = Field(
        None, ge=0.0, le=1.0, description=f"Lowest match score ({DEFAULT_THRESHOLD})."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_MATCHES, description="Most matches per query.")


class Explanation(BaseModel):
    feature: str
    score: float
    detail: str


class ScreenMatch(BaseModel):
    list: str
    list_id: str
    schema_: str = Field(alias="schema")
    name: str
    score: float
    match: bool
    programs: builtins.list[str]
    explanation: builtins.list[Explanation]


class ScreenResultOut(BaseModel):
    """One result per query, exactly as ``materiel screen --input`` writes each JSON line."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "query": {"id": "q1", "name": "Ashot Mkrtychev", "schema": "Person"},
                    "matches": [
                        {
                            "list": "ofac-sdn",
                            "list_id": "ofac-sdn:41736",
                            "schema": "Person",
                            "name": "MKRTYCHEV, Ashot",
                            "score": 1.0,
                            "match": True,
                            "programs": ["DPRK"],
                            "explanation": [
                                {
                                    "feature": "name",
                                    "score": 1.0,
                                    "detail": "ashot=ashot; mkrtychev=mkrtychev",
                                }
                            ],
                        }
                    ],
                }
            ]
        }
    )

    query: dict[str, Any]
    matches: list[ScreenMatch]


class ScreenResponse(BaseModel):
    results: list[ScreenResultOut]


def run_screen(ws: Workspace, request: ScreenRequest) -> list[ScreenResult]:
    """Screen the request's queries against the workspace's index (limits checked first)."""
    if not request.queries:
        raise ApiError(422, "queries: give at least one query")
    if len(request.queries) > ws.settings.max_batch:
        raise ApiError(413, f"too many queries: {len(request.queries)}; the limit is {ws.settings.max_batch}")
    for q in request.queries:
        if q.schema_ not in QUERY_SCHEMAS:
            raise ApiError(422, f"schema {q.schema_!r}: one of {', '.join(QUERY_SCHEMAS)}")
    rows = [q.model_dump(by_alias=True) for q in request.queries]
    try:
        queries = [query_from_row(row, i, where=f"queries.{i - 1}") for i, row in enumerate(rows, 1)]
    except InputError as exc:
        raise ApiError(422, str(exc)) from exc
    return list(screen(queries, index=ws.index(), threshold=request.threshold, limit=request.limit))


@router.post("/screen", response_model=ScreenResponse, response_model_by_alias=True, summary="Screen names")
def screen_names(request: ScreenRequest, ws: Annotated[Workspace, Depends(workspace)]) -> dict[str, Any]:
    """Screen each name against the loaded sanctions lists: one result per query, in order, with
    each match's score and the features that explain it (the CLI's screening JSON shape)."""
    return {"results": [r.to_dict() for r in run_screen(ws, request)]}


class ListOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "key": "ofac-sdn",
                    "version": 1,
                    "format": "ofac-csv",
                    "source": "ofac_sdn.csv",
                    "list_date": "2024-05-03",
                    "list_date_from": "file",
                    "checksum": "3f2a...",
                    "entry_count": 7,
                    "counts": {"Person": 5, "Organization": 2},
                    "loaded_at": "2026-11-27T05:48:00+00:00",
                    "current": True,
                }
            ]
        }
    )

    key: str
    version: int
    format: str
    source: str
    list_date: str | None
    list_date_from: str
    checksum: str
    entry_count: int
    counts: dict[str, int]
    loaded_at: datetime
    current: bool
    warnings: list[str] = Field(default_factory=list)


@router.get("/lists", response_model=list[ListOut], summary="Loaded lists and their dates")
def get_lists(
    ws: Annotated[Workspace, Depends(workspace)],
    history: Annotated[bool, Query(description="Every loaded version, not only the current.")] = False,
) -> list[dict[str, Any]]:
    """The sanctions lists loaded in the store: version, the date the list states, entries."""
    return [
        {
            "key": v.key,
            "version": v.version,
            "format": v.format,
            "source": v.source,
            "list_date": v.list_date,
            "list_date_from": v.list_date_from,
            "checksum": v.checksum,
            "entry_count": v.entry_count,
            "counts": v.counts,
            "loaded_at": v.loaded_at,
            "current": v.current,
            "warnings": v.warnings,
        }
        for v in list_lists(ws.store, history=history)
    ]


__all__ = ["ScreenQuery", "ScreenRequest", "router", "run_screen"]
