"""Builders for small extractions in the contract's JSON shape (invented events, not from any source)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Item = tuple[str, str]


def transfer(
    src: str,
    dst: str,
    items: Sequence[Item] = (("drones", "uav"),),
    *,
    start: str | None = None,
    end: str | None = None,
    status: str | None = "delivered",
    brokers: Sequence[str] = (),
    consideration: Sequence[str] = (),
    denied_by: Sequence[str] = (),
    asserted_by: Sequence[str] = ("state:US",),
    event_id: str = "doc:t1",
) -> dict[str, Any]:
    """An arms_transfer from state ``src`` to state ``dst`` (ISO codes) with its dates and roles."""
    when = {"start": start, "end": end or start, "text": None} if start else None
    return {
        "id": event_id,
        "type": "arms_transfer",
        "supplier": f"state:{src}",
        "recipient": f"state:{dst}",
        "items": [{"text": t, "category": c, "quantity": None} for t, c in items],
        "consideration": [{"text": c} for c in consideration],
        "brokers": list(brokers),
        "declared_destinations": [],
        "use": None,
        "status": status,
        "when": when,
        "asserted_by": list(asserted_by),
        "denied_by": list(denied_by),
        "evidence": [],
    }


def support(
    src: str, dst: str, items: Sequence[Item], *, start: str, status: str = "delivered"
) -> dict[str, Any]:
    """A military_support event: items are (text, kind) with kinds personnel, training, technology."""
    event = transfer(src, dst, (), start=start, status=status, event_id="doc:s1")
    event["type"] = "military_support"
    event["items"] = [{"text": t, "kind": k} for t, k in items]
    return event


def person(key: str, name: str, nationality: str) -> dict[str, Any]:
    return {
        "id": key,
        "kind": "person",
        "name": name,
        "country": None,
        "aliases": [],
        "mentions": [],
        "attributes": {"nationality": nationality},
    }


def extraction(
    *events: dict[str, Any], entities: Sequence[dict[str, Any]] = (), published: str | None = None
) -> dict[str, Any]:
    return {
        "document": {
            "id": "doc",
            "source_path": None,
            "url": None,
            "title": "t",
            "publisher": None,
            "published": published,
        },
        "entities": list(entities),
        "events": list(events),
    }
