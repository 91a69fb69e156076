"""Geometry of the brief's two figures, drawn by the template as inline SVG (no scripts, no fonts).

The timeline has one lane per transfer (a bar over its period, a ring at the first report where
the reports give no date), a lane of designations (diamonds) and one of denials (crosses). The
network puts the entities the brief is about in the middle and every other party on a ring around
them, in a fixed order (kind, then name), so the same picture always gives the same figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from materiel.graph.exports import common
from materiel.graph.records import GraphEvent, Picture

STATUS_COLOURS = {
    "delivered": "#b3261e",
    "attempted": "#d9822b",
    "agreed": "#c9a227",
    "planned": "#c9a227",
    "sought": "#7a6f9b",
    "alleged": "#9e9e9e",
}
EDGE_STYLES = {  # relation: (colour, dash pattern)
    "transfer": ("#b3261e", ""),
    "military_support": ("#d9822b", ""),
    "brokering": ("#7b3fa0", "5 3"),
    "designation": ("#1f5fa8", "2 3"),
    "denial": ("#555555", "1 3"),
}
KIND_COLOURS = {
    "state": "#1f3b63",
    "organization": "#2e7d32",
    "person": "#8e3b8e",
    "vessel": "#00695c",
    "aircraft": "#6d4c41",
    "region": "#8d8d8d",
    "authority": "#455a64",
}
KIND_ORDER = ("state", "authority", "organization", "person", "vessel", "aircraft", "region")
MAX_LANES = 24
WIDTH = 760


@dataclass(slots=True)
class Mark:
    shape: str  # bar, ring, diamond, cross
    x: float
    y: float
    x2: float
    colour: str
    title: str


@dataclass(slots=True)
class Lane:
    y: float
    label: str
    title: str


@dataclass(slots=True)
class Tick:
    x: float
    label: str
    major: bool


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    left: int
    lanes: list[Lane] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    omitted: int = 0

    @property
    def empty(self) -> bool:
        return not self.marks


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _when(event: GraphEvent) -> tuple[date | None, date | None, bool]:
    """(start, end, dated): the reported period, else the first report's date."""
    if event.type == "designation":
        when = common.designation_date(event)
        if when:
            return when, when, True
    if event.start:
        return event.start, event.end or event.start, True
    return event.first_reported, event.first_reported, False


def timeline(picture: Picture) -> Timeline:
    transfers = [e for e in picture.events if e.type in ("arms_transfer", "military_support")]
    designations = [e for e in picture.events if e.type == "designation"]
    denials = [e for e in picture.events if e.type == "denial"]
    lanes_events = [e for e in transfers if _when(e)[0]][:MAX_LANES]
    spans = [_when(e) for e in lanes_events + designations + denials]
    dates = [d for s, e, _ in spans for d in (s, e) if d]
    left, lane_h, top = 230, 22, 28
    rows = len(lanes_events) + (1 if designations else 0) + (1 if denials else 0)
    chart = Timeline(WIDTH, top + max(rows, 1) * lane_h + 30, left)
    chart.omitted = len(transfers) - len(lanes_events)
    if not dates:
        return chart
    lo, hi = min(dates), max(dates)
    pad = max((hi - lo).days // 20, 20)
    lo, hi = lo - timedelta(days=pad), hi + timedelta(days=pad)
    span = max((hi - lo).days, 1)
    plot = WIDTH - left - 16

    def x(d: date) -> float:
        return round(left + (d - lo).days / span * plot, 1)

    years = span > 4 * 365
    for year in range(lo.year, hi.year + 2):
        for month in (1,) if years else (1, 4, 7, 10):
            tick = date(year, month, 1)
            if lo <= tick <= hi:
                chart.ticks.append(Tick(x(tick), str(year) if month == 1 else f"{tick:%b}", month == 1))
    y = float(top)
    for event in lanes_events:
        start, end, dated = _when(event)
        assert start is not None and end is not None
        label = (
            f"{picture.name(event.supplier)} → {picture.name(event.recipient)}: {common.items_phrase(event)}"
        )
        status = event.status or "status not stated"
        what = f"{label} ({status}); " + (
            f"{start} to {end}" if dated else f"not dated, first reported {start}"
        )
        chart.lanes.append(Lane(y, _short(label, 38), label))
        colour = STATUS_COLOURS.get(event.status or "", "#616161")
        shape = "bar" if dated else "ring"
        chart.marks.append(Mark(shape, x(start), y, max(x(end), x(start) + 4), colour, what))
        y += lane_h
    for name, events, shape, colour in (
        ("Designations", designations, "diamond", EDGE_STYLES["designation"][0]),
        ("Denials", denials, "cross", EDGE_STYLES["denial"][0]),
    ):
        if not events:
            continue
        chart.lanes.append(Lane(y, name, name))
        for event in events:
            start, _, dated = _when(event)
            if start is None:
                continue
            if event.type == "designation":
                target = picture.name(common.designation_target(event))
                what = f"{common.designation_authority(event)} designated {target}"
            else:
                what = f"{', '.join(picture.name(p) for p in common.denial_party(event))} denied a report"
            what += f" ({start}{'' if dated else ', date of the report'})"
            chart.marks.append(Mark(shape, x(start), y, x(start), colour, what))
        y += lane_h
    return chart


@dataclass(slots=True)
class Node:
    id: str
    x: float
    y: float
    r: float
    label: str
    kind: str
    colour: str
    anchor: str
    lx: float
    ly: float
    title: str


@dataclass(slots=True)
class Edge:
    path: str
    colour: str
    dash: str
    kind: str
    width: float
    label: str
    lx: float
    ly: float
    title: str
    curve: tuple[float, float, float, float, float, float] = (0, 0, 0, 0, 0, 0)  # start, control, end
    weight: int = 1


@dataclass(slots=True)
class Network:
    width: int
    height: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    styles: dict[str, tuple[str, str]] = field(default_factory=lambda: dict(EDGE_STYLES))
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.nodes


def _links(picture: Picture) -> dict[tuple[str, str, str], list[GraphEvent]]:
    links: dict[tuple[str, str, str], list[GraphEvent]] = {}

    def add(a: str | None, b: str | None, kind: str, event: GraphEvent) -> None:
        if a and b and a != b:
            links.setdefault((a, b, kind), []).append(event)

    for event in picture.events:
        if event.type in ("arms_transfer", "military_support"):
            add(
                event.supplier,
                event.recipient,
                "transfer" if event.type == "arms_transfer" else event.type,
                event,
            )
            for broker in event.brokers:
                add(broker, event.supplier, "brokering", event)
                add(broker, event.recipient, "brokering", event)
        elif event.type == "designation":
            authority = common.designation_authority(event) or "?"
            source = common.designation_authority_entity(picture, event) or f"authority:{authority}"
            add(source, common.designation_target(event), "designation", event)
        elif event.type == "denial":
            subject = common.denial_subject(picture, event)
            for party in common.denial_party(event):
                if subject is not None:
                    add(
                        party,
                        subject.recipient if party == subject.supplier else subject.supplier,
                        "denial",
                        event,
                    )
    return links


def _place(ids: list[str], centre: list[str], width: int, height: int) -> dict[str, tuple[float, float]]:
    cx, cy = width / 2, height / 2
    middle = [i for i in centre if i in ids][:2]
    spots: dict[str, tuple[float, float]] = {}
    if len(middle) == 2:
        spots[middle[0]], spots[middle[1]] = (cx - width * 0.2, cy), (cx + width * 0.2, cy)
    elif middle:
        spots[middle[0]] = (cx, cy)
    ring = [i for i in ids if i not in spots]
    rx, ry = width * 0.37, height * 0.36
    if not middle:
        angles = [-math.pi / 2 + 2 * math.pi * n / max(len(ring), 1) for n in range(len(ring))]
    else:  # keep the middle row free: alternate the others between an upper and a lower arc
        upper, lower = ring[0::2], ring[1::2]
        angles = [0.0] * len(ring)
        for arc, members, (lo, hi) in ((0, upper, (200, 340)), (1, lower, (160, 20))):
            for k in range(len(members)):
                degrees = lo + (hi - lo) * (k + 1) / (len(members) + 1)
                angles[2 * k + arc] = math.radians(degrees)
    for node, angle in zip(ring, angles, strict=True):
        spots[node] = (round(cx + rx * math.cos(angle), 1), round(cy + ry * math.sin(angle), 1))
    return spots


def network(picture: Picture, centre: list[str]) -> Network:
    links = _links(picture)
    ids = common.unique([i for a, b, _ in links for i in (a, b)])

    def kind(node: str) -> str:
        entity = picture.entities.get(node)
        return entity.kind if entity else ("authority" if node.startswith("authority:") else "unresolved")

    ids.sort(
        key=lambda i: (KIND_ORDER.index(kind(i)) if kind(i) in KIND_ORDER else 99, picture.name(i).casefold())
    )
    height = 380 if len(ids) <= 10 else 460
    net = Network(WIDTH, height)
    spots = _place(ids, centre, WIDTH, height)
    radius: dict[str, float] = {}
    for node in ids:
        entity = picture.entities.get(node)
        r = round(7 + 1.6 * math.sqrt(min(entity.mentions if entity else 1, 30)), 1)
        radius[node] = r
        x, y = spots[node]
        above = y < height / 2 - 1 and node not in centre[:2]  # labels centred, away from the middle
        name = picture.name(node) if entity else node.split(":", 1)[-1]
        net.nodes.append(
            Node(
                node,
                x,
                y,
                r,
                _short(name, 28),
                kind(node),
                KIND_COLOURS.get(kind(node), "#9e9e9e"),
                "middle",
                x,
                y - r - 6 if above else y + r + 14,
                f"{name} ({kind(node)})",
            )
        )
        net.kinds[kind(node)] = KIND_COLOURS.get(kind(node), "#9e9e9e")
    pairs: dict[frozenset[str], list[tuple[str, str, str]]] = {}
    for key in links:
        pairs.setdefault(frozenset(key[:2]), []).append(key)
    for keys in pairs.values():
        for k, (a, b, kind_) in enumerate(sorted(keys)):
            events = links[(a, b, kind_)]
            offset = (k - (len(keys) - 1) / 2) * 40
            net.edges.append(_edge(spots[a], spots[b], radius[a], radius[b], offset, kind_, events, picture))
    _place_labels(net.edges)
    return net


def _place_labels(edges: list[Edge]) -> None:
    """Put each edge's label on its curve where it does not sit on a label placed before (the
    edges with more events first, in the middle of their curve where they can)."""
    placed: list[tuple[float, float]] = []
    for edge in sorted(edges, key=lambda e: -e.weight):
        x0, y0, cx, cy, x2, y2 = edge.curve
        spots = []
        for t in (0.5, 0.36, 0.64, 0.26, 0.74):
            u = 1 - t
            spots.append(
                (u * u * x0 + 2 * u * t * cx + t * t * x2, u * u * y0 + 2 * u * t * cy + t * t * y2 - 3)
            )
        free = [p for p in spots if all(abs(p[0] - q[0]) > 60 or abs(p[1] - q[1]) > 12 for q in placed)]
        x, y = (free or spots)[0]
        edge.lx, edge.ly = round(x, 1), round(y, 1)
        placed.append((x, y))


def _edge_title(picture: Picture, event: GraphEvent) -> str:
    if event.type == "designation":
        target = picture.name(common.designation_target(event))
        return f"{common.designation_authority(event)} designated {target}"
    if event.type == "denial":
        return f"{', '.join(picture.name(p) for p in common.denial_party(event))} denied a report"
    supplier, recipient = picture.name(event.supplier), picture.name(event.recipient)
    return f"{supplier} → {recipient}: {common.items_phrase(event)} ({event.status or 'status not stated'})"


def _edge(
    a: tuple[float, float],
    b: tuple[float, float],
    ra: float,
    rb: float,
    offset: float,
    kind: str,
    events: list[GraphEvent],
    picture: Picture,
) -> Edge:
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    nx_, ny_ = -dy / length, dx / length
    mx, my = (x1 + x2) / 2 + nx_ * offset, (y1 + y2) / 2 + ny_ * offset

    def toward(px: float, py: float, r: float) -> tuple[float, float]:
        vx, vy = mx - px, my - py
        d = math.hypot(vx, vy) or 1.0
        return round(px + vx / d * r, 1), round(py + vy / d * r, 1)

    sx, sy = toward(x1, y1, ra + 1)
    ex, ey = toward(x2, y2, rb + 5)
    colour, dash = EDGE_STYLES.get(kind, ("#888888", ""))
    count = len(events)
    noun = {
        "transfer": "transfer",
        "brokering": "brokering",
        "designation": "designation",
        "denial": "denial",
    }
    label = (
        f"{count} {noun.get(kind, kind.replace('_', ' '))}{'s' if count != 1 and kind != 'brokering' else ''}"
    )
    title = "; ".join(_edge_title(picture, e) for e in events)
    return Edge(
        f"M {sx} {sy} Q {round(mx, 1)} {round(my, 1)} {ex} {ey}",
        colour,
        dash,
        kind,
        round(1.2 + min(count, 6) * 0.5, 1),
        label,
        round((x1 + x2) / 4 + mx / 2, 1),
        round((y1 + y2) / 4 + my / 2 - 3, 1),
        title,
        (sx, sy, round(mx, 1), round(my, 1), ex, ey),
        count,
    )
