"""Build src/materiel/extract/data/given_names.txt from official sanctions lists.

    .venv/bin/python scripts/build_given_names.py ../shared/data/sanctions/ofac_sdn.csv \
        ../shared/data/sanctions/un_consolidated.xml

Given names are read from the individuals on the lists (OFAC legacy CSV "LAST, First Middle";
UN consolidated XML FIRST_NAME), kept when they occur at least twice, and written one per line,
title-cased. The extractor uses them to recognise people the statistical NER misses or takes for
organisations ("Vasily Nebenzya", "President of Belarus Aleksandr Lukashenko"). Words that are
also ordinary English words are left out by the stoplist below.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import defusedxml.ElementTree as ET

ENGLISH = {
    "will",
    "may",
    "june",
    "mark",
    "grant",
    "rose",
    "major",
    "general",
    "said",
    "the",
    "and",
    "bin",
    "ibn",
    "abu",
    "haji",
    "hajji",
    "mullah",
    "mohammad",
    "al",
    "el",
    "de",
    "del",
    "van",
    "von",
    "abd",
    "sheikh",
    "mr",
    "mrs",
    "sayed",
    "seyed",
    "sayyid",
    "syed",
    "mir",
    "china",
    "india",
    "asia",
    "march",
    "april",
    "august",
    "guard",
    "ali",
    "ahmed",
    "ahmad",
    "hassan",
    "hussein",
    "omar",
    "khan",
    # capitalised words of titles and organisation names that also occur as given names on the lists
    "national",
    "special",
    "security",
    "federal",
    "united",
    "royal",
    "grand",
    "central",
    "democratic",
    "popular",
    "supreme",
    "public",
    "senior",
    "deputy",
    "chief",
    "prime",
    "high",
    "new",
    "great",
    "saint",
    "san",
    "santa",
    "don",
    "prince",
    "king",
    "queen",
    "sultan",
    "emir",
    "colonel",
    "captain",
    "doctor",
    "professor",
    "engineer",
    "director",
    "star",
    "sun",
    "moon",
    "red",
    "green",
    "white",
    "black",
    "blue",
    "young",
    "long",
    "hope",
    "faith",
    "grace",
    "victory",
    "liberty",
    "freedom",
    "peace",
    "communications",
    "intelligence",
    "operations",
    "justice",
    "foreign",
    "minister",
    "secretary",
    "president",
    "ambassador",
    "commander",
    "leader",
    "senator",
    "judge",
    "admiral",
    "affairs",
    "trade",
    "defense",
    "defence",
    "economic",
    "military",
    "ministry",
}
KEEP_TOO = {"ali", "ahmed", "ahmad", "hassan", "hussein", "omar", "mohammad", "seyed", "sayed"}


def from_ofac(path: Path, counts: Counter[str]) -> None:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) > 2 and row[2].strip() == "individual" and "," in row[1]:
                for word in row[1].split(",", 1)[1].split():
                    counts[word.strip(".'\"").title()] += 1


def from_un(path: Path, counts: Counter[str]) -> None:
    for element in ET.parse(path).getroot().iter("FIRST_NAME"):
        for word in (element.text or "").split():
            counts[word.strip(".'\"").title()] += 1


def not_names() -> set[str]:
    """Organisation words (extract/data/names.yaml), country words and a few list artefacts."""
    import pycountry
    import yaml

    data = yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "src/materiel/extract/data/names.yaml").read_text()
    )
    out = {w.lower() for w in data["organization_words"]}
    for country in pycountry.countries:
        out |= {w.lower() for w in country.name.replace(",", " ").split()}
    out |= {
        "east",
        "west",
        "north",
        "south",
        "first",
        "for",
        "joint",
        "army",
        "combatant",
        "commercial",
        "atomic",
        "branch",
        "consultant",
        "islamic",
        "levant",
        "libyan",
        "korean",
        "iranian",
        "syrian",
        "russian",
        "africa",
        "asia",
        "europe",
        "allah",
        "emirates",
        "exchange",
        "engineers",
        "people",
        "peoples",
        "republic",
        "state",
    }
    return out


def main() -> None:
    excluded = not_names()
    counts: Counter[str] = Counter()
    for arg in sys.argv[1:]:
        path = Path(arg)
        (from_un if path.suffix == ".xml" else from_ofac)(path, counts)
    names = sorted(
        n
        for n, c in counts.items()
        if c >= 2
        and n.isalpha()
        and len(n) >= 3
        and n.lower() not in excluded
        and (n.lower() not in ENGLISH or n.lower() in KEEP_TOO)
    )
    out = Path(__file__).resolve().parent.parent / "src/materiel/extract/data/given_names.txt"
    header = [
        "# Given names of individuals on the OFAC SDN list (2024-05-03) and the UN Security Council",
        "# consolidated list (2026-02-27), occurring at least twice; built by scripts/build_given_names.py.",
        "# One name a line. Add names by hand below the generated block if needed.",
    ]
    out.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {out}")


if __name__ == "__main__":
    main()
