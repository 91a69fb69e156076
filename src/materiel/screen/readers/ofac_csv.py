"""OFAC legacy CSV: ``sdn.csv`` with ``add.csv`` (addresses) and ``alt.csv`` (a.k.a.s) beside it.

The files have no header; null is ``-0-`` (with a trailing space); each ends with a 0x1A byte.
They are joined on ent_num. The three files are not always from the same day: an a.k.a. in alt.csv
whose ent_num is not in sdn.csv belongs to an entry listed after sdn.csv was written (where alt.csv
is the newer file), and it is still read, as an entry known only by its names, so that a newer
listing is not missed: a Person where OFAC writes the name "LAST, First", as it writes every
individual's, else an Organization (a ship or aircraft known only so is read as one too); no
program. The warnings count such rows.
Addresses of an ent_num in neither file are counted and skipped. Columns:

    sdn.csv  ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
             Vess_flag, Vess_owner, Remarks
    add.csv  ent_num, add_num, address, city/state/postal, country, add_remarks
    alt.csv  ent_num, alt_num, alt_type, alt_name, alt_remarks

Strong a.k.a.s are in alt.csv; weak ones are quoted in the Remarks ("a.k.a. 'BNC'").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from materiel.screen.normalise import tokenize
from materiel.screen.readers.common import (
    ReadContext,
    add_country,
    add_identifier,
    add_unique,
    join_parts,
)
from materiel.screen.readers.ofac_remarks import apply_remarks
from materiel.screen.records import ListedEntity, Sanction
from materiel.screen.vocab import vocabulary

AUTHORITY = "US OFAC"
SDN_COLUMNS = 12
ADD_COLUMNS = 6
ALT_COLUMNS = 5
SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "entity": "Organization"}
EOF_MARK = "\x1a"


def companion_path(sdn: Path, role: str) -> Path | None:
    """``add.csv``/``alt.csv`` beside ``sdn.csv``: the file name with its last "sdn" replaced by ``role``."""
    name = sdn.name
    at = name.lower().rfind("sdn")
    if at < 0:
        return None
    candidate = sdn.with_name(name[:at] + role + name[at + 3 :])
    return candidate if candidate.is_file() else None


def null(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return None if not value or value == "-0-" else value


def rows(ctx: ReadContext, path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line, fields) of each row; the 0x1A end mark and blank lines skipped; bad rows raise."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            try:
                for fields in reader:
                    if not fields or (len(fields) == 1 and fields[0].strip() in ("", EOF_MARK)):
                        continue
                    if len(fields) != width:
                        raise ctx.error(
                            f"expected {width} fields, found {len(fields)}", reader.line_num, path
                        )
                    if not fields[0].strip().isdigit():
                        raise ctx.error(f"ent_num is not a number: {fields[0]!r}", reader.line_num, path)
                    yield reader.line_num, fields
            except csv.Error as exc:
                raise ctx.error(f"malformed CSV: {exc}", reader.line_num, path) from exc
    except UnicodeDecodeError as exc:
        raise ctx.error(f"not UTF-8 text: {exc.reason}", None, path) from exc
    except OSError as exc:
        raise ctx.error(f"cannot read: {exc.strerror or exc}", None, path) from exc


def programs(value: str | None) -> list[str]:
    """``"NPWMD] [DPRK2"`` → ``["NPWMD", "DPRK2"]``."""
    if not value:
        return []
    return [p.strip(" []") for p in value.split("] [") if p.strip(" []")]


def entity_from_row(ctx: ReadContext, fields: list[str]) -> ListedEntity:
    ent_num, name, sdn_type, program, title, call_sign, vess_type, tonnage, grt, flag, owner, remarks = (
        null(f) for f in fields
    )
    schema = SCHEMAS.get((sdn_type or "entity").lower(), "Organization")
    entity = ListedEntity(id=f"{ctx.key}:{ent_num}", list=ctx.key, schema=schema, name=name or "")
    entity.sanctions = [Sanction(AUTHORITY, p, source_id=ent_num) for p in programs(program)] or [
        Sanction(AUTHORITY, None, source_id=ent_num)
    ]
    extra = {
        "title": title,
        "call_sign": call_sign,
        "vessel_type": vess_type,
        "tonnage": tonnage,
        "gross_registered_tonnage": grt,
        "owner": owner,
    }
    entity.properties.update({k: v for k, v in extra.items() if v})
    if call_sign:
        add_identifier(entity, "call_sign", call_sign)
    if flag:
        entity.properties["flag"] = [flag]
        add_country(entity, flag, ctx)
    apply_remarks(entity, remarks, ctx)
    return entity


def read(ctx: ReadContext) -> Iterator[ListedEntity]:
    entities: dict[str, ListedEntity] = {}
    for line, fields in rows(ctx, ctx.path, SDN_COLUMNS):
        entity = entity_from_row(ctx, fields)
        if not entity.name:
            raise ctx.error("entry without a name", line)
        entities[fields[0].strip()] = entity
    unmatched = {"add": 0, "alt": 0}
    orphans: dict[str, ListedEntity] = {}
    alt = ctx.companions.get("alt")
    if alt is not None:
        for _line, (ent_num, _num, alt_type, alt_name, _remarks) in rows(ctx, alt, ALT_COLUMNS):
            key, value = ent_num.strip(), null(alt_name)
            target = entities.get(key)
            if target is None:
                unmatched["alt"] += 1
                target = orphans.get(key)
                if target is None:
                    if value:
                        orphans[key] = _alias_only_entry(ctx, key, value)
                    continue
            kind = (null(alt_type) or "aka").lower()
            if value and value != target.name:
                add_unique(target.aliases, value)
                if kind != "aka":
                    add_unique(target.properties.setdefault("previous_names", []), value)
    add = ctx.companions.get("add")
    if add is not None:
        for _line, (ent_num, _num, address, city, country, _remarks) in rows(ctx, add, ADD_COLUMNS):
            target = entities.get(ent_num.strip()) or orphans.get(ent_num.strip())
            if target is None:
                unmatched["add"] += 1
                continue
            add_unique(target.addresses, join_parts((null(address), null(city), null(country))))
            if null(country):
                _address_country(target, null(country), ctx)
    joined = [
        f"{n} {role}.csv rows name an ent_num not in {ctx.path.name}" for role, n in unmatched.items() if n
    ]
    if orphans:
        joined.append(
            f"{len(orphans)} entries are known only from {alt.name if alt else 'alt.csv'}, not from "
            f"{ctx.path.name} (the files are of different dates): read by their names alone, with no "
            "type or program"
        )
    ctx.warnings[:0] = joined  # before the rows' own warnings: they say what the files hold
    yield from entities.values()
    yield from orphans.values()


def _alias_only_entry(ctx: ReadContext, ent_num: str, name: str) -> ListedEntity:
    """An entry that alt.csv names and sdn.csv lacks: its first a.k.a. as its name."""
    schema = "Person" if _individual(name) else "Organization"
    entity = ListedEntity(id=f"{ctx.key}:{ent_num}", list=ctx.key, schema=schema, name=name)
    entity.sanctions = [Sanction(AUTHORITY, None, source_id=ent_num)]
    entity.properties["note"] = [
        f"known only from the a.k.a. file: ent_num {ent_num} is not in {ctx.path.name}"
    ]
    return entity


def _individual(name: str) -> bool:
    """OFAC writes an individual's name "LAST, First"; after the comma of "ACME, LTD" stands a legal
    form (names.yaml's ``legal_forms``), and the name is a company's."""
    family, comma, given = name.partition(", ")
    if not (family and comma and given) or "," in given:
        return False
    return tuple(tokenize(given)) not in vocabulary().legal_forms


def _address_country(entity: ListedEntity, country: str | None, ctx: ReadContext) -> None:
    add_unique(entity.properties.setdefault("address_countries", []), country)
    if entity.schema != "Person":
        add_country(entity, country, ctx)


def looks_like(head: str) -> bool:
    """True when the first line looks like a row of sdn.csv (a number, a quoted name, 12 fields)."""
    line = head.splitlines()[0] if head else ""
    if not re.match(r'^\d+,"', line):
        return False
    try:
        fields = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return False
    return len(fields) == SDN_COLUMNS


__all__ = ["AUTHORITY", "companion_path", "looks_like", "programs", "read"]
