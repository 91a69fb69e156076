"""The furniture filter: drop whole lines of page chrome; read newspaper datelines for metadata.

Patterns live in ``data/furniture.yaml`` (see its header for the format); users add their own
files through ``load_furniture(extra_paths)`` or ``IngestOptions.furniture``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from materiel.errors import InputError
from materiel.ingest.dates import parse_date

DEFAULT_PATH = Path(__file__).parent / "data" / "furniture.yaml"

# A dateline is only looked for among the first few non-blank lines of a text.
_DATELINE_LINES = 3


@dataclass(frozen=True)
class Dateline:
    publisher: str | None
    published: date | None


@dataclass(frozen=True)
class Furniture:
    remove: tuple[re.Pattern[str], ...]
    dateline: tuple[re.Pattern[str], ...]

    def is_furniture(self, line: str) -> bool:
        stripped = line.strip()
        return bool(stripped) and any(p.fullmatch(stripped) for p in self.remove)

    def is_dateline(self, line: str) -> bool:
        stripped = line.strip()
        return bool(stripped) and any(p.fullmatch(stripped) for p in self.dateline)

    def clean(self, text: str) -> str:
        """``text`` without its furniture lines; all other lines are kept as they were."""
        return "\n".join(line for line in text.splitlines() if not self.is_furniture(line))

    def find_dateline(self, text: str) -> Dateline | None:
        """Publisher and date from a dateline among the first lines of ``text``, if any."""
        lines = [line.strip() for line in text.splitlines() if line.strip()][:_DATELINE_LINES]
        for line in lines:
            for pattern in self.dateline:
                match = pattern.fullmatch(line)
                if match is None:
                    continue
                groups = match.groupdict()
                publisher = (groups.get("publisher") or "").strip() or None
                raw_date = groups.get("date")
                published = parse_date(raw_date) if raw_date else None
                if publisher or published:
                    return Dateline(publisher, published)
        return None


class _LineLoader(yaml.SafeLoader):
    """Safe loader that records the line of every mapping, for error messages."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_file(path: Path) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    source = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read furniture file: {exc.strerror or exc}", source=source) from exc
    except UnicodeDecodeError as exc:
        raise InputError("furniture file is not UTF-8 text", source=source) from exc
    try:
        data = yaml.load(raw, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", source=source) from exc
    if not isinstance(data, dict):
        raise InputError("expected a mapping with 'remove' and/or 'dateline' lists", source=source)
    out: tuple[list[re.Pattern[str]], list[re.Pattern[str]]] = ([], [])
    for key, target in (("remove", out[0]), ("dateline", out[1])):
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise InputError(f"'{key}' must be a list of entries", source=f"{source}:{data['__line__']}")
        for entry in entries:
            line = entry.get("__line__", "?") if isinstance(entry, dict) else "?"
            where = f"{source}:{line}"
            if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
                raise InputError(f"each '{key}' entry needs a 'pattern' string", source=where)
            try:
                target.append(re.compile(entry["pattern"], re.IGNORECASE))
            except re.error as exc:
                raise InputError(
                    f"field 'pattern': not a valid regular expression: {exc}", source=where
                ) from exc
    return out


@lru_cache(maxsize=32)
def _load(keys: tuple[tuple[str, int], ...]) -> Furniture:
    remove: list[re.Pattern[str]] = []
    dateline: list[re.Pattern[str]] = []
    for path, _mtime in keys:
        more_remove, more_dateline = _read_file(Path(path))
        remove.extend(more_remove)
        dateline.extend(more_dateline)
    return Furniture(tuple(remove), tuple(dateline))


def _key(path: str) -> tuple[str, int]:
    try:
        return path, Path(path).stat().st_mtime_ns  # an edited file is read again
    except OSError:
        return path, -1  # reported by _read_file


def load_furniture(extra_paths: Iterable[str | Path] = ()) -> Furniture:
    """The packaged furniture patterns plus those of ``extra_paths`` (InputError if one is bad)."""
    return _load(tuple(_key(str(p)) for p in (DEFAULT_PATH, *extra_paths)))
