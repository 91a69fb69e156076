"""``/findings`` (verdicts of the rule packs, with their citations) and ``/designations`` (designations
found in text, checked against the loaded lists)."""

from __future__ import annotations

import builtins
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from materiel.assess import DesignationCheck, Finding
from materiel.model import Verdict
from materiel.store.findings import list_designation_checks, list_findings
from materiel.web.api.common import Page, Paging, paginate, sort_by, workspace
from materiel.web.api.documents import check_id
from materiel.web.context import Workspace

router = APIRouter(tags=["findings"])


class FindingOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "event": "08e979a7ebfa03fc:t2",
                    "fact": "transfer",
                    "subject": "North Korea -> Russia: artillery shells",
                    "verdict": "breach",
                    "rule": "un-dprk-arms-export",
                    "regime": "un-dprk",
                    "citation": "UNSCR 1874 (2009), para 9",
                    "window": "inside",
                    "missing": ["date of the event"],
                    "confidence": 0.6,
                    "contested": True,
                    "from_state": "KP",
                    "to_state": "RU",
                    "document": "08e979a7ebfa03fc",
                }
            ]
        }
    )

    event: str
    fact: str
    subject: str
    verdict: str
    rule: str | None = None
    regime: str | None = None
    citation: str | None = None
    effect: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    rule_status: str | None = None
    window: str | None = None
    date_assumed: bool = False
    event_start: date | None = None
    event_end: date | None = None
    missing: list[str] = Field(default_factory=list)
    confidence: float = 0.0
    contested: bool = False
    verified: bool | None = None
    from_state: str | None = None
    to_state: str | None = None
    note: str | None = None
    document: str | None = None


class ListedEntryOut(BaseModel):
    list: str
    id: str
    name: str
    programs: builtins.list[str] = Field(default_factory=builtins.list)
    listed_on: str | None = None
    authorities: builtins.list[str] = Field(default_factory=builtins.list)


class DesignationOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "event": "08e979a7ebfa03fc:d1",
                    "target": "person:ashot-mkrtychev",
                    "name": "Ashot Mkrtychev",
                    "authority": "US",
                    "basis": "Executive Order 13551",
                    "listed": True,
                    "entries": [{"list": "ofac-sdn", "id": "ofac-sdn:41736", "name": "MKRTYCHEV, Ashot"}],
                    "document": "08e979a7ebfa03fc",
                }
            ]
        }
    )

    event: str
    target: str
    name: str
    authority: str | None = None
    basis: str | None = None
    listed: bool | None = Field(None, description="null: no list was loaded")
    entries: list[ListedEntryOut] = Field(default_factory=list)
    document: str | None = None


FINDING_SORTS = {
    "verdict": lambda f: f.verdict.value,
    "confidence": lambda f: f.confidence,
    "event_start": lambda f: f.event_start,
    "regime": lambda f: f.regime,
    "document": lambda f: f.document,
}


@router.get("/findings", response_model=Page[FindingOut], summary="Findings")
def get_findings(
    ws: Annotated[Workspace, Depends(workspace)],
    paging: Annotated[Paging, Depends()],
    document: Annotated[
        str | None, Query(max_length=64, description="Of this document (id or prefix).")
    ] = None,
    regime: Annotated[str | None, Query(max_length=64, description="Rule pack, e.g. un-dprk.")] = None,
    state: Annotated[
        str | None, Query(max_length=2, description="Either side is this state (ISO alpha-2).")
    ] = None,
    verdict: Annotated[list[Verdict] | None, Query(description="One or more verdicts.")] = None,
    since: Annotated[date | None, Query(description="Event period ends on or after.")] = None,
    until: Annotated[date | None, Query(description="Event period starts on or before.")] = None,
    sort: Annotated[
        str | None, Query(description="verdict, confidence, event_start, regime or document; '-' reverses.")
    ] = None,
) -> dict[str, Any]:
    """Stored verdicts of the rule packs, each with its rule, citation, window check and the facts
    that are missing for a firmer verdict."""
    doc_id = ws.store.get_document(check_id(document)).id if document else None
    rows = list_findings(
        ws.store,
        document=doc_id,
        regime=regime,
        state=state,
        verdict=[str(v) for v in verdict] if verdict else None,
        since=since,
        until=until,
    )
    findings = sort_by([Finding.from_dict(r) for r in rows], sort, FINDING_SORTS)
    page = paginate(findings, paging)
    page["items"] = [f.to_dict() for f in page["items"]]
    return page


@router.get("/designations", response_model=Page[DesignationOut], summary="Designations found in text")
def get_designations(
    ws: Annotated[Workspace, Depends(workspace)],
    paging: Annotated[Paging, Depends()],
    document: Annotated[
        str | None, Query(max_length=64, description="Of this document (id or prefix).")
    ] = None,
    listed: Annotated[
        bool | None, Query(description="Only those found (true) or not found (false) on a list.")
    ] = None,
) -> dict[str, Any]:
    """Designations reported in the documents, each looked up in the loaded lists."""
    doc_id = ws.store.get_document(check_id(document)).id if document else None
    checks = [DesignationCheck.from_dict(r) for r in list_designation_checks(ws.store, document=doc_id)]
    if listed is not None:
        checks = [c for c in checks if c.listed is listed]
    page = paginate(checks, paging)
    page["items"] = [c.to_dict() for c in page["items"]]
    return page


__all__ = ["router"]
