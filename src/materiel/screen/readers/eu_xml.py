"""EU Financial Sanctions Files XML (FSF "export" format, namespace ``http://eu.europa.ec/fpi/fsd/export``).

Root ``export`` (attribute ``generationDate``), one ``sanctionEntity`` per listing (attributes
``logicalId``, ``euReferenceNumber``, ``unitedNationId``) with ``subjectType@code``
(person/enterprise), ``nameAlias`` (``wholeName``, ``strong``, ``gender``), ``regulation``
(``programme``, ``publicationDate``, ``entryIntoForceDate``), ``citizenship``, ``birthdate``
(``birthdate``, ``year``, ``circa``, ``city``, ``countryIso2Code``), ``identification``
(``identificationTypeCode``, ``number``), ``address`` and ``remark``.
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
)
from materiel.screen.records import ListedEntity, Sanction

AUTHORITY = "EU"
ROOT = "export"
SCHEMAS = {"person": "Person", "enterprise": "Organization", "P": "Person", "E": "Organization"}
ID_KINDS = {
    "passport": "passport",
    "id": "national_id",
    "fiscalcode": "tax_id",
    "regnumber": "registration",
    "imo": "imo",
    "swiftbic": "swift_bic",
    "ssn": "ssn",
    "other": "other_id",
}


def read(ctx: ReadContext) -> Iterator[ListedEntity]:
    root = parse_xml(ctx)
    if local(root.tag) != ROOT:
        raise ctx.error(f"not an EU financial sanctions export: root element is <{local(root.tag)}>")
    generated = root.get("generationDate")
    ctx.list_date = one_date(generated) if generated else None
    for elem in children(root, "sanctionEntity"):
        yield _entry(ctx, elem)


def _attr(elem: ET.Element, name: str) -> str | None:
    value = elem.get(name)
    return " ".join(value.split()) if value and value.strip() else None


def _entry(ctx: ReadContext, elem: ET.Element) -> ListedEntity:
    ref = _attr(elem, "euReferenceNumber") or _attr(elem, "logicalId")
    subject = next(iter(children(elem, "subjectType")), None)
    code = (
        (_attr(subject, "code") or _attr(subject, "classificationCode") or "") if subject is not None else ""
    )
    names = [
        (
            a,
            _attr(a, "wholeName")
            or join_parts((_attr(a, "firstName"), _attr(a, "middleName"), _attr(a, "lastName")), " "),
        )
        for a in children(elem, "nameAlias")
    ]
    names = [(a, n) for a, n in names if n]
    if not ref or not names:
        raise ctx.error(f"sanctionEntity {_attr(elem, 'logicalId') or '?'} without a reference or a name")
    entity = ListedEntity(
        id=f"{ctx.key}:{ref}", list=ctx.key, schema=SCHEMAS.get(code, "Organization"), name=names[0][1]
    )
    for alias, name in names[1:]:
        strong = (_attr(alias, "strong") or "true").lower() != "false"
        add_unique(entity.aliases if strong else entity.weak_aliases, name)
    for alias, _name in names:
        entity.gender = entity.gender or gender(_attr(alias, "gender"))
        if function := _attr(alias, "function"):
            add_unique(entity.properties.setdefault("position", []), function)
    reason = text(elem, "remark")
    regulations: list[ET.Element | None] = list(children(elem, "regulation")) or [None]
    for reg in regulations:
        entity.sanctions.append(
            Sanction(
                AUTHORITY,
                _attr(reg, "programme") if reg is not None else None,
                listed_on=one_date(_attr(reg, "entryIntoForceDate") or _attr(reg, "publicationDate") or "")
                if reg is not None
                else None,
                reason=reason,
                source_id=ref,
            )
        )
    if un_id := _attr(elem, "unitedNationId"):
        entity.properties["un_reference"] = un_id
    for cit in children(elem, "citizenship"):
        add_country(entity, _attr(cit, "countryIso2Code") or _attr(cit, "countryDescription"), ctx)
    for dob in children(elem, "birthdate"):
        value = one_date(_attr(dob, "birthdate") or _attr(dob, "year") or "")
        add_unique(entity.birth_dates, value)
        if (_attr(dob, "circa") or "").lower() == "true":
            entity.properties["birth_date_approximate"] = True
        add_unique(
            entity.birth_places,
            join_parts((_attr(dob, "city"), _attr(dob, "place"), _attr(dob, "countryDescription"))),
        )
    for ident in children(elem, "identification"):
        kind = ID_KINDS.get((_attr(ident, "identificationTypeCode") or "other").lower(), "other_id")
        add_identifier(entity, kind, _attr(ident, "number"))
    for addr in children(elem, "address"):
        fields = ("street", "poBox", "city", "zipCode", "region", "place", "countryDescription")
        add_unique(entity.addresses, join_parts(_attr(addr, f) for f in fields))
        if entity.schema != "Person":
            add_country(entity, _attr(addr, "countryIso2Code") or _attr(addr, "countryDescription"), ctx)
    return entity


__all__ = ["AUTHORITY", "read"]
