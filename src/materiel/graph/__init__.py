"""materiel.graph: one picture across documents.

``build_picture(store)`` resolves the entities of every stored extraction into graph entities and
merges their events (``resolve``, ``merge``, ``events``); ``queries`` asks questions of the
picture (neighbourhood, paths, pairs, timeline); ``decisions`` records an analyst's forced merges
and splits, which every build replays. The records are in ``records``.

    with Store.open(url) as store:
        picture = build_picture(store)
    kp = find_entity(picture, "North Korea")
    for entry in timeline(picture, between=("state:KP", "state:RU")):
        print(entry.when, entry.event.type, entry.event.corroboration)
"""

from materiel.graph.build import assemble, build_picture, load_picture
from materiel.graph.decisions import decisions, merge_entities, split_entity, undo_decision
from materiel.graph.queries import (
    Edge,
    Neighbourhood,
    Path,
    TimelineEntry,
    between,
    find_entity,
    neighbourhood,
    paths,
    search,
    timeline,
)
from materiel.graph.records import GraphEntity, GraphEvent, Picture, SourceRef

__all__ = [
    "Edge",
    "GraphEntity",
    "GraphEvent",
    "Neighbourhood",
    "Path",
    "Picture",
    "SourceRef",
    "TimelineEntry",
    "assemble",
    "between",
    "build_picture",
    "decisions",
    "find_entity",
    "load_picture",
    "merge_entities",
    "neighbourhood",
    "paths",
    "search",
    "split_entity",
    "timeline",
    "undo_decision",
]
