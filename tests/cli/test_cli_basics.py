"""Help, version and the error boundary of the command line."""

from __future__ import annotations

import pytest
from cli_support import Cli

from materiel import __version__
from materiel.screen import matcher_build

COMMANDS = ["ingest", "documents", "show", "extract", "eval", "demo"]


def test_version(cli: Cli) -> None:
    run = cli("--version", db=None)
    assert run.exit_code == 0
    # the build of the name matcher is named: a user can tell whether the compiled one runs
    assert run.stdout.strip() == f"materiel {__version__} (name matcher: {matcher_build()})"
    assert matcher_build() in ("compiled", "plain Python")


def test_top_level_help_lists_every_command(cli: Cli) -> None:
    run = cli("--help", db=None)
    assert run.exit_code == 0
    for name in COMMANDS:
        assert name in run.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(cli: Cli, name: str) -> None:
    run = cli(name, "--help")
    assert run.exit_code == 0
    assert "Example" in run.stdout
    assert f"materiel {name}" in run.stdout or (name == "extract" and "materiel --db" in run.stdout)


def test_store_that_cannot_be_opened_is_one_red_line(cli: Cli, tmp_path: object) -> None:
    run = cli("documents", db="sqlite:////nonexistent-dir/for/materiel/x.db")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert len(run.err_lines) == 1
    assert "cannot open the store" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_document_is_one_line_and_exit_1(cli: Cli) -> None:
    run = cli("show", "0123456789abcdef")
    assert run.exit_code == 1
    assert run.err_lines == ["error: 0123456789abcdef: no document with this id or id prefix"]


def test_too_short_prefix_is_refused(cli: Cli) -> None:
    run = cli("show", "abc")
    assert run.exit_code == 1
    assert "at least 6 characters" in run.stderr
