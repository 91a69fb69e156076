"""Commands that run extraction: ``extract`` and ``eval``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from materiel import jobs
from materiel.cli.app import command, console, fail, progress_bar, say, state, warn
from materiel.cli.render import print_extraction
from materiel.extract.evaluate import format_errors, format_report
from materiel.model import Extraction


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


@command("extract")
def extract(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH_OR_URL",
            help="Inputs to read and extract without a store; none: extract the stored documents.",
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="With inputs: jsonl (default, the extraction contract) or table (a human view).",
        ),
    ] = None,
    redo: Annotated[
        bool, typer.Option("--redo", help="Without inputs: extract every stored document again.")
    ] = False,
) -> None:
    """Extract entities, arms transfers, designations and denials with their evidence.

    With inputs (anything `ingest` reads), nothing is stored: each document is printed as one JSON
    object per line (the extraction contract, see README) or, with --format table, as a human
    view. Failures go to stderr, one line each, and make the exit status 1; documents that are not
    English are printed with "skipped" set. Without inputs, the stored documents that have no
    extraction yet (all with --redo) are extracted and the extractions saved in the store.

    Examples:

        materiel extract report.txt feeds/ > facts.jsonl

        materiel extract report.html --format table

        materiel --db team.db extract --redo
    """
    if not inputs:
        if fmt is not None:
            warn("--format applies only with inputs; extracting the stored documents")
        with progress_bar("extracting") as progress:
            summary = jobs.extract_stored(state.db_url, redo=redo, progress=progress)
        for line in summary.failures:
            fail(line)
        c = summary.counts
        say(
            f"extracted {c.documents} document(s) (skipped {c.skipped}, failed {c.failed}): "
            f"{c.transfers} transfer(s), {c.designations} designation(s), {c.denials} denial(s)"
        )
        if summary.failures:
            raise typer.Exit(1)
        return
    table = fmt == Format.table
    failed = False

    def emit(result: jobs.ExtractResult) -> None:
        nonlocal failed
        if not isinstance(result, Extraction):
            failed = True
            fail(str(result))
            return
        label = result.document.source_path or result.document.url or result.document.id
        for warning in result.document.meta.get("warnings", []):
            warn(f"{label}: {warning}")
        if result.skipped:
            warn(f"{label}: skipped: {result.skipped}")
        if table:
            print_extraction(console, result)
            console.print()
        else:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))

    with progress_bar("reading", enabled=not sys.stdout.isatty()) as progress:
        jobs.extract_paths(inputs, emit=emit, progress=progress)
    if failed:
        raise typer.Exit(1)


@command("eval")
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(metavar="GOLD_DIR", help="Directory of gold JSON files, one STEM.json per document."),
    ],
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="DOCS", help="Documents to extract; matched to gold files by file stem."),
    ],
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list extra and missed items per document.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
) -> None:
    """Extract DOCS and score the result against gold annotations (precision, recall, F1 per row).

    Rows: transfer pairs, transfer triples (with item category), designation targets, denial
    parties, person names. A gold file without a matching document counts as all missed.

    Example:

        materiel eval ../shared/eval/dev/gold ../shared/eval/dev/docs --errors
    """
    with progress_bar("extracting") as progress:
        run = jobs.evaluate_paths(gold_dir, inputs, progress=progress)
    for line in run.failures:
        fail(line)
    if as_json:
        typer.echo(json.dumps(run.report.to_dict(), ensure_ascii=False))
    else:
        console.print(format_report(run.report))
        if errors:
            text = format_errors(run.report)
            console.print(text or "no errors", highlight=False, markup=False)
    if run.failures:
        raise typer.Exit(1)
