"""FollowTheMoney entities as JSON lines (OpenSanctions ``entities.ftm.json`` and ``targets.nested.json``).

One object per line: ``{"id", "schema", "properties": {prop: [values]}, "datasets"?}``. Person,
Organization, Company, PublicBody, LegalEntity, Vessel and Airplane entities become listed entities;
``Sanction`` entities (``entity`` → the target, ``authority``, ``program``, ``listingDate`` or
``startDate``, ``reason``) become their sanctions; ``Passport``/``Identification`` entities
(``holder``, ``number``) their identifiers. In the nested form, those related entities sit inside
the target's properties (``sanctions``, ``identification``...) as objects. Other schemas are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from materiel.screen.readers.common import (
    ReadContext,
    add_country,
    add_identifier,
    add_unique,
    gender,
    one_date,
)
from materiel.screen.records import ListedEntity, Sanction

TARGETS = {
    "Person": "Person",
    "Organization": "Organization",
    "Company": "Organization",
    "PublicBody": "Organization",
    "LegalEntity": "LegalEntity",
    "Vessel": "Vessel",
    "Airplane": "Airplane",
}
ID_PROPS = {
    "passportNumber": "passport",
    "idNumber": "national_id",
    "taxNumber": "tax_id",
    "registrationNumber": "registration",
    "imoNumber": "imo",
    "mmsi": "mmsi",
    "leiCode": "lei",
    "innCode": "tax_id",
    "ogrnCode": "registration",
    "swiftBic": "swift_bic",
    "callSign": "call_sign",
    "serialNumber": "aircraft_msn",
}
DOCUMENT_KINDS = {"Passport": "passport", "Identification": "national_id"}


def _values(props: dict[str, Any], name: str) -> list[Any]:
    value = props.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _strings(props: dict[str, Any], name: str) -> list[str]:
    return [str(v) for v in _values(props, name) if isinstance(v, str | int | float) and str(v).strip()]


def _first(props: dict[str, Any], *names: str) -> str | None:
    for name in names:
        values = _strings(props, name)
        if values:
            return values[0]
    return None


def read(ctx: ReadContext) -> Iterator[ListedEntity]:
    targets: dict[str, ListedEntity] = {}
    related: list[tuple[dict[str, Any], int]] = []
    skipped = 0
    try:
        with ctx.path.open(encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ctx.error(f"not a JSON object: {exc.msg}", line_no) from exc
                if not isinstance(obj, dict) or not isinstance(obj.get("schema"), str) or not obj.get("id"):
                    raise ctx.error("a FollowTheMoney entity needs an id and a schema", line_no)
                if not isinstance(obj.get("properties", {}), dict):
                    raise ctx.error("properties must be an object", line_no)
                if obj["schema"] in TARGETS:
                    entity = _target(ctx, obj, line_no)
                    targets[str(obj["id"])] = entity
                    for values in obj.get("properties", {}).values():
                        for value in values if isinstance(values, list) else [values]:
                            if isinstance(value, dict) and "schema" in value:
                                related.append(({**value, "_owner": str(obj["id"])}, line_no))
                elif obj["schema"] == "Sanction" or obj["schema"] in DOCUMENT_KINDS:
                    related.append((obj, line_no))
                else:
                    skipped += 1
    except UnicodeDecodeError as exc:
        raise ctx.error(f"not UTF-8 text: {exc.reason}") from exc
    except OSError as exc:
        raise ctx.error(f"cannot read: {exc.strerror or exc}") from exc
    for obj, _line_no in related:
        _attach(ctx, targets, obj)
    for entity in targets.values():
        if not entity.sanctions:
            entity.sanctions.append(Sanction(ctx.key, None, source_id=entity.id.split(":", 1)[1]))
    if skipped:
        ctx.warnings.append(f"{skipped} entities of other schemas skipped")
    yield from targets.values()


def _target(ctx: ReadContext, obj: dict[str, Any], line_no: int) -> ListedEntity:
    props: dict[str, Any] = obj.get("properties") or {}
    names = _strings(props, "name")
    if not names:
        raise ctx.error(f"{obj['schema']} {obj['id']} without a name", line_no)
    entity = ListedEntity(
        id=f"{ctx.key}:{obj['id']}", list=ctx.key, schema=TARGETS[obj["schema"]], name=names[0]
    )
    add_unique(entity.aliases, *names[1:], *_strings(props, "alias"), *_strings(props, "previousName"))
    add_unique(entity.weak_aliases, *_strings(props, "weakAlias"))
    for value in _strings(props, "birthDate"):
        add_unique(entity.birth_dates, one_date(value) or value)
    add_unique(entity.birth_places, *_strings(props, "birthPlace"))
    for prop in ("nationality", "citizenship", "country", "jurisdiction", "flag", "mainCountry"):
        for value in _strings(props, prop):
            add_country(entity, value, ctx)
    for value in _strings(props, "gender"):
        entity.gender = entity.gender or gender(value)
    for prop, kind in ID_PROPS.items():
        for value in _strings(props, prop):
            add_identifier(entity, kind, value)
    add_unique(entity.addresses, *_strings(props, "address"))
    for prop in ("topics", "position", "notes", "program"):
        values = _strings(props, prop)
        if values:
            entity.properties[prop] = values
    datasets = obj.get("datasets")
    if isinstance(datasets, list) and datasets:
        entity.properties["datasets"] = [str(d) for d in datasets]
    return entity


def _attach(ctx: ReadContext, targets: dict[str, ListedEntity], obj: dict[str, Any]) -> None:
    props: dict[str, Any] = obj.get("properties") or {}
    link = "entity" if obj.get("schema") == "Sanction" else "holder"
    owners = [str(v.get("id")) if isinstance(v, dict) else str(v) for v in _values(props, link)]
    if "_owner" in obj:
        owners = [obj["_owner"]]
    for owner in owners:
        entity = targets.get(owner)
        if entity is None:
            continue
        if obj.get("schema") == "Sanction":
            listed = _first(props, "listingDate", "startDate")
            entity.sanctions.append(
                Sanction(
                    _first(props, "authority") or ctx.key,
                    _first(props, "program", "programId"),
                    listed_on=one_date(listed) if listed else None,
                    reason=_first(props, "reason"),
                    source_id=_first(props, "unscId", "authorityId"),
                )
            )
        elif obj.get("schema") in DOCUMENT_KINDS:
            for number in _strings(props, "number"):
                add_identifier(entity, DOCUMENT_KINDS[str(obj["schema"])], number)


__all__ = ["read"]
