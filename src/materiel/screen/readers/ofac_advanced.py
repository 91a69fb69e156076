"""OFAC advanced sanctions XML (``sdn_advanced.xml``: root ``Sanctions``, the UN-ASL standard).

Everything is referenced by id: ``ReferenceValueSets`` give the words (alias types, party subtypes,
feature types, name-part types, countries, document types, sanctions types, detail references);
``Locations`` and ``IDRegDocuments`` are keyed by id; each ``DistinctParty/Profile`` holds its
``Identity/Alias/DocumentedName`` names (``Primary``, ``LowQuality``) and ``Feature``s (Birthdate,
Place of Birth, Nationality Country, Citizenship Country, Gender, Location, Vessel Flag, ...);
``SanctionsEntries/SanctionsEntry`` carry the programs (``SanctionsMeasure`` whose type is
"Program", program in ``Comment``) and the listing date (``EntryEvent/Date``);
``ProfileRelationships`` give the links. The list date is ``DateOfIssue``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator

from materiel.screen.readers.common import (
    ReadContext,
    add_country,
    add_identifier,
    add_unique,
    child,
    children,
    country_code,
    gender,
    join_parts,
    local,
    nested,
    parse_xml,
    text,
    year_range,
)
from materiel.screen.readers.ofac_csv import AUTHORITY
from materiel.screen.readers.ofac_remarks import id_kind
from materiel.screen.records import ListedEntity, Sanction

ROOT = "Sanctions"
SUBTYPES = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}


def _ymd(elem: ET.Element | None) -> str | None:
    if elem is None:
        return None
    year, month, day = text(elem, "Year"), text(elem, "Month"), text(elem, "Day")
    if not year:
        return None
    out = year
    if month:
        out += f"-{int(month):02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


class _Refs:
    """The reference values, locations and documents of one file, looked up by id."""

    def __init__(self, root: ET.Element) -> None:
        self.values: dict[str, dict[str, str]] = defaultdict(dict)
        self.iso2: dict[str, str] = {}
        sets = child(root, "ReferenceValueSets")
        for value_set in list(sets) if sets is not None else []:
            for item in value_set:
                ident = item.get("ID")
                if ident is None:
                    continue
                self.values[local(item.tag)][ident] = " ".join((item.text or "").split())
                if local(item.tag) == "Country" and item.get("ISO2"):
                    self.iso2[ident] = str(item.get("ISO2"))
        self.locations: dict[str, tuple[str, str | None]] = {}
        for loc in nested(root, "Locations", "Location"):
            country_elem = child(loc, "LocationCountry")
            country_id = country_elem.get("CountryID") if country_elem is not None else None
            country = self.values["Country"].get(country_id or "")
            parts = [
                text(v, "Value")
                for p in children(loc, "LocationPart")
                for v in children(p, "LocationPartValue")
            ]
            code = self.iso2.get(country_id or "") or country_code(country)
            self.locations[str(loc.get("ID"))] = (join_parts([*parts, country]), code)
        self.documents: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
        for doc in nested(root, "IDRegDocuments", "IDRegDocument"):
            kind = self.values["IDRegDocType"].get(doc.get("IDRegDocTypeID") or "", "")
            number = text(doc, "IDRegistrationNo")
            if number:
                country = self.values["Country"].get(doc.get("IssuedBy-CountryID") or "")
                self.documents[str(doc.get("IdentityID"))].append((kind, number, country))

    def word(self, kind: str, ident: str | None) -> str:
        return self.values[kind].get(ident or "", "")


def read(ctx: ReadContext) -> Iterator[ListedEntity]:
    root = parse_xml(ctx)
    if local(root.tag) != ROOT:
        raise ctx.error(f"not an OFAC advanced XML: root element is <{local(root.tag)}>")
    ctx.list_date = _ymd(child(root, "DateOfIssue"))
    refs = _Refs(root)
    entities: dict[str, ListedEntity] = {}
    for party in nested(root, "DistinctParties", "DistinctParty"):
        for profile in children(party, "Profile"):
            entity = _profile(ctx, refs, profile)
            entities[str(profile.get("ID"))] = entity
    for entry in nested(root, "SanctionsEntries", "SanctionsEntry"):
        listed = entities.get(entry.get("ProfileID") or "")
        if listed is None:
            continue
        dates = sorted(d for d in (_ymd(child(e, "Date")) for e in children(entry, "EntryEvent")) if d)
        for measure in children(entry, "SanctionsMeasure"):
            if refs.word("SanctionsType", measure.get("SanctionsTypeID")).lower() == "program":
                listed.sanctions.append(
                    Sanction(
                        AUTHORITY,
                        text(measure, "Comment"),
                        listed_on=dates[0] if dates else None,
                        source_id=listed.id.split(":", 1)[1],
                    )
                )
    for rel in nested(root, "ProfileRelationships", "ProfileRelationship"):
        source, target = (
            entities.get(rel.get("From-ProfileID") or ""),
            entities.get(rel.get("To-ProfileID") or ""),
        )
        if source is not None and target is not None:
            add_unique(source.linked_to, target.name)
    for entity in entities.values():
        if not entity.sanctions:
            entity.sanctions.append(Sanction(AUTHORITY, None, source_id=entity.id.split(":", 1)[1]))
    yield from entities.values()


def _alias_name(refs: _Refs, identity: ET.Element, alias: ET.Element) -> str:
    group_types = {
        g.get("ID"): refs.word("NamePartType", g.get("NamePartTypeID"))
        for m in nested(identity, "NamePartGroups", "MasterNamePartGroup")
        for g in children(m, "NamePartGroup")
    }
    for name in children(alias, "DocumentedName"):
        last: list[str] = []
        rest: list[str] = []
        for part in children(name, "DocumentedNamePart"):
            for value in children(part, "NamePartValue"):
                words = " ".join((value.text or "").split())
                if words:
                    is_last = group_types.get(value.get("NamePartGroupID")) == "Last Name"
                    (last if is_last else rest).append(words)
        if last and rest:
            return f"{' '.join(last)}, {' '.join(rest)}"
        if last or rest:
            return " ".join(last + rest)
    return ""


def _profile(ctx: ReadContext, refs: _Refs, profile: ET.Element) -> ListedEntity:
    ident = str(profile.get("ID"))
    subtype = refs.word("PartySubType", profile.get("PartySubTypeID")).lower()
    names: list[tuple[str, bool, bool]] = []  # name, primary, weak
    identities = children(profile, "Identity")
    for identity in identities:
        for alias in children(identity, "Alias"):
            name = _alias_name(refs, identity, alias)
            if name:
                names.append((name, alias.get("Primary") == "true", alias.get("LowQuality") == "true"))
    primary = next((n for n, p, _w in names if p), names[0][0] if names else "")
    if not primary:
        raise ctx.error(f"Profile {ident} without a name")
    entity = ListedEntity(
        id=f"{ctx.key}:{ident}", list=ctx.key, schema=SUBTYPES.get(subtype, "Organization"), name=primary
    )
    for name, _primary, weak in names:
        if name != primary:
            add_unique(entity.weak_aliases if weak else entity.aliases, name)
    for identity in identities:
        for kind, number, country in refs.documents.get(str(identity.get("ID")), []):
            id_type = id_kind(kind) or "other_id"
            add_identifier(entity, id_type, number)
            if id_type == "passport" and country:
                add_unique(entity.properties.setdefault("passport_countries", []), country)
    for feature in children(profile, "Feature"):
        _feature(ctx, refs, entity, feature)
    return entity


def _feature(ctx: ReadContext, refs: _Refs, entity: ListedEntity, feature: ET.Element) -> None:
    kind = refs.word("FeatureType", feature.get("FeatureTypeID"))
    for version in children(feature, "FeatureVersion"):
        locations = [
            refs.locations.get(v.get("LocationID") or "") for v in children(version, "VersionLocation")
        ]
        details = children(version, "VersionDetail")
        if kind == "Birthdate":
            period = child(version, "DatePeriod")
            start = _ymd(child(child(period, "Start"), "From"))
            end = _ymd(child(child(period, "End"), "To"))
            if start and end and start != end:
                add_unique(entity.birth_dates, *year_range(int(start[:4]), int(end[:4])))
                entity.properties["birth_date_approximate"] = True
            else:
                add_unique(entity.birth_dates, start or end)
        elif kind == "Gender":
            for d in details:
                entity.gender = entity.gender or gender(
                    refs.word("DetailReference", d.get("DetailReferenceID"))
                )
        elif kind in ("Place of Birth", "Location", "Address"):
            target = entity.birth_places if kind == "Place of Birth" else entity.addresses
            for loc in locations:
                if loc:
                    add_unique(target, loc[0])
                    if kind != "Place of Birth" and entity.schema != "Person" and loc[1]:
                        add_unique(entity.countries, loc[1])
        elif kind.endswith("Country") or kind == "Vessel Flag":
            for loc in locations:
                if loc and loc[1]:
                    add_unique(entity.countries, loc[1])
                elif loc:
                    add_country(entity, loc[0], ctx)
        else:
            values = [
                " ".join((d.text or "").split()) or refs.word("DetailReference", d.get("DetailReferenceID"))
                for d in details
            ]
            for value in values:
                if value:
                    idk = id_kind(kind)
                    if idk:
                        add_identifier(entity, idk, value)
                    else:
                        add_unique(entity.properties.setdefault("features", []), f"{kind}: {value}")


__all__ = ["read"]
