"""Arms transfers: direction, items, status and what is not a transfer, in many phrasings.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from tests.extract.conftest import pairs, transfers

DIRECTION = [
    # giver verbs: subject supplies
    ("Iran supplied the Houthis with anti-ship missiles last year.", ("IR", "Houthis")),
    ("Pyongyang delivered several thousand containers of munitions to Russia in the autumn.", ("KP", "RU")),
    ("Turkey sold armed drones to Ukraine in 2021.", ("TR", "UA")),
    ("Iran has provided Hezbollah with thousands of rockets, Israeli officials say.", ("IR", "Hezbollah")),
    ("The DPRK has shipped rockets and artillery ammunition to Russia by rail.", ("KP", "RU")),
    ("North Korea is believed to have exported weapons to Russia.", ("KP", "RU")),
    # taker verbs: subject receives
    ("Russia is seeking weapons from North Korea in return for food.", ("KP", "RU")),
    ("Moscow has received hundreds of attack drones from Tehran since the summer.", ("IR", "RU")),
    ("Syria obtained Iranian air defence systems in 2019.", ("IR", "SY")),
    ("Russia is looking to buy artillery ammunition from North Korea, US officials said.", ("KP", "RU")),
    # nouns
    (
        "The transfer of ballistic missiles from the DPRK to Russia was confirmed by the White House.",
        ("KP", "RU"),
    ),
    ("Russia's procurement of North Korean missiles breaks UN resolutions.", ("KP", "RU")),
    ("Analysts tracked Iranian transfers of missile technology to the Houthis.", ("IR", "Houthis")),
    ("They condemned the DPRK's provision of arms to Russia.", ("KP", "RU")),
    ("We agreed on the supply of modern air defence systems by Russia to Belarus.", ("RU", "BY")),
    ("China is considered the main source of military hardware for Myanmar's junta.", ("CN", "MM")),
    (
        "Since the war began, Venezuela has prioritised weapons acquisition, including Iranian drones.",
        ("IR", "VE"),
    ),
    (
        "Two brokers facilitated the acquisition by the Wagner Group of drones from Iran.",
        ("IR", "Wagner Group"),
    ),
    # a member named for a group of suppliers
    (
        "A UN report named Serbia as one of three countries supplying arms to the Myanmar military.",
        ("RS", "MM"),
    ),
    ("Serbia is among the countries supplying arms to the Myanmar military.", ("RS", "MM")),
    # items sent somewhere: from their origin to where they were bound
    ("The network moved North Korean shells bound for Russia through a port in the east.", ("KP", "RU")),
    ("The navy seized Iranian missiles that were destined for the Houthis.", ("IR", "Houthis")),
    (
        "Moscow has been negotiating the delivery of cruise missiles to Yemen's Houthi militias.",
        ("RU", "Houthis"),
    ),
    # origin of the items
    ("North Korean artillery shells have been used by Russian forces in Ukraine.", ("KP", "RU")),
    ("Ukrainian officials say Russia launched Iranian-made drones at Kyiv overnight.", ("IR", "RU")),
    ("The Russian military was buying Iranian drones for its campaign.", ("IR", "RU")),
    # reported accusation, object control
    ("Washington accused Beijing of providing Moscow with dual-use electronics for its war.", ("CN", "RU")),
    # undirected mention: order as written
    ("Officials voiced concern over arms transfers between the DPRK and Russia.", ("KP", "RU")),
    # state organs stand for the state
    ("The IRGC delivered drones and explosives to Syria.", ("IR", "SY")),
    ("The Quds Force delivered drones and explosives to Syria.", ("IR", "SY")),
    # passives, possessive nouns, imports, supplier nouns, origins
    ("Ballistic missiles were transferred to Russia by North Korea late last year.", ("KP", "RU")),
    ("The rockets were shipped from Iran to Yemen aboard a dhow.", ("IR", "YE")),
    ("China's arms deliveries to Myanmar have grown since the coup.", ("CN", "MM")),
    ("Arms sales to Sudan's army by the UAE were documented by the panel.", ("AE", "SD")),
    ("Algeria imports most of its arms from Russia.", ("RU", "DZ")),
    ("Iran has become Russia's top supplier of drones.", ("IR", "RU")),
    ("Minsk transferred tanks to the Russian army, Ukrainian intelligence said.", ("BY", "RU")),
    ("The Wagner Group obtained surface-to-air missiles from North Korea.", ("KP", "Wagner Group")),
    ("The Houthis received Iranian-designed drones through smuggling networks.", ("IR", "Houthis")),
    ("A cargo of Iranian weapons bound for the Houthis was seized in the Arabian Sea.", ("IR", "Houthis")),
    ("Myanmar's military has imported weapons from Russia, China and other countries.", ("CN", "MM")),
    ("Russia is said to have given Iran fighter jets in return for drones.", ("RU", "IR")),
    ("Germany approved the delivery of tanks to Ukraine.", ("DE", "UA")),
    ("Armenia signed a contract with India to buy Pinaka multiple rocket launchers.", ("IN", "AM")),
    ("The ship was carrying Iranian weapons to the Houthis when it was stopped.", ("IR", "Houthis")),
    ("China's exports of dual-use electronics to Russia have surged.", ("CN", "RU")),
    ("Countries who supply Armenia with weapons, like France and India, are criticised.", ("IN", "AM")),
    ("The EU introduced sanctions for Iran's supply of missiles to Russia.", ("IR", "RU")),
    ("The UAE played a role in weapons shipments to the Ethiopian government.", ("AE", "ET")),
    ("Abu Dhabi sent armoured vehicles to forces loyal to Khalifa Haftar.", ("AE", "Khalifa Haftar")),
    ("The report covers unlawful DPRK-Russia military cooperation including arms transfers.", ("KP", "RU")),
    ("In September, Myanmar received the first shipment of two Russian Su-30 fighter jets.", ("RU", "MM")),
    (
        "Officials said Iran failed to prevent the transfer of missiles from Iran to the Houthis.",
        ("IR", "Houthis"),
    ),
    ("The deal covers the acquisition by the Wagner Group of drones from Iran.", ("IR", "Wagner Group")),
    ("The EU put nine Iranian entities on its sanctions list for supplying drones to Russia.", ("IR", "RU")),
    ("Washington sanctioned a carrier for its role in sending Iranian drones to Russia.", ("IR", "RU")),
]


def test_coordinated_suppliers(extract) -> None:
    text = "The UN expert said Russia and China were providing the Myanmar junta with fighter jets."
    assert pairs(extract(text)) == {("RU", "MM"), ("CN", "MM")}


def test_items_of_two_origins_make_two_transfers(extract) -> None:
    text = "The junta showed that it received three Russian helicopters and two Chinese jets."
    assert pairs(extract("Myanmar's military bought rifles. " + text)) >= {("RU", "MM"), ("CN", "MM")}


@pytest.mark.parametrize(("sentence", "pair"), DIRECTION)
def test_direction(extract, sentence: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(extract(sentence))


NOT_TRANSFERS = [
    "Russia is going to respond to the new sanctions on its weapons industry.",
    "States are bound to the arms embargo under the resolution.",
    "Belarus has not supplied Russia with tanks, the ministry said.",
    "If China were to send weapons to Russia, it would face consequences.",
    "Any arms deal between North Korea and Russia would breach Security Council resolutions.",
    "Arms deals between North Korea and Russia would breach several Security Council resolutions.",
    "Experts say shortages are likely to stop Russia from providing arms to North Korea.",
    "Moscow made a threat to send its newest weapons to the DPRK.",
    "South Korea has refused to send lethal weapons to Ukraine.",
    "Israel has given Ukraine no air defence systems despite repeated requests.",
    "The regulation prohibits the export of drone components from the EU to Iran.",
    "Iran sent military trainers to Crimea to teach Russian crews.",
    "North Korea tested a ballistic missile off its east coast on Monday.",
    "Kim Jong Un met Vladimir Putin at a spaceport in the Russian Far East.",
    "The two leaders discussed the arms control talks in Geneva.",
    "In exchange for the shells, Moscow provided Pyongyang with oil and food.",
    "Tehran supplies Hezbollah with an estimated 700 million dollars a year.",
    "Investigators found drones of Iranian origin in a field near the border.",
    "The arms dealer met two Iranian officials in Dubai.",
]


@pytest.mark.parametrize("sentence", NOT_TRANSFERS)
def test_not_a_transfer(extract, sentence: str) -> None:
    assert transfers(extract(sentence)) == []


CATEGORIES = [
    ("Iran supplied Russia with Shahed drones.", ["uav"]),
    ("North Korea sent artillery shells and rockets to Russia.", ["ammunition"]),
    ("Russia bought KN-23 ballistic missiles from North Korea.", ["missiles"]),
    ("China sold tanks and air defence systems to Myanmar.", ["air_defence", "armoured_vehicles"]),
    ("North Korea supplied Russia with weapons and munitions.", ["ammunition", "unspecified"]),
    ("Iran exported components used in the production of drones to Russia.", ["uav"]),
]


@pytest.mark.parametrize(("sentence", "expected"), CATEGORIES)
def test_item_categories(extract, sentence: str, expected: list[str]) -> None:
    found = transfers(extract(sentence))
    assert found, sentence
    assert sorted({c for t in found for c in t["categories"]}) == expected


STATUS = [
    ("Russia is seeking weapons from North Korea.", "sought"),
    ("Officials said Iran was preparing to send ballistic missiles to Russia.", "planned"),
    ("North Korea agreed to supply Russia with artillery shells.", "agreed"),
    ("A broker tried to arrange the sale of North Korean weapons to Russia.", "attempted"),
    ("North Korea delivered artillery shells to Russia.", "delivered"),
    ("China is considered the main source of military hardware for Myanmar's junta.", "delivered"),
    ("The navy seized Iranian missiles that were destined for the Houthis.", "attempted"),
    ("China is considering supplying military hardware to Myanmar's junta.", "planned"),
    ("Germany will deliver tanks to Ukraine next month.", "planned"),
    ("The navy seized a shipment of Iranian rifles bound for the Houthis.", "attempted"),
]


@pytest.mark.parametrize(("sentence", "status"), STATUS)
def test_status(extract, sentence: str, status: str) -> None:
    found = transfers(extract(sentence))
    assert [t["status"] for t in found] == [status]


def test_consideration_broker_and_attribution(extract) -> None:
    text = (
        "According to the Treasury Department, Ivan Petrovsky worked with North Korean officials to "
        "obtain rockets for Russia in exchange for commercial aircraft, raw materials and commodities."
    )
    (transfer,) = transfers(extract(text))
    assert (transfer["supplier"], transfer["recipient"]) == ("KP", "RU")
    assert transfer["brokers"] == ["Ivan Petrovsky"]
    assert [c["text"] for c in transfer["consideration"]] == [
        "commercial aircraft",
        "raw materials",
        "commodities",
    ]
    assert transfer["categories"] == ["ammunition"]  # the aircraft are payment, not materiel
    assert transfer["status"] == "attempted"
    assert transfer["asserted_by"] == ["org:us-department-of-the-treasury"]


def test_supplier_shared_across_a_list(extract) -> None:
    text = (
        "Among the shipments were rifles sent to Aden, cruise missiles passed to the Houthis, "
        "and drones provided to Syria by the IRGC."
    )
    assert pairs(extract(text)) == {("IR", "Houthis"), ("IR", "SY")}  # Aden is a place, not a party


def test_several_recipients(extract) -> None:
    found = pairs(extract("Iran shipped missile parts to Hezbollah in Lebanon and the Houthis in Yemen."))
    assert found == {("IR", "Hezbollah"), ("IR", "Houthis")}


def test_evidence_is_the_exact_source_span(extract) -> None:
    text = "A headline\n\nSeoul said on Friday that North Korea had sent artillery shells to Russia."
    extraction = extract(text)
    (transfer,) = transfers(extraction)
    (evidence,) = transfer["evidence"]
    assert extraction.document.text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert evidence["text"].startswith("Seoul said")


def test_time_is_normalised_against_publication(extract) -> None:
    (transfer,) = transfers(
        extract("North Korea sent artillery shells to Russia between late 2022 and early 2023.")
    )
    assert transfer["when"]["start"] == "2022-09-01"
    assert transfer["when"]["end"].startswith("2023-04")
