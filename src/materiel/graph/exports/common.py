"""What every export and the brief say the same way: names, items, sources, verdicts of a merged event.

These helpers read only the records of :mod:`materiel.graph.records`; they never reach back into
extraction or the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from materiel.graph.records import GraphEvent, Picture, SourceRef

CATEGORY_WORDS = {
    "small_arms": "small arms",
    "ammunition": "ammunition",
    "artillery": "artillery",
    "missiles": "missiles",
    "uav": "drones (UAVs)",
    "aircraft": "aircraft",
    "armoured_vehicles": "armoured vehicles",
    "air_defence": "air defence systems",
    "naval": "naval vessels",
    "electronics": "military electronics",
    "unspecified": "arms (unspecified)",
}
"""Item categories of the extraction contract, in words for people."""

VERDICT_ORDER = ("breach", "possible_breach", "needs_classification", "not_covered")
"""Verdicts from the most to the least serious; a merged event shows its most serious first."""


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def unique(values: Iterable[str | None]) -> list[str]:
    """The non-empty values, first occurrence first."""
    return list(dict.fromkeys(v for v in values if v))


def categories(event: GraphEvent) -> list[str]:
    """The event's item categories: its own list, else those of its items."""
    return unique([*event.categories, *(str(i.get("category") or "") for i in event.items)])


def _item_key(text: str) -> str:
    key = " ".join(text.casefold().split())
    return key[:-1] if key.endswith("s") else key


def item_texts(event: GraphEvent) -> list[str]:
    """The items' texts, each once (``ballistic missile`` and ``ballistic missiles`` are one)."""
    seen: dict[str, str] = {}
    for item in event.items:
        text = str(item.get("text") or "").strip()
        if text:
            seen.setdefault(_item_key(text), text)
    return list(seen.values())


def quantities(event: GraphEvent) -> list[str]:
    """``"12 (Kh-23 missiles)"`` for every item that states a quantity."""
    return [
        f"{i['quantity']} ({i.get('text') or i.get('category') or 'items'})"
        for i in event.items
        if i.get("quantity")
    ]


def consideration(event: GraphEvent) -> list[str]:
    """What was given in return, as text (the contract gives ``[{"text"}]``; plain strings are accepted)."""
    out: list[str] = []
    for value in event.consideration:
        if isinstance(value, dict):
            out.append(str(value.get("text") or ""))
        else:
            out.append(str(value))
    return unique(out)


def items_with_quantities(event: GraphEvent) -> str:
    """``"artillery shells (1 million), missiles"``: the items as the reports give them, with quantities."""
    texts: dict[str, str] = {}
    amounts: dict[str, list[str]] = {}
    for item in event.items:
        text = str(item.get("text") or CATEGORY_WORDS.get(str(item.get("category")), "items"))
        key = _item_key(text)
        texts.setdefault(key, text)
        if item.get("quantity") and str(item["quantity"]) not in amounts.setdefault(key, []):
            amounts[key].append(str(item["quantity"]))
    parts = {k: t + (f" ({'; '.join(amounts[k])})" if amounts.get(k) else "") for k, t in texts.items()}
    return ", ".join(parts.values()) if parts else items_phrase(event)


def items_phrase(event: GraphEvent) -> str:
    """``"artillery shells, ballistic missiles"``; the categories in words when no item text is given."""
    texts = item_texts(event)
    if texts:
        return ", ".join(texts)
    cats = categories(event)
    return ", ".join(CATEGORY_WORDS.get(c, c) for c in cats) if cats else "arms"


def sources_by_document(event: GraphEvent) -> dict[str, list[SourceRef]]:
    out: dict[str, list[SourceRef]] = {}
    for source in event.sources:
        out.setdefault(source.document_id, []).append(source)
    return out


def asserting_documents(event: GraphEvent) -> list[str]:
    return unique(s.document_id for s in event.sources if s.stance == "asserts")


def denying_documents(event: GraphEvent) -> list[str]:
    return unique(s.document_id for s in event.sources if s.stance == "denies")


def verdict_labels(event: GraphEvent) -> list[str]:
    """``"possible_breach: UNSCR 1718 (2006) para 8"`` per distinct verdict and citation, worst first."""
    seen: dict[str, int] = {}
    for finding in event.findings:
        verdict = str(finding.get("verdict") or "")
        if not verdict:
            continue
        cite = finding.get("citation") or finding.get("rule") or finding.get("note") or ""
        label = f"{verdict}: {cite}" if cite else verdict
        rank = VERDICT_ORDER.index(verdict) if verdict in VERDICT_ORDER else len(VERDICT_ORDER)
        seen.setdefault(label, rank)
    return sorted(seen, key=lambda label: (seen[label], label))


def worst_verdict(event: GraphEvent) -> str | None:
    verdicts = [str(f.get("verdict")) for f in event.findings if f.get("verdict") in VERDICT_ORDER]
    return min(verdicts, key=VERDICT_ORDER.index) if verdicts else None


def document_header(picture: Picture, document_id: str, source: SourceRef | None = None) -> dict[str, Any]:
    """The document's header from the picture, filled in from a source reference where it says more."""
    header = dict(picture.documents.get(document_id) or {})
    header.setdefault("id", document_id)
    if source is not None:
        for key in ("title", "publisher", "url"):
            if not header.get(key) and getattr(source, key):
                header[key] = getattr(source, key)
        if not header.get("published") and source.published:
            header["published"] = source.published
    published = header.get("published")
    if isinstance(published, date):
        header["published"] = published.isoformat()
    return header


def all_document_headers(picture: Picture) -> dict[str, dict[str, Any]]:
    """Every document the picture knows of (its ``documents`` and those its events cite)."""
    out = {doc_id: document_header(picture, doc_id) for doc_id in picture.documents}
    for event in picture.events:
        for source in event.sources:
            if source.document_id not in out:
                out[source.document_id] = document_header(picture, source.document_id, source)
    return out


def designation_target(event: GraphEvent) -> str | None:
    target = event.roles.get("target") or event.recipient
    return str(target) if target else None


def designation_authority(event: GraphEvent) -> str | None:
    authority = event.roles.get("authority") or event.supplier
    return str(authority) if authority else None


def designation_date(event: GraphEvent) -> date | None:
    raw = event.roles.get("date")
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            pass
    return event.start


def denial_party(event: GraphEvent) -> list[str]:
    party = event.roles.get("party")
    parties = party if isinstance(party, list) else [party]
    return unique([*(str(p) for p in parties if p), *event.denied_by])


def denial_subject(picture: Picture, event: GraphEvent) -> GraphEvent | None:
    """The event a denial denies, when the picture holds it (by merged id or a source's local id)."""
    subject = event.roles.get("subject")
    if not subject:
        return None
    for other in picture.events:
        if other.id == subject or any(s.event_id == subject for s in other.sources):
            return other
    return None


def authority_entity(picture: Picture, authority: str) -> str | None:
    """The picture's entity for a designating authority: its id, or the state with that country code."""
    if authority in picture.entities:
        return authority
    for entity in picture.entities.values():
        if entity.kind == "state" and (entity.country or "").upper() == authority.upper():
            return entity.id
    return None


def designation_authority_entity(picture: Picture, event: GraphEvent) -> str | None:
    """The picture's entity for a designation's authority (the merge's ``authority_entity`` if set)."""
    hinted = event.roles.get("authority_entity")
    if isinstance(hinted, str) and hinted in picture.entities:
        return hinted
    authority = designation_authority(event)
    return authority_entity(picture, authority) if authority else None


def role_values(event: GraphEvent, key: str) -> list[str]:
    """A role's values as text (merged reports give a list; one report a single value)."""
    value = event.roles.get(key)
    if isinstance(value, list | tuple):
        return unique(str(v) for v in value)
    return [str(value)] if value else []


def role_text(event: GraphEvent, key: str) -> str:
    return "; ".join(role_values(event, key))


def event_parties(event: GraphEvent) -> list[str]:
    """Every graph entity id an event names in a role (supplier, recipient, brokers, target, party ...)."""
    ids: list[str | None] = [event.supplier, event.recipient, *event.brokers, *event.denied_by]
    for key in ("target", "party", "accusers", "accused"):
        value = event.roles.get(key)
        if isinstance(value, list):
            ids.extend(str(v) for v in value)
        elif isinstance(value, str):
            ids.append(value)
    return unique(ids)
