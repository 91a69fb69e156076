"""The one exception hierarchy of materiel.

Every error a user can cause (bad input file, bad list, bad rule pack, bad store URL) is a
``MaterielError`` whose message names the input and the reason, so the command line can print one
clear line and go on with the other inputs.

    MaterielError
    ├── InputError          a document or path that cannot be read (ingest)
    ├── ExtractionError     a document the pipeline failed on (extract)
    ├── ListFormatError     a sanctions list that cannot be parsed (screen)
    ├── RulePackError       a rule pack that fails its schema (assess)
    ├── StoreError          the store cannot be opened or written
    └── NotFoundError       an id that is not in the store
"""

from __future__ import annotations


class MaterielError(Exception):
    """Base class: ``source`` names the file, URL or record the error is about."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(MaterielError):
    """A document input that cannot be ingested."""


class ExtractionError(MaterielError):
    """A document on which extraction failed."""


class ListFormatError(MaterielError):
    """A sanctions list file that cannot be parsed."""


class RulePackError(MaterielError):
    """A rule pack that does not validate."""


class StoreError(MaterielError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(MaterielError):
    """An id that is not in the store."""


__all__ = [
    "ExtractionError",
    "InputError",
    "ListFormatError",
    "MaterielError",
    "NotFoundError",
    "RulePackError",
    "StoreError",
]
