"""Write endpoints (a token is needed): ingest and extract documents, load sanctions lists.

Files come as a multipart upload, or as paths inside the server's import folder
(``MATERIEL_WEB_IMPORT_ROOT``); nothing outside that folder can be named. Each request runs the
same workflows as the command line (``jobs.ingest_into_store``, ``jobs.extract_stored``,
``assess_stored``, ``screen.lists.load_lists``), one write at a time.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from materiel import jobs
from materiel.assess import assess_stored
from materiel.errors import ListFormatError
from materiel.screen.lists import LoadReport, load_lists
from materiel.web.api.common import require_token, workspace
from materiel.web.context import Workspace
from materiel.web.errors import ApiError

router = APIRouter(tags=["write"], dependencies=[Depends(require_token)])
_write_lock = threading.Lock()
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class Failure(BaseModel):
    input: str
    reason: str


class IngestResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "added": ["08e979a7ebfa03fc"],
                    "present": [],
                    "failures": [],
                    "warnings": [],
                    "extracted": {
                        "documents": 1,
                        "skipped": 0,
                        "failed": 0,
                        "transfers": 3,
                        "designations": 1,
                        "denials": 2,
                    },
                    "extraction_failures": [],
                    "screened": 1,
                    "list_matches": 1,
                    "findings": 7,
                }
            ]
        }
    )

    added: list[str] = Field(description="Ids of the documents newly stored.")
    present: list[str] = Field(description="Ids of documents that were already stored.")
    failures: list[Failure]
    warnings: list[str]
    extracted: dict[str, int]
    extraction_failures: list[str]
    screened: int
    list_matches: int
    findings: int


class ListLoadResult(BaseModel):
    key: str | None = None
    version: int | None = None
    format: str | None = None
    list_date: str | None = None
    entries: int = 0
    unchanged: bool = False
    added: int = 0
    removed: int = 0
    changed: int = 0
    warnings: list[str] = Field(default_factory=list)
    error: str | None = None


class PathsRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"paths": ["reports/2024-03.html"]}]}
    )

    paths: list[str] = Field(description="Paths inside the server's import folder.")
    name: str | None = Field(None, max_length=64, description="Lists only: the key of the one list loaded.")


def _check_count(ws: Workspace, n: int) -> None:
    if n == 0:
        raise ApiError(422, "no files given")
    if n > ws.settings.max_files:
        raise ApiError(413, f"too many files: {n}; the limit is {ws.settings.max_files}")


def inside_root(ws: Workspace, paths: Sequence[str]) -> list[str]:
    """The paths resolved inside the import folder; 403 if there is none, 404 for one outside it."""
    if not ws.settings.import_root:
        raise ApiError(
            403, "pointing at server files is off: the server has no import folder (MATERIEL_WEB_IMPORT_ROOT)"
        )
    _check_count(ws, len(paths))
    root = Path(ws.settings.import_root).resolve()
    out = []
    for raw in paths:
        if "\x00" in raw:
            raise ApiError(404, "no such file in the import folder")
        target = (root / raw).resolve()
        if not target.is_relative_to(root) or not target.exists():
            raise ApiError(404, f"no such file in the import folder: {raw[:200]}")
        out.append(str(target))
    return out


async def save_uploads(ws: Workspace, files: list[UploadFile], folder: Path) -> list[str]:
    """The uploads written to ``folder`` under safe names (letters, digits, ``._-``)."""
    _check_count(ws, len(files))
    paths: list[str] = []
    for n, upload in enumerate(files, 1):
        name = _SAFE.sub("_", Path(upload.filename or "").name).strip("._") or f"upload-{n}"
        target = folder / name
        if target.exists():
            target = folder / f"{n}-{name}"
        target.write_bytes(await upload.read())
        paths.append(str(target))
    return paths


def upload_names(paths: list[str]) -> dict[str, str]:
    """What to record as an upload's source: its (safe) name, not the server's temporary path."""
    return {path: f"upload:{Path(path).name}" for path in paths}


def ingest_and_extract(
    ws: Workspace, inputs: list[str], source_names: dict[str, str] | None = None
) -> dict[str, Any]:
    """Ingest, extract (which screens the entities), assess the new documents; the cache is dropped.
    ``source_names``: the source recorded for an uploaded file instead of its temporary path."""
    db = ws.settings.db_url
    with _write_lock:
        try:
            ingested = jobs.ingest_into_store(db, inputs, source_names=source_names)
            extracted = jobs.extract_stored(db)
            findings = 0
            for doc_id in ingested.added:
                if ws.store.has_extraction(doc_id):
                    findings += sum(assess_stored(db, document=doc_id).verdicts.values())
        finally:
            ws.changed()
    counts = extracted.counts
    return {
        "added": ingested.added,
        "present": ingested.present,
        "failures": [{"input": Path(f.input).name, "reason": f.reason} for f in ingested.failures],
        "warnings": ingested.warnings,
        "extracted": {
            "documents": counts.documents,
            "skipped": counts.skipped,
            "failed": counts.failed,
            "transfers": counts.transfers,
            "designations": counts.designations,
            "denials": counts.denials,
        },
        "extraction_failures": extracted.failures,
        "screened": extracted.screened,
        "list_matches": extracted.list_matches,
        "findings": findings,
    }


def _report(result: LoadReport | ListFormatError) -> dict[str, Any]:
    if isinstance(result, ListFormatError):
        return {
            "error": result.message if not result.source else f"{Path(result.source).name}: {result.message}"
        }
    return {
        "key": result.key,
        "version": result.version,
        "format": result.format,
        "list_date": result.list_date,
        "entries": result.entries,
        "unchanged": result.unchanged,
        "added": result.added,
        "removed": result.removed,
        "changed": result.changed,
        "warnings": result.warnings,
    }


def load(
    ws: Workspace, paths: list[str], name: str | None, source_names: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    with _write_lock:
        try:
            return [_report(r) for r in load_lists(paths, ws.store, name, source_names=source_names)]
        finally:
            ws.changed()


@router.post("/documents", response_model=IngestResult, status_code=201, summary="Upload documents")
async def upload_documents(
    ws: Annotated[Workspace, Depends(workspace)],
    files: Annotated[list[UploadFile], File(description="Text, HTML, JSON/JSONL or feed files.")],
) -> dict[str, Any]:
    """Store the uploaded documents, extract them (screening their entities against the loaded
    lists) and assess them against the rule packs."""
    with tempfile.TemporaryDirectory(prefix="materiel-upload-") as tmp:
        paths = await save_uploads(ws, files, Path(tmp))
        return await run_in_threadpool(ingest_and_extract, ws, paths, upload_names(paths))


@router.post("/documents/import", response_model=IngestResult, status_code=201, summary="Import documents")
def import_documents(request: PathsRequest, ws: Annotated[Workspace, Depends(workspace)]) -> dict[str, Any]:
    """Like ``POST /documents`` for files or folders inside the server's import folder."""
    return ingest_and_extract(ws, inside_root(ws, request.paths))


@router.post("/lists", response_model=list[ListLoadResult], status_code=201, summary="Upload lists")
async def upload_lists(
    ws: Annotated[Workspace, Depends(workspace)],
    files: Annotated[
        list[UploadFile], File(description="List files (an OFAC sdn.csv with add.csv/alt.csv).")
    ],
    name: Annotated[str | None, Form(max_length=64, description="The key of the one list loaded.")] = None,
) -> list[dict[str, Any]]:
    """Load sanctions lists (OFAC CSV, UN XML and the other formats of ``materiel lists load``);
    a list that cannot be read is reported with its error and the others still load."""
    with tempfile.TemporaryDirectory(prefix="materiel-lists-") as tmp:
        paths = await save_uploads(ws, files, Path(tmp))
        return await run_in_threadpool(load, ws, paths, name, upload_names(paths))


@router.post("/lists/import", response_model=list[ListLoadResult], status_code=201, summary="Import lists")
def import_lists(request: PathsRequest, ws: Annotated[Workspace, Depends(workspace)]) -> list[dict[str, Any]]:
    """Like ``POST /lists`` for files inside the server's import folder."""
    return load(ws, inside_root(ws, request.paths), request.name)


__all__ = ["router"]
