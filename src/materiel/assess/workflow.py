"""Assessment jobs: stored extractions to stored findings, or extraction JSON lines to findings.

summary = assess_stored("sqlite:///materiel.db")            # every extracted document
for result in assess_events(read_extractions("facts.jsonl")):
    print(result.to_dict())
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from materiel.assess.designations import check_designations, lists_loaded
from materiel.assess.engine import assess_extraction
from materiel.assess.packs import RuleBook, load_rulebook
from materiel.assess.records import DesignationCheck, DocumentAssessment, Finding
from materiel.errors import InputError
from materiel.store import Store
from materiel.store import findings as db

Progress = Callable[[int, int], None]
RulePaths = Sequence[str | Path]


@dataclass(slots=True)
class AssessSummary:
    """What ``assess_stored`` did: documents assessed, findings by verdict, designations checked."""

    documents: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    designations: int = 0
    listed: int = 0
    lists_loaded: bool = False
    packs: list[str] = field(default_factory=list)


def assess_document(
    extraction: Mapping[str, Any], book: RuleBook, store: Store | None = None
) -> DocumentAssessment:
    """Findings and designation checks of one extraction in the contract's JSON shape."""
    return DocumentAssessment(
        document=dict(extraction.get("document") or {}),
        findings=assess_extraction(extraction, book),
        designations=check_designations(extraction, store),
    )


def assess_events(
    extractions: Iterable[Mapping[str, Any]],
    rules: RulePaths = (),
    *,
    store: Store | None = None,
    book: RuleBook | None = None,
) -> Iterator[DocumentAssessment]:
    """Assess each extraction (e.g. lines of ``materiel extract --format jsonl``); no store needed.

    With ``store``, designations are also checked against the lists loaded there.
    """
    book = book or load_rulebook(rules)
    for extraction in extractions:
        yield assess_document(extraction, book, store)


def read_extractions(source: str | Path | TextIO) -> Iterator[dict[str, Any]]:
    """Extraction objects from a JSON-lines file (``-``: stdin); a bad line is an InputError."""
    if isinstance(source, str | Path):
        name = str(source)
        if name == "-":
            yield from _lines(sys.stdin, "<stdin>")
            return
        try:
            with open(name, encoding="utf-8") as handle:
                yield from _lines(handle, name)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", source=name) from exc
    else:
        yield from _lines(source, getattr(source, "name", "<input>"))


def _lines(handle: TextIO, name: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not JSON ({exc.msg})", source=name) from None
        if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
            raise InputError(f"line {number}: not an extraction (no document object)", source=name)
        yield data


def assess_stored(
    db_url: str | None,
    rules: RulePaths = (),
    *,
    document: str | None = None,
    progress: Progress | None = None,
) -> AssessSummary:
    """Assess every extracted document in the store (or one) and replace its stored findings."""
    book = load_rulebook(rules)
    summary = AssessSummary(packs=[p.pack.pack for p in book.packs])
    with Store.open(db_url) as store:
        summary.lists_loaded = lists_loaded(store)
        if document:
            ids = [store.get_document(document).id]
        else:
            ids = [d.id for d in store.list_documents() if store.has_extraction(d.id)]
        for done, doc_id in enumerate(ids, 1):
            result = assess_document(store.get_extraction(doc_id).to_dict(), book, store)
            findings = [f.to_dict() for f in result.findings]
            db.replace_assessment(store, doc_id, findings, [d.to_dict() for d in result.designations])
            summary.documents += 1
            summary.verdicts.update(str(f.verdict) for f in result.findings)
            summary.designations += len(result.designations)
            summary.listed += sum(1 for d in result.designations if d.listed)
            if progress is not None:
                progress(done, len(ids))
    return summary


def stored_findings(
    db_url: str | None,
    *,
    document: str | None = None,
    regime: str | None = None,
    state: str | None = None,
    verdict: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[Finding]:
    """Stored findings filtered as ``materiel.store.findings.list_findings`` describes."""
    with Store.open(db_url) as store:
        doc_id = store.get_document(document).id if document else None
        rows = db.list_findings(
            store,
            document=doc_id,
            regime=regime,
            state=state,
            verdict=verdict,
            since=since,
            until=until,
            limit=limit,
        )
    return [Finding.from_dict(r) for r in rows]


def stored_designation_checks(db_url: str | None, *, document: str | None = None) -> list[DesignationCheck]:
    with Store.open(db_url) as store:
        doc_id = store.get_document(document).id if document else None
        return [DesignationCheck.from_dict(r) for r in db.list_designation_checks(store, document=doc_id)]


__all__ = [
    "AssessSummary",
    "assess_document",
    "assess_events",
    "assess_stored",
    "read_extractions",
    "stored_designation_checks",
    "stored_findings",
]
