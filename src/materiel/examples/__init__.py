"""Bundled example documents (written by the materiel developers) for ``materiel demo`` and tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def example_path(name: str = "russia-dprk-arms.json") -> Path:
    """The file path of a bundled example (the package is installed as files, not zipped)."""
    return Path(str(resources.files("materiel.examples") / name))
