"""A hand-built picture for the export and brief tests (invented for these tests), and checks of it.

``make_picture()`` is imported by ``test_exports_*.py`` and ``test_brief*.py``: two states, a
broker with a list match, a vessel, merged transfers with several sources, a denial, findings, and
document text that tries to inject markup.
"""

from __future__ import annotations

from datetime import date

from materiel.graph.exports import common
from materiel.graph.records import GraphEntity, GraphEvent, Picture, SourceRef

HOSTILE = '<script>alert(\'x\')</script> and <img src=x onerror="alert(2)"> & "quotes"'


def _docs() -> dict[str, dict[str, object]]:
    return {
        "doc1": {
            "id": "doc1",
            "title": "Shells move by rail",
            "publisher": "Example Watch",
            "published": "2023-10-13",
            "url": "https://example.org/watch/shells",
            "source_path": "reports/shells.html",
        },
        "doc2": {
            "id": "doc2",
            "title": "Treasury designates a broker",
            "publisher": "Example Treasury",
            "published": "2023-03-30",
            "url": None,
            "source_path": "reports/treasury.txt",
        },
        "doc3": {
            "id": "doc3",
            "title": f"Missiles over Kharkiv {HOSTILE}",
            "publisher": "Example Watch",
            "published": "2024-01-12",
            "url": "https://example.org/watch/missiles",
        },
        "doc4": {
            "id": "doc4",
            "title": "Ministry rejects reports",
            "publisher": "State News Agency",
            "published": "2023-10-20",
        },
        "doc5": {"id": "doc5", "title": "Drones for the front", "publisher": None, "published": None},
    }


def _ref(doc: str, n: int, evidence: str, published: str | None, **kw: object) -> SourceRef:
    return SourceRef(
        document_id=doc,
        event_id=f"{doc}:t{n}",
        evidence=evidence,
        start=0,
        end=len(evidence),
        published=date.fromisoformat(published) if published else None,
        **kw,  # type: ignore[arg-type]
    )


def make_picture() -> Picture:
    docs = _docs()

    def pub(doc: str) -> str | None:
        value = docs[doc].get("published")
        return str(value) if value else None

    def publisher(doc: str) -> str | None:
        value = docs[doc].get("publisher")
        return str(value) if value else None

    entities = {
        "state:KP": GraphEntity(
            "state:KP", "state", "North Korea", "KP", ["DPRK"], ["doc1", "doc3", "doc4"], 9
        ),
        "state:RU": GraphEntity("state:RU", "state", "Russia", "RU", [], ["doc1", "doc2", "doc3", "doc5"], 7),
        "state:US": GraphEntity("state:US", "state", "United States", "US", ["U.S."], ["doc2"], 2),
        "state:IR": GraphEntity("state:IR", "state", "Iran", "IR", [], ["doc5"], 1),
        "person:ashot-mkrtychev": GraphEntity(
            "person:ashot-mkrtychev",
            "person",
            "Ashot Mkrtychev",
            "SK",
            ["Mkrtychev"],
            ["doc2"],
            3,
            list_matches=[
                {
                    "list": "us_ofac_sdn",
                    "list_id": "48521",
                    "name": "MKRTYCHEV, Ashot",
                    "score": 0.97,
                    "match": True,
                    "programs": ["DPRK3"],
                }
            ],
            attributes={"nationality": "SK", "birth_date": "1957-01-01"},
        ),
        "vessel:angara": GraphEntity(
            "vessel:angara", "vessel", "Angara", "RU", [], ["doc1"], 2, attributes={"imo": "9179842"}
        ),
        "org:zenit": GraphEntity("org:zenit", "organization", HOSTILE, None, [], ["doc3"], 1),
        "region:donbas": GraphEntity("region:donbas", "region", "Donbas", "UA", [], ["doc1"], 1),
    }
    t1 = GraphEvent(
        id="ev-t1",
        type="arms_transfer",
        status="delivered",
        supplier="state:KP",
        recipient="state:RU",
        items=[{"text": "artillery shells", "category": "ammunition", "quantity": "1 million"}],
        categories=["ammunition"],
        start=date(2023, 8, 1),
        end=date(2024, 1, 31),
        sources=[
            _ref(
                "doc1",
                1,
                "North Korea has shipped a million artillery shells to Russia by rail.",
                pub("doc1"),
                publisher=publisher("doc1"),
                asserted_by=["state:US"],
            ),
            _ref(
                "doc3",
                2,
                f"Shells kept arriving, officials said. {HOSTILE}",
                pub("doc3"),
                publisher=publisher("doc3"),
            ),
            _ref(
                "doc4",
                1,
                "The ministry called the reports absurd.",
                pub("doc4"),
                publisher=publisher("doc4"),
                stance="denies",
                asserted_by=["state:KP"],
            ),
        ],
        denied_by=["state:KP"],
        findings=[
            {
                "verdict": "breach",
                "rule": "un-dprk-arms-import",
                "citation": "UNSCR 1718 (2006) para 8(b)",
                "confidence": 0.8,
                "contested": True,
            },
            {"verdict": "not_covered", "rule": "eu-iran", "citation": "Council Regulation (EU) 2023/1529"},
        ],
    )
    t2 = GraphEvent(
        id="ev-t2",
        type="arms_transfer",
        status="delivered",
        supplier="state:KP",
        recipient="state:RU",
        items=[{"text": "ballistic missiles", "category": "missiles", "quantity": None}],
        categories=["missiles"],
        start=date(2023, 12, 30),
        end=date(2023, 12, 30),
        sources=[
            _ref(
                "doc3",
                1,
                "Russia fired North Korean ballistic missiles on 30 December.",
                pub("doc3"),
                publisher=publisher("doc3"),
            )
        ],
        findings=[{"verdict": "possible_breach", "citation": "UNSCR 1718 (2006) para 8(b)"}],
    )
    t3 = GraphEvent(
        id="ev-t3",
        type="arms_transfer",
        status="sought",
        supplier="state:KP",
        recipient="state:RU",
        items=[{"text": "weapons", "category": "unspecified", "quantity": None}],
        consideration=["commercial aircraft", "raw materials"],
        brokers=["person:ashot-mkrtychev"],
        start=date(2022, 9, 1),
        end=date(2023, 4, 30),
        sources=[
            _ref(
                "doc2",
                1,
                "Mkrtychev sought to obtain weapons from North Korea for Russia.",
                pub("doc2"),
                publisher=publisher("doc2"),
                asserted_by=["state:US"],
            ),
        ],
    )
    t4 = GraphEvent(
        id="ev-t4",
        type="arms_transfer",
        status="delivered",
        supplier="state:IR",
        recipient="state:RU",
        items=[{"text": "drones", "category": "uav", "quantity": "hundreds"}],
        categories=["uav"],
        sources=[_ref("doc5", 1, "Iran delivered hundreds of drones to Russia.", None)],
    )
    d1 = GraphEvent(
        id="ev-d1",
        type="designation",
        roles={
            "authority": "US",
            "target": "person:ashot-mkrtychev",
            "date": "2023-03-30",
            "basis": "E.O. 13722",
            "reason": "arms-related activities involving the DPRK and Russia",
        },
        start=date(2023, 3, 30),
        end=date(2023, 3, 30),
        sources=[
            _ref(
                "doc2",
                2,
                "Treasury designated Ashot Mkrtychev today.",
                pub("doc2"),
                publisher=publisher("doc2"),
                asserted_by=["state:US"],
            )
        ],
    )
    d2 = GraphEvent(
        id="ev-d2",
        type="designation",
        roles={
            "authority": "EU",
            "target": "vessel:angara",
            "date": "2024-02-23",
            "basis": None,
            "reason": None,
        },
        start=date(2024, 2, 23),
        sources=[_ref("doc1", 3, "The EU listed the Angara.", pub("doc1"), publisher=publisher("doc1"))],
    )
    n1 = GraphEvent(
        id="ev-n1",
        type="denial",
        roles={"party": "state:KP", "subject": "ev-t1"},
        sources=[
            _ref(
                "doc4",
                2,
                "The ministry called the reports absurd.",
                pub("doc4"),
                publisher=publisher("doc4"),
                stance="denies",
                asserted_by=["state:KP"],
            )
        ],
    )
    return Picture(entities=entities, events=[t1, t2, t3, t4, d1, d2, n1], documents=docs)


def test_picture_helpers_read_the_records() -> None:
    picture = make_picture()
    t1 = picture.events[0]
    assert t1.corroboration == 2 and t1.contested
    assert common.verdict_labels(t1)[0].startswith("breach: UNSCR 1718")
    assert common.worst_verdict(t1) == "breach"
    assert common.items_phrase(picture.events[2]) == "weapons"
    assert common.authority_entity(picture, "US") == "state:US"
    assert common.authority_entity(picture, "EU") is None
    assert common.denial_subject(picture, picture.events[-1]) is t1
    headers = common.all_document_headers(picture)
    assert set(headers) == {"doc1", "doc2", "doc3", "doc4", "doc5"}
