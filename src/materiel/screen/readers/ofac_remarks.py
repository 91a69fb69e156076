"""The Remarks field of the OFAC legacy files: "DOB 07 May 1966; POB Baku, Azerbaijan; citizen ...".

OFAC packs whatever has no column of its own into Remarks, as ``; ``-separated phrases. The
phrases parsed here become qualifiers of the entity (dates and places of birth, nationality,
citizenship, gender, identifiers, vessel IMO, "Linked To", weak a.k.a.s quoted in the remarks);
the others are kept, as written, in ``properties["remarks"]``.
"""

from __future__ import annotations

import re

from materiel.screen.readers.common import (
    ReadContext,
    add_country,
    add_identifier,
    add_unique,
    gender,
    parse_dates,
)
from materiel.screen.records import ListedEntity

# (label as OFAC writes it, identifier kind); longer labels first where one starts another.
ID_LABELS: tuple[tuple[str, str], ...] = (
    ("Vessel Registration Identification IMO", "imo"),
    ("Vessel Registration Identification", "imo"),
    ("MMSI", "mmsi"),
    ("Diplomatic Passport", "passport"),
    ("Passport", "passport"),
    ("National ID No.", "national_id"),
    ("National Identification Number", "national_id"),
    ("Identification Number", "national_id"),
    ("Personal ID Card", "national_id"),
    ("Cedula No.", "national_id"),
    ("C.U.R.P. #", "national_id"),
    ("C.U.R.P.", "national_id"),
    ("D.N.I.", "national_id"),
    ("Electoral Registry No.", "national_id"),
    ("Credencial electoral", "national_id"),
    ("Residency Number", "national_id"),
    ("Public Security and Immigration No.", "national_id"),
    ("Birth Certificate Number", "birth_certificate"),
    ("Driver's License No.", "driver_license"),
    ("SSN", "ssn"),
    ("Tax ID No.", "tax_id"),
    ("R.F.C.", "tax_id"),
    ("RFC", "tax_id"),
    ("V.A.T. Number", "tax_id"),
    ("US FEIN", "tax_id"),
    ("Italian Fiscal Code", "tax_id"),
    ("Legal Entity Number", "lei"),
    ("D-U-N-S Number", "duns"),
    ("Unified Social Credit Code (USCC)", "registration"),
    ("UK Company Number", "registration"),
    ("Company Number", "registration"),
    ("Registration Number", "registration"),
    ("Registration ID", "registration"),
    ("Commercial Registry Number", "registration"),
    ("Business Registration Document #", "registration"),
    ("Business Registration Number", "registration"),
    ("Certificate of Incorporation Number", "registration"),
    ("Chamber of Commerce Number", "registration"),
    ("Trade License No.", "registration"),
    ("Enterprise Number", "registration"),
    ("Government Gazette Number", "registration"),
    ("Economic Register Number (CBLS)", "registration"),
    ("Central Registration System Number", "registration"),
    ("Folio Mercantil No.", "registration"),
    ("Matricula Mercantil No", "registration"),
    ("C.R. No.", "registration"),
    ("Registered Charity No.", "registration"),
    ("Aircraft Manufacturer's Serial Number (MSN)", "aircraft_msn"),
    ("Aircraft Tail Number", "aircraft_tail_number"),
)

# "VALUE (Country) issued 2010 expires 2020" → value, country
_ID_VALUE = re.compile(
    r"^(?P<value>.+?)(?:\s+\((?P<country>[^()]+)\))?"
    r"(?:\s+(?:issued|expires|Issue Date|Expire Date|Expiration Date|Valid)\b.*)?$"
)
_WEAK_AKA = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'$")


def id_kind(label: str) -> str | None:
    """The identifier kind of an OFAC identifier label ("Passport", "Tax ID No."); None if unknown."""
    wanted = label.strip().rstrip(":").casefold()
    for known, kind in ID_LABELS:
        if known.casefold() == wanted:
            return kind
    return None


def split_remarks(remarks: str) -> list[str]:
    text = remarks.strip()
    if text.endswith("."):
        text = text[:-1]
    return [p.strip() for p in text.split("; ") if p.strip()]


def _identifier(entity: ListedEntity, part: str) -> bool:
    for label, kind in ID_LABELS:
        if part.startswith(label + " ") or part.startswith(label + ":"):
            rest = part[len(label) :].lstrip(" :#")
            m = _ID_VALUE.match(rest)
            if not m or not m.group("value"):
                return False
            add_identifier(entity, kind, m.group("value"))
            if kind == "passport" and m.group("country"):
                entity.properties.setdefault("passport_countries", [])
                add_unique(entity.properties["passport_countries"], m.group("country"))
            return True
    return False


def apply_remarks(entity: ListedEntity, remarks: str | None, ctx: ReadContext) -> None:
    """Parse ``remarks`` into ``entity``: qualifiers, identifiers, links and weak aliases."""
    if not remarks:
        return
    other: list[str] = []
    for raw in split_remarks(remarks):
        part = raw[5:] if raw.startswith("alt. ") else raw
        if not _apply(entity, part, ctx):
            other.append(raw)
    if other:
        entity.properties["remarks"] = other


def _apply(entity: ListedEntity, part: str, ctx: ReadContext) -> bool:
    if m := _WEAK_AKA.match(part):
        add_unique(entity.weak_aliases, m.group(2))
        return True
    head, _, rest = part.partition(" ")
    if head == "DOB":
        dates, approximate = parse_dates(rest)
        add_unique(entity.birth_dates, *dates)
        if approximate:
            entity.properties["birth_date_approximate"] = True
        return bool(dates)
    if head == "POB":
        add_unique(entity.birth_places, rest)
        return True
    if head in ("nationality", "citizen"):
        prop = "nationality" if head == "nationality" else "citizenship"
        add_country(entity, rest, ctx)
        add_unique(entity.properties.setdefault(prop, []), rest)
        return True
    if head == "Gender":
        entity.gender = gender(rest) or entity.gender
        return True
    if part.startswith("Linked To:"):
        add_unique(entity.linked_to, part[len("Linked To:") :].strip())
        return True
    for label, prop in (
        ("Nationality of Registration", "registration_country"),
        ("Other Vessel Flag", "flag"),
    ):
        if part.startswith(label + " "):
            value = part[len(label) + 1 :]
            add_country(entity, value, ctx)
            add_unique(entity.properties.setdefault(prop, []), value)
            return True
    if part.startswith("Organization Established Date "):
        entity.properties["incorporation_date"] = part[len("Organization Established Date ") :]
        return True
    return _identifier(entity, part)


__all__ = ["ID_LABELS", "apply_remarks", "id_kind", "split_remarks"]
