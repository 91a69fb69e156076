"""Entity resolution across documents: which per-document entities are the same actor.

Every entity of every extraction is a *member*, keyed ``<document id>/<entity id>``. Members are
joined (union-find) by explainable rules, strongest first, and each join is written down:

1. an analyst's forced merge (kept in the store, applied on every run);
2. states by country code; regions by name;
3. the same screening list entry (both matched it), or the same IMO number;
4. the same name (token sets equal: word order, accents, honorifics and "the"/"of" do not count);
5. a known alias of one (two words or more, or an acronym of an organisation) is a name of the other;
6. one name contains the other, the shorter having two words or more, when only one entity could
   be meant;
7. a one-word person name ("Putin") that is the first or last name of exactly one person.

A join never happens across a contradiction (a person's or organisation's country or nationality,
birth date, IMO number: both stated and different) or across an analyst's split; forced merges
override both. Splits and merges are decisions in the store, applied in the order they were made.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from materiel.graph.names import (
    PREFIXES,
    contradiction,
    is_acronym,
    most_common,
    name_key,
    qualifiers,
    short_hash,
    slug,
    tokens,
)
from materiel.graph.records import GraphEntity
from materiel.model import Entity, EntityKind, Extraction

NAMED = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.VESSEL, EntityKind.AIRCRAFT)


@dataclass(slots=True)
class Member:
    """One entity of one document."""

    key: str
    document_id: str
    entity: Entity
    name_key: str
    alias_keys: set[str]
    quals: dict[str, set[str]]
    list_ids: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Links:
    """What the analyst's decisions say: pairs of member keys to join, and pairs never to join."""

    must: list[tuple[str, str, str]] = field(default_factory=list)  # (a, b, why)
    cannot: set[frozenset[str]] = field(default_factory=set)


def decision_links(decisions: Sequence[dict[str, Any]]) -> Links:
    """Replay the decisions in order: a later merge undoes an earlier split of the same keys and back."""
    must: dict[frozenset[str], str] = {}
    cannot: set[frozenset[str]] = set()
    for d in decisions:
        keys = d.get("keys") or {}
        if d["action"] == "merge":
            note = f"merged by an analyst (decision {d['id']}: {d['subject']} + {d['other']})"
            for a in keys.get("a", []):
                for b in keys.get("b", []):
                    if a != b:
                        pair = frozenset((a, b))
                        must[pair] = note
                        cannot.discard(pair)
        elif d["action"] == "split":
            key = d["other"]
            for m in keys.get("members", []):
                if m != key:
                    pair = frozenset((key, m))
                    cannot.add(pair)
                    must.pop(pair, None)
    links = Links(cannot=cannot)
    for pair, note in must.items():
        a, b = sorted(pair)
        links.must.append((a, b, note))
    links.must.sort()
    return links


class Clusters:
    """Union-find over member keys, with the qualifiers, forbidden keys and reasons of each cluster."""

    def __init__(self, members: dict[str, Member], cannot: set[frozenset[str]]) -> None:
        self.members = members
        self.parent = {k: k for k in members}
        self.keys: dict[str, list[str]] = {k: [k] for k in members}
        self.quals: dict[str, dict[str, set[str]]] = {
            k: {q: set(v) for q, v in m.quals.items()} for k, m in members.items()
        }
        self.forbidden: dict[str, set[str]] = defaultdict(set)
        for pair in cannot:
            a, b = tuple(pair)
            if a in members and b in members:
                self.forbidden[a].add(b)
                self.forbidden[b].add(a)
        self.why: dict[str, dict[str, int]] = {k: {} for k in members}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str, reason: str, *, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force:
            if self.members[ra].entity.kind != self.members[rb].entity.kind:
                return False
            fa, fb = self.forbidden.get(ra), self.forbidden.get(rb)
            if (fa and not fa.isdisjoint(self.keys[rb])) or (fb and not fb.isdisjoint(self.keys[ra])):
                self.note(ra, f"kept apart from '{self.members[rb].entity.name}': split by an analyst")
                return False
            clash = contradiction(self.quals[ra], self.quals[rb])
            if clash:
                self.note(ra, f"not merged with '{self.members[rb].entity.name}' ({b}): {clash}")
                self.note(rb, f"not merged with '{self.members[ra].entity.name}' ({a}): {clash}")
                return False
        if len(self.keys[ra]) < len(self.keys[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.keys[ra].extend(self.keys.pop(rb))
        for q, values in self.quals.pop(rb).items():
            self.quals[ra].setdefault(q, set()).update(values)
        if rb in self.forbidden:
            self.forbidden[ra].update(self.forbidden.pop(rb))
        for text, n in self.why.pop(rb).items():
            self.why[ra][text] = self.why[ra].get(text, 0) + n
        self.note(ra, reason)
        return True

    def note(self, root: str, text: str) -> None:
        notes = self.why[root]
        notes[text] = notes.get(text, 0) + 1

    def union_all(self, keys: Sequence[str], reason: str) -> None:
        for other in keys[1:]:
            self.union(keys[0], other, reason)

    def roots(self) -> list[str]:
        return sorted(self.keys)


def members_of(extractions: Iterable[Extraction], matches: Iterable[dict[str, Any]]) -> dict[str, Member]:
    """Every entity of every (not skipped) extraction, with the list entries screening matched it to."""
    members: dict[str, Member] = {}
    for extraction in extractions:
        if extraction.skipped:
            continue
        doc_id = extraction.document.id
        for entity in extraction.entities:
            alias_keys = set()
            for alias in entity.aliases:
                key = name_key(alias)
                if len(key.split()) >= 2 or (entity.kind != EntityKind.PERSON and is_acronym(alias)):
                    alias_keys.add(key)
            members[f"{doc_id}/{entity.id}"] = Member(
                key=f"{doc_id}/{entity.id}",
                document_id=doc_id,
                entity=entity,
                name_key=name_key(entity.name),
                alias_keys=alias_keys,
                quals=qualifiers(entity),
            )
    for hit in matches:
        member = members.get(f"{hit['document_id']}/{hit['entity_id']}")
        if member is not None:
            member.list_ids.add(str(hit["list_id"]))
    return members


def cluster(members: dict[str, Member], links: Links, list_names: dict[str, str]) -> Clusters:
    """Join the members by the rules of this module; ``list_names`` gives list entry id -> name."""
    c = Clusters(members, links.cannot)
    for a, b, note in links.must:
        if a in members and b in members:
            c.union(a, b, note, force=True)
    by_rule: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(members):
        m = members[key]
        kind = m.entity.kind
        if kind == EntityKind.STATE:
            code = m.entity.country
            by_rule[("state", f"state code {code}" if code else f"same name '{m.entity.name}'")].append(key)
        elif kind == EntityKind.REGION:
            by_rule[("region", m.name_key or m.entity.name)].append(key)
    for (rule, detail), keys in sorted(by_rule.items()):
        c.union_all(keys, detail if rule == "state" else f"same region name '{members[keys[0]].entity.name}'")
    named = [k for k in sorted(members) if members[k].entity.kind in NAMED]
    by_entry: dict[str, list[str]] = defaultdict(list)
    by_imo: dict[str, list[str]] = defaultdict(list)
    by_name: dict[tuple[EntityKind, str], list[str]] = defaultdict(list)
    for key in named:
        m = members[key]
        for entry in sorted(m.list_ids):
            by_entry[entry].append(key)
        for imo in sorted(m.quals.get("imo", ())):
            by_imo[imo].append(key)
        if m.name_key and (m.entity.kind != EntityKind.PERSON or " " in m.name_key):
            by_name[(m.entity.kind, m.name_key)].append(key)  # one-word person names: see _surnames
    for entry, keys in sorted(by_entry.items()):
        c.union_all(keys, f"both matched list entry {entry} '{list_names.get(entry, entry)}'")
    for imo, keys in sorted(by_imo.items()):
        c.union_all(keys, f"same IMO number {imo}")
    for (_, _nk), keys in sorted(by_name.items()):
        c.union_all(keys, f"same name '{members[keys[0]].entity.name}'")
    _aliases(c, named)
    _containment(c, by_name)
    _surnames(c, named)
    return c


def _aliases(c: Clusters, named: list[str]) -> None:
    index: dict[tuple[EntityKind, str], list[str]] = defaultdict(list)
    for key in named:
        m = c.members[key]
        if m.name_key:
            index[(m.entity.kind, m.name_key)].append(key)
    for key in named:
        m = c.members[key]
        for alias in sorted(m.alias_keys - {m.name_key}):
            for other in index.get((m.entity.kind, alias), []):
                c.union(key, other, f"'{c.members[other].entity.name}' is a known alias of '{m.entity.name}'")


def _containment(c: Clusters, by_name: dict[tuple[EntityKind, str], list[str]]) -> None:
    """Join a name of two words or more to the one longer name of its kind that contains all its words."""
    by_token: dict[tuple[EntityKind, str], set[str]] = defaultdict(set)
    for kind, key in by_name:
        for token in key.split():
            by_token[(kind, token)].add(key)
    for (kind, key), keys in sorted(by_name.items()):
        words = key.split()
        if len(words) < 2:
            continue
        pools = sorted((by_token[(kind, w)] for w in words), key=len)
        wanted = set(words)
        larger = [k for k in pools[0] if k != key and wanted < set(k.split())]
        roots = {c.find(by_name[(kind, k)][0]) for k in larger}
        if len(roots) != 1:
            continue
        target = min(larger)
        name, long_name = c.members[keys[0]].entity.name, c.members[by_name[(kind, target)][0]].entity.name
        c.union(keys[0], by_name[(kind, target)][0], f"'{name}' is part of '{long_name}'")


def _surnames(c: Clusters, named: list[str]) -> None:
    """A one-word person name ("Putin", "Mr. Kirby") joins the person whose first or last name it is
    when there is exactly one such person; with none, the one-word mentions of that name are taken
    as one person; with several, it stays on its own (ambiguous)."""
    ends: dict[str, set[str]] = defaultdict(set)
    singles: dict[str, list[str]] = defaultdict(list)
    for key in named:
        m = c.members[key]
        if m.entity.kind != EntityKind.PERSON:
            continue
        words = tokens(m.entity.name)
        if len(words) >= 2:
            ends[words[0]].add(key)
            ends[words[-1]].add(key)
        elif len(words) == 1:
            singles[words[0]].append(key)
    for word, keys in sorted(singles.items()):
        roots = sorted({c.find(k) for k in ends.get(word, ())})
        if not roots:
            c.union_all(keys, f"same name '{c.members[keys[0]].entity.name}' (no fuller name known)")
        elif len(roots) == 1:
            full = c.members[roots[0]].entity.name
            for key in keys:
                c.union(
                    key,
                    roots[0],
                    f"'{c.members[key].entity.name}' is a name of the only person so named, '{full}'",
                )
        else:
            names = ", ".join(sorted({c.members[r].entity.name for r in roots})[:4])
            for key in keys:
                c.note(
                    c.find(key),
                    f"'{c.members[key].entity.name}' could be {len(roots)} people ({names}): kept apart",
                )


def entities_of(
    c: Clusters, matches: Iterable[dict[str, Any]]
) -> tuple[dict[str, GraphEntity], dict[str, str]]:
    """The graph entities of the clusters, and member key -> graph entity id."""
    hits: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for hit in matches:
        hits[f"{hit['document_id']}/{hit['entity_id']}"].append(hit)
    built: list[GraphEntity] = []
    for root in c.roots():
        built.append(_entity(c, root, hits))
    claimed: dict[str, list[GraphEntity]] = defaultdict(list)
    for entity in built:
        claimed[entity.id].append(entity)
    entities: dict[str, GraphEntity] = {}
    member_ids: dict[str, str] = {}
    for base, group in claimed.items():
        group.sort(key=lambda e: (-len(e.merged_from), e.merged_from[0]))
        for i, entity in enumerate(group):
            if i:
                entity.id = f"{base}-{short_hash(entity.merged_from[0], length=6)}"
            entities[entity.id] = entity
            for key in entity.merged_from:
                member_ids[key] = entity.id
    return entities, member_ids


def _entity(c: Clusters, root: str, hits: dict[str, list[dict[str, Any]]]) -> GraphEntity:
    keys = sorted(c.keys[root])
    ms = [c.members[k] for k in keys]
    kind = most_common(str(m.entity.kind) for m in ms) or str(ms[0].entity.kind)
    name = most_common(m.entity.name for m in ms) or ms[0].entity.name
    country = most_common(m.entity.country for m in ms if m.entity.country)
    if kind == EntityKind.STATE and country:
        gid = f"state:{country}"
    else:
        gid = f"{PREFIXES.get(EntityKind(kind), kind)}:{slug(name)}"
    counts: dict[str, int] = {}
    for m in ms:
        for alias in [m.entity.name, *m.entity.aliases]:
            counts[alias] = counts.get(alias, 0) + 1
    aliases = sorted((a for a in counts if a != name), key=lambda a: (-counts[a], a))
    attributes: dict[str, Any] = {}
    for m in ms:
        for k, v in (m.entity.attributes or {}).items():
            attributes.setdefault(k, v)
    list_matches: dict[str, dict[str, Any]] = {}
    for k in keys:
        for hit in hits.get(k, []):
            entry = list_matches.setdefault(
                hit["list_id"],
                {
                    f: hit[f]
                    for f in ("list", "list_id", "list_version", "name", "schema", "programs", "score")
                }
                | {"documents": []},
            )
            entry["score"] = max(entry["score"], hit["score"])
            if hit["document_id"] not in entry["documents"]:
                entry["documents"].append(hit["document_id"])
    why = [text if n == 1 else f"{text} (x{n})" for text, n in c.why[root].items()]
    return GraphEntity(
        id=gid,
        kind=kind,
        name=name,
        country=country,
        aliases=aliases,
        documents=sorted({m.document_id for m in ms}),
        mentions=sum(max(1, len(m.entity.mentions)) for m in ms),
        list_matches=sorted(list_matches.values(), key=lambda h: (-h["score"], h["list_id"])),
        attributes=attributes,
        merged_from=keys,
        why=why,
    )


__all__ = ["Clusters", "Links", "Member", "cluster", "decision_links", "entities_of", "members_of"]
