"""``/graph`` (the network around an entity, paths between two, events between a pair) and
``/timeline``, answered by ``materiel.graph.queries``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from materiel.graph.queries import between, neighbourhood, paths, timeline
from materiel.web.api import shapes
from materiel.web.api.common import workspace
from materiel.web.api.entities import EntitySummary, EventSummary, get_entity
from materiel.web.context import Workspace

router = APIRouter(tags=["graph"])

MAX_DEPTH = 3
MAX_HOPS = 5


class EdgeOut(BaseModel):
    source: str
    target: str
    relation: str = Field(description="supplied, supported, brokered, sanctioned, denied or accused")
    event: str = Field(description="The id of the event that states it.")
    when: date | None = None


class GraphOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "center": "state:KP",
                    "nodes": [
                        {
                            "id": "state:RU",
                            "kind": "state",
                            "name": "Russia",
                            "aliases": [],
                            "documents": 1,
                            "mentions": 4,
                            "listed": False,
                            "distance": 1,
                        }
                    ],
                    "edges": [
                        {
                            "source": "state:KP",
                            "target": "state:RU",
                            "relation": "supplied",
                            "event": "transfer:10c0cd2790",
                        }
                    ],
                }
            ]
        }
    )

    center: str
    nodes: list[dict[str, Any]]
    edges: list[EdgeOut]


class PathOut(BaseModel):
    nodes: list[str]
    hops: list[list[EdgeOut]]


class TimelineEntryOut(BaseModel):
    when: date | None
    dated_by: str = Field(description="event (the reports date it), reported (first report) or empty")
    event: EventSummary


@router.get("/graph", response_model=GraphOut, summary="The network around an entity")
def graph(
    ws: Annotated[Workspace, Depends(workspace)],
    entity: Annotated[str, Query(max_length=200, description="Entity id.")],
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Relations away from it.")] = 1,
) -> dict[str, Any]:
    """Entities within ``depth`` relations of ``entity``, and the relations (each naming its event)."""
    picture = ws.picture()
    center = get_entity(picture, entity)
    hood = neighbourhood(picture, center.id, depth)
    nodes = [
        {
            **(shapes.entity_summary(picture.entities[i]) if i in picture.entities else {"id": i, "name": i}),
            "distance": d,
        }
        for i, d in hood.distance.items()
    ]
    return {"center": center.id, "nodes": nodes, "edges": [shapes.edge(picture, e) for e in hood.edges]}


@router.get("/graph/paths", response_model=list[PathOut], summary="Paths between two entities")
def graph_paths(
    ws: Annotated[Workspace, Depends(workspace)],
    a: Annotated[str, Query(alias="from", max_length=200, description="Entity id.")],
    b: Annotated[str, Query(alias="to", max_length=200, description="Entity id.")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 4,
) -> list[dict[str, Any]]:
    """Simple paths of at most ``max_hops`` relations from one entity to another, shortest first."""
    picture = ws.picture()
    start, end = get_entity(picture, a), get_entity(picture, b)
    return [
        {"nodes": p.nodes, "hops": [[shapes.edge(picture, e) for e in hop] for hop in p.hops]}
        for p in paths(picture, start.id, end.id, max_hops)
    ]


@router.get("/graph/between", response_model=list[EventSummary], summary="Transfers between two entities")
def graph_between(
    ws: Annotated[Workspace, Depends(workspace)],
    a: Annotated[str, Query(max_length=200, description="Entity id.")],
    b: Annotated[str, Query(max_length=200, description="Entity id.")],
) -> list[dict[str, Any]]:
    """Transfers and military support between ``a`` and ``b`` either way, in date order."""
    picture = ws.picture()
    return [
        shapes.event_summary(picture, e)
        for e in between(picture, get_entity(picture, a).id, get_entity(picture, b).id)
    ]


@router.get("/timeline", response_model=list[TimelineEntryOut], summary="Timeline")
def get_timeline(
    ws: Annotated[Workspace, Depends(workspace)],
    entity: Annotated[
        str | None, Query(max_length=200, description="Only the events of this entity.")
    ] = None,
    a: Annotated[str | None, Query(max_length=200, description="With b: the events between a pair.")] = None,
    b: Annotated[str | None, Query(max_length=200)] = None,
) -> list[dict[str, Any]]:
    """Events in date order (dated by the reports, else by their first report; undated last)."""
    picture = ws.picture()
    center = get_entity(picture, entity).id if entity else None
    pair = (get_entity(picture, a).id, get_entity(picture, b).id) if a and b else None
    return [shapes.timeline_entry(picture, t) for t in timeline(picture, center, pair)]


__all__ = ["EntitySummary", "router"]
