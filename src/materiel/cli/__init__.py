"""The ``materiel`` command line: thin typer commands over the library functions.

Each sub-module registers its commands on ``app``; a command parses its arguments, calls one
library function (mostly in ``materiel.jobs``) and prints the result. Its docstring is its
``--help``. A ``MaterielError`` becomes one red line on stderr and exit status 1.
"""

from __future__ import annotations

from materiel.cli import assess as _assess  # noqa: F401  (registers commands)
from materiel.cli import demo as _demo  # noqa: F401  (registers commands)

# Importing the command modules registers their commands on ``app``, in this order.
from materiel.cli import documents as _documents  # noqa: F401  (registers commands)
from materiel.cli import export as _export  # noqa: F401  (registers commands)
from materiel.cli import extract as _extract  # noqa: F401  (registers commands)
from materiel.cli import graph as _graph  # noqa: F401  (registers commands)
from materiel.cli import lists as _lists  # noqa: F401  (registers commands)
from materiel.cli import report as _report  # noqa: F401  (registers commands)
from materiel.cli import screen as _screen  # noqa: F401  (registers commands)
from materiel.cli import serve as _serve  # noqa: F401  (registers commands)
from materiel.cli.app import app, main

__all__ = ["app", "main"]
