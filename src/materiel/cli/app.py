"""The typer application, its global options, the shared consoles and the error boundary."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from materiel import __version__
from materiel.errors import MaterielError
from materiel.settings import db_url_from

app = typer.Typer(
    name="materiel",
    help="Sourced facts on arms transfers and sanctions evasion from reporting.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
)
console = Console()
err_console = Console(stderr=True)

PROGRESS_MIN = 5
"""Runs with at least this many inputs or documents get a progress bar (on stderr, transient)."""

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class State:
    db_url: str = ""


state = State()


def _version(value: bool) -> None:
    if value:
        from materiel.screen import matcher_build

        typer.echo(f"materiel {__version__} (name matcher: {matcher_build()})")
        raise typer.Exit()


@app.callback()
def _global(
    db: str = typer.Option(
        None,
        "--db",
        help="Store URL or SQLite file path (default: $MATERIEL_DB or sqlite:///materiel.db).",
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """materiel: ingest reporting, extract sourced facts, screen and assess them."""
    state.db_url = db_url_from(db)


def say(line: str) -> None:
    """One plain line on stdout, never wrapped or highlighted (markup in ``line`` shown as typed)."""
    console.print(escape(line), soft_wrap=True, highlight=False)


def one_line(text: str) -> str:
    """Text on one line: the non-blank lines of a multi-line message joined with " | "."""
    return " | ".join(part.strip() for part in text.splitlines() if part.strip())


def fail(line: str) -> None:
    """One red line on stderr (markup in ``line`` is shown as typed)."""
    err_console.print(f"[red]{escape(one_line(line))}[/red]", soft_wrap=True, highlight=False)


def warn(line: str) -> None:
    """One yellow line on stderr."""
    err_console.print(f"[yellow]{escape(one_line(line))}[/yellow]", soft_wrap=True, highlight=False)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """A MaterielError ``func`` raises becomes one red line on stderr and exit status 1."""

    @functools.wraps(func)
    def run(*a: P.args, **kw: P.kwargs) -> R:
        try:
            return func(*a, **kw)
        except MaterielError as exc:
            fail(f"error: {exc}")
            raise typer.Exit(1) from None

    return run


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register a command on ``app``; a MaterielError it raises becomes one red line and exit 1."""

    def register(func: Callable[P, R]) -> Callable[P, R]:
        run = guarded(func)
        app.command(*args, **kwargs)(run)
        return run

    return register


@contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback drawing a transient bar on stderr for long runs.

    Nothing is drawn when stderr is not a terminal. stdout is left alone (not redirected
    through the bar), so piped output stays clean.
    """
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    task: list[Any] = []

    def update(done: int, total: int) -> None:
        if not enabled or total < PROGRESS_MIN or not err_console.is_terminal:
            return
        if not task:
            bar.start()
            task.append(bar.add_task(label, total=total))
        bar.update(task[0], completed=done, total=total)

    try:
        yield update
    finally:
        if task:
            bar.stop()


def main() -> None:
    app()
