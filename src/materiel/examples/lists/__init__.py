"""A small extract of real sanctions lists (OFAC SDN legacy CSV, UN consolidated XML) for the demo.

The entries are copied unchanged from the official files (see README.md here for sources, dates and
checksums). ``copy_lists(folder)`` copies them into ``folder`` with each file's modification time
set to the date of its original, since the OFAC CSV files carry no date of their own and the
list date of a CSV load is taken from the file's modification time.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

FILES = {  # file → date of the official file it was taken from
    "ofac_sdn.csv": "2024-05-03",
    "ofac_add.csv": "2025-01-06",
    "ofac_alt.csv": "2025-01-06",
    "un_consolidated.xml": "2026-02-27",
}
LOAD_ORDER = ("ofac_sdn.csv", "un_consolidated.xml")
"""What to pass to ``load_lists`` (add.csv and alt.csv are found beside sdn.csv)."""


def folder() -> Path:
    """Where the bundled list files are (the package is installed as files, not zipped)."""
    return Path(str(resources.files("materiel.examples.lists")))


def copy_lists(target: Path) -> list[Path]:
    """Copy the bundled lists into ``target`` (dated as their originals); the paths to load."""
    target.mkdir(parents=True, exist_ok=True)
    for name, day in FILES.items():
        copied = target / name
        shutil.copyfile(folder() / name, copied)
        stamp = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC).timestamp()
        os.utime(copied, (stamp, stamp))
    return [target / name for name in LOAD_ORDER]
