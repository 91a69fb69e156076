"""A register of transfers as CSV, one row per merged transfer, modelled on SIPRI's Trade Register.

The first eleven columns follow the SIPRI Arms Transfers Database trade register (supplier,
recipient, year of order, number ordered, weapon designation, weapon description, number
delivered, year(s) of delivery, comments ...); SIPRI fills them from its own research, we fill
them from the reports: "ordered" columns from transfers reported as agreed or planned, "delivered"
columns from transfers reported as delivered. The columns after ``comments`` are ours.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from materiel.graph.exports import common
from materiel.graph.records import GraphEvent, Picture

SIPRI_COLUMNS = [
    "supplier",
    "recipient",
    "year_of_order",
    "number_ordered",
    "weapon_designation",
    "weapon_description",
    "armament_category",
    "number_delivered",
    "years_of_delivery",
    "status",
    "comments",
]
OUR_COLUMNS = [
    "event_id",
    "supplier_id",
    "recipient_id",
    "items",
    "categories",
    "quantity",
    "consideration",
    "brokers",
    "period_start",
    "period_end",
    "sources",
    "publishers",
    "corroboration",
    "first_reported",
    "last_reported",
    "verdicts",
    "contested",
    "denied_by",
]
COLUMNS = SIPRI_COLUMNS + OUR_COLUMNS
ORDERED = {"agreed", "planned"}
DELIVERED = {"delivered"}
SEP = "; "


def _years(event: GraphEvent) -> str:
    if event.start is None:
        return ""
    end = event.end or event.start
    return str(event.start.year) if end.year == event.start.year else f"{event.start.year}-{end.year}"


def _comments(picture: Picture, event: GraphEvent) -> str:
    notes = [f"Reported as {event.status or 'status unknown'}."]
    if event.start is None:
        notes.append("The reports do not date it.")
    consideration = common.consideration(event)
    if consideration:
        notes.append(f"In return: {', '.join(consideration)}.")
    if event.contested:
        deniers = ", ".join(picture.name(d) for d in event.denied_by) or "a party"
        notes.append(f"Denied by {deniers}.")
    return " ".join(notes)


def register_rows(picture: Picture) -> Iterator[dict[str, str]]:
    """One dict per arms transfer, keyed by :data:`COLUMNS` (all values text)."""
    for event in picture.events:
        if event.type != "arms_transfer":
            continue
        quantity = SEP.join(common.quantities(event))
        cats = common.categories(event)
        sources = [
            f"{doc} ({common.document_header(picture, doc).get('publisher') or 'publisher unknown'})"
            for doc in common.unique(s.document_id for s in event.sources)
        ]
        yield {
            "supplier": picture.name(event.supplier) if event.supplier else "",
            "recipient": picture.name(event.recipient) if event.recipient else "",
            "year_of_order": _years(event) if event.status in ORDERED else "",
            "number_ordered": quantity if event.status in ORDERED else "",
            "weapon_designation": SEP.join(common.item_texts(event)),
            "weapon_description": SEP.join(common.CATEGORY_WORDS.get(c, c) for c in cats),
            "armament_category": SEP.join(cats),
            "number_delivered": quantity if event.status in DELIVERED else "",
            "years_of_delivery": _years(event) if event.status in DELIVERED else "",
            "status": event.status or "",
            "comments": _comments(picture, event),
            "event_id": event.id,
            "supplier_id": event.supplier or "",
            "recipient_id": event.recipient or "",
            "items": SEP.join(common.item_texts(event)),
            "categories": SEP.join(cats),
            "quantity": quantity,
            "consideration": SEP.join(common.consideration(event)),
            "brokers": SEP.join(picture.name(b) for b in event.brokers),
            "period_start": common.iso(event.start),
            "period_end": common.iso(event.end),
            "sources": SEP.join(sources),
            "publishers": SEP.join(event.publishers),
            "corroboration": str(event.corroboration),
            "first_reported": common.iso(event.first_reported),
            "last_reported": common.iso(event.last_reported),
            "verdicts": SEP.join(common.verdict_labels(event)),
            "contested": "yes" if event.contested else "no",
            "denied_by": SEP.join(picture.name(d) for d in event.denied_by),
        }


def to_csv_register(picture: Picture) -> str:
    """The register as CSV text with a header row (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(register_rows(picture))
    return out.getvalue()
