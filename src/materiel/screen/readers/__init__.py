"""List readers, one module per format, each turning a list file into ``ListedEntity`` records.

    source = plan_sources(["sdn.csv"])[0]            # add.csv and alt.csv found beside it
    ctx = ReadContext(source.path, source.key, source.companions)
    for entity in READERS[source.format](ctx): ...

| format          | file                                                        | default key     |
|-----------------|-------------------------------------------------------------|-----------------|
| ``ofac-csv``     | OFAC legacy CSV trio: sdn.csv (+ add.csv, alt.csv beside it) | ``ofac-sdn``     |
| ``ofac-xml``     | OFAC sdn.xml                                                | ``ofac-sdn``     |
| ``ofac-advanced``| OFAC sdn_advanced.xml                                       | ``ofac-sdn``     |
| ``un-xml``       | UN Security Council consolidated list XML                   | ``un-sc``        |
| ``eu-fsf``       | EU financial sanctions files XML (FSF export)               | ``eu-fsf``       |
| ``uk-xml``       | UK Sanctions List XML (FCDO)                                | ``uk-sanctions`` |
| ``ftm``          | FollowTheMoney / OpenSanctions JSON lines                   | the file's stem  |

``detect_format`` looks at the content (the root element of XML, the shape of CSV rows), not
only the file name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from materiel.errors import ListFormatError
from materiel.screen.readers import eu_xml, ftm, ofac_advanced, ofac_csv, ofac_xml, uk_xml, un_xml
from materiel.screen.readers.common import ReadContext
from materiel.screen.records import ListedEntity

Reader = Callable[[ReadContext], Iterator[ListedEntity]]

READERS: dict[str, Reader] = {
    "ofac-csv": ofac_csv.read,
    "ofac-xml": ofac_xml.read,
    "ofac-advanced": ofac_advanced.read,
    "un-xml": un_xml.read,
    "eu-fsf": eu_xml.read,
    "uk-xml": uk_xml.read,
    "ftm": ftm.read,
}
DEFAULT_KEYS = {
    "ofac-csv": "ofac-sdn",
    "ofac-xml": "ofac-sdn",
    "ofac-advanced": "ofac-sdn",
    "un-xml": "un-sc",
    "eu-fsf": "eu-fsf",
    "uk-xml": "uk-sanctions",
}
XML_ROOTS = {
    "CONSOLIDATED_LIST": "un-xml",
    "sdnList": "ofac-xml",
    "Sanctions": "ofac-advanced",
    "export": "eu-fsf",
    "Designations": "uk-xml",
}
COMPANIONS = {"ofac-csv-add": "add", "ofac-csv-alt": "alt"}
SNIFF_BYTES = 65536
_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@dataclass(slots=True)
class ListSource:
    """One list to load: its format, main file, companion files and list key."""

    format: str
    path: Path
    key: str
    companions: dict[str, Path] = field(default_factory=dict)

    @property
    def paths(self) -> list[Path]:
        return [self.path, *(self.companions[r] for r in sorted(self.companions))]


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise ListFormatError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc


def _skip_prolog(head: bytes) -> bytes:
    """The bytes after the XML declaration, comments and DOCTYPE (so the root tag comes first)."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    while True:
        body = body.lstrip()
        if body.startswith(b"<?"):
            body = body[body.find(b"?>") + 2 :] if b"?>" in body else b""
        elif body.startswith(b"<!--"):
            body = body[body.find(b"-->") + 3 :] if b"-->" in body else b""
        elif body.startswith(b"<!DOCTYPE"):
            end = body.find(b"]>") + 2 if b"[" in body.split(b">", 1)[0] else body.find(b">") + 1
            body = body[end:] if end > 0 else b""
        else:
            return body


def detect_format(path: str | Path) -> str:
    """The format of a list file (a key of ``READERS``, or ``ofac-csv-add``/``ofac-csv-alt``)."""
    path = Path(path)
    head = _head(path)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        m = _ROOT.match(_skip_prolog(head))
        fmt = XML_ROOTS.get(m.group(1).decode("ascii", "replace")) if m else None
        if fmt is None:
            root = m.group(1).decode("ascii", "replace") if m else "?"
            raise ListFormatError(f"unknown XML list format (root element <{root}>)", source=str(path))
        return fmt
    if stripped.startswith(b"{"):
        return "ftm"
    first = stripped.decode("utf-8", "replace").splitlines()[0] if stripped else ""
    if re.match(r"^\d+,", first):
        try:
            fields = next(csv.reader([first]))
        except (csv.Error, StopIteration):
            fields = []
        if len(fields) == ofac_csv.SDN_COLUMNS:
            return "ofac-csv"
        if len(fields) == ofac_csv.ADD_COLUMNS:
            return "ofac-csv-add"
        if len(fields) == ofac_csv.ALT_COLUMNS:
            return "ofac-csv-alt"
    raise ListFormatError(
        "unknown list format (not OFAC CSV/XML, UN, EU, UK XML or FtM JSON lines)", source=str(path)
    )


def check_key(key: str) -> str:
    if not _KEY.match(key):
        raise ListFormatError("a list key is 1-64 lower-case letters, digits, '.', '_' or '-'", source=key)
    return key


def plan_sources(paths: Sequence[str | Path], name: str | None = None) -> list[ListSource]:
    """The lists named by ``paths``: OFAC add/alt CSVs join their sdn.csv (given or found beside it)."""
    sources: list[ListSource] = []
    companions: list[tuple[str, Path]] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise ListFormatError("no such file", source=str(path))
        fmt = detect_format(path)
        if fmt in COMPANIONS:
            companions.append((COMPANIONS[fmt], path))
            continue
        key = name or DEFAULT_KEYS.get(fmt) or re.sub(r"[^a-z0-9_.-]+", "-", path.stem.lower()).strip("-.")
        source = ListSource(fmt, path, check_key(key or "list"))
        if fmt == "ofac-csv":
            for role in ("add", "alt"):
                found = ofac_csv.companion_path(path, role)
                if found is not None:
                    source.companions[role] = found
        sources.append(source)
    for role, path in companions:
        owners = [s for s in sources if s.format == "ofac-csv" and s.path.parent == path.parent]
        if not owners:
            owners = [s for s in sources if s.format == "ofac-csv"]
        if len(owners) != 1:
            raise ListFormatError(f"an OFAC {role}.csv needs its sdn.csv in the same load", source=str(path))
        owners[0].companions[role] = path
    if name and len(sources) > 1:
        raise ListFormatError(
            f"--name {name} given for {len(sources)} lists; load them one at a time", source=name
        )
    return sources


__all__ = [
    "DEFAULT_KEYS",
    "READERS",
    "ListSource",
    "ReadContext",
    "check_key",
    "detect_format",
    "plan_sources",
]
