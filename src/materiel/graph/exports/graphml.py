"""The picture as GraphML (directed, parallel edges allowed), for Gephi, networkx, yEd and Cytoscape.

Nodes are entities (``label``, ``kind``, ``country``, ``aliases``, ``mentions``, ``documents``,
``list_matched``); a designating authority that is no entity of the picture (``UN``, ``EU``) gets a
node of kind ``authority``. Edges, each with ``type`` and the merged event's ``event_id``:

- ``transfer``: supplier → recipient (status, items, categories, period, corroboration, publishers,
  contested, verdicts);
- ``brokering``: broker → supplier and broker → recipient (``side`` says which);
- ``designation``: authority → target;
- ``denial``: denying party → the other party of the transfer it denies (a denial whose subject the
  picture does not hold adds to the party's ``denials`` count only);
- ``military_support``: supplier → recipient; ``accusation``: accuser → accused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from materiel.graph.exports import common
from materiel.graph.records import GraphEvent, Picture

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = {
    "label": "string",
    "kind": "string",
    "country": "string",
    "aliases": "string",
    "mentions": "int",
    "documents": "int",
    "list_matched": "boolean",
    "list_ids": "string",
    "denials": "int",
}
EDGE_KEYS = {
    "type": "string",
    "event_id": "string",
    "label": "string",
    "status": "string",
    "items": "string",
    "categories": "string",
    "start": "string",
    "end": "string",
    "corroboration": "int",
    "publishers": "string",
    "contested": "boolean",
    "verdicts": "string",
    "side": "string",
    "authority": "string",
}
SEP = "; "


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _value(value: Any) -> str:
    """GraphML text of a value: booleans as ``true``/``false``, characters XML 1.0 forbids dropped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


class _Graph:
    def __init__(self, picture: Picture) -> None:
        self.picture = picture
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: list[tuple[str, str, dict[str, Any]]] = []
        for entity in picture.entities.values():
            self.nodes[entity.id] = {
                "label": entity.name,
                "kind": entity.kind,
                "country": entity.country or "",
                "aliases": SEP.join(entity.aliases),
                "mentions": entity.mentions,
                "documents": len(entity.documents),
                "list_matched": any(m.get("match", True) for m in entity.list_matches),
                "list_ids": SEP.join(
                    f"{m.get('list', '?')}:{m.get('list_id', '?')}" for m in entity.list_matches
                ),
                "denials": 0,
            }

    def node(self, node_id: str, kind: str = "unresolved") -> str:
        if node_id not in self.nodes:
            self.nodes[node_id] = {"label": node_id, "kind": kind, "denials": 0}
        return node_id

    def edge(self, source: str | None, target: str | None, event: GraphEvent, **attrs: Any) -> None:
        if not source or not target or source == target:
            return
        base: dict[str, Any] = {
            "type": event.type,
            "event_id": event.id,
            "status": event.status or "",
            "start": common.iso(event.start),
            "end": common.iso(event.end),
            "corroboration": event.corroboration,
            "publishers": SEP.join(event.publishers),
            "contested": event.contested,
            "verdicts": SEP.join(common.verdict_labels(event)),
        }
        base.update(attrs)
        self.edges.append((self.node(source), self.node(target), base))

    def add_event(self, event: GraphEvent) -> None:
        picture = self.picture
        if event.type in ("arms_transfer", "military_support"):
            items = common.items_phrase(event)
            self.edge(
                event.supplier,
                event.recipient,
                event,
                type="transfer" if event.type == "arms_transfer" else event.type,
                label=f"{items} ({event.status or 'status unknown'})",
                items=SEP.join(common.item_texts(event)),
                categories=SEP.join(common.categories(event)),
            )
            for broker in event.brokers:
                for side, party in (("supplier", event.supplier), ("recipient", event.recipient)):
                    self.edge(broker, party, event, type="brokering", side=side, label=f"brokered ({side})")
        elif event.type == "designation":
            authority = common.designation_authority(event) or "unknown authority"
            source = common.designation_authority_entity(picture, event) or self.node(
                f"authority:{authority}", "authority"
            )
            when = common.designation_date(event)
            self.edge(
                source,
                common.designation_target(event),
                event,
                type="designation",
                authority=authority,
                start=common.iso(when),
                label=f"designated by {authority}",
            )
        elif event.type == "denial":
            subject = common.denial_subject(picture, event)
            for party in common.denial_party(event):
                counterpart = None
                if subject is not None:
                    counterpart = subject.recipient if party == subject.supplier else subject.supplier
                if counterpart:
                    self.edge(party, counterpart, event, type="denial", label="denied", event_id=event.id)
                else:
                    self.nodes[self.node(party)]["denials"] += 1
        elif event.type == "accusation":
            accusers = event.roles.get("accusers") or []
            accused = event.roles.get("accused") or []
            for a in accusers if isinstance(accusers, list) else [accusers]:
                for b in accused if isinstance(accused, list) else [accused]:
                    self.edge(str(a), str(b), event, type="accusation", label="accused")


def to_graphml(picture: Picture) -> str:
    """GraphML text (UTF-8 XML declaration included) of the picture's entities and relations."""
    graph = _Graph(picture)
    for event in picture.events:
        graph.add_event(event)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    ids: dict[tuple[str, str], str] = {}
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for n, (name, kind) in enumerate(keys.items()):
            key_id = f"{domain[0]}{n}"
            ids[(domain, name)] = key_id
            ET.SubElement(
                root, f"{{{NS}}}key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
            )
    body = ET.SubElement(root, f"{{{NS}}}graph", {"id": "materiel", "edgedefault": "directed"})
    for node_id, attrs in graph.nodes.items():
        node = ET.SubElement(body, f"{{{NS}}}node", {"id": _value(node_id)})
        for name, value in attrs.items():
            ET.SubElement(node, f"{{{NS}}}data", {"key": ids[("node", name)]}).text = _value(value)
    for n, (source, target, attrs) in enumerate(graph.edges):
        edge = ET.SubElement(
            body, f"{{{NS}}}edge", {"id": f"e{n}", "source": _value(source), "target": _value(target)}
        )
        for name, value in attrs.items():
            ET.SubElement(edge, f"{{{NS}}}data", {"key": ids[("edge", name)]}).text = _value(value)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
