"""Designations found in text, checked against the loaded sanctions lists.

For each designation event the target's name is looked up by its normalised name key in the
current versions of the loaded lists: is it listed, since when, under which programs. With no
lists loaded (or no store) ``listed`` stays None: not known, rather than "not listed".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from materiel.assess.facts import Parties
from materiel.assess.records import DesignationCheck, ListedEntry
from materiel.model import EventType
from materiel.store import Store


def lists_loaded(store: Store | None) -> bool:
    if store is None:
        return False
    from materiel.screen.lists import list_lists

    return bool(list_lists(store))


def _entries(store: Store, name: str) -> list[ListedEntry]:
    from materiel.screen.lists import find_by_name_key, get_entity

    out: list[ListedEntry] = []
    seen: set[str] = set()
    for entry_id, _kind, _name in find_by_name_key(store, name):
        if entry_id in seen:
            continue
        seen.add(entry_id)
        entity = get_entity(store, entry_id)
        dates = sorted(s.listed_on for s in entity.sanctions if s.listed_on)
        out.append(
            ListedEntry(
                list=entity.list,
                id=entity.id,
                name=entity.name,
                programs=entity.programs,
                listed_on=dates[0] if dates else None,
                authorities=sorted({s.authority for s in entity.sanctions if s.authority}),
            )
        )
    return out


def check_designations(extraction: Mapping[str, Any], store: Store | None) -> list[DesignationCheck]:
    """One check per designation event of the extraction (in the contract's JSON shape)."""
    parties = Parties(list(extraction.get("entities") or []))
    doc_id = (extraction.get("document") or {}).get("id")
    loaded = lists_loaded(store)
    checks: list[DesignationCheck] = []
    for event in extraction.get("events") or []:
        if event.get("type") != EventType.DESIGNATION or not event.get("target"):
            continue
        party = parties.get(event.get("target"))
        if party is None:
            continue
        check = DesignationCheck(
            event=str(event.get("id")),
            target=party.id,
            name=party.name,
            authority=event.get("authority"),
            basis=event.get("basis"),
            document=doc_id,
        )
        if loaded and store is not None:
            check.entries = _entries(store, party.name)
            check.listed = bool(check.entries)
        checks.append(check)
    return checks


__all__ = ["check_designations", "lists_loaded"]
