"""UK Sanctions List, the FCDO's XML export (``UK_Sanctions_List.xml``: root ``Designations``).

One ``Designation`` per listing: ``UniqueID`` (e.g. RUS0270), ``DateDesignated``, ``RegimeName``,
``IndividualEntityShip`` (Individual/Entity/Ship), ``Names/Name`` (``Name1``..``Name5`` given names,
``Name6`` surname or whole name, ``NameType`` "Primary Name"/"Alias", ``AliasStrength``),
``NonLatinNames/NonLatinName/NameNonLatinScript``, ``UKStatementofReasons``, ``OtherInformation``,
``Addresses/Address`` (``AddressLine1``..``6``, ``AddressPostalCode``, ``AddressCountry``),
``IndividualDetails/Individual`` (``DOBs/DOB`` as dd/mm/yyyy with 00 for unknown parts,
``Nationalities/Nationality``, ``BirthDetails/Location``, ``Genders/Gender``,
``PassportDetails/PassportDetail/PassportNumber``,
``NationalIdentifierDetails/NationalIdentifier/NationalIdentifierNumber``), ``EntityDetails/Entity``
(``BusinessRegistrationNumbers/BusinessRegistrationNumber``) and ``ShipDetails/Ship``
(``IMONumbers/IMONumber``, ``CurrentFlags/CurrentFlag``). The list date is ``DateGenerated``
when the file has it (child or attribute of the root).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from materiel.screen.readers.common import (
    ReadContext,
    add_country,
    add_identifier,
    add_unique,
    child,
    children,
    gender,
    join_parts,
    local,
    nested,
    one_date,
    parse_xml,
    text,
)
from materiel.screen.records import ListedEntity, Sanction

AUTHORITY = "UK"
ROOT = "Designations"
SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
_UK_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


def uk_date(value: str | None) -> str | None:
    """``24/10/1966`` → 1966-10-24; ``00/00/1966`` → 1966; ``00/10/1966`` → 1966-10."""
    if not value:
        return None
    if m := _UK_DATE.match(value.strip()):
        day, month, year = m.groups()
        if month == "00":
            return year
        return f"{year}-{month}" if day == "00" else f"{year}-{month}-{day}"
    return one_date(value)


def read(ctx: ReadContext) -> Iterator[ListedEntity]:
    root = parse_xml(ctx)
    if local(root.tag) != ROOT:
        raise ctx.error(f"not a UK Sanctions List XML: root element is <{local(root.tag)}>")
    generated = root.get("DateGenerated") or text(root, "DateGenerated")
    ctx.list_date = one_date(generated) if generated else None
    for elem in children(root, "Designation"):
        yield _entry(ctx, elem)


def _name(elem: ET.Element) -> str:
    given = join_parts((text(elem, f"Name{i}") for i in range(1, 6)), " ")
    return join_parts((given, text(elem, "Name6")), " ")


def _entry(ctx: ReadContext, elem: ET.Element) -> ListedEntity:
    ref = text(elem, "UniqueID")
    primary: str | None = None
    aliases: list[tuple[str, bool]] = []
    for name_elem in nested(elem, "Names", "Name"):
        value = _name(name_elem)
        if not value:
            continue
        if (text(name_elem, "NameType") or "").lower().startswith("primary") and primary is None:
            primary = value
        else:
            strength = (text(name_elem, "AliasStrength") or "").lower()
            aliases.append((value, "low" in strength or "weak" in strength))
    if primary is None and aliases:
        primary = aliases.pop(0)[0]
    if not ref or not primary:
        raise ctx.error(f"Designation {ref or '?'} without a UniqueID or a name")
    kind = (text(elem, "IndividualEntityShip") or "entity").lower()
    entity = ListedEntity(
        id=f"{ctx.key}:{ref}", list=ctx.key, schema=SCHEMAS.get(kind, "Organization"), name=primary
    )
    for value, weak in aliases:
        add_unique(entity.weak_aliases if weak else entity.aliases, value)
    for value_elem in nested(elem, "NonLatinNames", "NonLatinName"):
        add_unique(entity.aliases, text(value_elem, "NameNonLatinScript"))
    reason = text(elem, "UKStatementofReasons") or text(elem, "OtherInformation")
    entity.sanctions.append(
        Sanction(
            AUTHORITY,
            text(elem, "RegimeName"),
            listed_on=one_date(text(elem, "DateDesignated") or ""),
            reason=reason,
            source_id=ref,
        )
    )
    for key, tag in (
        ("un_reference", "UNReferenceNumber"),
        ("ofsi_group_id", "OFSIGroupID"),
        ("sanctions_imposed", "SanctionsImposed"),
    ):
        if found := text(elem, tag):
            entity.properties[key] = found
    for addr in nested(elem, "Addresses", "Address"):
        fields = [f"AddressLine{i}" for i in range(1, 7)] + ["AddressPostalCode", "AddressCountry"]
        add_unique(entity.addresses, join_parts(text(addr, f) for f in fields))
        if entity.schema != "Person":
            add_country(entity, text(addr, "AddressCountry"), ctx)
    person = child(child(elem, "IndividualDetails"), "Individual")
    if person is not None:
        _person(ctx, entity, person)
    for org in nested(elem, "EntityDetails", "Entity"):
        for number in nested(org, "BusinessRegistrationNumbers", "BusinessRegistrationNumber"):
            add_identifier(entity, "registration", number.text)
    for ship in nested(elem, "ShipDetails", "Ship"):
        for number in nested(ship, "IMONumbers", "IMONumber"):
            add_identifier(entity, "imo", number.text)
        for flag in nested(ship, "CurrentFlags", "CurrentFlag"):
            add_country(entity, flag.text, ctx)
            add_unique(entity.properties.setdefault("flag", []), flag.text)
    return entity


def _person(ctx: ReadContext, entity: ListedEntity, person: ET.Element) -> None:
    for dob in nested(person, "DOBs", "DOB"):
        add_unique(entity.birth_dates, uk_date(dob.text))
    for nat in nested(person, "Nationalities", "Nationality"):
        add_country(entity, nat.text, ctx)
        add_unique(entity.properties.setdefault("nationality", []), nat.text)
    for loc in nested(person, "BirthDetails", "Location"):
        add_unique(entity.birth_places, join_parts((text(loc, "TownOfBirth"), text(loc, "CountryOfBirth"))))
    for value in nested(person, "Genders", "Gender"):
        entity.gender = entity.gender or gender(value.text)
    for doc in nested(person, "PassportDetails", "PassportDetail"):
        add_identifier(entity, "passport", text(doc, "PassportNumber"))
    for doc in nested(person, "NationalIdentifierDetails", "NationalIdentifier"):
        add_identifier(entity, "national_id", text(doc, "NationalIdentifierNumber"))


__all__ = ["AUTHORITY", "read", "uk_date"]
