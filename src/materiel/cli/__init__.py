"""The ``materiel`` command line: thin typer commands over the library functions.

Each sub-module registers its commands on ``app``; a command parses its arguments, calls one
library function and prints the result. Its docstring is its ``--help``.
"""

from __future__ import annotations

from materiel.cli.app import app, main

# Importing the command modules registers their commands on ``app``.
from materiel.cli import documents as _documents  # noqa: F401  (registers commands)

__all__ = ["app", "main"]
