"""The verdict table: small events with dates -> expected verdicts per rule (issue 5, "Tests").

Each case is an invented extraction; ``expect`` maps "fact:rule" to the verdict that rule must
give on that fact ("fact:-" is the finding of a fact no rule reaches), ``absent`` lists rules that
must not be reported for the case, and ``missing`` a phrase the rule's missing facts must contain.
Together the cases exercise every rule of every shipped pack (checked by the last test).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from assess_support import extraction, person, support, transfer

from materiel.assess import Finding, RuleBook, assess_extraction

SK_BROKER = person("person:broker", "Jan Example", "SK")
AM_BROKER = person("person:other", "Aram Example", "AM")
DE_FIRM = {
    "id": "org:de",
    "kind": "organization",
    "name": "Example GmbH",
    "country": "DE",
    "aliases": [],
    "mentions": [],
}


@dataclass
class Case:
    id: str
    data: dict[str, Any]
    expect: dict[str, str]
    absent: tuple[str, ...] = ()
    missing: dict[str, str] = field(default_factory=dict)


CASES = [
    # --- UN Iran: an Iranian drone transfer in 2022, in 2024, and after the 2025 snapback ---
    Case(
        "iran-drones-2022",
        extraction(transfer("IR", "RU", [("Shahed drones", "uav")], start="2022-09-01", end="2022-12-31")),
        {
            "transfer:un-2231-b4": "possible_breach",
            "transfer:un-2231-b6b": "not_covered",
            "transfer:un-1747-5": "not_covered",
            "transfer:un-1747-5-snapback": "not_covered",
            "transfer:us-eo13949-1a-i": "breach",
            "transfer:us-eo13382-1a-ii": "possible_breach",
            "transfer:us-eo14024-1a-i": "possible_breach",
        },
        missing={"un-2231-b4": "range and payload", "us-eo14024-1a-i": "defence and related materiel"},
    ),
    Case(
        "iran-drones-2024",
        extraction(transfer("IR", "RU", [("drones", "uav")], start="2024-03-01", end="2024-03-31")),
        {
            "transfer:un-2231-b4": "not_covered",
            "transfer:us-eo13949-1a-i": "breach",
            "transfer:un-1747-5-snapback": "not_covered",
        },
    ),
    Case(
        "iran-drones-after-snapback",
        extraction(transfer("IR", "RU", [("drones", "uav")], start="2025-11-10")),
        {
            "transfer:un-1747-5-snapback": "breach",
            "transfer:un-2231-b4": "not_covered",
            "transfer:un-1747-5": "not_covered",
        },
    ),
    Case(
        "iran-drones-window-edge",  # the period runs across the end of 2231 para 4
        extraction(transfer("IR", "RU", [("drones", "uav")], start="2023-09-01", end="2023-12-31")),
        {"transfer:un-2231-b4": "possible_breach"},
        missing={"un-2231-b4": "exact date"},
    ),
    Case(
        "iran-weapons-unclassified",
        extraction(transfer("IR", "RU", [("weapons", "unspecified")], start="2022-05-01")),
        {"transfer:un-2231-b4": "needs_classification", "transfer:us-eo13949-1a-i": "breach"},
        missing={"un-2231-b4": "item category"},
    ),
    # --- UN Iran: both directions ---
    Case(
        "arms-to-iran-2018",
        extraction(transfer("RU", "IR", [("fighter jets", "aircraft")], start="2018-04-01")),
        {
            "transfer:un-2231-b5": "breach",
            "transfer:un-1929-8": "not_covered",
            "transfer:un-1929-8-snapback": "not_covered",
            "transfer:us-eo13949-1a-i": "not_covered",
        },
        absent=("un-2231-b6b",),
    ),
    Case(
        "arms-from-iran-2018",
        extraction(transfer("IR", "SY", [("rifles", "small_arms")], start="2018-04-01")),
        {"transfer:un-2231-b6b": "breach", "transfer:us-eo13949-1a-i": "not_covered"},
        absent=("un-2231-b5", "un-2231-b4"),
    ),
    Case(
        "tanks-to-iran-2012",
        extraction(transfer("BY", "IR", [("tanks", "armoured_vehicles")], start="2012-02-01")),
        {"transfer:un-1929-8": "breach", "transfer:un-2231-b5": "not_covered"},
    ),
    Case(
        "tanks-to-iran-after-snapback",
        extraction(transfer("BY", "IR", [("tanks", "armoured_vehicles")], start="2025-12-01")),
        {"transfer:un-1929-8-snapback": "breach", "transfer:un-1929-8": "not_covered"},
    ),
    Case(
        "arms-from-iran-2010",
        extraction(transfer("IR", "SY", [("rockets", "missiles")], start="2010-05-01")),
        {"transfer:un-1747-5": "breach", "transfer:un-2231-b6b": "not_covered"},
    ),
    Case(
        "training-to-iran-2018",
        extraction(support("RU", "IR", [("pilot training", "training")], start="2018-06-01")),
        {"support:un-2231-b5": "breach", "support:us-eo13949-1a-ii": "not_covered"},
    ),
    Case(
        "training-to-iran-2021",
        extraction(support("RU", "IR", [("pilot training", "training")], start="2021-06-01")),
        {"support:un-2231-b5": "not_covered", "support:us-eo13949-1a-ii": "breach"},
    ),
    # --- UN DPRK: heavy arms, small arms before and after 2270, both directions ---
    Case(
        "artillery-to-dprk-2008",
        extraction(transfer("RU", "KP", [("howitzers", "artillery")], start="2008-05-01")),
        {
            "transfer:un-1718-8a-i": "breach",
            "transfer:un-1874-10": "not_covered",
            "transfer:un-2270-6": "not_covered",
            "transfer:us-eo13551-1a-ii-a": "not_covered",
        },
        absent=("un-1718-8b",),
    ),
    Case(
        "small-arms-to-dprk-2012",
        extraction(transfer("BY", "KP", [("rifles", "small_arms")], start="2012-03-01")),
        {"transfer:un-2270-6": "not_covered", "transfer:us-eo13551-1a-ii-a": "breach"},
        absent=("un-1718-8a-i", "un-1874-10"),
    ),
    Case(
        "small-arms-to-dprk-2017",
        extraction(transfer("BY", "KP", [("rifles", "small_arms")], start="2017-03-01")),
        {"transfer:un-2270-6": "breach"},
        absent=("un-1874-10",),
    ),
    Case(
        "missiles-to-dprk-2010",
        extraction(transfer("IR", "KP", [("ballistic missiles", "missiles")], start="2010-07-01")),
        {
            "transfer:un-1718-8a-i": "breach",
            "transfer:un-1718-8a-ii": "possible_breach",
            "transfer:un-1874-10": "breach",
            "transfer:un-1747-5": "breach",
        },
    ),
    Case(
        "dprk-shells-to-russia-2023",
        extraction(
            transfer(
                "KP", "RU", [("artillery shells", "ammunition")], start="2023-08-01", denied_by=["state:KP"]
            )
        ),
        {
            "transfer:un-1718-8b": "possible_breach",
            "transfer:un-1874-9": "breach",
            "transfer:us-eo13551-1a-ii-a": "breach",
            "transfer:us-eo14024-1a-i": "possible_breach",
        },
        absent=("un-1718-8a-i", "un-1874-10", "eu-2014-512-art2-1"),
    ),
    Case(
        "dprk-trainers-hosted-2018",
        extraction(
            support(
                "KP",
                "UG",
                [("military instructors", "personnel"), ("police training", "training")],
                start="2018-01-15",
            )
        ),
        {
            "support:un-1718-8c": "breach",
            "support:un-2270-9": "breach",
            "support:us-eo13551-1a-ii-b": "breach",
            "support:un-1874-9": "breach",
        },
    ),
    # --- consideration flowing the other way ---
    Case(
        "aircraft-as-payment-2023",
        extraction(
            transfer(
                "KP",
                "RU",
                [("shells", "ammunition")],
                start="2023-02-01",
                consideration=["commercial aircraft", "food"],
            )
        ),
        {
            "consideration:un-2397-7": "breach",
            "consideration:un-2270-8": "possible_breach",
            "transfer:un-1874-9": "breach",
        },
    ),
    Case(
        "machinery-as-payment-2016",
        extraction(
            transfer(
                "KP", "RU", [("shells", "ammunition")], start="2016-06-01", consideration=["machine tools"]
            )
        ),
        {"consideration:un-2397-7": "not_covered", "consideration:un-2270-8": "possible_breach"},
    ),
    # --- brokering by a third-country national ---
    Case(
        "slovak-broker-2023",
        extraction(
            transfer(
                "KP", "RU", [("munitions", "ammunition")], start="2023-01-10", brokers=["person:broker"]
            ),
            entities=[SK_BROKER],
        ),
        {
            "brokering:eu-2014-512-art2-2": "breach",
            "brokering:eu-2016-849-art3": "breach",
            "brokering:us-eo13551-1a-ii-b": "breach",
            "brokering:un-1874-9": "breach",
            "brokering:un-1718-8c": "possible_breach",
        },
        absent=("eu-2014-512-art2-1",),
    ),
    Case(
        "armenian-broker-2023",  # no EU party: EU rules stay out of it
        extraction(
            transfer("KP", "RU", [("munitions", "ammunition")], start="2023-01-10", brokers=["person:other"]),
            entities=[AM_BROKER],
        ),
        {"brokering:un-1874-9": "breach", "brokering:us-eo13551-1a-ii-b": "breach"},
        absent=("eu-2014-512-art2-2", "eu-2016-849-art3"),
    ),
    # --- EU regimes (an EU party brings them in) ---
    Case(
        "eu-arms-to-russia-2015",
        extraction(transfer("FR", "RU", [("armoured vehicles", "armoured_vehicles")], start="2015-05-01")),
        {"transfer:eu-2014-512-art2-1": "breach"},
    ),
    Case(
        "russian-arms-to-eu-2016",
        extraction(transfer("RU", "DE", [("rifles", "small_arms")], start="2016-05-01")),
        {"transfer:eu-2014-512-art2-3": "breach"},
    ),
    Case(
        "eu-arms-to-dprk-2017",
        extraction(transfer("DE", "KP", [("radars", "electronics")], start="2017-05-01")),
        {"transfer:eu-2016-849-art1-1a": "possible_breach", "transfer:un-2270-6": "possible_breach"},
    ),
    Case(
        "dprk-arms-to-eu-2017",
        extraction(transfer("KP", "PL", [("rifles", "small_arms")], start="2017-05-01")),
        {"transfer:eu-2016-849-art2": "breach", "transfer:un-1874-9": "breach"},
    ),
    Case(
        "eu-uav-parts-to-iran-2024",
        extraction(
            transfer(
                "DE",
                "IR",
                [("drone engines", "uav"), ("chips", "electronics")],
                start="2024-02-01",
                brokers=["org:de"],
            ),
            entities=[DE_FIRM],
        ),
        {"transfer:eu-2023-1532-art1-1": "breach", "brokering:eu-2023-1532-art1-2a": "breach"},
    ),
    # --- attempts ---
    Case(
        "attempted-purchase-2023",
        extraction(transfer("KP", "RU", [("shells", "ammunition")], start="2023-03-30", status="attempted")),
        {"transfer:un-1874-9": "possible_breach", "transfer:us-eo13551-1a-ii-a": "possible_breach"},
        missing={"un-1874-9": "reported as attempted"},
    ),
    Case(
        "attempt-reached-by-eo13382",
        extraction(transfer("KP", "SY", [("missiles", "missiles")], start="2019-03-01", status="attempted")),
        {"transfer:us-eo13382-1a-ii": "possible_breach", "transfer:un-1718-8b": "possible_breach"},
        missing={"un-1718-8b": "reported as attempted"},
    ),
    # --- unknown dates ---
    Case(
        "undated-undated-report",
        extraction(transfer("KP", "RU", [("shells", "ammunition")])),
        {"transfer:un-1874-9": "possible_breach"},
        missing={"un-1874-9": "date of the event"},
    ),
    Case(
        "undated-in-dated-report",  # assumed within the lookback: 1874 was in force all along
        extraction(transfer("KP", "RU", [("shells", "ammunition")]), published="2023-03-31"),
        {"transfer:un-1874-9": "breach"},
    ),
    Case(
        "undated-drones-2024-report",  # the lookback crosses the end of 2231 para 4
        extraction(transfer("IR", "RU", [("drones", "uav")]), published="2024-06-01"),
        {"transfer:un-2231-b4": "possible_breach"},
        missing={"un-2231-b4": "date of the event"},
    ),
    # --- an event no rule covers ---
    Case(
        "no-rule-covers",
        extraction(transfer("BR", "AR", [("rifles", "small_arms")], start="2020-01-01")),
        {"transfer:-": "not_covered"},
    ),
]


def _by_key(findings: list[Finding]) -> dict[str, Finding]:
    return {f"{f.fact}:{f.rule or '-'}": f for f in findings}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_verdict_table(case: Case, book: RuleBook) -> None:
    findings = assess_extraction(case.data, book)
    found = _by_key(findings)
    got = {key: str(found[key].verdict) if key in found else "(not reported)" for key in case.expect}
    assert got == case.expect
    reported = {f.rule for f in findings}
    assert not set(case.absent) & reported
    for rule, phrase in case.missing.items():
        finding = next(f for f in findings if f.rule == rule)
        assert any(phrase in m for m in finding.missing), finding.missing


def test_every_shipped_rule_is_in_the_table(book: RuleBook) -> None:
    tested = {key.split(":", 1)[1] for case in CASES for key in case.expect}
    assert {rule.id for rule, _ in book.rules} <= tested


def test_a_denied_claim_is_contested_and_less_confident(book: RuleBook) -> None:
    plain = assess_extraction(
        extraction(transfer("KP", "RU", [("shells", "ammunition")], start="2023-08-01")), book
    )
    denied = assess_extraction(
        extraction(
            transfer("KP", "RU", [("shells", "ammunition")], start="2023-08-01", denied_by=["state:KP"])
        ),
        book,
    )
    assert not any(f.contested for f in plain)
    assert all(f.contested for f in denied)
    assert all(d.confidence < p.confidence for d, p in zip(denied, plain, strict=True))
    assert all("denied" in (f.note or "") for f in denied if f.verdict == "breach")


def test_a_snapback_finding_says_the_rule_is_contested(book: RuleBook) -> None:
    findings = assess_extraction(
        extraction(transfer("IR", "RU", [("drones", "uav")], start="2025-11-10")), book
    )
    snap = next(f for f in findings if f.rule == "un-1747-5-snapback")
    assert snap.rule_status == "contested"
    assert "contested" in (snap.note or "")
    assert snap.valid_from is not None and snap.valid_from.isoformat() == "2025-09-27"


def test_findings_carry_citation_window_and_dates(book: RuleBook) -> None:
    findings = assess_extraction(
        extraction(transfer("IR", "RU", [("drones", "uav")], start="2022-09-01", end="2022-12-31")), book
    )
    f = next(f for f in findings if f.rule == "un-2231-b4")
    data = f.to_dict()
    assert data["citation"] == "UNSCR 2231 (2015), Annex B para 4"
    assert (data["valid_from"], data["valid_to"]) == ("2016-01-16", "2023-10-18")
    assert (data["event_start"], data["event_end"], data["window"]) == ("2022-09-01", "2022-12-31", "inside")
    assert data["from_state"] == "IR" and data["to_state"] == "RU"
    assert Finding.from_dict(data) == f


def test_designations_without_lists_are_not_known_rather_than_unlisted() -> None:
    from materiel.assess.designations import check_designations

    data = extraction(entities=[person("person:x", "Jan Example", "SK")])
    data["events"] = [
        {
            "id": "doc:d1",
            "type": "designation",
            "authority": "US",
            "target": "person:x",
            "basis": "Executive Order 13551",
            "asserted_by": [],
            "denied_by": [],
            "evidence": [],
        }
    ]
    (check,) = check_designations(data, None)
    assert (check.name, check.listed, check.entries, check.basis) == (
        "Jan Example",
        None,
        [],
        "Executive Order 13551",
    )
