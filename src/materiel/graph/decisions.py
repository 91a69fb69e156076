"""The analyst's corrections to resolution: force a merge, split a wrong one, list or undo them.

A decision is stored (``materiel.store.graph``) with the per-document entity keys it concerns, and
``build_picture`` replays every decision, in the order they were made, on each run:

    merge_entities(store, "Mkrtychev", "Ashot Mkrtychyev")      # one entity from now on
    split_entity(store, "person:ashot-mkrtychev", "08e979a7")    # that document's entity apart
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from materiel.errors import InputError, NotFoundError
from materiel.graph.build import build_picture
from materiel.graph.queries import find_entity
from materiel.graph.records import GraphEntity, Picture
from materiel.store import Store
from materiel.store.graph import add_decision, list_decisions, remove_decision


@dataclass(slots=True)
class Decision:
    id: int
    action: str  # merge, split
    subject: str
    other: str
    note: str | None = None


def member_key(entity: GraphEntity, key: str) -> str:
    """The per-document key of ``entity`` that ``key`` names: the key itself, its document id (or a
    prefix of it, when the entity has one member there), or its ``<document>/<entity id>`` tail."""
    text = key.strip()
    if text in entity.merged_from:
        return text
    fits = [m for m in entity.merged_from if m.startswith(text) or m.endswith(f"/{text}")]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        raise NotFoundError(
            f"{entity.id} has no member {text!r}; its members: {', '.join(entity.merged_from)}"
        )
    raise InputError(f"{text!r} fits several members of {entity.id}: {', '.join(fits)}; give the whole key")


def merge_entities(
    store: Store, a: str, b: str, *, note: str | None = None, picture: Picture | None = None
) -> Decision:
    """Record that ``a`` and ``b`` (ids, codes or names) are one entity."""
    picture = picture or build_picture(store)
    first, second = find_entity(picture, a), find_entity(picture, b)
    if first.id == second.id:
        raise InputError(f"{a!r} and {b!r} are already one entity ({first.id})")
    keys = {"a": list(first.merged_from), "b": list(second.merged_from)}
    number = add_decision(store, "merge", first.id, second.id, keys, note)
    return Decision(number, "merge", first.id, second.id, note)


def split_entity(
    store: Store, entity: str, key: str, *, note: str | None = None, picture: Picture | None = None
) -> Decision:
    """Record that the per-document entity ``key`` is not the entity ``entity``."""
    picture = picture or build_picture(store)
    found = find_entity(picture, entity)
    member = member_key(found, key)
    if len(found.merged_from) < 2:
        raise InputError(f"{found.id} has a single member: nothing to split")
    number = add_decision(store, "split", found.id, member, {"members": list(found.merged_from)}, note)
    return Decision(number, "split", found.id, member, note)


def decisions(store: Store) -> list[dict[str, Any]]:
    """Every recorded decision, oldest first."""
    return list_decisions(store)


def undo_decision(store: Store, decision_id: int) -> None:
    """Forget a decision: the next picture is built as if it had never been made."""
    if not remove_decision(store, decision_id):
        raise NotFoundError("no decision with this id", source=str(decision_id))


__all__ = ["Decision", "decisions", "member_key", "merge_entities", "split_entity", "undo_decision"]
