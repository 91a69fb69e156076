"""The options of an ingest run and the record of an input that could not be read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are found and read.

    ``published``, ``publisher`` and ``title`` are used only when the input does not say.
    ``include``/``exclude`` are glob patterns matched (fnmatch) against the path relative to a
    walked directory and against the file name; they apply only when walking directories.
    ``furniture`` names extra furniture files (same format as ``data/furniture.yaml``).
    """

    published: date | None = None
    publisher: str | None = None
    title: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_bytes: int = 20 * 1024 * 1024
    timeout_s: float = 15.0
    max_redirects: int = 5
    furniture: tuple[str, ...] = ()
    detect_language: bool = True


@dataclass(frozen=True)
class IngestFailure:
    """An input (or one record of it) that gave no document, with one human line why."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"
