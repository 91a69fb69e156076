"""Resolution time of the cross-document picture for 10,000 documents.

    .venv/bin/python benchmarks/graph_resolution.py [--docs 10000] [--db /tmp/graph-bench.db]

The documents are generated deterministically (seed 6) from templates, and their *extractions*
are written straight to the store with ``Store.save_extraction``: running the NLP over 10,000
documents would take ~20 minutes and measures extraction, not resolution. Each document has 2-4
states (of 60), 1-3 people (of 2,400, written as "First Last", "Mr. Last", "LAST First" or "Last"),
0-2 organisations (325: every pair of 26 words with a legal form; sometimes without the legal form,
"Green Pine"), 1-3 transfers between states (categories, statuses, dates, brokers), and sometimes a
designation and a denial.

Reported: time to write the store (not part of resolution), to read all extractions back, to
resolve and merge (``assemble``), ``build_picture`` end to end, and a few queries.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from materiel.graph import GraphEntity, assemble, between, build_picture, neighbourhood, paths, timeline
from materiel.model import (
    Document,
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Extraction,
    Item,
    ItemCategory,
    Mention,
    TimeSpan,
    TransferStatus,
)
from materiel.store import Store
from materiel.store.graph import iter_extractions


def words(text: str) -> list[str]:
    return text.split()


STATES = words(
    "US GB FR DE RU CN KP KR JP IR IQ SY LB YE SA AE IL TR UA BY PL IN PK AF EG LY SD ET SO NG "
    "ML BF VE CU NI CO BR AR MX ZA DZ MA TN JO KZ UZ AM AZ GE RS HU CZ SK IT ES NL BE SE NO FI"
)
FIRST = words(
    "Ashot Viktor Ivan Olga Kim Li Ahmad Hassan Omar Ali Sergei Dmitri Anna Maria Jose Juan Pierre "
    "Hans Ulrich Karl Yusuf Mehmet Reza Farid Jamal Nikolai Pavel Yuri Boris Lev Igor Oleg Tariq "
    "Samir Walid Khalid Rami Nadia Leila Fatima Chen Wang Zhang Liu Park Choi Jung Kang Tanaka Sato"
)
LAST = words(
    "Mkrtychev Balakin Petrenko Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov "
    "Morozov Volkov Solovyov Vasiliev Zaitsev Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov "
    "Karimi Rahimi Hosseini Ahmadi Rezaei Moradi Haddad Khoury Nasser Saleh Mansour Aziz Rahman "
    "Hamdan Yilmaz Kaya Demir Sahin Celik Garcia Lopez Martinez Rodriguez Hernandez Gonzalez Perez "
    "Sanchez Ramirez Torres Flores Rivera Gomez Diaz Reyes Morales Ortiz Gutierrez Chavez Ramos "
    "Ruiz Alvarez Mendoza Castillo Jimenez Moreno Romero Herrera Medina Aguilar Vargas"
)
ORG_WORDS = words(
    "Korea Ryonbong Tanchon Green Pine Amroggang Hesong Sino Global Eastern Northern Atlas Orion "
    "Falcon Zenith Delta Apex Vector Titan Meridian Aurora Polar Crimson Silver Iron Harbor"
)
ORG_KINDS = ("Trading Company", "General Corporation", "Shipping Ltd", "Industrial Group", "Defense Holdings")
CATEGORIES = [c for c in ItemCategory if c != ItemCategory.UNSPECIFIED]
STATUSES = list(TransferStatus)
PUBLISHERS = [f"Publisher {i}" for i in range(40)]
AUTHORITIES = ("US", "EU", "UN", "UK")


def people(rng: random.Random) -> list[tuple[str, str, str]]:
    pool = [(f, last, rng.choice(STATES)) for f in FIRST for last in LAST]
    rng.shuffle(pool)
    return pool[:2400]


def orgs(rng: random.Random) -> list[str]:
    """600 companies whose two distinctive words, as a set, are their own (no two companies share
    their words in another order or with another legal form: that would be the same name)."""
    pairs = sorted({frozenset(rng.sample(ORG_WORDS, 2)) for _ in range(3000)}, key=sorted)
    rng.shuffle(pairs)
    return [f"{' '.join(sorted(p))} {rng.choice(ORG_KINDS)}" for p in pairs[:600]]


def written(rng: random.Random, first: str, last: str) -> tuple[str, list[str]]:
    form = rng.random()
    if form < 0.55:
        return f"{first} {last}", [last]
    if form < 0.7:
        return f"Mr. {last}", []
    if form < 0.85:
        return f"{last.upper()} {first}", []
    return last, []


def document(
    i: int, rng: random.Random, pool: list[tuple[str, str, str]], companies: list[str]
) -> Extraction:
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    text = f"Synthetic report {i}."
    doc = Document.from_text(text, title=f"Report {i}", publisher=rng.choice(PUBLISHERS), published=published)
    ev = Evidence(0, len(doc.text), doc.text, doc.id)
    entities: list[Entity] = []
    codes = rng.sample(STATES[:20] if rng.random() < 0.7 else STATES, rng.randint(2, 4))
    for code in codes:
        entities.append(
            Entity(f"state:{code}", EntityKind.STATE, code, country=code, mentions=[Mention(0, 1, "x")])
        )
    persons = []
    for first, last, nationality in rng.sample(
        pool[: 300 if rng.random() < 0.6 else 2400], rng.randint(1, 3)
    ):
        name, aliases = written(rng, first, last)
        attrs: dict[str, str] = {"nationality": nationality} if rng.random() < 0.3 else {}
        attrs["bench_truth"] = f"{first} {last}"  # who it really is: for precision/recall only
        local = f"person:{name.lower().replace(' ', '-').replace('.', '')}"
        if any(e.id == local for e in entities):
            continue
        entities.append(Entity(local, EntityKind.PERSON, name, aliases=aliases, attributes=attrs))
        persons.append(local)
    for company in rng.sample(companies, rng.randint(0, 2)):
        name = company if rng.random() < 0.7 else " ".join(company.split()[:2])  # without its legal form
        if any(e.id == f"org:{name.lower().replace(' ', '-')}" for e in entities):
            continue
        truth = {"bench_truth": company}
        local = f"org:{name.lower().replace(' ', '-')}"
        entities.append(Entity(local, EntityKind.ORGANIZATION, name, attributes=truth))
    events: list[Event] = []
    for t in range(rng.randint(1, 3)):
        supplier, recipient = rng.sample(codes, 2)
        when = None
        if rng.random() < 0.5:
            year = rng.randint(published.year - 2, published.year)
            when = TimeSpan(date(year, 1, 1), date(year, 12, 31), str(year))
        roles = {
            "supplier": f"state:{supplier}",
            "recipient": f"state:{recipient}",
            "items": [
                Item("weapons", rng.choice(CATEGORIES if rng.random() < 0.7 else [ItemCategory.UNSPECIFIED]))
            ],
            "brokers": [rng.choice(persons)] if persons and rng.random() < 0.2 else [],
        }
        events.append(
            Event(
                f"{doc.id}:t{t + 1}", EventType.ARMS_TRANSFER, [ev], rng.choice(STATUSES), when, roles=roles
            )
        )
    if persons and rng.random() < 0.2:
        roles = {"authority": rng.choice(AUTHORITIES), "target": rng.choice(persons), "date": published}
        events.append(Event(f"{doc.id}:d1", EventType.DESIGNATION, [ev], roles=roles))
    if rng.random() < 0.15:
        party = events[0].roles["supplier"]
        events.append(
            Event(f"{doc.id}:n1", EventType.DENIAL, [ev], roles={"party": party, "subject": events[0].id})
        )
    return Extraction(doc, entities, events)


def truth_of(extractions: list[Extraction]) -> dict[str, str]:
    return {
        f"{x.document.id}/{e.id}": str(e.attributes["bench_truth"])
        for x in extractions
        for e in x.entities
        if e.attributes.get("bench_truth")
    }


def pairwise(entities: Iterable[GraphEntity], truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of the person clusters against the generated identities."""
    same_cluster = same_both = 0
    for entity in entities:
        known = [truth[k] for k in entity.merged_from if k in truth]
        same_cluster += len(known) * (len(known) - 1) // 2
        same_both += sum(n * (n - 1) // 2 for n in Counter(known).values())
    same_truth = sum(n * (n - 1) // 2 for n in Counter(truth.values()).values())
    return same_both / max(1, same_cluster), same_both / max(1, same_truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/materiel-graph-bench.db")
    args = parser.parse_args()
    rng = random.Random(6)
    pool, companies = people(rng), orgs(rng)
    extractions = [document(i, rng, pool, companies) for i in range(args.docs)]
    path = Path(args.db)
    url = f"sqlite:///{path}"
    with Store.open(url) as store:
        if store.count_documents() != args.docs:
            store.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            store = Store.open(url)
            started = time.perf_counter()
            for extraction in extractions:
                store.save_extraction(extraction)
            print(f"wrote {args.docs} extractions in {time.perf_counter() - started:.1f} s (not resolution)")
        started = time.perf_counter()
        loaded = list(iter_extractions(store))
        read = time.perf_counter() - started
        started = time.perf_counter()
        picture = assemble(loaded)
        resolved = time.perf_counter() - started
        started = time.perf_counter()
        build_picture(store)
        built = time.perf_counter() - started
        store.close()
    members = sum(len(e.entities) for e in loaded)
    reports = sum(len(e.events) for e in loaded)
    kinds: dict[str, int] = {}
    for entity in picture.entities.values():
        kinds[entity.kind] = kinds.get(entity.kind, 0) + 1
    flows = [e for e in picture.events if e.type == "arms_transfer"]
    print(f"documents {len(loaded)}, document entities {members}, event reports {reports}")
    print(f"graph entities {len(picture.entities)} {kinds}")
    print(
        f"graph events {len(picture.events)} (transfers {len(flows)}, "
        f"corroborated {sum(1 for e in flows if e.corroboration > 1)}, "
        f"max corroboration {max((e.corroboration for e in flows), default=0)})"
    )
    print(f"read extractions {read:.2f} s; resolve + merge {resolved:.2f} s; build_picture {built:.2f} s")
    truth = truth_of(loaded)
    for kind, prefix in (("person", "person:"), ("organization", "org:")):
        of_kind = [e for e in picture.entities.values() if e.kind == kind]
        known = {k: v for k, v in truth.items() if k.split("/", 1)[1].startswith(prefix)}
        precision, recall = pairwise(of_kind, known)
        print(f"{kind}: pairwise vs the generated identities, precision {precision:.3f}, recall {recall:.3f}")
    person = max((e for e in picture.entities.values() if e.kind == "person"), key=lambda e: len(e.documents))
    timings = []
    for label, call in (
        ("neighbourhood(state:RU, 2)", lambda: neighbourhood(picture, "state:RU", 2)),
        (f"paths({person.id}, state:KP, 3)", lambda: paths(picture, person.id, "state:KP", 3)),
        ("between(KP, RU)", lambda: between(picture, "state:KP", "state:RU")),
        ("timeline(between KP RU)", lambda: timeline(picture, between=("state:KP", "state:RU"))),
    ):
        started = time.perf_counter()
        call()
        timings.append(f"{label} {1000 * (time.perf_counter() - started):.0f} ms")
    print("queries: " + "; ".join(timings))


if __name__ == "__main__":
    main()
