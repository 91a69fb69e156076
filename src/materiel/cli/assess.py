"""Commands of the assessment stage: ``assess``, ``findings`` and ``rules``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from materiel.assess import (
    DesignationCheck,
    Finding,
    assess_events,
    assess_stored,
    load_rulebook,
    read_extractions,
    stored_designation_checks,
    stored_findings,
)
from materiel.cli.app import command, console, progress_bar, say, state
from materiel.model import Verdict

STYLE = {
    Verdict.BREACH: "bold red",
    Verdict.POSSIBLE_BREACH: "yellow",
    Verdict.NEEDS_CLASSIFICATION: "magenta",
    Verdict.NOT_COVERED: "dim",
}
RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", metavar="PATH", help="Extra rule pack (YAML file or directory); repeatable."),
]


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _window(f: Finding) -> str:
    span = f"{f.valid_from or '?'} to {f.valid_to or 'now'}"
    where = f.window or "-"
    return f"{span}, event {where}{' (date assumed)' if f.date_assumed else ''}"


def print_findings(
    out: Console, findings: Sequence[Finding], designations: Sequence[DesignationCheck] = ()
) -> None:
    """Findings grouped by fact; one line per rule with verdict, citation, window and missing facts."""
    last = None
    for f in findings:
        key = (f.document, f.event, f.fact, f.subject)
        if key != last:
            contested = "  [red]contested[/red]" if f.contested else ""
            out.print(
                f"  [bold]{escape(f.fact)}[/bold] {escape(f.subject)}  [dim]{escape(f.event)} "
                f"confidence {f.confidence:.2f}[/dim]{contested}",
                highlight=False,
                soft_wrap=True,
            )
            last = key
        label = f"[{STYLE[f.verdict]}]{f.verdict}[/{STYLE[f.verdict]}]"
        if f.rule is None:
            out.print(f"    {label}  [dim]{escape(f.note or '')}[/dim]", highlight=False, soft_wrap=True)
            continue
        extra = " (designation criterion)" if f.effect == "designation_criterion" else ""
        status = f" [{f.rule_status}]" if f.rule_status in ("contested", "lapsed") else ""
        out.print(
            f"    {label}  {escape((f.citation or '') + extra + status)}  [dim]{escape(_window(f))}[/dim]",
            highlight=False,
            soft_wrap=True,
        )
        if f.missing:
            out.print(
                f"      [dim]missing:[/dim] {escape('; '.join(f.missing))}", highlight=False, soft_wrap=True
            )
        if f.verdict == Verdict.NOT_COVERED and f.note:
            out.print(f"      [dim]{escape(f.note)}[/dim]", highlight=False, soft_wrap=True)
    for d in designations:
        if d.listed is None:
            status = "lists not loaded"
        elif not d.listed:
            status = "not found in the loaded lists"
        else:
            status = "; ".join(
                f"{e.list} {e.id} {f'since {e.listed_on}' if e.listed_on else 'listing date not in the list'}"
                f" ({', '.join(e.programs) or 'no program'})"
                for e in d.entries
            )
        out.print(
            f"  [bold]designation[/bold] {escape(d.name)} by {escape(d.authority or '?')}"
            f"{escape(' under ' + d.basis) if d.basis else ''}: {escape(status)}",
            highlight=False,
            soft_wrap=True,
        )


def print_findings_brief(
    out: Console, findings: Sequence[Finding], designations: Sequence[DesignationCheck] = ()
) -> None:
    """Two lines per fact: its verdicts by citation, then the facts still missing (for the demo)."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.event, f.fact, f.subject), []).append(f)
    for (_event, fact, subject), group in groups.items():
        head = group[0]
        parts = []
        for verdict in (Verdict.BREACH, Verdict.POSSIBLE_BREACH, Verdict.NEEDS_CLASSIFICATION):
            cites = [f.citation or "" for f in group if f.verdict == verdict]
            if cites:
                parts.append(f"[{STYLE[verdict]}]{verdict}[/{STYLE[verdict]}] {escape('; '.join(cites))}")
        if not parts:
            parts.append(f"[dim]{Verdict.NOT_COVERED}[/dim]")
        flag = "contested, " if head.contested else ""
        about = f"[dim]({flag}confidence {head.confidence:.2f})[/dim]"
        out.print(
            f"  [bold]{escape(fact)}[/bold] {escape(subject)} {about}: " + " | ".join(parts),
            highlight=False,
            soft_wrap=True,
        )
        missing = list(dict.fromkeys(m for f in group if f.verdict != Verdict.NOT_COVERED for m in f.missing))
        if missing:
            out.print(
                f"    [dim]missing:[/dim] {escape('; '.join(missing))}", highlight=False, soft_wrap=True
            )
    print_findings(out, [], designations)


@command("assess")
def assess(
    input_path: Annotated[
        str | None,
        typer.Option(
            "--input", metavar="EVENTS.jsonl", help="Extraction JSON lines to assess (- for stdin)."
        ),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", case_sensitive=False, help="With --input: jsonl or table.")
    ] = Format.jsonl,
    rules: RulesOption = None,
    document: Annotated[
        str | None, typer.Option(help="Assess only this stored document (id or prefix).")
    ] = None,
    lists: Annotated[
        bool, typer.Option("--lists", help="With --input: also check designations against the store's lists.")
    ] = False,
) -> None:
    """Judge extracted facts against the rule packs: a verdict, citation and window per rule.

    Without --input, every extracted document in the store is assessed and its findings saved
    (replacing earlier ones); see them with `materiel findings`. With --input, extraction JSON
    lines (as `materiel extract --format jsonl` prints) are assessed without a store, one line
    per document: {"document": ..., "findings": [...]}.

    Examples:

        materiel assess

        materiel extract report.txt | materiel assess --input - --format table

        materiel assess --input facts.jsonl --rules my-regime.yaml
    """
    extra = list(rules or [])
    if input_path is None:
        with progress_bar("assessing") as progress:
            summary = assess_stored(state.db_url, extra, document=document, progress=progress)
        counts = ", ".join(f"{summary.verdicts.get(str(v), 0)} {v}" for v in Verdict)
        say(f"assessed {summary.documents} document(s) against {', '.join(summary.packs)}: {counts}")
        lists_note = "" if summary.lists_loaded else " (no lists loaded: not looked up)"
        say(f"designations checked: {summary.designations}, listed: {summary.listed}{lists_note}")
        return
    store = None
    if lists:
        from materiel.store import Store

        store = Store.open(state.db_url)
    try:
        for result in assess_events(read_extractions(input_path), extra, store=store):
            if fmt == Format.table:
                doc = result.document
                console.print(
                    f"[bold]{escape(str(doc.get('title') or doc.get('id') or '(untitled)'))}[/bold]",
                    highlight=False,
                )
                print_findings(console, result.findings, result.designations)
            else:
                typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    finally:
        if store is not None:
            store.close()


@command("findings")
def findings(
    regime: Annotated[str | None, typer.Option(help="Only this rule pack (e.g. un-dprk).")] = None,
    state_code: Annotated[
        str | None,
        typer.Option("--state", metavar="CC", help="Only facts to or from this state (ISO alpha-2)."),
    ] = None,
    verdict: Annotated[list[Verdict] | None, typer.Option(help="Only this verdict (repeatable).")] = None,
    since: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD")] = None,
    until: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD")] = None,
    document: Annotated[str | None, typer.Option(help="Only this document (id or prefix).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One finding per line as JSON.")] = False,
) -> None:
    """List stored findings, filtered by regime, state, verdict or the event's dates.

    --since/--until keep events whose dates meet the range (undated events are left out).

    Examples:

        materiel findings --verdict breach --state KP

        materiel findings --regime un-iran --since 2022-01-01 --json
    """
    rows = stored_findings(
        state.db_url,
        document=document,
        regime=regime,
        state=state_code,
        verdict=[str(v) for v in verdict] if verdict else None,
        since=since.date() if since else None,
        until=until.date() if until else None,
    )
    if as_json:
        for f in rows:
            typer.echo(json.dumps(f.to_dict(), ensure_ascii=False))
        return
    filtered = bool(regime or state_code or verdict or since or until)
    designations = [] if filtered else stored_designation_checks(state.db_url, document=document)
    say(f"{len(rows)} finding(s)")
    print_findings(console, rows, designations)


@command("rules")
def rules_command(
    rule_id: Annotated[str | None, typer.Argument(metavar="RULE_ID", help="Show this rule in full.")] = None,
    rules: RulesOption = None,
    validate: Annotated[
        Path | None, typer.Option("--validate", metavar="PACK", help="Validate a pack file and exit.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List the rule packs and their rules, show one rule, or validate a pack.

    A pack that fails the schema is refused with its file, the rule id and the field.

    Examples:

        materiel rules

        materiel rules un-2231-b4

        materiel rules --validate my-regime.yaml
    """
    if validate is not None:
        book = load_rulebook([validate])
        pack = book.packs[-1].pack
        say(f"{validate}: pack {pack.pack} version {pack.version}: {len(pack.rules)} rule(s), valid")
        return
    book = load_rulebook(list(rules or []))
    if rule_id is not None:
        rule, pack_id = book.rule(rule_id)
        data = {"pack": pack_id, **rule.model_dump(mode="json")}
        if as_json:
            typer.echo(json.dumps(data, ensure_ascii=False))
            return
        for key, value in data.items():
            shown = ", ".join(map(str, value)) if isinstance(value, list) else value
            say(f"{key:>12}: {'-' if shown in (None, '') else shown}")
        return
    if as_json:
        for rule, pack_id in book.rules:
            typer.echo(json.dumps({"pack": pack_id, **rule.model_dump(mode="json")}, ensure_ascii=False))
        return
    table = Table(title=f"{len(book.rules)} rule(s) in {len(book.packs)} pack(s)", title_justify="left")
    for name in ("pack", "rule"):
        table.add_column(name, no_wrap=True)
    for name in ("citation", "applies", "valid", "status"):
        table.add_column(name, overflow="fold")
    for rule, pack_id in book.rules:
        window = f"{rule.valid_from} to {rule.valid_to or 'now'}"
        status = str(rule.status) + ("" if rule.verified else " (unverified)")
        applies = f"{rule.direction} {','.join(rule.target)}"
        table.add_row(pack_id, rule.id, escape(rule.citation), applies, window, status)
    console.print(table)
