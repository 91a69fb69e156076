"""OFAC SDN XML (``sdn.xml``: root ``sdnList``, one ``sdnEntry`` per listing).

Namespaces differ between the Treasury site (``http://tempuri.org/sdnList.xsd``) and the Sanctions
List Service; tags are read without them. The list date is ``publshInformation/Publish_Date``
(MM/DD/YYYY). Names are written "LAST, First" as in sdn.csv, so both formats give the same names.
a.k.a.s of category "weak" are weak aliases. Remarks are parsed as in the CSV.
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
    parse_dates,
    parse_xml,
    text,
    texts,
)
from materiel.screen.readers.ofac_csv import AUTHORITY, SCHEMAS
from materiel.screen.readers.ofac_remarks import apply_remarks, id_kind
from materiel.screen.records import ListedEntity, Sanction

ROOT = "sdnList"
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def person_name(last: str | None, first: str | None) -> str:
    return f"{last}, {first}" if last and first else (last or first or "")


def read(ctx: ReadContext) -> Iterator[ListedEntity]:
    root = parse_xml(ctx)
    if local(root.tag) != ROOT:
        raise ctx.error(f"not an OFAC sdn.xml: root element is <{local(root.tag)}>")
    published = text(root, "publshInformation", "Publish_Date")
    if published and (m := _US_DATE.match(published)):
        ctx.list_date = f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    for elem in children(root, "sdnEntry"):
        yield _entry(ctx, elem)


def _entry(ctx: ReadContext, elem: ET.Element) -> ListedEntity:
    uid = text(elem, "uid")
    name = person_name(text(elem, "lastName"), text(elem, "firstName"))
    if not uid or not name:
        raise ctx.error(f"sdnEntry {uid or '?'} without a uid or a name")
    schema = SCHEMAS.get((text(elem, "sdnType") or "entity").lower(), "Organization")
    entity = ListedEntity(id=f"{ctx.key}:{uid}", list=ctx.key, schema=schema, name=name)
    entity.sanctions = [Sanction(AUTHORITY, p, source_id=uid) for p in texts(elem, "programList", "program")]
    if title := text(elem, "title"):
        entity.properties["title"] = title
    for aka in nested(elem, "akaList", "aka"):
        value = person_name(text(aka, "lastName"), text(aka, "firstName"))
        weak = (text(aka, "category") or "").lower() == "weak"
        add_unique(entity.weak_aliases if weak else entity.aliases, value)
    for ident in nested(elem, "idList", "id"):
        _identifier(ctx, entity, ident)
    for item in nested(elem, "dateOfBirthList", "dateOfBirthItem"):
        dates, approximate = parse_dates(text(item, "dateOfBirth") or "")
        add_unique(entity.birth_dates, *dates)
        if approximate:
            entity.properties["birth_date_approximate"] = True
    for item in nested(elem, "placeOfBirthList", "placeOfBirthItem"):
        add_unique(entity.birth_places, text(item, "placeOfBirth"))
    for list_tag, item_tag, prop in (
        ("nationalityList", "nationality", "nationality"),
        ("citizenshipList", "citizenship", "citizenship"),
    ):
        for item in nested(elem, list_tag, item_tag):
            add_country(entity, text(item, "country"), ctx)
            add_unique(entity.properties.setdefault(prop, []), text(item, "country"))
    for addr in nested(elem, "addressList", "address"):
        fields = ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country")
        add_unique(entity.addresses, join_parts(text(addr, f) for f in fields))
        if schema != "Person":
            add_country(entity, text(addr, "country"), ctx)
    vessel = child(elem, "vesselInfo")
    if vessel is not None:
        if call_sign := text(vessel, "callSign"):
            add_identifier(entity, "call_sign", call_sign)
        if flag := text(vessel, "vesselFlag"):
            entity.properties["flag"] = [flag]
            add_country(entity, flag, ctx)
        for tag, prop in (
            ("vesselType", "vessel_type"),
            ("vesselOwner", "owner"),
            ("tonnage", "tonnage"),
            ("grossRegisteredTonnage", "gross_registered_tonnage"),
        ):
            if found := text(vessel, tag):
                entity.properties[prop] = found
    apply_remarks(entity, text(elem, "remarks"), ctx)
    return entity


def _identifier(ctx: ReadContext, entity: ListedEntity, ident: ET.Element) -> None:
    label = text(ident, "idType") or ""
    number = text(ident, "idNumber")
    if not number:
        return
    if label == "Gender":
        entity.gender = gender(number) or entity.gender
        return
    if label.startswith("Linked To"):
        add_unique(entity.linked_to, number)
        return
    kind = id_kind(label)
    if kind is None:
        entity.properties.setdefault("other_ids", []).append(f"{label} {number}".strip())
        return
    add_identifier(entity, kind, number)
    if kind == "passport" and (country := text(ident, "idCountry")):
        add_unique(entity.properties.setdefault("passport_countries", []), country)


__all__ = ["read"]
