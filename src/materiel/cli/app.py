"""The typer application, its global options and the shared console."""

from __future__ import annotations

from dataclasses import dataclass

import typer
from rich.console import Console

from materiel.settings import db_url_from

app = typer.Typer(
    name="materiel",
    help="Sourced facts on arms transfers and sanctions evasion from reporting.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err_console = Console(stderr=True)


@dataclass
class State:
    db_url: str = ""


state = State()


@app.callback()
def _global(
    db: str = typer.Option(
        None,
        "--db",
        help="Store URL or SQLite file path (default: $MATERIEL_DB or sqlite:///materiel.db).",
    ),
) -> None:
    """materiel: ingest reporting, extract sourced facts, screen and assess them."""
    state.db_url = db_url_from(db)


def main() -> None:
    app()
