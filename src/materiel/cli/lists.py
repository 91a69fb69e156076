"""Commands over sanctions lists: ``lists``, ``lists load``, ``lists diff`` and ``lists show``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from materiel.cli.app import app, console, fail, guarded, progress_bar, say, state, warn
from materiel.errors import ListFormatError, MaterielError
from materiel.screen import lists as screen_lists
from materiel.store import Store

WARNINGS_SHOWN = 5
CHANGED_SHOWN = 20

lists_app = typer.Typer(
    name="lists",
    help="Sanctions lists: load them, see what is loaded and what a reload changed.",
    no_args_is_help=False,
    rich_markup_mode="markdown",
)
app.add_typer(lists_app, name="lists")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{schema} {n}" for schema, n in counts.items()) or "-"


@lists_app.callback(invoke_without_command=True)
@guarded
def lists_table(
    ctx: typer.Context,
    history: Annotated[
        bool, typer.Option("--history", help="Every loaded version, not only the current.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per list, not a table.")] = False,
) -> None:
    """Show the loaded lists: source, list date, checksum, entries by schema, when loaded.

    Example:

        materiel lists
    """
    if ctx.invoked_subcommand is not None:
        return
    with Store.open(state.db_url) as store:
        versions = screen_lists.list_lists(store, history=history)
    if as_json:
        for v in versions:
            out = {
                "key": v.key,
                "version": v.version,
                "current": v.current,
                "format": v.format,
                "source": v.source,
                "list_date": v.list_date,
                "list_date_from": v.list_date_from,
                "checksum": v.checksum,
                "entries": v.entry_count,
                "counts": v.counts,
                "loaded_at": v.loaded_at.isoformat(),
            }
            typer.echo(json.dumps(out, ensure_ascii=False))
        return
    if not versions:
        say("no lists loaded yet: run `materiel lists load PATH`")
        return
    table = Table(
        title=f"{len(versions)} list version(s)" if history else f"{len(versions)} list(s)",
        title_justify="left",
    )
    table.add_column("list", style="cyan", no_wrap=True)
    table.add_column("source", overflow="fold")
    table.add_column("list date", overflow="fold", min_width=10)
    table.add_column("checksum", no_wrap=True)
    table.add_column("entries by schema", overflow="fold")
    table.add_column("loaded at", overflow="fold", min_width=10)
    for v in versions:
        date = f"{v.list_date or '-'}" + (" (file mtime)" if v.list_date_from == "mtime" else "")
        sources = ", ".join(Path(part).name for part in v.source.split(", "))
        table.add_row(
            escape(f"{v.key} v{v.version}"),
            escape(f"{sources} ({v.format})"),
            date,
            v.checksum[:12],
            f"{v.entry_count}: {_counts(v.counts)}",
            v.loaded_at.strftime("%Y-%m-%d %H:%M"),
        )
    console.print(table)


@lists_app.command("load")
@guarded
def load(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="List files: OFAC sdn.csv (add.csv and alt.csv beside it are read too), sdn.xml, "
            "sdn_advanced.xml, UN consolidated XML, EU FSF XML, UK Sanctions List XML, FtM JSON lines.",
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="KEY",
            help="List key (default: by format, e.g. ofac-sdn, un-sc, eu-fsf, uk-sanctions).",
        ),
    ] = None,
) -> None:
    """Load sanctions lists into the store; a reload replaces the list atomically and records its diff.

    A file that cannot be read is reported on stderr, one line each ("FILE: line N: reason"), the
    previous version of that list stays, and the exit status is 1.

    Example:

        materiel lists load data/sdn.csv data/un_consolidated.xml
    """
    failed = 0
    with Store.open(state.db_url) as store, progress_bar("storing") as progress:
        results = screen_lists.load_lists(paths, store, name, progress=lambda _key: progress)
    for result in results:
        if isinstance(result, ListFormatError):
            failed += 1
            fail(str(result))
            continue
        _report(result)
    if failed or not results:
        raise typer.Exit(1)


def _report(r: screen_lists.LoadReport) -> None:
    date = f"{r.list_date} ({'from the file' if r.list_date_from == 'file' else 'file mtime'})"
    if r.unchanged:
        say(f"{r.key}: unchanged (same checksum {r.checksum[:12]} as version {r.version}); nothing stored")
        return
    say(
        f"{r.key} v{r.version} ({r.format}): {r.entries} entries ({_counts(r.counts)}); list date {date}; "
        f"checksum {r.checksum[:12]}; added {r.added}, removed {r.removed}, changed {r.changed}"
    )
    for line in r.warnings[:WARNINGS_SHOWN]:
        warn(f"{r.key}: {line}")
    if len(r.warnings) > WARNINGS_SHOWN:
        warn(
            f"{r.key}: ... and {len(r.warnings) - WARNINGS_SHOWN} more warnings (see `materiel lists --json`)"
        )


@lists_app.command("diff")
@guarded
def diff(
    key: Annotated[
        str | None, typer.Argument(metavar="[KEY]", help="List key (default: every list).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many diffs (newest first).")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per diff.")] = False,
) -> None:
    """Show what the last load(s) of a list added, removed and changed.

    Example:

        materiel lists diff ofac-sdn
    """
    with Store.open(state.db_url) as store:
        keys = [key] if key else sorted({v.key for v in screen_lists.list_lists(store)})
        diffs = [d for k in keys for d in screen_lists.list_diff(store, k, limit=limit)]
    if key and not diffs:
        raise MaterielError("no loads recorded for this list", source=key)
    for d in diffs:
        if as_json:
            out: dict[str, Any] = {
                "key": d.key,
                "from_version": d.from_version,
                "to_version": d.to_version,
                "created_at": d.created_at.isoformat(),
                "added": d.added,
                "removed": d.removed,
                "changed": d.changed,
                "names": d.names,
            }
            typer.echo(json.dumps(out, ensure_ascii=False))
            continue
        since = f"v{d.from_version}" if d.from_version else "nothing"
        say(
            f"{d.key}: v{d.to_version} against {since}: added {len(d.added)}, removed {len(d.removed)}, "
            f"changed {len(d.changed)}"
        )
        for label, ids in (("+", d.added), ("-", d.removed)):
            for entry_id in ids[:CHANGED_SHOWN]:
                say(f"  {label} {entry_id} {d.name(entry_id)}".rstrip())
            if len(ids) > CHANGED_SHOWN:
                say(f"  {label} ... {len(ids) - CHANGED_SHOWN} more")
        for entry_id, fields in list(d.changed.items())[:CHANGED_SHOWN]:
            say(f"  ~ {entry_id} {d.name(entry_id)}: {', '.join(fields)}".replace(" :", ":"))
        if len(d.changed) > CHANGED_SHOWN:
            say(f"  ~ ... {len(d.changed) - CHANGED_SHOWN} more")


@lists_app.command("show")
@guarded
def show(
    entity_id: Annotated[str, typer.Argument(metavar="ENTITY_ID", help="Entry id, e.g. ofac-sdn:41736.")],
    as_json: Annotated[bool, typer.Option("--json", help="The entry as JSON.")] = False,
) -> None:
    """Show one list entry with its names, qualifiers and sanctions.

    Example:

        materiel lists show ofac-sdn:41736
    """
    with Store.open(state.db_url) as store:
        entity = screen_lists.get_entity(store, entity_id)
    data = screen_lists.entity_data(entity)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    console.print(
        f"[bold]{escape(entity.name)}[/bold]  [dim]{escape(entity.id)} · {entity.schema}[/dim]",
        highlight=False,
    )
    for key, value in data.items():
        if key in ("id", "name", "schema", "list", "sanctions") or value in (None, [], {}):
            continue
        shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
        console.print(f"  [dim]{key}:[/dim] {escape(shown)}", highlight=False, soft_wrap=True)
    for s in entity.sanctions:
        parts = [s.authority, s.program, f"listed {s.listed_on}" if s.listed_on else None]
        say(f"  sanction: {' · '.join(p for p in parts if p)}" + (f" — {s.reason}" if s.reason else ""))
