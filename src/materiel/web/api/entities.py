"""``/entities``: people, organisations, states, vessels resolved across documents, and one entity's
profile (aliases, list matches with their explanation, its events, the sources)."""

from __future__ import annotations

import builtins
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from materiel.entity_screening import stored_screening
from materiel.errors import NotFoundError
from materiel.graph.exports.common import document_header
from materiel.graph.queries import involves
from materiel.graph.records import GraphEntity, Picture
from materiel.model import EntityKind
from materiel.web.api import shapes
from materiel.web.api.common import Page, Paging, paginate, sort_by, workspace
from materiel.web.context import Workspace
from materiel.web.search import event_date, find_entities

router = APIRouter(prefix="/entities", tags=["entities"])


class EntityRef(BaseModel):
    id: str
    name: str
    kind: str | None = None


class EntitySummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "person:ashot-mkrtychev",
                    "kind": "person",
                    "name": "Ashot Mkrtychev",
                    "country": None,
                    "aliases": ["Mkrtychev"],
                    "documents": 1,
                    "mentions": 3,
                    "listed": True,
                }
            ]
        }
    )

    id: str
    kind: str
    name: str
    country: str | None = None
    aliases: list[str]
    documents: int = Field(description="How many documents mention it.")
    mentions: int
    listed: bool = Field(description="Screening matched it to a list entry.")


class ListMatch(BaseModel):
    list: str
    list_id: str
    name: str
    schema_: str | None = Field(None, alias="schema")
    programs: builtins.list[str] = Field(default_factory=builtins.list)
    score: float
    documents: builtins.list[str] = Field(default_factory=builtins.list)
    explanation: builtins.list[dict[str, Any]] = Field(
        default_factory=builtins.list, description="Why it matched: feature, score, detail."
    )


class EventSummary(BaseModel):
    id: str
    type: str
    status: str | None = None
    supplier: EntityRef | None = None
    recipient: EntityRef | None = None
    items: list[dict[str, Any]] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    start: date | None = None
    end: date | None = None
    first_reported: date | None = None
    last_reported: date | None = None
    corroboration: int = Field(0, description="Documents that report it.")
    publishers: list[str] = Field(default_factory=list)
    contested: bool = False
    worst_verdict: str | None = None


class EntityProfile(EntitySummary):
    attributes: dict[str, Any] = Field(default_factory=dict)
    why: list[str] = Field(default_factory=list, description="How resolution joined its mentions.")
    list_matches: list[ListMatch] = Field(default_factory=list)
    transfers: list[EventSummary] = Field(default_factory=list)
    designations: list[EventSummary] = Field(default_factory=list)
    denials: list[EventSummary] = Field(default_factory=list)
    other_events: list[EventSummary] = Field(default_factory=list)
    sources: list[dict[str, Any]] = Field(default_factory=list, description="The documents that mention it.")


def get_entity(picture: Picture, entity_id: str) -> GraphEntity:
    entity = picture.entities.get(entity_id)
    if entity is None:
        raise NotFoundError("no entity with this id", source=entity_id[:120])
    return entity


def match_explanations(ws: Workspace, entity: GraphEntity) -> list[dict[str, Any]]:
    """The entity's list matches, each with the explanation of its best stored screening hit."""
    best: dict[str, dict[str, Any]] = {}
    for doc_id in entity.documents:
        screening = stored_screening(ws.store, doc_id)
        for hit in screening.hits if screening else []:
            if f"{doc_id}/{hit.entity_id}" in entity.merged_from and hit.match:
                known = best.get(hit.list_entry_id)
                if known is None or hit.score > known["score"]:
                    best[hit.list_entry_id] = hit.to_dict()
    out = []
    for match in entity.list_matches:
        best_hit = best.get(str(match["list_id"]), {})
        out.append({**match, "explanation": best_hit.get("explanation", [])})
    return out


def entity_profile(ws: Workspace, picture: Picture, entity: GraphEntity) -> dict[str, Any]:
    events = sorted(
        (e for e in picture.events if involves(e, entity.id)),
        key=lambda e: (event_date(e) is None, event_date(e) or date.min, e.id),
    )
    groups: dict[str, list[dict[str, Any]]] = {
        "transfers": [],
        "designations": [],
        "denials": [],
        "other_events": [],
    }
    for event in events:
        group = {
            "arms_transfer": "transfers",
            "military_support": "transfers",
            "designation": "designations",
            "denial": "denials",
        }.get(event.type, "other_events")
        groups[group].append(shapes.event_summary(picture, event))
    return {
        **shapes.entity_summary(entity),
        "attributes": entity.attributes,
        "why": entity.why,
        "list_matches": match_explanations(ws, entity),
        **groups,
        "sources": [document_header(picture, d) for d in entity.documents],
    }


SORTS = {
    "name": lambda e: e.name.casefold(),
    "kind": lambda e: e.kind,
    "documents": lambda e: len(e.documents),
    "mentions": lambda e: e.mentions,
    "id": lambda e: e.id,
}


@router.get("", response_model=Page[EntitySummary], summary="Search entities")
def list_entities(
    ws: Annotated[Workspace, Depends(workspace)],
    paging: Annotated[Paging, Depends()],
    q: Annotated[str | None, Query(max_length=200, description="In the id, name or an alias.")] = None,
    kind: Annotated[EntityKind | None, Query(description="Entity kind.")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="ISO alpha-2.")] = None,
    listed: Annotated[
        bool | None, Query(description="Matched to a list entry (true) or not (false).")
    ] = None,
    sort: Annotated[
        str | None, Query(description="name, kind, documents, mentions or id; '-' reverses.")
    ] = None,
) -> dict[str, Any]:
    """Entities across documents, most documented first unless ``sort`` says otherwise."""
    found = find_entities(ws.picture(), q, kind=str(kind) if kind else None, country=country, listed=listed)
    page = paginate(sort_by(found, sort, SORTS), paging)
    page["items"] = [shapes.entity_summary(e) for e in page["items"]]
    return page


@router.get(
    "/{entity_id}", response_model=EntityProfile, response_model_by_alias=True, summary="Entity profile"
)
def entity(entity_id: str, ws: Annotated[Workspace, Depends(workspace)]) -> dict[str, Any]:
    """Names and aliases, list matches with why they matched, its transfers, designations and
    denials (date order), and the documents that mention it."""
    picture = ws.picture()
    return entity_profile(ws, picture, get_entity(picture, entity_id))


__all__ = ["EntityRef", "EventSummary", "entity_profile", "get_entity", "router"]
