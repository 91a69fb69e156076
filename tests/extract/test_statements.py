"""Designations, denials and attribution, in phrasings written for these tests."""

from __future__ import annotations

import pytest
from tests.extract.conftest import actor_name, transfers

from materiel.model import Extraction


def designations(extraction: Extraction) -> set[tuple[str | None, str | None]]:
    return {
        (e.roles["authority"], actor_name(extraction, e.roles["target"]))
        for e in extraction.events
        if e.type == "designation"
    }


def denials(extraction: Extraction) -> set[str | None]:
    return {actor_name(extraction, e.roles["party"]) for e in extraction.events if e.type == "denial"}


DESIGNATIONS = [
    (
        "The Treasury Department sanctioned Viktor Brenko on Friday for arms dealing.",
        {("US", "Viktor Brenko")},
    ),
    ("OFAC designated Paek Chol Su, a DPRK national, pursuant to E.O. 13382.", {("US", "Paek Chol Su")}),
    (
        "Today, the United States is designating Anna Kovalenko for arms-related activities.",
        {("US", "Anna Kovalenko")},
    ),
    ("The EU imposed sanctions on Rosoboronexport over its exports to Myanmar.", {("EU", "Rosoboronexport")}),
    ("The UK sanctioned the Wagner Group for its role in Sudan.", {("UK", "Wagner Group")}),
    ("The company was designated by the Security Council in 2017.", set()),  # no named target
    ("Lawmakers urged the Treasury to sanction Viktor Brenko.", set()),  # proposed, not done
    ("The United States imposed sanctions on North Korea in 2016.", set()),  # a regime, not a listing
    ("Also sanctioned was the Hong Kong-based firm Apex Trading Ltd.", {(None, "Apex Trading Ltd.")}),
    (
        "The EU added 12 people to its sanctions list, including Defence Minister Reza Alavi.",
        {("EU", "Reza Alavi")},
    ),
    ("The 1718 Committee designated the vessel Chon Ma San.", {("UN", "Chon Ma San")}),
    (
        "Korea Kwangson Banking Corp was previously designated by the United States.",
        {("US", "Korea Kwangson Banking Corp")},
    ),
    (
        "Among those designated was Iran-based Defense Research Center, the Treasury said.",
        {("US", "Defense Research Center")},
    ),
    (
        "Bank Kolyma assisted the UN- and U.S.-designated Foreign Trade Bank, OFAC said.",
        {("US", "Foreign Trade Bank")},
    ),
    (
        "Today, the United States is designating for sanctions Air Koryo Trading Corporation, a DPRK entity.",
        {("US", "Air Koryo Trading Corporation")},
    ),
    (
        "Farazan Trading Limited and Sky Logistics LLC will face an asset freeze, Britain said.",
        {("UK", "Farazan Trading Limited"), ("UK", "Sky Logistics LLC")},
    ),
    # lists after a colon, including one the parser cuts into a sentence of its own
    (
        "OFAC said two individuals were also sanctioned: Lin Barov, a broker, and his wife, Mira Barova.",
        {("US", "Lin Barov"), ("US", "Mira Barova")},
    ),
    (
        "The sanctioned firms included: Polar Star Group, which was sanctioned by Canada, "
        "Delta Lumen Trading Co Ltd, a fuel importer, and Kestrel Freight Co Ltd, the Treasury said.",
        {
            ("US", "Polar Star Group"),
            ("CA", "Polar Star Group"),
            ("US", "Delta Lumen Trading Co Ltd"),
            ("US", "Kestrel Freight Co Ltd"),
        },
    ),
    # "identified ... to be", "subject X to an asset freeze", "as were"
    (
        "The Foreign Office identified the three sanctioned individuals to be Arash Pakzad and Omid Rahbar.",
        {("UK", "Arash Pakzad"), ("UK", "Omid Rahbar")},
    ),
    (
        "Britain will also subject Qom Aviation Industries to an asset freeze.",
        {("UK", "Qom Aviation Industries")},
    ),
    (
        "Two Syrian firms were targeted by the State Department sanctions, as were three Russian firms – "
        "Volga-Invest LLC and Tern Pulsar LLC.",
        {("US", "Volga-Invest LLC"), ("US", "Tern Pulsar LLC")},
    ),
    ("The new measures target Lebanon's Hezbollah, the State Department said.", {("US", "Hezbollah")}),
    (
        "The sanctions targeted two Chinese companies: Harbin Lintel Co Ltd and Wuxi Pell Engine Co Ltd, "
        "the Treasury said.",
        {("US", "Harbin Lintel Co Ltd"), ("US", "Wuxi Pell Engine Co Ltd")},
    ),
    # "al-Houthi" after a given name is a surname, not the group
    (
        "The Security Council imposed sanctions, including a travel ban, on Abdulmalik al-Houthi.",
        {("UN", "Abdulmalik al-Houthi")},
    ),
    # a firm named after a person is a firm, not a person
    (
        "OFAC designated Samir Haddad Trading Establishment on Friday.",
        {("US", "Samir Haddad Trading Establishment")},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), DESIGNATIONS)
def test_designations(extract, sentence: str, expected: set[tuple[str, str]]) -> None:
    assert designations(extract(sentence)) == expected


def test_designation_keeps_basis_and_reason(extract) -> None:
    extraction = extract("OFAC designated Paek Chol Su pursuant to E.O. 13382 for procuring missile parts.")
    (event,) = [e for e in extraction.events if e.type == "designation"]
    assert event.roles["basis"] == "E.O. 13382"
    assert event.roles["reason"] == "procuring missile parts"


DENIALS = [
    ("North Korea has denied claims that it is supplying arms to Russia.", {"KP"}),
    ("Tehran has rejected claims that it sold drones to Moscow.", {"IR"}),
    ("Both Moscow and Pyongyang have rejected accusations of an arms trade.", {"RU", "KP"}),
    ("Iranian officials denied accusations that they are supporting the invasion.", {"IR"}),
    ("The minister denied that the budget would be cut.", set()),  # not about arms, no actor
    ("North Korea's KCNA called the claims absurd.", {"KP"}),
    ("Kremlin spokesman Dmitry Peskov rejected the allegations of arms purchases as baseless.", {"RU"}),
    ("Beijing has insisted that it does not provide weapons to Russia.", {"CN"}),
    ("Moscow has repeatedly denied receiving weapons from Pyongyang.", {"RU"}),
    ("Iran rejects supplying weapons to the Houthis.", {"IR"}),
    # the state a titled official speaks for is the one in their title, not one before a comma
    (
        "In its reply to the Biden administration, Ethiopia's Prime Minister Dawit Alemu's government "
        "denied obtaining the Iranian military hardware.",
        {"ET"},
    ),
    # an office holder the gazetteer lists speaks for the state without a title in the text
    ("Zakharova called the reports of North Korean arms deliveries to Russia absurd.", {"RU"}),
    ('"The allegations of weapons supplies to Russia are groundless," Peskov told journalists.', {"RU"}),
    (
        "After the US claims, Iran's President Reza Karimi said his government had not sent any "
        "weapons to Russia.",
        {"IR"},
    ),
    ("India rejected a Russian offer to build submarines.", set()),  # rejecting an offer is no denial
    (
        "Sudan accused the UAE of arming the RSF. Those fighters and the Gulf state deny the charges.",
        {"Rapid Support Forces", "AE"},
    ),
    ("Both parties deny any arms deals, though Russia and North Korea have grown closer.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), DENIALS)
def test_denials(extract, sentence: str, expected: set[str]) -> None:
    assert denials(extract(sentence)) == expected


def test_denied_transfer_is_contested_and_linked(extract) -> None:
    extraction = extract(
        "Seoul said North Korea sent artillery shells to Russia. "
        "Pyongyang denied supplying weapons to Moscow."
    )
    (delivered,) = transfers(extraction)
    assert delivered["denied_by"] == ["state:KP"]
    (denial,) = [e for e in extraction.events if e.type == "denial"]
    assert denial.roles["subject"] is not None


ATTRIBUTION = [
    ("Russia is seeking weapons from North Korea, the White House said.", ["state:US"]),
    ("According to the State Department, Iran sent drones to Russia.", ["org:us-department-of-state"]),
    ("Mark Doyle said that Iran had sent drones to Russia.", ["person:mark-doyle"]),
    ("Iran sent drones to Russia.", []),
    ("South Korea's spy agency said North Korea has shipped munitions to Russia.", ["state:KR"]),
]


@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTION)
def test_attribution(extract, sentence: str, expected: list[str]) -> None:
    (transfer,) = transfers(extract(sentence))
    assert transfer["asserted_by"] == expected


def test_transcript_speaker_is_the_source(extract) -> None:
    text = "MS. HARLAND: Thank you.\nMR. OKAFOR: We know Iran has sent ballistic missiles to Russia."
    extraction = extract(text)
    (transfer,) = transfers(extraction)
    assert transfer["asserted_by"] == ["person:okafor"]
    assert {e.name for e in extraction.entities if e.kind == "person"} == {"Harland", "Okafor"}


SUPPORT = [
    ("Iran sent instructors to Crimea to train Russian drone crews.", ("IR", "RU"), "personnel"),
    ("North Korea has deployed thousands of troops to Russia, Seoul said.", ("KP", "RU"), "personnel"),
    ("Russia is providing North Korea with satellite technology.", ("RU", "KP"), "technology"),
]


@pytest.mark.parametrize(("sentence", "pair", "kind"), SUPPORT)
def test_military_support_is_not_a_transfer(extract, sentence: str, pair: tuple[str, str], kind: str) -> None:
    extraction = extract(sentence)
    assert transfers(extraction) == []
    support = [e for e in extraction.events if e.type == "military_support"]
    assert [
        (actor_name(extraction, e.roles["supplier"]), actor_name(extraction, e.roles["recipient"]))
        for e in support
    ] == [pair]
    assert kind in {i["kind"] for i in support[0].roles["items"]}


def test_accusation_names_accuser_accused_and_claim(extract) -> None:
    extraction = extract("Washington accused Pyongyang of shipping rockets to Russia.")
    (accusation,) = [e for e in extraction.events if e.type == "accusation"]
    assert [actor_name(extraction, a) for a in accusation.roles["accusers"]] == ["US"]
    assert [actor_name(extraction, a) for a in accusation.roles["accused"]] == ["KP"]
    assert accusation.roles["claim"] == "shipping rockets to Russia"
    (transfer,) = transfers(extraction)
    assert accusation.roles["subject"] == transfer["id"]


def test_the_administration_is_the_state_named_before(extract) -> None:
    text = "The Biden administration is watching closely. The administration said Iran sent drones to Russia."
    (transfer,) = transfers(extract(text))
    assert transfer["asserted_by"] == ["state:US"]
