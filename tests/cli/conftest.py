"""Fixtures: the ``materiel`` command run in-process on a real SQLite store in ``tmp_path``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import ANSI, Cli, Run
from typer.testing import CliRunner

from materiel.cli import app


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'materiel.db'}"


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Cli:
    """``cli("ingest", "a.txt")`` runs ``materiel --db <tmp store> ingest a.txt`` in ``tmp_path``."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str, db: str | None = db_url) -> Run:
        argv = (["--db", db] if db else []) + list(args)
        result = runner.invoke(app, argv, catch_exceptions=False)
        return Run(result.exit_code, ANSI.sub("", result.stdout), ANSI.sub("", result.stderr))

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], str]:
    """``write("a.txt", text)`` writes a file under ``tmp_path`` and returns its relative path."""

    def make(name: str, text: str) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return name

    return make
