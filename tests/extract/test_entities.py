"""Entities: states and their metonyms, organisations, people, regions; aliases and mentions."""

from __future__ import annotations

import pytest

from materiel.model import Extraction


def by_name(extraction: Extraction) -> dict[str, tuple[str, str | None]]:
    return {e.name: (str(e.kind), e.country) for e in extraction.entities}


STATES = [
    ("Pyongyang", "KP"),
    ("the DPRK", "KP"),
    ("the Kremlin", "RU"),
    ("Tehran", "IR"),
    ("the White House", "US"),
    ("the Biden administration", "US"),
    ("the Russian Federation", "RU"),
    ("Beijing", "CN"),
]


@pytest.mark.parametrize(("surface", "code"), STATES)
def test_metonyms_are_states(extract, surface: str, code: str) -> None:
    extraction = extract(f"Officials in {surface} commented on the talks.")
    assert any(e.kind == "state" and e.country == code for e in extraction.entities)


def test_one_entity_per_state_with_all_mentions(extract) -> None:
    text = "North Korea sent shells. The DPRK denies it. Pyongyang says nothing."
    extraction = extract(text)
    (kp,) = [e for e in extraction.entities if e.country == "KP" and e.kind == "state"]
    assert len(kp.mentions) == 3
    assert {text[m.start : m.end] for m in kp.mentions} == {"North Korea", "DPRK", "Pyongyang"}
    assert {"DPRK", "Pyongyang"} <= set(kp.aliases)


def test_short_person_names_resolve_to_the_full_name(extract) -> None:
    text = (
        "Spokesman Daniel Whitcombe spoke on Monday. Mr. Whitcombe said the talks went well. Whitcombe left."
    )
    extraction = extract(text)
    people = [e for e in extraction.entities if e.kind == "person"]
    assert [p.name for p in people] == ["Daniel Whitcombe"]
    assert len(people[0].mentions) == 3


ORGANISATIONS = [
    ("the Houthis", "Houthis"),
    ("Hezbollah", "Hezbollah"),
    ("the Wagner Group", "Wagner Group"),
    ("the IRGC", "Islamic Revolutionary Guard Corps"),
    # a branch of the IRGC that the lists name apart from it is its own organisation
    (
        "Iran’s Islamic Revolutionary Guard Corps Aerospace Force",
        "Islamic Revolutionary Guard Corps Aerospace Force",
    ),
    ("the Quds Force", "Islamic Revolutionary Guard Corps Qods Force"),
    ("the Treasury Department", "US Department of the Treasury"),
    ("OFAC", "Office of Foreign Assets Control"),
    ("Kata\u2019ib Hezbollah", "Kata'ib Hizballah"),  # a curly apostrophe reads as the file's straight one
    ("Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq"),
]


@pytest.mark.parametrize(("surface", "name"), ORGANISATIONS)
def test_known_organisations(extract, surface: str, name: str) -> None:
    extraction = extract(f"Reporters asked about {surface} on Tuesday.")
    # the entity is named as the document writes it; the data file's name stays an alias
    assert any(e.kind == "organization" and name in {e.name, *e.aliases} for e in extraction.entities)


def test_a_legal_form_alone_is_no_organisation(extract) -> None:
    """A page's copyright line ("The Washington Times, LLC.") yields the newspaper, not an "LLC"
    that screening would then find on the sanctions lists."""
    extraction = extract("Copyright © 2023 The Washington Times, LLC. Click here for reprint permission.")
    names = [e.name for e in extraction.entities if e.kind == "organization"]
    assert "LLC" not in names
    assert "The Washington Times" in names


def test_regions_are_not_states(extract) -> None:
    extraction = extract("Ships sailed from Crimea towards the Middle East.")
    kinds = by_name(extraction)
    assert kinds["Crimea"][0] == "region"
    assert kinds["Middle East"][0] == "region"


def test_administration_names_its_leader(extract) -> None:
    extraction = extract("The Biden administration has taken note of the statements.")
    assert "Biden" in [e.name for e in extraction.entities if e.kind == "person"]


def test_mentions_point_into_the_text(extract) -> None:
    extraction = extract("Vladimir Putin met Kim Jong Un in Vladivostok.")
    for entity in extraction.entities:
        for mention in entity.mentions:
            assert extraction.document.text[mention.start : mention.end] == mention.text


DETAILS = [
    ("Spokesman Daniel Whitcombe said the talks failed.", "Daniel Whitcombe", {"title": "Spokesman"}),
    (
        "The broker, Ivan Petrovsky, a Slovakian national, was sanctioned.",
        "Ivan Petrovsky",
        {"nationality": "SK"},
    ),
    ("Turkish citizen Murat Okan was also designated.", "Murat Okan", {"nationality": "TR"}),
    ("Mr. Whitcombe spoke to Daniel Whitcombe's staff.", "Daniel Whitcombe", {}),
]


@pytest.mark.parametrize(("sentence", "name", "details"), DETAILS)
def test_person_title_and_nationality(extract, sentence: str, name: str, details: dict[str, str]) -> None:
    (person,) = [e for e in extract(sentence).entities if e.name == name]
    assert {k: v for k, v in person.attributes.items() if k in {"title", "nationality"}} == details


# what an organisation is read as from the words around it: its state, or that it is a firm
KIND_AND_COUNTRY = [
    (
        "North Korea's Ministry of National Defence denied it.",
        "Ministry of National Defence",
        "organization",
        "KP",
    ),
    ("Ukraine's Defence Ministry said the shells were duds.", "Defence Ministry", "organization", "UA"),
    ("A spokesman for Iran's Foreign Ministry denied the report.", "Foreign Ministry", "organization", "IR"),
    # an organisation of the gazetteer keeps its own country: the council is no state's
    (
        "Russia vetoed it. Russia's UN Security Council envoy spoke later.",
        "UN Security Council",
        "organization",
        None,
    ),
    # an appositive that says "firm" ("Mado, the company ..."), but not one that people are called
    ("Sanctions hit the head of Mado, the company that makes the engines.", "Mado", "organization", None),
    ("John Smith, the company's founder, denied the report.", "John Smith", "person", None),
    ("Viktor Bout, the arms supplier, was freed in 2022.", "Viktor Bout", "person", None),
]


@pytest.mark.parametrize(("text", "name", "kind", "country"), KIND_AND_COUNTRY)
def test_an_organisation_read_from_the_words_around_it(
    extract, text: str, name: str, kind: str, country: str | None
) -> None:
    assert by_name(extract(text))[name] == (kind, country)


@pytest.mark.parametrize(
    "text",
    [
        "Treasury designated two procurement agents, Maher Yahya al-Kinai and Ahmed Khaled Yahya Al-Shahare.",
        "The sanctioned men are Ahmed Khaled Yahya Al-Shahare and Maher al-Kinai.",
    ],
)
def test_a_name_the_ner_cut_in_two_is_one_person(extract, text: str) -> None:
    # the model tags "Ahmed Khaled" and "Yahya Al-Shahare" as two people side by side
    people = [e.name for e in extract(text).entities if e.kind == "person"]
    assert "Ahmed Khaled Yahya Al-Shahare" in people
    assert "Ahmed Khaled" not in people and len(people) == 2


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the model leaves the first two parts out; a comma stands before them
        (
            "OFAC designated the airline and its CEO, Basheer Abdulkadhim Alwan al-Shabbani, on Monday.",
            "Basheer Abdulkadhim Alwan al-Shabbani",
        ),
        # after "and", capitalised words end a title, not a name
        ("The Under Secretary for Terrorism and Financial Intelligence Brian Nelson spoke.", "Brian Nelson"),
    ],
)
def test_the_first_parts_of_a_name_the_ner_left_out(extract, text: str, person: str) -> None:
    assert person in [e.name for e in extract(text).entities if e.kind == "person"]


# NER reads some mentions of a person as an organisation's name; the person's other mentions tell
PEOPLE_READ_AS_ORGS = [
    # the name joined to a body's code after a title: NER's "UN Nikki Haley"
    (
        "US envoy to the UN Nikki Haley showed the debris. Haley said it came from Iran.",
        "Nikki Haley",
        "Haley",
    ),
    (
        "The UN envoy Nikki Haley spoke on Monday. “It was made in Iran,” Haley said. Later, Haley said more."
        "",
        "Nikki Haley",
        "Haley",
    ),
    (
        "Envoy Karen Pierce spoke first. Later, ambassador Pierce said the drones were Iranian, Pierce said.",
        "Karen Pierce",
        "Pierce",
    ),
]


@pytest.mark.parametrize(("text", "person", "short"), PEOPLE_READ_AS_ORGS)
def test_a_person_read_as_an_organisation(extract, text: str, person: str, short: str) -> None:
    entities = extract(text).entities
    assert not [e.name for e in entities if e.kind == "organization" and short in e.name]
    assert any(e.kind == "person" and e.name == person for e in entities)


def test_a_company_named_after_a_person_stays_a_company(extract) -> None:
    kinds = by_name(extract("Minister Sergei Ivanov spoke. Ivanov Holdings denied it, Ivanov said."))
    assert kinds["Ivanov Holdings"] == ("organization", None)
    assert kinds["Sergei Ivanov"] == ("person", None)


# a ship's IMO number where the text gives it right after the ship's name, its check digit right
IMO_NUMBERS = [
    ("The Treasury designated the tanker Yu Jong 2 (IMO 8604917) on Friday.", "Yu Jong 2", "8604917"),
    ("The ship Chong Chon Gang, IMO: 7937317, was seized in Panama.", "Chong Chon Gang", "7937317"),
    ("The vessel Sea Star (IMO 8604918) sailed.", "Sea Star", None),  # check digit wrong
    ("The vessel Sea Star sailed; the Treasury named IMO 8604917 later.", "Sea Star", None),  # not its own
    # a number NER left out of the name is the name's: "Sea Breeze 7" is not SEA BREEZE
    ("Invented: the tanker Sea Breeze 7 (IMO 7937317) called at Nampo.", "Sea Breeze 7", "7937317"),
    ("The tanker Sea Breeze 7 times a year loaded oil.", "Sea Breeze", None),  # a count, not a name's
]


@pytest.mark.parametrize(("text", "ship", "imo"), IMO_NUMBERS)
def test_a_ships_imo_number(extract, text: str, ship: str, imo: str | None) -> None:
    (vessel,) = [e for e in extract(text).entities if e.name == ship]
    assert vessel.kind == "vessel" and vessel.attributes.get("imo") == imo


# a company named after its country or city is one organisation, and the place in it no state's mention;
# a run ending in an organ of the state stays the state's
PLACES_IN_NAMES = [
    ("Lenders such as Moscow Industrial Bank raised their rates.", "Moscow Industrial Bank", None),
    ("Flights by Iran Air were halted.", "Iran Air", None),
    ("Payments went through Bank Melli Iran last year.", "Bank Melli Iran", None),
    ("Shares fell on the Tehran Stock Exchange.", "Tehran Stock Exchange", None),
    ("The Bank of Moscow lent the money.", "Bank of Moscow", None),
    ("The North Korea Air Force flew drills.", None, "KP"),
    ("The Russian Defense Ministry denied it.", None, "RU"),
]


@pytest.mark.parametrize(("text", "company", "state"), PLACES_IN_NAMES)
def test_a_company_named_after_a_place(extract, text: str, company: str | None, state: str | None) -> None:
    extraction = extract(text)
    states = {e.country for e in extraction.entities if e.kind == "state"}
    orgs = {e.name for e in extraction.entities if e.kind == "organization"}
    if company is not None:
        assert company in orgs
        assert not states  # "Moscow" in the bank's name is no mention of Russia
    else:
        assert states == {state}
        assert not any(name.endswith(("Air Force", "Defense Ministry")) and state in name for name in orgs)


def test_a_noun_the_un_capitalises_is_no_person(extract) -> None:
    extraction = extract(
        "Russia disputed the evidence, but several States hold the view that the transfers broke the law."
    )
    assert not [e for e in extraction.entities if e.kind == "person"]


# a company's name the NER left out: a capitalised run with a word only companies' names bear and a
# word of its own; a run of such words alone is no name
COMPANIES_LEFT_OUT = [
    (
        "The Treasury will take action against JSC 558 Aircraft Repair Plant, Public Joint Stock Company "
        "Integral, OOO Oboronnye Initsiativy and others.",
        {"JSC 558 Aircraft Repair Plant", "Public Joint Stock Company Integral", "OOO Oboronnye Initsiativy"},
    ),
    ("It is a Joint Stock Company under Russian law, the Group said.", set()),  # no word of its own
    # a number after a legal form in front is the name's
    (
        "In addition, the Treasury will act against OJSC Alpha Holding Radar System, JSC 558 Aircraft Repair "
        "Plant, Public Joint Stock Company Integral and others.",
        {
            "OJSC Alpha Holding Radar System",
            "JSC 558 Aircraft Repair Plant",
            "Public Joint Stock Company Integral",
        },
    ),
    # a bank's name in one word
    ("The sanctions target two state banks - Belvinvestbank and Bank Dabrabyt.", {"Belvinvestbank"}),
    # a legal form in front of the next name of a list, not behind this one; a legal form with its
    # full stop ends a name
    (
        "They named OKB TSP Scientific Production Limited Liability Company, LLC Synesis and two others.",
        {"OKB TSP Scientific Production Limited Liability Company", "LLC Synesis"},
    ),
    (
        "The Treasury named Raven Trade; and S&C Trade PTY Co. S&C’s Beijing-based agent was named as well.",
        {"S&C Trade PTY Co."},
    ),
    # the NER's cuts mended: the ordinal in front, a half of words of kind after "and"
    ("OFAC also designated the 66th Light Infantry Division on Friday.", {"66th Light Infantry Division"}),
    (
        "Two banks, Myanma Foreign Trade Bank and Myanma Investment and Commercial Bank, were named.",
        {"Myanma Foreign Trade Bank", "Myanma Investment and Commercial Bank"},
    ),
    ("The Minsk Wheeled Tractor Plant was named.", {"Minsk Wheeled Tractor Plant"}),  # a place in it
]


@pytest.mark.parametrize(("text", "names"), COMPANIES_LEFT_OUT)
def test_a_company_name_the_ner_left_out(extract, text: str, names: set[str]) -> None:
    orgs = {e.name for e in extract(text).entities if e.kind == "organization"}
    assert names <= orgs and "Joint Stock Company" not in orgs, orgs
    assert not any(o != n and o.startswith(n) for o in orgs for n in names), orgs  # none run on
