"""``/events``: transfers, designations, denials, support and accusations merged across documents."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from materiel.errors import NotFoundError
from materiel.graph.records import GraphEvent, Picture
from materiel.model import EventType, ItemCategory, TransferStatus, Verdict
from materiel.web.api import shapes
from materiel.web.api.common import Page, Paging, paginate, sort_by, workspace
from materiel.web.api.entities import EntityRef, EventSummary
from materiel.web.context import Workspace
from materiel.web.search import EventFilter, event_date, find_events

router = APIRouter(prefix="/events", tags=["events"])


class Source(BaseModel):
    document_id: str
    event_id: str = Field(description="The event's id in that document's extraction.")
    stance: str = Field(description="asserts or denies")
    evidence: str = Field(description="The sentence, as quoted.")
    start: int
    end: int
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    asserted_by: list[str] = Field(default_factory=list)


class EventDetail(EventSummary):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "transfer:10c0cd2790",
                    "type": "arms_transfer",
                    "status": "delivered",
                    "supplier": {"id": "state:KP", "name": "North Korea", "kind": "state"},
                    "recipient": {"id": "state:RU", "name": "Russia", "kind": "state"},
                    "items": [{"text": "artillery shells", "category": "ammunition", "quantity": None}],
                    "categories": ["ammunition"],
                    "corroboration": 1,
                    "contested": True,
                    "worst_verdict": "breach",
                    "sources": [
                        {
                            "document_id": "08e979a7ebfa03fc",
                            "event_id": "08e979a7ebfa03fc:t2",
                            "stance": "asserts",
                            "evidence": "US officials also said North Korea has shipped artillery shells ...",
                            "start": 750,
                            "end": 938,
                        }
                    ],
                    "verdicts": ["breach: UNSCR 1874 (2009), para 9"],
                }
            ]
        }
    )

    brokers: list[EntityRef | None] = Field(default_factory=list)
    consideration: list[Any] = Field(default_factory=list)
    roles: dict[str, Any] = Field(
        default_factory=dict, description="Type-specific roles (authority, target, party ...)."
    )
    denied_by: list[EntityRef | None] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    verdicts: list[str] = Field(
        default_factory=list, description="Distinct verdicts with citations, worst first."
    )
    findings: list[dict[str, Any]] = Field(
        default_factory=list, description="Every finding, as /findings gives it."
    )


def get_event(picture: Picture, event_id: str) -> GraphEvent:
    for event in picture.events:
        if event.id == event_id:
            return event
    raise NotFoundError("no event with this id", source=event_id[:120])


SORTS = {
    "date": event_date,
    "type": lambda e: e.type,
    "status": lambda e: e.status,
    "corroboration": lambda e: e.corroboration,
    "first_reported": lambda e: e.first_reported,
    "id": lambda e: e.id,
}


@router.get("", response_model=Page[EventSummary], summary="Filter events")
def list_events(
    ws: Annotated[Workspace, Depends(workspace)],
    paging: Annotated[Paging, Depends()],
    type: Annotated[EventType | None, Query(description="Event type.")] = None,
    from_state: Annotated[
        str | None,
        Query(alias="from", min_length=2, max_length=2, description="Supplier's country (ISO alpha-2)."),
    ] = None,
    to_state: Annotated[
        str | None, Query(alias="to", min_length=2, max_length=2, description="Recipient's country.")
    ] = None,
    category: Annotated[ItemCategory | None, Query(description="Item category.")] = None,
    status: Annotated[TransferStatus | None, Query(description="Transfer status.")] = None,
    since: Annotated[
        date | None, Query(description="Happened on or after (undated events left out).")
    ] = None,
    until: Annotated[date | None, Query(description="Happened on or before.")] = None,
    verdict: Annotated[Verdict | None, Query(description="Has a finding with this verdict.")] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="An entity id taking part in any role.")
    ] = None,
    contested: Annotated[bool | None, Query(description="Denied by a party (true) or not (false).")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in names, items or evidence.")] = None,
    sort: Annotated[
        str | None,
        Query(description="date, type, status, corroboration, first_reported or id; '-' reverses."),
    ] = "date",
) -> dict[str, Any]:
    """Events across documents, filtered by every parameter given (date order by default)."""
    picture = ws.picture()
    f = EventFilter(
        q=q,
        type=str(type) if type else None,
        from_state=from_state,
        to_state=to_state,
        category=str(category) if category else None,
        status=str(status) if status else None,
        since=since,
        until=until,
        verdict=str(verdict) if verdict else None,
        entity=entity,
        contested=contested,
    )
    page = paginate(sort_by(find_events(picture, f), sort, SORTS), paging)
    page["items"] = [shapes.event_summary(picture, e) for e in page["items"]]
    return page


@router.get("/{event_id}", response_model=EventDetail, summary="One event")
def event(event_id: str, ws: Annotated[Workspace, Depends(workspace)]) -> dict[str, Any]:
    """The event's roles, status and dates, every source with its evidence sentence (and its
    stance: asserts or denies), and the verdicts of the rule packs with their citations."""
    picture = ws.picture()
    return shapes.event_detail(picture, get_event(picture, event_id))


__all__ = ["get_event", "router"]
