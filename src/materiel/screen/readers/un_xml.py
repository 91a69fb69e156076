"""UN Security Council Consolidated List XML (``CONSOLIDATED_LIST``, schema sc-sanctions.xsd).

``INDIVIDUALS/INDIVIDUAL`` become Persons, ``ENTITIES/ENTITY`` Organizations. The list date is the
root's ``dateGenerated``; each entry's listing is one Sanction (program: ``UN_LIST_TYPE``, e.g. DPRK;
listed on ``LISTED_ON``; reason: ``COMMENTS1``; reference: ``REFERENCE_NUMBER``). Aliases of
quality "Low" are weak aliases; "Good", "a.k.a." and "f.k.a." ones are aliases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from materiel.screen.readers.common import (
    ReadContext,
    add_country,
    add_identifier,
    add_unique,
    children,
    gender,
    join_parts,
    local,
    one_date,
    parse_xml,
    text,
    texts,
    year_range,
)
from materiel.screen.records import ListedEntity, Sanction

AUTHORITY = "UN Security Council"
ROOT = "CONSOLIDATED_LIST"


def read(ctx: ReadContext) -> Iterator[ListedEntity]:
    root = parse_xml(ctx)
    if local(root.tag) != ROOT:
        raise ctx.error(f"not a UN consolidated list: root element is <{local(root.tag)}>")
    generated = root.get("dateGenerated")
    ctx.list_date = one_date(generated) if generated else None
    for group, item, schema in (
        ("INDIVIDUALS", "INDIVIDUAL", "Person"),
        ("ENTITIES", "ENTITY", "Organization"),
    ):
        for container in children(root, group):
            for elem in children(container, item):
                yield _entry(ctx, elem, schema)


# a name part the list leaves empty, in lower case on a list written in capitals ("FOURTH_NAME: na");
# "NA" is a name ("ESTÊVÃO NA EM")
PLACEHOLDERS = frozenset({"na", "n/a", "-"})


def _entry(ctx: ReadContext, elem: ET.Element, schema: str) -> ListedEntity:
    ref = text(elem, "REFERENCE_NUMBER") or text(elem, "DATAID")
    parts = (text(elem, f) for f in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"))
    name = join_parts((p for p in parts if (p or "").strip() not in PLACEHOLDERS), " ")
    if not ref or not name:
        raise ctx.error(f"{local(elem.tag)} {text(elem, 'DATAID') or '?'} without a reference or a name")
    entity = ListedEntity(id=f"{ctx.key}:{ref}", list=ctx.key, schema=schema, name=name)
    entity.sanctions.append(
        Sanction(
            AUTHORITY,
            text(elem, "UN_LIST_TYPE"),
            listed_on=one_date(text(elem, "LISTED_ON") or ""),
            reason=text(elem, "COMMENTS1"),
            source_id=ref,
        )
    )
    add_unique(entity.aliases, text(elem, "NAME_ORIGINAL_SCRIPT"))
    prefix = "INDIVIDUAL" if schema == "Person" else "ENTITY"
    for alias in children(elem, f"{prefix}_ALIAS"):
        value = text(alias, "ALIAS_NAME")
        quality = (text(alias, "QUALITY") or "").lower()
        if value:
            add_unique(entity.weak_aliases if quality == "low" else entity.aliases, value)
    entity.gender = gender(text(elem, "GENDER"))
    for value in texts(elem, "NATIONALITY", "VALUE"):
        add_country(entity, value, ctx)
        add_unique(entity.properties.setdefault("nationality", []), value)
    for dob in children(elem, "INDIVIDUAL_DATE_OF_BIRTH"):
        _birth_date(entity, dob)
    for pob in children(elem, "INDIVIDUAL_PLACE_OF_BIRTH"):
        add_unique(
            entity.birth_places, join_parts(text(pob, f) for f in ("CITY", "STATE_PROVINCE", "COUNTRY"))
        )
    for doc in children(elem, "INDIVIDUAL_DOCUMENT"):
        _document(entity, doc)
    for addr in children(elem, f"{prefix}_ADDRESS"):
        fields = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
        add_unique(entity.addresses, join_parts(text(addr, f) for f in fields))
        if schema != "Person":
            add_country(entity, text(addr, "COUNTRY"), ctx)
    for prop, path in (("title", ("TITLE", "VALUE")), ("position", ("DESIGNATION", "VALUE"))):
        values = texts(elem, *path)
        if values:
            entity.properties[prop] = values
    entity.properties["un_list_type"] = text(elem, "UN_LIST_TYPE")
    return entity


def _birth_date(entity: ListedEntity, dob: ET.Element) -> None:
    kind = (text(dob, "TYPE_OF_DATE") or "").upper()
    exact = text(dob, "DATE")
    year = text(dob, "YEAR")
    if kind == "BETWEEN":
        start, end = text(dob, "FROM_YEAR"), text(dob, "TO_YEAR")
        if start and end and start.isdigit() and end.isdigit():
            add_unique(entity.birth_dates, *year_range(int(start), int(end)))
            entity.properties["birth_date_approximate"] = True
            return
    value = one_date(exact) if exact else (one_date(year) if year else None)
    if value:
        add_unique(entity.birth_dates, value)
        if kind == "APPROXIMATELY":
            entity.properties["birth_date_approximate"] = True


def _document(entity: ListedEntity, doc: ET.Element) -> None:
    number = text(doc, "NUMBER")
    if not number:
        return
    label = join_parts((text(doc, "TYPE_OF_DOCUMENT"), text(doc, "TYPE_OF_DOCUMENT2")), " ").lower()
    if "pass" in label:  # Passport, Numéro de passeport
        kind = "passport"
    elif "ident" in label or "national" in label:
        kind = "national_id"
    else:
        kind = "other_id"
    add_identifier(entity, kind, number)


__all__ = ["AUTHORITY", "read"]
