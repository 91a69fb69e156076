"""Workflows that join the stages: ingest into the store, extract, the demo and the evaluation.

Each function takes plain values (a store URL, input paths or URLs, options), does one job from
start to end and returns a small summary record; the command line calls exactly one of them per
command. Long jobs accept ``progress``, called as ``progress(done, total)`` after each input or
document, so a caller can draw a progress bar; nothing here prints.

    summary = ingest_into_store("sqlite:///materiel.db", ["reports/"])
    print(summary.added, summary.present, [str(f) for f in summary.failures])
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from materiel.assess import (
    DesignationCheck,
    Finding,
    assess_stored,
    stored_designation_checks,
    stored_findings,
)
from materiel.entity_screening import DocumentScreening, make_screener, stored_screening
from materiel.errors import ExtractionError, InputError
from materiel.extract import extract_documents
from materiel.extract.evaluate import EvalReport, load_gold, score_predictions
from materiel.ingest import IngestFailure, IngestOptions, expand_inputs, load_furniture, read_inputs
from materiel.model import Document, EventType, Extraction
from materiel.store import Store
from materiel.store.screenings import save_screening

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each unit of work."""

ExtractResult = Extraction | ExtractionError | IngestFailure
"""What ``extract_paths`` hands to ``emit``: an extraction, or one line about a failure."""


def _no_progress(done: int, total: int) -> None:
    return None


# ---------- ingest ----------


@dataclass(slots=True)
class IngestSummary:
    """Ids of the documents newly stored and of those already present, and the inputs that failed."""

    added: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "SOURCE: what was left out of a stored document"

    @property
    def ok(self) -> bool:
        return not self.failures


def read_inputs_stepwise(
    inputs: Sequence[str], options: IngestOptions | None = None, *, progress: Progress | None = None
) -> Iterator[Document | IngestFailure]:
    """``read_inputs``, one file at a time, calling ``progress`` after each file, URL or empty directory.

    A bad furniture file is one failure and nothing is read.
    """
    options = options or IngestOptions()
    step = progress or _no_progress
    try:
        load_furniture(options.furniture)
    except InputError as exc:
        yield IngestFailure(exc.source or "furniture", exc.message)
        return
    units: list[list[str]] = [expand_inputs([value], options) or [value] for value in inputs]
    total, done = sum(len(u) for u in units), 0
    for unit in units:
        for value in unit:
            yield from read_inputs([value], options)
            done += 1
            step(done, total)


def ingest_into_store(
    db_url: str | None,
    inputs: Sequence[str],
    options: IngestOptions | None = None,
    *,
    progress: Progress | None = None,
    source_names: Mapping[str, str] | None = None,
) -> IngestSummary:
    """Read every input (files, directories, URLs) and store each document in its own transaction.

    A document already in the store (same normalised text) counts as ``present``; inputs that
    cannot be read are collected as failures and the others go on. ``source_names`` gives the
    source to record for a file read from a path that means nothing to the user (an upload saved
    in a temporary folder: ``{"/tmp/…/report.html": "upload:report.html"}``).
    """
    summary = IngestSummary()
    with Store.open(db_url) as store:
        for result in read_inputs_stepwise(inputs, options, progress=progress):
            if isinstance(result, IngestFailure):
                summary.failures.append(result)
                continue
            if source_names and result.source_path is not None:
                result.source_path = source_names.get(result.source_path, result.source_path)
            for warning in result.meta.get("warnings", []):
                summary.warnings.append(f"{result.source_path or result.url or result.id}: {warning}")
            if store.add_document(result):
                summary.added.append(result.id)
            else:
                summary.present.append(result.id)
    return summary


# ---------- the store ----------


@dataclass(slots=True)
class DocumentView:
    """A stored document and, when it has been extracted, its extraction."""

    document: Document
    extraction: Extraction | None = None
    screening: DocumentScreening | None = None  # its entities screened against the lists


def list_documents(
    db_url: str | None,
    *,
    publisher: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[Document]:
    """Stored documents in publication order, filtered as ``Store.list_documents`` describes."""
    with Store.open(db_url) as store:
        return store.list_documents(publisher=publisher, since=since, until=until, limit=limit)


def show_document(db_url: str | None, doc_id: str) -> DocumentView:
    """The document with this id (or unique prefix of 6+ characters) and its extraction if any."""
    with Store.open(db_url) as store:
        document = store.get_document(doc_id)
        extraction = store.get_extraction(document.id) if store.has_extraction(document.id) else None
        return DocumentView(document, extraction, stored_screening(store, document.id))


# ---------- extraction ----------


@dataclass(slots=True)
class FactCounts:
    """How many documents were extracted, skipped or failed, and the facts found in them."""

    documents: int = 0
    skipped: int = 0
    failed: int = 0
    transfers: int = 0
    designations: int = 0
    denials: int = 0

    def count(self, result: ExtractResult) -> None:
        if not isinstance(result, Extraction):
            self.failed += 1
            return
        self.documents += 1
        if result.skipped:
            self.skipped += 1
        for event in result.events:
            if event.type == EventType.ARMS_TRANSFER:
                self.transfers += 1
            elif event.type == EventType.DESIGNATION:
                self.designations += 1
            elif event.type == EventType.DENIAL:
                self.denials += 1


@dataclass(slots=True)
class ExtractStoredSummary:
    """The counts of an ``extract_stored`` run and one line per document that failed."""

    counts: FactCounts = field(default_factory=FactCounts)
    failures: list[str] = field(default_factory=list)
    screened: int = 0  # documents whose entities were screened against the loaded lists
    list_matches: int = 0  # entity → list entry matches they gave


def extract_stored(
    db_url: str | None, *, redo: bool = False, progress: Progress | None = None
) -> ExtractStoredSummary:
    """Extract the stored documents that have no extraction yet (all of them with ``redo``) and save
    each extraction in its own transaction, replacing any earlier one. When sanctions lists are
    loaded, each extraction's entities are then screened and the result stored with the list
    versions (see ``materiel.entity_screening``)."""
    summary = ExtractStoredSummary()
    step = progress or _no_progress
    with Store.open(db_url) as store:
        ids = [d.id for d in store.list_documents()] if redo else store.documents_without_extraction()
        documents = (store.get_document(doc_id) for doc_id in ids)
        screener = make_screener(store) if ids else None
        for done, result in enumerate(extract_documents(documents), 1):
            summary.counts.count(result)
            if isinstance(result, Extraction):
                store.save_extraction(result)
                if screener is not None and not result.skipped:
                    screening = screener.screen(result)
                    save_screening(store, screening)
                    summary.screened += 1
                    summary.list_matches += len(screening.matches)
            else:
                summary.failures.append(str(result))
            step(done, len(ids))
    return summary


def _extract_inputs(
    inputs: Sequence[str], options: IngestOptions | None, progress: Progress | None
) -> Iterator[ExtractResult]:
    """Extractions of every input in order, with ingest failures in between."""
    failures: list[IngestFailure] = []

    def documents() -> Iterator[Document]:
        for result in read_inputs_stepwise(inputs, options, progress=progress):
            if isinstance(result, IngestFailure):
                failures.append(result)
            else:
                yield result

    for result in extract_documents(documents()):
        yield from failures
        failures.clear()
        yield result
    yield from failures


def extract_paths(
    inputs: Sequence[str],
    options: IngestOptions | None = None,
    *,
    emit: Callable[[ExtractResult], None],
    progress: Progress | None = None,
) -> FactCounts:
    """Read the inputs (anything ``ingest`` reads) and extract each document without a store.

    ``emit`` receives each extraction as soon as it is ready, and each input or document that
    failed; ``progress`` counts inputs read.
    """
    counts = FactCounts()
    for result in _extract_inputs(inputs, options, progress):
        counts.count(result)
        emit(result)
    return counts


# ---------- evaluation ----------


@dataclass(slots=True)
class EvalRun:
    """The score report, how many documents were extracted, and one line per failure."""

    report: EvalReport
    documents: int
    failures: list[str] = field(default_factory=list)


def evaluate_paths(gold_dir: Path, inputs: Sequence[str], *, progress: Progress | None = None) -> EvalRun:
    """Extract the documents of ``inputs`` and score them against the gold files in ``gold_dir``.

    Predictions are matched to gold files by the stem of the document's source path.
    """
    gold = load_gold(gold_dir)
    predictions: list[dict[str, Any]] = []
    failures: list[str] = []
    for result in _extract_inputs(inputs, None, progress):
        if isinstance(result, Extraction):
            predictions.append(result.to_dict())
        else:
            failures.append(str(result))
    return EvalRun(score_predictions(gold, predictions), len(predictions), failures)


# ---------- the demo ----------


@dataclass(slots=True)
class DemoRun:
    """The bundled example as read back from a fresh store after ingest and extraction."""

    extraction: Extraction
    ingested: int
    source: str
    screening: DocumentScreening | None = None  # the entities screened against the bundled lists
    lists: list[str] = field(default_factory=list)  # "ofac-sdn v1 (7 entries, 2024-05-03)", ...
    findings: list[Finding] = field(default_factory=list)  # verdicts of the rule packs, read back
    designations: list[DesignationCheck] = field(default_factory=list)  # designations vs the lists
    brief: Path | None = None  # the analyst brief written from the demo's picture


def run_demo(
    example: Path | None = None, *, progress: Progress | None = None, brief: Path | None = None
) -> DemoRun:
    """The main job on the bundled example in a temporary SQLite store that is deleted afterwards:
    load the bundled extract of the sanctions lists, ingest, extract (which screens the entities),
    save, and read the extraction and its screening back from the store."""
    from materiel.examples import example_path
    from materiel.examples.lists import copy_lists
    from materiel.screen.lists import load_lists

    path = str(example or example_path())
    with tempfile.TemporaryDirectory(prefix="materiel-demo-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        with Store.open(url) as store:
            loaded = load_lists(copy_lists(Path(tmp) / "lists"), store)
        lists: list[str] = []
        for report in loaded:
            if isinstance(report, Exception):
                raise report
            lists.append(f"{report.key} v{report.version} ({report.entries} entries, {report.list_date})")
        ingested = ingest_into_store(url, [path])
        if ingested.failures:
            raise InputError(ingested.failures[0].reason, source=ingested.failures[0].input)
        extracted = extract_stored(url, progress=progress)
        if extracted.failures:
            raise ExtractionError(extracted.failures[0])
        with Store.open(url) as store:
            doc_id = (ingested.added + ingested.present)[0]
            extraction = store.get_extraction(doc_id)
            screening = stored_screening(store, doc_id)
        # assessment: the facts against the rule packs, findings saved and read back
        assess_stored(url, document=doc_id)
        findings = stored_findings(url, document=doc_id)
        designations = stored_designation_checks(url, document=doc_id)
        # the analyst brief, written outside the temporary store (default: the system's temp folder)
        from materiel.graph import load_picture
        from materiel.graph.brief import write_brief

        brief = brief or Path(tempfile.gettempdir()) / "materiel-demo" / "brief.html"
        written = write_brief(load_picture(url), brief).html
    return DemoRun(extraction, len(ingested.added), path, screening, lists, findings, designations, written)


def entity_names(extraction: Extraction) -> dict[str, str]:
    """Entity id → name, for showing events by the names of their actors."""
    return {entity.id: entity.name for entity in extraction.entities}


__all__ = [
    "DemoRun",
    "DocumentView",
    "EvalRun",
    "ExtractResult",
    "ExtractStoredSummary",
    "FactCounts",
    "IngestSummary",
    "Progress",
    "entity_names",
    "evaluate_paths",
    "extract_paths",
    "extract_stored",
    "ingest_into_store",
    "list_documents",
    "read_inputs_stepwise",
    "run_demo",
    "show_document",
]
