"""Helpers shared by the command-line tests: invented texts, paths and the result of one run.

The texts below are short reports invented for these tests (not taken from any source).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SHARED_SKIP = f"{SHARED} is missing: these tests read the shared dev set (../shared from the repo root)"
SHIPMENT = (
    "Freight logs show that Belarus shipped forty armoured personnel carriers to Myanmar in May 2021, "
    "according to an investigation published by Example Watch.\n\n"
    "The Belarusian foreign ministry denied sending any military equipment to Myanmar.\n\n"
    "On 3 June 2021 the European Union designated Zenit Export Bureau, a Minsk trading house, "
    "for supplying the vehicles.\n"
)
QUIET = "The harbour authority published its annual report on container traffic and new cranes.\n"
FRENCH = (
    "Le conseil municipal a voté hier soir un nouveau budget pour la rénovation des écoles "
    "primaires de la ville. Les travaux commenceront au printemps et dureront deux ans. "
    "Les parents d'élèves ont salué cette décision, tout en demandant davantage de places "
    "dans les cantines et une meilleure isolation des bâtiments avant l'hiver prochain.\n"
)

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def out_lines(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.strip()]

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


Cli = Callable[..., Run]
