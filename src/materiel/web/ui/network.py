"""Laying out the network around an entity for an inline SVG: the entity in the middle, its
neighbours on rings by distance, one line per pair labelled with the relations between them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from materiel.graph.queries import Neighbourhood
from materiel.graph.records import Picture

WIDTH = 760
HEIGHT = 460
RINGS = (0, 160, 215)
MAX_NODES = 40
MAX_STEP = 1.25
"""Widest angle between neighbours on a ring (radians), so that two never face each other
through the centre."""


@dataclass(slots=True)
class Node:
    id: str
    name: str
    kind: str
    x: float
    y: float
    distance: int


@dataclass(slots=True)
class Line:
    a: Node
    b: Node
    relations: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        counts: dict[str, int] = {}
        for r in self.relations:
            counts[r] = counts.get(r, 0) + 1
        return ", ".join(r if n == 1 else f"{r} ×{n}" for r, n in counts.items())

    @property
    def mid(self) -> tuple[float, float]:
        return (self.a.x + self.b.x) / 2, (self.a.y + self.b.y) / 2


@dataclass(slots=True)
class Layout:
    width: int
    height: int
    nodes: list[Node]
    lines: list[Line]
    left_out: int = 0  # neighbours not drawn (over MAX_NODES)


def layout(picture: Picture, hood: Neighbourhood) -> Layout:
    """Positions for the neighbourhood's entities (at most ``MAX_NODES``) and its relations."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    by_ring: dict[int, list[str]] = {}
    for entity_id, distance in hood.distance.items():
        by_ring.setdefault(min(distance, len(RINGS) - 1), []).append(entity_id)
    nodes: dict[str, Node] = {}
    left_out = 0
    for ring, ids in sorted(by_ring.items()):
        ids.sort(key=lambda i: (picture.entities[i].kind if i in picture.entities else "", picture.name(i)))
        room = max(0, MAX_NODES - len(nodes))
        left_out += max(0, len(ids) - room)
        ids = ids[:room]
        step = min(2 * math.pi / max(1, len(ids)), MAX_STEP)
        facing = -math.pi / 2 if ring < 2 else math.pi / 2  # the first ring above, the second below
        for n, entity_id in enumerate(ids):
            angle = facing + (n - (len(ids) - 1) / 2) * step
            radius_x = RINGS[ring] * 1.45 if ring else 0
            radius_y = RINGS[ring] * 0.95 if ring else 0
            entity = picture.entities.get(entity_id)
            nodes[entity_id] = Node(
                id=entity_id,
                name=picture.name(entity_id),
                kind=entity.kind if entity else "other",
                x=round(cx + radius_x * math.cos(angle), 1),
                y=round(cy + radius_y * math.sin(angle), 1),
                distance=ring,
            )
    lines: dict[frozenset[str], Line] = {}
    for edge in hood.edges:
        if edge.source not in nodes or edge.target not in nodes or edge.source == edge.target:
            continue
        key = frozenset((edge.source, edge.target))
        line = lines.setdefault(key, Line(nodes[edge.source], nodes[edge.target]))
        line.relations.append(edge.relation)
        if edge.event not in line.events:
            line.events.append(edge.event)
    return Layout(WIDTH, HEIGHT, list(nodes.values()), list(lines.values()), left_out)


__all__ = ["Layout", "Line", "Node", "layout"]
