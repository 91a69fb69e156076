"""Expanding inputs: directories are walked recursively in sorted order, hidden entries skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch

from materiel.ingest.http import is_url
from materiel.ingest.options import IngestOptions


def _matches(rel: str, name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch(rel, p) or fnmatch(name, p) for p in patterns)


def walk_directory(directory: str, options: IngestOptions) -> Iterator[str]:
    """Files under ``directory`` as ``directory`` joined with their relative path, sorted.

    Hidden files and directories (name starting with ".") are skipped; ``include`` keeps only
    files matching one of its patterns, ``exclude`` drops files matching one of its patterns
    (patterns are matched against the relative path with "/" separators and against the name).
    """
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = os.path.relpath(root, directory)
        for name in sorted(files):
            if name.startswith("."):
                continue
            rel = name if rel_root == "." else f"{rel_root.replace(os.sep, '/')}/{name}"
            if options.include and not _matches(rel, name, options.include):
                continue
            if options.exclude and _matches(rel, name, options.exclude):
                continue
            yield os.path.join(directory, *rel.split("/"))


def is_directory(value: str) -> bool:
    return not is_url(value) and os.path.isdir(value)


def expand_inputs(inputs: Sequence[str], options: IngestOptions) -> list[str]:
    """Inputs with directories replaced by the files under them; files and URLs kept as given.

    Paths that do not exist are kept, so that reading them reports the failure.
    """
    out: list[str] = []
    for value in inputs:
        if is_directory(value):
            out.extend(walk_directory(value, options))
        else:
            out.append(value)
    return out
