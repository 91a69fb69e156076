"""``/documents``: stored documents, filtered and paged, and one document with the spans of every fact."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from materiel.assess import Finding
from materiel.entity_screening import stored_screening
from materiel.errors import NotFoundError
from materiel.model import Document
from materiel.store.findings import list_designation_checks, list_findings
from materiel.web.api.common import Page, Paging, paginate, sort_by, workspace
from materiel.web.context import Workspace
from materiel.web.views import fact_spans

router = APIRouter(prefix="/documents", tags=["documents"])

ID_PATTERN = re.compile(r"[0-9a-fA-F]{6,64}")
"""Document ids are hex digits (a prefix of at least 6 is accepted); anything else is not in the store."""


class DocumentSummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "08e979a7ebfa03fc",
                    "title": "Russia turns to North Korea for weapons, offering food in return",
                    "publisher": "materiel example",
                    "published": "2023-03-31",
                    "url": None,
                    "source_path": "russia-dprk-arms.json",
                    "language": "en",
                    "chars": 1103,
                }
            ]
        }
    )

    id: str
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    source_path: str | None = None
    language: str | None = None
    chars: int = Field(description="Length of the normalised text.")


class FactSpanOut(BaseModel):
    start: int
    end: int
    text: str = Field(description="text[start:end] of the document")
    kind: str = Field(description="mention (of an entity) or evidence (of an event)")
    ref: str = Field(description="the entity's or event's id in the document's extraction")
    label: str = Field(description="entity kind or event type")
    name: str = ""


class DocumentDetail(DocumentSummary):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "08e979a7ebfa03fc",
                    "title": "Russia turns to North Korea for weapons",
                    "chars": 1103,
                    "text": "Russia is trying to buy weapons from North Korea ...",
                    "extracted": True,
                    "spans": [
                        {
                            "start": 93,
                            "end": 99,
                            "text": "Russia",
                            "kind": "mention",
                            "ref": "state:RU",
                            "label": "state",
                            "name": "Russia",
                        }
                    ],
                }
            ]
        }
    )

    author: str | None = None
    text: str
    extracted: bool
    skipped: str | None = None
    extraction: dict[str, Any] | None = Field(
        None, description="The extraction, in the contract's JSON shape."
    )
    spans: list[FactSpanOut] = Field(default_factory=list, description="Every mention and evidence span.")
    screening: dict[str, Any] | None = Field(None, description="Its entities screened against the lists.")
    findings: list[dict[str, Any]] = Field(default_factory=list)
    designations: list[dict[str, Any]] = Field(default_factory=list)


def summary(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "publisher": doc.publisher,
        "published": doc.published,
        "url": doc.url,
        "source_path": doc.source_path,
        "language": doc.language,
        "chars": len(doc.text),
    }


def check_id(doc_id: str) -> str:
    if not ID_PATTERN.fullmatch(doc_id):
        raise NotFoundError("no document with this id (ids are hexadecimal)", source=doc_id[:80])
    return doc_id


def find_documents(
    ws: Workspace, q: str | None, publisher: str | None, since: date | None, until: date | None
) -> list[Document]:
    docs = ws.store.list_documents(publisher=publisher, since=since, until=until)
    if q:
        needle = q.casefold()
        docs = [d for d in docs if needle in (d.title or "").casefold() or needle in d.text.casefold()]
    return docs


SORTS = {
    "published": lambda d: d.published,
    "title": lambda d: (d.title or "").casefold() or None,
    "publisher": lambda d: (d.publisher or "").casefold() or None,
    "id": lambda d: d.id,
    "chars": lambda d: len(d.text),
}


@router.get("", response_model=Page[DocumentSummary], summary="List documents")
def list_docs(
    ws: Annotated[Workspace, Depends(workspace)],
    paging: Annotated[Paging, Depends()],
    q: Annotated[str | None, Query(max_length=200, description="Words in the title or text.")] = None,
    publisher: Annotated[str | None, Query(max_length=200, description="Publisher contains this.")] = None,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
    sort: Annotated[
        str | None, Query(description="published, title, publisher, id or chars; '-' in front reverses.")
    ] = None,
) -> dict[str, Any]:
    """Stored documents (publication order unless ``sort`` says otherwise), without their text."""
    docs = sort_by(find_documents(ws, q, publisher, since, until), sort, SORTS)
    page = paginate(docs, paging)
    page["items"] = [summary(d) for d in page["items"]]
    return page


def document_detail(ws: Workspace, doc_id: str) -> dict[str, Any]:
    """The document, its extraction and the spans of every fact, its screening and assessment."""
    doc = ws.store.get_document(check_id(doc_id))
    extraction = ws.store.get_extraction(doc.id) if ws.store.has_extraction(doc.id) else None
    screening = stored_screening(ws.store, doc.id)
    return {
        **summary(doc),
        "author": doc.author,
        "text": doc.text,
        "extracted": extraction is not None,
        "skipped": extraction.skipped if extraction else None,
        "extraction": extraction.to_dict() if extraction else None,
        "spans": [s.to_dict() for s in fact_spans(extraction)] if extraction else [],
        "screening": screening.to_dict() if screening else None,
        "findings": [Finding.from_dict(f).to_dict() for f in list_findings(ws.store, document=doc.id)],
        "designations": list_designation_checks(ws.store, document=doc.id),
    }


@router.get("/{doc_id}", response_model=DocumentDetail, summary="One document with its facts")
def get_doc(doc_id: str, ws: Annotated[Workspace, Depends(workspace)]) -> dict[str, Any]:
    """The full normalised text with the span of every mention and evidence sentence
    (``text[start:end] == span.text``), the extraction in the contract's shape, the screening of its
    entities and its findings. ``doc_id`` may be a unique prefix of 6 or more hex digits."""
    return document_detail(ws, doc_id)


__all__ = ["document_detail", "router", "summary"]
