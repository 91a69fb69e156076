"""Pages of the picture: an entity (names, list matches and why, its events, network, timeline,
sources) and an event (roles, dates, verdicts, each source with its sentence in place)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from materiel.graph.exports.common import (
    VERDICT_ORDER,
    consideration,
    denial_subject,
    document_header,
    items_phrase,
    sources_by_document,
    verdict_labels,
    worst_verdict,
)
from materiel.graph.queries import neighbourhood, timeline
from materiel.graph.records import GraphEvent, Picture
from materiel.web.api.common import workspace
from materiel.web.api.entities import get_entity, match_explanations
from materiel.web.api.events import get_event
from materiel.web.context import Workspace
from materiel.web.search import involves_sorted
from materiel.web.ui.network import layout
from materiel.web.ui.render import render
from materiel.web.views import excerpt

router = APIRouter(include_in_schema=False)

NETWORK_DEPTH = 2


def headline(picture: Picture, event: GraphEvent) -> str:
    """One line naming the event: who to whom, what; who designated whom; who denied what."""
    if event.type in ("arms_transfer", "military_support"):
        return f"{picture.name(event.supplier)} → {picture.name(event.recipient)}: {items_phrase(event)}"
    if event.type == "designation":
        target = event.roles.get("target")
        authority = event.roles.get("authority_entity") or event.roles.get("authority")
        who = picture.name(str(authority)) if authority else "?"
        return f"{who} designates {picture.name(str(target)) if target else '?'}"
    if event.type == "denial":
        subject = denial_subject(picture, event)
        party = event.roles.get("party")
        what = headline(picture, subject) if subject else "a claim"
        return f"{picture.name(str(party)) if party else '?'} denies: {what}"
    if event.type == "accusation":
        accusers = ", ".join(picture.name(str(a)) for a in event.roles.get("accusers") or [])
        accused = ", ".join(picture.name(str(a)) for a in event.roles.get("accused") or [])
        return f"{accusers or '?'} accuses {accused or '?'}"
    return event.type.replace("_", " ")


def _severity(finding: dict[str, Any]) -> tuple[int, str]:
    verdict = str(finding.get("verdict"))
    rank = VERDICT_ORDER.index(verdict) if verdict in VERDICT_ORDER else len(VERDICT_ORDER)
    return rank, str(finding.get("citation") or "")


def _sources(ws: Workspace, picture: Picture, event: GraphEvent) -> list[dict[str, Any]]:
    """Each source document with each evidence sentence in its place in that document's text."""
    out = []
    for doc_id, refs in sources_by_document(event).items():
        text = ws.store.get_document(doc_id).text if ws.store.has_document(doc_id) else ""
        out.append(
            {
                "header": document_header(picture, doc_id, refs[0]),
                "doc_id": doc_id,
                "passages": [
                    {"ref": r, "excerpt": excerpt(text, r.start, r.end) if text and r.end > r.start else None}
                    for r in refs
                ],
            }
        )
    return out


def _denials(ws: Workspace, picture: Picture, event: GraphEvent) -> list[dict[str, Any]]:
    """The denials of this event, each with its sources (shown beside the assertions)."""
    rows = []
    for other in picture.events:
        if other.type == "denial" and denial_subject(picture, other) is event:
            rows.append(
                {
                    "event": other,
                    "headline": headline(picture, other),
                    "sources": _sources(ws, picture, other),
                }
            )
    return rows


@router.get("/ui/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request, entity_id: str, ws: Annotated[Workspace, Depends(workspace)]
) -> HTMLResponse:
    picture = ws.picture()
    entity = get_entity(picture, entity_id)
    events = involves_sorted(picture, entity.id)
    return render(
        request,
        "entity.html",
        title=entity.name,
        picture=picture,
        entity=entity,
        matches=match_explanations(ws, entity),
        transfers=[e for e in events if e.type in ("arms_transfer", "military_support")],
        designations=[e for e in events if e.type == "designation"],
        denials=[e for e in events if e.type == "denial"],
        others=[e for e in events if e.type == "accusation"],
        headline=lambda e: headline(picture, e),
        worst=worst_verdict,
        network=layout(picture, neighbourhood(picture, entity.id, NETWORK_DEPTH)),
        timeline=timeline(picture, entity.id),
        sources=[document_header(picture, d) for d in entity.documents],
    )


@router.get("/ui/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, ws: Annotated[Workspace, Depends(workspace)]) -> HTMLResponse:
    picture = ws.picture()
    event = get_event(picture, event_id)
    all_sources = _sources(ws, picture, event)
    asserted = [
        {**s, "passages": [p for p in s["passages"] if p["ref"].stance == "asserts"]} for s in all_sources
    ]
    denied = [
        {**s, "passages": [p for p in s["passages"] if p["ref"].stance == "denies"]} for s in all_sources
    ]
    subject = denial_subject(picture, event) if event.type == "denial" else None
    return render(
        request,
        "event.html",
        title=headline(picture, event),
        picture=picture,
        event=event,
        headline=headline(picture, event),
        subject=subject,
        subject_headline=headline(picture, subject) if subject else "",
        consideration=consideration(event),
        verdicts=verdict_labels(event),
        findings=sorted(event.findings, key=_severity),
        worst=worst_verdict(event),
        asserted=[s for s in asserted if s["passages"]],
        denied=[s for s in denied if s["passages"]],
        denials=_denials(ws, picture, event),
    )


__all__ = ["headline", "router"]
